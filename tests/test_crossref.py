"""Cross-references between contributions of one issue, as a reader of the screen PDF follows them: a link to a
label deep in another contribution goes to that label's page, and „siehe S. n“ names that page — not the page where
the other contribution starts (lead review of issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from support.projects import copy_project
from support.reproducible import epoch

from pipeline.typst.build import build_pdf
from pipeline.validate import validate_project

pytestmark = pytest.mark.slow  # every test reads a built PDF

FILLER = "Die Agentur vermittelt seit 2009 leere Gebäude an Initiativen für Kultur, Handwerk und Nachbarschaft. " * 4


def link_targets(reader: PdfReader, page: int) -> list[int]:
    """The 0-based page each internal link annotation on `page` jumps to (URI links left out)."""
    index = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages) if p.indirect_reference is not None}
    named = reader.named_destinations
    out = []
    for ref in reader.pages[page].get("/Annots", []) or []:
        annot = ref.get_object()
        if annot.get("/Subtype") != "/Link":
            continue
        dest = annot.get("/Dest")
        action = annot.get("/A")
        if action is not None:
            action = action.get_object()
            if action.get("/S") != "/GoTo":
                continue
            dest = action.get("/D")
        if isinstance(dest, str):
            out.append(reader.get_destination_page_number(named[dest]))
        else:
            out.append(index[dest[0].idnum])
    return out


def page_with(reader: PdfReader, text: str) -> list[int]:
    return [i for i, p in enumerate(reader.pages) if text in (p.extract_text() or "")]


@pytest.fixture(scope="module")
def crossref_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini issue: „Zwischennutzung in Bremen“ is several pages long with the labelled section `zw-spaet` at its
    end; „Wächterhäuser im Westen“ refers to it three ways ({ref}, a link to file#label, a MyST #label link)."""
    root = copy_project("mini", tmp_path_factory.mktemp("crossref"))
    other = root / "docs/beitraege/bremen/zwischen.md"
    filler = "\n\n".join(f"Absatz {i}. {FILLER}" for i in range(40))
    other.write_text(other.read_text(encoding="utf-8").replace(
        "## Ergebnisse", f"{filler}\n\n(zw-spaet)=\n## Späte Ergebnisse"), encoding="utf-8")
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Siehe auch die", "Vergleiche {ref}`Verstetigung <zw-spaet>`, [Dauerhaftes](../bremen/zwischen.md#zw-spaet) "
        "und [Bleibendes](#zw-spaet). Siehe auch die"), encoding="utf-8")
    with epoch():
        assert build_pdf(root, validate_project(root)).status == 0
    return root / "build/pdf/koopblatt-1.pdf"


def test_link_to_a_label_in_another_contribution_goes_to_the_label(crossref_pdf: Path) -> None:
    reader = PdfReader(crossref_pdf)
    start = page_with(reader, "Die Agentur vermittelt seit 2009 Räume")  # first page of the Bremen case
    label_page = page_with(reader, "Späte Ergebnisse")
    referring = page_with(reader, "Vergleiche")
    assert len(start) == 1 and len(label_page) == 1 and len(referring) == 1
    assert label_page[0] > start[0]  # deep inside: a jump to the start would be wrong
    targets = link_targets(reader, referring[0])
    # three links and their three „siehe S. n“ go to the label's page; only the plain link to the file (and its
    # page reference) goes to the contribution's start
    assert targets.count(label_page[0]) == 6, targets
    assert targets.count(start[0]) == 2, targets


def test_page_reference_names_the_labels_page(crossref_pdf: Path) -> None:
    reader = PdfReader(crossref_pdf)
    label_page = page_with(reader, "Späte Ergebnisse")[0]
    text = " ".join((reader.pages[page_with(reader, "Vergleiche")[0]].extract_text() or "").split())
    for linked in ("Verstetigung", "Dauerhaftes", "Bleibendes"):
        assert f"{linked} (siehe S. {label_page + 1})" in text, text
