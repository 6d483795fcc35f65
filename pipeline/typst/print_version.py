"""One layout, two PDFs: an issue's screen PDF and its print PDF are made of the same compiled document.

The template sets every page once, with its bleed, in screen colours (rgb), and places the table of the print colour
(cmyk) of every colour it sets (`<koop-druckfarben>`, templates/koopblatt/style.typ `_palette`). From that one PDF:

- the screen PDF (`screen`) is the document cut to its trimmed pages, their corner at the origin as on a page
  without bleed: tagged PDF/A-2a and PDF/UA-1 as Typst wrote it;
- the print PDF (`printed`) is the document with every colour of the table replaced by its print colour in every
  content stream (pages and the forms they draw), its BleedBox set (and crop marks on request). It is no PDF/A-2a
  (cmyk without a cmyk output intent): the PDF/A identification and the sRGB output intent go; PDF/UA stays, for
  the tags are Typst's own: only colour operators change. Colours not in the table (a photo, an author's drawing)
  stay as they are, as they were when the print PDF was compiled on its own.

Typst sets a colour as `/cN cs r g b scn` (fill) or `/cN CS r g b SCN` (stroke) in its ICC-based sRGB; the print
colour is written as `c m y k k` (`K`), which is what Typst writes for a cmyk colour. Where every colour of a stream
is set so, together with its space, the colours are replaced in its bytes (`recoloured`); otherwise the stream is
parsed and written again operator by operator (`recolour`), with the same outcome.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import pikepdf
import typst

from . import xmp
from .measures import BLEED_MM

MM = 72 / 25.4
CROP_MARGIN_MM = 10.0  # extra media around the bleed for crop marks
CROP_OFFSET_MM = 2.0  # gap between bleed edge and mark
LABEL = "<koop-druckfarben>"
TOLERANCE = 1e-5  # Typst writes a component as the shortest decimal of its 32-bit float
RGB = tuple[float, float, float]
CMYK = tuple[float, float, float, float]
Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
_SPACE = {"cs": 0, "CS": 1}  # sets the colour space of the fill (0) or the stroke (1)
_IN_SPACE = {"scn": 0, "sc": 0, "SCN": 1, "SC": 1}  # a colour in that space
_DEVICE = {"rg": (0, "/DeviceRGB"), "RG": (1, "/DeviceRGB"), "k": (0, "/DeviceCMYK"), "K": (1, "/DeviceCMYK"),
           "g": (0, "/DeviceGray"), "G": (1, "/DeviceGray")}  # a colour and its device space
_CMYK_OP = ("k", "K")


@dataclass
class PrintColours:
    """The template's table: screen colour → print colour."""

    pairs: list[tuple[RGB, CMYK]] = field(default_factory=list)
    _seen: dict[RGB, CMYK | None] = field(default_factory=dict)

    @classmethod
    def of(cls, compiler: typst.Compiler) -> PrintColours:
        """The table of the document `compiler` compiled last (none: nothing is mapped)."""
        found = json.loads(compiler.query(LABEL, field="value", format="json") or "[]")
        pairs: list[tuple[RGB, CMYK]] = []
        for table in found[:1]:
            for entry in table:
                rgb, cmyk = entry["rgb"], entry["cmyk"]
                pairs.append(((float(rgb[0]), float(rgb[1]), float(rgb[2])),
                              (float(cmyk[0]), float(cmyk[1]), float(cmyk[2]), float(cmyk[3]))))
        return cls(pairs)

    def cmyk(self, rgb: RGB) -> CMYK | None:
        if rgb not in self._seen:
            self._seen[rgb] = next((k for r, k in self.pairs
                                    if all(abs(a - b) <= TOLERANCE for a, b in zip(r, rgb, strict=True))), None)
        return self._seen[rgb]


def _rgb(operands: list[object]) -> RGB | None:
    """Three numbers, else None."""
    if len(operands) != 3 or not all(isinstance(o, int | float | Decimal) for o in operands):
        return None
    r, g, b = (float(o) for o in operands)  # type: ignore[arg-type]
    return r, g, b


def _components(values: Iterable[float]) -> list[pikepdf.Object]:
    return [pikepdf.Object.parse(f"{v:.9g}".encode()) for v in values]


def recolour(instructions: Iterable[Instruction], colours: PrintColours,
             rgb_spaces: Collection[str] = ()) -> Iterator[Instruction]:
    """The content stream with every colour of the table in its print colour (`k`, `K`): a colour set with `rg`
    (`RG`), or with `scn` (`SCN`) in one of the `rgb_spaces` (the names its resources give the spaces of three
    components: Typst's sRGB). The colour spaces the stream sets (`cs`, `CS`) are written where a colour left as
    it is, or drawing without a colour of its own, needs them: per side (fill, stroke) `source` is the space the
    stream as written is in, `out` the space the rewritten one is in, `pending` a space set without a colour yet;
    all three saved and restored with the graphics state (`q`, `Q`), as the colour is."""
    rgb_spaces = {*rgb_spaces, "/DeviceRGB"}
    source: list[object] = [None, None]
    out: list[object] = [None, None]
    pending = [False, False]
    stack: list[tuple[list[object], list[object], list[bool]]] = []

    def space(side: int) -> pikepdf.ContentStreamInstruction:
        out[side], pending[side] = source[side], False
        return pikepdf.ContentStreamInstruction([pikepdf.Name(str(source[side]))], pikepdf.Operator(("cs", "CS")[side]))

    for item in instructions:
        op = str(item.operator) if isinstance(item, pikepdf.ContentStreamInstruction) else ""
        if op in _SPACE:
            source[_SPACE[op]], pending[_SPACE[op]] = item.operands[0], True
            continue
        if op in _IN_SPACE or op in _DEVICE:
            side = _IN_SPACE[op] if op in _IN_SPACE else _DEVICE[op][0]
            if op in _DEVICE:
                source[side] = _DEVICE[op][1]
            rgb = (_rgb(list(item.operands)) if op in ("rg", "RG")
                   or (op in _IN_SPACE and str(source[side]) in rgb_spaces) else None)
            mapped = colours.cmyk(rgb) if rgb is not None else None
            if mapped is not None:
                out[side], pending[side] = "/DeviceCMYK", False
                yield pikepdf.ContentStreamInstruction(_components(mapped), pikepdf.Operator(_CMYK_OP[side]))
                continue
            if op in _IN_SPACE and (pending[side] or out[side] != source[side]):
                yield space(side)
            out[side], pending[side] = source[side], False
            yield item
            continue
        for side in (0, 1):  # drawing (or an inline image mask) in a space set without a colour: its first colour
            if pending[side]:
                yield space(side)
        if op == "q":
            stack.append((list(source), list(out), list(pending)))
        yield item
        if op == "Q" and stack:
            source, out, pending = (list(x) for x in stack.pop())  # type: ignore[assignment]


def _forms(resources: pikepdf.Object, seen: set[tuple[int, int]]) -> Iterator[pikepdf.Object]:
    """The form XObjects (and tiling patterns) a resource dictionary draws, nested ones too, each once."""
    for group in ("/XObject", "/Pattern"):
        for obj in (resources.get(group) or {}).values():
            if not isinstance(obj, pikepdf.Stream) or obj.objgen in seen:
                continue
            if obj.get("/Subtype") == "/Form" or obj.get("/PatternType") == 1:
                seen.add(obj.objgen)
                yield obj
                if "/Resources" in obj:
                    yield from _forms(obj.Resources, seen)


def _rgb_spaces(resources: pikepdf.Object) -> set[str]:
    """The names a resource dictionary gives colour spaces of three components (ICC-based sRGB, calibrated RGB)."""
    found = set()
    for name, space in (resources.get("/ColorSpace") or {}).items():
        icc = isinstance(space, pikepdf.Array) and len(space) == 2 and space[0] == "/ICCBased"
        if (icc and int(space[1].get("/N", 0)) == 3) or space == "/DeviceRGB" or (
                isinstance(space, pikepdf.Array) and len(space) == 2 and space[0] == "/CalRGB"):
            found.add(str(name))
    return found


# What a content stream says, as far as `recoloured` needs it: a colour set with its space (`/c0 cs r g b scn`,
# Typst's way), any other colour or space operator (or an inline image), and what to pass over whole (an array of
# strings, as in `TJ`, and a string); `nested`: a string with parentheses inside, found by `_string_end`.
_END = rb"(?=[\s\[\]()<>{}/%]|$)"
_SCAN = re.compile(
    rb"(?P<set>/(?P<space>[^\s\[\]()<>{}/%]+)\s+(?P<cs>cs|CS)\s+(?P<values>(?:[-+.0-9]+\s+){1,4})(?P<scn>scn|SCN)"
    + _END + rb")"
    rb"|(?P<other>(?<![^\s\])>])(?:cs|CS|scn|SCN|sc|SC|rg|RG|BI)" + _END + rb")"
    rb"|\[(?:[^\]()]|\((?:[^\\()]|\\.)*\))*\]"
    rb"|\((?:[^\\()]|\\.)*\)"
    rb"|(?P<nested>\()", re.S)


def _string_end(data: bytes, start: int) -> int | None:
    """Where the string opening at `start` ends (balanced parentheses, backslash escapes); None if it does not."""
    depth = 0
    i = start
    while i < len(data):
        c = data[i]
        if c == 0x5C:  # a backslash: the next byte is escaped
            i += 2
            continue
        depth += (c == 0x28) - (c == 0x29)
        if depth == 0:
            return i + 1
        i += 1
    return None


def recoloured(data: bytes, colours: PrintColours, rgb_spaces: Collection[str]) -> bytes | None:
    """`recolour` on the bytes of a content stream as Typst writes it, without parsing every operator: when each
    colour is set together with its space (`/c0 cs r g b scn`, `/c1 CS g SCN`), each is a unit of its own, and a
    colour of the table in one of the `rgb_spaces` becomes its print colour (`c m y k k`) where it stands; the rest
    of the stream stays byte for byte. What `recolour` writes is the same, operator for operator (tested). None if
    the stream sets a space or a colour otherwise, or draws an inline image: then only `recolour` knows (a fifth
    of the time: the print PDF of an issue is on the way of every build that sets it)."""
    out: list[bytes] = []
    last = pos = 0
    while (m := _SCAN.search(data, pos)) is not None:
        if m.lastgroup == "nested":
            end = _string_end(data, m.start())
            if end is None:
                return None
            pos = end
            continue
        if m.lastgroup == "other" or (m.lastgroup == "set" and (m.group("cs") == b"cs") != (m.group("scn") == b"scn")):
            return None
        pos = m.end()
        values = m.group("values").split() if m.lastgroup == "set" else []
        if len(values) != 3 or "/" + m.group("space").decode("latin-1") not in rgb_spaces:
            continue
        try:
            mapped = colours.cmyk((float(values[0]), float(values[1]), float(values[2])))
        except ValueError:
            return None
        if mapped is not None:
            operator = b" k" if m.group("cs") == b"cs" else b" K"
            out += [data[last:m.start()], b" " + b" ".join(f"{v:.9g}".encode() for v in mapped) + operator]
            last = m.end()
    return b"".join([*out, data[last:]])


def recolour_stream(stream: pikepdf.Object, colours: PrintColours, rgb_spaces: Collection[str]) -> None:
    """The content stream in print colours (`recoloured`, else `recolour`)."""
    spaces = {*rgb_spaces, "/DeviceRGB"}
    data = recoloured(stream.read_bytes(), colours, spaces)
    if data is None:
        data = pikepdf.unparse_content_stream(list(recolour(pikepdf.parse_content_stream(stream), colours, spaces)))
    stream.write(data)


def _print_colours(doc: pikepdf.Pdf, colours: PrintColours) -> None:
    seen: set[tuple[int, int]] = set()
    for page in doc.pages:
        page.contents_coalesce()
        resources = page.obj.get("/Resources") or pikepdf.Dictionary()
        streams: list[tuple[pikepdf.Object, pikepdf.Object]] = [(page.obj.Contents, resources)]
        streams += [(form, form.get("/Resources") or resources) for form in _forms(resources, seen)]
        for stream, own in streams:
            recolour_stream(stream, colours, _rgb_spaces(own))


def _crop_marks(width: float, height: float, bleed: float) -> bytes:
    """Crop marks (as a PDF artifact) at the trim corners, outside the bleed."""
    off = bleed + CROP_OFFSET_MM * MM
    length = CROP_MARGIN_MM * MM - CROP_OFFSET_MM * MM
    ops = ["/Artifact BMC", "q", "0 0 0 1 K", "0.25 w"]
    for x, dx in ((bleed, -1), (width - bleed, 1)):
        for y, dy in ((bleed, -1), (height - bleed, 1)):
            ops.append(f"{x:.3f} {y + dy * off:.3f} m {x:.3f} {y + dy * (off + length):.3f} l S")
            ops.append(f"{x + dx * off:.3f} {y:.3f} m {x + dx * (off + length):.3f} {y:.3f} l S")
    ops += ["Q", "EMC"]
    return "\n".join(ops).encode()


def _boxes(doc: pikepdf.Pdf, crop_marks: bool) -> None:
    """BleedBox = trim + bleed (Typst's media box); with crop marks a larger media box and the marks."""
    for page in doc.pages:
        x0, y0, x1, y1 = (float(v) for v in page.obj.MediaBox)
        page.obj.BleedBox = pikepdf.Array([x0, y0, x1, y1])
        if crop_marks:
            margin = CROP_MARGIN_MM * MM
            page.obj.MediaBox = pikepdf.Array([x0 - margin, y0 - margin, x1 + margin, y1 + margin])
            page.obj.CropBox = page.obj.MediaBox
            page.contents_add(doc.make_stream(_crop_marks(x1 - x0, y1 - y0, BLEED_MM * MM)), prepend=False)


def _metadata(doc: pikepdf.Pdf, serial: xmp.Serial | None, online: bool) -> None:
    if "/Metadata" not in doc.Root:
        return
    packet = doc.Root.Metadata.read_bytes()
    if not online:
        packet = xmp.without_pdfa(packet)
    if serial is not None:
        packet = xmp.add_serial(packet, serial, online)
    doc.Root.Metadata.write(packet)


def _saved(doc: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    doc.save(out, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


_DEST_COORDINATES = {"/XYZ": "xy", "/FitH": "y", "/FitBH": "y", "/FitV": "x", "/FitBV": "x", "/FitR": "xyxy"}


def _moved_dest(dest: pikepdf.Object | None, dx: float, dy: float, seen: set[tuple[int, int]]) -> None:
    """An explicit destination ([page /XYZ left top zoom], …) moved by (-dx, -dy), once (an indirect one may be
    named, and pointed to by links and bookmarks); null coordinates stay null."""
    if not isinstance(dest, pikepdf.Array) or len(dest) < 2:
        return
    if dest.is_indirect:
        if dest.objgen in seen:
            return
        seen.add(dest.objgen)
    for i, axis in enumerate(_DEST_COORDINATES.get(str(dest[1]), ""), start=2):
        if i < len(dest) and isinstance(dest[i], int | float | Decimal):
            dest[i] = float(dest[i]) - (dx if axis == "x" else dy)


def _moved_dests(doc: pikepdf.Pdf, dx: float, dy: float) -> None:
    """Every explicit destination: of links, of the outline, of the named destinations."""
    seen: set[tuple[int, int]] = set()

    def named(dest: pikepdf.Object) -> None:
        _moved_dest(dest.get("/D") if isinstance(dest, pikepdf.Dictionary) else dest, dx, dy, seen)

    def of_action(holder: pikepdf.Object) -> None:
        _moved_dest(holder.get("/Dest"), dx, dy, seen)
        action = holder.get("/A")
        if isinstance(action, pikepdf.Dictionary):
            _moved_dest(action.get("/D"), dx, dy, seen)

    for page in doc.pages:
        for annot in page.obj.get("/Annots") or []:
            of_action(annot)
    item = (doc.Root.get("/Outlines") or pikepdf.Dictionary()).get("/First")
    stack = [item] if item is not None else []
    while stack:
        item = stack.pop()
        of_action(item)
        stack += [x for x in (item.get("/First"), item.get("/Next")) if x is not None]
    names = (doc.Root.get("/Names") or pikepdf.Dictionary()).get("/Dests")
    nodes = [names] if names is not None else []
    while nodes:
        node = nodes.pop()
        nodes += list(node.get("/Kids") or [])
        for dest in list(node.get("/Names") or [])[1::2]:
            named(dest)
    for dest in (doc.Root.get("/Dests") or {}).values():
        named(dest)


def _moved_attributes(doc: pikepdf.Pdf, dx: float, dy: float) -> None:
    """The structure elements' layout boxes (`/BBox` of a figure, a formula, a table) moved by (-dx, -dy)."""
    root = doc.Root.get("/StructTreeRoot")
    stack = [root] if root is not None else []
    seen: set[tuple[int, int]] = set()
    while stack:
        element = stack.pop()
        if not isinstance(element, pikepdf.Dictionary) or (element.is_indirect and element.objgen in seen):
            continue
        if element.is_indirect:
            seen.add(element.objgen)
        attributes = element.get("/A")
        for a in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
            if isinstance(a, pikepdf.Dictionary) and isinstance(a.get("/BBox"), pikepdf.Array):
                x0, y0, x1, y1 = (float(v) for v in a.BBox)
                a.BBox = pikepdf.Array([x0 - dx, y0 - dy, x1 - dx, y1 - dy])
        kids = element.get("/K")
        stack += list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []


def _trimmed(doc: pikepdf.Pdf) -> None:
    """Each page cut to its TrimBox, with the trimmed page's corner at the origin as on any page without bleed:
    the content drawn moved by the bleed, and with it what points into the page (links, destinations, the
    layout boxes of the tags)."""
    trims = [[float(v) for v in page.obj.TrimBox] for page in doc.pages if "/TrimBox" in page.obj]
    if not trims:
        return
    dx, dy = trims[0][0], trims[0][1]  # the bleed: the same on every page
    for page in doc.pages:
        x0, y0, x1, y1 = [float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox)]
        page.contents_add(doc.make_stream(f"1 0 0 1 {-dx:.6f} {-dy:.6f} cm\n".encode()), prepend=True)
        page.obj.MediaBox = pikepdf.Array([x0 - dx, y0 - dy, x1 - dx, y1 - dy])
        for box in ("/TrimBox", "/BleedBox", "/CropBox"):
            if box in page.obj:
                del page.obj[box]
        for annot in page.obj.get("/Annots") or []:
            r = [float(v) for v in annot.Rect]
            annot.Rect = pikepdf.Array([r[0] - dx, r[1] - dy, r[2] - dx, r[3] - dy])
            if isinstance(annot.get("/QuadPoints"), pikepdf.Array):
                annot.QuadPoints = pikepdf.Array([float(v) - (dy if i % 2 else dx)
                                                  for i, v in enumerate(annot.QuadPoints)])
    _moved_dests(doc, dx, dy)
    _moved_attributes(doc, dx, dy)


def screen(pdf: bytes, serial: xmp.Serial | None = None) -> bytes:
    """The screen PDF: each page trimmed (`_trimmed`), the serial in its XMP (an issue's online edition)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        _trimmed(doc)
        _metadata(doc, serial, online=True)
        return _saved(doc)


def printed(pdf: bytes, colours: PrintColours, *, crop_marks: bool, serial: xmp.Serial | None = None) -> bytes:
    """The print PDF of the same layout: print colours, no PDF/A identification, BleedBox and crop marks."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        _print_colours(doc, colours)
        if "/OutputIntents" in doc.Root:
            del doc.Root["/OutputIntents"]
        _metadata(doc, serial, online=False)
        _boxes(doc, crop_marks)
        return _saved(doc)
