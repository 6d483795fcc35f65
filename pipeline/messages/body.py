"""The body in MyST Markdown: headings, constructs contributions may not use, directives and roles, footnotes,
fences and code blocks."""

from __future__ import annotations

from .record import Message, Severity

_HTML_HINT = "Nutzen Sie Markdown statt HTML."
_DIRECTIVE_HINT = "Erlaubt sind Abbildungen, Tabellen und Hinweiskästen; siehe Leitfaden für Autorinnen und Autoren."
_ROLE_HINT = "Erlaubt sind {cite:p}, {cite:t}, {ref}, {numref}, {doc}, {sub}, {sup} und {abbr}."
_SIMPLER_HINT = "Nutzen Sie einfachere Mittel (Absätze, Listen, Tabellen); siehe Leitfaden für Autorinnen und Autoren."

BODY_CODES: tuple[Message, ...] = (
    Message("body_empty", "Der Beitrag hat keinen Text.",
            "Schreiben Sie den Text unter die zweite „---“-Zeile."),
    Message("heading_empty", "Die Überschrift hat keinen Text.",
            "Schreiben Sie den Text der Überschrift hinter die „#“-Zeichen oder löschen Sie die Zeile."),
    Message("heading_level", "Überschriften im Beitrag beginnen mit „##“ – der Titel kommt aus der Front Matter.",
            "Nutzen Sie „## Abschnitt“ für Abschnitte."),
    Message("heading_skip", "Auf eine Überschrift der Ebene {} folgt direkt eine der Ebene {}; dazwischen fehlt eine "
            "Ebene.",
            "Ebene 2 ist „##“, Ebene 3 „###“: Geben Sie einem Unterabschnitt genau eine Raute mehr als dem Abschnitt "
            "darüber."),
    Message("heading_start", "Die Überschriften beginnen nicht auf der Ebene unter dem Titel.",
            "Abschnitte beginnen mit „##“; den Titel (Ebene 1) setzt „title:“ in der Front Matter."),
    Message("html", "HTML ist in Beiträgen nicht erlaubt: „{}“.",
            _HTML_HINT),
    Message("html_unreadable", "HTML ist in Beiträgen nicht erlaubt.",
            _HTML_HINT),
    Message("raw", "Die Direktive „{{raw}}“ ist in Beiträgen nicht erlaubt.",
            "Nutzen Sie Markdown statt eingebetteter Rohformate."),
    Message("math", "Formeln werden im koopBLATT nicht gesetzt und sind in Beiträgen nicht erlaubt: „{}“.",
            "Schreiben Sie die Formel als Text mit Sonderzeichen, z. B. „CO₂“, „m²“ oder „≤ 5 %“."),
    Message("directive", "Die Direktive „{{{}}}“ ist in Beiträgen nicht erlaubt.",
            _DIRECTIVE_HINT),
    Message("directive_unknown", "Diese Direktive ist in Beiträgen nicht erlaubt.",
            _DIRECTIVE_HINT),
    Message("directive_argument", "Der Direktive „{{{}}}“ fehlt die Angabe hinter dem Namen (z. B. ein Titel).",
            "Schreiben Sie den Titel in dieselbe Zeile, z. B. „```{admonition} Gut zu wissen“."),
    Message("directive_arguments", "Hinter dem Namen der Direktive „{{{}}}“ steht mehr als erlaubt.",
            "In die erste Zeile gehört nur die Bilddatei oder der Titel; Optionen wie „:alt:“ stehen in eigenen "
            "Zeilen darunter."),
    Message("directive_content", "Die Direktive „{{{}}}“ ist so nicht lesbar (Optionen oder Inhalt fehlerhaft).",
            "Vergleichen Sie die Direktive mit dem Beispiel im Leitfaden für Autorinnen und Autoren (Optionen wie "
            "„:alt:“ direkt unter der ersten Zeile)."),
    Message("directive_unreadable", "Diese Direktive ist so nicht lesbar.",
            "Vergleichen Sie die Direktive mit dem Beispiel im Leitfaden für Autorinnen und Autoren: Name in "
            "geschweiften Klammern, Optionen direkt darunter, dann eine Leerzeile und der Text."),
    Message("directive_options", "Die Optionen dieser Direktive sind nicht lesbar.",
            "Schreiben Sie jede Option in eine eigene Zeile direkt unter die erste, als „:name: wert“."),
    Message("directive_option_unknown", "Die Direktive „{{{}}}“ kennt die Option „:{}:“ nicht.",
            "Prüfen Sie die Schreibweise; Abbildungen kennen z. B. „:alt:“, „:name:“ und „:width:“, der Leitfaden "
            "für Autorinnen und Autoren zeigt alle."),
    Message("directive_option_value", "Der Wert der Option „:{}:“ ist ungültig.",
            "Schreiben Sie den Wert wie im Leitfaden für Autorinnen und Autoren, z. B. „:width: 50%“ oder „:align: "
            "center“."),
    Message("directive_option_comment", "Zwischen den Optionen einer Direktive steht ein Kommentar („#“).",
            "Löschen Sie die „#“-Zeile aus den Optionen; eine Anmerkung für die Redaktion steht als „%“-Zeile über "
            "der Direktive."),
    Message("directive_no_content", "Die Direktive „{{{}}}“ hat keinen Inhalt; unter ihrer ersten Zeile darf nichts "
            "stehen.",
            "Schreiben Sie den Text unter die schließende Zeile („:::“ oder „```“)."),
    Message("directive_empty", "Die Direktive „{{{}}}“ ist leer: Ihr fehlt der Inhalt.",
            "Schreiben Sie den Inhalt (z. B. den Text des Hinweises) zwischen ihre erste und ihre schließende Zeile "
            "(„:::“ oder „```“) – oder löschen Sie die Direktive."),
    Message("directive_split", "Der Text der Direktive „{{{}}}“ beginnt in ihrer ersten Zeile und geht unter den "
            "Optionen weiter.",
            "Schreiben Sie den ganzen Text unter die Optionen, nach einer Leerzeile."),
    Message("role", "Die Rolle „{{{}}}“ ist in Beiträgen nicht erlaubt.",
            _ROLE_HINT),
    Message("role_unknown", "Diese Rolle ist in Beiträgen nicht erlaubt.",
            _ROLE_HINT),
    Message("inline_markup", "Eine Hervorhebung oder Rolle ist nicht geschlossen ({} meldet: „{}“).",
            "Schließen Sie „*“, „**“ oder „`“ auf derselben Zeile oder schreiben Sie „\\*“."),
    Message("strikethrough", "Durchgestrichener Text („~~…~~“) wird nicht gesetzt.",
            "Löschen Sie den Text oder sagen Sie mit Worten, dass er nicht mehr gilt."),
    Message("attribute", "Ein Attribut in geschweiften Klammern hat einen ungültigen Wert.",
            "Schreiben Sie die Stelle ohne „{…}“-Attribute; Marken setzen Sie mit „(marke)=“ oder „:name:“."),
    Message("substitution", "Ersetzungen („{{{{ name }}}}“) gibt es in Beiträgen nicht.",
            "Schreiben Sie den Text an der Stelle aus."),
    Message("markup_unsupported", "Diese Schreibweise kann nicht in allen Formaten gesetzt werden.",
            _SIMPLER_HINT),
    Message("unsupported", "Dieses Element ({}) kann im koopBLATT nicht gesetzt werden.",
            _SIMPLER_HINT),
    Message("include_missing", "Die einzubindende Datei „{}“ gibt es nicht.",
            "Prüfen Sie Schreibweise und Ordner; eingebundene Dateien liegen neben dem Beitrag."),
    Message("path_outside", "Der Pfad „{}“ führt aus dem Beitragsordner hinaus.",
            "Legen Sie die Datei in den Ordner des Beitrags oder nach „bilder/“."),
    Message("transition", "Eine Trennlinie („---“) darf nicht am Anfang oder Ende eines Abschnitts oder direkt nach "
            "einer anderen stehen.",
            "Löschen Sie die Trennlinie oder setzen Sie Text davor und danach."),
    Message("footnote_missing", "Zur Fußnote „[^{}]“ fehlt der Fußnotentext.",
            "Ergänzen Sie am Ende des Beitrags eine Zeile „[^…]: Text der Fußnote“."),
    Message("footnote_label", "Die Fußnote „[^{}]“ heißt wie die Marke in Zeile {}; so ist keine von beiden "
            "eindeutig.",
            "Geben Sie der Fußnote oder der Marke einen anderen Namen (z. B. „[^quelle-1]“)."),
    Message("footnote_unmatched", "Zu dieser Fußnotenmarke findet sich kein Fußnotentext.",
            "Jede Marke „[^name]“ braucht eine Zeile „[^name]: Text“; heißt eine Marke „(name)=“ genauso, geben Sie "
            "einer von beiden einen anderen Namen."),
    Message("footnote_duplicate", "Den Fußnotentext „[^{}]“ gibt es schon in Zeile {}.",
            "Geben Sie jeder Fußnote eine eigene Marke, z. B. [^2]."),
    Message("footnote_unused", "Der Fußnotentext „[^{}]“ wird im Text nirgends aufgerufen.",
            "Setzen Sie „[^…]“ an die Stelle im Text, zu der die Fußnote gehört, oder löschen Sie sie."),
    # a fence („:::“, „```“, „~~~“) never closed takes in everything after it: valid, almost always a slip
    Message("fence_unclosed", "{} ab Zeile {} wird nie geschlossen; alles bis {} steht darin{}.",
            "Schließen Sie ihn mit einer eigenen Zeile direkt nach seinem letzten Absatz.", Severity.NOTE),
    # MyST reads a line that begins with „%“ as a comment: inside a paragraph, the wrapped rest of a sentence
    Message("comment_in_paragraph", "Die Zeile beginnt mit „%“ und ist deshalb ein Kommentar: „{}“ erscheint in "
            "keiner Ausgabe.",
            "Soll sie Text sein, schreiben Sie „\\%“ an ihren Anfang oder ziehen Sie das „%“ an das Ende der Zeile "
            "davor; ein Kommentar steht nach einer Leerzeile.", Severity.NOTE),
    # found while building an output: the block is set as plain text
    Message("code_language", "Die Sprache „{}“ des Code-Blocks ist unbekannt; er wird als einfacher Text gesetzt.",
            "Schreiben Sie nach den drei Backticks eine bekannte Sprache (z. B. „python“, „json“) oder „text“ – oder "
            "nichts.", Severity.NOTE),
    Message("code_syntax", "Der Code-Block ist kein gültiges „{}“; er wird als einfacher Text gesetzt.",
            "Prüfen Sie den Code oder schreiben Sie „text“ statt der Sprache nach den drei Backticks.", Severity.NOTE),
)

# the parts of the fence_unclosed text: what is open, up to where, what it swallows
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
