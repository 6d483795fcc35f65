"""`nox -s import` tells the truth: every comment, footnote, image, table and heading of a Word or LibreOffice
file reaches the contribution — comments anchored at a point as well as ranged ones — and the summary says
„Alles wurde vollständig übernommen.“ only when the counts in the file's XML and in the written MyST agree;
its headings name what follows them. The documents are generated (tests/officedocs.py) over a matrix of
contents, as Word (python-docx) and as LibreOffice Writer (odfpy) store them.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import officedocs
from support.importing import run_import
from support.officedocs import (
    ALIGNS,
    ANCHORS,
    Block,
    Comment,
    Footnote,
    Heading,
    Para,
    Picture,
    Table,
    Title,
    docx_file,
    expected,
    odt_file,
)
from support.projects import copy_project

from pipeline.frontmatter import split

WRITERS: dict[str, Callable[[list[Block], Path], Path]] = {"docx": docx_file, "odt": odt_file}
KINDS = list(WRITERS)
COLOURS = [(200, 40, 40), (40, 160, 60), (40, 80, 200), (220, 180, 30)]
EXAMPLES = max(6, int(os.environ.get("KOOP_FUZZ_EXAMPLES", "6")) // 500)  # generated documents per kind


def imported(root: Path, tmp: Path, kind: str, blocks: list[Block], slug: str) -> tuple[str, str]:
    """Import `blocks` written as a `kind` file; (summary, contribution body)."""
    folder = tmp / slug
    folder.mkdir()
    file = WRITERS[kind](blocks, folder / f"{slug}.{kind}")
    status, out, err = run_import(root, file, "leipzig", slug)
    assert status == 0, err
    return out, split((root / f"docs/beitraege/leipzig/{slug}.md").read_text(encoding="utf-8"))[2]


# -- the summary's headings ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_summary_headings_name_what_follows(project_copy: Callable[[str], Path], tmp_path: Path, kind: str) -> None:
    """A Fehler (a character no font has) and a Hinweis (a picture too small for print), each present or not: the
    heading over the list says „Fehler“, „Hinweise“ or „Fehler und Hinweise“, and is absent when there is nothing."""
    root = project_copy("mini")
    heads = {(True, False): "Fehler im übernommenen Beitrag:", (False, True): "Hinweise zum übernommenen Beitrag:",
             (True, True): "Fehler und Hinweise im übernommenen Beitrag:"}
    for error, hint in itertools.product((False, True), repeat=2):
        blocks: list[Block] = [Heading(1, f"Fall {int(error)}{int(hint)}"), Heading(2, "Abschnitt"),
                               Para("Text mit தமிழ் Zeichen." if error else "Gewöhnlicher Text.")]
        if hint:
            blocks.append(Picture(COLOURS[0], "Ein kleines Bild"))
        summary, _ = imported(root, tmp_path, kind, blocks, f"fall-{kind}-{int(error)}{int(hint)}")
        listed = summary.split("Noch offen", 1)[-1]
        assert ("Fehler [koop." in listed, "Hinweis [koop." in listed) == (error, hint)
        shown = [h for h in heads.values() if h in summary]
        assert shown == ([heads[error, hint]] if error or hint else []), summary


# -- the matrix: every comment kept, the counts of the file and of the contribution agree ----------------------------

PLACES = ("absatz", "ueberschrift", "tabelle", "fussnote", "link", "titel")  # where a document's comments stand
SIZES = 6  # documents per kind: each place once; footnotes 0–3, pictures 0–3 and tables 0–2 each at least once


def document(i: int) -> list[Block]:
    """Document `i` of the matrix: a title heading and sections at levels 2 and 3, one comment of every anchor
    form (range, point, empty range) at one place, and a number of footnotes, pictures and tables."""
    place = PLACES[i % len(PLACES)]
    notes = tuple(Comment(f"{anchor}-{place}-{i}", anchor) for anchor in ANCHORS)

    def at(where: str) -> tuple[Comment, ...]:
        return notes if where == place else ()

    footnotes = max(i % 4, int(place == "fussnote"))
    blocks: list[Block] = [Heading(1, f"Dokument {i}", at("titel")), Heading(2, "Ausgangslage", at("ueberschrift")),
                           Para(f"Der erste Absatz von Dokument {i}.", at("absatz"))]
    for n in range(footnotes):
        blocks.append(Para(f"Absatz mit Fußnote {n + 1}.", footnote=Footnote(
            f"Fußnote {n + 1} von Dokument {i}.", at("fussnote") if n == 0 else ())))
    blocks.append(Para("Die Projektseite", at("link"), link="https://www.koopstadt.de/"))
    if i % 2:
        blocks.append(Heading(3, "Beteiligte"))
    for n in range(max(i % 3, int(place == "tabelle"))):
        aligns = tuple(ALIGNS[(n + k) % 3] for k in range(3))
        blocks.append(Table((("Jahr", "Höfe", "Fläche"), ("2012", "3", "1.200 m²"), ("2013", "5", "2.000 m²")),
                            aligns, at("tabelle") if n == 0 else (), merged=n == 1))
    blocks.append(Heading(2, "Bilder"))
    blocks += [Picture(COLOURS[n], f"Bild {n + 1}" if n % 2 == 0 else "") for n in range((i * 3 + 1) % 4)]
    return blocks


def counted(body: str, title: bool) -> dict[str, int]:
    """The contribution's comments, footnotes, figures, tables and headings, read off the MyST text."""
    return {"comment": len(re.findall(r"^% Kommentar von ", body, re.MULTILINE)),
            "footnote": len(re.findall(r"^\[\^[^\]]+\]:", body, re.MULTILINE)),
            "image": body.count(":::{figure}"),
            "table": len(re.findall(r"^ *\|[-:| ]+\|$", body, re.MULTILINE)) + body.count(":::{list-table}"),
            "heading": len(re.findall(r"^#{2,6} ", body, re.MULTILINE)) + int(title)}


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], tuple[list[Block], Path, str, str]]:
    """Every document of the matrix imported as DOCX and as ODT: (blocks, file, summary, body)."""
    tmp = tmp_path_factory.mktemp("matrix")
    root = copy_project("mini", tmp)
    out = {}
    for kind, i in itertools.product(KINDS, range(SIZES)):
        blocks = document(i)
        summary, body = imported(root, tmp, kind, blocks, f"matrix-{kind}-{i}")
        out[kind, i] = (blocks, tmp / f"matrix-{kind}-{i}" / f"matrix-{kind}-{i}.{kind}", summary, body)
    return out


def test_the_matrix_covers_every_place_and_count() -> None:
    docs = [expected(document(i)).counts() for i in range(SIZES)]
    assert {d["footnote"] for d in docs} == {0, 1, 2, 3} and {d["image"] for d in docs} == {0, 1, 2, 3}
    assert {d["table"] for d in docs} >= {0, 1, 2} and {d["heading"] for d in docs} == {3, 4}
    assert {d["comment"] for d in docs} == {len(ANCHORS)}


@pytest.mark.parametrize("i", range(SIZES))
@pytest.mark.parametrize("kind", KINDS)
def test_every_comment_is_kept_and_the_counts_agree(matrix: dict[tuple[str, int], tuple[list[Block], Path, str, str]],
                                                   kind: str, i: int) -> None:
    blocks, _, summary, body = matrix[kind, i]
    want = expected(blocks)
    for text in want.comments:  # ranged, at a point or on an empty range: each one a comment line, once
        assert body.count(f"\n% Kommentar von Redaktion: {text}\n") == 1, (text, body)
        assert f"Kommentar von Redaktion: „{text}“" in summary
    assert counted(body, title=True) == want.counts(), body
    assert "Nicht vollständig übernommen" not in summary, summary


@pytest.mark.parametrize("i", range(SIZES))
@pytest.mark.parametrize("kind", KINDS)
def test_the_file_is_counted_from_its_xml(matrix: dict[tuple[str, int], tuple[list[Block], Path, str, str]],
                                          kind: str, i: int) -> None:
    """What the importer counts in the container's XML is what the document was made with."""
    from pipeline.importer.container import open_source

    blocks, file, _, _ = matrix[kind, i]
    assert open_source(file).inventory == expected(blocks).counts()


@pytest.mark.parametrize("kind", KINDS)
def test_comments_on_the_title_paragraph_are_kept(project_copy: Callable[[str], Path], tmp_path: Path,
                                                  kind: str) -> None:
    """A title in the „Title“ paragraph style goes to the front matter; its comments (every anchor form) stay
    comments, and their text does not run into the title."""
    blocks: list[Block] = [Title("Höfe im Westen", tuple(Comment(f"Titel-{a}", a) for a in ANCHORS)),
                           Heading(2, "Ausgangslage"), Para("Text.")]
    root = project_copy("mini")
    summary, body = imported(root, tmp_path, kind, blocks, f"titel-{kind}")
    front = split((root / f"docs/beitraege/leipzig/titel-{kind}.md").read_text(encoding="utf-8"))[0] or ""
    assert re.search(r"^title: Höfe im Westen$", front, re.MULTILINE), front
    for a in ANCHORS:
        assert body.count(f"% Kommentar von Redaktion: Titel-{a}\n") == 1, body
    assert "Nicht vollständig übernommen" not in summary


CLEAN: list[Block] = [
    Heading(1, "Saubere Übernahme"), Heading(2, "Ausgangslage"), Para("Ein Absatz.", footnote=Footnote("Eine Notiz.")),
    Heading(3, "Zahlen"), Table((("Jahr", "Höfe"), ("2012", "3"), ("2013", "5")), ("left", "right")),
    Heading(2, "Ergebnisse"), Para("Noch ein Absatz.")]


@pytest.mark.parametrize("kind", KINDS)
def test_all_taken_over_is_said_when_it_is_true(project_copy: Callable[[str], Path], tmp_path: Path,
                                                kind: str) -> None:
    summary, _ = imported(project_copy("mini"), tmp_path, kind, CLEAN, f"sauber-{kind}")
    assert "Alles wurde vollständig übernommen." in summary, summary


# (what the conversion drops, the inventory kind, its German line): each loss named, „vollständig“ never said
LOSSES = [
    ("comment", "Kommentare: {} im Dokument, 0 im Beitrag."),
    ("footnote", "Fußnoten: {} im Dokument, 0 im Beitrag."),
    ("image", "Bilder: {} im Dokument, 0 im Beitrag."),
    ("table", "Tabellen: {} im Dokument, 0 im Beitrag."),
    ("heading", "Überschriften: {} im Dokument, 1 im Beitrag."),  # the title is one
]


def _lose(monkeypatch: pytest.MonkeyPatch, what: str) -> None:
    """Make the conversion drop every element of one kind, as a bug in it or in pandoc would."""
    from pipeline.importer import convert
    from pipeline.importer.ast import kind as node_kind

    converter = convert.Converter
    if what == "comment":
        monkeypatch.setattr(converter, "comment", lambda self, author, text: None)
    elif what == "footnote":
        inline = converter.inline
        monkeypatch.setattr(converter, "inline",
                            lambda self, x: [] if node_kind(x) == "Note" else inline(self, x))
    elif what == "image":
        monkeypatch.setattr(converter, "render", lambda self, f: [])
    elif what == "table":
        monkeypatch.setattr(converter, "table", lambda self, tab: [])
    else:
        monkeypatch.setattr(converter, "header", lambda self, h: [])


@pytest.mark.parametrize(("what", "line"), LOSSES, ids=[w for w, _ in LOSSES])
@pytest.mark.parametrize("kind", KINDS)
def test_each_loss_is_named(project_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            kind: str, what: str, line: str) -> None:
    blocks: list[Block] = [  # each kind apart from the others: losing one loses no other
        Heading(1, "Verluste"), Heading(2, "Abschnitt"),
        Para("Kommentiert.", tuple(Comment(f"Kommentar {a}", a) for a in ANCHORS)),
        *(Para(f"Absatz {n}.", footnote=Footnote(f"Fußnote {n}.")) for n in range(1, 3)),
        *(Table((("A", "B"), ("1", "2"), ("3", "4")), (ALIGNS[n], "left")) for n in range(3)),
        Heading(3, "Bilder"), *(Picture(c, "Bild") for c in COLOURS[:2])]
    _lose(monkeypatch, what)
    summary, _ = imported(project_copy("mini"), tmp_path, kind, blocks, f"verlust-{kind}")
    assert "Nicht vollständig übernommen – bitte mit dem Original vergleichen:" in summary
    differing = re.findall(r"^  - (\w+: \d+ im Dokument, \d+ im Beitrag\.)$", summary, re.MULTILINE)
    assert differing == [line.format(expected(blocks).counts()[what])], summary
    assert "Alles wurde vollständig übernommen." not in summary


def test_word_headings_by_outline_level_are_kept(project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    """Word shows a paragraph with an outline level (of its house style or its own) in the navigation like a
    heading; pandoc knows only the „heading n“ styles and made such paragraphs text. They are headings now, at
    their level; one set to body text (level 9) stays text, and the counts agree."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    def level(n: int) -> object:
        return parse_xml(f'<w:outlineLvl xmlns:w="{officedocs.W_NS}" w:val="{n}"/>')

    document_ = docx.Document()
    style = document_.styles.add_style("Kapitelkopf", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(level(1))
    document_.add_heading("Ein Titel", level=1)
    document_.add_paragraph("Ein Kapitel", style="Kapitelkopf")
    document_.add_paragraph("Text.")
    document_.add_paragraph("Ein Unterkapitel")._p.get_or_add_pPr().append(level(2))
    document_.add_paragraph("Noch Text.")
    document_.add_paragraph("Kein Kapitel", style="Kapitelkopf")._p.get_or_add_pPr().append(level(9))
    document_.save(str(tmp_path / "gliederung.docx"))
    root = project_copy("mini")
    status, summary, _ = run_import(root, tmp_path / "gliederung.docx", "leipzig")
    assert status == 0
    body = split((root / "docs/beitraege/leipzig/gliederung.md").read_text(encoding="utf-8"))[2]
    assert re.findall(r"^#+ .*$", body, re.MULTILINE) == ["## Ein Kapitel", "### Ein Unterkapitel"]
    assert "\nKein Kapitel\n" in body
    assert "Alles wurde vollständig übernommen." in summary, summary


# -- column alignment ------------------------------------------------------------------------------------------------

SEPARATOR = re.compile(r"^\|([-:| ]+)\|$|^:::\{list-table\}", re.MULTILINE)


def _aligns(separator: str) -> tuple[str, ...]:
    def one(cell: str) -> str:
        cell = cell.strip()
        return "center" if cell.startswith(":") and cell.endswith(":") else "right" if cell.endswith(":") else "left"

    return tuple(one(c) for c in separator.split("|"))


@pytest.mark.parametrize("i", range(SIZES))
@pytest.mark.parametrize("kind", KINDS)
def test_column_alignment_survives(matrix: dict[tuple[str, int], tuple[list[Block], Path, str, str]],
                                   kind: str, i: int) -> None:
    """Centred and right-aligned columns (Word: the cells' paragraphs; LibreOffice: their paragraph styles) keep their
    alignment in a pipe table (`:---:`, `---:`); a list-table cannot say it, and the summary names what is lost."""
    blocks, _, summary, body = matrix[kind, i]
    tables = [b for b in blocks if isinstance(b, Table)]
    found = list(SEPARATOR.finditer(body))
    assert len(found) == len(tables)
    for number, (table, m) in enumerate(zip(tables, found, strict=True), 1):
        columns = tuple(table.align(c) for c in range(len(table.rows[0])))
        if m.group(1) is not None:
            assert not table.merged and _aligns(m.group(1)) == columns, (m.group(0), columns)
        else:
            assert table.merged
            names = {"center": "zentriert", "right": "rechtsbündig"}
            lost = ", ".join(f"Spalte {c + 1} {names[a]}" for c, a in enumerate(columns) if a in names)
            assert (f"Tabelle {number}: Eine list-table kennt keine Ausrichtung der Spalten; nicht übernommen: "
                    f"{lost} – bitte prüfen.") in summary, summary


def test_column_alignment_reaches_the_proof_docx(project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    """Imported from Word and from LibreOffice, the table's centred and right-aligned columns are so in the Word file
    made for the city's comments (`nox -s proof`): every cell's paragraph, header row included."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH as JC
    from support.projects import fill_todos

    from pipeline.cli import main

    root = project_copy("mini")
    want = {"left": (None, JC.LEFT), "center": (JC.CENTER,), "right": (JC.RIGHT,)}
    for kind in KINDS:
        columns = ("left", "center", "right") if kind == "docx" else ("right", "left", "center")
        blocks: list[Block] = [Heading(1, f"Ausrichtung aus {kind.upper()}"), Heading(2, "Zahlen"), Para("Die Zahlen."),
                               Table((("Jahr", "Höfe", "Fläche"), ("2012", "3", "1.200 m²"), ("2013", "5", "2.000 m²")),
                                     columns)]
        slug = f"ausrichtung-{kind}"
        imported(root, tmp_path, kind, blocks, slug)
        path = f"docs/beitraege/leipzig/{slug}.md"
        fill_todos(root / path)
        assert main(["--root", str(root), "proof", path]) == 0
        table = docx.Document(str(root / f"build/korrektur/korrektur-{slug}.docx")).tables[0]
        assert [c.text for c in table.rows[0].cells] == ["Jahr", "Höfe", "Fläche"]
        for row in table.rows:
            got = [cell.paragraphs[0].alignment for cell in row.cells]
            assert all(g in want[c] for g, c in zip(got, columns, strict=True)), (kind, got, columns)


# -- any document: a generated space beyond the matrix ---------------------------------------------------------------

_words = st.sampled_from(["Höfe", "Quartier", "Brache", "Beteiligung", "Zwischennutzung", "Gröpelingen"])
_comments = st.lists(st.sampled_from(ANCHORS), max_size=2)
_footnote = st.builds(Footnote, _words, st.builds(tuple, _comments))


@st.composite
def _documents(draw: st.DrawFn) -> list[Block]:
    serial = iter(range(1000))

    def notes(anchors: list[str]) -> tuple[Comment, ...]:
        return tuple(Comment(f"k{next(serial)}-{a}", a) for a in anchors)

    blocks: list[Block] = [Heading(1, "Ein Titel", notes(draw(_comments)))] if draw(st.booleans()) else []
    blocks.append(Heading(2, draw(_words), notes(draw(_comments))))
    for _ in range(draw(st.integers(1, 5))):
        choice = draw(st.sampled_from(["para", "heading", "table", "picture"]))
        if choice == "para":
            note = draw(st.none() | _footnote)
            if note is not None:
                note = Footnote(note.text, notes(list(note.comments)))  # drawn as anchor names
            blocks.append(Para(f"{draw(_words)} im Text.", notes(draw(_comments)), note,
                               "https://www.koopstadt.de/" if draw(st.booleans()) else ""))
        elif choice == "heading":
            blocks.append(Heading(draw(st.integers(2, 3)), draw(_words), notes(draw(_comments))))
        elif choice == "table":
            columns = draw(st.integers(2, 3))
            rows = tuple(tuple(f"{draw(_words)} {r}{c}" for c in range(columns)) for r in range(3))
            blocks.append(Table(rows, tuple(draw(st.sampled_from(ALIGNS)) for _ in range(columns)),
                                notes(draw(_comments)), draw(st.none() | st.builds(Footnote, _words)),
                                draw(st.booleans())))
        else:
            blocks.append(Picture(draw(st.sampled_from(COLOURS)), draw(st.sampled_from(["", "Ein Bild"]))))
    return blocks


@pytest.mark.parametrize("kind", KINDS)
def test_any_document_keeps_its_comments_and_counts(tmp_path_factory: pytest.TempPathFactory, kind: str) -> None:
    root = copy_project("mini", tmp_path_factory.mktemp("beliebig"))
    serial = iter(range(10_000))

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(_documents())
    def check(blocks: list[Block]) -> None:
        n = next(serial)
        summary, body = imported(root, tmp_path_factory.mktemp(f"d{n}"), kind, blocks, f"beliebig-{kind}-{n}")
        want = expected(blocks)
        for text in want.comments:
            assert body.count(f"\n% Kommentar von Redaktion: {text}\n") == 1, (text, body)
        levels = [b.level for b in blocks if isinstance(b, Heading)]
        first = blocks[0]  # a lone heading of the highest level at the start is the title (the front matter's)
        title = isinstance(first, Heading) and levels.count(first.level) == 1 and first.level == min(levels)
        assert counted(body, title) == want.counts(), body
        assert "Nicht vollständig übernommen" not in summary, summary

    check()
