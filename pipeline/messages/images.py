"""Images and figures: files, formats, sizes and resolution, alternative texts, numbering."""

from __future__ import annotations

from .record import Message, Severity

IMAGE_CODES: tuple[Message, ...] = (
    Message("figure_alt", "Die Abbildung „{}“ hat keinen Alternativtext („:alt:“).",
            "Ergänzen Sie unter der Abbildungszeile „:alt: Beschreibung des Bildes“."),
    Message("image_missing", "Die Bilddatei „{}“ gibt es nicht.",
            "Prüfen Sie Namen und Ordner der Bilddatei (Groß- und Kleinschreibung zählt)."),
    Message("image_remote", "Bilder aus dem Netz („{}“) sind nicht erlaubt.",
            "Legen Sie das Bild in den Ordner „bilder/“ neben dem Beitrag."),
    Message("image_type", "Das Bildformat von „{}“ wird nicht unterstützt.",
            "Speichern Sie das Bild als SVG, PNG oder JPG."),
    Message("image_size", "Die Bilddatei „{}“ ist mit {} MB zu groß (höchstens {} MB).",
            "Verkleinern Sie das Bild (für den Druck reichen 300 dpi in der gedruckten Größe)."),
    Message("image_unreadable", "Die Bilddatei „{}“ lässt sich nicht lesen ({}).",
            "Speichern Sie das Bild neu als PNG oder JPEG."),
    Message("image_pixels", "Das Bild „{}“ ist mit {} Megapixeln zu groß (höchstens {} Megapixel).",
            "Verkleinern Sie das Bild; für den Druck in voller Textbreite reichen etwa 3200 Pixel Breite, für "
            "Bildschirme 1600."),
    Message("image_dpi", "Das Bild „{}“ hat im Druck nur {} dpi (mindestens 300 dpi empfohlen).",
            "Für den Druck braucht das Bild in voller Spaltenbreite etwa 2100 Pixel Breite.", Severity.NOTE),
)

# Numbered figures and tables (all formats): the label in running text and before a caption.
NUMFIG = {"figure": "Abb. %s", "table": "Tab. %s"}
CAPTION_NUMBER = "{}:"
