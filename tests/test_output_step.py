"""One output step for every format (pipeline/output_step.py): it returns what it did (`outputs.StepResult`:
status, findings, what it published, what it held back) for the command to print, and steps share nothing through
the command line's argument namespace."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import pytest
from support.projects import copy_project
from support.reproducible import epoch

from pipeline import cli
from pipeline import messages as M
from pipeline.diagnostics import diag
from pipeline.manifest import issue_number
from pipeline.outputs import StepResult, remove_stale
from pipeline.validate import validate_project


class _Books:
    """Packed e-books whose epubcheck is still running (what `epub.build.start_epub` returns)."""

    def __init__(self, root: Path) -> None:
        self.started = StepResult(findings=[diag("docs/index.md", 1, "epubcheck", "handbuch.epub", "gelesen")])
        self.book = root / "build/.work/epub/books/handbuch.epub"
        self.finished = False

    def candidates(self) -> list[Path]:
        return [self.book]

    def finish(self) -> StepResult:
        self.finished = True
        return StepResult(1, notices=[M.EPUB_BLOCKED.format("koopblatt-1.epub")])


def test_the_handbook_waits_for_the_books_without_the_argument_namespace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.epub import build as epub_build
    from pipeline.html import build as html_build

    root = copy_project("mini", tmp_path)
    project = validate_project(root)
    books = _Books(root)
    seen: dict[str, Any] = {}

    def build_html(root_: Path, project_: Any, *, verbose: bool, pending: list[Path],
                   before_publish: Any) -> StepResult:
        seen["pending"] = list(pending)
        seen["late"] = before_publish()  # epubcheck's findings count like the handbook's own
        return StepResult(published=[root_ / "build/html"])

    monkeypatch.setattr(cli, "checked", lambda root_, verbose=False: (project, []))
    monkeypatch.setattr(epub_build, "may_change", lambda root_: False)
    monkeypatch.setattr(epub_build, "start_epub", lambda root_, project_, verbose=False: books)
    monkeypatch.setattr(html_build, "build_html", build_html)
    args = argparse.Namespace(root=str(root), ausfuehrlich=False)
    given = dict(vars(args))
    status = cli.run_steps(args, [cli._epub, cli._html])
    assert vars(args) == given  # nothing travels through the command line's namespace
    assert seen["pending"] == [books.book] and books.finished and seen["late"] == []
    assert status == 1  # a book held back fails the command, though the handbook was published
    out, err = capsys.readouterr()
    # the book step's findings after it, what epubcheck held back when the handbook step waited for it
    assert err.index("gelesen") < err.index(M.EPUB_BLOCKED.format("koopblatt-1.epub"))
    assert M.HTML_DONE in out


@pytest.mark.slow
def test_the_pdf_step_says_what_it_published_removed_and_held(tmp_path: Path) -> None:
    from pipeline.typst.build import build_pdf

    root = copy_project("mini", tmp_path)
    with epoch():
        done = build_pdf(root, validate_project(root))
        assert done.status == 0 and done.notices == []
        assert sorted(p.relative_to(root).as_posix() for p in done.published) == [
            "build/pdf/koopblatt-1-druck.pdf", "build/pdf/koopblatt-1.pdf"]
        # issue 1 removed, issue 2 begun without its manifest: 1's PDFs go, 2 is held back
        shutil.rmtree(root / "koopblatt/1")
        (root / "koopblatt/2").mkdir()
        held = build_pdf(root, validate_project(root))
    assert held.status == 1 and held.published == []
    assert held.notices == [M.PDF_BLOCKED.format(2)]
    assert not list((root / "build/pdf").glob("koopblatt-*"))


NAMES = ["koopblatt-1.pdf", "koopblatt-1-druck.pdf", "koopblatt-12.epub", "koopblatt-3.pdf", "koopblatt-3a.pdf",
         "handbuch.epub", "koopblatt-.pdf", "sonderdruck-westen.pdf"]


@pytest.mark.parametrize("kept", [set(), {1}, {3}, {1, 12}, {1, 3, 12}])
def test_stale_outputs_are_those_of_issues_gone(tmp_path: Path, kept: set[int]) -> None:
    for name in NAMES:
        (tmp_path / name).write_bytes(b"%")
    gone = remove_stale(tmp_path, "koopblatt-*", lambda f: issue_number(f) in kept)
    left = sorted(f.name for f in tmp_path.iterdir())
    assert sorted(f.name for f in gone) == sorted(n for n in NAMES if n.startswith("koopblatt-") and n not in left)
    assert {issue_number(Path(n)) for n in left} - {None} == kept & {1, 3, 12}
    assert "handbuch.epub" in left and "sonderdruck-westen.pdf" in left
