"""The author line at the start of a Word document („Von Anna Schreiner, Stadt Nürnberg, …“).

Becomes the contribution's `authors` (name, affiliation) and leaves the body. Forms: „Von A“,
„Autorin: A“, „Autoren: A und B“, „Text: A; B“; each author is „Name, Affiliation“. Several
authors named before one affiliation („Von A und B, Stadt Leipzig“) share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import ast

# „Von …“, „Autorin: …“, „Autoren: …“, „Text: …“, „Texte und Fotos: …“
_LEAD = re.compile(r"^(?:von\s+|(?:autor(?:in)?(?:nen)?|autoren|text(?:e)?(?:\s+und\s+\w+)?)\s*:\s*)(?P<rest>.+)$",
                   re.IGNORECASE)
# Words that open an institution, never a person's name after „und“.
_INSTITUTION = frozenset({
    "stadt", "amt", "referat", "senator", "senatorin", "der", "die", "das", "dezernat", "abteilung", "büro",
    "verein", "landeshauptstadt", "freie", "hansestadt", "bezirk", "ortsamt", "gemeinsame", "geschäftsstelle",
    "fachbereich", "institut", "universität", "hochschule", "kommunalverbund", "verband", "quartiersmanagement"})
_MAX_CHARS = 300  # a byline is one short line, not a paragraph that happens to begin with „Von“
_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’.-]*(?:\s+(?:von|van|de|zu|der)?\s*[A-ZÄÖÜ][\w'’.-]*)+$")


@dataclass(frozen=True)
class Author:
    name: str
    affiliation: str = ""

    def front_matter(self) -> dict[str, str]:
        return {"name": self.name, **({"affiliation": self.affiliation} if self.affiliation else {})}


def _is_name(text: str) -> bool:
    return bool(_NAME.match(text)) and text.split()[0].lower() not in _INSTITUTION


def parse(text: str) -> list[Author]:
    """The authors of a byline, or [] if `text` is not one."""
    text = ast.squash(text).rstrip(".")
    m = _LEAD.match(text)
    if m is None or len(text) > _MAX_CHARS:
        return []
    groups = [g.strip() for g in m.group("rest").split(";") if g.strip()]
    authors: list[Author] = []
    for group in groups:
        # „A und B, Amt für Wohnen und Stadterneuerung“: split at „und“/„&“ only before a name.
        parts = [p.strip() for p in re.split(r"\s+(?:und|&)\s+", group)]
        people: list[str] = [parts[0]]
        for part in parts[1:]:
            if _is_name(part.split(",")[0].strip()):
                people.append(part)
            else:
                people[-1] += " und " + part
        found = []
        for person in people:
            name, _, affiliation = (s.strip() for s in person.partition(","))
            if not _is_name(name):
                return []
            found.append(Author(name, affiliation))
        shared = found[-1].affiliation
        authors += [a if a.affiliation else Author(a.name, shared) for a in found]
    return authors


def take(blocks: list[ast.Node]) -> tuple[list[Author], list[ast.Node]]:
    """Authors from a byline among the first paragraphs (before the first heading), and the
    blocks without it."""
    for i, block in enumerate(blocks[:3]):
        if ast.kind(block) == "Header":
            break
        if ast.kind(block) not in ("Para", "Plain"):
            continue
        authors = parse(ast.stringify(ast.inlines_of(block)))
        if authors:
            return authors, blocks[:i] + blocks[i + 1:]
    return [], blocks
