"""Acronyms a text defines for common words ("replenishment at sea (RAS)", "REE (rare-earth
element)"): the annotator does not take them for a known actor's acronym, and the coverage check
does not report them as names."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

# An acronym in brackets, quoted or in the plural: "(AESA)", "(“ESG”)", "(SRBMs)".
_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*[“‘\"']?([A-Z]{2,6})s?[”’\"']?\s*\)")
_A_WORD = re.compile(r"[\w’'-]+")
# The small words an acronym's letters pass over: "environmental, social, and governance (ESG)".
_PASSED_OVER = frozenset({"and", "of", "the", "for", "on", "in", "to"})
# An acronym, then what it stands for in brackets: "REE (rare-earth element) exports".
_ACRONYM_BEFORE_BRACKETS = re.compile(r"(?<![\w-])([A-Z]{2,6})s? \(([a-z][a-z ,’'-]*)\)")


@functools.lru_cache(maxsize=4)  # asked for the same text by the annotator and the check
def _acronyms_of_common_nouns(reading: str) -> frozenset[str]:
    """The acronyms a text spells out in lower case beside them, which abbreviate common nouns,
    not names: "active electronically scanned array (AESA)", "REE (rare-earth element)" (a
    name spelt out is capitalised: "Liberal Democratic Party (LDP)")."""
    found: set[str] = set()
    if "(" not in reading:  # in every match: a test in C before the patterns' slow scans
        return frozenset()
    for bracket in _ACRONYM_IN_BRACKETS.finditer(reading):
        acronym = bracket.group(1)
        words = _A_WORD.findall(reading, max(0, bracket.start() - 120), bracket.start())
        if _spelt_out(acronym, words[::-1], backwards=True):
            found.add(acronym)
    for spelt in _ACRONYM_BEFORE_BRACKETS.finditer(reading):
        acronym = spelt.group(1)
        words = _A_WORD.findall(spelt.group(2))
        if _spelt_out(acronym, words, backwards=False):
            found.add(acronym)
    return frozenset(found)


def _spelt_out(acronym: str, words: list[str], *, backwards: bool) -> bool:
    """Whether lower-case words, from the one next to the acronym outwards (`backwards` when
    they stand before it), spell it out."""
    initials = ""
    for word in words:
        if len(initials) >= len(acronym) or not word[:1].islower():
            break
        if word not in _PASSED_OVER:
            letters = "".join(part[:1] for part in word.split("-") if part)
            initials = letters + initials if backwards else initials + letters
    return initials == acronym.lower()


def abbreviates_the_words_before(text: str, form: str, start: int, end: int) -> bool:
    """Whether `form`, an acronym standing in brackets at `start`, spells out the lower-case
    words right before it: the text's own abbreviation, not a name."""
    if not (
        len(form) > 1
        and form.isupper()
        and text[start - 1 : start] == "("
        and text[end : end + 1] == ")"
    ):
        return False
    words = _A_WORD.findall(text, max(0, start - 120), start - 1)
    return _spelt_out(form, words[::-1], backwards=True)


def acronyms_of_known_names(
    reading: str, found: Sequence[tuple[str, str, int, int]], known: Callable[[str], bool]
) -> list[tuple[str, str, int, int]]:
    """The acronym a text gives in brackets after a known name and its common nouns, which the
    text then uses for that name: "the Asia-Pacific region (APR) ... the militarisation of the
    APR". The words it spells out are the name's and lower-case nouns only: "the Japan
    Self-Defense Forces (JSDF)" abbreviates another name, which holds Japan's. Not an acronym
    the knowledge base knows (`known`), nor where a form was found."""
    spans = [(start, end) for _, _, start, end in found]
    defined: list[tuple[str, str, int, int]] = []
    for bracket in _ACRONYM_IN_BRACKETS.finditer(reading):
        acronym = bracket.group(1)
        if known(acronym):
            continue
        words = [
            word.span()
            for word in _A_LETTERED_WORD.finditer(
                reading, max(0, bracket.start() - 120), bracket.start()
            )
        ][-len(acronym) :]
        if len(words) != len(acronym) or reading[words[-1][1] : bracket.start()].strip():
            continue
        if "".join(reading[start] for start, _ in words).upper() != acronym:
            continue
        low, high = words[0][0], words[-1][1]
        inside = [item for item in found if low <= item[2] and item[3] <= high]
        owners = {owner for owner, *_ in inside}
        if len(owners) != 1 or inside[0][2] != low:
            continue
        if any(
            not any(item[2] <= start and end <= item[3] for item in inside)
            and not reading[start].islower()
            and not ((start, end) == words[-1] and reading[start:end] in _PLACE_HEADS)
            for start, end in words
        ):
            continue  # a capitalised word no known form covers: another name
        owner = owners.pop()
        for use in re.finditer(rf"(?<![\w-]){acronym}(?![\w-])", reading):
            if not any(start < use.end() and use.start() < end for start, end in spans):
                defined.append((owner, acronym, use.start(), use.end()))
    return defined


# The last word of a place's name that names nothing else, capitalised as some texts print it:
# "the Asia-Pacific Region (APR)" is the region.
_PLACE_HEADS = frozenset({"Region", "Area"})
# A word of letters, a hyphened compound's parts counted apart: "Asia-Pacific region" is three.
_A_LETTERED_WORD = re.compile(r"[A-Za-z][\w’']*")
