"""A case page printed (headless Chromium, print media): the article alone, addresses after external links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
WESTEN = "beitraege/leipzig/westen"
EXTERNAL = "https://www.leipzig.de/bauen-und-wohnen/"


def test_printed_case_page_is_the_article_with_link_addresses(project_copy: Callable[[str], Path],
                                                               page: Any) -> None:
    from pipeline.html.build import build_html

    root = project_copy("mini")
    source = root / f"docs/{WESTEN}.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "## Vorgehen", f"Mehr beim [Amt für Stadterneuerung]({EXTERNAL}).\n\n## Vorgehen"), encoding="utf-8")
    assert build_html(root).status == 0
    page.goto((root / f"build/html/{WESTEN}.html").as_uri())
    assert page.locator(".bd-sidebar-primary").is_visible()  # on screen: navigation is there
    page.emulate_media(media="print")
    for hidden in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".prev-next-area",
                   ".koop-zitieren-dateien", ".koop-verwandt", "#jb-print-docs-body"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("article h1").first.is_visible()
    assert page.locator(".koop-karte").is_visible() and page.locator(".koop-zitat").is_visible()
    after = page.locator(f'article a[href="{EXTERNAL}"]').evaluate(
        "a => getComputedStyle(a, '::after').content")
    assert EXTERNAL in after
    # the citation's address is its own text: not printed twice
    cited = page.locator(".koop-zitat a").evaluate("a => getComputedStyle(a, '::after').content")
    assert cited in ("none", "normal", "")
    # and Chromium prints it
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
