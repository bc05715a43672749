"""The page of each event: the texts that refer to it, in context, and who takes part.

`event_page_inputs` lists all that `event_page` reads: a rebuild keeps the page while its inputs
are unchanged, so whatever the page comes to read must be listed there too
(tests/test_page_inputs.py fails otherwise).
"""

from __future__ import annotations

from functools import partial

from natocorpus.link.jsonld import event_node
from natocorpus.link.mentions import MentionPart, MentionRef, mention_part
from natocorpus.link.pages import DeferredPage, Page, deferred_page, make_page
from natocorpus.link.search import heading_weight
from natocorpus.link.views import ActorRef, EventRef, PageContent, SearchTag
from natocorpus.link.xrefs import CrossReferences, actor_ref, event_ref, in_bibliography
from natocorpus.model import AnnotatedArticle, Event


class EventContext(PageContent, frozen=True):
    event: EventRef
    heading_weight: str
    """The search weight of the h1, the event's name (`search.heading_weight`)."""
    description: str
    participants: tuple[ActorRef, ...]
    total: int
    article_count: int
    discourse: MentionPart
    """Its references in what the texts say (body, headings, notes)."""
    cited: MentionPart
    """Its references in the texts' reference lists (a cited title)."""


def event_pages(xrefs: CrossReferences) -> list[DeferredPage]:
    """The page of every event, by id, each prepared when it is rendered."""
    return [
        deferred_page(
            xrefs,
            "event",
            f"events/{e.id}/",
            partial(event_page, xrefs, e),
            partial(event_page_inputs, xrefs, e),
        )
        for e in sorted(xrefs.events.values(), key=lambda e: e.id)
    ]


def event_page_inputs(xrefs: CrossReferences, event: Event) -> tuple[object, ...]:
    """All that `event_page` reads besides `entity_inputs`: the texts that refer to the event,
    in order, with their counts, and the counts of the actors taking part."""
    return (
        xrefs.entity_inputs,
        event.id,
        [
            (xrefs.article_key(a), xrefs.event_counts[a.id][event.id])
            for a in xrefs.articles_referring.get(event.id, [])
        ],
        [(actor, xrefs.actor_totals[actor]) for actor in event.participants],
    )


def _references_in(event: Event, cited: bool, article: AnnotatedArticle) -> list[MentionRef]:
    """Where `article` refers to `event`, in its discourse or (`cited`) its reference list: each
    place it names it (a date tied to the event sits in the same sentence, which the passage
    shows; it is not another reference)."""
    return [
        (e.start, e.end, e.sentence, e.paragraph)
        for e in article.event_mentions
        if e.event == event.id and in_bibliography(article, e.paragraph) == cited
    ]


def event_page(xrefs: CrossReferences, event: Event) -> Page:
    """The page of `event`. All it reads must be covered by `event_page_inputs`."""
    refs = [
        (a, xrefs.event_counts[a.id][event.id]) for a in xrefs.articles_referring.get(event.id, [])
    ]
    in_texts = [a for a, _ in refs]
    discourse = mention_part(
        xrefs,
        [(a, xrefs.event_discourse.counts[a.id][event.id]) for a in in_texts],
        partial(_references_in, event, False),
    )
    cited = mention_part(
        xrefs,
        [(a, xrefs.event_cited.counts[a.id][event.id]) for a in in_texts],
        partial(_references_in, event, True),
    )
    total = xrefs.event_totals[event.id]
    ref = event_ref(xrefs, event.id)
    participants = tuple(
        sorted((actor_ref(xrefs, p) for p in event.participants), key=lambda r: (r.name, r.id))
    )
    content = EventContext(
        event=ref,
        heading_weight=heading_weight(event.name),
        description=event.description,
        participants=participants,
        total=total,
        article_count=len(refs),
        discourse=discourse,
        cited=cited,
    )
    when = "".join(ref.when)
    where = f", {event.place}" if event.place else ""
    return make_page(
        xrefs,
        "event",
        f"events/{event.id}/",
        event.name,
        f"{ref.name_beside_date}, {when}{where}. {event.description}",
        content,
        jsonld=event_node(event, xrefs.urls, xrefs.actors),
        searchable=True,
        search_tags=(
            SearchTag("filter", "type", "event"),
            SearchTag("filter", "year", str(event.date.year)),
            SearchTag("meta", "title", event.name),
            SearchTag("meta", "kind", event.type),
            SearchTag("meta", "date", when),
            SearchTag("sort", "date", event.date.iso),
        ),
        nav_key="events",
    )
