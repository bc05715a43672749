"""The small values many pages show: links, references to texts, actors and events, dates at
their precision, and the tags of a page's head.

The view types of one kind of page are beside the function that prepares that page (`article.py`,
`actor.py`, ...); all of them are frozen, and the templates only place their values.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from natocorpus.link.labels import date_range, name_without_own_date, signed, value_label
from natocorpus.model import PartialDate, Precision


class PageContent(msgspec.Struct, frozen=True):
    """What one page's template places besides the page's head: each kind of page has its own."""


class Link(msgspec.Struct, frozen=True):
    href: str
    text: str


class MetaTag(msgspec.Struct, frozen=True):
    """A <meta> element: `attr` is "name" (Highwire, description) or "property" (Open Graph)."""

    attr: Literal["name", "property"]
    key: str
    content: str


class SearchTag(msgspec.Struct, frozen=True):
    """A value for the Pagefind index, placed on a <meta> element in the head (never in the
    indexed text): a filter value, a result's metadata, or a sort key (`kind`), under `key`.
    The template writes `data-pagefind-{kind}="{key}[content]"`, so commas and colons in the
    value need no escaping; a filter with several values is several tags."""

    kind: Literal["filter", "meta", "sort"]
    key: str
    value: str


class DateLabel(msgspec.Struct, frozen=True):
    """A date at its precision: `iso` (YYYY, YYYY-MM, YYYY-MM-DD) to parse, `display` to read."""

    iso: str
    display: str
    precision: Precision

    @property
    def value(self) -> PartialDate:
        year, month, day = (tuple(int(part) for part in self.iso.split("-")) + (None, None))[:3]
        assert year is not None
        return PartialDate(year, month, day)


def date_label(date: PartialDate) -> DateLabel:
    return DateLabel(date.iso, date.display, date.precision)


class NavItem(msgspec.Struct, frozen=True):
    href: str
    label: str
    current: bool


class ArticleRef(msgspec.Struct, frozen=True):
    id: str
    href: str
    title: str
    short_title: str
    authors: str
    outlet: str | None
    date: DateLabel
    genre: str
    stance_value: int
    stance_label: str
    stance_class: str
    completeness: str

    @property
    def outlet_and_date(self) -> str:
        """ "Outlet, date", or the date alone where no outlet is known."""
        return f"{self.outlet}, {self.date.display}" if self.outlet else self.date.display

    @property
    def genre_label(self) -> str:
        return value_label(self.genre)

    @property
    def completeness_label(self) -> str:
        return value_label(self.completeness)

    @property
    def stance_number(self) -> str:
        return signed(self.stance_value)


class ActorRef(msgspec.Struct, frozen=True):
    id: str
    href: str
    name: str
    type: str
    count: int


class EventRef(msgspec.Struct, frozen=True):
    id: str
    href: str
    name: str
    type: str
    date: DateLabel
    end_date: DateLabel | None
    place: str | None
    count: int

    @property
    def when(self) -> tuple[str, str, str]:
        """The event's date or span, compact (`labels.date_range`)."""
        return date_range(self.date.value, self.end_date.value if self.end_date else None)

    @property
    def name_beside_date(self) -> str:
        """Its name where its date is shown beside it: without a parenthesis repeating the date."""
        return name_without_own_date(
            self.name, self.date.value, self.end_date.value if self.end_date else None
        )
