"""epubcheck kept warm between builds (pipeline/epub/service.py): a service finds what a JVM of the build's own
finds, serves the next request without starting again, ends when idle, and a build checks on its own when it is
gone or cannot start."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.epub import check, service

pytestmark = pytest.mark.slow

GOOD = check.WARM_BOOK
BROKEN = {  # a chapter in the spine that the book does not contain, and a chapter that is not XHTML
    **{k: v for k, v in check.WARM_BOOK.items() if k != "c.xhtml"},
    "content.opf": check.WARM_BOOK["content.opf"].replace(
        '<item id="s" href="s.css"', '<item id="d" href="d.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="s" href="s.css"').replace('<itemref idref="c"/>', '<itemref idref="c"/><itemref idref="d"/>'),
    "d.xhtml": "<html><body><p>nicht wohlgeformt</body></html>",
}


@pytest.fixture
def services(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder of services of this test's own (short: a socket path holds 108 bytes); its JVMs stopped after."""
    folder = Path(tempfile.mkdtemp(prefix="koop-dienst-"))
    folder.chmod(0o700)
    monkeypatch.setattr(service, "base", lambda: folder)
    monkeypatch.setattr(service, "_SPAWNED", [])
    monkeypatch.delenv(service.ENV, raising=False)
    yield folder
    for proc in service._SPAWNED:
        proc.kill()
        proc.wait()
    shutil.rmtree(folder, ignore_errors=True)


def _books(tmp_path: Path) -> list[Path]:
    good, broken = tmp_path / "gut.epub", tmp_path / "kaputt.epub"
    check._write_book(good, GOOD)
    check._write_book(broken, BROKEN)
    return [broken, good]


def _alive() -> list[int]:
    return [p.pid for p in service._SPAWNED if p.poll() is None]


def test_the_service_finds_what_a_jvm_of_its_own_finds(services: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    books = _books(tmp_path)
    first = check.epubcheck_many(books)
    assert len(_alive()) == 1, "the first check starts the service"
    kept = check._service()
    assert kept is not None and kept.socket.is_socket() and kept.folder.parent == services
    second = check.epubcheck_many(books)
    assert len(service._SPAWNED) == 1 and len(_alive()) == 1, "the second is answered by the same JVM"
    monkeypatch.setenv(service.ENV, "aus")
    assert check._service() is None
    own = check.epubcheck_many(books)
    assert first == second == own
    assert own[books[1]] == []
    broken = " ".join(own[books[0]])
    assert "RSC-001" in broken and "d.xhtml" in broken, own  # the missing chapter, at the book's own path
    assert all(f.startswith("kaputt.epub: ") and str(tmp_path) not in f for f in own[books[0]]), own


def _niceness(pid: int) -> set[int]:
    """The nice value of every thread of process `pid` (Linux: field 19 of /proc/<pid>/task/<tid>/stat)."""
    found = set()
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        fields = stat.read_text().rsplit(")", 1)[1].split()
        found.add(int(fields[16]))  # after pid and (comm): state is field 3, nice field 19
    return found


def test_the_jvm_checks_at_the_lowest_priority(services: Path, tmp_path: Path) -> None:
    """Every thread of the service yields to the build (`check.NICE`): it checks on a core the build leaves idle."""
    check.epubcheck_many(_books(tmp_path))
    (pid,) = _alive()
    assert _niceness(pid) == {check.NICE}


def test_the_service_ends_when_idle(services: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(service.ENV, "0,02")  # 1.2 s
    books = _books(tmp_path)
    assert check.epubcheck_many(books)[books[1]] == []
    kept = check._service()
    assert kept is not None and kept.idle_minutes == pytest.approx(0.02)
    deadline = time.monotonic() + 30
    while _alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(), "still running after its idle time"
    assert not kept.socket.exists()
    assert check.epubcheck_many(books)[books[1]] == [], "the next check starts it again"
    assert len(service._SPAWNED) == 2


def test_without_a_service_the_build_checks_on_its_own(services: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A service that cannot start (here: a command that ends at once) or a socket nobody listens on: the books
    are checked all the same, with the same findings."""
    books = _books(tmp_path)
    monkeypatch.setattr(check, "_serve_command", lambda kept: ["true"])
    alone = check.epubcheck_many(books)
    assert service._SPAWNED and not _alive()
    kept = check._service()
    assert kept is not None and not kept.socket.exists()
    kept.socket.write_text("kein Socket")
    assert check.epubcheck_many(books) == alone
    assert "RSC-001" in " ".join(alone[books[0]]) and alone[books[1]] == []


def test_a_folder_others_may_enter_is_not_used(services: Path) -> None:
    services.chmod(0o755)
    assert service.configured("schlüssel") is None
    services.chmod(0o700)
    assert service.configured("schlüssel") is not None


def test_another_epubcheck_gets_a_service_of_its_own(services: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """epubcheck installed anew where it was (another version): not answered by the service of the old one."""
    home = tmp_path / "epubcheck"
    shutil.copytree(check._jar(), home)
    monkeypatch.setattr(check, "_jar", lambda: home)
    first = check._service()
    os.utime(home / "epubcheck.jar", ns=(1, 1))
    second = check._service()
    assert first is not None and second is not None and first.folder != second.folder
