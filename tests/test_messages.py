"""The message catalogue (pipeline/messages/): one record per diagnostic code, grouped by subject.

The codes the pipeline reports are read from its source with `ast` at test time: every function that passes one
of its parameters on as a code (to `diag`, as a Sphinx `subtype=`, or to such a function in turn) is followed, as
are dataclass fields handed on as codes (`at.report(self.code)`), local variables and node attributes that carry
one. So a new call site with a code nobody wrote a record for fails here, and so does a record nobody reports."""

from __future__ import annotations

import ast
import importlib
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import messages as M

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
PACKAGE = PIPELINE / "messages"
SOURCES = {p: ast.parse(p.read_text(encoding="utf-8"), str(p))
           for p in sorted(PIPELINE.rglob("*.py")) if not p.is_relative_to(PACKAGE)}
SUBJECTS = sorted(p for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
GROUPS = {name: value for name, value in vars(M).items() if name.endswith("_CODES")}
CODE_LIKE = "abcdefghijklmnopqrstuvwxyz0123456789_"
# records whose hint is empty, with the reason (none today: every record tells the author what to do)
WITHOUT_HINT: dict[str, str] = {}


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _argument(call: ast.Call, index: int, name: str) -> ast.expr | None:
    """The expression given for parameter `name` at position `index` (after `self`), if it is given plainly."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    before = call.args[:index + 1]
    if index < len(call.args) and not any(isinstance(a, ast.Starred) for a in before):
        return call.args[index]
    return None


def _strings(node: ast.AST | None) -> Iterator[str]:
    """The code-like string constants an expression can evaluate to (`"a" if x else "b"` gives both)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if node.value and set(node.value) <= set(CODE_LIKE):
            yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _strings(value)


def _functions() -> Iterator[tuple[Path, ast.FunctionDef]]:
    for path, tree in SOURCES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                yield path, node


def _parameters(function: ast.FunctionDef) -> list[str]:
    names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    return names[1:] if names and names[0] in ("self", "cls") else names


def _code_arguments(call: ast.Call, takers: dict[str, set[tuple[int, str]]]) -> Iterator[ast.expr]:
    """The expressions a call passes as a code: to a known taker, or as a Sphinx warning's `subtype=`."""
    for index, name in takers.get(_callee(call), set()):
        argument = _argument(call, index, name)
        if argument is not None:
            yield argument
    yield from (k.value for k in call.keywords if k.arg == "subtype")


def _takers() -> tuple[dict[str, set[tuple[int, str]]], set[str]]:
    """Functions that take a code (name → (position, parameter)), and field names whose value is passed as one."""
    takers: dict[str, set[tuple[int, str]]] = {"diag": {(2, "code")}}
    fields: set[str] = set()
    grown = True
    while grown:
        grown = False
        for _, function in _functions():
            parameters = _parameters(function)
            for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
                for argument in _code_arguments(call, takers):
                    if isinstance(argument, ast.Name) and argument.id in parameters:
                        entry = (parameters.index(argument.id), argument.id)
                        if entry not in takers.setdefault(function.name, set()):
                            takers[function.name].add(entry)
                            grown = True
                    elif isinstance(argument, ast.Attribute) and argument.attr not in fields:
                        fields.add(argument.attr)
                        grown = True
    return takers, fields


def _dataclass_fields(tree: ast.Module) -> dict[str, list[ast.AnnAssign]]:
    """The fields of every class in a module, inherited ones (from the same module) first."""
    own = {c.name: (c, [s for s in c.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                        and "ClassVar" not in ast.unparse(s.annotation)])
           for c in ast.walk(tree) if isinstance(c, ast.ClassDef)}

    def all_fields(name: str) -> list[ast.AnnAssign]:
        node, mine = own[name]
        bases = [b.id for b in node.bases if isinstance(b, ast.Name) and b.id in own]
        return [f for base in bases for f in all_fields(base)] + mine

    return {name: all_fields(name) for name in own}


def _carried(path: Path, function: ast.FunctionDef, argument: ast.expr) -> Iterator[str]:
    """Codes a local variable or a node attribute (`block["koop_code"]`) carries to a code argument."""
    if isinstance(argument, ast.Name):
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == argument.id
                                                    for t in node.targets):
                yield from _strings(node.value)
    elif isinstance(argument, ast.Subscript) and isinstance(argument.slice, ast.Constant):
        for writer, node in ((f, n) for p, f in _functions() if p == path for n in ast.walk(f)):
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                pairs = (zip(target.elts, node.value.elts, strict=False)
                         if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                         else [(target, node.value)])
                for part, value in pairs:
                    if (isinstance(part, ast.Subscript) and isinstance(part.slice, ast.Constant)
                            and part.slice.value == argument.slice.value):
                        yield from _strings(value)
                        yield from _carried(path, writer, value) if isinstance(value, ast.Name) else ()


def reported_codes() -> dict[str, str]:
    """Every code the pipeline can report, with one place (path:line) that reports it."""
    takers, fields = _takers()
    found: dict[str, str] = {}

    def add(codes: Iterator[str], path: Path, line: int) -> None:
        for code in codes:
            found.setdefault(code, f"{path.relative_to(PIPELINE.parent)}:{line}")

    for path, function in _functions():
        for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
            for argument in _code_arguments(call, takers):
                add(_strings(argument), path, call.lineno)
                add(_carried(path, function, argument), path, call.lineno)
    for path, tree in SOURCES.items():
        classes = _dataclass_fields(tree)
        for name, declared in classes.items():
            for position, field in enumerate(declared):
                if field.target.id in fields:  # type: ignore[union-attr]
                    add(_strings(field.value), path, field.lineno)
                    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call) and _callee(n) == name):
                        add(_strings(_argument(call, position, field.target.id)), path,  # type: ignore[union-attr]
                            call.lineno)
    tables = [*M.MYST_WARNINGS.values(), *(code for _, code in (*M.AUTHOR_PATTERNS, *M.ENGINE_PATTERNS))]
    add(iter(tables), PIPELINE / "sphinx_ext" / "capture.py", 1)  # capture.translate reports them
    return found


REPORTED = reported_codes()


def test_every_code_the_pipeline_reports_has_a_record() -> None:
    missing = sorted(f"{where}: koop.{code}" for code, where in REPORTED.items() if code not in M.CODES)
    assert not missing, "\n".join(missing)


def test_every_record_is_reported_somewhere() -> None:
    assert sorted(set(M.CODES) - set(REPORTED)) == []


def test_the_scan_follows_every_way_a_code_travels() -> None:
    """Spot checks of the scan itself: a direct call, a wrapper method, a validator's field given positionally and
    as its default, a local variable, a node attribute, a Sphinx subtype, the engine tables."""
    expected = {"bib_duplicate": "diag", "image_type": "BodyChecker.error", "themenfeld": "OneOf(…, code)",
                "manifest_file": "IssueFile default", "duration": "Pattern(…, code)",
                "code_syntax": "local variable → block['koop_code']", "numref": "subtype=",
                "unsupported": "subtype=", "heading_skip": "AUTHOR_PATTERNS", "setup": "MYST_WARNINGS",
                "projektfamilie_themenfeld": "at.item(i).report"}
    assert {code: code in REPORTED for code in expected} == dict.fromkeys(expected, True)


@pytest.mark.parametrize("code", sorted(M.CODES))
def test_a_record_is_well_formed(code: str) -> None:
    """The code is a `koop.<code>` name, the text takes positional {} arguments only, and there is a hint."""
    message = M.CODES[code]
    assert message.code == code and set(code) <= set(CODE_LIKE) and code[0].isalpha()
    fields = [name for _, name, _, _ in string.Formatter().parse(message.text) if name is not None]
    assert message.text.strip() and all(name == "" for name in fields), message.text
    assert message.hint.strip() or code in WITHOUT_HINT, f"koop.{code} has no hint"
    assert isinstance(message.severity, M.Severity)


def test_the_exceptions_without_a_hint_exist() -> None:
    assert set(WITHOUT_HINT) <= set(M.CODES)


@pytest.mark.parametrize("first", sorted(GROUPS))
def test_a_code_given_twice_is_refused_whichever_groups_hold_it(first: str) -> None:
    """A record of one subject group repeated in any group (itself included) makes `catalogue` raise, naming the
    code; the groups as they are give every code once."""
    twin = GROUPS[first][0]
    for second in GROUPS:
        groups = [(*g, twin) if name == second else g for name, g in GROUPS.items()]
        with pytest.raises(M.DuplicateCodeError, match=re.escape(f"koop.{twin.code} ")):
            M.catalogue(*groups)
    assert len(M.catalogue(*GROUPS.values())) == sum(len(g) for g in GROUPS.values()) == len(M.CODES)


def test_a_duplicate_code_fails_the_import(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.messages import links

    twin = M.Message("glyph", "Doppelt.", "Hinweis.")
    monkeypatch.setattr(links, "LINK_CODES", (*links.LINK_CODES, twin))
    with pytest.raises(M.DuplicateCodeError, match=re.escape("koop.glyph ")):
        importlib.reload(M)
    monkeypatch.undo()
    importlib.reload(M)
    assert M.CODES["glyph"].text != "Doppelt."


def _defined(path: Path) -> set[str]:
    """The public names a subject module defines itself (not those it imports)."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
    return {n for n in names if not n.startswith("_") and n != "__all__"}


def test_no_name_is_defined_in_two_subject_modules() -> None:
    """`M.<NAME>` comes from exactly one module (the package re-exports them all with `*`)."""
    owners: dict[str, list[str]] = {}
    for path in SUBJECTS:
        for name in _defined(path):
            owners.setdefault(name, []).append(path.name)
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}
    assert all(getattr(M, name) is getattr(importlib.import_module(f"pipeline.messages.{o[0][:-3]}"), name)
               for name, o in owners.items())


def test_every_group_of_records_is_in_the_registry() -> None:
    groups = {name for path in SUBJECTS for name in _defined(path) if name.endswith("_CODES")}
    assert groups == set(GROUPS)
    assert {m.code for g in GROUPS.values() for m in g} == set(M.CODES)


@pytest.mark.parametrize("path", SUBJECTS, ids=[p.stem for p in SUBJECTS])
def test_a_subject_module_is_small_and_says_what_it_holds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert ast.get_docstring(tree), path.name
    assert len(text.splitlines()) <= 400, path.name
    assert not re.search(r"\bissue \d+|loose ends", text), "no history headings"


@pytest.mark.parametrize("path", [*SUBJECTS, PACKAGE / "__init__.py"], ids=[*(p.stem for p in SUBJECTS), "init"])
def test_every_name_is_bound_once_and_no_table_is_patched(path: Path) -> None:
    """A module binds each name once, at its own statement: no `X.update(…)`, no `X["k"] = …`, no `X = X | …`."""
    bound: list[str] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Expr):
            assert isinstance(node.value, ast.Constant), f"{path.name}:{node.lineno}: {ast.unparse(node)[:60]}"
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            assert all(isinstance(t, ast.Name) for t in targets), f"{path.name}:{node.lineno}"
            bound += [t.id for t in targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            bound.append(node.name)
        else:
            assert isinstance(node, ast.Import | ast.ImportFrom), f"{path.name}:{node.lineno}"
    assert sorted(n for n in set(bound) if bound.count(n) > 1) == []


def test_every_text_is_used() -> None:
    """Every public name of the package is read somewhere in pipeline/ outside it (code or templates), or by
    another name of the package (`ISSUES_PLANNED_LABEL = PROOF_PLANNED`): no German text nobody shows."""
    outside = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(PIPELINE.rglob("*"))
                        if p.is_file() and not p.is_relative_to(PACKAGE) and p.suffix in (".py", ".html", ".typ"))
    inside = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.glob("*.py")))
    names = {n for path in SUBJECTS for n in _defined(path)}
    unused = sorted(n for n in names if not re.search(rf"\b{n}\b", outside)
                    and len(re.findall(rf"\b{n}\b", inside)) < 2)
    assert unused == []
