"""Pages of the online handbook: labels, browse pages, the authors' guide, downloads, search, feed, open data."""

from __future__ import annotations

from .record import Message

HANDBOOK_CODES: tuple[Message, ...] = (
    Message("search_index", "Der Suchindex des Handbuchs ließ sich nicht erzeugen (Pagefind meldet: „{}“).",
            "Führen Sie den Bau über nox erneut aus (das installiert Pagefind neu); hilft das nicht, geben Sie die "
            "Meldung an die Entwicklung weiter. Das zuletzt erzeugte Handbuch bleibt erhalten."),
)

# Labels readers see (HTML card, PDF, EPUB).
LABELS = {
    "stadt": "Stadt",
    "art": "Art",
    "themenfeld": "Themenfeld",
    "projektfamilien": "Projektfamilien",
    "aufgaben": "Strategische Aufgaben",
    "authors": "Autorinnen und Autoren",
    "date": "Datum",
    "abstract": "Kurzfassung",
    "keywords": "Schlagwörter",
    "license": "Lizenz",
    "literatur": "Literatur",
    "verwandt": "Verwandte Beiträge aus denselben Projektfamilien",
    "ausgaben": "Erschienen in",
    "fussnoten": "Anmerkungen",
    "inhalt": "Inhalt",
    "editorial": "Editorial",
    "impressum": "Impressum",
    "motto": "Drei Städte; drei Wege; ein Ziel",
    "staedte": "Städte",
    "themenfelder": "Themenfelder",
    "projektfamilien_pl": "Projektfamilien",
    "aufgaben_pl": "Strategische Aufgaben",
    "matrix": "Themenfelder nach Städten",
    "alle": "Alle Beiträge",
    "keine": "Noch keine Beiträge.",
    "summe": "Summe",
    "download_pdf": "PDF herunterladen",
    "download_epub": "EPUB herunterladen",
    "noch_nicht": "Noch nicht erzeugt.",
    "seite": "S.",
    "siehe": "siehe",
    "hrsg": "Hrsg.",
    "ua": "u. a.",
    "oj": "o. J.",
    "und": "und",
}
# Page texts of the handbook.
DRAFT_BANNER = ("Entwurf.", "Dieser Beitrag ist noch nicht freigegeben („status: entwurf“): Er erscheint nur in der "
                "Vorschau, nicht im Handbuch, im koopBLATT oder im E-Book.")
BLOCKED = ("Dieser Beitrag enthält nicht erlaubte Inhalte (siehe Meldungen der Prüfung) und wird erst nach der "
           "Korrektur angezeigt.")
NAV_TOGGLE = "Unterseiten ein- oder ausklappen"
BROWSE_TITLE = "Entdecken"
BROWSE_INTRO = ("Alle Praxisfälle, Werkstattberichte, Hospitationen und Interviews aus Bremen, Leipzig und "
                "Nürnberg – nach Stadt, Themenfeld, Projektfamilie und strategischer Aufgabe.")
MATRIX_INTRO = "Wie viele Beiträge gibt es je Themenfeld und Stadt? Die Zahlen führen zu den Beiträgen."
MATRIX_CAPTION_NOTE = "Je dunkler das Feld, desto mehr Beiträge; die Zahl steht in jedem Feld."
ISSUES_TITLE = "koopBLATT"
ISSUES_INTRO = ("Das koopBLATT ist das Magazin von koopstadt. Jede Ausgabe gibt es als PDF zum Lesen am "
                "Bildschirm, als Druckfassung und als EPUB.")
DOWNLOAD_SCREEN = "PDF zum Lesen am Bildschirm"
DOWNLOAD_PRINT = "Druck-PDF mit Beschnitt"
DOWNLOAD_EPUB = "EPUB für E-Reader"
DOWNLOAD_MISSING = "Die Dateien dieser Ausgabe werden mit „nox -s build“ erzeugt."
GUIDE_KEYS = "Angaben in der Front Matter"
GUIDE_KEY_HEADER = ["Angabe", "Pflicht", "Bedeutung", "Beispiel"]
GUIDE_ID_HEADER = ["Kennung", "Bezeichnung"]
GUIDE_FIELD_HEADER = ["Kennung", "Projektfamilie", "Themenfeld"]
GUIDE_CITIES = "Städte (Ordner und „stadt“)"
GUIDE_KINDS = "Arten von Beiträgen („art“)"
GUIDE_FIELDS = "Themenfelder und Projektfamilien („themenfeld“, „projektfamilien“)"
GUIDE_TASKS = "Strategische Aufgaben („aufgaben“)"
SEARCH_TITLE = "Suche"
SEARCH_INTRO = ("Volltextsuche in allen Beiträgen des Handbuchs. Die Filter grenzen nach Stadt, Themenfeld, "
                "Projektfamilie, strategischer Aufgabe, Art und Jahr ein.")
SEARCH_LABEL = "Handbuch durchsuchen"
SEARCH_BUTTON = "Suchen"
SEARCH_NOSCRIPT = ("Die Suche braucht JavaScript. Alle Beiträge finden Sie auch über „Entdecken“ nach Stadt, "
                   "Themenfeld, Projektfamilie und Aufgabe.")
SEARCH_UNAVAILABLE = ("Die Suche braucht das Handbuch auf einem Webserver (auch ein lokaler reicht, z. B. "
                      "„python3 -m http.server“ im Ordner build/html) und den Suchindex aus „nox -s build“; "
                      "direkt aus einer Datei geöffnet oder in der Vorschau steht sie nicht zur Verfügung.")
SEARCH_FILTERS = {"stadt": "Stadt", "themenfeld": "Themenfeld", "projektfamilie": "Projektfamilie",
                  "aufgabe": "Aufgabe", "art": "Art", "jahr": "Jahr"}
# Pagefind's UI strings ([SEARCH_TERM] and [COUNT] are filled in by Pagefind)
SEARCH_UI = {
    "placeholder": "Suchbegriff, z. B. Zwischennutzung",
    "clear_search": "Suche löschen",
    "load_more": "Weitere Ergebnisse laden",
    "search_label": SEARCH_LABEL,
    "filters_label": "Filter",
    "zero_results": "Keine Beiträge zu „[SEARCH_TERM]“ gefunden",
    "many_results": "[COUNT] Beiträge zu „[SEARCH_TERM]“ gefunden",
    "one_result": "[COUNT] Beitrag zu „[SEARCH_TERM]“ gefunden",
    "alt_search": "Keine Beiträge zu „[SEARCH_TERM]“ gefunden. Ergebnisse für „[DIFFERENT_TERM]“",
    "search_suggestion": "Keine Beiträge zu „[SEARCH_TERM]“ gefunden. Versuchen Sie eine andere Suche:",
    "searching": "Suche nach „[SEARCH_TERM]“ …",
}
FEED_TITLE = "koopstadt – neue Beiträge im Handbuch"
FEED_SUBTITLE = "Praxisfälle, Werkstattberichte, Hospitationen und Interviews aus Bremen, Leipzig und Nürnberg"
FEED_LINK_TITLE = "Neue Beiträge (Atom-Feed)"
DATA_TITLE = "koopstadt-Beiträge (offene Daten)"
DATA_DESCRIPTION = ("Alle freigegebenen Beiträge des Handbuchs mit ihren Angaben aus der Front Matter, den "
                    "Bezeichnungen zu den Kennungen und den Adressen von Seite, Sonderdruck und Ausgaben. Entwürfe "
                    "sind nie enthalten. Feldnamen sind stabil; neue Felder können hinzukommen.")

DATA_FIELDS = {
    "id": "Kennung des Beitrags: <stadt>/<kurzname>",
    "kurzname": "Kurzname (Dateiname ohne .md), im Projekt eindeutig",
    "stadt_label": "Name der Stadt",
    "art_label": "Bezeichnung der Art",
    "themenfeld_label": "Bezeichnung des Themenfelds",
    "projektfamilien_labels": "Bezeichnungen der Projektfamilien, in derselben Reihenfolge",
    "aufgaben_labels": "Bezeichnungen der strategischen Aufgaben, in derselben Reihenfolge",
    "url": "Adresse der Seite im Handbuch",
    "sonderdruck_url": "Adresse des Sonderdrucks (PDF); null, solange keiner erzeugt ist",
    "bibtex_url": "Adresse der BibTeX-Datei des Beitrags",
    "ris_url": "Adresse der RIS-Datei des Beitrags",
    "zitation": "Zitiervorschlag (wie die Literaturlisten des Handbuchs)",
    "ausgaben": ("koopBLATT-Ausgaben, in denen der Beitrag erschienen ist oder erscheinen soll "
                 "(siehe „erschienen“)"),
    "ausgabe.nummer": "Nummer der Ausgabe",
    "ausgabe.jahr": "Jahr der Ausgabe",
    "ausgabe.titel": "Name der Ausgabe, z. B. „koopBLATT No. 3 (2015)“",
    "ausgabe.url": "Seite der Ausgabe im Handbuch",
    "ausgabe.pdf_url": "PDF der Ausgabe zum Lesen am Bildschirm; null, solange keines erzeugt ist",
    "authors.name": "Name",
    "authors.affiliation": "Institution",
    # an issue of a case may be planned (its `datum` still ahead); the field says which
    "ausgabe.erschienen": "true, wenn die Ausgabe erschienen ist; false, solange ihr Datum noch bevorsteht",
}

PROGRESS_READ = "Seiten lesen"
PROGRESS_WRITE = "Seiten schreiben"
STEP_HTML = "Handbuch"
HTML_DONE = "Handbuch erzeugt: build/html/index.html"
HTML_FAILED = ("Das Handbuch wurde nicht erneuert: Bitte die Meldungen oben beheben. Die zuletzt erfolgreich "
               "erzeugte Fassung in build/html bleibt erhalten.")
