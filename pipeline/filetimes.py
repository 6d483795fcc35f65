"""When a file came into the project and when it last changed: from git when the project is a repository, else
from the file system. Used to tell a copy from its original (validate) and for the Redaktionsstand (desk)."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from functools import cached_property
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


class History:
    """The git history of the files under `folder` (one `git log` and one `git status`, on first use)."""

    def __init__(self, root: Path, folder: str = "docs") -> None:
        self.root = root
        self.folder = folder

    @cached_property
    def _log(self) -> tuple[dict[str, float], dict[str, float], frozenset[str]] | None:
        """(first commit, last commit, files with uncommitted changes) by path relative to root."""
        top = _git(self.root, "rev-parse", "--show-toplevel")
        if top is None:
            return None
        prefix = self.root.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        log = _git(self.root, "log", "--format=@%ct", "--name-only", "--no-renames", "--", self.folder) or ""
        commits: list[tuple[float, list[str]]] = []
        for line in log.splitlines():
            if line.startswith("@"):
                commits.append((float(line[1:]), []))
            elif line.strip() and commits:
                commits[-1][1].append(line.strip().removeprefix(prefix))
        first: dict[str, float] = {}
        last: dict[str, float] = {}
        when = float("-inf")
        for stamp, names in reversed(commits):  # oldest first; commits in the same second keep their order
            when = max(stamp, when + 1e-3)
            for name in names:
                first.setdefault(name, when)
                last[name] = when
        status = _git(self.root, "status", "--porcelain", "--untracked-files=all", "--", self.folder) or ""
        dirty = frozenset(line[3:].strip().removeprefix(prefix) for line in status.splitlines() if len(line) > 3)
        return first, last, dirty

    @property
    def in_git(self) -> bool:
        return self._log is not None

    def times(self, path: str) -> FileTimes:
        """Times of `path` (relative to root)."""
        stat = (self.root / path).stat()
        created = float(getattr(stat, "st_birthtime", 0.0) or min(stat.st_ctime, stat.st_mtime))
        if self._log is None or path not in self._log[1]:
            return FileTimes(created, stat.st_mtime, False)
        first, last, dirty = self._log
        return FileTimes(first[path], stat.st_mtime if path in dirty else last[path], True)


def iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
