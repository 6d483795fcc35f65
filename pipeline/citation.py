"""How a published case is cited: one record per contribution, rendered as German citation, BibTeX and RIS.

Shared by the handbook (Zitieren box, head metadata, open data, feed) and the Sonderdruck (its colophon),
so every output names, dates and links a case the same way. The German text is the BibTeX entry rendered
by `bib`, i.e. exactly the style of the Literatur lists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

import bibtexparser
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from bibtexparser.middlewares.names import parse_single_name_into_parts
from bibtexparser.model import Entry, Field

from . import bib
from . import messages as M
from .manifest import Issue, split_published
from .model import Contribution

LANGUAGE = "de"
OFFPRINT_DIR = "sonderdrucke"  # build/pdf/sonderdrucke/ and, in the handbook, downloads/
CITE_DIR = "zitieren"  # build/html/zitieren/<kurzname>.bib|.ris
LICENSE_URLS = {
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC BY-ND 4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
    "CC BY-NC 4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC BY-NC-SA 4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC BY-NC-ND 4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


def offprint_name(slug: str) -> str:
    """File name of a case's Sonderdruck (slugs are unique in the project)."""
    return f"sonderdruck-{slug}.pdf"


def page_url(base: str, docname: str) -> str:
    """Absolute URL of a handbook page (`html_baseurl` + page)."""
    return f"{base.rstrip('/')}/{docname}.html" if base else f"{docname}.html"


def site_url(base: str, path: str) -> str:
    return f"{base.rstrip('/')}/{path}" if base else path


def license_url(text: str) -> str:
    return LICENSE_URLS.get(" ".join(text.split()), "")


@dataclass(frozen=True)
class Person:
    name: str  # as written in the front matter: "Erika Muster"
    last: str  # "Muster" (with particles: "von der Müller"); the whole name for a body
    first: str
    affiliation: str

    @property
    def inverted(self) -> str:
        """"Muster, Erika" (RIS, Highwire, BibTeX)."""
        return f"{self.last}, {self.first}" if self.first else self.last


def person(name: str, affiliation: str = "") -> Person:
    """Split a name as BibTeX does ("Erika Muster", "Hans von der Müller"); a name with a comma is a body."""
    if "," in name:
        return Person(name, name, "", affiliation)
    parts = parse_single_name_into_parts(name, strict=False)
    last = " ".join([*parts.von, *parts.last]).replace("{", "").replace("}", "")
    return Person(name, last or name, " ".join(parts.first), affiliation)


@dataclass(frozen=True)
class Printing:
    """A published koopBLATT issue a case is printed in, with its pages there when the build knows them."""

    journal: str  # the serial's title (the manifest's `titel`): koopBLATT
    number: int
    year: int
    date: dt.date
    issn_print: str = ""
    issn_online: str = ""
    first: int = 0  # pages in the issue's PDF (0: not known, no PDF built)
    last: int = 0

    @property
    def name(self) -> str:
        """„koopBLATT No. 3 (2015)“."""
        return M.issue_title(self.number, self.year)

    @property
    def pages(self) -> str:
        """„12–15“, „12“ or "" (German page range with an en dash)."""
        if not self.first:
            return ""
        return str(self.first) if self.last in (0, self.first) else f"{self.first}–{self.last}"

    @property
    def issns(self) -> tuple[str, ...]:
        return tuple(i for i in (self.issn_print, self.issn_online) if i)


def printing(issue: Issue, pages: tuple[int, int] | None) -> Printing:
    first, last = pages or (0, 0)
    return Printing(issue.title, issue.number, issue.year, issue.date, issue.issn_print, issue.issn_online,
                    first, last)


@dataclass(frozen=True)
class Record:
    """Everything a citation of one case says."""

    key: str
    slug: str
    title: str
    subtitle: str
    authors: tuple[Person, ...]
    date: dt.date
    url: str
    container: str  # the handbook
    publisher: str
    place: str
    abstract: str
    keywords: tuple[str, ...]
    license: str
    pdf_url: str = ""  # the Sonderdruck, when there is one
    language: str = LANGUAGE
    printed: tuple[Printing, ...] = ()  # published issues only (`manifest.is_published`), with pages and ISSNs

    @property
    def full_title(self) -> str:
        """Title and subtitle as citation managers join them."""
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    @property
    def issues(self) -> tuple[str, ...]:
        """„koopBLATT No. 3 (2015)“ for each issue the case is printed in."""
        return tuple(p.name for p in self.printed)

    @property
    def note(self) -> str:
        """„Auch erschienen in: koopBLATT No. 3 (2015), S. 12–15“ (pages where the build knows them)."""
        places = [", ".join([p.name, *([M.CITE_PAGES.format(p.pages)] if p.pages else [])]) for p in self.printed]
        return M.CITE_ALSO_IN.format("; ".join(places)) if places else ""


def record(c: Contribution, issues: list[Issue], base: str, publisher: str, pdf_url: str = "",
           pages: Mapping[int, tuple[int, int]] | None = None) -> Record:
    """The citation record of a case; `pages` gives, per issue number, the case's first and last page in that
    issue's PDF (known after the PDF step)."""
    published = split_published(issues)[0]
    return Record(
        key=f"koopstadt-{c.slug}", slug=c.slug, title=c.title, subtitle=c.subtitle,
        authors=tuple(person(a.name, a.affiliation) for a in c.authors), date=c.date,
        url=page_url(base, c.docname), container=M.CITE_CONTAINER, publisher=publisher, place=M.CITE_PLACE,
        abstract=c.abstract, keywords=tuple(c.keywords), license=c.license,
        pdf_url=pdf_url, printed=tuple(printing(i, (pages or {}).get(i.number)) for i in published))


# -- BibTeX ----------------------------------------------------------------------------------------------------

_TEX_SPECIAL = re.compile(r"([&%$#_])")


def _tex(text: str) -> str:
    """A value safe inside BibTeX braces: LaTeX specials escaped, stray braces dropped, one line."""
    return _TEX_SPECIAL.sub(r"\\\1", " ".join(text.replace("{", "").replace("}", "").split()))


def _bib_name(p: Person) -> str:
    return "{" + _tex(p.name) + "}" if not p.first else f"{_tex(p.last)}, {_tex(p.first)}"


def bibtex_entry(r: Record) -> Entry:
    """The case as a BibTeX (biblatex-compatible) @incollection of the handbook."""
    fields = [
        ("author", " and ".join(_bib_name(p) for p in r.authors)),
        ("title", "{" + _tex(r.title) + "}"),  # inner braces keep German capitals in every style
        ("subtitle", "{" + _tex(r.subtitle) + "}" if r.subtitle else ""),
        ("booktitle", "{" + _tex(r.container) + "}"),
        ("publisher", _tex(r.publisher)),
        ("address", _tex(r.place)),
        ("year", str(r.date.year)),
        ("date", r.date.isoformat()),
        ("note", _tex(r.note)),
        ("url", r.url),
        ("abstract", _tex(r.abstract)),
        ("keywords", _tex(", ".join(r.keywords))),
        ("langid", "ngerman"),
        ("language", "german"),
        ("license", _tex(r.license)),
    ]
    return Entry("incollection", r.key, [Field(k, v) for k, v in fields if v])


def bibtex(records: list[Record]) -> str:
    """A .bib file (UTF-8) of the records, written by bibtexparser."""
    fmt = bibtexparser.BibtexFormat()  # type: ignore[attr-defined,no-untyped-call]
    fmt.indent = "  "
    fmt.block_separator = "\n\n"
    library = bibtexparser.Library([bibtex_entry(r) for r in records])  # type: ignore[attr-defined]
    text: str = bibtexparser.write_string(library, bibtex_format=fmt)  # type: ignore[attr-defined]
    return "% Encoding: UTF-8\n\n" + text.strip() + "\n"


def german(records: list[Record]) -> dict[str, str]:
    """The German citation of each record (by key), rendered by `bib` as in every Literatur list."""
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        bibtex(records), append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    return {e.key: bib.entry_text(e, bib.field_text(e, "year")) for e in library.entries}


# -- RIS ---------------------------------------------------------------------------------------------------------


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def ris(r: Record) -> str:
    """One RIS record (RIS spec: „TAG  - value“, CRLF, TY first, ER last); a chapter (CHAP) of the handbook."""
    lines = [_ris_line("TY", "CHAP")]
    lines += [_ris_line("AU", p.inverted) for p in r.authors]
    lines += [_ris_line("TI", r.full_title), _ris_line("T2", r.container), _ris_line("PY", str(r.date.year)),
              _ris_line("DA", r.date.strftime("%Y/%m/%d")), _ris_line("PB", r.publisher), _ris_line("CY", r.place),
              _ris_line("LA", r.language), _ris_line("UR", r.url)]
    if r.abstract:
        lines.append(_ris_line("AB", r.abstract))
    lines += [_ris_line("KW", k) for k in r.keywords]
    if r.pdf_url:
        lines.append(_ris_line("L1", r.pdf_url))
    if r.note:
        lines.append(_ris_line("N1", r.note))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"
