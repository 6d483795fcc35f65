"""Every construct an author can write, as small MyST snippets for the conformance suite.

The catalogue covers CommonMark blocks and inlines, the MyST syntax extensions the project
enables, every directive and role that docutils, Sphinx (with the project's extensions and
domains) and myst-parser register — enumerated from the live registries, so a new version cannot
add one unchecked — and containers nested in containers. Each construct carries a unique marker
word („Prüfwort0017“) that a reader must find in every output.

Templates use `{M}` for the marker and `{N}` for the construct's number (unique labels, footnotes);
no directive or role is called `M` or `N`.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

IMAGE = "bilder/westen-grafik.svg"  # in the fixture's Leipzig folder
PNG = "bilder/pruef-raster.png"  # written by `support_files`: 2200 px wide, ≥ 300 dpi at text width
OTHER = "../bremen/zwischen.md"  # another contribution of the fixture
BIBKEY = "charta"


@dataclass(frozen=True)
class Construct:
    """One construct: `source` is the Markdown (with `{M}`/`{N}` still in it)."""

    id: str
    template: str
    expect: str = "text"  # "text": marker visible in every output · "alt": only as image alt text · "hidden"
    alone: bool = False  # must start a body (front-matter look-alikes): gets its own contribution
    files: tuple[tuple[str, str], ...] = ()  # extra files next to the contribution (relative path, text)

    def source(self, number: int) -> str:
        return self.template.replace("{M}", marker(number)).replace("{N}", f"{number:04d}")

    def extra_files(self, number: int) -> list[tuple[str, str]]:
        return [(p.replace("{N}", f"{number:04d}"), t.replace("{M}", marker(number))) for p, t in self.files]


def marker(number: int) -> str:
    return f"Prüfwort{number:04d}"


# -- CommonMark and MyST syntax ------------------------------------------------------------------

TABLE = "| Spalte A | Spalte B |\n|---|---|\n| {M} | 2 |\n| drei | 4 |"


def syntax() -> list[Construct]:
    c = Construct
    return [
        # headings (h1 is the title from front matter)
        c("heading/atx-h1", "# {M} Überschrift"),
        *[c(f"heading/atx-h{n}", "#" * n + " {M} Überschrift") for n in range(2, 7)],
        c("heading/atx-h3-closing", "### {M} Überschrift ###"),
        c("heading/setext-h1", "{M} Überschrift\n==============="),
        c("heading/setext-h2", "{M} Überschrift\n---------------"),
        c("heading/h3-then-h4", "### Teil {N}\n\nText.\n\n#### {M} Unterteil\n\nMehr Text."),
        c("heading/empty-h3", "###\n\n{M} nach leerer Überschrift."),
        # paragraphs and inline
        c("paragraph/plain", "{M} ist ein Absatz mit Umlauten: Größe, Maß, Übersicht."),
        c("paragraph/softbreak", "{M} erste Zeile\nzweite Zeile"),
        c("paragraph/hardbreak-backslash", "{M} erste Zeile\\\nzweite Zeile"),
        c("paragraph/hardbreak-spaces", "{M} erste Zeile  \nzweite Zeile"),
        c("paragraph/smartquotes", "\"{M}\" und 'einfach' -- und --- sowie ..."),
        c("paragraph/typst-specials", "{M} # $ * _ ` < > @ = - + / [ ] \\\\ ~ %"),
        c("paragraph/dollars", "{M} kostet $5 und $x^2$ bleibt Text."),
        c("paragraph/substitution-braces", "{M} {{ ersetzung }} bleibt Text."),
        c("paragraph/bare-url", "{M} https://www.koopstadt.de ohne Klammern."),
        c("inline/emphasis-star", "*{M} betont*"),
        c("inline/emphasis-underscore", "_{M} betont_"),
        c("inline/strong-star", "**{M} stark**"),
        c("inline/strong-underscore", "__{M} stark__"),
        c("inline/strong-emphasis", "***{M} beides***"),
        c("inline/emphasis-in-strong", "**stark *{M} betont* stark**"),
        c("inline/code-span", "Code: `{M} code()`"),
        c("inline/code-span-double", "Code: `` {M} `innen` ``"),
        c("inline/escape", "\\*{M}\\* ist nicht betont, \\[keine\\] Klammer."),
        c("inline/entity", "{M} &amp; &copy; &#228; &#x00FC; &nbsp;Ende"),
        # code blocks
        c("code/fence-plain", "```\n{M} = 1\n```"),
        c("code/fence-tilde", "~~~\n{M} = 1\n~~~"),
        c("code/fence-python", "```python\ndef f():\n    return \"{M}\"\n```"),
        c("code/fence-text", "```text\n{M} Text\n```"),
        c("code/fence-yaml", "```yaml\nschluessel: {M}\n```"),
        c("code/fence-json-invalid", "```json\n{ {M}: \n```"),
        c("code/fence-unknown-language", "```unbekanntesprache\n{M} Inhalt\n```"),
        c("code/fence-long-line", "```\n{M} " + "x" * 200 + "\n```"),
        c("code/indented", "Davor.\n\n    {M} = eingerückt\n    zweite Zeile"),
        # block quotes
        c("quote/simple", "> {M} Zitat"),
        c("quote/two-paragraphs", "> Erster Absatz.\n>\n> {M} zweiter Absatz."),
        c("quote/nested", "> außen\n>\n> > {M} innen"),
        c("quote/attribution-like", "> {M} Zitat\n>\n> -- Erika Muster"),
        # lists
        c("list/bullet-dash", "- {M} eins\n- zwei"),
        c("list/bullet-star", "* {M} eins\n* zwei"),
        c("list/bullet-plus", "+ {M} eins\n+ zwei"),
        c("list/ordered", "1. {M} eins\n2. zwei"),
        c("list/ordered-start", "3. {M} drei\n4. vier"),
        c("list/ordered-paren", "1) {M} eins\n2) zwei"),
        c("list/nested-bullet", "- eins\n  - {M} innen\n  - innen zwei\n- zwei"),
        c("list/nested-ordered-in-bullet", "- eins\n  1. {M} innen\n  2. innen zwei"),
        c("list/loose", "- eins\n\n- {M} zwei\n\n  Zweiter Absatz."),
        c("list/empty-item", "- \n- {M} zwei"),
        # tables
        c("table/simple", TABLE),
        c("table/align-right", "| A | B |\n|---|---:|\n| {M} | 2 |"),
        c("table/align-left", "| A | B |\n|:---|---|\n| {M} | 2 |"),
        c("table/align-center", "| A | B |\n|:---:|:---:|\n| {M} | 2 |"),
        c("table/align-mixed", "| A | B | C |\n|:---|:---:|---:|\n| {M} | zwei | 3 |"),
        c("table/inline-markup", "| A | B |\n|---|---|\n| *{M}* | `code` **fett** |"),
        c("table/escaped-pipe", "| A | B |\n|---|---|\n| {M} \\| x | 2 |"),
        c("table/empty-cell", "| A | B |\n|---|---|\n| {M} |  |"),
        c("table/header-only", "| {M} | B |\n|---|---|"),
        c("table/wide", "| " + " | ".join(f"S{i}" for i in range(12)) + " |\n|" + "---|" * 12 + "\n| {M} |"
          + " x |" * 11),
        c("table/link-in-cell", "| A | B |\n|---|---|\n| [{M}](https://www.koopstadt.de) | 2 |"),
        # links
        c("link/web", "[{M} Link](https://www.koopstadt.de/)"),
        c("link/http", "[{M} Link](http://www.koopstadt.de/)"),
        c("link/web-title", "[{M} Link](https://www.koopstadt.de/ \"Titel\")"),
        c("link/mailto", "[{M} schreiben](mailto:info@koopstadt.de)"),
        c("link/contribution", f"[{{M}} Zwischennutzung]({OTHER})"),
        c("link/contribution-anchor", f"[{{M}} Ergebnisse]({OTHER}#ergebnisse)"),
        c("link/contribution-missing-anchor", f"[{{M}} Ergebnisse]({OTHER}#gibt-es-nicht)"),
        c("link/own-heading-anchor", "### Ziel {N}\n\n[{M} hierher](#ziel-{N})"),
        c("link/missing-local-anchor", "[{M} nirgendwo](#gibt-es-nicht-{N})"),
        c("link/contribution-missing", "[{M} fehlt](../bremen/gibt-es-nicht.md)"),
        c("link/local-non-markdown", f"[{{M}} Grafik]({IMAGE})"),
        c("link/javascript", "[{M}](javascript:alert(1))"),
        c("link/data", "[{M}](data:text/html,hallo)"),
        c("link/empty", "[{M}]()"),
        c("link/reference-style", "[{M} Referenz][ref-{N}]\n\n[ref-{N}]: https://www.koopstadt.de/"),
        c("link/reference-collapsed", "[koopstadt-{N}][] {M}\n\n[koopstadt-{N}]: https://www.koopstadt.de/"),
        c("link/reference-undefined", "[{M}][nicht-definiert-{N}]"),
        c("link/autolink-web", "{M} <https://www.koopstadt.de/>"),
        c("link/autolink-mail", "{M} <info@koopstadt.de>"),
        c("link/ftp", "[{M}](ftp://example.org/datei)"),
        # images
        c("image/markdown", f"![{{M}} Balkendiagramm]({IMAGE})", expect="alt"),
        c("image/markdown-in-text", f"{{M}} Bild im Satz ![Balkendiagramm]({IMAGE}) danach."),
        c("image/markdown-title", f"![{{M}} Balken]({IMAGE} \"Titel\")", expect="alt"),
        c("image/markdown-png", f"![{{M}} Raster]({PNG})", expect="alt"),
        c("image/markdown-no-alt", f"![]({IMAGE}) {{M}}"),
        c("image/markdown-remote", "![{M}](https://www.koopstadt.de/bild.png)"),
        c("image/markdown-missing", "![{M}](bilder/fehlt.png)"),
        c("image/in-link", f"[![{{M}} Bild]({IMAGE})](https://www.koopstadt.de/)", expect="alt"),
        # thematic breaks
        c("break/dashes", "Davor.\n\n---\n\n{M} danach."),
        c("break/stars", "Davor.\n\n***\n\n{M} danach."),
        c("break/underscores", "Davor.\n\n___\n\n{M} danach."),
        c("break/first-in-section", "---\n\n{M} danach."),
        c("break/last-in-section", "{M} davor.\n\n---"),
        c("break/double", "Davor.\n\n---\n\n***\n\n{M} danach."),
        # footnotes
        c("footnote/simple", "{M} Text[^f{N}].\n\n[^f{N}]: Die Fußnote."),
        c("footnote/marker-in-text", "Text[^f{N}].\n\n[^f{N}]: {M} in der Fußnote."),
        c("footnote/numeric", "{M} Text[^{N}1].\n\n[^{N}1]: Numerische Fußnote."),
        c("footnote/twice", "{M} eins[^f{N}] und zwei[^f{N}].\n\n[^f{N}]: Zweimal aufgerufen."),
        c("footnote/multi-paragraph", "{M} Text[^f{N}].\n\n[^f{N}]: Erster Absatz.\n\n    Zweiter Absatz."),
        c("footnote/with-list", "{M} Text[^f{N}].\n\n[^f{N}]: Liste:\n\n    - eins\n    - zwei"),
        c("footnote/definition-before-reference", "[^f{N}]: Die Fußnote.\n\n{M} Text[^f{N}]."),
        c("footnote/missing-definition", "{M} Text[^fehlt{N}]."),
        c("footnote/unused-definition", "{M} Text.\n\n[^f{N}]: Niemand ruft mich auf."),
        c("footnote/in-heading", "### {M} Titel[^f{N}]\n\nText.\n\n[^f{N}]: Fußnote im Titel."),
        # HTML (must be rejected)
        c("html/block", "<div>{M}</div>"),
        c("html/inline", "{M} <b>fett</b>"),
        c("html/comment", "<!-- {M} -->"),
        c("html/br", "{M}<br>zweite"),
        c("html/script", "<script>alert('{M}')</script>"),
        # MyST syntax
        c("myst/target-heading", "({N}-ziel)=\n### {M} Ziel\n\nSiehe {ref}`{N}-ziel`."),
        c("myst/target-paragraph", "(ziel-{N})=\n{M} Absatz mit Ziel.\n\nSiehe {ref}`hier <ziel-{N}>`."),
        c("myst/target-unreferenced", "(ziel-{N})=\n{M} Absatz mit unbenutztem Ziel."),
        c("myst/target-paragraph-no-title", "(ziel-{N})=\nAbsatz mit Ziel.\n\n{M}: {ref}`ziel-{N}`."),
        c("myst/target-duplicate", "(ziel-{N})=\n{M} eins\n\n(ziel-{N})=\nzwei"),
        c("myst/comment", "% {M} Kommentar\nSichtbarer Text.", expect="hidden"),
        c("myst/block-break", "Davor.\n\n+++\n\n{M} danach."),
        c("myst/block-break-meta", "Davor.\n\n+++ {\"teil\": 2}\n\n{M} danach."),
        c("myst/block-break-first", "+++\n\n{M} danach."),
        c("myst/colon-fence-bare", ":::\n{M} im Block\n:::"),
        c("myst/colon-fence-html", ":::\n<b>{M}</b>\n:::"),
        c("myst/deflist", "Begriff {N}\n: {M} Definition"),
        c("myst/deflist-marker-in-term", "{M} Begriff\n: Definition"),
        c("myst/deflist-two-definitions", "Begriff {N}\n: Erste\n: {M} zweite"),
        c("myst/deflist-tilde", "Begriff {N}\n~ {M} Definition"),
        c("myst/deflist-two-terms", "Begriff A{N}\n: eins\n\nBegriff B{N}\n: {M} zwei"),
        c("myst/deflist-paragraphs", "Begriff {N}\n:   Erster Absatz.\n\n    {M} zweiter Absatz."),
        c("myst/directive-yaml-options", f":::{{figure}} {IMAGE}\n---\nalt: Balkendiagramm\nname: abb-{{N}}\n"
          "---\n{M} Bildunterschrift\n:::"),
        c("myst/directive-unknown", ":::{gibtesnicht}\n{M}\n:::"),
        c("myst/role-unknown", "{M} {gibtesnicht}`x`"),
        c("myst/eval-rst", "```{eval-rst}\n{M} *rst*\n```"),
        c("myst/front-matter-lookalike", "---\n{M} zwischen Linien\n---\n\nWeiter.", alone=True),
        c("myst/front-matter-lookalike-html", "---\n<b>{M}</b>\n---\n\nWeiter.", alone=True),
        c("myst/inline-attributes", "{M} `code`{.klasse}"),
        c("myst/todo-paragraph", "TODO {M} noch schreiben"),
    ]


# -- directives ------------------------------------------------------------------------------------

ADMONITION_BODY = "{M} Text im Kasten."
FIGURE = f":::{{figure}} {IMAGE}\n:alt: Balkendiagramm\n:name: abb-{{N}}\n\n{{M}} Bildunterschrift\n:::"


def directive_overrides() -> dict[str, list[tuple[str, str, str]]]:
    """Plausible minimal uses of the directives authors may meet: name → [(variant, template, expect)]."""
    adm = {n: [("colon", f":::{{{n}}}\n{ADMONITION_BODY}\n:::", "text"),
               ("backtick", f"```{{{n}}}\n{ADMONITION_BODY}\n```", "text"),
               ("with-title", f":::{{{n}}} Titel {{N}}\n{ADMONITION_BODY}\n:::", "text"),
               ("title-is-marker", f":::{{{n}}} {{M}} im Titel\nText im Kasten.\n:::", "text")]
           for n in ("note", "tip", "important", "hint", "warning", "attention", "caution", "danger", "error")}
    return {
        **adm,
        "admonition": [
            ("titled", ":::{admonition} Titel {N}\n{M} Text im Kasten.\n:::", "text"),
            ("marker-in-title", ":::{admonition} {M} im Titel\nText im Kasten.\n:::", "text"),
            ("without-title", ":::{admonition}\n{M} Text im Kasten.\n:::", "text"),
            ("with-class", ":::{admonition} Titel {N}\n:class: tip\n\n{M} Text im Kasten.\n:::", "text"),
        ],
        "seealso": [("body", ":::{seealso}\n{M} siehe auch.\n:::", "text"),
                    ("argument", ":::{seealso} {M} siehe auch.\n:::", "text")],
        "figure": [
            ("colon", FIGURE, "text"),
            ("backtick", f"```{{figure}} {IMAGE}\n:alt: Balkendiagramm\n\n{{M}} Bildunterschrift\n```", "text"),
            ("no-caption", f":::{{figure}} {IMAGE}\n:alt: {{M}} Balkendiagramm\n:::", "alt"),
            ("legend", f":::{{figure}} {IMAGE}\n:alt: Balkendiagramm\n\nBildunterschrift\n\n{{M}} Legende.\n:::",
             "text"),
            ("options", f":::{{figure}} {IMAGE}\n:alt: Balkendiagramm\n:width: 50%\n:align: center\n"
             ":class: breit\n\n{{M}} Bildunterschrift\n:::", "text"),
            ("png", f":::{{figure}} {PNG}\n:alt: Raster\n\n{{M}} Rasterbild\n:::", "text"),
            ("no-alt", f":::{{figure}} {IMAGE}\n\n{{M}} Bildunterschrift\n:::", "text"),
            ("remote", ":::{figure} https://www.koopstadt.de/bild.png\n:alt: x\n\n{M}\n:::", "text"),
            ("numref", FIGURE + "\n\nSiehe {numref}`abb-{N}`.", "text"),
            ("numref-title", FIGURE + "\n\nSiehe {numref}`Abbildung %s <abb-{N}>`.", "text"),
            ("ref", FIGURE + "\n\nSiehe {ref}`abb-{N}`.", "text"),
        ],
        "image": [("plain", f"```{{image}} {IMAGE}\n:alt: {{M}} Balkendiagramm\n```", "alt"),
                  ("options", f"```{{image}} {IMAGE}\n:alt: {{M}} Balkendiagramm\n:width: 200px\n"
                   ":align: center\n```", "alt"),
                  ("target", f"```{{image}} {IMAGE}\n:alt: {{M}} Balkendiagramm\n"
                   ":target: https://www.koopstadt.de/\n```", "alt")],
        "table": [
            ("titled", f":::{{table}} {{M}} Tabellentitel\n:name: tab-{{N}}\n\n{TABLE.replace('{M}', 'eins')}\n:::",
             "text"),
            ("untitled", f":::{{table}}\n{TABLE}\n:::", "text"),
            ("align", ":::{table} Titel {N}\n:align: center\n:widths: 30 70\n\n" + TABLE + "\n:::", "text"),
            ("numref", f":::{{table}} Tabellentitel\n:name: tab-{{N}}\n\n{TABLE.replace('{M}', 'eins')}\n:::"
             "\n\n{M}: siehe {numref}`tab-{N}`.", "text"),
            ("ref", f":::{{table}} Tabellentitel\n:name: tab-{{N}}\n\n{TABLE.replace('{M}', 'eins')}\n:::"
             "\n\n{M}: siehe {ref}`tab-{N}`.", "text"),
        ],
        "list-table": [
            ("header", "```{list-table} Titel {N}\n:header-rows: 1\n\n* - Kopf A\n  - Kopf B\n* - {M}\n  - 2\n```",
             "text"),
            ("plain", "```{list-table}\n* - {M}\n  - 2\n```", "text"),
            ("widths", "```{list-table} Titel {N}\n:widths: 20 80\n:name: lt-{N}\n\n* - {M}\n  - zwei\n```",
             "text"),
            ("stub-columns", "```{list-table}\n:stub-columns: 1\n\n* - {M}\n  - zwei\n```", "text"),
            ("nested", "```{list-table}\n:header-rows: 1\n\n* - Kopf\n  - Innen\n* - außen {M}\n"
             "  - | A | B |\n    |---|---|\n    | innen {M} | 2 |\n* - drei\n  - vier\n```", "text"),
        ],
        "epigraph": [("plain", "```{epigraph}\n{M} Motto.\n\n-- Erika Muster\n```", "text")],
        "pull-quote": [("plain", "```{pull-quote}\n{M} Kernaussage.\n```", "text")],
        "highlights": [("plain", "```{highlights}\n{M} Wichtig.\n```", "text")],
        "include": [
            ("fragment", "```{include} bilder/teil-{N}.txt\n```", "text"),
            ("fragment-md", "```{include} bilder/teil-{N}.md\n```", "text"),
            ("outside", "```{include} ../../../conf.py\n```", "text"),
            ("missing", "```{include} bilder/fehlt-{N}.md\n```", "text"),
        ],
        "literalinclude": [("fragment", "```{literalinclude} bilder/teil-{N}.txt\n```", "text")],
        "raw": [("html", "```{raw} html\n<b>{M}</b>\n```", "text")],
        "code-block": [("python", "```{code-block} python\nprint(\"{M}\")\n```", "text")],
        "csv-table": [("plain", "```{csv-table} Titel\n:header: A, B\n\n{M}, 2\n```", "text")],
        "math": [("plain", "```{math}\nx^2 + {M}\n```", "text")],
        "toctree": [("plain", "```{toctree}\n../bremen/zwischen\n```", "text")],
        "only": [("html", "```{only} html\n{M} nur HTML.\n```", "text")],
        "glossary": [("plain", "```{glossary}\nBegriff {N}\n   {M} Erklärung.\n```", "text")],
        "rubric": [("plain", "```{rubric} {M} Rubrik\n```", "text")],
        "sidebar": [("plain", "```{sidebar} Titel {N}\n{M} Randnotiz.\n```", "text")],
        "topic": [("plain", "```{topic} Titel {N}\n{M} Thema.\n```", "text")],
        "container": [("plain", ":::{container}\n{M} im Container.\n:::", "text")],
    }


def generic_directive(name: str, cls: Any) -> str:
    """`{name}` with as many marker arguments as it requires and a marker body if it takes content."""
    required = getattr(cls, "required_arguments", 0) or 0
    has_content = getattr(cls, "has_content", True)
    args = " ".join(["{M}"] + ["arg"] * (required - 1)) if required else ""
    body = "{M} Inhalt." if has_content or not required else ""
    return f"```{{{name}}} {args}".rstrip() + "\n" + (body + "\n" if body else "") + "```"


def generic_role(name: str) -> str:
    return f"Text {{{name}}}`{{M}}` Ende."


def role_overrides() -> dict[str, list[tuple[str, str]]]:
    return {
        "cite:p": [("plain", "{M} belegt {cite:p}`" + BIBKEY + "`."),
                   ("post", "Belegt {cite:p}`" + BIBKEY + "{{M}}`."),
                   ("pre-post", "Belegt {cite:p}`{vgl. {M}}" + BIBKEY + "{S. 3}`."),
                   ("two", "{M} {cite:p}`" + BIBKEY + ", memo`."),
                   ("unknown", "{M} {cite:p}`gibtesnicht`.")],
        "cite:t": [("plain", "Wie {cite:t}`" + BIBKEY + "{{M}}` zeigt."),
                   ("two", "{M} {cite:t}`" + BIBKEY + ", memo`.")],
        "ref": [("heading", "### Ziel {N}\n\n{M}: {ref}`ziel-{N}`."),
                ("titled-label", "(ziel-{N})=\n### Ziel\n\nSiehe {ref}`{M} <ziel-{N}>`."),
                ("other-contribution", "Siehe {ref}`{M} <abb-westen>`."),
                ("missing", "{M} {ref}`gibt-es-nicht`.")],
        "doc": [("plain", "{M}: {doc}`../bremen/zwischen`."),
                ("titled", "Siehe {doc}`{M} <../bremen/zwischen>`."),
                ("md-suffix", "{M}: {doc}`../bremen/zwischen.md`."),
                ("missing", "{M}: {doc}`../bremen/gibtesnicht`.")],
        "numref": [("other-contribution", "{M}: {numref}`abb-westen`."),
                   ("titled", "{M}: {numref}`Bild %s <abb-westen>`.")],
        "sub": [("plain", "CO{sub}`{M}`")],
        "sup": [("plain", "m{sup}`{M}`")],
        "abbr": [("plain", "{abbr}`{M} (Erklärung der Abkürzung)`"), ("no-expansion", "{abbr}`{M}`")],
        "term": [("no-glossary", "{M}: {term}`Begriff`")],
        "subscript": [("plain", "H{subscript}`{M}`")],
        "superscript": [("plain", "m{superscript}`{M}`")],
        "download": [("plain", f"{{download}}`{{M}} <{IMAGE}>`")],
        "math": [("plain", "{math}`x^2` {M}")],
        "eq": [("plain", "{M} {eq}`gl-1`")],
    }


def _quiet_sphinx_app(root: Path) -> Any:
    from sphinx.application import Sphinx

    out = root / "build" / "registry-probe"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return Sphinx(str(root / "docs"), str(root), str(out), str(out / ".doctrees"), "html", status=None,
                      warning=io.StringIO(), freshenv=True)


@dataclass
class Registry:
    """Names (and classes, where known) of every directive and role a contribution could call."""

    directives: dict[str, Any] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)
    unwritable: list[str] = field(default_factory=list)  # names MyST syntax cannot express (spaces)


def registry(root: Path) -> Registry:
    """Enumerate docutils' registries (canonical names and the English and German aliases MyST resolves
    with `language = "de"`), everything Sphinx and its extensions registered, every domain's
    directives/roles (prefixed, and unprefixed for the std and primary domains) and MyST's `eval-rst`."""
    from docutils.parsers.rst import directives as d
    from docutils.parsers.rst import roles as r
    from docutils.parsers.rst.languages import get_language

    from pipeline.sphinx_ext.runner import isolated

    with isolated():  # Sphinx registers into docutils' (and its own) globals: later builds must not see it
        return _registry(root, d, r, get_language)


def _registry(root: Path, d: Any, r: Any, get_language: Callable[[str], Any]) -> Registry:
    app = _quiet_sphinx_app(root)
    reg = Registry()

    def cls_of(name: str) -> Any:
        if name in d._directives:
            return d._directives[name]
        if name in d._directive_registry:
            module, cls = d._directive_registry[name]
            return getattr(importlib.import_module(f"docutils.parsers.rst.directives.{module}"), cls)
        return None

    names: dict[str, Any] = {}
    for name in itertools.chain(d._directive_registry, d._directives):
        names[name] = cls_of(name)
    for lang in ("en", "de"):
        for alias, canonical in get_language(lang).directives.items():
            names.setdefault(alias, cls_of(canonical))
    role_names: set[str] = set(r._role_registry) | set(r._roles)
    for lang in ("en", "de"):
        role_names |= set(get_language(lang).roles)
    unprefixed = {"std", app.config.primary_domain or "py"}
    for domain_name, domain in app.registry.domains.items():
        for dname, dcls in domain.directives.items():
            names.setdefault(f"{domain_name}:{dname}", dcls)
            if domain_name in unprefixed:
                names.setdefault(dname, dcls)
        for rname in domain.roles:
            role_names.add(f"{domain_name}:{rname}")
            if domain_name in unprefixed:
                role_names.add(rname)
    names.setdefault("eval-rst", None)  # handled by MyST itself, not a registry
    for name, cls in names.items():
        if re.search(r"\s", name):
            reg.unwritable.append(name)
        else:
            reg.directives[name] = cls
    for name in role_names:
        if re.search(r"\s", name):
            reg.unwritable.append(name)
        else:
            reg.roles.add(name)
    return reg


def directive_constructs(reg: Registry) -> list[Construct]:
    overrides = directive_overrides()
    out: list[Construct] = []
    for name in sorted(reg.directives):
        if name in overrides:
            for variant, template, expect in overrides[name]:
                ext = {"fragment": "txt", "fragment-md": "md"}.get(variant)
                files = (("bilder/teil-{N}." + ext, "{M} aus der *eingebundenen* Datei.\n"),) if ext else ()
                out.append(Construct(f"directive/{name}/{variant}", template, expect, files=files))
        else:
            out.append(Construct(f"directive/{name}", generic_directive(name, reg.directives[name])))
    return out


def role_constructs(reg: Registry) -> list[Construct]:
    overrides = role_overrides()
    out: list[Construct] = []
    for name in sorted(reg.roles):
        if name in overrides:
            out += [Construct(f"role/{name}/{variant}", template) for variant, template in overrides[name]]
        else:
            out.append(Construct(f"role/{name}", generic_role(name)))
    return out


# -- containers and nesting ------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A fragment being composed: `body` goes where it is put, `after` (footnote texts) to the end."""

    body: str
    after: str = ""
    inline: bool = False  # fits in a table cell (one line, no blocks)


def _indent(text: str, prefix: str, first: str | None = None) -> str:
    lines = text.split("\n")
    head = (first if first is not None else prefix) + lines[0]
    return "\n".join([head] + [(prefix + line) if line.strip() else "" for line in lines[1:]])


def _fence(text: str, char: str) -> str:
    runs = [len(m.group(1)) for m in re.finditer(rf"^[ \t>]*({re.escape(char)}{{3,}})", text, re.MULTILINE)]
    return char * max([3] + [n + 1 for n in runs])


Leaf = Callable[[str], Piece]  # label suffix → piece
Container = Callable[[Piece, str], Piece | None]  # piece, label suffix → piece (None: does not fit)


LEAVES: dict[str, Leaf] = {
    "paragraph": lambda k: Piece("{M} Absatz.", inline=True),
    "emphasis": lambda k: Piece("*{M}* und **stark**", inline=True),
    "footnote": lambda k: Piece(f"{{M}} mit Fußnote[^f{{N}}{k}]", f"[^f{{N}}{k}]: Fußnotentext {k}.", inline=True),
    "footnote-inside": lambda k: Piece(f"{{M}} Fußnote[^g{{N}}{k}]\n\n[^g{{N}}{k}]: Fußnotentext innen."),
    "image": lambda k: Piece(f"{{M}} ![Balkendiagramm]({IMAGE})", inline=True),
    "figure": lambda k: Piece(f":::{{figure}} {IMAGE}\n:alt: Balkendiagramm\n\n{{M}} Bildunterschrift\n:::"),
    "code": lambda k: Piece("```\n{M} = 1\n```"),
    "list": lambda k: Piece("- {M} eins\n- zwei"),
    "table": lambda k: Piece(TABLE),
    "deflist": lambda k: Piece(f"Begriff {k}\n: {{M}} Definition"),
    "quote": lambda k: Piece("> {M} Zitat"),
    "heading": lambda k: Piece("### {M} Überschrift\n\nText."),
}


def _quote(p: Piece, k: str) -> Piece:
    return Piece(_indent(p.body, "> ").replace("\n\n", "\n>\n"), p.after)


def _colon_admonition(name: str, title: str = "") -> Container:
    def wrap(p: Piece, k: str) -> Piece:
        fence = _fence(p.body, ":")
        return Piece(f"{fence}{{{name}}}{(' ' + title) if title else ''}\n{p.body}\n{fence}", p.after)
    return wrap


def _backtick_admonition(p: Piece, k: str) -> Piece:
    fence = _fence(p.body, "`")
    return Piece(f"{fence}{{note}}\n{p.body}\n{fence}", p.after)


def _footnote_def(p: Piece, k: str) -> Piece:
    return Piece(f"Verweis auf eine Fußnote[^c{{N}}{k}].", f"[^c{{N}}{k}]: Fußnote mit Inhalt:\n\n"
                 + _indent(p.body, "    ") + ("\n\n" + p.after if p.after else ""))


def _table_cell(p: Piece, k: str) -> Piece | None:
    if not p.inline:
        return None
    return Piece(f"| A | B |\n|---|---|\n| {p.body} | 2 |", p.after)


def _list_table_cell(p: Piece, k: str) -> Piece:
    fence = _fence(p.body, "`")
    return Piece(f"{fence}{{list-table}}\n* - Zelle\n  - {_indent(p.body, '    ', '')}\n{fence}", p.after)


def _figure_legend(p: Piece, k: str) -> Piece:
    fence = _fence(p.body, ":")
    return Piece(f"{fence}{{figure}} {IMAGE}\n:alt: Balkendiagramm\n\nBildunterschrift {k}\n\n{p.body}\n{fence}",
                 p.after)


CONTAINERS: dict[str, Container] = {
    "quote": _quote,
    "bullet": lambda p, k: Piece(_indent(p.body, "  ", "- ") + "\n- weiter", p.after),
    "ordered": lambda p, k: Piece(_indent(p.body, "   ", "1. ") + "\n2. weiter", p.after),
    "note": _colon_admonition("note"),
    "note-backtick": _backtick_admonition,
    "admonition": _colon_admonition("admonition", "Kasten"),
    "deflist": lambda p, k: Piece(f"Begriff {k}\n" + _indent(p.body, "    ", ":   "), p.after),
    "footnote-def": _footnote_def,
    "table-cell": _table_cell,
    "list-table-cell": _list_table_cell,
    "figure-legend": _figure_legend,
}


def nest(path: Iterable[str], leaf: str) -> Construct | None:
    """Put `leaf` into the containers of `path` (outermost first); None if it cannot be written."""
    names = list(path)
    piece = LEAVES[leaf](str(len(names)))
    for depth, name in enumerate(reversed(names)):
        wrapped = CONTAINERS[name](piece, f"{len(names) - depth - 1}")
        if wrapped is None:
            return None
        piece = wrapped
    text = piece.body + ("\n\n" + piece.after if piece.after else "")
    return Construct("nest/" + ">".join([*names, leaf]), text)


def nestings(full: bool) -> list[Construct]:
    """Each leaf in each container; containers in containers (each pair with a rotating leaf by default,
    every leaf with `full`); with `full` also a sample of depth 3."""
    out: list[Construct] = []
    leaves = list(LEAVES)
    for outer in CONTAINERS:
        for leaf in leaves:
            if (c := nest([outer], leaf)) is not None:
                out.append(c)
    for i, (outer, inner) in enumerate(itertools.product(CONTAINERS, repeat=2)):
        chosen = leaves if full else [leaves[i % len(leaves)], "footnote", "figure"]
        for leaf in dict.fromkeys(chosen):
            if (c := nest([outer, inner], leaf)) is not None:
                out.append(c)
    if full:
        for i, path in enumerate(itertools.product(CONTAINERS, repeat=3)):
            if (c := nest(list(path), leaves[i % len(leaves)])) is not None:
                out.append(c)
    return out


def support_files() -> dict[str, bytes]:
    """Files the constructs refer to, relative to the Leipzig folder."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (2200, 400), (31, 95, 168)).save(buf, format="PNG", dpi=(300, 300))
    return {PNG: buf.getvalue()}


def catalogue(root: Path, full: bool = False) -> tuple[list[Construct], Registry]:
    """All constructs, with the registries enumerated on the fixture project at `root`."""
    reg = registry(root)
    items = syntax() + directive_constructs(reg) + role_constructs(reg) + nestings(full)
    ids = [c.id for c in items]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, duplicates
    return items, reg
