"""Classes of phrasing whose context decides what a form or a generic phrase names, on made-up
sentences: a capital as a venue, a demonym that names an ocean, a month or a place in apposition
that chooses a summit."""

from __future__ import annotations

from pathlib import Path

from support import PROJECT_ROOT
from test_annotate_rules import ACTORS, SUMMITS, actors_of, annotated, events_of

REAL_ACTORS = (PROJECT_ROOT / "corpus" / "actors.yaml").read_text(encoding="utf-8")


def test_a_capital_after_in_or_at_is_a_venue_not_the_government(tmp_path: Path) -> None:
    # The knowledge base's own capital forms: after "in" or "at" the city is where something
    # is; elsewhere it stands for the government.
    article = annotated(
        tmp_path,
        "The spokesman told reporters in Beijing that Beijing objects. A liaison office in Tokyo "
        "was planned, and Tokyo wants it. Talks at Moscow ended; Moscow refused. Officials in "
        "Tokyo and regimes in Moscow disagree.",
        actors=REAL_ACTORS,
    )
    capitals = [(a, t) for a, t in actors_of(article) if t in ("Beijing", "Tokyo", "Moscow")]
    assert capitals == [
        ("china", "Beijing"),
        ("japan", "Tokyo"),
        ("russia", "Moscow"),
        ("japan", "Tokyo"),
        ("russia", "Moscow"),
    ]
    reading = article.text.reading_text
    starts = [m.start for m in article.mentions if m.text in ("Beijing", "Tokyo", "Moscow")]
    # Those who govern "in" a capital are its government ("officials in Tokyo").
    assert [reading[s : s + 16] for s in starts] == [
        "Beijing objects.",
        "Tokyo wants it. ",
        "Moscow refused. ",
        "Tokyo and regime",
        "Moscow disagree.",
    ]


INDIA = "- {id: india, name: India, type: state, description: d, forms: [India, Indian]}\n"


def test_a_demonym_in_a_list_of_oceans_names_the_ocean(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Atlantic, Indian and Pacific regions are linked. The Pacific and Indian oceans "
        "meet. Indian or Arctic waters differ. Indian leaders and Chinese ones came.",
        actors=ACTORS + INDIA,
    )
    assert actors_of(article) == [("india", "Indian"), ("china", "Chinese")]


TWO_IN_2023 = (
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


def test_of_a_years_summits_the_one_held_by_whom_its_sentence_names(tmp_path: Path) -> None:
    # Published in 2024: "last year's summit" is of 2023, which had two; the sentence that names
    # NATO means NATO's, and the one that names no holder is left.
    article = annotated(
        tmp_path,
        "At last year’s summit, Japan and NATO elevated their partnership.\n\nAt last year’s "
        "summit, Japan spoke.",
        events=TWO_IN_2023.replace(
            "  place: Vilnius\n", "  place: Vilnius\n  participants: [nato]\n"
        ),
        overrides={"published": 'published: {value: "2024-07", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("vilnius-2023", "summit")]
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [
        ("summit", ("vilnius-2023", "camp-david-2023"))
    ]


def test_of_a_years_summits_the_one_held_by_whom_its_paragraph_names(tmp_path: Path) -> None:
    # Published in May 2023, before both summits of the year: "the upcoming summit" is NATO's
    # where its paragraph names NATO, and left where it names no holder.
    events = TWO_IN_2023.replace("  place: Vilnius\n", "  place: Vilnius\n  participants: [nato]\n")
    article = annotated(
        tmp_path,
        "NATO invited Japan. Japan will attend the upcoming summit.\n\n"
        "Japan was invited. Japan will attend the upcoming summit.",
        events=events,
        overrides={"published": 'published: {value: "2023-05", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("vilnius-2023", "summit")]
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [
        ("summit", ("vilnius-2023", "camp-david-2023"))
    ]
    # Nor where the paragraph told of the other before: NATO named in "a mini NATO" does not
    # make "the three summit countries" NATO's.
    told = annotated(
        tmp_path / "told",
        "The leaders met at the summit at Camp David. Critics called it a mini NATO. They "
        "doubted the three summit countries.",
        events=events,
        overrides={"published": 'published: {value: "2023-09", precision: month, inferred: x}'},
    )
    assert [e for e, _ in events_of(told)] == ["camp-david-2023"]


def test_a_month_before_a_generic_phrase_chooses_the_event(tmp_path: Path) -> None:
    # Published in January 2023, the year of two summits: the month says which one.
    article = annotated(
        tmp_path,
        "Doubts grew before the alliance’s July summit. Others looked to the August summit. "
        "Nobody recalls the May summit.",
        events=TWO_IN_2023,
    )
    assert events_of(article) == [("vilnius-2023", "summit"), ("camp-david-2023", "summit")]
    # No summit of 2023 was held in May: nothing is offered for it.
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [("summit", ())]


def test_an_indefinite_summit_with_its_place_in_apposition(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The allies held a summit in the Lithuanian capital of Vilnius. They had held a summit "
        "in the Spanish capital, Madrid. They may hold a summit in the city.",
    )
    assert events_of(article) == [("vilnius-2023", "summit"), ("madrid-2022", "summit")]


def test_an_indefinite_summit_held_when_and_where(tmp_path: Path) -> None:
    # That the summit is held, and when, may stand between it and its place; a time alone does
    # not say whose summit it is.
    article = annotated(
        tmp_path,
        "Yoon spoke at a summit held Wednesday in Vilnius. The allies had met at a summit to be "
        "held in Madrid. Leaders were at a summit hosted in the Lithuanian capital of Vilnius. "
        "Yoon and Kishida meet for a summit Wednesday in Vilnius.",
    )
    assert events_of(article) == [
        ("vilnius-2023", "summit"),
        ("madrid-2022", "summit"),
        ("vilnius-2023", "summit"),
    ]


def test_a_summit_in_a_place_told_by_its_kind_before_its_name(tmp_path: Path) -> None:
    # "the Baltic state of Lithuania": an adjective and a kind of place before the name, not a
    # place where no known summit was held.
    article = annotated(
        tmp_path,
        "Leaders will attend the NATO summit in the Baltic state of Lithuania in July 2023. The "
        "summit in the Gulf state of Qatar in 2022 was another matter.",
        events=SUMMITS.replace("place: Vilnius", "place: Vilnius, Lithuania"),
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit")]


CENTRE = (
    "- {id: css, name: Centre for Strategic Studies, type: institution, description: d,\n"
    "   forms: [Centre for Strategic Studies]}\n"
)


def test_a_full_name_beside_a_capitalised_word_is_still_the_name(tmp_path: Path) -> None:
    # A name with a phrase of its own is whole: the capitalised word beside it (a title, another
    # name) does not make it part of a longer one, as it does an ordinary-word name.
    article = annotated(
        tmp_path,
        "Centre for Strategic Studies Director Ann Other spoke. NATO Centre for Strategic Studies "
        "ties grew. The House Foreign Affairs Committee met.",
        actors=ACTORS + CENTRE,
    )
    assert actors_of(article) == [
        ("css", "Centre for Strategic Studies"),
        ("nato", "NATO"),
        ("css", "Centre for Strategic Studies"),
    ]


DATED_BY_PARTICIPANTS = """\
- id: meeting-2022-05
  name: A meeting of five
  type: meeting
  date: "2022-05"
  precision: month
  participants: [nato, china, russia, usa, georgia]
  description: d
  forms: []
- id: group-meeting-2016
  name: NATO meets the partners
  type: meeting
  date: "2016"
  precision: year
  participants: [nato, partners, china, russia, georgia]
  description: d
  forms: []
- id: dialogue-2005
  name: A dialogue begins
  type: other
  date: "2005"
  precision: year
  participants: [nato, georgia]
  description: d
  forms: []
"""
PARTNERS = (
    "- {id: partners, name: Pacific Partners, type: grouping, description: d,\n"
    "   forms: [Pacific Partners]}\n"
)


def test_a_year_names_an_event_with_enough_of_its_participants(tmp_path: Path) -> None:
    # Two of a meeting's five participants in May 2022 are two states doing something else; two
    # of a dialogue's two, or NATO and a group of partners, name it.
    article = annotated(
        tmp_path,
        "In May 2022, China and Russia signed a trade deal. In 2005 NATO began a dialogue with "
        "Georgia. Since 2016 NATO has met the Pacific Partners.",
        actors=ACTORS + PARTNERS,
        events=DATED_BY_PARTICIPANTS,
    )
    assert events_of(article) == [("dialogue-2005", "2005"), ("group-meeting-2016", "2016")]


def test_a_place_with_its_country_in_commas_before_a_generic_phrase(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Japan attended NATO’s Vilnius, Lithuania, summit. In the end, summit talks were short.",
    )
    assert events_of(article) == [("vilnius-2023", "summit")]
    assert article.unresolved_events == ()


def test_the_summit_after_one_named_as_what_came_before_is_that_one(tmp_path: Path) -> None:
    # "before the Camp David summit" tells what came first, not another summit than the one the
    # text is about; "last year's" would set it apart.
    events = TWO_IN_2023.replace(
        "  forms: []\n  generic: [summit]", "  forms: [Camp David summit]\n  generic: [summit]"
    )
    article = annotated(
        tmp_path,
        "China was on alert even before the Camp David summit called for by Washington. This "
        "summit was the first of its kind.",
        events=events,
        overrides={"published": 'published: {value: "2023-08", precision: month, inferred: x}'},
    )
    assert events_of(article) == [
        ("camp-david-2023", "Camp David summit"),
        ("camp-david-2023", "summit"),
    ]


def test_the_summit_after_one_the_publication_date_decided_in_its_paragraph_is_that_one(
    tmp_path: Path,
) -> None:
    # Published in June 2023: "the NATO summit" is July's (NATO held one summit in 2023), and
    # the paragraph's bare "the summit" is that one, not the Camp David summit of the same year.
    article = annotated(
        tmp_path,
        "Leaders will meet at the NATO summit. Media speculated on what they will say at the "
        "summit.\n\nOthers looked ahead to the summit.",
        events=TWO_IN_2023,
        overrides={"published": 'published: {value: "2023-06", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit"), ("vilnius-2023", "summit")]


def test_the_summit_after_one_its_sentence_placed_is_that_one(tmp_path: Path) -> None:
    # Published in July 2023, the year of two summits: "the NATO gathering" is placed by its
    # sentence's Vilnius, so the next paragraph's bare "the summit" is that one; "the summit"
    # after a reference the publication date alone decided is still left (see above).
    article = annotated(
        tmp_path,
        "Yoon will visit the capital of Vilnius to attend the NATO gathering.\n\n"
        "He will hold talks on the margins of the summit.",
        events=TWO_IN_2023.replace(
            "generic: [NATO summit", "generic: [NATO gathering, NATO summit"
        ),
        overrides={"published": 'published: {value: "2023-07", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("vilnius-2023", "NATO gathering"), ("vilnius-2023", "summit")]
    # "This summit" is the one the text is about, not the one it recalls.
    article = annotated(
        tmp_path,
        "I attended the summit two years ago in Vilnius.\n\nThis summit feels different.",
        events=TWO_IN_2023,
        overrides={"published": 'published: {value: "2025-06", precision: month, inferred: x}'},
    )
    assert events_of(article) == [("vilnius-2023", "summit")]


def test_a_meetings_length_does_not_keep_it_from_the_one_named_before(tmp_path: Path) -> None:
    # Published in 2024, after two summits of 2023: "the two-day summit" is the one the text
    # named, as "the summit" would be.
    article = annotated(
        tmp_path,
        "Kishida went to the NATO summit in Vilnius.\n\nHe praised the two-day summit.",
        events=TWO_IN_2023,
        overrides={"published": 'published: {value: "2024-01", precision: month, inferred: x}'},
    )
    assert events_of(article) == [
        ("vilnius-2023", "NATO summit in Vilnius"),
        ("vilnius-2023", "summit"),
    ]


def test_a_countrys_possessive_before_its_capital_places_a_summit(tmp_path: Path) -> None:
    # Published in 2024: of last year's two summits, the one held in Lithuania; a possessive
    # before anything else is the government's, not a place.
    events = TWO_IN_2023.replace("place: Vilnius", "place: Vilnius, Lithuania")
    for sentence, found in (
        ("Kishida spoke in Lithuania’s capital at last year’s summit.", ["summit"]),
        ("Kishida praised Lithuania’s role at last year’s summit.", []),
    ):
        article = annotated(
            tmp_path,
            sentence,
            events=events,
            overrides={"published": 'published: {value: "2024-01", precision: month, inferred: x}'},
        )
        assert [t for e, t in events_of(article) if e == "vilnius-2023"] == found, sentence


def test_a_peoples_everyday_name_is_its_state(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO thanked 30 Kiwis and a Kiwi officer. The Brits and a Brit agreed, as Aussies and "
        "an Aussie did.",
        actors=REAL_ACTORS,
    )
    peoples = [(a, t) for a, t in actors_of(article) if t != "NATO"]
    assert peoples == [
        ("new-zealand", "Kiwis"),
        ("new-zealand", "Kiwi"),
        ("united-kingdom", "Brits"),
        ("united-kingdom", "Brit"),
        ("australia", "Aussies"),
        ("australia", "Aussie"),
    ]


REAL_EVENTS = (PROJECT_ROOT / "corpus" / "events.yaml").read_text(encoding="utf-8")


def test_names_written_in_another_house_style_are_the_knowledge_bases(tmp_path: Path) -> None:
    # A newspaper that sets a war's name in lower case ("the second world war"), state media's
    # name for NATO ("the North Atlantic bloc"), and the cyber centre's acronym as NATO once
    # wrote it ("CCD COE"); an indefinite "a second world war" is no war that happened.
    article = annotated(
        tmp_path,
        "Japan has rearmed most since the second world war. The North Atlantic bloc agrees. "
        "Japan joined the CCD COE in Tallinn. A second world war was feared in 1938.",
        actors=REAL_ACTORS,
        events=REAL_EVENTS,
    )
    assert ("nato", "North Atlantic bloc") in actors_of(article)
    assert ("ccdcoe", "CCD COE") in actors_of(article)
    wars = [(event, text) for event, text in events_of(article) if event == "second-world-war"]
    assert wars == [("second-world-war", "second world war")]


def test_a_wars_attacks_told_by_its_side_are_the_war(tmp_path: Path) -> None:
    # Told by the side that makes them, the attacks are the war; attacks alone may be a few.
    article = annotated(
        tmp_path,
        "India was accused of fuelling Moscow's deadly attacks on Ukraine. Russia ramps up "
        "attacks on Ukraine, some of them near Poland.",
        actors=REAL_ACTORS,
        events=REAL_EVENTS,
    )
    assert events_of(article) == [
        ("russian-invasion-of-ukraine-2022", "Moscow's deadly attacks on Ukraine")
    ]


def test_a_body_named_after_a_state_is_not_the_state(tmp_path: Path) -> None:
    # A company, a school, an agency or a party named after the state is its own; the state's
    # organs are still the state's.
    article = annotated(
        tmp_path,
        "Korea Aerospace Industries sold jets. The Japan Foundation paid. The Korea Central News "
        "Agency reported it. Japan Coast Guard ships sailed. The Japan Innovation Party and the "
        "UK Independence Party spoke.",
        actors=REAL_ACTORS,
        events=REAL_EVENTS,
    )
    assert actors_of(article) == [("japan", "Japan")]
    reading = article.text.reading_text
    assert article.mentions[0].start == reading.index("Japan Coast")


def test_a_contest_by_other_means_than_arms_is_not_the_war(tmp_path: Path) -> None:
    # "power struggle", "trade war": the word before makes the noun a contest of another kind.
    article = annotated(
        tmp_path,
        "The West’s power struggle against Russia goes on. China's trade war with Russia hurts. "
        "The information-war against Ukraine is old. The war against Ukraine goes on.",
        actors=REAL_ACTORS,
        events=REAL_EVENTS,
    )
    assert events_of(article) == [("russian-invasion-of-ukraine-2022", "war against Ukraine")]
    assert article.event_mentions[0].start == article.text.reading_text.rindex("war against")


def test_a_states_adjective_before_its_royal_forces_names_it(tmp_path: Path) -> None:
    # "Royal" opens a state's organ as "Imperial" does: the adjective before it is the state's.
    article = annotated(
        tmp_path,
        "The patrol was lawful, according to the British Royal Navy.",
        actors=REAL_ACTORS,
        events=REAL_EVENTS,
    )
    assert actors_of(article) == [("united-kingdom", "British")]


def test_a_quoted_name_after_a_verb_that_names_it_is_the_event(tmp_path: Path) -> None:
    # "a “special military operation”" after "described as" or "represents": the name it is
    # given, not one of a kind.
    article = annotated(
        tmp_path,
        "The war, which Moscow described as a “special military operation”, goes on. Putin "
        "insists it represents a “special military operation” still.",
        actors=REAL_ACTORS,
        events=REAL_EVENTS,
    )
    assert events_of(article) == [
        ("russian-invasion-of-ukraine-2022", "special military operation"),
        ("russian-invasion-of-ukraine-2022", "special military operation"),
    ]


def test_a_group_of_partners_after_another_states_name_is_that_states(tmp_path: Path) -> None:
    # The group of the alliance's partners is NATO's, its own ("its"), or the alliance's shared
    # with another; after a state's name, its capital or a name no form knows in the possessive,
    # they are that one's partners, and "partners in the Indo-Pacific" name the region alone.
    article = annotated(
        tmp_path,
        "U.S. partners in the Indo-Pacific are wary. Japan’s Indo-Pacific partners met. "
        "Washington's partners in the Indo-Pacific agreed. The EU's Indo-Pacific partners came. "
        "NATO and its Indo-Pacific partners met. NATO’s partners in the Indo-Pacific spoke. "
        "The alliance and US partners in the Indo-Pacific train.",
        actors=REAL_ACTORS,
    )
    assert actors_of(article) == [
        ("united-states", "U.S."),
        ("indo-pacific", "Indo-Pacific"),
        ("japan", "Japan"),
        ("united-states", "Washington"),
        ("indo-pacific", "Indo-Pacific"),
        ("nato", "NATO"),
        ("asia-pacific-partners", "Indo-Pacific partners"),
        ("nato", "NATO"),
        ("asia-pacific-partners", "partners in the Indo-Pacific"),
        ("united-states", "US"),
        ("asia-pacific-partners", "partners in the Indo-Pacific"),
    ]


def test_a_group_of_partners_named_with_another_states_allies_is_that_states(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "U.S. allies and partners in the Indo-Pacific are wary. NATO allies and partners in the "
        "Indo-Pacific met.",
        actors=REAL_ACTORS,
    )
    assert actors_of(article) == [
        ("united-states", "U.S."),
        ("indo-pacific", "Indo-Pacific"),
        ("nato", "NATO"),
        ("asia-pacific-partners", "partners in the Indo-Pacific"),
    ]


def test_a_venue_word_holds_across_an_aside_in_brackets(tmp_path: Path) -> None:
    # "in (a very hot) Washington" is "in Washington": where someone is, not the government.
    article = annotated(
        tmp_path,
        "Our colleague is also in (a very hot) Washington, covering the talks. Officials (in "
        "private) said Washington objects.",
        actors=REAL_ACTORS,
    )
    assert [(a, t) for a, t in actors_of(article) if t == "Washington"] == [
        ("united-states", "Washington")
    ]
    (washington,) = (m for m in article.mentions if m.text == "Washington")
    assert article.text.reading_text[washington.start :].startswith("Washington objects")


def test_a_name_that_ends_with_a_region_opening_a_sentence_or_titled_is_not_it(
    tmp_path: Path,
) -> None:
    # A name that opens a sentence still ends with the region ("Nikkei Asia reported"), and a
    # magazine titled with "The" in mid-sentence is the magazine; a sentence's adverb or verb
    # before the region, or "of The Atlantic", leave the region.
    article = annotated(
        tmp_path,
        "Nikkei Asia reported the plan. McTague argues in The Atlantic that NATO endures. "
        "Recently Europe has begun to talk. Highlighting Asia's growth, he spoke. Leaders from "
        "both sides of The Atlantic and beyond came.",
        actors=REAL_ACTORS,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("europe", "Europe"),
        ("asia", "Asia"),
        ("north-atlantic", "Atlantic"),
    ]


def test_a_language_spoken_or_a_field_studied_is_not_its_state(tmp_path: Path) -> None:
    # A people's adjective after a verb of speaking or learning, past the rest of a list of
    # languages, is the language; before "studies", a field. Before a noun it still qualifies,
    # it is the state's ("studies Chinese and Russian moves").
    article = annotated(
        tmp_path,
        "He speaks French, Korean and Italian. His majors were English literature and American "
        "studies. He should brush up on his Russian before the trip. She is fluent in Japanese. "
        "Japan studies Chinese and Russian moves.",
        actors=REAL_ACTORS,
    )
    assert actors_of(article) == [("japan", "Japan"), ("china", "Chinese"), ("russia", "Russian")]


def test_a_compass_adjective_before_a_part_of_a_place_is_no_bloc(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Ships sailed in the Western side of the Pacific and the Western and Central "
        "Mediterranean. Western nations agreed.",
        actors=REAL_ACTORS,
    )
    assert actors_of(article) == [("the-west", "Western")]
    assert article.mentions[0].start == article.text.reading_text.index("Western nations")
