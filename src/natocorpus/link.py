"""The link stage: everything every page shows, computed once from the annotated records.

`link_site` turns an `AnnotatedCorpus` into a `SiteModel`: one frozen page context per page, with
every URL, count, cross-index, matrix, timeline geometry, citation and metadata string prepared, so
that the templates only place values and never compute. Every collection is sorted
deterministically; the only dates are the records' own. The cross-indexes are computed here, once;
the contexts of article, actor and event pages are prepared from them when each page is rendered
(`DeferredPage`), in the render workers.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import json
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any, Literal, NamedTuple, TypeVar, overload

import msgspec
from markupsafe import Markup, escape

from natocorpus.model import (
    Actor,
    AnnotatedArticle,
    AnnotatedCorpus,
    Block,
    Event,
    Field,
    PartialDate,
    Precision,
    Provenance,
)
from natocorpus.search import bundle_folder, search_parts

C = TypeVar("C")

MENTION_CAP = 50
"""At most this many mentions in context on one actor or event page."""

CONTEXT_CHARS = 240
"""Keyword-in-context: at most this many characters either side of the highlighted words."""

HEAT_LEVELS = 5

GAP_YEAR_WIDTH = 0.15
"""On the timeline, a year with nothing in it takes this fraction of a year's width."""

TICK_SPACING = 34.0

# Page budgets: every page stays bounded however large the corpus grows -------------------------

# The kinds of page Pagefind indexes (their pages are made with `searchable=True`).
SEARCHABLE_KINDS = ("article", "actor", "event")
RELATED_CAP = 5
"""At most this many related texts on an article page."""

RELATED_SHARED_CAP = 4
"""At most this many shared actors (and as many shared events) named per related text."""

RELATED_MAX_POSTING = 150
"""While looking for related texts, an actor or event in more texts than this is not followed
through its list of texts (it says little about relatedness and would make the work quadratic);
it still counts towards the score of the candidates the rarer ones find."""

RELATED_CANDIDATES = 40
"""Candidates per text, by the score over the rarer actors and events, rescored exactly."""

HOME_ARTICLES = 12
HOME_ACTORS = 12
ARTICLES_PER_PAGE = 100
EVENTS_PER_PAGE = 400
CHART_CAP = 20
"""Bars in the per-text chart on an actor page."""

CO_MENTION_CAP = 20
ENTITY_EVENTS_CAP = 30
"""Events listed on an actor page (the events it takes part in)."""

STANCE_LIST_MAX = 20
"""An actor page lists the texts under each stance only when this many or fewer mention it."""

SCALE_LIST_MAX = 30
"""The compare page lists the texts under each stance level only for this many texts or fewer."""

MATRIX_ROWS = 20
MATRIX_COLUMNS = 50
TIMELINE_LANE_MARKS = 120
"""A timeline lane with more items than this counts them by month (or by year) instead."""

YEAR_LIST_CAP = 20
"""On the timeline page, at most this many events and as many texts listed under each year."""

FEED_ENTRIES = 50
CAPTURE_LIST_MAX = 50

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

DATA_FILES: tuple[tuple[str, str, str], ...] = (
    ("records.json", "JSON", "Every record: articles, metadata with provenance, actors, events."),
    ("records.schema.json", "JSON Schema", "The schema that records.json follows."),
    ("datapackage.json", "Frictionless Data Package", "Describes each CSV file and its columns."),
    ("annotations.jsonld", "JSON-LD (W3C Web Annotation)", "Every mention as an annotation."),
    ("articles.csv", "CSV", "One row per text: bibliographic record, stance, word count."),
    ("actors.csv", "CSV", "One row per actor: type, description, Wikidata, forms, mentions."),
    ("events.csv", "CSV", "One row per event: type, date at its precision, place, participants."),
    ("mentions.csv", "CSV", "One row per actor mention: text, offsets, paragraph permalink."),
)
"""Downloads the records stage writes under data/ (the CSV files are listed in datapackage.json)."""


# Small shared values -----------------------------------------------------------------------


class Link(msgspec.Struct, frozen=True):
    href: str
    text: str


class MetaTag(msgspec.Struct, frozen=True):
    """A <meta> element: `attr` is "name" (Highwire, description) or "property" (Open Graph)."""

    attr: Literal["name", "property"]
    key: str
    content: str


class SearchTag(msgspec.Struct, frozen=True):
    """A value for the Pagefind index, placed on a <meta> element in the head (never in the
    indexed text): a filter value, a result's metadata, or a sort key (`kind`), under `key`.
    The template writes `data-pagefind-{kind}="{key}[content]"`, so commas and colons in the
    value need no escaping; a filter with several values is several tags."""

    kind: Literal["filter", "meta", "sort"]
    key: str
    value: str


SEARCH_FILTERS = ("type", "stance", "year", "outlet", "author", "actor")
"""The filters of the search index, in the order the search page shows them."""

SEARCH_OPEN_FILTERS = ("type", "stance", "year", "outlet", "author")
"""Filters shown expanded on the search page (the long actor list starts collapsed)."""


class DateLabel(msgspec.Struct, frozen=True):
    """A date at its precision: `iso` (YYYY, YYYY-MM, YYYY-MM-DD) to parse, `display` to read."""

    iso: str
    display: str
    precision: Precision


class NavItem(msgspec.Struct, frozen=True):
    href: str
    label: str
    current: bool


class ArticleRef(msgspec.Struct, frozen=True):
    id: str
    href: str
    title: str
    short_title: str
    authors: str
    outlet: str
    date: DateLabel
    genre: str
    stance_value: int
    stance_label: str
    stance_class: str
    completeness: str


class CaptureLink(msgspec.Struct, frozen=True):
    """A raw capture on the about page, with the text it is the capture of."""

    href: str
    file_name: str
    article: ArticleRef


class ActorRef(msgspec.Struct, frozen=True):
    id: str
    href: str
    name: str
    type: str
    count: int


class EventRef(msgspec.Struct, frozen=True):
    id: str
    href: str
    name: str
    type: str
    date: DateLabel
    end_date: DateLabel | None
    place: str | None
    count: int


class Kwic(msgspec.Struct, frozen=True):
    """Keyword in context: the sentence, the mention highlighted, and the paragraph it is in."""

    before: str
    match: str
    after: str
    href: str
    paragraph: str


class MentionGroup(msgspec.Struct, frozen=True):
    """The mentions in one article: how many, the first one's paragraph, those shown in context."""

    article: ArticleRef
    count: int
    first_href: str
    shown: tuple[Kwic, ...]
    not_shown: int

    @property
    def html(self) -> Markup:
        """`shown` as one prepared, escaped list (the template places it as it is)."""
        return kwic_html(self.shown)


class BarRow(msgspec.Struct, frozen=True):
    """One bar of a chart drawn at build time: `width` in SVG units out of `BAR_WIDTH`."""

    label: str
    href: str
    count: int
    width: int


BAR_WIDTH = 200


# The article body ------------------------------------------------------------------------


class BodyItem(msgspec.Struct, frozen=True):
    anchor: str
    html: Markup
    value: int | None


class BodyBlock(msgspec.Struct, frozen=True):
    """A heading, a paragraph, or a run of list items; `html` is escaped text with the links in."""

    kind: Literal["heading", "paragraph", "list"]
    tag: str
    anchor: str
    html: Markup
    items: tuple[BodyItem, ...]


# Page contexts -------------------------------------------------------------------------------


class MetaRow(msgspec.Struct, frozen=True):
    label: str
    value: str
    href: str | None
    kind: Literal["stated", "inferred"]
    note_label: str
    note: str


class Evidence(msgspec.Struct, frozen=True):
    text: str
    href: str


class StanceView(msgspec.Struct, frozen=True):
    value: int
    label: str
    css_class: str
    rationale: str
    evidence: tuple[Evidence, ...]
    question: str


class Citation(msgspec.Struct, frozen=True):
    plain: str
    bibtex: str
    ris: str
    csl_json: str


class RelatedArticle(msgspec.Struct, frozen=True):
    """A related text and what it shares: the rarest shared actors and events first, at most
    RELATED_SHARED_CAP of each, with how many more are shared."""

    article: ArticleRef
    shared_actors: tuple[Link, ...]
    shared_events: tuple[Link, ...]
    more_actors: int
    more_events: int


class ReferenceView(msgspec.Struct, frozen=True):
    number: int
    text: str
    url: str | None
    doi: str | None
    doi_url: str | None
    paragraph_href: str


class ArticleContext(msgspec.Struct, frozen=True):
    article: ArticleRef
    meta_rows: tuple[MetaRow, ...]
    completeness_note: str | None
    translation_note: str | None
    stance: StanceView
    body: tuple[BodyBlock, ...]
    actors: tuple[ActorRef, ...]
    events: tuple[EventRef, ...]
    related: tuple[RelatedArticle, ...]
    citation: Citation
    capture_href: str
    capture_name: str
    references: tuple[ReferenceView, ...]
    themes: tuple[str, ...]
    word_count: int
    reading_minutes: int
    mention_total: int

    @property
    def body_html(self) -> Markup:
        """The body as one piece of markup, each block with its anchor and permalink."""
        return body_html(self.body)


class CoMention(msgspec.Struct, frozen=True):
    actor: ActorRef
    sentences: int


class StanceCount(msgspec.Struct, frozen=True):
    """How many of the texts mentioning an actor take this stance; `articles` lists them only
    when few texts mention it (else it is empty)."""

    label: str
    value: int
    css_class: str
    count: int
    articles: tuple[ArticleRef, ...]


class ActorContext(msgspec.Struct, frozen=True):
    actor: ActorRef
    description: str
    type_label: str
    forms: tuple[str, ...]
    wikidata: str | None
    wikidata_href: str | None
    total: int
    article_count: int
    chart: tuple[BarRow, ...]
    chart_more: int
    groups: tuple[MentionGroup, ...]
    groups_more: int
    shown: int
    capped: bool
    co_mentions: tuple[CoMention, ...]
    co_more: int
    events: tuple[EventRef, ...]
    events_more: int
    stances: tuple[StanceCount, ...]
    mentions_href: str

    @property
    def texts_shown(self) -> int:
        return len(self.groups)


class EventContext(msgspec.Struct, frozen=True):
    event: EventRef
    description: str
    participants: tuple[ActorRef, ...]
    total: int
    article_count: int
    groups: tuple[MentionGroup, ...]
    groups_more: int
    shown: int
    capped: bool

    @property
    def texts_shown(self) -> int:
        return len(self.groups)


class ActorGroup(msgspec.Struct, frozen=True):
    type: str
    label: str
    actors: tuple[ActorRef, ...]


class ActorsContext(msgspec.Struct, frozen=True):
    groups: tuple[ActorGroup, ...]
    total_actors: int
    total_mentions: int


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


class EventsContext(msgspec.Struct, frozen=True):
    events: tuple[EventRef, ...]
    total: int
    first: int
    pagination: Pagination | None


class ArticlesContext(msgspec.Struct, frozen=True):
    articles: tuple[ArticleRef, ...]
    total: int
    first: int
    pagination: Pagination | None


class TimelineMark(msgspec.Struct, frozen=True):
    """A mark on a lane: a dot (`shape` "dot": cx, cy, r) for a day, a bar for a month or a year."""

    shape: Literal["dot", "bar"]
    x: str
    y: str
    width: str
    height: str
    cx: str
    cy: str
    href: str
    label: str
    css_class: str


class TimelineTick(msgspec.Struct, frozen=True):
    x: str
    label: str


class TimelineLane(msgspec.Struct, frozen=True):
    label: str
    label_y: str
    line_y: str


class Timeline(msgspec.Struct, frozen=True):
    width: str
    height: str
    axis_y: str
    tick_top: str
    label_y: str
    plot_left: str
    plot_right: str
    lanes: tuple[TimelineLane, ...]
    ticks: tuple[TimelineTick, ...]
    breaks: tuple[str, ...]
    marks: tuple[TimelineMark, ...]
    description: str


class YearGroup(msgspec.Struct, frozen=True):
    """One year on the timeline page: at most YEAR_LIST_CAP events and texts, with how many more
    there are and where the index lists them."""

    year: str
    events: tuple[EventRef, ...]
    articles: tuple[ArticleRef, ...]
    events_more: int
    events_more_href: str
    articles_more: int
    articles_more_href: str


class TimelineContext(msgspec.Struct, frozen=True):
    timeline: Timeline
    years: tuple[YearGroup, ...]


class MatrixCell(msgspec.Struct, frozen=True):
    count: int
    level: str
    href: str | None
    label: str


class MatrixRow(msgspec.Struct, frozen=True):
    header: Link
    total: int
    cells: tuple[MatrixCell, ...]
    html: Markup
    """The row's cells, prepared and escaped (the template places them as they are)."""


class Matrix(msgspec.Struct, frozen=True):
    id: str
    caption: str
    row_label: str
    columns: tuple[ArticleRef, ...]
    rows: tuple[MatrixRow, ...]
    column_totals: tuple[int, ...]
    grand_total: int
    limited: str | None
    """When the table shows only part of the corpus: which part (the caption says it)."""


class StanceLevelView(msgspec.Struct, frozen=True):
    """A level of the stance scale: how many texts take it, and (for a small corpus) which."""

    value: int
    label: str
    css_class: str
    count: int
    articles: tuple[tuple[ArticleRef, str], ...]


class CompareContext(msgspec.Struct, frozen=True):
    question: str
    scale: tuple[StanceLevelView, ...]
    scale_listed: bool
    actor_matrix: Matrix
    event_matrix: Matrix
    mentions_href: str


class HomeContext(msgspec.Struct, frozen=True):
    description: str
    method: str
    articles: tuple[ArticleRef, ...]
    """The latest texts, newest first (all of them in a small corpus)."""
    article_total: int
    timeline: Timeline
    top_actors: tuple[ActorRef, ...]

    @property
    def shows_latest_only(self) -> bool:
        return len(self.articles) < self.article_total


class DataFile(msgspec.Struct, frozen=True):
    href: str
    name: str
    format: str
    description: str


class AboutContext(msgspec.Struct, frozen=True):
    description: str
    method: str
    question: str
    scale: tuple[StanceLevelView, ...]
    licence_name: str
    licence_url: str | None
    licence_applies_to: str | None
    downloads: tuple[DataFile, ...]
    captures: tuple[CaptureLink, ...]
    """Every capture, for a small corpus; empty for a large one (each text's page links its own)."""
    article_count: int
    actor_count: int
    event_count: int
    mention_count: int


class SearchContext(msgspec.Struct, frozen=True):
    """The search page: Pagefind's Default UI from the generated bundle, and the indexes to
    browse without JavaScript. `open_filters` is a comma-separated list for a data attribute."""

    indexes: tuple[Link, ...]
    bundle_url: str
    ui_script: str
    ui_stylesheet: str
    base_url: str
    open_filters: str
    # The bundles of the index's other parts, merged into the first's in the browser, separated by
    # spaces for a data attribute; empty where the index is one bundle.
    merged_bundles: str = ""


class NotFoundContext(msgspec.Struct, frozen=True):
    indexes: tuple[Link, ...]


PageContent = (
    HomeContext
    | ArticleContext
    | ArticlesContext
    | ActorContext
    | ActorsContext
    | EventContext
    | EventsContext
    | TimelineContext
    | CompareContext
    | AboutContext
    | SearchContext
    | NotFoundContext
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
    are those of the page the last build wrote is kept without being prepared again."""

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


def page_output(kind: str, path: str) -> str:
    """Where a page is written: its URL path as a folder with an index.html (404.html aside)."""
    return "404.html" if kind == "404" else f"{path}index.html"


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
    # The output paths of the searchable pages, in the parts the index stage makes a bundle of
    # each of (`index.search_parts`).
    search_parts: tuple[tuple[str, ...], ...]
    sitemap: tuple[str, ...]
    feed: Feed


# Helpers ---------------------------------------------------------------------------------------


def date_label(date: PartialDate) -> DateLabel:
    return DateLabel(date.iso, date.display, date.precision)


def head_html(meta: Iterable[MetaTag], search_tags: Iterable[SearchTag]) -> Markup:
    """The page's <meta> elements: its description, Open Graph and Highwire tags, then the values
    for the search index (`data-pagefind-{kind}="{key}[content]"`), each on its own line."""
    lines = [
        f'<meta {tag.attr}="{escape(tag.key)}" content="{escape(tag.content)}">' for tag in meta
    ]
    lines += [
        f'<meta name="pagefind-{tag.kind}-{escape(tag.key)}" content="{escape(tag.value)}" '
        f'data-pagefind-{tag.kind}="{escape(tag.key)}[content]">'
        for tag in search_tags
    ]
    return Markup("\n".join(lines))  # every value is escaped above


def highwire_date(date: PartialDate) -> str:
    """YYYY, YYYY/MM or YYYY/MM/DD: the date at its precision, never padded to a day."""
    return date.iso.replace("-", "/")


def json_for_script(value: object) -> Markup:
    """JSON that is safe inside <script>: `<`, `>` and `&` become \\u003c, \\u003e and \\u0026."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # escaped above for <script>


def fmt(number: float) -> str:
    """A coordinate as a short, stable string."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def join_names(names: Sequence[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def shorten(text: str, limit: int = 48) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:\u2013-")
    return cut + "…"


def stance_class(value: int) -> str:
    if value == 0:
        return "stance-0"
    return f"stance-{'m' if value < 0 else 'p'}{min(abs(value), 3)}"


def heat_level(count: int, maximum: int) -> str:
    if count <= 0 or maximum <= 0:
        return "heat-0"
    # A square-root scale: one dominant actor should not wash every other cell out to level 1.
    return f"heat-{min(HEAT_LEVELS, math.ceil(HEAT_LEVELS * math.sqrt(count / maximum)))}"


def article_sort_key(article: AnnotatedArticle) -> tuple[tuple[int, int, int], str]:
    return (article.meta.published.value.sort_key, article.id)


def event_sort_key(event: Event) -> tuple[tuple[int, int, int], str, str]:
    return (event.date.sort_key, event.name, event.id)


def _clip_before(text: str) -> str:
    text = text.lstrip()
    if len(text) <= CONTEXT_CHARS:
        return text
    return "…" + text[-CONTEXT_CHARS:].split(" ", 1)[-1]


def _clip_after(text: str) -> str:
    text = text.rstrip()
    if len(text) <= CONTEXT_CHARS:
        return text
    return text[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"


def kwic(article: AnnotatedArticle, start: int, end: int, sentence: int, href: str) -> Kwic:
    reading = article.text.reading_text
    if 0 <= sentence < len(article.sentences):
        s = article.sentences[sentence]
        s_start, s_end = min(s.start, start), max(s.end, end)
    else:
        block = article.text.block_at(start)
        s_start, s_end = block.start, block.end
    return Kwic(
        before=_clip_before(reading[s_start:start]),
        match=reading[start:end],
        after=_clip_after(reading[end:s_end]),
        href=href,
        paragraph=href.rsplit("#", 1)[-1],
    )


def kwic_html(shown: Sequence[Kwic]) -> Markup:
    """The passages of a mention group as one escaped `<ol>` (empty when there are none)."""
    if not shown:
        return Markup("")
    lines = ['<ol class="kwic">']
    for k in shown:
        lines.append(
            f"<li><q>{escape(k.before)}<mark>{escape(k.match)}</mark>{escape(k.after)}</q> "
            f'<a class="kwic-link" href="{escape(k.href)}">paragraph '
            '<span aria-hidden="true">¶</span></a></li>'
        )
    lines.append("</ol>")
    return Markup("\n".join(lines))  # every value is escaped above


# Annotated body ------------------------------------------------------------------------------


_Span = tuple[int, int, int, str, str]
"""A span of the body to wrap: start, start - end (so that the longest sorts first), priority,
opening tag, closing tag."""


class _Tags:
    """The opening tags of mention links, built and escaped once per actor or event for the
    whole site rather than once per mention."""

    def __init__(self, urls: _Urls, actor_names: Mapping[str, str]) -> None:
        self.urls = urls
        self.actor_names = actor_names
        self._actors: dict[tuple[str, bool], str] = {}
        self._events: dict[tuple[str, str], str] = {}

    def actor(self, actor_id: str, text: str, titled: bool = True) -> str:
        """A plain link (actor mentions are by far the most frequent: the stylesheet marks every
        link in the body but the permalinks as a mention), with the actor's name as a tooltip
        where the words in the text are not the name itself and `titled` is true."""
        name = self.actor_names.get(actor_id, actor_id)
        key = (actor_id, text == name or not titled)
        tag = self._actors.get(key)
        if tag is None:
            title = "" if key[1] else f' title="{escape(name)}"'
            tag = f'<a href="{escape(self.urls.actor(actor_id))}"{title}>'
            self._actors[key] = tag
        return tag

    def event(self, event_id: str, css: str) -> str:
        tag = self._events.get((event_id, css))
        if tag is None:
            tag = f'<a class="{css}" href="{escape(self.urls.event(event_id))}">'
            self._events[(event_id, css)] = tag
        return tag


def _spans(article: AnnotatedArticle, tags: _Tags) -> list[_Span]:
    spans: list[_Span] = []
    titled: set[tuple[str, str]] = set()  # the tooltip on the first use of each form only
    for m in sorted(article.mentions, key=lambda m: m.start):
        first = (m.actor, m.text) not in titled
        titled.add((m.actor, m.text))
        spans.append((m.start, m.start - m.end, 0, tags.actor(m.actor, m.text, first), "</a>"))
    for e in article.event_mentions:
        spans.append((e.start, e.start - e.end, 1, tags.event(e.event, "mention-event"), "</a>"))
    for d in article.dates:
        time_open = f'<time datetime="{escape(d.value.iso)}">' if d.value is not None else ""
        time_close = "</time>" if d.value is not None else ""
        if d.event is not None:
            spans.append(
                (
                    d.start,
                    d.start - d.end,
                    2,
                    tags.event(d.event, "mention-date") + time_open,
                    time_close + "</a>",
                )
            )
        elif d.value is not None:
            spans.append((d.start, d.start - d.end, 3, time_open, time_close))
    # Longest first at each offset; an overlapping later span is dropped (no link inside a link).
    spans.sort()
    return spans


def _block_html(block: Block, spans: Sequence[_Span]) -> Markup:
    text = block.text
    offset = block.start
    size = len(text)
    pieces: list[str] = []  # text between spans and text of spans, alternating
    wrappers: list[tuple[str, str]] = []
    cursor = 0
    for span_start, negative_length, _, open_, close in spans:
        start = span_start - offset
        end = start - negative_length
        if start < cursor or start < 0 or end > size or end <= start:
            continue
        pieces.append(text[cursor:start])
        pieces.append(text[start:end])
        wrappers.append((open_, close))
        cursor = end
    pieces.append(text[cursor:])
    # One escape for the whole block: the pieces joined by a character that escaping leaves
    # alone and that is not in the text.
    if "\x00" in text:
        escaped = [str(escape(piece)) for piece in pieces]
    else:
        escaped = str(escape("\x00".join(pieces))).split("\x00")
    out = [escaped[0]]
    for k, (open_, close) in enumerate(wrappers):
        out += (open_, escaped[2 * k + 1], close, escaped[2 * k + 2])
    return Markup("".join(out))  # every piece of text is escaped


def body_blocks(article: AnnotatedArticle, tags: _Tags) -> tuple[BodyBlock, ...]:
    spans = _spans(article, tags)
    by_block: dict[str, list[_Span]] = defaultdict(list)
    blocks = article.text.blocks
    starts = [b.start for b in blocks]
    for span in spans:
        # The last block starting at or before the span (blocks are in text order).
        index = bisect.bisect_right(starts, span[0]) - 1
        if index >= 0 and span[0] - span[1] <= blocks[index].end:
            by_block[blocks[index].anchor].append(span)
    out: list[BodyBlock] = []
    pending: list[BodyItem] = []
    pending_ordered = False

    def flush() -> None:
        nonlocal pending
        if pending:
            tag = "ol" if pending_ordered else "ul"
            out.append(BodyBlock("list", tag, pending[0].anchor, Markup(""), tuple(pending)))
            pending = []

    for block in article.text.blocks:
        html = _block_html(block, by_block.get(block.anchor, ()))
        if block.kind == "item":
            ordered = block.marker is not None
            if pending and ordered != pending_ordered:
                flush()
            pending_ordered = ordered
            value = int(block.marker.rstrip(".")) if block.marker else None
            pending.append(BodyItem(block.anchor, html, value))
            continue
        flush()
        if block.kind == "heading":
            level = min(6, max(2, block.level or 2))
            out.append(BodyBlock("heading", f"h{level}", block.anchor, html, ()))
        else:
            out.append(BodyBlock("paragraph", "p", block.anchor, html, ()))
    flush()
    return tuple(out)


def body_html(blocks: Sequence[BodyBlock]) -> Markup:
    """The article body as one piece of markup: each block with its anchor and permalink."""
    lines: list[str] = []
    for block in blocks:
        if block.kind == "list":
            lines.append(f'<{block.tag} class="body-list">')
            for item in block.items:
                value = f' value="{item.value}"' if item.value is not None else ""
                lines.append(
                    f'<li id="{escape(item.anchor)}"{value}>{item.html} <a class="permalink" '
                    f'data-pagefind-ignore href="#{escape(item.anchor)}" '
                    'aria-label="Permalink to this item">¶</a></li>'
                )
            lines.append(f"</{block.tag}>")
        else:
            lines.append(
                f'<{block.tag} id="{escape(block.anchor)}">{block.html} <a class="permalink" '
                f'data-pagefind-ignore href="#{escape(block.anchor)}" '
                f'aria-label="Permalink to this {block.kind}">¶</a></{block.tag}>'
            )
    return Markup("\n".join(lines) + "\n" if lines else "")  # block html is escaped text


# URLs ------------------------------------------------------------------------------------------


class _Urls:
    def __init__(self, base_url: str, origin: str | None) -> None:
        if not (base_url.startswith("/") and base_url.endswith("/")):
            raise ValueError(f"base_url must start and end with '/': {base_url!r}")
        self.base = base_url
        self.origin = origin.rstrip("/") if origin else ""

    def page(self, path: str = "") -> str:
        return self.base + path

    def absolute(self, url: str) -> str:
        return self.origin + url

    def article(self, id: str) -> str:
        return self.page(f"articles/{id}/")

    def actor(self, id: str) -> str:
        return self.page(f"actors/{id}/")

    def event(self, id: str) -> str:
        return self.page(f"events/{id}/")

    def paragraph(self, article_id: str, anchor: str) -> str:
        return f"{self.article(article_id)}#{anchor}"


# Citations -------------------------------------------------------------------------------------


_BIBTEX_SPECIAL = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def citation(article: AnnotatedArticle, page_url: str) -> Citation:
    meta = article.meta
    names = [p.name for p in meta.authors.value]
    date = meta.published.value
    doi = meta.doi.value if meta.doi else None
    url = meta.source_url.value if meta.source_url else None
    link = f"https://doi.org/{doi}" if doi else url
    news = meta.genre.value in ("news", "opinion") and not doi

    lead = f"{join_names(names)}. " if names else ""
    plain = f"{lead}“{meta.title.value}.” {meta.outlet.value}, {date.display}."
    if link:
        plain += f" {link}."
    plain += f" Reading text: {page_url}"

    key = article.id
    fields: list[tuple[str, str]] = [("title", meta.title.value)]
    if names:
        fields.append(("author", " and ".join(names)))
    fields.append(("journal", meta.outlet.value))
    fields.append(("year", str(date.year)))
    if date.month is not None:
        fields.append(("month", str(date.month)))
    if date.day is not None:
        fields.append(("day", str(date.day)))
    if doi:
        fields.append(("doi", doi))
    if url:
        fields.append(("url", url))
    bib_lines = [f"@article{{{key},"]
    bib_lines += [f"  {name} = {{{bibtex_escape(value)}}}," for name, value in fields]
    bib_lines.append("}")

    ris_date = "/".join(
        [
            f"{date.year:04d}",
            f"{date.month:02d}" if date.month else "",
            f"{date.day:02d}" if date.day else "",
            "",
        ]
    )
    ris_lines = [f"TY  - {'NEWS' if news else 'JOUR'}", f"TI  - {meta.title.value}"]
    ris_lines += [f"AU  - {name}" for name in names]
    ris_lines += [f"PY  - {date.year:04d}", f"DA  - {ris_date}", f"T2  - {meta.outlet.value}"]
    if doi:
        ris_lines.append(f"DO  - {doi}")
    if url:
        ris_lines.append(f"UR  - {url}")
    ris_lines.append(f"ID  - {article.id}")
    ris_lines.append("ER  - ")

    parts = [date.year] + ([date.month] if date.month else []) + ([date.day] if date.day else [])
    csl: dict[str, object] = {
        "id": article.id,
        "type": "article-newspaper" if news else "article-journal",
        "title": meta.title.value,
        "author": [{"literal": name} for name in names],
        "container-title": meta.outlet.value,
        "issued": {"date-parts": [parts]},
    }
    if doi:
        csl["DOI"] = doi
    if url:
        csl["URL"] = url
    return Citation(
        plain=plain,
        bibtex="\n".join(bib_lines),
        ris="\n".join(ris_lines),
        csl_json=json.dumps([csl], ensure_ascii=False, indent=2),
    )


# JSON-LD -------------------------------------------------------------------------------------


def _schema_type(actor: Actor) -> str:
    return {
        "person": "Person",
        "state": "Country",
        "region": "Place",
        "document": "CreativeWork",
    }.get(actor.type, "Organization")


def _actor_node(actor: Actor, urls: _Urls) -> dict[str, object]:
    node: dict[str, object] = {
        "@type": _schema_type(actor),
        "@id": urls.absolute(urls.actor(actor.id)),
        "name": actor.name,
        "url": urls.absolute(urls.actor(actor.id)),
    }
    if actor.description:
        node["description"] = actor.description
    if actor.wikidata:
        node["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
    return node


def _event_node(event: Event, urls: _Urls, actors: Mapping[str, Actor]) -> dict[str, object]:
    node: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": urls.absolute(urls.event(event.id)),
        "name": event.name,
        "url": urls.absolute(urls.event(event.id)),
        "startDate": event.date.iso,
        "description": event.description,
    }
    if event.end_date:
        node["endDate"] = event.end_date.iso
    if event.place:
        node["location"] = {"@type": "Place", "name": event.place}
    performers = [_actor_node(actors[p], urls) for p in event.participants if p in actors]
    if performers:
        node["attendee"] = performers
    return node


# The stage ---------------------------------------------------------------------------------


NAV: tuple[tuple[str, str, str], ...] = (
    ("articles", "articles/", "Articles"),
    ("actors", "actors/", "Actors"),
    ("events", "events/", "Events"),
    ("timeline", "timeline/", "Timeline"),
    ("compare", "compare/", "Compare"),
    ("about", "about/", "About"),
)


def _provenance_row(label: str, field: Field[Any], value: str, href: str | None = None) -> MetaRow:
    prov: Provenance = field.provenance
    if prov.is_stated:
        return MetaRow(label, value, href, "stated", "Stated as", prov.quote or "")
    return MetaRow(label, value, href, "inferred", "Basis", prov.basis or "")


class _RelatedIndex(NamedTuple):
    own: tuple[frozenset[str], ...]  # each text's actors ("a:id") and events ("e:id")
    postings: Mapping[str, list[int]]  # the texts (positions, in date order) mentioning each
    idf: Mapping[str, float]


# Fields of an ActorMention, and of an event reference (`_Linker._event_refs`), got in C.
_FIRST = operator.itemgetter(0)
_ACTOR_PARAGRAPH = operator.itemgetter(0, 4)
_SENTENCE_ACTOR = operator.itemgetter(5, 0)
_SECOND = operator.itemgetter(1)
_EVENT_PARAGRAPH = operator.itemgetter(1, 2)

_Ref = tuple[int, int, int, str]
"""A mention or reference: start, end, sentence index, paragraph anchor."""


def link_site(
    corpus: AnnotatedCorpus,
    base_url: str,
    *,
    origin: str | None = None,
    article_keys: Mapping[str, bytes] | None = None,
) -> SiteModel:
    """Every page's context (for a deferred page, how to prepare it). `origin` (for example
    "https://example.org") makes the canonical, Open Graph, sitemap and feed URLs absolute; without
    it they are root-relative.

    `article_keys`, by article path, are digests that identify each annotated article (of the
    files it was made from and all else its annotation depends on): a page's inputs name an article
    by its key. An article without one is named by a digest of the whole article."""
    return _Linker(corpus, _Urls(base_url, origin), article_keys or {}).site()


class _Linker:
    def __init__(
        self, corpus: AnnotatedCorpus, urls: _Urls, article_keys: Mapping[str, bytes]
    ) -> None:
        self.article_keys = article_keys
        # Digests of the articles the build gave no key for, made when first asked for.
        self.article_digests: dict[str, bytes] = {}
        self.settings = corpus.settings
        self.urls = urls
        self.articles = tuple(sorted(corpus.articles, key=article_sort_key))
        self.actors = {a.id: a for a in corpus.knowledge.actors}
        self.events = {e.id: e for e in corpus.knowledge.events}
        self.actor_names = {a.id: a.name for a in corpus.knowledge.actors}
        self.tags = _Tags(urls, self.actor_names)
        self.mentions_href = urls.page("data/mentions.csv")

        # counts[article id][actor id], event counts include dates resolved to the event
        self.actor_counts: dict[str, Counter[str]] = {}
        self.event_counts: dict[str, Counter[str]] = {}
        # first_*_anchor[article id][actor or event id]: the paragraph of the first mention
        self.first_actor_anchor: dict[str, dict[str, str]] = {}
        self.first_event_anchor: dict[str, dict[str, str]] = {}
        # Counted by C-level maps over the mentions, a million at 10,000 texts; reversed (they
        # are in the order of the text), the first mention of each is the last one a dict keeps.
        for article in self.articles:
            self.actor_counts[article.id] = Counter(map(_FIRST, article.mentions))
            self.first_actor_anchor[article.id] = dict(
                map(_ACTOR_PARAGRAPH, reversed(article.mentions))
            )
            refs = sorted(self._event_refs(article))
            self.event_counts[article.id] = Counter(map(_SECOND, refs))
            refs.reverse()
            self.first_event_anchor[article.id] = dict(map(_EVENT_PARAGRAPH, refs))
        self.actor_totals: Counter[str] = Counter()
        self.event_totals: Counter[str] = Counter()
        for article in self.articles:
            self.actor_totals.update(self.actor_counts[article.id])
            self.event_totals.update(self.event_counts[article.id])
        self.article_refs = {a.id: self._article_ref(a) for a in self.articles}

        # Which texts mention what, in article order: one pass here instead of one per actor or
        # event. The mentions themselves are picked out when each page is prepared: kept here,
        # one tuple per mention, they would be a tenth of the build's memory.
        self.articles_mentioning: dict[str, list[AnnotatedArticle]] = defaultdict(list)
        self.articles_referring: dict[str, list[AnnotatedArticle]] = defaultdict(list)
        for article in self.articles:
            for actor_id in sorted(self.actor_counts[article.id]):
                self.articles_mentioning[actor_id].append(article)
            for event_id in sorted(self.event_counts[article.id]):
                self.articles_referring[event_id].append(article)
        self.events_sorted = tuple(sorted(self.events.values(), key=event_sort_key))
        self.participations: dict[str, list[Event]] = defaultdict(list)
        for event in self.events_sorted:
            for actor_id in dict.fromkeys(event.participants):
                self.participations[actor_id].append(event)
        self.related_index = self.related_articles_index()
        # What every article page is prepared from besides its own article: the settings, actors,
        # events and addresses, and all that its related texts are chosen and shown from (each
        # text's actors and events, in date order, and how each is shown).
        own, _, _ = self.related_index
        self.shared_inputs = hashlib.blake2b(
            msgspec.msgpack.encode(
                (
                    corpus.settings,
                    corpus.knowledge,
                    urls.base,
                    urls.origin,
                    [sorted(features) for features in own],
                    [self.article_refs[article.id] for article in self.articles],
                )
            )
        ).digest()
        # What every actor and event page is prepared from besides its own entity: the same,
        # without the texts' features, which only the choice of related texts reads.
        self.entity_inputs = hashlib.blake2b(
            msgspec.msgpack.encode(
                (
                    corpus.settings,
                    corpus.knowledge,
                    urls.base,
                    urls.origin,
                    [self.article_refs[article.id] for article in self.articles],
                )
            )
        ).digest()

    # references --------------------------------------------------------------------------

    @staticmethod
    def _event_refs(article: AnnotatedArticle) -> list[tuple[int, str, str]]:
        refs = [(e.start, e.event, e.paragraph) for e in article.event_mentions]
        refs += [(d.start, d.event, d.paragraph) for d in article.dates if d.event is not None]
        return refs

    def _article_ref(self, article: AnnotatedArticle) -> ArticleRef:
        meta = article.meta
        stance = meta.stance.value
        try:
            label = self.settings.stance_label(stance)
        except KeyError:
            label = meta.stance.label or str(stance)
        return ArticleRef(
            id=article.id,
            href=self.urls.article(article.id),
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

    def actor_ref(self, actor_id: str, count: int | None = None) -> ActorRef:
        actor = self.actors.get(actor_id)
        return ActorRef(
            id=actor_id,
            href=self.urls.actor(actor_id),
            name=actor.name if actor else actor_id,
            type=actor.type if actor else "",
            count=self.actor_totals[actor_id] if count is None else count,
        )

    def event_ref(self, event_id: str, count: int | None = None) -> EventRef:
        event = self.events[event_id]
        return EventRef(
            id=event.id,
            href=self.urls.event(event.id),
            name=event.name,
            type=event.type,
            date=date_label(event.date),
            end_date=date_label(event.end_date) if event.end_date else None,
            place=event.place,
            count=self.event_totals[event_id] if count is None else count,
        )

    def nav(self, current: str) -> tuple[NavItem, ...]:
        return tuple(
            NavItem(self.urls.page(path), label, key == current) for key, path, label in NAV
        )

    def page(
        self,
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
        url = self.urls.page(path)
        output = page_output(kind, path)
        canonical = None if kind == "404" else self.urls.absolute(url)
        site_title = self.settings.title
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
        search_tags = tuple(search_tags)
        return Page(
            kind=kind,
            template=f"{kind}.html",
            output=output,
            url=url,
            title=full_title,
            heading=heading or title,
            description=description,
            canonical=canonical,
            meta=tuple(meta),
            jsonld=json_for_script(jsonld) if jsonld is not None else None,
            nav=self.nav(nav_key or kind),
            searchable=searchable,
            search_tags=search_tags,
            content=content,
        )

    def deferred(
        self,
        kind: str,
        path: str,
        make: Callable[[], Page],
        inputs: Callable[[], tuple[object, ...]] | None = None,
    ) -> DeferredPage:
        return DeferredPage(kind, self.urls.page(path), page_output(kind, path), make, inputs)

    # pages -----------------------------------------------------------------------------------

    def method_sentence(self) -> str:
        mentions = sum(self.actor_totals.values())
        return (
            f"Each of the {len(self.articles)} texts is kept in its captured wording, its "
            f"{mentions} mentions of {len(self.actors)} actors and references to "
            f"{len(self.events)} events are marked, and every descriptive field says whether "
            "the text states it or an editor inferred it, with the quote or the basis."
        )

    def article_key(self, article: AnnotatedArticle) -> bytes:
        """What names `article` in a page's inputs: its key where the build gave one, else a
        digest of the article (a tenth of a millisecond for an article of 1,000 words)."""
        key = self.article_keys.get(article.path) or self.article_digests.get(article.path)
        if key is None:
            key = hashlib.blake2b(msgspec.msgpack.encode(article)).digest()
            self.article_digests[article.path] = key
        return key

    def article_page_inputs(self, article: AnnotatedArticle) -> tuple[object, ...]:
        """All that `article_page` reads: the article, and what every article page shares
        (`shared_inputs`, which covers the texts related to it; its position in date order is
        used for nothing else)."""
        return (self.shared_inputs, self.article_key(article))

    def actor_page_inputs(self, actor: Actor, co: Mapping[str, Counter[str]]) -> tuple[object, ...]:
        """All that `actor_page` reads besides `entity_inputs`: the texts that mention the actor,
        in order, with their counts; the actors named in the same sentences, with the counts of
        both; and the events it takes part in, with their counts."""
        named_with = co.get(actor.id, Counter())
        return (
            self.entity_inputs,
            actor.id,
            [
                (self.article_key(a), self.actor_counts[a.id][actor.id])
                for a in self.articles_mentioning.get(actor.id, [])
            ],
            sorted((other, n, self.actor_totals[other]) for other, n in named_with.items()),
            [(e.id, self.event_totals[e.id]) for e in self.participations.get(actor.id, [])],
        )

    def event_page_inputs(self, event: Event) -> tuple[object, ...]:
        """All that `event_page` reads besides `entity_inputs`: the texts that refer to the event,
        in order, with their counts, and the counts of the actors taking part."""
        return (
            self.entity_inputs,
            event.id,
            [
                (self.article_key(a), self.event_counts[a.id][event.id])
                for a in self.articles_referring.get(event.id, [])
            ],
            [(actor, self.actor_totals[actor]) for actor in event.participants],
        )

    def article_page(self, article: AnnotatedArticle, position: int) -> Page:
        """The page of `article`, the `position`-th of the texts in date order. All it reads
        must be covered by `article_page_inputs`: a rebuild keeps the page while those are
        unchanged."""
        urls = self.urls
        meta = article.meta
        ref = self.article_refs[article.id]
        page_url = urls.article(article.id)
        date = meta.published.value

        rows = [_provenance_row("Title", meta.title, meta.title.value)]
        authors = "; ".join(
            p.name + (f" ({p.affiliation})" if p.affiliation else "") for p in meta.authors.value
        )
        rows.append(_provenance_row("Authors", meta.authors, authors or "none given"))
        rows.append(_provenance_row("Outlet", meta.outlet, meta.outlet.value))
        if meta.original_outlet:
            rows.append(
                _provenance_row(
                    "First published in", meta.original_outlet, meta.original_outlet.value
                )
            )
        if meta.translated_from:
            rows.append(
                _provenance_row("Translated from", meta.translated_from, meta.translated_from.value)
            )
        rows.append(_provenance_row("Published", meta.published, date.display))
        rows.append(_provenance_row("Genre", meta.genre, meta.genre.value))
        rows.append(_provenance_row("Completeness", meta.completeness, meta.completeness.value))
        if meta.source_url:
            rows.append(
                _provenance_row(
                    "Source URL", meta.source_url, meta.source_url.value, meta.source_url.value
                )
            )
        if meta.doi:
            rows.append(
                _provenance_row(
                    "DOI", meta.doi, meta.doi.value, f"https://doi.org/{meta.doi.value}"
                )
            )
        rows.append(_provenance_row("Themes", meta.themes, ", ".join(meta.themes.value)))

        completeness = meta.completeness.value
        completeness_note = None
        if completeness != "full":
            completeness_note = {
                "excerpt": "This text is an excerpt: the capture holds only part of the article.",
                "abstract-with-references": (
                    "This text is an abstract with its references: the capture does not hold "
                    "the full article."
                ),
            }.get(completeness, f"This text is not complete: {completeness}.")
        translation_note = None
        if meta.translated_from:
            translation_note = f"Translated from {meta.translated_from.value}."

        stance = StanceView(
            value=meta.stance.value,
            label=ref.stance_label,
            css_class=ref.stance_class,
            rationale=meta.stance.rationale,
            evidence=tuple(
                Evidence(q.text, urls.paragraph(article.id, q.span.paragraph))
                for q in meta.stance.evidence
            ),
            question=self.settings.stance_question,
        )

        actor_counts = self.actor_counts[article.id]
        actors = tuple(
            sorted(
                (self.actor_ref(a, n) for a, n in actor_counts.items()),
                key=lambda r: (-r.count, r.name, r.id),
            )
        )
        event_counts = self.event_counts[article.id]
        events = tuple(
            sorted(
                (self.event_ref(e, n) for e, n in event_counts.items() if e in self.events),
                key=lambda r: (r.date.iso, r.name, r.id),
            )
        )

        references = tuple(
            ReferenceView(
                number=r.number,
                text=r.text,
                url=r.url,
                doi=r.doi,
                doi_url=f"https://doi.org/{r.doi}" if r.doi else None,
                paragraph_href=urls.paragraph(article.id, r.paragraph),
            )
            for r in sorted(article.references, key=lambda r: r.number)
        )

        names = [p.name for p in meta.authors.value]
        highwire = [MetaTag("name", "citation_title", meta.title.value)]
        highwire += [MetaTag("name", "citation_author", n) for n in names]
        highwire.append(MetaTag("name", "citation_publication_date", highwire_date(date)))
        highwire.append(MetaTag("name", "citation_journal_title", meta.outlet.value))
        if meta.doi:
            highwire.append(MetaTag("name", "citation_doi", meta.doi.value))
        highwire.append(MetaTag("name", "citation_abstract_html_url", urls.absolute(page_url)))
        highwire.append(MetaTag("property", "article:published_time", date.iso))
        highwire += [MetaTag("property", "article:author", n) for n in names]
        highwire += [MetaTag("property", "article:tag", t) for t in meta.themes.value]

        jsonld: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "Article",
            "@id": urls.absolute(page_url),
            "url": urls.absolute(page_url),
            "headline": meta.title.value,
            "name": meta.title.value,
            "author": [
                {"@type": "Person", "name": p.name}
                | (
                    {"affiliation": {"@type": "Organization", "name": p.affiliation}}
                    if p.affiliation
                    else {}
                )
                for p in meta.authors.value
            ],
            "datePublished": date.iso,
            "isPartOf": {"@type": "Periodical", "name": meta.outlet.value},
            "genre": meta.genre.value,
            "keywords": list(meta.themes.value),
            "wordCount": article.word_count,
            # Each actor in brief: its own page carries the full description.
            "mentions": [
                {
                    "@type": _schema_type(self.actors[a.id]),
                    "@id": urls.absolute(urls.actor(a.id)),
                    "name": a.name,
                }
                for a in actors
                if a.id in self.actors
            ],
        }
        if meta.doi:
            jsonld["identifier"] = {
                "@type": "PropertyValue",
                "propertyID": "DOI",
                "value": meta.doi.value,
            }
            jsonld["sameAs"] = f"https://doi.org/{meta.doi.value}"
        if meta.source_url:
            jsonld["isBasedOn"] = meta.source_url.value

        body = body_blocks(article, self.tags)
        content = ArticleContext(
            article=ref,
            meta_rows=tuple(rows),
            completeness_note=completeness_note,
            translation_note=translation_note,
            stance=stance,
            body=body,
            actors=actors,
            events=events,
            related=self.related_articles(position),
            citation=citation(article, urls.absolute(page_url)),
            capture_href=urls.page(f"sources/{meta.source_file}"),
            capture_name=meta.source_file,
            references=references,
            themes=meta.themes.value,
            word_count=article.word_count,
            reading_minutes=article.reading_minutes,
            mention_total=sum(actor_counts.values()),
        )
        description = f"{ref.authors}, {ref.outlet}, {ref.date.display}. {meta.stance.rationale}"
        return self.page(
            "article",
            f"articles/{article.id}/",
            meta.title.value,
            description,
            content,
            og_type="article",
            extra_meta=highwire,
            jsonld=jsonld,
            searchable=True,
            search_tags=(
                SearchTag("filter", "type", "article"),
                *(SearchTag("filter", "author", p.name) for p in meta.authors.value),
                SearchTag("filter", "outlet", ref.outlet),
                SearchTag("filter", "stance", ref.stance_label),
                SearchTag("filter", "year", str(date.year)),
                *(SearchTag("filter", "actor", name) for name in sorted({r.name for r in actors})),
                SearchTag("meta", "title", ref.title),
                SearchTag("meta", "author", ref.authors),
                SearchTag("meta", "outlet", ref.outlet),
                SearchTag("meta", "date", ref.date.display),
                SearchTag("sort", "date", date.iso),
            ),
            nav_key="articles",
        )

    def related_articles_index(self) -> _RelatedIndex:
        """What `related_articles` ranks by: each text's actors and events, the texts mentioning
        each, and how rare each is."""
        n = len(self.articles)
        own: list[frozenset[str]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for i, article in enumerate(self.articles):
            features = {"a:" + a for a in self.actor_counts[article.id]}
            features |= {"e:" + e for e in self.event_counts[article.id] if e in self.events}
            own.append(frozenset(features))
            for feature in sorted(features):
                postings[feature].append(i)
        idf = {f: math.log(1 + n / len(p)) for f, p in postings.items()}
        return _RelatedIndex(tuple(own), postings, idf)

    def related_articles(self, i: int) -> tuple[RelatedArticle, ...]:
        """The RELATED_CAP texts that share the most with text `i`, rare things counting more:
        the score is the sum, over the actors and events both mention, of log(1 + N / df), where
        df is the number of texts mentioning it. Candidates come from an inverted index (actor or
        event -> texts), following only lists of at most RELATED_MAX_POSTING texts in full (of a
        longer list, only the texts nearest in date), so the work per text does not grow with the
        corpus; the best candidates are then scored exactly. Ties: the nearer in date, then the
        id."""
        own, postings, idf = self.related_index
        window = RELATED_CANDIDATES // 2
        # Candidates by the score over the postings followed (in a fixed order, so ties fall the
        # same way every time); then scored exactly below.
        scores: dict[int, float] = defaultdict(float)
        for feature in sorted(own[i]):
            posting = postings[feature]
            if len(posting) > RELATED_MAX_POSTING:
                at = bisect.bisect_left(posting, i)
                posting = posting[max(0, at - window) : at + window + 1]
            weight = idf[feature]
            for j in posting:
                scores[j] += weight
        scores.pop(i, None)
        candidates = heapq.nlargest(RELATED_CANDIDATES, scores, key=scores.__getitem__)
        ranked = []
        for j in candidates:
            shared = own[i] & own[j]
            exact = round(sum(idf[f] for f in sorted(shared)), 9)
            ranked.append((-exact, abs(j - i), self.articles[j].id, j, shared))
        ranked.sort()
        return tuple(self._related(j, shared, idf) for *_, j, shared in ranked[:RELATED_CAP])

    def _related(self, j: int, shared: frozenset[str], idf: Mapping[str, float]) -> RelatedArticle:
        rarest = sorted(shared, key=lambda f: (-idf[f], f))
        actor_ids = [f[2:] for f in rarest if f.startswith("a:")]
        event_ids = [f[2:] for f in rarest if f.startswith("e:")]
        return RelatedArticle(
            self.article_refs[self.articles[j].id],
            tuple(
                Link(self.urls.actor(a), self.actor_names.get(a, a))
                for a in actor_ids[:RELATED_SHARED_CAP]
            ),
            tuple(
                Link(self.urls.event(e), self.events[e].name)
                for e in event_ids[:RELATED_SHARED_CAP]
            ),
            max(0, len(actor_ids) - RELATED_SHARED_CAP),
            max(0, len(event_ids) - RELATED_SHARED_CAP),
        )

    def _groups(
        self,
        refs: Sequence[tuple[AnnotatedArticle, int]],
        mentions_in: Callable[[AnnotatedArticle], list[_Ref]],
    ) -> tuple[tuple[MentionGroup, ...], int]:
        """Mentions grouped by text, one passage per sentence (its first mention highlighted), at
        most MENTION_CAP passages in all, shared fairly between the texts so that one long text
        does not crowd out the others. When there are too many texts for at least three passages
        each, the texts with the most mentions get them; the groups stay in the texts' order, and
        texts without a passage are left out. Returns the groups and the passages shown.

        `refs` are the texts with their counts; the mentions themselves are picked out, by
        `mentions_in`, only from the texts that get passages."""
        selected = list(range(len(refs)))
        if len(refs) * 3 > MENTION_CAP:
            top = sorted(selected, key=lambda k: (-refs[k][1], k))
            selected = sorted(top[: MENTION_CAP // 3])
        mentions = {k: sorted(mentions_in(refs[k][0])) for k in selected}
        passages: dict[int, list[_Ref]] = {}
        for k in selected:
            seen: set[int] = set()
            passages[k] = []
            for mention in mentions[k]:
                if mention[2] not in seen:
                    seen.add(mention[2])
                    passages[k].append(mention)
        # Fair shares: the texts with the fewest passages first, each taking what it has up to
        # an equal part of what is left.
        quota: dict[int, int] = {}
        budget = MENTION_CAP
        for n, k in enumerate(sorted(selected, key=lambda k: (len(passages[k]), k))):
            quota[k] = min(len(passages[k]), budget // (len(selected) - n))
            budget -= quota[k]
        groups: list[MentionGroup] = []
        for k in selected:
            article, count = refs[k]
            shown = tuple(
                kwic(article, s, e, sent, self.urls.paragraph(article.id, para))
                for s, e, sent, para in passages[k][: quota[k]]
            )
            groups.append(
                MentionGroup(
                    article=self.article_refs[article.id],
                    count=count,
                    first_href=self.urls.paragraph(article.id, mentions[k][0][3]),
                    shown=shown,
                    not_shown=len(passages[k]) - len(shown),
                )
            )
        return tuple(groups), MENTION_CAP - budget

    def actor_page(self, actor: Actor, co: Mapping[str, Counter[str]]) -> Page:
        """The page of `actor`. All it reads must be covered by `actor_page_inputs`."""
        urls = self.urls
        total = self.actor_totals[actor.id]
        refs = [
            (a, self.actor_counts[a.id][actor.id])
            for a in self.articles_mentioning.get(actor.id, [])
        ]
        groups, shown = self._groups(
            refs,
            lambda a: [
                (m.start, m.end, m.sentence, m.paragraph) for m in a.mentions if m.actor == actor.id
            ],
        )
        # The texts that mention it most, in order of mentions (then of the texts).
        top = sorted(range(len(refs)), key=lambda k: (-refs[k][1], k))
        maximum = refs[top[0]][1] if top else 0
        chart = []
        for k in top[:CHART_CAP]:
            article, count = refs[k]
            first = self.first_actor_anchor[article.id][actor.id]
            chart.append(
                BarRow(
                    self.article_refs[article.id].short_title,
                    urls.paragraph(article.id, first),
                    count,
                    _bar(count, maximum),
                )
            )
        ranked_co = sorted(
            co.get(actor.id, Counter()).items(),
            key=lambda kv: (-kv[1], self.actor_names.get(kv[0], kv[0]), kv[0]),
        )
        co_mentions = tuple(
            CoMention(self.actor_ref(other), n) for other, n in ranked_co[:CO_MENTION_CAP]
        )
        taking_part = self.participations.get(actor.id, [])
        events = tuple(self.event_ref(e.id) for e in taking_part[:ENTITY_EVENTS_CAP])
        by_stance: dict[int, list[ArticleRef]] = defaultdict(list)
        for article, _ in refs:
            ref_ = self.article_refs[article.id]
            by_stance[ref_.stance_value].append(ref_)
        listed = len(refs) <= STANCE_LIST_MAX
        stances = tuple(
            StanceCount(
                level.label,
                level.value,
                stance_class(level.value),
                len(by_stance[level.value]),
                tuple(by_stance[level.value]) if listed else (),
            )
            for level in self.settings.stance_scale
            if by_stance.get(level.value)
        )
        ref = self.actor_ref(actor.id)
        wikidata_href = (
            f"https://www.wikidata.org/wiki/{actor.wikidata}" if actor.wikidata else None
        )
        content = ActorContext(
            actor=ref,
            description=actor.description,
            type_label=actor.type,
            forms=tuple(f.text for f in actor.forms),
            wikidata=actor.wikidata,
            wikidata_href=wikidata_href,
            total=total,
            article_count=len(refs),
            chart=tuple(chart),
            chart_more=len(refs) - len(chart),
            groups=groups,
            groups_more=len(refs) - len(groups),
            shown=shown,
            capped=len(groups) < len(refs) or any(g.not_shown for g in groups),
            co_mentions=co_mentions,
            co_more=len(ranked_co) - len(co_mentions),
            events=events,
            events_more=len(taking_part) - len(events),
            stances=stances,
            mentions_href=self.mentions_href,
        )
        node = _actor_node(actor, urls)
        node = {"@context": "https://schema.org"} | node
        description = actor.description or actor.name
        return self.page(
            "actor",
            f"actors/{actor.id}/",
            actor.name,
            f"{description} Mentioned {total} times in {len(refs)} of {len(self.articles)} texts.",
            content,
            og_type="profile" if actor.type == "person" else "website",
            jsonld=node,
            searchable=True,
            search_tags=(
                SearchTag("filter", "type", "actor"),
                SearchTag("meta", "title", actor.name),
                SearchTag("meta", "kind", actor.type),
            ),
            nav_key="actors",
        )

    def event_page(self, event: Event) -> Page:
        """The page of `event`. All it reads must be covered by `event_page_inputs`."""
        refs = [
            (a, self.event_counts[a.id][event.id])
            for a in self.articles_referring.get(event.id, [])
        ]
        groups, shown = self._groups(
            refs,
            lambda a: (
                [
                    (e.start, e.end, e.sentence, e.paragraph)
                    for e in a.event_mentions
                    if e.event == event.id
                ]
                + [
                    (d.start, d.end, d.sentence, d.paragraph)
                    for d in a.dates
                    if d.event == event.id
                ]
            ),
        )
        total = self.event_totals[event.id]
        ref = self.event_ref(event.id)
        participants = tuple(
            sorted((self.actor_ref(p) for p in event.participants), key=lambda r: (r.name, r.id))
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
            capped=len(groups) < len(refs) or any(g.not_shown for g in groups),
        )
        when = ref.date.display + (f" \u2013 {ref.end_date.display}" if ref.end_date else "")
        where = f", {event.place}" if event.place else ""
        return self.page(
            "event",
            f"events/{event.id}/",
            event.name,
            f"{event.name}, {when}{where}. {event.description}",
            content,
            jsonld=_event_node(event, self.urls, self.actors),
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

    def co_mentions(self) -> dict[str, Counter[str]]:
        """For each actor, the other actors named in the same sentence, counted by sentence."""
        result: dict[str, Counter[str]] = defaultdict(Counter)
        for article in self.articles:
            by_sentence: dict[int, set[str]] = defaultdict(set)
            for sentence, actor in map(_SENTENCE_ACTOR, article.mentions):
                by_sentence[sentence].add(actor)
            for ids in by_sentence.values():
                if len(ids) > 1:
                    for a in ids:
                        named_with = result[a]
                        for b in ids:
                            if a != b:
                                named_with[b] += 1
        return result

    def timeline(self, compact: bool = False) -> Timeline:
        width = 960.0
        left, right = 120.0, 940.0
        events = self.events_sorted
        dates = [e.date for e in events] + [a.meta.published.value for a in self.articles]
        ends = [e.end_date for e in events if e.end_date]
        if not dates:
            first_year, last_year = 2000, 2001
        else:
            first_year = min(d.year for d in dates)
            last_year = max(d.year for d in [*dates, *ends]) + 1
        # Years with nothing in them are compressed, so that a lone early event does not squeeze
        # the decades the texts discuss into a corner; dashed lines mark each compressed stretch.
        active: set[int] = set()
        for e in events:
            active.update(range(e.date.year, (e.end_date or e.date).year + 1))
        active.update(d.year for d in dates)
        years = list(range(first_year, last_year))
        widths = {y: 1.0 if y in active else GAP_YEAR_WIDTH for y in years}
        offsets: dict[int, float] = {}
        total = 0.0
        for y in years:
            offsets[y] = total
            total += widths[y]
        offsets[last_year] = total
        widths[last_year] = 1.0

        def x_of(value: float) -> float:
            year = min(max(math.floor(value), first_year), last_year)
            position = offsets[year] + (value - year) * widths[year]
            return left + position / max(total, 1.0) * (right - left)

        row_h = 12.0 if compact else 16.0
        rows = 3 if compact else 4
        lane_h = row_h * rows + 12
        top = 10.0
        lanes_spec = (("Events", "events"), ("Publications", "articles"))
        lanes: list[TimelineLane] = []
        marks: list[TimelineMark] = []
        counted: list[str] = []
        # Counts go by month only where a month is wide enough to draw a bar for.
        monthly = min((x_of(y + 1) - x_of(y) for y in active), default=0.0) / 12 >= 6
        for index, (label, kind) in enumerate(lanes_spec):
            lane_top = top + index * lane_h
            lanes.append(
                TimelineLane(label, fmt(lane_top + lane_h / 2 + 4), fmt(lane_top + lane_h - 2))
            )
            row_ends = [-1e9] * rows
            items: list[tuple[PartialDate, PartialDate | None, str, str, str]] = []
            counted_before = len(counted)
            if kind == "events" and len(events) > TIMELINE_LANE_MARKS:
                items = self._counted(
                    [e.date for e in events], "event", "events", "tl-event", monthly
                )
                counted.append("events")
            elif kind == "events":
                for e in events:
                    when = e.date.display + (f" \u2013 {e.end_date.display}" if e.end_date else "")
                    items.append(
                        (e.date, e.end_date, self.urls.event(e.id), f"{e.name}, {when}", "tl-event")
                    )
            elif len(self.articles) > TIMELINE_LANE_MARKS:
                items = self._counted(
                    [a.meta.published.value for a in self.articles],
                    "text published",
                    "texts published",
                    "tl-article",
                    monthly,
                )
                counted.append("publications")
            else:
                for a in self.articles:
                    r = self.article_refs[a.id]
                    items.append(
                        (
                            a.meta.published.value,
                            None,
                            r.href,
                            f"{r.title} ({r.outlet}, {r.date.display})",
                            f"tl-article {r.stance_class}",
                        )
                    )
            lane_counted = len(counted) > counted_before
            for start, end, href, label_text, css in items:
                x0 = x_of(_year_start(start))
                x1 = x_of(_year_end(end or start))
                dot = start.precision == "day" and end is None
                if dot:
                    x0, x1 = x0 - 4, x0 + 4
                elif lane_counted:
                    # A gap between neighbouring periods keeps the counts on one row.
                    x0, x1 = x0 + 1, x1 - 1.5
                x1 = max(x1, x0 + 3)
                row = next((i for i in range(rows) if row_ends[i] + 2 <= x0), None)
                if row is None:
                    row = min(range(rows), key=lambda i: row_ends[i])
                row_ends[row] = max(row_ends[row], x1)
                cy = lane_top + 6 + row * row_h + row_h / 2
                marks.append(
                    TimelineMark(
                        shape="dot" if dot else "bar",
                        x=fmt(x0),
                        y=fmt(cy - row_h / 2 + 2),
                        width=fmt(x1 - x0),
                        height=fmt(row_h - 4),
                        cx=fmt((x0 + x1) / 2),
                        cy=fmt(cy),
                        href=href,
                        label=label_text,
                        css_class=css,
                    )
                )
        axis_y = top + len(lanes_spec) * lane_h + 4
        ticks: list[TimelineTick] = []
        breaks: list[str] = []
        last_x = -1e9
        run_start: int | None = None
        for y in [*years, last_year]:
            if y in active or y == last_year:
                if run_start is not None and y - run_start >= 2:
                    breaks.append(fmt(x_of((run_start + y) / 2)))
                run_start = None
                x = x_of(y)
                if y in active and x - last_x >= TICK_SPACING:
                    ticks.append(TimelineTick(fmt(x), str(y)))
                    last_x = x
            elif run_start is None:
                run_start = y
        return Timeline(
            width=fmt(width),
            height=fmt(axis_y + 22),
            axis_y=fmt(axis_y),
            tick_top=fmt(top),
            label_y=fmt(axis_y + 16),
            plot_left=fmt(left),
            plot_right=fmt(right),
            lanes=tuple(lanes),
            ticks=tuple(ticks),
            breaks=tuple(breaks),
            marks=tuple(marks),
            description=(
                f"{len(events)} events and {len(self.articles)} publications from {first_year} "
                f"to {last_year - 1}. A dot is a day; a bar spans the month or year when only "
                "that is known. "
                + (
                    f"{' and '.join(counted).capitalize()} are counted by month or by year: one "
                    "bar for each, darker for more, leading to that year on the timeline page. "
                    if counted
                    else ""
                )
                + "Stretches of years with nothing in them are compressed (dashed lines)."
            ),
        )

    def _counted(
        self, dates: Sequence[PartialDate], one: str, many: str, css: str, monthly: bool
    ) -> list[tuple[PartialDate, PartialDate | None, str, str, str]]:
        """Many dates as a few marks: a count per month (dates known only to the year counted
        for the year), or per year when there would still be more than TIMELINE_LANE_MARKS or a
        month is too narrow to draw."""
        buckets = Counter(PartialDate(d.year, d.month) for d in dates)
        if not monthly or len(buckets) > TIMELINE_LANE_MARKS:
            buckets = Counter(PartialDate(d.year) for d in dates)
        maximum = max(buckets.values(), default=1)
        items: list[tuple[PartialDate, PartialDate | None, str, str, str]] = []
        for when in sorted(buckets, key=lambda d: d.sort_key):
            n = buckets[when]
            level = max(1, math.ceil(4 * math.sqrt(n / maximum)))
            items.append(
                (
                    when,
                    None,
                    self.urls.page("timeline/") + f"#y-{when.year}",
                    f"{n} {one if n == 1 else many} in {when.display}",
                    f"{css} tl-count tl-n{level}",
                )
            )
        return items

    def matrices(self) -> tuple[Matrix, Matrix]:
        """Actors and events by text: the MATRIX_ROWS most-mentioned actors and events, in the
        MATRIX_COLUMNS most recent texts (all of them in a small corpus)."""
        columns = tuple(self.article_refs[a.id] for a in self.articles[-MATRIX_COLUMNS:])
        actor_ids = sorted(
            (a for a, n in self.actor_totals.items() if n),
            key=lambda a: (-self.actor_totals[a], self.actor_names.get(a, a), a),
        )
        event_ids = sorted(
            (e for e, n in self.event_totals.items() if n and e in self.events),
            key=lambda e: (-self.event_totals[e], event_sort_key(self.events[e])),
        )
        shown_events = sorted(event_ids[:MATRIX_ROWS], key=lambda e: event_sort_key(self.events[e]))
        some_texts = (
            f", in the {len(columns)} most recent of the {len(self.articles)} texts; totals are "
            "over the texts shown"
            if len(columns) < len(self.articles)
            else ""
        )
        actor_matrix = self._matrix(
            "actor-matrix",
            "Mentions of each actor in each text (stronger shading: more mentions; each count "
            "links to the first mention in that text)",
            "Actor",
            columns,
            [
                (Link(self.urls.actor(a), self.actor_names.get(a, a)), a)
                for a in actor_ids[:MATRIX_ROWS]
            ],
            self.actor_counts,
            self.first_actor_anchor,
            "mention",
            None
            if len(actor_ids) <= MATRIX_ROWS and len(columns) == len(self.articles)
            else f"Shown: the {min(len(actor_ids), MATRIX_ROWS)} most-mentioned of the "
            f"{len(actor_ids)} actors{some_texts}.",
        )
        event_matrix = self._matrix(
            "event-matrix",
            "References to each event in each text (stronger shading: more references; each count "
            "links to the first reference in that text)",
            "Event",
            columns,
            [
                (
                    Link(
                        self.urls.event(e), f"{self.events[e].name} ({self.events[e].date.display})"
                    ),
                    e,
                )
                for e in shown_events
            ],
            self.event_counts,
            self.first_event_anchor,
            "reference",
            None
            if len(event_ids) <= MATRIX_ROWS and len(columns) == len(self.articles)
            else f"Shown: the {len(shown_events)} most-referenced of the {len(event_ids)} "
            f"events, in date order{some_texts}.",
        )
        return actor_matrix, event_matrix

    def _matrix(
        self,
        id: str,
        caption: str,
        row_label: str,
        columns: tuple[ArticleRef, ...],
        rows: Sequence[tuple[Link, str]],
        counts: Mapping[str, Counter[str]],
        first: Mapping[str, Mapping[str, str]],
        noun: str,
        limited: str | None,
    ) -> Matrix:
        maximum = max((counts[c.id][key] for c in columns for _, key in rows), default=0)
        out_rows = []
        for header, key in rows:
            cells = []
            html = []
            for column in columns:
                n = counts[column.id][key]
                level = heat_level(n, maximum)
                if n:
                    href = self.urls.paragraph(column.id, first[column.id][key])
                    plural = noun if n == 1 else noun + "s"
                    label = f"{n} {plural} of {header.text} in “{column.title}”"
                    html.append(
                        f'<td class="heat {level}"><a href="{escape(href)}" '
                        f'aria-label="{escape(label)}">{n}</a></td>'
                    )
                    cells.append(MatrixCell(n, level, href, label))
                else:
                    html.append(f'<td class="heat {level}"><span class="zero">0</span></td>')
                    cells.append(MatrixCell(0, level, None, ""))
            out_rows.append(
                MatrixRow(
                    header,
                    sum(counts[c.id][key] for c in columns),
                    tuple(cells),
                    Markup("\n".join(html)),  # escaped above
                )
            )
        column_totals = tuple(sum(counts[c.id][key] for _, key in rows) for c in columns)
        return Matrix(
            id,
            caption,
            row_label,
            columns,
            tuple(out_rows),
            column_totals,
            sum(column_totals),
            limited,
        )

    def scale(self) -> tuple[StanceLevelView, ...]:
        listed = len(self.articles) <= SCALE_LIST_MAX
        by_value: dict[int, list[AnnotatedArticle]] = defaultdict(list)
        for a in self.articles:
            by_value[a.meta.stance.value].append(a)
        return tuple(
            StanceLevelView(
                level.value,
                level.label,
                stance_class(level.value),
                len(by_value[level.value]),
                tuple(
                    (self.article_refs[a.id], a.meta.stance.rationale)
                    for a in by_value[level.value]
                )
                if listed
                else (),
            )
            for level in self.settings.stance_scale
        )

    @staticmethod
    def index_path(index: str, number: int) -> str:
        """Page `number` (from 1) of a paginated index: articles/, articles/page/2/, ..."""
        return f"{index}/" if number == 1 else f"{index}/page/{number}/"

    def index_href(self, index: str, number: int) -> str:
        return self.urls.page(self.index_path(index, number))

    def pagination(self, index: str, label: str, count: int, current: int) -> Pagination | None:
        if count <= 1:
            return None
        return Pagination(
            label,
            tuple(
                PageNumber(n, self.index_href(index, n), n == current) for n in range(1, count + 1)
            ),
            self.index_href(index, current - 1) if current > 1 else None,
            self.index_href(index, current + 1) if current < count else None,
        )

    def index_pages(
        self,
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
                self.page(
                    index,
                    self.index_path(index, number),
                    title + suffix,
                    description + shown + ".",
                    make(chunk, first, self.pagination(index, label, count, number)),
                    heading=title,
                )
            )
        return out

    def index_links(self) -> tuple[Link, ...]:
        return (
            Link(self.urls.page("articles/"), "All articles"),
            Link(self.urls.page("actors/"), "All actors"),
            Link(self.urls.page("events/"), "All events"),
            Link(self.urls.page("timeline/"), "Timeline"),
        )

    def site(self) -> SiteModel:
        urls = self.urls
        settings = self.settings
        co = self.co_mentions()
        refs = tuple(self.article_refs[a.id] for a in self.articles)
        timeline = self.timeline()
        method = self.method_sentence()
        scale = self.scale()
        pages: list[Page | DeferredPage] = []

        top_actors = tuple(
            self.actor_ref(a)
            for a in sorted(
                (a for a, n in self.actor_totals.items() if n),
                key=lambda a: (-self.actor_totals[a], self.actor_names.get(a, a), a),
            )[:HOME_ACTORS]
        )
        website_ld = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": settings.title,
            "description": settings.description,
            "url": urls.absolute(urls.page()),
            "inLanguage": settings.language,
            "potentialAction": {
                "@type": "SearchAction",
                "target": urls.absolute(urls.page("search/")) + "?q={query}",
                "query-input": "required name=query",
            },
        }
        pages.append(
            self.page(
                "home",
                "",
                settings.title,
                settings.description,
                HomeContext(
                    settings.description,
                    method,
                    tuple(reversed(refs[-HOME_ARTICLES:])),
                    len(refs),
                    self.timeline(compact=True),
                    top_actors,
                ),
                jsonld=website_ld,
            )
        )
        pages.extend(
            self.index_pages(
                "articles",
                "Articles",
                f"The {len(refs)} texts of the corpus, by date of publication",
                "Pages of the articles index",
                refs,
                ARTICLES_PER_PAGE,
                lambda chunk, first, pagination: ArticlesContext(
                    chunk, len(refs), first, pagination
                ),
            )
        )
        pages.extend(
            self.deferred(
                "article",
                f"articles/{a.id}/",
                partial(self.article_page, a, i),
                partial(self.article_page_inputs, a),
            )
            for i, a in enumerate(self.articles)
        )

        by_type: dict[str, list[ActorRef]] = defaultdict(list)
        for actor in self.actors.values():
            by_type[actor.type].append(self.actor_ref(actor.id))
        order = {t: i for i, t in enumerate(ACTOR_TYPE_ORDER)}
        groups = tuple(
            ActorGroup(
                t,
                ACTOR_TYPE_PLURALS.get(t, t.capitalize()),
                tuple(sorted(by_type[t], key=lambda r: (-r.count, r.name, r.id))),
            )
            for t in sorted(by_type, key=lambda t: (order.get(t, len(order)), t))
        )
        pages.append(
            self.page(
                "actors",
                "actors/",
                "Actors",
                f"The {len(self.actors)} actors the texts mention, by type, with mention counts.",
                ActorsContext(groups, len(self.actors), sum(self.actor_totals.values())),
            )
        )
        pages.extend(
            self.deferred(
                "actor",
                f"actors/{a.id}/",
                partial(self.actor_page, a, co),
                partial(self.actor_page_inputs, a, co),
            )
            for a in sorted(self.actors.values(), key=lambda a: a.id)
        )
        event_refs = tuple(self.event_ref(e.id) for e in self.events_sorted)
        pages.extend(
            self.index_pages(
                "events",
                "Events",
                f"The {len(self.events)} events the texts refer to, in date order",
                "Pages of the events index",
                event_refs,
                EVENTS_PER_PAGE,
                lambda chunk, first, pagination: EventsContext(
                    chunk, len(event_refs), first, pagination
                ),
            )
        )
        pages.extend(
            self.deferred(
                "event",
                f"events/{e.id}/",
                partial(self.event_page, e),
                partial(self.event_page_inputs, e),
            )
            for e in sorted(self.events.values(), key=lambda e: e.id)
        )

        # By year: at most YEAR_LIST_CAP of each, the rest on the index page that lists them.
        years: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for i, e in enumerate(self.events_sorted):
            years[e.date.year][0].append(i)
        for i, a in enumerate(self.articles):
            years[a.meta.published.value.year][1].append(i)
        year_groups = []
        for y in sorted(years):
            event_positions, article_positions = years[y]
            more_events = event_positions[YEAR_LIST_CAP:]
            more_articles = article_positions[YEAR_LIST_CAP:]
            year_groups.append(
                YearGroup(
                    str(y),
                    tuple(event_refs[i] for i in event_positions[:YEAR_LIST_CAP]),
                    tuple(refs[i] for i in article_positions[:YEAR_LIST_CAP]),
                    len(more_events),
                    self.index_href("events", more_events[0] // EVENTS_PER_PAGE + 1)
                    if more_events
                    else "",
                    len(more_articles),
                    self.index_href("articles", more_articles[0] // ARTICLES_PER_PAGE + 1)
                    if more_articles
                    else "",
                )
            )
        pages.append(
            self.page(
                "timeline",
                "timeline/",
                "Timeline",
                "The events the texts refer to and the texts' publication dates, on one timeline.",
                TimelineContext(timeline, tuple(year_groups)),
            )
        )
        actor_matrix, event_matrix = self.matrices()
        pages.append(
            self.page(
                "compare",
                "compare/",
                "Compare the texts",
                "The texts on the stance scale, and which actors and events each one mentions.",
                CompareContext(
                    settings.stance_question,
                    scale,
                    len(self.articles) <= SCALE_LIST_MAX,
                    actor_matrix,
                    event_matrix,
                    self.mentions_href,
                ),
            )
        )
        downloads = tuple(
            DataFile(urls.page(f"data/{name}"), f"data/{name}", fmt_, desc)
            for name, fmt_, desc in DATA_FILES
        )
        pages.append(
            self.page(
                "about",
                "about/",
                "About the corpus and method",
                "How the records were made, the stance scale, and the data downloads.",
                AboutContext(
                    description=settings.description,
                    method=method,
                    question=settings.stance_question,
                    scale=scale,
                    licence_name=settings.licence.name,
                    licence_url=settings.licence.url,
                    licence_applies_to=settings.licence.applies_to,
                    downloads=downloads,
                    captures=tuple(
                        CaptureLink(
                            urls.page(f"sources/{a.meta.source_file}"),
                            a.meta.source_file,
                            self.article_refs[a.id],
                        )
                        for a in sorted(self.articles, key=lambda a: a.meta.source_file)
                    )
                    if len(self.articles) <= CAPTURE_LIST_MAX
                    else (),
                    article_count=len(self.articles),
                    actor_count=len(self.actors),
                    event_count=len(self.events),
                    mention_count=sum(self.actor_totals.values()),
                ),
            )
        )
        parts = search_parts(
            [p.output for p in pages if isinstance(p, DeferredPage) and p.kind in SEARCHABLE_KINDS]
        )
        pages.append(
            self.page(
                "search",
                "search/",
                "Search",
                f"Search the texts, actors and events of {settings.title}.",
                SearchContext(
                    self.index_links(),
                    bundle_url=urls.page("pagefind/"),
                    ui_script=urls.page("pagefind/pagefind-ui.js"),
                    ui_stylesheet=urls.page("pagefind/pagefind-ui.css"),
                    base_url=urls.base,
                    open_filters=",".join(SEARCH_OPEN_FILTERS),
                    merged_bundles=" ".join(
                        urls.page(bundle_folder(number) + "/") for number in range(1, len(parts))
                    ),
                ),
            )
        )
        pages.append(
            self.page(
                "404",
                "404.html",
                "Page not found",
                "There is no page at this address.",
                NotFoundContext(self.index_links()),
                nav_key="",
            )
        )

        latest = max(
            (a.meta.published.value for a in self.articles),
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
                summary=f"{r.authors}, {r.outlet}, {r.date.display}. Stance: {r.stance_label}. "
                f"{a.meta.stance.rationale}",
            )
            for a, r in sorted(
                ((a, self.article_refs[a.id]) for a in self.articles),
                key=lambda ar: (tuple(-v for v in ar[0].meta.published.value.sort_key), ar[0].id),
            )[:FEED_ENTRIES]
        )
        feed = Feed(
            id=_feed_id(urls, urls.page()),
            title=settings.title,
            subtitle=settings.description,
            href=urls.absolute(urls.page()),
            self_href=urls.absolute(urls.page("feed.xml")),
            updated=_rfc3339(latest),
            author=settings.title,
            entries=entries,
        )
        site_pages = SitePages(pages)
        sitemap = tuple(urls.absolute(url) for kind, url in site_pages.addresses if kind != "404")
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
            pages=site_pages,
            search_parts=parts,
            sitemap=sitemap,
            feed=feed,
        )


def _bar(count: int, maximum: int) -> int:
    if maximum <= 0 or count <= 0:
        return 0
    return max(2, round(count * BAR_WIDTH / maximum))


def _year_start(date: PartialDate) -> float:
    if date.month is None:
        return float(date.year)
    if date.day is None:
        return date.year + (date.month - 1) / 12
    return date.year + (date.month - 1) / 12 + (date.day - 1) / 372


def _year_end(date: PartialDate) -> float:
    if date.month is None:
        return float(date.year + 1)
    if date.day is None:
        return date.year + date.month / 12
    return date.year + (date.month - 1) / 12 + date.day / 372


def _rfc3339(date: PartialDate) -> str:
    """Atom needs a full timestamp: the first instant of the date's period (records only)."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def _feed_id(urls: _Urls, path: str) -> str:
    if urls.origin:
        return urls.absolute(path)
    return "urn:natocorpus:" + (path.strip("/").replace("/", ":") or "site")
