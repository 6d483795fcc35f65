"""The reading text of a tagged PDF, as assistive technology gets it: the structure tree in logical order.

pdfminer interprets the page content (fonts, ToUnicode, nested marked content); this module only maps each
marked-content id (MCID) to its characters and walks the structure tree (pikepdf) to join them. Artifacts
(running heads, page numbers, decoration) are outside every MCID and so never part of the reading text.
Typst writes a hyphen it set for hyphenation as U+00AD (soft hyphen) and, where one glyph stands for both
a written and a set hyphen, the written one as /ActualText: both are honoured here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

BLOCK_ROLES = frozenset({
    "Title", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "Caption", "LI", "Lbl", "LBody", "TD", "TH", "Note",
    "BlockQuote", "Code", "TOCI", "Figure", "Formula", "Aside", "FENote",
})


INLINE_IN_BLOCKS = frozenset({"Code", "Formula"})  # a block of their own only outside a block


class _MarkedContent(PDFTextDevice):  # type: ignore[misc]
    """Collects the characters of every MCID on a page, in content order, with their positions."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr)
        self.stack: list[int | None] = []
        self.actual: list[list[Any]] = []  # open /ActualText spans: [text, already recorded?]
        self.by_mcid: dict[int, list[tuple[str, float, float]]] = {}  # MCID → (text, baseline y, size)

    def begin_tag(self, tag: PSLiteral, props: Any = None) -> None:
        mcid = None
        props = resolve1(props)
        if isinstance(props, dict) and "MCID" in props:
            mcid = int(resolve1(props["MCID"]))
        self.stack.append(mcid if mcid is not None else (self.stack[-1] if self.stack else None))
        # /ActualText replaces the glyphs inside (Typst writes it where one glyph stands for two texts,
        # e.g. a written hyphen and a hyphenation hyphen)
        actual = resolve1(props.get("ActualText")) if isinstance(props, dict) else None
        self.actual.append([_pdf_string(actual), False] if actual is not None else [None, False])

    def end_tag(self) -> None:
        if self.stack:
            self.stack.pop()
        if self.actual:
            self.actual.pop()

    def do_tag(self, tag: PSLiteral, props: Any = None) -> None:
        pass

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: Any, graphicstate: Any) -> float:
        mcid = self.stack[-1] if self.stack else None
        span = next((a for a in reversed(self.actual) if a[0] is not None), None)
        if span is not None:
            text, span[1] = ("" if span[1] else span[0]), True
        else:
            try:
                text = font.to_unichr(cid)
            except Exception:
                text = ""
        if mcid is not None and text:
            _a, _b, _c, d, _e, f = matrix
            self.by_mcid.setdefault(mcid, []).append((text, f, abs(d) * fontsize or fontsize))
        return float(font.char_width(cid) * fontsize * scaling)


def _pdf_string(value: Any) -> str:
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", "replace")
        return value.decode("latin-1")
    return str(value)


def _page_texts(path: Path) -> list[dict[int, str]]:
    """Per page: MCID → its text (a line break between lines; a line-end hyphen marked)."""
    rsrc = PDFResourceManager(caching=True)
    pages: list[dict[int, str]] = []
    with path.open("rb") as fh:
        for page in PDFPage.get_pages(fh):
            device = _MarkedContent(rsrc)
            PDFPageInterpreter(rsrc, device).process_page(page)
            pages.append({mcid: _join(chars) for mcid, chars in device.by_mcid.items()})
    return pages


def page_texts(path: Path) -> list[list[str]]:
    """Per page: the texts of its marked content in reading order (artifacts such as running heads and page
    numbers are not marked content)."""
    return [[texts[mcid] for mcid in sorted(texts)] for texts in _page_texts(path)]


def _join(chars: list[tuple[str, float, float]]) -> str:
    """An MCID's characters, a line break where the baseline moves (whitespace is typography to the oracle)."""
    out: list[str] = []
    last_y: float | None = None
    for text, y, size in chars:
        if last_y is not None and abs(y - last_y) > max(size, 1.0) * 0.5:
            out.append("\n")
        out.append(text)
        last_y = y
    return "".join(out)


@dataclass
class Block:
    """One structure element that holds reading text (paragraph, heading, caption, cell, note …)."""
    role: str
    text: str


def reading_blocks(path: Path) -> list[Block]:
    """The PDF's reading text in logical order: one block per innermost text-bearing structure element."""
    texts = _page_texts(path)
    with pikepdf.open(path) as pdf:
        page_index = {p.objgen: i for i, p in enumerate(pdf.pages)}
        role_map = {str(k)[1:]: str(v)[1:] for k, v in pdf.Root.StructTreeRoot.get("/RoleMap", {}).items()}
        blocks: list[Block] = []

        def text_of(kid: Any, page: int | None, inline: bool = False) -> str:
            if isinstance(kid, int):
                return texts[page].get(kid, "") if page is not None else ""
            if isinstance(kid, pikepdf.Dictionary):
                if kid.get("/Type") == "/MCR":
                    pg = page_index.get(kid.Pg.objgen, page) if "/Pg" in kid else page
                    return texts[pg].get(int(kid.MCID), "") if pg is not None else ""
                if kid.get("/Type") == "/OBJR":
                    return ""
                if "/S" in kid:
                    return element(kid, page, inline)
            return ""

        def element(elem: pikepdf.Dictionary, page: int | None, inside: bool = False) -> str:
            if "/Pg" in elem:
                page = page_index.get(elem.Pg.objgen, page)
            role = str(elem.S)[1:]
            role = role_map.get(role, role)
            if inside and role in INLINE_IN_BLOCKS:
                role = "Span"  # inline code in a paragraph: part of the paragraph's text
            if "/ActualText" in elem:
                text = str(elem.ActualText)
            else:
                kids = elem.get("/K")
                kids = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
                # A block's text is one block, before any block nested in it (a footnote in a paragraph); in a
                # container (document, section, list), text between blocks is a block of its own where it stands.
                pending, first = "", len(blocks)
                for kid in kids:
                    start = len(blocks)
                    if role == "Figure" and not (isinstance(kid, pikepdf.Dictionary) and "/S" in kid):
                        continue  # a picture's own content (an SVG's words) is read as its /Alt, not as text
                    part = text_of(kid, page, inside or role in BLOCK_ROLES)
                    if role not in BLOCK_ROLES and len(blocks) > start and pending.strip():
                        blocks.insert(start, Block("Span", pending))
                        pending = ""
                    pending += part
                if role in BLOCK_ROLES and len(blocks) > first:
                    if pending.strip():
                        blocks.insert(first, Block(role, pending))
                    return ""
                text = pending
            if role in BLOCK_ROLES and text.strip():
                blocks.append(Block(role, text))
                return ""
            return text

        root = pdf.Root.StructTreeRoot.K
        for kid in (list(root) if isinstance(root, pikepdf.Array) else [root]):
            rest = text_of(kid, None)
            if rest.strip():
                blocks.append(Block("Span", rest))
        return blocks

