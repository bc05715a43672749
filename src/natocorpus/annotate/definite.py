"""Whether a generic phrase refers to one event: a determiner or a year before it, a name-like
phrase, one that names the event's own parties, or an indefinite phrase that what follows it (a
clause in the past tense, its date, its visitor), its sentence's place or date, or its visitor
setting out on it pins down ("a three-day summit that began on Tuesday", "a visit to Japan by
Stoltenberg", "Stoltenberg arrived today on a visit to South Korea")."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from natocorpus.annotate.clauses import _names_place
from natocorpus.annotate.dates import _LOOKS_AHEAD
from natocorpus.annotate.event_context import _visitors
from natocorpus.annotate.forms import Matchers, _within, _written_out_before
from natocorpus.annotate.generic_phrases import _DEED_JUDGEMENTS, _JUDGE_WORDS
from natocorpus.annotate.sentences import _sentence_span
from natocorpus.annotate.time_windows import _days
from natocorpus.model import ArticleText, DateMention, PartialDate

# How soon after its publication a text's "a NATO summit" may be the one it looks ahead to, and
# how precise the publication date must be for that: a month at most.
_SOON_AFTER = datetime.timedelta(days=31)
# A sentence that looks ahead to no time in particular: "hopes to attend a NATO summit one day".
_SOME_DAY = re.compile(
    r"\b(?:one day|some ?day|eventually|ever|in (?:the )?future|sooner or later)\b", re.IGNORECASE
)

# Words that may stand between a determiner and the phrase: names, years and the adjectives
# that place one event in a series ("the annual summit", "NATO's new Strategic Concept").
_BETWEEN = (
    # any word but a preposition, a conjunction or a verb "to be" ("the pivotal summit", "the
    # NATO leaders summit"; "its member states in conflict with Russia" has no determiner of its
    # own)
    r"(?:(?!(?:in|of|at|on|to|for|with|from|by|and|or|but|is|are|was|were|be|been)\b)[A-Z][\w-]+"
    # initials with stops ("the Washington, D.C. summit") and days of a month ("the July 11-12
    # summit")
    r"|(?:[A-Z]\.){2,}|\d{1,2}(?:[-–]\d{1,2})?"
    r"|(?:1[89]|20)\d\d|\d{1,3}(?:st|nd|rd|th)|annual|latest|recent|upcoming|"
    r"forthcoming|next|last|first|previous|historic|landmark|new|current|two-day|three-day|extraordinary|"
    r"anniversary|jubilee|alliance[’']s|allies[’']|"
    # and the words that judge a war or an invasion ("Russia's unprovoked invasion")
    rf"{_JUDGE_WORDS})"
)
# The describing words that may stand before another, with a comma: "this historic, three-day
# summit" (not any word: in "this year, NATO summits" the comma ends a phrase).
_LISTED = (
    r"annual|latest|recent|upcoming|forthcoming|historic|landmark|new|current|two-day|three-day"
    rf"|extraordinary|{_JUDGE_WORDS}"
)
_GENERIC_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|its|their|his|her|our|my|your|last|next|upcoming|recent|year[’']s|\w+[’']s|\w+s[’'])\s+"
    # A place with its country, in commas: "its Vilnius, Lithuania, summit".
    rf"(?:(?:{_BETWEEN}|(?-i:[A-Z][\w-]+,)|(?:{_LISTED}),)\s+){{0,3}}|\b(?:1[89]|20)\d\d\s+)[“‘\"']?$",
    re.IGNORECASE,
)

# An indefinite article a few words before: "a civilization-ending nuclear war with Russia".
_INDEFINITE_FAR_BEFORE = re.compile(
    r"\b(?:a|an|another|any)\s+"
    # (a preposition closes the article's noun phrase: "a counteroffensive against Russia's
    # invasion" is the invasion)
    r"(?:(?!(?:the|this|that|its|their|his|her|our|of|at|in|on|to|for|with|from|by|and|or"
    r"|against|over|after|before|during|into|through|under|amid|among|between|without|within"
    r"|across|beyond|despite|toward|towards|about|behind|since|until)\b)"
    r"[\w’'-]+\s+){1,3}$",
    re.IGNORECASE,
)
_BILATERAL_AFTER = re.compile(r" (?:meetings?|talks) with\b")
_INDEFINITE_BEFORE = re.compile(
    rf"\b(?:a|an|any|another|every|each|no|some|one|such)\s+(?:{_BETWEEN}\s+){{0,1}}[“‘\"']?$",
    re.IGNORECASE,
)


def _definite(
    text: str, start: int, end: int, matched: str, candidates: Sequence[str], matchers: Matchers
) -> bool:
    """Whether a generic phrase refers to one event: a determiner or a year before it ("the
    summit", "the 2023 summit", "this year’s summit"), a name-like phrase ("NATO Summit"), a
    phrase that names the event's own parties ("Russia-Ukraine conflict"), or an indefinite one
    that a clause in the past tense pins down ("a three-day summit that began on Tuesday")."""
    before = text[max(0, start - 40) : start]
    if _BILATERAL_AFTER.match(text, end):
        return False  # "a summit meeting with the Prime Minister": two leaders' talks
    if _GENERIC_BEFORE.search(before) and not _INDEFINITE_FAR_BEFORE.search(before):
        return True
    # An organisation's name written out before the phrase stands where its acronym would: "the
    # North Atlantic Treaty Organization gathering in Washington" is "the NATO gathering".
    if (written_out := _written_out_before(text, start, matchers)) is not None and (
        _GENERIC_BEFORE.search(text, max(0, start - 80), start - len(written_out) - 1)
    ):
        return True
    if _CALLED_BEFORE.search(before):
        return True  # "which Moscow calls a “special military operation”": its name
    if matched.lower().startswith("war ") and _AT_BEFORE.search(before):
        return True  # "Ukraine, still at war with Russia": in the war that goes on
    if _JUDGED_DEED_BEFORE.search(before):
        return True  # "cannon fodder in an illegal war against Ukraine": one that is being waged
    if _INDEFINITE_BEFORE.search(before):
        # "a NATO summit", "another NATO Summit": one of a kind, not a name; but "Putin launched
        # a war against Ukraine" tells of one that began.
        return (
            _PAST_CLAUSE.match(text, end) is not None
            or _BEGUN_BEFORE.search(before) is not None
            or _a_war_on_its_party(text, start, end, matched, candidates, matchers)
        )
    if _INDEFINITE_FAR_BEFORE.search(before):
        # one of a kind, whatever it is said to be between; but "after launching a senseless
        # war against Ukraine" tells of one that began
        return _BEGUN_BEFORE.search(before) is not None or _a_war_on_its_party(
            text, start, end, matched, candidates, matchers
        )
    words = matched.split()
    first = words[0]
    lowered = matched.lower()
    return (
        (len(first) > 1 and first.isupper())
        # an acronym's name written out, as name-like as the acronym: "North Atlantic Treaty
        # Organization (NATO) Summit"
        or any(lowered.startswith(f"{name} ") for name in matchers.written_out)
        or _parties_joined_before(before, candidates, matchers) is not None
        # a possessive of its own is its determiner: "China's support for Russia's war"
        or (len(words) > 1 and first[:1].isupper() and first.endswith(("’s", "'s")))
        or (len(words) > 1 and all(word[:1].isupper() for word in words))
        or _names_its_parties(matched, candidates, matchers)
    )


# "at" before "war with ...": a state of war, the one going on.
_AT_BEFORE = re.compile(r"\bat $", re.IGNORECASE)
# A verb of naming before an indefinite phrase: what follows is the name it is called by; with
# another verb, the name in quotation marks ("which Moscow described as a “special military
# operation”", "represents a “special military operation”").
_CALLED_BEFORE = re.compile(
    r"\bcall(?:s|ed|ing)? (?:it |this |that )?an? [“‘\"']?$"
    r"|\b(?:describ(?:e|es|ed|ing)|term(?:s|ed)?|dub(?:s|bed)?|label(?:s|led|ed)?|brand(?:s|ed)?"
    r"|represent(?:s|ed)?) (?:it |this |that )?(?:as )?an? [“‘\"']$"
)
# An indefinite article and a judgement of a deed done ("an illegal war against Ukraine", "a
# brutal Russian aggression"): nobody judges a war that may be, so it tells of one being waged.
_JUDGED_DEED_BEFORE = re.compile(
    rf"\b(?:a|an)\s+(?:[a-z][\w-]*\s+)?(?:{_DEED_JUDGEMENTS})\s+$", re.IGNORECASE
)
# A verb of beginning or waging a war or a campaign, in the past tense or as a participle, before
# an indefinite phrase and the words that judge it ("after launching a senseless war"), or its
# name ("Russia launched a “special military operation”", "conducting a special operation").
_BEGUN_BEFORE = re.compile(
    r"\b(?:(?:launch|start|unleash|wag|initiat|conduct)(?:ed|ing)|began|begun|beginning) an? "
    r"(?:[a-z][\w-]* ){0,2}[“‘\"']?$"
)


# A clause in the past tense after an indefinite phrase: it tells of one event that took place.
_PAST_CLAUSE = re.compile(
    r",? (?:(?:that|which) (?:\w+ ){0,2}?(?:began|opened|ended|closed|concluded|was|were|took"
    r"|brought|met|\w+ed)|(?:held|hosted|convened|attended|opened) (?:in|at|on|by|last))\b"
)


_WITH_A_PARTY = re.compile(r"\bwith\b", re.IGNORECASE)
# Names joined by hyphens or dashes right before a phrase: "the U.S.-South Korea-Japan summit".
_JOINED_NAMES_BEFORE = re.compile(
    r"(?<![\w.-])[A-Z][\w.’']*(?: [A-Z][\w.’']*)?(?:[-–][A-Z][\w.’']*(?: [A-Z][\w.’']*)?)+ $"
)


def _parties_joined_before(
    before: str, candidates: Sequence[str], matchers: Matchers
) -> int | None:
    """Where the names joined right before the phrase begin in `before`, when they are two or
    more parties of one of its events, which the names single out as a determiner would:
    "U.S.-South Korea-Japan summit starting at Camp David"."""
    joined = _JOINED_NAMES_BEFORE.search(before)
    if joined is None:
        return None
    named = {owner for owner, *_ in matchers.actors.find(joined.group())}
    if len(named) >= 2 and any(
        named <= matchers.event_participants.get(event, frozenset()) for event in candidates
    ):
        return joined.start()
    return None


# Words of a sentence that make its war one that may be: "if Russia wages a war against
# Ukraine", "a war against Ukraine would be costly", "a war in Ukraine is feared".
# (A modal, a condition, its being another: the words only a war to come has.)
_MODAL_OR_CONDITION = r"would|could|might|may|if|whether|unless|another|any"
_WHAT_MAY_BE = re.compile(
    rf"\b(?:{_MODAL_OR_CONDITION}|risks?|threats?|prospects?|possible|potential|fear(?:s|ed)?"
    r"|warn(?:s|ed)?|avoid(?:s|ed)?|prevent(?:s|ed)?|deter(?:s|red)?)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_MAY_BE = re.compile(rf"\b(?:{_MODAL_OR_CONDITION}|again)\b", re.IGNORECASE)
# A word of how long a war lasts, right before it.
_LASTING_BEFORE = re.compile(r"\b(?:protracted|prolonged|(?:long-)?drawn-out|lengthy|long) $")


def _a_war_on_its_party(
    text: str, start: int, end: int, matched: str, candidates: Sequence[str], matchers: Matchers
) -> bool:
    """Whether an indefinite war names its one war by a party it is fought on or in: "helping
    Russia conduct a war of aggression against Ukraine", "supporting a proxy war in Ukraine",
    "a prolonged Russia-Ukraine war"; not where its sentence tells of one that may be ("if
    Russia wages a war against Ukraine"). Whether it had begun by the publication is for the
    dates to say, as for any reference."""
    words = matched.lower().split()
    if words[0] not in ("war", "conflict") and not (
        # its two parties before the noun: "a prolonged Russia-Ukraine war"
        len(words) == 2 and words[1] in ("war", "conflict") and "-" in words[0]
    ):
        return False
    if not _names_its_parties(matched, candidates, matchers):
        return False
    opened = max(text.rfind(stop, 0, start) for stop in ".!?\n") + 1
    closed = _SENTENCE_END.search(text, end)
    # With a word of how long it lasts before it, a fear or a prospect is of its length ("the
    # prospect of a protracted Russia-Ukraine conflict"); a war that may be is still told by a
    # modal or a condition ("Russia may wage a long war against Ukraine again").
    may_be = _MAY_BE if _LASTING_BEFORE.search(text, max(0, start - 20), start) else _WHAT_MAY_BE
    return may_be.search(text, opened, closed.start() if closed else len(text)) is None


def _names_its_parties(matched: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether the phrase names a party to the one event it can name: "Russia-Ukraine conflict";
    not the name of a series ("NATO summit preparations"), nor a war "with" a party, which
    without a determiner may be one to come ("fear war with Russia", "defend its members in
    conflict with Russia"). After "a" it is asked only of a war (`_a_war_on_its_party`)."""
    owners = {owner for owner, *_ in matchers.actors.find(matched)}
    return (
        not _WITH_A_PARTY.search(matched)
        and len(candidates) == 1
        and bool(owners)
        and bool(owners & matchers.event_participants.get(candidates[0], frozenset()))
    )


def _placed(after: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether the phrase is followed by one of its events' places ("a NATO summit in Vilnius"):
    the place makes an indefinite phrase name one event."""
    return any(
        _place_after(name).match(after)
        for event in candidates
        for name in matchers.event_places[event]
    )


def _place_after(name: str) -> re.Pattern[str]:
    """ " in Vilnius", or the place in apposition: " in the Lithuanian capital of Vilnius", " in
    the Spanish capital, Madrid", " at the city of Riga"; after the words that it is held, and
    when: " held Wednesday in Vilnius", " to be held in Riga"."""
    return re.compile(
        rf"{_HELD_WHEN} (?:in|at) "
        rf"(?:the (?:[\w’'-]+ ){{0,2}}(?:capital|city|town|resort)(?: of|,) )?{re.escape(name)}\b"
    )


# That an event is held, and when, between its indefinite phrase and its place: "a summit held
# Wednesday in Vilnius", "a summit to be held in Riga". A time alone does not do: "Yoon and
# Kishida meet for a summit Wednesday in Vilnius" is their own, beside NATO's.
_HELD_WHEN = (
    r"(?:(?: to be| being)? (?:held|hosted|convened)"
    r"(?: (?:on |last |next |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|week|weekend|month|year))?)?"
)


def _by_place(text: str, candidates: Sequence[str], matchers: Matchers) -> list[str]:
    return [e for e in candidates if any(_names_place(p, text) for p in matchers.event_places[e])]


def _told_after(
    reading: str,
    end: int,
    candidates: Sequence[str],
    dates: Sequence[DateMention],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> list[str]:
    """The candidates that the words right after an indefinite phrase single out: its date ("a
    trip to Seoul in early 2023") or who took part ("a visit to Japan by the NATO Secretary
    General"). One left makes the phrase name that event."""
    after = _TOLD_AFTER.match(reading, end)
    if after is None:
        return []
    at = after.end()
    if after.group(1) == "by":
        named = {actor for low, _, actor in actors if at <= low < at + 40}
        return [e for e in candidates if named & matchers.event_participants.get(e, frozenset())]
    values = [d.value for d in dates if d.value and at <= d.start < at + 20]
    return [
        e
        for e in candidates
        if any(_within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in values)
    ]


_TOLD_AFTER = re.compile(r",? (by|in|on|during) ")


def _set_out_on(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: Sequence[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> bool:
    """Whether an indefinite visit is told by its visitor setting out on it or ending it:
    "Stoltenberg arrived today on a visit to South Korea", "Stoltenberg paid a visit to Japan",
    "Stoltenberg having concluded a four-day trip to Japan". The visitor must be named before it
    in the sentence."""
    if not _SET_OUT_ON.search(reading, max(0, start - 40), start):
        return False
    low, _ = _sentence_span(text, reading, start)
    named = {actor for at, _, actor in actors if low <= at < start}
    return any(
        matchers.event_types.get(e) == "visit" and named & _visitors(e, matchers)
        for e in candidates
    )


# A verb of setting out on a journey, or of ending it, before an indefinite visit's phrase, with
# its length or kind between ("began a two-day visit", "having concluded a four-day trip").
_SET_OUT_ON = re.compile(
    r"\b(?:(?:arrived|arrives|arriving|landed|lands|embarked|embarks|went|goes|set off|sets off"
    r"|is|was|are|were)(?: \w+){0,2} on|paid|pays|paying|made|makes|began|begins|started"
    r"|starts|kicked off|kicks off|concluded|concludes|concluding|ended|ends|ending|completed"
    r"|completes|wrapped up|wraps up) an? (?:[\w-]+-day |week-long |official |whirlwind )?$"
)


def _indefinite_names_one(
    text: ArticleText,
    reading: str,
    start: int,
    matched: str,
    candidates: list[str],
    dates: Sequence[DateMention],
    matchers: Matchers,
) -> bool:
    """Whether "a NATO summit" names one event: only where its sentence names the place of
    exactly one of the events the phrase can name, or a month or day within exactly one (for a
    publication, a year); a bare "a summit" never does."""
    low, high = _sentence_span(text, reading, start)
    # A publication is one of a series years apart: its year will do ("NATO adopted a new
    # Strategic Concept last summer"), where a meeting's may be one of several that year.
    yearly = all(matchers.event_types.get(e) == "publication" for e in candidates)
    precise = [
        d.value
        for d in dates
        if d.value and (yearly or d.value.month is not None) and low <= d.start < high
    ]
    by_date = [
        e
        for e in candidates
        if any(_within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in precise)
    ]
    return not (
        len(matched.split()) < 2
        or (len(_by_place(reading[low:high], candidates, matchers)) != 1 and len(by_date) != 1)
    )


# A journey under way, told in the present: its end is what comes next ("arrives in Europe for").
_ON_THE_WAY = re.compile(
    r"\b(?:arrives|arriving|travels|travelling|traveling|heads|heading|departs|departing"
    r"|flies|flying|en route|on (?:his|her|their|its|the) way)\b",
    re.IGNORECASE,
)


def _looked_ahead_to(
    text: ArticleText,
    reading: str,
    start: int,
    matched: str,
    candidates: list[str],
    published: PartialDate,
    matchers: Matchers,
) -> list[str]:
    """The events an indefinite phrase in a sentence that looks ahead, or that tells of a journey
    to it under way, can be: those that begin within days of the publication ("will fly to Europe
    on Sunday to attend a NATO summit", "as he arrives in Europe for a NATO leaders summit"), for
    a text dated to the month or closer; none for a bare "a summit" or a time to come in general
    ("hopes to attend a NATO summit one day")."""
    low, high = _sentence_span(text, reading, start)
    first, last = _days(published)
    if (
        len(matched.split()) < 2
        or last - first > _SOON_AFTER
        or (
            _LOOKS_AHEAD.search(reading, low, high) is None
            and _ON_THE_WAY.search(reading, low, start) is None
        )
        or _SOME_DAY.search(reading, low, high) is not None
    ):
        return []
    return [
        e for e in candidates if first <= _days(matchers.event_dates[e])[0] <= last + _SOON_AFTER
    ]
