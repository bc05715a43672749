"""Values as pages write them: names joined, titles shortened, dates for Highwire, coordinates,
and the CSS classes of stances and shading."""

from __future__ import annotations

import math
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
