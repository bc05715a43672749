"""The other ways a text prints a known name, and the places that are where something happens,
on made-up sentences: plurals of a people, numbers in figures, acronyms said as words, an
acronym written out in a generic phrase, a summit named by its city as a meeting, a capital or
a building near which something happens."""

from __future__ import annotations

from pathlib import Path

from test_annotate_rules import ACTORS, SUMMITS, actors_of, annotated, events_of

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


def test_a_groups_number_in_lower_case_its_acronym_with_a_hyphen_or_in_words_and_partners_from(
    tmp_path: Path,
) -> None:
    more = MORE.replace("forms: [Indo-Pacific Four]}", "forms: [Indo-Pacific Four, IP4]}") + (
        "- {id: pp, name: Pacific partners, type: grouping, description: d,\n"
        "   forms: [partners in the Pacific]}\n"
    )
    article = annotated(
        tmp_path,
        "NATO met the Indo-Pacific four, the IP-4, the IP Four and the IP4, and then partners "
        "from the Pacific.",
        actors=ACTORS + more,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("ip4", "Indo-Pacific four"),
        ("ip4", "IP-4"),
        ("ip4", "IP Four"),
        ("ip4", "IP4"),
        ("pp", "partners from the Pacific"),
    ]


def test_a_hyphenated_name_in_title_case_with_a_space_for_its_hyphen(tmp_path: Path) -> None:
    more = (
        "- {id: ipp, name: Indo-Pacific partners, type: grouping, description: d,\n"
        "   forms: [Indo-Pacific partners]}\n"
    )
    article = annotated(
        tmp_path,
        "NATO met its Indo Pacific Partners and its Indo-Pacific Partners.",
        actors=ACTORS + more,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("ipp", "Indo Pacific Partners"),
        ("ipp", "Indo-Pacific Partners"),
    ]


def test_an_alliances_name_holds_with_its_kind_between(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "forms: [NATO]}", "forms: [NATO, Atlantic Alliance, Atlantic alliance]}"
    )
    article = annotated(
        tmp_path,
        "China fears the Atlantic military alliance. The Atlantic Security Alliance met. A "
        "meeting of the trans-Atlantic defense alliance is a crossing's.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("nato", "Atlantic military alliance"),
        ("nato", "Atlantic Security Alliance"),
    ]


def test_a_two_word_peoples_plural(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: ruritania, name: South Ruritania, type: state, description: d,\n"
        "   forms: [South Ruritania, South Ruritanian]}\n"
    )
    article = annotated(tmp_path, "NATO met South Ruritanians.", actors=actors)
    assert actors_of(article) == [("nato", "NATO"), ("ruritania", "South Ruritanians")]


def test_a_hyphenated_name_with_a_space_before_its_hyphen_is_the_name(tmp_path: Path) -> None:
    # A machine translation's "Indo -Pacific Four": the group, not Indo-Pacific's parts.
    article = annotated(
        tmp_path,
        "NATO met the Indo -Pacific Four. The Indo-Pacific Four agreed.",
        actors=ACTORS + MORE,
    )
    assert actors_of(article)[-2:] == [("ip4", "Indo -Pacific Four"), ("ip4", "Indo-Pacific Four")]


def test_a_demonym_opening_a_sentence_is_not_qualified_by_the_word_before(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "Given Russian aggression, allies act. Latin American states wait. Alongside Russian "
        "animosity, allies worry; around Chinese ports and Outside Russian waters, ships sail.",
    )
    # "Latin American" is another name: "American" is not the United States there.
    assert actors_of(article) == [
        ("russia", "Russian"),
        ("russia", "Russian"),
        ("china", "Chinese"),
        ("russia", "Russian"),
    ]


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
        "A meeting in Spain was planned. The meeting at Madrid ended.",
    )
    assert events_of(article) == [
        ("madrid-2022", "meeting in Madrid"),
        ("madrid-2022", "Madrid meeting"),
        ("madrid-2022", "meeting at Madrid"),
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


def test_a_state_before_a_summit_is_its_host_unless_joined_to_others(tmp_path: Path) -> None:
    # Published in January 2023. The United States takes part in the Madrid summit only, but a
    # state alone before the phrase may be where a summit is held: it does not choose.
    events = SUMMITS.replace(
        "  forms: [Madrid Summit]\n", "  forms: [Madrid Summit]\n  participants: [usa]\n"
    )
    article = annotated(tmp_path, "Leaders will attend the American NATO summit.", events=events)
    assert events_of(article) == [("vilnius-2023", "NATO summit")]


def test_new_before_a_document_reference_is_the_one_to_come(tmp_path: Path) -> None:
    concepts = """\
- id: concept-2010
  name: Strategic Concept 2010 adopted
  type: publication
  date: "2010-11-19"
  precision: day
  description: d
  forms: []
  generic: [Strategic Concept]
- id: concept-2023
  name: Strategic Concept 2023 adopted
  type: publication
  date: "2023-06-29"
  precision: day
  description: d
  forms: []
  generic: [Strategic Concept]
"""
    # Published in January 2023: the new one is the one adopted that June; without "new",
    # the one in force.
    article = annotated(
        tmp_path,
        "The meeting discussed NATO’s New Strategic Concept. It recalled the Strategic Concept.",
        events=SUMMITS + concepts,
    )
    assert events_of(article) == [
        ("concept-2023", "Strategic Concept"),
        ("concept-2010", "Strategic Concept"),
    ]


def test_a_summit_meeting_with_someone_a_hypothetical_war_and_the_district(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "He will hold a summit meeting with the Prime Minister. He feared a civilization-ending "
        "nuclear war in Ukraine. I am heading to Washington, DC tomorrow; Washington agreed. "
        "The trip shifted to Washington, D.C., where leaders met.",
        events=SUMMITS + "- {id: war, name: War, type: other, date: '2022-02-24', precision: day,\n"
        "   description: d, forms: [], generic: [war in Ukraine]}\n",
    )
    assert events_of(article) == []
    assert actors_of(article) == [("usa", "Washington")]


def test_a_place_or_date_naming_another_event_is_not_the_references_context(
    tmp_path: Path,
) -> None:
    # Published in January 2023: "the 2022 Madrid Summit" is another summit, and its place and
    # year say nothing of which summit "The summit" is.
    article = annotated(
        tmp_path,
        "The summit was proposed during the previous 2022 Madrid Summit, and its dates were "
        "fixed on 9 November 2022.",
    )
    assert events_of(article) == [("madrid-2022", "Madrid Summit")]
    assert [u.text for u in article.unresolved_events] == ["summit"]


def test_officials_named_by_their_state_are_where_they_are(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "He met Chinese officials in Washington. Officials in Washington objected.",
    )
    assert actors_of(article) == [("china", "Chinese"), ("usa", "Washington")]


def test_a_name_spelt_wholly_the_other_way_and_one_broken_after_its_hyphen(
    tmp_path: Path,
) -> None:
    actors = ACTORS + (
        "- id: ccdcoe\n"
        "  name: Cooperative Cyber Defence Centre of Excellence\n"
        "  type: institution\n"
        "  description: d\n"
        "  forms: [Cooperative Cyber Defence Centre of Excellence]\n"
    )
    article = annotated(
        tmp_path,
        "Seoul joined the Cooperative Cyber Defense Center of Excellence. The Indo- Pacific "
        "Four agreed.",
        actors=actors + MORE,
    )
    assert actors_of(article) == [
        ("ccdcoe", "Cooperative Cyber Defense Center of Excellence"),
        ("ip4", "Indo- Pacific Four"),
    ]


def test_a_hyphenated_name_printed_with_a_typographers_hyphen_or_a_dash(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "The Indo\u2010Pacific Four met. The Indo\u2014Pacific Four agreed. Peace\u2014NATO said.",
        actors=ACTORS + MORE,
    )
    assert actors_of(article) == [
        ("ip4", "Indo\u2010Pacific Four"),
        ("ip4", "Indo\u2014Pacific Four"),
        ("nato", "NATO"),
    ]


def test_an_office_spelt_the_other_way_or_in_lower_case_is_still_its_organisation_and_title(
    tmp_path: Path,
) -> None:
    actors = ACTORS.replace(
        "forms: [Secretary General, NATO Secretary General]",
        "forms: [Secretary General, NATO Secretary General,\n"
        "          Secretary General of the North Atlantic Treaty Organization]",
    ) + (
        "- {id: military-committee, name: NATO Military Committee, type: institution,\n"
        "   description: d, forms: [NATO Military Committee]}\n"
        "- {id: nato-long, name: NATO, type: alliance, description: d,\n"
        "   forms: [North Atlantic Treaty Organization]}\n"
    )
    article = annotated(
        tmp_path,
        "The Secretary General of the North Atlantic Treaty Organisation spoke, as Jens "
        "Stoltenberg does. NATO secretary general Jens Stoltenberg met the chair of the NATO "
        "military committee.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("nato-secretary-general", "Secretary General"),
        ("nato-long", "North Atlantic Treaty Organisation"),
        ("jens-stoltenberg", "Stoltenberg"),
        ("nato", "NATO"),
        ("jens-stoltenberg", "Stoltenberg"),
        ("military-committee", "NATO military committee"),
    ]


def test_a_groups_short_name_in_capitals_and_a_number_beside_a_spaced_hyphen(
    tmp_path: Path,
) -> None:
    actors = MORE + (
        "- {id: quad, name: Quadrilateral Security Dialogue, type: grouping, description: d,\n"
        "   forms: [Quad]}\n"
    )
    article = annotated(
        tmp_path,
        "Groupings such as AUKUS and QUAD grew, and the Indo Pacific 4 met. NATOs mission "
        "went on, and Asian-version NATOs like AUKUS did not.",
        actors=ACTORS + actors,
    )
    assert actors_of(article) == [
        ("aukus", "AUKUS"),
        ("quad", "QUAD"),
        ("ip4", "Indo Pacific 4"),
        ("nato", "NATOs"),
        ("asia", "Asian"),
        ("aukus", "AUKUS"),
    ]


def test_a_bodys_name_told_with_its_states_possessive_or_adjective(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: mfa-china, name: Chinese Foreign Ministry, type: institution, description: d,\n"
        "   forms: [Chinese Foreign Ministry, China’s Ministry of Foreign Affairs]}\n"
    )
    article = annotated(
        tmp_path,
        "China’s Foreign Ministry objected. The Chinese Ministry of Foreign Affairs agreed.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("mfa-china", "China’s Foreign Ministry"),
        ("mfa-china", "Chinese Ministry of Foreign Affairs"),
    ]


def test_a_states_document_named_of_it_told_with_its_possessive_or_adjective_once_it_exists(
    tmp_path: Path,
) -> None:
    # "Strategy of Japan" is Japan's: the state named with the title says whose it is, even where
    # another state is named nearer, and is named there too; before the day the document was
    # adopted, the name is an older one's.
    actors = ACTORS + (
        "- {id: japan, name: Japan, type: state, description: d, forms: [Japan, Japanese]}\n"
        "- {id: nss, name: Strategy of Japan, type: document, description: d,\n"
        "   since: '2022-12-16', forms: [National Security Strategy of Japan]}\n"
    )
    events = SUMMITS + (
        "- {id: nss-adopted, name: The strategy adopted, type: publication, date: '2022-12-16',\n"
        "   precision: day, participants: [japan, nss], description: d, forms: []}\n"
    )
    article = annotated(
        tmp_path,
        "Japan’s National Security Strategy names China. The Japanese National Security "
        "Strategy warns Russia. In 2014, Japan's National Security Strategy was new.",
        actors=actors,
        events=events,
    )
    assert actors_of(article) == [
        ("japan", "Japan"),
        ("nss", "National Security Strategy"),
        ("china", "China"),
        ("nss", "Japanese National Security Strategy"),
        ("russia", "Russia"),
    ]


def test_a_combining_form_written_out(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: euro-atlantic, name: Euro-Atlantic area, type: region, description: d,\n"
        "   forms: [Euro-Atlantic]}\n"
    )
    article = annotated(
        tmp_path,
        "China challenges European-Atlantic security and the Euro-Atlantic.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("euro-atlantic", "European-Atlantic"),
        ("euro-atlantic", "Euro-Atlantic"),
    ]


def test_a_word_made_from_a_longer_hyphenated_name_names_neither(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: asia-pacific, name: Asia-Pacific, type: region, description: d,\n"
        "   forms: [Asia-Pacific]}\n"
    )
    article = annotated(
        tmp_path,
        "NATO's Asia-Pacificization goes on; the Asia-Pacific watches, and Asia-focused states.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("asia-pacific", "Asia-Pacific"),
        ("asia", "Asia"),
    ]


def test_a_name_opening_with_the_as_a_sentence_opens_it(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: the-west, name: The West, type: grouping, description: d, forms: [the West]}\n"
    )
    article = annotated(
        tmp_path,
        "The West often speaks of peace. Leaders of the West agreed. The West Bank is far.",
        actors=actors,
    )
    # Not where another name goes on from it.
    assert actors_of(article) == [("the-west", "The West"), ("the-west", "the West")]


def test_a_states_formal_name_before_a_persons_name_is_still_the_state(tmp_path: Path) -> None:
    # Unlike a capital's name ("the Washington Post"), a formal name is no other name's start.
    actors = ACTORS.replace(
        "forms: [Russia, Russian]}", "forms: [Russia, Russian, Russian Federation]}"
    )
    article = annotated(
        tmp_path,
        "The Deputy Foreign Minister of the Russian Federation Ivan Petrov spoke.",
        actors=actors,
    )
    assert actors_of(article) == [("russia", "Russian Federation")]


def test_a_compound_with_the_word_after_its_hyphen_in_lower_case_or_closed_up(
    tmp_path: Path,
) -> None:
    actors = ACTORS + (
        "- {id: asia-pacific, name: Asia-Pacific, type: region, description: d,\n"
        "   forms: [Asia-Pacific]}\n"
        "- {id: indo-pacific, name: Indo-Pacific, type: region, description: d,\n"
        "   forms: [Indo-Pacific]}\n"
    )
    article = annotated(
        tmp_path,
        "Countries of the Asia-pacific worry, and the navy sailed to the Indopacific and to Asia. "
        "A capture lost the hyphen of the AsiaPacific, a hashtag reads #IndoPacific.",
        actors=actors,
    )
    # Not Asia inside "Asia-pacific": the compound is one name, however its second word is printed.
    assert actors_of(article) == [
        ("asia-pacific", "Asia-pacific"),
        ("indo-pacific", "Indopacific"),
        ("asia", "Asia"),
        ("asia-pacific", "AsiaPacific"),
        ("indo-pacific", "IndoPacific"),
    ]


def test_a_capitals_building_after_its_possessive_and_its_officials_from_it(
    tmp_path: Path,
) -> None:
    actors = ACTORS + (
        "- id: australia\n"
        "  name: Australia\n"
        "  type: state\n"
        "  description: d\n"
        "  forms: [Australia, {text: Canberra, unless_after: [in, from]}]\n"
    )
    article = annotated(
        tmp_path,
        "Canberra’s children’s hospital and Canberra’s main railway station were hit. NATO met "
        "its counterparts from Canberra and officials from Canberra, but he flew from Canberra. "
        "Canberra’s troops left.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("australia", "Canberra"),
        ("australia", "Canberra"),
        ("australia", "Canberra"),
    ]


def test_an_envoy_to_a_capital_is_accredited_to_its_government(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- id: australia\n"
        "  name: Australia\n"
        "  type: state\n"
        "  description: d\n"
        "  forms: [Australia, {text: Canberra, unless_after: [in, to]}]\n"
    )
    article = annotated(
        tmp_path,
        "NATO heard the former ambassador to Canberra and two envoys to Canberra, who flew to "
        "Canberra and met in Canberra.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("australia", "Canberra"),
        ("australia", "Canberra"),
    ]


def test_a_body_after_its_organisations_possessive_but_not_an_office(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: military-committee, name: NATO Military Committee, type: institution,\n"
        "   description: d, forms: [NATO Military Committee]}\n"
    )
    article = annotated(
        tmp_path,
        "The chair of NATO’s Military Committee spoke, and NATO’s Secretary General Jens "
        "Stoltenberg agreed.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("military-committee", "NATO’s Military Committee"),
        ("nato", "NATO"),
        ("jens-stoltenberg", "Stoltenberg"),
    ]


def test_two_parties_compound_an_executive_and_an_alliance_named_after_an_article(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "Chinese-Slovak relations are close, but the Asian-Pacific region waits. He met the "
        "Russian Executive. The Competitiveness Alliance and the NATO Alliance met, and the "
        "Alliance agreed. Chinese-North Korean ties grew.",
        actors=ACTORS + "- {id: nato-alliance, name: NATO, type: alliance, description: d,"
        " forms: [Alliance, NATO Alliance]}\n",
    )
    assert actors_of(article) == [
        ("china", "Chinese"),
        ("russia", "Russian"),
        ("nato-alliance", "NATO Alliance"),
        ("nato-alliance", "Alliance"),
        ("china", "Chinese"),  # before a compass word and a demonym: "-North Korean"
    ]


def test_another_alliance_of_natos_kind_a_body_of_america_and_an_alliance_never_named(
    tmp_path: Path,
) -> None:
    actors = ACTORS.replace(
        "forms: [United States, American,", "forms: [United States, America, American,"
    ) + ("- {id: nato-alliance, name: NATO, type: alliance, description: d, forms: [Alliance]}\n")
    article = annotated(
        tmp_path,
        "Let's build a NATO for the Pacific. Voice of America added that America agreed.",
        actors=actors,
    )
    assert actors_of(article) == [("usa", "America")]
    # The common noun names its organisation only in a text that names it otherwise too.
    alone = annotated(
        tmp_path / "alone",
        "The Alliance will keep the response capabilities of the Alliance with Georgia.",
        actors=actors.replace("forms: [Alliance]", "forms: [Alliance, NATO Alliance]"),
    )
    assert actors_of(alone) == [("georgia", "Georgia")]
    named = annotated(
        tmp_path / "named",
        "The NATO Alliance met, and the Alliance agreed with Georgia.",
        actors=actors.replace("forms: [Alliance]", "forms: [Alliance, NATO Alliance]"),
    )
    assert actors_of(named) == [
        ("nato-alliance", "NATO Alliance"),
        ("nato-alliance", "Alliance"),
        ("georgia", "Georgia"),
    ]
    # A possessor before another alliance's name is not part of that name: "NATO's Cyber
    # Alliance 2023 exercise" is an exercise's name, not NATO.
    possessed = annotated(
        tmp_path / "possessed",
        "The NATO Alliance met. Georgia joined NATO's Cyber Alliance 2023 exercise.",
        actors=actors.replace("forms: [Alliance]", "forms: [Alliance, NATO Alliance]"),
    )
    assert actors_of(possessed) == [
        ("nato-alliance", "NATO Alliance"),
        ("georgia", "Georgia"),
        ("nato", "NATO"),
    ]


def test_leaders_counted_in_a_capital_are_where_they_met(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- id: uk\n  name: United Kingdom\n  type: state\n  description: d\n"
        "  forms: [United Kingdom, {text: London, unless_after: [in]}]\n"
    )
    article = annotated(
        tmp_path,
        "The deal signed by the two leaders in London binds NATO. Officials in London agreed.",
        actors=actors,
    )
    assert actors_of(article) == [("nato", "NATO"), ("uk", "London")]


def test_a_portfolio_after_a_long_bodys_name_and_its_acronym(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The High Representative of the Ruritanian Union (RU) for Foreign Affairs and Security "
        "Policy met NATO. An essay in Foreign Affairs disagreed.",
    )
    assert actors_of(article) == [("nato", "NATO"), ("foreign-affairs", "Foreign Affairs")]


def test_a_regions_hyphen_printed_as_a_slash(tmp_path: Path) -> None:
    region = (
        "- {id: asia-pacific, name: Asia-Pacific, type: region, description: d,\n"
        "   forms: [Asia-Pacific]}\n"
    )
    article = annotated(
        tmp_path,
        "Experience of the Asia/Pacific region helps NATO. Asia matters.",
        actors=ACTORS + region,
    )
    assert actors_of(article) == [
        ("asia-pacific", "Asia/Pacific"),
        ("nato", "NATO"),
        ("asia", "Asia"),
    ]


def test_a_names_hyphen_printed_as_a_dash(tmp_path: Path) -> None:
    region = (
        "- {id: indo-pacific, name: Indo-Pacific, type: region, description: d,\n"
        "   forms: [Indo-Pacific]}\n"
    )
    article = annotated(
        tmp_path,
        "Partners in the Indo \u2013 Pacific region met NATO. The Indo\u2013Pacific matters. "
        "Pacific islands do not.",
        actors=ACTORS + region,
    )
    assert actors_of(article) == [
        ("indo-pacific", "Indo \u2013 Pacific"),
        ("nato", "NATO"),
        ("indo-pacific", "Indo\u2013Pacific"),
    ]


def test_a_persons_name_in_capitals_as_a_transcript_prints_its_speakers(tmp_path: Path) -> None:
    # (only a speaker's label or a line in capitals: elsewhere "XI" may be a numeral)
    person = (
        "- {id: mark-rutte, name: Mark Rutte, type: person, description: d,\n"
        "   forms: [Mark Rutte, Rutte]}\n"
        "- {id: xi-jinping, name: Xi Jinping, type: person, description: d, forms: [Xi]}\n"
    )
    article = annotated(
        tmp_path,
        "MARK RUTTE, NATO SECRETARY GENERAL: We met.\n\nRUTTE: China matters. XI was not there.",
        actors=ACTORS + person,
    )
    assert actors_of(article) == [
        ("mark-rutte", "MARK RUTTE"),
        ("nato", "NATO"),
        ("mark-rutte", "RUTTE"),
        ("china", "China"),
    ]


def test_an_acronym_printed_with_stops(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The N.A.T.O. summit met. Non-N.A.T.O. members and N.A.T.O.’s partners came.",
    )
    assert [t for a, t in actors_of(article) if a == "nato"] == ["N.A.T.O."] * 3


def test_a_state_is_not_named_in_a_time_before_it_came_into_being(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- id: newland\n"
        "  name: Newland\n"
        "  type: state\n"
        "  description: d\n"
        '  since: "1991-12-26"\n'
        "  forms: [Newland, Newlanders, Newtown]\n"
    )
    body = (
        "NATO was founded in 1949 to meet threats from Newtown. In 1950 the Newlanders were "
        "absent. NATO now sees Newland as a threat, as it did in 2014."
    )
    article = annotated(tmp_path / "now", body, actors=actors)
    # The sentences of 1949 and 1950 tell of a time before the state; the present one, dated 2014,
    # of the state.
    assert actors_of(article) == [("nato", "NATO"), ("nato", "NATO"), ("newland", "Newland")]
    old = annotated(
        tmp_path / "old",
        "NATO heard that Newtown and the Newlanders objected.",
        actors=actors,
        overrides={"published": 'published: {value: "1954-03", precision: month, inferred: x}'},
    )
    assert actors_of(old) == [("nato", "NATO")]
    # Its name is its own in any time: "Newland has held the islands since 1945".
    named = annotated(
        tmp_path / "named", "NATO says Newland has held them since 1945.", actors=actors
    )
    assert actors_of(named) == [("nato", "NATO"), ("newland", "Newland")]


def test_an_alliance_told_by_where_it_is_based(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "forms: [NATO]}", "forms: [NATO, Atlantic Alliance, Atlantic alliance]}"
    )
    article = annotated(
        tmp_path,
        "China met this Atlantic based alliance. China fears the Atlantic-based alliance.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("nato", "Atlantic based alliance"),
        ("china", "China"),
        ("nato", "Atlantic-based alliance"),
    ]


def test_a_compass_point_joined_to_the_next_word_by_a_hyphen(tmp_path: Path) -> None:
    actors = (
        ACTORS.replace("forms: [NATO]}", "forms: [NATO, North Atlantic Treaty Organization]}")
        + "- {id: na, name: North Atlantic, type: region, description: d,\n"
        + "   forms: [North Atlantic]}\n"
    )
    article = annotated(
        tmp_path,
        "China spoke of the North-Atlantic region and of the North-Atlantic Treaty Organization.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("na", "North-Atlantic"),
        ("nato", "North-Atlantic Treaty Organization"),
    ]


def test_a_leads_first_words_set_in_capitals_name_as_written_otherwise(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "AMERICAN and Dutch troops met NATO.\n\nNATO met China. RUSSIAN troops stayed.",
    )
    # Only a paragraph's lead: a word in capitals inside a sentence is not one.
    assert actors_of(article) == [
        ("usa", "AMERICAN"),
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("china", "China"),
    ]


def test_the_second_of_two_parties_before_their_relations_in_capitals_names_its_state(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "She is an expert on Japanese security and United States-Chinese Relations. The "
        "Chinese Studies Centre opened.",
    )
    assert actors_of(article) == [("usa", "United States"), ("china", "Chinese")]


def test_an_acronym_the_text_gives_a_known_name_and_its_common_nouns_names_it_throughout(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "NATO moves into the East Asia region (EAR) worry Russia. The EAR grows. The Russian "
        "Naval Forces (RNF) sailed, and the RNF came back.",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("east-asia", "East Asia"),
        ("east-asia", "EAR"),
        ("russia", "Russia"),
        ("east-asia", "EAR"),
        ("russia", "Russian"),
    ]
    # A place's last word capitalised, as some texts print it, is still the place's.
    capitalised = annotated(
        tmp_path / "capitalised",
        "NATO moves into the East Asia Region (EAR) worry Russia. The EAR grows.",
    )
    assert actors_of(capitalised) == [
        ("nato", "NATO"),
        ("east-asia", "East Asia"),
        ("east-asia", "EAR"),
        ("russia", "Russia"),
        ("east-asia", "EAR"),
    ]


def test_a_prefix_of_within_before_a_states_adjective_keeps_the_state(tmp_path: Path) -> None:
    article = annotated(tmp_path, "The intra-Chinese talks and the inter-Chinese ties went on.")
    assert actors_of(article) == [("china", "Chinese")]
