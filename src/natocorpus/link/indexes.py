"""The indexes: every text (in pages of ARTICLES_PER_PAGE), every actor by type, every event (in
pages of EVENTS_PER_PAGE), and the links to them that the search and 404 pages offer."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

import msgspec

from natocorpus.link.pages import Page, make_page
from natocorpus.link.urls import index_path
from natocorpus.link.views import ActorRef, ArticleRef, EventRef, Link, PageContent
from natocorpus.link.xrefs import CrossReferences, actor_ref, event_ref

C = TypeVar("C")

ARTICLES_PER_PAGE = 100
EVENTS_PER_PAGE = 400

ACTOR_TYPE_ORDER = (
    "state",
    "organisation",
    "alliance",
    "grouping",
    "institution",
    "person",
    "region",
    "document",
)
ACTOR_TYPE_PLURALS = {
    "state": "States",
    "organisation": "Organisations",
    "alliance": "Alliances",
    "grouping": "Groupings",
    "institution": "Institutions",
    "person": "People",
    "region": "Regions",
    "document": "Documents",
}


class PageNumber(msgspec.Struct, frozen=True):
    number: int
    href: str
    current: bool


class Pagination(msgspec.Struct, frozen=True):
    """Links between the pages of a long index: every page, the previous and the next."""

    label: str
    pages: tuple[PageNumber, ...]
    previous: str | None
    next: str | None


class ArticlesContext(PageContent, frozen=True):
    articles: tuple[ArticleRef, ...]
    total: int
    first: int
    pagination: Pagination | None


class ActorGroup(msgspec.Struct, frozen=True):
    type: str
    label: str
    actors: tuple[ActorRef, ...]


class WriterRef(msgspec.Struct, frozen=True):
    """An author or outlet the knowledge base does not describe, with its page (made from the
    records) and how many texts it wrote or published."""

    href: str
    name: str
    role: str
    texts: int

    @property
    def label(self) -> str:
        """ "wrote 1 text", "published 2 texts"."""
        return f"{self.role} {self.texts} text{'' if self.texts == 1 else 's'}"


class ActorsContext(PageContent, frozen=True):
    groups: tuple[ActorGroup, ...]
    total_actors: int
    actors_mentioned: int
    total_mentions: int
    writers: tuple[WriterRef, ...] = ()


class EventsContext(PageContent, frozen=True):
    events: tuple[EventRef, ...]
    total: int
    first: int
    pagination: Pagination | None


def articles_index_pages(xrefs: CrossReferences) -> list[Page]:
    refs = tuple(xrefs.article_refs[a.id] for a in xrefs.articles)
    return _index_pages(
        xrefs,
        "articles",
        "Articles",
        f"The {len(refs)} texts of the corpus, by date of publication",
        "Pages of the articles index",
        refs,
        ARTICLES_PER_PAGE,
        lambda chunk, first, pagination: ArticlesContext(chunk, len(refs), first, pagination),
    )


def actors_index_page(xrefs: CrossReferences) -> Page:
    by_type: dict[str, list[ActorRef]] = defaultdict(list)
    for actor in xrefs.actors.values():
        by_type[actor.type].append(actor_ref(xrefs, actor.id))
    order = {t: i for i, t in enumerate(ACTOR_TYPE_ORDER)}
    groups = tuple(
        ActorGroup(
            t,
            ACTOR_TYPE_PLURALS.get(t, t.capitalize()),
            tuple(sorted(by_type[t], key=lambda r: (-r.count, r.name, r.id))),
        )
        for t in sorted(by_type, key=lambda t: (order.get(t, len(order)), t))
    )
    made = xrefs.authorship.made
    writers = tuple(
        WriterRef(
            xrefs.urls.actor(w.id),
            w.name,
            "wrote" if w.type == "person" else "published",
            len(
                (xrefs.authorship.wrote if w.type == "person" else xrefs.authorship.published).get(
                    w.id, []
                )
            ),
        )
        for w in sorted(made.values(), key=lambda w: (w.name, w.id))
    )
    return make_page(
        xrefs,
        "actors",
        "actors/",
        "Actors",
        f"The {len(xrefs.actors)} actors of the knowledge base, by type, with how often the texts "
        "mention each.",
        ActorsContext(
            groups, len(xrefs.actors), xrefs.actors_mentioned, xrefs.mention_total, writers
        ),
    )


def events_index_pages(xrefs: CrossReferences) -> list[Page]:
    refs = tuple(event_ref(xrefs, e.id) for e in xrefs.events_sorted)
    return _index_pages(
        xrefs,
        "events",
        "Events",
        f"The {len(xrefs.events)} events of the knowledge base, in date order, with how often "
        "the texts refer to each",
        "Pages of the events index",
        refs,
        EVENTS_PER_PAGE,
        lambda chunk, first, pagination: EventsContext(chunk, len(refs), first, pagination),
    )


def index_links(xrefs: CrossReferences) -> tuple[Link, ...]:
    urls = xrefs.urls
    return (
        Link(urls.page("articles/"), "All articles"),
        Link(urls.page("actors/"), "All actors"),
        Link(urls.page("events/"), "All events"),
        Link(urls.page("timeline/"), "Timeline"),
    )


def _pagination(
    xrefs: CrossReferences, index: str, label: str, count: int, current: int
) -> Pagination | None:
    if count <= 1:
        return None
    urls = xrefs.urls
    return Pagination(
        label,
        tuple(PageNumber(n, urls.index(index, n), n == current) for n in range(1, count + 1)),
        urls.index(index, current - 1) if current > 1 else None,
        urls.index(index, current + 1) if current < count else None,
    )


def _index_pages(
    xrefs: CrossReferences,
    index: str,
    title: str,
    description: str,
    label: str,
    items: Sequence[C],
    per_page: int,
    make: Callable[[tuple[C, ...], int, Pagination | None], PageContent],
) -> list[Page]:
    """A long index split into pages of `per_page`: index/, index/page/2/, ..."""
    count = max(1, math.ceil(len(items) / per_page))
    out = []
    for number in range(1, count + 1):
        first = (number - 1) * per_page
        chunk = tuple(items[first : first + per_page])
        suffix = f" (page {number} of {count})" if count > 1 else ""
        shown = f", {first + 1} to {first + len(chunk)} on this page" if count > 1 else ""
        out.append(
            make_page(
                xrefs,
                index,
                index_path(index, number),
                title + suffix,
                description + shown + ".",
                make(chunk, first, _pagination(xrefs, index, label, count, number)),
                heading=title,
            )
        )
    return out
