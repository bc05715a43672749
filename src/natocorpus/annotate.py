"""The annotate stage: actor, event and date mentions, sentences and references, as frozen data.

All surface forms of the knowledge base are compiled into one regular expression per kind (actors,
events), factored as a trie so that one pass over a text finds every mention, longest form first.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

import msgspec
from dateutil import parser as dateparser

from natocorpus.model import (
    PRECISIONS,
    ActorMention,
    AnnotatedArticle,
    ArticleText,
    DateMention,
    EventMention,
    KnowledgeBase,
    LoadedArticle,
    PartialDate,
    Reference,
    Span,
    SurfaceForm,
)

WORDS_PER_MINUTE = 230


# One compiled pass over all surface forms -------------------------------------------


_Trie = dict[str, "_Trie"]


def _trie_pattern(forms: Iterable[str]) -> str:
    """A regex matching any of `forms`, longest first at each position, with shared prefixes."""
    trie: _Trie = {}
    end = ""  # key marking that a form ends at this node
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[end] = {}

    def build(node: _Trie) -> str:
        branches = [
            re.escape(char) + build(child) for char, child in sorted(node.items()) if char != end
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end in node:
            # Greedy optional: the longer form is tried first, the shorter one on backtracking.
            return f"(?:{body})?"
        return body

    return build(trie)


class FormMatcher(msgspec.Struct, frozen=True):
    """Finds every surface form of a set of things in a text, word-bounded and case-sensitive."""

    pattern: re.Pattern[str] | None
    owners: dict[str, tuple[str, str]]  # form -> (owner, the form)
    rules: dict[str, tuple[str, ...]]

    @classmethod
    def compile(cls, forms: Iterable[tuple[str, SurfaceForm]]) -> FormMatcher:
        owners: dict[str, tuple[str, str]] = {}
        rules: dict[str, tuple[str, ...]] = {}
        for owner, form in forms:
            owners.setdefault(form.text, (owner, form.text))
            if form.unless_after:
                rules[form.text] = form.unless_after
        if not owners:
            return cls(None, owners, rules)
        body = _trie_pattern(sorted(owners))
        # The lookahead on the characters a form can begin with lets the engine pass over every
        # other position at once: a quarter of the matching time.
        first = "".join(re.escape(char) for char in sorted({form[:1] for form in owners}))
        return cls(re.compile(rf"(?=[{first}])(?<!\w)(?:{body})(?!\w)"), owners, rules)

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """(owner, form, start, end) of each match. The form is the one string object of the
        knowledge base, not a copy per mention: a text's mentions of NATO share one "NATO"."""
        if self.pattern is None:
            return []
        owners, rules = self.owners, self.rules
        found: list[tuple[str, str, int, int]] = []
        for match in self.pattern.finditer(text):
            start, end = match.span()
            owner, form = owners[match.group()]
            before = text[max(0, start - _RULE_CONTEXT) : start]
            if form in rules and _ends_with_any(before, rules[form]):
                continue
            found.append((owner, form, start, end))
        return found


_RULE_CONTEXT = 80  # characters before a match that an unless_after rule looks at


def _ends_with_any(before: str, phrases: Sequence[str]) -> bool:
    """Whether the words of `before` end with one of `phrases`, ignoring case."""
    tail = before.split()
    for phrase in phrases:
        words = phrase.split()
        if words and [w.lower() for w in tail[-len(words) :]] == [w.lower() for w in words]:
            return True
    return False


def _compatible(left: PartialDate, right: PartialDate) -> bool:
    """Two dates agree when they are equal at the coarser of their precisions."""
    coarser = min(left.precision, right.precision, key=PRECISIONS.index)
    return left.truncate(coarser) == right.truncate(coarser)


class Matchers(msgspec.Struct, frozen=True):
    actors: FormMatcher
    events: FormMatcher
    event_dates: dict[str, PartialDate]

    @classmethod
    def for_knowledge(cls, knowledge: KnowledgeBase) -> Matchers:
        return cls(
            actors=FormMatcher.compile(
                (actor.id, form) for actor in knowledge.actors for form in actor.forms
            ),
            events=FormMatcher.compile(
                (event.id, SurfaceForm(form)) for event in knowledge.events for form in event.forms
            ),
            event_dates={event.id: event.date for event in knowledge.events},
        )


# Sentences ------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]\.)+$|\b(?:No|Nos|Av|Mr|Mrs|Ms|Dr|St|vs|etc|S|pp|Vol)\.$"
)


def split_sentences(text: ArticleText) -> tuple[Span, ...]:
    sentences: list[Span] = []
    for block in text.blocks:
        start = 0
        for match in _SENTENCE_END.finditer(block.text):
            # Only the last word matters; looking at the whole prefix would be quadratic.
            if _ABBREVIATION.search(block.text[max(0, match.start() - 24) : match.start() + 1]):
                continue
            end = match.end()
            sentences.append(Span(block.start + start, block.start + end, block.anchor))
            start = end
            while start < len(block.text) and block.text[start].isspace():
                start += 1
        if start < len(block.text):
            sentences.append(Span(block.start + start, block.end, block.anchor))
    return tuple(sentences)


def _sentence_index(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


# Dates ---------------------------------------------------------------------------------

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("month_day_year", rf"(?:{_MONTHS}) \d{{1,2}}, {_YEAR}"),
    ("day_month_year", rf"\d{{1,2}} (?:{_MONTHS}) {_YEAR}"),
    ("dotted", rf"\d{{2}}\.\d{{2}}\.{_YEAR}"),
    ("month_year", rf"(?:{_MONTHS}),? {_YEAR}"),
    ("month_day", rf"(?:{_MONTHS}) \d{{1,2}}(?!\d)"),
    ("century", r"(?:the )?\d{1,2}(?:st|nd|rd|th) century"),
    ("in_month", rf"(?<=\b[Ii]n )(?:{_MONTHS})"),
    ("last_year", r"[Ll]ast year"),
    ("this_year", r"[Tt]his year"),
    ("next_year", r"[Nn]ext year"),
    ("recent_years", r"(?:in )?recent years"),
    ("year", _YEAR),
)
# The characters an expression above can begin with: checked first, this spares the regex engine
# trying every alternative at every position of the text (half the date pass).
_DATE_FIRST = "0-9JFMASONDTtLlNnir"
_DATE_RE = re.compile(
    rf"(?=[{_DATE_FIRST}])(?<![\w.])(?:"
    + "|".join(f"(?P<{name}>{body})" for name, body in _DATE_PATTERNS)
    + r")(?![\w])"
)
_RELATIVE = frozenset(
    {"month_day", "in_month", "last_year", "this_year", "next_year", "recent_years"}
)


def _latest_not_after(month: int, day: int | None, published: PartialDate) -> PartialDate | None:
    """The most recent such month (and day) not after publication; None when undecidable."""
    if published.month is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    return PartialDate(year, month, day)


def resolve_date(kind: str, text: str, published: PartialDate) -> PartialDate | None:
    """Resolve one temporal expression; relative ones against the publication date."""
    if kind in ("month_day_year", "day_month_year"):
        parsed = dateparser.parse(text)
        return PartialDate(parsed.year, parsed.month, parsed.day)
    if kind == "dotted":
        parsed = dateparser.parse(text, dayfirst=True)
        return PartialDate(parsed.year, parsed.month, parsed.day)
    if kind == "month_year":
        month_name, year = text.replace(",", "").split()
        return PartialDate(int(year), _MONTH_NUMBER[month_name])
    if kind == "year":
        return PartialDate(int(text))
    if kind == "month_day":
        month_name, day = text.split()
        return _latest_not_after(_MONTH_NUMBER[month_name], int(day), published)
    if kind == "in_month":
        return _latest_not_after(_MONTH_NUMBER[text], None, published)
    if kind == "last_year":
        return PartialDate(published.year - 1)
    if kind == "this_year":
        return PartialDate(published.year)
    if kind == "next_year":
        return PartialDate(published.year + 1)
    return None  # "recent years", centuries: periods, not calendar dates


# References -------------------------------------------------------------------------------

_URL_RE = re.compile(r"URL:\s*(\S+)")
_DOI_RE = re.compile(r"DOI:?\s*(10\.\S+?)\.?(?=\s|$)")
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+| (?:[A-Z]\.)+)?"
# Names end at a full stop, or at the stop of a final initial ("Kistanov V.O. Title").
_AUTHORS_RE = re.compile(rf"^({_NAME}(?:, {_NAME})*)(?:\.|(?<=\.))\s")
_REF_DATE_RE = re.compile(
    rf"(?:{_MONTHS}) \d{{1,2}}, {_YEAR}|(?:{_MONTHS}) {_YEAR}|\d{{2}}\.\d{{2}}\.{_YEAR}|{_YEAR}"
)


def parse_reference(number: int, text: str, paragraph: str) -> Reference:
    """Split one bibliography entry into authors, title, container, date, URL and DOI."""
    url_match = _URL_RE.search(text)
    doi_match = _DOI_RE.search(text)
    head = text
    for cut in (url_match, doi_match):
        if cut is not None:
            head = head[: min(len(head), cut.start())]
    authors: tuple[str, ...] = ()
    author_match = _AUTHORS_RE.match(head)
    if author_match and len(author_match.group(1).split()) <= 6:
        authors = tuple(name.strip() for name in author_match.group(1).split(", "))
        head = head[author_match.end() :]
    date_match = _REF_DATE_RE.search(head)
    before_date = head[: date_match.start()] if date_match else head
    parts = [part.strip() for part in re.split(r"(?<=[^A-Z])\. ", before_date) if part.strip()]
    title = parts[0].rstrip(".") if parts else None
    container = parts[1].rstrip(".") if len(parts) > 1 else None
    return Reference(
        number=number,
        text=text,
        authors=authors,
        title=title,
        container=container,
        date=date_match.group() if date_match else None,
        url=url_match.group(1) if url_match else None,
        doi=doi_match.group(1) if doi_match else None,
        paragraph=paragraph,
    )


def _references(text: ArticleText) -> tuple[Reference, ...]:
    # A numbered list whose items carry a year or an address is read as the bibliography.
    return tuple(
        parse_reference(int(block.marker.rstrip(".")), block.text, block.anchor)
        for block in text.blocks
        if block.kind == "item"
        and block.marker is not None
        and (re.search(_YEAR, block.text) or "URL:" in block.text)
    )


# The stage ------------------------------------------------------------------------------------


def annotate_article(article: LoadedArticle, matchers: Matchers) -> AnnotatedArticle:
    text = article.text
    reading = text.reading_text
    sentences = split_sentences(text)
    starts = [sentence.start for sentence in sentences]
    paragraphs = [sentence.paragraph for sentence in sentences]

    def place(start: int) -> tuple[str, int]:
        index = _sentence_index(starts, start)
        return paragraphs[index], index

    actor_mentions = [
        ActorMention(actor, form, start, end, *place(start))
        for actor, form, start, end in matchers.actors.find(reading)
    ]
    event_mentions = [
        EventMention(event, form, start, end, *place(start))
        for event, form, start, end in matchers.events.find(reading)
    ]
    events_by_sentence: dict[int, list[str]] = {}
    for mention in event_mentions:
        events_by_sentence.setdefault(mention.sentence, []).append(mention.event)

    published = article.meta.published.value
    event_dates = matchers.event_dates
    dates: list[DateMention] = []
    for match in _DATE_RE.finditer(reading):
        kind = match.lastgroup or "year"
        value = resolve_date(kind, match.group(), published)
        paragraph, sentence = place(match.start())
        # A period ("in recent years") names no event; a month whose year is unknown may.
        linkable = value is not None or kind in ("in_month", "month_day")
        in_sentence = [
            event
            for event in events_by_sentence.get(sentence, [])
            if linkable and (value is None or _compatible(value, event_dates[event]))
        ]
        dates.append(
            DateMention(
                text=match.group(),
                start=match.start(),
                end=match.end(),
                paragraph=paragraph,
                sentence=sentence,
                kind="relative" if kind in _RELATIVE else "absolute",
                value=value,
                event=in_sentence[0] if len(set(in_sentence)) == 1 else None,
            )
        )
    words = len(reading.split())
    return AnnotatedArticle(
        path=article.path,
        meta=article.meta,
        text=text,
        capture=article.capture,
        sentences=sentences,
        mentions=tuple(actor_mentions),
        event_mentions=tuple(event_mentions),
        dates=tuple(dates),
        references=_references(text),
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
    )
