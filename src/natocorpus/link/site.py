"""The link stage as a whole: every page of the site, in order, with the site-wide values."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from natocorpus.link.about import about_page
from natocorpus.link.actor import actor_pages
from natocorpus.link.article import article_pages
from natocorpus.link.citation import CitationFiles, citation_files
from natocorpus.link.compare import compare_page
from natocorpus.link.event import event_pages
from natocorpus.link.feed import Feed, feed
from natocorpus.link.home import home_page
from natocorpus.link.indexes import actors_index_pages, articles_index_pages, events_index_pages
from natocorpus.link.pages import DeferredPage, Page, SitePages
from natocorpus.link.search import SEARCHABLE_KINDS, not_found_page, search_page
from natocorpus.link.timeline import timeline_page
from natocorpus.link.urls import Urls, search_parts
from natocorpus.link.xrefs import CrossReferences, cross_references
from natocorpus.model import AnnotatedCorpus


class SiteModel(msgspec.Struct, frozen=True):
    base_url: str
    title: str
    description: str
    language: str
    home_url: str
    search_url: str
    pagefind_url: str
    static_url: str
    articles_url: str
    actors_url: str
    events_url: str
    timeline_url: str
    compare_url: str
    about_url: str
    data_url: str
    feed_url: str
    sitemap_url: str
    licence_name: str
    licence_url: str | None
    pages: SitePages
    # The output paths of the searchable pages, in the parts the search stage makes a bundle of
    # each of (`urls.search_parts`).
    search_parts: tuple[tuple[str, ...], ...]
    sitemap: tuple[str, ...]
    feed: Feed
    citations: CitationFiles  # each text's citation files and the corpus's


def link_site(
    corpus: AnnotatedCorpus,
    base_url: str,
    *,
    origin: str | None = None,
    article_keys: Mapping[str, bytes] | None = None,
    search: bool = True,
) -> SiteModel:
    """Every page's context (for a deferred page, how to prepare it). `origin` (for example
    "https://example.org") makes the canonical, Open Graph, sitemap and feed URLs absolute; without
    it they are root-relative.

    `article_keys`, by article path, are digests that identify each annotated article (of the
    files it was made from and all else its annotation depends on): a page's inputs name an article
    by its key. An article without one is named by a digest of the whole article.

    Without `search` (a build with `--no-search`), the search page says that the site has no
    search index and offers the indexes instead."""
    xrefs = cross_references(corpus, Urls(base_url, origin), article_keys or {})
    pages: list[Page | DeferredPage] = [home_page(xrefs)]
    pages += articles_index_pages(xrefs)
    pages += article_pages(xrefs)
    pages += actors_index_pages(xrefs)
    pages += actor_pages(xrefs)
    pages += events_index_pages(xrefs)
    pages += event_pages(xrefs)
    pages += [timeline_page(xrefs), compare_page(xrefs), about_page(xrefs)]
    parts = search_parts(
        [p.output for p in pages if isinstance(p, DeferredPage) and p.kind in SEARCHABLE_KINDS]
    )
    pages += [search_page(xrefs, parts, search=search), not_found_page(xrefs)]
    return site_model(xrefs, SitePages(pages), parts)


def site_model(
    xrefs: CrossReferences, pages: SitePages, parts: tuple[tuple[str, ...], ...]
) -> SiteModel:
    """The site's pages with the values every template sees, the sitemap and the feed."""
    urls = xrefs.urls
    settings = xrefs.settings
    return SiteModel(
        base_url=urls.base,
        title=settings.title,
        description=settings.description,
        language=settings.language,
        home_url=urls.page(),
        search_url=urls.page("search/"),
        pagefind_url=urls.page("pagefind/"),
        static_url=urls.page("static/"),
        articles_url=urls.page("articles/"),
        actors_url=urls.page("actors/"),
        events_url=urls.page("events/"),
        timeline_url=urls.page("timeline/"),
        compare_url=urls.page("compare/"),
        about_url=urls.page("about/"),
        data_url=urls.page("about/") + "#data",
        feed_url=urls.page("feed.xml"),
        sitemap_url=urls.absolute(urls.page("sitemap.xml")),
        licence_name=settings.licence.name,
        licence_url=settings.licence.url,
        pages=pages,
        search_parts=parts,
        sitemap=sitemap(urls, pages),
        feed=feed(xrefs),
        citations=citation_files(xrefs.articles, urls),
    )


def sitemap(urls: Urls, pages: SitePages) -> tuple[str, ...]:
    """The address of every page but the 404 page, in the site's order."""
    return tuple(urls.absolute(url) for kind, url in pages.addresses if kind != "404")
