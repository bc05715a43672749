"""How far an event's date lies from a text's publication date: the days a date may cover, the
week or month a possessive before a reference tells from the publication ("next week's summit"),
the spans of a year around it that make an event near enough to be the one meant, and the events
no text can name before they happen."""

from __future__ import annotations

import datetime
import re

from natocorpus.annotate.forms import Matchers, _key
from natocorpus.model import EventMention, PartialDate, UnresolvedReference, days_in_month

# A week or month told from the publication date, as a possessive before the phrase: "next
# week’s summit", "last month’s meeting"; with the days from the publication's first and last
# day that it may cover.
_SOON_BEFORE = re.compile(
    r"\b(next|this|last) (week|month)[’']s\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE
)
_SOON = {
    ("next", "week"): (1, 13),
    ("this", "week"): (-6, 6),
    ("last", "week"): (-13, -1),
    ("next", "month"): (1, 62),
    ("this", "month"): (-31, 31),
    ("last", "month"): (-62, -1),
}
# The same right after a reference, or after one word of it: "the NATO summit this week", "NATO
# summit attendance this week", "the meeting last month".
_SOON_AFTER = re.compile(r"(?: [a-z]+)? (this|last|next) (week|month)\b", re.IGNORECASE)


def _held_within_told(
    soon: re.Match[str], published: PartialDate, event: str, matchers: Matchers
) -> bool:
    """Whether `event` is held within the week or month `soon` tells from the publication date
    (`_SOON_BEFORE` or `_SOON_AFTER`)."""
    low, high = _SOON[soon.group(1).lower(), soon.group(2).lower()]
    first, last = _days(published)
    window = (first + datetime.timedelta(low), last + datetime.timedelta(high))
    return _overlap(window, _days(matchers.event_dates[event], matchers.event_ends[event]))


def _days(
    first: PartialDate, last: PartialDate | None = None
) -> tuple[datetime.date, datetime.date]:
    """The first and the last day that a date (or a span from `first` to `last`) may be."""
    last = last or first
    return (
        datetime.date(first.year, first.month or 1, first.day or 1),
        datetime.date(
            last.year,
            last.month or 12,
            last.day or days_in_month(last.year, last.month or 12),
        ),
    )


def _began_by(matchers: Matchers, event: str, published: PartialDate) -> bool:
    """Whether the event had begun by the publication date, at the coarser of the precisions."""
    first = matchers.event_dates[event]
    return _key(first, published) <= _key(published, first)


def _placed_in_time(matchers: Matchers, event: str, published: PartialDate | None) -> bool:
    """Whether a place the text names may name the event: one begun by the publication date or
    within a year of it. A text of 2019 that names Washington ("the Washington Treaty") tells of
    no summit held there in 2024."""
    return (
        published is None
        or _began_by(matchers, event, published)
        or _near(matchers.event_dates[event], published)
    )


def _overlap(
    one: tuple[datetime.date, datetime.date], other: tuple[datetime.date, datetime.date]
) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


def _near(first: PartialDate, published: PartialDate) -> bool:
    """Whether `first` is less than a year from `published`, before or after it, at the
    coarser precision."""
    if published.month is None or first.month is None:
        return abs(first.year - published.year) <= 1
    return abs((first.year - published.year) * 12 + first.month - published.month) < 12


def _not_long_before(first: PartialDate, published: PartialDate) -> bool:
    """Whether `published` is not more than half a year before `first`: a text of December 2017
    on "the foreign ministers' meeting in Brussels" is not about April 2022's."""
    if published.month is None or first.month is None:
        return published.year >= first.year - 1
    return published.year * 12 + published.month >= first.year * 12 + first.month - 6


def _within_months(last: PartialDate, published: PartialDate, months: int) -> bool:
    """Whether `published` is less than `months` months after `last`, at the coarser
    precision."""
    if published.month is None or last.month is None:
        return published.year <= last.year
    return (published.year - last.year) * 12 + published.month - last.month < months


def _over_well_before(first: PartialDate, last: PartialDate | None, published: PartialDate) -> bool:
    """Whether an event (from `first` to `last`) had ended well before the publication date: more
    than the weeks a text written before it may take to be published or posted again."""
    _, ended = _days(first, last)
    start, _ = _days(published)
    return ended + _REPOSTED_WITHIN < start


_REPOSTED_WITHIN = datetime.timedelta(days=60)


# A time to come, told from the publication date, after a reference in its sentence: "the
# foreign ministers meeting next month", "our ministerial later this spring", "a summit in the
# coming weeks".
_TIME_TO_COME_AFTER = re.compile(
    r"[^.!?;]{0,60}?\b(?:(?:next|later this|this coming|early next|late next)\s+"
    r"(?:week|month|year|spring|summer|autumn|fall|winter)"
    r"|in the (?:coming|next(?: few)?) (?:days|weeks|months))\b",
    re.IGNORECASE,
)


def _told_to_come(reading: str, end: int, sentence_end: int) -> bool:
    """Whether the sentence, after the reference ending at `end`, tells of a time to come."""
    return _TIME_TO_COME_AFTER.match(reading, end, sentence_end) is not None


# The kinds of event that nobody announces ahead (a war, an operation): a text published before
# one cannot name it, whatever its words.
_UNANNOUNCED = frozenset({"other", "operation"})


def _not_yet_happened(
    mentions: list[EventMention],
    own: list[EventMention],
    matchers: Matchers,
    published: PartialDate,
) -> tuple[list[EventMention], list[UnresolvedReference]]:
    """The events named by their forms, without those of a kind nobody announces that happened
    after the text was published ("the Russian invasion of Ukraine" in a 2020 text is 2014's):
    those are references no known event fits."""
    kept: list[EventMention] = []
    not_yet: list[UnresolvedReference] = []
    for mention in mentions:
        date = matchers.event_dates.get(mention.event)
        if (
            mention not in own
            and date is not None
            and matchers.event_types.get(mention.event) in _UNANNOUNCED
            and date.truncate(published.precision).sort_key > published.sort_key
        ):
            not_yet.append(UnresolvedReference.of(mention, ()))
        else:
            kept.append(mention)
    return kept, not_yet
