"""The print PDF is the screen PDF's layout in print colours (pipeline/typst/print_version.py): one layout per page.

Built: the same pages, text and ink (rendered, screen against print cut to its trim box); no screen colour of the
template left in the print PDF, links set in the text's black; the print PDF's PDF/A identification and sRGB
output intent gone, its PDF/UA kept; the screen PDF the trimmed page. Generated: content streams rewritten as the
colours they paint say (a small PDF graphics-state interpreter as the oracle).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
from hypothesis import given, settings
from hypothesis import strategies as st
from support.pdftext import page_texts
from support.pdfutil import MM, boxes, catalog, page_count, xmp

from pipeline.typst.print_version import PrintColours, _forms, _rgb_spaces, recolour, recoloured

TEMPLATE = Path(__file__).parents[1] / "pipeline/typst/templates/koopblatt"
INK = 160  # a pixel darker than this (luminance) carries ink


def _colour_ops(path: Path) -> list[tuple[str, tuple[float, ...]]]:
    """Every colour set in the PDF's page content: (operator, its numbers)."""
    found = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for item in pikepdf.parse_content_stream(page):
                op = str(getattr(item, "operator", ""))
                if op in ("scn", "SCN", "sc", "SC", "k", "K", "rg", "RG"):
                    numbers = tuple(float(o) for o in item.operands if isinstance(o, int | float | Decimal))
                    found.append((op, numbers))
    return found


def _template_rgb() -> set[tuple[int, int, int]]:
    """Every colour the template and the mini project's cities name as `rgb("#…")` / `rgb: "#…"`."""
    text = "".join(f.read_text(encoding="utf-8") for f in TEMPLATE.glob("*.typ"))
    text += (Path(__file__).parent / "fixtures/mini/docs/taxonomie.yml").read_text(encoding="utf-8") \
        if (Path(__file__).parent / "fixtures/mini/docs/taxonomie.yml").is_file() else ""
    hexes = set(re.findall(r'#([0-9a-fA-F]{6})\b', text))
    return {(int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)) for h in hexes}


def _ink(path: Path, trim: bool) -> list[Any]:
    """Each page rendered as a mask of where ink is (`trim`: cut to the TrimBox first)."""
    with pikepdf.open(path) as pdf:
        if trim:
            for page in pdf.pages:
                page.obj.MediaBox = page.obj.TrimBox
        out = io.BytesIO()
        pdf.save(out)
    doc = pdfium.PdfDocument(out.getvalue())
    masks = []
    for i in range(len(doc)):
        image = doc[i].render(scale=60 / 72).to_pil().convert("L")
        masks.append(image.point(lambda v: 255 if v < INK else 0))
    return masks


def test_print_pdf_is_the_screen_layout(built_pdf: Path) -> None:
    screen, printed = built_pdf / "koopblatt-1.pdf", built_pdf / "koopblatt-1-druck.pdf"
    assert page_count(screen) == page_count(printed)
    assert page_texts(screen) == page_texts(printed)
    from PIL import ImageChops
    for n, (a, b) in enumerate(zip(_ink(screen, trim=False), _ink(printed, trim=True), strict=True), 1):
        assert a.size == b.size, n
        differing = ImageChops.difference(a, b).histogram()[255]
        assert differing <= 0.002 * a.size[0] * a.size[1], (n, differing)


def test_no_screen_colour_of_the_template_is_left_in_print(built_pdf: Path) -> None:
    screen_ops = _colour_ops(built_pdf / "koopblatt-1.pdf")
    print_ops = _colour_ops(built_pdf / "koopblatt-1-druck.pdf")
    assert not [op for op, _ in screen_ops if op in ("k", "K")], "the screen PDF is in screen colours"
    named = _template_rgb()
    rgb_left = {tuple(round(v * 255) for v in numbers) for op, numbers in print_ops if len(numbers) == 3}
    assert not rgb_left & named, rgb_left & named
    cmyk = {numbers for op, numbers in print_ops if op in ("k", "K")}
    assert (0.0, 0.0, 0.0, 1.0) in cmyk  # the text's black
    # the screen's colours, one by one, became print colours: as many colour settings as on screen
    assert len(print_ops) == len(screen_ops)


def test_links_are_black_in_print(project_copy: Any) -> None:
    """On screen a link is set in a colour of its own, one step from the accent; in print in the text's black."""
    from pipeline.typst.build import build_pdf

    root = project_copy("mini")
    case = root / "docs/beitraege/leipzig/westen.md"
    case.write_text(case.read_text(encoding="utf-8").replace(
        "## Vorgehen", "Mehr beim [Amt für Stadterneuerung](https://www.leipzig.de/).\n\n## Vorgehen"),
        encoding="utf-8")
    assert build_pdf(root).status == 0
    screen, printed = root / "build/pdf/koopblatt-1.pdf", root / "build/pdf/koopblatt-1-druck.pdf"
    accent = (0x1F, 0x5F, 0xA8)
    used = {tuple(round(v * 255) for v in n) for op, n in _colour_ops(screen) if op == "scn" and len(n) == 3}
    link = {c for c in used if sum(abs(a - b) for a, b in zip(c, accent, strict=True)) == 1}
    assert len(link) == 1, used
    left = {tuple(round(v * 255) for v in n) for _op, n in _colour_ops(printed) if len(n) == 3}
    assert not left & link
    black = [n for op, n in _colour_ops(printed) if op == "k" and n == (0.0, 0.0, 0.0, 1.0)]
    screen_text = [n for op, n in _colour_ops(screen) if op == "scn" and tuple(round(v * 255) for v in n) in
                   ({(0x1A, 0x1A, 0x1A)} | link)]
    assert len(black) == len(screen_text)


def test_print_pdf_keeps_pdf_ua_but_is_no_pdf_a(built_pdf: Path) -> None:
    screen, printed = built_pdf / "koopblatt-1.pdf", built_pdf / "koopblatt-1-druck.pdf"
    assert "pdfaid:part" in xmp(screen) and "pdfaid" not in xmp(printed)
    assert re.search(r"pdfuaid:part[^0-9]*1", xmp(printed))
    with pikepdf.open(screen) as a, pikepdf.open(printed) as b:
        assert "/OutputIntents" in a.Root and "/OutputIntents" not in b.Root
        assert len(a.Root.StructTreeRoot.ParentTree.Nums) == len(b.Root.StructTreeRoot.ParentTree.Nums)
    assert catalog(printed)["StructTreeRoot"] and catalog(printed)["MarkInfo"]


def test_screen_pdf_is_the_trimmed_page_with_its_corner_at_the_origin(built_pdf: Path) -> None:
    """As a page without bleed: MediaBox [0 0 210 mm 297 mm]; links, destinations and the tags' layout boxes
    moved with the content (the print PDF keeps Typst's coordinates, the trimmed page in its TrimBox)."""
    screen, printed = built_pdf / "koopblatt-1.pdf", built_pdf / "koopblatt-1-druck.pdf"
    b, trim = boxes(screen), boxes(printed)["TrimBox"]
    assert b["MediaBox"][:2] == [0, 0] and "TrimBox" not in b and "BleedBox" not in b
    assert (round(b["MediaBox"][2] / MM, 1), round(b["MediaBox"][3] / MM, 1)) == (210.0, 297.0)
    dx, dy = trim[0], trim[1]

    def coordinates(path: Path) -> tuple[list[list[float]], list[list[float]], list[list[float]]]:
        with pikepdf.open(path) as pdf:
            rects = [[float(v) for v in a.Rect] for page in pdf.pages for a in page.obj.get("/Annots") or []]
            names = list(pdf.Root.Names.Dests.get("/Names") or [])[1::2]
            dests = [[float(v) for v in d[2:4]] for d in names]
            item, outline = pdf.Root.Outlines.get("/First"), []
            while item is not None:
                outline.append([float(v) for v in item.Dest[2:4]])
                item = item.get("/Next")
            return rects, dests, outline

    moved = coordinates(screen)
    for kind, (on_screen, in_print) in zip(("links", "destinations", "bookmarks"),
                                           zip(moved, coordinates(printed), strict=True), strict=True):
        assert on_screen and len(on_screen) == len(in_print), kind
        for a, p in zip(on_screen, in_print, strict=True):
            shifted = [w - (dy if i % 2 else dx) for i, w in enumerate(p)]
            assert all(abs(v - w) < 0.01 for v, w in zip(a, shifted, strict=True)), kind


# -- generated: the rewrite against an interpreter of the colour state -------------------------------------------

PALETTE = PrintColours([((0.1, 0.2, 0.3), (0.5, 0.0, 0.25, 0.75)), ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0))])
RGBS = [(0.1, 0.2, 0.3), (1.0, 1.0, 1.0), (0.4, 0.5, 0.6)]  # two in the table, one not


_SCRATCH = pikepdf.new()  # owns the streams the generated tests parse


def _parse(stream: bytes) -> list[Any]:
    return list(pikepdf.parse_content_stream(_SCRATCH.make_stream(stream)))


def _colours_painted(stream: bytes, as_printed: bool = True) -> list[tuple[str, Any]]:
    """What each painting operator paints with: (operator, (fill, stroke)), each as (space, numbers); a colour of
    the table as its print colour (`as_printed`), so that source and rewrite compare."""
    state = {"fill": ("/DeviceGray", (0.0,)), "stroke": ("/DeviceGray", (0.0,))}
    stack = []
    painted = []
    for item in _parse(stream):
        op = str(item.operator)
        nums = tuple(float(o) for o in item.operands if isinstance(o, int | float | Decimal))
        side = "stroke" if op.isupper() and op not in ("Q",) else "fill"
        if op in ("cs", "CS"):
            state[side] = (str(item.operands[0]), (0.0,))
        elif op in ("scn", "SCN"):
            state[side] = (state[side][0], nums)
        elif op in ("k", "K"):
            state[side] = ("/DeviceCMYK", nums)
        elif op in ("rg", "RG"):
            state[side] = ("/DeviceRGB", nums)
        elif op == "q":
            stack.append(dict(state))
        elif op == "Q":
            state = stack.pop()
        elif op in ("f", "S", "Tj", "TJ"):
            def seen(space: str, n: tuple[float, ...]) -> Any:
                mapped = (PALETTE.cmyk(n) if as_printed and len(n) == 3 and space in ("/c0", "/DeviceRGB")  # type: ignore[arg-type]
                          else None)
                return ("/DeviceCMYK", mapped) if mapped else (space, n)
            painted.append((op, (seen(*state["fill"]), seen(*state["stroke"]))))
    return painted


def _op(kind: str, draw: Any) -> str:
    side = draw(st.sampled_from(["fill", "stroke"]))
    rgb = " ".join(f"{v:g}" for v in draw(st.sampled_from(RGBS)))
    cs = "cs" if side == "fill" else "CS"
    return {
        "set": f"/c0 {cs} {rgb} {'scn' if side == 'fill' else 'SCN'}",
        "space": f"/c0 {cs}",
        "colour": f"{rgb} {'scn' if side == 'fill' else 'SCN'}",
        "device": f"{rgb} {'rg' if side == 'fill' else 'RG'}",
        "cmyk": f"0 0 0 1 {'k' if side == 'fill' else 'K'}",
        "q": "q", "Q": "Q", "paint": draw(st.sampled_from(["0 0 m 1 1 l f", "0 0 m 1 1 l S", *TEXT])),
    }[kind]


# Text as Typst writes it (glyph ids as strings: parentheses inside when balanced, bytes escaped) and tags with an
# alternative text: whatever looks like a colour in them is text, not an operator.
TEXT = ["BT /F1 9 Tf (0 0 0 scn) Tj ET", "BT /F1 9 Tf [(\\000\\016)-70(\\000(\\000\\023)\\000)]TJ ET",
        "BT /F1 9 Tf [(/c0 cs 0.1 0.2 0.3 scn)-70(a(0.1 0.2 0.3 rg)b)]TJ ET",
        "/Span<</MCID 0/Alt(Farbe \\) /c0 CS 1 1 1 SCN (BI))>>BDC 0 0 m 1 1 l f EMC"]


@st.composite
def streams(draw: Any) -> bytes:
    ops, depth = [], 0
    for kind in draw(st.lists(st.sampled_from(["set", "space", "colour", "device", "cmyk", "q", "Q", "paint"]),
                              min_size=3, max_size=16)):
        if (kind == "Q" and depth == 0) or (kind == "colour" and not any(o.startswith("/c0") for o in ops)):
            continue
        depth += {"q": 1, "Q": -1}.get(kind, 0)
        ops.append(_op(kind, draw))
    return ("\n".join(ops + ["Q"] * depth) + "\n").encode()


@settings(max_examples=600, deadline=None)
@given(streams())
def test_recolour_paints_every_colour_of_the_table_in_print_and_every_other_as_it_was(stream: bytes) -> None:
    source = _parse(stream)
    rewritten = pikepdf.unparse_content_stream(list(recolour(source, PALETTE, {"/c0"})))
    assert _colours_painted(rewritten) == _colours_painted(stream)
    assert b"(0 0 0 scn) Tj" in rewritten or b"Tj" not in stream  # text is not taken for an operator
    for _op, colours in _colours_painted(rewritten, as_printed=False):  # nothing is painted in a table colour
        assert not [n for space, n in colours if space in ("/c0", "/DeviceRGB") and len(n) == 3
                    and PALETTE.cmyk(n) is not None]


def _operators(stream: bytes) -> list[tuple[str, list[str]]]:
    return [(str(i.operator), [repr(o) for o in i.operands]) for i in _parse(stream)]


@settings(max_examples=600, deadline=None)
@given(streams())
def test_recoloured_bytes_are_what_recolour_writes_or_left_to_it(stream: bytes) -> None:
    """The rewrite without parsing: operator for operator what `recolour` writes, and it declines (None) only for a
    stream that sets a space or a colour on its own (never for Typst's way: each colour with its space)."""
    fast = recoloured(stream, PALETTE, {"/c0", "/DeviceRGB"})
    units = re.sub(rb"/c0 cs\n?[0-9. ]+ scn|/c0 CS\n?[0-9. ]+ SCN", b"", stream)  # each colour with its space
    units_only = not re.search(rb"(?m)^(?:/c0 (?:cs|CS)|[0-9. ]+ (?:scn|SCN|rg|RG))$", units)
    assert (fast is not None) == units_only
    if fast is not None:
        slow = pikepdf.unparse_content_stream(list(recolour(_parse(stream), PALETTE, {"/c0"})))
        assert _operators(fast) == _operators(slow)
        assert _colours_painted(fast) == _colours_painted(stream)


def test_typst_sets_every_colour_with_its_space(built_constructs: tuple[Path, str]) -> None:
    """The streams of a real issue (pages and the forms they draw) are rewritten without parsing, to what `recolour`
    writes: Typst's way of setting colours is what `recoloured` relies on (a Typst that changed it is seen here,
    not as a slower build)."""
    colours = PrintColours([((r / 255, g / 255, b / 255), (0.0, 0.0, 0.0, 1.0)) for r, g, b in _template_rgb()])
    with pikepdf.open(built_constructs[0] / "build/pdf/koopblatt-1.pdf") as doc:
        streams, seen = [], set()
        for page in doc.pages:
            page.contents_coalesce()
            resources = page.obj.get("/Resources") or pikepdf.Dictionary()
            streams += [(page.obj.Contents, resources)]
            streams += [(form, form.get("/Resources") or resources) for form in _forms(resources, seen)]
        rewritten = 0
        for stream, resources in streams:
            spaces = _rgb_spaces(resources)
            fast = recoloured(stream.read_bytes(), colours, spaces | {"/DeviceRGB"})
            assert fast is not None
            slow = pikepdf.unparse_content_stream(list(recolour(pikepdf.parse_content_stream(stream), colours, spaces)))
            assert _operators(fast) == _operators(slow)
            rewritten += fast != stream.read_bytes()
        assert rewritten >= len(doc.pages) // 2  # the template's colours are on most pages


def test_a_long_table_with_a_link_and_a_footnote_in_its_header_is_set(project_copy: Any) -> None:
    """Typst repeats a header row after each page break as an artifact, which may hold no link in a PDF/UA
    document: a header with a link or a footnote mark is set once (its table running over pages), with both."""
    from pipeline.typst.build import build_pdf

    root = project_copy("mini")
    case = root / "docs/beitraege/leipzig/westen.md"
    rows = "\n".join(f"| {1990 + i} | {i * 7} Häuser |" for i in range(120))
    table = (f"| Jahr[^quelle] | [Bestand](https://www.leipzig.de/) |\n|---|---|\n{rows}\n\n"
             "[^quelle]: Amt für Statistik und Wahlen, Leipzig.\n")
    case.write_text(case.read_text(encoding="utf-8").replace("## Vorgehen", table + "\n## Vorgehen"),
                    encoding="utf-8")
    assert build_pdf(root).status == 0
    screen = root / "build/pdf/koopblatt-1.pdf"
    text = " ".join(t for page in page_texts(screen) for t in page)
    assert text.count("Amt für Statistik und Wahlen, Leipzig.") == 1 and "2109" in text and "833 Häuser" in text
    with pikepdf.open(screen) as doc:
        uris = [str(a.A.URI) for page in doc.pages for a in page.obj.get("/Annots") or []
                if "/A" in a and "/URI" in a.A]
        assert "https://www.leipzig.de/" in uris
