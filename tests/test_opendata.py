"""Open data (JSON against its schema, CSV), Atom feed, sitemap, robots.txt and the Sonderdrucke, read as their
users read them; drafts appear nowhere. Expected values come from the fixture's front matter and manifest."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import jsonschema
import pikepdf
import pytest
import yaml
from pypdf import PdfReader
from support.paths import REPO
from support.shareutil import conf_value, day, front_matter, full_title, local

from pipeline.html.opendata import schema_text
from pipeline.taxonomy import load

CASES = ("beitraege/bremen/zwischen", "beitraege/leipzig/westen", "beitraege/nuernberg/hospitation")
DRAFT = "beitraege/nuernberg/hospitation"


def data(root: Path) -> dict[str, object]:
    loaded = json.loads((root / "build/html/daten/beitraege.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def rows(root: Path) -> dict[str, dict[str, object]]:
    items = data(root)["beitraege"]
    assert isinstance(items, list)
    return {str(r["id"]): r for r in items}


def issue_members(root: Path) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for manifest in sorted((root / "koopblatt").glob("*/ausgabe.yml")):
        m = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        for entry in m["beitraege"]:
            out.setdefault(entry.removesuffix(".md"), []).append(int(m["nummer"]))
    return out


def test_json_validates_against_the_schema_it_ships_with(built_shared: Path) -> None:
    schema = json.loads((built_shared / "build/html/daten/beitraege.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data(built_shared))]
    assert errors == []
    # the schema rejects what it must: an unknown city, a missing title
    broken = json.loads(json.dumps(data(built_shared)))
    broken["beitraege"][0]["stadt"] = "berlin"
    del broken["beitraege"][1]["title"]
    assert len(list(validator.iter_errors(broken))) == 2


def test_checked_in_schema_is_the_generated_one() -> None:
    assert (REPO / "schema/beitraege.schema.json").read_text(encoding="utf-8") == schema_text(load()), \
        "run: python -m pipeline.html.opendata"


def test_every_released_case_with_its_front_matter_labels_and_addresses(built_shared: Path) -> None:
    root, tax = built_shared, load()
    found, members = rows(root), issue_members(root)
    assert sorted(found) == sorted(d.removeprefix("beitraege/") for d in CASES)
    for docname in CASES:
        fm, row = front_matter(root, docname), found[docname.removeprefix("beitraege/")]
        city = docname.split("/")[1]
        assert row["title"] == fm["title"] and row["subtitle"] == fm.get("subtitle", "")
        assert row["authors"] == [{"name": a["name"], "affiliation": a.get("affiliation", "")} for a in fm["authors"]]
        assert row["date"] == day(fm).isoformat()
        assert row["art"] == fm["art"] and row["art_label"] == tax.kinds[fm["art"]].label
        assert row["themenfeld"] == fm["themenfeld"] and row["themenfeld_label"] == tax.fields[fm["themenfeld"]].label
        assert row["projektfamilien"] == fm["projektfamilien"]
        assert row["projektfamilien_labels"] == [tax.families[p].label for p in fm["projektfamilien"]]
        assert row["aufgaben"] == fm.get("aufgaben", [])
        assert row["stadt"] == city and row["stadt_label"] == tax.cities[city].label
        assert row["url"] == f"{conf_value(root, 'html_baseurl')}{docname}.html"
        for key in ("url", "sonderdruck_url", "bibtex_url", "ris_url"):
            assert local(root, str(row[key])).is_file(), key
        issues = row["ausgaben"]
        assert isinstance(issues, list)
        assert [i["nummer"] for i in issues] == members.get(docname, [])
        for issue in issues:
            assert local(root, issue["url"]).is_file() and local(root, issue["pdf_url"]).is_file()
        assert fm["title"] in str(row["zitation"])


def test_csv_has_the_same_cases_and_fields(built_shared: Path) -> None:
    found = rows(built_shared)
    with (built_shared / "build/html/daten/beitraege.csv").open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert sorted(r["id"] for r in table) == sorted(found)
    for r in table:
        row = found[r["id"]]
        assert r["title"] == row["title"] and r["stadt_label"] == row["stadt_label"]
        assert r["projektfamilien"].split("; ") == row["projektfamilien"]
        assert r["authors"].split("; ") == [a["name"] for a in row["authors"]]  # type: ignore[index,union-attr]
        assert r["sonderdruck_url"] == row["sonderdruck_url"]


def test_atom_feed_lists_the_newest_cases(built_shared: Path) -> None:
    root = built_shared
    feed = feedparser.parse((root / "build/html/feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.language == "de"
    assert any(link.rel == "self" and link.href.endswith("/feed.xml") for link in feed.feed.links)
    fms = sorted(((front_matter(root, d), d) for d in CASES), key=lambda x: day(x[0]), reverse=True)
    assert [e.title for e in feed.entries] == [full_title(fm) for fm, _ in fms]
    for entry, (fm, docname) in zip(feed.entries, fms, strict=True):
        assert entry.link == f"{conf_value(root, 'html_baseurl')}{docname}.html"
        assert local(root, entry.link).is_file()
        assert dt.date(*entry.published_parsed[:3]) == day(fm)
        assert [a.name for a in entry.authors] == [a["name"] for a in fm["authors"]]
        assert entry.summary == fm.get("abstract", full_title(fm))
        enclosure = [link for link in entry.links if link.rel == "enclosure"]
        assert len(enclosure) == 1 and local(root, enclosure[0].href).is_file()


def test_sitemap_and_robots(built_shared: Path) -> None:
    root = built_shared
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ElementTree.parse(root / "build/html/sitemap.xml")
    locs = [e.text or "" for e in tree.getroot().findall("s:url/s:loc", ns)]
    base = conf_value(root, "html_baseurl")
    assert {f"{base}{d}.html" for d in CASES} <= set(locs)
    assert f"{base}index.html" in locs
    assert all(local(root, url).is_file() for url in locs)
    robots = (root / "build/html/robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {base}sitemap.xml" in robots.splitlines()


def test_every_case_has_a_sonderdruck_in_the_magazine_layout(built_shared: Path) -> None:
    root = built_shared
    for docname in CASES:
        fm = front_matter(root, docname)
        slug = docname.rsplit("/", 1)[-1]
        pdf = root / f"build/pdf/sonderdrucke/sonderdruck-{slug}.pdf"
        assert (root / f"build/html/downloads/{pdf.name}").read_bytes() == pdf.read_bytes()
        shown = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
        assert fm["title"] in shown
        assert "Korrekturabzug" not in shown  # no watermark
        with pikepdf.open(pdf) as doc:
            meta = doc.open_metadata()
            assert meta.get("pdfuaid:part") == "1"
            assert meta.get("dc:title") == full_title(fm)
            assert "/StructTreeRoot" in doc.Root and str(doc.Root.Lang).startswith("de")


def _work(root: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (root / "build/.work/typst/sonderdrucke").glob("*.pdf")}


@pytest.mark.slow
def test_only_a_changed_case_is_set_again_and_drafts_leave_nothing_behind(
        project_copy: Callable[[str], Path]) -> None:
    from pipeline.html.build import build_html
    from pipeline.typst.build import build_pdf
    from pipeline.validate import validate_project

    root = project_copy("mini")
    assert build_pdf(root, validate_project(root)).status == 0
    first = _work(root)
    assert set(first) == {"zwischen.pdf", "westen.pdf", "hospitation.pdf"}
    assert build_pdf(root, validate_project(root)).status == 0
    assert _work(root) == first, "nothing changed: nothing set again"
    file = root / f"docs/{DRAFT}.md"
    file.write_text(file.read_text(encoding="utf-8").replace("Eine Hospitation", "Eine zweiwöchige Hospitation"),
                    encoding="utf-8")
    assert build_pdf(root, validate_project(root)).status == 0
    second = _work(root)
    assert {n for n in second if second[n] != first[n]} == {"hospitation.pdf"}
    published = root / "build/pdf/sonderdrucke/sonderdruck-hospitation.pdf"
    assert "zweiwöchige" in " ".join(p.extract_text() for p in PdfReader(published).pages)
    # back to draft: gone from the PDFs, the data, the feed, the sitemap and the citation files
    file.write_text(file.read_text(encoding="utf-8").replace("---\n\n", "status: entwurf\n---\n\n", 1),
                    encoding="utf-8")
    assert build_pdf(root, validate_project(root)).status == 0
    assert not published.exists()
    assert build_html(root, validate_project(root)).status == 0
    site = root / "build/html"
    slug = DRAFT.rsplit("/", 1)[-1]
    assert slug not in json.dumps(data(root)) and slug not in (site / "daten/beitraege.csv").read_text(encoding="utf-8")
    for name in ("feed.xml", "sitemap.xml"):
        assert slug not in (site / name).read_text(encoding="utf-8"), name
    assert not list((site / "zitieren").glob(f"{slug}.*")) and not list(site.rglob(f"*{slug}*"))


@pytest.mark.parametrize("name", ["beitraege.json", "beitraege.csv", "beitraege.schema.json"])
def test_data_files_are_reproducible(built_shared: Path, name: str) -> None:
    """Nothing in them depends on the clock: a rebuild gives the same bytes."""
    from pipeline.html.build import build_html

    before = (built_shared / "build/html/daten" / name).read_bytes()
    assert build_html(built_shared).status == 0
    assert (built_shared / "build/html/daten" / name).read_bytes() == before
