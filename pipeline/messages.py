"""Every German string an author, editor or reader sees lives here (and in data/taxonomy.yml)."""

from __future__ import annotations

import datetime as dt

HINT_PREFIX = "Hinweis"
DID_YOU_MEAN = "Meinten Sie „{}“?"

def join_or(items: list[str]) -> str:
    quoted = [f"„{i}“" for i in items]
    return ", ".join(quoted)


# Diagnostic texts by code (without the "koop." prefix). Positional {} arguments.
TEXT: dict[str, str] = {
    # files and YAML
    "encoding": "Die Datei ist nicht in UTF-8 kodiert (Byte {} an Position {}).",
    "file_size": "Die Datei ist mit {} MB zu groß (höchstens {} MB).",
    "line_length": "Zeile mit {} Zeichen ist zu lang (höchstens {}).",
    "frontmatter_missing": "Die Datei beginnt nicht mit einem Front-Matter-Block zwischen „---“-Zeilen.",
    "frontmatter_unclosed": "Der Front-Matter-Block wird nicht mit einer „---“-Zeile geschlossen.",
    "yaml": "Die Front Matter ist kein gültiges YAML: {}.",
    "yaml_tag": "YAML-Tags wie „{}“ sind nicht erlaubt.",
    "yaml_alias": "YAML-Anker und -Verweise („&“, „*“) sind nicht erlaubt.",
    "yaml_duplicate_key": "Der Schlüssel „{}“ kommt mehrfach vor.",
    "frontmatter_type": "Die Front Matter muss aus Schlüssel-Wert-Paaren bestehen, nicht aus {}.",
    "key_missing": "Pflichtangabe „{}“ fehlt.",
    "key_unknown": "Unbekannte Angabe „{}“.",
    "type": "„{}“ muss {} sein, ist aber {}.",
    "todo": "„{}“ ist noch nicht ausgefüllt (TODO).",
    # taxonomy
    "themenfeld": "Unbekanntes Themenfeld „{}“. Erlaubt: {}.",
    "projektfamilie": "Unbekannte Projektfamilie „{}“. Erlaubt: {}.",
    "projektfamilie_themenfeld": "Die Projektfamilie „{}“ gehört nicht zum Themenfeld „{}“, sondern zu „{}“.",
    "aufgabe": "Unbekannte strategische Aufgabe „{}“. Erlaubt: {}.",
    "art": "Unbekannte Art „{}“. Erlaubt: {}.",
    "status": "Unbekannter Status „{}“. Erlaubt: {}.",
    "stadt": "„stadt: {}“ passt nicht zum Ordner „{}“.",
    "folder": "Beiträge gehören in den Ordner ihrer Stadt unter docs/beitraege/, nicht nach „{}“.",
    "slug": "Der Dateiname „{}“ ist als Kurzname ungeeignet.",
    "date": "„{}“ ist kein gültiges Datum.",
    "abstract": "Ein Praxisfall braucht einen Abstract (1–3 Sätze).",
    "abstract_length": "Der Abstract hat {} Sätze; vorgesehen sind 1–3.",
    "author": "Autorenangabe Nr. {} ist unvollständig: {}.",
    "duplicate_value": "„{}“ ist in „{}“ doppelt angegeben.",
    # body
    "body_empty": "Der Beitrag hat keinen Text.",
    "heading_empty": "Die Überschrift hat keinen Text.",
    "html": "HTML ist in Beiträgen nicht erlaubt: „{}“.",
    "raw": "Die Direktive „{{raw}}“ ist in Beiträgen nicht erlaubt.",
    "directive": "Die Direktive „{{{}}}“ ist in Beiträgen nicht erlaubt.",
    "role": "Die Rolle „{{{}}}“ ist in Beiträgen nicht erlaubt.",
    "include_missing": "Die einzubindende Datei „{}“ gibt es nicht.",
    "figure_alt": "Die Abbildung „{}“ hat keinen Alternativtext („:alt:“).",
    "image_missing": "Die Bilddatei „{}“ gibt es nicht.",
    "image_remote": "Bilder aus dem Netz („{}“) sind nicht erlaubt.",
    "image_type": "Das Bildformat von „{}“ wird nicht unterstützt.",
    "image_size": "Die Bilddatei „{}“ ist mit {} MB zu groß (höchstens {} MB).",
    "path_outside": "Der Pfad „{}“ führt aus dem Beitragsordner hinaus.",
    "link_scheme": "Links mit „{}“ sind nicht erlaubt.",
    "xref": "Der Verweis auf „{}“ führt ins Leere.",
    "transition": "Eine Trennlinie („---“) darf nicht am Anfang oder Ende eines Abschnitts oder direkt nach einer "
                  "anderen stehen.",
    "footnote_missing": "Zur Fußnote „[^{}]“ fehlt der Fußnotentext.",
    "footnote_duplicate": "Den Fußnotentext „[^{}]“ gibt es schon in Zeile {}.",
    "footnote_unused": "Der Fußnotentext „[^{}]“ wird im Text nirgends aufgerufen.",
    "slug_duplicate": "Den Kurznamen „{}“ gibt es schon in „{}“.",
    "label_duplicate": "Die Marke „{}“ ist schon in „{}“ vergeben.",
    "heading_level": "Überschriften im Beitrag beginnen mit „##“ – der Titel kommt aus der Front Matter.",
    "math": "Formeln werden im koopBLATT nicht gesetzt und sind in Beiträgen nicht erlaubt: „{}“.",
    "numref": "Der Verweis {{numref}} auf „{}“ zeigt auf keine Abbildung mit Bildunterschrift und keine Tabelle "
              "mit Titel.",
    "glyph": "{} ({}) kann im koopBLATT nicht gesetzt werden: Keine der Schriften enthält {}.",
    # found while building an output (Sphinx logging, type "koop")
    "code_language": "Die Sprache „{}“ des Code-Blocks ist unbekannt; er wird als einfacher Text gesetzt.",
    "code_syntax": "Der Code-Block ist kein gültiges „{}“; er wird als einfacher Text gesetzt.",
    "unsupported": "Dieses Element ({}) kann im koopBLATT nicht gesetzt werden.",
    # citations and bibliography
    "cite_unknown": "Unbekannter Literaturschlüssel „{}“.",
    "cite_syntax": "Zitierung „{}“ ist nicht lesbar.",
    "bib_syntax": "Dieser Eintrag in der Literaturdatei ist fehlerhaft: {}.",
    "bib_duplicate": "Der Literaturschlüssel „{}“ ist doppelt vergeben.",
    "bib_field": "Dem Literatureintrag „{}“ fehlt das Feld „{}“.",
    "bib_missing": "Die Literaturdatei „{}“ fehlt.",
    # issue manifests
    "manifest_missing": "Die Ausgabe hat keine Datei „ausgabe.yml“.",
    "manifest_path": "Den Beitrag „{}“ gibt es nicht.",
    "manifest_duplicate": "Der Beitrag „{}“ steht mehrfach in der Ausgabe.",
    "manifest_file": "Die Datei „{}“ gibt es nicht.",
    "manifest_contribution": "Der Beitrag „{}“ hat Fehler (siehe oben) und kann nicht gedruckt werden.",
    "manifest_number": "Die Nummer {} passt nicht zum Ordner „{}“.",
    "manifest_format": "Unbekanntes Format „{}“. Erlaubt: {}.",
    "manifest_colour": "„{}“ ist keine Farbe im Format „#RRGGBB“.",
    "manifest_draft": "Der Beitrag „{}“ ist ein Entwurf („status: entwurf“) und kann nicht gedruckt werden.",
    # drafts
    "xref_draft": "Der Verweis führt auf „{}“, einen Entwurf, der nicht veröffentlicht wird.",
    # found while building (engines: Sphinx, docutils, MyST, Typst, epubcheck, Pillow)
    "engine": "Diese Stelle lässt sich nicht verarbeiten ({} meldet: „{}“).",
    "ref_unknown": "Die Marke „{}“ gibt es nicht.",
    "internal": "Die Pipeline selbst ist auf einen Fehler gestoßen ({}); die letzten guten Ausgaben bleiben erhalten.",
    "directive_argument": "Der Direktive „{{{}}}“ fehlt die Angabe hinter dem Namen (z. B. ein Titel).",
    "directive_content": "Die Direktive „{{{}}}“ ist so nicht lesbar (Optionen oder Inhalt fehlerhaft).",
    "inline_markup": "Eine Hervorhebung oder Rolle ist nicht geschlossen ({} meldet: „{}“).",
    "typst": "Fehler beim Setzen des koopBLATT: {}",
    "epubcheck": "Das E-Book „{}“ ist nicht gültig: {}",
    "search_index": "Der Suchindex des Handbuchs ließ sich nicht erzeugen (Pagefind meldet: „{}“).",
    "image_dpi": "Das Bild „{}“ hat im Druck nur {} dpi (mindestens 300 dpi empfohlen).",
    "image_unreadable": "Die Bilddatei „{}“ lässt sich nicht lesen ({}).",
    "image_pixels": "Das Bild „{}“ ist mit {} Megapixeln zu groß (höchstens {} Megapixel).",
    # usage
    "usage": "{}",
}

# Codes that are Hinweise (shown, never blocking); every other code is a Fehler.
NOTE_CODES = frozenset({"image_dpi", "abstract_length", "code_language", "code_syntax"})

# Engine messages (English, from Sphinx/docutils/MyST) → koop code; the first group is quoted in German.
ENGINE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"undefined label: '?([^']+?)'?$", "ref_unknown"),
    (r"Unknown directive type:? \"?([\w:.-]+)", "directive"),
    (r"Unknown interpreted text role:? \"?([\w:.-]+)", "role"),
    (r"[Ii]mage file not readable: (\S+)", "image_missing"),
    (r"(Inline \w+(?: \w+)? start-string without end-string\.)", "inline_markup"),
    (r"Directive '([\w:.-]+)': \d+ argument\(s\) required, 0 supplied", "directive_argument"),
    (r"Error in \"([\w:.-]+)\" directive", "directive_content"),
)
ENGINE_NAMES = {"": "Sphinx", "myst": "MyST", "docutils": "docutils", "koop": "koopstadt"}

HINTS: dict[str, str] = {
    "encoding": "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.",
    "file_size": ("Teilen Sie den Text auf oder entfernen Sie eingefügte Daten; Bilder gehören als eigene Dateien "
                  "nach „bilder/“."),
    "line_length": "Setzen Sie Zeilenumbrüche; ein Absatz endet mit einer Leerzeile.",
    "frontmatter_unclosed": "Setzen Sie nach der letzten Angabe eine Zeile „---“; danach beginnt der Text.",
    "key_missing": ("Ergänzen Sie die Angabe; der Leitfaden für Autorinnen und Autoren (docs/autorenleitfaden.md) "
                    "erklärt alle Angaben."),
    "key_unknown": ("Prüfen Sie die Schreibweise; erlaubt sind nur die Angaben aus dem Leitfaden für Autorinnen und "
                    "Autoren."),
    "type": "Schreiben Sie den Wert so, wie es der Leitfaden für Autorinnen und Autoren zeigt.",
    "frontmatter_type": "Schreiben Sie jede Angabe in eine eigene Zeile: „schlüssel: wert“.",
    "themenfeld": "Tragen Sie die Kennung des Themenfelds ein (klein, mit Bindestrichen), nicht seine Bezeichnung.",
    "projektfamilie": ("Tragen Sie Kennungen von Projektfamilien ein (klein, mit Bindestrichen), "
                       "z. B. „[zwischennutzung]“."),
    "projektfamilie_themenfeld": ("Wählen Sie Projektfamilien des angegebenen Themenfelds oder ändern Sie das "
                                  "Themenfeld."),
    "aufgabe": "Tragen Sie Kennungen strategischer Aufgaben ein oder lassen Sie „aufgaben“ weg.",
    "art": "Tragen Sie eine der erlaubten Kennungen ein (klein geschrieben).",
    "stadt": "Lassen Sie „stadt“ weg oder schreiben Sie den Namen des Ordners, in dem der Beitrag liegt.",
    "folder": ("Verschieben Sie die Datei nach docs/beitraege/bremen/, docs/beitraege/leipzig/ oder "
               "docs/beitraege/nuernberg/."),
    "slug": "Benennen Sie die Datei um: nur Kleinbuchstaben, Ziffern und Bindestriche, Umlaute umschrieben.",
    "abstract_length": "Kürzen Sie die Kurzfassung auf höchstens drei Sätze; Einzelheiten gehören in den Text.",
    "author": "Schreiben Sie jede Person als „- name: …“, die Dienststelle darunter als „affiliation: …“.",
    "duplicate_value": "Löschen Sie den doppelten Eintrag.",
    "include_missing": "Prüfen Sie Schreibweise und Ordner; eingebundene Dateien liegen neben dem Beitrag.",
    "image_type": "Speichern Sie das Bild als SVG, PNG oder JPG.",
    "xref": ("Verweisen Sie auf eine vorhandene Beitragsdatei (z. B. „../bremen/zwischenzeitzentrale.md“) oder "
             "eine Marke, die mit „(marke)=“ oder „:name:“ gesetzt ist."),
    "slug_duplicate": "Kurznamen müssen im ganzen Handbuch eindeutig sein; benennen Sie eine der Dateien um.",
    "label_duplicate": "Geben Sie jeder Marke einen eigenen Namen, z. B. mit dem Kurznamen des Beitrags davor.",
    "cite_unknown": "Tragen Sie das Werk in docs/literatur.bib ein oder prüfen Sie die Schreibweise des Schlüssels.",
    "bib_duplicate": "Geben Sie jedem Eintrag einen eigenen Schlüssel, z. B. mit „a“ und „b“ am Ende.",
    "bib_field": "Ergänzen Sie das Feld im Eintrag, z. B. „year = {2014},“.",
    "bib_missing": "Legen Sie die Datei an; sie darf leer sein, solange niemand zitiert.",
    "manifest_missing": "Kopieren Sie „ausgabe.yml“ aus einer früheren Ausgabe und passen Sie sie an.",
    "manifest_path": "Schreiben Sie den Pfad unter docs/, z. B. „beitraege/leipzig/leipziger-westen.md“.",
    "manifest_duplicate": "Löschen Sie die doppelte Zeile.",
    "manifest_file": "Legen Sie die Datei in den Ordner der Ausgabe oder korrigieren Sie den Namen.",
    "manifest_contribution": "Beheben Sie die Fehler des Beitrags oder nehmen Sie ihn aus der Ausgabe heraus.",
    "manifest_number": ("Schreiben Sie als „nummer“ die Zahl aus dem Ordnernamen "
                        "(im Ordner koopblatt/3/ also „nummer: 3“) "
                        "oder benennen Sie den Ordner um."),
    "manifest_format": "Lassen Sie „format“ weg (dann A4) oder wählen Sie eines der erlaubten Formate.",
    "manifest_colour": "Schreiben Sie die Farbe als Hex-Wert in Anführungszeichen, z. B. farbe: \"#1F5FA8\".",
    "usage": "„nox -l“ zeigt alle Befehle; die README erklärt ihren Aufruf.",
    "frontmatter_missing": ("Beginnen Sie die Datei mit „---“, dann die Angaben, dann wieder „---“ "
                            "(siehe Leitfaden für Autorinnen und Autoren)."),
    "yaml": "Oft fehlt ein Leerzeichen nach dem Doppelpunkt oder ein Text mit „:“ braucht Anführungszeichen.",
    "yaml_tag": "Schreiben Sie den Wert ohne „!“-Markierung.",
    "yaml_alias": "Schreiben Sie den Wert aus.",
    "yaml_duplicate_key": "Löschen Sie eine der beiden Zeilen; jede Angabe darf nur einmal vorkommen.",
    "abstract": "Ergänzen Sie „abstract: …“ mit einer kurzen Zusammenfassung.",
    "figure_alt": "Ergänzen Sie unter der Abbildungszeile „:alt: Beschreibung des Bildes“.",
    "html": "Nutzen Sie Markdown statt HTML.",
    "raw": "Nutzen Sie Markdown statt eingebetteter Rohformate.",
    "image_remote": "Legen Sie das Bild in den Ordner „bilder/“ neben dem Beitrag.",
    "path_outside": "Legen Sie die Datei in den Ordner des Beitrags oder nach „bilder/“.",
    "link_scheme": "Verlinken Sie nur Webadressen (https://…), E-Mail-Adressen (mailto:…) oder andere Beiträge.",
    "date": "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2014-09-18.",
    "heading_empty": "Schreiben Sie den Text der Überschrift hinter die „#“-Zeichen oder löschen Sie die Zeile.",
    "body_empty": "Schreiben Sie den Text unter die zweite „---“-Zeile.",
    "transition": "Löschen Sie die Trennlinie oder setzen Sie Text davor und danach.",
    "footnote_missing": "Ergänzen Sie am Ende des Beitrags eine Zeile „[^…]: Text der Fußnote“.",
    "footnote_duplicate": "Geben Sie jeder Fußnote eine eigene Marke, z. B. [^2].",
    "footnote_unused": "Setzen Sie „[^…]“ an die Stelle im Text, zu der die Fußnote gehört, oder löschen Sie sie.",
    "heading_level": "Nutzen Sie „## Abschnitt“ für Abschnitte.",
    "math": "Schreiben Sie die Formel als Text mit Sonderzeichen, z. B. „CO₂“, „m²“ oder „≤ 5 %“.",
    "numref": "Geben Sie der Abbildung eine Bildunterschrift bzw. der Tabelle einen Titel, oder verweisen Sie mit "
              "{ref} statt {numref}.",
    "bib_syntax": "Prüfen Sie Klammern, Kommas und Anführungszeichen des Eintrags.",
    "todo": "Ersetzen Sie „TODO“ durch den richtigen Wert.",
    "image_size": "Verkleinern Sie das Bild (für den Druck reichen 300 dpi in der gedruckten Größe).",
    "cite_syntax": "Schreiben Sie z. B. {cite:p}`schluessel` oder {cite:p}`schluessel{S. 12}`.",
    "directive": "Erlaubt sind Abbildungen, Tabellen und Hinweiskästen; siehe Leitfaden für Autorinnen und Autoren.",
    "role": "Erlaubt sind {cite:p}, {cite:t}, {ref}, {numref}, {doc}, {sub}, {sup} und {abbr}.",
    "image_missing": "Prüfen Sie Namen und Ordner der Bilddatei (Groß- und Kleinschreibung zählt).",
    "status": "Schreiben Sie „status: entwurf“, solange der Beitrag nicht fertig ist, sonst „status: freigegeben“.",
    "manifest_draft": ("Geben Sie den Beitrag frei („status: freigegeben“) oder nehmen Sie ihn aus der Liste "
                       "„beitraege“."),
    "xref_draft": "Entfernen Sie den Verweis, bis der andere Beitrag freigegeben ist.",
    "engine": ("Vereinfachen Sie die Stelle (z. B. Verschachtelung auflösen, Markdown statt Sonderzeichen); "
               "hilft das nicht, schicken Sie die Datei an die Redaktion."),
    "internal": ("Führen Sie den Befehl noch einmal über nox aus (das richtet die Umgebung neu ein); hilft das nicht, "
                 "geben Sie diese Meldung an die Entwicklung weiter."),
    "ref_unknown": "Setzen Sie die Marke mit „(marke)=“ vor die Abbildung oder den Abschnitt, oder mit „:name:“.",
    "directive_argument": "Schreiben Sie den Titel in dieselbe Zeile, z. B. „```{admonition} Gut zu wissen“.",
    "directive_content": ("Vergleichen Sie die Direktive mit dem Beispiel im Leitfaden für Autorinnen und Autoren "
                          "(Optionen wie „:alt:“ direkt unter der ersten Zeile)."),
    "inline_markup": "Schließen Sie „*“, „**“ oder „`“ auf derselben Zeile oder schreiben Sie „\\*“.",
    "typst": "Vereinfachen Sie die genannte Stelle; hilft das nicht, schicken Sie die Datei an die Redaktion.",
    "epubcheck": "Bitte an die Redaktion weitergeben: das E-Book wurde nicht veröffentlicht.",
    "search_index": ("Führen Sie den Bau über nox erneut aus (das installiert Pagefind neu); hilft das nicht, geben "
                     "Sie die Meldung an die Entwicklung weiter. Das zuletzt erzeugte Handbuch bleibt erhalten."),
    "image_dpi": "Für den Druck braucht das Bild in voller Spaltenbreite etwa 2100 Pixel Breite.",
    "image_unreadable": "Speichern Sie das Bild neu als PNG oder JPEG.",
    "image_pixels": ("Verkleinern Sie das Bild; für den Druck in voller Textbreite reichen etwa 3200 Pixel Breite, "
                     "für Bildschirme 1600."),
    "code_language": ("Schreiben Sie nach den drei Backticks eine bekannte Sprache (z. B. „python“, „json“) oder "
                      "„text“ – oder nichts."),
    "code_syntax": "Prüfen Sie den Code oder schreiben Sie „text“ statt der Sprache nach den drei Backticks.",
    "unsupported": ("Nutzen Sie einfachere Mittel (Absätze, Listen, Tabellen); siehe Leitfaden für Autorinnen und "
                    "Autoren."),
    "glyph": "Ersetzen Sie das Zeichen oder umschreiben Sie es mit Worten.",
}

TYPE_NAMES: dict[str, str] = {
    "str": "ein Text",
    "list": "eine Liste",
    "dict": "eine Zuordnung (Schlüssel: Wert)",
    "int": "eine Zahl",
    "bool": "ja/nein (true/false)",
    "date": "ein Datum",
    "NoneType": "leer",
    "float": "eine Kommazahl",
    "datetime": "ein Zeitpunkt",
}


def type_name(value: object) -> str:
    return TYPE_NAMES.get(type(value).__name__, type(value).__name__)


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

MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]


def german_date(d: object) -> str:
    """18. September 2014."""
    import datetime as _dt

    if isinstance(d, _dt.date):
        return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"
    return str(d)


def plural_count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"

# Page texts of the handbook.
DRAFT_BANNER = ("Entwurf.", "Dieser Beitrag ist noch nicht freigegeben („status: entwurf“): Er erscheint nur in der "
                "Vorschau, nicht im Handbuch, im koopBLATT oder im E-Book.")
BROWSE_TITLE = "Entdecken"
BROWSE_INTRO = ("Alle Praxisfälle, Werkstattberichte, Hospitationen und Interviews aus Bremen, Leipzig und "
                "Nürnberg – nach Stadt, Themenfeld, Projektfamilie und strategischer Aufgabe.")
MATRIX_INTRO = "Wie viele Beiträge gibt es je Themenfeld und Stadt? Die Zahlen führen zu den Beiträgen."
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
YES = "ja"
NO = "nein"

# Numbered figures and tables (all formats): the label in running text and before a caption.
NUMFIG = {"figure": "Abb. %s", "table": "Tab. %s"}
CAPTION_NUMBER = "{}:"

# Print (koopBLATT PDF).
ADMONITION_TITLES = {
    "note": "Hinweis", "tip": "Tipp", "hint": "Tipp", "important": "Wichtig", "warning": "Warnung",
    "attention": "Achtung", "caution": "Vorsicht", "danger": "Gefahr", "error": "Fehler", "seealso": "Siehe auch",
}
ISSUE_NAME = "koopBLATT No. {}"
PDF_PROGRESS = "koopBLATT No. {}: setze {} …"
PDF_DONE = "koopBLATT No. {}: {} ({})"
PDF_UNCHANGED = "koopBLATT No. {}: unverändert, nichts zu tun."
PDF_FAILED = ("Die PDFs wurden nicht erneuert: Bitte die Meldungen oben beheben. Die zuletzt erfolgreich erzeugten "
              "Fassungen in build/pdf bleiben erhalten.")
PDF_BLOCKED = ("koopBLATT No. {}: nicht neu gesetzt wegen der Fehler oben; die zuletzt erfolgreich erzeugten PDFs in "
               "build/pdf bleiben erhalten.")
PDF_TARGETS = "alle koopBLATT-Ausgaben"
PROOF_UNKNOWN = "„{}“ ist kein (fehlerfreier) Beitrag unter docs/beitraege/."
PROOF_NO_ISSUE = "Für einen Korrekturabzug braucht es mindestens eine Ausgabe unter koopblatt/."

# EPUB.
EPUB_PUBLISHER = "Gemeinsame Geschäftsstelle koopstadt, Stadt Leipzig"
EPUB_HANDBOOK_TITLE = "koopstadt – Handbuch der Praxisfälle"
EPUB_HANDBOOK_SUBTITLE = "Das „Schwarzbrot“ der Stadtentwicklung aus Bremen, Leipzig und Nürnberg"
EPUB_A11Y_SUMMARY = ("Dieses E-Book hat eine logische Lesereihenfolge, ein Inhaltsverzeichnis und "
                     "Überschriften zur Navigation. Alle Abbildungen haben einen Alternativtext; "
                     "Fußnoten sind als Fußnoten ausgezeichnet. Es enthält keine Inhalte mit bekannten Gefahren.")
EPUB_TOC = "Inhalt"
EPUB_COVER = "Umschlag"
EPUB_IMPRINT = "Impressum"
EPUB_LANDMARKS = "Orientierungspunkte"
EPUB_START = "Beginn"
EPUB_DONE = "E-Book erzeugt: {} ({} Kapitel)"
EPUB_BLOCKED = ("{}: nicht erneuert wegen der Fehler oben; die zuletzt erfolgreich erzeugte Fassung in build/epub "
                "bleibt erhalten.")
EPUB_UNCHANGED = "E-Book unverändert: {}"
EPUB_FAILED = ("Die E-Books wurden nicht erneuert: Bitte die Meldungen oben beheben. Die zuletzt erfolgreich "
               "erzeugten Fassungen in build/epub bleiben erhalten.")
IMPRINT_LABELS = {
    "herausgeber": "Herausgeber", "redaktion": "Redaktion", "gestaltung": "Gestaltung", "druck": "Druck",
    "foerderung": "Förderung", "autoren": "Autorinnen und Autoren", "lizenz": "Lizenz", "stand": "Stand",
    "kontakt": "Kontakt",
}

# Scaffolding and import.
USAGE_PREFIX = "Aufruf fehlerhaft"
ERROR_PREFIX = "Fehler"
NEW_STADT_UNKNOWN = "Die Stadt „{}“ gibt es nicht. Erlaubt: {}."
NEW_SLUG_INVALID = ("„{}“ ist als Kurzname ungeeignet: erlaubt sind Buchstaben, Ziffern, Leerzeichen und "
                    "Bindestriche (Umlaute werden umschrieben), z. B. „suedstadt“ oder „gruener-ring“.")
NEW_EXISTS = "Den Beitrag „{}“ gibt es schon; er wird nicht überschrieben."
NEW_EXISTS_HINT = "Wählen Sie einen anderen Kurznamen oder bearbeiten Sie die vorhandene Datei."
NEW_SLUG_TAKEN = "Den Kurznamen „{}“ gibt es schon in „{}“; Kurznamen müssen im ganzen Handbuch eindeutig sein."
NEW_SLUG_CHANGED = "Kurzname „{}“ wird als „{}“ geschrieben."
NEW_DONE = "Neuer Beitrag angelegt: {}"
NEW_IMAGE = "Platzhalterbild: {}"
NEXT_STEPS = "Nächste Schritte:"
NEW_STEPS = (
    "Öffnen Sie die Datei und ersetzen Sie jedes „TODO“ – in den Angaben oben, im Text und im Alternativtext "
    "der Abbildung.",
    "Ersetzen Sie das Platzhalterbild durch Ihre Abbildung (SVG, PNG oder JPG) oder löschen Sie den "
    "Abbildungsblock.",
    "Prüfen Sie mit „nox -s check“: Noch offene Angaben erscheinen als „koop.todo“.",
    "Sehen Sie sich den Beitrag mit „nox -s html“ im Handbuch an (build/html/index.html).",
)

# Front matter template (comments in the YAML of a new or imported contribution).
FM_INTRO = (
    "Angaben zum Beitrag. Zeilen mit „#“ sind Erläuterungen und dürfen stehen bleiben.",
    "Ersetzen Sie jedes „TODO“ durch den richtigen Wert; „nox -s check“ zeigt, was noch fehlt.",
    "Alle Angaben und Kennungen erklärt der Leitfaden docs/autorenleitfaden.md.",
)
FM_REQUIRED = "Pflicht"
FM_OPTIONAL = "freiwillig"
FM_EXAMPLE = "z. B."
FM_ALLOWED = "Erlaubt:"
FM_TODO = {
    "title": "TODO Titel des Beitrags",
    "authors": "TODO Namen und Dienststellen eintragen (Form siehe Beispiel)",
    "date": "TODO Datum als JJJJ-MM-TT",
    "abstract": "TODO Kurzfassung in 1–3 Sätzen",
    "art": "TODO Art wählen (siehe unten)",
    "themenfeld": "TODO Themenfeld wählen (siehe unten)",
    "projektfamilien": "TODO Projektfamilien wählen (siehe unten)",
}
FM_AUTHOR_AFFILIATION = "Dienststelle ergänzen"

# Body of a new contribution; {cite} is a citation example (or a comment if there is no literature).
NEW_BODY = """\
% Ihr Text beginnt hier. Zeilen mit „%“ sind Kommentare: Sie erscheinen weder im Handbuch noch im koopBLATT.
% Zum Einstieg zwei bis drei Sätze: Worum geht es, wo, seit wann?

TODO Einleitung. {cite} Anmerkungen gehören in Fußnoten.[^1]

## Ausgangslage

% Was war der Anlass? Welche Probleme, welche Beteiligten?

TODO

## Vorgehen

% Was wurde getan, mit wem, in welchen Schritten? So fügen Sie eine Abbildung ein
% (das Bild liegt im Ordner bilder/; der Alternativtext beschreibt es für Menschen, die es nicht sehen):

:::{{figure}} bilder/{image}
:alt: TODO Beschreiben Sie, was auf dem Bild zu sehen ist.
:name: abb-{slug}

TODO Bildunterschrift in einem Satz.
:::

## Ergebnisse

TODO

## Was andere daraus lernen können

TODO

[^1]: TODO Text der Fußnote.
"""
NEW_CITE = "Literatur aus docs/literatur.bib zitieren Sie so: {{cite:p}}`{}`."
NEW_CITE_NONE = "Literatur zitieren Sie mit Schlüsseln aus docs/literatur.bib."
PLACEHOLDER_SVG_TEXT = "Platzhalter – durch Ihre Abbildung ersetzen"
PROOF_PROGRESS = "Korrekturabzug für „{}“ …"
PROOF_DONE = "Korrekturabzug: {} (PDF zum Prüfen) und {} (Word-Datei für Kommentare)."
PREVIEW_BOX = "Vorschau: {} zu dieser Datei (das Handbuch wird so nicht veröffentlicht)"
PREVIEW_TITLE = "Probleme im Projekt (Vorschau)"
PREVIEW_NONE = "Keine Fehler und keine Hinweise: „nox -s check“ ist zufrieden."
PREVIEW_BACK = "Zurück zur Startseite"
SERVE_START = ("Vorschau unter http://{}:{}/ – Änderungen an Beiträgen erscheinen nach dem Speichern. "
               "Beenden mit Strg+C.")
NAV_TOGGLE = "Unterseiten ein- oder ausklappen"

# Word/ODT import: errors.
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

# Word/ODT import: summary.
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
BLOCKED = ("Dieser Beitrag enthält nicht erlaubte Inhalte (siehe Meldungen der Prüfung) und wird erst nach der "
           "Korrektur angezeigt.")
HTML_FAILED = ("Das Handbuch wurde nicht erneuert: Bitte die Meldungen oben beheben. Die zuletzt erfolgreich "
               "erzeugte Fassung in build/html bleibt erhalten.")
PROGRESS_READ = "Seiten lesen"
PROGRESS_WRITE = "Seiten schreiben"
STEP_CHECK = "Prüfen"
STEP_PDF = "koopBLATT setzen"
STEP_EPUB = "E-Books"
STEP_HTML = "Handbuch"
STEP_DONE = "Fertig nach {} s: {}."
STEP_FAILED = "Nach {} s nicht alles erneuert (siehe oben); unverändert gültig: {}."


def issue_title(number: int, year: int) -> str:
    """„koopBLATT No. 3 (2015)“: how every output names an issue."""
    return f"{ISSUE_NAME.format(number)} ({year})"


def decimal(value: float) -> str:
    """One decimal with the German comma: 14,5."""
    return f"{value:.1f}".replace(".", ",")


SUMMARY_FIX = "Bitte korrigieren und „nox -s check“ erneut ausführen."
SUMMARY_OK = "Alles in Ordnung: {}, {} geprüft."
SUMMARY_RELEASED_OK = "Die freigegebenen Beiträge sind fehlerfrei ({}, {} geprüft)."
HTML_DONE = "Handbuch erzeugt: build/html/index.html"
PDF_DONE_ALL = "koopBLATT erzeugt: build/pdf/"
PDF_DONE_PROOF = "Korrekturabzug erzeugt: build/korrektur/"
EPUB_DONE_ALL = "E-Books erzeugt und mit epubcheck geprüft: build/epub/"

# Hints that name the nearest correct value (diagnostics).
SLUG_HINT = "Benennen Sie die Datei in „{}.md“ um (nur Kleinbuchstaben, Ziffern und Bindestriche)."
KEY_MISSING_HINT = "Ergänzen Sie „{}“ – {}; z. B. „{}“."
TYPE_HINT = "So sieht es richtig aus: „{}“."
AUTHOR_UNKNOWN_KEY = "unbekannte Angabe „{}“"
AUTHOR_AFFILIATION = "„affiliation“ muss ein Text sein"
AUTHOR_NAME = "„name“ fehlt"

# What YAML parsers say (English) → (German reason, hint); the parser's problem is looked up first, then its
# context („while scanning a quoted scalar“), each by the first entry it contains.
_YAML_QUOTE_HINT = "Setzen Sie den ganzen Wert in Anführungszeichen, z. B. „title: \"@koopstadt: Leipzig\"“."
_YAML_INDENT_HINT = ("Rücken Sie alles, was zusammengehört, genau gleich weit ein, nur mit Leerzeichen (zwei je "
                     "Stufe), und setzen Sie nach „-“ ein Leerzeichen.")
_YAML_COLON_MISSING = "in dieser Zeile fehlt der „:“ nach dem Namen der Angabe"
_YAML_COLON_HINT = ("Jede Angabe hat die Form „schlüssel: wert“, mit einem Leerzeichen nach dem Doppelpunkt; ein Wert "
                    "über mehrere Zeilen wird eingerückt.")
YAML_PROBLEMS: dict[str, tuple[str, str]] = {
    "found character '\\t' that cannot start any token": (
        "an dieser Stelle steht ein Tabulatorzeichen; YAML erlaubt vor und zwischen den Angaben nur Leerzeichen",
        "Ersetzen Sie das Tabulatorzeichen durch Leerzeichen (zum Einrücken zwei je Stufe); viele Editoren tun das "
        "mit „Einrückung in Leerzeichen umwandeln“."),
    "that cannot start any token": (
        "ein Wert beginnt mit einem Zeichen, mit dem YAML keinen Wert beginnen lässt („@“, „`“ oder „%“)",
        _YAML_QUOTE_HINT),
    "found unexpected end of stream": (
        "ein Anführungszeichen wird nicht geschlossen",
        "Schließen Sie das Anführungszeichen am Ende des Werts; ein Anführungszeichen im Text selbst schreiben Sie "
        "doppelt ('') oder als „“."),
    "found unexpected document separator": (
        "ein Anführungszeichen wird nicht geschlossen",
        "Schließen Sie das Anführungszeichen am Ende des Werts, vor der Zeile „---“."),
    "expected ',' or ']'": (
        "eine Liste in eckigen Klammern wird nicht geschlossen, oder zwischen zwei Einträgen fehlt ein Komma",
        "Schließen Sie die Liste in derselben Angabe mit „]“ und trennen Sie die Einträge mit Kommas, "
        "z. B. „[zwischennutzung, wasser-region]“."),
    "expected ',' or '}'": (
        "eine Zuordnung in geschweiften Klammern wird nicht geschlossen, oder zwischen zwei Einträgen fehlt ein Komma",
        "Schließen Sie sie in derselben Angabe mit „}“, oder schreiben Sie jede Angabe in eine eigene, eingerückte "
        "Zeile."),
    "colon missing": (_YAML_COLON_MISSING, _YAML_COLON_HINT),
    "mapping values are not allowed here": (
        "an dieser Stelle ist kein „:“ erlaubt",
        "Steht im Wert ein „:“, setzen Sie den ganzen Wert in Anführungszeichen; sonst stimmt die Einrückung nicht: "
        "Angaben, die zusammengehören, stehen genau untereinander."),
    "could not find expected ':'": (_YAML_COLON_MISSING, _YAML_COLON_HINT),
    "expected <block end>, but found '-'": (
        "ein Listeneintrag („-“) steht an einer Stelle, an der keine Liste beginnen kann",
        _YAML_INDENT_HINT),
    "expected <block end>, but found '<scalar>'": (
        "nach dem Wert in Anführungszeichen steht noch Text",
        "Setzen Sie das schließende Anführungszeichen ans Ende des ganzen Werts."),
    "expected <block end>, but found": ("die Einrückung stimmt nicht", _YAML_INDENT_HINT),
    "did not find expected key": ("die Einrückung stimmt nicht oder ein „-“ fehlt", _YAML_INDENT_HINT),
    "did not find expected '-'": ("die Einrückung stimmt nicht oder ein „-“ fehlt", _YAML_INDENT_HINT),
    "expected a comment or a line break": (
        "nach dem Wert steht in derselben Zeile noch Text",
        _YAML_QUOTE_HINT),
    "expected chomping or indentation indicators": (
        "nach „|“ oder „>“ darf in derselben Zeile nichts stehen",
        "Schreiben Sie den Text ab der nächsten Zeile, eingerückt, oder setzen Sie den Wert in Anführungszeichen."),
    "expected the node content": (
        "an dieser Stelle fehlt ein Wert, oder eine Klammer steht allein",
        _YAML_QUOTE_HINT),
    "expected alphabetic or numeric character": (
        "ein Wert beginnt mit „&“, „*“ oder „!“",
        _YAML_QUOTE_HINT),
    "found unhashable key": (
        "der Name einer Angabe steht in Klammern",
        "Schreiben Sie den Namen ohne Klammern: „schlüssel: wert“."),
    "found undefined alias": ("unbekannter Verweis", "Schreiben Sie den Wert aus."),
    "found unknown escape character": (
        "unbekanntes Escape-Zeichen mit „\\“",
        "Setzen Sie den Text in einfache Anführungszeichen ('…') oder verdoppeln Sie den „\\“."),
    "expected escape sequence": (
        "unbekanntes Escape-Zeichen mit „\\“",
        "Setzen Sie den Text in einfache Anführungszeichen ('…') oder verdoppeln Sie den „\\“."),
    "unacceptable character": (
        "die Angaben enthalten ein unsichtbares Steuerzeichen",
        "Löschen Sie die Stelle und tippen Sie sie neu; solche Zeichen kommen oft mit kopiertem Text."),
    "found unexpected ':'": (
        "unerwarteter „:“",
        "Setzen Sie einen Text mit „:“ in Anführungszeichen."),
    "month must be in": ("ungültiger Monat", "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2014-09-18."),
    "day is out of range": ("ungültiger Tag", "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2014-09-18."),
    "is out of range": ("ungültiges Datum", "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2014-09-18."),
    "while scanning a quoted scalar": (
        "ein Anführungszeichen wird nicht geschlossen",
        "Schließen Sie das Anführungszeichen am Ende des Werts."),
    "while scanning a double-quoted scalar": (
        "ein Anführungszeichen wird nicht geschlossen",
        "Schließen Sie das Anführungszeichen am Ende des Werts."),
    "while scanning a block scalar": (
        "nach „|“ oder „>“ darf in derselben Zeile nichts stehen",
        "Schreiben Sie den Text ab der nächsten Zeile, eingerückt, oder setzen Sie den Wert in Anführungszeichen."),
}
YAML_UNKNOWN = "Syntaxfehler ({})"
FRONTMATTER_MISTYPED_END = ("Die Zeile „{}“ (Zeile {}) schließt ihn nicht: Schreiben Sie dort genau drei Bindestriche "
                            "„---“.")
TEXT["frontmatter_size"] = "Die Front Matter hat hier {} Einträge; höchstens {} sind möglich."
HINTS["frontmatter_size"] = ("Kürzen Sie die lange Liste; Stichwörter („keywords“) brauchen selten mehr als zehn "
                             "Einträge.")


def thousands(n: int) -> str:
    """A whole number with German thousands points: 10.000."""
    return f"{n:,}".replace(",", ".")


# ---- Messages of the reader an author can meet (issue 18): every MyST warning type and the docutils/Sphinx ------
# messages MyST input triggers have a German code. `ENGINE_PATTERNS` (below) first, with the engine's names quoted;
# a MyST warning no pattern knows gets its type's code here (texts without arguments). The test
# tests/test_author_messages.py fails for a MyST warning type missing here.
MYST_WARNINGS: dict[str, str] = {
    "deprecated": "setup", "not_supported": "markup_unsupported", "render": "markup_unsupported",
    "topmatter": "frontmatter_unreadable", "duplicate_def": "link_definition_duplicate", "header": "heading_start",
    "directive_parse": "directive_unreadable", "directive_option": "directive_options",
    "directive_comments": "directive_option_comment", "directive_body": "directive_unreadable",
    "directive_unknown": "directive_unknown", "role_unknown": "role_unknown", "xref_ambiguous": "xref_ambiguous",
    "xref_missing": "xref_missing", "inv_retrieval": "link_inventory", "iref_missing": "link_inventory",
    "iref_ambiguous": "link_inventory", "domains": "setup", "linkify": "setup", "heading_slug": "setup",
    "strikethrough": "strikethrough", "html": "html_unreadable", "attribute": "attribute",
    "substitution": "substitution", "section_ref": "xref_missing",
}
AUTHOR_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"Non-consecutive header level increase; H(\d) to H(\d)", "heading_skip"),
    (r"cross-reference target not found: '([^']*)'", "xref"),
    (r"reference target not found: '([^']*)'", "xref"),
    (r"not found in this document: '([^']*)'", "xref"),
    (r"local id not found in doc '[^']*': '([^']*)'", "xref"),
    (r"`(\w+:)` scheme", "link_scheme"),
    (r"Duplicate reference definition", "link_definition_duplicate"),
    (r"'([\w:.-]+)': Unknown option key: '([^']+)'", "directive_option_unknown"),
    (r"Invalid option value for '([^']+)'", "directive_option_value"),
    (r"'([\w:.-]+)': Has content, but none permitted", "directive_no_content"),
    (r"'([\w:.-]+)': maximum \d+ argument\(s\) allowed", "directive_arguments"),
    (r"'([\w:.-]+)': Splitting content across first line and body", "directive_split"),
    (r"Directive options has # comments", "directive_option_comment"),
    (r"'([\w:.-]+)': Invalid options format", "directive_content"),
    (r"A title or caption not found: '([^']*)'", "ref_no_title"),
    (r"unknown document: '([^']*)'", "doc_unknown"),
)
TEXT.update({
    "heading_skip": "Auf eine Überschrift der Ebene {} folgt direkt eine der Ebene {}; dazwischen fehlt eine Ebene.",
    "heading_start": "Die Überschriften beginnen nicht auf der Ebene unter dem Titel.",
    "frontmatter_unreadable": "Die Front Matter dieser Seite lässt sich nicht lesen.",
    "link_definition_duplicate": ("Diese Linkdefinition („[name]: adresse“) hat denselben Namen wie eine weiter oben; "
                                  "sie wird nicht verwendet."),
    "directive_unreadable": "Diese Direktive ist so nicht lesbar.",
    "directive_options": "Die Optionen dieser Direktive sind nicht lesbar.",
    "directive_option_unknown": "Die Direktive „{{{}}}“ kennt die Option „:{}:“ nicht.",
    "directive_option_value": "Der Wert der Option „:{}:“ ist ungültig.",
    "directive_option_comment": "Zwischen den Optionen einer Direktive steht ein Kommentar („#“).",
    "directive_no_content": "Die Direktive „{{{}}}“ hat keinen Inhalt; unter ihrer ersten Zeile darf nichts stehen.",
    "directive_arguments": "Hinter dem Namen der Direktive „{{{}}}“ steht mehr als erlaubt.",
    "directive_split": ("Der Text der Direktive „{{{}}}“ beginnt in ihrer ersten Zeile und geht unter den Optionen "
                        "weiter."),
    "directive_unknown": "Diese Direktive ist in Beiträgen nicht erlaubt.",
    "role_unknown": "Diese Rolle ist in Beiträgen nicht erlaubt.",
    "xref_missing": "Der Verweis führt ins Leere.",
    "xref_ambiguous": "Der Verweis passt auf mehrere Ziele.",
    "link_inventory": "Verweise in fremde Dokumentationen („inv:“) sind in Beiträgen nicht möglich.",
    "markup_unsupported": "Diese Schreibweise kann nicht in allen Formaten gesetzt werden.",
    "strikethrough": "Durchgestrichener Text („~~…~~“) wird nicht gesetzt.",
    "html_unreadable": "HTML ist in Beiträgen nicht erlaubt.",
    "attribute": "Ein Attribut in geschweiften Klammern hat einen ungültigen Wert.",
    "substitution": "Ersetzungen („{{{{ name }}}}“) gibt es in Beiträgen nicht.",
    "setup": "Das Handbuch ist für diese Stelle nicht eingerichtet (eine Einstellung von MyST).",
    "ref_no_title": "Die Marke „{}“ steht vor keiner Überschrift, Abbildung oder Tabelle: {{ref}} findet keinen Titel.",
    "doc_unknown": "Das Dokument „{}“ gibt es für {{doc}} nicht.",
})
HINTS.update({
    "heading_skip": ("Ebene 2 ist „##“, Ebene 3 „###“: Geben Sie einem Unterabschnitt genau eine Raute mehr als dem "
                     "Abschnitt darüber."),
    "heading_start": "Abschnitte beginnen mit „##“; den Titel (Ebene 1) setzt „title:“ in der Front Matter.",
    "frontmatter_unreadable": ("Schreiben Sie jede Angabe als „schlüssel: wert“ zwischen zwei „---“-Zeilen, "
                               "eingerückt nur mit Leerzeichen."),
    "link_definition_duplicate": "Löschen Sie die doppelte Zeile „[name]: …“ oder geben Sie ihr einen eigenen Namen.",
    "directive_unreadable": ("Vergleichen Sie die Direktive mit dem Beispiel im Leitfaden für Autorinnen und Autoren: "
                             "Name in geschweiften Klammern, Optionen direkt darunter, dann eine Leerzeile und der "
                             "Text."),
    "directive_options": "Schreiben Sie jede Option in eine eigene Zeile direkt unter die erste, als „:name: wert“.",
    "directive_option_unknown": ("Prüfen Sie die Schreibweise; Abbildungen kennen z. B. „:alt:“, „:name:“ und "
                                 "„:width:“, der Leitfaden für Autorinnen und Autoren zeigt alle."),
    "directive_option_value": ("Schreiben Sie den Wert wie im Leitfaden für Autorinnen und Autoren, z. B. „:width: "
                               "50%“ oder „:align: center“."),
    "directive_option_comment": ("Löschen Sie die „#“-Zeile aus den Optionen; eine Anmerkung für die Redaktion steht "
                                 "als „%“-Zeile über der Direktive."),
    "directive_no_content": "Schreiben Sie den Text unter die schließende Zeile („:::“ oder „```“).",
    "directive_arguments": ("In die erste Zeile gehört nur die Bilddatei oder der Titel; Optionen wie „:alt:“ stehen "
                            "in eigenen Zeilen darunter."),
    "directive_split": "Schreiben Sie den ganzen Text unter die Optionen, nach einer Leerzeile.",
    "directive_unknown": HINTS["directive"],
    "role_unknown": HINTS["role"],
    "xref_missing": HINTS["xref"],
    "xref_ambiguous": "Verweisen Sie auf eine Marke, die es nur einmal gibt („(marke)=“ oder „:name:“).",
    "link_inventory": "Verlinken Sie die Seite mit ihrer Webadresse (https://…).",
    "markup_unsupported": ("Nutzen Sie einfachere Mittel (Absätze, Listen, Tabellen); siehe Leitfaden für "
                           "Autorinnen und Autoren."),
    "strikethrough": "Löschen Sie den Text oder sagen Sie mit Worten, dass er nicht mehr gilt.",
    "html_unreadable": HINTS["html"],
    "attribute": "Schreiben Sie die Stelle ohne „{…}“-Attribute; Marken setzen Sie mit „(marke)=“ oder „:name:“.",
    "substitution": "Schreiben Sie den Text an der Stelle aus.",
    "setup": "An Ihrem Text liegt es nicht: Geben Sie die Meldung an die Entwicklung weiter.",
    "ref_no_title": ("Setzen Sie die Marke direkt vor eine Überschrift, Abbildung oder Tabelle, oder geben Sie den "
                     "Linktext selbst an: {ref}`Text <marke>`."),
    "doc_unknown": ("Schreiben Sie bei {doc} den Pfad ohne „.md“, z. B. {doc}`../bremen/zwischenzeitzentrale`, oder "
                    "verlinken Sie die Datei: [Text](../bremen/zwischenzeitzentrale.md)."),
})
# A fence („:::“, „```“, „~~~“) that is never closed takes in everything after it: valid, almost always a slip.
TEXT["fence_unclosed"] = "{} ab Zeile {} wird nie geschlossen; alles bis {} steht darin{}."
HINTS["fence_unclosed"] = "Schließen Sie ihn mit einer eigenen Zeile direkt nach seinem letzten Absatz."
NOTE_CODES = NOTE_CODES | {"fence_unclosed"}
FENCE_ADMONITION = "Der Kasten „{{{}}}“"
FENCE_DIRECTIVE = "Die Direktive „{{{}}}“"
FENCE_CODE = "Der Code-Block"
FENCE_BLOCK = "Der Block"
FENCE_TO_END = "zum Dateiende"
FENCE_TO_LINE = "Zeile {}"
FENCE_LINES = " ({})"
FENCE_LINES_INNER = " ({}; dort endet der Block um ihn)"
FENCE_HEADING = ", auch die Überschrift „{}“"
FENCE_HINT = "Schließen Sie ihn mit einer eigenen Zeile „{}“ direkt nach seinem letzten Absatz."
# Link addresses every output accepts (pipeline/urls.py): why one is refused, and what to write instead.
TEXT["link_address"] = "Die Adresse „{}“ ist so nicht verlinkbar: {}."
HINTS["link_address"] = ("Kopieren Sie die Adresse aus der Adresszeile des Browsers; sie beginnt mit „https://“ oder "
                         "„mailto:“.")
URL_PROBLEMS: dict[str, tuple[str, str]] = {
    "slashes": ("nach „https:“ bzw. „http:“ fehlen die zwei Schrägstriche",
                "Schreiben Sie die Adresse vollständig, z. B. „https://www.koopstadt.de/“."),
    "userinfo": ("sie enthält Benutzername oder Kennwort („…@“ vor dem Rechnernamen)",
                 "Lassen Sie Zugangsdaten weg: „https://rechnername/pfad“."),
    "host_empty": ("der Rechnername fehlt", "Schreiben Sie den Rechnernamen nach „//“, z. B. „https://www.leipzig.de/“."),
    "host": ("der Rechnername ist ungültig (leere Teile zwischen Punkten, Leer- oder Sonderzeichen, „-“ am Anfang "
             "oder Ende eines Teils)",
             "Prüfen Sie den Rechnernamen; erlaubt sind Buchstaben, Ziffern und Bindestriche zwischen den Punkten."),
    "ipv4": ("die Zahlen-Adresse ist keine gültige IPv4-Adresse",
             "Schreiben Sie vier Zahlen von 0 bis 255 mit Punkten, z. B. „192.0.2.1“ – besser den Rechnernamen."),
    "ipv6": ("die Adresse in eckigen Klammern ist keine gültige IPv6-Adresse",
             "Schreiben Sie den Rechnernamen statt der IPv6-Adresse."),
    "port": ("die Portnummer hinter „:“ ist keine Zahl von 0 bis 65535",
             "Lassen Sie „:…“ hinter dem Rechnernamen weg, wenn die Seite es nicht braucht."),
    "path": ("der Pfad enthält ein Zeichen, das dort nicht stehen darf",
             "Kopieren Sie die Adresse aus der Adresszeile des Browsers."),
    "query": ("der Teil nach „?“ enthält ein Zeichen, das dort nicht stehen darf",
              "Kopieren Sie die Adresse aus der Adresszeile des Browsers."),
    "fragment": ("der Teil nach „#“ enthält ein Zeichen, das dort nicht stehen darf (etwa ein zweites „#“)",
                 "Eine Adresse hat höchstens ein „#“; kopieren Sie sie aus der Adresszeile des Browsers."),
    "mail": ("das ist keine einzelne E-Mail-Adresse („mailto:name@rechner.de“)",
             "Schreiben Sie „mailto:“ und genau eine Adresse, z. B. „mailto:info@koopstadt.de“."),
    "relative": ("es fehlt „https:“ vor „//“",
                 "Schreiben Sie die Adresse vollständig, z. B. „https://www.koopstadt.de/“."),
}

# The front matter and the issue manifest: help texts and examples (pipeline/schema.py). Nested keys are dotted.
FIELD_HELP: dict[str, str] = {
    "title": "Titel des Beitrags",
    "subtitle": "Untertitel",
    "authors": "Autorinnen und Autoren: Liste aus „name“ und „affiliation“ (Dienststelle)",
    "date": "Datum im Format JJJJ-MM-TT",
    "abstract": "Kurzfassung in 1–3 Sätzen, erscheint auf den Karten und im PDF",
    "keywords": "Schlagwörter",
    "license": "Lizenz; ohne Angabe CC BY 4.0",  # = schema.DEFAULT_LICENSE
    "art": "Art des Beitrags (Kennung)",
    "themenfeld": "genau ein Themenfeld (Kennung)",
    "projektfamilien": "mindestens eine Projektfamilie des Themenfelds (Kennungen)",
    "aufgaben": "strategische Aufgaben (Kennungen)",
    "stadt": "Stadt; muss zum Ordner passen",
    "status": "Stand des Beitrags; ohne Angabe freigegeben",
    "nummer": "Nummer der Ausgabe, gleich dem Ordnernamen koopblatt/<nr>/",
    "jahr": "Erscheinungsjahr",
    "datum": "Erscheinungsdatum im Format JJJJ-MM-TT; ohne Angabe der 1. Juni des Jahres",
    "titel": "Titel des Hefts",
    "untertitel": "Untertitel, meist das Thema der Ausgabe",
    "editorial": "Markdown-Datei mit dem Editorial, im Ordner der Ausgabe",
    "format": "Seitenformat; ohne Angabe a4",
    "schnittmarken": "Schnittmarken im Druck-PDF (true oder false); ohne Angabe false",
    "beitraege": "die Beiträge in Druckreihenfolge, als Pfade unter docs/",
    "impressum": "Angaben für das Impressum",
    "impressum.herausgeber": "Herausgeber",
    "impressum.anschrift": "Anschrift, ein Listeneintrag je Zeile",
    "impressum.telefon": "Telefonnummer",
    "impressum.email": "E-Mail-Adresse",
    "impressum.web": "Webadresse",
    "impressum.redaktion": "Namen der Redaktion",
    "impressum.gestaltung": "Gestaltung",
    "impressum.druck": "Druckerei, Papier, Auflage",
    "impressum.foerderung": "Förderhinweis",
    "impressum.hinweis": "weiterer Hinweis",
    "cover": "Umschlag: Bild, Bildbeschreibung und Akzentfarbe",
    "cover.bild": "Umschlagbild im Ordner der Ausgabe (SVG, PNG oder JPG)",
    "cover.alt": "Beschreibung des Umschlagbilds für Menschen, die es nicht sehen",
    "cover.farbe": "Akzentfarbe als #RRGGBB; ohne Angabe #1F5FA8",
}
FIELD_EXAMPLES: dict[str, object] = {
    "title": "Wächterhäuser im Leipziger Westen",
    "subtitle": "Wie Leerstand zur Ressource wurde",
    "authors": [{"name": "Erika Muster", "affiliation": "Stadt Leipzig"}],
    "date": dt.date(2014, 9, 18),
    "abstract": "In Lindenau sichern Hauswächter leerstehende Gründerzeithäuser.",
    "keywords": ["Leerstand", "Zwischennutzung"],
    "license": "CC BY 4.0",
    "art": "praxisfall",
    "themenfeld": "oekonomische-innovation",
    "projektfamilien": ["zwischennutzung"],
    "aufgaben": ["quartier-stadt"],
    "stadt": "leipzig",
    "status": "entwurf",
    "nummer": 3,
    "jahr": 2015,
    "datum": dt.date(2015, 6, 15),
    "titel": "koopBLATT",
    "untertitel": "Das Schwarzbrot der Stadtentwicklung",
    "editorial": "editorial.md",
    "format": "a4",
    "schnittmarken": True,
    "beitraege": ["beitraege/leipzig/leipziger-westen.md", "beitraege/bremen/ueberseestadt.md"],
    "impressum.herausgeber": "Gemeinsame Geschäftsstelle koopstadt",
    "impressum.anschrift": ["Stadt Leipzig", "Neues Rathaus, Martin-Luther-Ring 4–6", "04109 Leipzig"],
    "impressum.telefon": "0341 123-4933",
    "impressum.email": "info@koopstadt.de",
    "impressum.web": "www.koopstadt.de",
    "impressum.redaktion": ["Ines Hartung", "Daniel Kranich"],
    "impressum.druck": "Gedruckt auf Recyclingpapier, Auflage 1.500 Exemplare",
    "cover.bild": "umschlag.svg",
    "cover.alt": "Drei ineinander verschlungene Ringe in Rot, Blau und Grün",
    "cover.farbe": "#1F5FA8",
}
STATUS_LABELS = {"entwurf": "Entwurf: geprüft, in der Vorschau sichtbar, nie veröffentlicht",
                 "freigegeben": "freigegeben: erscheint im Handbuch und im koopBLATT"}
FORMAT_LABELS = {"a4": "DIN A4 (210 × 297 mm)", "a5": "DIN A5 (148 × 210 mm)"}
REQUIRED_FOR_PRAXISFALL = "Pflicht bei Praxisfällen"
REQUIRED_WITH_IMAGE = "Pflicht, wenn es ein Bild gibt"
YEAR_TYPE = "eine Jahreszahl wie 2015"
SCHEMA_TITLES = {
    "beitrag": ("koopstadt-Beitrag (Front Matter)",
                "Angaben am Anfang eines Beitrags docs/beitraege/<stadt>/<kurzname>.md. Verbindlich prüft "
                "„nox -s check“; diese Beschreibung hilft beim Schreiben im Editor."),
    "ausgabe": ("koopBLATT-Ausgabe (ausgabe.yml)",
                "Manifest einer Ausgabe koopblatt/<nr>/ausgabe.yml. Verbindlich prüft „nox -s check“; diese "
                "Beschreibung hilft beim Schreiben im Editor."),
}

# ======================================================================================================
# The editors' desk (issue 12): page budget, flatplan, Redaktionsstand, proofs, copies of contributions.
# ======================================================================================================
FIELD_HELP.update({
    "beitraege": "die Beiträge in Druckreihenfolge, als Pfade unter docs/; mit Seitenplanung als "
                 "„- pfad: …“ und „seiten: <n>“",
    "beitraege.pfad": "Pfad des Beitrags unter docs/",
    "beitraege.seiten": "geplante Seitenzahl des Beitrags im Heft (Seitenplan); eine Abweichung ist ein Hinweis",
})
FIELD_EXAMPLES.update({
    "beitraege": ["beitraege/leipzig/leipziger-westen.md", {"pfad": "beitraege/bremen/ueberseestadt.md", "seiten": 4}],
    "beitraege.pfad": "beitraege/bremen/ueberseestadt.md",
    "beitraege.seiten": 4,
})
PAGES_TYPE = "eine Seitenzahl ab 1"
TEXT.update({
    "page_budget": "„{}“ belegt im koopBLATT No. {}: {} statt der geplanten {} ({}).",
    "title_duplicate": "Den Titel „{}“ trägt schon „{}“.",
    "pdf_unbalanced": "koopBLATT No. {}: Mit ausgeglichenen letzten Beitragsseiten kam der Satz nicht zur Ruhe "
                      "(Typst: „{}“); die Ausgabe ist ohne diesen Ausgleich gesetzt.",
})
NOTE_CODES = NOTE_CODES | {"page_budget", "title_duplicate", "pdf_unbalanced"}  # a twin title breaks nothing
HINTS.update({
    "page_budget": "Kürzen oder ergänzen Sie den Beitrag, oder passen Sie „seiten:“ in der Ausgabe an; den "
                   "Seitenplan zeigt build/redaktion/koopblatt-{}-seitenplan.html.",
    "title_duplicate": "Ist die Datei eine Kopie als Vorlage? Geben Sie ihr einen eigenen Titel.",
    "pdf_unbalanced": "Die PDFs sind vollständig; nur die Spalten der letzten Seiten der Beiträge enden ungleich. "
                      "Schicken Sie die Ausgabe an die Redaktion der Pipeline, wenn das Heft so nicht gedruckt "
                      "werden soll.",
})

# flatplan (Seitenplan)
FLATPLAN_TITLE = "Seitenplan koopBLATT No. {}"
FLATPLAN_INTRO = ("Alle {} in Doppelseiten, wie sie gedruckt werden: Umschlag allein, dann linke und rechte "
                  "Seiten, Rückseite allein. Erzeugt aus demselben Satz wie das PDF.")
FLATPLAN_SECTIONS = {"umschlag": "Umschlag", "impressum": "Impressum", "inhalt": "Inhalt", "editorial": "Editorial",
                     "notizen": "Notizen (Auffüllung)", "rueckseite": "Rückseite"}
FLATPLAN_PAGE = "S. {}"
FLATPLAN_PADDING = "Auffüllung auf ein Vielfaches von vier: {}"
FLATPLAN_NO_PADDING = "Keine Auffüllung nötig"
FLATPLAN_PLANNED = "{} von {}"
FLATPLAN_TABLE = "Seiten je Beitrag"
FLATPLAN_SPREADS = "Doppelseiten"
FLATPLAN_HEADER = ["Beitrag", "Stadt", "Seiten", "Seiten im Heft", "Geplant", "Abweichung"]
FLATPLAN_IMAGE_ALT = "Seitenplan koopBLATT No. {} als Bild: {} in {}"
FLATPLAN_SPREAD = "Doppelseite {}"
FLATPLAN_DONE = "Seitenplan: {}"
FLATPLAN_FAILED = "Seitenplan koopBLATT No. {}: nicht erzeugt ({})."
FLATPLAN_MANY = "{} ({})"
FLATPLAN_NO_PAGES = "keine Seitenbilder zum aktuellen PDF"
FLATPLAN_BACK = "Zum Redaktionsstand"

# Redaktionsstand (editors' dashboard)
DESK_TITLE = "Redaktionsstand"
DESK_INTRO = ("Stand aller Beiträge (auch Entwürfe) für die Redaktion; diese Seite wird nicht veröffentlicht. "
              "Erzeugt am {}.")
DESK_FILTER = "Beiträge filtern"
DESK_FILTER_FORM = "Filter der Beitragstabelle"
DESK_FILTER_HINT = "Stadt, Titel, Status, Art, Ausgabe …"
DESK_SORT_HINT = "Ein Klick auf eine Spaltenüberschrift sortiert die Tabelle."
DESK_COUNT = "{} von {}"
DESK_CAPTION = "Beiträge"
DESK_HEADER = ["Stadt", "Titel", "Status", "Art", "Ausgaben", "Seiten", "TODOs", "Fehler", "Hinweise",
               "Bilder unter 300 dpi", "Letzte Änderung"]
DESK_ISSUES = "Ausgaben"
DESK_ISSUES_HEADER = ["Ausgabe", "Seiten", "Auffüllung", "Seitenplan", "Downloads"]
DESK_ISSUE_PAGES_UNKNOWN = "noch nicht gesetzt"
DESK_FLATPLAN_LINK = "Seitenplan"
DESK_PDF_SCREEN = "PDF"
DESK_PDF_PRINT = "Druck-PDF"
DESK_EPUB = "EPUB"
DESK_MISSING = "fehlt"
DESK_NONE = "–"
DESK_STATUS = {"entwurf": "Entwurf", "freigegeben": "freigegeben"}
DESK_DONE = "Redaktionsstand: {}"
DESK_FROM_GIT = "laut git"
DESK_FROM_FILE = "Dateidatum"

# proofs
PROOF_PLANNED = "Vorgesehen für"

# nox -s publish: the last good handbook to the web server (pipeline/publish.py)
PUBLISH_NO_BUILD = "Es gibt kein fertiges Handbuch in build/html, das veröffentlicht werden könnte."
PUBLISH_NO_BUILD_HINT = "Erst „nox -s build“ ausführen: Nur ein Bau ohne Fehler kommt nach build/html."
PUBLISH_REFUSED = ("Nicht veröffentlicht: Freigegebene Inhalte haben Fehler (siehe oben). Online bleibt die bisherige "
                   "Fassung.")
PUBLISH_REFUSED_HINT = "Die Fehler beheben, „nox -s build“ ausführen und dann erneut veröffentlichen."
PUBLISH_DONE = "Veröffentlicht nach {}: releases/{} ist jetzt „current“ ({} im Ziel, höchstens {} bleiben)."
PUBLISH_BACK_DONE = "Zurückgeschaltet in {}: „current“ zeigt wieder auf releases/{} (statt releases/{})."
PUBLISH_NOTHING = "In {} ist noch nichts veröffentlicht."
PUBLISH_NO_PREVIOUS = "In {} gibt es keine frühere Veröffentlichung, zu der zurückgeschaltet werden könnte."
PUBLISH_TARGET_NOT_DIR = "„{}“ ist eine Datei, kein Verzeichnis."
PUBLISH_CURRENT_NOT_LINK = "„{}“ ist kein symbolischer Link: Das Ziel wurde nicht von „nox -s publish“ angelegt."
PUBLISH_CURRENT_NOT_LINK_HINT = ("Ein leeres Verzeichnis als Ziel wählen (der Webserver zeigt dann auf "
                                 "<ziel>/current) oder „current“ dort entfernen.")
PUBLISH_NO_RSYNC = "Für das Ziel „{}“ (über SSH) wird rsync gebraucht; es ist hier nicht installiert."
PUBLISH_NO_RSYNC_HINT = "Debian/Ubuntu: apt-get install rsync openssh-client."
PUBLISH_REMOTE_FAILED = "Übertragung nach {} fehlgeschlagen ({}): {}"
PUBLISH_REMOTE_HINT = ("Zugang prüfen: „ssh <ziel-rechner>“ muss ohne Passwortabfrage gelingen (SSH-Schlüssel); "
                       "online bleibt die bisherige Fassung.")
PUBLISH_STALE_DOWNLOAD = ("Hinweis: {} ist neuer als die Fassung, die das Handbuch anbietet; veröffentlicht wird die "
                          "des Handbuchs. „nox -s build“ bietet die neue an.")
PUBLISH_KEEP_BAD = "--behalten braucht eine ganze Zahl ab 1, nicht „{}“."

# nox -s new --von: copies as templates
NEW_FROM_MISSING = "Die Vorlage „{}“ gibt es nicht (erwartet: docs/beitraege/<stadt>/<kurzname>.md)."
NEW_FROM_DONE = "Kopie von {} angelegt: {} (Entwurf; Marken umbenannt: {})"
NEW_FROM_IMAGES = "Bilder kopiert: {}"
NEW_FROM_STEPS = (
    "Titel, Kurzfassung und Autorinnen/Autoren ausfüllen (die „TODO“-Stellen in der Front Matter).",
    "Den Text überarbeiten; die Marken sind schon umbenannt, Verweise darauf angepasst.",
    "„nox -s check“ meldet, was noch fehlt.",
)

# ---------------------------------------------------------------------------------------------
# Import: author line, header rows, figures without a caption (issue 12, "Imports")
IMPORT_FROM_BYLINE = "aus der Autorenzeile am Anfang – aus dem Text entfernt"
IMPORT_NOTE_TABLE_BOLD_HEAD = ("Tabelle {}: Die erste Zeile ist fett gesetzt und wurde als Kopfzeile übernommen "
                               "– bitte prüfen.")
IMPORT_NOTE_FIGURE_NO_CAPTION = ("Abbildung {} hat keine Bildunterschrift: Im Heft und im Handbuch steht sie ohne "
                                 "Text unter der Nummer – bitte eine Unterschrift ergänzen.")


# ---- Zitieren, Sonderdruck, offene Daten, Feed (issue 11, part B) --------------------------------------------
CITE_CONTAINER = EPUB_HANDBOOK_TITLE  # a case is cited as part of the handbook, under its one title
CITE_PLACE = "Leipzig"
CITE_ALSO_IN = "Auch erschienen in: {}"
CITE_TITLE = "Zitieren"
CITE_INTRO = "Zitiervorschlag:"
CITE_BIBTEX = "BibTeX"
CITE_RIS = "RIS (Zotero, Citavi, EndNote)"
CITE_DOWNLOADS = "Herunterladen:"
CITE_OFFPRINT = "Als PDF (Sonderdruck, {} MB)"
CITE_LICENSE = "Lizenz: {}"
OFFPRINT_HEAD = "Sonderdruck aus: {}"
OFFPRINT_SUGGESTION = "Zitiervorschlag"
OFFPRINT_PROGRESS = "Sonderdrucke: {} von {} neu gesetzt"
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
    "ausgaben": "koopBLATT-Ausgaben, in denen der Beitrag erschienen ist",
    "ausgabe.nummer": "Nummer der Ausgabe",
    "ausgabe.jahr": "Jahr der Ausgabe",
    "ausgabe.titel": "Name der Ausgabe, z. B. „koopBLATT No. 3 (2015)“",
    "ausgabe.url": "Seite der Ausgabe im Handbuch",
    "ausgabe.pdf_url": "PDF der Ausgabe zum Lesen am Bildschirm; null, solange keines erzeugt ist",
    "authors.name": "Name",
    "authors.affiliation": "Institution",
}

# -- the handbook's look, start page and search (pipeline.html.search, sphinx_ext.browse) ----------------------
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
MATRIX_CAPTION_NOTE = "Je dunkler das Feld, desto mehr Beiträge; die Zahl steht in jedem Feld."

# -- loose ends (lead review) ---------------------------------------------------------------------------------
# an issue whose `datum` is still ahead (manifest.is_published): the card and the proof announce it, never
# „Erschienen in“
ISSUES_PLANNED_LABEL = PROOF_PLANNED
ISSUE_PLANNED_NOTE = "noch nicht erschienen, vorgesehen für den {}"
PROOF_REFUSED = ("Kein Korrekturabzug für „{}“: Der Beitrag hat Fehler (siehe oben). Fehler in anderen Beiträgen "
                 "der Ausgabe halten ihn nicht auf.")
# open data: an issue of a case may be planned; the field says which
DATA_FIELDS["ausgaben"] = ("koopBLATT-Ausgaben, in denen der Beitrag erschienen ist oder erscheinen soll "
                           "(siehe „erschienen“)")
DATA_FIELDS["ausgabe.erschienen"] = "true, wenn die Ausgabe erschienen ist; false, solange ihr Datum noch bevorsteht"

# -- issue 18: counts with German numerus, the closing summary, the preview, usage errors, serve ---------------
# Every counted noun a message prints: (singular, plural); keys name the case where it differs. `count` is the
# one way to print „<n> <noun>“ (tests/test_small_things.py finds any template that writes „{} Hinweise“).
NOUNS: dict[str, tuple[str, str]] = {
    "Fehler": ("Fehler", "Fehler"),
    "Hinweis": ("Hinweis", "Hinweise"),
    "Meldung": ("Meldung", "Meldungen"),
    "Beitrag": ("Beitrag", "Beiträge"),
    "Beitrag/dat": ("Beitrag", "Beiträgen"),
    "freigegebener Beitrag/dat": ("freigegebenen Beitrag", "freigegebenen Beiträgen"),
    "Entwurf/dat": ("Entwurf", "Entwürfen"),
    "Ausgabe": ("Ausgabe", "Ausgaben"),
    "Seite": ("Seite", "Seiten"),
    "geplante Seite/dat": ("geplanten Seite", "geplanten Seiten"),
    "Notizseite": ("Notizseite", "Notizseiten"),
    "Doppelseite/dat": ("Doppelseite", "Doppelseiten"),
    "Kapitel": ("Kapitel", "Kapitel"),
    "Sonderdruck": ("Sonderdruck", "Sonderdrucke"),
    "Zeichen": ("Zeichen", "Zeichen"),
}
# „in einem Entwurf“: one, spelled out, where the dative reads better than a digit
ONE_DATIVE = "einem"


def count(n: int, noun: str, *, dative_one: bool = False) -> str:
    """„1 Hinweis“, „2 Hinweise“, „in einem Entwurf“: a number and its noun in the right numerus."""
    one, many = NOUNS[noun]
    if n == 1 and dative_one:
        return f"{ONE_DATIVE} {one}"
    return plural_count(n, one, many)


# The closing summary of check/build: the parts add up to the total, nobody has to subtract.
SUMMARY_TOTAL = "{}: {}."
SUMMARY_ONE_PART = "{} {}."
SUMMARY_PART = "{} in {}"
SUMMARY_OTHER_PLACES = "Ausgaben, Literatur oder Seiten des Handbuchs"
SUMMARY_DRAFTS_NOTE = "Fehler in Entwürfen („status: entwurf“) blockieren nichts, solange der Beitrag ein Entwurf ist."
SUMMARY_NOTES = "{}."
SUMMARY_SEEN_ABOVE = "{} (siehe oben)."

# Preview (nox -s serve): the banner counts what the list shows.
PREVIEW_BANNER_COUNTS = "Vorschau: {}, {} im Projekt – zur Liste"
PREVIEW_BANNER_NONE = "Vorschau: keine Fehler und keine Hinweise im Projekt – zur Liste"
PREVIEW_LIST_INTRO = ("{} und {}, wie „nox -s check“ sie meldet. Jede Meldung führt zu ihrer Seite, an die Stelle "
                      "nahe der Zeile; Entwürfe sind mit „Entwurf“ gekennzeichnet.")
PREVIEW_NO_PAGE = "ohne eigene Seite in der Vorschau"
PREVIEW_DRAFT_TAG = "Entwurf"

# nox -s serve
SERVE_PORT_BUSY = "Der Port {} ist schon belegt (läuft die Vorschau schon in einem anderen Fenster?)."
SERVE_PORT_BUSY_HINT = "Beenden Sie das andere Programm oder wählen Sie einen freien Port: „nox -s serve -- --port {}“."
SERVE_PORT_DENIED = "Den Port {} darf die Vorschau nicht öffnen (Ports unter 1024 sind dem System vorbehalten)."
SERVE_HOST_UNKNOWN = "Die Adresse „{}“ gibt es auf diesem Rechner nicht ({})."
SERVE_HOST_HINT = ("Lassen Sie „--host“ weg (dann 127.0.0.1, nur dieser Rechner) oder nehmen Sie „--host 0.0.0.0“ "
                   "für alle Rechner im Netz.")
SERVE_PORT_INVALID = "„{}“ ist keine Portnummer (erlaubt: 1 bis 65535)."
SERVE_HELP = "Live-Vorschau des Handbuchs im Browser, mit Entwürfen und den Meldungen jeder Datei"
SERVE_HOST_HELP = ("Adresse, unter der die Vorschau erreichbar ist; Vorgabe: 127.0.0.1 (nur dieser Rechner), "
                   "0.0.0.0 für alle Rechner im Netz")
SERVE_PORT_HELP = "Portnummer der Vorschau; Vorgabe: 8000. Ist er belegt, wählen Sie einen anderen, z. B. 8001"
SERVE_CHANGED = "Geändert: {} – die Vorschau wird neu erzeugt …"
SERVE_READY = "Vorschau aktuell: http://{}:{}/"
SERVE_FAILED = ("Die Vorschau konnte nicht neu erzeugt werden (Exit {}); sie zeigt den letzten Stand, bis die "
                "Ursache oben behoben ist.")
SERVE_STOPPED = "Vorschau beendet."

# Usage errors: argparse's own texts in German (msgid → translation; %-fields as argparse fills them).
ARGPARSE: dict[str, str] = {
    "usage: ": "Aufruf: ",
    "options": "Optionen",
    "positional arguments": "Angaben",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "the following arguments are required: %s": "Nicht angegeben: %s",
    "unrecognized arguments: %s": "Nicht vorgesehen: %s",
    "expected one argument": "hier fehlt der Wert",
    "expected at least one argument": "hier fehlt mindestens ein Wert",
    "expected at most one argument": "hier ist höchstens ein Wert erlaubt",
    "expected %s argument": "erwartet wird %s Wert",
    "expected %s arguments": "erwartet werden %s Werte",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "„%(value)s“ gibt es nicht (möglich: %(choices)s)",
    "invalid %(type)s value: %(value)r": "„%(value)s“ ist kein gültiger Wert",
    "ambiguous option: %(option)s could match %(matches)s": "„%(option)s“ ist mehrdeutig (möglich: %(matches)s)",
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "ignored explicit argument %r": "„%r“ hat hier keine Bedeutung",
    "one of the arguments %s is required": "eine dieser Angaben fehlt: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "„%(parser_name)s“ gibt es nicht (möglich: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "„%(filename)s“ lässt sich nicht öffnen: %(error)s",
    "unexpected option string: %s": "unerwartete Option: %s",
}
USAGE_COMMANDS = "Befehle"
USAGE_CHOICE = "„{}“ gibt es nicht (möglich: {})."
USAGE_HINT = "„nox -s {} -- --help“ erklärt alle Angaben."
USAGE_HINT_TOP = "„nox -l“ zeigt alle Befehle; die README erklärt ihren Aufruf."
USAGE_ROOT_HELP = "Projektordner (mit docs/ und koopblatt/); Vorgabe: $KOOP_ROOT, sonst „.“"
USAGE_VERBOSE_HELP = "auch die Meldungen von Sphinx, MyST und Typst zeigen"

# Characters the fonts lack: one message per script and line (pipeline/glyphs.py): TEXT["glyph"] with
# (subject, detail, object): „Das Zeichen „ქ“ (U+10E5 …) … es“ or „Text in georgischer Schrift (6 Zeichen: …) …“
GLYPH_ONE = ("Das Zeichen „{}“", "{}", "es")
GLYPH_MANY = ("{}", "{}: {}", "diese Zeichen")
GLYPH_ITEM = "„{}“ {}"
GLYPH_MANY_HINT = "Ersetzen Sie die Zeichen oder umschreiben Sie sie mit Worten (z. B. in lateinischer Umschrift)."
# ISO 15924 script code (fontTools) → German subject; others name the script as Unicode does
SCRIPT_NAMES = {
    "Arab": "Text in arabischer Schrift", "Armn": "Text in armenischer Schrift", "Beng": "Text in Bengali-Schrift",
    "Cher": "Text in Cherokee-Schrift", "Cyrl": "Text in kyrillischer Schrift", "Deva": "Text in Devanagari",
    "Egyp": "Text in ägyptischen Hieroglyphen", "Ethi": "Text in äthiopischer Schrift",
    "Geor": "Text in georgischer Schrift", "Grek": "Text in griechischer Schrift", "Gujr": "Text in Gujarati-Schrift",
    "Guru": "Text in Gurmukhi-Schrift", "Hang": "Text in koreanischer Schrift (Hangul)",
    "Hani": "Text in chinesischen Schriftzeichen", "Hebr": "Text in hebräischer Schrift",
    "Hira": "Text in Hiragana (japanisch)", "Kana": "Text in Katakana (japanisch)", "Khmr": "Text in Khmer-Schrift",
    "Knda": "Text in Kannada-Schrift", "Laoo": "Text in laotischer Schrift", "Latn": "Text in lateinischer Schrift",
    "Linb": "Text in Linear B", "Mlym": "Text in Malayalam-Schrift", "Mong": "Text in mongolischer Schrift",
    "Mymr": "Text in birmanischer Schrift", "Orya": "Text in Oriya-Schrift", "Sinh": "Text in singhalesischer Schrift",
    "Syrc": "Text in syrischer Schrift", "Taml": "Text in tamilischer Schrift", "Telu": "Text in Telugu-Schrift",
    "Thaa": "Text in Thaana-Schrift", "Thai": "Text in thailändischer Schrift", "Tibt": "Text in tibetischer Schrift",
    "Xsux": "Text in Keilschrift", "Yiii": "Text in Yi-Schrift", "Zyyy": "Text mit Symbolen",
}
SCRIPT_OTHER = "Text in der Schrift „{}“"

# ---- Kataloge und Pflichtablieferung (issue 19, part 4): ISSN, EPUB conformance, deposit with the DNB ---------
TEXT.update({
    "manifest_issn": "„{}“ ist keine gültige ISSN (vier Ziffern, Bindestrich, drei Ziffern und die Prüfziffer).",
})
HINTS.update({
    "manifest_issn": "Übernehmen Sie die ISSN genau aus der Mitteilung des ISSN-Zentrums, z. B. druck: \"0000-0019\"; "
                     "die letzte Stelle ist eine Prüfziffer (0–9 oder X).",
})
FIELD_HELP.update({
    "issn": "ISSN des koopBLATT (vom ISSN-Zentrum der Deutschen Nationalbibliothek), in jeder Ausgabe gleich",
    "issn.druck": "ISSN der gedruckten Ausgabe",
    "issn.online": "ISSN der Online-Ausgabe (PDF und E-Book); wird nach Erscheinen des ersten Hefts vergeben",
})
FIELD_EXAMPLES.update({"issn.druck": "0000-0019", "issn.online": "0000-0027"})
ISSN_PRINT = "{} (Druck)"
ISSN_ONLINE = "{} (online)"
CITE_PAGES = "S. {}"
EPUB_CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"  # the exact text the EPUB spec names
EPUB_CERTIFIER = "Gemeinsame Geschäftsstelle koopstadt (Selbstprüfung mit epubcheck und Ace by DAISY)"
# nox -s ablieferung (pipeline/deposit.py): the deposit with the Deutsche Nationalbibliothek
DEPOSIT_DONE = "Pflichtablieferung koopBLATT No. {}: {} (PDF/A-{}, EPUB, MARC 21)"
DEPOSIT_ALL = "Zur Ablieferung an die Deutsche Nationalbibliothek bereit: {} ({}); die README erklärt die Übergabe."
DEPOSIT_NONE = "Keine erschienene Ausgabe zum Abliefern (eine Ausgabe gilt ab ihrem „datum“ als erschienen)."
DEPOSIT_HELD = "koopBLATT No. {}: nicht abgeliefert – die Ausgabe hat Fehler („nox -s check“ zeigt sie)."
DEPOSIT_MISSING = ("koopBLATT No. {}: nicht abgeliefert – „{}“ fehlt. Erzeugen Sie die Ausgaben zuerst mit "
                   "„nox -s build“.")
DEPOSIT_NOT_PDFA = ("koopBLATT No. {}: nicht abgeliefert – „{}“ ist kein PDF/A ({}). Erzeugen Sie es neu mit "
                    "„nox -s build“.")
DEPOSIT_PROTECTED = ("koopBLATT No. {}: nicht abgeliefert – „{}“ ist verschlüsselt; abgeliefert werden ungeschützte "
                     "Dateien.")
DEPOSIT_RECORD = "koopBLATT No. {}: der MARC-21-Datensatz stimmt nach dem Zurücklesen nicht: {}"
MARC_EXTENT = "1 Online-Ressource ({})"  # the pages through count(): RDA's „(1 Seite)“
MARC_CONTENT = ("Text", "txt", "rdacontent")
MARC_MEDIA = ("Computermedien", "c", "rdamedia")
MARC_CARRIER = ("Online-Ressource", "cr", "rdacarrier")
MARC_AUTHOR = "Verfasser"
MARC_ISSUING_BODY = "Herausgebendes Organ"  # RDA relationship (710 $e, $4 isb)
MARC_PRINT_EDITION = "Druckausgabe"
MARC_FILE_TYPE = "Textdatei"
MARC_NUMBER = "No. {}"  # the issue in 245 $n, 490 $v (as on the cover)

# ======================================================================================================
# The publishing body and the legal pages (issue 19, part 1): koopblatt/herausgeber.yml, pipeline/legal.py,
# pipeline/html/legal.py. One configuration fills the Impressum of the handbook, the e-books and the koopBLATT.
# ======================================================================================================
TEXT.update({
    "publisher_missing": "Die Angaben zur herausgebenden Stelle fehlen: Es gibt keine Datei „{}“.",
    "publisher_moved": "„{}“ steht nicht mehr in der Ausgabe, sondern einmal für alle Ausgaben in „{}“.",
    "url": "„{}“ ist keine Webadresse (sie beginnt mit https:// oder http://).",
    "email": "„{}“ ist keine E-Mail-Adresse.",
    "duration": "„{}“ ist keine Spieldauer (Minuten:Sekunden, z. B. 2:30).",
    "publisher_file": "Die Datei „{}“ gibt es nicht.",
    "dgs_missing": ("Die herausgebende Stelle ist als öffentliche Stelle angegeben, aber es sind keine Videos in "
                    "Deutscher Gebärdensprache eingetragen (§ 4 BITV 2.0)."),
})
NOTE_CODES = NOTE_CODES | {"dgs_missing"}
HINTS.update({
    "publisher_missing": ("Legen Sie die Datei an: Jede Angabe erklärt der Leitfaden im Abschnitt „Herausgebende "
                          "Stelle“; welche fehlen, sagt danach „nox -s check“."),
    "publisher_moved": ("Löschen Sie die Zeile hier: Impressum, E-Books und Handbuch nehmen die Angaben zur "
                        "herausgebenden Stelle aus derselben Datei, damit sie nie voneinander abweichen."),
    "url": "Schreiben Sie die vollständige Adresse, z. B. „https://www.schlichtungsstelle-bgg.de“.",
    "email": "Schreiben Sie die Adresse so: „name@beispiel.de“.",
    "duration": "Schreiben Sie die Dauer als Minuten:Sekunden, z. B. „dauer: \"2:30\"“ (in Anführungszeichen).",
    "publisher_file": ("Legen Sie die Datei in den Ordner medien/ (z. B. nach medien/gebaerdensprache/) oder "
                       "korrigieren Sie den Pfad."),
    "dgs_missing": ("Tragen Sie unter „gebaerdensprache: videos:“ Videos ein, die Inhalt, Navigation und die "
                    "Erklärung zur Barrierefreiheit erklären – oder „oeffentliche_stelle: false“, wenn das "
                    "Landesrecht sie für Ihre Stelle nicht verlangt."),
})
FIELD_HELP.update({
    "impressum": ("Angaben dieser Ausgabe für das Impressum (die herausgebende Stelle steht in "
                  "koopblatt/herausgeber.yml)"),
    "impressum.redaktion": "Namen der Redaktion dieser Ausgabe",
    "impressum.hinweis": "weiterer Hinweis zu dieser Ausgabe",
    "impressum.moved": "steht nicht mehr hier, sondern in koopblatt/herausgeber.yml",
    # koopblatt/herausgeber.yml
    "name": "Name der herausgebenden Stelle, wie ihn Impressum, E-Books und Handbuch nennen",
    "traeger": "Rechtsträger (die juristische Person), z. B. die Stadt",
    "vertreten_durch": "wer den Rechtsträger vertritt (§ 5 DDG), z. B. der Oberbürgermeister",
    "anschrift": "Postanschrift, ein Listeneintrag je Zeile",
    "telefon": "Telefonnummer",
    "email": "E-Mail-Adresse der herausgebenden Stelle",
    "web": "Webadresse",
    "foerderung": "Förderhinweis (Impressum)",
    "hinweis": "weiterer Hinweis für das Impressum, z. B. dass Personen fiktiv sind",
    "oeffentliche_stelle": ("true für eine öffentliche Stelle, für die BITV 2.0 oder das Landesrecht Leichte "
                            "Sprache und Gebärdensprache verlangt; dann meldet „check“ fehlende Videos"),
    "verantwortlich": "inhaltlich verantwortliche Person nach § 18 Abs. 2 MStV, mit Anschrift",
    "person.name": "Name (bei einer Funktion: die Funktion)",
    "person.anschrift": "Anschrift, ein Listeneintrag je Zeile",
    "person.email": "E-Mail-Adresse",
    "person.telefon": "Telefonnummer",
    "person.fiktiv": "true, wenn die Person erfunden ist (Demo); alle Seiten sagen es dann dazu",
    "barrierefreiheit": "Erklärung zur Barrierefreiheit (§ 12b BGG, BITV 2.0)",
    "barrierefreiheit.vereinbarkeit": "Stand der Vereinbarkeit mit BITV 2.0 / WCAG 2.1 AA (Ergebnis der Bewertung)",
    "barrierefreiheit.erstellt": "Datum der Bewertung und der Erklärung (JJJJ-MM-TT)",
    "barrierefreiheit.methode": "wie bewertet wurde (Selbstbewertung, Prüfstelle …)",
    "barrierefreiheit.einschraenkungen": "Inhalte, die noch nicht barrierefrei sind: Bereich, Grund, Alternative",
    "barrierefreiheit.einschraenkungen.bereich": "welcher Inhalt",
    "barrierefreiheit.einschraenkungen.grund": "warum er nicht barrierefrei ist",
    "barrierefreiheit.einschraenkungen.alternative": "die barrierefreie Alternative",
    "barrierefreiheit.kontakt": "Kontakt für Rückmeldungen zu Barrieren (auf jeder Seite verlinkt, BITV § 7)",
    "kontakt.email": "E-Mail-Adresse für Rückmeldungen",
    "kontakt.telefon": "Telefonnummer für Rückmeldungen",
    "barrierefreiheit.schlichtung": "die zuständige Schlichtungs- oder Durchsetzungsstelle",
    "stelle.name": "Name der Stelle",
    "stelle.url": "Webadresse der Stelle",
    "stelle.anschrift": "Anschrift, ein Listeneintrag je Zeile",
    "stelle.email": "E-Mail-Adresse der Stelle",
    "datenschutz": "Angaben für die Datenschutzerklärung (Art. 13 DSGVO)",
    "datenschutz.beauftragter": "Kontakt der oder des Datenschutzbeauftragten",
    "datenschutz.aufsicht": "zuständige Datenschutz-Aufsichtsbehörde (Beschwerderecht, Art. 77 DSGVO)",
    "datenschutz.speicherdauer": "Tage, nach denen die Server-Protokolle gelöscht werden",
    "datenschutz.betrieb": ("wer den Webserver im Auftrag betreibt (Auftragsverarbeitung), falls nicht die Stelle "
                            "selbst"),
    "gebaerdensprache": "Videos in Deutscher Gebärdensprache (§ 4 BITV 2.0)",
    "gebaerdensprache.videos": "Videos: Datei (Pfad unter medien/), Titel und Dauer",
    "video.datei": "Videodatei, Pfad unter medien/ (MP4 oder WebM, mindestens 320 × 240 Pixel, 25 Bilder/s)",
    "video.titel": "was das Video erklärt",
    "video.dauer": "Spieldauer als Minuten:Sekunden",
})
FIELD_EXAMPLES.update({
    "name": "Gemeinsame Geschäftsstelle koopstadt",
    "traeger": "Stadt Leipzig",
    "vertreten_durch": "den Oberbürgermeister der Stadt Leipzig",
    "anschrift": ["Stadt Leipzig", "Neues Rathaus, Martin-Luther-Ring 4–6", "04109 Leipzig"],
    "telefon": "0341 123-4933",
    "email": "info@koopstadt.de",
    "web": "www.koopstadt.de",
    "oeffentliche_stelle": True,
    "verantwortlich": {"name": "Ines Hartung", "anschrift": ["Neues Rathaus", "04109 Leipzig"]},
    "person.name": "Ines Hartung",
    "person.anschrift": ["Neues Rathaus, Martin-Luther-Ring 4–6", "04109 Leipzig"],
    "person.email": "redaktion@koopstadt.de",
    "person.fiktiv": True,
    "barrierefreiheit.vereinbarkeit": "teilweise",
    "barrierefreiheit.erstellt": dt.date(2015, 6, 15),
    "barrierefreiheit.methode": "Selbstbewertung",
    "barrierefreiheit.einschraenkungen.bereich": "Druck-PDF",
    "barrierefreiheit.einschraenkungen.grund": "für die Druckerei gemacht, nicht für Screenreader",
    "barrierefreiheit.einschraenkungen.alternative": "das PDF zum Lesen am Bildschirm oder das E-Book",
    "kontakt.email": "barrierefreiheit@koopstadt.de",
    "stelle.name": "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
    "stelle.url": "https://www.schlichtungsstelle-bgg.de",
    "datenschutz.speicherdauer": 7,
    "video.datei": "gebaerdensprache/inhalt.mp4",
    "video.titel": "Was steht im Handbuch?",
    "video.dauer": "2:30",
})
SCHEMA_TITLES["herausgeber"] = (
    "Herausgebende Stelle (koopblatt/herausgeber.yml)",
    "Wer Handbuch, koopBLATT und E-Books herausgibt: Impressum, Erklärung zur Barrierefreiheit, "
    "Datenschutzerklärung, Leichte Sprache und Gebärdensprache. Verbindlich prüft „nox -s check“.")
ACCESSIBILITY_LEVELS = {
    "vollstaendig": "vollständig vereinbar",
    "teilweise": "teilweise vereinbar",
    "nicht": "nicht vereinbar",
}
FICTIONAL_PERSON = "{} (fiktive Person)"
TEXT["accessibility_level"] = "Unbekannter Stand der Vereinbarkeit „{}“. Erlaubt: {}."
HINTS["accessibility_level"] = ("„vollstaendig“ nur, wenn nichts mehr fehlt; „teilweise“, solange unter "
                                "„einschraenkungen“ etwas steht.")
FIELD_EXAMPLES.update({
    "barrierefreiheit": {"vereinbarkeit": "teilweise", "erstellt": "2015-06-15"},
    "barrierefreiheit.kontakt": {"email": "barrierefreiheit@koopstadt.de"},
    "barrierefreiheit.schlichtung": {"name": "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
                                     "url": "https://www.schlichtungsstelle-bgg.de"},
    "datenschutz": {"speicherdauer": 7},
    "datenschutz.beauftragter": {"name": "Behördlicher Datenschutzbeauftragter",
                                 "anschrift": ["Stadt Leipzig", "04092 Leipzig"]},
    "datenschutz.aufsicht": {"name": "Sächsische Datenschutz- und Transparenzbeauftragte",
                             "url": "https://www.datenschutz.sachsen.de"},
})
LEGAL_PHONE = "Tel."
LEGAL_REPRESENTED = "Vertretungsberechtigt"
LEGAL_REPRESENTED_LINE = "{}, vertreten durch {}"
LEGAL_RESPONSIBLE = "Verantwortlich für den Inhalt nach §\u00a018 Abs.\u00a02 MStV"  # no break inside the citation
LEGAL_NOTE = "Hinweis"
# -- the legal pages of the handbook (pipeline/html/legal.py); {} are filled from koopblatt/herausgeber.yml ---------
LEGAL_TITLES = {
    "impressum": "Impressum",
    "barrierefreiheit": "Erklärung zur Barrierefreiheit",
    "datenschutz": "Datenschutzerklärung",
    "leichte-sprache": "Leichte Sprache",
    "gebaerdensprache": "Deutsche Gebärdensprache",
}
LEGAL_FOOTER = {  # shorter names in the footer of every page
    "impressum": "Impressum",
    "barrierefreiheit": "Barrierefreiheit",
    "datenschutz": "Datenschutz",
    "leichte-sprache": "Leichte Sprache",
    "gebaerdensprache": "Gebärdensprache",
}
LEGAL_FOOTER_LABEL = "Rechtliches und Barrierefreiheit"
LEGAL_FEEDBACK_LINK = "Barriere melden"
LEGAL_FEEDBACK_SUBJECT = "Barriere im koopstadt-Handbuch"
LEGAL_IMPRINT_INTRO = ("Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV). Dasselbe "
                       "Impressum steht in jeder Ausgabe des koopBLATT und in jedem E-Book.")
LEGAL_IMPRINT_LICENSE = ("Die Texte und Abbildungen stehen, soweit nicht anders angegeben, unter der Lizenz {}. "
                         "Die Rechte an Logos und Umschlagbildern bleiben vorbehalten.")
LEGAL_SEE_ALSO = "Siehe auch: {}."
LEGAL_A11Y = {
    "intro": ("{name} ist bemüht, dieses Handbuch und die Ausgaben des koopBLATT barrierefrei zugänglich zu machen – "
              "nach § 12b Behindertengleichstellungsgesetz (BGG) und der Barrierefreie-Informationstechnik-"
              "Verordnung (BITV 2.0). Diese Erklärung gilt für das Handbuch unter {url} und die Dateien, die es "
              "zum Herunterladen anbietet (PDF und EPUB)."),
    "status_title": "Stand der Vereinbarkeit mit den Anforderungen",
    "status": ("Dieses Angebot ist mit den Anforderungen der BITV 2.0 (Europäische Norm EN 301 549, Web Content "
               "Accessibility Guidelines WCAG 2.1, Stufe AA) **{level}**."),
    "status_restrictions": "Die folgenden Inhalte sind nicht barrierefrei:",
    "restrictions_title": "Nicht barrierefreie Inhalte",
    "restriction": "**{part}.** {reason} *Barrierefreie Alternative:* {alternative}",
    "none": "Uns sind keine Inhalte bekannt, die nicht barrierefrei sind.",
    "method_title": "Erstellung dieser Erklärung",
    "method": ("Diese Erklärung wurde am {date} erstellt. Grundlage ist eine {method}. Bei jeder Veröffentlichung "
               "prüft die Publikationspipeline die Dateien erneut; das Ergebnis der letzten Prüfung steht hier:"),
    "checks_title": "Was die Prüfungen dieser Fassung ergeben haben",
    "checks_missing": "Die Prüfergebnisse der Dateien entstehen mit „nox -s build“.",
    "suite_title": "Wie geprüft wird",
    "suite": ("Jede Seitenart des Handbuchs wird in einem Browser (Chromium) mit {axe} auf alle Regeln der WCAG 2.0 "
              "und 2.1 der Stufen A und AA geprüft (Regelsätze {tags}), im hellen und im dunklen Farbschema. Die PDFs "
              "werden als getaggtes PDF/UA-1 mit Dokumentsprache, Lesezeichen und eingebetteten Schriften erzeugt "
              "und daraufhin geprüft; die E-Books prüft {epubcheck} bei jeder Veröffentlichung, ein E-Book mit "
              "Fehlern oder Warnungen wird nicht veröffentlicht."),
    "feedback_title": "Barrieren melden: Kontakt",
    "feedback": ("Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder brauchen Sie einen Inhalt in einer "
                 "anderen Form? Schreiben Sie uns: {email}{phone}. Wir antworten innerhalb eines Monats. Der Link "
                 "„Barriere melden“ steht am Ende jeder Seite."),
    "feedback_phone": " oder rufen Sie an: {}",
    "arbitration_title": "Schlichtungsverfahren",
    "arbitration": ("Wenn auch nach Ihrer Rückmeldung an uns keine zufriedenstellende Lösung gefunden wurde, können "
                    "Sie sich an die {name} wenden ({link}). Das Schlichtungsverfahren ist kostenlos; Sie brauchen "
                    "keinen Rechtsbeistand. Es soll ohne Gericht eine Lösung finden."),
}
LEGAL_FACT_PDF = "{name} (PDF, {size}): {facts}."
LEGAL_FACT_EPUB = "{name} (EPUB, {size}): mit {epubcheck} geprüft, keine Fehler und keine Warnungen; {facts}."
LEGAL_FACT_OFFPRINTS = "{count} Sonderdrucke einzelner Beiträge (PDF): {facts}."
LEGAL_PDF_FACTS = {
    "ua": "als PDF/UA-{} ausgezeichnet",
    "a": "als PDF/A-{} ausgezeichnet",
    "tagged": "getaggt (Struktur für Screenreader)",
    "untagged": "nicht getaggt",
    "lang": "Dokumentsprache „{}“",
    "nolang": "ohne Dokumentsprache",
    "outline": "mit Lesezeichen",
    "fonts": "alle Schriften eingebettet",
    "fonts_missing": "nicht alle Schriften eingebettet",
}
LEGAL_EPUB_FACTS = {
    "modes": "Zugangsarten {}",
    "features": "Merkmale {}",
    "conforms": "erklärt die Konformität „{}“",
}
LEGAL_PRIVACY = {
    "intro": ("Hier steht, welche personenbezogenen Daten beim Besuch dieses Handbuchs verarbeitet werden, wozu und "
              "welche Rechte Sie haben (Art. 13 Datenschutz-Grundverordnung, DSGVO)."),
    "controller_title": "Verantwortliche Stelle",
    "controller": "{entity}, vertreten durch {represented}; für dieses Angebot:",
    "officer_title": "Datenschutzbeauftragte oder Datenschutzbeauftragter",
    "none_title": "Keine Cookies, keine Analyse, keine fremden Server",
    "none": ("Dieses Handbuch setzt keine Cookies, verwendet keine Analyse- oder Trackingdienste und lädt nichts von "
             "fremden Servern: Schriften, Skripte und die Suche liegen auf unserem Server; gesucht wird in Ihrem "
             "Browser, die Suchbegriffe erreichen uns nicht. Was Sie im Browser einstellen (z. B. das dunkle "
             "Farbschema), bleibt in Ihrem Browser."),
    "logs_title": "Server-Protokolle",
    "logs": ("Bei jedem Abruf einer Seite oder Datei speichert der Webserver: Ihre IP-Adresse, Datum und Uhrzeit, "
             "die abgerufene Adresse, den Statuscode, die übertragene Datenmenge, die zuvor besuchte Seite "
             "(Referrer) und die Kennung Ihres Browsers."),
    "purpose": ("**Zweck:** die Seiten auszuliefern, die Sicherheit und Stabilität des Servers zu gewährleisten "
                "(z. B. Angriffe zu erkennen) und Fehler zu finden. Die Daten werden nicht mit anderen Daten "
                "zusammengeführt und nicht ausgewertet, um Personen zu erkennen."),
    "basis": ("**Rechtsgrundlage:** Art. 6 Abs. 1 lit. e DSGVO: Das Handbuch gehört zur Öffentlichkeitsarbeit "
              "einer öffentlichen Stelle, einer Aufgabe im öffentlichen Interesse. Eine Einwilligung ist nicht "
              "nötig: Ohne diese Daten lässt sich keine Seite ausliefern (§ 25 Abs. 2 Nr. 2 "
              "Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz, TDDDG)."),
    "retention": "**Speicherdauer:** Die Protokolle werden nach {days} Tagen gelöscht.",
    "hosting": "**Betrieb des Servers:** {} im Auftrag der verantwortlichen Stelle (Art. 28 DSGVO).",
    "recipients": "**Empfänger:** Die Daten werden nicht an Dritte weitergegeben und nicht in Drittländer übermittelt.",
    "mail_title": "Wenn Sie uns schreiben",
    "mail": ("Schreiben Sie uns eine E-Mail (zum Beispiel, um eine Barriere zu melden), verarbeiten wir Ihre "
             "Adresse und Ihre Angaben nur, um Ihre Nachricht zu beantworten (Art. 6 Abs. 1 lit. e DSGVO), und "
             "löschen sie, wenn die Sache erledigt ist und keine Aufbewahrungspflicht besteht."),
    "rights_title": "Ihre Rechte",
    "rights": ("Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), "
               "Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Wenden Sie sich dafür an die "
               "verantwortliche Stelle oder die Datenschutzbeauftragte bzw. den Datenschutzbeauftragten."),
    "complaint": "Sie können sich außerdem bei der Aufsichtsbehörde beschweren (Art. 77 DSGVO):",
}
LEGAL_EASY: dict[str, str | list[str]] = {  # Leichte Sprache: short sentences, one statement each, words explained
    "intro": "Hier erklären wir diese Internet-Seite in Leichter Sprache.",
    "what_title": "Was steht auf dieser Internet-Seite?",
    "what": [
        "Diese Internet-Seite heißt: koopstadt-Handbuch.",
        "koopstadt ist eine Zusammen-Arbeit von 3 Städten.",
        "Die Städte heißen Bremen, Leipzig und Nürnberg.",
        "Die Städte arbeiten an der Stadt-Entwicklung.",
        "Stadt-Entwicklung heißt: Eine Stadt plant, wie sie in Zukunft sein soll.",
        "Zum Beispiel: Wo sollen Menschen wohnen?",
        "Wo lernen die Kinder?",
        "Wo gibt es Parks?",
        "Auf der Internet-Seite stehen Berichte aus den 3 Städten.",
        "Fach-Leute aus den Städten schreiben die Berichte.",
        "Es gibt auch ein Heft.",
        "Das Heft heißt: koopBLATT.",
        "Sie können das Heft herunter-laden.",
        "Herunter-laden heißt: Sie speichern das Heft auf Ihrem Computer oder Handy.",
    ],
    "how_title": "So finden Sie sich zurecht",
    "how": [
        "Oben auf jeder Seite ist ein Such-Feld.",
        "Dort können Sie ein Wort eingeben.",
        "Dann finden Sie alle Berichte mit diesem Wort.",
        "Links ist das Menü.",
        "Auf dem Handy ist das Menü hinter einem Knopf mit 3 Strichen.",
        "Im Menü stehen die Teile vom Handbuch.",
        "Zum Beispiel: Entdecken.",
        "Unter Entdecken finden Sie die Berichte nach Städten und Themen sortiert.",
        "Ganz unten auf jeder Seite stehen noch mehr Links.",
        "Zum Beispiel: Impressum.",
        "Im Impressum steht: Wer hat die Internet-Seite gemacht.",
        "Diese Internet-Seite hat gemacht: {name}.",
    ],
    "a11y_title": "Barriere-Freiheit",
    "a11y": [
        "Barriere-frei heißt: Alle Menschen können die Internet-Seite gut benutzen.",
        "Auch Menschen mit Behinderung.",
        "Zum Beispiel: Menschen, die nicht gut sehen.",
        "Wir haben aufgeschrieben, wie barriere-frei die Internet-Seite ist.",
        "Das steht in der Erklärung zur Barriere-Freiheit.",
    ],
    "link": "Hier ist die Erklärung zur Barriere-Freiheit (in schwerer Sprache).",
    "help_title": "Sie haben ein Problem mit der Internet-Seite?",
    "help": [
        "Dann schreiben Sie uns bitte eine E-Mail.",
        "Die E-Mail-Adresse ist: {email}",
    ],
    "help_phone": ["Sie können uns auch anrufen.", "Die Telefon-Nummer ist: {phone}"],
    "help_after": [
        "Wir antworten Ihnen in 1 Monat.",
        "Sie sind mit unserer Antwort nicht zufrieden?",
        "Dann können Sie sich an eine Schlichtungs-Stelle wenden.",
        "Eine Schlichtungs-Stelle hilft bei Streit.",
        "Die Schlichtungs-Stelle kostet nichts.",
        "Hier ist die Internet-Seite der Schlichtungs-Stelle: {url}",
    ],
}
LEGAL_EASY_LEVEL = {
    "vollstaendig": ["Die Internet-Seite ist barriere-frei."],
    "teilweise": ["Die Internet-Seite ist zum Teil barriere-frei.",
                  "Einige Teile sind noch nicht barriere-frei.",
                  "In der Erklärung steht: Welche Teile das sind.",
                  "Und was Sie stattdessen benutzen können."],
    "nicht": ["Die Internet-Seite ist noch nicht barriere-frei.",
              "In der Erklärung steht: Was noch fehlt."],
}
LEGAL_DGS = {
    "intro": ("In diesen Videos erklären wir in Deutscher Gebärdensprache, was in diesem Handbuch steht, wie Sie sich "
              "darin zurechtfinden und was in der Erklärung zur Barrierefreiheit steht."),
    "video": "{title} (Video, {kind}, {size}, Dauer {duration} Minuten)",
}
LEGAL_SELF_ASSESSMENT = "Selbstbewertung der herausgebenden Stelle"
LEGAL_AXE = "axe-core (Deque)"
