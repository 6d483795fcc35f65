"""What editors experience: nox sessions on a corpus, and the first build of a fresh clone.

The sessions run from the repository's own noxfile (its shared environment `.nox/koop`) with
`KOOP_ROOT` pointing at the corpus, so nothing is copied and the session start is the real one.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .measure import Result, keep_best, measure, touch_one

NOX_STEPS = ("build", "check-warm", "html-nach-aenderung", "build-nach-aenderung")
NOX_LABELS = {
    "build": "nox -s build (voll)",
    "check-warm": "nox -s check (unverändert)",
    "html-nach-aenderung": "nox -s html (1 Beitrag geändert)",
    "build-nach-aenderung": "nox -s build (1 Beitrag geändert)",
}


def nox_command() -> list[str] | None:
    """How to start nox: the interpreter that runs the `bench` session, else this one, else `nox` on PATH."""
    python = os.environ.get("KOOP_NOX_PYTHON")
    if python:
        return [python, "-m", "nox"]
    if importlib.util.find_spec("nox") is not None:
        return [sys.executable, "-m", "nox"]
    found = shutil.which("nox")
    return [found] if found else None


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KOOP_ROOT"}
    env.update(extra)
    return env


def nox_rows(nox: list[str], repo: Path, root: Path, docnames: list[str], runs: int) -> dict[str, Result]:
    """Full build, unchanged check, html and build after a one-file edit — each a whole `nox -s …` call."""
    env = _env(KOOP_ROOT=str(root))
    results: dict[str, Result] = {}

    def session(name: str) -> Result:
        return measure([*nox, "-f", str(repo / "noxfile.py"), "-s", name], f"nox -s {name}", env=env)

    for run in range(runs):
        shutil.rmtree(root / "build", ignore_errors=True)
        keep_best(results, "build", session("build"))
        keep_best(results, "check-warm", session("check"))
        touch_one(root, docnames, 1000 + run)
        keep_best(results, "html-nach-aenderung", session("html"))
        touch_one(root, docnames, 2000 + run)
        keep_best(results, "build-nach-aenderung", session("build"))
        print(f"  nox N={len(docnames)}: Lauf {run + 1}/{runs} fertig", file=sys.stderr)
    return results


DEMO_STEP = "build-nach-aenderung-demo"
DEMO_LABEL = "nox -s build (Demo, 1 Beitrag geändert)"
DEMO_PARTS = ("conf.py", "docs", "koopblatt")  # the bundled content, as `nox -s build` builds it


def demo_rows(nox: list[str], repo: Path, root: Path, runs: int) -> dict[str, Result]:
    """`nox -s build` after a one-sentence edit of a demo contribution (the bundled content, copied to `root` and
    built once first)."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for part in DEMO_PARTS:
        source = repo / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    docnames = sorted(p.relative_to(root / "docs").with_suffix("").as_posix()
                      for p in (root / "docs" / "beitraege").glob("*/*.md"))
    env = _env(KOOP_ROOT=str(root))
    command = [*nox, "-f", str(repo / "noxfile.py"), "-s", "build"]
    measure(command, "nox -s build (Demo, voll)", env=env)
    results: dict[str, Result] = {}
    for run in range(runs):
        touch_one(root, docnames, 3000 + run)
        keep_best(results, DEMO_STEP, measure(command, DEMO_LABEL, env=env))
    return results


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


def fresh_clone(nox: list[str], repo: Path) -> Result:
    """`nox -s build` in a new clone of the committed HEAD: environment creation included, uv cache kept."""
    commit = git(repo, "rev-parse", "HEAD")
    with tempfile.TemporaryDirectory(prefix="koop-klon-") as tmp:
        clone = Path(tmp) / "koopstadt"
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(repo), str(clone)], check=True)
        git(clone, "checkout", "--quiet", commit)
        return measure([*nox, "-s", "build"], "nox -s build (frischer Klon)", env=_env(), cwd=clone)
