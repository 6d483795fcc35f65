"""`koop_link`: a link to another document (plus anchor) resolved per builder after reading."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


class koop_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils node naming)
    """Link to `todoc` (a docname) and optional `anchor`; becomes a reference at resolve time."""


def make(text: str | nodes.Node, todoc: str, anchor: str = "", classes: list[str] | None = None) -> koop_link:
    child = nodes.Text(text) if isinstance(text, str) else text
    return koop_link("", "", child, todoc=todoc, anchor=anchor, classes=classes or [])


def resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(koop_link)):
        todoc, anchor = node["todoc"], node.get("anchor", "")
        if todoc in app.env.all_docs or todoc == docname:
            uri = "" if todoc == docname else app.builder.get_relative_uri(docname, todoc)
            new: nodes.Element = nodes.reference("", "", *node.children, internal=True,
                                                 refuri=uri + (f"#{anchor}" if anchor else ""),
                                                 classes=node["classes"])
        else:
            new = nodes.inline("", "", *node.children, classes=node["classes"])
        node.replace_self(new)


def setup(app: Sphinx) -> None:
    app.add_node(koop_link)
    app.connect("doctree-resolved", resolve, priority=100)
