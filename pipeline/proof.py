"""`nox -s proof -- <beitrag.md>`: a proof bundle for the city — Korrekturabzug PDF and a DOCX for comments."""

from __future__ import annotations

import sys
from html import escape as html_escape
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from . import messages as M
from .diagnostics import Diagnostic, sort_key
from .manifest import split_published
from .model import Contribution
from .outputs import build_dir, publish_file, work_dir
from .project import Project
from .sphinx_ext import marks
from .sphinx_ext.runner import run_sphinx
from .typst.build import build_pdf
from .validate import validate_project


def _field(soup: BeautifulSoup, name: str, value: str) -> list[Tag]:
    term = soup.new_tag("dt")
    term.string = f"{name}:"
    desc = soup.new_tag("dd")
    para = soup.new_tag("p")
    para.string = value
    desc.append(para)
    return [term, desc]


def _footnotes(soup: BeautifulSoup, article: Tag) -> None:
    """Docutils' footnote list → the endnote markup pandoc's reader turns into real Word footnotes; the
    „Anmerkungen“ heading goes (Word numbers and places the notes itself)."""
    notes = article.select("aside.footnote")
    for rubric in article.select(f".{marks.NOTES}"):
        rubric.decompose()
    if not notes:
        return
    section = soup.new_tag("section", attrs={"role": "doc-endnotes"})
    listing = soup.new_tag("ol")
    section.append(listing)
    for note in notes:
        for label in note.select("span.label"):
            label.decompose()
        item = soup.new_tag("li", attrs={"id": str(note.get("id", ""))})
        for child in list(note.children):
            item.append(child.extract())
        if item.get_text().strip():  # an empty note would be an empty Word footnote
            listing.append(item)
    for holder in article.select("aside.footnote-list"):
        holder.decompose()
    for note in notes:
        note.decompose()
    ids = {str(li.get("id")) for li in listing.find_all("li")}
    for ref in article.select("a.footnote-reference"):
        target = str(ref.get("href", "")).lstrip("#")
        if target not in ids:
            ref.decompose()
            continue
        ref.attrs = {"href": f"#{target}", "role": "doc-noteref"}
        ref.string = ""
    article.append(section)


ALIGN_CLASSES = {"text-left": "left", "text-center": "center", "text-right": "right"}  # MyST's column alignment


def _cell_alignment(article: Tag) -> None:
    """MyST marks a table column's alignment with classes on its cells; pandoc's HTML reader knows only
    `text-align`, and from it aligns the cells' paragraphs in Word."""
    for cell in article.select("th, td"):
        found = next((ALIGN_CLASSES[c] for c in cell.get_attribute_list("class") if c in ALIGN_CLASSES), None)
        if found is not None:
            cell["style"] = f"text-align: {found}"


def _issue_fields(soup: BeautifulSoup, fields: Tag, c: Contribution, project: Project) -> None:
    """The card's issues, also one held back by another contribution's errors: the preview's card knows only
    the issues that are built, a proof names every issue the contribution is in („Erschienen in“ or
    „Vorgesehen für“ by `manifest.is_published`, as everywhere)."""
    labels = {f"{M.LABELS['ausgaben']}:", f"{M.ISSUES_PLANNED_LABEL}:"}
    for term in [t for t in fields.find_all("dt") if t.get_text().strip() in labels]:
        desc = term.find_next_sibling("dd")
        if isinstance(desc, Tag):
            desc.decompose()
        term.decompose()
    published, planned = split_published([i for i in project.every_issue() if c.docname in i.contributions])
    if published:
        fields.extend(_field(soup, M.LABELS["ausgaben"], ", ".join(M.issue_title(i.number, i.year) for i in published)))
    if planned:
        fields.extend(_field(soup, M.ISSUES_PLANNED_LABEL, ", ".join(M.ISSUE_NAME.format(i.number) for i in planned)))


def prepare_html(html: str, c: Contribution, project: Project) -> str:
    """The preview page of a contribution as the proof's Word file should read: its title only, Stadt and Art
    as separate fields, the issues it is in (see `_issue_fields`), footnotes as notes; no links, no web
    furniture."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article") or soup
    assert isinstance(article, Tag)
    for tag in article.select(".headerlink, .koop-verwandt, .koop-probleme, .koop-entwurf, script"):
        tag.decompose()
    for anchor in article.select("section > span[id]"):
        if not anchor.get_text().strip():
            anchor.decompose()  # docutils' extra anchors would be empty paragraphs in Word
    heading = article.find("h1")
    if isinstance(heading, Tag):
        heading.decompose()  # the document title (pandoc's „Title“) is the contribution's title
    tax = project.taxonomy
    fields = article.select_one(f".{marks.CARD} dl")
    head = article.select_one(f".{marks.CARD} .koop-karte-kopf")
    if head is not None:
        head.decompose()
    if fields is not None:
        first = fields.find("dt")
        for tag in [*_field(soup, M.LABELS["stadt"], tax.cities[c.stadt].label),
                    *_field(soup, M.LABELS["art"], tax.kinds[c.art].label)]:
            if isinstance(first, Tag):
                first.insert_before(tag)
            else:
                fields.append(tag)
        for colon in fields.select("span.colon"):
            colon.replace_with(":")
        _issue_fields(soup, fields, c, project)
    _footnotes(soup, article)
    _cell_alignment(article)
    for link in article.select("a.reference.internal"):
        link.unwrap()  # handbook-internal links mean nothing in a Word file
    title = html_escape(c.title)
    return f'<html lang="de"><head><meta charset="utf-8"/><title>{title}</title></head><body>{article}</body></html>'


def docx_from_html(page: Path, target: Path, c: Contribution, project: Project) -> None:
    """The contribution's preview page (card, text, notes, literature) as DOCX via pandoc."""
    import pypandoc

    html = prepare_html(page.read_text(encoding="utf-8"), c, project)
    tmp = target.with_name(f".{target.name}.tmp.docx")
    pypandoc.convert_text(html, "docx", format="html", outputfile=str(tmp),
                          extra_args=[f"--resource-path={page.parent}", "--metadata=lang:de-DE", "--quiet"])
    publish_file(tmp.read_bytes(), target)
    tmp.unlink()


def _own(problems: list[Diagnostic], path: str) -> list[Diagnostic]:
    """The messages about `path` only (a proof never prints another file's), once each, in report order."""
    return sorted({p for p in problems if p.path == path}, key=sort_key)


def proof(root: Path, contribution: str, *, word: bool = True) -> int:
    """A proof is made for drafts too (that is what they are for), but only of a contribution without errors.
    Only its own messages are shown. `word=False` (`nox -s pdf -- --beitrag`): the PDF only."""
    project = validate_project(root, cache=True)
    path = Path(contribution)
    shown = (path if path.is_absolute() else (Path.cwd() / path)).resolve()
    shown_rel = shown.relative_to(root).as_posix() if shown.is_relative_to(root) else contribution
    report = next((r for r in project.reports.values() if r.path == shown_rel), None)
    if report is None:
        print(M.PROOF_UNKNOWN.format(contribution), file=sys.stderr)
        return 2
    mine = _own(project.problems, report.path)
    match = report.contribution
    if match is None or any(p.is_error for p in mine):
        for p in mine:
            print(p.format(), file=sys.stderr)
        print(M.PROOF_REFUSED.format(report.path), file=sys.stderr)
        return 1
    print(M.PROOF_PROGRESS.format(match.title))
    result = build_pdf(root, project, proof=match.path)
    for line in result.notices:
        print(line, file=sys.stderr)
    mine = _own(result.findings, match.path)
    for p in mine:
        print(p.format(), file=sys.stderr)
    if not result.ok:
        if any(p.is_error for p in mine):
            print(M.PROOF_REFUSED.format(match.path), file=sys.stderr)
        return 1
    if not word:
        print(M.PDF_DONE_PROOF)
        return 0
    # the page as the preview shows it (drafts are never in the published handbook)
    out = work_dir(root, "korrektur-html")
    run_sphinx(root, "html", out, {"koop_preview": "1"}, doctrees="doctrees-vorschau", label=M.STEP_HTML)
    page = out / f"{match.docname}.html"
    if not page.is_file():
        return 1
    target = build_dir(root) / "korrektur" / f"korrektur-{match.slug}.docx"
    docx_from_html(page, target, match, project)
    print(M.PROOF_DONE.format(f"build/korrektur/korrektur-{match.slug}.pdf", f"build/korrektur/{target.name}"))
    return 0
