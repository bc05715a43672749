"""The link stage: everything every page shows, computed once from the annotated records.

`link_site` turns an `AnnotatedCorpus` into a `SiteModel`: one frozen page context per page, with
every URL, count, cross-index, matrix, timeline geometry, citation and metadata string prepared, so
that the templates only place values and never compute. Every collection is sorted
deterministically; the only dates are the records' own.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

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

MENTION_CAP = 50
"""At most this many mentions in context on one actor or event page."""

CONTEXT_CHARS = 240
"""Keyword-in-context: at most this many characters either side of the highlighted words."""

HEAT_LEVELS = 5

GAP_YEAR_WIDTH = 0.15
"""On the timeline, a year with nothing in it takes this fraction of a year's width."""

TICK_SPACING = 34.0

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


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class MetaTag:
    """A <meta> element: `attr` is "name" (Highwire, description) or "property" (Open Graph)."""

    attr: Literal["name", "property"]
    key: str
    content: str


@dataclass(frozen=True)
class SearchTag:
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


@dataclass(frozen=True)
class DateLabel:
    """A date at its precision: `iso` (YYYY, YYYY-MM, YYYY-MM-DD) to parse, `display` to read."""

    iso: str
    display: str
    precision: Precision


@dataclass(frozen=True)
class NavItem:
    href: str
    label: str
    current: bool


@dataclass(frozen=True)
class ArticleRef:
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


@dataclass(frozen=True)
class ActorRef:
    id: str
    href: str
    name: str
    type: str
    count: int


@dataclass(frozen=True)
class EventRef:
    id: str
    href: str
    name: str
    type: str
    date: DateLabel
    end_date: DateLabel | None
    place: str | None
    count: int


@dataclass(frozen=True)
class Kwic:
    """Keyword in context: the sentence, the mention highlighted, and the paragraph it is in."""

    before: str
    match: str
    after: str
    href: str
    paragraph: str


@dataclass(frozen=True)
class MentionGroup:
    """The mentions in one article: how many, the first one's paragraph, those shown in context."""

    article: ArticleRef
    count: int
    first_href: str
    shown: tuple[Kwic, ...]
    not_shown: int


@dataclass(frozen=True)
class BarRow:
    """One bar of a chart drawn at build time: `width` in SVG units out of `BAR_WIDTH`."""

    label: str
    href: str
    count: int
    width: int


BAR_WIDTH = 200


# The article body ------------------------------------------------------------------------


@dataclass(frozen=True)
class BodyItem:
    anchor: str
    html: Markup
    value: int | None


@dataclass(frozen=True)
class BodyBlock:
    """A heading, a paragraph, or a run of list items; `html` is escaped text with the links in."""

    kind: Literal["heading", "paragraph", "list"]
    tag: str
    anchor: str
    html: Markup
    items: tuple[BodyItem, ...]


# Page contexts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetaRow:
    label: str
    value: str
    href: str | None
    kind: Literal["stated", "inferred"]
    note_label: str
    note: str


@dataclass(frozen=True)
class Evidence:
    text: str
    href: str


@dataclass(frozen=True)
class StanceView:
    value: int
    label: str
    css_class: str
    rationale: str
    evidence: tuple[Evidence, ...]
    question: str


@dataclass(frozen=True)
class Citation:
    plain: str
    bibtex: str
    ris: str
    csl_json: str


@dataclass(frozen=True)
class RelatedArticle:
    article: ArticleRef
    shared_actors: tuple[Link, ...]
    shared_events: tuple[Link, ...]


@dataclass(frozen=True)
class ReferenceView:
    number: int
    text: str
    url: str | None
    doi: str | None
    doi_url: str | None
    paragraph_href: str


@dataclass(frozen=True)
class ArticleContext:
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


@dataclass(frozen=True)
class CoMention:
    actor: ActorRef
    sentences: int


@dataclass(frozen=True)
class StanceCount:
    label: str
    value: int
    css_class: str
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class ActorContext:
    actor: ActorRef
    description: str
    type_label: str
    forms: tuple[str, ...]
    wikidata: str | None
    wikidata_href: str | None
    total: int
    article_count: int
    chart: tuple[BarRow, ...]
    groups: tuple[MentionGroup, ...]
    shown: int
    capped: bool
    co_mentions: tuple[CoMention, ...]
    events: tuple[EventRef, ...]
    stances: tuple[StanceCount, ...]


@dataclass(frozen=True)
class EventContext:
    event: EventRef
    description: str
    participants: tuple[ActorRef, ...]
    total: int
    groups: tuple[MentionGroup, ...]
    shown: int
    capped: bool


@dataclass(frozen=True)
class ActorGroup:
    type: str
    label: str
    actors: tuple[ActorRef, ...]


@dataclass(frozen=True)
class ActorsContext:
    groups: tuple[ActorGroup, ...]
    total_actors: int
    total_mentions: int


@dataclass(frozen=True)
class EventsContext:
    events: tuple[EventRef, ...]


@dataclass(frozen=True)
class ArticlesContext:
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class TimelineMark:
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


@dataclass(frozen=True)
class TimelineTick:
    x: str
    label: str


@dataclass(frozen=True)
class TimelineLane:
    label: str
    label_y: str
    line_y: str


@dataclass(frozen=True)
class Timeline:
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


@dataclass(frozen=True)
class YearGroup:
    year: str
    events: tuple[EventRef, ...]
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class TimelineContext:
    timeline: Timeline
    years: tuple[YearGroup, ...]


@dataclass(frozen=True)
class MatrixCell:
    count: int
    level: str
    href: str | None
    label: str


@dataclass(frozen=True)
class MatrixRow:
    header: Link
    total: int
    cells: tuple[MatrixCell, ...]


@dataclass(frozen=True)
class Matrix:
    id: str
    caption: str
    row_label: str
    columns: tuple[ArticleRef, ...]
    rows: tuple[MatrixRow, ...]
    column_totals: tuple[int, ...]
    grand_total: int


@dataclass(frozen=True)
class StanceLevelView:
    value: int
    label: str
    css_class: str
    articles: tuple[tuple[ArticleRef, str], ...]


@dataclass(frozen=True)
class CompareContext:
    question: str
    scale: tuple[StanceLevelView, ...]
    actor_matrix: Matrix
    event_matrix: Matrix


@dataclass(frozen=True)
class HomeContext:
    description: str
    method: str
    articles: tuple[ArticleRef, ...]
    timeline: Timeline
    top_actors: tuple[ActorRef, ...]


@dataclass(frozen=True)
class DataFile:
    href: str
    name: str
    format: str
    description: str


@dataclass(frozen=True)
class AboutContext:
    description: str
    method: str
    question: str
    scale: tuple[StanceLevelView, ...]
    licence_name: str
    licence_url: str | None
    licence_applies_to: str | None
    downloads: tuple[DataFile, ...]
    captures: tuple[Link, ...]
    article_count: int
    actor_count: int
    event_count: int
    mention_count: int


@dataclass(frozen=True)
class SearchContext:
    """The search page: Pagefind's Default UI from the generated bundle, and the indexes to
    browse without JavaScript. `open_filters` is a comma-separated list for a data attribute."""

    indexes: tuple[Link, ...]
    bundle_url: str
    ui_script: str
    ui_stylesheet: str
    base_url: str
    open_filters: str


@dataclass(frozen=True)
class NotFoundContext:
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


@dataclass(frozen=True)
class Page:
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


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    href: str
    updated: str
    authors: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    href: str
    self_href: str
    updated: str
    author: str
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True)
class SiteModel:
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
    pages: tuple[Page, ...]
    sitemap: tuple[str, ...]
    feed: Feed


# Helpers ---------------------------------------------------------------------------------------


def date_label(date: PartialDate) -> DateLabel:
    return DateLabel(date.iso, date.display, date.precision)


def highwire_date(date: PartialDate) -> str:
    """YYYY, YYYY/MM or YYYY/MM/DD: the date at its precision, never padded to a day."""
    return date.iso.replace("-", "/")


def json_for_script(value: object) -> Markup:
    """JSON that is safe inside <script>: `<`, `>` and `&` become \\u003c, \\u003e and \\u0026."""
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False)
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


# Annotated body ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    priority: int
    open: str
    close: str


def _spans(article: AnnotatedArticle, urls: _Urls, actor_names: Mapping[str, str]) -> list[_Span]:
    spans: list[_Span] = []
    for m in article.mentions:
        spans.append(
            _Span(
                m.start,
                m.end,
                0,
                f'<a class="mention mention-actor" href="{escape(urls.actor(m.actor))}"'
                f' title="{escape(actor_names.get(m.actor, m.actor))}">',
                "</a>",
            )
        )
    for e in article.event_mentions:
        spans.append(
            _Span(
                e.start,
                e.end,
                1,
                f'<a class="mention mention-event" href="{escape(urls.event(e.event))}">',
                "</a>",
            )
        )
    for d in article.dates:
        time_open = f'<time datetime="{escape(d.value.iso)}">' if d.value is not None else ""
        time_close = "</time>" if d.value is not None else ""
        if d.event is not None:
            spans.append(
                _Span(
                    d.start,
                    d.end,
                    2,
                    f'<a class="mention mention-date" href="{escape(urls.event(d.event))}">'
                    + time_open,
                    time_close + "</a>",
                )
            )
        elif d.value is not None:
            spans.append(_Span(d.start, d.end, 3, time_open, time_close))
    # Longest first at each offset; an overlapping later span is dropped (no link inside a link).
    spans.sort(key=lambda s: (s.start, -(s.end - s.start), s.priority))
    return spans


def _block_html(block: Block, spans: Sequence[_Span]) -> Markup:
    text = block.text
    parts: list[str] = []
    cursor = 0
    for span in spans:
        start, end = span.start - block.start, span.end - block.start
        if start < cursor or start < 0 or end > len(text) or end <= start:
            continue
        parts.append(str(escape(text[cursor:start])))
        parts.append(span.open + str(escape(text[start:end])) + span.close)
        cursor = end
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(parts))  # every piece of text is escaped


def body_blocks(
    article: AnnotatedArticle, urls: _Urls, actor_names: Mapping[str, str]
) -> tuple[BodyBlock, ...]:
    spans = _spans(article, urls, actor_names)
    by_block: dict[str, list[_Span]] = defaultdict(list)
    for span in spans:
        for block in article.text.blocks:
            if block.start <= span.start and span.end <= block.end:
                by_block[block.anchor].append(span)
                break
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


def link_site(corpus: AnnotatedCorpus, base_url: str, *, origin: str | None = None) -> SiteModel:
    """Every page's context, computed once. `origin` (e.g. "https://example.org") makes the
    canonical, Open Graph, sitemap and feed URLs absolute; without it they are root-relative."""
    return _Linker(corpus, _Urls(base_url, origin)).site()


class _Linker:
    def __init__(self, corpus: AnnotatedCorpus, urls: _Urls) -> None:
        self.corpus = corpus
        self.settings = corpus.settings
        self.urls = urls
        self.articles = tuple(sorted(corpus.articles, key=article_sort_key))
        self.actors = {a.id: a for a in corpus.knowledge.actors}
        self.events = {e.id: e for e in corpus.knowledge.events}
        self.actor_names = {a.id: a.name for a in corpus.knowledge.actors}

        # counts[article id][actor id], event counts include dates resolved to the event
        self.actor_counts: dict[str, Counter[str]] = {}
        self.event_counts: dict[str, Counter[str]] = {}
        self.first_actor_anchor: dict[tuple[str, str], str] = {}
        self.first_event_anchor: dict[tuple[str, str], str] = {}
        for article in self.articles:
            ac: Counter[str] = Counter()
            for m in sorted(article.mentions, key=lambda m: (m.start, m.end)):
                ac[m.actor] += 1
                self.first_actor_anchor.setdefault((article.id, m.actor), m.paragraph)
            self.actor_counts[article.id] = ac
            ec: Counter[str] = Counter()
            for start, event_id, paragraph in sorted(self._event_refs(article)):
                ec[event_id] += 1
                self.first_event_anchor.setdefault((article.id, event_id), paragraph)
                del start
            self.event_counts[article.id] = ec
        self.actor_totals: Counter[str] = Counter()
        self.event_totals: Counter[str] = Counter()
        for article in self.articles:
            self.actor_totals.update(self.actor_counts[article.id])
            self.event_totals.update(self.event_counts[article.id])
        self.article_refs = {a.id: self._article_ref(a) for a in self.articles}

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
        output = "404.html" if kind == "404" else f"{path}index.html"
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
            search_tags=tuple(search_tags),
            content=content,
        )

    # pages -----------------------------------------------------------------------------------

    def method_sentence(self) -> str:
        mentions = sum(self.actor_totals.values())
        return (
            f"Each of the {len(self.articles)} texts is kept in its captured wording, its "
            f"{mentions} mentions of {len(self.actors)} actors and references to "
            f"{len(self.events)} events are marked, and every descriptive field says whether "
            "the text states it or an editor inferred it, with the quote or the basis."
        )

    def article_page(self, article: AnnotatedArticle) -> Page:
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

        related: list[tuple[int, tuple[tuple[int, int, int], str], RelatedArticle]] = []
        for other in self.articles:
            if other.id == article.id:
                continue
            shared_a = sorted(set(actor_counts) & set(self.actor_counts[other.id]))
            shared_e = sorted(set(event_counts) & set(self.event_counts[other.id]))
            score = len(shared_a) + len(shared_e)
            if not score:
                continue
            item = RelatedArticle(
                self.article_refs[other.id],
                tuple(
                    sorted(
                        (Link(urls.actor(a), self.actor_names.get(a, a)) for a in shared_a),
                        key=lambda link: link.text,
                    )
                ),
                tuple(
                    Link(urls.event(e), self.events[e].name)
                    for e in sorted(
                        (e for e in shared_e if e in self.events),
                        key=lambda e: event_sort_key(self.events[e]),
                    )
                ),
            )
            related.append((-score, article_sort_key(other), item))
        related.sort(key=lambda r: (r[0], r[1]))

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
            "mentions": [
                _actor_node(self.actors[a.id], urls) for a in actors if a.id in self.actors
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

        content = ArticleContext(
            article=ref,
            meta_rows=tuple(rows),
            completeness_note=completeness_note,
            translation_note=translation_note,
            stance=stance,
            body=body_blocks(article, urls, self.actor_names),
            actors=actors,
            events=events,
            related=tuple(r[2] for r in related),
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

    def _groups(
        self, refs: Sequence[tuple[AnnotatedArticle, Sequence[tuple[int, int, int, str]]]]
    ) -> tuple[tuple[MentionGroup, ...], int]:
        """Mentions grouped by article, one passage per sentence (its first mention highlighted),
        at most MENTION_CAP passages over all groups; returns the groups and passages shown."""
        budget = MENTION_CAP
        groups: list[MentionGroup] = []
        for article, mentions in refs:
            ordered = sorted(mentions)
            seen: set[int] = set()
            passages = []
            for mention in ordered:
                if mention[2] not in seen:
                    seen.add(mention[2])
                    passages.append(mention)
            shown = tuple(
                kwic(article, s, e, sent, self.urls.paragraph(article.id, para))
                for s, e, sent, para in passages[: max(budget, 0)]
            )
            budget -= len(shown)
            groups.append(
                MentionGroup(
                    article=self.article_refs[article.id],
                    count=len(ordered),
                    first_href=self.urls.paragraph(article.id, ordered[0][3]),
                    shown=shown,
                    not_shown=len(passages) - len(shown),
                )
            )
        return tuple(groups), MENTION_CAP - budget

    def actor_page(self, actor: Actor, co: Mapping[str, Counter[str]]) -> Page:
        urls = self.urls
        total = self.actor_totals[actor.id]
        refs = []
        for article in self.articles:
            ms = [
                (m.start, m.end, m.sentence, m.paragraph)
                for m in article.mentions
                if m.actor == actor.id
            ]
            if ms:
                refs.append((article, ms))
        groups, shown = self._groups(refs)
        maximum = max((g.count for g in groups), default=0)
        chart = tuple(
            BarRow(g.article.short_title, g.first_href, g.count, _bar(g.count, maximum))
            for g in groups
        )
        co_mentions = tuple(
            CoMention(self.actor_ref(other), n)
            for other, n in sorted(
                co.get(actor.id, Counter()).items(),
                key=lambda kv: (-kv[1], self.actor_names.get(kv[0], kv[0]), kv[0]),
            )
        )
        events = tuple(
            self.event_ref(e.id)
            for e in sorted(self.events.values(), key=event_sort_key)
            if actor.id in e.participants
        )
        stances = []
        for level in self.settings.stance_scale:
            arts = tuple(g.article for g in groups if g.article.stance_value == level.value)
            if arts:
                stances.append(
                    StanceCount(level.label, level.value, stance_class(level.value), arts)
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
            article_count=len(groups),
            chart=chart,
            groups=groups,
            shown=shown,
            capped=any(g.not_shown for g in groups),
            co_mentions=co_mentions,
            events=events,
            stances=tuple(stances),
        )
        node = _actor_node(actor, urls)
        node = {"@context": "https://schema.org"} | node
        description = actor.description or actor.name
        return self.page(
            "actor",
            f"actors/{actor.id}/",
            actor.name,
            f"{description} Mentioned {total} times in {len(groups)} of "
            f"{len(self.articles)} texts.",
            content,
            og_type="profile" if actor.type == "person" else "website",
            jsonld=node,
            searchable=True,
            search_tags=(
                SearchTag("filter", "type", "actor"),
                SearchTag("meta", "title", actor.name),
            ),
            nav_key="actors",
        )

    def event_page(self, event: Event) -> Page:
        refs = []
        for article in self.articles:
            ms = [
                (e.start, e.end, e.sentence, e.paragraph)
                for e in article.event_mentions
                if e.event == event.id
            ]
            ms += [
                (d.start, d.end, d.sentence, d.paragraph)
                for d in article.dates
                if d.event == event.id
            ]
            if ms:
                refs.append((article, ms))
        groups, shown = self._groups(refs)
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
            groups=groups,
            shown=shown,
            capped=any(g.not_shown for g in groups),
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
            for m in article.mentions:
                by_sentence[m.sentence].add(m.actor)
            for ids in by_sentence.values():
                for a in ids:
                    for b in ids:
                        if a != b:
                            result[a][b] += 1
        return result

    def timeline(self, compact: bool = False) -> Timeline:
        width = 960.0
        left, right = 120.0, 940.0
        events = sorted(self.events.values(), key=event_sort_key)
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
        for index, (label, kind) in enumerate(lanes_spec):
            lane_top = top + index * lane_h
            lanes.append(
                TimelineLane(label, fmt(lane_top + lane_h / 2 + 4), fmt(lane_top + lane_h - 2))
            )
            row_ends = [-1e9] * rows
            items: list[tuple[PartialDate, PartialDate | None, str, str, str]] = []
            if kind == "events":
                for e in events:
                    when = e.date.display + (f" \u2013 {e.end_date.display}" if e.end_date else "")
                    items.append(
                        (e.date, e.end_date, self.urls.event(e.id), f"{e.name}, {when}", "tl-event")
                    )
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
            for start, end, href, label_text, css in items:
                x0 = x_of(_year_start(start))
                x1 = x_of(_year_end(end or start))
                dot = start.precision == "day" and end is None
                if dot:
                    x0, x1 = x0 - 4, x0 + 4
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
                "that is known. Stretches of years with nothing in them are compressed (dashed "
                "lines)."
            ),
        )

    def matrices(self) -> tuple[Matrix, Matrix]:
        columns = tuple(self.article_refs[a.id] for a in self.articles)
        actor_ids = sorted(
            (a for a, n in self.actor_totals.items() if n),
            key=lambda a: (-self.actor_totals[a], self.actor_names.get(a, a), a),
        )
        event_ids = sorted(
            (e for e, n in self.event_totals.items() if n and e in self.events),
            key=lambda e: event_sort_key(self.events[e]),
        )
        actor_matrix = self._matrix(
            "actor-matrix",
            "Mentions of each actor in each text (stronger shading: more mentions; each count "
            "links to the first mention in that text)",
            "Actor",
            columns,
            [(Link(self.urls.actor(a), self.actor_names.get(a, a)), a) for a in actor_ids],
            self.actor_counts,
            self.first_actor_anchor,
            "mention",
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
                for e in event_ids
            ],
            self.event_counts,
            self.first_event_anchor,
            "reference",
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
        first: Mapping[tuple[str, str], str],
        noun: str,
    ) -> Matrix:
        maximum = max((counts[c.id][key] for c in columns for _, key in rows), default=0)
        out_rows = []
        for header, key in rows:
            cells = []
            for column in columns:
                n = counts[column.id][key]
                href = self.urls.paragraph(column.id, first[(column.id, key)]) if n else None
                plural = noun if n == 1 else noun + "s"
                cells.append(
                    MatrixCell(
                        n,
                        heat_level(n, maximum),
                        href,
                        f"{n} {plural} of {header.text} in “{column.title}”",
                    )
                )
            out_rows.append(
                MatrixRow(header, sum(counts[c.id][key] for c in columns), tuple(cells))
            )
        column_totals = tuple(sum(counts[c.id][key] for _, key in rows) for c in columns)
        return Matrix(
            id, caption, row_label, columns, tuple(out_rows), column_totals, sum(column_totals)
        )

    def scale(self) -> tuple[StanceLevelView, ...]:
        return tuple(
            StanceLevelView(
                level.value,
                level.label,
                stance_class(level.value),
                tuple(
                    (self.article_refs[a.id], a.meta.stance.rationale)
                    for a in self.articles
                    if a.meta.stance.value == level.value
                ),
            )
            for level in self.settings.stance_scale
        )

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
        pages: list[Page] = []

        top_actors = tuple(
            self.actor_ref(a)
            for a in sorted(
                (a for a, n in self.actor_totals.items() if n),
                key=lambda a: (-self.actor_totals[a], self.actor_names.get(a, a), a),
            )[:12]
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
                    settings.description, method, refs, self.timeline(compact=True), top_actors
                ),
                jsonld=website_ld,
            )
        )
        pages.append(
            self.page(
                "articles",
                "articles/",
                "Articles",
                f"The {len(refs)} texts of the corpus, by date of publication.",
                ArticlesContext(refs),
            )
        )
        pages.extend(self.article_page(a) for a in self.articles)

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
            self.actor_page(a, co) for a in sorted(self.actors.values(), key=lambda a: a.id)
        )
        events_sorted = tuple(
            self.event_ref(e.id) for e in sorted(self.events.values(), key=event_sort_key)
        )
        pages.append(
            self.page(
                "events",
                "events/",
                "Events",
                f"The {len(self.events)} events the texts refer to, in date order.",
                EventsContext(events_sorted),
            )
        )
        pages.extend(self.event_page(e) for e in sorted(self.events.values(), key=lambda e: e.id))

        years: dict[int, tuple[list[EventRef], list[ArticleRef]]] = defaultdict(lambda: ([], []))
        for e in sorted(self.events.values(), key=event_sort_key):
            years[e.date.year][0].append(self.event_ref(e.id))
        for a in self.articles:
            years[a.meta.published.value.year][1].append(self.article_refs[a.id])
        year_groups = tuple(
            YearGroup(str(y), tuple(years[y][0]), tuple(years[y][1])) for y in sorted(years)
        )
        pages.append(
            self.page(
                "timeline",
                "timeline/",
                "Timeline",
                "The events the texts refer to and the texts' publication dates, on one timeline.",
                TimelineContext(timeline, year_groups),
            )
        )
        actor_matrix, event_matrix = self.matrices()
        pages.append(
            self.page(
                "compare",
                "compare/",
                "Compare the texts",
                "The texts on the stance scale, and which actors and events each one mentions.",
                CompareContext(settings.stance_question, self.scale(), actor_matrix, event_matrix),
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
                    scale=self.scale(),
                    licence_name=settings.licence.name,
                    licence_url=settings.licence.url,
                    licence_applies_to=settings.licence.applies_to,
                    downloads=downloads,
                    captures=tuple(
                        Link(urls.page(f"sources/{a.meta.source_file}"), a.meta.source_file)
                        for a in self.articles
                    ),
                    article_count=len(self.articles),
                    actor_count=len(self.actors),
                    event_count=len(self.events),
                    mention_count=sum(self.actor_totals.values()),
                ),
            )
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
            )
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
        sitemap = tuple(urls.absolute(p.url) for p in pages if p.kind != "404")
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
            pages=tuple(pages),
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
