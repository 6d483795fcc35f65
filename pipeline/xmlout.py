"""XML serialization with chosen namespace prefixes, leaving ElementTree's process-wide registry as it was.

`ElementTree.register_namespace` changes a global map (registering "" for one namespace silently drops
the "" of another): a feed written in the same process as an EPUB once gave every chapter `ns0:` tags.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def _prefixes(prefixes: dict[str, str]) -> Iterator[None]:
    registry: dict[str, str] = getattr(ET, "_namespace_map")  # noqa: B009 - no public way to unregister
    saved = dict(registry)
    try:
        for prefix, uri in prefixes.items():
            ET.register_namespace(prefix, uri)
        yield
    finally:
        registry.clear()
        registry.update(saved)


def tostring(root: ET.Element, prefixes: dict[str, str], *, encoding: str = "utf-8",
             xml_declaration: bool = False) -> bytes:
    """`root` as bytes with `prefixes` (prefix → namespace URI; "" for the default namespace)."""
    with _prefixes(prefixes):
        data: bytes = ET.tostring(root, encoding=encoding, xml_declaration=xml_declaration)
    return data


def text(root: ET.Element, prefixes: dict[str, str]) -> str:
    """`root` as a string with `prefixes`, empty elements short (`<br />`)."""
    with _prefixes(prefixes):
        return ET.tostring(root, encoding="unicode", short_empty_elements=True)
