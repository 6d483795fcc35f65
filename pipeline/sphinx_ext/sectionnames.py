"""The text a reference to a section shows (`{ref}`): its title as it reads, without the title's footnote marks.

Sphinx keeps the text of every labelled section's title for references to it, footnote marks included: a title
„Ausgangslage[^1]“ made every `{ref}` to it read „Ausgangslage1“, in every output. After Sphinx has collected a
document's labels (`doctree-read`), the names of its sections whose titles hold a footnote mark are taken again
without them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.nodes import clean_astext


def without_marks(title: nodes.Element) -> str:
    """The title's text without its footnote marks."""
    copy = title.deepcopy()
    for mark in list(copy.findall(nodes.footnote_reference)):
        mark.parent.remove(mark)
    return clean_astext(copy)


def _renamed(app: Sphinx, doctree: nodes.document) -> None:
    std = app.env.domains.standard_domain
    for name, (docname, labelid, _old) in list(std.labels.items()):
        section = doctree.ids.get(labelid) if docname == app.env.docname else None
        title = section[0] if isinstance(section, nodes.section) and section.children else None
        if isinstance(title, nodes.title) and next(title.findall(nodes.footnote_reference), None) is not None:
            std.labels[name] = docname, labelid, without_marks(title)


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _renamed)
