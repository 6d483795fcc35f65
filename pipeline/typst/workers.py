"""Typst compiles on both cores: a fixed set of threads shared by the issues' PDFs and the Sonderdrucke.

Both kinds of job share the same threads, so both cores stay busy from the first Sonderdruck to the last issue
without a third compile competing for them, and the Sonderdrucke left when the issues are done are set on
both cores instead of one. Each thread keeps its warm compiler (`compile.compiler`); Typst releases the GIL.

A thread takes urgent jobs (issues) and background jobs (Sonderdrucke) in turn while both are waiting. Typst
keeps the memoised layout of a document until ten more compiles have run (typst-py calls `comemo::evict(10)`
after each; it offers no other way to release it): an issue's layout is some 80–100 MB (N=50 bench issue of ten
cases) and is not reused by the next document, so issues set back to back would keep several whole issues in
memory. After a `heavy` job (an issue's PDF), Typst is told to forget (`compile.forget`) once no compile runs: never
in the middle of another compile, whose next layout pass reuses its last one. The thread waits for the other's
job to end (measured at N=200: 4.7 s of thread time in all, peak RSS of the PDF step 0.98 → 0.56 GB; going on
beside another issue instead left both threads setting issues side by side and Typst never forgetting). Only a
compile is waited for: a job submitted with `compiles=False` (an issue's page images, drawn by PDFium) never
touches Typst, so Typst may forget beside it (the Sonderdruck of an edited case waited 0.2 s for the page images).
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")
THREADS = max(1, min(2, os.cpu_count() or 1))  # the machine has two cores


class Job(NamedTuple):
    future: Future[Any]
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    heavy: bool  # leaves much for Typst to forget
    compiles: bool  # calls Typst (Typst forgets only while no such job runs)


class Workers:
    def __init__(self, threads: int = THREADS, forget: Callable[[], None] = lambda: None) -> None:
        self._urgent: deque[Job] = deque()
        self._background: deque[Job] = deque()
        self._ready = threading.Condition()
        self._stopping = False
        self._forget = forget  # run between jobs, when no compile is running, after a heavy one
        self._compiling = 0  # jobs running that compile (all but `compiles=False`)
        self._heavy_done = False
        self._threads = [threading.Thread(target=self._run, name=f"typst-{n}", daemon=True) for n in range(threads)]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., T], *args: Any, urgent: bool = True, heavy: bool = False,
               compiles: bool = True, **kwargs: Any) -> Future[T]:
        """Run `fn` on a compile thread (`urgent`: before background jobs; `heavy`: leaves much for Typst to
        forget; `compiles` False: it never calls Typst, which may forget while it runs)."""
        future: Future[T] = Future()
        with self._ready:
            (self._urgent if urgent else self._background).append(Job(future, fn, args, kwargs, heavy, compiles))
            self._ready.notify()
        return future

    def _next(self, urgent_turn: bool) -> Job | None:
        with self._ready:
            while self._heavy_done and self._compiling > 0:  # wait for the other's compile to end
                self._ready.wait()
            self._forget_if_idle()
            while not (self._urgent or self._background or self._stopping):
                self._ready.wait()
            first, second = (self._urgent, self._background) if urgent_turn else (self._background, self._urgent)
            job = first.popleft() if first else second.popleft() if second else None
            if job is not None and job.compiles:
                self._compiling += 1
            return job  # None: stopping, nothing left

    def _forget_if_idle(self) -> None:
        """(With the lock held.) After a heavy job, once no compile runs: none starts while Typst forgets."""
        if self._heavy_done and self._compiling == 0:
            self._heavy_done = False
            self._forget()

    def _run(self) -> None:
        urgent_turn = True
        while (job := self._next(urgent_turn)) is not None:
            urgent_turn = not urgent_turn
            future, fn, args, kwargs, heavy, compiles = job
            try:
                if future.set_running_or_notify_cancel():
                    future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # handed to whoever waits for the result
                future.set_exception(exc)
            finally:
                with self._ready:
                    self._compiling -= compiles
                    self._heavy_done = self._heavy_done or heavy
                    self._ready.notify_all()  # an idle thread may forget now

    def shutdown(self) -> None:
        """Let the threads finish what was submitted, then stop them."""
        with self._ready:
            self._stopping = True
            self._ready.notify_all()
        for thread in self._threads:
            thread.join()
