"""The constructs authors use, built in every format: what a reader finds in the HTML, the PDF and the EPUB.

The fixture is the mini project plus `fixtures/constructs` (a contribution with numbered figures and
tables, `{numref}`, aligned columns, footnotes in tables, admonitions and lists, nested admonitions,
definition lists, rubric, epigraph, pull-quote, quotes with attribution, thematic breaks, code in an
unknown language and names in many scripts), added to koopBLATT No. 1 and built with `nox -s build`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from support.htmlutil import article
from support.htmlutil import text as html_text
from support.pdfutil import fonts, xmp
from support.pdfutil import text as pdf_text
from support.projects import CONSTRUCTS_DOC, copy_project

from pipeline import glyphs
from pipeline.cli import main

DOC = CONSTRUCTS_DOC
SOURCE = f"docs/{DOC}.md"


def run(root: Path, *command: str) -> tuple[int, str]:
    """Run a pipeline command; (exit code, everything it wrote to stderr)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(["--root", str(root), *command])
    return status, err.getvalue()


@pytest.fixture
def built(built_constructs: tuple[Path, str]) -> tuple[Path, str]:
    return built_constructs


def one_line(text: str) -> str:
    return " ".join(text.split())


def captions(soup: BeautifulSoup, tag: str) -> list[str]:
    """Figure or table captions as a reader sees them (without the ¶/# permalinks)."""
    out = []
    for caption in soup.find_all(tag):
        for link in caption.find_all(class_="headerlink"):
            link.decompose()
        out.append(one_line(caption.get_text(" ")))
    return out


def html_article(root: Path) -> BeautifulSoup:
    return article(root, DOC)


def epub_chapter(root: Path) -> BeautifulSoup:
    with zipfile.ZipFile(root / "build/epub/koopblatt-1.epub") as zf:
        return BeautifulSoup(zf.read(f"{DOC}.xhtml").decode("utf-8"), "html.parser")


def pdf_content(root: Path) -> str:
    return one_line(pdf_text(root / "build/pdf/koopblatt-1.pdf"))


def typst_source(root: Path) -> str:
    return (root / "build/.work/typst/koopblatt-1.typ").read_text(encoding="utf-8")


def test_the_build_has_no_warning_but_the_code_hint(built: tuple[Path, str]) -> None:
    _, err = built
    lines = [line for line in err.splitlines() if line.strip()]
    hint = (f"{SOURCE}:132: Hinweis [koop.code_language]: Die Sprache „foobar“ des Code-Blocks ist unbekannt; er wird "
            "als einfacher Text gesetzt. Hinweis: Schreiben Sie nach den drei Backticks eine bekannte Sprache "
            "(z. B. „python“, „json“) oder „text“ – oder nichts.")
    assert set(lines) == {hint}, err  # once per output (PDF, EPUB, HTML), and nothing else
    assert "WARNING" not in err and "lexer" not in err


# -- 1. numbered figures and tables, {numref} ---------------------------------------------------------------------

CAPTIONS = ["Abb. 1: Das Quartier im Überblick. Quelle: Stadt Nürnberg, Stadtplanungsamt.",
            "Abb. 2: Der Plan der Wegeverbindung."]
TABLE_CAPTIONS = ["Tab. 1: Kosten je Baustein", "Tab. 2: Zeitplan"]
NUMREFS = ["Abb. 1", "Tab. 1", "siehe Abb. 2", "Tab. 2"]


def test_html_and_epub_number_figures_and_tables_and_resolve_numref(built: tuple[Path, str]) -> None:
    root, _ = built
    for soup in (html_article(root), epub_chapter(root)):
        assert captions(soup, "figcaption") == CAPTIONS
        assert captions(soup, "caption") == TABLE_CAPTIONS
        refs = [(a["href"].rsplit("#", 1)[-1], one_line(a.get_text(" "))) for a in soup.find_all("a")
                if "numref" in a.get("class", []) or a.find(class_="std-numref")]
        assert [text for _, text in refs] == NUMREFS
        assert [target for target, _ in refs] == ["abb-karte", "tab-kosten", "abb-plan", "tab-zeitplan"]


def test_numbers_restart_in_each_contribution(built: tuple[Path, str]) -> None:
    root, _ = built
    westen = article(root, "beitraege/leipzig/westen")
    assert captions(westen, "figcaption") == ["Abb. 1: Wächterhäuser je Jahr."]
    content = pdf_content(root)
    assert "Abb. 1 Wächterhäuser je Jahr." in content
    assert "Abb. 1 Das Quartier im Überblick." in content and "Abb. 2 Der Plan der Wegeverbindung." in content


def test_pdf_has_the_same_numbers_and_numref_texts(built: tuple[Path, str]) -> None:
    root, _ = built
    content = pdf_content(root)
    assert "Tab. 1 Kosten je Baustein" in content and "Tab. 2 Zeitplan" in content
    assert ("Die Südstadt ist vielfältig: Abb. 1 zeigt das Quartier und Tab. 1 die Kosten (siehe Abb. 2 für den "
            "Plan).") in content
    assert "Wie Tab. 2 zeigt, dauert der Bau ein Jahr." in content
    source = typst_source(root)
    # Typst is told the project's numbers; links go to labels the figures and tables carry
    assert 'numbering: _ => "2", placement: auto, scope: "parent")<vielfalt--id4>' in source
    assert "#link(<vielfalt--id4>)[siehe Abb. 2]" in source
    assert re.search(r'#figure\(kind: table, caption: \[Zeitplan\], numbering: _ => "2", tabelle\((?s:.*?)\)\)'
                     r"<vielfalt--tab-zeitplan>", source)
    assert "numbering: none" not in source.split('id: "vielfalt"')[1].split("#image(")[0]


# -- 2. column alignment ------------------------------------------------------------------------------------------

def test_column_alignment_in_typst_and_html(built: tuple[Path, str]) -> None:
    root, _ = built
    assert "ausrichtung: (left + top, right + top, center + top, )," in typst_source(root)
    for soup in (html_article(root), epub_chapter(root)):
        table = soup.find("table", id="tab-kosten")
        assert [c.get("class") for c in table.find("tr").find_all("th")] == [
            ["head", "text-left"], ["head", "text-right"], ["head", "text-center"]]
    with zipfile.ZipFile(root / "build/epub/koopblatt-1.epub") as zf:
        assert "td.text-right { text-align: right; }" in zf.read("_static/koop-epub.css").decode("utf-8")


# -- 3. footnotes, admonitions, definition lists, rubric, quotes, breaks ----------------------------------------

PASSAGES = [
    "Fußnote in einer Tabelle.", "Fußnote in einem Hinweis.", "Fußnote in einer Liste.",
    "Ein Tipp im Hinweis.", "Eine Warnung in einem Kasten.", "Wichtig außen.", "Ein Tipp innen.",
    "Ein abgegrenzter Teil der Stadt.", "Mitwirkung der Menschen vor Ort.", "Stimmen aus dem Quartier",
    "Die Schule ist der Mittelpunkt des Quartiers.", "Jan Kowalski", "Stadt ist, wo Menschen sich begegnen.",
    "Anna Nowak", "Wir haben gemeinsam geplant.", "Vor der Trennlinie.", "Nach der Trennlinie.", "Noch ein Absatz.",
    "Baustein := Schulhof + Wege", "Ein eingebundener Absatz aus einer eigenen Datei.", "Achtung, Baustelle.",
    "Vorsicht, frischer Beton.", "1.200 m2", "ISEK", "Quelle: Stadt Nürnberg, Stadtplanungsamt.",
]


@pytest.mark.parametrize("fmt", ["html", "epub", "pdf"])
def test_every_construct_keeps_its_text(built: tuple[Path, str], fmt: str) -> None:
    root, _ = built
    readers = {"html": lambda: html_text(html_article(root)), "pdf": lambda: pdf_content(root),
               "epub": lambda: one_line(epub_chapter(root).get_text(" "))}
    content = readers[fmt]()
    content = content.replace("m 2", "m2")  # <sup>2</sup> in HTML text
    missing = [p for p in PASSAGES if p not in content]
    assert not missing, missing


def test_structure_of_the_constructs_in_html_and_typst(built: tuple[Path, str]) -> None:
    root, _ = built
    for soup in (html_article(root), epub_chapter(root)):
        assert len(soup.find_all("hr")) == 2
        assert [one_line(t.get_text(" ")) for t in soup.select("dl.myst dt")] == ["Quartier", "Beteiligung"]
        assert [one_line(a.get_text(" ")) for a in soup.find_all(class_="attribution")] == [
            "—Jan Kowalski", "—Anna Nowak"]
        nested = [a for a in soup.find_all(class_="admonition") if a.find_parent(class_="admonition")]
        assert len(nested) == 3, "tip in note, warning in admonition, hint in important"
        assert soup.find(class_="rubric") is not None
        assert "Baustein := Schulhof + Wege" in soup.find("pre").get_text()
    source = typst_source(root)
    assert source.count("#trenner()") == 2 and "#rubrik[Stimmen aus dem Quartier]" in source
    assert "#quote(block: true, attribution: [Jan Kowalski])[Die Schule ist der Mittelpunkt des Quartiers.]" in source
    assert "#terms(terms.item([Quartier], [Ein abgegrenzter Teil der Stadt.])" in source
    assert ('#hinweis(art: "note", titel: [Aus der Praxis], versal: false)[#hinweis(art: "warning", titel: "Warnung")['
            in source)
    assert "[Wege#footnote[Fußnote in einer Tabelle.]<vielfalt--fn--tab>]" in source
    assert '#raw(block: true, "Baustein := Schulhof + Wege\\n")' in source


# -- 6. characters: fallback fonts ------------------------------------------------------------------------------------

NAMES = ["Ayşe Yılmaz (İzmir)", "Łukasz Wróbel (Łódź)", "Jiří Dvořák (Brno)", "Γιώργος Παπαδόπουλος (Αθήνα)",
         "Ольга Иванова (Москва)", "Nguyễn Thị Hương (Hà Nội)", "ℋ → ⇒ ≤ €", "½ ✓"]


def test_names_in_many_scripts_are_in_the_pdf_with_embedded_open_fallback_fonts(built: tuple[Path, str]) -> None:
    root, _ = built
    content = pdf_content(root)
    missing = [n for n in NAMES if n not in content]
    assert not missing, missing
    for name in ("koopblatt-1.pdf", "koopblatt-1-druck.pdf"):
        found = fonts(root / "build/pdf" / name)
        assert all(found.values()), found
        families = {re.sub(r"^/?[A-Z]{6}\+", "", f).split("-")[0] for f in found}
        assert {"NotoSansArabic", "NotoSansSymbols2", "NotoEmoji"} <= families, families
    meta = xmp(root / "build/pdf/koopblatt-1.pdf")
    assert re.search(r"pdfaid:part[^0-9]*2", meta) and re.search(r"pdfuaid:part[^0-9]*1", meta)


def test_names_in_many_scripts_in_html_and_epub(built: tuple[Path, str]) -> None:
    root, _ = built
    for content in (html_text(html_article(root)), one_line(epub_chapter(root).get_text(" "))):
        assert all(n in content for n in NAMES)
        assert "أحمد الخطيب (عمّان)" in content and "😀 ✅" in content


def test_glyph_coverage() -> None:
    assert glyphs.uncovered("Ayşe Łódź Ελληνικά Кириллица أحمد שלום Tiếng Việt ℋ → ⇒ ≤ € ² ½ ✓ 😀 ✅ 👍🏽 ❤️") == []
    assert glyphs.uncovered("Zeichen 𓀀 und 𓀀 und \U000f0000") == ["𓀀", "\U000f0000"]
    assert glyphs.describe("𓀀") == "U+13000 EGYPTIAN HIEROGLYPH A001"


def test_a_character_no_font_has_is_a_located_german_error(tmp_path: Path) -> None:
    """`check` finds it in a contribution (front matter or body), at its line, before any build."""
    root = copy_project("mini", tmp_path)
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Erika Muster", "Erika 𓀀 Muster").replace(
        "## Vorgehen", "Ein Zeichen aus Ägypten: 𓀀 und aus Kreta: 𐀀.\n\n## Vorgehen"), encoding="utf-8")
    status, err = run(root, "pdf")
    assert status == 1
    found = [line.split(" Hinweis:")[0] for line in err.splitlines() if "[koop.glyph]" in line]
    assert found == [
        "docs/beitraege/leipzig/westen.md:5: Fehler [koop.glyph]: Das Zeichen „𓀀“ (U+13000 EGYPTIAN HIEROGLYPH A001) "
        "kann im koopBLATT nicht gesetzt werden: Keine der Schriften enthält es.",
        "docs/beitraege/leipzig/westen.md:19: Fehler [koop.glyph]: Das Zeichen „𐀀“ (U+10000 LINEAR B SYLLABLE B008 "
        "A) kann im koopBLATT nicht gesetzt werden: Keine der Schriften enthält es."]
    assert not (root / "build/pdf").exists()


def test_the_editorial_is_checked_too(tmp_path: Path) -> None:
    root = copy_project("mini", tmp_path)
    editorial = root / "koopblatt/1/editorial.md"
    editorial.write_text(editorial.read_text(encoding="utf-8").replace("Liebe Leserinnen", "𐀀 Liebe Leserinnen"),
                         encoding="utf-8")
    status, err = run(root, "check")
    assert status == 1
    assert ("koopblatt/1/editorial.md:8: Fehler [koop.glyph]: Das Zeichen „𐀀“ (U+10000 LINEAR B SYLLABLE B008 A) "
            "kann im koopBLATT nicht gesetzt werden") in err


def test_the_translator_reports_and_replaces_a_character_no_font_has(caplog: pytest.LogCaptureFixture) -> None:
    """A safety net behind `check` for anything else the translator sets: a located koop finding, no tofu."""
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    from pipeline.typst.translator import Context, TypstTranslator

    document = new_document("beitrag.md", get_default_settings(Parser))
    paragraph = nodes.paragraph("", "Die Silbe 𐀀 und noch einmal 𐀀.")
    paragraph.line = 7
    document += nodes.section("", nodes.title("", "T"), paragraph)
    # an issue's editorial page (contributions' files are checked by `check`, which reports at the exact line)
    translator = TypstTranslator(document, Context(docname="ausgaben/koopblatt-1", prefix="editorial"))
    with caplog.at_level(logging.WARNING):
        document.walkabout(translator)
    found = [(r.subtype, str(r.msg), r.location) for r in caplog.records if getattr(r, "type", "") == "koop"]
    assert [(subtype, msg.split(" [koop")[0]) for subtype, msg, _ in found] == [
        ("glyph", "Das Zeichen „𐀀“ (U+10000 LINEAR B SYLLABLE B008 A) kann im koopBLATT nicht gesetzt werden: Keine "
                  "der Schriften enthält es.")]
    location = found[0][2]  # the node; "<source>:line" once Sphinx's logging (of an earlier build) has read it
    assert location is paragraph or str(location).endswith(":7")
    assert "Die Silbe \ufffd und noch einmal \ufffd." in translator.astext()


# -- 4./1. located build findings -------------------------------------------------------------------------------------

def before_vorgehen(root: Path, text: str) -> None:
    """Put `text` into the mini fixture's Westen contribution, before its section „Vorgehen“ (line 19)."""
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8").replace("## Vorgehen", text + "## Vorgehen"), encoding="utf-8")


def test_numref_to_something_without_a_number(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    before_vorgehen(root, "Siehe {numref}`vorgehen`.\n\n(vorgehen)=\n")
    status, err = run(root, "html")
    assert status == 1
    assert ("docs/beitraege/leipzig/westen.md:19: Fehler [koop.numref]: Der Verweis {numref} auf „vorgehen“ zeigt auf "
            "keine Abbildung mit Bildunterschrift und keine Tabelle mit Titel. Hinweis: Geben Sie der Abbildung eine "
            "Bildunterschrift bzw. der Tabelle einen Titel, oder verweisen Sie mit {ref} statt {numref}.") in err
    assert "numfig" not in err


def test_code_that_its_language_cannot_read_is_plain_text(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    before_vorgehen(root, '```json\n{"a": ?}\n```\n\n')
    status, err = run(root, "html")
    assert status == 0, err
    assert ("docs/beitraege/leipzig/westen.md:19: Hinweis [koop.code_syntax]: Der Code-Block ist kein gültiges "
            "„json“; er wird als einfacher Text gesetzt.") in err
    assert '{"a": ?}' in html_text(article(root, "beitraege/leipzig/westen"))


@pytest.mark.slow
def test_a_numref_into_another_contribution_follows_its_numbers(tmp_path: Path) -> None:
    """Incremental builds: when a contribution's figures are renumbered, pages that refer to them are rewritten."""
    from support.projects import with_constructs

    from pipeline.html.build import build_html

    root = with_constructs(tmp_path)
    westen = root / "docs/beitraege/leipzig/westen.md"
    westen.write_text(westen.read_text(encoding="utf-8").replace(
        "## Vorgehen", "Einen Plan zeigt {numref}`abb-plan` im Beitrag aus Nürnberg.\n\n## Vorgehen"), encoding="utf-8")
    assert build_html(root).status == 0
    assert "Einen Plan zeigt Abb. 2 im Beitrag" in html_text(article(root, "beitraege/leipzig/westen"))
    source = root / SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace("(abb-plan)=", (
        ":::{figure} bilder/karte.svg\n:alt: Noch eine Karte.\n\nEine weitere Karte.\n:::\n\n(abb-plan)=")),
        encoding="utf-8")
    assert build_html(root).status == 0
    assert "Abb. 3: Der Plan der Wegeverbindung." in html_text(html_article(root))
    assert "Einen Plan zeigt Abb. 3 im Beitrag" in html_text(article(root, "beitraege/leipzig/westen"))
