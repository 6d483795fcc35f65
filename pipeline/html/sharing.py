"""Cite, download, share (issue 11, part B): the handbook extension that wires the Zitieren box, the head
metadata, the open data files, the feed, sitemap and robots.txt, and the case page's print stylesheet."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import citebox, feed, meta, opendata, sharecard


def setup(app: Sphinx) -> dict[str, Any]:
    citebox.setup(app)
    meta.setup(app)
    sharecard.setup(app)
    opendata.setup(app)
    feed.setup(app)
    app.add_css_file("koop-cite.css")
    app.add_css_file("koop-print.css", media="print")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
