"""ASCII ids from German text: transliteration (Südstadt → Suedstadt) and slugs (Nürnberg → nuernberg)."""

from __future__ import annotations

import re
import unicodedata

_TRANSLIT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}


def transliterate(text: str) -> str:
    """German transliteration to ASCII (Südstadt → Suedstadt)."""
    text = "".join(_TRANSLIT.get(ch, ch) for ch in text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens ("Südstadt Ost" → suedstadt-ost)."""
    return re.sub(r"[^a-z0-9]+", "-", transliterate(text).lower()).strip("-")
