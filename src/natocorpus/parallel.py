"""Both cores for the stages that pay for them, by forking after the inputs are in memory.

Workers inherit the parent's memory, so only an index goes out and only the result comes back:
nothing large is pickled on the way in. Small jobs stay in one process, where a pool costs more
than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 200
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _run(index: int) -> Any:
    assert _job is not None
    function, items = _job
    return function(items[index])


def workers() -> int:
    if os.environ.get("NATOCORPUS_WORKERS"):
        return max(1, int(os.environ["NATOCORPUS_WORKERS"]))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def fork_map(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`[function(item) for item in items]`, in order, on every core when the job is large."""
    return list(fork_imap(function, items))


def fork_imap(function: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
    """`function(item)` for each item, in order, as the results come: the caller can use each one
    and let it go while the workers go on."""
    count = workers()
    if count < 2 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(function, items)
        return
    global _job
    if _job is not None:
        raise RuntimeError("one fork_imap at a time: the workers find their job in a global")
    _job = (function, items)
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            chunksize = max(1, len(items) // (count * 8))
            yield from pool.imap(_run, range(len(items)), chunksize=chunksize)
    finally:
        _job = None
