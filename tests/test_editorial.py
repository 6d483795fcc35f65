"""Editorial workflow: proof bundle (PDF + DOCX) and the live preview."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import docx.document
import pypandoc
import pytest
from support.net import free_port, wait_for
from support.pdfutil import text

from pipeline.proof import proof


def test_proof_bundle_has_pdf_and_docx(project_copy: Callable[[str], Path],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    root = project_copy("mini")
    monkeypatch.chdir(root)
    assert proof(root, "docs/beitraege/leipzig/westen.md") == 0
    pdf = root / "build/korrektur/korrektur-westen.pdf"
    assert "Korrekturabzug" in text(pdf) and "Wächterhäuser im Westen" in text(pdf)
    docx = " ".join(pypandoc.convert_file(str(root / "build/korrektur/korrektur-westen.docx"), "plain",
                                          extra_args=["--standalone"]).split())
    assert "Wächterhäuser im Westen" in docx
    assert "Die Hauswächter zahlen nur die Betriebskosten." in docx
    assert "Coaching und Reflexion" in docx  # the literature list


def test_proof_of_a_draft(project_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafts are what proofs are for: the proof is made, without the preview's draft banner."""
    root = project_copy("mini")
    source = root / "docs/beitraege/nuernberg/hospitation.md"
    draft = source.read_text(encoding="utf-8").replace("art: hospitation", "art: hospitation\nstatus: entwurf")
    source.write_text(draft, encoding="utf-8")
    monkeypatch.chdir(root)
    assert proof(root, "docs/beitraege/nuernberg/hospitation.md") == 0
    assert "Zwei Wochen in Leipzig" in text(root / "build/korrektur/korrektur-hospitation.pdf")
    docx = " ".join(pypandoc.convert_file(str(root / "build/korrektur/korrektur-hospitation.docx"), "plain").split())
    assert "Eine Hospitation im Stadtplanungsamt Leipzig." in docx and "nicht freigegeben" not in docx


def test_proof_of_unknown_file_is_a_usage_error(project_copy: Callable[[str], Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    assert proof(root, str(root / "docs/beitraege/leipzig/fehlt.md")) == 2
    assert "kein (fehlerfreier) Beitrag" in capsys.readouterr().err


@pytest.mark.slow
def test_live_preview_rebuilds_on_save(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "--root", str(root), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/beitraege/leipzig/westen.html"
        wait_for(url, "Wächterhäuser im Westen")
        source = root / "docs/beitraege/leipzig/westen.md"
        changed = source.read_text(encoding="utf-8").replace("Wächterhäuser im Westen", "Hauswächter im Westen")
        source.write_text(changed, encoding="utf-8")
        wait_for(url, "Hauswächter im Westen")
        assert "Hauswächter im Westen" in wait_for(f"http://127.0.0.1:{port}/entdecken/stadt-leipzig.html",
                                                   "Hauswächter im Westen")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _footnotes(document: docx.document.Document) -> list[str]:
    """Texts of the real Word footnotes (not the separators) of a python-docx document."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    parts = [rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FOOTNOTES]
    if not parts:
        return []
    tree = etree.fromstring(parts[0].blob)
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    return [" ".join("".join(note.itertext()).split()) for note in tree.findall("w:footnote", ns)
            if note.get(f"{{{ns['w']}}}type") is None]


def test_proof_docx_is_ready_for_comments(project_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Real footnotes and no „Anmerkungen“ list, Stadt and Art as fields, the title alone, „Vorgesehen für“ for an
    issue not yet out, and not a word about the other contributions (a draft with errors, a low-dpi image)."""
    root = project_copy("mini")
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("jahr: 2015", "jahr: 2099")
                        .replace("datum: 2015-06-15", "datum: 2099-06-15"), encoding="utf-8")
    other = root / "docs/beitraege/nuernberg/hospitation.md"
    other.write_text(other.read_text(encoding="utf-8").replace("art: hospitation", "art: hospitation\nstatus: entwurf")
                     + "\nSiehe {ref}`gibt-es-nicht`.\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert proof(root, "docs/beitraege/leipzig/westen.md") == 0
    said = capsys.readouterr()
    assert "hospitation" not in said.out + said.err and "zwischen" not in said.out + said.err
    document = docx.Document(str(root / "build/korrektur/korrektur-westen.docx"))
    texts = [p.text.strip() for p in document.paragraphs]
    assert document.core_properties.title == "Wächterhäuser im Westen"
    assert texts[0] == "Wächterhäuser im Westen" and document.paragraphs[0].style.name == "Title"
    assert texts.count("Wächterhäuser im Westen") == 1  # no second heading with the same words
    assert not any("koopstadt – Handbuch" in t for t in texts)
    assert texts[texts.index("Stadt:") + 1] == "Leipzig" and texts[texts.index("Art:") + 1] == "Praxisfall"
    assert "LeipzigPraxisfall" not in texts
    assert texts[texts.index("Vorgesehen für:") + 1] == "koopBLATT No. 1"
    assert not any(t.startswith("Erschienen in") for t in texts)
    assert "Anmerkungen" not in texts and not any(t.startswith("[1]") for t in texts)
    notes = _footnotes(document)
    assert notes == ["Die Hauswächter zahlen nur die Betriebskosten."]
    assert "Die Hauswächter zahlen nur die Betriebskosten." not in " ".join(texts)  # only in the footnote
