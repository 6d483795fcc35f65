"""The „Zitieren“ box of every case page: German citation, BibTeX, RIS and the Sonderdruck.

Added when the handbook writes a page (`doctree-resolved`, HTML builder only), so the shared doctrees
of PDF and EPUB never see it and the Sonderdruck link reflects what this run publishes. A page whose
Sonderdruck appeared or vanished, or whose pages in an issue PDF changed, is written again (`_forget_changed`),
so neither the link nor the cited pages are ever stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .. import citation
from .. import messages as M
from ..sphinx_ext import marks
from . import cases

BOX = "koop-zitieren"
STATE = ".koop-sonderdrucke.json"  # in the output folder (never published): docname → page links a Sonderdruck


def _link(text: str, href: str, classes: list[str]) -> nodes.reference:
    return nodes.reference("", text, refuri=href, classes=classes)


def _citation_paragraph(text: str, url: str) -> nodes.paragraph:
    """The citation as text, its address as a link."""
    para = nodes.paragraph(classes=["koop-zitat"])
    head, sep, tail = text.rpartition(url) if url and text.endswith(url) else (text, "", "")
    para += nodes.Text(head)
    if sep:
        para += _link(url, url, ["koop-zitat-url"])
    para += nodes.Text(tail)
    return para


def box(app: Sphinx, docname: str) -> nodes.container | None:
    c = cases.case(app, docname)
    if c is None:
        return None
    rec = cases.record(app, c)
    out = nodes.container(classes=[BOX])
    out += nodes.rubric("", M.CITE_TITLE)
    out += nodes.paragraph("", M.CITE_INTRO, classes=["koop-zitieren-hinweis"])
    out += _citation_paragraph(citation.german([rec])[rec.key], rec.url)
    items = nodes.bullet_list(classes=["koop-zitieren-dateien"])
    links = [(M.CITE_BIBTEX, cases.cite_href(c, "bib")), (M.CITE_RIS, cases.cite_href(c, "ris"))]
    pdf = cases.offprint_path(app, c)
    if pdf is not None:
        size = M.decimal(pdf.stat().st_size / 1_000_000)
        links.insert(0, (M.CITE_OFFPRINT.format(size), cases.offprint_href(c)))
    for text, href in links:
        items += nodes.list_item("", nodes.paragraph("", "", _link(text, cases.relative(docname, href),
                                                                  [marks.DOWNLOAD])))
    out += nodes.paragraph("", M.CITE_DOWNLOADS, classes=["koop-zitieren-hinweis", "koop-zitieren-laden"])
    out += items
    out += nodes.paragraph("", M.CITE_LICENSE.format(c.license), classes=["koop-zitieren-lizenz"])
    return out


def _add_box(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not cases.handbook(app):
        return
    found = box(app, docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    if found is None or section is None:
        return
    related = next((n for n in section.children if isinstance(n, nodes.Element) and marks.RELATED in n["classes"]),
                   None)
    if related is not None:
        section.insert(section.index(related), found)
    else:
        section += found


def _offprints(app: Sphinx) -> dict[str, Any]:
    """Per case what its page shows that is not read from its source: whether it has a Sonderdruck, and its pages
    in the issue PDFs (head metadata and citation)."""
    return {c.docname: [cases.offprint_path(app, c) is not None, sorted(cases.pages_of(app, c).items())]
            for c in cases.published(app)}


def _forget_changed(app: Sphinx) -> None:
    """A page whose Sonderdruck appeared or vanished since it was written is written again: its output file is
    removed, so the builder writes it (without reading it again). A fresh output folder has nothing to forget."""
    if not cases.handbook(app):
        return
    try:
        before = json.loads((Path(app.outdir) / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for docname, shown in json.loads(json.dumps(_offprints(app))).items():  # as stored: tuples become lists
        if before.get(docname) != shown:
            (Path(app.outdir) / f"{docname}.html").unlink(missing_ok=True)


def _remember(app: Sphinx, exc: BaseException | None) -> None:
    if exc is None and cases.handbook(app):
        (Path(app.outdir) / STATE).write_text(json.dumps(_offprints(app), sort_keys=True), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", _add_box)
    app.connect("builder-inited", _forget_changed)
    app.connect("build-finished", _remember)
