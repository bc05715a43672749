"""Events named without a phrase of their own: a summit by its city ("since Madrid", "Vilnius
2023"), summits named together ("the Madrid and Vilnius summits"), and an event dated only to a
year by that year and its participants ("since 2016 NATO has met its Asia-Pacific partners")."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from natocorpus.annotate.forms import Matchers, _key, _overlapping, _within
from natocorpus.annotate.generic_phrases import _JUDGE_WORDS, _WAR_COMPOUND_HEADS
from natocorpus.model import DateMention, EventMention, PartialDate

# A summit named by its city: "since Madrid", "ahead of Vilnius", "Vilnius 2023" ----------------


def _summits_by_city(
    reading: str,
    matchers: Matchers,
    taken: Sequence[tuple[int, int]],
    dates: Sequence[DateMention],
    published: PartialDate,
    place: Callable[[int], tuple[str, int]],
) -> list[EventMention]:
    """A summit named by its city where the words around make it a meeting, not a place: after
    "since", "after", "before", "ahead of", "following" ("since Madrid, the Allies …"), or with
    the summit's year ("Vilnius 2023"). The city must be the place of a known summit; where it was
    the place of several, the year or the sentence's dates decide, else nothing is annotated.
    After "at" a city is where something happened ("signed on Aug. 18 at Camp David"): read as
    the meeting, it was wrong more often than right on the held-out texts."""
    by_city = matchers.summits.by_city
    pattern = matchers.summits.by_city_named
    # (The pattern's scan costs more than looking for each city in a text that names none.)
    if pattern is None or not any(city in reading for city in by_city):
        return []
    found: list[EventMention] = []
    for match in pattern.finditer(reading):
        group = next(g for g in ("city", "named", "doc") if match.group(g))
        city = match.group(group)
        start = match.start(group)
        end = match.end()
        if _overlapping(taken, start, end):
            continue
        candidates = list(by_city[city])
        if match.group("year"):
            year = int(match.group("year"))
            candidates = [e for e in candidates if matchers.event_dates[e].year == year]
        else:
            sentence_dates = [
                d.value for d in dates if d.value and place(d.start)[1] == place(start)[1]
            ]
            if sentence_dates:
                candidates = [
                    e
                    for e in candidates
                    if any(
                        _within(v, matchers.event_dates[e], matchers.event_ends[e])
                        for v in sentence_dates
                    )
                ]
            elif len(candidates) > 1:
                # Of several summits in one city, the one in the publication's year, or else the
                # latest before it.
                before = sorted(
                    (e for e in candidates if matchers.event_dates[e].year <= published.year),
                    key=lambda e: matchers.event_dates[e].sort_key,
                )
                candidates = before[-1:]
        if len(candidates) == 1:
            paragraph, sentence = place(start)
            found.append(
                EventMention(candidates[0], reading[start:end], start, end, paragraph, sentence)
            )
    return found


def _summit_list_spans(reading: str, matchers: Matchers) -> list[tuple[int, int]]:
    """Where summits are named together, with their places and times: each the words of other
    references ("the summits in Madrid last year and Washington earlier this year")."""
    if "ummits" not in reading:
        return []
    pattern = matchers.summits.in_a_list
    return [] if pattern is None else [m.span() for m in pattern.finditer(reading)]


def _summits_in_a_list(
    reading: str,
    matchers: Matchers,
    taken: Sequence[tuple[int, int]],
    place: Callable[[int], tuple[str, int]],
) -> list[EventMention]:
    """Summits named together, by city or year, before or after the plural: "the Madrid and
    Vilnius summits", "the 2022 and 2023 NATO summits", "summits in Madrid and Vilnius", "NATO
    summits in 2022 and 2023", "summits held in Spain in 2022 and Lithuania in 2023". Each item is
    the one known summit it fits; one that fits several or none is left."""
    if "ummits" not in reading:  # in every match: a test in C before the pattern's slow scan
        return []
    index = matchers.summits
    if index.in_a_list is None:
        return []
    year = r"(?:19|20)\d\d"
    items = {
        "before": rf"(?P<city>{index.cities})|(?P<year>{year})",
        # After the plural the items are places, each with the year it may carry, or years
        # alone. A city names its summit; a state that hosted one is named as the state too, so
        # the year it carries is the mention ("in Spain in 2022"), and without one it is left.
        "after": rf"(?<![\w-])(?:(?P<city>{index.cities})|(?P<host>{index.places}))(?![\w-])"
        rf"(?:(?:\s+in\s+|\s+\()(?P<year>{year})\)?)?",
        "years": rf"(?P<year>{year})",
    }
    nato = set(matchers.generic_events.get("nato summit", ()))
    pool = [e for e in index.summits if not nato or e in nato]
    found: list[EventMention] = []
    for match in index.in_a_list.finditer(reading):
        group = next(g for g in items if match.group(g))
        for one in re.finditer(items[group], match.group(group)):
            parts = one.groupdict()
            city, host, held = parts.get("city"), parts.get("host"), parts.get("year")
            if city is not None:
                words, candidates = "city", list(index.by_city[city])
            elif held is not None:
                words, candidates = "year", list(index.by_host[host] if host else pool)
            else:
                continue
            if held is not None:  # a city's or a host's year, or a year alone
                candidates = [e for e in candidates if matchers.event_dates[e].year == int(held)]
            start, end = (match.start(group) + at for at in one.span(words))
            if len(candidates) == 1 and not _overlapping(taken, start, end):
                paragraph, sentence = place(start)
                found.append(
                    EventMention(candidates[0], one.group(words), start, end, paragraph, sentence)
                )
    return found


# An event dated only by its year, named by the year and its participants ----------------------


def _dated_by_participants(
    reading: str,
    matchers: Matchers,
    taken: Sequence[tuple[int, int]],
    dates: Sequence[DateMention],
    actors_by_sentence: Mapping[int, frozenset[str]],
) -> list[EventMention]:
    """An event the record dates only to a year or a month (the start of a dialogue, a
    partnership's first meeting) is named by that year and its participants: "since 2016 NATO has
    met its Asia-Pacific partners", "in 2005 NATO began a dialogue with South Korea and
    Australia". A year (or month) in a sentence that names enough of the participants of exactly
    one such event of that year is a mention of it (see `_enough_participants`)."""
    found: list[EventMention] = []
    for date in dates:
        value = date.value
        # A decade ("since the 1990s", "in the late 2010s") is a period: it tells when, not
        # which event.
        if value is None or value.day is not None or date.kind != "absolute":
            continue
        if _overlapping(taken, date.start, date.end) or _bounds_a_period(
            reading, date.start, date.end
        ):
            continue
        present = actors_by_sentence.get(date.sentence, frozenset())
        fits = [
            e
            for e in matchers.vague_by_year.get(value.year, ())
            if (value.month is None or matchers.event_dates[e].month in (None, value.month))
            and _enough_participants(matchers, e, present)
        ]
        # States that joined a body that year may be told of with the year: the reading is one
        # of those that make the year ambiguous, but the body must be named for it to be taken.
        if len(fits) == 1 and not _an_accession_without_its_body(matchers, fits[0], present):
            found.append(
                EventMention(
                    fits[0], date.text, date.start, date.end, date.paragraph, date.sentence
                )
            )
    return found


# A year that opens or closes a period: "between 2001-2021", "from 2005 to 2010", "between 2012
# and 2014". A period tells when something went on, not which event.
_PERIOD_AFTER = re.compile(
    r"\s?[-–]\s?(?:19|20)?\d\d\b|\s+(?:to|until|till|through)\s+(?:19|20)\d\d\b"
)
_PERIOD_BEFORE = re.compile(
    r"(?:19|20)\d\d(?:\s?[-–]\s?|\s+(?:to|until|till|through)\s+)$"
    r"|\b[Bb]etween\s+(?:19|20)\d\d\s+and\s+$"
)
_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween\s+$")
_AND_A_YEAR_AFTER = re.compile(r"\s+and\s+(?:19|20)\d\d\b")


def _bounds_a_period(reading: str, start: int, end: int) -> bool:
    before = reading[max(0, start - 20) : start]
    return bool(
        _PERIOD_AFTER.match(reading, end)
        or _PERIOD_BEFORE.search(before)
        or (_BETWEEN_BEFORE.search(before) and _AND_A_YEAR_AFTER.match(reading, end))
    )


def _an_accession_without_its_body(matchers: Matchers, event: str, present: frozenset[str]) -> bool:
    """Whether the event is an accession whose body joined the sentence does not name: "Tokyo and
    Seoul until 2022" names the states that joined, not their joining."""
    if matchers.event_types.get(event) != "accession":
        return False
    return not (matchers.event_participants[event] - matchers.states) & present


def _enough_participants(matchers: Matchers, event: str, present: frozenset[str]) -> bool:
    """Two participants or more, and either half of them or a group among them ("NATO and its
    Asia-Pacific partners"): two of five partners at a meeting ("in May 2022 Japan and Australia
    signed a deal") are two states doing something else that month."""
    named = matchers.event_participants[event] & present
    return len(named) >= 2 and (
        2 * len(named) >= len(matchers.event_participants[event])
        or bool(named & matchers.groupings)
    )


# An event told again by its head noun alone: "Russia's invasion of Ukraine ... the invasion" ---

# "the invasion", "the war", "the pivot", "this invasion", "this brutal invasion", "the illegal
# and unprovoked war" (its phrase after the article): not the head of a longer phrase ("the war
# in Gaza", "the war effort", "the war dead", "the war-torn country", "the war that broke out in
# Gaza") nor a name's word ("the War Memorial"); not "that war" ("warned that war would come").
_BARE_HEAD = re.compile(
    # (A "t" not after a word's letter, looked at after it: the regex engine skips to each "t".)
    rf"[Tt](?<!\w[Tt])h(?:e|is) (?P<phrase>(?:(?:{_JUDGE_WORDS})(?:,? and |, | )){{0,3}}"
    # (a war "of aggression" is still the bare noun, unless its party follows: "this war of
    # aggression", not "the war of aggression against Ukraine")
    r"(?P<noun>invasion|war|pivot|meeting)(?: of aggression(?! (?:against|on|in|by)\b))?)"
    r"\b(?![-\w])"
    r"(?! (?:of|in|on|against|with|between|that|which|effort|efforts|path|zone"
    r"|room|rooms|hall|venue|place|point|minutes"  # the meeting's room, not the meeting
    rf"|{'|'.join(_WAR_COMPOUND_HEADS)})\b)(?! [A-Z])"
)
# Another war named between the antecedent and the bare noun: "World War II", "the Korean War".
_A_WAR_NAMED = re.compile(r"\b[A-Z][\w’'-]* (?:War|Invasion)\b")
# Another meeting told between the antecedent and "the meeting": "the NATO foreign ministers'
# meeting ... Hayashi met Blinken on its sidelines ... the meeting" may be theirs.
_A_MEETING_TOLD = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|summit|summits|conference|session|call)\b",
    re.IGNORECASE,
)
# A time told by a war over before the text: "since the end of World War Two" dates a period and
# is no antecedent of a later "the war".
_A_TIME_BEFORE = re.compile(
    r"\b(?:[Ss]ince|[Aa]fter|[Bb]efore|[Uu]ntil|[Tt]ill)"
    r" (?:the (?:end|start|beginning|outbreak|close) of )?(?:the )?$"
)
# The nouns whose antecedent may be an invasion (`Matchers.invasions`).
_NOUNS_OF_WAR = frozenset({"invasion", "war"})


# How many paragraphs back the event told again may have been named.
_PARAGRAPHS_BACK = 3


def _told_again(
    reading: str,
    mentions: Sequence[EventMention],
    place: Callable[[int], tuple[str, int]],
    matchers: Matchers,
    published: PartialDate,
) -> list[EventMention]:
    """A bare "the invasion", "the war", "the pivot" or "the meeting" is the event the text named
    last with that noun, up to `_PARAGRAPHS_BACK` paragraphs before, where no other war (for a
    meeting, no other meeting's word) is told between.
    Only an event named with that noun, or an invasion (`invasions`): told as a war, "the
    invasion" is it ("Russia's war on Ukraine. If the invasion succeeds"), and told as an
    invasion, "the war" of the same paragraph ("a significant escalation in Russia's full-scale
    invasion of Ukraine ... 600,000 soldiers killed or wounded in the war"). "This war" is one
    not over when the text was published: not "World War II" named before it."""
    invasions = matchers.invasions
    found: list[EventMention] = []
    spans = [(m.start, m.end) for m in mentions]

    def over_before(event: str) -> bool:
        ended = matchers.event_ends.get(event)
        return ended is not None and _key(ended, published) < _key(published, ended)

    # Wars that only tell a time ("since the end of World War Two") are neither an antecedent
    # nor another war told between.
    times = {
        id(m)
        for m in mentions
        if over_before(m.event) and _A_TIME_BEFORE.search(reading, max(0, m.start - 30), m.start)
    }
    time_spans = [(m.start, m.end) for m in mentions if id(m) in times]

    def another_war(low: int, high: int) -> bool:
        return any(
            not _overlapping(time_spans, *war.span())
            for war in _A_WAR_NAMED.finditer(reading, low, high)
        )

    for match in _BARE_HEAD.finditer(reading):
        start, end = match.span("phrase")
        if _overlapping(spans, start, end):
            continue
        noun = match.group("noun")
        if noun == "pivot" and start != match.start("noun"):
            continue  # no words judge a policy as they judge a war: "this brutal pivot"
        # (one told again is an antecedent too: "the invasion ... the invasion")
        before = [
            m
            for m in (*mentions, *found)
            if m.end <= start
            and id(m) not in times
            and (
                re.search(rf"\b{noun}\b", m.text, re.IGNORECASE)
                or (
                    noun in _NOUNS_OF_WAR
                    and m.event in invasions
                    and (noun == "invasion" or m.paragraph == place(start)[0])
                )
            )
        ]
        if not before:
            continue
        last = max(before, key=lambda m: m.end)
        if (
            another_war(last.end, start)
            or (noun == "meeting" and _A_MEETING_TOLD.search(reading, last.end, start))
            or reading.count("\n\n", last.end, start) > _PARAGRAPHS_BACK
            or (match.group().startswith(("this", "This")) and over_before(last.event))
        ):
            continue
        paragraph, sentence = place(start)
        found.append(EventMention(last.event, reading[start:end], start, end, paragraph, sentence))
    return found
