"""The writer's own work, on files written inline: a download copied in part from the last one."""

from __future__ import annotations

from pathlib import Path

import pytest

from natocorpus import write_processes
from natocorpus.artifacts import Piece
from natocorpus.write_processes import write_download


@pytest.mark.parametrize("between", [b",", b";"], ids=["same-separator", "other-separator"])
def test_a_download_copied_in_part_from_the_last_is_exactly_the_new_one(
    tmp_path: Path, between: bytes
) -> None:
    # The last build's file holds pieces a, b and c; the new file reuses a and c, makes b anew,
    # and has its own separators. Where the old file has other bytes between its pieces, they
    # must not be copied with them.
    old = b"[" + b"aaaa" + between + b"bbbb" + between + b"cccc" + b"]\n"
    previous = tmp_path / "previous.json"
    previous.write_bytes(old)
    a, c = (1, 4), (1 + 4 + 1 + 4 + 1, 4)
    chunks: list[bytes | Piece] = [
        b"[",
        Piece(b"a", None, a),
        b",",
        Piece(b"b", b"BBBBBB"),
        b",",
        Piece(b"c", None, c),
        b",",
        Piece(b"a2", None, a),
        b"]\n",
    ]
    destination = tmp_path / "new.json"
    record = write_download(chunks, str(destination), previous)
    assert destination.read_bytes() == b"[aaaa,BBBBBB,cccc,aaaa]\n"
    assert record is not None
    assert record.pieces == {b"a": (1, 4), b"b": (6, 6), b"c": (13, 4), b"a2": (18, 4)}
    assert record.size == len(destination.read_bytes())


def test_pieces_in_a_row_in_the_last_file_are_copied_in_one_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = b"[" + b",".join(bytes([65 + n]) * 10 for n in range(20)) + b"]\n"
    previous = tmp_path / "previous.json"
    previous.write_bytes(old)
    chunks: list[bytes | Piece] = [b"["]
    for n in range(20):
        if n:
            chunks.append(b",")
        chunks.append(Piece(bytes([n]), None, (1 + 11 * n, 10)))
    chunks.append(b"]\n")
    calls: list[int] = []

    copy = write_processes._copy_range

    def counted(source: int, out: int, offset: int, length: int, previous: Path) -> None:
        calls.append(length)
        copy(source, out, offset, length, previous)

    monkeypatch.setattr(write_processes, "_copy_range", counted)
    destination = tmp_path / "new.json"
    assert write_download(chunks, str(destination), previous) is not None
    assert destination.read_bytes() == old
    # All but the opening bracket, written before there was anything to copy.
    assert calls == [len(old) - 1]
