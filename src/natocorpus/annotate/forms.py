"""Matching the knowledge base's forms: one compiled pass over all surface forms, longest first,
with the phrases that block a match and the context rules that turn a form down where the words
around it make a longer name that is not it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

import msgspec

from natocorpus.annotate.generic_phrases import (
    _WAR_COMPOUND_HEADS,
    _acronyms,
    _alliances,
    _as_leaders_meetings,
    _as_meetings,
    _by_a_partys_other_name,
    _by_its_visitor,
    _by_other_words_for_a_journey,
    _by_other_words_for_a_turn,
    _by_other_words_for_war,
    _expanded,
    _foreign_affairs_ministers,
    _in_the_plural,
    _judged_pattern,
    _legs,
    _places,
    _told_by_its_parties,
    _venues,
    _with_ordinals_in_words,
)
from natocorpus.annotate.kinds import (
    ADJECTIVAL,
    CAPITAL,
    CITY,
    SHORT_OF_QUALIFIED,
    STATE,
    TITLE,
    form_kind,
    short_of_a_qualified_formal_name,
)
from natocorpus.annotate.phrases import PhraseIndex, lowered
from natocorpus.annotate.summits import SummitIndex, vague_by_year
from natocorpus.annotate.variants import (
    any_case_forms,
    with_its_year,
    with_title_case,
    with_variants,
    written_variants,
)
from natocorpus.model import KnowledgeBase, PartialDate, SurfaceForm


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# One compiled pass over all surface forms -------------------------------------------


class FormMatcher(msgspec.Struct, frozen=True):
    """Finds every surface form of a set of things in a text, word-bounded, longest first.

    Blocking phrases (owner "") take part in the same longest-match pass and produce no mention:
    a form inside one, or running across its edge, is not a mention. Generic matchers ignore
    case."""

    phrases: PhraseIndex | None  # every form and blocking phrase
    owners: dict[str, tuple[str, str]]  # form (lower-cased when ignoring case) -> (owner, form)
    rules: dict[str, tuple[str, ...]]
    kinds: dict[str, int] = {}
    blocks: PhraseIndex | None = None  # the blocking phrases alone
    ignore_case: bool = False
    # Each form that opens a longer hyphenated one -> the longer ones ("Asia" -> "Asia-Pacific"):
    # a word made from the longer name ("Asia-Pacificization") names neither.
    compounds: dict[str, tuple[str, ...]] = {}

    @classmethod
    def compile(
        cls,
        forms: Iterable[tuple[str, SurfaceForm]],
        *,
        blocking: Iterable[str] = (),
        kinds: dict[str, int] | None = None,
        ignore_case: bool = False,
    ) -> FormMatcher:
        owners: dict[str, tuple[str, str]] = {}
        rules: dict[str, tuple[str, ...]] = {}

        def key(text: str) -> str:
            return lowered(text) if ignore_case else text

        for owner, form in forms:
            owners.setdefault(key(form.text), (owner, form.text))
            if form.unless_after:
                rules[form.text] = form.unless_after
        blocked = sorted({key(text) for text in blocking if text.strip()} - set(owners))
        for text in blocked:
            owners[text] = ("", text)
        if not owners:
            return cls(None, owners, rules, kinds or {})
        phrases = PhraseIndex(owners, ignore_case=ignore_case)
        blocks = PhraseIndex(blocked, ignore_case=ignore_case) if blocked else None
        compounds: dict[str, list[str]] = {}
        for text in owners:
            for at, char in enumerate(text):
                if char == "-" and text[:at] in owners:
                    compounds.setdefault(text[:at], []).append(text)
        return cls(
            phrases,
            owners,
            rules,
            kinds or {},
            blocks,
            ignore_case,
            {form: tuple(longer) for form, longer in compounds.items()},
        )

    def _rulers_named(self, before: str) -> bool:
        """Whether those who govern before "in" are named by a known actor: a state's adjective
        ("South Korean officials in Seoul") or another's name ("NATO leaders in Washington")."""
        named = _RULERS_NAMED_IN.search(before)
        if named is not None and self.kinds.get(named.group(1), 0) & STATE:
            return True
        of_another = _RULERS_OF_IN.search(before)
        return of_another is not None and of_another.group(1) in self.owners

    def _in_a_derived_word(self, text: str, start: int, longer: tuple[str, ...]) -> bool:
        """Whether a longer hyphenated form begins at `start` and a word goes on right after it:
        "Asia-Pacificization", "Asia-Pacificized" are words made from "Asia-Pacific"."""
        for form in longer:
            written = text[start : start + len(form)]
            if (lowered(written) if self.ignore_case else written) == form and text[
                start + len(form) : start + len(form) + 1
            ].isalpha():
                return True
        return False

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """(owner, form, start, end) of each match. The form is the one string object of the
        knowledge base, not a copy per mention: a text's mentions of NATO share one "NATO"."""
        if self.phrases is None:
            return []
        written = text
        if "\u2011" in text:
            # A non-breaking hyphen is a hyphen ("non‑NATO", "Japan‑NATO ties", "NATO‑grade"),
            # read as one, one character for one, so that every offset holds.
            text = text.replace("\u2011", "-")
        owners, rules = self.owners, self.rules
        found: list[tuple[str, str, int, int]] = []
        longest = self.phrases.longest(text)
        starts = sorted(longest)
        at = 0
        while at < len(starts):
            start = starts[at]
            end = longest[start]
            if " " in text[start:end]:
                # A longer form that begins inside this one wins: "the East Asia of tomorrow"
                # is East Asia, not "the East" and Asia.
                for inner in _INNER_WORD.finditer(text, start + 1, end):
                    if longest.get(inner.start(), 0) > end:
                        start = inner.start()
                        end = longest[start]
                        break
            matched = text[start:end]
            at = bisect_left(starts, end, at + 1)
            key = lowered(matched) if self.ignore_case else matched
            owner, form = owners[key]
            if not owner:
                continue  # a blocking phrase: it names nothing the knowledge base knows
            if (
                text[end : end + 1] == "-"
                and key in self.compounds
                and self._in_a_derived_word(text, start, self.compounds[key])
            ):
                continue
            if form in rules and text[end : end + 2] not in ("’s", "'s"):
                # (A possessive is the government's: "aid to Kyiv's war effort".)
                before = _past_an_aside(text[max(0, start - _RULE_CONTEXT) : start])
                if (
                    _MET_RULERS_IN.search(before) is not None
                    or (_NAME_WORD_BEFORE.search(before) and _NAME_WORD_AFTER.match(text, end))
                    or (
                        _ends_with_any(opening := _before_a_list(before), rules[form])
                        and (
                            not _RULERS_IN.search(opening)
                            or self._rulers_named(opening)
                            or _COUNTED_RULERS_IN.search(opening) is not None
                        )
                        and not _SERVANTS_FROM.search(opening)
                        and not _ASKED_FROM.search(opening)
                        and not (_FELT_IN.search(opening) and not _WHERE_AFTER.match(text, end))
                        and not _GIVEN_TO.search(opening)
                        and not _ENVOYS_TO.search(opening)
                    )
                ):
                    continue
            if self.ignore_case or (written is not text and "\u2011" in written[start:end]):
                form = written[start:end]  # as written: with its non-breaking hyphen
            found.append((owner, form, start, end))
        if self.blocks is not None and found:
            # A blocking phrase that begins inside a form ("the East" of "the East German
            # state", with "East German" blocked) turns that form down too.
            spans = self.blocks.spans(text)
            found = [f for f in found if not _crosses(spans, f[2], f[3])]
        return found


def _crosses(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether some span overlaps start..end without lying wholly inside it."""
    for left, right in spans:
        if left < end and start < right and not (start <= left and right <= end):
            return True
    return False


_RULE_CONTEXT = 80  # characters before a match that an unless_after rule looks at
# Those who govern, "in" their capital: the capital stands for the government there ("regimes in
# Moscow", "officials in Washington"), not for a venue as after "reporters in" or "a summit in".
_RULERS_IN = re.compile(
    r"\b(?:regimes?|officials|authorities|leaders(?:hip)?|policy-?makers|decision-makers|rulers"
    r"|governments?|elites) in (?:the )?$",
    re.IGNORECASE,
)
# Those who govern, counted, "in" a capital: where they met ("signed by the two leaders in
# London", "both leaders in Tokyo"), not its government.
_COUNTED_RULERS_IN = re.compile(
    r"\b(?:two|three|four|five|both|\d+)\s+(?:leaders|officials|ministers|heads of state)"
    r" in (?:the )?$",
    re.IGNORECASE,
)
# Those who serve a government, "from" its capital: "their counterparts from Canberra",
# "officials from Beijing" (not "flew from Canberra": a place).
_SERVANTS_FROM = re.compile(
    r"\b(?:counterparts|officials|diplomats|envoys|emissaries|negotiators|ministers|delegates"
    r"|delegations?) from (?:the )?$",
    re.IGNORECASE,
)
# What a government asks, demands or threatens "from" its capital: "a request from Kyiv",
# "demands from Washington", "threats from Beijing" (not "flew in from Kyiv": a place).
_ASKED_FROM = re.compile(
    r"\b(?:requests?|demands?|appeals?|pleas?|calls?|proposals?|offers?|invitations?|pressure"
    r"|warnings?|threats?|ultimatums?|protests?|objections?|complaints?|assurances?|pledges?"
    r"|statements?|announcements?|responses?|reactions?|comments?|messages?|signals?)"
    r" from (?:the )?$",
    re.IGNORECASE,
)
# What is felt "in" a capital is its government's: "wariness not only in Beijing", "met with
# anger in Moscow", "concern and discomfort in New Delhi".
_FELT_IN = re.compile(
    r"\b(?:wariness|concerns?|alarm|anger|unease|worr(?:y|ies)|suspicions?|irritation|displeasure"
    r"|outrage|discomfort|dismay|nervousness|fears?|s[ck]epticism|frustration)"
    r"(?: [\w-]+){0,3} in (?:the )?$",
    re.IGNORECASE,
)
# A clause on what happens in a place, after it: "outrage in Beijing, where the foreign ministry
# ..." is felt in the city.
_WHERE_AFTER = re.compile(r",? where\b")
# An envoy "to" a capital is accredited to its government: "the U.S. ambassador to Seoul",
# "China's envoy to Canberra" (not "a visit to Seoul": a place).
_ENVOYS_TO = re.compile(
    r"\b(?:ambassadors?|envoys?|emissar(?:y|ies)|high commissioners?|charg[ée]s? d[’']affaires)"
    r" to (?:the )?$",
    re.IGNORECASE,
)
# What is given, sent or offered "to" a capital goes to its government: "a military aid
# package to Kyiv", "weapons to Moscow", "support to Seoul", "an ‘unofficial offer’ to New Delhi".
_GIVEN_TO = re.compile(
    r"\b(?:aid|assistance|support|packages?|weapons|arms|ammunition|munitions|missiles|loans?"
    r"|tanks|jets|aircraft|drones|howitzers|shells|rockets|artillery|equipment|vehicles"
    r"|funding|supplies|shipments?|deliveries|offers?|invitations?|proposals?|requests?|appeals?"
    r"|demands?|ultimatums?|warnings?|messages?|overtures?)[’'\"”]? to $",
    re.IGNORECASE,
)

# A capital between two words of another name is part of it: "Modern Tokyo Times"; not a
# sentence's first word or a function word before it ("In Tokyo Kishida said").
_NAME_WORD_BEFORE = re.compile(
    r"(?<![.!?:\n] )(?<!^)\b(?!(?:The|A|An|In|On|At|And|But|Or|Of|For|To|By|From|With|As)\b)"
    r"[A-Z][a-z]+ $"
)
_NAME_WORD_AFTER = re.compile(r" [A-Z][a-z]+\b")

# Those who govern met where they are: "met with senior officials in Seoul and Tokyo", "met last
# week with senior officials in Seoul" tell of meetings there.
_MET_RULERS_IN = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|talked|spoke|speak|speaks|visited|visiting)(?: with)?"
    r"\s+(?:[\w-]+\s+){0,5}(?:officials|authorities|leaders(?:hip)?|policy-?makers"
    r"|decision-makers|counterparts) in (?:the )?(?:[A-Z][\w’'-]*(?:, | and | or ))*$",
    re.IGNORECASE,
)
# Where a word begins inside a match, for a longer form that may begin there.
_INNER_WORD = re.compile(r"(?<=[\s-])\w")
# Those who govern, already named by their state: "South Korean officials in Seoul" are where
# they are, in Seoul.
_RULERS_NAMED_IN = re.compile(
    r"\b((?:[A-Z][\w-]* )?[A-Z][\w-]*)\s+(?:[a-z][\w-]*\s+){0,3}(?:regimes?|officials|authorities"
    r"|leaders(?:hip)?|policy-?makers|decision-makers|rulers|governments?|elites) in (?:the )?$"
)
# Those who govern, named right before by another actor: "NATO leaders in Washington" meet there.
_RULERS_OF_IN = re.compile(
    r"\b([A-Z][\w-]*) (?:officials|authorities|leaders(?:hip)?|policy-?makers|decision-makers)"
    r" in (?:the )?$"
)
# The closed class of English words, capitalised where a sentence or a question opens: a capital
# on them says nothing of a name. The annotator (`_FUNCTION_WORDS`) and the coverage check
# (`coverage.words`) each keep these apart, and a few more of their own.
CLOSED_CLASS_WORDS = _wordset(
    # determiners, pronouns and conjunctions
    "A An The This That These Those It Its And But Or Nor So Both Each Every All Any No Not Such "
    "Their They There Here We Our You He She His Her Who What Which Where Why How I "
    "Either Neither Whatever Whichever Even Only Perhaps Maybe Let Also Then Once Yet Instead "
    "However Although Though Because Whether If When While Since Until "
    # prepositions that open a sentence: "Given Russian aggression", "Alongside Russian animosity"
    "In On At By For From Of To With As After Before During Under Over Between Among Against "
    "Despite Amid Amidst Unlike Without Within Through Beyond Toward Towards Upon Via "
    "Alongside Along Around Beside Behind Beneath Below Above Inside Outside Throughout Into Onto "
    "Except "
    # the verbs that open a question: "Is Australian engagement with NATO wise?"
    "Is Are Was Were Do Does Did Has Have Had Can Could Will Would Shall Should Might Must"
)
# Capitalised words that do not extend a name: the closed class, titles before a name ("Mr"),
# and the sentence openers the annotator reads as such ("Following", "Today").
_FUNCTION_WORDS = CLOSED_CLASS_WORDS | _wordset(
    "Mr Mrs Ms Dr Former Another Like Following Regarding Concerning Including Given Across "
    "Besides Unless Now Still Meanwhile Today Yesterday Thus Hence Just"
)


# The names listed before a later one: "Seoul and " of "in Seoul and Tokyo", "Beijing, Seoul
# and " of "to Beijing, Seoul and Tokyo".
_LISTED_NAMES_BEFORE = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}(?:, |,? (?:and|or) ))+$"
)


# A short aside in brackets between a word and the name it governs: "in (a very hot) Washington".
_ASIDE_BEFORE = re.compile(r" \([^()\n]{1,30}\) $")


def _past_an_aside(before: str) -> str:
    """What comes before a name with the aside in brackets right before it left out: "is also in
    (a very hot) " reads as "is also in "."""
    if not before.endswith(") "):
        return before
    aside = _ASIDE_BEFORE.search(before)
    return before if aside is None else before[: aside.start()] + " "


def _before_a_list(before: str) -> str:
    """What comes before the list a name closes: a venue's word before the list holds for each
    name of it, "in Seoul and Tokyo" as "in Seoul and in Tokyo"."""
    listed = _LISTED_NAMES_BEFORE.search(before)
    return before if listed is None else before[: listed.start()]


def _ends_with_any(before: str, phrases: Sequence[str]) -> bool:
    """Whether the words of `before` end with one of `phrases`, ignoring case."""
    tail = before.split()
    for phrase in phrases:
        words = phrase.split()
        if words and [w.lower() for w in tail[-len(words) :]] == [w.lower() for w in words]:
            return True
    return False


def _within(value: PartialDate, start: PartialDate, end: PartialDate | None) -> bool:
    """Whether a date falls between an event's start and end, each compared at the coarser of
    the two precisions: "July 2023" falls within 11-12 July 2023, "2022" within June 2022."""
    if value.year < start.year or value.year > (end or start).year:
        return False  # the common case, decided by the years alone
    return _key(start, value) <= _key(value, start) and _key(value, end or start) <= _key(
        end or start, value
    )


def _key(date: PartialDate, other: PartialDate) -> tuple[int, int, int]:
    """`date` as a sortable key, at the coarser of its precision and `other`'s."""
    if date.month is None or other.month is None:
        return (date.year, 0, 0)
    if date.day is None or other.day is None:
        return (date.year, date.month, 0)
    return (date.year, date.month, date.day)


# A war's name that runs into a compound of "war" naming no war is not a mention ("Russia's war
# economy" is an economy).
_COMPOUNDS_OF_WAR = tuple(f"war {head}" for head in _WAR_COMPOUND_HEADS)


class Matchers(msgspec.Struct, frozen=True):
    actors: FormMatcher
    events: FormMatcher
    event_dates: dict[str, PartialDate]
    event_ends: dict[str, PartialDate | None]
    event_places: dict[str, tuple[str, ...]]
    generic: FormMatcher  # owner: the phrase, lower-cased
    generic_events: dict[str, tuple[str, ...]]  # phrase -> the events it can name
    # Event id -> its type ("summit", "publication", ...).
    event_types: dict[str, str] = msgspec.field(default_factory=dict)
    # Event id -> the actors taking part.
    event_participants: dict[str, frozenset[str]] = msgspec.field(default_factory=dict)
    # Reference authors' names -> actor ids (see `references.author_names`).
    authors: dict[str, str] = msgspec.field(default_factory=dict)
    # Actors that are groups of others ("the Asia-Pacific partners"): one names its members.
    groupings: frozenset[str] = frozenset()
    # An office's form that holds its organisation's name ("NATO Secretary General") -> the
    # names it is made of, as (start, end, owner) within the form (see `_title_parts`).
    title_parts: dict[str, tuple[tuple[int, int, str], ...]] = msgspec.field(default_factory=dict)
    # The actors' longer forms in any case, for lines in capitals (see `variants`).
    any_case: FormMatcher | None = None
    # The offices' titles among them, lower-cased: before a name in capitals, its holder's title.
    titles_in_any_case: frozenset[str] = frozenset()
    # The same with acronyms, for a text written without capitals for names (see `variants`).
    uncased: FormMatcher | None = None
    # Actors that are states, or stand for one by their capital: places an event may be held in.
    states: frozenset[str] = frozenset()
    # Actors that are alliances or organisations: those that hold a meeting of their own.
    organisations: frozenset[str] = frozenset()
    # A document -> the states among its publication's parties: the document a state agreed
    # ("the NATO-Japan ITPP": Japan), whose generic title every partner's document has.
    document_owners: dict[str, frozenset[str]] = msgspec.field(default_factory=dict)
    # A publication event -> the one document it published ("the Strategic Concept").
    documents: dict[str, str] = msgspec.field(default_factory=dict)
    # Actors that are documents.
    document_actors: frozenset[str] = frozenset()
    # A document -> the events that made it (the inverse of `documents`): its publication, or
    # each signing of an agreement of its name with other parties.
    publications: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)
    # Every place the knowledge base holds an event in.
    known_places: frozenset[str] = frozenset()
    # The events whose own names (name, forms, generic phrases) call them an invasion.
    invasions: frozenset[str] = frozenset()
    # The names that acronyms among the actors' forms abbreviate, lower-cased ("north atlantic
    # treaty organization"): written out before a noun, as name-like as the acronym.
    written_out: frozenset[str] = frozenset()
    # Generic phrases that only the places and dates around them decide, not the publication
    # date: a phrase that can name any meeting of an organisation ("the NATO meeting").
    context_only: frozenset[str] = frozenset()
    # A state -> the day it came into being and its name: before that day, its other forms (its
    # capital, its people) name its predecessor; its name is still its own.
    actor_since: dict[str, tuple[PartialDate, str]] = msgspec.field(default_factory=dict)
    # A party's generic phrase with words that judge it between ("Russia’s ongoing illegal war").
    judged: re.Pattern[str] | None = None
    # The summits by their cities, and summits named together (see `summits`).
    summits: SummitIndex = SummitIndex((), {}, "", None)
    # The events dated only to a year or a month, with two parties or more, by their year.
    vague_by_year: dict[int, tuple[str, ...]] = msgspec.field(default_factory=dict)

    def holders(self, event: str) -> frozenset[str]:
        """The organisations among an event's parties: those whose meeting it is."""
        return self.event_participants.get(event, frozenset()) & self.organisations

    @classmethod
    def for_knowledge(cls, knowledge: KnowledgeBase) -> Matchers:
        peoples = {
            form.text: actor.name
            for actor in knowledge.actors
            if actor.type == "state"
            for form in actor.forms
            if form_kind(form.text, actor) & ADJECTIVAL and " " not in form.text
        }
        forms = list(with_variants(knowledge.actors, peoples))
        kinds = {form.text: form_kind(form.text, actor) for actor, form in forms}
        for _, form in forms:
            if form.unless_after and kinds[form.text] & CAPITAL:
                kinds[form.text] |= CITY  # a capital with its venue rule: a city
        for short in short_of_a_qualified_formal_name(forms):
            kinds[short] |= SHORT_OF_QUALIFIED
        generic_events: dict[str, list[str]] = {}
        acronyms = _acronyms(forms)
        alliances = _alliances(knowledge.actors)
        meetings = {
            e.id: _expanded(_as_meetings(e.type, e.generic, alliances), acronyms)
            for e in knowledge.events
        }
        # A summit's phrase as a meeting ("the NATO meeting") can name any meeting of the
        # organisation: only its sentence's or paragraph's places and dates decide it.
        own = {phrase.lower() for event in knowledge.events for phrase in event.generic}
        context_only = {m.lower() for phrases in meetings.values() for m in phrases} - own
        for event in knowledge.events:
            for phrase in with_its_year(
                (
                    *_expanded(event.generic, acronyms),
                    *_by_a_partys_other_name(event.generic, event.participants, knowledge.actors),
                    *_told_by_its_parties((*event.forms, *event.generic)),
                    *meetings[event.id],
                    *_expanded(_as_leaders_meetings(event.type, event.generic), acronyms),
                    *_by_other_words_for_war(event.generic),
                    *_by_other_words_for_a_journey(event.type, event.generic),
                    *_by_other_words_for_a_turn((*event.forms, *event.generic)),
                    *_foreign_affairs_ministers(event.type, event.generic),
                    *_with_ordinals_in_words(event.generic),
                    *(legs := _legs(event.type, event.name, event.place, knowledge.actors)),
                    *(visitor := _by_its_visitor(event.type, event.participants, knowledge.actors)),
                    *_in_the_plural(
                        event.type, event.place, (*event.forms, *event.generic, *legs, *visitor)
                    ),
                    *_venues(event.type, event.place, event.generic),
                ),
                event.date.year,
            ):
                if event.id not in generic_events.setdefault(phrase.lower(), []):
                    generic_events[phrase.lower()].append(event.id)
        actors = FormMatcher.compile(
            ((actor.id, form) for actor, form in forms),
            blocking=knowledge.blocking,
            kinds={form: kind for form, kind in kinds.items() if kind},
        )
        types = {actor.id: actor.type for actor in knowledge.actors}
        event_types = {event.id: event.type for event in knowledge.events}
        event_places = {event.id: _places(event.place) for event in knowledge.events}
        event_dates = {event.id: event.date for event in knowledge.events}
        event_participants = {event.id: frozenset(event.participants) for event in knowledge.events}
        # A document's making: its publication, or the signing of an agreement.
        documents = {
            event.id: published[0]
            for event in knowledge.events
            if event.type in ("publication", "agreement")
            and len(published := [p for p in event.participants if types.get(p) == "document"]) == 1
        }
        publications: dict[str, tuple[str, ...]] = {}
        for event_id, document in documents.items():
            publications[document] = (*publications.get(document, ()), event_id)
        return cls(
            actors=actors,
            events=FormMatcher.compile(
                (
                    (event.id, SurfaceForm(form))
                    for event in knowledge.events
                    for form in with_its_year(with_title_case(event.forms), event.date.year)
                ),
                blocking=_COMPOUNDS_OF_WAR,
            ),
            event_dates=event_dates,
            event_ends={event.id: event.end_date for event in knowledge.events},
            actor_since={a.id: (a.since, a.name) for a in knowledge.actors if a.since is not None},
            event_places=event_places,
            known_places=frozenset(p for event in knowledge.events for p in _places(event.place)),
            invasions=frozenset(
                event.id
                for event in knowledge.events
                if any(
                    re.search(r"\binvasion\b", phrase, re.IGNORECASE)
                    for phrase in (event.name, *event.forms, *event.generic)
                )
            ),
            written_out=frozenset(long.lower() for longer in acronyms.values() for long in longer),
            generic=FormMatcher.compile(
                ((phrase, SurfaceForm(phrase)) for phrase in generic_events),
                blocking=_COMPOUNDS_OF_WAR,
                ignore_case=True,
            ),
            generic_events={phrase: tuple(ids) for phrase, ids in generic_events.items()},
            context_only=frozenset(context_only),
            judged=_judged_pattern(generic_events),
            event_types=event_types,
            event_participants=event_participants,
            summits=SummitIndex.of(event_types, event_places),
            vague_by_year=vague_by_year(event_dates, event_participants),
            authors=_author_names(knowledge),
            groupings=frozenset(a.id for a in knowledge.actors if a.type == "grouping"),
            states=frozenset(a.id for a in knowledge.actors if a.type == "state"),
            organisations=frozenset(
                a.id for a in knowledge.actors if a.type in ("alliance", "organisation")
            ),
            document_actors=frozenset(a.id for a in knowledge.actors if a.type == "document"),
            title_parts=_title_parts(knowledge, kinds),
            document_owners=_document_owners(knowledge),
            any_case=FormMatcher.compile(any_case_forms(forms), ignore_case=True),
            titles_in_any_case=frozenset(
                form.lower() for form, kind in kinds.items() if kind & TITLE
            ),
            uncased=FormMatcher.compile(any_case_forms(forms, acronyms=True), ignore_case=True),
            documents=documents,
            publications=publications,
        )


def _document_owners(knowledge: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each document whose publication names states among its parties, with those states."""
    types = {actor.id: actor.type for actor in knowledge.actors}
    owners: dict[str, set[str]] = {}
    for event in knowledge.events:
        if event.type != "publication":
            continue
        states = {p for p in event.participants if types.get(p) == "state"}
        for party in event.participants:
            if types.get(party) == "document" and states:
                owners.setdefault(party, set()).update(states)
    return {document: frozenset(states) for document, states in owners.items()}


def _title_parts(
    knowledge: KnowledgeBase, kinds: dict[str, int]
) -> dict[str, tuple[tuple[int, int, str], ...]]:
    """An office's forms that hold the name of its organisation, with the names they are made
    of: "NATO Secretary General" is NATO (0-4) and the office (5-22); "Secretary General of the
    North Atlantic Treaty Organization" the office, then NATO. A title is not a name: the
    organisation is named there as it is anywhere else."""
    parts: dict[str, tuple[tuple[int, int, str], ...]] = {}
    for actor in knowledge.actors:
        own = {form.text for form in actor.forms}
        for form in own:
            if not kinds.get(form, 0) & TITLE:
                continue
            inner = sorted(
                (
                    (match.end() - match.start(), match.start(), match.end(), other.id)
                    for other in knowledge.actors
                    if other.id != actor.id and other.type != "institution"
                    for other_form in other.forms
                    if (match := re.search(rf"(?<!\w){re.escape(other_form.text)}(?!\w)", form))
                ),
                reverse=True,
            )
            if not inner:
                continue
            _, start, end, other = inner[0]
            rest = (form[:start] + " " + form[end:]).strip()
            rest = re.sub(r"\s+of(?: the)?$", "", rest).strip()
            if rest in own and form.find(rest) >= 0:
                at = form.find(rest)
                parts[form] = tuple(sorted([(start, end, other), (at, at + len(rest), actor.id)]))
                # The form as another spelling or house style prints it, letter for letter at
                # the same places ("... Treaty Organisation"), is made of the same names.
                for variant in written_variants(form, actor.type):
                    if len(variant) == len(form):
                        parts.setdefault(variant, parts[form])
    return parts


def _author_names(knowledge: KnowledgeBase) -> dict[str, str]:
    from natocorpus.annotate.references import author_names

    people = {
        a.id: (a.name, *(f.text for f in a.forms)) for a in knowledge.actors if a.type == "person"
    }
    others = {
        a.id: (a.name, *(f.text for f in a.forms)) for a in knowledge.actors if a.type != "person"
    }
    return author_names(people, others)


def _overlapping(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(left < end and start < right for left, right in spans)


def _written_out_before(text: str, start: int, matchers: Matchers) -> str | None:
    """The name an acronym abbreviates, written out right before `start` as the text prints it
    ("the North Atlantic Treaty Organization gathering"), or None."""
    before = text[max(0, start - 80) : start]
    in_lower_case = before.lower()
    return next(
        (
            before[-len(name) - 1 :].rstrip()
            for name in matchers.written_out
            if in_lower_case.endswith(f" {name} ")
        ),
        None,
    )
