"""Publishing the handbook while epubcheck still runs (issue 20): the site to publish (search index, hashed assets,
pre-compressed files) is made ready beside build/html while the handbook step waits for the e-books' check; it
replaces build/html only when nothing blocks the handbook. A failed build never touches the last good site, and
the site offers exactly the e-books that passed (a book that failed keeps its last good version)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.diagnostics import Diagnostic, diag
from pipeline.epub import check
from pipeline.html.build import build_html


def _book(title: str, tmp: Path) -> bytes:
    """A small valid EPUB 3 (the warm-up book of epubcheck) with `title`."""
    path = tmp / f"{title}.epub"
    check._write_book(path, {name: text.replace("<dc:title>W</dc:title>", f"<dc:title>{title}</dc:title>")
                             for name, text in check.WARM_BOOK.items()})
    return path.read_bytes()


def _tree(site: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of a site: its inode and bytes (an unchanged file that was replaced has a new inode)."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.read_bytes()) for p in sorted(site.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("outcome", ["blocked", "book_failed", "book_passed", "first_book_failed"])
def test_the_site_is_made_ready_while_the_books_are_checked(project_copy: Callable[[str], Path], outcome: str) -> None:
    root = project_copy("mini")
    old, new = _book("Alt", root.parent), _book("Neu und anders", root.parent)
    books = root / "build" / "epub"
    books.mkdir(parents=True)
    if outcome != "first_book_failed":
        (books / "handbuch.epub").write_bytes(old)  # the last good book
    assert build_html(root).status == 0
    site = root / "build" / "html"
    before = _tree(site)
    candidate = root / "build" / ".work" / "kandidat" / "handbuch.epub"  # packed, epubcheck still running
    candidate.parent.mkdir(parents=True)
    candidate.write_bytes(new)
    (root / "docs" / "index.md").write_text((root / "docs" / "index.md").read_text(encoding="utf-8")
                                            + "\nEin neuer Satz.\n", encoding="utf-8")
    seen: dict[str, object] = {}

    def checked() -> list[Diagnostic]:
        staged = site.with_name(".html.new")
        seen["staged"] = sorted(p.name for p in staged.iterdir()) if staged.is_dir() else []
        seen["compressed"] = all((staged / name).is_file() for name in ("index.html.br", "_pagefind/pagefind-ui.js.br"))
        seen["untouched"] = _tree(site) == before
        if outcome == "book_passed":
            (books / "handbuch.epub").write_bytes(new)  # the e-book step publishes what passed
        if outcome == "blocked":
            return [diag("docs/index.md", 1, "epubcheck", "handbuch.epub", "ungültig")]
        return []

    result = build_html(root, pending=[candidate], before_publish=checked)
    assert "index.html" in seen["staged"] and seen["compressed"] and seen["untouched"], seen
    assert not site.with_name(".html.new").exists() and not site.with_name(".html.old").exists()
    offered = site / "downloads" / "handbuch.epub"
    if outcome == "blocked":
        assert result.status != 0 and result.published == []
        assert _tree(site) == before  # the same files, not even replaced by equal ones
        return
    assert result.status == 0 and result.published == [site]
    assert "Ein neuer Satz." in (site / "index.html").read_text(encoding="utf-8")
    expected = {"book_failed": old, "book_passed": new}.get(outcome)
    assert (offered.read_bytes() if offered.exists() else None) == expected


def test_a_removed_case_leaves_the_published_site(project_copy: Callable[[str], Path]) -> None:
    """A case removed from the sources is gone from the next published handbook: its page, its image, its share card,
    its Sonderdruck and its citation files (Sphinx leaves what it wrote before in its output folder)."""
    from pipeline.typst.build import build_pdf

    root = project_copy("mini")
    source = root / "docs/beitraege/leipzig/westen.md"
    case = root / "docs/beitraege/leipzig/brache.md"
    case.write_text(source.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Brache – ", 1)
                    .replace("westen", "brache"), encoding="utf-8")  # its figure and label of its own
    (root / "docs/beitraege/leipzig/bilder/brache-grafik.svg").write_text(
        (root / "docs/beitraege/leipzig/bilder/westen-grafik.svg").read_text(encoding="utf-8")
        .replace("</svg>", "<!-- Brache --></svg>"), encoding="utf-8")
    assert build_pdf(root).status == 0 and build_html(root).status == 0
    site = root / "build/html"

    def of_case() -> list[str]:
        return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and "brache" in p.name)

    present = of_case()
    assert {"beitraege/leipzig/brache.html", "zitieren/brache.bib", "downloads/sonderdruck-brache.pdf"} <= set(present)
    assert any(p.startswith("_images/teilen/brache") for p in present)
    assert any(p.startswith("_images/brache-grafik") for p in present), present
    case.unlink()
    assert build_pdf(root).status == 0 and build_html(root).status == 0
    assert of_case() == []
    assert (site / "beitraege/leipzig/westen.html").is_file()  # the rest stays
    assert any(p.name.startswith("westen-grafik") for p in (site / "_images").iterdir())
