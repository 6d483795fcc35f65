"""Links and cross-references: addresses, labels, references to other contributions."""

from __future__ import annotations

from .record import Message

_XREF_HINT = ("Verweisen Sie auf eine vorhandene Beitragsdatei (z. B. „../bremen/zwischenzeitzentrale.md“) oder "
              "eine Marke, die mit „(marke)=“ oder „:name:“ gesetzt ist.")

LINK_CODES: tuple[Message, ...] = (
    Message("link_scheme", "Links mit „{}“ sind nicht erlaubt.",
            "Verlinken Sie nur Webadressen (https://…), E-Mail-Adressen (mailto:…) oder andere Beiträge."),
    Message("link_address", "Die Adresse „{}“ ist so nicht verlinkbar: {}.",
            "Kopieren Sie die Adresse aus der Adresszeile des Browsers; sie beginnt mit „https://“ oder „mailto:“."),
    Message("link_definition_duplicate", "Diese Linkdefinition („[name]: adresse“) hat denselben Namen wie eine "
            "weiter oben; sie wird nicht verwendet.",
            "Löschen Sie die doppelte Zeile „[name]: …“ oder geben Sie ihr einen eigenen Namen."),
    Message("link_inventory", "Verweise in fremde Dokumentationen („inv:“) sind in Beiträgen nicht möglich.",
            "Verlinken Sie die Seite mit ihrer Webadresse (https://…)."),
    Message("xref", "Der Verweis auf „{}“ führt ins Leere.",
            _XREF_HINT),
    Message("xref_missing", "Der Verweis führt ins Leere.",
            _XREF_HINT),
    Message("xref_ambiguous", "Der Verweis passt auf mehrere Ziele.",
            "Verweisen Sie auf eine Marke, die es nur einmal gibt („(marke)=“ oder „:name:“)."),
    Message("xref_draft", "Der Verweis führt auf „{}“, einen Entwurf, der nicht veröffentlicht wird.",
            "Entfernen Sie den Verweis, bis der andere Beitrag freigegeben ist."),
    Message("ref_unknown", "Die Marke „{}“ gibt es nicht.",
            "Setzen Sie die Marke mit „(marke)=“ vor die Abbildung oder den Abschnitt, oder mit „:name:“."),
    Message("ref_no_title", "Die Marke „{}“ steht vor keiner Überschrift, Abbildung oder Tabelle: {{ref}} findet "
            "keinen Titel.",
            "Setzen Sie die Marke direkt vor eine Überschrift, Abbildung oder Tabelle, oder geben Sie den Linktext "
            "selbst an: {ref}`Text <marke>`."),
    Message("doc_unknown", "Das Dokument „{}“ gibt es für {{doc}} nicht.",
            "Schreiben Sie bei {doc} den Pfad ohne „.md“, z. B. {doc}`../bremen/zwischenzeitzentrale`, oder "
            "verlinken Sie die Datei: [Text](../bremen/zwischenzeitzentrale.md)."),
    Message("numref", "Der Verweis {{numref}} auf „{}“ zeigt auf keine Abbildung mit Bildunterschrift und keine "
            "Tabelle mit Titel.",
            "Geben Sie der Abbildung eine Bildunterschrift bzw. der Tabelle einen Titel, oder verweisen Sie mit "
            "{ref} statt {numref}."),
    Message("label_duplicate", "Die Marke „{}“ ist schon in „{}“ vergeben.",
            "Geben Sie jeder Marke einen eigenen Namen, z. B. mit dem Kurznamen des Beitrags davor."),
)

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
