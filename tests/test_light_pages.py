"""A handbook that is light on a phone (issue 19, part 2), checked in the built pages without a browser:
no icon script, one purged theme stylesheet, sized images, a meta description on every page, raster share
cards, favicons and web fonts split by what German text uses. The browser side (Lighthouse, console) is in
test_lighthouse.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from fontTools import subset
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from support.shareutil import front_matter, json_ld, local, metas

from pipeline import images
from pipeline.html import meta, sharecard, theme, theme_css, theme_favicon, theme_icons, webfonts
from pipeline.validate import validate_project

WESTEN = "beitraege/leipzig/westen"  # an SVG figure, printed in koopBLATT No. 1
HOSPITATION = "beitraege/nuernberg/hospitation"  # no abstract, no figure, in no issue
ZWISCHEN = "beitraege/bremen/zwischen"  # no figure, printed in koopBLATT No. 1


def pages(root: Path) -> dict[str, BeautifulSoup]:
    site = root / "build" / "html"
    return {str(p.relative_to(site)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts}


# -- icons: inline SVG, no fontawesome.js ------------------------------------------------------------------


def test_pages_draw_the_theme_icons_inline_without_the_icon_script(built_shared: Path) -> None:
    site = pages(built_shared)
    assert site
    for name, soup in site.items():
        assert "fontawesome" not in str(soup), name
        assert not soup.select('i[class*="fa-"], span[class*="fa-"]'), name  # every icon the theme writes is known
        drawn = soup.select("svg.svg-inline--fa")
        assert drawn, name
        for svg in drawn:
            width, height, path = theme_icons.icons()[str(svg["data-icon"])]
            assert svg["viewbox"] == f"0 0 {width} {height}" and svg.path["d"] == path
            assert svg["aria-hidden"] == "true" and svg.find("title") is None


NAMES = st.sampled_from(sorted(theme_icons.NAMES) + sorted(theme_icons.ALIASES))
EXTRA = st.lists(st.sampled_from(["fa-lg", "fa-fw", "me-1", "theme-switch", "koop-x"]), unique=True, max_size=3)
ATTRS = st.dictionaries(st.sampled_from(["data-mode", "title", "id", "aria-hidden"]),
                        st.from_regex(r"[a-zA-Z ]{0,8}", fullmatch=True), max_size=3)


@given(NAMES, EXTRA, ATTRS, st.sampled_from(["i", "span"]), st.booleans())
def test_an_icon_becomes_svg_with_its_classes_and_attributes(name: str, extra: list[str], attrs: dict[str, str],
                                                             tag: str, before: bool) -> None:
    attributes = "".join(f' {k}="{v}"' for k, v in attrs.items())
    classes = " ".join(["fa-solid", f"fa-{name}", *extra])
    html = f'<{tag}{attributes if before else ""} class="{classes}"{"" if before else attributes}></{tag}>'
    svg = BeautifulSoup(f"<p>{theme_icons.inline(html)}</p>", "html.parser").svg
    assert svg is not None
    assert svg["class"] == ["svg-inline--fa", f"fa-{name}", *extra]
    for key, value in attrs.items():
        if key not in ("title", "aria-hidden"):
            assert svg[key] == value
    assert svg["aria-hidden"] == "true" and svg.find("title") is None
    width, height, path = theme_icons.icons()[theme_icons.ALIASES.get(name, name)]
    assert svg["viewbox"] == f"0 0 {width} {height}" and svg.path["d"] == path


@given(st.from_regex(r"[a-z]{3,12}", fullmatch=True), st.sampled_from(["fa-brands", "fa-regular", "fa-solid"]))
def test_an_unknown_icon_stays_for_the_theme_stylesheet(name: str, family: str) -> None:
    html = f'<i class="{family} fa-{name}zz"></i>'
    assert theme_icons.inline(html) == html


# -- the theme's stylesheets: one file, only rules the pages can use ----------------------------------------


def test_pages_link_one_purged_theme_stylesheet(built_shared: Path) -> None:
    site = built_shared / "build" / "html"
    for name, soup in pages(built_shared).items():
        links = [str(link["href"]) for link in soup.find_all("link", rel="stylesheet")]
        assert sum("styles/koop-thema" in href for href in links) == 1, (name, links)
        assert not [h for h in links if re.search(r"pydata-sphinx-theme|sphinx-book-theme|pygments|basic", h)], name
    bundle = (site / "_static" / theme_css.BUNDLE).read_text(encoding="utf-8")
    theme_source = (site / "_static" / "styles" / "pydata-sphinx-theme.css").stat().st_size
    assert len(bundle) < theme_source / 2
    # what the pages show is styled: the navigation, the article, the icons' sizes; what no page has is not
    for kept in (".bd-sidebar-primary", ".bd-article", ".navbar-brand", ".bd-header"):
        assert kept in bundle, kept
    for dropped in (".fa-bars,", ".accordion-button", ".display-1", ".form-range"):
        assert dropped not in bundle, dropped


def test_the_theme_stylesheet_is_made_from_the_finished_pages_and_styles(built_shared: Path) -> None:
    """Made after every other step that writes pages or styles (pydata-sphinx-theme writes pygments.css with
    its dark styles when the build finishes): made again from the finished work area, it is the same."""
    work = built_shared / "build" / ".work" / "html"
    assert (work / "_static" / theme_css.BUNDLE).read_text(encoding="utf-8") == theme_css.bundle(work)
    assert 'html[data-theme="dark"] .highlight' in (work / "_static" / "pygments.css").read_text(encoding="utf-8")


CLASSES = st.sampled_from(["a", "b", "nav", "show", "x-y"])
IDS = st.sampled_from(["main", "side"])
TAGS = st.sampled_from(["", "div", "p", "*"])


@st.composite
def compounds(draw: st.DrawFn) -> tuple[str, set[str], set[str]]:
    """A compound selector and the classes and ids it requires (those inside :not() require nothing)."""
    classes, ids = draw(st.lists(CLASSES, max_size=2)), draw(st.lists(IDS, max_size=1))
    text = draw(TAGS) + "".join(f".{c}" for c in classes) + "".join(f"#{i}" for i in ids)
    text += draw(st.sampled_from(["", ":hover", "::before", ":not(.zz)", ":is(.qq, #rr)", '[data-theme="dark"]',
                                  ":nth-child(2n+1)"]))
    return (text or "*"), set(classes), set(ids)


@st.composite
def selectors(draw: st.DrawFn) -> tuple[str, set[str], set[str]]:
    parts = draw(st.lists(compounds(), min_size=1, max_size=3))
    joins = [draw(st.sampled_from([" ", " > ", " + ", " ~ "])) for _ in parts[1:]]
    text = parts[0][0] + "".join(j + p[0] for j, p in zip(joins, parts[1:], strict=True))
    return text, set().union(*(p[1] for p in parts)), set().union(*(p[2] for p in parts))


NAMESETS = st.tuples(st.sets(CLASSES), st.sets(IDS))


@given(selectors(), NAMESETS)
def test_a_selector_may_match_exactly_when_the_pages_have_its_classes_and_ids(
        selector: tuple[str, set[str], set[str]], known: tuple[set[str], set[str]]) -> None:
    text, classes, ids = selector
    names = theme_css.Names(frozenset(known[0]), frozenset(known[1]))
    assert theme_css.may_match(text, names) == (classes <= known[0] and ids <= known[1])


@settings(max_examples=60)
@given(st.lists(st.tuples(st.lists(selectors(), min_size=1, max_size=3), st.booleans()), min_size=1, max_size=6),
       NAMESETS)
def test_purge_keeps_the_rules_and_selectors_that_may_match(rules: list[tuple[list[tuple[str, set[str], set[str]]],
                                                                               bool]],
                                                            known: tuple[set[str], set[str]]) -> None:
    names = theme_css.Names(frozenset(known[0]), frozenset(known[1]))
    css = ['/*! licence */ @charset "utf-8"; /* a comment with { and } */',
           '@font-face{font-family:"X";src:url("a{b}.woff2")}']
    expected = []
    for i, (group, in_media) in enumerate(rules):
        block = f'content:"{i};{{}}";color:red'
        rule = f"{','.join(s[0] for s in group)}{{{block}}}"
        css.append(f"@media (min-width:{i}px){{{rule}}}" if in_media else rule)
        kept = [s[0] for s in group if s[1] <= known[0] and s[2] <= known[1]]
        if kept:
            expected.append((",".join(kept), block))
    out = theme_css.purge("\n".join(css), names)
    assert out.startswith("/*! licence */") and '@charset "utf-8";' in out
    assert '@font-face{font-family:"X";src:url("a{b}.woff2")}' in out

    def flat(text: str) -> list[tuple[str, str]]:
        found = []
        for prelude, block in theme_css.statements(text):
            if prelude.startswith("@media") and block is not None:
                found += flat(block)
            elif block is not None and not prelude.startswith("@"):
                found.append((prelude, block))
        return found

    assert flat(out) == expected


# -- images carry their size --------------------------------------------------------------------------------


def test_every_image_has_its_pixel_size(built_shared: Path) -> None:
    figure = built_shared / "docs" / "beitraege" / "leipzig" / "bilder" / "westen-grafik.svg"
    for name, soup in pages(built_shared).items():
        for img in soup.find_all("img"):
            assert img.get("width") and img.get("height"), (name, img)
            if "westen-grafik" in str(img["src"]):
                assert (int(img["width"]), int(img["height"])) == images.svg_size(figure)
            if "koop-logo" in str(img["src"]):
                assert (int(img["width"]), int(img["height"])) == images.svg_size(theme.STATIC / "koop-logo.svg")


@given(st.integers(1, 3000), st.integers(1, 3000), st.sampled_from(["", "px"]), st.booleans(),
       st.tuples(st.integers(-50, 50), st.integers(-50, 50)))
def test_svg_size_from_its_attributes_or_viewbox(w: int, h: int, unit: str, attributes: bool,
                                                 origin: tuple[int, int]) -> None:
    import tempfile

    sized = f' width="{w}{unit}" height="{h}{unit}"' if attributes else ' width="100%"'
    svg = f'<svg xmlns="http://www.w3.org/2000/svg"{sized} viewBox="{origin[0]} {origin[1]} {w} {h}"/>'
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "bild.svg"
        file.write_text(svg, encoding="utf-8")
        assert images.svg_size(file) == (w, h)
        file.write_text("<svg", encoding="utf-8")
        assert images.svg_size(file) is None


# -- meta description -----------------------------------------------------------------------------------------


def test_every_page_has_a_description_from_its_own_text(built_shared: Path) -> None:
    root = built_shared
    for name, soup in pages(root).items():
        found = soup.find_all("meta", attrs={"name": "description"})
        assert len(found) == 1 and str(found[0]["content"]).strip(), name
    assert metas(root, WESTEN)["description"] == [" ".join(front_matter(root, WESTEN)["abstract"].split())]
    # no abstract: the first paragraph of the text
    body = (root / "docs" / f"{HOSPITATION}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    first = next(p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("#", ":", "`")))
    [description] = metas(root, HOSPITATION)["description"]
    words = description.removesuffix(" …").split()
    assert words and " ".join(first.split()).startswith(" ".join(words))


WORDS = st.lists(st.from_regex(r"[A-Za-zÄÖÜäöüß]{1,14}[.,!?]?", fullmatch=True), min_size=1, max_size=80)


@given(WORDS, st.integers(20, 300))
def test_a_summary_is_whole_sentences_or_cut_at_a_word(words: list[str], limit: int) -> None:
    text = " ".join(words)
    out = meta.summary(text, limit)
    if len(text) <= limit:
        assert out == text
        return
    assert len(out) <= limit + 2
    if out.endswith(" …"):  # cut at a word
        body = out.removesuffix(" …")
        assert text.startswith(body) and text[len(body)] in " ,;:–-"
    else:
        assert text.startswith(out) and out[-1] in ".!?"


# -- share cards and favicons -----------------------------------------------------------------------------------


def card(root: Path, docname: str) -> Image.Image:
    tags = metas(root, docname)
    [url] = tags["og:image"]
    assert tags["twitter:image"] == [url] and tags["twitter:card"] == ["summary_large_image"]
    assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["630"]
    image = Image.open(local(root, url))
    assert image.size == sharecard.SIZE
    assert tags["og:image:type"] == [Image.MIME[str(image.format)]]
    assert json_ld(root, docname)["image"] == url
    return image


def city_colour(root: Path, docname: str) -> tuple[int, ...]:
    project = validate_project(root)
    colour = project.taxonomy.cities[project.contributions[docname].stadt].colour
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_a_case_is_shared_with_a_raster_card_of_its_first_figure(built_shared: Path) -> None:
    image = card(built_shared, WESTEN).convert("RGB")
    assert image.getpixel((600, 629)) == city_colour(built_shared, WESTEN)  # the city's strip
    assert len(image.crop((0, 0, 1200, 600)).getcolors(1 << 24) or ()) > 16  # the diagram, drawn


@pytest.mark.slow
def test_cover_and_photo_cards(project_copy: Callable[[str], Path]) -> None:
    """Without a figure: the cover of the issue that prints the case; a photo fills its card (JPEG)."""
    from pipeline.html.build import build_html

    root = project_copy("mini")
    issue = root / "koopblatt" / "1"
    Image.new("RGB", (600, 800), (200, 30, 30)).save(issue / "umschlag.png")
    manifest = yaml.safe_load((issue / "ausgabe.yml").read_text(encoding="utf-8"))
    manifest["cover"].update({"bild": "umschlag.png", "alt": "Roter Umschlag"})
    (issue / "ausgabe.yml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    photos = root / "docs" / "beitraege" / "nuernberg" / "bilder"
    photos.mkdir()
    Image.new("RGB", (1600, 1200), (30, 160, 60)).save(photos / "foto.jpg", quality=90)
    case = root / "docs" / f"{HOSPITATION}.md"
    case.write_text(case.read_text(encoding="utf-8") + "\n```{figure} bilder/foto.jpg\n:alt: Eine grüne Wiese.\n\n"
                    "Die Wiese.\n```\n", encoding="utf-8")
    assert build_html(root).status == 0
    cover = card(root, ZWISCHEN).convert("RGB")
    assert metas(root, ZWISCHEN)["og:image:alt"] == ["Roter Umschlag"]
    assert cover.getpixel((600, 300)) == (200, 30, 30) and cover.getpixel((5, 300)) == (255, 255, 255)
    photo = card(root, HOSPITATION)
    assert photo.format == "JPEG" and metas(root, HOSPITATION)["og:image:alt"] == ["Eine grüne Wiese."]
    for x, y in ((5, 5), (1195, 5), (600, 300)):
        assert max(abs(a - b) for a, b in zip(photo.convert("RGB").getpixel((x, y)), (30, 160, 60), strict=True)) < 8
    assert photo.convert("RGB").getpixel((600, 629)) == city_colour(root, HOSPITATION)


def test_favicons_from_the_logo_linked_from_every_page(built_shared: Path) -> None:
    site = built_shared / "build" / "html"
    ico = Image.open(site / "favicon.ico")
    assert ico.info["sizes"] == {(s, s) for s in theme_favicon.ICO_SIZES}
    touch = Image.open(site / "apple-touch-icon.png").convert("RGB")
    assert touch.size == (theme_favicon.TOUCH, theme_favicon.TOUCH) and touch.getpixel((1, 1)) == (255, 255, 255)
    pixels = {colour for _, colour in touch.getcolors(1 << 24) or ()}
    for ring in ((0xB3, 0x26, 0x1E), (0x1F, 0x5F, 0xA8), (0x2E, 0x6B, 0x30)):  # the logo's three colours
        assert any(max(abs(a - b) for a, b in zip(p, ring, strict=True)) < 12 for p in pixels), ring
    for name, soup in pages(built_shared).items():
        icons = {tuple(link["rel"]): str(link["href"]) for link in soup.find_all("link", rel=True)
                 if set(link["rel"]) & {"icon", "apple-touch-icon"}}
        assert {("icon",), ("apple-touch-icon",)} <= set(icons), name
        for rel in (("apple-touch-icon",),):
            assert (site / name).parent.joinpath(icons[rel]).resolve().is_file(), name


# -- web fonts: a Latin core and an extension fetched only when needed -------------------------------------------


def test_web_fonts_split_by_what_german_text_uses() -> None:
    css = (theme.STATIC / "koop-fonts.css").read_text(encoding="utf-8")
    faces = re.findall(r'src: url\("fonts/([\w-]+\.woff2)"\) format\("woff2"\);\s*unicode-range: ([^;]+);', css)
    expected = {webfonts.part_file(f, s): r for f in webfonts.FACES for s, r in webfonts.PARTS}
    assert {name: rng.replace(" ", "") for name, rng in faces} == expected
    for name, rng in expected.items():
        cmap = set(TTFont(theme.STATIC / "fonts" / name).getBestCmap())
        allowed = set(subset.parse_unicodes(rng))
        assert cmap - {0x20} <= allowed, name  # each file has only its range
        if not name.endswith("-ext.woff2"):
            assert {ord(c) for c in "AZaz09äöüßÄÖÜ„“‚‘–—…€§é"} <= cmap, name
    assert set(theme.PRELOAD_FONTS) <= {n for n in expected if not n.endswith("-ext.woff2")}
