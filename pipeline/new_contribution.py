"""A new contribution's file, shared by `nox -s new` (scaffold) and the Word/ODT importer: its city and slug
from what a user typed, its place under docs/beitraege/, its commented front matter (one commented line per key
of `schema.ContributionFields`, allowed ids from the taxonomy) and the next steps shown after writing it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from . import messages as M
from .diagnostics import suggest
from .errors import EXIT_CONTENT, EXIT_USAGE, UserError
from .model import DEFAULT_LICENSE, DRAFT, SLUG_RE
from .paths import CONTRIB_DIR, DOCS_DIR, rel
from .schema import Authors, ContributionFields, flow_yaml, keys, specs
from .slugs import slugify
from .taxonomy import Taxonomy, load

MAX_SLUG = 80
_SLUG_INPUT = re.compile(r"^[\w\s-]+$")


def resolve_city(stadt: str, tax: Taxonomy) -> str:
    """The city id for what the user typed ("Nürnberg" → nuernberg); unknown → usage error with a suggestion."""
    key = slugify(stadt)
    if key in tax.cities:
        return key
    raise UserError(EXIT_USAGE, M.NEW_STADT_UNKNOWN.format(stadt, M.join_or(list(tax.cities))),
                  suggest(stadt, tax.cities))


def clean_slug(raw: str) -> str | None:
    """Letters, digits, spaces and hyphens, transliterated ("Südstadt" → suedstadt); None if unusable."""
    text = unicodedata.normalize("NFC", raw.strip())
    if not text or not _SLUG_INPUT.match(text):
        return None
    slug = slugify(text)
    return slug if slug and len(slug) <= MAX_SLUG and SLUG_RE.match(slug) else None


def resolve_slug(raw: str) -> str:
    slug = clean_slug(raw)
    if slug is None:
        raise UserError(EXIT_USAGE, M.NEW_SLUG_INVALID.format(raw))
    return slug


def target_file(root: Path, city: str, slug: str) -> Path:
    """docs/beitraege/<city>/<slug>.md, refusing to overwrite it or to reuse a slug of another city."""
    contrib = root / DOCS_DIR / CONTRIB_DIR
    target = contrib / city / f"{slug}.md"
    if target.exists():
        raise UserError(EXIT_CONTENT, M.NEW_EXISTS.format(rel(target, root)), M.NEW_EXISTS_HINT)
    for other in sorted(contrib.glob(f"*/{slug}.md")):
        raise UserError(EXIT_CONTENT, M.NEW_SLUG_TAKEN.format(slug, rel(other, root)), M.NEW_EXISTS_HINT)
    return target


# -- front matter ----------------------------------------------------------------------


def _allowed(groups: list[tuple[str, dict[str, str]]]) -> list[str]:
    """Comment lines listing the ids a key allows (from its validator, i.e. the taxonomy)."""
    if not groups:
        return []
    width = max(len(i) for _, ids in groups for i in ids)
    lines = [f"#   {M.FM_ALLOWED}"]
    for heading, ids in groups:
        indent = "#     "
        if heading:
            lines.append(f"#     {heading}:")
            indent = "#       "
        lines += [f"{indent}{i.ljust(width)}  {label}" for i, label in ids.items()]
    return lines


def _authors(value: object) -> list[str]:
    if not isinstance(value, list):
        return [f"authors: {flow_yaml(value)}"]
    lines = ["authors:"]
    for author in value:
        name = author.get("name", "") if isinstance(author, Mapping) else str(author)
        lines.append(f"  - name: {flow_yaml(name)}")
        affiliation = author.get("affiliation", "") if isinstance(author, Mapping) else ""
        if affiliation:
            lines.append(f"    affiliation: {flow_yaml(affiliation)}")
        else:
            lines.append(f"    # affiliation: {M.FM_AUTHOR_AFFILIATION}")
    return lines


def render_frontmatter(values: Mapping[str, object], tax: Taxonomy | None = None) -> str:
    """The commented YAML block (with both `---` lines) for `values`; every key of the schema appears."""
    tax = tax or load()
    lines = ["---", *(f"# {line}" for line in M.FM_INTRO)]
    for spec in specs(ContributionFields):
        value = values.get(spec.name)
        lines.append("")
        lines.append(f"# {spec.help} – {spec.need}; {M.FM_EXAMPLE} {flow_yaml(spec.example)}")
        if isinstance(spec.validator, Authors):
            lines += _authors(value)
        else:
            lines.append(f"{spec.name}:" if value is None else f"{spec.name}: {flow_yaml(value)}")
        lines += _allowed(spec.validator.choices(tax))
    lines.append("---")
    return "\n".join(lines) + "\n"


def new_values(city: str, date: object = None) -> dict[str, object]:
    """The front matter of a new contribution: TODOs to fill in, the city, a date if known; always a draft."""
    values: dict[str, object] = {key: M.FM_TODO.get(key) for key in keys(ContributionFields)}
    values.update(license=DEFAULT_LICENSE, stadt=city, status=DRAFT)
    if date is not None:
        values["date"] = date
    return values


def print_steps(steps: tuple[str, ...] | list[str]) -> None:
    """The numbered next steps, on stdout, after a new contribution was written."""
    print(f"\n{M.NEXT_STEPS}")
    for n, step in enumerate(steps, 1):
        print(f"  {n}. {step}")
