"""The contribution front matter and the issue manifest, each described once, as data.

As in myst-parser's `MdParserConfig`, every key is a typed dataclass field whose metadata carries
its validator, German help text and example, and whether it is required. Everything else is derived
from that one description: validation (`check_mapping`, used by `model` and `manifest`), the author
guide's key table (`guide_rows`), the scaffold's commented front matter and the JSON Schemas in
`schema/` (`json_schema`; `python -m pipeline.schema` rewrites them).

A validator reports located diagnostics and returns the converted value (or `INVALID`); it also
describes itself as JSON Schema and names the ids it allows (for the scaffold's comments).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import MISSING, dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from . import messages as M
from . import typography
from .body import IMAGE_SUFFIXES, is_todo, resolve
from .diagnostics import Diagnostic, diag, suggest, suggest_path
from .frontmatter import FrontMatter, KeyPath
from .paths import CONTRIB_DIR, PUBLISHER_FILE
from .taxonomy import Taxonomy

DEFAULT_LICENSE = "CC BY 4.0"
DRAFT, RELEASED = "entwurf", "freigegeben"
STATUSES = (DRAFT, RELEASED)
# The page formats a koopBLATT can be set in (width, height in mm); the print builder keeps its type area per
# format (`typst.measures.PAGES`, same keys: a test holds them together). Anything else is `koop.manifest_format`.
FORMATS = {"a4": (210.0, 297.0), "a5": (148.0, 210.0)}
COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
DEFAULT_COLOUR = "#1F5FA8"
AUTHOR_KEYS = ("name", "affiliation", "email", "orcid", "corresponding")
IMAGE_TYPES = tuple(sorted(IMAGE_SUFFIXES))
JSON_SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = "schema"


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()  # a validator's result for a value it has reported


@dataclass(frozen=True)
class Author:
    name: str
    affiliation: str = ""


# -- where a value is ------------------------------------------------------------------------------------------


@dataclass
class Context:
    """The file being validated: shown path, YAML lines, taxonomy, folders; collects the diagnostics."""

    path: str
    fm: FrontMatter
    tax: Taxonomy
    folder: Path  # the contribution's city folder or the issue's folder
    docs: Path
    city: str = ""  # the city folder of a contribution
    problems: list[Diagnostic] = field(default_factory=list)

    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)


@dataclass(frozen=True)
class At:
    """One value: its key path (for lines and names), the values validated before it, its field's example."""

    ctx: Context
    key: KeyPath
    siblings: Mapping[str, Any]
    example: str = ""  # `key: value` as an author would write it

    @property
    def name(self) -> str:
        """The key as messages show it: `impressum.herausgeber`, `keywords[2]`."""
        text = ""
        for part in self.key:
            text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text

    def line(self, *sub: str | int) -> int:
        return self.ctx.fm.line(*self.key, *sub)

    def item(self, index: int) -> At:
        return At(self.ctx, (*self.key, index), self.siblings, self.example)

    def report(self, code: str, *args: object, hint: str = "") -> Any:
        self.ctx.problems.append(diag(self.ctx.path, self.line(), code, *args, hint=hint))
        return INVALID


def is_absent(value: Any) -> bool:
    """None, an empty text, list or mapping: the key counts as not given."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | dict) and not value)


def flow_yaml(value: Any) -> str:
    """One YAML value on one line, quoted only where YAML needs it."""
    if isinstance(value, tuple):
        value = list(value)
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1_000_000, sort_keys=False)
    return text.strip().removesuffix("...").strip()


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def sentence_count(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])", text.strip()) if s])


# -- validators ------------------------------------------------------------------------------------------------

Choices = list[tuple[str, dict[str, str]]]  # (group heading or "", {id: label})


class Validator:
    """Checks and converts one value; describes itself as JSON Schema."""

    type_name: ClassVar[str] = "str"  # key of messages.TYPE_NAMES for a value of the wrong type

    def __call__(self, at: At, value: Any) -> Any:
        raise NotImplementedError

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        raise NotImplementedError

    def choices(self, tax: Taxonomy) -> Choices:
        """The allowed ids with their German labels, for comments and enum descriptions."""
        return []

    def rules(self, name: str, tax: Taxonomy) -> list[dict[str, Any]]:
        """JSON Schema rules that tie this key to others (if/then)."""
        return []

    def wrong_type(self, at: At, value: Any, expected: str = "") -> Any:
        hint = M.TYPE_HINT.format(at.example) if at.example else ""
        return at.report("type", at.name, expected or M.TYPE_NAMES[self.type_name], M.type_name(value), hint=hint)


@dataclass(frozen=True)
class Text(Validator):
    numbers: bool = False  # a number is read as text (a title "1989", a phone number)
    sentences: int = 0  # at most this many sentences (abstract_length); whitespace is collapsed

    def __call__(self, at: At, value: Any) -> Any:
        accepted = (str, int, float) if self.numbers else (str,)
        if isinstance(value, bool) or not isinstance(value, accepted):
            return self.wrong_type(at, value)
        text = str(value).strip()
        if self.sentences:
            text = " ".join(text.split())
            if (count := sentence_count(text)) > self.sentences:
                return at.report("abstract_length", count)
        return text

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return {"type": ["string", "number"]} if self.numbers else {"type": "string", "minLength": 1}


@dataclass(frozen=True)
class Title(Text):
    """A title: plain text (no Markdown: MyST would set it in the page's heading, the other outputs print its
    characters), with the quotes MyST sets (`typography`)."""

    def __call__(self, at: At, value: Any) -> Any:
        text = super().__call__(at, value)
        if not isinstance(text, str):
            return text
        if (markup := typography.inline_markup(text)) is not None:
            return at.report("title_markup", at.name, markup)
        return typography.typographic(text)


@dataclass(frozen=True)
class Texts(Validator):
    """A list of texts; a single text is a one-element list."""

    numbers: bool = False
    type_name: ClassVar[str] = "list"

    def __call__(self, at: At, value: Any) -> Any:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            return self.wrong_type(at, value)
        accepted = (str, int, float) if self.numbers else (str,)
        for i, item in enumerate(items):
            if isinstance(item, bool) or not isinstance(item, accepted):
                return self.wrong_type(at.item(i), item, M.TYPE_NAMES["str"])
        return tuple(str(item).strip() for item in items)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        item: dict[str, Any] = {"type": ["string", "number"]} if self.numbers else {"type": "string"}
        return {"anyOf": [item, {"type": "array", "items": item}]}


@dataclass(frozen=True)
class Integer(Validator):
    minimum: int = 1
    maximum: int = 0  # 0: no upper bound
    expected: str = ""  # how messages name the expected value (default: "eine Zahl")
    type_name: ClassVar[str] = "int"

    def __call__(self, at: At, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum \
                or (self.maximum and value > self.maximum):
            return self.wrong_type(at, value, self.expected)
        return value

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer", "minimum": self.minimum}
        return out | ({"maximum": self.maximum} if self.maximum else {})


@dataclass(frozen=True)
class IssueNumber(Integer):
    """The issue number; it must equal the name of the issue's folder."""

    def __call__(self, at: At, value: Any) -> Any:
        number = super().__call__(at, value)
        if number is not INVALID and str(number) != at.ctx.folder.name:
            return at.report("manifest_number", number, at.ctx.folder.name)
        return number


@dataclass(frozen=True)
class Boolean(Validator):
    type_name: ClassVar[str] = "bool"

    def __call__(self, at: At, value: Any) -> Any:
        return value if isinstance(value, bool) else self.wrong_type(at, value)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Date(Validator):
    type_name: ClassVar[str] = "date"

    def __call__(self, at: At, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return at.report("date", value)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        # editors read an unquoted 2014-09-18 as text (YAML 1.2); the pipeline as a date
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def kinds(tax: Taxonomy) -> dict[str, str]:
    return {k.id: k.label for k in tax.kinds.values()}


def themenfelder(tax: Taxonomy) -> dict[str, str]:
    return {f.id: f.label for f in tax.fields.values()}


def projektfamilien(tax: Taxonomy) -> dict[str, str]:
    return {p.id: p.label for p in tax.families.values()}


def aufgaben(tax: Taxonomy) -> dict[str, str]:
    return {t.id: t.label for t in tax.tasks.values()}


def staedte(tax: Taxonomy) -> dict[str, str]:
    return {c.id: c.label for c in tax.cities.values()}


def statuses(tax: Taxonomy) -> dict[str, str]:
    return {s: M.STATUS_LABELS[s] for s in STATUSES}


def formats(tax: Taxonomy) -> dict[str, str]:
    return {f: M.FORMAT_LABELS[f] for f in FORMATS}


def _aliases(tax: Taxonomy) -> dict[str, str]:
    """Labels an author might write instead of an id (→ the id to suggest)."""
    out = {k.plural: k.id for k in tax.kinds.values()} | {f.short: f.id for f in tax.fields.values()}
    out |= {label: ident for source in (kinds, themenfelder, projektfamilien, aufgaben, staedte)
            for ident, label in source(tax).items()}
    return out


def _enum(options: Mapping[str, str]) -> dict[str, Any]:
    return {"type": "string", "enum": list(options), "enumDescriptions": list(options.values())}


@dataclass(frozen=True)
class OneOf(Validator):
    """One id of a list (from the taxonomy); unknown ids get a suggestion, also for a label written instead."""

    options: Callable[[Taxonomy], dict[str, str]]
    code: str

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(at, value)
        allowed = self.options(at.ctx.tax)
        if value in allowed:
            return value
        aliases = {k: v for k, v in _aliases(at.ctx.tax).items() if v in allowed}
        return at.report(self.code, value, M.join_or(list(allowed)), hint=suggest(value, allowed, aliases))

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return _enum(self.options(tax))

    def choices(self, tax: Taxonomy) -> Choices:
        return [("", self.options(tax))]


@dataclass(frozen=True)
class Ids(Validator):
    """At least one id of a list, each once; a single id is a one-element list."""

    options: Callable[[Taxonomy], dict[str, str]]
    code: str
    type_name: ClassVar[str] = "list"

    def __call__(self, at: At, value: Any) -> Any:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            return self.wrong_type(at, value)
        allowed = self.options(at.ctx.tax)
        aliases = {k: v for k, v in _aliases(at.ctx.tax).items() if v in allowed}
        before = at.ctx.errors()
        seen: set[str] = set()
        for i, item in enumerate(items):
            here = at.item(i)
            if not isinstance(item, str):
                self.wrong_type(here, item, M.TYPE_NAMES["str"])
            elif is_todo(item):
                here.report("todo", at.name)
            elif item not in allowed:
                here.report(self.code, item, M.join_or(list(allowed)), hint=suggest(item, allowed, aliases))
            elif item in seen:
                here.report("duplicate_value", item, at.name)
            if isinstance(item, str):
                seen.add(item)
        self.related(at, [(i, item) for i, item in enumerate(items) if isinstance(item, str) and item in allowed])
        return INVALID if at.ctx.errors() > before else tuple(items)

    def related(self, at: At, ids: list[tuple[int, str]]) -> None:
        """Rules between these ids and other keys (reported on the item)."""

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return self.list_json(self.options(tax))

    @staticmethod
    def list_json(options: Mapping[str, str]) -> dict[str, Any]:
        one = _enum(options)
        return {"anyOf": [one, {"type": "array", "items": one, "minItems": 1, "uniqueItems": True}]}

    def choices(self, tax: Taxonomy) -> Choices:
        return [("", self.options(tax))]


@dataclass(frozen=True)
class Families(Ids):
    """Projektfamilien: each must belong to the Themenfeld given before them."""

    within: str = "themenfeld"

    def related(self, at: At, ids: list[tuple[int, str]]) -> None:
        tax, parent = at.ctx.tax, at.siblings.get(self.within)
        if parent not in tax.fields:
            return
        for i, fam in ids:
            if tax.families[fam].field != parent:
                at.item(i).report("projektfamilie_themenfeld", fam, parent, tax.families[fam].field)

    def choices(self, tax: Taxonomy) -> Choices:
        return [(f.id, {p: tax.families[p].label for p in f.families}) for f in tax.fields.values()]

    def rules(self, name: str, tax: Taxonomy) -> list[dict[str, Any]]:
        out = []
        for f in tax.fields.values():
            own = self.list_json({p: tax.families[p].label for p in f.families})
            out.append({"if": {"properties": {self.within: {"const": f.id}}, "required": [self.within]},
                        "then": {"properties": {name: own}}})
        return out


@dataclass(frozen=True)
class FolderCity(Validator):
    """The city, if given, must be the folder the contribution lies in."""

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(at, value)
        if value != at.ctx.city:
            return at.report("stadt", value, at.ctx.city, hint=suggest(value, [at.ctx.city]))
        return value

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return _enum(staedte(tax))

    def choices(self, tax: Taxonomy) -> Choices:
        return [("", staedte(tax))]


@dataclass(frozen=True)
class Authors(Validator):
    type_name: ClassVar[str] = "list"

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, list):
            return self.wrong_type(at, value)
        authors: list[Author] = []
        for i, item in enumerate(value):
            here = at.item(i)
            if isinstance(item, str) and item.strip():
                authors.append(Author(item.strip()))
            elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
                extra = sorted(set(map(str, item)) - set(AUTHOR_KEYS))
                affiliation = item.get("affiliation", "")
                if extra:
                    here.report("author", i + 1, M.AUTHOR_UNKNOWN_KEY.format(extra[0]))
                elif not isinstance(affiliation, str):
                    here.report("author", i + 1, M.AUTHOR_AFFILIATION)
                else:
                    authors.append(Author(item["name"].strip(), affiliation.strip()))
            else:
                here.report("author", i + 1, M.AUTHOR_NAME)
        return tuple(authors) if len(authors) == len(value) else INVALID

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        person = {"type": "object", "required": ["name"], "additionalProperties": False,
                  "properties": {"name": {"type": "string", "minLength": 1}, "affiliation": {"type": "string"},
                                 "email": {"type": "string"}, "orcid": {"type": "string"},
                                 "corresponding": {"type": "boolean"}}}
        return {"type": "array", "minItems": 1, "items": {"anyOf": [{"type": "string", "minLength": 1}, person]}}


@dataclass(frozen=True)
class Colour(Validator):
    def __call__(self, at: At, value: Any) -> Any:
        text = str(value).strip()
        return text if isinstance(value, str) and COLOUR_RE.match(text) else at.report("manifest_colour", value)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return {"type": "string", "pattern": COLOUR_RE.pattern}


ISSN_RE = re.compile(r"^\d{4}-\d{3}[\dX]$")


def issn_valid(text: str) -> bool:
    """An ISSN as ISO 3297 writes it („1234-5679“): seven digits and the check digit (mod 11, „X“ for 10)."""
    if not ISSN_RE.match(text):
        return False
    digits = text.replace("-", "")
    remainder = sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1), strict=True)) % 11
    check = (11 - remainder) % 11
    return digits[7] == ("X" if check == 10 else str(check))


@dataclass(frozen=True)
class Issn(Validator):
    """An ISSN with a correct check digit; a lower-case „x“ is read as „X“."""

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(at, value)
        text = value.strip().upper()
        return text if issn_valid(text) else at.report("manifest_issn", value.strip())

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return {"type": "string", "pattern": ISSN_RE.pattern}


@dataclass(frozen=True)
class IssueFile(Validator):
    """A file in the issue's folder; `outside` is the code for a path that leaves it."""

    outside: str = "manifest_file"
    suffixes: tuple[str, ...] = ()
    missing: str = "manifest_file"

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(at, value)
        folder = at.ctx.folder
        target = resolve(folder / value.strip())
        if target is None or not target.is_relative_to(folder.resolve()):
            return at.report(self.outside, value)
        if not target.is_file():
            here = [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*")) if p.is_file()
                    and (not self.suffixes or p.suffix.lower() in self.suffixes)]
            return at.report(self.missing, value, hint=suggest_path(value, here))
        return target

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.suffixes:
            out["pattern"] = r"\.(" + "|".join(s.lstrip(".") for s in self.suffixes) + r")$"
        return out


@dataclass(frozen=True)
class IssueContents(Validator):
    """The contributions of an issue: paths under docs/, in print order, each once; an entry is a path or a
    mapping `{pfad, seiten}` (`EntryFields`, a page budget for the flatplan) → ((docname, line, pages), …),
    pages 0 where none is planned."""

    type_name: ClassVar[str] = "list"

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, list):
            return self.wrong_type(at, value)
        docs = at.ctx.docs.resolve()
        existing: list[str] | None = None
        entries: list[tuple[str, int, int]] = []
        before = at.ctx.errors()
        for i, entry in enumerate(value):
            here = at.item(i)
            pages = 0
            if isinstance(entry, dict):
                errors = at.ctx.errors()
                values = check_mapping(EntryFields, entry, here)
                if at.ctx.errors() > errors or "pfad" not in values:
                    continue
                entry, pages = values["pfad"], values.get("seiten", 0)
            target = resolve(at.ctx.docs / entry) if isinstance(entry, str) else None
            if target is None or not target.is_relative_to(docs / CONTRIB_DIR) or not target.is_file() \
                    or target.suffix != ".md":
                if existing is None:
                    existing = [p.relative_to(docs).as_posix() for p in (docs / CONTRIB_DIR).rglob("*.md")]
                here.report("manifest_path", entry, hint=suggest_path(str(entry), existing))
                continue
            docname = target.relative_to(docs).with_suffix("").as_posix()
            if docname in (d for d, _, _ in entries):
                here.report("manifest_duplicate", entry)
                continue
            entries.append((docname, here.line(), pages))
        return INVALID if at.ctx.errors() > before else tuple(entries)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        cities = "|".join(tax.cities)
        path = {"type": "string", "pattern": rf"^{CONTRIB_DIR}/({cities})/[a-z0-9-]+\.md$"}
        entry = _object(EntryFields, tax)
        entry["properties"]["pfad"] |= path
        return {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"anyOf": [path, entry]}}


@dataclass(frozen=True)
class Record(Validator):
    """A nested mapping, described by its own dataclass."""

    schema: type
    type_name: ClassVar[str] = "dict"

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, dict):
            return self.wrong_type(at, value)
        before = at.ctx.errors()
        values = check_mapping(self.schema, value, at)
        return INVALID if at.ctx.errors() > before else self.schema(**values)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return _object(self.schema, tax)


# -- fields ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    """A key that is required only if another key has a value (any value if `value` is None)."""

    key: str
    value: Any
    code: str  # reported without arguments when the key is missing
    label: str  # for the guide's "Pflicht" column and the scaffold


def meta(validator: Validator, name: str, when: When | None = None) -> dict[str, Any]:
    """A schema field's metadata (as in myst-parser's config): validator, German help text, example, and when a
    field with a default is required after all. `name` is the dotted key of its texts in the messages."""
    return {"validator": validator, "when": when, "help": M.FIELD_HELP[name], "example": M.FIELD_EXAMPLES.get(name)}


@dataclass(frozen=True)
class Spec:
    """One key as validation, the guide, the scaffold and the JSON Schema see it."""

    name: str
    validator: Validator
    required: bool
    when: When | None
    help: str
    example: Any
    default: Any  # MISSING for required keys

    @functools.cached_property
    def example_line(self) -> str:
        """`key: value` as an author writes it; empty without an example."""
        return f"{self.name}: {flow_yaml(self.example)}" if self.example is not None else ""

    def missing_hint(self, shown: str) -> str:
        return M.KEY_MISSING_HINT.format(shown, self.help, self.example_line) if self.example is not None else ""

    @property
    def need(self) -> str:
        return M.FM_REQUIRED if self.required else (self.when.label if self.when else M.FM_OPTIONAL)


@functools.cache
def specs(schema: type) -> tuple[Spec, ...]:
    """The validated keys of a schema (made once per schema: validation asks for them per file)."""
    out = []
    for f in dataclasses.fields(schema):
        if "validator" not in f.metadata:
            continue
        default = f.default_factory() if f.default_factory is not MISSING else f.default
        out.append(Spec(f.name, f.metadata["validator"], default is MISSING, f.metadata["when"],
                        f.metadata["help"], f.metadata["example"], default))
    return tuple(out)


def keys(schema: type) -> tuple[str, ...]:
    return tuple(s.name for s in specs(schema))


# -- the two files ---------------------------------------------------------------------------------------------


@dataclass(kw_only=True)
class ContributionFields:
    """The front matter of `docs/beitraege/<stadt>/<kurzname>.md`, in the order the scaffold writes it.

    A field without a default is required."""

    title: str = field(metadata=meta(Title(numbers=True), "title"))
    subtitle: str = field(default="", metadata=meta(Title(numbers=True), "subtitle"))
    authors: tuple[Author, ...] = field(metadata=meta(Authors(), "authors"))
    date: dt.date = field(metadata=meta(Date(), "date"))
    abstract: str = field(default="", metadata=meta(
        Text(sentences=3), "abstract", when=When("art", "praxisfall", "abstract", M.REQUIRED_FOR_PRAXISFALL)))
    keywords: tuple[str, ...] = field(default=(), metadata=meta(Texts(), "keywords"))
    license: str = field(default=DEFAULT_LICENSE, metadata=meta(Text(), "license"))
    art: str = field(metadata=meta(OneOf(kinds, "art"), "art"))
    themenfeld: str = field(metadata=meta(OneOf(themenfelder, "themenfeld"), "themenfeld"))
    projektfamilien: tuple[str, ...] = field(metadata=meta(Families(projektfamilien, "projektfamilie"),
                                                           "projektfamilien"))
    aufgaben: tuple[str, ...] = field(default=(), metadata=meta(Ids(aufgaben, "aufgabe"), "aufgaben"))
    stadt: str = field(default="", metadata=meta(FolderCity(), "stadt"))
    status: str = field(default=RELEASED, metadata=meta(OneOf(statuses, "status"), "status"))


@dataclass(frozen=True)
class Moved(Validator):
    """A key that used to be here and now lives in another file (written once there for every output)."""

    target: str

    def __call__(self, at: At, value: Any) -> Any:
        return at.report("publisher_moved", at.name, self.target)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return {"not": {}}


def _moved() -> Any:
    return field(default="", metadata=meta(Moved(PUBLISHER_FILE), "impressum.moved"))


@dataclass(kw_only=True)
class ImprintFields:
    """`impressum:` in the manifest: what belongs to this issue. The body that publishes it (name, address,
    contact, funding) is described once in `koopblatt/herausgeber.yml`; those keys are refused here."""

    redaktion: tuple[str, ...] = field(default=(), metadata=meta(Texts(), "impressum.redaktion"))
    gestaltung: str = field(default="", metadata=meta(Text(numbers=True), "impressum.gestaltung"))
    druck: str = field(default="", metadata=meta(Text(numbers=True), "impressum.druck"))
    hinweis: str = field(default="", metadata=meta(Text(numbers=True), "impressum.hinweis"))
    herausgeber: str = _moved()
    anschrift: str = _moved()
    telefon: str = _moved()
    email: str = _moved()
    web: str = _moved()
    foerderung: str = _moved()


@dataclass(kw_only=True)
class CoverFields:
    """`cover:` in the manifest."""

    bild: Path | None = field(default=None, metadata=meta(IssueFile("path_outside", IMAGE_TYPES), "cover.bild"))
    alt: str = field(default="", metadata=meta(
        Text(), "cover.alt", when=When("bild", None, "key_missing", M.REQUIRED_WITH_IMAGE)))
    farbe: str = field(default=DEFAULT_COLOUR, metadata=meta(Colour(), "cover.farbe"))


@dataclass(kw_only=True)
class IssnFields:
    """`issn:` in the manifest: the koopBLATT's ISSNs, of the printed and of the online edition (PDF, EPUB)."""

    druck: str = field(default="", metadata=meta(Issn(), "issn.druck"))
    online: str = field(default="", metadata=meta(Issn(), "issn.online"))


@dataclass(kw_only=True)
class EntryFields:
    """An entry of `beitraege:` written as a mapping, to plan its pages (the flatplan compares)."""

    pfad: str = field(metadata=meta(Text(), "beitraege.pfad"))
    seiten: int = field(default=0, metadata=meta(Integer(1, 999, M.PAGES_TYPE), "beitraege.seiten"))


@dataclass(kw_only=True)
class IssueFields:
    """The manifest `koopblatt/<nr>/ausgabe.yml`. A field without a default is required."""

    nummer: int = field(metadata=meta(IssueNumber(), "nummer"))
    jahr: int = field(metadata=meta(Integer(1900, 2999, M.YEAR_TYPE), "jahr"))
    datum: dt.date | None = field(default=None, metadata=meta(Date(), "datum"))
    titel: str = field(metadata=meta(Text(numbers=True), "titel"))
    untertitel: str = field(default="", metadata=meta(Text(numbers=True), "untertitel"))
    editorial: Path = field(metadata=meta(IssueFile("manifest_file", (".md",)), "editorial"))
    format: str = field(default="a4", metadata=meta(OneOf(formats, "manifest_format"), "format"))
    schnittmarken: bool = field(default=False, metadata=meta(Boolean(), "schnittmarken"))
    beitraege: tuple[tuple[str, int, int], ...] = field(metadata=meta(IssueContents(), "beitraege"))
    impressum: ImprintFields = field(default_factory=ImprintFields, metadata=meta(Record(ImprintFields), "impressum"))
    issn: IssnFields = field(default_factory=IssnFields, metadata=meta(Record(IssnFields), "issn"))
    cover: CoverFields = field(default_factory=CoverFields, metadata=meta(Record(CoverFields), "cover"))


# -- the publishing body: koopblatt/herausgeber.yml (pipeline/legal.py) --------------------------------------

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DURATION_RE = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")
ACCESSIBILITY = ("vollstaendig", "teilweise", "nicht")
VIDEO_TYPES = (".mp4", ".webm")


@dataclass(frozen=True)
class Pattern(Validator):
    """A text that must match a pattern (web address, e-mail address, duration); `code` names the fault."""

    regex: re.Pattern[str]
    code: str

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(at, value)
        text = value.strip()
        return text if self.regex.match(text) else at.report(self.code, text)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return {"type": "string", "pattern": self.regex.pattern}


@dataclass(frozen=True)
class Records(Validator):
    """A list of mappings, each described by the same dataclass."""

    schema: type
    type_name: ClassVar[str] = "list"

    def __call__(self, at: At, value: Any) -> Any:
        if not isinstance(value, list):
            return self.wrong_type(at, value)
        before = at.ctx.errors()
        items = [Record(self.schema)(at.item(i), item) for i, item in enumerate(value)]
        return INVALID if at.ctx.errors() > before else tuple(items)

    def json(self, tax: Taxonomy) -> dict[str, Any]:
        return {"type": "array", "items": _object(self.schema, tax)}


def levels(tax: Taxonomy) -> dict[str, str]:
    return {level: M.ACCESSIBILITY_LEVELS[level] for level in ACCESSIBILITY}


@dataclass(kw_only=True)
class PersonFields:
    """A person (or office) with address: the editorially responsible person, the data protection officer."""

    name: str = field(metadata=meta(Text(), "person.name"))
    anschrift: tuple[str, ...] = field(metadata=meta(Texts(numbers=True), "person.anschrift"))
    email: str = field(default="", metadata=meta(Pattern(EMAIL_RE, "email"), "person.email"))
    telefon: str = field(default="", metadata=meta(Text(numbers=True), "person.telefon"))
    fiktiv: bool = field(default=False, metadata=meta(Boolean(), "person.fiktiv"))


@dataclass(kw_only=True)
class ContactFields:
    """Where readers report barriers (BITV 2.0 § 7: reachable from every page)."""

    email: str = field(metadata=meta(Pattern(EMAIL_RE, "email"), "kontakt.email"))
    telefon: str = field(default="", metadata=meta(Text(numbers=True), "kontakt.telefon"))


@dataclass(kw_only=True)
class OfficeFields:
    """A public office readers can turn to: the Schlichtungsstelle, the data protection authority."""

    name: str = field(metadata=meta(Text(), "stelle.name"))
    url: str = field(metadata=meta(Pattern(URL_RE, "url"), "stelle.url"))
    anschrift: tuple[str, ...] = field(default=(), metadata=meta(Texts(numbers=True), "stelle.anschrift"))
    email: str = field(default="", metadata=meta(Pattern(EMAIL_RE, "email"), "stelle.email"))


@dataclass(kw_only=True)
class RestrictionFields:
    """A part that is not yet accessible (§ 12b Abs. 2 Nr. 1 BGG): what, why, and the accessible alternative."""

    bereich: str = field(metadata=meta(Text(), "barrierefreiheit.einschraenkungen.bereich"))
    grund: str = field(metadata=meta(Text(), "barrierefreiheit.einschraenkungen.grund"))
    alternative: str = field(metadata=meta(Text(), "barrierefreiheit.einschraenkungen.alternative"))


@dataclass(kw_only=True)
class AccessibilityFields:
    """`barrierefreiheit:` – the Erklärung zur Barrierefreiheit (§ 12b BGG)."""

    vereinbarkeit: str = field(metadata=meta(OneOf(levels, "accessibility_level"), "barrierefreiheit.vereinbarkeit"))
    erstellt: dt.date = field(metadata=meta(Date(), "barrierefreiheit.erstellt"))
    methode: str = field(default="", metadata=meta(Text(), "barrierefreiheit.methode"))
    einschraenkungen: tuple[RestrictionFields, ...] = field(default=(), metadata=meta(
        Records(RestrictionFields), "barrierefreiheit.einschraenkungen"))
    kontakt: ContactFields = field(metadata=meta(Record(ContactFields), "barrierefreiheit.kontakt"))
    schlichtung: OfficeFields = field(metadata=meta(Record(OfficeFields), "barrierefreiheit.schlichtung"))


@dataclass(kw_only=True)
class PrivacyFields:
    """`datenschutz:` – what the Datenschutzerklärung (Art. 13 DSGVO) needs beyond the body's own data."""

    beauftragter: PersonFields = field(metadata=meta(Record(PersonFields), "datenschutz.beauftragter"))
    aufsicht: OfficeFields = field(metadata=meta(Record(OfficeFields), "datenschutz.aufsicht"))
    speicherdauer: int = field(metadata=meta(Integer(1, 3650), "datenschutz.speicherdauer"))
    betrieb: str = field(default="", metadata=meta(Text(), "datenschutz.betrieb"))


@dataclass(kw_only=True)
class VideoFields:
    """One video in Deutsche Gebärdensprache."""

    datei: Path = field(metadata=meta(IssueFile("publisher_file", VIDEO_TYPES, "publisher_file"), "video.datei"))
    titel: str = field(metadata=meta(Text(), "video.titel"))
    dauer: str = field(metadata=meta(Pattern(DURATION_RE, "duration"), "video.dauer"))


@dataclass(kw_only=True)
class SignLanguageFields:
    """`gebaerdensprache:` – the videos of the Gebärdensprache page."""

    videos: tuple[VideoFields, ...] = field(default=(), metadata=meta(Records(VideoFields), "gebaerdensprache.videos"))


@dataclass(kw_only=True)
class PublisherFields:
    """`koopblatt/herausgeber.yml`: the body that publishes handbook, koopBLATT and e-books, once for all of them.
    A field without a default is required."""

    name: str = field(metadata=meta(Text(), "name"))
    traeger: str = field(metadata=meta(Text(), "traeger"))
    vertreten_durch: str = field(metadata=meta(Text(), "vertreten_durch"))
    anschrift: tuple[str, ...] = field(metadata=meta(Texts(numbers=True), "anschrift"))
    telefon: str = field(default="", metadata=meta(Text(numbers=True), "telefon"))
    email: str = field(metadata=meta(Pattern(EMAIL_RE, "email"), "email"))
    web: str = field(default="", metadata=meta(Text(), "web"))
    foerderung: str = field(default="", metadata=meta(Text(), "foerderung"))
    hinweis: str = field(default="", metadata=meta(Text(), "hinweis"))
    oeffentliche_stelle: bool = field(default=False, metadata=meta(Boolean(), "oeffentliche_stelle"))
    verantwortlich: PersonFields = field(metadata=meta(Record(PersonFields), "verantwortlich"))
    barrierefreiheit: AccessibilityFields = field(metadata=meta(Record(AccessibilityFields), "barrierefreiheit"))
    datenschutz: PrivacyFields = field(metadata=meta(Record(PrivacyFields), "datenschutz"))
    gebaerdensprache: SignLanguageFields = field(default_factory=SignLanguageFields, metadata=meta(
        Record(SignLanguageFields), "gebaerdensprache"))


# -- validation ------------------------------------------------------------------------------------------------


def check_mapping(schema: type, data: dict[Any, Any], at: At) -> dict[str, Any]:
    """Validate `data` against the fields of `schema`, reporting every problem; return the valid values."""
    fields = specs(schema)
    names = [s.name for s in fields]
    for name in data:
        if str(name) not in names:
            At(at.ctx, (*at.key, str(name)), {}).report("key_unknown", name, hint=suggest(str(name), names))
    values: dict[str, Any] = {}
    top = not at.key
    for spec in fields:
        here = At(at.ctx, (*at.key, spec.name), values, spec.example_line)
        value = data.get(spec.name)
        if is_absent(value):
            if spec.required and not (top and spec.name in at.ctx.fm.broken):
                at.report("key_missing", here.name, hint=spec.missing_hint(here.name))
            continue
        if is_todo(value):
            here.report("todo", here.name)
            continue
        result = spec.validator(here, value)
        if result is not INVALID:
            values[spec.name] = result
    for spec in fields:
        when = spec.when
        if when is None or not is_absent(data.get(spec.name)) or when.key not in values:
            continue
        if when.value is None or values[when.key] == when.value:
            if when.code == "key_missing":
                name = At(at.ctx, (*at.key, spec.name), values).name
                at.report(when.code, name, hint=spec.missing_hint(name))
            else:
                at.report(when.code)
    return values


def minimal(schema: type) -> dict[str, Any]:
    """The smallest valid mapping: every required key with its example (nested records filled the same way)."""
    return {s.name: minimal(s.validator.schema) if isinstance(s.validator, Record) else copy.deepcopy(s.example)
            for s in specs(schema) if s.required}


# -- the author guide, the scaffold, JSON Schema ---------------------------------------------------------------


def guide_rows(schema: type) -> list[list[str]]:
    """Key, required, meaning, example: one row per key (the author guide's table)."""
    return [[s.name, M.YES if s.required else (s.when.label if s.when else M.NO), s.help,
             flow_yaml(s.example) if s.example is not None else ""] for s in specs(schema)]


def nested_guide_rows(schema: type, prefix: str = "") -> list[list[str]]:
    """Like `guide_rows`, with the keys of nested records (and lists of records) as dotted rows below their key."""
    rows = []
    for s, row in zip(specs(schema), guide_rows(schema), strict=True):
        rows.append([prefix + row[0], *row[1:]])
        inner = getattr(s.validator, "schema", None)
        if isinstance(s.validator, Record | Records) and inner is not None:
            rows += nested_guide_rows(inner, f"{prefix}{s.name}{'[].' if isinstance(s.validator, Records) else '.'}")
    return rows


def _object(schema: type, tax: Taxonomy) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    rules: list[dict[str, Any]] = []
    for s in specs(schema):
        prop = s.validator.json(tax) | {"description": s.help}
        if s.example is not None:
            prop["examples"] = [jsonable(s.example)]
        if s.default is not MISSING and not is_absent(s.default) and not dataclasses.is_dataclass(s.default):
            prop["default"] = jsonable(s.default)
        properties[s.name] = prop
        rules += s.validator.rules(s.name, tax)
        if s.when is not None:
            condition: dict[str, Any] = {"required": [s.when.key]}
            if s.when.value is not None:
                condition["properties"] = {s.when.key: {"const": s.when.value}}
            rules.append({"if": condition, "then": {"required": [s.name]}})
    out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    required = [s.name for s in specs(schema) if s.required]
    if required:
        out["required"] = required
    if rules:
        out["allOf"] = rules
    return out


SCHEMAS: dict[str, type] = {"beitrag": ContributionFields, "ausgabe": IssueFields, "herausgeber": PublisherFields}


def json_schema(name: str, tax: Taxonomy) -> dict[str, Any]:
    """The JSON Schema (draft 7, for editors) of `beitrag` (front matter) or `ausgabe` (manifest)."""
    title, description = M.SCHEMA_TITLES[name]
    return {"$schema": JSON_SCHEMA_DIALECT, "title": title, "description": description} | _object(SCHEMAS[name], tax)


def schema_files(tax: Taxonomy) -> Iterator[tuple[str, str]]:
    """(file name under schema/, text) of every JSON Schema."""
    for name in SCHEMAS:
        yield f"{name}.schema.json", json.dumps(json_schema(name, tax), ensure_ascii=False, indent=2) + "\n"


def write_schema_files(root: Path, tax: Taxonomy) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for filename, text in schema_files(tax):
        (folder / filename).write_text(text, encoding="utf-8")
        written.append(folder / filename)
    return written


if __name__ == "__main__":  # python -m pipeline.schema [root]: rewrite schema/*.schema.json
    from .taxonomy import load

    for path in write_schema_files(Path(sys.argv[1] if len(sys.argv) > 1 else "."), load()):
        print(path)
