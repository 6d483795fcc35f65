"""Print make-up with authors' figures: generated contributions with one to three raster figures (photos 4:3
and 3:4, diagrams 16:9, squares), text from short to long, with and without a literature list, set in one
koopBLATT issue and read back from the PDF as a reader sees the pages.

- Every page of a contribution but its last is at least about two-thirds filled (no page of only a figure).
- No heading (LITERATUR included) ends a column: at least two lines of its section follow it there.
- A figure stands on the page of its first reference or on the next.
- No page holds figures alone, no paragraph is cut after a word, and the issue is set with its balanced last pages
  (not the fallback).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from support import pdfutil
from support.makeup import BODY_PT, BOTTOM_MM, SENTENCES, TOP_MM, first_pages, last_pages
from support.pdfutil import MM
from support.projects import copy_project
from support.reproducible import epoch

from pipeline.body import PRINT_WIDTH_MM
from pipeline.typst.build import build_pdf
from pipeline.validate import validate_project

pytestmark = pytest.mark.slow  # every test reads a built PDF

PRINT_PPI = 300
LINE_PT = BODY_PT * 1.21  # baseline distance of the body text
FILLED = 2 / 3  # a page before a contribution's last is at least this full
GAP_LINES = 4  # empty space in a column of more than this many lines is a hole, not spacing


@dataclass(frozen=True)
class Shape:
    """A kind of picture an author sends: its name in captions and file names, width:height, photo or drawing."""

    name: str
    width: int
    height: int
    photo: bool

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def pixels(self) -> tuple[int, int]:
        """Enough pixels for 300 dpi at the widest it may be printed (the text width; `check` asks for that)."""
        wide = round(PRINT_WIDTH_MM / 25.4 * PRINT_PPI) + 1
        return wide, round(wide / self.aspect)


SHAPES = (Shape("Foto", 4, 3, True), Shape("Hochformat", 3, 4, True), Shape("Diagramm", 16, 9, False),
          Shape("Quadrat", 1, 1, False))
LENGTHS = (4, 9, 16, 26, 38)  # paragraphs: under a page to about four pages
HEADINGS = ("Ausgangslage", "Vorgehen", "Ergebnisse", "Ausblick")


def picture(shape: Shape, path: Path, seed: int) -> None:
    """A photo-like JPEG (sky, ground, houses) or a diagram-like PNG (axes, bars) of the shape's proportions."""
    rng = random.Random(seed)
    w, h = shape.pixels()
    im = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(im)
    if shape.photo:
        for y in range(0, h, 4):
            t = y / h
            draw.rectangle((0, y, w, y + 4), fill=(int(120 + 100 * t), int(160 + 60 * t), int(220 - 40 * t)))
        draw.rectangle((0, int(h * 0.7), w, h), fill=(90, 110, 70))
        x = 0
        while x < w:
            bw, bh = rng.randint(w // 12, w // 6), rng.randint(h // 5, h // 2)
            draw.rectangle((x, int(h * 0.7) - bh, x + bw, int(h * 0.7)),
                           fill=(rng.randint(120, 200), rng.randint(90, 150), rng.randint(70, 120)))
            x += bw + rng.randint(w // 60, w // 25)
        im.save(path, "JPEG", quality=80, dpi=(PRINT_PPI, PRINT_PPI))
    else:
        m = min(w, h) // 10
        draw.line((m, m, m, h - m, w - m, h - m), fill="black", width=max(2, w // 400))
        bars = 8
        for i in range(bars):
            bh = rng.randint((h - 2 * m) // 5, h - 3 * m)
            x0 = m + (i + 0.2) * (w - 2 * m) / bars
            draw.rectangle((x0, h - m - bh, x0 + 0.6 * (w - 2 * m) / bars, h - m - 1), fill=(31, 95, 168))
        im.save(path, "PNG", dpi=(PRINT_PPI, PRINT_PPI))


@dataclass(frozen=True)
class Case:
    """One generated contribution: `figures` shapes, `paragraphs` of running text, `citations` distinct works
    cited (0: no literature list); `late`: the last figure is first referred to in the last paragraph (else the
    references are spread over the first two-thirds of the text)."""

    n: int
    figures: tuple[Shape, ...]
    paragraphs: int
    citations: int
    late: bool = False

    def referring(self) -> dict[int, int]:
        """Paragraph → the figure first referred to in it."""
        count = len(self.figures)
        if self.late:
            return {round(k * (self.paragraphs - 1) / max(1, count - 1)) if count > 1 else self.paragraphs - 1: k
                    for k in range(count)}
        return {round(k * self.paragraphs / (count + 1)): k for k in range(count)}

    @property
    def title(self) -> str:
        return f"Bildsatz {self.n}"

    def caption(self, i: int) -> str:
        return f"{self.figures[i].name} {i + 1} zu Bildsatz {self.n}."

    def reference(self, i: int) -> str:
        """The sentence that first refers to figure i, as printed."""
        return f"Den Stand in Bildsatz {self.n} zeigt Abb. {i + 1} im Überblick."


def cases() -> list[Case]:
    """The sweep: every number of figures with every text length, shapes rotated so that each shape comes
    first, second and third, every other contribution with a literature list (up to twelve works), half of them
    with their last figure first referred to at the very end; plus the reported one (a 4:3 photo and a wide
    diagram, a long literature list, about two pages)."""
    out = []
    for n in range(len(LENGTHS) * 3):
        count = 1 + n % 3
        length = LENGTHS[n // 3]
        shapes = tuple(SHAPES[(n + 3 * k) % len(SHAPES)] for k in range(count))
        out.append(Case(n + 1, shapes, length, 0 if n % 2 else 3 + n % 10, late=n % 4 >= 2))
    out.append(Case(len(out) + 1, (SHAPES[0], SHAPES[2]), 14, 12))
    return out


def paragraph(rng: random.Random, sentences: int) -> str:
    start = rng.randrange(len(SENTENCES))
    return " ".join(SENTENCES[(start + j) % len(SENTENCES)] for j in range(sentences))


def source(case: Case, head: str) -> str:
    """The contribution's Markdown: running text in sections, each figure referred to from one paragraph
    (spread over the text) and written after it, citations spread over the paragraphs."""
    rng = random.Random(case.n)
    refs = case.referring()
    cited = [f"bild{k:02d}" for k in range(case.citations)]
    sections = min(len(HEADINGS) + 1, 1 + case.paragraphs // 4)
    headings = {round(j * case.paragraphs / sections): HEADINGS[j - 1] for j in range(1, sections)}
    body = []
    for p in range(case.paragraphs):
        if p in headings:
            body.append(f"## {headings[p]}")
        text = paragraph(rng, 3 + p % 4)
        if cited:
            text += " So beschreibt es {cite:p}`" + cited[p % len(cited)] + "`."
        k = refs.get(p)
        if k is not None:
            text = f"Den Stand in Bildsatz {case.n} zeigt {{numref}}`abb-bild-{case.n}-{k + 1}` im Überblick. " + text
        body.append(text)
        if k is not None:
            shape = case.figures[k]
            ext = "jpg" if shape.photo else "png"
            body.append(f":::{{figure}} bilder/bild-{case.n}-{k + 1}.{ext}\n:alt: {shape.name} als Platzhalter.\n"
                        f":name: abb-bild-{case.n}-{k + 1}\n\n{case.caption(k)}\n:::")
    return f"---\ntitle: {case.title}\n{head}---\n\n" + "\n\n".join(body) + "\n"


BIB_ENTRY = """@book{{bild{k:02d},
  author  = {{Muster{k:02d}, Erika and Beispiel, Hans}},
  title   = {{Zwischennutzung und Quartiersentwicklung in der wachsenden und schrumpfenden Stadt, Band {k}}},
  address = {{Leipzig}},
  year    = {{{year}}}
}}
"""


def sweep_project(dest: Path) -> tuple[Path, list[Case]]:
    """The mini project whose issue 1 holds every generated contribution (before the fixture's own)."""
    root = copy_project("mini", dest)
    folder = root / "docs" / "beitraege" / "leipzig"
    (folder / "bilder").mkdir(exist_ok=True)
    head = (root / "docs/beitraege/bremen/zwischen.md").read_text(encoding="utf-8").split("---\n")[1].split("\n", 1)[1]
    with (root / "docs" / "literatur.bib").open("a", encoding="utf-8") as bib:
        for k in range(12):
            bib.write("\n" + BIB_ENTRY.format(k=k, year=1990 + k))
    names = ""
    all_cases = cases()
    for case in all_cases:
        for k, shape in enumerate(case.figures):
            ext = "jpg" if shape.photo else "png"
            picture(shape, folder / "bilder" / f"bild-{case.n}-{k + 1}.{ext}", case.n * 10 + k)
        (folder / f"bildsatz-{case.n}.md").write_text(source(case, head), encoding="utf-8")
        names += f"  - beitraege/leipzig/bildsatz-{case.n}.md\n"
    manifest = root / "koopblatt" / "1" / "ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("beitraege:\n", "beitraege:\n" + names),
                        encoding="utf-8")
    return root, all_cases


# -- reading the pages ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """A line of text on a page: column (None: spanning the middle), top and bottom in points from the top of the
    page, font size, font name, text."""

    right: bool
    top: float
    bottom: float
    size: float
    font: str
    text: str


@cache
def _reader(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


@cache
def lines(pdf: Path, index: int) -> list[Line]:
    """The lines of text in the type area of a page (not the running head or the folio), left column first
    (read once per page for all the tests)."""
    page = _reader(pdf).pages[index]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    parts: dict[tuple[bool, float], list[tuple[float, float, str, str]]] = {}

    def visit(s: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not s.strip():
            return
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        real = size * abs(tm[3] or 1) * abs(cm[3] or 1)
        name = str(font.get("/BaseFont", "")) if hasattr(font, "get") else ""  # type: ignore[union-attr]
        if BOTTOM_MM * MM < y < height - TOP_MM * MM:
            parts.setdefault((x >= width / 2, round(height - y, 0)), []).append((x, real, name, s))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    out = []
    for (right, base), found in sorted(parts.items()):
        size = max(s for _x, s, _n, _t in found)
        font = next(n for _x, s, n, _t in found if s == size)
        out.append(Line(right, base - 0.75 * size, base + 0.25 * size, size, font,
                        "".join(t for _x, _s, _n, t in sorted(found))))
    return out


def images(path: Path, index: int) -> list[tuple[float, float, float, float]]:
    """Raster images drawn on a page: (left, right, top, bottom) in points, top from the top of the page."""
    with pikepdf.open(path) as pdf:
        page = pdf.pages[index]
        height = float(page.mediabox[3])
        return [(e, e + a, height - max(f, f + d), height - min(f, f + d))
                for _, (a, _b, _c, d, e, f) in pdfutil.drawn_images(page)]


def column_fill(pdf: Path, index: int) -> tuple[float, float]:
    """How full the left and right column of a page are (0–1): the part of the type area's height covered by
    text and pictures, spaces up to GAP_LINES lines counted as filled (spacing between paragraphs, around
    headings and figures), larger ones as holes."""
    page = _reader(pdf).pages[index]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    top, bottom = TOP_MM * MM, height - BOTTOM_MM * MM
    found: list[tuple[bool, float, float]] = [(ln.right, ln.top, ln.bottom) for ln in lines(pdf, index)]
    for left, right, t, b in images(pdf, index):
        for side in (False, True):
            if (left < width / 2 - 5) if not side else (right > width / 2 + 5):
                found.append((side, max(t, top), min(b, bottom)))
    fill = []
    for side in (False, True):
        spans = sorted((t, b) for s, t, b in found if s == side)
        covered, start, end = 0.0, None, None
        for t, b in spans:
            if start is None or end is None:
                start, end = t, b
            elif t - end <= GAP_LINES * LINE_PT:
                end = max(end, b)
            else:
                covered += end - start
                start, end = t, b
        if start is not None and end is not None:
            covered += end - start
        fill.append(min(1.0, covered / (bottom - top)))
    return fill[0], fill[1]


def underfilled(pdf: Path, titles: set[str]) -> list[str]:
    """Pages of the given contributions, but their last, that are less than FILLED full."""
    last = last_pages(pdf)
    bad = []
    for title, start in first_pages(pdf).items():
        if title not in titles:
            continue
        for index in range(start, last[title]):
            left, right = column_fill(pdf, index)
            if (left + right) / 2 < FILLED:
                bad.append(f"{title} S. {index + 1}: {left:.0%} / {right:.0%}")
    return bad


def is_heading(line: Line, headings: set[str]) -> bool:
    return "Fira" in line.font and line.text.strip() in headings


def lonely_headings(pdf: Path, titles: set[str], headings: set[str]) -> list[str]:
    """Headings that end a column: fewer than two lines of running text or literature follow them there (in
    one run: a hole of more than GAP_LINES lines ends it)."""
    last = last_pages(pdf)
    bad = []
    for title, start in first_pages(pdf).items():
        if title not in titles:
            continue
        for index in range(start, last[title] + 1):
            found = lines(pdf, index)
            for i, line in enumerate(found):
                if not is_heading(line, headings):
                    continue
                after, end = 0, line.bottom
                for nxt in found[i + 1:]:
                    if nxt.right != line.right or nxt.top - end > GAP_LINES * LINE_PT or is_heading(nxt, headings):
                        break
                    if "Fira" not in nxt.font:  # running text or the literature, not a caption
                        after += 1
                    end = nxt.bottom
                if after < 2:
                    bad.append(f"{title} S. {index + 1} {'rechts' if line.right else 'links'}: „{line.text}“")
    return bad


def figures_alone(pdf: Path, titles: set[str]) -> list[str]:
    """Pages of the given contributions with fewer than two lines of text (running text or literature; not
    captions, which are set in the sans)."""
    last = last_pages(pdf)
    return [f"{title} S. {index + 1}" for title, start in first_pages(pdf).items() if title in titles
            for index in range(start, last[title] + 1)
            if sum("Fira" not in line.font for line in lines(pdf, index)) < 2]


def cut_lines(pdf: Path, titles: set[str]) -> list[str]:
    """Lines of running text that hold one word and end in the middle of a sentence (every paragraph of the
    sweep ends with a full stop or a citation's parenthesis)."""
    last = last_pages(pdf)
    return [f"{title} S. {index + 1}: „{line.text}“" for title, start in first_pages(pdf).items() if title in titles
            for index in range(start, last[title] + 1) for line in lines(pdf, index)
            if abs(line.size - BODY_PT) < 0.3 and "Fira" not in line.font and len(line.text.split()) == 1
            and line.text.strip()[-1] not in ".,;:!?)\u00ad-"]


def page_with(reader: PdfReader, texts: list[str], text: str) -> int:
    """Index of the one page whose text holds `text` (spaces and hyphenation as extracted may differ)."""
    wanted = re.sub(r"\s+", "", text)
    found = [i for i, t in enumerate(texts) if wanted in t]
    assert len(found) == 1, (text, found)
    return found[0]


def plain_pages(reader: PdfReader) -> list[str]:
    return [re.sub(r"\s+", "", re.sub(r"\u00ad\s*", "", p.extract_text() or "")) for p in reader.pages]


def far_figures(pdf: Path, all_cases: list[Case]) -> list[str]:
    """Figures printed neither on the page of their first reference nor on the next."""
    reader = PdfReader(pdf)
    texts = plain_pages(reader)
    bad = []
    for case in all_cases:
        for k in range(len(case.figures)):
            ref = page_with(reader, texts, case.reference(k))
            fig = page_with(reader, texts, f"Abb. {k + 1} {case.caption(k)}")
            if not ref <= fig <= ref + 1:
                bad.append(f"{case.title} Abb. {k + 1}: Verweis S. {ref + 1}, Abbildung S. {fig + 1}")
    return bad


# -- the sweep ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case], list[str]]:
    """The sweep's issue, its contributions and the codes of what the build reported."""
    root, all_cases = sweep_project(tmp_path_factory.mktemp("bildsatz"))
    with epoch():
        result = build_pdf(root, validate_project(root))
    assert result.status == 0
    return root / "build" / "pdf" / "koopblatt-1.pdf", all_cases, [d.code for d in result.findings]


@pytest.fixture(scope="module")
def sweep(swept: tuple[Path, list[Case], list[str]]) -> tuple[Path, list[Case]]:
    return swept[0], swept[1]


def test_the_sweep_covers_every_shape_count_and_length(sweep: tuple[Path, list[Case]]) -> None:
    pdf, all_cases = sweep
    assert {s.name for c in all_cases for s in c.figures} == {s.name for s in SHAPES}
    assert {len(c.figures) for c in all_cases} == {1, 2, 3}
    assert {bool(c.citations) for c in all_cases} == {False, True}
    spans = [last_pages(pdf)[c.title] - first_pages(pdf)[c.title] + 1 for c in all_cases]
    assert min(spans) <= 2 and max(spans) >= 4 and len(set(spans)) >= 3


def test_no_page_of_a_contribution_but_its_last_is_left_emptier_than_two_thirds(
        sweep: tuple[Path, list[Case]]) -> None:
    pdf, all_cases = sweep
    assert underfilled(pdf, {c.title for c in all_cases}) == []


def test_no_heading_ends_a_column(sweep: tuple[Path, list[Case]]) -> None:
    pdf, all_cases = sweep
    assert lonely_headings(pdf, {c.title for c in all_cases}, {*HEADINGS, "LITERATUR"}) == []


def test_a_figure_stands_on_the_page_of_its_first_reference_or_the_next(sweep: tuple[Path, list[Case]]) -> None:
    pdf, all_cases = sweep
    assert far_figures(pdf, all_cases) == []


def test_no_page_of_a_contribution_holds_figures_alone(sweep: tuple[Path, list[Case]]) -> None:
    # A 4:3 photo set across both columns (130 mm high) with the opener took a page of its own; a figure first
    # referred to in the last paragraph floated past the end of the text onto a page with nothing else.
    pdf, all_cases = sweep
    assert figures_alone(pdf, {c.title for c in all_cases}) == []


def test_the_issue_is_set_with_balanced_last_pages(swept: tuple[Path, list[Case], list[str]]) -> None:
    # The balanced layout took all but one of Typst's five iterations, padding the issue to whole sheets one more:
    # the issue fell back to unbalanced last pages (Hinweis koop.pdf_unbalanced).
    _pdf, _cases, codes = swept
    assert "pdf_unbalanced" not in codes


def test_no_line_of_running_text_is_cut_after_a_word(sweep: tuple[Path, list[Case]]) -> None:
    # A figure at the top of the left column of a last page was taken for text running over from the page
    # before: the balancing split the next paragraph after its first word („Das“ alone on its line).
    pdf, all_cases = sweep
    assert cut_lines(pdf, {c.title for c in all_cases}) == []


def test_the_reported_contribution_keeps_its_two_pages(sweep: tuple[Path, list[Case]]) -> None:
    # A 4:3 photo and a wide diagram with a long literature list, written for `seiten: 2`: the photo took a page
    # of its own, the literature ran on under it and the diagram stood alone on a third page.
    pdf, all_cases = sweep
    reported = all_cases[-1]
    assert [s.name for s in reported.figures] == ["Foto", "Diagramm"] and reported.citations == 12
    assert last_pages(pdf)[reported.title] - first_pages(pdf)[reported.title] + 1 == 2
