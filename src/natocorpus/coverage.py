"""Warnings for the maintainer: names and dated phrases that the knowledge base does not cover.

This is the work list when a new article arrives: each capitalised name that no actor or event form
matches, and each dated phrase that is tied to no event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

import msgspec

from natocorpus.diagnostics import Diagnostic, warning
from natocorpus.model import AnnotatedArticle, CorpusSettings, KnowledgeBase

_CAPITALISED = re.compile(
    r"(?=[A-Z])(?<![\w’'])(?:[A-Z][\w’'.-]*[\w]|[A-Z])(?:\s+(?:of|the|and|for|de|on)\s+[A-Z][\w’'.-]*[\w]"
    r"|\s+[A-Z][\w’'.-]*[\w])*"
)
_MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
# Function words that start sentences; a capital on them says nothing about a name.
_FUNCTION_WORDS = frozenset(
    [
        "A",
        "An",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "Of",
        "To",
        "With",
        "As",
        "And",
        "But",
        "Or",
        "Nor",
        "So",
        "Yet",
        "If",
        "When",
        "While",
        "Since",
        "Until",
        "After",
        "Before",
        "Although",
        "Though",
        "However",
        "Moreover",
        "Instead",
        "Unlike",
        "Along",
        "Against",
        "Under",
        "Over",
        "Through",
        "Between",
        "Among",
        "During",
        "Despite",
        "Also",
        "Even",
        "Only",
        "Many",
        "Some",
        "Such",
        "Both",
        "Each",
        "Every",
        "All",
        "Any",
        "No",
        "Not",
        "Their",
        "They",
        "There",
        "Here",
        "We",
        "Our",
        "You",
        "He",
        "She",
        "His",
        "Her",
        "Who",
        "What",
        "Which",
        "Where",
        "Why",
        "How",
    ]
)


def _line(article: AnnotatedArticle, offset: int) -> int:
    return article.text.block_at(offset).source_line


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


class CoverageCheck(msgspec.Struct, frozen=True):
    """The knowledge base's forms and the phrases declared not actors: what is not a miss."""

    known: frozenset[str]
    ignored: frozenset[str]

    @classmethod
    def for_corpus(cls, knowledge: KnowledgeBase, settings: CorpusSettings) -> CoverageCheck:
        # A known form that its rule turned down (a capital as a venue) was decided, not missed.
        known = {form.text for actor in knowledge.actors for form in actor.forms} | {
            form for event in knowledge.events for form in event.forms
        }
        return cls(frozenset(known), frozenset(item.text for item in settings.not_actors))

    def of(self, article: AnnotatedArticle) -> tuple[Diagnostic, ...]:
        """Capitalised phrases no mention covers, and absolute dates tied to no event."""
        return (*self._names_missed(article), *_dates_missed(article))

    def _names_missed(self, article: AnnotatedArticle) -> list[Diagnostic]:
        """Capitalised phrases that no mention covers and the knowledge base does not list,
        each once."""
        known, ignored = self.known, self.ignored
        found: list[Diagnostic] = []
        covered = _Spans.of(
            [(m.start, m.end) for m in article.mentions]
            + [(m.start, m.end) for m in article.event_mentions]
            + [(d.start, d.end) for d in article.dates]
        )
        sentence_starts = {sentence.start for sentence in article.sentences}
        seen: set[str] = set()
        for block in article.text.blocks:
            if block.kind == "item" and block.marker is not None:
                continue  # bibliography entries: their names are authors, not actors
            if block.text.upper() == block.text:
                continue  # all-capitals headings
            for match in _CAPITALISED.finditer(block.text):
                start = block.start + match.start()
                end = block.start + match.end()
                # Most capitalised phrases are mentions already found: the cheapest test first.
                if _overlaps(covered, start, end):
                    continue
                words = match.group().split()
                if start in sentence_starts and len(words) == 1:
                    continue  # one capitalised word opening a sentence is usually not a name
                while words and (words[0] in _FUNCTION_WORDS or words[0] in _MONTHS):
                    words = words[1:]
                phrase = " ".join(words).rstrip(".")
                if not phrase or phrase in seen or phrase in known or phrase in ignored:
                    continue
                seen.add(phrase)
                found.append(
                    warning(
                        article.path,
                        block.source_line,
                        "mentions",
                        f"{phrase!r} is not covered by any actor or event: add a form to "
                        "actors.yaml or events.yaml, or list it under not_actors in corpus.yaml",
                    )
                )
        return found


def _dates_missed(article: AnnotatedArticle) -> list[Diagnostic]:
    """Absolute dates outside the bibliography and any name, tied to no event; once a sentence."""
    found: list[Diagnostic] = []
    reported: set[str] = set()
    names = _Spans.of(
        [(m.start, m.end) for m in article.mentions]
        + [(m.start, m.end) for m in article.event_mentions]
    )
    for date in article.dates:
        if date.kind != "absolute" or date.value is None or date.event is not None:
            continue
        block = article.text.block_at(date.start)
        if block.kind == "item" and block.marker is not None:
            continue
        if _overlaps(names, date.start, date.end):
            continue  # a year that is part of a name, as in "Strategic Concept 2010"
        sentence = article.sentence_text(date.sentence)
        key = f"{date.text}|{date.sentence}"
        if key in reported:
            continue
        reported.add(key)
        found.append(
            warning(
                article.path,
                _line(article, date.start),
                "dates",
                f"{date.text!r} is tied to no event: {sentence[:90]!r}",
            )
        )
    return found
