"""Build the handbook with Sphinx (warnings are errors) and publish build/html atomically."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.cmd.build import build_main

from ..outputs import build_dir, publish_tree, work_dir

DOWNLOAD_PATTERNS = (("pdf", "koopblatt-*.pdf"), ("epub", "*.epub"))


def stage_downloads(root: Path) -> Path:
    """Collect built PDFs/EPUBs into the work area so the handbook can offer them."""
    extra = work_dir(root, "html-extra")
    downloads = extra / "downloads"
    if downloads.exists():
        shutil.rmtree(downloads)
    downloads.mkdir(parents=True)
    for sub, pattern in DOWNLOAD_PATTERNS:
        for file in sorted((build_dir(root) / sub).glob(pattern)):
            shutil.copy2(file, downloads / file.name)
    return extra


def sphinx(root: Path, builder: str, outdir: Path, *extra_args: str, quiet: bool = False) -> int:
    args = ["-b", builder, "-c", str(root), "-d", str(work_dir(root, "doctrees")), "-W", "--keep-going",
            "-j", "1", *extra_args]
    if quiet:
        args.append("-q")
    return build_main([*args, str(root / "docs"), str(outdir)])


def build_html(root: Path, quiet: bool = False) -> int:
    extra = stage_downloads(root)
    out = work_dir(root, "html")
    status = sphinx(root, "html", out, "-D", f"koop_downloads={extra / 'downloads'}",
                    "-D", f"html_extra_path={extra}", quiet=quiet)
    if status == 0:
        publish_tree(out, build_dir(root) / "html")
    return status
