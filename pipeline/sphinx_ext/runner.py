"""Run Sphinx in-process for `check` and every output: one shared environment, quiet, findings returned.

All builders (check, HTML, PDF, EPUB) share the doctrees in build/.work/doctrees, so a document is
read once. Sphinx's own progress goes to the terminal only with `--ausfuehrlich`; its warnings never
reach it at all: `capture` turns them into German findings, which the caller prints and which decide
what is published (not Sphinx's warning count).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace
from tqdm import tqdm

from .. import messages as M
from ..diagnostics import Diagnostic, diag
from ..outputs import work_dir
from ..paths import DOCS_DIR
from . import capture

DOCTREES = "doctrees"


@dataclass
class Run:
    """The outcome of one Sphinx run: the app (for builder results) and everything it found."""

    app: Sphinx | None
    found: list[Diagnostic] = field(default_factory=list)
    crashed: bool = False


class _Progress:
    """A German progress bar while Sphinx reads or writes pages (plain and silent without a terminal)."""

    def __init__(self, app: Sphinx, label: str) -> None:
        self.label = label
        self.bar: tqdm[None] | None = None
        app.connect("env-before-read-docs", self.reading)
        app.connect("doctree-read", lambda app, doctree: self.step())
        app.connect("env-updated", lambda app, env: self.close())
        app.connect("write-started", self.writing)
        app.connect("doctree-resolved", lambda app, doctree, docname: self.step())
        app.connect("build-finished", lambda app, exc: self.close())

    def start(self, what: str, total: int) -> None:
        self.close()
        if total:
            self.bar = tqdm(total=total, desc=f"{self.label}: {what}", unit=" S.", file=sys.stderr, leave=False,
                            disable=None, bar_format="{desc} {bar} {n_fmt}/{total_fmt}")

    def reading(self, app: Sphinx, env: Any, docnames: list[str]) -> None:
        self.start(M.PROGRESS_READ, len(docnames))

    def writing(self, app: Sphinx, builder: Any) -> None:
        self.start(M.PROGRESS_WRITE, len(app.env.found_docs))

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


@contextmanager
def isolated() -> Iterator[None]:
    """Leave no process-wide state behind, as `sphinx-build` does by exiting: every Sphinx app adds its
    message catalogues as fallbacks to the global translators (a chain one link longer per run, walked
    recursively: hundreds of in-process runs hit the recursion limit), registers its directives, roles
    and nodes in docutils' globals, and conf.py prepends to `sys.path`."""
    path = list(sys.path)
    try:
        with docutils_namespace():
            yield
    finally:
        sys.path[:] = path
        locale.translators.clear()


def _cache_templates(app: Sphinx, root: Path) -> None:
    """Compiled theme templates kept in the work area: each run would otherwise compile them anew (≈ 1 s). A run
    loads each template once: Jinja's check whether its file changed (a `stat` per template and page) is off
    (0.5 s of a full build at N=200)."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if isinstance(environment, jinja2.Environment) and environment.bytecode_cache is None:
        environment.bytecode_cache = jinja2.FileSystemBytecodeCache(str(work_dir(root, "vorlagen")))
        environment.auto_reload = False


def run_sphinx(root: Path, builder: str, outdir: Path, overrides: dict[str, str] | None = None,
               verbose: bool = False, doctrees: str = DOCTREES, label: str = "") -> Run:
    """Build with `builder` into `outdir`; an unexpected engine failure is a finding, never a traceback."""
    status = sys.stdout if verbose else io.StringIO()
    with isolated():
        return _run(root, builder, outdir, overrides, verbose, doctrees, label, status)


def _run(root: Path, builder: str, outdir: Path, overrides: dict[str, str] | None, verbose: bool, doctrees: str,
         label: str, status: Any) -> Run:
    try:
        app = Sphinx(str(root / DOCS_DIR), str(root), str(outdir), str(work_dir(root, doctrees)), builder,
                     confoverrides=dict(overrides or {}), status=status, warning=sys.stderr if verbose else status,
                     freshenv=False, warningiserror=False, parallel=1, verbosity=1 if verbose else 0)
        if label and not verbose:
            _Progress(app, label)
        _cache_templates(app, root)
        app.build()
    except Exception as exc:  # Sphinx, a theme or an extension gave up: say so in German, keep outputs
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        cause = lines[-1] if lines else type(exc).__name__  # the last line names the cause, never a traceback
        return Run(None, [diag("conf.py", 1, "internal", cause[:300])], True)
    return Run(app, capture.findings(app).all())
