"""Stretches of text that name something known, and the tests of what they cover."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

import msgspec

from natocorpus.coverage.names import _capitalised, _Word


class _Spans(msgspec.Struct, frozen=True):
    """Sorted spans with running maxima of their ends, for overlap tests in O(log n)."""

    starts: list[int]
    max_ends: list[int]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> _Spans:
        ordered = sorted(spans)
        max_ends = list(accumulate((e for _, e in ordered), max))
        return cls([s for s, _ in ordered], max_ends)


def _overlaps(spans: _Spans, start: int, end: int) -> bool:
    before = bisect_left(spans.starts, end)
    return before > 0 and spans.max_ends[before - 1] > start


class _Named(msgspec.Struct, frozen=True):
    """A stretch of text that names something known: a mention, or a known or ignored phrase."""

    start: int
    end: int
    owner: str | None  # the actor or event, when known
    # A known form the annotator did not take there (a rule turned it down): it covers a name
    # that it is whole ("in Washington", a venue), not a part of a longer one.
    whole_only: bool = False
    # A generic reference to an event ("the NATO Summit"): the name around it is the reference's.
    generic: bool = False


def _covered(word: _Word, touching: list[_Named]) -> bool:
    """Whether known names cover the word: whole, or each capitalised part of a hyphenated word
    ("US-Japan")."""
    parts: list[tuple[int, int]] = []
    offset = word.start
    for part in word.text.split("-"):
        if _capitalised(part):
            parts.append((offset, offset + len(part)))
        offset += len(part) + 1
    return any(n.start <= word.start and word.end <= n.end for n in touching) or (
        bool(parts) and all(any(n.start <= s and e <= n.end for n in touching) for s, e in parts)
    )


def _touching(named: list[_Named], starts: list[int], start: int, end: int) -> list[_Named]:
    """The named stretches that overlap [start, end)."""
    out = []
    # Stretches are short: look back a little from the first that starts at or after `end`.
    i = bisect_left(starts, end) - 1
    while i >= 0 and named[i].start > start - 200:
        if named[i].end > start:
            out.append(named[i])
        i -= 1
    return out[::-1]
