"""Literature and citing: the bibliography, citations, the citation box and its downloads."""

from __future__ import annotations

from .ebooks import EPUB_HANDBOOK_TITLE
from .record import Message

LITERATURE_CODES: tuple[Message, ...] = (
    Message("cite_unknown", "Unbekannter Literaturschlüssel „{}“.",
            "Tragen Sie das Werk in docs/literatur.bib ein oder prüfen Sie die Schreibweise des Schlüssels."),
    Message("cite_syntax", "Zitierung „{}“ ist nicht lesbar.",
            "Schreiben Sie z. B. {cite:p}`schluessel` oder {cite:p}`schluessel{S. 12}`."),
    Message("bib_syntax", "Dieser Eintrag in der Literaturdatei ist fehlerhaft: {}.",
            "Prüfen Sie Klammern, Kommas und Anführungszeichen des Eintrags."),
    Message("bib_duplicate", "Der Literaturschlüssel „{}“ ist doppelt vergeben.",
            "Geben Sie jedem Eintrag einen eigenen Schlüssel, z. B. mit „a“ und „b“ am Ende."),
    Message("bib_field", "Dem Literatureintrag „{}“ fehlt das Feld „{}“.",
            "Ergänzen Sie das Feld im Eintrag, z. B. „year = {2014},“."),
    Message("bib_missing", "Die Literaturdatei „{}“ fehlt.",
            "Legen Sie die Datei an; sie darf leer sein, solange niemand zitiert."),
)

CITE_CONTAINER = EPUB_HANDBOOK_TITLE  # a case is cited as part of the handbook, under its one title
CITE_PLACE = "Leipzig"
CITE_ALSO_IN = "Auch erschienen in: {}"
CITE_PAGES = "S. {}"
CITE_TITLE = "Zitieren"
CITE_INTRO = "Zitiervorschlag:"
CITE_BIBTEX = "BibTeX"
CITE_RIS = "RIS (Zotero, Citavi, EndNote)"
CITE_DOWNLOADS = "Herunterladen:"
CITE_OFFPRINT = "Als PDF (Sonderdruck, {} MB)"
CITE_LICENSE = "Lizenz: {}"
