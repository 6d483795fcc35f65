"""Every message of a Sphinx run becomes a located `Diagnostic`, remembered per document.

Sphinx, docutils and MyST warn once, in English, while they read or write a document; a later run
that does not re-read it is silent and would publish it. A filter in front of Sphinx's warning
handler turns each record into a German diagnostic (path:line, code, hint; the engine's words only
quoted), swallows the record (so `-W` never decides), and stores it under its document until that
document is read again. Every builder and every later run therefore sees the same findings: a failed
output stays failed until the source is fixed.
"""

from __future__ import annotations

import logging
import pickle
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import is_suppressed_warning

from .. import messages as M
from ..diagnostics import Diagnostic, diag, merge, sort_key
from . import state

STORE = "koop-befunde.pickle"
STORE_VERSION = 1
_ATTR = "_koop_findings"
_PATTERNS = [(re.compile(p), code) for p, code in (*M.AUTHOR_PATTERNS, *M.ENGINE_PATTERNS)]


class Findings:
    """Diagnostics found by Sphinx runs, per document (with the read stamp they belong to) and general."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.by_doc: dict[str, tuple[int, set[Diagnostic]]] = {}
        self.general: set[Diagnostic] = set()  # not tied to a document; only for this run
        self.suppress: list[str] = []  # the project's `suppress_warnings` ("koop.<code>" or "koop")
        # (path, line) of the errors the file checks found in this run: what a reader or writer says there is the
        # same problem in an engine's words (a link to a missing case: MyST's „target not found“ beside koop.xref);
        # one problem, one message. Kept, not dropped: it shows again once the file check no longer explains it.
        self.explained: set[tuple[str, int]] = set()
        try:
            version, data = pickle.loads(file.read_bytes())
            if version == STORE_VERSION:
                self.by_doc = data
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError, AttributeError, ImportError):
            pass

    def prune(self, env: BuildEnvironment) -> None:
        """Drop findings of documents that are gone or were read again since."""
        self.by_doc = {d: v for d, v in self.by_doc.items() if env.all_docs.get(d) == v[0]}

    def add(self, docname: str | None, stamp: int, found: Diagnostic) -> None:
        if docname is None:
            self.general.add(found)
            return
        old_stamp, items = self.by_doc.get(docname, (stamp, set()))
        if old_stamp != stamp:
            items = set()
        items.add(found)
        self.by_doc[docname] = (stamp, items)

    def clear(self, docname: str) -> None:
        self.by_doc.pop(docname, None)

    def shown(self, found: Diagnostic) -> bool:
        return (found.path, found.line) not in self.explained and not is_suppressed_warning("koop", found.code,
                                                                                            self.suppress)

    def of(self, docnames: Iterable[str]) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for d in docnames:
            out += self.by_doc.get(d, (0, set()))[1]
        return sorted(filter(self.shown, out), key=sort_key)

    def all(self) -> list[Diagnostic]:
        found = {*self.general, *(d for _, items in self.by_doc.values() for d in items)}
        return sorted(filter(self.shown, found), key=sort_key)

    def save(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps((STORE_VERSION, self.by_doc), pickle.HIGHEST_PROTOCOL))
        tmp.replace(self.file)


def findings(app: Sphinx) -> Findings:
    value = getattr(app, _ATTR, None)
    if value is None:
        value = Findings(Path(app.doctreedir) / STORE)
        setattr(app, _ATTR, value)
    assert isinstance(value, Findings)
    return value


# -- records → diagnostics ---------------------------------------------------------------------------
def _shown(app: Sphinx, source: str) -> str:
    return state.shown(app, source.split(":docstring of ")[0])


def _docname_of(app: Sphinx, path: str) -> str | None:
    try:
        docname = app.env.path2doc(str(state.root_of(app) / path))
    except (ValueError, OSError):
        return None
    return docname if docname in app.env.found_docs or docname in app.env.all_docs else None


def locate(app: Sphinx, location: Any) -> tuple[str | None, str, int]:
    """(docname, path as shown, line) of a Sphinx `location`: a node, (docname, line), "path:line" or None."""
    source: str | None = None
    line: int | None = None
    docname: str | None = None
    if isinstance(location, nodes.Node):
        source, line = get_source_line(location)
        if source is None:
            doc = location.document if hasattr(location, "document") else None
            source = doc["source"] if doc is not None and "source" in doc else None
    elif isinstance(location, tuple) and location:
        docname, line = str(location[0]), location[1] if len(location) > 1 else None
        source = str(app.env.doc2path(docname))
    elif isinstance(location, str) and location:
        head, _, tail = location.rpartition(":")
        source, line = (head, int(tail)) if tail.isdigit() and head else (location, None)
        if "/" not in source and not source.endswith(".md") and source in app.env.found_docs:
            docname, source = source, str(app.env.doc2path(source))
    if source is None:
        docname = _current_docname(app)
        source = str(app.env.doc2path(docname)) if docname else ""
    shown = _shown(app, source) if source else "conf.py"
    if docname is None and source:
        docname = _docname_of(app, shown)
    return docname, shown, int(line or 1)


def _current_docname(app: Sphinx) -> str | None:
    try:
        name = app.env.docname
    except (AttributeError, KeyError):
        return None
    return name or None


def translate(record: logging.LogRecord, path: str, line: int) -> Diagnostic:
    """A German diagnostic for an engine's record (known messages get their own code)."""
    text = record.getMessage().strip()
    kind = str(getattr(record, "type", "") or "")
    subtype = str(getattr(record, "subtype", "") or "")
    if kind == "koop" and subtype in M.CODES:
        # ours: the German text is already formatted; keep it, add the record's hint and severity
        message = M.CODES[subtype]
        return Diagnostic(path, max(line, 1), subtype, _strip_location(text), message.hint, message.severity)
    engine = M.ENGINE_NAMES.get(kind, kind or "Sphinx")
    first = _strip_location(text).splitlines()[0] if text else ""
    for pattern, code in _PATTERNS:
        m = pattern.search(first)
        if m:
            args = [engine, first] if code == "inline_markup" else list(m.groups())
            return diag(path, line, code, *args[: M.CODES[code].text.count("{}")])
    if kind == "myst" and subtype in M.MYST_WARNINGS:
        return diag(path, line, M.MYST_WARNINGS[subtype])
    return diag(path, line, "engine", engine, first[:300])


def _strip_location(text: str) -> str:
    """docutils puts "file:line: (LEVEL/n)" in some texts; the diagnostic has its own location."""
    return re.sub(r"^\S+:\d+: \((?:WARNING|ERROR|SEVERE|INFO)/\d\) ", "", text)


class _Capture(logging.Filter):
    """Installed first on Sphinx's warning handler: every warning/error becomes a finding, none passes."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        kind, subtype = getattr(record, "type", "") or "", getattr(record, "subtype", "") or ""
        if is_suppressed_warning(kind, subtype, self.app.config.suppress_warnings):
            return False  # `suppress_warnings = ["koop.image_dpi"]` in conf.py works as in Sphinx
        try:
            found = getattr(record, "koop_diagnostic", None)
            docname, path, line = locate(self.app, getattr(record, "location", None))
            if isinstance(found, Diagnostic):
                docname = _docname_of(self.app, found.path) or docname
            else:
                found = translate(record, path, line)
            stamp = self.app.env.all_docs.get(docname, 0) if docname else 0
            findings(self.app).add(docname if stamp else None, stamp, found)
        except Exception as exc:  # never lose a message because locating it failed
            findings(self.app).add(None, 0, diag("conf.py", 1, "engine", "Sphinx", f"{record.getMessage()} ({exc})"))
        return False


def emit(logger: Any, found: Diagnostic, node: nodes.Node | None = None) -> None:
    """Report a diagnostic from inside a Sphinx run (it is captured like every other finding)."""
    location = node if node is not None else found.path
    logger.warning(found.format(), type="koop", subtype=found.code, location=location,
                   extra={"koop_diagnostic": found})


def _install(app: Sphinx) -> None:
    store = findings(app)
    store.prune(app.env)
    store.suppress = list(app.config.suppress_warnings)
    for handler in logging.getLogger("sphinx").handlers:
        ours = any(isinstance(f, _Capture) for f in handler.filters)
        if type(handler).__name__ == "WarningStreamHandler" and not ours:
            handler.filters.insert(0, _Capture(app))


def _explain(app: Sphinx) -> None:
    """After the project is validated (state, priority 100): the lines its file checks explain."""
    findings(app).explained = {(p.path, p.line) for p in state.project(app).problems if p.is_error}


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    findings(app).clear(docname)


def _finished(app: Sphinx, exc: Exception | None) -> None:
    store = findings(app)
    store.by_doc = {d: v for d, v in store.by_doc.items() if d in app.env.all_docs}
    store.save()
    if app.config.koop_echo:  # sphinx-autobuild: the terminal shows what `check` would say
        for p in merge(state.project(app).problems, store.all()):
            print(p.format(), file=sys.stderr)


def setup(app: Sphinx) -> None:
    app.add_config_value("koop_echo", False, "", bool)
    app.connect("builder-inited", _install, priority=10)
    app.connect("builder-inited", _explain, priority=200)
    app.connect("env-purge-doc", _purge)
    app.connect("build-finished", _finished)
