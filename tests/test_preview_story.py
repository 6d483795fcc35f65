"""The preview tells one story (issue 18, section 3): `nox -s serve` checks its port first and speaks German;
the problem list looks like the handbook, links every message to its page and counts what it lists;
a draft page says „Entwurf“ also while it has problems."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port another program listens on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield int(other.getsockname()[1])


def _serve(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # a subprocess: a serve that does not stop at a busy port would block the test run
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--root", str(root), "serve", *args],
                          capture_output=True, text=True, timeout=300, check=False)


def test_a_busy_port_is_a_german_usage_error_before_anything_is_built(project_copy: Callable[[str], Path],
                                                                      busy_port: int) -> None:
    root = project_copy("mini")
    done = _serve(root, "--port", str(busy_port))
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert f"Der Port {busy_port} ist schon belegt" in done.stderr, said
    assert "nox -s serve -- --port " in done.stderr, said
    assert "Errno" not in said and "Traceback" not in said and "http://" not in said, said
    assert not (root / "build" / ".work" / "serve").exists(), "nothing is built for a port that cannot be used"


@pytest.mark.parametrize("host", ["gibt-es-nicht.invalid", "256.1.1.1"])
def test_an_unknown_host_is_a_german_usage_error(project_copy: Callable[[str], Path], host: str) -> None:
    root = project_copy("mini")
    done = _serve(root, "--host", host)
    assert done.returncode == 2, done.stderr
    assert f"Die Adresse „{host}“ gibt es auf diesem Rechner nicht" in done.stderr
    assert "--host" in done.stderr and "Traceback" not in done.stderr


def test_the_port_check_suggests_a_free_port(busy_port: int) -> None:
    from pipeline.html.serve import port_problem

    text, hint = port_problem("127.0.0.1", busy_port) or ("", "")
    suggested = int(hint.split("--port ")[1].split("“")[0])
    assert str(busy_port) in text
    assert suggested != busy_port and port_problem("127.0.0.1", suggested) is None


NOX = shutil.which("nox")


@pytest.mark.skipif(NOX is None, reason="nox is not on PATH")
def test_nox_serve_help_is_german_and_nox_says_nothing_about_uv() -> None:
    """`nox -s serve -- --help` explains --host and --port in German, shows the nox call, and nox picks its
    backend quietly (no „uv binary not found.“ on every session)."""
    env = {k: v for k, v in os.environ.items() if k not in ("UV", "VIRTUAL_ENV")}
    done = subprocess.run([str(NOX), "-f", str(REPO / "noxfile.py"), "-s", "serve", "--", "--help"],
                          capture_output=True, text=True, timeout=900, check=False, env=env, cwd=REPO)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "uv binary not found" not in said
    assert "Aufruf: nox -s serve -- [-h] [--host ADRESSE] [--port PORT]" in said
    assert "Portnummer der Vorschau; Vorgabe: 8000" in " ".join(said.split())


def test_a_rebuild_says_what_changed_in_german_and_does_not_echo_sphinx(project_copy: Callable[[str], Path],
                                                                         capfd: pytest.CaptureFixture[str]) -> None:
    from pipeline.html.serve import Rebuild

    root = project_copy("mini")
    out = root / "build" / ".work" / "serve"
    rebuild = Rebuild((str(root / "docs"), str(out), "-c", str(root), "-d", str(root / "build/.work/dt"), "-q",
                       "-D", "koop_preview=1", "-D", "koop_echo=1"), "127.0.0.1:8123")
    rebuild(changed_paths=[root / "docs/beitraege/leipzig/westen.md"])
    said = capfd.readouterr()
    terminal = said.out + said.err
    assert "Geändert: westen.md – die Vorschau wird neu erzeugt …" in terminal
    assert "Vorschau aktuell: http://127.0.0.1:8123/" in terminal
    assert "-m sphinx" not in terminal and "sphinx-build" not in terminal and "[sphinx-autobuild]" not in terminal
    assert "build succeeded" not in terminal and "Traceback" not in terminal
    assert (out / "beitraege/leipzig/westen.html").is_file()
