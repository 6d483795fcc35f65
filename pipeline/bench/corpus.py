"""A deterministic synthetic German corpus: N valid contributions and issue manifests.

Each contribution has ~1,200 words, a figure, a table, two footnotes, a citation and a
cross-reference, spread over the cities and Projektfamilien of the taxonomy.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from ..paths import PUBLISHER_FILE
from ..schema import PublisherFields, minimal
from ..taxonomy import load

SUBJECTS = ["Das Quartiersmanagement", "Die Stadtverwaltung", "Der Runde Tisch", "Die Wohnungsgenossenschaft",
            "Das Stadtplanungsamt", "Der Bürgerverein", "Die Kerngruppe", "Das Sanierungsbüro",
            "Die Arbeitsgruppe Freiraum", "Der Stadtteilbeirat"]
VERBS = ["bespricht", "prüft", "verhandelt", "dokumentiert", "begleitet", "bewertet", "koordiniert", "plant"]
OBJECTS = ["die Zwischennutzung der Brachfläche", "das integrierte Stadtteilkonzept", "die Sanierung der Schule",
           "den Umbau der Uferpromenade", "die Förderkulisse des Quartiers", "die Nutzung des leeren Ladens",
           "die Beteiligung der Nachbarschaft", "das Energiekonzept der Siedlung", "den Radweg am Kanal",
           "die Verstetigung des Projekts"]
TAILS = ["mit den Eigentümern vor Ort.", "gemeinsam mit den Partnerstädten.", "im Rahmen von koopstadt.",
         "für die nächsten fünf Jahre.", "trotz knapper Mittel.", "nach einer Hospitation in der Partnerstadt.",
         "auf Grundlage der Leipzig-Charta.", "mit Blick auf die Gesamtstadt."]
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400">'
       '<rect x="40" y="{h}" width="120" height="{b}" fill="#1F5FA8"/>'
       '<text x="40" y="390" font-family="Fira Sans, sans-serif" font-size="20">{label}</text></svg>\n')
BIB = """@book{bench-memo,
  editor = {{Bundesministerium für Verkehr, Bau und Stadtentwicklung}},
  shortauthor = {BMVBS},
  title = {Auf dem Weg zu einer nationalen Stadtentwicklungspolitik},
  address = {Berlin},
  year = {2007}
}
"""


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"


def _paragraph(rng: random.Random, sentences: int = 8) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def contribution(rng: random.Random, n: int, city: str, field: str, families: list[str], other: str) -> str:
    body = [_paragraph(rng) + " Vergleiche dazu {cite:p}`bench-memo{S. " + str(n % 40 + 1) + "}`.[^1]", ""]
    for section in range(1, 5):
        body += [f"## Abschnitt {section}", "", _paragraph(rng), "", _paragraph(rng), ""]
        if section == 1:
            body += ["| Jahr | Projekte | Mittel |", "|---|---|---|"]
            body += [f"| {2010 + i} | {rng.randint(1, 30)} | {rng.randint(10, 900)} Tsd. Euro |" for i in range(5)]
            body += ["", f":::{{figure}} bilder/b{n:04d}.svg", f":alt: Balkendiagramm zu Beitrag {n}.", "",
                     "Entwicklung der Projekte.", ":::", ""]
        if section == 2:
            body += [f"Siehe auch den [Beitrag {other}](../{other}.md).[^2]", ""]
    body += [_paragraph(rng) for _ in range(3)]
    body += ["", "[^1]: Eigene Zählung der Geschäftsstelle.", "[^2]: Ergebnis einer Hospitation."]
    fams = ", ".join(families)
    return (f"---\ntitle: Synthetischer Praxisfall {n}\nauthors:\n  - name: Person {n}\n    affiliation: Stadt\n"
            f"date: 2014-{n % 12 + 1:02d}-{n % 28 + 1:02d}\nabstract: Ein erzeugter Praxisfall für den Benchmark.\n"
            f"art: praxisfall\nthemenfeld: {field}\nprojektfamilien: [{fams}]\naufgaben: [quartier-stadt]\n---\n\n"
            + "\n".join(body) + "\n")


def _default_conf() -> Path:
    """The conf.py beside the pipeline's source tree; installed as a package (no source tree), the one of the
    project the benchmark runs in."""
    beside = Path(__file__).resolve().parents[2] / "conf.py"
    return beside if beside.is_file() else Path.cwd() / "conf.py"


def generate(root: Path, n: int, seed: int = 2015, per_issue: int = 10, conf: Path | None = None) -> list[str]:
    """Write a complete project (conf.py, docs/, koopblatt/) with `n` contributions; return their docnames.
    `conf` is the conf.py to use (default: the one next to the pipeline's source tree)."""
    rng = random.Random(seed)
    tax = load()
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    (docs / "beitraege").mkdir(parents=True)
    shutil.copy(conf or _default_conf(), root / "conf.py")
    (docs / "index.md").write_text("# Benchmark\n\n```{toctree}\n:hidden:\n\nentdecken/index\nausgaben/index\n```\n",
                                   encoding="utf-8")
    (docs / "literatur.bib").write_text(BIB, encoding="utf-8")
    cities = list(tax.cities)
    families = list(tax.families.values())
    names = [f"{cities[i % len(cities)]}/fall-{i:04d}" for i in range(n)]
    for i, name in enumerate(names):
        city, slug = name.split("/")
        family = families[i % len(families)]
        folder = docs / "beitraege" / city
        (folder / "bilder").mkdir(parents=True, exist_ok=True)
        other = names[(i + 1) % n] if n > 1 else name
        rel = f"../{other.split('/')[0]}/{other.split('/')[1]}" if other.split("/")[0] != city else \
            other.split("/")[1]
        text = contribution(rng, i, city, family.field, [family.id], "X").replace("(../X.md)", f"({rel}.md)")
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
        height = rng.randint(20, 300)
        (folder / "bilder" / f"b{i:04d}.svg").write_text(
            SVG.format(h=360 - height, b=height, label=f"Fall {i}"), encoding="utf-8")
    count = max(1, round(n / per_issue))  # issues of 8–12 contributions for the usual sizes
    for number in range(1, count + 1):
        chunk = names[(number - 1) * n // count: number * n // count]
        folder = root / "koopblatt" / str(number)
        folder.mkdir(parents=True)
        (folder / "editorial.md").write_text(f"---\ntitle: Editorial\n---\n\n{_paragraph(rng)}\n", encoding="utf-8")
        entries = "\n".join(f"  - beitraege/{c}.md" for c in chunk)
        (folder / "ausgabe.yml").write_text(
            f"nummer: {number}\njahr: 2015\ntitel: koopBLATT\nuntertitel: Benchmark {number}\neditorial: editorial.md\n"
            f"beitraege:\n{entries}\n", encoding="utf-8")
    # the publishing body (imprint, legal pages): the schema's examples make a valid one
    (root / PUBLISHER_FILE).write_text(yaml.safe_dump(minimal(PublisherFields), allow_unicode=True), encoding="utf-8")
    return [f"beitraege/{n}" for n in names]
