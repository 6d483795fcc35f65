"""Fixture projects: copies of tests/fixtures/<name> with the repository's conf.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support import reproducible

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_project(name: str, dest: Path) -> Path:
    root = dest / name
    shutil.copytree(FIXTURES / name, root)
    shutil.copy(REPO / "conf.py", root / "conf.py")
    return root


# Fixtures that build real outputs: the session ones below, and those a test module names in its SLOW_FIXTURES.
# A test using one (directly or through another fixture) is marked `slow`, so the fast tier
# (-m "not slow and not browser") never waits for a build.
SLOW_FIXTURES = frozenset({"built_mini", "built_pdf", "built_epub", "built_constructs", "built_shared", "demo", "site"})


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        building = SLOW_FIXTURES | set(getattr(getattr(item, "module", None), "SLOW_FIXTURES", ()))
        if building & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[str], Path]:
    return lambda name="mini": copy_project(name, tmp_path)


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project, built once to HTML for all read-only HTML tests."""
    from pipeline.html.build import build_html

    root = copy_project("mini", tmp_path_factory.mktemp("built"))
    assert build_html(root) == 0
    return root


EPOCH = reproducible.EPOCH  # 2015-06-15: reproducible PDF/EPUB timestamps (set with reproducible.epoch())


def built_output(factory: pytest.TempPathFactory, name: str, build: Callable[..., int]) -> Path:
    """Build one output of the mini project reproducibly; return build/<name>."""
    from pipeline.validate import validate_project

    root = copy_project("mini", factory.mktemp(name))
    with reproducible.epoch():
        assert build(root, validate_project(root)) == 0
    return root / "build" / name


@pytest.fixture(scope="session")
def built_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project's koopBLATT No. 1, built once (build/pdf)."""
    from pipeline.typst.pdf import build_pdf

    return built_output(tmp_path_factory, "pdf", build_pdf)


CONSTRUCTS_DOC = "beitraege/nuernberg/vielfalt"


def with_constructs(dest: Path) -> Path:
    """The mini project with the constructs contribution (fixtures/constructs) as third contribution of issue 1."""
    root = copy_project("mini", dest)
    shutil.copytree(FIXTURES / "constructs", root, dirs_exist_ok=True)
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "  - beitraege/bremen/zwischen.md\n", f"  - beitraege/bremen/zwischen.md\n  - {CONSTRUCTS_DOC}.md\n"),
        encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def built_constructs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The constructs project built in every format (`build`), and what the build wrote to stderr."""
    import contextlib
    import io

    from pipeline.cli import main

    root = with_constructs(tmp_path_factory.mktemp("constructs"))
    err = io.StringIO()
    with reproducible.epoch(), contextlib.redirect_stderr(err):
        status = main(["--root", str(root), "build"])
    assert status == 0, err.getvalue()
    return root, err.getvalue()


@pytest.fixture(scope="session")
def built_shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project built as `nox -s build` does for the handbook's extras: PDF (issues and Sonderdrucke)
    first, then the handbook offering them (issue 11: cite, download, share, open data)."""
    from pipeline.html.build import build_html
    from pipeline.typst.pdf import build_pdf
    from pipeline.validate import validate_project

    root = copy_project("mini", tmp_path_factory.mktemp("shared"))
    with reproducible.epoch():
        assert build_pdf(root, validate_project(root)) == 0
        assert build_html(root, validate_project(root)) == 0
    return root

# -- the bundled demo in a real browser (test_browser, test_search, test_preview) ----------------------
CHROMIUM = os.environ.get("KOOP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the repository's content, fully built (PDF and EPUB first so the handbook links them)."""
    from pipeline.cli import main

    root = tmp_path_factory.mktemp("demo")
    for name in ("docs", "koopblatt"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("entdecken", "ausgaben"))
    shutil.copy(REPO / "conf.py", root / "conf.py")
    with reproducible.epoch():
        assert main(["--root", str(root), "build"]) == 0
    yield root


@pytest.fixture(scope="session")
def site(demo: Path) -> Iterator[str]:
    """The built demo handbook on a plain static web server (as any web host would serve it)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(demo / "build" / "html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run (Playwright's sync API allows only one at a time)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"Chromium fehlt: {CHROMIUM} (Debian: apt-get install chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    pg = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
    yield pg
    pg.close()
