"""The e-books: package metadata, navigation, accessibility claims and progress lines."""

from __future__ import annotations

from .record import Message

EBOOK_CODES: tuple[Message, ...] = (
    Message("epubcheck", "Das E-Book „{}“ ist nicht gültig: {}",
            "Bitte an die Redaktion weitergeben: das E-Book wurde nicht veröffentlicht."),
)

EPUB_PUBLISHER = "Gemeinsame Geschäftsstelle koopstadt, Stadt Leipzig"
EPUB_HANDBOOK_TITLE = "koopstadt – Handbuch der Praxisfälle"
EPUB_HANDBOOK_SUBTITLE = "Das „Schwarzbrot“ der Stadtentwicklung aus Bremen, Leipzig und Nürnberg"
EPUB_A11Y_SUMMARY = ("Dieses E-Book hat eine logische Lesereihenfolge, ein Inhaltsverzeichnis und "
                     "Überschriften zur Navigation. Alle Abbildungen haben einen Alternativtext; "
                     "Fußnoten sind als Fußnoten ausgezeichnet. Es enthält keine Inhalte mit bekannten Gefahren.")
EPUB_CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"  # the exact text the EPUB spec names
EPUB_CERTIFIER = "Gemeinsame Geschäftsstelle koopstadt (Selbstprüfung mit epubcheck und Ace by DAISY)"
EPUB_TOC = "Inhalt"
EPUB_COVER = "Umschlag"
EPUB_IMPRINT = "Impressum"
EPUB_LANDMARKS = "Orientierungspunkte"
EPUB_START = "Beginn"
STEP_EPUB = "E-Books"
EPUB_DONE = "E-Book erzeugt: {} ({} Kapitel)"
EPUB_BLOCKED = ("{}: nicht erneuert wegen der Fehler oben; die zuletzt erfolgreich erzeugte Fassung in build/epub "
                "bleibt erhalten.")
EPUB_UNCHANGED = "E-Book unverändert: {}"
EPUB_DONE_ALL = "E-Books erzeugt und mit epubcheck geprüft: build/epub/"
