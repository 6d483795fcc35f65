"""Build the handbook with Sphinx and publish build/html atomically when it has no errors."""

from __future__ import annotations

import shutil
from pathlib import Path

from .. import messages as M
from ..citation import OFFPRINT_DIR
from ..diagnostics import Diagnostic
from ..outputs import build_dir, publish_tree, work_dir
from ..sphinx_ext.runner import run_sphinx
from ..validate import HANDBOOK, Project, validate_project
from . import search

DOWNLOAD_PATTERNS = (("pdf", "koopblatt-*.pdf"), ("epub", "*.epub"), ("pdf", f"{OFFPRINT_DIR}/sonderdruck-*.pdf"))


def stage_downloads(root: Path) -> Path:
    """Collect built PDFs/EPUBs into the work area so the handbook can offer them."""
    extra = work_dir(root, "html-extra")
    downloads = extra / "downloads"
    if downloads.exists():
        shutil.rmtree(downloads)
    downloads.mkdir(parents=True)
    for sub, pattern in DOWNLOAD_PATTERNS:
        for file in sorted((build_dir(root) / sub).glob(pattern)):
            shutil.copy2(file, downloads / file.name)
    return extra


def build_html(root: Path, project: Project | None = None, *, found: list[Diagnostic] | None = None,
               verbose: bool = False) -> int:
    """Write the handbook (drafts left out); publish it only if nothing it contains has an error.

    Everything the run found is appended to `found` (for the caller to print)."""
    project = project or validate_project(root, cache=True)
    extra = stage_downloads(root)
    out = work_dir(root, "html")
    run = run_sphinx(root, "html", out, {"koop_downloads": str(extra / "downloads"), "html_extra_path": str(extra)},
                     verbose=verbose,
                     label=M.STEP_HTML)
    if found is not None:
        found += run.found
    if run.crashed or project.output_errors(HANDBOOK, run.found):
        return 1
    # search index (Pagefind) over the finished pages, before publishing: see pipeline/html/search.py
    problem = search.index(out)
    if problem is not None:
        if found is not None:
            found.append(problem)
        return 1
    publish_tree(out, build_dir(root) / "html")
    return 0
