"""The persistent memo (pipeline/memo.py) and what uses it: an entry is read back only for the same input and the
same code, and what it gives is what computing anew gives."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf

from pipeline.html.legal import measured
from pipeline.memo import Memo, key_of


def test_an_entry_is_kept_for_its_key_and_code_only(tmp_path: Path) -> None:
    calls: list[str] = []

    def compute(value: str) -> str:
        calls.append(value)
        return value.upper()

    memo = Memo(tmp_path, "probe")
    assert memo.get(key_of("a"), lambda: compute("a")) == "A"
    assert memo.get(key_of("b"), lambda: compute("b")) == "B"
    memo.save()
    again = Memo(tmp_path, "probe")
    assert again.get(key_of("a"), lambda: compute("x")) == "A"  # read back, not computed
    again.save()  # b was not used: it goes
    assert calls == ["a", "b"]
    kept = json.loads(again.file.read_text(encoding="utf-8"))
    assert list(kept["werte"]) == [key_of("a")]
    kept["code"] = "other code"
    again.file.write_text(json.dumps(kept), encoding="utf-8")
    assert Memo(tmp_path, "probe").get(key_of("a"), lambda: compute("a2")) == "A2"  # other code: not read


def test_offered_pdf_facts_from_the_memo_are_the_facts_read(built_pdf: Path, tmp_path: Path) -> None:
    folder = tmp_path / "angebot"
    folder.mkdir()
    for name in ("koopblatt-1.pdf", "koopblatt-1-druck.pdf"):
        (folder / name).write_bytes((built_pdf / name).read_bytes())
    fresh = measured(folder)
    assert measured(folder, Memo(tmp_path, "pdf")) == fresh
    assert measured(folder, Memo(tmp_path, "pdf")) == fresh  # from the memo
    with pikepdf.open(folder / "koopblatt-1-druck.pdf", allow_overwriting_input=True) as pdf:
        del pdf.Root["/Lang"]  # a changed file: read again
        pdf.save(folder / "koopblatt-1-druck.pdf")
    changed = measured(folder, Memo(tmp_path, "pdf"))
    assert changed != fresh and changed == measured(folder)
