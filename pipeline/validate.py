"""Validate a whole project: every contribution, the bibliography and the issue manifests.

Per-file checks (front matter, body) are followed by cross-file checks (slugs, labels,
cross-references, citations). `check` and the Sphinx extension both call `validate_project`,
so a build can never publish what `check` rejects.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from . import bib, frontmatter, glyphs, legal, manifest
from . import messages as M
from .body import BodyFacts, check_body, is_todo
from .copies import Claim, copies
from .diagnostics import Diagnostic, diag, sort_key, suggest, suggest_path
from .model import SLUG_RE, declared_status, from_frontmatter
from .paths import BIB_FILE, CONTRIB_DIR, DOCS_DIR, IMAGE_DIR, ISSUE_SOURCES_DIR, MANIFEST_FILE, rel
from .project import FileReport, Project
from .report_cache import ReportCache
from .slugs import slugify
from .taxonomy import Taxonomy, load

MAX_FILE_MB = 2
MAX_LINE = 100_000


def read_text(file: Path, shown: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a UTF-8 text file, refusing oversized files and absurd lines."""
    size = file.stat().st_size
    if size > MAX_FILE_MB * 1_000_000:
        return None, [diag(shown, 1, "file_size", f"{size / 1_000_000:.1f}", MAX_FILE_MB)]
    data = file.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [diag(shown, line, "encoding", hex(data[exc.start]), exc.start)]
    text = text.removeprefix("\ufeff")
    for n, line_text in enumerate(text.splitlines(), 1):
        if len(line_text) > MAX_LINE:
            return None, [diag(shown, n, "line_length", len(line_text), MAX_LINE)]
    return text, []


def check_file(file: Path, root: Path, docs: Path, tax: Taxonomy) -> FileReport:
    shown = rel(file, root)
    docname = file.resolve().relative_to(docs.resolve()).with_suffix("").as_posix()
    parts = docname.split("/")
    empty = FileReport(shown, docname, None, BodyFacts(), [])
    if len(parts) != 3 or parts[1] not in tax.cities:
        empty.problems.append(diag(shown, 1, "folder", "/".join(parts[:-1])))
        return empty
    city, slug = parts[1], parts[2]
    text, problems = read_text(file, shown)
    if text is None:
        empty.problems += problems
        return empty
    if not SLUG_RE.match(slug):
        better = slugify(slug)
        problems.append(diag(shown, 1, "slug", slug, hint=M.SLUG_HINT.format(better) if better else ""))
    problems += glyphs.check(shown, text)
    split, more = frontmatter.read(text, shown)
    problems += more
    status = declared_status(split.frontmatter.data if split.frontmatter is not None else None, text)
    contribution = None
    if split.frontmatter is not None:
        contribution, more = from_frontmatter(split.frontmatter, shown, docname, city, slug, tax)
        problems += more
    facts, more = check_body(shown, file, docs, split.body, split.body_line)
    problems += more
    if any(p.is_error for p in problems):
        contribution = None
    return FileReport(shown, docname, contribution, facts, problems, status)


def _title_of(project: Project, report: FileReport) -> str:
    """The title, also of a file with errors (a copy in another city's folder still says `stadt: leipzig`)."""
    if report.contribution is not None:
        return report.contribution.title
    try:
        split, _ = frontmatter.read((project.root / report.path).read_text(encoding="utf-8"), report.path)
    except (OSError, UnicodeDecodeError):
        return ""
    data = split.frontmatter.data if split.frontmatter is not None else None
    title = data.get("title") if isinstance(data, dict) else None
    return title.strip() if isinstance(title, str) and not is_todo(title) else ""


def _title_line(project: Project, report: FileReport) -> int:
    text = (project.root / report.path).read_text(encoding="utf-8", errors="replace")
    return next((n for n, line in enumerate(text.splitlines(), 1) if re.match(r"title\s*:", line)), 1)


def _cross_checks(project: Project, page_labels: dict[str, str]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    reports = sorted(project.reports.values(), key=lambda r: r.path)
    slugs: dict[str, list[Claim]] = {}
    labels: dict[str, list[Claim]] = {}
    titles: dict[str, list[Claim]] = {}
    for report in reports:
        slugs.setdefault(report.docname.rsplit("/", 1)[-1], []).append((report, report.path, 1))
        for path, facts in report.facts.located(report.path):
            for label, line in facts.labels.items():
                if label in page_labels:
                    problems.append(diag(path, line, "label_duplicate", label, page_labels[label]))
                else:
                    labels.setdefault(label, []).append((report, path, line))
        title = _title_of(project, report)
        if title:
            titles.setdefault(" ".join(title.casefold().split()), []).append((report, report.path, 0))
    for slug, (_, first, _), (_, path, _) in copies(project.root, slugs):
        problems.append(diag(path, 1, "slug_duplicate", slug, first))
    for label, (_, first, first_line), (_, path, line) in copies(project.root, labels):
        problems.append(diag(path, line, "label_duplicate", label, f"{first}:{first_line}"))
    for _, (_, first, _), (dup, path, _) in copies(project.root, titles):
        problems.append(diag(path, _title_line(project, dup), "title_duplicate", _title_of(project, dup), first))
    known = set(page_labels) | set(labels)
    pages: list[Path] | None = None
    for report, (path, facts) in ((r, pf) for r in project.reports.values() for pf in r.facts.located(r.path)):
        for target, written, line in facts.doc_links:
            if not (project.docs / target).is_file():
                pages = pages if pages is not None else _pages(project)
                folder = (project.docs / report.docname).parent
                here = [Path(os.path.relpath(page, folder)).as_posix() for page in pages]
                problems.append(diag(path, line, "xref", written, hint=suggest_path(written, here)))
            elif not report.is_draft and target.removesuffix(".md") in project.drafts:
                problems.append(diag(path, line, "xref_draft", written))
        for label, line in facts.refs:
            if label not in known:
                problems.append(diag(path, line, "xref", label, hint=suggest(label, sorted(known))))
        for key, line in facts.cites:
            if key not in project.bibliography.refs:
                problems.append(diag(path, line, "cite_unknown", key,
                                     hint=suggest(key, list(project.bibliography.refs))))
    return problems


def _pages(project: Project) -> list[Path]:
    """Pages an author may link to: the contributions and the handbook's own top-level pages."""
    return sorted({project.docs / f"{name}.md" for name in project.reports} | set(project.docs.glob("*.md")))


def _page_labels(docs: Path, root: Path) -> dict[str, str]:
    """Labels defined in the non-contribution pages (targets for {ref})."""
    labels: dict[str, str] = {}
    for page in docs.rglob("*.md"):
        if CONTRIB_DIR in page.relative_to(docs).parts[:1]:
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            if m := re.match(r"^\(([^()\s]+)\)=\s*$", line):
                labels[m.group(1)] = f"{rel(page, root)}:{n}"
    return labels


def validate_project(root: Path, docs: Path | None = None, cache: bool = False) -> Project:
    """Validate everything under `root` (docs/ and koopblatt/); collect all diagnostics.

    With `cache`, unchanged files are taken from the last run and the cache is updated (builds do
    this; `check` only reads it, so it writes nothing)."""
    docs = docs or root / DOCS_DIR
    tax = load()
    bibliography = bib.load(docs / BIB_FILE, rel(docs / BIB_FILE, root))
    project = Project(root, docs, tax, bibliography)
    project.problems += bibliography.problems
    _check_contributions(project, ReportCache(root, write=cache))
    project.problems += _cross_checks(project, _page_labels(docs, root))
    # a cross-file problem makes the contribution faulty as well
    by_path = {r.path: r for r in project.reports.values()}
    for p in project.problems:
        r = by_path.get(p.path)
        if r is not None and p.is_error and p not in r.problems:
            r.problems.append(p)
            r.contribution = None
    project.publisher, found = legal.load(root, tax)  # the body's data, in every issue, e-book and the handbook
    project.problems += found
    _check_issues(project)
    project.problems.sort(key=sort_key)
    return project


def _check_contributions(project: Project, reports: ReportCache) -> None:
    """Check every contribution (unchanged ones from `reports`); their reports and problems go to `project`."""
    contrib_root = project.docs / CONTRIB_DIR
    # Markdown in a bilder/ folder is an include fragment (Sphinx skips it too): checked where it is included
    files = sorted(f for f in contrib_root.rglob("*.md") if IMAGE_DIR not in f.relative_to(contrib_root).parts[:-1]) \
        if contrib_root.is_dir() else []
    for file in files:
        report = reports.get(file)
        if report is None:
            report = check_file(file, project.root, project.docs, project.taxonomy)
            reports.put(file, report)
        project.reports[report.docname] = report
        project.problems += report.problems
    reports.save({str(f) for f in files})


def _check_issues(project: Project) -> None:
    """Load every issue manifest; an issue whose contributions have errors (or are drafts) is held."""
    root = project.root
    issues_root = root / ISSUE_SOURCES_DIR
    faulty = project.faulty_docnames()
    for folder in sorted(issues_root.iterdir()) if issues_root.is_dir() else []:
        if not folder.is_dir() or folder.name.startswith((".", "_")):
            continue
        path = folder / MANIFEST_FILE
        if not path.is_file():
            project.problems.append(diag(rel(folder, root), 1, "manifest_missing"))
            continue
        issue, more = manifest.load(path, rel(path, root), project.docs, root, project.publisher)
        project.problems += more
        if issue is None:
            continue
        for printed in (path, issue.editorial):  # titles, imprint and editorial are set in the koopBLATT too
            if printed.is_file():
                project.problems += glyphs.check(rel(printed, root), printed.read_text(encoding="utf-8"))
        bad = _issue_entries(project, issue, faulty)
        (project.held if bad else project.issues)[issue.number] = issue


def _issue_entries(project: Project, issue: manifest.Issue, faulty: set[str]) -> list[str]:
    """The entries that hold `issue` (drafts, contributions with errors), each reported at its manifest line."""
    shown = rel(issue.manifest, project.root)
    drafts = [d for d in issue.contributions if d in project.drafts]
    for d in drafts:
        project.problems.append(diag(shown, issue.entry_lines[d], "manifest_draft", f"{d}.md"))
    bad = [d for d in issue.contributions if d in faulty and d not in project.drafts]
    for d in bad:
        project.problems.append(diag(shown, issue.entry_lines[d], "manifest_contribution", f"{d}.md"))
    return bad + drafts
