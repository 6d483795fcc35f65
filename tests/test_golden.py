"""Golden files per output format: the small fixture's Typst source, HTML card and EPUB package.

On an intended change, regenerate with `KOOP_UPDATE_GOLDEN=1 nox -s tests` and review the diff.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from support.htmlutil import article

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KOOP_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name}", "actual"))
        raise AssertionError(f"{name} differs from the golden file:\n{diff}")


def test_typst_source(built_pdf: Path) -> None:
    source = built_pdf.parent / ".work" / "typst" / "koopblatt-1.typ"
    assert_golden("koopblatt-1.typ", source.read_text(encoding="utf-8"))


def test_html_card_and_body(built_mini: Path) -> None:
    art = article(built_mini, "beitraege/leipzig/westen")
    assert_golden("westen.html", art.prettify())
