"""The records: frozen data that flows one way through load, annotate, link and render.

Records are frozen msgspec Structs rather than dataclasses: a dataclass's class is slow to define
(its methods are generated as source and compiled), which a cold build pays for every record type;
a Struct is also quicker to make and to pickle between the build's processes.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from functools import cached_property
from typing import Generic, Literal, NamedTuple, TypeVar
from urllib.parse import urlsplit

import msgspec

T = TypeVar("T")

Precision = Literal["year", "month", "day"]
ProvenanceKind = Literal["stated", "inferred"]
BlockKind = Literal["heading", "paragraph", "item"]
# Where a block stands: the text's discourse, a heading, the bibliography, or a note about the
# text (an editor's or author's note, a footnote, a disclaimer).
Zone = Literal["body", "heading", "references", "note"]
ZONES: tuple[Zone, ...] = ("body", "heading", "references", "note")

PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")


class PartialDate(msgspec.Struct, frozen=True, order=True):
    """A date known to a precision: a year-only date never becomes 1 January."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def display(self) -> str:
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def truncate(self, precision: Precision) -> PartialDate:
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month":
            return PartialDate(self.year, self.month)
        return self

    def covers(self, other: PartialDate) -> bool:
        """True when `other` is at least as precise as this date and falls within it."""
        rank = PRECISIONS.index
        return rank(other.precision) >= rank(self.precision) and (
            other.truncate(self.precision) == self
        )


class Provenance(msgspec.Struct, frozen=True):
    """Where a field comes from: words the text states, or an editorial inference and its basis."""

    kind: ProvenanceKind
    quote: str | None = None
    basis: str | None = None

    @property
    def is_stated(self) -> bool:
        return self.kind == "stated"


class Field(msgspec.Struct, Generic[T], frozen=True):
    value: T
    provenance: Provenance


class Person(msgspec.Struct, frozen=True):
    """An author: `name` as the text writes it; `family` and `given` as citations need them, for a
    person whose name the editors split (both or neither). Without them (an organisation, a
    one-word name) the name is cited as it stands."""

    name: str
    affiliation: str | None = None
    family: str | None = None
    given: str | None = None

    @property
    def inverted(self) -> str:
        """ "Family, Given" where the name is split, the name as it stands otherwise."""
        return f"{self.family}, {self.given}" if self.family and self.given else self.name


class OmittedLine(msgspec.Struct, frozen=True):
    line: int
    text: str
    reason: str
    part: bool = False  # only `text`, a part of the line, is left out


class Span(NamedTuple):
    """A passage of the reading text, with the paragraph it falls in."""

    start: int
    end: int
    paragraph: str


class EvidenceQuote(msgspec.Struct, frozen=True):
    text: str
    span: Span


class Stance(msgspec.Struct, frozen=True):
    value: int
    label: str
    rationale: str
    evidence: tuple[EvidenceQuote, ...]


class PassageMention(msgspec.Struct, frozen=True):
    """An article's own annotation: every occurrence of `passage` refers to the actor or event."""

    passage: str
    actor: str | None
    event: str | None
    spans: tuple[Span, ...]


class DateWithoutEvent(msgspec.Struct, frozen=True):
    """A passage whose dates the editor judged to name no event, and why."""

    passage: str
    reason: str
    spans: tuple[Span, ...]


class ArticleMeta(msgspec.Struct, frozen=True):
    id: str
    source_file: str
    title: Field[str]
    authors: Field[tuple[Person, ...]]
    outlet: Field[str | None]  # None where no outlet is stated or can be inferred
    original_outlet: Field[str] | None
    translated_from: Field[str] | None
    published: Field[PartialDate]
    genre: Field[str]
    completeness: Field[str]
    source_url: Field[str] | None
    doi: Field[str] | None
    themes: Field[tuple[str, ...]]
    stance: Stance
    omitted: tuple[OmittedLine, ...]
    # Passages that refer to an actor or an event only in this article (front matter `mentions`).
    passages: tuple[PassageMention, ...] = ()
    # Dates that name no event, with the reason (front matter `dates_without_event`).
    dates_without_event: tuple[DateWithoutEvent, ...] = ()
    # Where the text is found in its journal, as the capture states it; and when the capture was
    # taken from `source_url`.
    volume: Field[str] | None = None
    issue: Field[str] | None = None
    pages: Field[str] | None = None
    accessed: Field[PartialDate] | None = None


class Block(msgspec.Struct, frozen=True):
    """A heading, paragraph or list item of the reading text, with its stable anchor."""

    kind: BlockKind
    text: str
    start: int
    end: int
    anchor: str
    source_line: int
    level: int = 0
    marker: str | None = None  # an ordered list item's number with its mark: "1." or "1)"

    @property
    def number(self) -> int | None:
        """An ordered list item's number ("1." and "1)" are 1); None for any other block."""
        return int(self.marker.rstrip(".)")) if self.marker else None


class ArticleText(msgspec.Struct, frozen=True, dict=True):  # dict: room for the cached starts
    blocks: tuple[Block, ...]
    reading_text: str

    @cached_property
    def _starts(self) -> tuple[int, ...]:
        return tuple(block.start for block in self.blocks)

    def block_at(self, offset: int) -> Block:
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset <= self.blocks[index].end:
            return self.blocks[index]
        raise ValueError(f"offset {offset} is outside every block")


class LoadedArticle(msgspec.Struct, frozen=True):
    """An article as read from disk and validated, before annotation."""

    path: str
    meta: ArticleMeta
    text: ArticleText
    capture: bytes


class SurfaceForm(msgspec.Struct, frozen=True):
    text: str
    unless_after: tuple[str, ...] = ()


class Actor(msgspec.Struct, frozen=True):
    id: str
    name: str
    type: str
    description: str
    wikidata: str | None
    forms: tuple[SurfaceForm, ...]
    # The day a state came into being ("the Russian Federation": 1991-12-26): before it, its
    # forms name its predecessor, which the knowledge base may lack.
    since: PartialDate | None = None


class Event(msgspec.Struct, frozen=True):
    id: str
    name: str
    type: str
    date: PartialDate
    end_date: PartialDate | None
    place: str | None
    participants: tuple[str, ...]
    description: str
    forms: tuple[str, ...]
    # Common-noun phrases ("NATO summit", "summit") that name this event only with the help of
    # the dates and places around them; matched regardless of case.
    generic: tuple[str, ...] = ()


class StanceLevel(msgspec.Struct, frozen=True):
    value: int
    label: str


class Licence(msgspec.Struct, frozen=True):
    name: str
    url: str | None
    applies_to: str | None


class IgnoredPhrase(msgspec.Struct, frozen=True):
    text: str
    reason: str


class CorpusSettings(msgspec.Struct, frozen=True):
    title: str
    description: str
    language: str
    licence: Licence
    stance_question: str
    stance_scale: tuple[StanceLevel, ...]
    not_actors: tuple[IgnoredPhrase, ...]
    # The values an article's `genre` and `completeness` may take; empty where corpus.yaml
    # declares none (any genre; the default completeness values).
    genres: tuple[str, ...] = ()
    completeness: tuple[str, ...] = ()

    def stance_label(self, value: int) -> str:
        for level in self.stance_scale:
            if level.value == value:
                return level.label
        raise KeyError(value)


class KnowledgeBase(msgspec.Struct, frozen=True):
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    # Phrases that name nothing the knowledge base knows (corpus.yaml's not_actors): a form
    # inside or across one of them is not a mention.
    blocking: tuple[str, ...] = ()


# Annotations ---------------------------------------------------------------
# Mentions, dates and sentences are named tuples, the lightest records Python has: about 110 of
# each kind per 1,000 words, a million at 10,000 articles.


class ActorMention(NamedTuple):
    actor: str
    text: str
    start: int
    end: int
    paragraph: str
    sentence: int


class EventMention(NamedTuple):
    event: str
    text: str
    start: int
    end: int
    paragraph: str
    sentence: int


class DateMention(NamedTuple):
    """A temporal expression; `value` is None when it cannot be resolved to a calendar date."""

    text: str
    start: int
    end: int
    paragraph: str
    sentence: int
    kind: Literal["absolute", "relative"]
    value: PartialDate | None
    event: str | None


class UnresolvedReference(NamedTuple):
    """A generic reference to an event ("the NATO summit") that the context did not decide:
    `candidates` are the events it could name (none fits, or more than one)."""

    text: str
    start: int
    end: int
    paragraph: str
    sentence: int
    candidates: tuple[str, ...]

    @classmethod
    def of(cls, mention: EventMention, candidates: tuple[str, ...]) -> UnresolvedReference:
        """A mention taken back: its passage, with the events it could name."""
        return cls(
            mention.text,
            mention.start,
            mention.end,
            mention.paragraph,
            mention.sentence,
            candidates,
        )


class Reference(msgspec.Struct, frozen=True):
    number: int
    text: str
    authors: tuple[str, ...]
    title: str | None
    container: str | None
    date: str | None
    url: str | None
    doi: str | None  # normalised: what data and links use (https://doi.org/{doi})
    paragraph: str
    # The DOI as the entry prints it (dashes, spaces and all): what a page shows.
    doi_printed: str | None = None
    # When the address was consulted, as printed ("15.07.2023").
    accessed: str | None = None
    # `date` as a calendar date, to the precision printed.
    issued: PartialDate | None = None
    # For each of `authors`, the id of the actor it names, or None; empty when none does.
    author_actors: tuple[str | None, ...] = ()


class AnnotatedArticle(msgspec.Struct, frozen=True):
    path: str
    meta: ArticleMeta
    text: ArticleText
    capture: bytes
    sentences: tuple[Span, ...]  # sentences, in order
    # Mentions and dates are in the order of the text, as they are found.
    mentions: tuple[ActorMention, ...]
    event_mentions: tuple[EventMention, ...]
    dates: tuple[DateMention, ...]
    references: tuple[Reference, ...]
    word_count: int
    reading_minutes: int
    # Generic event references left unannotated because the context fits no event or several.
    unresolved_events: tuple[UnresolvedReference, ...] = ()
    # The blocks outside the body, as (paragraph anchor, zone), in the order of the text; every
    # other block is "body". Read it with `zone_of`.
    zones: tuple[tuple[str, Zone], ...] = ()

    @property
    def id(self) -> str:
        return self.meta.id

    def zone_of(self, anchor: str) -> Zone:
        """The zone of the block whose anchor is `anchor` (a mention's, date's, sentence's or
        reference's `paragraph`): "body", "heading", "references" or "note"."""
        for block, zone in self.zones:
            if block == anchor:
                return zone
        return "body"

    def date_without_event(self, date: DateMention) -> str | None:
        """The article's reason why `date` names no event (front matter `dates_without_event`),
        or None."""
        for item in self.meta.dates_without_event:
            for span in item.spans:
                if span.start <= date.start and date.end <= span.end:
                    return item.reason
        return None

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text.reading_text[sentence.start : sentence.end]


class AnnotatedCorpus(msgspec.Struct, frozen=True):
    settings: CorpusSettings
    knowledge: KnowledgeBase
    articles: tuple[AnnotatedArticle, ...]


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def on_the_calendar(date: PartialDate) -> bool:
    """Whether `date` is a day, month or year the calendar has: no year 0 (it goes from 1 BC to
    AD 1), no thirteenth month, no 30 February."""
    if date.year == 0 or (date.month is not None and not 1 <= date.month <= 12):
        return False
    return date.day is None or (
        date.month is not None and 1 <= date.day <= days_in_month(date.year, date.month)
    )


def is_web_url(text: str) -> bool:
    """Whether `text` may become a link: an http or https address with a host, and no space or
    control character (a `javascript:` or `data:` address would run in the reader's browser)."""
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.netloc)
        and not any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in text)
    )
