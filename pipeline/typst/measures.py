"""Page geometry of the koopBLATT formats as the template sets them (templates/koopblatt/style.typ, `_masse`):
how wide an image is printed, so that it is downsampled for print once, to the size it is set at."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docutils import nodes

from .translator import author_width, spans_columns

BLEED_MM = 3.0


@dataclass(frozen=True)
class Page:
    """A format's measures, in mm."""

    width: float
    height: float
    text: float  # text width between the margins
    columns: int
    gutter: float
    area: float  # height of the type area

    @property
    def column(self) -> float:
        return (self.text - self.gutter * (self.columns - 1)) / self.columns

    def cover(self, aspect: float) -> float:
        """Width of a cover picture: it fills page width plus bleed and the page below the masthead (a third)."""
        return max(self.width + 2 * BLEED_MM, (self.height * 2 / 3 + BLEED_MM) * aspect)


# one per `schema.FORMATS` (tests/test_page_formats.py holds them together)
PAGES = {"a4": Page(210, 297, 210 - 20 - 17, 2, 6, 297 - 25 - 23),
         "a5": Page(148, 210, 148 - 18 - 15, 1, 4.5, 210 - 19 - 18)}
# The highest a figure's picture is printed, as a part of the type area's height: in a column, across the page
# (template: `_bild-anteil`); a taller one is printed narrower.
PICTURE_SHARE = (0.4, 0.5)
UNITS_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}


def placed_mm(node: nodes.image, aspect: float, page: Page, *, full_width: bool) -> float:
    """How wide an image is printed at most: a column, or the text width for figures that span both columns
    (and on pages without columns), a figure's picture no higher than its share of the type area; an author's
    `:width:` makes it narrower."""
    wide = spans_columns(node, aspect)
    room = page.text if full_width or wide else page.column
    if isinstance(node.parent, nodes.figure):
        room = min(room, PICTURE_SHARE[wide] * page.area * aspect)
    given = author_width(node)
    m = re.fullmatch(r"([\d.]+)(%|mm|cm|in|pt)", given or "")
    if m is None:
        return room
    value = float(m.group(1))
    return min(room, room * value / 100 if m.group(2) == "%" else value * UNITS_MM[m.group(2)])
