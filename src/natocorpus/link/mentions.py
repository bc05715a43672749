"""Mentions in context, grouped by text: what actor and event pages show of the passages that
name them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import msgspec
from markupsafe import Markup

from natocorpus.link.html import kwic_html
from natocorpus.link.views import ArticleRef
from natocorpus.link.xrefs import CrossReferences
from natocorpus.model import AnnotatedArticle, Zone

MENTION_CAP = 50
"""At most this many mentions in context on one actor or event page."""

CONTEXT_CHARS = 240
"""Keyword-in-context: at most this many characters either side of the highlighted words."""

MentionRef = tuple[int, int, int, str]
"""A mention or reference: start, end, sentence index, paragraph anchor."""


class Kwic(msgspec.Struct, frozen=True):
    """Keyword in context: a sentence with every mention in it highlighted, and the paragraph it is
    in. `parts` alternate between the text around the mentions and the mentions themselves: it
    begins and ends with text around them (perhaps empty), so `marks` mentions are highlighted."""

    parts: tuple[str, ...]
    href: str
    paragraph: str
    zone: Zone = "body"
    """Where the passage stands in the text: body, heading, references or note."""

    @property
    def zone_label(self) -> str | None:
        """What a reader is told of a passage outside the body and the reference list."""
        return {"heading": "in a heading", "note": "in a note"}.get(self.zone)

    @property
    def marks(self) -> int:
        return len(self.parts) // 2


class MentionGroup(msgspec.Struct, frozen=True):
    """The mentions in one article: how many, in how many passages (sentences), the first one's
    paragraph, and the passages shown in context, each with all its mentions highlighted."""

    article: ArticleRef
    count: int
    passages: int
    first_href: str
    shown: tuple[Kwic, ...]
    not_shown: int
    """Passages of this text not shown (the page's cap)."""

    @property
    def html(self) -> Markup:
        """`shown` as one prepared, escaped list (the template places it as it is)."""
        return kwic_html(self.shown)

    @property
    def marks_shown(self) -> int:
        return sum(k.marks for k in self.shown)


class MentionPart(msgspec.Struct, frozen=True):
    """The mentions (or references) in one part of the texts, discourse or reference lists: how
    many, in how many texts, and the passages shown, by text."""

    total: int
    article_count: int
    groups: tuple[MentionGroup, ...]
    groups_more: int
    shown: int
    """Passages shown, in all the texts."""
    shown_marks: int
    """Of the `total`, how many are highlighted in the passages shown."""

    @property
    def capped(self) -> bool:
        return self.shown_marks < self.total

    @property
    def texts_shown(self) -> int:
        return len(self.groups)


def mention_part(
    xrefs: CrossReferences,
    refs: Sequence[tuple[AnnotatedArticle, int]],
    mentions_in: Callable[[AnnotatedArticle], list[MentionRef]],
) -> MentionPart:
    """`refs`: the texts with their counts in this part (texts counting 0 are left out)."""
    named = [(a, n) for a, n in refs if n]
    groups, shown, marks = mention_groups(xrefs, named, mentions_in)
    return MentionPart(
        total=sum(n for _, n in named),
        article_count=len(named),
        groups=groups,
        groups_more=len(named) - len(groups),
        shown=shown,
        shown_marks=marks,
    )


class GroupsShown(NamedTuple):
    groups: tuple[MentionGroup, ...]
    passages: int
    """Passages shown in all the groups."""
    mentions: int
    """Mentions highlighted in them."""


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


def kwic(
    article: AnnotatedArticle, spans: Sequence[tuple[int, int]], sentence: int, href: str
) -> Kwic:
    """The sentence `sentence` with the `spans` (in order, not overlapping) highlighted."""
    reading = article.text.reading_text
    start, end = spans[0][0], spans[-1][1]
    if 0 <= sentence < len(article.sentences):
        s = article.sentences[sentence]
        s_start, s_end = min(s.start, start), max(s.end, end)
    else:
        block = article.text.block_at(start)
        s_start, s_end = min(block.start, start), max(block.end, end)
    parts = [_clip_before(reading[s_start:start])]
    for n, (a, b) in enumerate(spans):
        if n:
            parts.append(reading[spans[n - 1][1] : a])
        parts.append(reading[a:b])
    parts.append(_clip_after(reading[end:s_end]))
    paragraph = href.rsplit("#", 1)[-1]
    return Kwic(
        parts=tuple(parts),
        href=href,
        paragraph=paragraph,
        zone=article.zone_of(paragraph),
    )


def _passages(mentions: Sequence[MentionRef]) -> list[list[MentionRef]]:
    """The mentions (in order) grouped by sentence, in the order of the text."""
    by_sentence: dict[int, list[MentionRef]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention[2], []).append(mention)
    return list(by_sentence.values())


def _spans(passage: Sequence[MentionRef]) -> list[tuple[int, int]]:
    """What to highlight in a passage: its mentions, overlapping ones as one."""
    spans: list[tuple[int, int]] = []
    for start, end, _, _ in passage:
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def mention_groups(
    xrefs: CrossReferences,
    refs: Sequence[tuple[AnnotatedArticle, int]],
    mentions_in: Callable[[AnnotatedArticle], list[MentionRef]],
) -> GroupsShown:
    """Mentions grouped by text, one passage per sentence with every mention in it highlighted,
    at most MENTION_CAP passages in all, shared fairly between the texts so that one long text
    does not crowd out the others. When there are too many texts for at least three passages
    each, the texts with the most mentions get them; the groups stay in the texts' order, and
    texts without a passage are left out. Returns the groups and the passages and mentions
    shown.

    `refs` are the texts with their counts; the mentions themselves are picked out, by
    `mentions_in`, only from the texts that get passages."""
    selected = list(range(len(refs)))
    if len(refs) * 3 > MENTION_CAP:
        top = sorted(selected, key=lambda k: (-refs[k][1], k))
        selected = sorted(top[: MENTION_CAP // 3])
    mentions = {k: sorted(mentions_in(refs[k][0])) for k in selected}
    passages = {k: _passages(mentions[k]) for k in selected}
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
            kwic(article, _spans(p), p[0][2], urls.paragraph(article.id, p[0][3]))
            for p in passages[k][: quota[k]]
        )
        groups.append(
            MentionGroup(
                article=xrefs.article_refs[article.id],
                count=count,
                passages=len(passages[k]),
                first_href=urls.paragraph(article.id, mentions[k][0][3]),
                shown=shown,
                not_shown=len(passages[k]) - len(shown),
            )
        )
    shown_groups = tuple(groups)
    return GroupsShown(
        shown_groups,
        MENTION_CAP - budget,
        sum(len(p) for k in selected for p in passages[k][: quota[k]]),
    )
