"""The Atom feed of the latest texts."""

from __future__ import annotations

import msgspec

from natocorpus.link.urls import Urls
from natocorpus.link.xrefs import CrossReferences
from natocorpus.model import PartialDate

FEED_ENTRIES = 50


class FeedEntry(msgspec.Struct, frozen=True):
    id: str
    title: str
    href: str
    updated: str
    authors: tuple[str, ...]
    summary: str


class Feed(msgspec.Struct, frozen=True):
    id: str
    title: str
    subtitle: str
    href: str
    self_href: str
    updated: str
    author: str
    entries: tuple[FeedEntry, ...]


def feed(xrefs: CrossReferences) -> Feed:
    """The FEED_ENTRIES latest texts, newest first."""
    urls = xrefs.urls
    settings = xrefs.settings
    latest = max(
        (a.meta.published.value for a in xrefs.articles),
        key=lambda d: d.sort_key,
        default=PartialDate(1970, 1, 1),
    )
    entries = tuple(
        FeedEntry(
            id=_feed_id(urls, r.href),
            title=r.title,
            href=urls.absolute(r.href),
            updated=_rfc3339(a.meta.published.value),
            authors=tuple(p.name for p in a.meta.authors.value),
            summary=f"{r.authors}, {r.outlet_and_date}. Stance: {r.stance_label}. "
            f"{a.meta.stance.rationale}",
        )
        for a, r in sorted(
            ((a, xrefs.article_refs[a.id]) for a in xrefs.articles),
            key=lambda ar: (tuple(-v for v in ar[0].meta.published.value.sort_key), ar[0].id),
        )[:FEED_ENTRIES]
    )
    return Feed(
        id=_feed_id(urls, urls.page()),
        title=settings.title,
        subtitle=settings.description,
        href=urls.absolute(urls.page()),
        self_href=urls.absolute(urls.page("feed.xml")),
        updated=_rfc3339(latest),
        author=settings.title,
        entries=entries,
    )


def _rfc3339(date: PartialDate) -> str:
    """Atom needs a full timestamp: the first instant of the date's period (records only)."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def _feed_id(urls: Urls, path: str) -> str:
    if urls.origin:
        return urls.absolute(path)
    return "urn:natocorpus:" + (path.strip("/").replace("/", ":") or "site")
