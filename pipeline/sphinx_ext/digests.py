"""Content, not modification times, decides which documents Sphinx reads again.

Sphinx re-reads a document when its file (or a file it depends on: includes, images) is newer than
the last read. A file restored from a backup, a `git checkout` or an editor's undo can carry an older
time than that read: Sphinx would keep the doctree — and the findings — of the version it replaced,
in `check` and in every output sharing the environment. Each read therefore records a digest of the
document's file and of its dependencies; `env-get-outdated` re-reads every document whose files no
longer match. A dependency whose size and time are exactly as recorded is not hashed again (large
photos); the document's own file always is (it is small).
"""

from __future__ import annotations

import hashlib
from collections.abc import Set
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import state

ATTR = "koop_source_digests"
Signature = tuple[int, int] | None  # (mtime_ns, size); None: missing
Entry = tuple[Signature, str]  # signature, sha1 of the bytes ("" when missing)


def _digests(env: BuildEnvironment) -> dict[str, dict[str, Entry]]:
    return state.per_doc(env, ATTR)


def _signature(path: Path) -> Signature:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _entry(path: Path) -> Entry:
    signature = _signature(path)
    try:
        return signature, hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None, ""


def _files(env: BuildEnvironment, docname: str) -> list[Path]:
    return [Path(env.doc2path(docname)), *(Path(p) for p in sorted(map(str, env.dependencies.get(docname, ()))))]


def _record(app: Sphinx, doctree: Any) -> None:
    env = app.env
    _digests(env)[env.docname] = {str(p): _entry(p) for p in _files(env, env.docname)}


def _changed(path: Path, recorded: Entry, always: bool) -> bool:
    if not always and _signature(path) == recorded[0] and recorded[0] is not None:
        return False
    return _entry(path)[1] != recorded[1]


def _outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
              removed: Set[str]) -> list[str]:
    stale = []
    for docname, files in _digests(env).items():
        if docname in changed or docname in added or docname in removed or docname not in env.all_docs:
            continue
        own = str(Path(env.doc2path(docname)))
        current = {str(p) for p in _files(env, docname)}
        if current != set(files) or any(_changed(Path(p), e, p == own) for p, e in files.items()):
            stale.append(docname)
    return stale


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _record, priority=950)  # after the collectors noted the dependencies
    app.connect("env-get-outdated", _outdated)
    state.keep_per_doc(app, ATTR)
