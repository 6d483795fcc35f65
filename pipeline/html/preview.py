"""The live preview shows problems where authors look: on the page, and on one list linked from every page.

Only with `koop_preview` (set by `nox -s serve`): a page whose file has diagnostics starts with them
(German, path:line, code, hint), and the element nearest each message's line carries the anchor
`zeile-<n>`; every page carries a banner to `probleme.html`, a page of the handbook (same theme and
navigation) that lists them all, as `check` would, grouped by file, each linked to its page and line.
The banner and the list count the same messages: pages written early in a run cannot know what later
pages find, so when the run ends every page's banner is set to the final count. The published
handbook has none of this.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .. import catalogue
from .. import messages as M
from ..diagnostics import Diagnostic, merge
from ..paths import ISSUE_PAGES_DIR
from ..sphinx_ext import capture, marks, state

PAGE = "probleme"
TEMPLATE = "koop-probleme.html"
CSS = "koop-vorschau.css"
BANNER = "koop-vorschau-banner"
_BANNER_LINK = re.compile(rf'<a class="{BANNER}[^"]*" href="([^"]*)">[^<]*</a>')
CLEAN = "koop-vorschau-ok"  # no problems: the banner stays (a later run may need it) but is not alarming
ISSUE_FILE = re.compile(r"^koopblatt/(\d+)/")


def _active(app: Sphinx) -> bool:
    return bool(app.config.koop_preview) and app.builder.format == "html"


def current(app: Sphinx) -> list[Diagnostic]:
    """Everything `check` would print right now: file checks and what the reader and writers found."""
    return merge(state.project(app).problems, capture.findings(app).all())


def banner_text(found: list[Diagnostic]) -> str:
    errors = sum(p.is_error for p in found)
    if not found:
        return M.PREVIEW_BANNER_NONE
    return M.PREVIEW_BANNER_COUNTS.format(M.count(errors, "Fehler"), M.count(len(found) - errors, "Hinweis"))


def banner(href: str, found: list[Diagnostic]) -> str:
    classes = BANNER if found else f"{BANNER} {CLEAN}"
    return f'<a class="{classes}" href="{href}">{html.escape(banner_text(found))}</a>'


def anchor(line: int) -> str:
    return f"zeile-{line}"


def _path_of(app: Sphinx, docname: str) -> str:
    return state.shown(app, app.env.doc2path(docname))


def body_start(source: Path) -> int:
    """The first line after the front matter: a message above it has no place in the text, only in the box."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    if not lines or lines[0].strip() != "---":
        return 1
    return next((n + 2 for n, line in enumerate(lines[1:], 1) if line.strip() == "---"), len(lines) + 1)


def at_line(source: Path, line: int) -> str:
    """The anchor a message at `line` of `source` links to: the line's element, or the box of the page."""
    return anchor(line) if line >= body_start(source) else marks.PROBLEMS


def _mark_lines(doctree: nodes.document, lines: set[int], first: int) -> None:
    """Give the element nearest each line of the text (the last one starting at or before it, else the first)
    the id `zeile-<n>`; lines before `first` (the front matter) are left to the box at the top."""
    source = doctree.get("source")
    starts = sorted(((n.line, n) for n in doctree.findall(nodes.Element)
                     if isinstance(n.line, int) and n.source in (None, source)
                     and isinstance(n, (nodes.Body, nodes.title, nodes.list_item, nodes.term))),
                    key=lambda pair: pair[0])
    for line in sorted(n for n in lines if n >= first):
        before = [n for start, n in starts if start <= line] or [n for _, n in starts[:1]]
        if before:
            before[-1]["ids"].append(anchor(line))


def _box(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not _active(app):
        return
    path = _path_of(app, docname)
    mine = [p for p in current(app) if p.path == path]
    section = next(iter(doctree.findall(nodes.section)), None)
    if not mine or section is None:
        return
    _mark_lines(doctree, {p.line for p in mine}, body_start(Path(app.env.doc2path(docname))))
    items = nodes.bullet_list()
    for p in mine:
        items += nodes.list_item("", nodes.paragraph("", p.format()))
    heading = M.PREVIEW_BOX.format(M.count(len(mine), "Meldung"))
    box = nodes.container("", nodes.paragraph("", "", nodes.strong("", heading)), items, classes=[marks.PROBLEMS])
    box["ids"] = [marks.PROBLEMS]
    second = section[1] if len(section) > 1 else None
    draft = isinstance(second, nodes.Element) and marks.DRAFT in second.get("classes", [])
    section.insert(2 if draft else 1, box)  # „Entwurf“ first, then what to fix


def _banner(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """On every page; its text is set again to the final count when the run ends (`_final_banners`)."""
    if not _active(app):
        return
    href = "../" * pagename.count("/") + f"{PAGE}.html"
    context["theme_announcement"] = banner(href, current(app))


def _page_of(app: Sphinx, path: str) -> str | None:
    """The docname of the page that shows `path`: a source under docs/, or an issue's page for its files."""
    docs = state.shown(app, "")
    if path.startswith(docs) and path.endswith(".md"):
        docname = path[len(docs):].removesuffix(".md").lstrip("/")
        return docname if docname in app.env.all_docs else None
    issue = ISSUE_FILE.match(path)
    if issue:  # the issue's page; an issue held back by errors has none: the koopBLATT page, where it would be
        pages = (catalogue.issue_docname(int(issue.group(1))), f"{ISSUE_PAGES_DIR}/index")
        return next((d for d in pages if d in app.env.all_docs), None)
    return None


def _files(app: Sphinx, found: list[Diagnostic]) -> list[dict[str, Any]]:
    """The list page's groups: one per file, with its page's address, draft mark and messages with links."""
    project = state.project(app)
    groups: dict[str, dict[str, Any]] = {}
    for p in found:
        if p.path not in groups:
            docname = _page_of(app, p.path)
            own = docname is not None and _path_of(app, docname) == p.path  # the page shows this very file
            groups[p.path] = {"path": p.path, "href": app.builder.get_target_uri(docname) if docname else "",
                              "own": own, "draft": p.path in project.draft_paths, "messages": []}
        group = groups[p.path]
        fragment = at_line(project.root / p.path, p.line) if group["own"] else ""
        group["messages"].append({
            "error": p.is_error, "where": f"{p.path}:{p.line}",
            "href": group["href"] + (f"#{fragment}" if fragment else "") if group["href"] else "",
            "text": p.format().split(": ", 1)[1]})
    return list(groups.values())


def _list_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if not _active(app):
        return
    found = current(app)
    errors = sum(p.is_error for p in found)
    yield PAGE, {
        "title": M.PREVIEW_TITLE,
        "koop_title": M.PREVIEW_TITLE,
        "koop_intro": (M.PREVIEW_LIST_INTRO.format(M.count(errors, "Fehler"), M.count(len(found) - errors, "Hinweis"))
                       if found else M.PREVIEW_NONE),
        "koop_files": _files(app, found),
        "koop_no_page": M.PREVIEW_NO_PAGE,
        "koop_draft": M.PREVIEW_DRAFT_TAG,
    }, TEMPLATE


def _final_banners(app: Sphinx, exc: Exception | None) -> None:
    """Every page of the preview, also those written early or in an earlier run, counts what the list shows."""
    if not _active(app) or exc is not None:
        return
    found = current(app)
    for page in Path(app.outdir).rglob("*.html"):
        content = page.read_text(encoding="utf-8")
        updated = _BANNER_LINK.sub(lambda m: banner(html.unescape(m.group(1)), found), content)
        if updated != content:
            page.write_text(updated, encoding="utf-8")


def _preview_css(app: Sphinx) -> None:
    if _active(app):
        app.add_css_file(CSS)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _preview_css)
    app.connect("doctree-resolved", _box)
    app.connect("html-page-context", _banner)
    app.connect("html-collect-pages", _list_page)
    app.connect("build-finished", _final_banners, priority=900)
