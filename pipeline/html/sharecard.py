"""The picture a shared link shows: one 1200×630 raster image per case (OpenGraph, Twitter card).

Facebook, X and LinkedIn show no SVG, and most first figures of the handbook are SVG diagrams. Each case
gets `_images/teilen/<kurzname>.png` (a photo: `.jpg`), made with Pillow from its first figure, or, without
one, from the cover of the first issue it is printed in: a photo fills the card, a diagram or cover is shown
whole on white; a strip in the city's colour runs along the bottom. SVG is rasterised by Typst (the fonts of
the koopBLATT, so the figure's text looks as in print). Cards are cached by content in the work area.

A cold build renders every card, ≈ 60 ms each, mostly outside the GIL (Typst, Pillow's resampling and PNG
encoder): the cards of the pages about to be written are started in a small thread pool when the builder
prepares writing (`prefetch`, from the figure remembered when the page was read), and a page waits for its
own card only when it needs the card's name. A card is the same bytes whichever thread makes it.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .. import glyphs, images
from ..model import Contribution
from ..outputs import publish_file, work_dir, write_if_changed
from ..sphinx_ext import state
from ..typst.compile import forget
from . import cases

SIZE = (1200, 630)
MARGIN = 36  # px around a figure shown whole
STRIP = 14  # px, the city's colour along the bottom
FOLDER = "teilen"  # under the site's image folder
VERSION = 2  # part of the cache key: raise it when the card's layout or encoding changes
PHOTO = (".jpg", ".jpeg")
PNG_LEVEL = 9  # zlib's best: the same size as Pillow's optimize=True on the cards, ≈ 20 % less time
FIGURES = "koop_card_figures"  # on the environment: docname → its card's figure (path in the sources, alt)
PENDING = "koop_card_pending"  # on the builder: the cards being rendered in the background
WORKERS = min(4, os.cpu_count() or 1)
FIGURE_BOX = (SIZE[0] - 2 * MARGIN, SIZE[1] - STRIP - 2 * MARGIN)  # a figure shown whole
UNDRAWABLE = (OSError, ValueError, ArithmeticError, RuntimeError)  # Pillow's and Typst's (RuntimeError) refusals
BATCHES = (2, 4, 8)  # SVG figures per Typst run in the background, growing: the first pages wait least


@dataclass(frozen=True)
class Card:
    path: str  # in the site
    alt: str
    mime: str


def _figure(app: Sphinx, doctree: nodes.document | None) -> tuple[Path, str] | None:
    """The case's first figure as (source file, alt text): the first photo or raster image, else the first one."""
    if doctree is None:
        return None
    found: list[tuple[Path, str]] = []
    for figure in doctree.findall(nodes.figure):
        image = next(iter(figure.findall(nodes.image)), None)
        if image is None:
            continue
        candidates: dict[str, str] = image.get("candidates") or {}
        uri = str(candidates.get("*", image["uri"]))
        src = Path(app.srcdir) / uri
        if src.is_file():
            found.append((src, str(image.get("alt", ""))))
    return next((f for f in found if f[0].suffix.lower() != ".svg"), found[0] if found else None)


def source(app: Sphinx, c: Contribution, doctree: nodes.document | None) -> tuple[Path, str] | None:
    """What the card shows: the first figure, else the cover of the first issue that prints the case."""
    return _source(app, c, _figure(app, doctree))


def _source(app: Sphinx, c: Contribution, figure: tuple[Path, str] | None) -> tuple[Path, str] | None:
    if figure is not None:
        return figure
    for issue in state.project(app).issues_of(c.docname):
        if issue.cover.image is not None and issue.cover.image.is_file():
            return issue.cover.image, issue.cover.alt
    return None


def rasterise(src: Path, box: tuple[int, int], *, fill: str = "white") -> Any:
    """An SVG drawn by Typst to fit `box` (pixels), as a Pillow image (RGBA: `fill` may be "none")."""
    return rasterise_many([src], box, fill=fill)[0]


def rasterise_many(srcs: Sequence[Path], box: tuple[int, int], *, fill: str = "white") -> list[Any]:
    """SVGs drawn by one Typst run, a page each (the fonts are loaded once: ≈ 10 instead of ≈ 25 ms a figure; each
    page's pixels are those of a run of its own)."""
    import typst
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for i, src in enumerate(srcs):
            size = images.svg_size(src) or box
            scale = min(box[0] / size[0], box[1] / size[1])
            w, h = max(1, round(size[0] * scale)), max(1, round(size[1] * scale))
            shutil.copyfile(src, Path(tmp) / f"bild-{i}.svg")
            pages.append(f'#page(width: {w}pt, height: {h}pt, margin: 0pt, fill: {fill})'
                         f'[#image("bild-{i}.svg", width: 100%, height: 100%, fit: "contain")]\n')
        main = Path(tmp) / "karte.typ"
        main.write_text("".join(pages), encoding="utf-8")
        png = typst.compile(str(main), root=tmp, format="png", ppi=72, font_paths=glyphs.font_paths())
    return [Image.open(io.BytesIO(page)).convert("RGBA") for page in (png if isinstance(png, list) else [png])]


def render(src: Path, colour: str, drawn: Any = None) -> tuple[bytes, str]:
    """The card's bytes and its file suffix; `drawn`: the SVG `src` rasterised already (`rasterise_many`)."""
    from PIL import Image, ImageDraw, ImageOps

    width, height = SIZE[0], SIZE[1] - STRIP
    canvas = Image.new("RGB", SIZE, "white")
    photo = src.suffix.lower() in PHOTO
    if src.suffix.lower() == ".svg":
        figure = (drawn if drawn is not None else rasterise(src, FIGURE_BOX)).convert("RGB")
    else:
        with Image.open(src) as opened:
            figure = ImageOps.exif_transpose(opened).convert("RGB")
    if photo:
        canvas.paste(ImageOps.fit(figure, (width, height), Image.Resampling.LANCZOS), (0, 0))
    else:
        figure = ImageOps.contain(figure, (width - 2 * MARGIN, height - 2 * MARGIN), Image.Resampling.LANCZOS)
        canvas.paste(figure, ((width - figure.width) // 2, (height - figure.height) // 2))
    ImageDraw.Draw(canvas).rectangle((0, SIZE[1] - STRIP, SIZE[0], SIZE[1]), fill=colour)
    out = io.BytesIO()
    if photo:
        canvas.save(out, "JPEG", quality=85, optimize=True, progressive=True)
        return out.getvalue(), ".jpg"
    canvas.save(out, "PNG", compress_level=PNG_LEVEL)
    return out.getvalue(), ".png"


@dataclass(frozen=True)
class _Plan:
    """One card to show: what it is made from and its key in the cache (content and colour)."""

    src: Path
    alt: str
    colour: str
    cache: Path

    @property
    def key(self) -> str:
        return hashlib.sha1(f"{VERSION}|{self.colour}|{images.content_digest(self.src)}".encode()).hexdigest()

    def cached(self) -> Path | None:
        return next(iter(sorted(self.cache.glob(f"{self.key}.*"))), None)

    @property
    def svg(self) -> bool:
        return self.src.suffix.lower() == ".svg"

    def made(self, drawn: Any = None) -> Path:
        """The cached card, rendered now if no build made it before (written atomically: a worker thread's)."""
        cached = self.cached()
        if cached is None:
            data, suffix = render(self.src, self.colour, drawn)
            cached = self.cache / f"{self.key}{suffix}"
            publish_file(data, cached)
        return cached


def _plan(app: Sphinx, c: Contribution, figure: tuple[Path, str] | None) -> _Plan | None:
    found = _source(app, c, figure)
    if found is None:
        return None
    colour = state.project(app).taxonomy.cities[c.stadt].colour
    return _Plan(found[0], found[1], colour, work_dir(state.root_of(app.builder), "teilen"))


def _made_together(plans: Sequence[_Plan]) -> dict[str, Path]:
    """Cards by key: SVG figures rasterised by one Typst run, every card composed and encoded on its own. Typst
    then forgets the run (its memo would keep every figure's pixels for ten more runs: 236 MB at N=200); the
    other cards' runs are single-pass documents, which lose nothing by it."""
    if not all(p.svg for p in plans):
        return {plan.key: plan.made() for plan in plans}
    drawn = rasterise_many([p.src for p in plans], FIGURE_BOX)
    forget()
    return {plan.key: plan.made(figure) for plan, figure in zip(plans, drawn, strict=True)}


@dataclass
class _Pending:
    """Cards rendered by a thread pool: per cache key, the job that makes it (and maybe others)."""

    pool: ThreadPoolExecutor
    jobs: dict[str, Future[dict[str, Path]]] = field(default_factory=dict)

    def submit(self, plans: Sequence[_Plan]) -> None:
        job = self.pool.submit(_made_together, plans)
        self.jobs.update((plan.key, job) for plan in plans)

    def result(self, plan: _Plan) -> Path | None:
        """The card of `plan` if a job makes it; None if none does or its job failed (the page renders it
        itself then, and meets the error, if any, as its own)."""
        job = self.jobs.get(plan.key)
        try:
            return job.result()[plan.key] if job is not None else None
        except Exception:  # another card of the batch, or this one: see above
            return None


def _figures(env: Any) -> dict[str, tuple[str, str] | None]:
    """Docname → its card's figure as (path in the sources, alt), for the pages read since this was kept."""
    if not hasattr(env, FIGURES):
        setattr(env, FIGURES, {})
    found: dict[str, tuple[str, str] | None] = getattr(env, FIGURES)
    return found


def _remember(app: Sphinx, doctree: nodes.document) -> None:
    """On reading a page: its card's figure, kept in the environment for `prefetch` (no doctree to load then)."""
    figure = _figure(app, doctree)
    _figures(app.env)[app.env.docname] = (figure[0].relative_to(app.srcdir).as_posix(), figure[1]) if figure else None


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    _figures(env).pop(docname, None)


def _merge(app: Sphinx, env: Any, docnames: Iterable[str], other: Any) -> None:
    theirs = _figures(other)
    _figures(env).update({d: theirs[d] for d in docnames if d in theirs})


def prefetch(app: Sphinx, docnames: Iterable[str]) -> None:
    """Start rendering, in the background, the cards of the cases among `docnames` that no build made before
    (in the order the pages are written; SVG figures in batches, see `BATCHES`). A page read before this code
    remembered figures is left to `card` (rendered when the page is written)."""
    if not cases.handbook(app):
        return
    figures = _figures(app.env)
    plans: dict[str, _Plan] = {}
    made: set[str] | None = None  # the keys in the cache, listed once
    for docname in sorted(docnames):
        c = cases.case(app, docname)
        if c is None or docname not in figures:
            continue
        kept = figures[docname]
        figure = (Path(app.srcdir) / kept[0], kept[1]) if kept is not None else None
        plan = _plan(app, c, figure if figure is not None and figure[0].is_file() else None)
        if plan is None:
            continue
        if made is None:
            made = {entry.name.split(".")[0] for entry in plan.cache.iterdir()}
        if plan.key not in made:
            plans.setdefault(plan.key, plan)
    if not plans:
        return
    pending = _Pending(ThreadPoolExecutor(WORKERS, thread_name_prefix="koop-teilen"))
    setattr(app.builder, PENDING, pending)
    batch: list[_Plan] = []
    batches = 0
    for plan in plans.values():
        if not plan.svg:
            pending.submit([plan])
            continue
        batch.append(plan)
        if len(batch) == BATCHES[min(batches, len(BATCHES) - 1)]:
            pending.submit(batch)
            batch, batches = [], batches + 1
    if batch:
        pending.submit(batch)


def _finished(app: Sphinx, exception: Exception | None) -> None:
    """No card is rendered after the build: waits for the one being made, drops those not started."""
    pending: _Pending | None = getattr(app.builder, PENDING, None)
    if pending is not None:
        pending.pool.shutdown(wait=True, cancel_futures=True)
        delattr(app.builder, PENDING)


def card(app: Sphinx, c: Contribution, doctree: nodes.document | None) -> Card | None:
    """Write the case's share card into the site (made once per source and colour) and say where it is."""
    plan = _plan(app, c, _figure(app, doctree))
    if plan is None:
        return None
    pending: _Pending | None = getattr(app.builder, PENDING, None)
    try:
        cached = (pending.result(plan) if pending is not None else None) or plan.made()
    except UNDRAWABLE:  # a figure `check` refuses (unreadable, not what its name says): no card; the finding says why
        return None
    builder: Any = app.builder
    path = f"{builder.imagedir}/{FOLDER}/{c.slug}{cached.suffix}"
    write_if_changed(Path(builder.outdir) / path, cached.read_bytes())
    return Card(path, plan.alt, "image/jpeg" if cached.suffix == ".jpg" else "image/png")


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _remember, priority=900)  # after Sphinx's image collector
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("build-finished", _finished)
