"""Generic references to events ("the NATO summit"), given the one event their context fits."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from natocorpus.annotate.forms import Matchers, _overlapping, _within
from natocorpus.annotate.sentences import _sentence_span
from natocorpus.model import (
    ArticleText,
    DateMention,
    EventMention,
    PartialDate,
    UnresolvedReference,
)

_GENERIC_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|its|their|last|next|upcoming|recent|year[’']s|\w+[’']s|\w+s[’'])\s+"
    r"(?:(?:[A-Z][\w-]+|(?:1[89]|20)\d\d)\s+){0,2}|\b(?:1[89]|20)\d\d\s+)[“‘\"']?$",
    re.IGNORECASE,
)


def _definite(text: str, start: int, matched: str) -> bool:
    """Whether a generic phrase refers to one event: a determiner or a year before it ("the
    summit", "the 2023 summit", "this year’s summit"), or a name-like phrase ("NATO Summit")."""
    if _GENERIC_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    words = matched.split()
    first = words[0]
    return (len(first) > 1 and first.isupper()) or (
        len(words) > 1 and all(word[:1].isupper() for word in words)
    )


def _generic_events(
    reading: str,
    text: ArticleText,
    matchers: Matchers,
    named: Sequence[EventMention],
    dates: Sequence[DateMention],
    published: PartialDate,
    place: Callable[[int], tuple[str, int]],
) -> tuple[list[EventMention], list[UnresolvedReference]]:
    """Generic references ("the NATO summit", "the summit in Vilnius", "the 2023 summit"), each
    given the one event that the places and dates around it fit: in its sentence, then its
    paragraph, then the publication date. Where none fits, or several, it is left unresolved."""
    named_spans = [(m.start, m.end) for m in named]
    resolved: list[EventMention] = []
    unresolved: list[UnresolvedReference] = []
    for phrase, matched, start, end in matchers.generic.find(reading):
        if _overlapping(named_spans, start, end) or not _definite(reading, start, matched):
            continue
        paragraph, sentence = place(start)
        candidates = list(matchers.generic_events[phrase])
        block = text.block_at(start)
        sentence_span = _sentence_span(text, reading, start)
        levels = (
            (reading[sentence_span[0] : sentence_span[1]], sentence_span, True),
            (block.text, (block.start, block.end), False),
        )
        choice: str | None = None
        for level_text, (low, high), strict in levels:
            level_dates = [d.value for d in dates if d.value and low <= d.start < high]
            by_place = [
                e
                for e in candidates
                if any(
                    re.search(rf"\b{re.escape(p)}\b", level_text) for p in matchers.event_places[e]
                )
            ]
            by_date = [
                e
                for e in candidates
                if any(
                    _within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in level_dates
                )
            ]
            if by_place and by_date:
                fits = [e for e in by_place if e in by_date] or (by_place if strict else by_date)
            else:
                fits = by_place or by_date
            if fits:
                candidates = fits
            elif level_dates and strict:
                candidates = []  # the sentence dates it, and no such event is known
            if len(candidates) <= 1:
                break
        if len(candidates) > 1:
            same_year = [
                e
                for e in candidates
                if matchers.event_dates[e].year
                <= published.year
                <= (matchers.event_ends[e] or matchers.event_dates[e]).year
            ]
            candidates = same_year or candidates
        if len(candidates) == 1:
            choice = candidates[0]
            # "the summit in Vilnius": the place that decided it is part of the reference.
            for name in matchers.event_places[choice]:
                tail = re.match(rf" (?:in|of|at) {re.escape(name)}\b", reading[end : end + 80])
                if tail is not None:
                    end += tail.end()
                    matched = reading[start:end]
                    break
            resolved.append(EventMention(choice, matched, start, end, paragraph, sentence))
        else:
            unresolved.append(
                UnresolvedReference(
                    matched,
                    start,
                    end,
                    paragraph,
                    sentence,
                    tuple(candidates) or matchers.generic_events[phrase],
                )
            )
    return resolved, unresolved
