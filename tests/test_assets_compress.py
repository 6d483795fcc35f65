"""Pre-compression in worker processes (issue 20): the brotli module holds the GIL while it compresses, so a cold
build's brotli work (more than `assets.PROCESS_BYTES` of it, weighed by quality: `assets.BROTLI_WORK`) goes to
worker processes. The files a reader gets are the same bytes as compressed in this process, and a worker that fails
leaves its work to this process.

Generated over sites of text files of random sizes, repetitiveness and places (pages, hashed assets, the search
index), some not worth compressing."""

from __future__ import annotations

import gzip
import random
from pathlib import Path
from typing import Any

import brotli
import pytest

from pipeline.html import assets

WORDS = ["Quartier", "Stadt", "Zwischennutzung", "Leipzig", "Bremen", "Nürnberg", "Haus", "Wächter", "<p>", "</p>"]


def site(root: Path, seed: int) -> dict[str, bytes]:
    rng = random.Random(seed)
    files: dict[str, bytes] = {}
    for n in range(rng.randint(3, 12)):
        folder = rng.choice(["", "beitraege/leipzig/", "_static/", "_pagefind/"])
        name = f"datei{n}.{rng.choice(['html', 'css', 'js', 'json'])}"
        if folder == "_static/":
            name = name.replace(".", f".{n:012x}.")  # hashed: the pages load it
        if rng.random() < 0.2:
            data = rng.randbytes(rng.randint(10, 3000))  # not worth it: no variant
        else:
            data = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40000))).encode()
        files[folder + name] = data
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return files


def variants(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.suffix in (".gz", ".br")}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("worker", ["works", "fails"])
def test_brotli_in_worker_processes_gives_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int,
                                                         worker: str) -> None:
    here, there = tmp_path / "hier", tmp_path / "dort"
    files = site(here, seed)
    assert site(there, seed) == files
    monkeypatch.setattr(assets, "PROCESS_BYTES", 1 << 60)
    assets.compress_tree(here, tmp_path / "cache-hier")  # all in this process
    expected = variants(here)
    compress = brotli.compress
    in_process: list[int] = []

    def counted(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        in_process.append(len(data))
        return bytes(compress(data, *args, **kwargs))

    monkeypatch.setattr(assets, "PROCESS_BYTES", 0)
    monkeypatch.setattr(assets.brotli, "compress", counted)
    if worker == "fails":
        monkeypatch.setattr(assets, "BROTLI_WORKER", "import sys; sys.stdin.buffer.read(3); sys.exit(3)")
    assets.compress_tree(there, tmp_path / "cache-dort")
    assert variants(there) == expected
    for rel, data in files.items():
        for suffix, unpack in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            if (there / (rel + suffix)).is_file():
                assert unpack((there / (rel + suffix)).read_bytes()) == data
    if worker == "works":
        assert in_process == []  # every brotli byte was made by a worker
    else:
        assert in_process  # made here instead
