"""One schema: the JSON Schemas in schema/ are generated from pipeline/schema.py and accept the real content."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support.schemas import errors, schema

from pipeline.frontmatter import split
from pipeline.schema import ContributionFields, IssueFields, guide_rows, keys, schema_files
from pipeline.taxonomy import load

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTRIBUTIONS = sorted([*(REPO / "docs/beitraege").rglob("*.md"), *(FIXTURES / "mini/docs/beitraege").rglob("*.md")])
MANIFESTS = sorted([*(REPO / "koopblatt").glob("*/ausgabe.yml"), *(FIXTURES / "mini/koopblatt").glob("*/ausgabe.yml")])


def front_matter(file: Path) -> Any:
    source, _, _, _ = split(file.read_text(encoding="utf-8"))
    return yaml.safe_load(source or "")


def test_checked_in_schemas_are_generated() -> None:
    """schema/*.schema.json is what `python -m pipeline.schema` writes from the schema and the taxonomy."""
    for filename, text in schema_files(load()):
        assert (REPO / "schema" / filename).read_text(encoding="utf-8") == text, \
            f"schema/{filename} is stale: run `python -m pipeline.schema`"


def test_schemas_are_valid_json_schema() -> None:
    for name in ("beitrag", "ausgabe"):
        jsonschema.Draft7Validator.check_schema(schema(name))


@pytest.mark.parametrize("file", CONTRIBUTIONS, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_every_contribution_matches_the_schema(file: Path) -> None:
    assert errors("beitrag", front_matter(file)) == []


@pytest.mark.parametrize("file", MANIFESTS, ids=lambda f: str(f.relative_to(f.parents[2])))
def test_every_manifest_matches_the_schema(file: Path) -> None:
    assert errors("ausgabe", yaml.safe_load(file.read_text(encoding="utf-8"))) == []


def test_schema_knows_the_taxonomy_and_the_rules() -> None:
    """Enums come from the taxonomy; Projektfamilien must belong to the Themenfeld; praxisfall needs an abstract."""
    tax = load()
    props = schema("beitrag")["properties"]
    assert props["themenfeld"]["enum"] == list(tax.fields)
    assert props["art"]["enum"] == list(tax.kinds)
    assert props["status"]["enum"] == ["entwurf", "freigegeben"] and props["status"]["default"] == "freigegeben"
    assert props["stadt"]["enum"] == list(tax.cities)
    assert all(props[k]["description"] for k in props)  # German help text for the editor
    assert list(props) == list(keys(ContributionFields)) and list(schema("ausgabe")["properties"]) == \
        list(keys(IssueFields))
    good = front_matter(FIXTURES / "mini/docs/beitraege/leipzig/westen.md")
    assert errors("beitrag", good) == []
    assert errors("beitrag", good | {"projektfamilien": ["wasser-region"]})  # belongs to regionale-kooperation
    assert errors("beitrag", {k: v for k, v in good.items() if k != "abstract"})  # a praxisfall
    assert errors("beitrag", good | {"status": "fertig"})
    assert errors("beitrag", good | {"themenfelder": "x"})  # unknown key
    assert errors("ausgabe", {"nummer": 1}) != []


def test_author_guide_table_comes_from_the_schema() -> None:
    rows = guide_rows(ContributionFields)
    assert [r[0] for r in rows] == list(keys(ContributionFields))
    assert rows[0] == ["title", "ja", "Titel des Beitrags", "Wächterhäuser im Leipziger Westen"]
    assert rows[4][:2] == ["abstract", "Pflicht bei Praxisfällen"]
    assert rows[-1][:2] == ["status", "nein"]


def test_editor_settings_map_the_schemas() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./schema/ausgabe.schema.json"] == ["koopblatt/*/ausgabe.yml"]
    assert mapping["./schema/beitrag.schema.json"] == ["docs/beitraege/**/*.md"]
