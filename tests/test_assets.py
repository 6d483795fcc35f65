"""The handbook as a web server delivers it (pipeline/html/assets.py): hashed asset names, no inline code,
pre-compressed text files — on the built mini project, and over generated sites."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import posixpath
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.html import assets
from pipeline.html.build import build_html

LOCAL = re.compile(r"^(?![a-z]+:|//|#|/)")


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def references(site: Path, page: Path) -> list[str]:
    """Site paths of every local stylesheet, script, preload and image a page loads."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    base = page.relative_to(site).parent.as_posix()
    found = []
    for tag in soup.find_all(["link", "script", "img"]):
        url = tag.get("href") or tag.get("src")
        if url and LOCAL.match(url) and (tag.name != "link" or {"stylesheet", "preload"} & set(tag.get("rel", []))):
            found.append(posixpath.normpath(posixpath.join(base, url.split("#")[0])))
    return found


def test_built_pages_load_only_hashed_assets_and_no_inline_code(built_mini: Path) -> None:
    site = built_mini / "build" / "html"
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) > 10
    for page in pages:
        loaded = [r for r in references(site, page) if r.startswith("_static/")]
        assert any(r.endswith(".css") for r in loaded) and any(r.endswith(".js") for r in loaded), page
        for ref in loaded:
            data = (site / ref).read_bytes()  # exists, and its name says its content
            assert assets.HASHED.search(ref) and hashlib.sha256(data).hexdigest()[:12] in ref, (page, ref)
            assert "?" not in ref
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        inline = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/ld+json"]
        assert inline == [] and soup.find_all("style") == [], page
        assert not soup.select("[style]"), page
        # Sphinx's per-page settings (where the theme writes them) survive as data for one shared script
        written = (built_mini / "build/.work/html" / page.relative_to(site)).read_text(encoding="utf-8")
        if "DOCUMENTATION_OPTIONS.pagename = " in written:
            [settings_tag] = soup.select("script[data-koop-optionen]")
            name = page.relative_to(site).with_suffix("").as_posix()
            assert json.loads(settings_tag["data-koop-optionen"])["pagename"] == name


def test_stylesheets_load_hashed_fonts(built_mini: Path) -> None:
    site = built_mini / "build" / "html"
    fonts_css = [p for p in (site / "_static").glob("koop-fonts.*.css") if assets.HASHED.search(p.name)]
    [css] = fonts_css
    urls = re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8"))
    assert urls
    for url in urls:
        target = css.parent / url.strip("'\"")
        assert assets.HASHED.search(target.name) and target.suffix == ".woff2"
        assert hashlib.sha256(target.read_bytes()).hexdigest()[:12] in target.name


def test_every_text_file_has_its_compressed_variants(built_mini: Path) -> None:
    site = built_mini / "build" / "html"
    checked = 0
    for path in site.rglob("*"):
        if not path.is_file() or not assets.compressible(site, path):
            continue
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if gz.is_file():
            packed = gz.read_bytes()
            assert gzip.decompress(packed) == data and len(packed) < len(data)
            assert packed[4:8] == b"\0\0\0\0"  # mtime 0: the same bytes every build
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == data and br.stat().st_size < len(data)
        if len(data) > 1000:  # anything of size compresses
            assert gz.is_file() and br.is_file(), path
            checked += 1
    assert checked > 20
    for kind in ("index.html", "feed.xml", "sitemap.xml", "daten/beitraege.json", "_pagefind/pagefind-ui.js"):
        assert (site / f"{kind}.br").is_file() and (site / f"{kind}.gz").is_file(), kind
    # downloads and images are not compressed again
    assert not list(site.rglob("*.pdf.gz")) and not list(site.rglob("*.png.br"))


def test_the_post_step_is_idempotent_and_reproducible(built_mini: Path, tmp_path: Path) -> None:
    site = built_mini / "build" / "html"
    again = tmp_path / "again"
    shutil.copytree(site, again)
    assets.finish(again, tmp_path / "cache")
    assert tree(again) == tree(site)
    # from Sphinx's output once more, without the cache: the same bytes as the build published
    fresh = tmp_path / "fresh"
    shutil.copytree(built_mini / "build" / ".work" / "html", fresh, ignore=shutil.ignore_patterns(".koop-*"))
    assets.finish(fresh)
    assert tree(fresh) == tree(site)


@pytest.mark.slow
def test_incremental_build_republishes_a_changed_page_with_fresh_variants(
        project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    page = root / "build/html/beitraege/leipzig/westen.html"
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8").replace("## Vorgehen", "Quartiersgarage.\n\n## Vorgehen"),
                      encoding="utf-8")
    assert build_html(root).status == 0
    html = page.read_bytes()
    assert b"Quartiersgarage" in html
    assert brotli.decompress(page.with_name(page.name + ".br").read_bytes()) == html
    assert gzip.decompress(page.with_name(page.name + ".gz").read_bytes()) == html
    for ref in references(root / "build/html", page):
        assert (root / "build/html" / ref).is_file(), ref


# -- generated sites -----------------------------------------------------------------------------------
NAMES = st.sampled_from(["a", "b", "koop", "theme", "x-y"])
DIRS = st.sampled_from(["", "styles/", "scripts/", "fonts/"])
QUERIES = st.sampled_from(["", "?v=1234", "?digest=abc"])
FRAGMENTS = st.sampled_from(["", "#x"])
PAGE_DIRS = st.sampled_from(["", "beitraege/", "beitraege/leipzig/"])
SCRIPTS = st.sampled_from(['<script>var a = 1;</script>', "<script>DOCUMENTATION_OPTIONS.pagename = 'p';</script>",
                           "<script>DOCUMENTATION_OPTIONS.x = true;</script>",
                           '<script type="application/ld+json">{"a": 1}</script>',
                           "<style>.a { color: red; }</style>", '<script data-cfasync="false">b();</script>'])


@st.composite
def sites(draw: st.DrawFn) -> tuple[dict[str, bytes], dict[str, list[str]]]:
    """Static files (fonts, scripts, stylesheets that load fonts) and pages that load them from any depth."""
    files: dict[str, bytes] = {}
    fonts = [f"_static/fonts/{n}.woff2" for n in draw(st.sets(NAMES, min_size=1, max_size=3))]
    for font in fonts:
        files[font] = draw(st.binary(min_size=1, max_size=40))
    for n in draw(st.sets(NAMES, min_size=1, max_size=3)):
        files[f"_static/scripts/{n}.js"] = f"console.log({draw(st.integers())});".encode()
    for n in draw(st.sets(NAMES, min_size=1, max_size=3)):
        used = draw(st.lists(st.sampled_from(fonts), max_size=3))
        faces = "".join(f"@font-face {{ src: url('fonts/{posixpath.basename(f)}'); }}\n" for f in used)
        files[f"_static/{n}.css"] = faces.encode() + b"body { color: #123; }\n" * draw(st.integers(0, 80))
    loadable = [f for f in files if f.endswith((".css", ".js"))]
    pages: dict[str, list[str]] = {}
    for i, folder in enumerate(draw(st.lists(PAGE_DIRS, min_size=1, max_size=4))):
        name = f"{folder}seite{i}.html"
        loads = draw(st.lists(st.sampled_from(loadable), min_size=1, max_size=5))
        pages[name] = loads
        up = "../" * folder.count("/")
        tags = []
        for target in loads:
            url = up + target + draw(QUERIES) + draw(FRAGMENTS)
            tags.append(f'<link rel="stylesheet" href="{url}" />' if target.endswith(".css")
                        else f'<script src="{url}"></script>')
        tags += draw(st.lists(SCRIPTS, max_size=4))
        files[name] = ("<!DOCTYPE html><html><head>" + "\n".join(tags) + "</head><body>" +
                       "<p>Text</p>" * draw(st.integers(0, 100)) + "</body></html>").encode()
    return files, pages


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sites())
def test_generated_sites_load_the_same_content_under_hashed_names(tmp_path_factory: pytest.TempPathFactory,
                                                                   generated: tuple[dict[str, bytes],
                                                                                    dict[str, list[str]]]) -> None:
    files, pages = generated
    site = tmp_path_factory.mktemp("site")
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    assets.finish(site)
    first = tree(site)
    for name, loads in pages.items():
        loaded = [r for r in references(site, site / name) if r.startswith("_static/")]
        assert len(loaded) >= len(loads)
        for original, ref in zip(loads, [r for r in loaded if "koop-" not in r], strict=True):
            assert assets.HASHED.search(ref) and posixpath.dirname(ref) == posixpath.dirname(original)
            data = (site / ref).read_bytes()
            if original.endswith(".js"):
                assert data == files[original]  # the reader gets the same script
            else:  # the same stylesheet, its fonts under their hashed names with the same bytes
                fonts = re.findall(rb"url\('([^']+)'\)", data)
                assert re.sub(rb"url\('[^']+'\)", b"", data) == re.sub(rb"url\('[^']+'\)", b"", files[original])
                for font, before in zip(fonts, re.findall(rb"url\('([^']+)'\)", files[original]), strict=True):
                    target = posixpath.join(posixpath.dirname(ref), font.decode())
                    assert (site / target).read_bytes() == files[posixpath.join("_static", before.decode())]
        soup = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
        assert all(s.get("src") or s.get("type") == "application/ld+json" for s in soup.find_all("script"))
        assert not soup.find_all("style")
    for rel, data in files.items():
        assert (site / rel).read_bytes() == data or rel.endswith(".html")  # originals stay
    assets.finish(site)
    assert tree(site) == first


# -- no eval under the Content-Security-Policy ---------------------------------------------------------
def test_translations_are_static_code_not_compiled_at_run_time(built_mini: Path) -> None:
    """Sphinx's catalogue compiled its plural rule with `new Function` (eval: refused by the CSP)."""
    site = built_mini / "build" / "html"
    index = (site / "index.html").read_text(encoding="utf-8")
    [loaded] = re.findall(r'src="(_static/translations\.[0-9a-f]{12}\.js)"', index)
    code = (site / loaded).read_text(encoding="utf-8")
    assert "addTranslations(" not in code and "Function" not in code
    assert 'Documentation.LOCALE = "de";' in code and "Documentation.PLURAL_EXPR = (n) => +((n != 1));" in code
    assert '"Contents": "Inhalt"' in code


def test_every_plural_rule_sphinx_can_write_becomes_static(tmp_path: Path) -> None:
    """Over every locale Babel knows: the rule is plain C operators on n, written as code (never left to eval)."""
    from babel import localedata
    from babel.messages.catalog import Catalog

    rules = set()
    for locale in localedata.locale_identifiers():
        with contextlib.suppress(ValueError):
            rules.add(Catalog(locale=locale).plural_expr)
    assert len(rules) > 10
    for rule in sorted(rules):
        path = tmp_path / "_static" / "translations.js"
        path.parent.mkdir(exist_ok=True)
        catalog = {"messages": {"Contents": "Inhalt"}, "plural_expr": rule, "locale": "xx"}
        path.write_text(f"Documentation.addTranslations({json.dumps(catalog, indent=4)});\n", encoding="utf-8")
        assets.static_translations(tmp_path)
        assert path.read_text(encoding="utf-8").splitlines()[1] == f"Documentation.PLURAL_EXPR = (n) => +({rule});"
