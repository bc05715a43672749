"""The knowledge base's summits and vaguely dated events as the implicit references look them up
(see `implicit_events`): made once per knowledge base, not for each article, where the lookups
would grow each article's cost with the knowledge base."""

from __future__ import annotations

import re
from collections.abc import Mapping

import msgspec

from natocorpus.annotate.trie import trie_pattern
from natocorpus.model import PartialDate


class SummitIndex(msgspec.Struct, frozen=True):
    summits: tuple[str, ...]  # every summit, in the knowledge base's order
    by_city: dict[str, tuple[str, ...]]  # a summit's city (its first place) -> its summits
    cities: str  # the cities as one alternation, longest first
    in_a_list: re.Pattern[str] | None  # summits named together (see `implicit_events`)
    # A summit's host state (its second place) -> its summits: "summits held in Spain in 2022".
    by_host: dict[str, tuple[str, ...]] = {}
    places: str = ""  # the cities and host states as one alternation, longest first
    # A summit named by its city where the words around make it a meeting (see
    # `implicit_events`): compiled once, on a trie of the cities, rather than for each text.
    by_city_named: re.Pattern[str] | None = None

    @classmethod
    def of(
        cls, event_types: Mapping[str, str], event_places: Mapping[str, tuple[str, ...]]
    ) -> SummitIndex:
        summits = tuple(e for e, kind in event_types.items() if kind == "summit")
        by_city: dict[str, list[str]] = {}
        for event in summits:
            for name in event_places[event][:1]:  # the city, not its country
                by_city.setdefault(name, []).append(event)
        if not by_city:
            return cls(summits, {}, "", None)
        by_host: dict[str, list[str]] = {}
        for event in summits:
            for name in event_places[event][1:2]:
                by_host.setdefault(name, []).append(event)
        city = "|".join(re.escape(name) for name in sorted(by_city, key=len, reverse=True))
        place = "|".join(
            re.escape(name) for name in sorted({*by_city, *by_host}, key=len, reverse=True)
        )
        year = r"(?:19|20)\d\d"
        item = rf"(?:{city}|{year})"
        joint = r"(?:,\s+and\s+|,\s+|\s+and\s+|\s*&\s*)"
        # A place after the plural may carry its time: "summits in Madrid last year and
        # Washington earlier this year", "held in Spain in 2022 and Lithuania in 2023"; or the
        # items are years alone: "NATO summits in 2022 and 2023".
        # or its year in brackets: "summits in Madrid (2022) and Vilnius (2023)".
        when = (
            rf"(?:\s+(?:(?:earlier|later)\s+)?(?:last|this|next)\s+year|\s+in\s+{year}"
            rf"|\s+\({year}\))?"
        )
        in_a_list = re.compile(
            rf"(?<![\w-])(?P<before>{item}(?:{joint}{item})+)\s+(?:NATO\s+|[Aa]lliance\s+)?"
            rf"[Ss]ummits\b|\b[Ss]ummits\s+(?:held\s+)?(?:in|at|of)\s+"
            rf"(?:(?P<after>(?:{place}){when}(?:{joint}(?:{place}){when})+)\b"
            rf"|(?P<years>{year}(?:{joint}{year})+)\b)"
        )
        return cls(
            summits,
            {c: tuple(e) for c, e in by_city.items()},
            city,
            in_a_list,
            by_city_named=_by_city_named(trie_pattern(by_city)),
            by_host={host: tuple(events) for host, events in by_host.items()},
            places=place,
        )


_FACILITY = r"(?:airport|station|university|port|harbou?r|embassy|office|hotel|museum|stadium)\b"
_SINCE_PLACE = r"(?:[Ss]ince|[Aa]fter|[Bb]efore|[Aa]head of|[Ff]ollowing|[Pp]ost-|[Pp]re-)\s*"


def _by_city_named(cities: str) -> re.Pattern[str]:
    """A city after "since", "after", "before", "ahead of", "following" ("since Madrid, the
    Allies …"), a city with a year ("Vilnius 2023"), a city before its summit's declaration or
    communiqué: each a summit named by its city."""
    return re.compile(
        rf"(?<![\w-]){_SINCE_PLACE}(?P<city>{cities})(?![\w’'-]|\s+[A-Z0-9]|\s+{_FACILITY})"
        rf"|(?<![\w,-])(?P<named>{cities}) (?P<year>(?:19|20)\d\d)(?![\w-])"
        rf"|(?<![\w-])(?P<doc>{cities})\s+(?:(?:[Ss]ummit\s+)?[Cc]ommuniqu[eé]|[Ss]ummit\s+"
        rf"[Dd]eclaration)\b"
    )


def vague_by_year(
    event_dates: Mapping[str, PartialDate], participants: Mapping[str, frozenset[str]]
) -> dict[int, tuple[str, ...]]:
    """The events dated only to a year or a month, with two parties or more, by their year."""
    found: dict[int, list[str]] = {}
    for event, date in event_dates.items():
        if date.day is None and len(participants.get(event, ())) >= 2:
            found.setdefault(date.year, []).append(event)
    return {year: tuple(events) for year, events in found.items()}
