"""The pipeline's verdict is the truth: failures stay failures, drafts never block, each output waits
only for errors in what it contains."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from support.projects import replace

from pipeline.cli import main

pytestmark = pytest.mark.slow  # every test builds

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
    assert "1 Fehler in einem Entwurf" in out
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


def test_a_file_restored_with_an_older_mtime_is_read_again(project_copy: Callable[[str], Path],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """What decides a re-read is the content, not the mtime: a backup, a `git checkout` or an editor's undo
    may bring back a file with an older time than the last read (both ways: fixed and broken)."""
    import os

    root = project_copy("mini")
    path = root / W
    good, old = path.read_text(encoding="utf-8"), path.stat()
    broken = good + "\n```{admonition}\nOhne Titel.\n```\n"

    def write(text: str, keep_mtime: bool) -> None:
        path.write_text(text, encoding="utf-8")
        if keep_mtime:
            os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))

    assert run(root, capsys, "check")[0] == 0
    write(broken, keep_mtime=False)
    status, out = run(root, capsys, "check")
    assert status == 1 and "[koop.directive_argument]" in out
    write(good, keep_mtime=True)  # restored: older than the last read
    status, out = run(root, capsys, "check")
    assert status == 0, out
    write(broken, keep_mtime=True)  # broken again, still with the old time
    status, out = run(root, capsys, "check")
    assert status == 1 and "[koop.directive_argument]" in out
    status, out = run(root, capsys, "html")
    assert status == 1 and errors(out), out
    write(good, keep_mtime=True)
    status, out = run(root, capsys, "html")
    assert status == 0, out
    assert "Hauswächter" in (root / "build/html/beitraege/leipzig/westen.html").read_text(encoding="utf-8")


def test_a_typst_error_is_located_at_the_construct_s_line(project_copy: Callable[[str], Path],
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the translator ever write something Typst rejects, the message names the source line of the
    construct (through the translator's source map), not line 1."""
    from pipeline.typst import translator

    monkeypatch.setattr(translator.TypstTranslator, "depart_rubric",
                        lambda self, node: self.add(f"\n#gibtesnicht[{self.pop()}]\n\n"))
    root = project_copy("mini")
    lines = (root / W).read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("## Vorgehen"))
    lines[at:at] = ["```{rubric} Eine Rubrik", "```", ""]
    (root / W).write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out = run(root, capsys, "pdf")
    assert status == 1
    assert f"{W}:{at + 1}: Fehler [koop.typst]: " in out and "gibtesnicht" in out, out


def test_in_process_runs_leave_no_state_behind(project_copy: Callable[[str], Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Every Sphinx app used to add its message catalogues as one more fallback to the process-wide
    translators (walked recursively: a few hundred `check` runs in one process hit the recursion limit),
    and conf.py one more entry to `sys.path`. After each run the process is as before."""
    import logging
    import sys

    from docutils.parsers.rst import directives, roles
    from sphinx import locale

    def chain(translator: object) -> int:
        n = 0
        while translator is not None:
            n, translator = n + 1, getattr(translator, "_fallback", None)
        return n

    def state() -> tuple[int, ...]:
        sphinx_logger = logging.getLogger("sphinx")
        return (max((chain(t) for t in locale.translators.values()), default=0), len(locale.translators),
                len(sys.path), len(directives._directives), len(roles._roles),  # type: ignore[attr-defined]
                len(sphinx_logger.handlers), sum(len(h.filters) for h in sphinx_logger.handlers))

    root = project_copy("mini")
    seen = []
    for _ in range(50):
        assert run(root, capsys, "check")[0] == 0
        seen.append(state())
    assert len(set(seen)) == 1, seen[:3] + seen[-3:]
