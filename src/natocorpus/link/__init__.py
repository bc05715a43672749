"""The link stage: everything every page shows, computed once from the annotated records.

`link_site` turns an `AnnotatedCorpus` into a `SiteModel`: one frozen page context per page, with
every URL, count, cross-index, matrix, timeline geometry, citation and metadata string prepared, so
that the templates only place values and never compute. Every collection is sorted
deterministically; the only dates are the records' own. The cross-references are computed once
(`xrefs.py`); the contexts of article, actor and event pages are prepared from them when each page
is rendered (`DeferredPage`), in the render workers.

Where things are:

- `site.py`: `link_site`, which composes the pages in order, and the `SiteModel`.
- `xrefs.py`: the cross-references every page builder is given (`CrossReferences`).
- one module per kind of page, each with its view types: `article.py`, `actor.py`, `event.py`
  (each page builder beside the function that lists its inputs), `home.py`, `indexes.py` (the
  articles, actors and events indexes, and the authors and outlets by initial), `timeline.py`,
  `compare.py`, `about.py`, `search.py` (search and 404), `feed.py`.
- `pages.py`: `Page`, `DeferredPage`, `SitePages`, and the head every page has (`make_page`).
- `views.py`: the small values many pages show; `labels.py`: how values are written.
- `mentions.py`: mentions in context, for actor and event pages; `citation.py`; `jsonld.py`.
- `urls.py`: addresses, output paths, index pages and the layout of the search bundles.
- `html.py`: every piece of HTML made in Python, so that its escaping is read in one place.

To add a field to the actor page: add it to `ActorContext` and fill it in `actor_page` (both in
`actor.py`); if it is made from anything `actor_page_inputs` does not list yet, list that there,
or a rebuild keeps the page stale (tests/test_page_inputs.py changes each input in turn and fails
then; add a case for a new kind of input); place it in templates/actor.html.
"""

from natocorpus.link.about import AboutContext, CaptureLink, DataFile
from natocorpus.link.actor import CHART_CAP, ActorContext
from natocorpus.link.article import RELATED_CAP, ArticleContext
from natocorpus.link.compare import MATRIX_COLUMNS, CompareContext
from natocorpus.link.event import EventContext
from natocorpus.link.feed import FEED_ENTRIES, Feed, FeedEntry
from natocorpus.link.home import HOME_ARTICLES, HomeContext
from natocorpus.link.indexes import (
    ARTICLES_PER_PAGE,
    EVENTS_PER_PAGE,
    WRITERS_ON_INDEX,
    ActorsContext,
    ArticlesContext,
    EventsContext,
    WritersContext,
)
from natocorpus.link.pages import DeferredPage, Page, SitePages
from natocorpus.link.search import SEARCH_FILTERS, NotFoundContext, SearchContext
from natocorpus.link.site import SiteModel, link_site
from natocorpus.link.timeline import TIMELINE_LANE_MARKS, YEAR_LIST_CAP, TimelineContext
from natocorpus.link.urls import page_output
from natocorpus.link.views import PageContent

__all__ = [
    "ARTICLES_PER_PAGE",
    "CHART_CAP",
    "EVENTS_PER_PAGE",
    "FEED_ENTRIES",
    "HOME_ARTICLES",
    "MATRIX_COLUMNS",
    "RELATED_CAP",
    "SEARCH_FILTERS",
    "TIMELINE_LANE_MARKS",
    "WRITERS_ON_INDEX",
    "YEAR_LIST_CAP",
    "AboutContext",
    "ActorContext",
    "ActorsContext",
    "ArticleContext",
    "ArticlesContext",
    "CaptureLink",
    "CompareContext",
    "DataFile",
    "DeferredPage",
    "EventContext",
    "EventsContext",
    "Feed",
    "FeedEntry",
    "HomeContext",
    "NotFoundContext",
    "Page",
    "PageContent",
    "SearchContext",
    "SiteModel",
    "SitePages",
    "TimelineContext",
    "WritersContext",
    "link_site",
    "page_output",
]
