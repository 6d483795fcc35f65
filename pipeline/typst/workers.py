"""Typst compiles on both cores: a fixed set of threads shared by the issues' PDFs and the Sonderdrucke.

Both kinds of job share the same threads, so both cores stay busy from the first Sonderdruck to the last issue
without a third compile competing for them, and the Sonderdrucke left when the issues are done are set on
both cores instead of one. Each thread keeps its warm compiler (`compile.compiler`); Typst releases the GIL.

A thread takes urgent jobs (issues) and background jobs (Sonderdrucke) in turn while both are waiting. Typst
keeps the memoised layout of a document until ten more compiles have run (typst-py calls `comemo::evict(10)`
after each; it offers no other way to release it), so issues set back to back keep several whole issues in
memory: taken in turn, the small Sonderdrucke age them out (peak RSS at N=200: 1107 MiB back to back).
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
THREADS = max(1, min(2, os.cpu_count() or 1))  # the machine has two cores
Job = tuple[Future[Any], Callable[..., Any], tuple[Any, ...], dict[str, Any]]


class Workers:
    def __init__(self, threads: int = THREADS) -> None:
        self._urgent: deque[Job] = deque()
        self._background: deque[Job] = deque()
        self._ready = threading.Condition()
        self._stopping = False
        self._threads = [threading.Thread(target=self._run, name=f"typst-{n}", daemon=True) for n in range(threads)]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., T], *args: Any, urgent: bool = True, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        with self._ready:
            (self._urgent if urgent else self._background).append((future, fn, args, kwargs))
            self._ready.notify()
        return future

    def _next(self, urgent_turn: bool) -> Job | None:
        with self._ready:
            while not (self._urgent or self._background or self._stopping):
                self._ready.wait()
            first, second = (self._urgent, self._background) if urgent_turn else (self._background, self._urgent)
            if first:
                return first.popleft()
            if second:
                return second.popleft()
            return None  # stopping, nothing left

    def _run(self) -> None:
        urgent_turn = True
        while (job := self._next(urgent_turn)) is not None:
            urgent_turn = not urgent_turn
            future, fn, args, kwargs = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # handed to whoever waits for the result
                future.set_exception(exc)

    def shutdown(self) -> None:
        """Let the threads finish what was submitted, then stop them."""
        with self._ready:
            self._stopping = True
            self._ready.notify_all()
        for thread in self._threads:
            thread.join()
