"""Code digests (pipeline/code_digest.py): a stored result is made again exactly when code it depends on changed.

The checks' cache must see a change to every module a check runs (the old hand-kept list missed `slugs.py`,
`bib.py`, `legal.py`, `manifest.py`); the PDFs' and the documents' digests must not see the importer or a command
(the old PDF digest hashed every .py, so editing the importer set every issue again)."""

from __future__ import annotations

import ast
import re
import shutil
import sys
from functools import cache
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from support.paths import REPO
from support.projects import copy_project

from pipeline import code_digest
from pipeline.code_digest import CHECKING, OUTPUTS, PACKAGE, PRINT, code_files, digest

# modules that are a command (argument handling, printing) or run only for one: never an input of an output
COMMANDS = ("pipeline.cli", "pipeline.scaffold", "pipeline.new_contribution", "pipeline.proof", "pipeline.publish",
            "pipeline.deposit", "pipeline.html.serve", "pipeline.importer", "pipeline.bench")
COMMAND_FILES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts
                       and any(code_digest.module_name(p) == c or code_digest.module_name(p).startswith(c + ".")
                               for c in COMMANDS))


def _ran(call: Any) -> set[Path]:
    """The pipeline source files whose functions ran during `call()`."""
    seen: set[str] = set()

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            seen.add(frame.f_code.co_filename)

    sys.setprofile(profile)
    try:
        call()
    finally:
        sys.setprofile(None)
    return {Path(f).resolve() for f in seen if Path(f).resolve().is_relative_to(PACKAGE)}


def test_the_checks_digest_covers_every_module_a_check_runs(tmp_path: Path) -> None:
    from pipeline.validate import validate_project

    root = copy_project("mini", tmp_path)
    ran = _ran(lambda: validate_project(root))
    covered = set(code_files(CHECKING))
    assert ran and not ran - covered, sorted(str(p.relative_to(PACKAGE)) for p in ran - covered)


@cache
def _files(roots: tuple[str, ...]) -> set[Path]:
    return set(code_files(roots))


@pytest.mark.parametrize("path", COMMAND_FILES, ids=[code_digest.module_name(p) for p in COMMAND_FILES])
def test_a_command_is_no_input_of_any_output(path: Path) -> None:
    for roots in (CHECKING, OUTPUTS, PRINT):
        assert path not in _files(roots), (code_digest.module_name(path), roots)


def test_every_extension_conf_py_loads_is_output_code() -> None:
    conf = ast.parse((REPO / "conf.py").read_text(encoding="utf-8"))
    [extensions] = [n.value for n in ast.walk(conf) if isinstance(n, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "extensions" for t in n.targets)]
    assert isinstance(extensions, ast.List)
    ours = {e.value for e in extensions.elts if isinstance(e, ast.Constant) and str(e.value).startswith("pipeline")}
    assert ours and ours <= set(OUTPUTS)
    # and every output step
    steps = {code_digest.module_name(p) for p in PACKAGE.glob("*/build.py")}
    assert steps <= {code_digest.module_name(p) for p in code_files(OUTPUTS)}


def _code_copy(dest: Path) -> Path:
    """A copy of the package's code (sources and stylesheets) under `dest`."""
    copy = dest / "pipeline"
    for file in [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.css")]:
        if "__pycache__" not in file.parts:
            (copy / file.relative_to(PACKAGE)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(file, copy / file.relative_to(PACKAGE))
    return copy


def _edit(package: Path, module: str) -> None:
    """Change one module's source (a comment added)."""
    target = package / (module.removeprefix("pipeline.").replace(".", "/") + ".py")
    if not target.is_file():
        target = target.with_suffix("") / "__init__.py"
    target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


def _digests(package: Path) -> dict[str, str]:
    return {name: digest(code_files(roots, package), package)
            for name, roots in (("check", CHECKING), ("outputs", OUTPUTS), ("print", PRINT))}


@pytest.mark.parametrize(("module", "changed"), [
    ("pipeline.importer.convert", set()),
    ("pipeline.scaffold", set()),
    ("pipeline.cli", set()),
    ("pipeline.slugs", {"check", "outputs", "print"}),
    ("pipeline.typst.translator", {"outputs", "print"}),
    ("pipeline.html.theme", {"outputs"}),
    ("pipeline.epub.package", {"outputs"}),
])
def test_editing_a_module_changes_the_digests_of_what_depends_on_it(tmp_path: Path, module: str,
                                                                    changed: set[str]) -> None:
    package = _code_copy(tmp_path)
    before = _digests(package)
    _edit(package, module)
    after = _digests(package)
    assert {name for name in before if before[name] != after[name]} == changed


def test_the_import_reader_sees_every_form_of_import() -> None:
    """Imports inside functions and relative imports of a package's __init__ count like top-level ones."""
    cases = [("pipeline.typst.build", False, "def f():\n    from ..slugs import slugify", "pipeline.slugs"),
             ("pipeline.html", True, "from . import build", "pipeline.html.build"),
             ("pipeline.html.build", False, "from .. import catalogue as c", "pipeline.catalogue"),
             ("pipeline.cli", False, "import pipeline.slugs", "pipeline.slugs")]
    for name, package, source, expected in cases:
        assert expected in code_digest.imported(ast.parse(source), name, package), source
    assert all(re.match(r"pipeline(\.|$)", code_digest.module_name(p)) for p in code_files(PRINT))
