"""The page of each text: its record with provenance, stance, body with mentions linked, the actors
and events it names, related texts, citations and references.

`article_page_inputs` lists all that `article_page` reads: a rebuild keeps the page of a text
while its inputs are unchanged, so whatever the page comes to read must be listed there too
(tests/test_page_inputs.py fails otherwise).
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Mapping
from functools import partial
from typing import Any, Literal

import msgspec
from markupsafe import Markup

from natocorpus.link.citation import (
    Citation,
    citation,
    citation_record,
    citation_type,
    highwire_tags,
)
from natocorpus.link.html import NO_HTML, MentionTags, blocks_html, body_html
from natocorpus.link.jsonld import publication, schema_type
from natocorpus.link.labels import signed, value_label
from natocorpus.link.pages import DeferredPage, Page, deferred_page, make_page
from natocorpus.link.urls import capture_path
from natocorpus.link.views import (
    ActorRef,
    ArticleRef,
    EventRef,
    Link,
    MetaTag,
    PageContent,
    SearchTag,
)
from natocorpus.link.xrefs import CrossReferences, actor_ref, event_ref
from natocorpus.model import AnnotatedArticle, ArticleMeta, Field, Provenance, is_web_url

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
    brackets: bool = False  # a list numbered "1)", "2)" as its text is


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

    @property
    def number(self) -> str:
        """The value as shown, with a true minus sign."""
        return signed(self.value)


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
    """The DOI as the entry prints it (what the page shows); `doi_url` resolves the normalised
    one."""
    doi_url: str | None
    paragraph_href: str
    authors: tuple[Link, ...] = ()
    """The entry's authors that the knowledge base describes, each linking to its page."""


class BylineName(msgspec.Struct, frozen=True):
    """An author in the byline, linking to its page; `after` is what follows it (", ", " and ",
    or nothing)."""

    href: str
    text: str
    after: str


def _byline(links: list[Link]) -> tuple[BylineName, ...]:
    return tuple(
        BylineName(
            link.href,
            link.text,
            "" if n == len(links) - 1 else " and " if n == len(links) - 2 else ", ",
        )
        for n, link in enumerate(links)
    )


class ArticleContext(PageContent, frozen=True):
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
    byline: tuple[BylineName, ...]
    """Each author, linking to its page (where the texts it wrote are listed)."""
    outlet: Link | None
    """The outlet, linking to its page."""
    themes: tuple[str, ...]
    word_count: int
    reading_minutes: int
    mention_total: int
    search_names: tuple[str, ...] = ()
    """Every name and form of the actors and events the text names, for its search index entry
    only (indexed at a low weight, not shown): a search by any of them finds the text."""

    @property
    def body_html(self) -> Markup:
        """The body as one piece of markup, each block with its anchor and permalink."""
        return body_html(self.body)


def article_pages(xrefs: CrossReferences) -> list[DeferredPage]:
    """The page of every text, in date order, each prepared when it is rendered."""
    return [
        deferred_page(
            xrefs,
            "article",
            f"articles/{a.id}/",
            partial(article_page, xrefs, a, i),
            partial(article_page_inputs, xrefs, a),
        )
        for i, a in enumerate(xrefs.articles)
    ]


def article_page_inputs(xrefs: CrossReferences, article: AnnotatedArticle) -> tuple[object, ...]:
    """All that `article_page` reads: the article, and what every article page shares
    (`shared_inputs`, which covers the texts related to it; its position in date order is
    used for nothing else)."""
    return (xrefs.shared_inputs, xrefs.article_key(article))


def article_page(xrefs: CrossReferences, article: AnnotatedArticle, position: int) -> Page:
    """The page of `article`, the `position`-th of the texts in date order. All it reads must be
    covered by `article_page_inputs`."""
    urls = xrefs.urls
    meta = article.meta
    ref = xrefs.article_refs[article.id]
    page_url = urls.article(article.id)
    actor_counts = xrefs.actor_counts[article.id]
    actors = tuple(
        sorted(
            (actor_ref(xrefs, a, n) for a, n in actor_counts.items()),
            key=lambda r: (-r.count, r.name, r.id),
        )
    )
    events = tuple(
        sorted(
            (
                event_ref(xrefs, e, n)
                for e, n in xrefs.event_counts[article.id].items()
                if e in xrefs.events
            ),
            key=lambda r: (r.date.iso, r.name, r.id),
        )
    )
    content = ArticleContext(
        article=ref,
        meta_rows=_meta_rows(meta),
        completeness_note=_completeness_note(meta.completeness.value),
        translation_note=(
            f"Translated from {meta.translated_from.value}." if meta.translated_from else None
        ),
        stance=_stance(xrefs, article, ref),
        body=body_blocks(article, xrefs.tags),
        actors=actors,
        events=events,
        related=related_articles(xrefs, position),
        citation=citation(article, urls),
        capture_href=urls.page(capture_path(meta.source_file)),
        capture_name=meta.source_file,
        references=_references(xrefs, article),
        byline=_byline(
            [
                Link(xrefs.urls.actor(actor_id), person.name)
                for person, actor_id in zip(
                    meta.authors.value, xrefs.authorship.authors[article.id], strict=True
                )
            ]
        ),
        outlet=(
            Link(xrefs.urls.actor(outlet_id), meta.outlet.value)
            if meta.outlet.value and (outlet_id := xrefs.authorship.outlet[article.id])
            else None
        ),
        themes=meta.themes.value,
        word_count=article.word_count,
        reading_minutes=article.reading_minutes,
        mention_total=sum(actor_counts.values()),
        search_names=_search_names(xrefs, article),
    )
    description = f"{ref.authors}, {ref.outlet_and_date}. {meta.stance.rationale}"
    return make_page(
        xrefs,
        "article",
        f"articles/{article.id}/",
        meta.title.value,
        description,
        content,
        # Zotero types a page by this before the Highwire tags: "website" makes a web page its
        # web page, where "article" would leave it a journal article.
        og_type="article" if citation_type(meta.genre.value).journal else "website",
        extra_meta=_highwire(article, urls.absolute(page_url)),
        jsonld=_jsonld(xrefs, article, urls.absolute(page_url), actors),
        searchable=True,
        search_tags=_search_tags(meta, ref, actors),
        nav_key="articles",
    )


def _provenance_row(label: str, field: Field[Any], value: str, href: str | None = None) -> MetaRow:
    prov: Provenance = field.provenance
    if prov.is_stated:
        return MetaRow(label, value, href, "stated", "Stated as", prov.quote or "")
    return MetaRow(label, value, href, "inferred", "Basis", prov.basis or "")


def _meta_rows(meta: ArticleMeta) -> tuple[MetaRow, ...]:
    """The record's fields, each with whether the text states it or an editor inferred it."""
    rows = [_provenance_row("Title", meta.title, meta.title.value)]
    authors = "; ".join(
        p.name + (f" ({p.affiliation})" if p.affiliation else "") for p in meta.authors.value
    )
    rows.append(_provenance_row("Authors", meta.authors, authors or "none given"))
    rows.append(_provenance_row("Outlet", meta.outlet, meta.outlet.value or "not known"))
    if meta.original_outlet:
        rows.append(
            _provenance_row("First published in", meta.original_outlet, meta.original_outlet.value)
        )
    if meta.translated_from:
        rows.append(
            _provenance_row("Translated from", meta.translated_from, meta.translated_from.value)
        )
    rows.append(_provenance_row("Published", meta.published, meta.published.value.display))
    rows.append(_provenance_row("Genre", meta.genre, value_label(meta.genre.value)))
    rows.append(
        _provenance_row("Completeness", meta.completeness, value_label(meta.completeness.value))
    )
    for label, part in (("Volume", meta.volume), ("Issue", meta.issue), ("Pages", meta.pages)):
        if part:
            rows.append(_provenance_row(label, part, part.value))
    if meta.source_url:
        rows.append(
            _provenance_row(
                "Source URL", meta.source_url, meta.source_url.value, meta.source_url.value
            )
        )
    if meta.accessed:
        rows.append(_provenance_row("Accessed", meta.accessed, meta.accessed.value.display))
    if meta.doi:
        rows.append(
            _provenance_row("DOI", meta.doi, meta.doi.value, f"https://doi.org/{meta.doi.value}")
        )
    rows.append(_provenance_row("Themes", meta.themes, ", ".join(meta.themes.value)))
    return tuple(rows)


def _completeness_note(completeness: str) -> str | None:
    if completeness == "full":
        return None
    return {
        "excerpt": "This text is an excerpt: the capture holds only part of the article.",
        "abstract-with-references": (
            "This text is an abstract with its references: the capture does not hold "
            "the full article."
        ),
    }.get(completeness, f"This text is not complete: {value_label(completeness).lower()}.")


def _stance(xrefs: CrossReferences, article: AnnotatedArticle, ref: ArticleRef) -> StanceView:
    stance = article.meta.stance
    return StanceView(
        value=stance.value,
        label=ref.stance_label,
        css_class=ref.stance_class,
        rationale=stance.rationale,
        # Links within the page: the passage's anchor alone, not the page's address again.
        evidence=tuple(Evidence(q.text, f"#{q.span.paragraph}") for q in stance.evidence),
        question=xrefs.settings.stance_question,
    )


def _references(xrefs: CrossReferences, article: AnnotatedArticle) -> tuple[ReferenceView, ...]:
    return tuple(
        ReferenceView(
            number=r.number,
            text=r.text,
            url=r.url if r.url is not None and is_web_url(r.url) else None,
            doi=r.doi_printed or r.doi,
            doi_url=f"https://doi.org/{r.doi}" if r.doi else None,
            paragraph_href=f"#{r.paragraph}",
            authors=tuple(
                Link(xrefs.urls.actor(actor_id), name)
                for name, actor_id in zip(r.authors, r.author_actors, strict=False)
                if actor_id
            ),
        )
        for r in sorted(article.references, key=lambda r: r.number)
    )


def _highwire(article: AnnotatedArticle, page_url: str) -> list[MetaTag]:
    """Highwire (Google Scholar, Zotero) and Open Graph article tags."""
    meta = article.meta
    tags = [MetaTag("name", n, v) for n, v in highwire_tags(citation_record(article, page_url))]
    tags.append(MetaTag("property", "article:published_time", meta.published.value.iso))
    tags += [MetaTag("property", "article:author", p.name) for p in meta.authors.value]
    tags += [MetaTag("property", "article:tag", t) for t in meta.themes.value]
    return tags


def _jsonld(
    xrefs: CrossReferences, article: AnnotatedArticle, page_url: str, actors: tuple[ActorRef, ...]
) -> dict[str, object]:
    meta = article.meta
    jsonld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": page_url,
        "url": page_url,
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
        "datePublished": meta.published.value.iso,
        **publication(meta, xrefs.settings.language),
        "genre": meta.genre.value,
        "keywords": list(meta.themes.value),
        "wordCount": article.word_count,
        # Each actor in brief: its own page carries the full description.
        "mentions": [
            {
                "@type": schema_type(xrefs.actors[a.id]),
                "@id": xrefs.urls.absolute(xrefs.urls.actor(a.id)),
                "name": a.name,
            }
            for a in actors
            if a.id in xrefs.actors
        ],
    }
    if meta.doi:
        jsonld["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": meta.doi.value,
        }
        jsonld["sameAs"] = f"https://doi.org/{meta.doi.value}"
    if meta.outlet.value:
        kind = "Periodical" if citation_type(meta.genre.value).journal else "WebSite"
        jsonld["isPartOf"] = {"@type": kind, "name": meta.outlet.value}
    if meta.source_url:
        jsonld["isBasedOn"] = meta.source_url.value
    return jsonld


def _search_names(xrefs: CrossReferences, article: AnnotatedArticle) -> tuple[str, ...]:
    """The names and forms of the actors and events `article` names (from the knowledge base,
    which `shared_inputs` covers), each once, in a fixed order."""
    names: dict[str, None] = {}
    for actor_id in sorted(xrefs.actor_counts[article.id]):
        if actor := xrefs.actors.get(actor_id):
            names.update(dict.fromkeys((actor.name, *(f.text for f in actor.forms))))
    for event_id in sorted(xrefs.event_counts[article.id]):
        if event := xrefs.events.get(event_id):
            names.update(dict.fromkeys((event.name, *event.forms)))
    return tuple(names)


def _search_tags(
    meta: ArticleMeta, ref: ArticleRef, actors: tuple[ActorRef, ...]
) -> tuple[SearchTag, ...]:
    date = meta.published.value
    return (
        SearchTag("filter", "type", "article"),
        *(SearchTag("filter", "author", p.name) for p in meta.authors.value),
        *((SearchTag("filter", "outlet", ref.outlet),) if ref.outlet else ()),
        SearchTag("filter", "stance", ref.stance_label),
        SearchTag("filter", "year", str(date.year)),
        *(SearchTag("filter", "actor", name) for name in sorted({r.name for r in actors})),
        SearchTag("meta", "title", ref.title),
        SearchTag("meta", "author", ref.authors),
        *((SearchTag("meta", "outlet", ref.outlet),) if ref.outlet else ()),
        SearchTag("meta", "date", ref.date.display),
        SearchTag("sort", "date", date.iso),
    )


def body_blocks(article: AnnotatedArticle, tags: MentionTags) -> tuple[BodyBlock, ...]:
    """The text's blocks, with each run of list items gathered into one list."""
    out: list[BodyBlock] = []
    pending: list[BodyItem] = []
    pending_mark: str | None = None  # what follows the items' numbers ("." or ")"); None: bullets

    def flush() -> None:
        nonlocal pending
        if pending:
            tag = "ul" if pending_mark is None else "ol"
            brackets = pending_mark == ")"
            out.append(BodyBlock("list", tag, pending[0].anchor, NO_HTML, tuple(pending), brackets))
            pending = []

    for block, html in zip(article.text.blocks, blocks_html(article, tags), strict=True):
        if block.kind == "item":
            mark = block.marker[-1] if block.marker else None
            if pending and mark != pending_mark:
                flush()  # (a list numbered "1." and one numbered "1)" are two lists)
            pending_mark = mark
            value = block.number
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


def related_articles(xrefs: CrossReferences, i: int) -> tuple[RelatedArticle, ...]:
    """The RELATED_CAP texts that share the most with text `i`, rare things counting more:
    the score is the sum, over the actors and events both mention, of log(1 + N / df), where
    df is the number of texts mentioning it. Candidates come from an inverted index (actor or
    event -> texts), following only lists of at most RELATED_MAX_POSTING texts in full (of a
    longer list, only the texts nearest in date), so the work per text does not grow with the
    corpus; the best candidates are then scored exactly. Ties: the nearer in date, then the
    id."""
    own, postings, idf = xrefs.related
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
        ranked.append((-exact, abs(j - i), xrefs.articles[j].id, j, shared))
    ranked.sort()
    return tuple(_related(xrefs, j, shared, idf) for *_, j, shared in ranked[:RELATED_CAP])


def _related(
    xrefs: CrossReferences, j: int, shared: frozenset[str], idf: Mapping[str, float]
) -> RelatedArticle:
    rarest = sorted(shared, key=lambda f: (-idf[f], f))
    actor_ids = [f[2:] for f in rarest if f.startswith("a:")]
    event_ids = [f[2:] for f in rarest if f.startswith("e:")]
    return RelatedArticle(
        xrefs.article_refs[xrefs.articles[j].id],
        tuple(
            Link(xrefs.urls.actor(a), xrefs.actor_names.get(a, a))
            for a in actor_ids[:RELATED_SHARED_CAP]
        ),
        tuple(
            Link(xrefs.urls.event(e), xrefs.events[e].name) for e in event_ids[:RELATED_SHARED_CAP]
        ),
        max(0, len(actor_ids) - RELATED_SHARED_CAP),
        max(0, len(event_ids) - RELATED_SHARED_CAP),
    )
