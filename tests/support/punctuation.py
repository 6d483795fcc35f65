"""A generated contribution that puts every character directly before and after every inline construct.

Characters: every ASCII punctuation character (written backslash-escaped, so Markdown reads it as text),
the typographic ones („“‚‘»«–—…), the no-break, narrow no-break and thin space, a letter and a digit, with no
space in between. Constructs: every inline construct a contribution may use. Containers: paragraph, list item,
table cell, admonition, figure caption, footnote. Each (construct, container) pair is one block holding all
characters, so a writer that loses or changes a character next to a construct shows in the text-parity oracle.
"""

from __future__ import annotations

import string
from pathlib import Path

ASCII = string.punctuation
TYPOGRAPHIC = "„“‚‘»«–—…"
OWN_SPACES = "\u00a0\u202f\u2009"  # no-break, narrow no-break and thin space: characters an author types on purpose
CHARACTERS = ASCII + TYPOGRAPHIC + OWN_SPACES + "x7"
DOC = "beitraege/nuernberg/zeichen"

# name → Markdown of the construct (inside the generated contribution docs/beitraege/nuernberg/zeichen.md)
CONSTRUCTS: dict[str, str] = {
    "strong": "**fett**",
    "emphasis": "*kursiv*",
    "case link": "[Zwischennutzung](../bremen/zwischen.md)",
    "external link": "[koopstadt](https://www.koopstadt.de/)",
    "autolink": "<https://www.koopstadt.de/handbuch/>",
    "ref": "{ref}`abschnitt-zeichen`",
    "numref": "{numref}`abb-zeichen`",
    "cite:p": "{cite:p}`charta{S. 3}`",
    "cite:t": "{cite:t}`drei`",
    "inline code": "`a = b;`",
    "footnote": "[^zeichen]",
    "sub": "{sub}`2`",
    "sup": "{sup}`3`",
    "abbr": "{abbr}`ISEK (Integriertes Stadtentwicklungskonzept)`",
    "doc": "{doc}`../leipzig/westen`",
}
CONTAINERS = ("paragraph", "list item", "table cell", "admonition", "caption", "footnote")

HEAD = """---
title: Jedes Zeichen kommt an
subtitle: Satzzeichen an jeder Auszeichnung
authors:
  - name: Erika Muster
    affiliation: Stadt Nürnberg, Stadtplanungsamt
date: 2015-03-02
abstract: Ein erzeugter Beitrag, der jedes Satzzeichen direkt vor und hinter jede Auszeichnung setzt.
art: praxisfall
themenfeld: urbane-lebensqualitaet
projektfamilien: [bildung-im-quartier]
stadt: nuernberg
---

Dieser Beitrag prüft die Textgleichheit aller Ausgaben.

(abschnitt-zeichen)=
## Zeichen an Auszeichnungen

"""
FIGURE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">'
              '<rect width="400" height="300" fill="#1F5FA8"/></svg>\n')


def written(ch: str) -> str:
    """A character as Markdown text: ASCII punctuation backslash-escaped (CommonMark: always literal)."""
    return "\\" + ch if ch in ASCII else ch


def run(construct: str) -> str:
    """All characters around one construct: „a;X;b a(X(b …“ (a letter on either side, then the character)."""
    return " ".join(f"a{written(ch)}{construct}{written(ch)}b" for ch in CHARACTERS)


def contribution() -> str:
    """The Markdown of the generated contribution."""
    parts = [HEAD]
    notes = ["[^zeichen]: Die Fußnote, auf die jede Fußnotenmarke verweist."]
    rows = []
    for i, (name, md) in enumerate(CONSTRUCTS.items()):
        body = run(md)
        parts.append(f"### {name}\n\n{body}\n\n- {body}\n- Zweiter Punkt.\n\n:::{{note}}\n{body}\n:::\n")
        label = "abb-zeichen" if i == 0 else f"abb-zeichen-{i}"
        parts.append(f":::{{figure}} bilder/zeichen.svg\n:alt: Blaue Fläche.\n:name: {label}\n\n{body}\n:::\n")
        notes.append(f"[^n{i}]: {body}")
        parts.append(f"Fußnote zu {name}[^n{i}].\n")
        rows.append(f"| {name} | {body} |")
    parts.append("| Auszeichnung | Text |\n|---|---|\n" + "\n".join(rows) + "\n")
    return "\n".join(parts) + "\n" + "\n\n".join(notes) + "\n"


def add_to(root: Path, issue_manifest: str = "koopblatt/1/ausgabe.yml") -> str:
    """Write the contribution into a copy of the mini project and put it into issue 1; return its docname."""
    folder = root / "docs" / "beitraege" / "nuernberg"
    (folder / "bilder").mkdir(parents=True, exist_ok=True)
    (folder / "bilder" / "zeichen.svg").write_text(FIGURE_SVG, encoding="utf-8")
    (folder / "zeichen.md").write_text(contribution(), encoding="utf-8")
    manifest = root / issue_manifest
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  - beitraege/bremen/zwischen.md\n",
                                     f"  - beitraege/bremen/zwischen.md\n  - {DOC}.md\n"), encoding="utf-8")
    return DOC
