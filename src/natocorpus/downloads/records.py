"""records.json: every article's record (its metadata with provenance, and its annotations), the
actors and the events; and the JSON Schema it follows."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import Any

from natocorpus.artifacts import Piece
from natocorpus.downloads.json_pieces import Spliced, encode_items, json_spliced
from natocorpus.downloads.pieces import NO_REUSE, PieceReuse, article_pieces
from natocorpus.model import AnnotatedArticle, AnnotatedCorpus, Field, PartialDate, Provenance

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
                "zone": article.zone_of(block.anchor),
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
                "zone": article.zone_of(m.paragraph),
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
                "zone": article.zone_of(m.paragraph),
            }
            for m in article.event_mentions
        ],
        "dates": [
            {
                "text": d.text,
                "start": d.start,
                "end": d.end,
                "paragraph": d.paragraph,
                "zone": article.zone_of(d.paragraph),
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


RECORDS_JSON = "data/records.json"


def records_json(corpus: AnnotatedCorpus, reuse: PieceReuse = NO_REUSE) -> Iterator[bytes | Piece]:
    """records.json, encoded article by article (see `web_annotations`)."""
    articles = article_pieces(RECORDS_JSON, _record_piece, corpus, reuse)
    return json_spliced(records_document(corpus), articles=articles)


def _record_piece(article: AnnotatedArticle) -> bytes:
    return encode_items([article_record(article)])


def records_document(corpus: AnnotatedCorpus) -> dict[str, Any]:
    """The records, with the articles' list left as a placeholder for `records_json`."""
    return {
        "articles": Spliced("articles"),
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


def records_schema() -> bytes:
    return (resources.files("natocorpus") / "schema" / SCHEMA_NAME).read_bytes()
