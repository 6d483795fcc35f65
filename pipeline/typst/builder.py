"""The `koopblatt` Sphinx builder: resolved doctrees → Typst → print and screen PDF per issue.

Sphinx reads (incrementally, shared doctrees with the HTML build); this builder translates the
documents of each issue, assembles the main file, and compiles only when the Typst input changed.
Results go to the builder's outdir; `pipeline.typst.pdf` publishes them atomically.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Set
from concurrent.futures import Future
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ClassVar

import typst
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging

from .. import catalogue, glyphs, images
from .. import messages as M
from ..diagnostics import Diagnostic, diag
from ..manifest import Issue
from ..outputs import build_time, work_dir, write_if_changed
from ..sphinx_ext import capture, marks, state
from ..validate import issue_key
from . import compile as tc
from . import flatplan, template, xmp
from .document import Part, Source, assemble
from .escape import label
from .placement import figures_to_first_reference
from .translator import Context, TypstTranslator, author_width, image_aspect, spans_columns
from .workers import Workers

logger = logging.getLogger(__name__)
PACKAGE = Path(__file__).parents[1]  # its code is an input of every PDF
IMAGE_REF = re.compile(r'"(bilder/[^"\\]+)"')  # an image as the translator places it (`Context.images`)
BLEED_MM = 3.0
SCREEN_STANDARDS = ["a-2a", "ua-1"]
PRINT_STANDARDS = ["ua-1"]


@dataclass(frozen=True)
class Page:
    """A format's measures as the template sets them (koopblatt.typ, `_masse`), in mm."""

    width: float
    height: float
    text: float  # text width between the margins
    columns: int
    gutter: float
    area: float  # height of the type area

    @property
    def column(self) -> float:
        return (self.text - self.gutter * (self.columns - 1)) / self.columns

    def cover(self, aspect: float) -> float:
        """Width of a cover picture: it fills page width plus bleed and the page below the masthead (a third)."""
        return max(self.width + 2 * BLEED_MM, (self.height * 2 / 3 + BLEED_MM) * aspect)


PAGES = {"a4": Page(210, 297, 210 - 20 - 17, 2, 6, 297 - 25 - 23),
         "a5": Page(148, 210, 148 - 18 - 15, 1, 4.5, 210 - 19 - 18)}
# The highest a figure's picture is printed, as a part of the type area's height: in a column, across the page
# (template: `_bild-anteil`); a taller one is printed narrower.
PICTURE_SHARE = (0.4, 0.5)
UNITS_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}


def placed_mm(node: nodes.image, aspect: float, page: Page, *, full_width: bool) -> float:
    """How wide an image is printed at most: a column, or the text width for figures that span both columns
    (and on pages without columns), a figure's picture no higher than its share of the type area; an author's
    `:width:` makes it narrower."""
    wide = spans_columns(node, aspect)
    room = page.text if full_width or wide else page.column
    if isinstance(node.parent, nodes.figure):
        room = min(room, PICTURE_SHARE[wide] * page.area * aspect)
    given = author_width(node)
    m = re.fullmatch(r"([\d.]+)(%|mm|cm|in|pt)", given or "")
    if m is None:
        return room
    value = float(m.group(1))
    return min(room, room * value / 100 if m.group(2) == "%" else value * UNITS_MM[m.group(2)])


def timestamp(issue: Issue) -> int:
    return build_time(issue.date)


GENERIC_FONTS = {b"sans-serif": b"Fira Sans", b"serif": b"Libertinus Serif"}


def svg_fonts(data: bytes) -> bytes:
    """Typst draws SVG text with its own fonts and silently uses a serif for unknown generic
    families; put the magazine's open fonts first so diagrams are set in Fira Sans."""
    def fix(m: re.Match[bytes]) -> bytes:
        families = [f.strip().strip(b"'\"") for f in m.group(2).split(b",")]
        first = GENERIC_FONTS.get(families[0].lower()) if families else None
        if first is None:
            return m.group(0)
        return m.group(1) + first + b", " + m.group(2) + m.group(3)

    return re.sub(rb'(font-family\s*[=:]\s*["\']?)([^"\';>]+)(["\';]?)', fix, data)


UNBALANCED_NOTE = ".unausgeglichen"  # beside a PDF set without balanced last pages: Typst's message


@dataclass
class _Job:
    number: int
    out: Path
    digest: str
    future: Future[tuple[int, str]]
    manifest: str  # the issue's ausgabe.yml as shown in messages


@cache
def _code_version() -> str:
    h = hashlib.sha1()
    for code in sorted(PACKAGE.rglob("*.py")):
        h.update(code.read_bytes())
    return h.hexdigest()


def _set(main: Path, source: Callable[[int | None, bool], Source], *, out: Path, digest: str, standards: list[str],
         timestamp: int, fallback: str, sheet: int, crop_marks: bool | None, thumbnails: bool,
         serial: xmp.Serial | None = None) -> tuple[int, str]:
    """Compile one PDF into `out` (in a compile thread; its digest beside it); its page count, and Typst's message
    if the balanced layout did not settle and the PDF was set without balancing (else ""). `crop_marks` None for
    the screen PDF, else finish it for print. With `thumbnails`, the flatplan's page images and section markers
    are taken from the same compiled document right away, with the same compiler (Typst's memoised layout: no
    second layout pass), and kept beside the PDF. Nothing large is held until all are set."""
    def padded(balance: bool) -> tc.Compiled:
        return tc.compile_padded(main, lambda notes: source(notes, balance), standards=standards,
                                 timestamp=timestamp, fallback=fallback, sheet=sheet)

    result, unsettled = tc.settled(lambda: padded(True), lambda: padded(False))
    pdf = tc.finish_print(result.pdf, BLEED_MM, crop_marks) if crop_marks is not None else result.pdf
    if serial is not None:  # the screen PDF is the online edition, the print PDF the printed one
        pdf = xmp.with_serial(pdf, serial, online=crop_marks is None)
    if thumbnails:
        pages = flatplan.render(main, hashlib.sha1(pdf).hexdigest())
        if pages is not None:
            pages.store(flatplan.work_folder(out))
    out.write_bytes(pdf)
    out.with_suffix(".sha1").write_text(digest)
    remembered = out.with_suffix(UNBALANCED_NOTE)  # so that an unchanged build says it again
    if unsettled:
        remembered.write_text(unsettled, encoding="utf-8")
    else:
        remembered.unlink(missing_ok=True)
    return result.pages, unsettled


class KoopblattBuilder(Builder):
    name = "koopblatt"
    format = "typst"
    epilog = ""
    allow_parallel = False
    supported_image_types: ClassVar[list[str]] = ["image/svg+xml", "image/png", "image/jpeg"]

    def init(self) -> None:
        self.active: dict[str, str] = {}  # docname → slug of the documents in the issue being set
        self.failed = False
        self.written: list[Path] = []
        self.blocked: dict[int, list[Diagnostic]] = {}  # issues not set, with the errors that keep them
        self.refusal = ""  # why a proof cannot be made (German)
        self.page = PAGES["a4"]  # of the issue being set
        self.jobs: list[_Job] = []  # compiles under way, in order
        self.inputs: dict[int, tuple[Path, str]] = {}  # issue → (record, inputs) once both PDFs are set
        self.unbalanced: set[int] = set()  # issues set without balanced last pages (said once per build)
        self._workers: Workers | None = None

    def get_outdated_docs(self) -> str:
        return M.PDF_TARGETS

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return "doc:" + docname

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return "doc:" + to

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def write_documents(self, docnames: Set[str]) -> None:
        project = state.project(state.app_of(self))
        proof = self.config.koop_proof
        if proof:
            self.set_proof(proof)
        else:
            for number in sorted(project.issues):
                self.set_issue(project.issues[number])
        self._collect()

    def workers(self) -> Workers:
        """The compile threads of this run (shared with the Sonderdrucke; stopped at build-finished)."""
        if self._workers is None:
            self._workers = Workers()
        return self._workers

    def stop_workers(self) -> None:
        if self._workers is not None:
            self._workers.shutdown()
            self._workers = None

    # -- one issue -----------------------------------------------------------------------
    def set_issue(self, issue: Issue, docnames: tuple[str, ...] | None = None, proof: bool = False) -> None:
        project = state.project(state.app_of(self))
        docnames = docnames or issue.contributions
        self.active = {d: project.all_contributions[d].slug for d in docnames}
        self.page = PAGES[issue.format.lower()]  # validated: one of schema.FORMATS
        if not proof and self._still_set(issue, docnames):
            return
        parts = {d: self.translate(d) for d in docnames}
        editorial_doc = catalogue.issue_docname(issue.number)
        editorial = None if proof else self.translate(editorial_doc)
        found = capture.findings(state.app_of(self))
        blocking = ([p for p in found.of(docnames) if p.is_error] if proof
                    else project.output_errors(issue_key(issue.number), found.all()))
        if blocking:  # only this issue waits for its errors; the others are set
            self.blocked[issue.number] = blocking
            self.failed = True
            return
        contributions = [project.all_contributions[d] for d in docnames]
        cover = None
        if issue.cover.image is not None and not proof:
            cover = f"/umschlag-{issue.number}{issue.cover.image.suffix}"  # per issue: issues compile side by side
            self._copy(issue.cover.image, Path(self.outdir) / cover.lstrip("/"),
                       self.page.cover(image_aspect(issue.cover.image)))
        template.install(Path(self.outdir))  # unchanged: never rewritten while another issue compiles with it
        name = f"korrektur-{docnames[0].rsplit('/', 1)[-1]}" if proof else issue.id
        variants = [("", False, SCREEN_STANDARDS)] if proof else [
            ("", False, SCREEN_STANDARDS), ("-druck", True, PRINT_STANDARDS)]
        for suffix, print_version, standards in variants:
            def source(notes: int | None, balance: bool = True, print_version: bool = print_version) -> Source:
                return assemble(issue, contributions, project.taxonomy, bodies=lambda c: parts[c.docname],
                                editorial=editorial, print_version=print_version, proof=proof,
                                notes_pages=notes, cover=cover, balance=balance)
            out = Path(self.outdir) / f"{name}{suffix}.pdf"
            main = Path(self.outdir) / f"{name}{suffix}.typ"
            digest = self._digest(source(None).text, issue, standards)
            stamp = out.with_suffix(".sha1")
            if out.is_file() and stamp.is_file() and stamp.read_text() == digest:
                logger.info(M.PDF_UNCHANGED.format(issue.number))
                self.written.append(out)
                self._say_unbalanced(issue, [out])
                continue
            logger.info(M.PDF_PROGRESS.format(issue.number, out.name))
            # Typst runs without the GIL: this compile goes on while the next issue is translated
            manifest = self._shown(issue.folder / "ausgabe.yml")
            future = self.workers().submit(
                _set, main, source, out=out, digest=digest, standards=standards, timestamp=timestamp(issue),
                fallback=manifest, sheet=1 if proof else 4,
                crop_marks=issue.crop_marks if print_version else None, thumbnails=not proof and not print_version,
                serial=None if proof else xmp.Serial(issue.title, issue.number, issue.date, issue.issn_print,
                                                     issue.issn_online))
            self.jobs.append(_Job(issue.number, out, digest, future, manifest))

    def _still_set(self, issue: Issue, docnames: tuple[str, ...]) -> bool:
        """True (and the issue done) if nothing its PDFs are made of changed since they were set: then its
        documents are not even translated. Otherwise the inputs are noted, to be recorded once both are set."""
        record = Path(self.outdir) / f"{issue.id}.eingaben"
        outs = [Path(self.outdir) / f"{issue.id}{suffix}.pdf" for suffix in ("", "-druck")]
        inputs = self._inputs(issue, docnames)
        self.inputs[issue.number] = (record, inputs)
        if not (record.is_file() and record.read_text() == inputs
                and all(o.is_file() and o.with_suffix(".sha1").is_file() for o in outs)):
            record.unlink(missing_ok=True)
            return False
        project = state.project(state.app_of(self))
        blocking = project.output_errors(issue_key(issue.number), capture.findings(state.app_of(self)).all())
        if blocking:
            self.blocked[issue.number] = blocking
            self.failed = True
        else:
            logger.info(M.PDF_UNCHANGED.format(issue.number))
            self.written += outs
            self._say_unbalanced(issue, outs)
        return True

    def _say_unbalanced(self, issue: Issue, outs: list[Path]) -> None:
        """The Hinweis that an unchanged PDF was set without balanced last pages (Typst's words kept beside it)."""
        for remembered in (o.with_suffix(UNBALANCED_NOTE) for o in outs):
            if remembered.is_file():
                self._note_unbalanced(issue.number, self._shown(issue.folder / "ausgabe.yml"),
                                      remembered.read_text(encoding="utf-8"))
                return

    def _note_unbalanced(self, number: int, manifest: str, typst_says: str) -> None:
        if number not in self.unbalanced:
            self.unbalanced.add(number)
            capture.emit(logger, diag(manifest, 1, "pdf_unbalanced", number, typst_says))

    def _inputs(self, issue: Issue, docnames: tuple[str, ...]) -> str:
        """Everything an issue's Typst text and PDFs are made of, short of translating it: when each of its
        documents was read, every issue and contribution record, the taxonomy, the titles and labels other
        documents may lend to a reference, the template, fonts and cover (see `_digest`), and the code."""
        project = state.project(state.app_of(self))
        env = self.env
        std = env.domaindata.get("std", {})
        facts = [
            [(d, env.all_docs.get(d)) for d in (*docnames, catalogue.issue_docname(issue.number))],
            repr(sorted(project.issues.items())), [repr(project.all_contributions[d]) for d in docnames],
            repr(project.taxonomy), sorted((d, t.astext()) for d, t in env.titles.items()),
            sorted(std.get("labels", {}).items()), sorted(std.get("anonlabels", {}).items()),
            str(self.config.koop_handbook_url), getattr(typst, "__version__", ""), self._fixed(issue, []),
        ]
        return hashlib.sha1((repr(facts) + _code_version()).encode()).hexdigest()

    def _collect(self) -> None:
        """Wait for the compiles in order; a Typst error keeps its issue (and is reported at its source)."""
        for job in self.jobs:
            try:
                pages, unsettled = job.future.result()
            except tc.CompileError as failure:
                for where, line, text in failure.items:
                    capture.emit(logger, self._typst_problem(where, text, line))
                self.blocked[job.number] = capture.findings(state.app_of(self)).all()
                self.failed = True
                continue
            self.written.append(job.out)
            logger.info(M.PDF_DONE.format(job.number, job.out.name, M.count(pages, "Seite")))
            if unsettled:  # set without balanced last pages: a Hinweis
                self._note_unbalanced(job.number, job.manifest, unsettled)
        self.jobs = []
        for number, (record, inputs) in self.inputs.items():
            if number not in self.blocked:
                record.write_text(inputs)
        self.inputs = {}

    def set_proof(self, path: str) -> None:
        """A Korrekturabzug of one contribution, in the layout of the first issue (or a default one)."""
        project = state.project(state.app_of(self))
        docname = next((d for d, c in project.all_contributions.items() if path in (c.path, f"docs/{d}.md")), None)
        if docname is None:
            self.refusal = M.PROOF_UNKNOWN.format(path)
            self.failed = True
            return
        issues = project.proof_issues_of(docname)  # also an issue held by another contribution's errors
        if not issues:
            self.refusal = M.PROOF_NO_ISSUE
            self.failed = True
            return
        self.set_issue(issues[0], (docname,), proof=True)

    # -- helpers ---------------------------------------------------------------------------
    def _typst_problem(self, where: str, text: str, line: int = 1) -> Diagnostic:
        """A Typst failure at the contribution (and line) that uses the broken image, else where it points."""
        project = state.project(state.app_of(self))
        image = where.removeprefix("docs/")
        if where != image and not where.endswith(".md"):
            for report in project.reports.values():
                if image in report.facts.images:
                    lines = (project.root / report.path).read_text(encoding="utf-8").splitlines()
                    name = Path(image).name
                    line = next((n for n, t in enumerate(lines, 1) if name in t), 1)
                    return diag(report.path, line, "typst", f"„{name}“: {text}")
        return diag(where, line, "typst", text)

    def _copy(self, src: Path, dest: Path, width_mm: float) -> None:
        """An image for the PDF: SVG with the magazine's fonts, PNG/JPEG downsampled to PRINT_PPI at `width_mm`."""
        if src.suffix.lower() == ".svg":
            data = svg_fonts(src.read_bytes())
        else:
            cache = work_dir(state.root_of(self), "bilder")
            data = images.derive(src, cache, images.for_print(width_mm)).path.read_bytes()
        write_if_changed(dest, data)

    def _pages_of(self, docname: str) -> list[Page]:
        """The formats a document is printed in: the issue being set and every other issue with it, so the
        image in the shared work folder is the same whichever issue is set (else every PDF would recompile)."""
        issues = state.project(state.app_of(self)).issues_of(docname)
        return [self.page, *(PAGES[i.format.lower()] for i in issues)]

    def _digest(self, text: str, issue: Issue, standards: list[str]) -> str:
        h = hashlib.sha1(text.encode())
        h.update(self._fixed(issue, standards).encode())
        # only the images this issue sets (the folder is shared by all issues): a new photo in No. 4
        # must not re-set No. 3
        folder = Path(self.outdir)
        for name in sorted(set(IMAGE_REF.findall(text))):
            image = folder / name
            if image.is_file():
                h.update(name.encode() + image.read_bytes())
        return h.hexdigest()

    def _fixed(self, issue: Issue, standards: list[str]) -> str:
        """The inputs of an issue's PDF besides its text and images: template, settings, fonts, cover."""
        h = hashlib.sha1(template.digest().encode())
        h.update(repr((standards, timestamp(issue), issue.crop_marks, glyphs.font_paths())).encode())
        if issue.cover.image is not None and issue.cover.image.is_file():
            h.update(issue.cover.image.read_bytes())
        return h.hexdigest()

    def translate(self, docname: str) -> Part:
        doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
        shown: dict[str, str] = {}
        full_width = not state.is_contribution(docname)  # editorial pages have no columns
        for node in doctree.findall(nodes.image):
            if marks.NOT_IN_PRINT & set(node.get("classes", [])):  # e.g. a card's thumbnail on an issue page
                continue
            uri = posixpath.normpath(node["uri"])
            src = Path(self.srcdir) / uri
            if src.is_file():
                aspect = image_aspect(src)
                width = max(placed_mm(node, aspect, page, full_width=full_width) for page in self._pages_of(docname))
                self._copy(src, Path(self.outdir) / "bilder" / uri, width)
                shown[uri] = f"bilder/{uri}"
        ctx = Context(
            docname=docname, prefix=docname.rsplit("/", 1)[-1], images=shown,
            labels_of=self._label_of, page_ref=self._page_ref, external_url=self._external_url,
            aspect=lambda uri: image_aspect(Path(self.srcdir) / uri),
        )
        if docname.startswith(catalogue.ISSUES_DIR + "/"):
            section = next((s for s in doctree.findall(nodes.section) if "editorial" in s["names"]), None)
            if section is None:
                return Part(str(self.env.doc2path(docname)), "")
            doctree = self._as_document(doctree, section)
        figures_to_first_reference(doctree, docname)
        translator = TypstTranslator(doctree, ctx)
        doctree.walkabout(translator)
        body = translator.astext()
        return Part(self._shown(Path(self.env.doc2path(docname))), body, translator.source_lines)

    def _shown(self, path: Path) -> str:
        return state.shown(state.app_of(self), path)

    @staticmethod
    def _as_document(doctree: nodes.document, section: nodes.section) -> nodes.document:
        doc = doctree.copy()
        wrapper = nodes.section("", nodes.title("", ""),
                                *[c.deepcopy() for c in section.children if not isinstance(c, nodes.title)])
        doc += wrapper
        return doc

    def _label_of(self, docname: str, anchor: str) -> str | None:
        """The Typst label a link to `docname#anchor` goes to: the element itself when the document is set in
        this PDF and the translator labels it there, else the contribution's start; None if not in this PDF."""
        if docname not in self.active:
            return None
        start = label(f"beitrag-{self.active[docname]}")
        if not anchor:
            return start
        primary, printed = self._printed_labels(docname)
        found = label(docname.rsplit("/", 1)[-1], primary.get(anchor, anchor))  # as `translate` prefixes them
        return found if found in printed else start

    def _printed_labels(self, docname: str) -> tuple[dict[str, str], set[str]]:
        """What the translator does with `docname`'s ids (first id of each element, labels it writes), by
        translating it as `translate` does (quietly: its own translation reports); once per run."""
        cache: dict[str, tuple[dict[str, str], set[str]]] = self.__dict__.setdefault("printed_labels", {})
        if docname not in cache:
            doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
            translator = TypstTranslator(doctree, Context(docname=docname, prefix=docname.rsplit("/", 1)[-1]))
            with logging.suppress_logging():
                doctree.walkabout(translator)
            cache[docname] = (translator.primary, translator.defined)
        return cache[docname]

    def _page_ref(self, docname: str, anchor: str = "") -> str | None:
        """The label whose page „siehe S. n“ names: the link's target (see `_label_of`)."""
        return self._label_of(docname, anchor)

    def _external_url(self, docname: str, anchor: str) -> str:
        base = str(self.config.koop_handbook_url).rstrip("/")
        return f"{base}/{docname}.html" + (f"#{anchor}" if anchor else "") if base else ""


def _stop_workers(app: Sphinx, exc: BaseException | None) -> None:
    if isinstance(app.builder, KoopblattBuilder):
        app.builder.stop_workers()


def setup(app: Sphinx) -> None:
    app.add_config_value("koop_proof", "", "", str)
    app.add_builder(KoopblattBuilder)
    app.connect("build-finished", _stop_workers, priority=900)  # after the Sonderdrucke are collected
