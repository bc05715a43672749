"""A state joining a body, told by the clause rather than a name: "Japan formally joined the
CCDCOE", "South Korea’s entry into NATO’s Cooperative Cyber Defence Centre of Excellence"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from natocorpus.annotate.forms import Matchers, _overlapping
from natocorpus.model import ActorMention, DateMention, EventMention, PartialDate

# The words of joining right before the body's name, with what may stand between: "joined the",
# "will formally join NATO’s", "entry into the", "admission to", "its formal membership of",
# "joined the latter's", "became the first Asian member state of", "admitted as a contributing
# participant for", "Japan's official joining of the", "joined the Tallinn-based".
_JOINING_BEFORE = re.compile(
    r"(?<![\w-])(?i:join(?:s|ed|ing)?|joining (?:of|in)|(?:entry|admission|accession) (?:in)?to"
    r"|admitted (?:in)?to"
    r"|membership (?:of|in)"
    r"|(?:bec[oa]me|becomes|becoming|admitted as|accepted as) (?:the|a|an) (?:[\w-]+ ){0,3}"
    r"(?:member|participant)(?: (?:state|country|nation))? (?:of|in|at|to|for))\s+"
    r"(?:(?:the|its|their|the latter[’']s|[A-Z][\w-]*[’']s)\s+)?(?:[A-Z][\w]*-based\s+)?$"
)


def _accession_parts(event: str, matchers: Matchers) -> tuple[frozenset[str], frozenset[str]]:
    """An accession's body joined (its participants that are not states) and its joiners (the
    states)."""
    participants = matchers.event_participants.get(event, frozenset())
    joiners = participants & matchers.states
    return participants - joiners - matchers.groupings, joiners


def _accessions_told(
    reading: str,
    matchers: Matchers,
    taken: Sequence[tuple[int, int]],
    actors: Sequence[ActorMention],
    dates: Sequence[DateMention],
    published: PartialDate,
) -> list[EventMention]:
    """An `accession` is named by the words of joining before its body's name, where the
    sentence names one of its joiners ("Japan formally joined the CCDCOE"; not "Ukraine joined
    the CCDCOE"), in a text published at most a year before it began and with no year of the
    sentence outside it."""
    accessions = [e for e, kind in matchers.event_types.items() if kind == "accession"]
    if not accessions:
        return []
    found: list[EventMention] = []
    for event in accessions:
        bodies, joiners = _accession_parts(event, matchers)
        began = matchers.event_dates[event]
        ended = matchers.event_ends.get(event) or began
        if published.year < began.year - 1:
            continue
        for body in (m for m in actors if m.actor in bodies):
            cue = _JOINING_BEFORE.search(reading, max(0, body.start - 60), body.start)
            if cue is None or _overlapping(taken, cue.start(), body.end):
                continue
            sentence = [m.actor for m in actors if m.sentence == body.sentence]
            years = [
                d.value.year
                for d in dates
                if d.sentence == body.sentence and d.value is not None and d.kind == "absolute"
            ]
            if not joiners & set(sentence) or any(
                not began.year <= year <= ended.year for year in years
            ):
                continue
            found.append(
                EventMention(
                    event,
                    reading[cue.start() : body.end],
                    cue.start(),
                    body.end,
                    body.paragraph,
                    body.sentence,
                )
            )
    return found
