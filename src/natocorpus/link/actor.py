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
from natocorpus.link.labels import stance_class
from natocorpus.link.mentions import MentionGroup, mention_groups
from natocorpus.link.pages import DeferredPage, Page, deferred_page, make_page
from natocorpus.link.views import ActorRef, ArticleRef, EventRef, PageContent, SearchTag
from natocorpus.link.xrefs import CrossReferences, actor_ref, counted, event_ref
from natocorpus.model import Actor, AnnotatedArticle

CHART_CAP = 20
"""Bars in the per-text chart on an actor page."""

BAR_WIDTH = 200

CO_MENTION_CAP = 20
ENTITY_EVENTS_CAP = 30
"""Events listed on an actor page (the events it takes part in)."""

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


class ActorContext(PageContent, frozen=True):
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
    chart_scale: int
    """Mentions a full bar stands for: the same on every actor's page (`most_in_one_text`)."""
    groups: tuple[MentionGroup, ...]
    groups_more: int
    shown: int
    """Passages shown, in all the texts."""
    shown_marks: int
    """Of the `total`, how many are highlighted in the passages shown."""
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
        for a in sorted(xrefs.actors.values(), key=lambda a: a.id)
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
    )


def actor_page(xrefs: CrossReferences, actor: Actor) -> Page:
    """The page of `actor`. All it reads must be covered by `actor_page_inputs`."""
    total = xrefs.actor_totals[actor.id]
    refs = [
        (a, xrefs.actor_counts[a.id][actor.id]) for a in xrefs.articles_mentioning.get(actor.id, [])
    ]
    groups, shown, shown_marks = mention_groups(
        xrefs,
        refs,
        lambda a: [
            (m.start, m.end, m.sentence, m.paragraph) for m in a.mentions if m.actor == actor.id
        ],
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
        groups=groups,
        groups_more=len(refs) - len(groups),
        shown=shown,
        shown_marks=shown_marks,
        capped=shown_marks < total,
        co_mentions=co_mentions,
        co_more=len(ranked_co) - len(co_mentions),
        events=events,
        events_more=len(taking_part) - len(events),
        stances=_stances(xrefs, refs),
        mentions_href=xrefs.mentions_href,
    )
    description = actor.description or actor.name
    return make_page(
        xrefs,
        "actor",
        f"actors/{actor.id}/",
        actor.name,
        f"{description} Mentioned {counted(total, 'time')} in {len(refs)} of "
        f"{counted(len(xrefs.articles), 'text')}.",
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
