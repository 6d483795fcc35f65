"""Balancing measures what follows a paragraph in a stand-in of one word (balance.typ `_vertreter`): setting the
paragraph that runs over onto the last page again cost a quarter of a cold issue's compile. The stand-in is exact:
for generated pairs of pieces (paragraphs of any length and inline markup, headings, lists, quotes, figures,
tables, notes) set in a contribution of the real template, the spacing measured with the stand-in equals the
spacing measured with the piece itself, in the normal and the tight setting."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import typst

from pipeline.glyphs import font_paths
from pipeline.typst import template

WORDS = ("Quartier", "Stadtteilbeirat", "Hospitation", "Eigentümerinnen", "und", "die", "Projektfamilie",
         "Werkstatt", "Leipzig", "Bremen", "Nürnberg", "Kuratorium", "auf", "Zeit", "Stadträtetreffen",
         "Wohnungsbaugenossenschaft", "im", "Jahr", "2015", "mit", "„Schwarzbrot“", "–", "Gründerzeitviertel")


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _paragraph(rng: random.Random) -> str:
    """Running text: one word to several hundred, with the inline markup contributions use."""
    parts = [_words(rng, rng.choice((1, 3, 12, 40, 120, 300)))]
    for _ in range(rng.randrange(4)):
        kind = rng.choice(("emph", "strong", "footnote", "link", "break", "quote", "super"))
        inline = {
            "emph": f"_{_words(rng, 2)}_", "strong": f"*{_words(rng, 2)}*",
            "footnote": f"#footnote[{_words(rng, 9)}]", "link": f'#link("https://koopstadt.de")[{_words(rng, 2)}]',
            "break": "\\\n", "quote": f'#quote[{_words(rng, 3)}]', "super": f"#super[{rng.randrange(9)}]",
        }[kind]
        parts.append(f"{inline} {_words(rng, rng.randrange(1, 30))}")
    return " ".join(parts)


def _piece(rng: random.Random) -> str:
    """One piece as Typst markup in brackets (content, as the translator hands it to `beitrag`)."""
    kind = rng.choice(("par", "par", "par", "heading2", "heading3", "list", "enum", "quote", "figure", "table",
                       "note"))
    body = {
        "par": lambda: _paragraph(rng),
        "heading2": lambda: f"#heading(level: 2)[{_words(rng, 3)}]",
        "heading3": lambda: f"#heading(level: 3)[{_words(rng, 4)}]",
        "list": lambda: "#list(" + ", ".join(f"[{_words(rng, rng.randrange(2, 25))}]"
                                              for _ in range(rng.randrange(1, 5))) + ")",
        "enum": lambda: "#enum(" + ", ".join(f"[{_words(rng, rng.randrange(2, 25))}]"
                                              for _ in range(rng.randrange(1, 5))) + ")",
        "quote": lambda: f"#quote(block: true)[{_words(rng, rng.randrange(5, 60))}]",
        "figure": lambda: f"#figure(rect(width: 100%, height: {rng.randrange(10, 80)}mm), "
                          f"caption: [{_words(rng, 6)}])",
        "table": lambda: "#table(columns: 2, " + ", ".join(f"[{_words(rng, 2)}]" for _ in range(6)) + ")",
        "note": lambda: f'#hinweis(art: "hinweis", titel: [{_words(rng, 2)}])[{_words(rng, 30)}]',
    }[kind]()
    return f"[{body}]"


def _main(pairs: list[tuple[str, str]], tight: bool) -> str:
    rows = ",\n".join(f"  ({a}, {b})" for a, b in pairs)
    # the tight setting as `_ausgeglichen` sets it (its show rules for lists, headings, figures, quotes)
    eng = """
  show list: set block(above: 0.6em, below: 0.6em)
  show enum: set block(above: 0.6em, below: 0.6em)
  show heading.where(level: 2): set block(above: 1.1em, below: 0.45em)
  show heading.where(level: 3): set block(above: 0.95em, below: 0.4em)
  show figure: set block(above: 0.9em, below: 0.9em)
  show quote.where(block: true): set block(above: 0.8em, below: 0.8em)
  set figure(gap: _eng-abstand)""" if tight else ""
    return f"""#import "{template.FOLDER}/lib.typ": *
#import "{template.FOLDER}/balance.typ": _vertreter
#import "{template.FOLDER}/style.typ": _eng-abstand
#show: ausgabe.with(nummer: 1, jahr: 2015, format: "a4", akzent: "#1F5FA8", ausgleich: false,
  staedte: (bremen: (label: "Bremen", rgb: "#B3261E", cmyk: (0%, 88%, 85%, 30%))))
#let paare = (
{rows},
)
#beitrag(id: "probe", titel: "Probe", untertitel: none, autoren: (("Person", "Stadt"),), stadt: "bremen",
  art: "Praxisfall", themenfeld: "Wohnen", projektfamilien: (), abstract: none)[#{{{eng}
  layout(platz => {{
    let w = platz.width
    let h(c) = measure(block(width: w, c)).height
    let zwischen(a, b) = h(a + parbreak() + b) - h(a) - h(b)
    for (i, (a, b)) in paare.enumerate() {{
      [#metadata((i: i, echt: zwischen(a, b) / 1pt, vertreten: zwischen(_vertreter(a), b) / 1pt,
        ersetzt: _vertreter(a) != a))<probe>]
    }}
  }})
}}]
"""


@pytest.mark.parametrize("tight", [False, True], ids=["normal", "eng"])
@pytest.mark.parametrize("seed", [2015, 3])
def test_the_stand_in_measures_the_spacing_after_a_piece_exactly(tmp_path: Path, seed: int, tight: bool) -> None:
    rng = random.Random(seed)
    pairs = [(_piece(rng), _piece(rng)) for _ in range(120)]
    template.install(tmp_path)
    main = tmp_path / "probe.typ"
    main.write_text(_main(pairs, tight), encoding="utf-8")
    compiler = typst.Compiler(root=str(tmp_path), font_paths=font_paths(), ignore_system_fonts=True)
    compiler.compile(input=str(main), format="pdf")
    found = json.loads(compiler.query("<probe>", field="value", format="json"))
    assert len(found) == len(pairs)
    stood_in = 0
    for row in found:
        a, b = pairs[row["i"]]
        assert row["vertreten"] == pytest.approx(row["echt"], abs=1e-6), f"after {a[:80]} … comes {b[:80]}"
        stood_in += row["ersetzt"]
    assert stood_in >= 20, "enough paragraphs were measured by their stand-in"
