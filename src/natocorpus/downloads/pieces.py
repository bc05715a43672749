"""The reuse of pieces: each article's piece of a large download, copied from the previous
build's file where that holds it, made here where it does not."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial

import msgspec

from natocorpus.artifacts import Piece
from natocorpus.model import AnnotatedArticle, AnnotatedCorpus


class PieceReuse(msgspec.Struct, frozen=True):
    """What the previous build's downloads hold that this one can copy instead of making: the
    key of what each article's pieces are made from (by article path), and, for each download,
    where the piece of each key is in the previous file (offset, length)."""

    keys: Mapping[str, bytes]
    previous: Mapping[str, Mapping[bytes, tuple[int, int]]]


NO_REUSE = PieceReuse({}, {})


def article_pieces(
    download: str,
    make: Callable[[AnnotatedArticle], bytes],
    corpus: AnnotatedCorpus,
    reuse: PieceReuse,
) -> Iterator[Piece]:
    """Each article's piece of `download`, in corpus order: where the previous file holds it, its
    place there; otherwise made here, in this process: the large downloads are written by a
    child process while the pages are rendered on both cores, which a pool of its own would only
    crowd."""
    found = [_found(download, reuse, article) for article in corpus.articles]
    fresh = [article for article, place in zip(corpus.articles, found, strict=True) if not place]
    made = map(partial(_made_piece, download, make, reuse), fresh)
    for article, place in zip(corpus.articles, found, strict=True):
        yield Piece(reuse.keys[article.path], None, place) if place else next(made)


def _found(download: str, reuse: PieceReuse, article: AnnotatedArticle) -> tuple[int, int] | None:
    key = reuse.keys.get(article.path)
    return reuse.previous.get(download, {}).get(key) if key is not None else None


def _made_piece(
    download: str,
    make: Callable[[AnnotatedArticle], bytes],
    reuse: PieceReuse,
    article: AnnotatedArticle,
) -> Piece:
    return Piece(reuse.keys.get(article.path), make(article))
