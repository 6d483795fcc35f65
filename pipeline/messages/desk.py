"""The editors' desk: page budget, flatplan (Seitenplan) and Redaktionsstand."""

from __future__ import annotations

from .record import Message, Severity

DESK_CODES: tuple[Message, ...] = (
    Message("page_budget", "„{}“ belegt im koopBLATT No. {}: {} statt der geplanten {} ({}).",
            "Kürzen oder ergänzen Sie den Beitrag, oder passen Sie „seiten:“ in der Ausgabe an; den Seitenplan zeigt "
            "build/redaktion/koopblatt-{}-seitenplan.html.", Severity.NOTE),
)

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
