"""Validate a whole project: every contribution, the bibliography and the issue manifests.

Per-file checks (front matter, body) are followed by cross-file checks (slugs, labels,
cross-references, citations). `check` and the Sphinx extension both call `validate_project`,
so a build can never publish what `check` rejects.
"""

from __future__ import annotations

import copy
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import bib, frontmatter, glyphs, legal, manifest, taxonomy
from . import messages as M
from .body import BodyFacts, check_body, is_todo, stat_signature
from .diagnostics import Diagnostic, diag, sort_key, suggest, suggest_path
from .filetimes import History
from .model import DRAFT, RELEASED, SLUG_RE, Contribution, declared_status, from_frontmatter
from .slugs import slugify
from .taxonomy import Taxonomy, load

CONTRIB_DIR = "beitraege"
IMAGE_DIR = "bilder"  # images and include fragments next to the contributions
BIB_FILE = "literatur.bib"
MAX_FILE_MB = 2
MAX_LINE = 100_000


@dataclass
class FileReport:
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

    def issue_folders(self) -> set[int]:
        """Numbers of all issue folders, including those whose manifest has errors."""
        folder = self.root / ISSUES_DIR
        return {int(f.name) for f in folder.iterdir() if f.is_dir() and f.name.isdigit()} if folder.is_dir() else set()

    def issues_of(self, docname: str) -> list[manifest.Issue]:
        return [i for i in self.issues.values() if docname in i.contributions]

    def every_issue(self) -> list[manifest.Issue]:
        """All issues with a valid manifest, also those held by errors in their contributions, in number order."""
        return sorted([*self.issues.values(), *self.held.values()], key=lambda i: i.number)

    def proof_issues_of(self, docname: str) -> list[manifest.Issue]:
        """Where a proof of `docname` takes its layout from: the issues it is in, also one held by errors in
        other contributions (a proof never waits for them), else any issue, in number order."""
        every = self.every_issue()
        return [i for i in every if docname in i.contributions] or every

    def outputs_of(self, problem: Diagnostic) -> set[str]:
        """The outputs a problem blocks: HANDBOOK and/or `issue_key(n)`; nothing for drafts and Hinweise."""
        if not problem.is_error or problem.path in self.draft_paths:
            return set()
        path = problem.path
        if path.startswith(ISSUES_DIR + "/") and path != legal.PUBLISHER_FILE:
            folder = path.split("/")[1]
            return {issue_key(int(folder))} if folder.isdigit() else set()
        docname = self._docname_by_path.get(path)
        if docname is not None:
            return {HANDBOOK} | {issue_key(i.number) for i in self.issues_of(docname)}
        return {HANDBOOK} | {issue_key(n) for n in self.issues}  # bibliography, pages, templates: everything

    def output_errors(self, output: str, found: Iterable[Diagnostic] = ()) -> list[Diagnostic]:
        """The errors that keep `output` (HANDBOOK or `issue_key(n)`) from being published."""
        return sorted({p for p in (*self.problems, *found) if output in self.outputs_of(p)}, key=sort_key)

    @cached_property
    def _docname_by_path(self) -> dict[str, str]:
        return {r.path: d for d, r in self.reports.items()}


HANDBOOK = "handbuch"
ISSUES_DIR = "koopblatt"


def issue_key(number: int) -> str:
    return f"ausgabe-{number}"


def rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


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


CACHE_VERSION = 3
Signature = tuple[tuple[int, int] | None, str]  # (mtime_ns, size) and sha1 of the file's bytes


def _signature(file: Path) -> Signature:
    """A file's stat and content: a file restored with an older mtime (or the same one) is still new."""
    import hashlib

    try:
        digest = hashlib.sha1(file.read_bytes()).hexdigest()
    except OSError:
        digest = ""
    return stat_signature(file), digest


class ReportCache:
    """Per-file results of earlier runs (build/.work/pruefung.pickle), valid while the file keeps its content,
    every file it consulted (images, includes) its size and mtime, and the checking code is the same."""

    def __init__(self, root: Path, write: bool) -> None:
        self.path = root / "build" / ".work" / "pruefung.pickle"
        self.write_back = write
        self.stamp = (CACHE_VERSION, _code_stamp())
        self.entries: dict[str, tuple[Signature, FileReport]] = {}
        try:
            stamp, entries = pickle.loads(self.path.read_bytes())
            if stamp == self.stamp:
                self.entries = entries
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            pass

    def get(self, file: Path) -> FileReport | None:
        entry = self.entries.get(str(file))
        if entry is None or entry[0] != _signature(file):
            return None
        report = entry[1]
        if any(stat_signature(Path(p)) != sig for p, sig in report.facts.consulted.items()):
            return None
        return copy.deepcopy(report)

    def put(self, file: Path, report: FileReport) -> None:
        self.entries[str(file)] = (_signature(file), copy.deepcopy(report))

    def save(self, keep: set[str]) -> None:
        if not self.write_back:
            return
        self.entries = {k: v for k, v in self.entries.items() if k in keep}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps((self.stamp, self.entries)))
        os.replace(tmp, self.path)


def _code_stamp() -> str:
    """Digest of the modules that decide a file's diagnostics, and of the taxonomy."""
    import hashlib

    here = Path(__file__).parent
    h = hashlib.sha1()
    names = ["validate.py", "body.py", "model.py", "schema.py", "frontmatter.py", "diagnostics.py", "taxonomy.py",
             "glyphs.py", "urls.py", *sorted(f"messages/{p.name}" for p in here.glob("messages/*.py"))]
    for name in names:
        h.update((here / name).read_bytes())
    h.update(taxonomy.DATA_FILE.read_bytes())
    return h.hexdigest()


def original_key(history: History, report: FileReport) -> tuple[int, float, str]:
    """Which of two files holding the same label, title or slug is the original (the smaller key) and which
    the copy: a released file before a draft; then the file that came first (the commit that added it in
    git — an untracked file is newest —, else its creation time where the file system knows it); then the
    path. A copy made as a starting point is thus told, never the released original."""
    times = history.times(report.path)
    added = times.added if times.from_git or hasattr(os.stat_result, "st_birthtime") else 0.0
    if not times.from_git and history.in_git:
        added = float("inf")  # not yet added: the newest file there is
    return (report.is_draft, added, report.path)


def _owners(project: Project, claims: dict[str, list[tuple[FileReport, str, int]]]) -> list[
        tuple[str, tuple[FileReport, str, int], tuple[FileReport, str, int]]]:
    """(name, original claim, copy claim) for every name claimed by more than one file."""
    out = []
    keys: dict[str, tuple[int, float, str]] = {}
    history = History(project.root)  # read only if some name is claimed twice

    def key(claim: tuple[FileReport, str, int]) -> tuple[tuple[int, float, str], str, int]:
        report = claim[0]
        if report.path not in keys:
            keys[report.path] = original_key(history, report)
        return keys[report.path], claim[1], claim[2]

    for name, holders in claims.items():
        if len(holders) < 2:
            continue
        ordered = sorted(holders, key=key)
        out += [(name, ordered[0], copy) for copy in ordered[1:]]
    return out


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
    import re

    text = (project.root / report.path).read_text(encoding="utf-8", errors="replace")
    return next((n for n, line in enumerate(text.splitlines(), 1) if re.match(r"title\s*:", line)), 1)


def _cross_checks(project: Project, page_labels: dict[str, str]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    reports = sorted(project.reports.values(), key=lambda r: r.path)
    slugs: dict[str, list[tuple[FileReport, str, int]]] = {}
    labels: dict[str, list[tuple[FileReport, str, int]]] = {}
    titles: dict[str, list[tuple[FileReport, str, int]]] = {}
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
    for slug, (_, first, _), (_, path, _) in _owners(project, slugs):
        problems.append(diag(path, 1, "slug_duplicate", slug, first))
    for label, (_, first, first_line), (_, path, line) in _owners(project, labels):
        problems.append(diag(path, line, "label_duplicate", label, f"{first}:{first_line}"))
    for _, (_, first, _), (dup, path, _) in _owners(project, titles):
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
    import re

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
    docs = docs or root / "docs"
    reports = ReportCache(root, write=cache)
    tax = load()
    bibliography = bib.load(docs / BIB_FILE, rel(docs / BIB_FILE, root))
    project = Project(root, docs, tax, bibliography)
    project.problems += bibliography.problems
    contrib_root = docs / CONTRIB_DIR
    # Markdown in a bilder/ folder is an include fragment (Sphinx skips it too): checked where it is included
    files = sorted(f for f in contrib_root.rglob("*.md") if IMAGE_DIR not in f.relative_to(contrib_root).parts[:-1]) \
        if contrib_root.is_dir() else []
    for file in files:
        report = reports.get(file)
        if report is None:
            report = check_file(file, root, docs, tax)
            reports.put(file, report)
        project.reports[report.docname] = report
        project.problems += report.problems
    reports.save({str(f) for f in files})
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
    issues_root = root / ISSUES_DIR
    faulty = project.faulty_docnames()
    for folder in sorted(issues_root.iterdir()) if issues_root.is_dir() else []:
        if not folder.is_dir() or folder.name.startswith((".", "_")):
            continue
        path = folder / "ausgabe.yml"
        shown = rel(path, root)
        if not path.is_file():
            project.problems.append(diag(rel(folder, root), 1, "manifest_missing"))
            continue
        issue, more = manifest.load(path, shown, docs, root, project.publisher)
        project.problems += more
        if issue is None:
            continue
        for printed in (path, issue.editorial):  # titles, imprint and editorial are set in the koopBLATT too
            if printed.is_file():
                project.problems += glyphs.check(rel(printed, root), printed.read_text(encoding="utf-8"))
        drafts = [d for d in issue.contributions if d in project.drafts]
        for d in drafts:
            project.problems.append(diag(shown, issue.entry_lines[d], "manifest_draft", f"{d}.md"))
        bad = [d for d in issue.contributions if d in faulty and d not in project.drafts]
        for d in bad:
            project.problems.append(diag(shown, issue.entry_lines[d], "manifest_contribution", f"{d}.md"))
        bad += drafts
        if not bad:
            project.issues[issue.number] = issue
        else:
            project.held[issue.number] = issue
    project.problems.sort(key=sort_key)
    return project
