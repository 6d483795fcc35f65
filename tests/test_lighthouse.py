"""Lighthouse 12 on the built demo handbook: start page, a case, the search page and an issue page, as a phone
(Lighthouse's mobile preset) and as a desktop browser.

The demo is published and served by nginx on 127.0.0.1 (tests/support/nginx.py), as readers get it: pre-compressed,
with the site's headers and Content-Security-Policy. Lighthouse's performance score
depends on the machine's load, so it is only recorded (printed, and kept among the test artefacts:
support/artefacts.py; `nox -s browser`: build/lighthouse/); asserted is what does not:
accessibility, best practices and SEO at 100 with no failing audit, cumulative layout shift below 0.05, at most
400 KB transferred per page without its figures, and no console error. Lighthouse comes from npm
(`npm install --prefix <dir> lighthouse@12`, as `.ci/run` does); `KOOP_LIGHTHOUSE` names its executable. Without
it the tests are skipped on a workstation and fail in CI (`CI` set).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import artefacts
from support.nginx import serving
from support.paths import CHROMIUM

from pipeline import publish

pytestmark = pytest.mark.browser

PAGES = {
    "start": "index.html",
    "case": "beitraege/leipzig/leipziger-westen.html",
    "search": "suche.html?q=Leipzig",
    "issue": "ausgaben/koopblatt-3.html",
}
FORMS = ("mobile", "desktop")
STRICT = ("accessibility", "best-practices", "seo")
MAX_CLS = 0.05
MAX_BYTES = 400 * 1000  # per page, its figures (/_images/) not counted
FIGURES = "/_images/"
DEFAULT = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "koop" / "lighthouse"


def lighthouse() -> str:
    """The Lighthouse executable: $KOOP_LIGHTHOUSE, the npm install of .ci/run, or one on PATH."""
    for candidate in (os.environ.get("KOOP_LIGHTHOUSE", ""), str(DEFAULT / "node_modules" / ".bin" / "lighthouse"),
                      shutil.which("lighthouse") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    message = ("Lighthouse fehlt: npm install --prefix <Ordner> lighthouse@12, dann KOOP_LIGHTHOUSE="
               "<Ordner>/node_modules/.bin/lighthouse (.ci/run tut das)")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def served(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo as readers get it: published (`nox -s publish`) and served by Debian's nginx with the project's
    configuration (pre-compressed files, cache and security headers, Content-Security-Policy)."""
    target = tmp_path_factory.mktemp("www")
    publish.publish(demo, publish.Local(target))
    with serving(target / "current", tmp_path_factory.mktemp("nginx")) as nginx:
        yield nginx.url


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the JSON reports are kept for people to read."""
    return artefacts.folder(tmp_path_factory, "lighthouse")


# Lighthouse's own "please run Lighthouse again" failures: the trace of the page load was not recorded (a
# busy machine). They say nothing about the page, so the run is repeated; any other runtime error fails at once.
RETRY = ("NO_NAVSTART", "NO_TRACING_STARTED", "NO_SPEEDLINE_FRAMES", "PROTOCOL_TIMEOUT")
ATTEMPTS = 3


def run(url: str, form: str, out: Path) -> dict[str, Any]:
    out.parent.mkdir(parents=True, exist_ok=True)
    args = [lighthouse(), url, "--output=json", f"--output-path={out}", "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox", "--max-wait-for-load=60000"]
    if form == "desktop":
        args.append("--preset=desktop")
    for attempt in range(1, ATTEMPTS + 1):
        out.unlink(missing_ok=True)
        done = subprocess.run(args, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True,
                              timeout=600, check=False)
        if attempt < ATTEMPTS and any(code in done.stderr for code in RETRY):
            print(f"\nLighthouse {form} {url}: trace not recorded ({done.stderr.strip()[-200:]}), run again")
            continue
        assert done.returncode == 0 and out.is_file(), f"Lighthouse: {done.stderr[-2000:]}"
        report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        error = report.get("runtimeError") or {}
        if attempt < ATTEMPTS and error.get("code") in RETRY:
            continue
        assert not error, error
        return report
    raise AssertionError("unreachable")


def failing(report: dict[str, Any], category: str) -> list[str]:
    """The audits of a category that did not pass, with what Lighthouse says about them."""
    audits = report["audits"]
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if audit.get("score") is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            where = [str((i.get("node") or {}).get("selector") or i.get("url") or i.get("description") or "")[:120]
                     for i in items[:5]]
            found.append(f"{ref['id']} ({audit['title']}): {where}")
    return found


def transferred(report: dict[str, Any]) -> tuple[int, dict[str, int]]:
    """Bytes over the wire without the page's figures, and all bytes by resource type."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    by_type: dict[str, int] = {}
    for r in requests:
        by_type[r.get("resourceType", "Other")] = by_type.get(r.get("resourceType", "Other"), 0) + r["transferSize"]
    return sum(r["transferSize"] for r in requests if FIGURES not in r["url"]), by_type


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("kind", list(PAGES))
def test_lighthouse(served: str, reports: Path, kind: str, form: str) -> None:
    report = run(f"{served}/{PAGES[kind]}", form, reports / f"{form}-{kind}.json")
    scores = {name: c["score"] for name, c in report["categories"].items()}
    total, by_type = transferred(report)
    cls = report["audits"]["cumulative-layout-shift"]["numericValue"]
    print(f"\nLighthouse {form} {kind}: {scores}, CLS {cls:.3f}, {total} bytes without figures, {by_type}")
    problems = {name: failing(report, name) for name in STRICT}
    assert {name: scores[name] for name in STRICT} == dict.fromkeys(STRICT, 1.0), problems
    assert not any(problems.values()), problems
    errors = report["audits"]["errors-in-console"]["details"]["items"]
    assert errors == [], [e.get("description") for e in errors]
    assert cls < MAX_CLS, report["audits"]["layout-shifts"].get("details")
    assert total <= MAX_BYTES, by_type
    assert not [r["url"] for r in report["audits"]["network-requests"]["details"]["items"]
                if "fontawesome" in r["url"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("stored", [None, "", "bogus", "light", "dark", "auto"])
def test_colour_mode_from_any_stored_value_without_console_error(browser: Any, site: str, stored: str | None,
                                                                   scheme: str) -> None:
    """pydata-sphinx-theme reported an empty or unknown stored mode (a first visit) as a console error."""
    page = browser.new_page(color_scheme=scheme)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    if stored is not None:
        page.add_init_script(f"window.localStorage.setItem('mode', {json.dumps(stored)})")
    page.goto(f"{site}/beitraege/leipzig/leipziger-westen.html")
    page.wait_for_load_state("networkidle")
    mode = stored if stored in ("light", "dark") else "auto"
    html = page.locator("html")
    assert (html.get_attribute("data-mode"), html.get_attribute("data-theme")) == (
        mode, scheme if mode == "auto" else mode)
    assert errors == []
    page.close()
