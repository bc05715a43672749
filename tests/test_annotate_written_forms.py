"""The other ways a text prints a known name, and the places that are where something happens,
on made-up sentences: plurals of a people, numbers in figures, acronyms said as words, an
acronym written out in a generic phrase, a summit named by its city as a meeting, a capital or
a building near which something happens."""

from __future__ import annotations

from pathlib import Path

from test_annotate_rules import ACTORS, actors_of, annotated, events_of

MORE = (
    "- {id: aukus, name: AUKUS, type: alliance, description: d, forms: [AUKUS]}\n"
    "- {id: ip4, name: Indo-Pacific Four, type: grouping, description: d,\n"
    "   forms: [Indo-Pacific Four]}\n"
    "- id: north-atlantic-treaty-organization\n"
    "  name: North Atlantic Treaty Organization\n"
    "  type: alliance\n"
    "  description: d\n"
    "  forms: [North Atlantic Treaty Organization]\n"
)


def test_a_peoples_plural_a_number_in_figures_and_an_acronym_said_as_a_word(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "Most Europeans and Asians agree. The Indo-Pacific 4 met. The Aukus pact grew, and "
        "AUKUS spoke. The Chinese disagree.",
        actors=ACTORS + MORE,
    )
    assert actors_of(article) == [
        ("europe", "Europeans"),
        ("asia", "Asians"),
        ("ip4", "Indo-Pacific 4"),
        ("aukus", "Aukus"),
        ("aukus", "AUKUS"),
        ("china", "Chinese"),
    ]


def test_a_demonym_opening_a_sentence_is_not_qualified_by_the_word_before(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "Given Russian aggression, allies act. Latin American states wait.",
    )
    # "Latin American" is another name: "American" is not the United States there.
    assert actors_of(article) == [("russia", "Russian")]


def test_an_acronym_written_out_in_a_generic_phrase(tmp_path: Path) -> None:
    nato = ACTORS.replace("forms: [NATO]}", "forms: [NATO, North Atlantic Treaty Organization]}")
    article = annotated(
        tmp_path,
        "Leaders flew to Vilnius on Monday to attend a North Atlantic Treaty Organization "
        "summit in Vilnius.",
        actors=nato,
    )
    assert events_of(article) == [
        ("vilnius-2023", "North Atlantic Treaty Organization summit in Vilnius")
    ]


def test_a_summit_named_by_its_city_as_a_meeting(tmp_path: Path) -> None:
    # Published in January 2023.
    article = annotated(
        tmp_path,
        "Albanese attended last year’s meeting in Madrid. The Madrid meeting showed resolve. "
        "A meeting in Spain was planned.",
    )
    assert events_of(article) == [
        ("madrid-2022", "meeting in Madrid"),
        ("madrid-2022", "Madrid meeting"),
    ]


def test_a_capital_near_which_or_a_building_in_which_something_happens(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "{text: Washington, unless_after: [in]}", "{text: Washington, unless_after: [in, near]}"
    ) + (
        "- id: ru2\n  name: Kremlin\n  type: state\n  description: d\n"
        "  forms: [{text: Kremlin, unless_after: [at the, in the]}]\n"
    )
    article = annotated(
        tmp_path,
        "He landed near Washington. Washington objected. At a meeting at the Kremlin, officials "
        "in the Kremlin and the Kremlin itself spoke.",
        actors=actors,
    )
    assert actors_of(article) == [("usa", "Washington"), ("ru2", "Kremlin"), ("ru2", "Kremlin")]
