"""Open a .docx/.odt file, refuse what is not one, read its properties and prepare it for pandoc.

pandoc silently drops some Word/LibreOffice content (text boxes, embedded objects; in ODT also
comments, deleted text and image descriptions). Before pandoc reads the file we rewrite its XML so
that nothing is lost: text-box paragraphs move behind their anchor paragraph, objects, comments and
deletions become marker links (`#koop-import-<kind>-<n>`) that the AST conversion turns into MyST
comments, and the inventory below feeds the summary the editor reads.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from .. import messages as M
from .. import xmlout
from ..errors import EXIT_CONTENT, EXIT_USAGE, UserError
from . import inventory
from .names import NS, q

SUFFIXES = (".docx", ".odt")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED = 300_000_000  # bytes; a zip bomb is a broken file, not a contribution
MARKER = "#koop-import-"
MARKER_TEXT = "⁂"
ODT_MIME = "application/vnd.oasis.opendocument.text"

@dataclass
class Comment:
    author: str
    text: str


@dataclass
class Source:
    """What the importer knows about the file besides pandoc's AST."""

    kind: str  # "docx" | "odt"
    data: bytes  # the prepared file handed to pandoc
    # from the document's Title/Subtitle/Author/Date/Abstract paragraphs (pandoc's metadata for DOCX)
    title: str = ""
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    date_text: str = ""
    abstract: str = ""
    # from the file properties
    core_title: str = ""
    core_authors: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    created: dt.date | None = None
    modified: dt.date | None = None
    comments: dict[int, Comment] = field(default_factory=dict)  # ODT comment markers
    deletions: dict[int, str] = field(default_factory=dict)  # ODT deletion markers
    objects: dict[int, str] = field(default_factory=dict)  # object markers → German kind
    image_alts: dict[int, str] = field(default_factory=dict)  # ODT image markers → description
    table_aligns: dict[int, list[str]] = field(default_factory=dict)  # ODT table markers → pandoc's column alignments
    textboxes: dict[int, str] = field(default_factory=dict)  # text-box markers → first words
    insertions: int = 0  # ODT: pandoc keeps inserted text, we only count
    format_changes: int = 0
    header_footer: list[str] = field(default_factory=list)
    inventory: inventory.Counts = field(default_factory=inventory.empty)  # counted in the file as it came


# -- opening ---------------------------------------------------------------------------


def open_source(file: Path) -> Source:
    """Check that `file` is a readable .docx/.odt and prepare it; a UserError says why not."""
    name = file.name
    if not file.is_file():
        raise UserError(EXIT_USAGE, M.IMPORT_MISSING.format(file))
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(EXIT_USAGE, M.IMPORT_SUFFIX.format(name), M.IMPORT_SUFFIX_HINTS.get(suffix, ""))
    data = file.read_bytes()
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UserError(EXIT_CONTENT, M.IMPORT_ENCRYPTED.format(name), M.IMPORT_ENCRYPTED_HINT)
        raise UserError(EXIT_CONTENT, M.IMPORT_OLD_WORD.format(name), M.IMPORT_OLD_WORD_HINT)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        if sum(i.file_size for i in infos) > MAX_UNPACKED:
            raise UserError(EXIT_CONTENT, M.IMPORT_TOO_BIG.format(name))
        if archive.testzip() is not None:
            raise zipfile.BadZipFile
    except RuntimeError:  # zip-level password
        raise UserError(EXIT_CONTENT, M.IMPORT_ENCRYPTED.format(name), M.IMPORT_ENCRYPTED_HINT) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise UserError(EXIT_CONTENT, M.IMPORT_BROKEN.format(name), M.IMPORT_BROKEN_HINT) from None
    if _encrypted_odf(archive):
        raise UserError(EXIT_CONTENT, M.IMPORT_ENCRYPTED.format(name), M.IMPORT_ENCRYPTED_HINT)
    kind = _kind(archive)
    if kind is None:
        raise UserError(EXIT_CONTENT, M.IMPORT_NOT_WORD.format(name), M.IMPORT_NOT_WORD_HINT)
    if f".{kind}" != suffix:
        raise UserError(EXIT_USAGE, M.IMPORT_WRONG_SUFFIX.format(name, kind.upper()),
                      M.IMPORT_WRONG_SUFFIX_HINT.format(kind))
    try:
        counts = inventory.of_source(archive, kind)  # first: preparing rewrites the archive's entries
        source = _prepare_docx(archive) if kind == "docx" else _prepare_odt(archive)
        source.inventory = counts
        return source
    except (ET.ParseError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        raise UserError(EXIT_CONTENT, M.IMPORT_BROKEN.format(name), M.IMPORT_BROKEN_HINT) from None


def _encrypted_odf(archive: zipfile.ZipFile) -> bool:
    if "META-INF/manifest.xml" not in archive.namelist():
        return False
    return "encryption-data" in archive.read("META-INF/manifest.xml").decode("utf-8", "replace")


def _kind(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIME.encode() and "content.xml" in names:
        return "odt"
    return None


# -- XML helpers -----------------------------------------------------------------------


def _parse(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def _prefixes(data: bytes) -> dict[str, str]:
    """The document's own namespace prefixes (attribute values such as mc:Ignorable refer to them)."""
    return {prefix: uri for _, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",))
            if prefix and not re.fullmatch(r"ns\d+", prefix)}


def _serialize(root: ET.Element, prefixes: dict[str, str]) -> bytes:
    """Serialize with the original prefixes."""
    return xmlout.tostring(root, prefixes, encoding="UTF-8", xml_declaration=True)


def _parents(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _ancestor(el: ET.Element, parents: dict[ET.Element, ET.Element], *tags: str) -> ET.Element | None:
    wanted = {q(t) for t in tags}
    node = parents.get(el)
    while node is not None and node.tag not in wanted:
        node = parents.get(node)
    return node


def _remove(parent: ET.Element, child: ET.Element) -> None:
    """Remove `child`, keeping the text that follows it (ElementTree stores it in the child's tail)."""
    tail = child.tail or ""
    index = list(parent).index(child)
    if tail:
        if index:
            prev = parent[index - 1]
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(child)


def _replace(parent: ET.Element, old: ET.Element, new: ET.Element) -> None:
    new.tail = old.tail
    parent[list(parent).index(old)] = new


def _text(el: ET.Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _rewrite(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            target.writestr(info, replaced.get(info.filename, archive.read(info.filename)))
    return out.getvalue()


# -- DOCX ------------------------------------------------------------------------------


def _w_marker(kind: str, n: int) -> ET.Element:
    link = ET.Element(q("w:hyperlink"), {q("w:anchor"): f"{MARKER[1:]}{kind}-{n}"})
    run = ET.SubElement(link, q("w:r"))
    ET.SubElement(run, q("w:t")).text = MARKER_TEXT
    return link


def _docx_object_kind(el: ET.Element) -> str | None:
    """German name of an embedded object pandoc would drop, None for pictures and text boxes."""
    if el.tag == q("w:object"):
        ole = el.find(".//" + q("o:OLEObject"))
        prog = ole.get("ProgID", "") if ole is not None else ""
        for prefix, label in M.IMPORT_OBJECT_KINDS.items():
            if prog.startswith(prefix):
                return label
        return M.IMPORT_OBJECT_OLE.format(prog) if prog else M.IMPORT_OBJECT_GENERIC
    uris = [g.get("uri", "") for g in el.iter(q("a:graphicData"))]
    if any(u.endswith("/chart") for u in uris):
        return M.IMPORT_OBJECT_CHART
    if any(u.endswith("/diagram") for u in uris):
        return M.IMPORT_OBJECT_SMARTART
    if el.find(".//" + q("w:txbxContent")) is None and any(
            u.endswith(("wordprocessingShape", "wordprocessingGroup")) for u in uris):
        return M.IMPORT_OBJECT_SHAPE
    return None


def _docx_textboxes(root: ET.Element, src: Source) -> None:
    """Move text-box paragraphs behind the paragraph that anchors the box, marked for the conversion."""
    for alt in list(root.iter(q("mc:AlternateContent"))):
        choice = alt.find(q("mc:Choice"))
        if choice is not None and choice.find(".//" + q("w:txbxContent")) is not None:
            for fallback in alt.findall(q("mc:Fallback")):
                alt.remove(fallback)  # the VML copy of the same box
    while True:
        parents = _parents(root)
        boxes = [b for b in root.iter(q("w:txbxContent")) if _ancestor(b, parents, "w:txbxContent") is None]
        if not boxes:
            return
        box = boxes[0]
        run = _ancestor(box, parents, "w:r")
        host = _ancestor(box, parents, "w:p")
        n = len(src.textboxes) + 1
        src.textboxes[n] = _text(box)
        moved = list(box)
        for p in moved:
            if p.tag == q("w:p"):
                ppr = p.find(q("w:pPr"))
                p.insert(1 if ppr is not None else 0, _w_marker("textfeld", n))
        if run is None or host is None or host not in parents:
            parents[box].remove(box)  # reported as not converted: its marker never reaches the AST
            continue
        # drop the drawing (the run's child that contains the box), keep the run's other content
        container = box
        while parents[container] is not run:
            container = parents[container]
        run.remove(container)
        outer = parents[host]
        index = list(outer).index(host)
        for offset, p in enumerate(moved):
            outer.insert(index + 1 + offset, p)


def _docx_objects(root: ET.Element, src: Source) -> None:
    parents = _parents(root)
    for el in list(root.iter()):
        if el.tag not in (q("w:object"), q("w:drawing"), q("w:pict")):
            continue
        kind = _docx_object_kind(el)
        run = _ancestor(el, parents, "w:r")
        if kind is None or run is None or run not in parents:
            continue
        n = len(src.objects) + 1
        src.objects[n] = kind
        _replace(parents[run], run, _w_marker("objekt", n))
        parents = _parents(root)


def _docx_moves(root: ET.Element) -> None:
    """A moved passage is a deletion at the old and an insertion at the new place (pandoc knows those)."""
    for el in root.iter():
        if el.tag == q("w:moveFrom"):
            el.tag = q("w:del")
            for t in el.iter(q("w:t")):
                t.tag = q("w:delText")
        elif el.tag == q("w:moveTo"):
            el.tag = q("w:ins")


def _docx_point_comments(root: ET.Element) -> bool:
    """A comment anchored at a point (only its commentReference, no commentRangeStart: Word without a selection,
    LibreOffice's DOCX) gets an empty range right before its reference, because pandoc reads a comment only at its
    range start; it is then kept like a ranged one. True if anything changed."""
    ranged = {el.get(q("w:id")) for el in root.iter(q("w:commentRangeStart"))}
    parents = _parents(root)
    changed = False
    for ref in list(root.iter(q("w:commentReference"))):
        cid = ref.get(q("w:id"))
        if cid is None or cid in ranged:
            continue
        run = _ancestor(ref, parents, "w:r")
        holder = ref if run is None else run
        if holder not in parents:
            continue
        outer = parents[holder]
        index = list(outer).index(holder)
        for tag in ("w:commentRangeEnd", "w:commentRangeStart"):
            outer.insert(index, ET.Element(q(tag), {q("w:id"): cid}))
        ranged.add(cid)
        changed = True
    return changed


OUTLINE_STYLE = "KoopUeberschrift{}"  # the styles given to paragraphs that are headings only by outline level


def _docx_outline_headings(root: ET.Element, styles: inventory.WordStyles) -> set[int]:
    """A paragraph Word shows as a heading only through its outline level (a house style „Kapitel“ with outline
    level 2, or the level set on the paragraph) gets a style named „heading n“, the only headings pandoc knows.
    Returns the levels (1–9) used."""
    used: set[int] = set()
    for p in root.iter(q("w:p")):
        found = styles.heading(p)
        if found is None or found[0] != "outline":
            continue
        level = found[1] + 1
        ppr = p.find(q("w:pPr"))
        if ppr is None:
            ppr = ET.Element(q("w:pPr"))
            p.insert(0, ppr)
        style = ppr.find(q("w:pStyle"))
        if style is None:
            style = ET.Element(q("w:pStyle"))
            ppr.insert(0, style)
        style.set(q("w:val"), OUTLINE_STYLE.format(level))
        used.add(level)
    return used


def _docx_add_heading_styles(styles: ET.Element, levels: set[int]) -> None:
    for level in sorted(levels):
        style = ET.SubElement(styles, q("w:style"), {q("w:type"): "paragraph",
                                                     q("w:styleId"): OUTLINE_STYLE.format(level)})
        ET.SubElement(style, q("w:name"), {q("w:val"): f"heading {level}"})


def _prepare_docx(archive: zipfile.ZipFile) -> Source:
    src = Source("docx", b"")
    names = set(archive.namelist())
    if "docProps/core.xml" in names:
        core = _parse(archive.read("docProps/core.xml"))
        src.core_title = _text(core.find(q("dc:title")))
        creator = _text(core.find(q("dc:creator")))
        src.core_authors = [a.strip() for a in creator.split(";") if a.strip()]
        src.keywords = [k.strip() for k in re.split(r"[;,]", _text(core.find(q("cp:keywords")))) if k.strip()]
        src.created = _date(_text(core.find(q("dcterms:created"))))
        src.modified = _date(_text(core.find(q("dcterms:modified"))))
    xml = archive.read("word/document.xml")
    root = _parse(xml)
    _docx_moves(root)
    _docx_point_comments(root)
    # without a styles part there is nowhere to name the heading styles: the summary reports such headings
    levels = _docx_outline_headings(root, inventory.word_styles(archive)) if "word/styles.xml" in names else set()
    _docx_textboxes(root, src)
    _docx_objects(root, src)
    src.format_changes = sum(1 for el in root.iter() if el.tag in (q("w:rPrChange"), q("w:pPrChange")))
    for part in sorted(n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml", n)):
        content = _text(_parse(archive.read(part)))
        if re.sub(r"[\d\s\W]", "", content):  # page numbers alone are no content
            src.header_footer.append(content)
    replaced = {"word/document.xml": _serialize(root, _prefixes(xml))}
    if levels:
        styles_xml = archive.read("word/styles.xml")
        styles = _parse(styles_xml)
        _docx_add_heading_styles(styles, levels)
        replaced["word/styles.xml"] = _serialize(styles, _prefixes(styles_xml))
    for part in ("word/footnotes.xml", "word/endnotes.xml"):  # comments in notes: the same
        if part in names:
            notes_xml = archive.read(part)
            notes = _parse(notes_xml)
            if _docx_point_comments(notes):
                replaced[part] = _serialize(notes, _prefixes(notes_xml))
    src.data = _rewrite(archive, replaced)
    return src


# -- ODT -------------------------------------------------------------------------------

_ODT_META_STYLES = {"Title": "title", "Subtitle": "subtitle", "Author": "author", "Date": "date",
                    "Abstract": "abstract"}


def _o_marker(kind: str, n: int) -> ET.Element:
    link = ET.Element(q("text:a"), {q("xlink:type"): "simple", q("xlink:href"): f"{MARKER}{kind}-{n}"})
    link.text = MARKER_TEXT
    return link


def _style_parents(*roots: ET.Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for root in roots:
        for style in root.iter(q("style:style")):
            name, parent = style.get(q("style:name")), style.get(q("style:parent-style-name"))
            if name and parent:
                out[name] = parent
    return out


def _base_style(name: str, parents: dict[str, str]) -> str:
    for _ in range(10):
        if name in _ODT_META_STYLES or name not in parents:
            break
        name = parents[name]
    return name


def _odt_put(parents: dict[ET.Element, ET.Element], el: ET.Element, marker: ET.Element) -> None:
    """Replace `el` by `marker`; inside a hyperlink the marker goes right after the (outermost) link instead,
    because pandoc reads no link inside a link and would drop it."""
    outer, link = None, _ancestor(el, parents, "text:a")
    while link is not None:
        outer, link = link, _ancestor(link, parents, "text:a")
    if outer is None or outer not in parents:
        _replace(parents[el], el, marker)
        return
    _remove(parents[el], el)
    host = parents[outer]
    siblings = list(host)
    at = siblings.index(outer)
    while at + 1 < len(siblings) and siblings[at + 1].get(q("xlink:href"), "").startswith(MARKER):
        at += 1  # after the markers already moved behind this link: their order stays
    before = siblings[at]
    marker.tail, before.tail = before.tail, None
    host.insert(at + 1, marker)


def _odt_keep_comments(body: ET.Element, paragraph: ET.Element) -> None:
    """Comments on a paragraph that becomes front matter move to an empty paragraph in its place: they are kept
    as comment lines, and their text does not run into the title."""
    parents = _parents(paragraph)
    notes = list(paragraph.iter(q("office:annotation")))
    if not notes:
        return
    holder = ET.Element(q("text:p"))
    for note in notes:
        _remove(parents[note], note)
        note.tail = None
        holder.append(note)
    body.insert(list(body).index(paragraph), holder)


def _odt_title_block(body: ET.Element, styles: dict[str, str], src: Source) -> None:
    """Leading Title/Subtitle/Author/Date paragraphs are front matter, not text."""
    for el in list(body):
        if el.tag in (q("text:sequence-decls"), q("text:variable-decls"), q("office:forms"),
                      q("text:tracked-changes"), q("text:user-field-decls")):
            continue
        if el.tag != q("text:p"):
            return
        role = _ODT_META_STYLES.get(_base_style(el.get(q("text:style-name"), ""), styles))
        if role is None:
            if _text(el):
                return
            continue
        _odt_keep_comments(body, el)
        content = _text(el)
        if role == "author":
            src.authors.append(content)
        elif role == "date":
            src.date_text = content
        else:
            setattr(src, role, content)
        _remove(body, el)


def _odt_changes(root: ET.Element, src: Source) -> None:
    regions = root.find(".//" + q("text:tracked-changes"))
    if regions is None:
        return
    deleted: dict[str, str] = {}
    for region in regions.findall(q("text:changed-region")):
        cid = region.get(q("text:id")) or region.get(q("xml:id")) or ""
        deletion = region.find(q("text:deletion"))
        if deletion is not None:
            deleted[cid] = " ".join(_text(el) for el in deletion if el.tag != q("office:change-info"))
        elif region.find(q("text:insertion")) is not None:
            src.insertions += 1
        elif region.find(q("text:format-change")) is not None:
            src.format_changes += 1
    parents = _parents(root)
    for mark in list(root.iter(q("text:change"))):
        cid = mark.get(q("text:change-id"), "")
        if cid in deleted:
            n = len(src.deletions) + 1
            src.deletions[n] = deleted[cid]
            _odt_put(parents, mark, _o_marker("loeschung", n))
    parents[regions].remove(regions)


def _odt_comments(root: ET.Element, src: Source) -> None:
    parents = _parents(root)
    for note in list(root.iter(q("office:annotation"))):
        n = len(src.comments) + 1
        author = _text(note.find(q("dc:creator")))
        paragraphs = [_text(p) for p in note.iter(q("text:p"))]
        src.comments[n] = Comment(author, "\n".join(p for p in paragraphs if p))
        _odt_put(parents, note, _o_marker("kommentar", n))
    for end in list(root.iter(q("office:annotation-end"))):
        _remove(parents[end], end)


def _odt_object_kind(archive: zipfile.ZipFile, frame: ET.Element) -> str | None:
    obj = frame.find(q("draw:object"))
    if frame.find(q("draw:object-ole")) is not None:
        return M.IMPORT_OBJECT_GENERIC
    if obj is None:
        return None
    href = obj.get(q("xlink:href"), "").removeprefix("./").rstrip("/")
    try:
        content = archive.read(f"{href}/content.xml").decode("utf-8", "replace")
    except KeyError:
        return M.IMPORT_OBJECT_GENERIC
    if "<office:chart" in content:
        return M.IMPORT_OBJECT_CHART
    if NS["math"] in content:
        return M.IMPORT_OBJECT_FORMULA
    return M.IMPORT_OBJECT_GENERIC


_ODT_SHAPES = ("draw:custom-shape", "draw:rect", "draw:ellipse", "draw:circle", "draw:polygon", "draw:polyline",
               "draw:path", "draw:line", "draw:connector", "draw:caption", "draw:measure", "draw:g")


def _odt_lift(root: ET.Element, holder: ET.Element, blocks: list[ET.Element], mark: int | None) -> None:
    """Replace a frame or shape by its paragraphs, placed after the paragraph that anchors it."""
    if mark is not None:
        for p in blocks:
            if p.tag in (q("text:p"), q("text:h")):
                marker = _o_marker("textfeld", mark)
                marker.tail, p.text = p.text, None
                p.insert(0, marker)
    parents = _parents(root)
    host = _ancestor(holder, parents, "text:p", "text:h")
    if host is None or host not in parents:  # anchored to the page: the paragraphs take its place
        outer, index = parents[holder], list(parents[holder]).index(holder) - 1
    else:
        outer, index = parents[host], list(parents[host]).index(host)
    _remove(parents[holder], holder)
    for offset, p in enumerate(blocks):
        p.tail = None
        outer.insert(index + 1 + offset, p)


def _outermost(root: ET.Element, match: Callable[[ET.Element], bool], *inside: str) -> ET.Element | None:
    """The first element matching `match` that is not inside one of the `inside` elements."""
    parents = _parents(root)
    return next((el for el in root.iter() if match(el) and _ancestor(el, parents, *inside) is None), None)


def _odt_frames(root: ET.Element, archive: zipfile.ZipFile, src: Source) -> None:
    """Objects become markers; text boxes and shapes with text move behind their anchor paragraph;
    images get numbered so that their descriptions can be found again."""
    parents = _parents(root)
    for frame in list(root.iter(q("draw:frame"))):
        kind = _odt_object_kind(archive, frame)
        if kind is not None and frame in parents:
            n = len(src.objects) + 1
            src.objects[n] = kind
            _replace(parents[frame], frame, _o_marker("objekt", n))
    shapes = {q(s) for s in _ODT_SHAPES}
    while (shape := _outermost(root, lambda el: el.tag in shapes, *_ODT_SHAPES)) is not None:
        paragraphs = [p for p in shape.iter() if p.tag in (q("text:p"), q("text:h")) and _text(p)]
        if paragraphs:
            n = len(src.textboxes) + 1
            src.textboxes[n] = _text(shape)
            _odt_lift(root, shape, paragraphs, n)
        else:
            n = len(src.objects) + 1
            src.objects[n] = M.IMPORT_OBJECT_SHAPE
            _replace(_parents(root)[shape], shape, _o_marker("objekt", n))

    def text_frame(el: ET.Element) -> bool:
        return el.tag == q("draw:frame") and el.find(q("draw:text-box")) is not None

    while (boxed := _outermost(root, text_frame, "draw:text-box")) is not None:
        box = boxed.find(q("draw:text-box"))
        assert box is not None
        mark = None
        if box.find(".//" + q("draw:image")) is None:  # a real text box, not a captioned image
            mark = len(src.textboxes) + 1
            src.textboxes[mark] = _text(box)
        _odt_lift(root, boxed, list(box), mark)
    for frame in root.iter(q("draw:frame")):
        if frame.find(q("draw:image")) is None:
            continue
        n = len(src.image_alts) + 1
        desc, title = frame.find(q("svg:desc")), frame.find(q("svg:title"))
        src.image_alts[n] = _text(desc) or _text(title)
        for old in (desc, title):
            if old is not None:
                frame.remove(old)
        ET.SubElement(frame, q("svg:title")).text = f"{MARKER[1:]}bild-{n}"


_ODT_ALIGN = {"center": "AlignCenter", "end": "AlignRight", "right": "AlignRight"}  # fo:text-align → pandoc


def _text_aligns(*roots: ET.Element) -> dict[str, str]:
    """Paragraph style → its text alignment (fo:text-align, own or from the styles it is based on)."""
    own: dict[str, str] = {}
    for root in roots:
        for style in root.iter(q("style:style")):
            props = style.find(q("style:paragraph-properties"))
            value = props.get(q("fo:text-align")) if props is not None else None
            if value:
                own[style.get(q("style:name"), "")] = value
    parents = _style_parents(*roots)
    out: dict[str, str] = {}
    for name in {*own, *parents}:
        here: str | None = name
        for _ in range(10):
            if here is None or here in own:
                break
            here = parents.get(here)
        if here is not None and here in own:
            out[name] = own[here]
    return out


def _odt_rows(holder: ET.Element, *, header: bool) -> list[ET.Element]:
    """The table's rows (the header rows only if `header`), also inside row groups; not those of tables in it."""
    groups = (q("table:table-rows"), q("table:table-row-group"), *([q("table:table-header-rows")] if header else []))
    rows: list[ET.Element] = []
    for el in holder:
        if el.tag == q("table:table-row"):
            rows.append(el)
        elif el.tag in groups:
            rows += _odt_rows(el, header=header)
    return rows


def _odt_tables(root: ET.Element, aligns: dict[str, str], src: Source) -> None:
    """pandoc's ODT reader knows no column alignment: a column whose body cells are all centred or all right-aligned
    (their paragraphs' style) gets that alignment; a marker in the table's first paragraph says which table it is."""
    for tab in list(root.iter(q("table:table"))):
        found: dict[int, set[str]] = {}
        for row in _odt_rows(tab, header=False):
            col = 0
            for cell in row:
                if cell.tag not in (q("table:table-cell"), q("table:covered-table-cell")):
                    continue
                paragraphs = [p for p in cell if p.tag in (q("text:p"), q("text:h")) and _text(p)]
                if cell.tag == q("table:table-cell") and paragraphs:
                    found.setdefault(col, set()).update(
                        _ODT_ALIGN.get(aligns.get(p.get(q("text:style-name"), ""), ""), "AlignDefault")
                        for p in paragraphs)
                col += int(cell.get(q("table:number-columns-repeated"), "1") or 1)
        columns = [next(iter(v)) if len(v := found.get(c, set())) == 1 else "AlignDefault"
                   for c in range(max(found, default=-1) + 1)]
        first = next((p for row in _odt_rows(tab, header=True)[:1] for cell in row for p in cell
                      if p.tag in (q("text:p"), q("text:h"))), None)
        if first is None or all(a == "AlignDefault" for a in columns):
            continue
        n = len(src.table_aligns) + 1
        src.table_aligns[n] = columns
        marker = _o_marker("tabelle", n)
        marker.tail, first.text = first.text, None
        first.insert(0, marker)


def _prepare_odt(archive: zipfile.ZipFile) -> Source:
    src = Source("odt", b"")
    names = set(archive.namelist())
    styles_root = _parse(archive.read("styles.xml")) if "styles.xml" in names else ET.Element("none")
    if "meta.xml" in names:
        meta = _parse(archive.read("meta.xml"))
        src.core_title = _text(meta.find(".//" + q("dc:title")))
        creator = _text(meta.find(".//" + q("meta:initial-creator"))) or _text(meta.find(".//" + q("dc:creator")))
        src.core_authors = [a.strip() for a in creator.split(";") if a.strip()]
        src.keywords = [_text(k) for k in meta.iter(q("meta:keyword")) if _text(k)]
        src.created = _date(_text(meta.find(".//" + q("meta:creation-date"))))
        src.modified = _date(_text(meta.find(".//" + q("dc:date"))))
    xml = archive.read("content.xml")
    root = _parse(xml)
    body = root.find(f"{q('office:body')}/{q('office:text')}")
    if body is None:
        raise KeyError("office:text")
    _odt_title_block(body, _style_parents(root, styles_root), src)
    _odt_changes(root, src)
    _odt_comments(root, src)
    _odt_frames(root, archive, src)
    _odt_tables(root, _text_aligns(root, styles_root), src)
    for part in (styles_root.iter(q("style:header")), styles_root.iter(q("style:footer"))):
        for el in part:
            content = _text(el)
            if re.sub(r"[\d\s\W]", "", content):
                src.header_footer.append(content)
    src.data = _rewrite(archive, {"content.xml": _serialize(root, _prefixes(xml))})
    return src
