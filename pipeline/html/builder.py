"""The handbook's `html` builder: Sphinx's standalone HTML builder with the handbook's rules.

Registered under Sphinx's own name `html` (`add_builder(..., override=True)`), so every HTML build — `nox -s
build`, the preview of `nox -s serve` — and the theme (pydata-sphinx-theme wraps the translator of the
builder it finds) get it, as `epub/builder.py` subclasses Sphinx's EPUB builder:

- Sphinx's own search is off: Pagefind indexes the finished pages (`search.py`);
- the published handbook never contains a draft: no page, no search entry, and no object inventory
  (objects.inv lists every label of every document, drafts too; the handbook has no use for it). The
  preview (`koop_preview`) shows drafts;
- pages show screen-sized copies of the images, loaded lazily (`sphinx_ext.images`);
- the share cards of the pages to be written are started in the background before the first page
  (`sharecard.prefetch`);
- what the handbook no longer contains (the page, images, card and offprint of a removed case) leaves the output
  folder after each run (`stale`), so that it is not published again.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder

from ..sphinx_ext import images, state
from . import sharecard, stale

LEFT_BY_SPHINX_SEARCH = ("searchindex.js", "search.html")  # by a build before Pagefind
INVENTORY = "objects.inv"


class KoopHTMLBuilder(StandaloneHTMLBuilder):
    """Sphinx's HTML builder without its search, drafts and inventory (outside the preview), with screen images."""

    search = False  # no searchindex.js, no search.html: Pagefind (search.py)

    def init(self) -> None:
        super().init()
        for left in LEFT_BY_SPHINX_SEARCH:
            (self.outdir / left).unlink(missing_ok=True)
        self.written: set[str] = set()  # the pages written in this run (documents, index, search …)

    @property
    def published(self) -> bool:
        """The handbook as published (not the preview of `nox -s serve`)."""
        return not self.config.koop_preview

    def prepare_writing(self, docnames: Set[str]) -> None:
        super().prepare_writing(docnames)
        if self.published:
            app = state.app_of(self)
            drafts = state.project(app).drafts
            sharecard.prefetch(app, docnames - drafts)  # rendered while the pages are written
            (self.outdir / INVENTORY).unlink(missing_ok=True)
            for docname in drafts:  # released before, a draft again
                (self.outdir / f"{docname}.html").unlink(missing_ok=True)

    def write_documents(self, docnames: Set[str]) -> None:
        if self.published:
            drafts = state.project(state.app_of(self)).drafts
            docnames = {d for d in docnames if d not in drafts}
        super().write_documents(docnames)

    def handle_page(self, pagename: str, *args: Any, **kwargs: Any) -> None:
        self.written.add(pagename)
        super().handle_page(pagename, *args, **kwargs)

    def finish(self) -> None:
        super().finish()
        if self.published:
            stale.remove_unused(state.app_of(self), self.written)

    def dump_inventory(self) -> None:
        if not self.published:
            super().dump_inventory()

    def post_process_images(self, doctree: nodes.Node) -> None:
        super().post_process_images(doctree)
        images.size_images(self, doctree, lazy=True)

    def copy_image_files(self) -> None:
        """Screen-sized copies (`sphinx_ext.images`) instead of Sphinx's originals."""
        images.copy_images(self)
