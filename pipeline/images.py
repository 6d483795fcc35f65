"""Images sized for their medium: derivatives made with Pillow, cached by content in the work area.

Originals in docs/ stay untouched. A builder asks for a variant (a long edge for screens, a pixel
width for print); the derivative is named by the original's bytes and the variant's parameters
(`build/.work/bilder/<sha1>-<variant>.<ext>`), so it is made once, shared by every builder and
made again only when the original or the parameters change. JPEG stays JPEG (quality 82), PNG
stays PNG (optimised; no lossy surprise for diagrams and screenshots), SVG is used as it is.
EXIF orientation is applied and metadata (EXIF, XMP, comments, text chunks) is not carried over;
the colour profile is kept, but a CMYK photo becomes sRGB (`_srgb`).
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VERSION = 2  # part of every cache name: raise it when the way derivatives are made changes
SCREEN_EDGE = 1600  # px, long edge for the handbook and the e-books
JPEG_QUALITY = 82
PRINT_PPI = 450  # at the placed size; more only makes the PDF bigger (the printer needs 300)
RASTER = frozenset({".png", ".jpg", ".jpeg"})
ORIENTATION = 0x0112  # EXIF tag
_SWAPPED = frozenset({5, 6, 7, 8})  # orientations that turn the stored image by 90°


@dataclass(frozen=True)
class Variant:
    """How big a derivative may be: a long edge, a width, or both (pixels, after orientation)."""

    name: str
    long_edge: int | None = None
    width: int | None = None

    @property
    def key(self) -> str:
        parts = [self.name, f"e{self.long_edge}" if self.long_edge else "", f"w{self.width}" if self.width else ""]
        return "".join(parts) + f"q{JPEG_QUALITY}v{VERSION}"

    def box(self, size: tuple[int, int]) -> tuple[int, int]:
        """The largest (width, height) allowed for an image of `size` (as it will be shown)."""
        w, h = size
        scale = 1.0
        if self.long_edge:
            scale = min(scale, self.long_edge / max(w, h))
        if self.width:
            scale = min(scale, self.width / w)
        return (max(1, round(w * scale)), max(1, round(h * scale))) if scale < 1 else (w, h)


SCREEN = Variant("web", long_edge=SCREEN_EDGE)


def for_print(width_mm: float) -> Variant:
    """The print variant for an image placed `width_mm` wide: PRINT_PPI at that size."""
    return Variant("druck", width=math.ceil(PRINT_PPI * width_mm / 25.4))


@dataclass(frozen=True)
class Derived:
    path: Path  # the derivative (or the original: SVG, or a file Pillow cannot process)
    size: tuple[int, int] | None  # its pixel size; None for SVG


_digests: dict[tuple[str, int, int], str] = {}


def content_digest(src: Path) -> str:
    """sha1 of a file's bytes, remembered per (path, mtime, size) for this process."""
    st = src.stat()
    key = (str(src), st.st_mtime_ns, st.st_size)
    if key not in _digests:
        _digests[key] = hashlib.sha1(src.read_bytes()).hexdigest()
    return _digests[key]


def derive(src: Path, cache: Path, variant: Variant) -> Derived:
    """The derivative of `src` for `variant`, made now or taken from `cache`.

    Never raises for a bad image: `check` reports those (image_unreadable, image_pixels); here the
    original is used as it is, as before derivatives existed."""
    suffix = src.suffix.lower()
    if suffix not in RASTER:
        return Derived(src, None)
    from PIL import Image

    try:
        target = cache / f"{content_digest(src)}-{variant.key}{'.jpg' if suffix != '.png' else '.png'}"
        if target.is_file():
            with Image.open(target) as im:
                return Derived(target, im.size)
        data, size = _make(src, variant, png=suffix == ".png")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return Derived(src, None)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)  # builders in parallel processes see a whole file or none
    return Derived(target, size)


def _srgb(im: Any, icc: bytes | None) -> Any:
    """A CMYK image in sRGB: through its own colour profile where it has one (as a photographer's or printer's
    file does), else by Pillow's plain conversion. PDF/A (the screen PDF) and browsers want RGB; the print PDF is
    made of the same layout (`typst.print_version`)."""
    from PIL import ImageCms

    if icc:
        try:
            return ImageCms.profileToProfile(im, ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                                             ImageCms.createProfile("sRGB"), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    return im.convert("RGB")


_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def svg_size(src: Path) -> tuple[int, int] | None:
    """The intrinsic size of an SVG in CSS pixels: its width and height in px (or unitless), else its viewBox;
    None when it has neither or cannot be read (`check` reports unreadable images)."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.parse(src).getroot()
    except (OSError, ET.ParseError):
        return None
    width, height = (_LENGTH.match(root.get(a, "")) for a in ("width", "height"))
    if width and height:
        size = round(float(width[1])), round(float(height[1]))
        return size if min(size) > 0 else None  # (a drawing a fraction of a pixel wide: no size to scale by)
    box = re.split(r"[\s,]+", root.get("viewBox", "").strip())
    try:
        w, h = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        return None
    return (round(w), round(h)) if w > 0 and h > 0 else None


def _make(src: Path, variant: Variant, *, png: bool) -> tuple[bytes, tuple[int, int]]:
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)  # `check` refuses these; do not decode
        opened = Image.open(src)
    with opened:
        im: Image.Image = opened
        orientation = im.getexif().get(ORIENTATION, 1)
        swapped = orientation in _SWAPPED
        shown = (im.height, im.width) if swapped else im.size
        box = variant.box(shown)
        changed = orientation != 1
        if box != shown:
            if png and im.mode in ("P", "1"):  # resample colours, not palette indices
                im = im.convert("RGBA" if "transparency" in im.info else "RGB") if im.mode == "P" else im.convert("L")
            # thumbnail() lets the JPEG decoder scale down while decoding: fast for camera-sized photos
            im.thumbnail((box[1], box[0]) if swapped else box, Image.Resampling.LANCZOS)
            changed = True
        if orientation != 1:
            im = ImageOps.exif_transpose(im)
        icc = im.info.get("icc_profile")
        if im.mode == "CMYK":  # a photo for print: the outputs are one layout in screen colours (sRGB)
            im, icc, changed = _srgb(im, icc), None, True
        out = io.BytesIO()
        extra = {"icc_profile": icc} if icc else {}
        if png:  # a palette's transparency is carried over by Pillow itself
            im.save(out, "PNG", optimize=True, **extra)
        elif changed:
            im.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, comment=b"", **extra)
        else:  # already small enough: same quantisation, no second generation of JPEG loss, metadata dropped
            im.save(out, "JPEG", quality="keep", subsampling="keep", optimize=True, comment=b"", **extra)
        return out.getvalue(), im.size
