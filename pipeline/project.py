"""The validated project (`Project`: contributions, issues, problems) and the publish rule.

The publish rule says which outputs an error keeps from being published: an error in a contribution blocks
the handbook and every issue the contribution is in, an error in an issue's folder that issue only, any
other error (bibliography, pages, the publisher's data) everything; drafts and Hinweise block nothing. Each
output is named by an output key: `HANDBOOK_OUTPUT` or `issue_output(n)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import bib, legal, manifest
from .body import BodyFacts
from .diagnostics import Diagnostic, sort_key
from .model import DRAFT, RELEASED, Contribution
from .paths import ISSUE_SOURCES_DIR, PUBLISHER_FILE
from .taxonomy import Taxonomy

HANDBOOK_OUTPUT = "handbuch"  # output key of the handbook, its e-book and the Sonderdrucke it offers


def issue_output(number: int) -> str:
    """Output key of issue `number`: its PDFs and its e-book."""
    return f"ausgabe-{number}"


@dataclass
class FileReport:
    """What checking one contribution found: its model (None if it has errors), body facts, problems."""

    path: str
    docname: str
    contribution: Contribution | None
    facts: BodyFacts
    problems: list[Diagnostic]
    status: str = RELEASED

    @property
    def is_draft(self) -> bool:
        return self.status == DRAFT


@dataclass
class Project:
    """Everything `validate_project` found: every output is made from this, never from the files again."""

    root: Path
    docs: Path
    taxonomy: Taxonomy
    bibliography: bib.Bibliography
    reports: dict[str, FileReport] = field(default_factory=dict)  # by docname
    issues: dict[int, manifest.Issue] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    # valid manifests whose issue waits for errors in (or drafts among) its contributions: not set, not published,
    # but a proof of one of its contributions takes its layout from it
    held: dict[int, manifest.Issue] = field(default_factory=dict)
    publisher: legal.Publisher | None = None  # koopblatt/herausgeber.yml: the body behind every output

    @cached_property
    def all_contributions(self) -> dict[str, Contribution]:
        """Valid contributions (drafts included) by docname, sorted by city, date (newest first), title."""
        items = [r.contribution for r in self.reports.values() if r.contribution is not None]
        items.sort(key=lambda c: (c.stadt, -c.date.toordinal(), c.title))
        return {c.docname: c for c in items}

    @cached_property
    def contributions(self) -> dict[str, Contribution]:
        """Valid released contributions: everything public (pages, lists, counts, issues, books) uses these."""
        return {d: c for d, c in self.all_contributions.items() if not self.reports[d].is_draft}

    @cached_property
    def drafts(self) -> set[str]:
        return {name for name, r in self.reports.items() if r.is_draft}

    @cached_property
    def contribution_paths(self) -> set[str]:
        return {r.path for r in self.reports.values()}

    @cached_property
    def draft_paths(self) -> set[str]:
        return {self.reports[d].path for d in self.drafts}

    @property
    def errors(self) -> list[Diagnostic]:
        return [p for p in self.problems if p.is_error]

    def faulty_docnames(self) -> set[str]:
        return {name for name, r in self.reports.items() if any(p.is_error for p in r.problems)}

    def issue_folder_numbers(self) -> set[int]:
        """Numbers of all issue folders, including those whose manifest has errors."""
        folder = self.root / ISSUE_SOURCES_DIR
        return {int(f.name) for f in folder.iterdir() if f.is_dir() and f.name.isdigit()} if folder.is_dir() else set()

    def issues_of(self, docname: str) -> list[manifest.Issue]:
        return [i for i in self.issues.values() if docname in i.contributions]

    def linked(self, docnames: Iterable[str]) -> dict[str, str]:
        """The contributions of one PDF (docname → slug): what its translation links within the document (an
        issue's PDF and the Sonderdrucke of its cases use the same map, so that they share the translation)."""
        return {d: self.all_contributions[d].slug for d in docnames}

    def every_issue(self) -> list[manifest.Issue]:
        """All issues with a valid manifest, also those held by errors in their contributions, in number order."""
        return sorted([*self.issues.values(), *self.held.values()], key=lambda i: i.number)

    def proof_issues_of(self, docname: str) -> list[manifest.Issue]:
        """Where a proof of `docname` takes its layout from: the issues it is in, also one held by errors in
        other contributions (a proof never waits for them), else any issue, in number order."""
        every = self.every_issue()
        return [i for i in every if docname in i.contributions] or every

    def outputs_blocked_by(self, problem: Diagnostic) -> set[str]:
        """The output keys a problem blocks (the publish rule); nothing for drafts and Hinweise."""
        if not problem.is_error or problem.path in self.draft_paths:
            return set()
        path = problem.path
        if path.startswith(ISSUE_SOURCES_DIR + "/") and path != PUBLISHER_FILE:
            folder = path.split("/")[1]
            return {issue_output(int(folder))} if folder.isdigit() else set()
        docname = self._docname_by_path.get(path)
        if docname is not None:
            return {HANDBOOK_OUTPUT} | {issue_output(i.number) for i in self.issues_of(docname)}
        return {HANDBOOK_OUTPUT} | {issue_output(n) for n in self.issues}  # bibliography, pages, templates

    def errors_blocking(self, output: str, found: Iterable[Diagnostic] = ()) -> list[Diagnostic]:
        """The errors (of the project and `found` by a run) that keep `output` from being published."""
        return sorted({p for p in (*self.problems, *found) if output in self.outputs_blocked_by(p)}, key=sort_key)

    @cached_property
    def _docname_by_path(self) -> dict[str, str]:
        return {r.path: d for d, r in self.reports.items()}
