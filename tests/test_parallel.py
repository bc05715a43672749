"""The fork pool gives the same results, in order, as one process, and carries errors back."""

from __future__ import annotations

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
