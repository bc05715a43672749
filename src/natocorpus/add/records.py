"""What `add` finds in a capture, as values."""

from __future__ import annotations

from typing import NamedTuple

from natocorpus.model import PartialDate


class StatedDate(NamedTuple):
    date: PartialDate
    words: str


class Omission(NamedTuple):
    line: int
    text: str
    reason: str


class Draft(NamedTuple):
    """What `add` found in a capture, and the article it drafts."""

    title: tuple[str, str] | None  # (value, stated words)
    authors: tuple[tuple[str, ...], str] | None
    published: StatedDate | None
    outlet: tuple[str, str] | None
    doi: tuple[str, str] | None
    omitted: tuple[Omission, ...]
    body: str

    @property
    def missing(self) -> list[str]:
        """The fields a person fills in: those `add` did not find, then the judgements."""
        found = {
            "title": self.title,
            "authors": self.authors,
            "outlet": self.outlet,
            "published": self.published,
        }
        return [name for name, value in found.items() if value is None] + [
            "genre",
            "completeness",
            "themes",
            "stance",
        ]
