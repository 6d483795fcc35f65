"""When a file came into the project and when it last changed: from git when the project is a repository, else
from the file system. Used to tell a copy from its original (validate) and for the Redaktionsstand (desk)."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class FileTimes:
    added: float  # POSIX seconds: first commit that added the file, else its creation (or change) time
    changed: float  # last commit touching it, or the file's mtime when it has uncommitted changes / no git
    from_git: bool


def _git(root: Path, *args: str) -> str | None:
    try:
        run = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=20,
                             check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout if run.returncode == 0 else None


@cache
def _history(root: Path, folder: str) -> tuple[dict[str, float], dict[str, float], frozenset[str]] | None:
    """(first commit, last commit, files with uncommitted changes) of every file under `folder`, from one git log."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    prefix = Path(root).resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    log = _git(root, "log", "--format=@%ct", "--name-only", "--no-renames", "--", folder) or ""
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    when = 0.0
    for line in log.splitlines():
        if line.startswith("@"):
            when = float(line[1:])
        elif line.strip():
            name = line.strip().removeprefix(prefix)
            last.setdefault(name, when)  # newest first
            first[name] = when
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", folder) or ""
    dirty = frozenset(line[3:].strip().removeprefix(prefix) for line in status.splitlines() if len(line) > 3)
    return first, last, dirty


def file_times(root: Path, path: str, folder: str = "docs") -> FileTimes:
    """Times of `path` (relative to `root`)."""
    stat = (root / path).stat()
    created = getattr(stat, "st_birthtime", 0.0) or min(stat.st_ctime, stat.st_mtime)
    history = _history(root.resolve(), folder)
    if history is None or path not in history[1]:
        return FileTimes(created, stat.st_mtime, False)
    first, last, dirty = history
    return FileTimes(first[path], stat.st_mtime if path in dirty else last[path], True)


def forget() -> None:
    """Drop the cached git history (a long-running process after commits)."""
    _history.cache_clear()


def iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
