"""What an image file holds is checked before any output renders it: a drawing is well-formed and inert (no script,
nothing loaded from elsewhere), a photo is readable to its last pixel and is what its name says, and a CMYK photo
(as photographers and print offices deliver them) is set, in sRGB. Text holds no control characters."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from PIL import Image
from support.projects import copy_project
from support.reproducible import epoch

from pipeline.body import check_body
from pipeline.cli import main

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="30">'
       "{}</svg>")
INSIDE = {  # what a drawing holds → the code `check` gives it (None: fine)
    '<rect width="40" height="30" fill="#c33"/>': None,
    '<image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="4" height="3"/>': None,
    '<defs><path id="p" d="M0 0h4"/></defs><use href="#p"/>': None,
    '<a href="https://www.leipzig.de/"><text>Stadt</text></a>': None,
    '<style>rect { fill: url(#verlauf); }</style>': None,
    '<script>alert(1)</script>': "svg_active",
    '<rect width="4" height="3" onmouseover="alert(1)"/>': "svg_active",
    '<a xlink:href="javascript:alert(2)"><rect width="4" height="3"/></a>': "svg_active",
    '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>': "svg_active",
    '<image xlink:href="https://example.org/t.png" width="4" height="3"/>': "svg_external",
    '<image href="../../../../geheim.png" width="4" height="3"/>': "svg_external",
    '<image href="nachbar.png" width="4" height="3"/>': "svg_external",
    '<style>@import url(https://example.org/a.css);</style>': "svg_external",
    '<rect style="fill: url(https://example.org/f.svg#x)" width="4" height="3"/>': "svg_external",
    '<rect width="40" height="30" fill="#c33">': "image_unreadable",  # never closed
}


def _checked(tmp_path: Path, name: str, data: bytes) -> list[tuple[str, int]]:
    docs = tmp_path / "docs"
    folder = docs / "beitraege/leipzig"
    (folder / "bilder").mkdir(parents=True, exist_ok=True)
    (folder / "bilder" / name).write_bytes(data)
    body = f"Einleitung.\n\n:::{{figure}} bilder/{name}\n:alt: Eine Abbildung.\n:::\n"
    (folder / "x.md").write_text(body, encoding="utf-8")
    _facts, problems = check_body("docs/beitraege/leipzig/x.md", folder / "x.md", docs, body, 1)
    return [(p.code, p.line) for p in problems if p.code != "image_dpi"]


@pytest.mark.parametrize("inside", list(INSIDE))
def test_a_drawing_is_well_formed_and_inert(inside: str, tmp_path: Path) -> None:
    code = INSIDE[inside]
    assert _checked(tmp_path, "zeichnung.svg", SVG.format(inside).encode()) == ([(code, 3)] if code else [])


def _photo(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2400, 1600), (200, 60, 40)).save(out, kind, **({"progressive": True} if kind == "JPEG" else {}))
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "code"), [
    ("foto.jpg", _photo("JPEG"), None),
    ("foto.jpg", _photo("JPEG")[:5000], "image_unreadable"),  # its last bytes lost on the way
    ("foto.jpg", _photo("PNG"), "image_format"),
    ("grafik.png", _photo("JPEG"), "image_format"),
])
def test_a_photo_is_readable_to_its_end_and_what_its_name_says(name: str, data: bytes, code: str | None,
                                                               tmp_path: Path) -> None:
    assert _checked(tmp_path, name, data) == ([(code, 3)] if code else [])


@pytest.mark.slow
def test_a_cmyk_photo_is_set_in_srgb_in_every_output(tmp_path: Path) -> None:
    root = copy_project("mini", tmp_path)
    Image.new("CMYK", (1800, 1200), (10, 120, 230, 20)).save(root / "docs/beitraege/leipzig/bilder/druck.jpg")
    source = root / "docs/beitraege/leipzig/westen.md"
    figure = ":::{figure} bilder/druck.jpg\n:alt: Ein Foto aus der Druckerei.\n:::\n\n"
    source.write_text(source.read_text(encoding="utf-8").replace("## Vorgehen\n", figure + "## Vorgehen\n", 1),
                      encoding="utf-8")
    err = io.StringIO()
    with epoch(), contextlib.redirect_stderr(err):
        assert main(["--root", str(root), "build"]) == 0, err.getvalue()
    derived = [p for p in (root / "build/.work/bilder").iterdir() if p.suffix == ".jpg"]
    assert derived and all(Image.open(p).mode == "RGB" for p in derived)
    assert (root / "build/html/beitraege/leipzig/westen.html").is_file()


@pytest.mark.parametrize("control", ["\x0b", "\x0c", "\x1b", "\x00", "\x7f"])
def test_a_control_character_in_the_text_is_refused_at_its_line(control: str, tmp_path: Path) -> None:
    """Counted by the editor's lines (a vertical tab or form feed ends none), once per line."""
    file = tmp_path / "x.md"
    body = f"Erster Absatz.\n\nEin Absatz x{control}y{control}z Ende.\n\nZweiter\tAbsatz.\r\n"
    file.write_text(body, encoding="utf-8")
    _facts, problems = check_body("docs/x.md", file, tmp_path, body, 5)
    assert [(p.code, p.line, f"U+{ord(control):04X}" in p.message) for p in problems] == [("control_char", 7, True)]
