"""`nox -s serve` shows errors where authors look: on the page of the file, and on a list linked from every page."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.browser import Shot, axe_violations
from support.net import free_port, wait_for

pytestmark = pytest.mark.browser
W = "docs/beitraege/leipzig/westen.md"


def test_serve_shows_the_problems_on_the_page_and_in_the_terminal(project_copy: Callable[[str], Path],
                                                                  browser: Any, shot: Shot) -> None:
    root = project_copy("mini")
    source = root / W
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("art: praxisfall", "art: praxisfal") + "\n```{admonition}\nOhne Titel.\n```\n",
                      encoding="utf-8")
    port = free_port()
    log = root / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "--root", str(root), "serve", "--port",
                                 str(port)], stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/beitraege/leipzig/westen.html", "koop-probleme")
        # the session's Chromium (conftest.browser): Playwright's sync API allows one instance at a time
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
        page.goto(f"{base}/beitraege/leipzig/westen.html")
        box = page.locator(".koop-probleme")
        text = box.inner_text()
        assert f"{W}:9: Fehler [koop.art]: Unbekannte Art „praxisfal“" in text
        assert "Meinten Sie „praxisfall“?" in text
        assert "[koop.directive_argument]" in text
        shot(page, "vorschau-probleme")
        assert axe_violations(page) == []
        page.goto(f"{base}/beitraege/bremen/zwischen.html")
        page.get_by_role("link", name="zur Liste").click()
        page.wait_for_url(f"{base}/probleme.html")
        listing = page.locator("main").inner_text()
        assert f"{W}:9" in listing and "koop.art" in listing
        shot(page, "vorschau-probleme-liste")
        assert axe_violations(page) == []  # the list is a page of the handbook, as accessible as the others
        page.get_by_role("link", name=f"{W}:9").click()  # a message leads to its page, at its line
        page.wait_for_url(f"{base}/beitraege/leipzig/westen.html#*")
        assert "koop.art" in page.locator(":target").inner_text()
        page.close()
        terminal = log.read_text(encoding="utf-8")
        assert f"{W}:9: Fehler [koop.art]" in terminal
        assert "build succeeded" not in terminal and "Traceback" not in terminal
        assert "[sphinx-autobuild]" not in terminal and "-m sphinx" not in terminal  # no English, no command line
        source.write_text(good, encoding="utf-8")  # fixed: the box goes away
        deadline = time.monotonic() + 90
        while "koop-probleme" in wait_for(f"{base}/beitraege/leipzig/westen.html", "Wächterhäuser"):
            assert time.monotonic() < deadline, "the fixed page still shows its problems"
            time.sleep(0.5)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
