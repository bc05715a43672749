"""Generic references to events ("the NATO summit"), given the one event their context fits."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence

from natocorpus.annotate.clauses import _beside_another, _dated_right_after
from natocorpus.annotate.dates import _LOOKS_AHEAD
from natocorpus.annotate.definite import (
    _by_place,
    _definite,
    _indefinite_names_one,
    _looked_ahead_to,
    _parties_joined_before,
    _placed,
    _set_out_on,
    _told_after,
)
from natocorpus.annotate.event_context import (
    _MEETINGS,
    _PLAIN_BEFORE,
    _THE_BEFORE,
    _THEIRS_BEFORE,
    _YEAR_BEFORE,
    _by_context,
    _by_publication_year,
    _held_by_whom_it_names,
    _in_the_time_told,
    _last_named,
    _named_before,
    _of_whom_the_sentence_names,
    _only_unknown_told,
    _recurring_fitting,
    _still_to_come,
    _without_a_series_start,
    _without_other_times,
)
from natocorpus.annotate.forms import (
    Matchers,
    _overlapping,
)
from natocorpus.annotate.generic_phrases import (
    _JUDGE_WORDS,
    _MEET,
    _WAR_COMPOUND_HEADS,
    _another_contest,
    _no_fight,
    _one_strike,
)
from natocorpus.annotate.implicit_events import _summit_list_spans
from natocorpus.annotate.other_meetings import (
    _NOT_PLACES,
    _a_meeting_of_others,
    _another_meeting,
    _holder_named,
    _named_by_their_places,
    _names_another_meeting,
    _of_another_body,
    _of_counted_parties,
    _word_before_phrase,
)
from natocorpus.annotate.sentences import _sentence_span
from natocorpus.annotate.time_windows import _over_well_before
from natocorpus.annotate.zones import _in_heading
from natocorpus.model import (
    ArticleText,
    DateMention,
    EventMention,
    PartialDate,
    UnresolvedReference,
)

# A place right after the phrase: "the summit in The Hague", "the summit at Camp David", "the
# summit in the Netherlands", "the trilateral summit meeting held in Washington", "the next
# summit is to take place in China", "this year's summit, hosted in Miami".
_PLACE_AFTER = re.compile(
    r"(?: (?:meeting|talks|session))?"
    r"(?:,? (?:held|hosted|convened|(?:that|which) took place"
    r"|(?:is|was|will be) (?:(?:set|scheduled|due|expected) )?(?:to be )?held"
    r"|(?:is|was) (?:(?:set|scheduled|due|expected) )?to take place|will take place|takes place))?"
    r" (?:in|at) (?:((?:The )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)"
    # a kind of place told before its name: "in the Baltic state of Lithuania", "in the Pacific
    # nation of Fiji"
    r"|the (?:[A-Z][\w’'-]+ )+(?:state|country|nation|republic|kingdom|island|city|capital|town"
    r"|port) of ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)"
    # after "the", a name, not an adjective before a noun: "in the Netherlands", "in the United
    # States"; not "in the Lithuanian capital", "in the Spanish city of"
    r"|the ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(?![\w’'-])(?!(?<=an|sh|se|ni) [a-z]))"
)


# A noun after a meeting's phrase that makes it meetings of its kind in general: "summit
# diplomacy", "the summit season", "their summit meetings", "a meeting held at the summit level".
_MEETINGS_IN_GENERAL = re.compile(
    r"[ -](?:diplomacy|season|circuit|fatigue|meetings|level)\b", re.IGNORECASE
)
# What may come, before a phrase or before a party's name that stands before it: an adjective of
# it ("a possible NATO summit in Asia", "future Russian aggression in Ukraine", "against further
# Russian aggression") or a verb of keeping it from happening, without a definite article ("to
# deter Russian aggression", "preventing a war with Russia"; but "failed to prevent the Russian
# aggression" tells of the one that came).
_WHAT_MAY_COME_BEFORE = re.compile(
    r"(?<![\w’'-])(?i:future|possible|potential|hypothetical|eventual|prospective|further"
    r"|(?:deter|deters|deterred|deterring|prevent|prevents|prevented|preventing|avert|averts"
    r"|averted|averting|forestall|forestalling)(?: an?)?) (?:[A-Z][\w’'-]* )?$"
)
# Being at war wished, feared or supposed: "no wish to be at war with Russia", "would be at war
# with Russia", "risk being at war with Russia" (not "Ukraine has been at war with Russia").
_AT_WAR_UNREAL_BEFORE = re.compile(
    r"\b(?:(?:wish|wishes|want|wants|wanted|willing|unwilling|reluctant|ready|prepared|afraid"
    r"|risk|risks|risking)(?: not)? to be|(?:would|could|might)(?: not)?(?: then)? be"
    r"|(?:risk|risks|risked|risking|avoid|avoids|avoided|avoiding) being) at $",
    re.IGNORECASE,
)
# A word before a meeting's noun that makes it a briefing: "a press conference", "news
# conference".
_BRIEFING_BEFORE = re.compile(r"\b(?:press|news|video)[ -]$", re.IGNORECASE)


# A meeting's noun after a phrase that names no meeting: the phrase is the meeting's name.
_A_MEETING_AFTER = re.compile(r" (?i:summits?|meetings?|conferences?)\b")


# A capitalised word after a name, not a function word or a time: the name goes on. (Not two
# words run together by a lost break, "Japan ChineseHe criticized".)
_NAME_GOES_ON_AFTER = re.compile(
    r" (?!(?:And|Or|Of|In|On|At|For|To|By|The|A|An|This|That|Last|Next)\b)(?!"
    + _NOT_PLACES.pattern
    + r")[A-Z](?:[a-z’'-]*|[A-Z]*)(?!\w)"
)


def _name_goes_on(matched: str, reading: str, end: int) -> bool:
    """Whether a visit's phrase in running text that ends with a place ("visits Japan", "visit to
    South Korea") ends inside a longer name: "visits Japan Air Self-Defense Force's base"."""
    words = matched.split()
    return (
        len(words) > 1
        and words[-1][:1].isupper()
        and any(word.islower() for word in words[:-1])
        and _NAME_GOES_ON_AFTER.match(reading, end) is not None
    )


def _misspelt(word: str, place: str) -> bool:
    """Whether a word is a place's name with a letter dropped, added or changed ("Vinius" for
    "Vilnius"): a slip, not another place. Names shorter than six letters are told apart."""
    return (
        len(place) >= 6
        and abs(len(word) - len(place)) <= 1
        and word[:1] == place[:1]
        and difflib.SequenceMatcher(None, word, place).ratio() >= 0.9
    )


# A journey to a place for a meeting, before its phrase: "fly to The Hague for the NATO
# conference", "arrived in Vilnius for the summit".
_GONE_THERE_FOR_BEFORE = re.compile(
    r"\b(?:to|in|at) ((?:The )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) for (?:the|a|an|this|its|their) $"
)


# A building's name, which holds a meeting in some city and says nothing of which.
_A_BUILDINGS_NAME = re.compile(
    r"(?:[A-Z][\w’'.-]* ){0,5}(?:Cent(?:er|re)|Hall|Hotel|Palace|Building|House|Headquarters"
    r"|Museum|Stadium|Arena|Complex|Pavilion|Auditorium)\b"
)


def _held_elsewhere(after: str, before: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether the phrase is placed where none of its events was held ("the NATO summit in The
    Hague", "fly to The Hague for the NATO summit", when no summit there is known): it names an
    event the knowledge base lacks, and no known one may be chosen. The place is a name no actor
    holds, or a state's or its capital's; a name that is another kind of actor ("the first
    summit in NATO history") is no place."""
    placed = _PLACE_AFTER.match(after)
    found = placed or _GONE_THERE_FOR_BEFORE.search(before)
    if found is None:
        return False
    group = next(index for index, text in enumerate(found.groups(), 1) if text)
    if (
        _NOT_PLACES.match(place := found.group(group))
        # an event with no place of its own ("the war in Ukraine") is not held anywhere
        or not all(matchers.event_places[event] for event in candidates)
    ):
        return False
    if placed is not None and _A_BUILDINGS_NAME.match(after, placed.start(group)):
        return False  # "at the Walter E. Washington Convention Center": a building, in some city
    name = place.replace(".", "")
    first = name.split()[-1] if name.startswith("The ") else name.split()[0]
    places = [p.replace(".", "") for event in candidates for p in matchers.event_places[event]]
    if any(
        re.match(rf"{re.escape(p)}n?\b", name) or p.startswith(first) or _misspelt(first, p)
        for p in places
    ):
        return False
    owners = {owner for owner, *_ in matchers.actors.find(name)}
    # "the summit in the United States": the state of a venue ("Washington") is no other place.
    if owners & _named_by_their_places(candidates, matchers):
        return False
    return owners <= matchers.states


# An anniversary in figures before the phrase: "the 75th anniversary of the first NATO summit".
_ANNIVERSARY_OF_BEFORE = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th) anniversary of (?:the |its |their )?(?:[\w’'-]+ ){0,2}$",
    re.IGNORECASE,
)


def _of_another_years_anniversary(
    before: str, candidates: Sequence[str], published: PartialDate, matchers: Matchers
) -> bool:
    """Whether an anniversary before the phrase dates the event it is of to a year none of the
    phrase's events is of: in 2024, "the 75th anniversary of the first NATO summit" is of one
    in 1949, not of the summit held that year."""
    found = _ANNIVERSARY_OF_BEFORE.search(before)
    if found is None:
        return False
    year = published.year - int(found.group(1))
    return not any(abs(matchers.event_dates[e].year - year) <= 1 for e in candidates)


# A noun after a war's name that makes a compound of it, not the war: "Russia’s war crimes in
# Ukraine", "a memorial for the war dead".
_A_WARS_COMPOUND_AFTER = re.compile(rf" (?:{'|'.join(_WAR_COMPOUND_HEADS)})\b")
_POSSESSIVE_BEFORE = re.compile(r"[’']s $")
# A party's phrase with the event's year in the party's place ("the 2022 invasion"; see
# `with_its_year`).
_A_YEAR_FIRST = re.compile(r"\d{4} ")
# An occasion held for an event, named after it: "the 75th anniversary dinner".
_AN_OCCASION_AFTER = re.compile(
    r" (?:dinner|gala|reception|banquet|lunch|luncheon|breakfast|concert|party)s?\b"
)
# A meeting told by those who met and where, with what they met for named after it: "leaders
# from NATO countries met in Vilnius, Lithuania for the annual NATO summit", "allies gathered
# in Washington, D.C., for the 75th anniversary": the reference is the phrase after it.
_MET_IN = re.compile(rf"\b(?:{'|'.join(_MEET)}) in\b", re.IGNORECASE)
_MET_FOR_AFTER = re.compile(
    r"(?:,? [A-Z][\w.]*(?: [A-Z][\w.]*)*)?,? (?:for|to mark|to celebrate) (?:the|its|their)\b"
)
# The last word of an office's title, whose possessive is its holder's.
_HOLDERS_TITLES = frozenset(
    {"General", "Secretary", "Minister", "President", "Chief", "Chair", "Chairman", "Premier"}
)
_STARTS_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)$")
# A negation before a visit's verb: "who has not visited Japan since 2017", "never travelled to
# Seoul" tells of no visit.
_NOT_DONE_BEFORE = re.compile(r"\b(?:not|never|n[’']t)(?: yet| once| even| ever)? $", re.IGNORECASE)


def _ahead_of_one_over(
    text: ArticleText,
    reading: str,
    start: int,
    event: str,
    published: PartialDate,
    matchers: Matchers,
) -> bool:
    """Whether the reference's sentence looks ahead and `event` was over well before the text:
    "... will attend events on the sidelines of the summit", after a paragraph recalling the
    summits of the two years before, is not the last one it named."""
    low, high = _sentence_span(text, reading, start)
    return _LOOKS_AHEAD.search(reading, low, high) is not None and _over_well_before(
        matchers.event_dates[event], matchers.event_ends[event], published
    )


def _anothers_visit(
    reading: str,
    start: int,
    candidates: Sequence[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> bool:
    """Whether a visit's phrase follows the possessive of an actor who took part in none of the
    visits it could name, or of a name no actor has: "the Netherlands, Denmark, and Italy’s
    visit to Japan" (an office's title is its holder's: "the Secretary General’s visit")."""
    before = _POSSESSIVE_BEFORE.search(reading, max(0, start - 3), start)
    if before is None or not all(matchers.event_types.get(e) == "visit" for e in candidates):
        return False
    visitor = _actor_ending_at(actors, before.start())
    if visitor is None:
        word = _WORD_ENDING_THERE.search(reading, max(0, before.start() - 40), before.start())
        return (
            word is not None
            and word.group()[:1].isupper()
            and word.group() not in _HOLDERS_TITLES
            and not _STARTS_SENTENCE_BEFORE.search(reading, max(0, word.start() - 3), word.start())
        )
    return _party_to_none(visitor, candidates, matchers)


def _actor_ending_at(actors: Sequence[tuple[int, int, str]], at: int) -> str | None:
    """The actor whose mention ends at `at`, if one does."""
    return next((actor for _, high, actor in actors if high == at), None)


def _party_to_none(actor: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether the actor takes part in none of the candidate events."""
    return not any(actor in matchers.event_participants.get(e, frozenset()) for e in candidates)


def _anothers_document(
    reading: str,
    start: int,
    candidates: Sequence[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> bool:
    """Whether a document's phrase follows, as its modifier or its possessive, a state that is a
    party to none of the publications it could name: "the Korean Strategic Concept" and "Japan’s
    Strategic Concept" are those states' own, not NATO's."""
    if not candidates or not all(matchers.event_types.get(e) == "publication" for e in candidates):
        return False
    possessive = _POSSESSIVE_BEFORE.search(reading, max(0, start - 3), start)
    ends = possessive.start() if possessive is not None else start - 1
    if possessive is None and reading[ends : ends + 1] != " ":
        return False
    owner = _actor_ending_at(actors, ends)
    if owner is None:
        # A state's adjective left out as a part of the longer name ("the Korean Strategic
        # Concept"), which the coverage check reports whole.
        word = _WORD_ENDING_THERE.search(reading, max(0, ends - 40), ends)
        named = matchers.actors.owners.get(word.group()) if word is not None else None
        owner = named[0] if named is not None else None
    return owner in matchers.states and _party_to_none(owner, candidates, matchers)


def _generic_events(
    reading: str,
    text: ArticleText,
    matchers: Matchers,
    named: Sequence[EventMention],
    dates: Sequence[DateMention],
    published: PartialDate,
    place: Callable[[int], tuple[str, int]],
    actors: Sequence[tuple[int, int, str]] = (),
) -> tuple[list[EventMention], list[UnresolvedReference]]:
    """Generic references ("the NATO summit", "the summit in Vilnius", "the 2023 summit"), each
    given the one event that the places and dates around it fit: in its sentence, then its
    paragraph, then the publication date. Where none fits, or several, it is left unresolved."""
    named_spans = [(m.start, m.end) for m in named]
    resolved: list[EventMention] = []
    unresolved: list[UnresolvedReference] = []
    generic_found = [
        found
        for found in matchers.generic.find(reading)
        if not _no_fight(reading, *found[2:]) and not _another_contest(reading, found[2])
    ]
    if matchers.judged is not None:
        generic_found = sorted(
            [*generic_found, *_judged(reading, matchers, generic_found)], key=lambda f: f[2]
        )
    # The references a time before sets apart as earlier ones, with their events.
    set_apart_at = _set_apart(reading, named, generic_found, matchers)
    # Every reference's span with the names and years that qualify it ("the 2022 Madrid summit").
    referring = [
        (_qualified_from(reading, low), _qualified_to(reading, high))
        for low, high in (*named_spans, *((f[2], f[3]) for f in generic_found))
    ] + _summit_list_spans(reading, matchers)
    # References that only the publication date decided, with the events the phrase could
    # name; and the events that a phrase named after another place could have been.
    by_publication: list[tuple[EventMention, tuple[str, ...]]] = []
    # In a heading in title case a capital before a phrase names no other meeting ("Leaders Join
    # Meeting in Washington").
    in_heading = _in_heading(text)
    unknown_kinds: set[str] = set()
    # The bodies named in or just before those references ("NATO’s Hague summit": NATO).
    unknown_parties: set[str] = set()
    # The events each unresolved reference could have named, by where it starts.
    possibles: dict[int, tuple[str, ...]] = {}
    # Where the text told of a meeting held where no known event of its kind was, with the events
    # the phrase could have named ("the NATO Summit in The Hague", which the knowledge base lacks).
    told_unknown: list[tuple[int, tuple[str, ...]]] = []
    for phrase, matched, start, end in generic_found:
        if _overlapping(named_spans, start, end):
            continue
        candidates = list(matchers.generic_events[phrase])
        possible = tuple(candidates)
        if _A_MEETING_AFTER.match(reading, end) and not any(
            matchers.event_types.get(e) in _MEETINGS for e in candidates
        ):
            continue  # "its 75th Anniversary Summit": the summit's name, not the anniversary
        if _MEETINGS_IN_GENERAL.match(reading, end):
            continue  # "the premier’s summit diplomacy": meetings of that kind, none in particular
        if _WHAT_MAY_COME_BEFORE.search(reading, max(0, start - 40), start):
            continue  # "to deter future Russian aggression": one that may come, not the one known
        if _AT_WAR_UNREAL_BEFORE.search(reading, max(0, start - 40), start):
            continue  # "allies have no wish to be at war with Russia": a war wished away
        if _BRIEFING_BEFORE.search(reading, max(0, start - 8), start):
            continue  # "Macron told a news conference in Vilnius": a briefing, not the summit
        if _one_strike(reading, start, end):
            continue  # "a drone attack on Ukraine": one strike of the war, not the war
        if _A_WARS_COMPOUND_AFTER.match(reading, end):
            continue  # "Russia’s war crimes in Ukraine", "the war dead": not the war itself
        if _A_YEAR_FIRST.match(matched) and _POSSESSIVE_BEFORE.search(reading, start - 3, start):
            continue  # "Japan’s 2022 war plans": the party's own phrase would have matched whole
        if _AN_OCCASION_AFTER.match(reading, end):
            continue  # "the 75th anniversary dinner": a dinner held for it, not the anniversary
        if _MET_FOR_AFTER.match(reading, end) and _MET_IN.search(matched):
            continue  # "leaders met in Vilnius for the annual NATO summit": that one names it
        if _anothers_visit(reading, start, candidates, actors, matchers):
            continue  # "Italy’s visit to Japan": its ambassadors', not the Secretary General's
        if _anothers_document(reading, start, candidates, actors, matchers):
            continue  # "the Korean Strategic Concept": Seoul's own, not NATO's
        visits = all(matchers.event_types.get(e) == "visit" for e in candidates)
        if visits and _NOT_DONE_BEFORE.search(reading, max(0, start - 16), start):
            continue  # "who has not visited Japan since 2017": no visit
        if visits and _name_goes_on(matched, reading, end) and not in_heading(start):
            continue  # "as he visits Japan Air Self-Defense Force's base": another place
        before = reading[max(0, start - 40) : start]
        word = _word_before_phrase(before, candidates, matchers)
        if word is not None and word in matchers.known_places:
            # Named after a place where the knowledge base holds events but none of the
            # phrase's ("its Brussels Summit"): part of the name of an event it lacks, which
            # the coverage check reports whole.
            unknown_kinds.update(possible)
            unknown_parties.update(_parties_near(actors, start, end))
            told_unknown.append((start, possible))
            continue
        elsewhere = _another_meeting(
            reading, start, end, matched, word, candidates, matchers, in_heading(start)
        )
        if elsewhere:
            # An event the knowledge base lacks: listed as a reference no known event fits.
            unknown_kinds.update(possible)
            unknown_parties.update(_parties_near(actors, start, end))
            if word is not None and _names_another_meeting(word, matched, candidates, matchers):
                told_unknown.append((start, possible))  # "the NATO Hague summit"
        if (
            not _definite(reading, start, end, matched, candidates, matchers)
            and not _placed(reading[end : end + 80], candidates, matchers)
            and not _indefinite_names_one(
                text, reading, start, matched, candidates, dates, matchers
            )
            and len(_told_after(reading, end, candidates, dates, actors, matchers)) != 1
            and not _set_out_on(text, reading, start, candidates, actors, matchers)
        ):
            ahead = _looked_ahead_to(text, reading, start, matched, candidates, published, matchers)
            if len(ahead) != 1:
                continue
            candidates = ahead  # the one to come: the paragraph's other places do not decide
        paragraph, sentence = place(start)
        if _THEIRS_BEFORE.search(before):
            candidates = _of_whom_the_sentence_names(
                text, reading, start, candidates, actors, matchers
            )
        # The places and dates that name another event ("proposed during the 2022 Madrid
        # summit") are that event's: its words are not this reference's context.
        # In the paragraph's other sentences, a sentence that tells of another reference is its
        # context whole ("during the G7 summit in Canada … when Trump returned to Washington").
        block = text.block_at(start)
        own = _sentence_span(text, reading, start)
        others = [
            (low, high) if own[0] <= low < own[1] else _sentence_words(text, reading, high - 1)
            for low, high in referring
            if block.start <= low < block.end and not low <= start < high
        ]
        # A capital the annotator took for its government ("Washington lobbied to limit ... at
        # the NATO summit on July 7–8") is no venue.
        others += [
            (low, high)
            for low, high, _ in actors
            if block.start <= low < block.end and reading[low:high] in matchers.known_places
        ]
        context, context_dates = reading, dates
        if others:
            context = _without(reading, others)
            context_dates = [d for d in dates if not _overlapping(others, d.start, d.end)]
        context_dates = _without_other_times(
            reading,
            _without_a_series_start(text, reading, start, candidates, context_dates, matchers),
        )
        candidates = _recurring_fitting(
            text, reading, (start, end), candidates, actors, context_dates, published, matchers
        )
        candidates = _still_to_come(
            reading, end, own, candidates, context_dates, published, matchers
        )
        candidates, time_told = _in_the_time_told(reading, end, candidates, published, matchers)
        set_apart = {event for at, event in set_apart_at if own[0] <= at < own[1] and at != start}
        if set_apart and len(candidates) > 1:
            # "This summit invited Japan ... following last year's Madrid Summit": not that one.
            candidates = [e for e in candidates if e not in set_apart]
        if _beside_another(reading, own, start, end, candidates, dates, matchers):
            candidates = []  # beside one of them, so none of them, and nothing says which
        # A date right after the phrase, or after its place: "the summit in Washington on
        # April 11" is no summit held there in July.
        past_place = max(
            (_with_its_place(reading, matchers, e, end) for e in candidates), default=end
        )
        if (
            dated := _dated_right_after(reading, past_place, candidates, context_dates, matchers)
        ) is not None:
            candidates = dated
        if (
            not elsewhere
            and candidates
            and _held_elsewhere(reading[end : end + 80], before, candidates, matchers)
        ):
            # Held where none of its events was: one the knowledge base lacks, as above.
            elsewhere = True
            unknown_kinds.update(possible)
            unknown_parties.update(_parties_near(actors, start, end))
            told_unknown.append((start, possible))
        if (counted := _of_counted_parties(reading, start, candidates, matchers)) is not None:
            candidates = counted
        if candidates and _of_another_body(reading, end, candidates, actors, matchers):
            told_unknown.append((start, possible))  # "the annual summit of the SCO"
        if (
            elsewhere
            or _a_meeting_of_others(reading, end, matched, possible, actors, matchers)
            or _of_another_years_anniversary(before, candidates, published, matchers)
        ):
            # (An anniversary's event lies years back: no later "the summit" is taken for it.)
            candidates = []
        if (
            candidates
            and dated is None
            and (_PLAIN_BEFORE.search(before) or _THE_PUBLICATIONS_TIME_BEFORE.search(before))
            and all(matchers.event_types.get(e) in _MEETINGS for e in candidates)
            and not _by_place(reading[start : end + 30], candidates, matchers)
            and " " not in matched  # the bare noun: "the summit", not "the trilateral summit"
            and _only_unknown_told(start, possible, told_unknown, named, resolved)
        ):
            # "Ishiba would attend the summit … following Japan's first invitation in 2022",
            # after "the NATO Summit in The Hague": the summit the text told of, which no known
            # event fits, not the year's (the text told of no known one); "this year's summit"
            # after "the annual summit of the SCO" too.
            candidates = []
        if candidates:
            antecedent = last_in_text = None
            if _PLAIN_BEFORE.search(before):
                guessed = {id(m) for m, _ in by_publication}
                # In its paragraph, a reference of the same noun that the publication date
                # decided is a bare noun's antecedent too: "at the NATO summit ... what they
                # will say at the summit" is one summit, whichever it is.
                in_paragraph = _told_so_far(named, resolved, unresolved, guessed, matched)
                antecedent = _last_named(reading, (block.start, start), in_paragraph)
                last_in_text = _named_before(
                    reading,
                    start,
                    _told_so_far(named, resolved, unresolved, set()),
                    named,
                    resolved,
                    matchers,
                    text,
                    placed_will_do=_THE_BEFORE.search(before) is not None,
                    possible=possible,
                )
            local = _by_context(
                text,
                context,
                start,
                candidates,
                actors,
                context_dates,
                published,
                matchers,
                antecedent,
                time_told=time_told,
            )
            if len(local) > 1:
                local = _held_by_whom_it_names(own, local, actors, matchers)
            weak = len(local) != 1
            if (
                len(local) > 1
                and last_in_text in local
                and not _ahead_of_one_over(text, reading, start, last_in_text, published, matchers)
            ):
                # "the NATO summit in Lithuania … Why is the NATO summit so important?": where its
                # paragraph says nothing of which, the one the text last named is meant.
                local = [last_in_text]
            candidates = _by_publication_year(text, context, start, local, published, matchers, end)
            if len(candidates) > 1:
                # "NATO invited Japan. Kishida will attend the upcoming summit", of two that year:
                # where nothing else decides, the one whose holder its paragraph names, unless
                # the paragraph told of another of them before ("with this week's summit [at Camp
                # David] ... a mini NATO ... the three summit countries").
                held = _held_by_whom_it_names(
                    (block.start, block.end), candidates, actors, matchers
                )
                told_here = {m.event for m in (*named, *resolved) if block.start <= m.start < start}
                if len(held) == 1 and not (told_here & set(candidates)) - set(held):
                    candidates = held
            if weak and not _holder_named(candidates, actors, matchers):
                # "after the summit" in a text that names no one who holds such meetings (a
                # Polish president's visit to Seoul): the publication date alone cannot make
                # it NATO's.
                candidates = []
        else:
            local, weak = [], True
        if len(local) != 1 and phrase in matchers.context_only:
            candidates = []  # "the NATO meeting": only what is around it decides which
        if len(candidates) == 1:
            choice = candidates[0]
            if (extended := _with_its_place(reading, matchers, choice, end)) != end:
                end, matched = extended, reading[start:extended]
            if (earlier := _with_its_qualifier(reading, matchers, choice, start)) != start:
                start, matched = earlier, reading[earlier:end]
            mention = EventMention(choice, matched, start, end, paragraph, sentence)
            resolved.append(mention)
            if weak:
                by_publication.append((mention, possible))
        else:
            if not candidates and _YEAR_BEFORE.search(reading, max(0, start - 5), start):
                # "the 2025 summit" where no known summit is of 2025: the text tells of one the
                # knowledge base lacks, which its later "the summit" may be.
                unknown_kinds.update(possible)
                unknown_parties.update(_parties_near(actors, start, end))
            unresolved.append(
                UnresolvedReference(
                    matched,
                    start,
                    end,
                    paragraph,
                    sentence,
                    # None when the context rules every event out: none is offered.
                    tuple(candidates),
                )
            )
            possibles[start] = possible
    _told_in_the_lead(text, resolved, unresolved, named, possibles, unknown_kinds)
    if unknown_kinds:
        # The text tells of a meeting the knowledge base lacks ("NATO’s Hague summit"): its
        # later "the summit" may be that one, and the publication date cannot say which.
        for mention, possible in by_publication:
            parties = _parties_near(actors, mention.start, mention.end, before=0)
            if mention.event in unknown_kinds and (not parties or parties & unknown_parties):
                # "the summit" may be the meeting the knowledge base lacks; "the NATO summit"
                # only if that one is NATO's too (not "the Peace Summit for Ukraine").
                resolved.remove(mention)
                unresolved.append(UnresolvedReference.of(mention, possible))
        unresolved.sort(key=lambda reference: reference.start)
    return resolved, unresolved


# A time told from the publication, in the possessive: "this year’s summit", "last week’s summit".
_THE_PUBLICATIONS_TIME_BEFORE = re.compile(
    r"\b(?:[Tt]his|[Ll]ast|[Nn]ext) (?:year|month|week)[’']s $"
)


# A time before a reference that sets its event apart as an earlier one: "last year’s Madrid
# Summit", "the previous NATO summit".
_SET_APART_BEFORE = re.compile(
    r"\b(?:[Ll]ast (?:year|month|week)[’']s|[Tt]he (?:previous|preceding|last|past))"
    r"(?: [A-Z][\w-]*| (?:1[89]|20)\d\d)* $"
)


def _set_apart(
    reading: str,
    named: Sequence[EventMention],
    generic_found: Sequence[tuple[str, str, int, int]],
    matchers: Matchers,
) -> list[tuple[int, str]]:
    """Where the references are that a time before them sets apart as earlier ones, with their
    one event ("following last year's Madrid Summit"): another reference of the same sentence
    is not to that event."""
    references = [(m.start, {m.event}) for m in named] + [
        # (where the phrase names several, the place right after it may say which: "last year's
        # NATO summit in Madrid")
        (at, set(_by_place(reading[at : till + 30], events, matchers) or events))
        for phrase, _, at, till in generic_found
        if (events := matchers.generic_events[phrase])
    ]
    return [
        (at, event)
        for at, events in references
        if len(events) == 1 and _SET_APART_BEFORE.search(reading, max(0, at - 40), at)
        for event in events
    ]


def _told_so_far(
    named: Sequence[EventMention],
    resolved: Sequence[EventMention],
    unresolved: Sequence[UnresolvedReference],
    guessed: set[int],
    noun: str | None = None,
) -> list[tuple[int, str | None]]:
    """Where each reference so far starts, with its event: a name's always, a generic
    reference's unless only the publication date decided it (`guessed`, by id) and it does not
    end with the bare `noun`; none for one left unresolved."""
    return [
        *((m.start, m.event) for m in named),
        *(
            (
                m.start,
                m.event
                if id(m) not in guessed or (noun is not None and _its_noun(m, noun))
                else None,
            )
            for m in resolved
        ),
        *((r.start, None) for r in unresolved),
    ]


def _its_noun(mention: EventMention, matched: str) -> bool:
    """Whether a bare noun ("summit") is the noun a reference ends with ("NATO summit")."""
    return " " not in matched and mention.text.lower().endswith(matched.lower())


def _told_in_the_lead(
    text: ArticleText,
    resolved: list[EventMention],
    unresolved: list[UnresolvedReference],
    named: Sequence[EventMention],
    possibles: dict[int, tuple[str, ...]],
    unknown_kinds: set[str],
) -> None:
    """Resolve a headline's reference from the paragraph after it: a headline drops the words
    that would place it ("PM to skip NATO meeting"), and the lead names the event it is about
    ("... the NATO Summit in Washington"). The headline is the text's first block, one line
    without a full stop; the lead's references must all name one event the headline's could."""
    if len(text.blocks) < 2:
        return
    headline, lead = text.blocks[0], text.blocks[1]
    line = text.reading_text[headline.start : headline.end].strip()
    if not line or "\n" in line or line.endswith((".", "!", "?")):
        return
    told = {m.event for m in (*named, *resolved) if lead.start <= m.start < lead.end}
    if len(told) != 1 or any(lead.start <= r.start < lead.end for r in unresolved):
        return
    (event,) = told
    if event in unknown_kinds:
        return  # the text tells of a meeting the knowledge base lacks, which it may be
    for reference in [r for r in unresolved if headline.start <= r.start < headline.end]:
        if event in possibles.get(reference.start, ()):
            unresolved.remove(reference)
            resolved.append(
                EventMention(
                    event,
                    reference.text,
                    reference.start,
                    reference.end,
                    reference.paragraph,
                    reference.sentence,
                )
            )
    resolved.sort(key=lambda mention: mention.start)


_QUALIFIERS_BEFORE = re.compile(
    r"(?<![\w’'-])(?:(?:[Ll]ast|[Tt]his|[Nn]ext) (?:year|month|week)[’']s )?"
    r"(?:(?:[A-Z][\w-]*|(?:1[89]|20)\d\d) )*$"
)


# A place or time right after a reference, its own: "the Madrid Summit in 2022", "the summit in
# Vilnius on 11 July 2023", "invited to the ministers' meeting since 2022" (a series).
_QUALIFIERS_AFTER = re.compile(
    r"(?: (?:in|of|at|on|since) (?:the )?(?:[A-Z][\w’'-]*|(?:1[89]|20)\d\d|\d{1,2})"
    r"(?:,? (?:[A-Z][\w’'-]*|(?:1[89]|20)\d\d|\d{1,2}))*)*"
)


def _qualified_to(reading: str, end: int) -> int:
    """Where the places and times right after a reference end."""
    found = _QUALIFIERS_AFTER.match(reading, end)
    return end if found is None else found.end()


def _qualified_from(reading: str, start: int) -> int:
    """Where the words that qualify a reference begin: capitalised words and years, after a
    time in the possessive ("2022 Madrid", "last year’s Madrid")."""
    found = _QUALIFIERS_BEFORE.search(reading, max(0, start - 60), start)
    return start if found is None else found.start()


def _judged(
    reading: str, matchers: Matchers, found: Sequence[tuple[str, str, int, int]]
) -> list[tuple[str, str, int, int]]:
    """A party's generic phrase with words that judge it between ("Russia’s ongoing illegal and
    immoral invasion"), where no generic phrase was found there: (phrase, text, start, end)."""
    assert matchers.judged is not None
    taken = [(start, end) for _, _, start, end in found]
    out: list[tuple[str, str, int, int]] = []
    searched_to = 0
    for candidate in _JUDGED_AT.finditer(reading):
        # The party's name ends at the possessive; it begins where the word does, or after a
        # hyphen in it ("anti-Russia’s").
        word = _WORD_ENDING_THERE.search(reading, max(0, candidate.start() - 80), candidate.start())
        if word is None:
            continue
        starts = [word.start()] + [
            word.start() + i + 1 for i, char in enumerate(word.group()) if char == "-"
        ]
        for start in starts:
            match = matchers.judged.match(reading, start) if start >= searched_to else None
            if match is None:
                continue
            searched_to = match.end()
            party, mark, quote, words, rest = match.groups()
            if not quote and not words:
                break  # the phrase itself, which the generic phrases find
            phrase = f"{party}{mark} {rest}".lower()
            if phrase in matchers.generic_events and not _overlapping(taken, *match.span()):
                out.append((phrase, match.group(), match.start(), match.end()))
            break
    return out


# A possessive followed by a judging word or an opening quote: the only places `Matchers.judged`,
# an alternation of every party's name, is tried (tried at every word, it grew with the knowledge
# base: a fifth of the annotation at 2,000 events).
# (The pattern opens with the apostrophe, the character before it looked at after, so that the
# regex engine skips to the apostrophes in C.)
_JUDGED_AT = re.compile(rf"[’'](?<=[\w-][’'])s (?:[“\"]|(?:{_JUDGE_WORDS})\b)", re.IGNORECASE)
_WORD_ENDING_THERE = re.compile(r"(?<![\w-])[\w-]+$")


def _parties_near(
    actors: Sequence[tuple[int, int, str]], start: int, end: int, before: int = 40
) -> set[str]:
    """The actors named in a reference or in the words just before it."""
    return {actor for low, high, actor in actors if start - before <= low and high <= end}


# A sentence's closing stop, with the quotes and brackets after it.
_SENTENCE_CLOSE = re.compile(r"[.!?][”’\"')\]]*\s*$")


def _sentence_words(text: ArticleText, reading: str, at: int) -> tuple[int, int]:
    """The sentence at `at` but its first letter and its closing stop: blanked out, it still
    ends a sentence before the next one and opens its own."""
    low, high = _sentence_span(text, reading, at)
    close = _SENTENCE_CLOSE.search(reading, low, high)
    return low + 1, close.start() if close else high


def _without(reading: str, spans: Sequence[tuple[int, int]]) -> str:
    """The reading text with the spans blanked out, its offsets unchanged."""
    pieces, last = [], 0
    for low, high in sorted(spans):
        low = max(low, last)
        pieces += [reading[last:low], " " * (high - low)]
        last = max(last, high)
    return "".join([*pieces, reading[last:]])


def _with_its_place(reading: str, matchers: Matchers, event: str, end: int) -> int:
    """Where the reference ends: "the summit in Vilnius": the place that decided it is part of
    the reference."""
    for name in matchers.event_places[event]:
        # Not a place in apposition ("in the Lithuanian capital of Vilnius"): its other words
        # name things of their own, for `check` to list.
        tail = re.match(rf" (?:in|of|at) {re.escape(name)}\b", reading[end : end + 80])
        if tail is not None:
            return end + tail.end()
    return end


def _with_its_qualifier(reading: str, matchers: Matchers, event: str, start: int) -> int:
    """Where the reference begins: "the 2023 NATO summit", "the Madrid NATO Summit", "NATO's
    2006 Riga summit": the event's own year and place just before the phrase are part of it."""
    words = "|".join(
        re.escape(w) for w in (str(matchers.event_dates[event].year), *matchers.event_places[event])
    )
    qualifier = re.compile(rf"(?<![\w-])(?:{words})\s+$")
    for _ in range(2):  # a year and a place
        before = qualifier.search(reading, max(0, start - 40), start)
        if before is None:
            break
        start = before.start()
    low = max(0, start - 60)
    joined = _parties_joined_before(reading[low:start], [event], matchers)
    if joined is not None:
        start = low + joined  # its parties, joined: "the U.S.-South Korea-Japan summit"
    return start
