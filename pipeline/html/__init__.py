"""The HTML handbook: its builder (builder.py), theme configuration, accessibility fixes of the theme."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from sphinx.application import Sphinx

from .. import messages as M

THEME_TEXT_TITLES = ("pagetitle", "root_title")  # sphinx-book-theme's context values it prints unescaped


def _label_toggles(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """pydata-sphinx-theme renders nav sub-tree toggles as an icon-only <summary>: give it a name
    (axe: summary-name, WCAG 4.1.2)."""
    original: Callable[..., Any] | None = context.get("generate_toctree_html")
    if original is None:
        return

    def labelled(*args: Any, **kwargs: Any) -> Any:
        html = original(*args, **kwargs)
        if isinstance(html, str):
            return html.replace("<summary>", f'<summary aria-label="{M.NAV_TOGGLE}">')
        for summary in html.select("summary"):  # a BeautifulSoup tree
            summary["aria-label"] = M.NAV_TOGGLE
        return html

    context["generate_toctree_html"] = labelled


def _escape_theme_titles(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                         doctree: Any) -> None:
    """sphinx-book-theme puts the page's and the handbook's title into its templates as plain text, unescaped
    (`pagetitle`: the print header; `root_title`: the sidebar): a title with „<“ in it would be markup there (an
    author's `\\<script>` a script). Escaped here, after the theme set them."""
    for key in THEME_TEXT_TITLES:
        if isinstance(context.get(key), str):
            context[key] = html.escape(context[key], quote=False)


def setup(app: Sphinx) -> dict[str, Any]:
    from . import preview, search, theme_css, theme_favicon, theme_markup
    from .builder import KoopHTMLBuilder

    app.add_builder(KoopHTMLBuilder, override=True)
    preview.setup(app)
    search.setup(app)
    theme_css.setup(app)
    theme_markup.setup(app)
    theme_favicon.setup(app)
    app.connect("html-page-context", _label_toggles, priority=900)
    app.connect("html-page-context", _escape_theme_titles, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
