"""The Web Annotations: every mention as a W3C annotation of a passage of the article's plain
reading text."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from natocorpus.artifacts import Piece
from natocorpus.downloads.addresses import Addresses, text_file
from natocorpus.downloads.json_pieces import Spliced, encode_items, json_spliced
from natocorpus.downloads.pieces import NO_REUSE, PieceReuse, article_pieces
from natocorpus.model import AnnotatedArticle, AnnotatedCorpus

ANNOTATIONS_JSONLD = "data/annotations.jsonld"


def web_annotations(
    corpus: AnnotatedCorpus,
    base_url: str,
    reuse: PieceReuse = NO_REUSE,
    origin: str | None = None,
) -> Iterator[bytes | Piece]:
    """The mentions as a W3C AnnotationCollection, encoded article by article: at 10,000 articles
    the collection holds a million annotations, too many to build as one structure first."""
    at = Addresses(base_url, origin)
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
            "items": Spliced("items"),
        },
        "last": page_id,
    }
    items = article_pieces(ANNOTATIONS_JSONLD, partial(_annotations_piece, at=at), corpus, reuse)
    return json_spliced(collection, items=items)


def _annotations_piece(article: AnnotatedArticle, at: Addresses) -> bytes:
    return encode_items(_annotations_of(article, at))


def _annotations_of(article: AnnotatedArticle, at: Addresses) -> list[dict[str, Any]]:
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
