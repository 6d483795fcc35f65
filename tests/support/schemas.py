"""The JSON Schemas in schema/ as an editor's tooling applies them."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from pipeline.schema import jsonable

from .paths import REPO


def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPO / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return data


def errors(name: str, data: Any) -> list[str]:
    """What schema/<name>.schema.json finds wrong in `data` (JSON path: message)."""
    validator = jsonschema.Draft7Validator(schema(name), format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(jsonable(data))]
