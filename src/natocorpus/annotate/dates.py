"""Temporal expressions: found outside addresses and names, resolved, relative ones against the
latest absolute date before them in their paragraph, else the publication date."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from natocorpus.annotate.forms import _FUNCTION_WORDS, _overlapping, _wordset
from natocorpus.model import DateMention, PartialDate, Span, on_the_calendar

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}
# Months abbreviated with a full stop, as datelines print them ("Jul. 11"): without the stop,
# "Jan" or "Mar" may be a name.
_ABBREVIATED_MONTHS = {
    f"{name[:4] if name == 'September' else name[:3]}.": number
    for name, number in _MONTH_NUMBER.items()
    if name != "May"
} | {"Sep.": 9}
_ANY_MONTH = "|".join([_MONTHS, *(re.escape(a) for a in _ABBREVIATED_MONTHS)])
_MONTH_NUMBER |= _ABBREVIATED_MONTHS
# Without the stop, an abbreviation is a month only before its day: "(Jul 12)", "Jan 6".
_BARE_MONTHS = {a[:-1]: n for a, n in _ABBREVIATED_MONTHS.items()} | {"Sept": 9}
_MONTH_NUMBER |= _BARE_MONTHS
_DAYS_MONTH = "|".join([_ANY_MONTH, *_BARE_MONTHS])
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", rf"{_YEAR}-[01]\d-[0-3]\d"),
    # (a span of days is dated by its first: "April 4-5, 2023", "11–12 July 2024")
    ("month_day_year", rf"(?:{_DAYS_MONTH}) \d{{1,2}}(?:[-–]\d{{1,2}})?, {_YEAR}"),
    ("day_month_year", rf"\d{{1,2}}(?:[-–]\d{{1,2}})? (?:{_ANY_MONTH}),? {_YEAR}"),
    ("dotted", rf"\d{{2}}\.\d{{2}}\.{_YEAR}"),
    ("month_year", rf"(?:{_ANY_MONTH}),? {_YEAR}"),
    ("month_shift", rf"(?:{_MONTHS}),? (?:last|this|next) year"),
    ("shifted_month", rf"(?:[Ll]ast|[Tt]his|[Nn]ext) (?:{_MONTHS})"),
    ("month_day", rf"(?:{_DAYS_MONTH}) \d{{1,2}}(?!\d)"),
    ("day_month", rf"\d{{1,2}} (?:{_ANY_MONTH})"),
    ("century", r"(?:the )?\d{1,2}(?:st|nd|rd|th) century"),
    # (the month of "in late June", "in mid-July": the part of it is no more precise a date)
    (
        "in_month",
        r"(?:(?<=\b[Ii]n )|(?<=\b[Ii]n [Ee]arly )|(?<=\b[Ii]n [Ll]ate )|(?<=\b[Ii]n [Mm]id-))"
        rf"(?:{_MONTHS})",
    ),
    ("season_shift", r"(?:[Ll]ast|[Tt]his|[Nn]ext) (?:summer|winter|spring|autumn|fall)"),
    ("last_year", r"[Ll]ast year"),
    ("this_year", r"[Tt]his year"),
    ("next_year", r"[Nn]ext year"),
    ("recent_years", r"(?:in )?recent years"),
    ("decade", r"(?:the )?(?:1[89]|20)\d0s"),
    ("year", _YEAR),
)
# The characters an expression above can begin with: checked first, this spares the regex engine
# trying every alternative at every position of the text (half the date pass).
_DATE_FIRST = "0-9JFMASONDTtLlNnir"
_DATE_RE = re.compile(
    rf"(?=[{_DATE_FIRST}])(?<![\w.])(?:"
    + "|".join(f"(?P<{name}>{body})" for name, body in _DATE_PATTERNS)
    + r")(?![\w])"
)
_RELATIVE = frozenset(
    {
        "month_day",
        "day_month",
        "in_month",
        "month_shift",
        "shifted_month",
        "season_shift",
        "last_year",
        "this_year",
        "next_year",
        "recent_years",
    }
)
_SHIFT = {"last": -1, "this": 0, "next": 1}
_NUMBERS = re.compile(r"\d+")
# Addresses: a number in them is a path or an identifier, never a date.
# The lookahead on the first characters lets the engine skip every other position at once.
_ADDRESS_RE = re.compile(r"(?=[hwd1])(?<![\w.])(?:https?://|www\.|doi\.org/|10\.\d{4,9}/)\S+")
# A year right after a capitalised word is part of a name ("NATO 2030", "Agenda 2030",
# "Strategic Concept 2010"), unless that word is a sentence's function word or a season.
_NAME_BEFORE_YEAR = re.compile(r"(?:^|[\s(“\"])([A-Z][\w’'-]*) $")
_NOT_NAMES = _FUNCTION_WORDS | _wordset(
    "Spring Summer Autumn Fall Winter Early Late Mid Around Until Through Circa Since Until "
    "Throughout Between"
)


def _in_name(text: str, start: int) -> bool:
    word = _NAME_BEFORE_YEAR.search(text[max(0, start - 40) : start])
    return word is not None and word.group(1) not in _NOT_NAMES


def _latest_not_after(month: int, day: int | None, published: PartialDate) -> PartialDate | None:
    """The most recent such month (and day) not after publication; None when undecidable."""
    if published.month is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    return PartialDate(year, month, day)


def _earliest_not_before(month: int, day: int | None, published: PartialDate) -> PartialDate | None:
    """The first such month (and day) not before publication; None when undecidable."""
    if published.month is None:
        return None
    year = published.year if month >= published.month else published.year + 1
    return PartialDate(year, month, day)


# Words that tell of what is to come: a sentence with them may speak of an event not yet begun,
# and of a month to come ("expected to sign before a NATO summit in July", written in May).
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|shall|won[’']t|is to|are to|to be held|plans?|planned|planning|expected"
    r"|expects|ahead of|scheduled|upcoming|forthcoming|next|coming|preparing|preparations?"
    r"|arranging|arrangements?"
    r"|hosting|(?:aim|seek|intend|hope)(?:s|ing)? to|set to|due to|poised to|likely to)\b"
    r"|[’']ll\b",
    re.IGNORECASE,
)


def _shifted_month(shift: str, month: int, base: PartialDate) -> PartialDate:
    """ "last July": the latest July before `base`; "next July": the first after it; "this
    July": the one of its year."""
    if shift == "this":
        return PartialDate(base.year, month)
    if shift == "last":
        before = base.month is not None and month < base.month
        return PartialDate(base.year if before else base.year - 1, month)
    after = base.month is not None and month > base.month
    return PartialDate(base.year if after else base.year + 1, month)


def resolve_date(
    kind: str,
    text: str,
    published: PartialDate,
    anchor: PartialDate | None = None,
    ahead: bool = False,
) -> PartialDate | None:
    """Resolve one temporal expression. A relative one resolves against `anchor`, the latest
    absolute date before it in its paragraph, and else against the publication date: a month
    without a year takes the anchor's year, or the latest such month not after publication, or
    the first not before it in a sentence that looks `ahead`."""
    words = text.replace(",", "").split()
    if kind == "iso":
        year, month, day = (int(part) for part in text.split("-"))
        return PartialDate(year, month, day)
    if kind in ("month_day_year", "day_month_year"):
        month = next(_MONTH_NUMBER[word] for word in words if word in _MONTH_NUMBER)
        numbers = _NUMBERS.findall(text)
        return PartialDate(int(numbers[-1]), month, int(numbers[0]))
    if kind == "dotted":
        # day first, as most of the world writes it; a "month" over twelve is the day of the
        # other order ("05.13.2023")
        first, second, year = (int(part) for part in text.split("."))
        return PartialDate(year, *((second, first) if second <= 12 else (first, second)))
    if kind == "month_year":
        return PartialDate(int(words[1]), _MONTH_NUMBER[words[0]])
    if kind == "year":
        return PartialDate(int(text))
    base = anchor or published
    if kind == "month_shift":
        return PartialDate(base.year + _SHIFT[words[1].lower()], _MONTH_NUMBER[words[0]])
    if kind == "shifted_month":
        return _shifted_month(words[0].lower(), _MONTH_NUMBER[words[1]], base)
    if kind in ("month_day", "day_month", "in_month"):
        month_name = next(word for word in words if word in _MONTH_NUMBER)
        days = [int(word) for word in words if word.isdigit()]
        the_day = days[0] if days else None
        if anchor is not None:
            return PartialDate(anchor.year, _MONTH_NUMBER[month_name], the_day)
        if ahead:
            return _earliest_not_before(_MONTH_NUMBER[month_name], the_day, published)
        return _latest_not_after(_MONTH_NUMBER[month_name], the_day, published)
    if kind == "season_shift" and base.month is not None:
        return PartialDate(_season_year(words[0].lower(), words[1].lower(), base))
    if kind in ("last_year", "this_year", "next_year", "season_shift"):
        return PartialDate(base.year + _SHIFT[words[0].lower()])
    return None  # "recent years", centuries: periods, not calendar dates


# Each season's first and last month, in the northern hemisphere's reckoning the texts use.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season_year(shift: str, season: str, base: PartialDate) -> int:
    """The year of "last summer", "next spring" said in `base`'s month: last summer is the one
    that ended most recently (in September, this year's), next spring the next to begin (in
    January, this year's)."""
    assert base.month is not None
    if shift == "this":
        return base.year
    if season == "winter":  # December to February: its year is the one of January and February
        if shift == "last":
            return base.year if base.month >= 3 else base.year - 1
        return base.year + 1
    first, last = _SEASONS[season]
    if shift == "last":
        return base.year if base.month > last else base.year - 1
    return base.year if base.month < first else base.year + 1


# A year that bounds a period ("for the period up to 2026", "by 2030", "since 2022", "since
# becoming its partner in 2006") is not when what the paragraph tells next took place: it anchors
# no relative date after it.
_LIMIT_BEFORE = re.compile(
    r"\b(?:up to|until|till|through|by|before|beyond|since)\s+$"
    r"|\bsince\s+[a-z][^.;:,]{0,60}\s(?:in|of)\s+$",
    re.IGNORECASE,
)


# A year between a determiner and a noun names what it qualifies ("at the 2022 Madrid Summit",
# "NATO's 2010 Strategic Concept"): it dates that, not what the paragraph tells next, and anchors
# no relative date after it ("At the Washington Summit in July this year", written in 2024).
_QUALIFYING_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|[\w-]+[’']s?)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[A-Za-z]")


def _find_dates(
    reading: str,
    published: PartialDate,
    place: Callable[[int], tuple[str, int]],
    sentences: Sequence[Span],
) -> list[DateMention]:
    """Every temporal expression outside addresses and names, resolved; a relative one against
    the latest absolute date before it in its paragraph, else the publication date, and as one to
    come where its sentence (the `sentences` that `place` indexes) looks ahead."""
    addresses = [m.span() for m in _ADDRESS_RE.finditer(reading)]
    dates: list[DateMention] = []
    anchor: tuple[str, PartialDate] | None = None  # (paragraph, date)
    for match in _DATE_RE.finditer(reading):
        kind = match.lastgroup or "year"
        start, end = match.span()
        if (addresses and _overlapping(addresses, start, end)) or (
            kind == "year" and _in_name(reading, start)
        ):
            continue
        paragraph, sentence = place(start)
        base = anchor[1] if anchor is not None and anchor[0] == paragraph else None
        relative = kind in _RELATIVE
        around = sentences[sentence]
        ahead = (
            relative
            and _LOOKS_AHEAD.search(reading[around.start : max(around.end, end)]) is not None
        )
        value = resolve_date(kind, match.group(), published, base if relative else None, ahead)
        if value is not None and not on_the_calendar(value):
            continue  # "2023-19-39", "31 June 2023": a misprint or a number, not a date
        if (
            not relative
            and value is not None
            and not _LIMIT_BEFORE.search(reading, max(0, start - 80), start)
            and not (
                kind == "year"
                and _QUALIFYING_BEFORE.search(reading, max(0, start - 30), start)
                and _NOUN_AFTER.match(reading, end)
            )
        ):
            anchor = (paragraph, value)
        dates.append(
            DateMention(
                text=match.group(),
                start=start,
                end=end,
                paragraph=paragraph,
                sentence=sentence,
                kind="relative" if relative else "absolute",
                value=value,
                event=None,
            )
        )
    return dates
