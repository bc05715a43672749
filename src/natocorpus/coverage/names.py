"""Finding capitalised names in a block and cutting a run of them into the names it holds:
lists, possessives, titles, words capitalised by their place."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import msgspec

from natocorpus.annotate.context import ADJECTIVE_ENDING, ADVERB
from natocorpus.annotate.references import is_reference
from natocorpus.annotate.zones import LONG_FUNCTION_WORDS
from natocorpus.coverage.words import (
    _ABBREVIATED,
    _CAPITAL,
    _COMMON_ACRONYMS,
    _COMPASS,
    _DEMONYM,
    _DOCUMENT_HEADS,
    _EDITORIAL_LABELS,
    _EVENT_HEADS,
    _FUNCTION_WORDS,
    _GOVERNMENT_NOUNS,
    _HEADS,
    _INNER,
    _INNER_AFTER_HEAD,
    _JOINED_BY,
    _LISTED,
    _NAME_HEADS,
    _NAME_LIST,
    _NO_ONE_ALONE,
    _NOT_NAMES,
    _OPENERS,
    _OPENING_QUOTES,
    _ORGANISATION_HEADS,
    _PORTFOLIO,
    _PORTFOLIOS_BEFORE_HEAD,
    _POSSESSIVE,
    _PROCESS_ENDING,
    _PROCESS_ENDINGS,
    _QUOTE_CLOSES,
    _REGION_HEADS,
    _SPEAKER,
    _SPOKEN,
    _STATE_NAMES,
    _TITLE_HEADS,
    _TITLE_WORDS,
    _WORD,
    _WORD_CHAR,
    _a_models_name,
    _a_party_and_state,
    _a_ships_class_or_number,
    _set,
)
from natocorpus.model import Block

# A byline, alone on its line or run into a headline ("... in the Far East By Aldo Carano").
_BYLINE = re.compile(
    r"(?:(?<=\s)|^)By(?:\s+[A-Z][\w.’'\-]*){1,4}(?:\s+and(?:\s+[A-Z][\w.’'\-]*){1,4})?$"
)
_FIGURE_AFTER = re.compile(r"\s+\d")
# A part's number in figures or Roman numerals, and the common noun of a part before one.
_PART_NUMBER_AFTER = re.compile(r" (?:\d{1,3}[a-z]?|[IVXL]{1,5})\b")
_NUMBERED_PART_BEFORE = re.compile(
    r"\b(?:article|chapter|section|part|paragraph|clause|annex|title|volume)s? (?:and )?$"
)
_ROMAN = re.compile(r"[IVXL]{1,5}")
_CAPITALS_LABEL = re.compile(r"(?<![\w’'])((?:[A-Z]+ ){0,2}[A-Z]+) ?:")
# A label in title case, where it opens a block: "Breaking News: The region ...".
_OPENING_LABEL = re.compile(r"((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) ?:")
_LABEL_WORDS = (
    _OPENERS | _EDITORIAL_LABELS | frozenset({"Also", "More", "Listen", "News", "Latest"})
)
# A preposition just before an opening quote: the quote is a phrase inside the sentence
# ("against “Soviet invasion.”"), whose capitals are names; after a verb or a noun, a quote may
# open a quoted sentence or a title ("remains “Open to engagement”", "the session “Priorities").
_QUOTED_INSIDE = re.compile(
    r"(?<![\w’'-])(?:against|of|for|with|from|to|into|about|over|toward|towards|between|among"
    r"|amid|despite|without|by|under|after|before|via|on) [“‘\"'«]$"
)
# A few quoted words with no stop or comma in them, closed, and a lower-case word after the
# quote: a phrase inside the sentence ("‘Asian NATO’ will"), not a quoted sentence.
_QUOTED_PHRASE_GOES_ON = re.compile(r"[^.!?…,;:“”‘’\"'«»\n]{1,40}[”’\"'»] [a-z]")
# Where a sentence opens: the block's start, after a sentence's end or an opening quote.
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?…]|[“‘\"'«])\s*$")
_LOWER_WORD_AFTER = re.compile(r" [a-z]")
_CONTRACTED = re.compile(r"^([A-Z]\w*?)(n)?[’'](?:ll|m|ve|re|d|t)$")


class _Word(msgspec.Struct):
    text: str  # without a possessive ending
    start: int  # offsets in the reading text
    end: int  # the end of the name: before a possessive or an adjective's ending
    weak: bool  # capitalised by its place: a sentence's, a heading's, a quotation's first word
    possessive: bool
    gap: str  # the characters between the previous word and this one


# A word of time joined to an office's title before it: "Then-", "Ex-".
_WHEN_IN_OFFICE = re.compile(r"(?:Then|Ex|Former|Now)-(?=[A-Z])")
# A number's label: "(No.48)", "Vol.3".
_NUMBER_LABEL = re.compile(r"(?:No|Nos|Vol|Art|Para)\.\d")
# The figures of a time of day, before "AM" or "PM".
_CLOCK_BEFORE = re.compile(r"\d\s?$")
# The common nouns of a numbered part, step or model ("Phase 4", "Tier 2", "Type 055"), which
# name no one.
_NUMBERED_STEPS = frozenset(
    {"Phase", "Stage", "Step", "Round", "Tier", "Chapter", "Section", "Type"}
)
# An amount in a currency's code run into its figures: "USD9.4", "EUR2bn".
_CODED_AMOUNT = re.compile(r"([A-Z]{3})\d[\d.,]*[a-z]{0,2}")
# Letters run into figures that a currency's sign before or a large number's word after tells as
# an amount, whatever the letters: "$NZ40 million", "RM585 billion" (the ringgit's "RM").
_LETTERED_AMOUNT = re.compile(r"[A-Z]{1,3}\d[\d.,]*")
_CURRENCY_SIGN_BEFORE = re.compile(r"[$€£¥₩]$")
_LARGE_NUMBER_AFTER = re.compile(r" (?:thousand|million|billion|trillion|bn|mn|m)\b")
# An electoral or city area after its ordinal number ("the 17th District"), which names no one.
_NUMBERED_AREAS = frozenset({"District", "Ward", "Precinct", "Constituency"})
_ORDINAL_BEFORE = re.compile(r"\b\d{1,3}(?:st|nd|rd|th) $")
# A lower-case letter and a hyphen before a capital, which coin a word ("e-Government",
# "i-Merz"); a longer prefix leaves the name a name ("pro-China", "non-NATO").
# (In a longer name, "the e-Government Forum", it is a word of that name.)
_COINED_PREFIX = re.compile(r"(?<![\w’'-])[a-z]-$")
_NAME_GOES_ON = re.compile(r" [A-Z]")
_SHARED_WITH_THE_NEXT = re.compile(
    r" (?:and|or|&) (?:North|South|East|West)(?:east|west)?(?:ern)? [A-Z]"
)
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]* $")
_BRACKET_THEN_NAME = re.compile(r"[)\]] [A-Z]")
_LETTERS_COMPOUND = re.compile(r"[A-Z]-[a-z]+")
_TITLED_WORD_AFTER = re.compile(r" [A-Z][a-z]")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w’'-])[a-z]+(?:[’']s)? $")
# A prefix in lower case that makes an adjective of crossing of a place's name, the way across it
# and not the place: "the trans-Pacific partnership", "cross-Strait ties" ("Trans-Pacific
# Partnership", with its capital, opens a name; "sub-Mediterranean" is still of the sea).
_CROSSING_PREFIX = re.compile(r"(?<![\w-])(?:trans|cross)-$")
# Holidays, as days and as greetings: "Happy New Year!", "early in the New Year", "the Christmas
# lights"; not an island named after one ("Christmas Island").
_OTHER_HOLIDAYS = r"Christmas|Easter|Thanksgiving|Ramadan|Diwali|Hanukkah|Chuseok"
_HOLIDAYS = re.compile(
    rf"\b(?:(?:(?:Happy|Merry|Lunar|Chinese) )?New Year|{_OTHER_HOLIDAYS})(?:[’']s)?"
    r"(?: (?:Day|Eve))?\b(?! Islands?\b)"
)
# Whether a block names a holiday at all: a pattern that opens with letters is scanned for in C.
_HOLIDAY = re.compile(rf"New Year|{_OTHER_HOLIDAYS}")
# A year of accounts, capitalised by some house styles: "in the Fiscal Year 2023".
_ACCOUNTS_YEAR = re.compile(r"\b(?:Fiscal|Financial|Budget) Years?\b")
# A title's portfolio of "Affairs" in words no list of portfolios holds: "Deputy Minister for
# Multinational and Global Affairs", "Minister of Veterans Affairs" (the portfolio names no one).
_AFFAIRS_PORTFOLIO = re.compile(
    r"\b(?:Minister|Secretary|Director|Director-General|Commissioner|Adviser|Advisor|Envoy"
    r"|Ambassador|Spokesperson|Spokesman|Spokeswoman)s? (?:for|of) "
    r"((?:[A-Z][\w’'-]*,? (?:and )?){1,4}Affairs)\b"
)
# A question's or an answer's label opening an interview's paragraph: "Q. Why is ...".
_INTERVIEW_LABEL = re.compile(r"[QA]\.(?= [A-Z])")


def _words(block: Block, sentence_starts: frozenset[int]) -> list[_Word]:
    """The capitalised words of a block, but months, weekdays, "I" and the spans that name no one
    (a holiday, a year of accounts, a portfolio, a label). What stands between two of them is the
    later one's gap: a lower-case word there breaks a name, unless it joins one."""
    text = block.text
    words: list[_Word] = []
    previous = 0
    skipped = [m.span() for m in _HOLIDAYS.finditer(text)] if _HOLIDAY.search(text) else []
    if "Year" in text:
        skipped += [m.span() for m in _ACCOUNTS_YEAR.finditer(text)]
    if "Affairs" in text:
        skipped += [
            m.span(1)
            for m in _AFFAIRS_PORTFOLIO.finditer(text)
            if any(word not in _PORTFOLIO | {"and"} for word in _WORD.findall(m.group(1)))
        ]
    # A word with no word character before it in the block opens the block.
    first_word = _WORD_CHAR.search(text)
    first_word_at = len(text) if first_word is None else first_word.start()
    # After an interview's label its question opens as a sentence does.
    opened_at = None
    if (label := _INTERVIEW_LABEL.match(text)) is not None:
        skipped.append(label.span())
        opened_at = label.end() + 1
    # A label in capitals before a colon ("READ MORE:", "ALSO SEE:"), or in title case opening
    # the block ("Breaking News:"), names no one.
    if ":" in text:  # in every label: a test in C before the pattern's slow scan
        skipped += [
            m.span(1)
            for m in _CAPITALS_LABEL.finditer(text)
            if all(word.capitalize() in _LABEL_WORDS for word in m.group(1).split())
        ]
        opening = _OPENING_LABEL.match(text, first_word_at)
        if opening is not None and all(w in _LABEL_WORDS for w in opening.group(1).split()):
            skipped.append(opening.span(1))
    for match in _CAPITAL.finditer(text):
        raw = match.group()
        if not raw[0].isupper():
            continue
        at = match.start()
        # Letters alone in title case, most words ("Tokyo"): no check of a label, an amount, a
        # number, a compound or a contraction can hold for them, and none is made (a fifth of the
        # coverage check's time; benchmarks/README.md).
        plain = raw.isalpha() and raw[1:].islower()
        if not plain and (when := _WHEN_IN_OFFICE.match(raw)) is not None:
            # "Then-Prime Minister Shigeru Ishiba", "Ex-President Moon": a title, then a name
            raw, at = raw[when.end() :], at + when.end()
        if (skipped and any(low <= at < high for low, high in skipped)) or (
            not plain and _NUMBER_LABEL.match(raw)
        ):
            continue
        if at > 0 and text[at - 1] == "#":
            # a hashtag, "#EUJapanCooperation" (not a handle: "@NATOpress" is an account's name)
            continue
        if raw.endswith(".") and not _ABBREVIATED.match(raw):
            raw = raw[:-1]  # the full stop ends the sentence, not the word
        if raw.endswith(("’", "'")) and not raw[:-1].endswith(("s", "S")):
            raw = raw[:-1]  # a closing quote: "the ‘Squad’"
        possessive = _POSSESSIVE.search(raw) if "'" in raw or "’" in raw else None
        name = raw[: possessive.start()] if possessive else raw
        if (
            name in _NOT_NAMES
            # a month in capitals before its day or year: "OCT 2024" (but "APR" alone may be
            # an acronym)
            or (
                name.isupper()
                and name.capitalize() in _NOT_NAMES
                and _FIGURE_AFTER.match(text, at + len(raw)) is not None
            )
            or (not plain and _contraction(name))
        ):
            continue
        if name in ("AM", "PM", "A.M", "P.M") and _CLOCK_BEFORE.search(text, 0, at):
            continue  # a time of day: "Jul 9, 2024, 8:32 AM"
        hyphen_before = at > 0 and text[at - 1] == "-"  # (before each pattern that needs one)
        if (
            hyphen_before
            and _COINED_PREFIX.search(text, max(0, at - 3), at)
            and not _NAME_GOES_ON.match(text, at + len(raw))
        ):
            continue  # a coined word of a letter and a name: "its module “i-Merz”"
        if name in _COMPASS and (
            (
                _SHARED_WITH_THE_NEXT.match(text, at + len(raw))
                and not _CAPITALISED_WORD_BEFORE.search(text, 0, at)
            )
            or (at > 0 and text[at - 1] in "([" and _BRACKET_THEN_NAME.match(text, at + len(raw)))
        ):
            # the first half of two names that share their last words, "the East and South China
            # Seas" (not the end of a name, "the Middle East and North Africa"), or a word an
            # editor put in brackets before a name, "Japan and [South] Korea"
            continue
        if (
            not plain
            and _LETTERS_COMPOUND.fullmatch(name)
            and _LOWER_WORD_BEFORE.search(text, 0, at)
        ):
            # a letter's shape and a common noun, "a U-turn", "an X-ray" (not a name's part:
            # "Yoon O-jun")
            continue
        if hyphen_before and _CROSSING_PREFIX.search(text, max(0, at - 7), at):
            continue  # an adjective of crossing or spanning: "the trans-Pacific partnership"
        if name.endswith("-"):
            name = name[:-1]  # the first half of a suspended compound: "state TV- and radio"
        if name in _NUMBERED_STEPS and _FIGURE_AFTER.match(text, at + len(raw)) is not None:
            continue  # a numbered part or step: "under Phase 4 of the programme"
        if name in _NUMBERED_AREAS and _ORDINAL_BEFORE.search(text, max(0, at - 8), at):
            continue  # an area told by its number: "(D-CA, 17th District)"
        if not plain and _an_amount_or_a_parts_number(name, text, at, at + len(raw)):
            continue
        if name == "Article" and (number := _PART_NUMBER_AFTER.match(text, at + len(raw))):
            # An article of a treaty is named with its number: "Article 5", not "Article".
            raw = name = text[at : number.end()]
        if _a_models_name(name, text, at, at + len(raw), possessive is not None):
            continue  # a model of equipment: "K2 tanks", "F-35s", "Shahed drones"
        if not plain and _a_ships_class_or_number(name, text, at):
            continue  # "an Astute-class submarine", "HMS Queen Elizabeth (R08)"
        if _a_party_and_state(text, at):
            continue  # "Jeanne Shaheen (D-NH)"
        # Where the next word's gap begins: after an adjective's ending, which joins no name to
        # the word after it ("a Tokyo-based Chinese diplomat").
        word_end = at + len(raw)
        if "-" in name:
            adjective = ADJECTIVE_ENDING.search(name)
            if adjective:
                name = name[: adjective.start()]  # the name in "NATO-led"
                word_end = at + len(name)
        if (
            (not plain or name.endswith(_PROCESS_ENDINGS))
            and (process := _PROCESS_ENDING.search(name)) is not None
            and (
                name[: process.start()].isupper()
                or "-" in name
                or name[: process.start()] in _STATE_NAMES
            )
        ):
            # the name in "NATOization", "Asia-Pacificized", "Finlandization" (not
            # "Organization": an acronym, a compound name or a state's name is no word's stem)
            name = name[: process.start()]
        if text.startswith("$", at + len(raw)):
            continue  # a currency by its country's letters: "AUS$89 million"
        gap = text[previous:at]
        start = block.start + at
        before = gap.rstrip()
        weak = (
            start in sentence_starts or at == opened_at or at <= first_word_at
        ) and not _alone_in_brackets(text, at, at + len(raw), name)
        if not weak and before:
            last = before[-1]
            weak = (
                last in "•…"
                # An opening quote may open a quoted sentence, but a quoted word alone is a
                # name or a term ("the so-called “Squad”"), and so is a quote that a preposition
                # leads into ("to defend against “Soviet invasion.”"), or a few words quoted
                # that the sentence goes on from ("experts feel ‘Asian NATO’ will weaken").
                or (
                    last in _OPENING_QUOTES
                    and not _QUOTE_CLOSES.match(text, at + len(raw))
                    and not _QUOTED_INSIDE.search(text, 0, at)
                    and not _QUOTED_PHRASE_GOES_ON.match(text, at)
                    # (a straight quote right after a word or a comma closes a quotation:
                    # 'and other allies," Yonhap news agency quoted')
                    and not _closes_a_quotation(text, previous + len(before) - 1)
                )
                # A dash after a dateline ("BRUSSELS, July 12 (AA) – The ...") opens the text;
                # a dash after lower-case words is inside a sentence ("the four – Georgia, ...").
                or (last in "–—-" and not any(w[0].islower() for w in _WORD.findall(text, 0, at)))
                # After a colon a capital may open a clause ("Editor's note: Originally
                # published") or a list of names ("partners: Japan, Korea and Australia").
                # A word that opens a spoken answer opens it whatever follows ("Minister: Look,
                # Mr Keating has his views"), and so does one that opens a clause ("Mr. Lee:
                # Third, let me say").
                # An adverb there opens a clause too, its comma no list's ("Context: Recently,").
                or (
                    last == ":"
                    and (
                        not _LISTED.match(text, at + len(raw))
                        or name in _SPOKEN
                        or name in _OPENERS
                        or ADVERB.fullmatch(name) is not None
                    )
                )
                # A bracket that opens a quotation or a sentence and holds a clause opens it
                # with a capital ("“(Considering the distance), we"); not a name in brackets
                # ("(NATO)", "in Seoul (South Korea)").
                or (
                    last == "("
                    and _OPENS_A_SENTENCE.search(text, 0, text.rindex("(", 0, at)) is not None
                    and _LOWER_WORD_AFTER.match(text, at + len(raw)) is not None
                )
            )
        if (
            weak
            and len(name) > 1
            and name.isupper()
            and name.capitalize() in _TITLE_WORDS
            and _TITLED_WORD_AFTER.match(text, at + len(raw))
        ):
            # a lead whose first word is set in capitals, a title's: "PRIME Minister Kevin Rudd
            # has been caught" is the title, then the name
            name = name.capitalize()
        if weak and _speaker_shaped(name):
            after = at + len(raw)
            # "Kishida said": the subject of a verb of saying is someone; "Georgia, Moldova and
            # Armenia": a list of capitalised words is a list of names.
            weak = not (_SPEAKER.match(text, after) or _NAME_LIST.match(text, after))
        if name in _STATE_NAMES:
            weak = False  # a state's name wherever it stands: "France blocked the proposal"
        words.append(_Word(name, start, start + len(name), weak, possessive is not None, gap))
        previous = word_end
    return words


def _an_amount_or_a_parts_number(name: str, text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] (`name`) is an amount in a currency's letters or the
    Roman number of a part: no one's name."""
    if (amount := _CODED_AMOUNT.fullmatch(name)) and amount.group(1) in _COMMON_ACRONYMS:
        return True  # "worth NZ$16 million (over USD9.4 million)"
    if _LETTERED_AMOUNT.fullmatch(name) and (
        _CURRENCY_SIGN_BEFORE.search(text, max(0, start - 1), start)
        or _LARGE_NUMBER_AFTER.match(text, end)
    ):
        return True  # "more than $NZ40 million", "about US$133 billion (RM585 billion)"
    # the number of a part: "article VI (in its statutes)"
    return bool(_ROMAN.fullmatch(name) and _NUMBERED_PART_BEFORE.search(text, 0, start))


def _contraction(word: str) -> bool:
    """A pronoun or an auxiliary run together with a verb: "I’ll", "We’re", "Don’t"."""
    match = _CONTRACTED.match(word)
    return match is not None and (match.group(1) in _FUNCTION_WORDS or match.group(2) == "n")


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
    """A title's possessive before a body is one name: "the Prime Minister's Office"; so is
    "People's" in a state's or a body's name: "the Democratic People's Republic of Korea"."""
    return (
        possessor.text in _TITLE_HEADS and word.text in _ORGANISATION_HEADS
    ) or possessor.text == "People"


def _inner_allowed(run: list[_Word], word: str, the: str | None) -> bool:
    """'de', 'von'... join names of people; 'of', 'for', 'to', 'on' follow a head word; 'and'
    only inside an organisation's "of" phrase ("Ministry of Science and Technology") or a title's
    portfolio ("Minister of Foreign and European Affairs"), and not before "the" ("the Republic
    of Korea and the Sea of Japan")."""
    if word in _INNER:
        return the is None
    texts = [w.text for w in run]
    if word == "and":
        if the is not None or "and" in texts:
            return False
        if "of" in texts and any(t in _ORGANISATION_HEADS for t in texts[: texts.index("of")]):
            return True
        return _a_titles_portfolio(texts)
    last = texts[-1].rstrip(".")  # an abbreviated title: "Assistant Sec.-Gen. for Defence Policy"
    if word in _PORTFOLIO_LINKS and last in _PORTFOLIO and _a_titles_portfolio(texts):
        return True  # "Assistant Secretary of Defense for Space Policy": its second portfolio
    return last in _HEADS


# What joins a title to its portfolio ("Secretary of State"), and one portfolio to another
# ("Foreign and European Affairs", "of Defense for Space Policy").
_PORTFOLIO_LINKS = frozenset({"of", "for"})
_PORTFOLIO_JOINS = _PORTFOLIO_LINKS | {"and"}


def _a_titles_portfolio(texts: list[str]) -> bool:
    """Whether the words end with a title, "of" or "for", and its portfolio."""
    linked = next((i for i, t in enumerate(texts) if t in _PORTFOLIO_LINKS), None)
    return (
        linked is not None
        and any(t.rstrip(".") in _TITLE_HEADS for t in texts[:linked])
        and all(t in _PORTFOLIO or t in _PORTFOLIO_JOINS for t in texts[linked + 1 :])
    )


class _Piece(msgspec.Struct):
    words: list[_Word]
    titled: bool  # a title stood before it


def _pieces(run: list[_Word]) -> list[_Piece]:
    """The names in one capitalised run: cut at possessives and titles, stripped of the words
    that are capitalised by their place or class."""
    pieces: list[_Piece] = []
    current: list[_Word] = []
    titled = False

    def close(next_titled: bool = False, *, before_title: bool = False) -> None:
        nonlocal current, titled
        words = _trim(current, before_title=before_title)
        if words and not all(w.text.rstrip(".") in _TITLE_WORDS for w in words):
            # (a title alone, as in "the Prime Minister's office", names no one in particular)
            pieces.append(_Piece(words, titled))
        current, titled = [], next_titled

    i = 0
    while i < len(run):
        title_end = _title_at(run, i)
        if title_end > i:
            close(next_titled=title_end < len(run), before_title=True)
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
    while j < len(run) and (
        run[j].text.rstrip(".") in _TITLE_WORDS
        or (
            run[j].text in _PORTFOLIOS_BEFORE_HEAD
            and j + 1 < len(run)
            and run[j + 1].text.rstrip(".") in _TITLE_HEADS
        )
    ):
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
    if j + 1 < len(run) and run[j].text in _PORTFOLIO_LINKS and run[j + 1].text in _PORTFOLIO:
        k = j + 1
        while k < len(run) and (
            run[k].text in _PORTFOLIO
            # two portfolios in one: "Minister of Foreign and European Affairs", "Assistant
            # Secretary of Defense for Space Policy"
            or (
                run[k].text in _PORTFOLIO_JOINS
                and k + 1 < len(run)
                and run[k + 1].text in _PORTFOLIO
            )
        ):
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


def _closes_a_quotation(text: str, quote: int) -> bool:
    """Whether the straight quote at `quote` closes what comes before it: it follows a word or a
    stop with no space between, and a space follows it (an opening one follows a space or a
    bracket, or, set carelessly, runs into the word it opens: 'he said,"Very good"')."""
    return (
        text[quote] in "\"'"
        and quote > 0
        and not text[quote - 1].isspace()
        and text[quote - 1] not in "([{"
        and text[quote + 1 : quote + 2].isspace()
    )


def _alone_in_brackets(text: str, start: int, end: int, name: str) -> bool:
    """Whether a word fills a pair of brackets by itself, where its capital says nothing of a
    sentence's start: a wire's credit ("(Yonhap)", "(Bloomberg) -- China has ..."), a gloss
    ("(Japan)"); not a label of the page ("(Summary)") nor a function word ("(It) doesn't")."""
    return (
        start > 0
        and text[start - 1] == "("
        and text[end : end + 1] == ")"
        and name not in _LABEL_WORDS
        and name not in _FUNCTION_WORDS
    )


def _trim(words: list[_Word], *, before_title: bool = False) -> list[_Word]:
    """Without lower-case words at the ends, leading function words, and a first word that is
    capitalised only by its place (a sentence's first, after a colon or an opening quote), unless
    a title follows it: "French President Emmanuel Macron" names France wherever it stands."""
    words = list(words)
    lead = False  # a lead set in capitals may run over several words: "IT HAS BEEN a year"
    while words and (
        not _capitalised(words[0].text)
        or words[0].text in _FUNCTION_WORDS
        or _a_leads_capitals(words[0])
        or (lead and _a_function_word_in_capitals(words[0].text))
    ):
        lead = lead or _a_leads_capitals(words[0])
        words.pop(0)
    while words and not _capitalised(words[-1].text):
        words.pop()
    # A single word there is dropped, unless it takes a possessive, as names do ("Georgia's"),
    # or is an acronym or a compound of names ("ASEAN", "IP4", "Indo-Pacific").
    single = (
        len(words) == 1
        and not words[0].possessive
        and not _name_shaped(words[0].text)
        and not (before_title and _speaker_shaped(words[0].text))
    )
    # A sentence's first word before a common noun of government alone ("Total Defence
    # spending") is capitalised by its place, like the noun by the house style.
    before_no_one = (
        len(words) == 2
        and words[1].text in _NO_ONE_ALONE
        and words[0].text not in _TITLE_WORDS | _PORTFOLIO  # "Foreign Ministry" is a name
        and not words[0].text.isupper()  # and so is "AP Photo"
    )
    if words and words[0].weak and (single or before_no_one or words[0].text in _OPENERS):
        words.pop(0)
        while words and (not _capitalised(words[0].text) or words[0].text in _FUNCTION_WORDS):
            words.pop(0)
    return words


def _a_leads_capitals(word: _Word) -> bool:
    """A function word in capitals opening a sentence: a lead set in capitals as a newspaper sets
    its first word ("WITH regional arms races spiralling", "AT this year’s meeting")."""
    return word.weak and _a_function_word_in_capitals(word.text)


def _a_function_word_in_capitals(text: str) -> bool:
    """Whether a word is a function word in capitals ("AT", "WITH"); not "A", capitalised as
    any word is, nor "US", the state's acronym."""
    return (
        len(text) > 1 and text != "US" and text.isupper() and text.capitalize() in _FUNCTION_WORDS
    )


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
            or t in _GOVERNMENT_NOUNS  # "Naval Delegation" after "Japanese"
            for t in texts
        )
        # A demonym first makes a body of a state ("American Enterprise"); later it is a name
        # ("Brian Logan").
        and not (len(texts[0]) > 6 and _DEMONYM.match(texts[0]))
    )


def _bibliography(block: Block) -> bool:
    """A numbered item that reads as a bibliography entry (the annotator's rule): a reference,
    whose names are authors."""
    return block.kind == "item" and block.marker is not None and is_reference(block.text)


# A quotation in double marks, or in single ones, where a mark before a letter is an apostrophe
# ("‘NATO’s Pivot to Asia’").
_QUOTED = re.compile(r"“([^”]{3,300})”|\"([^\"]{3,300})\"|‘((?:[^‘’]|’(?=\w)){3,300})’(?!\w)")


def _titles_of_works(block: Block, *, after_body: bool = False) -> list[tuple[int, int, bool]]:
    """Spans of quoted titles in title case ("“Does the Alliance Want to Become Asian?”") and of
    a heading in title case, the last True: their capitals are the title's, not the names'.
    `after_body`: the text's body has begun, so a short capitalised line is a section's title,
    not a byline or an outlet's name."""
    spans: list[tuple[int, int, bool]] = []
    if block.kind == "heading" and _title_case(block.text):
        spans.append((block.start, block.end, True))
    elif block.kind == "paragraph":
        # A line of a paragraph in title case and without a sentence's full stop is a heading
        # that the capture kept as text: a headline, a section's title. A line of fields set
        # apart by bullets or bars ("Sonjib Chandra Das • Update Time : Sunday") is judged field
        # by field.
        for start, end in _lines_and_fields(block.text):
            stripped = block.text[start:end].rstrip()
            if (
                stripped
                and not stripped.endswith((".", ",", ";", "…"))
                and (_title_case(stripped) or (after_body and _section_title(stripped, block.text)))
                and not _names_line(stripped)
            ):
                # A byline run into the headline ("... in the Far East By Aldo Carano") is not
                # the headline's.
                byline = _BYLINE.search(stripped)
                length = byline.start() if byline is not None else len(stripped)
                spans.append((block.start + start, block.start + start + length, True))
    for match in _QUOTED.finditer(block.text):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        if _title_case(match.group(group)):
            start, end = match.span(group)
            spans.append((block.start + start, block.start + end, False))
    if "titled " in block.text:
        # A title named as one without quotation marks ("a keynote titled From Legislation to
        # Resilience: The Future of Cybersecurity in Czechia"): it runs while its words are
        # capitalised or a title's short words, and is a title where two words or more are.
        for match in _UNQUOTED_TITLE.finditer(block.text):
            words = match.group(1).split(" ")
            while not _capitalised(words[-1]):
                words.pop()  # "The Connected Security of Europe and Asia" at the annual event
            if sum(_capitalised(word) for word in words) >= 2:
                start = match.start(1)
                end = start + len(" ".join(words))
                spans.append((block.start + start, block.start + end, False))
    return spans


_UNQUOTED_TITLE = re.compile(
    r"\b(?:en)?titled ([A-Z][\w’'-]*"
    r"(?::? (?:[A-Z0-9][\w’'-]*|of|the|to|and|in|on|for|a|an|at|by|from|with)(?![\w’'-]))*)"
)


def _lines_and_fields(text: str) -> list[tuple[int, int]]:
    """The spans of a paragraph's lines, each split at its field separators (" • ", " | ")."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        for separator in _FIELD_SEPARATOR.finditer(line):
            spans.append((start, offset + separator.start()))
            start = offset + separator.end()
        spans.append((start, offset + len(line)))
        offset += len(line) + 1
    return spans


_FIELD_SEPARATOR = re.compile(r"\s+[•|]\s+")


def _names_line(line: str) -> bool:
    """Whether a line in title case is names, not a title: an author's name ("Sonia KRIMI
    (France)", "Jane Doe, Senior Fellow at the Lowy Institute"), a line of credits ("(Reporting
    by Ju-min Park; Editing by Chris Reese)") or a list of short names, a page's tags ("Barack
    Obama, AUKUS, Keir Starmer, Quad")."""
    if _AUTHOR_LINE.match(line) or _CREDITS_LINE.match(line):
        return True
    author = _AUTHOR_WITH_ROLE.match(line)
    if author is not None:
        role = author.group(2) if author.group(1) in _ROLE_OPENERS else author.group(1)
        if role in _TITLE_HEADS:
            return True
    items = [item.split() for item in line.split(",")]
    # A headline may list a few after a colon ("Uncertainties Abound: Tariff Negotiations,
    # Defense Spending Demands, Israel-Iran Conflict"), but not many.
    return (len(items) >= 8 or (len(items) >= 4 and ":" not in line)) and all(
        1 <= len(words) <= 4 for words in items
    )


# "(Reporting by ...; Editing by ...)": a wire report's credits.
_CREDITS_LINE = re.compile(
    r"^[(\[]?(?:Additional )?(?:Reporting|Writing|Editing|Edited|Written|Compiled|Translated"
    r"|Translation|Produced|Photos?|Illustrations?) by\b",
    re.IGNORECASE,
)
# A person's two or three names, a comma and what they are: "Jane Doe, Senior Fellow at ...".
_AUTHOR_WITH_ROLE = re.compile(
    r"^[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,2}\s*, (?:(?:the|a|an) )?"
    r"([A-Z][\w-]*)(?: ([A-Z][\w-]*))?"
)
# Words that open a title of a role without being one: "Senior Fellow", "Associate Professor".
_ROLE_OPENERS = frozenset(
    {
        "Senior",
        "Junior",
        "Associate",
        "Assistant",
        "Visiting",
        "Adjunct",
        "Executive",
        "Managing",
        "Principal",
        "Research",
        "Former",
    }
)


def _section_title(line: str, paragraph: str) -> bool:
    """A paragraph of one short line, its words capitalised and no sentence's ending: a section's
    title ("Historical Development", "Key Takeaways"), whose capitals are the title's."""
    words = line.split()
    return (
        paragraph.strip() == line.strip()
        and 1 <= len(words) <= 4
        and not line.endswith(("!", "?", ":", "”", '"'))
        and all(_capitalised(w) or w in _TITLE_SMALL_WORDS for w in words)
        and not any(c.isdigit() or c == "," for c in line)
    )


_WEB_ADDRESS = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b")
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "with"}
)


def _title_case(text: str) -> bool:
    """Three or more words of four letters or more, nearly all capitalised; not counting months
    and weekdays, which are capitalised in any line ("June 30, Thursday, 2022 Newsline")."""
    # A web address is the site's, not a word of the title ("A “Diluted” NATO Is a Mistake,
    # nationalinterest.org").
    text = _WEB_ADDRESS.sub("", text)
    words = re.findall(r"[^\W\d_][\w’'\-]*", text)
    # In a short line, title case leaves its long prepositions in lower case ("The Relationship
    # between Japan and NATO"); a long one with them is a caption's sentence ("... shakes hands
    # with Japanese Prime Minister Shigeru Ishiba before a meeting").
    lowered = LONG_FUNCTION_WORDS if len(words) <= 8 else frozenset()
    long = [w for w in words if len(w) >= 4 and w not in _NOT_NAMES and w not in lowered]
    if len(long) < 3:
        return False
    return sum(_capitalised(w) for w in long) >= 0.8 * len(long)


def _named_in_title(
    piece: _Piece,
    *,
    heading: bool,
    whole_line: bool = False,
    known: Callable[[_Word], bool] = lambda word: False,
) -> bool:
    """Where every word is capitalised, what still shows a name: an acronym ("IP4"), a person
    after a title ("Secretary General Jens Stoltenberg"; in a heading, one name will do: "Prime
    Minister Ishiba"), a person's names with the family name in capitals ("Sonia KRIMI") and, in
    a heading, a phrase with a head word ("The Role of the Pacific Islands Forum") that is not the
    heading's whole line (a document's or a section's own title: "Preliminary Draft Report")."""
    texts = [w.text for w in piece.words]
    if len(texts) == 1 and any(_acronym(part) for part in texts[0].split("-")):
        return True  # not a compound capitalised by the title: "Why Multi-Alignment Matters"
    if piece.titled and (
        _personal(piece.words) or (heading and len(texts) == 1 and _personal_word(texts[0]))
    ):
        return True
    if _family_name_in_capitals(texts) and not any(
        known(w) for w in piece.words if _CAPITALS_NAME.match(w.text)
    ):
        return True  # not a known acronym before a word ("NATO Leaders Meet")
    return heading and not whole_line and len(texts) > 1 and any(t in _NAME_HEADS for t in texts)


def _personal_word(text: str) -> bool:
    """One word shaped like a person's name, not a head, a title or a number: "Ishiba"."""
    return (
        _NAME_WORD.match(text) is not None
        and len(text) > 2
        and text not in _HEADS | _TITLE_WORDS | _NUMBER_WORDS | _FUNCTION_WORDS | _OPENERS
    )


# A person's names with the family name in capitals, as official documents print them:
# "Sonia KRIMI", "ISHIBA Shigeru".
_CAPITALS_NAME = re.compile(r"^[A-Z][A-Z’'-]{2,}$")


def _family_name_in_capitals(texts: Sequence[str]) -> bool:
    capitals = [t for t in texts if _CAPITALS_NAME.match(t)]
    return (
        2 <= len(texts) <= 3
        and len(capitals) == 1
        and all(_personal_word(t) for t in texts if t not in capitals)
    )


# A line that is a person's name, with the family name in capitals, maybe with an affiliation in
# brackets: an author's line, not a headline ("Sonia KRIMI (France)").
_AUTHOR_LINE = re.compile(
    r"^(?:[A-Z][a-z’'-]+ [A-Z][A-Z’'-]{2,}|[A-Z][A-Z’'-]{2,} [A-Z][a-z’'-]+)"
    r"(?:\s*\([^()]*\))?$"
)


def _name_shaped(word: str) -> bool:
    """An acronym, or a compound whose parts are all capitalised ("Indo-Pacific")."""
    parts = word.split("-")
    return _acronym(word) or (len(parts) > 1 and all(_capitalised(p) for p in parts))


def _acronym(phrase: str) -> bool:
    """One word with two capitals or more: "IP4", "EU", "NATO"."""
    return " " not in phrase and sum(c.isupper() for c in phrase) >= 2
