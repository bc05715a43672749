"""What the stages hand the writer: the files of the output, each with the digest that lets the
next build reuse it.

Render and the downloads make these; the writer writes them. A file whose digest is the one the
previous build recorded for the same path, its file still as that build wrote it, comes as a
`ReusedArtifact`: the writer takes the previous file instead of writing it again.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

import msgspec

_LENGTH = struct.Struct("<I")


def digest_of(*parts: bytes) -> bytes:
    """A digest of `parts`, each length-prefixed so that no two lists of parts give the same."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(_LENGTH.pack(len(part)))
        digest.update(part)
    return digest.digest()


class Artifact(msgspec.Struct, frozen=True):
    """One file of the output: a POSIX path relative to the output folder, and its bytes; with,
    for the next build, the digest of all it was made from and, for a page known by them, of
    the inputs it was prepared from."""

    path: str
    content: bytes
    digest: bytes | None = None
    inputs: bytes | None = None


class ReusedArtifact(msgspec.Struct, frozen=True):
    """A file made from the same inputs as the one the previous build wrote at the same path:
    the writer takes that file (a hard link into the new site) instead of writing it again."""

    path: str
    digest: bytes
    inputs: bytes | None = None


class Piece(msgspec.Struct, frozen=True):
    """One article's part of a streamed download. `key` is a digest of all it is made from;
    `content` is None where the previous build's file holds the same piece, at `previous`
    (offset, length): the writer copies it from there."""

    key: bytes | None
    content: bytes | None
    previous: tuple[int, int] | None = None

    @property
    def empty(self) -> bool:
        return not self.content if self.previous is None else self.previous[1] == 0


class StreamedArtifact(msgspec.Struct, frozen=True):
    """A large file made piece by piece (a download of a million records): the writer writes each
    chunk as it comes, so the file is never held whole."""

    path: str
    chunks: Iterable[bytes | Piece]


class PreviousFile(Protocol):
    """What the previous build recorded of a file it wrote: the digest of what the file was made
    from and, for a page known by them, of the inputs it was prepared from."""

    @property
    def digest(self) -> bytes: ...

    @property
    def inputs(self) -> bytes | None: ...


def reused_if_unchanged(
    artifact: Artifact, previous: Mapping[str, PreviousFile]
) -> Artifact | ReusedArtifact:
    """`artifact`, or the previous build's file where that has the same bytes (a capture, an
    asset): linking it is cheaper than writing it again. `previous` holds the files the previous
    build wrote that are still as it wrote them, by path."""
    digest = digest_of(b"bytes", artifact.content)
    record = previous.get(artifact.path)
    if record is not None and record.digest == digest:
        return ReusedArtifact(artifact.path, digest)
    return Artifact(artifact.path, artifact.content, digest)


def made_unless_reused(
    path: str,
    inputs: bytes | None,
    make: Callable[[], bytes],
    previous: Mapping[str, PreviousFile],
) -> Artifact | ReusedArtifact:
    """The file at `path`, made by `make` from what digests to `inputs`; or the previous build's
    file, not made again, where that was made from the same `inputs` (or has the same bytes)."""
    if inputs is not None:
        record = previous.get(path)
        if record is not None and record.inputs == inputs:
            return ReusedArtifact(path, record.digest, inputs)
    artifact = reused_if_unchanged(Artifact(path, make()), previous)
    return artifact if inputs is None else msgspec.structs.replace(artifact, inputs=inputs)
