"""What a knowledge-base form is, for the context rules (see `context._context_blocks`): a
demonym, a capital standing for its government, an institution named by ordinary words, an
office, a formal name... each a flag of `form_kind`."""

from __future__ import annotations

import re
from collections.abc import Iterable

from natocorpus.annotate.variants import _common_noun
from natocorpus.model import Actor, SurfaceForm

ADJECTIVAL = 1  # a demonym or adjective ("Chinese", "European", "the East"): may open a longer name
DESCRIPTIVE = 2  # an institution named by ordinary words ("Foreign Affairs"): may be part of one
TITLE = 4  # an office ("Secretary General"): names follow it; a qualifier before it is another
STATE = 8  # a state's adjective: its organs and officials ("Chinese Embassy") still name it
CAPITAL = 16  # another proper name of a state ("Washington"): may open a longer name
REGION = 32  # a region's one-word name ("Asia"): may close a longer name ("Nikkei Asia")
PLACE = 64  # a name of a state or region: may open the name of a sea or strait ("China Sea")
REGION_NAME = 128  # any name of a region: may open an institution's name ("North Atlantic Council")
CITY = 256  # a capital city standing for its government ("Tokyo"): where it is a place, it is not
FORMAL = 512  # a state's formal name ("Republic of Korea"): a qualifier before it makes another
LOCATED_GROUP = 1024  # a group named by where it is ("partners in the Indo-Pacific"): not in a list
BODY_ACRONYM = 2048  # an organisation's acronym ("NATO"): "an Asian NATO" is another alliance
COMMON_NOUN = 4096  # one common noun capitalised ("Alliance"): after another's name, another's
SHORT_OF_QUALIFIED = 8192  # a state's short name ("China") whose formal name has a qualifier
PARTNERS = 16384  # a group named as partners ("Indo-Pacific partners"): a state's are its own

_COMPASS = frozenset(
    {"East", "West", "North", "South", "Eastern", "Western", "Northern", "Southern"}
)
_DEMONYM_END = re.compile(r"(?:an|ese|ish|ern|i)$")
# The head nouns of states' formal names: "the Democratic People's Republic of Korea" is not the
# Republic of Korea, "the People's Republic of China" not the Republic of China.
_FORMAL_HEADS = frozenset(
    {"Republic", "Kingdom", "Federation", "Commonwealth", "Principality", "Sultanate", "Emirate"}
)
_WHERE_IN_NAME = re.compile(r"\b(?:in|of|from) (?:the )?[A-Z]")
_PARTNERS_WORD = re.compile(r"\bpartners?\b")
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


def short_of_a_qualified_formal_name(forms: Iterable[tuple[Actor, SurfaceForm]]) -> frozenset[str]:
    """The short names of states whose formal name has a qualifier before its head ("China" of
    "People's Republic of China", "Congo" of "Democratic Republic of the Congo"): after the head
    without the qualifier ("the Republic of China", "the Republic of the Congo") they name
    another state (`SHORT_OF_QUALIFIED`)."""
    by_actor: dict[str, set[str]] = {}
    for actor, form in forms:
        if actor.type == "state":
            by_actor.setdefault(actor.id, set()).add(form.text)
    short: set[str] = set()
    for actor_forms in by_actor.values():
        for text in actor_forms:
            words = text.split()
            for at in range(1, len(words) - 2):
                if words[at] in _FORMAL_HEADS and words[at + 1] == "of":
                    name = " ".join(words[at + 2 :]).removeprefix("the ")
                    unqualified = " ".join(words[at:])
                    if name in actor_forms and unqualified not in actor_forms:
                        short.add(name)
                    break
    return frozenset(short)


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
        # "South Korean" is an adjective; "New Delhi" is a city's name.
        and all(
            word in _COMPASS or word in ("the", "The") or _DEMONYM_END.search(word)
            for word in words[:-1]
        )
    ):
        kind |= ADJECTIVAL
        if actor.type == "state":
            kind |= STATE
    elif (
        actor.type == "state"
        and all(word[:1].isupper() for word in words)
        and any(c.islower() for c in form)
        and not name_words & set(words)
        # a state's formal name is no capital: "the Russian Federation Andrei Rudenko" spoke
        and not _FORMAL_HEADS & set(words)
    ):
        kind |= CAPITAL  # "Washington", "Kremlin", "Britain": not in "Washington Post"
    elif actor.type == "region" and form == actor.name and len(words) == 1:
        kind |= REGION
    if actor.type in ("state", "region") and any(word[:1].isupper() for word in words):
        kind |= PLACE
    if actor.type == "state" and len(words) > 1 and words[0] in _FORMAL_HEADS:
        kind |= FORMAL
    if actor.type == "grouping" and _WHERE_IN_NAME.search(form):
        kind |= LOCATED_GROUP
    if actor.type == "grouping" and _PARTNERS_WORD.search(form):
        kind |= PARTNERS
    if (
        actor.type in ("alliance", "organisation", "grouping")
        and len(form) > 2
        and (
            form.isupper() or (form.endswith("s") and form[:-1].isupper())  # "NATOs mission"
        )
    ):
        kind |= BODY_ACRONYM
    if actor.type == "region" and any(word[:1].isupper() for word in words):
        kind |= REGION_NAME
    if (
        actor.type == "institution"
        and any(c.islower() for c in form)
        and not any(c.isdigit() or c in "./" for c in form)
    ):
        kind |= DESCRIPTIVE
        # (in lower case too, as texts print an office after its organisation's acronym: "NATO
        # secretary general")
        if any(word in _TITLE_WORDS or word.title() in _TITLE_WORDS for word in words):
            kind |= TITLE
    noun = form.removeprefix("the ")  # "the Alliance" is the common noun too
    if (
        _common_noun(actor, noun)
        and noun[:1].isupper()
        and noun.upper() not in {f.text for f in actor.forms}  # "Aukus" is a name
    ):
        kind |= COMMON_NOUN
    return kind
