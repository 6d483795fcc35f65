"""The koopBLATT's typefaces as web fonts for the handbook (maintainer script; its output is vendored).

`python -m pipeline.html.webfonts` writes `static/fonts/*.woff2` and `static/fonts/OFL.txt`:
Fira Sans from the `fontpkg-fira-sans` PyPI package (the file Typst uses for the PDF) and
Libertinus Serif from the fonts bundled in the `typst` wheel (Typst has no other copy on disk, so the
exact fonts the koopBLATT is set in are carved out of its library). Both are OFL 1.1 without a reserved
name that applies to them; the web copies are subset to Latin (German, most European names) and
compressed to WOFF2 with fontTools, each face in two files: `<face>.woff2` with what German text uses
(Basic Latin, Latin-1, punctuation, €) and `<face>-ext.woff2` with the rest of Latin Extended-A/B, which a
browser loads only for a page that has such a letter (`unicode-range` in `static/koop-fonts.css`).
The build only copies the vendored files (no font work per build).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

FONTS = Path(__file__).parent / "static" / "fonts"
# Basic Latin, Latin-1, ı, Œœ, spacing modifiers, general punctuation, €, ™, arrows, minus, fi/fl
CORE = "U+0020-00FF,U+0131,U+0152-0153,U+02C6-02DD,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+FB01-FB02"
# the rest of Latin Extended-A and B (Polish, Czech, Turkish, Romanian … names)
EXTENDED = "U+0100-0130,U+0132-0151,U+0154-024F"
PARTS = (("", CORE), ("-ext", EXTENDED))  # file name suffix, unicode-range
FEATURES = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk", "onum", "lnum", "tnum", "pnum",
            "smcp", "c2sc", "case"]


@dataclass(frozen=True)
class Face:
    family: str
    source: str  # file name in fontpkg-fira-sans, or the full name inside the typst library
    file: str
    weight: int
    italic: bool = False


FACES = (
    Face("Fira Sans", "FiraSans-Regular.ttf", "fira-sans-400.woff2", 400),
    Face("Fira Sans", "FiraSans-SemiBold.ttf", "fira-sans-600.woff2", 600),
    Face("Fira Sans", "FiraSans-Bold.ttf", "fira-sans-700.woff2", 700),
    Face("Libertinus Serif", "Libertinus Serif Regular", "libertinus-serif-400.woff2", 400),
    Face("Libertinus Serif", "Libertinus Serif Italic", "libertinus-serif-400-italic.woff2", 400, True),
    Face("Libertinus Serif", "Libertinus Serif Bold", "libertinus-serif-700.woff2", 700),
    Face("Libertinus Serif", "Libertinus Serif Bold Italic", "libertinus-serif-700-italic.woff2", 700, True),
)


def _typst_fonts() -> dict[str, bytes]:
    """Full name → font file of every OpenType font embedded in the typst library."""
    import typst
    from fontTools.ttLib import TTFont

    library = next(Path(typst.__file__).parent.glob("_typst*.so"), None) or next(
        Path(typst.__file__).parent.glob("_typst*"))
    data = library.read_bytes()
    found: dict[str, bytes] = {}
    for m in re.finditer(rb"OTTO\x00[\x05-\x20]|\x00\x01\x00\x00\x00[\x05-\x20]", data):
        try:
            font = TTFont(io.BytesIO(data[m.start():m.start() + 4_000_000]), lazy=True)
            name = font["name"].getDebugName(4)
        except Exception:  # most matches are not fonts
            continue
        if name and name not in found:
            out = io.BytesIO()
            font.save(out)
            found[name] = out.getvalue()
    return found


def _source(face: Face, typst_fonts: dict[str, bytes]) -> bytes:
    if face.family == "Fira Sans":
        import fontpkg_fira_sans

        return (Path(str(fontpkg_fira_sans.__file__)).parent / "files" / face.source).read_bytes()
    return typst_fonts[face.source]


def part_file(face: Face, suffix: str) -> str:
    """The file of one part of a face: fira-sans-400.woff2, fira-sans-400-ext.woff2."""
    return face.file.removesuffix(".woff2") + suffix + ".woff2"


def _woff2(data: bytes, unicodes: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = FEATURES
    options.name_IDs = ["*"]  # keep copyright, licence and version
    options.notdef_outline = True
    font = TTFont(io.BytesIO(data))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def notices() -> list[str]:
    """One line per vendored file: family, version and copyright, read from the file itself."""
    from fontTools.ttLib import TTFont

    lines = []
    for face in FACES:
        for suffix, _ in PARTS:
            file = part_file(face, suffix)
            names = TTFont(FONTS / file)["name"]
            lines.append(f"- {file}: {names.getDebugName(4)} ({names.getDebugName(5)}). {names.getDebugName(0)}")
    return lines


def main() -> None:
    FONTS.mkdir(parents=True, exist_ok=True)
    typst_fonts = _typst_fonts()
    for face in FACES:
        for suffix, unicodes in PARTS:
            (FONTS / part_file(face, suffix)).write_bytes(_woff2(_source(face, typst_fonts), unicodes))
    licence = (Path(__file__).resolve().parent.parent / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    text = licence[licence.index("This Font Software is licensed"):]
    header = ("Web fonts of the koopstadt handbook (SIL Open Font License 1.1), subset to Latin and converted\n"
              "to WOFF2 with fontTools by pipeline/html/webfonts.py; glyph outlines unchanged:\n\n"
              + "\n".join(notices()) + "\n\n")
    (FONTS / "OFL.txt").write_text(header + text, encoding="utf-8")


if __name__ == "__main__":
    main()
