"""Helpers for the cite/share/open-data tests: read a case's front matter and a page's head as a citation
manager (Zotero's „Embedded Metadata“ translator) does: every <meta name|property> as a list of values."""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup


def front_matter(root: Path, docname: str) -> dict[str, Any]:
    text = (root / "docs" / f"{docname}.md").read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


def conf_value(root: Path, name: str) -> Any:
    """A literal assignment in the project's conf.py (the one place the handbook's address is set)."""
    for node in ast.parse((root / "conf.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise KeyError(name)


def head(root: Path, docname: str) -> BeautifulSoup:
    soup = BeautifulSoup((root / "build/html" / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    found = soup.find("head")
    assert found is not None
    return found


def metas(root: Path, docname: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for tag in head(root, docname).find_all("meta"):
        key = tag.get("name") or tag.get("property")
        if key:
            out.setdefault(str(key), []).append(str(tag.get("content", "")))
    return out


def json_ld(root: Path, docname: str) -> dict[str, Any]:
    scripts = head(root, docname).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert isinstance(data, dict)
    return data


def inverted(name: str) -> str:
    """„Erika Muster“ → „Muster, Erika“ (the fixture's names have one given name)."""
    first, last = name.rsplit(" ", 1)
    return f"{last}, {first}"


def full_title(fm: dict[str, Any]) -> str:
    return f"{fm['title']}: {fm['subtitle']}" if fm.get("subtitle") else str(fm["title"])


def day(fm: dict[str, Any]) -> dt.date:
    value = fm["date"]
    assert isinstance(value, dt.date)
    return value


def local(root: Path, url: str) -> Path:
    """The file in build/html that an absolute handbook URL names."""
    base = conf_value(root, "html_baseurl")
    assert url.startswith(base), url
    return root / "build/html" / url.removeprefix(base)
