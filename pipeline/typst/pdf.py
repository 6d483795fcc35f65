"""`nox -s pdf`: build the koopBLATT PDFs (or one proof) and publish them atomically to build/pdf/."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import messages as M
from ..diagnostics import Diagnostic
from ..outputs import build_dir, publish_file, work_dir
from ..sphinx_ext.runner import run_sphinx
from ..validate import ISSUES_DIR, Project, validate_project
from .builder import KoopblattBuilder


def build_pdf(root: Path, project: Project | None = None, proof: str = "", *,
              found: list[Diagnostic] | None = None, verbose: bool = False) -> int:
    """Set every issue without errors; publish what was set. Status 1 if any issue (or the proof) was not set."""
    project = project or validate_project(root, cache=True)
    out = work_dir(root, "typst")
    run = run_sphinx(root, "koopblatt", out, {"koop_proof": proof} if proof else {}, verbose=verbose,
                     label=M.STEP_PDF)
    if found is not None:
        found += run.found
    builder = run.app.builder if run.app is not None else None
    if not isinstance(builder, KoopblattBuilder):
        return 1
    if builder.refusal:
        print(builder.refusal, file=sys.stderr)
        return 2
    target = build_dir(root) / ("korrektur" if proof else "pdf")
    blocked, written = builder.blocked, builder.written
    for pdf in written:
        publish_file(pdf.read_bytes(), target / pdf.name)
    if not proof:
        for stale in target.glob("koopblatt-*.pdf"):
            folder = stale.stem.removeprefix("koopblatt-").removesuffix("-druck")
            if not (root / ISSUES_DIR / folder).is_dir():
                stale.unlink()  # an issue that no longer exists; blocked ones keep their last good PDF
        for number in sorted(set(blocked) | (project.issue_folders() - set(project.issues))):
            print(M.PDF_BLOCKED.format(number), file=sys.stderr)
    # manifests with errors (or held by their contributions): nothing was set; a proof never waits for them
    held = set() if proof else project.issue_folders() - set(project.issues)
    return 1 if blocked or held or builder.failed else 0
