"""The previous build: what the last build left in the output folder, and what this one reuses.

"Reuse" means taking a file, or the work behind it, from the previous build instead of doing it
again. A build asks once (`PreviousBuild.read`) and hands each stage what it can take, as plain
values: the annotated articles whose files are unchanged, the pages and files still as that build
wrote them (with the digests they were made from), where each article's piece is in each large
download, and the digest of each part of the search index.

First, the input fingerprint (`fingerprint.py`): a digest of every input file (corpus, templates,
our code) and of the options. The marker file of the site records the fingerprint it was built
from; when it is this build's, the site is up to date and nothing is done.

The cache, six files under `.natocorpus-cache/` (a dot folder, which GitHub Pages' upload leaves
out), written by the writer and read here:

- `inputs.bin`, each input file's SHA-256 with its size, times and inode when it was read: a file
  whose four are unchanged is not read again to compute the fingerprint.
- `articles.bin`, every annotated article with the digests of the two files it was made from (the
  article and its capture) and the digest of everything else it depends on (corpus.yaml,
  actors.yaml, events.yaml, our code). An article whose digests still hold is not loaded or
  annotated again.
- `pages.bin`, for each page, the digest of everything its HTML is made from (its prepared
  context, the templates, the site-wide values they use) and the size and modification time the
  file had when written. A page whose digest and file still hold is linked from the previous site
  instead of rendered and written again.
- `downloads.bin`, where each article's piece is in each large download, so that an unchanged
  article's piece is copied from the previous file instead of made again.
- `search.bin`, where the search index is in parts, the digest of each part's pages: a part whose
  pages are unchanged takes its bundle from the previous site.
- `templates.bin`, Jinja's bytecode of each template (`render.CompiledTemplates`): a template whose
  source is unchanged is loaded instead of compiled again.

Beside them, `folders/` holds the folders of the site the last build replaced, emptied of its
files, in which the writer makes the next site (`write.KEPT_FOLDERS`).

The six files are msgpack, decoded into typed records: a cache that does not decode, or was made
by other code or from other input, is ignored and the build does all the work, as a clean build
would.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from stat import S_ISREG
from typing import BinaryIO, NamedTuple, TypeVar

import jinja2
import msgspec

from natocorpus import __version__
from natocorpus.artifacts import Artifact, Piece, StreamedArtifact, digest_of
from natocorpus.config import BuildConfig
from natocorpus.diagnostics import Diagnostic
from natocorpus.fingerprint import InputDigests, InputRecord, input_digests
from natocorpus.model import (
    ActorMention,
    AnnotatedArticle,
    AnnotatedCorpus,
    DateMention,
    EventMention,
    Span,
)

CACHE_DIR = ".natocorpus-cache"
ARTICLES_FILE = f"{CACHE_DIR}/articles.bin"
PAGES_FILE = f"{CACHE_DIR}/pages.bin"
DOWNLOADS_FILE = f"{CACHE_DIR}/downloads.bin"
INPUTS_FILE = f"{CACHE_DIR}/inputs.bin"
SEARCH_FILE = f"{CACHE_DIR}/search.bin"
TEMPLATES_FILE = f"{CACHE_DIR}/templates.bin"
_ARTICLES_MAGIC = b"natocorpus articles 1\n"
_LENGTH = struct.Struct("<I")
R = TypeVar("R")


class ArticleSources(msgspec.Struct, frozen=True, array_like=True):
    """The files one annotated article was made from, by path relative to the corpus folder."""

    article: str
    article_digest: bytes
    capture: str
    capture_digest: bytes


class CachedArticle(msgspec.Struct, frozen=True, array_like=True):
    """An article's annotation and the problems its pass reported (warnings only: a build with
    errors writes nothing, so caches nothing)."""

    article: AnnotatedArticle
    problems: tuple[Diagnostic, ...]
    missed: tuple[Diagnostic, ...]


class PageRecord(msgspec.Struct, frozen=True, array_like=True):
    """A file as written: the digest of what it was made from, of the inputs it was prepared
    from where it is a page known by them, and its size and modification time."""

    digest: bytes
    inputs: bytes | None
    size: int
    mtime_ns: int


class DownloadRecord(msgspec.Struct, frozen=True, array_like=True):
    """Where each article's piece is in a large download, by the key of what it is made from."""

    size: int
    mtime_ns: int
    pieces: dict[bytes, tuple[int, int]]  # (offset, length)


class PreviousArticles(NamedTuple):
    """The articles of the previous cache still valid, by article path, and where each one's
    two frames are in that file (offset, length)."""

    articles: dict[str, CachedArticle]
    frames: dict[str, tuple[int, int]]


class ArticleKeys(NamedTuple):
    """The keys of this build's articles, and the article cache for the next build."""

    # Each annotated article's key, by its path: a digest of its two files and of all that the
    # article cache's key covers. It names the article's piece of a download, and the article
    # among a page's inputs.
    keys: dict[str, bytes]
    cache: StreamedArtifact  # articles.bin, for the next build


# The previous build ------------------------------------------------------------------------------


class PreviousBuild:
    """This build's input fingerprint, and what the previous build in the output folder left that
    this one can reuse. Each part is read when first asked for; without a previous build of ours
    (or with `--force`), every part is empty."""

    def __init__(self, config: BuildConfig, digests: InputDigests, recorded: str | None) -> None:
        self.config = config
        self.digests = digests
        # Whether there is a previous build to reuse from: one of ours, and not refused.
        self.exists = recorded is not None and not config.force
        self.up_to_date = recorded == digests.fingerprint and not config.force

    @classmethod
    def read(cls, config: BuildConfig, recorded: str | None) -> PreviousBuild:
        """This build's input digests and what the previous build left, given `recorded`, the
        fingerprint the output folder's marker records (None where the folder is not a build of
        ours). An input file `inputs.bin` records as it is now is not read again."""
        known = read_inputs_cache(config.out_dir) if recorded and not config.force else {}
        return cls(config, input_digests(config, known), recorded)

    @property
    def fingerprint(self) -> str:
        return self.digests.fingerprint

    @property
    def site(self) -> Path | None:
        """The previous site, where there is one to reuse from."""
        return self.config.out_dir if self.exists else None

    @cached_property
    def pages(self) -> dict[str, PageRecord]:
        """Every file the previous build recorded (pages.bin), by path, as it wrote them."""
        return read_pages_cache(self.config.out_dir) if self.exists else {}

    @cached_property
    def files(self) -> Mapping[str, PageRecord]:
        """The files of `pages` still as the previous build wrote them (no one has changed or
        replaced them since): those a stage may reuse where its digest is the same."""
        return _StillWritten(str(self.config.out_dir), self.pages)

    @cached_property
    def article_key(self) -> bytes:
        """What every cached article depends on besides its own two files: our code, the Python
        that ran it, the corpus folder as named (diagnostics name files by it), and every corpus
        file that is neither an article nor a capture (corpus.yaml, actors.yaml, events.yaml)."""
        shared = sorted(
            (name, sha)
            for name, sha in self.digests.corpus.items()
            if not name.startswith(("articles/", "sources/"))
        )
        return digest_of(
            __version__.encode(),
            sys.version.encode(),
            msgspec.__version__.encode(),
            self.digests.code,
            str(self.config.corpus_dir).encode(),
            *(part for name, sha in shared for part in (name.encode(), sha)),
        )

    @cached_property
    def articles(self) -> PreviousArticles:
        """The annotated articles of the previous build whose two files are unchanged."""
        if not self.exists:
            return PreviousArticles({}, {})
        return read_article_cache(self.config.out_dir, self.article_key, self.digests.corpus)

    @cached_property
    def article_names(self) -> frozenset[str]:
        """The paths of the articles `articles` will give, found without decoding any: a build
        can start annotating the others while it reads these."""
        if not self.exists:
            return frozenset()
        return cached_article_names(self.config.out_dir, self.article_key, self.digests.corpus)

    @cached_property
    def download_pieces(self) -> dict[str, dict[bytes, tuple[int, int]]]:
        """Where each article's piece is in each large download of the previous site, by download
        and the piece's key (offset, length), for the downloads still as written."""
        return read_downloads_cache(self.config.out_dir) if self.exists else {}

    @cached_property
    def search_parts(self) -> dict[str, bytes]:
        """The digest of each part of the previous site's search index, by its bundle's folder."""
        return read_search_cache(self.config.out_dir) if self.exists else {}

    @property
    def page_key(self) -> bytes:
        """What every page's digest starts from: the templates and our code."""
        return digest_of(self.digests.code, self.digests.templates)

    def for_articles(
        self, corpus: AnnotatedCorpus, passes: Mapping[str, CachedArticle]
    ) -> ArticleKeys:
        """The keys of `corpus`'s articles, and the article cache for the next build, given each
        annotated article's pass by its path in the corpus folder."""
        sources = tuple(_article_sources(corpus, passes, self.digests))
        keys = {
            path: digest_of(
                self.article_key,
                self.config.base_url.encode(),
                found.article_digest,
                found.capture_digest,
            )
            for path, found in sources
        }
        frames = self.articles.frames
        cache = StreamedArtifact(
            ARTICLES_FILE,
            article_cache_chunks(
                self.article_key,
                # An article taken from the cache would be encoded as it is there: its frames
                # are copied.
                ((found, passes[found.article], frames.get(found.article)) for _, found in sources),
            ),
        )
        return ArticleKeys(keys, cache)

    @cached_property
    def compiled_templates(self) -> dict[str, bytes]:
        """Jinja's bytecode of each template as the previous build compiled it, by Jinja's key
        (Jinja loads one only where the template's source is unchanged)."""
        return read_templates_cache(self.config.out_dir, self._templates_key) if self.exists else {}

    @cached_property
    def _templates_key(self) -> bytes:
        # Jinja's bytecode checks its own source and Python's version; our code sets the
        # environment's options, and Jinja's version its compiler.
        return digest_of(jinja2.__version__.encode(), sys.version.encode(), self.digests.code)

    def templates_record(self, compiled: Mapping[str, bytes]) -> Artifact:
        """templates.bin, for the next build: `compiled`, the bytecode this build used."""
        return Artifact(TEMPLATES_FILE, _encoder.encode((self._templates_key, dict(compiled))))

    def inputs_record(self) -> Artifact:
        """inputs.bin, for the next build."""
        return Artifact(INPUTS_FILE, records_bytes(self.digests.records))


class _StillWritten(Mapping[str, PageRecord]):
    """The records of the files in `site` still as written. Each file is checked when it is asked
    for, in the render workers, which ask only for pages they might reuse."""

    def __init__(self, site: str, records: Mapping[str, PageRecord]) -> None:
        self._site = site
        self._records = records
        # Each file is checked once: render and the downloads ask for the same paths again.
        self._checked: dict[str, bool] = {}

    def __getitem__(self, path: str) -> PageRecord:
        record = self._records[path]
        still = self._checked.get(path)
        if still is None:
            still = self._checked[path] = file_still_written(f"{self._site}/{path}", record)
        if not still:
            raise KeyError(path)
        return record

    def __iter__(self) -> Iterator[str]:
        return (path for path in self._records if path in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        # Asked as `files or {}`: answered without checking every file, which the lookups do.
        return bool(self._records)


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


# Articles ----------------------------------------------------------------------------------------

_encoder = msgspec.msgpack.Encoder()
_sources_decoder = msgspec.msgpack.Decoder(ArticleSources)
_article_decoder = msgspec.msgpack.Decoder(CachedArticle)


def _frame(data: bytes) -> bytes:
    return _LENGTH.pack(len(data)) + data


def article_cache_chunks(
    key: bytes, entries: Iterable[tuple[ArticleSources, CachedArticle, tuple[int, int] | None]]
) -> Iterator[bytes | Piece]:
    """The article cache, a chunk per article: each encoded as the writer asks for it, so that
    the whole corpus is never held encoded beside the decoded one, or, where the previous cache
    holds the article's two frames (`read_article_cache`'s ranges), copied from there."""
    yield _ARTICLES_MAGIC + _frame(key)
    for sources, cached, frames in entries:
        if frames is not None:
            yield Piece(None, None, frames)
        else:
            yield _frame(_encoder.encode(sources)) + _frame(_encoder.encode(cached))


def _read_frame(file: BinaryIO) -> bytes | None:
    head = file.read(_LENGTH.size)
    if not head:
        return None
    if len(head) != _LENGTH.size:
        raise ValueError("truncated")
    (length,) = _LENGTH.unpack(head)
    data = file.read(length)
    if len(data) != length:
        raise ValueError("truncated")
    return data


def read_article_cache(
    site: Path, key: bytes, still_valid: Mapping[str, bytes]
) -> PreviousArticles:
    """The cached articles of the site in `site` made with `key`, keeping only those whose
    article and capture still have the digests in `still_valid` (by path relative to the corpus
    folder). Any damage or mismatch gives an empty cache, never an error."""
    path = site / ARTICLES_FILE
    found = PreviousArticles({}, {})
    strings: dict[str, str] = {}
    try:
        with path.open("rb") as file:
            if file.read(len(_ARTICLES_MAGIC)) != _ARTICLES_MAGIC or _read_frame(file) != key:
                return PreviousArticles({}, {})
            start = file.tell()
            while (head := _read_frame(file)) is not None:
                body = _read_frame(file)
                if body is None:
                    return PreviousArticles({}, {})
                end = file.tell()
                sources = _sources_decoder.decode(head)
                if (
                    still_valid.get(sources.article) == sources.article_digest
                    and still_valid.get(sources.capture) == sources.capture_digest
                ):
                    cached = _article_decoder.decode(body)
                    article = _sharing_strings(cached.article, strings)
                    found.articles[sources.article] = msgspec.structs.replace(
                        cached, article=article
                    )
                    found.frames[sources.article] = (start, end - start)
                start = end
    except (OSError, ValueError, msgspec.DecodeError):
        return PreviousArticles({}, {})
    return found


def cached_article_names(
    site: Path, key: bytes, still_valid: Mapping[str, bytes]
) -> frozenset[str]:
    """The article paths `read_article_cache` would give, from the frames' heads alone."""
    path = site / ARTICLES_FILE
    names: set[str] = set()
    try:
        with path.open("rb") as file:
            if file.read(len(_ARTICLES_MAGIC)) != _ARTICLES_MAGIC or _read_frame(file) != key:
                return frozenset()
            while (head := _read_frame(file)) is not None:
                body = file.read(_LENGTH.size)
                if len(body) != _LENGTH.size:
                    return frozenset()
                file.seek(_LENGTH.unpack(body)[0], os.SEEK_CUR)
                sources = _sources_decoder.decode(head)
                if (
                    still_valid.get(sources.article) == sources.article_digest
                    and still_valid.get(sources.capture) == sources.capture_digest
                ):
                    names.add(sources.article)
    except (OSError, ValueError, msgspec.DecodeError):
        return frozenset()
    return frozenset(names)


def _sharing_strings(article: AnnotatedArticle, strings: dict[str, str]) -> AnnotatedArticle:
    """`article` with one string object for each actor or event id, mention text and paragraph
    anchor its mentions repeat. An article annotated in a worker comes back with them shared;
    decoded, each would be a copy of its own, and the cache would hold far more memory."""
    one = strings.setdefault
    return msgspec.structs.replace(
        article,
        sentences=tuple(Span(s, e, one(p, p)) for s, e, p in article.sentences),
        mentions=tuple(
            ActorMention(one(a, a), one(t, t), s, e, one(p, p), n)
            for a, t, s, e, p, n in article.mentions
        ),
        event_mentions=tuple(
            EventMention(one(a, a), one(t, t), s, e, one(p, p), n)
            for a, t, s, e, p, n in article.event_mentions
        ),
        dates=tuple(
            DateMention(one(t, t), s, e, one(p, p), n, k, v, x if x is None else one(x, x))
            for t, s, e, p, n, k, v, x in article.dates
        ),
    )


# Pages, downloads, inputs and search parts ------------------------------------------------------

_pages_decoder = msgspec.msgpack.Decoder(dict[str, PageRecord])
_downloads_decoder = msgspec.msgpack.Decoder(dict[str, DownloadRecord])
_inputs_decoder = msgspec.msgpack.Decoder(dict[str, InputRecord])
_search_decoder = msgspec.msgpack.Decoder(dict[str, bytes])


def records_bytes(
    records: Mapping[str, PageRecord] | Mapping[str, DownloadRecord] | Mapping[str, InputRecord],
) -> bytes:
    """pages.bin, downloads.bin or inputs.bin: the records by path, in path order."""
    return _encoder.encode(dict(sorted(records.items())))


def search_record(parts: Mapping[str, bytes]) -> Artifact:
    """search.bin, for the next build: the digest of each part of the index, in part order."""
    return Artifact(SEARCH_FILE, _encoder.encode(parts))


def _read_records(path: Path, decoder: msgspec.msgpack.Decoder[dict[str, R]]) -> dict[str, R]:
    """The records in `path`; none where the file is missing or does not decode."""
    try:
        return decoder.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError):
        return {}


def read_pages_cache(site: Path) -> dict[str, PageRecord]:
    return _read_records(site / PAGES_FILE, _pages_decoder)


def file_still_written(path: str, record: PageRecord | DownloadRecord) -> bool:
    """Whether `path` is still the file a build wrote (no one has changed or replaced it)."""
    try:
        stat = os.lstat(path)
    except OSError:
        return False
    return (
        S_ISREG(stat.st_mode)
        and stat.st_size == record.size
        and stat.st_mtime_ns == record.mtime_ns
    )


def read_downloads_cache(site: Path) -> dict[str, dict[bytes, tuple[int, int]]]:
    """Where the pieces are in each large download of the site in `site`, for the files still
    as that build wrote them."""
    records = _read_records(site / DOWNLOADS_FILE, _downloads_decoder)
    return {
        path: record.pieces
        for path, record in records.items()
        if file_still_written(f"{site}/{path}", record)
    }


def read_inputs_cache(site: Path) -> dict[str, InputRecord]:
    """The input files' records the build of the site in `site` left, by absolute path."""
    return _read_records(site / INPUTS_FILE, _inputs_decoder)


_templates_decoder = msgspec.msgpack.Decoder(tuple[bytes, dict[str, bytes]])


def read_templates_cache(site: Path, key: bytes) -> dict[str, bytes]:
    """The compiled templates the build of the site in `site` left, if made with `key`."""
    try:
        made_with, compiled = _templates_decoder.decode((site / TEMPLATES_FILE).read_bytes())
    except (OSError, msgspec.DecodeError):
        return {}
    return compiled if made_with == key else {}


def read_search_cache(site: Path) -> dict[str, bytes]:
    """The digest of each part of the search index of the site in `site`, by bundle folder."""
    return _read_records(site / SEARCH_FILE, _search_decoder)
