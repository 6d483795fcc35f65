"""The published cases as the handbook's extras (Zitieren box, head metadata, open data, feed) see them.

Only released, valid contributions are published; a Sonderdruck is offered when the pdf step made one
(`koop_downloads` holds what this handbook run publishes).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from .. import catalogue, citation
from ..model import Contribution
from ..sphinx_ext import state
from ..sphinx_ext.browse import DOWNLOADS
from ..typst import pagemap
from ..typst.pagemap import PageRange


def handbook(app: Sphinx) -> bool:
    """True in the published handbook's HTML run (not the live preview or a proof's page, not the e-book
    chapters, not the print builders): only there are cases cited, offered and announced."""
    return app.builder is not None and app.builder.name == "html" and not app.config.koop_preview


def base_url(app: Sphinx) -> str:
    """The one public address of the handbook (`html_baseurl` in conf.py)."""
    return str(app.config.html_baseurl or "")


def published(app: Sphinx) -> list[Contribution]:
    """Released cases, newest first (ties by title)."""
    return catalogue.select(state.project(app).contributions.values())


def case(app: Sphinx, docname: str) -> Contribution | None:
    """The released case shown on `docname`, if it is one."""
    return state.project(app).contributions.get(docname) if state.is_contribution(docname) else None


def offprint_path(app: Sphinx, c: Contribution) -> Path | None:
    folder = str(app.config.koop_downloads or "")
    file = Path(folder) / citation.offprint_name(c.slug) if folder else None
    return file if file is not None and file.is_file() else None


def offprint_href(c: Contribution) -> str:
    """Where the Sonderdruck lies in the site (relative to its root)."""
    return f"{DOWNLOADS}/{citation.offprint_name(c.slug)}"


def cite_href(c: Contribution, suffix: str) -> str:
    return f"{citation.CITE_DIR}/{c.slug}.{suffix}"


PAGES_ATTR = "koop_issue_pages"  # on the builder: one run's page maps


def issue_pages(app: Sphinx) -> dict[int, dict[str, PageRange]]:
    """Issue number → docname → (first, last page) in the issue PDF this handbook run offers (none offered: {})."""
    known: dict[int, dict[str, PageRange]] | None = getattr(app.builder, PAGES_ATTR, None)
    if known is not None:
        return known
    folder = str(app.config.koop_downloads or "")
    project = state.project(app)
    pages = {number: pagemap.contribution_pages(project.root, project, issue, Path(folder) / issue.screen_pdf)
             for number, issue in project.issues.items()} if folder else {}
    setattr(app.builder, PAGES_ATTR, pages)
    return pages


def pages_of(app: Sphinx, c: Contribution) -> dict[int, PageRange]:
    """Issue number → the case's (first, last page) in that issue's PDF, where the build knows them."""
    return {number: found[c.docname] for number, found in issue_pages(app).items() if c.docname in found}


def record(app: Sphinx, c: Contribution) -> citation.Record:
    project = state.project(app)
    base = base_url(app)
    pdf = citation.site_url(base, offprint_href(c)) if offprint_path(app, c) else ""
    return citation.record(c, project.issues_of(c.docname), base, str(app.config.author), pdf, pages_of(app, c))


def relative(docname: str, href: str) -> str:
    """`href` (relative to the site root) as seen from page `docname`."""
    return "../" * docname.count("/") + href
