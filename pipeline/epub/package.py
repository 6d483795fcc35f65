"""Package EPUB 3 books from the chapter XHTML: OPF, nav, cover, imprint, deterministic zip."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sphinx.util import logging

from .. import catalogue, images, legal, xmlout
from .. import messages as M
from ..legal import Publisher
from ..manifest import Imprint, Issue
from ..outputs import build_time, work_dir
from ..project import HANDBOOK_OUTPUT, Project, issue_output
from ..schema import DEFAULT_LICENSE

logger = logging.getLogger(__name__)
HANDBOOK_BOOK = "handbuch"  # the handbook's e-book: build/epub/handbuch.epub
TEMPLATES = Path(__file__).parent / "templates"
XHTML = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
MEDIA_TYPES = {".xhtml": "application/xhtml+xml", ".css": "text/css", ".svg": "image/svg+xml",
               ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


Chapters = dict[str, tuple[bytes, tuple[str, ...]]]  # key (source, book) → chapter XHTML, files it uses
CHAPTERS = ".koop-kapitel.pickle"


@dataclass
class Chapter:
    docname: str
    title: str
    children: list[Chapter] = field(default_factory=list)


@dataclass
class Book:
    name: str  # file stem: koopblatt-3, handbuch
    title: str
    subtitle: str
    chapters: list[Chapter]
    creators: list[str]
    date: dt.date
    description: str
    cover_image: Path | None = None
    cover_alt: str = ""
    issue: Issue | None = None
    publisher: Publisher | None = None  # koopblatt/herausgeber.yml: its Impressum page

    def docnames(self) -> list[str]:
        out = []
        for ch in self.chapters:
            out.append(ch.docname)
            out += [c.docname for c in ch.children]
        return out


@cache
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["jinja", "xhtml", "opf"]),
                       keep_trailing_newline=True)


def _modified(book: Book) -> str:
    stamp = dt.datetime.fromtimestamp(build_time(book.date), dt.UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def books(project: Project, titles: dict[str, str]) -> list[Book]:
    """Every book: one per issue (manifest order), and the handbook."""
    out = []
    contributions = project.contributions
    for number, issue in sorted(project.issues.items()):
        chapters = [Chapter(catalogue.issue_docname(number), M.LABELS["editorial"])]
        chapters += [Chapter(d, contributions[d].title) for d in issue.contributions]
        creators = list(dict.fromkeys(a.name for d in issue.contributions for a in contributions[d].authors))
        out.append(Book(issue.id, M.issue_title(number, issue.year), issue.subtitle, chapters, creators,
                        issue.date, issue.subtitle or issue.title, issue.cover.image, issue.cover.alt, issue,
                        project.publisher))
    chapters = []
    for docname, children in catalogue.handbook_chapters(contributions.values(), project.taxonomy):
        if docname not in titles:
            continue  # a page this project does not have (e.g. no programme page)
        chapters.append(Chapter(docname, titles.get(docname, docname),
                                [Chapter(c, contributions[c].title) for c in children]))
    dates = [c.date for c in contributions.values()] or [dt.date(2015, 1, 1)]
    creators = list(dict.fromkeys(a.name for c in contributions.values() for a in c.authors))
    out.append(Book(HANDBOOK_BOOK, M.EPUB_HANDBOOK_TITLE, M.EPUB_HANDBOOK_SUBTITLE, chapters, creators, max(dates),
                    M.EPUB_HANDBOOK_SUBTITLE, publisher=project.publisher))
    return out


def _series(issue: Issue | None) -> dict[str, Any] | None:
    """An issue's book belongs to the serial (EPUB 3 `belongs-to-collection`, numbered by the issue)."""
    return {"title": issue.title, "number": issue.number} if issue is not None else None


def _issns(issue: Issue | None) -> list[str]:
    """The serial's ISSNs (online edition first: the e-book is part of it), refining the collection."""
    return [i for i in (issue.issn_online, issue.issn_print) if i] if issue is not None else []


class BookWriter:
    """Collects the files of one book and writes the EPUB zip."""

    def __init__(self, book: Book, outdir: Path, handbook_url: str, image_cache: Path) -> None:
        self.book = book
        self.outdir = outdir
        self.image_cache = image_cache  # screen-sized derivatives (`pipeline.images`)
        self.handbook_url = handbook_url.rstrip("/")
        self.files: dict[str, bytes] = {}  # path in the book → content
        self.members = set(book.docnames())
        self._members_key = hashlib.sha1("\n".join(sorted(self.members)).encode()).digest()
        self.chapters: Chapters = {}  # earlier results (see `build_books`); the ones used are kept in `used`
        self.used: Chapters = {}

    # -- chapters ------------------------------------------------------------------------
    def chapter(self, docname: str) -> None:
        """A chapter as the book needs it; unchanged chapters come from the previous build (a repack after
        an edit rewrites one chapter, not all of them)."""
        data = (self.outdir / f"{docname}.xhtml").read_bytes()
        key = hashlib.sha1(b"\0".join([docname.encode(), self._members_key, self.handbook_url.encode(),
                                        data])).hexdigest()
        text, files = self.chapters.get(key) or self._chapter(docname, data)
        self.used[key] = (text, files)
        for target in files:
            if (self.outdir / target).is_file():
                self.files[target] = (self.outdir / target).read_bytes()
        self.files[f"{docname}.xhtml"] = text

    def _chapter(self, docname: str, data: bytes) -> tuple[bytes, tuple[str, ...]]:
        """The chapter's XHTML for this book and the files (images) it uses."""
        files: list[str] = []
        root = ET.fromstring(data)
        base = posixpath.dirname(docname)
        root.set("lang", "de")
        root.set("{http://www.w3.org/XML/1998/namespace}lang", "de")
        for parent in root.iter():
            for child in list(parent):
                if child.tag in (f"{{{XHTML}}}script", f"{{{XHTML}}}link"):
                    parent.remove(child)  # no scripts; the web stylesheets are replaced by ours
        head = root.find(f"{{{XHTML}}}head")
        if head is not None:
            css = posixpath.relpath("_static/koop-epub.css", base or ".")
            ET.SubElement(head, f"{{{XHTML}}}link", rel="stylesheet", type="text/css", href=css)
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is None or re.match(r"^[a-z]+:", value) or value.startswith("#"):
                    continue
                path, _, anchor = value.partition("#")
                target = posixpath.normpath(posixpath.join(base, path))
                if target.endswith(".xhtml"):
                    target_doc = target[: -len(".xhtml")]
                    if target_doc not in self.members:
                        url = f"{self.handbook_url}/{target_doc}.html" + (f"#{anchor}" if anchor else "")
                        el.set(attr, url)
                        if self.handbook_url == "":
                            el.attrib.pop(attr)
                else:
                    files.append(target)
        body = xmlout.text(root, {"": XHTML, "epub": EPUB_NS})
        text = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n' + body + "\n"
        return text.encode("utf-8"), tuple(dict.fromkeys(files))

    # -- generated pages -------------------------------------------------------------------
    def page(self, name: str, **context: Any) -> None:
        depth_css = "_static/koop-epub.css"
        text = _env().get_template("page.xhtml.jinja").render(css=depth_css, motto=M.LABELS["motto"], **context)
        self.files[name] = text.encode("utf-8")

    def imprint(self, publisher: Publisher) -> None:
        """The Impressum page: the body's data from `koopblatt/herausgeber.yml`, decided once in
        `legal.imprint_blocks` (the handbook's Impressum and the koopBLATT print the same); an issue adds its own
        editors, design and printing."""
        issue = self.book.issue
        im = issue.imprint if issue is not None else Imprint()
        blocks = legal.imprint_blocks(publisher, editors=im.editors, authors=self.book.creators, design=im.design,
                                      printing=im.printing, note=im.note, date=self.book.date)
        self.page("impressum.xhtml", kind="imprint", title=M.EPUB_IMPRINT, blocks=blocks, body_type="frontmatter")

    # -- package -------------------------------------------------------------------------
    def write(self, target: Path) -> None:
        """Collect all files; zip them unless the book is unchanged since the last good build."""
        book = self.book
        cover_href = None
        if book.cover_image is not None:
            cover_href = f"umschlag{book.cover_image.suffix.lower()}"
            self.files[cover_href] = images.derive(book.cover_image, self.image_cache, images.SCREEN).path.read_bytes()
        self.page("umschlag.xhtml", kind="cover", title=book.title, subtitle=book.subtitle,
                  cover_image=cover_href, cover_alt=book.cover_alt, body_type="cover")
        if book.publisher is not None:
            self.imprint(book.publisher)
        for docname in book.docnames():
            self.chapter(docname)
        self.files["_static/koop-epub.css"] = (Path(__file__).parent / "static" / "koop-epub.css").read_bytes()
        entries: list[dict[str, Any]] = (
            [{"href": "impressum.xhtml", "title": M.EPUB_IMPRINT, "children": []}] if book.publisher else [])
        for ch in book.chapters:
            entries.append({"href": f"{ch.docname}.xhtml", "title": ch.title,
                            "children": [{"href": f"{c.docname}.xhtml", "title": c.title} for c in ch.children]})
        first = f"{book.chapters[0].docname}.xhtml"
        landmarks = [{"type": "cover", "href": "umschlag.xhtml", "title": M.EPUB_COVER},
                     {"type": "toc", "href": "nav.xhtml", "title": M.EPUB_TOC},
                     {"type": "bodymatter", "href": first, "title": M.EPUB_START}]
        self.files["nav.xhtml"] = _env().get_template("nav.xhtml.jinja").render(
            toc_title=M.EPUB_TOC, entries=entries, landmarks=landmarks, landmarks_title=M.EPUB_LANDMARKS
        ).encode("utf-8")
        spine_paths = ["umschlag.xhtml", *(["impressum.xhtml"] if book.publisher else []), "nav.xhtml",
                       *(f"{d}.xhtml" for d in book.docnames())]
        ids = {path: "i-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") for path in self.files}
        manifest = []
        for path in sorted(self.files):
            props = []
            if path == "nav.xhtml":
                props.append("nav")
            if path == cover_href:
                props.append("cover-image")
            manifest.append({"id": ids[path], "href": path, "media_type": MEDIA_TYPES[Path(path).suffix.lower()],
                             "properties": " ".join(props)})
        identifier = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.handbook_url}/epub/{book.name}"))
        opf = _env().get_template("content.opf.jinja").render(
            identifier=identifier, title=book.title, creators=book.creators,
            publisher=book.publisher.full_name if book.publisher else M.EPUB_PUBLISHER,
            date=book.date.isoformat(), rights=DEFAULT_LICENSE, description=book.description,
            modified=_modified(book), a11y_summary=M.EPUB_A11Y_SUMMARY, conformance=M.EPUB_CONFORMANCE,
            certifier=M.EPUB_CERTIFIER, series=_series(book.issue), issns=_issns(book.issue),
            cover_id=ids.get(cover_href or ""), manifest=manifest, spine=[ids[p] for p in spine_paths])
        self.files["content.opf"] = opf.encode("utf-8")
        self.files["META-INF/container.xml"] = (TEMPLATES / "container.xml").read_bytes()
        if not self.unchanged(target):
            _zip(target, self.files)

    def unchanged(self, target: Path) -> bool:
        """True if the zip on disk has exactly these files and passed epubcheck: the stamp is the digest of
        the zip's members, written after the check, and never older than the zip."""
        stamp = target.with_suffix(".sha1")
        return target.is_file() and stamp.is_file() and stamp.stat().st_mtime_ns >= target.stat().st_mtime_ns \
            and stamp.read_text() == self.digest()

    def digest(self) -> str:
        return _digest(self.files)

    @staticmethod
    def digest_of(target: Path) -> str:
        """Digest of an EPUB's members (the same as `digest` of the files it was written from)."""
        with zipfile.ZipFile(target) as zf:
            return _digest({n: zf.read(n) for n in zf.namelist() if n != "mimetype"})


def _digest(files: dict[str, bytes]) -> str:
    h = hashlib.sha1()
    for path in sorted(files):
        h.update(path.encode() + b"\0" + files[path])
    return h.hexdigest()


def _zip(target: Path, files: dict[str, bytes]) -> None:
    """mimetype first and stored; everything else deflated, sorted, with fixed timestamps."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        info = zipfile.ZipInfo("mimetype", ZIP_TIME)
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        zf.writestr(info, b"application/epub+zip")
        for path in sorted(files):
            info = zipfile.ZipInfo(path, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[path], compresslevel=9)
    os.replace(tmp, target)


@dataclass(frozen=True)
class Packed:
    """A book in the work area; `fresh` when written in this run (so it still needs epubcheck)."""

    path: Path
    fresh: bool


def build_books(builder: Any, project: Project, blocked: Callable[[str], bool]) -> list[Packed]:
    """Write every book without errors whose content changed; return the books ready (fresh ones need checking).

    `blocked(output)` tells whether errors keep an output (output key, pipeline/project.py) from being published."""
    titles = {d: escape(builder.env.titles[d].astext(), quote=False) if d in builder.env.titles else d
              for d in builder.env.found_docs}
    titles = {d: t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") for d, t in titles.items()}
    outdir = Path(builder.outdir)
    image_cache = work_dir(project.root, "bilder")
    ready = []
    earlier, used = _load_chapters(outdir / CHAPTERS), {}
    for book in books(project, titles):
        if blocked(issue_output(book.issue.number) if book.issue is not None else HANDBOOK_OUTPUT):
            continue
        writer = BookWriter(book, outdir, str(builder.config.koop_handbook_url), image_cache)
        writer.chapters = earlier
        target = outdir / "books" / f"{book.name}.epub"
        writer.write(target)
        used.update(writer.used)
        if writer.unchanged(target):
            ready.append(Packed(target, False))
            logger.info(M.EPUB_UNCHANGED.format(target.name))
            continue
        target.with_suffix(".sha1").unlink(missing_ok=True)  # stamped only after epubcheck passed
        ready.append(Packed(target, True))
        logger.info(M.EPUB_DONE.format(target.name, len(book.docnames())))
    if used.keys() != earlier.keys():
        tmp = outdir / f"{CHAPTERS}.tmp"
        tmp.write_bytes(pickle.dumps(used, pickle.HIGHEST_PROTOCOL))
        tmp.replace(outdir / CHAPTERS)
    return ready


def _load_chapters(file: Path) -> Chapters:
    try:
        data = pickle.loads(file.read_bytes())
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError, AttributeError, ImportError):
        return {}
    return data if isinstance(data, dict) else {}
