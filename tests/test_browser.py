"""The handbook in a real browser (headless Chromium via Playwright) and axe-core accessibility checks.

Builds the bundled demo content (HTML, PDF, EPUB) once, serves it on localhost and looks at it as
a reader does. Screenshots go to build/screenshots/ as test artefacts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import REPO
from playwright.sync_api import Browser, Page

from pipeline.validate import validate_project

pytestmark = pytest.mark.browser
SCREENSHOTS = REPO / "build" / "screenshots"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page) -> list[tuple[str, list[Any]]]:
    """axe-core with every rule tagged WCAG 2.0/2.1 A or AA, the experimental ones too (e.g.
    label-content-name-mismatch, which tag-based runs leave out)."""
    axe = Axe()
    page.evaluate(axe.axe_script)
    rules = page.evaluate(f"axe.getRules({WCAG!r}).map(r => r.ruleId)")
    assert "label-content-name-mismatch" in rules
    result = axe.run(page, options={"runOnly": {"type": "rule", "values": rules}})
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_start_page_shows_the_motto(page: Page, site: str) -> None:
    page.goto(f"{site}/index.html")
    assert page.locator("article").get_by_text("Drei Städte; drei Wege; ein Ziel").first.is_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    shot(page, "start")


def test_navigation_to_city_field_and_family(page: Page, site: str, demo: Path) -> None:
    page.goto(f"{site}/index.html")
    page.locator("nav.bd-docs-nav").get_by_role("link", name="Entdecken").click()
    page.wait_for_url("**/entdecken/index.html")
    page.locator("article").get_by_role("link", name="Leipzig", exact=True).first.click()
    page.wait_for_url("**/entdecken/stadt-leipzig.html")
    assert page.locator("article h1").inner_text().startswith("Leipzig")
    titles = page.locator(".koop-eintrag-titel").all_inner_texts()
    project = validate_project(demo)
    assert sorted(titles) == sorted(c.title for c in project.contributions.values() if c.stadt == "leipzig")
    page.go_back()
    page.wait_for_url("**/entdecken/index.html")
    page.locator("article").get_by_role("link", name="Regionale Kooperation, räumliche Vernetzung und neue "
                                                   "Aktionsräume").first.click()
    page.wait_for_url("**/entdecken/themenfeld-regionale-kooperation.html")
    assert "Regionale Kooperation" in page.locator("article h1").inner_text()
    page.locator("article").get_by_role("link", name="Wasser-Region").first.click()
    page.wait_for_url("**/entdecken/projektfamilie-wasser-region.html")
    assert page.locator("article h1").inner_text().startswith("Wasser-Region")
    shot(page, "projektfamilie")


def test_matrix_links_land_on_the_right_cases(page: Page, site: str, demo: Path) -> None:
    project = validate_project(demo)
    page.goto(f"{site}/entdecken/matrix.html")
    shot(page, "matrix")
    row = page.locator("table.koop-matrix tbody tr").nth(0)  # Ökonomische Innovation
    row.locator("td").nth(2).get_by_role("link").click()  # Leipzig column
    page.wait_for_url("**/themenfeld-oekonomische-innovation.html#stadt-leipzig")
    page.wait_for_selector("#stadt-leipzig + .koop-kacheln .koop-eintrag")
    expected = sorted(c.title for c in project.contributions.values()
                      if c.stadt == "leipzig" and c.themenfeld == "oekonomische-innovation")
    group = page.locator("#stadt-leipzig + .koop-kacheln .koop-eintrag-titel").all_inner_texts()
    assert sorted(group) == expected


def test_issue_page_downloads_resolve(page: Page, site: str) -> None:
    page.goto(f"{site}/ausgaben/koopblatt-3.html")
    shot(page, "ausgabe-3")
    for name, mime in (("koopblatt-3.pdf", "application/pdf"), ("koopblatt-3-druck.pdf", "application/pdf"),
                       ("koopblatt-3.epub", "application/epub+zip")):
        href = page.locator(f"a.koop-download[href$='{name}']").get_attribute("href")
        assert href is not None
        response = page.request.get(f"{site}/ausgaben/{href}")
        assert response.status == 200 and response.headers["content-type"] == mime
        assert len(response.body()) > 10_000


@pytest.mark.parametrize("width", [375, 768, 1280])
@pytest.mark.parametrize("doc", ["index", "entdecken/matrix", "beitraege/leipzig/leipziger-westen",
                                 "entdecken/stadt-bremen", "suche"])
def test_no_horizontal_overflow(browser: Browser, site: str, width: int, doc: str) -> None:
    """Start, browse, matrix, case and search page at phone, tablet and desktop width (screenshots of each)."""
    pg = browser.new_page(viewport={"width": width, "height": 800}, locale="de-DE")
    try:
        pg.goto(f"{site}/{doc}.html" + ("?q=Zwischennutzung" if doc == "suche" else ""))
        if doc == "suche":
            pg.wait_for_selector(".pagefind-ui__result")
        scroll, client = pg.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{doc} bei {width}px: {scroll} > {client}"
        shot(pg, f"{doc.replace('/', '-')}-{width}")
    finally:
        pg.close()


@pytest.mark.parametrize("doc", ["index", "entdecken/index", "entdecken/stadt-leipzig", "entdecken/matrix",
                                 "beitraege/leipzig/leipziger-westen", "beitraege/bremen/zwischenzeitzentrale",
                                 "beitraege/nuernberg/pegnitztal", "ausgaben/koopblatt-3"])
def test_axe_finds_no_wcag_a_or_aa_violations(page: Page, site: str, doc: str) -> None:
    page.goto(f"{site}/{doc}.html")
    assert axe_violations(page) == []


def test_demo_site_links_images_and_scripts(demo: Path) -> None:
    """Every internal link and anchor resolves, every image has alt text, only the theme's own scripts."""
    import re

    from bs4 import BeautifulSoup
    from htmlutil import broken_links, unsafe_markup

    def inline_scripts(soup: BeautifulSoup) -> set[str]:
        """Inline script bodies with string literals normalised (page names differ per page)."""
        return {re.sub(r"'[^']*'|\"[^\"]*\"", "S", " ".join(s.get_text().split()))
                for s in soup.find_all("script") if not s.get("src")}

    site = demo / "build" / "html"
    assert broken_links(site) == []
    theme_inline: set[str] = set()
    for own in ("index.html", "suche.html", "genindex.html"):  # theme templates, no contribution content
        theme_inline |= inline_scripts(BeautifulSoup((site / own).read_text(encoding="utf-8"), "html.parser"))
    for page in site.rglob("*.html"):
        if "_static" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in soup.find_all("img"):
            # empty alt only where the image is decorative: the logo next to its text, a card's thumbnail
            # next to the case's title (the case page has the figure with its alt text)
            decorative = {"logo__image", "koop-eintrag-bild"} & set(img.get("class", []))
            assert img.get("alt") is not None and (img["alt"].strip() or decorative), (page, img)
        for script in soup.find_all("script"):
            src = script.get("src", "")
            assert not src or "_static/" in src or src.startswith("_pagefind/"), (page, script)
        assert inline_scripts(soup) <= theme_inline | {"S"}, page
        assert unsafe_markup(page) == [], page
