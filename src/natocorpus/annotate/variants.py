"""Other ways of writing a knowledge-base form that any text may use: the other spelling of a
word English spells two ways ("Organisation", "Defense"), and any case in a line of capitals
("THE INDO-PACIFIC REGION")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from natocorpus.model import Actor, SurfaceForm

# British and American spellings of the words of names: each written the other way too.
_SPELLINGS = (
    ("isation", "ization"),
    ("Defence", "Defense"),
    ("Centre", "Center"),
    ("Programme", "Program"),
)


def spelling_variants(text: str) -> list[str]:
    """The form with the words English spells two ways spelt the other way, each pair of
    spellings on its own and together: "North Atlantic Treaty Organization" -> "North Atlantic
    Treaty Organisation"; "Cyber Defence Centre" -> "Cyber Defense Centre", "Cyber Defence
    Center" and "Cyber Defense Center", as a house style spells the whole name."""
    spelt = [text]
    for one, other in (way for pair in _SPELLINGS for way in (pair, pair[::-1])):
        spelt += [
            re.sub(rf"{one}\b", other, form) for form in spelt if re.search(rf"{one}\b", form)
        ]
    return [form for form in dict.fromkeys(spelt) if form != text]


_NUMBERS = {
    "Two": "2",
    "Three": "3",
    "Four": "4",
    "Five": "5",
    "Six": "6",
    "Seven": "7",
    "Eight": "8",
    "Nine": "9",
    "Ten": "10",
}


# A hyphen between two capitalised words of a name, which some house styles print as a space.
_HYPHENATED_NAME = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b")
# A combining form ending in "o" before a hyphen and a capitalised word: "Indo-Pacific".
_COMBINING_FORM = re.compile(r"\b([A-Z][a-z]*o)-([A-Z][a-z]+)\b")


def _lower_after_hyphen(match: re.Match[str]) -> str:
    return f"{match[1]}-{match[2].lower()}"


def _closed_up(match: re.Match[str]) -> str:
    return f"{match[1]}{match[2].lower()}"


def written_variants(text: str, actor_type: str) -> list[str]:
    """The other ways a name is printed: English's two spellings; a combining form written out
    ("Euro-Atlantic", "European-Atlantic"); a number in it in figures or in lower case
    ("Indo-Pacific Four", "Indo-Pacific 4", "Indo-Pacific four"); an acronym with figures with
    or without a hyphen before them ("IP4", "IP-4"); a group's "partners in the" region as
    "partners from the" region; an acronym said as a word in the house style that writes it so
    ("AUKUS", "Aukus"), and a group's short name written as an acronym ("Quad", "QUAD"); an
    organisation's acronym with its possessive's apostrophe lost ("NATOs"); a people's plural
    ("Asian", "Asians", "South Koreans"); its common nouns capitalised ("Korean Peninsula"); a
    body's name after its organisation's acronym in lower case or after the acronym's possessive
    ("NATO military committee", "NATO’s Military Committee"); a hyphen between capitalised words
    as a space ("Asia Pacific"), a dash ("Indo – Pacific") or, in a region's name, a slash
    ("Asia/Pacific"), with the word after it in lower case ("Asia-pacific") or, after a
    combining form, closed up ("Indopacific"), or closed up with both capitals ("AsiaPacific");
    a name opening with "the" as a sentence opens it ("The West"); an acronym with stops
    ("N.A.T.O.")."""
    variants = spelling_variants(text)
    if text.startswith("Euro-"):
        variants.append("European-" + text[len("Euro-") :])  # "European-Atlantic security"
    if "-" in text:
        variants.append(text.replace("-", "\u2011"))  # the non-breaking hyphen of some sites
        variants.append(text.replace("-", "\u2010"))  # the typographer's hyphen
        variants.append(text.replace("-", "\u2014"))  # a dash set for it, "Asia—Pacific"
        variants.append(text.replace("-", " -"))  # a machine translation's "Asia -Pacific"
        variants.append(text.replace("-", "- "))  # a line broken at its hyphen: "Indo- Pacific"
        if _HYPHENATED_NAME.search(text):
            variants.append(_HYPHENATED_NAME.sub(r"\1 \2", text))  # "Asia Pacific Four"
            if actor_type == "region":
                variants.append(text.replace("-", "/"))  # a slash for it: "Asia/Pacific"
            # a dash set for it, spaced or not: "Indo – Pacific", "Indo–Pacific"
            variants.append(text.replace("-", " \u2013 "))
            variants.append(text.replace("-", "\u2013"))
            # the word after the hyphen in lower case, as some house styles and captures print
            # a compound: "Asia-pacific", "Euro-atlantic"
            variants.append(_HYPHENATED_NAME.sub(_lower_after_hyphen, text))
            # a combining form closed up with the word after it: "Indopacific", "Euroatlantic"
            variants.append(_COMBINING_FORM.sub(_closed_up, text))
            # the two words closed up with their capitals, as a hashtag or a capture that lost
            # the hyphen prints them: "AsiaPacific", "IndoPacific"
            variants.append(_HYPHENATED_NAME.sub(r"\1\2", text))
    words = text.split()
    if len(words) > 1 and words[-1] in _NUMBERS:
        variants.append(" ".join([*words[:-1], _NUMBERS[words[-1]]]))
        if _HYPHENATED_NAME.search(text):  # both ways at once: "Asia Pacific 4"
            variants.append(_HYPHENATED_NAME.sub(r"\1 \2", variants[-1]))
        variants.append(" ".join([*words[:-1], words[-1].lower()]))  # "Indo-Pacific four"
    if (figures := _ACRONYM_WITH_FIGURES.fullmatch(text)) is not None:
        letters, hyphen, number = figures.groups()
        variants.append(f"{letters}{number}" if hyphen else f"{letters}-{number}")  # "IP-4"
        if (spelt := _IN_WORDS.get(number)) is not None:
            variants.append(f"{letters} {spelt}")  # its number in words: "AP Four"
    if actor_type == "grouping" and " partners in the " in f" {text} ":
        # "partners in the Indo-Pacific" are as well "partners from the Indo-Pacific"
        variants.append(text.replace("partners in the ", "partners from the "))
    if len(text) >= 4 and text.isalpha() and text.isupper():
        variants.append(text.capitalize())
    if 3 <= len(text) <= 5 and text.isalpha() and text.isupper():
        variants.append(".".join(text) + ".")  # with stops, in some house styles: "N.A.T.O."
    if (
        actor_type in ("alliance", "organisation", "grouping")
        and 3 <= len(text) <= 5
        and text.isalpha()
        and text[:1].isupper()
        and text[1:].islower()
    ):
        variants.append(text.upper())  # a group's short name written as an acronym: "QUAD"
    if (
        actor_type == "alliance"
        and len(words) > 1
        and words[-1].lower() == "alliance"
        and words[-2][:1].isupper()
    ):
        # what kind of alliance it is, told between: "the Atlantic military alliance"
        variants += [
            " ".join(
                [*words[:-1], kind.capitalize() if words[-1][0].isupper() else kind, words[-1]]
            )
            for kind in ("military", "defence", "defense", "security")
        ]
        # or where it is based: "this Atlantic based alliance", "the Atlantic-based alliance"
        variants += [
            " ".join([*words[:-2], f"{words[-2]}{joint}based", words[-1]]) for joint in " -"
        ]
    if actor_type in ("alliance", "organisation") and _ACRONYM.fullmatch(text) and len(text) >= 3:
        variants.append(text + "s")  # its possessive with the apostrophe lost: "NATOs mission"
    if actor_type in ("state", "region") and text.endswith("an") and words[-1][:1].isupper():
        variants.append(text + "s")  # "Asians", "South Koreans"
    if (titled := _in_title_case(words)) is not None:
        variants.append(titled)
        if _HYPHENATED_NAME.search(titled):  # both ways at once: "Indo Pacific Partners"
            variants.append(_HYPHENATED_NAME.sub(r"\1 \2", titled))
    if text.startswith("the ") and text[4:5].isupper():
        variants.append("The " + text[4:])  # at a sentence's start: "The West often speaks"
    if (
        actor_type == "region"
        and len(words) > 1
        and words[0] in _COMPASS
        and words[1][:1].isupper()
    ):
        # a region's compass point in lower case, as some house styles print it: "east Asia",
        # "south-east Asia" (not "the East", one word)
        variants.append(" ".join([words[0].lower(), *words[1:]]))
    if (
        actor_type in ("state", "region", "alliance", "organisation")
        and len(words) > 1
        and words[0] in _COMPASS
        and "-" not in words[0]
        and words[1][:1].isupper()
    ):
        # a compass point joined to the name's next word by a hyphen, as some texts print it:
        # "the North-Atlantic region", "the North-Atlantic Treaty Organization"
        variants.append(" ".join([f"{words[0]}-{words[1]}", *words[2:]]))
    if (
        len(words) > 1
        and _ACRONYM.fullmatch(words[0])
        and all(map(_TITLED_WORD.fullmatch, words[1:]))
    ):
        # a body's common nouns after its organisation's acronym, as many texts print them: "NATO
        # Military Committee" as "NATO military committee"
        variants.append(" ".join([words[0], *(w.lower() for w in words[1:])]))
        if _BODY_HEAD.fullmatch(words[-1]):
            # and a body's, after the acronym's possessive: "NATO’s Military Committee" (an
            # office's title is not a name: in "NATO’s Secretary General Mark Rutte", NATO is)
            variants += [" ".join([words[0] + mark, *words[1:]]) for mark in ("’s", "'s")]
    if actor_type == "grouping" and "partners" in words:
        # "Asia-Pacific partners": "Asia-Pacific partner countries", "... partner nations", and
        # both ways at once: "Asia Pacific partner nations"
        spaced = [_HYPHENATED_NAME.sub(r"\1 \2", text)] if _HYPHENATED_NAME.search(text) else []
        variants += [
            name.replace("partners", f"partner {noun}")
            for name in (text, *spaced)
            for noun in ("countries", "nations")
        ]
    return variants


_ACRONYM = re.compile(r"[A-Z]{2,}\d?")
_COMPASS = frozenset(
    [
        "North",
        "South",
        "East",
        "West",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "North-East",
        "North-West",
        "South-East",
        "South-West",
        "Central",
    ]
)
# An acronym with figures, with or without a hyphen before them: "IP4", "IP-4", "G7".
_ACRONYM_WITH_FIGURES = re.compile(r"([A-Z]{1,5})(-?)(\d{1,2})")
_IN_WORDS = {figure: word for word, figure in _NUMBERS.items()}
_TITLED_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")
_BODY_HEAD = re.compile(
    r"Committee|Council|Command|Assembly|College|Agency|Centre|Center|School|Office|Staff"
    r"|Headquarters|Secretariat|Fund|Mission|Commission|Board|Academy"
)


# The words title case leaves in lower case.
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "de", "for", "i", "in", "of", "on", "or", "the", "to"}
)


def _in_title_case(words: list[str]) -> str | None:
    """A name with a common noun in it as a house style that capitalises it prints it:
    "Korean peninsula" as "Korean Peninsula", "Indo-Pacific partners" as "Indo-Pacific
    Partners". None for a name with no such word, or a web address."""
    if not any(w[:1].islower() and w not in _SMALL_WORDS for w in words) or any(
        "." in w for w in words
    ):
        return None
    return " ".join(
        w if index and w in _SMALL_WORDS else w[:1].upper() + w[1:] for index, w in enumerate(words)
    )


def with_title_case(forms: Iterable[str]) -> list[str]:
    """An event's forms, and each with its common nouns capitalised as a house style prints them
    ("Ukraine crisis": "Ukraine Crisis"), as `written_variants` does for an actor's."""
    forms = list(forms)
    titled = (_in_title_case(form.split()) for form in forms)
    return forms + [form for form in dict.fromkeys(titled) if form and form not in forms]


_POSSESSIVE_OPENING = re.compile(r"^(\S+[’']s) ")


def with_its_year(forms: Iterable[str], year: int) -> list[str]:
    """An event's forms, and each that opens with a possessive with the year the event began
    after it, or with the year in its place: "Russia’s invasion" as "Russia’s 2022 invasion" and
    "the 2022 invasion", which the year alone makes the party's (not "Japan’s 2022 war plans")."""
    forms = list(forms)
    owned = [form for form in forms if _POSSESSIVE_OPENING.match(form)]
    return [
        *forms,
        *(_POSSESSIVE_OPENING.sub(rf"\g<1> {year} ", form, count=1) for form in owned),
        *(_POSSESSIVE_OPENING.sub(f"{year} ", form, count=1) for form in owned),
    ]


def with_variants(
    actors: Iterable[Actor], peoples: Mapping[str, str] | None = None
) -> Iterator[tuple[Actor, SurfaceForm]]:
    """Each actor's forms, then the other ways of writing them that no actor has as a form.
    `peoples` holds each state's adjective with the state's name ("Japanese": "Japan"), for the
    names of its bodies told either way."""
    actors = list(actors)
    taken = {form.text for actor in actors for form in actor.forms}
    for actor in actors:
        yield from ((actor, form) for form in actor.forms)
    for actor in actors:
        for form in actor.forms:
            variants = written_variants(form.text, actor.type)
            if peoples and actor.type not in ("state", "region"):
                variants += the_states_other_way(form.text, peoples)
            for variant in variants:
                if variant not in taken:
                    taken.add(variant)
                    yield actor, SurfaceForm(variant, form.unless_after)


def the_states_other_way(text: str, peoples: Mapping[str, str]) -> list[str]:
    """A body's name that opens with its state's adjective told with the state's possessive,
    and the other way round: "Japanese Foreign Ministry", "Japan’s Foreign Ministry"; and one
    that ends with "of" its state told with both: "National Security Strategy of Japan",
    "Japan’s National Security Strategy", "Japanese National Security Strategy"."""
    rest, of, owner = text.rpartition(" of ")
    if of and rest and owner in peoples.values():
        return [
            *(f"{owner}{mark} {rest}" for mark in ("’s", "'s")),
            *(f"{people} {rest}" for people, state in peoples.items() if state == owner),
        ]
    first, _, rest = text.partition(" ")
    if not rest:
        return []
    if first in peoples:
        return [f"{peoples[first]}{mark} {rest}" for mark in ("’s", "'s")]
    owner = first.removesuffix("’s").removesuffix("'s")
    if owner == first:
        return []
    return [f"{people} {rest}" for people, state in peoples.items() if state == owner]


def any_case_forms(
    pairs: Iterable[tuple[Actor, SurfaceForm]], acronyms: bool = False
) -> Iterator[tuple[str, SurfaceForm]]:
    """The forms that a line in capitals may hold in any case: not those whose case tells them
    apart, an acronym or a short form ("US" is not "us") or one with a lower-case word ("the
    East" is not "the east"), nor one with a rule of its own. With `acronyms`, for a text
    written all in lower case: acronyms of three letters or more too ("nato"), and names with
    "of" or "and" in them ("republic of korea"), but not a common noun ("Alliance")."""
    joining = ("of", "and") if acronyms else ()
    for actor, form in pairs:
        letters = [c for c in form.text if c.isalpha()]
        words = form.text.split()
        if (
            len(letters) >= (3 if acronyms else 4)
            and (acronyms or not form.text.isupper())
            and not any(word[:1].islower() and word not in joining for word in words)
            and not form.unless_after
            and not (acronyms and _common_noun(actor, form.text))
            # "The East", a sentence's opening of "the East", is "the East" still
            and not (
                words[0] == "The" and any(f.text == "the" + form.text[3:] for f in actor.forms)
            )
        ):
            yield actor.id, form


def _common_noun(actor: Actor, text: str) -> bool:
    """Whether an organisation's form is one common noun capitalised ("Alliance")."""
    return (
        actor.type in ("alliance", "organisation")
        and " " not in text
        and text[1:].islower()
        and text != actor.name
    )


def uncased(found: Iterable[tuple[str, str, int, int]]) -> bool:
    """Whether a text is written without capitals for names, as machine captions are ("the
    nato and its partner countries in the indo pacific, australia, japan"): three or more
    names found in any case were in lower case."""
    return sum(text.islower() for _, text, _, _ in found) >= 3


# A transcript's speaker in capitals, opening a line before a colon: "SECRETARY GENERAL
# STOLTENBERG:", "JENS STOLTENBERG, NATO SECRETARY-GENERAL:", "STOLTENBERG:".
_SPEAKER_IN_CAPITALS = re.compile(r"[A-Z][A-Z.’'-]+(?:,? [A-Z][A-Z.’'-]+)*(?=:)")
# A paragraph's first words in capitals, of four letters or more (not an acronym's), before the
# lead goes on in lower case.
_LEAD_IN_CAPITALS = re.compile(r"[A-Z][A-Z’'-]{3,}(?: [A-Z][A-Z’'-]+){0,2}(?= [a-z])")
# Five words or more in capitals within a line, with the marks of a sentence between; not a
# speaker's name and title before a colon ("DEPUTY PRIME MINISTER, ANA LEE:"). (It opens with a
# capital, then looks behind it: the engine skips to each capital at once.)
_SHOUTED = re.compile(
    r"[A-Z](?<![\w’'-].)[A-Z’'-]++(?![\w’'-])(?:[,;!?]? [A-Z][A-Z’'-]*+(?![\w’'-])){4,}+(?!:)"
)


def capital_lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of lines written in capitals: a heading or a title ("NATO AND THE PACIFIC"), where
    a name is written in capitals too; of a transcript's speaker in capitals before a colon
    ("SECRETARY GENERAL STOLTENBERG: Thank you"); of a lead's first words, set in capitals
    as some newspapers set them ("AUSTRALIAN and Dutch troops could be"); and of words shouted in
    capitals within a line ("Trump wrote: IF WE DON’T, RUSSIA OR CHINA WILL")."""
    offset = 0
    for line in text.split("\n"):
        # The case test first: it is made in C, and almost no line passes it.
        if line.upper() == line and len(line.split()) >= 2 and sum(c.isalpha() for c in line) >= 8:
            yield offset, offset + len(line)
            offset += len(line) + 1
            continue
        if ":" in line and (speaker := _SPEAKER_IN_CAPITALS.match(line)) is not None:
            yield offset, offset + speaker.end()
        elif line[1:2].isupper() and (lead := _LEAD_IN_CAPITALS.match(line)) is not None:
            yield offset, offset + lead.end()
        for start, end in shouted_runs(line):
            yield offset + start, offset + end
        offset += len(line) + 1


def shouted_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of five words or more in capitals, within a line that is not all in capitals:
    shouted, as a quoted post may be ("Trump wrote: IF WE DON’T, RUSSIA OR CHINA WILL"). Their
    capitals say nothing of names."""
    for shouted in _SHOUTED.finditer(text):
        yield shouted.span()
