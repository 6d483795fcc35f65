"""Escaping text for Typst markup and string literals (the only place that knows Typst syntax rules)."""

from __future__ import annotations

import re

# Characters with a meaning in Typst markup (incl. the shorthands -- ~ -? and line-start = + -). Straight
# quotes too: MyST's smart quotes already made „…“ of them where HTML shows „…“ (`sphinx_ext.markdown`); what
# it left straight (escaped) stays straight, as in HTML (Typst's smart quotes would choose differently).
_MARKUP_SPECIAL = re.compile(r"([\\#*_`$<>@\[\]~/=+\-\"'])")
# The shorthand `...` (set as „…“): a dot followed by a dot is escaped, so dots stay dots.
_DOTS = re.compile(r"\.(?=\.)")
# What may follow an embedded expression (`#strong[…]`, `#link(…)[…]`, `#footnote[…]`, `#raw(…)` …) and
# would still belong to it (Typst's grammar for embedded code in markup): `;` ends the expression and is
# consumed, `(` and `[` continue it as call arguments, `.` as a field or method access. Any text may follow
# an expression the translator wrote, so such a character at the start of a text is escaped. Expressions
# the translator writes end with `)`, `]` or a label, never with an identifier (which letters would extend).
CONTINUES_EXPRESSION = frozenset(";([.")
# Whitespace Typst's markup takes as a space (or a line break): runs of it set one space, as in HTML. Not the
# spaces that are characters of their own (no-break U+00A0, narrow no-break U+202F, thin U+2009, …): Typst sets
# them as written, as the handbook does (`§ 34 BauGB`, `z. B.`, `5 km`).
_SPACE = re.compile("[ \t\n\r\f\v\x85\u2028\u2029]+")
# A number and a dot where a line or a content block starts open a numbered list in Typst (`1. Januar` in a table
# cell, a title, a paragraph): at the start of a text, the dot is escaped, which sets it as written.
_ENUM_MARKER = re.compile(r"^(\s*\d+)\.")
# The translator's invisible marks (source lines, pending links) start and end with NUL, which never
# comes from text: `markup` and `string` drop it.
_LINE_MARK = re.compile("\x00(\\d+)\x00")


def markup(text: str) -> str:
    """Text for Typst markup mode, set exactly as written: every special character escaped (also one that
    would continue an embedded expression written before it, or a number's dot that would open a list),
    whitespace collapsed."""
    escaped = _DOTS.sub(r"\\.", _MARKUP_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text.replace("\x00", ""))))
    escaped = _ENUM_MARKER.sub(r"\1\\.", escaped, count=1)
    return "\\" + escaped if escaped[:1] in CONTINUES_EXPRESSION else escaped


def string(text: str) -> str:
    """A Typst string literal."""
    escaped = text.replace("\x00", "").replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{escaped}"'


def label(*parts: str) -> str:
    """A Typst label from ids: only characters Typst accepts in `<…>`."""
    raw = "--".join(parts)
    return "<" + re.sub(r"[^A-Za-z0-9_\-.:]", "-", raw) + ">"


def strings(items: list[str] | tuple[str, ...]) -> str:
    """A Typst array of strings (a one-element array needs the trailing comma)."""
    inner = ", ".join(string(i) for i in items)
    return f"({inner},)" if len(items) == 1 else f"({inner})"


def line_mark(line: int) -> str:
    """An invisible mark: what follows comes from source line `line` (removed by `source_lines`)."""
    return f"\x00{line}\x00"


def source_lines(text: str) -> tuple[list[str], list[int]]:
    """Typst markup with line marks → its lines without marks (runs of blank lines collapsed, no blank
    lines at either end) and, per line, the source line it came from (0 where none is known)."""
    lines: list[str] = []
    sources: list[int] = []
    current = 0
    for raw in text.split("\n"):
        marks = [int(m) for m in _LINE_MARK.findall(raw)]
        clean = _LINE_MARK.sub("", raw)
        line = marks[0] if marks else current  # an error on a line is most likely in its first construct
        current = marks[-1] if marks else current
        if not clean.strip() and (not lines or not lines[-1].strip()):
            continue
        lines.append(clean)
        sources.append(line)
    while lines and not lines[-1].strip():
        lines.pop()
        sources.pop()
    return lines, sources
