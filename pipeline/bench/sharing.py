"""Cost of the handbook's cite/share extras (issue 11, part B) inside a real `build` of a generated corpus.

`python -m pipeline.bench.sharing --sizes 50 200`: for each size a fresh corpus, one full `build` with every
part timed (the Sonderdrucke as CPU seconds of the worker thread, plan/translate and the wait at the end as
wall seconds of the main thread), then the same build without Sonderdrucke for comparison, then one `pdf` run
after editing one case (only its Sonderdruck is set again). Process CPU time is printed next to wall time:
on a shared machine it is the steadier number.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..cli import main
from ..html import citebox, feed, meta, opendata, search
from ..typst import offprint
from .corpus import generate

PARTS = ((offprint, "plan", "offprints: plan+translate"), (offprint, "finish", "offprints: wait+publish"),
         (offprint, "compile_job", "offprints: compile (worker thread)"), (opendata, "write_cite_files", "bib+ris"),
         (opendata, "write_data", "json+csv+schema"), (feed, "_finished", "feed+sitemap+robots"),
         (meta, "_page_context", "head metadata"), (citebox, "_add_box", "zitieren box"),
         (search, "start_index", "pagefind index: start"), (search.Indexing, "wait", "pagefind index: wait"))


def _instrument(times: dict[str, float]) -> Callable[[], None]:
    originals: list[tuple[Any, str, Any]] = []
    for module, name, label in PARTS:
        original = getattr(module, name)

        def timed(*args: Any, _f: Any = original, _label: str = label, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return _f(*args, **kwargs)
            finally:
                times[_label] += time.perf_counter() - started

        originals.append((module, name, original))
        setattr(module, name, timed)

    def undo() -> None:
        for module, name, original in originals:
            setattr(module, name, original)

    return undo


def run(root: Path, command: str, offprints: bool = True) -> tuple[float, float, dict[str, float]]:
    times: dict[str, float] = defaultdict(float)
    undo = _instrument(times)
    finished_hook = offprint._finished
    if not offprints:
        offprint._finished = lambda app, exc: None
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            status = main(["--root", str(root), command])
    finally:
        undo()
        offprint._finished = finished_hook
    if status:
        raise SystemExit(f"{command} in {root}: status {status}")
    return time.perf_counter() - wall, time.process_time() - cpu, dict(times)


def _line(label: str, wall: float, cpu: float, times: dict[str, float]) -> str:
    parts = ", ".join(f"{k} {v:.2f} s" for k, v in times.items() if v >= 0.005)
    return f"  {label}: {wall:.1f} s (CPU {cpu:.1f} s); {parts}"


def main_bench(sizes: list[int]) -> None:
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / f"n{n}"
            generate(root, n)
            print(f"N = {n}")
            print(_line("build, fresh", *run(root, "build")))
            shutil.rmtree(root / "build")
            print(_line("build, fresh, without offprints", *run(root, "build", offprints=False)))
            shutil.rmtree(root / "build")
            run(root, "pdf")
            case = next((root / "docs/beitraege").rglob("fall-0001.md"))
            case.write_text(case.read_text(encoding="utf-8").replace("Abschnitt 1", "Abschnitt eins"), encoding="utf-8")
            print(_line("pdf after editing one case", *run(root, "pdf")))
            print(_line("html after editing one case", *run(root, "html")))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    main_bench(parser.parse_args().sizes)
