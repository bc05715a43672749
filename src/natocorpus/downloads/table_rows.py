"""The CSV tables' rows: the articles, the knowledge base, and the annotations written article by
article."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from natocorpus.artifacts import Piece
from natocorpus.downloads.addresses import Addresses, text_file
from natocorpus.downloads.pieces import NO_REUSE, PieceReuse, article_pieces
from natocorpus.downloads.table_schema import ARTICLE_FIELDS, tables
from natocorpus.model import AnnotatedArticle, AnnotatedCorpus, Field, PartialDate, days_in_month

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


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    # A text, most cells, is tested here as `_cell` would: a call per cell costs more than the test.
    csv.writer(buffer, lineterminator="\n").writerows(
        [
            ("'" + v if v.startswith(FORMULA_STARTS) else v) if type(v) is str else _cell(v)
            for v in row
        ]
        for row in rows
    )
    return buffer.getvalue().encode("utf-8")


# The tables written article by article: at 10,000 articles each holds up to a million rows.
PER_ARTICLE = ("mentions", "event_mentions", "dates", "references", "stance_evidence")


def first_day(date: PartialDate) -> dt.date:
    return dt.date(date.year, date.month or 1, date.day or 1)


def _last_day(date: PartialDate) -> dt.date:
    month = date.month or 12
    return dt.date(date.year, month, date.day or days_in_month(date.year, month))


def date_cells(date: PartialDate | None, end: PartialDate | None = None) -> list[Any]:
    """start, end, precision, year; all empty for no date."""
    if date is None:
        return [None] * 4
    last = _last_day(end or date)
    return [first_day(date).isoformat(), last.isoformat(), date.precision, date.year]


def _field_cells(field: Field[Any] | None, value: Any) -> list[Any]:
    """A field's value, then its provenance, quote and basis; all empty for an absent field."""
    if field is None:
        return [None] * 4
    p = field.provenance
    return [value, p.kind, p.quote if p.is_stated else None, None if p.is_stated else p.basis]


def _article_row(a: AnnotatedArticle, at: Addresses) -> list[Any]:
    meta = a.meta
    values = {
        "authors": "; ".join(p.name for p in meta.authors.value),
        "themes": "; ".join(meta.themes.value),
    }
    row: list[Any] = [meta.id]
    for name, _ in ARTICLE_FIELDS:
        field: Field[Any] | None = getattr(meta, name)
        if name == "published":
            row += date_cells(meta.published.value)
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
    a: AnnotatedArticle, start: int, end: int, paragraph: str, sentence: int | None, at: Addresses
) -> list[Any]:
    cells = [a.text.reading_text[start:end], start, end, paragraph, a.zone_of(paragraph)]
    if sentence is not None:
        span = a.sentences[sentence]
        cells += [a.text.reading_text[span.start : span.end], span.start]
    return [*cells, at.paragraph(a.meta.id, paragraph)]


def _article_rows(table: str, a: AnnotatedArticle, at: Addresses) -> bytes:
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
                *date_cells(d.value),
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
    return csv_bytes(rows)


def _year(date: str | None) -> int | None:
    found = re.search(r"\b(\d{4})\b", date or "")
    return int(found.group(1)) if found else None


def csv_tables(
    corpus: AnnotatedCorpus,
    base_url: str,
    reuse: PieceReuse = NO_REUSE,
    origin: str | None = None,
) -> dict[str, Iterator[bytes | Piece]]:
    """Each table as CSV in chunks; those of `PER_ARTICLE` are written article by article, the
    others whole. Each is made as its chunks are asked for: in a build, by the process that writes
    the downloads beside the one that renders the site."""
    at = Addresses(base_url, origin)
    schema = tables(corpus)
    result: dict[str, Iterator[bytes | Piece]] = {}
    for name, table in schema.items():
        header = csv_bytes([[column.name for column in table.columns]])
        if name in PER_ARTICLE:
            make = partial(_article_rows, name, at=at)
            result[name] = itertools.chain(
                [header], article_pieces(csv_path(name), make, corpus, reuse)
            )
        else:
            result[name] = _whole_table(header, name, corpus, at)
    return result


def _whole_table(
    header: bytes, name: str, corpus: AnnotatedCorpus, at: Addresses
) -> Iterator[bytes | Piece]:
    yield header + csv_bytes(_corpus_rows(name, corpus, at))


def _corpus_rows(name: str, corpus: AnnotatedCorpus, at: Addresses) -> list[list[Any]]:
    """The rows of the table `name` that is not written article by article."""
    knowledge = corpus.knowledge
    if name == "articles":
        return [_article_row(a, at) for a in corpus.articles]
    if name == "actors":
        counts = Counter(m.actor for a in corpus.articles for m in a.mentions)
        return [
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
        ]
    if name == "events":
        return [
            [
                event.id,
                event.name,
                event.type,
                *date_cells(event.date, event.end_date),
                (event.end_date or event.date).precision,
                event.place,
                "; ".join(event.participants),
                event.description,
                at.page(f"events/{event.id}/"),
            ]
            for event in knowledge.events
        ]
    if name == "event_participants":
        return [[event.id, actor] for event in knowledge.events for actor in event.participants]
    raise KeyError(name)


def csv_path(table: str) -> str:
    return f"data/{table}.csv"
