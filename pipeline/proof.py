"""`nox -s proof -- <beitrag.md>`: a proof bundle for the city — Korrekturabzug PDF and a DOCX for comments."""

from __future__ import annotations

import sys
from pathlib import Path

from . import messages as M
from .diagnostics import Diagnostic
from .outputs import build_dir, publish_file, work_dir
from .sphinx_ext.runner import run_sphinx
from .typst.pdf import build_pdf
from .validate import validate_project


def docx_from_html(page: Path, target: Path) -> None:
    """The contribution's handbook page (card, text, notes, literature) as DOCX via pandoc."""
    import pypandoc
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    for tag in article.select(".headerlink, .koop-verwandt, .koop-probleme, .koop-entwurf, script"):
        tag.decompose()
    for link in article.select("a.reference.internal"):
        link.unwrap()  # handbook-internal links mean nothing in a Word file
    html = f'<html lang="de"><head><meta charset="utf-8"/><title>{soup.title.string if soup.title else ""}</title>' \
           f"</head><body>{article}</body></html>"
    tmp = target.with_name(f".{target.name}.tmp.docx")
    pypandoc.convert_text(html, "docx", format="html", outputfile=str(tmp),
                          extra_args=[f"--resource-path={page.parent}", "--metadata=lang:de-DE", "--quiet"])
    publish_file(tmp.read_bytes(), target)
    tmp.unlink()


def proof(root: Path, contribution: str) -> int:
    """A proof is made for drafts too (that is what they are for), but only of a contribution without errors."""
    project = validate_project(root, cache=True)
    path = Path(contribution)
    shown = (path if path.is_absolute() else (Path.cwd() / path)).resolve()
    shown_rel = shown.relative_to(root).as_posix() if shown.is_relative_to(root) else contribution
    match = next((c for c in project.all_contributions.values() if c.path == shown_rel), None)
    if match is None:
        print(M.PROOF_UNKNOWN.format(contribution), file=sys.stderr)
        return 2
    mine = [p for p in project.problems if p.path == match.path]
    if any(p.is_error for p in mine):
        for p in mine:
            print(p.format(), file=sys.stderr)
        return 1
    print(M.PROOF_PROGRESS.format(match.title))
    found: list[Diagnostic] = []
    status = build_pdf(root, project, proof=match.path, found=found)
    for p in found:
        if p.path == match.path:
            print(p.format(), file=sys.stderr)
    if status:
        return 1
    # the page as the preview shows it (drafts are never in the published handbook)
    out = work_dir(root, "korrektur-html")
    run_sphinx(root, "html", out, {"koop_preview": "1"}, doctrees="doctrees-vorschau", label=M.STEP_HTML)
    page = out / f"{match.docname}.html"
    if not page.is_file():
        return 1
    target = build_dir(root) / "korrektur" / f"korrektur-{match.slug}.docx"
    docx_from_html(page, target)
    print(M.PROOF_DONE.format(f"build/korrektur/korrektur-{match.slug}.pdf", f"build/korrektur/{target.name}"))
    return 0
