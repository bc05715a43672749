"""Dated phrases tied to no event."""

from __future__ import annotations

from natocorpus.annotate.references import is_reference
from natocorpus.coverage.spans import _overlaps, _Spans
from natocorpus.diagnostics import Diagnostic, warning
from natocorpus.model import AnnotatedArticle


def _line(article: AnnotatedArticle, offset: int) -> int:
    return article.text.block_at(offset).source_line


def _dates_missed(article: AnnotatedArticle) -> list[Diagnostic]:
    """Absolute dates outside the bibliography and any name, tied to no event and not marked
    so in the article (`dates_without_event`); once a sentence."""
    found: list[Diagnostic] = []
    reported: set[str] = set()
    names = _Spans.of(
        [(m.start, m.end) for m in article.mentions]
        + [(m.start, m.end) for m in article.event_mentions]
    )
    for date in article.dates:
        if date.kind != "absolute" or date.value is None or date.event is not None:
            continue
        if article.date_without_event(date) is not None:
            continue  # the article says why it names no event
        block = article.text.block_at(date.start)
        if block.kind == "item" and block.marker is not None and is_reference(block.text):
            continue  # a reference's date is its publication's
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
