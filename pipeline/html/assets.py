"""The handbook as a web server delivers it: asset names that change with their content, no inline scripts or
styles (a Content-Security-Policy without 'unsafe-inline' holds), and every text file pre-compressed.

`finish(site)` is the post-step on the finished site, run on the copy that is about to be published
(`outputs.publish_tree`) on every build, so Sphinx's own output in the work area stays as Sphinx wrote it and
its incremental build is not disturbed. It is idempotent: run again on its own result it changes nothing.

- **Hashed names.** Every stylesheet, script, font and image under `_static/` that a page loads gets a copy
  named `<name>.<hash>.<ext>` (the first 12 hex digits of its SHA-256); stylesheets are hashed after their `url()`
  and `@import` references were rewritten, so a changed font changes the name of the CSS that loads it. The
  pages' `href`/`src` point to the hashed names (query strings such as `?v=` dropped): those files can be
  cached for a year (`pipeline/data/nginx/`). The originals stay, for whatever loads them by name.
- **No inline code.** A page's inline `<script>` becomes a hashed file under `_static/` (one per distinct
  body: the theme's colour-mode script is the same on every page). Sphinx's per-page settings
  (`DOCUMENTATION_OPTIONS.pagename = '…';`) are data, not code: they go into a data attribute of one shared
  script instead of one file per page. Inline `<style>` becomes a hashed stylesheet. Data blocks
  (`application/ld+json`) stay: the browser does not run them.
- **Pre-compressed.** Next to every text file (under `_static/` the hashed ones) `<file>.gz` (gzip level 9,
  mtime 0: the same bytes every build) and `<file>.br` (brotli), each only when it is smaller. Compressed bytes
  are kept in a cache keyed by content (`build/.work/…`), so only what changed is compressed again. The brotli
  module holds the GIL while it compresses: a cold build's brotli work goes to worker processes.
- **Carried over.** With a `Carry` (the handbook's build), what did not change since the last publication is
  taken from the published site, hard-linked, instead of being made again: a page whose Sphinx output and asset
  names are what it was rewritten from then (a memo in the work area says so; the published page is checked
  against it), with the files its inline code became; the compressed variants of a file whose bytes equal the
  published one's. Published files are never written in place (`outputs.stage_tree`), so sharing them is safe,
  and a one-page edit rewrites one page and compresses one page.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import posixpath
import queue
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TypedDict
from urllib.parse import urlsplit

import brotli

STATIC = "_static"
DIGITS = 12
HASHED = re.compile(rf"\.[0-9a-f]{{{DIGITS}}}\.[A-Za-z0-9]+$")  # name.<hash>.ext, written by this module
HASHED_SUFFIXES = frozenset({".css", ".js", ".mjs", ".woff2", ".woff", ".ttf", ".otf", ".eot",
                             ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"})
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".ris", ".bib",
                           ".webmanifest"})
PAGEFIND = "_pagefind"
VARIANTS = (".gz", ".br")
INLINE = "koop-inline"  # stem of the files that inline scripts and styles become
OPTIONS_SCRIPT = "koop-optionen.js"
SIDE_STEMS = (INLINE, posixpath.splitext(OPTIONS_SCRIPT)[0])  # the files a page's inline code becomes
# A shared script that applies a page's settings, given as JSON in its data attribute (see `_externalise`).
OPTIONS_CODE = ("Object.assign(DOCUMENTATION_OPTIONS, JSON.parse(document.currentScript.dataset.koopOptionen));\n")
OPTION = re.compile(r"""\s*DOCUMENTATION_OPTIONS\.(\w+)\s*=\s*('[^'\\]*'|"[^"\\]*"|true|false|-?\d+)\s*;\s*""")
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
STYLE = re.compile(r"<style\b(?P<attrs>[^>]*)>(?P<body>.*?)</style>", re.S | re.I)
REFERENCE = re.compile(r"""(?P<lead>\s(?:href|src)=)(?P<q>["'])(?P<url>[^"'<>]*)(?P=q)""", re.I)
CSS_URL = re.compile(r"""url\(\s*(?P<q>["']?)(?P<url>[^"')]+)(?P=q)\s*\)"""
                     r"""|@import\s+(?P<q2>["'])(?P<url2>[^"']+)(?P=q2)""")
JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
# brotli 11 for the assets (they rarely change, are cached for a year and by content here); 8 for pages and data,
# which change with every edit: measured on the 854 pages and data files of the N=200 bench site (9.6 MB), quality 10
# took 5.3 s of CPU for 1,811 KB, 9 took 1.95 s for 1,932 KB and 8 took 0.23 s for 1,934 KB (gzip 9: 2,245 KB):
# above 8 brotli's cost rises steeply for 7 % fewer bytes, a few hundred bytes per page
BROTLI_ASSETS, BROTLI_PAGES = 11, 8
# brotli's work per byte by quality, relative to 11 (measured with the pages above); more work than PROCESS_BYTES at
# quality 11 (≈ 1 s of it) goes to worker processes
BROTLI_WORK = {11: 1.0, 10: 0.45, 9: 0.16}  # below 9: 0.02
PROCESS_BYTES = 1 << 20


class _Page(TypedDict):
    """The memo of one page: its Sphinx output and the asset names it was rewritten with, the rewritten page,
    what it points to (`_references`), the files its inline code became (site paths)."""

    src: str
    names: str
    out: str
    refs: list[str]
    sides: list[str]


@dataclass(frozen=True)
class Carry:
    """What the last published site lends to the one being made (see the module doc)."""

    published: Path  # the site as published last
    memo: Path  # (work area) per page: what it was rewritten from and to, the files its inline code became


def finish(site: Path, cache: Path | None = None) -> None:
    """Hash the assets, move inline code into files, rewrite the pages, pre-compress (see the module doc)."""
    rewrite(site)
    compress_tree(site, cache)


def rewrite(site: Path, carry: Carry | None = None) -> None:
    """`finish` without the compression: what the pages and `_static/` need. It reads no other folder (but the
    published site, with `carry`), so a folder of files the pages load by name (the search index) can join the
    site after it, before `compress_tree`."""
    static_translations(site)
    texts = {page.relative_to(site).as_posix(): page.read_bytes() for page in pages(site)}
    digests = {rel: _sha(data) for rel, data in texts.items()}
    memo = _memo(carry)
    refs = {rel: memo[rel]["refs"] if rel in memo and memo[rel]["src"] == digests[rel]
            else _references(rel, data.decode("utf-8")) for rel, data in texts.items()}
    names = hash_assets(site, refs)
    key = _sha(json.dumps(sorted(names.items())).encode())
    done: set[str] = set()
    kept: dict[str, _Page] = {}
    for rel, data in texts.items():
        entry = memo.get(rel)
        if (carry is not None and entry is not None and entry["src"] == digests[rel] and entry["names"] == key
                and _lend(site, carry.published, rel, entry, done)):
            kept[rel] = entry
            continue
        text = data.decode("utf-8")
        new = _rewrite_page(site, site / rel, text, names, done)
        kept[rel] = {"src": digests[rel], "names": key, "out": _sha(new.encode("utf-8")),
                     "refs": refs[rel],
                     "sides": sorted({f[0] for m in REFERENCE.finditer(new) if (f := _resolve(rel, m["url"]))
                                      and posixpath.basename(f[0]).startswith(SIDE_STEMS)})}
    if carry is not None:
        carry.memo.parent.mkdir(parents=True, exist_ok=True)
        _put(carry.memo, json.dumps({"code": _code(), "pages": kept}, sort_keys=True).encode("utf-8"))


def _sha(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _code() -> str:
    """This module's code: a memo made by other code says nothing about what this code writes."""
    return _sha(Path(__file__).read_bytes())


def _memo(carry: Carry | None) -> dict[str, _Page]:
    if carry is None or not carry.memo.is_file() or not carry.published.is_dir():
        return {}
    try:
        found = json.loads(carry.memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    pages: dict[str, _Page] = found["pages"] if isinstance(found, dict) and found.get("code") == _code() else {}
    return pages


def _lend(site: Path, published: Path, rel: str, entry: _Page, done: set[str]) -> bool:
    """Link the published page `rel` (and the files its inline code became) into `site`, if it is what the memo
    says it was rewritten to."""
    page = published / rel
    sides = entry["sides"]
    try:
        if _sha(page.read_bytes()) != entry["out"]:
            return False
    except OSError:
        return False
    if not all(side in done or (published / side).is_file() for side in sides):
        return False
    for side in sides:
        if side not in done:
            _link(published / side, site / side)
            done.add(side)
    _link(page, site / rel)
    return True


def _link(source: Path, target: Path) -> None:
    """`target` replaced by a hard link to `source` (a copy across file systems)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.link")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copy2(source, tmp)
    os.replace(tmp, target)


def _references(rel: str, text: str) -> list[str]:
    """The site paths a page's `href`/`src` point to (what `hash_assets` looks for among the assets)."""
    return sorted({found[0] for m in REFERENCE.finditer(text) if (found := _resolve(rel, m["url"])) is not None})


# -- no eval ------------------------------------------------------------------------------------------
TRANSLATIONS = f"{STATIC}/translations.js"
ADD_TRANSLATIONS = re.compile(r"^\s*Documentation\.addTranslations\((\{.*\})\);\s*$", re.S)
PLURAL = re.compile(r"^[n0-9\s()!=<>&|?:%+*/-]*$")  # gettext's plural expressions: C operators on n


def static_translations(site: Path) -> None:
    """Sphinx's translations.js hands the catalogue to `Documentation.addTranslations`, which compiles its
    plural rule with `new Function` — eval, which the Content-Security-Policy forbids (the call fails and the
    catalogue's locale is never set). The same catalogue as static code: the messages, the rule as a function."""
    path = site / TRANSLATIONS
    if not path.is_file():
        return
    found = ADD_TRANSLATIONS.match(path.read_text(encoding="utf-8"))
    if found is None:
        return  # already static, or another form: left as it is (the web server test would see an eval)
    catalog = json.loads(found[1])
    rule = str(catalog.get("plural_expr") or "(n != 1)")
    if not PLURAL.match(rule):
        return
    code = (f"Object.assign(Documentation.TRANSLATIONS, {json.dumps(catalog.get('messages', {}), sort_keys=True)});\n"
            f"Documentation.PLURAL_EXPR = (n) => +({rule});\n"
            f"Documentation.LOCALE = {json.dumps(catalog.get('locale', ''))};\n")
    _put(path, code.encode("utf-8"), like=path)


# -- hashed names --------------------------------------------------------------------------------------
def hashed_name(name: str, data: bytes) -> str:
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:DIGITS]}.{suffix}" if dot else name


def _put(path: Path, data: bytes, like: Path | None = None) -> None:
    """Write a file without writing into an existing one (published files may be hard links to the last
    release: see `outputs.publish_tree`); a temporary name of its own, as threads write side by side. With
    `like`, the file takes that file's modification time: what did not change keeps its time from build to
    build, so `nox -s publish` shares it with the last release instead of copying it."""
    st = like.stat() if like is not None else None  # before writing: `like` may be `path` itself
    if not (path.is_file() and path.read_bytes() == data):
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    if st is not None:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if STATIC not in p.relative_to(site).parts)


def hash_assets(site: Path, refs: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Write the hashed copy of every asset under `_static` that a page loads (with what its stylesheets load);
    map each original's site path to its copy's. Files no page names stay as they are: whatever loads them by
    name still finds them, and they are neither copied nor compressed. `refs`: what pages are known to point to
    (`_references`), not read again."""
    static = site / STATIC
    if not static.is_dir():
        return {}
    originals = sorted(p for p in static.rglob("*") if p.is_file() and p.suffix.lower() in HASHED_SUFFIXES
                       and not HASHED.search(p.name) and not p.name.startswith("."))
    known = {p.relative_to(site).as_posix() for p in originals}
    names: dict[str, str] = {}

    def name_of(rel: str, visiting: frozenset[str] = frozenset()) -> str:
        if rel in names:
            return names[rel]
        data = (site / rel).read_bytes()
        if rel.endswith(".css") and rel not in visiting:
            data = _rewrite_css(rel, data, lambda ref: name_of(ref, visiting | {rel}) if ref in known else None)
        target = posixpath.join(posixpath.dirname(rel), hashed_name(posixpath.basename(rel), data))
        _put(site / target, data, like=site / rel)
        names[rel] = target
        return target

    loaded: set[str] = set()
    for page in pages(site):
        rel = page.relative_to(site).as_posix()
        pointed = (refs or {}).get(rel)
        if pointed is None:
            pointed = _references(rel, page.read_text(encoding="utf-8"))
        loaded.update(p for p in pointed if p in known)
    for rel in sorted(loaded):
        name_of(rel)
    return names


def _resolve(base: str, url: str) -> tuple[str, str] | None:
    """The site path a relative reference points to, and its fragment; None for anything else."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or url.startswith(("#", "/")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), parts.path)), parts.fragment


def _relative(target: str, base: str) -> str:
    """`target` relative to the folder of `base` (both site paths; no file system lookups, unlike relpath)."""
    to, start = target.split("/"), base.split("/")[:-1]
    common = 0
    while common < min(len(to) - 1, len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:])


def _rewrite_css(rel: str, data: bytes, lookup: Callable[[str], str | None]) -> bytes:
    text = data.decode("utf-8", "surrogateescape")

    def swap(m: re.Match[str]) -> str:
        url = m["url"] or m["url2"]
        found = _resolve(rel, url.strip())
        target = lookup(found[0]) if found else None
        if found is None or target is None:
            return m[0]
        new = _relative(target, rel) + (f"#{found[1]}" if found[1] else "")
        return m[0].replace(url, new, 1)

    return CSS_URL.sub(swap, text).encode("utf-8", "surrogateescape")


# -- pages ---------------------------------------------------------------------------------------------
def _attrs(raw: str) -> dict[str, str]:
    return {m[1].lower(): m[3] if m[3] is not None else (m[4] or "")
            for m in re.finditer(r"""([\w:-]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'))?""", raw)}


def _written(site: Path, name: str, data: bytes, done: set[str]) -> str:
    """Write a shared file under `_static/` named by its content, once per run; its site path."""
    target = f"{STATIC}/{hashed_name(name, data)}"
    if target not in done:
        _put(site / target, data)
        done.add(target)
    return target


def _externalise(site: Path, page_rel: str, html: str, done: set[str]) -> str:
    """Inline scripts and styles of a page into hashed files under `_static/` (see the module doc)."""
    def script_file(body: str, suffix: str) -> str:
        return _relative(_written(site, INLINE + suffix, (body.strip() + "\n").encode("utf-8"), done), page_rel)

    def script(m: re.Match[str]) -> str:
        attrs = _attrs(m["attrs"])
        if "src" in attrs or attrs.get("type", "").lower() not in JS_TYPES or not m["body"].strip():
            return m[0]
        settings = _options(m["body"])
        if settings is not None:  # merged with its neighbours below
            return f"\0{json.dumps(settings, ensure_ascii=False, sort_keys=True)}\0"
        kept = "".join(f' {k}="{v}"' if v else f" {k}" for k, v in attrs.items() if k != "type" or v == "module")
        return f'<script src="{script_file(m["body"], ".js")}"{kept}></script>'

    def style(m: re.Match[str]) -> str:
        media = _attrs(m["attrs"]).get("media")
        extra = f' media="{media}"' if media else ""
        return f'<link rel="stylesheet" href="{script_file(m["body"], ".css")}"{extra} />'

    def options(m: re.Match[str]) -> str:
        merged: dict[str, object] = {}
        for part in re.findall(r"\0([^\0]*)\0", m[0]):
            merged.update(json.loads(part))
        target = _written(site, OPTIONS_SCRIPT, OPTIONS_CODE.encode("utf-8"), done)
        value = escape(json.dumps(merged, ensure_ascii=False, sort_keys=True), quote=True)
        return f'<script src="{_relative(target, page_rel)}" data-koop-optionen="{value}"></script>'

    html = re.sub(r"\0[^\0]*\0(?:\s*\0[^\0]*\0)*", options, SCRIPT.sub(script, html))
    return STYLE.sub(style, html)


def _options(body: str) -> dict[str, object] | None:
    """`DOCUMENTATION_OPTIONS.key = literal;` statements (and nothing else) as a dict; None otherwise."""
    found: dict[str, object] = {}
    pos = 0
    while pos < len(body):
        m = OPTION.match(body, pos)
        if m is None or m.end() == pos:
            return None
        literal = m[2]
        found[m[1]] = (literal[1:-1] if literal[0] in "'\"" else
                       literal == "true" if literal in ("true", "false") else int(literal))
        pos = m.end()
    return found or None


def _rewrite_page(site: Path, page: Path, html: str, names: dict[str, str], done: set[str]) -> str:
    rel = page.relative_to(site).as_posix()

    def swap(m: re.Match[str]) -> str:
        found = _resolve(rel, m["url"])
        if found is None or found[0] not in names:
            return m[0]
        new = _relative(names[found[0]], rel) + (f"#{found[1]}" if found[1] else "")
        return f'{m["lead"]}{m["q"]}{new}{m["q"]}'

    new = REFERENCE.sub(swap, _externalise(site, rel, html, done))
    if new != html:
        _put(page, new.encode("utf-8"), like=page)
    return new


# -- pre-compression -----------------------------------------------------------------------------------
def compressible(site: Path, path: Path) -> bool:
    """Text files — under `_static` the hashed ones, which the pages load; Pagefind's own files too, except those
    it already stores gzipped."""
    if path.suffix in VARIANTS or path.name.startswith("."):
        return False
    if STATIC in path.relative_to(site).parts and not HASHED.search(path.name):
        return False
    if path.suffix.lower() in TEXT_SUFFIXES:
        return True
    if PAGEFIND in path.relative_to(site).parts:
        with path.open("rb") as f:
            return f.read(2) != b"\x1f\x8b"
    return False


def _brotli_quality(site: Path, path: Path) -> int:
    parts = path.relative_to(site).parts
    return BROTLI_ASSETS if STATIC in parts or PAGEFIND in parts else BROTLI_PAGES


def _compressed(data: bytes, variant: str, quality: int) -> bytes:
    if variant == ".gz":
        return gzip.compress(data, compresslevel=9, mtime=0)
    return bytes(brotli.compress(data, quality=quality))


def compress_tree(site: Path, cache: Path | None = None, published: Path | None = None) -> None:
    """`<file>.gz` and `<file>.br` beside every compressible file (only where smaller); stale ones removed. A file
    whose bytes equal the `published` one's takes its variants from there (linked)."""
    files = sorted(p for p in site.rglob("*") if p.is_file() and compressible(site, p))
    for orphan in [v for v in site.rglob("*") if v.suffix in VARIANTS and v.is_file()]:
        base = orphan.with_suffix("")  # a variant of a page that is gone (not a download such as x.tar.gz)
        if not base.exists() and (base.suffix.lower() in TEXT_SUFFIXES or PAGEFIND in base.relative_to(site).parts):
            orphan.unlink()
        elif base.is_file() and STATIC in base.relative_to(site).parts and not compressible(site, base):
            orphan.unlink()  # of an asset no page loads any more
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    # one compression per distinct content (an asset and its hashed copy have the same bytes)
    jobs: dict[str, tuple[bytes, str, int, list[Path]]] = {}
    carried: set[Path] = set()  # their variants linked from the published site
    for path in files:
        data = path.read_bytes()
        if published is not None and _carried(path, data, published / path.relative_to(site)):
            carried.add(path)
        digest = hashlib.sha256(data).hexdigest()
        for variant in VARIANTS:
            quality = _brotli_quality(site, path) if variant == ".br" else 9
            jobs.setdefault(f"{digest}{variant}{quality}", (data, variant, quality, []))[3].append(path)

    # the largest first, so that no big file is left for the end on one core
    order = sorted(jobs, key=lambda k: -len(jobs[k][0]))
    # brotli holds the GIL: much of it (a cold build) is done by worker processes, one per core
    missing = [k for k in order if jobs[k][1] == ".br" and not (cache is not None and (cache / k).is_file())
               and not carried.issuperset(jobs[k][3])]
    early = dict(zip(missing, _brotli_elsewhere([(jobs[k][0], jobs[k][2]) for k in missing]), strict=True)) \
        if sum(len(jobs[k][0]) * BROTLI_WORK.get(jobs[k][2], 0.02) for k in missing) > PROCESS_BYTES \
        and (os.cpu_count() or 1) > 1 else {}

    def one(key: str) -> None:
        data, variant, quality, paths = jobs[key]
        paths = [path for path in paths if path not in carried]
        if not paths:
            return
        stored = cache / key if cache is not None else None
        if stored is not None and stored.is_file():
            packed = stored.read_bytes()
        else:
            packed = early[key].result() if key in early else _compressed(data, variant, quality)
            if len(packed) >= len(data):
                packed = b""  # not worth it: remembered as empty
            if stored is not None:
                _put(stored, packed)
        for path in paths:
            out = path.with_name(path.name + variant)
            if packed:
                _put(out, packed, like=path)
            else:
                out.unlink(missing_ok=True)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # zlib releases the GIL
        list(pool.map(one, order))
    if cache is not None:
        _prune(cache, jobs)


def _carried(path: Path, data: bytes, published: Path) -> bool:
    """Link the published variants of `published` beside `path` (whose bytes are `data`) if both files are the same
    bytes and it has both (a variant not worth making is not carried: the cache knows it)."""
    variants = [published.with_name(published.name + v) for v in VARIANTS]
    try:
        if published.stat().st_size != len(data) or not all(v.is_file() for v in variants):
            return False
        if not (os.path.samefile(published, path) or published.read_bytes() == data):
            return False
    except OSError:
        return False
    for variant, source in zip(VARIANTS, variants, strict=True):
        _link(source, path.with_name(path.name + variant))
    return True


# A worker process: (quality, length, bytes) in, (length, brotli bytes) out, until its input ends.
BROTLI_WORKER = """import struct, sys, brotli
r, w = sys.stdin.buffer, sys.stdout.buffer
while head := r.read(8):
    quality, size = struct.unpack("<II", head)
    out = brotli.compress(r.read(size), quality=quality)
    w.write(struct.pack("<I", len(out)) + out)
    w.flush()
"""


def _brotli_elsewhere(work: list[tuple[bytes, int]]) -> list[Future[bytes]]:
    """brotli of each (data, quality), made by worker processes (one per core, each fed the largest item left
    by a thread of this process); an item a worker could not make is made here."""
    results: list[Future[bytes]] = [Future() for _ in work]
    todo = queue.SimpleQueue[int]()
    for i in range(len(work)):  # in the caller's order (the largest first)
        todo.put(i)

    def feed() -> None:
        try:
            proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-c", BROTLI_WORKER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL)
        except OSError:
            proc = None
        while True:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                break
            data, quality = work[i]
            out = _from_worker(proc, data, quality) if proc is not None else None
            if out is None:  # no worker, or it failed: not asked again
                _ended(proc)
                proc = None
                try:
                    out = bytes(brotli.compress(data, quality=quality))
                except Exception as exc:  # the caller meets it as the item's result
                    results[i].set_exception(exc)
                    continue
            results[i].set_result(out)
        _ended(proc)

    for _ in range(os.cpu_count() or 1):
        threading.Thread(target=feed, daemon=True).start()
    return results


def _from_worker(proc: subprocess.Popen[bytes], data: bytes, quality: int) -> bytes | None:
    """brotli of `data` made by a `BROTLI_WORKER`; None if it did not answer."""
    if proc.stdin is None or proc.stdout is None:
        return None
    try:
        proc.stdin.write(struct.pack("<II", quality, len(data)) + data)
        proc.stdin.flush()
        head = proc.stdout.read(4)
        size = struct.unpack("<I", head)[0] if len(head) == 4 else -1
        out = proc.stdout.read(size) if size >= 0 else b""
    except OSError:
        return None
    return out if size >= 0 and len(out) == size else None


def _ended(proc: subprocess.Popen[bytes] | None) -> None:
    """Let a worker end (its input closed), killed if it does not."""
    if proc is None:
        return
    if proc.stdin is not None:
        with contextlib.suppress(OSError):
            proc.stdin.close()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _prune(cache: Path, used: Iterable[str]) -> None:
    keep = set(used)
    for entry in cache.iterdir():
        if entry.name not in keep:
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
