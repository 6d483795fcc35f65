"""Incremental HTML builds: an untouched rebuild writes nothing; every change reaches every affected page."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from support.htmlutil import article, text

from pipeline.html.build import build_html

pytestmark = pytest.mark.slow  # every test builds, most twice


def _mtimes(root: Path) -> dict[str, int]:
    site = root / "build" / ".work" / "html"
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    content = file.read_text(encoding="utf-8")
    assert old in content
    file.write_text(content.replace(old, new), encoding="utf-8")


ALWAYS_WRITTEN = {"genindex.html", "suche.html"}  # Sphinx regenerates its extra pages on every build


def _rewritten(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, m in after.items() if before.get(name) != m} - ALWAYS_WRITTEN


def _rebuild_after_edit(root: Path, path: str, old: str, new: str) -> set[str]:
    """Build, edit one file, build again; return the pages the second build rewrote."""
    assert build_html(root).status == 0
    before = _mtimes(root)
    _edit(root, path, old, new)
    assert build_html(root).status == 0
    return _rewritten(before, _mtimes(root))


def test_untouched_rebuild_writes_nothing(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    before = _mtimes(root)
    assert build_html(root).status == 0
    assert _rewritten(before, _mtimes(root)) == set()


def test_front_matter_change_updates_every_dependent_page_and_nothing_else(
        project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    rewritten = _rebuild_after_edit(root, "docs/beitraege/leipzig/westen.md", "title: Wächterhäuser im Westen",
                                    "title: Hauswächter in Lindenau")
    must = {"beitraege/leipzig/westen.html", "beitraege/bremen/zwischen.html",  # related cases list the title
            "entdecken/stadt-leipzig.html", "entdecken/themenfeld-oekonomische-innovation.html",
            "entdecken/projektfamilie-zwischennutzung.html", "entdecken/projektfamilie-kreative-raumeroberung.html",
            "entdecken/aufgabe-quartier-stadt.html", "ausgaben/koopblatt-1.html"}
    assert must <= rewritten
    assert "beitraege/nuernberg/hospitation.html" not in rewritten
    assert "entdecken/stadt-nuernberg.html" not in rewritten
    for doc in ("entdecken/stadt-leipzig", "ausgaben/koopblatt-1", "beitraege/bremen/zwischen"):
        shown = text(article(root, doc))
        assert "Hauswächter in Lindenau" in shown and "Wächterhäuser im Westen" not in shown, doc


def test_moving_a_case_to_another_field_updates_matrix_and_lists(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    _edit(root, "docs/beitraege/bremen/zwischen.md",
          "themenfeld: oekonomische-innovation\nprojektfamilien: [zwischennutzung]",
          "themenfeld: regionale-kooperation\nprojektfamilien: [wasser-region]")
    assert build_html(root).status == 0
    rows = [[text(c) for c in tr.find_all(["td", "th"])] for tr in article(root, "entdecken/matrix").find_all("tr")]
    assert rows[1][1:] == ["0", "1", "0", "1"] and rows[2][1:] == ["1", "0", "0", "1"]
    assert "Zwischennutzung in Bremen" in text(article(root, "entdecken/projektfamilie-wasser-region"))
    assert "Zwischennutzung in Bremen" not in text(article(root, "entdecken/projektfamilie-zwischennutzung"))
    assert article(root, "beitraege/leipzig/westen").find(class_="koop-verwandt") is None


def test_bibliography_change_updates_citing_pages_only(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    rewritten = _rebuild_after_edit(root, "docs/literatur.bib", "year        = {2007}\n}\n\n@book",
                                    "year        = {2008}\n}\n\n@book")
    assert "beitraege/leipzig/westen.html" in rewritten
    assert "beitraege/bremen/zwischen.html" not in rewritten  # cites only memo
    assert "(Leipzig-Charta 2008, S. 3)" in text(article(root, "beitraege/leipzig/westen"))


def test_manifest_change_updates_cards(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    _edit(root, "koopblatt/1/ausgabe.yml", "  - beitraege/leipzig/westen.md\n", "")
    assert build_html(root).status == 0
    assert "koopBLATT No. 1" not in text(article(root, "beitraege/leipzig/westen").find(class_="koop-karte"))
    assert "koopBLATT No. 1" in text(article(root, "beitraege/bremen/zwischen").find(class_="koop-karte"))


def test_new_contribution_appears_in_browse_pages(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    new = (root / "docs/beitraege/nuernberg/hospitation.md").read_text(encoding="utf-8")
    (root / "docs/beitraege/nuernberg/zweite.md").write_text(
        new.replace("Zwei Wochen in Leipzig", "Drei Wochen in Bremen"), encoding="utf-8")
    assert build_html(root).status == 0
    assert "Drei Wochen in Bremen" in text(article(root, "entdecken/stadt-nuernberg"))
    related = article(root, "beitraege/nuernberg/hospitation").find(class_="koop-verwandt")
    assert "Drei Wochen in Bremen" in text(related)


def test_pages_reread_by_another_builder_are_still_rewritten(project_copy: Callable[[str], Path]) -> None:
    """PDF, EPUB and HTML share the doctrees: a browse page re-read during the PDF run must still reach HTML."""
    from pipeline.typst.build import build_pdf
    from pipeline.validate import validate_project

    root = project_copy("mini")
    assert build_html(root).status == 0
    _edit(root, "docs/beitraege/leipzig/westen.md", "title: Wächterhäuser im Westen", "title: Hauswächter in Lindenau")
    assert build_pdf(root, validate_project(root)).status == 0
    assert build_html(root).status == 0
    assert "Hauswächter in Lindenau" in text(article(root, "entdecken/stadt-leipzig"))
    assert "Hauswächter in Lindenau" in text(article(root, "beitraege/bremen/zwischen").find(class_="koop-verwandt"))


def test_pdf_and_epub_are_rebuilt_only_for_issues_with_the_changed_contribution(
        project_copy: Callable[[str], Path]) -> None:
    from pipeline.epub.build import build_epub
    from pipeline.typst.build import build_pdf
    from pipeline.validate import validate_project

    def stamps() -> dict[str, int]:
        work = root / "build" / ".work"
        files = [work / "typst/koopblatt-1.pdf", work / "epub/books/koopblatt-1.epub",
                 work / "epub/books/handbuch.epub"]
        return {f.name: f.stat().st_mtime_ns for f in files}

    def build_both() -> None:
        assert build_pdf(root, validate_project(root)).status == 0
        assert build_epub(root, validate_project(root)).status == 0

    root = project_copy("mini")
    build_both()
    first = stamps()
    _edit(root, "docs/beitraege/nuernberg/hospitation.md", "Eine Hospitation", "Eine zweiwöchige Hospitation")
    build_both()
    second = stamps()
    assert second["koopblatt-1.pdf"] == first["koopblatt-1.pdf"], "not in the issue: no new PDF"
    assert second["koopblatt-1.epub"] == first["koopblatt-1.epub"], "not in the issue: no new EPUB"
    assert second["handbuch.epub"] != first["handbuch.epub"], "the handbook contains every contribution"
    _edit(root, "docs/beitraege/leipzig/westen.md", "viele Gründerzeithäuser", "sehr viele Gründerzeithäuser")
    build_both()
    third = stamps()
    assert third["koopblatt-1.pdf"] != second["koopblatt-1.pdf"]
    assert third["koopblatt-1.epub"] != second["koopblatt-1.epub"]


def test_taxonomy_change_updates_exactly_the_pages_that_show_it(project_copy: Callable[[str], Path],
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    from pipeline import taxonomy

    root = project_copy("mini")
    (root / "docs/ohne-taxonomie.md").write_text("# Ohne Taxonomie\n\nNur Text.\n", encoding="utf-8")
    index = root / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("ausgaben/index\n", "ausgaben/index\nohne-taxonomie\n"),
                     encoding="utf-8")
    assert build_html(root).status == 0
    before = _mtimes(root)
    changed = tmp_path / "taxonomy.yml"
    changed.write_text(taxonomy.DATA_FILE.read_text(encoding="utf-8").replace(
        "zwischennutzung: Zwischennutzung als Normalfall der Stadtentwicklung",
        "zwischennutzung: Zwischennutzung als Regelfall"), encoding="utf-8")
    monkeypatch.setattr(taxonomy, "DATA_FILE", changed)
    assert build_html(root).status == 0
    rewritten = _rewritten(before, _mtimes(root))
    assert {"beitraege/leipzig/westen.html", "beitraege/bremen/zwischen.html",
            "entdecken/projektfamilie-zwischennutzung.html", "index.html"} <= rewritten
    assert "ohne-taxonomie.html" not in rewritten
    assert "Zwischennutzung als Regelfall" in text(article(root, "beitraege/leipzig/westen").find(class_="koop-karte"))
    assert text(article(root, "entdecken/projektfamilie-zwischennutzung").find("h1")).startswith(
        "Zwischennutzung als Regelfall")


# -- the whole `build` -------------------------------------------------------------------------------
def _work_files(root: Path) -> dict[str, int]:
    """Every doctree, page, PDF and EPUB of the work area with its mtime."""
    work = root / "build" / ".work"
    patterns = ("doctrees/**/*.doctree", "html/**/*.html", "typst/*.pdf", "epub/books/*.epub", "epub/**/*.xhtml")
    return {p.relative_to(work).as_posix(): p.stat().st_mtime_ns for pattern in patterns for p in work.glob(pattern)}


def _build(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    from pipeline.cli import main

    status = main(["--root", str(root), "build"])
    out = capsys.readouterr()
    assert status == 0, out.out + out.err
    return out.out + out.err


def _count_epubchecks(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    import pipeline.epub.check as check

    calls: list[list[str]] = []
    real = check.epubcheck_many

    def counted(paths: list[Path]) -> dict[Path, list[str]]:
        calls.append(sorted(p.name for p in paths))
        return real(paths)

    monkeypatch.setattr(check, "epubcheck_many", counted)
    return calls


def test_untouched_build_redoes_nothing(project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A second `build` reads no document, writes no page, sets no PDF, packs and checks no e-book."""
    root = project_copy("mini")
    calls = _count_epubchecks(monkeypatch)
    _build(root, capsys)
    assert calls == [["handbuch.epub", "koopblatt-1.epub"]]
    before = _work_files(root)
    assert any(name.startswith("doctrees/") for name in before) and "typst/koopblatt-1-druck.pdf" in before
    _build(root, capsys)
    after = _work_files(root)
    changed = {name for name, m in after.items() if before.get(name) != m}
    assert changed - {f"html/{name}" for name in ALWAYS_WRITTEN} == set()
    assert calls == [["handbuch.epub", "koopblatt-1.epub"]], "no second epubcheck"


def test_every_kind_of_change_reaches_every_output_of_build(project_copy: Callable[[str], Path],
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """One edit of a contribution in an issue: its page, its issue's PDFs and both its books are redone and
    checked again, the issue page offers the new files — and nothing else is read again."""
    from pipeline.html.build import build_html

    root = project_copy("mini")
    calls = _count_epubchecks(monkeypatch)
    _build(root, capsys)
    before = _work_files(root)
    _edit(root, "docs/beitraege/leipzig/westen.md", "viele Gründerzeithäuser", "sehr viele Gründerzeithäuser")
    _build(root, capsys)
    changed = {name for name, m in _work_files(root).items() if before.get(name) != m}
    assert {"doctrees/beitraege/leipzig/westen.doctree", "html/beitraege/leipzig/westen.html",
            "typst/koopblatt-1.pdf", "typst/koopblatt-1-druck.pdf", "epub/books/koopblatt-1.epub",
            "epub/books/handbuch.epub", "html/ausgaben/koopblatt-1.html"} <= changed
    assert {name for name in changed if name.startswith("doctrees/")} == {"doctrees/beitraege/leipzig/westen.doctree"}
    assert calls[-1] == ["handbuch.epub", "koopblatt-1.epub"]
    for name in ("koopblatt-1.pdf", "koopblatt-1.epub", "handbuch.epub"):
        assert (root / "build/html/downloads" / name).read_bytes() == (
            root / "build" / name.rsplit(".", 1)[1] / name).read_bytes(), name
    with zipfile.ZipFile(root / "build/epub/koopblatt-1.epub") as book:
        assert "sehr viele Gründerzeithäuser" in book.read("beitraege/leipzig/westen.xhtml").decode()
    # a new PDF is offered on the issue page (with its size) without reading the page again
    page = root / "build/.work/doctrees/ausgaben/koopblatt-1.doctree"
    read = page.stat().st_mtime_ns
    pdf = root / "build/pdf/koopblatt-1.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n" * 300_000)
    assert build_html(root).status == 0
    assert page.stat().st_mtime_ns == read
    size = f"{pdf.stat().st_size / 1e6:.1f}".replace(".", ",")
    assert f"PDF zum Lesen am Bildschirm ({size} MB)" in text(article(root, "ausgaben/koopblatt-1"))


def test_a_finding_of_the_background_epubcheck_still_blocks(project_copy: Callable[[str], Path],
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """epubcheck runs while the handbook is written; its finding in a contribution still keeps the books and
    the handbook that contain it, and is reported at the contribution."""
    import pipeline.epub.check as check
    from pipeline.cli import main

    def finding(paths: list[Path]) -> dict[Path, list[str]]:
        return {p: [f"{p.name}: ERROR RSC-005: beitraege/leipzig/westen.xhtml(12,5): Error while parsing file"]
                for p in paths}

    monkeypatch.setattr(check, "epubcheck_many", finding)
    root = project_copy("mini")
    status = main(["--root", str(root), "build"])
    out = capsys.readouterr()
    shown = out.out + out.err
    assert status == 1
    assert ("docs/beitraege/leipzig/westen.md:1: Fehler [koop.epubcheck]: Das E-Book „handbuch.epub“ ist nicht "
            "gültig") in shown
    assert (root / "build/pdf/koopblatt-1.pdf").is_file()
    assert not (root / "build/epub").exists() or not list((root / "build/epub").glob("*.epub"))
    assert not (root / "build/html").exists()


def test_every_input_of_an_issue_resets_its_pdf(project_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    """An issue whose documents were not read again is not even translated — unless something else it shows
    changed: a taxonomy label, its manifest, the title of another document."""
    from support.pdfutil import text as pdf_text

    from pipeline import taxonomy
    from pipeline.typst.build import build_pdf
    from pipeline.validate import validate_project

    root = project_copy("mini")
    pdf, main = root / "build/pdf/koopblatt-1.pdf", root / "build/.work/typst/koopblatt-1.typ"
    assert build_pdf(root, validate_project(root)).status == 0
    first = main.stat().st_mtime_ns
    assert build_pdf(root, validate_project(root)).status == 0
    assert main.stat().st_mtime_ns == first, "untouched: not set again"
    changed = tmp_path / "taxonomy.yml"
    changed.write_text(taxonomy.DATA_FILE.read_text(encoding="utf-8").replace(
        "zwischennutzung: Zwischennutzung als Normalfall der Stadtentwicklung",
        "zwischennutzung: Zwischennutzung als Regelfall"), encoding="utf-8")
    monkeypatch.setattr(taxonomy, "DATA_FILE", changed)
    assert build_pdf(root, validate_project(root)).status == 0
    assert "Zwischennutzung als Regelfall" in " ".join(pdf_text(pdf).split())
    _edit(root, "koopblatt/1/ausgabe.yml", "untertitel:", "untertitel: Neu –")
    assert build_pdf(root, validate_project(root)).status == 0
    assert "Neu – Testausgabe" in " ".join(pdf_text(pdf).split())


def test_publishing_copies_only_what_changed(tmp_path: Path) -> None:
    """The published tree is replaced as a whole; files unchanged since the last publication are shared with
    it (hard links), a changed one is a new copy — the old tree is never written to."""
    import os

    from pipeline.outputs import publish_tree

    work, site = tmp_path / "work", tmp_path / "html"
    (work / "sub").mkdir(parents=True)
    (work / "a.html").write_text("alt", encoding="utf-8")
    (work / "sub" / "b.html").write_text("bleibt", encoding="utf-8")
    (work / ".koop-geschrieben.json").write_text("{}", encoding="utf-8")
    publish_tree(work, site)
    kept, changed = (site / "sub" / "b.html").stat().st_ino, (site / "a.html").stat().st_ino
    linked = tmp_path / "alt-a.html"
    os.link(site / "a.html", linked)  # a reader holding the old page
    (work / "a.html").write_text("neu", encoding="utf-8")
    publish_tree(work, site)
    assert (site / "a.html").read_text(encoding="utf-8") == "neu" and linked.read_text(encoding="utf-8") == "alt"
    assert (site / "a.html").stat().st_ino != changed
    assert (site / "sub" / "b.html").stat().st_ino == kept and (site / "sub" / "b.html").read_text() == "bleibt"
    assert not (site / ".koop-geschrieben.json").exists()


def test_a_link_is_checked_again_when_its_target_goes_and_comes_back(project_copy: Callable[[str], Path],
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A page that links to a case is read again when the case's file is removed (the link leads nowhere) and
    when it is back (the error goes), although the page itself did not change."""
    from pipeline.cli import main

    root = project_copy("mini")
    case = root / "docs/beitraege/nuernberg/nachbarn.md"
    original = (root / "docs/beitraege/nuernberg/hospitation.md").read_text(encoding="utf-8")
    case.write_text(original.replace("\ntitle: ", "\ntitle: Nachbarn – ", 1), encoding="utf-8")
    page = "---\norphan: true\n---\n# Partner\n\nMehr bei den [Nachbarn](beitraege/nuernberg/nachbarn.md).\n"
    (root / "docs/partner.md").write_text(page, encoding="utf-8")
    written = case.read_text(encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().err
    case.unlink()
    assert main(["--root", str(root), "check"]) != 0
    said = capsys.readouterr()
    assert "docs/partner.md" in said.out + said.err and "nachbarn" in said.out + said.err
    case.write_text(written, encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().err


def test_an_epubcheck_finding_that_names_no_chapter_goes_once_the_books_are_clean(
        project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A finding about an image or the package (no chapter named) is shown at the index or the issue's manifest,
    but is not kept with that page: once the books pass, the next build says nothing of it (before, it stayed
    until the index changed, and kept the issue from being set)."""
    import pipeline.epub.check as check
    from pipeline.cli import main

    broken = {"now": True}

    def findings(paths: list[Path]) -> dict[Path, list[str]]:
        message = "ERROR RSC-016: _images/zeichnung.svg(1,40): Fatal Error while parsing file"
        return {p: [f"{p.name}: {message}"] if broken["now"] else [] for p in paths}

    monkeypatch.setattr(check, "epubcheck_many", findings)
    root = project_copy("mini")
    assert main(["--root", str(root), "build"]) == 1
    assert "RSC-016" in "".join(capsys.readouterr())
    broken["now"] = False
    (root / "docs/beitraege/bremen/zwischen.md").touch()  # the books are packed and checked again
    assert main(["--root", str(root), "build"]) == 0, capsys.readouterr().err
    assert "RSC-016" not in "".join(capsys.readouterr())
