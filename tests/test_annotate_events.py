"""How texts name events, on made-up sentences: a summit by its city, a document by its series
and the one in force, standard names of a war."""

from __future__ import annotations

from pathlib import Path

from test_annotate_rules import ACTORS, SUMMITS, annotated, events_of

CONCEPTS = (
    SUMMITS
    + """\
- id: concept-2010
  name: Strategic Concept 2010
  type: publication
  date: "2010-11-19"
  precision: day
  place: Lisbon
  description: A concept.
  forms: [2010 Strategic Concept]
  generic: [Strategic Concept]
- id: concept-2022
  name: Strategic Concept 2022
  type: publication
  date: "2022-06-29"
  precision: day
  place: Madrid
  description: A concept.
  forms: [2022 Strategic Concept]
  generic: [Strategic Concept]
- id: invasion-2022
  name: Invasion
  type: other
  date: "2022-02-24"
  precision: day
  description: A war.
  forms: []
  generic: [war in Ukraine, Ukraine war]
"""
)


def test_a_document_of_a_series_is_the_one_in_force(tmp_path: Path) -> None:
    # Published in January 2023: the Strategic Concept then in force is the 2022 one.
    article = annotated(
        tmp_path,
        "NATO’s new Strategic Concept names China.\n\nThe 2010 Strategic Concept did not.",
        events=CONCEPTS,
    )
    assert events_of(article) == [
        ("concept-2022", "Strategic Concept"),
        ("concept-2010", "2010 Strategic Concept"),
    ]


def test_a_new_document_of_a_series_is_the_coming_edition_before_it_is_adopted(
    tmp_path: Path,
) -> None:
    # Written in October 2021, eight months before the 2022 edition: "new" is the edition being
    # made; without such a word, the one in force.
    article = annotated(
        tmp_path,
        "Allies will discuss NATO’s new Strategic Concept.\n\n"
        "The Strategic Concept stressed crises.",
        events=CONCEPTS,
        overrides={"published": 'published: {value: "2021-10", precision: month, inferred: x}'},
    )
    assert events_of(article) == [
        ("concept-2022", "Strategic Concept"),
        ("concept-2010", "Strategic Concept"),
    ]


def test_a_document_still_being_made_is_the_next_edition_and_a_previous_one_the_one_before(
    tmp_path: Path,
) -> None:
    # Written in October 2021: the concept "that NATO is developing" is 2022's; the one before
    # the 2010 concept in force is not known, so "its previous" names none.
    article = annotated(
        tmp_path / "a",
        "He spoke on the Strategic Concept that NATO is developing.\n\n"
        "In its previous Strategic Concept, NATO named Russia a partner.\n\n"
        "The Strategic Concept stressed crises.",
        events=CONCEPTS,
        overrides={"published": 'published: {value: "2021-10", precision: month, inferred: x}'},
    )
    assert events_of(article) == [
        ("concept-2022", "Strategic Concept"),
        ("concept-2010", "Strategic Concept"),
    ]
    # Written in 2023, with the 2022 concept in force: its previous one is 2010's.
    later = annotated(
        tmp_path / "b",
        "In its previous Strategic Concept, NATO named Russia a partner.",
        events=CONCEPTS,
    )
    assert events_of(later) == [("concept-2010", "Strategic Concept")]


def test_a_document_of_a_series_placed_by_its_sentence(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "In Lisbon in 2010 the Strategic Concept stressed crises.", events=CONCEPTS
    )
    assert events_of(article) == [("concept-2010", "Strategic Concept")]


def test_an_indefinite_publication_is_dated_by_a_year_a_meeting_is_not(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In 2010, NATO adopted a new Strategic Concept. In 2023, Japan went to a NATO summit.",
        events=CONCEPTS,
    )
    assert events_of(article) == [("concept-2010", "Strategic Concept")]


def test_an_adjective_of_a_series_between_determiner_and_phrase(tmp_path: Path) -> None:
    article = annotated(tmp_path, "Leaders met at the annual summit in Vilnius.")
    assert events_of(article) == [("vilnius-2023", "summit in Vilnius")]
    # Describing words may stand apart with a comma; other words end the phrase at one.
    article = annotated(
        tmp_path / "comma",
        "Leaders take part in this historic, two-day summit, which opens on Tuesday. This "
        "year, NATO summits matter.",
        overrides=published_in("2023-07"),
    )
    assert events_of(article) == [("vilnius-2023", "summit")]


def test_an_indefinite_phrase_with_its_place_names_one_event(tmp_path: Path) -> None:
    article = annotated(tmp_path, "Japan sent its leader to a NATO summit in Vilnius.")
    assert events_of(article) == [("vilnius-2023", "NATO summit in Vilnius")]


def test_a_summit_named_by_its_city(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Since Madrid, the partners have met often. Ahead of Vilnius, Japan prepared. "
        "Vilnius 2023 was a success. Madrid Airport was busy. He flew from Madrid.",
    )
    assert events_of(article) == [
        ("madrid-2022", "Madrid"),
        ("vilnius-2023", "Vilnius"),
        ("vilnius-2023", "Vilnius 2023"),
    ]


def test_a_summit_city_with_the_wrong_year_or_date_names_nothing(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "Madrid 1997 was another summit. Since Madrid in 1997, much has changed."
    )
    assert events_of(article) == []


def test_standard_names_of_a_war(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The war in Ukraine goes on. Since the Ukraine war began, NATO has changed.",
        events=CONCEPTS,
    )
    assert events_of(article) == [
        ("invasion-2022", "war in Ukraine"),
        ("invasion-2022", "Ukraine war"),
    ]


def test_a_war_in_a_place_told_as_near_or_torn_by_war(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Ministers met, preoccupied with the war in neighbouring Ukraine and the fighting in "
        "war-torn Ukraine. Since the war broke out in Ukraine, they have met often. As the war "
        "rages in Ukraine, they meet again.",
        events=CONCEPTS,
    )
    assert events_of(article) == [
        ("invasion-2022", "war in neighbouring Ukraine"),
        ("invasion-2022", "fighting in war-torn Ukraine"),
        # (told by its breaking out or raging there)
        ("invasion-2022", "war broke out in Ukraine"),
        ("invasion-2022", "war rages in Ukraine"),
    ]


def test_summits_named_together(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Japan attended the Madrid and Vilnius summits. It skipped the 2019 and 2023 summits "
        "before. Leaders met at NATO summits in Madrid and Vilnius.",
    )
    assert events_of(article) == [
        ("madrid-2022", "Madrid"),
        ("vilnius-2023", "Vilnius"),
        ("vilnius-2023", "2023"),
        ("madrid-2022", "Madrid"),
        ("vilnius-2023", "Vilnius"),
    ]


def test_summits_listed_by_years_alone_or_by_their_host_states_with_years(
    tmp_path: Path,
) -> None:
    events = SUMMITS.replace("place: Vilnius", "place: Vilnius, Lithuania").replace(
        "place: Madrid", "place: Madrid, Spain"
    )
    article = annotated(
        tmp_path,
        "Japan attended NATO summits in 2022 and 2023. Its leader went to the summits held in "
        "Spain in 2022 and Lithuania in 2023.",
        events=events,
    )
    # A host state is named as a state too: its year is the summit's mention.
    assert events_of(article) == [
        ("madrid-2022", "2022"),
        ("vilnius-2023", "2023"),
        ("madrid-2022", "2022"),
        ("vilnius-2023", "2023"),
    ]
    # A year that fits no summit, or a host state without its year, names none.
    article = annotated(
        tmp_path / "none",
        "Japan attended NATO summits in 2021 and 2023. It went to summits in Spain and Lithuania.",
        events=events,
    )
    assert events_of(article) == [("vilnius-2023", "2023")]


def test_a_meeting_on_the_sidelines_of_a_summit_is_not_that_summit(tmp_path: Path) -> None:
    published = {"published": 'published: {value: "2023-05", precision: month, inferred: x}'}
    article = annotated(
        tmp_path,
        "The president will hold a trilateral summit with his two counterparts. This summit "
        "will take place on the sidelines of a NATO conference in Vilnius in July, officials "
        "said.",
        overrides=published,
    )
    # "This summit" is the trilateral one; the NATO conference it is beside is Vilnius's summit.
    assert events_of(article) == [("vilnius-2023", "conference in Vilnius")]
    assert [u.text for u in article.unresolved_events] == ["summit"]
    # The summit after "sidelines of" is the host itself.
    article = annotated(
        tmp_path / "host",
        "The leaders met on the sidelines of the NATO summit in Vilnius.",
        overrides=published,
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit in Vilnius")]
    # A meeting in the summit's city right before "sidelines of" a summit told without its place
    # is beside it; a reference in another clause of the sentence is not.
    article = annotated(
        tmp_path / "beside",
        "The two leaders, meeting in Vilnius on the sidelines of the NATO summit, agreed. Japan "
        "attended the summit in Vilnius, and on the sidelines of the summit its leader met "
        "Georgia's.",
        overrides={"published": published["published"].replace("2023-05", "2023-07")},
    )
    assert events_of(article) == [
        ("vilnius-2023", "NATO summit"),
        ("vilnius-2023", "summit in Vilnius"),
        ("vilnius-2023", "summit"),
    ]


def test_a_meeting_with_someone_in_office_is_not_the_summit(tmp_path: Path) -> None:
    published = {"published": 'published: {value: "2023-07", precision: month, inferred: x}'}
    article = annotated(
        tmp_path,
        "During a meeting in Vilnius with NATO Secretary General Jens Stoltenberg, Japan spoke. "
        "Japan also joined the meeting in Vilnius with the other partners.",
        overrides=published,
    )
    assert events_of(article) == [("vilnius-2023", "meeting in Vilnius")]
    assert article.event_mentions[0].start > 100


def test_a_meeting_of_the_parties_named_after_it_is_not_the_summit(tmp_path: Path) -> None:
    published = {"published": 'published: {value: "2023-07", precision: month, inferred: x}'}
    events = SUMMITS.replace("place: Vilnius\n", "place: Vilnius\n  participants: [nato]\n")
    article = annotated(
        tmp_path,
        "Leaders of China, Russia and Georgia will hold the first summit among the three "
        "countries in Vilnius. The summit with Georgia and Russia was short. They spoke before "
        "a meeting of NATO’s partners in Vilnius. The summit between Georgia and NATO in Vilnius "
        "followed. Biden joined the summit with his fellow NATO leaders in Vilnius.",
        events=events,
        overrides=published,
    )
    # Only the last is NATO's summit: the others are meetings of those named after the phrase.
    assert events_of(article) == [("vilnius-2023", "summit")]
    assert article.event_mentions[0].start > article.text.reading_text.index("Biden")
    assert [u.text for u in article.unresolved_events] == [
        "summit",
        "summit",
        "meeting of NATO",
        "summit",
    ]
    assert all(u.candidates == () for u in article.unresolved_events)


def test_a_summit_of_a_few_counted_states_or_with_a_counterpart_is_theirs(tmp_path: Path) -> None:
    published = {"published": 'published: {value: "2023-07", precision: month, inferred: x}'}
    article = annotated(
        tmp_path,
        "Leaders met in Vilnius. The three-nation summit was held beside it. Biden praised his "
        "summit with his Polish counterpart. The 31-nation summit in Vilnius ended.",
        overrides=published,
    )
    # Only the last, of NATO's members counted, is NATO's summit.
    assert events_of(article) == [
        ("vilnius-2023", "Leaders met in Vilnius"),
        ("vilnius-2023", "summit in Vilnius"),
    ]
    assert [u.text for u in article.unresolved_events] == ["summit", "summit"]


TRILATERAL_2023 = (
    SUMMITS
    + """\
- id: camp-david-2023
  name: Camp David trilateral summit
  type: summit
  date: "2023-08-18"
  precision: day
  place: Camp David
  description: A summit of three.
  forms: []
  generic: [trilateral summit, summit]
"""
)


def test_a_summit_whose_parties_a_word_counts_is_one_named_so(tmp_path: Path) -> None:
    # "one-on-one", "quadripartite", "tripartite" count a meeting's parties: it is no body's
    # summit, but it may be an event whose own phrases count them ("trilateral summit").
    published = {"published": 'published: {value: "2023-07", precision: month, inferred: x}'}
    article = annotated(
        tmp_path,
        "Leaders met in Vilnius. Yoon and Kishida could hold a one-on-one summit there. Four "
        "leaders joined the quadripartite summit on Tuesday. The summit ended on 12 July.",
        events=TRILATERAL_2023,
        overrides=published,
    )
    assert events_of(article) == [
        ("vilnius-2023", "Leaders met in Vilnius"),
        ("vilnius-2023", "summit"),
    ]
    assert article.event_mentions[1].start > article.text.reading_text.index("Tuesday")
    published = {"published": 'published: {value: "2023-09", precision: month, inferred: x}'}
    article = annotated(
        tmp_path / "camp-david",
        "The tripartite summit at Camp David in August was the nucleus.",
        events=TRILATERAL_2023,
        overrides=published,
    )
    assert events_of(article) == [("camp-david-2023", "summit at Camp David")]


def test_a_summit_of_names_listed_in_the_possessive_is_theirs(tmp_path: Path) -> None:
    # Names joined by "and" in the possessive own the meeting, past words that qualify it; not
    # where the alliance is among them, nor where they own something else ("visits to").
    published = {"published": 'published: {value: "2023-07", precision: month, inferred: x}'}
    article = annotated(
        tmp_path,
        "Leaders met in Vilnius. Beijing criticised the US, Japan and Philippines' "
        "highly-targeted summit in Vilnius. Ruritania and Japan's summit went well. NATO and "
        "Japan's summit went well. Kishida and Yoon’s visits to the summit were praised.",
        overrides=published,
    )
    assert events_of(article) == [
        ("vilnius-2023", "Leaders met in Vilnius"),
        ("vilnius-2023", "summit"),
        ("vilnius-2023", "summit"),
    ]
    reading = article.text.reading_text
    assert [m.start for m in article.event_mentions[1:]] == [
        reading.index("summit went well. Kishida"),
        reading.index("summit were"),
    ]


def test_a_summit_of_two_sides_in_a_heading_and_a_misspelt_venue(tmp_path: Path) -> None:
    published = {"published": 'published: {value: "2023-07", precision: month, inferred: x}'}
    article = annotated(
        tmp_path,
        "Leaders met at the two-day NATO summit at Vilnus, the capital.",
        overrides=published,
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit")]  # Vilnius misspelt
    article = annotated(
        tmp_path / "vienna", "Leaders met at the NATO summit at Vienna.", overrides=published
    )
    assert events_of(article) == []  # another city
    # A heading's summit of two sides joined by a dash is theirs.
    article = annotated(
        tmp_path / "heading",
        "## The Putin-Kim Summit and NATO\n\nNATO watched.",
        overrides=published,
    )
    assert events_of(article) == []


def test_a_country_or_its_adjective_places_a_summit(tmp_path: Path) -> None:
    events = SUMMITS.replace("place: Vilnius", "place: Vilnius, Lithuania")
    article = annotated(
        tmp_path, "Leaders met at the summit in the Lithuanian capital.", events=events
    )
    assert events_of(article) == [("vilnius-2023", "summit")]


def test_a_country_whose_leaders_are_met_does_not_place_a_summit(tmp_path: Path) -> None:
    # Published in 2025: "leaders of Estonia, Lithuania and Latvia" are parties, not the venue.
    events = SUMMITS.replace("place: Vilnius", "place: Vilnius, Lithuania")
    for number, sentence in enumerate(
        [
            "On the sidelines of the summit, Biden met leaders of Estonia, Lithuania and Latvia.",
            "At the summit, he met the Presidents of Lithuania and Latvia.",
        ]
    ):
        article = annotated(
            tmp_path / str(number),
            sentence,
            events=events,
            overrides={"published": 'published: {value: "2025-06", precision: month, inferred: x}'},
        )
        assert events_of(article) == [], sentence


def test_an_indefinite_phrase_whose_sentence_names_the_place(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In Madrid, Japan attended a NATO summit for the first time. Madrid hosted a summit "
        "on trade. Oslo may host a NATO summit.",
    )
    assert events_of(article) == [("madrid-2022", "NATO summit")]


def test_a_month_and_year_before_a_summit_phrase_must_both_fit_it(tmp_path: Path) -> None:
    # Published in 2024 (more than a year after both): the year says which, and the month must
    # be one the summit was held in.
    article = annotated(
        tmp_path,
        "Leaders met at an April 2023 summit in Vilnius. Japan spoke at the July 2023 summit. "
        "The June 2022 summit changed much.",
        overrides={"published": 'published: {value: "2024-09", precision: month, inferred: x}'},
    )
    assert events_of(article) == [
        ("vilnius-2023", "2023 summit"),
        ("madrid-2022", "2022 summit"),
    ]


def test_a_summit_named_by_its_communique_and_a_city_after_at_is_a_place(tmp_path: Path) -> None:
    # After "at" a city is where something happened, as after "in": the held-out texts read it
    # so ("signed agreements on Aug. 18 at Camp David").
    article = annotated(
        tmp_path,
        "At Vilnius, the allies agreed. Japan studied the Vilnius communiqué and the Madrid "
        "Summit Declaration. They met at Vilnius airport. The deal was signed in Vilnius. "
        "China looked at Washington. On 11 July 2023 the NATO summit was held at Vilnius.",
    )
    assert events_of(article) == [
        ("vilnius-2023", "Vilnius communiqué"),
        ("madrid-2022", "Madrid Summit"),  # the summit's name, inside its declaration's
        ("vilnius-2023", "NATO summit"),
    ]


def test_a_summit_dated_by_the_clause_it_takes_place_in(tmp_path: Path) -> None:
    published = {"published": 'published: {value: "2025-06", precision: month, inferred: x}'}
    # "On June 24, the summit will take place": the date is the summit's, and no known summit
    # was held then; the paragraph's "Since 2022" does not make it Madrid's.
    article = annotated(
        tmp_path,
        "Ahn said, “On June 24, the NATO summit will take place. It is a stage. Since 2022, "
        "Japan has also been officially invited.”",
        overrides=published,
    )
    assert events_of(article) == []
    assert [r.text for r in article.unresolved_events] == ["NATO summit"]


def test_an_indefinite_phrase_dated_within_one_event(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In July 2023 Japan attended a NATO summit. In 2023, a NATO summit was mooted.",
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit")]


def test_an_invasion_is_named_by_no_generic_phrase_before_it_began(tmp_path: Path) -> None:
    # Published five days before the invasion: "the war in Ukraine" is the war before it, which
    # the knowledge base lacks; published after, the invasion.
    for published, day, found in (
        ("2022-02-19", "19 February 2022", []),
        ("2022-03-01", "1 March 2022", ["invasion-2022"]),
    ):
        article = annotated(
            tmp_path / published,
            f"Brussels, {day}. NATO discussed the war in Ukraine.",
            events=CONCEPTS,
            overrides={
                "published": f'published: {{value: "{published}", precision: day, stated: "{day}"}}'
            },
        )
        assert [m.event for m in article.event_mentions] == found, published
        assert [r.text for r in article.unresolved_events] == ([] if found else ["war in Ukraine"])


def test_a_judging_adjective_between_possessive_and_phrase(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Russia’s brutal war in Ukraine goes on. A war in Ukraine is feared.",
        events=CONCEPTS,
    )
    assert events_of(article) == [("invasion-2022", "war in Ukraine")]


DIALOGUES = """\
- id: dialogue-2005
  name: NATO begins a dialogue with Korea and Australia
  type: other
  date: "2005"
  precision: year
  participants: [nato, korea, australia]
  description: A start.
  forms: []
- id: call-2005
  name: A call for partners
  type: other
  date: "2005"
  precision: year
  participants: [nato, scheffer]
  description: A speech.
  forms: []
"""

PARTNERS = (
    ACTORS
    + """\
- {id: korea, name: South Korea, type: state, description: d, forms: [South Korea]}
- {id: australia, name: Australia, type: state, description: d, forms: [Australia]}
- {id: scheffer, name: Jaap de Hoop Scheffer, type: person, description: d, forms: [Scheffer]}
"""
)


def test_an_event_dated_by_its_year_named_by_year_and_participants(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Since 2005 NATO has met South Korea and Australia. In 2005 NATO grew. "
        "In 2006 NATO met South Korea and Australia.",
        events=DIALOGUES,
        actors=PARTNERS,
    )
    assert events_of(article) == [("dialogue-2005", "2005")]


def test_a_year_that_bounds_a_period_names_no_event(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO led efforts with South Korea and Australia between 2005-2021. From 2005 to 2010 "
        "NATO, South Korea and Australia met often. In 2005 NATO met South Korea and Australia.",
        events=DIALOGUES,
        actors=PARTNERS,
    )
    reading = article.text.reading_text
    assert [(m.event, reading[m.start - 3 : m.end]) for m in article.event_mentions] == [
        ("dialogue-2005", "In 2005")
    ]


def test_a_date_right_after_a_reference_dates_it_before_any_place(tmp_path: Path) -> None:
    # Published in 2023: "last year" is 2022, whatever Vilnius later in the sentence says.
    article = annotated(
        tmp_path,
        "Japan attended the NATO summit last year and will again take part in Vilnius.",
        overrides={"published": 'published: {value: "2023-06", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("madrid-2022", "NATO summit")]
    # A month alone may be the next or the last: the place decides.
    article = annotated(
        tmp_path / "month",
        "Japan will attend the NATO summit in July in Vilnius.",
        overrides={"published": 'published: {value: "2023-06", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit")]


def test_a_date_after_a_summits_name_or_place_that_it_does_not_fit_is_another_meeting(
    tmp_path: Path,
) -> None:
    # Held in April, not in June or July: a meeting of the same place the knowledge base lacks.
    published = {"published": 'published: {value: "2023-08", precision: month, inferred: x}'}
    for name, body in (
        ("name", "Leaders met at the Madrid Summit on 11 April 2022."),
        ("place", "Leaders met at the summit in Vilnius on 11 April 2023."),
    ):
        article = annotated(tmp_path / name, body, overrides=published)
        assert events_of(article) == [], name
        assert [u.candidates for u in article.unresolved_events] == [()]
    # The summit's own days, after its name or its place, keep it.
    for name, body, expected in (
        ("named", "Leaders met at the Madrid Summit on 29 June 2022.", "Madrid Summit"),
        ("placed", "Leaders met at the summit in Vilnius on 11 July 2023.", "summit in Vilnius"),
    ):
        article = annotated(tmp_path / name, body, overrides=published)
        assert [m.text for m in article.event_mentions] == [expected], name


def test_next_weeks_summit_is_within_days_of_the_publication(tmp_path: Path) -> None:
    summits = (
        SUMMITS
        + """\
- id: camp-david-2023
  name: Camp David summit
  type: summit
  date: "2023-08-18"
  precision: day
  place: Camp David
  description: A summit.
  forms: []
  generic: [summit]
"""
    )
    article = annotated(
        tmp_path,
        "Tokyo, 4 July 2023. Japan is ready. Top of the agenda at next week’s summit is Ukraine.",
        events=summits,
        overrides={
            "published": 'published: {value: "2023-07-04", precision: day, stated: "4 July 2023"}'
        },
    )
    assert events_of(article) == [("vilnius-2023", "summit")]


def _stated_on(day: str, printed: str) -> dict[str, str]:
    """The front matter's publication date, stated by the text as `printed`."""
    return {"published": f'published: {{value: "{day}", precision: day, stated: "{printed}"}}'}


def test_a_week_told_after_the_summit_is_its_time_not_a_year_the_text_names(
    tmp_path: Path,
) -> None:
    june_2025 = ("2025-06-23", "23 June 2025")
    july_2023 = ("2023-07-10", "10 July 2023")
    for number, (published, body, expected) in enumerate(
        [
            # A text of June 2025 on a summit the knowledge base lacks: the year told for the
            # streak (or in the next sentence) does not make it the 2022 summit; nothing fits,
            # so nothing is guessed.
            (
                june_2025,
                " Japan cancels NATO summit attendance this week, breaking a streak that began "
                "in 2022.",
                [],
            ),
            (
                june_2025,
                " Japan will skip the NATO summit this week. Its leaders went every year from "
                "2022.",
                [],
            ),
            # The week the text tells of holds the summit: that one.
            (
                july_2023,
                "\n\nJapan attends the NATO summit this week, as it did in 2022.",
                [("vilnius-2023", "NATO summit")],
            ),
            # Told before the phrase, the week may hold one still to come too.
            (
                july_2023,
                "\n\nJapan attends this week’s NATO summit.",
                [("vilnius-2023", "NATO summit")],
            ),
            # And the month: "last month" in a text of July 2022 is June's summit, not a later one.
            (
                ("2022-07-20", "20 July 2022"),
                "\n\nJapan attended the NATO summit last month, as it did in 2021.",
                [("madrid-2022", "NATO summit")],
            ),
        ]
    ):
        article = annotated(
            tmp_path / str(number),
            f"Tokyo, {published[1]}.{body}",
            overrides=_stated_on(*published),
        )
        assert events_of(article) == expected, body


def test_a_date_after_one_of_two_events_in_its_sentence_is_that_ones(tmp_path: Path) -> None:
    events = (
        SUMMITS
        + """\
- id: pact-2023
  name: A pact
  type: other
  date: "2023"
  precision: year
  description: A pact.
  forms: [Vilnius pact]
"""
    )
    article = annotated(
        tmp_path,
        "At the NATO summit in Vilnius in 2023, Japan signed the Vilnius pact.",
        events=events,
    )
    assert events_of(article) == [
        ("vilnius-2023", "NATO summit in Vilnius"),
        ("pact-2023", "Vilnius pact"),
    ]
    assert [d.event for d in article.dates] == ["vilnius-2023"]


def test_leaders_who_gather_in_a_city_tell_of_its_summit(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "When NATO leaders gather in Vilnius on 11-12 July, Japan will be there.",
        overrides={"published": 'published: {value: "2023-06", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("vilnius-2023", "leaders gather in Vilnius")]


def test_an_events_form_with_its_common_nouns_capitalised_names_it(tmp_path: Path) -> None:
    crisis = (
        "- {id: crisis-2022, name: Crisis, type: other, date: '2022-02-24', precision: day,\n"
        "   description: A war., forms: [Ukrainian crisis]}\n"
    )
    article = annotated(
        tmp_path,
        "The summit is focused on the Russian-Ukrainian Crisis. The Ukrainian crisis goes on.",
        events=crisis,
    )
    assert events_of(article) == [
        ("crisis-2022", "Ukrainian Crisis"),
        ("crisis-2022", "Ukrainian crisis"),
    ]


def test_an_upcoming_summit_is_one_still_to_come_when_the_text_was_published(
    tmp_path: Path,
) -> None:
    published = {"published": 'published: {value: "2025-05", precision: month, inferred: x}'}
    # Published in 2025: no summit the knowledge base holds is to come, whatever year the
    # paragraph's other sentence names; the reference is left undecided.
    article = annotated(
        tmp_path,
        "The upcoming NATO summit will decide. In fiscal year 2023, Congress approved the money.",
        overrides=published,
    )
    assert events_of(article) == []
    assert [u.text for u in article.unresolved_events] == ["NATO summit"]
    # A sentence that dates it tells of what was then to come.
    article = annotated(
        tmp_path / "dated",
        "In June 2023, Japan prepared for the upcoming NATO summit in Vilnius.",
        overrides=published,
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit in Vilnius")]
    # A date in its sentence that dates no summit leaves it one still to come: not the summit a
    # place in the sentence names.
    article = annotated(
        tmp_path / "goal",
        "Envoys in Madrid agreed a text for their upcoming summit that sets a goal for 2035.",
        overrides=published,
    )
    assert events_of(article) == []
    # A text posted again weeks after the summit it calls upcoming still means that summit.
    article = annotated(
        tmp_path / "reposted",
        "Japan appeared on the list for the upcoming NATO summit.",
        overrides={"published": 'published: {value: "2022-07", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("madrid-2022", "NATO summit")]


def test_an_indefinite_summit_looked_ahead_to_is_the_one_days_after_the_publication(
    tmp_path: Path,
) -> None:
    published = {"published": 'published: {value: "2023-07", precision: month, inferred: x}'}
    # The one to come within days, whatever the paragraph's other place says.
    article = annotated(
        tmp_path,
        "The four leaders will be joining a NATO summit again. Last year at Madrid was the first.",
        overrides=published,
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit")]
    # A journey to it under way, told in the present, looks ahead to its end.
    article = annotated(
        tmp_path / "journey",
        "Japan's leader spoke as he arrives in Europe for a NATO summit.",
        overrides=published,
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit")]
    # A time to come in general, a bare "a summit", a text dated only to its year or a journey
    # told in the past name none.
    for number, (sentence, date) in enumerate(
        [
            ("Japan hopes to attend a NATO summit one day.", published),
            ("Japan's leader flew to Europe for a NATO summit.", published),
            ("Japan will attend a summit next week.", published),
            (
                "Japan will attend a NATO summit.",
                {"published": 'published: {value: "2023", precision: year, inferred: x}'},
            ),
        ]
    ):
        article = annotated(tmp_path / str(number), sentence, overrides=date)
        assert events_of(article) == [], sentence


ACCESSION_ACTORS = (
    ACTORS
    + """\
- {id: japan, name: Japan, type: state, description: d, forms: [Japan, Japanese, Tokyo]}
- {id: korea, name: South Korea, type: state, description: d, forms: [South Korea, Seoul]}
- {id: ukraine, name: Ukraine, type: state, description: d, forms: [Ukraine]}
- id: cyber-centre
  name: Cyber Centre of Excellence
  type: institution
  description: d
  forms: [Cyber Centre of Excellence, CCDCOE]
"""
)
ACCESSION = """\
- id: join-2022
  name: South Korea and Japan join the Cyber Centre of Excellence
  type: accession
  date: "2022-05"
  precision: month
  end_date: "2022-11"
  participants: [korea, japan, cyber-centre]
  description: d.
  forms: []
"""


def published_in(month: str) -> dict[str, str]:
    return {"published": f'published: {{value: "{month}", precision: month, inferred: x}}'}


def test_a_state_joining_a_body_names_the_accession_when_it_is_a_joiner(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Japan formally joined NATO’s Cyber Centre of Excellence on Friday. Analysts said "
        "Japan joining CCDCOE mattered. Shortly after its membership of the CCDCOE, Japan "
        "began to train.\n\nUkraine joined the CCDCOE in 2021. South Korea, which the CCDCOE "
        "admitted, trains. Japan joined the CCDCOE in 2019, a reader wrote.",
        actors=ACCESSION_ACTORS,
        events=ACCESSION,
        overrides=published_in("2022-12"),
    )
    assert events_of(article) == [
        ("join-2022", "joined NATO’s Cyber Centre of Excellence"),
        ("join-2022", "joining CCDCOE"),
        ("join-2022", "membership of the CCDCOE"),
    ]


def test_a_state_becoming_a_member_or_participant_of_a_body_names_the_accession(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "South Korea has become the first Asian member state of NATO’s Cyber Centre of "
        "Excellence. Japan became the latest member of the CCDCOE. Seoul’s spy agency said it "
        "had been admitted as a contributing participant for the CCDCOE.\n\nUkraine became a "
        "member of the CCDCOE. Japan became the host of the CCDCOE meeting.",
        actors=ACCESSION_ACTORS,
        events=ACCESSION,
        overrides=published_in("2022-12"),
    )
    assert events_of(article) == [
        ("join-2022", "become the first Asian member state of NATO’s Cyber Centre of Excellence"),
        ("join-2022", "became the latest member of the CCDCOE"),
        ("join-2022", "admitted as a contributing participant for the CCDCOE"),
    ]


def test_a_joining_of_a_body_or_of_one_based_somewhere_names_the_accession(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "The minister announced Japan’s official joining of the Cyber Centre of Excellence. "
        "South Korea has joined the Tallinn-based Cyber Centre of Excellence.",
        actors=ACCESSION_ACTORS,
        events=ACCESSION,
        overrides=published_in("2022-12"),
    )
    assert events_of(article) == [
        ("join-2022", "joining of the Cyber Centre of Excellence"),
        ("join-2022", "joined the Tallinn-based Cyber Centre of Excellence"),
    ]


def test_an_accession_is_not_dated_by_its_joiners_alone(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Tokyo and Seoul saw China as a concern until 2022.\n\nIn 2022 Japan and South Korea "
        "joined the CCDCOE.",
        actors=ACCESSION_ACTORS,
        events=ACCESSION,
        overrides=published_in("2024-01"),
    )
    assert events_of(article) == [("join-2022", "joined the CCDCOE")]


def test_the_years_since_a_founding_name_that_anniversary_of_the_body_named(
    tmp_path: Path,
) -> None:
    events = (
        SUMMITS
        + """\
- id: anniversary-75
  name: NATO's 75th anniversary
  type: other
  date: "2024-04-04"
  precision: day
  participants: [nato]
  description: d.
  forms: []
  generic: [75th anniversary]
"""
    )
    article = annotated(
        tmp_path,
        "NATO marked 75 years since its founding. The summit honoured seventy-five years since "
        "the inception of NATO.\n\nChina marked 75 years since it was founded. NATO marked 70 "
        "years since its founding in 2019.\n\nNATO is celebrating 75 years of its establishment. "
        "Marking 75 years of the Alliance, NATO met. NATO and Japan mark 75 years of diplomatic "
        "relations.",
        events=events,
        overrides=published_in("2024-04"),
    )
    assert events_of(article) == [
        ("anniversary-75", "75 years since its founding"),
        ("anniversary-75", "seventy-five years since the inception of NATO"),
        # the years of its being, marked, tell it too; the years of other ties do not
        ("anniversary-75", "celebrating 75 years of its establishment"),
        ("anniversary-75", "Marking 75 years of the Alliance"),
    ]


def test_a_summit_named_by_another_body_and_its_year_is_none_of_the_known(tmp_path: Path) -> None:
    # A capital word before the year is the name's: another body's summit of that year.
    article = annotated(
        tmp_path,
        "The Inter-Parliamentary Alliance on China (IPAC) Taipei 2023 Summit came to an end on "
        "Wednesday.\n\nThe NATO 2023 Summit was held in Vilnius.",
        overrides={"published": 'published: {value: "2023-08", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("vilnius-2023", "2023 Summit")]
