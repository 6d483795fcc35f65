"""Digests of the pipeline's own code: the one place that says which code a stored result depends on.

A result kept between runs (a checked file's report, the documents Sphinx has read, an issue's PDF) is valid
while the code that made it is the same. Which code that is, is read from the imports: a module and every
pipeline module it imports, directly or not, at the top or inside a function. So editing the importer sets no
PDF again, and editing a module the checks use (`slugs.py`) checks every file again.
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TAXONOMY = PACKAGE / "data" / "taxonomy.yml"
# what checks a contribution (`check_file`) and the cross checks (pipeline/report_cache.py)
CHECKING = ("pipeline.validate",)
# what shapes a document as Sphinx reads and writes it, for every output (the `koop_code` setting): the Sphinx
# extensions conf.py loads and the output steps (tests/test_code_digest.py holds this list and conf.py together)
OUTPUTS = ("pipeline.sphinx_ext", "pipeline.html", "pipeline.html.sharing", "pipeline.html.legal",
           "pipeline.typst.builder", "pipeline.typst.offprint", "pipeline.epub.builder", "pipeline.probe",
           "pipeline.html.build", "pipeline.typst.build", "pipeline.epub.build", "pipeline.desk")
PRINT = ("pipeline.typst.builder",)  # what sets an issue's PDFs from the documents read


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """The dotted name of the module in `path` (a package's `__init__.py`: the package)."""
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST, name: str, package: bool) -> set[str]:
    """Every module `tree` (the module `name`, a package's __init__ if `package`) imports, as absolute names;
    `from a import b` counts as both `a` and `a.b` (b may be a module)."""
    found: set[str] = set()
    here = name.split(".") if package else name.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return found


# An import statement wherever it stands (top level, in a function, under `if TYPE_CHECKING:`), with a
# parenthesised name list over several lines: only these are parsed, not the whole module (every command
# computes its digests; parsing and walking every module cost half a second each time).
IMPORT_STATEMENT = re.compile(r"^[ \t]*(from[ \t]+[\w.]+[ \t]+import[ \t]+\([^)]*\)"
                              r"|from[ \t]+[\w.]+[ \t]+import[ \t]+[^\n]*|import[ \t]+[^\n]*)", re.MULTILINE)


@cache
def _imports_of(path: Path, name: str) -> frozenset[str]:
    """What the module `name` in `path` imports (see `imported`), from its import statements alone; a line of
    prose that only looks like one (in a docstring) is skipped when it does not parse."""
    found: set[str] = set()
    for statement in IMPORT_STATEMENT.findall(path.read_text(encoding="utf-8")):
        try:
            tree = ast.parse(statement)
        except SyntaxError:
            continue
        found |= imported(tree, name, path.name == "__init__.py")
    return frozenset(found)


def _modules(package: Path) -> dict[str, Path]:
    files = (p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    return {module_name(p, package): p for p in files}


def _parents(name: str) -> list[str]:
    """A module and the packages it lies in (importing `a.b.c` runs `a/__init__` and `a/b/__init__`)."""
    parts = name.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts) + 1)]


def code_files(roots: Iterable[str], package: Path = PACKAGE) -> list[Path]:
    """The source files of the modules `roots` and of every pipeline module they import, directly or not, with
    the stylesheets of the packages among them (they are code the outputs copy)."""
    modules = _modules(package)
    todo = [m for root in roots for m in _parents(root) if m in modules]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = modules[name]
        todo += [m for found in _imports_of(path, name) for m in _parents(found) if m in modules and m not in seen]
    files = {modules[m] for m in seen}
    packages = {modules[m].parent for m in seen if modules[m].name == "__init__.py"}
    files |= {css for css in package.rglob("*.css") if _package_of(css) in packages}
    return sorted(files)


def _package_of(file: Path) -> Path:
    """The folder of the package a data file belongs to: the nearest one with an `__init__.py`."""
    folder = file.parent
    while not (folder / "__init__.py").is_file():
        folder = folder.parent
    return folder


def digest(files: Iterable[Path], package: Path = PACKAGE) -> str:
    """A digest of files' names (relative to the package's folder) and contents."""
    h = hashlib.sha1()
    for file in sorted(files):
        h.update(file.relative_to(package.parent).as_posix().encode() + b"\0")
        h.update(file.read_bytes())
    return h.hexdigest()


@cache
def checking_code() -> str:
    """The code that decides a file's diagnostics, and the taxonomy it checks against."""
    return digest([*code_files(CHECKING), TAXONOMY])


@cache
def output_code() -> str:
    """The code that shapes the outputs: a new version re-reads every document (the taxonomy is data: pages
    that show it declare it through `sphinx_ext.deps`)."""
    return digest(code_files(OUTPUTS))


@cache
def print_code() -> str:
    """The code that sets an issue's PDFs from the documents read."""
    return digest(code_files(PRINT))
