"""The rebuild cache: what a build keeps in its output folder so that the next one can skip work.

Five files under `.natocorpus-cache/` (a dot folder, which GitHub Pages' upload leaves out):

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
- `inputs.bin`, each input file's SHA-256 with its size, times and inode when it was read: a file
  whose four are unchanged is not read again to compute the build's fingerprint.
- `search.bin`, where the search index is in parts, the digest of each part's pages: a part whose
  pages are unchanged keeps its bundle. The index stage (`index.py`) reads it.

All are msgpack, decoded into typed records: a cache that does not decode, or was made by other
code or from other input, is ignored and the build does all the work, as a clean build would.
Reading is here; writing is the writer's, like every other file of the output.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable, Iterator, Mapping
from itertools import repeat
from pathlib import Path
from stat import S_ISREG
from typing import BinaryIO, NamedTuple, TypeVar

import msgspec

from natocorpus.diagnostics import Diagnostic
from natocorpus.model import (
    ActorMention,
    AnnotatedArticle,
    DateMention,
    EventMention,
    Piece,
    Span,
)

CACHE_DIR = ".natocorpus-cache"
ARTICLES_FILE = f"{CACHE_DIR}/articles.bin"
PAGES_FILE = f"{CACHE_DIR}/pages.bin"
DOWNLOADS_FILE = f"{CACHE_DIR}/downloads.bin"
INPUTS_FILE = f"{CACHE_DIR}/inputs.bin"
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


def digest_of(*parts: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(_LENGTH.pack(len(part)))
        digest.update(part)
    return digest.digest()


# Articles --------------------------------------------------------------------------------------

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


class PreviousArticles(NamedTuple):
    """The articles of the previous cache still valid, by article path, and where each one's
    two frames are in that file (offset, length)."""

    articles: dict[str, CachedArticle]
    frames: dict[str, tuple[int, int]]


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


def _sharing_strings(article: AnnotatedArticle, strings: dict[str, str]) -> AnnotatedArticle:
    """`article` with one string object for each actor or event id, mention text and paragraph
    anchor its mentions repeat. An article annotated in a worker comes back with them shared;
    decoded, each would be a copy of its own (a third of the memory of 10,000 articles).

    The tuples are made by `tuple.__new__` over lists: calling each named tuple's own `__new__`
    took half again as long, for the 1.8 million of 10,000 articles."""
    one = strings.setdefault
    return msgspec.structs.replace(
        article,
        sentences=tuple(
            map(_new, repeat(Span), [(s, e, one(p, p)) for s, e, p in article.sentences])
        ),
        mentions=tuple(
            map(
                _new,
                repeat(ActorMention),
                [
                    (one(a, a), one(t, t), s, e, one(p, p), n)
                    for a, t, s, e, p, n in article.mentions
                ],
            )
        ),
        event_mentions=tuple(
            map(
                _new,
                repeat(EventMention),
                [
                    (one(a, a), one(t, t), s, e, one(p, p), n)
                    for a, t, s, e, p, n in article.event_mentions
                ],
            )
        ),
        dates=tuple(
            map(
                _new,
                repeat(DateMention),
                [
                    (one(t, t), s, e, one(p, p), n, k, v, x if x is None else one(x, x))
                    for t, s, e, p, n, k, v, x in article.dates
                ],
            )
        ),
    )


_new = tuple.__new__


# Pages -----------------------------------------------------------------------------------------

_pages_decoder = msgspec.msgpack.Decoder(dict[str, PageRecord])


def records_bytes(
    records: Mapping[str, PageRecord] | Mapping[str, DownloadRecord] | Mapping[str, InputRecord],
) -> bytes:
    """pages.bin, downloads.bin or inputs.bin: the records by path, in path order."""
    return _encoder.encode(dict(sorted(records.items())))


def _read_records(path: Path, decoder: msgspec.msgpack.Decoder[dict[str, R]]) -> dict[str, R]:
    """The records in `path`; none where the file is missing or does not decode."""
    try:
        return decoder.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError):
        return {}


def read_pages_cache(site: Path) -> dict[str, PageRecord]:
    return _read_records(site / PAGES_FILE, _pages_decoder)


def file_still_written(path: Path, record: PageRecord | DownloadRecord) -> bool:
    """Whether `path` is still the file a build wrote (no one has changed or replaced it)."""
    try:
        stat = path.lstat()
    except OSError:
        return False
    return (
        S_ISREG(stat.st_mode)
        and stat.st_size == record.size
        and stat.st_mtime_ns == record.mtime_ns
    )


# Downloads -------------------------------------------------------------------------------------

_downloads_decoder = msgspec.msgpack.Decoder(dict[str, DownloadRecord])


def read_downloads_cache(site: Path) -> dict[str, dict[bytes, tuple[int, int]]]:
    """Where the pieces are in each large download of the site in `site`, for the files still
    as that build wrote them."""
    records = _read_records(site / DOWNLOADS_FILE, _downloads_decoder)
    return {
        path: record.pieces
        for path, record in records.items()
        if file_still_written(site / path, record)
    }


# Inputs ----------------------------------------------------------------------------------------


class InputRecord(msgspec.Struct, frozen=True, array_like=True):
    """An input file's SHA-256, with the size, modification and change times and inode it had when
    read. Together the four change whenever the file is written: its change time cannot be set
    back by hand, as its modification time can."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    sha: bytes


_inputs_decoder = msgspec.msgpack.Decoder(dict[str, InputRecord])


def read_inputs_cache(site: Path) -> dict[str, InputRecord]:
    """The input files' records the build of the site in `site` left, by absolute path."""
    return _read_records(site / INPUTS_FILE, _inputs_decoder)
