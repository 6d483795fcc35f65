"""Importing Word and LibreOffice files: refusals, the summary, notes and lines in the result."""

from __future__ import annotations

# refusals: the file is not read (a hint where the author can do something)
IMPORT_MISSING = "Die Datei „{}“ gibt es nicht."
IMPORT_SUFFIX = "„{}“ ist keine Word- oder LibreOffice-Datei: übernommen werden .docx und .odt."
IMPORT_SUFFIX_HINTS = {
    ".doc": "Öffnen Sie die Datei in Word und speichern Sie sie als „Word-Dokument (.docx)“.",
    ".docm": "Speichern Sie die Datei in Word als „Word-Dokument (.docx)“ (ohne Makros).",
    ".dotx": "Das ist eine Vorlage; speichern Sie ein Dokument daraus als .docx.",
    ".ott": "Das ist eine Vorlage; speichern Sie ein Dokument daraus als .odt.",
    ".rtf": "Öffnen Sie die Datei in Word oder LibreOffice und speichern Sie sie als .docx oder .odt.",
    ".pdf": "Aus PDF-Dateien lässt sich kein Text sicher übernehmen; bitten Sie um die Word- oder ODT-Datei.",
    ".md": "Markdown-Dateien legen Sie direkt unter docs/beitraege/<stadt>/ ab („nox -s new“ hilft dabei).",
}
IMPORT_ENCRYPTED = "„{}“ ist mit einem Kennwort geschützt (verschlüsselt) und kann nicht gelesen werden."
IMPORT_ENCRYPTED_HINT = "Entfernen Sie den Kennwortschutz in Word bzw. LibreOffice und speichern Sie die Datei erneut."
IMPORT_OLD_WORD = "„{}“ ist eine alte Word-Datei (.doc), auch wenn sie auf .docx endet."
IMPORT_OLD_WORD_HINT = "Öffnen Sie sie in Word und speichern Sie sie als „Word-Dokument (.docx)“."
IMPORT_BROKEN = "„{}“ ist beschädigt oder unvollständig und kann nicht gelesen werden."
IMPORT_BROKEN_HINT = ("Öffnen Sie die Datei in Word oder LibreOffice, speichern Sie sie neu und versuchen Sie es "
                      "noch einmal.")
IMPORT_NOT_WORD = "„{}“ ist kein Textdokument aus Word oder LibreOffice."
IMPORT_NOT_WORD_HINT = ("Tabellen und Präsentationen lassen sich nicht übernehmen; nötig ist ein .docx- oder "
                        ".odt-Dokument.")
IMPORT_WRONG_SUFFIX = "„{}“ ist eigentlich eine {}-Datei; die Dateiendung passt nicht zum Inhalt."
IMPORT_WRONG_SUFFIX_HINT = "Benennen Sie die Datei um, sodass sie auf „.{}“ endet."
IMPORT_TOO_BIG = "„{}“ ist entpackt zu groß für einen Beitrag."
IMPORT_PANDOC = "„{}“ konnte nicht umgewandelt werden: {}"
IMPORT_NO_PANDOC = "Das Umwandlungsprogramm pandoc aus dem Paket „pypandoc-binary“ fehlt."
IMPORT_NO_PANDOC_HINT = "Installieren Sie die Pipeline neu („nox -s import“ macht das von selbst)."
IMPORT_EMPTY = "„{}“ enthält keinen Text, der sich übernehmen ließe."
IMPORT_NO_SLUG = "Aus dem Dateinamen „{}“ lässt sich kein Kurzname bilden."
IMPORT_NO_SLUG_HINT = "Geben Sie einen an, z. B. „nox -s import -- datei.docx leipzig --slug gruener-ring“."
IMPORT_IMAGE_EXISTS = "Die Bilddatei „{}“ gibt es schon; sie wird nicht überschrieben."
IMPORT_UNEXPECTED = "„{}“ konnte nicht übernommen werden (unerwarteter Fehler: {})."
IMPORT_UNEXPECTED_HINT = "Es wurde nichts geschrieben. Bitte geben Sie die Datei an die Entwicklung weiter."
# the summary printed after an import, and the lines and notes it writes into the contribution
IMPORT_DONE = "Übernommen: {} → {}"
IMPORT_META = "{}: {} ({})"
IMPORT_META_LABELS = {"title": "Titel", "authors": "Autorinnen und Autoren", "date": "Datum",
                      "subtitle": "Untertitel", "abstract": "Kurzfassung"}
IMPORT_FROM_DOCUMENT = "aus dem Dokument"
IMPORT_FROM_HEADING = "aus der ersten Überschrift"
IMPORT_FROM_PROPERTIES = "aus den Dateieigenschaften – bitte prüfen"
IMPORT_FROM_SAVED = "Datum der letzten Speicherung – bitte prüfen"
IMPORT_FROM_NOWHERE = "nicht gefunden, bitte ergänzen"
IMPORT_CONVERTED = "Umgewandelt: {}."
IMPORT_NOTHING = "keine Inhalte"
IMPORT_COUNTS = {
    "heading": ("Überschrift", "Überschriften"),
    "paragraph": ("Absatz", "Absätze"),
    "list": ("Liste", "Listen"),
    "table_pipe": ("einfache Tabelle", "einfache Tabellen"),
    "table_list": ("Tabelle als list-table", "Tabellen als list-table"),
    "footnote": ("Fußnote", "Fußnoten"),
    "link": ("Link", "Links"),
    "emphasis": ("Hervorhebung", "Hervorhebungen"),
    "figure": ("Abbildung", "Abbildungen"),
    "textbox": ("Textfeld", "Textfelder"),
    "comment": ("Kommentar", "Kommentare"),
    "insertion": ("Einfügung", "Einfügungen"),
    "deletion": ("Löschung", "Löschungen"),
    "object": ("eingebettetes Objekt", "eingebettete Objekte"),
}
IMPORT_IMAGES = "Bilder: {}"
IMPORT_REVIEW = "Bitte prüfen – nicht oder nur verändert übernommen:"
IMPORT_ALL_CLEAN = "Alles wurde vollständig übernommen."
IMPORT_OPEN = "Noch offen (so meldet es „nox -s check“):"
IMPORT_PROBLEMS = {  # (any Fehler, any Hinweis): the heading names what follows it
    (True, False): "Fehler im übernommenen Beitrag:",
    (False, True): "Hinweise zum übernommenen Beitrag:",
    (True, True): "Fehler und Hinweise im übernommenen Beitrag:",
}
IMPORT_INCOMPLETE = "Nicht vollständig übernommen – bitte mit dem Original vergleichen:"
IMPORT_INVENTORY = {"comment": "Kommentare", "footnote": "Fußnoten", "image": "Bilder", "table": "Tabellen",
                    "heading": "Überschriften"}
IMPORT_COUNT_DIFFERS = "{}: {} im Dokument, {} im Beitrag."
IMPORT_ALIGN_NAMES = {"AlignCenter": "zentriert", "AlignRight": "rechtsbündig"}
IMPORT_NOTE_TABLE_ALIGN = ("Tabelle {}: Eine list-table kennt keine Ausrichtung der Spalten; nicht übernommen: {} – "
                           "bitte prüfen.")
IMPORT_ALIGN_COLUMN = "Spalte {} {}"
IMPORT_STEPS = (
    "Öffnen Sie {} und ersetzen Sie jedes „TODO“ (Art, Themenfeld, Projektfamilien, Kurzfassung, "
    "fehlende Bildbeschreibungen).",
    "Sehen Sie sich die Zeilen mit „%“ an (Kommentare, gelöschter Text, nicht übernommene Objekte) und "
    "löschen Sie sie, wenn alles geklärt ist.",
    "Prüfen Sie mit „nox -s check“ und sehen Sie sich den Beitrag mit „nox -s html“ an.",
)
IMPORT_UNKNOWN_AUTHOR = "unbekannt"
IMPORT_ALT_TODO = "TODO: Bildbeschreibung"
IMPORT_ALT_AUTO = "TODO (automatisch erzeugt, bitte prüfen):"
IMPORT_COMMENT_LINE = "Kommentar von {}: {}"
IMPORT_DELETION_LINE = "Änderungsverfolgung – gelöschter Text (nicht übernommen): {}"
IMPORT_OBJECT_LINE = "TODO: Hier stand ein eingebettetes Objekt ({}), das nicht übernommen werden konnte."
IMPORT_IMAGE_FORMAT_LINE = "TODO: Abbildung {} ({}) als PNG, JPG oder SVG ablegen und hier einbinden."
IMPORT_NOTE_COMMENT = "Kommentar von {}: „{}“ – als Kommentarzeile (%) im Beitrag erhalten, erscheint nirgends."
IMPORT_NOTE_INSERTION = "Änderungsverfolgung: eingefügter Text „{}“ wurde übernommen."
IMPORT_NOTE_DELETION = "Änderungsverfolgung: gelöschter Text „{}“ wurde nicht übernommen (als Kommentarzeile erhalten)."
IMPORT_NOTE_INSERTIONS = "Änderungsverfolgung: eingefügter Text übernommen ({})."
IMPORT_NOTE_FORMAT_CHANGES = "Änderungsverfolgung: Formatierungsänderungen übernommen ({})."
IMPORT_PLACES = ("Stelle", "Stellen")
IMPORT_NOTE_TEXTBOX = "Textfeld „{}“ als Hinweiskasten nach seinem Ankerabsatz übernommen – bitte Position prüfen."
IMPORT_NOTE_TEXTBOX_FLAT = "Textfeld „{}“ als gewöhnlicher Absatz übernommen – bitte Position prüfen."
IMPORT_NOTE_TEXTBOX_LOST = "Textfeld „{}“ konnte nicht übernommen werden – bitte von Hand ergänzen."
IMPORT_NOTE_OBJECT = ("{} konnte nicht übernommen werden (Stelle als „% TODO“ markiert) – bitte als Bild oder "
                      "Tabelle nachliefern.")
IMPORT_NOTE_RAW = "Eingebettetes Rohformat ({}) entfernt: „{}“."
IMPORT_NOTE_UNKNOWN = "Element „{}“ nur als Text übernommen: „{}“."
IMPORT_NOTE_IMAGE_NO_ALT = "Abbildung {} hat keine Bildbeschreibung: „:alt: TODO: Bildbeschreibung“ eingesetzt."
IMPORT_NOTE_IMAGE_AUTO_ALT = "Abbildung {}: Die Bildbeschreibung wurde automatisch erzeugt – bitte prüfen."
IMPORT_NOTE_IMAGE_FORMAT = ("Abbildung {} ({}) kann nicht verwendet werden; das Original liegt unter {} – bitte als "
                            "PNG, JPG oder SVG ablegen.")
IMPORT_NOTE_IMAGE_CONVERTED = "Abbildung {} von {} nach PNG umgewandelt."
IMPORT_NOTE_INLINE_IMAGE = "Abbildung {} stand im Fließtext und folgt jetzt als eigene Abbildung nach dem Absatz."
IMPORT_NOTE_NESTED_IMAGE = "Abbildung {} stand in einer Tabelle oder Fußnote und folgt jetzt nach ihr."
IMPORT_NOTE_IMAGE_LINKED = ("Ein Bild ist nur verknüpft, nicht in die Datei eingebettet („{}“), und wurde nicht "
                            "übernommen – bitte die Bilddatei nachliefern.")
IMPORT_IMAGE_LINKED_LINE = ("TODO: Hier stand ein nur verknüpftes Bild („{}“); Bilddatei nach bilder/ legen und "
                            "einbinden.")
IMPORT_NOTE_UNDERLINE = "Unterstreichungen als Kursivschrift übernommen."
IMPORT_NOTE_SMALLCAPS = "Kapitälchen als normaler Text übernommen."
IMPORT_NOTE_STRIKEOUT = "Durchgestrichener Text ohne Durchstreichung übernommen: „{}“."
IMPORT_NOTE_MATH = "Formel als Text übernommen: „{}“."
IMPORT_NOTE_LINK_INTERNAL = ("Verweise auf Textmarken im Dokument (z. B. aus einem Inhaltsverzeichnis) entfernt; "
                             "der Text bleibt.")
IMPORT_NOTE_LINK_SCHEME = "Link „{}“ entfernt (erlaubt sind https://, http:// und mailto:); der Text bleibt."
IMPORT_NOTE_SPANS = "Verbundene Zellen in Tabelle {} aufgeteilt – bitte prüfen."
IMPORT_NOTE_HEADER_FOOTER = "Kopf- oder Fußzeile nicht übernommen: „{}“."
IMPORT_OBJECT_KINDS = {"Excel": "Excel-Tabelle", "Word": "Word-Dokument", "PowerPoint": "PowerPoint-Folie",
                       "Equation": "Formel", "Visio": "Visio-Zeichnung", "AcroExch": "PDF-Dokument",
                       "Package": "eingebettete Datei"}
IMPORT_OBJECT_OLE = "Objekt „{}“"
IMPORT_OBJECT_GENERIC = "Eingebettetes Objekt"
IMPORT_OBJECT_CHART = "Diagramm"
IMPORT_OBJECT_SMARTART = "SmartArt-Grafik"
IMPORT_OBJECT_SHAPE = "Zeichnungsobjekt ohne Text"
IMPORT_OBJECT_FORMULA = "Formel"
IMPORT_FROM_BYLINE = "aus der Autorenzeile am Anfang – aus dem Text entfernt"
IMPORT_NOTE_TABLE_BOLD_HEAD = ("Tabelle {}: Die erste Zeile ist fett gesetzt und wurde als Kopfzeile übernommen "
                               "– bitte prüfen.")
IMPORT_NOTE_FIGURE_NO_CAPTION = ("Abbildung {} hat keine Bildunterschrift: Im Heft und im Handbuch steht sie ohne "
                                 "Text unter der Nummer – bitte eine Unterschrift ergänzen.")
