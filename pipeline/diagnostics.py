"""Located diagnostics: path:line, code, German message and hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import messages as M
from .messages import Severity
from .slugs import transliterate


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding at a place, as `check` prints it and the preview lists it (the record of its code filled in)."""

    path: str
    line: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        text = f"{self.path}:{self.line}: {self.severity.value} [koop.{self.code}]: {self.message}"
        if self.hint:
            text += f" {M.HINT_PREFIX}: {self.hint}"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def diag(path: str | Path, line: int, code: str, *args: object, hint: str | None = None) -> Diagnostic:
    """Create a diagnostic from the record of `code` (`messages.CODES`): its text filled with `args`, its severity,
    and the given hint (one that names the nearest correct value) or else the record's."""
    message = M.CODES[code]
    return Diagnostic(str(path), max(line, 1), code, message.text.format(*args), hint or message.hint, message.severity)


def suggest(word: str, choices: Iterable[str], aliases: Mapping[str, str] | None = None) -> str:
    """A German "meinten Sie …?" hint for the closest choice, or an empty string.

    `aliases` are compared as well but suggest their value (a label written instead of an id → the id)."""
    targets = {c: c for c in choices} | dict(aliases or {})
    lowered = {c.lower(): target for c, target in targets.items()}
    key = str(word).strip().lower()
    match = difflib.get_close_matches(key, list(lowered), n=1, cutoff=0.6)
    if not match:
        # ids are ascii; also try the transliterated form (Nürnberg → nuernberg)
        match = difflib.get_close_matches(transliterate(key), list(lowered), n=1, cutoff=0.6)
    return M.DID_YOU_MEAN.format(lowered[match[0]]) if match else ""


def suggest_path(written: str, candidates: Iterable[str]) -> str:
    """"Meinten Sie …?" for a mistyped path: file names are compared (a shared folder prefix says nothing),
    and of equally close names the one whose whole path is closest wins."""
    paths = sorted(set(candidates))
    name = PurePosixPath(written.strip()).name.lower()
    names = {PurePosixPath(p).name.lower() for p in paths}
    match = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    if not match:
        return ""
    same = [p for p in paths if PurePosixPath(p).name.lower() == match[0]]
    best = max(same, key=lambda p: difflib.SequenceMatcher(None, written, p).ratio())
    return M.DID_YOU_MEAN.format(best)


def merge(problems: Iterable[Diagnostic], found: Iterable[Diagnostic]) -> list[Diagnostic]:
    """What `check` reports (and the preview lists): file checks first, they are the more specific; a finding of
    the reader or a writer at a line they already explain adds nothing (it reappears, if it is still true, once
    that line is fixed)."""
    problems = list(problems)
    explained = {(p.path, p.line) for p in problems if p.is_error}
    extra = [f for f in found if (f.path, f.line) not in explained]
    return sorted(set(problems) | set(extra), key=sort_key)


def sort_key(d: Diagnostic) -> tuple[str, int, str, str]:
    """Report order: by file and line; messages of one code at one line (e.g. a glyph group per script) by text,
    so that every run prints them in the same order."""
    return (d.path, d.line, d.code, d.message)
