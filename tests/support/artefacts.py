"""Where tests keep what people read afterwards (screenshots, Lighthouse reports, the conformance report).

The folder KOOP_TEST_ARTEFACTS names (`nox -s browser`, `conformance` and `fuzz` name the repository's build/),
else the run's temporary folder: a test never writes into the checkout on its own.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENV = "KOOP_TEST_ARTEFACTS"


def folder(factory: pytest.TempPathFactory, name: str = "") -> Path:
    """The artefact folder (or its subfolder `name`), made if missing."""
    named = os.environ.get(ENV)
    path = (Path(named) if named else factory.getbasetemp() / "artefakte") / name
    path.mkdir(parents=True, exist_ok=True)
    return path
