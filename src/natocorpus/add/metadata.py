"""What a capture states about itself: its title, bylines, date lines, datelines and the outlet
of a feed footer or a credit, each found with the words that state it."""

from __future__ import annotations

import re

from natocorpus.add.chrome import SECTION_LABELS
from natocorpus.add.records import StatedDate
from natocorpus.load.fields import parse_partial_date

FEED_FOOTER = re.compile(r"^The post .+ appeared first on (?P<outlet>.+?)\.?\s*$")
SOURCE_LINE = re.compile(r"^Source\s*[:：]\s*(?P<outlet>[^.]{2,60}?)\.?\s*$")
JOURNAL_LINE = re.compile(r"^Journal name\s*(?P<outlet>.{2,80})$")
DOI_LINE = re.compile(r"^DOI\s*:?\s*(?P<doi>10\.\d{4,9}/\S+)\s*$", re.I)
BYLINE = re.compile(
    r"^(?P<label>By|BY|Written by|Text by|Authors?\s*[:：]|作者\s*[:：]|Автор\s*[:：])\s*"
    r"(?P<names>\S.*?)\s*$"
)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]*-[A-Z][a-z]+)$")
_NAME_JOINERS = frozenset({"de", "van", "von", "der", "da", "bin", "al", "ul", "and", "&"})

# Wire agencies named in a dateline, by the words they are named with there.
_AGENCIES = {
    "AA": "Anadolu Agency",
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur",
    "UPI": "United Press International",
    "PTI": "Press Trust of India",
    "ANI": "Asian News International",
    "IANS": "Indo-Asian News Service",
    "Kyodo": "Kyodo News",
}
_DATELINE = re.compile(
    r"^(?P<all>(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ ,]+[A-Z][A-Za-z'’.-]+){0,2}?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+\.?))?\.?\s*"
    r"(?:\((?P<agency>[^()]{2,30})\)|/(?P<slashed>[A-Za-z -]{2,20})/\.?)?\s*"
    r"(?P<dash>--|[–—-])?)\s+(?=\S)"
)

# Dates as date lines print them -----------------------------------------------------------

_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE_PATTERNS = [
    re.compile(
        rf"\b{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?:{_WEEKDAY},? )?(?P<year>\d{{4}})\b"
    ),
    re.compile(rf"\b(?P<day>\d{{1,2}}) {_MONTH},? (?P<year>\d{{4}})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<year>\d{4})/(?P<mm>\d{1,2})/(?P<day>\d{1,2})\b"),
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<year>\d{4})\b"),
    re.compile(rf"\b{_MONTH},? (?P<year>\d{{4}})\b"),
]
_DATE_LABEL = re.compile(
    r"^(?:published(?: on)?|publication date|posted(?: on)?|date|released?)\s*[:：]?\s*", re.I
)


def find_date(text: str) -> StatedDate | None:
    """The first date `text` prints, with the words that print it."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = (
                _MONTHS.get(parts["month"].lower().rstrip("."))
                if parts.get("month")
                else int(parts["mm"])
            )
            if month is None:
                continue
            raw = f"{int(parts['year']):04d}-{month:02d}"
            if parts.get("day"):
                raw += f"-{int(parts['day']):02d}"
            date = parse_partial_date(raw)
            if date is not None:
                return StatedDate(date, match.group())
    return None


def date_line(line: str) -> StatedDate | None:
    """The date of a line that is a date line: a date with a label, a time or a word or two."""
    stated = find_date(line)
    if stated is None:
        return None
    rest = _DATE_LABEL.sub("", line.replace(stated.words, " "))
    rest = re.sub(r"\(?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\)?|[|,()•·–—-]", " ", rest, flags=re.I)
    return stated if len(rest.split()) <= 3 else None


def title_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 25
        and line.lower().rstrip(" :") not in SECTION_LABELS
        and len(words) <= 20
        and not line.rstrip("\"'”’»)]").endswith((".", ",", ";", ":"))
        and find_dateline(line) is None
        and BYLINE.match(line) is None
        and not re.match(r"\d{1,9}[.)]\s|[•●▪◦‣∙►▸*+-]\s", line)
        and line[0].isupper() | line[0].isdigit()
    )


def headline_like(line: str) -> bool:
    return (len(line.split()) <= 20 and not line.endswith((".", ":", ";"))) or line[0] in "•●▪-*"


def personal_name(line: str) -> bool:
    words = line.split()
    names = [w for w in words if w.lower() not in _NAME_JOINERS]
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in names) and line != line.upper()


def byline_names(text: str) -> tuple[str, ...]:
    """The names of a byline: "A, B and C"; nothing where it reads as a sentence."""
    text = re.sub(r"\s*[|/]\s.*$", "", text).strip()
    names = [n.strip() for n in re.split(r",\s*|\s+(?:and|&)\s+|、|，", text) if n.strip()]
    if not names or any(
        len(n.split()) > 5 or (not n[0].isupper() and not n[0].isalpha()) for n in names
    ):
        return ()
    if any(n[0].islower() for n in names):
        return ()
    return tuple(names)


def find_dateline(line: str) -> tuple[str, tuple[str, str] | None, StatedDate | None] | None:
    """A dateline at the start of the line ("ISTANBUL (AA) –"): its words, the outlet its agency
    names (with the words naming it) and its date."""
    match = _DATELINE.match(line.lstrip())
    if match is None:
        return None
    agency = match.group("agency") or match.group("slashed")
    place = match.group("place").split()[0].strip(",")
    if agency is None and (match.group("dash") is None or len(place) < 4 or place == "NATO"):
        return None
    if agency is not None and not re.match(r"^[A-Z][\w .-]*$", agency):
        return None
    part = match.group("all").strip()
    named = None
    if agency is not None:
        written = f"({agency})" if match.group("agency") else f"/{agency}/"
        named = (_AGENCIES.get(agency, agency), written)
    stated = find_date(match.group("date")) if match.group("date") else None
    return part, named, stated
