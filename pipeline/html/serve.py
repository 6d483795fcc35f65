"""`nox -s serve`: live preview with sphinx-autobuild (incremental; validation messages as in `check`)."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import messages as M
from ..outputs import work_dir
from .build import stage_downloads


def serve(root: Path, host: str, port: int) -> int:
    from sphinx_autobuild.__main__ import main as autobuild

    extra = stage_downloads(root)
    out = work_dir(root, "serve")
    print(M.SERVE_START.format(host, port))
    args = [str(root / "docs"), str(out), "-c", str(root), "-d", str(work_dir(root, "doctrees-serve")),
            "--host", host, "--port", str(port), "-q",
            "-D", "koop_preview=1", "-D", "koop_echo=1",
            "-D", f"koop_downloads={extra / 'downloads'}", "-D", f"html_extra_path={extra}",
            "--watch", str(root / "koopblatt"), "--watch", str(Path(__file__).resolve().parent.parent / "data"),
            "--ignore", str(root / "docs" / "entdecken"), "--ignore", str(root / "docs" / "ausgaben")]
    try:
        autobuild(args)
    except KeyboardInterrupt:
        return 0
    return 0 if sys.exc_info()[0] is None else 1
