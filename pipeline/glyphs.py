"""The koopBLATT's fonts and which characters they can set (the union of their cmaps, read once).

Typst silently draws an empty box for a character none of the fonts in a font list has (and PDF/A
export then stops with an English message). So `check` reports such a character at its line, and
the Typst translator asks here again for anything it sets. Libertinus Serif (bundled with Typst,
not readable as a file) adds nothing the Noto fonts lack but a few private-use code points.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from . import messages as M
from .diagnostics import Diagnostic, diag

FONTS = Path(__file__).parent / "fonts"  # OFL Noto fonts not on PyPI (see fonts/OFL.txt)

FONT_SUFFIXES = (".ttf", ".otf")
# Never drawn as glyphs: controls, format characters (ZWJ, soft hyphen, bidi marks), variation selectors.
IGNORED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0))
REPLACEMENT = "\ufffd"  # what the translator writes instead of a character no font has


@cache
def font_paths() -> list[str]:
    """Typst's font path: Fira Sans and the Noto fallbacks from their PyPI packages (OFL), the Noto symbol,
    Hebrew and emoji fonts vendored in `fonts/`; Libertinus Serif is bundled with Typst."""
    import fontpkg_fira_sans
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic
    import fontpkg_noto_serif

    packages = (fontpkg_fira_sans, fontpkg_noto_sans, fontpkg_noto_serif, fontpkg_noto_sans_arabic)
    return [*(str(Path(str(p.__file__)).parent / "files") for p in packages), str(FONTS)]


def _surely_covered(ch: str) -> bool:
    """Latin-1, Latin Extended-A and German punctuation: no need to read the fonts for a German text."""
    return ord(ch) < 0x0180 or ch in "„“”‚‘’–—…•€′″‹›«»"


@cache
def coverage() -> frozenset[int]:
    """Every code point at least one of the fonts on Typst's font path has a glyph for."""
    from fontTools.ttLib import TTFont, TTLibError

    found: set[int] = set()
    for folder in font_paths():
        for file in sorted(Path(folder).iterdir()):
            if file.suffix.lower() in FONT_SUFFIXES:
                try:
                    with TTFont(file, lazy=True) as font:
                        found.update(font.getBestCmap() or {})
                except (TTLibError, OSError):
                    continue
    return frozenset(found)


def _ignored(ch: str) -> bool:
    cp = ord(ch)
    return unicodedata.category(ch) in IGNORED_CATEGORIES or any(cp in r for r in VARIATION_SELECTORS)


def uncovered(text: str) -> list[str]:
    """The characters of `text` (each once, in order) that no font can set."""
    if all(_surely_covered(ch) for ch in set(text)):
        return []
    have = coverage()
    out: list[str] = []
    for ch in text:
        if ord(ch) not in have and not ch.isspace() and not _ignored(ch) and ch not in out:
            out.append(ch)
    return out


def describe(ch: str) -> str:
    """„U+13000 EGYPTIAN HIEROGLYPH A001“."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'ohne Namen')}"


def script(ch: str) -> str:
    """The ISO 15924 code of the script `ch` belongs to (Unicode's Scripts.txt, as fontTools reads it)."""
    from fontTools import unicodedata as ucd

    return str(ucd.script(ch))


def by_script(chars: list[str]) -> list[list[str]]:
    """`chars` grouped by script, in the order of their first appearance; a combining mark shared by
    several scripts („Inherited“) joins the character before it."""
    groups: dict[str, list[str]] = {}
    previous = "Zyyy"
    for ch in chars:
        code = script(ch)
        code = previous if code in ("Zinh", "Zzzz") else code
        groups.setdefault(code, []).append(ch)
        previous = code
    return list(groups.values())


def message_args(group: list[str]) -> tuple[str, str, str]:
    """The arguments of the text of `messages.CODES["glyph"]` for characters of one script: one character by its
    Unicode name; several as text in that script, each character with its code point."""
    if len(group) == 1:
        subject, detail, obj = M.GLYPH_ONE
        return subject.format(group[0]), detail.format(describe(group[0])), obj
    from fontTools import unicodedata as ucd

    code = script(group[0])
    name = M.SCRIPT_NAMES.get(code) or M.SCRIPT_OTHER.format(ucd.script_name(code, default=code))
    subject, detail, obj = M.GLYPH_MANY
    items = ", ".join(M.GLYPH_ITEM.format(ch, f"U+{ord(ch):04X}") for ch in group)
    return subject.format(name), detail.format(M.count(len(group), "Zeichen"), items), obj


def settable(text: str, missing: list[str]) -> str:
    """`text` with the characters in `missing` replaced by a character the fonts have."""
    for ch in missing:
        text = text.replace(ch, REPLACEMENT)
    return text


def check(path: str, text: str, first_line: int = 1) -> list[Diagnostic]:
    """A located error for the characters (each once) in a source text that the koopBLATT cannot set: one per
    line and script, naming them all; MyST comment lines („% …“) are never printed and not looked at."""
    problems: list[Diagnostic] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), first_line):
        if line.lstrip().startswith("%"):
            continue
        new = [ch for ch in uncovered(line) if ch not in seen]
        seen.update(new)
        for group in by_script(new):
            problems.append(diag(path, n, "glyph", *message_args(group),
                                 hint=M.GLYPH_MANY_HINT if len(group) > 1 else None))
    return problems
