"""`{cite:p}` / `{cite:t}` roles (Jupyter Book syntax) rendered German author-year from literatur.bib."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.nodes import Node, system_message
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.util.docutils import SphinxRole

from ..bib import render_cite
from ..body import parse_cite
from . import marks, state

CITE_CLASS = marks.CITE


def ref_id(key: str) -> str:
    return "lit-" + nodes.make_id(key)


class CiteRole(SphinxRole):
    def __init__(self, mode: str) -> None:
        self.mode = mode

    def run(self) -> tuple[list[Node], list[system_message]]:
        bib = state.project(state.app_of(self.env)).bibliography
        items = parse_cite(self.text) or []
        keys = [key for _, key, _ in items]
        known = [k for k in keys if k in bib.refs]
        text = render_cite(bib, self.mode, items)
        node = nodes.inline("", "", classes=[CITE_CLASS], keys=keys, mode=self.mode)
        if len(known) == 1 and len(keys) == 1:
            node += nodes.reference(text, text, internal=True, refid=ref_id(known[0]))
        else:
            node += nodes.Text(text)
        return [node], []


class CiteDomain(Domain):
    name = "cite"
    label = "Literatur"
    roles: ClassVar = {"p": CiteRole("p"), "t": CiteRole("t")}

    def merge_domaindata(self, docnames: Any, otherdata: dict[str, Any]) -> None:
        pass

    def resolve_any_xref(self, *args: Any) -> list[Any]:
        return []  # citations are resolved by their roles, never through {any}


def cited_keys(doctree: nodes.Node) -> list[str]:
    """Keys cited in a doctree, in order of first citation."""
    seen: dict[str, None] = {}
    for node in doctree.findall(nodes.inline):
        if CITE_CLASS in node["classes"]:
            keys: list[str] = node.get("keys", [])
            for key in keys:
                seen.setdefault(key, None)
    return list(seen)


def setup(app: Sphinx) -> None:
    app.add_domain(CiteDomain)
