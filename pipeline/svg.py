"""What an SVG drawing may hold: one rule for `check`, before any output renders it.

A drawing is shown as it is in the handbook and the e-books (a browser or reading system renders it) and drawn by
Typst for the koopBLATT and the share cards. So it must be well-formed XML, and, being a contribution's and so
untrusted, hold nothing active (script, event handlers, `javascript:` links, embedded HTML) and load nothing from
elsewhere (the net, a file outside the drawing): an image inside it is embedded (`data:image/…`), a reference
points into the drawing itself (`#id`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Literal

Problem = tuple[Literal["unreadable", "active", "external"], str]

ACTIVE_ELEMENTS = frozenset({"script", "foreignObject", "handler", "listener"})
LINKS = ("href", "{http://www.w3.org/1999/xlink}href", "src")
EMBEDDED = re.compile(r"^\s*data:image/(?:png|jpeg|jpg|gif|webp|svg\+xml)[;,]", re.IGNORECASE)
STYLE_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+(?:url\(\s*)?['\"]?)\s*([^'\")\s;]+)", re.IGNORECASE)
ACTIVE_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript):", re.IGNORECASE)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _reference(value: str) -> Problem | None:
    """A link or resource address inside the drawing: fine if it points into the drawing or embeds an image."""
    value = value.strip()
    if not value or value.startswith("#") or EMBEDDED.match(value):
        return None
    if ACTIVE_SCHEMES.match(value):
        return "active", value[:60]
    return "external", value[:60]


def problem(file: Path) -> Problem | None:
    """What makes the drawing unfit (kind, detail for the message), or None."""
    try:
        root = ET.parse(file).getroot()
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        return "unreadable", f"kein vollständiges XML, Zeile {line}, Spalte {column}"
    except (OSError, ValueError) as exc:
        return "unreadable", type(exc).__name__
    if _local(root.tag) != "svg":
        return "unreadable", "kein SVG"
    for element in root.iter():
        name = _local(str(element.tag))
        if name in ACTIVE_ELEMENTS:
            return "active", f"<{name}>"
        for attribute, value in element.attrib.items():
            local = _local(attribute)
            if local.lower().startswith("on"):
                return "active", f"{local}=…"
            if attribute in LINKS and name != "a" and (found := _reference(value)) is not None:
                return found
            if attribute in LINKS and name == "a" and ACTIVE_SCHEMES.match(value):
                return "active", value.strip()[:60]
            if local == "style" and (found := _styled(value)) is not None:
                return found
        if name == "style" and element.text and (found := _styled(element.text)) is not None:
            return found
    return None


def _styled(css: str) -> Problem | None:
    """A style's `url(…)` and `@import`: into the drawing or embedded, else loaded from elsewhere."""
    for m in STYLE_URL.finditer(css):
        found = _reference(m.group(1))
        if found is not None:
            return found
    return None
