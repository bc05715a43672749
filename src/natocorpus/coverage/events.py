"""Generic references to events ("the NATO summit") that the annotator left unresolved: the
context fits no known event, or several."""

from __future__ import annotations

import re

from natocorpus.coverage.stubs import _event_stub, _yaml
from natocorpus.diagnostics import Diagnostic, warning
from natocorpus.model import AnnotatedArticle, UnresolvedReference

_ADVICE = (
    "annotate it in the article's `mentions:` with the event id, or add the event to events.yaml"
)
# Words before a reference that say which occurrence is meant, for the `mentions:` line.
_WORDS_BEFORE = re.compile(r"(?<!\S)(?:\S+\s+){0,4}$")


def _events_unresolved(
    article: AnnotatedArticle,
    generic: dict[str, tuple[str, ...]],
    years: dict[str, tuple[int, int]],
) -> list[Diagnostic]:
    """One warning for each unresolved generic reference: the passage, why no event was chosen,
    the `mentions:` line to add and, where the context decided nothing, an events.yaml stub.
    `generic` maps each generic phrase (lower-cased) to the events it can name; `years` each
    event to its first and last year."""
    found: list[Diagnostic] = []
    for reference in article.unresolved_events:
        phrase = " ".join(reference.text.split())
        candidates = reference.candidates
        undecided = not candidates or set(candidates) == set(generic.get(phrase.lower(), ()))
        dated = sorted(
            {
                d.value.year
                for d in article.dates
                if d.sentence == reference.sentence and d.value is not None
            }
        )
        if not candidates or (
            dated
            and not any(
                years[e][0] <= year <= years[e][1]
                for e in candidates
                if e in years
                for year in dated
            )
        ):
            why = "no known event fits its context"
            if dated:
                why += f" (its sentence is dated {', '.join(map(str, dated))})"
        elif len(candidates) == 1:
            why = f"its context does not fit {candidates[0]}, the one event known by that phrase"
        elif undecided:
            why = (
                "nothing around it (a date or place in its sentence or paragraph, the publication "
                f"date) chooses among {', '.join(candidates)}"
            )
        else:
            why = f"several events fit its context ({', '.join(candidates)})"
        sentence = " ".join(article.sentence_text(reference.sentence).split())
        lines = [
            f"{phrase!r} ({sentence[:120]!r}) is left unannotated: {why}: {_ADVICE}:",
            _mention_line(article, reference, candidates),
        ]
        if undecided:
            # The context decided nothing: the event may be one the knowledge base lacks.
            year = dated[0] if dated else article.meta.published.value.year
            lines += _event_stub(phrase, year, [], [phrase], key=f"{phrase} {year}")
        found.append(
            warning(
                article.path,
                article.text.block_at(reference.start).source_line,
                "events",
                "\n".join(lines),
            )
        )
    return found


def _mention_line(
    article: AnnotatedArticle, reference: UnresolvedReference, candidates: tuple[str, ...]
) -> str:
    """The front-matter line that annotates the reference: the passage with the words before it
    in its sentence, which say which occurrence is meant."""
    reading = article.text.reading_text
    sentence = article.sentences[reference.sentence]
    before = _WORDS_BEFORE.search(reading, sentence.start, reference.start)
    start = before.start() if before is not None else reference.start
    passage = " ".join(reading[start : reference.end].split())
    text = " ".join(reference.text.split())
    event = candidates[0] if len(candidates) == 1 else "EVENT-ID"
    if passage == text:
        return f"- {{passage: {_yaml(passage)}, event: {event}}}"
    return f"- {{passage: {_yaml(passage)}, text: {_yaml(text)}, event: {event}}}"
