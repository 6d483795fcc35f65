"""What a Word/ODT file holds and what the written contribution holds, counted alike.

The summary may say „Alles wurde vollständig übernommen.“ only when the comments, footnotes, images, tables and
headings counted in the file's own XML (word/document.xml, word/comments.xml, word/footnotes.xml …; content.xml of an
ODT) are all in the MyST that was written. The file is counted, not pandoc's reading of it: whatever pandoc or the
conversion drops shows up as a difference. Deleted text (tracked changes) is not counted: it is not taken over.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from markdown_it.token import Token

from .. import messages as M
from ..body import FIGURES, parser, split_directive
from .names import q

KINDS = ("comment", "footnote", "image", "table", "heading")
Counts = dict[str, int]

DOCX_STORIES = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_HEADING_NAME = re.compile(r"^heading\s*[1-9]$", re.IGNORECASE)


def empty() -> Counts:
    return dict.fromkeys(KINDS, 0)


def _walk(el: ET.Element, skip: frozenset[str]) -> Iterator[ET.Element]:
    """`el` and its descendants in document order, without the subtrees whose tag is in `skip`."""
    yield el
    for child in el:
        if child.tag not in skip:
            yield from _walk(child, skip)


# -- Word ------------------------------------------------------------------------------------------------------------

# not taken over as text: the VML copy of a drawing, deleted and moved-away text, an OLE object's preview picture
_DOCX_SKIP = frozenset({q("mc:Fallback"), q("w:del"), q("w:moveFrom"), q("w:object")})


@dataclass(frozen=True)
class WordStyles:
    """Word's paragraph styles as far as headings go. pandoc takes a paragraph for a heading when its style is named
    „heading n“ (itself or a style it is based on); Word also shows a paragraph with an outline level 0–8 (of its own
    or of its style) as one in the navigation."""

    names: dict[str, str]
    based: dict[str, str]
    outline: dict[str, int]
    default: str  # the style of a paragraph that names none

    @staticmethod
    def read(styles: ET.Element | None) -> WordStyles:
        names: dict[str, str] = {}
        based: dict[str, str] = {}
        outline: dict[str, int] = {}
        default = ""
        for style in styles.iter(q("w:style")) if styles is not None else ():
            sid = style.get(q("w:styleId"), "")
            n, b = style.find(q("w:name")), style.find(q("w:basedOn"))
            names[sid] = n.get(q("w:val"), "") if n is not None else ""
            if b is not None:
                based[sid] = b.get(q("w:val"), "")
            if (level := _outline(style.find(q("w:pPr")))) is not None:
                outline[sid] = level
            if style.get(q("w:type")) == "paragraph" and style.get(q("w:default")) in ("1", "true"):
                default = sid
        return WordStyles(names, based, outline, default)

    def chain(self, sid: str) -> list[str]:
        """The style and those it is based on (a cycle is cut short)."""
        out = [sid]
        while out[-1] in self.based and len(out) < 20 and self.based[out[-1]] not in out:
            out.append(self.based[out[-1]])
        return out

    def heading(self, p: ET.Element) -> tuple[str, int] | None:
        """("named", 0) for a paragraph pandoc reads as a heading; ("outline", level) for one only Word shows as a
        heading (level 0–8 from its own or its style's outline level); None for text and the title paragraphs."""
        ppr = p.find(q("w:pPr"))
        style = ppr.find(q("w:pStyle")) if ppr is not None else None
        chain = self.chain(style.get(q("w:val"), "") if style is not None else self.default)
        names = [self.names.get(sid, "").lower() for sid in chain]
        if any(_HEADING_NAME.match(n) for n in names):
            return ("named", 0)
        if any(n in ("title", "subtitle") for n in names):
            return None
        own = _outline(ppr)
        level = own if own is not None else next((self.outline[sid] for sid in chain if sid in self.outline), None)
        return ("outline", level) if level is not None and level < 9 else None


def _outline(ppr: ET.Element | None) -> int | None:
    """The outline level a paragraph's or style's properties set (9: body text), None if they set none."""
    el = ppr.find(q("w:outlineLvl")) if ppr is not None else None
    value = el.get(q("w:val"), "") if el is not None else ""
    return int(value) if value.isdigit() else None


def word_styles(archive: zipfile.ZipFile) -> WordStyles:
    names = set(archive.namelist())
    return WordStyles.read(ET.fromstring(archive.read("word/styles.xml")) if "word/styles.xml" in names else None)


def _docx_is_heading(p: ET.Element, styles: WordStyles) -> bool:
    if styles.heading(p) is None:
        return False
    return bool("".join(t.text or "" for t in _walk(p, _DOCX_SKIP) if t.tag == q("w:t")).strip())


def of_docx(archive: zipfile.ZipFile) -> Counts:
    names = set(archive.namelist())
    counts = empty()
    if "word/comments.xml" in names:
        counts["comment"] = sum(1 for _ in ET.fromstring(archive.read("word/comments.xml")).iter(q("w:comment")))
    styles = word_styles(archive)
    for part in DOCX_STORIES:
        if part not in names:
            continue
        for el in _walk(ET.fromstring(archive.read(part)), _DOCX_SKIP):
            if el.tag in (q("w:footnoteReference"), q("w:endnoteReference")):
                counts["footnote"] += 1
            elif el.tag in (q("pic:pic"), q("v:imagedata")):
                counts["image"] += 1
            elif el.tag == q("w:tbl"):
                counts["table"] += 1
            elif el.tag == q("w:p") and _docx_is_heading(el, styles):
                counts["heading"] += 1
    return counts


# -- OpenDocument ----------------------------------------------------------------------------------------------------

_ODT_SKIP = frozenset({q("text:tracked-changes")})
_ODT_ASIDE = frozenset({q("office:annotation"), q("text:note")})  # not part of a heading's own text


def _odt_text(el: ET.Element) -> str:
    """The element's own text, without comments and footnotes in it."""
    parts = [el.text or ""]
    for child in el:
        if child.tag not in _ODT_ASIDE:
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_is_image(frame: ET.Element) -> bool:
    """A picture frame (an embedded object's frame also holds a draw:image: its preview)."""
    return (frame.find(q("draw:image")) is not None and frame.find(q("draw:object")) is None
            and frame.find(q("draw:object-ole")) is None)


def of_odt(archive: zipfile.ZipFile) -> Counts:
    counts = empty()
    body = ET.fromstring(archive.read("content.xml")).find(f"{q('office:body')}/{q('office:text')}")
    if body is None:
        return counts
    for el in _walk(body, _ODT_SKIP):
        if el.tag == q("office:annotation"):
            counts["comment"] += 1
        elif el.tag == q("text:note"):
            counts["footnote"] += 1
        elif el.tag == q("draw:frame") and _odt_is_image(el):
            counts["image"] += 1
        elif el.tag == q("table:table"):
            counts["table"] += 1
        elif el.tag == q("text:h") and _odt_text(el).strip():
            counts["heading"] += 1
    return counts


def of_source(archive: zipfile.ZipFile, kind: str) -> Counts:
    """The counts of a .docx (`kind` "docx") or .odt file."""
    return of_docx(archive) if kind == "docx" else of_odt(archive)


# -- the written MyST ------------------------------------------------------------------------------------------------

_COMMENT = M.IMPORT_COMMENT_LINE.split("{}", 1)[0]


def _count(tokens: list[Token], counts: Counts) -> None:
    for tok in tokens:
        if tok.type == "heading_open":
            counts["heading"] += 1
        elif tok.type == "table_open":
            counts["table"] += 1
        elif tok.type == "footnote_reference_open":
            counts["footnote"] += 1
        elif tok.type == "myst_line_comment":
            counts["comment"] += sum(1 for line in tok.content.splitlines() if line.strip().startswith(_COMMENT))
        elif tok.type == "inline":
            counts["image"] += sum(1 for child in tok.children or [] if child.type == "image")
        elif tok.type == "colon_fence" and (m := re.match(r"\{([\w:-]+)\}", tok.info.strip())):
            name = m.group(1)
            counts["image"] += name in FIGURES
            counts["table"] += name == "list-table"
            _count(parser().parse(split_directive(tok.content)[1]), counts)


def of_myst(text: str) -> Counts:
    """The counts of a contribution's body as the build reads it (directive bodies included)."""
    counts = empty()
    _count(parser().parse(text), counts)
    return counts


def differences(source: Counts, result: Counts) -> list[str]:
    """One German line for every kind whose count differs between the file and the contribution."""
    return [M.IMPORT_COUNT_DIFFERS.format(M.IMPORT_INVENTORY[kind], source[kind], result[kind])
            for kind in KINDS if source[kind] != result[kind]]
