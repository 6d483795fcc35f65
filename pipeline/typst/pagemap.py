"""On which pages of an issue's PDF each contribution stands, as Typst set it (for citations and catalogues).

The builder keeps the section markers of every screen PDF beside it in the work area (`flatplan.Pages`); the
flatplan keeps the sections it made from them. Either counts only for the very PDF it was made from (its
digest): the pages a citation names must be those a reader finds in the file on offer.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pikepdf

from ..manifest import Issue
from ..outputs import work_dir
from ..project import Project
from . import flatplan

PageRange = tuple[int, int]


def _digest(pdf: Path) -> str:
    return hashlib.sha1(pdf.read_bytes()).hexdigest()


def _from_markers(root: Path, project: Project, issue: Issue, pdf: Path, digest: str) -> list[flatplan.Section]:
    folder = flatplan.work_folder(work_dir(root, "typst") / issue.screen_pdf)
    try:
        data = json.loads((folder / flatplan.MARKERS).read_text(encoding="utf-8"))
        if data["pdf"] != digest:
            return []
        markers = list(data["marken"])
    except (OSError, ValueError, TypeError, KeyError):
        return []
    with pikepdf.open(pdf) as doc:
        pages = len(doc.pages)
    return flatplan.sections_from_markers(markers, pages, issue, project)


def contribution_pages(root: Path, project: Project, issue: Issue, pdf: Path) -> dict[str, PageRange]:
    """docname → (first, last page) of every contribution in `pdf`, the issue's screen PDF; {} when no page map
    belongs to this file (not built by this project, or the markers and the plan are of an older PDF)."""
    if not pdf.is_file():
        return {}
    digest = _digest(pdf)
    sections = _from_markers(root, project, issue, pdf, digest)
    if not sections:
        plan = flatplan.load_plan(root, issue.number)
        sections = plan.sections if plan is not None and plan.digest == digest else []
    return {s.docname: (s.first, s.last) for s in sections if s.docname}


def issue_pdf(root: Path, issue: Issue) -> Path:
    """The issue's published screen PDF (build/pdf/koopblatt-<nr>.pdf)."""
    from ..outputs import build_dir

    return build_dir(root) / "pdf" / issue.screen_pdf
