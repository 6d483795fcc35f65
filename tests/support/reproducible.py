"""Reproducible builds in tests: SOURCE_DATE_EPOCH set for one block and restored after it.

The pipeline reads SOURCE_DATE_EPOCH for the time stamped into PDFs and EPUBs and for the day against which
an issue counts as out, so a value left in `os.environ` by one fixture would change what later tests see.
Function-scoped tests use `monkeypatch.setenv`; session and module fixtures and helpers use `epoch()`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

EPOCH = "1434326400"  # 2015-06-15: reproducible PDF/EPUB timestamps


@contextlib.contextmanager
def epoch(value: str = EPOCH) -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to `value` inside the block, as it was before after it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", value)
        yield
