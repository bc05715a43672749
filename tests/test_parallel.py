"""The fork pool gives the same results, in order, as one process, and carries errors back."""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import time
from collections.abc import Callable
from typing import Any

import pytest

from natocorpus import parallel
from natocorpus.diagnostics import CorpusError, error


def square_or_fail(n: int) -> int:
    if n == 250:
        raise CorpusError([error("x.md", 3, "field", "bad")])
    return n * n


def test_a_large_job_runs_in_workers_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATOCORPUS_WORKERS", "2")
    items = list(range(parallel.MIN_ITEMS * 2))
    assert parallel.fork_map(lambda n: n * n, items) == [n * n for n in items]


def test_an_error_in_a_worker_keeps_its_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATOCORPUS_WORKERS", "2")
    with pytest.raises(CorpusError) as failure:
        parallel.fork_map(square_or_fail, list(range(parallel.MIN_ITEMS * 2)))
    assert [str(d) for d in failure.value.diagnostics] == ["x.md:3: field: bad"]


def test_workers_stay_only_a_few_batches_ahead_of_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A slow caller (the writer) holds the workers back: results it has not asked for yet are
    never all made and held at once (at 10,000 articles they would be hundreds of megabytes)."""
    monkeypatch.setenv("NATOCORPUS_WORKERS", "2")
    made = multiprocessing.get_context("fork").Value("i", 0)
    submitted: list[int] = []  # the items of each batch given to the workers
    submit = multiprocessing.pool.Pool.apply_async

    def counted_submit(pool: Any, function: Any, args: Any = (), *rest: Any) -> Any:
        _job, start, stop = args
        submitted.append(stop - start)
        return submit(pool, function, args, *rest)

    monkeypatch.setattr(multiprocessing.pool.Pool, "apply_async", counted_submit)

    def count(n: int) -> int:
        with made.get_lock():
            made.value += 1
        return n

    items = list(range(parallel.BATCH_MAX * 40))
    results = parallel.fork_imap(count, items)
    assert next(results) == 0
    # Workers make only what was given to them: once they have made all of it, nothing more is
    # made until the caller asks for the next result.
    assert sum(submitted) <= 2 * parallel.AHEAD * parallel.BATCH_MAX + parallel.BATCH_MAX
    assert _comes_true(lambda: made.value == sum(submitted))
    assert list(results) == items[1:]
    assert made.value == sum(submitted) == len(items)


def _comes_true(condition: Callable[[], bool]) -> bool:
    """Whether `condition` holds within a minute: a wait, not a measure of speed."""
    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_two_jobs_can_be_under_way_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATOCORPUS_WORKERS", "2")
    size = parallel.MIN_ITEMS * 2
    squares = parallel.fork_imap(lambda n: n * n, list(range(size)))
    assert next(squares) == 0
    negatives = parallel.fork_map(lambda n: -n, list(range(size)))
    assert negatives == [-n for n in range(size)]
    assert list(squares) == [n * n for n in range(1, size)]


def test_a_later_result_comes_from_a_child_or_here_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    for count in ("2", "1"):
        monkeypatch.setenv("NATOCORPUS_WORKERS", count)
        later = parallel.Later(lambda: (os.getpid(), [n * n for n in range(1000)]))
        pid, squares = later.result()
        assert squares == [n * n for n in range(1000)]
        assert (pid != parent) == (count == "2")


def test_a_later_error_is_raised_with_its_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATOCORPUS_WORKERS", "2")
    later = parallel.Later(lambda: square_or_fail(250))
    with pytest.raises(CorpusError) as failure:
        later.result()
    assert [str(d) for d in failure.value.diagnostics] == ["x.md:3: field: bad"]
    unpicklable = parallel.Later(lambda: lambda: None)
    with pytest.raises(RuntimeError, match="pickle"):
        unpicklable.result()


def test_a_later_result_no_longer_wanted_leaves_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATOCORPUS_WORKERS", "2")
    later = parallel.Later(lambda: time.sleep(60))
    child = later._child
    assert child is not None
    later.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(child[0], os.WNOHANG)
