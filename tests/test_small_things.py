"""Small things authors see (issue 18, sections 3 and 5): counts in German numerus and summaries that add up,
usage errors in German, no unfilled placeholders, one message per script for characters the fonts lack."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import product
from types import SimpleNamespace

import pytest

from pipeline import messages as M
from pipeline.cli import summary
from pipeline.diagnostics import Diagnostic, diag

# -- numerus -----------------------------------------------------------------------------------------------------
VARYING = {form.split()[-1]: (one, many) for one, many in M.NOUNS.values() if one != many for form in (one, many)}
ADJECTIVES = {form.split()[0] for pair in M.NOUNS.values() for form in pair if " " in form}
NUMBER = re.compile(r"(?<![\w,.])(\d+|einem|einer|eine|ein)(?=\s+(\w+)(?:\s+(\w+))?)")


def numerus_faults(text: str) -> list[str]:
    """Every „<n> <noun>“ in `text` whose noun has the wrong numerus („1 Hinweise“, „2 Hinweis“)."""
    faults = []
    for m in NUMBER.finditer(text):
        number, words = m.group(1), [w for w in m.group(2, 3) if w]
        words = words if words[0] in ADJECTIVES else words[:1]  # „2 freigegebenen Beiträgen“, not „1 in Ausgaben“
        single = number in ("1", "einem", "einer", "eine", "ein")
        for word in words:
            if word in VARYING:
                one, many = VARYING[word]
                if (word == many.split()[-1] and single) or (word == one.split()[-1] and not single):
                    faults.append(f"{number} {' '.join(words[:words.index(word) + 1])}")
                break
    return faults


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
