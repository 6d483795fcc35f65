"""A case page read as a citation manager, a search engine and a social network read it; the Zitieren box,
BibTeX and RIS downloads. Expected values come from the fixture's front matter and manifest."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import bibtexparser
import pytest
import yaml
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from bs4 import BeautifulSoup
from pypdf import PdfReader
from support.htmlutil import article, broken_links, page, text
from support.shareutil import conf_value, day, front_matter, full_title, inverted, json_ld, local, metas

from pipeline import messages as M
from pipeline.schema import DEFAULT_LICENSE

SLOW_FIXTURES = {"tricky"}  # builds real outputs: tests using it are `slow` (conftest)

WESTEN = "beitraege/leipzig/westen"  # subtitle, affiliation, figure, in koopBLATT No. 1
HOSPITATION = "beitraege/nuernberg/hospitation"  # none of these


def publisher(root: Path) -> str:
    """The publishing body's name, from its one configuration (koopblatt/herausgeber.yml)."""
    body = yaml.safe_load((root / "koopblatt/herausgeber.yml").read_text(encoding="utf-8"))
    return str(body["name"])


def page_url(root: Path, docname: str) -> str:
    return f"{conf_value(root, 'html_baseurl')}{docname}.html"


def test_citation_manager_reads_every_highwire_tag(built_shared: Path) -> None:
    root = built_shared
    fm, tags = front_matter(root, WESTEN), metas(root, WESTEN)
    assert tags["citation_title"] == [full_title(fm)]
    assert tags["citation_author"] == [inverted(a["name"]) for a in fm["authors"]]
    assert tags["citation_author_institution"] == [a["affiliation"] for a in fm["authors"]]
    # printed in koopBLATT No. 1: dated by the issue, online since the case's own date (tests/test_catalogue_metadata)
    assert tags["citation_online_date"] == [day(fm).strftime("%Y/%m/%d")]
    assert tags["citation_language"] == [conf_value(root, "language")]
    assert tags["citation_publisher"] == [publisher(root)]
    assert tags["citation_abstract"] == [fm["abstract"]]
    assert tags["citation_abstract_html_url"] == [page_url(root, WESTEN)]
    [pdf_url] = tags["citation_pdf_url"]
    pdf = local(root, pdf_url)
    assert pdf.is_file() and fm["title"] in " ".join(PdfReader(pdf).pages[0].extract_text().split())


def test_dublin_core_opengraph_and_canonical(built_shared: Path) -> None:
    root = built_shared
    fm, tags = front_matter(root, WESTEN), metas(root, WESTEN)
    url = page_url(root, WESTEN)
    assert tags["DC.title"] == [full_title(fm)]
    assert tags["DC.creator"] == [inverted(a["name"]) for a in fm["authors"]]
    assert tags["DC.date"] == [day(fm).isoformat()]
    assert tags["DC.language"] == ["de"]
    assert tags["DC.publisher"] == [publisher(root)]
    assert tags["DC.rights"] == [fm.get("license", DEFAULT_LICENSE)]
    assert tags["DC.identifier"] == tags["og:url"] == [url]
    canonical = BeautifulSoup((root / f"build/html/{WESTEN}.html").read_text(encoding="utf-8"),
                              "html.parser").find("link", rel="canonical")
    assert canonical is not None and canonical["href"] == url
    assert tags["og:type"] == ["article"] and tags["og:title"] == [full_title(fm)]
    assert tags["og:description"] == [fm["abstract"]]
    # the case's picture: its first figure, by absolute address, with the figure's alt text
    source = (root / f"docs/{WESTEN}.md").read_text(encoding="utf-8")
    alt = re.search(r"^:alt: (.+)$", source, re.MULTILINE)
    assert alt is not None
    [image] = tags["og:image"]
    assert local(root, image).is_file() and image == tags["twitter:image"][0]
    assert tags["og:image:alt"] == [alt.group(1)]
    assert tags["twitter:card"] == ["summary_large_image"]


def test_json_ld_article(built_shared: Path) -> None:
    root = built_shared
    fm, data = front_matter(root, WESTEN), json_ld(root, WESTEN)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["headline"] == full_title(fm) and data["alternativeHeadline"] == fm["subtitle"]
    assert [a["name"] for a in data["author"]] == [a["name"] for a in fm["authors"]]
    assert [a["affiliation"]["name"] for a in data["author"]] == [a["affiliation"] for a in fm["authors"]]
    assert data["datePublished"] == day(fm).isoformat() and data["inLanguage"] == "de"
    assert data["publisher"]["name"] == publisher(root)
    assert data["url"] == page_url(root, WESTEN)
    assert data["image"] == metas(root, WESTEN)["og:image"][0]
    assert data["encoding"]["contentUrl"] == metas(root, WESTEN)["citation_pdf_url"][0]
    assert data["license"].startswith("https://creativecommons.org/licenses/by/4.0")


def test_a_plain_case_has_no_invented_values(built_shared: Path) -> None:
    """No subtitle, affiliation, abstract or figure, in no issue: nothing is made up; a Sonderdruck all the same."""
    root = built_shared
    fm, tags = front_matter(root, HOSPITATION), metas(root, HOSPITATION)
    assert tags["citation_title"] == [fm["title"]]
    assert tags["citation_author"] == [inverted(a["name"]) for a in fm["authors"]]
    for absent in ("citation_author_institution", "citation_abstract", "og:image", "twitter:image"):
        assert absent not in tags, absent
    assert tags["twitter:card"] == ["summary"]
    assert local(root, tags["citation_pdf_url"][0]).is_file()
    assert "alternativeHeadline" not in json_ld(root, HOSPITATION)


def test_every_page_links_the_feed_and_only_case_pages_carry_citation_tags(built_shared: Path) -> None:
    site = built_shared / "build/html"
    cases = {WESTEN, HOSPITATION, "beitraege/bremen/zwischen"}
    for file in site.rglob("*.html"):
        if "_static" in file.relative_to(site).parts:
            continue
        docname = file.relative_to(site).with_suffix("").as_posix()
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        feed = soup.find("link", rel="alternate", type="application/atom+xml")
        assert feed is not None and (file.parent / feed["href"]).resolve() == site / "feed.xml", docname
        assert (soup.find("meta", attrs={"name": "citation_title"}) is not None) == (docname in cases), docname


def test_zitieren_box_cites_like_the_literatur_lists_and_offers_the_files(built_shared: Path) -> None:
    root = built_shared
    fm = front_matter(root, WESTEN)
    box = article(root, WESTEN).find(class_="koop-zitieren")
    assert box is not None
    shown = text(box)
    who = "; ".join(inverted(a["name"]) for a in fm["authors"])
    assert f"{who} ({day(fm).year}): {fm['title']}. {fm['subtitle']}." in shown  # bib.py's list style
    assert f"In: {M.CITE_CONTAINER}." in shown and "koopBLATT No. 1 (2015)" in shown
    assert page_url(root, WESTEN) in shown
    links = {text(a): a["href"] for a in box.find_all("a") if not a["href"].startswith("http")}
    assert set(links) >= {M.CITE_BIBTEX, M.CITE_RIS}
    assert any(label.startswith("Als PDF (Sonderdruck") for label in links)
    assert broken_links(root / "build/html") == []
    # the box is the handbook's: the print PDF of the issue has no download links
    issue = " ".join(p.extract_text() for p in PdfReader(root / "build/pdf/koopblatt-1.pdf").pages)
    assert M.CITE_RIS not in issue


def test_bibtex_of_the_case_parses_with_the_right_fields(built_shared: Path) -> None:
    root = built_shared
    fm = front_matter(root, WESTEN)
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        (root / "build/html/zitieren/westen.bib").read_text(encoding="utf-8"),
        append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    assert not library.failed_blocks
    [entry] = library.entries
    fields = {f.key: f.value for f in entry.fields}
    assert entry.entry_type == "incollection"
    assert fields["title"].strip("{}") == fm["title"] and fields["subtitle"].strip("{}") == fm["subtitle"]
    names = [f"{' '.join(n.last)}, {' '.join(n.first)}" for n in fields["author"]]
    assert names == [inverted(a["name"]) for a in fm["authors"]]
    assert fields["year"] == str(day(fm).year) and fields["date"] == day(fm).isoformat()
    assert fields["url"] == page_url(root, WESTEN)
    assert fields["booktitle"].strip("{}") == M.CITE_CONTAINER


def test_ris_record_follows_the_spec(built_shared: Path) -> None:
    root = built_shared
    fm = front_matter(root, WESTEN)
    raw = (root / "build/html/zitieren/westen.ris").read_bytes().decode("utf-8")
    lines = raw.split("\r\n")
    assert lines[-1] == "" and "\n" not in raw.replace("\r\n", "")  # CRLF line ends only
    lines = lines[:-1]
    assert lines[0] == "TY  - CHAP" and lines[-1] == "ER  - "
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), lines
    tags: dict[str, list[str]] = {}
    for line in lines:
        tags.setdefault(line[:2], []).append(line[6:])
    assert tags["AU"] == [inverted(a["name"]) for a in fm["authors"]]
    assert tags["TI"] == [full_title(fm)]
    assert tags["PY"] == [str(day(fm).year)]
    assert tags["UR"] == [page_url(root, WESTEN)]
    assert tags["L1"] == metas(root, WESTEN)["citation_pdf_url"]


# as written (HTML's `<` escaped, as Markdown wants it in a title), and as every output reads it (MyST's quotes)
WRITTEN = 'Kunst & „Kultur“ im \\<Westen> – "Ölmühle" {neu} 100 % #1'
TRICKY = 'Kunst & „Kultur“ im <Westen> – „Ölmühle“ {neu} 100 % #1'


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mini with a title full of characters that need escaping in HTML, JSON, BibTeX and RIS."""
    from support.projects import copy_project

    from pipeline.html.build import build_html

    root = copy_project("mini", tmp_path_factory.mktemp("tricky"))
    file = root / f"docs/{WESTEN}.md"
    file.write_text(file.read_text(encoding="utf-8").replace(
        "title: Wächterhäuser im Westen", f"title: '{WRITTEN}'"), encoding="utf-8")
    assert build_html(root).status == 0
    return root


def test_titles_with_quotes_ampersands_and_brackets_survive_every_format(tricky: Path) -> None:
    root = tricky
    assert front_matter(root, WESTEN)["title"] == WRITTEN
    tags = metas(root, WESTEN)
    assert tags["citation_title"][0].startswith(TRICKY + ": ")
    assert tags["og:title"][0].startswith(TRICKY) and tags["DC.title"][0].startswith(TRICKY)
    assert json_ld(root, WESTEN)["headline"].startswith(TRICKY + ": ")
    html = (root / f"build/html/{WESTEN}.html").read_text(encoding="utf-8")
    assert "<Westen>" not in html  # escaped everywhere, never markup
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        (root / "build/html/zitieren/westen.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks and len(library.entries) == 1
    ris = (root / "build/html/zitieren/westen.ris").read_text(encoding="utf-8")
    assert f"TI  - {TRICKY}: " in ris
    assert TRICKY.replace("{", "").replace("}", "") in text(page(root, WESTEN).find(class_="koop-zitieren"))


@pytest.mark.slow
def test_the_sonderdruck_link_follows_the_pdf_step(project_copy: Callable[[str], Path]) -> None:
    """Handbook alone: no Sonderdruck, no link; after the pdf step the next handbook run links it."""
    from pipeline.html.build import build_html
    from pipeline.typst.build import build_pdf
    from pipeline.validate import validate_project

    root = project_copy("mini")
    assert build_html(root).status == 0
    assert "citation_pdf_url" not in metas(root, HOSPITATION)
    box = text(article(root, HOSPITATION).find(class_="koop-zitieren"))
    assert "Sonderdruck" not in box
    assert build_pdf(root, validate_project(root)).status == 0
    assert build_html(root).status == 0
    assert local(root, metas(root, HOSPITATION)["citation_pdf_url"][0]).is_file()
    assert "Sonderdruck" in text(article(root, HOSPITATION).find(class_="koop-zitieren"))
