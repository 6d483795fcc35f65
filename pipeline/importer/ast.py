"""pandoc's JSON AST (the format of `pandoc -t json`, pandoc-types 1.23), read by name.

The importer never indexes into a node's contents by position: every element kind it reads has
a named view here (like pandoc's Lua `elem.classes`, `elem.target`), and constructors build the
nodes it writes. Only this module knows the positional layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Node = dict[str, Any]
MARKDOWN = "markdown"
NO_ATTR: list[Any] = ["", [], []]


# -- reading -----------------------------------------------------------------------------

def kind(node: Node) -> str:
    """The element's type name ("Para", "Str", "Table", …)."""
    return str(node["t"])


def contents(node: Node) -> Any:
    return node.get("c", [])


def text_of(node: Node) -> str:
    """Str: its text."""
    return str(node["c"])


def inlines_of(node: Node) -> list[Node]:
    """Para, Plain, Emph, Strong, … (elements whose whole content is an inline list)."""
    return list(node.get("c", []))


@dataclass(frozen=True)
class Attr:
    identifier: str
    classes: list[str]
    attributes: dict[str, str]

    @staticmethod
    def of(raw_attr: Any) -> Attr:
        identifier, classes, pairs = raw_attr
        return Attr(str(identifier), list(classes), {str(k): str(v) for k, v in pairs})


@dataclass(frozen=True)
class Header:
    level: int
    attr: Attr
    inlines: list[Node]

    @staticmethod
    def of(node: Node) -> Header:
        level, attr, inlines = node["c"]
        return Header(int(level), Attr.of(attr), inlines)


@dataclass(frozen=True)
class Target:
    """Link or Image: attributes, inline content (link text / image description), URL, title."""

    attr: Attr
    inlines: list[Node]
    url: str
    title: str

    @staticmethod
    def of(node: Node) -> Target:
        attr, inlines, (url, title) = node["c"]
        return Target(Attr.of(attr), inlines, str(url), str(title))


@dataclass(frozen=True)
class Span:
    """Span or Div: attributes and content (inlines or blocks)."""

    attr: Attr
    content: list[Node]

    @staticmethod
    def of(node: Node) -> Span:
        attr, content = node["c"]
        return Span(Attr.of(attr), content)


@dataclass(frozen=True)
class Quoted:
    double: bool
    inlines: list[Node]

    @staticmethod
    def of(node: Node) -> Quoted:
        quote, inlines = node["c"]
        return Quoted(kind(quote) == "DoubleQuote", inlines)


@dataclass(frozen=True)
class Raw:
    """RawBlock or RawInline."""

    format: str
    text: str

    @staticmethod
    def of(node: Node) -> Raw:
        fmt, text = node["c"]
        return Raw(str(fmt), str(text))


def code_text(node: Node) -> str:
    """Code, CodeBlock or Math: the text."""
    return str(node["c"][1])


def cite_inlines(node: Node) -> list[Node]:
    return list(node["c"][1])


@dataclass(frozen=True)
class OrderedList:
    attributes: Any  # (start, style, delimiter): copied as is
    items: list[list[Node]]

    @staticmethod
    def of(node: Node) -> OrderedList:
        attributes, items = node["c"]
        return OrderedList(attributes, items)


def definition_items(node: Node) -> list[tuple[list[Node], list[list[Node]]]]:
    """DefinitionList: (term inlines, definitions (block lists))."""
    return [(term, defs) for term, defs in node["c"]]


@dataclass(frozen=True)
class Figure:
    caption: list[Node]  # blocks of the long caption
    blocks: list[Node]

    @staticmethod
    def of(node: Node) -> Figure:
        _attr, (_short, caption), blocks = node["c"]
        return Figure(caption, blocks)


@dataclass(frozen=True)
class Cell:
    align: Node
    rowspan: int
    colspan: int
    blocks: list[Node]

    @staticmethod
    def of(raw_cell: Any) -> Cell:
        _attr, align, rowspan, colspan, blocks = raw_cell
        return Cell(align, int(rowspan), int(colspan), blocks)


def row_cells(raw_row: Any) -> list[Cell]:
    _attr, cells = raw_row
    return [Cell.of(c) for c in cells]


@dataclass(frozen=True)
class Table:
    caption: list[Node]  # blocks
    aligns: list[Node]
    head: list[list[Cell]]
    body: list[list[Cell]]  # all bodies' rows, intermediate heads first
    has_body_heads: bool  # a body with its own head rows (not expressible in MyST)
    foot: list[list[Cell]]

    @staticmethod
    def of(node: Node) -> Table:
        _attr, (_short, caption), colspecs, (_hattr, head), bodies, (_fattr, foot) = node["c"]
        body: list[list[Cell]] = []
        for _battr, _row_head_columns, inter, rows in bodies:
            body += [row_cells(r) for r in [*inter, *rows]]
        return Table(caption, [align for align, _width in colspecs], [row_cells(r) for r in head], body,
                     any(inter for _a, _r, inter, _rows in bodies), [row_cells(r) for r in foot])


# -- writing -----------------------------------------------------------------------------

def node(t: str, c: Any = None) -> Node:
    return {"t": t} if c is None else {"t": t, "c": c}


def with_inlines(t: str, inlines: list[Node]) -> Node:
    """Para, Plain, Emph, Strong, Note, BlockQuote, BulletList items …: an element of one list."""
    return {"t": t, "c": inlines}


def bullet_list(items: list[list[Node]]) -> Node:
    return {"t": "BulletList", "c": items}


def header(level: int, inlines: list[Node]) -> Node:
    return {"t": "Header", "c": [level, NO_ATTR, inlines]}


def link(inlines: list[Node], url: str) -> Node:
    return {"t": "Link", "c": [NO_ATTR, inlines, [url, ""]]}


def code(text_: str) -> Node:
    return {"t": "Code", "c": [NO_ATTR, text_]}


def code_block(text_: str) -> Node:
    return {"t": "CodeBlock", "c": [NO_ATTR, text_]}


def ordered_list(attributes: Any, items: list[list[Node]]) -> Node:
    return {"t": "OrderedList", "c": [attributes, items]}


def pipe_table(aligns: list[Node], head: list[list[Node]], rows: list[list[list[Node]]]) -> Node:
    """A table with one head row and plain cells (pandoc writes it as a pipe table)."""
    def row(cells: list[list[Node]]) -> list[Any]:
        return [NO_ATTR, [[NO_ATTR, aligns[j], 1, 1, cell] for j, cell in enumerate(cells)]]

    return {"t": "Table", "c": [NO_ATTR, [None, []], [[a, {"t": "ColWidthDefault"}] for a in aligns],
                                [NO_ATTR, [row(head)]], [[NO_ATTR, 0, [], [row(r) for r in rows]]], [NO_ATTR, []]]}


def raw(text: str) -> Node:
    """Markdown that pandoc's writer copies verbatim (our MyST directives and comments)."""
    return {"t": "RawBlock", "c": [MARKDOWN, text]}


def raw_inline(text: str) -> Node:
    return {"t": "RawInline", "c": [MARKDOWN, text]}


def para(inlines: list[Node]) -> Node:
    return {"t": "Para", "c": inlines}


def text(s: str) -> list[Node]:
    """A string as Str/Space inlines."""
    out: list[Node] = []
    for i, word in enumerate(s.split(" ")):
        if i:
            out.append({"t": "Space"})
        if word:
            out.append({"t": "Str", "c": word})
    return out


# pandoc's spans for Word comments and tracked deletions: not part of the visible text
HIDDEN = frozenset({"comment-start", "deletion"})


def _hidden(node: Any) -> bool:
    return isinstance(node, dict) and node.get("t") == "Span" and bool(HIDDEN & set(Span.of(node).attr.classes))


def hidden_spans(node: Any) -> list[Node]:
    """The comment and deletion spans inside an AST fragment (e.g. the metadata), in document order."""
    if _hidden(node):
        return [node]
    if isinstance(node, dict):
        return hidden_spans(node.get("c"))
    if isinstance(node, list):
        return [s for n in node for s in hidden_spans(n)]
    return []


def stringify(node: Any) -> str:
    """Visible plain text of an AST fragment (no footnotes, comments or deletions), like pandoc's."""
    if isinstance(node, list):
        return "".join(stringify(n) for n in node)
    if not isinstance(node, dict) or _hidden(node):
        return ""
    t = node.get("t")
    c: Any = node.get("c")
    if t == "Str":
        return text_of(node)
    if t in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if t in ("Code", "Math"):
        return code_text(node)
    if t in ("Note", "RawInline", "RawBlock"):
        return ""
    if t in ("Link", "Image"):
        return stringify(Target.of(node).inlines)
    if t == "Span":
        return stringify(Span.of(node).content)
    if t == "Quoted":
        return stringify(Quoted.of(node).inlines)
    if t == "Cite":
        return stringify(cite_inlines(node))
    if t in ("Para", "Plain", "Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript",
             "Subscript"):
        return stringify(c)
    if t == "Header":
        return stringify(Header.of(node).inlines)
    if isinstance(c, list):
        parts = [stringify(x) for x in c]
        return " ".join(p for p in parts if p)
    return ""


def squash(s: str) -> str:
    return " ".join(s.split())


def excerpt(s: str, n: int = 60) -> str:
    s = squash(s)
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"
