"""koopBLATT PDFs as a printer and a reader check them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from support.pdfutil import MM, boxes, catalog, fonts, outline, page_count, text, xmp
from support.projects import copy_project

from pipeline.cli import main
from pipeline.typst.build import build_pdf
from pipeline.validate import validate_project


def test_print_pdf_has_trim_and_bleed_boxes_and_whole_sheets(built_pdf: Path) -> None:
    druck = built_pdf / "koopblatt-1-druck.pdf"
    b = boxes(druck)
    trim_w, trim_h = b["TrimBox"][2] - b["TrimBox"][0], b["TrimBox"][3] - b["TrimBox"][1]
    assert (round(trim_w / MM, 1), round(trim_h / MM, 1)) == (210.0, 297.0)
    bleed = b["BleedBox"]
    assert round((b["TrimBox"][0] - bleed[0]) / MM, 1) == 3.0
    assert round((bleed[2] - b["TrimBox"][2]) / MM, 1) == 3.0
    assert b["MediaBox"] == bleed, "without crop marks the media is exactly trim + bleed"
    assert page_count(druck) % 4 == 0
    assert page_count(druck) == page_count(built_pdf / "koopblatt-1.pdf")


def test_every_font_is_embedded_and_open(built_pdf: Path) -> None:
    for name in ("koopblatt-1.pdf", "koopblatt-1-druck.pdf"):
        found = fonts(built_pdf / name)
        assert found and all(found.values()), found
        families = {re.sub(r"^/?[A-Z]{6}\+", "", f).split("-")[0] for f in found}
        assert families <= {"FiraSans", "LibertinusSerif"}, families


def test_screen_pdf_is_tagged_pdf_ua_and_pdf_a(built_pdf: Path) -> None:
    screen = built_pdf / "koopblatt-1.pdf"
    meta = xmp(screen)
    assert re.search(r"pdfuaid:part[^0-9]*1", meta)
    assert re.search(r"pdfaid:part[^0-9]*2", meta) and re.search(r"pdfaid:conformance[^A-Z]*A", meta)
    cat = catalog(screen)
    assert cat["Lang"].lower().startswith("de") and cat["StructTreeRoot"] and cat["MarkInfo"]
    assert "koopBLATT No. 1" in cat["Title"]
    assert re.search(r"pdfuaid:part[^0-9]*1", xmp(built_pdf / "koopblatt-1-druck.pdf"))


def test_bookmarks_are_the_contributions_in_manifest_order(built_pdf: Path) -> None:
    marks = outline(built_pdf / "koopblatt-1.pdf")
    titles = [m for m in marks if m not in ("Editorial", "Inhalt", "Impressum", "Notizen", "Kontakt")]
    assert titles == ["Wächterhäuser im Westen", "Zwischennutzung in Bremen"]


def test_reader_text_in_order_with_footnote_and_literature(built_pdf: Path) -> None:
    content = " ".join(text(built_pdf / "koopblatt-1.pdf").split())
    first = content.index("Wächterhäuser im Westen", content.index("Liebe Leserinnen"))
    second = content.index("Zwischennutzung in Bremen", first)
    assert first < second
    assert "Die Hauswächter zahlen nur die Betriebskosten." in content
    assert "LITERATUR" in content.upper() and "Coaching und Reflexion" in content
    assert "(Leipzig-Charta 2007, S. 3)" in content
    assert "Drei Städte; drei Wege; ein Ziel" in content
    assert "Gemeinsame Geschäftsstelle koopstadt" in content


def test_two_builds_give_identical_bytes(built_pdf: Path, tmp_path: Path) -> None:
    root = copy_project("mini", tmp_path)
    assert build_pdf(root, validate_project(root)).status == 0
    for name in ("koopblatt-1.pdf", "koopblatt-1-druck.pdf"):
        assert (root / "build/pdf" / name).read_bytes() == (built_pdf / name).read_bytes(), name


def test_crop_marks_variant_enlarges_media_but_keeps_boxes(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "schnittmarken: true\n", encoding="utf-8")
    assert build_pdf(root, validate_project(root)).status == 0
    b = boxes(root / "build/pdf/koopblatt-1-druck.pdf")
    assert round((b["BleedBox"][0] - b["MediaBox"][0]) / MM, 1) == 10.0
    assert round((b["TrimBox"][0] - b["BleedBox"][0]) / MM, 1) == 3.0
    assert round((b["TrimBox"][2] - b["TrimBox"][0]) / MM, 1) == 210.0


def test_proof_of_one_contribution(project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    assert main(["--root", str(root), "pdf", "--beitrag", "docs/beitraege/leipzig/westen.md"]) == 0
    proof = root / "build/korrektur/korrektur-westen.pdf"
    content = text(proof)
    assert "Korrekturabzug" in content and "Wächterhäuser im Westen" in content
    assert "Die Agentur vermittelt seit 2009" not in content, "a proof contains only its contribution"
    assert not (root / "build/pdf").exists()


def test_figure_without_alt_fails_with_located_message(project_copy: Callable[[str], Path],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        ":alt: Balkendiagramm: drei Häuser 2005, fünfzehn Häuser 2010.\n", ""), encoding="utf-8")
    assert main(["--root", str(root), "pdf"]) == 1
    assert ("docs/beitraege/leipzig/westen.md:29: Fehler [koop.figure_alt]: Die Abbildung "
            "„bilder/westen-grafik.svg“ hat keinen Alternativtext") in capsys.readouterr().err
    assert not (root / "build/pdf").exists()


def test_a_typst_error_names_the_contribution(project_copy: Callable[[str], Path],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A drawing `check` lets pass (well-formed, inert) but Typst cannot draw (no size): the message names the file.
    (A drawing that is no XML at all is `check`'s: test_image_content.)"""
    root = project_copy("mini")
    (root / "docs/beitraege/leipzig/bilder/westen-grafik.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="-5" height="3"/>', encoding="utf-8")
    assert main(["--root", str(root), "pdf"]) == 1
    err = capsys.readouterr().err
    assert ("docs/beitraege/leipzig/westen.md:29: Fehler [koop.typst]: Fehler beim Setzen des koopBLATT: "
            "„westen-grafik.svg“: ") in err
    assert "Traceback" not in err
    assert not (root / "build/pdf").exists()


def test_low_resolution_image_is_a_hinweis(project_copy: Callable[[str], Path],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """A small photo prints, with a Hinweis naming it and its resolution; an unreadable one is a Fehler."""
    from PIL import Image

    root = project_copy("mini")
    Image.new("RGB", (600, 400), "#3a6").save(root / "docs/beitraege/leipzig/bilder/foto.png")
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n![Grüne Fläche](bilder/foto.png)\n", encoding="utf-8")
    assert main(["--root", str(root), "pdf"]) == 0
    out = capsys.readouterr()
    assert re.search(r"docs/beitraege/leipzig/westen\.md:\d+: Hinweis \[koop\.image_dpi\]: Das Bild „bilder/foto\.png“ "
                     r"hat im Druck nur 85 dpi", out.err), out.err
    assert (root / "build/pdf/koopblatt-1.pdf").is_file()
    (root / "docs/beitraege/leipzig/bilder/foto.png").write_bytes(b"\x89PNG kaputt")
    assert main(["--root", str(root), "check"]) == 1
    assert re.search(r"westen\.md:\d+: Fehler \[koop\.image_unreadable\]: Die Bilddatei „bilder/foto\.png“ lässt "
                     r"sich nicht lesen", capsys.readouterr().err)
