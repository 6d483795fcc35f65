"""The koopBLATT: issue manifests, setting the PDFs, proofs and offprints."""

from __future__ import annotations

from .record import Message, Severity

KOOPBLATT_CODES: tuple[Message, ...] = (
    Message("manifest_missing", "Die Ausgabe hat keine Datei „ausgabe.yml“.",
            "Kopieren Sie „ausgabe.yml“ aus einer früheren Ausgabe und passen Sie sie an."),
    Message("manifest_path", "Den Beitrag „{}“ gibt es nicht.",
            "Schreiben Sie den Pfad unter docs/, z. B. „beitraege/leipzig/leipziger-westen.md“."),
    Message("manifest_duplicate", "Der Beitrag „{}“ steht mehrfach in der Ausgabe.",
            "Löschen Sie die doppelte Zeile."),
    Message("manifest_file", "Die Datei „{}“ gibt es nicht.",
            "Legen Sie die Datei in den Ordner der Ausgabe oder korrigieren Sie den Namen."),
    Message("manifest_contribution", "Der Beitrag „{}“ hat Fehler (siehe oben) und kann nicht gedruckt werden.",
            "Beheben Sie die Fehler des Beitrags oder nehmen Sie ihn aus der Ausgabe heraus."),
    Message("manifest_draft", "Der Beitrag „{}“ ist ein Entwurf („status: entwurf“) und kann nicht gedruckt werden.",
            "Geben Sie den Beitrag frei („status: freigegeben“) oder nehmen Sie ihn aus der Liste „beitraege“."),
    Message("manifest_number", "Die Nummer {} passt nicht zum Ordner „{}“.",
            "Schreiben Sie als „nummer“ die Zahl aus dem Ordnernamen (im Ordner koopblatt/3/ also „nummer: 3“) oder "
            "benennen Sie den Ordner um."),
    Message("manifest_format", "Unbekanntes Format „{}“. Erlaubt: {}.",
            "Lassen Sie „format“ weg (dann A4) oder wählen Sie eines der erlaubten Formate."),
    Message("manifest_colour", "„{}“ ist keine Farbe im Format „#RRGGBB“.",
            "Schreiben Sie die Farbe als Hex-Wert in Anführungszeichen, z. B. farbe: \"#1F5FA8\"."),
    Message("manifest_issn", "„{}“ ist keine gültige ISSN (vier Ziffern, Bindestrich, drei Ziffern und die "
            "Prüfziffer).",
            "Übernehmen Sie die ISSN genau aus der Mitteilung des ISSN-Zentrums, z. B. druck: \"0000-0019\"; die "
            "letzte Stelle ist eine Prüfziffer (0–9 oder X)."),
    Message("typst", "Fehler beim Setzen des koopBLATT: {}",
            "Vereinfachen Sie die genannte Stelle; hilft das nicht, schicken Sie die Datei an die Redaktion."),
    Message("pdf_unbalanced", "koopBLATT No. {}: Mit ausgeglichenen letzten Beitragsseiten kam der Satz nicht zur "
            "Ruhe (Typst: „{}“); die Ausgabe ist ohne diesen Ausgleich gesetzt.",
            "Die PDFs sind vollständig; nur die Spalten der letzten Seiten der Beiträge enden ungleich. Schicken Sie "
            "die Ausgabe an die Redaktion der Pipeline, wenn das Heft so nicht gedruckt werden soll.", Severity.NOTE),
)

ISSUE_NAME = "koopBLATT No. {}"
ISSN_PRINT = "{} (Druck)"
ISSN_ONLINE = "{} (online)"
# the title of a box (admonition) without one of its own, by kind
ADMONITION_TITLES = {
    "note": "Hinweis", "tip": "Tipp", "hint": "Tipp", "important": "Wichtig", "warning": "Warnung",
    "attention": "Achtung", "caution": "Vorsicht", "danger": "Gefahr", "error": "Fehler", "seealso": "Siehe auch",
}
PDF_PROGRESS = "koopBLATT No. {}: setze {} …"
PDF_DONE = "koopBLATT No. {}: {} ({})"
PDF_UNCHANGED = "koopBLATT No. {}: unverändert, nichts zu tun."
PDF_BLOCKED = ("koopBLATT No. {}: nicht neu gesetzt wegen der Fehler oben; die zuletzt erfolgreich erzeugten PDFs in "
               "build/pdf bleiben erhalten.")
PDF_TARGETS = "alle koopBLATT-Ausgaben"
PDF_DONE_ALL = "koopBLATT erzeugt: build/pdf/"
STEP_PDF = "koopBLATT setzen"
PROOF_UNKNOWN = "„{}“ ist kein (fehlerfreier) Beitrag unter docs/beitraege/."
PROOF_NO_ISSUE = "Für einen Korrekturabzug braucht es mindestens eine Ausgabe unter koopblatt/."
PROOF_PROGRESS = "Korrekturabzug für „{}“ …"
PROOF_DONE = "Korrekturabzug: {} (PDF zum Prüfen) und {} (Word-Datei für Kommentare)."
PROOF_REFUSED = ("Kein Korrekturabzug für „{}“: Der Beitrag hat Fehler (siehe oben). Fehler in anderen Beiträgen "
                 "der Ausgabe halten ihn nicht auf.")
PDF_DONE_PROOF = "Korrekturabzug erzeugt: build/korrektur/"
PROOF_PLANNED = "Vorgesehen für"
# an issue whose `datum` is still ahead (manifest.is_published): the card and the proof announce it, never
# „Erschienen in“
ISSUES_PLANNED_LABEL = PROOF_PLANNED
ISSUE_PLANNED_NOTE = "noch nicht erschienen, vorgesehen für den {}"
OFFPRINT_HEAD = "Sonderdruck aus: {}"
OFFPRINT_SUGGESTION = "Zitiervorschlag"
OFFPRINT_PROGRESS = "Sonderdrucke: {} von {} neu gesetzt"
