"""Fixes to the theme's markup, applied to every page as the handbook's builder renders it.

- Icons: the theme's `<i class="fa-solid …">` become inline SVG (`theme_icons`), so no icon script is loaded.
- The logo: the theme writes its `<img>` without a size; it gets the pixel size of the file (no layout shift).
- No second rendering of the navigation: pydata-sphinx-theme renders every template of a page's sections once to
  see whether it is empty, then again into the page. The handbook's navigation and its page buttons are never
  empty (the global table of contents, the site-wide buttons): their check is skipped (`NEVER_EMPTY`), as the
  theme does for its own navigation. At N = 200 that is ≈ 1.8 s of a full handbook build.
"""

from __future__ import annotations

import functools
import re
from functools import cache
from typing import Any

from sphinx.application import Sphinx

from .. import images
from . import theme, theme_icons

UNSIZED_STATIC = re.compile(r'<img src="(?P<src>[^"]*_static/(?P<name>[\w.-]+))"(?![^>]*\swidth=)')


@cache
def _size(name: str) -> tuple[int, int] | None:
    file = theme.STATIC / name
    if not file.is_file():
        return None
    if file.suffix.lower() == ".svg":
        return images.svg_size(file)
    from PIL import Image

    with Image.open(file) as im:
        return im.size


def _sized(match: re.Match[str]) -> str:
    size = _size(match["name"])
    return match[0] if size is None else f'{match[0]} width="{size[0]}" height="{size[1]}"'


def fix(page: str) -> str:
    """A rendered page with the theme's icons inline and its static images sized."""
    return UNSIZED_STATIC.sub(_sized, theme_icons.inline(page))


def _on_render(app: Sphinx) -> None:
    builder = app.builder
    if builder is None or builder.format != "html" or builder.name != "html":
        return  # the e-book chapters have neither the theme's icons nor its logo
    templates: Any = builder.templates
    render = templates.render

    def rendered(template: str, context: dict[str, Any]) -> str:
        return fix(render(template, context))

    templates.render = rendered


NEVER_EMPTY = ("sbt-sidebar-nav.html", "article-header-buttons.html")


def _skip_empty_checks() -> None:
    """Let pydata-sphinx-theme's empty check pass over `NEVER_EMPTY` (its helper takes a list of templates not to
    check; it passes only its own navigation). Where the helper is not there (another theme version), nothing
    changes; done once per process."""
    from pydata_sphinx_theme import utils

    check = getattr(utils, "_update_and_remove_templates", None)
    if check is None or getattr(check, "koop_never_empty", False):
        return

    @functools.wraps(check)
    def checked(app: Sphinx, context: dict[str, Any], templates: list[str] | str, section: str,
                templates_skip_empty_check: list[str] | None = None) -> list[str]:
        result: list[str] = check(app, context, templates, section, [*(templates_skip_empty_check or []),
                                                                       *NEVER_EMPTY])
        return result

    checked.koop_never_empty = True  # type: ignore[attr-defined]
    utils._update_and_remove_templates = checked


def setup(app: Sphinx) -> None:
    _skip_empty_checks()
    app.connect("builder-inited", _on_render)
