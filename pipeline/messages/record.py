"""The record of one diagnostic code (text, hint, severity) and the registry that holds every code once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

__all__ = ["DID_YOU_MEAN", "HINT_PREFIX", "DuplicateCodeError", "Message", "Severity", "catalogue"]

HINT_PREFIX = "Hinweis"
DID_YOU_MEAN = "Meinten Sie „{}“?"


class Severity(Enum):
    """Two levels: a Fehler blocks the outputs that contain the file; a Hinweis is shown and blocks nothing."""

    ERROR = "Fehler"
    NOTE = "Hinweis"


@dataclass(frozen=True)
class Message:
    """One diagnostic code (`koop.<code>`): its German text with positional {} arguments, the general hint (a
    located diagnostic may bring a more specific one) and its severity."""

    code: str
    text: str
    hint: str = ""
    severity: Severity = Severity.ERROR


class DuplicateCodeError(ValueError):
    """Two records claim the same code: a programming error, raised while the package is imported."""


def catalogue(*groups: Iterable[Message]) -> Mapping[str, Message]:
    """Every record of the subject modules by its code; a code given twice raises `DuplicateCodeError`."""
    codes: dict[str, Message] = {}
    for group in groups:
        for message in group:
            if message.code in codes:
                raise DuplicateCodeError(f"koop.{message.code} is defined twice")
            codes[message.code] = message
    return MappingProxyType(codes)
