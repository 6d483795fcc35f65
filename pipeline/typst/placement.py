"""Where figures go in print: a referenced figure is set after the block that first refers to it.

The koopBLATT sets figures as floats at the top or bottom of a column, or of the page for page-wide ones
(template: `placement`), in the column where the figure stands in the text. Authors often write a figure
at the end of a section, or before the text that introduces it, or collect them at the end; a reader of
the magazine finds it where the text first points to it („Abb. 2 zeigt …“). Only print moves figures:
HTML and EPUB keep the authored order (a scrolling page has no columns to float in).

What counts: references to the figure from the contribution's running text (`{numref}`, `{ref}`,
`[…](#label)`), not from a caption, a footnote or a heading; only figures that stand at the top level of a
section (not in a note, a list or a table) move, and to the top level only.

A figure first referred to in the contribution's last block of text is set before that block, not after it:
a float that does not fit where it is met goes on to the next column, and after the last block that is a page
of its own, with nothing but the figure on it.
"""

from __future__ import annotations

from docutils import nodes

from ..sphinx_ext import marks

# References in these do not place a figure: a caption (another figure's), a footnote (set at the foot of
# the page), a heading (the figure would come before the section's text).
NOT_PLACING = (nodes.caption, nodes.footnote, nodes.title, nodes.figure)
# Top-level nodes that are not text a figure could stand after.
NOT_TEXT = (nodes.figure, nodes.target, nodes.section, nodes.title, nodes.footnote, nodes.transition, nodes.comment,
            nodes.substitution_definition, nodes.rubric, nodes.Invisible)


def _targets(ref: nodes.reference, docname: str) -> list[str]:
    """Ids in this document a reference points to."""
    if "refid" in ref:
        return [ref["refid"]]
    uri: str = ref.get("refuri", "")
    doc, _, anchor = uri.removeprefix("doc:").partition("#")
    return [anchor] if uri.startswith("doc:") and doc == docname and anchor else []


def _top_level(node: nodes.Element) -> nodes.Element | None:
    """The block of a section (or of the document) that holds `node`; None inside a caption, footnote,
    heading or figure."""
    while node.parent is not None and not isinstance(node.parent, (nodes.section, nodes.document)):
        if isinstance(node, NOT_PLACING):
            return None
        node = node.parent
    return None if node.parent is None or isinstance(node, NOT_PLACING) else node


def _next_visible(node: nodes.Element) -> nodes.Node | None:
    """The next sibling that is set (targets, which only name the element after them, are not)."""
    parent = node.parent
    assert parent is not None
    return next((n for n in parent.children[parent.index(node) + 1:] if not isinstance(n, nodes.target)), None)


def _last_text(doctree: nodes.document) -> nodes.Element | None:
    """The contribution's last top-level block of text that is printed (not in its literature section)."""
    blocks = [n for n in doctree.findall(nodes.Element)
              if isinstance(n.parent, (nodes.section, nodes.document)) and not isinstance(n, NOT_TEXT)
              and marks.LITERATURE not in n.parent.get("classes", [])
              and not marks.NOT_IN_PRINT & set(n.get("classes", []))]
    return blocks[-1] if blocks else None


def figures_to_first_reference(doctree: nodes.document, docname: str) -> int:
    """Move every top-level figure that the running text refers to right after the block with its first
    reference (figures first referred to in one block follow it in the order they are referred to), or right
    before it if that is the last block of text. Returns how many figures moved."""
    figures = {i: f for f in doctree.findall(nodes.figure)
               if isinstance(f.parent, (nodes.section, nodes.document)) for i in f["ids"]}
    firsts: dict[int, tuple[nodes.figure, nodes.Element]] = {}  # id(figure) -> figure, block of its first reference
    for ref in doctree.findall(nodes.reference):
        for target in _targets(ref, docname):
            found = figures.get(target)
            block = _top_level(ref) if found is not None and id(found) not in firsts else None
            if found is not None and block is not None:
                firsts[id(found)] = (found, block)
    moved = 0
    last = _last_text(doctree)
    after: dict[int, nodes.Element] = {}  # id(block) -> the last node set after it
    for figure, block in firsts.values():  # in the order of their first references
        if block is last:
            parent = block.parent
            assert parent is not None and figure.parent is not None
            figure.parent.remove(figure)
            parent.insert(parent.index(block), figure)
            moved += 1
            continue
        anchor = after.get(id(block), block)
        after[id(block)] = figure
        if _next_visible(anchor) is figure:
            continue  # already where it belongs
        assert figure.parent is not None and anchor.parent is not None
        figure.parent.remove(figure)
        anchor.parent.insert(anchor.parent.index(anchor) + 1, figure)
        moved += 1
    return moved
