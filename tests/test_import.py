"""`nox -s import`: real Word and LibreOffice files become contributions that check and build.

The fixtures (tests/fixtures/import/, made by make_fixtures.py) contain headings, emphasis, nested
lists, a simple and a complex table, a footnote, a link, a superscript, an image with and one
without description, a tracked insertion and deletion, a comment, a text box, an embedded object
and (DOCX) a page header.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypandoc
import pytest
import yaml
from PIL import Image
from support.htmlutil import article, text
from support.importing import run_import
from support.projects import copy_project, fill_todos

from pipeline.cli import main
from pipeline.frontmatter import split
from pipeline.importer.container import Source
from pipeline.importer.convert import Converter, write_markdown
from pipeline.validate import validate_project

SLOW_FIXTURES = {"built"}  # builds real outputs: tests using it are `slow` (conftest)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
DESCRIPTION = "Luftbild eines begrünten Innenhofs mit Rasen, zwei Bäumen und einer Regenwassermulde."


@dataclass
class Imported:
    root: Path
    path: str  # docs/beitraege/<stadt>/<slug>.md
    slug: str
    status: int
    summary: str
    errors: str
    markdown: str
    frontmatter: dict[str, object]
    body: str


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    """Both fixtures imported into one copy of the mini project (DOCX → Bremen, ODT → Leipzig)."""
    root = copy_project("mini", tmp_path_factory.mktemp("import"))
    result: dict[str, Imported] = {}
    for kind, stadt, slug in (("docx", "bremen", "gruene-hoefe"), ("odt", "leipzig", None)):
        status, out, err = run_import(root, FIXTURES / f"beitrag.{kind}", stadt, slug)
        name = slug or "beitrag"
        path = f"docs/beitraege/{stadt}/{name}.md"
        markdown = (root / path).read_text(encoding="utf-8")
        source, _, body, _ = split(markdown)
        result[kind] = Imported(root, path, name, status, out, err, markdown, yaml.safe_load(source or ""), body)
    return result


@pytest.fixture(scope="module")
def built(imported: dict[str, Imported]) -> Path:
    """The imported contributions with their TODOs filled in, built to HTML."""
    from pipeline.html.build import build_html

    root = imported["docx"].root
    for item in imported.values():
        fill_todos(root / item.path)
    assert [p.format() for p in validate_project(root).problems if p.is_error] == []
    assert build_html(root).status == 0
    return root


KINDS = ["docx", "odt"]


@pytest.mark.parametrize("kind", KINDS)
def test_structure_becomes_myst(imported: dict[str, Imported], kind: str) -> None:
    doc = imported[kind]
    assert doc.status == 0, doc.errors
    body = doc.body
    # the document title went to the front matter, sections start at ##
    assert re.findall(r"^(#+) (.+)$", body, re.MULTILINE) == [
        ("##", "Ausgangslage"), ("###", "Beteiligte"), ("##", "Zahlen"), ("##", "Bilder")]
    assert "*versiegelt*" in body and "**im Sommer heiß**" in body
    assert "[koopstadt-Projektseite](https://www.koopstadt.de/)" in body
    assert "Jeder Hof hat rund 400 m{sup}`2` Fläche." in body
    assert "beschreibt den Ansatz.[^1]" in body
    assert "\n[^1]: Die Zahlen stammen aus dem *Jahresbericht* 2013." in body
    assert re.search(r"^- Wohnungsbaugesellschaften\n\n?  - GEWOBA\n  - Genossenschaften$", body, re.MULTILINE)
    assert re.search(r"^1\.\s+Bestandsaufnahme\n2\.\s+Planung im Hof$", body, re.MULTILINE)
    # the simple table is a pipe table (its right-aligned column too), the one with a list and two paragraphs in a
    # cell a list-table
    assert re.search(r"^\| Jahr \| Höfe \| Fläche +\|\n\|-+\|-+:\|-+\|\n\| 2012 \| +3 \| 1\.200 m² \|$",
                     body, re.MULTILINE)
    assert ":::{list-table}\n:header-rows: 1\n\n- - Maßnahme\n  - Wirkung\n" in body
    assert "  - Erster Absatz zur Wirkung.\n\n    Zweiter Absatz zur Wirkung." in body
    assert not re.search(r"<[A-Za-z/!]", body)  # never raw HTML


@pytest.mark.parametrize("kind", KINDS)
def test_images_are_extracted_renamed_and_described(imported: dict[str, Imported], kind: str) -> None:
    doc = imported[kind]
    first, second = f"bilder/{doc.slug}-abb-1.png", f"bilder/{doc.slug}-abb-2.png"
    assert (f":::{{figure}} {first}\n:alt: {DESCRIPTION}\n\nDer begrünte Hof nach dem Umbau\n\n:::"
            in doc.body)  # the ODT caption "Abbildung 1: …" loses its label: figures are numbered anyway
    assert f":::{{figure}} {second}\n:alt: TODO: Bildbeschreibung\n\n:::" in doc.body
    folder = doc.root / doc.path.rsplit("/", 1)[0]
    with Image.open(folder / first) as one, Image.open(folder / second) as two:
        assert (one.format, one.size, two.size) == ("PNG", (600, 400), (400, 300))
    assert "Abbildung 2 hat keine Bildbeschreibung" in doc.summary


@pytest.mark.parametrize("kind", KINDS)
def test_what_word_cannot_say_in_markdown_is_kept_and_reported(imported: dict[str, Imported], kind: str) -> None:
    doc = imported[kind]
    body, summary = doc.body, doc.summary
    # tracked changes: the insertion is text, the deletion only a comment line
    assert "Fläche. Seit 2013 wird umgebaut." in body
    assert "\n% Änderungsverfolgung – gelöschter Text (nicht übernommen): Das war sehr teuer.\n" in body
    assert "Das war sehr teuer." not in body.replace(
        "% Änderungsverfolgung – gelöschter Text (nicht übernommen): Das war sehr teuer.", "")
    assert "gelöschter Text „Das war sehr teuer.“ wurde nicht übernommen" in summary
    # the comment follows its paragraph as a MyST comment
    assert ("Zum Schluss ein Dank an alle Beteiligten.\n\n"
            "% Kommentar von Redaktion Leipzig: Bitte Quelle für die Flächenangabe ergänzen.\n") in body
    assert "Kommentar von Redaktion Leipzig: „Bitte Quelle für die Flächenangabe ergänzen.“" in summary
    # the text box follows its anchor paragraph as a note box
    assert ("Der Hof wird zum Lernort.\n\n::::{note}\n\nIm Textfeld: Bis 2020 sollen 120 weitere Höfe folgen."
            "\n\n::::") in body
    assert "Textfeld „Im Textfeld: Bis 2020 sollen 120 weitere Höfe folgen.“ als Hinweiskasten" in summary
    # the embedded object is marked where it was
    what = {"docx": "Excel-Tabelle", "odt": "Diagramm"}[kind]
    assert (f"Die Kostenübersicht:\n\n% TODO: Hier stand ein eingebettetes Objekt ({what}), das nicht übernommen "
            "werden konnte.") in body
    assert f"{what} konnte nicht übernommen werden" in summary
    counts = re.search(r"^Umgewandelt: (.+)\.$", summary, re.MULTILINE)
    assert counts is not None
    for part in ("4 Überschriften", "1 einfache Tabelle", "1 Tabelle als list-table", "1 Fußnote", "1 Link",
                 "2 Abbildungen", "1 Textfeld", "1 Kommentar", "1 Löschung", "1 eingebettetes Objekt"):
        assert part in counts.group(1)


def test_docx_header_and_insertion_are_reported(imported: dict[str, Imported]) -> None:
    summary = imported["docx"].summary
    assert "Kopf- oder Fußzeile nicht übernommen: „Stadt Bremen – Entwurf für die Redaktion“." in summary
    assert "eingefügter Text „Seit 2013 wird umgebaut.“ wurde übernommen" in summary
    assert "Änderungsverfolgung: eingefügter Text übernommen (1 Stelle)." in imported["odt"].summary


def test_front_matter_from_document_and_properties(imported: dict[str, Imported]) -> None:
    docx, odt = imported["docx"].frontmatter, imported["odt"].frontmatter
    # DOCX: Title/Author/Date paragraphs win over the stale file properties ("Entwurf Höfe")
    assert docx["title"] == "Blau-grüne Höfe in Gröpelingen"
    assert docx["authors"] == [{"name": "Erika Muster"}, {"name": "Hans Beispiel"}]
    assert str(docx["date"]) == "2014-05-03"
    # ODT: the lone first-level heading is the title; authors and date come from the file properties
    assert odt["title"] == "Blau-grüne Höfe in Gröpelingen"
    assert odt["authors"] == [{"name": "Erika Muster"}, {"name": "Hans Beispiel"}]
    assert str(odt["date"]) == "2014-05-02"
    assert "Titel: Blau-grüne Höfe in Gröpelingen (aus der ersten Überschrift)" in imported["odt"].summary
    assert "Datum: 2014-05-02 (Datum der letzten Speicherung – bitte prüfen)" in imported["odt"].summary
    assert (docx["keywords"], odt["keywords"]) == (["Höfe", "Klima"], None)
    for data, stadt in ((docx, "bremen"), (odt, "leipzig")):
        assert data["stadt"] == stadt and data["license"] == "CC BY 4.0"
        assert data["status"] == "entwurf"  # an import is a draft until the editors release it
        for key in ("art", "themenfeld", "projektfamilien", "abstract"):
            assert str(data[key]).startswith("TODO"), key


@pytest.mark.parametrize("kind", KINDS)
def test_only_todos_are_left_for_check(imported: dict[str, Imported], kind: str) -> None:
    doc = imported[kind]
    problems = [p for p in validate_project(doc.root).problems if p.path == doc.path and p.is_error]
    subjects = [re.sub(r"^„(.+)“ ist noch nicht ausgefüllt \(TODO\)\.$", r"\1", p.message) for p in problems]
    assert {p.code for p in problems} == {"todo"}
    assert subjects == ["abstract", "art", "themenfeld", "projektfamilien", f"bilder/{doc.slug}-abb-2.png :alt:"]
    assert "Noch offen (so meldet es „nox -s check“):" in doc.summary


@pytest.mark.parametrize("kind", KINDS)
def test_imported_contribution_builds(imported: dict[str, Imported], built: Path, kind: str) -> None:
    doc = imported[kind]
    page = article(built, doc.path.removeprefix("docs/").removesuffix(".md"))
    content = text(page)
    for expected in ("Blau-grüne Höfe in Gröpelingen", "Seit 2013 wird umgebaut.", "Im Textfeld: Bis 2020",
                     "Zweiter Absatz zur Wirkung.", "Die Zahlen stammen aus dem Jahresbericht 2013.", "4.800 m²"):
        assert expected in content
    for hidden in ("Das war sehr teuer.", "Bitte Quelle", "eingebettetes Objekt"):
        assert hidden not in content
    assert page.find("img", alt=DESCRIPTION) is not None
    assert page.find("sup", string="2") is not None
    assert len(page.find_all("table")) >= 2
    assert page.find(class_="admonition") is not None
    assert (built / "build/html/_images" / f"{doc.slug}-abb-1.png").is_file()


# -- refusals ----------------------------------------------------------------------------


def _files(root: Path) -> list[Path]:
    return sorted((root / "docs").rglob("*"))


def _zip(path: Path, entries: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, content in entries.items():
            z.writestr(name, content)
    return path


def _put(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name

    return make


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
BAD: list[tuple[str, Callable[[Path], Path], int, str]] = [
    ("zufall.docx", _put("zufall.docx", bytes(range(256)) * 20), 1, "„zufall.docx“ ist beschädigt oder unvollständig"),
    ("halb.docx", _put("halb.docx", (FIXTURES / "beitrag.docx").read_bytes()[:6000]), 1,
     "„halb.docx“ ist beschädigt oder unvollständig"),
    ("kaputt.docx", lambda d: _zip(d / "kaputt.docx", {"word/document.xml": "<w:document><w:body>"}), 1,
     "„kaputt.docx“ ist beschädigt oder unvollständig"),
    ("geheim.docx", _put("geheim.docx", OLE + "EncryptedPackage".encode("utf-16-le")), 1,
     "„geheim.docx“ ist mit einem Kennwort geschützt"),
    ("geheim.odt", lambda d: _zip(d / "geheim.odt", {
        "mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "",
        "META-INF/manifest.xml": "<manifest:manifest><manifest:file-entry><manifest:encryption-data/>"
                                 "</manifest:file-entry></manifest:manifest>"}), 1,
     "„geheim.odt“ ist mit einem Kennwort geschützt"),
    ("alt.docx", _put("alt.docx", OLE), 1, "„alt.docx“ ist eine alte Word-Datei (.doc)"),
    ("tabelle.docx", lambda d: _zip(d / "tabelle.docx", {"xl/workbook.xml": "<workbook/>"}), 1,
     "„tabelle.docx“ ist kein Textdokument aus Word oder LibreOffice"),
    ("notiz.txt", _put("notiz.txt", b"Hallo"), 2, "„notiz.txt“ ist keine Word- oder LibreOffice-Datei"),
    ("bericht.pdf", _put("bericht.pdf", b"%PDF-1.7\n"), 2,
     "Hinweis: Aus PDF-Dateien lässt sich kein Text sicher übernehmen"),
    ("odt-als.docx", _put("odt-als.docx", (FIXTURES / "beitrag.odt").read_bytes()), 2,
     "„odt-als.docx“ ist eigentlich eine ODT-Datei"),
    ("fehlt.docx", lambda d: d / "fehlt.docx", 2, "gibt es nicht"),
]


@pytest.mark.parametrize(("name", "make", "status", "message"), BAD, ids=[b[0] for b in BAD])
def test_unusable_files_get_a_clear_german_error_and_leave_nothing_behind(
        project_copy: Callable[[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        name: str, make: Callable[[Path], Path], status: int, message: str) -> None:
    root = project_copy("mini")
    before = _files(root)
    file = make(tmp_path)
    assert main(["--root", str(root), "import", str(file), "bremen"]) == status
    err = capsys.readouterr().err
    assert message in err
    assert err.startswith("Fehler: " if status == 1 else "Aufruf fehlerhaft: ")
    assert "Traceback" not in err
    assert _files(root) == before


def test_unknown_city_is_a_usage_error(project_copy: Callable[[str], Path],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    assert main(["--root", str(root), "import", str(FIXTURES / "beitrag.docx"), "Nürnbreg"]) == 2
    assert "Die Stadt „Nürnbreg“ gibt es nicht. Erlaubt: „bremen“, „leipzig“, „nuernberg“. " \
           "Hinweis: Meinten Sie „nuernberg“?" in capsys.readouterr().err


def test_refuses_to_overwrite(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert run_import(root, FIXTURES / "beitrag.docx", "bremen", "hoefe")[0] == 0
    file = root / "docs/beitraege/bremen/hoefe.md"
    file.write_text(file.read_text(encoding="utf-8") + "\nEigene Ergänzung.\n", encoding="utf-8")
    before = _files(root), file.read_bytes()
    status, _, err = run_import(root, FIXTURES / "beitrag.odt", "bremen", "hoefe")
    assert status == 1
    assert "Den Beitrag „docs/beitraege/bremen/hoefe.md“ gibt es schon; er wird nicht überschrieben." in err
    status, _, err = run_import(root, FIXTURES / "beitrag.odt", "nuernberg", "hoefe")
    assert status == 1 and "Den Kurznamen „hoefe“ gibt es schon in „docs/beitraege/bremen/hoefe.md“" in err
    assert (_files(root), file.read_bytes()) == before


def test_slug_from_a_german_file_name(project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    root = project_copy("mini")
    file = Path(shutil.copy(FIXTURES / "beitrag.docx", tmp_path / "Grüne Höfe (Entwurf 2).docx"))
    status, out, _ = run_import(root, file, "nuernberg")
    assert status == 0
    assert "→ docs/beitraege/nuernberg/gruene-hoefe-entwurf-2.md" in out
    assert (root / "docs/beitraege/nuernberg/bilder/gruene-hoefe-entwurf-2-abb-1.png").is_file()
    status, _, err = run_import(root, file, "nuernberg", "../anderswo")
    assert status == 2 and "ist als Kurzname ungeeignet" in err


# -- the AST mapping on its own ------------------------------------------------------------


def convert(markdown: str, tmp_path: Path) -> tuple[str, list[str]]:
    doc = json.loads(pypandoc.convert_text(markdown, "json", format="markdown"))
    converter = Converter(Source("docx", b""), "test", tmp_path, shift=1, media=tmp_path)
    return write_markdown(converter.document(doc["blocks"]), doc["pandoc-api-version"]), converter.notes


def test_raw_html_is_dropped_and_reported(tmp_path: Path) -> None:
    out, notes = convert("Text mit <b>fett</b>.\n\n<div class=\"x\">Block</div>\n\n```{=html}\n<script>x()</script>"
                         "\n```\n", tmp_path)
    assert "<" not in out
    assert "Text mit fett." in out and "Block" in out
    assert "Eingebettetes Rohformat (html) entfernt: „<script>x()</script>“." in notes
    assert "Eingebettetes Rohformat (html) entfernt: „<b>“." in notes


def test_text_that_looks_like_myst_stays_text(tmp_path: Path) -> None:
    out, _ = convert("\\% der Fläche sind versiegelt.\n\n(abb)= ist kein Ziel.\n\n\\:::{note}\n\n"
                     "Die Rolle {sup}`x` ist nur Text.\n", tmp_path)
    assert "\n\\% der Fläche sind versiegelt.\n" in f"\n{out}"
    assert "\\(abb)= ist kein Ziel." in out
    assert "\\:::{note}" in out
    assert "Die Rolle \\{sup}`x` ist nur Text." in out


def test_links_and_formatting_that_myst_cannot_keep_are_reported(tmp_path: Path) -> None:
    out, notes = convert("Siehe [oben](#einleitung), [Datei](file:///C:/x.docx) und [Web](https://example.org).\n\n"
                         "Das ist [unterstrichen]{.underline} und ~~gestrichen~~.\n\n# Kapitel\n", tmp_path)
    assert "Siehe oben, Datei und [Web](https://example.org)." in out
    assert "Das ist *unterstrichen* und gestrichen." in out
    assert "## Kapitel" in out
    assert any("Textmarken" in n for n in notes)
    assert "Link „file:///C:/x.docx“ entfernt (erlaubt sind https://, http:// und mailto:); der Text bleibt." in notes
    assert "Unterstreichungen als Kursivschrift übernommen." in notes
    assert "Durchgestrichener Text ohne Durchstreichung übernommen: „gestrichen“." in notes


def test_images_in_text_and_tables_captions_and_merged_cells(project_copy: Callable[[str], Path],
                                                           tmp_path: Path) -> None:
    import docx
    from docx.shared import Cm

    Image.new("RGB", (50, 40), (31, 95, 168)).save(tmp_path / "blau.png")
    Image.new("RGB", (50, 40), (46, 107, 48)).save(tmp_path / "gruen.gif")
    document = docx.Document()
    document.core_properties.title = "Kanten"
    paragraph = document.add_paragraph("Ein Bild im Text ")
    paragraph.add_run().add_picture(str(tmp_path / "blau.png"), width=Cm(1))
    paragraph.add_run(" und weiter.")
    document.add_paragraph().add_run().add_picture(str(tmp_path / "gruen.gif"), width=Cm(3))
    document.add_paragraph("Abbildung 7: Grünes Rechteck", style="Caption")
    table = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"Z{r}{c}"
    table.cell(1, 2).merge(table.cell(2, 2))
    document.save(str(tmp_path / "kanten.docx"))

    root = project_copy("mini")
    status, summary, _ = run_import(root, tmp_path / "kanten.docx", "leipzig")
    assert status == 0
    body = split((root / "docs/beitraege/leipzig/kanten.md").read_text(encoding="utf-8"))[2]
    assert "Ein Bild im Text und weiter.\n\n:::{figure} bilder/kanten-abb-1.png\n:alt: TODO" in body
    assert ":::{figure} bilder/kanten-abb-2.png\n:alt: TODO: Bildbeschreibung\n\nGrünes Rechteck\n\n:::" in body
    assert ":::{list-table}\n:header-rows: 1\n" in body and "Z12" in body and "Z22" in body
    with Image.open(root / "docs/beitraege/leipzig/bilder/kanten-abb-2.png") as converted:
        assert converted.format == "PNG"
    for note in ("Abbildung 1 stand im Fließtext und folgt jetzt als eigene Abbildung nach dem Absatz.",
                 "Abbildung 2 von GIF nach PNG umgewandelt.", "Verbundene Zellen in Tabelle 1 aufgeteilt",
                 "Titel: Kanten (aus den Dateieigenschaften – bitte prüfen)"):
        assert note in summary
    assert {p.code for p in validate_project(root).problems if p.is_error} == {"todo"}


def test_unusable_image_formats_are_kept_for_the_editor(tmp_path: Path) -> None:
    from pipeline.importer import images

    (tmp_path / "bild.emf").write_bytes(b"\x01\x00\x00\x00" + bytes(100))
    stored = images.store(tmp_path / "bild.emf", "x-abb-1", tmp_path)
    assert (stored.name, stored.usable, stored.source_format) == ("x-abb-1.emf", False, "EMF")
    converter = Converter(Source("docx", b""), "x", tmp_path, shift=0, media=tmp_path)
    converter.stored[str(tmp_path / "bild.emf")] = stored
    converter.numbers[str(tmp_path / "bild.emf")] = 1
    blocks = converter.document([{"t": "Para", "c": [
        {"t": "Image", "c": [["", [], []], [], [str(tmp_path / "bild.emf"), ""]]}]}])
    version = json.loads(pypandoc.convert_text("", "json", format="markdown"))["pandoc-api-version"]
    out = write_markdown(blocks, version)
    assert out == "% TODO: Abbildung 1 (bilder/x-abb-1.emf) als PNG, JPG oder SVG ablegen und hier einbinden.\n"
    assert any("Abbildung 1 (EMF) kann nicht verwendet werden" in n for n in converter.notes)


def test_an_image_too_big_to_open_is_kept_for_the_editor(tmp_path: Path) -> None:
    """Pillow refuses to open 400 megapixels (a decompression bomb, English): the import goes on, the image is kept
    as it came (`check` then names its size in German)."""
    import struct
    import zlib

    from pipeline.importer import images

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)  # 20000 × 20000 RGB: only its header
    (tmp_path / "riesig.tiff").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))
    stored = images.store(tmp_path / "riesig.tiff", "x-abb-2", tmp_path)
    assert (stored.name, stored.usable) == ("x-abb-2.tiff", False)


def test_caption_paragraph_after_an_image_becomes_the_caption(tmp_path: Path) -> None:
    Image.new("RGB", (20, 20), (200, 30, 30)).save(tmp_path / "rot.png")
    out, notes = convert(f"![]({tmp_path / 'rot.png'})\n\nAbb. 3: Rote Fläche im *Plan*.\n\n"
                         f"![Ein Bild, das Text enthält. Automatisch generierte Beschreibung]({tmp_path / 'rot.png'})"
                         "\n\nText.\n", tmp_path)
    assert ":::{figure} bilder/test-abb-1.png\n:alt: TODO: Bildbeschreibung\n\nRote Fläche im *Plan*.\n\n:::" in out
    assert (":alt: TODO (automatisch erzeugt, bitte prüfen): Ein Bild, das Text enthält. Automatisch generierte "
            "Beschreibung") in out
    assert "Abbildung 1: Die Bildbeschreibung wurde automatisch erzeugt – bitte prüfen." in notes


def test_linked_images_are_never_read_from_the_disk(project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    secret = tmp_path / "anderswo" / "privat.png"
    secret.parent.mkdir()
    Image.new("RGB", (10, 10), (0, 0, 0)).save(secret)
    linked = tmp_path / "verknuepft.odt"
    with zipfile.ZipFile(FIXTURES / "beitrag.odt") as old, zipfile.ZipFile(linked, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "content.xml":
                data = data.replace(b'xlink:href="Pictures/1.png"', f'xlink:href="{secret}"'.encode())
            new.writestr(info, data)
    root = project_copy("mini")
    status, summary, _ = run_import(root, linked, "bremen")
    assert status == 0
    assert f"Ein Bild ist nur verknüpft, nicht in die Datei eingebettet („{secret}“)" in summary
    body = (root / "docs/beitraege/bremen/verknuepft.md").read_text(encoding="utf-8")
    assert f"% TODO: Hier stand ein nur verknüpftes Bild („{secret}“)" in body
    assert sorted(p.name for p in (root / "docs/beitraege/bremen/bilder").glob("verknuepft-*")) == [
        "verknuepft-abb-1.png"]


def test_odt_shapes_and_page_frames_keep_their_text(project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    shapes = tmp_path / "formen.odt"
    with zipfile.ZipFile(FIXTURES / "beitrag.odt") as old, zipfile.ZipFile(shapes, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "content.xml":
                xml = data.decode("utf-8")
                xml = xml.replace("</text:tracked-changes>", "</text:tracked-changes>"
                                  '<draw:frame text:anchor-type="page" svg:width="5cm"><draw:text-box>'
                                  "<text:p>Rahmen auf der Seite.</text:p></draw:text-box></draw:frame>", 1)
                xml = xml.replace("Zum Schluss ein Dank an alle Beteiligten.",
                                  'Zum Schluss ein Dank an alle Beteiligten.<draw:custom-shape draw:name="Form">'
                                  "<text:p>Sprechblase: Danke!</text:p></draw:custom-shape>"
                                  '<draw:rect draw:name="Kasten" svg:width="1cm" svg:height="1cm"/>', 1)
                data = xml.encode("utf-8")
            new.writestr(info, data)
    root = project_copy("mini")
    status, summary, _ = run_import(root, shapes, "bremen")
    assert status == 0
    body = (root / "docs/beitraege/bremen/formen.md").read_text(encoding="utf-8")
    assert "::::{note}\n\nRahmen auf der Seite.\n\n::::" in body
    assert re.search(r"Zum Schluss ein Dank an alle Beteiligten\.\n\n(% .*\n\n)+::::\{note\}\n\nSprechblase: Danke!"
                     r"\n\n::::", body)
    assert "% TODO: Hier stand ein eingebettetes Objekt (Zeichnungsobjekt ohne Text)" in body
    assert "Textfeld „Sprechblase: Danke!“ als Hinweiskasten" in summary


def test_comments_and_deletions_in_the_title_stay_out_of_it(project_copy: Callable[[str], Path],
                                                            tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document(str(FIXTURES / "beitrag.docx"))
    title = document.paragraphs[0]
    assert title.text == "Blau-grüne Höfe in Gröpelingen"
    document.add_comment(title.runs[0], text="Titel zu lang?", author="Redaktion")
    title._p.append(parse_xml(
        '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="9" w:author="X">'
        '<w:r><w:delText xml:space="preserve"> im Bremer Westen</w:delText></w:r></w:del>'))
    document.save(str(tmp_path / "titel.docx"))
    root = project_copy("mini")
    status, summary, _ = run_import(root, tmp_path / "titel.docx", "bremen")
    assert status == 0
    data = yaml.safe_load(split((root / "docs/beitraege/bremen/titel.md").read_text(encoding="utf-8"))[0] or "")
    assert data["title"] == "Blau-grüne Höfe in Gröpelingen"
    # kept for the editor like every other comment and deletion: comment lines at the start of the text
    body = split((root / "docs/beitraege/bremen/titel.md").read_text(encoding="utf-8"))[2]
    assert body.lstrip().startswith("% Kommentar von Redaktion: Titel zu lang?\n\n"
                                    "% Änderungsverfolgung – gelöschter Text (nicht übernommen): im Bremer Westen\n")
    assert "Kommentar von Redaktion: „Titel zu lang?“ – als Kommentarzeile (%) im Beitrag erhalten" in summary
    assert "gelöschter Text „im Bremer Westen“ wurde nicht übernommen (als Kommentarzeile erhalten)" in summary
    assert "Nicht vollständig übernommen" not in summary


def test_an_unexpected_failure_is_a_message_not_a_traceback(project_copy: Callable[[str], Path],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.importer as importer

    def broken(*args: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(importer.Converter, "document", broken)
    root = project_copy("mini")
    before = _files(root)
    status, _, err = run_import(root, FIXTURES / "beitrag.docx", "bremen")
    assert status == 1
    assert err.startswith("Fehler: „beitrag.docx“ konnte nicht übernommen werden (unerwarteter Fehler: IndexError")
    assert "Es wurde nichts geschrieben." in err and "Traceback" not in err
    assert _files(root) == before


# -- author line, header rows, figures without a caption -------------------------------------

BYLINE = "Von Anna Schreiner, Stadt Nürnberg, Amt für Wohnen und Stadterneuerung"


def _make_desk_docx(path: Path, pictures: Path, byline: str | None = BYLINE, author: str = "") -> None:
    """A Word file as a city sends it: title, author line, a table with Word's header-row mark, one
    with a bold first row (and no mark), an image without caption and description."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    Image.new("RGB", (60, 40), (31, 95, 168)).save(pictures / "plan.png")
    document = docx.Document()
    document.core_properties.author = author
    document.add_heading("Höfe im Quartier", level=1)
    if byline:
        document.add_paragraph(byline)
    document.add_heading("Ausgangslage", level=2)
    document.add_paragraph("Die Höfe sind versiegelt und im Sommer heiß.")

    def table(rows: list[tuple[str, str]], *, mark: bool, bold: bool) -> None:
        t = document.add_table(rows=len(rows), cols=2)
        look = t._tbl.tblPr.find(qn("w:tblLook"))  # no "first row" look: only the mark or bold make a header
        if look is None:
            look = OxmlElement("w:tblLook")
            t._tbl.tblPr.append(look)
        look.set(qn("w:firstRow"), "0")
        look.set(qn("w:val"), "0000")
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                t.cell(r, c).paragraphs[0].add_run(value).bold = bold and r == 0
        if mark:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            t.rows[0]._tr.get_or_add_trPr().append(header)
        document.add_paragraph("Dazu die Zahlen.")

    table([("Jahr", "Höfe"), ("2012", "3"), ("2013", "5")], mark=True, bold=False)
    table([("Maßnahme", "Kosten"), ("Entsiegelung", "40.000 Euro"), ("Bäume", "12.000 Euro")], mark=False, bold=True)
    document.add_paragraph().add_run().add_picture(str(pictures / "plan.png"), width=Cm(3))
    document.add_paragraph("Ein Absatz nach dem Bild.")
    document.save(str(path))


def _odt_from(docx_file: Path) -> Path:
    """The same document as LibreOffice would save it (pandoc's ODT writer)."""
    from pipeline.importer import _use_bundled_pandoc

    _use_bundled_pandoc()
    odt_file = docx_file.with_suffix(".odt")
    pypandoc.convert_file(str(docx_file), "odt", outputfile=str(odt_file))
    return odt_file


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    """The desk document imported as DOCX (→ Nürnberg) and as ODT (→ Bremen) into one mini project."""
    tmp = tmp_path_factory.mktemp("desk")
    root = copy_project("mini", tmp)
    _make_desk_docx(tmp / "hoefe.docx", tmp)
    result: dict[str, Imported] = {}
    odt_file = _odt_from(tmp / "hoefe.docx")
    for kind, file, stadt, slug in (("docx", tmp / "hoefe.docx", "nuernberg", "hoefe"),
                                    ("odt", odt_file, "bremen", "hoefe-odt")):
        status, out, err = run_import(root, file, stadt, slug)
        path = f"docs/beitraege/{stadt}/{slug}.md"
        markdown = (root / path).read_text(encoding="utf-8")
        source, _, body, _ = split(markdown)
        result[kind] = Imported(root, path, slug, status, out, err, markdown, yaml.safe_load(source or ""), body)
    return result


@pytest.mark.parametrize("kind", KINDS)
def test_author_line_becomes_authors_and_leaves_the_body(desk: dict[str, Imported], kind: str) -> None:
    doc = desk[kind]
    assert doc.status == 0, doc.errors
    assert doc.frontmatter["title"] == "Höfe im Quartier"
    assert doc.frontmatter["authors"] == [
        {"name": "Anna Schreiner", "affiliation": "Stadt Nürnberg, Amt für Wohnen und Stadterneuerung"}]
    assert "Schreiner" not in doc.body and not doc.body.lstrip().startswith("Von")
    assert "Autorinnen und Autoren: Anna Schreiner (aus der Autorenzeile am Anfang – aus dem Text entfernt)" \
        in doc.summary


@pytest.mark.parametrize(("line", "expected"), [
    ("Autorin: Anna Schreiner, Stadt Nürnberg", [("Anna Schreiner", "Stadt Nürnberg")]),
    ("Text: Anna Schreiner; Jörg Wessels, Ortsamt West", [("Anna Schreiner", ""), ("Jörg Wessels", "Ortsamt West")]),
    ("Von Anna Schreiner und Bernd Koch, Stadt Leipzig, Amt für Wohnen und Stadterneuerung",
     [("Anna Schreiner", "Stadt Leipzig, Amt für Wohnen und Stadterneuerung"),
      ("Bernd Koch", "Stadt Leipzig, Amt für Wohnen und Stadterneuerung")]),
    ("Autoren: Anna Schreiner (Stadt Nürnberg) und Bernd Koch", []),
    ("Von der Brache zum Park: ein Rückblick", []),
    ("Von Anfang an war klar, dass die Höfe gebraucht werden.", []),
])
def test_author_line_forms(line: str, expected: list[tuple[str, str]]) -> None:
    from pipeline.importer.byline import parse

    assert [(a.name, a.affiliation) for a in parse(line)] == expected


def test_author_property_when_there_is_no_author_line(project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    _make_desk_docx(tmp_path / "hoefe.docx", tmp_path, byline=None, author="Berta Koch")
    root = project_copy("mini")
    status, summary, _ = run_import(root, tmp_path / "hoefe.docx", "leipzig")
    assert status == 0
    data = yaml.safe_load(split((root / "docs/beitraege/leipzig/hoefe.md").read_text(encoding="utf-8"))[0] or "")
    assert data["authors"] == [{"name": "Berta Koch"}]
    assert "Autorinnen und Autoren: Berta Koch (aus den Dateieigenschaften – bitte prüfen)" in summary


@pytest.mark.parametrize("kind", KINDS)
def test_marked_or_bold_first_row_becomes_the_header(desk: dict[str, Imported], kind: str) -> None:
    body = desk[kind].body
    assert re.search(r"^\| Jahr +\| Höfe +\|\n\|-+\|-+\|\n\| 2012 +\| 3 +\|$", body, re.MULTILINE), body
    assert re.search(r"^\| Maßnahme +\| Kosten +\|\n\|-+\|-+\|\n\| Entsiegelung +\| 40\.000 Euro +\|$",
                     body, re.MULTILINE), body
    assert "**Maßnahme**" not in body
    assert "Tabelle 2: Die erste Zeile ist fett gesetzt und wurde als Kopfzeile übernommen" in desk[kind].summary


@pytest.mark.parametrize("kind", KINDS)
def test_figures_without_caption_or_description_are_listed(desk: dict[str, Imported], kind: str) -> None:
    summary = desk[kind].summary
    assert "Abbildung 1 hat keine Bildbeschreibung" in summary
    assert "Abbildung 1 hat keine Bildunterschrift" in summary


def _th_texts(pdf: Path) -> list[str]:
    """Text of every TH (table header cell) in a tagged PDF's structure tree."""
    import pikepdf

    found: list[str] = []
    with pikepdf.open(pdf) as doc:
        def walk(elem: pikepdf.Object, in_th: bool) -> None:
            if isinstance(elem, pikepdf.Dictionary):
                here = in_th or elem.get("/S") == "/TH"
                if elem.get("/S") == "/TH":
                    found.append("")
                kids = elem.get("/K")
                if kids is not None:
                    walk(kids, here)
            elif isinstance(elem, pikepdf.Array):
                for kid in elem:
                    walk(kid, in_th)
        walk(doc.Root.StructTreeRoot, False)
    return found


@pytest.mark.slow
def test_header_rows_reach_html_and_pdf(desk: dict[str, Imported]) -> None:
    from pipeline.html.build import build_html

    root = desk["docx"].root
    fill_todos(root / desk["docx"].path)
    assert build_html(root).status == 0
    html = (root / "build/html/beitraege/nuernberg/hoefe.html").read_text(encoding="utf-8")
    heads = [re.sub(r"<[^>]+>", "", th).strip() for th in re.findall(r"<th\b.*?</th>", html, re.DOTALL)]
    assert heads == ["Jahr", "Höfe", "Maßnahme", "Kosten"]
    assert main(["--root", str(root), "pdf", "--beitrag", desk["docx"].path]) == 0
    assert len(_th_texts(root / "build/korrektur/korrektur-hoefe.pdf")) == 4
