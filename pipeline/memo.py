"""A persistent memo of small results (JSON values) in the work area, for work a build would otherwise repeat for
every unchanged input: the facts of an offered PDF, the citation texts of a case.

A value is kept under a key made of what it is computed from (its input's bytes or repr) and stamped with the code
that computes it (`code_digest.output_code`): other code never reads it. Saving keeps only what the run used, so the
file holds one entry per current input.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .code_digest import output_code
from .outputs import work_dir


def key_of(*parts: str | bytes) -> str:
    h = hashlib.sha1()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


class Memo:
    def __init__(self, root: Path, name: str) -> None:
        self.file = work_dir(root, "memo") / f"{name}.json"
        self.stamp = output_code()
        self.old: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("code") == self.stamp and isinstance(data.get("werte"), dict):
            self.old = data["werte"]

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.used:
            self.used[key] = self.old[key] if key in self.old else compute()
        return self.used[key]

    def known(self, key: str) -> bool:
        return key in self.used or key in self.old

    def save(self) -> None:
        if self.used == self.old:
            return
        tmp = self.file.with_name(f".{self.file.name}.tmp")
        tmp.write_text(json.dumps({"code": self.stamp, "werte": self.used}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.file)
