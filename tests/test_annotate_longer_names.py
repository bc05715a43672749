"""A known name that opens a longer name of something else is not a mention, on made-up
sentences: seas and straits named after a state or region, bodies named after a region,
compounds in which "war" is warfare in general. And the clause that holds a generic reference
decides it before the rest of its sentence."""

from __future__ import annotations

from pathlib import Path

from natocorpus.model import PartialDate
from test_annotate_rules import ACTORS, SUMMITS, actors_of, annotated, events_of

REGIONS = (
    "- {id: north-atlantic, name: North Atlantic, type: region, description: d,\n"
    "   forms: [North Atlantic, Atlantic]}\n"
    "- {id: indo-pacific, name: Indo-Pacific, type: region, description: d,\n"
    "   forms: [Indo-Pacific]}\n"
    "- {id: taiwan, name: Taiwan, type: state, description: d, forms: [Taiwan]}\n"
    "- {id: japan, name: Japan, type: state, description: d, forms: [Japan, Japanese]}\n"
)


def test_a_sea_or_strait_named_after_a_state_or_region_is_not_it(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Ships sailed the East China Sea and the South China Sea. Tension in the Taiwan Strait "
        "grew, and the Sea of Japan froze. The Atlantic Ocean is wide. China and Taiwan talked; "
        "Japan said the East matters.",
        actors=ACTORS + REGIONS,
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("taiwan", "Taiwan"),
        ("japan", "Japan"),
        ("east-asia", "the East"),
    ]


def test_a_body_named_after_a_region_is_not_the_region(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The North Atlantic Council met. The Indo-Pacific Command sailed. Security in the North "
        "Atlantic and the Indo-Pacific is linked. NATO spoke.",
        actors=ACTORS + REGIONS,
    )
    assert actors_of(article) == [
        ("north-atlantic", "North Atlantic"),
        ("indo-pacific", "Indo-Pacific"),
        ("nato", "NATO"),
    ]


def test_a_bodys_head_in_the_possessive_still_makes_the_longer_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The North Atlantic Council’s decision came. The Chinese Embassy’s note came. Security "
        "in the North Atlantic's waters matters.",
        actors=ACTORS + REGIONS,
    )
    assert actors_of(article) == [("china", "Chinese"), ("north-atlantic", "North Atlantic")]


def test_an_organ_in_the_plural_is_each_states_own(tmp_path: Path) -> None:
    # "the Russian and Chinese Navies": the navy of each, a head shared by two states' organs;
    # a plural that is no organ's still makes a longer name ("the Chinese Masters", a contest).
    article = annotated(
        tmp_path,
        "The Russian and Chinese Navies sailed. The Russian and Chinese Ministries spoke. The "
        "Chinese Masters began.",
        actors=ACTORS + REGIONS,
    )
    assert actors_of(article) == [
        ("russia", "Russian"),
        ("china", "Chinese"),
        ("russia", "Russian"),
        ("china", "Chinese"),
    ]


def test_an_organ_written_with_a_hyphen_is_the_states_own(tmp_path: Path) -> None:
    # "Chinese Vice-President Hu Jintao": the state's vice-president, as "Chinese Vice President"
    # is; a hyphened word that is no organ's still makes a longer name ("Russian Tea-Room").
    article = annotated(
        tmp_path,
        "Chinese Vice-President Hu spoke. The Russian Prime-Minister came. The Russian Tea-Room "
        "shut.",
        actors=ACTORS + REGIONS,
    )
    assert actors_of(article) == [("china", "Chinese"), ("russia", "Russian")]


def test_a_supreme_office_or_court_is_the_states_own(tmp_path: Path) -> None:
    # "Chinese Supreme Leader Xi", "the Russian Supreme Court": the state's leader and court, as
    # "Chinese President" is; another word after the demonym still makes a longer name.
    article = annotated(
        tmp_path,
        "Chinese Supreme Leader Xi spoke. The Russian Supreme Court ruled. The Russian Tea-Room "
        "shut.",
        actors=ACTORS + REGIONS,
    )
    assert actors_of(article) == [("china", "Chinese"), ("russia", "Russian")]


def test_a_peoples_adjective_before_a_landform_is_a_regions_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Most of Asia, including the Chinese subcontinent, stayed out; the Russian peninsula "
        "did too. Chinese officials and ships around the Japanese archipelago went on.",
        actors=ACTORS + REGIONS,
    )
    # A state's own islands are the state.
    assert actors_of(article) == [("asia", "Asia"), ("china", "Chinese"), ("japan", "Japanese")]


WAR = """\
- id: invasion-2022
  name: Russia's invasion of Ukraine
  type: other
  date: "2022-02-24"
  precision: day
  description: The war.
  forms: []
  generic: [Russia's war, war in Ukraine]
"""


def test_a_compound_of_war_is_not_a_war(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "China’s support for Russia's war economy grew. China’s support for Russia's war "
        "machine grew. China’s support for Russia's war grew, as did the war in Ukraine.",
        events=SUMMITS + WAR,
    )
    assert events_of(article) == [
        ("invasion-2022", "Russia's war"),
        ("invasion-2022", "war in Ukraine"),
    ]


def test_a_capital_with_a_possessive_is_the_government_even_after_in(tmp_path: Path) -> None:
    # The form's rule makes "in Washington" a venue; "in Washington's view" is its government's.
    article = annotated(
        tmp_path,
        "Reporters met in Washington. Trust in Washington's word fell. Aid came in "
        "Washington’s name.",
    )
    assert actors_of(article) == [("usa", "Washington"), ("usa", "Washington")]


def test_the_clause_of_a_generic_reference_decides_before_its_sentence(tmp_path: Path) -> None:
    # Published in January 2023. The place in the reference's own clause (Vilnius) is what
    # decides; the later clause's place and date are another summit's.
    article = annotated(
        tmp_path,
        "The president arrived in Vilnius and is attending the summit, after attending the one "
        "in Madrid in 2022.",
    )
    assert events_of(article) == [("vilnius-2023", "summit")]
    # One clause: its sentence decides, as before.
    single = annotated(tmp_path / "single", "Leaders met at the summit held in Madrid in 2022.")
    assert events_of(single) == [("madrid-2022", "summit")]


def test_two_seas_that_share_their_last_words_are_neither_state(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "They spoke of the East and South China Seas. China and the East disagreed.",
        actors=ACTORS + REGIONS,
    )
    assert actors_of(article) == [("china", "China"), ("east-asia", "the East")]


BRUSSELS_MEETING = """\
- id: brussels-ministers-2022
  name: Foreign ministers in Brussels
  type: ministerial
  date: "2022-04-06"
  precision: day
  place: Brussels
  description: A meeting.
  forms: []
  generic: [foreign ministers' meeting]
"""


def test_a_summit_named_after_a_place_of_other_events_is_not_one_held_elsewhere(
    tmp_path: Path,
) -> None:
    # Brussels is where the knowledge base holds a meeting, but no summit: "its Brussels Summit"
    # is a summit it lacks, reported whole by the coverage check, not the year's summit.
    article = annotated(
        tmp_path,
        "The allies met again. Its Brussels Summit communiqué the year before was short. Its "
        "Vilnius summit was long.",
        events=SUMMITS + BRUSSELS_MEETING,
    )
    assert events_of(article) == [("vilnius-2023", "Vilnius summit")]
    assert article.unresolved_events == ()


def test_a_year_that_bounds_a_period_does_not_date_what_follows(tmp_path: Path) -> None:
    # Published in August 2023: "12 July" after "up to 2026" is the July before publication.
    article = annotated(
        tmp_path,
        "A programme for the period up to 2026 was signed on 12 July on the sidelines of the "
        "NATO summit.",
        overrides={"published": 'published: {value: "2023-08", precision: month, inferred: x}'},
    )
    dates = [(d.text, d.value) for d in article.dates]
    assert ("12 July", PartialDate(2023, 7, 12)) in dates
    assert events_of(article) == [("vilnius-2023", "NATO summit")]


def test_a_date_in_another_clause_does_not_rule_the_reference_out(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Kishida, who attended the NATO summit in June 2022 in Madrid, has said since the first "
        "days of the war in Ukraine that security is one.",
        events=SUMMITS + WAR,
    )
    assert events_of(article) == [
        ("madrid-2022", "NATO summit"),
        ("invasion-2022", "war in Ukraine"),
    ]


def test_a_caption_full_of_names_is_a_sentence_not_a_heading(tmp_path: Path) -> None:
    # Its capitals are names: "North Atlantic" opens the name of a council there too.
    article = annotated(
        tmp_path,
        "Intro words open this text.\n\n"
        "US President Joe Biden delivers remarks at a meeting of the North Atlantic Council at "
        "the NATO Summit on July 10, 2024, in Washington, DC. (Kevin Dietsch via Getty Images)",
        actors=ACTORS + REGIONS,
    )
    assert ("north-atlantic", "North Atlantic") not in actors_of(article)


def test_a_body_named_after_a_region_in_a_title_case_heading(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "## Remarks at the Meeting of the North Atlantic Council With Partners\n\n"
        "Security in the North Atlantic matters to NATO.",
        actors=ACTORS + REGIONS,
    )
    assert actors_of(article) == [("north-atlantic", "North Atlantic"), ("nato", "NATO")]


def test_a_non_breaking_hyphen_joins_a_compound_and_seas_in_lower_case(tmp_path: Path) -> None:
    regions = REGIONS + (
        "- {id: euro-atlantic, name: Euro-Atlantic, type: region, description: d,\n"
        "   forms: [Euro-Atlantic]}\n"
    )
    article = annotated(
        tmp_path,
        "Security in the Euro\u2011Atlantic and the Indo-Pacific is one. Ships sailed the South "
        "and East China seas. China watched, a non\u2011NATO state, in a post\u2011NATO era.",
        actors=ACTORS + regions,
    )
    assert actors_of(article) == [
        ("euro-atlantic", "Euro\u2011Atlantic"),
        ("indo-pacific", "Indo-Pacific"),
        ("china", "China"),
        ("nato", "NATO"),  # after a prefix and a non-breaking hyphen, as after a hyphen
        ("nato", "NATO"),
    ]


def test_names_joined_by_a_non_breaking_hyphen_are_read_as_with_a_hyphen(tmp_path: Path) -> None:
    # "Russia‑China ties", "NATO‑grade": a non-breaking hyphen is a hyphen; the names on either
    # side of it are named as they are on either side of "-".
    article = annotated(
        tmp_path,
        "Russia\u2011China ties worry NATO. Firms make NATO\u2011grade parts, and Russia-China "
        "trade grows.",
        actors=ACTORS,
    )
    assert actors_of(article) == [
        ("russia", "Russia"),
        ("china", "China"),
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("russia", "Russia"),
        ("china", "China"),
    ]


def test_an_adjective_inside_a_bodys_name_after_what_it_is_of_or_for_is_no_place(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "The Institute of European and American Studies and the Center for a New American "
        "Security briefed NATO. European and American officials came, the Institute of Peace "
        "heard Chinese views, and a Council on Chinese investment met.",
    )
    # The name goes on after the adjective, after a body's "of" or "for": a field or a cause.
    # Where no name goes on after it ("a Council on Chinese investment"), or no body's head
    # comes before it, the adjective is its state's.
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("europe", "European"),
        ("usa", "American"),
        ("china", "Chinese"),
        ("china", "Chinese"),
    ]


def test_an_article_before_a_preposition_leaves_a_possessive_phrase_definite(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "Ukraine ran a counteroffensive against Russia's war. A war after a war in Ukraine "
        "is feared.",
        events=SUMMITS + WAR,
    )
    # "a counteroffensive against": the article is the counteroffensive's; "a war in Ukraine"
    # stays one of a kind.
    assert events_of(article) == [("invasion-2022", "Russia's war")]


NAMED_WAR = WAR.replace("forms: []", "forms: [Russian invasion of Ukraine]")


def test_a_war_named_in_a_text_published_before_it_began_is_left_to_check(
    tmp_path: Path,
) -> None:
    before = {"published": 'published: {value: "2020-12", precision: month, inferred: a test}'}
    body = "NATO acted after the Russian invasion of Ukraine and the annexation of Crimea in 2014."
    article = annotated(tmp_path / "before", body, events=SUMMITS + NAMED_WAR, overrides=before)
    # Nobody announces a war: a text of 2020 cannot name the one of 2022.
    assert events_of(article) == []
    assert [u.text for u in article.unresolved_events] == ["Russian invasion of Ukraine"]
    after = {"published": 'published: {value: "2022-02", precision: month, inferred: a test}'}
    article = annotated(tmp_path / "after", body, events=SUMMITS + NAMED_WAR, overrides=after)
    assert events_of(article) == [("invasion-2022", "Russian invasion of Ukraine")]


def test_words_that_judge_a_war_may_stand_between_its_party_and_its_noun(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Ukraine resisted Russia's unwarranted war. It resisted Russia's premeditated and "
        "blatant war.",
        events=SUMMITS + WAR,
    )
    assert [event for event, _ in events_of(article)] == ["invasion-2022", "invasion-2022"]


def test_a_war_named_by_its_parties_the_other_way_round_or_quoted_after_its_launch(
    tmp_path: Path,
) -> None:
    war = WAR.replace("[Russia's war, war in Ukraine]", "[Russia-Ukraine conflict, war in Ukraine]")
    article = annotated(
        tmp_path,
        "Both men agreed the Ukraine-Russia conflict matters. Russia launched a “war in "
        "Ukraine” two years ago; a war in Ukraine may come again.",
        events=SUMMITS + war,
    )
    assert events_of(article) == [
        ("invasion-2022", "Ukraine-Russia conflict"),
        ("invasion-2022", "war in Ukraine"),
    ]


def test_a_regions_one_word_name_before_another_capitalised_word_opens_a_longer_name(
    tmp_path: Path,
) -> None:
    # "the Asia Eagles mission", "Asia Economy": names that open with the region's; not "the Asia
    # Region", a list of names ("Asia China"), a compound ("the Europe-Asia Meeting"'s second
    # half) or a sentence's function word after it ("Asia As China Rises").
    article = annotated(
        tmp_path,
        "Jets flew as part of the Asia Eagles mission, said an Asia Economy reporter. The Asia "
        "Region grew, and NATO Turns to Asia As China Rises.",
        actors=ACTORS,
    )
    assert actors_of(article) == [
        ("asia", "Asia"),
        ("nato", "NATO"),
        ("asia", "Asia"),
        ("china", "China"),
    ]


def test_a_state_that_owns_an_organ_after_another_bodys_head_is_the_state(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "The chairman of the Intelligence Committee of China’s National Assembly met NATO. The "
        "Bank of China’s Policy Board met NATO, and so did the Council of Europe’s Parliamentary "
        "Assembly.",
    )
    # The bank's board and the council's assembly are theirs, not the state's or the region's.
    assert actors_of(article) == [("china", "China"), ("nato", "NATO"), ("nato", "NATO")]


def test_a_capital_made_an_adjective_by_a_prefix_opens_no_longer_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "It became a haven for anti-Washington Islamic militants. The pro-Washington Georgian "
        "party won. The Washington Post said so.",
    )
    # The newspaper's name is still another name.
    assert actors_of(article) == [("usa", "Washington"), ("usa", "Washington")]
