"""Map pandoc's AST of a Word/ODT document to the MyST a contribution may contain.

Walks the JSON AST in Python: headings are shifted so that sections start at `##`, images
become `:::{figure}` blocks with `:alt:`, tables become pipe tables or `{list-table}`, text
boxes become `{note}` boxes, comments and deleted text survive as MyST comment lines (`%`),
raw formats are dropped. Everything that changes or cannot be converted is recorded in
`notes` for the summary; nothing disappears silently. pandoc's CommonMark writer then prints it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypandoc

from .. import messages as M
from . import ast as A
from . import images
from .ast import Node, excerpt, kind, para, raw, raw_inline, squash, stringify
from .container import MARKER, Source

WRITER = "commonmark-raw_html+footnotes+pipe_tables"
WEB_SCHEMES = ("http", "https", "mailto")
SPACES = ("Space", "SoftBreak", "LineBreak")
# How Word and LibreOffice label captions ("Abbildung 3: …"); the label is dropped, Sphinx numbers figures.
CAPTION_RE = re.compile(
    r"^(?:Abbildung|Abb\.|Bild|Grafik|Foto|Karte|Illustration|Zeichnung|Figure|Fig\.)\s*\d+\s*[:.–—-]?\s*")
AUTO_ALT_RE = re.compile(r"automatisch generiert|automatically generated", re.IGNORECASE)
_ROLE_LIKE = re.compile(r"\{[\w:.+-]+\}$")


@dataclass
class Figure:
    path: str | None  # relative to the contribution; None if the image format is unusable
    alt: str
    number: int
    caption: list[Node] = field(default_factory=list)
    original: str = ""


def comment_block(text: str) -> Node:
    """A MyST comment: kept in the source for the editor, shown nowhere."""
    lines = [line.strip() for line in text.splitlines() if line.strip()] or [""]
    return raw("\n".join(f"% {line}" for line in lines))


def _trim(inlines: list[Node]) -> list[Node]:
    start, end = 0, len(inlines)
    while start < end and kind(inlines[start]) in SPACES:
        start += 1
    while end > start and kind(inlines[end - 1]) in SPACES:
        end -= 1
    return inlines[start:end]


def _only_images(inlines: list[Node]) -> bool:
    kinds = {kind(x) for x in inlines}
    return "Image" in kinds and kinds <= {"Image", *SPACES}


def _strip_chars(inlines: list[Node], n: int) -> list[Node]:
    """Drop the first `n` characters of plain text (a caption label) from flat Str/Space inlines."""
    out = list(inlines)
    while n > 0 and out:
        first = out[0]
        if kind(first) in SPACES:
            out.pop(0)
            n -= 1
        elif kind(first) == "Str":
            s = A.text_of(first)
            if len(s) <= n:
                out.pop(0)
                n -= len(s)
            else:
                out[0] = {"t": "Str", "c": s[n:]}
                n = 0
        else:
            return inlines
    return _trim(out)


def _bold_row(cells: list[A.Cell]) -> bool:
    """Every cell with text is bold throughout (Strong around all of its text)."""
    texts = 0
    for cell in cells:
        for block in cell.blocks:
            if kind(block) not in ("Para", "Plain"):
                return False
            content = _trim(A.inlines_of(block))
            if not content:
                continue
            if not all(kind(x) == "Strong" or kind(x) in SPACES for x in content):
                return False
            texts += 1
    return texts > 0


def _unbold(cell: A.Cell) -> A.Cell:
    """The cell without its Strong wrapper (a header row is set bold anyway)."""
    def plain(inlines: list[Node]) -> list[Node]:
        return [y for x in inlines for y in (A.inlines_of(x) if kind(x) == "Strong" else [x])]

    blocks = [A.with_inlines(kind(b), plain(A.inlines_of(b))) for b in cell.blocks]
    return A.Cell(cell.align, cell.rowspan, cell.colspan, blocks)


def _escape_start(inlines: list[Node]) -> list[Node]:
    """A paragraph must not start with MyST block syntax (`%` comment, `(label)=`, `:::`, `+++`)."""
    if not inlines or kind(inlines[0]) != "Str":
        return inlines
    first = A.text_of(inlines[0])
    if first.startswith(("%", ":::", "+++")) or re.match(r"^\([^()\s]*\)=", stringify(inlines)):
        return [raw_inline("\\"), *inlines]
    return inlines


def _escape_roles(inlines: list[Node]) -> list[Node]:
    """`{name}` right before inline code would be read as a MyST role: escape its brace."""
    out: list[Node] = []
    for i, x in enumerate(inlines):
        nxt = inlines[i + 1] if i + 1 < len(inlines) else None
        if kind(x) == "Str" and nxt is not None and kind(nxt) == "Code" and (m := _ROLE_LIKE.search(A.text_of(x))):
            before = A.text_of(x)[: m.start()]
            out += ([{"t": "Str", "c": before}] if before else []) + [raw_inline("\\{"),
                                                                      {"t": "Str", "c": m.group()[1:]}]
        else:
            out.append(x)
    return out


def _positions(rows: list[list[A.Cell]], ncols: int) -> list[list[tuple[int, A.Cell]]]:
    """Each row's cells with the column each starts in; the places a merged cell covers stay empty."""
    out: list[list[tuple[int, A.Cell]]] = []
    carry: dict[int, int] = {}  # column → rows still covered by a cell above
    for row in rows:
        cells = iter(row)
        placed: list[tuple[int, A.Cell]] = []
        col = 0
        while col < ncols:
            if carry.get(col, 0) > 0:
                carry[col] -= 1
                col += 1
                continue
            cell = next(cells, None)
            if cell is None:
                col += 1
                continue
            placed.append((col, cell))
            for k in range(max(1, cell.colspan)):
                if cell.rowspan > 1:
                    carry[col + k] = cell.rowspan - 1
            col += max(1, cell.colspan)
        out.append(placed)
    return out


class Converter:
    """One document: convert blocks, store images, collect counts and notes.

    A node visitor over pandoc's AST, as the Typst translator is over docutils' (and exempt from the size limit
    of other classes for the same reason): `block` and `inline` dispatch on every pandoc node type, one method
    per construct family (paragraph, header, figure, table, span, link, image); the rest is the state one walk
    carries (pending blocks, figures of the current paragraph, stored images, counts, notes)."""

    def __init__(self, source: Source, slug: str, staging: Path, shift: int, media: Path) -> None:
        self.source = source
        self.media = media.resolve()  # images are only read from here (pandoc's --extract-media)
        self.slug = slug
        self.staging = staging
        self.shift = shift
        self.counts: Counter[str] = Counter()
        self.notes: list[str] = []
        self.pending: list[Node] = []  # blocks to emit after the current top-level block
        self.figures: list[list[Figure]] = []
        self.stored: dict[str, images.Stored] = {}
        self.numbers: dict[str, int] = {}
        self.tables = 0
        self.seen_textboxes: set[int] = set()
        self._once: set[str] = set()

    # -- bookkeeping -------------------------------------------------------------------
    def note(self, text: str) -> None:
        self.notes.append(text)

    def note_once(self, text: str) -> None:
        if text not in self._once:
            self._once.add(text)
            self.notes.append(text)

    # -- blocks ------------------------------------------------------------------------
    def document(self, blocks: list[Node], title: Node | None = None, aside: list[Node] | None = None) -> list[Node]:
        """The converted blocks. First what the heading that became the `title` holds besides its text, and the
        comments and deleted text `aside` from the front matter's paragraphs (title, author, date …): kept as comment
        lines like every other."""
        self.run([*(A.Header.of(title).inlines if title is not None else []), *(aside or [])])
        out, self.pending = self.pending, []
        out += self.blocks(blocks, top=True)
        for n, first_words in self.source.textboxes.items():
            if n not in self.seen_textboxes:
                self.note(M.IMPORT_NOTE_TEXTBOX_LOST.format(excerpt(first_words)))
        return out

    def blocks(self, items: list[Node], *, top: bool = False, flat: bool = False) -> list[Node]:
        """Convert a block list. `flat`: inside a table cell or footnote (no figures or boxes there)."""
        out: list[Node] = []
        i = 0
        while i < len(items):
            b = items[i]
            box = self._textbox(b)
            if box is not None:
                group: list[Node] = []
                while i < len(items) and self._textbox(items[i]) == box:
                    group.append(A.with_inlines(kind(items[i]), A.inlines_of(items[i])[1:]))
                    i += 1
                out += self._box(box, group, flat)
            elif (kind(b) in ("Para", "Plain") and _only_images(A.inlines_of(b)) and i + 1 < len(items)
                  and (caption := self._caption(items[i + 1])) is not None):
                out += self.paragraph(kind(b), A.inlines_of(b), flat, caption=caption)
                i += 2
            else:
                out += self.block(b, flat)
                i += 1
            if top and self.pending:
                out += self.pending
                self.pending = []
        return self._separate_lists(out)

    @staticmethod
    def _separate_lists(blocks: list[Node]) -> list[Node]:
        """Two adjacent lists would merge in Markdown; an empty comment line keeps them apart."""
        out: list[Node] = []
        for b in blocks:
            if out and kind(b) in ("BulletList", "OrderedList") and kind(out[-1]) == kind(b):
                out.append(raw("%"))
            out.append(b)
        return out

    def _textbox(self, b: Node) -> int | None:
        if kind(b) not in ("Para", "Plain") or not A.inlines_of(b) or kind(A.inlines_of(b)[0]) != "Link":
            return None
        url = A.Target.of(A.inlines_of(b)[0]).url
        prefix = f"{MARKER}textfeld-"
        return int(url[len(prefix):]) if url.startswith(prefix) and url[len(prefix):].isdigit() else None

    def _box(self, n: int, group: list[Node], flat: bool) -> list[Node]:
        self.seen_textboxes.add(n)
        self.counts["textbox"] += 1
        content = self.blocks(group, flat=flat)
        if flat:
            self.note(M.IMPORT_NOTE_TEXTBOX_FLAT.format(excerpt(stringify(group))))
            return content
        self.note(M.IMPORT_NOTE_TEXTBOX.format(excerpt(stringify(group))))
        return [raw("::::{note}"), *content, raw("::::")]

    def _caption(self, b: Node) -> list[Node] | None:
        """A paragraph right after an image that is labelled like a caption ("Abbildung 2: …")."""
        if kind(b) not in ("Para", "Plain"):
            return None
        m = CAPTION_RE.match(squash(stringify(A.inlines_of(b))))
        return _strip_chars(_trim(A.inlines_of(b)), len(m.group())) if m else None

    def block(self, b: Node, flat: bool) -> list[Node]:
        t = kind(b)
        if t in ("Para", "Plain"):
            return self.paragraph(t, A.inlines_of(b), flat)
        if t == "Header":
            return self.header(A.Header.of(b))
        if t == "BulletList":
            self.counts["list"] += 1
            return [A.bullet_list([self.blocks(item, flat=flat) for item in A.contents(b)])]
        if t == "OrderedList":
            self.counts["list"] += 1
            ol = A.OrderedList.of(b)
            return [A.ordered_list(ol.attributes, [self.blocks(item, flat=flat) for item in ol.items])]
        if t == "DefinitionList":
            self.counts["list"] += 1
            items = [[para([A.with_inlines("Strong", self.inlines(term))]), *self.blocks(
                [x for d in defs for x in d], flat=flat)] for term, defs in A.definition_items(b)]
            return [A.bullet_list(items)]
        if t == "BlockQuote":
            return [A.with_inlines(t, self.blocks(A.contents(b), flat=flat))]
        if t == "CodeBlock":
            return [A.code_block(A.code_text(b))]
        if t == "LineBlock":
            inlines: list[Node] = []
            for line in A.contents(b):
                inlines += [*([A.node("LineBreak")] if inlines else []), *line]
            return self.paragraph("Para", inlines, flat)
        if t == "HorizontalRule":
            return [b]
        if t == "Table":
            return self.table(A.Table.of(b))
        if t == "Figure":
            return self.figure(A.Figure.of(b), flat)
        if t == "Div":
            return self.blocks(A.Span.of(b).content, flat=flat)
        if t == "RawBlock":
            r = A.Raw.of(b)
            self.note(M.IMPORT_NOTE_RAW.format(r.format, excerpt(r.text)))
            return []
        if t == "Null":
            return []
        content = stringify(b)
        self.note(M.IMPORT_NOTE_UNKNOWN.format(t, excerpt(content)))
        return [para(self.inlines([A.node("Str", squash(content))]))] if content.strip() else []

    def paragraph(self, t: str, inlines: list[Node], flat: bool, caption: list[Node] | None = None) -> list[Node]:
        self.figures.append([])
        converted = _trim(self.inlines(inlines))
        found = self.figures.pop()
        if found and converted and len(found) == 1 and (m := CAPTION_RE.match(squash(stringify(converted)))):
            caption, converted = _strip_chars(converted, len(m.group())), []  # "[image] Abbildung 1: …"
        if found and caption is not None:
            found[-1].caption = self.run(caption)
        out: list[Node] = []
        if converted:
            if t == "Para":
                self.counts["paragraph"] += 1
            out.append(A.with_inlines(t, _escape_start(converted)))
        figures = [x for f in found for x in self.render(f)]
        if figures and (converted or flat):
            numbers = ", ".join(str(f.number) for f in found)
            self.note((M.IMPORT_NOTE_NESTED_IMAGE if flat else M.IMPORT_NOTE_INLINE_IMAGE).format(numbers))
            self.pending += figures
        else:
            out += figures
        return out

    def run(self, inlines: list[Node]) -> list[Node]:
        """Convert inlines outside a paragraph (headings, captions): stray images go after the block."""
        self.figures.append([])
        converted = _trim(self.inlines(inlines))
        self.pending += [x for f in self.figures.pop() for x in self.render(f)]
        return converted

    def header(self, h: A.Header) -> list[Node]:
        inlines = [A.node("Space") if kind(x) == "LineBreak" else x for x in self.run(h.inlines)]
        if not inlines:
            return []
        self.counts["heading"] += 1
        return [A.header(min(6, max(2, h.level + self.shift)), inlines)]

    def figure(self, fig: A.Figure, flat: bool) -> list[Node]:
        caption, content = fig.caption, fig.blocks
        self.figures.append([])
        def images_only(b: Node) -> bool:
            return kind(b) in ("Para", "Plain") and _only_images(A.inlines_of(b))

        rest = self.blocks([b for b in content if not images_only(b)], flat=flat)
        for b in content:
            if images_only(b):
                self.inlines(A.inlines_of(b))
        found = self.figures.pop()
        inlines = [x for blk in caption if kind(blk) in ("Para", "Plain")
                   for x in [*A.inlines_of(blk), A.node("Space")]]
        text_caption = _trim(inlines)
        if (m := CAPTION_RE.match(squash(stringify(text_caption)))) is not None:
            text_caption = _strip_chars(text_caption, len(m.group()))
        if found:
            found[0].caption = self.run(text_caption)
        figures = [x for f in found for x in self.render(f)]
        if flat:
            self.pending += figures
            return rest
        return [*figures, *rest]

    # -- tables ------------------------------------------------------------------------
    def _table_marker(self, tab: A.Table) -> tuple[A.Table, list[str] | None]:
        """The ODT table's marker (container._odt_tables) out of its first row, and the column alignments it stands
        for."""
        rows = tab.head or tab.body
        prefix = f"{MARKER}tabelle-"
        for j, cell in enumerate(rows[0] if rows else []):
            first = cell.blocks[0] if cell.blocks and kind(cell.blocks[0]) in ("Para", "Plain") else None
            inlines = A.inlines_of(first) if first is not None else []
            if not inlines or kind(inlines[0]) != "Link" or not A.Target.of(inlines[0]).url.startswith(prefix):
                continue
            number = A.Target.of(inlines[0]).url[len(prefix):]
            blocks = [A.with_inlines(kind(cell.blocks[0]), inlines[1:]), *cell.blocks[1:]]
            row = [*rows[0][:j], A.Cell(cell.align, cell.rowspan, cell.colspan, blocks), *rows[0][j + 1:]]
            found = self.source.table_aligns.get(int(number)) if number.isdigit() else None
            if tab.head:
                return dataclasses.replace(tab, head=[row, *tab.head[1:]]), found
            return dataclasses.replace(tab, body=[row, *tab.body[1:]]), found
        return tab, None

    @staticmethod
    def _column_aligns(tab: A.Table) -> list[Node]:
        """A column's alignment is the one all its body cells with text share (pandoc's own column alignment takes
        a merged cell's for the columns after it); left when they differ, pandoc's when none has text."""
        rows = [*tab.head, *tab.body, *tab.foot]
        placed = _positions(rows, len(tab.aligns))
        body = placed[len(tab.head):len(tab.head) + len(tab.body)] or placed
        found: dict[int, set[str]] = {}
        for line in body:
            for col, cell in line:
                if max(1, cell.colspan) == 1 and stringify(cell.blocks).strip():
                    found.setdefault(col, set()).add(kind(cell.align))
        out: list[Node] = []
        for c, pandocs in enumerate(tab.aligns):
            if c not in found:  # no text in the column: pandoc's
                out.append(pandocs)
            else:
                out.append(A.node(found[c].pop() if len(found[c]) == 1 else "AlignDefault"))
        return out

    def table(self, tab: A.Table) -> list[Node]:
        self.tables += 1
        tab, marked = self._table_marker(tab)
        aligns = [A.node(a) for a in marked] if marked else self._column_aligns(tab)
        tab = dataclasses.replace(tab, aligns=(aligns + tab.aligns[len(aligns):])[:len(tab.aligns)])
        ncols = len(tab.aligns)
        title = squash(stringify(tab.caption))
        head_rows, body_rows = tab.head, tab.body
        if not head_rows and len(body_rows) > 1 and _bold_row(body_rows[0]):
            # A bold first row is a header row in all but name (pandoc only knows Word's mark).
            head_rows, body_rows = [[_unbold(cell) for cell in body_rows[0]]], body_rows[1:]
            self.note(M.IMPORT_NOTE_TABLE_BOLD_HEAD.format(self.tables))
        rows = [*head_rows, *body_rows, *tab.foot]
        spans = any(cell.rowspan > 1 or cell.colspan > 1 for row in rows for cell in row)
        grid = self._grid(rows, ncols)
        simple = (len(head_rows) == 1 and not spans and not tab.foot and not tab.has_body_heads
                  and all(self._one_line(cell) for row in grid for cell in row))
        if simple:
            self.counts["table_pipe"] += 1

            def plain(cell: list[Node]) -> list[Node]:
                return [A.with_inlines("Plain", A.inlines_of(cell[0]))] if cell else []

            table = A.pipe_table(tab.aligns, [plain(c) for c in grid[0]], [[plain(c) for c in r] for r in grid[1:]])
            if title:
                return [raw(f":::{{table}} {title}"), table, raw(":::")]
            return [table]
        self.counts["table_list"] += 1
        if spans:
            self.note(M.IMPORT_NOTE_SPANS.format(self.tables))
        aligned = [M.IMPORT_ALIGN_COLUMN.format(c + 1, M.IMPORT_ALIGN_NAMES[kind(a)])
                   for c, a in enumerate(tab.aligns) if kind(a) in M.IMPORT_ALIGN_NAMES]
        if aligned:
            self.note(M.IMPORT_NOTE_TABLE_ALIGN.format(self.tables, ", ".join(aligned)))
        head_count = len(head_rows)
        options = f"\n:header-rows: {head_count}" if head_count else ""
        items = [[A.bullet_list([cell or [A.with_inlines("Plain", [])] for cell in row])] for row in grid]
        return [raw(f":::{{list-table}} {title}".rstrip() + options), A.bullet_list(items), raw(":::")]

    def _grid(self, rows: list[list[A.Cell]], ncols: int) -> list[list[list[Node]]]:
        """Rows × columns of converted cell blocks; merged cells are split into empty ones."""
        grid: list[list[list[Node]]] = []
        for placed in _positions(rows, ncols):
            line: list[list[Node]] = [[] for _ in range(ncols)]
            for col, cell in placed:
                line[col] = self.blocks(cell.blocks, flat=True)
            grid.append(line)
        return grid

    @staticmethod
    def _one_line(cell: list[Node]) -> bool:
        if not cell:
            return True
        return (len(cell) == 1 and kind(cell[0]) in ("Para", "Plain")
                and not any(kind(x) == "LineBreak" for x in A.inlines_of(cell[0])))

    # -- inlines -----------------------------------------------------------------------
    def inlines(self, xs: list[Node]) -> list[Node]:
        out: list[Node] = []
        for x in xs:
            out += self.inline(x)
        return _escape_roles(out)

    def inline(self, x: Node) -> list[Node]:
        t = kind(x)
        if t in ("Str", "Space", "SoftBreak", "LineBreak"):
            return [x]
        if t in ("Emph", "Strong"):
            self.counts["emphasis"] += 1
            return [A.with_inlines(t, self.inlines(A.inlines_of(x)))]
        if t == "Underline":
            self.counts["emphasis"] += 1
            self.note_once(M.IMPORT_NOTE_UNDERLINE)
            return [A.with_inlines("Emph", self.inlines(A.inlines_of(x)))]
        if t == "Strikeout":
            self.note(M.IMPORT_NOTE_STRIKEOUT.format(excerpt(stringify(A.inlines_of(x)))))
            return self.inlines(A.inlines_of(x))
        if t == "SmallCaps":
            self.note_once(M.IMPORT_NOTE_SMALLCAPS)
            return self.inlines(A.inlines_of(x))
        if t in ("Superscript", "Subscript"):
            content = squash(stringify(A.inlines_of(x))).replace("`", "")
            return [raw_inline(f"{{{t[:3].lower()}}}`{content}`")] if content else []
        if t == "Quoted":
            q = A.Quoted.of(x)
            left, right = ("„", "“") if q.double else ("‚", "‘")
            return [A.node("Str", left), *self.inlines(q.inlines), A.node("Str", right)]
        if t == "Cite":
            return self.inlines(A.cite_inlines(x))
        if t == "Code":
            return [A.code(A.code_text(x))]
        if t == "Math":
            self.note(M.IMPORT_NOTE_MATH.format(excerpt(A.code_text(x))))
            return [A.code(A.code_text(x))]
        if t == "RawInline":
            r = A.Raw.of(x)
            self.note(M.IMPORT_NOTE_RAW.format(r.format, excerpt(r.text)))
            return []
        if t == "Link":
            return self.link(A.Target.of(x))
        if t == "Image":
            self.image(A.Target.of(x))
            return []
        if t == "Note":
            self.counts["footnote"] += 1
            return [A.with_inlines("Note", self.blocks(A.contents(x), flat=True))]
        if t == "Span":
            return self.span(A.Span.of(x))
        content = stringify(x)
        self.note(M.IMPORT_NOTE_UNKNOWN.format(t, excerpt(content)))
        return [A.node("Str", squash(content))] if content.strip() else []

    def span(self, sp: A.Span) -> list[Node]:
        classes, kv, content = sp.attr.classes, sp.attr.attributes, sp.content
        if "comment-start" in classes:
            self.comment(kv.get("author", ""), stringify(content))
            return []
        if {"comment-end", "paragraph-insertion", "paragraph-deletion"} & set(classes):
            return []
        if "insertion" in classes:
            self.counts["insertion"] += 1
            self.note(M.IMPORT_NOTE_INSERTION.format(excerpt(stringify(content))))
            return self.inlines(content)
        if "deletion" in classes:
            self.deletion(stringify(content))
            return []
        return self.inlines(content)

    def comment(self, author: str, text: str) -> None:
        self.counts["comment"] += 1
        who = author or M.IMPORT_UNKNOWN_AUTHOR
        self.note(M.IMPORT_NOTE_COMMENT.format(who, excerpt(text)))
        self.pending.append(comment_block(M.IMPORT_COMMENT_LINE.format(who, squash(text))))

    def deletion(self, text: str) -> None:
        if not text.strip():
            return
        self.counts["deletion"] += 1
        self.note(M.IMPORT_NOTE_DELETION.format(excerpt(text)))
        self.pending.append(comment_block(M.IMPORT_DELETION_LINE.format(squash(text))))

    def link(self, target: A.Target) -> list[Node]:
        content, url = target.inlines, target.url
        if url.startswith(MARKER):
            self.marker(url[len(MARKER):])
            return []
        inner = self.inlines(content) or [A.node("Str", url)]
        scheme = url.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][\w+.-]*:", url) else ""
        if scheme in WEB_SCHEMES:
            self.counts["link"] += 1
            return [A.link(inner, url)]
        if url.startswith("#") or not url:
            self.note_once(M.IMPORT_NOTE_LINK_INTERNAL)
        else:
            self.note(M.IMPORT_NOTE_LINK_SCHEME.format(excerpt(url)))
        return inner

    def marker(self, name: str) -> None:
        kind, _, number = name.rpartition("-")
        if not number.isdigit():
            return
        n = int(number)
        if kind == "kommentar" and n in self.source.comments:
            comment = self.source.comments[n]
            self.comment(comment.author, comment.text)
        elif kind == "loeschung" and n in self.source.deletions:
            self.deletion(self.source.deletions[n])
        elif kind == "objekt" and n in self.source.objects:
            self.counts["object"] += 1
            what = self.source.objects[n]
            self.note(M.IMPORT_NOTE_OBJECT.format(what))
            self.pending.append(comment_block(M.IMPORT_OBJECT_LINE.format(what)))
        elif kind == "textfeld":
            self.seen_textboxes.add(n)

    # -- images ------------------------------------------------------------------------
    def image(self, target: A.Target) -> None:
        alt_inlines, src, title = target.inlines, target.url, target.title
        file = Path(src).resolve()
        if not file.is_relative_to(self.media) or not file.is_file():
            # linked, not embedded: never read files from elsewhere on this machine
            self.note_once(M.IMPORT_NOTE_IMAGE_LINKED.format(excerpt(src, 200)))
            self.pending.append(comment_block(M.IMPORT_IMAGE_LINKED_LINE.format(excerpt(src, 120))))
            return
        if src not in self.stored:
            number = len(self.stored) + 1
            self.numbers[src] = number
            self.stored[src] = images.store(Path(src), f"{self.slug}-abb-{number}", self.staging)
            stored = self.stored[src]
            if stored.converted:
                self.note(M.IMPORT_NOTE_IMAGE_CONVERTED.format(number, stored.source_format))
        stored, number = self.stored[src], self.numbers[src]
        alt = squash(stringify(alt_inlines))
        if title.startswith(f"{MARKER[1:]}bild-") and title.rsplit("-", 1)[-1].isdigit():
            alt = squash(self.source.image_alts.get(int(title.rsplit("-", 1)[-1]), ""))
        self.counts["figure"] += 1
        if not alt:
            self.note_once(M.IMPORT_NOTE_IMAGE_NO_ALT.format(number))
            alt = M.IMPORT_ALT_TODO
        elif AUTO_ALT_RE.search(alt):
            self.note_once(M.IMPORT_NOTE_IMAGE_AUTO_ALT.format(number))
            alt = f"{M.IMPORT_ALT_AUTO} {alt}"
        path = f"bilder/{stored.name}"
        figure = Figure(path if stored.usable else None, alt, number, original=path)
        if not stored.usable:
            self.note_once(M.IMPORT_NOTE_IMAGE_FORMAT.format(number, stored.source_format, path))
        if self.figures:
            self.figures[-1].append(figure)
        else:
            self.pending += self.render(figure)

    def render(self, f: Figure) -> list[Node]:
        if f.path is None:
            return [comment_block(M.IMPORT_IMAGE_FORMAT_LINE.format(f.number, f.original))]
        if not f.caption:
            self.note_once(M.IMPORT_NOTE_FIGURE_NO_CAPTION.format(f.number))
        head = raw(f":::{{figure}} {f.path}\n:alt: {f.alt}")
        return [head, *([para(_escape_start(f.caption))] if f.caption else []), raw(":::")]


@dataclass(frozen=True)
class Split:
    title: str  # the text of a lone first-level heading that becomes the title, or ""
    heading: Node | None  # that heading (its comments are kept), or None
    blocks: list[Node]  # the rest
    shift: int  # heading shift so that sections start at ##


def split_title(blocks: list[Node], have_title: bool) -> Split:
    """A lone first-level heading at the start becomes the title (unless the document has one)."""
    levels = [A.Header.of(b).level for b in blocks if kind(b) == "Header"]
    first = next((b for b in blocks if kind(b) not in ("Null",)), None)
    lone = first is not None and kind(first) == "Header" and levels.count(A.Header.of(first).level) == 1
    if have_title or first is None or not lone or A.Header.of(first).level != min(levels):
        return Split("", None, blocks, 2 - min(levels) if levels else 0)
    rest = [b for b in blocks if b is not first]
    levels = [A.Header.of(b).level for b in rest if kind(b) == "Header"]
    return Split(squash(stringify(A.Header.of(first).inlines)), first, rest, 2 - min(levels) if levels else 0)


def read_ast(source: Source, media: Path, work: Path) -> dict[str, Any]:
    """pandoc's JSON AST of the prepared document; images are extracted into `media`."""
    prepared = work / f"dokument.{source.kind}"
    prepared.write_bytes(source.data)
    # --sandbox: pandoc fetches no linked files or URLs; --quiet: our summary, not pandoc's English warnings
    extra = ["--sandbox", "--quiet", f"--extract-media={media}"]
    if source.kind == "docx":
        extra.append("--track-changes=all")  # we decide what to do with changes and comments
    result: dict[str, Any] = json.loads(pypandoc.convert_file(str(prepared), "json", format=source.kind,
                                                              extra_args=extra))
    return result


def write_markdown(blocks: list[Node], api_version: list[int]) -> str:
    doc = {"pandoc-api-version": api_version, "meta": {}, "blocks": blocks}
    text: str = pypandoc.convert_text(json.dumps(doc), WRITER, format="json",
                                         extra_args=["--wrap=none", "--sandbox", "--quiet"])
    return text.replace("\r\n", "\n").strip() + "\n"
