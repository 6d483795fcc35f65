"""Helpers to read built HTML as a reader (and a link checker) would."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def page(root: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((root / "build" / "html" / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def article(root: Path, docname: str) -> BeautifulSoup:
    found = page(root, docname).find("article")
    assert found is not None
    return found


def text(node: BeautifulSoup) -> str:
    return " ".join(node.get_text(" ").split())


def broken_links(site: Path) -> list[str]:
    """Every relative href/src in the site that points to a missing file or anchor."""
    ids: dict[Path, set[str]] = {}

    def anchors(file: Path) -> set[str]:
        if file not in ids:
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            ids[file] = {str(t["id"]) for t in soup.find_all(id=True)}
        return ids[file]

    broken = []
    for file in site.rglob("*.html"):
        if "_static" in file.relative_to(site).parts:
            continue  # theme template fragments, not pages
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "img", "link", "script"]):
            url = tag.get("href") or tag.get("src")
            if not url or url.startswith(("http:", "https:", "mailto:", "javascript:", "data:")):
                continue
            parts = urlsplit(str(url))
            target = file if not parts.path else (file.parent / unquote(parts.path)).resolve()
            if not target.exists():
                broken.append(f"{file.relative_to(site)} → {url}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                broken.append(f"{file.relative_to(site)} → {url} (Anker fehlt)")
    return broken


def unsafe_markup(file: Path) -> list[str]:
    """Scripts other than the theme's, event-handler attributes and script/data URLs in a page."""
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    found = []
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            if attr.lower().startswith("on"):
                found.append(f"<{tag.name} {attr}>")
            if attr in ("href", "src") and str(value).strip().lower().startswith(("javascript:", "data:text")):
                found.append(f"<{tag.name} {attr}={value}>")
        if tag.name == "script" and not tag.get("src") and "alert" in (tag.string or ""):
            found.append("<script>alert</script>")
        if tag.name in ("iframe", "object", "embed"):
            found.append(f"<{tag.name}>")
    return found
