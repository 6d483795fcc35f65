"""A Sonderdruck of a case printed in an issue is the case as set on the issue's pages (pipeline/typst/offprint.py,
issue_pages.py): page for page the same reading text (its references to the rest of the issue print the issue's
page numbers), numbered as there, the issue's balancing decision passed back instead of found again, and the
colophon on a page of its own after it. A case in no issue is set on its own, from page 1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.pdftext import page_texts
from support.projects import copy_project

from pipeline.citation import OFFPRINT_DIR
from pipeline.typst import issue_pages, pagemap
from pipeline.typst.build import build_pdf
from pipeline.validate import validate_project

pytestmark = pytest.mark.slow
IN_ISSUE = ("leipzig/westen", "bremen/zwischen")
CALL = re.compile(r"^#beitrag\(\n.*?^\]\n", re.MULTILINE | re.DOTALL)
DECISION = re.compile(r" ausgleich: \([^)]*\),")


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project("mini", tmp_path_factory.mktemp("offprint-pages"))
    assert build_pdf(root, validate_project(root)).ok
    return root


def _work(root: Path) -> Path:
    return root / "build/.work/typst"


def _pages_in_issue(root: Path, docname: str) -> tuple[int, int]:
    project = validate_project(root)
    issue = project.issues[1]
    found = pagemap.contribution_pages(root, project, issue, _work(root) / issue.screen_pdf)
    return found[f"beitraege/{docname}"]


@pytest.mark.parametrize("docname", IN_ISSUE)
def test_a_sonderdruck_is_the_cases_pages_of_the_issue(mini: Path, docname: str) -> None:
    first, last = _pages_in_issue(mini, docname)
    issue = page_texts(_work(mini) / "koopblatt-1.pdf")
    offprint = page_texts(_work(mini) / OFFPRINT_DIR / f"{docname.rsplit('/', 1)[-1]}.pdf")
    assert len(offprint) == last - first + 2, "the case's pages and the colophon's"
    for n, texts in enumerate(offprint[:-1]):
        assert sorted(texts) == sorted(issue[first - 1 + n]), f"page {first + n} differs from the issue's"
    colophon = " ".join(offprint[-1])
    assert "Zitiervorschlag" in colophon or "ZITIERVORSCHLAG" in colophon.upper()
    assert "koopBLATT" in colophon


@pytest.mark.parametrize("docname", IN_ISSUE)
def test_a_sonderdruck_is_numbered_as_in_the_issue(mini: Path, docname: str) -> None:
    first, last = _pages_in_issue(mini, docname)
    pdf = _work(mini) / OFFPRINT_DIR / f"{docname.rsplit('/', 1)[-1]}.pdf"
    feet = [page.extract_text().split() for page in PdfReader(pdf).pages]
    for n in range(last - first + 1):
        assert str(first + n) in feet[n], f"page {n + 1} of the Sonderdruck is not numbered {first + n}"
    assert not any(str(last + 1) == word for word in feet[-1]), "the colophon's page is not an issue page"


def test_a_sonderdruck_gets_its_issues_balancing_decision(mini: Path) -> None:
    """The very call the issue compiled (its screen PDF's main file), with the decision that compile kept."""
    issue = {m.group(0).split('"')[1]: m.group(0) for m in CALL.finditer(
        (_work(mini) / "koopblatt-1.typ").read_text(encoding="utf-8"))}
    for docname in IN_ISSUE:
        slug = docname.rsplit("/", 1)[-1]
        main = (_work(mini) / f"sonderdruck-{slug}.typ").read_text(encoding="utf-8")
        calls = CALL.findall(main)
        assert len(calls) == 1 and DECISION.search(calls[0]), "set with the issue's decision passed back"
        assert DECISION.sub("", calls[0]) == DECISION.sub("", issue[slug])


def test_a_case_in_no_issue_is_set_on_its_own(mini: Path) -> None:
    main = (_work(mini) / "sonderdruck-hospitation.typ").read_text(encoding="utf-8")
    assert "seite:" not in main and 'format: "a4"' in main
    first_foot = PdfReader(_work(mini) / OFFPRINT_DIR / "hospitation.pdf").pages[0].extract_text().split()
    assert "1" in first_foot


PARAGRAPH = ("Die Arbeitsgruppe hat die Ergebnisse der Hospitation in einem weiteren Treffen ausgewertet, die "
             "Erfahrungen der Eigentümerinnen und Eigentümer gesammelt und Empfehlungen für die nächsten Schritte "
             "im Quartier formuliert; der Stadtteilbeirat wurde darüber unterrichtet. ")


def test_an_edit_sets_again_only_the_sonderdrucke_whose_pages_moved(tmp_path: Path) -> None:
    """An edit that moves the pages after it: its own Sonderdruck and the one of the case that now starts later are
    set again; the case before it, which names neither, keeps its Sonderdruck (the issue's page table changed)."""
    root = copy_project("mini", tmp_path)
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "beitraege:\n", "beitraege:\n  - beitraege/nuernberg/hospitation.md\n", 1), encoding="utf-8")
    project = validate_project(root)
    assert build_pdf(root, project).ok
    folder = _work(root) / OFFPRINT_DIR
    before = {pdf.stem: pdf.stat().st_mtime_ns for pdf in folder.glob("*.pdf")}
    pages = issue_pages.load(_work(root), project.issues[1])
    westen = root / "docs/beitraege/leipzig/westen.md"
    westen.write_text(westen.read_text(encoding="utf-8") + "".join(f"\n{PARAGRAPH * 4}\n" for _ in range(8)),
                      encoding="utf-8")
    project = validate_project(root)
    assert build_pdf(root, project).ok
    moved = issue_pages.load(_work(root), project.issues[1])
    assert moved["beitrag-zwischen"] > pages["beitrag-zwischen"], "the edit moves the case after it"
    assert moved["beitrag-hospitation"] == pages["beitrag-hospitation"]
    after = {pdf.stem: pdf.stat().st_mtime_ns for pdf in folder.glob("*.pdf")}
    assert {name for name in before if after[name] != before[name]} == {"westen", "zwischen"}
    test_a_sonderdruck_is_the_cases_pages_of_the_issue(root, "bremen/zwischen")
    test_a_sonderdruck_is_numbered_as_in_the_issue(root, "bremen/zwischen")
