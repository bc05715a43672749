"""How a reference to a known event is recognised and when it is declined, and two names of
places that are not actors, on made-up sentences: a visit named by one of its legs, meetings
held again and again, a summit placed where none is known, one reference found by two rules, the
year or place before a phrase, and an acronym's name written out, initials with stops or a day
of the month before it; a capital in a place compound, a region's name closing another."""

from __future__ import annotations

from pathlib import Path

from natocorpus.model import PartialDate
from test_annotate_rules import ACTORS, SUMMITS, actors_of, annotated, events_of

PARTNERS = (
    ACTORS
    + """\
- {id: japan, name: Japan, type: state, description: d, forms: [Japan, Tokyo]}
- {id: south-korea, name: South Korea, type: state, description: d,
   forms: [South Korea, Republic of Korea, Seoul, ROK]}
"""
)

VISITS = (
    SUMMITS
    + """\
- id: sg-visit-2023
  name: Stoltenberg's visit to South Korea and Japan
  type: visit
  date: "2023-01-29"
  precision: day
  end_date: "2023-02-01"
  place: Seoul and Tokyo
  participants: [jens-stoltenberg, nato, south-korea, japan]
  description: A visit.
  forms: []
- id: ministers-2022-04
  name: Foreign ministers, April 2022
  type: ministerial
  date: "2022-04-06"
  precision: day
  end_date: "2022-04-07"
  place: Brussels
  participants: [nato, japan]
  description: A ministerial meeting.
  forms: []
  generic: [foreign ministers’ meeting]
- id: camp-2023
  name: A summit at a retreat
  type: summit
  date: "2023-08-18"
  precision: day
  place: Camp Hope
  participants: [usa, japan, south-korea]
  description: A summit.
  forms: [Camp Hope]
  generic: [trilateral summit]
- id: war-2022
  name: A war
  type: other
  date: "2022-02-24"
  precision: day
  participants: [russia]
  description: A war.
  forms: [aggression against Georgia]
  generic: [Russia’s war]
"""
)


def _published(value: str) -> dict[str, str]:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return {"published": f'published: {{value: "{value}", precision: {precision}, inferred: x}}'}


def _events(tmp_path: Path, body: str, published: str = "2023-02") -> list[tuple[str, str]]:
    article = annotated(
        tmp_path, body, actors=PARTNERS, events=VISITS, overrides=_published(published)
    )
    return events_of(article)


def _unresolved(tmp_path: Path, body: str, published: str) -> list[tuple[str, tuple[str, ...]]]:
    article = annotated(
        tmp_path, body, actors=PARTNERS, events=VISITS, overrides=_published(published)
    )
    return [(u.text, u.candidates) for u in article.unresolved_events]


# A visit named by one of its legs ---------------------------------------------------------------


def test_a_visit_is_named_by_a_visit_to_one_of_its_places(tmp_path: Path) -> None:
    assert _events(tmp_path / "a", "Stoltenberg spoke during his visit to Japan.") == [
        ("sg-visit-2023", "visit to Japan")
    ]
    assert _events(tmp_path / "b", "On his trip to Seoul, the NATO chief met Yoon.") == [
        ("sg-visit-2023", "trip to Seoul")
    ]


def test_a_visit_is_named_by_one_of_its_places_before_the_noun(tmp_path: Path) -> None:
    body = "China answered comments Stoltenberg made during his Seoul visit."
    assert _events(tmp_path / "a", body) == [("sg-visit-2023", "Seoul visit")]
    assert _events(tmp_path / "b", "Stoltenberg’s Japan trip went well.") == [
        ("sg-visit-2023", "Japan trip")
    ]
    # Another traveller: another visit.
    assert _events(tmp_path / "c", "The Chinese premier ended his Seoul visit.") == []


def test_a_visit_is_named_by_a_visit_to_any_name_of_one_of_its_states(tmp_path: Path) -> None:
    assert _events(tmp_path, "Stoltenberg ended his visit to the Republic of Korea.") == [
        ("sg-visit-2023", "visit to the Republic of Korea")
    ]


def test_an_indefinite_visit_is_one_by_its_visitor_or_its_date(tmp_path: Path) -> None:
    by_visitor = "Talks followed a visit to Japan by Stoltenberg, the press said."
    assert _events(tmp_path / "a", by_visitor) == [("sg-visit-2023", "visit to Japan")]
    by_date = "NATO, during a trip to South Korea in early 2023, spoke of China."
    assert _events(tmp_path / "b", by_date, "2023-06") == [("sg-visit-2023", "trip to South Korea")]
    # Without either, "a visit" is one of many.
    assert _events(tmp_path / "c", "NATO is planning a visit to Japan.") == []


def test_a_visit_is_one_by_its_visitor_with_the_title_of_an_office_taking_part(
    tmp_path: Path,
) -> None:
    body = "Talks followed a visit by Stoltenberg in January, the press said."
    assert _events(tmp_path / "a", body) == [("sg-visit-2023", "visit by Stoltenberg")]
    titled = "Talks followed a visit by NATO Secretary General Stoltenberg in January."
    office = VISITS.replace(
        "participants: [jens-stoltenberg, nato, south-korea, japan]",
        "participants: [jens-stoltenberg, nato-secretary-general, nato, south-korea, japan]",
    )
    article = annotated(
        tmp_path / "b", titled, actors=PARTNERS, events=office, overrides=_published("2023-02")
    )
    assert events_of(article) == [("sg-visit-2023", "visit by NATO Secretary General Stoltenberg")]
    # Another traveller: another visit.
    assert _events(tmp_path / "c", "Talks followed a visit by the Chinese premier.") == []


def test_an_indefinite_visit_is_one_its_visitor_sets_out_on(tmp_path: Path) -> None:
    body = "Stoltenberg arrived today on a visit to South Korea, the press said."
    assert _events(tmp_path / "a", body, "2023-01") == [("sg-visit-2023", "visit to South Korea")]
    assert _events(tmp_path / "b", "Stoltenberg paid a visit to Japan.", "2023-01") == [
        ("sg-visit-2023", "visit to Japan")
    ]
    # Another traveller: another visit.
    assert _events(tmp_path / "c", "The Chinese premier arrived on a visit to Japan.") == []
    # Or ends it, with its length between.
    ended = "With Stoltenberg having concluded a four-day visit to Japan, NATO looks east."
    assert _events(tmp_path / "d", ended, "2023-02") == [("sg-visit-2023", "visit to Japan")]


def test_a_visit_is_told_by_the_clause_with_its_visitor(tmp_path: Path) -> None:
    assert _events(tmp_path / "a", "The NATO chief visited Tokyo in January 2023.") == [
        ("sg-visit-2023", "visited Tokyo")
    ]
    assert _events(tmp_path / "b", "Stoltenberg toured South Korea and Japan.") == [
        ("sg-visit-2023", "toured South Korea")
    ]
    # The other verbs of a journey.
    assert _events(tmp_path / "b2", "Stoltenberg traveled to South Korea and Japan.") == [
        ("sg-visit-2023", "traveled to South Korea")
    ]
    assert _events(tmp_path / "b3", "The NATO chief flew to Tokyo in January 2023.") == [
        ("sg-visit-2023", "flew to Tokyo")
    ]
    assert _events(tmp_path / "b4", "The NATO chief went to the ROK and Japan.") == [
        ("sg-visit-2023", "went to the ROK")
    ]
    # Another visitor: another visit.
    assert _events(tmp_path / "c", "The Chinese premier visited Tokyo.") == []
    # A headline's present tense.
    assert _events(tmp_path / "d", "NATO Chief Visits Japan After South Korea") == [
        ("sg-visit-2023", "Visits Japan")
    ]
    # Announced before it begins, or under way.
    announced = "Stoltenberg will visit Japan from the 30th, the ministry said."
    assert _events(tmp_path / "e", announced, "2023-01") == [("sg-visit-2023", "will visit Japan")]
    assert _events(tmp_path / "e2", "Stoltenberg is set to visit Tokyo.", "2023-01") == [
        ("sg-visit-2023", "to visit Tokyo")
    ]
    assert _events(tmp_path / "e3", "Stoltenberg, visiting Seoul, spoke.", "2023-01") == [
        ("sg-visit-2023", "visiting Seoul")
    ]
    # A second stop of the journey.
    also = "Stoltenberg will go to Seoul, and will also visit Japan."
    assert _events(tmp_path / "e4", also, "2023-01") == [("sg-visit-2023", "also visit Japan")]
    # A visit denied is none: "has not visited Japan since 2017".
    for number, denied in enumerate(
        [
            "Stoltenberg, who has not visited Japan since 2017, spoke.",
            "Stoltenberg has never traveled to South Korea.",
            "Stoltenberg will not visit Japan, the ministry said.",
        ]
    ):
        assert _events(tmp_path / f"n{number}", denied, "2023-01") == [], denied
    # Years before it, another visit.
    assert _events(tmp_path / "f", "Stoltenberg will visit Japan.", "2019-01") == []
    # A date in the same sentence, past a title's abbreviation, rules it out.
    later = "On December 11, 2023, Ms. Lee met NATO envoys who are visiting Japan."
    assert _events(tmp_path / "g", later, "2023-12") == []
    # The place opens a longer name: another place is visited.
    assert _events(tmp_path / "e", "Stoltenberg visits Japan Airlines’ headquarters.") == []
    assert _events(tmp_path / "f", "Stoltenberg visits Japan Monday.") == [
        ("sg-visit-2023", "visits Japan")
    ]


def test_a_visit_is_named_by_its_visitor_in_the_possessive(tmp_path: Path) -> None:
    assert _events(tmp_path, "Stoltenberg’s visit went beyond NATO’s area.") == [
        ("sg-visit-2023", "Stoltenberg’s visit")
    ]
    # The visitor named in the phrase is named in the sentence: nothing else need name him.
    assert _events(tmp_path / "b", "“Stoltenberg’s visit is important,” he said.") == [
        ("sg-visit-2023", "Stoltenberg’s visit")
    ]
    # Opening its sentence, the phrase is not dated by the sentence before it.
    opening = "NATO revised its plans last June. Stoltenberg’s visit went beyond NATO’s area."
    assert _events(tmp_path / "c", opening) == [("sg-visit-2023", "Stoltenberg’s visit")]


def test_a_visits_phrase_holds_with_each_noun_of_a_journey(tmp_path: Path) -> None:
    events = VISITS.replace(
        "  participants: [jens-stoltenberg, nato, south-korea, japan]\n  description: A visit.\n"
        "  forms: []\n",
        "  participants: [jens-stoltenberg, nato, south-korea, japan]\n  description: A visit.\n"
        "  forms: []\n  generic: [trip to Asia, Asia tour]\n",
    )
    body = (
        "During his visit to Asia, Stoltenberg spoke.\n\n"
        "Stoltenberg called his Asia trip a success."
    )
    article = annotated(
        tmp_path, body, actors=PARTNERS, events=events, overrides=_published("2023-02")
    )
    assert events_of(article) == [
        ("sg-visit-2023", "visit to Asia"),
        ("sg-visit-2023", "Asia trip"),
    ]


def test_a_visit_whose_visitor_the_sentence_does_not_name_is_another(tmp_path: Path) -> None:
    body = "The Chinese premier spoke during his visit to Japan."
    assert _events(tmp_path, body) == []
    assert _unresolved(tmp_path / "b", body, "2023-02") == [("visit to Japan", ())]


def test_a_time_compared_with_or_before_the_reference_does_not_date_it(tmp_path: Path) -> None:
    # "as it did last year", "the first since 2022": last year's summit is another.
    for number, body in enumerate(
        [
            "China will warrant a mention at the NATO summit, as it did last year.",
            "Leaders met at the NATO summit, the first since 2022 to name China.",
            "Leaders met at the NATO summit, the first meeting since 2022 to name China.",
        ]
    ):
        assert _events(tmp_path / str(number), body, "2023-07") == [
            ("vilnius-2023", "NATO summit")
        ], body
    # A year the sentence gives the reference itself still dates it.
    dated = "Leaders met at the NATO summit in 2022, the first to name China."
    assert _events(tmp_path / "d", dated, "2023-07") == [("madrid-2022", "NATO summit")]


def test_a_meeting_attended_again_following_a_date_is_not_of_that_date(tmp_path: Path) -> None:
    # "following last April": the meeting before, not this one, which a year on is unknown.
    body = (
        "Today I attended the foreign ministers’ meeting for the second time, following last April."
    )
    assert _events(tmp_path / "a", body, "2023-04") == []
    dated = "Last April I attended the foreign ministers’ meeting in Brussels."
    assert _events(tmp_path / "b", dated, "2023-04") == [
        ("ministers-2022-04", "foreign ministers’ meeting in Brussels")
    ]


def test_a_visit_long_past_without_its_date_is_another(tmp_path: Path) -> None:
    body = "Stoltenberg spoke during his visit to Japan."
    assert _events(tmp_path / "a", body, "2025-04") == []
    dated = "Stoltenberg spoke in January 2023 during his visit to Japan."
    assert _events(tmp_path / "b", dated, "2025-04") == [("sg-visit-2023", "visit to Japan")]


# Meetings held again and again -----------------------------------------------------------------


def test_a_ministerial_meeting_is_the_known_one_only_in_the_season_after_it(
    tmp_path: Path,
) -> None:
    body = "At the foreign ministers’ meeting in Brussels, Japan spoke."
    assert _events(tmp_path / "a", body, "2022-05") == [
        ("ministers-2022-04", "foreign ministers’ meeting in Brussels")
    ]
    # Ministers meet two or three times a year: seven months on, and a year on, a meeting in the
    # same place is another one, which is not known: listed.
    assert _events(tmp_path / "e", body, "2022-11") == []
    assert _events(tmp_path / "b", body, "2023-05") == []
    assert _unresolved(tmp_path / "c", body, "2023-05") == [("foreign ministers’ meeting", ())]
    dated = "At the foreign ministers’ meeting of April 2022, Japan spoke."
    assert _events(tmp_path / "d", dated, "2024-05") == [
        ("ministers-2022-04", "foreign ministers’ meeting")
    ]
    # "This week" is a day of the publication's week: in June, not April's meeting.
    this_week = "At the foreign ministers’ meeting in Brussels this week, Japan spoke."
    assert _events(tmp_path / "f", this_week, "2022-04") == [
        ("ministers-2022-04", "foreign ministers’ meeting in Brussels")
    ]
    assert _events(tmp_path / "g", this_week, "2022-06") == []


# A summit placed where no known one was held ---------------------------------------------------


def test_a_summit_placed_where_none_is_known_is_declined(tmp_path: Path) -> None:
    body = "Leaders met at the NATO summit in The Hague."
    assert _events(tmp_path / "a", body) == []
    assert _unresolved(tmp_path / "b", body, "2023-02") == [("NATO summit", ())]
    # A country no known summit was held in, too; the summit's own place still decides.
    assert _events(tmp_path / "c", "Leaders met at the NATO summit in Japan.") == []
    assert _events(tmp_path / "d", "Leaders met at the NATO summit in Vilnius.") == [
        ("vilnius-2023", "NATO summit in Vilnius")
    ]
    # The verb that places it may stand between: "the next summit is to take place in Japan".
    for number, verb in enumerate(
        ("is to take place", "will be held", "is set to be held", ", hosted", ", held")
    ):
        body = f"The next NATO summit{'' if verb[0] == ',' else ' '}{verb} in Japan."
        assert _events(tmp_path / f"e{number}", body, "2023-02") == [], body
    assert _events(tmp_path / "f", "The next NATO summit will take place in Vilnius.", "2023-02")


def test_a_summit_held_where_none_of_its_kind_is_known_is_declined(tmp_path: Path) -> None:
    # The trilateral summit known was held at Camp Hope: "the trilateral summit meeting held in
    # Washington", a year later, is another.
    held = "The trilateral summit meeting held in Washington forged a partnership."
    assert _events(tmp_path / "a", held, "2024-05") == []
    assert _events(tmp_path / "b", "The trilateral summit held in Madrid ended.", "2023-08") == []
    there = "The trilateral summit held at Camp Hope forged a partnership."
    assert ("camp-2023", "trilateral summit") in _events(tmp_path / "c", there, "2023-09")


def test_a_date_of_another_happening_in_the_sentence_does_not_date_a_war(tmp_path: Path) -> None:
    # The year is the collapse's: Russia's war goes on when the text is published.
    body = (
        "Over Russia’s war, Putin accuses NATO of deceiving Russia following the collapse of "
        "the Soviet Union in 1991."
    )
    assert _events(tmp_path / "a", body, "2024-06") == [("war-2022", "Russia’s war")]
    since = "Russia’s war changed Europe as nothing since the end of the Cold War in 1991."
    assert _events(tmp_path / "b", since, "2024-06") == [("war-2022", "Russia’s war")]
    # A year the sentence gives the reference itself still rules it out.
    assert _events(tmp_path / "c", "In 1991, Russia’s war ended.", "2024-06") == []
    inside = "It spoke of the days following Russia’s war in 1991."
    assert _events(tmp_path / "d", inside, "2024-06") == []


def test_the_summit_after_one_placed_where_none_is_known_is_that_one(tmp_path: Path) -> None:
    # The year in its sentence is another happening's: the summit is the one the text told of.
    told = "Kishida cancelled his visit to the NATO summit in The Hague.\n\n"
    later = (
        "Kishida would attend the summit, marking the fourth year that Japan is present at NATO,"
        " following its first invitation in 2022."
    )
    assert _events(tmp_path / "a", later, "2025-06") == [("madrid-2022", "summit")]
    assert _events(tmp_path / "b", told + later, "2025-06") == []
    assert ("summit", ()) in _unresolved(tmp_path / "c", told + later, "2025-06")
    # Where the text named a known summit before, or the summit's place follows, they decide.
    named = "Leaders met at the Madrid Summit.\n\n" + told + later
    assert ("madrid-2022", "summit") in _events(tmp_path / "d", named, "2025-06")
    placed = told + "He had attended the summit held in Vilnius, a NATO city."
    assert _events(tmp_path / "e", placed, "2025-06") == [("vilnius-2023", "summit")]
    # Named by its holder, a summit is not the other holder's told of before it.
    holder = "The G7 summit in Apulia ended.\n\nLeaders went on to the NATO summit in July 2023."
    assert _events(tmp_path / "f", holder, "2023-07") == [("vilnius-2023", "NATO summit")]


def test_a_place_in_its_own_clause_names_no_summit_years_after_the_text(
    tmp_path: Path,
) -> None:
    # The place in the reference's clause decides only among events within a year of the text
    # (or begun by then), as the place in its sentence or paragraph does.
    body = "The US leads a bloc, the Quad, which held its face-to-face summit again in Vilnius."
    for name, published in (("a", "2020-09"), ("b", "2021-09")):
        assert _events(tmp_path / name, body, published) == []
    assert _unresolved(tmp_path / "c", body, "2020-09") == [("summit", ())]
    # Within the year before it, or after it, the place decides as before.
    assert _events(tmp_path / "d", body, "2022-09") == [("vilnius-2023", "summit")]
    assert _events(tmp_path / "e", body, "2023-09") == [("vilnius-2023", "summit")]


def test_a_month_an_organisation_or_a_place_of_no_venue_after_in(tmp_path: Path) -> None:
    assert _events(tmp_path / "a", "Leaders will meet at the NATO summit in July.") == [
        ("vilnius-2023", "NATO summit")
    ]
    assert _events(tmp_path / "b", "It will be the largest summit in NATO history.") == [
        ("vilnius-2023", "summit")
    ]
    # An event with no place of its own is not held anywhere: "in" says where, not a venue.
    assert _events(tmp_path / "c", "Russia’s war in Georgia went on.", "2023-09") == [
        ("war-2022", "Russia’s war")
    ]


def test_the_publication_year_chooses_what_is_to_come_only_when_the_sentence_says_so(
    tmp_path: Path,
) -> None:
    # Published in March 2023: the July summit of that year had not begun.
    assert _events(tmp_path / "a", "Japan will attend the NATO summit.", "2023-03") == [
        ("vilnius-2023", "NATO summit")
    ]
    past = "Japan attended the NATO summit."
    assert _events(tmp_path / "b", past, "2023-03") == []
    assert _unresolved(tmp_path / "c", past, "2023-03") == [
        ("NATO summit", ("madrid-2022", "vilnius-2023"))
    ]
    assert _events(tmp_path / "d", past, "2023-09") == [("vilnius-2023", "NATO summit")]
    # A past tense is no look ahead, even of a verb that can be said of what is to come.
    assert _events(tmp_path / "e", "Spain hosted the NATO summit.", "2023-03") == []
    # A prediction looks ahead as "will" does.
    likely = "The war is likely to dominate discussions at the NATO summit."
    assert _events(tmp_path / "f", likely, "2023-03") == [("vilnius-2023", "NATO summit")]


# One reference, and its extent ------------------------------------------------------------------


def test_two_names_of_one_event_side_by_side_are_one_mention(tmp_path: Path) -> None:
    assert _events(tmp_path / "a", "The Camp Hope trilateral summit was short.", "2023-09") == [
        ("camp-2023", "Camp Hope trilateral summit")
    ]
    assert _events(tmp_path / "b", "The trilateral summit at Camp Hope was short.", "2023-09") == [
        ("camp-2023", "trilateral summit at Camp Hope")
    ]
    war = "Russia’s war of aggression against Georgia went on."
    assert _events(tmp_path / "c", war, "2023-09") == [
        ("war-2022", "Russia’s war of aggression against Georgia")
    ]


def test_the_events_year_or_place_before_the_phrase_is_part_of_it(tmp_path: Path) -> None:
    assert _events(tmp_path / "a", "Leaders recalled the 2023 NATO summit.", "2024-03") == [
        ("vilnius-2023", "2023 NATO summit")
    ]
    assert _events(tmp_path / "b", "Leaders recalled the Madrid NATO summit.", "2024-03") == [
        ("madrid-2022", "Madrid NATO summit")
    ]
    assert _events(tmp_path / "c", "Leaders recalled NATO’s 2023 Vilnius summit.", "2024-03") == [
        ("vilnius-2023", "2023 Vilnius summit")
    ]


def test_a_month_shifted_by_last_or_next_dates_the_reference(tmp_path: Path) -> None:
    # Published in February 2024: "last July" is July 2023, the Vilnius summit, not the one of
    # the publication's year.
    assert _events(tmp_path / "a", "The summit last July welcomed Japan.", "2024-02") == [
        ("vilnius-2023", "summit")
    ]
    article = annotated(
        tmp_path / "b",
        "Leaders met last June. They meet next June. This March was quiet.",
        overrides=_published("2023-01"),
    )
    assert [(d.text, d.value) for d in article.dates] == [
        ("last June", PartialDate(2022, 6)),
        ("next June", PartialDate(2023, 6)),
        ("This March", PartialDate(2023, 3)),
    ]


# Names of places that are not actors -----------------------------------------------------------


def test_a_capital_in_a_place_compound_is_the_place(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "A Washington-based expert said so. Washington objected.", actors=PARTNERS
    )
    assert actors_of(article) == [("usa", "Washington")]
    assert article.mentions[0].start > article.text.reading_text.index("objected") - 12


def test_a_regions_name_closing_a_longer_name_is_not_the_region(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "It was reported by Nikkei Asia. Asia is vast. NATO’s partners in Asia agree.",
        actors=PARTNERS,
    )
    assert actors_of(article) == [("asia", "Asia"), ("nato", "NATO"), ("asia", "Asia")]


def test_a_states_adjective_before_its_prime_ministers_abbreviated_title_names_it(
    tmp_path: Path,
) -> None:
    article = annotated(tmp_path, "Talks went on. Chinese PM Li Qiang spoke.", actors=PARTNERS)
    assert actors_of(article) == [("china", "Chinese")]


# A phrase qualified by a written-out name, initials with stops or a day of the month --------------

WASHINGTON = (
    SUMMITS
    + """\
- id: washington-2024
  name: A summit in a district
  type: summit
  date: "2024-07-09"
  precision: day
  end_date: "2024-07-11"
  place: Washington, D.C.
  participants: [nato]
  description: A summit.
  forms: []
  generic: [NATO summit, summit, Washington summit]
"""
)


def test_an_acronyms_name_written_out_before_the_noun_names_like_the_acronym(
    tmp_path: Path,
) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, North Atlantic Treaty Organization]}")
    body = "Kishida attends the G7 Summit and North Atlantic Treaty Organization (NATO) Summit."
    article = annotated(tmp_path, body, actors=actors, overrides=_published("2022-06"))
    assert events_of(article) == [
        ("madrid-2022", "North Atlantic Treaty Organization (NATO) Summit")
    ]


def test_an_acronyms_name_written_out_before_a_venues_phrase_is_its_holder(tmp_path: Path) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, North Atlantic Treaty Organization]}")
    body = (
        "The four will meet on the sidelines of the North Atlantic Treaty Organization gathering "
        "in Washington."
    )
    article = annotated(
        tmp_path, body, actors=actors, events=WASHINGTON, overrides=_published("2024-07")
    )
    assert events_of(article) == [("washington-2024", "gathering in Washington")]


def test_a_day_of_the_month_between_the_article_and_the_noun_dates_the_reference(
    tmp_path: Path,
) -> None:
    body = "All eyes are on the July 11-12 summit, where the partners will meet."
    assert _events(tmp_path, body, "2023-07") == [("vilnius-2023", "summit")]
    # A day no known summit was held: another summit, whatever the publication date says.
    other = "G7 leaders will talk during their July 8–10 summit at an Alpine castle."
    assert _events(tmp_path / "b", other, "2023-07") == []
    assert _events(tmp_path / "c", "Leaders met at the July 12 summit.", "2023-07") == [
        ("vilnius-2023", "summit")
    ]
    # A day without its year is that day of the event's year, told before or after it.
    ahead = "Albanese has been called to the July 11-12 summit in Vilnius."
    assert _events(tmp_path / "d", ahead, "2023-04") == [("vilnius-2023", "summit in Vilnius")]


def test_a_venues_initials_with_or_without_stops_are_its_place(tmp_path: Path) -> None:
    for folder, body, published in (
        ("a", "Bauer recalled the 2024 Washington DC Summit.", "2025-03"),
        ("b", "Bauer recalled the Washington DC summit.", "2024-08"),
        ("c", "Bauer recalled the Washington, D.C. summit.", "2024-08"),
    ):
        article = annotated(
            tmp_path / folder,
            body,
            actors=PARTNERS,
            events=WASHINGTON,
            overrides=_published(published),
        )
        assert [event for event, _ in events_of(article)] == ["washington-2024"], body


def test_a_year_naming_an_event_anchors_no_relative_date_after_it(tmp_path: Path) -> None:
    # "the 2022 Madrid NATO summit" dates that summit, not the paragraph: "this year", in a text
    # of August 2023, is 2023, when the Vilnius summit met.
    body = (
        "NATO turned to Asia at the 2022 Madrid NATO summit. At the Vilnius summit this year, it"
        " did so again."
    )
    assert _events(tmp_path, body, "2023-08") == [
        ("madrid-2022", "2022 Madrid NATO summit"),
        ("vilnius-2023", "Vilnius summit"),
    ]


def test_a_weekday_names_a_day_of_the_publications_week(tmp_path: Path) -> None:
    body = "NATO ambassadors began their visit to Japan on Wednesday."
    # In December, the visit of late January is long over: Wednesday's is another.
    assert _events(tmp_path / "a", body, "2023-12") == []
    assert _events(tmp_path / "b", body, "2023-02") == [("sg-visit-2023", "visit to Japan")]
