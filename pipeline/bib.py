"""The bibliography: docs/literatur.bib parsed with bibtexparser v2, rendered German author-year.

DIN ISO 690 flavour: in-text "(Müller 2014, S. 12)", "Müller (2014)", "Müller u. a. 2014";
list entries "Müller, Erika (2014): Titel. Untertitel. Ort: Verlag." with "(Hrsg.)" for editors.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares import (
    LatexDecodingMiddleware,
    LibraryMiddleware,
    NameParts,
    RemoveEnclosingMiddleware,
    ResolveStringReferencesMiddleware,
    SeparateCoAuthors,
    SplitNameParts,
)
from bibtexparser.middlewares.middleware import Middleware
from bibtexparser.model import Block, DuplicateBlockKeyBlock, Entry, ParsingFailedBlock
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from . import messages as M
from .diagnostics import Diagnostic, diag

REQUIRED = ("title", "year")
VERBATIM = frozenset({"url", "doi", "eprint", "file", "pdf"})  # biblatex's verbatim fields: never LaTeX-decoded
OTHERS = "others"  # BibTeX's "and others": more names than the field lists
# Macros pylatexenc drops or sets wrongly for a German text: `\,` is a narrow no-break space, not a plain one.
GERMAN_MACROS = {",": "\u202f", "glqq": "„", "grqq": "“", "glq": "‚", "grq": "‘", "S": "§", "euro": "€"}
# `%` and `&` an author typed without a backslash: LaTeX would read a comment or a table column, the text means them.
_BARE_SPECIAL = re.compile(r"(?<!\\)((?:\\\\)*)([%&])")
# What pylatexenc would change; a value without any of it is text already (decoding costs ~1 ms a value).
_LATEX_MARKUP = re.compile(r"[\\{}~$%&]|--|``|''|[!?]`")


def _split_concatenation(value: str) -> list[str]:
    """The operands of a BibTeX `#` expression: `"Titel mit " # lpz` → ['"Titel mit "', 'lpz'].

    A `#` inside braces or quotes (or after a backslash) is text; a value without an operator is one operand.
    """
    operands, depth, quoted, start = [], 0, False, 0
    for i, char in enumerate(value):
        if i and value[i - 1] == "\\":
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            operands.append(value[start:i].strip())
            start = i + 1
    operands.append(value[start:].strip())
    return operands


def _operand(token: str, macros: dict[str, str], seen: frozenset[str]) -> str:
    """The text of one operand: a braced or quoted string, a number, or an @string macro (case-insensitive).

    An unknown macro (or one that refers to itself) stays as its name, so the author sees what is missing.
    """
    if len(token) >= 2 and token[0] + token[-1] in ("{}", '""'):
        return token[1:-1]
    key = token.lower()
    if key in macros and key not in seen:
        return _concatenate(macros[key], macros, seen | {key})
    return token


def _concatenate(value: str, macros: dict[str, str], seen: frozenset[str] = frozenset()) -> str:
    return "".join(_operand(t, macros, seen) for t in _split_concatenation(value))


class ResolveConcatenation(LibraryMiddleware):
    """Joins `#` concatenations (`title = "Titel mit " # lpz`) into one braced value.

    bibtexparser 2.1 resolves a value that is a single @string name (ResolveStringReferencesMiddleware) but
    leaves an expression as raw text (upstream issue #396). Runs after that middleware and before
    RemoveEnclosingMiddleware, on the raw @string values, as BibTeX does.
    """

    def __init__(self) -> None:
        super().__init__(allow_inplace_modification=True)

    @classmethod
    def metadata_key(cls) -> str:
        return "koopstadt_concatenation"

    def transform(self, library: Library) -> Library:
        macros = {key.lower(): str(s.value) for key, s in library.strings_dict.items()}
        for entry in library.entries:
            for field in entry.fields:
                if isinstance(field.value, str) and len(_split_concatenation(field.value)) > 1:
                    field.value = "{" + _concatenate(field.value, macros) + "}"
        return library


@cache
def _decoder() -> Any:
    """pylatexenc's LaTeX-to-text decoder as LatexDecodingMiddleware builds it, plus GERMAN_MACROS (built once)."""
    context = get_default_latex_context_db()
    macros = [MacroTextSpec("url", simplify_repl="%s")]
    macros += [MacroTextSpec(name, simplify_repl=text) for name, text in GERMAN_MACROS.items()]
    context.add_context_category("koopstadt-german", prepend=True, macros=macros)
    return LatexNodes2Text(latex_context=context, keep_braced_groups=False, math_mode="verbatim")


class DecodeLatex(LatexDecodingMiddleware):
    """LaTeX → Unicode (`M{\\"u}ller` → „Müller“, `\\ss` → „ß“, `--` → „–“, `{UN}` → „UN“) in every field but
    the verbatim ones (URLs, DOIs).

    Runs after SplitNameParts, so that braces still protect names while they are split (`{Stadt Leipzig}`);
    bibtexparser's middleware skips a list of names, so name fields are decoded part by part here.
    A value pylatexenc cannot read stays as written.
    """

    def __init__(self) -> None:
        super().__init__(decoder=_decoder())

    def _decode(self, value: str) -> str:
        """The text of one LaTeX string; bare `%`/`&` are kept as characters."""
        if not _LATEX_MARKUP.search(value):
            return value
        decoded, error = self._transform_python_value_string(_BARE_SPECIAL.sub(r"\1\\\2", value))
        return value if error else decoded

    def _decode_name(self, name: NameParts | str) -> NameParts | str:
        """One name of a name list: a NameParts (decoded in place) or a plain string."""
        if isinstance(name, str):
            return self._decode(name)
        name.first = [self._decode(s) for s in name.first]
        name.von = [self._decode(s) for s in name.von]
        name.last = [self._decode(s) for s in name.last]
        name.jr = [self._decode(s) for s in name.jr]
        return name

    def transform_entry(self, entry: Entry, library: Library) -> Block:
        for field in entry.fields:
            if field.key.lower() in VERBATIM:
                continue
            if isinstance(field.value, list):
                field.value = [self._decode_name(name) for name in field.value]
            elif isinstance(field.value, str):
                field.value = self._decode(field.value)
        return entry


def parse_stack() -> list[Middleware]:
    """How literatur.bib is read: @string macros and `#` resolved, names split, then LaTeX decoded."""
    return [ResolveStringReferencesMiddleware(), ResolveConcatenation(), RemoveEnclosingMiddleware(),
            SeparateCoAuthors(), SplitNameParts(), DecodeLatex()]


@dataclass(frozen=True)
class Reference:
    key: str
    label: str  # author part of the in-text citation: "Müller", "Müller und Schmidt", "Müller u. a."
    year: str  # including a disambiguation suffix: "2013a"
    text: str  # the full German list entry
    line: int

    def cite_p(self, post: str = "") -> str:
        """Inner part of a parenthetical citation: "Müller 2014, S. 12"."""
        return f"{self.label} {self.year}" + (f", {post}" if post else "")

    def cite_t(self, post: str = "") -> str:
        return f"{self.label} ({self.year}" + (f", {post}" if post else "") + ")"


def _unescape(value: str) -> str:
    return re.sub(r"\\([&%$#_])", r"\1", value)  # LaTeX specials: \& \% \$ \# \_


def _spaces(value: str) -> str:
    """Runs of ASCII white space as one space; no-break and narrow spaces (`~`, `\\,`) are kept."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", value).strip()


def _clean(value: str) -> str:
    """Text of a value: what DecodeLatex left (or a value parsed without it) without braces and escapes."""
    return _spaces(_unescape(value).replace("{", "").replace("}", "").replace("--", "–"))


def _verbatim(value: str) -> str:
    """A URL or DOI: only the escapes of old BibTeX styles (`\\_`, `\\%`) undone, dashes left alone."""
    return _spaces(_unescape(value).replace("{", "").replace("}", ""))


def _parts(entry: Entry, field: str) -> list[Any]:
    """The names of a name field as parsed: NameParts, or strings where splitting did not run."""
    if field not in entry.fields_dict:
        return []
    value = entry.fields_dict[field].value
    return list(value) if isinstance(value, list) else [value]


def _is_others(part: Any) -> bool:
    """Whether a name is BibTeX's `others` (as in `Schmidt, Eva and others`)."""
    if hasattr(part, "last"):
        return not (part.first or part.von or part.jr) and [_clean(s) for s in part.last] == [OTHERS]
    return _clean(str(part)) == OTHERS


def _truncated(entry: Entry, field: str) -> bool:
    """Whether the name field ends in `and others`: there are more people than it names."""
    return any(_is_others(part) for part in _parts(entry, field))


def _names(entry: Entry, field: str) -> list[tuple[str, str]]:
    """[(last, first), …] without `others`; corporate names ("{Stadt Leipzig}") have no first name."""
    out = []
    for part in _parts(entry, field):
        if _is_others(part):
            continue
        if hasattr(part, "last"):
            last = _clean(" ".join([*part.von, *part.last]))
            first = _clean(" ".join(part.first))
            if part.jr:
                first = f"{first}, {_clean(' '.join(part.jr))}".strip(", ")
            out.append((last, first))
        else:
            out.append((_clean(str(part)), ""))
    return out


def _label(names: list[tuple[str, str]], truncated: bool = False) -> str:
    """The in-text author part; `and others` counts as a third name ("Schmidt u. a.")."""
    lasts = [n[0] for n in names]
    if len(lasts) == 1 and not truncated:
        return lasts[0]
    if len(lasts) == 2 and not truncated:
        return f"{lasts[0]} {M.LABELS['und']} {lasts[1]}"
    return f"{lasts[0]} {M.LABELS['ua']}"


def _list_names(names: list[tuple[str, str]], truncated: bool = False) -> str:
    """The names of a list entry; `and others` closes them with "u. a." ("Schmidt, Eva u. a.")."""
    listed = "; ".join(f"{last}, {first}" if first else last for last, first in names)
    return f"{listed} {M.LABELS['ua']}" if truncated else listed


def _creators(entry: Entry) -> tuple[list[tuple[str, str]], bool]:
    """The names the citation shows (the authors, else the editors) and whether `and others` ends them."""
    field = "author" if _names(entry, "author") else "editor"
    return _names(entry, field), _truncated(entry, field)


def _field(entry: Entry, name: str) -> str:
    f = entry.fields_dict.get(name)
    if f is None:
        return ""
    return _verbatim(str(f.value)) if name in VERBATIM else _clean(str(f.value))


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _entry_text(entry: Entry, year: str) -> str:
    authors = _names(entry, "author")
    editors = _names(entry, "editor")
    if authors:
        who = _list_names(authors, _truncated(entry, "author"))
    else:
        who = f"{_list_names(editors, _truncated(entry, 'editor'))} ({M.LABELS['hrsg']})" if editors else ""
    title = _field(entry, "title")
    sub = _field(entry, "subtitle")
    short = _field(entry, "shortauthor")
    if short and who:
        who = f"{short} – {who}"  # the list starts with what the in-text citation shows
    parts = [f"{who} ({year}): " if who else f"{title} ({year}). "]
    if who:
        parts.append(_sentence(f"{title}. {sub}" if sub else title))
    elif sub:
        parts.append(_sentence(sub))
    if entry.entry_type in ("incollection", "inproceedings", "article"):
        container = _field(entry, "booktitle") or _field(entry, "journal")
        if container:
            parts.append(" In: " + _sentence(container))
    place, publisher = _field(entry, "address"), _field(entry, "publisher") or _field(entry, "institution")
    if place or publisher:
        parts.append(" " + _sentence(": ".join(p for p in (place, publisher) if p)))
    pages = _field(entry, "pages")
    if pages:
        parts.append(f" {M.LABELS['seite']} {pages}.")
    note = _field(entry, "note")
    if note:
        parts.append(" " + _sentence(note))
    url = _field(entry, "url")
    if url:
        parts.append(f" {url}")
    return "".join(parts).strip()


@dataclass
class Bibliography:
    path: str
    refs: dict[str, Reference]
    problems: list[Diagnostic]

    def ordered(self, keys: list[str]) -> list[Reference]:
        """References for `keys`, sorted as a German list is: by label, then year."""
        unique = {k: self.refs[k] for k in keys if k in self.refs}
        return sorted(unique.values(), key=lambda r: (r.label.lower(), r.year, r.key))


def load(path: Path, shown: str) -> Bibliography:
    if not path.is_file():
        return Bibliography(shown, {}, [diag(shown, 1, "bib_missing", shown)])
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return Bibliography(shown, {}, [diag(shown, 1, "encoding", hex(exc.object[exc.start]), exc.start)])
    library = bibtexparser.parse_string(text, parse_stack=parse_stack())  # type: ignore[attr-defined]
    problems: list[Diagnostic] = []
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            problems.append(diag(shown, line, "bib_duplicate", block.key))
        elif isinstance(block, ParsingFailedBlock):
            first = (block.raw or "").strip().splitlines()[0][:50] if block.raw else "?"
            problems.append(diag(shown, line, "bib_syntax", f"„{first}“"))
    raw: list[tuple[Entry, str, str, int]] = []
    for entry in library.entries:
        line = (entry.start_line or 0) + 1
        missing = [f for f in REQUIRED if not _field(entry, f)]
        if not (_names(entry, "author") or _names(entry, "editor")):
            missing.insert(0, "author")
        for f in missing:
            problems.append(diag(shown, line, "bib_field", entry.key, f))
        if missing:
            continue
        label = _field(entry, "shortauthor") or _label(*_creators(entry))
        raw.append((entry, label, _field(entry, "year"), line))
    # "Geschäftsstelle 2013a/2013b": same label and year, suffixes in title order
    groups: dict[tuple[str, str], list[tuple[Entry, str, str, int]]] = defaultdict(list)
    for item in raw:
        groups[(item[1], item[2])].append(item)
    refs: dict[str, Reference] = {}
    for (label, year), items in groups.items():
        items.sort(key=lambda i: _field(i[0], "title").lower())
        for n, (entry, _, _, line) in enumerate(items):
            shown_year = year + (chr(ord("a") + n) if len(items) > 1 else "")
            refs[entry.key] = Reference(entry.key, label, shown_year, _entry_text(entry, shown_year), line)
    return Bibliography(shown, refs, problems)


def render_cite(bib: Bibliography, role: str, items: list[tuple[str, str, str]]) -> str:
    """Text of a `{cite:p}` / `{cite:t}` role; unknown keys are shown as "?key"."""
    parts = []
    for pre, key, post in items:
        ref = bib.refs.get(key)
        if ref is None:
            text = f"?{key}"
        elif role == "t":
            text = ref.cite_t(post)
        else:
            text = ref.cite_p(post)
        parts.append(f"{pre} {text}".strip() if pre else text)
    if role == "t":
        return "; ".join(parts)
    return "(" + "; ".join(parts) + ")"


def entry_text(entry: Entry, year: str) -> str:
    """The German list entry of a parsed entry (used by `citation` for the cases themselves)."""
    return _entry_text(entry, year)


def field_text(entry: Entry, name: str) -> str:
    return _field(entry, name)
