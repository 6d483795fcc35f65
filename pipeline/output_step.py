"""One output step, the same for every format: the validated project, one Sphinx run into the format's work
area, and the start of the `StepResult` (pipeline/outputs.py) saying what came of it.

`html/build.py`, `typst/build.py` and `epub/build.py` open with `run_step` and return a `StepResult`; the
command (cli.py) prints its findings and notices. What is published is decided by the publish rule
(`Project.errors_blocking`); a step never prints and never appends to a list it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphinx.builders import Builder

from .errors import EXIT_CONTENT, EXIT_OK
from .outputs import StepResult, work_dir
from .project import Project
from .sphinx_ext.runner import Run, run_sphinx
from .validate import validate_project


@dataclass
class StepRun:
    """A format's Sphinx run: the project it was made from, its work area and what Sphinx left."""

    project: Project
    out: Path
    run: Run

    @property
    def builder(self) -> Builder | None:
        """The builder that ran (its results), None if Sphinx gave up."""
        return self.run.app.builder if self.run.app is not None else None

    def result(self) -> StepResult:
        """The run's findings as the start of the step's result (failed if Sphinx gave up)."""
        return StepResult(EXIT_CONTENT if self.run.crashed else EXIT_OK, list(self.run.found))


def run_step(root: Path, project: Project | None, builder: str, work: str, label: str, *,
             overrides: dict[str, str] | None = None, verbose: bool = False) -> StepRun:
    """Validate `root` unless `project` is given, then run Sphinx's `builder` into the work area `work`
    (build/.work/<work>, kept for incremental builds) with `label` on its progress bar."""
    project = project or validate_project(root, cache=True)
    out = work_dir(root, work)
    return StepRun(project, out, run_sphinx(root, builder, out, overrides, verbose=verbose, label=label))
