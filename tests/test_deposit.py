"""`nox -s ablieferung`: what the Deutsche Nationalbibliothek receives per published issue — the PDF/A and the
EPUB as built, and a MARC 21 record read back with pymarc and checked field by field against the manifest, the
publishing body's file, the front matter and the PDF itself; refusals are German messages, never a traceback."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pymarc
import pytest
import yaml
from support.projects import copy_project
from support.reproducible import epoch
from support.shareutil import conf_value, front_matter, inverted

from pipeline.cli import main

SLOW_FIXTURES = {"delivered"}  # builds real outputs: tests using it are `slow` (conftest)

ISSUE = "koopblatt-1"
CASES = ("beitraege/leipzig/westen", "beitraege/bremen/zwischen")  # koopBLATT No. 1, in print order
MARC_NS = "http://www.loc.gov/MARC21/slim"


def run(root: Path, command: str) -> tuple[int, str, str]:
    with epoch():
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["--root", str(root), command])
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def delivered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project("mini", tmp_path_factory.mktemp("deposit"))
    status, _, err = run(root, "build")
    assert status == 0, err
    status, out, err = run(root, "ablieferung")
    assert status == 0, err
    assert "build/ablieferung/koopblatt-1" in out and "Traceback" not in err
    return root


def yml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def record(root: Path) -> pymarc.Record:
    [found] = pymarc.parse_xml_to_array(str(root / "build/ablieferung" / ISSUE / f"{ISSUE}.marc.xml"))
    assert found is not None
    return found


def sub(r: pymarc.Record, tag: str, code: str) -> list[str]:
    return [v for f in r.get_fields(tag) for v in f.get_subfields(code)]


def test_the_files_are_the_built_pdfa_and_epub(delivered: Path) -> None:
    folder = delivered / "build/ablieferung" / ISSUE
    assert sorted(p.name for p in folder.iterdir()) == [f"{ISSUE}.epub", f"{ISSUE}.marc.xml", f"{ISSUE}.pdf"]
    assert (folder / f"{ISSUE}.pdf").read_bytes() == (delivered / f"build/pdf/{ISSUE}.pdf").read_bytes()
    assert (folder / f"{ISSUE}.epub").read_bytes() == (delivered / f"build/epub/{ISSUE}.epub").read_bytes()
    with pikepdf.open(folder / f"{ISSUE}.pdf") as pdf:
        assert pdf.open_metadata().pdfa_status == "2A" and not pdf.is_encrypted


def test_the_marc_record_reads_back_field_by_field(delivered: Path) -> None:
    r = record(delivered)
    issue = yml(delivered / "koopblatt/1/ausgabe.yml")
    body = yml(delivered / "koopblatt/herausgeber.yml")
    leader = str(r.leader)
    assert len(leader) == 24 and leader[5:8] == "nam" and leader[9] == "a"  # new, text, monograph, Unicode
    fixed = r["008"].data
    assert len(fixed) == 40 and fixed[7:11] == str(issue["jahr"]) and fixed[15:18] == "gw "
    assert fixed[23] == "o" and fixed[35:38] == "ger"  # online, German
    assert r["007"].data.startswith("cr")
    assert sub(r, "022", "a") == [issue["issn"]["online"]]
    assert sub(r, "041", "a") == ["ger"]
    assert sub(r, "245", "a") == [issue["titel"]] and sub(r, "245", "n") == [f"No. {issue['nummer']}"]
    assert sub(r, "245", "b") == [issue["untertitel"]]
    assert sub(r, "264", "b") == [body["name"]] and sub(r, "264", "c") == [str(issue["jahr"])]
    with pikepdf.open(delivered / f"build/pdf/{ISSUE}.pdf") as pdf:
        pages = len(pdf.pages)
    assert sub(r, "300", "a") == [f"1 Online-Ressource ({pages} Seiten)"]
    assert [sub(r, t, "b") for t in ("336", "337", "338")] == [["txt"], ["c"], ["cr"]]
    assert [sub(r, t, "2") for t in ("336", "337", "338")] == [["rdacontent"], ["rdamedia"], ["rdacarrier"]]
    assert sub(r, "490", "a") == [issue["titel"]] and sub(r, "490", "x") == [issue["issn"]["online"]]
    assert sub(r, "773", "t") == [issue["titel"]] and sub(r, "773", "x") == [issue["issn"]["online"]]
    assert sub(r, "773", "q") == [str(issue["nummer"])]
    assert sub(r, "776", "x") == [issue["issn"]["druck"]]
    authors = [a["name"] for d in CASES for a in front_matter(delivered, d)["authors"]]
    assert sub(r, "700", "a") == [inverted(a) for a in authors] and set(sub(r, "700", "4")) == {"aut"}
    assert sub(r, "505", "t")[0].startswith(front_matter(delivered, CASES[0])["title"])
    base = conf_value(delivered, "html_baseurl")
    urls = sub(r, "856", "u")
    assert urls == [f"{base}downloads/{ISSUE}.pdf", f"{base}downloads/{ISSUE}.epub"]
    for url in urls:  # the handbook offers exactly these files
        assert (delivered / "build/html" / url.removeprefix(base)).is_file()


def test_the_record_is_marcxml_slim(delivered: Path) -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(delivered / "build/ablieferung" / ISSUE / f"{ISSUE}.marc.xml").getroot()
    assert root.tag == f"{{{MARC_NS}}}record"
    assert [c.tag.split("}")[1] for c in root][:2] == ["leader", "controlfield"]
    for field in root.iter(f"{{{MARC_NS}}}datafield"):  # the slim schema's patterns for tags and indicators
        assert len(field.get("tag", "")) == 3 and field.get("tag", "").isdigit()
        assert all(len(field.get(i, "")) == 1 for i in ("ind1", "ind2"))
        assert all(len(s.get("code", "")) == 1 for s in field)


def test_a_planned_issue_is_not_delivered(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("datum: 2015-06-15", "datum: 2015-06-16"),
                        encoding="utf-8")
    status, out, err = run(root, "ablieferung")
    assert status == 0 and "Keine erschienene Ausgabe" in out and not err
    assert not (root / "build/ablieferung").exists()


def test_missing_or_unfit_files_are_refused_in_german(delivered: Path, tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(delivered, root)
    shutil.rmtree(root / "build/ablieferung")
    (root / f"build/epub/{ISSUE}.epub").unlink()
    status, _, err = run(root, "ablieferung")
    assert status == 1 and "Traceback" not in err
    assert f"koopBLATT No. 1: nicht abgeliefert – „build/epub/{ISSUE}.epub“ fehlt." in err
    shutil.copy(delivered / f"build/epub/{ISSUE}.epub", root / f"build/epub/{ISSUE}.epub")
    plain = pikepdf.new()
    plain.add_blank_page()
    plain.save(root / f"build/pdf/{ISSUE}.pdf")  # not PDF/A
    status, _, err = run(root, "ablieferung")
    assert status == 1 and f"„{ISSUE}.pdf“ ist kein PDF/A" in err
    assert not (root / "build/ablieferung" / ISSUE).exists()
