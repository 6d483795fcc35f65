"""Documents as the PDFs set them: a resolved doctree translated to Typst (a `Part`), its images copied for
print, and where each of its links goes in the PDF being set.

One `Parts` per builder run. Which documents the PDF being set contains (`linked`, docname → slug) and its page
format are arguments of `translate`, not state: an issue, a proof and every Sonderdruck are translated by the
same object one after the other.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder
from sphinx.util import logging

from .. import images
from ..outputs import work_dir, write_if_changed
from ..paths import ISSUE_PAGES_DIR
from ..sphinx_ext import marks, state
from .escape import label
from .measures import PAGES, Page, placed_mm
from .placement import figures_to_first_reference
from .preamble import Part
from .translator import Context, TypstTranslator, image_aspect

GENERIC_FONTS = {b"sans-serif": b"Fira Sans", b"serif": b"Libertinus Serif"}


def svg_fonts(data: bytes) -> bytes:
    """Typst draws SVG text with its own fonts and silently uses a serif for unknown generic
    families; put the magazine's open fonts first so diagrams are set in Fira Sans."""
    def fix(m: re.Match[bytes]) -> bytes:
        families = [f.strip().strip(b"'\"") for f in m.group(2).split(b",")]
        first = GENERIC_FONTS.get(families[0].lower()) if families else None
        if first is None:
            return m.group(0)
        return m.group(1) + first + b", " + m.group(2) + m.group(3)

    return re.sub(rb'(font-family\s*[=:]\s*["\']?)([^"\';>]+)(["\';]?)', fix, data)


class Parts:
    """Translates the documents of a `koopblatt` run for the PDFs (Sphinx is not thread-safe: main thread only)."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self._printed: dict[str, tuple[dict[str, str], set[str]]] = {}  # docname → ids and labels, once per run
        self._done: dict[tuple[str, tuple[tuple[str, str], ...], Page], Part] = {}  # translations of this run

    @property
    def outdir(self) -> Path:
        return Path(self.builder.outdir)

    def translate(self, docname: str, linked: dict[str, str], page: Page) -> Part:
        """The Typst body of `docname` in a PDF that contains the documents `linked` (docname → slug), set in
        `page`'s format; its images are copied into the output folder, sized for print. Translated once per run
        (an issue's contribution and its Sonderdruck are the same text)."""
        key = (docname, tuple(sorted(linked.items())), page)
        if key not in self._done:
            self._done[key] = self._translate(docname, linked, page)
        return self._done[key]

    def _translate(self, docname: str, linked: dict[str, str], page: Page) -> Part:
        env = self.builder.env
        doctree = env.get_and_resolve_doctree(docname, self.builder, tags=self.builder.tags)
        shown = self._copy_images(docname, doctree, page)
        ctx = Context(
            docname=docname, prefix=docname.rsplit("/", 1)[-1], images=shown,
            # a link to another contribution names the page of its label („siehe S. n“)
            labels_of=lambda d, a: self._label_of(linked, d, a),
            external_url=self._external_url, aspect=lambda uri: image_aspect(Path(self.builder.srcdir) / uri),
        )
        if docname.startswith(ISSUE_PAGES_DIR + "/"):
            section = next((s for s in doctree.findall(nodes.section) if "editorial" in s["names"]), None)
            if section is None:
                return Part(str(env.doc2path(docname)), "")
            doctree = _as_document(doctree, section)
        figures_to_first_reference(doctree, docname)
        translator = TypstTranslator(doctree, ctx)
        doctree.walkabout(translator)
        return Part(self.shown(Path(env.doc2path(docname))), translator.astext(), translator.source_lines)

    def shown(self, path: Path) -> str:
        """A source path as messages show it."""
        return state.shown(state.app_of(self.builder), path)

    def copy_image(self, src: Path, dest: Path, width_mm: float) -> None:
        """An image for the PDF: SVG with the magazine's fonts, PNG/JPEG downsampled to PRINT_PPI at `width_mm`."""
        if src.suffix.lower() == ".svg":
            data = svg_fonts(src.read_bytes())
        else:
            cache = work_dir(state.root_of(self.builder), "bilder")
            data = images.derive(src, cache, images.for_print(width_mm)).path.read_bytes()
        write_if_changed(dest, data)

    def _copy_images(self, docname: str, doctree: nodes.document, page: Page) -> dict[str, str]:
        """Copy the document's images to bilder/ of the output folder; uri → path the translator writes."""
        shown: dict[str, str] = {}
        full_width = not state.is_contribution(docname)  # editorial pages have no columns
        for node in doctree.findall(nodes.image):
            if marks.NOT_IN_PRINT & set(node.get("classes", [])):  # e.g. a card's thumbnail on an issue page
                continue
            uri = posixpath.normpath(node["uri"])
            src = Path(self.builder.srcdir) / uri
            if src.is_file():
                aspect = image_aspect(src)
                width = max(placed_mm(node, aspect, p, full_width=full_width) for p in self._pages_of(docname, page))
                self.copy_image(src, self.outdir / "bilder" / uri, width)
                shown[uri] = f"bilder/{uri}"
        return shown

    def _pages_of(self, docname: str, page: Page) -> list[Page]:
        """The formats a document is printed in: the PDF being set and every issue with it, so the image in the
        shared work folder is the same whichever issue is set (else every PDF would recompile)."""
        issues = state.project(state.app_of(self.builder)).issues_of(docname)
        return [page, *(PAGES[i.format.lower()] for i in issues)]

    def _label_of(self, linked: dict[str, str], docname: str, anchor: str) -> str | None:
        """The Typst label a link to `docname#anchor` goes to: the element itself when the document is set in
        this PDF and the translator labels it there, else the contribution's start; None if not in this PDF
        (print then names its page: „siehe S. n“ goes to the same label)."""
        if docname not in linked:
            return None
        start = label(f"beitrag-{linked[docname]}")
        if not anchor:
            return start
        primary, printed = self._printed_labels(docname)
        found = label(docname.rsplit("/", 1)[-1], primary.get(anchor, anchor))  # as `translate` prefixes them
        return found if found in printed else start

    def _printed_labels(self, docname: str) -> tuple[dict[str, str], set[str]]:
        """What the translator does with `docname`'s ids (first id of each element, labels it writes), by
        translating it as `translate` does (quietly: its own translation reports); once per run."""
        if docname not in self._printed:
            doctree = self.builder.env.get_and_resolve_doctree(docname, self.builder, tags=self.builder.tags)
            translator = TypstTranslator(doctree, Context(docname=docname, prefix=docname.rsplit("/", 1)[-1]))
            with logging.suppress_logging():
                doctree.walkabout(translator)
            self._printed[docname] = (translator.primary, translator.defined)
        return self._printed[docname]

    def _external_url(self, docname: str, anchor: str) -> str:
        base = str(self.builder.config.koop_handbook_url).rstrip("/")
        return f"{base}/{docname}.html" + (f"#{anchor}" if anchor else "") if base else ""


def _as_document(doctree: nodes.document, section: nodes.section) -> nodes.document:
    """The editorial section of an issue page as a document of its own."""
    doc = doctree.copy()
    wrapper = nodes.section("", nodes.title("", ""),
                            *[c.deepcopy() for c in section.children if not isinstance(c, nodes.title)])
    doc += wrapper
    return doc
