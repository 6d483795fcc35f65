"""sphinx-book-theme options for the handbook (German UI, no remote assets, the koopBLATT's look)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from .. import messages as M

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
CSS = ["koop-fonts.css", "koop.css"]
JS = ["koop.js"]
# the faces every page shows above the fold (navigation and body text): loaded with the stylesheets, so the
# text is not set twice (no layout shift when the font arrives)
PRELOAD_FONTS = ("fira-sans-400.woff2", "libertinus-serif-400.woff2")

_OPTIONS: dict[str, Any] = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "max_navbar_depth": 2,
    "collapse_navbar": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "toc_title": "Auf dieser Seite",
    "show_toc_level": 2,
    # the koopBLATT cover's motif; the gap colour of the interlacing follows the page's background
    "logo": {"text": "koopstadt", "image_light": "_static/koop-logo.svg", "image_dark": "_static/koop-logo-dunkel.svg",
             "alt_text": ""},
    "extra_footer": f"<p>{M.LABELS['motto']} – Bremen, Leipzig, Nürnberg.</p>",
    "navigation_with_keys": False,
    "announcement": "",
    # one search field (templates/search-button-field.html) leading to the Pagefind page; no search dialog
    "disable_search": True,
}


def options() -> dict[str, Any]:
    """A deep copy: pydata-sphinx-theme mutates the dict, which broke incremental in-process builds."""
    return copy.deepcopy(_OPTIONS)
