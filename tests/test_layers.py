"""Libraries below the commands: no module of the importer or the output formats imports a command module
(read from the source with `ast`, imports inside functions included), so a command can change without
touching the libraries, and a library can be used without a command's side effects."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pipeline import code_digest
from pipeline.code_digest import imported

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
# modules that are one command of `python -m pipeline.cli` (argument handling, printing, exit codes)
COMMANDS = frozenset({"pipeline.cli", "pipeline.scaffold", "pipeline.proof", "pipeline.publish", "pipeline.deposit",
                      "pipeline.html.serve", "pipeline.bench"})
LIBRARIES = ("importer", "html", "typst", "epub")


def module_name(path: Path) -> str:
    return code_digest.module_name(path, PIPELINE)


def is_command(module: str) -> bool:
    return any(module == c or module.startswith(c + ".") for c in COMMANDS)


SOURCES = sorted(p for lib in LIBRARIES for p in (PIPELINE / lib).rglob("*.py") if not is_command(module_name(p)))


@pytest.mark.parametrize("path", SOURCES, ids=[module_name(p) for p in SOURCES])
def test_no_library_module_imports_a_command(path: Path) -> None:
    name = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    commands = sorted(m for m in imported(tree, name, path.name == "__init__.py") if is_command(m))
    assert not commands, f"{name} imports {commands}"


@pytest.mark.parametrize(("name", "package", "source", "expected"), [
    ("pipeline.importer", True, "from ..scaffold import new_values", "pipeline.scaffold"),
    ("pipeline.importer.convert", False, "from .. import scaffold", "pipeline.scaffold"),
    ("pipeline.html.cases", False, "from . import serve", "pipeline.html.serve"),
    ("pipeline.html.cases", False, "from .serve import serve", "pipeline.html.serve"),
    ("pipeline.typst.build", False, "def f():\n    from ..proof import proof", "pipeline.proof"),
    ("pipeline.epub.build", False, "import pipeline.cli", "pipeline.cli"),
    ("pipeline.epub.build", False, "from pipeline.bench import run", "pipeline.bench"),
])
def test_every_form_of_import_is_resolved(name: str, package: bool, source: str, expected: str) -> None:
    assert expected in imported(ast.parse(source), name, package)
    assert is_command(expected)


def test_the_libraries_are_read() -> None:
    names = {module_name(p) for p in SOURCES}
    assert {"pipeline.importer", "pipeline.html.build", "pipeline.typst.build", "pipeline.epub.build"} <= names
    assert "pipeline.html.serve" not in names
