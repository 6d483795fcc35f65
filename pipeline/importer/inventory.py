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


def _docx_heading_styles(styles: ET.Element | None) -> set[str]:
    """Ids of the paragraph styles Word shows as headings: named „heading n“ or with an outline level, itself or
    through the styles it is based on."""
    if styles is None:
        return set()
    name: dict[str, str] = {}
    based: dict[str, str] = {}
    outline: set[str] = set()
    for style in styles.iter(q("w:style")):
        sid = style.get(q("w:styleId"), "")
        n, b = style.find(q("w:name")), style.find(q("w:basedOn"))
        name[sid] = n.get(q("w:val"), "") if n is not None else ""
        if b is not None:
            based[sid] = b.get(q("w:val"), "")
        level = style.find(f"{q('w:pPr')}/{q('w:outlineLvl')}")
        if level is not None and level.get(q("w:val"), "9") in "012345678":
            outline.add(sid)

    def heading(sid: str) -> bool:
        for _ in range(20):  # a based-on chain, cycles cut short
            if sid in outline or _HEADING_NAME.match(name.get(sid, "")):
                return True
            if sid not in based:
                return False
            sid = based[sid]
        return False

    return {sid for sid in name if heading(sid)}


def _docx_is_heading(p: ET.Element, styles: set[str]) -> bool:
    ppr = p.find(q("w:pPr"))
    if ppr is None:
        return False
    level = ppr.find(q("w:outlineLvl"))
    style = ppr.find(q("w:pStyle"))
    by_level = level is not None and level.get(q("w:val"), "9") in "012345678"
    if not by_level and (style is None or style.get(q("w:val"), "") not in styles):
        return False
    return bool("".join(t.text or "" for t in _walk(p, _DOCX_SKIP) if t.tag == q("w:t")).strip())


def of_docx(archive: zipfile.ZipFile) -> Counts:
    names = set(archive.namelist())
    counts = empty()
    if "word/comments.xml" in names:
        counts["comment"] = sum(1 for _ in ET.fromstring(archive.read("word/comments.xml")).iter(q("w:comment")))
    styles = _docx_heading_styles(ET.fromstring(archive.read("word/styles.xml"))
                                  if "word/styles.xml" in names else None)
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
