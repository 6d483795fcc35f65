"""The live preview shows problems where authors look: on the page, and on one list linked from every page.

Only with `koop_preview` (set by `nox -s serve`): a page whose file has diagnostics starts with them
(German, path:line, code, hint); while the project has any, every page carries a banner to
`probleme.html`, which lists them all, as `check` would. The published handbook never has either.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .. import messages as M
from ..diagnostics import Diagnostic, sort_key
from ..sphinx_ext import capture, marks, state

PAGE = "probleme.html"


def _active(app: Sphinx) -> bool:
    return bool(app.config.koop_preview) and app.builder.format == "html"


def current(app: Sphinx) -> list[Diagnostic]:
    """Everything `check` would print right now: file checks and what the reader found."""
    project = state.project(app)
    return sorted({*project.problems, *capture.findings(app).all()}, key=sort_key)


def _path_of(app: Sphinx, docname: str) -> str:
    return state.shown(app, app.env.doc2path(docname))


def _box(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not _active(app):
        return
    path = _path_of(app, docname)
    mine = [p for p in current(app) if p.path == path]
    section = next(iter(doctree.findall(nodes.section)), None)
    if not mine or section is None:
        return
    items = nodes.bullet_list()
    for p in mine:
        items += nodes.list_item("", nodes.paragraph("", p.format()))
    heading = M.PREVIEW_BOX.format(M.count(len(mine), "Meldung"))
    box = nodes.container("", nodes.paragraph("", "", nodes.strong("", heading)), items, classes=[marks.PROBLEMS])
    box["ids"] = [marks.PROBLEMS]
    section.insert(1, box)


def _banner(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if not _active(app):
        return
    found = current(app)
    if found:
        depth = pagename.count("/")
        href = "../" * depth + PAGE
        errors = sum(p.is_error for p in found)
        text = M.PREVIEW_BANNER_COUNTS.format(M.count(errors, "Fehler"), M.count(len(found) - errors, "Hinweis"))
        context["theme_announcement"] = f'<a href="{href}">{html.escape(text)}</a>'


def _page(app: Sphinx, exc: Exception | None) -> None:
    if not _active(app) or exc is not None:
        return
    found = current(app)
    rows = "\n".join(
        f'<li class="{"fehler" if p.is_error else "hinweis"}"><code>{html.escape(p.path)}:{p.line}</code> '
        f"{html.escape(p.format().split(': ', 1)[1])}</li>" for p in found)
    body = f"<ul>\n{rows}\n</ul>" if found else f"<p>{html.escape(M.PREVIEW_NONE)}</p>"
    page = (f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{html.escape(M.PREVIEW_TITLE)}</title>'
            "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
            "li{margin:.5rem 0}li.fehler{border-left:4px solid #b3261e;padding-left:.5rem}"
            "li.hinweis{border-left:4px solid #1f5fa8;padding-left:.5rem}</style></head><body>"
            f'<main><h1>{html.escape(M.PREVIEW_TITLE)}</h1><p><a href="index.html">{html.escape(M.PREVIEW_BACK)}'
            f"</a></p>{body}</main></body></html>\n")
    (Path(app.outdir) / PAGE).write_text(page, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", _box)
    app.connect("html-page-context", _banner)
    app.connect("build-finished", _page)
