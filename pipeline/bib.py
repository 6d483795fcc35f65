"""The bibliography: docs/literatur.bib parsed with bibtexparser v2, rendered German author-year.

DIN ISO 690 flavour: in-text "(Müller 2014, S. 12)", "Müller (2014)", "Müller u. a. 2014";
list entries "Müller, Erika (2014): Titel. Untertitel. Ort: Verlag." with "(Hrsg.)" for editors.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import bibtexparser
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock

from . import messages as M
from .diagnostics import Diagnostic, diag

REQUIRED = ("title", "year")


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


def _clean(value: str) -> str:
    unescaped = re.sub(r"\\([&%$#_])", r"\1", value)  # LaTeX specials: \& \% \$ \# \_
    return " ".join(unescaped.replace("{", "").replace("}", "").replace("--", "–").split())


def _names(entry: Entry, field: str) -> list[tuple[str, str]]:
    """[(last, first), …]; corporate names ("{Stadt Leipzig}") have no first name."""
    if field not in entry.fields_dict:
        return []
    value = entry.fields_dict[field].value
    out = []
    for part in value if isinstance(value, list) else [value]:
        if hasattr(part, "last"):
            last = _clean(" ".join([*part.von, *part.last]))
            first = _clean(" ".join(part.first))
            if part.jr:
                first = f"{first}, {_clean(' '.join(part.jr))}".strip(", ")
            out.append((last, first))
        else:
            out.append((_clean(str(part)), ""))
    return out


def _label(names: list[tuple[str, str]]) -> str:
    lasts = [n[0] for n in names]
    if len(lasts) == 1:
        return lasts[0]
    if len(lasts) == 2:
        return f"{lasts[0]} {M.LABELS['und']} {lasts[1]}"
    return f"{lasts[0]} {M.LABELS['ua']}"


def _list_names(names: list[tuple[str, str]]) -> str:
    return "; ".join(f"{last}, {first}" if first else last for last, first in names)


def _field(entry: Entry, name: str) -> str:
    f = entry.fields_dict.get(name)
    return _clean(str(f.value)) if f is not None else ""


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _entry_text(entry: Entry, year: str) -> str:
    authors = _names(entry, "author")
    editors = _names(entry, "editor")
    who = _list_names(authors) if authors else (f"{_list_names(editors)} ({M.LABELS['hrsg']})" if editors else "")
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
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
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
        names = _names(entry, "author") or _names(entry, "editor")
        label = _field(entry, "shortauthor") or _label(names)
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
