"""Store images pandoc extracted from a document as `<slug>-abb-<n>.<ext>` in a form the pipeline accepts."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

KEEP = {"PNG": ".png", "JPEG": ".jpg"}


@dataclass(frozen=True)
class Stored:
    name: str  # file name in the staging folder
    usable: bool  # PNG, JPG or SVG (else the original is kept for the editor to convert)
    source_format: str  # e.g. "PNG", "GIF", "EMF"
    converted: bool  # re-encoded to PNG


def _is_svg(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:4096].lower())


def store(src: Path, stem: str, staging: Path) -> Stored:
    """Copy PNG/JPG/SVG, convert other raster formats to PNG, keep the rest as they are."""
    data = src.read_bytes()
    if _is_svg(data):
        shutil.copyfile(src, staging / f"{stem}.svg")
        return Stored(f"{stem}.svg", True, "SVG", False)
    suffix = src.suffix.lower() or ".bin"
    try:
        with Image.open(src) as img:
            fmt = img.format or suffix.lstrip(".").upper()
            if fmt in KEEP:
                shutil.copyfile(src, staging / f"{stem}{KEEP[fmt]}")
                return Stored(f"{stem}{KEEP[fmt]}", True, fmt, False)
            img.load()
            converted = img.convert("RGBA" if "A" in img.getbands() or img.mode == "P" else "RGB")
            converted.save(staging / f"{stem}.png", "PNG")
            return Stored(f"{stem}.png", True, fmt, True)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        # EMF/WMF and friends: Pillow cannot render them here (nor an image too big to open: `check` names its
        # size); keep the original for the editor
        (staging / f"{stem}.png").unlink(missing_ok=True)
        name = f"{stem}{suffix}"
        shutil.copyfile(src, staging / name)
        return Stored(name, False, suffix.lstrip(".").upper(), False)
