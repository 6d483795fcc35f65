"""Sonderdrucke: every released case as its own PDF in the koopBLATT layout, linked from its handbook page.

Screen PDF (PDF/A-2a + PDF/UA-1, like the issues' screen PDF), no watermark, the case's own title and
authors in the metadata, a colophon with the German citation, its address and licence on a page of its own
after it. A case printed in an issue is set as on the issue's pages („Sonderdruck aus koopBLATT No. 3“): the
issue's format, its page numbers, its references to the rest of the issue („siehe S. n“, linked to the
handbook) and the very `#beitrag` call the issue compiled, so that it is balanced with the issue's decision
(`decisions`, `issue_pages`) instead of finding one again. A case in no issue is set on its own (A4).

Set in the `koopblatt` builder's run with its translator (an issue's translation is reused) and compile threads:
a case in no issue at once (`write-started`), a case's in an issue as soon as its issue is laid out, or, for an
issue not set again, while the main thread waits for the layouts of the others (`Issues.collect` → `on_issue_set`),
all in the background, taken in turn with the issues' PDFs; the rest (cases of an issue held by errors) at
`build-finished`. Only cases whose inputs changed are set:
the digest covers the stored doctree, the files the case depends on (images, includes), the template, the
colophon, the compile settings and of the issue's pages only those the Sonderdruck prints (where its case starts,
where its references point: `Placed.narrowed`, the labels kept beside the PDF from its last translation), so
checking an unchanged case reads two small files, and an edit that moves the pages of other cases of the issue
sets again only the Sonderdrucke whose pages moved.
Published to build/pdf/sonderdrucke/ together with the handbook that offers them: while an error blocks the
handbook, the last good Sonderdrucke stay (a draft's is removed at once).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from .. import citation, glyphs
from .. import messages as M
from ..manifest import Issue
from ..model import Contribution
from ..outputs import build_dir, build_time, publish_file, remove_stale
from ..project import HANDBOOK_OUTPUT, Project
from ..sphinx_ext import capture, state
from . import compile as tc
from . import escape, issue_pages, template
from .builder import KoopblattBuilder
from .decisions import Decisions, Written, references
from .document import beitrag_line
from .issues import SCREEN_STANDARDS
from .measures import PAGES
from .preamble import Edition, MainFile, Offprint, Part, Source

logger = logging.getLogger(__name__)
WORK = citation.OFFPRINT_DIR  # in the builder's outdir: <kurzname>.pdf, .sha1 and .verweise of every Sonderdruck
LABELS = ".verweise"  # beside a Sonderdruck's work PDF: the labels its references named (JSON list)
ATTR = "_koop_offprints"


def target_dir(root: Path) -> Path:
    return build_dir(root) / "pdf" / citation.OFFPRINT_DIR


@dataclass(frozen=True)
class Placed:
    """Where a Sonderdruck's contribution is set: in its (first) issue, as there, or on its own (A4, from page
    1, its links to other contributions going to the handbook) when it is in no issue that was set."""

    issue: Issue | None
    pages: tuple[tuple[str, int], ...] = ()  # the issue's pages (`issue_pages`): label → page

    @property
    def format(self) -> str:
        return self.issue.format if self.issue is not None else "a4"  # as the issue's main file says it

    def first_page(self, c: Contribution) -> int | None:
        return dict(self.pages).get(issue_pages.start_label(c.slug)) if self.issue is not None else None

    def narrowed(self, c: Contribution, labels: Iterable[str]) -> Placed:
        """With only the pages the Sonderdruck of `c` prints: where it starts and where `labels` (the labels its
        references name) are."""
        keep = {issue_pages.start_label(c.slug), *labels}
        return replace(self, pages=tuple(item for item in self.pages if item[0] in keep))

    def linked(self, project: Project, c: Contribution) -> dict[str, str]:
        """The documents of the PDF the contribution is translated for (docname → slug)."""
        if self.issue is None:
            return {c.docname: c.slug}
        return project.linked(self.issue.contributions)


def placed(project: Project, outdir: Path, c: Contribution) -> Placed:
    issues = project.issues_of(c.docname)
    if issues:
        pages = issue_pages.load(outdir, issues[0])
        if issue_pages.start_label(c.slug) in pages:
            return Placed(issues[0], tuple(sorted(pages.items())))
    return Placed(None)


def main_file(project: Project, c: Contribution, rec: citation.Record, part: Part, where: Placed,
              balance: bool = True, decisions: Decisions | None = None) -> Source:
    """The Typst main file of one Sonderdruck: the issue layout (screen PDF), one contribution set as in its issue
    (`where`), the colophon on a page of its own after it (`balance` False: its last page unbalanced, the fallback
    when the balanced layout does not settle)."""
    tax = project.taxonomy
    issues = project.issues_of(c.docname)
    first = issues[0] if issues else None
    head = M.OFFPRINT_HEAD.format(rec.issues[0] if rec.issues else rec.container)
    offprint = Offprint(rec.full_title, [p.name for p in rec.authors], head, where.first_page(c), dict(where.pages))
    edition = Edition(first.number if first else 1, first.year if first else c.date.year, c.date,
                      first.title if first else M.ISSUES_TITLE, None, where.format, tax.cities[c.stadt].colour,
                      balance=balance, offprint=offprint)
    text = citation.german([rec])[rec.key].removesuffix(rec.url).rstrip()  # the address follows as a link
    main = MainFile(edition, tax, decisions)
    main.contribution(c.slug, partial(beitrag_line, c, tax, part.body), part)  # the call its issue sets
    main.emit(f"#sonderdruck-vermerk(titel: {escape.string(M.OFFPRINT_SUGGESTION)}, zitat: {escape.string(text)}, "
              f"url: {escape.string(rec.url)}, lizenz: {escape.string(M.CITE_LICENSE.format(rec.license))})\n")
    return main.source()


def _digest(builder: KoopblattBuilder, docname: str, rec: citation.Record, where: Placed) -> str:
    """Everything a Sonderdruck is made of, without translating it."""
    h = hashlib.sha1(repr((rec, SCREEN_STANDARDS, build_time(rec.date), glyphs.font_paths(),
                           builder.config.koop_code, where)).encode())
    h.update(template.digest().encode())
    h.update((Path(builder.doctreedir) / f"{docname}.doctree").read_bytes())
    for dep in sorted(str(d) for d in builder.env.dependencies.get(docname, ())):
        file = Path(builder.srcdir) / dep
        stat = file.stat() if file.is_file() else None
        h.update(f"{dep}:{stat.st_size if stat else -1}:{stat.st_mtime_ns if stat else -1}".encode())
    return h.hexdigest()


@dataclass
class Job:
    """One Sonderdruck to set: translated in the main thread, compiled in the background."""

    contribution: Contribution
    digest: str
    labels: list[str]  # what its references name (`narrowed`), kept beside the PDF with the digest
    main: Path
    source: Callable[[bool], Source]  # balanced last page or not (when the balanced layout does not settle)
    decisions: Decisions  # the balancing decisions kept from earlier compiles
    out: Path  # the work PDF, written by the worker (its bytes are not kept until all are collected)
    result: Future[tuple[bool, list[tuple[tuple[str, int], str]]]] | None = None


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    current: set[str] = field(default_factory=set)  # docnames whose work PDF is up to date
    planned: set[str] = field(default_factory=set)  # docnames looked at (each once per run)


def _work_pdf(builder: KoopblattBuilder, c: Contribution) -> Path:
    return Path(builder.outdir) / WORK / f"{c.slug}.pdf"


def _kept_labels(pdf: Path) -> list[str] | None:
    """The labels the references of the Sonderdruck in `pdf` named when it was set; None if not known."""
    try:
        labels = json.loads(pdf.with_suffix(LABELS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [str(label) for label in labels] if isinstance(labels, list) else None


def _current(pdf: Path, digest: str) -> bool:
    stamp = pdf.with_suffix(".sha1")
    return pdf.is_file() and stamp.is_file() and stamp.read_text() == digest


def plan(app: Sphinx, builder: KoopblattBuilder, docnames: Iterable[str], into: Plan) -> None:
    """Which of the Sonderdrucke of `docnames` changed (digest); translate those (Sphinx is not thread-safe: main
    thread only) and submit each as soon as it is translated (the worker compiles while the next is translated)."""
    project = state.project(app)
    out = Path(builder.outdir)
    (out / WORK).mkdir(parents=True, exist_ok=True)
    template.install(out)
    found = capture.findings(app)
    base, publisher = str(builder.config.koop_handbook_url), str(builder.config.author)
    decisions = Decisions(out)
    workers = builder.workers()
    for docname in docnames:
        c = project.contributions.get(docname)
        if c is None or docname in into.planned:
            continue
        into.planned.add(docname)
        if any(p.is_error for p in found.of((docname,))):
            continue  # its last good Sonderdruck stays; the handbook waits for the fix
        rec = citation.record(c, project.issues_of(docname), base, publisher)
        pdf = _work_pdf(builder, c)
        where = placed(project, out, c)
        kept = _kept_labels(pdf)
        if kept is not None and _current(pdf, _digest(builder, docname, rec, where.narrowed(c, kept))):
            into.current.add(docname)
            continue
        part = builder.translate(docname, where.linked(project, c), PAGES[where.format.lower()])
        labels = references(beitrag_line(c, project.taxonomy, part.body, None))
        where = where.narrowed(c, labels)
        digest = _digest(builder, docname, rec, where)
        if _current(pdf, digest):  # as set, only what it named was not kept
            pdf.with_suffix(LABELS).write_text(json.dumps(labels), encoding="utf-8")
            into.current.add(docname)
            continue
        job = Job(c, digest, labels, out / f"sonderdruck-{c.slug}.typ",
                  partial(main_file, project, c, rec, part, where, decisions=decisions), decisions, pdf)
        into.jobs.append(job)
        # in the background: taken in turn with the issues' PDFs (which age Typst's memory out, `workers`)
        job.result = workers.submit(compile_job, job, urgent=False)


def compile_job(job: Job) -> tuple[bool, list[tuple[tuple[str, int], str]]]:
    """Compile one Sonderdruck into its work PDF (in a compile thread: Typst releases the GIL); (written, errors as
    ((path, line), text))."""
    written = Written(job.source)

    def compiled(balance: bool) -> bytes:
        return tc.compile_bytes(job.main, written(balance), standards=list(SCREEN_STANDARDS),
                                timestamp=build_time(job.contribution.date), fallback=job.contribution.path)

    try:  # as for the issues: rather unbalanced than not at all (and with the balancing decision kept, if any)
        pdf, _unsettled = tc.settled(
            lambda: job.decisions.balanced(lambda: compiled(True), lambda: tc.compiler(job.main.parent),
                                           written.passed),
            lambda: compiled(False))
    except tc.CompileError as exc:  # as for the issues: a warning means the PDF differs from what the author wrote
        return False, [((where, line), text) for where, line, text in exc.items]
    job.out.write_bytes(pdf)
    job.out.with_suffix(LABELS).write_text(json.dumps(job.labels), encoding="utf-8")
    job.out.with_suffix(".sha1").write_text(job.digest)
    return True, []


def _issue_set(app: Sphinx, builder: KoopblattBuilder, work: Plan, issue: Issue) -> None:
    """An issue is laid out (or stands as an earlier build set it): the Sonderdrucke of the cases it is the first
    issue of can be set now."""
    project = state.project(app)
    plan(app, builder, [d for d in issue.contributions if project.issues_of(d)[0].number == issue.number], work)


def finish(app: Sphinx, builder: KoopblattBuilder, work: Plan, publish: bool = True) -> None:
    """Collect the compiled Sonderdrucke, report failures at their case, publish, drop those of drafts."""
    project = state.project(app)
    target = target_dir(state.root_of(builder))
    done = set(work.current)
    for job in work.jobs:
        written, problems = job.result.result() if job.result is not None else (False, [])
        for (where, line), text in problems:
            capture.emit(logger, builder.problem(where, text, line))
            builder.outcome.failed = True
        if written:
            done.add(job.contribution.docname)
    if work.jobs:
        logger.info(M.OFFPRINT_PROGRESS.format(len(work.jobs), len(project.contributions)))
    keep = {citation.offprint_name(r.docname.rsplit("/", 1)[-1]) for r in project.reports.values() if not r.is_draft}
    # removed, renamed or back to draft: never public, whatever else happens
    remove_stale(target, "sonderdruck-*.pdf", lambda pdf: pdf.name in keep)
    # the Sonderdrucke are the handbook's downloads: published when the handbook can be (the work copies stay,
    # so they are published without being set again once the error is fixed)
    if not publish or project.errors_blocking(HANDBOOK_OUTPUT, capture.findings(app).all()):
        return
    for docname in sorted(done):
        c = project.contributions[docname]
        data = _work_pdf(builder, c).read_bytes()
        published = target / citation.offprint_name(c.slug)
        if not published.is_file() or published.read_bytes() != data:
            publish_file(data, published)


def _wanted(app: Sphinx) -> KoopblattBuilder | None:
    builder = app.builder
    return builder if isinstance(builder, KoopblattBuilder) and not app.config.koop_proof else None


def _started(app: Sphinx, builder: Any) -> None:
    """The Sonderdrucke of cases in no issue now (they wait for nothing), those of an issue's cases as soon as its
    screen PDF is set (`Issues.collect`)."""
    wanted = _wanted(app)
    if wanted is not None:
        work = Plan()
        setattr(app, ATTR, work)
        wanted.on_issue_set = partial(_issue_set, app, wanted, work)
        project = state.project(app)
        plan(app, wanted, [d for d in project.contributions if not project.issues_of(d)], work)


def _finished(app: Sphinx, exc: BaseException | None) -> None:
    """The rest (cases of an issue held by errors, any not planned yet), once the issues are set; collect and
    publish."""
    builder = _wanted(app)
    work = getattr(app, ATTR, None)
    if builder is None or not isinstance(work, Plan):
        return
    setattr(app, ATTR, None)
    builder.on_issue_set = None
    if exc is None:
        plan(app, builder, list(state.project(app).contributions), work)
    finish(app, builder, work, publish=exc is None)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("pipeline.typst.builder")
    app.connect("write-started", _started)
    # before `capture` saves the findings at build-finished, so a failed Sonderdruck stays reported
    app.connect("build-finished", _finished, priority=300)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
