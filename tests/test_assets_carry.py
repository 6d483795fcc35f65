"""What the last published handbook lends to the next (pipeline/html/assets.py `Carry`): the published site after
an edit is byte for byte the site made from scratch, and what did not change is the published file itself."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from pipeline.html import assets
from pipeline.html.build import build_html
from pipeline.outputs import stage_tree


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def from_scratch(out: Path, tmp: Path) -> dict[str, bytes]:
    """Sphinx's output made ready without anything carried over (what the build published before `Carry`)."""
    fresh = tmp / "von-vorn"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(out, fresh, ignore=shutil.ignore_patterns(".koop-*"))
    assets.finish(fresh)
    return tree(fresh)


@pytest.mark.slow
def test_an_edit_publishes_the_site_made_from_scratch(project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    root = project_copy("mini")
    site, out = root / "build/html", root / "build/.work/html"
    assert build_html(root).status == 0
    before = inodes(site)
    page = root / "docs/beitraege/leipzig/westen.md"
    page.write_text(page.read_text(encoding="utf-8").replace("viele Gründerzeithäuser", "sehr viele Gründerzeithäuser"),
                    encoding="utf-8")
    assert build_html(root).status == 0
    assert tree(site) == from_scratch(out, tmp_path)
    after = inodes(site)
    edited = "beitraege/leipzig/westen.html"
    assert "sehr viele Gründerzeithäuser" in (site / edited).read_text(encoding="utf-8")
    for name in (edited, f"{edited}.gz", f"{edited}.br"):
        assert after[name] != before[name], f"{name}: made again"
    kept = [n for n in after if n.startswith("beitraege/") and n.endswith((".html", ".html.br")) and n in before
            and after[n] == before[n]]
    assert len(kept) >= 4, "unchanged pages are the published files, linked"


def _page(title: str, css: str = "_static/s.css") -> str:
    return (f'<!DOCTYPE html><html lang="de"><head><title>{title}</title><link rel="stylesheet" href="{css}">'
            f"<script>document.documentElement.dataset.x = {title!r};</script></head>"
            f"<body><h1>{title}</h1><p>{'Text der Seite. ' * 80}</p></body></html>\n")


def _publish(src: Path, site: Path, memo: Path, cache: Path) -> None:
    staged = stage_tree(src, site, finish=partial(assets.rewrite, carry=assets.Carry(site, memo)))
    assets.compress_tree(staged.fresh, cache, published=site)
    staged.publish()


@pytest.mark.parametrize("change", ["page", "stylesheet", "memo lost", "published page altered", "nothing"])
def test_every_change_is_made_again_and_nothing_else(tmp_path: Path, change: str) -> None:
    """Generated sites: after each kind of change the published site equals the one made from scratch."""
    src, site, memo, cache = tmp_path / "quelle", tmp_path / "site", tmp_path / "memo.json", tmp_path / "cache"
    (src / "_static").mkdir(parents=True)
    (src / "_static/s.css").write_text("body { color: #1a1a1a; }\n" * 40)
    for n in range(4):
        (src / f"seite-{n}.html").write_text(_page(f"Seite {n}"))
    _publish(src, site, memo, cache)
    assert tree(site) == from_scratch(src, tmp_path)
    before = inodes(site)
    if change == "page":
        (src / "seite-1.html").write_text(_page("Seite eins"))
    elif change == "stylesheet":
        (src / "_static/s.css").write_text("body { color: #000; }\n" * 40)
    elif change == "memo lost":
        memo.unlink()
    elif change == "published page altered":
        (site / "seite-2.html").unlink()
        (site / "seite-2.html").write_text("verändert")
    _publish(src, site, memo, cache)
    assert tree(site) == from_scratch(src, tmp_path)
    after = inodes(site)
    remade = {n for n in ("seite-0.html", "seite-1.html", "seite-2.html", "seite-3.html") if after[n] != before[n]}
    expected = {"page": {"seite-1.html"}, "stylesheet": {f"seite-{n}.html" for n in range(4)},
                "memo lost": {f"seite-{n}.html" for n in range(4)}, "published page altered": {"seite-2.html"},
                "nothing": set()}[change]
    assert remade == expected
