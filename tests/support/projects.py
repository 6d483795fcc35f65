"""Fixture projects: copies of tests/fixtures/<name> with the repository's conf.py, and the changes tests make
to them (an author's edits, the scaffold's TODOs filled in, the constructs contribution added)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.outputs import StepResult

from . import reproducible
from .paths import FIXTURES, REPO

CONSTRUCTS_DOC = "beitraege/nuernberg/vielfalt"


def copy_project(name: str, dest: Path) -> Path:
    root = dest / name
    shutil.copytree(FIXTURES / name, root)
    shutil.copy(REPO / "conf.py", root / "conf.py")
    return root


def with_constructs(dest: Path) -> Path:
    """The mini project with the constructs contribution (fixtures/constructs) as third contribution of issue 1."""
    root = copy_project("mini", dest)
    shutil.copytree(FIXTURES / "constructs", root, dirs_exist_ok=True)
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "  - beitraege/bremen/zwischen.md\n", f"  - beitraege/bremen/zwischen.md\n  - {CONSTRUCTS_DOC}.md\n"),
        encoding="utf-8")
    return root


def built_output(factory: pytest.TempPathFactory, name: str, build: Callable[..., StepResult]) -> Path:
    """Build one output of the mini project reproducibly; return build/<name>."""
    from pipeline.validate import validate_project

    root = copy_project("mini", factory.mktemp(name))
    with reproducible.epoch():
        assert build(root, validate_project(root)).status == 0
    return root / "build" / name


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    """An edit of one file of a project: the first `old` becomes `new` (which must be there)."""
    def mutate(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def write(path: str, content: str | bytes) -> Callable[[Path], None]:
    """A new (or replaced) file of a project."""
    def mutate(root: Path) -> None:
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            file.write_bytes(content)
        else:
            file.write_text(content, encoding="utf-8")

    return mutate


FILLED = {
    "title": "title: Lernen im Hof",
    "authors": "authors: [{name: Erika Muster, affiliation: Stadt Leipzig}]",
    "abstract": "abstract: Ein Hof wird zum Lernort.",
    "art": "art: werkstattbericht",
    "themenfeld": "themenfeld: urbane-lebensqualitaet",
    "projektfamilien": "projektfamilien: [bildung-im-quartier]",
}


def fill_todos(file: Path) -> None:
    """Do what the author is asked to do: replace every TODO (front matter, text, alt texts); then release it."""
    content = file.read_text(encoding="utf-8")
    content = content.replace("\nstatus: entwurf\n", "\nstatus: freigegeben\n", 1)
    for key, line in FILLED.items():
        content = re.sub(rf"^{key}: TODO.*$", line, content, flags=re.MULTILINE)
    content = re.sub(r"^:alt: TODO.*$", ":alt: Skizze des Innenhofs mit Beeten.", content, flags=re.MULTILINE)
    content = re.sub(r"^TODO$", "Ein Absatz des Beitrags.", content, flags=re.MULTILINE)
    content = re.sub(r"^(\[\^1\]: )?TODO ", r"\1", content, flags=re.MULTILINE)
    file.write_text(content, encoding="utf-8")
