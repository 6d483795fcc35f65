"""The koopBLATT's page geometry and where its contributions start and end, for the make-up tests."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import Destination

TOP_MM, BOTTOM_MM = 25, 23  # A4 type area (template `_masse`)
BODY_PT = 9.5  # body text size: footnotes and literature are set smaller
SENTENCES = (
    "Die Hospitation führte Planerinnen aus Nürnberg für eine Woche in das Bremer Ortsamt West.",
    "Im Stadträtetreffen wurde deutlich, wie unterschiedlich die drei Städte ihre Quartiere steuern.",
    "Das Kuratorium auf Zeit empfahl, die Ergebnisse der Werkstatt in die Haushaltsberatung zu tragen.",
    "Wer leerstehende Erdgeschosse vermitteln will, braucht Ansprechpartner in der Verwaltung.",
    "Die Bewohnerinnen und Bewohner kannten ihre Straßen besser als jedes Gutachten.",
    "Aus dem Workshop ging eine Liste von zwölf Maßnahmen hervor, drei davon sind umgesetzt.",
    "Der Verfügungsfonds erlaubte kleine Projekte ohne langen Antrag.",
)  # running text for generated contributions


def last_pages(pdf: Path) -> dict[str, int]:
    """Contribution title → index of its last page (contributions are the PDF's bookmarks; the
    last one ends before the notes pages / back cover)."""
    reader = PdfReader(pdf)
    starts = [(str(item.title), reader.get_destination_page_number(item))
              for item in reader.outline if isinstance(item, Destination)]
    out = {}
    for (title, start), nxt in zip(starts, [*starts[1:], None], strict=True):
        if nxt is not None:
            out[title] = nxt[1] - 1
            continue
        end = start
        while end + 1 < len(reader.pages) - 1 and "Notizen" not in (reader.pages[end + 1].extract_text() or "")[:200]:
            end += 1
        out[title] = end
    return out


def first_pages(pdf: Path) -> dict[str, int]:
    """Contribution title → index of its first page (its bookmark)."""
    reader = PdfReader(pdf)
    return {str(item.title): reader.get_destination_page_number(item)
            for item in reader.outline if isinstance(item, Destination)}
