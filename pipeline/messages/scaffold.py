"""New contributions (nox -s new, also as a copy of another): messages, next steps, the front matter template
and the body of a new file."""

from __future__ import annotations

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
# nox -s new --von: copies as templates
NEW_FROM_MISSING = "Die Vorlage „{}“ gibt es nicht (erwartet: docs/beitraege/<stadt>/<kurzname>.md)."
NEW_FROM_DONE = "Kopie von {} angelegt: {} (Entwurf; Marken umbenannt: {})"
NEW_FROM_IMAGES = "Bilder kopiert: {}"
NEW_FROM_STEPS = (
    "Titel, Kurzfassung und Autorinnen/Autoren ausfüllen (die „TODO“-Stellen in der Front Matter).",
    "Den Text überarbeiten; die Marken sind schon umbenannt, Verweise darauf angepasst.",
    "„nox -s check“ meldet, was noch fehlt.",
)
