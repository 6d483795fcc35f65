"""Run Sphinx in-process for `check` and every output: one shared environment, quiet, findings returned.

All builders (check, HTML, PDF, EPUB) share the doctrees in build/.work/doctrees, so a document is
read once. Sphinx's own progress goes to the terminal only with `--ausfuehrlich`; its warnings never
reach it at all: `capture` turns them into German findings, which the caller prints and which decide
what is published (not Sphinx's warning count).
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx

from ..diagnostics import Diagnostic, diag
from ..outputs import work_dir
from . import capture

DOCTREES = "doctrees"


@dataclass
class Run:
    """The outcome of one Sphinx run: the app (for builder results) and everything it found."""

    app: Sphinx | None
    found: list[Diagnostic] = field(default_factory=list)
    crashed: bool = False


def run_sphinx(root: Path, builder: str, outdir: Path, overrides: dict[str, str] | None = None,
               verbose: bool = False, doctrees: str = DOCTREES) -> Run:
    """Build with `builder` into `outdir`; an unexpected engine failure is a finding, never a traceback."""
    status = sys.stdout if verbose else io.StringIO()
    try:
        app = Sphinx(str(root / "docs"), str(root), str(outdir), str(work_dir(root, doctrees)), builder,
                     confoverrides=dict(overrides or {}), status=status, warning=sys.stderr if verbose else status,
                     freshenv=False, warningiserror=False, parallel=1, verbosity=1 if verbose else 0)
        app.build()
    except Exception as exc:  # Sphinx, a theme or an extension gave up: say so in German, keep outputs
        return Run(None, [diag("conf.py", 1, "engine", "Sphinx", f"{type(exc).__name__}: {exc}"[:300])], True)
    return Run(app, capture.findings(app).all())
