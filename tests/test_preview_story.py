"""The preview tells one story (issue 18, section 3): `nox -s serve` checks its port first and speaks German;
the problem list looks like the handbook, links every message to its page and counts what it lists;
a draft page says „Entwurf“ also while it has problems."""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


# -- the problem list, the banner and the draft banner, as a reader of the preview sees them ---------------------
DRAFT = "docs/beitraege/leipzig/entwurf.md"
DRAFT_TEXT = """---
title: Ein Entwurf mit Problemen
authors:
  - name: Erika Muster
    affiliation: Stadt Leipzig
date: 2014-01-02
abstract: Kurz.
art: praxisfall
themenfeld: oekonomische-innovation
projektfamilien: [zwischennutzung]
status: entwurf
---

Einleitung ohne Fehler.

## Vorgehen

Text mit [kaputtem Link](../bremen/zwischn.md) und ქართული.

## Ergebnisse

Noch ein {cite:p}`unbekannt` Fehler.
"""


def _preview(root: Path) -> Path:
    from pipeline.outputs import work_dir
    from pipeline.sphinx_ext.runner import run_sphinx

    out = work_dir(root, "serve")
    run_sphinx(root, "html", out, {"koop_preview": "1"}, doctrees="doctrees-serve")
    return out


def _soup(page: Path) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _banner(page: Path) -> str:
    link = _soup(page).select_one(".bd-header-announcement a")
    assert link is not None, f"no banner on {page}"
    return str(link.get_text(" ", strip=True))


def _listed(out: Path) -> list[Any]:
    return list(_soup(out / "probleme.html").select("main li.fehler, main li.hinweis"))


@pytest.fixture
def troubled(project_copy: Callable[[str], Path]) -> Path:
    """The mini project with a draft full of problems, a Hinweis and an error in a released contribution."""
    root = project_copy("mini")
    (root / DRAFT).write_text(DRAFT_TEXT, encoding="utf-8")
    westen = root / "docs/beitraege/leipzig/westen.md"
    westen.write_text(westen.read_text(encoding="utf-8").replace(
        "abstract: Hauswächter sichern leerstehende Gründerzeithäuser in Lindenau.",
        "abstract: Eins. Zwei. Drei. Vier.").replace("art: praxisfall", "art: praxisfal"), encoding="utf-8")
    return root


def test_the_banner_counts_what_the_list_shows_on_every_page(troubled: Path) -> None:
    from support.wording import numerus_faults

    out = _preview(troubled)
    listed = _listed(out)
    errors = sum("fehler" in li["class"] for li in listed)
    notes = len(listed) - errors
    assert errors >= 4 and notes == 1, [li.get_text() for li in listed]
    expected = f"Vorschau: {errors} Fehler, 1 Hinweis im Projekt – zur Liste"
    pages = sorted(p for p in out.rglob("*.html") if not p.relative_to(out).parts[0].startswith("_"))
    assert len(pages) > 5
    for page in pages:
        assert _banner(page) == expected, page
    assert not numerus_faults(expected)
    # fixed in an incremental run: pages Sphinx does not write again count the same as the new list
    westen = troubled / "docs/beitraege/leipzig/westen.md"
    westen.write_text(westen.read_text(encoding="utf-8").replace("art: praxisfal", "art: praxisfall"),
                      encoding="utf-8")
    _preview(troubled)
    again = _listed(out)
    assert len(again) < len(listed)
    errors = sum("fehler" in li["class"] for li in again)
    for page in (out / "index.html", out / "beitraege/bremen/zwischen.html", out / "probleme.html"):
        assert _banner(page) == f"Vorschau: {errors} Fehler, 1 Hinweis im Projekt – zur Liste", page


def test_the_problem_list_is_a_page_of_the_handbook(troubled: Path) -> None:
    out = _preview(troubled)
    listing, index = _soup(out / "probleme.html"), _soup(out / "index.html")
    assert listing.html["lang"] == "de"
    assert "Probleme im Projekt (Vorschau)" in [h.get_text(strip=True) for h in listing.select("main h1")]
    # the same theme: its stylesheets, the sidebar with the handbook's navigation, the search field
    sheets = {link["href"].split("?")[0] for link in index.select("link[rel=stylesheet]")}
    assert sheets <= {link["href"].split("?")[0] for link in listing.select("link[rel=stylesheet]")}
    nav = [a.get_text(strip=True) for a in index.select(".bd-sidebar-primary nav a")]
    assert nav and [a.get_text(strip=True) for a in listing.select(".bd-sidebar-primary nav a")] == nav
    assert listing.select_one(".bd-sidebar-primary input[type=search]") is not None
    # one section per file, the draft marked
    files = [h.get_text(" ", strip=True) for h in listing.select("main section h2")]
    assert f"{DRAFT} Entwurf" in files and "docs/beitraege/leipzig/westen.md" in files


def test_every_message_links_to_its_page_and_line(troubled: Path) -> None:
    from support.wording import LEFTOVER, QUOTED

    out = _preview(troubled)
    listed = _listed(out)
    assert listed
    for li in listed:
        assert not LEFTOVER.findall(QUOTED.sub("", li.get_text())), li.get_text()  # as built, not only as checked
        where = li.code.get_text()
        path, line = where.rsplit(":", 1)
        link = li.a
        if not path.startswith(("docs/", "koopblatt/")):  # literatur.bib, conf.py: no page shows them
            assert link is None and li.find_parent("section").select_one(".koop-ohne-seite") is not None
            continue
        assert link is not None and link.code is not None, f"{where} has no link"
        page, _, fragment = link["href"].partition("#")
        assert (out / page).is_file(), f"{where} links to {page}, which the preview does not have"
        if path.startswith("koopblatt/"):  # an issue's files: its page (or the koopBLATT page while it is held)
            assert page.startswith("ausgaben/") and not fragment
            continue
        target = _soup(out / page)
        assert target.find(id=fragment) is not None, f"{where}: #{fragment} is not on {page}"
        assert page == path.removeprefix("docs/").replace(".md", ".html")
        if fragment.startswith("zeile-"):
            assert fragment == f"zeile-{line}"
        else:  # front matter: the box at the top of the page, which quotes the message
            assert fragment == "koop-probleme" and where in target.find(id=fragment).get_text()
    body = [li for li in listed if li.code.get_text() in (f"{DRAFT}:18", f"{DRAFT}:22")]
    assert len(body) >= 3 and all("#zeile-" in li.a["href"] for li in body)


def test_a_draft_page_says_entwurf_also_while_it_has_problems(troubled: Path) -> None:
    out = _preview(troubled)
    page = _soup(out / "beitraege/leipzig/entwurf.html")
    banner = page.select_one("main .koop-entwurf")
    assert banner is not None and banner.get_text(" ", strip=True).startswith("Entwurf.")
    problems = page.select_one("main .koop-probleme")
    assert problems is not None and "[koop.cite_unknown]" in problems.get_text()
    order = [el for el in page.select("main .koop-entwurf, main .koop-probleme")]
    assert order[0] is banner, "„Entwurf“ comes first, then what to fix"


def test_without_problems_the_banner_says_so_and_is_not_red(project_copy: Callable[[str], Path]) -> None:
    from pipeline import messages as M

    out = _preview(project_copy("mini"))
    assert _listed(out) == []
    for page in (out / "index.html", out / "beitraege/leipzig/westen.html", out / "probleme.html"):
        link = _soup(page).select_one(".bd-header-announcement a")
        assert link.get_text(" ", strip=True) == M.PREVIEW_BANNER_NONE and "koop-vorschau-ok" in link["class"]
    assert "Keine Fehler und keine Hinweise" in _soup(out / "probleme.html").select_one("main").get_text()


def test_the_list_says_what_check_says(troubled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One story: the preview's list holds exactly the messages `nox -s check` prints, no more, no fewer."""
    import re

    from pipeline.cli import main

    main(["--root", str(troubled), "check"])
    said = capsys.readouterr().err
    checked = {line for line in said.splitlines() if re.match(r"^\S+:\d+: (Fehler|Hinweis) \[koop\.", line)}
    out = _preview(troubled)
    listed = set()
    for li in _listed(out):
        where = li.code.get_text()
        listed.add(f"{where}: {li.get_text().strip()[len(where):].strip()}")
    assert listed == checked


def test_a_port_taken_during_the_first_build_is_said_in_german(project_copy: Callable[[str], Path],
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capfd: pytest.CaptureFixture[str]) -> None:
    """The port was free when `serve` checked it; another program took it while the first build ran."""
    from pipeline.html import serve

    root = project_copy("mini")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    taken: list[socket.socket] = []

    def build_while_another_takes_the_port(self: object, **kwargs: object) -> None:
        other = socket.socket()
        other.bind(("127.0.0.1", port))
        other.listen()
        taken.append(other)

    monkeypatch.setattr(serve.Rebuild, "__call__", build_while_another_takes_the_port)
    try:
        # in a thread of its own, as in its own process: a session's browser tests leave an event loop running
        # in this thread (Playwright's sync API), on which uvicorn could not start its own
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            assert pool.submit(serve.serve, root, "127.0.0.1", port).result() == 2
    finally:
        for other in taken:
            other.close()
    said = capfd.readouterr()
    assert f"Der Port {port} ist schon belegt" in said.err
    assert "Errno" not in said.out + said.err and "ERROR" not in said.out + said.err
