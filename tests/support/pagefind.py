"""The handbook's search (Pagefind) in the browser: what a reader expects it to find, and what it shows."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from pipeline.frontmatter import split
from pipeline.validate import validate_project

WORD = "Zwischennutzung"  # a word in cases of more than one city: the city filter has something to remove


def containing(demo_root: Path, city: str, word: str) -> list[str]:
    """Titles of the released cases of `city` whose text (title, subtitle, abstract, body) has a word
    starting with `word`'s stem, read from the sources: what a reader expects the search to find."""
    project = validate_project(demo_root)
    stem = re.compile(r"\b" + re.escape(word[:-3].lower()))  # Zwischennutzung → zwischennutz…
    titles = []
    for c in project.contributions.values():
        if c.stadt != city:
            continue
        _, _, body, _ = split((demo_root / "docs" / f"{c.docname}.md").read_text(encoding="utf-8"))
        text = " ".join([c.title, c.subtitle or "", c.abstract or "", body]).lower()
        if stem.search(text):
            titles.append(c.title)
    return sorted(titles)


def results(page: Page) -> list[str]:
    page.wait_for_selector(".pagefind-ui__message")
    page.wait_for_function("!document.querySelector('.pagefind-ui__message').innerText.includes('…')")
    page.wait_for_timeout(300)  # results render after the message
    return sorted(page.locator("h2.pagefind-ui__result-title").all_inner_texts())


def city_filter(page: Page, city: str) -> Locator:
    """The city's checkbox of the search filters, once it is shown. Should it not come, the failure says what
    the filter panel held (it failed twice in full test runs and never alone: the state is the clue)."""
    box = page.get_by_role("checkbox", name=re.compile(f"^{city}"))
    try:
        box.wait_for()
    except PlaywrightTimeout:
        state = page.evaluate("""() => ({
            panel: !!document.querySelector('.pagefind-ui__filter-panel'),
            blocks: [...document.querySelectorAll('.pagefind-ui__filter-block')].map(
                d => d.querySelector('summary').innerText + (d.open ? ' (offen)' : ' (zu)')),
            checkboxes: document.querySelectorAll('.pagefind-ui__filter-checkbox').length,
            drawer: document.querySelector('.pagefind-ui__drawer')?.className,
            message: document.querySelector('.pagefind-ui__message')?.innerText,
        })""")
        raise AssertionError(f"Filter „{city}“ nicht sichtbar: {state}") from None
    return box
