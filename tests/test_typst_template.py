"""The Typst template folder: its German words in one file, its parts importable on their own, its interface the
one the translator and the main files call."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typst

from pipeline.glyphs import font_paths
from pipeline.typst import template

STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
CONTENT_WORD = re.compile(r"\[[A-Za-zÄÖÜäöüß]{2,}")  # markup content that starts with a word: [Telefon …]
NAMES = {"koopBLATT", " · koopstadt", "DE"}  # the magazine's and the network's names, the region code
FONT = re.compile(r"(Noto|Fira|Libertinus|DejaVu) [\w ]+")
TECHNICAL = re.compile(r"#[0-9A-Fa-f]{3,8}|[a-z0-9._/:@,;…–—·\s\[\]+$-]*")  # colours, keys, separators


def code_of(line: str) -> str:
    """The line without its comment (a `//` outside a string)."""
    out, quoted, i = [], False, 0
    while i < len(line):
        if line[i] == '"' and (i == 0 or line[i - 1] != "\\"):
            quoted = not quoted
        if not quoted and line.startswith("//", i):
            break
        out.append(line[i])
        i += 1
    return "".join(out)


def test_german_words_of_the_template_live_in_de_typ() -> None:
    found = []
    for file in template.files():
        if file.name == "de.typ":
            continue
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            code = code_of(line)
            words = [s[1:-1] for s in STRING.findall(code)]
            found += [f"{file.name}:{number}: {w!r}" for w in words
                      if w not in NAMES and not FONT.fullmatch(w) and not TECHNICAL.fullmatch(w)]
            found += [f"{file.name}:{number}: {m.group()}" for m in CONTENT_WORD.finditer(STRING.sub('""', code))]
    assert found == []


def test_the_check_sees_a_german_word_outside_de_typ() -> None:
    """The check above is not blind: the words it is meant to catch, as the template once had them."""
    for line in ('feld("Redaktion", redaktion)', "if not _leer(telefon) [Telefon #telefon],",
                 'let standard = (note: "Hinweis", tip: "Tipp")'):
        code = code_of(line)
        words = [s[1:-1] for s in STRING.findall(code)]
        assert [w for w in words if not TECHNICAL.fullmatch(w)] or CONTENT_WORD.search(STRING.sub('""', code))


@pytest.mark.parametrize("name", [f.name for f in template.files()])
def test_every_file_of_the_template_compiles_on_its_own(tmp_path: Path, name: str) -> None:
    """Each file imports what it uses (a name missing in one file shows here, not only in a full issue)."""
    template.install(tmp_path)
    main = tmp_path / "main.typ"
    main.write_text(f'#import "{template.FOLDER}/{name}": *\n', encoding="utf-8")
    compiler = typst.Compiler(root=str(tmp_path), font_paths=font_paths(), ignore_system_fonts=True)
    assert compiler.compile(input=str(main), format="pdf")


def test_the_labels_of_the_layout_markers_are_documented() -> None:
    """Global markers (`<koop-…>`) and a contribution's own (`_marke("art", id)`: koop-art-<id>) are all named in
    the head of balance.typ."""
    text = {f.name: f.read_text(encoding="utf-8") for f in template.files()}
    used = {f"<{label}>" for body in text.values() for label in re.findall(r"<(koop-[a-z-]+)>", body)}
    used |= {f"koop-{kind}-<id>" for body in text.values() for kind in re.findall(r'_marke\("([a-z-]+)"', body)}
    header = text["balance.typ"].split("#import")[0]
    assert len(used) >= 10 and {label for label in used if label not in header} == set()
