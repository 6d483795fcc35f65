"""`nox -s import` run in the test's process: status, summary and messages of one import."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from pipeline.importer import import_document


def run_import(root: Path, file: Path, stadt: str, slug: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = import_document(root, file, stadt, slug)
    return status, out.getvalue(), err.getvalue()
