"""Sentences of the reading text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from natocorpus.model import ArticleText, Span

_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]\.)+$|\b(?:No|Nos|Av|Mr|Mrs|Ms|Dr|St|vs|etc|S|pp|Vol)\.$"
)

# Lower-case initials ("p.m.", "e.g."): before a closing bracket, their stop ends no sentence.
_LOWER_INITIALS = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}$")


def split_sentences(text: ArticleText) -> tuple[Span, ...]:
    sentences: list[Span] = []
    for block in text.blocks:
        start = 0
        for match in _SENTENCE_END.finditer(block.text):
            # Only the last word matters; looking at the whole prefix would be quadratic.
            before = block.text[max(0, match.start() - 24) : match.start() + 1]
            if _ABBREVIATION.search(before) or (
                match.group().endswith((")", "]")) and _LOWER_INITIALS.search(before)
            ):
                continue  # "(1:30 p.m.) Newsline": the stop is the abbreviation's
            end = match.end()
            sentences.append(Span(block.start + start, block.start + end, block.anchor))
            start = end
            while start < len(block.text) and block.text[start].isspace():
                start += 1
        if start < len(block.text):
            sentences.append(Span(block.start + start, block.end, block.anchor))
    return tuple(sentences)


def _sentence_index(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _sentence_span(text: ArticleText, reading: str, offset: int) -> tuple[int, int]:
    block = text.block_at(offset)
    low = max(
        (m.end() for m in _SENTENCE_END.finditer(reading, block.start, offset)), default=block.start
    )
    found = _SENTENCE_END.search(reading, offset, block.end)
    return low, found.end() if found else block.end
