"""Load the taxonomy data file (cities, kinds, Themenfelder, Projektfamilien, Aufgaben)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).parent / "data" / "taxonomy.yml"


@dataclass(frozen=True)
class City:
    id: str
    label: str
    official: str
    short: str
    colour: str
    colour_cmyk: tuple[int, int, int, int]
    contact_title: str = ""
    contact_name: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    plural: str


@dataclass(frozen=True)
class Family:
    id: str
    label: str
    field: str


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    short: str
    families: tuple[str, ...]


@dataclass(frozen=True)
class Task:
    id: str
    label: str


@dataclass(frozen=True)
class Taxonomy:
    cities: dict[str, City]
    kinds: dict[str, Kind]
    fields: dict[str, Field]
    families: dict[str, Family]
    tasks: dict[str, Task]

    def family_label(self, fid: str) -> str:
        return self.families[fid].label if fid in self.families else fid


def _parse(raw: dict[str, Any]) -> Taxonomy:
    cities = {
        cid: City(cid, c["label"], c["amtlich"], c["kuerzel"], c["farbe"], tuple(c["farbe_cmyk"]),
                  c.get("kontakt", {}).get("titel", ""), c.get("kontakt", {}).get("name", ""),
                  c.get("kontakt", {}).get("telefon", ""))
        for cid, c in raw["staedte"].items()
    }
    kinds = {kid: Kind(kid, k["label"], k["plural"]) for kid, k in raw["arten"].items()}
    fields: dict[str, Field] = {}
    families: dict[str, Family] = {}
    for fid, f in raw["themenfelder"].items():
        fams = f["projektfamilien"]
        fields[fid] = Field(fid, f["label"], f["kurz"], tuple(fams))
        for pid, label in fams.items():
            families[pid] = Family(pid, label, fid)
    tasks = {tid: Task(tid, label) for tid, label in raw["aufgaben"].items()}
    return Taxonomy(cities, kinds, fields, families, tasks)


def load() -> Taxonomy:
    """Return the project taxonomy from `DATA_FILE` (cached per file content)."""
    return _load(DATA_FILE.read_text(encoding="utf-8"))


@cache
def _load(text: str) -> Taxonomy:
    return _parse(yaml.safe_load(text))
