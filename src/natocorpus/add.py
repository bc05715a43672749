"""`natocorpus add`: a capture into the corpus, and a draft of its article.

The capture is copied byte for byte into sources/. The draft states what the capture states (a
title, bylines, a date line, the outlet of a dateline or a feed footer), each with its exact words;
declares every line of site chrome as omitted, with its reason; transcribes the rest as Markdown
(headings, lists, a numbered reference list) escaped so that it compares equal to the capture; and
leaves each judgement, and whatever it did not find, as a `TODO` that `check` reports until a person
fills it in. The coverage check's stubs for names and events the knowledge base lacks come back
with it, to paste.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from natocorpus.annotate import Matchers, annotate_article
from natocorpus.coverage import CoverageCheck
from natocorpus.diagnostics import CorpusError, Diagnostic, error
from natocorpus.load import CorpusFrame, load_frame
from natocorpus.load.fields import SLUG_RE, parse_partial_date
from natocorpus.load.files import MAX_FILE_BYTES, FileError, decode_text
from natocorpus.load.reading import parse_reading_text
from natocorpus.model import (
    ArticleMeta,
    CorpusSettings,
    Field,
    LoadedArticle,
    OmittedLine,
    PartialDate,
    Provenance,
    Stance,
)

# What a line of chrome is, by its words ---------------------------------------------------

_SECTION_LABELS = frozenset(
    [
        "abstract",
        "introduction",
        "summary",
        "conclusion",
        "conclusions",
        "references",
        "bibliography",
        "notes",
        "footnotes",
        "background",
        "keywords",
        "acknowledgements",
        "acknowledgments",
        "sources",
        "аннотация",
        "введение",
        "заключение",
        "литература",
    ]
) | {"список литературы", "key points", "about the author"}

_CHROME = {
    **dict.fromkeys(
        [
            "share",
            "share this",
            "share this article",
            "share on",
            "tweet",
            "print",
            "email",
            "e-mail",
            "comments",
            "comment",
            "facebook",
            "twitter",
            "whatsapp",
            "telegram",
            "linkedin",
            "reddit",
            "copy link",
            "save",
            "listen",
            "listen to this article",
            "cite",
            "up",
            "top",
            "back to top",
            "loading...",
            "loading",
            "menu",
            "home",
            "search",
            "skip to content",
            "next",
            "previous",
            "advertisement",
            "ads",
            "subscribe",
            "sign in",
            "log in",
            "sign up",
            "newsletter",
            "follow us",
        ],
        "site chrome: a button or link of the page",
    ),
}
_RELATED_HEADERS = frozenset(
    [
        "related",
        "related articles",
        "related news",
        "related posts",
        "related stories",
        "related content",
        "read more",
        "read also",
        "also read",
        "see also",
        "more on this topic",
        "more stories",
        "more news",
        "you may also like",
        "you might also like",
        "recommended",
        "most read",
        "most popular",
        "latest news",
        "more from this author",
        "further reading",
    ]
)
_CHROME_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:last updated|updated|last modified|modified)\b", re.I), "update note"),
    (
        re.compile(r"^(?:read more|read also|also read|see also|related)\s*[:：]", re.I),
        "link to another article",
    ),
    (re.compile(r"^(?:please )?follow (?:us|.+) on\b", re.I), "site chrome: a follow prompt"),
    (re.compile(r"(?:©|\bcopyright\b|all rights reserved)", re.I), "copyright notice"),
    (re.compile(r"^(?:photo|image|picture|photograph)(?: credit)?\s*[:：]", re.I), "photo credit"),
    (re.compile(r"^tags?\s*[:：]", re.I), "site chrome: the page's tags"),
    (re.compile(r"^share (?:this|on)\b", re.I), "site chrome: share buttons"),
    (
        re.compile(
            r"^(?:PII\s?S?\d|Publication type\b|Status\b|Occupation\s*:|Affiliation\s*:|"
            r"Address\s*:|Edition|Issue\s?\d|Pages\s?\d|Keywords|Number of characters|"
            r"Received\s?\d|Accepted\s?\d|Submitted\s?\d|Authors?$)"
        ),
        "journal metadata",
    ),
    (
        re.compile(r"^(?:Number of purchasers|Readers community rating|.*\bviews?\s*:\s*\d)", re.I),
        "site chrome: counters",
    ),
    (re.compile(r"^\d+(?:[.,]\d+)?\s?(?:rub|руб|USD|EUR|€|\$)\.?$", re.I), "site chrome: a price"),
    (re.compile(r"\bOrphus\b"), "site chrome: an error-reporting widget"),
]
_FEED_FOOTER = re.compile(r"^The post .+ appeared first on (?P<outlet>.+?)\.?\s*$")
_SOURCE_LINE = re.compile(r"^Source\s*[:：]\s*(?P<outlet>[^.]{2,60}?)\.?\s*$")
_JOURNAL_LINE = re.compile(r"^Journal name\s*(?P<outlet>.{2,80})$")
_DOI_LINE = re.compile(r"^DOI\s*:?\s*(?P<doi>10\.\d{4,9}/\S+)\s*$", re.I)
_BYLINE = re.compile(
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


class StatedDate(NamedTuple):
    date: PartialDate
    words: str


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


def _date_line(line: str) -> StatedDate | None:
    """The date of a line that is a date line: a date with a label, a time or a word or two."""
    stated = find_date(line)
    if stated is None:
        return None
    rest = _DATE_LABEL.sub("", line.replace(stated.words, " "))
    rest = re.sub(r"\(?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\)?|[|,()•·–—-]", " ", rest, flags=re.I)
    return stated if len(rest.split()) <= 3 else None


# Markdown escaping -------------------------------------------------------------------------


def escape_inline(text: str) -> str:
    """Text with the characters CommonMark would read as markup escaped."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([`*\[<])", r"\\\1", text)
    text = re.sub(r"(?<![\w])_|_(?![\w])", r"\\_", text)
    return re.sub(r"&(?=#?\w+;)", r"\\&", text)


def escape_line(text: str) -> str:
    """A line of Markdown that reads as the text: inline markup escaped, and what the start of a
    line would make of it (a heading, a quote, a list, a rule, a fence)."""
    text = escape_inline(text)
    if re.match(r"[#>+=~|]|[-*_](?:\s|[-*_]|$)", text):
        return "\\" + text
    match = re.match(r"(\d{1,9})([.)])(\s|$)", text)
    if match:
        return f"{match.group(1)}\\{text[len(match.group(1)) :]}"
    return text


# The draft ----------------------------------------------------------------------------------


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


def draft_from(lines: list[str]) -> Draft:
    """Read a capture's lines (without their line ends) into a draft."""
    omitted: dict[int, Omission] = {}
    body_lines = [n for n, line in enumerate(lines, start=1) if line.strip()]
    text = {n: " ".join(lines[n - 1].split()) for n in body_lines}
    title: tuple[str, str] | None = None
    authors: tuple[tuple[str, ...], str] | None = None
    published: StatedDate | None = None
    outlet: tuple[str, str] | None = None
    doi: tuple[str, str] | None = None

    def omit(n: int, reason: str, part: str | None = None) -> None:
        omitted[n] = Omission(n, part if part is not None else lines[n - 1], reason)

    # The title: the first line, where it reads as one.
    first = body_lines[0] if body_lines else None
    if first is not None and len(body_lines) > 1 and _title_like(text[first]):
        title = (text[first], lines[first - 1].strip())
        stated = _date_line(text[first])
        if stated is not None:
            published = stated
        omit(first, "title" + (" and date line" if stated else "") + ", in the front matter")
    # Each other line, for what it states and whether it is chrome.
    related = False
    seen_text = False  # whether a line of the text itself has come yet: a dateline opens it
    for index, n in enumerate(body_lines):
        line = text[n]
        lowered = line.lower().rstrip(" :.…")
        if n in omitted:
            continue
        if related:
            if _headline_like(line):
                omit(n, "a related article's headline")
                continue
            related = False
        if lowered in _RELATED_HEADERS:
            omit(n, "the heading of a list of related articles")
            related = True
            continue
        byline = _BYLINE.match(line)
        if byline and authors is None and (names := _names(byline.group("names"))):
            authors = (names, line)
            omit(n, "byline, in the front matter")
            continue
        if (
            authors is None
            and title is not None
            and index == 1
            and _personal_name(line)
            and index + 1 < len(body_lines)
        ):
            authors = ((line,), line)
            omit(n, "byline (the author's name alone), in the front matter")
            continue
        if footer := _FEED_FOOTER.match(line):
            outlet = outlet or (footer.group("outlet"), f"appeared first on {footer['outlet']}")
            omit(n, "site chrome: the feed's footer naming the outlet (in the front matter)")
            continue
        if source := _SOURCE_LINE.match(line):
            outlet = outlet or (source.group("outlet"), line)
            omit(n, "credit naming the outlet, in the front matter")
            continue
        if journal := _JOURNAL_LINE.match(line):
            outlet = outlet or (journal.group("outlet").strip(), line)
            omit(n, "journal metadata: journal name, in the front matter")
            continue
        if found_doi := _DOI_LINE.match(line):
            doi = doi or (found_doi.group("doi"), line)
            omit(n, "metadata: DOI, in the front matter")
            continue
        if lowered in _CHROME:
            omit(n, _CHROME[lowered])
            continue
        reason = next((r for pattern, r in _CHROME_PATTERNS if pattern.search(line)), None)
        if reason is not None:
            omit(n, reason)
            continue
        stated = _date_line(line) if len(line.split()) <= 10 else None
        if stated is not None:
            if published is None:
                published = stated
            omit(n, "date line, in the front matter")
            continue
        lead, seen_text = not seen_text, True
        if lead and (dateline := _dateline(lines[n - 1])) is not None:
            part, agency, stated = dateline
            if agency is not None and outlet is None:
                outlet = agency
            if stated is not None and published is None and stated.date.precision != "month":
                published = stated
            omit(n, "dateline" + (", the outlet in the front matter" if agency else ""), part)
    kept = [n for n in body_lines if n not in omitted or omitted[n].text != lines[n - 1]]
    body = _markdown(lines, kept, omitted)
    return Draft(title, authors, published, outlet, doi, tuple(omitted.values()), body)


def _title_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 25
        and line.lower().rstrip(" :") not in _SECTION_LABELS
        and len(words) <= 20
        and not line.rstrip("\"'”’»)]").endswith((".", ",", ";", ":"))
        and _dateline(line) is None
        and _BYLINE.match(line) is None
        and not re.match(r"\d{1,9}[.)]\s|[•●▪◦‣∙►▸*+-]\s", line)
        and line[0].isupper() | line[0].isdigit()
    )


def _headline_like(line: str) -> bool:
    return (len(line.split()) <= 20 and not line.endswith((".", ":", ";"))) or line[0] in "•●▪-*"


def _personal_name(line: str) -> bool:
    words = line.split()
    names = [w for w in words if w.lower() not in _NAME_JOINERS]
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in names) and line != line.upper()


def _names(text: str) -> tuple[str, ...]:
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


def _dateline(line: str) -> tuple[str, tuple[str, str] | None, StatedDate | None] | None:
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


def _bullet(line: str) -> str | None:
    """The line's text after its bullet, if it opens with one."""
    match = re.match(r"^\s*(?:[•●○◦▪▫■□‣∙►▸]\s*|[-*–]\s+)(?P<rest>\S.*)$", line)
    return match.group("rest") if match else None


_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,9})\.\s+(?P<rest>\S.*)$")


def _heading_like(line: str, following: str | None) -> bool:
    if following is None:
        return False
    words = line.split()
    if line.lower().rstrip(" :") in _SECTION_LABELS:
        return True
    if re.search(r"[.,;:!?…\"”»)]$", line) or not line[0].isupper():
        return False
    if line.upper() == line and any(c.isalpha() for c in line) and len(words) <= 20:
        return True
    return len(words) <= 10 and len(following.split()) > 2 * len(words)


def _markdown(lines: list[str], kept: list[int], omitted: dict[int, Omission]) -> str:
    """The reading text: the kept lines as Markdown blocks, escaped."""
    texts: list[tuple[int, str]] = []
    for n in kept:
        line = lines[n - 1]
        if n in omitted:  # a part of the line is left out
            part = omitted[n].text
            line = line.replace(part, " ", 1)
        line = " ".join(line.split())
        if line:
            texts.append((n, line))
    blocks: list[str] = []
    kinds: list[str] = []
    expected_number: int | None = None
    for index, (n, line) in enumerate(texts):
        following = texts[index + 1][1] if index + 1 < len(texts) else None
        bullet = _bullet(line)
        numbered = _NUMBERED.match(line)
        adjacent = index > 0 and texts[index - 1][0] == n - 1
        if bullet is not None:
            block, kind = f"- {escape_inline(bullet)}", "bullet"
        elif numbered and (
            int(numbered["number"]) == expected_number
            or (kinds[-1:] != ["ordered"] and numbered["number"] != "0")
        ):
            number = int(numbered["number"])
            block, kind = f"{number}. {escape_inline(numbered['rest'])}", "ordered"
        elif _heading_like(line, following) and not _NUMBERED.match(line):
            heading = re.sub(r"#+$", lambda m: "\\#" * len(m.group()), escape_inline(line))
            block, kind = f"## {heading}", "heading"
        elif (
            adjacent
            and kinds[-1:] == ["paragraph"]
            and not re.search(r"[.!?:\"”»)]$", texts[index - 1][1])
            and line[0].islower()
        ):
            blocks[-1] += "\n" + escape_line(line)  # a line wrapped within its paragraph
            continue
        else:
            block, kind = escape_line(line), "paragraph"
        expected_number = int(numbered["number"]) + 1 if kind == "ordered" and numbered else None
        if kinds and kinds[-1] == kind and kind in ("bullet", "ordered"):
            blocks[-1] += "\n" + block
        else:
            blocks.append(block)
            kinds.append(kind)
    return "\n\n".join(blocks) + "\n"


def _iso(date: PartialDate) -> str:
    parts = [f"{date.year:04d}", *(f"{p:02d}" for p in (date.month, date.day) if p is not None)]
    return "-".join(parts)


# YAML of the draft ---------------------------------------------------------------------------


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar; characters one cannot see are written as escapes."""
    dumped = json.dumps(text, ensure_ascii=False)
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Zs", "Cf", "Cc") and c != " " else c
        for c in dumped
    )


def front_matter(
    draft: Draft,
    article_id: str,
    source_file: str,
    genres: tuple[str, ...],
    levels: tuple[str, ...],
    scale: str,
) -> str:
    out = [f"id: {article_id}", f"source_file: {_quoted(source_file)}"]
    if draft.title:
        out.append(
            f"title: {{value: {_quoted(draft.title[0])}, stated: {_quoted(draft.title[1])}}}"
        )
    else:
        out.append(
            'title: {value: TODO, inferred: "TODO: the capture prints no title: give one, and '
            'say where it comes from (`inferred:` a title the editors supply)"}'
        )
    if draft.authors:
        names = ", ".join(f"{{name: {_quoted(name)}}}" for name in draft.authors[0])
        out.append(f"authors: {{value: [{names}], stated: {_quoted(draft.authors[1])}}}")
    else:
        out.append(
            'authors: {value: TODO, inferred: "TODO: no byline found: list the authors '
            '([{name: ...}], or [] for none) and say how you know"}'
        )
    if draft.outlet:
        out.append(
            f"outlet: {{value: {_quoted(draft.outlet[0])}, stated: {_quoted(draft.outlet[1])}}}"
        )
    else:
        out.append(
            'outlet: {value: TODO, inferred: "TODO: no outlet found: name it with the basis, '
            'or null where none is known"}'
        )
    if draft.published:
        date = draft.published.date
        out.append(
            f'published: {{value: "{_iso(date)}", precision: {date.precision}, '
            f"stated: {_quoted(draft.published.words)}}}"
        )
    else:
        out.append(
            'published: {value: TODO, precision: TODO, inferred: "TODO: no date line found: '
            'the date (YYYY, YYYY-MM; a day only where the text states it) and its basis"}'
        )
    if draft.doi:
        out.append(f"doi: {{value: {_quoted(draft.doi[0])}, stated: {_quoted(draft.doi[1])}}}")
    genre_hint = f"one of {', '.join(genres)}" if genres else "the kind of text"
    out += [
        f'genre: {{value: TODO, inferred: "TODO: {genre_hint}, and why"}}',
        f'completeness: {{value: TODO, inferred: "TODO: one of {", ".join(levels)}, and why"}}',
        'themes: {value: TODO, inferred: "TODO: the main subjects as a list, [a, b], and why"}',
        "stance:",
        f"  value: TODO  # {scale}",
        '  rationale: "TODO: the value on the scale, this sentence saying why, and 2 to 4 '
        'passages of the reading text as evidence"',
        "  evidence:  # 2 to 4 verbatim passages of the reading text",
        '    - "TODO: a passage"',
        '    - "TODO: a passage"',
    ]
    if draft.omitted:
        out.append("omitted:")
        out += [
            f"  - {{line: {o.line}, text: {_quoted(o.text)}, reason: {_quoted(o.reason)}}}"
            for o in sorted(draft.omitted)
        ]
    return "\n".join(out)


# The command ----------------------------------------------------------------------------------


class AddReport(NamedTuple):
    source: str  # where the capture is, as shown
    copied: bool  # False where the same bytes were there already
    article: str
    draft: Draft
    stubs: tuple[Diagnostic, ...]  # coverage warnings with their stubs
    notes: tuple[Diagnostic, ...]  # why there are none, where the corpus could not be read


def slug_of(text: str, words: int = 8) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower().replace("’", "").replace("'", "")).split()
    return "-".join(parts[:words])


def add_capture(corpus_dir: Path, capture: Path, article_id: str | None = None) -> AddReport:
    """Copy `capture` into the corpus and draft its article; raises CorpusError, changing
    nothing, where it cannot."""
    shown_capture = capture.as_posix()
    if not corpus_dir.is_dir():
        raise CorpusError([error(corpus_dir.as_posix(), None, "corpus", "is not a folder")])
    try:
        if capture.stat().st_size > MAX_FILE_BYTES:
            raise CorpusError(
                [
                    error(
                        shown_capture,
                        None,
                        "capture",
                        "is over 5 MiB, the limit for one corpus file",
                    )
                ]
            )
        raw = capture.read_bytes()
        text = decode_text(raw, shown_capture)
    except FileError as problem:
        raise CorpusError([problem.diagnostic]) from None
    except OSError as problem:
        raise CorpusError(
            [error(shown_capture, None, "capture", problem.strerror or str(problem))]
        ) from None
    lines = text.split("\n")
    draft = draft_from(lines)
    if article_id is None:
        article_id = slug_of(draft.title[0]) if draft.title else slug_of(capture.stem)
        article_id = article_id or "article"
    if not SLUG_RE.match(article_id):
        raise CorpusError(
            [
                error(
                    "--id",
                    None,
                    "id",
                    f"{article_id!r} is not a valid id: use lowercase letters, digits and single "
                    "hyphens (it becomes part of a URL)",
                )
            ]
        )
    sources = corpus_dir / "sources"
    articles = corpus_dir / "articles"
    target = sources / capture.name
    article_path = articles / f"{article_id}.md"
    shown_target = target.as_posix()
    copied = True
    if target.exists():
        if target.read_bytes() != raw:
            raise CorpusError(
                [
                    error(
                        shown_target,
                        None,
                        "source_file",
                        "a different file of this name is already in sources/; refusing to "
                        "overwrite it: rename the capture",
                    )
                ]
            )
        copied = False
    if article_path.exists():
        raise CorpusError(
            [
                error(
                    article_path.as_posix(),
                    None,
                    "id",
                    f"an article {article_id!r} exists already; refusing to overwrite it: give "
                    "another --id",
                )
            ]
        )
    frame, found = load_frame(corpus_dir)
    problems = [p for p in found if p.field != "articles"]  # a corpus may begin with this one
    settings = frame.settings if frame is not None else None
    genres = settings.genres if settings else ()
    levels = (settings.completeness if settings else ()) or (
        "full",
        "excerpt",
        "abstract-with-references",
    )
    scale = (
        ", ".join(f"{level.value} {level.label}" for level in settings.stance_scale)
        if settings
        else "a whole number on the corpus's stance scale"
    )
    document = (
        f"---\n{front_matter(draft, article_id, capture.name, genres, levels, scale)}\n---\n\n"
        f"{draft.body}"
    )
    sources.mkdir(parents=True, exist_ok=True)
    articles.mkdir(parents=True, exist_ok=True)
    if copied:
        with target.open("xb") as out:
            out.write(raw)
    with article_path.open("x", encoding="utf-8") as out:
        out.write(document)
    shown_article = article_path.as_posix()
    stubs: tuple[Diagnostic, ...] = ()
    notes: tuple[Diagnostic, ...] = ()
    if (
        frame is not None
        and settings is not None
        and not any(p.severity.value == "error" for p in problems)
    ):
        body_line = document[: document.index("\n---\n") + 5].count("\n") + 1
        stubs = _stubs(
            frame,
            settings,
            draft,
            article_id,
            capture.name,
            raw,
            document,
            body_line,
            shown_article,
        )
    else:
        notes = tuple(p for p in problems if p.severity.value == "error")
    return AddReport(shown_target, copied, shown_article, draft, stubs, notes)


def _stubs(
    frame: CorpusFrame,
    settings: CorpusSettings,
    draft: Draft,
    article_id: str,
    source_file: str,
    raw: bytes,
    document: str,
    body_line: int,
    shown: str,
) -> tuple[Diagnostic, ...]:
    """The coverage check's warnings on names and events, for the draft as it stands."""
    body = document.split("\n---\n", 1)[1]
    reading = parse_reading_text(body, body_line)
    if not reading.blocks:
        return ()
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", reading.reading_text)]
    date = draft.published.date if draft.published else PartialDate(max(years) if years else 2000)
    placeholder = Provenance("inferred", basis="to fill in")
    meta = ArticleMeta(
        id=article_id,
        source_file=source_file,
        title=Field(draft.title[0] if draft.title else article_id, placeholder),
        authors=Field((), placeholder),
        outlet=Field(None, placeholder),
        original_outlet=None,
        translated_from=None,
        published=Field(date, placeholder),
        genre=Field("", placeholder),
        completeness=Field("", placeholder),
        source_url=None,
        doi=None,
        themes=Field((), placeholder),
        stance=Stance(0, "", "", ()),
        omitted=tuple(OmittedLine(o.line, o.text, o.reason) for o in draft.omitted),
    )
    loaded = LoadedArticle(path=shown, meta=meta, text=reading, capture=raw)
    annotated = annotate_article(loaded, Matchers.for_knowledge(frame.knowledge))
    found = CoverageCheck.for_corpus(frame.knowledge, settings).of(annotated)
    return tuple(d for d in found if d.field in ("mentions", "events"))


def print_added(report: AddReport) -> None:
    """What `add` did, what is left to fill in, and the stubs to paste."""
    import click

    draft = report.draft
    click.echo(
        f"{'Copied the capture to' if report.copied else 'The capture is already'} {report.source}"
    )
    found = [
        what
        for what, value in (
            ("the title", draft.title),
            (f"{len(draft.authors[0]) if draft.authors else 0} author(s)", draft.authors),
            ("the date", draft.published),
            ("the outlet", draft.outlet),
            ("the DOI", draft.doi),
        )
        if value
    ]
    click.echo(
        f"Wrote {report.article}: found {', '.join(found) or 'nothing to state'}; "
        f"{len(draft.omitted)} line(s) or part(s) left out"
    )
    click.echo(f"To fill in (TODO): {', '.join(draft.missing)}; `natocorpus check` lists them")
    for note in report.notes:
        click.echo(str(note), err=True)
    if report.stubs:
        click.echo("What the knowledge base does not cover yet:")
    for stub in report.stubs:
        click.echo(str(stub))
