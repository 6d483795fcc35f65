"""Sphinx configuration of the koopstadt handbook (sources in docs/, built by `nox -s html`)."""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parent.resolve()
sys.path.insert(0, str(ROOT))  # `pipeline` also works uninstalled (e.g. plain sphinx-build)

from pipeline.body import MYST_EXTENSIONS  # noqa: E402
from pipeline.html import theme  # noqa: E402
from pipeline.outputs import build_time  # noqa: E402

project = "koopstadt"
author = "Gemeinsame Geschäftsstelle koopstadt"  # replaced by `name` of koopblatt/herausgeber.yml (html/legal.py)
_year = time.gmtime(build_time(datetime.date(2015, 6, 1))).tm_year  # SOURCE_DATE_EPOCH, as in every output
copyright = f"2007–{_year}, koopstadt – Stadtentwicklung Bremen, Leipzig, Nürnberg"
language = "de"
root_doc = "index"

extensions = [
    "myst_parser",
    "pipeline.sphinx_ext",
    "pipeline.html",
    "pipeline.html.sharing",
    "pipeline.html.legal",  # Impressum, Barrierefreiheit, Datenschutz, Leichte Sprache from koopblatt/herausgeber.yml
    "pipeline.typst.builder",
    "pipeline.typst.offprint",
    "pipeline.epub.builder",
    "pipeline.probe",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["**/bilder/*.md", "_build"]
myst_enable_extensions = sorted(MYST_EXTENSIONS)
myst_title_to_header = True
myst_heading_anchors = 3
myst_url_schemes = ["http", "https", "mailto"]
myst_footnote_transition = False
suppress_warnings: list[str] = []
nitpicky = False

koop_root = str(ROOT)
# The handbook's one public address: canonical links, citations, feed, sitemap, open data and the links
# from PDFs and e-books to the handbook are made from it (README: „Adresse des Handbuchs“)
html_baseurl = "https://www.koopstadt.de/handbuch/"
koop_handbook_url = html_baseurl
koop_downloads = ""  # set by `pipeline.cli html` (-D) to the folder of built PDFs/EPUBs

html_theme = "sphinx_book_theme"
html_title = "koopstadt – Handbuch"
html_short_title = "koopstadt"
html_static_path = [str(theme.STATIC)]
html_css_files = list(theme.CSS)
html_js_files = list(theme.JS)
templates_path = [str(theme.TEMPLATES)]  # fresh lists: the theme appends to them
html_theme_options = theme.options()  # a fresh dict: the theme mutates it
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_extra_path: list[str] = []  # set by `pipeline.cli html` (-D) to publish the downloads

epub_theme = "epub"
epub_show_urls = "no"
epub_use_index = False
epub_title = "koopstadt – Handbuch der Praxisfälle"
epub_publisher = "Gemeinsame Geschäftsstelle koopstadt, Stadt Leipzig"
epub_identifier = koop_handbook_url
epub_uid = "koopstadt"
