"""The clauses of a sentence around a generic event reference: where its own clause begins and
ends, the subordinate clauses that date something else, a relative clause that tells of it, and
a date right after it; what each says of the reference's event is read by `annotate.event_context`
and `annotate.events`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from natocorpus.annotate.dates import _MONTH_NUMBER, _MONTHS
from natocorpus.annotate.forms import Matchers, _within
from natocorpus.annotate.time_windows import _placed_in_time
from natocorpus.model import DateMention, EventMention, PartialDate, UnresolvedReference


def _names_place(place: str, text: str) -> bool:
    """Whether the text names the place ("Lithuania", "Lithuanian"), not its government in the
    possessive ("Washington’s push", "Washington's transatlantic ties") nor the state an office
    or a body is of ("the president of the Government of Spain", "the Embassy of Japan"); a
    possessive before one of its cities is the place ("in Lithuania’s capital")."""
    return any(
        _OFFICE_OF_BEFORE.search(text, max(0, found.start() - 40), found.start()) is None
        and _PEOPLE_OF_BEFORE.search(text, max(0, found.start() - 80), found.start()) is None
        and not _one_of_parties(text, found.start(), found.end())
        and not _acts(text, found.start(), found.end())
        for found in re.finditer(rf"\b{re.escape(place)}n?\b(?![’']s\b{_NOT_ITS_CITY})", text)
    )


# After a place's possessive, one of its cities: the place itself ("in Lithuania’s capital").
_NOT_ITS_CITY = r"(?! (?:capital|(?:second[- ]|largest |biggest |port |border )?city)\b)"


def _acts(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is the subject of a verb, not after a preposition of
    place: "Poland and Lithuania will raise it", not "the summit in Lithuania was a success"."""
    return (
        _ACTS_AFTER.match(text, end) is not None
        and _PLACE_WORD_BEFORE.search(text, max(0, start - 12), start) is None
    )


def _one_of_parties(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is one item of a list of three or more names that no
    preposition of place opens: the parties to something ("Six Allies—Estonia, Finland, Italy,
    Latvia, the Netherlands, and Sweden—announced"), not where it happened, unlike "the summits
    in Madrid, Vilnius and Washington"."""
    items, first = 1, start
    while (before := _ITEM_BEFORE.search(text, max(0, first - 50), first)) is not None:
        items, first = items + 1, before.start()
    at = end
    while (after := _ITEM_AFTER.match(text, at)) is not None:
        items, at = items + 1, after.end()
    return items >= 3 and _PLACE_WORD_BEFORE.search(text, max(0, first - 12), first) is None


# A verb after a state's name: the state acts ("Poland and Lithuania will raise the issue at the
# summit"), a party to what is told, not where it happens; unless what it does is to host it.
_ACTS_AFTER = re.compile(
    r" (?:will|would|has|have|had|is|are|was|were|says|said|can|could|should|must|may|might)\b"
    r"(?! (?:be )?host)"
)


# One name of a list and what parts it from the next, before a name; and after one. (One name is
# a few capitalised words at most: the pattern never runs back over a whole sentence.)
_ITEM_BEFORE = re.compile(r"(?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}(?:,| and|, and) $")
_ITEM_AFTER = re.compile(r"(?:,| and|, and) (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}\b")
# A preposition of place before a list: the names are where ("in Madrid, Vilnius and Washington").
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|at|to|from|across|between)\s+(?:the\s+)?$")


# An office or a state's body and its "of", before a state's name: whose it is, not where.
_OFFICE_OF_BEFORE = re.compile(
    r"\b(?:Government|President|Minister|King|Queen|Embassy|Ambassador|Consulate|Parliament"
    r"|Ministry) of (?:the )?$",
    re.IGNORECASE,
)


# People and "of" before a list of states: whom they speak for, not where ("met leaders of
# Estonia, Latvia and Lithuania", "the Presidents of Lithuania and Latvia").
# (Only the people's words in either case: a list of names is capitalised, and in either case
# its nested repetition would backtrack over every word of the window.)
_PEOPLE_OF_BEFORE = re.compile(
    r"\b(?i:leaders|heads of (?:state|government)|presidents|prime ministers|ministers"
    r"|officials|delegations|representatives|envoys) of (?:the )?"
    r"(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*(?:,| and|, and) )*$"
)


# Where a clause of a sentence ends: a comma, semicolon, colon or dash, or a conjunction that
# sets what follows in another time ("after", "before", "while"). Not "and": "arrived in Vilnius
# and is attending the summit" is one account of one event.
_CLAUSE_BREAK = re.compile(
    r"[,;:]\s|\s[–—]\s|(?<=\w)—(?=\w)|\s(?:after|before|while|whereas|although|though|unlike"
    r"|than|but|since|until)\s"
)


# A relative clause right after a reference, which tells of it: ", which will take place on",
# ", to be held in", ", held on".
_OF_IT_AFTER = re.compile(r"(?:which|that|to be held|held|scheduled)\b")


def _told_of_it(
    reading: str, sentence: tuple[int, int], start: int, dates: Sequence[DateMention]
) -> list[PartialDate]:
    """The absolute dates of a relative clause that follows the reference and tells of it, to
    the clause's end (a comma inside a date, "April 4-5, 2023", does not end it)."""
    high = sentence[1]
    opening = _CLAUSE_BREAK.search(reading, start, high)
    if (
        opening is None
        or reading[opening.start()] != ","
        or not _OF_IT_AFTER.match(reading, opening.end())
    ):
        return []
    end = opening.end()
    while (found := _CLAUSE_BREAK.search(reading, end, high)) is not None and any(
        d.start <= found.start() < d.end for d in dates
    ):
        end = found.end()
    end = high if found is None else found.start()
    return [
        d.value
        for d in dates
        if d.value and d.kind == "absolute" and opening.end() <= d.start < end
    ]


# A verb of an event's taking place after the reference, within its clause: "the NATO summit
# will take place", "the meeting opens".
_HAPPENS_AFTER = re.compile(
    r"[^.;:!?,]{0,80}? (?:will (?:take place|be held|open|begin|start|convene)|takes place"
    r"|is (?:being )?held|was held|took place|opens|opened|begins|began|convenes|convened"
    r"|kicks off|kicked off)\b"
)
_ON_BEFORE = re.compile(r"\b[Oo]n $")
_SUBJECT_AFTER_DATE = re.compile(r",? (?:the |a |an )?")


def _dated_as_it_happens(
    reading: str, sentence: tuple[int, int], start: int, dates: Sequence[DateMention]
) -> list[PartialDate]:
    """The date that opens the clause whose subject is the reference, where a verb of its taking
    place follows: "On June 24, the NATO summit will take place" (a date without its year is
    the publication's, as any)."""
    if _HAPPENS_AFTER.match(reading, start) is None:
        return []
    return [
        d.value
        for d in dates
        if d.value
        and sentence[0] <= d.start < start
        and _ON_BEFORE.search(reading, max(0, d.start - 3), d.start) is not None
        and _SUBJECT_AFTER_DATE.fullmatch(reading, d.end, start) is not None
    ]


# What may stand between a reference and the date that qualifies it: "the NATO summit last
# year", "the summit in 2022", "the meeting held in June 2022", "the summit earlier this year".
_DATE_JOIN = re.compile(r" (?:(?:held |that took place )?(?:in|of|on) |(?:earlier|later) )?")


def _dated_right_after(
    reading: str, end: int, candidates: list[str], dates: Sequence[DateMention], matchers: Matchers
) -> list[str] | None:
    """The candidates that a date right after the reference fits, before any place the sentence
    names ("attended the NATO summit last year and will again participate in Vilnius", written
    in 2023, is 2022's); None where no date follows it. A relative date counts only as a year
    ("last year", "this year"); a month or a day without its year, as a time of the year ("the
    summit in Riga on 11 June" is no summit held in November, whichever year it was)."""
    joined = _DATE_JOIN.match(reading, end)
    if joined is None:
        return None
    date = next((d for d in dates if d.start == joined.end() and d.value is not None), None)
    if date is None or date.value is None:
        return None
    value = date.value
    if date.kind == "relative" and value.month:
        # "the NATO summit in July": a month alone may be the next or the last, but it is July,
        # and no more than a year from the one the text's time gives it ("the NATO summit in
        # June", written in July 2025, is no summit of June 2022).
        return [
            e
            for e in candidates
            if any(
                abs(year - value.year) <= 1
                and _within(
                    PartialDate(year, value.month, value.day),
                    matchers.event_dates[e],
                    matchers.event_ends[e],
                )
                for year in {
                    matchers.event_dates[e].year,
                    (matchers.event_ends[e] or matchers.event_dates[e]).year,
                }
            )
        ]
    return [
        e for e in candidates if _within(value, matchers.event_dates[e], matchers.event_ends[e])
    ]


# The kinds of events held on their days, which a date after their name must fall on (a war
# goes on after the day it began).
_HELD_ON_THEIR_DAYS = frozenset({"summit", "ministerial", "meeting", "visit"})


def _dated_otherwise(
    reading: str,
    mentions: list[EventMention],
    own: list[EventMention],
    dates: Sequence[DateMention],
    matchers: Matchers,
) -> tuple[list[EventMention], list[UnresolvedReference]]:
    """The events named by their forms, without the meetings that an absolute date right after
    the name (`_dated_right_after`) dates to a time they were not held ("its first Leaders
    Summit in Washington on April 11, 2024" is no summit held there in July; "the Washington
    summit of 1999" no summit of 2024), or that a month right before the name does ("an April
    2024 summit in Washington"): those are references no known event fits."""
    absolute = [d for d in dates if d.kind == "absolute"]
    kept: list[EventMention] = []
    otherwise: list[UnresolvedReference] = []
    for mention in mentions:
        if (
            mention not in own
            and matchers.event_types.get(mention.event) in _HELD_ON_THEIR_DAYS
            and (
                (
                    absolute
                    and _dated_right_after(
                        reading, mention.end, [mention.event], absolute, matchers
                    )
                    == []
                )
                or _held_in_another_month(reading, mention, matchers)
            )
        ):
            otherwise.append(UnresolvedReference.of(mention, ()))
        else:
            kept.append(mention)
    return kept, otherwise


# A month right before an event's name or phrase, maybe with its year: "the July summit", "an
# April 2024 summit in Washington" (at most "September 2024 " and the character before it).
_MONTH_BEFORE = re.compile(rf"(?<![\w-])({_MONTHS})\s+(?:(?:19|20)\d\d\s+)?$")
_MONTH_BEFORE_REACH = 17


def _month_before(reading: str, start: int) -> int | None:
    """The number of the month right before the phrase at `start`, if one stands there."""
    found = _MONTH_BEFORE.search(reading, max(0, start - _MONTH_BEFORE_REACH), start)
    return None if found is None else _MONTH_NUMBER[found.group(1)]


def _months_held(matchers: Matchers, event: str) -> set[int]:
    """The months an event dated to the month or day began or ended in."""
    first, last = matchers.event_dates[event], matchers.event_ends[event]
    months = (first.month, last.month if last is not None else first.month)
    return {month for month in months if month is not None}


def _in_month(matchers: Matchers, event: str, month: int) -> bool:
    """Whether an event dated to the month or day took place (began or ended) in `month`."""
    return month in _months_held(matchers, event)


def _held_in_another_month(reading: str, mention: EventMention, matchers: Matchers) -> bool:
    """Whether a month right before the event's name is one it was not held in."""
    month = _month_before(reading, mention.start)
    held = _months_held(matchers, mention.event)
    return month is not None and bool(held) and month not in held


def _clause_span(reading: str, sentence: tuple[int, int], start: int) -> tuple[int, int]:
    low, high = sentence
    for found in _CLAUSE_BREAK.finditer(reading, low, start):
        low = found.end()
    after = _CLAUSE_BREAK.search(reading, start, high)
    return low, after.start() if after is not None else high


# A relative or subordinate clause in commas, or one that opens the sentence: what it dates is
# something else than what the main clause tells ("In 2019, ..." opens no such clause).
_SUBORDINATE = re.compile(
    r"(?:(?:, |\s?—\s?| – )(?:who|which|whose|where|when|after|before|while|although|though"
    r"|whereas)|^(?:After|Before|While|When|Although|Though|Whereas)) [^,;—]*"
)


def _other_clauses(reading: str, sentence: tuple[int, int], start: int) -> list[tuple[int, int]]:
    """The subordinate clauses of the sentence that do not hold the reference."""
    low, high = sentence
    return [
        (low + found.start(), low + found.end())
        for found in _SUBORDINATE.finditer(reading[low:high])
        if not found.start() <= start - low < found.end()
    ]


def _in_its_clause(
    reading: str,
    sentence: tuple[int, int],
    start: int,
    candidates: list[str],
    dates: Sequence[DateMention],
    matchers: Matchers,
    published: PartialDate | None = None,
) -> str | None:
    """The one candidate the places and dates of the reference's own clause fit, where they
    fit one: in "attending the summit in Vilnius, after the one in Spain last year" the later
    clause's place and date belong to another event. None where the clause decides nothing. A
    place names only an event `_placed_in_time` for the text's `published` date."""
    low, high = _clause_span(reading, sentence, start)
    if (low, high) == sentence:
        return None  # one clause: the sentence decides
    by_place, by_date = _fitting((low, high), reading, candidates, dates, matchers, published)
    fits = (by_place & by_date) if by_place and by_date else (by_place or by_date)
    return next(iter(fits)) if len(fits) == 1 else None


def _fitting(
    span: tuple[int, int],
    reading: str,
    candidates: list[str],
    dates: Sequence[DateMention],
    matchers: Matchers,
    published: PartialDate | None = None,
) -> tuple[set[str], set[str]]:
    """The candidates a place named in the span fits, and those a date in it falls within."""
    low, high = span
    words = reading[low:high]
    values = [d.value for d in dates if d.value and low <= d.start < high]
    by_place = {
        e
        for e in candidates
        if any(_names_place(p, words) for p in matchers.event_places[e])
        and _placed_in_time(matchers, e, published)
    }
    by_date = {
        e
        for e in candidates
        if any(_within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in values)
    }
    return by_place, by_date


# A meeting held beside another: "on the sidelines of the NATO summit in Washington", "on the
# margins of the G20".
_SIDELINES_OF = re.compile(
    r"\b(?:on|at|in) the (?:sidelines?|margins?|fringes?) of ", re.IGNORECASE
)


def _beside_another(
    reading: str,
    sentence: tuple[int, int],
    start: int,
    end: int,
    candidates: list[str],
    dates: Sequence[DateMention],
    matchers: Matchers,
) -> bool:
    """Whether the reference is a meeting held beside an event that one of its candidates fits:
    in "this summit will take place on the sidelines of a NATO conference in Washington" the
    summit is not the one in Washington, and what else it is nothing says. The host's words run
    from "sidelines of" to its clause's end; a reference among them is the host itself."""
    low, high = sentence
    for found in _SIDELINES_OF.finditer(reading, low, high):
        after = _CLAUSE_BREAK.search(reading, found.end(), high)
        host = (found.end(), after.start() if after is not None else high)
        if host[0] <= start < host[1]:
            continue
        if any(_fitting(host, reading, candidates, dates, matchers)):
            return True
        # "meeting in Washington on the sidelines of the NATO summit": a host told as one of
        # the candidates' kind, right after the reference, is the other one.
        if (
            end <= found.start() <= end + 40
            and _CLAUSE_BREAK.search(reading, end, found.start()) is None
            and any(
                set(matchers.generic_events[phrase]) & set(candidates)
                for phrase, *_ in matchers.generic.find(reading[host[0] : host[1]])
            )
        ):
            return True
    return False
