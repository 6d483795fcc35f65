"""Small helpers for pandoc's JSON AST (the format of `pandoc -t json`)."""

from __future__ import annotations

from typing import Any

Node = dict[str, Any]
MARKDOWN = "markdown"


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
    return isinstance(node, dict) and node.get("t") == "Span" and bool(HIDDEN & set(node["c"][0][1]))


def hidden_texts(node: Any) -> list[str]:
    """The texts of comments and deleted passages inside an AST fragment."""
    if _hidden(node):
        return [squash(stringify(node["c"][1]))]
    if isinstance(node, dict):
        return hidden_texts(node.get("c"))
    if isinstance(node, list):
        return [s for n in node for s in hidden_texts(n)]
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
        return str(c)
    if t in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if t in ("Code", "Math"):
        return str(c[1])
    if t in ("Note", "RawInline", "RawBlock"):
        return ""
    if t in ("Link", "Image", "Span", "Quoted", "Cite"):
        return stringify(c[1])
    if t in ("Para", "Plain", "Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript",
             "Subscript"):
        return stringify(c)
    if t == "Header":
        return stringify(c[2])
    if isinstance(c, list):
        parts = [stringify(x) for x in c]
        return " ".join(p for p in parts if p)
    return ""


def squash(s: str) -> str:
    return " ".join(s.split())


def excerpt(s: str, n: int = 60) -> str:
    s = squash(s)
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"
