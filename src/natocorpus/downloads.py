"""The downloads stage: the data files a reader downloads (records.json, the CSV tables, the Web
Annotations and a Frictionless package), and the captures byte for byte.

These are views of the annotated corpus, made into bytes; the writer puts them under `data/` and
`sources/`. An article's piece of a large download that the previous build's file holds is reused:
the writer copies it from there.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from importlib import resources
from typing import Any, NamedTuple

import msgspec
import orjson

from natocorpus.artifacts import (
    Artifact,
    Piece,
    PreviousFile,
    ReusedArtifact,
    StreamedArtifact,
    digest_of,
    reused_if_unchanged,
)
from natocorpus.link.urls import Urls, capture_path
from natocorpus.load.article import COMPLETENESS
from natocorpus.load.knowledge import ACTOR_TYPES, EVENT_TYPES
from natocorpus.model import (
    PRECISIONS,
    AnnotatedArticle,
    AnnotatedCorpus,
    Field,
    PartialDate,
    Provenance,
    days_in_month,
)

SCHEMA_NAME = "records.schema.json"


def _provenance(provenance: Provenance) -> dict[str, Any]:
    if provenance.is_stated:
        return {"provenance": "stated", "quote": provenance.quote}
    return {"provenance": "inferred", "basis": provenance.basis}


def _field(field: Field[Any] | None, value: Any = None) -> dict[str, Any] | None:
    if field is None:
        return None
    return {"value": field.value if value is None else value, **_provenance(field.provenance)}


def _date(date: PartialDate | None) -> dict[str, Any] | None:
    if date is None:
        return None
    return {"value": date.iso, "precision": date.precision}


def article_record(article: AnnotatedArticle) -> dict[str, Any]:
    """An article's record in records.json: its metadata with provenance, its reading text, and
    its annotations pointing into that text."""
    return {
        **_metadata(article),
        "word_count": article.word_count,
        "reading_minutes": article.reading_minutes,
        "reading_text": article.text.reading_text,
        **_annotations(article),
    }


def _metadata(article: AnnotatedArticle) -> dict[str, Any]:
    meta = article.meta
    published = meta.published
    return {
        "id": meta.id,
        "source_file": meta.source_file,
        "title": _field(meta.title),
        "authors": _field(
            meta.authors,
            [
                {"name": p.name, "affiliation": p.affiliation, "family": p.family, "given": p.given}
                for p in meta.authors.value
            ],
        ),
        "outlet": _field(meta.outlet),
        "original_outlet": _field(meta.original_outlet),
        "translated_from": _field(meta.translated_from),
        "published": {
            "value": published.value.iso,
            "precision": published.value.precision,
            **_provenance(published.provenance),
        },
        "genre": _field(meta.genre),
        "completeness": _field(meta.completeness),
        "source_url": _field(meta.source_url),
        "doi": _field(meta.doi),
        "volume": _field(meta.volume),
        "issue": _field(meta.issue),
        "pages": _field(meta.pages),
        "accessed": _field(meta.accessed, meta.accessed.value.iso if meta.accessed else None),
        "themes": _field(meta.themes, list(meta.themes.value)),
        "stance": {
            "value": meta.stance.value,
            "label": meta.stance.label,
            "rationale": meta.stance.rationale,
            "provenance": "inferred",
            "evidence": [
                {
                    "text": quote.text,
                    "start": quote.span.start,
                    "end": quote.span.end,
                    "paragraph": quote.span.paragraph,
                }
                for quote in meta.stance.evidence
            ],
        },
        "omitted_lines": [
            {"line": line.line, "text": line.text, "reason": line.reason} for line in meta.omitted
        ],
    }


def _annotations(article: AnnotatedArticle) -> dict[str, Any]:
    return {
        "paragraphs": [
            {
                "anchor": block.anchor,
                "kind": block.kind,
                "start": block.start,
                "end": block.end,
                "source_line": block.source_line,
            }
            for block in article.text.blocks
        ],
        "mentions": [
            {
                "actor": m.actor,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "paragraph": m.paragraph,
            }
            for m in article.mentions
        ],
        "event_mentions": [
            {
                "event": m.event,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "paragraph": m.paragraph,
            }
            for m in article.event_mentions
        ],
        "dates": [
            {
                "text": d.text,
                "start": d.start,
                "end": d.end,
                "paragraph": d.paragraph,
                "kind": d.kind,
                "resolved": d.value is not None,
                "value": d.value.iso if d.value else None,
                "precision": d.value.precision if d.value else None,
                "event": d.event,
            }
            for d in article.dates
        ],
        "references": [
            {
                "number": ref.number,
                "text": ref.text,
                "authors": list(ref.authors),
                "title": ref.title,
                "container": ref.container,
                "date": ref.date,
                "url": ref.url,
                "doi": ref.doi,
                "paragraph": ref.paragraph,
            }
            for ref in article.references
        ],
    }


class _PieceReuse(msgspec.Struct, frozen=True):
    """What the previous build's downloads hold that this one can copy instead of making: the
    key of what each article's pieces are made from (by article path), and, for each download,
    where the piece of each key is in the previous file (offset, length)."""

    keys: Mapping[str, bytes]
    previous: Mapping[str, Mapping[bytes, tuple[int, int]]]


_NO_REUSE = _PieceReuse({}, {})
RECORDS_JSON = "data/records.json"
ANNOTATIONS_JSONLD = "data/annotations.jsonld"


def _pieces(
    download: str,
    make: Callable[[AnnotatedArticle], bytes],
    corpus: AnnotatedCorpus,
    reuse: _PieceReuse,
) -> Iterator[Piece]:
    """Each article's piece of `download`, in corpus order: where the previous file holds it, its
    place there; otherwise made here, in this process: the large downloads are written by a
    child process while the pages are rendered on both cores, which a pool of its own would only
    crowd."""
    found = [_found(download, reuse, article) for article in corpus.articles]
    fresh = [article for article, place in zip(corpus.articles, found, strict=True) if not place]
    made = map(partial(_made_piece, download, make, reuse), fresh)
    for article, place in zip(corpus.articles, found, strict=True):
        yield Piece(reuse.keys[article.path], None, place) if place else next(made)


def _found(download: str, reuse: _PieceReuse, article: AnnotatedArticle) -> tuple[int, int] | None:
    key = reuse.keys.get(article.path)
    return reuse.previous.get(download, {}).get(key) if key is not None else None


def _made_piece(
    download: str,
    make: Callable[[AnnotatedArticle], bytes],
    reuse: _PieceReuse,
    article: AnnotatedArticle,
) -> Piece:
    return Piece(reuse.keys.get(article.path), make(article))


def records_json(
    corpus: AnnotatedCorpus, reuse: _PieceReuse = _NO_REUSE
) -> Iterator[bytes | Piece]:
    """records.json, encoded article by article (see `web_annotations`)."""
    articles = _pieces(RECORDS_JSON, _record_piece, corpus, reuse)
    return _json_spliced(records_document(corpus), articles=articles)


def _record_piece(article: AnnotatedArticle) -> bytes:
    return encode_items([article_record(article)])


def records_document(corpus: AnnotatedCorpus) -> dict[str, Any]:
    """The records, with the articles' list left as a placeholder for `records_json`."""
    return {
        "articles": _Spliced("articles"),
        "actors": [
            {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "description": actor.description,
                "wikidata": actor.wikidata,
                "forms": [
                    {"text": form.text, "unless_after": list(form.unless_after)}
                    for form in actor.forms
                ],
            }
            for actor in corpus.knowledge.actors
        ],
        "events": [
            {
                "id": event.id,
                "name": event.name,
                "type": event.type,
                "date": _date(event.date),
                "end_date": _date(event.end_date),
                "place": event.place,
                "participants": list(event.participants),
                "description": event.description,
                "forms": list(event.forms),
            }
            for event in corpus.knowledge.events
        ],
    }


class _Spliced:
    """Stands in a document for a long list that `_json_spliced` encodes piece by piece."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def marker(self) -> str:
        return f"\0{self.name}\0"


def encode_items(items: list[Any]) -> bytes:
    """A list's items as JSON, without the brackets: one piece for `_json_spliced`."""
    return orjson.dumps(items)[1:-1]


def _json_spliced(document: dict[str, Any], **lists: Iterable[Piece]) -> Iterator[bytes | Piece]:
    """`document` as compact JSON, in chunks, each `_Spliced` placeholder in it replaced by the
    list made of the named pieces (items encoded by `encode_items`), each passed on in turn. The
    bytes are those of encoding the whole list in place. The placeholders must come in the
    document's order. Neither the list nor the file is ever held whole."""
    encoded = orjson.dumps(document, default=lambda value: value.marker())
    rest = encoded
    for name, pieces in lists.items():
        before, found, rest = rest.partition(orjson.dumps(_Spliced(name).marker()))
        if not found:
            raise ValueError(f"no placeholder for {name!r} in the document")
        yield before + b"["
        separator = b""
        for piece in pieces:
            if not piece.empty:
                yield separator
                yield piece
                separator = b","
        yield b"]"
    yield rest + b"\n"


def _json(data: Any) -> bytes:
    # orjson rather than the json module: the same compact UTF-8 bytes, several times faster.
    return orjson.dumps(data) + b"\n"


# The CSV tables -------------------------------------------------------------------------------
# Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection): such
# a text cell is written with a leading apostrophe, which they show as text. Numbers are written
# as numbers, so -2 in the stance column stays -2.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(rows: Iterable[Iterable[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows([_cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


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


def _range(low: int, high: int) -> dict[str, int]:
    return {"minimum": low, "maximum": high}


# Fields of an article's record that carry their provenance, with what each holds.
_ARTICLE_FIELDS: tuple[tuple[str, str], ...] = (
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
    for field, description in _ARTICLE_FIELDS:
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
    Column("sentence", "string", "The sentence it sits in"),
    Column("sentence_start", "integer", "Offset of the sentence's first character", _OFFSET),
    Column("permalink", "string", "Address of the paragraph on the site"),
)
_ARTICLE = Column("article", "string", "Article id", _REQUIRED)


def tables(corpus: AnnotatedCorpus) -> dict[str, Table]:
    """Each CSV table's columns and keys; enumerations and ranges come from the corpus's own
    settings and the values the loader accepts."""
    values = [level.value for level in corpus.settings.stance_scale] or [0]
    return {
        "articles": Table(_article_columns(COMPLETENESS, (min(values), max(values))), ("id",)),
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


# The tables written article by article: at 10,000 articles each holds up to a million rows.
PER_ARTICLE = ("mentions", "event_mentions", "dates", "references", "stance_evidence")


def _first_day(date: PartialDate) -> dt.date:
    return dt.date(date.year, date.month or 1, date.day or 1)


def _last_day(date: PartialDate) -> dt.date:
    month = date.month or 12
    return dt.date(date.year, month, date.day or days_in_month(date.year, month))


def _date_cells(date: PartialDate | None, end: PartialDate | None = None) -> list[Any]:
    """start, end, precision, year; all empty for no date."""
    if date is None:
        return [None] * 4
    last = _last_day(end or date)
    return [_first_day(date).isoformat(), last.isoformat(), date.precision, date.year]


def _field_cells(field: Field[Any] | None, value: Any) -> list[Any]:
    """A field's value, then its provenance, quote and basis; all empty for an absent field."""
    if field is None:
        return [None] * 4
    p = field.provenance
    return [value, p.kind, p.quote if p.is_stated else None, None if p.is_stated else p.basis]


class _Addresses:
    """The site addresses the tables name: absolute with the site's origin, root-relative
    without it."""

    def __init__(self, base_url: str, origin: str | None) -> None:
        self.urls = Urls(base_url, origin)

    def page(self, path: str) -> str:
        return self.urls.absolute(self.urls.page(path))

    def paragraph(self, article_id: str, anchor: str) -> str:
        return self.urls.absolute(self.urls.paragraph(article_id, anchor))


def text_file(article_id: str) -> str:
    """Where the plain reading text of an article is published: what every offset counts in."""
    return f"data/texts/{article_id}.txt"


def _article_row(a: AnnotatedArticle, at: _Addresses) -> list[Any]:
    meta = a.meta
    values = {
        "authors": "; ".join(p.name for p in meta.authors.value),
        "themes": "; ".join(meta.themes.value),
    }
    row: list[Any] = [meta.id]
    for name, _ in _ARTICLE_FIELDS:
        field: Field[Any] | None = getattr(meta, name)
        if name == "published":
            row += _date_cells(meta.published.value)
            row += _field_cells(field, None)[1:]
        else:
            value = values.get(name, field.value if field is not None else None)
            row += _field_cells(field, value)
    return [
        *row,
        meta.stance.value,
        meta.stance.label,
        meta.stance.rationale,
        "inferred",
        a.word_count,
        meta.source_file,
        text_file(meta.id).removeprefix("data/"),
        at.page(f"articles/{meta.id}/"),
    ]


def _span_cells(
    a: AnnotatedArticle, start: int, end: int, paragraph: str, sentence: int | None, at: _Addresses
) -> list[Any]:
    cells = [a.text.reading_text[start:end], start, end, paragraph]
    if sentence is not None:
        span = a.sentences[sentence]
        cells += [a.text.reading_text[span.start : span.end], span.start]
    return [*cells, at.paragraph(a.meta.id, paragraph)]


def _article_rows(table: str, a: AnnotatedArticle, at: _Addresses) -> bytes:
    """`table`'s rows for one article."""
    rows: Iterable[list[Any]]
    if table == "mentions":
        rows = (
            [a.meta.id, m.actor, *_span_cells(a, m.start, m.end, m.paragraph, m.sentence, at)]
            for m in a.mentions
        )
    elif table == "event_mentions":
        rows = (
            [a.meta.id, m.event, *_span_cells(a, m.start, m.end, m.paragraph, m.sentence, at)]
            for m in a.event_mentions
        )
    elif table == "dates":
        rows = (
            [
                a.meta.id,
                *_span_cells(a, d.start, d.end, d.paragraph, d.sentence, at),
                d.kind,
                d.value is not None,
                *_date_cells(d.value),
                d.event,
            ]
            for d in a.dates
        )
    elif table == "references":
        rows = (
            [
                a.meta.id,
                ref.number,
                ref.text,
                "; ".join(ref.authors),
                ref.title,
                ref.container,
                ref.date,
                _year(ref.date),
                ref.url,
                ref.doi,
                ref.paragraph,
            ]
            for ref in a.references
        )
    else:
        rows = (
            [
                a.meta.id,
                number,
                *_span_cells(a, q.span.start, q.span.end, q.span.paragraph, None, at),
            ]
            for number, q in enumerate(a.meta.stance.evidence, start=1)
        )
    return _csv(rows)


def _year(date: str | None) -> int | None:
    found = re.search(r"\b(\d{4})\b", date or "")
    return int(found.group(1)) if found else None


def csv_tables(
    corpus: AnnotatedCorpus,
    base_url: str,
    reuse: _PieceReuse = _NO_REUSE,
    origin: str | None = None,
) -> dict[str, Iterator[bytes | Piece]]:
    """Each table as CSV in chunks; those of `PER_ARTICLE` are written article by article."""
    at = _Addresses(base_url, origin)
    counts = Counter(m.actor for a in corpus.articles for m in a.mentions)
    knowledge = corpus.knowledge
    rows: dict[str, Iterable[list[Any]]] = {
        "articles": [_article_row(a, at) for a in corpus.articles],
        "actors": [
            [
                actor.id,
                actor.name,
                actor.type,
                actor.description,
                actor.wikidata,
                "; ".join(form.text for form in actor.forms),
                counts[actor.id],
                at.page(f"actors/{actor.id}/"),
            ]
            for actor in knowledge.actors
        ],
        "events": [
            [
                event.id,
                event.name,
                event.type,
                *_date_cells(event.date, event.end_date),
                (event.end_date or event.date).precision,
                event.place,
                "; ".join(event.participants),
                event.description,
                at.page(f"events/{event.id}/"),
            ]
            for event in knowledge.events
        ],
        "event_participants": [
            [event.id, actor] for event in knowledge.events for actor in event.participants
        ],
    }
    schema = tables(corpus)
    result: dict[str, Iterator[bytes | Piece]] = {}
    for name, table in schema.items():
        header = _csv([[column.name for column in table.columns]])
        if name in PER_ARTICLE:
            make = partial(_article_rows, name, at=at)
            result[name] = itertools.chain([header], _pieces(_csv_path(name), make, corpus, reuse))
        else:
            result[name] = iter([header + _csv(rows[name])])
    return result


def _csv_path(table: str) -> str:
    return f"data/{table}.csv"


# The Web Annotations --------------------------------------------------------------------------


def web_annotations(
    corpus: AnnotatedCorpus,
    base_url: str,
    reuse: _PieceReuse = _NO_REUSE,
    origin: str | None = None,
) -> Iterator[bytes | Piece]:
    """The mentions as a W3C AnnotationCollection, encoded article by article: at 10,000 articles
    the collection holds a million annotations, too many to build as one structure first."""
    at = _Addresses(base_url, origin)
    collection_id = at.page(ANNOTATIONS_JSONLD)
    page_id = f"{collection_id}#page-1"
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"{corpus.settings.title}: actor and event mentions",
        "total": sum(len(a.mentions) + len(a.event_mentions) for a in corpus.articles),
        "first": {
            "id": page_id,
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": _Spliced("items"),
        },
        "last": page_id,
    }
    items = _pieces(ANNOTATIONS_JSONLD, partial(_annotations_piece, at=at), corpus, reuse)
    return _json_spliced(collection, items=items)


def _annotations_piece(article: AnnotatedArticle, at: _Addresses) -> bytes:
    return encode_items(_annotations_of(article, at))


def _annotations_of(article: AnnotatedArticle, at: _Addresses) -> list[dict[str, Any]]:
    """Each mention of `article` as an annotation whose target is a passage of the article's
    plain reading text (the file its selectors count in), read on the article's page at the
    paragraph (its scope)."""
    text = article.text.reading_text
    article_id = article.meta.id
    source = at.page(text_file(article_id))
    spans = [("actors", m.actor, m.start, m.end, m.paragraph) for m in article.mentions] + [
        ("events", m.event, m.start, m.end, m.paragraph) for m in article.event_mentions
    ]
    return [
        {
            "id": f"{at.page(ANNOTATIONS_JSONLD)}#{article_id}-{number}",
            "type": "Annotation",
            "motivation": "identifying",
            "body": at.page(f"{kind}/{target_id}/"),
            "target": {
                "type": "SpecificResource",
                "source": source,
                "scope": at.paragraph(article_id, paragraph),
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": text[start:end],
                        "prefix": text[max(0, start - 32) : start],
                        "suffix": text[end : end + 32],
                    },
                    {"type": "TextPositionSelector", "start": start, "end": end},
                ],
            },
        }
        for number, (kind, target_id, start, end, paragraph) in enumerate(spans, start=1)
    ]


# The data package -----------------------------------------------------------------------------
# The version of the tables' layout: the major number changes when a column is removed or changes
# meaning, the minor when a table or column is added.
DATA_VERSION = "2.0.0"


def created(corpus: AnnotatedCorpus) -> str:
    """When the data was made, the same on every build of the same corpus: SOURCE_DATE_EPOCH where
    it is set (reproducible builds), otherwise the first day of the latest publication date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    else:
        dates = [a.meta.published.value for a in corpus.articles]
        latest = max(dates, key=lambda d: d.sort_key) if dates else PartialDate(1970)
        moment = dt.datetime.combine(_first_day(latest), dt.time(), dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def datapackage(corpus: AnnotatedCorpus, homepage: str | None = None) -> dict[str, Any]:
    """The Frictionless descriptor of the CSV tables: their columns with types, enumerations and
    ranges, primary keys and the foreign keys between them. `homepage` is the site's absolute
    address, where it is known."""
    licence = corpus.settings.licence
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "natocorpus",
        "title": corpus.settings.title,
        "description": corpus.settings.description,
        "version": DATA_VERSION,
        "created": created(corpus),
    }
    if homepage:
        package["homepage"] = homepage
    package["licenses"] = [{"name": licence.name, "path": licence.url, "title": licence.name}]
    package["resources"] = [
        {
            "name": name,
            "path": f"{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [_field_descriptor(column) for column in table.columns],
                "primaryKey": list(table.primary_key),
                **(
                    {
                        "foreignKeys": [
                            {"fields": column, "reference": {"resource": other, "fields": "id"}}
                            for column, other in table.foreign_keys
                        ]
                    }
                    if table.foreign_keys
                    else {}
                ),
            },
        }
        for name, table in tables(corpus).items()
    ]
    return package


def _field_descriptor(column: Column) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.constraints:
        descriptor["constraints"] = dict(column.constraints)
    return descriptor


def records_schema() -> bytes:
    return (resources.files("natocorpus") / "schema" / SCHEMA_NAME).read_bytes()


def make_downloads(
    corpus: AnnotatedCorpus,
    base_url: str,
    piece_keys: Mapping[str, bytes] | None = None,
    previous_pieces: Mapping[str, Mapping[bytes, tuple[int, int]]] | None = None,
    previous_files: Mapping[str, PreviousFile] | None = None,
    origin: str | None = None,
) -> Iterator[Artifact | ReusedArtifact | StreamedArtifact]:
    """Every data download, each article's reading text, and the captures byte for byte, one at a
    time: each large document is built, encoded and handed on before the next is made. With
    `origin` (the site's), every address in them is absolute.

    Reused from the previous build: an article's piece of a large download, where the previous
    file holds the piece of the same key (`piece_keys`, by article path; `previous_pieces`, by
    download and key), and a small file whose bytes are those of the previous build's file at the
    same path (`previous_files`, the files still as that build wrote them)."""
    keys = piece_keys or {}
    if origin:
        # The pieces name the site's addresses: a piece made for another origin is not reused.
        keys = {path: digest_of(key, origin.encode()) for path, key in keys.items()}
    reuse = _PieceReuse(keys, previous_pieces or {})
    files = previous_files or {}
    at = _Addresses(base_url, origin)
    yield StreamedArtifact(RECORDS_JSON, records_json(corpus, reuse))
    yield reused_if_unchanged(Artifact(f"data/{SCHEMA_NAME}", records_schema()), files)
    yield StreamedArtifact(ANNOTATIONS_JSONLD, web_annotations(corpus, base_url, reuse, origin))
    homepage = at.page("") if origin else None
    package = _json(datapackage(corpus, homepage))
    yield reused_if_unchanged(Artifact("data/datapackage.json", package), files)
    for name, chunks in csv_tables(corpus, base_url, reuse, origin).items():
        yield StreamedArtifact(_csv_path(name), chunks)
    for article in corpus.articles:
        text = article.text.reading_text.encode("utf-8")
        yield reused_if_unchanged(Artifact(text_file(article.meta.id), text), files)
        yield reused_if_unchanged(
            Artifact(capture_path(article.meta.source_file), article.capture), files
        )
