"""Where things live in a koopstadt project: the folder and file names every module uses, and `rel()`.

A project folder holds `docs/` (the handbook's sources, contributions under `docs/beitraege/<stadt>/`),
`koopblatt/` (one folder per issue: manifest, editorial, cover) and `build/` (outputs and work areas).
"""

from __future__ import annotations

from pathlib import Path

DOCS_DIR = "docs"  # the Sphinx source folder, below the project folder
CONTRIB_DIR = "beitraege"  # below docs/: one folder per city, one .md per contribution
IMAGE_DIR = "bilder"  # next to the contributions: their images and include fragments
BIB_FILE = "literatur.bib"  # below docs/: the one bibliography
ISSUE_SOURCES_DIR = "koopblatt"  # below the project folder: koopblatt/<nr>/ausgabe.yml, editorial, cover
MANIFEST_FILE = "ausgabe.yml"  # in every issue folder
PUBLISHER_FILE = f"{ISSUE_SOURCES_DIR}/herausgeber.yml"  # the publishing body, for every output (pipeline/legal.py)
ISSUE_PAGES_DIR = "ausgaben"  # below docs/ (generated): the handbook's page of each issue and their index


def rel(path: Path, root: Path) -> str:
    """`path` as every message shows it: relative to the project folder (as given if it lies outside)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
