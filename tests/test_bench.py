"""The benchmark's machinery (never its figures: speed is measured by `nox -s bench`, not asserted here).

A stage that breaks at the end must not cost the half hour of measurements before it, and the part costs must
still find the functions they time (a renamed function once failed the bench after 30 minutes)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.paths import REPO

from pipeline.bench import run as bench_run
from pipeline.bench import sharing
from pipeline.bench.corpus import generate


def test_every_timed_part_still_exists() -> None:
    for owner, name, label in sharing.PARTS:
        assert callable(getattr(owner, name, None)), f"{label}: {owner.__name__}.{name} fehlt"


@pytest.mark.slow
def test_part_costs_time_every_part_of_a_small_build(tmp_path: Path) -> None:
    root = tmp_path / "n4"
    generate(root, 4)
    _wall, _cpu, times = sharing.run(root, "build")
    labels = {label for _owner, _name, label in sharing.PARTS}
    assert set(times) == labels  # every part ran (and was timed) in a fresh build
    assert all(value > 0 for value in times.values())


@pytest.mark.slow
def test_bench_keeps_what_it_measured_when_a_later_stage_fails_and_writes_the_whole_at_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # the bench generates its corpora under build/bench of the working directory, a project with its conf.py (the
    # one an installed pipeline, as in `nox -s tests`, takes for the corpora)
    shutil.copy(REPO / "conf.py", tmp_path / "conf.py")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "bench.json"
    args = ["--sizes", "3", "--runs", "1", "--nox-groesse", "0", "--ohne-klon", "--out", str(out)]

    def broken(*_args: object) -> list[str]:
        raise RuntimeError("Profil kaputt")

    with monkeypatch.context() as patched:
        patched.setattr(bench_run, "profile", broken)
        with pytest.raises(RuntimeError):
            bench_run.main([*args, "--profil-groesse", "3"])
    partial = tmp_path / "bench-teil.json"
    kept = json.loads(partial.read_text(encoding="utf-8"))
    assert set(kept["results"]) == {"3"} and kept["results"]["3"]  # the measured builds survived
    assert not out.exists()

    # the next run (its builds replaced by the kept figures) writes the whole result and drops the partial one
    monkeypatch.setattr(bench_run, "bench", lambda size, runs, base: kept["results"][str(size)])
    assert bench_run.main([*args, "--profil-groesse", "0"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["results"] == kept["results"]
    assert not partial.exists()
    assert "N=3" in capsys.readouterr().out


def test_the_yardstick_is_sphinx_alone_on_the_same_sources(tmp_path: Path) -> None:
    """The `sphinx` row: every page of the corpus written by Sphinx with myst-parser and the theme, none of ours."""
    from pipeline.bench.measure import plain_sphinx

    docnames = generate(tmp_path / "n2", 2)
    result = plain_sphinx(tmp_path / "n2", tmp_path / "out")
    assert result["s"] > 0 and result["rss_mib"] > 0
    for docname in docnames:
        page = (tmp_path / "out" / f"{docname}.html").read_text(encoding="utf-8")
        assert "sphinx-book-theme" in page or "bd-page-width" in page
    assert not any("pipeline" in p.name for p in (tmp_path / "out" / "_static").iterdir())


def test_the_targets_are_those_of_the_issue_and_judged_from_the_same_run() -> None:
    """Issue 20's seven targets, each read from its row of one bench result: met, missed, or not measured."""
    from pipeline.bench.editor import DEMO_STEP
    from pipeline.bench.report import targets, targets_table

    def row(seconds: float, rss: float = 100.0) -> dict[str, float]:
        return {"s": seconds, "rss_mib": rss}

    data = {"results": {"50": {"build": row(9.0), "sphinx": row(3.0)},
                        "200": {"build": row(40.0, 650.0), "build-warm": row(3.5, 720.0)}},
            "demo": {"rows": {DEMO_STEP: row(2.5)}}}
    found = {t["ziel"]: t for t in targets(data)}
    assert len(found) == 7
    verdicts = {label: t["erreicht"] for label, t in found.items()}
    assert verdicts == {
        "voller Bau N=50 (CLI build)": True, "voller Bau N=200 (CLI build)": False,
        "voller Bau N=50 ÷ Sphinx allein (gleicher Lauf)": False,  # 3.0 ×
        "Bau nach 1 Änderung N=200 (build-warm)": True, "nox -s build nach 1 Änderung, Demo": True,
        "erster nox -s build eines frischen Klons": None, "Spitzen-RSS N=200 (größter Schritt)": False}
    assert found["voller Bau N=50 ÷ Sphinx allein (gleicher Lauf)"]["gemessen"] == 3.0
    assert found["Spitzen-RSS N=200 (größter Schritt)"]["gemessen"] == 720.0
    table = targets_table(targets(data))
    assert "nicht gemessen" in table and "Ziel erreicht" in table and "verfehlt" in table
