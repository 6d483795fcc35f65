"""What the handbook no longer contains leaves its output folder, so that it is never published again.

Sphinx writes the pages of the documents it reads and copies images and extra files, but it removes nothing: the
page of a removed (or renamed) contribution, its images, its share card and the Sonderdruck offered beside it
would stay in the output folder and go online with the next handbook (for a public body also a matter of
withdrawal: a contribution taken down must be gone). After each published handbook run, the folder is made to
hold only what the handbook has now (`remove_unused`):

- pages: those of the documents there are (drafts are no page) and those written in this run (index, search …);
- images (`_images`): those the documents use; share cards (`_images/teilen`): those of the cases published;
- the extra folders (`downloads`): exactly what the extra path holds now (`html.build.stage_downloads`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from sphinx.application import Sphinx

from ..outputs import remove_stale
from ..sphinx_ext import state
from . import cases, sharecard

PAGE_SUFFIX = ".html"


def _pages(out: Path, skip: set[str]) -> Iterable[Path]:
    """The HTML pages of the output folder outside its asset folders (`_static`, `_images` …) and `skip`."""
    for page in out.rglob(f"*{PAGE_SUFFIX}"):
        top = page.relative_to(out).parts[0]
        if not top.startswith("_") and top not in skip:
            yield page


def remove_unused(app: Sphinx, written: set[str]) -> list[Path]:
    """Remove what no document of the handbook accounts for any more (see the module); `written`: the pages written
    in this run. Returns what was removed."""
    out = Path(app.outdir)
    builder = app.builder
    env = app.env
    extras = [Path(p) if Path(p).is_absolute() else Path(app.confdir) / p for p in app.config.html_extra_path]
    extra_folders = {child.name: child for folder in extras if folder.is_dir() for child in folder.iterdir()
                     if child.is_dir()}
    drafts = state.project(app).drafts
    published = {d for d in env.all_docs if d not in drafts}
    gone = [page for page in _pages(out, set(extra_folders))
            if (name := page.relative_to(out).with_suffix("").as_posix()) not in published and name not in written]
    for page in gone:
        page.unlink()
    images = out / builder.imagedir
    used = {unique for _docs, unique in env.images.values()}
    gone += remove_stale(images, "*", lambda file: file.is_dir() or file.name in used)
    slugs = {c.slug for c in cases.published(app)}
    gone += remove_stale(images / sharecard.FOLDER, "*", lambda file: file.stem in slugs)
    for name, source in extra_folders.items():
        gone += remove_stale(out / name, "**/*", partial(_mirrored, out / name, source))
    return gone


def _mirrored(copy: Path, source: Path, file: Path) -> bool:
    """True if `file` (in `copy`) is a folder or still in the extra folder `source` it was copied from."""
    return file.is_dir() or (source / file.relative_to(copy)).is_file()

