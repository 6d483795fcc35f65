"""The picture a shared link shows: one 1200×630 raster image per case (OpenGraph, Twitter card).

Facebook, X and LinkedIn show no SVG, and most first figures of the handbook are SVG diagrams. Each case
gets `_images/teilen/<kurzname>.png` (a photo: `.jpg`), made with Pillow from its first figure, or, without
one, from the cover of the first issue it is printed in: a photo fills the card, a diagram or cover is shown
whole on white; a strip in the city's colour runs along the bottom. SVG is rasterised by Typst (the fonts of
the koopBLATT, so the figure's text looks as in print). Cards are cached by content in the work area.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .. import glyphs, images
from ..model import Contribution
from ..outputs import work_dir, write_if_changed
from ..sphinx_ext import state

SIZE = (1200, 630)
MARGIN = 36  # px around a figure shown whole
STRIP = 14  # px, the city's colour along the bottom
FOLDER = "teilen"  # under the site's image folder
VERSION = 1  # part of the cache key: raise it when the card's layout changes
PHOTO = (".jpg", ".jpeg")


@dataclass(frozen=True)
class Card:
    path: str  # in the site
    alt: str
    mime: str


def _figure(app: Sphinx, doctree: nodes.document | None) -> tuple[Path, str] | None:
    """The case's first figure as (source file, alt text): the first photo or raster image, else the first one."""
    if doctree is None:
        return None
    found = []
    for figure in doctree.findall(nodes.figure):
        image = next(iter(figure.findall(nodes.image)), None)
        if image is None:
            continue
        candidates: dict[str, str] = image.get("candidates") or {}
        uri = str(candidates.get("*", image["uri"]))
        src = Path(app.srcdir) / uri
        if src.is_file():
            found.append((src, str(image.get("alt", ""))))
    return next((f for f in found if f[0].suffix.lower() != ".svg"), found[0] if found else None)


def source(app: Sphinx, c: Contribution, doctree: nodes.document | None) -> tuple[Path, str] | None:
    """What the card shows: the first figure, else the cover of the first issue that prints the case."""
    figure = _figure(app, doctree)
    if figure is not None:
        return figure
    for issue in state.project(app).issues_of(c.docname):
        if issue.cover.image is not None and issue.cover.image.is_file():
            return issue.cover.image, issue.cover.alt
    return None


def rasterise(src: Path, box: tuple[int, int], *, fill: str = "white") -> Any:
    """An SVG drawn by Typst to fit `box` (pixels), as a Pillow image (RGBA: `fill` may be "none")."""
    import typst
    from PIL import Image

    size = images.svg_size(src) or box
    scale = min(box[0] / size[0], box[1] / size[1])
    w, h = max(1, round(size[0] * scale)), max(1, round(size[1] * scale))
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(src, Path(tmp) / "bild.svg")
        main = Path(tmp) / "karte.typ"
        main.write_text(f'#set page(width: {w}pt, height: {h}pt, margin: 0pt, fill: {fill})\n'
                        f'#image("bild.svg", width: 100%, height: 100%, fit: "contain")\n', encoding="utf-8")
        png = typst.compile(str(main), root=tmp, format="png", ppi=72, font_paths=glyphs.font_paths())
    return Image.open(io.BytesIO(png)).convert("RGBA")


def render(src: Path, colour: str) -> tuple[bytes, str]:
    """The card's bytes and its file suffix."""
    from PIL import Image, ImageDraw, ImageOps

    width, height = SIZE[0], SIZE[1] - STRIP
    canvas = Image.new("RGB", SIZE, "white")
    photo = src.suffix.lower() in PHOTO
    if src.suffix.lower() == ".svg":
        figure = rasterise(src, (width - 2 * MARGIN, height - 2 * MARGIN)).convert("RGB")
    else:
        with Image.open(src) as opened:
            figure = ImageOps.exif_transpose(opened).convert("RGB")
    if photo:
        canvas.paste(ImageOps.fit(figure, (width, height), Image.Resampling.LANCZOS), (0, 0))
    else:
        figure = ImageOps.contain(figure, (width - 2 * MARGIN, height - 2 * MARGIN), Image.Resampling.LANCZOS)
        canvas.paste(figure, ((width - figure.width) // 2, (height - figure.height) // 2))
    ImageDraw.Draw(canvas).rectangle((0, SIZE[1] - STRIP, SIZE[0], SIZE[1]), fill=colour)
    out = io.BytesIO()
    if photo:
        canvas.save(out, "JPEG", quality=85, optimize=True, progressive=True)
        return out.getvalue(), ".jpg"
    canvas.save(out, "PNG", optimize=True)
    return out.getvalue(), ".png"


def card(app: Sphinx, c: Contribution, doctree: nodes.document | None) -> Card | None:
    """Write the case's share card into the site (made once per source and colour) and say where it is."""
    found = source(app, c, doctree)
    if found is None:
        return None
    src, alt = found
    colour = state.project(app).taxonomy.cities[c.stadt].colour
    key = hashlib.sha1(f"{VERSION}|{colour}|{images.content_digest(src)}".encode()).hexdigest()
    cache = work_dir(state.root_of(app.builder), "teilen")
    cached = next(iter(sorted(cache.glob(f"{key}.*"))), None) if cache.is_dir() else None
    if cached is None:
        data, suffix = render(src, colour)
        cached = cache / f"{key}{suffix}"
        write_if_changed(cached, data)
    builder: Any = app.builder
    path = f"{builder.imagedir}/{FOLDER}/{c.slug}{cached.suffix}"
    write_if_changed(Path(builder.outdir) / path, cached.read_bytes())
    return Card(path, alt, "image/jpeg" if cached.suffix == ".jpg" else "image/png")
