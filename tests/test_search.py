"""The handbook's search (Pagefind): what the index contains, the filters from the front matter, and the
search page in a real browser (a filtered search, keyboard only, axe-core with results open)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect
from support.browser import Shot, axe_violations
from support.pagefind import WORD, city_filter, containing, results

from pipeline.html import search
from pipeline.html.build import build_html
from pipeline.validate import validate_project


def _filters(html: Path) -> dict[str, list[str]]:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    out: dict[str, list[str]] = {}
    for span in soup.select("[data-pagefind-body] [data-pagefind-filter]"):
        out.setdefault(span["data-pagefind-filter"], []).append(span.get_text())
    return out


def test_case_pages_carry_their_front_matter_as_filters_and_nothing_else_is_indexed(
        project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    site_dir = root / "build" / "html"
    assert _filters(site_dir / "beitraege/leipzig/westen.html") == {
        "Stadt": ["Leipzig"], "Themenfeld": ["Ökonomische Innovation, kreative Milieus und Beteiligung"],
        "Projektfamilie": ["Kreative Raumeroberung", "Zwischennutzung als Normalfall der Stadtentwicklung"],
        "Aufgabe": ["Zusammenhang Quartier – Stadt"], "Art": ["Praxisfall"], "Jahr": ["2014"]}
    # browse, info and issue pages are not indexed; Sphinx's own search is gone
    for page_ in ("index.html", "entdecken/stadt-leipzig.html", "ausgaben/koopblatt-1.html", "suche.html"):
        assert "data-pagefind-body" not in (site_dir / page_).read_text(encoding="utf-8"), page_
    assert not (site_dir / "searchindex.js").exists() and not (site_dir / "search.html").exists()
    assert (site_dir / search.BUNDLE / "pagefind-ui.js").is_file()
    entry = json.loads((site_dir / search.BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"de"}  # German stemming
    assert entry["languages"]["de"]["page_count"] == len(validate_project(root).contributions)


def test_unchanged_handbook_is_not_indexed_again_and_a_changed_one_is(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    bundle = root / "build" / "html" / search.BUNDLE
    entry = (bundle / "pagefind-entry.json").stat().st_mtime_ns
    assert build_html(root).status == 0
    assert (bundle / "pagefind-entry.json").stat().st_mtime_ns == entry
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8").replace("## Vorgehen", "Ein Wort: Quartiersgarage.\n\n"
                                                                                 "## Vorgehen"), encoding="utf-8")
    assert build_html(root).status == 0
    assert (bundle / "pagefind-entry.json").stat().st_mtime_ns != entry


def test_a_failing_indexer_keeps_the_last_good_handbook(project_copy: Callable[[str], Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    good = (root / "build/html/beitraege/leipzig/westen.html").read_bytes()
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8").replace("## Vorgehen", "Neu.\n\n## Vorgehen"),
                      encoding="utf-8")
    monkeypatch.setattr(search, "_binary", lambda: "/nonexistent/pagefind")
    result = build_html(root)
    assert result.status == 1
    [problem] = [d for d in result.findings if d.code == "search_index"]
    assert problem.is_error and problem.message.startswith("Der Suchindex des Handbuchs ließ sich nicht erzeugen")
    assert problem.hint
    assert (root / "build/html/beitraege/leipzig/westen.html").read_bytes() == good


# -- in the browser -------------------------------------------------------------------------------
@pytest.mark.browser
def test_search_filtered_to_leipzig_returns_exactly_the_leipzig_cases_with_the_word(
        page: Page, site: str, demo: Path, shot: Shot) -> None:
    expected = containing(demo, "leipzig", WORD)
    everywhere = [t for c in ("bremen", "leipzig", "nuernberg") for t in containing(demo, c, WORD)]
    assert expected and len(everywhere) > len(expected)  # the filter has something to remove
    page.goto(f"{site}/suche.html?q={WORD}")
    assert results(page) == sorted(everywhere)
    city_filter(page, "Leipzig").check()
    expect(page.locator(".pagefind-ui__message")).to_contain_text(f"{len(expected)} ")
    assert results(page) == expected
    # highlighted excerpts
    assert page.locator(".pagefind-ui__result-excerpt mark").first.inner_text().lower().startswith("zwischennutz")
    shot(page, "suche-leipzig")
    assert axe_violations(page) == []


@pytest.mark.browser
def test_filter_from_the_address(page: Page, site: str, demo: Path) -> None:
    page.goto(f"{site}/suche.html?q={WORD}&stadt=Leipzig")
    assert results(page) == containing(demo, "leipzig", WORD)
    # Every filter group is offered (a search started before Pagefind had loaded all filter chunks showed
    # only the groups loaded by then, and kept them).
    names = json.loads(page.locator("#koop-suche").get_attribute("data-koop-filters") or "{}").values()
    assert sorted(page.locator(".pagefind-ui__filter-name").all_inner_texts()) == sorted(names)


def _tab_to(page: Page, matches: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches the JS predicate `matches` (given `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({matches}); }})()"):
            return
    raise AssertionError(f"nicht per Tastatur erreichbar: {matches}")


@pytest.mark.browser
def test_keyboard_only_start_page_to_filter_to_case_to_download(page: Page, site: str, demo: Path) -> None:
    page.goto(f"{site}/index.html")
    _tab_to(page, "el.id === 'koop-suche-q'")  # the one search field
    page.keyboard.type(WORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche.html?q=*")
    results(page)
    city_filter(page, "Leipzig")  # the filters arrive with the index
    _tab_to(page, "el.type === 'checkbox' && el.labels[0]?.innerText.startsWith('Leipzig')")
    page.keyboard.press("Space")
    expected = containing(demo, "leipzig", WORD)
    expect(page.locator(".pagefind-ui__message")).to_contain_text(f"{len(expected)} ")
    _tab_to(page, "el.matches('.pagefind-ui__result-link')")
    title = page.evaluate("document.activeElement.innerText")
    assert title in expected
    page.keyboard.press("Enter")
    page.wait_for_url("**/beitraege/leipzig/*.html")
    assert page.locator("article h1").inner_text().startswith(title)
    _tab_to(page, "el.closest('.koop-karte') && el.innerText.startsWith('koopBLATT No.')")  # „Erschienen in“
    page.keyboard.press("Enter")
    page.wait_for_url("**/ausgaben/koopblatt-*.html")
    _tab_to(page, "el.matches('a.koop-download')")
    href = page.evaluate("document.activeElement.href")
    response = page.request.get(href)
    assert response.status == 200 and response.headers["content-type"] in ("application/pdf", "application/epub+zip")


@pytest.mark.browser
def test_opened_from_a_file_the_search_page_says_why_it_cannot_search(page: Page, demo: Path) -> None:
    page.goto((demo / "build" / "html" / "suche.html").as_uri())
    note = page.locator("#koop-suche-fehlt")
    expect(note).to_be_visible()
    assert "Webserver" in note.inner_text()
