"""The koopBLATT issue manifest `koopblatt/<nr>/ausgabe.yml`: one typed model, validated in one place."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import messages as M
from .body import resolve
from .diagnostics import Diagnostic, diag, suggest
from .frontmatter import load_yaml

FORMATS = {"a4": (210.0, 297.0), "a5": (148.0, 210.0), "din-lang": (99.0, 210.0)}
COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
KEYS = ("nummer", "jahr", "datum", "titel", "untertitel", "editorial", "format", "schnittmarken",
        "beitraege", "impressum", "cover")
IMPRINT_KEYS = ("herausgeber", "anschrift", "telefon", "email", "web", "redaktion", "gestaltung", "druck",
                "foerderung", "hinweis")


@dataclass
class Imprint:
    publisher: str
    address: tuple[str, ...]
    phone: str = ""
    email: str = ""
    web: str = ""
    editors: tuple[str, ...] = ()
    design: str = ""
    printing: str = ""
    funding: str = ""
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

    @property
    def id(self) -> str:
        return f"koopblatt-{self.number}"


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    return str(value).strip() if isinstance(value, str | int | float) else ""


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if isinstance(v, str | int))
    return ()


def load(path: Path, shown: str, docs: Path, root: Path) -> tuple[Issue | None, list[Diagnostic]]:
    """Validate `ausgabe.yml`; contribution paths are checked against files under docs/."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [diag(shown, 1, "encoding", hex(exc.object[exc.start]), exc.start)]
    fm, problems = load_yaml(text, 1, shown)
    if fm is None:
        return None, problems
    data = fm.data
    if not isinstance(data, dict):
        return None, [diag(shown, 1, "frontmatter_type", M.type_name(data))]
    for key in data:
        if key not in KEYS:
            problems.append(diag(shown, fm.line(str(key)), "key_unknown", key, hint=suggest(str(key), KEYS)))
    for key in ("nummer", "jahr", "titel", "editorial", "beitraege", "impressum"):
        if key not in data:
            problems.append(diag(shown, 1, "key_missing", key))
    number, year = data.get("nummer"), data.get("jahr")
    for key, value in (("nummer", number), ("jahr", year)):
        if key in data and (not isinstance(value, int) or isinstance(value, bool)):
            problems.append(diag(shown, fm.line(key), "type", key, M.TYPE_NAMES["int"], M.type_name(value)))
    if isinstance(number, int) and path.parent.name != str(number):
        problems.append(diag(shown, fm.line("nummer"), "manifest_number", number, path.parent.name))
    date = data.get("datum", dt.date(year, 6, 1) if isinstance(year, int) and 1900 < year < 3000 else None)
    if not isinstance(date, dt.date):
        problems.append(diag(shown, fm.line("datum"), "date", data.get("datum")))
    fmt = data.get("format", "a4")
    if not isinstance(fmt, str) or fmt not in FORMATS:
        problems.append(diag(shown, fm.line("format"), "manifest_format", fmt, M.join_or(list(FORMATS)),
                             hint=suggest(str(fmt), FORMATS)))
    crop = data.get("schnittmarken", False)
    if not isinstance(crop, bool):
        problems.append(diag(shown, fm.line("schnittmarken"), "type", "schnittmarken", M.TYPE_NAMES["bool"],
                             M.type_name(crop)))
    folder = path.parent
    editorial = folder / _text(data, "editorial")
    editorial_resolved = resolve(editorial)
    if "editorial" in data and (not _text(data, "editorial") or editorial_resolved is None
                                or not editorial_resolved.is_file()
                                or not editorial_resolved.is_relative_to(folder.resolve())):
        problems.append(diag(shown, fm.line("editorial"), "manifest_file", data.get("editorial")))
    docnames: list[str] = []
    entry_lines: dict[str, int] = {}
    entries = data.get("beitraege", [])
    if not isinstance(entries, list) or ("beitraege" in data and not entries):
        problems.append(diag(shown, fm.line("beitraege"), "type", "beitraege", M.TYPE_NAMES["list"],
                             M.type_name(entries)))
        entries = []
    for i, entry in enumerate(entries):
        line = fm.line("beitraege", i)
        target = resolve(docs / entry) if isinstance(entry, str) else None
        if target is None or not target.is_relative_to((docs / "beitraege").resolve()) or not target.is_file() \
                or target.suffix != ".md":
            problems.append(diag(shown, line, "manifest_path", entry))
            continue
        docname = target.relative_to(docs.resolve()).with_suffix("").as_posix()
        if docname in docnames:
            problems.append(diag(shown, line, "manifest_duplicate", entry))
            continue
        docnames.append(docname)
        entry_lines[docname] = line
    imprint_raw = data.get("impressum", {})
    if not isinstance(imprint_raw, dict):
        problems.append(diag(shown, fm.line("impressum"), "type", "impressum", M.TYPE_NAMES["dict"],
                             M.type_name(imprint_raw)))
        imprint_raw = {}
    for key in imprint_raw:
        if key not in IMPRINT_KEYS:
            problems.append(diag(shown, fm.line("impressum", str(key)), "key_unknown", key,
                                 hint=suggest(str(key), IMPRINT_KEYS)))
    if "impressum" in data and not _text(imprint_raw, "herausgeber"):
        problems.append(diag(shown, fm.line("impressum"), "key_missing", "impressum.herausgeber"))
    cover_raw = data.get("cover", {}) or {}
    if not isinstance(cover_raw, dict):
        problems.append(diag(shown, fm.line("cover"), "type", "cover", M.TYPE_NAMES["dict"], M.type_name(cover_raw)))
        cover_raw = {}
    colour = _text(cover_raw, "farbe") or "#1F5FA8"
    if not COLOUR_RE.match(colour):
        problems.append(diag(shown, fm.line("cover", "farbe"), "manifest_colour", colour))
    image: Path | None = None
    if _text(cover_raw, "bild"):
        image = resolve(folder / _text(cover_raw, "bild"))
        if image is None or not image.is_relative_to(folder.resolve()):
            problems.append(diag(shown, fm.line("cover", "bild"), "path_outside", cover_raw["bild"]))
        elif not image.is_file():
            problems.append(diag(shown, fm.line("cover", "bild"), "manifest_file", cover_raw["bild"]))
        if not _text(cover_raw, "alt"):
            problems.append(diag(shown, fm.line("cover", "bild"), "figure_alt", cover_raw["bild"]))
    if any(p.is_error for p in problems):
        return None, problems
    imprint = Imprint(
        publisher=_text(imprint_raw, "herausgeber"),
        address=_texts(imprint_raw.get("anschrift")),
        phone=_text(imprint_raw, "telefon"),
        email=_text(imprint_raw, "email"),
        web=_text(imprint_raw, "web"),
        editors=_texts(imprint_raw.get("redaktion")),
        design=_text(imprint_raw, "gestaltung"),
        printing=_text(imprint_raw, "druck"),
        funding=_text(imprint_raw, "foerderung"),
        note=_text(imprint_raw, "hinweis"),
    )
    assert isinstance(number, int) and isinstance(year, int) and isinstance(date, dt.date)
    issue = Issue(
        number=number, year=year, date=date, title=_text(data, "titel"), subtitle=_text(data, "untertitel"),
        folder=folder, editorial=editorial, contributions=tuple(docnames), imprint=imprint,
        cover=Cover(image, _text(cover_raw, "alt"), colour), format=str(fmt), crop_marks=bool(crop),
        lines={str(k[0]): v for k, v in fm.lines.items() if len(k) == 1}, entry_lines=entry_lines,
    )
    return issue, problems
