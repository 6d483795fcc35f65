"""Publishing the handbook (nox -s publish) and the deposit with the Deutsche Nationalbibliothek."""

from __future__ import annotations

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
