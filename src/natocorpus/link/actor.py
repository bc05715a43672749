"""The page of each actor: where the texts mention it, in context and as a chart, the actors named
with it, the events it takes part in, and the stances of the texts that mention it.

`actor_page_inputs` lists all that `actor_page` reads: a rebuild keeps the page while its inputs
are unchanged, so whatever the page comes to read must be listed there too
(tests/test_page_inputs.py fails otherwise).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import partial

import msgspec

from natocorpus.link.jsonld import actor_node
from natocorpus.link.labels import signed, stance_class
from natocorpus.link.mentions import MentionPart, MentionRef, mention_part
from natocorpus.link.pages import DeferredPage, Page, deferred_page, make_page
from natocorpus.link.search import heading_weight
from natocorpus.link.views import (
    ActorRef,
    ArticleRef,
    EventRef,
    Link,
    PageContent,
    SearchTag,
)
from natocorpus.link.xrefs import (
    CrossReferences,
    actor_ref,
    counted,
    event_ref,
    in_bibliography,
)
from natocorpus.model import Actor, AnnotatedArticle

CHART_CAP = 20
"""Bars in the per-text chart on an actor page."""

BAR_WIDTH = 200

CO_MENTION_CAP = 20
ENTITY_EVENTS_CAP = 30
"""Events listed on an actor page (the events it takes part in)."""

WRITTEN_CAP = 30
"""Texts listed on an author's (an outlet's) page: the latest; the count says how many in all."""

STANCE_LIST_MAX = 20
"""An actor page lists the texts under each stance only when this many or fewer mention it."""


class BarRow(msgspec.Struct, frozen=True):
    """One bar of a chart drawn at build time: `width` in SVG units out of `BAR_WIDTH`."""

    label: str
    href: str
    count: int
    width: int


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

    @property
    def number(self) -> str:
        """The value as shown, with a true minus sign."""
        return signed(self.value)


class Authored(msgspec.Struct, frozen=True):
    """A text the actor wrote or published, and how that is known: stated in the text or inferred
    by the editors (its metadata, with the quote or the basis)."""

    article: ArticleRef
    role: str
    """ "wrote" or "published"."""
    known: str
    """ "stated" or "inferred"."""
    basis_href: str

    @property
    def basis_label(self) -> str:
        """ "Authorship stated in the text", "Outlet inferred by the editors"."""
        what = "Authorship" if self.role == "wrote" else "Outlet"
        how = "stated in the text" if self.known == "stated" else "inferred by the editors"
        return f"{what} {how}"


class CitingText(msgspec.Struct, frozen=True):
    """A text whose reference list cites the actor as an author: which references (numbers)."""

    article: ArticleRef
    references: tuple[Link, ...]


class ActorContext(PageContent, frozen=True):
    actor: ActorRef
    heading_weight: str
    """The search weight of the h1, the actor's name (`search.heading_weight`)."""
    description: str
    type_label: str
    forms: tuple[str, ...]
    wikidata: str | None
    wikidata_href: str | None
    total: int
    article_count: int
    chart: tuple[BarRow, ...]
    chart_more: int
    chart_scale: int
    """Mentions a full bar stands for: the same on every actor's page (`most_in_one_text`)."""
    discourse: MentionPart
    """Its mentions in what the texts say (body, headings, notes)."""
    cited: MentionPart
    """Its mentions in the texts' reference lists (a cited title, a cited journal)."""
    wrote_count: int
    """The texts it wrote (its name in their byline)."""
    published_count: int
    """The texts it published, or first published (an outlet)."""
    authored: tuple[Authored, ...]
    """The latest WRITTEN_CAP of the texts it wrote, then of those it published."""
    authored_more: int
    cited_as_author: tuple[CitingText, ...]
    """The texts whose references cite it as an author."""
    co_mentions: tuple[CoMention, ...]
    co_more: int
    events: tuple[EventRef, ...]
    events_more: int
    stances: tuple[StanceCount, ...]
    mentions_href: str
    summary: str
    """The page's count in words: its mentions, in discourse and in references, and what it
    wrote or published."""


def actor_pages(xrefs: CrossReferences) -> list[DeferredPage]:
    """The page of every actor, by id, each prepared when it is rendered."""
    return [
        deferred_page(
            xrefs,
            "actor",
            f"actors/{a.id}/",
            partial(actor_page, xrefs, a),
            partial(actor_page_inputs, xrefs, a),
        )
        for a in sorted(
            (*xrefs.actors.values(), *xrefs.authorship.made.values()), key=lambda a: a.id
        )
    ]


def actor_page_inputs(xrefs: CrossReferences, actor: Actor) -> tuple[object, ...]:
    """All that `actor_page` reads besides `entity_inputs`: the texts that mention the actor,
    in order, with their counts; the scale of the chart; the actors named in the same sentences,
    with the counts of both; and the events it takes part in, with their counts."""
    named_with = xrefs.co_mentions.get(actor.id, Counter())
    return (
        xrefs.entity_inputs,
        actor.id,
        [
            (xrefs.article_key(a), xrefs.actor_counts[a.id][actor.id])
            for a in xrefs.articles_mentioning.get(actor.id, [])
        ],
        xrefs.most_in_one_text,
        sorted((other, n, xrefs.actor_totals[other]) for other, n in named_with.items()),
        [(e.id, xrefs.event_totals[e.id]) for e in xrefs.participations.get(actor.id, [])],
        # Which of its mentions are in reference lists is in each text (its key, above); the
        # texts it wrote or published, and those citing it as an author.
        [xrefs.article_key(a) for a in xrefs.authorship.wrote.get(actor.id, [])],
        [xrefs.article_key(a) for a in xrefs.authorship.published.get(actor.id, [])],
        [(xrefs.article_key(a), numbers) for a, numbers in xrefs.cited_authors.get(actor.id, [])],
    )


def actor_page(xrefs: CrossReferences, actor: Actor) -> Page:
    """The page of `actor`. All it reads must be covered by `actor_page_inputs`."""
    total = xrefs.actor_totals[actor.id]
    refs = [
        (a, xrefs.actor_counts[a.id][actor.id]) for a in xrefs.articles_mentioning.get(actor.id, [])
    ]
    discourse, cited = _mention_parts(xrefs, actor, [a for a, _ in refs])
    wrote = xrefs.authorship.wrote.get(actor.id, [])
    published = xrefs.authorship.published.get(actor.id, [])
    authored = _authored(xrefs, wrote, published)
    summary = _summary(
        total, len(refs), len(xrefs.articles), cited.total, len(wrote), len(published)
    )
    chart = _chart(xrefs, actor, refs)
    ranked_co = sorted(
        xrefs.co_mentions.get(actor.id, Counter()).items(),
        key=lambda kv: (-kv[1], xrefs.actor_names.get(kv[0], kv[0]), kv[0]),
    )
    co_mentions = tuple(
        CoMention(actor_ref(xrefs, other), n) for other, n in ranked_co[:CO_MENTION_CAP]
    )
    taking_part = xrefs.participations.get(actor.id, [])
    events = tuple(event_ref(xrefs, e.id) for e in taking_part[:ENTITY_EVENTS_CAP])
    content = ActorContext(
        actor=actor_ref(xrefs, actor.id),
        heading_weight=heading_weight(actor.name),
        description=actor.description,
        type_label=actor.type,
        forms=tuple(f.text for f in actor.forms),
        wikidata=actor.wikidata,
        wikidata_href=(
            f"https://www.wikidata.org/wiki/{actor.wikidata}" if actor.wikidata else None
        ),
        total=total,
        article_count=len(refs),
        chart=chart,
        chart_more=len(refs) - len(chart),
        chart_scale=xrefs.most_in_one_text,
        discourse=discourse,
        cited=cited,
        wrote_count=len(wrote),
        published_count=len(published),
        authored=tuple(authored[:WRITTEN_CAP]),
        authored_more=max(0, len(authored) - WRITTEN_CAP),
        cited_as_author=_cited_as_author(xrefs, actor),
        co_mentions=co_mentions,
        co_more=len(ranked_co) - len(co_mentions),
        events=events,
        events_more=len(taking_part) - len(events),
        stances=_stances(xrefs, refs),
        mentions_href=xrefs.mentions_href,
        summary=summary,
    )
    description = actor.description or actor.name
    return make_page(
        xrefs,
        "actor",
        f"actors/{actor.id}/",
        actor.name,
        f"{description} {summary}",
        content,
        og_type="profile" if actor.type == "person" else "website",
        jsonld={"@context": "https://schema.org"} | actor_node(actor, xrefs.urls),
        searchable=True,
        search_tags=(
            SearchTag("filter", "type", "actor"),
            SearchTag("meta", "title", actor.name),
            SearchTag("meta", "kind", actor.type),
        ),
        nav_key="actors",
    )


def _mention_parts(
    xrefs: CrossReferences, actor: Actor, in_texts: list[AnnotatedArticle]
) -> tuple[MentionPart, MentionPart]:
    """The actor's mentions in the texts' own words, and those in their reference lists."""

    def mentions(cited: bool, article: AnnotatedArticle) -> list[MentionRef]:
        return [
            (m.start, m.end, m.sentence, m.paragraph)
            for m in article.mentions
            if m.actor == actor.id and in_bibliography(article, m.paragraph) == cited
        ]

    discourse = mention_part(
        xrefs,
        [(a, xrefs.actor_discourse.counts[a.id][actor.id]) for a in in_texts],
        partial(mentions, False),
    )
    cited = mention_part(
        xrefs,
        [(a, xrefs.actor_cited.counts[a.id][actor.id]) for a in in_texts],
        partial(mentions, True),
    )
    return discourse, cited


def _authored(
    xrefs: CrossReferences, wrote: list[AnnotatedArticle], published: list[AnnotatedArticle]
) -> list[Authored]:
    """The texts the actor wrote, then those it published, each latest first."""
    return [
        Authored(
            xrefs.article_refs[a.id],
            role,
            field.provenance.kind,
            xrefs.urls.article(a.id) + "#metadata",
        )
        for role, texts in (("wrote", wrote), ("published", published))
        for a in reversed(texts)
        for field in (a.meta.authors if role == "wrote" else a.meta.outlet,)
    ]


def _cited_as_author(xrefs: CrossReferences, actor: Actor) -> tuple[CitingText, ...]:
    """The texts whose reference lists cite the actor as an author, with those references."""
    return tuple(
        CitingText(
            xrefs.article_refs[a.id],
            tuple(
                Link(xrefs.urls.paragraph(a.id, paragraph), f"reference {n}")
                for n, paragraph in numbers
            ),
        )
        for a, numbers in xrefs.cited_authors.get(actor.id, [])
    )


def _summary(total: int, texts: int, of: int, cited: int, wrote: int, published: int) -> str:
    """ "Mentioned 12 times in 3 of 5 texts (5 of them in reference lists). Wrote 1 of
    them." An author never mentioned is not "0 in 0 of the texts": its page says what it
    wrote."""
    parts = []
    if total:
        parts.append(
            f"Mentioned {counted(total, 'time')} in {texts} of {counted(of, 'text')}"
            + (
                ""
                if not cited
                else " (all in reference lists)"
                if cited == total
                else f" ({cited} of them in reference lists)"
            )
            + "."
        )
    elif not (wrote or published):
        parts.append("Not mentioned in the texts.")
    if wrote:
        parts.append(f"Wrote {'one' if wrote == 1 else wrote} of the texts.")
    if published:
        parts.append(f"Published {'one' if published == 1 else published} of the texts.")
    if not total and (wrote or published):
        parts.append("Named in none of the texts.")
    return " ".join(parts)


def _chart(
    xrefs: CrossReferences, actor: Actor, refs: list[tuple[AnnotatedArticle, int]]
) -> tuple[BarRow, ...]:
    """The texts that mention it most, in order of mentions (then of the texts), on the one scale
    of every actor's chart: so that bars compare across pages, one mention is never a full bar
    unless no text mentions any actor more than once."""
    top = sorted(range(len(refs)), key=lambda k: (-refs[k][1], k))
    chart = []
    for k in top[:CHART_CAP]:
        article, count = refs[k]
        first = xrefs.first_actor_anchor[article.id][actor.id]
        chart.append(
            BarRow(
                xrefs.article_refs[article.id].short_title,
                xrefs.urls.paragraph(article.id, first),
                count,
                bar_width(count, xrefs.most_in_one_text),
            )
        )
    return tuple(chart)


def bar_width(count: int, scale: int) -> int:
    """The bar of `count` mentions when a full bar (BAR_WIDTH) is `scale` mentions; a count is
    at least a sliver, so that it shows."""
    if scale <= 0 or count <= 0:
        return 0
    return max(2, round(min(count, scale) * BAR_WIDTH / scale))


def _stances(
    xrefs: CrossReferences, refs: list[tuple[AnnotatedArticle, int]]
) -> tuple[StanceCount, ...]:
    by_stance: dict[int, list[ArticleRef]] = defaultdict(list)
    for article, _ in refs:
        ref = xrefs.article_refs[article.id]
        by_stance[ref.stance_value].append(ref)
    listed = len(refs) <= STANCE_LIST_MAX
    return tuple(
        StanceCount(
            level.label,
            level.value,
            stance_class(level.value),
            len(by_stance[level.value]),
            tuple(by_stance[level.value]) if listed else (),
        )
        for level in xrefs.settings.stance_scale
        if by_stance.get(level.value)
    )
