"""`nox -s pdf`: build the koopBLATT PDFs (or one proof) and publish them atomically to build/pdf/."""

from __future__ import annotations

from pathlib import Path

from .. import messages as M
from ..errors import EXIT_USAGE
from ..manifest import ISSUE_PREFIX, issue_number
from ..output_step import run_step
from ..outputs import StepResult, build_dir, publish_file, remove_stale
from ..project import Project
from .builder import KoopblattBuilder


def build_pdf(root: Path, project: Project | None = None, proof: str = "", *, verbose: bool = False) -> StepResult:
    """Set every issue without errors (or the proof of the contribution at `proof`); publish what was set.
    Failed if any issue (or the proof) was not set."""
    step = run_step(root, project, "koopblatt", "typst", M.STEP_PDF, overrides={"koop_proof": proof} if proof else {},
                    verbose=verbose)
    result, builder = step.result(), step.builder
    if not isinstance(builder, KoopblattBuilder):
        return result.failed()
    outcome = builder.outcome
    if outcome.refusal:
        return StepResult(EXIT_USAGE, result.findings, notices=[outcome.refusal])
    target = build_dir(root) / ("korrektur" if proof else "pdf")
    for pdf in outcome.written:
        publish_file(pdf.read_bytes(), target / pdf.name)
        result.published.append(target / pdf.name)
    if proof:
        return result.failed() if outcome.blocked or outcome.failed else result
    folders = step.project.issue_folder_numbers()
    # an issue that no longer exists; blocked ones keep their last good PDF
    remove_stale(target, f"{ISSUE_PREFIX}*.pdf", lambda pdf: issue_number(pdf) in folders)
    # manifests with errors (or held by their contributions): nothing was set; a proof never waits for them
    held = sorted(set(outcome.blocked) | (folders - set(step.project.issues)))
    if held or outcome.failed:
        return result.failed(*(M.PDF_BLOCKED.format(number) for number in held))
    return result

