"""Machine-readable metadata in the head of every case page, and the feed link in every page.

Citation managers (Zotero, Citavi, Mendeley) and Google Scholar read the Highwire Press `citation_*`
tags; library tools read Dublin Core; search engines schema.org JSON-LD; social networks OpenGraph and
Twitter cards. All values come from the same citation record as the Zitieren box, the BibTeX and RIS
files; all URLs are absolute, from `html_baseurl`.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .. import citation
from .. import messages as M
from ..model import Contribution
from ..sphinx_ext import state
from . import cases, sharecard

FEED = "feed.xml"
DESCRIPTION_LIMIT = 200  # characters of an introduction; search engines show about 150
MIN_INTRO = 40  # a shorter first paragraph (a date line, a label) is no introduction
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])")


def _meta(attr: str, key: str, value: str) -> str:
    return f'<meta {attr}="{html.escape(key)}" content="{html.escape(value)}" />'


def _container_tags(rec: citation.Record, c: Contribution) -> list[str]:
    """What the case is part of, typed as citation managers type it (Zotero's „Embedded Metadata“ translator
    takes the item type from the Highwire tags: `citation_journal_title` makes a journal article,
    `citation_book_title` a book section; a bare `citation_title` would be guessed a journal article).

    Printed in a published koopBLATT: an article of that issue, with its number, pages, date and ISSNs. Only in
    the handbook: a section of the handbook (as its BibTeX @incollection and RIS CHAP say), dated by the case."""
    if not rec.printed:
        day = c.date.strftime("%Y/%m/%d")
        return [_meta("name", "citation_book_title", rec.container),
                _meta("name", "citation_publication_date", day), _meta("name", "citation_date", day)]
    issue = rec.printed[0]  # the first published issue is the version of record
    day = issue.date.strftime("%Y/%m/%d")
    tags = [_meta("name", "citation_journal_title", issue.journal),
            _meta("name", "citation_issue", str(issue.number)),
            _meta("name", "citation_publication_date", day), _meta("name", "citation_date", day),
            _meta("name", "citation_online_date", c.date.strftime("%Y/%m/%d"))]
    if issue.first:
        tags += [_meta("name", "citation_firstpage", str(issue.first)),
                 _meta("name", "citation_lastpage", str(issue.last or issue.first))]
    if issue.issn_print:
        tags.append(_meta("name", "citation_issn", issue.issn_print))
    if issue.issn_online:
        tags.append(_meta("name", "citation_eIssn", issue.issn_online))
    return tags


def head_tags(app: Sphinx, c: Contribution, doctree: nodes.document | None) -> list[str]:
    """The <meta>/<link>/<script type="application/ld+json"> elements of one case page."""
    rec = cases.record(app, c)
    field = state.project(app).taxonomy.fields[c.themenfeld].label
    social, image_url = _sharing_tags(app, c, rec, field, doctree)
    return [*_citation_tags(rec, c), *_dublin_core_tags(rec, c, field), *social, json_ld(app, c, rec, image_url)]


def _citation_tags(rec: citation.Record, c: Contribution) -> list[str]:
    """Highwire Press `citation_*` (Google Scholar, Zotero)."""
    tags = [_meta("name", "citation_title", rec.full_title)]
    for p in rec.authors:
        tags.append(_meta("name", "citation_author", p.inverted))
        if p.affiliation:
            tags.append(_meta("name", "citation_author_institution", p.affiliation))
    tags += _container_tags(rec, c)
    tags += [_meta("name", "citation_publisher", rec.publisher),
             _meta("name", "citation_language", rec.language),
             _meta("name", "citation_abstract_html_url", rec.url)]
    tags += [_meta("name", "citation_keywords", k) for k in rec.keywords]
    if rec.abstract:
        tags.append(_meta("name", "citation_abstract", rec.abstract))
    if rec.pdf_url:
        tags.append(_meta("name", "citation_pdf_url", rec.pdf_url))
    return tags


def _dublin_core_tags(rec: citation.Record, c: Contribution, field: str) -> list[str]:
    """Dublin Core (DCMI „DC-HTML“); `field` is the case's Themenfeld, its first subject."""
    tags = ['<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />',
            _meta("name", "DC.title", rec.full_title)]
    tags += [_meta("name", "DC.creator", p.inverted) for p in rec.authors]
    tags += [_meta("name", "DC.date", c.date.isoformat()), _meta("name", "DC.language", rec.language),
             _meta("name", "DC.publisher", rec.publisher), _meta("name", "DC.rights", rec.license),
             _meta("name", "DC.type", "Text"), _meta("name", "DC.format", "text/html"),
             _meta("name", "DC.identifier", rec.url)]
    if rec.abstract:
        tags.append(_meta("name", "DC.description", rec.abstract))
    tags += [_meta("name", "DC.subject", s) for s in (field, *rec.keywords)]
    return tags


def _sharing_tags(app: Sphinx, c: Contribution, rec: citation.Record, field: str,
                  doctree: nodes.document | None) -> tuple[list[str], str]:
    """OpenGraph and Twitter card, and the address of the share picture ("" without one)."""
    picture = sharecard.card(app, c, doctree)
    description = rec.abstract or rec.full_title
    tags = [_meta("property", "og:type", "article"), _meta("property", "og:title", rec.full_title),
            _meta("property", "og:description", description), _meta("property", "og:url", rec.url),
            _meta("property", "og:site_name", str(app.config.html_title)), _meta("property", "og:locale", "de_DE"),
            _meta("property", "article:published_time", c.date.isoformat()),
            _meta("property", "article:section", field)]
    tags += [_meta("property", "article:tag", k) for k in rec.keywords]
    tags += [_meta("name", "twitter:card", "summary_large_image" if picture else "summary"),
             _meta("name", "twitter:title", rec.full_title), _meta("name", "twitter:description", description)]
    if picture is None:
        return tags, ""
    image_url = citation.site_url(cases.base_url(app), picture.path)
    tags += [_meta("property", "og:image", image_url), _meta("property", "og:image:type", picture.mime),
             _meta("property", "og:image:width", str(sharecard.SIZE[0])),
             _meta("property", "og:image:height", str(sharecard.SIZE[1])),
             _meta("property", "og:image:alt", picture.alt),
             _meta("name", "twitter:image", image_url), _meta("name", "twitter:image:alt", picture.alt)]
    return tags, image_url


def json_ld(app: Sphinx, c: Contribution, rec: citation.Record, image_url: str) -> str:
    """schema.org `Article` (headline: title and subtitle; printed in an issue: the `PublicationIssue` and the
    article's pages in it), safe inside <script> (no "<", ">" or "&" survives unescaped)."""
    tax = state.project(app).taxonomy
    publisher = {"@type": "Organization", "name": rec.publisher}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": rec.url,
        "url": rec.url,
        "mainEntityOfPage": rec.url,
        "headline": rec.full_title,
        "name": rec.full_title,
        "author": [{"@type": "Person", "name": p.name,
                    **({"affiliation": {"@type": "Organization", "name": p.affiliation}} if p.affiliation else {})}
                   for p in rec.authors],
        "datePublished": c.date.isoformat(),
        "inLanguage": rec.language,
        "publisher": publisher,
        "isPartOf": {"@type": "Book", "name": rec.container, "url": cases.base_url(app), "publisher": publisher},
        "about": [tax.fields[c.themenfeld].label, *(tax.families[p].label for p in c.projektfamilien)],
        "contentLocation": {"@type": "City", "name": tax.cities[c.stadt].label},
        "genre": tax.kinds[c.art].label,
        "license": citation.license_url(rec.license) or rec.license,
    }
    if rec.subtitle:
        data["alternativeHeadline"] = rec.subtitle
    if rec.abstract:
        data["abstract"] = data["description"] = rec.abstract
    if rec.keywords:
        data["keywords"] = list(rec.keywords)
    if image_url:
        data["image"] = image_url
    if rec.pdf_url:
        data["encoding"] = {"@type": "MediaObject", "encodingFormat": "application/pdf", "contentUrl": rec.pdf_url,
                            "name": M.CITE_OFFPRINT.split(" (")[0]}
    if rec.printed:
        data["isPartOf"] = [data["isPartOf"], *(_issue_ld(p, publisher) for p in rec.printed)]
        first = rec.printed[0]
        if first.first:
            data["pageStart"], data["pageEnd"] = first.first, first.last or first.first
            data["pagination"] = first.pages
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _issue_ld(p: citation.Printing, publisher: dict[str, str]) -> dict[str, Any]:
    """A koopBLATT issue as schema.org `PublicationIssue` of the `Periodical` (with its ISSNs)."""
    periodical: dict[str, Any] = {"@type": "Periodical", "name": p.journal, "publisher": publisher}
    if p.issns:
        periodical["issn"] = list(p.issns)
    return {"@type": "PublicationIssue", "name": p.name, "issueNumber": str(p.number),
            "datePublished": p.date.isoformat(), "isPartOf": periodical}


def summary(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Whole sentences of `text` up to `limit` characters; a longer first sentence cut at a word („…“)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in SENTENCE_END.split(text):
        if len(kept) + 1 + len(sentence) > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ") + " …"


def _intro(doctree: nodes.document) -> str:
    """The text of a page's first plain paragraph (not a subtitle, motto, card or list item)."""
    for paragraph in doctree.findall(nodes.paragraph):
        if paragraph.get("classes") or any(
                isinstance(a, (nodes.list_item, nodes.field_list, nodes.table, nodes.admonition, nodes.footnote))
                or a.get("classes") for a in _ancestors(paragraph)):
            continue
        text = str(paragraph.astext()).strip()
        if len(text) >= MIN_INTRO:
            return text
    return ""


def _ancestors(node: nodes.Element) -> list[nodes.Element]:
    found = []
    parent = node.parent
    while isinstance(parent, nodes.Element) and not isinstance(parent, (nodes.document, nodes.section)):
        found.append(parent)
        parent = parent.parent
    return found


def description(app: Sphinx, pagename: str, context: dict[str, Any], doctree: nodes.document | None) -> str:
    """A page's `<meta name="description">`: a case's abstract, another page's introduction, the search page's
    explanation; the handbook's title where a page has no text of its own (e.g. the index)."""
    c = cases.case(app, pagename)
    if c is not None and c.abstract:
        return " ".join(str(c.abstract).split())
    text = _intro(doctree) if doctree is not None else str(context.get("koop_search_intro", ""))
    return summary(text) if text else f"{context.get('title', '')} – {app.config.html_title}".strip(" –")


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: nodes.document | None) -> None:
    if not cases.handbook(app):
        return
    feed = context["pathto"](FEED, 1)
    extra = [_meta("name", "description", description(app, pagename, context, doctree)),
             f'<link rel="alternate" type="application/atom+xml" title="{html.escape(M.FEED_LINK_TITLE)}" '
             f'href="{html.escape(feed)}" />']
    c = cases.case(app, pagename)
    if c is not None:
        extra += head_tags(app, c, doctree)
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(extra) + "\n"


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
