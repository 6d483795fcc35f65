"""The head of every Typst main file, and the main file being written: one writer for an issue, a proof and a
Sonderdruck, so that what the template's `ausgabe` is told, and the map from main-file lines back to the
sources (for Typst's errors), are made in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..taxonomy import Taxonomy
from . import decisions as balancing
from . import escape, template
from .measures import BLEED_MM


@dataclass
class Part:
    """A translated body and the source it came from (for locating Typst errors)."""

    source: str  # path shown in messages
    body: str
    lines: list[int] = field(default_factory=list)  # per line of `body`: its line in `source` (0: unknown)


@dataclass
class Source:
    """A main file's text, with where its lines came from."""

    text: str
    # first line of each part in the main file → shown source path
    line_map: list[tuple[int, str]] = field(default_factory=list)
    # first line of each body in the main file → its part (for the source line of a Typst error)
    bodies: list[tuple[int, Part]] = field(default_factory=list)
    # the balancing decisions of its contributions (`decisions`)
    passed: balancing.Passed = field(default_factory=balancing.Passed)

    def source_of(self, line: int) -> str | None:
        return self.locate(line)[0]

    def locate(self, line: int) -> tuple[str | None, int]:
        """(shown source path, line in it) of a line of the main file; line 1 where only the file is known."""
        found = None
        for first, path in self.line_map:
            if first <= line:
                found = path
        for first, part in self.bodies:
            if part.source == found and first <= line < first + len(part.lines):
                return found, part.lines[line - first] or 1
        return found, 1


@dataclass(frozen=True)
class Offprint:
    """A Sonderdruck's own document title, authors and running head („Sonderdruck aus: …“); for a contribution
    set in an issue, the page it starts on there and the pages its references to the rest of the issue print
    (label → page): it is then set as on the issue's pages."""

    title: str
    authors: list[str]
    head: str
    first_page: int | None = None
    pages: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Edition:
    """What `ausgabe` is told about the PDF being set."""

    number: int
    year: int
    date: dt.date
    title: str
    subtitle: str | None
    format: str
    accent: str  # the cover colour of an issue, a Sonderdruck's city colour
    proof: bool = False
    bleed: bool = False  # an issue's pages are set with their bleed: its print PDF is of the same layout
    balance: bool = True  # False: the contributions' last pages unbalanced (when the balanced layout does not settle)
    offprint: Offprint | None = None


def _date(d: dt.date) -> str:
    return f"datetime(year: {d.year}, month: {d.month}, day: {d.day})"


def _cities(tax: Taxonomy) -> str:
    items = []
    for c in tax.cities.values():
        cmyk = ", ".join(f"{v}%" for v in c.colour_cmyk)
        items.append(f"    {c.id}: (label: {escape.string(c.label)}, rgb: {escape.string(c.colour)}, "
                     f"cmyk: ({cmyk})),")
    return "(\n" + "\n".join(items) + "\n  )"


def preamble(edition: Edition, tax: Taxonomy) -> str:
    """`#import` of the template and `#show: ausgabe.with(…)`."""
    e = edition
    offprint = ""
    if e.offprint is not None:
        o = e.offprint
        placed = ""
        if o.first_page is not None:
            pages = ", ".join(f"{escape.string(name)}: {n}" for name, n in sorted(o.pages.items()))
            placed = f", seite: {o.first_page}" + (f", seiten: ({pages},)" if pages else "")
        offprint = (f"  sonderdruck: (titel: {escape.string(o.title)}, autoren: {escape.strings(o.authors)}, "
                    f"kopf: {escape.string(o.head)}{placed}),\n")
    balance = f"  beschnitt: {BLEED_MM if e.bleed else 0}mm,\n" + ("" if e.balance else "  ausgleich: false,\n")
    return (f'#import "{template.IMPORT}": *\n'
            f"#show: ausgabe.with(\n  nummer: {e.number},\n  jahr: {e.year},\n  datum: {_date(e.date)},\n"
            f"  titel: {escape.string(e.title)},\n"
            f"  untertitel: {escape.string(e.subtitle) if e.subtitle is not None else 'none'},\n"
            f"  format: {escape.string(e.format)},\n"
            f"  korrektur: {str(e.proof).lower()},\n  staedte: {_cities(tax)},\n"
            f"  akzent: {escape.string(e.accent)},\n{offprint}{balance})\n\n")


class MainFile:
    """A main file being written, part by part, remembering where each part's lines came from."""

    def __init__(self, edition: Edition, tax: Taxonomy, decisions: balancing.Decisions | None = None) -> None:
        self.edition = edition
        self.decisions = decisions  # None: nothing passed back (the text the PDF's digest is made of)
        self._passed = balancing.Passed(elsewhere=dict(edition.offprint.pages) if edition.offprint else {})
        self._chunks: list[str] = []
        self._lines = 1  # the line the next chunk starts on
        self._line_map: list[tuple[int, str]] = []
        self._bodies: list[tuple[int, Part]] = []
        self.emit(preamble(edition, tax))

    def emit(self, text: str, source: str | None = None, body: Part | None = None) -> None:
        """Append `text`; it comes from `source` (shown path), and contains `body` (a translated part)."""
        if source is not None:
            self._line_map.append((self._lines, source))
        if body is not None:  # where the body starts in `text`
            start = self._lines + text[: text.rfind(body.body)].count("\n") if body.body else self._lines
            self._bodies.append((start, body))
        self._chunks.append(text)
        self._lines += text.count("\n")

    def contribution(self, slug: str, call: Callable[[str | None], str], part: Part) -> None:
        """A `#beitrag(…)` call (`call(decision)`), with the balancing decision kept for it, if any."""
        text = call(None)
        key = balancing.key(text, self.edition.format)
        kept = self.decisions.get(key) if self.decisions is not None else None
        self._passed.keys[slug] = key
        self._passed.refs[slug] = balancing.references(text)
        if kept is not None:
            self._passed.presets[slug] = key
            self._passed.expected[slug] = kept[1]
        self.emit(call(kept[0]) if kept is not None else text, part.source, part)

    def source(self) -> Source:
        return Source("".join(self._chunks), list(self._line_map), list(self._bodies), self._passed)
