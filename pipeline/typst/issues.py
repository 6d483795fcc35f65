"""Setting the koopBLATT issues (and a proof): which PDFs changed, their main files, compiles on the builder's
threads, and what each issue came to (written, blocked by errors, set without balanced last pages).

An issue whose inputs did not change is not even translated (`_still_set`); otherwise its documents are
translated and its main file assembled for the screen and the print PDF, and each is compiled only when its
Typst input changed (`_digest`). Typst runs without the GIL: an issue compiles while the next is translated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import typst
from sphinx.builders import Builder
from sphinx.util import logging

from .. import catalogue, glyphs
from .. import messages as M
from ..code_digest import print_code
from ..diagnostics import Diagnostic, diag
from ..manifest import PRINT_SUFFIX, Issue
from ..model import Contribution
from ..outputs import build_time
from ..project import Project, issue_output
from ..sphinx_ext import capture, state
from . import compile as tc
from . import flatplan, issue_pages, print_version, template, xmp
from .decisions import Decisions, Written
from .document import assemble
from .measures import PAGES
from .parts import Parts
from .preamble import Part, Source
from .translator import image_aspect
from .workers import Workers

logger = logging.getLogger(__name__)
IMAGE_REF = re.compile(r'"(bilder/[^"\\]+)"')  # an image as the translator places it (`Context.images`)
SCREEN_STANDARDS = ["a-2a", "ua-1"]  # the print PDF, of the same layout, is PDF/UA-1 (`print_version`)
UNBALANCED_NOTE = ".unausgeglichen"  # beside a PDF set without balanced last pages: Typst's message


def timestamp(issue: Issue) -> int:
    return build_time(issue.date)


@dataclass
class Outcome:
    """What the run came to (read by the PDF step, `pipeline.typst.build`)."""

    written: list[Path] = field(default_factory=list)
    blocked: dict[int, list[Diagnostic]] = field(default_factory=dict)  # issues not set, with the errors that keep them
    refusal: str = ""  # why a proof cannot be made (German)
    failed: bool = False


@dataclass
class _Job:
    issue: Issue
    outs: list[Path]  # the screen PDF, and the print PDF of the same layout (none for a proof)
    future: Future[tuple[int, str]]
    manifest: str  # the issue's ausgabe.yml as shown in messages
    screen: bool  # the screen PDF of an issue (not a proof): its Sonderdrucke follow it
    laid_out: Future[None]  # the issue is laid out and its pages kept (before its PDFs are written)

    @property
    def number(self) -> int:
        return self.issue.number


def _set(main: Path, source: Callable[[int | None, bool], Source], *, outs: tuple[Path, Path | None], digest: str,
         timestamp: int, fallback: str, sheet: int, crop_marks: bool, issue_screen: bool, decisions: Decisions,
         serial: xmp.Serial | None = None, later: Callable[[Callable[[], None]], object] | None = None,
         laid_out: Future[None] | None = None) -> tuple[int, str]:
    """Compile one layout (in a compile thread) into the screen PDF and, if `outs` names one, the print PDF of the
    same layout (`print_version`), each with the digest beside it; its page count, and Typst's message if the
    balanced layout did not settle and the PDF was set without balancing (else ""). For an issue's screen PDF
    (`issue_screen`), what the flatplan and the Sonderdrucke need is kept beside it right away: the section markers
    and where the contributions stand (queries of the document just compiled, with the same compiler: no second
    layout pass) and the page images (PDFium, from the PDF; a job of its own, handed to `later` if given, so that
    the Sonderdrucke waiting for this PDF need not wait for them too). The balancing decisions kept from earlier
    compiles are passed back, and those this compile came to kept (`decisions`). Nothing large is held until all
    are set. `laid_out` is resolved once the layout is settled and what the Sonderdrucke need is kept (or with the
    error that ended the compile), so that they are set beside the PDFs being written."""
    screen_out, print_out = outs
    try:
        written = Written(source)

        def padded(balance: bool) -> tc.Compiled:
            return tc.compile_padded(main, lambda notes: written(notes, balance), standards=SCREEN_STANDARDS,
                                     timestamp=timestamp, fallback=fallback, sheet=sheet)

        result, unsettled = tc.settled(lambda: decisions.balanced(lambda: padded(True),
                                                                  lambda: tc.compiler(main.parent), written.passed),
                                       lambda: padded(False))
        compiler = tc.compiler(main.parent)  # it holds the document just set
        if issue_screen:
            issue_pages.record(compiler, written.passed(), screen_out)
    except BaseException as exc:
        if laid_out is not None:
            laid_out.set_exception(exc)
        raise
    if laid_out is not None:
        laid_out.set_result(None)
    found = flatplan.markers(main) if issue_screen else None
    pdfs = [(screen_out, print_version.screen(result.pdf, serial))]
    if found is not None:  # the page images are drawn while the print PDF is made
        draw = partial(flatplan.store_drawn, pdfs[0][1], found, flatplan.work_folder(screen_out))
        if later is not None:
            later(draw)
        else:
            draw()
    if print_out is not None:  # (`compiler` still holds the document: no compile on this thread since)
        pdfs.append((print_out, print_version.printed(result.pdf, print_version.PrintColours.of(compiler),
                                                      crop_marks=crop_marks, serial=serial)))
    for out, pdf in pdfs:
        out.write_bytes(pdf)
        out.with_suffix(".sha1").write_text(digest)
        remembered = out.with_suffix(UNBALANCED_NOTE)  # so that an unchanged build says it again
        if unsettled:
            remembered.write_text(unsettled, encoding="utf-8")
        else:
            remembered.unlink(missing_ok=True)
    return result.pages, unsettled


class Issues:
    """Sets the issues of one run (or a proof) with the builder's translator (`parts`) on its compile threads."""

    def __init__(self, parts: Parts, workers: Callable[[], Workers], outcome: Outcome,
                 on_issue_set: Callable[[Issue], None] | None = None) -> None:
        self.parts = parts
        self.on_issue_set = on_issue_set
        self.builder = parts.builder
        self.workers = workers
        self.outcome = outcome
        self.outdir = parts.outdir
        self._jobs: list[_Job] = []  # compiles under way, in order
        self._inputs: dict[int, tuple[Path, str]] = {}  # issue → (record, inputs) once both PDFs are set
        self._unbalanced: set[int] = set()  # issues set without balanced last pages (said once per build)
        self._unchanged: list[Issue] = []  # issues whose PDFs stand as set in an earlier build (not blocked)
        self.decisions = Decisions(self.outdir)

    def _project(self) -> Project:
        return state.project(state.app_of(self.builder))

    # -- one issue ---------------------------------------------------------------------------
    def set(self, issue: Issue, docnames: tuple[str, ...] | None = None, proof: bool = False) -> None:
        """Translate an issue (or a proof of `docnames`) and start compiling what changed."""
        project = self._project()
        docnames = docnames or issue.contributions
        if not proof and self._still_set(issue, docnames):
            return
        linked = project.linked(docnames)
        page = PAGES[issue.format.lower()]  # validated: one of schema.FORMATS
        parts = {d: self.parts.translate(d, linked, page) for d in docnames}
        editorial = None if proof else self.parts.translate(catalogue.issue_docname(issue.number), linked, page)
        found = capture.findings(state.app_of(self.builder))
        blocking = ([p for p in found.of(docnames) if p.is_error] if proof
                    else project.errors_blocking(issue_output(issue.number), found.all()))
        if blocking:  # only this issue waits for its errors; the others are set
            self.outcome.blocked[issue.number] = blocking
            self.outcome.failed = True
            return
        cover = None
        if issue.cover.image is not None and not proof:
            cover = f"/umschlag-{issue.number}{issue.cover.image.suffix}"  # per issue: issues compile side by side
            self.parts.copy_image(issue.cover.image, self.outdir / cover.lstrip("/"),
                                  page.cover(image_aspect(issue.cover.image)))
        template.install(self.outdir)  # unchanged: never rewritten while another issue compiles with it
        contributions = [project.all_contributions[d] for d in docnames]
        name = f"korrektur-{docnames[0].rsplit('/', 1)[-1]}" if proof else issue.id
        self._submit(issue, name, partial(self._source, issue, contributions, parts, editorial, proof, cover), proof)

    def _source(self, issue: Issue, contributions: list[Contribution], parts: dict[str, Part], editorial: Part | None,
                proof: bool, cover: str | None, notes: int | None, balance: bool = True,
                kept: bool = True) -> Source:
        """The main file of the issue (`kept`: with the balancing decisions kept passed back)."""
        return assemble(issue, contributions, self._project().taxonomy, bodies=lambda c: parts[c.docname],
                        editorial=editorial, proof=proof, notes_pages=notes,
                        cover=cover, balance=balance, decisions=self.decisions if kept else None)

    def _submit(self, issue: Issue, name: str, source: Callable[[int | None, bool, bool], Source], proof: bool) -> None:
        """Compile the issue's layout (its screen and print PDF; a proof's one PDF) on a compile thread, unless its
        Typst input is what they were set from (the text without decisions passed back: they change how fast, not
        what is set)."""
        screen = self.outdir / f"{name}.pdf"
        printed = None if proof else self.outdir / f"{name}{PRINT_SUFFIX}.pdf"
        outs = [o for o in (screen, printed) if o is not None]
        digest = self._digest(source(None, True, False).text, issue, proof)
        if all(o.is_file() and o.with_suffix(".sha1").is_file() and o.with_suffix(".sha1").read_text() == digest
               for o in outs):
            logger.info(M.PDF_UNCHANGED.format(issue.number))
            self.outcome.written += outs
            self._say_unbalanced(issue, outs)
            return
        for out in outs:
            logger.info(M.PDF_PROGRESS.format(issue.number, out.name))
        manifest = self.parts.shown(issue.folder / "ausgabe.yml")
        laid_out: Future[None] = Future()
        future = self.workers().submit(
            _set, self.outdir / f"{name}.typ", source, heavy=True, outs=(screen, printed), digest=digest,
            timestamp=timestamp(issue), fallback=manifest, sheet=1 if proof else 4, crop_marks=issue.crop_marks,
            issue_screen=not proof, decisions=self.decisions, later=self._in_background, laid_out=laid_out,
            serial=None if proof else xmp.Serial(issue.title, issue.number, issue.date, issue.issn_print,
                                                 issue.issn_online))
        self._jobs.append(_Job(issue, outs, future, manifest, screen=not proof, laid_out=laid_out))

    def _in_background(self, job: Callable[[], None]) -> object:
        """A job for the compile threads after the urgent ones (they finish it before the PDF step ends) that never
        calls Typst (an issue's page images): Typst may forget beside it."""
        return self.workers().submit(job, urgent=False, compiles=False)

    def _still_set(self, issue: Issue, docnames: tuple[str, ...]) -> bool:
        """True (and the issue done) if nothing its PDFs are made of changed since they were set: then its
        documents are not even translated. Otherwise the inputs are noted, to be recorded once both are set."""
        record = self.outdir / f"{issue.id}.eingaben"
        outs = [self.outdir / issue.screen_pdf, self.outdir / issue.print_pdf]
        inputs = self._inputs_of(issue, docnames)
        self._inputs[issue.number] = (record, inputs)
        if not (record.is_file() and record.read_text() == inputs
                and all(o.is_file() and o.with_suffix(".sha1").is_file() for o in outs)):
            record.unlink(missing_ok=True)
            return False
        found = capture.findings(state.app_of(self.builder)).all()
        blocking = self._project().errors_blocking(issue_output(issue.number), found)
        if blocking:
            self.outcome.blocked[issue.number] = blocking
            self.outcome.failed = True
        else:
            logger.info(M.PDF_UNCHANGED.format(issue.number))
            self.outcome.written += outs
            self._say_unbalanced(issue, outs)
            self._unchanged.append(issue)
        return True

    def _say_unbalanced(self, issue: Issue, outs: list[Path]) -> None:
        """The Hinweis that an unchanged PDF was set without balanced last pages (Typst's words kept beside it)."""
        for remembered in (o.with_suffix(UNBALANCED_NOTE) for o in outs):
            if remembered.is_file():
                self._note_unbalanced(issue.number, self.parts.shown(issue.folder / "ausgabe.yml"),
                                      remembered.read_text(encoding="utf-8"))
                return

    def _note_unbalanced(self, number: int, manifest: str, typst_says: str) -> None:
        if number not in self._unbalanced:
            self._unbalanced.add(number)
            capture.emit(logger, diag(manifest, 1, "pdf_unbalanced", number, typst_says))

    def _inputs_of(self, issue: Issue, docnames: tuple[str, ...]) -> str:
        """Everything an issue's Typst text and PDFs are made of, short of translating it: when each of its
        documents was read, every issue and contribution record, the taxonomy, the titles and labels other
        documents may lend to a reference, the template, fonts and cover (see `_digest`), and the code."""
        project = self._project()
        env = self.builder.env
        std = env.domaindata.get("std", {})
        facts = [
            [(d, env.all_docs.get(d)) for d in (*docnames, catalogue.issue_docname(issue.number))],
            repr(sorted(project.issues.items())), [repr(project.all_contributions[d]) for d in docnames],
            repr(project.taxonomy), sorted((d, t.astext()) for d, t in env.titles.items()),
            sorted(std.get("labels", {}).items()), sorted(std.get("anonlabels", {}).items()),
            str(self.builder.config.koop_handbook_url), getattr(typst, "__version__", ""), self._fixed(issue, False),
        ]
        return hashlib.sha1((repr(facts) + print_code()).encode()).hexdigest()

    def _digest(self, text: str, issue: Issue, proof: bool) -> str:
        h = hashlib.sha1(text.encode())
        h.update(self._fixed(issue, proof).encode())
        # only the images this issue sets (the folder is shared by all issues): a new photo in No. 4
        # must not re-set No. 3
        for name in sorted(set(IMAGE_REF.findall(text))):
            image = self.outdir / name
            if image.is_file():
                h.update(name.encode() + image.read_bytes())
        return h.hexdigest()

    @staticmethod
    def _fixed(issue: Issue, proof: bool) -> str:
        """The inputs of an issue's PDF besides its text and images: template, settings, fonts, cover."""
        h = hashlib.sha1(template.digest().encode())
        h.update(repr((SCREEN_STANDARDS, proof, timestamp(issue), issue.crop_marks, glyphs.font_paths())).encode())
        if issue.cover.image is not None and issue.cover.image.is_file():
            h.update(issue.cover.image.read_bytes())
        return h.hexdigest()

    # -- the whole run -------------------------------------------------------------------------
    def collect(self) -> None:
        """Wait for the compiles in order; a Typst error keeps its issue (and is reported at its source). Once an
        issue is laid out, the builder's `on_issue_set` is told (its cases' Sonderdrucke follow it, set beside the
        issue's PDFs being written: the Sonderdruck of an edited case no longer waits for its issue's print PDF).
        An issue not set again is told while the main thread would wait for a layout (its Sonderdrucke are checked
        then, not after all are set: at N=200 that check is 0.8 s), one issue at a time, so that a layout done is
        told first."""
        unchanged = list(self._unchanged) if self.on_issue_set is not None else []
        self._unchanged = []
        for job in self._jobs:
            while unchanged and not job.laid_out.done():
                self._tell(unchanged.pop(0))
            if job.screen and job.laid_out.exception() is None:
                self._tell(job.issue)  # (`exception` waits for the layout; a failed one is reported below)
        for issue in unchanged:
            self._tell(issue)
        for job in self._jobs:
            try:
                pages, unsettled = job.future.result()
            except tc.CompileError as failure:
                for where, line, text in failure.items:
                    capture.emit(logger, problem(self.builder, where, text, line))
                self.outcome.blocked[job.number] = capture.findings(state.app_of(self.builder)).all()
                self.outcome.failed = True
                continue
            self.outcome.written += job.outs
            for out in job.outs:
                logger.info(M.PDF_DONE.format(job.number, out.name, M.count(pages, "Seite")))
            if unsettled:  # set without balanced last pages: a Hinweis
                self._note_unbalanced(job.number, job.manifest, unsettled)
        self._jobs = []
        for number, (record, inputs) in self._inputs.items():
            if number not in self.outcome.blocked:
                record.write_text(inputs)
        self._inputs = {}

    def _tell(self, issue: Issue) -> None:
        if self.on_issue_set is not None:
            self.on_issue_set(issue)

    def proof(self, path: str) -> None:
        """A Korrekturabzug of one contribution, in the layout of the first issue (or a default one)."""
        project = self._project()
        docname = next((d for d, c in project.all_contributions.items() if path in (c.path, f"docs/{d}.md")), None)
        if docname is None:
            self._refuse(M.PROOF_UNKNOWN.format(path))
            return
        issues = project.proof_issues_of(docname)  # also an issue held by another contribution's errors
        if not issues:
            self._refuse(M.PROOF_NO_ISSUE)
            return
        self.set(issues[0], (docname,), proof=True)

    def _refuse(self, why: str) -> None:
        self.outcome.refusal = why
        self.outcome.failed = True


def problem(builder: Builder, where: str, text: str, line: int = 1) -> Diagnostic:
    """A Typst failure at the contribution (and line) that uses the broken image, else where it points."""
    project = state.project(state.app_of(builder))
    image = where.removeprefix("docs/")
    if where != image and not where.endswith(".md"):
        for report in project.reports.values():
            if image in report.facts.images:
                lines = (project.root / report.path).read_text(encoding="utf-8").splitlines()
                name = Path(image).name
                line = next((n for n, t in enumerate(lines, 1) if name in t), 1)
                return diag(report.path, line, "typst", f"„{name}“: {text}")
    return diag(where, line, "typst", text)
