"""Warnings for the maintainer: names and dated phrases that the knowledge base does not cover.

This is the work list when a new article arrives: each capitalised name that no actor or event form
names whole, and each dated phrase that is tied to no event.

A capitalised phrase is cut into the names it holds before it is looked up: lists at "and" and
commas, possessives ("Japan's"), and titles ("Prime Minister", "Secretary General") that stand
before a name. A name is covered only when one form names it whole: "European Union" is not covered
by the form "European" of Europe, and "Georgia" in "The European Union and Georgia" is a name of
its own. Each warning carries a stub for actors.yaml (or events.yaml) with a guess at the type.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate

import msgspec

from natocorpus.diagnostics import Diagnostic, warning
from natocorpus.model import AnnotatedArticle, Block, CorpusSettings, KnowledgeBase

# Words -------------------------------------------------------------------------------------


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A word: letters, digits, inner hyphens, apostrophes, stops ("U.S.", "Jong-sup", "Japan's").
_WORD = re.compile(r"\w(?:[\w’'\-]|\.(?=\w))*\.?")
_ABBREVIATED = re.compile(
    r"^(?:\w\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Adm|Lt|Col|Capt|Maj|Sen|Rep|Prof)\.$"
)
_POSSESSIVE = re.compile(r"(?<=\w)(?:[’']s|(?<=[sS])[’'])$")
# Endings that make an adjective of a name: "NATO-led", "Tokyo-based", "European-centric".
_ADJECTIVE_ENDING = re.compile(
    r"-(?:led|based|backed|centric|centred|centered|friendly|made|owned|born|style|like|related|"
    r"oriented|sponsored|funded|focused|bound|dominated|controlled|allied|aligned|wide|specific|"
    r"driven|initiated|proposed|brokered|built|hosted|linked|minded)$"
)
_OPENING_QUOTES = "“‘\"'«"
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")

_MONTHS = _set(
    "January February March April May June July August September October November December"
)
_WEEKDAYS = _set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# Closed-class words: a capital on them says nothing about a name, wherever they stand.
_FUNCTION_WORDS = _set(
    """A An The This That These Those It Its In On At By For From Of To With As And But Or Nor So
    Yet If When While Since Until After Before Although Though However Moreover Instead Unlike
    Along Against Under Over Through Between Among During Despite Also Even Only Many Some Such
    Both Each Every All Any No Not Their They There Here We Our You Your He She His Her Who What
    Which Where Why How I Me My Us Them Him Is Are Was Were Be Been Has Have Had Do Does Did Will
    Would Shall Should Can Could Must Might Let Than Then Because Whether Whose Whom Within Without
    Beyond Upon Toward Towards Amid Amidst Via Per Neither Either Whereas Whilst Once Yes
    Everyone Everybody Nobody Someone Somebody Anyone Anybody"""
)
# Words that open a sentence or a clause and are not names: dropped there, where a capital is
# the sentence's and not the word's.
_OPENERS = _set(
    """Meanwhile Still Thus Therefore Furthermore Additionally Earlier Later Last Next Today
    Yesterday Tomorrow Now Indeed Overall Similarly Likewise Nevertheless Nonetheless Hence
    Besides Given Including Regarding According Following Speaking Asked Most More Several Other
    Another Further First Second Third Finally Lastly Firstly Secondly Currently Recently Together
    Again Just Very Much Please Note See Read Watch Photo Source Update Editor Related"""
)
# Lower-case words that may stand inside a name: "Jaap de Hoop Scheffer", "Ursula von der Leyen".
_INNER = _set("de du des la le von van der den al el bin")
# Lower-case words that stand inside a name only after a head word: "Bank of Japan", "Mission to
# the European Union", "Centre for Strategic Studies", "Ministry of Science and Technology"; not
# "John Aquilino of INDOPACOM" or "Georgia to Ukraine".
_INNER_AFTER_HEAD = _set("of for to on and")
# The words between two capitalised words that make them one name: "of", "to the".
_JOINED_BY = re.compile(
    r"\s+(" + "|".join(sorted(_INNER | _INNER_AFTER_HEAD)) + r")(?:\s+(the))?\s+"
)
_NOT_NAMES = _MONTHS | _WEEKDAYS | {"I"}
# A word that begins with a capital (Latin; a lower-case letter of the ranges is sorted out after),
# with the word boundaries of _WORD.
_CAPITAL = re.compile(r"(?=[A-ZÀ-ÖØ-ÞĀ-ſ])(?<!\w)(?<!\w[’'\-.])\w(?:[\w’'\-]|\.(?=\w))*\.?")
_WORD_CHAR = re.compile(r"\w")

# Head words of organisations: a phrase that holds one names a body, not a person.
_ORGANISATION_HEADS = _set(
    """Ministry Mission Agency Council Department Office Institute Institution Commission
    Committee Embassy Consulate Academy University College School Organization Organisation
    Association Union Bank Fund Forum Centre Center Command Force Forces Army Navy Guard Corps
    Party Parliament Assembly Congress Senate Diet Court Cabinet Government Administration
    Secretariat Bureau Authority Board Service Services Foundation Corporation Company Group
    Society Federation League Coalition Alliance Partnership Network Initiative Program Programme
    Agency News Times Post Press Herald Journal Review Daily Tribune Agency Broadcasting
    Television Radio Channel Network Institute Library Museum Observatory Laboratory
    Headquarters Staff Chamber Conference Republic Kingdom Federation Community"""
)
_EVENT_HEADS = _set(
    """Summit Conference Meeting Dialogue Talks War Games Olympics Exercise Exercises Drill Drills
    Crisis Invasion Revolution Election Elections Visit Ministerial"""
)
_DOCUMENT_HEADS = _set(
    """Treaty Concept Declaration Communiqué Communique Charter Strategy Agreement Accord Act
    Report Doctrine Paper Statement Resolution Convention Protocol Plan Review"""
)
_REGION_HEADS = _set(
    """Sea Ocean Strait Straits Peninsula Gulf Bay Islands Island Archipelago Region Basin
    Mountains Continent Arctic Antarctic"""
)

# Titles: words before a name that say what the person is ("Prime Minister Kishida Fumio").
_TITLE_HEADS = _set(
    """President Vice-President President-elect Minister Secretary Secretary-General General
    Admiral Chancellor Vice-Chancellor Ambassador Chairman Chairwoman Chair Chairperson Commander
    Director Director-General Spokesperson Spokesman Spokeswoman Premier Governor Senator
    Congressman Congresswoman Representative King Queen Emperor Empress Prince Princess Pope Mr
    Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Gen Adm Lt Col Maj Capt Sen Rep Colonel
    Captain Major Lieutenant Marshal Envoy Adviser Advisor Councillor Counsellor Councilor Counselor
    Mayor Justice
    Judge Officer Leader Speaker Undersecretary Under-Secretary Consul Attaché Chargé Sheikh
    Ayatollah Deputy Commissioner Chief Head"""
)
# Words that stand before a title's head: "Deputy Secretary General", "Foreign Minister".
_TITLE_MODIFIERS = _set(
    """Prime Foreign Defence Defense Deputy Vice Chief Assistant Under Senior Special Executive
    Finance Trade Interior Home First Lieutenant Acting Permanent Former Cabinet State Economy
    Economic Security National Military Joint Supreme Allied Rear Attorney Lord Grand Secretary
    General Commander Director High Minister Education Health Justice"""
)
# The portfolio after a title's "of"/"for": "Secretary of State", "Minister for Foreign Affairs".
_PORTFOLIO = _set(
    """State Defence Defense Foreign Affairs Home Interior Finance Trade Staff Justice Economy
    Commerce National Treasury Energy Security the Internal External Education Health"""
)
# Bodies of a state named in lower case after it: "the Chinese embassy in Japan".
_BODY = re.compile(
    r" (?:(?:foreign|defen[cs]e|interior|finance) ministry|embassy|mission|consulate|delegation"
    r"|navy|army|air force|coast guard|parliament|foreign office)"
    r"(?:(?= (?:in|to) ) (?:in|to)(?: the)? [A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*)?(?!\w)"
)
_TITLE_WORDS = _TITLE_HEADS | _TITLE_MODIFIERS
_LISTED = re.compile(r"[’'s]*(?:,| and )")
_NAME_LIST = re.compile(
    r"[’'s]*(?:, (?:the )?[A-Z][\w’'\-.]*(?: [A-Z][\w’'\-.]*)*)*,? and (?:the )?[A-Z]"
)
_QUOTE_CLOSES = re.compile(r"[”’\"'»]")
# A verb of saying after a word: "Kishida said", "Xinhua reported".
_SPEAKER = re.compile(
    r" (?:said|says|told|stated|announced|added|noted|warned|urged|stressed|emphasi[sz]ed"
    r"|reported|insisted|argued|claimed|confirmed|denied|declared|replied|responded|wrote)\b"
)
_NAME_HEADS = _ORGANISATION_HEADS | _EVENT_HEADS | _DOCUMENT_HEADS | _REGION_HEADS
_COMPASS = _set("North South East West Northern Southern Eastern Western Central")
_HEADS = _ORGANISATION_HEADS | _EVENT_HEADS | _DOCUMENT_HEADS | _TITLE_HEADS | _REGION_HEADS
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|ic)$")
_PLAIN_YAML = re.compile(r"^[A-Za-z][\w .’'\-]*[\w.’]$|^[A-Za-z]$")
_YAML_WORDS = _set("yes no true false on off null y n")


class _Word(msgspec.Struct):
    text: str  # without a possessive ending
    start: int  # offsets in the reading text
    end: int  # the end of the name: before a possessive or an adjective's ending
    weak: bool  # capitalised by its place: a sentence's, a heading's, a quotation's first word
    possessive: bool
    gap: str  # the characters between the previous word and this one


def _words(block: Block, sentence_starts: frozenset[int]) -> list[_Word]:
    """The capitalised words of a block, but months, weekdays and "I". What stands between two
    of them is the later one's gap: a lower-case word there breaks a name, unless it joins one."""
    text = block.text
    words: list[_Word] = []
    previous = 0
    for match in _CAPITAL.finditer(text):
        raw = match.group()
        if not raw[0].isupper():
            continue
        at = match.start()
        if raw.endswith(".") and not _ABBREVIATED.match(raw):
            raw = raw[:-1]  # the full stop ends the sentence, not the word
        if raw.endswith(("’", "'")) and not raw[:-1].endswith(("s", "S")):
            raw = raw[:-1]  # a closing quote: "the ‘Squad’"
        possessive = _POSSESSIVE.search(raw) if "'" in raw or "’" in raw else None
        name = raw[: possessive.start()] if possessive else raw
        if name in _NOT_NAMES:
            continue
        if "-" in name:
            adjective = _ADJECTIVE_ENDING.search(name)
            if adjective:
                name = name[: adjective.start()]  # the name in "NATO-led"
        gap = text[previous:at]
        start = block.start + at
        before = gap.rstrip()
        weak = start in sentence_starts or _WORD_CHAR.search(text, 0, at) is None
        if not weak and before:
            last = before[-1]
            weak = (
                last == "•"
                # An opening quote may open a quoted sentence, but a quoted word alone is a
                # name or a term ("the so-called “Squad”").
                or (last in _OPENING_QUOTES and not _QUOTE_CLOSES.match(text, at + len(raw)))
                # A dash after a dateline ("BRUSSELS, July 12 (AA) – The ...") opens the text;
                # a dash after lower-case words is inside a sentence ("the four – Georgia, ...").
                or (last in "–—-" and not any(w[0].islower() for w in _WORD.findall(text, 0, at)))
                # After a colon a capital may open a clause ("Editor's note: Originally
                # published") or a list of names ("partners: Japan, Korea and Australia").
                or (last == ":" and not _LISTED.match(text, at + len(raw)))
            )
        if weak and _speaker_shaped(name):
            after = at + len(raw)
            # "Kishida said": the subject of a verb of saying is someone; "Georgia, Moldova and
            # Armenia": a list of capitalised words is a list of names.
            weak = not (_SPEAKER.match(text, after) or _NAME_LIST.match(text, after))
        words.append(_Word(name, start, start + len(name), weak, possessive is not None, gap))
        previous = at + len(raw)
    return words


def _speaker_shaped(word: str) -> bool:
    """Not a plural ("Officials said"), an adverb, a participle or a closed-class word."""
    return (
        not word.endswith(("s", "ly", "ing", "ed"))
        and word not in _FUNCTION_WORDS
        and word not in _OPENERS
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _runs(words: list[_Word]) -> list[list[_Word]]:
    """Maximal runs of capitalised words, joined by spaces and inner lower-case words."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for word in words:
        if current and (not current[-1].possessive or _office(current[-1], word)):
            if word.gap.isspace():
                current.append(word)
                continue
            inner = _JOINED_BY.fullmatch(word.gap)
            if inner is not None and _inner_allowed(current, inner.group(1), inner.group(2)):
                # The joining words as words of the name: "Mission to the European Union".
                offset = word.start - len(word.gap)
                for group in (1, 2):
                    if inner.group(group):
                        begin = offset + inner.start(group)
                        joining = inner.group(group)
                        current.append(
                            _Word(joining, begin, begin + len(joining), False, False, " ")
                        )
                current.append(word)
                continue
        if current:
            runs.append(current)
        current = [word]
    if current:
        runs.append(current)
    return runs


def _office(possessor: _Word, word: _Word) -> bool:
    """A title's possessive before a body is one name: "the Prime Minister's Office"."""
    return possessor.text in _TITLE_HEADS and word.text in _ORGANISATION_HEADS


def _inner_allowed(run: list[_Word], word: str, the: str | None) -> bool:
    """'de', 'von'... join names of people; 'of', 'for', 'to', 'on' follow a head word; 'and'
    only inside an organisation's "of" phrase ("Ministry of Science and Technology"), and not
    before "the" ("the Republic of Korea and the Sea of Japan")."""
    if word in _INNER:
        return the is None
    texts = [w.text for w in run]
    if word == "and":
        if the is not None:
            return False
        return (
            "of" in texts
            and "and" not in texts
            and any(t in _ORGANISATION_HEADS for t in texts[: texts.index("of")])
        )
    last = texts[-1]
    return last in _HEADS


class _Piece(msgspec.Struct):
    words: list[_Word]
    titled: bool  # a title stood before it


def _pieces(run: list[_Word]) -> list[_Piece]:
    """The names in one capitalised run: cut at possessives and titles, stripped of the words
    that are capitalised by their place or class."""
    pieces: list[_Piece] = []
    current: list[_Word] = []
    titled = False

    def close(next_titled: bool = False) -> None:
        nonlocal current, titled
        words = _trim(current)
        if words and not all(w.text.rstrip(".") in _TITLE_WORDS for w in words):
            # (a title alone, as in "the Prime Minister's office", names no one in particular)
            pieces.append(_Piece(words, titled))
        current, titled = [], next_titled

    i = 0
    while i < len(run):
        title_end = _title_at(run, i)
        if title_end > i:
            close(next_titled=title_end < len(run))
            i = title_end
            continue
        current.append(run[i])
        if run[i].possessive and not (i + 1 < len(run) and _office(run[i], run[i + 1])):
            close()
        i += 1
    close()
    return pieces


def _title_at(run: list[_Word], i: int) -> int:
    """The end of a title beginning at run[i] and followed by a name (or ending the run), or i."""
    if i > 0 and not _capitalised(run[i - 1].text):
        return i  # after "of": a portfolio or a name ("Department of Justice")
    j = i
    head_end = i
    while j < len(run) and run[j].text.rstrip(".") in _TITLE_WORDS:
        if run[j].text.rstrip(".") in _TITLE_HEADS:
            head_end = j + 1
        if run[j].possessive:
            j += 1
            break
        j += 1
    if head_end == i:
        return i
    j = head_end
    # A portfolio: "Secretary of State", "Minister for Foreign Affairs".
    if j + 1 < len(run) and run[j].text in ("of", "for") and run[j + 1].text in _PORTFOLIO:
        k = j + 1
        while k < len(run) and run[k].text in _PORTFOLIO:
            k += 1
        j = k
    if j == len(run):
        return j  # an office without a name ("the Prime Minister"): not a name to add
    following = run[j].text
    if following in _ORGANISATION_HEADS | _EVENT_HEADS | _DOCUMENT_HEADS or not _capitalised(
        following
    ):
        if following in _INNER | _INNER_AFTER_HEAD:
            return j  # "Ambassador to Japan": the title, then a place
        return i  # "General Assembly": a name, not a title
    return j


def _trim(words: list[_Word]) -> list[_Word]:
    """Without lower-case words at the ends, leading function words, and a first word that is
    capitalised only by its place (a sentence's first, after a colon or an opening quote)."""
    words = list(words)
    while words and (not _capitalised(words[0].text) or words[0].text in _FUNCTION_WORDS):
        words.pop(0)
    while words and not _capitalised(words[-1].text):
        words.pop()
    # A single word there is dropped, unless it takes a possessive, as names do ("Georgia's"),
    # or is an acronym or a compound of names ("ASEAN", "IP4", "Indo-Pacific").
    single = len(words) == 1 and not words[0].possessive and not _name_shaped(words[0].text)
    if words and words[0].weak and (single or words[0].text in _OPENERS):
        words.pop(0)
        while words and (not _capitalised(words[0].text) or words[0].text in _FUNCTION_WORDS):
            words.pop(0)
    return words


# Spans --------------------------------------------------------------------------------------


class _Spans(msgspec.Struct, frozen=True):
    """Sorted spans with running maxima of their ends, for overlap tests in O(log n)."""

    starts: list[int]
    max_ends: list[int]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> _Spans:
        ordered = sorted(spans)
        max_ends = list(accumulate((e for _, e in ordered), max))
        return cls([s for s, _ in ordered], max_ends)


def _overlaps(spans: _Spans, start: int, end: int) -> bool:
    before = bisect_left(spans.starts, end)
    return before > 0 and spans.max_ends[before - 1] > start


_Trie = dict[str, "_Trie"]


def _trie_pattern(forms: Iterable[str]) -> str:
    """A regex matching any of `forms`, the longest first at each position."""
    trie: _Trie = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class _Named(msgspec.Struct, frozen=True):
    """A stretch of text that names something known: a mention, or a known or ignored phrase."""

    start: int
    end: int
    owner: str | None  # the actor or event, when known
    # A known form the annotator did not take there (a rule turned it down): it covers a name
    # that it is whole ("in Washington", a venue), not a part of a longer one.
    whole_only: bool = False


class _Miss(msgspec.Struct):
    """A name to add: where it is, the phrase, a note on its known parts, a type guess, forms."""

    line: int
    phrase: str
    hint: str
    kind: str
    forms: list[str]

    def message(self, year: int, ids: frozenset[str] = frozenset()) -> str:
        """The warning, then the entry to paste; `ids` are those the knowledge base has."""
        name, forms = self.phrase, self.forms
        if self.kind == "event":
            target = "events.yaml"
            stub = [
                f"- id: {_yaml(_slug(name))}",
                f"  name: {_yaml(name)}",
                f"  type: {_event_type(name)}  # a guess: check it",
                f'  date: "{year}"  # a guess: when it was',
                "  precision: year",
                f"  description: {_yaml('TODO: what ' + name + ' was')}",
                f"  forms: [{', '.join(_yaml(f) for f in forms)}]",
            ]
        else:
            target = "actors.yaml"
            last = name.split()[-1]
            if self.kind == "state" and _DEMONYM.match(last):
                name = name[: -len(last)] + _country_of(last)  # "South Korean": "South Korea"
            stub = [
                f"- id: {_yaml(_slug(name))}",
                f"  name: {_yaml(name)}",
                f"  type: {self.kind}  # a guess: check it",
                f"  description: {_yaml('TODO: who or what ' + name + ' is')}",
                f"  forms: [{', '.join(_yaml(f) for f in forms)}]",
            ]
        advice = f"add it to {target}"
        taken = _slug(name)
        if taken in ids:
            # "Kishida Fumio" where kishida-fumio is known by "Kishida" alone.
            advice = (
                f"if it names {taken}, add it to that entry's forms; otherwise add it to {target} "
                "under an id of its own"
            )
            stub[0] = f"- id: {taken}-2  # {taken} is taken"
        return (
            f"{self.phrase!r} is not covered by any actor or event{self.hint}: {advice}, or list "
            "it under not_actors in corpus.yaml:\n" + "\n".join(stub)
        )


# The check ---------------------------------------------------------------------------------------


class CoverageCheck(msgspec.Struct, frozen=True):
    """The knowledge base's forms and the phrases declared not actors: what is not a miss."""

    known: frozenset[str]
    ignored: frozenset[str]
    owners: dict[str, str] = {}  # form -> actor or event id
    kinds: dict[str, str] = {}  # actor id -> its type
    pattern: re.Pattern[str] | None = None  # any known or ignored phrase, word-bounded
    ids: frozenset[str] = frozenset()  # of actors and events

    @classmethod
    def for_corpus(cls, knowledge: KnowledgeBase, settings: CorpusSettings) -> CoverageCheck:
        # A known form that its rule turned down (a capital as a venue) was decided, not missed.
        owners = {form.text: actor.id for actor in knowledge.actors for form in actor.forms}
        owners.update({form: event.id for event in knowledge.events for form in event.forms})
        ignored = frozenset(item.text for item in settings.not_actors)
        phrases = sorted(set(owners) | ignored)
        pattern = re.compile(rf"(?<!\w)(?:{_trie_pattern(phrases)})(?!\w)") if phrases else None
        return cls(
            frozenset(owners),
            ignored,
            owners,
            {actor.id: actor.type for actor in knowledge.actors},
            pattern,
            frozenset(actor.id for actor in knowledge.actors)
            | frozenset(event.id for event in knowledge.events),
        )

    def of(self, article: AnnotatedArticle) -> tuple[Diagnostic, ...]:
        """Capitalised names no form names whole, and absolute dates tied to no event."""
        return (*self._names_missed(article), *_dates_missed(article))

    def _named(self, article: AnnotatedArticle) -> list[_Named]:
        named = [_Named(m.start, m.end, m.actor) for m in article.mentions]
        named += [_Named(m.start, m.end, m.event) for m in article.event_mentions]
        named += [_Named(d.start, d.end, None) for d in article.dates]
        if self.pattern is not None:
            for match in self.pattern.finditer(article.text.reading_text):
                text = match.group()
                ignored = text in self.ignored
                owner = None if ignored else self.owners.get(text)
                named.append(_Named(match.start(), match.end(), owner, not ignored))
        return sorted(named, key=lambda n: (n.start, -n.end))

    def _names_missed(self, article: AnnotatedArticle) -> list[Diagnostic]:
        """Names that no form names whole, each once, with a stub to add."""
        named = self._named(article)
        starts = [n.start for n in named]
        exact = {(n.start, n.end): n.owner for n in named}
        reading = article.text.reading_text
        # Where each sentence's first word begins, after any opening quote or bracket.
        sentence_starts = frozenset(
            first.start()
            for sentence in article.sentences
            if (first := _WORD_CHAR.search(reading, sentence.start, sentence.end)) is not None
        )
        misses: list[_Miss] = []
        seen: set[str] = set()
        for block in article.text.blocks:
            if _bibliography(block) or block.text.upper() == block.text:
                continue  # references' names are authors; all capitals say nothing of names
            quoted = _titles_of_works(block)
            words = _words(block, sentence_starts)
            # The last name: a miss, or a known one's text and owner.
            previous: _Miss | tuple[str, str] | None = None
            for start, end, heading in quoted:
                # A quoted title is one name, of a work, a programme or a slogan.
                inside = [w for w in words if start <= w.start and w.end <= end]
                while inside and inside[0].text in ("the", "The", "a", "A", "an", "An"):
                    inside.pop(0)  # the title is the rest: "the “Partnership for Peace”"
                if heading or not inside:
                    continue
                report = self._report(_Piece(inside, False), named, starts, reading)
                if report is not None and report[0] not in seen | self.known | self.ignored:
                    phrase, hint, _ = report
                    seen.add(phrase)
                    misses.append(_Miss(block.source_line, phrase, hint, "document", [phrase]))
            for run in _runs(words):
                span = (run[0].start, run[-1].end)
                if span in exact:
                    # Most runs are one known name: the cheapest test first.
                    owner = exact[span]
                    previous = (reading[span[0] : span[1]], owner) if owner else None
                    continue
                title = next((h for s, e, h in quoted if s <= run[0].start < e), None)
                for piece in _pieces(run):
                    if title is not None and not _named_in_title(piece, heading=title):
                        continue  # a title's capitals are the title's, not the names'
                    report = self._report(piece, named, starts, reading)
                    if report is None:
                        owner = self._whole_owner(piece, named, starts)
                        previous = (_text(piece.words, reading), owner) if owner else None
                        continue
                    phrase, hint, kind = report
                    if previous is not None and _abbreviates(piece, phrase, previous):
                        if isinstance(previous, _Miss):
                            previous.forms.append(phrase)  # "Indo-Pacific Four (IP4)"
                            seen.add(phrase)
                            continue
                        hint = f"; it stands in brackets after {previous[0]!r} ({previous[1]})"
                    if phrase in seen or phrase in self.known or phrase in self.ignored:
                        previous = None
                        continue
                    seen.add(phrase)
                    previous = _Miss(block.source_line, phrase, hint, kind, [phrase])
                    misses.append(previous)
        misses += self._bodies_of_states(article, seen)
        year = article.meta.published.value.year
        return [
            warning(article.path, miss.line, "mentions", miss.message(year, self.ids))
            for miss in misses
        ]

    def _bodies_of_states(self, article: AnnotatedArticle, seen: set[str]) -> list[_Miss]:
        """A state's name before a lower-case body ("the Chinese embassy in Japan", "the
        Japanese defence ministry"): an actor of its own, which the state's forms do not name."""
        reading = article.text.reading_text
        found: list[_Miss] = []
        for mention in article.mentions:
            if self.kinds.get(mention.actor) != "state":
                continue
            match = _BODY.match(reading, mention.end)
            if match is None:
                continue
            end = match.end()
            phrase = " ".join(reading[mention.start : end].split())
            if phrase in seen or phrase in self.known:
                continue
            seen.add(phrase)
            found.append(
                _Miss(
                    article.text.block_at(mention.start).source_line,
                    phrase,
                    f"; {mention.text!r} alone is {mention.actor}, which does not name the body",
                    "organisation",
                    [phrase],
                )
            )
        return found

    def _whole_owner(self, piece: _Piece, named: list[_Named], starts: list[int]) -> str | None:
        """The actor or event that names the piece whole, if one does."""
        start, end = piece.words[0].start, piece.words[-1].end
        for n in _touching(named, starts, start, end):
            if n.start <= start and end <= n.end:
                return n.owner
        return None

    def _report(
        self, piece: _Piece, named: list[_Named], starts: list[int], reading: str
    ) -> tuple[str, str, str] | None:
        """What to warn about in one piece: (the phrase, a note on its known parts, a type
        guess), or None when one form names it whole or it is no name."""
        words = piece.words
        start, end = words[0].start, words[-1].end
        touching = _touching(named, starts, start, end)
        if any(n.start <= start and end <= n.end for n in touching):
            return None  # one form names it whole
        touching = [n for n in touching if not n.whole_only]
        covered = [_covered(w, touching) for w in words]
        capitals = [
            i for i, w in enumerate(words) if _capitalised(w.text) and w.text not in _FUNCTION_WORDS
        ]
        if all(covered[i] or words[i].weak for i in capitals) and any(covered):
            # Names side by side, each known ("NATO Japan"), maybe after a word capitalised by its
            # place ("Critics of NATO", "Adapting NATO").
            return None
        parts = [
            (reading[n.start : n.end], n.owner)
            for n in touching
            if n.owner is not None and n.start >= start and n.end <= end
        ]
        if parts:
            # A known name and, after it, a person's name: two names ("Japan Rahm Emanuel").
            tail = [w for i, w in enumerate(words) if not covered[i]]
            first_uncovered = covered.index(False)
            if (
                all(covered[:first_uncovered])
                and tail == words[first_uncovered:]
                and _personal(tail)
            ):
                return _text(tail, reading), "", "person"
        phrase = _text(words, reading)
        if len(words) == 1 and not piece.titled and phrase in _TITLE_HEADS:
            return None
        hint = ""
        if parts:
            hint = (
                "; "
                + ", ".join(f"{text!r} alone is {owner}" for text, owner in dict.fromkeys(parts))
                + ", which does not name it whole"
            )
        return phrase, hint, _guess(words, piece.titled)


def _covered(word: _Word, touching: list[_Named]) -> bool:
    """Whether known names cover the word: whole, or each capitalised part of a hyphenated word
    ("US-Japan")."""
    parts: list[tuple[int, int]] = []
    offset = word.start
    for part in word.text.split("-"):
        if _capitalised(part):
            parts.append((offset, offset + len(part)))
        offset += len(part) + 1
    return any(n.start <= word.start and word.end <= n.end for n in touching) or (
        bool(parts) and all(any(n.start <= s and e <= n.end for n in touching) for s, e in parts)
    )


def _touching(named: list[_Named], starts: list[int], start: int, end: int) -> list[_Named]:
    """The named stretches that overlap [start, end)."""
    out = []
    # Stretches are short: look back a little from the first that starts at or after `end`.
    i = bisect_left(starts, end) - 1
    while i >= 0 and named[i].start > start - 200:
        if named[i].end > start:
            out.append(named[i])
        i -= 1
    return out[::-1]


def _text(words: Sequence[_Word], reading: str) -> str:
    """The words as the text has them, without a final possessive, spaces made single."""
    return " ".join(reading[words[0].start : words[-1].end].split())


_NAME_WORD = re.compile(r"^(?:[A-Z][a-z’']+(?:-[a-z]+)*|[A-Z]\.)$")  # "Jong-sup", "J."
_NUMBER_WORDS = _set("One Two Three Four Five Six Seven Eight Nine Ten Twenty")


def _personal(words: Sequence[_Word]) -> bool:
    """Two or three words shaped like a person's names, none a head, title, number or demonym:
    "Antonio Guterres", "Lee Jong-sup", not "Indo-Pacific Four" or "Foreign Ministry"."""
    texts = [w.text for w in words]
    return (
        2 <= len(texts) <= 3
        and all(_NAME_WORD.match(t) for t in texts)
        and not any(
            t in _ORGANISATION_HEADS
            or t in _EVENT_HEADS
            or t in _DOCUMENT_HEADS
            or t in _REGION_HEADS
            or t in _TITLE_WORDS
            or t in _NUMBER_WORDS
            for t in texts
        )
        # A demonym first makes a body of a state ("American Enterprise"); later it is a name
        # ("Brian Logan").
        and not (len(texts[0]) > 6 and _DEMONYM.match(texts[0]))
    )


def _guess(words: Sequence[_Word], titled: bool) -> str:
    texts = [w.text for w in words]
    if titled:
        return "person"
    if any(t in _EVENT_HEADS for t in texts):
        return "event"
    if any(t in _DOCUMENT_HEADS for t in texts):
        return "document"
    if any(t in _ORGANISATION_HEADS for t in texts):
        return "organisation"
    if any(t in _REGION_HEADS for t in texts):
        return "region"
    if len(texts) == 1:
        if texts[0].replace(".", "").isupper() and len(texts[0]) > 1:
            return "organisation"  # an acronym
        return "state"  # a single name: a state, or a capital standing for one
    if len(texts) == 2 and texts[0] in _COMPASS and _DEMONYM.match(texts[1]):
        return "state"  # "South Korean", "North Macedonian"
    if _personal(words):
        return "person"
    return "organisation"


def _bibliography(block: Block) -> bool:
    """A numbered item that carries a year or an address: a reference, whose names are authors."""
    return (
        block.kind == "item"
        and block.marker is not None
        and (_YEAR.search(block.text) is not None or "URL:" in block.text)
    )


def _titles_of_works(block: Block) -> list[tuple[int, int, bool]]:
    """Spans of quoted titles in title case ("“Does the Alliance Want to Become Asian?”") and of
    a heading in title case, the last True: their capitals are the title's, not the names'."""
    spans: list[tuple[int, int, bool]] = []
    if block.kind == "heading" and _title_case(block.text):
        spans.append((block.start, block.end, True))
    for match in re.finditer(r"“([^”]{3,300})”|\"([^\"]{3,300})\"", block.text):
        group = 1 if match.group(1) is not None else 2
        if _title_case(match.group(group)):
            start, end = match.span(group)
            spans.append((block.start + start, block.start + end, False))
    return spans


def _title_case(text: str) -> bool:
    """Three or more words of four letters or more, nearly all capitalised."""
    long = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", text) if len(w) >= 4]
    if len(long) < 3:
        return False
    return sum(_capitalised(w) for w in long) >= 0.8 * len(long)


def _named_in_title(piece: _Piece, *, heading: bool) -> bool:
    """Where every word is capitalised, what still shows a name: an acronym ("IP4") and, in a
    heading, a phrase with a head word ("The Role of the Pacific Islands Forum")."""
    texts = [w.text for w in piece.words]
    if len(texts) == 1 and _acronym(texts[0]):
        return True
    return heading and len(texts) > 1 and any(t in _NAME_HEADS for t in texts)


def _abbreviates(piece: _Piece, acronym: str, previous: _Miss | tuple[str, str]) -> bool:
    """Whether an acronym in brackets abbreviates the name before it, its letters in order
    initials of that name: "IP4" after "Indo-Pacific Four", "MOFA" after "Ministry of Foreign
    Affairs"; not "AA" after "ANKARA"."""
    if not piece.words[0].gap.rstrip().endswith("(") or not _acronym(acronym):
        return False
    name = previous.phrase if isinstance(previous, _Miss) else previous[0]
    initials = iter(w[0].upper() for w in re.split(r"[\s\-]+", name) if w)
    return all(letter in initials for letter in acronym.upper() if letter.isalpha())


def _name_shaped(word: str) -> bool:
    """An acronym, or a compound whose parts are all capitalised ("Indo-Pacific")."""
    parts = word.split("-")
    return _acronym(word) or (len(parts) > 1 and all(_capitalised(p) for p in parts))


def _acronym(phrase: str) -> bool:
    """One word with two capitals or more: "IP4", "EU", "NATO"."""
    return " " not in phrase and sum(c.isupper() for c in phrase) >= 2


_EVENT_TYPES = {
    "Summit": "summit",
    "Ministerial": "ministerial",
    "Visit": "visit",
    "Exercise": "operation",
    "Exercises": "operation",
    "Drill": "operation",
    "Drills": "operation",
    "Conference": "meeting",
    "Meeting": "meeting",
    "Dialogue": "meeting",
    "Talks": "meeting",
}


def _event_type(name: str) -> str:
    for word in reversed(name.split()):
        if word in _EVENT_TYPES:
            return _EVENT_TYPES[word]
    return "other"


def _country_of(demonym: str) -> str:
    """The country a demonym names, where the ending tells it ("Lithuanian" -> "Lithuania")."""
    for ending, replacement in (("ian", "ia"), ("ean", "ea"), ("ese", "")):
        if demonym.endswith(ending) and len(demonym) > len(ending) + 2:
            return demonym[: -len(ending)] + replacement
    return demonym


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "actor"


def _yaml(text: str) -> str:
    if _PLAIN_YAML.match(text) and text.lower() not in _YAML_WORDS and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _line(article: AnnotatedArticle, offset: int) -> int:
    return article.text.block_at(offset).source_line


def _dates_missed(article: AnnotatedArticle) -> list[Diagnostic]:
    """Absolute dates outside the bibliography and any name, tied to no event; once a sentence."""
    found: list[Diagnostic] = []
    reported: set[str] = set()
    names = _Spans.of(
        [(m.start, m.end) for m in article.mentions]
        + [(m.start, m.end) for m in article.event_mentions]
    )
    for date in article.dates:
        if date.kind != "absolute" or date.value is None or date.event is not None:
            continue
        block = article.text.block_at(date.start)
        if block.kind == "item" and block.marker is not None:
            continue
        if _overlaps(names, date.start, date.end):
            continue  # a year that is part of a name, as in "Strategic Concept 2010"
        sentence = article.sentence_text(date.sentence)
        key = f"{date.text}|{date.sentence}"
        if key in reported:
            continue
        reported.add(key)
        found.append(
            warning(
                article.path,
                _line(article, date.start),
                "dates",
                f"{date.text!r} is tied to no event: {sentence[:90]!r}",
            )
        )
    return found
