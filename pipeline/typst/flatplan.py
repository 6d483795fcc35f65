"""The flatplan (Seitenplan) of an issue: which page belongs to what, as Typst set it, and page thumbnails.

The sections come from the compiled document itself: the template marks every section start with
`metadata(..) <koop-abschnitt>`, and a query after the compile gives each marker's page. The
thumbnails are PDFium's rendering of the screen PDF (pypdfium2: 36 pages in ≈ 0.08 s, where Typst's PNG export
of the same document took ≈ 0.45 s), made by the builder's worker thread right after the PDF and kept beside it
in the work area (`Pages`). The result is stored as JSON next to the
composite image `build/redaktion/koopblatt-<nr>-seitenplan.png`; `pipeline.desk` renders the HTML page
and the Redaktionsstand from it. Rebuilt only when the published screen PDF changed or the plan is missing.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from .. import messages as M
from ..diagnostics import Diagnostic, diag
from ..manifest import FLATPLAN_SUFFIX, Issue, issue_id
from ..outputs import build_dir, publish_file, work_dir, write_if_changed
from ..paths import rel
from ..project import Project
from . import compile as tc

PPI = 20  # A4 → 165 × 234 px: enough to see the layout of a page
# thumbnails for editors, never published: fast PNG compression (optimize=True cost ~16 s at N=200 in the bench)
SPREADS_PER_ROW = 4
MARGIN, GAP, HEADER, LABEL, BAND = 24, 28, 56, 52, 8
PAPER, INK, MUTED, WARN = "#ffffff", "#1a1a1a", "#5c5c5c", "#b00020"
QUERY = "query(<koop-abschnitt>).map(m => (seite: m.location().page(), daten: m.value))"
FOLDER = "redaktion"
MARKERS = "marken.json"


@dataclass
class Section:
    """A run of pages: the cover, imprint, contents, editorial, one contribution, the notes pages, back cover."""

    kind: str
    first: int
    last: int
    docname: str = ""  # contributions only
    title: str = ""
    city: str = ""
    planned: int = 0  # `seiten:` in the manifest, 0 if not given

    @property
    def pages(self) -> int:
        return self.last - self.first + 1

    @property
    def label(self) -> str:
        return self.title or M.FLATPLAN_SECTIONS.get(self.kind, self.kind)


@dataclass
class Plan:
    number: int
    pages: int
    sections: list[Section]
    digest: str  # of the screen PDF the plan was made from
    colours: dict[str, str] = field(default_factory=dict)  # city id → colour

    @property
    def padding(self) -> int:
        return sum(s.pages for s in self.sections if s.kind == "notizen")

    def section_of(self, page: int) -> Section | None:
        return next((s for s in self.sections if s.first <= page <= s.last), None)

    def contribution(self, docname: str) -> Section | None:
        return next((s for s in self.sections if s.docname == docname), None)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Plan:
        data = json.loads(text)
        data["sections"] = [Section(**s) for s in data["sections"]]
        return cls(**data)


def spreads(pages: int) -> list[tuple[int | None, int | None]]:
    """Pages as printed: the cover alone (a right-hand page), then left/right pairs, the back cover alone."""
    slots: list[int | None] = [None, *range(1, pages + 1)]
    if len(slots) % 2:
        slots.append(None)
    return [(slots[i], slots[i + 1]) for i in range(0, len(slots), 2)]


def sections_from_markers(markers: list[dict[str, Any]], pages: int, issue: Issue, project: Project) -> list[Section]:
    """Sections from the template's markers (page, data); the cover is page 1 (it has no marker)."""
    by_slug = {project.all_contributions[d].slug: d for d in issue.contributions if d in project.all_contributions}
    starts: list[Section] = [Section("umschlag", 1, 1)]
    for marker in sorted(markers, key=lambda m: int(m["seite"])):
        data, page = marker["daten"], int(marker["seite"])
        kind = str(data.get("typ", ""))
        if kind == starts[-1].kind == "notizen" or (page == starts[-1].first and kind == starts[-1].kind):
            continue
        docname = by_slug.get(str(data.get("id", ""))) if kind == "beitrag" else None
        c = project.all_contributions.get(docname) if docname else None
        starts.append(Section(kind, page, page, docname or "", c.title if c else "", c.stadt if c else "",
                              issue.planned_pages.get(docname, 0) if docname else 0))
    for here, after in zip(starts, [*starts[1:], None], strict=True):
        here.last = (after.first - 1) if after is not None else pages
    return [s for s in starts if s.last >= s.first]


def replan(plan: Plan, issue: Issue) -> bool:
    """Take the page budget from the manifest as it is now; True if it changed."""
    changed = False
    for s in plan.sections:
        planned = issue.planned_pages.get(s.docname, 0) if s.docname else 0
        changed |= planned != s.planned
        s.planned = planned
    return changed


def budget_notes(plan: Plan, issue: Issue, shown_manifest: str) -> list[Diagnostic]:
    """A Hinweis at the manifest entry of every contribution whose pages differ from its `seiten:`."""
    out = []
    for s in plan.sections:
        if s.docname and s.planned and s.pages != s.planned:
            delta = s.pages - s.planned
            out.append(diag(shown_manifest, issue.entry_lines.get(s.docname, 1), "page_budget", s.title, plan.number,
                            M.count(s.pages, "Seite"), s.planned,
                            f"{delta:+d} " + ("Seite" if abs(delta) == 1 else "Seiten"),
                            hint=M.CODES["page_budget"].hint.format(plan.number)))
    return out


# -- drawing ---------------------------------------------------------------------------------------------------


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from ..glyphs import font_paths

    name = "FiraSans-SemiBold.ttf" if bold else "FiraSans-Regular.ttf"
    for folder in font_paths():
        if (Path(folder) / name).is_file():
            return ImageFont.truetype(str(Path(folder) / name), size)
    return ImageFont.load_default()


def _fit(draw: ImageDraw.ImageDraw, text: str, font: Any, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def layout(pages: int, thumb: tuple[int, int]) -> tuple[int, int, int]:
    """(width, height, rows) of the composite image for `pages` thumbnails of size `thumb`."""
    tw, th = thumb
    count = len(spreads(pages))
    rows = -(-count // SPREADS_PER_ROW)
    cols = min(count, SPREADS_PER_ROW)
    width = 2 * MARGIN + cols * 2 * tw + (cols - 1) * GAP
    height = 2 * MARGIN + HEADER + rows * (BAND + th + LABEL) + (rows - 1) * GAP
    return width, height, rows


def compose(plan: Plan, thumbs: Sequence[Image.Image], title: str) -> Image.Image:
    """All pages in printed spreads, each with a band in its contribution's city colour and a label below."""
    tw, th = thumbs[0].size
    width, height, _ = layout(plan.pages, (tw, th))
    sheet = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(sheet)
    big, small, bold = _font(24, True), _font(13), _font(13, True)
    draw.text((MARGIN, MARGIN), title, font=big, fill=INK)
    padding = M.FLATPLAN_PADDING.format(M.count(plan.padding, "Notizseite")) \
        if plan.padding else M.FLATPLAN_NO_PADDING
    draw.text((MARGIN, MARGIN + 30), f"{M.count(plan.pages, 'Seite')} · {padding}", font=small,
              fill=MUTED)
    for n, pair in enumerate(spreads(plan.pages)):
        row, col = divmod(n, SPREADS_PER_ROW)
        x0 = MARGIN + col * (2 * tw + GAP)
        y0 = MARGIN + HEADER + row * (BAND + th + LABEL + GAP)
        for side, page in enumerate(pair):
            if page is None:
                continue
            x = x0 + side * tw
            s = plan.section_of(page)
            colour = plan.colours.get(s.city, MUTED) if s is not None and s.city else "#d0d0d0"
            draw.rectangle((x, y0, x + tw - 1, y0 + BAND - 1), fill=colour)
            picture = thumbs[page - 1].convert("RGB")
            if s is not None and s.kind == "notizen":  # padding is shown as such: hatched
                hatch = ImageDraw.Draw(picture)
                for k in range(-th, tw, 14):
                    hatch.line((k, th, k + th, 0), fill="#b8b8b8", width=1)
            sheet.paste(picture, (x, y0 + BAND))
            draw.rectangle((x, y0 + BAND, x + tw - 1, y0 + BAND + th - 1), outline="#9a9a9a")
            ly = y0 + BAND + th + 4
            draw.text((x + 4, ly), M.FLATPLAN_PAGE.format(page), font=bold, fill=INK)
            if s is not None and s.first == page:
                draw.text((x + 4, ly + 16), _fit(draw, s.label, small, tw - 8), font=small, fill=INK)
                if s.docname:
                    note = M.FLATPLAN_PLANNED.format(s.pages, M.count(s.planned, "geplante Seite/dat")) \
                        if s.planned else M.count(s.pages, "Seite")
                    wrong = bool(s.planned and s.planned != s.pages)
                    draw.text((x + 4, ly + 32), _fit(draw, note, small, tw - 8), font=small,
                              fill=WARN if wrong else MUTED)
    return sheet


# -- the step ----------------------------------------------------------------------------------------------------


def paths(root: Path, number: int) -> tuple[Path, Path, Path]:
    """(composite PNG, plan JSON, folder of page thumbnails) of an issue."""
    out = build_dir(root) / FOLDER
    stem = f"{issue_id(number)}{FLATPLAN_SUFFIX}"
    return out / f"{stem}.png", out / f"{stem}.json", out / stem


def load_plan(root: Path, number: int) -> Plan | None:
    _, data, _ = paths(root, number)
    try:
        return Plan.from_json(data.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError):
        return None


@dataclass
class Pages:
    """What the flatplan takes from a compiled screen PDF: the section markers and one PNG per page."""

    pdf: str  # sha1 of the screen PDF they belong to
    markers: list[dict[str, Any]]
    pngs: list[bytes]

    def store(self, folder: Path) -> None:
        """Into the work area beside the PDF (the flatplan step publishes from there)."""
        _write_pages(self.pngs, folder, lambda data, dest: write_if_changed(dest, data))
        write_if_changed(folder / MARKERS, json.dumps({"pdf": self.pdf, "marken": self.markers}).encode())

    @classmethod
    def load(cls, folder: Path, pdf: str) -> Pages | None:
        """The stored pages of the screen PDF with digest `pdf`, None if there are none (or older ones)."""
        try:
            data = json.loads((folder / MARKERS).read_text(encoding="utf-8"))
            if data["pdf"] != pdf:
                return None
            pngs = [p.read_bytes() for p in sorted(folder.glob("seite-*.png"))]
            return cls(pdf, list(data["marken"]), pngs)
        except (OSError, ValueError, TypeError, KeyError):
            return None


def _write_pages(pngs: list[bytes], folder: Path, write: Callable[[bytes, Path], object]) -> None:
    """`seite-001.png` … into `folder`; pages beyond the last (the issue got shorter) are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, png in enumerate(pngs, 1):
        write(png, folder / f"seite-{n:03d}.png")
    for stale in folder.glob("seite-*.png"):
        if int(stale.stem.removeprefix("seite-")) > len(pngs):
            stale.unlink()


def _publish_plan(plan: Plan, thumbs: Sequence[Image.Image], image: Path, data: Path) -> None:
    buffer = io.BytesIO()
    compose(plan, thumbs, M.FLATPLAN_TITLE.format(plan.number)).save(buffer, "PNG", compress_level=1)
    publish_file(buffer.getvalue(), image)
    publish_file(plan.to_json().encode(), data)


def work_folder(pdf: Path) -> Path:
    """Where the builder keeps the page images of a screen PDF (`<issue>.pdf` → `<issue>-seiten/`)."""
    return pdf.with_name(pdf.stem + "-seiten")


def render(main: Path, pdf: bytes) -> Pages | None:
    """Markers and page PNGs of the screen PDF `pdf`, just compiled from `main` by this thread's compiler: the
    markers are a query of that document (Typst's memoised layout: no second layout pass), the page images are
    PDFium's rendering of the PDF itself (`thumbnails`). None if either fails (the PDF stands; the flatplan is then
    made later from the file)."""
    found = markers(main)
    return drawn(pdf, found) if found is not None else None


def markers(main: Path) -> list[dict[str, Any]] | None:
    """The section markers of the document just compiled from `main` by this thread's compiler (a query of its
    memoised layout, milliseconds); None if the query fails. Right after the compile: the next one replaces it."""
    import typst

    try:
        found: list[dict[str, Any]] = json.loads(tc.compiler(main.parent).eval(QUERY, format="json"))
    except (typst.TypstError, ValueError):
        return None
    return found


def drawn(pdf: bytes, found: list[dict[str, Any]]) -> Pages | None:
    """The pages of the screen PDF `pdf` with its `markers` (PDFium renders the page images: ≈ 0.3 s for an issue
    of 36 pages, which need not wait for anything but the PDF)."""
    pngs = thumbnails(pdf)
    return Pages(hashlib.sha1(pdf).hexdigest(), found, pngs) if pngs is not None else None


def store_drawn(pdf: bytes, found: list[dict[str, Any]], folder: Path) -> None:
    """`drawn`, kept in `folder` (a background job of the compile threads, see `issues._set`)."""
    pages = drawn(pdf, found)
    if pages is not None:
        pages.store(folder)


_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one document at a time


def thumbnails(pdf: bytes) -> list[bytes] | None:
    """One PNG per page at `PPI` (the page's size in points, rounded), None if PDFium cannot read the file."""
    import pypdfium2 as pdfium

    out: list[bytes] = []
    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError:
            return None
        try:
            for index in range(len(doc)):
                page = doc[index]
                width, height = page.get_size()
                size = (round(width / 72 * PPI), round(height / 72 * PPI))
                image = page.render(scale=PPI / 72).to_pil().convert("RGB")
                page.close()
                if image.size != size:
                    image = image.resize(size, Image.Resampling.BILINEAR)
                buffer = io.BytesIO()
                image.save(buffer, "PNG", compress_level=1)
                out.append(buffer.getvalue())
        finally:
            doc.close()
    return out


def update(root: Path, project: Project, say: Callable[[str], object] = print) -> list[Diagnostic]:
    """Make or refresh the plan of every issue whose screen PDF changed; return the page-budget Hinweise of all
    (what was made, or could not be, is told to `say`)."""
    notes: list[Diagnostic] = []
    made: list[Path] = []
    for number, issue in sorted(project.issues.items()):
        pdf = build_dir(root) / "pdf" / issue.screen_pdf
        if not pdf.is_file():
            continue
        digest = hashlib.sha1(pdf.read_bytes()).hexdigest()
        image, data, folder = paths(root, number)
        plan = load_plan(root, number)
        if plan is None or plan.digest != digest or not image.is_file():
            main = work_dir(root, "typst") / issue.typst_main
            pages = Pages.load(work_folder(main.with_suffix(".pdf")), digest) or _rendered_again(main, pdf)
            if pages is None:
                say(M.FLATPLAN_FAILED.format(number, M.FLATPLAN_NO_PAGES))
                continue
            thumbs = [Image.open(io.BytesIO(p)) for p in pages.pngs]
            sections = sections_from_markers(pages.markers, len(thumbs), issue, project)
            colours = {c.id: c.colour for c in project.taxonomy.cities.values()}
            plan = Plan(number, len(thumbs), sections, digest, colours)
            _write_pages(pages.pngs, folder, publish_file)
            _publish_plan(plan, thumbs, image, data)
            made.append(image)
        if plan is not None:
            if replan(plan, issue):  # the page budget changed in the manifest, the PDF did not
                thumbs = [Image.open(p) for p in sorted(folder.glob("seite-*.png"))]
                if len(thumbs) == plan.pages:
                    _publish_plan(plan, thumbs, image, data)
            notes += budget_notes(plan, issue, rel(issue.folder / "ausgabe.yml", root))
    if made:  # one line for all issues
        say(M.FLATPLAN_DONE.format(rel(made[0], root) if len(made) == 1 else
                                   M.FLATPLAN_MANY.format(rel(made[0].parent, root), M.count(len(made), "Ausgabe"))))
    return notes


def _rendered_again(main: Path, pdf: Path) -> Pages | None:
    """The page images when the builder left none for this PDF (e.g. made by an older version): compile the
    issue's main file once more (for its markers), if it is the one the PDF was made from."""
    import typst

    stamp = main.with_suffix(".sha1")
    if not (main.is_file() and stamp.is_file() and main.stat().st_mtime <= stamp.stat().st_mtime):
        return None
    try:
        tc.compiler(main.parent).compile(input=str(main), format="svg")  # (no PDF export: only the layout is queried)
    except typst.TypstError:
        return None
    return render(main, pdf.read_bytes())
