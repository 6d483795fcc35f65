"""Screen-sized images for Sphinx's HTML writers (the handbook and the e-book chapters).

Sphinx picks each page's images in `post_process_images` and copies them in `copy_image_files`.
Both builders keep Sphinx's file names (JPEG stays JPEG, PNG stays PNG) and swap only the bytes:
the derivative from `pipeline.images`, so links, ids and the EPUB's media types stay as they are.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder

from .. import images
from ..outputs import work_dir, write_if_changed
from . import marks, state

SIZE_OPTIONS = ("width", "height", "scale")


def cache(builder: StandaloneHTMLBuilder) -> Path:
    """The derivative cache shared by all builders: build/.work/bilder."""
    return work_dir(state.root_of(builder), "bilder")


def screen_image(builder: StandaloneHTMLBuilder, uri: str) -> images.Derived:
    return images.derive(Path(builder.srcdir) / uri, cache(builder), images.SCREEN)


def size_images(builder: StandaloneHTMLBuilder, doctree: nodes.Node, *, lazy: bool) -> None:
    """After Sphinx chose the images: every <img> gets its pixel size (no layout shift) and, on the web,
    lazy loading (except an issue's cover). An author's own `:width:`/`:height:`/`:scale:` is left as it is."""
    for node in doctree.findall(nodes.image):
        uri = node["uri"]
        if uri not in builder.images:
            continue  # remote or missing: Sphinx (and `check`) deal with it
        derived = screen_image(builder, uri)
        size = derived.size or (images.svg_size(derived.path) if derived.path.suffix.lower() == ".svg" else None)
        sized = any(key in node for key in SIZE_OPTIONS)
        if size is not None and not sized:
            node["width"], node["height"] = str(size[0]), str(size[1])
        # lazy only where the page knows the size (an unsized SVG would collapse until it is scrolled to);
        # never the cover, the first thing an issue page shows
        if lazy and (size is not None or sized) and marks.COVER not in node.get("classes", []):
            node["loading"] = "lazy"


def copy_images(builder: StandaloneHTMLBuilder) -> None:
    """`copy_image_files` with the screen derivative in place of the original; unchanged files are not rewritten."""
    target = Path(builder.outdir) / builder.imagedir
    for src, dest in builder.images.items():
        write_if_changed(target / dest, screen_image(builder, src).path.read_bytes())
