"""The test suite's own hygiene: no test of the fast tier builds; no test leaves the process environment changed
behind it (SOURCE_DATE_EPOCH decides the day an issue counts as out, so a value left by one fixture
changes what every later test sees); set it with `monkeypatch` or `support.reproducible.epoch()`; test modules
share helpers only through tests/support (conftest holds fixtures and hooks, a test module is no library);
no test writes into the repository's build/ (outputs go to tmp_path, artefacts to support.artefacts)."""

from __future__ import annotations

import ast
import itertools
import textwrap
from pathlib import Path

import pytest
from support import tiers

TESTS = Path(__file__).resolve().parent
MUTATORS = {"setdefault", "update", "pop", "popitem", "clear", "__setitem__", "__delitem__"}


def is_environ(node: ast.expr) -> bool:
    """`os.environ` (or a bare `environ` imported from os)."""
    return ((isinstance(node, ast.Attribute) and node.attr == "environ" and isinstance(node.value, ast.Name)
             and node.value.id == "os") or (isinstance(node, ast.Name) and node.id == "environ"))


def environment_writes(tree: ast.AST) -> list[int]:
    """Lines that change the process environment in place: `os.environ[k] = v`, `del os.environ[k]`,
    `os.environ.setdefault(…)`/`update`/`pop`/…, `os.putenv`/`os.unsetenv`."""
    lines = []
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.Delete):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Subscript) and is_environ(t.value) for t in targets):
            lines.append(node.lineno)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if (func.attr in MUTATORS and is_environ(func.value)) or (
                    func.attr in {"putenv", "unsetenv"} and isinstance(func.value, ast.Name)
                    and func.value.id == "os"):
                lines.append(node.lineno)
    return sorted(lines)


SOURCES = sorted(TESTS.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(TESTS)) for p in SOURCES])
def test_no_test_changes_the_environment_for_the_tests_after_it(path: Path) -> None:
    lines = environment_writes(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    assert not lines, f"{path.relative_to(TESTS)}:{lines}: monkeypatch.setenv / support.reproducible.epoch()"


@pytest.mark.parametrize("source", [
    'os.environ["X"] = "1"', 'del os.environ["X"]', 'os.environ.setdefault("X", "1")', 'os.environ.update(X="1")',
    'os.environ.pop("X")', 'os.putenv("X", "1")', 'environ["X"] = "1"', 'os.environ["X"] += "1"'])
def test_every_way_of_writing_the_environment_is_found(source: str) -> None:
    assert environment_writes(ast.parse(f"import os\ndef f():\n    {source}\n")) == [3]


@pytest.mark.parametrize("source", ['os.environ.get("X")', 'env = {**os.environ, "X": "1"}', 'x = os.environ["X"]',
                                    'monkeypatch.setenv("X", "1")'])
def test_reading_the_environment_is_allowed(source: str) -> None:
    assert environment_writes(ast.parse(f"import os\ndef f():\n    {source}\n")) == []


def test_no_test_of_the_fast_tier_waits_for_a_build(request: pytest.FixtureRequest) -> None:
    """Every collected test that uses a fixture building real outputs (conftest's, or one a module names in its
    SLOW_FIXTURES) is marked `slow`, so `-m "not slow and not browser"` never builds."""
    unmarked = [item.nodeid for item in request.session.items
                if tiers.builds(item) and item.get_closest_marker("slow") is None]
    assert not unmarked, unmarked


# -- test modules share helpers through tests/support only ------------------------------------------------------

def is_test_module(name: str) -> bool:
    """`conftest` or a test module (test_*), the way pytest finds them on the tests folder's path."""
    top = name.split(".")[0]
    return top == "conftest" or top.startswith("test_")


def imports_of_test_modules(tree: ast.AST) -> list[int]:
    """Lines that import from conftest or from a test module (at the top, in a function, in any block)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.module else [a.name for a in node.names]
            if any(is_test_module(n) for n in names):
                lines.append(node.lineno)
        elif isinstance(node, ast.Import) and any(is_test_module(a.name) for a in node.names):
            lines.append(node.lineno)
    return sorted(lines)


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(TESTS)) for p in SOURCES])
def test_no_module_imports_from_conftest_or_another_test_module(path: Path) -> None:
    lines = imports_of_test_modules(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    assert not lines, f"{path.relative_to(TESTS)}:{lines}: shared helpers belong in tests/support"


IMPORTS = ["from {m} import x", "from {m} import x as y", "import {m}", "import {m} as y", "import os, {m}",
           "from {m} import (\n    x,\n    y,\n)"]
PLACES = ["{s}", "def f():\n{s}", "if True:\n{s}", "try:\n{s}\nexcept ImportError:\n    pass",
          "class C:\n    def f(self):\n{s}"]


@pytest.mark.parametrize(("form", "module", "place"),
                         list(itertools.product(IMPORTS, ["conftest", "test_browser", "test_x.sub"], PLACES)))
def test_every_way_of_importing_a_test_module_is_found(form: str, module: str, place: str) -> None:
    depth = place.count(":\n") if place.endswith("{s}") else 1
    statement = textwrap.indent(form.format(m=module), "    " * depth)
    source = place.format(s=statement)
    assert imports_of_test_modules(ast.parse(source)) == [source[:source.index(module)].count("\n") + 1], source


def test_a_relative_import_of_a_test_module_is_found() -> None:
    assert imports_of_test_modules(ast.parse("from . import test_browser\nfrom . import conftest")) == [1, 2]


@pytest.mark.parametrize("source", ["from support import projects", "from support.projects import copy_project",
                                    "import pytest", "from pipeline.cli import main", "import testing",
                                    "from contest import x", "from support.test_data import x"])
def test_importing_support_and_libraries_is_allowed(source: str) -> None:
    assert imports_of_test_modules(ast.parse(source)) == []


# -- no test writes into the repository's build/ ----------------------------------------------------------------

def path_parts(node: ast.expr) -> list[ast.expr]:
    """The operands of a path built with `/` (`a / "b" / c` → a, "b", c) or `.joinpath(…)`."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return [*path_parts(node.left), *path_parts(node.right)]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "joinpath"):
        return [*path_parts(node.func.value), *node.args]
    return [node]


def names_repo(node: ast.expr) -> bool:
    """`REPO` (or `paths.REPO`, `support.paths.REPO`): the checkout."""
    return (isinstance(node, ast.Name) and node.id == "REPO") or (isinstance(node, ast.Attribute)
                                                                  and node.attr == "REPO")


def repository_build_paths(tree: ast.AST) -> list[int]:
    """Lines that name a path in the repository's build/ (REPO / "build" / …, REPO / "build/x", REPO.joinpath)."""
    lines = set()
    for node in ast.walk(tree):
        parts = path_parts(node) if isinstance(node, ast.BinOp | ast.Call) else []
        if len(parts) > 1 and names_repo(parts[0]) and isinstance(parts[1], ast.Constant) \
                and isinstance(parts[1].value, str) and parts[1].value.strip("/").split("/")[0] == "build":
            lines.add(node.lineno)
    return sorted(lines)


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(TESTS)) for p in SOURCES])
def test_no_test_writes_into_the_repositorys_build_folder(path: Path) -> None:
    lines = repository_build_paths(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    assert not lines, f"{path.relative_to(TESTS)}:{lines}: tmp_path / tmp_path_factory, or support.artefacts"


@pytest.mark.parametrize(("repo", "build"), list(itertools.product(
    ["REPO", "paths.REPO", "support.paths.REPO"],
    ['/ "build"', '/ "build" / "x"', '/ "build/lighthouse"', '/ "/build/"', '.joinpath("build")',
     '.joinpath("build", "x")'])))
def test_every_way_of_naming_the_repositorys_build_folder_is_found(repo: str, build: str) -> None:
    assert repository_build_paths(ast.parse(f"x = 1\nREPORTS = {repo} {build}".replace(" .", "."))) == [2]


@pytest.mark.parametrize("source", ['REPO / "docs"', 'root / "build"', 'tmp_path / "build" / "x"', 'REPO / name',
                                    'REPO / "buildings"', '"build" / REPO'])
def test_other_paths_are_allowed(source: str) -> None:
    assert repository_build_paths(ast.parse(source)) == []

