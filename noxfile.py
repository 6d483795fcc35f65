"""The koopstadt pipeline's entry points: `nox -s build` builds everything, `nox -s tests` tests it."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["build"]

PYPROJECT = nox.project.load_toml("pyproject.toml")


def _install(session: nox.Session, *groups: str) -> None:
    session.install(".")
    if groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, *groups))


def _cli(session: nox.Session, *args: str) -> None:
    session.run("python", "-m", "pipeline.cli", *args, *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Check all sources, then build the handbook (HTML), koopBLATT PDFs and EPUBs into build/."""
    _install(session)
    _cli(session, "build")


@nox.session(default=False)
def html(session: nox.Session) -> None:
    """Build the online handbook into build/html (incremental; atomic on success)."""
    _install(session)
    _cli(session, "html")


@nox.session(default=False)
def pdf(session: nox.Session) -> None:
    """koopBLATT issues as print and screen PDF (build/pdf); `-- --beitrag <datei.md>` for a proof."""
    _install(session)
    _cli(session, "pdf")


@nox.session(default=False)
def epub(session: nox.Session) -> None:
    """EPUB 3 of every issue and of the handbook (build/epub), checked with epubcheck."""
    _install(session)
    _cli(session, "epub")


@nox.session(default=False)
def check(session: nox.Session) -> None:
    """Validate all contributions, the bibliography and issue manifests; write nothing."""
    _install(session)
    _cli(session, "check")


@nox.session(default=False)
def new(session: nox.Session) -> None:
    """Scaffold a contribution: `nox -s new -- <stadt> <kurzname>`."""
    _install(session)
    _cli(session, "new")


@nox.session(name="import", default=False)
def import_(session: nox.Session) -> None:
    """Import a Word/ODT file: `nox -s import -- <datei.docx|odt> <stadt> [--slug kurzname]`."""
    _install(session)
    _cli(session, "import")


@nox.session(default=False)
def proof(session: nox.Session) -> None:
    """Proof bundle of one contribution: `nox -s proof -- docs/beitraege/<stadt>/<kurzname>.md`."""
    _install(session, "proof")
    _cli(session, "proof")


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Live preview of the handbook on http://127.0.0.1:8000 (rebuilds what changed on save)."""
    _install(session, "serve")
    _cli(session, "serve")


@nox.session(default=False)
def tests(session: nox.Session) -> None:
    """Run the test suite (fixture projects, golden files, real builds, browser and axe checks)."""
    _install(session, "test", "serve")
    session.run("pytest", *session.posargs)


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """Browser and axe-core accessibility tests against the built demo handbook (needs Chromium)."""
    _install(session, "test")
    session.run("pytest", "-m", "browser", *session.posargs)


@nox.session(default=False)
def fuzz(session: nox.Session) -> None:
    """Long hypothesis run: ≥ 10,000 generated contributions and manifests (never a traceback)."""
    _install(session, "test")
    session.env["KOOP_FUZZ_EXAMPLES"] = session.posargs[0] if session.posargs else "10000"
    session.run("pytest", "tests/test_fuzz.py", "-p", "no:cacheprovider")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark on synthetic corpora (N=10, 50, 200): wall time and peak RSS of every step."""
    _install(session)
    session.run("python", "-m", "pipeline.bench.run", *session.posargs)


@nox.session(default=False)
def lint(session: nox.Session) -> None:
    """ruff and mypy --strict on pipeline/."""
    _install(session, "lint")
    session.run("ruff", "check", "pipeline", "tests", "noxfile.py", "conf.py")
    session.run("mypy", "pipeline")
