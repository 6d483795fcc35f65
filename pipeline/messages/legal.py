"""The publishing body (koopblatt/herausgeber.yml) and the legal pages of the handbook (pipeline/legal.py,
pipeline/html/legal.py): Impressum, accessibility statement, privacy policy, Leichte Sprache, Gebärdensprache."""

from __future__ import annotations

from .record import Message, Severity

LEGAL_CODES: tuple[Message, ...] = (
    Message("publisher_missing", "Die Angaben zur herausgebenden Stelle fehlen: Es gibt keine Datei „{}“.",
            "Legen Sie die Datei an: Jede Angabe erklärt der Leitfaden im Abschnitt „Herausgebende Stelle“; welche "
            "fehlen, sagt danach „nox -s check“."),
    Message("publisher_moved", "„{}“ steht nicht mehr in der Ausgabe, sondern einmal für alle Ausgaben in „{}“.",
            "Löschen Sie die Zeile hier: Impressum, E-Books und Handbuch nehmen die Angaben zur herausgebenden "
            "Stelle aus derselben Datei, damit sie nie voneinander abweichen."),
    Message("publisher_file", "Die Datei „{}“ gibt es nicht.",
            "Legen Sie die Datei in den Ordner medien/ (z. B. nach medien/gebaerdensprache/) oder korrigieren Sie "
            "den Pfad."),
    Message("url", "„{}“ ist keine Webadresse (sie beginnt mit https:// oder http://).",
            "Schreiben Sie die vollständige Adresse, z. B. „https://www.schlichtungsstelle-bgg.de“."),
    Message("email", "„{}“ ist keine E-Mail-Adresse.",
            "Schreiben Sie die Adresse so: „name@beispiel.de“."),
    Message("duration", "„{}“ ist keine Spieldauer (Minuten:Sekunden, z. B. 2:30).",
            "Schreiben Sie die Dauer als Minuten:Sekunden, z. B. „dauer: \"2:30\"“ (in Anführungszeichen)."),
    Message("accessibility_level", "Unbekannter Stand der Vereinbarkeit „{}“. Erlaubt: {}.",
            "„vollstaendig“ nur, wenn nichts mehr fehlt; „teilweise“, solange unter „einschraenkungen“ etwas steht."),
    Message("dgs_missing", "Die herausgebende Stelle ist als öffentliche Stelle angegeben, aber es sind keine Videos "
            "in Deutscher Gebärdensprache eingetragen (§ 4 BITV 2.0).",
            "Tragen Sie unter „gebaerdensprache: videos:“ Videos ein, die Inhalt, Navigation und die Erklärung zur "
            "Barrierefreiheit erklären – oder „oeffentliche_stelle: false“, wenn das Landesrecht sie für Ihre Stelle "
            "nicht verlangt.", Severity.NOTE),
)

ACCESSIBILITY_LEVELS = {
    "vollstaendig": "vollständig vereinbar",
    "teilweise": "teilweise vereinbar",
    "nicht": "nicht vereinbar",
}
FICTIONAL_PERSON = "{} (fiktive Person)"
IMPRINT_LABELS = {
    "herausgeber": "Herausgeber", "redaktion": "Redaktion", "gestaltung": "Gestaltung", "druck": "Druck",
    "foerderung": "Förderung", "autoren": "Autorinnen und Autoren", "lizenz": "Lizenz", "stand": "Stand",
    "kontakt": "Kontakt",
}
LEGAL_PHONE = "Tel."
LEGAL_REPRESENTED = "Vertretungsberechtigt"
LEGAL_REPRESENTED_LINE = "{}, vertreten durch {}"
LEGAL_RESPONSIBLE = "Verantwortlich für den Inhalt nach §\u00a018 Abs.\u00a02 MStV"  # no break inside the citation
LEGAL_NOTE = "Hinweis"
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
