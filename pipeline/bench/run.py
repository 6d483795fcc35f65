"""Run the benchmark: every step on corpora of several sizes, side by side in one invocation.

Each measurement is a fresh process (`python -m pipeline.cli …`); wall time and peak RSS come from
`os.wait4`. The minimum of several runs is reported. Results: build/bench.json and a table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .corpus import generate

STEPS = ("check", "html", "pdf", "epub", "build", "html-warm", "build-warm")


def measure(root: Path, command: str) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one CLI command in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "--root", str(root), command],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        raise SystemExit(f"Benchmark-Schritt „{command}“ ist fehlgeschlagen:\n{err[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def touch_one(root: Path, docnames: list[str], run: int) -> None:
    file = root / "docs" / f"{docnames[len(docnames) // 2]}.md"
    file.write_text(file.read_text(encoding="utf-8") + f"\nNachtrag {run}: Die Redaktion hat ergänzt.\n",
                    encoding="utf-8")


def bench(size: int, runs: int, base: Path) -> dict[str, dict[str, float]]:
    root = base / f"n{size}"
    docnames = generate(root, size)
    results: dict[str, dict[str, float]] = {}

    def record(step: str, value: tuple[float, float]) -> None:
        best = results.setdefault(step, {"s": value[0], "rss_mib": value[1]})
        best["s"] = min(best["s"], value[0])
        best["rss_mib"] = max(best["rss_mib"], value[1])

    for run in range(runs):
        record("check", measure(root, "check"))
        for step in ("html", "pdf", "epub", "build"):
            shutil.rmtree(root / "build", ignore_errors=True)
            record(step, measure(root, step))
        # after the full build: edit one contribution, rebuild
        touch_one(root, docnames, run)
        record("html-warm", measure(root, "html"))
        touch_one(root, docnames, run + 100)
        record("build-warm", measure(root, "build"))
        print(f"  N={size}: Lauf {run + 1}/{runs} fertig", file=sys.stderr)
    return results


def table(all_results: dict[int, dict[str, dict[str, float]]]) -> str:
    sizes = sorted(all_results)
    head = f"{'Schritt':<12}" + "".join(f"{'N=' + str(n):>16}" for n in sizes)
    ratio = 200 in all_results and 50 in all_results
    if ratio:
        head += f"{'N200/N50':>11}"
    lines = [head, "-" * len(head)]
    for step in STEPS:
        row = f"{step:<12}"
        for n in sizes:
            r = all_results[n][step]
            row += f"{r['s']:>8.2f} s {r['rss_mib']:>4.0f} MB"
        if ratio:
            row += f"{all_results[200][step]['s'] / all_results[50][step]['s']:>10.2f}x"
        lines.append(row)
    for n in sizes:
        share = 100 * all_results[n]["html-warm"]["s"] / all_results[n]["html"]["s"]
        lines.append(f"N={n}: Ein-Beitrag-Neubau (html-warm) = {share:.0f} % des vollen HTML-Baus")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description="koopstadt-Benchmark")
    parser.add_argument("--sizes", default="10,50,200", help="Korpusgrößen, z. B. 10,50,200")
    parser.add_argument("--runs", type=int, default=3, help="Läufe je Messung (das Minimum zählt)")
    parser.add_argument("--out", default="build/bench.json")
    args = parser.parse_args(argv)
    base = Path("build/bench").resolve()
    results: dict[int, dict[str, dict[str, float]]] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"Benchmark N={size} …", file=sys.stderr)
        results[size] = bench(size, args.runs, base)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"runs": args.runs, "cpus": os.cpu_count(), "results": results}, indent=2),
                   encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
