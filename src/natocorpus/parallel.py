"""Both cores for the stages that pay for them, by forking after the inputs are in memory.

Workers inherit the parent's memory, so only an index goes out and only the result comes back:
nothing large is pickled on the way in. Small jobs stay in one process, where a pool costs more
than it saves.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 200
BATCH_MAX = 50
AHEAD = 3  # batches in flight per worker
# The jobs of the pools alive, by number: a worker forked for one finds its function and items
# here, in the memory it inherited. Several may be alive at once (a caller may start a job while
# it still holds another's results to come).
_jobs: dict[int, tuple[Callable[[Any], Any], Sequence[Any]]] = {}
_numbers = itertools.count()


def _run(job: int, start: int, stop: int) -> list[Any]:
    function, items = _jobs[job]
    return [function(items[index]) for index in range(start, stop)]


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
    if count < 2 or len(items) < MIN_ITEMS:
        yield from map(function, items)
        return
    import multiprocessing  # only for a large job: a small corpus's build need not import it

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from map(function, items)
        return
    job = next(_numbers)
    _jobs[job] = (function, items)
    # What exists so far (the corpus, the site model) is left out of the cyclic garbage
    # collector's passes, so that a worker does not walk, and so copy, the heap it inherited.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            # Small batches, and only a few ahead of the caller: the workers wait for it rather
            # than pile up results it has not used yet (pages of a 10,000-article site).
            size = max(1, min(BATCH_MAX, len(items) // (count * 8)))
            batches = iter(range(0, len(items), size))
            pending: deque[AsyncResult[list[Any]]] = deque()

            def submit() -> None:
                start = next(batches, None)
                if start is not None:
                    stop = min(start + size, len(items))
                    pending.append(pool.apply_async(_run, (job, start, stop)))

            for _ in range(count * AHEAD):
                submit()
            while pending:
                results = pending.popleft().get()
                submit()
                yield from results
    finally:
        gc.unfreeze()
        del _jobs[job]
