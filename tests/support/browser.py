"""Accessibility checks in the browser: axe-core with the rule sets the accessibility statement names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from pipeline.legal import AXE_TAGS

WCAG = list(AXE_TAGS)  # the rule sets the accessibility statement names
Shot = Callable[[Page, str], None]  # conftest's `shot`: a full-page screenshot saved under a name


def axe_violations(page: Page) -> list[tuple[str, list[Any]]]:
    """axe-core with every rule tagged WCAG 2.0/2.1 A or AA, the experimental ones too (e.g.
    label-content-name-mismatch, which tag-based runs leave out)."""
    axe = Axe()
    page.evaluate(axe.axe_script)
    rules = page.evaluate(f"axe.getRules({WCAG!r}).map(r => r.ruleId)")
    assert "label-content-name-mismatch" in rules
    result = axe.run(page, options={"runOnly": {"type": "rule", "values": rules}})
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]
