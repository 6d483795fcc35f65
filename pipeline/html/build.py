"""Build the handbook with Sphinx and publish build/html atomically when it has no errors."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from .. import messages as M
from ..citation import OFFPRINT_DIR
from ..diagnostics import Diagnostic
from ..outputs import build_dir, publish_tree, work_dir
from ..sphinx_ext.runner import run_sphinx
from ..validate import HANDBOOK, Project, validate_project
from . import assets, search

DOWNLOAD_PATTERNS = (("pdf", "koopblatt-*.pdf"), ("epub", "*.epub"), ("pdf", f"{OFFPRINT_DIR}/sonderdruck-*.pdf"))
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
    folder = out / "downloads"
    for offered in folder.glob("*.epub"):
        published = build_dir(root) / "epub" / offered.name
        if not published.is_file():
            offered.unlink()
        elif published.read_bytes() != offered.read_bytes():
            shutil.copy2(published, offered)


def build_html(root: Path, project: Project | None = None, *, found: list[Diagnostic] | None = None,
               verbose: bool = False, pending: Iterable[Path] = (), before_publish: Late | None = None) -> int:
    """Write the handbook (drafts left out); publish it only if nothing it contains has an error.

    Everything the run found is appended to `found` (for the caller to print). `before_publish` waits for
    work running in the background (epubcheck of the `pending` books) and returns its findings, which
    count like the run's own."""
    project = project or validate_project(root, cache=True)
    extra = stage_downloads(root, pending)
    out = work_dir(root, "html")
    run = run_sphinx(root, "html", out, {"koop_downloads": str(extra / "downloads"), "html_extra_path": str(extra)},
                     verbose=verbose,
                     label=M.STEP_HTML)
    # search index (Pagefind) over the finished pages, before publishing (pipeline/html/search.py); it runs
    # while epubcheck finishes in the background
    indexing = search.start_index(out) if not run.crashed else None
    late = before_publish() if before_publish is not None else []
    if found is not None:
        found += run.found + late
    if before_publish is not None:
        _offer_published(out, root)
    if run.crashed or project.output_errors(HANDBOOK, run.found + late):
        if indexing is not None:
            indexing.cancel()
        return 1
    problem = indexing.wait() if indexing is not None else None
    if problem is not None:
        if found is not None:
            found.append(problem)
        return 1
    # served as built: hashed asset names, no inline code, pre-compressed (pipeline/html/assets.py)
    cache = work_dir(root, "html-auslieferung")
    publish_tree(out, build_dir(root) / "html", finish=lambda site: assets.finish(site, cache))
    return 0
