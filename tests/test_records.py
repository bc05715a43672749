"""The large downloads are encoded piece by piece; what a user loads must be the same JSON."""

from __future__ import annotations

import json

import orjson
import pytest

from natocorpus.records import _json_spliced, _Spliced


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
    encoded = _json_spliced(placeholder, items=iter(pieces))
    assert encoded == orjson.dumps(whole) + b"\n"
    assert json.loads(encoded) == whole


def test_two_placeholders_in_document_order() -> None:
    document = {"articles": _Spliced("articles"), "actors": _Spliced("actors")}
    encoded = _json_spliced(document, articles=[[1], [2, 3]], actors=[["x"]])
    assert json.loads(encoded) == {"articles": [1, 2, 3], "actors": ["x"]}
