"""Split a Markdown file into front matter and body; safe-load the YAML with line numbers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from . import messages as M
from .diagnostics import Diagnostic, diag

KeyPath = tuple[str | int, ...]
MAX_ENTRIES = 10_000  # values in a front matter (MyST renders no field over 100,000; no contribution needs 10,000)


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
# The block's fences as MyST's reader (markdown-it's front_matter rule) sees them: an opening line of three or more
# dashes; a closing line of at least as many dashes, indented by at most three spaces, or „...“ at its start.
_OPENING = re.compile(r"^(-{3,})[ \t]*$")
_DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*$")
# a line meant to close the block but not read as closing: dashes with spaces, a typographic dash, underscores …
_MISTYPED_END = re.compile(r"^[ \t]*(?:--|[-_*=](?:[ \t]*[-_*=]){2,}|[‐‑‒–—―](?:[ \t]*[-‐‑‒–—―])*)[ \t]*$")


def _closes(line: str, dashes: int) -> bool:
    text = line.rstrip("\r\n")
    if _DOCUMENT_END.match(text):
        return True
    stripped = text.lstrip(" ")
    run = len(stripped) - len(stripped.lstrip("-"))
    return len(text) - len(stripped) <= 3 and run >= dashes and not stripped[run:].strip(" \t")


def split_block(text: str) -> tuple[str | None, int, str, int, bool]:
    """Like `split`, and whether the block is unclosed (its end is then guessed: the first line that cannot be
    YAML, so that the body is still checked)."""
    lines = text.splitlines(keepends=True)
    opening = _OPENING.match(lines[0].rstrip("\r\n")) if lines else None
    if opening is None:
        return None, 1, text, 1, False
    for i in range(1, len(lines)):
        if _closes(lines[i], len(opening.group(1))):
            return "".join(lines[1:i]), 2, "".join(lines[i + 1 :]), i + 2, False
    end = next((i for i in range(1, len(lines)) if not _YAML_LINE.match(lines[i]) or _MISTYPED_END.match(lines[i])),
               len(lines))
    if end < len(lines) and _MISTYPED_END.match(lines[end]):
        return "".join(lines[1:end]), 2, "".join(lines[end + 1:]), end + 2, True  # meant as the closing line
    while end > 1 and re.match(r"^\s*(#|$)", lines[end - 1]):
        end -= 1  # blank and „#“ lines before the text are the text's (a „## heading“ is no YAML comment there)
    return "".join(lines[1:end]), 2, "".join(lines[end:]), end + 1, True


def stand_in(text: str, title: str) -> str | None:
    """`text` with a front matter MyST cannot take (broken, unclosed, without a title, with a value it cannot
    render) replaced, line for line, by one that holds only `title`; None when there is nothing to replace.

    MyST reads the body after it as the body it is: the title is its first heading, so `##` sections are not
    „headings start at H2“, every line keeps its number, and the front matter's problems are said once, by
    `read`. The decision depends on the text alone (the reader's cache of the document stays valid)."""
    source, first, _, body_line, unclosed = split_block(text)
    if source is None:
        return None
    fm, _ = _load(source, first, "")
    data = fm.data if fm is not None else None
    title_ok = isinstance(data, dict) and isinstance(data.get("title"), str) and bool(data["title"].strip())
    if title_ok and not unclosed and _renders(data):
        return None
    head = body_line - 1  # lines of the block (an unclosed one up to the guessed end)
    lines = ["---\n", f"title: {json.dumps(title, ensure_ascii=False)}\n", *["\n"] * (head - 3), "---\n"]
    replaced = "".join(lines) if head >= 3 else "\n" * head  # too short to hold a title: no front matter at all
    return replaced + "".join(text.splitlines(keepends=True)[head:])


def _renders(data: object) -> bool:
    """Whether MyST can show every value as a field (it serialises them as JSON, dates as ISO text; a date as a
    mapping key it cannot)."""
    try:
        json.dumps(data, default=lambda o: o.isoformat() if isinstance(o, date) else str(o))
    except (TypeError, ValueError, RecursionError):
        return False
    return True


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


def load_yaml_file(file: Path, shown: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """A YAML data file (an issue manifest, the publisher's file) read as UTF-8 and safe-loaded leniently; None
    with located diagnostics when it cannot be read or is not a mapping of keys to values."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [diag(shown, 1, "encoding", hex(exc.object[exc.start]), exc.start)]
    fm, problems = load_yaml(text, 1, shown, lenient=True)
    if fm is not None and not isinstance(fm.data, dict):
        return None, [*problems, diag(shown, 1, "frontmatter_type", M.type_name(fm.data))]
    return fm, problems


def load_yaml(source: str, first_line: int, path: str,
              lenient: bool = False) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Safe-load YAML: no tags, no anchors/aliases (billion laughs), no duplicate keys.

    With `lenient`, a block that fails is read again key by key, so that one broken value does not
    hide the problems of all the others: the result then holds the keys that could be read."""
    fm, problems = _load(source, first_line, path)
    if fm is not None or not lenient or any(p.code not in ("yaml", "frontmatter_size") for p in problems):
        return fm, problems  # refused tags and aliases are not read again piece by piece
    return _load_by_key(source, first_line, path) or (None, problems)


def _load(source: str, first_line: int, path: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Read YAML with the pure-Python parser, the one MyST's reader uses (`yaml.safe_load`): libyaml accepts some
    text it refuses (a tab after „key:“), and what `check` accepts must be what the build reads."""
    problems: list[Diagnostic] = []
    offset = first_line  # yaml lines are 0-based
    try:
        for token in _tokens(source):
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
        line, problem = _error_line(exc, source)
        reason, hint = german_yaml_problem(problem, exc.context or "")
        return None, [diag(path, line + offset, "yaml", reason, hint=hint)]
    except yaml.reader.ReaderError as exc:  # a control character: the reader knows its position, not its line
        reason, hint = german_yaml_problem(str(exc))
        return None, [diag(path, source[: exc.position].count("\n") + offset, "yaml", reason, hint=hint)]
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        # e.g. "2014-13-45" fails in the timestamp constructor with ValueError
        reason, hint = german_yaml_problem(str(exc))
        return None, [diag(path, first_line, "yaml", reason, hint=hint)]
    lines: dict[KeyPath, int] = {}
    dups: list[tuple[str, int]] = []
    if node is not None:
        _walk(node, (), offset, lines, dups)
    if node is not None and (entries := _values(node)) > MAX_ENTRIES:  # MyST would not render it („too large“);
        # `read` finds the key by key
        return None, [diag(path, first_line, "frontmatter_size", M.thousands(entries), M.thousands(MAX_ENTRIES))]
    problems += [diag(path, line, "yaml_duplicate_key", name) for name, line in dups]
    return FrontMatter(data, lines, first_line - 1), problems


# problems found after the place to fix: reported where the quote, bracket or key began
_AT_OPENING = ("expected ',' or", "could not find expected ':'", "found unexpected document separator")


# libyaml where available: its tokens find tags and anchors 10× faster; what it cannot scan, the pure-Python
# scanner scans (and reports)
_FAST: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _tokens(source: str) -> list[yaml.Token]:
    try:
        return list(yaml.scan(source, Loader=_FAST))
    except yaml.YAMLError:
        return list(yaml.scan(source, Loader=yaml.SafeLoader))


def _values(node: yaml.Node) -> int:
    """How many values (scalars) a YAML node holds."""
    count, todo = 0, [node]
    while todo:
        item = todo.pop()
        if isinstance(item, yaml.MappingNode):
            todo += [value for _, value in item.value]
        elif isinstance(item, yaml.SequenceNode):
            todo += item.value
        else:
            count += 1
    return count


def _error_line(exc: yaml.MarkedYAMLError, source: str) -> tuple[int, str]:
    """The 0-based line to report and the problem there: where the parser gave up; where a quote or bracket was
    opened when it ran to the end looking for its close; the line without „:“ when a key has none (YAML reads
    „title Text“ and the next line as one value and stumbles only over the next „:“)."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or ""
    if mark is None:
        return 0, problem
    if exc.context_mark is not None and (not source[mark.index :].strip() or problem.startswith(_AT_OPENING)):
        return int(exc.context_mark.line), problem
    if problem == "mapping values are not allowed here":
        lines = source.splitlines()
        first = int(mark.line)
        while first > 0 and lines[first - 1].strip() and ":" not in lines[first - 1] \
                and not lines[first - 1].lstrip().startswith(("#", "-")):
            first -= 1
        if first < mark.line:
            return first, "colon missing"
    return int(mark.line), problem


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


def german_yaml_problem(problem: str, context: str = "") -> tuple[str, str | None]:
    """The German reason for a YAML parser message, and a hint that fits it (None: the general one)."""
    for said in (problem, context):
        for english, (german, hint) in M.YAML_PROBLEMS.items():
            if said and english in said:
                return german, hint
    return M.YAML_UNKNOWN.format(problem.strip() or context.strip() or "unbekannt"), None


def read(text: str, path: str) -> tuple[SplitFile, list[Diagnostic]]:
    """Split a contribution and read its front matter; the body is returned even if the YAML is broken."""
    source, first, body, body_line, unclosed = split_block(text)
    if source is None:
        return SplitFile(None, body, body_line), [diag(path, 1, "frontmatter_missing")]
    problems = []
    if unclosed:
        meant = text.splitlines()[body_line - 2] if body_line > 2 else ""
        hint = M.FRONTMATTER_MISTYPED_END.format(meant.strip(), body_line - 1) if _MISTYPED_END.match(meant) else None
        problems.append(diag(path, 1, "frontmatter_unclosed", hint=hint))
    fm, more = load_yaml(source, first, path, lenient=True)
    return SplitFile(fm, body, body_line), problems + more
