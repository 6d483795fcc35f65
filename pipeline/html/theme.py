"""sphinx-book-theme options for the handbook (German UI, no remote assets)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

STATIC = Path(__file__).parent / "static"

_OPTIONS: dict[str, Any] = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "max_navbar_depth": 2,
    "collapse_navbar": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "toc_title": "Auf dieser Seite",
    "search_bar_text": "Handbuch durchsuchen …",
    "show_toc_level": 2,
    "logo": {"text": "koopstadt"},
    "extra_footer": "<p>Drei Städte; drei Wege; ein Ziel – Bremen, Leipzig, Nürnberg.</p>",
    "navigation_with_keys": False,
    "announcement": "",
}


def options() -> dict[str, Any]:
    """A deep copy: pydata-sphinx-theme mutates the dict, which broke incremental in-process builds."""
    return copy.deepcopy(_OPTIONS)
