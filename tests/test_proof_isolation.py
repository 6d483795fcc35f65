"""A proof (`nox -s proof -- <pfad>`) is about one contribution: an error in another contribution of its issue neither
refuses it nor shows up in its messages; a proof of the broken contribution is refused with that file's located
messages (issue 12, lead review)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from support.pdfutil import text as pdf_text

from pipeline.proof import proof

GOOD = "docs/beitraege/leipzig/westen.md"
BROKEN = "docs/beitraege/bremen/zwischen.md"  # released, in koopBLATT No. 1 with GOOD
ERRORS = {  # kind → (appended text, code of the located error)
    "link": ("\nSiehe [fehlt](../leipzig/gibt-es-nicht.md).\n", "koop.xref"),
    "directive": ("\n```{unbekannt}\nx\n```\n", "koop.directive"),
}


@pytest.mark.parametrize("kind", sorted(ERRORS))
def test_error_in_another_contribution_does_not_touch_a_proof(kind: str, project_copy: Callable[[str], Path],
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    broken = root / BROKEN
    addition, code = ERRORS[kind]
    lines = broken.read_text(encoding="utf-8").count("\n")
    broken.write_text(broken.read_text(encoding="utf-8") + addition, encoding="utf-8")
    monkeypatch.chdir(root)

    assert proof(root, GOOD) == 0
    said = capsys.readouterr()
    assert "zwischen" not in said.out + said.err and "Fehler" not in said.out + said.err
    pdf, word = root / "build/korrektur/korrektur-westen.pdf", root / "build/korrektur/korrektur-westen.docx"
    assert "Wächterhäuser im Westen" in pdf_text(pdf) and "Die Agentur vermittelt" not in pdf_text(pdf)
    texts = [p.text.strip() for p in docx.Document(str(word)).paragraphs]
    assert texts[0] == "Wächterhäuser im Westen"
    # Its issue is held back by the other contribution's error, and still named (the preview's card omitted it).
    assert texts[texts.index("Erschienen in:") + 1] == "koopBLATT No. 1 (2015)"

    assert proof(root, BROKEN) == 1
    said = capsys.readouterr()
    located = [line for line in said.err.splitlines() if line.startswith(f"{BROKEN}:")]
    assert located and all(f"[{code}]" in line or "Hinweis" in line for line in located), said.err
    assert any(line.startswith(f"{BROKEN}:{n}: Fehler [{code}]") for n in range(lines, lines + 4) for line in located)
    assert "westen" not in said.err and "koopblatt/1/ausgabe.yml" not in said.err
    assert not (root / "build/korrektur/korrektur-zwischen.pdf").exists()


def test_pdf_of_one_contribution_shows_its_own_messages_only(project_copy: Callable[[str], Path],
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    # `nox -s pdf -- --beitrag` printed the whole project's check report before its proof.
    from pipeline.cli import main

    root = project_copy("mini")
    broken = root / BROKEN
    broken.write_text(broken.read_text(encoding="utf-8") + ERRORS["link"][0], encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["--root", str(root), "pdf", "--beitrag", GOOD]) == 0
    said = capsys.readouterr()
    assert "zwischen" not in said.out + said.err and "Fehler" not in said.out + said.err
    assert "Korrekturabzug erzeugt: build/korrektur/" in said.out
    assert "Wächterhäuser im Westen" in pdf_text(root / "build/korrektur/korrektur-westen.pdf")
    assert not (root / "build/korrektur/korrektur-westen.docx").exists()  # the PDF only
    assert main(["--root", str(root), "pdf", "--beitrag", BROKEN]) == 1
    said = capsys.readouterr()
    assert "westen" not in said.err and f"{BROKEN}:" in said.err
