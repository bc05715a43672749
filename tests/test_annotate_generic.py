"""How a generic reference chooses its event, on made-up sentences: the parties it names, a
clause in the past tense after an indefinite phrase, what had begun by the publication date, and
dates that tell of something else."""

from __future__ import annotations

from pathlib import Path

from natocorpus.annotate.other_meetings import _TWO_SIDES_BEFORE
from natocorpus.model import PartialDate
from test_annotate_rules import ACTORS, annotated, events_of

EVENTS = """\
- id: nato-2022
  name: NATO Summit, Madrid
  type: summit
  date: "2022-06-28"
  precision: day
  end_date: "2022-06-30"
  place: Madrid
  participants: [nato]
  description: A summit.
  forms: []
  generic: [NATO summit, summit]
- id: nato-2023
  name: NATO Summit, Vilnius
  type: summit
  date: "2023-07-11"
  precision: day
  end_date: "2023-07-12"
  place: Vilnius
  participants: [nato]
  description: A summit.
  forms: []
  generic: [NATO summit, summit]
- id: trilateral-2023
  name: A trilateral summit
  type: summit
  date: "2023-08-18"
  precision: day
  place: Camp Hill
  participants: [usa, china, russia]
  description: A summit.
  forms: []
  generic: [summit]
- id: war-2021
  name: A war
  type: other
  date: "2021-03-01"
  precision: day
  participants: [russia, georgia]
  description: A war.
  forms: []
  generic: [Russia-Georgia conflict, Russian invasion]
"""


NATO_SUMMITS = EVENTS.split("- id: trilateral-2023")[0]


def published(month: str) -> dict[str, str]:
    return {"published": f'published: {{value: "{month}", precision: month, inferred: a guess}}'}


def test_a_phrase_that_names_the_events_parties_needs_no_determiner(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "China faces trade, Russia-Georgia conflict and climate. A Russia-Georgia conflict "
        "could flare again.",
        events=EVENTS,
    )
    assert events_of(article) == [("war-2021", "Russia-Georgia conflict")]


def test_the_names_before_a_phrase_choose_the_event_of_those_parties(tmp_path: Path) -> None:
    # Two summits of 2023 fit the publication date; "NATO" before the phrase decides (the
    # summit of a paragraph of its own stays open).
    article = annotated(
        tmp_path,
        "Japan and Georgia met.\n\nThe NATO Leaders’ Summit offered much.\n\nThe summit ended.",
        events=EVENTS,
        overrides=published("2023-09"),
    )
    assert events_of(article) == [("nato-2023", "NATO Leaders’ Summit")]
    assert [r.candidates for r in article.unresolved_events] == [("nato-2023", "trilateral-2023")]


def test_an_indefinite_phrase_with_a_clause_in_the_past_is_one_event(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The talks conclude a three-day NATO summit that began on Tuesday. A NATO summit "
        "could follow.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit")]


def test_an_event_to_come_is_named_with_a_word_that_looks_ahead(tmp_path: Path) -> None:
    # Published in May 2022: both NATO summits lie ahead.
    article = annotated(
        tmp_path,
        "Japan praised the NATO summit. Japan awaits the upcoming NATO summit and the June "
        "summit. The Russian invasion worried Georgia.",
        events=EVENTS,
        overrides=published("2022-05"),
    )
    assert events_of(article) == [
        ("nato-2022", "NATO summit"),
        ("nato-2022", "summit"),
        ("war-2021", "Russian invasion"),
    ]
    assert article.event_mentions[0].start == article.text.reading_text.index("NATO summit and")


def test_a_relative_date_in_the_sentence_does_not_rule_an_event_out(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Allies will help Georgia repel the Russian invasion with aid next year. In 2019 the "
        "Russian invasion was unknown.",
        events=EVENTS,
        overrides=published("2023-05"),
    )
    assert events_of(article) == [("war-2021", "Russian invasion")]
    assert [r.text for r in article.unresolved_events] == ["Russian invasion"]


# Other ways of writing a name, and a document named by its publication ------------------------

SPELT = """\
- id: nato
  name: NATO
  type: alliance
  description: d
  forms: [NATO, North Atlantic Treaty Organization]
- {id: north-atlantic, name: North Atlantic, type: region, description: d, forms: [North Atlantic]}
- {id: east-asia, name: East Asia, type: region, description: d, forms: [East Asia, the East]}
- {id: usa, name: United States, type: state, description: d, forms: [US, United States]}
- id: concept-2022
  name: Strategic Concept 2022
  type: document
  description: d
  forms: [2022 Strategic Concept]
- id: programme
  name: Partnership Programme
  type: document
  description: d
  forms: [Partnership Programme]
"""

ADOPTION = """\
- id: adoption-2022
  name: Adoption of the 2022 Strategic Concept
  type: publication
  date: "2022-06-29"
  precision: day
  place: Madrid
  participants: [nato, concept-2022]
  description: d
  forms: []
  generic: [Strategic Concept]
"""


def test_a_name_in_the_other_spelling_of_english_is_the_same_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The North Atlantic Treaty Organisation met in the North Atlantic. Its Partnership "
        "Program began.",
        actors=SPELT,
        events=ADOPTION,
    )
    assert [(m.actor, m.text) for m in article.mentions] == [
        ("nato", "North Atlantic Treaty Organisation"),
        ("north-atlantic", "North Atlantic"),
        ("programme", "Partnership Program"),
    ]


def test_a_line_in_capitals_holds_names_in_capitals(tmp_path: Path) -> None:
    # Not a form whose case tells it apart: "the East" is not "THE EAST".
    article = annotated(
        tmp_path,
        "NATO AND THE EAST ASIA REGION: THE UNITED STATES AND THE EAST\n\nNATO met.",
        actors=SPELT,
        events=ADOPTION,
    )
    assert [(m.actor, m.text) for m in article.mentions] == [
        ("nato", "NATO"),
        ("east-asia", "EAST ASIA"),
        ("usa", "UNITED STATES"),
        ("nato", "NATO"),
    ]


def test_a_reference_to_a_documents_publication_names_the_document(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In June 2022 NATO adopted a new “Strategic Concept”. NATO’s Strategic Concept is long.",
        actors=SPELT,
        events=ADOPTION,
    )
    assert [(m.actor, m.text) for m in article.mentions] == [
        ("nato", "NATO"),
        ("concept-2022", "Strategic Concept"),
        ("nato", "NATO"),
        ("concept-2022", "Strategic Concept"),
    ]
    # Only the first tells of the adoption; the second names the document alone.
    assert events_of(article) == [("adoption-2022", "Strategic Concept")]


def test_a_documents_name_tells_of_its_adoption_only_with_the_act(tmp_path: Path) -> None:
    # The act as a verb or noun before the name, as the name's possessed noun, its participle
    # or its passive; not a word of another clause.
    told = [
        "In 2022 the allies endorsed the Strategic Concept.",
        "Since the adoption of the 2022 Strategic Concept, China is named.",
        "In 2022 they marked the Strategic Concept’s release.",
        "In 2022 NATO revised its “Strategic Concept” at last.",
        "In 2022 NATO is adopting a new ‘Strategic Concept’ at last.",
        "Allies must implement the 2022 Strategic Concept adopted in Madrid.",
        "In June 2022 the Strategic Concept will be finalized.",
        "A blueprint (2022 Strategic Concept) for the next decade was approved in 2022.",
        "In 2022 he spoke after presenting NATO’s 10-year Strategic Concept.",
        "Under the Strategic Concept between NATO and Japan signed in 2022, they talk.",
        "Ties grew in 2022 (notably the announcement of the Strategic Concept), NATO said.",
    ]
    named = [
        "In 2022 the allies read the Strategic Concept.",
        "The 2022 Strategic Concept presents China as a challenge.",
        "The 2022 Strategic Concept names China, which was adopted as a foe.",
        "NATO adopted sanctions. The 2022 Strategic Concept names China.",
        "The 2022 Strategic Concept names China and it was adopted as a foe.",
        "The 2022 Strategic Concept between NATO and Japan names China.",
        "The 2022 Strategic Concept announced a shift towards China.",
    ]
    for number, sentence in enumerate(told + named):
        article = annotated(tmp_path / str(number), sentence, actors=SPELT, events=ADOPTION)
        assert "concept-2022" in [m.actor for m in article.mentions], sentence
        assert bool(events_of(article)) == (sentence in told), sentence


def test_a_documents_phrase_after_another_states_name_is_that_states_own(
    tmp_path: Path,
) -> None:
    # A state's modifier or possessive before the phrase, where the state is a party to none of
    # the documents it could name: its own strategy, not NATO's.
    actors = (
        SPELT + "- {id: korea, name: South Korea, type: state, description: d, forms: [Korean]}\n"
    )
    for number, sentence in enumerate(
        [
            "In 2022 the Korean Strategic Concept was adopted.",
            "In 2022 the US’s Strategic Concept was adopted.",
        ]
    ):
        article = annotated(tmp_path / str(number), sentence, actors=actors, events=ADOPTION)
        assert "concept-2022" not in [m.actor for m in article.mentions], sentence
        assert events_of(article) == [], sentence
    article = annotated(
        tmp_path / "own",
        "In 2022 NATO’s Strategic Concept was adopted.",
        actors=actors,
        events=ADOPTION,
    )
    assert "concept-2022" in [m.actor for m in article.mentions]
    assert events_of(article) == [("adoption-2022", "Strategic Concept")]


def test_the_signing_of_an_agreement_signed_twice_is_chosen_by_its_parties(
    tmp_path: Path,
) -> None:
    actors = (
        SPELT
        + """- {id: access, name: Access Agreements, type: document, description: d, forms: [RAA]}
- {id: china, name: China, type: state, description: d, forms: [China]}
- {id: russia, name: Russia, type: state, description: d, forms: [Russia]}
"""
    )
    signings = "".join(
        f"""- id: {event}
  name: Signing of an access agreement
  type: agreement
  date: "{date}"
  precision: day
  participants: [{party}, usa, access]
  description: d
  forms: []
"""
        for event, date, party in (
            ("raa-2022", "2022-01-06", "china"),
            ("raa-2023", "2023-01-11", "russia"),
        )
    )
    article = annotated(
        tmp_path,
        "The US signed the RAA with Russia. The signing of the RAA between China and the US "
        "followed. The US has signed the RAA twice.",
        actors=actors,
        events=signings,
    )
    # The third names both parties' agreements alike: neither signing is chosen.
    assert events_of(article) == [("raa-2023", "RAA"), ("raa-2022", "RAA")]


def test_a_generic_title_inside_another_documents_name_is_not_its_adoption(
    tmp_path: Path,
) -> None:
    actors = (
        SPELT
        + """- id: concept-2010
  name: Strategic Concept 2010
  type: document
  description: d
  forms: [Strategic Concept 2010]
"""
    )
    article = annotated(
        tmp_path,
        "In 2022 NATO adopted its Strategic Concept 2010 again.",
        actors=actors,
        events=ADOPTION,
    )
    assert [(m.actor, m.text) for m in article.mentions][-1] == (
        "concept-2010",
        "Strategic Concept 2010",
    )
    assert events_of(article) == []


def test_an_event_dated_by_its_year_is_not_named_by_its_decade(tmp_path: Path) -> None:
    # A decade is a period: the dialogue's record keeps the year it began, and "the 1990s" tells
    # when ties began, as a date, not which event.
    events = """\
- id: ties-1994
  name: NATO-Georgia ties begin
  type: other
  date: "1994"
  precision: year
  participants: [nato, georgia]
  description: d
  forms: []
"""
    article = annotated(
        tmp_path,
        "NATO's ties with Georgia date back to the 1990s. Georgia changed in the 1990s. "
        "NATO met Georgia in the 2000s.",
        events=events,
    )
    assert events_of(article) == []
    assert [d.text for d in article.dates][:2] == ["the 1990s", "the 1990s"]


def test_a_stop_of_lower_case_initials_before_a_bracket_ends_no_sentence(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "NATO met in Oslo (at 5 p.m.) Monday. It ended at 6 p.m. Then it rained."
    )
    reading = article.text.reading_text
    assert [reading[s.start : s.end] for s in article.sentences] == [
        "NATO met in Oslo (at 5 p.m.) Monday.",
        "It ended at 6 p.m.",
        "Then it rained.",
    ]


def test_a_footnotes_number_after_a_stop_ends_the_sentence(tmp_path: Path) -> None:
    article = annotated(tmp_path, "NATO sailed off Oslo.[5] Additionally, China sent ships.")
    reading = article.text.reading_text
    assert [reading[s.start : s.end] for s in article.sentences] == [
        "NATO sailed off Oslo.[5]",
        "Additionally, China sent ships.",
    ]


def test_a_footnotes_bare_number_after_a_words_stop_ends_the_sentence(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "NATO sailed off Oslo.3 Currently China sends ships. It grew 2.5 Percent."
    )
    reading = article.text.reading_text
    assert [reading[s.start : s.end] for s in article.sentences] == [
        "NATO sailed off Oslo.3",
        "Currently China sends ships.",
        "It grew 2.5 Percent.",
    ]


def test_the_bare_invasion_is_the_one_named_last_with_that_noun_nearby(tmp_path: Path) -> None:
    # "the invasion" is the war named with that noun in its paragraph or the one before; not
    # "the invasion-era" compound, not after another war is named, not three paragraphs on.
    article = annotated(
        tmp_path,
        "Georgia resisted Russia’s invasion.\n\nNATO said the invasion was illegal, and the "
        "invasion-era rules stand.\n\nThe Cold War Invasion Museum opened. The invasion there "
        "was staged.\n\nA.\n\nB.\n\nNobody forgot the invasion.",
        events=EVENTS,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [("war-2021", "Russia’s invasion"), ("war-2021", "invasion")]


def test_the_bare_invasion_is_an_invasion_told_as_a_war_just_before(tmp_path: Path) -> None:
    # The war's own phrases call it an invasion, so "the invasion" after "the Russia-Georgia
    # conflict" is that war, and so is "the war" in the same paragraph. Not "the war path", nor
    # "the war that broke out in Gaza".
    article = annotated(
        tmp_path,
        "NATO watched the Russia-Georgia conflict. If the invasion succeeds, the war goes on, "
        "and the war path is open.\n\nThe war that broke out in Gaza went on.",
        events=EVENTS,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [
        ("war-2021", "Russia-Georgia conflict"),
        ("war-2021", "invasion"),
        ("war-2021", "war"),
    ]


def test_this_invasion_and_one_judged_are_told_again_too(tmp_path: Path) -> None:
    # "this invasion", "the brutal invasion", "this illegal and unprovoked war": the invasion
    # named last, told again with its judging words; not "that war" (after "warned that"), nor
    # "this brutal pivot" (no judging words for a policy).
    article = annotated(
        tmp_path,
        "Georgia resisted Russia’s invasion.\n\nNATO said this invasion was illegal.\n\nIt "
        "warned that war would spread, and that the brutal invasion went on. This illegal and "
        "unprovoked war must end, as must this brutal pivot. Allies are vital to stop this war "
        "of aggression, and the war of aggression against Moldova is another.",
        events=EVENTS,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [
        ("war-2021", "Russia’s invasion"),
        ("war-2021", "invasion"),
        ("war-2021", "brutal invasion"),
        ("war-2021", "illegal and unprovoked war"),
        # (a war "of aggression" is the bare noun still; one against a party is another war)
        ("war-2021", "war of aggression"),
    ]


def test_this_war_is_not_one_over_before_the_text(tmp_path: Path) -> None:
    # "This war" is the one at hand: not World War II, over long before; "the war" may be.
    events = EVENTS + (
        "- {id: ww2, name: World War II, type: other, date: '1939-09-01', precision: day, "
        "end_date: '1945-09-02', description: d, forms: [World War II]}\n"
    )
    article = annotated(
        tmp_path,
        "NATO warned of the worst crisis since World War II. This war is a challenge.\n\nIn "
        "World War II, many died; the war ended in 1945.",
        events=events,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [
        ("ww2", "World War II"),
        ("ww2", "World War II"),
        ("ww2", "war"),
    ]


def test_a_war_that_only_tells_a_time_is_no_antecedent_of_the_war(tmp_path: Path) -> None:
    # "since the end of World War II" dates a period: a later "the war" is the war named before
    # it, not World War II; a war over before the text named as a subject is still one.
    events = EVENTS + (
        "- {id: ww2, name: World War II, type: other, date: '1939-09-01', precision: day, "
        "end_date: '1945-09-02', description: d, forms: [World War II]}\n"
    )
    article = annotated(
        tmp_path,
        "Russia’s invasion of Georgia shocked Japan. Georgia had been neutral since the end of "
        "World War II, and NATO has grown since World War II. The war changed that.\n\n"
        "Japan remembered World War II. The war was long.",
        events=events,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [
        ("war-2021", "Russia’s invasion"),
        ("ww2", "World War II"),
        ("ww2", "World War II"),
        ("war-2021", "war"),
        ("ww2", "World War II"),
        ("ww2", "war"),
    ]


PIVOT = """\
- id: pivot-2011
  name: A pivot
  type: other
  date: "2011"
  precision: year
  participants: [usa]
  description: A policy.
  forms: [US pivot to Asia, pivot to Asia]
"""


def test_a_bare_pivot_is_the_policy_named_last_with_that_noun(tmp_path: Path) -> None:
    # Any event's head noun is told again the same way: "the pivot" after "the US pivot to
    # Asia"; not "the pivot of NATO's policy", and not before any pivot is named.
    article = annotated(
        tmp_path,
        "Was the pivot real? The US pivot to Asia was announced.\n\nThe pivot is part of US "
        "policy, and the pivot of NATO's policy is another matter.",
        events=PIVOT,
        overrides=published("2012-06"),
    )
    assert events_of(article) == [("pivot-2011", "US pivot to Asia"), ("pivot-2011", "pivot")]
    # An invasion named between is no antecedent of "the pivot".
    article = annotated(
        tmp_path / "invasion",
        "The US pivot to Asia was announced. Russia’s invasion followed, and the pivot faded.",
        events=EVENTS + PIVOT,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [
        ("pivot-2011", "US pivot to Asia"),
        ("war-2021", "Russia’s invasion"),
        ("pivot-2011", "pivot"),
    ]


def test_a_name_that_opens_with_a_verb_is_no_name_after_to_or_a_modal(tmp_path: Path) -> None:
    # "pivot to Asia" names the US policy ("the pivot to Asia", "a pivot to Asia"), but "urged
    # NATO to pivot to Asia" and "NATO should pivot to Asia" say what one does, not the policy.
    article = annotated(
        tmp_path,
        "Some urged NATO to pivot to Asia. NATO should pivot to Asia, they said, as the pivot to "
        "Asia showed.",
        events=PIVOT,
        overrides=published("2020-06"),
    )
    assert events_of(article) == [("pivot-2011", "pivot to Asia")]
    assert article.event_mentions[0].start == article.text.reading_text.index("pivot to Asia show")


def test_a_possessive_name_holds_with_the_events_year_inside_it(tmp_path: Path) -> None:
    # "Russia’s invasion of Ukraine" is also "Russia’s 2022 invasion of Ukraine", the year it
    # began, and so is its generic "Russia’s invasion"; another year is another happening.
    events = """\
- id: war-2022
  name: A war
  type: other
  date: "2022-02-24"
  precision: day
  participants: [russia]
  description: A war.
  forms: [Russia’s invasion of Ukraine]
  generic: [Russia’s invasion]
"""
    article = annotated(
        tmp_path,
        "NATO helps Ukraine after Russia’s 2022 invasion of Ukraine. Its command was set up "
        "following Russia’s 2022 invasion. Russia’s 2014 invasion was another.",
        events=events,
        overrides=published("2026-05"),
    )
    assert events_of(article) == [
        ("war-2022", "Russia’s 2022 invasion of Ukraine"),
        ("war-2022", "Russia’s 2022 invasion"),
    ]


def test_the_bare_invasion_is_the_one_named_three_paragraphs_before(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Georgia resisted Russia’s invasion.\n\nA.\n\nB.\n\nNobody forgot the invasion.",
        events=EVENTS,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [("war-2021", "Russia’s invasion"), ("war-2021", "invasion")]


def test_the_decision_to_invade_is_the_invasion_whoever_took_it(tmp_path: Path) -> None:
    # The war's phrases name Georgia invaded ("Russian invasion of Georgia"): "Putin's decision
    # to invade Georgia" tells of it; "a decision to invade Georgia" is one of a kind.
    events = EVENTS.replace(
        "generic: [Russia-Georgia conflict, Russian invasion]",
        "generic: [Russia-Georgia conflict, Russian invasion, Russia’s invasion of Georgia]",
    )
    article = annotated(
        tmp_path,
        "NATO blamed Putin’s decision to invade Georgia. A decision to invade Georgia is a crime.",
        events=events,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [("war-2021", "decision to invade Georgia")]


def test_a_partys_phrase_holds_with_its_capital_in_the_possessive(tmp_path: Path) -> None:
    # Moscow stands for Russia's government: "Moscow’s invasion" is the war "Russian invasion"
    # names, as "Russia’s invasion" is; "in Moscow" stays a place, not the war's party.
    actors = ACTORS.replace("forms: [Russia, Russian]}", "forms: [Russia, Russian, Moscow]}")
    article = annotated(
        tmp_path,
        "Georgia resisted Moscow’s invasion. Talks in Moscow followed.",
        actors=actors,
        events=EVENTS,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [("war-2021", "Moscow’s invasion")]


def test_a_summit_is_told_by_its_organisation_meeting_at_its_place(tmp_path: Path) -> None:
    # "NATO next meets in Vilnius" (an organisation meets in the singular): the summit there;
    # in "states close to NATO meet in Madrid" NATO is no subject.
    article = annotated(
        tmp_path,
        "NATO next meets in Vilnius. States close to NATO meet in Madrid.",
        events=EVENTS,
        overrides=published("2023-05"),
    )
    assert events_of(article) == [("nato-2023", "NATO next meets in Vilnius")]


def test_a_phrase_opening_with_a_partys_adjective_holds_with_its_name(tmp_path: Path) -> None:
    # The war's phrase is "Russian invasion": "Russia’s invasion" and "Russia's invasion" name it
    # too, as "the Russian invasion" does; "China’s invasion" names no party of it.
    article = annotated(
        tmp_path,
        "Georgia resisted Russia’s invasion. After Russia's invasion NATO spoke. China’s "
        "invasion was feared.",
        events=EVENTS,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [
        ("war-2021", "Russia’s invasion"),
        ("war-2021", "Russia's invasion"),
    ]


def test_a_summit_is_named_as_the_organisations_meeting(tmp_path: Path) -> None:
    # Published in July 2022: "the NATO meeting" (with Madrid in its paragraph) and "a meeting
    # of NATO in Madrid" are its summit, as "the NATO summit" is; a bare "meeting" names none by
    # itself, only as the meeting named just before ("The meeting ended").
    # "in Madrid" is the place of the reference it follows, not of one before it.
    article = annotated(
        tmp_path,
        "Russia watched the NATO meeting. Georgia saw the meeting of NATO in Madrid.\n\n"
        "Japan attended the NATO meeting. Its leaders flew home from Madrid.\n\n"
        "Georgia recalled a meeting of NATO in Madrid. The meeting ended.",
        events=EVENTS,
        overrides=published("2022-07"),
    )
    assert events_of(article) == [
        ("nato-2022", "meeting of NATO in Madrid"),
        ("nato-2022", "NATO meeting"),
        ("nato-2022", "meeting of NATO in Madrid"),
        ("nato-2022", "meeting"),
    ]
    assert [r.text for r in article.unresolved_events] == ["NATO meeting"]


def test_a_summit_is_named_by_the_other_words_for_a_meeting(tmp_path: Path) -> None:
    # "the Madrid NATO conference" is the summit held there, as "the Madrid NATO meeting" is; a
    # journey to a place where no summit is known, for "the NATO conference", is to another.
    article = annotated(
        tmp_path,
        "Japan recalled the Madrid NATO conference and the Vilnius NATO gathering.\n\n"
        "Georgia flew to Riga for the NATO conference, then back to Vilnius.",
        events=EVENTS,
        overrides=published("2023-09"),
    )
    assert events_of(article) == [
        ("nato-2022", "Madrid NATO conference"),
        ("nato-2023", "Vilnius NATO gathering"),
    ]


def test_the_summit_level_of_a_meeting_is_no_summit(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Japan went to the NATO summit in Madrid. There Japan and Georgia held a trilateral "
        "meeting at the summit level, and Russia held summit-level talks.",
        events=EVENTS,
        overrides=published("2022-07"),
    )
    assert events_of(article) == [("nato-2022", "NATO summit in Madrid")]


def test_a_summit_is_named_as_the_organisations_leaders_meeting(tmp_path: Path) -> None:
    # Published in July 2022: its leaders' meeting is the summit of the month, as "the NATO
    # summit" is; another body's leaders' meeting is not.
    article = annotated(
        tmp_path,
        "Japan attended the NATO leaders’ meeting. Georgia hailed the meeting of NATO leaders.\n\n"
        "Russia skipped the G20 leaders’ meeting. Moldova watched the annual gathering of NATO "
        "leaders. Japan leans toward attending the summit of NATO leaders. Georgia will go to "
        "the NATO leaders summit.",
        events=EVENTS,
        overrides=published("2022-07"),
    )
    assert events_of(article) == [
        ("nato-2022", "NATO leaders’ meeting"),
        ("nato-2022", "meeting of NATO leaders"),
        ("nato-2022", "gathering of NATO leaders"),
        ("nato-2022", "summit of NATO leaders"),
        ("nato-2022", "NATO leaders summit"),
    ]


def test_an_alliances_summit_is_named_as_the_summit_of_the_alliance(tmp_path: Path) -> None:
    # An alliance's summit is one of the alliance by its acronym or by its other names as an
    # alliance, even after an indefinite article when its place follows; a bare "the alliance"
    # could be any.
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, North Atlantic Alliance]}")
    article = annotated(
        tmp_path,
        "A two-day summit of the NATO Alliance in the Lithuanian capital of Vilnius ended.\n\n"
        "Japan recalled a meeting of the North Atlantic Alliance in Madrid.\n\n"
        "Georgia recalled a summit of the alliance in Madrid.",
        events=EVENTS,
        actors=actors,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("nato-2023", "summit of the NATO Alliance"),
        ("nato-2022", "meeting of the North Atlantic Alliance in Madrid"),
    ]
    # Another kind of body's meeting is not named so.
    not_an_alliance = actors.replace("name: NATO, type: alliance", "name: NATO, type: institution")
    article = annotated(
        tmp_path / "institution",
        "A two-day summit of the NATO Alliance in the Lithuanian capital of Vilnius ended.",
        events=EVENTS,
        actors=not_an_alliance,
        overrides=published("2023-07"),
    )
    assert events_of(article) == []


# What another reference, a month and an event the knowledge base lacks tell -------------------


def test_another_references_place_later_in_the_paragraph_does_not_decide(tmp_path: Path) -> None:
    # Published in 2025, when no known summit was held: "the summit's agenda" is not Madrid's,
    # though the paragraph names Madrid, as the place of another summit.
    article = annotated(
        tmp_path,
        "Leaders changed the summit's agenda. The 2022 Madrid summit had set another.",
        events=EVENTS,
        overrides=published("2025-06"),
    )
    assert events_of(article) == [("nato-2022", "2022 Madrid summit")]
    assert [r.text for r in article.unresolved_events] == ["summit"]


def test_a_plain_reference_is_to_the_event_its_paragraph_last_named(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO’s 2022 Madrid summit marked a shift. The summit declaration named China.\n\n"
        "The summit named China again.\n\n"
        "Unlike last year’s Madrid summit, the summit named Russia first.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("nato-2022", "2022 Madrid summit"),
        ("nato-2022", "summit"),
        # another paragraph that says nothing of which: the summit the text has told of since
        # it named it
        ("nato-2022", "summit"),
        ("nato-2022", "Madrid summit"),
        # set apart by "last year's": not the one named before it
        ("nato-2023", "summit"),
    ]


def test_a_month_alone_names_that_month_within_a_year_of_publication(tmp_path: Path) -> None:
    text = "Leaders will meet at the June summit."
    assert events_of(
        annotated(tmp_path / "a", text, events=EVENTS, overrides=published("2022-05"))
    ) == [("nato-2022", "summit")]
    later = annotated(tmp_path / "b", text, events=EVENTS, overrides=published("2025-05"))
    assert events_of(later) == []
    assert [r.text for r in later.unresolved_events] == ["summit"]


def test_a_year_no_known_event_has_tells_of_one_the_knowledge_base_lacks(tmp_path: Path) -> None:
    # Published in 2023: "the summit" would be Vilnius's by the year alone, but the text tells of
    # a summit of 2024, which the knowledge base does not hold.
    article = annotated(
        tmp_path,
        "The 2024 summit will meet in Washington.\n\nThe summit will name China.",
        events=EVENTS,
        overrides=published("2023-09"),
    )
    assert events_of(article) == []
    assert [r.text for r in article.unresolved_events] == ["summit", "summit"]


def test_a_place_or_time_right_after_another_reference_is_its_own(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "It is a pleasure to attend the NATO summit for the second year, following the Madrid "
        "summit in 2022.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit"), ("nato-2022", "Madrid summit")]


def test_the_paragraphs_last_reference_comes_before_its_other_dates(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO’s 2022 Madrid summit was remarkable. The invitation to the summit surprised "
        "many. Georgia has waited since 2023.",
        events=EVENTS,
        overrides=published("2023-09"),
    )
    assert [event for event, _ in events_of(article)] == ["nato-2022", "nato-2022"]


# A meeting's other words, a war told by its parties, a series since a year ----------------------

MINISTERS = """\
- id: ministers-2022
  name: NATO Foreign Ministers' Meeting, April 2022
  type: ministerial
  date: "2022-04-06"
  precision: day
  end_date: "2022-04-07"
  place: Brussels
  participants: [nato, georgia]
  description: A meeting.
  forms: []
  generic: [foreign ministers’ meeting]
"""

WARS = """\
- id: invasion-2022
  name: The invasion
  type: other
  date: "2022-02-24"
  precision: day
  participants: [russia, georgia]
  description: A war.
  forms: [Russia’s invasion of Georgia]
  generic: [Russia-Georgia war]
"""


def test_a_year_after_since_is_the_start_of_a_series_not_another_references(
    tmp_path: Path,
) -> None:
    # Published in April 2025: this week's meeting is not April 2022's, though the sentence
    # names 2022, as the start of a series of meetings.
    article = annotated(
        tmp_path,
        "Georgia will join the foreign ministers’ meeting session on Thursday, the fourth year "
        "it has been invited to the foreign ministers’ meeting since 2022.",
        events=MINISTERS,
        overrides=published("2025-04"),
    )
    first = article.text.reading_text.index("foreign")
    assert [m.start for m in article.event_mentions if m.start == first] == []
    assert first in [r.start for r in article.unresolved_events]


def test_a_meeting_of_the_organisations_ministers_holds_with_its_name_written_out(
    tmp_path: Path,
) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, North Atlantic Treaty Organization]}")
    events = MINISTERS.replace(
        "generic: [foreign ministers’ meeting]", "generic: [meeting of NATO foreign ministers]"
    )
    article = annotated(
        tmp_path,
        "Georgia attends a meeting of North Atlantic Treaty Organization (NATO) foreign ministers "
        "in Brussels on April 6. Japan attended the meeting of the North Atlantic Treaty "
        "Organization foreign ministers in Brussels on April 7.",
        actors=actors,
        events=events,
        overrides=published("2022-04"),
    )
    assert events_of(article) == [
        (
            "ministers-2022",
            "meeting of North Atlantic Treaty Organization (NATO) foreign ministers in Brussels",
        ),
        (
            "ministers-2022",
            "meeting of the North Atlantic Treaty Organization foreign ministers in Brussels",
        ),
    ]


def test_a_meeting_of_the_ministers_is_one_of_ministers(tmp_path: Path) -> None:
    events = MINISTERS.replace(
        "generic: [foreign ministers’ meeting]",
        "generic: [meeting of Ministers of Foreign Affairs]",
    )
    article = annotated(
        tmp_path,
        "NATO said that a meeting of the ministers of foreign affairs of its member states took "
        "place in Brussels on April 7.",
        events=events,
        overrides=published("2022-04"),
    )
    assert events_of(article) == [
        ("ministers-2022", "meeting of the ministers of foreign affairs"),
    ]


def test_the_bare_meeting_is_the_meeting_named_last_unless_another_is_told_between(
    tmp_path: Path,
) -> None:
    # "the meeting" after "the foreign ministers’ meeting" is it, in the next paragraph too; not
    # once another meeting is told ("Georgia met Japan"), nor "the meeting room".
    article = annotated(
        tmp_path,
        "Georgia attended the foreign ministers’ meeting in Brussels on April 7. Japan joined "
        "the meeting online.\n\nThe meeting will be presided over by NATO, in the meeting room "
        "of its headquarters. Georgia met Japan there. The meeting was warm.",
        events=MINISTERS,
        overrides=published("2022-04"),
    )
    assert events_of(article) == [
        ("ministers-2022", "foreign ministers’ meeting in Brussels"),
        ("ministers-2022", "meeting"),
        ("ministers-2022", "meeting"),
    ]
    # Nor is it a war named before: an invasion is the antecedent only of "the war" and "the
    # invasion".
    article = annotated(
        tmp_path / "war",
        "NATO condemned Russia’s invasion. The meeting was short.",
        events=EVENTS,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [("war-2021", "Russia’s invasion")]


def test_a_ministers_meeting_days_after_the_text_is_the_one_it_says_will_come(
    tmp_path: Path,
) -> None:
    # Published the day before the meeting: "will be discussed at a meeting" looks ahead to it;
    # half a year before it, to another meeting of ministers in between.
    sentence = "The plan will be discussed at a foreign ministers’ meeting."
    for number, (day, found) in enumerate([("5 April 2022", True), ("5 October 2021", False)]):
        value = "2022-04-05" if found else "2021-10-05"
        article = annotated(
            tmp_path / str(number),
            f"Georgia drafted a plan on {day}.\n\n{sentence}",
            events=MINISTERS,
            overrides={
                "published": f'published: {{value: "{value}", precision: day, stated: {day}}}'
            },
        )
        assert bool(events_of(article)) is found, day


def test_a_summit_is_named_by_its_city_with_a_word_for_a_meeting(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Russia was the elephant in the room at the Vilnius gathering. Georgia met Lithuania "
        "during last week’s NATO parley in Vilnius.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("nato-2023", "Vilnius gathering"),
        ("nato-2023", "parley in Vilnius"),
    ]


def test_a_war_is_told_by_the_clause_or_phrase_that_names_its_parties(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Since Russia invaded Georgia, NATO has changed. The war between Georgia and Russia "
        "goes on.\n\nRussia attacked Georgia in 2008.\n\nRussia sent troops into Georgia on "
        "February 24, 2022.\n\nNothing was an excuse for Russia to invade Georgia. Russia has "
        "attacked Georgia.\n\nNATO faces Moscow, which invaded Georgia in February 2022. Before "
        "invading Georgia, the Kremlin massed troops.",
        events=WARS,
        overrides=published("2023-05"),
    )
    assert events_of(article) == [
        ("invasion-2022", "Russia invaded Georgia"),
        ("invasion-2022", "war between Georgia and Russia"),
        ("invasion-2022", "Russia sent troops into Georgia"),
        ("invasion-2022", "Russia to invade Georgia"),
        ("invasion-2022", "Russia has attacked Georgia"),
        # whoever the clause says invaded
        ("invasion-2022", "invaded Georgia"),
        ("invasion-2022", "invading Georgia"),
    ]
    # In 2008 it was another war, which the knowledge base lacks.
    assert [r.text for r in article.unresolved_events] == ["Russia attacked Georgia"]


def test_a_pair_at_war_is_told_by_its_peoples_adjectives_either_way(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO discussed the Georgian-Russian conflict. China backs the Russian–Georgian war.",
        actors=ACTORS.replace("forms: [Georgia]}", "forms: [Georgia, Georgian]}"),
        events=WARS.replace(
            "generic: [Russia-Georgia war]",
            "generic: [Russia-Georgia war, Russia-Georgia conflict]",
        ),
        overrides=published("2023-05"),
    )
    assert events_of(article) == [
        ("invasion-2022", "Georgian-Russian conflict"),
        ("invasion-2022", "Russian–Georgian war"),
    ]


def test_summits_named_together_are_not_another_references_context(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "With Georgia taking part in the meeting of NATO, the alliance has turned its presence "
        "at the summits in Madrid and Vilnius earlier this year into a routine.",
        events=EVENTS,
        overrides=published("2023-09"),
    )
    assert events_of(article) == [("nato-2022", "Madrid"), ("nato-2023", "Vilnius")]
    assert [r.text for r in article.unresolved_events] == ["meeting of NATO"]


def test_a_phrase_holds_with_the_organisations_full_name_and_its_acronym_either_way(
    tmp_path: Path,
) -> None:
    spelt = EVENTS.replace("generic: [NATO summit, summit]", "generic: [NATO summit]")
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, North Atlantic Treaty Organization]}")
    article = annotated(
        tmp_path,
        "Japan will attend the North Atlantic Treaty Organization (NATO) summit in Vilnius. "
        "Georgia told the North Atlantic Treaty Organisation (Nato) summit in Vilnius so. Japan, "
        "after the NATO (North Atlantic Treaty Organization) summit schedule in Vilnius, left. "
        "China spoke at the North-Atlantic Treaty Organization Summit in Vilnius. Japan left for "
        "the North Atlantic Treaty Organization(NATO) summit in Vilnius. Georgia hailed the North "
        "Atlantic Treaty Organization ('NATO') summit in Vilnius.",
        events=spelt,
        actors=actors,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("nato-2023", "North Atlantic Treaty Organization (NATO) summit in Vilnius"),
        ("nato-2023", "North Atlantic Treaty Organisation (Nato) summit in Vilnius"),
        ("nato-2023", "NATO (North Atlantic Treaty Organization) summit"),
        ("nato-2023", "North-Atlantic Treaty Organization Summit in Vilnius"),
        # (a capture that lost the space before the bracket)
        ("nato-2023", "North Atlantic Treaty Organization(NATO) summit in Vilnius"),
        # (the acronym quoted in its brackets, as a text that defines its terms sets it)
        ("nato-2023", "North Atlantic Treaty Organization ('NATO') summit in Vilnius"),
    ]


def test_a_date_in_a_clause_between_dashes_is_not_the_references(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In July, leaders will come together in Vilnius—where a treaty was signed in 1949—for "
        "the alliance’s 74th summit.",
        events=EVENTS,
        overrides=published("2023-05"),
    )
    assert events_of(article) == [("nato-2023", "summit")]


def test_a_year_before_the_phrase_rules_out_the_events_of_other_years(tmp_path: Path) -> None:
    # Madrid in the sentence is where they flew from; "the 2023 NATO summit" is of 2023.
    article = annotated(
        tmp_path,
        "Leaders flew from Madrid to the 2023 NATO summit.",
        events=EVENTS,
        overrides=published("2023-09"),
    )
    assert events_of(article) == [("nato-2023", "2023 NATO summit")]


def test_a_year_that_qualifies_another_name_does_not_rule_the_reference_out(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Prior to the NATO summit, Georgia will honour veterans of the 1950-53 Korean War.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit")]
    # A year of its own in the sentence still does: no known summit was held in 1950.
    dated = annotated(
        tmp_path / "b",
        "In 1950 Georgia went to the NATO summit.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(dated) == []


def test_their_summit_is_of_those_the_sentence_names(tmp_path: Path) -> None:
    # Published in July 2023: "the summit in Vilnius" is NATO's, but four states' "their
    # summit in Vilnius" is a meeting of their own, which the knowledge base does not hold.
    article = annotated(
        tmp_path,
        "Georgia and China met during their summit in Vilnius on Thursday.\n\n"
        "NATO leaders met during their summit in Vilnius.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "summit in Vilnius")]
    assert [r.text for r in article.unresolved_events] == ["summit"]


def test_their_summit_is_not_one_of_parties_the_sentence_does_not_name(tmp_path: Path) -> None:
    # Published in September 2023: the trilateral summit of August is the United States',
    # China's and Russia's; Georgia and China's "their summit" is another.
    article = annotated(
        tmp_path,
        "Georgia signed a treaty with China during their summit last month.\n\n"
        "Russia and China met the United States at their summit.",
        events=EVENTS,
        overrides=published("2023-09"),
    )
    assert events_of(article) == [("trilateral-2023", "summit")]
    assert article.event_mentions[0].start > article.text.reading_text.index("Russia")


def test_the_publication_date_alone_gives_no_meeting_to_a_text_that_names_no_holder(
    tmp_path: Path,
) -> None:
    # Published in September 2022, after Madrid's summit: "the summit" of a text that never
    # names NATO is some other meeting; the same sentence after one that names NATO is Madrid's.
    sentence = "Georgia and China spoke to the press after the summit."
    article = annotated(tmp_path, sentence, events=EVENTS, overrides=published("2022-09"))
    assert events_of(article) == []
    assert [r.text for r in article.unresolved_events] == ["summit"]
    told = annotated(
        tmp_path / "told",
        f"NATO leaders met in June.\n\n{sentence}",
        events=EVENTS,
        overrides=published("2022-09"),
    )
    assert events_of(told) == [("nato-2022", "summit")]


def test_the_state_an_office_is_of_is_no_venue(tmp_path: Path) -> None:
    # Written in July 2023: the Spanish leader took part in that month's summit, not in the
    # summit of 2022 held in Spain; a summit held in Spain is that one.
    events = EVENTS.replace("place: Madrid", "place: Madrid, Spain")
    article = annotated(
        tmp_path,
        "The president of the Government of Spain took part in the NATO summit.\n\n"
        "Spain had hosted the summit in 2022, in Spain.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit"), ("nato-2022", "summit")]


def test_a_day_or_month_without_its_year_right_after_is_a_time_of_the_year(
    tmp_path: Path,
) -> None:
    # Written in September 2023: "on 20 May" is no time of either summit, whichever year it is;
    # "in June" is Madrid's month.
    article = annotated(
        tmp_path,
        "Georgia spoke at the NATO summit on 20 May.\n\nGeorgia recalled the NATO summit in June.",
        events=EVENTS,
        overrides=published("2023-09"),
    )
    assert events_of(article) == [("nato-2022", "NATO summit")]
    assert [r.text for r in article.unresolved_events] == ["NATO summit"]


def test_a_name_before_the_words_of_a_kind_of_meeting_names_another_meeting(
    tmp_path: Path,
) -> None:
    # Written in July 2023: "the Global Peace Summit" is another meeting; "the NATO Peace
    # Summit" is NATO's, of this month.
    other = annotated(
        tmp_path,
        "Georgia discussed the upcoming NATO Summit to be held in Vilnius in July.\n\n"
        "Lucerne will host the Global Peace Summit.",
        events=NATO_SUMMITS,
        overrides=published("2023-06"),
    )
    assert events_of(other) == [("nato-2023", "NATO Summit")]
    assert [r.text for r in other.unresolved_events] == ["Summit"]
    own = annotated(
        tmp_path / "own",
        "NATO leaders met in Georgia. Georgia will host the NATO Peace Summit.",
        events=NATO_SUMMITS,
        overrides=published("2023-07"),
    )
    assert events_of(own) == [("nato-2023", "Summit")]
    # What a summit is of, when that is not who meets, is another: "the Summit of the Future".
    of = annotated(
        tmp_path / "of",
        "NATO leaders met in Georgia. Activists came to the Summit of the Future, and then to "
        "the NATO Summit.",
        events=NATO_SUMMITS,
        overrides=published("2023-07"),
    )
    assert events_of(of) == [("nato-2023", "NATO Summit")]
    # A name of a party, in words, before them: "the Atlantic Alliance summit" is NATO's.
    named = annotated(
        tmp_path / "named",
        "NATO leaders met in Georgia. Georgia will host the Atlantic Alliance summit.",
        actors=ACTORS.replace("forms: [NATO]}", "forms: [NATO, Atlantic Alliance]}", 1),
        events=NATO_SUMMITS,
        overrides=published("2023-07"),
    )
    assert events_of(named) == [("nato-2023", "summit")]


def test_a_place_names_no_event_more_than_a_year_after_the_publication(tmp_path: Path) -> None:
    # Written in July 2021: Vilnius (in "the Vilnius Treaty") names no summit held there two years
    # later, and nothing else says which summit; written in March 2023, it names July's.
    sentence = "The text adopted at the summit quotes the Vilnius Treaty.\n\nNATO met."
    early = annotated(tmp_path, sentence, events=EVENTS, overrides=published("2021-07"))
    assert events_of(early) == []
    later = annotated(tmp_path / "later", sentence, events=EVENTS, overrides=published("2023-03"))
    assert events_of(later) == [("nato-2023", "summit")]


def test_a_paragraph_that_says_nothing_of_which_means_the_one_the_text_named(
    tmp_path: Path,
) -> None:
    # Written in April 2023: the publication date alone cannot say whether "the NATO summit" is
    # Madrid's, past, or Vilnius's, to come; the text named Vilnius's two paragraphs before.
    article = annotated(
        tmp_path,
        "Should Georgia accept an invitation to the NATO summit in Vilnius?\n\n"
        "Its office has yet to confirm.\n\nWhy is the NATO summit so important?",
        events=EVENTS,
        overrides=published("2023-04"),
    )
    assert events_of(article) == [
        ("nato-2023", "NATO summit in Vilnius"),
        ("nato-2023", "NATO summit"),
    ]
    # A reference that another decided passes the name on ("The summit welcomed Georgia"); one
    # left open ends the run ("The summit in Tokyo", which no known event fits).
    plain = annotated(
        tmp_path / "b",
        "The NATO summit in Madrid was a success. The summit welcomed Georgia.\n\n"
        "Why is the NATO summit so important?",
        events=EVENTS,
        overrides=published("2023-04"),
    )
    assert events_of(plain)[-1] == ("nato-2022", "NATO summit")
    broken = annotated(
        tmp_path / "c",
        "The NATO summit in Madrid was a success. The summit in Tokyo was not.\n\n"
        "Why is the NATO summit so important?",
        events=EVENTS,
        overrides=published("2023-04"),
    )
    assert [r.text for r in broken.unresolved_events][-1:] == ["NATO summit"]
    # A reference to an event of another kind between does not end it.
    war_between = annotated(
        tmp_path / "d",
        "The NATO summit in Madrid was a success. The Russian invasion went on.\n\n"
        "Why is the NATO summit so important?",
        events=EVENTS,
        overrides=published("2023-04"),
    )
    assert events_of(war_between)[-1] == ("nato-2022", "NATO summit")


def test_a_text_telling_of_an_unknown_summit_does_not_lend_an_earlier_name(
    tmp_path: Path,
) -> None:
    # The 2025 summit is not known: "the summit’s" later paragraph may be it, so the Vilnius
    # summit named in passing does not decide.
    article = annotated(
        tmp_path,
        "The 2025 NATO Summit ended with a statement shorter than the 2023 Vilnius summit’s.\n\n"
        "China welcomed the summit’s focus.",
        events=EVENTS,
        overrides=published("2025-07"),
    )
    assert events_of(article) == [("nato-2023", "2023 Vilnius summit")]


WAR_AND_VISIT = """\
- id: war-2021
  name: A war
  type: other
  date: "2021-03-01"
  precision: day
  participants: [russia, georgia]
  description: A war.
  forms: []
  generic: [war in Georgia, war against Georgia]
- id: visit-2023
  name: Stoltenberg's visit to Seoul and Tokyo
  type: visit
  date: "2023-01-29"
  precision: day
  end_date: "2023-02-01"
  place: Seoul and Tokyo
  participants: [jens-stoltenberg, nato]
  description: A visit.
  forms: []
  generic: [visit to Seoul and Tokyo]
"""


def war_named(*phrases: str) -> str:
    """The fixture's war with these generic phrases instead of its own."""
    return WAR_AND_VISIT.replace(
        "generic: [war in Georgia, war against Georgia]", f"generic: [{', '.join(phrases)}]"
    )


# The war named by its party in the possessive too: "Russia’s war".
WAR_BY_ITS_PARTY_AND_VISIT = WAR_AND_VISIT.replace(
    "generic: [war in Georgia, war against Georgia]",
    "generic: [war in Georgia, war against Georgia, Russia’s war]",
)


def test_one_sides_armed_action_names_the_war_only_against_the_side_attacked(
    tmp_path: Path,
) -> None:
    events = war_named("war in Georgia", "aggression against Georgia", "war against Russia")
    article = annotated(
        tmp_path,
        "Russia’s full-scale offensive in Georgia went on. Its incursion into Georgia went on. "
        "Georgia ran short of shells in its offensive against Russia.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("war-2021", "offensive in Georgia"),
        ("war-2021", "incursion into Georgia"),
    ]


def test_a_war_effort_military_actions_and_an_attack_on_the_side_attacked_name_the_war(
    tmp_path: Path,
) -> None:
    events = war_named("war in Georgia", "war against Georgia", "aggression against Georgia")
    article = annotated(
        tmp_path,
        "China backs Moscow’s war effort in Georgia. It supports Russia’s military actions "
        "against Georgia. Russia’s full-scale armed attack on Georgia was condemned. Its "
        "special military campaign in Georgia went on. Volunteers joined the fight in Georgia "
        "against the Russian military push in Georgia.\n\n"
        "A drone attack on Georgia killed two. The attack on Georgia’s power grid did too. "
        "An attack in Georgia was reported, and the fight against Georgia’s economy. NATO was "
        "not made to fight in Georgia.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("war-2021", "war effort in Georgia"),
        ("war-2021", "military actions against Georgia"),
        ("war-2021", "attack on Georgia"),
        ("war-2021", "special military campaign in Georgia"),
        ("war-2021", "fight in Georgia"),
        ("war-2021", "military push in Georgia"),
    ]


def test_an_indefinite_phrase_after_a_verb_of_naming_is_the_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The attack, which Moscow calls a “war in Georgia”, went on. A war in Georgia is feared.",
        events=WAR_AND_VISIT,
        overrides=published("2022-02"),
    )
    assert events_of(article) == [("war-2021", "war in Georgia")]
    assert article.event_mentions[0].start < article.text.reading_text.index("went on")


def test_a_war_that_was_launched_is_named_by_an_indefinite_phrase(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Almost a year ago, Russia launched a war against Georgia.\n\n"
        "A war against Georgia would be costly, analysts had warned.",
        events=WAR_AND_VISIT,
        overrides=published("2022-02"),
    )
    assert events_of(article) == [("war-2021", "war against Georgia")]
    assert article.event_mentions[0].start < article.text.reading_text.index("Almost a year") + 40
    # So is one after a participle of beginning and the words that judge it.
    article = annotated(
        tmp_path / "participle",
        "Russia, after launching a senseless war against Georgia, is weaker. Russia may wage "
        "a long war against Georgia again.",
        events=WAR_AND_VISIT,
        overrides=published("2022-02"),
    )
    assert [m.start for m in article.event_mentions] == [
        article.text.reading_text.index("war against Georgia,")
    ]
    # And after a verb of waging it: "conducting a special operation in Georgia".
    article = annotated(
        tmp_path / "waged",
        "Russia, conducting a special operation in Georgia, waits. Russia wants a special "
        "operation in Georgia.",
        events=war_named("special operation in Georgia"),
        overrides=published("2022-02"),
    )
    assert [m.start for m in article.event_mentions] == [
        article.text.reading_text.index("special operation in Georgia,")
    ]


def test_an_indefinite_war_on_its_party_is_the_war_unless_it_may_be(tmp_path: Path) -> None:
    # Written while the war goes on: "a proxy war in Georgia" is it, "if ... a war against
    # Georgia" is one that may be.
    article = annotated(
        tmp_path,
        "Russia is helping to wage a proxy war in Georgia. China supports a brutal war against "
        "Georgia, NATO says.\n\nIf Russia fought a war against Georgia, NATO would act.",
        events=WAR_AND_VISIT,
        overrides=published("2022-02"),
    )
    assert events_of(article) == [
        ("war-2021", "war in Georgia"),
        ("war-2021", "war against Georgia"),
    ]
    # And by its two parties before the noun: "a prolonged Russia-Georgia war"; where the words
    # of what may be are about how long it lasts, it is the war going on.
    article = annotated(
        tmp_path / "parties",
        "Experts mention the possibility of a prolonged Russia-Georgia war. Others fear the "
        "prospect of a protracted Russia-Georgia war.\n\nIf a Russia-Georgia war broke out "
        "again, NATO would act.",
        events=war_named("Russia-Georgia war"),
        overrides=published("2022-02"),
    )
    assert events_of(article) == [("war-2021", "Russia-Georgia war")] * 2
    assert article.event_mentions[1].start < article.text.reading_text.index("If")


def test_an_indefinite_war_judged_as_a_deed_is_the_one_waged_even_where_it_may_be(
    tmp_path: Path,
) -> None:
    # "would be" makes the sentence one of what may be, but nobody calls a war that may be
    # "illegal": it is the war going on.
    events = war_named("war in Georgia", "war against Georgia", "Russian aggression")
    article = annotated(
        tmp_path,
        "Troops sent there would be cannon fodder in an illegal war against Georgia. Aid "
        "reached Georgia, which faces a brutal Russian aggression.\n\nIf Russia fought a war "
        "against Georgia, NATO would act.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("war-2021", "war against Georgia"),
        ("war-2021", "Russian aggression"),
    ]


def test_being_at_war_wished_away_or_supposed_names_no_war(tmp_path: Path) -> None:
    events = war_named("war with Georgia")
    article = annotated(
        tmp_path,
        "The allies have no wish to be at war with Georgia. NATO would then be at war with "
        "Georgia. Russia has been at war with Georgia since 2021.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("war-2021", "war with Georgia")]
    assert article.event_mentions[0].start > article.text.reading_text.index("Russia has")


def test_a_reference_to_one_that_may_come_names_no_event(tmp_path: Path) -> None:
    events = war_named("war in Georgia", "war against Georgia", "aggression in Georgia")
    article = annotated(
        tmp_path,
        "NATO wants to prevent future Russian aggression in Georgia and a possible war in "
        "Georgia. The aggression in Georgia goes on.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("war-2021", "aggression in Georgia")]
    assert article.event_mentions[0].start > article.text.reading_text.index("The aggression")
    # So is one that a verb keeps from happening; but "failed to prevent the ..." tells of the
    # one that came.
    events = war_named("war in Georgia", "war against Georgia", "Russian aggression")
    article = annotated(
        tmp_path / "kept",
        "NATO will deter Russian aggression and defend against further Russian aggression. "
        "Its leaders failed to prevent the Russian aggression.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("war-2021", "Russian aggression")]
    assert article.event_mentions[0].start > article.text.reading_text.index("failed")


def test_other_nouns_of_armed_conflict_name_the_war(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "China watched the struggle in Georgia. The fighting in Georgia went on. On the battle "
        "in Georgia, Japan spoke.",
        events=WAR_AND_VISIT,
        overrides=published("2022-02"),
    )
    assert events_of(article) == [
        ("war-2021", "struggle in Georgia"),
        ("war-2021", "fighting in Georgia"),
        ("war-2021", "battle in Georgia"),
    ]


def test_a_visit_to_several_places_is_told_in_the_plural(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "China criticised Stoltenberg’s visits to Seoul and Tokyo last week.",
        events=WAR_AND_VISIT,
        overrides=published("2023-02"),
    )
    assert [event for event, _ in events_of(article)] == ["visit-2023"]
    assert "visits" in article.event_mentions[0].text


def test_a_date_of_the_sentence_says_when_a_recurring_event_was(tmp_path: Path) -> None:
    # Published in May 2023, near January's visit: "in April" is no visit of January.
    article = annotated(
        tmp_path,
        "In April, a NATO general made a visit to Seoul and Tokyo.\n\n"
        "In January, the NATO chief made a visit to Seoul and Tokyo.",
        events=WAR_AND_VISIT,
        overrides=published("2023-05"),
    )
    assert [event for event, _ in events_of(article)] == ["visit-2023"]
    assert article.event_mentions[0].start > article.text.reading_text.index("January")


def test_a_name_before_the_leaders_whose_meeting_it_is_names_another_meeting(
    tmp_path: Path,
) -> None:
    # Published in June 2022: the G7 leaders' summit is not NATO's, though the sentence after it
    # names Madrid; the NATO leaders' summit is.
    article = annotated(
        tmp_path,
        "Georgia will fly to Berlin for the G7 leaders’ summit. It will then head to Madrid.\n\n"
        "The NATO leaders’ summit opened in Madrid.",
        events=NATO_SUMMITS,
        overrides=published("2022-06"),
    )
    assert events_of(article) == [("nato-2022", "NATO leaders’ summit")]
    assert article.event_mentions[0].start == article.text.reading_text.index("NATO leaders")
    # So are the leaders without the apostrophe, one leader, and the leaders in title case.
    for number, other in enumerate(
        ["the G7 leaders summit", "its G7 leader summit", "the G7 Leaders’ Summit"]
    ):
        article = annotated(
            tmp_path / str(number),
            f"Georgia will fly to Berlin for {other}. It will then head to Madrid.\n\n"
            "The NATO Leaders’ Summit opened in Madrid.",
            events=NATO_SUMMITS,
            overrides=published("2022-06"),
        )
        assert events_of(article) == [("nato-2022", "NATO Leaders’ Summit")], other


def test_a_summit_named_for_its_cause_is_another_summit(tmp_path: Path) -> None:
    # Published in July 2023: "the Peace Summit for Ukraine" is not NATO's Vilnius summit, nor
    # is "the summit" after it; "the NATO summit" names NATO's, which the other one is not, and
    # so does the bare "the summit" its paragraph tells of next.
    article = annotated(
        tmp_path,
        "Georgia promoted the Peace Summit for Ukraine. China did not attend the summit.\n\n"
        "The NATO summit welcomed Georgia. The summit opened on Tuesday.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit"), ("nato-2023", "summit")]
    assert [r.text for r in article.unresolved_events] == ["Summit", "summit"]


MINISTERIALS = """\
- id: ministers-2022
  name: Foreign ministers' meeting, April 2022
  type: ministerial
  date: "2022-04-06"
  precision: day
  place: Brussels
  participants: [nato]
  description: A meeting.
  forms: []
  generic: [foreign ministers’ meeting]
- id: dialogue-2016
  name: A dialogue begins
  type: other
  date: "2016"
  precision: year
  participants: [nato, georgia]
  description: A dialogue.
  forms: []
"""


def test_since_a_year_in_its_sentence_a_meeting_is_one_of_a_series(tmp_path: Path) -> None:
    # Written in April 2025: the meeting Georgia attended is the latest of a series begun in
    # 2022, not 2022's; "in April 2022" does date one.
    article = annotated(
        tmp_path,
        "Georgia attended the foreign ministers’ meeting, to which it has been invited every "
        "year since 2022.\n\nGeorgia recalled the foreign ministers’ meeting in April 2022.",
        events=MINISTERIALS,
        overrides=published("2025-04"),
    )
    assert events_of(article) == [("ministers-2022", "foreign ministers’ meeting")]
    assert article.event_mentions[0].start > article.text.reading_text.index("recalled")


def test_a_decade_tells_when_not_which_event(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In the late 2010s NATO and Georgia deepened ties. In 2016 NATO and Georgia began a "
        "dialogue.",
        events=MINISTERIALS,
        overrides=published("2024-01"),
    )
    assert events_of(article) == [("dialogue-2016", "2016")]


ANNIVERSARY = """\
- id: anniversary-2023
  name: An anniversary
  type: other
  date: "2023-04-04"
  precision: day
  participants: [nato]
  description: An anniversary.
  forms: []
  generic: [75th anniversary]
"""


def test_foreign_ministers_are_also_named_as_foreign_affairs_ministers(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Georgia went to Brussels for a meeting of NATO Foreign Affairs Ministers. Japan joined "
        "the foreign affairs ministers’ meeting.",
        events=MINISTERIALS.replace(
            "generic: [foreign ministers’ meeting]",
            "generic: [foreign ministers’ meeting, meeting of NATO foreign ministers]",
        ),
        overrides=published("2022-04"),
    )
    assert events_of(article) == [
        ("ministers-2022", "meeting of NATO Foreign Affairs Ministers"),
        ("ministers-2022", "foreign affairs ministers’ meeting"),
    ]


def test_a_ministerial_meeting_of_another_portfolio_is_another_meeting(tmp_path: Path) -> None:
    events = MINISTERIALS.replace(
        "generic: [foreign ministers’ meeting]",
        "generic: [foreign ministers’ meeting, ministerial meeting]",
    )
    article = annotated(
        tmp_path,
        "NATO began the defence ministerial meeting. Georgia attended the ministerial meeting.",
        events=events,
        overrides=published("2022-04"),
    )
    # The defence ministers' is one the knowledge base lacks; the bare phrase is the foreign
    # ministers' of that month.
    assert events_of(article) == [("ministers-2022", "ministerial meeting")]
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [
        ("ministerial meeting", ())
    ]


def test_a_meeting_of_ministers_or_an_anniversarys_summit_is_the_meeting_named(
    tmp_path: Path,
) -> None:
    # Published in July 2023: "a meeting of NATO Defence Ministers" is not the Vilnius summit;
    # "its landmark 75th Anniversary Summit, held in Vilnius" is, not the anniversary.
    article = annotated(
        tmp_path,
        "This fourth meeting of NATO Defence Ministers in 2023 ended.\n\n"
        "As NATO wrapped up its landmark 75th Anniversary Summit, held in Vilnius, Georgia spoke.",
        events=EVENTS + ANNIVERSARY,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "Summit")]
    assert [r.text for r in article.unresolved_events] == ["meeting of NATO"]


def test_an_ordinal_in_figures_holds_in_words(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO marked its seventy-fifth anniversary. Georgia sent a note for the Seventy Fifth "
        "Anniversary.",
        events=ANNIVERSARY,
        overrides=published("2023-04"),
    )
    assert events_of(article) == [
        ("anniversary-2023", "seventy-fifth anniversary"),
        ("anniversary-2023", "Seventy Fifth Anniversary"),
    ]
    # Another number is another anniversary.
    other = annotated(tmp_path / "b", "NATO marked its seventieth anniversary.", events=ANNIVERSARY)
    assert events_of(other) == []


def test_a_war_begun_before_the_sentences_date_goes_on(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "On 11 July 2023 NATO pledged to help Georgia repel the Russian invasion. On 12 July "
        "2023 the crisis in Georgia was discussed.",
        events=war_named("war in Georgia", "war against Georgia", "Russian invasion"),
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("war-2021", "Russian invasion"),
        ("war-2021", "crisis in Georgia"),
    ]


def test_words_that_judge_a_war_may_stand_in_its_partys_phrase(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Georgia defends itself against Russia’s ongoing illegal and immoral invasion.\n\n"
        "China would not denounce Russia’s invasion either, nor Russia’s brutal, unprovoked "
        "invasion, nor Russia’s imperial invasion. It condemned Russia’s “illegal invasion” "
        'and Russia\'s "invasion", Russia’s shameful invasion and Russia’s illicit invasion. It '
        "decried Russia’s “barbaric” invasion.",
        events=EVENTS,
        overrides=published("2021-06"),
    )
    assert events_of(article) == [
        ("war-2021", "Russia’s ongoing illegal and immoral invasion"),
        ("war-2021", "Russia’s invasion"),
        ("war-2021", "Russia’s brutal, unprovoked invasion"),
        ("war-2021", "Russia’s imperial invasion"),
        ("war-2021", "Russia’s “illegal invasion"),
        ("war-2021", "Russia's \"invasion"),
        ("war-2021", "Russia’s shameful invasion"),
        ("war-2021", "Russia’s illicit invasion"),
        # (a judging word quoted alone)
        ("war-2021", "Russia’s “barbaric” invasion"),
    ]


def test_a_month_in_a_sentence_that_looks_ahead_is_the_next_one(tmp_path: Path) -> None:
    # Written in May 2023: "in July" of a plan is July 2023, the Vilnius summit's month; of a
    # report, July 2022.
    article = annotated(
        tmp_path,
        "Georgia aims to sign a deal before a NATO summit in July.\n\n"
        "China said in July that NATO had grown.",
        events=EVENTS,
        overrides=published("2023-05"),
    )
    assert [(d.text, d.value) for d in article.dates] == [
        ("July", PartialDate(2023, 7)),
        ("July", PartialDate(2022, 7)),
    ]
    assert events_of(article) == [("nato-2023", "NATO summit")]
    # Arrangements being made are a plan too.
    arranged = annotated(
        tmp_path / "b",
        "Arrangements are being made for Georgia's leader to attend a NATO summit in July.",
        events=EVENTS,
        overrides=published("2023-05"),
    )
    assert [(d.text, d.value) for d in arranged.dates] == [("July", PartialDate(2023, 7))]


def test_a_months_sentence_is_read_where_a_capture_glued_its_stop(tmp_path: Path) -> None:
    # "Tuesday.China": the stop that a capture glued to the next sentence still ends the one
    # that looks ahead; "in July" of the next sentence, written in May 2023, is July 2022. A
    # question that looks ahead is a sentence of its own too.
    article = annotated(
        tmp_path,
        "Georgia will sign a deal on Tuesday.China said in July that NATO had grown. Will "
        "Georgia join? China said in June that it would not.",
        events=EVENTS,
        overrides=published("2023-05"),
    )
    assert [(d.text, d.value) for d in article.dates if d.text in ("July", "June")] == [
        ("July", PartialDate(2022, 7)),
        ("June", PartialDate(2022, 6)),
    ]


FALL = """\
- id: fall-2021
  name: Fall of Kabul
  type: other
  date: "2021-08-15"
  precision: day
  place: Kabul
  participants: [georgia]
  description: A fall.
  forms: [Fall of Kabul]
"""


def test_a_summit_told_by_its_leaders_meeting_or_its_country_and_a_fall_by_its_clause(
    tmp_path: Path,
) -> None:
    events = EVENTS.replace("place: Vilnius", "place: Vilnius, Lithuania") + FALL
    article = annotated(
        tmp_path,
        "Allied leaders convened in Vilnius on 11 July. Georgia watched the meeting in "
        "Lithuania this week.\n\nIn 2022, a year after Kabul fell, NATO looked to China.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("nato-2023", "leaders convened in Vilnius"),
        ("nato-2023", "meeting in Lithuania"),
        ("fall-2021", "Kabul fell"),
    ]
    # Meeting to come, and the organisation's members by its name.
    article = annotated(
        tmp_path / "to-come",
        "This week NATO members will meet in Vilnius. Leaders will gather in Vilnius on Tuesday.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("nato-2023", "NATO members will meet in Vilnius"),
        ("nato-2023", "Leaders will gather in Vilnius"),
    ]
    # Where what they met for is named after it, that names the meeting.
    article = annotated(
        tmp_path / "for",
        "Leaders met in Vilnius, Lithuania for the NATO summit.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit")]


def test_an_invasion_of_a_neighbouring_state_and_a_city_that_had_fallen(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Georgia was hit when Russia invaded neighbouring Georgia.",
        events=WARS,
        overrides=published("2022-06"),
    )
    assert events_of(article) == [("invasion-2022", "invaded neighbouring Georgia")]
    article = annotated(
        tmp_path / "fall",
        "We woke to the news that Kabul had fallen. Now that Kabul has fallen, aid is gone, the "
        "paper said.",
        events=FALL,
        overrides=published("2021-08"),
    )
    assert events_of(article) == [
        ("fall-2021", "Kabul had fallen"),
        ("fall-2021", "Kabul has fallen"),
    ]
    # Its taking tells of it too, whoever took it; a taking of another year does not.
    article = annotated(
        tmp_path / "taken",
        "The Taliban took control of the capital, Kabul, on Sunday. After the capture of Kabul, "
        "aid stopped. Rebels had seized Kabul in 1996.",
        events=FALL,
        overrides=published("2021-08"),
    )
    assert events_of(article) == [
        ("fall-2021", "took control of the capital, Kabul"),
        ("fall-2021", "capture of Kabul"),
    ]


def test_a_meeting_held_again_and_again_is_not_one_years_after_the_text(tmp_path: Path) -> None:
    # Every foreign ministers' meeting is held in Brussels: the place does not make a text of
    # 2017 tell of April 2022's; a text of May 2022 does.
    events = MINISTERIALS + (
        "- {id: ministers-2020, name: A meeting by video, type: ministerial, date: '2020-12-01', "
        "precision: day, participants: [nato], description: d, forms: [], "
        "generic: [foreign ministers’ meeting]}\n"
    )
    body = "Georgia spoke at the end of the foreign ministers’ meeting in Brussels."
    early = annotated(tmp_path, body, events=events, overrides=published("2017-12"))
    assert events_of(early) == []
    after = annotated(tmp_path / "b", body, events=events, overrides=published("2022-05"))
    assert [event for event, _ in events_of(after)] == ["ministers-2022"]


def test_a_summit_named_by_its_two_sides_is_their_meeting(tmp_path: Path) -> None:
    # Published in July 2023: "the China-Georgia Summit Meeting" and "the US-China summit" are
    # two states' talks, not NATO's Vilnius summit, though both are states that may host one.
    article = annotated(
        tmp_path,
        "Georgia went on to hold the China-Georgia Summit Meeting in Tbilisi.\n\n"
        "Russia watched the US-China summit. The NATO summit welcomed Georgia.\n\n"
        "China saw the recent Russia-North Korea Summit Meeting.",
        events=EVENTS,
        # ("Korea" alone is South Korea, a state that may host a summit.)
        actors=ACTORS + "- {id: south-korea, name: South Korea, type: state, description: d, "
        "forms: [South Korea, Korea]}\n",
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit")]
    assert [r.text for r in article.unresolved_events] == ["Summit", "summit", "Summit"]
    # A side of two or three words: "North Korea" is not the host "Korea".
    sides = _TWO_SIDES_BEFORE.search("saw the recent Russia-North Korea ")
    assert sides is not None and sides.groups() == ("Russia", "North Korea")


def test_an_event_set_apart_as_earlier_in_the_sentence_is_not_the_other_reference(
    tmp_path: Path,
) -> None:
    # "Since last year" would date "This summit" to 2022; but the sentence sets last year's
    # summit apart as another.
    article = annotated(
        tmp_path,
        "NATO met in Vilnius.\n\nThis summit invited Japan, following last year's NATO Summit "
        "in Madrid. Since last year, NATO has courted Japan.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("nato-2023", "summit"),
        ("nato-2022", "NATO Summit in Madrid"),
    ]


def test_a_sentences_end_parts_a_dashed_name_from_the_summit_after_it(tmp_path: Path) -> None:
    # "Indo-Pacific Strategy." ends its sentence: "This summit" is not the talks of two sides.
    article = annotated(
        tmp_path,
        "NATO serves the U.S. and its Indo-Pacific Strategy. This summit invited Japan.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "summit")]


def test_a_summit_named_by_three_of_its_parties_joined_is_theirs(tmp_path: Path) -> None:
    # Published in August 2023, after NATO's Vilnius summit: the headline's parties, joined,
    # name the trilateral summit, and so single out the one "the summit" of a later paragraph
    # that names no place refers to; the last two of them are not two sides of their own.
    article = annotated(
        tmp_path,
        "United States-China-Russia summit opens\n\nAn alliance is not a goal of the summit, "
        "an aide said.",
        events=EVENTS,
        overrides=published("2023-08"),
    )
    assert events_of(article) == [
        ("trilateral-2023", "United States-China-Russia summit"),
        ("trilateral-2023", "summit"),
    ]


def test_a_conference_in_a_summits_city_is_the_summit_but_a_news_conference_is_not(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "Leaders met at the conference in Vilnius. Georgia told a news conference in Vilnius "
        "that it agreed.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "conference in Vilnius")]


def test_a_year_in_a_since_clause_begins_a_series_and_dates_no_meeting(tmp_path: Path) -> None:
    # Published in July 2025: "the NATO summit" that Georgia will attend "since it was first
    # invited in 2022" is not 2022's; no known summit is of 2025, so none is chosen.
    article = annotated(
        tmp_path,
        "It would be the fourth consecutive year that Georgia will attend the NATO summit, since "
        "it was first invited in 2022.",
        events=EVENTS,
        overrides=published("2025-07"),
    )
    assert events_of(article) == []
    # A clause of "since" that holds the reference dates it.
    article = annotated(
        tmp_path / "held",
        "Ties grew since attending the NATO summit in July 2023, Georgia said.",
        events=EVENTS,
        overrides=published("2024-03"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit")]


def test_an_anniversary_dates_the_event_it_is_of(tmp_path: Path) -> None:
    # Published in July 2023: the 74th anniversary of the first NATO summit is of one in 1949,
    # and the NATO summit of the text's other sentence is still Vilnius's.
    article = annotated(
        tmp_path,
        "Leaders at the NATO summit marked the 74th anniversary of the first NATO summit.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit")]
    assert [r.text for r in article.unresolved_events] == ["NATO summit"]
    assert article.unresolved_events[0].start > article.event_mentions[0].start


def test_those_whose_summit_it_is_name_its_party(tmp_path: Path) -> None:
    # Published in May 2023: of this year's summits, "the NATO leaders’ summit" is NATO's, not
    # the trilateral one.
    article = annotated(
        tmp_path,
        "Georgia accepted the invitation to attend this year’s NATO leaders’ summit.",
        events=EVENTS,
        overrides=published("2023-05"),
    )
    assert events_of(article) == [("nato-2023", "NATO leaders’ summit")]


def test_a_summit_told_by_its_heads_meeting_in_its_city(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "As Georgia votes, NATO heads meet in Vilnius\n\nGeorgia watched.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "heads meet in Vilnius")]


def test_a_headlines_reference_is_the_event_its_lead_names(tmp_path: Path) -> None:
    # A headline drops what would place "NATO meeting"; the lead names the summit it is about.
    article = annotated(
        tmp_path,
        "Georgia to skip NATO meeting\n\nGeorgia will not attend the NATO summit in Vilnius, "
        "its office said.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("nato-2023", "NATO meeting"),
        ("nato-2023", "NATO summit in Vilnius"),
    ]
    assert article.unresolved_events == ()


def test_military_action_against_a_state_is_a_war_on_it(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO met against the backdrop of continuing Russian military action against Georgia. "
        "Its military operations in Georgia go on.",
        events=WAR_AND_VISIT,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("war-2021", "military action against Georgia"),
        ("war-2021", "military operations in Georgia"),
    ]


def test_a_war_against_a_state_is_a_war_with_it(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Russia used the troops in its conflict with Georgia. The war with Georgia goes on. "
        "Russia spoke with Georgia.",
        events=WAR_AND_VISIT,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [
        ("war-2021", "conflict with Georgia"),
        ("war-2021", "war with Georgia"),
    ]


def test_a_war_with_a_state_without_a_determiner_may_be_one_to_come(tmp_path: Path) -> None:
    # "its member states in conflict with Georgia": the determiner is the states', not the
    # conflict's; and a bare "war with Georgia" may be feared, not fought. Words between a
    # determiner and its phrase still place it ("the long war with Georgia").
    article = annotated(
        tmp_path,
        "Russia must defend its member states in conflict with Georgia. Allies fear war with "
        "Georgia. Russia spoke of the long war with Georgia.",
        events=WAR_AND_VISIT,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("war-2021", "war with Georgia")]
    assert article.event_mentions[0].start == article.text.reading_text.rindex("war with Georgia")


def test_a_clause_that_tells_of_the_reference_dates_it(tmp_path: Path) -> None:
    # Written in March 2023: the meeting "which will take place on April 4-5, 2023" in
    # Brussels is not April 2022's there; the one "which took place on April 6, 2022" is.
    article = annotated(
        tmp_path,
        "Georgia spoke of the foreign ministers’ meeting, which will take place on April 4-5, "
        "2023 at the headquarters in Brussels.\n\nGeorgia recalled the foreign ministers’ "
        "meeting, which took place on April 6, 2022 in Brussels.",
        events=MINISTERIALS,
        overrides=published("2023-03"),
    )
    assert events_of(article) == [("ministers-2022", "foreign ministers’ meeting")]
    assert article.event_mentions[0].start > article.text.reading_text.index("recalled")
    assert [r.text for r in article.unresolved_events] == ["foreign ministers’ meeting"]


def test_since_a_year_in_a_sentence_of_repetition_begins_a_series(tmp_path: Path) -> None:
    # Written in July 2023: "annually since 2022" begins the series the summit is the latest of;
    # "since last year" alone dates what followed it.
    article = annotated(
        tmp_path,
        "Georgia’s leader is at the NATO summit. Georgia has been invited to NATO summits "
        "annually since 2022.\n\nTies with Georgia have warmed since 2022. Its leader attended "
        "the NATO summit for the first time.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2023", "NATO summit"), ("nato-2022", "NATO summit")]


def test_since_a_year_with_an_attendance_that_has_gone_on_begins_a_series(
    tmp_path: Path,
) -> None:
    # Written in 2025: "Since 2022, NATO has invited Georgia" begins a series, so "the NATO
    # summit" of the paragraph's next sentence is not 2022's (no summit of 2025 is known).
    article = annotated(
        tmp_path,
        "Since 2022, NATO has invited Georgia as an observer. Given the uncertainty, the NATO "
        "summit offers a stage for diplomacy.",
        events=EVENTS,
        overrides=published("2025-06"),
    )
    assert events_of(article) == []


def test_a_time_in_the_possessive_after_since_dates_the_reference_itself(
    tmp_path: Path,
) -> None:
    # "Following last year’s NATO summit" is the summit of last year, not a series begun then.
    article = annotated(
        tmp_path,
        "Following last year’s NATO summit, China was named. Since 2022's NATO summit, ties grew.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("nato-2022", "NATO summit"), ("nato-2022", "NATO summit")]


def test_a_phrase_naming_its_place_names_the_meeting_to_come_that_year(tmp_path: Path) -> None:
    # Written in May 2023: "the Vilnius meeting" is July's summit there; written in 2015,
    # "the Madrid meeting" is not the summit of 2022.
    article = annotated(
        tmp_path,
        "If he decides to attend the Vilnius meeting, Georgia’s leader will be there.",
        events=EVENTS,
        overrides=published("2023-05"),
    )
    assert events_of(article) == [("nato-2023", "Vilnius meeting")]
    article = annotated(
        tmp_path / "2015",
        "Georgia’s leader attended the Madrid meeting, Georgia said.",
        events=EVENTS,
        overrides=published("2015-05"),
    )
    assert events_of(article) == []


def test_a_documents_name_with_the_words_of_its_making_tells_of_its_publication(
    tmp_path: Path,
) -> None:
    actors = (
        SPELT
        + """\
- {id: pact, name: Tokyo Pact, type: document, description: d, forms: [Tokyo Pact]}
"""
    )
    events = """\
- id: pact-signing
  name: The Tokyo Pact is signed
  type: publication
  date: "2022-05-02"
  precision: day
  participants: [nato, pact]
  description: d
  forms: []
"""
    article = annotated(
        tmp_path,
        "In 2022 NATO signed a text known as the Tokyo Pact. The Tokyo Pact names China.",
        actors=actors,
        events=events,
    )
    assert events_of(article) == [("pact-signing", "Tokyo Pact")]
    assert [d.event for d in article.dates] == ["pact-signing"]


ANNIVERSARY_2024 = """\
- id: anniversary-2024
  name: NATO's 75th anniversary
  type: other
  date: "2024-04-04"
  precision: day
  participants: [nato]
  description: d
  forms: []
  generic: [75th anniversary]
"""


def test_a_sentence_that_dates_an_event_to_come_names_it(tmp_path: Path) -> None:
    # Written in March 2024: the anniversary of April is to come, and "this year" dates it.
    body = "This year marks NATO’s 75th anniversary.\n\nThe 75th anniversary of a treaty is long."
    article = annotated(tmp_path, body, events=ANNIVERSARY_2024, overrides=published("2024-03"))
    assert events_of(article) == [("anniversary-2024", "75th anniversary")]


def test_the_year_an_anniversary_counts_from_does_not_date_it_away(tmp_path: Path) -> None:
    # The founding year in the sentence is what the 75 years count from, not another time:
    # "as NATO marks its 75th anniversary ... since its creation in 1949" is 2024's; a year
    # that is neither still turns the phrase down.
    body = (
        "Partners join the talks as NATO marks its 75th anniversary in a world that has shifted "
        "since its creation in 1949.\n\nIn 1999 NATO marked its 75th anniversary, a reader wrote."
    )
    article = annotated(tmp_path, body, events=ANNIVERSARY_2024, overrides=published("2024-07"))
    assert events_of(article) == [("anniversary-2024", "75th anniversary")]
    assert article.event_mentions[0].paragraph == article.mentions[0].paragraph


def test_an_invasion_named_by_the_invaded_state(tmp_path: Path) -> None:
    events = """\
- id: invasion-2021
  name: A war
  type: other
  date: "2021-03-01"
  precision: day
  participants: [russia, georgia]
  description: A war.
  forms: [Russian invasion of Georgia]
"""
    article = annotated(
        tmp_path,
        "China is an enabler of the Georgia invasion.",
        events=events,
        overrides=published("2022-05"),
    )
    assert events_of(article) == [("invasion-2021", "Georgia invasion")]


def test_a_summit_is_a_gathering(tmp_path: Path) -> None:
    # Written in July 2023: "the NATO gathering" is Vilnius's, as "the NATO meeting" would be.
    article = annotated(
        tmp_path,
        "Japan will attend the annual NATO gathering, which opens on July 11.",
        overrides=published("2023-07"),
        events=EVENTS,
    )
    assert events_of(article) == [("nato-2023", "NATO gathering")]


def test_a_recurring_meeting_told_to_come_is_not_the_last_one_held(tmp_path: Path) -> None:
    events = """\
- id: ministers-2022
  name: Foreign ministers, April 2022
  type: ministerial
  date: "2022-04-06"
  precision: day
  participants: [nato]
  description: A meeting.
  forms: []
  generic: [foreign ministers meeting]
"""
    article = annotated(
        tmp_path,
        "Japan will attend the foreign ministers meeting next month. NATO said the "
        "foreign ministers meeting last April set goals for next year.",
        events=events,
        overrides=published("2023-01"),
    )
    # The first is one to come, which the knowledge base lacks; the second is dated last April.
    assert events_of(article) == [("ministers-2022", "foreign ministers meeting")]
    assert article.event_mentions[0].start > article.text.reading_text.index("NATO said")


def test_at_war_a_states_adjective_for_its_place_and_summits_with_years_in_brackets(
    tmp_path: Path,
) -> None:
    events = EVENTS.replace(
        "generic: [Russia-Georgia conflict, Russian invasion]",
        "generic: [Russia-Georgia conflict, Russian invasion, war with Russia, situation in "
        "Georgia]",
    )
    article = annotated(
        tmp_path,
        "NATO visited Georgia, still at war with Russia. Japan discussed the Georgian situation. "
        "Partners attended the summits in Madrid (2022) and Vilnius (2023). Japan spoke on the "
        "Georgia situation.",
        events=events,
        actors=ACTORS.replace("forms: [Georgia]}", "forms: [Georgia, Georgian]}"),
        overrides=published("2023-09"),
    )
    assert events_of(article) == [
        ("war-2021", "war with Russia"),
        ("war-2021", "Georgian situation"),
        ("nato-2022", "Madrid"),
        ("nato-2023", "Vilnius"),
        ("war-2021", "Georgia situation"),  # the state's name before the noun, as its adjective
    ]
    # At war before the war began is another war.
    article = annotated(
        tmp_path / "before",
        "In 2015 Georgia was at war with Russia.",
        events=events,
        overrides=published("2015-09"),
    )
    assert events_of(article) == []


def test_a_wars_crimes_and_a_visit_in_anothers_possessive_name_neither(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Russia’s war crimes in Georgia are manifold, in the war in Georgia. The Netherlands, "
        "Denmark and Italy’s visit to Seoul and Tokyo followed Russia’s visit to Seoul and "
        "Tokyo. Stoltenberg’s visit to Seoul and Tokyo mattered.",
        events=WAR_BY_ITS_PARTY_AND_VISIT,
        overrides=published("2023-03"),
    )
    assert events_of(article) == [
        ("war-2021", "war in Georgia"),
        ("visit-2023", "visit to Seoul and Tokyo"),
    ]
    reading = article.text.reading_text
    assert article.event_mentions[1].start > reading.index("Stoltenberg’s")


def test_a_compound_of_a_wars_noun_is_not_the_war(tmp_path: Path) -> None:
    # "the war dead" and "Russia’s war games" are its dead and an exercise; "the war" after
    # them is the war again.
    article = annotated(
        tmp_path,
        "Russia’s war in Georgia began. Veterans honoured the war dead. Russia’s war games "
        "alarmed NATO. The war went on.",
        events=WAR_BY_ITS_PARTY_AND_VISIT,
        overrides=published("2023-03"),
    )
    assert events_of(article) == [("war-2021", "war in Georgia"), ("war-2021", "war")]
    reading = article.text.reading_text
    assert article.event_mentions[1].start == reading.index("war went")


def test_a_partys_phrase_with_its_year_in_the_partys_place_names_the_event(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "After the 2021 war, Georgia rebuilt. Japan’s 2021 war plans leaked. Russia’s 2021 war "
        "ended. The 2019 war was another.",
        events=WAR_BY_ITS_PARTY_AND_VISIT,
        overrides=published("2023-03"),
    )
    # Another's possessive before the year makes the phrase that party's, and another year
    # another war.
    assert events_of(article) == [("war-2021", "2021 war"), ("war-2021", "Russia’s 2021 war")]


def test_a_weapon_named_after_an_assault_is_not_the_war(tmp_path: Path) -> None:
    events = war_named("war in Georgia", "Russian assault", "Russian attack")
    article = annotated(
        tmp_path,
        "Georgia bought Russian assault rifles and Russian attack helicopters. The Russian "
        "assault began.",
        events=events,
        overrides=published("2023-07"),
    )
    assert events_of(article) == [("war-2021", "Russian assault")]
    reading = article.text.reading_text
    assert article.event_mentions[0].start == reading.index("Russian assault began")


def test_a_policys_turn_is_told_by_each_noun_and_way_of_turning(tmp_path: Path) -> None:
    # The event's form "US pivot to Asia", told as the US's shift toward Asia and its rebalancing
    # towards it.
    article = annotated(
        tmp_path,
        "NATO watched the US shift toward Asia. Europe feared the US rebalancing towards Asia, "
        "and a shift to Mars.",
        events=PIVOT,
        overrides=published("2012-05"),
    )
    assert events_of(article) == [
        ("pivot-2011", "US shift toward Asia"),
        ("pivot-2011", "US rebalancing towards Asia"),
    ]


def test_an_occasion_held_for_an_anniversary_and_a_summit_ahead_after_past_ones(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "NATO marked its 75th anniversary. Ministers attended the 75th anniversary dinner.",
        events=ANNIVERSARY,
        overrides=published("2023-04"),
    )
    assert events_of(article) == [("anniversary-2023", "75th anniversary")]
    # "will attend ... the summit": not the one of two years before that the paragraph before
    # named last, but the one to come.
    ahead = annotated(
        tmp_path / "ahead",
        "The NATO summit in Vilnius this July will welcome partners.\n\n"
        "The 2022 summit in Madrid had a wider group.\n\n"
        "Ministers will attend events on the sidelines of the summit.",
        events=NATO_SUMMITS,
        overrides=published("2023-06"),
    )
    assert events_of(ahead) == [
        ("nato-2023", "NATO summit in Vilnius"),
        ("nato-2022", "2022 summit in Madrid"),
        ("nato-2023", "summit"),
    ]


def test_a_datelines_date_is_the_filings_not_its_sentences_events(tmp_path: Path) -> None:
    body = (
        "BRUSSELS, April 5 (Wire) -- Georgia will attend the foreign ministers’ meeting to be "
        "held in Brussels."
    )
    article = annotated(tmp_path / "a", body, events=MINISTERS, overrides=published("2022-04"))
    assert events_of(article) == [("ministers-2022", "foreign ministers’ meeting")]
    # Inside the sentence, the same date is the meeting's: none of 6 and 7 April.
    inside = "Georgia will attend the foreign ministers’ meeting in Brussels on April 5."
    article = annotated(tmp_path / "b", inside, events=MINISTERS, overrides=published("2022-04"))
    assert events_of(article) == []


def test_a_state_in_a_list_of_parties_is_not_where_a_summit_was(tmp_path: Path) -> None:
    # The summit of 2006 was held in Latvia. In 2025, "Latvia" among six states that announced
    # something names a party, not the place of "the NATO Summit": no known summit fits, so the
    # reference is left undecided; a list after "in" is one of places ("in Estonia, Latvia and
    # Lithuania"), and a state alone is a place as before.
    events = EVENTS + (
        "- {id: riga-2006, name: 'NATO Summit, Riga', type: summit, date: '2006-11-28', "
        "precision: day, place: 'Riga, Latvia', participants: [nato], description: d, "
        "forms: [], generic: [NATO summit, summit]}\n"
    )
    listed = (
        "Six Allies—Estonia, Finland, Italy, Latvia, the Netherlands, and Sweden—announced "
        "new ranges. The plan is set to be endorsed at the NATO Summit."
    )
    article = annotated(tmp_path / "a", listed, events=events, overrides=published("2025-06"))
    assert events_of(article) == []
    assert [r.text for r in article.unresolved_events] == ["NATO Summit"]
    for number, placed in enumerate(
        [
            "Leaders met in Estonia, Latvia and Lithuania. The NATO Summit ended.",
            "Leaders met in Latvia. The NATO Summit ended.",
        ]
    ):
        article = annotated(
            tmp_path / str(number), placed, events=events, overrides=published("2006-12")
        )
        assert events_of(article) == [("riga-2006", "NATO Summit")], placed


def test_a_state_that_acts_is_not_where_a_summit_was(tmp_path: Path) -> None:
    # In 2008, "Latvia will raise the issue at the NATO Summit": Latvia acts, a party to what is
    # told; it does not make the summit the one held there in 2006. Where it hosts, or stands
    # after "in", it is the place.
    events = EVENTS + (
        "- {id: riga-2006, name: 'NATO Summit, Riga', type: summit, date: '2006-11-28', "
        "precision: day, place: 'Riga, Latvia', participants: [nato], description: d, "
        "forms: [], generic: [NATO summit, summit]}\n"
        "- {id: bucharest-2008, name: 'NATO Summit, Bucharest', type: summit, date: '2008-04-02', "
        "precision: day, place: 'Bucharest, Romania', participants: [nato], description: d, "
        "forms: [], generic: [NATO summit, summit]}\n"
    )
    acting = "Estonia and Latvia will raise the issue at the NATO Summit, officials said."
    article = annotated(tmp_path / "a", acting, events=events, overrides=published("2008-06"))
    assert "riga-2006" not in [event for event, _ in events_of(article)]
    for number, placed in enumerate(
        [
            "Latvia will host the NATO Summit, officials said.",
            "The NATO Summit in Latvia was a success, officials said.",
        ]
    ):
        article = annotated(
            tmp_path / str(number), placed, events=events, overrides=published("2008-06")
        )
        assert [event for event, _ in events_of(article)] == ["riga-2006"], placed


def test_a_summit_with_a_leader_or_of_another_named_body_is_another_meeting(
    tmp_path: Path,
) -> None:
    # In July 2023: "the summit with Dutch Prime Minister Ana Lee" is the two leaders' meeting,
    # and "the summit of the European Political Community" another body's (its first word alone
    # is a region's form). Going to the summit with a leader ("invited to this summit with
    # President Lee"), and a summit of leaders or of a body that holds NATO's name are NATO's.
    others = (
        "Georgia went to the NATO summit in Vilnius. In the summit with Dutch Prime Minister Ana "
        "Lee, it spoke of chips. Lee said so before the summit of the European Political "
        "Community in Budapest."
    )
    article = annotated(tmp_path / "a", others, events=EVENTS, overrides=published("2023-07"))
    assert events_of(article) == [("nato-2023", "NATO summit in Vilnius")]
    nato = (
        "Georgia went to the NATO summit in Vilnius. It was invited to this summit with President "
        "Lee. The summit of Heads of State and Government ended, as did the summit of the "
        "US-led NATO alliance."
    )
    article = annotated(tmp_path / "b", nato, events=EVENTS, overrides=published("2023-07"))
    assert [event for event, _ in events_of(article)] == ["nato-2023"] * 4


def test_a_summit_of_another_body_leaves_the_texts_later_summit_undecided(
    tmp_path: Path,
) -> None:
    # Written in July 2023: the text told of another body's summit, which no known event is, so
    # "this year’s summit" and "last week’s summit" may be that one; a text that told of NATO's
    # summit keeps it.
    article = annotated(
        tmp_path,
        "Leaders gathered in Astana for the annual summit of the Shanghai Cooperation "
        "Organization.\n\nThis year’s summit welcomed Belarus. A plan was adopted at last week’s "
        "summit.\n\nNATO leaders met at the NATO summit in Vilnius. This year’s summit welcomed "
        "Finland.",
        events=EVENTS,
        overrides=published("2023-07"),
    )
    reading = article.text.reading_text
    assert events_of(article) == [("nato-2023", "NATO summit in Vilnius"), ("nato-2023", "summit")]
    assert article.event_mentions[-1].start == reading.rindex("summit")
    assert [r.start for r in article.unresolved_events] == [
        reading.index("summit"),
        reading.index("summit welcomed Belarus"),
        reading.index("summit.\n\nNATO"),
    ]


def test_their_summit_after_a_leader_and_a_counterpart_is_their_own(tmp_path: Path) -> None:
    # "between Yoon and his Polish counterpart ... during their summit": the two leaders'
    # meeting, not the NATO summit they attend; "at their summit" of a leader and his
    # counterparts, all of them, may be.
    article = annotated(
        tmp_path,
        "Yoon is in Madrid for the NATO summit.\n\nAn aide spoke of a talk between Yoon and his "
        "Polish counterpart, Andrzej Duda, during their summit earlier in the day.",
        events=EVENTS,
        overrides=published("2022-06"),
    )
    assert events_of(article) == [("nato-2022", "NATO summit")]
    assert [r.text for r in article.unresolved_events] == ["summit"]


def test_a_summit_held_in_a_building_is_not_held_elsewhere(tmp_path: Path) -> None:
    # Written in July 2023: "at the Litexpo Exhibition Centre" is a building in some city, not
    # another city; "in Riga", where no summit is known, is.
    building, city = (
        annotated(
            tmp_path / where,
            f"Leaders met at the NATO summit {where}.",
            events=EVENTS,
            overrides=published("2023-07"),
        )
        for where in ("at the Litexpo Exhibition Centre", "in Riga")
    )
    assert events_of(building) == [("nato-2023", "NATO summit")]
    assert events_of(city) == []
    assert [r.text for r in city.unresolved_events] == ["NATO summit"]
