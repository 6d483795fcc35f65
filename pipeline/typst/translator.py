"""docutils → Typst markup: one visit/depart pair per node kind.

The translator renders a contribution's (or the editorial's) body; the page furniture (title
block, card data, running heads) comes from the template, fed by the model. Text is escaped by
`escape.markup`; nested structures collect their parts on a buffer stack.

Every element with ids that can be a reference target gets a Typst label (sections, figures and tables
on themselves, everything else as an invisible anchor); an internal link whose target is not set (not
printed, or only in the HTML) degrades to its text, so no link can point nowhere. While translating,
invisible marks carry each element's source line; `astext` removes them and keeps, per line of the
Typst body, the line of the Markdown source it came from (`source_lines`), so Typst errors are located.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from docutils.utils import get_source_line
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
# no anchor: labelled where they are rendered (sections, figures, tables, footnotes) or never a target
NOT_ANCHORED = (nodes.section, nodes.figure, nodes.table, nodes.footnote, nodes.footnote_reference,
                nodes.citation_reference, nodes.system_message, nodes.comment, nodes.substitution_definition,
                nodes.document, nodes.title)
ALIGN = {"text-left": "left", "text-right": "right", "text-center": "center"}  # MyST's column alignment classes
LINKED = (nodes.reference, nodes.footnote_reference)  # what is set as a link (a footnote mark links its note)
SUB_NOTE_MARKS = "abcdefghijklmnopqrstuvwxyz"
LINK_MARK = re.compile("\x00K(\\d+)\x00")
WIDE_ASPECT = 1.15  # drawings (SVG) wider than this span both columns, so their text stays legible
WIDE_PHOTO_ASPECT = 1.5  # photos (raster images) only when wider than 3:2: a 4:3 photo fits a column


@dataclass
class Context:
    """What the translator needs to know about the document it renders."""

    docname: str
    prefix: str  # label prefix of this document, unique within the issue
    images: dict[str, str] = field(default_factory=dict)  # srcdir-relative image path → path used in Typst
    labels_of: Callable[[str, str], str | None] = lambda doc, anchor: None  # in-issue label for a doc link
    external_url: Callable[[str, str], str] = lambda doc, anchor: ""
    aspect: Callable[[str], float] = lambda path: 1.0


@dataclass
class TableParts:
    """What a table collects while it is visited: column widths, alignments, rows (header row?, cells)."""
    widths: list[int]
    align: list[str | None]
    rows: list[tuple[bool, list[str]]] = field(default_factory=list)
    linked_head: bool = False  # a header row with a link or a footnote mark: not repeated (see `depart_table`)


class TypstTranslator(nodes.NodeVisitor):
    def __init__(self, document: nodes.document, ctx: Context) -> None:
        super().__init__(document)
        self.ctx = ctx
        self.stack: list[list[str]] = [[]]
        self.section_level = 0
        self.footnotes: dict[str, nodes.footnote] = {
            i: fn for fn in document.findall(nodes.footnote) for i in fn["ids"]}
        self.footnote_labels: set[str] = set()
        self.sub_notes: list[tuple[str, nodes.footnote]] | None = None  # notes in the footnote being set
        self.sub_letters: dict[str, str] = {}
        self.lists: list[list[str]] = []
        self.items: list[tuple[list[str], list[str]]] = []  # definition list items: (terms, definitions)
        self.rows: list[list[str]] = []
        self.tables: list[TableParts] = []  # the tables being set, innermost last (a table may hold one)
        self.missing_glyphs: set[str] = set()  # reported once per document
        # Typst allows one label per element: every id of a node is written as its first id
        self.primary: dict[str, str] = {
            i: n["ids"][0] for n in document.findall(nodes.Element) if len(n.get("ids", [])) > 1 for i in n["ids"]}
        self.defined: set[str] = set()  # Typst labels written so far
        top = next((c for c in document.children if isinstance(c, nodes.section)), None)
        self.top_ids: set[str] = set(top["ids"]) if top is not None else set()
        self.links: list[tuple[str, str]] = []  # internal links (label, text), resolved in `astext`
        self.repeated = 0  # > 0 inside content Typst repeats (table headers): no anchors there
        self.source = str(document.get("source", "") or "")
        self.source_lines: list[int] = []  # per line of `astext()`: the source line it came from (0: unknown)
        self.line = 0  # source line of the element being visited, not yet marked in the output

    # -- buffer helpers --------------------------------------------------------------
    def add(self, text: str) -> None:
        if self.line and text.strip():  # the source line goes with the next real content, after its newlines
            content = text.lstrip()
            text = text[: len(text) - len(content)] + escape.line_mark(self.line) + content
            self.line = 0
        self.stack[-1].append(text)

    def push(self) -> None:
        self.stack.append([])

    def pop(self) -> str:
        return "".join(self.stack.pop())

    def astext(self) -> str:
        text = LINK_MARK.sub(self._resolve_link, "".join(self.stack[0]))
        lines, self.source_lines = escape.source_lines(text)
        return "\n".join(lines) + "\n"

    def _resolve_link(self, m: re.Match[str]) -> str:
        target, text = self.links[int(m.group(1))]
        text = LINK_MARK.sub(self._resolve_link, text)
        return f"#link({target})[{text}]" if target in self.defined else text

    def label(self, node: nodes.Element) -> str:
        """The Typst label of `node` (its first id), directly after the element (a space would be set)."""
        ids: list[str] = node.get("ids", [])
        if not ids:
            return ""
        found = escape.label(self.ctx.prefix, ids[0])
        self.defined.add(found)
        return found

    def ref_label(self, refid: str) -> str:
        if refid in self.top_ids:  # the contribution's title, set by the template with its own label
            found = self.ctx.labels_of(self.ctx.docname, "")
            if found is not None:
                self.defined.add(found)
                return found
        return escape.label(self.ctx.prefix, self.primary.get(refid, refid))

    def link(self, target: str, text: str) -> None:
        """An internal link; set as plain text if its target is never written (see `astext`)."""
        self.links.append((target, text))
        self.add(f"\x00K{len(self.links) - 1}\x00")

    def dispatch_visit(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Element):
            _, line = get_source_line(node)
            if line and (node.get("source") or self.source) == self.source:
                self.line = line
            if node.get("ids") and not isinstance(node, NOT_ANCHORED) and not self.repeated and not self.skip(node):
                found = escape.label(self.ctx.prefix, node["ids"][0])
                if found not in self.defined:
                    self.defined.add(found)
                    self.add(f"#metadata(none){found}")  # an invisible anchor links can point to
        super().dispatch_visit(node)

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
        new = [ch for ch in missing if ch not in self.missing_glyphs]
        if new and not state.is_contribution(self.ctx.docname):
            self.missing_glyphs.update(new)
            for group in glyphs.by_script(new):
                findings.report("glyph", node, *glyphs.message_args(group))
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
        # the function form: the heading's label follows the heading, not a footnote's label at its end
        self.add(f"\n#heading(level: {level})[{text}]{self.label(node.parent)}\n\n")

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
            self.link(self.ref_label(node["refid"]), text)
        elif uri.startswith("doc:"):
            doc, _, anchor = uri[4:].partition("#")
            target = self.ctx.labels_of(doc, anchor)
            if target is not None and doc != self.ctx.docname:  # „(siehe S. n)“, and the handbook where not set
                self.add(f"#fallverweis({target}, {escape.string(self.ctx.external_url(doc, anchor))})[{text}]")
            elif target is not None:
                self.add(f"#link({target})[{text}]")
            else:
                url = self.ctx.external_url(doc, anchor)
                self.add(f"#link({escape.string(url)})[{text}]" if url else text)
        elif uri.startswith(("http://", "https://", "mailto:")):
            self.add(f"#link({escape.string(uri)})[{text}]")
        else:
            self.add(text)

    visit_number_reference = visit_reference  # {numref}: the text („Abb. 2“) comes resolved from Sphinx
    depart_number_reference = depart_reference

    # A footnote whose mark sits in another footnote is set at the end of that footnote, marked a, b, …:
    # Typst loses a footnote whose mark is in a footnote entry that breaks across columns or pages.
    def visit_footnote_reference(self, node: nodes.footnote_reference) -> None:
        ref = node.get("refid", "")
        footnote = self.footnotes.get(ref)
        if footnote is None:
            raise nodes.SkipNode
        name = escape.label(self.ctx.prefix, "fn", ref)
        if ref in self.footnote_labels:
            self.add(f"#footnote({name})")
            raise nodes.SkipNode
        if self.sub_notes is not None:  # inside a footnote being set
            letter = self.sub_letters.get(ref)
            if letter is None:
                letter = self.sub_letters[ref] = SUB_NOTE_MARKS[len(self.sub_notes) % len(SUB_NOTE_MARKS)]
                self.sub_notes.append((letter, footnote))
            self.add(f"#super[{letter}]")
            raise nodes.SkipNode
        self.footnote_labels.add(ref)
        self.defined.add(name)
        self.sub_notes, self.sub_letters = [], {}
        body = self.footnote_body(footnote)
        for letter, sub in self.sub_notes:  # grows while its notes are set (notes in notes)
            body += f"\n\n#super[{letter}] {self.footnote_body(sub)}"
        self.sub_notes = None
        self.add(f"#footnote[{body}]{name}")
        raise nodes.SkipNode

    def footnote_body(self, footnote: nodes.footnote) -> str:
        self.push()
        for child in footnote.children:
            if not isinstance(child, nodes.label):
                child.walkabout(self)
        return self.pop().strip()

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

    # A definition list item has one or more terms (glossaries), classifiers and one or more definitions
    # (MyST: several `:` lines); Typst's term item takes one term and one description.
    def visit_definition_list(self, node: nodes.definition_list) -> None:
        self.lists.append([])

    def depart_definition_list(self, node: nodes.definition_list) -> None:
        items = self.lists.pop()
        if items:
            self.add("\n#terms(" + ", ".join(items) + ")\n\n")

    def visit_definition_list_item(self, node: nodes.definition_list_item) -> None:
        self.items.append(([], []))

    def depart_definition_list_item(self, node: nodes.definition_list_item) -> None:
        terms, definitions = self.items.pop()
        term = " \\ ".join(terms)
        body = "\n\n".join(d for d in definitions if d)
        self.lists[-1].append(f"terms.item([{term}], [{body}])")

    def visit_term(self, node: nodes.term) -> None:
        self.push()

    def depart_term(self, node: nodes.term) -> None:
        self.items[-1][0].append(self.pop().strip())

    def visit_classifier(self, node: nodes.classifier) -> None:
        self.push()

    def depart_classifier(self, node: nodes.classifier) -> None:
        terms = self.items[-1][0]
        if terms:
            terms[-1] += f" : #emph[{self.pop().strip()}]"
        else:
            self.pop()

    def visit_definition(self, node: nodes.definition) -> None:
        self.push()

    def depart_definition(self, node: nodes.definition) -> None:
        self.items[-1][1].append(self.pop().strip())

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
        title = escape.string(M.ADMONITION_TITLES.get(kind, M.ADMONITION_TITLES["note"]))
        first = node.children[0] if node.children else None
        if isinstance(first, nodes.title):  # the author's words: as written, not in capitals
            title = f"[{self.children(first)}], versal: false"
        self.push()
        for child in node.children:
            if not isinstance(child, nodes.title):
                child.walkabout(self)
        body = self.pop().strip()
        self.add(f"\n#hinweis(art: {escape.string(kind)}, titel: {title})[{body}]\n\n")
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
        placement = ", placement: auto, scope: \"parent\"" if wide else ""
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
        own = [g for g in node.children if isinstance(g, nodes.tgroup)][:1]  # not a table in one of its cells
        widths = [int(c.get("colwidth", 1)) for g in own for c in g.children if isinstance(c, nodes.colspec)]
        table = TableParts(widths, [None] * len(widths))
        for row in (r for g in own for part in g.children if isinstance(part, (nodes.thead, nodes.tbody))
                    for r in part.children if isinstance(r, nodes.row)):
            for i, entry in enumerate(e for e in row.children if isinstance(e, nodes.entry)):
                classes: list[str] = entry.get("classes", [])
                found = next((ALIGN[c] for c in classes if c in ALIGN), None)
                if found and i < len(table.align):
                    table.align[i] = table.align[i] or found
        table.linked_head = any(next(head.findall(lambda n: isinstance(n, LINKED)), None) is not None
                                for g in own for head in g.children if isinstance(head, nodes.thead))
        self.tables.append(table)

    def depart_table(self, node: nodes.table) -> None:
        """`tabelle(…)` of the template: it sets the rows and keeps the first and the last two together."""
        def row(cells: list[str]) -> str:
            return "(" + "".join(f"[{c}], " for c in cells) + ")"

        t = self.tables.pop()
        parts = ["spalten: (" + "".join(f"{w}fr, " for w in t.widths or [1]) + ")"]
        if any(t.align):
            parts.append("ausrichtung: (" + "".join(f"{a or 'left'} + top, " for a in t.align) + ")")
        head = [cells for is_head, cells in t.rows if is_head]
        if head:
            parts.append("kopf: (" + "".join(row(cells) + ", " for cells in head) + ")")
        if head and t.linked_head:  # Typst sets a repeated header row as an artifact, which holds no link (PDF/UA)
            parts.append("wiederholen: false")
        parts += [row(cells) for is_head, cells in t.rows if not is_head]
        title = next((c for c in node.children if isinstance(c, nodes.title)), None)
        table = "tabelle(\n  " + ",\n  ".join(parts) + ",\n)"
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
        self.repeated += 1  # Typst repeats header rows on every page the table continues on

    def depart_thead(self, node: nodes.thead) -> None:
        self.repeated -= 1

    def visit_tbody(self, node: nodes.tbody) -> None:
        pass

    def depart_tbody(self, node: nodes.tbody) -> None:
        pass

    def visit_row(self, node: nodes.row) -> None:
        self.rows.append([])

    def depart_row(self, node: nodes.row) -> None:
        self.tables[-1].rows.append((isinstance(node.parent, nodes.thead), self.rows.pop()))

    def visit_entry(self, node: nodes.entry) -> None:
        self.push()

    def depart_entry(self, node: nodes.entry) -> None:
        self.rows[-1].append(self.pop().strip())

    # -- everything else -----------------------------------------------------------------
    def unknown_visit(self, node: nodes.Node) -> None:
        name = node.__class__.__name__
        if isinstance(node, nodes.Admonition) and name in ADMONITIONS:
            self._admonition(node, name)  # type: ignore[arg-type]
        logger.warning(M.CODES["unsupported"].text.format(name), type="koop", subtype="unsupported", location=node)
        raise nodes.SkipNode

    def unknown_departure(self, node: nodes.Node) -> None:
        pass


def author_width(node: nodes.image) -> str | None:
    """The author's `:width:` if it is in a unit Typst shares with docutils (else the image fills its column)."""
    given = str(node.get("width", "")).replace(" ", "")
    return given if re.fullmatch(r"\d+(?:\.\d+)?(?:%|cm|mm|in|pt|em)", given) else None


def spans_columns(image: nodes.image, aspect: float) -> bool:
    """A drawing wider than WIDE_ASPECT (a photo: WIDE_PHOTO_ASPECT) spans both columns, so its text stays
    legible; not one with footnotes in its caption or legend (Typst drops the footnotes of a float that spans the
    columns)."""
    parent = image.parent
    while parent is not None and not isinstance(parent, nodes.figure):
        parent = parent.parent
    limit = WIDE_ASPECT if str(image.get("uri", "")).lower().endswith(".svg") else WIDE_PHOTO_ASPECT
    return parent is not None and aspect > limit and not any(parent.findall(nodes.footnote_reference))


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
