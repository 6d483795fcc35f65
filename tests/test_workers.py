"""The compile threads (pipeline/typst/workers.py): Typst is told to forget after an issue's PDF, never while
another compile runs (its next layout pass reuses what the last one memoised), and every job's result arrives."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from pipeline.typst.issues import Issues, Outcome, _Job
from pipeline.typst.workers import Workers


class Log:
    """What the compile threads did, in order; `held(name)` is a job that runs until `release` is set."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self._lock = threading.Lock()
        self.started, self.release = threading.Event(), threading.Event()

    def note(self, what: str) -> str:
        with self._lock:
            self.events.append(what)
        return what

    def held(self, name: str) -> Callable[[], str]:
        def job() -> str:
            self.started.set()
            self.note(f"{name}:start")
            self.release.wait(10)
            return self.note(f"{name}:end")
        return job


@pytest.mark.parametrize("long_is_heavy", [False, True])
def test_typst_forgets_after_an_issue_only_once_the_other_compile_has_ended(long_is_heavy: bool) -> None:
    """A long compile (a Sonderdruck, or another issue) runs while an issue's PDF is set beside it: Typst forgets
    after the issue, but only once the long one has ended, and the next job waits for that."""
    log = Log()
    workers = Workers(threads=2, forget=lambda: log.note("forget"))
    try:
        first = workers.submit(log.held("long"), heavy=long_is_heavy)
        assert log.started.wait(10)
        assert workers.submit(log.note, "issue", heavy=True).result(10) == "issue"
        later = workers.submit(log.note, "next")  # taken only once Typst has forgotten, after the long compile
        log.release.set()
        assert first.result(10) == "long:end" and later.result(10) == "next"
    finally:
        log.release.set()
        workers.shutdown()
    assert log.events == ["long:start", "issue", "long:end", "forget", "next"]


def test_typst_forgets_beside_a_job_that_never_compiles() -> None:
    """An issue's page images (PDFium, `compiles=False`) are drawn while its PDF is set beside them: Typst forgets
    after the issue without waiting for them, and the next job (the edited case's Sonderdruck) starts at once."""
    log = Log()
    workers = Workers(threads=2, forget=lambda: log.note("forget"))
    try:
        images = workers.submit(log.held("images"), urgent=False, compiles=False)
        assert log.started.wait(10)
        assert workers.submit(log.note, "issue", heavy=True).result(10) == "issue"
        assert workers.submit(log.note, "next").result(10) == "next"  # not held until the images are drawn
        log.release.set()
        assert images.result(10) == "images:end"
    finally:
        log.release.set()
        workers.shutdown()
    assert log.events == ["images:start", "issue", "forget", "next", "images:end"]


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


def test_the_sonderdrucke_of_an_issue_follow_its_layout_not_its_pdfs(tmp_path: Path) -> None:
    """The builder is told that an issue is set (its cases' Sonderdrucke are planned) once its layout is settled,
    while its screen and print PDF are still being made; a layout that failed tells nothing."""
    told: list[int] = []
    parts: Any = SimpleNamespace(builder=None, outdir=tmp_path)
    issues = Issues(parts, lambda: Workers(threads=1), Outcome(), on_issue_set=lambda issue: told.append(issue.number))
    jobs = [(3, Future(), Future()), (4, Future(), Future())]
    for number, laid_out, pdfs in jobs:
        issues._jobs.append(_Job(SimpleNamespace(number=number), [], pdfs, "ausgabe.yml", True, laid_out))
    collecting = threading.Thread(target=issues.collect)
    collecting.start()
    jobs[0][1].set_result(None)
    jobs[1][1].set_exception(RuntimeError("Typst"))
    for _ in range(1000):
        if told:
            break
        threading.Event().wait(0.01)
    assert told == [3] and not jobs[0][2].done()  # told before either PDF is written
    jobs[0][2].set_result((8, ""))
    jobs[1][2].set_result((4, ""))
    collecting.join(10)
    assert not collecting.is_alive() and told == [3]


def test_the_sonderdrucke_of_issues_not_set_again_are_checked_while_a_layout_is_awaited(tmp_path: Path) -> None:
    """An issue whose PDFs stand from an earlier build is told while the main thread waits for a layout (its
    Sonderdrucke are checked then, not after every issue is set), one at a time: a layout that is done meanwhile
    is told before the issues still left."""
    told: list[int] = []
    laid_out: Future[None] = Future()

    def tell(issue: Any) -> None:
        told.append(issue.number)
        if issue.number == 1:  # the layout is done while the first unchanged issue's Sonderdrucke are checked
            laid_out.set_result(None)

    pdfs: Future[tuple[int, str]] = Future()
    pdfs.set_result((8, ""))
    parts: Any = SimpleNamespace(builder=None, outdir=tmp_path)
    issues = Issues(parts, lambda: Workers(threads=1), Outcome(), on_issue_set=tell)
    issues._jobs.append(_Job(SimpleNamespace(number=3), [], pdfs, "ausgabe.yml", True, laid_out))
    issues._unchanged = [SimpleNamespace(number=n) for n in (1, 2, 5)]  # type: ignore[misc]
    issues.collect()
    assert told == [1, 3, 2, 5]
