"""The koopstadt pipeline's entry points: `nox -s build` builds everything, `nox -s tests` tests it.

Editor sessions (build, check, html, pdf, epub, new, import, proof, serve, bench) share one project
environment, `.nox/koop`: created on first use, synced only when pyproject.toml changes, with the
package installed editable, so a run starts at once and never reinstalls. `tests`, `browser`, `fuzz`
and `lint` keep their own isolated environments, installed from a built wheel.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
ENV = ROOT / ".nox" / "koop"
EDITOR_GROUPS = ("serve", "proof")  # the live preview and the proof's Word file need these
# Python keeps no bytecode here: uv compiles it once when it installs (pip does by default)
_COMPILED = ("--compile-bytecode",) if os.environ.get("PYTHONDONTWRITEBYTECODE") else ()


def _bin(name: str) -> str:
    return str(ENV / ("Scripts" if os.name == "nt" else "bin") / name)


def _uv() -> str | None:
    """uv for nox's own environments: on PATH, else the one the project environment installed; else none."""
    return os.environ.get("UV") or shutil.which("uv") or (_bin("uv") if Path(_bin("uv")).exists() else None)


class _QuietUvProbe(logging.Filter):
    """nox looks for uv before every session, also one that needs no environment of nox's (venv_backend="none"),
    and says „uv binary not found.“ each time it is missing: the backend is chosen here instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "uv binary not found."


logging.getLogger("nox").addFilter(_QuietUvProbe())
if _uv():  # nox uses the project environment's uv for its own environments too
    os.environ.setdefault("UV", str(_uv()))
nox.options.default_venv_backend = "uv" if _uv() else "virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["build"]


def _wanted() -> str:
    """What the shared environment must match: the project's requirements and this Python."""
    return hashlib.sha1((ROOT / "pyproject.toml").read_bytes() + sys.version.encode()).hexdigest()


def _project_env(session: nox.Session) -> str:
    """The shared environment's Python; created or synced only when pyproject.toml changed."""
    stamp = ENV / ".koop-stand"
    if stamp.is_file() and stamp.read_text() == _wanted() and Path(_bin("python")).exists():
        return _bin("python")
    session.log("Die Umgebung der Pipeline wird eingerichtet (einmalig, bis sich pyproject.toml ändert) …")
    uv = _uv_for_env(session)
    extras = nox.project.dependency_groups(PYPROJECT, *EDITOR_GROUPS)
    # no bytecode compiled ahead where Python compiles (and keeps) what the first run imports, a fraction of it all;
    # where it keeps none (PYTHONDONTWRITEBYTECODE, as in many containers), every run would compile everything again
    install = [uv, "pip", "install", "--quiet", "--python", _bin("python"), "-e", ".", *extras, *_COMPILED]
    # from uv's cache alone first (0.5 s instead of 3 s of asking the index whether each package is still current);
    # on a machine whose cache lacks something, from the index
    if subprocess.run([*install, "--offline"], env={**os.environ, "VIRTUAL_ENV": str(ENV)}, check=False,
                      capture_output=True).returncode != 0:
        session.run(*install, external=True, env={"VIRTUAL_ENV": str(ENV)})
    if _COMPILED:  # the pipeline itself is installed editable: its own modules too
        subprocess.run([_bin("python"), "-m", "compileall", "-q", "-j", "0", str(ROOT / "pipeline")], check=False,
                       capture_output=True)
    stamp.write_text(_wanted())
    return _bin("python")


def _uv_for_env(session: nox.Session) -> str:
    """The project environment, and uv to install into it: uv's own (seconds), or a bare venv with uv put in by
    the pip that installed nox (`pip --python`, pip ≥ 22.3), or, where neither is at hand, a venv with pip."""
    uv = shutil.which("uv")
    if uv is not None:
        if not Path(_bin("python")).exists():
            session.run(uv, "venv", "--quiet", "--python", sys.executable, str(ENV), external=True, silent=True)
        return uv
    if Path(_bin("uv")).exists() and Path(_bin("python")).exists():
        return _bin("uv")
    if not Path(_bin("python")).exists():
        session.run(sys.executable, "-m", "venv", "--without-pip", str(ENV), external=True, silent=True)
    quiet = ("install", "--quiet", "--disable-pip-version-check", "uv")
    if subprocess.run([sys.executable, "-m", "pip", "--python", _bin("python"), *quiet], check=False,
                      capture_output=True).returncode != 0:
        session.run(_bin("python"), "-m", "ensurepip", "--default-pip", external=True, silent=True)
        session.run(_bin("python"), "-m", "pip", *quiet, external=True, silent=True)
    return _bin("uv")


def _cli(session: nox.Session, *args: str) -> None:
    # KOOP_NOX: usage lines and help show the nox call authors type (`nox -s serve -- --port …`)
    session.run(_project_env(session), "-m", "pipeline.cli", *args, *session.posargs, external=True,
                env={"KOOP_NOX": "1"})


def _install(session: nox.Session, *groups: str) -> None:
    compiled = _COMPILED if session.venv_backend == "uv" else ()
    session.install(".", *compiled)
    if groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, *groups), *compiled)


@nox.session(venv_backend="none")
def build(session: nox.Session) -> None:
    """Check all sources, then build the koopBLATT PDFs, EPUBs and the handbook (HTML) into build/."""
    _cli(session, "build")


@nox.session(venv_backend="none", default=False)
def html(session: nox.Session) -> None:
    """Build the online handbook into build/html (incremental; atomic on success)."""
    _cli(session, "html")


@nox.session(venv_backend="none", default=False)
def pdf(session: nox.Session) -> None:
    """koopBLATT issues as print and screen PDF (build/pdf); `-- --beitrag <datei.md>` for a proof."""
    _cli(session, "pdf")


@nox.session(venv_backend="none", default=False)
def epub(session: nox.Session) -> None:
    """EPUB 3 of every issue and of the handbook (build/epub), checked with epubcheck."""
    _cli(session, "epub")


@nox.session(venv_backend="none", default=False)
def check(session: nox.Session) -> None:
    """Validate all contributions, the bibliography and issue manifests as the build reads them; no outputs."""
    _cli(session, "check")


@nox.session(venv_backend="none", default=False)
def ablieferung(session: nox.Session) -> None:
    """Deposit for the Deutsche Nationalbibliothek: each published issue's PDF/A, EPUB, MARC 21 in build/ablieferung."""
    _cli(session, "ablieferung")


@nox.session(venv_backend="none", default=False)
def redaktion(session: nox.Session) -> None:
    """Editors' desk only: Redaktionsstand and flatplans in build/redaktion (never published)."""
    _cli(session, "redaktion")


@nox.session(venv_backend="none", default=False)
def new(session: nox.Session) -> None:
    """Scaffold a contribution: `nox -s new -- <stadt> <kurzname> [--von <vorlage.md>]` (copy of a template)."""
    _cli(session, "new")


@nox.session(name="import", venv_backend="none", default=False)
def import_(session: nox.Session) -> None:
    """Import a Word/ODT file: `nox -s import -- <datei.docx|odt> <stadt> [--slug kurzname]`."""
    _cli(session, "import")


@nox.session(venv_backend="none", default=False)
def proof(session: nox.Session) -> None:
    """Proof bundle of one contribution: `nox -s proof -- docs/beitraege/<stadt>/<kurzname>.md`."""
    _cli(session, "proof")


@nox.session(venv_backend="none", default=False)
def serve(session: nox.Session) -> None:
    """Live preview of the handbook on http://127.0.0.1:8000 (drafts and problems shown; rebuilds on save)."""
    _cli(session, "serve")


@nox.session(venv_backend="none", default=False)
def publish(session: nox.Session) -> None:
    """Publish the last good handbook: `nox -s publish -- <verzeichnis|user@host:/pfad> [--zurueck] [--behalten N]`."""
    _cli(session, "publish")


@nox.session(venv_backend="none", default=False)
def bench(session: nox.Session) -> None:
    """Benchmark: CLI steps at N=10, 50, 200, nox sessions at N=50, a fresh clone's first build; targets, profile."""
    # KOOP_NOX_PYTHON: the bench times `nox -s …` calls too, with the nox that runs this session
    session.run(_project_env(session), "-m", "pipeline.bench.run", *session.posargs, external=True,
                env={"KOOP_NOX_PYTHON": sys.executable})


@nox.session(default=False)
def tests(session: nox.Session) -> None:
    """Run the test suite (fixture projects, golden files, real builds, browser and axe checks)."""
    _install(session, "test", "serve")
    session.run("pytest", *session.posargs)


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """Browser and axe-core accessibility tests against the built demo handbook (needs Chromium)."""
    _install(session, "test", "serve")
    session.env["KOOP_TEST_ARTEFACTS"] = str(ROOT / "build")  # build/screenshots/, build/lighthouse/
    session.run("pytest", "-m", "browser", *session.posargs)


@nox.session(default=False)
def fuzz(session: nox.Session) -> None:
    """Long hypothesis run: ≥ 10,000 generated contributions and manifests, and the long conformance suite."""
    _install(session, "test")
    session.env["KOOP_FUZZ_EXAMPLES"] = session.posargs[0] if session.posargs else "10000"
    session.env["KOOP_TEST_ARTEFACTS"] = str(ROOT / "build")  # build/conformance.md for people to read
    session.run("pytest", "tests/test_fuzz.py", "tests/test_conformance.py",
                "tests/test_import_counts.py::test_any_document_keeps_its_comments_and_counts",
                "-p", "no:cacheprovider")


@nox.session(default=False)
def conformance(session: nox.Session) -> None:
    """Only the long conformance suite (all nestings, depth 3, random compositions); the default form is in `tests`."""
    _install(session, "test")
    session.env["KOOP_FUZZ_EXAMPLES"] = os.environ.get("KOOP_FUZZ_EXAMPLES", "10000")
    session.env["KOOP_TEST_ARTEFACTS"] = str(ROOT / "build")  # build/conformance.md for people to read
    session.run("pytest", "tests/test_conformance.py", "-p", "no:cacheprovider", *session.posargs)


@nox.session(default=False)
def lint(session: nox.Session) -> None:
    """ruff and mypy --strict on pipeline/."""
    _install(session, "lint")
    session.run("ruff", "check", "pipeline", "tests", "noxfile.py", "conf.py")
    session.run("mypy", "pipeline")
