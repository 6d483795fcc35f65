"""Build the handbook with Sphinx and publish build/html atomically when it has no errors."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from .. import messages as M
from ..citation import OFFPRINT_DIR
from ..diagnostics import Diagnostic
from ..manifest import ISSUE_PREFIX
from ..output_step import run_step
from ..outputs import Staged, StepResult, build_dir, remove_stale, stage_tree, work_dir
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


def _offer_published(folder: Path, root: Path) -> None:
    """After the checks: the site's download `folder` offers exactly the published e-books (a book that failed
    epubcheck keeps its last good version, or none). Files are replaced, never written into: in a staged site
    they may be hard links to the published one (`outputs.stage_tree`)."""
    books = build_dir(root) / "epub"
    remove_stale(folder, "*.epub", lambda offered: (books / offered.name).is_file())
    for offered in folder.glob("*.epub"):
        if (books / offered.name).read_bytes() != offered.read_bytes():
            tmp = offered.with_name(f".{offered.name}.tmp")
            shutil.copy2(books / offered.name, tmp)
            os.replace(tmp, offered)


def build_html(root: Path, project: Project | None = None, *, verbose: bool = False, pending: Iterable[Path] = (),
               before_publish: Late | None = None) -> StepResult:
    """Write the handbook (drafts left out); publish it only if nothing it contains has an error.

    `before_publish` waits for work running in the background (epubcheck of the `pending` books) and returns
    its findings, which count like the run's own (and are part of the result). Meanwhile the site to publish
    is made ready beside build/html (search index, hashed assets, compressed files): it replaces build/html
    only if nothing blocks the handbook, else it is dropped and build/html stays as it was."""
    extra = stage_downloads(root, pending)
    step = run_step(root, project, "html", "html", M.STEP_HTML, verbose=verbose,
                    overrides={"koop_downloads": str(extra / "downloads"), "html_extra_path": str(extra)})
    # search index (Pagefind, a process of its own) over the finished pages, written while the site is copied
    # and rewritten (pipeline/html/search.py)
    indexing = search.start_index(step.out) if not step.run.crashed else None
    result = step.result()
    site = build_dir(root) / "html"
    staged: Staged | None = None
    problem = None
    if not (result.status or step.project.errors_blocking(HANDBOOK_OUTPUT, result.findings)):
        staged = _staged(root, step.out, site, indexing)
        problem = indexing.wait() if indexing is not None else None
        indexing = None
        if problem is None:
            staged.take(step.out / search.BUNDLE)
            assets.compress_tree(staged.fresh, work_dir(root, "html-auslieferung"), published=site)
        else:
            staged.discard()
            staged = None
    if before_publish is not None:
        result.findings += before_publish()
        for out in (step.out, *([staged.fresh] if staged is not None else [])):
            _offer_published(out / "downloads", root)
    if problem is not None:
        result.findings.append(problem)
    if staged is None or result.status or step.project.errors_blocking(HANDBOOK_OUTPUT, result.findings):
        if indexing is not None:
            indexing.cancel()
        if staged is not None:
            staged.discard()
        return result.failed()
    staged.publish()
    result.published.append(site)
    return result


def _staged(root: Path, out: Path, site: Path, indexing: search.Indexing | None) -> Staged:
    """The site as served, made ready beside `site` (hashed asset names, no inline code: pipeline/html/assets.py)
    but for the search index, which Pagefind may still be writing, and the compressed files."""
    leave = (search.BUNDLE, *([indexing.fresh.name] if indexing is not None else []))
    carry = assets.Carry(site, work_dir(root, "html-umschreiben") / "seiten.json")
    return stage_tree(out, site, finish=partial(assets.rewrite, carry=carry), leave=leave)
