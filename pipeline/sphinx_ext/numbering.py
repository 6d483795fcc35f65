"""Figure and table numbers per document („Abb. 1“, „Tab. 2“) and `{numref}` to them, in every output.

Sphinx numbers figures while walking the toctree, and contributions are not in it (they are reached
through browse pages). So the project numbers them itself, once, when a document is read: every
figure with a caption and every table with a title, in document order, restarting in each document.
The number goes into the doctree as a `caption_number` node at the start of the caption (HTML and
EPUB show it as „Abb. 1:“; the Typst translator reads it and gives Typst the same number), and into
the environment, where a post-transform resolves `{numref}` before Sphinx's own resolver would.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from .. import messages as M
from . import findings

_ENV = "koop_numbers"  # env attribute: docname → node id → (figtype, number)
_REFS = "koop_numrefs"  # env attribute: docname → labels its {numref}s point to
_CHANGED = "koop_numbers_changed"  # env attribute: documents whose numbers changed in this build
_BEFORE = "koop_numbers_before"  # env attribute: numbers of documents purged for re-reading


class caption_number(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils node naming)
    """„Abb. 3:“ at the start of a caption or table title; `figtype` and `number` as attributes."""


def numbered(node: nodes.Node) -> tuple[str, nodes.Element] | None:
    """(figtype, caption or title) of a node that gets a number: a captioned figure or a titled table."""
    if isinstance(node, nodes.figure):
        caption = next((c for c in node.children if isinstance(c, nodes.caption)), None)
        return ("figure", caption) if caption is not None else None
    if isinstance(node, nodes.table):
        title = next((c for c in node.children if isinstance(c, nodes.title)), None)
        return ("table", title) if title is not None else None
    return None


def number_of(node: nodes.Element) -> tuple[str, int] | None:
    """The (figtype, number) assigned to a figure or table, read from its caption."""
    found = numbered(node)
    if found is None:
        return None
    mark = next(iter(found[1].findall(caption_number)), None)
    return (str(mark["figtype"]), int(mark["number"])) if mark is not None else None


def label(figtype: str, number: int) -> str:
    """The German label of a number as a reader sees it in running text: „Abb. 3“."""
    return M.NUMFIG[figtype] % number


def assign(app: Sphinx, doctree: nodes.document) -> None:
    """Number the figures and tables of the document just read (restarting in every document)."""
    env = app.env
    numbers: dict[str, tuple[str, int]] = {}
    counters: dict[str, int] = {}
    for node in list(doctree.findall(nodes.Element)):
        found = numbered(node)
        if found is None:
            continue
        figtype, caption = found
        counters[figtype] = counters.get(figtype, 0) + 1
        number = counters[figtype]
        if not node["ids"]:
            doctree.set_id(node)
        for node_id in node["ids"]:
            numbers[node_id] = (figtype, number)
        caption.insert(0, caption_number("", M.CAPTION_NUMBER.format(label(figtype, number)), figtype=figtype,
                                         number=number))
    if _before(env).pop(env.docname, None) != numbers:
        _changed(env).add(env.docname)
    _store(env)[env.docname] = numbers
    _refs(env)[env.docname] = {str(x["reftarget"]) for x in doctree.findall(addnodes.pending_xref)
                               if x.get("reftype") == "numref"}


def _attr(env: BuildEnvironment, name: str, default: Any) -> Any:
    if not hasattr(env, name):
        setattr(env, name, default)
    return getattr(env, name)


def _store(env: BuildEnvironment) -> dict[str, dict[str, tuple[str, int]]]:
    value: dict[str, dict[str, tuple[str, int]]] = _attr(env, _ENV, {})
    return value


def _refs(env: BuildEnvironment) -> dict[str, set[str]]:
    value: dict[str, set[str]] = _attr(env, _REFS, {})
    return value


def _changed(env: BuildEnvironment) -> set[str]:
    value: set[str] = _attr(env, _CHANGED, set())
    return value


def _before(env: BuildEnvironment) -> dict[str, dict[str, tuple[str, int]]]:
    value: dict[str, dict[str, tuple[str, int]]] = _attr(env, _BEFORE, {})
    return value


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    if docname in _store(env):
        _before(env)[docname] = _store(env).pop(docname)  # compared when the document is read again
    _refs(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
    numbers, refs = _store(other), _refs(other)
    _store(env).update({d: numbers[d] for d in docnames if d in numbers})
    _refs(env).update({d: refs[d] for d in docnames if d in refs})
    _changed(env).update(_changed(other))


def _referring(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Documents whose {numref} points into a document with changed numbers are written again."""
    changed, labels = _changed(env) | set(_before(env)), env.domains.standard_domain.labels  # (removed ones too)
    again = [doc for doc, targets in _refs(env).items() if doc not in changed
             and any(labels.get(t, ("",))[0] in changed for t in targets)]
    _changed(env).clear()
    _before(env).clear()
    return sorted(again)


def _format(title: str, number: str, name: str) -> str:
    """A `{numref}` text: „Siehe Abb. %s“ (old style) or „{number}“/„{name}“ (new style), like Sphinx."""
    if "{number}" in title or "{name}" in title:
        return title.replace("{number}", number).replace("{name}", name)
    return title.replace("%s", number) if "%s" in title else title


class NumberReferences(SphinxPostTransform):
    """`{numref}` with the project's numbers; runs before Sphinx's resolver, which would refuse (numfig off)."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        std = self.env.domains.standard_domain
        numbers = _store(self.env)
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") != "std" or node.get("reftype") != "numref":
                continue
            target = str(node["reftarget"])
            docname, labelid, name = std.labels.get(target, ("", "", ""))
            if not docname:
                docname, labelid = std.anonlabels.get(target, ("", ""))
            found = numbers.get(docname, {}).get(labelid)
            contnode = node[0].deepcopy() if node.children else nodes.Text(target)
            if found is None:
                findings.report("numref", node, target)
                node.replace_self(contnode)
                continue
            figtype, number = found
            title = contnode.astext() if node.get("refexplicit") else M.NUMFIG[figtype]
            text = _format(title, str(number), name or "")
            ref = std.build_reference_node(self.env.docname, self.env._app.builder, docname, labelid, text, "numref",
                                           node_class=addnodes.number_reference, title=title)
            node.replace_self(ref)


def visit_caption_number(self: HTML5Translator, node: caption_number) -> None:
    self.body.append(f'<span class="caption-number">{self.encode(node.astext())} </span>')
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(caption_number, html=(visit_caption_number, None))
    app.connect("doctree-read", assign)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-updated", _referring)
    app.add_post_transform(NumberReferences)
