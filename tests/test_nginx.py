"""The handbook as the web server delivers it: the demo, published with `nox -s publish` into a directory,
served by Debian's nginx with the configuration in pipeline/data/nginx (tests/support/nginx.py), read by
plain HTTP requests and by headless Chromium — not one Content-Security-Policy violation, search included."""

from __future__ import annotations

import gzip
import http.client
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
import pytest
from playwright.sync_api import Browser, Page, expect
from support.browser import Shot
from support.nginx import serving
from support.pagefind import WORD, city_filter, containing, results

from pipeline import publish as P
from pipeline.html import assets

pytestmark = pytest.mark.browser
SECURITY = {"x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin",
            "x-frame-options": "DENY"}
YEAR = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def live(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo handbook as `nox -s publish` leaves it: <ziel>/current → releases/<id>."""
    target = tmp_path_factory.mktemp("www")
    P.publish(demo, P.Local(target))
    return target / "current"


@pytest.fixture(scope="module")
def server(live: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(live, tmp_path_factory.mktemp("nginx")) as nginx:
        yield nginx.url


def fetch(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """A request as it travels (nothing decompressed), with the given Accept-Encoding."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port)
    conn.request("GET", parts.path, headers={"Accept-Encoding": encoding} if encoding else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def hashed_asset(live: Path, suffix: str) -> str:
    """The largest hashed stylesheet, script or image the start page loads (a tiny one is not worth compressing)."""
    html = (live / "index.html").read_text(encoding="utf-8")
    return max((u for u in re.findall(r'(?:href|src)="(_static/[^"]+)"', html)
                if u.endswith(suffix) and assets.HASHED.search(u)), key=lambda u: (live / u).stat().st_size)


def test_every_response_carries_the_security_headers_and_its_cache_rule(server: str, live: Path) -> None:
    pagefind_chunk = next((live / "_pagefind/fragment").iterdir()).relative_to(live).as_posix()
    cases = {"index.html": "no-cache", "beitraege/leipzig/leipziger-westen.html": "no-cache",
             "downloads/koopblatt-3.pdf": "no-cache", "feed.xml": "no-cache", "_pagefind/pagefind-ui.js": "no-cache",
             hashed_asset(live, ".css"): YEAR, hashed_asset(live, ".js"): YEAR, pagefind_chunk: YEAR,
             "gibt-es-nicht.html": "no-cache"}
    for path, cache in cases.items():
        status, headers, _ = fetch(f"{server}/{path}", "br, gzip")
        assert status == (404 if path.startswith("gibt-es-nicht") else 200), path
        assert headers["cache-control"] == cache, path
        for name, value in SECURITY.items():
            assert headers[name] == value, (path, name)
        assert "camera=()" in headers["permissions-policy"]
        csp = headers["content-security-policy"]
        assert "script-src 'self' 'wasm-unsafe-eval';" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "'unsafe-eval'" not in csp
        assert "strict-transport-security" not in headers  # only over HTTPS
        assert headers.get("server") == "nginx"  # no version


@pytest.mark.parametrize("kind", [".html", ".css", ".js", ".json", ".svg", ".xml", "pagefind"])
def test_text_is_sent_as_the_build_compressed_it(server: str, live: Path, kind: str) -> None:
    path = {".html": "beitraege/leipzig/leipziger-westen.html", ".css": hashed_asset(live, ".css"),
            ".js": hashed_asset(live, ".js"), ".json": "daten/beitraege.json", ".svg": hashed_asset(live, ".svg"),
            ".xml": "sitemap.xml", "pagefind": "_pagefind/pagefind-ui.js"}[kind]
    original = (live / path).read_bytes()
    for encoding, suffix, unpack in (("br", ".br", brotli.decompress), ("gzip", ".gz", gzip.decompress)):
        status, headers, body = fetch(f"{server}/{path}", f"{encoding}, deflate")
        assert status == 200 and headers["content-encoding"] == encoding, (path, encoding)
        assert body == (live / (path + suffix)).read_bytes() and unpack(body) == original
        assert headers["vary"] == "Accept-Encoding"
    status, headers, body = fetch(f"{server}/{path}")
    assert status == 200 and "content-encoding" not in headers and body == original
    assert "charset=utf-8" in headers["content-type"]


def test_downloads_are_sent_as_they_are(server: str) -> None:
    for path, mime in (("downloads/koopblatt-3.pdf", "application/pdf"),
                       ("downloads/koopblatt-3.epub", "application/epub+zip")):
        status, headers, body = fetch(f"{server}/{path}", "br, gzip")
        assert status == 200 and headers["content-type"] == mime and "content-encoding" not in headers
        assert len(body) > 10_000


def test_every_asset_every_page_loads_is_there_for_a_year(server: str, live: Path) -> None:
    """All pages of the release: each stylesheet, script, font preload and image under _static they name is
    served under its hashed name, cacheable for a year."""
    loaded = set()
    for page in live.rglob("*.html"):
        if "_static" in page.relative_to(live).parts:
            continue
        folder = page.parent.relative_to(live).as_posix()
        for url in re.findall(r'(?:href|src)="([^"#?:]+)"', page.read_text(encoding="utf-8")):
            path = posixpath.normpath(posixpath.join(folder, url))
            if path.startswith("_static/"):
                loaded.add(path)
    assert len(loaded) > 10
    for path in sorted(loaded):
        assert assets.HASHED.search(path), path
        status, headers, _ = fetch(f"{server}/{path}", "br, gzip")
        assert status == 200 and headers["cache-control"] == YEAR, path


# -- in the browser ------------------------------------------------------------------------------------
LISTEN = """window.__koopCsp = [];
document.addEventListener('securitypolicyviolation', e => window.__koopCsp.push(
  `${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile || ''}:${e.lineNumber}`));"""


class Watch:
    """What a page did wrong under the server's policy: CSP violations (event and console), failed requests."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.console: list[str] = []
        self.failed: list[str] = []
        page.add_init_script(LISTEN)
        page.on("console", self._console)
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("requestfailed", lambda r: self.failed.append(f"{r.failure} {r.url}"))

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.console.append(message.text)

    def problems(self) -> list[str]:
        return [*self.page.evaluate("window.__koopCsp || []"), *self.console, *self.failed]


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
    watch = Watch(page)
    yield page, watch
    page.close()


@pytest.mark.parametrize("doc", ["index", "beitraege/leipzig/leipziger-westen", "ausgaben/koopblatt-3",
                                 "entdecken/matrix"])
def test_pages_run_under_the_policy_without_a_violation(watched: tuple[Page, Watch], server: str, doc: str,
                                                        shot: Shot) -> None:
    page, watch = watched
    page.goto(f"{server}/{doc}.html", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "de"
    assert watch.problems() == []
    shot(page, f"nginx-{doc.replace('/', '-')}")


def test_search_through_the_server_types_finds_and_filters(watched: tuple[Page, Watch], server: str,
                                                           demo: Path, shot: Shot) -> None:
    page, watch = watched
    page.goto(f"{server}/suche.html", wait_until="networkidle")
    field = page.locator(".pagefind-ui__search-input")
    field.fill(WORD)  # typed by the reader, not from the address
    everywhere = sorted(t for c in ("bremen", "leipzig", "nuernberg") for t in containing(demo, c, WORD))
    assert results(page) == everywhere
    city_filter(page, "Leipzig").check()
    expected = containing(demo, "leipzig", WORD)
    expect(page.locator(".pagefind-ui__message")).to_contain_text(f"{len(expected)} ")
    assert results(page) == expected and len(expected) < len(everywhere)
    shot(page, "nginx-suche")
    assert watch.problems() == []
