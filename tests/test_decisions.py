"""Balancing decisions passed back (pipeline/typst/decisions.py): the PDFs are the same byte for byte as when
every decision is found afresh, and a decision that does not fit is found out, dropped and found again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.projects import copy_project

from pipeline.citation import OFFPRINT_DIR
from pipeline.typst.build import build_pdf
from pipeline.typst.decisions import FOLDER
from pipeline.validate import validate_project

pytestmark = pytest.mark.slow
PDFS = ("koopblatt-1.pdf", "koopblatt-1-druck.pdf")  # the work copies (Sonderdrucke are published with the handbook)


def built(root: Path) -> dict[str, bytes]:
    """The issue's PDFs and the Sonderdrucke."""
    assert build_pdf(root, validate_project(root)).ok
    work = root / "build/.work/typst"
    return {f.name: f.read_bytes() for f in [*(work / name for name in PDFS), *(work / OFFPRINT_DIR).glob("*.pdf")]}


def set_again(root: Path) -> None:
    """Make the next build set the PDFs again (their inputs unchanged), keeping the decisions."""
    work = root / "build/.work/typst"
    for file in [*work.glob("koopblatt-1*.pdf"), *work.glob("koopblatt-1*.sha1"), *work.glob("*.eingaben"),
                 *(work / OFFPRINT_DIR).glob("*.sha1")]:
        file.unlink()


def kept(root: Path) -> dict[str, dict[str, object]]:
    folder = root / "build/.work/typst" / FOLDER
    return {f.name: json.loads(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.json"))}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, dict[str, object]]]:
    """The mini project set once, every decision found afresh (the print PDF then already gets the screen's)."""
    root = copy_project("mini", tmp_path_factory.mktemp("decisions"))
    return root, built(root), kept(root)


def test_decisions_passed_back_set_the_same_pdfs(fresh: tuple[Path, dict[str, bytes], dict[str, dict[str, object]]],
                                                 tmp_path: Path) -> None:
    root, pdfs, decisions = fresh
    assert decisions and any(d["seiten"] for d in decisions.values())  # the cases refer to each other's page
    set_again(root)
    again = built(root)
    main = (root / "build/.work/typst/koopblatt-1.typ").read_text(encoding="utf-8")
    assert main.count(" ausgleich: (") == 2  # both contributions passed back
    offprint = (root / "build/.work/typst/sonderdruck-westen.typ").read_text(encoding="utf-8")
    assert offprint.count(" ausgleich: (") == 1
    assert again == pdfs
    assert kept(root) == decisions


@pytest.mark.parametrize("wrong", ["height", "pages"])
def test_a_decision_that_does_not_fit_is_found_again(
        fresh: tuple[Path, dict[str, bytes], dict[str, dict[str, object]]], tmp_path: Path, wrong: str) -> None:
    """A float far too high (it would push the end onto another page), or page references that printed other
    numbers when the decision was found: the PDF is set without it, the same as a fresh one."""
    _, pdfs, decisions = fresh
    root = copy_project("mini", tmp_path)
    built(root)
    folder = root / "build/.work/typst" / FOLDER
    for name, decision in decisions.items():
        spoiled = dict(decision)
        if wrong == "height":
            spoiled |= {"k": 0, "hoehe": 5000.0, "teilen": False}
        else:
            spoiled["seiten"] = {label: 99 for label in decision["seiten"]}  # type: ignore[union-attr]
        (folder / name).write_text(json.dumps(spoiled), encoding="utf-8")
    set_again(root)
    assert built(root) == pdfs
    assert kept(root) == decisions
