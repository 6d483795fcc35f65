"""`nox -s epub`: build every EPUB, check it with epubcheck, publish atomically to build/epub/."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import messages as M
from ..diagnostics import Diagnostic
from ..outputs import build_dir, publish_file, work_dir
from ..sphinx_ext.runner import run_sphinx
from ..validate import Project, validate_project


def build_epub(root: Path, project: Project | None = None, *, found: list[Diagnostic] | None = None,
               verbose: bool = False) -> int:
    """Sphinx writes the chapters; books without errors are packed, checked and published (see builder)."""
    project = project or validate_project(root, cache=True)
    out = work_dir(root, "epub")
    run = run_sphinx(root, "koopepub", out, verbose=verbose,
                     label=M.STEP_EPUB)
    if found is not None:
        found += run.found
    packed = getattr(run.app.builder, "koop_books", None) if run.app is not None else None
    if packed is None:
        return 1
    target = build_dir(root) / "epub"
    good = [p.path for p in packed if p.path.with_suffix(".sha1").is_file()]  # stamped = epubcheck passed
    for book in good:
        publish_file(book.read_bytes(), target / book.name)
    expected = {f"koopblatt-{n}.epub" for n in project.issue_folders()} | {"handbuch.epub"}
    for name in sorted(expected - {b.name for b in good}):
        print(M.EPUB_BLOCKED.format(name), file=sys.stderr)
    for stale in target.glob("koopblatt-*.epub"):
        number = stale.stem.removeprefix("koopblatt-")
        if not (root / "koopblatt" / number).is_dir():
            stale.unlink()
    return 0 if {b.name for b in good} >= expected else 1
