"""German formatting of numbers, dates, counts, lists and value types, and the words it needs."""

from __future__ import annotations

import datetime as dt

from .koopblatt import ISSUE_NAME

MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]
# the YAML types a value can have, as a message names them („„title“ muss ein Text sein, ist aber eine Liste“)
TYPE_NAMES: dict[str, str] = {
    "str": "ein Text",
    "list": "eine Liste",
    "dict": "eine Zuordnung (Schlüssel: Wert)",
    "int": "eine Zahl",
    "bool": "ja/nein (true/false)",
    "date": "ein Datum",
    "NoneType": "leer",
    "float": "eine Kommazahl",
    "datetime": "ein Zeitpunkt",
}
# Every counted noun a message prints: (singular, plural); keys name the case where it differs. `count` is the
# one way to print „<n> <noun>“ (tests/test_small_things.py finds any template that writes „{} Hinweise“).
NOUNS: dict[str, tuple[str, str]] = {
    "Fehler": ("Fehler", "Fehler"),
    "Hinweis": ("Hinweis", "Hinweise"),
    "Meldung": ("Meldung", "Meldungen"),
    "Beitrag": ("Beitrag", "Beiträge"),
    "Beitrag/dat": ("Beitrag", "Beiträgen"),
    "freigegebener Beitrag/dat": ("freigegebenen Beitrag", "freigegebenen Beiträgen"),
    "Entwurf/dat": ("Entwurf", "Entwürfen"),
    "Ausgabe": ("Ausgabe", "Ausgaben"),
    "Seite": ("Seite", "Seiten"),
    "geplante Seite/dat": ("geplanten Seite", "geplanten Seiten"),
    "Notizseite": ("Notizseite", "Notizseiten"),
    "Doppelseite/dat": ("Doppelseite", "Doppelseiten"),
    "Kapitel": ("Kapitel", "Kapitel"),
    "Sonderdruck": ("Sonderdruck", "Sonderdrucke"),
    "Zeichen": ("Zeichen", "Zeichen"),
}
# „in einem Entwurf“: one, spelled out, where the dative reads better than a digit
ONE_DATIVE = "einem"


def join_or(items: list[str]) -> str:
    """„a“, „b“: the allowed values a message lists."""
    return ", ".join(f"„{i}“" for i in items)


def type_name(value: object) -> str:
    """The German name of a value's type (`TYPE_NAMES`), else the Python name."""
    return TYPE_NAMES.get(type(value).__name__, type(value).__name__)


def german_date(d: object) -> str:
    """18. September 2014."""
    if isinstance(d, dt.date):
        return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"
    return str(d)


def thousands(n: int) -> str:
    """A whole number with German thousands points: 10.000."""
    return f"{n:,}".replace(",", ".")


def decimal(value: float) -> str:
    """One decimal with the German comma: 14,5."""
    return f"{value:.1f}".replace(".", ",")


def plural_count(n: int, one: str, many: str) -> str:
    """„1 Absatz“, „2 Absätze“: a number and the form of its noun."""
    return f"{n} {one if n == 1 else many}"


def count(n: int, noun: str, *, dative_one: bool = False) -> str:
    """„1 Hinweis“, „2 Hinweise“, „in einem Entwurf“: a number and its noun (`NOUNS`) in the right numerus."""
    one, many = NOUNS[noun]
    if n == 1 and dative_one:
        return f"{ONE_DATIVE} {one}"
    return plural_count(n, one, many)


def issue_title(number: int, year: int) -> str:
    """„koopBLATT No. 3 (2015)“: how every output names an issue."""
    return f"{ISSUE_NAME.format(number)} ({year})"
