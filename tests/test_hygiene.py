"""The test suite's own hygiene: no test of the fast tier builds; no test leaves the process environment changed
behind it (SOURCE_DATE_EPOCH decides the day an issue counts as out, so a value left by one fixture
changes what every later test sees); set it with `monkeypatch` or `support.reproducible.epoch()`."""

from __future__ import annotations

import ast
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
