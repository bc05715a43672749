"""The downloads stage: the data files a reader downloads (records.json, the CSV tables, the Web
Annotations and a Frictionless package), and the captures byte for byte.

These are views of the annotated corpus, made into bytes; the writer puts them under `data/` and
`sources/`. An article's piece of a large download that the previous build's file holds is reused:
the writer copies it from there.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial

from natocorpus.artifacts import (
    Artifact,
    PreviousFile,
    ReusedArtifact,
    StreamedArtifact,
    digest_of,
    made_unless_reused,
    reused_if_unchanged,
)
from natocorpus.downloads.addresses import Addresses, text_file
from natocorpus.downloads.annotations import ANNOTATIONS_JSONLD, web_annotations
from natocorpus.downloads.json_pieces import Spliced, encode_items, json_file, json_spliced
from natocorpus.downloads.package import DATA_VERSION, created, datapackage
from natocorpus.downloads.pieces import PieceReuse
from natocorpus.downloads.records import (
    RECORDS_JSON,
    SCHEMA_NAME,
    article_record,
    records_document,
    records_json,
    records_schema,
)
from natocorpus.downloads.table_rows import FORMULA_STARTS, PER_ARTICLE, csv_path, csv_tables
from natocorpus.downloads.table_schema import Column, Table, tables
from natocorpus.link.urls import capture_path
from natocorpus.model import AnnotatedCorpus


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
    reuse = PieceReuse(keys, previous_pieces or {})
    files = previous_files or {}
    at = Addresses(base_url, origin)
    yield StreamedArtifact(RECORDS_JSON, records_json(corpus, reuse))
    yield reused_if_unchanged(Artifact(f"data/{SCHEMA_NAME}", records_schema()), files)
    yield StreamedArtifact(ANNOTATIONS_JSONLD, web_annotations(corpus, base_url, reuse, origin))
    homepage = at.page("") if origin else None
    package = json_file(datapackage(corpus, homepage))
    yield reused_if_unchanged(Artifact("data/datapackage.json", package), files)
    for name, chunks in csv_tables(corpus, base_url, reuse, origin).items():
        yield StreamedArtifact(csv_path(name), chunks)
    for article in corpus.articles:
        # Known by the article's key, an unchanged article's two files are not encoded and hashed.
        key = keys.get(article.path)
        text = partial(str.encode, article.text.reading_text, "utf-8")
        yield made_unless_reused(text_file(article.meta.id), key, text, files)
        capture = partial(bytes, article.capture)
        yield made_unless_reused(capture_path(article.meta.source_file), key, capture, files)


__all__ = [
    "ANNOTATIONS_JSONLD",
    "DATA_VERSION",
    "FORMULA_STARTS",
    "PER_ARTICLE",
    "RECORDS_JSON",
    "SCHEMA_NAME",
    "Column",
    "Spliced",
    "Table",
    "article_record",
    "created",
    "csv_tables",
    "datapackage",
    "encode_items",
    "json_spliced",
    "make_downloads",
    "records_document",
    "records_json",
    "records_schema",
    "tables",
    "text_file",
    "web_annotations",
]
