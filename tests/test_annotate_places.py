"""Where a name is a place and not the actor it can stand for, on made-up sentences: a capital
city named as a place (a part of it, a journey to it, a body that is there, a filed report's
line), a state's formal name inside another state's, a summit's city used for its government;
a generic reference in a text that tells of a meeting the knowledge base lacks; and what the
coverage check leaves out: a common noun of government alone, a section's short title."""

from __future__ import annotations

from pathlib import Path

from natocorpus.coverage import _run_together
from test_annotate_rules import ACTORS, actors_of, annotated, events_of
from test_annotate_rules import SUMMITS as RULES_SUMMITS
from test_coverage import KNOWN, warned

KOREAS = """\
- id: south-korea
  name: South Korea
  type: state
  description: d
  forms: [South Korea, Republic of Korea, {text: Seoul, unless_after: [in]}]
"""


def _washington(article_text: str, tmp_path: Path) -> list[str]:
    """The passages annotated as the United States."""
    article = annotated(tmp_path, article_text, actors=ACTORS)
    return [text for actor, text in actors_of(article) if actor == "usa"]


def test_a_capital_named_as_a_place_is_not_its_government(tmp_path: Path) -> None:
    places = [
        "The base lies north of Washington and NATO trains there.",
        "A tenth of the population of Washington saw NATO arrive.",
        "Before leaving Washington to attend the NATO meeting, he spoke.",
        "During a visit to Washington the NATO chief spoke.",
        "An expert of the Ruritanian Institute for Policy (Washington) said NATO must act.",
        "Thank you for stopping by Washington; NATO thanks you.",
        "I have come here to Washington to meet NATO.",
        "Just look at the images from Washington, NATO said.",
        "The Washington office of NATO opened.",
        "The London Washington Delegation Reports are out. NATO met.",
        "The participants in the Washington gathering praised NATO.",
        "Japan was invited to Washington, where NATO met.",
        "The NATO envoy was summoned to Washington.",
        "The carrier USS George Washington sailed with NATO ships.",
        "NATO sailors met the crowd at the Washington cruise terminal.",
        "NATO sailors walked through the Washington railway station.",
        "Ruritania pulled its diplomats out of Washington after the NATO vote.",
        "Shelling hit three towns in the Washington region, NATO said.",
        "It is my honour to welcome to Washington the NATO ship Vespucci.",
        "Missiles struck various regions, including Washington, NATO said.",
        "Drones hit cities such as Washington and Lisbon, NATO said.",
        # a meeting held there, a word of its subject before the noun
        "NATO’s envoy spoke at a Washington defence forum on Monday.",
        "The Washington peace conference heard NATO.",
        # a journey past another stop, and a wire's line of where it filed
        "The minister returned to Rome from Washington, NATO said.",
        "NATO's engagement, moving from Brussels to Washington, grew.",
        "NATO watched Yoon’s Washington foray and the Washington leg of his tour.",
        "(Berlin, Washington = Yonhap News) NATO met.",
        "China protested the visit of NATO Secretary General Mark Rutte to Washington.",
        "NATO's envoy toured the cities of Honolulu and Washington last week.",
        "Russia withdrew from the environs of Washington, NATO said.",
        "[NTD Times, Washington time, May 25, 2023] NATO met.",
        # a publication there
        "The Washington daily said NATO met, as did a Washington newspaper.",
    ]
    for number, sentence in enumerate(places):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence


def test_a_governments_moves_are_not_a_journey(tmp_path: Path) -> None:
    # "moves" is the noun here: what the government does, not a way to or from the city.
    assert _washington("NATO countered assertive moves from Washington.", tmp_path) == [
        "Washington"
    ]
    # nor is its visiting: the verb, not the noun of a journey there
    assert _washington("Washington visits NATO often.", tmp_path / "v") == ["Washington"]


def test_capitals_among_which_one_is_named_are_still_governments(tmp_path: Path) -> None:
    # Capitals stand for their governments: "NATO capitals, including Washington" is its
    # government, not a city among places.
    assert _washington("NATO capitals, including Washington, agreed.", tmp_path) == ["Washington"]


def test_a_capital_listed_after_a_venues_or_a_journeys_word_is_a_place(tmp_path: Path) -> None:
    listed = [
        "NATO’s presence in Ruritania City and Washington grew.",
        "During a visit to Ruritania City, Lisbon and Washington the NATO chief spoke.",
    ]
    for number, sentence in enumerate(listed):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence
    # Between two governments, a capital is still its government; so is one where a feeling is.
    sentence = "Talks between Ruritania City and Washington went on. NATO watched."
    assert _washington(sentence, tmp_path / "c") == ["Washington"]
    sentence = "NATO’s plan causes wariness not only in Ruritania City and Washington."
    assert _washington(sentence, tmp_path / "d") == ["Washington"]
    assert _washington("NATO’s plan met with anger in Washington.", tmp_path / "e") == [
        "Washington"
    ]
    # Unless a clause on what happens there follows: then it is the city.
    sentence = "NATO’s plan met with anger in Washington, where officials objected."
    assert _washington(sentence, tmp_path / "f") == []


def test_a_capital_that_aid_or_arms_are_sent_to_is_its_government(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "{text: Washington, unless_after: [in]}", "{text: Washington, unless_after: [in, to]}"
    )
    for number, sentence in enumerate(
        [
            "NATO approved a military aid package to Washington.",
            "NATO sent weapons to Washington.",
            "NATO will deliver 31 Abrams tanks to Washington.",
            "NATO gave military equipment and vehicles to Washington.",
            "NATO made an ‘unofficial offer’ to Washington to join.",
        ]
    ):
        article = annotated(tmp_path / str(number), sentence, actors=actors)
        assert [t for a, t in actors_of(article) if a == "usa"] == ["Washington"], sentence
    # Travelling to it, still the city.
    article = annotated(tmp_path / "c", "NATO's chief flew to Washington.", actors=actors)
    assert [t for a, t in actors_of(article) if a == "usa"] == []


def test_what_a_capital_asks_or_threatens_from_it_is_its_governments(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "{text: Washington, unless_after: [in]}", "{text: Washington, unless_after: [in, from]}"
    )
    for number, sentence in enumerate(
        [
            "NATO granted the request from Washington.",
            "NATO faced demands from Washington.",
            "Allies heard threats from Washington.",
            "NATO felt pressure from Washington to spend more.",
            "NATO read a statement from Washington.",
            "Allies awaited a response from Washington.",
        ]
    ):
        article = annotated(tmp_path / str(number), sentence, actors=actors)
        assert [t for a, t in actors_of(article) if a == "usa"] == ["Washington"], sentence
    # Coming from it, still the city.
    article = annotated(tmp_path / "c", "NATO's chief flew in from Washington.", actors=actors)
    assert [t for a, t in actors_of(article) if a == "usa"] == []


def test_a_capital_after_a_bodys_name_and_a_comma_is_where_the_body_is(tmp_path: Path) -> None:
    # A speaker's affiliation: "RAND Corporation, Washington"; "Hudson Institute, Washington/
    # Tokyo", a body in two cities. NATO's partner named after a comma is still its government.
    actors = ACTORS + (
        "- {id: japan, name: Japan, type: state, description: d, forms: [Japan, "
        "{text: Tokyo, unless_after: [in]}]}\n"
    )
    article = annotated(
        tmp_path,
        "NATO heard Jeffrey Hornung, RAND Corporation, Washington\n\nand Satoru Nagao, Hudson "
        "Institute, Washington/ Tokyo. NATO, Washington and Tokyo agreed.",
        actors=actors,
    )
    assert [t for a, t in actors_of(article) if a != "nato"] == ["Washington", "Tokyo"]
    # So on a line of names in capitals, a speakers' list, where capitals prove nothing else.
    listed = annotated(
        tmp_path / "b",
        "NATO met.\n\nSatoru Nagao, Non-resident Fellow, Hudson Institute, Washington/ Tokyo",
        actors=actors,
    )
    assert [t for a, t in actors_of(listed) if a != "nato"] == []


def test_a_capital_that_troops_go_into_or_that_hosts_a_meeting_is_the_city(
    tmp_path: Path,
) -> None:
    places = [
        "When the tanks rolled into Washington, NATO was alarmed.",
        "Troops entered Washington and NATO met.",
        "With Washington hosting the NATO summit, allies flew in.",
        "Washington will host the next NATO ministerial meeting.",
    ]
    for number, sentence in enumerate(places):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence
    # A call into the capital is to its government; so is what is drawn into its orbit.
    sentence = "NATO will make a call into Washington. China was pulled into Washington’s orbit."
    assert _washington(sentence, tmp_path / "g") == ["Washington", "Washington"]


def test_a_capital_that_names_a_title_or_a_battle_is_the_city(tmp_path: Path) -> None:
    places = [
        "NATO met the Duke of Washington.",
        "The Archbishop of Washington blessed NATO.",
        "NATO studied the Battle of Washington.",
    ]
    for number, sentence in enumerate(places):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence


def test_a_peoples_adjective_after_a_capitalised_the_inside_a_sentence_is_a_newspaper(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path, "Writing in The American just a day later, the American envoy praised NATO."
    )
    assert [text for actor, text in actors_of(article) if actor == "usa"] == ["American"]
    assert article.mentions[0].start > article.text.reading_text.index("the American")


def test_a_capital_that_acts_is_still_its_government(tmp_path: Path) -> None:
    sentence = (
        "Washington said NATO must act. Washington's push was plain, and ties with Washington "
        "grew as China and Washington argued."
    )
    assert _washington(sentence, tmp_path) == ["Washington"] * 4


def test_a_capital_with_its_state_or_on_a_filed_reports_line_is_a_place(tmp_path: Path) -> None:
    body = (
        "NATO met allies today.\n\nWire Service, Washington\n\n"
        "NATO met at a base near Washington, United States, today."
    )
    assert _washington(body, tmp_path) == ["United States"]


def test_datelines_with_an_agency_an_ordinal_day_or_a_separator_are_places(
    tmp_path: Path,
) -> None:
    body = (
        "NATO met allies today.\n\nWire Service, Washington, May 12th (Reporter) NATO spoke."
        "\n\nWashington • Wire\n\nWashington – Wire\n\nWashington- Highlighting the base, "
        "NATO agreed."
    )
    assert _washington(body, tmp_path) == []


def test_an_acronym_a_text_defines_for_common_words_is_not_the_known_one(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The fleets drilled naval air training operations (NATO) at sea. The North Atlantic "
        "Treaty Organization (NATO) watched.",
        actors=ACTORS,
    )
    # The one after the name it abbreviates stays.
    assert actors_of(article) == [("nato", "NATO")]
    assert article.mentions[0].start > article.text.reading_text.index("North Atlantic")
    # Spelt out as common words only, the acronym is the text's own wherever it stands.
    own = annotated(
        tmp_path / "b",
        "The fleets drilled naval air training operations (NATO) at sea. During the NATO, China "
        "watched; NATO drills went on.",
        actors=ACTORS,
    )
    assert actors_of(own) == [("china", "China")]


def test_officials_met_in_capitals_are_met_there(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The NATO envoy met with senior officials in Washington and Seoul. Regimes in Seoul "
        "and Washington worry.",
        actors=ACTORS + KOREAS,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("south-korea", "Seoul"),
        ("usa", "Washington"),
    ]


def test_a_longer_form_beginning_inside_a_match_wins(tmp_path: Path) -> None:
    # "the East" is a form of East Asia, and so is "East Asia": "the East Asia of tomorrow" is
    # East Asia, not "the East" and then Asia.
    article = annotated(tmp_path, "NATO said Georgia may be the East Asia of tomorrow.")
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("georgia", "Georgia"),
        ("east-asia", "East Asia"),
    ]


def test_a_formal_name_after_a_qualifier_is_another_state(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Democratic People's Republic of Korea fired missiles. The Republic of Korea and "
        "NATO objected.",
        actors=ACTORS + KOREAS,
    )
    assert actors_of(article) == [("south-korea", "Republic of Korea"), ("nato", "NATO")]


def test_the_coverage_check_reports_the_longer_formal_name_whole(tmp_path: Path) -> None:
    found = warned(
        tmp_path, "NATO met the Democratic People's Republic of Korea envoy.", actors=KNOWN
    )
    assert "Democratic People's Republic of Korea" in found


SUMMITS = """\
- id: vilnius-2023
  name: NATO Summit, Vilnius
  type: summit
  date: "2023-07-11"
  end_date: "2023-07-12"
  precision: day
  place: Vilnius
  description: A summit.
  forms: [Vilnius summit]
  generic: [NATO summit, summit]
- id: washington-2024
  name: NATO Summit, Washington
  type: summit
  date: "2024-07-09"
  end_date: "2024-07-11"
  precision: day
  place: Washington
  description: A summit.
  forms: [Washington summit]
  generic: [NATO summit, summit]
"""
PUBLISHED_AFTER = {"published": 'published: {value: "2024-12", precision: month, inferred: a test}'}
PUBLISHED = {"published": 'published: {value: "2025-06", precision: month, inferred: a test}'}


def test_a_text_telling_of_an_unknown_summit_leaves_its_bare_summit_undecided(
    tmp_path: Path,
) -> None:
    # Published in the year of the Washington summit, after it: alone, the date chooses it.
    alone = annotated(
        tmp_path / "alone",
        "NATO leaders met again.\n\nThe summit was short and NATO agreed.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED_AFTER,
    )
    assert events_of(alone) == [("washington-2024", "summit")]
    # The text tells of a summit no entry holds: its "the summit" may be that one.
    unknown = annotated(
        tmp_path / "unknown",
        "NATO’s Hague summit wrapped up Wednesday.\n\nThe summit was short and NATO agreed.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED_AFTER,
    )
    assert events_of(unknown) == []
    reading = unknown.text.reading_text
    assert [reading[u.start : u.start + 18] for u in unknown.unresolved_events] == [
        "summit wrapped up ",
        "summit was short a",
    ]


def test_a_summits_city_in_the_possessive_is_the_government_not_the_venue(
    tmp_path: Path,
) -> None:
    # "Washington’s push" does not place the summit in Washington: the paragraph's date does.
    article = annotated(
        tmp_path,
        "In July 2023 the summit was dominated by Washington’s push. NATO agreed.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED,
    )
    assert events_of(article) == [("vilnius-2023", "summit")]


def test_a_common_noun_of_government_alone_is_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "The Government has since worked with NATO. Heads of State and Government met Japan "
        "and the Ministry of Lore.",
        actors=KNOWN,
    )
    assert "Government" not in found
    assert "Ministry of Lore" in found
    # NATO's own capitalised nouns, and a diplomat's title before a name.
    nato = warned(
        tmp_path / "nato",
        "NATO saw Finland as our 31st Ally. NATO met each Partner. Japan met H.E. Ann Other today.",
        actors=KNOWN,
    )
    assert set(nato) == {"Finland", "Ann Other"}
    # A numbered step, and the first half of a suspended compound, are no names.
    steps = warned(
        tmp_path / "steps",
        "Japan paid under Phase 4 of the plan. NHK is a state TV- and radio-company of Japan. "
        "Japan spoke at 8:32 AM and at 10 PM.",
        actors=KNOWN,
    )
    assert set(steps) == {"NHK"}


BODY = (
    "NATO and Japan agreed on a long list of measures at the meeting, and their officials "
    "said that the work would go on through the year and into the next one as planned."
)


def test_a_short_section_title_after_the_body_is_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path, f"Jane Doerr\n\n{BODY}\n\nHistorical Development\n\n{BODY}", actors=KNOWN
    )
    # The byline before the body is a name; the section's title after it is not.
    assert "Jane Doerr" in found
    assert "Historical Development" not in found


def test_a_transcripts_labels_are_not_reported_but_a_speakers_name_is(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\nSUBJECTS: the alliance.\n\nDEPUTY PRIME MINISTER: We agreed."
        "\n\nLYNN KUOK: Thank you.",
        actors=KNOWN,
    )
    assert "SUBJECTS" not in found
    assert "DEPUTY PRIME MINISTER" not in found
    assert "LYNN KUOK" in found


def test_titles_and_their_portfolios_are_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO welcomed Assoc. Prof. Dr. Ana Kovač, the Assistant Secretary General for "
        "Political Affairs, and the Heads of State and Government. Excellencies, Japan said.",
        actors=KNOWN,
    )
    assert set(found) == {"Ana Kovač"}


def test_a_portfolio_before_summit_makes_it_a_ministers_meeting(tmp_path: Path) -> None:
    # Published in the year of the Washington summit, after it: "the summit" alone would be it,
    # but a "defence summit" is a meeting of defence ministers, which no entry holds.
    body = "NATO met.\n\nJapan joins NATO's defence summit."
    article = annotated(tmp_path, body, actors=ACTORS, events=SUMMITS, overrides=PUBLISHED_AFTER)
    assert events_of(article) == []
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [("summit", ())]


GROUPS = """\
- id: partners
  name: The Pacific partners
  type: grouping
  description: d
  forms: [partners in the Pacific]
- {id: pacific, name: Pacific, type: region, description: d, forms: [Pacific]}
"""


def test_a_group_named_by_its_place_is_not_named_in_a_list_of_places(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO met its partners in the Pacific. Allies and partners in the Pacific and Europe "
        "agreed, as did partners in the Pacific region, Africa and Europe.",
        actors=ACTORS + GROUPS,
    )
    # The region inside the turned-down phrase is named: partners in each of the places.
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("partners", "partners in the Pacific"),
        ("pacific", "Pacific"),
        ("europe", "Europe"),
        ("pacific", "Pacific"),
        ("europe", "Europe"),
    ]


def test_a_capital_named_as_a_summits_venue_in_a_list_is_the_venue(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO met at the summits in Vilnius last year and Washington earlier this year.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED_AFTER,
    )
    assert events_of(article) == [("vilnius-2023", "Vilnius"), ("washington-2024", "Washington")]
    assert [text for actor, text in actors_of(article) if actor == "usa"] == []


def test_a_summit_named_after_another_body_is_another_meeting(tmp_path: Path) -> None:
    actors = ACTORS + "- {id: quad, name: Quad, type: grouping, description: d, forms: [Quad]}\n"
    article = annotated(
        tmp_path,
        "NATO watched. China objected at the Quad summit.",
        actors=actors,
        events=SUMMITS,
        overrides=PUBLISHED_AFTER,
    )
    assert events_of(article) == []
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [("summit", ())]


def test_a_summit_of_another_body_after_its_noun_is_another_meeting(tmp_path: Path) -> None:
    # "the summit of the Quad" is the Quad's, whatever year the paragraph names; "the summit of
    # NATO leaders" is NATO's, and so is "the summit of the Western alliance".
    actors = ACTORS + (
        "- {id: quad, name: Quad, type: grouping, description: d, forms: [Quad]}\n"
        "- {id: west, name: The West, type: grouping, description: d, forms: [Western]}\n"
    )
    events = SUMMITS.replace("  generic:", "  participants: [nato]\n  generic:")
    article = annotated(
        tmp_path,
        "NATO watched it in 2023. Japan chaired the summit of the Quad nations in Tokyo.\n\n"
        "In 2024, the summit of NATO leaders opened. In 2024, the summit of the Western "
        "alliance closed.",
        actors=actors,
        events=events,
        overrides=PUBLISHED_AFTER,
    )
    assert events_of(article) == [
        ("washington-2024", "summit of NATO leaders"),
        ("washington-2024", "summit"),
    ]
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [("summit", ())]


def test_a_summit_named_after_an_unknown_group_or_meant_in_general_is_none(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "NATO watched. Like the G7 summit, it showed unity.\n\n"
        "China praised the premier’s summit diplomacy with NATO. NATO adopts it at their "
        "summit meetings.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED_AFTER,
    )
    assert events_of(article) == []
    # The first is a reference no known event fits; the second refers to none.
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [("summit", ())]


def test_a_summits_phrase_as_a_meeting_is_decided_only_by_what_is_around_it(
    tmp_path: Path,
) -> None:
    # Published after the Washington summit, in its year: "the NATO summit" is it, but "the
    # NATO meeting" may be any meeting of NATO; with its date it is the summit again.
    body = (
        "NATO met.\n\nJapan went to the NATO summit. Georgia went to the NATO meeting.\n\n"
        "China watched the NATO meeting of July 2024."
    )
    article = annotated(tmp_path, body, actors=ACTORS, events=SUMMITS, overrides=PUBLISHED_AFTER)
    assert events_of(article) == [
        ("washington-2024", "NATO summit"),
        ("washington-2024", "NATO meeting"),
    ]


def test_an_adjective_and_an_article_before_an_acronym_make_another_alliance(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "China fears an Asian NATO would follow. A European NATO member agreed. A Stronger NATO "
        "is the title.",
        actors=ACTORS,
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("asia", "Asian"),
        ("europe", "European"),
        ("nato", "NATO"),
        ("nato", "NATO"),
    ]


def test_a_capital_struck_by_missiles_or_strikes_is_the_city(tmp_path: Path) -> None:
    for number, sentence in enumerate(
        (
            "NATO said further missiles into Washington were fired.",
            "NATO counted drone strikes on Washington.",
            "NATO said ballistic missiles struck Washington.",
        )
    ):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence
    assert _washington("NATO counted pressure on Washington.", tmp_path / "p") == ["Washington"]


def test_a_capital_whose_surroundings_or_a_journey_there_are_meant_is_the_city(
    tmp_path: Path,
) -> None:
    for number, sentence in enumerate(
        (
            "NATO joined the operations around Washington.",
            "NATO has a base near Washington.",
            "NATO met outside Washington.",
            "NATO held a dinner for the first time outside of Washington.",
            "The cherry blossom front has reached Washington, NATO says.",
            "After my visit last year to Washington, NATO hosted guests.",
        )
    ):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence


def test_a_states_adjective_before_a_ministers_portfolio_is_the_state(tmp_path: Path) -> None:
    for number, sentence in enumerate(
        [
            "The Chinese External Affairs Minister met NATO.",
            "The Chinese Finance Ministry wrote to NATO.",
            "The Chinese Trade Minister met NATO.",
        ]
    ):
        article = annotated(tmp_path / str(number), sentence)
        assert ("china", "Chinese") in actors_of(article), sentence


def test_a_states_adjective_as_a_language_is_not_the_state(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO read an editorial in Chinese (a version followed). Its Chinese-language service "
        "spoke; its envoy studied the Chinese language. A Chinese-speaking diplomat and a "
        "Chinese-speaker came; books were translated into Chinese for use at its school, and "
        "from Chinese into English. A name from Chinese, it means paradise. Chinese ships "
        "sailed, and questions came from Chinese reporters, and from Chinese, Russian and other "
        "sources. An article in Chinese contributed to NATO's review said so; a post in Chinese "
        "on its site too. An article in Chinese media disagreed.",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("china", "Chinese"),
        ("china", "Chinese"),
        ("china", "Chinese"),
        ("russia", "Russian"),
        # (a text written in the language is not the state's; its media are)
        ("nato", "NATO"),
        ("china", "Chinese"),
    ]


def test_a_summits_city_in_a_clause_in_the_possessive_is_not_its_venue(tmp_path: Path) -> None:
    # Published in 2025: "his first summit" is no known one; "Washington's ties" in its clause
    # is the government's, not the venue of the Washington summit.
    article = annotated(
        tmp_path,
        "NATO met. As Biden renewed Washington's ties at his first summit, allies agreed.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED,
    )
    assert events_of(article) == []


def test_a_capital_before_a_meeting_in_a_title_case_line_names_no_other_meeting(
    tmp_path: Path,
) -> None:
    # In a headline in title case, "Join" before "Meeting in Washington" is the headline's
    # capital, not the name of another meeting: the text's bare "summit" is still decided.
    body = (
        "NATO Leaders Join Meeting in Washington Today\n\n"
        "NATO met allies this week.\n\nThe summit was short and Japan agreed."
    )
    article = annotated(tmp_path, body, actors=ACTORS, events=SUMMITS, overrides=PUBLISHED_AFTER)
    assert ("washington-2024", "summit") in events_of(article)


def test_a_part_of_a_capital_after_its_possessive_is_the_city(tmp_path: Path) -> None:
    places = [
        "He spoke in Washington’s Foggy Bottom district. NATO met.",
        "Washington’s streets were calm as NATO met.",
        "NATO landed at Washington's Dulles Airport.",
        "He is a fellow at Washington's Royal United Services Institute, which studies NATO.",
        "Jaishankar told an event at Washington’s Carnegie Endowment for International Peace.",
        "NATO was praised by Washington’s prestigious Institute for Peace.",
        "He would ease Washington’s overconcentration, NATO heard.",
        "Washington’s traffic slowed NATO's envoys.",
    ]
    for number, sentence in enumerate(places):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence
    assert _washington("Washington’s policy on NATO changed.", tmp_path / "policy") == [
        "Washington"
    ]
    # A state's organ there is still the government's.
    assert _washington("Washington's Defense Ministry briefed NATO.", tmp_path / "organ") == [
        "Washington"
    ]


def test_a_state_inside_a_longer_proper_name_is_not_the_state(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Global China Review reported that China objected. The Chinese Embassy and NATO met.",
        actors=ACTORS,
    )
    assert [text for actor, text in actors_of(article) if actor == "china"] == ["China", "Chinese"]
    reading = article.text.reading_text
    assert article.mentions[0].start == reading.index("China objected")


def test_a_building_of_a_capital_after_its_possessive_is_the_city(tmp_path: Path) -> None:
    assert _washington("NATO’s chief spoke at Washington’s Union Station.", tmp_path) == []


def test_labels_degrees_notes_and_common_acronyms_are_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "Editor's Note\n\n"
        "In this Commentary, Yang Gyu Kim, Principal Researcher at the Asia Forum, explains "
        "why NATO asked Japan. He adds what the players do. [1] Given that NATO asked, AI and "
        "TV matter. He holds a PhD from a college.\n\n"
        "By: Prof. Dr. Drs. Ermaya Suradinata, S.H., M.H., M.S.\n\n"
        "MINISTER: Well, NATO met Japan.\n\nSECRETARY: Thanks, everyone. PHOTO: Japan.\n\n"
        "Ambassador Rao,Distinguished guests,Ladies and gentlemen, NATO met at 0:35 p.m. JST.",
        actors=KNOWN,
    )
    assert set(found) == {"Yang Gyu Kim", "Asia Forum", "Ermaya Suradinata", "Rao"}


def test_a_capital_of_two_words_is_a_city_not_an_adjective(tmp_path: Path) -> None:
    # "New Delhi" ends as a demonym may ("Pakistani"), but "New" is no compass point: a city.
    india = (
        "- id: india\n  name: India\n  type: state\n  description: d\n"
        "  forms: [India, Indian, {text: New Delhi, unless_after: [in]}]\n"
    )
    article = annotated(
        tmp_path,
        "India rejects NATO claim\n\nNew Delhi\n\nIndia on Friday rejected NATO's claim. New "
        "Delhi objected.",
        actors=ACTORS + india,
    )
    india_mentions = [text for actor, text in actors_of(article) if actor == "india"]
    assert india_mentions == ["India", "India", "New Delhi"]


def test_labels_in_capitals_codes_and_faiths_are_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "EDITORIAL – OCT 2024 – NATO’s plan\n\n"
        "(LEAD) NATO and Japan talk\n\n"
        "Episode Transcript\n\n"
        "When Islamic terror was the threat, NATO acted…Everything changed, said External "
        "Affairs Minister Anand Rao in IP23054. Japan joined the Pacific Rim Region (PRR) "
        "talks in APR.",
        actors=KNOWN,
    )
    assert set(found) == {"Anand Rao", "Pacific Rim Region", "APR"}


def test_a_web_pages_furniture_and_words_a_capture_ran_together_are_not_reported(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "By Kim Lee, Staff Writer\n\n"
        "Key Takeaways:\n\n"
        "Japan and South Koreaare close, and NATO is keen. JapanChina ties and the "
        "Europein Japan talks grew in Julywith Europe. Associated Press reported it on "
        "Monday.It was read. Read More\n\n"
        "Press Release: the Drudge Report. Story Code : 1041717",
        actors=KNOWN,
    )
    # A name beside the furniture ("Kim Lee", "Drudge Report", "Associated Press") is still one;
    # so are words that only look run together ("Koreana" is no "Korea" and "a", "Marin" no
    # "Mar" and "in").
    assert set(found) == {"Kim Lee", "Associated Press", "Drudge Report"}
    found = warned(tmp_path / "b", "NATO met at the Koreana Hotel in Marin County.", actors=KNOWN)
    assert set(found) == {"Koreana Hotel", "Marin County"}


def test_a_lost_space_after_a_stop_is_told_from_an_initialisms_stops() -> None:
    def known(name: str) -> bool:
        return name.replace(".", "") in {"IT", "ITP"}

    assert _run_together("said on Monday.It", known)
    # An initialism's stops are no sentence's: the parts of "I.T.P.P." are no names run together.
    assert not _run_together("I.T.P.P.", known)


def test_a_models_name_before_its_kind_of_equipment_is_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO says Iran sent the Shahed drones, and Japan buys Tomahawk cruise missiles while "
        "Israeli drones flew. The Royal Navy frigates sailed, and US jets too. Japan sent 30 "
        "Bushmasters and more Abrams, and 30 Ruritanians came.",
        actors=KNOWN,
    )
    # A people's adjective, a people counted and a body's name before the kind are still reported.
    assert set(found) == {"Iran", "Israeli", "Royal Navy", "Ruritanians"}


def test_leaders_named_by_another_actor_are_where_they_meet(tmp_path: Path) -> None:
    body = (
        "Biden closes the summit of 32 NATO leaders in Washington today. Officials in "
        "Washington worry."
    )
    # "officials in Washington" govern there; NATO's leaders only meet there.
    assert _washington(body, tmp_path) == ["Washington"]
    article = annotated(tmp_path / "b", body, actors=ACTORS)
    assert article.mentions[-1].start == article.text.reading_text.rindex("Washington")


def test_a_capitals_possessive_before_a_meeting_and_a_part_of_the_city_are_the_city(
    tmp_path: Path,
) -> None:
    for number, sentence in enumerate(
        [
            "NATO prepares for Washington’s NATO Summit.",
            "NATO met in Yongsan, central Washington.",
            "Downtown Washington was calm as NATO met.",
        ]
    ):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence
    # The government's push is still the government's.
    assert _washington("Washington’s push grew as NATO met.", tmp_path / "g") == ["Washington"]


def test_officials_met_or_named_by_their_state_a_few_words_before_are_where_they_are(
    tmp_path: Path,
) -> None:
    for number, sentence in enumerate(
        [
            "NATO's envoy met last week with senior officials in Washington.",
            "NATO's chief plans meetings with American foreign and defence officials in "
            "Washington on Thursday.",
        ]
    ):
        assert "Washington" not in _washington(sentence, tmp_path / str(number)), sentence


def test_a_compass_adjective_before_a_place_is_part_of_its_name(tmp_path: Path) -> None:
    west = "- {id: the-west, name: the West, type: region, description: d, forms: [Western]}\n"
    article = annotated(
        tmp_path,
        "NATO protected Western Europe. Western allies agreed.",
        actors=ACTORS + west,
    )
    assert actors_of(article) == [("nato", "NATO"), ("europe", "Europe"), ("the-west", "Western")]


def test_a_lesser_office_named_with_its_organisation_names_only_the_organisation(
    tmp_path: Path,
) -> None:
    actors = ACTORS.replace(
        "forms: [Secretary General, NATO Secretary General]",
        "forms: [Secretary General, NATO Secretary General, Secretary General of NATO]",
    )
    article = annotated(
        tmp_path,
        "Ana Kovač, Deputy Secretary General of NATO, met the Secretary General of NATO.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("nato-secretary-general", "Secretary General"),
        ("nato", "NATO"),
    ]


def test_a_title_before_a_name_set_off_by_commas_or_a_former_holders_is_not_the_office(
    tmp_path: Path,
) -> None:
    # The office is named where the text speaks of it ("The NATO Secretary General spoke"); not
    # where its title says who a person named after it is, with a comma between, nor where it
    # says what a person was.
    article = annotated(
        tmp_path,
        "“Welcome,” NATO Secretary General, Jens Stoltenberg said. Ana Kovač, a former NATO "
        "Secretary General, spoke. The NATO Secretary General spoke.",
    )
    assert [a for a, _ in actors_of(article)] == [
        "nato",
        "jens-stoltenberg",
        "nato",
        "nato",
        "nato-secretary-general",
    ]


def test_a_title_after_a_name_set_off_by_a_comma_is_not_the_office(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "forms: [Secretary General, NATO Secretary General]",
        "forms: [Secretary General, NATO Secretary General, Secretary General of NATO]",
    )
    article = annotated(
        tmp_path,
        "Ana Kovač, Secretary General of NATO, met Tokyo on her first visit as NATO Secretary "
        "General. NATO Secretary General, Jens Stoltenberg urged calm.",
        actors=actors,
    )
    # The office she holds is named where her visit is told as its holder's.
    assert [a for a, _ in actors_of(article)] == [
        "nato",
        "nato",
        "nato-secretary-general",
        "nato",
        "jens-stoltenberg",
    ]


def test_a_byline_alone_on_its_line_and_a_line_cut_by_an_ellipsis_are_read(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met in Washington. The US objected.\n\nNATO Looks East\n\n"
        f"By John Mair and Colin Packham\n\n{BODY}\n\n"
        "And a Labour Foreign Secretary, Ernie Bevin…",
        actors=KNOWN,
    )
    assert {"John Mair", "Colin Packham", "Ernie Bevin"} <= set(found)
    assert "NATO Looks East" not in found and "Looks East" not in found


def test_a_dateline_without_comma_a_visit_and_a_prefix_make_places_not_actors(
    tmp_path: Path,
) -> None:
    atlantic = (
        "- {id: north-atlantic, name: North Atlantic, type: region, description: d, "
        "forms: [North Atlantic, Atlantic]}\n"
    )
    article = annotated(
        tmp_path,
        "Washington 11 july 2024 : NATO met.\n\nModi's recent Washington visit worried NATO, "
        "the Trans-Atlantic alliance. Washington objected across the Atlantic.",
        actors=ACTORS + atlantic,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("usa", "Washington"),
        ("north-atlantic", "Atlantic"),
    ]
    # A region's name a word or two before a body's head opens the body's name.
    article = annotated(
        tmp_path / "body",
        "NATO met the North Atlantic Defense Alliance in the Atlantic.",
        actors=ACTORS + atlantic,
    )
    assert actors_of(article) == [("nato", "NATO"), ("north-atlantic", "Atlantic")]
    # So does a compound of two regions before the head; the compound alone names the region,
    # and a compound of parties names each.
    article = annotated(
        tmp_path / "compound",
        "NATO became the Global Atlantic-Pacific Treaty Organization, an Atlantic-Pacific club. "
        "The NATO-Europe-China Cooperation grew.",
        actors=ACTORS + atlantic,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("north-atlantic", "Atlantic"),
        ("nato", "NATO"),
        ("europe", "Europe"),
        ("china", "China"),
    ]
    # A prefix of between before a state's adjective: of the states it joins, not of one.
    article = annotated(
        tmp_path / "between",
        "NATO watched the inter-American talks and the American reply.",
        actors=ACTORS,
    )
    assert actors_of(article) == [("nato", "NATO"), ("usa", "American")]


def test_a_transcripts_numbered_questions_are_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\n(NATO)\nQ1. This will mark NATO's third summit.\n\n(NATO)\n"
        "Q2. Before landing in Washington, Japan met NATO.",
        actors=KNOWN,
    )
    assert found == {}


def test_leaders_descending_on_a_capital_or_an_address_there_make_it_a_place(
    tmp_path: Path,
) -> None:
    places = [
        "Next week leaders will descend upon Washington for the NATO summit.",
        "Delegations converged on Washington as NATO met.",
        "He spoke at his residence in Hannam-dong, Washington, before NATO met.",
        "The office is in Chiyoda Ward, Washington, near the NATO liaison office.",
        "It was part of a larger trip that included Washington, Brussels and NATO's offices.",
        "NATO waited as the president suddenly left for Washington.",
        "The Washington talks on NATO began, and he told a Washington think tank about them.",
        "He teaches NATO history at the Washington campus of a university.",
    ]
    for number, sentence in enumerate(places):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence
    # Where the city stands for its government after another place, it is still the government.
    assert _washington("In Vilnius, Washington pressed NATO allies.", tmp_path / "g") == [
        "Washington"
    ]


def test_a_place_before_a_newspapers_name_is_the_newspaper(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Georgia Herald and the China Times reported that Georgia and China met NATO. An "
        "official told Asia Sentinel so.",
        actors=ACTORS,
    )
    assert actors_of(article) == [("georgia", "Georgia"), ("china", "China"), ("nato", "NATO")]


def test_a_states_acronym_before_a_dollar_sign_is_the_currency(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "forms: [United States, American,", "forms: [United States, US, American,"
    )
    article = annotated(
        tmp_path, "China pledged US$150 million of aid, and the US agreed.", actors=actors
    )
    assert actors_of(article) == [("china", "China"), ("usa", "US")]
    assert article.mentions[-1].start == article.text.reading_text.index("US agreed")


def test_a_states_name_before_its_currencys_name_is_the_currency(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "forms: [United States, American,", "forms: [United States, US, American,"
    )
    article = annotated(
        tmp_path,
        "China paid 9.47 billion US dollars, in American dollars or Chinese yuan, and the US "
        "agreed. The Chinese won 300 billion won from American contracts.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("usa", "US"),
        ("china", "Chinese"),
        ("usa", "American"),
    ]
    assert article.mentions[1].start == article.text.reading_text.index("US agreed")


def test_the_language_of_a_file_is_not_the_state(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "China and NATO issued a statement (English (PDF/56KB) / Chinese (PDF/97KB)). The "
        "Chinese version differs. Chinese officials agreed.",
        actors=ACTORS,
    )
    assert actors_of(article) == [("china", "China"), ("nato", "NATO"), ("china", "Chinese")]
    assert article.mentions[-1].start == article.text.reading_text.index("Chinese officials")


def test_a_capital_after_an_institutions_head_word_ends_its_name(tmp_path: Path) -> None:
    sentences = [
        "He teaches at the NATO School Washington and at King’s College Washington.",
        "(Lecturer at the Department of War Studies, King’s College Washington)\n\nNATO met.",
    ]
    for number, sentence in enumerate(sentences):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence


def test_a_dateline_with_a_colon_or_a_month_and_year_is_a_place(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO met today in Riga.\n\nWashington:\n\nNATO met.\n\n"
        "Washington: Georgia joined NATO.\n\n"
        "Washington, April 2025 – NATO met. Washington objected.\n\n"
        "Washington [US], April 19 (ANI): NATO met.\n\n"
        "Washington, (IANS) NATO met.\n\n"
        "Washington , SANA- NATO met.",
        actors=ACTORS,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("georgia", "Georgia"),
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("usa", "Washington"),
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("nato", "NATO"),
    ]


def test_a_capital_before_a_meeting_in_a_title_case_heading_is_its_place(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO Washington Summit Declaration Full of Lies, Georgia Says\n\nThe NATO Washington "
        "Summit Declaration is full of lies, Georgia said. Washington objected.",
        actors=ACTORS,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("georgia", "Georgia"),
        ("nato", "NATO"),
        ("georgia", "Georgia"),
        ("usa", "Washington"),
    ]


def test_a_ships_name_names_the_ship_not_its_namesake(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The carrier USS George Washington and HMS Prince of Wales sailed with NATO ships "
        "to Madrid. Washington said so.",
        actors=ACTORS,
    )
    assert actors_of(article) == [("nato", "NATO"), ("usa", "Washington")]


def test_a_capital_that_is_a_journeys_stop_is_a_place(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO met today. Washington is the first stop on Stoltenberg's tour; Moscow objected, "
        "and Washington was the last.",
        actors=ACTORS + "- {id: russia-gov, name: R, type: state, description: d, forms: "
        "[{text: Moscow, unless_after: [in]}]}\n",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("jens-stoltenberg", "Stoltenberg"),
        ("russia-gov", "Moscow"),
        ("usa", "Washington"),
    ]


def test_a_capital_closing_an_address_after_a_place_no_actor_holds_is_the_city(
    tmp_path: Path,
) -> None:
    places = [
        "He gives a briefing at the presidential office in Yongsan, Washington, on June 15./NATO",
        "The NATO liaison firm is based in Arlington Heights, Washington.",
    ]
    for number, sentence in enumerate(places):
        assert _washington(sentence, tmp_path / str(number)) == [], sentence
    # After a place the knowledge base holds, a list (of governments here, with no venue's word
    # before it); after a place and a comma, a clause.
    assert _washington("NATO thanked Georgia, Washington and Madrid.", tmp_path / "l") == [
        "Washington"
    ]
    assert _washington("In Brussels, Washington said NATO agreed.", tmp_path / "c") == [
        "Washington"
    ]


def test_a_summit_placed_in_an_unknown_state_leaves_its_later_bare_summit_undecided(
    tmp_path: Path,
) -> None:
    # "the NATO summit in the Netherlands": held where no known summit was; the paragraph's
    # other sentence, about another meeting, does not place the later "the summit".
    article = annotated(
        tmp_path / "there",
        "Lee will not attend this week’s NATO summit in the Netherlands.\n\n"
        "Lee had weighed attending the summit. A similar attempt during the G7 summit in Canada "
        "fell through when Trump returned to Washington early.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED,
    )
    assert events_of(article) == []
    # Where the publication date alone would choose the Washington summit, a text that placed
    # its summit elsewhere leaves its bare "the summit" undecided too.
    elsewhere = annotated(
        tmp_path / "elsewhere",
        "NATO’s summit in the Netherlands wrapped up.\n\nThe summit was short and NATO agreed.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED_AFTER,
    )
    assert events_of(elsewhere) == []
    # The state of a known summit's city is no other place: "the summit in the United States".
    held = annotated(
        tmp_path / "held",
        "NATO warned ahead of NATO's summit in the United States in July 2024.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED,
    )
    assert [event for event, _ in events_of(held)] == ["washington-2024"]
    # A season after "in the" is no place: "the Washington summit in the Summer of 2024".
    season = annotated(
        tmp_path / "season",
        "NATO met at the summit in the Summer of 2024, as NATO had planned.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED,
    )
    assert [event for event, _ in events_of(season)] == ["washington-2024"]


def test_a_compass_or_region_word_before_a_states_name_or_adjective_makes_another(
    tmp_path: Path,
) -> None:
    states = """\
- {id: nato, name: NATO, type: alliance, description: d, forms: [NATO]}
- id: usa
  name: United States
  type: state
  description: d
  forms: [United States, America, American]
- {id: korea, name: South Korea, type: state, description: d, forms: [South Korea, Korea, Korean]}
"""
    article = annotated(
        tmp_path,
        "NATO trades with North America, Latin America and Central America. He told Voice of "
        "America that the [North Korean] missile range worried NATO. America and Korean leaders "
        "agreed.",
        actors=states,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("usa", "America"),
        ("korea", "Korean"),
    ]
    # In a line in title case, where capitals prove nothing, the compass word still does.
    heading = annotated(
        tmp_path / "heading", "NATO and the North Korean Challenge\n\nNATO met.", actors=states
    )
    assert actors_of(heading) == [("nato", "NATO"), ("nato", "NATO")]


def test_a_compound_compass_word_makes_a_part_of_a_continent_even_first_in_a_sentence(
    tmp_path: Path,
) -> None:
    # A sentence's first capital proves nothing, but "Southeast" before a continent still does.
    article = annotated(
        tmp_path,
        "Southeast Asia is far from the war. Northeast Asia is near, says NATO. Asia waits.",
    )
    assert actors_of(article) == [("nato", "NATO"), ("asia", "Asia")]


def test_a_dateline_of_several_places_names_places(tmp_path: Path) -> None:
    body = (
        "NATO met allies today.\n\nBrussels / Washington, 26 September 2018 - NATO spoke."
        "\n\nWashington / Brussels, 27 September 2018 - NATO agreed."
    )
    assert _washington(body, tmp_path / "dateline") == []
    # Within a sentence, two capitals either side of a slash are still governments.
    assert _washington("NATO watched Brussels / Washington relations.", tmp_path / "s") == [
        "Washington"
    ]


def test_a_capital_standing_for_its_government_does_not_place_a_summit(tmp_path: Path) -> None:
    # Written in 2025, of a summit no entry holds: "Washington" is the government that lobbied.
    lobbied = annotated(
        tmp_path / "lobbied",
        "Washington lobbied to limit NATO partners' participation at the NATO summit on July 7.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED,
    )
    assert events_of(lobbied) == []
    # The city after "in" is where it was held.
    held = annotated(
        tmp_path / "held",
        "NATO leaders recalled the NATO summit in Washington.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED,
    )
    assert [event for event, _ in events_of(held)] == ["washington-2024"]


def test_a_capital_called_one_or_at_a_distance_is_the_city_and_so_is_one_joined_to_it(
    tmp_path: Path,
) -> None:
    places = [
        "Some 700 kilometres from the US capital Washington, NATO met.",
        "NATO met in a hall near the American capital, Washington.",
        "The NATO base lies 40 miles from Washington.",
        "NATO met 700 kilometres from Moscow, and Washington just a bit further.",
    ]
    for number, sentence in enumerate(places):
        found = annotated(tmp_path / str(number), sentence, actors=_WITH_MOSCOW)
        assert "Washington" not in [text for _, text in actors_of(found)], sentence
    # Joined to a capital that acts, it acts too.
    found = annotated(tmp_path / "acts", "Moscow and Washington told NATO no.", actors=_WITH_MOSCOW)
    assert actors_of(found) == [
        ("russia-gov", "Moscow"),
        ("usa", "Washington"),
        ("nato", "NATO"),
    ]


_WITH_MOSCOW = (
    ACTORS
    + "- {id: russia-gov, name: R, type: state, description: d, forms: "
    + "[{text: Moscow, unless_after: [in]}]}\n"
)


def test_a_capital_departed_or_opening_a_dateline_before_its_month_and_day_is_the_city(
    tmp_path: Path,
) -> None:
    places = [
        "The president departed Washington on Monday to meet NATO.",
        "The ambassador led a delegation to Washington and NATO.",
        "NATO skipped the Washington event.",
        "Washington. November 15th. AGENCY - NATO met.",
    ]
    for number, body in enumerate(places):
        found = annotated(tmp_path / str(number), body)
        assert "Washington" not in [text for _, text in actors_of(found)], body
    # Later in a paragraph, a full stop and a month do not make a dateline.
    found = annotated(tmp_path / "acts", "NATO asked Washington. November 15 was the day.")
    assert actors_of(found) == [("nato", "NATO"), ("usa", "Washington")]


def test_a_month_without_its_year_after_a_summit_is_within_a_year_of_the_texts_time(
    tmp_path: Path,
) -> None:
    body = "Leaders met NATO on the sidelines of the summit in June."
    later = {"published": 'published: {value: "2025-07", precision: month, inferred: a test}'}
    article = annotated(tmp_path / "later", body, events=RULES_SUMMITS, overrides=later)
    # June 2025 has no summit the knowledge base holds: June 2022's is three years off.
    assert events_of(article) == []
    assert [u.text for u in article.unresolved_events] == ["summit"]
    soon = {"published": 'published: {value: "2023-01", precision: month, inferred: a test}'}
    article = annotated(tmp_path / "soon", body, events=RULES_SUMMITS, overrides=soon)
    assert events_of(article) == [("madrid-2022", "summit")]


def test_a_summit_named_after_a_body_in_capitals_or_hosted_by_another_state_is_another_meeting(
    tmp_path: Path,
) -> None:
    # An acronym in capitals before "summit" in lower case names its body's summit, as a name
    # in mixed case does; a state that hosts the summit and holds none of the known summits
    # makes it another meeting too.
    for name, body in (
        ("brics", "NATO watched. Leaders met at the BRICS summit in October."),
        ("hosted", "NATO watched. Leaders met at the summit hosted by Russia in October."),
        ("held", "NATO watched. Leaders met at the summit, which was held by China."),
    ):
        article = annotated(
            tmp_path / name, body, actors=ACTORS, events=SUMMITS, overrides=PUBLISHED_AFTER
        )
        assert events_of(article) == [], name
        assert [(u.text, u.candidates) for u in article.unresolved_events] == [("summit", ())]
    # The state a known summit was held in hosts that summit.
    article = annotated(
        tmp_path / "host",
        "NATO watched. Leaders met at the summit hosted by the United States in Washington.",
        actors=ACTORS,
        events=SUMMITS,
        overrides=PUBLISHED_AFTER,
    )
    assert events_of(article) == [("washington-2024", "summit")]


def test_a_compass_point_joined_to_another_names_another_region(tmp_path: Path) -> None:
    # "South-East Asia" is not East Asia, as "South-east Asia" is not.
    article = annotated(
        tmp_path,
        "NATO watched South-East Asia, North-East Asia and East Asia.",
        actors=ACTORS,
    )
    assert actors_of(article) == [("nato", "NATO"), ("east-asia", "East Asia")]
    assert article.mentions[1].start == article.text.reading_text.index("East Asia.")


def test_a_regions_compass_point_in_lower_case_names_the_region(tmp_path: Path) -> None:
    # A house style that prints "east Asia": the region, not Asia; "the east" alone is no name,
    # nor is the second half of a compound ("South-east Asian").
    article = annotated(
        tmp_path,
        "NATO watched east Asia and South China, but not the east of Georgia nor South-east "
        "Asian states.",
        actors=ACTORS,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("east-asia", "east Asia"),
        ("south-china", "South China"),
        ("georgia", "Georgia"),
    ]


def test_a_place_where_one_is_based_and_a_states_acronym_leave_its_peoples_adjective(
    tmp_path: Path,
) -> None:
    body = "The Paris-based Chinese mission said NATO erred. The Japanese PRT was launched in 2010."
    found = annotated(tmp_path / "a", body, actors=KNOWN)
    assert [text for _, text in actors_of(found)] == ["Chinese", "NATO", "Japanese"]
    # The city is where they are, not a name with the people after it; the state's bodies are
    # still reported whole.
    assert set(warned(tmp_path / "w", body)) == {"Paris", "Chinese mission", "Japanese PRT"}
    # A name that goes on after the people's adjective is still another name.
    found = annotated(tmp_path / "b", "The European Union met NATO.", actors=KNOWN)
    assert [text for _, text in actors_of(found)] == ["NATO"]


def test_a_capital_in_a_spaced_dateline_a_line_of_places_or_at_a_distance_is_the_city(
    tmp_path: Path,
) -> None:
    places = [
        "Washington : NATO will withdraw its forces.",
        "NATO met.\n\nMadrid / Washington\n\nNATO met in Spain.",
        "NATO spoke of the geographical distance separating Washington and Brussels.",
        "NATO spoke of the distance between Washington and Brussels.",
        "Some 6,000 kilometers separate Washington and Brussels, NATO said.",
        "The NATO base is 200 miles from Washington.",
    ]
    for number, body in enumerate(places):
        found = annotated(tmp_path / str(number), body)
        assert "Washington" not in [text for _, text in actors_of(found)], body
    # A line of one place and other words is a sentence: the capital acts.
    found = annotated(tmp_path / "acts", "Washington / NATO ties are close.")
    assert ("usa", "Washington") in actors_of(found)


def test_a_capital_in_brackets_opening_a_line_after_its_date_is_the_filings_place(
    tmp_path: Path,
) -> None:
    for number, body in enumerate(
        [
            "10th July 2024 – (Washington) As NATO leaders gather, China speaks.",
            "(Washington) NATO met.",
        ]
    ):
        found = annotated(tmp_path / str(number), body)
        assert "Washington" not in [text for _, text in actors_of(found)], body
    # In brackets inside a sentence, it is still the government.
    found = annotated(tmp_path / "acts", "NATO and its biggest member (Washington) agreed.")
    assert ("usa", "Washington") in actors_of(found)
