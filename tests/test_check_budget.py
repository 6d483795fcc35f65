"""`check` shows the page budget too: once a PDF build left a flatplan, a contribution whose pages differ from its
`seiten:` is a Hinweis at its manifest entry, with the budget as the manifest gives it now (lead review)."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from support.reproducible import EPOCH

from pipeline.cli import main

FILLER = "Die Agentur vermittelt seit 2009 leere Gebäude an Initiativen für Kultur, Handwerk und Nachbarschaft. " * 4


def run(root: Path, *args: str) -> tuple[int, str]:
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        status = main(["--root", str(root), *args])
    return status, err.getvalue() + out.getvalue()


def test_check_shows_the_page_budget_of_the_last_build(project_copy: Callable[[str], Path],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = project_copy("mini")
    source = root / "docs/beitraege/bremen/zwischen.md"
    filler = "\n\n".join(f"Absatz {i}. {FILLER}" for i in range(30))
    source.write_text(source.read_text(encoding="utf-8").replace("## Ergebnisse", f"{filler}\n\n## Ergebnisse"),
                      encoding="utf-8")
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "  - beitraege/bremen/zwischen.md", "  - pfad: beitraege/bremen/zwischen.md\n    seiten: 1"), encoding="utf-8")
    entry = manifest.read_text(encoding="utf-8").splitlines().index("  - pfad: beitraege/bremen/zwischen.md") + 1

    status, said = run(root, "check")
    assert status == 0 and "page_budget" not in said  # no PDF built yet: nothing to compare

    status, said = run(root, "pdf")
    assert status == 0, said
    status, said = run(root, "check")
    assert status == 0, said
    found = re.search(rf"^koopblatt/1/ausgabe\.yml:{entry}: Hinweis \[koop\.page_budget\]: „Zwischennutzung in "
                      r"Bremen“ belegt im koopBLATT No\. 1: (\d+) Seiten statt der geplanten 1 \(\+(\d+) Seiten?\)\.",
                      said, re.M)
    assert found, said
    pages = int(found.group(1))
    assert pages >= 2 and int(found.group(2)) == pages - 1
    assert "Fehler" not in said

    # the budget as the manifest says it now: corrected, the Hinweis is gone without a new PDF build
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("seiten: 1", f"seiten: {pages}"),
                        encoding="utf-8")
    status, said = run(root, "check")
    assert status == 0 and "page_budget" not in said, said


def test_check_without_a_plan_is_quiet(project_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = project_copy("mini")
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "  - beitraege/bremen/zwischen.md", "  - pfad: beitraege/bremen/zwischen.md\n    seiten: 7"), encoding="utf-8")
    (root / "build/redaktion").mkdir(parents=True)
    (root / "build/redaktion/koopblatt-1-seitenplan.json").write_text("kaputt", encoding="utf-8")
    status, said = run(root, "check")
    assert status == 0 and "page_budget" not in said and "Traceback" not in said, said
