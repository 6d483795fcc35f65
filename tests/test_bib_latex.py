"""LaTeX in docs/literatur.bib reaches readers decoded: accents, `and others`, `\\,`/`\\%`/`~`, @string macros with
`#` – in the German in-text citation and in the list entry, character for character (pipeline/bib.py)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline import bib

# LaTeX accent command → Unicode combining mark
ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
           "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "r": "\u030a", "k": "\u0328"}
LETTERS = "aeiouAOUcsznCSZgr"
# letter-like commands: (command, character)
SPECIAL_LETTERS = [("ss", "ß"), ("o", "ø"), ("O", "Ø"), ("aa", "å"), ("AA", "Å"), ("ae", "æ"), ("AE", "Æ"),
                   ("oe", "œ"), ("OE", "Œ"), ("l", "ł"), ("L", "Ł")]


def _composed(letter: str, mark: str) -> str | None:
    """The precomposed character for letter + mark, if Unicode has one (`ö`; no `q̈`)."""
    ch = unicodedata.normalize("NFC", letter + mark)
    return ch if len(ch) == 1 else None


def _accent_forms(cmd: str, letter: str) -> list[str]:
    """The ways an author writes one accented letter inside a name; a letter command needs braces or a space.

    Outside braces, BibTeX splits a name at `~` (a tie) even in `\\~n`, so `\\~` is written braced in names."""
    braced = [f"{{\\{cmd}{letter}}}" if not cmd.isalpha() else f"{{\\{cmd} {letter}}}", f"{{\\{cmd}{{{letter}}}}}"]
    if cmd == "~":
        return braced
    return [*braced, f"\\{cmd}{{{letter}}}"] + ([] if cmd.isalpha() else [f"\\{cmd}{letter}"])


ACCENT_CASES = [(latex, char) for cmd, mark in ACCENTS.items() for letter in LETTERS
                if (char := _composed(letter, mark)) for latex in _accent_forms(cmd, letter)]
SPECIAL_CASES = [(latex, char) for cmd, char in SPECIAL_LETTERS
                 for latex in (f"{{\\{cmd}}}", f"\\{cmd}{{}}")]


def _load(tmp_path: Path, entries: str) -> bib.Bibliography:
    path = tmp_path / "literatur.bib"
    path.write_text(entries, encoding="utf-8")
    bibliography = bib.load(path, "docs/literatur.bib")
    assert bibliography.problems == []
    return bibliography


def _shown(bibliography: bib.Bibliography, key: str) -> tuple[str, str, str]:
    """What readers see: `{cite:p}`, `{cite:t}` and the entry of the Literatur list."""
    (entry,) = bibliography.ordered([key])
    return (bib.render_cite(bibliography, "p", [("", key, "")]), bib.render_cite(bibliography, "t", [("", key, "")]),
            entry.text)


@pytest.mark.parametrize(("latex", "char"), ACCENT_CASES + SPECIAL_CASES)
def test_an_accented_letter_is_decoded_in_names_and_titles(tmp_path: Path, latex: str, char: str) -> None:
    bibliography = _load(tmp_path, f"@book{{k, author = {{Ma{latex}ller, J{latex}rg and Stra{latex}er, Ren{latex}}},\n"
                                   f"  title = {{Titel {{UN}} {latex}x}}, year = {{2012}}}}\n")
    assert _shown(bibliography, "k") == (
        f"(Ma{char}ller und Stra{char}er 2012)", f"Ma{char}ller und Stra{char}er (2012)",
        f"Ma{char}ller, J{char}rg; Stra{char}er, Ren{char} (2012): Titel UN {char}x.")


@pytest.mark.parametrize(("latex", "char"), [(f"\\{cmd} {letter}", _composed(letter, mark))
                                             for cmd, mark in ACCENTS.items() if cmd.isalpha()
                                             for letter in "cszCSZ" if _composed(letter, mark)]
                         + [(f"\\{cmd} ", char) for cmd, char in SPECIAL_LETTERS])
def test_an_unbraced_letter_command_ends_at_its_space(tmp_path: Path, latex: str, char: str) -> None:
    bibliography = _load(tmp_path, f"@book{{k, author = {{Weber, Anna}}, title = {{Fran{latex}ois}}, year = 2001}}\n")
    assert _shown(bibliography, "k")[2] == f"Weber, Anna (2001): Fran{char}ois."


@pytest.mark.parametrize(("latex", "shown"), [
    (r"50\,\% der Fl{\"a}che", "50\u202f% der Fläche"),  # \, is a narrow no-break space
    (r"50\,% mehr", "50\u202f% mehr"),
    (r"Espa\~na und Espa\~{n}a", "España und España"),  # a bare % is a percent sign, not a LaTeX comment
    (r"S.~12 und \S~34 BauGB", "S.\u00a012 und §\u00a034 BauGB"),  # ~ is a no-break space
    (r"Stadt \& Land -- ein {\"U}berblick", "Stadt & Land – ein Überblick"),
    (r"Stadt & Land, 1990---2000", "Stadt & Land, 1990—2000"),  # a bare & is an ampersand
    (r"\glqq Soziale Stadt\grqq{} in \textit{K{\"o}ln}", "„Soziale Stadt“ in Köln"),
    (r"{\"U}ber {UN}-{H}abitat \euro{} 5", "Über UN-Habitat € 5"),
])
def test_latex_punctuation_and_spaces_are_decoded(tmp_path: Path, latex: str, shown: str) -> None:
    bibliography = _load(tmp_path, f"@book{{k, author = {{Weber, Anna}}, title = {{{latex}}}, year = 2001}}\n")
    assert _shown(bibliography, "k")[2] == f"Weber, Anna (2001): {shown}."


@pytest.mark.parametrize(("names", "cite_p", "cite_t", "listed"), [
    ("author = {Schmidt, Eva and others}",
     "(Schmidt u. a. 2010)", "Schmidt u. a. (2010)", "Schmidt, Eva u. a. (2010): T."),
    ("author = {Schmidt, Eva and M{\\\"u}ller, Max and others}",
     "(Schmidt u. a. 2010)", "Schmidt u. a. (2010)", "Schmidt, Eva; Müller, Max u. a. (2010): T."),
    ("author = {{Amt f{\\\"u}r Stadtentwicklung und Wohnen} and others}",
     "(Amt für Stadtentwicklung und Wohnen u. a. 2010)", "Amt für Stadtentwicklung und Wohnen u. a. (2010)",
     "Amt für Stadtentwicklung und Wohnen u. a. (2010): T."),
    ("editor = {Schmidt, Eva and others}",
     "(Schmidt u. a. 2010)", "Schmidt u. a. (2010)", "Schmidt, Eva u. a. (Hrsg.) (2010): T."),
])
def test_and_others_is_rendered_as_u_a(tmp_path: Path, names: str, cite_p: str, cite_t: str, listed: str) -> None:
    bibliography = _load(tmp_path, f"@book{{k, {names}, title = {{T}}, year = 2010}}\n")
    assert _shown(bibliography, "k") == (cite_p, cite_t, listed)


def test_braces_still_protect_corporate_names_while_they_are_decoded(tmp_path: Path) -> None:
    bibliography = _load(tmp_path, "@book{k, author = {{Stadt N{\\\"u}rnberg} and {Barnes and Noble}},\n"
                                   "  title = {T}, year = 2010}\n")
    assert _shown(bibliography, "k") == ("(Stadt Nürnberg und Barnes and Noble 2010)",
                                         "Stadt Nürnberg und Barnes and Noble (2010)",
                                         "Stadt Nürnberg; Barnes and Noble (2010): T.")


STRINGS = '@string{lpz = "Leipzig"}\n@STRING{Both = lpz # " und " # {Halle}}\n'


@pytest.mark.parametrize(("fields", "listed"), [
    ('title = "Titel mit " # lpz', "Weber, Anna (2001): Titel mit Leipzig."),
    ('title = "Titel mit " # LPZ # {, Band } # 3', "Weber, Anna (2001): Titel mit Leipzig, Band 3."),
    ("title = {A # B} # { in } # lpz", "Weber, Anna (2001): A # B in Leipzig."),
    ('title = {T}, address = both', "Weber, Anna (2001): T. Leipzig und Halle."),
    ('title = {T}, address = "Halle und " # lpz, publisher = {Verlag f{\\"u}r} # " " # lpz',
     "Weber, Anna (2001): T. Halle und Leipzig: Verlag für Leipzig."),
    ('title = "Stra{\\ss}en in " # both', "Weber, Anna (2001): Straßen in Leipzig und Halle."),
])
def test_string_macros_and_concatenation_are_resolved(tmp_path: Path, fields: str, listed: str) -> None:
    bibliography = _load(tmp_path, STRINGS + f"@book{{k, author = {{Weber, Anna}}, {fields}, year = 2001}}\n")
    assert _shown(bibliography, "k")[2] == listed


def test_a_macro_in_an_author_field_is_resolved_before_the_names_are_split(tmp_path: Path) -> None:
    bibliography = _load(tmp_path, '@string{mue = "M{\\"u}ller"}\n'
                                   '@book{k, author = mue # ", Anna and Weber, Eva", title = {T}, year = 2001}\n')
    assert _shown(bibliography, "k") == ("(Müller und Weber 2001)", "Müller und Weber (2001)",
                                         "Müller, Anna; Weber, Eva (2001): T.")


@pytest.mark.parametrize("url", [
    "https://example.org/stadt--land/bericht_2012.pdf",
    "https://example.org/~mueller/a--b%20c?x=1&y=2#teil",
    "https://doi.org/10.1000/182--3_x",
])
def test_a_url_is_shown_as_written(tmp_path: Path, url: str) -> None:
    bibliography = _load(tmp_path, f"@book{{k, author = {{Weber, Anna}}, title = {{T}}, year = 2001,\n"
                                   f"  url = {{{url}}}}}\n")
    assert _shown(bibliography, "k")[2] == f"Weber, Anna (2001): T. {url}"


def test_an_escaped_underscore_in_a_url_is_undone_but_nothing_else(tmp_path: Path) -> None:
    bibliography = _load(tmp_path, "@book{k, author = {Weber, Anna}, title = {T}, year = 2001,\n"
                                   "  url = {https://example.org/a\\_b--c\\%20d}}\n")
    assert _shown(bibliography, "k")[2] == "Weber, Anna (2001): T. https://example.org/a_b--c%20d"


def test_decoded_labels_sort_and_disambiguate_like_plain_ones(tmp_path: Path) -> None:
    bibliography = _load(tmp_path, "@book{b, author = {M{\\\"u}ller, Anna}, title = {Zweiter}, year = 2001}\n"
                                   "@book{a, author = {Müller, Anna}, title = {Erster}, year = 2001}\n")
    assert [bib.render_cite(bibliography, "p", [("", k, "")]) for k in ("a", "b")] == ["(Müller 2001a)",
                                                                                       "(Müller 2001b)"]
