"""The cross-references every page is prepared from, computed once: which texts mention each actor
and refer to each event, how often, where first, which actors are named together, what each text
shares with others, and the references to texts, actors and events that pages show. Mentions in
a text's reference list are counted apart from what the text says (`Tally`, `in_bibliography`:
the one rule); who wrote and published each text, and who its references cite as authors, are
actors (`Authorship`, `cited_authors`).

`CrossReferences` is made once, in the building process, and passed to every page builder; the
render workers, forked from that process, prepare the deferred pages from it.
"""

from __future__ import annotations

import hashlib
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import NamedTuple

import msgspec

from natocorpus.link.html import MentionTags
from natocorpus.link.labels import join_names, shorten, stance_class
from natocorpus.link.urls import Urls
from natocorpus.link.views import ActorRef, ArticleRef, EventRef, date_label
from natocorpus.model import (
    Actor,
    AnnotatedArticle,
    AnnotatedCorpus,
    CorpusSettings,
    Event,
    Person,
    Zone,
)

# Fields of an ActorMention, and of an event reference (`_event_refs`), got in C.
_FIRST = operator.itemgetter(0)
_ACTOR_PARAGRAPH = operator.itemgetter(0, 4)
_SENTENCE_ACTOR = operator.itemgetter(5, 0)
_SECOND = operator.itemgetter(1)
_EVENT_PARAGRAPH = operator.itemgetter(1, 2)


def article_sort_key(article: AnnotatedArticle) -> tuple[tuple[int, int, int], str]:
    return (article.meta.published.value.sort_key, article.id)


def event_sort_key(event: Event) -> tuple[tuple[int, int, int], str, str]:
    return (event.date.sort_key, event.name, event.id)


DISCOURSE_ZONES: frozenset[Zone] = frozenset({"body", "heading", "note"})
"""Where the text speaks for itself; the reference list ("references") is its bibliography: a name
in a cited title is not the text talking about that actor."""


def in_bibliography(article: AnnotatedArticle, anchor: str) -> bool:
    """Whether the paragraph `anchor` of `article` is in its reference list: the one rule every
    count, list and table that keeps discourse and bibliography apart follows."""
    return article.zone_of(anchor) not in DISCOURSE_ZONES


class Tally(NamedTuple):
    """Mentions of actors (or references to events) in one part of the texts: in their
    discourse, or in their reference lists."""

    counts: dict[str, Counter[str]]
    """[article id][actor or event id]."""
    totals: Counter[str]
    """[actor or event id]: in all the texts."""
    in_text: dict[str, int]
    """[article id]: of every actor (or event)."""
    total: int
    first: dict[str, dict[str, str]]
    """[article id][actor or event id]: the paragraph of the first one."""
    named: int
    """How many actors (or events) of the knowledge base are named at least once."""


def _tally(
    articles: tuple[AnnotatedArticle, ...],
    found: Mapping[str, list[tuple[str, str]]],
    described: Mapping[str, object],
) -> Tally:
    """`found`: [article id] -> (id, paragraph) in the order of the text."""
    counts: dict[str, Counter[str]] = {}
    first: dict[str, dict[str, str]] = {}
    totals: Counter[str] = Counter()
    for article in articles:
        pairs = found[article.id]
        counts[article.id] = Counter(map(_FIRST, pairs))
        first[article.id] = dict(reversed(pairs))
        totals.update(counts[article.id])
    return Tally(
        counts=counts,
        totals=totals,
        in_text={a: sum(c.values()) for a, c in counts.items()},
        total=sum(totals.values()),
        first=first,
        named=sum(1 for k in described if totals[k]),
    )


class Authorship(NamedTuple):
    """Who wrote and who published each text, as actors: an actor of the knowledge base where one
    has the author's (the outlet's) name among its names, else a page the link stage makes from
    the records (`made`)."""

    authors: dict[str, tuple[str, ...]]
    """[article id]: the actor id of each author, in the byline's order."""
    outlet: dict[str, str | None]
    """[article id]: the actor id of the outlet (None where none is known)."""
    original_outlet: dict[str, str | None]
    """[article id]: the actor id of the outlet that first published it."""
    wrote: dict[str, list[AnnotatedArticle]]
    """[actor id]: the texts it wrote, in date order."""
    published: dict[str, list[AnnotatedArticle]]
    """[actor id]: the texts it published (or first published), in date order."""
    made: dict[str, Actor]
    """The authors and outlets the knowledge base does not describe, by the id of their page."""


def slug(name: str) -> str:
    """ "V.O. Kistanov" -> "v-o-kistanov"."""
    words = re.findall(r"[^\W_]+", name.casefold())
    return "-".join(words) or "unnamed"


def _authorship(articles: tuple[AnnotatedArticle, ...], actors: Mapping[str, Actor]) -> Authorship:
    by_name: dict[tuple[str, str], str] = {}
    for actor in sorted(actors.values(), key=lambda a: a.id):
        group = "person" if actor.type == "person" else "other"
        for name in (actor.name, *(f.text for f in actor.forms)):
            by_name.setdefault((group, name.casefold()), actor.id)
    made: dict[str, Actor] = {}

    def resolve(name: str, person: bool) -> str:
        group = "person" if person else "other"
        found = by_name.get((group, name.casefold()))
        if found:
            return found
        page = slug(name)
        if page in actors:
            page += "-author" if person else "-outlet"
        if page not in made:
            made[page] = Actor(
                id=page,
                name=name,
                type="person" if person else "outlet",
                description=(
                    f"{'Author' if person else 'Outlet'} of texts in the corpus; the knowledge "
                    "base does not describe "
                    f"{'this person' if person else 'this outlet'}."
                ),
                wikidata=None,
                forms=(),
            )
        return page

    def person_name(person: Person) -> str:
        return person.name

    authors: dict[str, tuple[str, ...]] = {}
    outlet: dict[str, str | None] = {}
    original: dict[str, str | None] = {}
    wrote: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    published: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for article in articles:
        meta = article.meta
        ids = tuple(resolve(person_name(p), True) for p in meta.authors.value)
        authors[article.id] = ids
        for author in dict.fromkeys(ids):
            wrote[author].append(article)
        outlet[article.id] = resolve(meta.outlet.value, False) if meta.outlet.value else None
        original[article.id] = (
            resolve(meta.original_outlet.value, False) if meta.original_outlet else None
        )
        for o in dict.fromkeys(x for x in (outlet[article.id], original[article.id]) if x):
            published[o].append(article)
    return Authorship(authors, outlet, original, wrote, published, made)


def _cited_authors(
    articles: tuple[AnnotatedArticle, ...],
) -> dict[str, list[tuple[AnnotatedArticle, tuple[tuple[int, str], ...]]]]:
    """[actor id]: the texts whose reference lists cite it as an author, with the number and
    paragraph of each of those references, in date order."""
    cited: dict[str, dict[str, list[tuple[int, str]]]] = defaultdict(dict)
    by_id = {a.id: a for a in articles}
    for article in articles:
        for ref in sorted(article.references, key=lambda r: r.number):
            for actor_id in dict.fromkeys(a for a in ref.author_actors if a):
                cited[actor_id].setdefault(article.id, []).append((ref.number, ref.paragraph))
    return {
        actor_id: [(by_id[a], tuple(numbers)) for a, numbers in texts.items()]
        for actor_id, texts in cited.items()
    }


class RelatedIndex(NamedTuple):
    """What related texts are ranked by (`article.related_articles`)."""

    own: tuple[frozenset[str], ...]  # each text's actors ("a:id") and events ("e:id")
    postings: Mapping[str, list[int]]  # the texts (positions, in date order) mentioning each
    idf: Mapping[str, float]


class ArticleKeys:
    """What names an article in a page's inputs: its key where the build gave one, else a digest
    of the article, made when first asked for (a tenth of a millisecond for 1,000 words)."""

    def __init__(self, given: Mapping[str, bytes]) -> None:
        self._given = given
        self._made: dict[str, bytes] = {}

    def __call__(self, article: AnnotatedArticle) -> bytes:
        key = self._given.get(article.path) or self._made.get(article.path)
        if key is None:
            key = hashlib.blake2b(msgspec.msgpack.encode(article)).digest()
            self._made[article.path] = key
        return key


class CrossReferences(msgspec.Struct, frozen=True):
    """What the corpus says about itself as a whole, which every page builder is given. Only
    `tags` and `article_key` fill in as pages are prepared: caches, whose contents do not depend
    on the order pages are prepared in."""

    settings: CorpusSettings
    urls: Urls
    articles: tuple[AnnotatedArticle, ...]
    """The texts in date order (then by id)."""
    actors: dict[str, Actor]
    events: dict[str, Event]
    events_sorted: tuple[Event, ...]
    actor_names: dict[str, str]
    tags: MentionTags
    mentions_href: str
    actor_counts: dict[str, Counter[str]]
    """[article id][actor id]: mentions."""
    event_counts: dict[str, Counter[str]]
    """[article id][event id]: references (the event named; a date tied to it is not another)."""
    first_actor_anchor: dict[str, dict[str, str]]
    """[article id][actor id]: the paragraph of the first mention."""
    first_event_anchor: dict[str, dict[str, str]]
    actor_totals: Counter[str]
    """[actor id]: mentions in all the texts."""
    event_totals: Counter[str]
    """[event id]: references in all the texts."""
    mentions_in: dict[str, int]
    """[article id]: actor mentions in the text."""
    references_in: dict[str, int]
    """[article id]: event references in the text."""
    mention_total: int
    """Actor mentions in all the texts."""
    reference_total: int
    """Event references in all the texts."""
    actors_mentioned: int
    """Actors of the knowledge base that some text mentions."""
    events_referred: int
    """Events of the knowledge base that some text refers to."""
    most_in_one_text: int
    """The most mentions one text makes of one actor: the one scale of every actor's chart."""
    article_refs: dict[str, ArticleRef]
    articles_mentioning: dict[str, list[AnnotatedArticle]]
    """[actor id]: the texts mentioning it, in date order."""
    articles_referring: dict[str, list[AnnotatedArticle]]
    """[event id]: the texts referring to it, in date order."""
    participations: dict[str, list[Event]]
    """[actor id]: the events it takes part in, in date order."""
    co_mentions: dict[str, Counter[str]]
    """[actor id]: the other actors named in the same sentence, counted by sentence."""
    related: RelatedIndex
    actor_discourse: Tally
    """Actor mentions in the texts' discourse (body, headings, notes)."""
    actor_cited: Tally
    """Actor mentions in the texts' reference lists."""
    event_discourse: Tally
    event_cited: Tally
    authorship: Authorship
    cited_authors: dict[str, list[tuple[AnnotatedArticle, tuple[tuple[int, str], ...]]]]
    """[actor id]: the texts citing it as an author, with the number and paragraph of each
    reference."""
    article_key: ArticleKeys
    shared_inputs: bytes
    """What every article page is prepared from besides its own article."""
    entity_inputs: bytes
    """What every actor and event page is prepared from besides its own entity."""


def cross_references(
    corpus: AnnotatedCorpus, urls: Urls, article_keys: Mapping[str, bytes]
) -> CrossReferences:
    articles = tuple(sorted(corpus.articles, key=article_sort_key))
    actors = {a.id: a for a in corpus.knowledge.actors}
    events = {e.id: e for e in corpus.knowledge.events}
    actor_names = {a.id: a.name for a in corpus.knowledge.actors}
    actor_counts, event_counts, first_actor_anchor, first_event_anchor = _counts(articles)
    actor_totals: Counter[str] = Counter()
    event_totals: Counter[str] = Counter()
    for article in articles:
        actor_totals.update(actor_counts[article.id])
        event_totals.update(event_counts[article.id])
    article_refs = {a.id: article_ref(corpus.settings, urls, a) for a in articles}
    most_in_one_text = max(
        (n for counts in actor_counts.values() for n in counts.values()), default=0
    )
    events_sorted = tuple(sorted(events.values(), key=event_sort_key))
    related = _related_index(articles, actor_counts, event_counts, events)
    own = [sorted(features) for features in related.own]
    refs_in_order = [article_refs[article.id] for article in articles]
    common = (corpus.settings, corpus.knowledge, urls.base, urls.origin)
    split = _split(articles)
    authorship = _authorship(articles, actors)
    # Who wrote and published each text, as the actors bylines and outlets link to.
    bylines = [
        (a.id, authorship.authors[a.id], authorship.outlet[a.id], authorship.original_outlet[a.id])
        for a in articles
    ]
    return CrossReferences(
        settings=corpus.settings,
        urls=urls,
        articles=articles,
        actors=actors,
        events=events,
        events_sorted=events_sorted,
        actor_names=actor_names,
        tags=MentionTags(urls, actor_names),
        mentions_href=urls.page("data/mentions.csv"),
        actor_counts=actor_counts,
        event_counts=event_counts,
        first_actor_anchor=first_actor_anchor,
        first_event_anchor=first_event_anchor,
        actor_totals=actor_totals,
        event_totals=event_totals,
        mentions_in={a: sum(c.values()) for a, c in actor_counts.items()},
        references_in={a: sum(c.values()) for a, c in event_counts.items()},
        mention_total=sum(actor_totals.values()),
        reference_total=sum(event_totals.values()),
        actors_mentioned=sum(1 for a in actors if actor_totals[a]),
        events_referred=sum(1 for e in events if event_totals[e]),
        most_in_one_text=most_in_one_text,
        article_refs=article_refs,
        articles_mentioning=_texts_naming(articles, actor_counts),
        articles_referring=_texts_naming(articles, event_counts),
        participations=_participations(events_sorted),
        co_mentions=_co_mentions(articles),
        related=related,
        actor_discourse=_tally(articles, split[0], actors),
        actor_cited=_tally(articles, split[1], actors),
        event_discourse=_tally(articles, split[2], events),
        event_cited=_tally(articles, split[3], events),
        authorship=authorship,
        cited_authors=_cited_authors(articles),
        article_key=ArticleKeys(article_keys),
        # The settings, actors, events and addresses, and all that related texts are chosen and
        # shown from (each text's actors and events, in date order, and how each is shown).
        shared_inputs=_digest((*common, own, refs_in_order, bylines)),
        # The same, without the texts' features, which only the choice of related texts reads.
        entity_inputs=_digest((*common, refs_in_order, bylines)),
    )


def _counts(
    articles: tuple[AnnotatedArticle, ...],
) -> tuple[
    dict[str, Counter[str]],
    dict[str, Counter[str]],
    dict[str, dict[str, str]],
    dict[str, dict[str, str]],
]:
    """[article id]: its mentions of each actor and references to each event, and the paragraph
    of the first of each."""
    actor_counts: dict[str, Counter[str]] = {}
    event_counts: dict[str, Counter[str]] = {}
    first_actor_anchor: dict[str, dict[str, str]] = {}
    first_event_anchor: dict[str, dict[str, str]] = {}
    # Counted by C-level maps over the mentions, a million at 10,000 texts; reversed (they are in
    # the order of the text), the first mention of each is the last one a dict keeps.
    for article in articles:
        actor_counts[article.id] = Counter(map(_FIRST, article.mentions))
        first_actor_anchor[article.id] = dict(map(_ACTOR_PARAGRAPH, reversed(article.mentions)))
        refs = sorted(_event_refs(article))
        event_counts[article.id] = Counter(map(_SECOND, refs))
        refs.reverse()
        first_event_anchor[article.id] = dict(map(_EVENT_PARAGRAPH, refs))
    return actor_counts, event_counts, first_actor_anchor, first_event_anchor


def _split(
    articles: tuple[AnnotatedArticle, ...],
) -> tuple[dict[str, list[tuple[str, str]]], ...]:
    """Each text's actor mentions and event references, as (id, paragraph) in the order of the
    text, in its discourse and in its reference list: actors in discourse, actors in the
    references, events in discourse, events in the references."""
    parts: tuple[dict[str, list[tuple[str, str]]], ...] = ({}, {}, {}, {})
    for article in articles:
        cited = _cited_anchors(article)
        actors = list(map(_ACTOR_PARAGRAPH, article.mentions))
        events = [(event, paragraph) for _, event, paragraph in sorted(_event_refs(article))]
        # Most texts cite nothing: then all they name is discourse, split in C.
        for part, found in ((0, actors), (2, events)):
            if cited:
                parts[part][article.id] = [p for p in found if p[1] not in cited]
                parts[part + 1][article.id] = [p for p in found if p[1] in cited]
            else:
                parts[part][article.id] = found
                parts[part + 1][article.id] = []
    return parts


def _cited_anchors(article: AnnotatedArticle) -> set[str]:
    """The paragraphs of `article`'s reference list."""
    return {anchor for anchor, _ in article.zones if in_bibliography(article, anchor)}


def _digest(value: object) -> bytes:
    return hashlib.blake2b(msgspec.msgpack.encode(value)).digest()


def _event_refs(article: AnnotatedArticle) -> list[tuple[int, str, str]]:
    """The text's references to events: each place it names one. A date is tied to an event only
    in a sentence that names the event (annotate.py): it dates that reference, and is shown with
    it, but is not a second one ("In 1999, NATO's Strategic Concept" refers to it once)."""
    return [(e.start, e.event, e.paragraph) for e in article.event_mentions]


def _texts_naming(
    articles: tuple[AnnotatedArticle, ...], counts: Mapping[str, Counter[str]]
) -> dict[str, list[AnnotatedArticle]]:
    """Which texts name each actor (or event), in article order: one pass here instead of one per
    actor or event. The mentions themselves are picked out when each page is prepared: kept here,
    one tuple per mention, they would be a tenth of the build's memory."""
    naming: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for article in articles:
        for named in sorted(counts[article.id]):
            naming[named].append(article)
    return naming


def _participations(events_sorted: tuple[Event, ...]) -> dict[str, list[Event]]:
    participations: dict[str, list[Event]] = defaultdict(list)
    for event in events_sorted:
        for actor_id in dict.fromkeys(event.participants):
            participations[actor_id].append(event)
    return participations


def _co_mentions(articles: tuple[AnnotatedArticle, ...]) -> dict[str, Counter[str]]:
    """For each actor, the other actors named in the same sentence of what a text says, counted
    by sentence (two names in one cited title are not named together by the text)."""
    result: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        by_sentence: dict[int, set[str]] = defaultdict(set)
        if article.zones:
            cited = {anchor for anchor, _ in article.zones if in_bibliography(article, anchor)}
            mentions = [m for m in article.mentions if m.paragraph not in cited]
        else:
            mentions = list(article.mentions)
        for sentence, actor in map(_SENTENCE_ACTOR, mentions):
            by_sentence[sentence].add(actor)
        for ids in by_sentence.values():
            if len(ids) > 1:
                for a in ids:
                    named_with = result[a]
                    for b in ids:
                        if a != b:
                            named_with[b] += 1
    return result


def _related_index(
    articles: tuple[AnnotatedArticle, ...],
    actor_counts: Mapping[str, Counter[str]],
    event_counts: Mapping[str, Counter[str]],
    events: Mapping[str, Event],
) -> RelatedIndex:
    """Each text's actors and events, the texts mentioning each, and how rare each is."""
    n = len(articles)
    own: list[frozenset[str]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        features = {"a:" + a for a in actor_counts[article.id]}
        features |= {"e:" + e for e in event_counts[article.id] if e in events}
        own.append(frozenset(features))
        for feature in sorted(features):
            postings[feature].append(i)
    idf = {f: math.log(1 + n / len(p)) for f, p in postings.items()}
    return RelatedIndex(tuple(own), postings, idf)


def article_ref(settings: CorpusSettings, urls: Urls, article: AnnotatedArticle) -> ArticleRef:
    meta = article.meta
    stance = meta.stance.value
    try:
        label = settings.stance_label(stance)
    except KeyError:
        label = meta.stance.label or str(stance)
    return ArticleRef(
        id=article.id,
        href=urls.article(article.id),
        title=meta.title.value,
        short_title=shorten(meta.title.value),
        authors=join_names([p.name for p in meta.authors.value]) or "Unattributed",
        outlet=meta.outlet.value,
        date=date_label(meta.published.value),
        genre=meta.genre.value,
        stance_value=stance,
        stance_label=label,
        stance_class=stance_class(stance),
        completeness=meta.completeness.value,
    )


def actor_ref(xrefs: CrossReferences, actor_id: str, count: int | None = None) -> ActorRef:
    """A reference to the actor, with its count in the whole corpus unless `count` is given."""
    actor = xrefs.actors.get(actor_id) or xrefs.authorship.made.get(actor_id)
    return ActorRef(
        id=actor_id,
        href=xrefs.urls.actor(actor_id),
        name=actor.name if actor else actor_id,
        type=actor.type if actor else "",
        count=xrefs.actor_totals[actor_id] if count is None else count,
    )


def event_ref(xrefs: CrossReferences, event_id: str, count: int | None = None) -> EventRef:
    """A reference to the event, with its count in the whole corpus unless `count` is given."""
    event = xrefs.events[event_id]
    return EventRef(
        id=event.id,
        href=xrefs.urls.event(event.id),
        name=event.name,
        type=event.type,
        date=date_label(event.date),
        end_date=date_label(event.end_date) if event.end_date else None,
        place=event.place,
        count=xrefs.event_totals[event_id] if count is None else count,
    )


def method_sentence(xrefs: CrossReferences) -> str:
    """How the records were made, with the corpus's counts (the home and about pages). The
    knowledge base may describe actors and events no text names: both numbers are said."""
    texts = len(xrefs.articles)
    each = "The one text is" if texts == 1 else f"Each of the {texts} texts is"
    return (
        f"{each} kept in its captured wording, and what it names is marked: "
        f"{counted(xrefs.mention_total, 'mention')} of "
        f"{part_of(xrefs.actors_mentioned, len(xrefs.actors), 'actor')} the knowledge base "
        f"describes, and {counted(xrefs.reference_total, 'reference')} to "
        f"{part_of(xrefs.events_referred, len(xrefs.events), 'event')} it describes. Every "
        "descriptive field says whether the text states it or an editor inferred it, with the "
        "quote or the basis."
    )


def counted(n: int, noun: str) -> str:
    """ "1 mention", "2 mentions"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def part_of(part: int, whole: int, noun: str) -> str:
    """ "57 of the 64 actors", or "all 29 events" (or "the one event") when none is left out."""
    if part == whole:
        return f"the one {noun}" if whole == 1 else f"all {whole} {noun}s"
    return f"{part} of the {counted(whole, noun)}" if whole != 1 else f"{part} of the one {noun}"
