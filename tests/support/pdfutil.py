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


def drawn_images(page: pikepdf.Page, min_pixels: int = 0) -> list[tuple[pikepdf.Object, list[float]]]:
    """Every raster image drawn on a page, with the transformation matrix it is drawn with."""
    shown = {str(k): v for k, v in page.obj.Resources.get("/XObject", {}).items()
             if v.get("/Subtype") == "/Image" and int(v.Width) >= min_pixels}
    out = []
    ctm = [[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]]
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "q":
            ctm.append(list(ctm[-1]))
        elif str(op) == "Q":
            ctm.pop()
        elif str(op) == "cm":
            a, b, c, d, e, f = (float(x) for x in operands)
            A, B, C, D, E, F = ctm[-1]  # noqa: N806 (the PDF spec's names)
            ctm[-1] = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
        elif str(op) == "Do" and str(operands[0]) in shown:
            out.append((shown[str(operands[0])], list(ctm[-1])))
    return out


def placed_images(path: Path, min_pixels: int = 0) -> list[tuple[int, int, float]]:
    """Every raster image drawn on a page: (pixel width, pixel height, placed width in mm)."""
    with pikepdf.open(path) as pdf:
        return [(int(image.Width), int(image.Height), (ctm[0] ** 2 + ctm[1] ** 2) ** 0.5 / MM)
                for page in pdf.pages for image, ctm in drawn_images(page, min_pixels)]


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
