"""The handbook's search: Pagefind instead of Sphinx's search (one field, filters from the front matter).

Sphinx's own search index and page are switched off by the handbook's builder (`builder.py`). Every released
contribution page marks its article as `data-pagefind-body` and carries its filters (Stadt, Themenfeld,
Projektfamilie, Aufgabe, Art, Jahr) as `data-pagefind-filter` elements written from the validated model,
never scraped from the page. Only contribution pages are indexed: browse and info pages repeat the cases'
abstracts or describe the project, and a filter would not apply to them. `index()` runs the Pagefind
binary (PyPI `pagefind[extended]`) over the finished pages, before the handbook is published.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .. import messages as M
from ..diagnostics import Diagnostic, diag
from ..model import Contribution
from ..sphinx_ext import state

PAGE = "suche"
BUNDLE = "_pagefind"
STAMP = ".koop-suchindex"  # digest of the indexed pages: an unchanged handbook is not indexed again
GLOB = "beitraege/**/*.html"  # only contribution pages carry a search body


def filters(app: Sphinx, c: Contribution) -> dict[str, list[str]]:
    """The filter values of one contribution, German labels (what readers tick), keyed by the filter's name."""
    tax = state.project(app).taxonomy
    f = M.SEARCH_FILTERS
    return {
        f["stadt"]: [tax.cities[c.stadt].label],
        f["themenfeld"]: [tax.fields[c.themenfeld].label],
        f["projektfamilie"]: [tax.families[p].label for p in c.projektfamilien],
        f["aufgabe"]: [tax.tasks[t].label for t in c.aufgaben],
        f["art"]: [tax.kinds[c.art].label],
        f["jahr"]: [str(c.date.year)],
    }


# parts of a case page that are not its text: the card's labels and fields (they are the filters) and the
# titles of related cases (they would make a case match words only its neighbours contain)
NOT_TEXT = re.compile(r'<(p|dl|div) class="(koop-karte-kopf|koop-felder|koop-verwandt)\b')


def _body(app: Sphinx, c: Contribution, body: str) -> str:
    tax = state.project(app).taxonomy
    f = M.SEARCH_FILTERS
    # title, and city and kind shown as tags under each result (the city tag in the city's colour)
    marks = [f'<span data-pagefind-meta="title">{escape(c.title)}</span>',
             f'<span data-pagefind-meta="{f["stadt"]}">{escape(tax.cities[c.stadt].label)}</span>',
             f'<span data-pagefind-meta="{f["art"]}">{escape(tax.kinds[c.art].label)}</span>']
    for name, values in filters(app, c).items():
        marks += [f'<span data-pagefind-filter="{escape(name)}">{escape(v)}</span>' for v in values]
    # ignored for the text (the card shows the same words), read for filters and meta; never displayed
    hidden = f'<div data-pagefind-ignore hidden>{"".join(marks)}</div>'
    body = NOT_TEXT.sub(lambda m: f'<{m[1]} data-pagefind-ignore class="{m[2]}', body)
    return f'<div data-pagefind-body>{hidden}{body}</div>'


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name != "html":  # the e-book builder is an HTML builder too
        return
    context.update(koop_search_page=PAGE, koop_search_label=M.SEARCH_LABEL, koop_search_button=M.SEARCH_BUTTON)
    project = state.project(app)
    c = project.contributions.get(pagename)
    if c is not None and "body" in context and not app.config.koop_preview:
        context["body"] = _body(app, c, context["body"])


def _search_page(app: Sphinx) -> Any:
    if app.builder.name != "html":
        return
    yield PAGE, {
        "title": M.SEARCH_TITLE,
        "koop_search_title": M.SEARCH_TITLE,
        "koop_search_intro": M.SEARCH_INTRO,
        "koop_search_noscript": M.SEARCH_NOSCRIPT,
        "koop_search_unavailable": M.SEARCH_UNAVAILABLE,
        "koop_search_open": M.SEARCH_FILTERS["stadt"],
        "koop_search_filters": json.dumps(M.SEARCH_FILTERS, ensure_ascii=False),
        "koop_search_cities": json.dumps({c.label: c.id for c in state.project(app).taxonomy.cities.values()},
                                         ensure_ascii=False),
        "koop_search_translations": json.dumps(M.SEARCH_UI, ensure_ascii=False),
    }, "koop-suche.html"


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
    app.connect("html-collect-pages", _search_page)


# -- indexing (after Sphinx, before publishing) ---------------------------------------------------------
def _signature(site: Path) -> str:
    h = hashlib.sha1()
    for page in sorted(site.glob(GLOB)):
        st = page.stat()
        h.update(f"{page.relative_to(site).as_posix()}\0{st.st_mtime_ns}\0{st.st_size}\n".encode())
    return h.hexdigest()


def _binary() -> str:
    from pagefind_bin_extended import get_executable  # type: ignore[import-not-found,unused-ignore]

    return str(get_executable())


class Indexing:
    """Pagefind at work on a site (a separate process: it runs while the caller waits for other work, e.g.
    epubcheck). `wait` swaps the new index in if it succeeded; `cancel` drops it."""

    def __init__(self, site: Path, signature: str) -> None:
        self.site, self.signature = site, signature
        self.fresh = site / f".{BUNDLE}.neu"
        shutil.rmtree(self.fresh, ignore_errors=True)
        self.proc: subprocess.Popen[str] | None = None
        self.failure: list[str] = []
        try:
            self.proc = subprocess.Popen(
                [_binary(), "--site", str(site), "--glob", GLOB, "--output-path", str(self.fresh),
                 "--force-language", "de", "--keep-index-url", "--silent"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except (OSError, ImportError) as exc:
            self.failure = [str(exc)]

    def wait(self) -> Diagnostic | None:
        if self.proc is not None:
            out, err = self.proc.communicate()
            if self.proc.returncode:
                self.failure = (err or out).strip().splitlines()[-1:] or ["?"]
        if self.failure or not (self.fresh / "pagefind-ui.js").is_file():
            shutil.rmtree(self.fresh, ignore_errors=True)
            return diag("build/html", 1, "search_index", " ".join(self.failure) or "?")
        bundle = self.site / BUNDLE
        shutil.rmtree(bundle, ignore_errors=True)
        self.fresh.rename(bundle)
        (self.site / STAMP).write_text(self.signature, encoding="utf-8")
        return None

    def cancel(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.communicate()
        shutil.rmtree(self.fresh, ignore_errors=True)


def start_index(site: Path) -> Indexing | None:
    """Start writing `site/_pagefind` for the pages in `site`; None when no contribution page changed.
    The new index is written next to the old one and swapped in only when Pagefind succeeded."""
    signature = _signature(site)
    if (site / BUNDLE).is_dir() and (site / STAMP).is_file() and \
            (site / STAMP).read_text(encoding="utf-8") == signature:
        return None
    return Indexing(site, signature)

