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
    Message("image_format", "Die Bilddatei „{}“ ist ein {}-Bild, trägt aber die Endung „{}“.",
            "Geben Sie der Datei die Endung ihres Formats („.png“ oder „.jpg“) und ändern Sie den Namen im Text "
            "ebenso – oder speichern Sie das Bild neu im Format seiner Endung."),
    Message("svg_active", "Die Zeichnung „{}“ enthält {}; das ist in Beiträgen nicht erlaubt.",
            "Speichern Sie die Zeichnung ohne Skripte, Links und eingebettetes HTML, z. B. in Inkscape als "
            "„Optimiertes SVG“ oder „Normales SVG“."),
    Message("svg_external", "Die Zeichnung „{}“ lädt „{}“ aus einer anderen Datei oder dem Netz; eine Zeichnung muss "
            "alles enthalten, was sie zeigt.",
            "Betten Sie das Bild in die Zeichnung ein (in Inkscape: „Einbetten“) oder liefern Sie es als eigene "
            "Abbildung im Ordner „bilder/“."),
    Message("image_pixels", "Das Bild „{}“ ist mit {} Megapixeln zu groß (höchstens {} Megapixel).",
            "Verkleinern Sie das Bild; für den Druck in voller Textbreite reichen etwa 3200 Pixel Breite, für "
            "Bildschirme 1600."),
    Message("image_dpi", "Das Bild „{}“ hat im Druck nur {} dpi (mindestens 300 dpi empfohlen).",
            "Für den Druck braucht das Bild in voller Spaltenbreite etwa 2100 Pixel Breite.", Severity.NOTE),
)

IMAGE_TRUNCATED = "die Datei bricht vor ihrem Ende ab"  # a photo whose last bytes are missing (image_unreadable)

# Numbered figures and tables (all formats): the label in running text and before a caption.
NUMFIG = {"figure": "Abb. %s", "table": "Tab. %s"}
CAPTION_NUMBER = "{}:"
