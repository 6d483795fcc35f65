"""Every output a reader gets of a built project's released contributions, compared with the parity oracle."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import yaml

from . import parity


def released(root: Path) -> list[str]:
    """The docnames of the contributions the handbook published (drafts have no page)."""
    html = root / "build" / "html"
    return sorted(str(p.relative_to(html).with_suffix("")) for p in (html / "beitraege").glob("*/*.html"))


def issues_of(root: Path) -> dict[str, tuple[str, list[str]]]:
    """Issue id → (its PDF/EPUB stem, its contributions' docnames)."""
    found: dict[str, tuple[str, list[str]]] = {}
    for manifest in sorted((root / "koopblatt").glob("*/ausgabe.yml")):
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        docs = [str(e["pfad"] if isinstance(e, dict) else e).removesuffix(".md") for e in data.get("beitraege", [])]
        stem = f"koopblatt-{data['nummer']}"
        found[stem] = (stem, docs)
    return found


def proofs(root: Path, docnames: list[str]) -> dict[str, tuple[Path, Path]]:
    """Build the proof bundle (PDF and Word file) of each contribution, as `nox -s proof` does."""
    from pipeline.cli import main

    made = {}
    for doc in docnames:
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main(["--root", str(root), "proof", f"docs/{doc}.md"])
        assert status == 0, err.getvalue()
        stem = root / "build" / "korrektur" / f"korrektur-{doc.rsplit('/', 1)[-1]}"
        made[doc] = (stem.with_suffix(".pdf"), stem.with_suffix(".docx"))
    return made


def compare_all(root: Path, with_proofs: list[str] | None = None) -> parity.Report:
    """Every released contribution against every output it is in: the handbook page, the handbook EPUB, each
    issue's screen PDF and EPUB, its Sonderdruck, and (for `with_proofs`) the proof PDF and Word file."""
    build = root / "build"
    docs = released(root)
    ref = parity.reference(root, docs)
    report = parity.Report()
    in_issue = {doc: stem for stem, (_, members) in issues_of(root).items() for doc in members}

    def check(doc: str, fmt: str, text: str) -> None:
        parity.compare(doc, fmt, ref[doc], text, report)

    for doc in docs:
        title = next(p.plain for p in ref[doc] if p.kind == "heading")
        check(doc, "html", parity.html_text(build / "html" / f"{doc}.html"))
        check(doc, "epub-handbuch", parity.epub_text(build / "epub" / "handbuch.epub", doc))
        offprint = build / "pdf" / "sonderdrucke" / f"sonderdruck-{doc.rsplit('/', 1)[-1]}.pdf"
        check(doc, "pdf-sonderdruck", parity.pdf_text(offprint, title) if offprint.is_file() else "")
        stem = in_issue.get(doc)
        if stem:
            check(doc, "pdf-ausgabe", parity.pdf_text(build / "pdf" / f"{stem}.pdf", title))
            check(doc, "epub-ausgabe", parity.epub_text(build / "epub" / f"{stem}.epub", doc))
    for doc, (pdf, docx) in proofs(root, with_proofs or []).items():
        title = next(p.plain for p in ref[doc] if p.kind == "heading")
        check(doc, "pdf-korrektur", parity.pdf_text(pdf, title))
        check(doc, "docx-korrektur", parity.docx_text(docx))
    return report
