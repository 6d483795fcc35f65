"""The text-parity oracle: every output's reading text equals the text the source renders to.

The reference is the contribution's resolved doctree (what MyST, docutils and Sphinx made of the Markdown,
before any writer): one passage per block that holds text (paragraph, heading, caption, table cell
paragraph, list item paragraph, footnote paragraph, term, code block, literature entry). Each output's
reading text — the handbook page, the EPUB chapter, the tagged PDF's structure tree (screen PDF of the
issue, Sonderdruck, proof), the proof DOCX — must contain every passage, character for character,
punctuation included. Only typography is normalised (`normalise`) and only the differences listed in
`ALLOWED` may appear, at the places the reference marks for them. A failure names the contribution, the
format, the passage and the first words where it differs.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from docutils import nodes

from pipeline.sphinx_ext import marks
from pipeline.sphinx_ext.numbering import caption_number

from .pdftext import reading_blocks

# Slots: places where a format may add something of its own (see ALLOWED). Private-use characters never
# come from text.
FOOTNOTE_MARK = "\ue000"  # a footnote reference: its number or letter (or nothing, where a format links)
PAGE_REFERENCE = "\ue001"  # after a link to another case: print's „(siehe S. n)“
USED = "\ue003"  # in the output: a place a passage matched (no later passage may match across it)
CAPTION_NUMBER = "\ue002"  # at the start of a caption: „Abb. n:“ / „Tab. n:“ (or „Abb. n“ without colon)

# The one list of differences a format may add to the source's text, by slot. Everything else differs.
ALLOWED: dict[str, dict[str, str]] = {
    FOOTNOTE_MARK: {
        "all": r"(?:\[?[0-9]{1,6}\]?|[a-z]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6})?",  # the footnote's number or letter, or nothing
    },
    PAGE_REFERENCE: {
        # „(siehe S. 5)“, only where the case is in the issue
        "pdf": r"(?:\(sieheS\.\u2423?[0-9]{1,4}(?:[–-][0-9]{1,4})?\))?",
        "all": "",
    },
    CAPTION_NUMBER: {
        "all": r"(?:(?:Abb|Tab)\.\u2423?[0-9]{1,3}:?)?",  # the figure's or table's number, set by each format
    },
}
# Right-to-left script in a PDF: Typst writes the glyphs of Arabic and Hebrew in visual order (with shaped
# forms and /ActualText where glyphs are shared), so no text extraction gets the logical order back; in the
# PDF formats such a run (with the brackets inside and around it, which bidi mirrors) is only required to be
# right-to-left text at that place. HTML, EPUB and Word keep it exactly.
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"
RTL_RUN = re.compile(f"[()\\[\\]]?[{_RTL}][{_RTL}()\\[\\]]*")
RTL_IN_PDF = f"[{_RTL}()\\[\\]]+"
ALLOWED_TYPOGRAPHY = (
    "whitespace of any kind and amount (line and page breaks), but a no-break, narrow or thin space stays one",
    "soft hyphens (U+00AD): hyphenation in print, written or set",
    "letter case of headings (print sets LITERATUR in capitals)",
    "ligatures (ﬁ → fi)",
    "PDF only: a run of right-to-left script (Arabic, Hebrew) is right-to-left text at its place (visual order)",
)
_WHITESPACE = re.compile(r"[\s\u2000\u2001\u200b\u3000\ufeff\u00ad]+")
# The spaces that are characters of their own, which an author types on purpose (`§ 34`, `z. B.`, `5 km`): kept
# in the comparison, as one mark for all of them (a format may set one as another: an en space as a no-break one).
OWN_SPACE = re.compile(r"[\u00a0\u2002-\u200a\u202f\u205f]")
OWN_SPACE_MARK = "\u2423"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


def normalise(text: str) -> str:
    """Typography only: no whitespace but the spaces of their own (`OWN_SPACE`), no soft hyphens, no ligatures,
    Unicode NFC."""
    text = unicodedata.normalize("NFC", text)
    for lig, plain in _LIGATURES.items():
        text = text.replace(lig, plain)
    return _WHITESPACE.sub("", OWN_SPACE.sub(OWN_SPACE_MARK, text))


# -- the reference -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Passage:
    """One block of the source's rendered text, with slots where a format may add its own marks."""

    kind: str
    text: str
    line: int = 0

    @property
    def plain(self) -> str:
        return self.text.replace(FOOTNOTE_MARK, "").replace(PAGE_REFERENCE, "").replace(CAPTION_NUMBER, "")


BLOCKS = (nodes.paragraph, nodes.title, nodes.caption, nodes.rubric, nodes.term, nodes.literal_block, nodes.line,
          nodes.attribution, nodes.doctest_block)
SKIPPED = (nodes.comment, nodes.substitution_definition, nodes.system_message, nodes.raw, nodes.target,
           nodes.label, nodes.image, nodes.meta)


def passages(doctree: nodes.document, skip_classes: Iterable[str] = marks.NOT_IN_PRINT) -> list[Passage]:
    """The reading text of a resolved doctree, block by block, in document order."""
    skip = frozenset(skip_classes)
    found: list[Passage] = []

    def walk(node: nodes.Node) -> None:
        if isinstance(node, SKIPPED) or (isinstance(node, nodes.Element) and skip & set(node.get("classes", []))):
            return
        if isinstance(node, BLOCKS):
            text = inline_text(node, skip)
            if text.strip():
                kind = "heading" if isinstance(node, nodes.title | nodes.rubric) else type(node).__name__
                found.append(Passage(kind, text, node.line or 0))
            return
        for child in node.children:
            walk(child)

    walk(doctree)
    return found


def inline_text(node: nodes.Node, skip: frozenset[str]) -> str:
    """The text of an inline subtree, with the slots of `ALLOWED`."""
    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, SKIPPED) or (isinstance(node, nodes.Element) and skip & set(node.get("classes", []))):
        return ""
    if isinstance(node, caption_number):
        return CAPTION_NUMBER
    if isinstance(node, nodes.footnote_reference):
        return FOOTNOTE_MARK
    text = "".join(inline_text(child, skip) for child in node.children)
    if isinstance(node, nodes.caption) and CAPTION_NUMBER not in text:
        text = CAPTION_NUMBER + text
    if isinstance(node, nodes.reference) and _links_another_document(str(node.get("refuri", ""))):
        text += PAGE_REFERENCE
    return text


def _links_another_document(uri: str) -> bool:
    """A link to another page of the project (`doc:…` or relative), not to a web address or within the page."""
    return uri.startswith("doc:") or not (not uri or uri.startswith("#") or _SCHEME.match(uri))


# -- what each format gives a reader ------------------------------------------------------------------------

def html_text(page: Path) -> str:
    """A handbook page's article, as read: without the permalink marks."""
    return html_text_of(page.read_text(encoding="utf-8"))


def html_text_of(markup: str) -> str:
    """The article of a handbook page's HTML, as read."""
    soup = BeautifulSoup(markup, "html.parser")
    article = soup.select_one("article") or soup.body or soup
    for mark in article.select("a.headerlink"):
        mark.decompose()
    return article.get_text("\n")


def epub_text(epub: Path, docname: str) -> str:
    """The EPUB chapter of `docname` (its XHTML file), as read."""
    with zipfile.ZipFile(epub) as z:
        names = [n for n in z.namelist() if n in (f"{docname}.xhtml", f"OEBPS/{docname}.xhtml")]
        texts = []
        for name in names:
            soup = BeautifulSoup(z.read(name).decode("utf-8"), "html.parser")
            for mark in soup.select("a.headerlink"):
                mark.decompose()
            texts.append((soup.body or soup).get_text("\n"))
        return "\n".join(texts)


def pdf_text(pdf: Path, title: str | None = None) -> str:
    """A tagged PDF's reading text (structure tree), from the heading `title` to the next top heading."""
    blocks = reading_blocks(pdf)
    if title is None:
        return "\n".join(b.text for b in blocks)
    want = normalise(title)
    start = next((i for i, b in enumerate(blocks) if b.role in ("H1", "Title") and normalise(b.text) == want), None)
    if start is None:
        return ""
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].role in ("H1", "Title")), len(blocks))
    return "\n".join(b.text for b in blocks[start:end])


def docx_text(docx: Path) -> str:
    """A Word file's text: body paragraphs, tables and footnotes."""
    import docx as python_docx

    document = python_docx.Document(str(docx))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    with zipfile.ZipFile(docx) as z:
        if "word/footnotes.xml" in z.namelist():
            soup = BeautifulSoup(z.read("word/footnotes.xml").decode("utf-8"), "xml")
            parts += ["".join(t.get_text() for t in p.find_all("t")) for p in soup.find_all("p")]
    return "\n".join(parts)


# -- the comparison -----------------------------------------------------------------------------------------

@dataclass
class Report:
    """What one comparison found: passages compared and the differences (one line each)."""

    compared: int = 0
    differences: list[str] = field(default_factory=list)
    located: list[tuple[str, str, int, str]] = field(default_factory=list)  # (where, format, line, words)
    per_format: dict[str, int] = field(default_factory=dict)  # passages compared, by format


def pattern(passage: Passage, fmt: str) -> str:
    """The passage as a regular expression over normalised text: literal characters, slots as allowed."""
    text = normalise(passage.text)
    parts: list[str] = []
    at = 0
    runs = list(RTL_RUN.finditer(text)) if fmt == "pdf" else []
    for run in [*runs, None]:
        end = run.start() if run else len(text)
        for ch in text[at:end]:
            allowed = ALLOWED.get(ch)
            parts.append(allowed.get(fmt, allowed["all"]) if allowed else re.escape(ch))
        if run:
            parts.append(RTL_IN_PDF)
            at = run.end()
    return "".join(parts)


def compare(where: str, fmt: str, found: list[Passage], output: str, report: Report | None = None) -> Report:
    """Every passage of `found` must be in `output` (`fmt`: html, epub…, pdf…, docx…), each at a place of its
    own: longer passages first, a matched place is used up (so of two equal passages, or a heading whose
    words also stand in a paragraph, each needs its own). Differences go to the report, each naming `where`,
    the format, the source line and the first differing words."""
    report = report or Report()
    text = normalise(output)
    family = "pdf" if fmt.startswith("pdf") else fmt
    for passage in sorted(found, key=lambda p: -len(p.text)):
        report.compared += 1
        flags = re.IGNORECASE if passage.kind == "heading" else 0
        match = re.search(pattern(passage, family), text, flags)
        if match:
            text = text[: match.start()] + USED + text[match.end():]
            continue
        words = first_difference(passage, family, text)
        report.differences.append(f"{where} [{fmt}] Zeile {passage.line}: {words}")
        report.located.append((where, fmt, passage.line, words))
    report.per_format[fmt] = report.per_format.get(fmt, 0) + len(found)
    return report


def first_difference(passage: Passage, fmt: str, text: str) -> str:
    """Where the output stops following the passage: the source's words there and what the output has."""
    chars = normalise(passage.text)
    lo, hi = 0, len(chars)  # the longest prefix of the passage the output contains
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if re.search(pattern(Passage(passage.kind, chars[:mid]), fmt), text, re.IGNORECASE):
            lo = mid
        else:
            hi = mid - 1
    match = re.search(pattern(Passage(passage.kind, chars[:lo]), fmt), text, re.IGNORECASE) if lo else None
    got = text[match.end(): match.end() + 30] if match else ""
    at = _source_index(passage.text, lo)
    before, after = passage.text[max(0, at - 40): at], passage.text[at: at + 30]
    for slot in ALLOWED:
        before, after = before.replace(slot, ""), after.replace(slot, "")
    return f"Quelle „…{before}⟨hier⟩{after}…“ – die Ausgabe hat dort „{got}…“ (Leerzeichen entfernt)"


def _source_index(text: str, count: int) -> int:
    """The index in `text` after its first `count` normalised characters."""
    seen = 0
    for i, ch in enumerate(text):
        if seen == count:
            return i
        if normalise(ch):
            seen += 1
    return len(text)


# -- the reference of a built project ---------------------------------------------------------------------

def reference(root: Path, docnames: Iterable[str]) -> dict[str, list[Passage]]:
    """Each document's passages, from its doctree as the project's reader made it, resolved as `check`
    resolves it (links to other cases as `doc:` references)."""
    import io

    from sphinx.application import Sphinx

    from pipeline.outputs import work_dir
    from pipeline.sphinx_ext.runner import DOCTREES, isolated

    with isolated():
        app = Sphinx(str(root / "docs"), str(root), str(work_dir(root, "paritaet")), str(work_dir(root, DOCTREES)),
                     "koopcheck", status=io.StringIO(), warning=io.StringIO(), freshenv=False)
        app.build()
        return {doc: passages(app.env.get_and_resolve_doctree(doc, app.builder)) for doc in docnames}
