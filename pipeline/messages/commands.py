"""The command line and the preview: usage errors, progress lines, the closing summary, nox -s serve."""

from __future__ import annotations

# the prefix of a user error a command prints (pipeline/errors.py)
USAGE_PREFIX = "Aufruf fehlerhaft"
ERROR_PREFIX = "Fehler"
USAGE_COMMANDS = "Befehle"
USAGE_CHOICE = "„{}“ gibt es nicht (möglich: {})."
USAGE_HINT = "„nox -s {} -- --help“ erklärt alle Angaben."
USAGE_HINT_TOP = "„nox -l“ zeigt alle Befehle; die README erklärt ihren Aufruf."
USAGE_ROOT_HELP = "Projektordner (mit docs/ und koopblatt/); Vorgabe: $KOOP_ROOT, sonst „.“"
USAGE_VERBOSE_HELP = "auch die Meldungen von Sphinx, MyST und Typst zeigen"
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
STEP_CHECK = "Prüfen"
STEP_DONE = "Fertig nach {} s: {}."
STEP_FAILED = "Nach {} s nicht alles erneuert (siehe oben); unverändert gültig: {}."
SUMMARY_FIX = "Bitte korrigieren und „nox -s check“ erneut ausführen."
SUMMARY_OK = "Alles in Ordnung: {}, {} geprüft."
SUMMARY_RELEASED_OK = "Die freigegebenen Beiträge sind fehlerfrei ({}, {} geprüft)."
# The closing summary of check/build: the parts add up to the total, nobody has to subtract.
SUMMARY_TOTAL = "{}: {}."
SUMMARY_ONE_PART = "{} {}."
SUMMARY_PART = "{} in {}"
SUMMARY_OTHER_PLACES = "Ausgaben, Literatur oder Seiten des Handbuchs"
SUMMARY_DRAFTS_NOTE = "Fehler in Entwürfen („status: entwurf“) blockieren nichts, solange der Beitrag ein Entwurf ist."
SUMMARY_NOTES = "{}."
SUMMARY_SEEN_ABOVE = "{} (siehe oben)."
PREVIEW_BOX = "Vorschau: {} zu dieser Datei (das Handbuch wird so nicht veröffentlicht)"
PREVIEW_TITLE = "Probleme im Projekt (Vorschau)"
PREVIEW_NONE = "Keine Fehler und keine Hinweise: „nox -s check“ ist zufrieden."
# Preview (nox -s serve): the banner counts what the list shows.
PREVIEW_BANNER_COUNTS = "Vorschau: {}, {} im Projekt – zur Liste"
PREVIEW_BANNER_NONE = "Vorschau: keine Fehler und keine Hinweise im Projekt – zur Liste"
PREVIEW_LIST_INTRO = ("{} und {}, wie „nox -s check“ sie meldet. Jede Meldung führt zu ihrer Seite, an die Stelle "
                      "nahe der Zeile; Entwürfe sind mit „Entwurf“ gekennzeichnet.")
PREVIEW_NO_PAGE = "ohne eigene Seite in der Vorschau"
PREVIEW_DRAFT_TAG = "Entwurf"
SERVE_START = ("Vorschau unter http://{}:{}/ – Änderungen an Beiträgen erscheinen nach dem Speichern. "
               "Beenden mit Strg+C.")
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
