"""The fields of an article that point into its reading text: the stance with its evidence, the
passages that mention an actor or event, and the dates tied to no event."""

from __future__ import annotations

import re

from natocorpus.load.fields import FieldReader
from natocorpus.load.reading import locate_quote
from natocorpus.model import (
    ArticleText,
    CorpusSettings,
    DateWithoutEvent,
    EvidenceQuote,
    KnowledgeBase,
    PassageMention,
    Span,
    Stance,
)


def read_stance(r: FieldReader, settings: CorpusSettings | None, reading: ArticleText) -> Stance:
    """The stance on the corpus's scale, with 2 to 4 quotes of the reading text as evidence."""
    r.mapping(("stance",))
    value = r.integer(("stance", "value"))
    label = ""
    if settings is not None:
        try:
            label = settings.stance_label(value)
        except KeyError:
            allowed = ", ".join(str(level.value) for level in settings.stance_scale)
            raise r.fail(
                ("stance", "value"), f"{value} is not on the corpus's scale ({allowed})"
            ) from None
    rationale = r.string(("stance", "rationale")) or ""
    quotes = r.sequence(("stance", "evidence"))
    if not 2 <= len(quotes) <= 4:
        raise r.fail(("stance", "evidence"), f"give 2 to 4 quotes, not {len(quotes)}")
    evidence: list[EvidenceQuote] = []
    for n, _ in enumerate(quotes):
        quote = r.string(("stance", "evidence", n)) or ""
        span = locate_quote(quote, reading)
        if span is None:
            raise r.fail(
                ("stance", "evidence", n),
                f"not a verbatim passage of the article: {quote!r}",
            )
        evidence.append(EvidenceQuote(quote, span))
    return Stance(value, label, rationale, tuple(evidence))


def _occurrences(passage: str, reading: ArticleText) -> tuple[Span, ...]:
    """Every word-bounded occurrence of `passage` in the reading text, however its spaces and
    lines are broken."""
    words = passage.split()
    if not words:
        return ()
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")
    spans: list[Span] = []
    for block in reading.blocks:
        for match in pattern.finditer(block.text.replace("\u00a0", " ")):
            spans.append(Span(block.start + match.start(), block.start + match.end(), block.anchor))
    return tuple(spans)


def read_passages(
    r: FieldReader, knowledge: KnowledgeBase | None, reading: ArticleText
) -> tuple[PassageMention, ...]:
    """The article's own mentions: `mentions: [{passage: ..., actor: id}]` or `event: id`. Each
    passage must stand verbatim in the reading text, and name a known actor or event; every
    occurrence of it is a mention (of `text`, the words of the passage that refer, when given)."""
    actors = {actor.id for actor in knowledge.actors} if knowledge else None
    events = {event.id for event in knowledge.events} if knowledge else None
    found: list[PassageMention] = []
    for n, _ in enumerate(r.attempt(lambda: r.sequence(("mentions",), required=False)) or []):
        one = r.attempt(lambda i=n: _passage(r, i, actors, events, reading))  # type: ignore[misc]
        if one is not None:
            found.append(one)
    return tuple(found)


def _passage(
    r: FieldReader,
    n: int,
    actors: set[str] | None,
    events: set[str] | None,
    reading: ArticleText,
) -> PassageMention:
    passage = r.string(("mentions", n, "passage")) or ""
    actor = r.string(("mentions", n, "actor"), required=False)
    event = r.string(("mentions", n, "event"), required=False)
    if (actor is None) == (event is None):
        raise r.fail(("mentions", n), "give either `actor: <id>` or `event: <id>`, not both")
    if actor is not None and actors is not None and actor not in actors:
        raise r.fail(("mentions", n, "actor"), f"unknown actor id {actor!r}")
    if event is not None and events is not None and event not in events:
        raise r.fail(("mentions", n, "event"), f"unknown event id {event!r}")
    spans = _occurrences(passage, reading)
    if not spans:
        raise r.fail(
            ("mentions", n, "passage"), f"not a verbatim passage of the article: {passage!r}"
        )
    text = r.string(("mentions", n, "text"), required=False)
    if text is not None:
        # The mention is these words of the passage: "In 1999, NATO’s Strategic Concept"
        # says which Strategic Concept; the mention is "NATO’s Strategic Concept".
        inner: list[Span] = []
        for span in spans:
            at = reading.reading_text.find(text, span.start, span.end)
            if at < 0:
                raise r.fail(("mentions", n, "text"), f"not a part of the passage: {text!r}")
            inner.append(Span(at, at + len(text), span.paragraph))
        spans = tuple(inner)
    return PassageMention(passage, actor, event, spans)


def read_dates_without_event(r: FieldReader, reading: ArticleText) -> tuple[DateWithoutEvent, ...]:
    """Passages whose dates name no event: `dates_without_event: [{passage: ..., reason: ...}]`."""
    found: list[DateWithoutEvent] = []
    for n, _ in enumerate(r.sequence(("dates_without_event",), required=False)):
        passage = r.string(("dates_without_event", n, "passage")) or ""
        reason = r.string(("dates_without_event", n, "reason")) or ""
        spans = _occurrences(passage, reading)
        if not spans:
            raise r.fail(
                ("dates_without_event", n, "passage"),
                f"not a verbatim passage of the article: {passage!r}",
            )
        found.append(DateWithoutEvent(passage, reason, spans))
    return tuple(found)
