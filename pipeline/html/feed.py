"""Atom feed of the newest cases (feedgen), sitemap.xml and robots.txt of the handbook.

Written at the end of every handbook run from the project, not from the pages written in that run:
an incremental build (which rewrites only a few pages) still lists every page. (sphinx-sitemap collects
only the pages written in the current run and prefixes the language, so it does not fit here.)
Dates come from the front matter, never from the clock, so unchanged sources give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree

from feedgen.feed import FeedGenerator
from sphinx.application import Sphinx

from .. import citation, xmlout
from .. import messages as M
from ..outputs import write_if_changed
from ..sphinx_ext import state
from . import cases
from .meta import FEED

NEWEST = 30  # entries in the feed
SITEMAP, ROBOTS = "sitemap.xml", "robots.txt"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
ATOM_NS = "http://www.w3.org/2005/Atom"
NOT_IN_SITEMAP = frozenset({"genindex", "search", "probleme"})


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def atom(app: Sphinx) -> bytes:
    """The newest released cases as Atom 1.0 (RFC 4287)."""
    tax = state.project(app).taxonomy
    base = cases.base_url(app)
    newest = cases.published(app)[:NEWEST]
    fg = FeedGenerator()
    fg.id(citation.site_url(base, FEED))
    fg.title(M.FEED_TITLE)
    fg.subtitle(M.FEED_SUBTITLE)
    fg.language(citation.LANGUAGE)
    fg.author({"name": str(app.config.author)})
    fg.link(href=citation.site_url(base, FEED), rel="self", type="application/atom+xml")
    fg.link(href=citation.site_url(base, "index.html"), rel="alternate", type="text/html")
    fg.rights(str(app.config.copyright))
    fg.updated(_noon(newest[0].date) if newest else _noon(dt.date(2015, 6, 1)))
    links: dict[str, dict[str, str]] = {}  # href → attributes (see `_entry_links`)
    for c in reversed(newest):  # feedgen prepends: add oldest first, the feed reads newest first
        rec = cases.record(app, c)
        entry = fg.add_entry()
        entry.id(rec.url)
        entry.title(rec.full_title)
        links[rec.url] = {"rel": "alternate", "type": "text/html"}
        entry.link(href=rec.url, **links[rec.url])
        offprint = cases.offprint_path(app, c)
        if rec.pdf_url and offprint is not None:
            links[rec.pdf_url] = {"rel": "enclosure", "type": "application/pdf", "length": str(offprint.stat().st_size)}
            entry.link(href=rec.pdf_url, **links[rec.pdf_url])
        entry.published(_noon(c.date))
        entry.updated(_noon(c.date))
        for person in rec.authors:
            entry.author({"name": person.name})
        entry.summary(rec.abstract or rec.full_title)
        for term, label in ((c.stadt, tax.cities[c.stadt].label), (c.art, tax.kinds[c.art].label),
                            (c.themenfeld, tax.fields[c.themenfeld].label)):
            entry.category(term=term, label=label)
        entry.rights(rec.license)
    data = fg.atom_str(pretty=True)
    assert isinstance(data, bytes)  # feedgen is untyped
    return _entry_links(data, links)


def _entry_links(data: bytes, links: dict[str, dict[str, str]]) -> bytes:
    """feedgen 1.0 drops rel/type/length of entry links (its writer shadows the link data), which would leave
    two rel="alternate" links per entry (RFC 4287 forbids that): put them back."""
    root = ElementTree.fromstring(data)
    for link in root.iterfind(f"{{{ATOM_NS}}}entry/{{{ATOM_NS}}}link"):
        link.attrib.update(links.get(link.get("href", ""), {}))
    ElementTree.indent(root)
    text = xmlout.tostring(root, {"": ATOM_NS}, xml_declaration=True)
    return text + b"\n"


def sitemap(app: Sphinx) -> bytes:
    """Every published page (drafts never), by its public address."""
    project = state.project(app)
    base = cases.base_url(app)
    pages = sorted(d for d in app.env.found_docs
                   if d not in project.drafts and d not in NOT_IN_SITEMAP
                   and not (state.is_contribution(d) and d not in project.contributions))
    root = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for docname in pages:
        url = ElementTree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = citation.page_url(base, docname)
    ElementTree.indent(root)
    text = xmlout.tostring(root, {"": SITEMAP_NS}, xml_declaration=True)
    return text + b"\n"


def robots(app: Sphinx) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {citation.site_url(cases.base_url(app), SITEMAP)}\n".encode()


def _finished(app: Sphinx, exc: BaseException | None) -> None:
    if exc is None and cases.handbook(app):
        out = Path(app.outdir)
        write_if_changed(out / FEED, atom(app))
        write_if_changed(out / SITEMAP, sitemap(app))
        write_if_changed(out / ROBOTS, robots(app))


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _finished)
