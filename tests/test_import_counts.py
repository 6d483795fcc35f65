"""`nox -s import` tells the truth: every comment, footnote, image, table and heading of a Word or LibreOffice
file reaches the contribution — comments anchored at a point as well as ranged ones — and the summary says
„Alles wurde vollständig übernommen.“ only when the counts in the file's XML and in the written MyST agree;
its headings name what follows them. The documents are generated (tests/officedocs.py) over a matrix of
contents, as Word (python-docx) and as LibreOffice Writer (odfpy) store them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from officedocs import (
    Block,
    Heading,
    Para,
    Picture,
    docx_file,
    odt_file,
)
from test_import import run_import

from pipeline.frontmatter import split

WRITERS: dict[str, Callable[[list[Block], Path], Path]] = {"docx": docx_file, "odt": odt_file}
KINDS = list(WRITERS)
COLOURS = [(200, 40, 40), (40, 160, 60), (40, 80, 200), (220, 180, 30)]


def imported(root: Path, tmp: Path, kind: str, blocks: list[Block], slug: str) -> tuple[str, str]:
    """Import `blocks` written as a `kind` file; (summary, contribution body)."""
    folder = tmp / slug
    folder.mkdir()
    file = WRITERS[kind](blocks, folder / f"{slug}.{kind}")
    status, out, err = run_import(root, file, "leipzig", slug)
    assert status == 0, err
    return out, split((root / f"docs/beitraege/leipzig/{slug}.md").read_text(encoding="utf-8"))[2]


# -- the summary's headings ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_summary_headings_name_what_follows(project_copy: Callable[[str], Path], tmp_path: Path, kind: str) -> None:
    """A Fehler (a character no font has) and a Hinweis (a picture too small for print), each present or not: the
    heading over the list says „Fehler“, „Hinweise“ or „Fehler und Hinweise“, and is absent when there is nothing."""
    root = project_copy("mini")
    heads = {(True, False): "Fehler im übernommenen Beitrag:", (False, True): "Hinweise zum übernommenen Beitrag:",
             (True, True): "Fehler und Hinweise im übernommenen Beitrag:"}
    for error, hint in itertools.product((False, True), repeat=2):
        blocks: list[Block] = [Heading(1, f"Fall {int(error)}{int(hint)}"), Heading(2, "Abschnitt"),
                               Para("Text mit தமிழ் Zeichen." if error else "Gewöhnlicher Text.")]
        if hint:
            blocks.append(Picture(COLOURS[0], "Ein kleines Bild"))
        summary, _ = imported(root, tmp_path, kind, blocks, f"fall-{kind}-{int(error)}{int(hint)}")
        listed = summary.split("Noch offen", 1)[-1]
        assert ("Fehler [koop." in listed, "Hinweis [koop." in listed) == (error, hint)
        shown = [h for h in heads.values() if h in summary]
        assert shown == ([heads[error, hint]] if error or hint else []), summary
