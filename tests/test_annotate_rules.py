"""The annotator's rules on made-up sentences: context that blocks a match, generic event
references, the article's own mentions, the knowledge base's names, and dates."""

from __future__ import annotations

from pathlib import Path

from corpus_factory import SETTINGS, write_corpus
from natocorpus.build import annotate
from natocorpus.config import make_config
from natocorpus.diagnostics import Diagnostic
from natocorpus.load.knowledge import name_problem
from natocorpus.model import AnnotatedArticle, PartialDate
from support import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "templates"

ACTORS = """\
- {id: nato, name: NATO, type: alliance, description: d, forms: [NATO]}
- {id: china, name: China, type: state, description: d, forms: [China, Chinese]}
- {id: russia, name: Russia, type: state, description: d, forms: [Russia, Russian]}
- id: usa
  name: United States
  type: state
  description: d
  forms: [United States, American, {text: Washington, unless_after: [in]}]
- {id: georgia, name: Georgia, type: state, description: d, forms: [Georgia]}
- {id: europe, name: Europe, type: region, description: d, forms: [Europe, European]}
- {id: asia, name: Asia, type: region, description: d, forms: [Asia, Asian]}
- {id: east-asia, name: East Asia, type: region, description: d, forms: [East Asia, the East]}
- {id: south-china, name: South China, type: region, description: d, forms: [South China]}
- id: foreign-affairs
  name: Foreign Affairs
  type: institution
  description: A journal.
  forms: [Foreign Affairs]
- {id: blitz, name: BLiTZ, type: institution, description: d, forms: [BLiTZ, Blitz]}
- id: nato-secretary-general
  name: Secretary General of NATO
  type: institution
  description: The office.
  forms: [Secretary General, NATO Secretary General]
- {id: jens-stoltenberg, name: Jens Stoltenberg, type: person, description: d, forms: [Stoltenberg]}
- id: concept-1999
  name: Strategic Concept 1999
  type: document
  description: d
  forms: [Strategic Concept 1999]
"""

SUMMITS = """\
- id: madrid-2022
  name: NATO Summit, Madrid
  type: summit
  date: "2022-06-28"
  precision: day
  end_date: "2022-06-30"
  place: Madrid
  description: A summit.
  forms: [Madrid Summit]
  generic: [NATO summit, summit]
- id: vilnius-2023
  name: NATO Summit, Vilnius
  type: summit
  date: "2023-07-11"
  precision: day
  end_date: "2023-07-12"
  place: Vilnius
  description: A summit.
  forms: []
  generic: [NATO summit, summit]
- id: dialogue-1990
  name: A dialogue begins
  type: other
  date: "1990"
  precision: year
  description: Contacts begin.
  forms: []
"""


def run(
    tmp_path: Path,
    body: str,
    *,
    settings: str = SETTINGS,
    events: str = SUMMITS,
    actors: str = ACTORS,
    overrides: dict[str, str] | None = None,
) -> tuple[AnnotatedArticle | None, tuple[Diagnostic, ...]]:
    plain = body.replace("## ", "")  # the capture has no Markdown
    words = plain.split()
    corpus_dir = write_corpus(
        tmp_path,
        body,
        quotes=(" ".join(words[:2]), " ".join(words[2:4])),
        capture_body=plain,
        actors=actors,
        events=events,
        settings=settings,
        overrides=overrides,
    )
    corpus, diagnostics = annotate(make_config(corpus_dir, TEMPLATES, tmp_path / "site"))
    return (corpus.articles[0] if corpus is not None else None), diagnostics


def annotated(tmp_path: Path, body: str, **kwargs: object) -> AnnotatedArticle:
    article, diagnostics = run(tmp_path, body, **kwargs)  # type: ignore[arg-type]
    assert article is not None, [str(d) for d in diagnostics]
    return article


def actors_of(article: AnnotatedArticle) -> list[tuple[str, str]]:
    return [(m.actor, m.text) for m in article.mentions]


def events_of(article: AnnotatedArticle) -> list[tuple[str, str]]:
    return [(m.event, m.text) for m in article.event_mentions]


# Context that blocks a match -------------------------------------------------------------


def test_a_not_actors_phrase_blocks_the_forms_inside_it(tmp_path: Path) -> None:
    settings = SETTINGS + "not_actors:\n  - {text: Georgia Tech, reason: a university}\n"
    article = annotated(
        tmp_path, "Students of Georgia Tech met. Georgia objected.", settings=settings
    )
    assert actors_of(article) == [("georgia", "Georgia")]
    assert article.mentions[0].start == article.text.reading_text.index("Georgia objected")


def test_a_blocking_phrase_that_begins_inside_a_form_turns_it_down(tmp_path: Path) -> None:
    settings = SETTINGS + "not_actors:\n  - {text: China Sea, reason: a sea}\n"
    article = annotated(
        tmp_path, "Ships sail the South China Sea. South China grows.", settings=settings
    )
    assert actors_of(article) == [("south-china", "South China")]


def test_an_institution_named_by_ordinary_words_inside_a_longer_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Ministry of Foreign Affairs of China spoke. The House Foreign Affairs Committee "
        "met. The London Blitz of 1940 ended. The Vice-Minister for Foreign Affairs of China "
        "spoke. Foreign Affairs and Blitz reported it.",
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("china", "China"),
        ("foreign-affairs", "Foreign Affairs"),
        ("blitz", "Blitz"),
    ]


def test_an_institution_named_by_ordinary_words_as_the_second_portfolio_of_a_ministry(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "Officials of the Ministries of Defence and Foreign Affairs of China met. The Minister "
        "for Trade and Foreign Affairs spoke. Defence and Foreign Affairs reported it.",
    )
    assert actors_of(article) == [("china", "China"), ("foreign-affairs", "Foreign Affairs")]


def test_an_offices_title_after_an_institution_named_by_ordinary_words(tmp_path: Path) -> None:
    # A body's chair is its own office; a secretary after words that name no body is a
    # portfolio's: the journal's name is not there.
    actors = ACTORS + (
        "- {id: military-committee, name: Military Committee, type: institution, "
        "description: d, forms: [Military Committee]}\n"
    )
    article = annotated(
        tmp_path,
        "Foreign Affairs Secretary Maria Santos met the Military Committee Chair. "
        "Foreign Affairs Spokesperson Ana Cruz spoke; Foreign Affairs reported it.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("military-committee", "Military Committee"),
        ("foreign-affairs", "Foreign Affairs"),
    ]
    # The office or the body in lower case after the portfolio is the portfolio's too.
    article = annotated(
        tmp_path / "lower",
        "Labour's Foreign Affairs spokesman spoke, and the Foreign Affairs committee met. "
        "The Foreign Affairs editors wrote.",
        actors=actors,
    )
    assert actors_of(article) == [("foreign-affairs", "Foreign Affairs")]


def test_an_institutions_head_opens_a_longer_name_in_a_title_case_heading_too(
    tmp_path: Path,
) -> None:
    # Capitals prove nothing in a heading in title case, but "Ministers of" still does.
    article = annotated(
        tmp_path,
        "## Meeting of NATO Ministers of Foreign Affairs With Asian Partners\n\n"
        "## Foreign Affairs Reviews the Alliance and Its Partners\n\nNATO met.",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("asia", "Asian"),
        ("foreign-affairs", "Foreign Affairs"),
        ("nato", "NATO"),
    ]


def test_a_names_common_noun_capitalised_is_the_same_name(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: peninsula, name: Korean peninsula, type: region, description: d, "
        "forms: [Korean peninsula]}\n"
        "- {id: partners, name: Asian partners, type: grouping, description: d, "
        "forms: [Asian partners]}\n"
    )
    article = annotated(
        tmp_path,
        "Tension on the Korean Peninsula grew. NATO, Asian Partners Get Closer. The Korean "
        "peninsula is calm; our Asian partners agree.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("peninsula", "Korean Peninsula"),
        ("nato", "NATO"),
        ("partners", "Asian Partners"),
        ("peninsula", "Korean peninsula"),
        ("partners", "Asian partners"),
    ]


def test_a_portfolio_listed_before_an_institutions_head_is_part_of_its_name(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "She chairs the Foreign Affairs, Defence and Trade Select Committee. Foreign Affairs, "
        "the journal, and the Department for Policy Studies, China, wrote. "
        "He met Georgia’s Foreign Affairs and Cooperation Minister, Ana Lee, there.",
        actors=ACTORS
        + "- {id: dps, name: Department for Policy Studies, type: institution, description: d, "
        "forms: [Department for Policy Studies]}\n",
    )
    assert actors_of(article) == [
        ("foreign-affairs", "Foreign Affairs"),
        ("dps", "Department for Policy Studies"),
        ("china", "China"),
        ("georgia", "Georgia"),
    ]


def test_an_office_before_a_person_and_another_title_is_no_portfolio_in_a_list(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "NATO Secretary General Anders Fogh Rasmussen and Chinese Prime Minister Li Qiang met. "
        "He saw the NATO Secretary General, Mr Jens Stoltenberg, and NATO Defence Ministers.",
    )
    # (The title before the name set off by commas is the person's, not the office.)
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("china", "Chinese"),
        ("nato", "NATO"),
        ("jens-stoltenberg", "Stoltenberg"),
        ("nato", "NATO"),
    ]


def test_an_organisations_common_noun_after_another_name_is_another(tmp_path: Path) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, Alliance, AUKUS, Aukus]}")
    article = annotated(
        tmp_path,
        "The Anglo-Russian Alliance of 1907 and an East Asian Alliance are not NATO. A new "
        "Alliance strategy and the Anglo-American Aukus pact are. The EUTOPIA Alliance of "
        "universities is not; the NATO Alliance is. Nor is the Labour-Alliance coalition.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("russia", "Russian"),
        ("nato", "NATO"),
        ("nato", "Alliance"),
        ("usa", "American"),
        ("nato", "Aukus"),
        ("nato", "NATO"),
        ("nato", "Alliance"),
    ]


def test_an_organisations_common_noun_after_words_no_form_names_is_another(
    tmp_path: Path,
) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, Alliance]}")
    article = annotated(
        tmp_path,
        "Australia is in the “Five Eyes Alliance”. The webinar “Transformation of Quad into a "
        "Military Alliance” met. The Alliance met; Alliance members spoke. Can Alliance members "
        "act? China watched the NATO Alliance, the NATO (Northern Alliance Treaty "
        "Organization).",
        actors=actors,
    )
    assert actors_of(article) == [
        ("nato", "Alliance"),
        ("nato", "Alliance"),
        ("nato", "Alliance"),
        ("china", "China"),
        ("nato", "NATO"),
        ("nato", "Alliance"),
        ("nato", "NATO"),
        ("nato", "Alliance"),
    ]


def test_an_organisations_common_noun_after_a_pacts_parties_is_the_pacts(tmp_path: Path) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, Alliance]}")
    article = annotated(
        tmp_path,
        "Japan acts within the China-Russia Security Alliance, and Georgia within the NATO "
        "Military Alliance.",
        actors=actors,
    )
    # Two names joined make a pact's parties; its own name makes the form its own.
    assert actors_of(article) == [
        ("china", "China"),
        ("russia", "Russia"),
        ("georgia", "Georgia"),
        ("nato", "NATO"),
        ("nato", "Alliance"),
    ]


def test_a_common_noun_named_for_what_it_is_on_and_an_office_of_another_body(
    tmp_path: Path,
) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, Alliance]}")
    article = annotated(
        tmp_path,
        "He attended the Inter-Parliamentary Alliance on China meeting. The Alliance agreed. "
        "The Ruritanian Treaty Association’s own Secretary General spoke, and so did NATO’s "
        "Secretary General.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("china", "China"),
        ("nato", "Alliance"),
        ("nato", "NATO"),
        ("nato-secretary-general", "Secretary General"),
    ]
    assert article.mentions[1].start == article.text.reading_text.index("Alliance agreed")


def test_a_common_noun_named_for_whom_it_is_made_with_is_another_body(tmp_path: Path) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, Alliance]}")
    article = annotated(
        tmp_path, "NATO met Japan, which relied upon its Alliance with the US.", actors=actors
    )
    assert [m.text for m in article.mentions if m.actor == "nato"] == ["NATO"]
    # "with" and a lower-case word: NATO.
    article = annotated(
        tmp_path / "b", "NATO met Japan. The Alliance met with its partners.", actors=actors
    )
    assert actors_of(article) == [("nato", "NATO"), ("nato", "Alliance")]


def test_a_common_noun_named_for_what_it_is_of_is_another_body(tmp_path: Path) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, Alliance]}")
    article = annotated(
        tmp_path,
        "NATO met. He chairs the Alliance of Democracies Foundation. The Alliance of 32 agreed.",
        actors=actors,
    )
    assert actors_of(article) == [("nato", "NATO"), ("nato", "Alliance")]
    assert article.mentions[1].start == article.text.reading_text.index("Alliance of 32")
    # and with its article: "the Alliance" is the same common noun
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, the Alliance]}")
    article = annotated(
        tmp_path / "b",
        "NATO met. He chairs the Alliance of Democracies Foundation. Then the Alliance agreed.",
        actors=actors,
    )
    assert actors_of(article) == [("nato", "NATO"), ("nato", "the Alliance")]
    assert article.mentions[1].start == article.text.reading_text.index("the Alliance agreed")


def test_in_a_title_case_heading_another_name_before_a_common_noun_makes_another(
    tmp_path: Path,
) -> None:
    actors = ACTORS.replace("forms: [NATO]}", "forms: [NATO, Alliance]}")
    article = annotated(
        tmp_path,
        "## The Role of Asian Powers in the American Alliance System\n\n"
        "## NATO Alliance Leaders Meet in Washington\n\nNATO met.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("asia", "Asian"),
        ("usa", "American"),
        ("nato", "NATO"),
        ("nato", "Alliance"),
        ("nato", "NATO"),
    ]


def test_a_hyphen_between_a_names_capitalised_words_may_be_a_space(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: partners, name: Asia-Pacific partners, type: grouping, description: d, "
        "forms: [Asia-Pacific partners]}\n"
    )
    article = annotated(
        tmp_path, "NATO met its Asia Pacific partners and Asia-Pacific partners.", actors=actors
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("partners", "Asia Pacific partners"),
        ("partners", "Asia-Pacific partners"),
    ]


def test_a_date_or_a_word_of_time_before_a_name_is_no_qualifier(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "On 11 July Chinese President Xi spoke. New NATO Secretary General Mark Rutte replied, "
        "and the Chinese Acting Director agreed.",
    )
    assert actors_of(article) == [("china", "Chinese"), ("nato", "NATO"), ("china", "Chinese")]


def test_a_body_before_its_officers_title_is_named(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: committee, name: NATO Military Committee, type: institution, description: d, "
        "forms: [NATO Military Committee]}\n"
    )
    article = annotated(
        tmp_path,
        "NATO Military Committee Chair Rob Bauer spoke. The NATO Military Committee Report "
        "came out.",
        actors=actors,
    )
    # A capitalised word that is no title still makes a longer name: "... Committee Report".
    assert actors_of(article) == [("committee", "NATO Military Committee")]


def test_a_compass_word_or_a_web_address_makes_another_name(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: rok, name: South Korea, type: state, description: d, forms: [South Korea, Korea]}\n"
    )
    article = annotated(
        tmp_path,
        "North Korea, Russia-North Korea ties and N. Korea worry South Korea and Korea, says "
        "Korea.net today.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("russia", "Russia"),
        ("rok", "South Korea"),
        ("rok", "Korea"),
    ]


def test_a_group_named_by_where_it_is_beside_another_body(tmp_path: Path) -> None:
    actors = ACTORS + (
        "- {id: partners, name: Asia-Pacific partners, type: grouping, description: d, "
        "forms: [partners in the Asia-Pacific, Asia-Pacific partners]}\n"
    )
    article = annotated(
        tmp_path,
        "NATO works with partners in the Asia-Pacific and the EU, with partners in the "
        "Asia-Pacific and Europe, and with Asia-Pacific partner countries and other Asia "
        "Pacific partner nations.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("partners", "partners in the Asia-Pacific"),
        ("europe", "Europe"),
        ("partners", "Asia-Pacific partner countries"),
        # (its nouns and its hyphen as a space both ways at once)
        ("partners", "Asia Pacific partner nations"),
    ]


def test_names_in_a_text_written_in_lower_case_are_found_in_any_case(tmp_path: Path) -> None:
    # Machine captions: names in lower case, other words capitalised at random.
    captions = (
        "we welcome the Security Partners of nato in asia: china, russia and georgia. the "
        "Available Online report of the united states is out."
    )
    article = annotated(tmp_path, captions)
    assert actors_of(article) == [
        ("nato", "nato"),
        ("asia", "asia"),
        ("china", "china"),
        ("russia", "russia"),
        ("georgia", "georgia"),
        ("usa", "united states"),
    ]
    # A text with its names in capitals keeps its lower-case words as words.
    edited = annotated(tmp_path / "b", "China met NATO. The china shop and the georgia peach.")
    assert actors_of(edited) == [("china", "China"), ("nato", "NATO")]


# Georgia's plan, agreed with NATO: a document whose generic title every partner's has.
ACTORS_WITH_A_PLAN = ACTORS + (
    "- {id: plan, name: NATO-Georgia Partnership Plan, type: document, description: d, "
    "forms: [Partnership Plan]}\n"
)
EVENTS_WITH_A_PLAN = SUMMITS + (
    "- {id: plan-2023, name: The plan agreed, type: publication, date: '2023-07-12', "
    "precision: day, participants: [nato, georgia, plan], description: d, forms: []}\n"
)


def test_a_states_document_by_its_generic_title_is_of_the_state_named_with_it(
    tmp_path: Path,
) -> None:
    # Every partner has a "Partnership Plan": the known one is Georgia's.
    article = annotated(
        tmp_path,
        "Georgia signed its Partnership Plan. China wants a Partnership Plan too.\n\n"
        "The Partnership Plan between NATO and Georgia grows.",
        actors=ACTORS_WITH_A_PLAN,
        events=EVENTS_WITH_A_PLAN,
    )
    assert [m.start for m in article.mentions if m.actor == "plan"] == [
        article.text.reading_text.index("Partnership Plan"),
        article.text.reading_text.index("The Partnership Plan") + 4,
    ]


def test_a_states_document_by_its_generic_title_is_of_the_state_its_paragraph_names(
    tmp_path: Path,
) -> None:
    # The first paragraph ends on Georgia. The second names China after the title, so Georgia
    # does not say whose it is; the third names no state, so the last state named says it.
    article = annotated(
        tmp_path,
        "The President of Moldova met the leader of Georgia.\n\n"
        "The President left with a new Partnership Plan of his own. His talks in China went "
        "well too.\n\n"
        "Georgia, for its part, renewed its ties.\n\nThe Partnership Plan runs to 2026.",
        actors=ACTORS_WITH_A_PLAN,
        events=EVENTS_WITH_A_PLAN,
    )
    assert [m.start for m in article.mentions if m.actor == "plan"] == [
        article.text.reading_text.rindex("Partnership Plan")
    ]


def test_a_place_after_another_bodys_head_and_of_closes_its_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "She works at Friends of Europe and the Democratic Party of Georgia. The Government of "
        "Georgia and President Kowalski of Georgia met. Parts of Europe agreed.",
    )
    assert actors_of(article) == [
        ("georgia", "Georgia"),
        ("georgia", "Georgia"),
        ("europe", "Europe"),
    ]
    assert article.mentions[0].start == article.text.reading_text.index("Georgia and")


def test_a_region_before_a_clubs_name_or_after_trans_and_a_formal_name_in_a_heading(
    tmp_path: Path,
) -> None:
    actors = ACTORS + (
        "- {id: rok, name: South Korea, type: state, description: d, "
        "forms: [South Korea, Republic of Korea]}\n"
    )
    article = annotated(
        tmp_path,
        "## Statement On the Democratic People’s Republic of Korea\n\n"
        "## NATO Welcomes the Republic of Korea as a Partner\n\n"
        "Trans Asia leaders met at the Asia Club. Asia grew, said the Minister of State for "
        "Foreign Affairs.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("rok", "Republic of Korea"),
        ("asia", "Asia"),
    ]


def test_a_formal_name_without_its_qualifier_is_another_state(tmp_path: Path) -> None:
    actors = ACTORS.replace(
        "forms: [China, Chinese]}", "forms: [China, Chinese, People’s Republic of China]}"
    ) + (
        "- id: congo\n  name: Democratic Republic of the Congo\n  type: state\n"
        "  description: d\n  forms: [Democratic Republic of the Congo, Congo]\n"
    )
    article = annotated(
        tmp_path,
        "The Republic of China (Taiwan) and the People’s Republic of China met NATO. So did "
        "the Republic of the Congo, but not Congo, nor the Peoples Republic of China.",
        actors=actors,
    )
    assert actors_of(article) == [
        ("china", "People’s Republic of China"),
        ("nato", "NATO"),
        ("congo", "Congo"),
        ("china", "China"),
    ]


def test_an_office_with_another_qualifier_is_another_office(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "UN Secretary General Antonio Guterres spoke. NATO Deputy Secretary General Mircea "
        "Geoana spoke. Secretary General Stoltenberg replied, as did the NATO Secretary General.",
    )
    # "Secretary General Stoltenberg": the title of the person named, not the office.
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("jens-stoltenberg", "Stoltenberg"),
        ("nato", "NATO"),
        ("nato-secretary-general", "Secretary General"),
    ]


def test_an_office_named_with_its_organisation_names_both(tmp_path: Path) -> None:
    # The office's forms hold NATO's name; NATO is named there as anywhere else, and the office
    # only where no person's name follows its title.
    article = annotated(
        tmp_path,
        "NATO Secretary General Jan Kowalski met the press. Later the Secretary General of NATO "
        "spoke, and so did the NATO Secretary General Kowalski.",
        actors=ACTORS.replace(
            "forms: [Secretary General, NATO Secretary General]",
            "forms: [Secretary General, NATO Secretary General, Secretary General of NATO]",
        ),
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("nato-secretary-general", "Secretary General"),
        ("nato", "NATO"),
        ("nato", "NATO"),
    ]
    reading = article.text.reading_text
    assert [m.start for m in article.mentions][1:3] == [
        reading.index("Secretary General of"),
        reading.index("NATO spoke"),
    ]


def test_an_offices_title_beside_its_holders_name_however_it_is_set_off(tmp_path: Path) -> None:
    # The holder named before "the (new) title", after the organisation's acronym, after words
    # of address or as a handle, with a name's particles: the title of the person, not the
    # office. A state named before the comma is no holder: there the office speaks.
    article = annotated(
        tmp_path,
        "Jan Kowalski, the new Secretary General of NATO, spoke. The NATO Secretary General, "
        "Piet van der Berg, replied. The Secretary General of NATO (NATO), H.E. Mr. Lars Holm "
        "to visit Georgia. Readers of NATO Secretary General @annanowak agree. With Russia, "
        "the Secretary General spoke.",
        actors=ACTORS.replace(
            "forms: [Secretary General, NATO Secretary General]",
            "forms: [Secretary General, NATO Secretary General, Secretary General of NATO]",
        ),
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("georgia", "Georgia"),
        ("nato", "NATO"),
        ("russia", "Russia"),
        ("nato-secretary-general", "Secretary General"),
    ]


def test_an_offices_title_with_its_body_between_it_and_its_holder_or_after_a_copula(
    tmp_path: Path,
) -> None:
    # "of" and the body whose office it is may stand between the title and the holder's name;
    # a holder named as the subject of "is the ..." is what the title says. Where no name
    # follows or comes before, the office speaks, and so it does in "his first visit as ...".
    article = annotated(
        tmp_path,
        "Kishida met the Secretary General of the bloc Jan Kowalski. The Secretary General of "
        "NATO Piet Holm replied. Jan Kowalski is the Secretary General of NATO. The Secretary "
        "General of NATO spoke. It was his first visit as Secretary General of the alliance.",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("nato", "NATO"),
        ("nato-secretary-general", "Secretary General"),
        ("nato", "NATO"),
        ("nato-secretary-general", "Secretary General"),
    ]


def test_an_adjective_before_a_capitalised_noun_that_makes_another_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Chinese Mission to the European Union spoke. The East German state fell. "
        "The Chinese Embassy and European NATO allies agree, and so does the East. European "
        "Allies and Canada spend more.",
    )
    # "Allies", as NATO capitalises its members, is no name's word: the European ones.
    assert actors_of(article) == [
        ("china", "Chinese"),
        ("china", "Chinese"),
        ("europe", "European"),
        ("nato", "NATO"),
        ("east-asia", "the East"),
        ("europe", "European"),
    ]


def test_a_states_adjective_before_its_parliaments_body_is_the_state(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Chinese Parliamentary Delegation met NATO. The Russian Orthodox Church did not.",
    )
    assert actors_of(article) == [("china", "Chinese"), ("nato", "NATO")]


def test_hyphenated_compounds(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "The Asian-Pacific region grows. Russian-Chinese ties and China-led plans grow."
    )
    assert actors_of(article) == [
        ("russia", "Russian"),
        ("china", "Chinese"),
        ("china", "China"),
    ]


def test_a_qualifier_before_an_adjective_makes_another_region(tmp_path: Path) -> None:
    article = annotated(tmp_path, "Latin American states and the American one differ.")
    assert actors_of(article) == [("usa", "American")]


def test_a_word_of_rank_or_number_opening_a_sentence_is_no_qualifier(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Top Chinese officials objected. Senior Russian diplomats agreed. Latin American "
        "states did not.",
    )
    assert actors_of(article) == [("china", "Chinese"), ("russia", "Russian")]


def test_a_determiner_or_quantity_opening_a_sentence_is_no_qualifier(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Such American pressure grew. Another Russian attack came. More Chinese ships sailed. "
        "Various European allies agreed. Latin American states did not. Neither Chinese nor "
        "Russian ships came. Whatever American leaders say, Perhaps Chinese leaders know.",
    )
    assert actors_of(article) == [
        ("usa", "American"),
        ("russia", "Russian"),
        ("china", "Chinese"),
        ("europe", "European"),
        ("china", "Chinese"),
        ("russia", "Russian"),
        ("usa", "American"),
        ("china", "Chinese"),
    ]


def test_a_word_of_weight_opening_a_sentence_is_no_qualifier(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Major Chinese companies objected. Key Russian allies agreed. Latin American states did "
        "not.",
    )
    assert actors_of(article) == [("china", "Chinese"), ("russia", "Russian")]


def test_an_adverb_or_a_word_of_time_opening_a_sentence_is_no_qualifier(tmp_path: Path) -> None:
    # "Inevitably American taxpayers": an adverb opens the sentence, no longer name; an adverb's
    # ending is not a name's ("Italy").
    article = annotated(
        tmp_path,
        "Inevitably Chinese officials objected. Recently Russian diplomats agreed. Latin American "
        "states did not. Recent Chinese moves and Future Russian plans worried them.",
    )
    assert actors_of(article) == [
        ("china", "Chinese"),
        ("russia", "Russian"),
        # (and a word of time: "Recent Russian aggression")
        ("china", "Chinese"),
        ("russia", "Russian"),
    ]


def test_a_count_or_a_members_title_after_a_peoples_adjective_is_no_longer_name(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "One Chinese official objected. A Russian Member of Parliament agreed. Latin American "
        "states did not.",
    )
    assert actors_of(article) == [("china", "Chinese"), ("russia", "Russian")]


def test_a_number_word_opening_a_sentence_is_no_qualifier(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Thirty-nine Chinese troops died. Twelve Russian jets flew. Latin American states did not.",
    )
    assert actors_of(article) == [("china", "Chinese"), ("russia", "Russian")]


def test_a_verb_opening_a_question_is_no_qualifier(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Is Chinese engagement wise? Should Russian ships sail? Latin American states ask.",
    )
    assert actors_of(article) == [("china", "Chinese"), ("russia", "Russian")]


def test_a_place_that_closes_a_bodys_name_after_what_it_is_for(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Organization for Security and Cooperation in Europe met, and the Economic "
        "Commission for Europe did too. Support for Europe grew.",
    )
    assert actors_of(article) == [("europe", "Europe")]
    assert article.mentions[0].start == article.text.reading_text.index("Europe grew")


# Generic references to events ---------------------------------------------------------------


def test_a_generic_reference_takes_the_event_its_sentence_dates(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In July 2023, leaders met at the NATO summit. At the NATO Summit of June 2022 "
        "they had met too.",
    )
    assert events_of(article) == [("vilnius-2023", "NATO summit"), ("madrid-2022", "NATO Summit")]


def test_a_generic_reference_takes_the_event_its_sentence_places(tmp_path: Path) -> None:
    article = annotated(tmp_path, "Leaders met. The summit in Vilnius was short.")
    assert events_of(article) == [("vilnius-2023", "summit in Vilnius")]


def test_the_paragraph_decides_when_the_sentence_does_not(tmp_path: Path) -> None:
    article = annotated(tmp_path, "It was June 2022. Leaders spoke at the summit.")
    assert events_of(article) == [("madrid-2022", "summit")]


def test_the_publication_date_decides_last(tmp_path: Path) -> None:
    # Published in January 2023: of the two summits, only Vilnius falls in 2023.
    article = annotated(tmp_path, "Leaders will speak at the NATO summit.")
    assert events_of(article) == [("vilnius-2023", "NATO summit")]


def test_a_reference_that_fits_no_event_or_several_is_left_and_listed(tmp_path: Path) -> None:
    year_only = 'published: {value: "2024", precision: year, inferred: latest event}'
    article = annotated(
        tmp_path,
        "In 2019, leaders met at the NATO summit. Leaders spoke at the summit.",
        overrides={"published": year_only},
    )
    assert events_of(article) == []
    # The first is dated to a year of no known summit: no event is offered; the second's
    # paragraph and publication date choose neither.
    assert [(u.text, u.candidates) for u in article.unresolved_events] == [
        ("NATO summit", ()),
        ("summit", ("madrid-2022", "vilnius-2023")),
    ]


def test_an_indefinite_phrase_refers_to_no_one_event(tmp_path: Path) -> None:
    article = annotated(tmp_path, "In 2023, a summit was mooted.")
    assert events_of(article) == [] and article.unresolved_events == ()


# The article's own mentions ---------------------------------------------------------------------


MENTIONS = (
    "mentions:\n"
    "  - {passage: made his point, event: dialogue-1990}\n"
    "  - {passage: 'In 1999, the Concept', text: the Concept, actor: concept-1999}\n"
)


def test_an_articles_own_mentions_are_ordinary_mentions(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In 1990 he made his point. In 1999, the Concept said so, and the Concept stood.",
        overrides={"mentions": MENTIONS},
    )
    assert events_of(article) == [("dialogue-1990", "made his point")]
    assert actors_of(article) == [("concept-1999", "the Concept")]
    year = next(d for d in article.dates if d.text == "1990")
    assert year.event == "dialogue-1990"  # tied like any mention in its sentence


def test_an_articles_mention_must_be_verbatim_and_name_a_known_id(tmp_path: Path) -> None:
    bad = (
        "mentions:\n"
        "  - {passage: made her point, event: dialogue-1990}\n"
        "  - {passage: In 1990, event: no-such-event}\n"
    )
    article, diagnostics = run(tmp_path, "In 1990 he made his point.", overrides={"mentions": bad})
    assert article is None
    messages = [str(d) for d in diagnostics]
    assert any(
        "sample-article.md" in m and "mentions[0].passage" in m and "made her point" in m
        for m in messages
    ), messages
    assert any("unknown event id 'no-such-event'" in m for m in messages), messages


# A knowledge base of names ---------------------------------------------------------------------


def test_forms_that_do_not_look_like_names() -> None:
    assert name_problem("made his point") is not None
    assert name_problem("the four countries") is not None
    assert name_problem("this visit") is not None
    assert name_problem("since 2016") is not None
    assert name_problem("June 2022") is not None
    assert name_problem("signed between Japan and the UK") is not None
    for name in (
        "NATO",
        "US",
        "the Alliance",
        "Secretary General",
        "eng.chinamil.com.cn",
        "free and open Indo-Pacific",
        "Ministry of Foreign Affairs of Japan",
    ):
        assert name_problem(name) is None, name


def test_check_warns_on_a_form_that_is_not_a_name(tmp_path: Path) -> None:
    events = SUMMITS.replace("  forms: []\n", "  forms: [made his point]\n", 1)
    article, diagnostics = run(tmp_path, "Leaders met in 2023.", events=events)
    assert article is not None
    warned = [str(d) for d in diagnostics if "made his point" in str(d)]
    assert (
        len(warned) == 1 and "events.yaml" in warned[0] and "does not look like a name" in warned[0]
    )


# Dates ------------------------------------------------------------------------------------------


def dates_of(article: AnnotatedArticle) -> dict[str, PartialDate | None]:
    return {d.text: d.value for d in article.dates}


def test_no_dates_inside_addresses_or_names(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "See https://example.org/2021/05/report and DOI: 10.1234/abc.2019.7 on the NATO 2030 "
        "agenda and Agenda 2030. In 2030 it ends.",
    )
    assert [d.text for d in article.dates] == ["2030"]
    assert article.dates[0].start == article.text.reading_text.index("2030 it ends")


def test_a_month_with_last_year_is_one_expression(tmp_path: Path) -> None:
    article = annotated(tmp_path, "It was adopted in June last year by all.")
    assert dates_of(article) == {"June last year": PartialDate(2022, 6)}


def test_a_month_with_early_late_or_mid_before_it_is_the_month(tmp_path: Path) -> None:
    # Published in January 2023.
    article = annotated(
        tmp_path, "Talks began in late June and in mid-July; in Early May they ended. Mid-March."
    )
    assert dates_of(article) == {
        "June": PartialDate(2022, 6),
        "July": PartialDate(2022, 7),
        "May": PartialDate(2022, 5),
    }


def test_relative_dates_resolve_against_the_paragraphs_latest_date(tmp_path: Path) -> None:
    body = "In May 2019 talks began. In June, they ended; last year was calm.\n\nIn June, again."
    article = annotated(tmp_path, body)
    june, last_year, later = article.dates[1:]
    assert (june.text, june.value) == ("June", PartialDate(2019, 6))
    assert (last_year.text, last_year.value) == ("last year", PartialDate(2018))
    # Another paragraph: against the publication date (January 2023).
    assert (later.text, later.value) == ("June", PartialDate(2022, 6))


def test_day_month_and_iso_dates(tmp_path: Path) -> None:
    article = annotated(tmp_path, "Talks on 12 July went well; the note of 2023-08-03 says so.")
    assert dates_of(article) == {
        "12 July": PartialDate(2022, 7, 12),
        "2023-08-03": PartialDate(2023, 8, 3),
    }


def test_dotted_dates_read_day_first_and_a_day_the_calendar_lacks_is_no_date(
    tmp_path: Path,
) -> None:
    # A "month" over twelve is the other order's day; a misprint or a number shaped like a date
    # ("31 June", a thirteenth month) is left alone rather than recorded as a date.
    article = annotated(
        tmp_path,
        "Talks on 12.05.2022 and 05.13.2022 went well. Not on 31 June 2022, 2022-19-39, "
        "31.02.2022 or 45.45.2022, but on 29 February 2020.",
    )
    assert dates_of(article) == {
        "12.05.2022": PartialDate(2022, 5, 12),
        "05.13.2022": PartialDate(2022, 5, 13),
        "29 February 2020": PartialDate(2020, 2, 29),
    }


def test_a_bare_abbreviated_month_before_its_day_and_a_shifted_season(tmp_path: Path) -> None:
    # Published in January 2023. "Jan" alone may be a name; before a day it is the month.
    article = annotated(
        tmp_path, "Talks on Wednesday (Jul 12) went well; Jan said last summer was calm."
    )
    assert dates_of(article) == {
        "Jul 12": PartialDate(2022, 7, 12),
        "last summer": PartialDate(2022),
    }


def test_a_season_before_or_after_is_the_one_nearest_the_month_it_is_said_in(
    tmp_path: Path,
) -> None:
    # In September 2023, last summer is this year's and its summit Vilnius, not Madrid.
    september = 'published: {value: "2023-09", precision: month, inferred: the issue of the month}'
    article = annotated(
        tmp_path,
        "The drill was proposed at last summer's NATO summit. It ends next spring.",
        overrides={"published": september},
    )
    assert dates_of(article) == {"last summer": PartialDate(2023), "next spring": PartialDate(2024)}
    assert events_of(article) == [("vilnius-2023", "NATO summit")]
    # In March, last winter is the one that has just ended, of this year's January.
    march = 'published: {value: "2023-03", precision: month, inferred: the issue of the month}'
    article = annotated(
        tmp_path / "march",
        "Last winter was calm; next autumn may not be.",
        overrides={"published": march},
    )
    assert dates_of(article) == {"Last winter": PartialDate(2023), "next autumn": PartialDate(2023)}


def test_a_year_after_since_anchors_no_relative_date(tmp_path: Path) -> None:
    # Published in January 2023: "this year" after "since 2019" is still 2023's.
    article = annotated(tmp_path, "NATO has looked to Asia since 2019. This year it met Japan.")
    assert dates_of(article)["This year"] == PartialDate(2023)
    # So does a year in a clause opened by "since".
    article = annotated(
        tmp_path / "clause",
        "NATO has worked with Japan since becoming its partner in 2014. In January it met Japan.",
    )
    assert dates_of(article)["January"] == PartialDate(2023, 1)


def test_a_date_ties_to_an_event_it_falls_within(tmp_path: Path) -> None:
    article = annotated(tmp_path, "On 12 July 2023 the summit in Vilnius ended.")
    assert events_of(article) == [("vilnius-2023", "summit in Vilnius")]
    assert [(d.text, d.event) for d in article.dates] == [("12 July 2023", "vilnius-2023")]


def test_an_article_can_mark_a_date_that_names_no_event(tmp_path: Path) -> None:
    marked = (
        "dates_without_event:\n"
        "  - {passage: In 2016 the summit, reason: 'the year of a trend, not of the summit'}\n"
    )
    article = annotated(
        tmp_path,
        "In 2016 the summit in Vilnius was planned. In 2023 it met.",
        overrides={"dates_without_event": marked},
    )
    first, second = article.dates
    assert first.event is None
    assert article.date_without_event(first) == "the year of a trend, not of the summit"
    assert article.date_without_event(second) is None


def test_a_name_next_to_itself_is_not_a_longer_name(tmp_path: Path) -> None:
    article = annotated(tmp_path, "Readers of Foreign Affairs Foreign Affairs agree.")
    assert actors_of(article) == [("foreign-affairs", "Foreign Affairs")] * 2


def test_a_capital_before_a_capitalised_word_is_another_name(tmp_path: Path) -> None:
    article = annotated(tmp_path, "The Washington Post says Washington and NATO disagree.")
    assert actors_of(article) == [("usa", "Washington"), ("nato", "NATO")]
    assert article.mentions[0].start == article.text.reading_text.index("Washington and")


def test_a_capital_in_a_dateline_or_before_a_meeting_is_where_it_was_held(
    tmp_path: Path,
) -> None:
    article = annotated(
        tmp_path,
        "Washington, Jul. 11 (Wire Agency) – NATO met.\n\nChina opposed the Washington summit "
        "declaration and the Washington conference, and Washington replied.",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("china", "China"),
        ("usa", "Washington"),
    ]
    assert article.mentions[-1].start == article.text.reading_text.index("Washington replied")
    # The dateline's abbreviated month is a date.
    assert [d.text for d in article.dates] == ["Jul. 11"]


def test_a_dateline_set_apart_by_a_spaced_hyphen_or_after_another_place(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "Washington - NATO met.\n\nMadrid/Washington - China objected.\n\nWashington -- NATO "
        "must engage.\n\nWashington/Madrid | China objected.\n\nRussia replied, and Washington "
        "agreed.",
    )
    washington = [m for m in article.mentions if m.text == "Washington"]
    assert [m.start for m in washington] == [article.text.reading_text.index("Washington agreed")]


def test_a_capital_with_its_district_in_a_title_case_line_is_the_city(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO Meets Its Partners\n\nJuly 8, 2024\nWashington, D.C., United States\n\nNATO met. "
        "Washington agreed.",
    )
    washington = [m for m in article.mentions if m.text == "Washington"]
    assert [m.start for m in washington] == [article.text.reading_text.index("Washington agreed")]


def test_a_title_in_capitals_before_a_speakers_name_is_the_persons(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "NATO met.\n\nSECRETARY GENERAL STOLTENBERG: Thank you.\n\nTHE SECRETARY GENERAL AND NATO",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("jens-stoltenberg", "STOLTENBERG"),
        ("nato-secretary-general", "SECRETARY GENERAL"),
        ("nato", "NATO"),
    ]


def test_names_in_words_shouted_in_capitals_are_found(tmp_path: Path) -> None:
    # A post quoted in capitals within a line: its names are written in capitals too; four words
    # in capitals are not yet shouting ("NATO AND RUSSIA MET" may be acronyms and names alone).
    article = annotated(
        tmp_path,
        "He wrote: IF WE DON’T, RUSSIA OR CHINA WILL, AND THAT IS NOT GOING TO HAPPEN! "
        "Then: NATO SAW RUSSIA GO.",
    )
    assert actors_of(article) == [("russia", "RUSSIA"), ("china", "CHINA"), ("nato", "NATO")]


def test_a_name_in_capitals_after_a_point_of_the_compass_is_another_places(
    tmp_path: Path,
) -> None:
    # "NORTH KOREAN", "NORTH GEORGIA": written as usual, the longer name is no form's either.
    article = annotated(
        tmp_path,
        "NATO met.\n\nRUSSIAN SHIPS OFF NORTH GEORGIA AND CHINA\n\nRussia agreed.",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("russia", "RUSSIAN"),
        ("china", "CHINA"),
        ("russia", "Russia"),
    ]
    assert article.mentions[2].start == article.text.reading_text.index("CHINA\n")


def test_an_office_of_another_body_is_another_office(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The Secretary General of the United Nations spoke; the Secretary General of NATO did too.",
    )
    assert actors_of(article) == [
        ("nato-secretary-general", "Secretary General"),
        ("nato", "NATO"),
    ]
    assert article.mentions[0].start == article.text.reading_text.index("Secretary General of N")


def test_title_case_headings_prove_nothing_about_names(tmp_path: Path) -> None:
    body = "## Chinese Envoys Meet European Partners\n\nThe European Union met."
    article = annotated(tmp_path, body)
    assert actors_of(article) == [("china", "Chinese"), ("europe", "European")]


def test_a_date_marked_without_event_must_be_verbatim(tmp_path: Path) -> None:
    marked = "dates_without_event:\n  - {passage: In 2017, reason: a trend}\n"
    article, diagnostics = run(
        tmp_path, "In 2016 leaders met.", overrides={"dates_without_event": marked}
    )
    assert article is None
    assert any(
        "dates_without_event[0].passage" in str(d) and "'In 2017'" in str(d) for d in diagnostics
    ), [str(d) for d in diagnostics]


def test_a_compound_broken_after_its_hyphen_still_names_its_parts(tmp_path: Path) -> None:
    article = annotated(tmp_path, "NATO met today. He said the US- Russian ties had worsened.")
    assert actors_of(article) == [("nato", "NATO"), ("russia", "Russian")]


def test_a_states_adjective_before_a_models_designation_names_the_state(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "NATO met today. Jets from Georgia, Russian Su-30s and Chinese J-20s flew."
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("georgia", "Georgia"),
        ("russia", "Russian"),
        ("china", "Chinese"),
    ]


def test_a_capital_a_journey_leaves_or_another_name_holds_is_a_place(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "After his departure from Washington, he flew to Washington again. The Modern "
        "Washington Times wrote so. NATO opened a NATO Washington liaison office. Pressure from "
        "Washington grows.",
    )
    washington = [m for m in article.mentions if m.text == "Washington"]
    assert [(m.actor, m.start) for m in washington] == [
        ("usa", article.text.reading_text.index("Washington grows"))
    ]


def test_an_offices_portfolio_is_not_the_institution_its_words_name(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "The High Representative for Foreign Affairs met NATO. The High Representative of the EU "
        "for Foreign Affairs and Security Policy spoke. The Secretary-General of the Ministry of "
        "Foreign Affairs spoke. Foreign Affairs reported it.",
    )
    assert actors_of(article) == [
        ("nato", "NATO"),
        ("foreign-affairs", "Foreign Affairs"),
    ]
