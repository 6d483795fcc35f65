"""Shared decisions about the collection: browse-page names, selections, ordering, related cases.

Every output (HTML pages, PDF, EPUB) asks this module, so ordering and naming exist once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .manifest import issue_id
from .model import Contribution
from .paths import ISSUE_PAGES_DIR
from .taxonomy import Taxonomy

BROWSE_DIR = "entdecken"
DIMENSIONS = ("stadt", "themenfeld", "projektfamilie", "aufgabe")


@dataclass(frozen=True)
class Facet:
    dimension: str  # one of DIMENSIONS
    id: str
    label: str

    @property
    def docname(self) -> str:
        return browse_docname(self.dimension, self.id)


def browse_docname(dimension: str, ident: str) -> str:
    return f"{BROWSE_DIR}/{dimension}-{ident}"


def issue_docname(number: int) -> str:
    """The handbook page of issue `number` (generated under docs/ausgaben/)."""
    return f"{ISSUE_PAGES_DIR}/{issue_id(number)}"


def facets(tax: Taxonomy) -> list[Facet]:
    out = [Facet("stadt", c.id, c.label) for c in tax.cities.values()]
    out += [Facet("themenfeld", f.id, f.label) for f in tax.fields.values()]
    out += [Facet("projektfamilie", p.id, p.label) for p in tax.families.values()]
    out += [Facet("aufgabe", t.id, t.label) for t in tax.tasks.values()]
    return out


def matches(c: Contribution, dimension: str, ident: str) -> bool:
    if dimension == "stadt":
        return c.stadt == ident
    if dimension == "themenfeld":
        return c.themenfeld == ident
    if dimension == "projektfamilie":
        return ident in c.projektfamilien
    if dimension == "aufgabe":
        return ident in c.aufgaben
    if dimension == "art":
        return c.art == ident
    raise ValueError(dimension)


def select(items: Iterable[Contribution], **filters: str) -> list[Contribution]:
    """Contributions matching all filters, newest first (ties by title)."""
    chosen = [c for c in items if all(matches(c, dim, ident) for dim, ident in filters.items() if ident)]
    return sorted(chosen, key=lambda c: (-c.date.toordinal(), c.title))


def related(items: Iterable[Contribution], me: Contribution, limit: int = 5) -> list[Contribution]:
    """Other cases sharing a Projektfamilie, most shared families first, then newest."""
    scored = [(len(set(c.projektfamilien) & set(me.projektfamilien)), c) for c in items if c.docname != me.docname]
    scored = [(n, c) for n, c in scored if n]
    scored.sort(key=lambda nc: (-nc[0], -nc[1].date.toordinal(), nc[1].title))
    return [c for _, c in scored[:limit]]


def group_id(dimension: str, ident: str) -> str:
    """Anchor of a group on a browse page (used by the matrix links)."""
    return f"{dimension}-{ident}"


HANDBOOK_FRONT = ("koopstadt", "programm")
HANDBOOK_BACK = ("kontakt",)


def handbook_chapters(items: Iterable[Contribution], tax: Taxonomy) -> list[tuple[str, list[str]]]:
    """The handbook as a book: about and programme, then one part per city (its browse page as the
    part's opening, then its contributions, newest first), then the contacts. [(docname, children)]."""
    chosen = list(items)
    parts: list[tuple[str, list[str]]] = [(d, []) for d in HANDBOOK_FRONT]
    for city in tax.cities:
        parts.append((browse_docname("stadt", city), [c.docname for c in select(chosen, stadt=city)]))
    parts += [(d, []) for d in HANDBOOK_BACK]
    return parts
