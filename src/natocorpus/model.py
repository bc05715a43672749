"""The records: frozen data that flows one way through load, annotate, link and render."""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, Literal, NamedTuple, TypeVar

T = TypeVar("T")

Precision = Literal["year", "month", "day"]
ProvenanceKind = Literal["stated", "inferred"]
BlockKind = Literal["heading", "paragraph", "item"]

PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")


@dataclass(frozen=True, order=True)
class PartialDate:
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


@dataclass(frozen=True)
class Provenance:
    """Where a field comes from: words the text states, or an editorial inference and its basis."""

    kind: ProvenanceKind
    quote: str | None = None
    basis: str | None = None

    @property
    def is_stated(self) -> bool:
        return self.kind == "stated"


@dataclass(frozen=True)
class Field(Generic[T]):
    value: T
    provenance: Provenance


@dataclass(frozen=True)
class Person:
    name: str
    affiliation: str | None = None


@dataclass(frozen=True)
class OmittedLine:
    line: int
    text: str
    reason: str


class Span(NamedTuple):
    """A passage of the reading text, with the paragraph it falls in."""

    start: int
    end: int
    paragraph: str


@dataclass(frozen=True)
class EvidenceQuote:
    text: str
    span: Span


@dataclass(frozen=True)
class Stance:
    value: int
    label: str
    rationale: str
    evidence: tuple[EvidenceQuote, ...]


@dataclass(frozen=True)
class ArticleMeta:
    id: str
    source_file: str
    title: Field[str]
    authors: Field[tuple[Person, ...]]
    outlet: Field[str]
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


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list item of the reading text, with its stable anchor."""

    kind: BlockKind
    text: str
    start: int
    end: int
    anchor: str
    source_line: int
    level: int = 0
    marker: str | None = None


@dataclass(frozen=True)
class ArticleText:
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


@dataclass(frozen=True)
class LoadedArticle:
    """An article as read from disk and validated, before annotation."""

    path: str
    meta: ArticleMeta
    text: ArticleText
    capture: bytes


@dataclass(frozen=True)
class SurfaceForm:
    text: str
    unless_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    description: str
    wikidata: str | None
    forms: tuple[SurfaceForm, ...]


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    type: str
    date: PartialDate
    end_date: PartialDate | None
    place: str | None
    participants: tuple[str, ...]
    description: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class StanceLevel:
    value: int
    label: str


@dataclass(frozen=True)
class Licence:
    name: str
    url: str | None
    applies_to: str | None


@dataclass(frozen=True)
class IgnoredPhrase:
    text: str
    reason: str


@dataclass(frozen=True)
class CorpusSettings:
    title: str
    description: str
    language: str
    licence: Licence
    stance_question: str
    stance_scale: tuple[StanceLevel, ...]
    not_actors: tuple[IgnoredPhrase, ...]

    def stance_label(self, value: int) -> str:
        for level in self.stance_scale:
            if level.value == value:
                return level.label
        raise KeyError(value)


@dataclass(frozen=True)
class KnowledgeBase:
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]


# Annotations ---------------------------------------------------------------
# Mentions, dates and sentences are named tuples, not dataclasses: there are about 110 of each
# kind per 1,000 words, a million at 10,000 articles, and a tuple is a third of the memory and
# several times quicker to make, copy between processes and read back.


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


@dataclass(frozen=True)
class Reference:
    number: int
    text: str
    authors: tuple[str, ...]
    title: str | None
    container: str | None
    date: str | None
    url: str | None
    doi: str | None
    paragraph: str


@dataclass(frozen=True)
class AnnotatedArticle:
    path: str
    meta: ArticleMeta
    text: ArticleText
    capture: bytes
    sentences: tuple[Span, ...]  # sentences, in order
    mentions: tuple[ActorMention, ...]
    event_mentions: tuple[EventMention, ...]
    dates: tuple[DateMention, ...]
    references: tuple[Reference, ...]
    word_count: int
    reading_minutes: int

    @property
    def id(self) -> str:
        return self.meta.id

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text.reading_text[sentence.start : sentence.end]


@dataclass(frozen=True)
class AnnotatedCorpus:
    settings: CorpusSettings
    knowledge: KnowledgeBase
    articles: tuple[AnnotatedArticle, ...]


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@dataclass(frozen=True)
class Artifact:
    """One file of the output: a POSIX path relative to the output folder, and its bytes."""

    path: str
    content: bytes


@dataclass(frozen=True)
class StreamedArtifact:
    """A large file made piece by piece (a download of a million records): the writer writes each
    chunk as it comes, so the file is never held whole."""

    path: str
    chunks: Iterable[bytes]
