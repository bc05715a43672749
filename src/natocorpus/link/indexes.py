"""The indexes: every text (in pages of ARTICLES_PER_PAGE), every actor by type, every event (in
pages of EVENTS_PER_PAGE), and the links to them that the search and 404 pages offer.

The authors and outlets the knowledge base does not describe are listed on the actors index while
there are at most WRITERS_ON_INDEX of them; beyond, on pages of their own, one per initial, which
the index links with their counts (a corpus of 10,000 texts has some 12,000 of them)."""

from __future__ import annotations

import math
import unicodedata
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
WRITERS_ON_INDEX = 300
# The initial of a name that starts with no letter from a to z (a digit, another script).
OTHER_INITIAL = "other"

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


class WritersInitial(msgspec.Struct, frozen=True):
    """The authors and outlets whose names start with one initial, and the page listing them."""

    initial: str
    label: str
    href: str
    writers: tuple[WriterRef, ...]

    @property
    def count(self) -> int:
        return len(self.writers)

    @property
    def count_noun(self) -> str:
        """What `count` counts, for a screen reader: "1 name", "94 names"."""
        return "name" if self.count == 1 else "names"


class WritersNav(msgspec.Struct, frozen=True):
    """Links to the page of each initial, with how many names each lists."""

    total: int
    initials: tuple[WritersInitial, ...]


class ActorsContext(PageContent, frozen=True):
    groups: tuple[ActorGroup, ...]
    total_actors: int
    actors_mentioned: int
    total_mentions: int
    writers: tuple[WriterRef, ...] = ()
    """Listed on the index itself (at most WRITERS_ON_INDEX); empty when `writers_nav` is set."""
    writers_nav: WritersNav | None = None
    """Where the authors and outlets are on pages of their own, one per initial."""


class WritersContext(PageContent, frozen=True):
    """A page of the authors and outlets whose names start with one initial."""

    current: WritersInitial
    nav: WritersNav
    actors_url: str


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


def actors_index_pages(xrefs: CrossReferences) -> list[Page]:
    """The actors index, and the pages of the authors and outlets by initial where they are too
    many to list on it."""
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
    writers = _writers(xrefs)
    nav = _writers_nav(xrefs, writers) if len(writers) > WRITERS_ON_INDEX else None
    index = make_page(
        xrefs,
        "actors",
        "actors/",
        "Actors",
        f"The {len(xrefs.actors)} actors of the knowledge base, by type, with how often the texts "
        "mention each.",
        ActorsContext(
            groups,
            len(xrefs.actors),
            xrefs.actors_mentioned,
            xrefs.mention_total,
            () if nav else writers,
            nav,
        ),
    )
    if nav is None:
        return [index]
    return [index, *(_writers_page(xrefs, nav, initial) for initial in nav.initials)]


def _writers(xrefs: CrossReferences) -> tuple[WriterRef, ...]:
    """The authors and outlets the knowledge base does not describe, by name, with how many
    texts each wrote or published."""
    authorship = xrefs.authorship
    return tuple(
        WriterRef(
            xrefs.urls.actor(w.id),
            w.name,
            "wrote" if w.type == "person" else "published",
            len((authorship.wrote if w.type == "person" else authorship.published).get(w.id, [])),
        )
        for w in sorted(authorship.made.values(), key=lambda w: (w.name, w.id))
    )


def initial_of(name: str) -> str:
    """The letter a page of names is filed under: "Émile" and "emile" under "e"; a name that
    starts with a digit or with a letter of another script under OTHER_INITIAL."""
    for char in unicodedata.normalize("NFKD", name):
        if char.isalnum():
            letter = char.casefold()
            return letter if "a" <= letter <= "z" else OTHER_INITIAL
    return OTHER_INITIAL


def _writers_nav(xrefs: CrossReferences, writers: tuple[WriterRef, ...]) -> WritersNav:
    by_initial: dict[str, list[WriterRef]] = defaultdict(list)
    for writer in writers:
        by_initial[initial_of(writer.name)].append(writer)
    initials = sorted(by_initial, key=lambda i: (i == OTHER_INITIAL, i))
    return WritersNav(
        len(writers),
        tuple(
            WritersInitial(
                i,
                "Other" if i == OTHER_INITIAL else i.upper(),
                xrefs.urls.page(writers_path(i)),
                tuple(by_initial[i]),
            )
            for i in initials
        ),
    )


def writers_path(initial: str) -> str:
    """The page of the authors and outlets filed under `initial`: actors/writers/b/, ... (an
    actor's page is actors/ID/, so no actor's page is one of these)."""
    return f"actors/writers/{initial}/"


def _writers_page(xrefs: CrossReferences, nav: WritersNav, current: WritersInitial) -> Page:
    initial = "another character" if current.initial == OTHER_INITIAL else current.label
    return make_page(
        xrefs,
        "writers",
        writers_path(current.initial),
        f"Authors and outlets: {current.label}",
        f"The {current.count} authors and outlets whose names start with {initial}, of the "
        f"{nav.total} the knowledge base does not describe, each with how many texts it wrote or "
        "published.",
        WritersContext(current, nav, xrefs.urls.page("actors/")),
        nav_key="actors",
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
