"""The benchmark's German tables: measured rows, the change since the last run, the issue's targets."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .editor import DEMO_LABEL, DEMO_STEP, NOX_LABELS, NOX_STEPS

STEPS = ("sphinx", "check", "html", "pdf", "epub", "build", "html-warm", "build-warm", "build-still")
# the row `sphinx`: Sphinx alone on the same sources (`measure.plain_sphinx`)
CLONE = "erster Bau (frischer Klon)"
Data = Mapping[str, Any]  # the content of build/bench.json


def de(value: float, digits: int = 2) -> str:
    """German decimal comma."""
    return f"{value:.{digits}f}".replace(".", ",")


def cli_table(results: Mapping[str, Mapping[str, Mapping[str, float]]]) -> str:
    sizes = sorted(results, key=int)
    head = f"{'Schritt (CLI)':<14}" + "".join(f"{'N=' + n:>18}" for n in sizes)
    ratio = "200" in results and "50" in results
    if ratio:
        head += f"{'N200/N50':>11}"
    lines = [head, "-" * len(head)]
    for step in STEPS:
        row = f"{step:<14}"
        if any(step not in results[n] for n in sizes):
            continue  # a row older result files do not have
        for n in sizes:
            r = results[n][step]
            row += f"{de(r['s']):>8} s {r['rss_mib']:>5.0f} MiB"
        if ratio:
            row += f"{de(results['200'][step]['s'] / results['50'][step]['s']):>10}×"
        lines.append(row)
    for n in sizes:
        share = 100 * results[n]["html-warm"]["s"] / results[n]["html"]["s"]
        lines.append(f"N={n}: Ein-Beitrag-Neubau (html-warm) = {share:.0f} % des vollen HTML-Baus")
        if "sphinx" in results[n]:
            times = de(results[n]["build"]["s"] / results[n]["sphinx"]["s"])
            lines.append(f"N={n}: voller Bau (alle Ausgaben) = {times} × Sphinx allein (nur HTML)")
    return "\n".join(lines)


def nox_ratio(data: Data) -> float | None:
    rows = (data.get("nox") or {}).get("rows") or {}
    if "html-nach-aenderung" not in rows or "build" not in rows:
        return None
    return float(rows["html-nach-aenderung"]["s"] / rows["build"]["s"])


def editor_table(data: Data) -> str:
    lines = []
    nox = data.get("nox")
    if nox:
        head = f"Über nox, wie die Redaktion arbeitet (N={nox['n']}, Sitzungsstart eingeschlossen)"
        lines += [head, "-" * len(head)]
        lines += [f"{NOX_LABELS[s]:<36}{de(nox['rows'][s]['s']):>8} s {nox['rows'][s]['rss_mib']:>5.0f} MiB"
                  for s in NOX_STEPS]
        ratio = nox_ratio(data)
        if ratio is not None:
            lines.append(f"nox -s html nach einer Änderung = {de(ratio)} × voller nox -s build")
    demo = (data.get("demo") or {}).get("rows") or {}
    if DEMO_STEP in demo:
        lines.append(f"{DEMO_LABEL:<36}{de(demo[DEMO_STEP]['s']):>8} s {demo[DEMO_STEP]['rss_mib']:>5.0f} MiB")
    clone = data.get("klon")
    if clone:
        lines += ["", f"{CLONE:<36}{de(clone['s']):>8} s {clone['rss_mib']:>5.0f} MiB  "
                      "(nox -s build des Repository-Inhalts samt Einrichtung der Umgebung)"]
    return "\n".join(lines)


def flatten(data: Data) -> dict[str, float]:
    """Seconds per row label, for old (CLI rows only) and new result files alike."""
    rows: dict[str, float] = {}
    for n, steps in sorted((data.get("results") or {}).items(), key=lambda item: int(item[0])):
        rows.update({f"{step} N={n}": float(r["s"]) for step, r in steps.items()})
    nox = data.get("nox") or {}
    rows.update({f"{NOX_LABELS.get(step, step)} N={nox.get('n')}": float(r["s"])
                 for step, r in (nox.get("rows") or {}).items()})
    demo = _demo_edit(data)
    if demo is not None:
        rows[DEMO_LABEL] = demo
    if data.get("klon"):
        rows[CLONE] = float(data["klon"]["s"])
    return rows


def comparison(before: Data, after: Data) -> str:
    old, new = flatten(before), flatten(after)
    head = f"{'Zeile':<44}{'vorher':>10}   {'jetzt':>9}{'Faktor':>9}"
    lines = ["Veränderung gegenüber dem letzten Lauf (build/bench-vorher.json)", head, "-" * len(head)]
    for label, seconds in new.items():
        if label in old and old[label] > 0:
            lines.append(f"{label:<44}{de(old[label]):>8} s → {de(seconds):>7} s{de(seconds / old[label]):>8}×")
        else:
            lines.append(f"{label:<44}{'–':>10}   {de(seconds):>7} s      neu")
    gone = [label for label in old if label not in new]
    if gone:
        lines.append("Diesmal nicht gemessen: " + ", ".join(gone))
    return "\n".join(lines)


def _cli(data: Data, size: str, step: str) -> float | None:
    row = (data.get("results") or {}).get(size, {}).get(step)
    return float(row["s"]) if row else None


def _peak_rss(data: Data, size: str) -> float | None:
    steps = (data.get("results") or {}).get(size)
    return max(float(r["rss_mib"]) for r in steps.values()) if steps else None


def _sphinx_ratio(data: Data, size: str) -> float | None:
    build, sphinx = _cli(data, size, "build"), _cli(data, size, "sphinx")
    return build / sphinx if build is not None and sphinx else None


def _demo_edit(data: Data) -> float | None:
    row = ((data.get("demo") or {}).get("rows") or {}).get(DEMO_STEP)
    return float(row["s"]) if row else None


def _clone(data: Data) -> float | None:
    return float(data["klon"]["s"]) if data.get("klon") else None


# (label, limit, unit, measured value): issue 20 „Fast again“
TARGETS: list[tuple[str, float, str, Callable[[Data], float | None]]] = [
    ("voller Bau N=50 (CLI build)", 10.0, "s", lambda d: _cli(d, "50", "build")),
    ("voller Bau N=200 (CLI build)", 35.0, "s", lambda d: _cli(d, "200", "build")),
    ("voller Bau N=50 ÷ Sphinx allein (gleicher Lauf)", 1.5, "×", lambda d: _sphinx_ratio(d, "50")),
    ("Bau nach 1 Änderung N=200 (build-warm)", 4.0, "s", lambda d: _cli(d, "200", "build-warm")),
    ("nox -s build nach 1 Änderung, Demo", 3.0, "s", _demo_edit),
    ("erster nox -s build eines frischen Klons", 12.0, "s", _clone),
    ("Spitzen-RSS N=200 (größter Schritt)", 700.0, "MiB", lambda d: _peak_rss(d, "200")),
]


def targets(data: Data) -> list[dict[str, Any]]:
    found = []
    for label, limit, unit, value in TARGETS:
        measured = value(data)
        found.append({"ziel": label, "grenze": limit, "einheit": unit, "gemessen": measured,
                      "erreicht": None if measured is None else measured <= limit})
    return found


def targets_table(found: list[dict[str, Any]]) -> str:
    head = f"{'Ziel aus dem Issue':<46}{'Vorgabe':>12}{'gemessen':>12}   Bewertung"
    lines = [head, "-" * len(head)]
    for t in found:
        digits = 0 if t["einheit"] == "MiB" else 2
        limit = f"≤ {de(t['grenze'], digits)} {t['einheit']}"
        measured = "–" if t["gemessen"] is None else f"{de(t['gemessen'], digits)} {t['einheit']}"
        verdict = {True: "Ziel erreicht", False: "verfehlt", None: "nicht gemessen"}[t["erreicht"]]
        lines.append(f"{t['ziel']:<46}{limit:>12}{measured:>12}   {verdict}")
    return "\n".join(lines)
