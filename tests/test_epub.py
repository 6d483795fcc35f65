"""EPUBs as a reader (and epubcheck) sees them: spine, nav, metadata, alt text, footnotes, no scripts."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.projects import built_output, copy_project
from support.reproducible import epoch

from pipeline.epub.build import build_epub
from pipeline.epub.check import epubcheck
from pipeline.validate import validate_project


@pytest.fixture(scope="session")
def built_epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project's e-books, built once (build/epub)."""
    return built_output(tmp_path_factory, "epub", build_epub)


def read(book: Path, name: str) -> str:
    with zipfile.ZipFile(book) as zf:
        return zf.read(name).decode("utf-8")


def opf(book: Path) -> BeautifulSoup:
    return BeautifulSoup(read(book, "content.opf"), "xml")


def spine_files(book: Path) -> list[str]:
    soup = opf(book)
    hrefs = {i["id"]: i["href"] for i in soup.find_all("item")}
    return [hrefs[r["idref"]] for r in soup.find_all("itemref")]


def test_books_exist_and_epubcheck_is_clean(built_epub: Path) -> None:
    assert sorted(p.name for p in built_epub.glob("*.epub")) == ["handbuch.epub", "koopblatt-1.epub"]
    for book in built_epub.glob("*.epub"):
        assert epubcheck(book) == [], book.name


def test_zip_layout_mimetype_first_and_stored(built_epub: Path) -> None:
    with zipfile.ZipFile(built_epub / "koopblatt-1.epub") as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == b"application/epub+zip"


def test_spine_follows_the_manifest(built_epub: Path) -> None:
    assert spine_files(built_epub / "koopblatt-1.epub") == [
        "umschlag.xhtml", "impressum.xhtml", "nav.xhtml", "ausgaben/koopblatt-1.xhtml",
        "beitraege/leipzig/westen.xhtml", "beitraege/bremen/zwischen.xhtml"]


def test_nav_lists_every_contribution(built_epub: Path) -> None:
    nav = BeautifulSoup(read(built_epub / "koopblatt-1.epub", "nav.xhtml"), "xml")
    toc = nav.find("nav", attrs={"epub:type": "toc"})
    titles = [a.get_text() for a in toc.find_all("a")]
    assert titles == ["Impressum", "Editorial", "Wächterhäuser im Westen", "Zwischennutzung in Bremen"]
    hand = BeautifulSoup(read(built_epub / "handbuch.epub", "nav.xhtml"), "xml")
    all_titles = [a.get_text() for a in hand.find_all("a")]
    for title in ("Bremen", "Leipzig", "Nürnberg", "Wächterhäuser im Westen", "Zwei Wochen in Leipzig"):
        assert title in all_titles


def test_metadata_and_accessibility(built_epub: Path) -> None:
    soup = opf(built_epub / "koopblatt-1.epub")
    meta = soup.find("metadata")
    assert meta.find("dc:language").text == "de"
    assert meta.find("dc:title").text == "koopBLATT No. 1 (2015)"
    assert [c.text for c in meta.find_all("dc:creator")] == ["Erika Muster", "Hans Beispiel"]
    assert "koopstadt" in meta.find("dc:publisher").text and "Leipzig" in meta.find("dc:publisher").text
    assert meta.find("meta", property="dcterms:modified").text == "2015-06-15T00:00:00Z"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", meta.find("dc:identifier").text)
    other = opf(built_epub / "handbuch.epub").find("dc:identifier").text
    assert other != meta.find("dc:identifier").text
    props = {(m["property"], m.text) for m in meta.find_all("meta", property=True)}
    for feature in ("alternativeText", "tableOfContents", "readingOrder", "structuralNavigation"):
        assert ("schema:accessibilityFeature", feature) in props
    assert ("schema:accessMode", "textual") in props and ("schema:accessModeSufficient", "textual") in props
    assert ("schema:accessibilityHazard", "none") in props
    summary = meta.find("meta", property="schema:accessibilitySummary").text
    assert "Alternativtext" in summary


def test_alt_text_footnotes_and_no_scripts(built_epub: Path) -> None:
    with zipfile.ZipFile(built_epub / "koopblatt-1.epub") as zf:
        pages = {n: zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".xhtml")}
        assert not any(n.endswith(".js") for n in zf.namelist())
    for name, page in pages.items():
        soup = BeautifulSoup(page, "xml")
        assert soup.find("script") is None, name
        for img in soup.find_all("img"):
            assert img.get("alt"), (name, img)
    westen = BeautifulSoup(pages["beitraege/leipzig/westen.xhtml"], "xml")
    ref = westen.find("a", attrs={"epub:type": "noteref"})
    note = westen.find(attrs={"epub:type": "footnote"})
    assert ref is not None and note is not None and ref["href"] == f"#{note['id']}"
    assert "Die Hauswächter zahlen nur die Betriebskosten." in note.get_text()
    assert "(Leipzig-Charta 2007, S. 3)" in westen.get_text()
    assert "Literatur" in westen.get_text()


def test_cross_references_inside_and_outside_the_book(built_epub: Path) -> None:
    westen = BeautifulSoup(read(built_epub / "koopblatt-1.epub", "beitraege/leipzig/westen.xhtml"), "xml")
    inside = westen.find("a", string=lambda s: s and "Zwischennutzung in Bremen" in s)
    assert inside["href"] == "../bremen/zwischen.xhtml"
    outside = westen.find("a", string="Leipzig")  # the city label links to a browse page, not in the book
    assert outside["href"] == "https://www.koopstadt.de/handbuch/entdecken/stadt-leipzig.html"


def test_two_builds_identical_bytes(built_epub: Path, tmp_path: Path) -> None:
    root = copy_project("mini", tmp_path)
    with epoch():  # as built_epub was built
        assert build_epub(root, validate_project(root)).status == 0
    for name in ("koopblatt-1.epub", "handbuch.epub"):
        assert (root / "build/epub" / name).read_bytes() == (built_epub / name).read_bytes(), name


def test_epubcheck_reports_a_broken_book(built_epub: Path, tmp_path: Path) -> None:
    """The gate itself: a book with a missing image is reported, with the file and code."""
    from pipeline.epub.check import epubcheck_many

    broken = tmp_path / "kaputt.epub"
    with zipfile.ZipFile(built_epub / "koopblatt-1.epub") as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if not info.filename.endswith("westen-grafik.svg"):
                dst.writestr(info, src.read(info.filename))
    found = epubcheck_many([broken, built_epub / "koopblatt-1.epub"])
    assert any("RSC-001" in f and "westen-grafik.svg" in f for f in found[broken]), found
    assert found[built_epub / "koopblatt-1.epub"] == []
