"""Per-file results of earlier checks (build/.work/pruefung.pickle), so an unchanged file is not checked again."""

from __future__ import annotations

import copy
import hashlib
import os
import pickle
from pathlib import Path

from .body import stat_signature
from .code_digest import checking_code
from .outputs import build_dir
from .project import FileReport

CACHE_VERSION = 3
Signature = tuple[tuple[int, int] | None, str]  # (mtime_ns, size) and sha1 of the file's bytes


def _signature(file: Path) -> Signature:
    """A file's stat and content: a file restored with an older mtime (or the same one) is still new."""
    try:
        digest = hashlib.sha1(file.read_bytes()).hexdigest()
    except OSError:
        digest = ""
    return stat_signature(file), digest


class ReportCache:
    """Per-file results of earlier runs, valid while the file keeps its content, every file it consulted (images,
    includes) its size and mtime, and the checking code is the same (`code_digest.checking_code`)."""

    def __init__(self, root: Path, write: bool) -> None:
        self.path = build_dir(root) / ".work" / "pruefung.pickle"
        self.write_back = write
        self.stamp = (CACHE_VERSION, checking_code())
        self.entries: dict[str, tuple[Signature, FileReport]] = {}
        try:
            stamp, entries = pickle.loads(self.path.read_bytes())
            if stamp == self.stamp:
                self.entries = entries
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            pass

    def get(self, file: Path) -> FileReport | None:
        entry = self.entries.get(str(file))
        if entry is None or entry[0] != _signature(file):
            return None
        report = entry[1]
        if any(stat_signature(Path(p)) != sig for p, sig in report.facts.consulted.items()):
            return None
        return copy.deepcopy(report)

    def put(self, file: Path, report: FileReport) -> None:
        self.entries[str(file)] = (_signature(file), copy.deepcopy(report))

    def save(self, keep: set[str]) -> None:
        if not self.write_back:
            return
        self.entries = {k: v for k, v in self.entries.items() if k in keep}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps((self.stamp, self.entries)))
        os.replace(tmp, self.path)
