"""Small things authors see (issue 18, sections 3 and 5): counts in German numerus and summaries that add up,
usage errors in German, no unfilled placeholders, one message per script for characters the fonts lack."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import product
from types import SimpleNamespace

import pytest
from support import broken
from support.wording import LEFTOVER, QUOTED, VARYING, numerus_faults

from pipeline import messages as M
from pipeline.cli import summary
from pipeline.diagnostics import Diagnostic, diag


# -- numerus -----------------------------------------------------------------------------------------------------
def test_the_numerus_checker_sees_wrong_forms() -> None:
    assert numerus_faults("1 Hinweise, 2 Hinweis, 2 in 1 freigegebenen Beiträgen") == [
        "1 Hinweise", "2 Hinweis", "1 freigegebenen Beiträgen"]
    assert numerus_faults("1 Hinweis, 2 Hinweise, 5 in einem Entwurf, 2 in 2 freigegebenen Beiträgen") == []


@pytest.mark.parametrize("noun", sorted(M.NOUNS))
def test_every_counted_noun_has_the_right_numerus(noun: str) -> None:
    for n, dative in product(range(0, 30), (False, True)):
        text = M.count(n, noun, dative_one=dative)
        assert not numerus_faults(text), text
        assert text.startswith(("einem " if dative else "1 ") if n == 1 else f"{n} "), text


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, M.Message):  # a diagnostic code's record (the *_CODES groups)
        yield from (value.text, value.hint)


def test_no_template_counts_past_the_helper() -> None:
    """A template that writes its own noun after a count („{} Hinweise“) gets the numerus wrong for one of
    the numbers: every counted noun goes through `messages.count`."""
    nouns = "|".join(sorted(VARYING))
    pattern = re.compile(rf"\{{\}}\s+(?:{nouns})\b")
    found = sorted({f"{name}: {s}" for name, value in vars(M).items() if name.isupper()
                    for s in _strings(value) if pattern.search(s)})
    assert not found, "\n".join(found)


# -- the closing summary of check/build ----------------------------------------------------------------------------
def _project(released: int, drafts: int) -> SimpleNamespace:
    paths = [f"docs/beitraege/leipzig/r{i}.md" for i in range(released)]
    draft_paths = {f"docs/beitraege/bremen/e{i}.md" for i in range(drafts)}
    return SimpleNamespace(draft_paths=draft_paths, contribution_paths=set(paths) | draft_paths,
                           reports=dict.fromkeys([*paths, *draft_paths]), issues={1: None})


def _errors(paths: list[str], per_file: int) -> list[Diagnostic]:
    return [diag(path, line, "art", "x", "y") for path in paths for line in range(1, per_file + 1)]


SHAPES = list(product(range(0, 3), range(1, 3), range(0, 3), range(1, 3), range(0, 3), range(0, 3)))


@pytest.mark.parametrize(("released", "per_released", "drafts", "per_draft", "other", "notes"), SHAPES)
def test_the_summary_adds_up_without_arithmetic(released: int, per_released: int, drafts: int, per_draft: int,
                                                other: int, notes: int) -> None:
    """„7 Fehler: 2 in 2 freigegebenen Beiträgen, 5 in einem Entwurf“: the parts name their files and add up to
    the total in front; one part alone is said in one phrase; every count in the right numerus."""
    project = _project(3, 2)
    problems = (_errors(sorted(project.contribution_paths - project.draft_paths)[:released], per_released)
                + _errors(sorted(project.draft_paths)[:drafts], per_draft)
                + _errors(["koopblatt/1/ausgabe.yml"], other)
                + [diag("docs/beitraege/leipzig/r0.md", 90 + i, "image_dpi", "b.png", 120) for i in range(notes)])
    status, line = summary(project, problems)  # type: ignore[arg-type]
    assert status == (1 if released or other else 0)
    assert not numerus_faults(line), line
    parts = {"freigegeben": released * per_released, "Entw": drafts * per_draft, "Ausgaben": other}
    expected = {k: v for k, v in parts.items() if v}
    total = sum(expected.values())
    if not total:
        assert "Fehler" not in line, line
    elif len(expected) == 1:
        assert re.search(rf"(?<!\d){total} Fehler in (\d+ |einem )?(freigegeben|Entw|Ausgaben)", line), line
    else:
        head = re.search(rf"(?<!\d){total} Fehler: (.*?)\.", line)
        assert head, line
        said = re.findall(r"(\d+) in (\d+|einem)? ?(freigegeben|Entw|Ausgaben)", head.group(1))
        assert {kind: int(n) for n, _, kind in said} == expected, line
    for kind, files in (("freigegeben", released), ("Entw", drafts)):
        if files:
            assert re.search(rf"in {'einem' if files == 1 else files} {kind}", line), line
    assert (M.count(notes, "Hinweis") in line) == bool(notes), line


# -- usage errors in German ----------------------------------------------------------------------------------------
def _argparse_msgids() -> list[str]:
    """Every text argparse may show (its gettext message ids), read from its source."""
    import argparse
    import inspect

    source = inspect.getsource(argparse)
    return sorted({m[1] for m in re.findall(r"""_\((['"])(.*?)\1\)""", source)}
                  | {t for pair in re.findall(r"""ngettext\((['"].*?['"]),\s*(['"].*?['"])""", source)
                     for t in (p.strip("'\"") for p in pair)})


# what argparse says only to programmers (a mistake in our parser, never shown to a user); `error` is ours
FOR_PROGRAMMERS = re.compile(r"dest=|conflict|for positionals|callable|__call__|mode %r|cannot |merge actions|"
                             r"mutually exclusive|subparser|%\(prog\)s: error")
USER_FACING = [m for m in _argparse_msgids() if not FOR_PROGRAMMERS.search(m)]
ENGLISH = sorted({piece.strip(" :.()'") for msgid in USER_FACING
                  for piece in re.split(r"%\(\w+\)[rsd]|%[rsd]", msgid) if len(piece.strip(" :.()'")) >= 4})


def test_every_user_facing_argparse_text_has_a_german_translation() -> None:
    assert "usage: " in USER_FACING and "the following arguments are required: %s" in USER_FACING
    missing = [m for m in USER_FACING if m not in M.ARGPARSE]
    assert not missing, missing


def _calls() -> Iterator[tuple[str, list[str], int]]:
    """Wrong calls of every subcommand, generated from its parser: arguments missing, unknown, superfluous,
    an option without its value, a value its type refuses; and each command's help (exit 0)."""
    import argparse

    from pipeline.cli import build_parser, german_argparse

    with german_argparse():
        top = build_parser()
    yield "top-missing", [], 2
    yield "top-unknown-command", ["pruefen"], 2
    yield "top-root-without-value", ["--root"], 2
    yield "top-help", ["--help"], 0
    from pipeline.bench.run import build_parser as bench_parser

    with german_argparse():
        bench = bench_parser()
    for name, parser in [*sorted(top.subcommands.items()), ("bench", bench)]:
        positionals = [a for a in parser._actions if not a.option_strings]
        options = [a for a in parser._actions if a.option_strings and not isinstance(a, argparse._HelpAction)]
        filled = ["leipzig"] * len(positionals)
        for n in range(len(positionals)):
            yield f"{name}-missing-{n}", [name, *filled[:n]], 2
        yield f"{name}-unknown-option", [name, *filled, "--gibt-es-nicht"], 2
        yield f"{name}-superfluous", [name, *filled, "zuviel"], 2
        for option in options:
            if option.nargs is None and option.const is None:  # takes a value
                yield f"{name}-{option.dest}-without-value", [name, *filled, option.option_strings[-1]], 2
                if option.type is not None:
                    yield f"{name}-{option.dest}-bad-value", [name, *filled, option.option_strings[-1], "x1"], 2
        yield f"{name}-help", [name, *filled, "--help"], 0


CALLS = list(_calls())


@pytest.mark.parametrize(("argv", "status"), [c[1:] for c in CALLS], ids=[c[0] for c in CALLS])
def test_usage_errors_and_help_are_german(argv: list[str], status: int, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.bench.run import main as bench
    from pipeline.cli import main

    with pytest.raises(SystemExit) as exc:
        if argv[:1] == ["bench"]:  # `nox -s bench` has its own command line
            bench(argv[1:])
        else:
            main(argv)
    out = capsys.readouterr()
    said = out.out + out.err
    assert exc.value.code == status, said
    english = [e for e in ENGLISH if e in said]
    assert not english, f"{english}\n{said}"
    assert "Traceback" not in said
    if status:
        assert out.err.startswith("Aufruf: "), said
        assert "\nAufruf fehlerhaft: " in out.err and "\nHinweis: " in out.err, said
    else:
        assert said.startswith("Aufruf: ") and "Optionen:" in said, said


def test_the_serve_help_explains_host_and_port_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "--host ADRESSE Adresse, unter der die Vorschau erreichbar ist; Vorgabe: 127.0.0.1" in said
    assert "--port PORT Portnummer der Vorschau; Vorgabe: 8000" in said


# -- characters the fonts lack: one message per script and line ----------------------------------------------------
def _uncovered_by_script() -> dict[str, list[str]]:
    """For scripts the koopBLATT's fonts lack, a few letters of each (read from the fonts, not assumed)."""
    from pipeline import glyphs

    blocks = {"Taml": range(0x0B85, 0x0BB9), "Geor": range(0x10D0, 0x10F0), "Egyp": range(0x13000, 0x13020),
              "Linb": range(0x10000, 0x1000B), "Ethi": range(0x1200, 0x1220), "Mong": range(0x1820, 0x1840)}
    found = {}
    for code, block in blocks.items():
        letters = [chr(c) for c in block if glyphs.uncovered(chr(c)) and glyphs.script(chr(c)) == code]
        if len(letters) >= 3:
            found[code] = letters[:5]
    return found


SCRIPTS = _uncovered_by_script()


def test_the_fonts_lack_several_scripts() -> None:
    assert len(SCRIPTS) >= 3, SCRIPTS


@pytest.mark.parametrize(("scripts", "size"), [(combo, size) for n in (1, 2, 3)
                                               for combo in __import__("itertools").combinations(sorted(SCRIPTS), n)
                                               for size in (1, 3)])
def test_a_character_the_fonts_lack_is_one_message_per_script_and_line(scripts: tuple[str, ...], size: int) -> None:
    """„தமிழ் ქართული“ on one line: one message per script naming all its characters, on every line where
    new ones appear; a character already reported in the file is not reported again."""
    from pipeline import glyphs

    words = {code: "".join(SCRIPTS[code][:size]) for code in scripts}
    text = "Einleitung.\n" + " und ".join(words.values()) + ".\n" + f"Noch einmal {' '.join(words.values())}.\n"
    found = glyphs.check("docs/beitraege/leipzig/x.md", text)
    assert [d.line for d in found] == [2] * len(scripts), [d.format() for d in found]
    for code, word in words.items():
        mine = [d for d in found if all(f"„{ch}“" in d.message for ch in word)]
        assert len(mine) == 1, (code, [d.format() for d in found])
        message = mine[0].message
        if size > 1:
            assert message.startswith(M.SCRIPT_NAMES[code] + f" ({size} Zeichen: "), message
            assert "diese Zeichen" in message and "Zeichen oder umschreiben Sie sie" in mine[0].hint
        else:
            assert message.startswith(f"Das Zeichen „{word}“ (U+"), message
        others = [ch for c, w in words.items() if c != code for ch in w]
        assert not any(ch in message for ch in others), message
        assert not numerus_faults(message)


# -- no unfilled placeholder in any message as it is emitted ------------------------------------------------------
def leftovers(d: Diagnostic) -> list[str]:
    return LEFTOVER.findall(QUOTED.sub("", f"{d.message} {d.hint}"))


def test_the_leftover_pattern_sees_placeholders() -> None:
    assert leftovers(diag("a.md", 1, "art", "x", "y", hint="siehe koopblatt-<nr>-seitenplan.html")) == ["<nr>"]
    assert leftovers(diag("a.md", 1, "art", "x", "y", hint="Zahl {} fehlt, %s auch")) == ["{}", "%s"]
    assert not leftovers(diag("a.md", 1, "html", "<b>{}</b>"))  # quoted: what the author wrote


def _diagnostic_cases() -> list[tuple[str, object]]:
    return [(name, mutate) for name, mutate, _ in broken.CASES]


@pytest.mark.parametrize(("name", "mutate"), _diagnostic_cases(), ids=[c[0] for c in _diagnostic_cases()])
def test_no_message_check_emits_has_an_unfilled_placeholder(project_copy: object, name: str,
                                                             mutate: object) -> None:
    """Every fault of the diagnostics catalogue, as `check`'s file checks emit it: text and hint complete."""
    from pipeline.validate import validate_project

    root = project_copy("mini")  # type: ignore[operator]
    mutate(root)  # type: ignore[operator]
    emitted = validate_project(root).problems
    assert emitted
    assert not [d.format() for d in emitted if leftovers(d)]


def test_the_page_budget_hint_names_the_issues_flatplan() -> None:
    """„… den Seitenplan zeigt build/redaktion/koopblatt-3-seitenplan.html“, not „…-<nr>-…“."""
    from pipeline.typst import flatplan

    plan = flatplan.Plan(number=3, pages=8, digest="", sections=[
        flatplan.Section(kind="beitrag", first=3, last=5, docname="beitraege/leipzig/x", title="X", planned=2)])
    issue = SimpleNamespace(entry_lines={"beitraege/leipzig/x": 9})
    notes = flatplan.budget_notes(plan, issue, "koopblatt/3/ausgabe.yml")  # type: ignore[arg-type]
    assert [d.line for d in notes] == [9]
    assert "build/redaktion/koopblatt-3-seitenplan.html" in notes[0].hint
    assert not leftovers(notes[0]) and not numerus_faults(notes[0].message)


# -- the emitters that print counts, over counts 0, 1, 2, … ----------------------------------------------------------
def _emitted(n: int) -> dict[str, str]:
    from pipeline import glyphs
    from pipeline.html.preview import banner_text
    from pipeline.typst import flatplan

    def found(errors: int, notes: int) -> list[Diagnostic]:
        return ([diag("a.md", i + 1, "art", "x", "y") for i in range(errors)]
                + [diag("a.md", 100 + i, "image_dpi", "b.png", 120) for i in range(notes)])

    def budget(pages: int, planned: int) -> str:
        plan = flatplan.Plan(number=3, pages=8, digest="", sections=[
            flatplan.Section(kind="beitrag", first=3, last=2 + pages, docname="b/x", title="X", planned=planned)])
        notes = flatplan.budget_notes(plan, SimpleNamespace(entry_lines={}), "a.yml")  # type: ignore[arg-type]
        return " ".join(d.format() for d in notes)

    letters = [chr(0x10D0 + i) for i in range(n)]  # Georgian: no font of the koopBLATT has it
    return {
        "preview banner, errors": banner_text(found(n, 1)),
        "preview banner, notes": banner_text(found(1, n)),
        "page budget, pages": budget(max(n, 1), max(n, 1) + 1),
        "page budget, planned": budget(2, max(n, 1)),
        "glyphs": " ".join(d.message for d in glyphs.check("a.md", "".join(letters))),
        "box, list, flatplan, pdf, desk": " ".join([
            M.PREVIEW_BOX.format(M.count(n, "Meldung")),
            M.PREVIEW_LIST_INTRO.format(M.count(n, "Fehler"), M.count(n, "Hinweis")),
            M.FLATPLAN_PLANNED.format(n, M.count(n, "geplante Seite/dat")),
            M.FLATPLAN_PADDING.format(M.count(n, "Notizseite")),
            M.FLATPLAN_IMAGE_ALT.format(3, M.count(n, "Seite"), M.count(n, "Doppelseite/dat")),
            M.PDF_DONE.format(3, "koopblatt-3.pdf", M.count(n, "Seite")),
            M.DESK_COUNT.format(n, M.count(n, "Beitrag/dat"))]),
    }


@pytest.mark.parametrize("n", range(0, 13))
def test_every_emitted_count_has_the_right_numerus(n: int) -> None:
    for name, text in _emitted(n).items():
        assert not numerus_faults(text), f"{name}: {text}"
