"""Reading PDFs as a printer and a reader check them (pikepdf for structure, pypdf for text)."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
from pypdf import PdfReader

MM = 72 / 25.4


def boxes(path: Path, page: int = 0) -> dict[str, list[float]]:
    with pikepdf.open(path) as pdf:
        obj = pdf.pages[page].obj
        return {name: [round(float(v), 2) for v in obj[f"/{name}"]] for name in ("MediaBox", "TrimBox", "BleedBox")
                if f"/{name}" in obj}


def fonts(path: Path) -> dict[str, bool]:
    """Every font name → embedded?"""
    found: dict[str, bool] = {}
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for font in page.obj.Resources.get("/Font", {}).values():
                descendants = font.get("/DescendantFonts", [font])
                for f in descendants:
                    desc = f.get("/FontDescriptor")
                    embedded = desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                    found[str(f.get("/BaseFont", font.get("/BaseFont")))] = embedded
    return found


def xmp(path: Path) -> str:
    with pikepdf.open(path) as pdf:
        return bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8")


def outline(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf, pdf.open_outline() as ol:
        return [str(item.title) for item in ol.root]


def text(path: Path) -> str:
    """Extracted text with hyphenation undone.

    Typst marks line-end hyphens as soft hyphens; a real hyphen that shares the glyph is extracted as
    a soft hyphen too, so a soft hyphen inside a line is read back as "-".
    """
    raw = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\u00ad\s*\n\s*", "", raw).replace("\u00ad", "-")


def catalog(path: Path) -> dict[str, object]:
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        return {"Lang": str(root.get("/Lang", "")), "StructTreeRoot": "/StructTreeRoot" in root,
                "MarkInfo": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
                "Title": str(pdf.docinfo.get("/Title", ""))}


def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)
