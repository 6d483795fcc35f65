"""Project state for one Sphinx run: the validated project, shared by all parts of the extension."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from ..paths import CONTRIB_DIR, rel
from ..project import Project
from ..validate import validate_project

_ATTR = "_koop_project"
_PRELOADED: dict[Path, Project] = {}


def preload(project: Project) -> None:
    """Hand a project validated in this process to the next Sphinx run (saves validating twice)."""
    _PRELOADED[project.root.resolve()] = project


def app_of(holder: Builder | BuildEnvironment) -> Sphinx:
    """The application of a builder or environment (their public `.app` is deprecated since Sphinx 9 and warns
    on every use; Sphinx itself keeps it as `_app`)."""
    app: Sphinx = holder._app
    return app


def root_of(app: Sphinx | Builder) -> Path:
    """The project folder (a builder knows it as well as the application)."""
    return Path(app.config.koop_root or app.confdir).resolve()


def project(app: Sphinx) -> Project:
    """The project validated at the start of this build."""
    value = getattr(app, _ATTR, None)
    if value is None:
        value = _PRELOADED.pop(root_of(app), None) or validate_project(
            root_of(app), Path(app.srcdir), cache=True)
        setattr(app, _ATTR, value)
    assert isinstance(value, Project)
    return value


def shown(app: Sphinx, path: str | Path) -> str:
    """A path as every message shows it: relative to the project (docs/…, koopblatt/…)."""
    return rel(Path(app.srcdir) / path, root_of(app))


def is_contribution(docname: str) -> bool:
    return docname.startswith(CONTRIB_DIR + "/")


def _validate(app: Sphinx) -> None:
    """Validate at the start of every run (the caller prints the problems; they decide what is published)."""
    setattr(app, _ATTR, None)
    project(app)


def setup(app: Sphinx) -> None:
    # the live preview shows drafts (with a banner) and the problems on the pages they concern
    app.add_config_value("koop_preview", False, "env", bool)
    app.connect("builder-inited", _validate, priority=100)


# -- data kept per document in the environment (pickled with it, dropped when the document is read again) --

def per_doc(env: BuildEnvironment, attr: str) -> dict[str, Any]:
    """The environment's store `attr`: docname → what an extension noted about that document."""
    if not hasattr(env, attr):
        setattr(env, attr, {})
    value: dict[str, Any] = getattr(env, attr)
    return value


def keep_per_doc(app: Sphinx, attr: str) -> None:
    """Purge `attr`'s entry of a document Sphinx reads again; take it over from parallel readers."""

    def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        per_doc(env, attr).pop(docname, None)

    def merge(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
        mine, theirs = per_doc(env, attr), per_doc(other, attr)
        mine.update({d: theirs[d] for d in docnames if d in theirs})

    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
