"""The HTML handbook: theme configuration, accessibility fixes of the theme, the atomic build."""

from __future__ import annotations

from collections.abc import Callable, Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.builders.html import StandaloneHTMLBuilder

from .. import messages as M
from ..sphinx_ext import images, state


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


def _skip_drafts(app: Sphinx) -> None:
    """The published handbook never contains a draft: no page, no search entry (the preview shows them)."""
    builder = app.builder
    if builder.format != "html" or builder.name != "html" or app.config.koop_preview:
        return
    drafts = state.project(app).drafts
    write_documents = builder.write_documents

    def released_only(docnames: Set[str]) -> None:
        write_documents({d for d in docnames if d not in drafts})

    builder.write_documents = released_only  # type: ignore[method-assign]
    # Sphinx's inventory (objects.inv, for intersphinx) lists every label of every document, drafts too;
    # the handbook has no use for it
    builder.dump_inventory = lambda: None  # type: ignore[attr-defined]
    (Path(builder.outdir) / "objects.inv").unlink(missing_ok=True)
    for docname in drafts:  # a page that was released before and is a draft again
        (Path(builder.outdir) / f"{docname}.html").unlink(missing_ok=True)


def _screen_images(app: Sphinx) -> None:
    """The handbook's pages show screen-sized copies of the images (`sphinx_ext.images`), loaded lazily.

    Sphinx's HTML builder class stays the theme's; only its two image steps are wrapped."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder) or isinstance(builder, Epub3Builder):
        return  # the e-book builder does the same in its own class
    post_process_images = builder.post_process_images

    def sized(doctree: nodes.Node) -> None:
        post_process_images(doctree)
        images.size_images(builder, doctree, lazy=True)

    builder.post_process_images = sized  # type: ignore[method-assign]
    builder.copy_image_files = lambda: images.copy_images(builder)  # type: ignore[method-assign]


def setup(app: Sphinx) -> dict[str, Any]:
    from . import preview, search, theme_css, theme_favicon, theme_markup

    preview.setup(app)
    search.setup(app)
    theme_css.setup(app)
    theme_markup.setup(app)
    theme_favicon.setup(app)
    app.connect("builder-inited", _skip_drafts)
    app.connect("builder-inited", _screen_images)
    app.connect("html-page-context", _label_toggles, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
