"""Share cards rendered in the background (issue 20): the HTML builder starts the cards of the pages it is about
to write in a thread pool, and each page takes its own card when it needs the card's name. What a reader's
network shows must not depend on that: the same card (size, the city's strip, the first raster figure, JPEG for
a photo) as rendered on its own, and the same bytes in every build.

SVG figures are rasterised several to one Typst run; a card's pixels must not show it.

Generated over a space of projects: cases of every city whose figures are, in random order and number, SVG
diagrams, PNG rasters and JPEG photos of random colours (or none: the card shows the issue's cover, or there is
none)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from support.shareutil import local, metas

from pipeline.html import sharecard
from pipeline.validate import validate_project

TEMPLATE = "beitraege/leipzig/westen"
CITIES = ("bremen", "leipzig", "nuernberg")
KINDS = ("svg", "png", "jpg")


def _figure(folder: Path, name: str, kind: str, colour: tuple[int, int, int]) -> str:
    """A figure file in `folder` and its MyST block."""
    if kind == "svg":
        hex_colour = "#" + "".join(f"{c:02x}" for c in colour)
        (folder / f"{name}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">'
            f'<rect x="20" y="20" width="120" height="160" fill="{hex_colour}"/>'
            f'<circle cx="220" cy="100" r="60" fill="none" stroke="{hex_colour}" stroke-width="9"/></svg>\n',
            encoding="utf-8")
    elif kind == "png":
        Image.new("RGB", (500, 300), colour).save(folder / f"{name}.png")
    else:
        Image.new("RGB", (900, 600), colour).save(folder / f"{name}.jpg", quality=90)
    return f"\n:::{{figure}} bilder/{name}.{kind}\n:alt: Abbildung {name}.\n\n{name}.\n:::\n"


def generate(root: Path, seed: int) -> dict[str, tuple[str, list[str]]]:
    """Cases added to the mini project: docname → (city, kinds of its figures in order); the first two show SVGs."""
    rng = random.Random(seed)
    template = (root / "docs" / f"{TEMPLATE}.md").read_text(encoding="utf-8").split("---\n")[1]
    made: dict[str, tuple[str, list[str]]] = {}
    for n in range(rng.randint(4, 7)):
        city = rng.choice(CITIES)
        kinds = [rng.choice(KINDS) for _ in range(rng.randint(0, 3))] if n > 1 else ["svg"] * (n + 1)
        folder = root / "docs" / "beitraege" / city
        (folder / "bilder").mkdir(parents=True, exist_ok=True)
        slug = f"karte{seed}x{n}"
        head = template.replace("Wächterhäuser im Westen", f"Karte {seed} {n}").replace("stadt: leipzig",
                                                                                           f"stadt: {city}")
        body = "Ein Fall mit Abbildungen, erzählt in einem Absatz.\n" + "".join(
            _figure(folder / "bilder", f"{slug}-{i}", kind, (rng.randrange(256), rng.randrange(256), 90))
            for i, kind in enumerate(kinds))
        (folder / f"{slug}.md").write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")
        made[f"beitraege/{city}/{slug}"] = (city, kinds)
    return made


def _colour(hex_colour: str) -> tuple[int, ...]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cards_rendered_in_the_background_are_the_cards(project_copy: Callable[[str], Path], seed: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.html.build import build_html

    root = project_copy("mini")
    made = generate(root, seed)
    threads: list[str] = []
    render = sharecard.render

    def recorded(src: Path, colour: str, drawn: object = None) -> tuple[bytes, str]:
        threads.append(threading.current_thread().name)
        return render(src, colour, drawn)

    monkeypatch.setattr(sharecard, "render", recorded)
    batches: list[int] = []
    rasterise_many = sharecard.rasterise_many

    def counted(srcs: list[Path], box: tuple[int, int], *, fill: str = "white") -> list[object]:
        batches.append(len(srcs))
        return rasterise_many(srcs, box, fill=fill)

    monkeypatch.setattr(sharecard, "rasterise_many", counted)
    assert build_html(root).status == 0
    project = validate_project(root)
    assert threads and all(name != threading.main_thread().name for name in threads), threads
    assert max(batches) > 1  # SVG figures drawn together
    site: dict[str, bytes] = {}
    for docname, (city, kinds) in made.items():
        tags = metas(root, docname)
        colour = project.taxonomy.cities[city].colour
        if not kinds:  # the cover of the issue it is in: these cases are in none
            assert "og:image" not in tags and tags["twitter:card"] == ["summary"]
            continue
        [url] = tags["og:image"]
        file = local(root, url)
        image = Image.open(file)
        assert image.size == sharecard.SIZE
        raster = [k for k in kinds if k != "svg"]
        first = raster[0] if raster else kinds[0]
        assert image.format == ("JPEG" if first == "jpg" else "PNG")
        assert tags["og:image:type"] == [Image.MIME[str(image.format)]]
        strip = image.convert("RGB").getpixel((600, 629))
        assert max(abs(a - b) for a, b in zip(strip, _colour(colour), strict=True)) < (8 if first == "jpg" else 1)
        index = kinds.index(first)
        src = root / "docs" / "beitraege" / city / "bilder" / f"{docname.rsplit('/', 1)[1]}-{index}.{first}"
        # the same bytes as rendered alone, on this thread (an SVG not rasterised with others)
        assert file.read_bytes() == render(src, colour)[0]
        site[docname] = file.read_bytes()
    # built again: every card from the cache, nothing rendered, the same bytes
    threads.clear()
    assert build_html(root).status == 0
    assert threads == []
    for docname, data in site.items():
        [url] = metas(root, docname)["og:image"]
        assert local(root, url).read_bytes() == data
