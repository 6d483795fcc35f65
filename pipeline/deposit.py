"""`nox -s ablieferung`: the deposit of every published koopBLATT issue with the Deutsche Nationalbibliothek.

Per issue, `build/ablieferung/<issue>/` gets what the DNB accepts for an online publication: the screen PDF
(PDF/A-2a, checked from its XMP), the EPUB (both unprotected, as last built and checked) and a MARC 21
record in MARCXML made with pymarc, read back and checked field by field before it is written (no
package on PyPI ships the MARC 21 slim schema). Only issues that are out (`manifest.is_published`) and
free of errors are delivered; the files are taken from build/, never rebuilt here.
"""

from __future__ import annotations

import datetime as dt
import io
import runpy
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pymarc
from pymarc import Field, Indicators, Record, Subfield

from . import messages as M
from .citation import LICENSE_URLS, person
from .errors import EXIT_CONTENT, EXIT_OK
from .manifest import Issue, is_published
from .outputs import build_dir, build_time, publish_file, remove_stale
from .project import Project
from .schema import DEFAULT_LICENSE
from .typst import pagemap
from .validate import validate_project

FOLDER = "ablieferung"
DOWNLOADS = "downloads"  # where the handbook offers the issue files (sphinx_ext.browse.DOWNLOADS)
LANGUAGE = "ger"  # MARC language code (ISO 639-2/B)
COUNTRY = "gw "  # MARC country code: Germany
LEADER = "00000nam a2200000 c 4500"  # new, language material, monograph (the issue), Unicode, no ISBD punctuation
MULTILOCAL = "c"  # 008/28 government publication: several local governments (Bremen, Leipzig, Nürnberg)
__all__ = ["FOLDER", "Delivery", "deposit", "marc_record", "record_problems"]


@dataclass(frozen=True)
class Delivery:
    """What one issue's deposit holds and says."""

    issue: Issue
    pdf: Path
    epub: Path
    pages: int  # of the PDF
    pdfa: str  # e.g. "2A"
    authors: tuple[str, ...]  # every contribution's authors, in print order
    contents: tuple[tuple[str, str], ...]  # (title, authors as written) of each contribution, in print order
    publisher: str
    place: str
    handbook_url: str  # html_baseurl; "" if the project has none
    stamp: dt.datetime  # the build's time (SOURCE_DATE_EPOCH when set)


def _url(d: Delivery, name: str) -> str:
    return f"{d.handbook_url.rstrip('/')}/{DOWNLOADS}/{name}" if d.handbook_url else ""


def _field(tag: str, ind: str, *pairs: tuple[str, str]) -> Field:
    return Field(tag=tag, indicators=Indicators(ind[0], ind[1]),
                 subfields=[Subfield(code, value) for code, value in pairs if value])


def _fixed_data(d: Delivery) -> str:
    """008 for books (40 positions): entered on the build day, single date, Germany, online, multilocal
    government publication, German."""
    year = f"{d.issue.date.year:04d}"
    out = (d.stamp.strftime("%y%m%d") + "s" + year + "    " + COUNTRY + "    " + " " + "o" + "    "
           + MULTILOCAL + "000" + " " + "0" + " " + LANGUAGE + " " + "d")
    assert len(out) == 40
    return out


def marc_record(d: Delivery) -> Record:
    """The issue as an online resource in MARC 21: title and number, publisher, extent, RDA content/media/
    carrier, the serial (490 and 773 host item with the online ISSN, 776 the print edition), contents (505),
    licence (540), authors (700) and the addresses of PDF and EPUB (856)."""
    issue = d.issue
    number = M.MARC_NUMBER.format(issue.number)
    fields = [
        Field(tag="001", data=f"koopstadt-{issue.id}"),
        Field(tag="003", data="koopstadt"),
        Field(tag="005", data=d.stamp.strftime("%Y%m%d%H%M%S.0")),
        Field(tag="006", data="m     o  d        "),
        Field(tag="007", data="cr |||||||||||"),
        Field(tag="008", data=_fixed_data(d)),
    ]
    if issue.issn_online:
        fields.append(_field("022", "  ", ("a", issue.issn_online)))
    fields.append(_field("041", "  ", ("a", LANGUAGE)))
    fields.append(_field("245", "00", ("a", issue.title), ("n", number), ("b", issue.subtitle)))
    fields.append(_field("264", " 1", ("a", d.place), ("b", d.publisher), ("c", str(issue.year))))
    fields.append(_field("300", "  ", ("a", M.MARC_EXTENT.format(M.count(d.pages, "Seite")))))
    for tag, (term, code, source) in (("336", M.MARC_CONTENT), ("337", M.MARC_MEDIA), ("338", M.MARC_CARRIER)):
        fields.append(_field(tag, "  ", ("a", term), ("b", code), ("2", source)))
    fields.append(_field("347", "  ", ("a", M.MARC_FILE_TYPE), ("b", f"PDF/A-{d.pdfa}")))
    fields.append(_field("347", "  ", ("a", M.MARC_FILE_TYPE), ("b", "EPUB")))
    fields.append(_field("490", "0 ", ("a", issue.title), ("x", issue.issn_online or issue.issn_print),
                         ("v", number)))
    if d.contents:
        fields.append(Field(tag="505", indicators=Indicators("0", "0"), subfields=[
            Subfield(code, value) for title, names in d.contents
            for code, value in (("t", title), ("r", names)) if value]))
    licence = " ".join(DEFAULT_LICENSE.split())
    fields.append(_field("540", "  ", ("a", licence), ("u", LICENSE_URLS.get(licence, ""))))
    for name in d.authors:
        fields.append(_field("700", "1 ", ("a", person(name).inverted), ("e", M.MARC_AUTHOR), ("4", "aut")))
    fields.append(_field("710", "2 ", ("a", d.publisher), ("e", M.MARC_ISSUING_BODY), ("4", "isb")))
    fields.append(_field("773", "0 ", ("t", issue.title), ("x", issue.issn_online),
                         ("g", M.issue_title(issue.number, issue.year)), ("q", str(issue.number))))
    if issue.issn_print:
        fields.append(_field("776", "08", ("i", M.MARC_PRINT_EDITION), ("t", issue.title),
                             ("x", issue.issn_print)))
    for file, kind in ((d.pdf, "application/pdf"), (d.epub, "application/epub+zip")):
        url = _url(d, file.name)
        if url:
            fields.append(_field("856", "40", ("u", url), ("q", kind)))
    record = Record(leader=LEADER, force_utf8=True)
    record.add_field(*fields)  # type: ignore[no-untyped-call]  # pymarc's stub leaves it untyped
    return record


def record_problems(xml: bytes, d: Delivery) -> list[str]:
    """What the MARCXML, read back with pymarc, says differently from the delivery (empty when all agree)."""
    records = pymarc.parse_xml_to_array(io.BytesIO(xml))  # type: ignore[no-untyped-call]
    if len(records) != 1 or records[0] is None:
        return [f"{len(records)} Datensätze statt 1"]
    r = records[0]
    issue = d.issue
    expected: list[tuple[str, object, object]] = [
        ("Leader", len(str(r.leader)), 24),
        ("008", len(r["008"].data or "") if r["008"] else 0, 40),
        ("008/35-37", (r["008"].data or "")[35:38] if r["008"] else "", LANGUAGE),
        ("041", r["041"]["a"] if r["041"] else None, LANGUAGE),
        ("245 $a", r["245"]["a"] if r["245"] else None, issue.title),
        ("264 $c", r["264"]["c"] if r["264"] else None, str(issue.year)),
        ("300 $a", r["300"]["a"] if r["300"] else None, M.MARC_EXTENT.format(M.count(d.pages, "Seite"))),
        ("773 $q", r["773"]["q"] if r["773"] else None, str(issue.number)),
        ("700", [f["a"] for f in r.get_fields("700")], [person(n).inverted for n in d.authors]),
        ("856", [f["u"] for f in r.get_fields("856")], [u for u in (_url(d, d.pdf.name), _url(d, d.epub.name)) if u]),
    ]
    if issue.issn_online:
        expected.append(("022 $a", r["022"]["a"] if r["022"] else None, issue.issn_online))
    return [f"{name}: {found!r} statt {wanted!r}" for name, found, wanted in expected if found != wanted]


def _pdfa(pdf: Path) -> tuple[str, bool]:
    """(PDF/A part and conformance from the XMP, e.g. "2A" or "", encrypted?)."""
    with pikepdf.open(pdf) as doc:
        return str(doc.open_metadata().pdfa_status or ""), bool(doc.is_encrypted)


def _epub_protected(epub: Path) -> bool:
    with zipfile.ZipFile(epub) as zf:
        return "META-INF/encryption.xml" in zf.namelist()


def handbook_url(root: Path) -> str:
    """`html_baseurl` of the project's conf.py (the handbook offers every issue's files under downloads/)."""
    conf = root / "conf.py"
    if not conf.is_file():
        return ""
    return str(runpy.run_path(str(conf)).get("html_baseurl", "") or "")


def _delivery(root: Path, project: Project, issue: Issue, url: str) -> tuple[Delivery | None, str]:
    """The delivery of one published issue, or None and why not (German)."""
    pdf = pagemap.issue_pdf(root, issue)
    epub = build_dir(root) / "epub" / issue.epub
    for file in (pdf, epub):
        if not file.is_file():
            return None, M.DEPOSIT_MISSING.format(issue.number, file.relative_to(root).as_posix())
    status, encrypted = _pdfa(pdf)
    if encrypted or _epub_protected(epub):
        return None, M.DEPOSIT_PROTECTED.format(issue.number, (pdf if encrypted else epub).name)
    if not status:
        return None, M.DEPOSIT_NOT_PDFA.format(issue.number, pdf.name, "keine PDF/A-Kennung in den XMP-Metadaten")
    with pikepdf.open(pdf) as doc:
        pages = len(doc.pages)
    contributions = [project.contributions[d] for d in issue.contributions if d in project.contributions]
    authors = tuple(dict.fromkeys(a.name for c in contributions for a in c.authors))
    contents = tuple((f"{c.title}: {c.subtitle}" if c.subtitle else c.title, ", ".join(a.name for a in c.authors))
                     for c in contributions)
    body = project.publisher
    publisher = body.name if body is not None else ""
    stamp = dt.datetime.fromtimestamp(build_time(issue.date), dt.UTC)
    return Delivery(issue, pdf, epub, pages, status, authors, contents, publisher, M.CITE_PLACE, url, stamp), ""


def write(delivery: Delivery, folder: Path) -> list[str]:
    """Write the files of one delivery into `folder` (each atomically); the record's problems, if any (then
    nothing is written)."""
    xml: bytes = pymarc.record_to_xml(marc_record(delivery), namespace=True)  # type: ignore[no-untyped-call]
    text = b'<?xml version="1.0" encoding="UTF-8"?>\n' + xml + b"\n"
    problems = record_problems(text, delivery)
    if problems:
        return problems
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder, "*", Path.is_dir)  # what an earlier delivery of the issue left
    for file in (delivery.pdf, delivery.epub):
        shutil.copyfile(file, folder / f".{file.name}.tmp")
        (folder / f".{file.name}.tmp").replace(folder / file.name)
    publish_file(text, folder / f"{delivery.issue.id}.marc.xml")
    return []


def deposit(root: Path) -> int:
    """Every published issue without errors into build/ablieferung/<issue>/; exit status 1 if one could not."""
    project = validate_project(root, cache=True)
    url = handbook_url(root)
    status, done = EXIT_OK, []
    for number in sorted(project.held):
        if is_published(project.held[number]):
            print(M.DEPOSIT_HELD.format(number), file=sys.stderr)
            status = EXIT_CONTENT
    published = [i for _, i in sorted(project.issues.items()) if is_published(i)]
    for issue in published:
        delivery, why = _delivery(root, project, issue, url)
        if delivery is None:
            print(why, file=sys.stderr)
            status = EXIT_CONTENT
            continue
        folder = build_dir(root) / FOLDER / issue.id
        problems = write(delivery, folder)
        if problems:
            print(M.DEPOSIT_RECORD.format(issue.number, "; ".join(problems)), file=sys.stderr)
            status = EXIT_CONTENT
            continue
        done.append(folder)
        print(M.DEPOSIT_DONE.format(issue.number, folder.relative_to(root).as_posix(), delivery.pdfa))
    if not published and not project.held:
        print(M.DEPOSIT_NONE)
    elif done:
        print(M.DEPOSIT_ALL.format((build_dir(root) / FOLDER).relative_to(root).as_posix(),
                                   M.plural_count(len(done), "Ausgabe", "Ausgaben")))
    return status
