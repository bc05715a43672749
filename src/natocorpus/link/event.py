"""The page of each event: the texts that refer to it, in context, and who takes part.

`event_page_inputs` lists all that `event_page` reads: a rebuild keeps the page while its inputs
are unchanged, so whatever the page comes to read must be listed there too
(tests/test_page_inputs.py fails otherwise).
"""

from __future__ import annotations

from functools import partial

from natocorpus.link.jsonld import event_node
from natocorpus.link.mentions import MentionGroup, MentionRef, mention_groups
from natocorpus.link.pages import DeferredPage, Page, deferred_page, make_page
from natocorpus.link.views import ActorRef, EventRef, PageContent, SearchTag
from natocorpus.link.xrefs import CrossReferences, actor_ref, event_ref
from natocorpus.model import AnnotatedArticle, Event


class EventContext(PageContent, frozen=True):
    event: EventRef
    description: str
    participants: tuple[ActorRef, ...]
    total: int
    article_count: int
    groups: tuple[MentionGroup, ...]
    groups_more: int
    shown: int
    """Passages shown, in all the texts."""
    shown_marks: int
    """Of the `total`, how many are highlighted in the passages shown."""
    capped: bool

    @property
    def texts_shown(self) -> int:
        return len(self.groups)


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


def _references_in(event: Event, article: AnnotatedArticle) -> list[MentionRef]:
    """Where `article` refers to `event`: each place it names it (a date tied to the event sits
    in the same sentence, which the passage shows; it is not another reference)."""
    return [
        (e.start, e.end, e.sentence, e.paragraph)
        for e in article.event_mentions
        if e.event == event.id
    ]


def event_page(xrefs: CrossReferences, event: Event) -> Page:
    """The page of `event`. All it reads must be covered by `event_page_inputs`."""
    refs = [
        (a, xrefs.event_counts[a.id][event.id]) for a in xrefs.articles_referring.get(event.id, [])
    ]
    groups, shown, shown_marks = mention_groups(xrefs, refs, partial(_references_in, event))
    total = xrefs.event_totals[event.id]
    ref = event_ref(xrefs, event.id)
    participants = tuple(
        sorted((actor_ref(xrefs, p) for p in event.participants), key=lambda r: (r.name, r.id))
    )
    content = EventContext(
        event=ref,
        description=event.description,
        participants=participants,
        total=total,
        article_count=len(refs),
        groups=groups,
        groups_more=len(refs) - len(groups),
        shown=shown,
        shown_marks=shown_marks,
        capped=shown_marks < total,
    )
    when = ref.date.display + (f" \u2013 {ref.end_date.display}" if ref.end_date else "")
    where = f", {event.place}" if event.place else ""
    return make_page(
        xrefs,
        "event",
        f"events/{event.id}/",
        event.name,
        f"{event.name}, {when}{where}. {event.description}",
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
