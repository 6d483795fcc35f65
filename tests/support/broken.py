"""One broken fixture project per diagnostic code: the edit to the mini project and the exact, located German
message `check` must give for it (test_diagnostics runs each; test_small_things reads every message emitted)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .projects import replace, write

W = "docs/beitraege/leipzig/westen.md"
Z = "docs/beitraege/bremen/zwischen.md"
M = "koopblatt/1/ausgabe.yml"


def both(*mutations: Callable[[Path], None]) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        for m in mutations:
            m(root)

    return mutate


def remove(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


def big_file(path: str, size: int) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        with (root / path).open("wb") as f:
            f.truncate(size)

    return mutate


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims to be `width` × `height` (no pixel data): what a decompression bomb shows first."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + \
        chunk(b"IEND", b"")


MINIMAL = "---\ntitle: T\nauthors: [A]\ndate: 2014-01-01\nart: beitrag\nthemenfeld: regionale-kooperation\n" \
          "projektfamilien: [wasser-region]\n---\n\nText.\n"

CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("themenfeld", replace(W, "themenfeld: oekonomische-innovation", "themenfeld: Kultur"),
     f"{W}:10: Fehler [koop.themenfeld]: Unbekanntes Themenfeld „Kultur“. Erlaubt: „oekonomische-innovation“, "
     "„regionale-kooperation“, „urbane-lebensqualitaet“."
     " Hinweis: Tragen Sie die Kennung des Themenfelds ein (klein, mit Bindestrichen), nicht seine "
     "Bezeichnung."),
    ("projektfamilie", replace(W, "[kreative-raumeroberung, zwischennutzung]",
                               "[kreative-raumeroberung, zwischennutzungen]"),
     f"{W}:11: Fehler [koop.projektfamilie]: Unbekannte Projektfamilie „zwischennutzungen“. Erlaubt: "
     "„transformationsstandorte“, „kreative-raumeroberung“, „raum-fuer-kultur“, „zwischennutzung“, "
     "„stadt-ist-region“, „wasser-region“, „bildung-im-quartier“, „staerkung-der-innenstadt“, "
     "„klimagerechte-stadtentwicklung“. Hinweis: Meinten Sie „zwischennutzung“?"),
    ("projektfamilie_themenfeld", replace(W, "[kreative-raumeroberung, zwischennutzung]", "[wasser-region]"),
     f"{W}:11: Fehler [koop.projektfamilie_themenfeld]: Die Projektfamilie „wasser-region“ gehört nicht zum "
     "Themenfeld „oekonomische-innovation“, sondern zu „regionale-kooperation“."
     " Hinweis: Wählen Sie Projektfamilien des angegebenen Themenfelds oder ändern Sie das Themenfeld."),
    ("aufgabe", replace(W, "aufgaben: [quartier-stadt]", "aufgaben: [quartier]"),
     f"{W}:12: Fehler [koop.aufgabe]: Unbekannte strategische Aufgabe „quartier“. Erlaubt: „quartier-stadt“, "
     "„beteiligung-governance“, „methodik-quartiersentwicklung“. Hinweis: Meinten Sie „quartier-stadt“?"),
    ("art", replace(W, "art: praxisfall", "art: Praxisfälle"),
     f"{W}:9: Fehler [koop.art]: Unbekannte Art „Praxisfälle“. Erlaubt: „praxisfall“, „werkstattbericht“, "
     "„hospitation“, „interview“, „beitrag“. Hinweis: Meinten Sie „praxisfall“?"),
    ("html_in_fragment", both(write("docs/beitraege/leipzig/bilder/teil.md", "Ein Teil.\n\n<script>x</script>\n"),
                              replace(W, "## Vorgehen", "```{include} bilder/teil.md\n```\n\n## Vorgehen")),
     "docs/beitraege/leipzig/bilder/teil.md:3: Fehler [koop.html]: HTML ist in Beiträgen nicht erlaubt: "
     "„<script>x</script>“. Hinweis: Nutzen Sie Markdown statt HTML."),
    ("heading_empty", replace(W, "## Vorgehen", "###\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.heading_empty]: Die Überschrift hat keinen Text. Hinweis: Schreiben Sie den Text der "
     "Überschrift hinter die „#“-Zeichen oder löschen Sie die Zeile."),
    ("status", replace(W, "stadt: leipzig", "stadt: leipzig\nstatus: fertig"),
     f"{W}:14: Fehler [koop.status]: Unbekannter Status „fertig“. Erlaubt: „entwurf“, „freigegeben“."
     " Hinweis: Schreiben Sie „status: entwurf“, solange der Beitrag nicht fertig ist, sonst „status: "
     "freigegeben“."),
    ("xref_draft", both(replace(Z, "art: praxisfall", "art: praxisfall\nstatus: entwurf"),
                        replace(W, "(../bremen/zwischen.md)", "(../bremen/zwischen.md)")),
     f"{W}:36: Fehler [koop.xref_draft]: Der Verweis führt auf „../bremen/zwischen.md“, einen Entwurf, der nicht "
     "veröffentlicht wird. Hinweis: Entfernen Sie den Verweis, bis der andere Beitrag freigegeben ist."),
    ("manifest_draft", replace(Z, "art: praxisfall", "art: praxisfall\nstatus: entwurf"),
     f"{M}:9: Fehler [koop.manifest_draft]: Der Beitrag „beitraege/bremen/zwischen.md“ ist ein Entwurf („status: "
     "entwurf“) und kann nicht gedruckt werden. Hinweis: Geben Sie den Beitrag frei („status: freigegeben“) oder "
     "nehmen Sie ihn aus der Liste „beitraege“."),
    ("stadt", replace(W, "stadt: leipzig", "stadt: Leipzig"),
     f"{W}:13: Fehler [koop.stadt]: „stadt: Leipzig“ passt nicht zum Ordner „leipzig“. "
     "Hinweis: Meinten Sie „leipzig“?"),
    ("key_missing", replace(W, "date: 2014-09-18\n", ""),
     f"{W}:1: Fehler [koop.key_missing]: Pflichtangabe „date“ fehlt."
     " Hinweis: Ergänzen Sie „date“ – Datum im Format JJJJ-MM-TT; z. B. „date: 2014-09-18“."),
    ("key_unknown", replace(W, "art: praxisfall", "art: praxisfall\nthemenfelder: x"),
     f"{W}:10: Fehler [koop.key_unknown]: Unbekannte Angabe „themenfelder“. Hinweis: Meinten Sie „themenfeld“?"),
    ("type", replace(W, "date: 2014-09-18\n", "date: 2014-09-18\nkeywords: {a: b}\n"),
     f"{W}:8: Fehler [koop.type]: „keywords“ muss eine Liste sein, ist aber eine Zuordnung (Schlüssel: Wert)."
     " Hinweis: So sieht es richtig aus: „keywords: [Leerstand, Zwischennutzung]“."),
    ("date", replace(W, "date: 2014-09-18", "date: gestern"),
     f"{W}:7: Fehler [koop.date]: „gestern“ ist kein gültiges Datum. Hinweis: Schreiben Sie das Datum als "
     "JJJJ-MM-TT, z. B. 2014-09-18."),
    ("abstract", replace(W, "abstract: Hauswächter sichern leerstehende Gründerzeithäuser in Lindenau.\n", ""),
     f"{W}:1: Fehler [koop.abstract]: Ein Praxisfall braucht einen Abstract (1–3 Sätze). "
     "Hinweis: Ergänzen Sie „abstract: …“ mit einer kurzen Zusammenfassung."),
    ("abstract_length", replace(W, "in Lindenau.", "in Lindenau. Eins. Zwei. Drei."),
     f"{W}:8: Hinweis [koop.abstract_length]: Der Abstract hat 4 Sätze; vorgesehen sind 1–3."
     " Hinweis: Kürzen Sie die Kurzfassung auf höchstens drei Sätze; Einzelheiten gehören in den Text."),
    ("author", replace(W, "  - name: Erika Muster\n", "  - nme: Erika Muster\n"),
     f"{W}:5: Fehler [koop.author]: Autorenangabe Nr. 1 ist unvollständig: „name“ fehlt."
     " Hinweis: Schreiben Sie jede Person als „- name: …“, die Dienststelle darunter als „affiliation: …“."),
    ("duplicate_value", replace(W, "aufgaben: [quartier-stadt]", "aufgaben: [quartier-stadt, quartier-stadt]"),
     f"{W}:12: Fehler [koop.duplicate_value]: „quartier-stadt“ ist in „aufgaben“ doppelt angegeben."
     " Hinweis: Löschen Sie den doppelten Eintrag."),
    ("todo", replace(W, "art: praxisfall", "art: TODO"),
     f"{W}:9: Fehler [koop.todo]: „art“ ist noch nicht ausgefüllt (TODO). "
     "Hinweis: Ersetzen Sie „TODO“ durch den richtigen Wert."),
    ("transition", replace(W, "## Vorgehen\n", "## Vorgehen\n\n---\n"),
     f"{W}:21: Fehler [koop.transition]: Eine Trennlinie („---“) darf nicht am Anfang oder Ende eines Abschnitts "
     "oder direkt nach einer anderen stehen. "
     "Hinweis: Löschen Sie die Trennlinie oder setzen Sie Text davor und danach."),
    ("footnote_missing", replace(W, "## Vorgehen", "Ohne Text[^neu].\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.footnote_missing]: Zur Fußnote „[^neu]“ fehlt der Fußnotentext. Hinweis: Ergänzen Sie "
     "am Ende des Beitrags eine Zeile „[^…]: Text der Fußnote“."),
    ("footnote_duplicate", replace(W, "[^1]: Die Hauswächter", "[^1]: Doppelt.\n\n[^1]: Die Hauswächter"),
     f"{W}:40: Fehler [koop.footnote_duplicate]: Den Fußnotentext „[^1]“ gibt es schon in Zeile 38. "
     "Hinweis: Geben Sie jeder Fußnote eine eigene Marke, z. B. [^2]."),
    ("footnote_unused", replace(W, "[^1]: Die Hauswächter", "[^2]: Übrig.\n\n[^1]: Die Hauswächter"),
     f"{W}:38: Fehler [koop.footnote_unused]: Der Fußnotentext „[^2]“ wird im Text nirgends aufgerufen. Hinweis: "
     "Setzen Sie „[^…]“ an die Stelle im Text, zu der die Fußnote gehört, oder löschen Sie sie."),
    ("todo_body", replace(W, "## Vorgehen", "TODO Einleitung schreiben.\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.todo]: „TODO Einleitung schreiben.“ ist noch nicht ausgefüllt (TODO). "
     "Hinweis: Ersetzen Sie „TODO“ durch den richtigen Wert."),
    ("figure_alt", replace(W, ":alt: Balkendiagramm: drei Häuser 2005, fünfzehn Häuser 2010.\n", ""),
     f"{W}:29: Fehler [koop.figure_alt]: Die Abbildung „bilder/westen-grafik.svg“ hat keinen Alternativtext "
     "(„:alt:“). Hinweis: Ergänzen Sie unter der Abbildungszeile „:alt: Beschreibung des Bildes“."),
    ("image_missing", replace(W, "{figure} bilder/westen-grafik.svg", "{figure} bilder/fehlt.svg"),
     f"{W}:29: Fehler [koop.image_missing]: Die Bilddatei „bilder/fehlt.svg“ gibt es nicht. "
     "Hinweis: Prüfen Sie Namen und Ordner der Bilddatei (Groß- und Kleinschreibung zählt)."),
    ("image_remote", replace(W, "{figure} bilder/westen-grafik.svg", "{figure} https://example.org/x.png"),
     f"{W}:29: Fehler [koop.image_remote]: Bilder aus dem Netz („https://example.org/x.png“) sind nicht erlaubt. "
     "Hinweis: Legen Sie das Bild in den Ordner „bilder/“ neben dem Beitrag."),
    ("path_outside", replace(W, "{figure} bilder/westen-grafik.svg", "{figure} ../../../../conf.py"),
     f"{W}:29: Fehler [koop.path_outside]: Der Pfad „../../../../conf.py“ führt aus dem Beitragsordner hinaus. "
     "Hinweis: Legen Sie die Datei in den Ordner des Beitrags oder nach „bilder/“."),
    ("image_type", both(write("docs/beitraege/leipzig/bilder/notiz.txt", "x"),
                        replace(W, "{figure} bilder/westen-grafik.svg", "{figure} bilder/notiz.txt")),
     f"{W}:29: Fehler [koop.image_type]: Das Bildformat von „bilder/notiz.txt“ wird nicht unterstützt."
     " Hinweis: Speichern Sie das Bild als SVG, PNG oder JPG."),
    ("image_size", both(big_file("docs/beitraege/leipzig/bilder/riesig.png", 52_310_000),
                        replace(W, "{figure} bilder/westen-grafik.svg", "{figure} bilder/riesig.png")),
     f"{W}:29: Fehler [koop.image_size]: Die Bilddatei „bilder/riesig.png“ ist mit 52,3 MB zu groß (höchstens 50 MB)."
     " Hinweis: Verkleinern Sie das Bild (für den Druck reichen 300 dpi in der gedruckten Größe)."),
    ("image_pixels", both(write("docs/beitraege/leipzig/bilder/bombe.png", png_header(30_000, 20_000)),
                          replace(W, "{figure} bilder/westen-grafik.svg", "{figure} bilder/bombe.png")),
     f"{W}:29: Fehler [koop.image_pixels]: Das Bild „bilder/bombe.png“ ist mit 600,0 Megapixeln zu groß (höchstens "
     "89,5 Megapixel). Hinweis: Verkleinern Sie das Bild; für den Druck in voller Textbreite reichen etwa 3200 Pixel "
     "Breite, für Bildschirme 1600."),
    ("image_pixels_warned", both(write("docs/beitraege/leipzig/bilder/bombe.png", png_header(10_000, 9_000)),
                                 replace(W, "{figure} bilder/westen-grafik.svg", "{figure} bilder/bombe.png")),
     f"{W}:29: Fehler [koop.image_pixels]: Das Bild „bilder/bombe.png“ ist mit 90,0 Megapixeln zu groß (höchstens "
     "89,5 Megapixel). Hinweis: Verkleinern Sie das Bild; für den Druck in voller Textbreite reichen etwa 3200 Pixel "
     "Breite, für Bildschirme 1600."),
    ("bib_missing", remove("docs/literatur.bib"),
     "docs/literatur.bib:1: Fehler [koop.bib_missing]: Die Literaturdatei „docs/literatur.bib“ fehlt."
     " Hinweis: Legen Sie die Datei an; sie darf leer sein, solange niemand zitiert."),
    ("html", replace(W, "## Vorgehen", "<script>alert(1)</script>\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.html]: HTML ist in Beiträgen nicht erlaubt: „<script>alert(1)</script>“. "
     "Hinweis: Nutzen Sie Markdown statt HTML."),
    ("raw", replace(W, "## Vorgehen", "```{raw} html\n<b>x</b>\n```\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.raw]: Die Direktive „{{raw}}“ ist in Beiträgen nicht erlaubt. "
     "Hinweis: Nutzen Sie Markdown statt eingebetteter Rohformate."),
    ("directive", replace(W, "## Vorgehen", "```{eval-rst}\n.. raw:: html\n```\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.directive]: Die Direktive „{{eval-rst}}“ ist in Beiträgen nicht erlaubt. Hinweis: "
     "Erlaubt sind Abbildungen, Tabellen und Hinweiskästen; siehe Leitfaden für Autorinnen und Autoren."),
    ("role", replace(W, "## Vorgehen", "Eine {download}`Datei <../../../conf.py>`.\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.role]: Die Rolle „{{download}}“ ist in Beiträgen nicht erlaubt. Hinweis: Erlaubt "
     "sind {cite:p}, {cite:t}, {ref}, {numref}, {doc}, {sub}, {sup} und {abbr}."),
    ("math", replace(W, "## Vorgehen", "Die Fläche beträgt {math}`x^2`.\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.math]: Formeln werden im koopBLATT nicht gesetzt und sind in Beiträgen nicht erlaubt: "
     "„{math}`x^2`“. Hinweis: Schreiben Sie die Formel als Text mit Sonderzeichen, z. B. „CO₂“, „m²“ oder „≤ 5 %“."),
    ("math_directive", replace(W, "## Vorgehen", "```{math}\nE = mc^2\n```\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.math]: Formeln werden im koopBLATT nicht gesetzt und sind in Beiträgen nicht erlaubt: "
     "„{math} E = mc^2“. Hinweis: Schreiben Sie die Formel als Text mit Sonderzeichen, z. B. „CO₂“, „m²“ oder "
     "„≤ 5 %“."),
    ("glyph", replace(W, "## Vorgehen", "Die Partnerstadt heißt 𓀀.\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.glyph]: Das Zeichen „𓀀“ (U+13000 EGYPTIAN HIEROGLYPH A001) kann im koopBLATT nicht "
     "gesetzt werden: Keine der Schriften enthält es. Hinweis: Ersetzen Sie das Zeichen oder umschreiben Sie es mit "
     "Worten."),
    ("include_outside", replace(W, "## Vorgehen", "```{include} ../../../conf.py\n```\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.path_outside]: Der Pfad „../../../conf.py“ führt aus dem Beitragsordner hinaus. "
     "Hinweis: Legen Sie die Datei in den Ordner des Beitrags oder nach „bilder/“."),
    ("include_missing", replace(W, "## Vorgehen", "```{include} teil.md\n```\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.include_missing]: Die einzubindende Datei „teil.md“ gibt es nicht."
     " Hinweis: Prüfen Sie Schreibweise und Ordner; eingebundene Dateien liegen neben dem Beitrag."),
    ("link_scheme", replace(W, "## Vorgehen", "[klick](javascript:alert(1))\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.link_scheme]: Links mit „javascript:“ sind nicht erlaubt. "
     "Hinweis: Verlinken Sie nur Webadressen (https://…), E-Mail-Adressen (mailto:…) oder andere Beiträge."),
    ("link_scheme_data", replace(W, "## Vorgehen", "![Bild](data:image/png;base64,AAAA)\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.link_scheme]: Links mit „data:“ sind nicht erlaubt. "
     "Hinweis: Verlinken Sie nur Webadressen (https://…), E-Mail-Adressen (mailto:…) oder andere Beiträge."),
    ("link_address", replace(W, "## Vorgehen", "Siehe <https://www.leipzig.de:99999/westen>.\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.link_address]: Die Adresse „https://www.leipzig.de:99999/westen“ ist so nicht "
     "verlinkbar: die Portnummer hinter „:“ ist keine Zahl von 0 bis 65535. Hinweis: Lassen Sie „:…“ hinter dem "
     "Rechnernamen weg, wenn die Seite es nicht braucht."),
    ("xref", replace(W, "(../bremen/zwischen.md)", "(../bremen/zwischenzeit.md)"),
     f"{W}:36: Fehler [koop.xref]: Der Verweis auf „../bremen/zwischenzeit.md“ führt ins Leere."
     " Hinweis: Meinten Sie „../bremen/zwischen.md“?"),
    ("xref_label", replace(W, "## Vorgehen", "Siehe {ref}`abb-osten`.\n\n## Vorgehen"),
     f"{W}:19: Fehler [koop.xref]: Der Verweis auf „abb-osten“ führt ins Leere."
     " Hinweis: Meinten Sie „abb-westen“?"),
    ("cite_unknown", replace(W, "{cite:p}`memo`", "{cite:p}`memo2007`"),
     f"{W}:36: Fehler [koop.cite_unknown]: Unbekannter Literaturschlüssel „memo2007“."
     " Hinweis: Meinten Sie „memo“?"),
    ("cite_syntax", replace(W, "{cite:p}`memo`", "{cite:p}`memo{S. 3`"),
     f"{W}:36: Fehler [koop.cite_syntax]: Zitierung „memo{{S. 3“ ist nicht lesbar. Hinweis: Schreiben Sie z. B. "
     "{cite:p}`schluessel` oder {cite:p}`schluessel{S. 12}`."),
    ("body_empty", write("docs/beitraege/nuernberg/leer.md", MINIMAL.replace("\nText.\n", "")),
     "docs/beitraege/nuernberg/leer.md:9: Fehler [koop.body_empty]: Der Beitrag hat keinen Text. "
     "Hinweis: Schreiben Sie den Text unter die zweite „---“-Zeile."),
    ("heading_level", write("docs/beitraege/nuernberg/h1.md", MINIMAL.replace("Text.", "# Titel")),
     "docs/beitraege/nuernberg/h1.md:10: Fehler [koop.heading_level]: Überschriften im Beitrag beginnen mit "
     "„##“ – der Titel kommt aus der Front Matter. Hinweis: Nutzen Sie „## Abschnitt“ für Abschnitte."),
    ("slug_duplicate", write("docs/beitraege/nuernberg/westen.md", MINIMAL),
     "docs/beitraege/nuernberg/westen.md:1: Fehler [koop.slug_duplicate]: Den Kurznamen „westen“ gibt es schon "
     f"in „{W}“."
     " Hinweis: Kurznamen müssen im ganzen Handbuch eindeutig sein; benennen Sie eine der Dateien um."),
    ("slug", write("docs/beitraege/nuernberg/Südstadt.md", MINIMAL),
     "docs/beitraege/nuernberg/Südstadt.md:1: Fehler [koop.slug]: Der Dateiname „Südstadt“ ist als Kurzname "
     "ungeeignet."
     " Hinweis: Benennen Sie die Datei in „suedstadt.md“ um (nur Kleinbuchstaben, Ziffern und "
     "Bindestriche)."),
    ("label_duplicate", replace(Z, "## Ergebnisse", "(abb-westen)=\n## Ergebnisse"),
     f"{W}:29: Fehler [koop.label_duplicate]: Die Marke „abb-westen“ ist schon in „{Z}:16“ vergeben."
     " Hinweis: Geben Sie jeder Marke einen eigenen Namen, z. B. mit dem Kurznamen des Beitrags davor."),
    ("folder", write("docs/beitraege/muenchen/x.md", MINIMAL),
     "docs/beitraege/muenchen/x.md:1: Fehler [koop.folder]: Beiträge gehören in den Ordner ihrer Stadt unter "
     "docs/beitraege/, nicht nach „beitraege/muenchen“."
     " Hinweis: Verschieben Sie die Datei nach docs/beitraege/bremen/, docs/beitraege/leipzig/ oder "
     "docs/beitraege/nuernberg/."),
    ("encoding", write("docs/beitraege/nuernberg/latin.md", MINIMAL.replace("Text.", "Straße").encode("latin-1")),
     "docs/beitraege/nuernberg/latin.md:10: Fehler [koop.encoding]: Die Datei ist nicht in UTF-8 kodiert "
     "(Byte 0xdf an Position 132)."
     " Hinweis: Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."),
    ("frontmatter_missing", write("docs/beitraege/nuernberg/ohne.md", "Nur Text.\n"),
     "docs/beitraege/nuernberg/ohne.md:1: Fehler [koop.frontmatter_missing]: Die Datei beginnt nicht mit einem "
     "Front-Matter-Block zwischen „---“-Zeilen. Hinweis: Beginnen Sie die Datei mit „---“, dann die Angaben, "
     "dann wieder „---“ (siehe Leitfaden für Autorinnen und Autoren)."),
    ("frontmatter_type", write("docs/beitraege/nuernberg/liste.md", "---\n- a\n- b\n---\n\nText.\n"),
     "docs/beitraege/nuernberg/liste.md:1: Fehler [koop.frontmatter_type]: Die Front Matter muss aus "
     "Schlüssel-Wert-Paaren bestehen, nicht aus eine Liste."
     " Hinweis: Schreiben Sie jede Angabe in eine eigene Zeile: „schlüssel: wert“."),
    ("yaml", replace(W, "title: Wächterhäuser im Westen", "title: Wächterhäuser: im Westen"),
     f"{W}:2: Fehler [koop.yaml]: Die Front Matter ist kein gültiges YAML: an dieser Stelle ist kein „:“ erlaubt. "
     "Hinweis: Steht im Wert ein „:“, setzen Sie den ganzen Wert in Anführungszeichen; sonst stimmt die Einrückung "
     "nicht: Angaben, die zusammengehören, stehen genau untereinander."),
    ("yaml_tag", replace(W, "title: Wächterhäuser im Westen", "title: !!python/object:os.system x"),
     f"{W}:2: Fehler [koop.yaml_tag]: YAML-Tags wie „!!python/object:os.system“ sind nicht erlaubt. "
     "Hinweis: Schreiben Sie den Wert ohne „!“-Markierung."),
    ("yaml_alias", replace(W, "title: Wächterhäuser im Westen", "title: &a Wächter\nsubtitle: *a"),
     f"{W}:2: Fehler [koop.yaml_alias]: YAML-Anker und -Verweise („&“, „*“) sind nicht erlaubt. "
     "Hinweis: Schreiben Sie den Wert aus."),
    ("yaml_duplicate_key", replace(W, "art: praxisfall", "art: praxisfall\nart: interview"),
     f"{W}:10: Fehler [koop.yaml_duplicate_key]: Der Schlüssel „art“ kommt mehrfach vor."
     " Hinweis: Löschen Sie eine der beiden Zeilen; jede Angabe darf nur einmal vorkommen."),
    ("bib_duplicate", replace("docs/literatur.bib", "@report{drei,", "@report{memo,"),
     "docs/literatur.bib:17: Fehler [koop.bib_duplicate]: Der Literaturschlüssel „memo“ ist doppelt vergeben."
     " Hinweis: Geben Sie jedem Eintrag einen eigenen Schlüssel, z. B. mit „a“ und „b“ am Ende."),
    ("bib_syntax", replace("docs/literatur.bib", "  year        = {2007}\n}\n\n@book", "  year = {2007\n\n@book"),
     "docs/literatur.bib:1: Fehler [koop.bib_syntax]: Dieser Eintrag in der Literaturdatei ist fehlerhaft: "
     "„@misc{charta,“. Hinweis: Prüfen Sie Klammern, Kommas und Anführungszeichen des Eintrags."),
    ("bib_field", replace("docs/literatur.bib", "  title  = {Coaching und Reflexion},\n", ""),
     "docs/literatur.bib:17: Fehler [koop.bib_field]: Dem Literatureintrag „drei“ fehlt das Feld „title“."
     " Hinweis: Ergänzen Sie das Feld im Eintrag, z. B. „year = {2014},“."),
    ("manifest_path", replace(M, "beitraege/bremen/zwischen.md", "beitraege/bremen/fehlt.md"),
     f"{M}:9: Fehler [koop.manifest_path]: Den Beitrag „beitraege/bremen/fehlt.md“ gibt es nicht."
     " Hinweis: Schreiben Sie den Pfad unter docs/, z. B. „beitraege/leipzig/leipziger-westen.md“."),
    ("manifest_duplicate", replace(M, "beitraege/bremen/zwischen.md", "beitraege/leipzig/westen.md"),
     f"{M}:9: Fehler [koop.manifest_duplicate]: Der Beitrag „beitraege/leipzig/westen.md“ steht mehrfach in der "
     "Ausgabe."
     " Hinweis: Löschen Sie die doppelte Zeile."),
    ("manifest_file", replace(M, "editorial: editorial.md", "editorial: vorwort.md"),
     f"{M}:6: Fehler [koop.manifest_file]: Die Datei „vorwort.md“ gibt es nicht."
     " Hinweis: Legen Sie die Datei in den Ordner der Ausgabe oder korrigieren Sie den Namen."),
    ("manifest_number", replace(M, "nummer: 1", "nummer: 2"),
     f"{M}:1: Fehler [koop.manifest_number]: Die Nummer 2 passt nicht zum Ordner „1“."
     " Hinweis: Schreiben Sie als „nummer“ die Zahl aus dem Ordnernamen (im Ordner koopblatt/3/ also „nummer: 3“) "
     "oder benennen Sie den Ordner um."),
    ("manifest_format", replace(M, "jahr: 2015", "jahr: 2015\nformat: A3"),
     f"{M}:3: Fehler [koop.manifest_format]: Unbekanntes Format „A3“. Erlaubt: „a4“, „a5“."
     " Hinweis: Lassen Sie „format“ weg (dann A4) oder wählen Sie eines der erlaubten Formate."),
    ("manifest_colour", replace(M, '"#1F5FA8"', "blau"),
     f"{M}:16: Fehler [koop.manifest_colour]: „blau“ ist keine Farbe im Format „#RRGGBB“."
     ' Hinweis: Schreiben Sie die Farbe als Hex-Wert in Anführungszeichen, z. B. farbe: "#1F5FA8".'),
    ("manifest_issn", replace(M, '"0000-0027"', '"0000-0028"'),
     f"{M}:19: Fehler [koop.manifest_issn]: „0000-0028“ ist keine gültige ISSN (vier Ziffern, Bindestrich, drei "
     "Ziffern und die Prüfziffer). Hinweis: Übernehmen Sie die ISSN genau aus der Mitteilung des ISSN-Zentrums, "
     'z. B. druck: "0000-0019"; die letzte Stelle ist eine Prüfziffer (0–9 oder X).'),
    ("manifest_contribution", replace(W, "art: praxisfall", "art: fall"),
     f"{M}:8: Fehler [koop.manifest_contribution]: Der Beitrag „beitraege/leipzig/westen.md“ hat Fehler "
     "(siehe oben) und kann nicht gedruckt werden."
     " Hinweis: Beheben Sie die Fehler des Beitrags oder nehmen Sie ihn aus der Ausgabe heraus."),
    ("manifest_missing", write("koopblatt/2/notiz.txt", "leer"),
     "koopblatt/2:1: Fehler [koop.manifest_missing]: Die Ausgabe hat keine Datei „ausgabe.yml“."
     " Hinweis: Kopieren Sie „ausgabe.yml“ aus einer früheren Ausgabe und passen Sie sie an."),
    # nearest-match suggestions ("Meinten Sie …?") and hints that fit the mistake
    ("themenfeld_label", replace(W, "themenfeld: oekonomische-innovation", "themenfeld: Ökonomische Innovation"),
     f"{W}:10: Fehler [koop.themenfeld]: Unbekanntes Themenfeld „Ökonomische Innovation“. Erlaubt: "
     "„oekonomische-innovation“, „regionale-kooperation“, „urbane-lebensqualitaet“. "
     "Hinweis: Meinten Sie „oekonomische-innovation“?"),
    ("projektfamilie_label", replace(W, "[kreative-raumeroberung, zwischennutzung]",
                                     "[Kreative Raumeroberung, zwischennutzung]"),
     f"{W}:11: Fehler [koop.projektfamilie]: Unbekannte Projektfamilie „Kreative Raumeroberung“. Erlaubt: "
     "„transformationsstandorte“, „kreative-raumeroberung“, „raum-fuer-kultur“, „zwischennutzung“, "
     "„stadt-ist-region“, „wasser-region“, „bildung-im-quartier“, „staerkung-der-innenstadt“, "
     "„klimagerechte-stadtentwicklung“. Hinweis: Meinten Sie „kreative-raumeroberung“?"),
    ("image_missing_suggest", replace(W, "{figure} bilder/westen-grafik.svg", "{figure} westen-grafik.svg"),
     f"{W}:29: Fehler [koop.image_missing]: Die Bilddatei „westen-grafik.svg“ gibt es nicht. "
     "Hinweis: Meinten Sie „bilder/westen-grafik.svg“?"),
    ("image_missing_typo", replace(W, "{figure} bilder/westen-grafik.svg", "{figure} bilder/westen_grafik.SVG"),
     f"{W}:29: Fehler [koop.image_missing]: Die Bilddatei „bilder/westen_grafik.SVG“ gibt es nicht. "
     "Hinweis: Meinten Sie „bilder/westen-grafik.svg“?"),
    ("xref_other_city", replace(W, "(../bremen/zwischen.md)", "(../leipzig/zwischen.md)"),
     f"{W}:36: Fehler [koop.xref]: Der Verweis auf „../leipzig/zwischen.md“ führt ins Leere. "
     "Hinweis: Meinten Sie „../bremen/zwischen.md“?"),
    ("manifest_path_suggest", replace(M, "beitraege/bremen/zwischen.md", "beitraege/bremen/zwischn.md"),
     f"{M}:9: Fehler [koop.manifest_path]: Den Beitrag „beitraege/bremen/zwischn.md“ gibt es nicht. "
     "Hinweis: Meinten Sie „beitraege/bremen/zwischen.md“?"),
    ("slug_suggest", write("docs/beitraege/nuernberg/Grüner Ring.md", MINIMAL),
     "docs/beitraege/nuernberg/Grüner Ring.md:1: Fehler [koop.slug]: Der Dateiname „Grüner Ring“ ist als Kurzname "
     "ungeeignet. Hinweis: Benennen Sie die Datei in „gruener-ring.md“ um (nur Kleinbuchstaben, Ziffern und "
     "Bindestriche)."),
    ("yaml_tab", replace(W, "  - name: Erika Muster\n", "\t- name: Erika Muster\n"),
     f"{W}:5: Fehler [koop.yaml]: Die Front Matter ist kein gültiges YAML: an dieser Stelle steht ein "
     "Tabulatorzeichen; YAML erlaubt vor und zwischen den Angaben nur Leerzeichen. Hinweis: Ersetzen Sie das "
     "Tabulatorzeichen durch Leerzeichen (zum Einrücken zwei je Stufe); viele Editoren tun das mit „Einrückung in "
     "Leerzeichen umwandeln“."),
    ("fence_unclosed", replace(W, "[^1]: Die Hauswächter", ":::{note}\n## Fazit\n\nOffen.\n\n[^1]: Die Hauswächter"),
     f"{W}:38: Hinweis [koop.fence_unclosed]: Der Kasten „{{note}}“ ab Zeile 38 wird nie geschlossen; alles bis zum "
     "Dateiende (5 Zeilen) steht darin, auch die Überschrift „## Fazit“. Hinweis: Schließen Sie ihn mit einer "
     "eigenen Zeile „:::“ direkt nach seinem letzten Absatz."),
    ("frontmatter_size", replace(W, "stadt: leipzig\n", "stadt: leipzig\nkeywords:\n" + "  - Wort\n" * 10_001),
     f"{W}:14: Fehler [koop.frontmatter_size]: Die Front Matter hat hier 10.001 Einträge; höchstens 10.000 sind "
     "möglich. Hinweis: Kürzen Sie die lange Liste; Stichwörter („keywords“) brauchen selten mehr als zehn "
     "Einträge."),
    ("frontmatter_unclosed", write("docs/beitraege/nuernberg/offen.md", MINIMAL.replace("---\n\nText", "\nText")),
     "docs/beitraege/nuernberg/offen.md:1: Fehler [koop.frontmatter_unclosed]: Der Front-Matter-Block wird nicht "
     "mit einer „---“-Zeile geschlossen. Hinweis: Setzen Sie nach der letzten Angabe eine Zeile „---“; danach "
     "beginnt der Text."),
    ("key_missing_nested", both(write("koopblatt/1/umschlag.svg", "<svg/>"),
                                replace(M, "  farbe:", "  bild: umschlag.svg\n  farbe:")),
     f"{M}:15: Fehler [koop.key_missing]: Pflichtangabe „cover.alt“ fehlt. Hinweis: Ergänzen Sie „cover.alt“ – "
     "Beschreibung des Umschlagbilds für Menschen, die es nicht sehen; z. B. „alt: Drei ineinander verschlungene "
     "Ringe in Rot, Blau und Grün“."),
    ("file_size", write("docs/beitraege/nuernberg/gross.md", MINIMAL + ("Wort " * 500_000)),
     "docs/beitraege/nuernberg/gross.md:1: Fehler [koop.file_size]: Die Datei ist mit 2.5 MB zu groß "
     "(höchstens 2 MB)."
     " Hinweis: Teilen Sie den Text auf oder entfernen Sie eingefügte Daten; Bilder gehören als eigene "
     "Dateien nach „bilder/“."),
    ("line_length", write("docs/beitraege/nuernberg/zeile.md", MINIMAL + ("Wort " * 30_000)),
     "docs/beitraege/nuernberg/zeile.md:11: Fehler [koop.line_length]: Zeile mit 150000 Zeichen ist zu lang "
     "(höchstens 100000)."
     " Hinweis: Setzen Sie Zeilenumbrüche; ein Absatz endet mit einer Leerzeile."),
]


# the publishing body (koopblatt/herausgeber.yml, pipeline/legal.py) and the keys that moved there from the
# manifest
H = "koopblatt/herausgeber.yml"
VIDEO = "gebaerdensprache:\n  videos:\n    - datei: gebaerdensprache/inhalt.mp4\n      titel: Was steht im Handbuch?\n      dauer: \"2:30\"\n"  # noqa: E501 (a pinned message)
CASES += [
    ("publisher_missing", remove(H),
     f'{H}:1: Fehler [koop.publisher_missing]: Die Angaben zur herausgebenden Stelle fehlen: Es gibt keine Datei „koopblatt/herausgeber.yml“. Hinweis: Legen Sie die Datei an: Jede Angabe erklärt der Leitfaden im Abschnitt „Herausgebende Stelle“; welche fehlen, sagt danach „nox -s check“.'),  # noqa: E501 (a pinned message)
    ("publisher_moved", replace(M, "impressum:\n", "impressum:\n  herausgeber: Stadt Leipzig\n"),
     f'{M}:11: Fehler [koop.publisher_moved]: „impressum.herausgeber“ steht nicht mehr in der Ausgabe, sondern einmal für alle Ausgaben in „koopblatt/herausgeber.yml“. Hinweis: Löschen Sie die Zeile hier: Impressum, E-Books und Handbuch nehmen die Angaben zur herausgebenden Stelle aus derselben Datei, damit sie nie voneinander abweichen.'),  # noqa: E501 (a pinned message)
    ("url", replace(H, "url: https://www.schlichtungsstelle-bgg.de", "url: www.schlichtungsstelle-bgg.de"),
     f'{H}:27: Fehler [koop.url]: „www.schlichtungsstelle-bgg.de“ ist keine Webadresse (sie beginnt mit https:// oder http://). Hinweis: Schreiben Sie die vollständige Adresse, z. B. „https://www.schlichtungsstelle-bgg.de“.'),  # noqa: E501 (a pinned message)
    ("email", replace(H, "email: barrieren@koopstadt.de", "email: barrieren.koopstadt.de"),
     f'{H}:24: Fehler [koop.email]: „barrieren.koopstadt.de“ ist keine E-Mail-Adresse. Hinweis: Schreiben Sie die Adresse so: „name@beispiel.de“.'),  # noqa: E501 (a pinned message)
    ("accessibility_level", replace(H, "vereinbarkeit: teilweise", "vereinbarkeit: weitgehend"),
     f'{H}:16: Fehler [koop.accessibility_level]: Unbekannter Stand der Vereinbarkeit „weitgehend“. Erlaubt: „vollstaendig“, „teilweise“, „nicht“. Hinweis: „vollstaendig“ nur, wenn nichts mehr fehlt; „teilweise“, solange unter „einschraenkungen“ etwas steht.'),  # noqa: E501 (a pinned message)
    ("publisher_file", replace(H, "datenschutz:\n", VIDEO.replace("inhalt", "inhalte") + "datenschutz:\n"),
     f'{H}:30: Fehler [koop.publisher_file]: Die Datei „gebaerdensprache/inhalte.mp4“ gibt es nicht. Hinweis: Legen Sie die Datei in den Ordner medien/ (z. B. nach medien/gebaerdensprache/) oder korrigieren Sie den Pfad.'),  # noqa: E501 (a pinned message)
    ("duration", both(write("medien/gebaerdensprache/inhalt.mp4", b"\0\0\0\x18ftypmp42"),
                      replace(H, "datenschutz:\n", VIDEO.replace('"2:30"', "zwei Minuten") + "datenschutz:\n")),
     f'{H}:32: Fehler [koop.duration]: „zwei Minuten“ ist keine Spieldauer (Minuten:Sekunden, z. B. 2:30). Hinweis: Schreiben Sie die Dauer als Minuten:Sekunden, z. B. „dauer: "2:30"“ (in Anführungszeichen).'),  # noqa: E501 (a pinned message)
    ("dgs_missing", replace(H, "oeffentliche_stelle: false", "oeffentliche_stelle: true"),
     f'{H}:10: Hinweis [koop.dgs_missing]: Die herausgebende Stelle ist als öffentliche Stelle angegeben, aber es sind keine Videos in Deutscher Gebärdensprache eingetragen (§ 4 BITV 2.0). Hinweis: Tragen Sie unter „gebaerdensprache: videos:“ Videos ein, die Inhalt, Navigation und die Erklärung zur Barrierefreiheit erklären – oder „oeffentliche_stelle: false“, wenn das Landesrecht sie für Ihre Stelle nicht verlangt.'),  # noqa: E501 (a pinned message)
]
