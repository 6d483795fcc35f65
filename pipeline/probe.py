"""The `koopcheck` Sphinx builder: what `nox -s check` runs after the file checks.

It reads every new or changed document with the real reader (MyST, docutils, Sphinx, the project's
transforms) into the environment the outputs share, resolves it and runs the print translator over
it without writing anything. Whatever would fail or warn in an output therefore already fails in
`check`, as a located German finding (see `sphinx_ext.capture`), remembered until the file changes.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .sphinx_ext import state
from .typst.translator import Context, TypstTranslator


class ProbeBuilder(Builder):
    name = "koopcheck"
    format = "typst"  # `only` directives and format-specific transforms behave as for the koopBLATT
    epilog = ""
    allow_parallel = False

    def get_outdated_docs(self) -> list[str]:
        return []  # the write phase sees exactly the documents read in this run

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return "doc:" + docname

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        if not state.is_contribution(docname):
            return  # pages are never printed; editorials are checked when their issue is set
        translator = TypstTranslator(doctree, Context(docname=docname, prefix=docname.rsplit("/", 1)[-1]))
        doctree.walkabout(translator)

    def finish(self) -> None:
        pass


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_builder(ProbeBuilder)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
