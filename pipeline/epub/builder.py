"""The `koopepub` builder: Sphinx's EPUB 3 writer for the chapters, our own packaging per book.

Sphinx's `epub` builder makes one book of the whole project from the root toctree. We need one
book per koopBLATT issue plus the handbook, from one set of chapter files, so this builder reuses
the XHTML writing (theme, images, ids) and replaces `handle_finish` by `package.build_books`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

from ..manifest import issue_number
from ..paths import rel
from ..sphinx_ext import capture, images, marks, state

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
DROP_CLASSES = marks.NOT_IN_EBOOKS


class KoopEpubTranslator(HTML5Translator):
    """HTML5 with EPUB 3 footnote semantics, so readers can show notes as pop-ups."""

    def visit_footnote_reference(self, node: nodes.Element) -> None:
        start = len(self.body)
        super().visit_footnote_reference(node)
        for i in range(start, len(self.body)):
            self.body[i] = self.body[i].replace('role="doc-noteref"', 'role="doc-noteref" epub:type="noteref"', 1)

    def visit_footnote(self, node: nodes.footnote) -> None:
        start = len(self.body)
        super().visit_footnote(node)
        for i in range(start, len(self.body)):
            if 'role="doc-footnote"' in self.body[i]:
                self.body[i] = self.body[i].replace('role="doc-footnote"', 'role="doc-footnote" epub:type="footnote"')


class KoopEpubBuilder(Epub3Builder):
    name = "koopepub"
    epilog = ""
    # not app.set_translator(): any registered translator makes pydata-sphinx-theme skip patching
    # the HTML builder's translator, which changes the handbook's tables
    default_translator_class = KoopEpubTranslator

    def init(self) -> None:
        super().init()
        self.script_files: list[Any] = []

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        for node in list(doctree.findall(nodes.Element)):
            if DROP_CLASSES & set(node.get("classes", [])) and node.parent is not None:
                node.parent.remove(node)
        super().write_doc(docname, doctree)

    def post_process_images(self, doctree: nodes.Node) -> None:
        super().post_process_images(doctree)
        images.size_images(self, doctree, lazy=False)  # no `loading` in EPUB 3's XHTML

    def copy_image_files(self) -> None:
        """Screen-sized copies (`sphinx_ext.images`) instead of Sphinx's originals."""
        images.copy_images(self)

    def handle_page(self, pagename: str, addctx: dict[str, Any], templatename: str = "page.html",
                    *, outfilename: Path | None = None, event_arg: Any = None) -> None:
        addctx["script_files"] = []  # no web-theme JavaScript in e-books
        super().handle_page(pagename, addctx, templatename, outfilename=outfilename, event_arg=event_arg)

    def handle_finish(self) -> None:
        """Package every changed book without errors (epubcheck runs afterwards, see `build`)."""
        from .package import build_books

        project = state.project(state.app_of(self))
        found = capture.findings(state.app_of(self)).all()

        def blocked(output: str) -> bool:
            return bool(project.errors_blocking(output, found))

        self.koop_books = build_books(self, project, blocked)

    def source_of(self, book: Path, message: str, project: Any) -> str:
        """The contribution a finding points into (its chapter file), else the book's manifest or index."""
        for docname in sorted(self.env.found_docs, key=len, reverse=True):
            if f"{docname}.xhtml" in message and docname in project.reports:
                return str(project.reports[docname].path)
        issue = next((i for i in project.every_issue() if i.number == issue_number(book)), None)
        return rel(issue.manifest, project.root) if issue is not None else "docs/index.md"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx.builders.epub3")
    app.add_builder(KoopEpubBuilder)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
