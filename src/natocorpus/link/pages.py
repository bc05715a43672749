"""A page: where it goes, its head (title, canonical address, meta tags, JSON-LD, navigation) and
its content; a deferred page, prepared only when it is rendered; and the site's pages in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, overload

import msgspec
from markupsafe import Markup

from natocorpus.link.html import head_html, json_for_script
from natocorpus.link.urls import page_output
from natocorpus.link.views import MetaTag, NavItem, PageContent, SearchTag

if TYPE_CHECKING:
    from natocorpus.link.xrefs import CrossReferences

NAV: tuple[tuple[str, str, str], ...] = (
    ("articles", "articles/", "Articles"),
    ("actors", "actors/", "Actors"),
    ("events", "events/", "Events"),
    ("timeline", "timeline/", "Timeline"),
    ("compare", "compare/", "Compare"),
    ("about", "about/", "About"),
)


class Page(msgspec.Struct, frozen=True):
    """One HTML page: where it goes, its head (title, canonical, meta, JSON-LD) and its content."""

    kind: str
    template: str
    output: str
    url: str
    title: str
    heading: str
    description: str
    canonical: str | None
    meta: tuple[MetaTag, ...]
    jsonld: Markup | None
    nav: tuple[NavItem, ...]
    searchable: bool
    search_tags: tuple[SearchTag, ...]
    content: PageContent

    @property
    def head_html(self) -> Markup:
        """`meta` and `search_tags` as <meta> elements, escaped, one per line."""
        return head_html(self.meta, self.search_tags)


class DeferredPage(msgspec.Struct, frozen=True):
    """A page known by its address, whose context is prepared only when it is rendered.

    Article, actor and event pages are most of a site and carry most of its text: prepared in
    the render workers, one at a time, they are never all held in the building process.

    `inputs`, where given, returns everything `make` prepares the page from: a page whose inputs
    are those of the page the last build wrote is kept without being prepared again (the
    stale-page rule, which tests/test_page_inputs.py checks for each kind of page)."""

    kind: str
    url: str
    output: str
    make: Callable[[], Page]
    inputs: Callable[[], tuple[object, ...]] | None = None


class SitePages(Sequence[Page]):
    """The site's pages in order; a deferred page is prepared each time it is asked for."""

    def __init__(self, entries: Iterable[Page | DeferredPage]) -> None:
        self._entries = tuple(entries)

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Page, ...]: ...

    def __getitem__(self, index: int | slice) -> Page | tuple[Page, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        entry = self._entries[index]
        return entry.make() if isinstance(entry, DeferredPage) else entry

    def __eq__(self, other: object) -> bool:
        """Equal when they hold the same pages, deferred ones prepared to compare."""
        if not isinstance(other, SitePages):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    @property
    def entries(self) -> tuple[Page | DeferredPage, ...]:
        """The pages, the deferred ones not prepared."""
        return self._entries

    @property
    def outputs(self) -> tuple[str, ...]:
        return tuple(entry.output for entry in self._entries)

    @property
    def addresses(self) -> tuple[tuple[str, str], ...]:
        """(kind, url) of every page, without preparing any."""
        return tuple((entry.kind, entry.url) for entry in self._entries)


def make_page(
    xrefs: CrossReferences,
    kind: str,
    path: str,
    title: str,
    description: str,
    content: PageContent,
    *,
    heading: str | None = None,
    og_type: str = "website",
    extra_meta: Iterable[MetaTag] = (),
    jsonld: object | None = None,
    searchable: bool = False,
    search_tags: Iterable[SearchTag] = (),
    nav_key: str | None = None,
) -> Page:
    """The page of `kind` at `path` with its head: the site's title after its own, the canonical
    address, Open Graph tags, `extra_meta`, the JSON-LD and the navigation (`nav_key` marks the
    current item, the kind by default)."""
    urls = xrefs.urls
    url = urls.page(path)
    canonical = None if kind == "404" else urls.absolute(url)
    site_title = xrefs.settings.title
    full_title = site_title if kind == "home" else f"{title} · {site_title}"
    meta = [MetaTag("name", "description", description)]
    meta += [
        MetaTag("property", "og:site_name", site_title),
        MetaTag("property", "og:title", title),
        MetaTag("property", "og:description", description),
        MetaTag("property", "og:type", og_type),
    ]
    if canonical:
        meta.append(MetaTag("property", "og:url", canonical))
    meta += list(extra_meta)
    current = nav_key or kind
    return Page(
        kind=kind,
        template=f"{kind}.html",
        output=page_output(kind, path),
        url=url,
        title=full_title,
        heading=heading or title,
        description=description,
        canonical=canonical,
        meta=tuple(meta),
        jsonld=json_for_script(jsonld) if jsonld is not None else None,
        nav=tuple(NavItem(urls.page(p), label, key == current) for key, p, label in NAV),
        searchable=searchable,
        search_tags=tuple(search_tags),
        content=content,
    )


def deferred_page(
    xrefs: CrossReferences,
    kind: str,
    path: str,
    make: Callable[[], Page],
    inputs: Callable[[], tuple[object, ...]],
) -> DeferredPage:
    return DeferredPage(kind, xrefs.urls.page(path), page_output(kind, path), make, inputs)
