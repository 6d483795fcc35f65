"""Attributions of Markdown block quotes: a last paragraph „— Name“ becomes the quote's attribution.

reStructuredText and MyST's `{epigraph}` know attributions; a Markdown quote (`> …` followed by
`> -- Name`) does not. Authors write it anyway, so it is read the same way, and every format sets
it as an attribution (HTML/EPUB `<p class="attribution">`, Typst `quote(attribution: …)`).
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

DASH = re.compile(r"^\s*(?:---?|—|–)\s+(?=\S)")


class QuoteAttribution(SphinxTransform):
    default_priority = 500  # before Sphinx's smart quotes turn „--“ into a dash

    def apply(self, **kwargs: object) -> None:
        for quote in self.document.findall(nodes.block_quote):
            last = quote.children[-1] if len(quote.children) > 1 else None
            if not isinstance(last, nodes.paragraph) or not last.children:
                continue
            first = last.children[0]
            if not isinstance(first, nodes.Text) or not DASH.match(first.astext()):
                continue
            attribution = nodes.attribution("", nodes.Text(DASH.sub("", first.astext(), count=1)),
                                            *last.children[1:])
            attribution.source, attribution.line = last.source, last.line
            last.replace_self(attribution)


def setup(app: Sphinx) -> None:
    app.add_transform(QuoteAttribution)
