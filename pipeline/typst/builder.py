"""The `koopblatt` Sphinx builder: resolved doctrees → Typst → print and screen PDF per issue, or one proof.

Sphinx reads (incrementally, shared doctrees with the HTML build); this builder hands the writing phase to
`issues.Issues` (which issues changed, their main files, compiles) and `parts.Parts` (a document as the PDFs
set it). Results go to the builder's outdir; `pipeline.typst.build` publishes them atomically. The Sonderdrucke
(`offprint`) are set in the same run with the same translator and compile threads.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .. import messages as M
from ..diagnostics import Diagnostic
from ..manifest import Issue
from ..sphinx_ext import state
from .compile import forget
from .issues import Issues, Outcome, problem
from .measures import Page
from .parts import Parts
from .preamble import Part
from .workers import Workers


class KoopblattBuilder(Builder):
    """Sets every issue of the project (`koop_proof` empty) or the proof of one contribution.

    Public interface: `translate` (a document for a PDF), `workers` (the compile threads of the run), `problem`
    (a Typst failure as a located diagnostic) and `outcome` (what the run came to: written, blocked, refusal,
    failed)."""

    name = "koopblatt"
    format = "typst"
    epilog = ""
    allow_parallel = False
    supported_image_types: ClassVar[list[str]] = ["image/svg+xml", "image/png", "image/jpeg"]

    def init(self) -> None:
        self.outcome = Outcome()
        self.parts = Parts(self)
        self._workers: Workers | None = None
        self.on_issue_set: Callable[[Issue], None] | None = None  # told when an issue is laid out (or stands)

    def get_outdated_docs(self) -> str:
        return M.PDF_TARGETS

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return "doc:" + docname

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return "doc:" + to

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def write_documents(self, docnames: Set[str]) -> None:
        issues = Issues(self.parts, self.workers, self.outcome, self.on_issue_set)
        proof = self.config.koop_proof
        if proof:
            issues.proof(proof)
        else:
            project = state.project(state.app_of(self))
            for number in sorted(project.issues):
                issues.set(project.issues[number])
        issues.collect()

    def translate(self, docname: str, linked: dict[str, str], page: Page) -> Part:
        """`docname` as a PDF that contains the documents `linked` (docname → slug) sets it, in `page`'s format."""
        return self.parts.translate(docname, linked, page)

    def problem(self, where: str, text: str, line: int = 1) -> Diagnostic:
        return problem(self, where, text, line)

    def workers(self) -> Workers:
        """The compile threads of this run (shared with the Sonderdrucke; stopped at build-finished)."""
        if self._workers is None:
            self._workers = Workers(forget=forget)
        return self._workers

    def stop_workers(self) -> None:
        if self._workers is not None:
            self._workers.shutdown()
            self._workers = None
            forget()  # nothing of the PDFs is needed by the steps after them


def _stop_workers(app: Sphinx, exc: BaseException | None) -> None:
    if isinstance(app.builder, KoopblattBuilder):
        app.builder.stop_workers()


def setup(app: Sphinx) -> None:
    app.add_config_value("koop_proof", "", "", str)
    app.add_builder(KoopblattBuilder)
    app.connect("build-finished", _stop_workers, priority=900)  # after the Sonderdrucke are collected
