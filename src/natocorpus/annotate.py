"""The annotate stage: actor, event and date mentions, sentences and references, as frozen data.

All surface forms of the knowledge base are compiled into one regular expression per kind (actors,
events), factored as a trie so that one pass over a text finds every mention, longest form first.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

import msgspec
from dateutil import parser as dateparser

from natocorpus.model import (
    PRECISIONS,
    Actor,
    ActorMention,
    AnnotatedArticle,
    ArticleText,
    DateMention,
    EventMention,
    KnowledgeBase,
    LoadedArticle,
    PartialDate,
    Reference,
    Span,
    SurfaceForm,
    UnresolvedReference,
)

WORDS_PER_MINUTE = 230


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# One compiled pass over all surface forms -------------------------------------------


_Trie = dict[str, "_Trie"]


def _trie_pattern(forms: Iterable[str]) -> str:
    """A regex matching any of `forms`, longest first at each position, with shared prefixes."""
    trie: _Trie = {}
    end = ""  # key marking that a form ends at this node
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[end] = {}

    def build(node: _Trie) -> str:
        branches = [
            re.escape(char) + build(child) for char, child in sorted(node.items()) if char != end
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end in node:
            # Greedy optional: the longer form is tried first, the shorter one on backtracking.
            return f"(?:{body})?"
        return body

    return build(trie)


# What a form is, for the context rules: see `_context_blocks`.
ADJECTIVAL = 1  # a demonym or adjective ("Chinese", "European", "the East"): may open a longer name
DESCRIPTIVE = 2  # an institution named by ordinary words ("Foreign Affairs"): may be part of one
TITLE = 4  # an office ("Secretary General"): names follow it; a qualifier before it is another
STATE = 8  # a state's adjective: its organs and officials ("Chinese Embassy") still name it

_COMPASS = frozenset(
    {"East", "West", "North", "South", "Eastern", "Western", "Northern", "Southern"}
)
_DEMONYM_END = re.compile(r"(?:an|ese|ish|ern|i)$")
_TITLE_WORDS = frozenset(
    {
        "General",
        "Secretary",
        "President",
        "Minister",
        "Chancellor",
        "Chair",
        "Chairman",
        "Director",
        "Commander",
        "Ambassador",
        "Premier",
        "Spokesperson",
        "Secretary-General",
    }
)


def form_kind(form: str, actor: Actor) -> int:
    """The context rules that apply to `form` of `actor`, as flags."""
    words = form.split()
    if not words:
        return 0
    last = words[-1]
    name_words = set(actor.name.replace("(", " ").replace(")", " ").split())
    kind = 0
    if (
        actor.type in ("state", "region", "grouping", "alliance")
        and last[:1].isupper()
        and (last in _COMPASS or (_DEMONYM_END.search(last) and last not in name_words))
    ):
        kind |= ADJECTIVAL
        if actor.type == "state":
            kind |= STATE
    if (
        actor.type == "institution"
        and any(c.islower() for c in form)
        and not any(c.isdigit() or c in "./" for c in form)
    ):
        kind |= DESCRIPTIVE
        if any(word in _TITLE_WORDS for word in words):
            kind |= TITLE
    return kind


class FormMatcher(msgspec.Struct, frozen=True):
    """Finds every surface form of a set of things in a text, word-bounded, longest first.

    Blocking phrases (owner "") take part in the same longest-match pass and produce no mention:
    a form inside one, or running across its edge, is not a mention. Generic matchers ignore
    case."""

    pattern: re.Pattern[str] | None
    owners: dict[str, tuple[str, str]]  # form (lower-cased when ignoring case) -> (owner, form)
    rules: dict[str, tuple[str, ...]]
    kinds: dict[str, int] = {}
    blocks: re.Pattern[str] | None = None
    ignore_case: bool = False

    @classmethod
    def compile(
        cls,
        forms: Iterable[tuple[str, SurfaceForm]],
        *,
        blocking: Iterable[str] = (),
        kinds: dict[str, int] | None = None,
        ignore_case: bool = False,
    ) -> FormMatcher:
        owners: dict[str, tuple[str, str]] = {}
        rules: dict[str, tuple[str, ...]] = {}

        def key(text: str) -> str:
            return text.lower() if ignore_case else text

        for owner, form in forms:
            owners.setdefault(key(form.text), (owner, form.text))
            if form.unless_after:
                rules[form.text] = form.unless_after
        blocked = sorted({key(text) for text in blocking if text.strip()} - set(owners))
        for text in blocked:
            owners[text] = ("", text)
        if not owners:
            return cls(None, owners, rules, kinds or {})
        flags = re.IGNORECASE if ignore_case else 0
        body = _trie_pattern(sorted(owners))
        # The lookahead on the characters a form can begin with lets the engine pass over every
        # other position at once: a quarter of the matching time.
        first = "".join(re.escape(char) for char in sorted({form[:1] for form in owners}))
        pattern = re.compile(rf"(?=[{first}])(?<!\w)(?:{body})(?!\w)", flags)
        block_pattern = (
            re.compile(rf"(?<!\w)(?:{_trie_pattern(blocked)})(?!\w)", flags) if blocked else None
        )
        return cls(pattern, owners, rules, kinds or {}, block_pattern, ignore_case)

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """(owner, form, start, end) of each match. The form is the one string object of the
        knowledge base, not a copy per mention: a text's mentions of NATO share one "NATO"."""
        if self.pattern is None:
            return []
        owners, rules = self.owners, self.rules
        found: list[tuple[str, str, int, int]] = []
        for match in self.pattern.finditer(text):
            start, end = match.span()
            matched = match.group()
            owner, form = owners[matched.lower() if self.ignore_case else matched]
            if not owner:
                continue  # a blocking phrase: it names nothing the knowledge base knows
            before = text[max(0, start - _RULE_CONTEXT) : start]
            if form in rules and _ends_with_any(before, rules[form]):
                continue
            found.append((owner, matched if self.ignore_case else form, start, end))
        if self.blocks is not None and found:
            # A blocking phrase that begins inside a form ("the East" of "the East German
            # state", with "East German" blocked) turns that form down too.
            spans = [m.span() for m in self.blocks.finditer(text)]
            found = [f for f in found if not _crosses(spans, f[2], f[3])]
        return found


def _crosses(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether some span overlaps start..end without lying wholly inside it."""
    for left, right in spans:
        if left < end and start < right and not (start <= left and right <= end):
            return True
    return False


_RULE_CONTEXT = 80  # characters before a match that an unless_after rule looks at

# Capitalised words that do not extend a name: sentence openers and determiners, and the
# organs and offices of a state after its adjective ("the Chinese Embassy" names China).
_FUNCTION_WORDS = _wordset(
    "A An The This That These Those It Its In On At By For From Of To With As And But Or Nor So "
    "If When While Since After Before During Under Over Between Among Against Also Former Then "
    "Both Each Every All Any No Not Their They There Here We Our You He She His Her Who What "
    "Which Where Why How I Mr Mrs Ms Dr"
)
_STATE_ORGANS = _wordset(
    "President Presidential Prime Premier Minister Ministers Ministry Foreign Defense Defence "
    "Government Governments Embassy Embassies Ambassador Ambassadors Envoy Mission Consulate "
    "Consul Navy Naval Army Air Armed Forces Force Military Coast Self-Defense Self-Defence "
    "Maritime Ground Parliament Diet Congress Senate Cabinet Chancellor Vice Deputy State "
    "Secretary Chief General Admiral Communist People’s People's National Security "
    "Administration Department Office Officials Official Officers Leader Leaders Spokesperson "
    "Spokesman Spokeswoman Authorities Emperor King Queen Crown Imperial Presidency "
    "Counselor Councilor Councillor Diplomat Diplomats Delegation Representative"
)
_INSTITUTION_HEADS = _wordset(
    "Ministry Minister Ministers Department Secretary Secretariat Committee Council Commission "
    "Office Institute Bureau Agency Academy Centre Center School University College Board "
    "Court House Chamber Foundation Society Association Federation Union League Forum Embassy "
    "Consulate Mission Division Directorate Service"
)
_WORD_BEFORE = re.compile(r"(?:^|[\s(“\"])([A-Z][\w’'-]*) $")
_HEAD_OF_BEFORE = re.compile(r"([A-Z][\w’'-]*) (?:of|on|for)(?: the)? $")
_WORD_AFTER = re.compile(r"^( |-)([A-Z][\w’'-]*)")


def _qualifies(word: str) -> bool:
    """Whether a capitalised word before a form can make it part of a longer name: not a
    sentence's function word, nor a possessive ("NATO’s Asian partners")."""
    return word not in _FUNCTION_WORDS and not word.endswith(("’s", "'s"))


def _context_blocks(
    text: str,
    found: list[tuple[str, str, int, int]],
    kinds: dict[str, int],
    exempt: Callable[[int], bool],
) -> list[tuple[str, str, int, int]]:
    """Turn down a form that the words around it extend into a longer proper name that is not
    it: "Foreign Affairs" in "the Ministry of Foreign Affairs", "Blitz" in "the London Blitz",
    "Secretary General" in "UN Secretary General", "European" in "European Union", "Asian" in
    "Asian-Pacific". `exempt` says where capitals prove nothing (a title-case heading)."""
    starts = {start: kinds.get(form, 0) for _, form, start, _ in found}
    ends = {end: owner for owner, _, _, end in found}
    owners_at = {start: owner for owner, _, start, _ in found}
    kept: list[tuple[str, str, int, int]] = []
    for item in found:
        owner, form, start, end = item
        kind = kinds.get(form, 0)
        if not kind or exempt(start):
            kept.append(item)
            continue
        before = text[max(0, start - 60) : start]
        after = _WORD_AFTER.match(text[end : end + 60])
        word_before = _WORD_BEFORE.search(before)
        blocked = False
        if kind & ADJECTIVAL:
            if after is not None:
                joint, word = after.groups()
                next_start = end + 1
                next_kind = starts.get(next_start)
                names_another = next_kind is not None and not next_kind & ADJECTIVAL
                if joint == "-":
                    # "Asian-Pacific": a compound with a word that names nothing known.
                    blocked = not names_another and not _DEMONYM_END.search(word)
                else:
                    # "European Union", "the East German state": a different proper name;
                    # "Chinese Embassy", "European NATO allies" are not.
                    organ = kind & STATE and word in _STATE_ORGANS
                    blocked = not (word in _FUNCTION_WORDS or organ or names_another)
            if (
                word_before is not None
                and _qualifies(word_before.group(1))
                and start - 1 not in ends
                and not form[:1].islower()
            ):
                blocked = True  # "Latin American", "Central Asian": a qualifier, another name
        if kind & DESCRIPTIVE:
            head = _HEAD_OF_BEFORE.search(before)
            if head is not None and head.group(1) in _INSTITUTION_HEADS:
                blocked = True  # "Ministry of Foreign Affairs"
            # A name next to itself (a list without commas) is not a longer name.
            if (
                word_before is not None
                and _qualifies(word_before.group(1))
                and ends.get(start - 1) != owner
            ):
                blocked = True  # "London Blitz", "UN Secretary General"
            if (
                after is not None
                and owners_at.get(end + 1) != owner
                and not kind & TITLE
                and after.group(1) == " "
                and after.group(2) not in _FUNCTION_WORDS
            ):
                blocked = True  # "Foreign Affairs Committee"
        if not blocked:
            kept.append(item)
    return kept


def _ends_with_any(before: str, phrases: Sequence[str]) -> bool:
    """Whether the words of `before` end with one of `phrases`, ignoring case."""
    tail = before.split()
    for phrase in phrases:
        words = phrase.split()
        if words and [w.lower() for w in tail[-len(words) :]] == [w.lower() for w in words]:
            return True
    return False


def _within(value: PartialDate, start: PartialDate, end: PartialDate | None) -> bool:
    """Whether a date falls between an event's start and end, each compared at the coarser of
    the two precisions: "July 2023" falls within 11-12 July 2023, "2022" within June 2022."""

    def key(date: PartialDate, precision: str) -> tuple[int, int, int]:
        return date.truncate(precision).sort_key  # type: ignore[arg-type]

    def coarser(left: PartialDate, right: PartialDate) -> str:
        return min(left.precision, right.precision, key=PRECISIONS.index)

    last = end or start
    return key(start, coarser(start, value)) <= key(value, coarser(start, value)) and key(
        value, coarser(last, value)
    ) <= key(last, coarser(last, value))


class Matchers(msgspec.Struct, frozen=True):
    actors: FormMatcher
    events: FormMatcher
    event_dates: dict[str, PartialDate]
    event_ends: dict[str, PartialDate | None]
    event_places: dict[str, tuple[str, ...]]
    generic: FormMatcher  # owner: the phrase, lower-cased
    generic_events: dict[str, tuple[str, ...]]  # phrase -> the events it can name

    @classmethod
    def for_knowledge(cls, knowledge: KnowledgeBase) -> Matchers:
        kinds = {
            form.text: form_kind(form.text, actor)
            for actor in knowledge.actors
            for form in actor.forms
        }
        generic_events: dict[str, list[str]] = {}
        for event in knowledge.events:
            for phrase in event.generic:
                generic_events.setdefault(phrase.lower(), []).append(event.id)
        return cls(
            actors=FormMatcher.compile(
                ((actor.id, form) for actor in knowledge.actors for form in actor.forms),
                blocking=knowledge.blocking,
                kinds={form: kind for form, kind in kinds.items() if kind},
            ),
            events=FormMatcher.compile(
                (event.id, SurfaceForm(form)) for event in knowledge.events for form in event.forms
            ),
            event_dates={event.id: event.date for event in knowledge.events},
            event_ends={event.id: event.end_date for event in knowledge.events},
            event_places={event.id: _places(event.place) for event in knowledge.events},
            generic=FormMatcher.compile(
                ((phrase, SurfaceForm(phrase)) for phrase in generic_events), ignore_case=True
            ),
            generic_events={phrase: tuple(ids) for phrase, ids in generic_events.items()},
        )


def _places(place: str | None) -> tuple[str, ...]:
    """The place names of an event's `place` ("Seoul and Tokyo": both)."""
    if not place:
        return ()
    return tuple(p.strip() for p in re.split(r",| and ", place) if p.strip())


# Sentences ------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]\.)+$|\b(?:No|Nos|Av|Mr|Mrs|Ms|Dr|St|vs|etc|S|pp|Vol)\.$"
)


def split_sentences(text: ArticleText) -> tuple[Span, ...]:
    sentences: list[Span] = []
    for block in text.blocks:
        start = 0
        for match in _SENTENCE_END.finditer(block.text):
            # Only the last word matters; looking at the whole prefix would be quadratic.
            if _ABBREVIATION.search(block.text[max(0, match.start() - 24) : match.start() + 1]):
                continue
            end = match.end()
            sentences.append(Span(block.start + start, block.start + end, block.anchor))
            start = end
            while start < len(block.text) and block.text[start].isspace():
                start += 1
        if start < len(block.text):
            sentences.append(Span(block.start + start, block.end, block.anchor))
    return tuple(sentences)


def _sentence_index(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


# Dates ---------------------------------------------------------------------------------

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", rf"{_YEAR}-[01]\d-[0-3]\d"),
    ("month_day_year", rf"(?:{_MONTHS}) \d{{1,2}}, {_YEAR}"),
    ("day_month_year", rf"\d{{1,2}} (?:{_MONTHS}),? {_YEAR}"),
    ("dotted", rf"\d{{2}}\.\d{{2}}\.{_YEAR}"),
    ("month_year", rf"(?:{_MONTHS}),? {_YEAR}"),
    ("month_shift", rf"(?:{_MONTHS}),? (?:last|this|next) year"),
    ("month_day", rf"(?:{_MONTHS}) \d{{1,2}}(?!\d)"),
    ("day_month", rf"\d{{1,2}} (?:{_MONTHS})"),
    ("century", r"(?:the )?\d{1,2}(?:st|nd|rd|th) century"),
    ("in_month", rf"(?<=\b[Ii]n )(?:{_MONTHS})"),
    ("last_year", r"[Ll]ast year"),
    ("this_year", r"[Tt]his year"),
    ("next_year", r"[Nn]ext year"),
    ("recent_years", r"(?:in )?recent years"),
    ("year", _YEAR),
)
# The characters an expression above can begin with: checked first, this spares the regex engine
# trying every alternative at every position of the text (half the date pass).
_DATE_FIRST = "0-9JFMASONDTtLlNnir"
_DATE_RE = re.compile(
    rf"(?=[{_DATE_FIRST}])(?<![\w.])(?:"
    + "|".join(f"(?P<{name}>{body})" for name, body in _DATE_PATTERNS)
    + r")(?![\w])"
)
_RELATIVE = frozenset(
    {
        "month_day",
        "day_month",
        "in_month",
        "month_shift",
        "last_year",
        "this_year",
        "next_year",
        "recent_years",
    }
)
_SHIFT = {"last": -1, "this": 0, "next": 1}
# Addresses: a number in them is a path or an identifier, never a date.
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+|\bdoi\.org/\S+|\b10\.\d{4,9}/\S+")
# A year right after a capitalised word is part of a name ("NATO 2030", "Agenda 2030",
# "Strategic Concept 2010"), unless that word is a sentence's function word or a season.
_NAME_BEFORE_YEAR = re.compile(r"(?:^|[\s(“\"])([A-Z][\w’'-]*) $")
_NOT_NAMES = _FUNCTION_WORDS | _wordset(
    "Spring Summer Autumn Fall Winter Early Late Mid Around Until Through Circa Since Until "
    "Throughout Between"
)


def _in_name(text: str, start: int) -> bool:
    word = _NAME_BEFORE_YEAR.search(text[max(0, start - 40) : start])
    return word is not None and word.group(1) not in _NOT_NAMES


def _latest_not_after(month: int, day: int | None, published: PartialDate) -> PartialDate | None:
    """The most recent such month (and day) not after publication; None when undecidable."""
    if published.month is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    return PartialDate(year, month, day)


def resolve_date(
    kind: str, text: str, published: PartialDate, anchor: PartialDate | None = None
) -> PartialDate | None:
    """Resolve one temporal expression. A relative one resolves against `anchor`, the latest
    absolute date before it in its paragraph, and else against the publication date: a month
    without a year takes the anchor's year, or the latest such month not after publication."""
    words = text.replace(",", "").split()
    if kind == "iso":
        year, month, day = (int(part) for part in text.split("-"))
        return PartialDate(year, month, day)
    if kind in ("month_day_year", "day_month_year"):
        parsed = dateparser.parse(text)
        return PartialDate(parsed.year, parsed.month, parsed.day)
    if kind == "dotted":
        parsed = dateparser.parse(text, dayfirst=True)
        return PartialDate(parsed.year, parsed.month, parsed.day)
    if kind == "month_year":
        return PartialDate(int(words[1]), _MONTH_NUMBER[words[0]])
    if kind == "year":
        return PartialDate(int(text))
    base = anchor or published
    if kind == "month_shift":
        return PartialDate(base.year + _SHIFT[words[1].lower()], _MONTH_NUMBER[words[0]])
    if kind in ("month_day", "day_month", "in_month"):
        month_name = next(word for word in words if word in _MONTH_NUMBER)
        days = [int(word) for word in words if word.isdigit()]
        the_day = days[0] if days else None
        if anchor is not None:
            return PartialDate(anchor.year, _MONTH_NUMBER[month_name], the_day)
        return _latest_not_after(_MONTH_NUMBER[month_name], the_day, published)
    if kind in ("last_year", "this_year", "next_year"):
        return PartialDate(base.year + _SHIFT[words[0].lower()])
    return None  # "recent years", centuries: periods, not calendar dates


# References -------------------------------------------------------------------------------

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


# The stage ------------------------------------------------------------------------------------


_GENERIC_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|its|their|last|next|upcoming|recent|year[’']s|\w+[’']s|\w+s[’'])\s+"
    r"(?:(?:[A-Z][\w-]+|(?:1[89]|20)\d\d)\s+){0,2}|\b(?:1[89]|20)\d\d\s+)[“‘\"']?$",
    re.IGNORECASE,
)


def _definite(text: str, start: int, matched: str) -> bool:
    """Whether a generic phrase refers to one event: a determiner or a year before it ("the
    summit", "the 2023 summit", "this year’s summit"), or a name-like phrase ("NATO Summit")."""
    if _GENERIC_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    words = matched.split()
    first = words[0]
    return (len(first) > 1 and first.isupper()) or (
        len(words) > 1 and all(word[:1].isupper() for word in words)
    )


def _title_case(text: str) -> bool:
    """A heading in title case or capitals: its capitals say nothing about names."""
    words = [word for word in re.findall(r"[^\W\d_][\w’'-]*", text) if len(word) > 3]
    return len(words) >= 3 and sum(word[:1].isupper() for word in words) >= 0.8 * len(words)


def _overlapping(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(left < end and start < right for left, right in spans)


def annotate_article(article: LoadedArticle, matchers: Matchers) -> AnnotatedArticle:
    text = article.text
    reading = text.reading_text
    sentences = split_sentences(text)
    starts = [sentence.start for sentence in sentences]
    paragraphs = [sentence.paragraph for sentence in sentences]

    def place(start: int) -> tuple[str, int]:
        index = _sentence_index(starts, start)
        return paragraphs[index], index

    headings = [
        (b.start, b.end)
        for b in text.blocks
        if (b.kind == "heading" or not b.text.rstrip("”’\"') ").endswith((".", "!", "?")))
        and _title_case(b.text)
    ]

    def exempt(offset: int) -> bool:
        return any(left <= offset < right for left, right in headings)

    # The article's own annotations first: a knowledge-base form they overlap gives way.
    own_actors = [
        ActorMention(
            item.actor, reading[span.start : span.end], span.start, span.end, *place(span.start)
        )
        for item in article.meta.passages
        if item.actor is not None
        for span in item.spans
    ]
    own_events = [
        EventMention(
            item.event, reading[span.start : span.end], span.start, span.end, *place(span.start)
        )
        for item in article.meta.passages
        if item.event is not None
        for span in item.spans
    ]
    own_actor_spans = [(m.start, m.end) for m in own_actors]
    own_event_spans = [(m.start, m.end) for m in own_events]
    found = _context_blocks(reading, matchers.actors.find(reading), matchers.actors.kinds, exempt)
    actor_mentions = sorted(
        own_actors
        + [
            ActorMention(actor, form, start, end, *place(start))
            for actor, form, start, end in found
            if not _overlapping(own_actor_spans, start, end)
        ],
        key=lambda m: m.start,
    )
    event_mentions = own_events + [
        EventMention(event, form, start, end, *place(start))
        for event, form, start, end in matchers.events.find(reading)
        if not _overlapping(own_event_spans, start, end)
    ]

    published = article.meta.published.value
    raw_dates = _find_dates(reading, published, place)
    generic, unresolved = _generic_events(
        reading, text, matchers, event_mentions, raw_dates, published, place
    )
    event_mentions = sorted(event_mentions + generic, key=lambda m: m.start)
    events_by_sentence: dict[int, list[str]] = {}
    for mention in event_mentions:
        events_by_sentence.setdefault(mention.sentence, []).append(mention.event)

    undated = [
        (span.start, span.end) for item in article.meta.dates_without_event for span in item.spans
    ]
    dates: list[DateMention] = []
    for date in raw_dates:
        marked = any(a <= date.start and date.end <= b for a, b in undated)
        # A period ("in recent years") names no event; a month whose year is unknown may.
        linkable = not marked and (
            date.value is not None or any(word in _MONTH_NUMBER for word in date.text.split())
        )
        in_sentence = [
            event
            for event in events_by_sentence.get(date.sentence, [])
            if linkable
            and (
                date.value is None
                or _within(date.value, matchers.event_dates[event], matchers.event_ends[event])
            )
        ]
        dates.append(date._replace(event=in_sentence[0] if len(set(in_sentence)) == 1 else None))
    words = len(reading.split())
    return AnnotatedArticle(
        path=article.path,
        meta=article.meta,
        text=text,
        capture=article.capture,
        sentences=sentences,
        mentions=tuple(actor_mentions),
        event_mentions=tuple(event_mentions),
        dates=tuple(dates),
        references=_references(text),
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        unresolved_events=tuple(unresolved),
    )


def _find_dates(
    reading: str, published: PartialDate, place: Callable[[int], tuple[str, int]]
) -> list[DateMention]:
    """Every temporal expression outside addresses and names, resolved; a relative one against
    the latest absolute date before it in its paragraph, else the publication date."""
    addresses = [m.span() for m in _ADDRESS_RE.finditer(reading)]
    dates: list[DateMention] = []
    anchor: tuple[str, PartialDate] | None = None  # (paragraph, date)
    for match in _DATE_RE.finditer(reading):
        kind = match.lastgroup or "year"
        start, end = match.span()
        if _overlapping(addresses, start, end) or (kind == "year" and _in_name(reading, start)):
            continue
        paragraph, sentence = place(start)
        base = anchor[1] if anchor is not None and anchor[0] == paragraph else None
        relative = kind in _RELATIVE
        value = resolve_date(kind, match.group(), published, base if relative else None)
        if not relative and value is not None:
            anchor = (paragraph, value)
        dates.append(
            DateMention(
                text=match.group(),
                start=start,
                end=end,
                paragraph=paragraph,
                sentence=sentence,
                kind="relative" if relative else "absolute",
                value=value,
                event=None,
            )
        )
    return dates


def _generic_events(
    reading: str,
    text: ArticleText,
    matchers: Matchers,
    named: Sequence[EventMention],
    dates: Sequence[DateMention],
    published: PartialDate,
    place: Callable[[int], tuple[str, int]],
) -> tuple[list[EventMention], list[UnresolvedReference]]:
    """Generic references ("the NATO summit", "the summit in Vilnius", "the 2023 summit"), each
    given the one event that the places and dates around it fit: in its sentence, then its
    paragraph, then the publication date. Where none fits, or several, it is left unresolved."""
    named_spans = [(m.start, m.end) for m in named]
    resolved: list[EventMention] = []
    unresolved: list[UnresolvedReference] = []
    for phrase, matched, start, end in matchers.generic.find(reading):
        if _overlapping(named_spans, start, end) or not _definite(reading, start, matched):
            continue
        paragraph, sentence = place(start)
        candidates = list(matchers.generic_events[phrase])
        block = text.block_at(start)
        sentence_span = _sentence_span(text, reading, start)
        levels = (
            (reading[sentence_span[0] : sentence_span[1]], sentence_span, True),
            (block.text, (block.start, block.end), False),
        )
        choice: str | None = None
        for level_text, (low, high), strict in levels:
            level_dates = [d.value for d in dates if d.value and low <= d.start < high]
            by_place = [
                e
                for e in candidates
                if any(
                    re.search(rf"\b{re.escape(p)}\b", level_text) for p in matchers.event_places[e]
                )
            ]
            by_date = [
                e
                for e in candidates
                if any(
                    _within(v, matchers.event_dates[e], matchers.event_ends[e]) for v in level_dates
                )
            ]
            if by_place and by_date:
                fits = [e for e in by_place if e in by_date] or (by_place if strict else by_date)
            else:
                fits = by_place or by_date
            if fits:
                candidates = fits
            elif level_dates and strict:
                candidates = []  # the sentence dates it, and no such event is known
            if len(candidates) <= 1:
                break
        if len(candidates) > 1:
            same_year = [
                e
                for e in candidates
                if matchers.event_dates[e].year
                <= published.year
                <= (matchers.event_ends[e] or matchers.event_dates[e]).year
            ]
            candidates = same_year or candidates
        if len(candidates) == 1:
            choice = candidates[0]
            # "the summit in Vilnius": the place that decided it is part of the reference.
            for name in matchers.event_places[choice]:
                tail = re.match(rf" (?:in|of|at) {re.escape(name)}\b", reading[end : end + 80])
                if tail is not None:
                    end += tail.end()
                    matched = reading[start:end]
                    break
            resolved.append(EventMention(choice, matched, start, end, paragraph, sentence))
        else:
            unresolved.append(
                UnresolvedReference(
                    matched,
                    start,
                    end,
                    paragraph,
                    sentence,
                    tuple(candidates) or matchers.generic_events[phrase],
                )
            )
    return resolved, unresolved


def _sentence_span(text: ArticleText, reading: str, offset: int) -> tuple[int, int]:
    block = text.block_at(offset)
    low = max(
        (m.end() for m in _SENTENCE_END.finditer(reading, block.start, offset)), default=block.start
    )
    found = _SENTENCE_END.search(reading, offset, block.end)
    return low, found.end() if found else block.end
