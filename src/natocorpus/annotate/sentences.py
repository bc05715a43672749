"""Sentences of the reading text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from natocorpus.model import ArticleText, Span

# A stop before the next sentence's space and capital; or, where a capture lost that space, a
# stop after a lower-case word and before a capitalised word ("perception.Yoon said", "talks.A
# presidential official"), not a name's ("News.Az") or an abbreviation's ("U.S.Army").
# (A footnote's number may follow the stop: "off Somalia.[5] Additionally"; bare after a word's
# stop, "intermediate range missiles.3 Current", as after a figure it would be a decimal's.)
_SENTENCE_END = re.compile(
    r"[.!?][”’\"')\]]*(?:\[\d{1,3}\]|(?<=[a-z][.!?])\d{1,2}|(?<=[a-z][.!?][”’\"'])\d{1,2})?"
    r"(?=\s+[“‘\"'(\[]?[A-Z0-9])"
    # (Each branch opens with the stop itself, so that the regex engine skips to the stops in C.)
    r"|[.!?](?<=[a-z]{2}[.!?])(?=(?:[A-Z][a-z]{2,}|A|I|He|We|It|In|On|At|As|If|So|By|To|No)\b)"
)
_ABBREVIATION = re.compile(r"\b(?:No|Nos|Av|Mr|Mrs|Ms|Dr|St|vs|etc|S|pp|Vol)\.$")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.)+$")
# Words that open a sentence and are no part of a name: after initials ("Washington, D.C. Since
# its founding") the stop is the sentence's too; before a name ("U.S. President") it is not.
_OPENS_A_SENTENCE_AFTER = re.compile(
    r"\s+(?:The|A|An|It|Its|He|She|They|We|I|This|That|These|Those|There|But|And|Yet|So|In|On"
    r"|At|Since|As|For|If|When|While|After|Before|However|Meanwhile)\b"
)

# Lower-case initials ("p.m.", "e.g."): before a closing bracket, their stop ends no sentence.
_LOWER_INITIALS = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}$")


def _ends_a_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a stop that `_SENTENCE_END` found ends a sentence, not an abbreviation ("Ms.
    Kamikawa", "(1:30 p.m.) Newsline", "U.S. President"); initials may end one too ("in
    Washington, D.C. Since then")."""
    # Only the last word matters; looking at the whole prefix would be quadratic.
    before = text[max(0, match.start() - 24) : match.start() + 1]
    if _INITIALS.search(before):
        return _OPENS_A_SENTENCE_AFTER.match(text, match.end()) is not None
    return not (
        _ABBREVIATION.search(before)
        or (match.group().endswith((")", "]")) and _LOWER_INITIALS.search(before))
    )


def split_sentences(text: ArticleText) -> tuple[Span, ...]:
    sentences: list[Span] = []
    for block in text.blocks:
        start = 0
        for match in _SENTENCE_END.finditer(block.text):
            if not _ends_a_sentence(block.text, match):
                continue
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
    """The sentence around `offset`, as `split_sentences` cuts it."""
    block = text.block_at(offset)
    # The stop's look-ahead reads the first letters of the next sentence: at a sentence's first
    # word, those are at `offset` itself.
    low = max(
        (
            m.end()
            for m in _SENTENCE_END.finditer(reading, block.start, min(block.end, offset + 2))
            if m.end() <= offset and _ends_a_sentence(reading, m)
        ),
        default=block.start,
    )
    found = next(
        (
            m
            for m in _SENTENCE_END.finditer(reading, offset, block.end)
            if _ends_a_sentence(reading, m)
        ),
        None,
    )
    return low, found.end() if found else block.end
