"""The typed front-matter model of a contribution and its field rules (one place)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from . import messages as M
from .diagnostics import Diagnostic, diag, suggest
from .frontmatter import FrontMatter
from .taxonomy import Taxonomy

DEFAULT_LICENSE = "CC BY 4.0"
DRAFT, RELEASED = "entwurf", "freigegeben"
STATUSES = (DRAFT, RELEASED)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TODO = "TODO"


@dataclass(frozen=True)
class Author:
    name: str
    affiliation: str = ""


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter key: its type, whether it is required, and its German description."""

    key: str
    kind: str  # str | list | authors | date
    required: bool
    doc: str
    example: str


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "str", True, "Titel des Beitrags", "Wächterhäuser im Leipziger Westen"),
    FieldSpec("subtitle", "str", False, "Untertitel", "Wie Leerstand zur Ressource wurde"),
    FieldSpec("authors", "authors", True, "Autorinnen und Autoren: Liste aus `name` und `affiliation`",
              "[{name: Erika Muster, affiliation: Stadt Leipzig}]"),
    FieldSpec("date", "date", True, "Datum im Format JJJJ-MM-TT", "2014-09-18"),
    FieldSpec("abstract", "str", False, "Kurzfassung in 1–3 Sätzen; Pflicht für Praxisfälle", "In Lindenau …"),
    FieldSpec("keywords", "list", False, "Schlagwörter", "[Leerstand, Zwischennutzung]"),
    FieldSpec("license", "str", False, f"Lizenz; ohne Angabe {DEFAULT_LICENSE}", DEFAULT_LICENSE),
    FieldSpec("art", "str", True, "Art des Beitrags (siehe unten)", "praxisfall"),
    FieldSpec("themenfeld", "str", True, "genau ein Themenfeld (Kennung, siehe unten)", "oekonomische-innovation"),
    FieldSpec("projektfamilien", "list", True, "mindestens eine Projektfamilie des Themenfelds", "[zwischennutzung]"),
    FieldSpec("aufgaben", "list", False, "strategische Aufgaben (Kennungen, siehe unten)", "[quartier-stadt]"),
    FieldSpec("stadt", "str", False, "Stadt; muss zum Ordner passen", "leipzig"),
    FieldSpec("status", "str", False, "„entwurf“ (geprüft, in der Vorschau sichtbar, nie veröffentlicht) oder "
              "„freigegeben“ (Standard)", "entwurf"),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)


@dataclass
class Contribution:
    """A validated contribution's metadata (docname is relative to docs/, without suffix)."""

    path: str
    docname: str
    stadt: str
    slug: str
    title: str
    authors: tuple[Author, ...]
    date: dt.date
    art: str
    themenfeld: str
    projektfamilien: tuple[str, ...]
    subtitle: str = ""
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    license: str = DEFAULT_LICENSE
    aufgaben: tuple[str, ...] = ()
    status: str = RELEASED
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def is_draft(self) -> bool:
        return self.status == DRAFT


def _is_todo(value: Any) -> bool:
    return isinstance(value, str) and value.strip().upper().startswith(TODO)


def _check_type(spec: FieldSpec, value: Any, fm: FrontMatter, path: str) -> list[Diagnostic]:
    line = fm.line(spec.key)
    expected = {"str": "str", "list": "list", "authors": "list", "date": "date"}[spec.kind]
    if spec.kind == "date":
        if isinstance(value, dt.datetime):
            return []
        if isinstance(value, dt.date):
            return []
        return [diag(path, line, "date", value)]
    if spec.kind == "str":
        if isinstance(value, str) and value.strip():
            return []
        if isinstance(value, int | float) and not isinstance(value, bool) and spec.key in ("title", "subtitle"):
            return []
    if spec.kind in ("list", "authors"):
        if isinstance(value, list) and value:
            bad = [i for i, item in enumerate(value) if spec.kind == "list" and not isinstance(item, str)]
            if not bad:
                return []
            return [diag(path, fm.line(spec.key, bad[0]), "type", f"{spec.key}[{bad[0] + 1}]",
                         M.TYPE_NAMES["str"], M.type_name(value[bad[0]]))]
        if isinstance(value, str) and spec.kind == "list" and value.strip():
            return []  # a single id is accepted as a one-element list
    return [diag(path, line, "type", spec.key, M.TYPE_NAMES[expected], M.type_name(value))]


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _authors(value: list[Any], fm: FrontMatter, path: str) -> tuple[tuple[Author, ...], list[Diagnostic]]:
    authors: list[Author] = []
    problems: list[Diagnostic] = []
    for i, item in enumerate(value):
        line = fm.line("authors", i)
        if isinstance(item, str) and item.strip():
            authors.append(Author(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            extra = sorted(set(map(str, item)) - {"name", "affiliation", "email", "orcid", "corresponding"})
            aff = item.get("affiliation", "")
            if extra:
                problems.append(diag(path, line, "author", i + 1, f"unbekannte Angabe „{extra[0]}“"))
            elif not isinstance(aff, str):
                problems.append(diag(path, line, "author", i + 1, "„affiliation“ muss ein Text sein"))
            else:
                authors.append(Author(item["name"].strip(), aff.strip()))
        else:
            problems.append(diag(path, line, "author", i + 1, "„name“ fehlt"))
    return tuple(authors), problems


def _check_ids(key: str, values: list[str], allowed: dict[str, Any], code: str,
               fm: FrontMatter, path: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    seen: set[str] = set()
    for i, v in enumerate(values):
        line = fm.line(key, i)
        if _is_todo(v):
            problems.append(diag(path, line, "todo", key))
        elif v not in allowed:
            problems.append(diag(path, line, code, v, M.join_or(list(allowed)), hint=suggest(v, allowed)))
        elif v in seen:
            problems.append(diag(path, line, "duplicate_value", v, key))
        seen.add(v)
    return problems


def declared_status(data: Any, text: str = "") -> str:
    """The status a file declares, read leniently: drafts must be recognised even when their front
    matter has errors (a fresh import full of TODOs must never block a build)."""
    if isinstance(data, dict) and str(data.get("status", "")).strip().lower() == DRAFT:
        return DRAFT
    if data is None and re.search(r"^status:\s*[\"']?entwurf\b", text, re.MULTILINE):
        return DRAFT
    return RELEASED


def sentence_count(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])", text.strip()) if s])


def from_frontmatter(fm: FrontMatter, path: str, docname: str, folder_city: str,
                     slug: str, tax: Taxonomy) -> tuple[Contribution | None, list[Diagnostic]]:
    """Validate front matter against the model; return the contribution (None if invalid) and diagnostics."""
    data = fm.data
    if not isinstance(data, dict):
        return None, [diag(path, fm.start, "frontmatter_type", M.type_name(data))]
    problems: list[Diagnostic] = []
    for key in data:
        if str(key) not in FIELD_KEYS:
            problems.append(diag(path, fm.line(str(key)), "key_unknown", key, hint=suggest(str(key), FIELD_KEYS)))
    values: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.key not in data or data[spec.key] is None:
            if spec.required:
                problems.append(diag(path, fm.start, "key_missing", spec.key))
            continue
        value = data[spec.key]
        if _is_todo(value):
            problems.append(diag(path, fm.line(spec.key), "todo", spec.key))
            continue
        type_problems = _check_type(spec, value, fm, path)
        problems += type_problems
        if not type_problems:
            values[spec.key] = value

    if "authors" in values:
        values["authors"], more = _authors(values["authors"], fm, path)
        problems += more
    if "art" in values and values["art"] not in tax.kinds:
        art = values.pop("art")
        problems.append(diag(path, fm.line("art"), "art", art, M.join_or(list(tax.kinds)),
                             hint=suggest(art, tax.kinds)))
    field_id = values.get("themenfeld")
    if field_id is not None and field_id not in tax.fields:
        problems.append(diag(path, fm.line("themenfeld"), "themenfeld", field_id, M.join_or(list(tax.fields)),
                             hint=suggest(field_id, [*tax.fields, *(f.label for f in tax.fields.values())])))
        values.pop("themenfeld")
    if "projektfamilien" in values:
        fams = _as_list(values["projektfamilien"])
        problems += _check_ids("projektfamilien", fams, tax.families, "projektfamilie", fm, path)
        for i, fam in enumerate(fams):
            if fam in tax.families and field_id in tax.fields and tax.families[fam].field != field_id:
                line = fm.line("projektfamilien", i)
                problems.append(diag(path, line, "projektfamilie_themenfeld", fam, field_id, tax.families[fam].field))
        values["projektfamilien"] = tuple(fams)
    if "aufgaben" in values:
        tasks = _as_list(values["aufgaben"])
        problems += _check_ids("aufgaben", tasks, tax.tasks, "aufgabe", fm, path)
        values["aufgaben"] = tuple(tasks)
    if "keywords" in values:
        values["keywords"] = tuple(_as_list(values["keywords"]))
    if "status" in values and values["status"] not in STATUSES:
        status = values.pop("status")
        problems.append(diag(path, fm.line("status"), "status", status, M.join_or(list(STATUSES)),
                             hint=suggest(status, STATUSES)))
    stadt = values.get("stadt")
    if stadt is not None and stadt != folder_city:
        problems.append(diag(path, fm.line("stadt"), "stadt", stadt, folder_city, hint=suggest(stadt, [folder_city])))
    if values.get("art") == "praxisfall" and "abstract" not in values and "abstract" not in data:
        problems.append(diag(path, fm.start, "abstract"))
    if "abstract" in values and sentence_count(str(values["abstract"])) > 3:
        problems.append(diag(path, fm.line("abstract"), "abstract_length", sentence_count(values["abstract"])))
    if isinstance(values.get("date"), dt.datetime):
        values["date"] = values["date"].date()
    if any(p.is_error for p in problems):
        return None, problems
    contribution = Contribution(
        path=path,
        docname=docname,
        stadt=folder_city,
        slug=slug,
        title=str(values["title"]).strip(),
        subtitle=str(values.get("subtitle", "")).strip(),
        authors=values["authors"],
        date=values["date"],
        art=values["art"],
        themenfeld=values["themenfeld"],
        projektfamilien=values["projektfamilien"],
        abstract=" ".join(str(values.get("abstract", "")).split()),
        keywords=values.get("keywords", ()),
        license=str(values.get("license", DEFAULT_LICENSE)),
        aufgaben=values.get("aufgaben", ()),
        status=str(values.get("status", RELEASED)),
        lines={k[0]: v for k, v in fm.lines.items() if len(k) == 1 and isinstance(k[0], str)},
    )
    return contribution, problems
