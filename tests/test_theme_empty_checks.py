"""pydata-sphinx-theme's empty check skips the handbook's navigation and page buttons (pipeline/html/theme_markup.py
`NEVER_EMPTY`): the pages are byte for byte those written with every check made, and the navigation is rendered
once per page, not twice."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sphinx.jinja2glue import BuiltinTemplateLoader
from support.projects import copy_project

from pipeline.html import theme_markup
from pipeline.html.build import build_html

pytestmark = pytest.mark.slow


def _built(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, bytes], Counter[str]]:
    rendered: Counter[str] = Counter()
    render = BuiltinTemplateLoader.render

    def counted(self: BuiltinTemplateLoader, template: str, context: dict[str, Any]) -> str:
        rendered[template] += 1
        return render(self, template, context)

    monkeypatch.setattr(BuiltinTemplateLoader, "render", counted)
    root = copy_project("mini", tmp_path / name)
    assert build_html(root).status == 0
    monkeypatch.setattr(BuiltinTemplateLoader, "render", render)
    site = root / "build/.work/html"
    pages = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}
    return pages, rendered


def test_pages_are_the_same_without_the_checks_the_navigation_is_rendered_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    skipped, few = _built(tmp_path, "ohne", monkeypatch)
    monkeypatch.setattr(theme_markup, "NEVER_EMPTY", ())
    checked, all_checks = _built(tmp_path, "mit", monkeypatch)
    assert len(skipped) > 10 and skipped == checked
    for template in ("sbt-sidebar-nav.html", "article-header-buttons.html"):
        assert few[template] == 0, template  # rendered only into the pages
        assert all_checks[template] >= len(skipped) - 3, template  # checked on (nearly) every page
