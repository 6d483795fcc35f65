"""The publishing body (`koopblatt/herausgeber.yml`), read once and shown alike by every output.

The Impressum of the handbook, of every e-book and of the koopBLATT, the Erklärung zur Barrierefreiheit, the
Datenschutzerklärung and the Leichte-Sprache and Gebärdensprache pages all take the body's data from here, so
they cannot disagree. The file is validated against `schema.PublisherFields` (one description for `check`, the
guide's table and `schema/herausgeber.schema.json`); the imprint's blocks are decided once (`imprint_blocks`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import messages as M
from .diagnostics import Diagnostic, diag
from .frontmatter import load_yaml_file
from .paths import DOCS_DIR, PUBLISHER_FILE
from .schema import (
    DEFAULT_LICENSE,
    At,
    Context,
    OfficeFields,
    PersonFields,
    PublisherFields,
    check_mapping,
)
from .taxonomy import Taxonomy

# The axe-core rule sets the browser tests run on every kind of page (tests/test_browser.py); the accessibility
# statement names them from here, so it says what is checked
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

MEDIA_DIR = "medien"  # files the configuration names (videos), relative to this folder of the project

__all__ = ["AXE_TAGS", "MEDIA_DIR", "PUBLISHER_FILE", "Office", "Person", "Publisher", "Video", "imprint_blocks",
           "load"]


@dataclass(frozen=True)
class Person:
    name: str
    address: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    fictional: bool = False

    @property
    def shown(self) -> str:
        """The name as every output prints it: a made-up person says so."""
        return M.FICTIONAL_PERSON.format(self.name) if self.fictional else self.name


@dataclass(frozen=True)
class Office:
    name: str
    url: str
    address: tuple[str, ...] = ()
    email: str = ""


@dataclass(frozen=True)
class Restriction:
    part: str
    reason: str
    alternative: str


@dataclass(frozen=True)
class Video:
    path: Path
    title: str
    duration: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class Publisher:
    """Who publishes handbook, koopBLATT and e-books; `line` maps keys to their lines in the file."""

    name: str
    legal_entity: str
    represented_by: str
    address: tuple[str, ...]
    email: str
    responsible: Person
    conformance: str  # vollstaendig | teilweise | nicht
    assessed: dt.date
    feedback_email: str
    arbitration: Office
    privacy_officer: Person
    privacy_authority: Office
    log_days: int
    phone: str = ""
    web: str = ""
    funding: str = ""
    note: str = ""
    public_body: bool = False
    method: str = ""
    restrictions: tuple[Restriction, ...] = ()
    feedback_phone: str = ""
    hosting: str = ""
    videos: tuple[Video, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def full_name(self) -> str:
        """The body with its legal entity, as catalogues name a publisher: „Gemeinsame Geschäftsstelle koopstadt,
        Stadt Leipzig“."""
        return self.name if self.legal_entity in self.name else f"{self.name}, {self.legal_entity}"

    @property
    def contact(self) -> list[str]:
        """Telephone, e-mail and web address as the imprints print them."""
        return [x for x in (self.phone and f"{M.LEGAL_PHONE} {self.phone}", self.email, self.web) if x]


def _person(f: PersonFields) -> Person:
    return Person(f.name, f.anschrift, f.email, f.telefon, f.fiktiv)


def _office(f: OfficeFields) -> Office:
    return Office(f.name, f.url, f.anschrift, f.email)


def path(root: Path) -> Path:
    return root / PUBLISHER_FILE


def load(root: Path, tax: Taxonomy) -> tuple[Publisher | None, list[Diagnostic]]:
    """Validate `koopblatt/herausgeber.yml`; every fault is a located diagnostic (a missing file too)."""
    file = path(root)
    if not file.is_file():
        return None, [diag(PUBLISHER_FILE, 1, "publisher_missing", PUBLISHER_FILE)]
    fm, problems = load_yaml_file(file, PUBLISHER_FILE)
    if fm is None:
        return None, problems
    # the Gebärdensprache videos lie in medien/ (a folder in koopblatt/ would be an issue)
    ctx = Context(PUBLISHER_FILE, fm, tax, root / MEDIA_DIR, root / DOCS_DIR, problems=problems)
    values = check_mapping(PublisherFields, fm.data, At(ctx, (), {}))
    if fm.broken or any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    f = PublisherFields(**values)
    a11y, privacy = f.barrierefreiheit, f.datenschutz
    publisher = Publisher(
        name=f.name, legal_entity=f.traeger, represented_by=f.vertreten_durch, address=f.anschrift, email=f.email,
        responsible=_person(f.verantwortlich), conformance=a11y.vereinbarkeit, assessed=a11y.erstellt,
        feedback_email=a11y.kontakt.email, arbitration=_office(a11y.schlichtung),
        privacy_officer=_person(privacy.beauftragter), privacy_authority=_office(privacy.aufsicht),
        log_days=privacy.speicherdauer, phone=f.telefon, web=f.web, funding=f.foerderung, note=f.hinweis,
        public_body=f.oeffentliche_stelle, method=a11y.methode,
        restrictions=tuple(Restriction(r.bereich, r.grund, r.alternative) for r in a11y.einschraenkungen),
        feedback_phone=a11y.kontakt.telefon, hosting=privacy.betrieb,
        videos=tuple(Video(v.datei, v.titel, v.dauer) for v in f.gebaerdensprache.videos),
        lines={str(k[0]): v for k, v in fm.lines.items() if len(k) == 1},
    )
    problems = ctx.problems
    if publisher.public_body and not publisher.videos:
        problems.append(diag(PUBLISHER_FILE, publisher.lines.get("oeffentliche_stelle", 1), "dgs_missing"))
    return publisher, problems


def imprint_blocks(publisher: Publisher, *, editors: tuple[str, ...] = (), authors: list[str] | None = None,
                   design: str = "", printing: str = "", note: str = "", date: dt.date | None = None,
                   ) -> list[tuple[str, list[str]]]:
    """The Impressum as (heading, lines), in the order every output prints it: the body and its contact, who
    represents it, who is responsible for the content, then what belongs to one issue or book."""
    labels = M.IMPRINT_LABELS
    p = publisher
    blocks = [
        (labels["herausgeber"], [p.name, *p.address]),
        (labels["kontakt"], p.contact),
        (M.LEGAL_REPRESENTED, [M.LEGAL_REPRESENTED_LINE.format(p.legal_entity, p.represented_by)]),
        (M.LEGAL_RESPONSIBLE, [p.responsible.shown, *p.responsible.address]),
        (labels["redaktion"], list(editors)),
        (labels["autoren"], list(authors or [])),
        (labels["gestaltung"], [design] if design else []),
        (labels["druck"], [printing] if printing else []),
        (labels["foerderung"], [p.funding] if p.funding else []),
        (labels["lizenz"], [DEFAULT_LICENSE]),
        (labels["stand"], [M.german_date(date)] if date else []),
        (M.LEGAL_NOTE, [n for n in (note, p.note) if n]),
    ]
    return [(label, lines) for label, lines in blocks if lines]
