"""Split a Markdown file into front matter and body; safe-load the YAML with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import messages as M
from .diagnostics import Diagnostic, diag

KeyPath = tuple[str | int, ...]


@dataclass
class FrontMatter:
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    start: int = 1  # line of the opening "---"
    end: int = 1  # line of the closing "---"
    broken: frozenset[str] = frozenset()  # top-level keys whose YAML could not be read (already reported)

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
    source, first, body, body_line, unclosed = split_block(text)
    return (None, 1, text, 1) if unclosed else (source, first, body, body_line)


# A line that can belong to a YAML block: blank, comment, indented, list item or `key:`.
_YAML_LINE = re.compile(r"^(\s*$|\s*#|\s+\S|-(\s|$)|[\w.-]+:(\s|$))")


def split_block(text: str) -> tuple[str | None, int, str, int, bool]:
    """Like `split`, and whether the block is unclosed (its end is then guessed: the first line that cannot be
    YAML, so that the body is still checked)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, 1, text, 1, False
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "".join(lines[1:i]), 2, "".join(lines[i + 1 :]), i + 2, False
    end = next((i for i in range(1, len(lines)) if not _YAML_LINE.match(lines[i])), len(lines))
    return "".join(lines[1:end]), 2, "".join(lines[end:]), end + 1, True


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


def load_yaml(source: str, first_line: int, path: str,
              lenient: bool = False) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Safe-load YAML: no tags, no anchors/aliases (billion laughs), no duplicate keys.

    With `lenient`, a block that fails is read again key by key, so that one broken value does not
    hide the problems of all the others: the result then holds the keys that could be read."""
    fm, problems = _load(source, first_line, path)
    if fm is not None or not lenient or any(p.code != "yaml" for p in problems):
        return fm, problems  # refused tags and aliases are not read again piece by piece
    return _load_by_key(source, first_line, path) or (None, problems)


# libyaml where available (5× faster); its messages differ, so a file it refuses is read again by the pure-Python
# parser, whose messages the German texts are made for
_FAST: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(source: str, first_line: int, path: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    if _FAST is not yaml.SafeLoader:
        try:
            return _load_with(_FAST, source, first_line, path)
        except yaml.YAMLError:
            pass
    return _load_with(yaml.SafeLoader, source, first_line, path, final=True)


def _load_with(loader_class: type[yaml.SafeLoader], source: str, first_line: int, path: str,
               final: bool = False) -> tuple[FrontMatter | None, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    offset = first_line  # yaml lines are 0-based
    try:
        for token in yaml.scan(source, Loader=loader_class):
            if isinstance(token, yaml.TagToken):
                handle, suffix = token.value
                problems.append(diag(path, token.start_mark.line + offset, "yaml_tag", f"{handle or ''}{suffix}"))
            elif isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                problems.append(diag(path, token.start_mark.line + offset, "yaml_alias"))
                break
        if problems:
            return None, problems
        loader = loader_class(source)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        if not final:
            raise
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + offset) if mark else first_line
        reason, hint = german_yaml_problem(exc.problem or exc.context or "")
        return None, [diag(path, line, "yaml", reason, hint=hint)]
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        if not final:
            raise yaml.YAMLError(str(exc)) from exc
        # e.g. "2014-13-45" fails in the timestamp constructor with ValueError
        reason, hint = german_yaml_problem(str(exc))
        return None, [diag(path, first_line, "yaml", reason, hint=hint)]
    lines: dict[KeyPath, int] = {}
    dups: list[tuple[str, int]] = []
    if node is not None:
        _walk(node, (), offset, lines, dups)
    problems += [diag(path, line, "yaml_duplicate_key", name) for name, line in dups]
    return FrontMatter(data, lines, first_line - 1), problems


_TOP_KEY = re.compile(r"^([^\s:#-][^:]*):(\s|$)")


def _load_by_key(source: str, first_line: int, path: str) -> tuple[FrontMatter, list[Diagnostic]] | None:
    """Read each top-level `key:` with its indented lines on its own; None if that finds no broken part."""
    lines = source.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _TOP_KEY.match(line)]
    if not starts or any(line.strip() and not line.lstrip().startswith("#") for line in lines[: starts[0]]):
        return None
    data: dict[str, Any] = {}
    where: dict[KeyPath, int] = {}
    broken: set[str] = set()
    problems: list[Diagnostic] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        key = _TOP_KEY.match(lines[start])
        name = key.group(1).strip() if key else ""
        fm, more = _load("".join(lines[start:end]), first_line + start, path)
        problems += more
        if fm is None or not isinstance(fm.data, dict):
            broken.add(name)
            continue
        for k, v in fm.data.items():
            if k in data:
                problems.append(diag(path, fm.line(str(k)), "yaml_duplicate_key", k))
            data[k] = v
        where.update(fm.lines)
    if not broken:
        return None
    return FrontMatter(data, where, first_line - 1, broken=frozenset(broken)), problems


def german_yaml_problem(problem: str) -> tuple[str, str | None]:
    """The German reason for a YAML parser message, and a hint that fits it (None: the general one)."""
    for english, (german, hint) in M.YAML_PROBLEMS.items():
        if problem.startswith(english) or english in problem:
            return german, hint
    return M.YAML_UNKNOWN.format(problem.strip() or "unbekannt"), None


def read(text: str, path: str) -> tuple[SplitFile, list[Diagnostic]]:
    """Split a contribution and read its front matter; the body is returned even if the YAML is broken."""
    source, first, body, body_line, unclosed = split_block(text)
    if source is None:
        return SplitFile(None, body, body_line), [diag(path, 1, "frontmatter_missing")]
    problems = [diag(path, 1, "frontmatter_unclosed")] if unclosed else []
    fm, more = load_yaml(source, first, path, lenient=True)
    return SplitFile(fm, body, body_line), problems + more
