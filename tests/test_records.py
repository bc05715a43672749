"""The large downloads are encoded piece by piece; what a user loads must be the same JSON."""

from __future__ import annotations

import json

import orjson
import pytest

from natocorpus.records import _json_spliced, _Spliced, encode_items


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
    encoded = b"".join(_json_spliced(placeholder, items=(encode_items(p) for p in pieces)))
    assert encoded == orjson.dumps(whole) + b"\n"
    assert json.loads(encoded) == whole


def test_two_placeholders_in_document_order() -> None:
    document = {"articles": _Spliced("articles"), "actors": _Spliced("actors")}
    encoded = b"".join(
        _json_spliced(
            document,
            articles=[encode_items([1]), encode_items([2, 3])],
            actors=[encode_items(["x"])],
        )
    )
    assert json.loads(encoded) == {"articles": [1, 2, 3], "actors": ["x"]}
