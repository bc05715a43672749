"""The large downloads are encoded piece by piece; what a user loads must be the same JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

import orjson
import pytest

from natocorpus.artifacts import Piece
from natocorpus.downloads import _json_spliced, _Spliced, encode_items


def _joined(chunks: Iterable[bytes | Piece]) -> bytes:
    """The file the writer makes of `chunks`, none of the pieces copied from a previous file."""
    return b"".join(c.content or b"" if isinstance(c, Piece) else c for c in chunks)


def _piece(items: list[object]) -> Piece:
    return Piece(None, encode_items(items))


@pytest.mark.parametrize(
    "pieces",
    [
        [[{"a": 1}], [], [{"b": "é \u2028 </script>"}, {"c": [1, 2]}], []],
        [[], []],
        [],
    ],
    ids=["some-empty-pieces", "only-empty-pieces", "no-pieces"],
)
def test_a_document_encoded_in_pieces_is_the_document_encoded_whole(
    pieces: list[list[object]],
) -> None:
    items = [item for piece in pieces for item in piece]
    whole = {"head": {"items": "not this one"}, "items": items, "tail": "t"}
    placeholder = {"head": {"items": "not this one"}, "items": _Spliced("items"), "tail": "t"}
    encoded = _joined(_json_spliced(placeholder, items=(_piece(p) for p in pieces)))
    assert encoded == orjson.dumps(whole) + b"\n"
    assert json.loads(encoded) == whole


def test_two_placeholders_in_document_order() -> None:
    document = {"articles": _Spliced("articles"), "actors": _Spliced("actors")}
    encoded = _joined(
        _json_spliced(document, articles=[_piece([1]), _piece([2, 3])], actors=[_piece(["x"])])
    )
    assert json.loads(encoded) == {"articles": [1, 2, 3], "actors": ["x"]}
