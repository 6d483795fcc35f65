"""docutils → Typst markup: one visit/depart pair per node kind.

The translator renders a contribution's (or the editorial's) body; the page furniture (title
block, card data, running heads) comes from the template, fed by the model. Text is escaped by
`escape.markup`; nested structures collect their parts on a buffer stack.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from .. import glyphs
from .. import messages as M
from ..sphinx_ext import findings, marks, state
from ..sphinx_ext.numbering import caption_number, number_of
from . import escape

logger = logging.getLogger(__name__)

SKIP_CLASSES = marks.NOT_IN_PRINT
ADMONITIONS = ("note", "tip", "important", "warning", "hint", "attention", "caution", "danger", "error", "seealso")
ALIGN = {"text-left": "left", "text-right": "right", "text-center": "center"}  # MyST's column alignment classes
WIDE_ASPECT = 1.15  # figures wider than this (width/height) span both columns, so their text stays legible


@dataclass
class Context:
    """What the translator needs to know about the document it renders."""

    docname: str
    prefix: str  # label prefix of this document, unique within the issue
    images: dict[str, str] = field(default_factory=dict)  # srcdir-relative image path → path used in Typst
    labels_of: Callable[[str, str], str | None] = lambda doc, anchor: None  # in-issue label for a doc link
    page_ref: Callable[[str], str | None] = lambda doc: None  # label of a contribution for "siehe S. …"
    external_url: Callable[[str, str], str] = lambda doc, anchor: ""
    aspect: Callable[[str], float] = lambda path: 1.0


class TypstTranslator(nodes.NodeVisitor):
    def __init__(self, document: nodes.document, ctx: Context) -> None:
        super().__init__(document)
        self.ctx = ctx
        self.stack: list[list[str]] = [[]]
        self.section_level = 0
        self.footnotes: dict[str, nodes.footnote] = {
            i: fn for fn in document.findall(nodes.footnote) for i in fn["ids"]}
        self.footnote_labels: set[str] = set()
        self.lists: list[list[str]] = []
        self.rows: list[list[str]] = []
        self.table_rows: list[tuple[bool, list[str]]] = []
        self.table_align: list[str | None] = []
        self.in_head = False
        self.missing_glyphs: set[str] = set()  # reported once per document
        # Typst allows one label per element: every id of a node is written as its first id
        self.primary: dict[str, str] = {
            i: n["ids"][0] for n in document.findall(nodes.Element) if len(n.get("ids", [])) > 1 for i in n["ids"]}

    # -- buffer helpers --------------------------------------------------------------
    def add(self, text: str) -> None:
        self.stack[-1].append(text)

    def push(self) -> None:
        self.stack.append([])

    def pop(self) -> str:
        return "".join(self.stack.pop())

    def astext(self) -> str:
        text = "".join(self.stack[0])
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        return text.strip() + "\n"

    def label(self, node: nodes.Element) -> str:
        ids: list[str] = node.get("ids", [])
        return " " + escape.label(self.ctx.prefix, ids[0]) if ids else ""

    def ref_label(self, refid: str) -> str:
        return escape.label(self.ctx.prefix, self.primary.get(refid, refid))

    def children(self, node: nodes.Element) -> str:
        """The Typst markup of a node's children (the node itself is not visited)."""
        self.push()
        for child in node.children:
            child.walkabout(self)
        return self.pop().strip()

    def text(self, text: str, node: nodes.Node) -> str:
        """`text` as the fonts can set it: a character none of them has is replaced, and reported (at `node`)
        unless `check` reports it at its line already (it reads every contribution's file)."""
        missing = glyphs.uncovered(text)
        for ch in missing:
            if ch not in self.missing_glyphs and not state.is_contribution(self.ctx.docname):
                self.missing_glyphs.add(ch)
                findings.report("glyph", node, ch, glyphs.describe(ch))
        return glyphs.settable(text, missing) if missing else text

    def skip(self, node: nodes.Element) -> bool:
        return bool(SKIP_CLASSES & set(node.get("classes", [])))

    # -- structure ---------------------------------------------------------------------
    def visit_document(self, node: nodes.document) -> None:
        pass

    def depart_document(self, node: nodes.document) -> None:
        pass

    def visit_section(self, node: nodes.section) -> None:
        if self.skip(node):
            raise nodes.SkipNode
        if marks.LITERATURE in node["classes"]:
            entries = [self.text(n.astext(), n) for n in node.findall(nodes.paragraph)]
            self.add(f"\n#literatur({escape.strings(entries)})\n\n")
            raise nodes.SkipNode
        self.section_level += 1

    def depart_section(self, node: nodes.section) -> None:
        self.section_level -= 1

    def visit_title(self, node: nodes.title) -> None:
        if isinstance(node.parent, nodes.section) and self.section_level == 1:
            raise nodes.SkipNode  # the contribution's title is set by the template
        if isinstance(node.parent, nodes.table):
            raise nodes.SkipNode  # the caption of the table's figure
        if isinstance(node.parent, nodes.Admonition | nodes.topic | nodes.sidebar):
            raise nodes.SkipNode  # handled by the admonition
        self.push()

    def depart_title(self, node: nodes.title) -> None:
        text = self.pop()
        level = min(self.section_level, 4)
        self.add(f"\n{'=' * level} {text}{self.label(node.parent)}\n\n")

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        if self.skip(node):
            raise nodes.SkipNode

    def depart_paragraph(self, node: nodes.paragraph) -> None:
        self.add("\n\n")

    def visit_compound(self, node: nodes.compound) -> None:
        pass

    def depart_compound(self, node: nodes.compound) -> None:
        pass

    def visit_container(self, node: nodes.container) -> None:
        if self.skip(node):
            raise nodes.SkipNode

    def depart_container(self, node: nodes.container) -> None:
        pass

    def visit_caption_number(self, node: caption_number) -> None:
        raise nodes.SkipNode  # Typst numbers the figure itself, with the number given in `numbering`

    def visit_rubric(self, node: nodes.rubric) -> None:
        if self.skip(node) or marks.NOTES in node["classes"]:
            raise nodes.SkipNode
        self.push()

    def depart_rubric(self, node: nodes.rubric) -> None:
        self.add(f"\n#rubrik[{self.pop()}]\n\n")

    def visit_transition(self, node: nodes.transition) -> None:
        self.add("\n#trenner()\n\n")
        raise nodes.SkipNode

    def visit_target(self, node: nodes.target) -> None:
        raise nodes.SkipNode

    def visit_comment(self, node: nodes.comment) -> None:
        raise nodes.SkipNode

    def visit_raw(self, node: nodes.raw) -> None:
        if node.get("format") == "html" and node.astext().strip() == "<br />":
            self.add(" \\\n")  # MyST's hard line break; any other raw content never reaches a PDF
        raise nodes.SkipNode

    def visit_system_message(self, node: nodes.system_message) -> None:
        raise nodes.SkipNode

    def visit_substitution_definition(self, node: nodes.Node) -> None:
        raise nodes.SkipNode

    def visit_footnote(self, node: nodes.footnote) -> None:
        raise nodes.SkipNode  # rendered where it is referenced

    # -- inline ------------------------------------------------------------------------
    def visit_Text(self, node: nodes.Text) -> None:  # noqa: N802 (docutils naming)
        self.add(escape.markup(self.text(node.astext(), node.parent or self.document)))

    def depart_Text(self, node: nodes.Text) -> None:  # noqa: N802
        pass

    def visit_emphasis(self, node: nodes.emphasis) -> None:
        self.push()

    def depart_emphasis(self, node: nodes.emphasis) -> None:
        self.add(f"#emph[{self.pop()}]")

    def visit_strong(self, node: nodes.strong) -> None:
        self.push()

    def depart_strong(self, node: nodes.strong) -> None:
        self.add(f"#strong[{self.pop()}]")

    def visit_subscript(self, node: nodes.subscript) -> None:
        self.push()

    def depart_subscript(self, node: nodes.subscript) -> None:
        self.add(f"#sub[{self.pop()}]")

    def visit_superscript(self, node: nodes.superscript) -> None:
        self.push()

    def depart_superscript(self, node: nodes.superscript) -> None:
        self.add(f"#super[{self.pop()}]")

    def visit_literal(self, node: nodes.literal) -> None:
        self.add(f"#raw({escape.string(self.text(node.astext(), node))})")
        raise nodes.SkipNode

    def visit_inline(self, node: nodes.inline) -> None:
        if self.skip(node):
            raise nodes.SkipNode
        if marks.CITE in node["classes"]:
            self.add(escape.markup(self.text(node.astext(), node)))  # citations are plain text in print
            raise nodes.SkipNode

    def depart_inline(self, node: nodes.inline) -> None:
        pass

    def visit_abbreviation(self, node: nodes.Element) -> None:
        pass

    def depart_abbreviation(self, node: nodes.Element) -> None:
        pass

    def visit_title_reference(self, node: nodes.title_reference) -> None:
        self.push()

    def depart_title_reference(self, node: nodes.title_reference) -> None:
        self.add(f"#emph[{self.pop()}]")

    def visit_problematic(self, node: nodes.problematic) -> None:
        self.add(escape.markup(self.text(node.astext(), node)))
        raise nodes.SkipNode

    def visit_reference(self, node: nodes.reference) -> None:
        self.push()

    def depart_reference(self, node: nodes.reference) -> None:
        text = self.pop()
        uri: str = node.get("refuri", "")
        if "refid" in node:
            self.add(f"#link({self.ref_label(node['refid'])})[{text}]")
        elif uri.startswith("doc:"):
            doc, _, anchor = uri[4:].partition("#")
            target = self.ctx.labels_of(doc, anchor)
            if target is not None:
                self.add(f"#link({target})[{text}]")
                page = self.ctx.page_ref(doc)
                if page is not None and doc != self.ctx.docname:
                    self.add(f" (#seitenverweis({page}))")
            else:
                url = self.ctx.external_url(doc, anchor)
                self.add(f"#link({escape.string(url)})[{text}]" if url else text)
        elif uri.startswith(("http://", "https://", "mailto:")):
            self.add(f"#link({escape.string(uri)})[{text}]")
        else:
            self.add(text)

    visit_number_reference = visit_reference  # {numref}: the text („Abb. 2“) comes resolved from Sphinx
    depart_number_reference = depart_reference

    def visit_footnote_reference(self, node: nodes.footnote_reference) -> None:
        ref = node.get("refid", "")
        footnote = self.footnotes.get(ref)
        if footnote is None:
            raise nodes.SkipNode
        name = escape.label(self.ctx.prefix, "fn", ref)
        if ref in self.footnote_labels:
            self.add(f"#footnote({name})")
            raise nodes.SkipNode
        self.footnote_labels.add(ref)
        self.push()
        for child in footnote.children:
            if not isinstance(child, nodes.label):
                child.walkabout(self)
        body = self.pop().strip()
        self.add(f"#footnote[{body}] {name}")
        raise nodes.SkipNode

    # -- lists -------------------------------------------------------------------------
    def visit_bullet_list(self, node: nodes.bullet_list) -> None:
        self.lists.append([])

    def depart_bullet_list(self, node: nodes.bullet_list) -> None:
        items = self.lists.pop()
        self.add("\n#list(" + ", ".join(f"[{i}]" for i in items) + ")\n\n")

    def visit_enumerated_list(self, node: nodes.enumerated_list) -> None:
        self.lists.append([])

    def depart_enumerated_list(self, node: nodes.enumerated_list) -> None:
        items = self.lists.pop()
        start = node.get("start", 1)
        self.add(f"\n#enum(start: {start}, " + ", ".join(f"[{i}]" for i in items) + ")\n\n")

    def visit_list_item(self, node: nodes.list_item) -> None:
        self.push()

    def depart_list_item(self, node: nodes.list_item) -> None:
        self.lists[-1].append(self.pop().strip())

    def visit_definition_list(self, node: nodes.definition_list) -> None:
        self.push()

    def depart_definition_list(self, node: nodes.definition_list) -> None:
        self.add(f"\n#terms({self.pop().rstrip(', ')})\n\n")

    def visit_definition_list_item(self, node: nodes.definition_list_item) -> None:
        pass

    def depart_definition_list_item(self, node: nodes.definition_list_item) -> None:
        pass

    def visit_term(self, node: nodes.term) -> None:
        self.push()

    def depart_term(self, node: nodes.term) -> None:
        self.add(f"terms.item([{self.pop()}], ")

    def visit_definition(self, node: nodes.definition) -> None:
        self.push()

    def depart_definition(self, node: nodes.definition) -> None:
        self.add(f"[{self.pop().strip()}]), ")

    def visit_field_list(self, node: nodes.field_list) -> None:
        raise nodes.SkipNode  # only used by the metadata card, which the template renders

    # -- blocks ------------------------------------------------------------------------
    def visit_literal_block(self, node: nodes.literal_block) -> None:
        self.add(f"\n#raw(block: true, {escape.string(self.text(node.astext(), node))})\n\n")
        raise nodes.SkipNode

    def visit_block_quote(self, node: nodes.block_quote) -> None:
        attribution = next((c for c in node.children if isinstance(c, nodes.attribution)), None)
        self.push()
        for child in node.children:
            if child is not attribution:
                child.walkabout(self)
        body = self.pop().strip()
        by = f", attribution: [{self.children(attribution)}]" if attribution is not None else ""
        self.add(f"\n#quote(block: true{by})[{body}]\n\n")
        raise nodes.SkipNode

    def visit_line_block(self, node: nodes.line_block) -> None:
        pass

    def depart_line_block(self, node: nodes.line_block) -> None:
        self.add("\n\n")

    def visit_line(self, node: nodes.line) -> None:
        pass

    def depart_line(self, node: nodes.line) -> None:
        self.add(" \\\n")

    def _admonition(self, node: nodes.Element, kind: str) -> None:
        title = M.ADMONITION_TITLES.get(kind, M.ADMONITION_TITLES["note"])
        first = node.children[0] if node.children else None
        if isinstance(first, nodes.title):
            title = self.text(first.astext(), first)
        self.push()
        for child in node.children:
            if not isinstance(child, nodes.title):
                child.walkabout(self)
        body = self.pop().strip()
        self.add(f"\n#hinweis(art: {escape.string(kind)}, titel: {escape.string(title)})[{body}]\n\n")
        raise nodes.SkipNode

    def visit_admonition(self, node: nodes.admonition) -> None:
        self._admonition(node, "note")

    def visit_topic(self, node: nodes.topic) -> None:
        self._admonition(node, "note")

    def visit_sidebar(self, node: nodes.sidebar) -> None:
        self._admonition(node, "note")

    def visit_seealso(self, node: addnodes.seealso) -> None:
        self._admonition(node, "seealso")

    # -- figures and images ----------------------------------------------------------------
    def _image(self, node: nodes.image, width: str = "100%") -> str:
        uri: str = node["uri"]
        width = author_width(node) or width
        path = self.ctx.images.get(posixpath.normpath(uri), uri)
        alt = node.get("alt", "")
        return f"image({escape.string(path)}, alt: {escape.string(alt)}, width: {width})"

    def visit_figure(self, node: nodes.figure) -> None:
        images = list(node.findall(nodes.image))
        if not images:
            raise nodes.SkipNode
        image = images[0]
        caption = next(iter(node.findall(nodes.caption)), None)
        text = self.children(caption) if caption is not None else ""
        legend = next(iter(node.findall(nodes.legend)), None)  # paragraphs after the caption
        if legend is not None:
            text = f"{text}\n\n{self.children(legend)}".strip()
        wide = spans_columns(image, self.ctx.aspect(posixpath.normpath(image["uri"])))
        placement = ", placement: top, scope: \"parent\"" if wide else ""
        cap = f", caption: [{text}]" if text else ""
        self.add(f"\n#figure({self._image(image)}{cap}{self.numbering(node)}{placement}){self.label(node)}\n\n")
        raise nodes.SkipNode

    @staticmethod
    def numbering(node: nodes.Element) -> str:
        """The project's number of a figure or table (the same in every format), never Typst's own count."""
        found = number_of(node)
        return f", numbering: _ => {escape.string(str(found[1]))}" if found else ", numbering: none"

    def visit_image(self, node: nodes.image) -> None:
        if self.skip(node):
            raise nodes.SkipNode
        self.add(f"\n#{self._image(node)}\n\n")
        raise nodes.SkipNode

    # -- tables ------------------------------------------------------------------------
    def visit_table(self, node: nodes.table) -> None:
        self.table_rows = []
        self.colwidths: list[int] = [int(c.get("colwidth", 1)) for c in node.findall(nodes.colspec)]
        self.table_align = [None] * len(self.colwidths)
        for row in node.findall(nodes.row):
            for i, entry in enumerate(e for e in row.children if isinstance(e, nodes.entry)):
                classes: list[str] = entry.get("classes", [])
                found = next((ALIGN[c] for c in classes if c in ALIGN), None)
                if found and i < len(self.table_align):
                    self.table_align[i] = self.table_align[i] or found

    def depart_table(self, node: nodes.table) -> None:
        cols = "(" + ", ".join(f"{w}fr" for w in self.colwidths) + ",)" if self.colwidths else "1"
        parts = [f"columns: {cols}"]
        if any(self.table_align):
            parts.append("align: (" + ", ".join(f"{a or 'left'} + top" for a in self.table_align) + ",)")
        head = [cells for is_head, cells in self.table_rows if is_head]
        body = [cells for is_head, cells in self.table_rows if not is_head]
        for cells in head:
            parts.append("table.header(" + ", ".join(f"[{c}]" for c in cells) + ")")
        for cells in body:
            parts += [f"[{c}]" for c in cells]
        title = next((c for c in node.children if isinstance(c, nodes.title)), None)
        table = "table(\n  " + ",\n  ".join(parts) + ",\n)"
        if title is not None:
            caption = self.children(title)
            self.add(f"\n#figure(kind: table, caption: [{caption}]{self.numbering(node)}, {table}){self.label(node)}"
                     "\n\n")
        else:
            self.add(f"\n#{table}{self.label(node)}\n\n")

    def visit_tgroup(self, node: nodes.tgroup) -> None:
        pass

    def depart_tgroup(self, node: nodes.tgroup) -> None:
        pass

    def visit_colspec(self, node: nodes.colspec) -> None:
        raise nodes.SkipNode

    def visit_thead(self, node: nodes.thead) -> None:
        self.in_head = True

    def depart_thead(self, node: nodes.thead) -> None:
        self.in_head = False

    def visit_tbody(self, node: nodes.tbody) -> None:
        pass

    def depart_tbody(self, node: nodes.tbody) -> None:
        pass

    def visit_row(self, node: nodes.row) -> None:
        self.rows.append([])

    def depart_row(self, node: nodes.row) -> None:
        self.table_rows.append((self.in_head, self.rows.pop()))

    def visit_entry(self, node: nodes.entry) -> None:
        self.push()

    def depart_entry(self, node: nodes.entry) -> None:
        self.rows[-1].append(self.pop().strip())

    # -- everything else -----------------------------------------------------------------
    def unknown_visit(self, node: nodes.Node) -> None:
        name = node.__class__.__name__
        if isinstance(node, nodes.Admonition) and name in ADMONITIONS:
            self._admonition(node, name)  # type: ignore[arg-type]
        logger.warning(M.TEXT["unsupported"].format(name), type="koop", subtype="unsupported", location=node)
        raise nodes.SkipNode

    def unknown_departure(self, node: nodes.Node) -> None:
        pass


def author_width(node: nodes.image) -> str | None:
    """The author's `:width:` if it is in a unit Typst shares with docutils (else the image fills its column)."""
    given = str(node.get("width", "")).replace(" ", "")
    return given if re.fullmatch(r"\d+(?:\.\d+)?(?:%|cm|mm|in|pt|em)", given) else None


def spans_columns(image: nodes.image, aspect: float) -> bool:
    """A figure wider than WIDE_ASPECT spans both columns, so its text stays legible."""
    parent = image.parent
    while parent is not None and not isinstance(parent, nodes.figure):
        parent = parent.parent
    return parent is not None and aspect > WIDE_ASPECT


def image_aspect(path: Path) -> float:
    """Width/height of an SVG (viewBox or width/height) or a raster image; 1.0 if unknown."""
    try:
        if path.suffix.lower() == ".svg":
            head = path.read_text(encoding="utf-8", errors="replace")[:2000]
            m = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', head)
            if m and float(m.group(2)) > 0:
                return float(m.group(1)) / float(m.group(2))
            w = re.search(r'\swidth="([\d.]+)', head)
            h = re.search(r'\sheight="([\d.]+)', head)
            return float(w.group(1)) / float(h.group(1)) if w and h and float(h.group(1)) > 0 else 1.0
        from PIL import Image

        with Image.open(path) as im:
            width, height = im.size
            if im.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # EXIF orientation: shown turned by 90°
                width, height = height, width
            return width / height if height else 1.0
    except (OSError, ValueError, ImportError):
        return 1.0
