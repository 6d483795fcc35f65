"""`nox -s import`: a Word (.docx) or LibreOffice (.odt) file becomes a MyST contribution.

container (check the file, read its properties, rescue what pandoc would drop) → pandoc's JSON AST
→ convert (map to allowed MyST, store images) → pandoc's CommonMark writer → front matter from the
template of `new_contribution` (as `new` writes it) → files written only when everything succeeded → German
summary + validation.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pypandoc

from .. import messages as M
from ..errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, UserError
from ..new_contribution import (
    new_values,
    print_steps,
    render_frontmatter,
    resolve_city,
    resolve_slug,
    target_file,
)
from ..paths import IMAGE_DIR, rel
from ..slugs import slugify
from ..taxonomy import load
from ..validate import validate_project
from . import byline, inventory
from .ast import contents, excerpt, hidden_spans, kind, squash, stringify
from .container import Source, open_source
from .convert import Converter, read_ast, split_title, write_markdown

__all__ = ["import_document"]


def import_document(root: Path, file: Path, stadt: str, slug: str | None) -> int:
    """Convert `file` into docs/beitraege/<stadt>/<slug>.md (+ images in bilder/); 0 ok, 1 content, 2 usage."""
    try:
        city = resolve_city(stadt, load())
        name = resolve_slug(slug) if slug is not None else _slug_from(file)
        target = target_file(root, city, name)
        source = open_source(file)
        _use_bundled_pandoc()
        return _import(root, file, source, city, name, target)
    except UserError as error:
        return error.show()
    except Exception as exc:  # a file that trips the converter still gets a message, never a traceback
        reason = excerpt(f"{type(exc).__name__}: {exc}", 160)
        return UserError(EXIT_CONTENT, M.IMPORT_UNEXPECTED.format(file.name, reason), M.IMPORT_UNEXPECTED_HINT).show()


def _slug_from(file: Path) -> str:
    slug = slugify(file.stem)[:80].strip("-")
    if not slug:
        raise UserError(EXIT_USAGE, M.IMPORT_NO_SLUG.format(file.name), M.IMPORT_NO_SLUG_HINT)
    return slug


def _use_bundled_pandoc() -> None:
    """pandoc from pypandoc-binary, never whatever happens to be on PATH."""
    bundled = Path(pypandoc.__file__).parent / "files" / ("pandoc.exe" if os.name == "nt" else "pandoc")
    if not bundled.is_file():
        raise UserError(EXIT_USAGE, M.IMPORT_NO_PANDOC, M.IMPORT_NO_PANDOC_HINT)
    os.environ["PYPANDOC_PANDOC"] = str(bundled)


# -- metadata --------------------------------------------------------------------------


def _meta_text(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if kind(value) in ("MetaInlines", "MetaBlocks"):
        return squash(stringify(contents(value)))
    if kind(value) == "MetaString":
        return squash(str(contents(value)))
    return ""


def _meta_list(meta: dict[str, Any], key: str) -> list[str]:
    value = meta.get(key)
    if value is not None and kind(value) == "MetaList":
        return [s for s in (squash(stringify(contents(v))) for v in contents(value)) if s]
    single = _meta_text(meta, key)
    return [single] if single else []


def parse_date(text: str) -> dt.date | None:
    """2014-05-03, 03.05.2014 or 3. Mai 2014."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    if m := re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\s+(\d{4})", text):
        months = [name.lower() for name in M.MONTHS]
        if m.group(2).lower() not in months:
            return None
        day, month, year = int(m.group(1)), months.index(m.group(2).lower()) + 1, int(m.group(3))
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _front_matter(source: Source, meta: dict[str, Any], heading_title: str, city: str,
                  by: list[byline.Author]) -> tuple[dict[str, object], list[str]]:
    """Front-matter values and the summary lines saying where each came from."""
    values = new_values(city)
    lines: list[str] = []

    def pick(key: str, *candidates: tuple[object, str]) -> None:
        """The first non-empty candidate wins; the summary says where it came from."""
        for value, origin in candidates:
            if value:
                values[key] = value
                shown = ", ".join(a["name"] for a in value) if isinstance(value, list) else value
                lines.append(M.IMPORT_META.format(M.IMPORT_META_LABELS[key], shown, origin))
                return
        lines.append(M.IMPORT_META.format(M.IMPORT_META_LABELS[key], values[key], M.IMPORT_FROM_NOWHERE))

    doc, props = M.IMPORT_FROM_DOCUMENT, M.IMPORT_FROM_PROPERTIES
    pick("title", (source.title or _meta_text(meta, "title"), doc), (heading_title, M.IMPORT_FROM_HEADING),
         (source.core_title, props))
    subtitle = source.subtitle or _meta_text(meta, "subtitle")
    if subtitle:
        values["subtitle"] = subtitle
    authors = source.authors or _meta_list(meta, "author")
    pick("authors", ([a.front_matter() for a in by], M.IMPORT_FROM_BYLINE), ([{"name": a} for a in authors], doc),
         ([{"name": a} for a in source.core_authors], props))
    in_doc = parse_date(source.date_text or _meta_text(meta, "date"))
    pick("date", (in_doc, doc), (source.modified, M.IMPORT_FROM_SAVED), (source.created, props))
    abstract = source.abstract or _meta_text(meta, "abstract")
    if abstract:
        values["abstract"] = abstract
    if source.keywords:
        values["keywords"] = source.keywords
    return values, lines


# -- the command -----------------------------------------------------------------------


def _import(root: Path, file: Path, source: Source, city: str, slug: str, target: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="koop-import-") as tmp:
        work = Path(tmp)
        staging = work / IMAGE_DIR
        staging.mkdir()
        media = work / "media"
        try:
            doc = read_ast(source, media, work)
        except (RuntimeError, OSError, json.JSONDecodeError) as exc:
            reason = excerpt(str(exc).strip().splitlines()[-1] if str(exc).strip() else "", 120)
            raise UserError(EXIT_CONTENT, M.IMPORT_PANDOC.format(file.name, reason), M.IMPORT_BROKEN_HINT) from None
        meta = doc.get("meta", {})
        in_doc_title = bool(source.title or _meta_text(meta, "title"))
        parts = split_title(doc.get("blocks", []), in_doc_title)
        by, blocks = byline.take(parts.blocks)
        values, meta_lines = _front_matter(source, meta, parts.title, city, by)
        converter = Converter(source, slug, staging, parts.shift, media)
        aside = hidden_spans(list(meta.values()))
        body = write_markdown(converter.document(blocks, parts.heading, aside), doc["pandoc-api-version"])
        if not body.strip():
            raise UserError(EXIT_CONTENT, M.IMPORT_EMPTY.format(file.name))
        written = _publish(root, target, staging, render_frontmatter(values) + "\n" + body)
    result = inventory.of_myst(body)
    result["heading"] += bool(parts.title)  # the heading that became the title
    notes = _source_notes(source) + converter.notes
    _summary(root, file, target, written, meta_lines, converter.counts, notes,
             inventory.differences(source.inventory, result))
    return EXIT_OK


def _publish(root: Path, target: Path, staging: Path, text: str) -> list[Path]:
    """Copy images, then write the contribution; on any failure remove what was written."""
    folder = target.parent / IMAGE_DIR
    pictures = sorted(staging.iterdir())
    for picture in pictures:
        if (folder / picture.name).exists():
            raise UserError(EXIT_CONTENT, M.IMPORT_IMAGE_EXISTS.format(rel(folder / picture.name, root)),
                          M.NEW_EXISTS_HINT)
    created: list[Path] = [d for d in (target.parent, folder) if not d.exists()]
    written: list[Path] = []
    try:
        if pictures:
            folder.mkdir(parents=True, exist_ok=True)
        for picture in pictures:
            shutil.copyfile(picture, folder / picture.name)
            written.append(folder / picture.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as out:
            written.append(target)
            out.write(text)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for directory in reversed(created):
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
        raise
    return written


def _source_notes(source: Source) -> list[str]:
    notes: list[str] = []
    if source.insertions:
        notes.append(M.IMPORT_NOTE_INSERTIONS.format(M.plural_count(source.insertions, *M.IMPORT_PLACES)))
    if source.format_changes:
        notes.append(M.IMPORT_NOTE_FORMAT_CHANGES.format(M.plural_count(source.format_changes, *M.IMPORT_PLACES)))
    notes += [M.IMPORT_NOTE_HEADER_FOOTER.format(excerpt(text)) for text in source.header_footer]
    return notes


def _summary(root: Path, file: Path, target: Path, written: list[Path], meta_lines: list[str],
             counts: dict[str, int], notes: list[str], missing: list[str]) -> None:
    shown = rel(target, root)
    print(M.IMPORT_DONE.format(file.name, shown))
    for line in meta_lines:
        print(f"  {line}")
    parts = [M.plural_count(counts[key], *labels) for key, labels in M.IMPORT_COUNTS.items() if counts.get(key)]
    print(M.IMPORT_CONVERTED.format(", ".join(parts) or M.IMPORT_NOTHING))
    pictures = [rel(p, root) for p in written if p != target]
    if pictures:
        print(M.IMPORT_IMAGES.format(", ".join(pictures)))
    print()
    if missing:  # counted in the file, not found in the contribution (or the other way round)
        print(M.IMPORT_INCOMPLETE)
        for line in missing:
            print(f"  - {line}")
    if notes:
        print(M.IMPORT_REVIEW)
        for note in notes:
            print(f"  - {note}")
    if not notes and not missing:
        print(M.IMPORT_ALL_CLEAN)
    problems = [p for p in validate_project(root).problems if p.path == shown]
    todo = [p for p in problems if p.code == "todo"]
    errors = [p for p in problems if p.code != "todo"]
    if todo:
        print(f"\n{M.IMPORT_OPEN}")
        for p in todo:
            print(f"  - {p.path}:{p.line}: {p.message}")
    if errors:
        print(f"\n{M.IMPORT_PROBLEMS[any(p.is_error for p in errors), any(not p.is_error for p in errors)]}")
        for p in errors:
            print(f"  - {p.format()}")
    print_steps([step.format(shown) if "{}" in step else step for step in M.IMPORT_STEPS])
