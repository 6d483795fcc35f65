"""The serial in an issue PDF's XMP metadata: PRISM (publication name, issue number, cover date, ISSNs) and the
edition's ISSN as `dc:identifier`, for library catalogues and the deposit with the national library.

Typst writes the XMP packet of the PDF/A-2a (with its PDF/A extension schemas); this adds to that packet and
declares the PRISM properties in a PDF/A extension schema of their own, as PDF/A requires of every property
outside its predefined schemas (Dublin Core is predefined). No other part of the file changes.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PRISM = "http://prismstandard.org/namespaces/basic/3.0/"
PDFA_EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"
PDFA_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PDFA_PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
PDFA_ID = "http://www.aiim.org/pdfa/ns/id/"
PRISM_PROPERTIES = (  # (name, value type, description) as the PDF/A extension schema declares them
    ("publicationName", "Text", "Title of the magazine"),
    ("number", "Text", "Issue number"),
    ("coverDate", "Date", "Date of the issue"),
    ("issn", "Text", "ISSN of the print edition"),
    ("eIssn", "Text", "ISSN of the online edition"),
)
_PACKET = re.compile(rb"^(.*?)(<x:xmpmeta\b.*</x:xmpmeta>)(.*)$", re.DOTALL)
# The prefixes of what this adds, as Typst names them in a PDF/A packet. ElementTree keeps prefixes in one registry
# for the whole process: without fixing them on every call, a print PDF (PDF/UA only, no PDF/A schemas in its
# packet) got „ns9“ or „pdfaExtension“ depending on whether a screen PDF had been finished before it on another
# thread, and two builds gave different bytes.
PREFIXES = {"rdf": RDF, "dc": DC, "prism": PRISM, "pdfaExtension": PDFA_EXTENSION, "pdfaSchema": PDFA_SCHEMA,
            "pdfaProperty": PDFA_PROPERTY}
_REGISTRY = threading.Lock()  # ElementTree's registry is shared by the compile threads


@dataclass(frozen=True)
class Serial:
    """What the XMP says about the serial an issue belongs to."""

    title: str  # koopBLATT
    number: int
    date: dt.date
    issn_print: str = ""
    issn_online: str = ""

    def identifier(self, online: bool) -> str:
        """The edition's ISSN as URN (the screen PDF is the online edition, the print PDF the printed one)."""
        issn = self.issn_online if online else self.issn_print
        return f"urn:issn:{issn}" if issn else ""


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def _text(parent: ET.Element, ns: str, name: str, value: str) -> None:
    ET.SubElement(parent, _q(ns, name)).text = value


def _extension_schema(bag: ET.Element) -> None:
    """Declare PRISM's properties used here (ISO 19005-2, 6.6.2.3)."""
    schema = ET.SubElement(bag, _q(RDF, "li"), {_q(RDF, "parseType"): "Resource"})
    _text(schema, PDFA_SCHEMA, "schema", "PRISM Basic Metadata")
    _text(schema, PDFA_SCHEMA, "namespaceURI", PRISM)
    _text(schema, PDFA_SCHEMA, "prefix", "prism")
    seq = ET.SubElement(ET.SubElement(schema, _q(PDFA_SCHEMA, "property")), _q(RDF, "Seq"))
    for name, kind, description in PRISM_PROPERTIES:
        prop = ET.SubElement(seq, _q(RDF, "li"), {_q(RDF, "parseType"): "Resource"})
        _text(prop, PDFA_PROPERTY, "name", name)
        _text(prop, PDFA_PROPERTY, "valueType", kind)
        _text(prop, PDFA_PROPERTY, "category", "external")
        _text(prop, PDFA_PROPERTY, "description", description)


def _register(body: bytes) -> None:
    """(With `_REGISTRY` held.) The prefixes of this packet, and of what this module adds, for ElementTree."""
    for prefix, uri in [*PREFIXES.items(), *((p.decode(), u.decode())
                                             for p, u in re.findall(rb'xmlns:([\w-]+)="([^"]+)"', body))]:
        ET.register_namespace(prefix, uri)


def _edited(xmp: bytes, edit: Callable[[ET.Element], bytes | None]) -> bytes:
    """The XMP packet with its `x:xmpmeta` as `edit` returns it (its prefixes registered: see `PREFIXES`; None: as
    it was); the xpacket wrapper stays as it was."""
    match = _PACKET.match(xmp)
    if match is None:
        return xmp
    head, body, tail = match.groups()
    with _REGISTRY:
        _register(body)
        edited = edit(ET.fromstring(body))
    return xmp if edited is None else head + edited + tail


def add_serial(xmp: bytes, serial: Serial, online: bool) -> bytes:
    """The XMP packet `xmp` with the serial's PRISM properties, the edition's ISSN as `dc:identifier` and the
    extension schema declaring PRISM."""
    return _edited(xmp, lambda root: _with_serial(root, serial, online))


def without_pdfa(xmp: bytes) -> bytes:
    """The XMP packet without its PDF/A identification (`pdfaid:part`, `pdfaid:conformance`, as elements or
    attributes): for the print PDF, made of the screen PDF's layout but no PDF/A (`print_version`)."""
    return _edited(xmp, _without_pdfa)


def _without_pdfa(root: ET.Element) -> bytes | None:
    found = False
    for parent in root.iter():
        for name in [a for a in parent.attrib if a.startswith(f"{{{PDFA_ID}}}")]:
            del parent.attrib[name]
            found = True
        for child in [c for c in parent if c.tag.startswith(f"{{{PDFA_ID}}}")]:
            parent.remove(child)
            found = True
    return ET.tostring(root, encoding="unicode").encode("utf-8") if found else None


def _with_serial(root: ET.Element, serial: Serial, online: bool) -> bytes | None:
    """The packet's `x:xmpmeta` with the serial added (its prefixes registered: see `add_serial`); None if it has
    no description or the serial already."""
    description = root.find(f"{_q(RDF, 'RDF')}/{_q(RDF, 'Description')}")
    if description is None or description.find(_q(PRISM, "publicationName")) is not None:
        return None
    values = [("publicationName", serial.title), ("number", str(serial.number)),
              ("coverDate", serial.date.isoformat()), ("issn", serial.issn_print), ("eIssn", serial.issn_online)]
    for name, value in values:
        if value:
            _text(description, PRISM, name, value)
    identifier = serial.identifier(online)
    if identifier and description.find(_q(DC, "identifier")) is None:
        _text(description, DC, "identifier", identifier)
    schemas = description.find(f"{_q(PDFA_EXTENSION, 'schemas')}/{_q(RDF, 'Bag')}")
    if schemas is None:
        schemas = ET.SubElement(ET.SubElement(description, _q(PDFA_EXTENSION, "schemas")), _q(RDF, "Bag"))
    _extension_schema(schemas)
    return ET.tostring(root, encoding="unicode").encode("utf-8")
