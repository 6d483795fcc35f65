"""The koopBLATT issue manifest `koopblatt/<nr>/ausgabe.yml`, validated against `schema.IssueFields`."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .frontmatter import load_yaml_file
from .legal import Publisher
from .paths import MANIFEST_FILE
from .schema import COLOUR_RE, FORMATS, At, Context, ImprintFields, IssueFields, check_mapping, keys
from .taxonomy import load as load_taxonomy

__all__ = ["COLOUR_RE", "FLATPLAN_SUFFIX", "FORMATS", "IMPRINT_KEYS", "ISSUE_PREFIX", "KEYS", "PRINT_SUFFIX", "Cover",
           "Imprint", "Issue", "is_published", "issue_id", "issue_number", "load", "publication_day", "split_published"]

KEYS = keys(IssueFields)
IMPRINT_KEYS = keys(ImprintFields)


@dataclass
class Imprint:
    """What the imprint says about this issue; the body that publishes it is `Issue.publisher`."""

    editors: tuple[str, ...] = ()
    design: str = ""
    printing: str = ""
    note: str = ""


@dataclass
class Cover:
    image: Path | None
    alt: str
    colour: str


@dataclass
class Issue:
    number: int
    year: int
    date: dt.date
    title: str
    subtitle: str
    folder: Path
    editorial: Path
    contributions: tuple[str, ...]  # docnames (relative to docs/, no suffix), in print order
    imprint: Imprint
    cover: Cover
    format: str = "a4"
    crop_marks: bool = False
    lines: dict[str, int] = field(default_factory=dict)
    entry_lines: dict[str, int] = field(default_factory=dict)  # docname → manifest line
    planned_pages: dict[str, int] = field(default_factory=dict)  # docname → `seiten:` (page budget), if given
    publisher: Publisher | None = None  # koopblatt/herausgeber.yml (pipeline/legal.py), the same for every issue
    issn_print: str = ""  # `issn: druck:` (the serial's, the same in every issue)
    issn_online: str = ""  # `issn: online:` (PDF and EPUB)

    @property
    def id(self) -> str:
        """The stem of every file named after the issue (PDFs, e-book, Typst main file, flatplan)."""
        return issue_id(self.number)

    @property
    def manifest(self) -> Path:
        return self.folder / MANIFEST_FILE

    @property
    def screen_pdf(self) -> str:
        return f"{self.id}.pdf"

    @property
    def print_pdf(self) -> str:
        return f"{self.id}{PRINT_SUFFIX}.pdf"

    @property
    def epub(self) -> str:
        return f"{self.id}.epub"

    @property
    def typst_main(self) -> str:
        """The Typst main file of the issue's layout (its screen and print PDF: `typst.print_version`)."""
        return f"{self.id}.typ"

    @property
    def flatplan(self) -> str:
        """The stem of the flatplan's files in build/redaktion (.png, .html, .json)."""
        return f"{self.id}{FLATPLAN_SUFFIX}"

    def cover_file(self, suffix: str) -> str:
        """The cover image's name where the handbook offers it (`suffix`: the image's own)."""
        return f"{self.id}-umschlag{suffix}"


ISSUE_PREFIX = "koopblatt-"
PRINT_SUFFIX = "-druck"
FLATPLAN_SUFFIX = "-seitenplan"


def issue_id(number: int) -> str:
    """`Issue.id` of issue `number`, for where only its number is at hand."""
    return f"{ISSUE_PREFIX}{number}"


def issue_number(file: Path) -> int | None:
    """The number of the issue a file named after it belongs to (`koopblatt-3-druck.pdf`: 3), else None."""
    m = re.match(rf"{ISSUE_PREFIX}(\d+)(?=[.-]|$)", file.name)
    return int(m.group(1)) if m else None


def publication_day() -> dt.date:
    """The day against which an issue counts as out: that of SOURCE_DATE_EPOCH when set (a reproducible build
    says what it said on that day), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def is_published(issue: Issue, today: dt.date | None = None) -> bool:
    """The one rule for every output that names an issue: it is out from its `datum` (the manifest's publication
    date) on; before, it is only planned („Vorgesehen für koopBLATT No. 4“, never „Erschienen in“)."""
    return issue.date <= (today or publication_day())


def split_published(issues: list[Issue], today: dt.date | None = None) -> tuple[list[Issue], list[Issue]]:
    """(published, planned), each in the given order."""
    day = today or publication_day()
    return [i for i in issues if is_published(i, day)], [i for i in issues if not is_published(i, day)]


def load(path: Path, shown: str, docs: Path, root: Path,
         publisher: Publisher | None = None) -> tuple[Issue | None, list[Diagnostic]]:
    """Validate `ausgabe.yml` against `schema.IssueFields`; contribution paths are checked against docs/.
    `publisher` is the body that publishes every issue (its imprint data is not in the manifest)."""
    fm, problems = load_yaml_file(path, shown)
    if fm is None:
        return None, problems
    ctx = Context(shown, fm, load_taxonomy(), path.parent, docs, problems=problems)
    values = check_mapping(IssueFields, fm.data, At(ctx, (), {}))
    if fm.broken or any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    f = IssueFields(**values)
    imprint = Imprint(editors=f.impressum.redaktion, design=f.impressum.gestaltung, printing=f.impressum.druck,
                      note=f.impressum.hinweis)
    issue = Issue(
        number=f.nummer, year=f.jahr, date=f.datum or dt.date(f.jahr, 6, 1), title=f.titel, subtitle=f.untertitel,
        folder=path.parent, editorial=f.editorial, contributions=tuple(d for d, _, _ in f.beitraege),
        imprint=imprint, cover=Cover(f.cover.bild, f.cover.alt, f.cover.farbe), format=f.format,
        crop_marks=f.schnittmarken, lines={str(k[0]): v for k, v in fm.lines.items() if len(k) == 1},
        entry_lines={d: line for d, line, _ in f.beitraege},
        planned_pages={d: pages for d, _, pages in f.beitraege if pages},
        issn_print=f.issn.druck, issn_online=f.issn.online, publisher=publisher,
    )
    return issue, ctx.problems
