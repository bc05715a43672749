"""One call that runs the pipeline: load, annotate, link, render, write, index.

Every stage reports problems as diagnostics; `build` gathers them and returns them with the
timings. Nothing is written until every record is known to be good, and the output is swapped in
only when the whole site, search index included, is complete.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple, TypeVar, cast

import msgspec

from natocorpus import __version__, write
from natocorpus.annotate import Matchers, annotate_article
from natocorpus.cache import (
    ARTICLES_FILE,
    INPUTS_FILE,
    ArticleSources,
    CachedArticle,
    InputRecord,
    PageRecord,
    PreviousArticles,
    article_cache_chunks,
    digest_of,
    read_article_cache,
    read_downloads_cache,
    read_inputs_cache,
    read_pages_cache,
    records_bytes,
)
from natocorpus.config import BuildConfig
from natocorpus.coverage import CoverageCheck
from natocorpus.diagnostics import Diagnostic, NatocorpusError, error, errors_in, warnings_in
from natocorpus.index import index_site
from natocorpus.link import link_site
from natocorpus.load import CorpusFrame, check_articles, load_frame
from natocorpus.model import (
    AnnotatedArticle,
    AnnotatedCorpus,
    Artifact,
    KeptArtifact,
    LoadedArticle,
    StreamedArtifact,
)
from natocorpus.parallel import fork_map
from natocorpus.records import PieceReuse, render_records
from natocorpus.render import Keeper, iter_site_artifacts

T = TypeVar("T")


class BuildReport(msgspec.Struct, frozen=True):
    diagnostics: tuple[Diagnostic, ...]
    timings: tuple[tuple[str, float], ...]
    written: bool
    out_dir: Path
    pages: int = 0
    files: int = 0
    up_to_date: bool = False
    reused_articles: int = 0  # annotated articles taken from the previous build's cache
    kept_pages: int = 0  # pages kept from the previous build, their inputs unchanged
    kept_files: int = 0  # files of any kind kept so, pages included

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


class _Tally(msgspec.Struct):
    files: int = 0
    pages: int = 0
    kept_pages: int = 0
    kept_files: int = 0

    def count(
        self, artifacts: Iterable[Artifact | KeptArtifact]
    ) -> Iterator[Artifact | KeptArtifact]:
        for artifact in artifacts:
            self.files += 1
            self.pages += artifact.path.endswith(".html")
            if isinstance(artifact, KeptArtifact):
                self.kept_files += 1
                self.kept_pages += artifact.path.endswith(".html")
            yield artifact


class InputDigests(msgspec.Struct, frozen=True):
    """The SHA-256 of every input file, and of all of them together (the fingerprint)."""

    fingerprint: str
    corpus: dict[str, bytes]  # each corpus file's, by its path relative to the corpus folder
    templates: bytes  # of the whole templates folder
    code: bytes  # of our package
    records: dict[str, InputRecord]  # each file's digest as read, for the next build


# A file changed this recently may be written again within the same tick of the file system's
# clock, leaving its size and times as they were: its digest is not recorded for the next build.
_SETTLING_NS = 2_000_000_000


def input_digests(
    config: BuildConfig, known: Mapping[str, InputRecord] | None = None
) -> InputDigests:
    """Digests of everything the output depends on: corpus, templates, options and our code.

    A file recorded in `known` (the last build's `inputs.bin`) with its size, times and inode as
    they are now is not read again: at 10,000 articles, reading and hashing the 173 MB of input
    took a second of every rebuild."""
    known = known or {}
    settled = time.time_ns() - _SETTLING_NS
    records: dict[str, InputRecord] = {}
    whole = hashlib.sha256()
    options = (__version__, config.base_url, config.site_url, config.search, config.strict)
    whole.update(repr(options).encode())
    package = Path(__file__).resolve().parent
    folders: list[dict[str, bytes]] = []
    for root in (config.corpus_dir, config.templates_dir, package):
        files: dict[str, bytes] = {}
        absolute = str(root.absolute())
        for relative in _files_under(str(root)):
            if "__pycache__" not in relative.split("/"):
                path = f"{absolute}/{relative}"
                files[relative] = _file_digest(path, known, records, settled)
                whole.update(relative.encode() + b"\0")
                whole.update(files[relative])
        folders.append(files)
    corpus, templates, code = folders
    return InputDigests(
        whole.hexdigest(), corpus, _digest_of_folder(templates), _digest_of_folder(code), records
    )


def _file_digest(
    path: str, known: Mapping[str, InputRecord], records: dict[str, InputRecord], settled: int
) -> bytes:
    """The SHA-256 of the file at `path`, from `known` where the file is unchanged since; its
    record goes into `records` once the file has settled."""
    stat = os.stat(path)  # noqa: PTH116 (a path string, as scandir gives)
    seen = known.get(path)
    if seen is not None and (seen.size, seen.mtime_ns, seen.ctime_ns, seen.inode) == (
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
        stat.st_ino,
    ):
        sha = seen.sha
    else:
        with open(path, "rb") as file:  # noqa: PTH123 (a path string, as scandir gives)
            sha = hashlib.sha256(file.read()).digest()
    if max(stat.st_mtime_ns, stat.st_ctime_ns) < settled:
        records[path] = InputRecord(
            stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, sha
        )
    return sha


def _digest_of_folder(files: dict[str, bytes]) -> bytes:
    return digest_of(*(part for name, sha in files.items() for part in (name.encode(), sha)))


def _missing_folders(config: BuildConfig) -> tuple[Diagnostic, ...]:
    """An error for the corpus or templates folder where it is not a folder: the fingerprint reads
    both before any stage would say so."""
    return tuple(
        error(str(folder), None, field, "is not a folder")
        for folder, field in ((config.corpus_dir, "corpus"), (config.templates_dir, "templates"))
        if not folder.is_dir()
    )


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


class _Annotation(NamedTuple):
    corpus: AnnotatedCorpus | None
    diagnostics: tuple[Diagnostic, ...]
    passes: dict[str, CachedArticle]  # each annotated article's pass, by its path in the corpus
    reused: int  # how many of them came from the cache


def annotate(
    config: BuildConfig, clock: _Clock | None = None
) -> tuple[AnnotatedCorpus | None, tuple[Diagnostic, ...]]:
    """Load and annotate the corpus, with the maintainer's coverage warnings."""
    annotation = _annotate(config, clock or _Clock(), {})
    return annotation.corpus, annotation.diagnostics


def _annotate(
    config: BuildConfig, clock: _Clock, cached: Mapping[str, CachedArticle]
) -> _Annotation:
    """`annotate`, taking from `cached` each article whose files have not changed since."""
    with clock.stage("load"):
        frame, diagnostics = load_frame(config.corpus_dir)
    if frame is None:
        return _Annotation(None, tuple(diagnostics), {}, 0)
    checks = None
    if frame.settings is not None and not errors_in(diagnostics):
        checks = (
            Matchers.for_knowledge(frame.knowledge),
            CoverageCheck.for_corpus(frame.knowledge, frame.settings),
        )
    article_pass = _ArticlePass(frame, checks)
    names = [_corpus_path(config, path) for path in frame.files]
    results: dict[str, _PassResult] = {}
    if checks is not None:
        for name in names:
            if name in cached:
                known = cached[name]
                results[name] = _PassResult(known.article, list(known.problems), known.missed, 0, 0)
    fresh = [path for path, name in zip(frame.files, names, strict=True) if name not in results]
    started = time.perf_counter()
    passed = fork_map(article_pass, fresh)
    results.update(zip((_corpus_path(config, path) for path in fresh), passed, strict=True))
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
        return _Annotation(None, tuple(diagnostics), {}, 0)
    annotated = sorted(
        (a for a in articles if isinstance(a, AnnotatedArticle)), key=lambda a: a.meta.id
    )
    passes = {
        name: CachedArticle(result.article, tuple(result.problems), result.missed)
        for name, result in results.items()
        if isinstance(result.article, AnnotatedArticle)
    }
    corpus = AnnotatedCorpus(frame.settings, frame.knowledge, tuple(annotated))
    return _Annotation(corpus, tuple(diagnostics + missed), passes, len(ordered) - len(fresh))


def _corpus_path(config: BuildConfig, path: Path) -> str:
    return path.relative_to(config.corpus_dir).as_posix()


def _article_cache_key(config: BuildConfig, digests: InputDigests) -> bytes:
    """What every cached article depends on besides its own two files: our code, the Python
    that ran it, the corpus folder as named (diagnostics name files by it), and every corpus
    file that is neither an article nor a capture (corpus.yaml, actors.yaml, events.yaml)."""
    shared = sorted(
        (name, sha)
        for name, sha in digests.corpus.items()
        if not name.startswith(("articles/", "sources/"))
    )
    return digest_of(
        __version__.encode(),
        sys.version.encode(),
        msgspec.__version__.encode(),
        digests.code,
        str(config.corpus_dir).encode(),
        *(part for name, sha in shared for part in (name.encode(), sha)),
    )


def _article_sources(
    corpus: AnnotatedCorpus, passes: Mapping[str, CachedArticle], digests: InputDigests
) -> Iterator[tuple[str, ArticleSources]]:
    """Each annotated article's path and the digests of its two files, in corpus order, as read
    when the build began (an article whose files were not there then is left out)."""
    names = {known.article.path: name for name, known in passes.items()}
    for article in corpus.articles:
        name = names[article.path]
        capture = f"sources/{article.meta.source_file}"
        article_digest, capture_digest = digests.corpus.get(name), digests.corpus.get(capture)
        if article_digest is not None and capture_digest is not None:
            yield article.path, ArticleSources(name, article_digest, capture, capture_digest)


class _PreviousBuild(NamedTuple):
    """What the last build left in the output folder that this one can take."""

    articles: PreviousArticles
    pages: dict[str, PageRecord]
    downloads: dict[str, dict[bytes, tuple[int, int]]]


def _previous_build(
    config: BuildConfig,
    article_key: bytes,
    digests: InputDigests,
    clock: _Clock,
    pages: dict[str, PageRecord],
) -> _PreviousBuild:
    """The last build's cache, each part timed with the stage it saves work in."""
    with clock.stage("load"):
        articles = read_article_cache(config.out_dir, article_key, digests.corpus)
    with clock.stage("records"):
        downloads = read_downloads_cache(config.out_dir)
    return _PreviousBuild(articles, pages, downloads)


@contextlib.contextmanager
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


def build(
    config: BuildConfig,
    *,
    after_stage: Callable[[str], None] | None = None,
    keep: list[object] | None = None,
    remove_in_background: bool = False,
) -> BuildReport:
    """Build the site described by `config`; the previous site stays untouched on any failure.

    `after_stage` is called with each stage's name once it is done (tests use it to fail a stage).
    Where `keep` is given, the annotated corpus and the last build's cache are put in it rather
    than freed when the build returns: a process about to end without freeing its heap (`cli.run`)
    saves the time (0.6 s at 10,000 articles). With `remove_in_background`, the site replaced is
    removed by a process of its own (`write.commit`), for a caller that ends once the build is
    done.
    """
    # `cleanup` holds what must not outlive the build however it ends (a staging folder begun).
    with _without_cyclic_collector(), contextlib.ExitStack() as cleanup:
        return _build(config, after_stage, cleanup, keep, remove_in_background)


def _build(
    config: BuildConfig,
    after_stage: Callable[[str], None] | None,
    cleanup: contextlib.ExitStack,
    keep: list[object] | None = None,
    remove_in_background: bool = False,
) -> BuildReport:
    clock = _Clock()
    notify = after_stage or (lambda _name: None)

    def report(
        diagnostics: tuple[Diagnostic, ...],
        written: bool = False,
        pages: int = 0,
        files: int = 0,
        up_to_date: bool = False,
        reused_articles: int = 0,
        kept_pages: int = 0,
        kept_files: int = 0,
    ) -> BuildReport:
        return BuildReport(
            diagnostics,
            tuple(clock.laps),
            written,
            config.out_dir,
            pages,
            files,
            up_to_date,
            reused_articles,
            kept_pages,
            kept_files,
        )

    try:
        digests: InputDigests | None = None
        article_key = b""
        previous = _PreviousBuild(PreviousArticles({}, {}), {}, {})
        ahead: write.SiteAhead | None = None
        if not config.check_only:
            write.check_output_dir(config.out_dir, _protected_paths(config))
            missing = _missing_folders(config)
            if missing:
                return report(missing)
            cleanup.enter_context(write.one_build_at_a_time(config.out_dir))
            with clock.stage("fingerprint"):
                recorded = write.recorded_fingerprint(config.out_dir)
                known = read_inputs_cache(config.out_dir) if recorded and not config.force else {}
                digests = input_digests(config, known)
            if not config.force and recorded == digests.fingerprint:
                return report((), up_to_date=True)
            write.clear_leftovers(config.out_dir)
            article_key = _article_cache_key(config, digests)
            if not config.force and recorded is not None:
                with clock.stage("render"):
                    pages = read_pages_cache(config.out_dir)
                # The last build's folders and files go into the new site, on the other core,
                # while the cache is read and the site linked.
                with clock.stage("write"):
                    ahead = cleanup.enter_context(
                        write.site_ahead(config.out_dir, digests.fingerprint, pages)
                    )
                previous = _previous_build(config, article_key, digests, clock, pages)
        annotation = _annotate(config, clock, previous.articles.articles)
        if keep is not None:
            keep += [previous, annotation]
        corpus, diagnostics = annotation.corpus, annotation.diagnostics
        notify("annotate")
        if corpus is None or errors_in(diagnostics) or config.check_only or digests is None:
            return report(diagnostics)
        if config.strict and warnings_in(diagnostics):
            return report(diagnostics)
        sources = tuple(_article_sources(corpus, annotation.passes, digests))
        # What an annotated article is made from: its two files, the base URL and all that the
        # article cache's key covers. It names the article's piece of a download, and the article
        # among a page's inputs.
        piece_keys = {
            path: digest_of(
                article_key,
                config.base_url.encode(),
                found.article_digest,
                found.capture_digest,
            )
            for path, found in sources
        }
        # Pages and downloads are written as they are made, never all held at once: the writer
        # pulls each from the renderer, and a failure on the way discards the staging folder.
        tally = _Tally()
        keeper = Keeper(digest_of(digests.code, digests.templates), previous.pages, config.out_dir)
        frames = previous.articles.frames
        article_cache = StreamedArtifact(
            ARTICLES_FILE,
            article_cache_chunks(
                article_key,
                # An article taken from the cache would be encoded as it is there: its frames
                # are copied.
                (
                    (found, annotation.passes[found.article], frames.get(found.article))
                    for _, found in sources
                ),
            ),
        )
        with clock.stage("records"):
            downloads = list(
                render_records(corpus, config.base_url, PieceReuse(piece_keys, previous.downloads))
            )
        streams = [d for d in downloads if isinstance(d, StreamedArtifact)]
        small = [d for d in downloads if not isinstance(d, StreamedArtifact)]
        tally.files += len(streams)

        parts: list[tuple[tuple[str, ...], ...]] = []  # the search index's, once linked

        def site_artifacts() -> Iterator[Artifact | KeptArtifact]:
            with clock.stage("link"):
                site = link_site(
                    corpus, config.base_url, origin=config.site_url, article_keys=piece_keys
                )
            parts.append(site.search_parts)
            notify("link")
            yield from clock.timed(
                "render", iter_site_artifacts(site, config.templates_dir, keeper)
            )

        # The large downloads and the article cache are made from the corpus alone: a child
        # process writes them while this one links and renders the site.
        with clock.stage("write"):
            staging = write.stage(
                itertools.chain(
                    tally.count(
                        itertools.chain(
                            site_artifacts(),
                            clock.timed("records", map(keeper.unless_unchanged, small)),
                        )
                    ),
                    [Artifact(INPUTS_FILE, records_bytes(digests.records))],
                ),
                config.out_dir,
                digests.fingerprint,
                ahead,
                alongside=[*streams, article_cache],
                waiting=lambda: clock.stage("records"),
            )
        try:
            notify("render")
            notify("write")
            if config.search:
                with clock.stage("index"):
                    index_site(
                        staging,
                        corpus.settings.language,
                        parts[0],
                        previous=None if ahead is None else config.out_dir,
                    )
                notify("index")
            with clock.stage("swap"):
                write.commit(staging, config.out_dir, remove_in_background=remove_in_background)
        except BaseException:
            write.discard(staging)
            raise
        return report(
            diagnostics,
            True,
            pages=tally.pages,
            files=tally.files,
            reused_articles=annotation.reused,
            kept_pages=tally.kept_pages,
            kept_files=tally.kept_files,
        )
    except NatocorpusError as failure:
        return report(failure.diagnostics)
