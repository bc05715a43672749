"""JSON documents encoded in chunks: a long list in a document is encoded piece by piece, each
piece an article's, so that neither the list nor the file is ever held whole."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from natocorpus.artifacts import Piece


class Spliced:
    """Stands in a document for a long list that `json_spliced` encodes piece by piece."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def marker(self) -> str:
        return f"\0{self.name}\0"


def encode_items(items: list[Any]) -> bytes:
    """A list's items as JSON, without the brackets: one piece for `json_spliced`."""
    return orjson.dumps(items)[1:-1]


def json_spliced(document: dict[str, Any], **lists: Iterable[Piece]) -> Iterator[bytes | Piece]:
    """`document` as compact JSON, in chunks, each `Spliced` placeholder in it replaced by the
    list made of the named pieces (items encoded by `encode_items`), each passed on in turn. The
    bytes are those of encoding the whole list in place. The placeholders must come in the
    document's order. Neither the list nor the file is ever held whole."""
    encoded = orjson.dumps(document, default=lambda value: value.marker())
    rest = encoded
    for name, pieces in lists.items():
        before, found, rest = rest.partition(orjson.dumps(Spliced(name).marker()))
        if not found:
            raise ValueError(f"no placeholder for {name!r} in the document")
        yield before + b"["
        separator = b""
        for piece in pieces:
            if not piece.empty:
                yield separator
                yield piece
                separator = b","
        yield b"]"
    yield rest + b"\n"


def json_file(data: Any) -> bytes:
    # orjson rather than the json module: the same compact UTF-8 bytes, several times faster.
    return orjson.dumps(data) + b"\n"
