"""Split a Markdown file into front matter and body; safe-load the YAML with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostic, diag

KeyPath = tuple[str | int, ...]


@dataclass
class FrontMatter:
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    start: int = 1  # line of the opening "---"
    end: int = 1  # line of the closing "---"

    def line(self, *path: str | int) -> int:
        """Line of a key (or the closest known parent), falling back to the block start."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.start


@dataclass
class SplitFile:
    frontmatter: FrontMatter | None
    body: str
    body_line: int  # 1-based line number where the body starts


def split(text: str) -> tuple[str | None, int, str, int]:
    """Return (yaml text, first yaml line, body, first body line); yaml None if there is none."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, 1, text, 1
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "".join(lines[1:i]), 2, "".join(lines[i + 1 :]), i + 2
    return None, 1, text, 1


def _walk(node: yaml.Node, path: KeyPath, offset: int, out: dict[KeyPath, int], dups: list[tuple[str, int]]) -> None:
    out[path] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                dups.append((name, key.start_mark.line + offset))
            seen.add(name)
            out[(*path, name)] = key.start_mark.line + offset
            _walk(value, (*path, name), offset, out, dups)
            out[(*path, name)] = key.start_mark.line + offset
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), offset, out, dups)


def load_yaml(source: str, first_line: int, path: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Safe-load YAML: no tags, no anchors/aliases (billion laughs), no duplicate keys."""
    problems: list[Diagnostic] = []
    offset = first_line  # yaml lines are 0-based
    try:
        for token in yaml.scan(source, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.TagToken):
                handle, suffix = token.value
                problems.append(diag(path, token.start_mark.line + offset, "yaml_tag", f"{handle or ''}{suffix}"))
            elif isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                problems.append(diag(path, token.start_mark.line + offset, "yaml_alias"))
                break
        if problems:
            return None, problems
        loader = yaml.SafeLoader(source)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + offset) if mark else first_line
        reason = _german_yaml_problem(exc.problem or exc.context or "")
        return None, [diag(path, line, "yaml", reason)]
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        # e.g. "2014-13-45" fails in the timestamp constructor with ValueError
        return None, [diag(path, first_line, "yaml", _german_yaml_problem(str(exc)))]
    lines: dict[KeyPath, int] = {}
    dups: list[tuple[str, int]] = []
    if node is not None:
        _walk(node, (), offset, lines, dups)
    problems += [diag(path, line, "yaml_duplicate_key", name) for name, line in dups]
    return FrontMatter(data, lines, first_line - 1), problems


_YAML_PROBLEMS = {
    "mapping values are not allowed here": "an dieser Stelle ist kein „:“ erlaubt",
    "could not find expected ':'": "ein „:“ fehlt",
    "found character '\\t' that cannot start any token": "Tabulatoren sind nicht erlaubt, bitte Leerzeichen verwenden",
    "found unexpected end of stream": "die Datei endet mitten in einem Wert",
    "found undefined alias": "unbekannter Verweis",
    "expected <block end>, but found": "die Einrückung stimmt nicht",
    "did not find expected key": "die Einrückung stimmt nicht oder ein „-“ fehlt",
    "found unknown escape character": "unbekanntes Escape-Zeichen mit „\\“",
    "while scanning a quoted scalar": "ein Anführungszeichen wird nicht geschlossen",
    "found unexpected ':'": "unerwarteter „:“",
    "month must be in": "ungültiger Monat",
    "day is out of range": "ungültiger Tag",
}


def _german_yaml_problem(problem: str) -> str:
    for english, german in _YAML_PROBLEMS.items():
        if problem.startswith(english) or english in problem:
            return german
    return f"Syntaxfehler ({problem.strip() or 'unbekannt'})"


def read(text: str, path: str) -> tuple[SplitFile, list[Diagnostic]]:
    source, first, body, body_line = split(text)
    if source is None:
        return SplitFile(None, body, body_line), [diag(path, 1, "frontmatter_missing")]
    fm, problems = load_yaml(source, first, path)
    return SplitFile(fm, body, body_line), problems

