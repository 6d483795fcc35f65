"""The compile threads (pipeline/typst/workers.py): Typst is told to forget after an issue's PDF, never while
another compile runs (its next layout pass reuses what the last one memoised), and every job's result arrives."""

from __future__ import annotations

import threading

import pytest

from pipeline.typst.workers import Workers


@pytest.mark.parametrize("long_is_heavy", [False, True])
def test_typst_forgets_after_an_issue_only_once_the_other_compile_has_ended(long_is_heavy: bool) -> None:
    """A long compile (a Sonderdruck, or another issue) runs while an issue's PDF is set beside it: Typst forgets
    after the issue, but only once the long one has ended, and the next job waits for that."""
    events: list[str] = []
    lock = threading.Lock()
    started, release = threading.Event(), threading.Event()

    def note(what: str) -> str:
        with lock:
            events.append(what)
        return what

    def long_compile() -> str:
        started.set()
        note("long:start")
        release.wait(10)
        return note("long:end")

    workers = Workers(threads=2, forget=lambda: note("forget"))
    try:
        first = workers.submit(long_compile, heavy=long_is_heavy)
        assert started.wait(10)
        assert workers.submit(note, "issue", heavy=True).result(10) == "issue"
        later = workers.submit(note, "next")  # taken only once Typst has forgotten, after the long compile
        release.set()
        assert first.result(10) == "long:end" and later.result(10) == "next"
    finally:
        release.set()
        workers.shutdown()
    assert events == ["long:start", "issue", "long:end", "forget", "next"]


@pytest.mark.parametrize("heavy", [False, True])
def test_every_result_and_error_arrives(heavy: bool) -> None:
    forgotten: list[int] = []
    workers = Workers(threads=2, forget=lambda: forgotten.append(1))

    def fail() -> None:
        raise ValueError("kaputt")

    try:
        results = [workers.submit(pow, 2, n, heavy=heavy, urgent=n % 2 == 0) for n in range(20)]
        failed = workers.submit(fail, heavy=heavy)
        assert [r.result(10) for r in results] == [2 ** n for n in range(20)]
        with pytest.raises(ValueError, match="kaputt"):
            failed.result(10)
    finally:
        workers.shutdown()
    assert bool(forgotten) == heavy
