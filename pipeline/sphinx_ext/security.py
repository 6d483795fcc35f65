"""Defence in depth for untrusted contributions: nothing raw and no dangerous link reaches an output.

Validation already rejects these constructs (and fails the build); this transform makes sure
that even a document read despite errors carries no raw markup, script links or remote images.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..body import BAD_SCHEMES


class StripUnsafe(SphinxTransform):
    default_priority = 100

    def apply(self, **kwargs: object) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            raw.parent.remove(raw)
        for ref in self.document.findall(nodes.reference):
            uri = ref.get("refuri", "")
            if uri.strip().lower().startswith(BAD_SCHEMES):
                ref["refuri"] = "#"
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            if "://" in uri or uri.startswith(("//", "data:")):
                image.parent.remove(image)


def setup(app: Sphinx) -> None:
    app.add_transform(StripUnsafe)
