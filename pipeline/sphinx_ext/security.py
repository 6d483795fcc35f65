"""Defence in depth for untrusted contributions: nothing raw, no dangerous link, no outside file.

Validation rejects these constructs and fails the build. On top of that, a contribution with a
security finding is not parsed at all (its source is replaced before MyST reads it, so an include
or a raw block never executes), and a transform strips raw nodes, script links, remote images and
images outside the contribution's folder from every document.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from .. import messages as M
from ..body import BAD_SCHEMES
from ..frontmatter import stand_in
from . import state

SECURITY_CODES = frozenset({"html", "raw", "directive", "role", "path_outside", "link_scheme", "image_remote",
                            "image_size", "image_type", "include_missing", "yaml_tag", "yaml_alias", "file_size",
                            "line_length", "encoding", "frontmatter_missing", "yaml"})


# refused in the front matter alone: MyST reads the body under a stand-in front matter (`frontmatter.stand_in`)
FRONT_MATTER_CODES = frozenset({"yaml", "yaml_tag", "yaml_alias"})


def _neutralise(app: Sphinx, docname: str, source: list[str]) -> None:
    if not state.is_contribution(docname):
        return
    report = state.project(app).reports.get(docname)
    codes = {p.code for p in report.problems} if report is not None else set()
    if codes & (SECURITY_CODES - FRONT_MATTER_CODES):
        source[0] = f"# {docname.rsplit('/', 1)[-1]}\n\n{M.BLOCKED}\n"
        return
    # a front matter MyST cannot take is reported by `check`; MyST reads the body under a stand-in, as body
    if (replaced := stand_in(source[0], docname.rsplit("/", 1)[-1])) is not None:
        source[0] = replaced


HARD_BREAKS = {("html", "<br />\n"), ("latex", "\\\\\n")}


def is_hard_break(node: nodes.raw) -> bool:
    """MyST renders a hard line break (a line ending in „\\“) as raw output; keep exactly that."""
    return (node.get("format", ""), node.astext()) in HARD_BREAKS


class StripUnsafe(SphinxTransform):
    default_priority = 100

    def apply(self, **kwargs: object) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if not is_hard_break(raw):
                raw.parent.remove(raw)
        for ref in self.document.findall(nodes.reference):
            uri = ref.get("refuri", "")
            if uri.strip().lower().startswith(BAD_SCHEMES):
                ref["refuri"] = "#"
        folder = Path(self.env.doc2path(self.env.docname)).parent.resolve()
        contribution = state.is_contribution(self.env.docname)
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            remote = "://" in uri or uri.startswith(("//", "data:"))
            outside = contribution and not remote and not (folder / uri).resolve().is_relative_to(folder)
            if remote or outside:
                image.parent.remove(image)


def setup(app: Sphinx) -> None:
    app.connect("source-read", _neutralise)
    app.add_transform(StripUnsafe)
