"""The legal pages of a German public body's publication, all from koopblatt/herausgeber.yml: what a reader finds
in the handbook (Impressum, Erklärung zur Barrierefreiheit, Datenschutz, Leichte Sprache, Gebärdensprache, the
footer of every page, the sitemap), the same Impressum in every e-book and the koopBLATT, and what `check` says
about the file. Expected values come from the fixture's configuration, read with plain YAML."""

from __future__ import annotations

import contextlib
import copy
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup
from support.htmlutil import article, page, text
from support.paths import FIXTURES
from support.pdfutil import text as pdf_text
from support.projects import copy_project
from support.reproducible import epoch

from pipeline import messages as M
from pipeline.cli import main
from pipeline.frontmatter import load_yaml
from pipeline.html.legal import PAGES
from pipeline.legal import AXE_TAGS, MEDIA_DIR, PUBLISHER_FILE
from pipeline.project import HANDBOOK_OUTPUT, issue_output
from pipeline.schema import ImprintFields, Moved, PublisherFields, Record, Records, specs
from pipeline.validate import validate_project

SLOW_FIXTURES = {"built"}  # builds real outputs: tests using it are `slow` (conftest)

VIDEO = "gebaerdensprache/inhalt.mp4"
VIDEO_BYTES = 1_234_567
NAME = "Geschäftsstelle koopstadt im Stadtplanungsamt"


def config(root: Path) -> dict[str, Any]:
    data = yaml.safe_load((root / PUBLISHER_FILE).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def write_config(root: Path, data: dict[str, Any]) -> None:
    (root / PUBLISHER_FILE).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def with_videos(root: Path) -> Path:
    """The mini project as a public body with one Gebärdensprache video."""
    (root / MEDIA_DIR / VIDEO).parent.mkdir(parents=True)
    (root / MEDIA_DIR / VIDEO).write_bytes(b"\0" * VIDEO_BYTES)
    data = config(root)
    data["name"] = NAME  # not the author conf.py names: the configuration decides
    data["oeffentliche_stelle"] = True
    data["gebaerdensprache"] = {"videos": [{"datei": VIDEO, "titel": "Was steht im Handbuch?", "dauer": "2:30"}]}
    write_config(root, data)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The mini project with a video, built in every format (`build`: PDF, EPUB, then the handbook)."""
    with epoch():
        root = with_videos(copy_project("mini", tmp_path_factory.mktemp("legal")))
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            assert main(["--root", str(root), "build"]) == 0, err.getvalue()
    yield root


def flat(value: str) -> str:
    """Text compared without line breaks, spacing and hyphens (the PDF breaks and hyphenates lines)."""
    return "".join(value.replace("\u00ad", "").replace("-", "").split())


def lines_of(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def person(data: dict[str, Any]) -> list[str]:
    name = M.FICTIONAL_PERSON.format(data["name"]) if data.get("fiktiv") else data["name"]
    return [name, *lines_of(data["anschrift"])]


def body_imprint(data: dict[str, Any]) -> list[str]:
    """Every line of the body's part of the Impressum, as the configuration gives it."""
    return [data["name"], *lines_of(data["anschrift"]), data["telefon"], data["email"], data["web"],
            data["traeger"], data["vertreten_durch"], *person(data["verantwortlich"]), data["foerderung"],
            data["hinweis"]]


# -- the pages a reader finds -----------------------------------------------------------------------------------

def test_every_legal_page_exists_with_its_title(built: Path) -> None:
    for key in PAGES:
        soup = page(built, f"rechtliches/{key}")
        assert soup.find("h1") is not None and M.LEGAL_TITLES[key] in text(soup.find("h1"))
        assert soup.find("html")["lang"] == "de"


def test_impressum_names_the_body_its_representative_and_the_responsible_person(built: Path) -> None:
    data = config(built)
    shown = flat(text(article(built, "rechtliches/impressum")))
    for line in body_imprint(data):
        assert flat(line) in shown, line
    assert flat(M.LEGAL_RESPONSIBLE) in shown  # § 18 Abs. 2 MStV, by name
    assert "(fiktive Person)" in text(article(built, "rechtliches/impressum"))


def test_accessibility_statement_has_every_part_bgg_12b_asks_for(built: Path) -> None:
    data = config(built)["barrierefreiheit"]
    soup = article(built, "rechtliches/barrierefreiheit")
    shown = text(soup)
    assert M.ACCESSIBILITY_LEVELS[data["vereinbarkeit"]] in shown
    for item in data["einschraenkungen"]:
        for key in ("bereich", "grund", "alternative"):
            assert item[key] in shown, item[key]
    assert M.german_date(data["erstellt"]) in shown
    assert data["methode"] in shown
    hrefs = [str(a["href"]) for a in soup.find_all("a", href=True)]
    assert any(unquote(h).replace("%40", "@").startswith(f"mailto:{data['kontakt']['email']}") for h in hrefs) or \
        data["kontakt"]["email"] in shown.replace(" ", "")
    assert data["schlichtung"]["name"] in shown and data["schlichtung"]["url"] in hrefs
    for tag in AXE_TAGS:  # the rule sets the browser tests run
        assert tag in shown


def test_accessibility_statement_reports_what_the_offered_files_declare(built: Path) -> None:
    """The factual part is read back from the downloads: every offered PDF and EPUB has its line, and what the
    line says about a PDF is what the file says (XMP read here with pikepdf)."""
    items = [text(li) for li in article(built, "rechtliches/barrierefreiheit").select("li")]
    downloads = built / "build" / "html" / "downloads"
    issue_pdf = downloads / "koopblatt-1.pdf"
    with pikepdf.open(issue_pdf) as pdf:
        meta = pdf.open_metadata()
        ua, part, level = meta.get("pdfuaid:part"), meta.get("pdfaid:part"), meta.get("pdfaid:conformance")
        lang = str(pdf.Root.get("/Lang"))
    [line] = [i for i in items if i.startswith(f"{M.ISSUE_NAME.format(1)}, {M.DOWNLOAD_SCREEN}")]
    assert f"PDF/UA-{ua}" in line and f"PDF/A-{part}{level.lower()}" in line and f"„{lang}“" in line
    epubs = sorted(downloads.glob("*.epub"))
    assert epubs
    for epub in epubs:
        opf = zipfile.ZipFile(epub).read("content.opf").decode()
        modes = re.findall(r'property="schema:accessMode">([^<]+)<', opf)
        [line] = [i for i in items if "(EPUB," in i and (epub.stem == "handbuch") == (M.EPUB_HANDBOOK_TITLE in i)
                  and (epub.stem == "handbuch" or M.ISSUE_NAME.format(1) in i)]
        assert "EPUBCheck" in line and ", ".join(modes) in line
    offprints = list(downloads.glob("sonderdruck-*.pdf"))
    assert any(i.startswith(f"{len(offprints)} Sonderdrucke") for i in items)


def test_privacy_statement_for_a_site_without_cookies(built: Path) -> None:
    data = config(built)
    shown = text(article(built, "rechtliches/datenschutz"))
    for needed in ("Art. 6 Abs. 1 lit. e DSGVO", "IP-Adresse", "keine Cookies", "Art. 77 DSGVO",
                   f"nach {data['datenschutz']['speicherdauer']} Tagen gelöscht", data["traeger"],
                   data["vertreten_durch"], data["datenschutz"]["aufsicht"]["name"], *person(data["datenschutz"]["beauftragter"])):  # noqa: E501
        assert needed in shown, needed


def test_leichte_sprache_one_short_statement_per_line(built: Path) -> None:
    """Every line of the Leichte-Sprache page is one sentence of at most 14 words (a hyphenated word counts once)."""
    data = config(built)
    soup = article(built, "rechtliches/leichte-sprache")
    for p in soup.find_all("p"):
        for line in p.get_text("").split("\n"):
            line = line.strip()
            if not line or line == M.LEGAL_EASY["link"]:
                continue
            sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9])", line) if s]
            assert len(sentences) == 1 and len(line.split()) <= 14, line
    shown = text(soup)
    for needed in (data["name"], data["barrierefreiheit"]["kontakt"]["email"], data["barrierefreiheit"]["schlichtung"]["url"],  # noqa: E501
                   *M.LEGAL_EASY_LEVEL[data["barrierefreiheit"]["vereinbarkeit"]]):
        assert needed in shown, needed
    assert soup.find("a", href="barrierefreiheit.html") is not None


def test_sign_language_page_offers_the_video_with_size_and_duration(built: Path) -> None:
    soup = article(built, "rechtliches/gebaerdensprache")
    [link] = [a for a in soup.find_all("a", href=True) if "inhalt.mp4" in a["href"]]
    assert "2:30" in text(link) and M.decimal(VIDEO_BYTES / 1_000_000) + " MB" in text(link)
    target = (built / "build" / "html" / "rechtliches" / unquote(urlsplit(str(link["href"])).path)).resolve()
    assert target.is_file() and target.stat().st_size == VIDEO_BYTES


def test_every_page_links_every_legal_page_and_the_barrier_report(built: Path) -> None:
    """BITV 2.0 § 7 and the Impressum duty: one click from every page (the footer), every link resolves."""
    site = built / "build" / "html"
    data = config(built)
    pages = [f for f in site.rglob("*.html") if "_static" not in f.relative_to(site).parts]
    assert len(pages) > 10
    for file in pages:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        nav = soup.select_one("footer nav.koop-rechtliches")
        assert nav is not None, file
        hrefs = [str(a["href"]) for a in nav.find_all("a", href=True)]
        targets = {(file.parent / h).resolve().relative_to(site.resolve()).as_posix() for h in hrefs
                   if not h.startswith("mailto:")}
        # the legal page a reader is on is named (aria-current), not linked to itself
        targets |= {file.relative_to(site).as_posix() for a in nav.find_all("a", attrs={"aria-current": "page"})}
        assert targets == {f"rechtliches/{k}.html" for k in PAGES}, file
        assert any(h.startswith(f"mailto:{data['barrierefreiheit']['kontakt']['email']}") for h in hrefs), file


def test_the_body_is_the_publisher_in_every_metadata(built: Path) -> None:
    """Citation managers, the feed and the page footer name the body of the Impressum, not a second source."""
    soup = page(built, "beitraege/leipzig/westen")
    for meta in ("citation_publisher", "DC.publisher"):
        assert soup.find("meta", attrs={"name": meta})["content"] == NAME
    feed = (built / "build" / "html" / "feed.xml").read_text(encoding="utf-8")
    assert f"<name>{NAME}</name>" in feed
    opf = zipfile.ZipFile(built / "build" / "epub" / "koopblatt-1.epub").read("content.opf").decode()
    assert f"<dc:publisher>{NAME}, {config(built)['traeger']}</dc:publisher>" in opf


def test_sitemap_lists_the_legal_pages(built: Path) -> None:
    sitemap = (built / "build" / "html" / "sitemap.xml").read_text(encoding="utf-8")
    for key in PAGES:
        assert f"rechtliches/{key}.html</loc>" in sitemap


# -- one Impressum in every format ------------------------------------------------------------------------------

def test_the_same_impressum_in_handbook_epubs_and_koopblatt(built: Path) -> None:
    data = config(built)
    expected = [flat(line) for line in body_imprint(data)]
    html = flat(text(article(built, "rechtliches/impressum")))
    formats = {"HTML": html}
    for epub in sorted((built / "build" / "epub").glob("*.epub")):
        xhtml = zipfile.ZipFile(epub).read("impressum.xhtml").decode()
        formats[epub.name] = flat(BeautifulSoup(xhtml, "html.parser").get_text(" "))
    assert {"handbuch.epub", "koopblatt-1.epub"} <= formats.keys()
    formats["koopblatt-1.pdf"] = flat(pdf_text(built / "build" / "pdf" / "koopblatt-1.pdf").replace("MSTV", "MStV"))
    for name, shown in formats.items():
        missing = [line for line in expected if line not in shown]
        assert not missing, f"{name}: {missing}"


# -- what check says about the file -----------------------------------------------------------------------------

def required_paths(schema: type, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every required key of the configuration, nested ones included (in a list: in its first item)."""
    for s in specs(schema):
        if s.required:
            yield (*prefix, s.name)
        if isinstance(s.validator, Record):
            yield from required_paths(s.validator.schema, (*prefix, s.name))
        elif isinstance(s.validator, Records):
            yield from required_paths(s.validator.schema, (*prefix, s.name, 0))


REQUIRED = list(required_paths(PublisherFields))


def shown_name(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@pytest.mark.parametrize("path", REQUIRED, ids=[shown_name(p) for p in REQUIRED])
def test_a_missing_required_key_is_a_located_error(project_copy: Callable[[str], Path],
                                                   path: tuple[str | int, ...]) -> None:
    root = with_videos(project_copy("mini"))  # the optional parts too, so that their required keys are there
    data = config(root)
    here: Any = data
    for part in path[:-1]:
        here = here[part]
    del here[path[-1]]
    while not here and isinstance(path[-2], str):  # an emptied record counts as missing itself
        path = path[:-1]
        here = data
        for part in path[:-1]:
            here = here[part]
    write_config(root, data)
    text_ = (root / PUBLISHER_FILE).read_text(encoding="utf-8")
    fm, _ = load_yaml(text_, 1, PUBLISHER_FILE)
    assert fm is not None
    line = fm.line(*path[:-1]) if path[:-1] else 1
    project = validate_project(root)
    found = [p for p in project.problems if p.code == "key_missing"]
    assert [p.format().split(" Hinweis: ")[0] for p in found] == [
        f"{PUBLISHER_FILE}:{line}: Fehler [koop.key_missing]: Pflichtangabe „{shown_name(path)}“ fehlt."]
    assert found[0].hint.startswith("Ergänzen Sie") and "z. B." in found[0].hint
    # the body's data is in every output: a fault in it holds back the handbook and every issue
    assert project.errors_blocking(HANDBOOK_OUTPUT) and project.errors_blocking(issue_output(1))
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["--root", str(root), "check"]) == 1


MOVED = [s.name for s in specs(ImprintFields) if isinstance(s.validator, Moved)]


@pytest.mark.parametrize("key", MOVED)
def test_the_body_s_data_in_a_manifest_is_refused_where_it_stands(project_copy: Callable[[str], Path],
                                                                 key: str) -> None:
    root = project_copy("mini")
    manifest = root / "koopblatt/1/ausgabe.yml"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("impressum:\n") + 1
    lines.insert(at, f"  {key}: Stadt Leipzig\n")
    manifest.write_text("".join(lines), encoding="utf-8")
    found = [p.format() for p in validate_project(root).problems]
    assert any(f.startswith(f"koopblatt/1/ausgabe.yml:{at + 1}: Fehler [koop.publisher_moved]: „impressum.{key}“")
               and PUBLISHER_FILE in f for f in found), found


@pytest.mark.parametrize(("public", "videos"), [(True, False), (True, True), (False, False), (False, True)])
def test_a_public_body_without_sign_language_videos_gets_a_hinweis(project_copy: Callable[[str], Path],
                                                                   public: bool, videos: bool) -> None:
    root = project_copy("mini")
    if videos:
        with_videos(root)
    data = config(root)
    data["oeffentliche_stelle"] = public
    write_config(root, data)
    line = next(i for i, text_ in enumerate((root / PUBLISHER_FILE).read_text(encoding="utf-8").splitlines(), 1)
                if text_.startswith("oeffentliche_stelle:"))
    found = [p for p in validate_project(root).problems if p.code == "dgs_missing"]
    if public and not videos:
        assert [(p.path, p.line, p.is_error) for p in found] == [(PUBLISHER_FILE, line, False)]
        assert "Gebärdensprache" in found[0].message
    else:
        assert found == []


def test_minimal_configuration_from_the_schema_is_valid(project_copy: Callable[[str], Path]) -> None:
    """The schema's examples make a valid file (the benchmark corpus writes it): nothing required lacks one."""
    from pipeline.schema import minimal

    root = project_copy("mini")
    write_config(root, copy.deepcopy(minimal(PublisherFields)))
    assert [p.format() for p in validate_project(root).problems if p.path == PUBLISHER_FILE] == []


# -- the editor's JSON Schema says the same as check -------------------------------------------------------------

CONFIGS = [Path(__file__).resolve().parent.parent / PUBLISHER_FILE, FIXTURES / "mini" / PUBLISHER_FILE]


@pytest.mark.parametrize("file", CONFIGS, ids=["demo", "mini"])
def test_configurations_match_the_json_schema(file: Path) -> None:
    from support.schemas import errors

    assert errors("herausgeber", yaml.safe_load(file.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", REQUIRED, ids=[shown_name(p) for p in REQUIRED])
def test_json_schema_requires_what_check_requires(tmp_path: Path, path: tuple[str | int, ...]) -> None:
    from support.schemas import errors

    root = with_videos(copy_project("mini", tmp_path))
    data = config(root)
    assert errors("herausgeber", data) == []
    here: Any = data
    for part in path[:-1]:
        here = here[part]
    del here[path[-1]]
    assert any(f"'{path[-1]}' is a required property" in e for e in errors("herausgeber", data))


def test_editor_settings_map_the_publisher_schema() -> None:
    import json

    settings = json.loads((Path(__file__).resolve().parent.parent / ".vscode/settings.json").read_text(encoding="utf-8"))  # noqa: E501
    assert settings["yaml.schemas"]["./schema/herausgeber.schema.json"] == [PUBLISHER_FILE]
