"""An anniversary told by the years since a founding: "75 years since NATO's founding",
"seventy-five years since the Alliance was established", "celebrating 75 years of its
establishment"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from natocorpus.annotate.forms import Matchers, _overlapping
from natocorpus.annotate.generic_phrases import _TENS
from natocorpus.model import ActorMention, EventMention

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_CARDINALS = {
    **{word: n for n, word in enumerate(_UNITS, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    **{
        f"{tens}{joint}{unit}" if unit else tens: 10 * t + u
        for t, tens in enumerate(_TENS, 2)
        for u, unit in enumerate(["", *_UNITS])
        for joint in ("-", " ")
    },
}
# The cardinals above, in figures or in words ("75", "seventy-five", "seventy five"): built of
# their parts rather than listed, which `re` compiles in a tenth of the time.
_NUMBER = (
    rf"\d{{1,3}}|(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)}"
)
# The years since a founding, told by its noun or its verb: "75 years since NATO’s founding",
# "75 years since the inception of NATO", "seventy-five years since it was established".
_YEARS_SINCE_FOUNDING = re.compile(
    rf"\b(?P<number>{_NUMBER}) years since (?:(?:the|its|their) )?(?:[\w-]+[’']s )?"
    r"(?:founding|foundation|establishment|inception|creation|birth)\b"
    r"(?: of (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)?"
    rf"|\b(?P<number_>{_NUMBER}) years since (?:it|they|[A-Z][\w-]*(?: [A-Z][\w-]*)*) "
    r"(?:was|were) (?:founded|established|created|set up|born)\b"
    # and the years of its being, marked: "celebrating 75 years of its establishment", "marking
    # 75 years of the Alliance" (not "marking 75 years of diplomatic relations")
    rf"|\b(?:celebrat|mark|commemorat)\w* (?P<number__>{_NUMBER}) years of "
    r"(?:(?:(?:the|its|their) )?(?:[\w-]+[’']s )?"
    r"(?:founding|foundation|establishment|existence|creation)\b"
    r"|(?-i:(?:[Tt]he )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)(?![\w-]))",
    re.IGNORECASE,
)
_YEARS_SINCE = re.compile(r"\byears (?:since|of)\b", re.IGNORECASE)
_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else _SUFFIXES.get(number % 10, "th")
    return f"{number}{suffix}"


def _anniversaries_told(
    reading: str,
    matchers: Matchers,
    taken: Sequence[tuple[int, int]],
    actors: Sequence[ActorMention],
    place: Callable[[int], tuple[str, int]],
) -> list[EventMention]:
    """The years since a body's founding name the anniversary whose generic phrase has that
    ordinal ("75th anniversary"), where exactly one such event has a participant the sentence
    names: "NATO marked 75 years since its founding" is NATO's 75th anniversary."""
    found: list[EventMention] = []
    lowered = reading.lower()
    if "years since" not in lowered and "years of" not in lowered:
        return found  # (a test in C before the pattern's slow scan)
    for since in _YEARS_SINCE.finditer(reading):
        # Tried only where "years since" or "years of" stands: the numbers' alternation tried at
        # every word made whole builds markedly slower (benchmarks/README.md, round 93).
        told = _YEARS_SINCE_FOUNDING.search(reading, max(0, since.start() - 20), since.end() + 120)
        if (
            told is None
            or told.start() > since.start()
            or _overlapping(taken, told.start(), told.end())
        ):
            continue
        number = (told.group("number") or told.group("number_") or told.group("number__")).lower()
        years = int(number) if number.isdigit() else _CARDINALS[" ".join(number.split())]
        events = matchers.generic_events.get(f"{_ordinal(years)} anniversary", ())
        paragraph, sentence = place(told.start())
        named = {m.actor for m in actors if m.sentence == sentence}
        fits = [e for e in events if matchers.event_participants.get(e, frozenset()) & named]
        if len(fits) == 1:
            found.append(
                EventMention(fits[0], told.group(), told.start(), told.end(), paragraph, sentence)
            )
    return found
