"""The classes the extension puts on the nodes it adds, named once for every format that reads them.

The extension builds plain docutils nodes (so every builder can render them); what a format must
skip or treat specially is known by these names, never by strings spelled out again elsewhere.
"""

from __future__ import annotations

CARD = "koop-karte"  # the metadata card under a contribution's title (the print template sets its own)
SUBTITLE = "koop-untertitel"
RELATED = "koop-verwandt"  # "related cases" box: links within the handbook
NOTES = "koop-anmerkungen"  # the heading above the footnotes of a page
LITERATURE = "koop-literatur"  # a contribution's Literatur section
CITE = "koop-cite"  # a rendered citation, „(Müller 2014, S. 12)“
DOWNLOAD = "koop-download"
DOWNLOADS = "koop-downloads"
COVER = "koop-umschlag"  # an issue's cover on its handbook page
DRAFT = "koop-entwurf"  # the preview's banner on a draft
PROBLEMS = "koop-probleme"  # the preview's list of a page's problems
THUMBNAIL = "koop-eintrag-bild"  # a card's picture (the case's first figure), decorative; the web only

NOT_IN_PRINT = frozenset({CARD, SUBTITLE, RELATED, NOTES, DOWNLOAD, DOWNLOADS, COVER, DRAFT, PROBLEMS, THUMBNAIL})
NOT_IN_EBOOKS = frozenset({DOWNLOAD, DOWNLOADS, DRAFT, PROBLEMS, THUMBNAIL})
