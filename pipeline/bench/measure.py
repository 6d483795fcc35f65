"""One measurement: a command in a fresh process, its wall time and the peak RSS of its process tree."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

Result = dict[str, float]  # {"s": seconds, "rss_mib": peak resident set size}


def measure(argv: Sequence[str], what: str, env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Result:
    """Run `argv`; wall time and peak RSS from `os.wait4` (the largest process of the tree, children included)."""
    # stderr goes to a file, not a pipe: a chatty step must not block on a full pipe while we wait
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=subprocess.DEVNULL, stderr=err, cwd=cwd,
                                env=dict(env) if env is not None else None)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if status != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-3000:]
            raise SystemExit(f"Benchmark-Schritt „{what}“ ist fehlgeschlagen:\n{tail}")
    return {"s": seconds, "rss_mib": usage.ru_maxrss / 1024}


def cli(root: Path, command: str) -> Result:
    """`python -m pipeline.cli --root <root> <command>` in the running interpreter's environment."""
    return measure([sys.executable, "-m", "pipeline.cli", "--root", str(root), command], command)


def plain_sphinx(root: Path, out: Path) -> Result:
    """Sphinx alone on the corpus's sources, as a team would use it without this project: no configuration file,
    myst-parser with the same MyST syntax, the book theme, HTML only (the yardstick of the issue's targets)."""
    from ..body import MYST_EXTENSIONS

    return measure([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-C", "-D", "extensions=myst_parser",
                    "-D", "html_theme=sphinx_book_theme", "-D", "language=de",
                    "-D", f"myst_enable_extensions={','.join(sorted(MYST_EXTENSIONS))}", str(root / "docs"), str(out)],
                   "sphinx")


def keep_best(results: dict[str, Result], step: str, value: Result) -> None:
    """Minimum time over the runs (the least disturbed one), maximum peak RSS (the worst case)."""
    best = results.setdefault(step, dict(value))
    best["s"] = min(best["s"], value["s"])
    best["rss_mib"] = max(best["rss_mib"], value["rss_mib"])


def touch_one(root: Path, docnames: list[str], run: int) -> None:
    """Edit one contribution in the middle of the corpus, as an editor fixing a sentence would."""
    file = root / "docs" / f"{docnames[len(docnames) // 2]}.md"
    file.write_text(file.read_text(encoding="utf-8") + f"\nNachtrag {run}: Die Redaktion hat ergänzt.\n",
                    encoding="utf-8")
