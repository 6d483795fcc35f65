"""The theme's stylesheets as one file with only the rules the handbook's pages can use.

pydata-sphinx-theme ships 376 KB of CSS (Bootstrap, all of Font Awesome's class names, styles for
components the handbook never shows) on every page; Lighthouse counted 375 KB of it unused. After the
pages are written, the build collects every class, id and element name in them and every word of the
theme's scripts (which add classes such as `show` or `pst-squeeze` at run time) and keeps a rule when one
of its selectors names only known classes, ids and elements, the way PurgeCSS does. Attribute selectors,
pseudo-classes and at-rules other than grouping ones are kept as they are. Sphinx's `basic.css`, the
theme's, the book theme's and the Pygments stylesheet become `_static/styles/koop-thema.css`, in the order
the theme linked them; the handbook's own stylesheets follow unchanged.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..outputs import work_dir, write_if_changed
from ..sphinx_ext import state
from . import theme

BUNDLE = "styles/koop-thema.css"
# in cascade order, relative to _static/ (theme.css only @imports basic.css)
SOURCES = ("basic.css", "styles/pydata-sphinx-theme.css", "pygments.css", "styles/sphinx-book-theme.css")
LINKED = frozenset({"pygments.css", "styles/sphinx-book-theme.css"})  # Sphinx links these itself
UNUSED_SCRIPTS = frozenset({"fontawesome.js"})  # never loaded (pipeline/html/theme_icons.py)
VERSION = 1  # part of the cache key: raise it when the purge changes
GROUPING = frozenset({"media", "supports", "layer", "container", "document"})

_CLASS = re.compile(r'\sclass="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass(frozen=True)
class Names:
    """What a page or script can put in the document: classes and ids."""

    classes: frozenset[str]
    ids: frozenset[str]


def collect(pages: list[str], scripts: list[str]) -> Names:
    classes: set[str] = set()
    ids: set[str] = set()
    for page in pages:
        for value in _CLASS.findall(page):
            classes.update(value.split())
        ids.update(_ID.findall(page))
    words = {w for script in scripts for w in _WORD.findall(script)}
    return Names(frozenset(classes | words), frozenset(ids | words))


# -- a small CSS reader: statements of a stylesheet, strings and comments respected ------------------------


_NEXT = re.compile(r"""[{};"']|/\*""")  # what ends or opens something in a stylesheet
_NEXT_IN_BLOCK = re.compile(r"""[{}"']|/\*""")


def _skip(css: str, i: int) -> int:
    """The index after a string or comment starting at i (i itself when there is none)."""
    if css.startswith("/*", i):
        end = css.find("*/", i + 2)
        return len(css) if end < 0 else end + 2
    if css[i] in "\"'":
        quote, j = css[i], i + 1
        while j < len(css) and css[j] != quote:
            j += 2 if css[j] == "\\" else 1
        return j + 1
    return i


def _block_end(css: str, i: int) -> int:
    """The index after the `}` that closes the block opened just before i."""
    depth = 1
    while depth:
        m = _NEXT_IN_BLOCK.search(css, i)
        if m is None:
            return len(css)
        k = m.start()
        if css[k] in "{}":
            depth += 1 if css[k] == "{" else -1
            i = k + 1
        else:
            i = _skip(css, k)
    return i


def statements(css: str) -> Iterator[tuple[str, str | None]]:
    """(prelude, block) of each top-level statement; block is None for `@import …;`-like statements."""
    i = start = 0
    while True:
        m = _NEXT.search(css, i)
        if m is None:
            return
        k = m.start()
        c = css[k]
        if c == ";":
            if css[start:k].strip():
                yield css[start:k].strip() + ";", None
            i = start = k + 1
        elif c == "{":
            end = _block_end(css, k + 1)
            yield css[start:k].strip(), css[k + 1:end - 1]
            i = start = end
        elif c == "}":  # stray closing brace: browsers ignore it
            i = start = k + 1
        else:
            j = _skip(css, k)
            if css.startswith("/*!", k):  # licence comments stay
                yield css[k:j], None
                start = j
            elif css.startswith("/*", k) and not css[start:k].strip():
                start = j
            i = j


def _split(selectors: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(selectors):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(selectors[start:i])
            start = i + 1
    parts.append(selectors[start:])
    return [p.strip() for p in parts if p.strip()]


def _strip_functions(selector: str) -> str:
    """Without the arguments of functional pseudo-classes (`:not(.x)`, `:is(…)`) and attribute selectors."""
    out, depth = [], 0
    for c in selector:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0:
            out.append(c)
    return "".join(out)


_SIMPLE = re.compile(r"(?P<kind>[.#]|::?)?(?P<name>-?(?:[_a-zA-Z]|\\.)(?:[\w-]|\\.)*)|\*")


def may_match(selector: str, names: Names) -> bool:
    """False only when the selector names a class or id no page has. Element names are not checked: the
    search page's markup is made by Pagefind's script (fieldset, legend, details …), which the build does
    not read, and element rules are few."""
    for m in _SIMPLE.finditer(_strip_functions(selector)):
        kind, name = m["kind"], m["name"]
        if name is None or kind not in (".", "#"):
            continue
        name = re.sub(r"\\(.)", r"\1", name)
        if name not in (names.classes if kind == "." else names.ids):
            return False
    return True


def purge(css: str, names: Names) -> str:
    """The rules of `css` that may apply to a document with `names`."""
    out: list[str] = []
    for prelude, block in statements(css):
        if block is None:
            out.append(prelude)
        elif prelude.startswith("@"):
            keyword = re.match(r"@([\w-]+)", prelude)
            if keyword is not None and keyword[1].lower() in GROUPING:
                inner = purge(block, names)
                if inner:
                    out.append(f"{prelude}{{{inner}}}")
            else:
                out.append(f"{prelude}{{{block}}}")
        else:
            kept = [s for s in _split(prelude) if may_match(s, names)]
            if kept:
                out.append(f"{','.join(kept)}{{{block}}}")
    return "\n".join(out)


def _rebase(css: str, source: str, target: str) -> str:
    """Relative url()s of a stylesheet at `source` rewritten for one at `target` (both relative to _static)."""

    def move(m: re.Match[str]) -> str:
        url = m[2]
        if re.match(r"^(?:[a-z]+:|/|#)", url):
            return m[0]
        moved = posixpath.relpath(posixpath.join(posixpath.dirname(source), url), posixpath.dirname(target) or ".")
        return f'url("{moved}")'

    return _URL.sub(move, css)


def bundle(outdir: Path, cache: Path | None = None) -> str:
    """The purged theme stylesheet for the pages in `outdir` (kept in `cache` by its inputs: reading the
    theme's 400 KB is the slow part, and the pages' classes rarely change)."""
    static = outdir / "_static"
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in outdir.rglob("*.html")
             if "_static" not in p.relative_to(outdir).parts]
    scripts = [p.read_text(encoding="utf-8", errors="replace") for p in static.rglob("*.js")
               if p.name not in UNUSED_SCRIPTS]
    names = collect(pages, scripts)
    sources = {source: (static / source).read_text(encoding="utf-8") for source in SOURCES
               if (static / source).is_file()}
    key = hashlib.sha1(json.dumps([VERSION, sorted(names.classes), sorted(names.ids), sources]).encode()).hexdigest()
    cached = cache / f"{key}.css" if cache is not None else None
    if cached is not None and cached.is_file():
        return cached.read_text(encoding="utf-8")
    parts = []
    for source, css in sources.items():
        css = re.sub(r"/\*#\s*sourceMappingURL=[^*]*\*/", "", css)
        parts.append(f"/* {source} */\n" + purge(_rebase(css, source, BUNDLE), names))
    text = "\n".join(parts) + "\n"
    if cached is not None:
        for old in cached.parent.glob("*.css"):  # one entry: the pages' classes changed, the old one is done
            old.unlink()
        write_if_changed(cached, text.encode("utf-8"))
    return text


def _handbook_html(app: Sphinx) -> bool:
    """The handbook's pages (also the preview's), not the e-book chapters."""
    return app.builder is not None and app.builder.format == "html" and app.builder.name == "html"


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if not _handbook_html(app):
        return
    context["koop_theme_css"] = BUNDLE
    context["koop_preload_fonts"] = list(theme.PRELOAD_FONTS)
    context["css_files"] = [c for c in context.get("css_files", [])
                            if str(getattr(c, "filename", c)).removeprefix("_static/") not in LINKED]
    # the theme's and Sphinx's scripts wait for the page (no render blocking); documentation_options.js stays
    # in order before the inline scripts that use it
    scripts = []
    for js in context.get("script_files", []):
        name = str(getattr(js, "filename", "") or "")
        attributes: dict[str, str] = getattr(js, "attributes", {})
        if name.endswith(".js") and not name.endswith("documentation_options.js") and "async" not in attributes:
            js = type(js)(js.filename, priority=js.priority, **{**attributes, "defer": "defer"})
        scripts.append(js)
    context["script_files"] = scripts


def _finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and _handbook_html(app):
        assert app.builder is not None
        outdir = Path(app.builder.outdir)
        cache = work_dir(state.root_of(app.builder), "theme-css")
        write_if_changed(outdir / "_static" / BUNDLE, bundle(outdir, cache).encode("utf-8"))


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
    # late: pydata-sphinx-theme rewrites pygments.css (light and dark styles) in its own build-finished handler
    app.connect("build-finished", _finished, priority=900)
