"""Generic references to events ("the NATO summit"), given the one event their context fits."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from natocorpus.annotate.dates import _MONTH_NUMBER, _MONTHS
from natocorpus.annotate.forms import (
    _FUNCTION_WORDS,
    Matchers,
    _key,
    _overlapping,
    _within,
    _wordset,
)
from natocorpus.annotate.implicit_events import _summit_list_spans
from natocorpus.annotate.sentences import _sentence_span
from natocorpus.annotate.zones import _in_heading
from natocorpus.model import (
    ArticleText,
    DateMention,
    EventMention,
    PartialDate,
    UnresolvedReference,
)

# Words that may stand between a determiner and the phrase: names, years and the adjectives
# that place one event in a series ("the annual summit", "NATO's new Strategic Concept").
_BETWEEN = (
    r"(?:[A-Z][\w-]+|(?:1[89]|20)\d\d|\d{1,3}(?:st|nd|rd|th)|annual|latest|recent|upcoming|"
    r"forthcoming|next|last|first|previous|historic|landmark|new|current|two-day|three-day|extraordinary|"
    r"anniversary|jubilee|alliance[’']s|allies[’']|"
    # and the words that judge a war or an invasion ("Russia's unprovoked invasion")
    r"brutal|unprovoked|illegal|illegitimate|ongoing|continuing|full-scale|large-scale|"
    r"protracted|devastating|unjustified|military|aggressive|bloody)"
)
_GENERIC_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|its|their|his|her|our|my|your|last|next|upcoming|recent|year[’']s|\w+[’']s|\w+s[’'])\s+"
    # A place with its country, in commas: "its Vilnius, Lithuania, summit".
    rf"(?:(?:{_BETWEEN}|(?-i:[A-Z][\w-]+,))\s+){{0,2}}|\b(?:1[89]|20)\d\d\s+)[“‘\"']?$",
    re.IGNORECASE,
)

# An indefinite article a few words before: "a civilization-ending nuclear war with Russia".
_INDEFINITE_FAR_BEFORE = re.compile(
    r"\b(?:a|an|another|any)\s+"
    r"(?:(?!(?:the|this|that|its|their|his|her|our|of|at|in|on|to|for|with|from|by|and|or)\b)"
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
    if _INDEFINITE_BEFORE.search(before):
        # "a NATO summit", "another NATO Summit": one of a kind, not a name
        return _PAST_CLAUSE.match(text, end) is not None
    if _INDEFINITE_FAR_BEFORE.search(before):
        return False  # one of a kind, whatever it is said to be between
    words = matched.split()
    first = words[0]
    return (
        (len(first) > 1 and first.isupper())
        or (len(words) > 1 and all(word[:1].isupper() for word in words))
        or _names_its_parties(matched, candidates, matchers)
    )


# A clause in the past tense after an indefinite phrase: it tells of one event that took place.
_PAST_CLAUSE = re.compile(
    r",? (?:(?:that|which) (?:\w+ ){0,2}?(?:began|opened|ended|closed|concluded|was|were|took"
    r"|brought|met|\w+ed)|(?:held|hosted|convened|attended|opened) (?:in|at|on|by|last))\b"
)


def _names_its_parties(matched: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether the phrase names a party to the one event it can name: "Russia-Ukraine conflict";
    not the name of a series ("NATO summit preparations"), nor after "a" (turned down before)."""
    owners = {owner for owner, *_ in matchers.actors.find(matched)}
    return (
        len(candidates) == 1
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
    the Spanish capital, Madrid", " at the city of Riga"."""
    return re.compile(
        rf" (?:in|at) (?:the (?:[\w’'-]+ ){{0,2}}(?:capital|city|town|resort)(?: of|,) )?"
        rf"{re.escape(name)}\b"
    )


# A place right after the phrase: "the summit in The Hague", "the summit at Camp David".
_PLACE_AFTER = re.compile(r" (?:in|at) ((?:The )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")
_NOT_PLACES = re.compile(rf"(?:{_MONTHS}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")


def _held_elsewhere(after: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether the phrase is placed where none of its events was held ("the NATO summit in The
    Hague" when no summit there is known): it names an event the knowledge base lacks, and no
    known one may be chosen. The place is a name no actor holds, or a state's or its capital's;
    a name that is another kind of actor ("the first summit in NATO history") is no place."""
    found = _PLACE_AFTER.match(after)
    if (
        found is None
        or _NOT_PLACES.match(found.group(1))
        # an event with no place of its own ("the war in Ukraine") is not held anywhere
        or not all(matchers.event_places[event] for event in candidates)
    ):
        return False
    name = found.group(1)
    first = name.split()[-1] if name.startswith("The ") else name.split()[0]
    if any(
        re.match(rf"{re.escape(p)}n?\b", name) or p.startswith(first)
        for event in candidates
        for p in matchers.event_places[event]
    ):
        return False
    owners = {owner for owner, *_ in matchers.actors.find(name)}
    return owners <= matchers.states


# A capitalised word right before the phrase: "its Brussels Summit".
_WORD_BEFORE_PHRASE = re.compile(r"(?<![.!?:] )(?<!^)\b([A-Z][\w’'-]+) $")


def _names_another_meeting(word: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether the capitalised word before a meeting's phrase names another meeting: a place the
    knowledge base holds no event in ("NATO’s Hague summit", "the Riga NATO Summit"), or a body
    that takes part in none of its events ("the Quad summit"); not a party to one of them, a
    month or weekday, or a kind of meeting ("Extraordinary", "Leaders’")."""
    return (
        all(matchers.event_types.get(e) in _MEETINGS for e in candidates)
        and any(c.islower() for c in word)  # not a line in capitals ("FOR NATO SUMMIT")
        and not word.endswith(("’", "'", "’s", "'s"))
        and word not in _MEETING_QUALIFIERS
        and word not in _FUNCTION_WORDS
        and _NOT_PLACES.match(word) is None
        and not any(
            # A name of a party to one of them ("the NATO summit"), or a state, which may be
            # the host ("the US NATO summit"); another body's name is another meeting's ("the
            # Quad summit", "the AUKUS summit").
            owner in matchers.states
            or any(owner in matchers.event_participants.get(e, ()) for e in candidates)
            for owner, *_ in matchers.actors.find(word)
        )
    )


# A portfolio before "summit" or "meeting" makes it a meeting of those ministers ("NATO's defence
# summit"), not the leaders' summit.
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:defen[cs]e|foreign|finance|trade|economic|economy|energy|climate|health|interior"
    r"|agriculture|environment|transport)(?: ministers[’']?)? $",
    re.IGNORECASE,
)


def _of_ministers(before: str, candidates: Sequence[str], matchers: Matchers) -> bool:
    """Whether a portfolio names the meeting as one of ministers, where every event the phrase
    can name is a summit of leaders."""
    return _PORTFOLIO_BEFORE.search(before) is not None and all(
        matchers.event_types.get(e) == "summit" for e in candidates
    )


def _word_before_phrase(before: str, candidates: Sequence[str], matchers: Matchers) -> str | None:
    """The capitalised word right before the phrase, unless it is a place of its events."""
    found = _WORD_BEFORE_PHRASE.search(before)
    if found is None:
        return None
    word = found.group(1)
    if any(
        p.startswith(word) or p.endswith(word) for e in candidates for p in matchers.event_places[e]
    ):
        return None
    return word


_MEETINGS = frozenset({"summit", "ministerial", "meeting"})
# Capitalised words that say what kind of meeting a summit is, not where it was held.
_MEETING_QUALIFIERS = _wordset(
    "Annual Extraordinary Special Emergency Informal Formal Jubilee Anniversary Commemorative "
    "Leaders Allied Alliance Defence Defense Foreign Ministers Ministerial Heads State Government "
    "Partners Partnership Security Peace Bilateral Trilateral First Second Third Next Last "
    "Upcoming Historic Virtual Online Joint"
)


def _by_place(text: str, candidates: Sequence[str], matchers: Matchers) -> list[str]:
    return [e for e in candidates if any(_names_place(p, text) for p in matchers.event_places[e])]


def _names_place(place: str, text: str) -> bool:
    """Whether the text names the place ("Lithuania", "Lithuanian"), not its government in the
    possessive ("Washington’s push", "Washington's transatlantic ties")."""
    return re.search(rf"\b{re.escape(place)}n?\b(?![’']s\b)", text) is not None


def _in_force(candidates: Sequence[str], matchers: Matchers, published: PartialDate) -> list[str]:
    """Of documents ("the Strategic Concept"), the one in force when the text was published: the
    latest published before it, when every candidate is a publication."""
    if not candidates or any(matchers.event_types.get(e) != "publication" for e in candidates):
        return []
    before = [e for e in candidates if matchers.event_dates[e].sort_key <= published.sort_key]
    if not before:
        return []
    return [max(before, key=lambda e: matchers.event_dates[e].sort_key)]


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
    generic_found = matchers.generic.find(reading)
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
    for phrase, matched, start, end in generic_found:
        if _overlapping(named_spans, start, end):
            continue
        candidates = list(matchers.generic_events[phrase])
        possible = tuple(candidates)
        before = reading[max(0, start - 40) : start]
        word = _word_before_phrase(before, candidates, matchers)
        if word is not None and word in matchers.known_places:
            # Named after a place where the knowledge base holds events but none of the
            # phrase's ("its Brussels Summit"): part of the name of an event it lacks, which
            # the coverage check reports whole.
            unknown_kinds.update(possible)
            continue
        elsewhere = (
            word is not None
            and _names_another_meeting(word, candidates, matchers)
            and not in_heading(start)
        ) or _of_ministers(before, candidates, matchers)
        if elsewhere:
            # An event the knowledge base lacks: listed as a reference no known event fits.
            unknown_kinds.update(possible)
        if (
            not _definite(reading, start, end, matched, candidates, matchers)
            and not _placed(reading[end : end + 80], candidates, matchers)
            and not _indefinite_names_one(
                text, reading, start, matched, candidates, dates, matchers
            )
            and len(_told_after(reading, end, candidates, dates, actors, matchers)) != 1
        ):
            continue
        paragraph, sentence = place(start)
        if _THEIRS_BEFORE.search(before):
            candidates = _of_whom_the_sentence_names(
                text, reading, start, candidates, actors, matchers
            )
        # The places and dates that name another event ("proposed during the 2022 Madrid
        # summit") are that event's: its words are not this reference's context.
        block = text.block_at(start)
        others = [
            (low, high)
            for low, high in referring
            if block.start <= low < block.end and not low <= start < high
        ]
        context, context_dates = reading, dates
        if others:
            context = _without(reading, others)
            context_dates = [d for d in dates if not _overlapping(others, d.start, d.end)]
        candidates = _recurring_fitting(
            text, reading, (start, end), candidates, actors, context_dates, published, matchers
        )
        if elsewhere or (
            candidates and _held_elsewhere(reading[end : end + 80], candidates, matchers)
        ):
            candidates = []
        if candidates:
            antecedent = None
            if _PLAIN_BEFORE.search(before):
                guessed = {id(m) for m, _ in by_publication}
                told = [
                    *((m.start, m.event) for m in named),
                    *((m.start, None if id(m) in guessed else m.event) for m in resolved),
                    *((r.start, None) for r in unresolved),
                ]
                antecedent = _last_named(reading, (block.start, start), told)
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
            )
            candidates = _by_publication_year(text, context, start, local, published, matchers)
        else:
            local = []
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
            if len(local) != 1:
                by_publication.append((mention, possible))
        else:
            if not candidates and _YEAR_BEFORE.search(reading, max(0, start - 5), start):
                # "the 2025 summit" where no known summit is of 2025: the text tells of one the
                # knowledge base lacks, which its later "the summit" may be.
                unknown_kinds.update(possible)
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
    if unknown_kinds:
        # The text tells of a meeting the knowledge base lacks ("NATO’s Hague summit"): its
        # later "the summit" may be that one, and the publication date cannot say which.
        for mention, possible in by_publication:
            if mention.event in unknown_kinds:
                resolved.remove(mention)
                unresolved.append(
                    UnresolvedReference(
                        mention.text,
                        mention.start,
                        mention.end,
                        mention.paragraph,
                        mention.sentence,
                        possible,
                    )
                )
        unresolved.sort(key=lambda reference: reference.start)
    return resolved, unresolved


_YEAR_BEFORE = re.compile(r"(?<!\w)(?:1[89]|20)\d\d $")
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


# A determiner that sets the reference apart from no other event: not "this year’s", "next",
# "another", a year.
_PLAIN_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)|\b[A-Z][\w-]*[’']s) $")


# Words before a reference that set its event apart from the one the text is about: "last year's
# Madrid summit. The summit communiqué" is this year's.
_SET_APART_BEFORE = re.compile(
    r"\b(?:last|previous|past|former|earlier|since|after|before|following)\b[^.;:]{0,25}$",
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


def _without(reading: str, spans: Sequence[tuple[int, int]]) -> str:
    """The reading text with the spans blanked out, its offsets unchanged."""
    pieces, last = [], 0
    for low, high in sorted(spans):
        low = max(low, last)
        pieces += [reading[last:low], " " * (high - low)]
        last = max(last, high)
    return "".join([*pieces, reading[last:]])


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
) -> list[str]:
    """The candidates that the names and the year before the phrase, a month before it, the
    places and dates of its sentence, the event its paragraph last named (`antecedent`) and the
    places and dates of its paragraph leave (the publication date only rules out what had not
    begun by then, unless a word looks ahead): what is around the reference decides."""
    candidates = _of_its_parties(reading, start, candidates, actors, matchers)
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
    month = _MONTH_BEFORE.search(reading, max(0, start - 12), start)
    forward = _FORWARD_BEFORE.search(reading, max(0, start - 40), start) is not None
    if (
        month is None
        and not any(_began_by(matchers, e, published) for e in candidates)
        and not forward
    ):
        # A text speaks of what has begun by the day it was published, or of what is to come
        # with a word that says so ("the next summit", "the June summit") or with its date
        # or place in the sentence ("the summit in Madrid"): "the Russian invasion" in a
        # text of 2015 is not the war of 2022.
        in_sentence = _fitting(text, reading, start, candidates, dates, matchers, depth=1)
        candidates = in_sentence if len(in_sentence) < len(candidates) else []
    around = _fitting(text, reading, start, candidates, dates, matchers, antecedent=antecedent)
    if month is not None:
        # "the July summit": the month says which, in whatever year the context gives; where it
        # gives none, a July within a year of the publication ("the June summit" in May 2025 is
        # not June 2022's).
        number = _MONTH_NUMBER[month.group(1)]
        around = [
            e
            for e in around
            if _in_month(matchers, e, number)
            and (len(around) < len(candidates) or _near(matchers.event_dates[e], published))
        ]
    return around


def _by_publication_year(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: list[str],
    published: PartialDate,
    matchers: Matchers,
) -> list[str]:
    """Of the candidates the context left, those of the year of publication, or else the
    document in force then; the candidates as they were where neither decides."""
    if len(candidates) <= 1:
        return candidates
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
    return same_year or _in_force(candidates, matchers, published) or candidates


_MONTH_BEFORE = re.compile(rf"(?<![\w-])({_MONTHS})\s+$")
_FORWARD_BEFORE = re.compile(
    r"\b(?:next|upcoming|forthcoming|coming|planned|future|proposed|expected|scheduled|"
    r"prospective|new|draft)\s+(?:[\w’'-]+\s+){0,2}[“‘\"']?$",
    re.IGNORECASE,
)


# Words that tell of what is to come: a sentence with them may speak of an event not yet begun.
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|shall|won[’']t|is to|are to|to be held|plans?|planned|planning|expected"
    r"|expects|ahead of|scheduled|upcoming|forthcoming|next|coming|preparing|preparations?"
    r"|hosting)\b|[’']ll\b",
    re.IGNORECASE,
)


def _began_by(matchers: Matchers, event: str, published: PartialDate) -> bool:
    """Whether the event had begun by the publication date, at the coarser of the precisions."""
    first = matchers.event_dates[event]
    return _key(first, published) <= _key(published, first)


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


# Capitalised words, possessives and compounds just before a phrase: its qualifiers.
_NOUN_PHRASE_BEFORE = re.compile(r"(?:[A-Z][\w’'.-]*(?:[’']s?)?\s+)+$")


# A possessive pronoun before the phrase: the meeting is of those the sentence has named.
_THEIRS_BEFORE = re.compile(r"\b(?:[Tt]heir|[Hh]is|[Hh]er|[Ii]ts) $")


def _of_whom_the_sentence_names(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: list[str],
    actors: Sequence[tuple[int, int, str]],
    matchers: Matchers,
) -> list[str]:
    """Of the candidates, those that "their summit" can be: where the sentence names actors
    before it and none is an organisation holding a candidate ("Biden, Yoon and Kishida will talk
    at their meeting in Madrid"), that candidate is another meeting, of those named."""
    low, _ = _sentence_span(text, reading, start)
    named = {actor for left, _, actor in actors if low <= left < start}
    if not named:
        return candidates
    return [
        e
        for e in candidates
        if matchers.event_types.get(e) not in _MEETING_TYPES  # "his visit" is the visitor's
        or not (holders := matchers.event_participants.get(e, frozenset()) & matchers.organisations)
        or holders & named
    ]


_MEETING_TYPES = frozenset({"summit", "ministerial", "meeting"})


def _in_month(matchers: Matchers, event: str, month: int) -> bool:
    """Whether an event dated to the month or day took place (began or ended) in `month`."""
    first, last = matchers.event_dates[event], matchers.event_ends[event]
    return month in {first.month, last.month if last is not None else first.month} - {None}


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
    date of the sentence within it, or else a publication less than a year after its end ("the
    foreign ministers' meeting in Brussels" a year on is another meeting there). A visit needs its
    visitor in the sentence besides: "his visit to Japan" is the NATO Secretary General's where
    the sentence names him or NATO, and no known visit where it names only the places visited."""
    start, end = span
    low, high = _sentence_span(text, reading, start)
    named = {actor for left, _, actor in actors if low <= left < high and not start <= left < end}
    values = [d.value for d in dates if d.value and low <= d.start < high]

    def fits(event: str) -> bool:
        kind = matchers.event_types.get(event)
        if kind not in _RECURRING:
            return True
        if kind == "visit" and not named & _visitors(event, matchers):
            return False
        first, last = matchers.event_dates[event], matchers.event_ends[event]
        return any(_within(v, first, last) for v in values) or _within_a_year(
            last or first, published
        )

    return [e for e in candidates if fits(e)]


def _near(first: PartialDate, published: PartialDate) -> bool:
    """Whether `first` is less than a year from `published`, before or after it, at the
    coarser precision."""
    if published.month is None or first.month is None:
        return abs(first.year - published.year) <= 1
    return abs((first.year - published.year) * 12 + first.month - published.month) < 12


def _within_a_year(last: PartialDate, published: PartialDate) -> bool:
    """Whether `published` is less than a year after `last`, at the coarser precision."""
    if published.month is None or last.month is None:
        return published.year <= last.year
    return (published.year, published.month) < (last.year + 1, last.month)


def _visitors(event: str, matchers: Matchers) -> frozenset[str]:
    """A visit's participants other than the places visited (the states their cities name)."""
    hosts = {
        owner for name in matchers.event_places[event] for owner, *_ in matchers.actors.find(name)
    }
    return matchers.event_participants.get(event, frozenset()) - hosts


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
    exactly one of the events the phrase can name, or a month or day within exactly one; a bare
    "a summit" never does."""
    low, high = _sentence_span(text, reading, start)
    precise = [
        d.value for d in dates if d.value and d.value.month is not None and low <= d.start < high
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


def _fitting(
    text: ArticleText,
    reading: str,
    start: int,
    candidates: list[str],
    dates: Sequence[DateMention],
    matchers: Matchers,
    depth: int = 2,
    antecedent: str | None = None,
) -> list[str]:
    """The candidates the places and dates of the reference's sentence fit, then the event its
    paragraph last named (`antecedent`), then the places and dates of its paragraph (at `depth`
    2), as far as each narrows them."""
    block = text.block_at(start)
    sentence_span = _sentence_span(text, reading, start)
    in_clause = _in_its_clause(reading, sentence_span, start, candidates, dates, matchers)
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
            for d in dates
        ):
            # The sentence dates it, and no such event is known. A relative date ("in the next
            # year") is more often the date of something else the sentence tells, and so is a
            # date in a clause of its own ("Kishida, who attended the summit in June 2022, has
            # said since the war began") or one that qualifies another name ("the 1950-53 Korean
            # War").
            candidates = []
        if len(candidates) <= 1:
            break
    return candidates


# A name right after a date and its determiner, which the date qualifies: "the 1950-53 Korean
# War", "Russia's 2014 Crimea annexation"; not "In 1950 Georgia".
_NAME_AFTER = re.compile(r"(?:[-–]\d{2,4})? [A-Z]")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w-]*[’']s) $")


# Where a clause of a sentence ends: a comma, semicolon, colon or dash, or a conjunction that
# sets what follows in another time ("after", "before", "while"). Not "and": "arrived in Vilnius
# and is attending the summit" is one account of one event.
_CLAUSE_BREAK = re.compile(
    r"[,;:]\s|\s[–—]\s|(?<=\w)—(?=\w)|\s(?:after|before|while|whereas|although|though|unlike"
    r"|than|but|since|until)\s"
)


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
) -> str | None:
    """The one candidate the places and dates of the reference's own clause fit, where they
    fit one: in "attending the summit in Vilnius, after the one in Spain last year" the later
    clause's place and date belong to another event. None where the clause decides nothing."""
    low, high = _clause_span(reading, sentence, start)
    if (low, high) == sentence:
        return None  # one clause: the sentence decides
    clause = reading[low:high]
    clause_dates = [d.value for d in dates if d.value and low <= d.start < high]
    by_place = {
        e for e in candidates if any(_names_place(p, clause) for p in matchers.event_places[e])
    }
    by_date = {
        e
        for e in candidates
        if any(_within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in clause_dates)
    }
    fits = (by_place & by_date) if by_place and by_date else (by_place or by_date)
    return next(iter(fits)) if len(fits) == 1 else None


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
    return start
