"""Assemble one koopBLATT issue (or a single-contribution proof) as a Typst main file.

The order of pages is a shared decision: cover, imprint, contents, editorial, contributions in
manifest order, notes pages to fill the last sheet, back cover.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from .. import legal
from .. import messages as M
from ..frontmatter import read
from ..manifest import Issue
from ..model import Contribution
from ..schema import DEFAULT_LICENSE
from ..taxonomy import Taxonomy
from . import escape
from .decisions import Decisions
from .preamble import Edition, MainFile, Part, Source


def _authors(c: Contribution) -> str:
    pairs = [f"({escape.string(a.name)}, {escape.string(a.affiliation)})" for a in c.authors]
    return "(" + ", ".join(pairs) + ("," if len(pairs) == 1 else "") + ")"


def beitrag_call(c: Contribution, tax: Taxonomy, body: str, decision: str | None = None) -> str:
    """`#beitrag(…)[body]`; `decision`: its balancing decision passed back (on the line of the id: the main file's
    line numbers stay those of the text without it)."""
    families = escape.strings([tax.families[p].label for p in c.projektfamilien])
    subtitle = escape.string(c.subtitle) if c.subtitle else "none"
    abstract = escape.string(c.abstract) if c.abstract else "none"
    passed = f" ausgleich: {decision}," if decision is not None else ""
    return (f"#beitrag(\n  id: {escape.string(c.slug)},{passed}\n  titel: {escape.string(c.title)},\n"
            f"  untertitel: {subtitle},\n  autoren: {_authors(c)},\n  stadt: {escape.string(c.stadt)},\n"
            f"  art: {escape.string(tax.kinds[c.art].label)},\n"
            f"  themenfeld: {escape.string(tax.fields[c.themenfeld].label)},\n"
            f"  projektfamilien: {families},\n  abstract: {abstract},\n)[\n{body}]\n")


def beitrag_line(c: Contribution, tax: Taxonomy, body: str, decision: str | None) -> str:
    """`beitrag_call` as a line of an issue's main file (and a Sonderdruck's: the same call, the same decision)."""
    return beitrag_call(c, tax, body, decision) + "\n"


def editorial_authors(issue: Issue) -> list[str]:
    split, _ = read(issue.editorial.read_text(encoding="utf-8"), str(issue.editorial))
    data = split.frontmatter.data if split.frontmatter is not None else {}
    out = []
    for a in data.get("authors", []) if isinstance(data, dict) else []:
        if isinstance(a, dict) and a.get("name"):
            out.append(", ".join(str(v) for v in (a.get("name"), a.get("affiliation")) if v))
        elif isinstance(a, str):
            out.append(a)
    return out


def issn_lines(issue: Issue) -> list[str]:
    """„0000-0019 (Druck)“, „0000-0027 (online)“: the serial's ISSNs as the imprint names them."""
    pairs = ((M.ISSN_PRINT, issue.issn_print), (M.ISSN_ONLINE, issue.issn_online))
    return [text.format(issn) for text, issn in pairs if issn]


def imprint_call(issue: Issue, authors: list[str]) -> str:
    """`#impressum(…)`: the body's data from `koopblatt/herausgeber.yml` (the same as in the e-books and the
    handbook), this issue's own items from its manifest; the legal blocks (§ 5 DDG, § 18 MStV) come labelled."""
    im, body = issue.imprint, issue.publisher
    if body is None:  # only while herausgeber.yml has errors, which keep every issue from being set
        return ""
    extra = [(label, lines) for label, lines in legal.imprint_blocks(body)
             if label in (M.LEGAL_REPRESENTED, M.LEGAL_RESPONSIBLE)]
    rows = ", ".join(f"({escape.string(label)}, {escape.strings(lines)})" for label, lines in extra)
    note = " ".join(n for n in (im.note, body.note) if n)
    return (f"#impressum(\n  herausgeber: {escape.string(body.name)},\n  anschrift: {escape.strings(body.address)},\n"
            f"  telefon: {escape.string(body.phone)},\n  email: {escape.string(body.email)},\n"
            f"  web: {escape.string(body.web)},\n  redaktion: {escape.strings(im.editors)},\n"
            f"  gestaltung: {escape.string(im.design)},\n  druck: {escape.string(im.printing)},\n"
            f"  foerderung: {escape.string(body.funding)},\n  hinweis: {escape.string(note)},\n"
            f"  autoren: {escape.strings(authors)},\n  lizenz: {escape.string(DEFAULT_LICENSE)},\n"
            f"  stand: {escape.string(M.german_date(issue.date))},\n  rechtliches: ({rows},),\n"
            f"  issn: {escape.strings(issn_lines(issue))},\n)\n\n")


def edition(issue: Issue, *, proof: bool, balance: bool) -> Edition:
    return Edition(issue.number, issue.year, issue.date, issue.title, issue.subtitle, issue.format,
                   issue.cover.colour, proof=proof, bleed=not proof, balance=balance)


def back_cover_call(issue: Issue, tax: Taxonomy) -> str:
    """`#rueckseite(…)`: the Geschäftsstelle (herausgeber.yml) and the cities' contacts (taxonomy)."""
    publisher = issue.publisher
    office = [publisher.name, *publisher.address, *publisher.contact] if publisher is not None else []
    contacts = ", ".join(
        f"(stadt: {escape.string(c.id)}, titel: {escape.string(c.contact_title)}, "
        f"name: {escape.string(c.contact_name)}, telefon: {escape.string(c.contact_phone)})"
        for c in tax.cities.values() if c.contact_name)
    return (f"#rueckseite(\n  geschaeftsstelle: {escape.strings([o for o in office if o])},\n"
            f"  kontakte: ({contacts},),\n  motto: {escape.string(M.LABELS['motto'])},\n)\n")


def assemble(issue: Issue, contributions: list[Contribution], tax: Taxonomy, *,
             bodies: Callable[[Contribution], Part], editorial: Part | None,
             proof: bool, notes_pages: int | None, cover: str | None, balance: bool = True,
             decisions: Decisions | None = None) -> Source:
    """The main Typst file of an issue; `bodies` translates a contribution on demand.

    `notes_pages` None lets the template pad to whole sheets (`notizen(auto)`); a number forces it. `balance`
    False sets the contributions' last pages unbalanced (the fallback when the balanced layout does not settle);
    `decisions` passes back the balancing decisions kept from earlier compiles."""
    main = MainFile(edition(issue, proof=proof, balance=balance), tax, decisions)
    if not proof:
        main.emit(f"#umschlag(bild: {escape.string(cover) if cover else 'none'}, "
                  f"alt: {escape.string(issue.cover.alt)}, motto: {escape.string(M.LABELS['motto'])})\n\n")
        authors = sorted({f"{a.name} ({a.affiliation})" if a.affiliation else a.name
                          for c in contributions for a in c.authors})
        main.emit(imprint_call(issue, authors))
        main.emit("#inhalt()\n\n")
        if editorial is not None:
            main.emit(f"#editorial(titel: {escape.string(M.LABELS['editorial'])}, "
                      f"autoren: {escape.strings(editorial_authors(issue))})[\n", editorial.source)
            main.emit(editorial.body + "]\n\n", body=editorial)
    for c in contributions:
        part = bodies(c)
        main.contribution(c.slug, partial(beitrag_line, c, tax, part.body), part)
    if not proof:
        main.emit(f"#notizen({'auto' if notes_pages is None else notes_pages})\n\n")
        main.emit(back_cover_call(issue, tax))
    return main.source()
