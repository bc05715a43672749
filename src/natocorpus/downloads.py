"""The downloads stage: the data files a reader downloads (records.json, the CSV tables, the Web
Annotations and a Frictionless package), and the captures byte for byte.

These are views of the annotated corpus, made into bytes; the writer puts them under `data/` and
`sources/`. An article's piece of a large download that the previous build's file holds is reused:
the writer copies it from there.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from importlib import resources
from typing import Any

import msgspec
import orjson

from natocorpus.artifacts import (
    Artifact,
    Piece,
    PreviousFile,
    ReusedArtifact,
    StreamedArtifact,
    reused_if_unchanged,
)
from natocorpus.link.urls import capture_path
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
MENTIONS_CSV = "data/mentions.csv"


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


def _csv(rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _permalink(base_url: str, article_id: str, anchor: str) -> str:
    return f"{base_url}articles/{article_id}/#{anchor}"


TABLES: dict[str, list[tuple[str, str, str]]] = {
    "articles": [
        ("id", "string", "Article id, also its page's address"),
        ("title", "string", "Title"),
        ("authors", "string", "Authors, separated by '; '"),
        ("outlet", "string", "Outlet that published the text"),
        ("published", "string", "Publication date at its precision (YYYY, YYYY-MM, YYYY-MM-DD)"),
        ("published_precision", "string", "year, month or day"),
        ("published_provenance", "string", "stated or inferred"),
        ("genre", "string", "Genre"),
        ("completeness", "string", "full, excerpt or abstract-with-references"),
        ("stance", "integer", "Stance on the corpus scale"),
        ("stance_label", "string", "Label of the stance value"),
        ("word_count", "integer", "Words in the reading text"),
        ("source_file", "string", "File name of the capture"),
    ],
    "actors": [
        ("id", "string", "Actor id"),
        ("name", "string", "Name"),
        ("type", "string", "state, organisation, alliance, grouping, person, ..."),
        ("description", "string", "One-line description"),
        ("wikidata", "string", "Wikidata id, where known"),
        ("forms", "string", "Surface forms, separated by '; '"),
        ("mentions", "integer", "Mentions in the corpus"),
    ],
    "events": [
        ("id", "string", "Event id"),
        ("name", "string", "Name"),
        ("type", "string", "summit, ministerial, meeting, visit, publication, ..."),
        ("date", "string", "Date at its precision"),
        ("precision", "string", "year, month or day"),
        ("end_date", "string", "Last day, for events over several days"),
        ("place", "string", "Place"),
        ("participants", "string", "Actor ids, separated by '; '"),
    ],
    "mentions": [
        ("article", "string", "Article id"),
        ("actor", "string", "Actor id"),
        ("text", "string", "The words of the text"),
        ("start", "integer", "Offset of the first character in the reading text"),
        ("end", "integer", "Offset after the last character"),
        ("paragraph", "string", "Paragraph anchor"),
        ("permalink", "string", "Address of the paragraph on the site"),
    ],
}


def csv_tables(
    corpus: AnnotatedCorpus, base_url: str, reuse: _PieceReuse = _NO_REUSE
) -> dict[str, Iterator[bytes | Piece]]:
    """Each table as CSV in chunks; the mentions (a million rows at 10,000 articles) are written
    article by article."""
    counts = Counter(m.actor for a in corpus.articles for m in a.mentions)
    articles = [
        [
            a.meta.id,
            a.meta.title.value,
            "; ".join(p.name for p in a.meta.authors.value),
            a.meta.outlet.value,
            a.meta.published.value.iso,
            a.meta.published.value.precision,
            a.meta.published.provenance.kind,
            a.meta.genre.value,
            a.meta.completeness.value,
            a.meta.stance.value,
            a.meta.stance.label,
            a.word_count,
            a.meta.source_file,
        ]
        for a in corpus.articles
    ]
    actors = [
        [
            actor.id,
            actor.name,
            actor.type,
            actor.description,
            actor.wikidata or "",
            "; ".join(form.text for form in actor.forms),
            counts[actor.id],
        ]
        for actor in corpus.knowledge.actors
    ]
    events = [
        [
            event.id,
            event.name,
            event.type,
            event.date.iso,
            event.date.precision,
            event.end_date.iso if event.end_date else "",
            event.place or "",
            "; ".join(event.participants),
        ]
        for event in corpus.knowledge.events
    ]
    rows: dict[str, Iterable[list[Any]]] = {
        "articles": articles,
        "actors": actors,
        "events": events,
    }
    tables: dict[str, Iterator[bytes | Piece]] = {
        name: iter([_csv([_header(name), *table])]) for name, table in rows.items()
    }
    make = partial(_mention_rows, base_url=base_url)
    mentions = _pieces(MENTIONS_CSV, make, corpus, reuse)
    tables["mentions"] = itertools.chain([_csv([_header("mentions")])], mentions)
    return tables


def _header(table: str) -> list[str]:
    return [column for column, _, _ in TABLES[table]]


def _mention_rows(article: AnnotatedArticle, base_url: str) -> bytes:
    return _csv(
        [
            article.meta.id,
            m.actor,
            m.text,
            m.start,
            m.end,
            m.paragraph,
            _permalink(base_url, article.meta.id, m.paragraph),
        ]
        for m in article.mentions
    )


def web_annotations(
    corpus: AnnotatedCorpus, base_url: str, reuse: _PieceReuse = _NO_REUSE
) -> Iterator[bytes | Piece]:
    """The mentions as a W3C AnnotationCollection, encoded article by article: at 10,000 articles
    the collection holds a million annotations, too many to build as one structure first."""
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"{base_url}data/annotations.jsonld",
        "type": "AnnotationCollection",
        "label": f"{corpus.settings.title}: actor and event mentions",
        "total": sum(len(a.mentions) + len(a.event_mentions) for a in corpus.articles),
        "first": {"type": "AnnotationPage", "items": _Spliced("items")},
    }
    items = _pieces(
        ANNOTATIONS_JSONLD, partial(_annotations_piece, base_url=base_url), corpus, reuse
    )
    return _json_spliced(collection, items=items)


def _annotations_piece(article: AnnotatedArticle, base_url: str) -> bytes:
    return encode_items(_annotations_of(article, base_url))


def _annotations_of(article: AnnotatedArticle, base_url: str) -> list[dict[str, Any]]:
    text = article.text.reading_text
    source = f"{base_url}articles/{article.meta.id}/"
    spans = [("actors", m.actor, m.start, m.end) for m in article.mentions] + [
        ("events", m.event, m.start, m.end) for m in article.event_mentions
    ]
    return [
        {
            "id": f"{base_url}data/annotations.jsonld#{article.meta.id}-{number}",
            "type": "Annotation",
            "motivation": "identifying",
            "body": {"type": "SpecificResource", "source": f"{base_url}{kind}/{target_id}/"},
            "target": {
                "source": source,
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
        for number, (kind, target_id, start, end) in enumerate(spans, start=1)
    ]


def datapackage(corpus: AnnotatedCorpus) -> dict[str, Any]:
    licence = corpus.settings.licence
    return {
        "profile": "tabular-data-package",
        "name": "natocorpus",
        "title": corpus.settings.title,
        "description": corpus.settings.description,
        "licenses": [{"name": licence.name, "path": licence.url, "title": licence.name}],
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": column, "type": kind, "description": description}
                        for column, kind, description in columns
                    ],
                    **({"primaryKey": "id"} if name != "mentions" else {}),
                },
            }
            for name, columns in TABLES.items()
        ],
    }


def records_schema() -> bytes:
    return (resources.files("natocorpus") / "schema" / SCHEMA_NAME).read_bytes()


def make_downloads(
    corpus: AnnotatedCorpus,
    base_url: str,
    piece_keys: Mapping[str, bytes] | None = None,
    previous_pieces: Mapping[str, Mapping[bytes, tuple[int, int]]] | None = None,
    previous_files: Mapping[str, PreviousFile] | None = None,
) -> Iterator[Artifact | ReusedArtifact | StreamedArtifact]:
    """Every data download, plus the captures byte for byte, one at a time: each large document
    is built, encoded and handed on before the next is made.

    Reused from the previous build: an article's piece of a large download, where the previous
    file holds the piece of the same key (`piece_keys`, by article path; `previous_pieces`, by
    download and key), and a small file whose bytes are those of the previous build's file at the
    same path (`previous_files`, the files still as that build wrote them)."""
    reuse = _PieceReuse(piece_keys or {}, previous_pieces or {})
    files = previous_files or {}
    yield StreamedArtifact(RECORDS_JSON, records_json(corpus, reuse))
    yield reused_if_unchanged(Artifact(f"data/{SCHEMA_NAME}", records_schema()), files)
    yield StreamedArtifact(ANNOTATIONS_JSONLD, web_annotations(corpus, base_url, reuse))
    yield reused_if_unchanged(Artifact("data/datapackage.json", _json(datapackage(corpus))), files)
    for name, chunks in csv_tables(corpus, base_url, reuse).items():
        yield StreamedArtifact(f"data/{name}.csv", chunks)
    for article in corpus.articles:
        yield reused_if_unchanged(
            Artifact(capture_path(article.meta.source_file), article.capture), files
        )
