"""The pipeline's verdict is the truth: failures stay failures, drafts never block, each output waits
only for errors in what it contains."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from test_diagnostics import replace

from pipeline.cli import main

W = "docs/beitraege/leipzig/westen.md"
H = "docs/beitraege/nuernberg/hospitation.md"


def run(root: Path, capsys: pytest.CaptureFixture[str], *command: str) -> tuple[int, str]:
    status = main(["--root", str(root), *command])
    out = capsys.readouterr()
    return status, out.out + out.err


def errors(output: str) -> list[str]:
    return sorted(set(re.findall(r"^\S+:\d+: Fehler \[koop\.\w+\].*$", output, re.MULTILINE)))


def test_a_failed_build_stays_failed_until_the_source_is_fixed(project_copy: Callable[[str], Path],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Sphinx warns only when it reads a file; the second run must fail with the same message anyway."""
    root = project_copy("mini")
    good = (root / W).read_text(encoding="utf-8")
    (root / W).write_text(good + "\n```{admonition}\nOhne Titel.\n```\n", encoding="utf-8")
    status, first = run(root, capsys, "build")
    assert status == 1
    assert errors(first) and all(W in e for e in errors(first)), first
    assert "[koop.directive_argument]" in first and "Traceback" not in first
    for command in ("build", "html", "check"):
        status, again = run(root, capsys, command)
        assert status == 1, command
        assert errors(again) == errors(first), command
    assert not (root / "build/html").exists() and not (root / "build/pdf").exists()
    (root / W).write_text(good, encoding="utf-8")
    status, fixed = run(root, capsys, "build")
    assert status == 0, fixed
    assert (root / "build/html/beitraege/leipzig/westen.html").is_file()


def test_a_draft_is_checked_and_never_published(project_copy: Callable[[str], Path],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    replace(H, "projektfamilien: [staerkung-der-innenstadt]",
            "projektfamilien: [staerkung-der-innenstadt]\nstatus: entwurf")(root)
    replace(H, "Eine Hospitation", "TODO Einleitung schreiben.\n\nEntwurfswort. Eine Hospitation")(root)
    status, out = run(root, capsys, "check")
    assert status == 0, out
    assert re.search(rf"^{H}:\d+: Fehler \[koop\.todo\]", out, re.MULTILINE), out
    assert "1 Fehler in 1 Entwurf" in out
    status, out = run(root, capsys, "build")
    assert status == 0, out
    html = root / "build/html"
    assert not (html / "beitraege/nuernberg/hospitation.html").exists()
    published = [p for p in html.rglob("*") if p.is_file() and p.suffix in (".html", ".js", ".json", ".inv", ".txt")]
    assert published
    for page in published:
        content = page.read_text(encoding="utf-8", errors="replace")
        assert "Entwurfswort" not in content and "Zwei Wochen in Leipzig" not in content, page
    for book in (root / "build/epub").glob("*.epub"):
        with zipfile.ZipFile(book) as z:
            assert not any("hospitation" in n for n in z.namelist()), book
    assert (root / "build/pdf/koopblatt-1.pdf").is_file()


def test_the_preview_shows_drafts_with_a_banner(project_copy: Callable[[str], Path]) -> None:
    from pipeline.outputs import work_dir
    from pipeline.sphinx_ext.runner import run_sphinx

    root = project_copy("mini")
    replace(H, "projektfamilien: [staerkung-der-innenstadt]",
            "projektfamilien: [staerkung-der-innenstadt]\nstatus: entwurf")(root)
    out = work_dir(root, "vorschau")
    run_sphinx(root, "html", out, {"koop_preview": "1"}, doctrees="doctrees-vorschau")
    page = (out / "beitraege/nuernberg/hospitation.html").read_text(encoding="utf-8")
    assert "Entwurf." in page and "nicht freigegeben" in page


def test_an_error_blocks_only_the_outputs_that_contain_it(project_copy: Callable[[str], Path],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The Hospitation is in the handbook but not in koopBLATT No. 1: the issue is still made."""
    root = project_copy("mini")
    replace(H, "art: hospitation", "art: hospitationen")(root)
    status, out = run(root, capsys, "build")
    assert status == 1
    assert f"{H}:6: Fehler [koop.art]" in out
    assert (root / "build/pdf/koopblatt-1.pdf").is_file() and (root / "build/pdf/koopblatt-1-druck.pdf").is_file()
    assert (root / "build/epub/koopblatt-1.epub").is_file()
    assert not (root / "build/epub/handbuch.epub").exists()
    assert not (root / "build/html").exists()
    assert "handbuch.epub: nicht erneuert" in out and "Das Handbuch wurde nicht erneuert" in out


def test_epubcheck_finding_is_located(project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """epubcheck's English finding reaches the editor as a German diagnostic at the contribution; the book waits."""
    import pipeline.epub.check as check

    def finding(paths: list[Path]) -> dict[Path, list[str]]:
        return {p: ([f"{p.name}: ERROR RSC-005: beitraege/leipzig/westen.xhtml(12,5): Error while parsing file"]
                    if p.name == "koopblatt-1.epub" else []) for p in paths}

    monkeypatch.setattr(check, "epubcheck_many", finding)
    root = project_copy("mini")
    status, out = run(root, capsys, "epub")
    assert status == 1
    assert (f"{W}:1: Fehler [koop.epubcheck]: Das E-Book „koopblatt-1.epub“ ist nicht gültig: koopblatt-1.epub: "
            "ERROR RSC-005") in out
    assert (root / "build/epub/handbuch.epub").is_file() and not (root / "build/epub/koopblatt-1.epub").exists()


def test_suppress_warnings_works_for_koop_codes(project_copy: Callable[[str], Path],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Findings carry type "koop" and their code as subtype, so Sphinx's `suppress_warnings` applies."""
    root = project_copy("mini")
    (root / W).write_text((root / W).read_text(encoding="utf-8") + "\n```{admonition}\nOhne Titel.\n```\n",
                          encoding="utf-8")
    status, out = run(root, capsys, "check")
    assert status == 1 and "[koop.directive_argument]" in out
    conf = root / "conf.py"
    setting = '\nsuppress_warnings = ["koop.directive_argument"]\n'
    conf.write_text(conf.read_text(encoding="utf-8") + setting, encoding="utf-8")
    status, out = run(root, capsys, "check")
    assert "[koop.directive_argument]" not in out, out


def test_a_crash_of_the_engine_is_a_german_message(project_copy: Callable[[str], Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Even a broken installation (here: an extension that fails to load) is a German message, not a traceback."""
    root = project_copy("mini")
    conf = root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"pipeline.probe",', '"pipeline.probe", "gibt_es_nicht",'),
                    encoding="utf-8")
    status, out = run(root, capsys, "build")
    assert status == 1
    assert "conf.py:1: Fehler [koop.internal]: Die Pipeline selbst ist auf einen Fehler gestoßen" in out
    assert "Traceback" not in out
