"""The search page, which loads Pagefind's bundles (merged where the index is in parts), and the
404 page; both offer the indexes to browse instead."""

from __future__ import annotations

import re

from natocorpus.link.indexes import index_links
from natocorpus.link.pages import Page, make_page
from natocorpus.link.urls import bundle_folder
from natocorpus.link.views import Link, PageContent
from natocorpus.link.xrefs import CrossReferences

# The kinds of page Pagefind indexes (their pages are made with `searchable=True`).
SEARCHABLE_KINDS = ("article", "actor", "event")

SEARCH_FILTERS = ("type", "stance", "year", "outlet", "author", "actor")
"""The filters of the search index, in the order the search page shows them."""

SEARCH_OPEN_FILTERS = ("type", "stance", "year", "outlet", "author")
"""Filters shown expanded on the search page (the long actor list starts collapsed)."""


# Pagefind's own weight for an h1, and what it counts as words.
_H1_WEIGHT = 7.0
_WORD_RE = re.compile(r"\w+")


def heading_weight(name: str) -> str:
    """The search weight (`data-pagefind-weight`) of an entity page's h1, which holds its name:
    an h1's weight shared among the name's words. Pagefind weighs a word by its element alone,
    not by how long that element is, so without this "Ministry of Foreign Affairs of Japan",
    whose page also lists more forms with "Japan" in them, outranks the page of Japan for
    "Japan". Shared, a query that is the whole name matches the heading at full weight, and one
    that is a word of a longer name matches it at that word's share (as a search engine weighs a
    short title field above a long one)."""
    words = max(1, len(_WORD_RE.findall(name)))
    return f"{_H1_WEIGHT / words:.2f}"


class SearchContext(PageContent, frozen=True):
    """The search page: Pagefind's Default UI from the generated bundle, and the indexes to
    browse without JavaScript. `open_filters` is a comma-separated list for a data attribute.
    Where the site was built without search (`indexed` false), the page says so, offers the
    indexes, and links to none of Pagefind's files."""

    indexes: tuple[Link, ...]
    indexed: bool
    bundle_url: str
    ui_script: str
    ui_stylesheet: str
    base_url: str
    open_filters: str
    filters: str
    """Every filter's name, comma-separated: the URL parameters a search page reads as filters."""
    # The bundles of the index's other parts, merged into the first's in the browser, separated by
    # spaces for a data attribute; empty where the index is one bundle.
    merged_bundles: str = ""


class NotFoundContext(PageContent, frozen=True):
    indexes: tuple[Link, ...]


def search_page(
    xrefs: CrossReferences, parts: tuple[tuple[str, ...], ...], *, search: bool = True
) -> Page:
    """The search page of an index in `parts` (`urls.search_parts`), or, without `search`, of a
    site built without one."""
    urls = xrefs.urls
    return make_page(
        xrefs,
        "search",
        "search/",
        "Search",
        f"Search the texts, actors and events of {xrefs.settings.title}.",
        SearchContext(
            index_links(xrefs),
            indexed=search,
            bundle_url=urls.page("pagefind/"),
            ui_script=urls.page("pagefind/pagefind-ui.js"),
            ui_stylesheet=urls.page("pagefind/pagefind-ui.css"),
            base_url=urls.base,
            open_filters=",".join(SEARCH_OPEN_FILTERS),
            filters=",".join(SEARCH_FILTERS),
            merged_bundles=" ".join(
                urls.page(bundle_folder(number) + "/") for number in range(1, len(parts))
            ),
        ),
    )


def not_found_page(xrefs: CrossReferences) -> Page:
    return make_page(
        xrefs,
        "404",
        "404.html",
        "Page not found",
        "There is no page at this address.",
        NotFoundContext(index_links(xrefs)),
        nav_key="",
    )
