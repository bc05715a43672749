"""Values as pages write them: names joined, titles shortened, dates for Highwire, coordinates,
the CSS classes of stances and shading, and the labels readers see in place of raw values
(genres and completeness levels, signed numbers, spans of dates, event names)."""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Sequence

from natocorpus.model import PartialDate

HEAT_LEVELS = 5


def highwire_date(date: PartialDate) -> str:
    """YYYY, YYYY/MM or YYYY/MM/DD: the date at its precision, never padded to a day."""
    return date.iso.replace("-", "/")


def fmt(number: float) -> str:
    """A coordinate as a short, stable string."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def join_names(names: Sequence[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def shorten(text: str, limit: int = 48) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:\u2013-")
    return cut + "…"


def stance_class(value: int) -> str:
    if value == 0:
        return "stance-0"
    return f"stance-{'m' if value < 0 else 'p'}{min(abs(value), 3)}"


def heat_level(count: int, maximum: int) -> str:
    if count <= 0 or maximum <= 0:
        return "heat-0"
    # A square-root scale: one dominant actor should not wash every other cell out to level 1.
    return f"heat-{min(HEAT_LEVELS, math.ceil(HEAT_LEVELS * math.sqrt(count / maximum)))}"


MINUS = "\u2212"
EN_DASH = "\u2013"


def value_label(value: str) -> str:
    """A corpus value ("journal-abstract", "abstract-with-references") as a reader reads it
    ("Journal abstract", "Abstract with references"): the genres and completeness levels are the
    corpus's own words, so any of them is shown this way."""
    words = value.replace("-", " ").replace("_", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def signed(number: int) -> str:
    """A whole number with a true minus sign (U+2212) when it is negative: "−2", "0", "2"."""
    return f"{MINUS}{-number}" if number < 0 else str(number)


def date_range(start: PartialDate, end: PartialDate | None) -> tuple[str, str, str]:
    """A date or a span of dates as it reads, compact: (start as shown, separator, end as shown).

    "28–29 November 2006", "30 June – 1 July 2022", "May – November 2022", "2001–2014"; across
    years each date is written in full ("30 December 2021 – 2 January 2022"). The separator is
    an en dash, spaced between dates of more than one word. A date alone (or a span that ends
    where it starts) is (start, "", "")."""
    if end is None or end == start:
        return start.display, "", ""
    end_text = end.display
    if start.precision != end.precision or start.year != end.year:
        if start.precision == end.precision == "year":
            return str(start.year), EN_DASH, end_text
        return start.display, f" {EN_DASH} ", end_text
    if start.precision == "year":
        return start.display, "", ""
    month = calendar.month_name[start.month or 1]
    if start.precision == "month":
        return month, f" {EN_DASH} ", end_text
    if start.month == end.month:
        return str(start.day), EN_DASH, end_text
    return f"{start.day} {month}", f" {EN_DASH} ", end_text


def date_range_text(start: PartialDate, end: PartialDate | None) -> str:
    """`date_range` as one string."""
    return "".join(date_range(start, end))


_TRAILING_PARENTHESES = re.compile(r"\s*\(([^()]*)\)\s*$")


def _date_words(text: str) -> str:
    """A date as written, for comparison: dashes and spaces around them made alike."""
    return re.sub(r"\s*[-\u2010-\u2015\u2212]\s*", "-", " ".join(text.split())).casefold()


def name_without_own_date(name: str, start: PartialDate, end: PartialDate | None) -> str:
    """An event's name without a closing parenthesis that only repeats the event's own date
    ("Riga Summit (2006)" dated 28-29 November 2006 reads "Riga Summit"), for the places that
    show the date beside the name. A parenthesis that says anything else stays."""
    found = _TRAILING_PARENTHESES.search(name)
    if found is None or found.start() == 0:
        return name
    last = end or start
    own = {
        date_range_text(start, end),
        f"{start.display} {EN_DASH} {last.display}",
        start.display,
        str(start.year),
        date_range_text(PartialDate(start.year), PartialDate(last.year)),
    }
    if start.month is not None:
        own.add(PartialDate(start.year, start.month).display)
    if _date_words(found.group(1)) in {_date_words(text) for text in own}:
        return name[: found.start()]
    return name


def name_with_date(name: str, start: PartialDate, end: PartialDate | None) -> str:
    """An event's name with its dates in brackets where nothing else on the page shows them
    ("Riga Summit (28–29 November 2006)"), but not a second time: a name that already says its
    year ("Foreign Ministers' Meeting, December 2020") reads as it is."""
    name = name_without_own_date(name, start, end)
    if re.search(rf"(?<!\d){start.year}(?!\d)", name):
        return name
    return f"{name} ({date_range_text(start, end)})"
