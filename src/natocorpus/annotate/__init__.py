"""The annotate stage: actor, event and date mentions, sentences and references, as frozen data.

All surface forms of the knowledge base are held in one Aho-Corasick automaton per kind (actors,
events), so that one pass over a text finds every mention, longest form first (`forms`,
`phrases`); phrases that block a match take part in the same pass, and context rules turn a form
down where the words around it make another name. Generic references to events are given the one
event their context fits (`events`); dates are found and resolved (`dates`); sentences
(`sentences`) and the bibliography (`references`) are read from the reading text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from natocorpus.annotate.accessions import _accessions_told
from natocorpus.annotate.acronyms import acronyms_of_known_names
from natocorpus.annotate.anniversaries import _anniversaries_told
from natocorpus.annotate.clauses import _DATE_JOIN, _dated_otherwise
from natocorpus.annotate.context import _context_blocks, in_a_ships_name
from natocorpus.annotate.dates import _MONTH_NUMBER, _find_dates, resolve_date
from natocorpus.annotate.events import _generic_events
from natocorpus.annotate.forms import FormMatcher, Matchers, _overlapping, _within
from natocorpus.annotate.implicit_events import (
    _dated_by_participants,
    _summits_by_city,
    _summits_in_a_list,
    _told_again,
)
from natocorpus.annotate.kinds import COMMON_NOUN, LOCATED_GROUP, TITLE, form_kind
from natocorpus.annotate.references import _references, parse_reference
from natocorpus.annotate.sentences import _sentence_index, split_sentences
from natocorpus.annotate.time_windows import _days, _not_yet_happened
from natocorpus.annotate.variants import capital_lines, uncased
from natocorpus.annotate.zones import _in_heading, _title_case, block_zones
from natocorpus.model import (
    ActorMention,
    AnnotatedArticle,
    DateMention,
    EventMention,
    LoadedArticle,
    PartialDate,
    Span,
    UnresolvedReference,
)

__all__ = [
    "FormMatcher",
    "Matchers",
    "annotate_article",
    "form_kind",
    "parse_reference",
    "resolve_date",
    "split_sentences",
]

WORDS_PER_MINUTE = 230


# What makes a name that opens with a word in lower case ("pivot to Asia") a verb's phrase:
# "urged NATO to pivot to Asia", "NATO should pivot to Asia" tell what one does, not the policy.
_A_VERB_BEFORE = re.compile(r"\b(?:to|will|would|should|shall|must|could|can|may|might) $")

# Where an offset is: the anchor of its paragraph and the index of its sentence.
Place = Callable[[int], tuple[str, int]]


def annotate_article(article: LoadedArticle, matchers: Matchers) -> AnnotatedArticle:
    text = article.text
    reading = text.reading_text
    sentences = split_sentences(text)
    place = _placer(sentences)
    # The article's own annotations first: a knowledge-base form they overlap gives way.
    own_actors, own_events = _own_mentions(article, place)
    actor_mentions = _actor_mentions(reading, matchers, own_actors, place, _in_heading(text))
    published = article.meta.published.value
    raw_dates = _find_dates(reading, published, place, sentences)
    actor_mentions = _in_their_time(actor_mentions, raw_dates, published, matchers)
    own_event_spans = [(m.start, m.end) for m in own_events]
    event_mentions = own_events + [
        EventMention(event, form, start, end, *place(start))
        for event, form, start, end in matchers.events.find(reading)
        if (not own_event_spans or not _overlapping(own_event_spans, start, end))
        and not (form[:1].islower() and _A_VERB_BEFORE.search(reading, max(0, start - 12), start))
    ]
    event_mentions, not_yet = _not_yet_happened(event_mentions, own_events, matchers, published)
    event_mentions, dated_otherwise = _dated_otherwise(
        reading, event_mentions, own_events, raw_dates, matchers
    )
    not_yet += dated_otherwise
    event_mentions, unresolved = _with_generic_events(
        article, matchers, actor_mentions, event_mentions, raw_dates, place
    )
    if not_yet:
        # What a generic phrase inside such a name found is that name's, not another reference.
        spans = [(u.start, u.end) for u in not_yet]
        event_mentions = [m for m in event_mentions if not _overlapping(spans, m.start, m.end)]
        unresolved = [u for u in unresolved if not _overlapping(spans, u.start, u.end)]
        unresolved = sorted([*unresolved, *not_yet], key=lambda u: u.start)
    # (An article's own passage for an event tells of it; only a name of the event names the
    # document too.)
    actor_mentions = _with_documents(
        _without_venues(
            _owners_apart(_documents_of_their_owners(actor_mentions, matchers), matchers),
            event_mentions,
            matchers,
        ),
        [m for m in event_mentions if m not in own_events],
        matchers,
    )
    event_mentions = _publications_told(
        reading,
        actor_mentions,
        [
            m
            for m in event_mentions
            if m in own_events or _tells_of_the_act(reading, m, actor_mentions, matchers)
        ],
        matchers,
    )
    dates = _tied_dates(article, matchers, raw_dates, event_mentions)
    words = len(reading.split())
    return AnnotatedArticle(
        path=article.path,
        meta=article.meta,
        text=text,
        capture=article.capture,
        sentences=sentences,
        mentions=tuple(actor_mentions),
        event_mentions=tuple(event_mentions),
        dates=tuple(dates),
        references=_references(text, matchers.authors),
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        unresolved_events=tuple(unresolved),
        zones=tuple(
            (block.anchor, zone)
            for block, zone in zip(text.blocks, block_zones(text, _title_case), strict=True)
            if zone != "body"
        ),
    )


def _in_their_time(
    mentions: list[ActorMention],
    dates: list[DateMention],
    published: PartialDate,
    matchers: Matchers,
) -> list[ActorMention]:
    """Without the mentions of a state by its other forms in a sentence that tells only of a time
    before the state came into being (its `since`): the latest date the sentence gives, or else
    the publication. "Threats from Moscow" in 1949, or "the Russians" in a text of 1954, are the
    Soviet Union's, not the Russian Federation's; but "Russia has held the islands since 1945"
    names the state by its name, as a writer of today does."""
    if not matchers.actor_since:
        return mentions
    latest: dict[int, PartialDate] = {}
    for date in dates:
        if date.kind == "absolute" and date.value is not None:
            earlier = latest.get(date.sentence, date.value)
            latest[date.sentence] = max(date.value, earlier, key=lambda d: d.sort_key)
    return [
        m
        for m in mentions
        if (since := matchers.actor_since.get(m.actor)) is None
        or m.text == since[1]
        # (the last day the sentence's date may be is before the first day of `since`)
        or not _days(latest.get(m.sentence, published))[1] < _days(since[0])[0]
    ]


def _placer(sentences: tuple[Span, ...]) -> Place:
    starts = [sentence.start for sentence in sentences]
    paragraphs = [sentence.paragraph for sentence in sentences]

    def place(start: int) -> tuple[str, int]:
        index = _sentence_index(starts, start)
        return paragraphs[index], index

    return place


def _own_mentions(
    article: LoadedArticle, place: Place
) -> tuple[list[ActorMention], list[EventMention]]:
    """The mentions the article's front matter gives passage by passage."""
    reading = article.text.reading_text
    own_actors = [
        ActorMention(
            item.actor, reading[span.start : span.end], span.start, span.end, *place(span.start)
        )
        for item in article.meta.passages
        if item.actor is not None
        for span in item.spans
    ]
    own_events = [
        EventMention(
            item.event, reading[span.start : span.end], span.start, span.end, *place(span.start)
        )
        for item in article.meta.passages
        if item.event is not None
        for span in item.spans
    ]
    return own_actors, own_events


# A compass point joined by a hyphen, before the second one of a compound: "South-East Asia".
_COMPASS_JOINED_BEFORE = re.compile(r"\b(?:North|South|north|south)[-\u2011]$")


def _actor_mentions(
    reading: str,
    matchers: Matchers,
    own_actors: list[ActorMention],
    place: Place,
    exempt: Callable[[int], bool],
) -> list[ActorMention]:
    own_actor_spans = [(m.start, m.end) for m in own_actors]
    ships = in_a_ships_name(reading)
    named = [
        match
        for match in matchers.actors.find(reading)
        # A form in lower case after a hyphen is a compound's second half: "east Asian" in
        # "South-east Asian Nations"; so is a compass point's after another: "South-East Asia".
        if not (match[1][:1].islower() and match[2] and reading[match[2] - 1] in "-\u2011")
        and not (
            match[1].startswith(("East", "West"))
            and _COMPASS_JOINED_BEFORE.search(reading, max(0, match[2] - 6), match[2])
        )
        and not ships(match[2])
    ]
    found = _context_blocks(reading, named, matchers.actors.kinds, exempt)
    inside = _places_of_groups_turned_down(reading, named, found, matchers)
    found = sorted(found + _context_blocks(reading, inside, matchers.actors.kinds, exempt))
    found = _titles_apart(reading, found, matchers)
    found += _in_capital_lines(reading, found, matchers)
    found += _in_lower_case(reading, found, matchers)
    found = _named_otherwise(found, matchers)
    found += acronyms_of_known_names(reading, found, matchers.actors.owners.__contains__)
    return sorted(
        own_actors
        + [
            ActorMention(actor, form, start, end, *place(start))
            for actor, form, start, end in found
            if not own_actor_spans or not _overlapping(own_actor_spans, start, end)
        ],
        key=lambda m: m.start,
    )


def _named_otherwise(
    found: list[tuple[str, str, int, int]], matchers: Matchers
) -> list[tuple[str, str, int, int]]:
    """An organisation's common noun capitalised ("the Alliance") names it only in a text that
    names it otherwise too ("NATO"): in a statement on the United States' alliance with South
    Korea that never names NATO, "the Alliance" is that alliance."""
    kinds = matchers.actors.kinds

    def by_its_noun(form: str) -> bool:
        return bool(kinds.get(form.removeprefix("the ").removeprefix("The "), 0) & COMMON_NOUN)

    otherwise = {owner for owner, form, _, _ in found if not by_its_noun(form)}
    return [item for item in found if item[0] in otherwise or not by_its_noun(item[1])]


def _places_of_groups_turned_down(
    reading: str,
    named: list[tuple[str, str, int, int]],
    kept: list[tuple[str, str, int, int]],
    matchers: Matchers,
) -> list[tuple[str, str, int, int]]:
    """The place inside the name of a group that its context turned down: "partners in the
    Indo-Pacific and Europe" are partners in each place, and name the Indo-Pacific (where its
    own context lets it)."""
    kept_spans = {(start, end) for _, _, start, end in kept}
    places: list[tuple[str, str, int, int]] = []
    for group, form, start, end in named:
        if (start, end) in kept_spans or not matchers.actors.kinds.get(form, 0) & LOCATED_GROUP:
            continue
        # (Past the group's first letter, so that its own name is not found again; and only a
        # name of the whole place that closes it: in "partners in the Asia-Pacific", not Asia.)
        places += [
            (owner, inner, start + 1 + inner_start, end)
            for owner, inner, inner_start, inner_end in matchers.actors.find(
                reading[start + 1 : end]
            )
            if owner != group and start + 1 + inner_end == end
        ]
    return places


def _without_venues(
    actors: list[ActorMention], events: list[EventMention], matchers: Matchers
) -> list[ActorMention]:
    """A capital that stands for the summit held there ("the summits in Madrid and Washington")
    is the venue, not the government."""
    venues = {(m.start, m.end) for m in events if m.text in matchers.event_places[m.event]}
    if not venues:
        return actors
    return [m for m in actors if (m.start, m.end) not in venues]


# How far after a document's title its state may stand: "... Programme between NATO and Japan".
_NEAR = 40
# The state a title opens with, in the possessive or as its adjective: "Japan’s National Security
# Strategy", "South Korea's ...", "Japanese ...".
_OPENING_OWNER = re.compile(r"(.+?)[’']s |(\S+) ")


def _documents_of_their_owners(
    mentions: list[ActorMention], matchers: Matchers
) -> list[ActorMention]:
    """A document that a state agreed, named by a title that names none of its parties ("the
    ITPP", "the Individually Tailored Partnership Programme"), is that state's only where the
    state right after it ("the ITPP with Japan"), or the state nearest it, is one of its owners:
    every partner has a programme of that name, and "South Korea's ITPP" is not Japan's. The
    nearest is the state its paragraph names last before it, else the first its paragraph names
    after it, else the last the text named before it: a state of an earlier paragraph does not
    say whose it is where its own paragraph names another (a paragraph that ends "... met
    Japan's Prime Minister", then "Yoon left with a new partnership, the ITPP, and with South
    Korea invited to ...")."""
    owners = matchers.document_owners
    if not owners or not any(m.actor in owners for m in mentions):
        return mentions
    states = [m for m in mentions if m.actor in matchers.states]
    kept: list[ActorMention] = []
    for mention in mentions:
        owning = owners.get(mention.actor)
        if owning is not None:
            own = [m for m in states if m.paragraph == mention.paragraph]
            before = [m.actor for m in own if m.end <= mention.start]
            after = [m for m in own if m.start >= mention.end]
            earlier = [m.actor for m in states if m.end <= mention.start]
            nearby = before[-1:] or [m.actor for m in after[:1]] or earlier[-1:]
            nearest = nearby[0] if nearby else None
            right_after = after[0].actor if after and after[0].start < mention.end + _NEAR else None
            named = {found[0] for found in matchers.actors.find(mention.text)}
            if opening := _OPENING_OWNER.match(mention.text):
                named |= {found[0] for found in matchers.actors.find(opening[1] or opening[2])}
            if nearest not in owning and right_after not in owning and not named & owning:
                continue  # "South Korea's ITPP": not the programme of Japan
        kept.append(mention)
    return kept


def _owners_apart(mentions: list[ActorMention], matchers: Matchers) -> list[ActorMention]:
    """A document named with its state's possessive ("Japan’s National Security Strategy") names
    the two: the state, and the document by its title."""
    out: list[ActorMention] = []
    for mention in mentions:
        opening = _OPENING_OWNER.match(mention.text)
        # (The possessive's owner only: a title opening with the state's adjective stays whole.)
        if opening is None or opening[1] is None or mention.actor not in matchers.document_actors:
            out.append(mention)
            continue
        owner = opening[1]
        states = [a for a, form, *_ in matchers.actors.find(owner) if form == owner]
        if not states or states[0] not in matchers.states:
            out.append(mention)
            continue
        title = opening.end()
        out += [
            mention._replace(actor=states[0], text=owner, end=mention.start + len(owner)),
            mention._replace(text=mention.text[title:], start=mention.start + title),
        ]
    return out


def _with_documents(
    actors: list[ActorMention], events: list[EventMention], matchers: Matchers
) -> list[ActorMention]:
    """A reference to a document's publication names the document too: "NATO's Strategic
    Concept", given the adoption of 2022 by its context, names the Strategic Concept of 2022."""
    spans = [(m.start, m.end) for m in actors]
    documents = [
        ActorMention(matchers.documents[m.event], m.text, m.start, m.end, m.paragraph, m.sentence)
        for m in events
        if m.event in matchers.documents and not _overlapping(spans, m.start, m.end)
    ]
    return sorted(actors + documents, key=lambda m: m.start) if documents else actors


# A word of a document's making, as a verb or a noun: "NATO adopted a new Strategic Concept".
_ACT = (
    r"(?:adopt|releas|unveil|endors|approv|publish|publication|launch|revis|issued|agree|sign"
    r"|finali[sz])\w*"
)
# The act before the document's name in its clause: its verb with the name as its object, or its
# noun followed by "of" ("signing an agreement known as an Individually Tailored Partnership
# Programme"); and presenting or announcing it ("after presenting NATO’s Strategic Concept", "the
# announcement of the Individually Tailored Partnership Program"), which after the name is what
# it says ("the Strategic Concept presents China as a challenge", "... announced a shift").
_ACT_BEFORE = re.compile(
    rf"\b(?:{_ACT}|present(?:ed|ing)|announc\w*)\b(?: (?:on|of|upon))?(?: [\w’'“”-]+){{0,5}}"
    rf" ?[“\"‘']?$",
    re.I,
)
# The act after the name: its possessed noun ("the Strategic Concept’s release"), its participle
# or its passive ("the Strategic Concept unveiled Wednesday", "will be finalized").
_ACT_AFTER = re.compile(
    rf"(?:[’']s |,? (?:(?:which|that) )?(?:(?:is|was|were|will be|would be|to be|has been|had been"
    rf"|have been|being) )?){_ACT}\b",
    re.I,
)


# The act after the parties the document is between: "the Individually Tailored Partnership
# Program between NATO and Japan signed last year".
_NAME = r"(?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*"
_ACT_AFTER_ITS_PARTIES = re.compile(rf" between {_NAME} and {_NAME},? {_ACT}\b")
# The act as the passive of the clause whose subject the name is, or stands beside in brackets:
# "A blueprint for the alliance (2022 Strategic Concept) for the next decade was approved".
_ACT_PASSIVE_LATER = re.compile(
    rf"\)?(?: (?!(?:and|or|but|which|that|who)\b)[\w’'-]+){{1,5}} (?:is|was|were|will be|would be"
    rf"|has been|had been|have been) {_ACT}\b",
    re.I,
)


def _act_told(reading: str, start: int, end: int) -> bool:
    """Whether the words around a document's name tell of its making: "NATO adopted a new
    Strategic Concept", "the adoption of the 2022 Strategic Concept", "the Strategic Concept’s
    release", "the Strategic Concept unveiled Wednesday", "the programme between NATO and Japan
    signed last year"; not "the Strategic Concept names"."""
    if (
        _ACT_AFTER.match(reading, end)
        or _ACT_PASSIVE_LATER.match(reading, end)
        or _ACT_AFTER_ITS_PARTIES.match(reading, end)
    ):
        return True
    before = reading[max(0, start - 60) : start]
    clause = re.split(r"[.;:!?\n()]|, ", before)[-1]
    return bool(_ACT_BEFORE.search(clause))


def _tells_of_the_act(
    reading: str, mention: EventMention, actors: list[ActorMention], matchers: Matchers
) -> bool:
    """Whether a reference to a document's publication tells of the act, not only names the
    document (whose mention `_with_documents` made): "NATO’s Strategic Concept" does not, and
    "Strategic Concept" inside "NATO’s Strategic Concept 2010" is not 2022's."""
    document = matchers.documents.get(mention.event)
    if document is None:
        return True
    named = {
        a.actor
        for a in actors
        if a.start < mention.end and mention.start < a.end and a.actor in matchers.document_actors
    }
    if not named:
        return True  # not a name of a document: "signed a new cooperative agreement with NATO"
    return named == {document} and _act_told(reading, mention.start, mention.end)


def _publications_told(
    reading: str, actors: list[ActorMention], events: list[EventMention], matchers: Matchers
) -> list[EventMention]:
    """The events' mentions with the publications that a document's name and the words of its
    making around it tell of ("signing an agreement known as an Individually Tailored Partnership
    Programme" tells of its signing), where the knowledge base holds one for that document."""
    spans = [(m.start, m.end) for m in events]
    told = [
        EventMention(made, m.text, m.start, m.end, m.paragraph, m.sentence)
        for m in actors
        if m.actor in matchers.publications
        and not _overlapping(spans, m.start, m.end)
        and _act_told(reading, m.start, m.end)
        and (made := _its_making(m, actors, matchers)) is not None
    ]
    return sorted(events + told, key=lambda m: m.start) if told else events


def _its_making(
    document: ActorMention, actors: list[ActorMention], matchers: Matchers
) -> str | None:
    """The event that made a document: its one publication, or of the agreements of its name
    the one whose other parties its sentence names ("the signing of the Reciprocal Access
    Agreement between Japan and Australia"); none where no signing fits, or more than one."""
    made = matchers.publications[document.actor]
    if len(made) == 1:
        return made[0]
    named = {m.actor for m in actors if m.sentence == document.sentence}
    fits = [e for e in made if matchers.event_participants[e] - {document.actor} <= named]
    return fits[0] if len(fits) == 1 else None


def _in_capital_lines(
    reading: str, found: list[tuple[str, str, int, int]], matchers: Matchers
) -> list[tuple[str, str, int, int]]:
    """Names in a line of capitals ("NATO AND THE INDO-PACIFIC REGION"), in any case."""
    if matchers.any_case is None:
        return []
    spans = [(start, end) for _, _, start, end in found]
    more: list[tuple[str, str, int, int]] = []
    for low, high in capital_lines(reading):
        for owner, text, start, end in matchers.any_case.find(reading[low:high]):
            if _overlapping(spans, low + start, low + end):
                continue
            if text.lower() in matchers.titles_in_any_case and _CAPITALS_NAME_AFTER.match(
                reading, low + end
            ):
                continue  # "SECRETARY GENERAL STOLTENBERG:": the title of the person named next
            if _COMPASS_IN_CAPITALS_BEFORE.search(reading, max(0, low + start - 10), low + start):
                continue  # "NORTH KOREAN", "SOUTH CHINA SEA": a longer name no form has
            more.append((owner, text, low + start, low + end))
    return more


# A point of the compass in capitals before a name: with it, the name of another place.
_COMPASS_IN_CAPITALS_BEFORE = re.compile(r"\b(?:NORTH|SOUTH|EAST|WEST)(?:ERN)?[ -]$")
# A name in capitals after a title in capitals: "SECRETARY GENERAL STOLTENBERG".
_CAPITALS_NAME_AFTER = re.compile(r" (?!(?:THE|AND|OF|FOR|TO|IN|ON|AT)\b)[A-Z][A-Z’'-]+\b")


# Fewer names than this per 100 words found as written: the text may be written in lower case.
_FEW_NAMES = 2


def _in_lower_case(
    reading: str, found: list[tuple[str, str, int, int]], matchers: Matchers
) -> list[tuple[str, str, int, int]]:
    """Names in a text written without capitals for them (machine captions), in any case; only
    looked for where few names were found as written."""
    if matchers.uncased is None or len(found) * 100 >= _FEW_NAMES * len(reading.split()):
        return []
    spans = [(start, end) for _, _, start, end in found]
    more = [f for f in matchers.uncased.find(reading) if not _overlapping(spans, f[2], f[3])]
    return more if uncased(more) else []


# What may stand between an office's title and the name of its holder: the organisation's
# acronym ("Secretary General of the North Atlantic Treaty Organization (NATO) Jens Stoltenberg").
_ACRONYM_AFTER = r"(?: \([A-Z][A-Za-z]{1,9}\))?"
# Words of address before a name: "H.E. Mr. Mark Rutte".
_HONORIFICS = r"(?:(?:H\. ?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Sir|Dame) )+"


def _persons_name(word: str) -> str:
    """A pattern of a person's name of two or three `word`s, with the lower-case particles of
    some between them ("Jaap de Hoop Scheffer", "Ursula von der Leyen")."""
    particles = r"(?:(?:de|van|von|der|den|da|di|du|la|le|bin|al) )*"
    return word + r"(?: " + particles + word + r"){1,2}"


# A person's name after a title: a capitalised word that is not a sentence's function word, or
# a name on social media ("NATO Secretary General @jensstoltenberg").
_NAME_AFTER = re.compile(
    _ACRONYM_AFTER + r" (?:@\w|(?!(?:The|This|That|In|On|At|And|But|Or|Of|For|To)\b)[A-Z][a-z])"
)


# A person's name set off by a comma after a title, which it closes or which a verb of saying
# follows ("NATO Secretary General, Jens Stoltenberg, said", "the Secretary-General, Jens
# Stoltenberg."), or which words of address open ("..., H.E. Mr. Mark Rutte to visit Japan").
_NAME_SET_OFF_AFTER = re.compile(
    _ACRONYM_AFTER
    + r",\s+(?:"
    + _HONORIFICS
    + r"[A-Z]|"
    + _persons_name(r"[A-Z][a-z’'-]+")
    + r"(?=\s*[,.;:]|\s+"
    r"(?:said|says|told|announced|stated|added|noted|[a-z]{2,}ed)\b))"
)
# A person's name set off by a comma before a title, or the subject of a verb that the title
# completes, which then says what the person is: "Mark Rutte, Secretary General of NATO, is
# visiting", "Mark Rutte, the new Secretary General", "Mark Rutte is the Secretary General".
_NAME_SET_OFF_BEFORE = re.compile(
    r"(?<![\w.’'-])(" + _persons_name(r"[A-Z][\w’'-]+") + r")"
    r"(?:,\s+| (?:is|was|became|remains|has been|had been) )"
    r"(?:the (?:(?:new|current|incoming|outgoing|acting|then) )?)?$"
)
# The body whose office a title is, between the title and its holder's name: "Secretary General
# of NATO Jens Stoltenberg", "Secretary General of the bloc Jens Stoltenberg".
_OF_THE = re.compile(r" of (?:the )?")
_BODY_NOUN = re.compile(r"(?:bloc|[Aa]lliance|organi[sz]ation)\b")
# The words that make an office another, lesser one ("Deputy Secretary General"), or a person
# who held it ("a former NATO secretary general").
_DEPUTY_OR_FORMER_BEFORE = re.compile(r"\b(?:Deputy|Assistant|Vice|Under|[Ff]ormer|[Ee]x)[ -]$")


def _titles_apart(
    reading: str, found: list[tuple[str, str, int, int]], matchers: Matchers
) -> list[tuple[str, str, int, int]]:
    """An office named with its organisation ("NATO Secretary General") is the two names it is
    made of, the organisation and the office; and an office's title before a person's name
    ("Secretary General Jens Stoltenberg") says what the person is: the person is named there,
    not the office, and so it is before or after a name set off by a comma ("Secretary General,
    Jens Stoltenberg, said", "Mark Rutte, Secretary General of NATO"); but the office one holds
    ("his first visit as NATO Secretary General") is the office. A lesser office's ("Deputy
    Secretary General of NATO") or a former holder's ("a former NATO secretary general") names
    only the organisation."""
    kinds, parts_of = matchers.actors.kinds, matchers.title_parts
    out: list[tuple[str, str, int, int]] = []
    for item in found:
        owner, form, start, end = item
        if not kinds.get(form, 0) & TITLE:
            out.append(item)
            continue
        deputy_or_former = (
            _DEPUTY_OR_FORMER_BEFORE.search(reading, max(0, start - 12), start) is not None
        )
        before = _NAME_SET_OFF_BEFORE.search(reading, max(0, start - 50), start)
        holder_at = _past_its_body(reading, end, found, matchers)
        a_persons = (
            _NAME_AFTER.match(reading, holder_at) is not None
            or _NAME_SET_OFF_AFTER.match(reading, holder_at) is not None
            # A state or a body named before the comma is no holder: "With South Korea, the
            # Secretary General spoke".
            or (
                before is not None
                and not _a_body_named(found, before.start(1), before.end(1), matchers)
            )
        )
        for low, high, part_owner in parts_of.get(form, ((0, end - start, owner),)):
            if part_owner == owner and a_persons:
                continue  # the title of the person named next to it
            if part_owner == owner and deputy_or_former:
                continue  # "Deputy Secretary General of NATO": another office, and NATO
            text = form if high - low == end - start else reading[start + low : start + high]
            out.append((part_owner, text, start + low, start + high))
    return out


def _past_its_body(
    reading: str, end: int, found: list[tuple[str, str, int, int]], matchers: Matchers
) -> int:
    """Where an office's title that ends at `end` is over, with the body it is the office of when
    "of" names one after it: a state, an organisation or a grouping named there, or a noun that
    stands for one ("of the bloc")."""
    of = _OF_THE.match(reading, end)
    if of is None:
        return end
    for owner, _, start, body_end in found:
        if start == of.end() and _a_body(owner, matchers):
            return body_end
    noun = _BODY_NOUN.match(reading, of.end())
    return end if noun is None else noun.end()


def _a_body_named(
    found: list[tuple[str, str, int, int]], low: int, high: int, matchers: Matchers
) -> bool:
    """Whether a state, an organisation or a grouping is named between `low` and `high`."""
    return any(low <= start < high and _a_body(owner, matchers) for owner, _, start, _ in found)


def _a_body(owner: str, matchers: Matchers) -> bool:
    """Whether the actor is a state, an organisation or a grouping."""
    return (
        owner in matchers.states or owner in matchers.organisations or owner in matchers.groupings
    )


def _with_generic_events(
    article: LoadedArticle,
    matchers: Matchers,
    actor_mentions: list[ActorMention],
    event_mentions: list[EventMention],
    raw_dates: list[DateMention],
    place: Place,
) -> tuple[list[EventMention], list[UnresolvedReference]]:
    """The events named by their forms, with those the text refers to without a name: a generic
    reference its context fits, a summit by its city, an event dated by its participants; and
    the generic references no event fits."""
    text = article.text
    reading = text.reading_text
    published = article.meta.published.value
    generic, unresolved = _generic_events(
        reading,
        text,
        matchers,
        event_mentions,
        raw_dates,
        published,
        place,
        [(m.start, m.end, m.actor) for m in actor_mentions],
    )
    taken = [(m.start, m.end) for m in (*event_mentions, *generic)] + [
        (u.start, u.end) for u in unresolved
    ]
    by_city = _summits_by_city(reading, matchers, taken, raw_dates, published, place)
    taken += [(m.start, m.end) for m in by_city]
    by_city += _summits_in_a_list(reading, matchers, taken, place)
    taken += [(m.start, m.end) for m in by_city]
    by_city += _accessions_told(reading, matchers, taken, actor_mentions, raw_dates, published)
    taken += [(m.start, m.end) for m in by_city]
    by_city += _anniversaries_told(reading, matchers, taken, actor_mentions, place)
    taken += [(m.start, m.end) for m in by_city]
    actors_in: dict[int, set[str]] = {}
    for actor in actor_mentions:
        actors_in.setdefault(actor.sentence, set()).add(actor.actor)
    named_in = {m.sentence for m in (*event_mentions, *generic, *by_city)}
    by_year = [
        m
        for m in _dated_by_participants(
            reading,
            matchers,
            taken,
            raw_dates,
            {n: frozenset(ids) for n, ids in actors_in.items() if n not in named_in},
        )
    ]
    event_mentions = [*event_mentions, *generic, *by_city, *by_year]
    told_again = _told_again(reading, event_mentions, place, matchers, published)
    event_mentions = sorted(event_mentions + told_again, key=lambda m: m.start)
    return _joined(reading, event_mentions), unresolved


# What may stand between two names of one event that are one reference: "the Camp David summit",
# "Russia’s war of aggression against Ukraine".
_JOINT = re.compile(r"(?:\s+|\s+(?:of|at|in)\s+)")


def _joined(reading: str, mentions: list[EventMention]) -> list[EventMention]:
    """Mentions of one event that overlap or stand side by side are one reference, found by two
    rules ("Camp David" by its form, "summit" as a generic phrase): one mention of the whole."""
    joined: list[EventMention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.event == mention.event
            and last.sentence == mention.sentence
            and (
                mention.start < last.end
                or _JOINT.fullmatch(reading, last.end, mention.start) is not None
            )
        ):
            end = max(last.end, mention.end)
            joined[-1] = EventMention(
                last.event,
                reading[last.start : end],
                last.start,
                end,
                last.paragraph,
                last.sentence,
            )
        else:
            joined.append(mention)
    return joined


def _tied_dates(
    article: LoadedArticle,
    matchers: Matchers,
    raw_dates: list[DateMention],
    event_mentions: list[EventMention],
) -> list[DateMention]:
    """Each date, tied to the one event its sentence names where the date fits it, or, of
    several, to the one it follows ("At the NATO summit in Vilnius in 2023, Japan and NATO agreed
    on a document")."""
    reading = article.text.reading_text
    events_by_sentence: dict[int, list[str]] = {}
    for mention in event_mentions:
        events_by_sentence.setdefault(mention.sentence, []).append(mention.event)
    undated = [
        (span.start, span.end) for item in article.meta.dates_without_event for span in item.spans
    ]
    dates: list[DateMention] = []
    for date in raw_dates:
        marked = any(a <= date.start and date.end <= b for a, b in undated)
        # A period ("in recent years") names no event; a month whose year is unknown may.
        linkable = not marked and (
            date.value is not None or any(word in _MONTH_NUMBER for word in date.text.split())
        )
        in_sentence = [
            event
            for event in events_by_sentence.get(date.sentence, [])
            if linkable
            and (
                date.value is None
                or _within(date.value, matchers.event_dates[event], matchers.event_ends[event])
            )
        ]
        if len(set(in_sentence)) > 1:
            in_sentence = [
                m.event
                for m in event_mentions
                if m.event in in_sentence
                and (joined := _DATE_JOIN.match(reading, m.end)) is not None
                and joined.end() == date.start
            ]
        dates.append(date._replace(event=in_sentence[0] if len(set(in_sentence)) == 1 else None))
    return dates
