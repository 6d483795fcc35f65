"""Fixtures and hooks only; what tests share besides fixtures lives in tests/support."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support import artefacts, reproducible, tiers
from support.paths import CHROMIUM, CHROMIUM_ARGS, REPO
from support.projects import built_output, copy_project, with_constructs


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that waits for a build of real outputs is `slow` (support.tiers)."""
    for item in items:
        if tiers.builds(item):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[str], Path]:
    return lambda name="mini": copy_project(name, tmp_path)


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project, built once to HTML for all read-only HTML tests."""
    from pipeline.html.build import build_html

    root = copy_project("mini", tmp_path_factory.mktemp("built"))
    assert build_html(root).status == 0
    return root


@pytest.fixture(scope="session")
def built_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project's koopBLATT No. 1, built once (build/pdf)."""
    from pipeline.typst.build import build_pdf

    return built_output(tmp_path_factory, "pdf", build_pdf)


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
    from pipeline.typst.build import build_pdf
    from pipeline.validate import validate_project

    root = copy_project("mini", tmp_path_factory.mktemp("shared"))
    with reproducible.epoch():
        assert build_pdf(root, validate_project(root)).status == 0
        assert build_html(root, validate_project(root)).status == 0
    return root


# -- the bundled demo in a real browser (test_browser, test_search, test_preview) ----------------------


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
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    pg = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
    yield pg
    pg.close()


@pytest.fixture(scope="session")
def shot(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Any, str], None]:
    """Save a full-page screenshot of a browser page as <name>.png among the test artefacts (support.artefacts)."""
    folder = artefacts.folder(tmp_path_factory, "screenshots")
    return lambda page, name: page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
