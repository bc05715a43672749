"""The stub each warning carries, to paste into actors.yaml or events.yaml, with a guess at
the type."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence

import msgspec

from natocorpus.coverage.names import _personal, _Word
from natocorpus.coverage.words import (
    _COMPASS,
    _COMPASS_PARTS,
    _CONTINENTS,
    _DEMONYM,
    _DOCUMENT_HEADS,
    _EVENT_HEADS,
    _INSTITUTION_TYPE_HEADS,
    _ORGANISATION_HEADS,
    _PLAIN_YAML,
    _REGION_HEADS,
    _REGION_NAMES,
    _STATE_FULL_NAMES,
    _STATE_NAMES,
    _YAML_WORDS,
)


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
            stub = _event_stub(name, year, forms)
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


def _guess(words: Sequence[_Word], titled: bool) -> str:
    texts = [w.text for w in words]
    name = " ".join(texts)
    if titled:
        return "person"
    if any(t in _EVENT_HEADS for t in texts):
        return "event"
    if any(t in _DOCUMENT_HEADS or t.startswith("Article ") for t in texts):
        return "document"  # "Article 5" is a treaty's article
    if name in _STATE_FULL_NAMES:
        return "state"  # "Republic of Korea", "South Sudan"
    if any(t in _INSTITUTION_TYPE_HEADS for t in texts):
        return "institution"  # "Ministry of Defence", "US Navy", "Asia Times"
    if any(t in _ORGANISATION_HEADS for t in texts):
        return "organisation"
    if any(t in _REGION_HEADS for t in texts):
        return "region"
    if len(texts) == 1:
        if texts[0].replace(".", "").isupper() and len(texts[0]) > 1:
            return "organisation"  # an acronym
        if texts[0] in _REGION_NAMES:
            return "region"  # "the Pacific", "Nordic allies"
        return "state"  # a single name: a state, or a capital standing for one
    if texts[0] in _COMPASS or texts[0] in _COMPASS_PARTS:
        # A part of a state named by its compass point is the state where a state's name
        # follows ("North Korea") or its demonym does ("South Korean"); else a region ("North
        # America", "Southeast Asian", "Middle East").
        rest = " ".join(texts[1:])
        if rest in _STATE_NAMES or (_DEMONYM.match(rest) and rest not in _CONTINENTS):
            return "state"
        return "region"
    if _personal(words):
        return "person"
    return "organisation"


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
    """The type an event's head word suggests, in any case ("Summit", "the NATO summit")."""
    for word in reversed(name.split()):
        if word.capitalize() in _EVENT_TYPES:
            return _EVENT_TYPES[word.capitalize()]
    return "other"


def _event_stub(
    name: str, year: int, forms: Sequence[str], generic: Sequence[str] = (), *, key: str = ""
) -> list[str]:
    """The lines of an events.yaml entry for `name`, dated `year` at a guess; its id from `key`
    (or the name)."""
    stub = [
        f"- id: {_yaml(_slug(key or name))}",
        f"  name: {_yaml(name)}",
        f"  type: {_event_type(name)}  # a guess: check it",
        f'  date: "{year}"  # a guess: when it was',
        "  precision: year",
        f"  description: {_yaml('TODO: what ' + name + ' was')}",
        f"  forms: [{', '.join(_yaml(f) for f in forms)}]",
    ]
    if generic:
        stub.append(f"  generic: [{', '.join(_yaml(g) for g in generic)}]")
    return stub


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
