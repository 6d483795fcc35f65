"""The koopBLATT Typst template (templates/koopblatt/, one file per concern, see its lib.typ): where it lives,
how it is installed beside the main files, and its digest (an input of every PDF)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from ..outputs import write_if_changed

SOURCE = Path(__file__).parent / "templates" / "koopblatt"
FOLDER = "koopblatt"  # in the folder of the main files
IMPORT = f"{FOLDER}/lib.typ"  # what a main file imports


def files() -> list[Path]:
    return sorted(SOURCE.glob("*.typ"))


def install(outdir: Path) -> None:
    """Copy the template beside the main files; unchanged files are not rewritten (a compile may be reading them)."""
    for file in files():
        write_if_changed(outdir / FOLDER / file.name, file.read_bytes())


@cache
def digest() -> str:
    h = hashlib.sha1()
    for file in files():
        h.update(file.name.encode() + b"\0" + file.read_bytes())
    return h.hexdigest()
