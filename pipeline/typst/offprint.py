"""Sonderdrucke: every released case as its own PDF in the koopBLATT layout, linked from its handbook page.

Screen PDF (PDF/A-2a + PDF/UA-1, like the issues' screen PDF), no watermark, the case's own title and
authors in the metadata, a colophon with the German citation, its address and licence. Set at the end of
the `koopblatt` builder's run (`build-finished`) with the builder's translator, template and warm Typst
compiler. Only cases whose inputs changed are translated and compiled: the digest covers the stored doctree,
the files the case depends on (images, includes), the template, the colophon and the compile settings, so
checking an unchanged case reads one small file. Published to build/pdf/sonderdrucke/ per case, so an
error in one case keeps only its own last good Sonderdruck.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from .. import citation, glyphs
from .. import messages as M
from ..model import Contribution
from ..outputs import build_dir, build_time, publish_file, write_if_changed
from ..sphinx_ext import capture, state
from ..validate import Project
from . import compile as tc
from . import escape
from .builder import PAGES, SCREEN_STANDARDS, TEMPLATES, KoopblattBuilder
from .document import TEMPLATE, Source, _cities, _date, beitrag_call

logger = logging.getLogger(__name__)
WORK = citation.OFFPRINT_DIR  # in the builder's outdir: <kurzname>.pdf and .sha1 of every Sonderdruck


def target_dir(root: Path) -> Path:
    return build_dir(root) / "pdf" / citation.OFFPRINT_DIR


def main_file(project: Project, c: Contribution, rec: citation.Record, body: str) -> Source:
    """The Typst main file of one Sonderdruck: the issue layout, one contribution, the colophon at its end."""
    tax = project.taxonomy
    issues = project.issues_of(c.docname)
    first = issues[0] if issues else None
    head = M.OFFPRINT_HEAD.format(rec.issues[0] if rec.issues else rec.container)
    names = escape.strings([p.name for p in rec.authors])
    text = citation.german([rec])[rec.key].removesuffix(rec.url).rstrip()  # the address follows as a link
    colophon = (f"#sonderdruck-vermerk(titel: {escape.string(M.OFFPRINT_SUGGESTION)}, zitat: {escape.string(text)}, "
                f"url: {escape.string(rec.url)}, lizenz: {escape.string(M.CITE_LICENSE.format(rec.license))})")
    preamble = (f'#import "{TEMPLATE}": *\n\n'
                f"#show: ausgabe.with(\n  nummer: {first.number if first else 1},\n"
                f"  jahr: {first.year if first else c.date.year},\n  datum: {_date(c.date)},\n"
                f"  titel: {escape.string(first.title if first else M.ISSUES_TITLE)},\n  untertitel: none,\n"
                f'  format: "a4",\n  druck: false,\n  korrektur: false,\n  staedte: {_cities(tax)},\n'
                f"  akzent: {escape.string(tax.cities[c.stadt].colour)},\n"
                f"  sonderdruck: (titel: {escape.string(rec.full_title)}, autoren: {names}, "
                f"kopf: {escape.string(head)}),\n)\n\n")
    line = preamble.count("\n") + 1
    return Source(preamble + beitrag_call(c, tax, f"{body}\n{colophon}\n"), [(line, c.path)])


def _digest(builder: KoopblattBuilder, docname: str, rec: citation.Record) -> str:
    """Everything a Sonderdruck is made of, without translating it."""
    h = hashlib.sha1(repr((rec, SCREEN_STANDARDS, build_time(rec.date), glyphs.font_paths(),
                           builder.config.koop_code)).encode())
    h.update((TEMPLATES / "koopblatt.typ").read_bytes())
    h.update((Path(builder.doctreedir) / f"{docname}.doctree").read_bytes())
    for dep in sorted(str(d) for d in builder.env.dependencies.get(docname, ())):
        file = Path(builder.srcdir) / dep
        stat = file.stat() if file.is_file() else None
        h.update(f"{dep}:{stat.st_size if stat else -1}:{stat.st_mtime_ns if stat else -1}".encode())
    return h.hexdigest()


def set_offprints(builder: KoopblattBuilder) -> None:
    """Set the Sonderdruck of every released case whose inputs changed; publish it; drop those of removed
    cases and drafts. A case with an error keeps its last good Sonderdruck (and the handbook waits for it)."""
    app = builder.app
    project = state.project(app)
    root = state.root_of(builder)
    out = Path(builder.outdir)
    work = out / WORK
    work.mkdir(parents=True, exist_ok=True)
    target = target_dir(root)
    write_if_changed(out / TEMPLATE, (TEMPLATES / TEMPLATE).read_bytes())
    found = capture.findings(app)
    base, publisher = str(builder.config.koop_handbook_url), str(builder.config.author)
    set_now = 0
    for docname, c in project.contributions.items():
        if any(p.is_error for p in found.of((docname,))):
            continue
        rec = citation.record(c, project.issues_of(docname), base, publisher)
        pdf, stamp = work / f"{c.slug}.pdf", work / f"{c.slug}.sha1"
        digest = _digest(builder, docname, rec)
        if not (pdf.is_file() and stamp.is_file() and stamp.read_text() == digest):
            if not _compile(builder, c, rec, pdf):
                continue
            stamp.write_text(digest)
            set_now += 1
        published = target / citation.offprint_name(c.slug)
        data = pdf.read_bytes()
        if not published.is_file() or published.read_bytes() != data:
            publish_file(data, published)
    if set_now:
        logger.info(M.OFFPRINT_PROGRESS.format(set_now, len(project.contributions)))
    keep = {citation.offprint_name(r.docname.rsplit("/", 1)[-1]) for r in project.reports.values() if not r.is_draft}
    for stale in target.glob("sonderdruck-*.pdf") if target.is_dir() else []:
        if stale.name not in keep:  # removed, renamed or back to draft: never public
            stale.unlink()


def _compile(builder: KoopblattBuilder, c: Contribution, rec: citation.Record, pdf: Path) -> bool:
    project = state.project(builder.app)
    builder.active = {c.docname: c.slug}  # links to other cases point to the handbook
    builder.page = PAGES["a4"]
    part = builder.translate(c.docname)
    main = Path(builder.outdir) / f"sonderdruck-{c.slug}.typ"
    try:
        result = tc.compile_pdf(main, main_file(project, c, rec, part.body), standards=SCREEN_STANDARDS,
                                timestamp=build_time(c.date), fallback=c.path)
    except tc.CompileError as failure:
        for where, text in failure.items:
            capture.emit(logger, builder._typst_problem(where, text))
        builder.failed = True
        return False
    pdf.write_bytes(result.pdf)
    return True


def _finished(app: Sphinx, exc: BaseException | None) -> None:
    builder = app.builder
    if exc is None and isinstance(builder, KoopblattBuilder) and not app.config.koop_proof:
        set_offprints(builder)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("pipeline.typst.builder")
    # before `capture` saves the findings at build-finished, so a failed Sonderdruck stays reported
    app.connect("build-finished", _finished, priority=300)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
