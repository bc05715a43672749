"""Both cores for the stages that pay for them, by forking after the inputs are in memory.

Workers inherit the parent's memory, so only an index goes out and only the result comes back:
nothing large is pickled on the way in. Small jobs stay in one process, where a pool costs more
than it saves.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import pickle
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

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


class Later(Generic[R]):
    """`function()` computed in a forked child from the moment this is made, while the caller
    does other work here; `result()` waits for it and gives it, or raises what it raised. Where no
    child can be forked, or only one core is there, `result()` computes it here."""

    def __init__(self, function: Callable[[], R]) -> None:
        self._function = function
        self._child: tuple[int, int] | None = None  # the child's process id and pipe
        if workers() < 2 or not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:
            os.close(read)
            try:
                outcome: tuple[bool, object] = (True, function())
            except BaseException as exc:  # raised again in the parent, as if raised there
                outcome = (False, exc)
            try:
                try:
                    data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
                except Exception:  # a result or error that cannot be pickled: told as text
                    data = pickle.dumps((False, RuntimeError(traceback.format_exc())))
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(data)
            finally:
                # Nothing of the parent's (its buffers, its exit handlers) may run in the child.
                os._exit(0)
        os.close(write)
        self._child = (pid, read)

    def result(self) -> R:
        if self._child is None:
            return self._function()
        pid, read = self._child
        # The child stays ours (for `cancel`) until it is waited for: an interrupt may land here.
        with os.fdopen(read, "rb", closefd=False) as pipe:
            data = pipe.read()
        self._child = None
        os.close(read)
        os.waitpid(pid, 0)
        if not data:
            # The child died before it could tell (killed): the work is done here instead.
            return self._function()
        done, value = pickle.loads(data)
        if not done:
            raise value
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the child, where its result is no longer wanted."""
        if self._child is not None:
            pid, read = self._child
            self._child = None
            os.close(read)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
