"""Front-matter dependencies of generated content, declared to Sphinx's incremental build.

A page that shows data from other files (cards, lists, matrix, issue pages, citations, whether the documents it
links to exist) records a dependency key while it is read; `env-get-outdated` recomputes each key's digest and re-reads
exactly the pages whose shown data changed. Nothing goes stale; nothing else is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Set
from pathlib import Path
from typing import Any

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import docname_join

from .. import catalogue
from ..manifest import is_published, issue_id
from ..model import Contribution
from ..project import Project
from ..schema import ContributionFields, guide_rows
from . import state
from .cite import cited_keys

Key = tuple[str, ...]
ATTR = "koop_deps"


def _deps(env: BuildEnvironment) -> dict[str, dict[Key, str]]:
    return state.per_doc(env, ATTR)


def _summary(c: Contribution) -> tuple[Any, ...]:
    return (c.docname, c.title, c.subtitle, c.abstract, c.date, c.art, c.stadt, c.themenfeld,
            c.projektfamilien, c.aufgaben, tuple(c.authors))


def first_image(project: Project, docname: str) -> str | None:
    """A contribution's first image (path relative to docs/): its thumbnail on cards."""
    report = project.reports.get(docname)
    return report.facts.images[0] if report is not None and report.facts.images else None


def _cards(project: Project, chosen: Iterable[Contribution]) -> list[Any]:
    return [(_summary(c), first_image(project, c.docname)) for c in chosen]


def _filters(args: Iterable[str]) -> dict[str, str]:
    return dict(a.split("=", 1) for a in args)


def _value(app: Sphinx, project: Project, key: Key) -> Any:
    items = list(project.contributions.values())
    kind, args = key[0], key[1:]
    tax = project.taxonomy
    # every listing shows taxonomy labels (city, kind, Themenfeld …): they are part of what it shows
    compute: dict[str, Callable[[], Any]] = {
        "liste": lambda: (_cards(project, catalogue.select(items, **_filters(args))), repr(tax)),
        "facetten": lambda: [(f, len(catalogue.select(items, **{f.dimension: f.id})))
                             for f in catalogue.facets(tax) if f.dimension == args[0]],
        "matrix": lambda: ([(c.themenfeld, c.stadt) for c in items], repr(tax)),
        "ausgabe": lambda: (repr(project.issues.get(int(args[0]))), repr(tax),
                            [is_published(i) for i in project.issues.values() if i.number == int(args[0])],
                            _cards(project, [project.contributions[d] for d in project.issues[int(args[0])]
                                             .contributions if d in project.contributions])
                            if int(args[0]) in project.issues else []),
        "ausgaben": lambda: [(n, i.year, i.subtitle, is_published(i)) for n, i in project.issues.items()],
        "taxonomie": lambda: (repr(tax), guide_rows(ContributionFields)),
        "beitrag": lambda: _card_value(project, args[0]),
        "literatur": lambda: [project.bibliography.refs.get(k) for k in args],
        "verweis": lambda: args[0] in app.env.found_docs,
    }
    return compute[kind]()


def _card_value(project: Project, docname: str) -> Any:
    c = project.all_contributions.get(docname)
    if c is None:
        return None
    return (_summary(c), c.status, c.keywords, c.license, repr(project.taxonomy),
            [(i.number, i.year, is_published(i)) for i in project.issues_of(docname)],
            [_summary(o) for o in catalogue.related(project.contributions.values(), c)])


_MEMO: dict[str, Any] = {"project": None, "digests": {}}


def digest(app: Sphinx, key: Key) -> str:
    """What a key shows, as a digest. It depends on the validated project only, so the runs of one `build`
    (which share the project) compute each key once."""
    project = state.project(app)
    if _MEMO["project"] is not project:
        _MEMO.update(project=project, digests={})
    digests: dict[Key, str] = _MEMO["digests"]
    if key not in digests:
        digests[key] = hashlib.sha1(repr(_value(app, project, key)).encode()).hexdigest()
    return digests[key]


def record(env: BuildEnvironment, docname: str, key: Key) -> None:
    _deps(env).setdefault(docname, {})[key] = digest(state.app_of(env), key)


def _outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
              removed: Set[str]) -> list[str]:
    cache: dict[Key, str] = {}
    stale = []
    for docname, keys in _deps(env).items():
        if docname in changed or docname in removed or docname not in env.all_docs:
            continue
        for key, old in keys.items():
            if key not in cache:
                cache[key] = digest(app, key)
            if cache[key] != old:
                stale.append(docname)
                break
    return stale


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
    serials, other_serials = _serials(env), _serials(other)
    for docname in docnames:
        if docname in other_serials:
            serials[docname] = max(serials.values(), default=0) + 1


def _doctree_read(app: Sphinx, doctree: Any) -> None:
    env = app.env
    docname = env.docname
    if state.is_contribution(docname):
        # contributions are reached through browse pages, not the global toctree: this keeps the
        # sidebar (rendered for every page) independent of the number of contributions
        env.metadata[docname]["orphan"] = True
        record(env, docname, ("beitrag", docname))
    keys = cited_keys(doctree)
    if keys:
        record(env, docname, ("literatur", *keys))
    for target in linked_docs(docname, doctree):
        record(env, docname, ("verweis", target))


def linked_docs(docname: str, doctree: Any) -> set[str]:
    """The documents a page links to (a Markdown link to a `.md` file, `{doc}`): whether each exists shows in it
    (as the link, or as the error that it leads nowhere), so the page is read again when one appears or goes."""
    found = set()
    for xref in doctree.findall(addnodes.pending_xref):
        target = str(xref.get("reftarget", ""))
        if xref.get("refdomain") == "doc":  # MyST, to a document that exists: its docname
            found.add(target)
        elif xref.get("reftype") == "myst" and target.partition("#")[0].endswith(".md"):  # to none: the path
            found.add(docname_join(docname, target.partition("#")[0].removesuffix(".md")))
        elif xref.get("refdomain") == "std" and xref.get("reftype") == "doc":  # relative to the page
            found.add(docname_join(docname, target))
    return found


# -- several builders, one environment ------------------------------------------------------------
# HTML, PDF and EPUB share the doctrees. A page re-read during one builder's run (because data it
# shows changed) must still be rewritten by the others, which only compare source and output
# mtimes. Every read gets a serial number; each output folder remembers what it has written.
SERIALS = "koop_read_serials"
WRITTEN = ".koop-geschrieben.json"


def _serials(env: BuildEnvironment) -> dict[str, int]:
    if not hasattr(env, SERIALS):
        setattr(env, SERIALS, {})
    value: dict[str, int] = getattr(env, SERIALS)
    return value


def _note_read(app: Sphinx, doctree: Any) -> None:
    serials = _serials(app.env)
    serials[app.env.docname] = max(serials.values(), default=0) + 1


def _unwritten(app: Sphinx, env: BuildEnvironment) -> list[str]:
    file = Path(app.outdir) / WRITTEN
    try:
        written: dict[str, int] = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []  # a new output folder: the builder writes everything anyway
    return [d for d, serial in _serials(env).items() if written.get(d, -1) < serial and d in env.found_docs]


def _record_written(app: Sphinx, exc: Exception | None) -> None:
    if exc is None:
        (Path(app.outdir) / WRITTEN).write_text(json.dumps(_serials(app.env), sort_keys=True), encoding="utf-8")


# -- downloads on issue pages ----------------------------------------------------------------------
# The links to an issue's PDF/EPUB (with sizes) are filled in when its page is written
# (`browse.fill_downloads`), never read: the files change with every build of the PDFs. A page whose
# files changed since the HTML output last wrote it is written again, without reading it again.
DOWNLOADS_SEEN = ".koop-downloads.json"


SLOTS = "koop_download_slots"


def _slots(env: BuildEnvironment) -> dict[str, list[int]]:
    return state.per_doc(env, SLOTS)


def note_slot(env: BuildEnvironment, docname: str, number: int) -> None:
    """`docname` shows the downloads of issue `number` (an issue page, the start page's current issue)."""
    numbers = _slots(env).setdefault(docname, [])
    if number not in numbers:
        numbers.append(number)


def _download_files(app: Sphinx) -> dict[str, list[tuple[str, int]]]:
    """Page with download slots → the downloads it shows (name, size), for the HTML run that offers them."""
    folder = Path(app.config.koop_downloads) if app.config.koop_downloads else None
    if folder is None:
        return {}
    return {docname: [(f.name, f.stat().st_size) for n in numbers
                      for f in sorted(folder.glob(f"{issue_id(n)}[.-]*"))]
            for docname, numbers in sorted(_slots(app.env).items())}


def _downloads_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if not app.config.koop_downloads:
        return []
    try:
        seen = json.loads((Path(app.outdir) / DOWNLOADS_SEEN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    now = json.loads(json.dumps(_download_files(app)))  # tuples as lists, as stored
    return [d for d, files in now.items() if seen.get(d) != files and d in env.found_docs]


def _record_downloads(app: Sphinx, exc: Exception | None) -> None:
    if exc is None and app.config.koop_downloads:
        (Path(app.outdir) / DOWNLOADS_SEEN).write_text(json.dumps(_download_files(app), sort_keys=True),
                                                       encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _note_read)
    app.connect("env-get-updated", _unwritten)
    app.connect("env-get-updated", _downloads_changed)
    app.connect("build-finished", _record_written)
    app.connect("build-finished", _record_downloads)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-merge-info", _merge)
    state.keep_per_doc(app, ATTR)
    state.keep_per_doc(app, SLOTS)
    app.connect("doctree-read", _doctree_read, priority=900)
