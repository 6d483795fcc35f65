"""The compile threads (pipeline/typst/workers.py): Typst is told to forget after an issue's PDF, never while
another compile runs (its next layout pass reuses what the last one memoised), and every job's result arrives."""

from __future__ import annotations

import threading

import pytest

from pipeline.typst.workers import Workers


def test_forgetting_waits_for_the_other_compile_and_happens_after_a_heavy_job() -> None:
    events: list[str] = []
    lock = threading.Lock()
    long_started, release = threading.Event(), threading.Event()

    def note(what: str) -> None:
        with lock:
            events.append(what)

    def long_compile() -> str:
        long_started.set()
        note("long:start")
        release.wait(10)
        note("long:end")
        return "long"

    def issue() -> str:
        note("issue")
        return "issue"

    workers = Workers(threads=2, forget=lambda: note("forget"))
    try:
        first = workers.submit(long_compile)
        assert long_started.wait(10)
        heavy = workers.submit(issue, heavy=True)
        assert heavy.result(10) == "issue"
        later = workers.submit(issue)  # taken only once Typst has forgotten, after the long compile
        release.set()
        assert first.result(10) == "long" and later.result(10) == "issue"
    finally:
        release.set()
        workers.shutdown()
    assert events == ["long:start", "issue", "long:end", "forget", "issue"]


def test_after_two_issues_side_by_side_typst_forgets_once_both_are_done() -> None:
    events: list[str] = []
    lock = threading.Lock()
    started, release = threading.Event(), threading.Event()

    def note(what: str) -> str:
        with lock:
            events.append(what)
        return what

    def long_issue() -> str:
        started.set()
        note("A:start")
        release.wait(10)
        return note("A:end")

    workers = Workers(threads=2, forget=lambda: note("forget"))
    try:
        first = workers.submit(long_issue, heavy=True)
        assert started.wait(10)
        assert workers.submit(note, "B", heavy=True).result(10) == "B"
        later = workers.submit(note, "C")
        release.set()
        assert first.result(10) == "A:end" and later.result(10) == "C"
    finally:
        release.set()
        workers.shutdown()
    assert events == ["A:start", "B", "A:end", "forget", "C"]


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
