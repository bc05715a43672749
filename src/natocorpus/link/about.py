"""The about page: how the records were made, the stance scale, the licence, the downloads and
(for a small corpus) every capture."""

from __future__ import annotations

import msgspec

from natocorpus.link.compare import StanceLevelView, stance_scale
from natocorpus.link.jsonld import dataset_node
from natocorpus.link.pages import Page, make_page
from natocorpus.link.urls import capture_path
from natocorpus.link.views import ArticleRef, PageContent
from natocorpus.link.xrefs import CrossReferences, method_sentence

CAPTURE_LIST_MAX = 50

DATA_FILES: tuple[tuple[str, str, str], ...] = (
    ("records.json", "JSON", "Every record: articles, metadata with provenance, actors, events."),
    ("records.schema.json", "JSON Schema", "The schema that records.json follows."),
    (
        "datapackage.json",
        "Frictionless Data Package",
        "Describes each CSV file: its columns, their types and ranges, and the keys joining them.",
    ),
    (
        "annotations.jsonld",
        "JSON-LD (W3C Web Annotation)",
        "Every actor and event mention as an annotation of the text's plain reading text.",
    ),
    (
        "articles.csv",
        "CSV",
        "One row per text: each bibliographic field with its provenance, stance, word count.",
    ),
    ("actors.csv", "CSV", "One row per actor: type, description, Wikidata, forms, mentions."),
    ("events.csv", "CSV", "One row per event: type, first and last day, precision, place."),
    ("event_participants.csv", "CSV", "One row per participant of an event."),
    (
        "mentions.csv",
        "CSV",
        "One row per actor mention: text, offsets, paragraph, sentence, permalink.",
    ),
    ("event_mentions.csv", "CSV", "One row per event mention, as in mentions.csv."),
    (
        "dates.csv",
        "CSV",
        "One row per date in the texts: first and last day, precision, year, tied event.",
    ),
    ("references.csv", "CSV", "One row per entry of a text's reference list."),
    ("stance_evidence.csv", "CSV", "One row per quote the stance judgement rests on."),
    ("citations.bib", "BibTeX", "The citation of every text (each text's page offers its own)."),
    ("citations.ris", "RIS", "The citation of every text, for Zotero, EndNote and the like."),
    ("citations.json", "CSL-JSON", "The citation of every text, for citeproc and Pandoc."),
)
"""Downloads the records stage writes under data/ (the CSV files are listed in datapackage.json;
each text's plain reading text, which the annotations point into, is data/texts/<id>.txt)."""


class DataFile(msgspec.Struct, frozen=True):
    href: str
    name: str
    format: str
    description: str


class CaptureLink(msgspec.Struct, frozen=True):
    """A raw capture on the about page, with the text it is the capture of."""

    href: str
    file_name: str
    article: ArticleRef


class AboutContext(PageContent, frozen=True):
    description: str
    method: str
    question: str
    scale: tuple[StanceLevelView, ...]
    licence_name: str
    licence_url: str | None
    licence_applies_to: str | None
    downloads: tuple[DataFile, ...]
    captures: tuple[CaptureLink, ...]
    """Every capture, for a small corpus; empty for a large one (each text's page links its own)."""
    article_count: int
    actor_count: int
    """Actors the knowledge base describes; `actors_mentioned` of them are named in the texts."""
    actors_mentioned: int
    event_count: int
    """Events the knowledge base describes; `events_referred` of them are named in the texts."""
    events_referred: int
    mention_count: int
    reference_count: int


def about_page(xrefs: CrossReferences) -> Page:
    settings = xrefs.settings
    urls = xrefs.urls
    downloads = tuple(
        DataFile(urls.page(f"data/{name}"), f"data/{name}", file_format, description)
        for name, file_format, description in DATA_FILES
    )
    captures = (
        tuple(
            CaptureLink(
                urls.page(capture_path(a.meta.source_file)),
                a.meta.source_file,
                xrefs.article_refs[a.id],
            )
            for a in sorted(xrefs.articles, key=lambda a: a.meta.source_file)
        )
        if len(xrefs.articles) <= CAPTURE_LIST_MAX
        else ()
    )
    return make_page(
        xrefs,
        "about",
        "about/",
        "About the corpus and method",
        "How the records were made, the stance scale, and the data downloads.",
        AboutContext(
            description=settings.description,
            method=method_sentence(xrefs),
            question=settings.stance_question,
            scale=stance_scale(xrefs),
            licence_name=settings.licence.name,
            licence_url=settings.licence.url,
            licence_applies_to=settings.licence.applies_to,
            downloads=downloads,
            captures=captures,
            article_count=len(xrefs.articles),
            actor_count=len(xrefs.actors),
            actors_mentioned=xrefs.actors_mentioned,
            event_count=len(xrefs.events),
            events_referred=xrefs.events_referred,
            mention_count=xrefs.mention_total,
            reference_count=xrefs.reference_total,
        ),
        jsonld=dataset_node(
            settings, urls, DATA_FILES, [a.meta.published.value for a in xrefs.articles]
        ),
    )
