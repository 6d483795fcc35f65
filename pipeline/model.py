"""A contribution as the pipeline uses it: its validated front matter (described in `schema`) and place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import messages as M
from .diagnostics import Diagnostic, diag
from .frontmatter import FrontMatter
from .schema import (
    DEFAULT_LICENSE,
    DRAFT,
    RELEASED,
    STATUSES,
    At,
    Author,
    Context,
    ContributionFields,
    check_mapping,
    keys,
    sentence_count,
)
from .taxonomy import Taxonomy

__all__ = ["DEFAULT_LICENSE", "DRAFT", "FIELD_KEYS", "RELEASED", "SLUG_RE", "STATUSES", "Author", "Contribution",
           "declared_status", "from_frontmatter", "sentence_count"]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELD_KEYS = keys(ContributionFields)


@dataclass(kw_only=True)
class Contribution(ContributionFields):
    """A validated contribution: its front matter (`schema.ContributionFields`) and where it lies.

    `docname` is relative to docs/, without suffix; `stadt` is the city folder."""

    path: str
    docname: str
    stadt: str
    slug: str
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def is_draft(self) -> bool:
        return self.status == DRAFT


def declared_status(data: Any, text: str = "") -> str:
    """The status a file declares, read leniently: drafts must be recognised even when their front
    matter has errors (a fresh import full of TODOs must never block a build)."""
    if isinstance(data, dict) and str(data.get("status", "")).strip().lower() == DRAFT:
        return DRAFT
    if data is None and re.search(r"^status:\s*[\"']?entwurf\b", text, re.MULTILINE):
        return DRAFT
    return RELEASED


def from_frontmatter(fm: FrontMatter, path: str, docname: str, folder_city: str,
                     slug: str, tax: Taxonomy) -> tuple[Contribution | None, list[Diagnostic]]:
    """Validate front matter against `schema.ContributionFields`; return the contribution (None if invalid)."""
    data = fm.data
    if not isinstance(data, dict):
        return None, [diag(path, fm.start, "frontmatter_type", M.type_name(data))]
    folder = Path(path).parent  # the front matter names no files; paths are checked in the body
    ctx = Context(path, fm, tax, folder, folder, city=folder_city)
    values = check_mapping(ContributionFields, data, At(ctx, (), {}))
    if fm.broken or any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    lines = {k[0]: v for k, v in fm.lines.items() if len(k) == 1 and isinstance(k[0], str)}
    values["stadt"] = folder_city
    return Contribution(path=path, docname=docname, slug=slug, lines=lines, **values), ctx.problems
