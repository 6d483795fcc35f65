"""`nox -s epub`: build every EPUB, check it with epubcheck, publish atomically to build/epub/."""

from __future__ import annotations

from pathlib import Path

from ..html.build import sphinx
from ..outputs import build_dir, publish_file, work_dir
from ..validate import Project


def build_epub(root: Path, project: Project, quiet: bool = False) -> int:
    """Sphinx writes the chapters, packages changed books and runs epubcheck on them (see builder)."""
    out = work_dir(root, "epub")
    status = sphinx(root, "koopepub", out, quiet=quiet)
    if status:
        return status
    books = sorted((out / "books").glob("*.epub"))
    target = build_dir(root) / "epub"
    names = {b.name for b in books}
    for book in books:
        publish_file(book.read_bytes(), target / book.name)
    for stale in target.glob("*.epub"):
        if stale.name not in names:
            stale.unlink()
    return 0
