"""Compile Typst in-process, and pad to whole sheets."""

from __future__ import annotations

import ctypes
import io
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pikepdf
import typst

from ..glyphs import font_paths
from .preamble import Source

T = TypeVar("T")
UNSETTLED = re.compile(r"did not converge|did not stabili[sz]e")  # Typst's words for a layout that kept changing


class CompileError(Exception):
    """Typst errors or warnings as (path of the contribution that caused it, line in it, Typst's text)."""

    def __init__(self, items: list[tuple[str, int, str]]) -> None:
        super().__init__("\n".join(f"{where}:{line}: {text}" for where, line, text in items))
        self.items = items


@dataclass
class Compiled:
    pdf: bytes
    pages: int


def _locate(diagnostic: str, main: Path, source: Source, fallback: str) -> tuple[str, int]:
    """The contribution (and its source line) whose part of the main file the (first) error or warning
    points into; Typst's span (`main.typ:LINE:COL`, also in the trace of an error inside the template)."""
    tail = diagnostic[max(diagnostic.find("error:"), 0):]
    image = re.search(r"bilder/(\S+?\.(?:svg|png|jpe?g)):", tail, re.IGNORECASE)
    if image:  # the builder copies images to bilder/<path under docs/>
        return f"docs/{image.group(1)}", 1
    m = re.search(re.escape(main.name) + r":(\d+)", tail)
    where, line = source.locate(int(m.group(1))) if m else (None, 1)
    return (where, line) if where else (fallback, 1)


def _describe(item: object) -> str:
    message = getattr(item, "message", None) or str(item)
    hints = getattr(item, "hints", None) or []
    return str(message) + ("".join(f" ({h})" for h in hints))


_LOCAL = threading.local()


def compiler(root: Path) -> typst.Compiler:
    """One compiler per output folder and thread (a compiler compiles one document at a time): fonts are
    loaded once, Typst's caches are shared between the issues a thread sets."""
    compilers: dict[Path, typst.Compiler] = _LOCAL.__dict__.setdefault("compilers", {})
    if root not in compilers:
        compilers[root] = typst.Compiler(root=str(root), font_paths=font_paths(), ignore_system_fonts=True)
    return compilers[root]


_FORGET = threading.Lock()
_EMPTY: list[tuple[typst.Compiler, Path]] = []
EVICT_AGE = 10  # typst-py: after each compile, what Typst memoised and did not use in this many compiles goes


def forget() -> None:
    """Let Typst drop everything it memoised (typst-py has no call for it: it evicts what went unused for
    `EVICT_AGE` compiles after each compile, so that many compiles of an empty document age all of it out,
    in about a millisecond). Only while no other compile runs (`workers.Workers`): it would lose what its next
    layout pass reuses. The fonts stay loaded (they belong to the compilers, not to the memo). What Typst freed
    is handed back to the system (`_trim`): Python's own objects do not reuse it, so it would stay counted."""
    with _FORGET:
        if not _EMPTY:
            folder = Path(tempfile.mkdtemp(prefix="koop-typst-"))
            (folder / "leer.typ").write_text("", encoding="utf-8")
            _EMPTY.append((typst.Compiler(root=str(folder), ignore_system_fonts=True), folder / "leer.typ"))
        empty, main = _EMPTY[0]
        for _ in range(EVICT_AGE + 1):
            empty.compile(input=str(main), format="svg")
        _trim()


def _trim() -> None:
    """glibc's `malloc_trim(0)`: free memory back to the system (≈ 60 MB after an issue of the N=50 bench); a
    no-op where the C library has none (macOS, musl)."""
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def compile_bytes(main: Path, source: Source, *, standards: list[Any], timestamp: int, fallback: str) -> bytes:
    """Write and compile `main` into a PDF; Typst warnings are errors, reported at their contribution (a compile
    thread's own warm compiler)."""
    main.write_text(source.text, encoding="utf-8")
    try:
        pdf, warnings = compiler(main.parent).compile_with_warnings(
            input=str(main), format="pdf", pdf_standards=standards, timestamp=timestamp)
    except typst.TypstError as exc:
        where, line = _locate(getattr(exc, "diagnostic", "") + " ".join(getattr(exc, "trace", []) or []), main,
                              source, fallback)
        raise CompileError([(where, line, _describe(exc))]) from None
    if warnings:  # a warning is an error here: the PDF would silently differ from what the author wrote
        raise CompileError([(
            *_locate(getattr(w, "diagnostic", "") + " ".join(getattr(w, "trace", []) or []), main, source, fallback),
            _describe(w)) for w in warnings])
    assert isinstance(pdf, bytes)
    return pdf


def compile_pdf(main: Path, source: Source, *, standards: list[Any], timestamp: int, fallback: str) -> Compiled:
    """`compile_bytes`, with the PDF's page count."""
    pdf = compile_bytes(main, source, standards=standards, timestamp=timestamp, fallback=fallback)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        pages = len(doc.pages)
    return Compiled(pdf, pages)


def unsettled(error: CompileError) -> str | None:
    """Typst's first message if the error is only that the layout did not converge (Typst stops after five
    iterations; the balanced last pages of many contributions can keep moving each other), else None."""
    texts = [text for _where, _line, text in error.items]
    if not texts or not all(UNSETTLED.search(t) for t in texts):
        return None
    return texts[0].split(" (see ")[0]  # without Typst's pointers to more warnings and its help page


def settled(compile_balanced: Callable[[], T], compile_unbalanced: Callable[[], T]) -> tuple[T, str]:
    """The balanced compile, or, if only its layout did not settle, the unbalanced one: (result, Typst's message
    or ""). Any other error is raised as it is (issues and Sonderdrucke alike)."""
    try:
        return compile_balanced(), ""
    except CompileError as error:
        message = unsettled(error)
        if message is None:
            raise
    return compile_unbalanced(), message


def compile_padded(main: Path, build: Callable[[int | None], Source], *, standards: list[Any], timestamp: int,
                   fallback: str, sheet: int = 4) -> Compiled:
    """Compile with the template padding to whole sheets (saddle stitch: a multiple of `sheet` pages);
    should the layout not converge, count and pad explicitly (the padding takes a layout iteration of its own: an
    issue whose balanced last pages take all but one of Typst's five would not settle with it)."""
    try:
        result = compile_pdf(main, build(None), standards=standards, timestamp=timestamp, fallback=fallback)
    except CompileError as error:
        if unsettled(error) is None:
            raise
        result = compile_pdf(main, build(0), standards=standards, timestamp=timestamp, fallback=fallback)
    notes = 0
    while result.pages % sheet and notes < 2 * sheet:
        notes += (-result.pages) % sheet
        result = compile_pdf(main, build(notes), standards=standards, timestamp=timestamp, fallback=fallback)
    return result
