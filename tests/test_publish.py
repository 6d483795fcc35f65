"""`nox -s publish -- <ziel>`: releases, the one switch, keeping, going back, refusing (pipeline/publish.py)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.projects import copy_project

from pipeline import messages as M
from pipeline import publish as P
from pipeline.cli import main
from pipeline.html.build import build_html
from pipeline.validate import validate_project

SLOW_FIXTURES = {"built"}  # builds real outputs: tests using it are `slow` (conftest)


def run(root: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--root", str(root), "publish", *args])
    return status, out.getvalue(), err.getvalue()


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def current(target: Path) -> str:
    return Path(os.readlink(target / "current")).name


def small_pdf(path: Path, title: str) -> None:
    """A one-page PDF standing in for Typst's output: the handbook offers what build/pdf holds."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    with pdf.open_metadata() as meta:
        meta["dc:title"] = title
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(path, deterministic_id=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project's handbook, built once, offering the issue's PDFs for download."""
    root = copy_project("mini", tmp_path_factory.mktemp("publish"))
    for name in ("koopblatt-1.pdf", "koopblatt-1-druck.pdf"):
        small_pdf(root / "build/pdf" / name, name)
    assert build_html(root).status == 0
    assert (root / "build/html/downloads/koopblatt-1.pdf").is_file()
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    """A copy of the built project for one test to change."""
    root = tmp_path / "projekt"
    shutil.copytree(built, root, symlinks=True)
    return root


def edit(root: Path, old: str, new: str, doc: str = "docs/beitraege/leipzig/westen.md") -> None:
    source = root / doc
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_publish_twice_then_back(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "www"
    status, out, _ = run(project, str(target))
    assert status == 0, out
    first = current(target)
    live = target / "current"
    assert files(live) == files(project / "build/html")  # the handbook as built, downloads included
    assert (live / "downloads/koopblatt-1.pdf").read_bytes() == (project / "build/pdf/koopblatt-1.pdf").read_bytes()
    assert f"releases/{first}" in out
    # a changed case, built again, published again
    edit(project, "## Vorgehen", "Quartiersgarage.\n\n## Vorgehen")
    assert build_html(project, validate_project(project)).status == 0
    assert run(project, str(target))[0] == 0
    second = current(target)
    assert second > first and sorted(p.name for p in (target / "releases").iterdir()) == [first, second]
    assert b"Quartiersgarage" in (live / "beitraege/leipzig/westen.html").read_bytes()
    assert b"Quartiersgarage" not in (target / "releases" / first / "beitraege/leipzig/westen.html").read_bytes()
    # what did not change is shared with the previous release, not copied
    same = "downloads/koopblatt-1.pdf"
    assert (target / "releases" / first / same).stat().st_ino == (live / same).stat().st_ino
    # back to the first, and no further
    status, out, _ = run(project, str(target), "--zurueck")
    assert status == 0 and current(target) == first
    assert out.strip() == M.PUBLISH_BACK_DONE.format(target, first, second)
    assert b"Quartiersgarage" not in (live / "beitraege/leipzig/westen.html").read_bytes()
    status, _, err = run(project, str(target), "--zurueck")
    assert status == 1 and M.PUBLISH_NO_PREVIOUS.format(target) in err and current(target) == first


def test_refused_while_released_content_has_errors(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "www"
    assert run(project, str(target))[0] == 0
    before = current(target), files(target / "current")
    case = "docs/beitraege/nuernberg/hospitation.md"  # released, in no issue: it is in the handbook only
    edit(project, "themenfeld: urbane-lebensqualitaet", "themenfeld: kultur", case)
    status, out, err = run(project, str(target))
    assert status == 1 and out == ""
    assert f"{case}:7: Fehler [koop.themenfeld]" in err  # the check's report
    assert f"{M.ERROR_PREFIX}: {M.PUBLISH_REFUSED}" in err
    assert (current(target), files(target / "current")) == before
    assert len(list((target / "releases").iterdir())) == 1
    # the same file as a draft: its errors hold nothing back (as in `check`)
    edit(project, "title:", "status: entwurf\ntitle:", case)
    assert run(project, str(target))[0] == 0


def test_refused_without_a_good_build(project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    root = project_copy("mini")
    status, _, err = run(root, str(tmp_path / "www"))
    assert status == 1 and M.PUBLISH_NO_BUILD in err and M.PUBLISH_NO_BUILD_HINT in err
    assert not (tmp_path / "www").exists()


def test_usage_and_target_errors(project: Path, tmp_path: Path) -> None:
    afile = tmp_path / "datei"
    afile.write_text("x")
    assert run(project, str(afile))[0] == 2
    for bad in ("0", "-1", "zwei"):
        with pytest.raises(SystemExit) as exit_:
            run(project, str(tmp_path / "www"), "--behalten", bad)
        assert exit_.value.code == 2
    occupied = tmp_path / "belegt"
    (occupied / "current").mkdir(parents=True)  # a directory someone made by hand
    status, _, err = run(project, str(occupied))
    assert status == 1 and M.PUBLISH_CURRENT_NOT_LINK.format(occupied / "current") in err
    status, _, err = run(project, str(tmp_path / "leer"), "--zurueck")
    assert status == 1 and M.PUBLISH_NOTHING.format(tmp_path / "leer") in err


def test_a_handbook_built_before_the_post_step_is_finished_before_it_goes_out(project: Path, tmp_path: Path) -> None:
    site = project / "build/html"
    shutil.rmtree(site)
    shutil.copytree(project / "build/.work/html", site, ignore=shutil.ignore_patterns(".koop-*"))  # as Sphinx wrote it
    assert run(project, str(tmp_path / "www"))[0] == 0
    live = tmp_path / "www/current"
    assert (live / "index.html.br").is_file()
    assert re.search(r'src="_static/[^"]+\.[0-9a-f]{12}\.js"', (live / "index.html").read_text(encoding="utf-8"))
    assert files(live) == files(site)


def test_newer_downloads_than_the_handbook_are_named(project: Path, tmp_path: Path) -> None:
    pdf = project / "build/pdf/koopblatt-1.pdf"
    offered = (project / "build/html/downloads/koopblatt-1.pdf").read_bytes()
    pdf.write_bytes(offered + b"\n%neu")
    status, _, err = run(project, str(tmp_path / "www"))
    assert status == 0 and M.PUBLISH_STALE_DOWNLOAD.format("build/pdf/koopblatt-1.pdf") in err
    assert (tmp_path / "www/current/downloads/koopblatt-1.pdf").read_bytes() == offered


def test_keeps_the_newest_releases_and_the_current_one(project: Path, tmp_path: Path) -> None:
    target = P.Local(tmp_path / "www")
    published = [P.publish(project, target, keep=3) for _ in range(6)]
    assert [kept for _, kept in published] == [1, 2, 3, 3, 3, 3]
    made = [release for release, _ in published]
    assert sorted(p.name for p in (tmp_path / "www/releases").iterdir()) == made[-3:]
    P.roll_back(target)
    P.roll_back(target)
    assert current(tmp_path / "www") == made[-3]
    newest, _ = P.publish(project, target, keep=2)
    assert sorted(p.name for p in (tmp_path / "www/releases").iterdir()) == [made[-1], newest]


def replace_stylesheet(site: Path) -> tuple[str, str]:
    """A new build whose main stylesheet has a new name (the pages still name the old one here: what a page
    loaded before the switch asks for); the old and the new name."""
    [old_css] = [p for p in (site / "_static").glob("koop.*.css") if P.HASHED.search(p.name)]
    for variant in (old_css, *old_css.parent.glob(old_css.name + ".*")):
        variant.unlink()
    new_css = old_css.with_name("koop.0123456789ab.css")
    new_css.write_text("body{}", encoding="utf-8")
    return old_css.name, new_css.name


def test_previous_hashed_assets_stay_reachable(project: Path, tmp_path: Path) -> None:
    """A page loaded just before the switch asks for the old stylesheet afterwards: it is still there — the
    assets the previous release's pages load, not whatever piled up before."""
    target = P.Local(tmp_path / "www")
    site = project / "build/html"
    (site / "_static/unbenutzt.abcdefabcdef.css").write_text("p{}", encoding="utf-8")  # loaded by no page
    P.publish(project, target)
    (site / "_static/unbenutzt.abcdefabcdef.css").unlink()
    old, new = replace_stylesheet(site)
    P.publish(project, target)
    live = tmp_path / "www/current/_static"
    assert (live / old).read_bytes() and (live / new).is_file() and (live / (old + ".br")).is_file()
    assert not (live / "unbenutzt.abcdefabcdef.css").exists()


def test_current_always_points_to_a_complete_release(project: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = P.Local(tmp_path / "www")
    P.publish(project, target)
    expected = files(project / "build/html")
    seen: list[bool] = []
    done = threading.Event()

    def reader() -> None:  # a web server resolving `current` for every request
        while not done.is_set():
            release = (tmp_path / "www/current").resolve()
            seen.append({p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()}
                        >= set(expected))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for _ in range(4):
            P.publish(project, target, keep=10)
    finally:
        done.set()
        thread.join()
    assert seen and all(seen)
    # a publication that breaks off while copying leaves the live handbook as it was
    live = current(tmp_path / "www")
    calls = 0
    real = shutil.copy2

    def failing(src: str, dst: str, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls > 2:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    edit(project, "## Vorgehen", "Neu.\n\n## Vorgehen")
    assert build_html(project, validate_project(project)).status == 0
    monkeypatch.setattr(P.shutil, "copy2", failing)
    with pytest.raises(OSError):
        P.publish(project, target)
    assert current(tmp_path / "www") == live and files(tmp_path / "www/current") == expected
    assert [p.name for p in (tmp_path / "www/releases").glob(".*.neu")]  # the half copy, not a release
    monkeypatch.undo()
    P.publish(project, target)
    assert not list((tmp_path / "www/releases").glob(".*.neu"))
    assert b"Neu." in (tmp_path / "www/current/beitraege/leipzig/westen.html").read_bytes()


@pytest.fixture
def fake_ssh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An `ssh` that runs the command here: rsync and the remote shell steps take the real way otherwise."""
    assert shutil.which("rsync"), "rsync fehlt (Debian: apt-get install rsync)"
    script = tmp_path / "ssh"
    # rsync calls `ssh -l user host command…`, the pipeline `ssh user@host command`
    script.write_text('#!/bin/sh\nif [ "$1" = -l ]; then shift 2; fi\nshift\nexec sh -c "$*"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("KOOP_SSH", str(script))
    yield


def test_publish_over_ssh_with_rsync(project: Path, tmp_path: Path, fake_ssh: None) -> None:
    remote = tmp_path / "server" / "koopstadt"
    address = f"redaktion@server.example:{remote}"
    status, out, err = run(project, address)
    assert status == 0 and f"{address}" in out, err
    first = current(remote)
    assert files(remote / "current") == files(project / "build/html")
    edit(project, "## Vorgehen", "Quartiersgarage.\n\n## Vorgehen")
    assert build_html(project, validate_project(project)).status == 0
    old, _ = replace_stylesheet(project / "build/html")
    assert run(project, address, "--behalten", "1")[0] == 0
    second = current(remote)
    assert second > first and [p.name for p in (remote / "releases").iterdir()] == [second]
    carried = {f"_static/{old}", f"_static/{old}.br", f"_static/{old}.gz"}
    assert set(files(remote / "current")) == set(files(project / "build/html")) | carried
    assert all(files(remote / "current")[k] == v for k, v in files(project / "build/html").items())
    assert b"Quartiersgarage" in (remote / "current/beitraege/leipzig/westen.html").read_bytes()
    status, _, err = run(project, address, "--zurueck")
    assert status == 1 and M.PUBLISH_NO_PREVIOUS.format(address) in err


def test_over_ssh_without_rsync_is_a_german_message(project: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(P.shutil, "which", lambda name: None)
    status, _, err = run(project, "redaktion@server.example:/srv/koopstadt")
    assert status == 1 and M.PUBLISH_NO_RSYNC.format("redaktion@server.example:/srv/koopstadt") in err


# -- the plan, over generated histories ----------------------------------------------------------------
@given(st.lists(st.integers(min_value=1_700_000_000, max_value=1_700_000_100), min_size=1, max_size=40))
def test_release_names_always_sort_after_the_existing_ones(times: list[int]) -> None:
    """Publications at any times, several in one second, the clock set back: each new name sorts last."""
    names: list[str] = []
    for now in times:
        name = P.new_id(names, now)
        assert P.RELEASE_ID.match(name) and all(name > n for n in names)
        names.append(name)


@given(st.lists(st.booleans(), min_size=1, max_size=30), st.integers(min_value=1, max_value=6))
def test_publish_and_back_keep_the_current_and_the_newest(steps: list[bool], keep: int) -> None:
    """A history of publications (True) and steps back (False): what stays and where `current` points."""
    releases: list[str] = []
    live: str | None = None
    for publish in steps:
        if publish:
            new = P.new_id(releases, 1_700_000_000)
            releases = [r for r in [*releases, new] if r not in P.to_remove([*releases, new], new, keep)]
            live = new
            assert releases[-keep:] == releases and new in releases
        elif live is not None:  # a step back keeps every release; the newer ones stay until pruned
            assert P.to_remove(releases, live, keep) == [r for r in releases[:-keep] if r != live]
        else:
            before = P.previous(releases, live)
            if before is not None:
                assert live is not None and before < live
                live = before
        assert live is None or live in releases
