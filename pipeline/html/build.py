"""Build the handbook with Sphinx and publish build/html atomically when it has no errors."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from .. import messages as M
from ..citation import OFFPRINT_DIR
from ..diagnostics import Diagnostic
from ..manifest import ISSUE_PREFIX
from ..output_step import run_step
from ..outputs import StepResult, build_dir, publish_tree, remove_stale, work_dir
from ..project import HANDBOOK_OUTPUT, Project
from . import assets, search

DOWNLOAD_PATTERNS = (("pdf", f"{ISSUE_PREFIX}*.pdf"), ("epub", "*.epub"), ("pdf", f"{OFFPRINT_DIR}/sonderdruck-*.pdf"))
Late = Callable[[], list[Diagnostic]]


def stage_downloads(root: Path, pending: Iterable[Path] = ()) -> Path:
    """Collect built PDFs/EPUBs into the work area so the handbook can offer them; `pending` are books
    still being checked (offered in place of the published ones, see `build_html`)."""
    extra = work_dir(root, "html-extra")
    downloads = extra / "downloads"
    if downloads.exists():
        shutil.rmtree(downloads)
    downloads.mkdir(parents=True)
    for sub, pattern in DOWNLOAD_PATTERNS:
        for file in sorted((build_dir(root) / sub).glob(pattern)):
            shutil.copy2(file, downloads / file.name)
    for file in pending:
        if file.is_file():
            shutil.copy2(file, downloads / file.name)
    return extra


def _offer_published(out: Path, root: Path) -> None:
    """After the checks: the site offers exactly the published e-books (a book that failed epubcheck keeps
    its last good version, or none)."""
    folder, books = out / "downloads", build_dir(root) / "epub"
    remove_stale(folder, "*.epub", lambda offered: (books / offered.name).is_file())
    for offered in folder.glob("*.epub"):
        if (books / offered.name).read_bytes() != offered.read_bytes():
            shutil.copy2(books / offered.name, offered)


def build_html(root: Path, project: Project | None = None, *, verbose: bool = False, pending: Iterable[Path] = (),
               before_publish: Late | None = None) -> StepResult:
    """Write the handbook (drafts left out); publish it only if nothing it contains has an error.

    `before_publish` waits for work running in the background (epubcheck of the `pending` books) and returns
    its findings, which count like the run's own (and are part of the result)."""
    extra = stage_downloads(root, pending)
    step = run_step(root, project, "html", "html", M.STEP_HTML, verbose=verbose,
                    overrides={"koop_downloads": str(extra / "downloads"), "html_extra_path": str(extra)})
    # search index (Pagefind) over the finished pages, before publishing (pipeline/html/search.py); it runs
    # while epubcheck finishes in the background
    indexing = search.start_index(step.out) if not step.run.crashed else None
    result = step.result()
    if before_publish is not None:
        result.findings += before_publish()
        _offer_published(step.out, root)
    if result.status or step.project.errors_blocking(HANDBOOK_OUTPUT, result.findings):
        if indexing is not None:
            indexing.cancel()
        return result.failed()
    problem = indexing.wait() if indexing is not None else None
    if problem is not None:
        result.findings.append(problem)
        return result.failed()
    # served as built: hashed asset names, no inline code, pre-compressed (pipeline/html/assets.py)
    cache = work_dir(root, "html-auslieferung")
    site = build_dir(root) / "html"
    publish_tree(step.out, site, finish=lambda copy: assets.finish(copy, cache))
    result.published.append(site)
    return result
