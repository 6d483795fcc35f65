"""Where the time goes: cProfile of a full build and `-X importtime` of a check, as a text report."""

from __future__ import annotations

import io
import pstats
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from .measure import measure
from .report import de

TOP = 25


def _short(text: str, repo: Path) -> str:
    """Paths relative to site-packages and to the repository: the table stays readable."""
    for prefix in (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"], str(repo)):
        text = text.replace(prefix + "/", "")
    return text


def _stats(prof: Path, order: str, count: int) -> str:
    buf = io.StringIO()
    pstats.Stats(str(prof), stream=buf).sort_stats(order).print_stats(count)
    # drop pstats' preamble (file name, timestamp) up to the summary line
    lines = buf.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "function calls" in line), 0)
    return "\n".join(lines[start:]).strip()


def imports(root: Path, count: int) -> tuple[str, float]:
    """The `count` slowest imports (cumulative) of `check`, and the total import time in seconds."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "pipeline.cli", "--root", str(root), "check"],
                          capture_output=True, text=True)
    rows: list[tuple[int, int, str]] = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line[len("import time:"):].split("|", 2)
        rows.append((int(cumulative), int(own), name.rstrip()))
    total = sum(own for _, own, _ in rows) / 1e6
    rows.sort(reverse=True)
    lines = [f"{'kumulativ [ms]':>15} {'selbst [ms]':>12}  Modul"]
    lines += [f"{de(c / 1000, 1):>15} {de(o / 1000, 1):>12}  {name}" for c, o, name in rows[:count]]
    return "\n".join(lines), total


def profile(root: Path, size: int, repo: Path, out: Path) -> list[str]:
    """Profile a full build of the corpus at `root`; write the report to `out`; return the hot spots."""
    prof = out.with_name(f"bench-profil-n{size}.prof")
    shutil.rmtree(root / "build", ignore_errors=True)
    took = measure([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "pipeline.cli", "--root", str(root),
                    "build"], "cProfile build")
    import_table, import_total = imports(root, TOP)
    text = "\n\n".join([
        f"Profil des vollen Baus, N={size} (cProfile, {de(took['s'], 1)} s mit Profiler; Rohdaten: {prof.name})",
        f"Die {TOP} Einträge mit der höchsten kumulierten Zeit:",
        _short(_stats(prof, "cumulative", TOP), repo),
        f"Die {TOP} Einträge mit der höchsten eigenen Zeit (ohne Aufgerufene):",
        _short(_stats(prof, "tottime", TOP), repo),
        f"Importzeit von „check“ (python -X importtime), gesamt {de(import_total)} s; die {TOP} teuersten Importe:",
        import_table,
    ]) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return hot_spots(prof, repo)


def hot_spots(prof: Path, repo: Path, count: int = 8) -> list[str]:
    """The functions with the most own time: where an optimisation would pay off."""
    stats = pstats.Stats(str(prof))
    total = stats.total_tt  # type: ignore[attr-defined]
    entries = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
    spots = []
    for (file, line, func), (_, _, own, cumulative, _) in entries[:count]:
        where = _short(f"{file}:{line}", repo)
        spots.append(f"{de(own, 1):>6} s eigen ({de(100 * own / total, 1):>4} %), {de(cumulative, 1):>6} s kumuliert  "
                     f"{func}  {where}")
    return spots
