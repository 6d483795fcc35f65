"""Front matter and YAML: the file as a whole, the YAML block, its keys and types, the taxonomy's ids."""

from __future__ import annotations

from .record import Message, Severity

FRONTMATTER_CODES: tuple[Message, ...] = (
    Message("encoding", "Die Datei ist nicht in UTF-8 kodiert (Byte {} an Position {}).",
            "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."),
    Message("control_char", "In der Zeile steht ein unsichtbares Steuerzeichen ({}); es gehört in keinen Text.",
            "Löschen Sie es (es kommt oft aus Word oder einem PDF mit, z. B. als Zeilenumbruch mit Umschalt+Eingabe). "
            "Einen Zeilenumbruch im Absatz schreiben Sie als Backslash „\\“ am Zeilenende."),
    Message("file_size", "Die Datei ist mit {} MB zu groß (höchstens {} MB).",
            "Teilen Sie den Text auf oder entfernen Sie eingefügte Daten; Bilder gehören als eigene Dateien nach "
            "„bilder/“."),
    Message("line_length", "Zeile mit {} Zeichen ist zu lang (höchstens {}).",
            "Setzen Sie Zeilenumbrüche; ein Absatz endet mit einer Leerzeile."),
    Message("frontmatter_missing", "Die Datei beginnt nicht mit einem Front-Matter-Block zwischen „---“-Zeilen.",
            "Beginnen Sie die Datei mit „---“, dann die Angaben, dann wieder „---“ (siehe Leitfaden für Autorinnen "
            "und Autoren)."),
    Message("frontmatter_unclosed", "Der Front-Matter-Block wird nicht mit einer „---“-Zeile geschlossen.",
            "Setzen Sie nach der letzten Angabe eine Zeile „---“; danach beginnt der Text."),
    Message("frontmatter_type", "Die Front Matter muss aus Schlüssel-Wert-Paaren bestehen, nicht aus {}.",
            "Schreiben Sie jede Angabe in eine eigene Zeile: „schlüssel: wert“."),
    Message("frontmatter_size", "Die Front Matter hat hier {} Einträge; höchstens {} sind möglich.",
            "Kürzen Sie die lange Liste; Stichwörter („keywords“) brauchen selten mehr als zehn Einträge."),
    Message("frontmatter_unreadable", "Die Front Matter dieser Seite lässt sich nicht lesen.",
            "Schreiben Sie jede Angabe als „schlüssel: wert“ zwischen zwei „---“-Zeilen, eingerückt nur mit "
            "Leerzeichen."),
    Message("yaml", "Die Front Matter ist kein gültiges YAML: {}.",
            "Oft fehlt ein Leerzeichen nach dem Doppelpunkt oder ein Text mit „:“ braucht Anführungszeichen."),
    Message("yaml_tag", "YAML-Tags wie „{}“ sind nicht erlaubt.",
            "Schreiben Sie den Wert ohne „!“-Markierung."),
    Message("yaml_alias", "YAML-Anker und -Verweise („&“, „*“) sind nicht erlaubt.",
            "Schreiben Sie den Wert aus."),
    Message("yaml_duplicate_key", "Der Schlüssel „{}“ kommt mehrfach vor.",
            "Löschen Sie eine der beiden Zeilen; jede Angabe darf nur einmal vorkommen."),
    Message("key_missing", "Pflichtangabe „{}“ fehlt.",
            "Ergänzen Sie die Angabe; der Leitfaden für Autorinnen und Autoren (docs/autorenleitfaden.md) erklärt "
            "alle Angaben."),
    Message("key_unknown", "Unbekannte Angabe „{}“.",
            "Prüfen Sie die Schreibweise; erlaubt sind nur die Angaben aus dem Leitfaden für Autorinnen und Autoren."),
    Message("type", "„{}“ muss {} sein, ist aber {}.",
            "Schreiben Sie den Wert so, wie es der Leitfaden für Autorinnen und Autoren zeigt."),
    Message("todo", "„{}“ ist noch nicht ausgefüllt (TODO).",
            "Ersetzen Sie „TODO“ durch den richtigen Wert."),
    Message("date", "„{}“ ist kein gültiges Datum.",
            "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2014-09-18."),
    Message("author", "Autorenangabe Nr. {} ist unvollständig: {}.",
            "Schreiben Sie jede Person als „- name: …“, die Dienststelle darunter als „affiliation: …“."),
    Message("duplicate_value", "„{}“ ist in „{}“ doppelt angegeben.",
            "Löschen Sie den doppelten Eintrag."),
    Message("abstract", "Ein Praxisfall braucht einen Abstract (1–3 Sätze).",
            "Ergänzen Sie „abstract: …“ mit einer kurzen Zusammenfassung."),
    Message("title_markup", "In „{}:“ steht Markdown oder HTML („{}“); ein Titel ist reiner Text.",
            "Schreiben Sie den Titel ohne Auszeichnung: Das Handbuch würde sie setzen, das koopBLATT, das E-Book und "
            "die Zitierangaben zeigten ihre Zeichen. Gerade Anführungszeichen dürfen bleiben („…“ entstehen von "
            "selbst)."),
    Message("abstract_length", "Der Abstract hat {} Sätze; vorgesehen sind 1–3.",
            "Kürzen Sie die Kurzfassung auf höchstens drei Sätze; Einzelheiten gehören in den Text.", Severity.NOTE),
    Message("themenfeld", "Unbekanntes Themenfeld „{}“. Erlaubt: {}.",
            "Tragen Sie die Kennung des Themenfelds ein (klein, mit Bindestrichen), nicht seine Bezeichnung."),
    Message("projektfamilie", "Unbekannte Projektfamilie „{}“. Erlaubt: {}.",
            "Tragen Sie Kennungen von Projektfamilien ein (klein, mit Bindestrichen), z. B. „[zwischennutzung]“."),
    Message("projektfamilie_themenfeld", "Die Projektfamilie „{}“ gehört nicht zum Themenfeld „{}“, sondern zu „{}“.",
            "Wählen Sie Projektfamilien des angegebenen Themenfelds oder ändern Sie das Themenfeld."),
    Message("aufgabe", "Unbekannte strategische Aufgabe „{}“. Erlaubt: {}.",
            "Tragen Sie Kennungen strategischer Aufgaben ein oder lassen Sie „aufgaben“ weg."),
    Message("art", "Unbekannte Art „{}“. Erlaubt: {}.",
            "Tragen Sie eine der erlaubten Kennungen ein (klein geschrieben)."),
    Message("status", "Unbekannter Status „{}“. Erlaubt: {}.",
            "Schreiben Sie „status: entwurf“, solange der Beitrag nicht fertig ist, sonst „status: freigegeben“."),
    Message("stadt", "„stadt: {}“ passt nicht zum Ordner „{}“.",
            "Lassen Sie „stadt“ weg oder schreiben Sie den Namen des Ordners, in dem der Beitrag liegt."),
    Message("folder", "Beiträge gehören in den Ordner ihrer Stadt unter docs/beitraege/, nicht nach „{}“.",
            "Verschieben Sie die Datei nach docs/beitraege/bremen/, docs/beitraege/leipzig/ oder "
            "docs/beitraege/nuernberg/."),
    Message("slug", "Der Dateiname „{}“ ist als Kurzname ungeeignet.",
            "Benennen Sie die Datei um: nur Kleinbuchstaben, Ziffern und Bindestriche, Umlaute umschrieben."),
    Message("slug_duplicate", "Den Kurznamen „{}“ gibt es schon in „{}“.",
            "Kurznamen müssen im ganzen Handbuch eindeutig sein; benennen Sie eine der Dateien um."),
    Message("title_duplicate", "Den Titel „{}“ trägt schon „{}“.",
            "Ist die Datei eine Kopie als Vorlage? Geben Sie ihr einen eigenen Titel.", Severity.NOTE),
)

# Hints that name the nearest correct value (diagnostics).
SLUG_HINT = "Benennen Sie die Datei in „{}.md“ um (nur Kleinbuchstaben, Ziffern und Bindestriche)."
KEY_MISSING_HINT = "Ergänzen Sie „{}“ – {}; z. B. „{}“."
TYPE_HINT = "So sieht es richtig aus: „{}“."
AUTHOR_UNKNOWN_KEY = "unbekannte Angabe „{}“"
AUTHOR_AFFILIATION = "„affiliation“ muss ein Text sein"
AUTHOR_NAME = "„name“ fehlt"
YAML_UNKNOWN = "Syntaxfehler ({})"
FRONTMATTER_MISTYPED_END = ("Die Zeile „{}“ (Zeile {}) schließt ihn nicht: Schreiben Sie dort genau drei Bindestriche "
                            "„---“.")

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
