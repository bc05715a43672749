"""One call that runs the pipeline: load, annotate, link, render, write, search.

Every stage reports problems as diagnostics; `build` gathers them and returns them with the
timings. Nothing is written until every record is known to be good, and the output is swapped in
only when the whole site, search index included, is complete. What the previous build left is read
once (`PreviousBuild`), and each stage is handed, as values, what it can reuse from it.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from functools import cache, cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import msgspec

from natocorpus import write
from natocorpus.artifacts import StreamedArtifact
from natocorpus.config import BuildConfig
from natocorpus.diagnostics import Diagnostic, NatocorpusError, error, errors_in, warnings_in
from natocorpus.downloads import make_downloads
from natocorpus.link import link_site
from natocorpus.load import CorpusFrame, check_articles, load_frame
from natocorpus.model import AnnotatedArticle, AnnotatedCorpus, LoadedArticle
from natocorpus.parallel import MIN_ITEMS, Later, fork_map
from natocorpus.previous import CachedArticle, PreviousBuild, search_record
from natocorpus.render import CompiledTemplates, iter_site_artifacts, precompiled_templates
from natocorpus.report import BuildReport, Clock, Tally
from natocorpus.search import search_site

if TYPE_CHECKING:
    from natocorpus.annotate import Matchers
    from natocorpus.coverage import CoverageCheck

__all__ = ["BuildReport", "annotate", "build"]


def build(
    config: BuildConfig,
    *,
    after_stage: Callable[[str], None] | None = None,
    remove_in_background: bool = False,
) -> BuildReport:
    """Build the site described by `config`; the previous site stays untouched on any failure.

    `after_stage` is called with each stage's name once it is done (tests use it to fail a stage).
    With `remove_in_background`, the site replaced is removed by a process of its own
    (`write.commit`), for a caller that ends once the build is done.
    """
    run = _Run(config, Clock(), after_stage or _nothing, contextlib.ExitStack())
    with _without_cyclic_collector(), run.cleanup:
        try:
            return _build(run, remove_in_background)
        except NatocorpusError as failure:
            return run.report(failure.diagnostics)


def _nothing(_stage: str) -> None:
    pass


T = TypeVar("T")


class _Run(NamedTuple):
    config: BuildConfig
    clock: Clock
    notify: Callable[[str], None]  # called with each stage's name once it is done
    cleanup: contextlib.ExitStack  # what must not outlive the build however it ends

    def report(self, diagnostics: tuple[Diagnostic, ...], up_to_date: bool = False) -> BuildReport:
        """The report of a build that wrote nothing."""
        laps = tuple(self.clock.laps)
        return BuildReport(diagnostics, laps, False, self.config.out_dir, up_to_date=up_to_date)

    def keep(self, manager: contextlib.AbstractContextManager[T]) -> T:
        """`manager` entered, its clean-up to run however the build ends. Ctrl-C is held back
        until that clean-up is registered: an interrupt between the two would leave what entering
        made (a staging folder, a child process writing into it) with nothing to remove it."""
        with _interrupts_held():
            return self.cleanup.enter_context(manager)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C, and the alarm by which the command raises again one that came at a bad moment
    (`cli`), held back for the block and then raised again, through the handlers they had. Their
    handlers are replaced rather than the signals blocked: a signal blocked in this thread is
    still taken by another, and Python runs its handler here all the same."""
    handlers = {sig: signal.getsignal(sig) for sig in _HELD}
    # Not in another thread, where no handler of Python's runs, nor where a handler was set
    # outside Python and could not be put back.
    if threading.current_thread() is not threading.main_thread() or None in handlers.values():
        yield
        return
    held: list[int] = []
    for sig in _HELD:
        signal.signal(sig, lambda signum, _: held.append(signum))
    try:
        yield
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        for signum in held:
            signal.raise_signal(signum)


_HELD = (signal.SIGINT, signal.SIGALRM)


# The `--timings` labels are the stages' names, but for two kept as they were first printed:
# "records" is the downloads stage, and "index" the search stage.


def _build(run: _Run, remove_in_background: bool) -> BuildReport:
    """Read the previous build, then load and annotate the corpus; `_make_site` does the rest."""
    config, clock = run.config, run.clock
    if config.check_only:
        annotation = _annotate(config, clock, None)
        run.notify("annotate")
        return run.report(annotation.diagnostics)
    inputs = (config.corpus_dir, config.templates_dir)
    write.check_output_dir(config.out_dir, _protected_paths(config), inputs)
    missing = _missing_folders(config)
    if missing:
        return run.report(missing)
    run.keep(write.one_build_at_a_time(config.out_dir))
    with clock.stage("fingerprint"):
        previous = PreviousBuild.read(config, write.recorded_fingerprint(config.out_dir))
    if previous.up_to_date:
        return run.report((), up_to_date=True)
    write.clear_leftovers(config.out_dir)
    ahead = None
    if previous.exists:
        # The previous build's folders and files go into the new site, on the other core, while
        # the articles are read and annotated.
        with clock.stage("write"):
            ahead = run.keep(write.site_ahead(config.out_dir, previous.fingerprint, previous.pages))
    # The templates, compiled while a child annotates the articles, or else when render asks.
    templates = cache(
        partial(precompiled_templates, config.templates_dir, previous.compiled_templates)
    )
    annotation = _annotate(config, clock, previous, meanwhile=templates)
    run.notify("annotate")
    corpus, diagnostics = annotation.corpus, annotation.diagnostics
    if corpus is None or errors_in(diagnostics) or (config.strict and warnings_in(diagnostics)):
        return run.report(diagnostics)
    return _make_site(run, corpus, annotation, previous, ahead, templates, remove_in_background)


def _make_site(
    run: _Run,
    corpus: AnnotatedCorpus,
    annotation: _Annotation,
    previous: PreviousBuild,
    ahead: write.SiteAhead | None,
    templates: Callable[[], Mapping[str, bytes]],
    remove_in_background: bool,
) -> BuildReport:
    """The downloads, link, render, write and search stages, and the swap. `templates()` gives
    Jinja's bytecode of the templates, by its key (`CompiledTemplates`)."""
    config, clock = run.config, run.clock
    articles = previous.for_articles(corpus, annotation.passes)
    with clock.stage("records"):
        downloads = list(
            make_downloads(
                corpus,
                config.base_url,
                articles.keys,
                previous.download_pieces,
                previous.files,
                origin=config.site_url,
            )
        )
    streams = [d for d in downloads if isinstance(d, StreamedArtifact)]
    files = [d for d in downloads if not isinstance(d, StreamedArtifact)]
    tally = Tally(files=len(streams))
    # The large downloads and the article cache are made from the corpus alone: a child process
    # writes them while this one links and renders the site.
    with clock.stage("write"):
        alongside = run.keep(write.downloads_alongside(config.out_dir, [*streams, articles.cache]))

    with clock.stage("link"):
        site = link_site(
            corpus,
            config.base_url,
            origin=config.site_url,
            article_keys=articles.keys,
            search=config.search,
        )
    run.notify("link")

    with clock.stage("write"):
        staging = run.keep(write.staging(config.out_dir, previous.fingerprint, ahead, alongside))

    # Pages are written as they are rendered, never all held at once: the writer pulls each.
    # Render loads each template from its bytecode rather than compiling it again.
    with clock.stage("render"):
        compiled = CompiledTemplates(templates())
    pages = clock.timed(
        "render",
        iter_site_artifacts(
            site, config.templates_dir, previous.files, previous.page_key, compiled
        ),
    )
    with clock.stage("write"):
        records = (
            make()
            for make in (previous.inputs_record, lambda: previous.templates_record(compiled.used))
        )
        staging.write(
            itertools.chain(tally.count(itertools.chain(pages, files)), records),
            waiting=lambda: clock.stage("records"),
        )
    run.notify("render")
    run.notify("write")

    if config.search:
        with clock.stage("index"):
            parts = search_site(
                staging.path,
                corpus.settings.language,
                site.search_parts,
                previous.search_parts,
                previous.site,
            )
            if parts:
                staging.add_record(search_record(parts))
        run.notify("index")

    with clock.stage("swap"):
        staging.commit(remove_in_background=remove_in_background)
    return BuildReport(
        diagnostics=annotation.diagnostics,
        timings=tuple(clock.laps),
        written=True,
        out_dir=config.out_dir,
        pages=tally.pages,
        files=tally.files,
        reused_articles=annotation.reused,
        reused_pages=tally.reused_pages,
        reused_files=tally.reused_files,
    )


def _missing_folders(config: BuildConfig) -> tuple[Diagnostic, ...]:
    """An error for the corpus or templates folder where it is not a folder: the fingerprint reads
    both before any stage would say so."""
    return tuple(
        error(str(folder), None, field, "is not a folder")
        for folder, field in ((config.corpus_dir, "corpus"), (config.templates_dir, "templates"))
        if not folder.is_dir()
    )


def _protected_paths(config: BuildConfig) -> tuple[Path, ...]:
    project = config.corpus_dir.resolve().parent
    return (config.corpus_dir, config.templates_dir, project, Path.cwd())


class _PassResult(NamedTuple):
    article: AnnotatedArticle | LoadedArticle | None  # loaded only, when not annotated
    problems: list[Diagnostic]
    missed: tuple[Diagnostic, ...]  # coverage warnings
    load_seconds: float
    annotate_seconds: float


class _Checks:
    """The knowledge base's matchers and the coverage check, each compiled where first used. A
    rebuild imports and compiles them only in the child that annotates the articles that changed
    (`parallel.Later`), which buys the rebuild the time they take (benchmarks/README.md)."""

    def __init__(self, frame: CorpusFrame) -> None:
        self._frame = frame

    @cached_property
    def matchers(self) -> Matchers:
        from natocorpus.annotate import Matchers

        return Matchers.for_knowledge(self._frame.knowledge)

    @cached_property
    def coverage(self) -> CoverageCheck:
        from natocorpus.coverage import CoverageCheck

        assert self._frame.settings is not None  # checks are made only for a sound corpus
        return CoverageCheck.for_corpus(self._frame.knowledge, self._frame.settings)

    def compiled(self) -> _Checks:
        """These checks, compiled here: forked workers then share them rather than each compiling
        its own."""
        _ = self.matchers, self.coverage
        return self


class _ArticlePass(msgspec.Struct, frozen=True):
    """Load one article and, when the corpus around it is sound, annotate and check it: one job
    in a worker, so that only the annotated article comes back to the building process."""

    frame: CorpusFrame
    checks: _Checks | None  # None when the corpus around it is not sound

    def __call__(self, path: Path) -> _PassResult:
        from natocorpus.annotate import annotate_article

        started = time.perf_counter()
        loaded, found = self.frame.load(path)
        loaded_at = time.perf_counter()
        if loaded is None or self.checks is None or errors_in(found):
            # Loaded but not annotated: still checked for a duplicate id, with every problem.
            unannotated = None if errors_in(found) else loaded
            return _PassResult(unannotated, found, (), loaded_at - started, 0.0)
        article = annotate_article(loaded, self.checks.matchers)
        missed = self.checks.coverage.of(article)
        done = time.perf_counter()
        return _PassResult(article, found, missed, loaded_at - started, done - loaded_at)


class _Annotation(NamedTuple):
    corpus: AnnotatedCorpus | None
    diagnostics: tuple[Diagnostic, ...]
    passes: dict[str, CachedArticle]  # each annotated article's pass, by its path in the corpus
    reused: int  # how many of them came from the cache


def annotate(
    config: BuildConfig, clock: Clock | None = None
) -> tuple[AnnotatedCorpus | None, tuple[Diagnostic, ...]]:
    """Load and annotate the corpus, with the maintainer's coverage warnings."""
    annotation = _annotate(config, clock or Clock(), None)
    return annotation.corpus, annotation.diagnostics


def _annotate(
    config: BuildConfig,
    clock: Clock,
    previous: PreviousBuild | None,
    meanwhile: Callable[[], object] | None = None,
) -> _Annotation:
    """`annotate`, taking from the previous build's cache each article whose files have not
    changed since. Where a child annotates the few articles to annotate, this process calls
    `meanwhile` while it waits (the build compiles its templates)."""
    with clock.stage("load"):
        frame, diagnostics = load_frame(config.corpus_dir)
    if frame is None:
        return _Annotation(None, tuple(diagnostics), {}, 0)
    sound = frame.settings is not None and not errors_in(diagnostics)
    checks = _Checks(frame) if sound else None
    names = [_corpus_path(config, path) for path in frame.files]
    in_cache = previous.article_names if previous is not None and sound else frozenset()
    fresh = [path for path, name in zip(frame.files, names, strict=True) if name not in in_cache]
    if fresh and len(fresh) < MIN_ITEMS and (in_cache or meanwhile is not None):
        # A small build or a rebuild: the child annotating the few articles to annotate compiles
        # the checks, on the other core, while this process reads the others from the cache and
        # does the `meanwhile` work. It takes a fifth off the real corpus's cold build
        # (benchmarks/README.md).
        article_pass = _ArticlePass(frame, checks)
        later = Later(lambda: [article_pass(path) for path in fresh])
        try:
            cached = _cached_articles(clock, previous if in_cache else None)
            started = time.perf_counter()
            if meanwhile is not None:
                meanwhile()
            passed = later.result()
        finally:
            later.cancel()
    else:
        cached = _cached_articles(clock, previous if in_cache else None)
        started = time.perf_counter()
        passed = fork_map(_ArticlePass(frame, checks and checks.compiled()), fresh)
    results = dict(zip((_corpus_path(config, path) for path in fresh), passed, strict=True))
    reused = 0
    for name in names:
        if name not in results and name in cached:
            known = cached[name]
            results[name] = _PassResult(known.article, list(known.problems), known.missed, 0, 0)
            reused += 1
    # Articles the cache's heads promised but its bodies did not give (a damaged cache).
    missing = [path for path, name in zip(frame.files, names, strict=True) if name not in results]
    if missing:
        again = fork_map(_ArticlePass(frame, checks and checks.compiled()), missing)
        results.update(zip((_corpus_path(config, path) for path in missing), again, strict=True))
        passed = [*passed, *again]
    # One pass does both stages in the workers: its wall time is shared between them in
    # proportion to the time the workers spent on each.
    clock.share(
        time.perf_counter() - started,
        {
            "load": sum(r.load_seconds for r in passed),
            "annotate": sum(r.annotate_seconds for r in passed),
        },
    )
    ordered = [results[name] for name in names]
    missed = [warning for result in ordered for warning in result.missed]
    articles = check_articles(frame, ((r.article, r.problems) for r in ordered), diagnostics)
    if frame.settings is None or errors_in(diagnostics):
        # Every article that loaded is still checked: its warnings stand beside the errors.
        return _Annotation(None, tuple(diagnostics + missed), {}, 0)
    annotated = sorted(
        (a for a in articles if isinstance(a, AnnotatedArticle)), key=lambda a: a.meta.id
    )
    passes = {
        name: CachedArticle(result.article, tuple(result.problems), result.missed)
        for name, result in results.items()
        if isinstance(result.article, AnnotatedArticle)
    }
    corpus = AnnotatedCorpus(frame.settings, frame.knowledge, tuple(annotated))
    return _Annotation(corpus, tuple(diagnostics + missed), passes, reused)


def _cached_articles(clock: Clock, previous: PreviousBuild | None) -> Mapping[str, CachedArticle]:
    with clock.stage("load"):
        return previous.articles.articles if previous is not None else {}


def _corpus_path(config: BuildConfig, path: Path) -> str:
    return path.relative_to(config.corpus_dir).as_posix()


@contextlib.contextmanager
def _without_cyclic_collector() -> Iterator[None]:
    # A build makes millions of small, acyclic objects that live until it ends: the cyclic
    # collector's passes would only walk the whole corpus in memory again and again, for no memory
    # returned.
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
