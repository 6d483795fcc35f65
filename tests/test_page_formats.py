"""One table of page formats: every format an issue manifest accepts is one the print can set; others are refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.schema import FORMATS
from pipeline.typst.measures import PAGES

MANIFEST = "koopblatt/1/ausgabe.yml"


def test_the_print_sets_every_format_the_manifest_accepts() -> None:
    assert set(PAGES) == set(FORMATS)
    for name, (width, height) in FORMATS.items():
        assert (PAGES[name].width, PAGES[name].height) == (width, height)


@pytest.mark.parametrize("written", ["din-lang", "A3", "letter", "a4-quer"])
def test_a_format_the_print_cannot_set_is_a_located_error(project_copy: Callable[[str], Path], written: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    manifest = root / MANIFEST
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join([*lines[:2], f"format: {written}\n", *lines[2:]]), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    said = capsys.readouterr()
    assert f"{MANIFEST}:3: Fehler [koop.manifest_format]: Unbekanntes Format „{written}“." in said.out + said.err
