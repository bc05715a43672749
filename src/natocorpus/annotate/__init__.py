"""The annotate stage: actor, event and date mentions, sentences and references, as frozen data.

All surface forms of the knowledge base are compiled into one regular expression per kind (actors,
events), factored as a trie so that one pass over a text finds every mention, longest form first
(`forms`); phrases that block a match take part in the same pass, and context rules turn a form
down where the words around it make another name. Generic references to events are given the one
event their context fits (`events`); dates are found and resolved (`dates`); sentences
(`sentences`) and the bibliography (`references`) are read from the reading text.
"""

from __future__ import annotations

import math
import re

from natocorpus.annotate.dates import _MONTH_NUMBER, _find_dates, resolve_date
from natocorpus.annotate.events import _generic_events
from natocorpus.annotate.forms import (
    FormMatcher,
    Matchers,
    _context_blocks,
    _overlapping,
    _within,
    form_kind,
)
from natocorpus.annotate.references import _references, parse_reference
from natocorpus.annotate.sentences import _sentence_index, split_sentences
from natocorpus.model import (
    ActorMention,
    AnnotatedArticle,
    DateMention,
    EventMention,
    LoadedArticle,
)

__all__ = [
    "FormMatcher",
    "Matchers",
    "annotate_article",
    "form_kind",
    "parse_reference",
    "resolve_date",
    "split_sentences",
]

WORDS_PER_MINUTE = 230


def _title_case(text: str) -> bool:
    """A heading in title case or capitals: its capitals say nothing about names."""
    words = [word for word in re.findall(r"[^\W\d_][\w’'-]*", text) if len(word) > 3]
    return len(words) >= 3 and sum(word[:1].isupper() for word in words) >= 0.8 * len(words)


def annotate_article(article: LoadedArticle, matchers: Matchers) -> AnnotatedArticle:
    text = article.text
    reading = text.reading_text
    sentences = split_sentences(text)
    starts = [sentence.start for sentence in sentences]
    paragraphs = [sentence.paragraph for sentence in sentences]

    def place(start: int) -> tuple[str, int]:
        index = _sentence_index(starts, start)
        return paragraphs[index], index

    headings = [
        (b.start, b.end)
        for b in text.blocks
        if (b.kind == "heading" or not b.text.rstrip("”’\"') ").endswith((".", "!", "?")))
        and _title_case(b.text)
    ]

    def exempt(offset: int) -> bool:
        return any(left <= offset < right for left, right in headings)

    # The article's own annotations first: a knowledge-base form they overlap gives way.
    own_actors = [
        ActorMention(
            item.actor, reading[span.start : span.end], span.start, span.end, *place(span.start)
        )
        for item in article.meta.passages
        if item.actor is not None
        for span in item.spans
    ]
    own_events = [
        EventMention(
            item.event, reading[span.start : span.end], span.start, span.end, *place(span.start)
        )
        for item in article.meta.passages
        if item.event is not None
        for span in item.spans
    ]
    own_actor_spans = [(m.start, m.end) for m in own_actors]
    own_event_spans = [(m.start, m.end) for m in own_events]
    found = _context_blocks(reading, matchers.actors.find(reading), matchers.actors.kinds, exempt)
    actor_mentions = sorted(
        own_actors
        + [
            ActorMention(actor, form, start, end, *place(start))
            for actor, form, start, end in found
            if not own_actor_spans or not _overlapping(own_actor_spans, start, end)
        ],
        key=lambda m: m.start,
    )
    event_mentions = own_events + [
        EventMention(event, form, start, end, *place(start))
        for event, form, start, end in matchers.events.find(reading)
        if not own_event_spans or not _overlapping(own_event_spans, start, end)
    ]

    published = article.meta.published.value
    raw_dates = _find_dates(reading, published, place)
    generic, unresolved = _generic_events(
        reading, text, matchers, event_mentions, raw_dates, published, place
    )
    event_mentions = sorted(event_mentions + generic, key=lambda m: m.start)
    events_by_sentence: dict[int, list[str]] = {}
    for mention in event_mentions:
        events_by_sentence.setdefault(mention.sentence, []).append(mention.event)

    undated = [
        (span.start, span.end) for item in article.meta.dates_without_event for span in item.spans
    ]
    dates: list[DateMention] = []
    for date in raw_dates:
        marked = any(a <= date.start and date.end <= b for a, b in undated)
        # A period ("in recent years") names no event; a month whose year is unknown may.
        linkable = not marked and (
            date.value is not None or any(word in _MONTH_NUMBER for word in date.text.split())
        )
        in_sentence = [
            event
            for event in events_by_sentence.get(date.sentence, [])
            if linkable
            and (
                date.value is None
                or _within(date.value, matchers.event_dates[event], matchers.event_ends[event])
            )
        ]
        dates.append(date._replace(event=in_sentence[0] if len(set(in_sentence)) == 1 else None))
    words = len(reading.split())
    return AnnotatedArticle(
        path=article.path,
        meta=article.meta,
        text=text,
        capture=article.capture,
        sentences=sentences,
        mentions=tuple(actor_mentions),
        event_mentions=tuple(event_mentions),
        dates=tuple(dates),
        references=_references(text),
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        unresolved_events=tuple(unresolved),
    )
