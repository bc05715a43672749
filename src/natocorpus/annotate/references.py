"""The bibliography: a numbered list whose items carry a year or an address."""

from __future__ import annotations

import re

from natocorpus.annotate.dates import _MONTHS, _YEAR
from natocorpus.model import ArticleText, Reference

_URL_RE = re.compile(r"URL:\s*(\S+)")
_DOI_RE = re.compile(r"DOI:?\s*(10\.\S+?)\.?(?=\s|$)")
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+| (?:[A-Z]\.)+)?"
# Names end at a full stop, or at the stop of a final initial ("Kistanov V.O. Title").
_AUTHORS_RE = re.compile(rf"^({_NAME}(?:, {_NAME})*)(?:\.|(?<=\.))\s")
_REF_DATE_RE = re.compile(
    rf"(?:{_MONTHS}) \d{{1,2}}, {_YEAR}|(?:{_MONTHS}) {_YEAR}|\d{{2}}\.\d{{2}}\.{_YEAR}|{_YEAR}"
)


def parse_reference(number: int, text: str, paragraph: str) -> Reference:
    """Split one bibliography entry into authors, title, container, date, URL and DOI."""
    url_match = _URL_RE.search(text)
    doi_match = _DOI_RE.search(text)
    head = text
    for cut in (url_match, doi_match):
        if cut is not None:
            head = head[: min(len(head), cut.start())]
    authors: tuple[str, ...] = ()
    author_match = _AUTHORS_RE.match(head)
    if author_match and len(author_match.group(1).split()) <= 6:
        authors = tuple(name.strip() for name in author_match.group(1).split(", "))
        head = head[author_match.end() :]
    date_match = _REF_DATE_RE.search(head)
    before_date = head[: date_match.start()] if date_match else head
    parts = [part.strip() for part in re.split(r"(?<=[^A-Z])\. ", before_date) if part.strip()]
    title = parts[0].rstrip(".") if parts else None
    container = parts[1].rstrip(".") if len(parts) > 1 else None
    return Reference(
        number=number,
        text=text,
        authors=authors,
        title=title,
        container=container,
        date=date_match.group() if date_match else None,
        url=url_match.group(1) if url_match else None,
        doi=doi_match.group(1) if doi_match else None,
        paragraph=paragraph,
    )


def _references(text: ArticleText) -> tuple[Reference, ...]:
    # A numbered list whose items carry a year or an address is read as the bibliography.
    return tuple(
        parse_reference(int(block.marker.rstrip(".")), block.text, block.anchor)
        for block in text.blocks
        if block.kind == "item"
        and block.marker is not None
        and (re.search(_YEAR, block.text) or "URL:" in block.text)
    )
