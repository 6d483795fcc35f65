"""`nox -s new`: scaffold a contribution with commented front matter, a skeleton body and a placeholder figure.

The front-matter template (`new_contribution`: one commented line per key of `schema.ContributionFields`,
allowed ids from the taxonomy) is shared with the Word/ODT importer, so both write the same, checkable header;
both mark the new contribution `status: entwurf`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from xml.sax.saxutils import escape

from . import bib
from . import messages as M
from .errors import EXIT_OK, EXIT_USAGE, UserError
from .new_contribution import new_values, print_steps, render_frontmatter, resolve_city, resolve_slug, target_file
from .paths import BIB_FILE, CONTRIB_DIR, DOCS_DIR, IMAGE_DIR, rel
from .taxonomy import load

# -- the command -----------------------------------------------------------------------


def citation_example(root: Path) -> str:
    """A sentence citing the first key of docs/literatur.bib (there is always something to copy)."""
    path = root / DOCS_DIR / BIB_FILE
    refs = bib.load(path, rel(path, root)).refs if path.is_file() else {}
    return M.NEW_CITE.format(next(iter(refs))) if refs else M.NEW_CITE_NONE


def placeholder_svg() -> str:
    text = escape(M.PLACEHOLDER_SVG_TEXT)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450" role="img">\n'
        f"  <title>{text}</title>\n"
        '  <rect x="2" y="2" width="796" height="446" fill="#ececec" stroke="#8a8a8a" stroke-width="4"/>\n'
        '  <path d="M2 2L798 448M798 2L2 448" stroke="#c4c4c4" stroke-width="2"/>\n'
        '  <rect x="120" y="195" width="560" height="60" fill="#ececec"/>\n'
        '  <text x="400" y="236" font-family="sans-serif" font-size="28" text-anchor="middle" '
        f'fill="#333333">{text}</text>\n'
        "</svg>\n"
    )


def new(root: Path, stadt: str, slug: str, today: dt.date | None = None) -> int:
    """Create docs/beitraege/<stadt>/<slug>.md, its bilder/ folder and a placeholder figure."""
    tax = load()
    try:
        city = resolve_city(stadt, tax)
        name = resolve_slug(slug)
        target = target_file(root, city, name)
    except UserError as error:
        return error.show()
    values = new_values(city, today or dt.date.today())
    image = target.parent / IMAGE_DIR / f"{name}-abbildung.svg"
    body = M.NEW_BODY.format(cite=citation_example(root), image=image.name, slug=name)
    image.parent.mkdir(parents=True, exist_ok=True)
    if not image.exists():
        image.write_text(placeholder_svg(), encoding="utf-8")
    with target.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(render_frontmatter(values, tax) + "\n" + body)
    if name != slug:
        print(M.NEW_SLUG_CHANGED.format(slug, name))
    print(M.NEW_DONE.format(rel(target, root)))
    print(M.NEW_IMAGE.format(rel(image, root)))
    print_steps(M.NEW_STEPS)
    return EXIT_OK


# -- a copy of an existing contribution as the starting point (`new … --von <vorlage.md>`) ---------------------

KEPT = ("keywords", "license", "art", "themenfeld", "projektfamilien", "aufgaben")  # the template's choices


def new_label(label: str, old_slug: str, new_slug: str) -> str:
    """The copy's name for a label: the template's slug in it is replaced (abb-westen → abb-gruenau), else the new
    slug is put in front (ergebnisse → gruenau-ergebnisse)."""
    if old_slug in label:
        return label.replace(old_slug, new_slug)
    return f"{new_slug}-{label}"


def rename_labels(body: str, renames: dict[str, str]) -> str:
    """Rename every label where the body defines or references it: `(label)=`, `:name: label`, {ref}/{numref}
    (`label` or `Text <label>`), and Markdown links to `#label`."""
    for old, new in sorted(renames.items(), key=lambda kv: -len(kv[0])):
        o = re.escape(old)
        body = re.sub(rf"(?m)^(\s*\(){o}(\)=)", rf"\g<1>{new}\g<2>", body)
        body = re.sub(rf"(?m)^(\s*:name:\s*){o}\s*$", rf"\g<1>{new}", body)
        body = re.sub(rf"(\{{(?:ref|numref)\}}`){o}`", rf"\g<1>{new}`", body)
        body = re.sub(rf"(\{{(?:ref|numref)\}}`[^`<]*<){o}>`", rf"\g<1>{new}>`", body)
        body = re.sub(rf"\]\(#{o}\)", f"](#{new})", body)
    return body


def relink(body: str, links: list[tuple[str, str]], docs: Path, folder: Path) -> str:
    """Links to other pages (target under docs/, as written) made relative to the copy's folder."""
    for target, written in dict.fromkeys(links):
        now = Path(os.path.relpath(docs / target, folder)).as_posix()
        if now != written:
            body = body.replace(f"]({written})", f"]({now})")
    return body


def _template(root: Path, given: str) -> Path:
    path = Path(given)
    for candidate in (path, Path.cwd() / path, root / path):
        resolved = candidate.resolve()
        contrib = (root / DOCS_DIR / CONTRIB_DIR).resolve()
        if resolved.is_file() and resolved.suffix == ".md" and resolved.is_relative_to(contrib) \
                and IMAGE_DIR not in resolved.relative_to(contrib).parts[:-1]:
            return resolved
    raise UserError(EXIT_USAGE, M.NEW_FROM_MISSING.format(given))


def copy_images(root: Path, source: Path, target: Path, images: list[str], body: str) -> tuple[str, list[str]]:
    """Copy the images the body references (paths under docs/) next to the copy, keeping their relative paths;
    in the same folder nothing is copied. A different file of the same name gets the new slug in front."""
    import shutil

    docs = root / DOCS_DIR
    copied: list[str] = []
    if source.parent == target.parent:
        return body, copied
    for image in dict.fromkeys(images):
        src = docs / image
        relative = Path(os.path.relpath(src, source.parent)).as_posix()
        if relative.startswith("../") or not src.is_file():
            continue  # outside the contribution's folder: not the author's to copy (check reports it)
        dest = target.parent / relative
        if dest.exists() and dest.read_bytes() != src.read_bytes():
            dest = dest.with_name(f"{target.stem}-{dest.name}")
            new_relative = Path(os.path.relpath(dest, target.parent)).as_posix()
            body = re.sub(rf"(?<![\w/.-]){re.escape(relative)}(?![\w.-])", new_relative, body)
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            copied.append(rel(dest, root))
    return body, copied


def new_from(root: Path, stadt: str, slug: str, template: str, today: dt.date | None = None) -> int:
    """`new <stadt> <slug> --von <vorlage.md>`: a draft copy of a contribution with its structure and choices, TODOs
    for what must be the author's own (title, abstract, authors), every label renamed, referenced images copied."""
    from .frontmatter import read
    from .validate import check_file

    tax = load()
    try:
        city = resolve_city(stadt, tax)
        name = resolve_slug(slug)
        source = _template(root, template)
        target = target_file(root, city, name)
    except UserError as error:
        return error.show()
    text = source.read_text(encoding="utf-8")
    split, _ = read(text, rel(source, root))
    data = split.frontmatter.data if split.frontmatter is not None and isinstance(split.frontmatter.data, dict) \
        else {}
    values = new_values(city, today or dt.date.today())
    values.update({k: data[k] for k in KEPT if k in data})
    facts = check_file(source, root, root / DOCS_DIR, tax).facts
    renames = {label: new_label(label, source.stem, name) for label in facts.labels}
    body = rename_labels(split.body, renames)
    body, copied = copy_images(root, source, target, facts.images, body)
    body = relink(body, [(t, w) for t, w, _ in facts.doc_links], root / DOCS_DIR, target.parent)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:
        out.write(render_frontmatter(values, tax) + "\n" + body.lstrip("\n"))
    if name != slug:
        print(M.NEW_SLUG_CHANGED.format(slug, name))
    shown = ", ".join(f"{a} → {b}" for a, b in renames.items()) or M.DESK_NONE
    print(M.NEW_FROM_DONE.format(rel(source, root), rel(target, root), shown))
    if copied:
        print(M.NEW_FROM_IMAGES.format(", ".join(copied)))
    print_steps(M.NEW_FROM_STEPS)
    return EXIT_OK
