"""Hostile contributions: every attack is refused with a located message and nothing leaks anywhere."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from support.htmlutil import unsafe_markup

from pipeline.cli import main
from pipeline.html.build import build_html

HEAD = ("---\ntitle: Angriff\nauthors: [Mallory]\ndate: 2014-01-01\nart: beitrag\n"
        "themenfeld: regionale-kooperation\nprojektfamilien: [wasser-region]\n---\n\n")

HOSTILE: dict[str, tuple[str, str]] = {
    # file name → (body, expected diagnostic code)
    "skript": ("<script>alert('x')</script>\n", "html"),
    "ereignis": ("Text <img src=x onerror=alert(1)> mehr\n", "html"),
    "jslink": ("[klick](javascript:alert(1))\n", "link_scheme"),
    "datalink": ("[klick](data:text/html;base64,PHNjcmlwdD4=)\n", "link_scheme"),
    "fernbild": (":::{figure} https://example.org/spion.png\n:alt: Bild\n:::\n", "image_remote"),
    "traversal": (":::{figure} ../../../../../etc/passwd\n:alt: Bild\n:::\n", "path_outside"),
    "include": ("```{include} ../../../conf.py\n```\n", "path_outside"),
    "raw": ("```{raw} html\n<iframe src=x></iframe>\n```\n", "raw"),
    "evalrst": ("```{eval-rst}\n.. raw:: html\n\n   <script>x</script>\n```\n", "directive"),
    "symlink": (":::{figure} bilder/link.svg\n:alt: Bild\n:::\n", "path_outside"),
    "riesenbild": (":::{figure} bilder/riesig.png\n:alt: Bild\n:::\n", "image_size"),
}


@pytest.fixture
def hostile(project_copy: Callable[[str], Path], tmp_path: Path) -> Path:
    root = project_copy("mini")
    folder = root / "docs/beitraege/nuernberg"
    (folder / "bilder").mkdir()
    secret = tmp_path / "geheim.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>GEHEIM</text></svg>', encoding="utf-8")
    os.symlink(secret, folder / "bilder" / "link.svg")
    with (folder / "bilder" / "riesig.png").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    for name, (body, _) in HOSTILE.items():
        (folder / f"{name}.md").write_text(HEAD + body, encoding="utf-8")
    (folder / "yamltag.md").write_text(HEAD.replace("title: Angriff", "title: !!python/object/apply:os.system [id]"),
                                       encoding="utf-8")
    laughs = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n"
    (folder / "lachen.md").write_text(f"---\n{laughs}---\n\nText\n", encoding="utf-8")
    (folder / "zeile.md").write_text(HEAD + "Wort " * 1_000_000 + "\n", encoding="utf-8")  # 5 MB, one line
    return root


@pytest.mark.slow
def test_every_attack_is_refused_with_a_located_message(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(hostile), "build"]) == 1
    err = capsys.readouterr().err
    for name, (_, code) in HOSTILE.items():
        assert f"docs/beitraege/nuernberg/{name}.md:" in err and f"[koop.{code}]" in err, name
    assert "docs/beitraege/nuernberg/yamltag.md:2: Fehler [koop.yaml_tag]" in err
    assert "docs/beitraege/nuernberg/lachen.md:2: Fehler [koop.yaml_alias]" in err
    assert "docs/beitraege/nuernberg/zeile.md:1: Fehler [koop.file_size]" in err
    assert "Traceback" not in err
    assert not (hostile / "build" / "html").exists(), "the handbook would contain the attacks"
    # the issue does not contain them: its outputs are built, and carry nothing of the attacks
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(hostile / "build/pdf/koopblatt-1.pdf").pages)
    assert "Wächterhäuser" in text and "GEHEIM" not in text and "Angriff" not in text


def test_nothing_leaks_even_when_sphinx_reads_the_files(hostile: Path) -> None:
    """Bypassing `check` (e.g. in the live preview), the build fails and no page carries the attack."""
    assert build_html(hostile).status == 1
    assert not (hostile / "build" / "html").exists(), "a failed build publishes nothing"
    pages = list((hostile / "build").rglob("*.html"))
    assert pages
    for page in pages:
        assert unsafe_markup(page) == [], page
        content = page.read_text(encoding="utf-8")
        assert "GEHEIM" not in content and "koop_handbook_url" not in content  # symlink target, included conf.py
    assert not [p for p in (hostile / "build").rglob("*") if p.name in ("passwd", "conf.py", "geheim.svg")]
