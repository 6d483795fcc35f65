"""Favicons from the handbook's logo: `favicon.ico` (16, 32 px) and `apple-touch-icon.png` (180 px).

The logo (`static/koop-logo.svg`, the koopBLATT cover's three rings) is drawn by Typst and scaled with
Pillow; the files are made again only when the logo changes (cached by its content in the work area).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from sphinx.application import Sphinx

from ..outputs import work_dir, write_if_changed
from ..sphinx_ext import state
from . import sharecard, theme

LOGO = theme.STATIC / "koop-logo.svg"
ICO_SIZES = (16, 32)  # browsers show the SVG icon where they can; the ICO is the fallback
TOUCH = 180  # px, what iOS asks for
TOUCH_PADDING = 18  # px: iOS rounds the corners
VERSION = 1
FILES = ("favicon.ico", "apple-touch-icon.png")


def render(logo: Path) -> dict[str, bytes]:
    """The favicon files by name."""
    from PIL import Image

    big = sharecard.rasterise(logo, (512, 512), fill="none")
    ico = io.BytesIO()
    big.save(ico, "ICO", sizes=[(s, s) for s in ICO_SIZES])
    touch = Image.new("RGBA", (TOUCH, TOUCH), "white")
    inner = TOUCH - 2 * TOUCH_PADDING
    mark = big.resize((inner, inner), Image.Resampling.LANCZOS)
    touch.alpha_composite(mark, (TOUCH_PADDING, TOUCH_PADDING))
    png = io.BytesIO()
    touch.convert("RGB").save(png, "PNG", optimize=True)
    return {"favicon.ico": ico.getvalue(), "apple-touch-icon.png": png.getvalue()}


def write(outdir: Path, cache: Path) -> None:
    key = hashlib.sha1(f"{VERSION}|{ICO_SIZES}|{TOUCH}|{TOUCH_PADDING}|".encode() + LOGO.read_bytes()).hexdigest()[:16]
    cached = {name: cache / f"{key}-{name}" for name in FILES}
    if not all(p.is_file() for p in cached.values()):
        for name, data in render(LOGO).items():
            write_if_changed(cached[name], data)
    for name, path in cached.items():
        write_if_changed(outdir / name, path.read_bytes())


def _finished(app: Sphinx, exception: Exception | None) -> None:
    builder = app.builder
    if exception is None and builder is not None and builder.format == "html" and builder.name == "html":
        write(Path(builder.outdir), work_dir(state.root_of(builder), "favicon"))


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _finished)
