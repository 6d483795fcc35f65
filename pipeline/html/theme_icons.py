"""The theme's Font Awesome icons as inline SVG, written into the pages by the build (no icon script).

pydata-sphinx-theme writes icons as `<i class="fa-solid fa-bars"></i>` and ships `fontawesome.js`
(1.56 MB on every page) to turn them into SVG in the browser. The handbook does that replacement once,
when a page is written (`theme_markup`), from `theme_icons.json`: the few Font Awesome Free solid icons
the theme uses (CC BY 4.0, © Fonticons, Inc.), carved out of the theme's own `fontawesome.js` by the maintainer script
`python -m pipeline.html.theme_icons`. An icon not in the file stays an `<i>`: the theme's stylesheet still
draws it with its web font, so nothing disappears when a theme update brings a new one.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "theme_icons.json"
# every icon pydata-sphinx-theme and sphinx-book-theme write in their templates and Python
NAMES = ("angle-left", "angle-right", "arrow-up", "bars", "chevron-down", "circle-half-stroke", "list", "moon",
         "sun", "magnifying-glass", "house", "pencil", "file-lines", "outdent", "xmark", "download", "expand",
         "compress")
ALIASES = {"home": "house", "search": "magnifying-glass", "times": "xmark", "close": "xmark"}
FAMILIES = frozenset({"fa-solid", "fas", "fa"})
# an element the theme renders as an icon: <i …class="… fa-solid fa-NAME …" …></i> (also <span>), empty
ICON = re.compile(r'<(?P<tag>i|span)(?P<before>(?:\s+[\w:-]+="[^"]*")*?)\s+class="(?P<classes>[^"]*)"'
                  r'(?P<after>(?:\s+[\w:-]+="[^"]*")*)\s*>\s*</(?P=tag)>')
ATTRIBUTE = re.compile(r'\s+([\w:-]+)="([^"]*)"')


@cache
def icons() -> dict[str, tuple[int, int, str]]:
    """Icon name → (width, height, SVG path) of the vendored icons."""
    data = json.loads(DATA.read_text(encoding="utf-8"))["icons"]
    return {name: (int(w), int(h), str(path)) for name, (w, h, path) in data.items()}


def _svg(match: re.Match[str]) -> str:
    classes = match["classes"].split()
    if not FAMILIES.intersection(classes):
        return match[0]
    named = [c[3:] for c in classes if c.startswith("fa-") and c not in FAMILIES]
    found = next(((n, icons()[ALIASES.get(n, n)]) for n in named if ALIASES.get(n, n) in icons()), None)
    if found is None:
        return match[0]
    name, (width, height, path) = found
    attributes = dict(ATTRIBUTE.findall(match["before"] + match["after"]))
    # the icon is decoration: its control carries the name (a <title> made it differ from the visible label,
    # axe: label-content-name-mismatch)
    attributes.pop("title", None)
    attributes.pop("aria-hidden", None)
    kept = [c for c in classes if c not in FAMILIES]
    # the classes fontawesome.js gives its SVG: `svg-inline--fa`, the icon's and every other class of the <i>
    attrs = "".join(f' {k}="{v}"' for k, v in attributes.items())
    return (f'<svg class="svg-inline--fa {" ".join(kept)}"{attrs} data-icon="{html.escape(name)}" aria-hidden="true" '
            f'focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
            f'<path fill="currentColor" d="{path}"/></svg>')


def inline(page: str) -> str:
    """The page with every known theme icon as inline SVG."""
    return ICON.sub(_svg, page) if "fa-" in page else page


def _solid_pack(script: str) -> dict[str, tuple[int, int, str]]:
    """The solid icons defined in fontawesome.js: `var b={name:[w,h,[aliases],"unicode","path"],…}` before
    `p("fas",b)`."""
    registered = re.search(r'\(\s*"fas"\s*,\s*(\w+)\s*\)', script)
    if registered is None:
        raise SystemExit("fontawesome.js: no solid icon pack found")
    start = script.rfind(f"var {registered[1]}={{", 0, registered.start())
    body = script[start:registered.start()]
    entry = re.compile(r'[{,]"?([\w-]+)"?:\[(\d+),(\d+),\[[^\]]*\],"[^"]*","([^"]+)"\]')
    return {m[1]: (int(m[2]), int(m[3]), m[4]) for m in entry.finditer(body)}


def main() -> None:
    import pydata_sphinx_theme

    script = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts"
    pack = _solid_pack((script / "fontawesome.js").read_text(encoding="utf-8"))
    missing = [n for n in NAMES if n not in pack]
    if missing:
        raise SystemExit(f"fontawesome.js has no solid icon {', '.join(missing)}")
    data = {"licence": "Font Awesome Free solid icons, CC BY 4.0, (c) Fonticons, Inc. "
                       "(https://fontawesome.com/license/free); taken from pydata-sphinx-theme's fontawesome.js "
                       "by pipeline/html/theme_icons.py",
            "icons": {n: list(pack[n]) for n in NAMES}}
    DATA.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
