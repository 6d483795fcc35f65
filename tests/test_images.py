"""A camera-sized photo in a contribution: every output gets a copy sized for its medium, the original stays."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from support.pdfutil import placed_images
from support.projects import copy_project
from support.reproducible import epoch

from pipeline.cli import main

pytestmark = pytest.mark.slow  # every test reads a full build

PHOTO = "docs/beitraege/leipzig/bilder/foto.jpg"
FIGURE = (":::{figure} bilder/foto.jpg\n:alt: Straßenansicht mit Gründerzeithäusern.\n\n"
          "Die Georg-Schwarz-Straße im Sommer.\n:::\n\n")
PRINT_PPI, TEXT_WIDTH_MM = 450, 180


def camera_photo(path: Path) -> None:
    """6000 × 4000 pixels of noise (nothing for JPEG to squeeze), stored on its side with EXIF orientation 6
    („turn 90° to show“) and camera metadata, as phones do."""
    noise = Image.effect_noise((6000, 4000), 70)
    photo = Image.merge("RGB", [noise, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                                noise.transpose(Image.Transpose.ROTATE_180)])
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "Testkamera"  # Make
    photo.save(path, quality=90, exif=exif, comment=b"Standort: Leipzig")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, dict[str, int]]:
    """The mini project with the photo in its first contribution, built in every format (and built again).

    Returns the project, the photo's bytes before the build, and the derivatives' mtimes after the first build."""
    root = copy_project("mini", tmp_path_factory.mktemp("foto"))
    camera_photo(root / PHOTO)
    source = root / "docs/beitraege/leipzig/westen.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("## Vorgehen\n", FIGURE + "## Vorgehen\n", 1), encoding="utf-8")
    original = (root / PHOTO).read_bytes()
    with epoch():
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            assert main(["--root", str(root), "build"]) == 0, err.getvalue()
        first = {p.name: p.stat().st_mtime_ns for p in (root / "build/.work/bilder").iterdir()}
        (root / "docs/beitraege/bremen/zwischen.md").touch()  # the next build has something to do
        with contextlib.redirect_stderr(err):
            assert main(["--root", str(root), "build"]) == 0, err.getvalue()
    return root, original, first


def test_the_original_stays_untouched(built: tuple[Path, bytes, dict[str, int]]) -> None:
    root, original, _ = built
    assert (root / PHOTO).read_bytes() == original


def test_a_second_build_reuses_the_derivatives(built: tuple[Path, bytes, dict[str, int]]) -> None:
    root, _, first = built
    assert len(first) == 2, first  # one for screens (HTML and EPUB share it), one for print
    assert {p.name: p.stat().st_mtime_ns for p in (root / "build/.work/bilder").iterdir()} == first


def test_the_handbook_shows_a_screen_sized_upright_photo(built: tuple[Path, bytes, dict[str, int]]) -> None:
    root, original, _ = built
    file = root / "build/html/_images/foto.jpg"
    with Image.open(file) as im:
        assert im.size == (1067, 1600)  # turned upright, long edge 1600
        assert im.format == "JPEG"
        assert not im.getexif() and "comment" not in im.info  # no camera data, no location published
    assert file.stat().st_size < len(original) / 10
    html = (root / "build/html/beitraege/leipzig/westen.html").read_text(encoding="utf-8")
    img = re.search(r'<img [^>]*src="[./]*_images/foto\.jpg"[^>]*>', html)
    assert img, html
    for attribute in ('width="1067"', 'height="1600"', 'loading="lazy"', 'alt="Straßenansicht'):
        assert attribute in img.group(0)


def test_the_ebooks_carry_the_screen_sized_photo(built: tuple[Path, bytes, dict[str, int]]) -> None:
    """Both books were published, so epubcheck passed (the build runs it)."""
    root, original, _ = built
    for book in ("koopblatt-1.epub", "handbuch.epub"):
        with zipfile.ZipFile(root / "build/epub" / book) as zf:
            name = next(n for n in zf.namelist() if n.endswith("foto.jpg"))
            data = zf.read(name)
            opf = zf.read("content.opf").decode("utf-8")
            chapter = zf.read("beitraege/leipzig/westen.xhtml").decode("utf-8")
        with Image.open(io.BytesIO(data)) as im:
            assert max(im.size) <= 1600
        assert len(data) < len(original) / 10
        assert re.search(rf'href="{re.escape(name)}" media-type="image/jpeg"', opf), opf
        assert 'width="1067" height="1600"' in chapter or ('width="1067"' in chapter and 'height="1600"' in chapter)
        assert "loading=" not in chapter  # not part of EPUB 3's XHTML


def test_the_pdfs_embed_the_photo_at_print_resolution(built: tuple[Path, bytes, dict[str, int]]) -> None:
    root, original, _ = built
    for name in ("koopblatt-1.pdf", "koopblatt-1-druck.pdf"):
        pdf_file = root / "build/pdf" / name
        assert pdf_file.stat().st_size < len(original) / 3
        photos = placed_images(pdf_file, min_pixels=1000)
        assert len(photos) == 1, name
        width, height, placed_mm = photos[0]
        assert height > width  # upright
        ppi = width / (placed_mm / 25.4)
        assert 300 <= ppi <= PRINT_PPI + 1, (width, placed_mm)
        assert width <= PRINT_PPI / 25.4 * TEXT_WIDTH_MM
