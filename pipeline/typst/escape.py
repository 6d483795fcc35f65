"""Escaping text for Typst markup and string literals (the only place that knows Typst syntax rules)."""

from __future__ import annotations

import re

# Characters with a meaning in Typst markup (incl. the shorthands -- ~ -? and line-start = + -).
# Quotes are left to Typst's smart quotes (German „…“ with `lang: "de"`, as Sphinx does in HTML).
_MARKUP_SPECIAL = re.compile(r"([\\#*_`$<>@\[\]~/=+\-])")
_SPACE = re.compile(r"\s+")


def markup(text: str) -> str:
    """Text for Typst markup mode: every special character escaped, whitespace collapsed."""
    return _MARKUP_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def string(text: str) -> str:
    """A Typst string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{escaped}"'


def label(*parts: str) -> str:
    """A Typst label from ids: only characters Typst accepts in `<…>`."""
    raw = "--".join(parts)
    return "<" + re.sub(r"[^A-Za-z0-9_\-.:]", "-", raw) + ">"


def strings(items: list[str] | tuple[str, ...]) -> str:
    """A Typst array of strings (a one-element array needs the trailing comma)."""
    inner = ", ".join(string(i) for i in items)
    return f"({inner},)" if len(items) == 1 else f"({inner})"
