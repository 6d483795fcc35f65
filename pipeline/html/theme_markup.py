"""Fixes to the theme's markup, applied to every page as the handbook's builder renders it.

- Icons: the theme's `<i class="fa-solid …">` become inline SVG (`theme_icons`), so no icon script is loaded.
- The logo: the theme writes its `<img>` without a size; it gets the pixel size of the file (no layout shift).
"""

from __future__ import annotations

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


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _on_render)
