"""The handbook in a real browser (headless Chromium via Playwright) and axe-core accessibility checks.

Builds the bundled demo content (HTML, PDF, EPUB) once, serves it on localhost and looks at it as
a reader does. Screenshots go to the test artefacts (support/artefacts.py; `nox -s browser`: build/screenshots/).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from support.browser import Shot, axe_violations

from pipeline.html.legal import PAGES as LEGAL_PAGES
from pipeline.validate import validate_project

pytestmark = pytest.mark.browser


def test_start_page_shows_the_motto(page: Page, site: str, shot: Shot) -> None:
    page.goto(f"{site}/index.html")
    assert page.locator("article").get_by_text("Drei Städte; drei Wege; ein Ziel").first.is_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    shot(page, "start")


def test_navigation_to_city_field_and_family(page: Page, site: str, demo: Path, shot: Shot) -> None:
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


def test_matrix_links_land_on_the_right_cases(page: Page, site: str, demo: Path, shot: Shot) -> None:
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


def test_issue_page_downloads_resolve(page: Page, site: str, shot: Shot) -> None:
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
                                 "entdecken/stadt-bremen", "suche",
                                 *(f"rechtliches/{k}" for k in LEGAL_PAGES if k != "gebaerdensprache")])
def test_no_horizontal_overflow(browser: Browser, site: str, width: int, doc: str, shot: Shot) -> None:
    """Start, browse, matrix, case and search page at phone, tablet and desktop width (screenshots of each)."""
    pg = browser.new_page(viewport={"width": width, "height": 800}, locale="de-DE")
    try:
        pg.goto(f"{site}/{doc}.html" + ("?q=Zwischennutzung" if doc == "suche" else ""))
        if doc == "suche":
            pg.wait_for_selector(".pagefind-ui__result")
        scroll, client = pg.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{doc} bei {width}px: {scroll} > {client}"
        shot(pg, f"{doc.replace('/', '-')}-{width}")
        if width == 375:  # what scrolls inside the page on a phone must be reachable by keyboard, and so on
            assert axe_violations(pg) == []
    finally:
        pg.close()


@pytest.mark.parametrize("doc", ["index", "entdecken/index", "entdecken/stadt-leipzig", "entdecken/matrix",
                                 "beitraege/leipzig/leipziger-westen", "beitraege/bremen/zwischenzeitzentrale",
                                 "beitraege/nuernberg/pegnitztal", "ausgaben/koopblatt-3",
                                 *(f"rechtliches/{k}" for k in LEGAL_PAGES if k != "gebaerdensprache")])
def test_axe_finds_no_wcag_a_or_aa_violations(page: Page, site: str, doc: str) -> None:
    page.goto(f"{site}/{doc}.html")
    assert axe_violations(page) == []


def test_demo_site_links_images_and_scripts(demo: Path) -> None:
    """Every internal link and anchor resolves, every image has alt text, only the theme's own scripts."""
    import re

    from bs4 import BeautifulSoup
    from support.htmlutil import broken_links, unsafe_markup

    def inline_scripts(soup: BeautifulSoup) -> set[str]:
        """Inline script bodies with string literals normalised (page names differ per page); JSON-LD is data."""
        return {re.sub(r"'[^']*'|\"[^\"]*\"", "S", " ".join(s.get_text().split()))
                for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/ld+json"}

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


@pytest.mark.parametrize("doc", ["index", "entdecken/matrix", "beitraege/leipzig/leipziger-westen", "suche"])
def test_axe_in_dark_mode(browser: Browser, site: str, doc: str) -> None:
    """The theme follows the reader's dark preference: city labels, matrix shades and search stay AA there too."""
    pg = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE", color_scheme="dark")
    try:
        pg.goto(f"{site}/{doc}.html" + ("?q=Zwischennutzung" if doc == "suche" else ""))
        if doc == "suche":
            pg.wait_for_selector("h2.pagefind-ui__result-title")
        assert pg.evaluate("document.documentElement.dataset.theme") == "dark"
        assert axe_violations(pg) == []
    finally:
        pg.close()


def test_start_page_newest_cases_entry_points_and_current_issue(page: Page, site: str, demo: Path) -> None:
    """Cards of the newest cases (thumbnail = the case's first figure, city label, Art, title, abstract), entry
    points per city, Themenfeld and Projektfamilie, and the current koopBLATT with cover and downloads."""
    project = validate_project(demo)
    newest = sorted(project.contributions.values(), key=lambda c: (-c.date.toordinal(), c.title))[:6]
    page.goto(f"{site}/index.html")
    cards = page.locator("article .koop-kacheln .koop-eintrag")
    assert cards.locator(".koop-eintrag-titel").all_inner_texts() == [c.title for c in newest]
    for i, c in enumerate(newest):
        card = cards.nth(i)
        assert f"koop-stadt-{c.stadt}" in (card.get_attribute("class") or "")
        assert card.locator(".koop-stadtlabel").inner_text() == project.taxonomy.cities[c.stadt].label
        assert card.locator(".koop-art").inner_text() == project.taxonomy.kinds[c.art].label
        assert card.locator(".koop-eintrag-abstract").inner_text() == c.abstract
        first = project.reports[c.docname].facts.images
        if first:  # the thumbnail is the case's first figure, loaded and shown whole
            src = card.locator("img.koop-eintrag-bild").get_attribute("src") or ""
            assert src.rsplit("/", 1)[-1].split(".")[0].startswith(Path(first[0]).stem)
            assert card.locator("img.koop-eintrag-bild").evaluate("i => i.complete && i.naturalWidth > 0")
    # the whole card is the link: a click anywhere lands on the case
    box = cards.nth(0).locator(".koop-eintrag-abstract").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(f"**/{newest[0].docname}.html")
    page.go_back()
    for facet in ("stadt", "themenfeld", "projektfamilie"):
        assert page.locator(f"article ul.koop-facetten-{facet} li").count() > 1
    current = page.locator("article .koop-aktuell")
    assert current.locator("img.koop-umschlag").evaluate("i => i.complete && i.naturalWidth > 0")
    for link in current.locator("a.koop-download").all():
        assert page.request.get(f"{site}/{link.get_attribute('href')}").status == 200
    assert current.locator("a.koop-download").count() == 3


def test_matrix_cells_are_shaded_by_count_and_keep_the_number(page: Page, site: str) -> None:
    page.goto(f"{site}/entdecken/matrix.html")
    cells = page.locator("table.koop-matrix tbody tr:not(:last-child) td[class*='koop-stufe-']")
    assert cells.count() == 9  # three Themenfelder × three cities
    shades = {}
    for i in range(cells.count()):
        cell = cells.nth(i)
        n = int(cell.inner_text())
        shade = int(next(c for c in (cell.get_attribute("class") or "").split() if c.startswith("koop-stufe-"))[-1])
        shades.setdefault(n, set()).add((shade, cell.evaluate("c => getComputedStyle(c).backgroundColor")))
    assert all(len(v) == 1 for v in shades.values()), shades  # same count, same shade
    ordered = [next(iter(shades[n]))[0] for n in sorted(shades)]
    assert ordered == sorted(ordered) and len(set(ordered)) == len(ordered)  # more cases, darker
