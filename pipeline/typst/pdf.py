"""`nox -s pdf`: build the koopBLATT PDFs (or one proof) and publish them atomically to build/pdf/."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import messages as M
from ..html.build import sphinx
from ..outputs import build_dir, publish_file, work_dir
from ..validate import Project

PRINT_WIDTH_MM = 180.0  # text width of A4 pages: the widest an image is ever printed
MIN_DPI = 300


def low_resolution(project: Project) -> list[str]:
    """Raster images in issue contributions that print below 300 dpi at full text width."""
    from PIL import Image

    found = []
    docs = {d for issue in project.issues.values() for d in issue.contributions}
    for docname in sorted(docs):
        report = project.reports[docname]
        for image in report.facts.images:
            path = project.docs / image
            if path.suffix.lower() in (".png", ".jpg", ".jpeg"):
                with Image.open(path) as im:
                    dpi = im.width / (PRINT_WIDTH_MM / 25.4)
                if dpi < MIN_DPI:
                    found.append(M.LOW_RES.format(report.path, image, round(dpi)))
    return found


def build_pdf(root: Path, project: Project, proof: str = "", quiet: bool = False) -> int:
    for warning in low_resolution(project):
        print(f"Warnung: {warning}", file=sys.stderr)
    out = work_dir(root, "typst")
    args = ["-D", f"koop_proof={proof}"] if proof else []
    status = sphinx(root, "koopblatt", out, *args, quiet=quiet)
    if status:
        return status
    target = build_dir(root) / ("korrektur" if proof else "pdf")
    names = [f"korrektur-{Path(proof).stem}.pdf"] if proof else [
        f"{issue.id}{suffix}.pdf" for issue in project.issues.values() for suffix in ("", "-druck")]
    for name in names:
        publish_file((out / name).read_bytes(), target / name)
    if not proof:
        for stale in target.glob("koopblatt-*.pdf"):
            if stale.name not in names:
                stale.unlink()
    return 0
