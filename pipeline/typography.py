"""Typographic quotes, and what counts as markup, for texts of the front matter as for the body.

A contribution's title becomes the heading of its page the way MyST reads Markdown (`myst_title_to_header`), and
the koopBLATT, the e-books, the metadata and the citations take it from the front matter. So a title holds no
markup (`inline_markup`: it would show as such in one output and as its characters in the others), and its straight
quotes become the typographic ones MyST sets (`typographic`; `QUOTES` serve the Markdown reader too), so that
every output reads the same title.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.myst_role import myst_role_plugin

QUOTES = {"de": "„“‚‘"}  # markdown-it's `quotes`: double opening, double closing, single opening, single closing
LANGUAGE = "de"  # the handbook's (conf.py `language`)
TEXT_TOKENS = frozenset({"text", "text_special", "softbreak"})  # plain text; text_special: a backslash escape


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"typographer": True, "quotes": QUOTES[LANGUAGE]}).enable(
        "smartquotes").use(myst_role_plugin)


def _inline(text: str) -> list[object]:
    tokens = _parser().parseInline(text)
    return list(tokens[0].children or []) if tokens else []


def inline_markup(text: str) -> str | None:
    """The first piece of Markdown markup in `text` (emphasis, code, a link, an image, HTML, a role), shown as
    its kind is written („*…*“, „[…](…)“, „{sub}“ …), or None for plain text."""
    for token in _inline(text):
        kind = str(getattr(token, "type", ""))
        if kind in TEXT_TOKENS:
            continue
        markup = str(getattr(token, "markup", ""))
        shown = {"link_open": "[…](…)", "image": "![…](…)", "code_inline": "`…`", "html_inline":
                 str(getattr(token, "content", ""))[:40],
                 "myst_role": "{" + str(getattr(token, "meta", {}).get("name", "")) + "}"}
        return shown.get(kind, f"{markup}…{markup}" if markup else kind)
    return None


def typographic(text: str) -> str:
    """`text` (plain) with the quotes MyST sets in the body: „…“, ‚…‘, ’; an escaped one stays straight."""
    return "".join(" " if getattr(t, "type", "") == "softbreak" else str(getattr(t, "content", ""))
                   for t in _inline(text))
