"""Run the benchmark: what editors experience, side by side in one invocation.

CLI rows: every step on corpora of several sizes, each a fresh `python -m pipeline.cli …` process.
Editor rows: whole `nox -s …` calls on one corpus (session start included) and the first build of a
fresh clone (environment creation included). The minimum of several runs counts; wall time and peak
RSS come from `os.wait4`. Results, tool versions and the issue's targets: build/bench.json; a profile
of the largest full build: build/bench-profil.txt.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import sharing
from .corpus import generate
from .editor import demo_rows, fresh_clone, git, nox_command, nox_rows
from .measure import Result, cli, keep_best, plain_sphinx, touch_one
from .profiling import profile
from .report import cli_table, comparison, editor_table, targets, targets_table
from .versions import versions

REPO = Path(__file__).resolve().parents[2]


def bench(size: int, runs: int, base: Path) -> dict[str, Result]:
    root = base / f"n{size}"
    docnames = generate(root, size)
    results: dict[str, Result] = {}
    for run in range(runs):
        keep_best(results, "check", cli(root, "check"))
        plain = root / "build" / "sphinx-allein"
        shutil.rmtree(plain, ignore_errors=True)
        keep_best(results, "sphinx", plain_sphinx(root, plain))
        for step in ("html", "pdf", "epub", "build"):
            shutil.rmtree(root / "build", ignore_errors=True)
            keep_best(results, step, cli(root, step))
        # after the full build: edit one contribution, rebuild
        touch_one(root, docnames, run)
        keep_best(results, "html-warm", cli(root, "html"))
        touch_one(root, docnames, run + 100)
        keep_best(results, "build-warm", cli(root, "build"))
        keep_best(results, "build-still", cli(root, "build"))  # untouched: must redo nothing
        print(f"  N={size}: Lauf {run + 1}/{runs} fertig", file=sys.stderr)
    return results


def previous(out: Path) -> dict[str, Any] | None:
    """The last result, kept as bench-vorher.json before it is replaced."""
    try:
        data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    shutil.copy(out, out.with_name("bench-vorher.json"))
    return data


def build_parser() -> argparse.ArgumentParser:
    """`nox -s bench -- …`: German usage, help and errors like every other session (call in `german_argparse`)."""
    from ..cli import GermanParser

    parser = GermanParser(prog="nox -s bench --", description="koopstadt-Benchmark")
    parser.command = "bench"
    parser.add_argument("--sizes", default="10,50,200", metavar="LISTE",
                        help="Korpusgrößen der CLI-Zeilen, z. B. 10,50,200")
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="Läufe je Messung (das Minimum zählt)")
    parser.add_argument("--nox-groesse", type=int, default=50, metavar="N",
                        help="Korpusgröße der nox-Zeilen (0: keine nox-Zeilen)")
    parser.add_argument("--ohne-klon", action="store_true", help="den ersten Bau eines frischen Klons nicht messen")
    parser.add_argument("--profil-groesse", type=int, default=None, metavar="N",
                        help="vollen Bau dieser Größe profilieren (Vorgabe: 200, falls gemessen; 0: kein Profil)")
    parser.add_argument("--ohne-teilkosten", action="store_true",
                        help="die Teilkosten des Handbuchs (Suchindex, Sonderdrucke, Daten) nicht messen")
    parser.add_argument("--out", default="build/bench.json", metavar="DATEI", help="Ergebnisdatei (JSON)")
    return parser


def main(argv: list[str] | None = None) -> int:
    from ..cli import german_argparse

    with german_argparse():
        args = build_parser().parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    base = Path("build/bench").resolve()
    out = Path(args.out)
    nox = nox_command()
    data: dict[str, Any] = {"runs": args.runs, "versionen": versions(REPO, nox), "results": {}}
    data["cpus"] = int(data["versionen"]["cpus"])

    before = previous(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.stem + "-teil.json")

    def keep() -> None:  # what is measured so far survives a failing later stage
        partial.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    _measure(args, sizes, base, nox, data, keep)
    spots = _profile(args, sizes, base, out)
    shares = _share_costs(args, sizes)
    data["ziele"] = targets(data)

    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.unlink(missing_ok=True)
    print(_report(data, before, shares, spots, out))
    return 0


def _measure(args: argparse.Namespace, sizes: list[int], base: Path, nox: list[str] | None, data: dict[str, Any],
             keep: Callable[[], None]) -> None:
    """The CLI steps at each size, the nox sessions, a fresh clone's first build (into `data`, kept after each)."""
    for size in sizes:
        print(f"Benchmark N={size} …", file=sys.stderr)
        data["results"][str(size)] = bench(size, args.runs, base)
        keep()
    if args.nox_groesse and nox:
        print(f"Benchmark über nox, N={args.nox_groesse} …", file=sys.stderr)
        root = base / f"nox-n{args.nox_groesse}"
        docnames = generate(root, args.nox_groesse)
        data["nox"] = {"n": args.nox_groesse, "rows": nox_rows(nox, REPO, root, docnames, args.runs)}
        keep()
    elif args.nox_groesse:
        print("nox nicht gefunden: die nox-Zeilen fehlen.", file=sys.stderr)
    if args.nox_groesse and nox:
        print("Über nox auf dem mitgelieferten Inhalt (Demo) …", file=sys.stderr)
        data["demo"] = {"rows": demo_rows(nox, REPO, base / "demo", args.runs)}
        keep()
    if not args.ohne_klon and nox:
        print("Erster Bau eines frischen Klons (eingecheckter Stand, mit Einrichtung der Umgebung) …",
              file=sys.stderr)
        if "nicht eingecheckt" in data["versionen"]["git"]:
            print(f"  Hinweis: gemessen wird {git(REPO, 'rev-parse', '--short', 'HEAD')}; nicht eingecheckte "
                  "Änderungen fehlen im Klon.", file=sys.stderr)
        data["klon"] = fresh_clone(nox, REPO)
        keep()


def _profile(args: argparse.Namespace, sizes: list[int], base: Path, out: Path) -> list[str]:
    """The largest items of a profiled full build (at N=200 if measured, or the size asked for; none at 0)."""
    size = args.profil_groesse if args.profil_groesse is not None else (200 if 200 in sizes else 0)
    if not size:
        return []
    print(f"Profil des vollen Baus, N={size} …", file=sys.stderr)
    root = base / f"n{size}"
    if not (root / "docs").is_dir():
        generate(root, size)
    return profile(root, size, REPO, out.with_name("bench-profil.txt"))


def _share_costs(args: argparse.Namespace, sizes: list[int]) -> str:
    """What the handbook's extras (search index, Sonderdrucke, open data, feed) cost in a full build."""
    share_sizes = [n for n in sizes if n in (50, 200)]
    if not share_sizes or args.ohne_teilkosten:
        return ""
    print("Teilkosten des Handbuchs (Suchindex, Sonderdrucke, Daten, Feed) …", file=sys.stderr)
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown):
        sharing.main_bench(share_sizes)
    return "Teilkosten im vollen Bau (Wandzeit, CPU; je Teil in Sekunden):\n" + shown.getvalue().rstrip()


def _report(data: dict[str, Any], before: dict[str, Any] | None, shares: str, spots: list[str], out: Path) -> str:
    """The tables printed at the end: CLI and editor times, the change since the last run, targets, tools."""
    parts = [cli_table(data["results"]) if data["results"] else "", editor_table(data)]
    if before:
        parts.append(comparison(before, data))
    parts.append(targets_table(data["ziele"]))
    parts.append(shares)
    parts.append("Werkzeuge: " + ", ".join(f"{k} {v}" for k, v in data["versionen"].items()))
    if spots:
        parts.append(f"Größte Posten im Profil (eigene Zeit; vollständig in {out.with_name('bench-profil.txt')}):\n"
                     + "\n".join(spots))
    return "\n\n".join(p for p in parts if p)

if __name__ == "__main__":
    sys.exit(main())
