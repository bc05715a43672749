"""One call that runs the pipeline: load, annotate, link, render, write, index.

Every stage reports problems as diagnostics; `build` gathers them and returns them with the
timings. Nothing is written until every record is known to be good, and the output is swapped in
only when the whole site, search index included, is complete.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, TypeVar, cast

import msgspec

from natocorpus import __version__, write
from natocorpus.annotate import Matchers, annotate_article
from natocorpus.config import BuildConfig
from natocorpus.coverage import CoverageCheck
from natocorpus.diagnostics import CorpusError, Diagnostic, errors_in, warnings_in
from natocorpus.index import index_site
from natocorpus.link import link_site
from natocorpus.load import CorpusFrame, check_articles, load_frame
from natocorpus.model import (
    AnnotatedArticle,
    AnnotatedCorpus,
    Artifact,
    LoadedArticle,
    StreamedArtifact,
)
from natocorpus.parallel import fork_map
from natocorpus.records import render_records
from natocorpus.render import iter_site_artifacts

T = TypeVar("T")


class BuildReport(msgspec.Struct, frozen=True):
    diagnostics: tuple[Diagnostic, ...]
    timings: tuple[tuple[str, float], ...]
    written: bool
    out_dir: Path
    pages: int = 0
    files: int = 0
    up_to_date: bool = False

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return errors_in(self.diagnostics)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return warnings_in(self.diagnostics)


class _Clock(msgspec.Struct):
    """Stage timings. Stages may nest (render runs inside write, as the writer pulls each page),
    and each lap counts only its own time, so the laps add up to the build's."""

    laps: list[tuple[str, float]] = msgspec.field(default_factory=list)
    _inner: list[float] = msgspec.field(default_factory=list)

    @contextmanager
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


class _Tally(msgspec.Struct):
    files: int = 0
    pages: int = 0

    def count(
        self, artifacts: Iterable[Artifact | StreamedArtifact]
    ) -> Iterator[Artifact | StreamedArtifact]:
        for artifact in artifacts:
            self.files += 1
            self.pages += artifact.path.endswith(".html")
            yield artifact


def _timed_downloads(
    clock: _Clock, artifacts: Iterable[Artifact | StreamedArtifact]
) -> Iterator[Artifact | StreamedArtifact]:
    """The downloads, their making timed as the records stage, chunks of a large one included
    (they are made as the writer asks for them)."""
    for artifact in clock.timed("records", artifacts):
        if isinstance(artifact, StreamedArtifact):
            artifact = StreamedArtifact(artifact.path, clock.timed("records", artifact.chunks))
        yield artifact


def input_fingerprint(config: BuildConfig) -> str:
    """A digest of everything the output depends on: corpus, templates, options and our code."""
    digest = hashlib.sha256()
    options = (__version__, config.base_url, config.site_url, config.search, config.strict)
    digest.update(repr(options).encode())
    package = Path(__file__).resolve().parent
    for root in (config.corpus_dir, config.templates_dir, package):
        for relative in _files_under(str(root)):
            if "__pycache__" not in relative.split("/"):
                digest.update(relative.encode() + b"\0")
                digest.update(hashlib.sha256((root / relative).read_bytes()).digest())
    return digest.hexdigest()


def _files_under(root: str, prefix: str = "") -> list[str]:
    """Every file under `root` (following links, as reading does), as sorted POSIX paths relative
    to it: os.scandir, as 20,000 corpus files make pathlib's per-path objects the dearer part."""
    found: list[str] = []
    with os.scandir(root) as entries:
        for entry in entries:
            relative = prefix + entry.name
            if entry.is_dir():
                found += _files_under(entry.path, relative + "/")
            elif entry.is_file():
                found.append(relative)
    return sorted(found) if not prefix else found


def _protected_paths(config: BuildConfig) -> tuple[Path, ...]:
    project = config.corpus_dir.resolve().parent
    return (config.corpus_dir, config.templates_dir, project, Path.cwd())


class _PassResult(NamedTuple):
    article: AnnotatedArticle | LoadedArticle | None  # loaded only, when not annotated
    problems: list[Diagnostic]
    missed: tuple[Diagnostic, ...]  # coverage warnings
    load_seconds: float
    annotate_seconds: float


class _ArticlePass(msgspec.Struct, frozen=True):
    """Load one article and, when the corpus around it is sound, annotate and check it: one job
    in a worker, so that only the annotated article comes back to the building process."""

    frame: CorpusFrame
    checks: tuple[Matchers, CoverageCheck] | None  # None when the corpus around it is not sound

    def __call__(self, path: Path) -> _PassResult:
        started = time.perf_counter()
        loaded, found = self.frame.load(path)
        loaded_at = time.perf_counter()
        if loaded is None or self.checks is None or errors_in(found):
            # Loaded but not annotated: still checked for a duplicate id, with every problem.
            unannotated = None if errors_in(found) else loaded
            return _PassResult(unannotated, found, (), loaded_at - started, 0.0)
        matchers, coverage = self.checks
        article = annotate_article(loaded, matchers)
        missed = coverage.of(article)
        done = time.perf_counter()
        return _PassResult(article, found, missed, loaded_at - started, done - loaded_at)


def annotate(
    config: BuildConfig, clock: _Clock | None = None
) -> tuple[AnnotatedCorpus | None, tuple[Diagnostic, ...]]:
    """Load and annotate the corpus, with the maintainer's coverage warnings."""
    clock = clock or _Clock()
    with clock.stage("load"):
        frame, diagnostics = load_frame(config.corpus_dir)
    if frame is None:
        return None, tuple(diagnostics)
    checks = None
    if frame.settings is not None and not errors_in(diagnostics):
        checks = (
            Matchers.for_knowledge(frame.knowledge),
            CoverageCheck.for_corpus(frame.knowledge, frame.settings),
        )
    article_pass = _ArticlePass(frame, checks)
    started = time.perf_counter()
    results = fork_map(article_pass, frame.files)
    # One pass does both stages in the workers: its wall time is shared between them in
    # proportion to the time the workers spent on each.
    clock.share(
        time.perf_counter() - started,
        {
            "load": sum(r.load_seconds for r in results),
            "annotate": sum(r.annotate_seconds for r in results),
        },
    )
    missed = [warning for result in results for warning in result.missed]
    articles = check_articles(frame, ((r.article, r.problems) for r in results), diagnostics)
    if frame.settings is None or errors_in(diagnostics):
        return None, tuple(diagnostics)
    annotated = sorted(
        (a for a in articles if isinstance(a, AnnotatedArticle)), key=lambda a: a.meta.id
    )
    corpus = AnnotatedCorpus(frame.settings, frame.knowledge, tuple(annotated))
    return corpus, tuple(diagnostics + missed)


@contextmanager
def _without_cyclic_collector() -> Iterator[None]:
    # A build makes millions of small, acyclic objects that live until it ends: the cyclic
    # collector's passes would only walk the whole corpus in memory again and again (a fifth of
    # the build's time at 1,000 articles, for no memory returned).
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def build(config: BuildConfig, *, after_stage: Callable[[str], None] | None = None) -> BuildReport:
    """Build the site described by `config`; the previous site stays untouched on any failure.

    `after_stage` is called with each stage's name once it is done (tests use it to fail a stage).
    """
    with _without_cyclic_collector():
        return _build(config, after_stage)


def _build(config: BuildConfig, after_stage: Callable[[str], None] | None) -> BuildReport:
    clock = _Clock()
    notify = after_stage or (lambda _name: None)

    def report(
        diagnostics: tuple[Diagnostic, ...],
        written: bool = False,
        pages: int = 0,
        files: int = 0,
        up_to_date: bool = False,
    ) -> BuildReport:
        return BuildReport(
            diagnostics, tuple(clock.laps), written, config.out_dir, pages, files, up_to_date
        )

    try:
        fingerprint = ""
        if not config.check_only:
            write.check_output_dir(config.out_dir, _protected_paths(config))
            with clock.stage("fingerprint"):
                fingerprint = input_fingerprint(config)
            if not config.force and write.recorded_fingerprint(config.out_dir) == fingerprint:
                return report((), up_to_date=True)
        corpus, diagnostics = annotate(config, clock)
        notify("annotate")
        if corpus is None or errors_in(diagnostics) or config.check_only:
            return report(diagnostics)
        if config.strict and warnings_in(diagnostics):
            return report(diagnostics)
        with clock.stage("link"):
            site = link_site(corpus, config.base_url, origin=config.site_url)
        notify("link")
        # Pages and downloads are written as they are made, never all held at once: the writer
        # pulls each from the renderer, and a failure on the way discards the staging folder.
        tally = _Tally()
        artifacts = itertools.chain(
            clock.timed("render", iter_site_artifacts(site, config.templates_dir)),
            _timed_downloads(clock, render_records(corpus, config.base_url)),
        )
        with clock.stage("write"):
            write.clear_leftovers(config.out_dir)
            staging = write.stage(tally.count(artifacts), config.out_dir, fingerprint)
        try:
            notify("render")
            notify("write")
            if config.search:
                with clock.stage("index"):
                    index_site(staging, corpus.settings.language)
                notify("index")
            with clock.stage("swap"):
                write.commit(staging, config.out_dir)
        except BaseException:
            write.discard(staging)
            raise
        return report(diagnostics, True, pages=tally.pages, files=tally.files)
    except CorpusError as failure:
        return report(failure.diagnostics)
