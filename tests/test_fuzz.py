"""No traceback for anything an author can put in a file: random front matter and bodies."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from conftest import copy_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import FIELD_KEYS
from pipeline.validate import validate_project

TARGET = "docs/beitraege/leipzig/zufall.md"
IDS = ["praxisfall", "oekonomische-innovation", "zwischennutzung", "wasser-region", "leipzig", "Leipzig",
       "quartier-stadt", "TODO", "", "bilder/westen-grafik.svg"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.sampled_from(IDS), st.dates(min_value=dt.date(1, 1, 1)))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
frontmatter_dicts = st.dictionaries(st.one_of(st.sampled_from(FIELD_KEYS), st.text(max_size=10)), values,
                                    max_size=12)
snippets = st.sampled_from([
    "## Abschnitt\n", "# Titel\n", "Text mit *Betonung*.\n", "- Punkt\n  - Unterpunkt\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "Fußnote[^1]\n\n[^1]: Text\n", "[^x]\n", "{cite:p}`charta`", "{cite:t}`unbekannt{S. 3}`", "{cite:p}`{`",
    "{ref}`abb-westen`", "{doc}`../bremen/zwischen`", "[x](../bremen/zwischen.md)", "[x](javascript:alert(1))",
    "[x](data:text/html,hi)", "![alt](bilder/westen-grafik.svg)", "![](http://x.org/a.png)", "<script>x</script>",
    "<b>fett</b>", "```{raw} html\n<i>\n```\n", "```{include} ../../../conf.py\n```\n",
    "```{figure} bilder/x.svg\n```\n",
    ":::{figure} ../westen.md\n:alt: a\n:::\n", ":::{note}\nHinweis {cite:p}`memo`\n:::\n", ":::{unbekannt}\n:::\n",
    "```{eval-rst}\n.. raw:: html\n```\n", "(marke)=\n", "{abbr}`A (B)`", "```python\nprint(1)\n```\n",
    "\x00", "\ufeff",
    "---\n", ":::\n", "```\n", "{sub}`2`", "[x](../../../../etc/passwd.md)", "{numref}`%s <abb>`",
])
bodies = st.lists(st.one_of(snippets, st.text(max_size=40)), max_size=12).map("\n".join)


def _write_text_or_bytes(root: Path, text: str) -> None:
    (root / TARGET).write_text(text, encoding="utf-8", errors="surrogatepass")


def _assert_located(root: Path) -> None:
    project = validate_project(root)
    for p in project.problems:
        assert p.line >= 1 and p.code and p.message
        assert p.path and not p.path.startswith("/"), p
        assert (root / p.path).exists() or p.code in ("manifest_missing", "bib_missing"), p


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(front=frontmatter_dicts, body=bodies)
def test_random_contributions_never_crash(front: dict[str, object], body: str) -> None:
    root = copy_project("mini", Path(tempfile.mkdtemp()))
    try:
        try:
            fm = yaml.safe_dump(front, allow_unicode=True)
        except yaml.YAMLError:
            fm = "title: x\n"
        _write_text_or_bytes(root, f"---\n{fm}---\n{body}\n")
        _assert_located(root)
    finally:
        shutil.rmtree(root.parent)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=st.text(max_size=300), body=bodies)
def test_random_yaml_text_never_crashes(raw: str, body: str) -> None:
    root = copy_project("mini", Path(tempfile.mkdtemp()))
    try:
        _write_text_or_bytes(root, f"---\n{raw}\n---\n{body}\n")
        _assert_located(root)
    finally:
        shutil.rmtree(root.parent)


def test_billion_laughs_is_refused_quickly(project_copy) -> None:  # type: ignore[no-untyped-def]
    root = project_copy("mini")
    lol = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    (root / TARGET).write_text(f"---\n{lol}---\nText\n", encoding="utf-8")
    codes = [p.code for p in validate_project(root).problems if p.path == TARGET]
    assert codes == ["yaml_alias"]
