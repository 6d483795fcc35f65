"""Which of several files claiming the same name (slug, label, title) is the original and which the copy.

A copy made as a starting point is told by git's history (or the file system's creation times), so the message
about a duplicate always names the copy, never the released original.
"""

from __future__ import annotations

import os
from pathlib import Path

from .filetimes import History
from .project import FileReport

Claim = tuple[FileReport, str, int]  # the file, the path the name is in (an include fragment's), its line


def original_key(history: History, report: FileReport) -> tuple[int, float, str]:
    """Which of two files holding the same label, title or slug is the original (the smaller key) and which
    the copy: a released file before a draft; then the file that came first (the commit that added it in
    git — an untracked file is newest —, else its creation time where the file system knows it); then the
    path. A copy made as a starting point is thus told, never the released original."""
    times = history.times(report.path)
    added = times.added if times.from_git or hasattr(os.stat_result, "st_birthtime") else 0.0
    if not times.from_git and history.in_git:
        added = float("inf")  # not yet added: the newest file there is
    return (report.is_draft, added, report.path)


def copies(root: Path, claims: dict[str, list[Claim]]) -> list[tuple[str, Claim, Claim]]:
    """(name, original claim, copy claim) for every name claimed by more than one file."""
    out = []
    keys: dict[str, tuple[int, float, str]] = {}
    history = History(root)  # read only if some name is claimed twice

    def key(claim: Claim) -> tuple[tuple[int, float, str], str, int]:
        report = claim[0]
        if report.path not in keys:
            keys[report.path] = original_key(history, report)
        return keys[report.path], claim[1], claim[2]

    for name, holders in claims.items():
        if len(holders) < 2:
            continue
        ordered = sorted(holders, key=key)
        out += [(name, ordered[0], copy) for copy in ordered[1:]]
    return out
