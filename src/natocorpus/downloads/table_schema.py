"""The CSV tables' schema: each table's columns with their types, enumerations and ranges, and
the keys between the tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from natocorpus.load.article import COMPLETENESS
from natocorpus.load.knowledge import ACTOR_TYPES, EVENT_TYPES
from natocorpus.model import PRECISIONS, ZONES, AnnotatedCorpus


class Column(NamedTuple):
    name: str
    type: str  # a Table Schema type: string, integer, boolean, date
    description: str
    constraints: Mapping[str, Any] | None = None


class Table(NamedTuple):
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str], ...] = ()  # (column, table whose `id` it names)


_PROVENANCE = {"enum": ["stated", "inferred"]}
_PRECISION = {"enum": list(PRECISIONS)}
_OFFSET = {"required": True, "minimum": 0}
_REQUIRED = {"required": True}
_DATE_KIND = {"enum": ["absolute", "relative"]}
_ZONE = {"enum": list(ZONES)}


def _range(low: int, high: int) -> dict[str, int]:
    return {"minimum": low, "maximum": high}


# Fields of an article's record that carry their provenance, with what each holds.
ARTICLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Title (an editor-supplied title is inferred)"),
    ("authors", "Authors, separated by '; '"),
    ("outlet", "Outlet that published the text"),
    ("original_outlet", "Outlet that first published the text, for a republication"),
    ("translated_from", "Language the text was translated from"),
    ("published", "Publication date"),
    ("genre", "Genre"),
    ("completeness", "How much of the text the capture holds"),
    ("source_url", "Address the text was captured from"),
    ("doi", "DOI"),
    ("themes", "Themes, separated by '; '"),
)


def _provenance_columns(field: str) -> tuple[Column, ...]:
    return (
        Column(f"{field}_provenance", "string", "stated or inferred", _PROVENANCE),
        Column(f"{field}_quote", "string", "Where stated: the words of the capture that state it"),
        Column(f"{field}_basis", "string", "Where inferred: the basis of the inference"),
    )


def _date_columns(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{prefix}start", "date", f"First day {what} may be (a year-only date: 1 January)"),
        Column(f"{prefix}end", "date", f"Last day {what} may be (a year-only date: 31 December)"),
        Column(f"{prefix}precision", "string", "year, month or day", _PRECISION),
        Column(f"{prefix}year", "integer", "Year"),
    )


def _article_columns(completeness: tuple[str, ...], stance: tuple[int, int]) -> tuple[Column, ...]:
    columns: list[Column] = [Column("id", "string", "Article id, also its page's address")]
    for field, description in ARTICLE_FIELDS:
        if field == "published":
            columns += _date_columns("published_", "the text was published")
        elif field == "completeness":
            columns.append(Column(field, "string", description, {"enum": list(completeness)}))
        else:
            columns.append(Column(field, "string", description))
        columns += _provenance_columns(field)
    low, high = stance
    return (
        *columns,
        Column(
            "stance", "integer", "Stance on the corpus scale", {"minimum": low, "maximum": high}
        ),
        Column("stance_label", "string", "Label of the stance value"),
        Column("stance_rationale", "string", "The editors' reasons for the stance"),
        Column("stance_provenance", "string", "Always inferred: an editorial judgement"),
        Column("word_count", "integer", "Words in the reading text", {"minimum": 0}),
        Column("source_file", "string", "File name of the capture, under sources/"),
        Column("text_file", "string", "The reading text, under data/: what offsets count in"),
        Column("page", "string", "Address of the article's page"),
    )


_SPAN_COLUMNS = (
    Column("text", "string", "The words of the text"),
    Column("start", "integer", "Offset of the first character in the reading text", _OFFSET),
    Column("end", "integer", "Offset after the last character", _OFFSET),
    Column("paragraph", "string", "Anchor of the paragraph"),
    Column("zone", "string", "Where it stands: body, heading, references or note", _ZONE),
    Column("sentence", "string", "The sentence it sits in"),
    Column("sentence_start", "integer", "Offset of the sentence's first character", _OFFSET),
    Column("permalink", "string", "Address of the paragraph on the site"),
)
_ARTICLE = Column("article", "string", "Article id", _REQUIRED)


def tables(corpus: AnnotatedCorpus) -> dict[str, Table]:
    """Each CSV table's columns and keys; enumerations and ranges come from the corpus's own
    settings and the values the loader accepts."""
    values = [level.value for level in corpus.settings.stance_scale] or [0]
    articles = Table(_article_columns(COMPLETENESS, (min(values), max(values))), ("id",))
    return {"articles": articles, **_knowledge_tables(), **_annotation_tables()}


def _knowledge_tables() -> dict[str, Table]:
    """The tables of the knowledge base: actors, events and who took part in each."""
    return {
        "actors": Table(
            (
                Column("id", "string", "Actor id"),
                Column("name", "string", "Name"),
                Column("type", "string", "Kind of actor", {"enum": list(ACTOR_TYPES)}),
                Column("description", "string", "One-line description"),
                Column("wikidata", "string", "Wikidata id, where known"),
                Column("forms", "string", "Surface forms, separated by '; '"),
                Column("mentions", "integer", "Mentions in the corpus", {"minimum": 0}),
                Column("page", "string", "Address of the actor's page"),
            ),
            ("id",),
        ),
        "events": Table(
            (
                Column("id", "string", "Event id"),
                Column("name", "string", "Name"),
                Column("type", "string", "Kind of event", {"enum": list(EVENT_TYPES)}),
                *_date_columns("", "the event"),
                Column("end_precision", "string", "Precision of the last day", _PRECISION),
                Column("place", "string", "Place"),
                Column("participants", "string", "Actor ids, separated by '; '"),
                Column("description", "string", "One-line description"),
                Column("page", "string", "Address of the event's page"),
            ),
            ("id",),
        ),
        "event_participants": Table(
            (
                Column("event", "string", "Event id", _REQUIRED),
                Column("actor", "string", "Actor id of a participant", _REQUIRED),
            ),
            ("event", "actor"),
            (("event", "events"), ("actor", "actors")),
        ),
    }


def _annotation_tables() -> dict[str, Table]:
    """The tables of what the articles' texts are annotated with, a row for each annotation."""
    return {
        "mentions": Table(
            (_ARTICLE, Column("actor", "string", "Actor id", _REQUIRED), *_SPAN_COLUMNS),
            ("article", "start"),
            (("article", "articles"), ("actor", "actors")),
        ),
        "event_mentions": Table(
            (_ARTICLE, Column("event", "string", "Event id", _REQUIRED), *_SPAN_COLUMNS),
            ("article", "start"),
            (("article", "articles"), ("event", "events")),
        ),
        "dates": Table(
            (
                _ARTICLE,
                *_SPAN_COLUMNS,
                Column(
                    "kind", "string", "absolute or relative", {"enum": ["absolute", "relative"]}
                ),
                Column("resolved", "boolean", "Whether it names a calendar date"),
                *_date_columns("date_", "the date"),
                Column("event", "string", "Event id it is tied to, where one is"),
            ),
            ("article", "start"),
            (("article", "articles"), ("event", "events")),
        ),
        "references": Table(
            (
                _ARTICLE,
                Column("number", "integer", "Number in the text's reference list", _REQUIRED),
                Column("text", "string", "The reference as printed"),
                Column("authors", "string", "Authors as printed, separated by '; '"),
                Column("title", "string", "Title"),
                Column("container", "string", "Journal, outlet or book it appeared in"),
                Column("date", "string", "Date as printed"),
                Column("year", "integer", "Year of that date, where it has one"),
                Column("url", "string", "Address"),
                Column("doi", "string", "DOI"),
                Column("paragraph", "string", "Anchor of the paragraph"),
            ),
            ("article", "number"),
            (("article", "articles"),),
        ),
        "stance_evidence": Table(
            (
                _ARTICLE,
                Column("number", "integer", "Number of the quote, in the text's order", _REQUIRED),
                *(c for c in _SPAN_COLUMNS if not c.name.startswith("sentence")),
            ),
            ("article", "number"),
            (("article", "articles"),),
        ),
    }
