"""What libraries, catalogues and citation managers read (issue 19, part 4): a case printed in a koopBLATT is a
journal article with issue, pages, date and ISSN, a handbook-only case a section of the handbook; ISSNs in the
imprint, the PDF's XMP and the EPUB's package; the e-books' accessibility conformance.

Item types are decided as Zotero's „Embedded Metadata“ translator decides them (`zotero_type`); expected values
come from the fixture's manifest and front matter, pages from the built PDF itself."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from support.projects import copy_project
from support.reproducible import epoch
from support.shareutil import day, front_matter, full_title, json_ld, metas

from pipeline.cli import main
from pipeline.schema import issn_valid

SLOW_FIXTURES = {"built"}  # builds real outputs: tests using it are `slow` (conftest)

WESTEN = "beitraege/leipzig/westen"  # printed in koopBLATT No. 1
ZWISCHEN = "beitraege/bremen/zwischen"  # printed in koopBLATT No. 1
HOSPITATION = "beitraege/nuernberg/hospitation"  # only in the handbook
PRISM = "http://prismstandard.org/namespaces/basic/3.0/"
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}

# Zotero's Embedded Metadata translator (zotero/translators, „Embedded Metadata.js“, init()): the Highwire tag
# that decides the item type; the last one in the head wins, and a type from them beats RDF (og:, DC.)
HIGHWIRE_TYPES = {"citation_journal_title": "journalArticle", "citation_technical_report_institution": "report",
                  "citation_conference_title": "conferencePaper", "citation_conference": "conferencePaper",
                  "citation_book_title": "bookSection", "citation_inbook_title": "bookSection",
                  "citation_dissertation_institution": "thesis"}
# older versions of the translator (still in citoid and many Zotero installs) know only these, and guess a
# journal article from a bare citation_title: a type must be decided by a tag every version knows
OLD_HIGHWIRE_TYPES = {k: v for k, v in HIGHWIRE_TYPES.items() if k != "citation_inbook_title"}


def zotero_type(tags: dict[str, list[str]], known: dict[str, str] = HIGHWIRE_TYPES) -> str:
    deciding = [known[k] for k in tags if k in known]
    if deciding:
        return deciding[-1]
    return "journalArticle" if "citation_title" in tags else "webpage"


def manifest(root: Path) -> dict[str, Any]:
    data = yaml.safe_load((root / "koopblatt/1/ausgabe.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def build(root: Path, command: str = "build") -> None:
    with epoch():
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            assert main(["--root", str(root), command]) == 0, err.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project built as `nox -s build` builds it: PDF (with its page map), EPUB, then the handbook."""
    root = copy_project("mini", tmp_path_factory.mktemp("catalogue"))
    build(root)
    return root


def bookmarks(pdf: Path) -> list[tuple[str, int]]:
    """(title, 1-based page) of the PDF's top-level bookmarks, in order."""
    reader = PdfReader(pdf)
    return [(str(item.title), reader.get_destination_page_number(item) + 1)
            for item in reader.outline if not isinstance(item, list)]


def pdf_text(pdf: Path, page: int) -> str:
    return " ".join(PdfReader(pdf).pages[page - 1].extract_text().split())


# -- the case pages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("docname", [WESTEN, ZWISCHEN])
def test_a_case_printed_in_an_issue_is_an_article_of_that_issue(built: Path, docname: str) -> None:
    tags, fm, issue = metas(built, docname), front_matter(built, docname), manifest(built)
    assert zotero_type(tags) == zotero_type(tags, OLD_HIGHWIRE_TYPES) == "journalArticle"
    assert tags["citation_journal_title"] == [issue["titel"]]
    assert tags["citation_issue"] == [str(issue["nummer"])]
    assert tags["citation_publication_date"] == tags["citation_date"] == [issue["datum"].strftime("%Y/%m/%d")]
    assert tags["citation_online_date"] == [day(fm).strftime("%Y/%m/%d")]
    assert tags["citation_issn"] == [issue["issn"]["druck"]] and tags["citation_eIssn"] == [issue["issn"]["online"]]
    assert "citation_book_title" not in tags and "citation_inbook_title" not in tags
    # the pages are those a reader finds in the issue's PDF: where its bookmark leads, up to the next one's page
    first, last = int(tags["citation_firstpage"][0]), int(tags["citation_lastpage"][0])
    pdf = built / "build/pdf/koopblatt-1.pdf"
    marks = bookmarks(pdf)
    titles = [title for title, _ in marks]
    here = titles.index(fm["title"])
    assert marks[here][1] == first <= last
    if here + 1 < len(marks):
        assert marks[here + 1][1] == last + 1
    assert re.search(rf"(^|\s){first}(\s|$)", pdf_text(pdf, first)), "the page shows its number"


def test_json_ld_names_the_issue_its_pages_and_the_serial(built: Path) -> None:
    tags, data, fm, issue = metas(built, WESTEN), json_ld(built, WESTEN), front_matter(built, WESTEN), manifest(built)
    assert data["headline"] == full_title(fm) and data["alternativeHeadline"] == fm["subtitle"]
    printed = [p for p in data["isPartOf"] if p["@type"] == "PublicationIssue"]
    assert len(printed) == 1
    assert printed[0]["issueNumber"] == str(issue["nummer"])
    assert printed[0]["datePublished"] == issue["datum"].isoformat()
    assert printed[0]["isPartOf"]["@type"] == "Periodical" and printed[0]["isPartOf"]["name"] == issue["titel"]
    assert printed[0]["isPartOf"]["issn"] == [issue["issn"]["druck"], issue["issn"]["online"]]
    assert (str(data["pageStart"]), str(data["pageEnd"])) == (tags["citation_firstpage"][0],
                                                              tags["citation_lastpage"][0])


def test_a_handbook_only_case_is_a_section_of_the_handbook(built: Path) -> None:
    tags, data, fm = metas(built, HOSPITATION), json_ld(built, HOSPITATION), front_matter(built, HOSPITATION)
    assert zotero_type(tags) == zotero_type(tags, OLD_HIGHWIRE_TYPES) == "bookSection"
    assert tags["citation_book_title"] == ["koopstadt – Handbuch der Praxisfälle"]
    assert tags["citation_publication_date"] == [day(fm).strftime("%Y/%m/%d")]
    for absent in ("citation_journal_title", "citation_issue", "citation_firstpage", "citation_issn"):
        assert absent not in tags, absent
    parts = data["isPartOf"] if isinstance(data["isPartOf"], list) else [data["isPartOf"]]
    assert [p["@type"] for p in parts] == ["Book"]
    assert "pageStart" not in data


def test_the_citation_files_name_the_pages(built: Path) -> None:
    tags = metas(built, WESTEN)
    first, last = tags["citation_firstpage"][0], tags["citation_lastpage"][0]
    pages = first if first == last else f"{first}–{last}"
    ris = (built / "build/html/zitieren/westen.ris").read_bytes().decode("utf-8")  # CRLF as the RIS spec wants
    assert f"N1  - Auch erschienen in: koopBLATT No. 1 (2015), S. {pages}\r\n" in ris


def test_every_case_page_has_exactly_one_type_deciding_tag(built: Path) -> None:
    """No page leaves the type to a guess, none carries two that disagree (the translator takes the last)."""
    site = built / "build/html/beitraege"
    pages = [p.relative_to(built / "build/html").with_suffix("").as_posix() for p in site.rglob("*.html")]
    assert len(pages) == 3
    for docname in pages:
        tags = metas(built, docname)
        assert len([k for k in tags if k in HIGHWIRE_TYPES]) == 1, docname


@pytest.mark.slow
def test_a_planned_issue_does_not_make_an_article(project_copy: Callable[[str], Path]) -> None:
    """Before its date an issue is only planned: the case stays a section of the handbook, no issue or ISSN."""
    root = project_copy("mini")
    file = root / "koopblatt/1/ausgabe.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("datum: 2015-06-15", "datum: 2015-06-16"),
                    encoding="utf-8")
    build(root, "html")
    tags = metas(root, WESTEN)
    assert zotero_type(tags) == "bookSection" and "citation_issue" not in tags and "citation_issn" not in tags


@pytest.mark.slow
def test_pages_follow_a_new_print_order(project_copy: Callable[[str], Path]) -> None:
    """A changed print order moves the cases in the PDF: the next build cites the new pages (the case pages are
    written again although their sources did not change)."""
    root = project_copy("mini")
    build(root)
    before = {d: metas(root, d)["citation_firstpage"] for d in (WESTEN, ZWISCHEN)}
    file = root / "koopblatt/1/ausgabe.yml"
    text = file.read_text(encoding="utf-8")
    swapped = text.replace("  - beitraege/leipzig/westen.md\n  - beitraege/bremen/zwischen.md\n",
                           "  - beitraege/bremen/zwischen.md\n  - beitraege/leipzig/westen.md\n")
    assert swapped != text
    file.write_text(swapped, encoding="utf-8")
    build(root)
    marks = dict(bookmarks(root / "build/pdf/koopblatt-1.pdf"))
    for docname in (WESTEN, ZWISCHEN):
        [first] = metas(root, docname)["citation_firstpage"]
        assert int(first) == marks[front_matter(root, docname)["title"]], docname
    assert {d: metas(root, d)["citation_firstpage"] for d in (WESTEN, ZWISCHEN)} != before


# -- ISSN in the imprint, the PDF and the EPUB --------------------------------------------------------------


@given(st.lists(st.integers(0, 9), min_size=7, max_size=7), st.sampled_from("0123456789X"))
def test_an_issn_is_valid_exactly_with_its_check_digit(digits: list[int], check: str) -> None:
    total = sum(d * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    right = (11 - total % 11) % 11
    text = "".join(map(str, digits[:4])) + "-" + "".join(map(str, digits[4:])) + check
    assert issn_valid(text) == (check == ("X" if right == 10 else str(right)))
    assert not issn_valid(text.replace("-", "")) and not issn_valid(" " + text)


def test_the_imprint_names_both_issns(built: Path) -> None:
    issue = manifest(built)
    reader = PdfReader(built / "build/pdf/koopblatt-1.pdf")
    imprint = next(" ".join(p.extract_text().split()) for p in reader.pages if "Impressum" in p.extract_text())
    assert f"{issue['issn']['druck']} (Druck)" in imprint and f"{issue['issn']['online']} (online)" in imprint


@pytest.mark.parametrize(("name", "edition"), [("koopblatt-1.pdf", "online"), ("koopblatt-1-druck.pdf", "druck")])
def test_the_pdf_xmp_names_the_serial(built: Path, name: str, edition: str) -> None:
    issue = manifest(built)
    with pikepdf.open(built / "build/pdf" / name) as pdf:
        meta = pdf.open_metadata()
        if edition == "online":
            assert meta.pdfa_status == "2A"  # still PDF/A-2a with the added properties
        assert meta[f"{{{PRISM}}}issn"] == issue["issn"]["druck"]
        assert meta[f"{{{PRISM}}}eIssn"] == issue["issn"]["online"]
        assert meta[f"{{{PRISM}}}publicationName"] == issue["titel"]
        assert meta[f"{{{PRISM}}}number"] == str(issue["nummer"])
        assert meta[f"{{{PRISM}}}coverDate"] == issue["datum"].isoformat()
        assert meta["dc:identifier"] == f"urn:issn:{issue['issn'][edition]}"
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
    # PDF/A: every property outside the predefined schemas is declared in an extension schema
    used = set(re.findall(r"<prism:(\w+)>", xmp))
    declared = re.search(r"<pdfaSchema:namespaceURI>" + re.escape(PRISM) + r"</pdfaSchema:namespaceURI>(.*?)"
                         r"</pdfaSchema:property>", xmp, re.DOTALL)
    assert used and declared is not None
    assert used == set(re.findall(r"<pdfaProperty:name>(\w+)</pdfaProperty:name>", declared.group(1)))


def opf_root(book: Path) -> ET.Element:
    with zipfile.ZipFile(book) as zf:
        return ET.fromstring(zf.read("content.opf"))


def metas_opf(root: ET.Element, prop: str) -> list[ET.Element]:
    return [m for m in root.iter(f"{{{OPF['opf']}}}meta") if m.get("property") == prop]


@pytest.mark.parametrize("book", ["koopblatt-1.epub", "handbuch.epub"])
def test_epubs_declare_their_accessibility_conformance(built: Path, book: str) -> None:
    root = opf_root(built / "build/epub" / book)
    [conforms] = metas_opf(root, "dcterms:conformsTo")
    assert conforms.text == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
    [certifier] = metas_opf(root, "a11y:certifiedBy")
    assert certifier.get("refines") == f"#{conforms.get('id')}" and (certifier.text or "").strip()
    [summary] = metas_opf(root, "schema:accessibilitySummary")
    assert len((summary.text or "").split()) > 10


def test_the_issue_epub_belongs_to_the_serial_with_its_issns(built: Path) -> None:
    issue = manifest(built)
    root = opf_root(built / "build/epub/koopblatt-1.epub")
    [serial] = metas_opf(root, "belongs-to-collection")
    assert serial.text == issue["titel"]
    refining: dict[str, list[str]] = {}
    for m in root.iter(f"{{{OPF['opf']}}}meta"):
        if m.get("refines") == f"#{serial.get('id')}":
            refining.setdefault(str(m.get("property")), []).append(m.text or "")
    assert refining["collection-type"] == ["series"] and refining["group-position"] == [str(issue["nummer"])]
    issns = issue["issn"]
    assert refining["dcterms:identifier"] == [f"urn:issn:{issns['online']}", f"urn:issn:{issns['druck']}"]
    assert not metas_opf(opf_root(built / "build/epub/handbuch.epub"), "belongs-to-collection")


@pytest.mark.parametrize("packet", ["screen", "print"])
def test_the_xmp_prefixes_do_not_depend_on_what_the_process_saw_before(packet: str) -> None:
    """ElementTree's namespace registry is one for the process: another document (another compile thread) may
    have registered other prefixes for the same addresses, or none. The serial is written with the same bytes."""
    from pipeline.typst import xmp as x

    declared = (f' xmlns:pdfaExtension="{x.PDFA_EXTENSION}" xmlns:pdfaSchema="{x.PDFA_SCHEMA}"'
                f' xmlns:pdfaProperty="{x.PDFA_PROPERTY}"' if packet == "screen" else "")
    body = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{x.RDF}"><rdf:Description rdf:about=""'
            f' xmlns:dc="{x.DC}"{declared}><dc:format>application/pdf</dc:format></rdf:Description></rdf:RDF>'
            "</x:xmpmeta>")
    xmp = f'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>{body}<?xpacket end="r"?>'.encode()
    serial = x.Serial("koopBLATT", 3, dt.date(2015, 6, 1), "0000-0019", "0000-0027")
    written = []
    for other in ("zz", "nsx", "pdfaSchema"):  # what an earlier document may have left in the registry
        for uri in (x.PDFA_EXTENSION, x.PDFA_SCHEMA, x.PDFA_PROPERTY, x.PRISM):
            ET.register_namespace(f"{other}{len(uri)}", uri)
        written.append(x.add_serial(xmp, serial, online=packet == "screen"))
    assert len(set(written)) == 1
    assert b"xmlns:pdfaSchema=" in written[0] and b"xmlns:prism=" in written[0] and b"ns0:" not in written[0]
