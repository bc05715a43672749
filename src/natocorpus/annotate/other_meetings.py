"""Whether a generic meeting's phrase ("the summit", "the NATO meeting") names another meeting
than every event it can name: one named by another body or place before it ("the Quad
summit"), by its two sides ("the US–China summit"), by the parties after it ("a summit among the
four countries", "the meeting with the IP4"), by its ministers ("NATO's defence summit"), or by
what it is for ("the Peace Summit for Ukraine"). Such a phrase is left unresolved: it tells of a
meeting the knowledge base lacks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from natocorpus.annotate.dates import _MONTHS
from natocorpus.annotate.event_context import _MEETINGS
from natocorpus.annotate.forms import _FUNCTION_WORDS, Matchers, _wordset, _written_out_before

# Words after "in" or "at" that are times, not places: "the summit in June".
_NOT_PLACES = re.compile(
    rf"(?:{_MONTHS}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Spring|Summer|Autumn|Fall|Winter)\b"
)


# The parties a meeting is held between, right after its phrase: "a summit among the four
# countries", "the meeting between NATO and the IP4", "a trilateral summit involving the US,
# Japan and the Philippines". A meeting of those parties, not a body's own summit.
_AMONG_PARTIES_AFTER = re.compile(r" (?:between|among|amongst|involving) (?=\S)")
# "with", a determiner or two, then the first party: "with Ukraine", "with the leaders of Japan".
_WITH_PARTIES_AFTER = re.compile(
    r" with (?:(?:the|his|her|their|its|all|other|fellow|leaders|heads|of) )*"
)
# "with" a leader's counterpart: "with his Polish counterpart Andrzej Duda".
_WITH_A_COUNTERPART_AFTER = re.compile(
    r" with (?:his|her|their|its) (?:[A-Z][\w’'-]* )*counterparts?\b"
)
# "of", then the body whose meeting it is: "the summit of the Quad nations".
_OF_A_BODY_AFTER = re.compile(r" of (?:the )?")
# A body's name of two capitalised words or more ("European Political Community", "Shanghai
# Cooperation Organisation"), and its first word.
_A_BODYS_NAME = re.compile(r"([A-Z][\w’'-]*)(?: (?:of |and |for )?[A-Z][\w’'-]*)+\b")
# The first words of those who meet, not of a body: "the summit of Heads of State and
# Government", "the summit of Allied Leaders".
_PARTICIPANTS = _wordset(
    "Heads Head Leaders Ministers Chiefs Members Allies Allied Foreign Defence Defense State "
    "States Government Governments Partners"
)
_ANOTHER_BODYS_HEAD = re.compile(
    r" (?:military |security |defen[cs]e )?(?:alliance|bloc|coalition|camp|organi[sz]ation)\b"
)
# Where the parties after "with" end: a break, or a word that begins what is told of the meeting
# ("the summit with the IP4 on the sidelines", "a summit with Biden at 2:00 pm").
_PARTIES_END = re.compile(
    r"[,.;:!?()\[\]—–\n]|\s(?:on|in|at|to|for|from|during|after|before|as|over|that|which|who"
    r"|was|were|is|are|will|would|had|has)\s"
)


def _among_parties(
    reading: str,
    end: int,
    candidates: Sequence[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> bool:
    """Whether the parties named after a meeting's phrase make it their meeting, where every
    event it can name is a meeting: after "between", "among" or "involving" always; after
    "with", where the words after it open with a party and name none of the organisations whose
    meeting one of the events is ("the summit with Ukraine and the IP4 countries", not "a summit
    with his fellow NATO heads of state" nor "a summit with a strong message"); after "of",
    where they open with another organisation or grouping than those ("the summit of the Quad
    nations", not "the summit of NATO leaders")."""
    if not candidates or not all(matchers.event_types.get(e) in _MEETINGS for e in candidates):
        return False
    if _AMONG_PARTIES_AFTER.match(reading, end):
        return True
    if _OF_A_BODY_AFTER.match(reading, end) is not None:
        return _of_another_body(reading, end, candidates, actors, matchers)
    if _WITH_A_COUNTERPART_AFTER.match(reading, end):
        return True  # "Yoon's summit with his Polish counterpart": the two leaders' meeting
    opening = _WITH_PARTIES_AFTER.match(reading, end)
    if opening is None:
        return False
    hosts = {holder for e in candidates for holder in matchers.holders(e)}
    stop = _PARTIES_END.search(reading, opening.end(), end + 120)
    limit = stop.start() if stop else end + 120
    named = [(low, actor) for low, _, actor in actors if opening.end() <= low < limit]
    return (
        bool(named) and named[0][0] == opening.end() and not {actor for _, actor in named} & hosts
    )


def _of_another_body(
    reading: str,
    end: int,
    candidates: Sequence[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> bool:
    """Whether "of" after a meeting's phrase opens another organisation or grouping than those
    whose meeting one of its events is ("the summit of the Quad nations", "the annual summit of
    the Shanghai Cooperation Organization"; not "the summit of NATO leaders")."""
    of = _OF_A_BODY_AFTER.match(reading, end)
    if of is None or not all(matchers.event_types.get(e) in _MEETINGS for e in candidates):
        return False
    hosts = {holder for e in candidates for holder in matchers.holders(e)}
    first = next(((actor, high) for low, high, actor in actors if low == of.end()), None)
    name = _A_BODYS_NAME.match(reading, of.end())
    if (
        hosts
        and name is not None
        and name.group(1) not in _PARTICIPANTS
        and not any(of.end() <= low < name.end() and actor in hosts for low, _, actor in actors)
    ):
        # A body's name the knowledge base lacks: "the summit of the European Political
        # Community" (whose first word alone is a region's form); not "the summit of the
        # US-led NATO alliance".
        return True
    return (
        bool(hosts)
        and first is not None
        and (first[0] in matchers.organisations or first[0] in matchers.groupings)
        and first[0] not in hosts
        # (not a word that qualifies another body: "the summit of the Western alliance")
        and _ANOTHER_BODYS_HEAD.match(reading, first[1]) is None
    )


# A phrase that ends in a name held in the possessive: "a meeting of NATO’s four Indo-Pacific
# partners" is a meeting of the partners, not of NATO.
_ENDS_OF_A_NAME = re.compile(r"\bof (?:the )?[A-Z][\w-]*$")
_POSSESSIVE_AFTER = re.compile(r"[’']s?(?!\w)")


def _of_someone_the_name_holds(matched: str, reading: str, end: int) -> bool:
    """Whether the name a meeting's phrase ends with owns what follows it."""
    return _ENDS_OF_A_NAME.search(matched) is not None and bool(
        _POSSESSIVE_AFTER.match(reading, end)
    )


def _names_another_meeting(
    word: str, matched: str, candidates: Sequence[str], matchers: Matchers
) -> bool:
    """Whether the capitalised word before a meeting's phrase (`matched`) names another meeting:
    a place the knowledge base holds no event in ("NATO’s Hague summit", "the Riga NATO Summit"),
    or a body that takes part in none of its events ("the Quad summit", "the G7 summit", "the
    BRICS summit"); not a party to one of them, a month or weekday, or a kind of meeting
    ("Extraordinary", "Leaders’")."""
    unlisted = not any(matchers.event_participants.get(e) for e in candidates)
    return (
        all(matchers.event_types.get(e) in _MEETINGS for e in candidates)
        # Not a line in capitals ("FOR NATO SUMMIT"); a group's acronym with its number is a
        # name ("the G7 summit"), and so is one before a phrase not in capitals ("the BRICS
        # summit").
        and (any(c.islower() or c.isdigit() for c in word) or not matched.isupper())
        and not word.endswith(("’", "'", "’s", "'s"))
        and word not in _MEETING_QUALIFIERS
        and word not in _FUNCTION_WORDS
        and _NOT_PLACES.match(word) is None
        and not any(
            # A name of a party to one of them ("the NATO summit"), or a state, which may be
            # the host ("the US NATO summit"); another body's name is another meeting's ("the
            # Quad summit", "the AUKUS summit"). Where no event lists its parties, a known body
            # may be one.
            owner in matchers.states
            or any(owner in matchers.event_participants.get(e, ()) for e in candidates)
            or (unlisted and owner in matchers.organisations)
            for owner, *_ in matchers.actors.find(word)
        )
    )


# Two names joined by a dash right before a meeting's phrase: its two sides ("the Japan-Germany
# Summit Meeting", "the US–China summit", "the Russia-North Korea Summit Meeting"); a word that
# ends a sentence ends them ("its Indo-Pacific Strategy. This summit": no sides).
_TWO_SIDES_BEFORE = re.compile(
    r"(?<![\w’'.-])([A-Z][\w’'.]*)[-–]"
    r"([A-Z][\w’'.]*(?<![a-z]\.)(?: [A-Z][\w’'.]*(?<![a-z]\.)){0,2}) $"
)


# A name joined on before them: the two are the last of three or more ("U.S.-South Korea-Japan").
_JOINED_ON_BEFORE = re.compile(r"[-–][A-Z][\w’'.]* $")


def _of_two_sides(
    before: str, candidates: Sequence[str], matchers: Matchers, in_heading: bool = False
) -> bool:
    """Whether two names joined by a dash make the meeting two sides' talks, not one the phrase
    can name; not where they are its places ("the Strasbourg-Kehl summit"), nor the last two of
    more names joined ("the U.S.-South Korea-Japan summit"). In a heading in title case, where
    every word is capitalised, only two single words are ("the Putin-Kim Summit"; not
    "Indo-Pacific Leaders Join Meeting")."""
    found = _TWO_SIDES_BEFORE.search(before)
    return (
        found is not None
        and not (in_heading and " " in found.group(2))
        and _JOINED_ON_BEFORE.search(before, 0, found.start()) is None
        and all(matchers.event_types.get(e) in _MEETINGS for e in candidates)
        and not any(side in matchers.event_places[e] for side in found.groups() for e in candidates)
    )


# The titles of a state's leader.
_LEADERS_TITLES = r"President|Prime Minister|Premier|Chancellor"
# A meeting with someone in office after it: "a meeting in Vilnius with NATO Secretary General
# Jens Stoltenberg", "talks with his Japanese counterpart" are two sides' meeting.
_WITH_AN_OFFICE_AFTER = re.compile(
    r" with (?:(?:the|his|her|their|its) )?(?:[A-Z][\w’'.-]* ){0,3}(?:Secretary[- ]General"
    rf"|{_LEADERS_TITLES}|(?:[A-Z][a-z]+ )?Minister|counterparts?)\b"
)
# The same for a bare noun ("the summit"): a leader named by a title, maybe after a state's
# adjective ("with Dutch Prime Minister Mark Rutte", "with President Biden").
_WITH_A_LEADER_AFTER = re.compile(
    rf" with (?:(?:the|his|her|their) )?(?:[A-Z][\w’'-]* )?(?:{_LEADERS_TITLES}|King|Queen"
    r"|Emperor)\b"
)
# A verb of going to or taking part in a meeting, and its determiner, before the meeting's noun.
_GOING_TO_BEFORE = re.compile(
    r"\b(?:to|attend|attends|attended|attending|join|joins|joined|joining) (?:the|this|that|a|its"
    r"|their|his|her) $"
)
_MEETING_HEAD = re.compile(r"\b(?:meeting|talks)\b", re.IGNORECASE)


def _with_someone(
    matched: str, reading: str, end: int, candidates: Sequence[str], matchers: Matchers
) -> bool:
    """Whether a meeting's phrase is followed by the office holder it was held with, where the
    phrase's events are all summits: a meeting of two, at most beside the summit."""
    return (
        _MEETING_HEAD.search(matched) is not None
        and _WITH_AN_OFFICE_AFTER.match(reading, end) is not None
        and all(matchers.event_types.get(e) == "summit" for e in candidates)
    )


def _with_a_leader(reading: str, end: int, matched: str) -> bool:
    """Whether a bare noun ("the summit") is followed by "with" and a leader named by a title:
    "In the summit with Dutch Prime Minister Mark Rutte, Yoon ...", the two leaders' meeting;
    not where one goes to the meeting with the leader ("invited to this summit with Prime
    Minister Kishida", "attended the summit with President Biden"), nor a meeting named by its
    place ("a Washington Summit with President Biden")."""
    start = end - len(matched)
    return (
        " " not in matched
        and _WITH_A_LEADER_AFTER.match(reading, end) is not None
        and _GOING_TO_BEFORE.search(reading, max(0, start - 30), start) is None
    )


# What a summit is for or on, after its capitalised name: another summit's name ("the Peace
# Summit for Ukraine", "the Summit on Peace in Ukraine"); not a date ("Summit on Tuesday").
_SUMMIT_NAMED_AFTER = re.compile(r" (?:for|on) (?:the )?(?=[A-Z])")
# What a summit is of, when that is no one who meets: "the Summit of the Future", "the Summit
# of the Americas" (not "the Summit of NATO", "the Summit of Heads of State").
_SUMMIT_OF_AFTER = re.compile(r" of (?:the )?([A-Z][\w’'-]*)")


def _summit_of_another_name(matched: str, reading: str, end: int, matchers: Matchers) -> bool:
    """Whether a capitalised "Summit" is named for what it is for, on or of."""
    if matched != "Summit":
        return False
    after = _SUMMIT_NAMED_AFTER.match(reading, end)
    if after is not None:
        return not _NOT_PLACES.match(reading, after.end())
    of = _SUMMIT_OF_AFTER.match(reading, end)
    if of is None or of.group(1) in _PARTICIPANTS or _NOT_PLACES.match(of.group(1)):
        return False
    named = matchers.actors.find(reading[of.start(1) : of.start(1) + 80])
    return not (named and named[0][2] == 0) and not any(
        place.startswith(of.group(1)) for place in matchers.known_places
    )


# A portfolio before "summit" or "meeting" makes it a meeting of those ministers ("NATO's defence
# summit"), not the leaders' summit.
_PORTFOLIO = (
    r"(defen[cs]e|foreign|finance|trade|economic|economy|energy|climate|health|interior"
    r"|agriculture|environment|transport)"
)
_PORTFOLIO_BEFORE = re.compile(rf"\b{_PORTFOLIO}(?: ministers[’']?)? $", re.IGNORECASE)
_PORTFOLIO_WORD = re.compile(rf"\b{_PORTFOLIO}\b", re.IGNORECASE)


def _of_ministers(before: str, after: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether a portfolio names the meeting as one of ministers ("NATO's defence summit", "a
    meeting of NATO Defence Ministers"), where every event the phrase can name is a summit of
    leaders."""
    return (
        _PORTFOLIO_BEFORE.search(before) is not None or _MINISTERS_AFTER.match(after) is not None
    ) and all(matchers.event_types.get(e) == "summit" for e in candidates)


def _of_another_portfolio(before: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether a portfolio before a ministerial meeting's phrase names other ministers than every
    event it can name: "the NATO defence ministerial meeting" is not the foreign ministers'
    (an event whose phrases name no portfolio may be any ministers')."""
    found = _PORTFOLIO_BEFORE.search(before)
    if found is None or not all(matchers.event_types.get(e) == "ministerial" for e in candidates):
        return False
    portfolio = found.group(1).lower()[:5]  # "defence" and "defense" alike

    def portfolios(event: str) -> set[str]:
        phrases = (p for p, events in matchers.generic_events.items() if event in events)
        return {m.group(1).lower()[:5] for p in phrases for m in _PORTFOLIO_WORD.finditer(p)}

    return all((named := portfolios(e)) and portfolio not in named for e in candidates)


# Ministers after "a meeting of NATO": "a meeting of NATO Defence Ministers".
_MINISTERS_AFTER = re.compile(r" (?:[A-Z][\w-]* ){0,2}Ministers\b")


# Capitalised words that say what kind of meeting a summit is, not where it was held.
_MEETING_QUALIFIERS = _wordset(
    "Annual Extraordinary Special Emergency Informal Formal Jubilee Anniversary Commemorative "
    "Leaders Allied Alliance Defence Defense Foreign Ministers Ministerial Heads State Government "
    "Partners Partnership Security Peace Bilateral Trilateral First Second Third Next Last "
    "Upcoming Historic Virtual Online Joint"
)


def _another_meeting(
    reading: str,
    start: int,
    end: int,
    matched: str,
    word: str | None,
    candidates: Sequence[str],
    matchers: Matchers,
    in_heading: bool,
) -> bool:
    """Whether the phrase at start:end names a meeting none of its events is. `word` is the
    capitalised word right before it, unless that is one of its events' places. In a heading in
    title case, capitals before or after the phrase name nothing ("Leaders Join Meeting in
    Washington")."""
    before = reading[max(0, start - 40) : start]
    return (
        (
            (word is not None and _names_another_meeting(word, matched, candidates, matchers))
            or _summit_of_another_name(matched, reading, end, matchers)
            or _with_someone(matched, reading, end, candidates, matchers)
        )
        and not in_heading
    ) or (
        # (two names joined by a dash are two sides in a heading too: "the Putin-Kim Summit")
        _of_two_sides(before, candidates, matchers, in_heading)
        or _of_ministers(before, reading[end : end + 40], candidates, matchers)
        or _of_another_portfolio(before, candidates, matchers)
    )


# Who held the meeting, right after its phrase: "the summit hosted by Italian Prime Minister
# Giorgia Meloni", "a summit held by Russia".
_HOSTED_BY_AFTER = re.compile(
    r",? (?:(?:that|which) (?:was|is|will be) |to be |being )?"
    r"(?:hosted|held|convened|organi[sz]ed|chaired) by (?:the )?"
)


def _hosted_by_another_state(
    reading: str,
    end: int,
    candidates: Sequence[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> bool:
    """Whether the phrase is followed by its host, a state (or its adjective: "Italian Prime
    Minister") where none of the phrase's meetings was held: none of their places is that state
    or stands for it."""
    if not candidates or not all(matchers.event_types.get(e) in _MEETINGS for e in candidates):
        return False
    opening = _HOSTED_BY_AFTER.match(reading, end)
    if opening is None:
        return False
    host = next((actor for low, _, actor in actors if low == opening.end()), None)
    return (
        host is not None
        and host in matchers.states
        and host not in _named_by_their_places(candidates, matchers)
    )


def _named_by_their_places(candidates: Sequence[str], matchers: Matchers) -> set[str]:
    """The actors the events' places name: a venue's state ("Madrid, Spain"), or the state its
    capital stands for ("Washington")."""
    return {
        owner
        for e in candidates
        for place in matchers.event_places.get(e, ())
        for owner, *_ in matchers.actors.find(place)
    }


def _a_meeting_of_others(
    reading: str,
    end: int,
    matched: str,
    candidates: Sequence[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> bool:
    """Whether the words after the phrase make it a meeting of other parties, held beside one of
    its events as often as not ("the summit with Ukraine and the IP4 countries", "a meeting of
    NATO’s four Indo-Pacific partners"), or one another state hosted: no event is chosen for
    it, and the text's other references are not put in doubt."""
    return (
        _among_parties(reading, end, candidates, actors, matchers)
        or _with_a_leader(reading, end, matched)
        or _of_someone_the_name_holds(matched, reading, end)
        or _hosted_by_another_state(reading, end, candidates, actors, matchers)
        or _COUNTED_STATES_BEFORE.search(
            reading, max(0, end - len(matched) - 30), end - len(matched)
        )
        is not None
        or _of_listed_owners(reading, end - len(matched), candidates, actors, matchers)
    )


# Two names or more joined by "and", in the possessive, and a few words that qualify the
# meeting: "the US, Japan and Philippines' highly-targeted summit", "Japan and South Korea's
# summit".
_NAME = r"(?:the )?[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*"
_LISTED_OWNERS_BEFORE = re.compile(
    rf"(?<![\w’'-]){_NAME}(?:, {_NAME})*,? and {_NAME}(?:[’']s|s[’']) "
    # (words that qualify the meeting, not a preposition: "Kishida’s visits to the NATO summit"
    # own the visits)
    r"(?:(?!(?:to|at|in|of|for|on|with|from|the|an?)\b)[a-z][\w-]* ){0,3}$"
)


def _of_listed_owners(
    reading: str,
    start: int,
    candidates: Sequence[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> bool:
    """Whether names listed in the possessive before a meeting's phrase own it: the meeting of
    those parties ("the US, Japan and Philippines' summit in Washington"), where every event it
    can name is a meeting and none of the names is an organisation holding one of them ("NATO
    and its partners' summit" is NATO's)."""
    if not candidates or not all(matchers.event_types.get(e) in _MEETINGS for e in candidates):
        return False
    low = max(0, start - 100)
    listed = _LISTED_OWNERS_BEFORE.search(reading, low, start)
    if listed is None:
        return False
    holders = frozenset().union(*(matchers.holders(e) for e in candidates))
    # (Where no event lists its parties, any known organisation may hold it.)
    if not any(matchers.event_participants.get(e) for e in candidates):
        holders = matchers.organisations
    return not any(listed.start() <= at < start and actor in holders for at, _, actor in actors)


# A few states counted before the phrase: "the three-nation summit", "a two-way meeting" is theirs
# (a count of an organisation's members is larger: "the 32-nation summit").
_COUNTED_STATES_BEFORE = re.compile(
    r"\b(?:two|three|four|five|[2-5])[- ](?:nation|country|state|party|way|leader)s?[- ]$",
    re.IGNORECASE,
)
# A word that counts a meeting's parties: "a one-on-one summit", "the quadripartite summit".
_COUNTED_PARTIES = re.compile(
    r"(?<![\w-])(?:bilateral|trilateral|quadrilateral|bipartite|tripartite|quadripartite"
    r"|one-on-one)\b",
    re.IGNORECASE,
)


def _of_counted_parties(
    reading: str, start: int, candidates: Sequence[str], matchers: Matchers
) -> list[str] | None:
    """Where a word right before a meeting's phrase counts its parties ("Yoon and Kishida could
    hold a one-on-one summit", "the quadripartite summit on Tuesday"), the events it can name:
    those whose own phrases count their parties ("the Camp David tripartite summit", whose
    phrases hold "trilateral summit"), not a body's summit. None where no word counts them."""
    counted = _COUNTED_PARTIES.search(reading, max(0, start - 20), start)
    if counted is None or reading[counted.end() : start] != " ":
        return None
    named_so = {
        e
        for phrase, events in matchers.generic_events.items()
        if _COUNTED_PARTIES.search(phrase)
        for e in events
    }
    return [e for e in candidates if e in named_so]


# A capitalised word right before the phrase: "its Brussels Summit".
# A year may stand between the name and the phrase: "the IPAC Taipei 2024 Summit".
_WORD_BEFORE_PHRASE = re.compile(r"(?<![.!?:] )(?<!^)\b([A-Z][\w’'-]+) (?:(?:19|20)\d\d )?$")
# A name before the leaders or ministers whose meeting the phrase is: "the G7 leaders’ summit",
# "the G7 leaders summit", "its Quad leader summit", "the Quad Leaders' Summit".
_WHOSE_LEADERS_BEFORE = re.compile(
    r"(?<![.!?:] )(?<!^)\b([A-Z][\w’'-]+) (?:[Ll]eaders?|[Mm]inisters?|[Hh]eads of [Ss]tate)"
    r"(?:[’']s?)? $"
)


def _holder_named(
    candidates: Sequence[str], actors: Sequence[tuple[int, int, str]], matchers: Matchers
) -> bool:
    """Whether the text names a body that holds the candidate meetings, where each of them has
    one: an event of another kind, or a meeting of states alone, needs none."""
    holders = {
        holder
        for e in candidates
        if matchers.event_types.get(e) in _MEETINGS
        for holder in matchers.holders(e)
    }
    return not holders or any(actor in holders for _, _, actor in actors)


def _word_before_phrase(before: str, candidates: Sequence[str], matchers: Matchers) -> str | None:
    """The capitalised word right before the phrase (or before the leaders or ministers whose
    meeting it is: "the G7 leaders’ summit"), unless it is a place of its events; where it is a
    word of a kind of meeting, the name it ends ("the Global Peace Summit", "the Atlantic
    Alliance summit")."""
    found = _WHOSE_LEADERS_BEFORE.search(before) or _WORD_BEFORE_PHRASE.search(before)
    if found is None:
        return None
    # An organisation's name written out is one name: "the North Atlantic Treaty Organization
    # gathering" is NATO's, not an "Organization" gathering's.
    if (written_out := _written_out_before(before, len(before), matchers)) is not None:
        return written_out
    word = found.group(1)
    while found.group(1) in _MEETING_QUALIFIERS:
        earlier = _WORD_BEFORE_PHRASE.search(before, 0, found.start())
        if earlier is None:
            break
        found = earlier
        word = before[found.start(1) :].rstrip()
    if any(
        # (a place's initials with or without stops: "Washington DC" is "Washington, D.C.")
        p.replace(".", "").startswith(word) or p.replace(".", "").endswith(word)
        for e in candidates
        for p in matchers.event_places[e]
    ):
        return None
    return word
