"""Where the contributions of an issue stand in its screen PDF, and which page each reference there prints:
kept beside the PDF when it is set, so that a contribution's Sonderdruck is set as on the issue's pages.

A Sonderdruck of a contribution printed in an issue is that contribution as the issue sets it: the same
translation (its links to other contributions of the issue print „siehe S. n“), the issue's format, and its
first page numbered (and set as a left or right page) as in the issue. Its `#beitrag` call is then the very
call the issue compiled, so it gets the issue's balancing decision (`decisions`) instead of finding one again,
which is most of what a Sonderdruck costs. The pages its references name are the issue's.
"""

from __future__ import annotations

import json
from pathlib import Path

import typst

from ..manifest import Issue
from .decisions import Passed, printed

SUFFIX = ".seitenzahlen.json"  # beside the screen PDF in the builder's outdir


def start_label(slug: str) -> str:
    """The label of a contribution's start (the template's `beitrag`)."""
    return f"beitrag-{slug}"


def record(compiler: typst.Compiler, passed: Passed, pdf: Path) -> None:
    """After the screen PDF `pdf` was compiled by `compiler`: the page each contribution starts on and the page
    each of their references prints (label → page)."""
    labels = sorted({start_label(slug) for slug in passed.keys}
                    | {label for labels in passed.refs.values() for label in labels})
    pages = {label: n for label, n in printed(compiler, labels).items() if isinstance(n, int)}
    pdf.with_suffix(SUFFIX).write_text(json.dumps(pages, sort_keys=True), encoding="utf-8")


def load(outdir: Path, issue: Issue) -> dict[str, int]:
    """The pages kept for the issue's screen PDF ({} if it was never set)."""
    try:
        data = json.loads((outdir / issue.screen_pdf).with_suffix(SUFFIX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, int) and not isinstance(v, bool)}
