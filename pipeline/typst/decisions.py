"""Balancing decisions kept between compiles: a contribution set once more exactly as before is balanced without
the layout passes that found its decision.

Balancing a contribution's last page (templates/koopblatt/balance.typ) takes two to four of Typst's layout
passes. Its outcome, the protokoll (`koop-ausgleich-<id>`), depends on what the contribution's `#beitrag` call
says, the page it is set on (the format, the template, the fonts, Typst) and the page numbers its references
print („siehe S. n“). It is kept under a key made of the former, with the page numbers beside it, and passed back
(`beitrag(ausgleich: …)`) when the same call is set again: in the print PDF after the screen PDF, in the next
build for every contribution an edit did not touch. The layout is the same (tested byte for byte). After a
compile with decisions passed back, each is checked (`after`): its references must print the numbers they printed
when it was found, and the contribution's end and float must stand where they stood then (`marks`); one that does
not is dropped and the PDF set again without it.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import typst

from ..glyphs import font_paths
from . import template

FOLDER = "ausgleich"  # in the builder's outdir: <key>.json
PAGE_REFERENCE = re.compile(r"#(?:seitenverweis|querverweis|fallverweis)\(<([^>]+)>")
FIELDS = ("k", "hoehe", "aus", "teilen", "wort", "nach", "luft", "eng")
_LOCK = threading.Lock()
T = TypeVar("T")
Pages = dict[str, int | None]  # label → the page number a reference to it prints (None: not in this PDF)


@dataclass
class Passed:
    """What a main file says about balancing: every contribution's key and the labels its references name, and
    the decisions passed back with the page numbers they were found with."""

    keys: dict[str, str] = field(default_factory=dict)  # contribution id → key
    refs: dict[str, list[str]] = field(default_factory=dict)  # contribution id → labels its references name
    presets: dict[str, str] = field(default_factory=dict)  # contribution id → key of the decision passed back
    expected: dict[str, dict[str, Any]] = field(default_factory=dict)  # contribution id → what was seen then
    elsewhere: Pages = field(default_factory=dict)  # label → page it prints, for labels not in this PDF (a
    # Sonderdruck's references to the rest of its issue, `preamble.Offprint.pages`)


class Writes(Protocol):
    """A main file as written (`preamble.Source`): what it says about balancing."""

    @property
    def passed(self) -> Passed: ...


W = TypeVar("W", bound=Writes)


class Written(Generic[W]):
    """A writer of main files that remembers the one it wrote last: `passed` is what the compile of that file was
    given back, not what is kept by the time it is checked (another thread may have kept or dropped since)."""

    def __init__(self, write: Callable[..., W]) -> None:
        self._write = write
        self._last: W | None = None

    def __call__(self, *args: Any) -> W:
        self._last = self._write(*args)
        return self._last

    def passed(self) -> Passed:
        return self._last.passed if self._last is not None else Passed()


def key(call: str, page_format: str) -> str:
    """The key of a `#beitrag(…)[…]` call (without a decision) as it is set in `page_format`."""
    facts = repr((page_format, template.digest(), font_paths(), getattr(typst, "__version__", "")))
    return hashlib.sha1((facts + "\0" + call).encode()).hexdigest()


def references(call: str) -> list[str]:
    return sorted(set(PAGE_REFERENCE.findall(call)))


class Decisions:
    """The decisions kept in a folder (shared by the compile threads)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / FOLDER

    def get(self, key: str) -> tuple[str, dict[str, Any]] | None:
        """The decision for `key` as a Typst value for `beitrag(ausgleich: …)`, with what the compile that found it
        saw (`seiten`: the page numbers its references printed, `marken`: see `marks`); None if there is none."""
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not (isinstance(data, dict) and set(FIELDS) <= set(data) and isinstance(data.get("seiten"), dict)):
            return None
        return typst_value(data), {"seiten": data["seiten"], "marken": data.get("marken")}

    def balanced(self, compile_once: Callable[[], T], compiler: Callable[[], typst.Compiler],
                 passed: Callable[[], Passed]) -> T:
        """Compile with the decisions kept passed back (`passed()`: what the main file `compile_once` writes says);
        should one not fit, once more without it."""
        try:
            result = compile_once()
        except Exception:  # e.g. a layout that does not settle: whatever it is, it is tried again without them
            used = passed().presets
            if not used:
                raise
            self.drop(list(used.values()))
        else:
            if self.after(compiler(), passed()):
                return result
        result = compile_once()
        self.after(compiler(), passed())
        return result

    def after(self, compiler: typst.Compiler, passed: Passed) -> bool:
        """After a balanced compile: False (and the decisions dropped) if a decision passed back does not fit
        (see the module's docstring), so that the PDF must be set again without it; else True, and the
        decisions the compile came to are kept."""
        pages = printed(compiler, sorted({label for labels in passed.refs.values() for label in labels}))
        pages |= {label: passed.elsewhere[label] for label, n in pages.items()
                  if n is None and label in passed.elsewhere}
        placed = marks(compiler, list(passed.keys))
        def seen(id_: str) -> dict[str, Any]:
            refs = passed.refs.get(id_, [])
            return {"seiten": {label: pages.get(label) for label in refs}, "marken": placed.get(id_)}
        wrong = {id_ for id_ in passed.presets if seen(id_) != passed.expected.get(id_)}
        if wrong:
            self.drop([passed.presets[i] for i in wrong])
            return False
        self.keep(passed.keys, protokolle(compiler), {id_: seen(id_) for id_ in passed.keys})
        return True

    def keep(self, keys: dict[str, str], found: list[dict[str, Any]], seen: dict[str, dict[str, Any]]) -> None:
        with _LOCK:
            self.folder.mkdir(parents=True, exist_ok=True)
            for protokoll in found:
                id_ = str(protokoll.get("b"))
                if id_ in keys:
                    decision = {name: protokoll[name] for name in FIELDS if name not in ("hoehe", "luft")}
                    decision |= {"hoehe": protokoll["hoehe-pt"], "luft": protokoll["luft-pt"], **seen[id_]}
                    (self.folder / f"{keys[id_]}.json").write_text(json.dumps(decision, sort_keys=True),
                                                                    encoding="utf-8")

    def drop(self, keys: list[str]) -> None:
        for k in keys:
            (self.folder / f"{k}.json").unlink(missing_ok=True)


def typst_value(d: dict[str, Any]) -> str:
    """A decision as a Typst dictionary; lengths as numbers of points (repr: exactly the stored float)."""
    def value(v: Any) -> str:
        if v is None:
            return "none"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return json.dumps(v)
        return repr(float(v)) if isinstance(v, float) else str(int(v))
    return "(" + ", ".join(f"{name}: {value(d[name])}" for name in FIELDS) + ")"


def protokolle(compiler: typst.Compiler) -> list[dict[str, Any]]:
    """The balancing protokoll of every contribution in the document `compiler` compiled last."""
    found = json.loads(compiler.query("metadata", field="value", format="json") or "[]")
    return [v for v in found if isinstance(v, dict) and "geprueft" in v and "hoehe-pt" in v]


def _evaluated(compiler: typst.Compiler, ids: list[str], expression: str) -> Any:
    names = "(" + ", ".join(json.dumps(i) for i in ids) + ",)"
    return json.loads(compiler.eval(names + expression, format="json"))


def printed(compiler: typst.Compiler, labels: list[str]) -> Pages:
    """The page number a reference to each label prints in the document `compiler` compiled last."""
    if not labels:
        return {}
    found = _evaluated(compiler, labels, ".map(l => { let q = query(label(l)); if q.len() == 0 { none } "
                                         "else { counter(page).at(q.first().location()).first() } })")
    return dict(zip(labels, found, strict=True)) if isinstance(found, list) else {}


def marks(compiler: typst.Compiler, ids: list[str]) -> dict[str, Any]:
    """Where each contribution (of `ids`) ends and where its float stands, as (pages after its first page, x, y in
    points): the same numbers when a decision passed back sets the same layout as the passes that found it."""
    if not ids:
        return {}
    found = _evaluated(compiler, ids, '.map(id => { let start = query(label("beitrag-" + id)); '
                                      'let at(l) = { let q = query(label(l + id)); if q.len() != 1 or start.len() != 1 '
                                      '{ none } else { let p = q.first().location().position(); '
                                      "(q.first().location().page() - start.first().location().page(), p.x / 1pt, "
                                      'p.y / 1pt) } }; (at("koop-ende-"), at("koop-float-")) })')
    return dict(zip(ids, found, strict=True)) if isinstance(found, list) else {}
