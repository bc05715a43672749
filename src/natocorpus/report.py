"""What a build reports: its diagnostics, the time each stage took, and what it wrote and reused."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar, cast

import msgspec

from natocorpus.artifacts import Artifact, ReusedArtifact
from natocorpus.diagnostics import Diagnostic, errors_in, warnings_in

T = TypeVar("T")


class BuildReport(msgspec.Struct, frozen=True):
    diagnostics: tuple[Diagnostic, ...]
    timings: tuple[tuple[str, float], ...]
    written: bool
    out_dir: Path
    pages: int = 0
    files: int = 0
    up_to_date: bool = False
    reused_articles: int = 0  # annotated articles reused from the previous build
    reused_pages: int = 0  # pages reused from the previous build, their inputs unchanged
    reused_files: int = 0  # files of any kind reused so, pages included

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return errors_in(self.diagnostics)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return warnings_in(self.diagnostics)

    # The names the command line reads (cli.py), until it reads the ones above.
    @property
    def kept_pages(self) -> int:
        return self.reused_pages

    @property
    def kept_files(self) -> int:
        return self.reused_files


class Clock(msgspec.Struct):
    """Stage timings. Stages may nest (render runs inside write, as the writer pulls each page),
    and each lap counts only its own time, so the laps add up to the build's."""

    laps: list[tuple[str, float]] = msgspec.field(default_factory=list)
    _inner: list[float] = msgspec.field(default_factory=list)

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        self._inner.append(0.0)
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            inner = self._inner.pop()
            if self._inner:
                self._inner[-1] += elapsed
            self._add(name, elapsed - inner)

    def timed(self, name: str, items: Iterable[T]) -> Iterator[T]:
        """`items`, with the time spent producing each counted to stage `name`."""
        iterator = iter(items)
        while True:
            with self.stage(name):
                item = next(iterator, _END)
            if item is _END:
                return
            yield cast(T, item)

    def share(self, seconds: float, weights: dict[str, float]) -> None:
        """`seconds` of wall time, counted to each stage in proportion to its weight."""
        total = sum(weights.values())
        for name, weight in weights.items():
            self._add(name, seconds * weight / total if total else seconds / len(weights))

    def _add(self, name: str, seconds: float) -> None:
        for number, (known, total) in enumerate(self.laps):
            if known == name:
                self.laps[number] = (name, total + seconds)
                return
        self.laps.append((name, seconds))


_END = object()


class Tally(msgspec.Struct):
    """The files and pages a build writes, and how many of each it reuses."""

    files: int = 0
    pages: int = 0
    reused_pages: int = 0
    reused_files: int = 0

    def count(
        self, artifacts: Iterable[Artifact | ReusedArtifact]
    ) -> Iterator[Artifact | ReusedArtifact]:
        for artifact in artifacts:
            self.files += 1
            self.pages += artifact.path.endswith(".html")
            if isinstance(artifact, ReusedArtifact):
                self.reused_files += 1
                self.reused_pages += artifact.path.endswith(".html")
            yield artifact
