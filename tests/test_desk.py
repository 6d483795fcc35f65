"""The editors' desk: the flatplan of an issue (PNG + HTML, page budget) and the Redaktionsstand, as editors see
them: page thumbnails in printed spreads that match the PDF, a Hinweis for a wrong `seiten:`, one dashboard row per
contribution with its state, usable (sort, filter) and accessible in a browser."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from pypdf import PdfReader
from support.browser import Shot
from support.pdfutil import page_count
from support.projects import copy_project

from pipeline.cli import main
from pipeline.typst import flatplan

SLOW_FIXTURES = {"desk"}  # builds real outputs: tests using it are `slow` (conftest)

W = "docs/beitraege/leipzig/westen.md"
H = "docs/beitraege/nuernberg/hospitation.md"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The mini project with a page budget of 9 for „Wächterhäuser im Westen“ (it takes fewer), a photo too small for
    print in it, and a draft with an error; built with `pdf` and `redaktion`. Returns (root, stderr of `pdf`)."""
    import contextlib
    import io

    root = copy_project("mini", tmp_path_factory.mktemp("desk"))
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "  - beitraege/leipzig/westen.md", "  - pfad: beitraege/leipzig/westen.md\n    seiten: 9"), encoding="utf-8")
    Image.new("RGB", (600, 400), "#3a6").save(root / "docs/beitraege/leipzig/bilder/foto.png")
    source = root / W
    source.write_text(source.read_text(encoding="utf-8") + "\n![Grüne Fläche](bilder/foto.png)\n", encoding="utf-8")
    draft = root / H
    draft.write_text(draft.read_text(encoding="utf-8").replace("art: hospitation", "art: hospitation\nstatus: entwurf")
                     + "\nTODO Fazit ergänzen. Siehe {ref}`gibt-es-nicht`.\n", encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["--root", str(root), "pdf"]) == 0
    assert main(["--root", str(root), "redaktion"]) == 0
    return root, err.getvalue()


def _html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_flatplan_image_has_every_page_in_printed_spreads(desk: tuple[Path, str]) -> None:
    root, _ = desk
    pages = len(PdfReader(root / "build/pdf/koopblatt-1.pdf").pages)
    assert pages % 4 == 0
    image = root / "build/redaktion/koopblatt-1-seitenplan.png"
    thumbs = sorted((root / "build/redaktion/koopblatt-1-seitenplan").glob("seite-*.png"))
    assert len(thumbs) == pages  # one thumbnail per page of the PDF
    tw, th = Image.open(thumbs[0]).size
    assert (tw, th) == (round(210 / 25.4 * flatplan.PPI), round(297 / 25.4 * flatplan.PPI))  # A4 at PPI
    spreads = pages // 2 + 1  # cover alone, pairs, back cover alone
    rows = -(-spreads // flatplan.SPREADS_PER_ROW)
    cols = min(spreads, flatplan.SPREADS_PER_ROW)
    with Image.open(image) as sheet:
        assert sheet.size == (2 * flatplan.MARGIN + cols * 2 * tw + (cols - 1) * flatplan.GAP,
                              2 * flatplan.MARGIN + flatplan.HEADER
                              + rows * (flatplan.BAND + th + flatplan.LABEL) + (rows - 1) * flatplan.GAP)
        # the cover sits right in the first spread (left half empty), the back cover left in the last
        y = flatplan.MARGIN + flatplan.HEADER + flatplan.BAND + th // 2
        assert sheet.getpixel((flatplan.MARGIN + tw // 2, y)) == (255, 255, 255)
        assert sheet.getpixel((flatplan.MARGIN + tw + tw // 2, y)) != (255, 255, 255)


def test_flatplan_page_labels_pages_as_the_pdf_has_them(desk: tuple[Path, str]) -> None:
    root, _ = desk
    reader = PdfReader(root / "build/pdf/koopblatt-1.pdf")
    pages = len(reader.pages)
    soup = _html(root / "build/redaktion/koopblatt-1-seitenplan.html")
    spreads = [[int(str(f["data-seite"])) for f in li.select("figure")] for li in soup.select("li.doppelseite")]
    assert spreads == [[1], *[[n, n + 1] for n in range(2, pages, 2)], [pages]]
    figures = {int(str(f["data-seite"])): f for f in soup.select("figure")}
    assert figures[1]["data-abschnitt"] == "umschlag" and figures[pages]["data-abschnitt"] == "rueckseite"
    for docname, title in (("beitraege/leipzig/westen", "Wächterhäuser im Westen"),
                           ("beitraege/bremen/zwischen", None)):
        first = min(n for n, f in figures.items() if f["data-beitrag"] == docname)
        caption = figures[first].figcaption.get_text(" ", strip=True)
        assert caption.startswith(f"S. {first} ·")
        if title:  # the contribution's title is set on the page the plan says it starts on
            assert title in caption and title in (reader.pages[first - 1].extract_text() or "")
            assert title not in (reader.pages[first - 2].extract_text() or "").split("\n")[0]
        assert re.search(r"#[0-9a-fA-F]{6}", str(figures[first]["style"]))  # the city's colour
    notes = [n for n, f in figures.items() if f["data-abschnitt"] == "notizen"]
    padding = soup.select_one(".auffuellung").get_text()
    assert (f"{len(notes)} Notizseite" in padding) if notes else "Keine Auffüllung" in padding
    assert notes == list(range(pages - len(notes), pages))  # padding right before the back cover


def test_a_wrong_page_budget_is_a_located_hinweis(desk: tuple[Path, str]) -> None:
    root, err = desk
    soup = _html(root / "build/redaktion/koopblatt-1-seitenplan.html")
    row = soup.select_one('tr[data-docname="beitraege/leipzig/westen"]')
    actual = int(row.select_one(".ist").get_text())
    assert row.select_one(".soll").get_text() == "9" and "abweichung" in row["class"]
    assert row.select_one(".delta").get_text() == f"{actual - 9:+d}"
    line = next(n for n, t in enumerate((root / "koopblatt/1/ausgabe.yml").read_text().splitlines(), 1)
                if "pfad: beitraege/leipzig/westen.md" in t)
    seiten = "Seite" if actual == 1 else "Seiten"
    assert (f"koopblatt/1/ausgabe.yml:{line}: Hinweis [koop.page_budget]: „Wächterhäuser im Westen“ belegt im "
            f"koopBLATT No. 1: {actual} {seiten} statt der geplanten 9 ({actual - 9:+d} Seiten). Hinweis: ") in err
    assert err.count("[koop.page_budget]") == 1  # only the contribution with a budget


def _row(soup: BeautifulSoup, path: str) -> list[str]:
    row = soup.select_one(f'tr[data-pfad="{path}"]')
    return [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]


def test_dashboard_has_a_row_per_contribution_with_its_state(desk: tuple[Path, str]) -> None:
    root, _ = desk
    soup = _html(root / "build/redaktion/index.html")
    assert soup.html["lang"] == "de" and not (root / "build/html/redaktion").exists()
    paths = [str(tr["data-pfad"]) for tr in soup.select("table.beitraege tbody tr")]
    assert sorted(paths) == sorted(str(p.relative_to(root)) for p in (root / "docs/beitraege").glob("*/*.md"))
    pages = len(PdfReader(root / "build/pdf/koopblatt-1.pdf").pages)
    stadt, titel, status, art, ausgaben, seiten, todos, fehler, hinweise, dpi, geaendert = _row(soup, W)
    assert (stadt, status, art, ausgaben) == ("Leipzig", "freigegeben", "Praxisfall", "koopBLATT No. 1")
    assert todos == "0"
    assert titel.startswith("Wächterhäuser im Westen") and W in titel
    assert re.fullmatch(r"No\. 1: (\d+) Seiten? \(\1 von 9 geplanten Seiten\)", seiten), seiten
    assert fehler == "0" and dpi.startswith("1 ") and "bilder/foto.png" in dpi and "dpi" in dpi
    assert "[koop.image_dpi]" in hinweise
    assert re.match(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Dateidatum\)", geaendert)
    draft = _row(soup, H)
    assert draft[1].startswith("Zwei Wochen in Leipzig") and draft[3] == "Hospitation"  # from its front matter
    assert draft[2] == "Entwurf" and draft[4] == "–" and draft[6] == "1"
    assert draft[7].startswith("2 ") and "[koop.xref]" in draft[7] and "gibt-es-nicht" in draft[7]
    assert "[koop.todo]" in draft[7]
    issue = [c.get_text(" ", strip=True) for c in soup.select_one('tr[data-ausgabe="1"]').find_all(["th", "td"])]
    notes = len(list((root / "build/redaktion/koopblatt-1-seitenplan").glob("seite-*.png"))) and \
        sum(f["data-abschnitt"] == "notizen" for f in
            _html(root / "build/redaktion/koopblatt-1-seitenplan.html").select("figure"))
    assert issue[:3] == ["koopBLATT No. 1 (2015)", str(pages), str(notes)]
    links = {a.get_text(): a["href"] for a in soup.select('tr[data-ausgabe="1"] a')}
    assert links["Seitenplan No. 1"] == "koopblatt-1-seitenplan.html" and links["PDF"] == "../pdf/koopblatt-1.pdf"
    assert "EPUB: fehlt" in issue[4]  # not built here


@pytest.mark.browser
def test_dashboard_sorts_filters_and_is_accessible(desk: tuple[Path, str], browser: Any, shot: Shot) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from support.browser import WCAG

    root, _ = desk
    # the session's Chromium (conftest.browser): Playwright's sync API allows one instance at a time
    page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="de-DE")
    page.goto((root / "build/redaktion/index.html").as_uri())
    rows = page.locator("table.beitraege tbody tr")
    assert rows.count() == 3
    shot(page, "redaktionsstand")
    for url in ((root / "build/redaktion/index.html").as_uri(),
                (root / "build/redaktion/koopblatt-1-seitenplan.html").as_uri()):
        page.goto(url)
        axe = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        assert axe.violations_count == 0, axe.generate_report()
    page.goto((root / "build/redaktion/index.html").as_uri())
    page.get_by_label("Status").select_option("entwurf")
    assert [r.get_attribute("data-pfad") for r in rows.all() if r.is_visible()] == [H]
    assert page.locator("output").inner_text() == "1 von 3 Beiträgen"
    page.get_by_label("Status").select_option("")
    page.get_by_label("Beiträge filtern").fill("bremen")
    assert [r.get_attribute("data-pfad") for r in rows.all() if r.is_visible()] == [
        "docs/beitraege/bremen/zwischen.md"]
    page.get_by_label("Beiträge filtern").fill("")
    page.get_by_role("button", name="Titel").click()
    titles = [r.locator("th").inner_text().split("\n")[0] for r in rows.all()]
    assert titles == sorted(titles, key=str.casefold)
    page.get_by_role("button", name="Titel").click()
    assert [r.locator("th").inner_text().split("\n")[0] for r in rows.all()] == titles[::-1]
    assert page.locator("th[aria-sort=descending]").inner_text().startswith("Titel")
    shot(page, "redaktionsstand-sortiert")
    page.close()


def test_flatplan_is_redrawn_only_when_the_pdf_changed(desk: tuple[Path, str]) -> None:
    root, _ = desk
    image = root / "build/redaktion/koopblatt-1-seitenplan.png"
    thumb = root / "build/redaktion/koopblatt-1-seitenplan/seite-001.png"
    before = (image.stat().st_mtime_ns, thumb.stat().st_mtime_ns)
    assert main(["--root", str(root), "pdf"]) == 0
    assert (image.stat().st_mtime_ns, thumb.stat().st_mtime_ns) == before
    image.unlink()
    assert main(["--root", str(root), "redaktion"]) == 0
    assert image.is_file()  # a missing plan is made again from the published PDF's document


def test_flatplan_pages_come_from_the_pdf_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The thumbnails are rasterised by the worker that set the screen PDF (same compiler, same layout); the
    flatplan step compiles nothing itself — unless those pages are gone, then it compiles the main file once."""
    root = copy_project("mini", tmp_path)
    calls: list[Path] = []
    again = flatplan._rendered_again

    def counted(main_file: Path, digest: str) -> flatplan.Pages | None:
        calls.append(main_file)
        return again(main_file, digest)

    monkeypatch.setattr(flatplan, "_rendered_again", counted)
    assert main(["--root", str(root), "pdf"]) == 0
    image = root / "build/redaktion/koopblatt-1-seitenplan.png"
    assert image.is_file() and calls == []
    plan = flatplan.load_plan(root, 1)
    assert plan is not None and plan.pages == len(PdfReader(root / "build/pdf/koopblatt-1.pdf").pages)
    kept = root / "build/.work/typst/koopblatt-1-seiten"
    assert sorted(p.name for p in kept.glob("seite-*.png")) == [f"seite-{n:03d}.png" for n in range(1, plan.pages + 1)]
    # pages lost (an older version's work area): made again from the main file, once
    shutil.rmtree(kept)
    image.unlink()
    assert main(["--root", str(root), "redaktion"]) == 0
    assert image.is_file() and len(calls) == 1


# -- TODOs: the Redaktionsstand counts the open TODOs `check` reports ----------------------------------------------

# Where an author or the scaffold can write „TODO“ in a contribution, appended to a scaffolded draft one at a time.
TODO_PLACES = {
    "nur-geruest": "",
    "absatz": "TODO Fazit ergänzen.",
    "klein": "todo: Zahlen prüfen.",
    "im-satz": "Die Liste der TODOs ist lang, ein TODO bleibt.",
    "kommentar": "% TODO: Bild nachliefern",
    "zwei-im-absatz": "TODO eins und TODO zwei.",
    "liste": "- TODO erster Punkt\n- zweiter Punkt mit TODO",
    "ueberschrift": "## TODO Überschrift",
    "code": "Der Befehl `TODO` steht im Text.",
    "fussnote": "Satz mit Fußnote.[^t]\n\n[^t]: TODO Quelle ergänzen.",
    "abbildung": ":::{figure} bilder/beispiel.svg\n:alt: TODO Bild beschreiben.\n\nUnterschrift.\n:::",
    "yaml-kommentar": "%",  # the front matter below gets one more comment line with „TODO“
}


def test_dashboard_counts_the_todos_check_reports(tmp_path: Path) -> None:
    """The TODO column of every row equals the number of koop.todo messages of `check` for that file: the scaffold's
    own „# Ersetzen Sie jedes „TODO“ …“ line, a „% TODO“ comment or a „TODO“ inside a sentence are no open TODOs."""
    from pipeline.validate import validate_project

    root = copy_project("mini", tmp_path)
    for name, addition in TODO_PLACES.items():
        assert main(["--root", str(root), "new", "bremen", f"todo-{name}"]) == 0
        file = root / f"docs/beitraege/bremen/todo-{name}.md"
        text = file.read_text(encoding="utf-8")
        if name == "yaml-kommentar":
            text = text.replace("\ntitle:", "\n# TODO: Titel mit der Redaktion absprechen\ntitle:", 1)
        file.write_text(f"{text.rstrip()}\n\n{addition}\n", encoding="utf-8")
    reported = {name: sum(1 for p in validate_project(root).problems
                          if p.path == f"docs/beitraege/bremen/todo-{name}.md" and p.code == "todo")
                for name in TODO_PLACES}
    assert main(["--root", str(root), "redaktion"]) == 0
    soup = _html(root / "build/redaktion/index.html")
    shown = {name: int(_row(soup, f"docs/beitraege/bremen/todo-{name}.md")[6]) for name in TODO_PLACES}
    assert shown == reported
    assert reported["absatz"] == reported["nur-geruest"] + 1  # the rule is not „never count“
    assert reported["im-satz"] == reported["kommentar"] == reported["code"] == reported["nur-geruest"]


def test_build_draws_the_flatplans_while_the_handbook_is_written(project_copy: Callable[[str], Path],
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """In `build` the flatplans are drawn on a thread of their own after the PDFs (the desk is the last step): the
    plan is that of the PDF just built, said once, and a page budget's Hinweis is reported once."""
    root = project_copy("mini")
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "  - beitraege/leipzig/westen.md", "  - pfad: beitraege/leipzig/westen.md\n    seiten: 9"), encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    said = capsys.readouterr()
    out = said.out + said.err
    assert out.count("Seitenplan: build/redaktion/koopblatt-1-seitenplan.png") == 1, out
    assert out.count("[koop.page_budget]") == 1, out
    assert out.index("Seitenplan: ") < out.index("Redaktionsstand: ")  # told before the desk is done
    plan = json.loads((root / "build/redaktion/koopblatt-1-seitenplan.json").read_text(encoding="utf-8"))
    pdf = root / "build/pdf/koopblatt-1.pdf"
    assert plan["digest"] == hashlib.sha1(pdf.read_bytes()).hexdigest()
    assert len(list((root / "build/redaktion/koopblatt-1-seitenplan").glob("seite-*.png"))) == page_count(pdf)
