"""`nox -s new`: a scaffolded contribution is complete, commented, checkable – and builds once filled in."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from support.htmlutil import article, text
from support.projects import fill_todos

from pipeline import bib
from pipeline.cli import main
from pipeline.frontmatter import split
from pipeline.model import FIELD_KEYS
from pipeline.scaffold import new
from pipeline.schema import ContributionFields, specs
from pipeline.taxonomy import load
from pipeline.validate import validate_project


def problems_of(root: Path, path: str) -> list[tuple[str, str]]:
    return [(p.code, p.message) for p in validate_project(root).problems if p.path == path]


def test_new_contribution_is_complete_and_only_todos_are_reported(
        project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    assert main(["--root", str(root), "new", "leipzig", "gruenau"]) == 0
    out = capsys.readouterr().out
    assert "Neuer Beitrag angelegt: docs/beitraege/leipzig/gruenau.md" in out
    assert "Platzhalterbild: docs/beitraege/leipzig/bilder/gruenau-abbildung.svg" in out
    assert "Nächste Schritte:" in out and "nox -s check" in out

    problems = problems_of(root, "docs/beitraege/leipzig/gruenau.md")
    assert {code for code, _ in problems} == {"todo"}
    flagged = [re.sub(r"^„(.+)“ ist noch nicht ausgefüllt \(TODO\)\.$", r"\1", m) for _, m in problems]
    assert flagged[:7] == ["title", "authors", "abstract", "art", "themenfeld", "projektfamilien",
                           "TODO Einleitung. Literatur aus docs/lite"]
    assert "bilder/gruenau-abbildung.svg :alt:" in flagged
    assert "TODO Text der Fußnote." in flagged and "TODO Bildunterschrift in einem Satz." in flagged
    assert flagged.count("TODO") == 3  # the empty sections


def test_front_matter_has_every_key_and_the_taxonomy_as_comments(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert new(root, "bremen", "hafen") == 0
    content = (root / "docs/beitraege/bremen/hafen.md").read_text(encoding="utf-8")
    source, _, _, _ = split(content)
    assert source is not None
    data = yaml.safe_load(source)
    assert list(data) == list(FIELD_KEYS)
    assert data["stadt"] == "bremen" and data["license"] == "CC BY 4.0"
    assert data["status"] == "entwurf"  # checked and previewed, never published until released
    assert str(data["art"]).startswith("TODO")
    comments = "\n".join(line for line in source.splitlines() if line.startswith("#"))
    tax = load()
    for ids in (tax.kinds, tax.fields, tax.families, tax.tasks, tax.cities):
        for ident, entry in ids.items():
            assert re.search(rf"^#\s+{re.escape(ident)}\s+{re.escape(entry.label)}$", comments, re.MULTILINE), ident
    assert "Pflicht" in comments and "z. B." in comments
    for spec in specs(ContributionFields):  # the comments are the schema's help texts
        assert f"# {spec.help} – {spec.need}; z. B. " in comments, spec.name


def test_body_has_sections_a_figure_a_citation_and_a_footnote(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert new(root, "leipzig", "plagwitz") == 0
    body = split((root / "docs/beitraege/leipzig/plagwitz.md").read_text(encoding="utf-8"))[2]
    assert re.findall(r"^## (.+)$", body, re.MULTILINE)[:2] == ["Ausgangslage", "Vorgehen"]
    assert ":::{figure} bilder/plagwitz-abbildung.svg\n:alt: TODO" in body
    cited = re.findall(r"\{cite:p\}`([^`]+)`", body)
    keys = bib.load(root / "docs/literatur.bib", "docs/literatur.bib").refs
    assert cited and all(key in keys for key in cited)
    assert "[^1]" in body and "\n[^1]: " in body
    svg = ET.parse(root / "docs/beitraege/leipzig/bilder/plagwitz-abbildung.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"


def test_umlauts_are_transliterated(project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    assert new(root, "Nürnberg", "Südstadt Höfe") == 0
    assert (root / "docs/beitraege/nuernberg/suedstadt-hoefe.md").is_file()
    assert "Kurzname „Südstadt Höfe“ wird als „suedstadt-hoefe“ geschrieben." in capsys.readouterr().out


def test_refuses_to_overwrite(project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    file = root / "docs/beitraege/leipzig/westen.md"
    before = file.read_bytes()
    assert new(root, "leipzig", "westen") == 1
    assert "Fehler: Den Beitrag „docs/beitraege/leipzig/westen.md“ gibt es schon; er wird nicht überschrieben." \
        in capsys.readouterr().err
    assert file.read_bytes() == before


def test_slug_of_another_city_is_refused(project_copy: Callable[[str], Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    assert new(root, "bremen", "westen") == 1
    assert "Den Kurznamen „westen“ gibt es schon in „docs/beitraege/leipzig/westen.md“" in capsys.readouterr().err
    assert not (root / "docs/beitraege/bremen/westen.md").exists()


def test_unknown_city_is_a_usage_error_with_suggestion(project_copy: Callable[[str], Path],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    assert main(["--root", str(root), "new", "Leipzg", "gruenau"]) == 2
    err = capsys.readouterr().err
    assert "Aufruf fehlerhaft: Die Stadt „Leipzg“ gibt es nicht." in err
    assert "Hinweis: Meinten Sie „leipzig“?" in err
    assert not list((root / "docs/beitraege").rglob("gruenau*"))


@pytest.mark.parametrize("slug", ["../etwas", "a/b", "bericht.md", "!!!", " "])
def test_invalid_slug_is_a_usage_error(project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str],
                                       slug: str) -> None:
    root = project_copy("mini")
    before = sorted((root / "docs").rglob("*"))
    assert new(root, "leipzig", slug) == 2
    assert "ist als Kurzname ungeeignet" in capsys.readouterr().err
    assert sorted((root / "docs").rglob("*")) == before


def test_filled_in_scaffold_builds(project_copy: Callable[[str], Path]) -> None:
    from pipeline.html.build import build_html

    root = project_copy("mini")
    assert new(root, "nuernberg", "hofschule") == 0
    fill_todos(root / "docs/beitraege/nuernberg/hofschule.md")
    assert problems_of(root, "docs/beitraege/nuernberg/hofschule.md") == []
    assert build_html(root).status == 0
    page = article(root, "beitraege/nuernberg/hofschule")
    content = text(page)
    assert "Lernen im Hof" in content and "Ausgangslage" in content
    assert "(Leipzig-Charta 2007)" in content  # the citation example resolves
    assert "Zeilen mit „%“" not in content  # instructions are comments, not text
    assert page.find("img", alt="Skizze des Innenhofs mit Beeten.") is not None


# -- copies of a contribution as a starting point -------------------------------------------------------------

W = "docs/beitraege/leipzig/westen.md"


def _git(root: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main",
                    *args], cwd=root, check=True, capture_output=True)


def _duplicates(root: Path) -> dict[str, set[str]]:
    """Path → the duplicate codes reported on it."""
    out: dict[str, set[str]] = {}
    for p in validate_project(root).problems:
        if p.code in ("label_duplicate", "title_duplicate", "slug_duplicate"):
            out.setdefault(p.path, set()).add(p.code)
    return out


def test_a_copy_in_git_gets_the_duplicates_not_the_released_original(project_copy: Callable[[str], Path]) -> None:
    """A verbatim copy, released and sorting before the original: git says which file is new (not yet added)."""
    root = project_copy("mini")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Ausgangsstand")
    copy = root / "docs/beitraege/bremen/aaa-westen.md"
    copy.write_text((root / W).read_text(encoding="utf-8"), encoding="utf-8")
    found = _duplicates(root)
    assert found == {"docs/beitraege/bremen/aaa-westen.md": {"label_duplicate", "title_duplicate"}}
    title = next(p for p in validate_project(root).problems if p.code == "title_duplicate")
    assert title.format() == (
        "docs/beitraege/bremen/aaa-westen.md:2: Hinweis [koop.title_duplicate]: Den Titel „Wächterhäuser im Westen“ "
        f"trägt schon „{W}“. Hinweis: Ist die Datei eine Kopie als Vorlage? Geben Sie ihr einen eigenen Titel.")
    _git(root, "add", "-A")  # once committed, the older file stays the original
    _git(root, "commit", "-q", "-m", "Kopie")
    assert set(_duplicates(root)) == {"docs/beitraege/bremen/aaa-westen.md"}


def test_a_draft_copy_gets_the_duplicates_without_git(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    text = (root / W).read_text(encoding="utf-8").replace("\nart:", "\nstatus: entwurf\nart:", 1)
    (root / "docs/beitraege/bremen/aaa-westen.md").write_text(text, encoding="utf-8")
    assert _duplicates(root) == {"docs/beitraege/bremen/aaa-westen.md": {"label_duplicate", "title_duplicate"}}


def test_new_from_a_template_renames_labels_and_copies_only_used_images(
        project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    source = root / W
    source.write_text(source.read_text(encoding="utf-8")
                      + "\nSiehe {numref}`abb-westen` und {ref}`die Grafik <abb-westen>`.\n", encoding="utf-8")
    (root / "docs/beitraege/leipzig/bilder/ungenutzt.svg").write_text("<svg/>", encoding="utf-8")
    assert main(["--root", str(root), "new", "bremen", "Grünau", "--von", W]) == 0
    out = capsys.readouterr().out
    assert "Kopie von docs/beitraege/leipzig/westen.md angelegt: docs/beitraege/bremen/gruenau.md" in out
    assert "abb-westen → abb-gruenau" in out
    copy = root / "docs/beitraege/bremen/gruenau.md"
    text_ = copy.read_text(encoding="utf-8")
    data = yaml.safe_load(split(text_)[0] or "")
    assert data["status"] == "entwurf" and data["stadt"] == "bremen"
    assert data["title"].startswith("TODO") and data["abstract"].startswith("TODO")
    assert str(data["authors"]).startswith("TODO")
    assert (data["art"], data["themenfeld"]) == ("praxisfall", "oekonomische-innovation")  # the template's choices
    assert ":name: abb-gruenau" in text_ and "{numref}`abb-gruenau`" in text_ and "<abb-gruenau>`" in text_
    assert "abb-westen" not in text_
    assert "[Zwischennutzung in Bremen](zwischen.md)" in text_  # links made relative to the new folder
    assert (root / "docs/beitraege/bremen/bilder/westen-grafik.svg").is_file()
    assert not (root / "docs/beitraege/bremen/bilder/ungenutzt.svg").exists()
    # the copy is checkable: only its TODOs are reported, nothing on the original
    assert {code for code, _ in problems_of(root, "docs/beitraege/bremen/gruenau.md")} == {"todo"}
    assert problems_of(root, W) == []
    assert main(["--root", str(root), "new", "bremen", "x", "--von", "docs/beitraege/leipzig/fehlt.md"]) == 2
    assert "Die Vorlage „docs/beitraege/leipzig/fehlt.md“ gibt es nicht" in capsys.readouterr().err
