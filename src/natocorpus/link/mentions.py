"""Mentions in context, grouped by text: what actor and event pages show of the passages that
name them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import msgspec
from markupsafe import Markup

from natocorpus.link.html import kwic_html
from natocorpus.link.views import ArticleRef
from natocorpus.link.xrefs import CrossReferences
from natocorpus.model import AnnotatedArticle

MENTION_CAP = 50
"""At most this many mentions in context on one actor or event page."""

CONTEXT_CHARS = 240
"""Keyword-in-context: at most this many characters either side of the highlighted words."""

MentionRef = tuple[int, int, int, str]
"""A mention or reference: start, end, sentence index, paragraph anchor."""


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


def mention_groups(
    xrefs: CrossReferences,
    refs: Sequence[tuple[AnnotatedArticle, int]],
    mentions_in: Callable[[AnnotatedArticle], list[MentionRef]],
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
    passages: dict[int, list[MentionRef]] = {}
    for k in selected:
        seen: set[int] = set()
        passages[k] = []
        for mention in mentions[k]:
            if mention[2] not in seen:
                seen.add(mention[2])
                passages[k].append(mention)
    # Fair shares: the texts with the fewest passages first, each taking what it has up to an
    # equal part of what is left.
    quota: dict[int, int] = {}
    budget = MENTION_CAP
    for n, k in enumerate(sorted(selected, key=lambda k: (len(passages[k]), k))):
        quota[k] = min(len(passages[k]), budget // (len(selected) - n))
        budget -= quota[k]
    urls = xrefs.urls
    groups: list[MentionGroup] = []
    for k in selected:
        article, count = refs[k]
        shown = tuple(
            kwic(article, s, e, sent, urls.paragraph(article.id, para))
            for s, e, sent, para in passages[k][: quota[k]]
        )
        groups.append(
            MentionGroup(
                article=xrefs.article_refs[article.id],
                count=count,
                first_href=urls.paragraph(article.id, mentions[k][0][3]),
                shown=shown,
                not_shown=len(passages[k]) - len(shown),
            )
        )
    return tuple(groups), MENTION_CAP - budget
