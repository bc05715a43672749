"""Where any of many literal phrases stands as a whole word in a text.

One Aho-Corasick automaton (pyahocorasick) holds all the phrases: it is built in milliseconds,
where one regex alternation of the knowledge base's thousands of forms took a tenth of a second
to compile in every process that annotates (benchmarks/README.md), and it reads a text once
whatever the number of phrases.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import ahocorasick


class PhraseIndex:
    """Many literal phrases, and where they stand in a text as whole words: not run on from a word
    character (as `\\w` in a regex: a letter, a digit or "_") on either side. Where several stand
    at one start, the longest counts, as a regex alternation tried longest first would give."""

    __slots__ = ("_automaton", "_ignore_case")

    def __init__(self, phrases: Iterable[str], *, ignore_case: bool = False):
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for phrase in phrases:
            self._automaton.add_word(lowered(phrase) if ignore_case else phrase)
        self._automaton.make_automaton()
        self._ignore_case = ignore_case

    def longest(self, text: str) -> dict[int, int]:
        """The end of the longest phrase standing at each start where one stands."""
        if not len(self._automaton):
            return {}
        haystack = lowered(text) if self._ignore_case else text
        found: dict[int, int] = {}
        for last, length in self._automaton.iter(haystack):
            start, end = last + 1 - length, last + 1
            if found.get(start, 0) >= end:
                continue
            if start and _in_a_word(text[start - 1]):
                continue
            if end < len(text) and _in_a_word(text[end]):
                continue
            found[start] = end
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each phrase standing in the text, leftmost first and longest there, none
        overlapping the one before: what `re.finditer` gives for the alternation of them all."""
        longest = self.longest(text)
        starts = sorted(longest)
        spans: list[tuple[int, int]] = []
        at = 0
        while at < len(starts):
            start = starts[at]
            end = longest[start]
            spans.append((start, end))
            at = bisect_left(starts, end, at + 1)
        return spans


def _in_a_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def lowered(text: str) -> str:
    """The text in lower case, one character for one, so that every offset holds: the one
    character whose lower case is two ("İ") becomes the first of them ("i"), as `re` reads it when
    it ignores case."""
    lower_case = text.lower()
    if len(lower_case) == len(text):
        return lower_case
    return "".join(char.lower()[0] for char in text)
