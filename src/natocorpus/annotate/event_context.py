"""What is around a generic reference that decides its event: the names, year and month before
it, the places and dates of its clause, sentence and paragraph, the event its paragraph or the
text last named, and the publication date (`_by_context`, then `_by_publication_year`); when a
meeting held again and again can be the one meant (`_recurring_fitting`)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Sequence

from natocorpus.annotate.capitals import in_a_dateline
from natocorpus.annotate.clauses import (
    _dated_as_it_happens,
    _in_its_clause,
    _in_month,
    _month_before,
    _names_place,
    _other_clauses,
    _told_of_it,
)
from natocorpus.annotate.dates import _LOOKS_AHEAD
from natocorpus.annotate.forms import Matchers, _within
from natocorpus.annotate.generic_phrases import _ordinal_in_words
from natocorpus.annotate.sentences import _sentence_span
from natocorpus.annotate.time_windows import (
    _SOON_AFTER,
    _SOON_BEFORE,
    _began_by,
    _days,
    _held_within_told,
    _near,
    _not_long_before,
    _over_well_before,
    _overlap,
    _placed_in_time,
    _told_to_come,
    _within_months,
)
from natocorpus.model import ArticleText, DateMention, EventMention, PartialDate


def _in_force(candidates: Sequence[str], matchers: Matchers, published: PartialDate) -> list[str]:
    """Of documents ("the Strategic Concept"), the one in force when the text was published: the
    latest published before it, when every candidate is a publication."""
    if not candidates or any(matchers.event_types.get(e) != "publication" for e in candidates):
        return []
    before = [e for e in candidates if matchers.event_dates[e].sort_key <= published.sort_key]
    if not before:
        return []
    return [max(before, key=lambda e: matchers.event_dates[e].sort_key)]


_YEAR_BEFORE = re.compile(r"(?<!\w)(?:1[89]|20)\d\d $")

# The years an anniversary counts, in figures or in words: "75th anniversary", "seventy-fifth".
_COUNTED = re.compile(
    r"(?:(\d{1,2})(?:st|nd|rd|th)|([a-z]+(?:[- ][a-z]+)?))[ -]anniversary\b", re.IGNORECASE
)
_ORDINALS_IN_WORDS = {words: n for n in range(1, 100) if (words := _ordinal_in_words(n))}


def _without_its_founding(
    reading: str,
    start: int,
    candidates: Sequence[str],
    dates: Sequence[DateMention],
    matchers: Matchers,
) -> Sequence[DateMention]:
    """The dates around an anniversary's reference without the year it counts from: "as NATO
    marks its 75th anniversary ... since its creation in 1949" is of 2024, 75 years on."""
    counted = _COUNTED.match(reading, start)
    if counted is None:
        return dates
    figures, words = counted.groups()
    years = int(figures) if figures else _ORDINALS_IN_WORDS.get(words.lower().replace(" ", "-"))
    if years is None:
        return dates
    foundings = {matchers.event_dates[e].year - years for e in candidates}
    return [d for d in dates if d.value is None or d.value.year not in foundings]


def _by_context(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: list[str],
    actors: Sequence[tuple[int, int, str]],
    dates: Sequence[DateMention],
    published: PartialDate,
    matchers: Matchers,
    antecedent: str | None = None,
    *,
    time_told: bool = False,
) -> list[str]:
    """The candidates that the names and the year before the phrase, a month before it, the
    places and dates of its sentence, the event its paragraph last named (`antecedent`) and the
    places and dates of its paragraph leave (the publication date only rules out what had not
    begun by then, unless a word looks ahead, or a week or month after the phrase was told from
    the publication: `time_told`): what is around the reference decides."""
    candidates = _of_its_parties(reading, start, candidates, actors, matchers)
    dates = _without_its_founding(reading, start, candidates, dates, matchers)
    if (year := _YEAR_BEFORE.search(reading, max(0, start - 5), start)) is not None:
        # "the 2023 summit": the year is the phrase's own; an event of another year is not it.
        number = int(year.group().strip())
        candidates = [
            e
            for e in candidates
            if matchers.event_dates[e].year
            <= number
            <= (matchers.event_ends[e] or matchers.event_dates[e]).year
        ]
    if (day := _day_before(reading, start, dates)) is not None and day.value is not None:
        # "their June 26–28 summit", "the July 11 summit": the day is the phrase's own; an event
        # not held that day is not it. (A day without its year is that day of the event's
        # year: "called to the July 11-12 gathering" in April is this July's.)
        candidates = [
            e
            for e in candidates
            if _within(
                day.value
                if day.kind == "absolute"
                else PartialDate(matchers.event_dates[e].year, day.value.month, day.value.day),
                matchers.event_dates[e],
                matchers.event_ends[e],
            )
        ]
    if (soon := _SOON_BEFORE.search(reading, max(0, start - 40), start)) is not None:
        # "next week’s summit": within days of the publication, whatever the places say.
        candidates = [e for e in candidates if _held_within_told(soon, published, e, matchers)]
    if _AHEAD_BEFORE.search(reading, max(0, start - 40), start) is not None:
        # "The upcoming NATO Summit", its sentence undated or dated only after the publication
        # ("a goal ... by 2035"): one still to come when the text was published, not one its
        # paragraph's other years name. ("In June 2023, Japan prepared for the upcoming summit"
        # tells of what was to come then.)
        low, high = _sentence_span(text, reading, start)
        if not any(
            d.value is not None and low <= d.start < high and d.value.year <= published.year
            for d in dates
        ):
            candidates = [
                e
                for e in candidates
                if not _over_well_before(matchers.event_dates[e], matchers.event_ends[e], published)
            ]
    month = _month_before(reading, start)
    # A week or month told from the publication, before the phrase or after it, may hold one
    # still to come: "this week’s summit", written the day before it opens.
    forward = (
        time_told
        or soon is not None
        or _FORWARD_BEFORE.search(reading, max(0, start - 40), start) is not None
    )
    if (
        month is None
        and not any(_began_by(matchers, e, published) for e in candidates)
        and not forward
    ):
        # A text speaks of what has begun by the day it was published, or of what is to come
        # with a word that says so ("the next summit", "the June summit") or with its date
        # or place in the sentence ("the summit in Madrid"): "the Russian invasion" in a
        # text of 2015 is not the war of 2022.
        in_sentence = _fitting(
            text, reading, start, candidates, dates, matchers, depth=1, published=published
        )
        low, high = _sentence_span(text, reading, start)
        dated = [
            e
            for e in candidates
            if any(
                _within(d.value, matchers.event_dates[e], matchers.event_ends[e])
                for d in dates
                if d.value is not None and low <= d.start < high
            )
        ]
        if len(in_sentence) < len(candidates):
            candidates = in_sentence
        elif dated:
            # "This year marks NATO's 75th anniversary", written in March 2024: the sentence
            # dates it.
            candidates = dated
        else:
            # "the Vilnius meeting", written in May 2023, names its place: July's summit there,
            # to come within the year; "the Madrid meeting" of a text of 2015 is not 2022's. A
            # meeting held again and again (`_RECURRING`, whose time `_recurring_fitting` has
            # checked) that the sentence looks ahead to is the next one: "the report will be
            # discussed at a meeting of NATO foreign ministers", the day before it.
            ahead = _LOOKS_AHEAD.search(reading, low, high) is not None
            candidates = [
                e
                for e in candidates
                if _near(matchers.event_dates[e], published)
                and (
                    any(_names_place(p, reading[low:high]) for p in matchers.event_places[e])
                    or (ahead and matchers.event_types.get(e) in _RECURRING)
                )
            ]
    around = _fitting(
        text,
        reading,
        start,
        candidates,
        dates,
        matchers,
        antecedent=antecedent,
        published=published,
    )
    if month is not None:
        # "the July summit": the month says which, in whatever year the context gives ("the
        # June 2022 summit" its own); where it gives none, a July within a year of the
        # publication ("the June summit" in May 2025 is not June 2022's).
        around = [
            e
            for e in around
            if _in_month(matchers, e, month)
            and (
                year is not None
                or len(around) < len(candidates)
                or _near(matchers.event_dates[e], published)
            )
        ]
    return around


# Between a day and the phrase it qualifies: the last day of a range, then a space ("June
# 26–28 summit").
_DAY_RANGE_TAIL = re.compile(r"(?:\s?[–-]\s?\d{1,2})?\s")


def _day_before(reading: str, start: int, dates: Sequence[DateMention]) -> DateMention | None:
    """The date of a day right before the phrase ("their June 26–28 summit")."""
    for date in dates:
        if (
            date.value is not None
            and date.value.day is not None
            and start - 8 <= date.end < start
            and _DAY_RANGE_TAIL.fullmatch(reading, date.end, start)
        ):
            return date
    return None


def _by_publication_year(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: list[str],
    published: PartialDate,
    matchers: Matchers,
    end: int | None = None,
) -> list[str]:
    """Of the candidates the context left, those of the year of publication, or else the
    document in force then; the candidates as they were where neither decides. A document told
    as the one before ("its previous Strategic Concept") is the edition before the one in
    force; one told as still being made after its name (`end`), the next edition."""
    if len(candidates) <= 1:
        return candidates
    if _EARLIER_BEFORE.search(reading, max(0, start - 40), start) is not None and all(
        matchers.event_types.get(e) == "publication" for e in candidates
    ):
        # (none where the knowledge base holds no earlier one: the 1991 concept, in 2010)
        return _earlier_edition(candidates, matchers, published)
    if (
        end is not None
        and _BEING_MADE_AFTER.match(reading, end) is not None
        and (coming := _next_edition(candidates, matchers, published))
    ):
        # "the Strategic Concept that NATO is developing", written in 2010 before Lisbon
        return coming
    same_year = [
        e
        for e in candidates
        if matchers.event_dates[e].year
        <= published.year
        <= (matchers.event_ends[e] or matchers.event_dates[e]).year
    ]
    low, high = _sentence_span(text, reading, start)
    forward = _FORWARD_BEFORE.search(reading, max(0, start - 40), start) is not None
    if not forward and not _LOOKS_AHEAD.search(reading, low, high):
        # The year of publication chooses what is to come only in a sentence or a word that
        # says so: "Japan attended the NATO summit", written in March, is not July's; "NATO's
        # new Strategic Concept", written in April, is June's.
        same_year = [e for e in same_year if _began_by(matchers, e, published)]
    if forward and not same_year and (coming := _next_edition(candidates, matchers, published)):
        # "NATO's new Strategic Concept", written in October 2021: the edition being made, not
        # the one in force since 2010.
        return coming
    return same_year or _in_force(candidates, matchers, published) or candidates


def _next_edition(
    candidates: Sequence[str], matchers: Matchers, published: PartialDate
) -> list[str]:
    """Of documents, the first published after the text, where it came within two years of it."""
    if not candidates or any(matchers.event_types.get(e) != "publication" for e in candidates):
        return []
    after = [e for e in candidates if matchers.event_dates[e].sort_key > published.sort_key]
    if not after:
        return []
    first = min(after, key=lambda e: matchers.event_dates[e].sort_key)
    return [first] if matchers.event_dates[first].year <= published.year + 2 else []


def _earlier_edition(
    candidates: Sequence[str], matchers: Matchers, published: PartialDate
) -> list[str]:
    """Of documents, the edition before the one in force when the text was published."""
    before = sorted(
        (e for e in candidates if matchers.event_dates[e].sort_key <= published.sort_key),
        key=lambda e: matchers.event_dates[e].sort_key,
    )
    return before[-2:-1]


# A word before a document's name that makes it the one before: "in its previous strategic
# concept", "the old Strategic Concept".
_EARLIER_BEFORE = re.compile(
    r"\b(?:previous|former|old|outgoing|preceding|prior)\s+(?:[\w’'-]+\s+){0,2}[“‘\"']?$",
    re.IGNORECASE,
)
# Words right after a document's name that tell it is still being made: "the Strategic Concept
# that NATO is developing", "the strategic concept that would assess the current ...", "the
# concept being drafted".
_BEING_MADE_AFTER = re.compile(
    r",? (?:(?:that|which) (?:(?:NATO|the [Aa]lliance|the [Aa]llies|[Aa]llies|it|they|we) )?"
    r"(?:is|are|will be) (?:now |still )?(?:developing|drafting|preparing|writing|negotiating"
    r"|working on|being (?:drafted|developed|prepared|written|negotiated|discussed))\b"
    r"|(?:that|which) would\b"
    r"|(?:now |still )?(?:being|to be) (?:drafted|developed|prepared|written|negotiated|adopted"
    r"|agreed)\b"
    r"|under (?:preparation|development|negotiation|discussion)\b)"
)
_FORWARD_BEFORE = re.compile(
    r"\b(?:next|upcoming|forthcoming|coming|planned|future|proposed|expected|scheduled|"
    r"prospective|new|draft)\s+(?:[\w’'-]+\s+){0,2}[“‘\"']?$",
    re.IGNORECASE,
)


_AHEAD_BEFORE = re.compile(
    r"\b(?:upcoming|forthcoming)\s+(?:[\w’'-]+\s+){0,2}[“‘\"']?$", re.IGNORECASE
)


def _of_its_parties(
    reading: str,
    start: int,
    candidates: list[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> list[str]:
    """Of the candidates, those whose parties the words just before the phrase name: "the NATO
    Leaders’ Summit" is NATO's, "the US-Japan-ROK summit" that of the three; when none fits,
    the candidates stay as they were."""
    before = _NOUN_PHRASE_BEFORE.search(reading, max(0, start - 60), start)
    if before is None:
        return candidates
    named = {actor for low, high, actor in actors if before.start() <= low and high <= start}
    if "-" not in before.group() and "–" not in before.group():
        # A state alone before the phrase is as often its host as a party: "the US NATO
        # Summit" is held in the US. States joined ("the US-Japan-ROK summit") are parties.
        named -= matchers.states
    if not named:
        return candidates
    fits = [e for e in candidates if named <= matchers.event_participants.get(e, frozenset())]
    return fits or candidates


# Capitalised words, possessives and compounds just before a phrase: its qualifiers; and those
# whose meeting it is, after them ("the NATO leaders’ summit", "NATO foreign ministers’ meeting").
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:[A-Z][\w’'.-]*(?:[’']s?)?\s+)+(?:(?:[a-z]+ )?(?:leaders|ministers|heads)[’']\s+)?$"
)


# A possessive pronoun before the phrase: the meeting is of those the sentence has named.
_THEIRS_BEFORE = re.compile(r"\b(?:[Tt]heir|[Hh]is|[Hh]er|[Ii]ts) $")
# A leader and a counterpart told before "their" meeting: the two of them.
_TWO_COUNTERPARTS_BEFORE = re.compile(
    r"\b(?:his|her) (?:[A-Z][\w’'-]* )*counterpart\b(?![’'])[^.;:]*\btheir $"
)


def _of_whom_the_sentence_names(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: list[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> list[str]:
    """Of the candidates, those that "their summit" can be, where the sentence names actors
    before it: a meeting whose holding organisation it names, or one no organisation holds
    whose parties it names, two or more ("Biden, Yoon and Kishida will talk at their meeting in
    Madrid" is neither NATO's summit nor one of two leaders who are not named)."""
    low, _ = _sentence_span(text, reading, start)
    if _TWO_COUNTERPARTS_BEFORE.search(reading, low, start) is not None:
        # "between President Yoon and his Polish counterpart, Andrzej Duda, during their
        # summit": the two leaders' own meeting, none of those the phrase can name.
        return [e for e in candidates if matchers.event_types.get(e) not in _MEETINGS]
    named = {actor for left, _, actor in actors if low <= left < start}
    if not named:
        return candidates

    def theirs(event: str) -> bool:
        if matchers.event_types.get(event) not in _MEETINGS:
            return True  # "his visit" is the visitor's
        parties = matchers.event_participants.get(event, frozenset())
        holders = matchers.holders(event)
        return bool(holders & named) if holders else len(parties & named) >= 2

    return [e for e in candidates if theirs(e)]


def _held_by_whom_it_names(
    span: tuple[int, int],
    candidates: list[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> list[str]:
    """Of several meetings, the one whose holding organisation the `span` around the reference
    (its sentence, or its paragraph) names, where only one is: "At last year’s summit, South
    Korea and NATO elevated their partnership" is NATO's summit, not another of that year that no
    organisation holds."""
    low, high = span
    named = {actor for left, _, actor in actors if low <= left < high}
    held = [
        e
        for e in candidates
        if matchers.event_types.get(e) in _MEETINGS and matchers.holders(e) & named
    ]
    return held if len(held) == 1 else candidates


_MEETINGS = frozenset({"summit", "ministerial", "meeting"})
# The kinds of events that go on after the day they began: a war, an operation, a process.
_GOING_ON = frozenset({"other", "operation"})


def _fitting(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: list[str],
    dates: Sequence[DateMention],
    matchers: Matchers,
    depth: int = 2,
    antecedent: str | None = None,
    published: PartialDate | None = None,
) -> list[str]:
    """The candidates the places and dates of the reference's sentence fit, then the event its
    paragraph last named (`antecedent`), then the places and dates of its paragraph (at `depth`
    2), as far as each narrows them. A place names no event more than a year after the text's
    `published` date: a text of 2019 that names Washington ("the Washington Treaty") tells of no
    summit held there in 2024."""
    block = text.block_at(start)
    sentence_span = _sentence_span(text, reading, start)
    told = _told_of_it(reading, sentence_span, start, dates) or _dated_as_it_happens(
        reading, sentence_span, start, dates
    )
    if told:
        # "the meeting of NATO foreign ministers, which will take place on April 4-5, 2023 at
        # NATO headquarters in Brussels", "On June 24, the NATO summit will take place": the
        # clause dates the reference, before any place.
        fits = [
            e
            for e in candidates
            if any(_within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in told)
        ]
        latest = max(v.sort_key for v in told)
        return fits or [
            e
            for e in candidates
            if matchers.event_types.get(e) in _GOING_ON
            and matchers.event_dates[e].sort_key <= latest
        ]
    in_clause = _in_its_clause(
        reading, sentence_span, start, candidates, dates, matchers, published
    )
    others = _other_clauses(reading, sentence_span, start)
    if in_clause is not None:
        return [in_clause]
    levels = (
        (reading[sentence_span[0] : sentence_span[1]], sentence_span, True),
        # The paragraph as the context reads it: another reference's words are blanked out.
        (reading[block.start : block.end], (block.start, block.end), False),
    )
    for level_text, (low, high), strict in levels[:depth]:
        if not strict and antecedent in candidates and len(candidates) > 1:
            # "The NATO summit in Madrid … the invitation to the summit": the paragraph's last
            # reference says which, before the places and dates of its other sentences.
            return [antecedent]
        level_dates = [d.value for d in dates if d.value and low <= d.start < high]
        by_place = [
            e
            for e in candidates
            if any(_names_place(p, level_text) for p in matchers.event_places[e])
            and _placed_in_time(matchers, e, published)
        ]
        by_date = [
            e
            for e in candidates
            if any(_within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in level_dates)
        ]
        if by_place and by_date:
            fits = [e for e in by_place if e in by_date] or (by_place if strict else by_date)
        else:
            fits = by_place or by_date
        if fits:
            candidates = fits
        elif strict and any(
            d.value
            and d.kind == "absolute"
            and low <= d.start < high
            and not any(left <= d.start < right for left, right in others)
            and not (
                _NAME_AFTER.match(reading, d.end)
                and _DETERMINER_BEFORE.search(reading, max(0, d.start - 12), d.start)
            )
            and not _dates_another_happening(reading, low, start, d)
            for d in dates
        ):
            # The sentence dates it, and no such event is known. A relative date ("in the next
            # year") is more often the date of something else the sentence tells, and so is a
            # date in a clause of its own ("Kishida, who attended the summit in June 2022, has
            # said since the war began") or one that qualifies another name ("the 1950-53 Korean
            # War"). A war or a process that had begun by then goes on: "its struggle to repel
            # the Russian invasion", in July 2024, is the invasion of 2022.
            latest = max(d.value.sort_key for d in dates if d.value and low <= d.start < high)
            candidates = [
                e
                for e in candidates
                if matchers.event_types.get(e) in _GOING_ON
                and matchers.event_dates[e].sort_key <= latest
            ]
        if len(candidates) <= 1:
            break
    return candidates


# A happening told after a word of time, then its date: "following the collapse of the Soviet
# Union in 1991", "since the end of the Cold War in 1989".
_ANOTHERS_DATE_BEFORE = re.compile(
    r"\b(?:after|following|before|since|until|amid|prior to) (?:the|its|their|his|her) [a-z][\w-]*"
    r" (?:of|by|in|on|at|with) [^,;:()]{0,60}? (?:in|on) $"
)


def _dates_another_happening(reading: str, low: int, start: int, date: DateMention) -> bool:
    """Whether a date is that of a happening its sentence tells after a word of time, with the
    reference outside those words: in "over his war in Ukraine ... following the collapse of the
    Soviet Union in 1991" the year is the collapse's, not the war's."""
    found = _ANOTHERS_DATE_BEFORE.search(reading, max(low, date.start - 120), date.start)
    return found is not None and not found.start() <= start < date.start


# A name right after a date and its determiner, which the date qualifies: "the 1950-53 Korean
# War", "Russia's 2014 Crimea annexation"; not "In 1950 Georgia".
_NAME_AFTER = re.compile(r"(?:[-–]\d{2,4})? [A-Z]")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w-]*[’']s) $")


# What the text told before a reference ----------------------------------------------------

# A determiner that sets the reference apart from no other event: not "this year’s", "next",
# "another", a year.
# (A meeting's length says nothing of which it is: "the two-day NATO meeting".)
_LENGTH = r"(?:two|three|four|2|3|4)-day"
_PLAIN_BEFORE = re.compile(
    rf"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)|\b[A-Z][\w-]*[’']s) (?:{_LENGTH} )?$"
)
_THE_BEFORE = re.compile(rf"\b[Tt]he (?:{_LENGTH} )?$")


# Words before a reference that set its event apart from the one the text is about: "last year's
# Madrid summit. The summit communiqué" is this year's.
_SET_APART_BEFORE = re.compile(
    r"\b(?:last|previous|past|former|earlier|since|after|following)\b[^.;:]{0,25}$",
    re.IGNORECASE,
)


def _last_named(
    reading: str, span: tuple[int, int], told: Sequence[tuple[int, str | None]]
) -> str | None:
    """The event named by the last of the references `told` (where each starts, what it names)
    in `span`; none where that reference named none (it was left open, or only the publication
    date decided it) or is set apart ("last year's summit")."""
    low, high = span
    within = [(at, event) for at, event in told if low <= at < high]
    if not within:
        return None
    at, event = max(within, key=lambda found: found[0])
    if _SET_APART_BEFORE.search(reading, max(0, at - 30), at):
        return None
    return event


def _named_before(
    reading: str,
    at: int,
    told: Sequence[tuple[int, str | None]],
    named: Sequence[EventMention],
    resolved: Sequence[EventMention],
    matchers: Matchers,
    text: ArticleText,
    *,
    placed_will_do: bool,
    possible: Collection[str],
) -> str | None:
    """The event the text's references before `at` have told of since the last that named it by
    its own words (a name, or a phrase with its place or year: see `_names_it`) or, when
    `placed_will_do` (a reference after "the"), in a sentence that names the event's place
    ("the Lithuanian capital of Vilnius ... to attend the NATO gathering"). `told` holds every
    reference with its event, None where it was left open, which ends the run, as one of
    another of the events the phrase may name (`possible`) or one set apart ("last year's
    summit") does; a reference to an event of another kind between ("Russia’s invasion of
    Ukraine") does not. ("This summit" is the one the text is about, which may be none of those
    it recalls: "I attended the summit two years ago in Lithuania ... This summit feels
    overshadowed".)"""
    mentions = {m.start: m for m in (*named, *resolved)}
    event = None
    for start, told_event in sorted(told, reverse=True):
        if start >= at or (told_event is not None and told_event not in possible):
            continue
        if told_event is None or (event is not None and told_event != event):
            return None
        if _SET_APART_BEFORE.search(reading, max(0, start - 30), start):
            return None
        event = told_event
        mention = mentions[start]
        if (
            mention in named
            or _names_it(mention, matchers)
            or (placed_will_do and _placed_in_its_sentence(text, reading, mention, matchers))
        ):
            return event
    return None


def _placed_in_its_sentence(
    text: ArticleText, reading: str, mention: EventMention, matchers: Matchers
) -> bool:
    """Whether the reference's sentence names its event's place."""
    low, high = _sentence_span(text, reading, mention.start)
    sentence = reading[low:high]
    return any(_names_place(place, sentence) for place in matchers.event_places[mention.event])


def _only_unknown_told(
    start: int,
    possible: Sequence[str],
    told_unknown: Sequence[tuple[int, tuple[str, ...]]],
    named: Sequence[EventMention],
    resolved: Sequence[EventMention],
) -> bool:
    """Whether the text, before `start`, told of an event of the kind the phrase names (one of
    `possible`) that no known event fitted, and of none that one did."""
    kind = set(possible)
    if any(m.start < start and m.event in kind for m in (*named, *resolved)):
        return False
    return any(at < start and kind & set(events) for at, events in told_unknown)


def _names_it(mention: EventMention, matchers: Matchers) -> bool:
    """Whether a reference names its event by its own words: a name of it, or a phrase with
    its place or year ("the NATO summit in Lithuania", "the 2023 summit") or two of its parties
    or more ("the U.S.-South Korea-Japan summit"), not "the summit"."""
    own = (*matchers.event_places[mention.event], str(matchers.event_dates[mention.event].year))
    if any(re.search(rf"\b{re.escape(word)}\b", mention.text) for word in own):
        return True
    parties = matchers.event_participants.get(mention.event, frozenset())
    return len({owner for owner, *_ in matchers.actors.find(mention.text)} & parties) >= 2


# When a meeting held again and again can be the one meant ---------------------------------

# Events of a kind held again and again, of which the knowledge base knows few.
_RECURRING = frozenset({"visit", "ministerial", "meeting"})


def _recurring_fitting(
    text: ArticleText,
    reading: str,
    span: tuple[int, int],
    candidates: list[str],
    actors: Sequence[tuple[int, int, str]],
    dates: Sequence[DateMention],
    published: PartialDate,
    matchers: Matchers,
) -> list[str]:
    """Of events held again and again (visits, ministerial meetings), those whose time fits: a
    date of the sentence within it where the sentence has one, or else a publication less than a
    year after its end ("the foreign ministers' meeting in Brussels" a year on is another meeting
    there). A visit needs its visitor in the sentence besides: "his visit to Japan" is the NATO
    Secretary General's where the sentence names him or NATO, and no known visit where it names
    only the places visited."""
    low, high = _sentence_span(text, reading, span[0])
    # The visitor may be named in the phrase itself: "Stoltenberg’s visit".
    named = {actor for left, _, actor in actors if low <= left < high}
    values = [d.value for d in dates if d.value and low <= d.start < high]
    this_week = _IN_THE_WEEK.search(reading, low, high) is not None

    def fits(event: str) -> bool:
        kind = matchers.event_types.get(event)
        if kind not in _RECURRING:
            return True
        if kind == "visit" and not named & _visitors(event, matchers):
            return False
        first, last = matchers.event_dates[event], matchers.event_ends[event]
        if values:
            # The sentence's dates say when: "Later in April, a NATO general travelled to
            # Japan" is no visit of January, however near the publication.
            return any(_within(v, first, last) for v in values)
        if this_week:
            # A weekday is a day of the publication's week: "NATO ambassadors began their visit
            # to Korea on Wednesday" in December is no visit of January; so is "this week" ("a
            # NATO foreign ministers meeting in Brussels this week" in March is not December's).
            return _overlap(_days(first, last), _a_week_around(published))
        # Ministers meet two or three times a year: "the foreign ministers' meeting" more than a
        # season after the known one is a later meeting; other meetings and visits, a year on.
        months = _A_SEASON if kind == "ministerial" else 12
        return _within_months(last or first, published, months) and _not_long_before(
            first, published
        )

    return [e for e in candidates if fits(e)]


# Months between two meetings of ministers held two or three times a year.
_A_SEASON = 4
_IN_THE_WEEK = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|this week)\b", re.IGNORECASE
)


def _a_week_around(published: PartialDate) -> tuple[datetime.date, datetime.date]:
    """The days a weekday of the text may be: from a week before its publication date (or the
    first day of its month, where the day is not known) to a week after."""
    first, last = _days(published)
    week = datetime.timedelta(days=7)
    return first - week, last + week


def _still_to_come(
    reading: str,
    end: int,
    sentence: tuple[int, int],
    candidates: list[str],
    dates: Sequence[DateMention],
    published: PartialDate,
    matchers: Matchers,
) -> list[str]:
    """Where the sentence tells of a time to come after the reference ("the foreign ministers
    meeting next month", "our ministerial later this spring"), a meeting or visit still to come
    when the text was published, not the last one held, unless a date of the sentence is that
    one's ("the meeting last April set goals for next year"); a war goes on."""
    low, high = sentence
    if not _told_to_come(reading, end, high):
        return candidates
    values = [d.value for d in dates if d.value and low <= d.start < high]
    return [
        e
        for e in candidates
        if matchers.event_types.get(e) not in _HELD_ON_A_DAY
        or not _over_well_before(matchers.event_dates[e], matchers.event_ends[e], published)
        or any(_within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in values)
    ]


def _in_the_time_told(
    reading: str,
    end: int,
    candidates: list[str],
    published: PartialDate,
    matchers: Matchers,
) -> tuple[list[str], bool]:
    """Where a week or month told from the publication date follows the reference ("Japan skips
    the NATO summit this week"), the meetings and visits held within it, as "this week's summit"
    would give: not one a year the sentence or paragraph names for something else ("a streak
    that started in 2022"). A war goes on, whatever the week. With whether a time was told: one
    still to come when the text was published may then be meant ("the summit this week", the
    day before it opens)."""
    soon = _SOON_AFTER.match(reading, end)
    if soon is None:
        return candidates, False
    return [
        e
        for e in candidates
        if matchers.event_types.get(e) not in _HELD_ON_A_DAY
        or _held_within_told(soon, published, e, matchers)
    ], True


def _visitors(event: str, matchers: Matchers) -> frozenset[str]:
    """A visit's participants other than the places visited (the states their cities name)."""
    hosts = {
        owner for name in matchers.event_places[event] for owner, *_ in matchers.actors.find(name)
    }
    return matchers.event_participants.get(event, frozenset()) - hosts


# The kinds of events held on a day or a few: what "since" dates is a series of them.
_HELD_ON_A_DAY = _MEETINGS | {"visit"}
# ("following last April": the one before, which "for the second time" follows.)
_SINCE_BEFORE = re.compile(r"\b(?:since|following) (?:(?:early|late|mid)[- ])?$", re.IGNORECASE)
# A clause of "since" that dates when the series began: "since Japan was first invited in 2022".
_SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\b[^.;:,]{1,60}\b(?:in|on) $", re.IGNORECASE)
# A time in the possessive before the reference is the reference's own, after "since" too:
# "following last year’s NATO summit" is the summit of last year.
_ITS_OWN_TIME_BETWEEN = re.compile(r"[’']s (?:[\w’'-]+ ){0,2}")


def _without_a_series_start(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: Sequence[str],
    dates: Sequence[DateMention],
    matchers: Matchers,
) -> Sequence[DateMention]:
    """The dates around a reference to a meeting, without those "since" or its clause sets in its
    sentence, or in a sentence that tells of a repetition: "the meeting, to which Japan has been
    invited for four years since 2022", "since Japan was first invited in 2022", "(Japan has
    joined) NATO summits annually since 2022", "Since 2022, NATO has invited Japan" began a
    series then, and the meeting is its latest, not that year's. ("Ties have warmed since last
    year. Its leader attended the NATO summit for the first time": that year's.)"""
    if not all(matchers.event_types.get(e) in _HELD_ON_A_DAY for e in candidates):
        return dates
    low, high = _sentence_span(text, reading, start)

    def starts_a_series(date: DateMention) -> bool:
        if _ITS_OWN_TIME_BETWEEN.fullmatch(reading, date.end, start) is not None:
            return False
        clause = _SINCE_CLAUSE_BEFORE.search(reading, max(0, date.start - 70), date.start)
        if not (
            _SINCE_BEFORE.search(reading, max(0, date.start - 20), date.start)
            # (Not a clause that holds the reference: "since attending the NATO Summit in June
            # last year" dates that summit.)
            or (clause is not None and not clause.start() <= start < date.start)
        ):
            return False
        if low <= date.start < high:
            return True
        left, right = _sentence_span(text, reading, date.start)
        return _REPEATED.search(reading, left, right) is not None

    return [d for d in dates if not starts_a_series(d)]


# A time the sentence compares the reference with, or the one before it: "a mention at the
# leaders’ meeting — as it did last year", "its new Strategic Concept (the first since 2010)".
_ANOTHER_TIME_BEFORE = re.compile(
    r"\b(?:as (?:it|they|he|she|we|you|I) (?:did|had|was|were)(?: in)?|as in|like in"
    r"|first (?:[\w’'-]+ ){0,3}(?:since|after)(?: (?:early|late|mid)[- ])?) $",
    re.IGNORECASE,
)


def _without_other_times(reading: str, dates: Sequence[DateMention]) -> list[DateMention]:
    """The dates around a reference without those of a time it is compared with or that came
    before it (`_ANOTHER_TIME_BEFORE`), and without a dateline's, the day the report was filed:
    "SEOUL, April 5 (Yonhap) -- South Korea's top diplomat will attend a meeting of NATO foreign
    ministers" is of the meeting of 6 and 7 April."""
    return [
        d
        for d in dates
        if not _ANOTHER_TIME_BEFORE.search(reading, max(0, d.start - 40), d.start)
        and not in_a_dateline(reading, d.start, d.end)
    ]


# Words that tell of a meeting held again and again.
_REPEATED = re.compile(
    r"\b(?:annually|every year|each year|yearly|year after year|regularly|each time"
    r"|consecutive"
    # an attendance that has gone on since: "Since 2022, NATO has invited Japan as an observer"
    r"|(?:has|have)(?: been)? (?:invited|attended|joined|participated|taken part))\b",
    re.IGNORECASE,
)
