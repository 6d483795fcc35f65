"""No traceback for anything an author can put in a file: random front matter, bodies and manifests.

`nox -s tests` runs a short version; `nox -s fuzz` runs ≥ 10,000 examples (KOOP_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.projects import copy_project

from pipeline.html.build import build_html
from pipeline.manifest import KEYS as MANIFEST_KEYS
from pipeline.model import FIELD_KEYS
from pipeline.validate import validate_project

TARGET = "docs/beitraege/leipzig/zufall.md"
MANIFEST = "koopblatt/1/ausgabe.yml"
EXAMPLES = int(os.environ.get("KOOP_FUZZ_EXAMPLES", "150"))
IDS = ["praxisfall", "oekonomische-innovation", "zwischennutzung", "wasser-region", "leipzig", "Leipzig",
       "quartier-stadt", "TODO", "", "bilder/westen-grafik.svg", "beitraege/leipzig/westen.md", "editorial.md",
       "../../docs/beitraege/leipzig/westen.md", "#1F5FA8", "a4"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.sampled_from(IDS), st.dates(min_value=dt.date(1, 1, 1)))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
frontmatter_dicts = st.dictionaries(st.one_of(st.sampled_from(FIELD_KEYS), st.text(max_size=10)), values,
                                    max_size=12)
manifest_dicts = st.dictionaries(st.one_of(st.sampled_from(MANIFEST_KEYS), st.text(max_size=10)), values,
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
    "\x00", "\ufeff", "---\n", ":::\n", "```\n", "{sub}`2`", "[x](../../../../etc/passwd.md)", "{numref}`%s <abb>`",
    ":::{figure} bilder/westen-grafik.svg\n:alt: Bild\n:name: abb-westen\n\nDoppelt\n:::\n", "> Zitat\n",
    "Term\n: Definition\n", "1. eins\n2. zwei\n",
])
bodies = st.lists(st.one_of(snippets, st.text(max_size=40)), max_size=12).map("\n".join)


@pytest.fixture(scope="module")
def scratch() -> Path:
    return copy_project("mini", Path(tempfile.mkdtemp()))


def _write(root: Path, path: str, text: str) -> None:
    (root / path).write_text(text, encoding="utf-8", errors="surrogatepass")


def _assert_located(root: Path) -> None:
    project = validate_project(root)
    for p in project.problems:
        assert p.line >= 1 and p.code and p.message
        assert p.path and not p.path.startswith("/"), p
        assert (root / p.path).exists() or p.code in ("manifest_missing", "bib_missing"), p


def _yaml(data: object) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return "title: x\n"


FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(front=frontmatter_dicts, body=bodies)
def test_random_contributions_never_crash(scratch: Path, front: dict[str, object], body: str) -> None:
    _write(scratch, TARGET, f"---\n{_yaml(front)}---\n{body}\n")
    _assert_located(scratch)


@FUZZ
@given(raw=st.text(max_size=300), body=bodies)
def test_random_yaml_text_never_crashes(scratch: Path, raw: str, body: str) -> None:
    _write(scratch, TARGET, f"---\n{raw}\n---\n{body}\n")
    _assert_located(scratch)


@FUZZ
@given(data=manifest_dicts, raw=st.one_of(st.none(), st.text(max_size=200)))
def test_random_manifests_never_crash(scratch: Path, data: dict[str, object], raw: str | None) -> None:
    _write(scratch, MANIFEST, raw if raw is not None else _yaml(data))
    _assert_located(scratch)


@pytest.mark.slow
@settings(max_examples=max(8, EXAMPLES // 50), deadline=None, suppress_health_check=list(HealthCheck))
@given(body=bodies)
def test_random_bodies_build_or_get_a_diagnostic(body: str) -> None:
    """The real thing: Sphinx builds the page, or `check` located the problem; never a traceback."""
    root = copy_project("mini", Path(tempfile.mkdtemp()))
    head = ("---\ntitle: Zufall\nauthors: [A]\ndate: 2014-01-01\nart: beitrag\nthemenfeld: regionale-kooperation\n"
            "projektfamilien: [wasser-region]\n---\n\n")
    _write(root, TARGET, head + "Einleitung.\n\n" + body + "\n")
    errors = validate_project(root).errors
    status = build_html(root).status
    assert status in (0, 1)
    assert (status == 0) == (not errors), [e.format() for e in errors]
    if status == 0:
        assert (root / "build/html/beitraege/leipzig/zufall.html").is_file()


def test_billion_laughs_is_refused_quickly(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    lol = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    (root / TARGET).write_text(f"---\n{lol}---\nText\n", encoding="utf-8")
    codes = [p.code for p in validate_project(root).problems if p.path == TARGET]
    assert codes == ["yaml_alias"]
