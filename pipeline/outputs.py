"""Atomic outputs: a build writes into a work area and replaces the published result only on success; what a
step did is its `StepResult`."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .errors import EXIT_CONTENT, EXIT_OK


@dataclass
class StepResult:
    """What an output step did: its exit status (EXIT_OK: all published, EXIT_CONTENT: something held back,
    EXIT_USAGE: refused), the findings of its run (located; the caller prints them), the files and folders it
    published in build/, and German lines for the terminal (what is held back, why a proof is refused)."""

    status: int = EXIT_OK
    findings: list[Diagnostic] = field(default_factory=list)
    published: list[Path] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == EXIT_OK

    def then(self, later: StepResult) -> StepResult:
        """This result followed by a later part of the same step (the worse status counts)."""
        return StepResult(max(self.status, later.status), [*self.findings, *later.findings],
                          [*self.published, *later.published], [*self.notices, *later.notices])

    def failed(self, *notices: str) -> StepResult:
        """This result, something not published (with `notices` saying what)."""
        return StepResult(max(self.status, EXIT_CONTENT), self.findings, self.published, [*self.notices, *notices])


def build_time(day: dt.date) -> int:
    """The time stamped into PDFs and EPUBs: SOURCE_DATE_EPOCH if set (reproducible builds), else noon of `day`
    (UTC) — never the wall clock, so a rebuild of unchanged sources gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return int(epoch)
    return calendar.timegm(day.timetuple()) + 12 * 3600


def build_dir(root: Path) -> Path:
    return root / "build"


def work_dir(root: Path, name: str) -> Path:
    """Persistent work area of one output (kept for incremental builds, never published)."""
    path = build_dir(root) / ".work" / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def publish_tree(src: Path, dest: Path, finish: Callable[[Path], None] | None = None) -> None:
    """Replace directory `dest` by a copy of `src` with two renames (readers never see a half tree); `finish`
    post-processes the copy before it replaces `dest` (it must replace files, never write into them: unchanged
    files are hard links to the published ones)."""
    stage_tree(src, dest, finish).publish()


@dataclass
class Staged:
    """A finished copy of a tree beside the published one (`stage_tree`), waiting for the verdict on it: `publish`
    swaps it in, `discard` drops it and leaves the published tree as it was."""

    fresh: Path
    dest: Path

    def take(self, folder: Path) -> None:
        """Add `folder` (finished later than the rest of the tree it belongs to) under its name, sharing what is
        unchanged with the published tree as `stage_tree` does."""
        if folder.is_dir():
            shutil.copytree(folder, self.fresh / folder.name, symlinks=False,
                            copy_function=reusing(self.fresh, self.dest))

    def publish(self) -> None:
        old = self.dest.with_name(f".{self.dest.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if self.dest.exists():
            os.replace(self.dest, old)
        os.replace(self.fresh, self.dest)
        if old.exists():
            shutil.rmtree(old)

    def discard(self) -> None:
        shutil.rmtree(self.fresh, ignore_errors=True)


def stage_tree(src: Path, dest: Path, finish: Callable[[Path], None] | None = None, leave: tuple[str, ...] = ()
               ) -> Staged:
    """The copy of `src` that `publish_tree` puts in place of `dest`, made ready (copied, `finish`ed) beside it —
    so that the copy can be made while the caller still waits for whatever decides whether it is published.
    Names matching a pattern in `leave` are not copied (a folder still being written: `Staged.take` it later)."""
    fresh = dest.with_name(f".{dest.name}.new")
    for leftover in (fresh, dest.with_name(f".{dest.name}.old")):
        if leftover.exists():
            shutil.rmtree(leftover)
    # bookkeeping of the incremental build (".koop-…") is never published
    shutil.copytree(src, fresh, symlinks=False, ignore=shutil.ignore_patterns(".koop-*", *leave),
                    copy_function=reusing(fresh, dest))
    staged = Staged(fresh, dest)
    if finish is not None:
        try:
            finish(fresh)
        except BaseException:
            staged.discard()
            raise
    return staged


def reusing(fresh: Path, published: Path) -> Callable[[str, str], object]:
    """A copy function for a tree copied to `fresh` (`publish_tree`, a release of `nox -s publish`) that hard-links
    a file unchanged since the last publication in `published` (same size and mtime, which `copy2` keeps) instead
    of copying it: published files are never written in place, only replaced tree by tree, so sharing them is
    safe — and a one-page edit copies one page."""
    def copy(source: str, target: str) -> object:
        before = published / Path(target).relative_to(fresh)
        try:
            new, old = os.stat(source), os.stat(before)
            if new.st_size == old.st_size and new.st_mtime_ns == old.st_mtime_ns:
                os.link(before, target)
                return target
        except OSError:
            pass  # not published before, or another file system: copy
        return shutil.copy2(source, target)

    return copy


def publish_file(data: bytes, dest: Path) -> None:
    """Write `dest` atomically (temp file + rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, dest)


def remove_stale(folder: Path, pattern: str, keep: Callable[[Path], bool]) -> list[Path]:
    """Delete the published files in `folder` matching `pattern` that `keep` refuses (their source was removed,
    renamed or is a draft again): the one place where outputs disappear. Returns what was deleted."""
    gone = [file for file in sorted(folder.glob(pattern)) if not keep(file)] if folder.is_dir() else []
    for file in gone:
        file.unlink()
    return gone


def write_if_changed(dest: Path, data: bytes) -> None:
    """Write `dest` only when its content differs, so mtime-based incremental builds stay quiet."""
    if not dest.is_file() or dest.read_bytes() != data:
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
