"""The coverage check on made-up sentences: which capitalised phrases it reports, cut how, and the
stub that each warning carries."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from corpus_factory import ACTORS, EVENTS, SETTINGS, write_corpus
from natocorpus.build import annotate
from natocorpus.config import make_config
from natocorpus.diagnostics import Diagnostic, Severity
from support import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "templates"

KNOWN = (
    ACTORS
    + """\
- id: japan
  name: Japan
  type: state
  description: A state.
  forms: [Japan, Japanese, Tokyo]
- id: china
  name: China
  type: state
  description: A state.
  forms: [China, Chinese]
- id: europe
  name: Europe
  type: region
  description: A region.
  forms: [Europe, European]
"""
)

_PHRASE = re.compile(r"^('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\") is not covered")


def diagnostics(
    tmp_path: Path, body: str, actors: str = KNOWN, events: str = EVENTS
) -> list[Diagnostic]:
    words = body.split()
    corpus_dir = write_corpus(
        tmp_path,
        body,
        quotes=(" ".join(words[:2]), " ".join(words[2:4])),
        capture_body=body.replace("## ", ""),
        actors=actors,
        events=events,
    )
    corpus, found = annotate(make_config(corpus_dir, TEMPLATES, tmp_path / "site"))
    assert corpus is not None, [str(d) for d in found]
    assert not [d for d in found if d.severity is Severity.ERROR], [str(d) for d in found]
    return [d for d in found if d.field == "mentions"]


def warned(tmp_path: Path, body: str, **kwargs: str) -> dict[str, str]:
    """Each reported phrase and its message."""
    found: dict[str, str] = {}
    for diagnostic in diagnostics(tmp_path, body, **kwargs):
        match = _PHRASE.match(diagnostic.message)
        assert match, diagnostic.message
        found[ast.literal_eval(match.group(1))] = diagnostic.message
    return found


def stub(message: str) -> dict[str, object]:
    """The YAML stub under a warning's first line, read as the maintainer would paste it."""
    entries = yaml.safe_load(message.split("\n", 1)[1])
    assert isinstance(entries, list) and len(entries) == 1
    entry = entries[0]
    assert isinstance(entry, dict)
    return entry


# What counts as covered ---------------------------------------------------------------------


def test_a_phrase_a_form_names_whole_is_covered(tmp_path: Path) -> None:
    assert warned(tmp_path, "NATO met South Korea and the United States in Japan.") == {}


def test_known_names_side_by_side_are_covered(tmp_path: Path) -> None:
    assert warned(tmp_path, "They saw NATO Japan ties and US-Japan talks grow.") == {}


def test_a_title_printed_lower_after_its_hyphen_names_no_one(tmp_path: Path) -> None:
    # "Secretary-general" is the title "Secretary-General" in another house style; the name
    # before it is still reported.
    found = warned(tmp_path, "Xiao Bin, Deputy Secretary-general, told NATO so.")
    assert set(found) == {"Xiao Bin"}


def test_a_form_that_names_part_of_a_name_does_not_cover_it(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met the European Union in Brussels.")
    assert "European Union" in found
    # The message says which part is known, and as what.
    assert "'European' alone is europe" in found["European Union"]


def test_a_body_named_after_known_names_is_reported_whole(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO heard the Chinese Mission to the European Union object.")
    assert list(found) == ["Chinese Mission to the European Union"]
    assert stub(found["Chinese Mission to the European Union"])["type"] == "institution"


def test_an_adjective_made_of_a_known_name_is_covered(tmp_path: Path) -> None:
    assert warned(tmp_path, "The NATO-led and European-centric order held.") == {}


# Lists, possessives, titles ------------------------------------------------------------------


def test_lists_are_split_at_and(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO said that the European Union and Georgia agreed.")
    assert set(found) == {"European Union", "Georgia"}


def test_lists_are_split_at_commas(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met Japan, Georgia, Moldova and Armenia there.")
    assert set(found) == {"Georgia", "Moldova", "Armenia"}


def test_and_inside_an_organisations_name_is_kept(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met the Ministry of Science and Technology and Georgia.")
    assert set(found) == {"Ministry of Science and Technology", "Georgia"}


def test_of_joins_a_name_only_after_its_head_word(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met Admiral John Aquilino of INDOPACOM and the Bank of Korea.")
    assert set(found) == {"John Aquilino", "INDOPACOM", "Bank of Korea"}


def test_possessives_are_stripped(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met Georgia's envoy and Moldova’s minister.")
    assert set(found) == {"Georgia", "Moldova"}


def test_a_title_is_cut_from_the_name_after_it(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met Japanese Prime Minister Kishida Fumio on the day.")
    assert list(found) == ["Kishida Fumio"]
    entry = stub(found["Kishida Fumio"])
    assert entry["type"] == "person"
    assert entry["id"] == "kishida-fumio"


@pytest.mark.parametrize(
    ("body", "person", "forms"),
    [
        # the surname after the full name, with a title or without
        (
            "NATO met Anthony Albanese in July. Japan said Mr Albanese agreed.",
            "Anthony Albanese",
            ["Anthony Albanese", "Albanese"],
        ),
        ("NATO met Penny Wong. Japan thanked Wong for it.", "Penny Wong", ["Penny Wong", "Wong"]),
        # the family name first, as Korean and Chinese names are written
        (
            "NATO met Yoon Suk-yeol in Madrid. Japan thanked Yoon for it.",
            "Yoon Suk-yeol",
            ["Yoon Suk-yeol", "Yoon"],
        ),
        # the surname first, and the full name after
        (
            "Japan backs Albanese on trade. NATO met Anthony Albanese in July.",
            "Anthony Albanese",
            ["Anthony Albanese", "Albanese"],
        ),
    ],
)
def test_a_persons_surname_alone_is_a_form_of_their_entry(
    tmp_path: Path, body: str, person: str, forms: list[str]
) -> None:
    # One person to add, not a second actor named by the surname.
    found = warned(tmp_path, body)
    assert list(found) == [person]
    entry = stub(found[person])
    assert entry["type"] == "person"
    assert entry["forms"] == forms


@pytest.mark.parametrize(
    ("body", "names"),
    [
        (
            "NATO met Donald Trump in July. Japan heard the Trump administration object.",
            {"Donald Trump": "person", "Trump administration": "institution"},
        ),
        (
            "NATO met Anthony Albanese. The Albanese government agreed.",
            {"Anthony Albanese": "person", "Albanese government": "institution"},
        ),
        # a capital's government, where the text gives the name to no one, is the capital
        ("In Ottawa, NATO said the Ottawa government agreed.", {"Ottawa": "state"}),
        # a state's government is the state, as before
        ("NATO said the Japanese government agreed.", {}),
    ],
)
def test_a_government_named_by_who_heads_it_is_reported_whole(
    tmp_path: Path, body: str, names: dict[str, str]
) -> None:
    found = warned(tmp_path, body)
    assert {name: stub(message)["type"] for name, message in found.items()} == names


@pytest.mark.parametrize(
    ("body", "longer", "alone"),
    [
        # only a person's name takes a one-word name as its form: "Taiwan" is not the strait
        ("NATO watched the Taiwan Strait. Japan met Taiwan there.", "Taiwan Strait", "Taiwan"),
        # nor a body's or a company's shaped like one
        ("NATO heard the Blue House. Japan met House members.", "Blue House", "House"),
        ("NATO met Edgewing Systems. Japan met Edgewing there.", "Edgewing Systems", "Edgewing"),
        # a place's name shaped like a person's, after a compass word
        ("NATO watched North Africa. Japan met Africa there.", "North Africa", "Africa"),
    ],
)
def test_a_place_is_not_folded_into_a_longer_name(
    tmp_path: Path, body: str, longer: str, alone: str
) -> None:
    found = warned(tmp_path, body)
    assert set(found) == {longer, alone}
    assert stub(found[longer])["forms"] == [longer]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("NATO met UN Secretary General Antonio Guterres.", {"UN", "Antonio Guterres"}),
        ("NATO met US Secretary of State Antony Blinken.", {"Antony Blinken"}),
        ("NATO met Foreign Minister Penny Wong.", {"Penny Wong"}),
        ("NATO met Chancellor Olaf Scholz and Admiral Rob Bauer.", {"Olaf Scholz", "Rob Bauer"}),
        ("NATO met US Ambassador to Japan Rahm Emanuel.", {"Rahm Emanuel"}),
        ("NATO met Deputy Secretary General Mircea Geoana.", {"Mircea Geoana"}),
        ("NATO met Japanese PM Kishida Fumio.", {"Kishida Fumio"}),
        # an office of a force, and a rank abbreviated in capitals as armed forces write it
        ("NATO met the Chief of the Defence Force, General David Hurley.", {"David Hurley"}),
        ("NATO met Chief of Defence Force, LTGEN Rhys Jones.", {"Rhys Jones"}),
        # and a retired officer's: "BGEN (Ret.) David Stilwell"
        (
            "NATO heard BGEN (Ret.) David Stilwell and MGEN (Ret) Ann Lee.",
            {"David Stilwell", "Ann Lee"},
        ),
        # a title abbreviated, a name's suffix after a comma, and the portfolio of a minister
        (
            "NATO met Sec. Gilberto Teodoro, Jr. and Treasurer Jim Chalmers.",
            {"Gilberto Teodoro", "Jim Chalmers"},
        ),
        ("Sebastien Lecornu, Minister for the Armed Forces, met NATO.", {"Sebastien Lecornu"}),
        ("NATO's President, Vice-Presidents, Treasurer and members met.", set()),
        ("The Minister of Foreign and European Affairs, Juraj Blanar, met NATO.", {"Juraj Blanar"}),
        ("NATO invited a Member of the Politburo, Wang Yi.", {"Politburo", "Wang Yi"}),
        (
            "NATO met Assistant Secretary of Defense for Space Policy Vipin Narang and Judith "
            "Collins, Japan’s Attorney-General.",
            {"Vipin Narang", "Judith Collins"},
        ),
        (
            "NATO's Development Manager Ann Lee met Tomoko Matsuzawa, Director for International "
            "Cooperation, and EU VP Kaja Kallas.",
            {"Ann Lee", "Tomoko Matsuzawa", "EU", "Kaja Kallas"},
        ),
        ("NATO met Ambassador Extraordinary and Plenipotentiary Ken Aikawa.", {"Ken Aikawa"}),
        ("NATO met Brigadier Ken Aikawa.", {"Ken Aikawa"}),
        # portfolios that are titles only before their head; alone, the department is a name
        (
            "NATO met Commerce Secretary Gina Raimondo and Treasury Secretary Janet Yellen; the "
            "Treasury agreed.",
            {"Gina Raimondo", "Janet Yellen", "Treasury"},
        ),
        (
            "NATO met then-Crown Prince Ken Aikawa; the Crown Estate paid.",
            {"Ken Aikawa", "Crown Estate"},
        ),
        # the ranks of air forces and navies made of two words; a group's name is a name
        (
            "NATO met Group Captain Ken Aikawa, Squadron Leader Ana Lee and Petty Officer Bo Li; "
            "the Carrier Strike Group sailed, and so did Japan Joint Staff Maj. Gen. Jo Kim.",
            {
                "Ken Aikawa",
                "Ana Lee",
                "Bo Li",
                "Carrier Strike Group",
                "Japan Joint Staff",
                "Jo Kim",
            },
        ),
        # an office of a parliament's member in a ministry
        ("NATO met Ken Aikawa, Parliamentary Vice-Minister of Defence.", {"Ken Aikawa"}),
        # a title not yet taken up
        (
            "NATO met Ken Aikawa, Ambassador-Designate of Japan, and the Minister-designate.",
            {"Ken Aikawa"},
        ),
        # a form of address: a title whose holder the text does not name
        ("Your Majesty, NATO thanks you, as His Excellency Ken Aikawa did.", {"Ken Aikawa"}),
    ],
)
def test_titles_of_many_kinds(tmp_path: Path, sentence: str, names: set[str]) -> None:
    assert set(warned(tmp_path, sentence)) == names


def test_an_office_without_a_name_is_not_reported(tmp_path: Path) -> None:
    assert warned(tmp_path, "NATO met the Prime Minister and the Foreign Minister.") == {}
    assert (
        warned(tmp_path, "NATO met the Chief of the Defence Force in one of its Provinces.") == {}
    )


def test_a_title_word_before_a_body_is_part_of_its_name(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO addressed the UN General Assembly.")
    assert list(found) == ["UN General Assembly"]


def test_a_posts_area_before_a_titles_head_is_part_of_the_title(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO sent Policy Officer Ana Lee and Press Officer Bo Li.")
    assert set(found) == {"Ana Lee", "Bo Li"}


def test_a_known_name_then_a_persons_name_are_two_names(tmp_path: Path) -> None:
    # No title between them: the known state, then the person, whose name alone is reported.
    assert list(warned(tmp_path, "NATO met with Japan Rahm Emanuel.")) == ["Rahm Emanuel"]


def test_a_states_body_named_by_its_adjective_is_one_name_not_a_persons(tmp_path: Path) -> None:
    # (not "Naval Delegation" as the name of a person after Japan's)
    found = warned(tmp_path, "NATO met the Japanese Naval Delegation.")
    assert list(found) == ["Japanese Naval Delegation"]


def test_a_process_coined_of_a_states_name_reports_the_state(tmp_path: Path) -> None:
    # "Finlandization" is a word made of the state's name, which is what the check can name.
    found = warned(tmp_path, "NATO fears the Finlandization of Japan.")
    assert list(found) == ["Finland"]


# Capitals that are not names -------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Officials met NATO there.",  # a sentence's first word
        "NATO met. Reportedly Japan agreed.",  # a sentence's first word, then a known name
        "Editor’s note: Originally published by NATO.",  # after a colon
        "NATO said “Nothing changes” to Japan.",  # after an opening quote
        "NATO met on Tuesday and again in March.",  # weekdays and months
        "NATO met in June. Japan wrote on Monday’s agenda in May.",  # with a stop, a possessive
        "NATO met Japan there.\n\n## Background\n\nJapan agreed.",  # a heading's first word
        "NATO met. Critics of NATO objected.",  # a common word opening a sentence, then a name
        "NATO said: “(Considering the distance), we agree.”",  # a bracket opening a quotation
        "NATO sailed; the Unit and the Command agreed.",  # a body's part named by a common noun
        "NATO tested its module “i-Merz”.",  # a word coined of a letter and a name
        "Japan fears the NATOization of Europe.",  # a process coined of a known name
        "NATO paid US$6 million (AUS$9 million).",  # a currency by its country's letters
        "NATO met.\n\nQ. Why is Japan there?",  # an interview's label, then its question
        "NATO fears WMD proliferation in its Chinese-language report.",  # a common acronym
        "NATO hired a Chinese-speaking envoy.",  # a language, not the state
        "China pledged RMB 2 billion to NATO's rivals.",  # a currency's letters
        "NATO met a congressman (D-CA, 17th District).",  # an area told by its number
        "NATO ordered 48 K9s.",  # a model's designation in the plural
        "NATO met.\n\nAnswer and Explanation: Japan agreed.",  # a question-and-answer page's labels
        # acronyms spelt out in lower case beside them, and used again
        "NATO buys an active electronically scanned array (AESA) radar and short-range "
        "ballistic missiles (SRBMs), and fears REE (rare-earth element) curbs. More AESA.",
        "NATO backs environmental, social, and governance (“ESG”) standards.",
        "NATO gave $16 million (over USD9.4 million).",  # an amount in a currency's code
        # letters run into figures, an amount by its sign or its large number's word
        "NATO pledged RM585 billion and Japan more than $NZ40 million.",
        "Context: Recently, NATO warned.",  # an adverb after a colon, before its comma
        "NATO said: Third, Japan warned.",  # a word that opens a clause, after a colon
        "NATO and Japan: Difficulties and prospects.",  # no list of names after a colon
        "NATO said it is OK to have ties.",  # a word of speech, not a name
        "NATO backs non-Communist states.",  # a creed's adjective
        "NATO has Atlanticist and Europeanist wings, and a Eurocentric view.",  # outlooks
        "Japan wrote: IF WE DON’T, NATO WILL FAIL, AND THAT IS NOT GOING TO HAPPEN!",  # shouted
        "NATO heard vile, anti-Semitic calls to ban all Muslims.",  # a faith's followers
        "NATO arms the Southwestern region of Japan.",  # a compass adjective alone
        "NATO met NGO leaders and LNG exporters.",  # common nouns' acronyms
        "NATO tags #EUJapanCooperation.",  # a hashtag
        "Japan met NATO's Commissioner for Agriculture.",  # a portfolio
        # kinds of equipment in title case
        "NATO bought K2 Main Battle Tanks and its K2PL MBT.",
        "NATO respects Buddhism and Islam.",  # faiths
        "NATO met in Japan’s CBD.",  # a common noun's acronym
        "NATO met Japan during Covid.",  # a disease's
        "NATO spoke by leave—Eleven years ago, Japan agreed.",  # a number, after a dash
        "NATO said Aloha to Japan.",  # a greeting
        "NATO said: First of all, Good morning, Japan.",  # and another
        "NATO sailed off Japan.[5] Additionally, Japan agreed.",  # after a footnote's number
        "NATO sailed off Japan.3 Currently, Japan agreed.",  # a footnote's number, no brackets
        "NATO shares SIGINT and OSINT with Japan; soldiers go AWOL.",  # common acronyms
        "NATO has 32 member States and partners around the World.",  # common nouns capitalised
        "Japan joined the Presidential delegation on International affairs.",  # and adjectives
    ],
)
def test_capitals_that_their_place_explains_are_not_reported(tmp_path: Path, body: str) -> None:
    assert warned(tmp_path, body) == {}


def test_a_body_named_after_equipment_and_a_handle_are_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path, "NATO met the Ruritanian Strategic Rocket Forces and the Newtown Jets @NATOpress."
    )
    assert list(found) == ["Ruritanian Strategic Rocket Forces", "Newtown Jets", "NATOpress"]


def test_a_compass_adjective_before_a_name_is_part_of_it(tmp_path: Path) -> None:
    assert list(warned(tmp_path, "NATO met Southeastern Ruritania.")) == ["Southeastern Ruritania"]


def test_a_name_in_brackets_is_still_reported(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met. (Ruritania said nothing.) NATO met in Japan (Osaka).")
    assert set(found) == {"Ruritania", "Osaka"}


def test_a_word_that_opens_sentences_is_not_part_of_the_name_after_it(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met. Meanwhile Georgia agreed. Today Moldova's envoy spoke.")
    assert set(found) == {"Georgia", "Moldova"}


def test_a_list_after_a_colon_is_read(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO has three partners: Georgia, Moldova and Armenia.")
    assert set(found) == {"Georgia", "Moldova", "Armenia"}


def test_a_name_that_opens_a_sentence_with_a_possessive_or_as_an_acronym(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met. Georgia's envoy spoke. ASEAN agreed.")
    assert set(found) == {"Georgia", "ASEAN"}


def test_a_dash_inside_a_sentence_does_not_start_one(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met the three – Georgia, Moldova and Armenia – there.")
    assert set(found) == {"Georgia", "Moldova", "Armenia"}


def test_each_name_once(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, "NATO met Georgia. Then NATO met Georgia again.")
    assert len(found) == 1


def test_not_actors_silence_a_phrase(tmp_path: Path) -> None:
    body = "NATO met during the Cold War."
    assert set(warned(tmp_path, body)) == {"Cold War"}
    words = body.split()
    corpus_dir = write_corpus(
        tmp_path / "quiet",
        body,
        quotes=(" ".join(words[:2]), " ".join(words[2:4])),
        actors=KNOWN,
        settings=SETTINGS + "not_actors:\n  - {text: Cold War, reason: an era}\n",
    )
    _, found = annotate(make_config(corpus_dir, TEMPLATES, tmp_path / "quiet" / "site"))
    assert [d for d in found if d.field == "mentions"] == []


# Acronyms, bodies, titles of works -------------------------------------------------------------


def test_an_acronym_in_brackets_joins_the_name_it_abbreviates(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met the Indo-Pacific Four (IP4) there; the IP4 agreed.")
    assert list(found) == ["Indo-Pacific Four"]
    assert stub(found["Indo-Pacific Four"])["forms"] == ["Indo-Pacific Four", "IP4"]


def test_an_acronym_in_brackets_after_a_quoted_title_joins_the_title(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO says Ruritania holds the status of a “Major Non-NATO Ally” (MNNA) with Japan. "
        "Being an MNNA helps.",
    )
    assert set(found) == {"Ruritania", "Major Non-NATO Ally"}
    assert stub(found["Major Non-NATO Ally"])["forms"] == ["Major Non-NATO Ally", "MNNA"]


def test_an_acronym_in_brackets_that_does_not_abbreviate_is_its_own_name(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met in ANKARA (AA) on the day.")
    assert set(found) == {"ANKARA", "AA"}


def test_a_states_body_in_lower_case_is_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path, "NATO heard the Chinese embassy in Japan and the Japanese defence ministry."
    )
    assert set(found) == {"Chinese embassy in Japan", "Japanese defence ministry"}
    assert stub(found["Chinese embassy in Japan"])["type"] == "organisation"


def test_a_district_after_a_known_place_is_part_of_it(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met in Tokyo, DC, on Monday, and in Tokyo DC later; DC Comics was not there.",
    )
    assert set(found) == {"DC Comics"}


def test_a_bodys_office_is_reported_and_ends_with_its_sentence(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO may open a NATO liaison office in Tokyo; China fought the NATO office in Japan. "
        "The Chinese embassy in Japan. The NATO office said nothing of it.",
    )
    # "the NATO office said": an office, but of no named place and no liaison.
    assert set(found) == {
        "NATO liaison office in Tokyo",
        "NATO office in Japan",
        "Chinese embassy in Japan",
    }
    assert stub(found["NATO office in Japan"])["type"] == "organisation"


def test_a_places_version_of_a_body_is_reported_whole(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "Beijing fears “a European version of NATO” and warns against a China version of the "
        "Alliance. A Chinese version of the text is out.",
    )
    # "a Chinese version of the text" is a translation, not a body.
    assert set(found) == {"European version of NATO", "China version of the Alliance"}
    assert stub(found["European version of NATO"])["type"] == "organisation"
    # Its short name known already, the longer one is the same name.
    known = KNOWN + (
        "- {id: euro-nato, name: European NATO, type: alliance, description: d, "
        "forms: [European NATO]}\n"
    )
    assert (
        warned(tmp_path / "known", "Beijing fears a European version of NATO.", actors=known) == {}
    )


def test_a_quoted_title_is_one_name(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO wrote “Does the Alliance Want to Become Global?” in 2023.")
    assert list(found) == ["Does the Alliance Want to Become Global"]
    assert stub(found["Does the Alliance Want to Become Global"])["type"] == "document"


def test_a_title_after_titled_without_quotation_marks_is_one_name(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO heard a keynote titled From Legislation to Resilience: The Future of Cybersecurity "
        "in Czechia. A report entitled The Connected Security of Europe and Asia at the forum "
        "was read, then one titled Opportunity knocks for Gremlia.",
    )
    # The title runs to its last capitalised word; one capitalised word alone is no title.
    assert set(found) == {
        "From Legislation to Resilience: The Future of Cybersecurity in Czechia",
        "Connected Security of Europe and Asia",
        "Opportunity",
        "Gremlia",
    }


def test_a_title_in_single_quotes_is_one_name_past_its_colon_and_apostrophes(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO heard a talk on ‘Charting the Map: Pursuing Interests in the Regional Chessboard’ "
        "and one on ‘NATO’s Pivot to the Pacific Rim Nations’ in 2024.",
    )
    assert set(found) == {
        "Charting the Map: Pursuing Interests in the Regional Chessboard",
        "NATO’s Pivot to the Pacific Rim Nations",
    }


def test_a_treatys_article_is_named_with_its_number_and_a_parts_numeral_names_no_one(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO invoked Article 5 in 2001, and article VI of its statutes limits its scope.",
    )
    assert list(found) == ["Article 5"]
    assert stub(found["Article 5"])["type"] == "document"


# The stubs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase", "kind", "name"),
    [
        ("NATO met Lithuanian officials.", "Lithuanian", "state", "Lithuania"),
        ("NATO met North Macedonian officials.", "North Macedonian", "state", "North Macedonia"),
        # a body of a state, its forces, an outlet: an institution, as the knowledge base has them
        ("NATO met the Ministry of Defence.", "Ministry of Defence", "institution", None),
        ("NATO met the Indian Navy there.", "Indian Navy", "institution", None),
        ("NATO read the Manila Times there.", "Manila Times", "institution", None),
        ("NATO heard the Blue House object.", "Blue House", "institution", None),
        ("NATO met the Pacific Islands Forum.", "Pacific Islands Forum", "organisation", None),
        # a company by the head of its name, not a person's name
        ("NATO met Hanwha Aerospace there.", "Hanwha Aerospace", "organisation", None),
        ("NATO met Edgewing Systems there.", "Edgewing Systems", "organisation", None),
        # a state by its ISO 3166 name, or by a compass word before a state's name
        (
            "NATO met the Democratic People’s Republic of Korea.",
            "Democratic People’s Republic of Korea",
            "state",
            None,
        ),
        ("NATO watched North Korea closely.", "North Korea", "state", None),
        # a compass word before a continent, or before anything but a state's name: a region
        ("NATO sailed the South China Sea.", "South China Sea", "region", None),
        ("NATO watched North America closely.", "North America", "region", None),
        ("NATO watched the Middle East closely.", "Middle East", "region", None),
        ("NATO met Southeast Asian states.", "Southeast Asian", "region", None),
        # a continent, an ocean or a region of several states alone
        ("NATO looked to the Pacific there.", "Pacific", "region", None),
        ("NATO met Nordic allies there.", "Nordic", "region", None),
        ("NATO met President Yoon.", "Yoon", "person", None),
        ("NATO met Antonio Guterres.", "Antonio Guterres", "person", None),
        ("NATO signed the Washington Treaty.", "Washington Treaty", "document", None),
    ],
)
def test_the_stub_guesses_a_type(
    tmp_path: Path, sentence: str, phrase: str, kind: str, name: str | None
) -> None:
    entry = stub(warned(tmp_path, sentence)[phrase])
    assert entry["type"] == kind
    assert entry["name"] == (name or phrase)
    assert entry["forms"] == [phrase]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("NATO met the European Union and Lithuanian officials.", {"European Union", "Lithuanian"}),
        # a person's entry with the surname as a form, and a government named by who heads it
        (
            "NATO met Anthony Albanese in July. Japan said Mr Albanese and the Trump "
            "administration agreed.",
            {"Anthony Albanese", "Trump administration"},
        ),
    ],
)
def test_a_pasted_stub_silences_its_warning(tmp_path: Path, body: str, names: set[str]) -> None:
    found = warned(tmp_path / "before", body)
    assert set(found) == names
    pasted = KNOWN + "".join(message.split("\n", 1)[1] + "\n" for message in found.values())
    assert warned(tmp_path / "after", body, actors=pasted) == {}


def test_an_event_gets_a_stub_for_events_yaml(tmp_path: Path) -> None:
    body = "NATO leaders met at the Vilnius Summit."
    message = warned(tmp_path / "before", body)["Vilnius Summit"]
    assert "add it to events.yaml" in message
    entry = stub(message)
    assert entry["type"] == "summit"
    pasted = EVENTS + message.split("\n", 1)[1] + "\n"
    assert warned(tmp_path / "after", body, events=pasted) == {}


def test_a_name_in_the_possessive_opening_an_events_mention_is_its_own(tmp_path: Path) -> None:
    # "Ana Lee’s war" names the war; the one whose war it is is a name of its own, reported when
    # no form names it, and covered when one does ("Japan's war").
    events = EVENTS + (
        "- {id: war, name: A war, type: operation, date: '2022-02-24', precision: day, "
        "participants: [nato], description: d, forms: [Lee’s war, Japan's war]}\n"
    )
    found = warned(tmp_path, "NATO spoke. Ana Lee’s war went on. Japan's war ended.", events=events)
    assert set(found) == {"Ana Lee"}


def test_a_stub_quotes_what_yaml_would_misread(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met the Yes: Party officials and Georgia's No Party.")
    for message in found.values():
        entry = stub(message)
        assert isinstance(entry["name"], str)


def test_the_warning_reads_as_one_diagnostic_then_the_stub(tmp_path: Path) -> None:
    (diagnostic,) = diagnostics(tmp_path, "NATO met Georgia there.")
    first, *rest = str(diagnostic).split("\n")
    assert first.startswith("corpus/articles/sample-article.md:")
    assert first.endswith(
        "mentions: warning: 'Georgia' is not covered by any actor or event: add it to "
        "actors.yaml, or list it under not_actors in corpus.yaml:"
    )
    assert rest == [
        "- id: georgia",
        "  name: Georgia",
        "  type: state  # a guess: check it",
        '  description: "TODO: who or what Georgia is"',
        "  forms: [Georgia]",
    ]


def test_an_adjective_made_of_a_new_name_reports_the_name(tmp_path: Path) -> None:
    assert set(warned(tmp_path, "NATO met a Vilnius-based group.")) == {"Vilnius"}


def test_a_form_its_rule_turned_down_covers_only_a_name_it_is_whole(tmp_path: Path) -> None:
    # "Washington" after "in" is a venue, decided by its rule: no warning.
    assert warned(tmp_path, "NATO met in Washington.") == {}
    # "Alliance" after "Japan" is no mention of NATO: "Japan Alliance" is a name of its own.
    actors = KNOWN.replace(
        "forms: [NATO, Nato, the Alliance]",
        "forms: [NATO, Nato, the Alliance, {text: Alliance, unless_after: [Japan]}]",
    )
    assert actors != KNOWN
    found = warned(tmp_path / "rule", "NATO fears a new Japan Alliance.", actors=actors)
    assert set(found) == {"Japan Alliance"}


def test_a_quoted_word_alone_is_a_name_or_a_term(tmp_path: Path) -> None:
    # A quotation that opens a sentence is left alone; one that holds one word is read.
    found = warned(tmp_path, "NATO met the so-called ‘Squad’ and the “Quad”. “Nothing” moved.")
    assert set(found) == {"Squad", "Quad"}
    # (a state's ISO name excepted, which is read wherever it stands)
    assert warned(tmp_path / "sentence", "NATO said: “Ruritania is small.”") == {}


def test_a_word_alone_in_brackets_is_read_where_a_sentence_opens(tmp_path: Path) -> None:
    # A wire's credit opens a report or closes its paragraphs; a label or a pronoun in brackets
    # is no name.
    found = warned(
        tmp_path,
        "(Ruritanews) -- NATO met on Monday. The talks went well, his office said. (Borduria)\n\n"
        "(Summary) NATO met again. (It) was brief.",
    )
    assert set(found) == {"Ruritanews", "Borduria"}


def test_a_word_after_a_straight_quote_that_closes_a_quotation_is_read(tmp_path: Path) -> None:
    # The quote glued to the comma closes the quotation: the outlet after it is inside the
    # sentence. After a quote that opens one, the first word is the quotation's, and so it is
    # after one that runs into it ('said,"Borduria').
    found = warned(
        tmp_path,
        'NATO met in Tokyo. "We will work with our allies," Ruritanews agency quoted him. He said, '
        '"Nothing moved." He said,"Borduria waits."',
    )
    assert set(found) == {"Ruritanews"}


def test_the_subject_of_a_verb_of_saying_opening_a_sentence_is_read(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met. Moldova said so. Officials said so. Recently said so.")
    assert set(found) == {"Moldova"}
    # and of a verb of saying in the perfect that only someone does: "Norway has announced"
    found = warned(
        tmp_path / "perfect",
        "NATO met. Norway has announced a ship. Officials have said so. History has told us.",
    )
    assert set(found) == {"Norway"}


def test_a_degree_its_field_a_season_and_a_portfolio_are_no_names(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met. Ann Lee, Director of the BA in International Affairs, has a PhD in War "
        "Studies. NATO met this Spring. Bo Kim, Public Affairs Director of NATO, spoke. He "
        "earned his M.A. in Security Affairs and a Ph.D.",
    )
    # A degree's stops make it no other: "M.A. in Security Affairs", "a Ph.D.".
    assert set(found) == {"Ann Lee", "Bo Kim"}


def test_a_heading_with_long_prepositions_a_creeds_plural_and_an_fm_are_no_names(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met.\n\nThe Relationship between Georgia and NATO\n\nGeorgia is not a member. "
        "Their FM Ana Lee spoke. The Islamists objected.",
    )
    assert set(found) == {"Georgia", "Ana Lee"}


def test_a_states_name_opening_a_sentence_is_read(tmp_path: Path) -> None:
    # The world's states by their ISO 3166-1 names, and not the knowledge base's: any corpus's.
    found = warned(
        tmp_path,
        "NATO met. France blocked the plan. Netherlands will host it. Iran agreed. Nothing "
        "blocked it. Security matters.",
    )
    assert set(found) == {"France", "Netherlands", "Iran"}  # ("Iran, Islamic Republic of")


def test_a_list_of_capitalised_words_opening_a_sentence_is_a_list_of_names(tmp_path: Path) -> None:
    found = warned(
        tmp_path, "NATO met. Georgia, Moldova and Armenia agreed. Lithuania and NATO met."
    )
    assert set(found) == {"Georgia", "Moldova", "Armenia", "Lithuania"}
    # A word that opens a sentence before a comma is no list of names.
    assert warned(tmp_path / "adverb", "NATO met. Afterwards, Japan agreed.") == {}


def test_a_name_whose_id_is_taken_is_offered_to_that_entry(tmp_path: Path) -> None:
    actors = (
        KNOWN
        + """\
- id: kishida-fumio
  name: Kishida Fumio
  type: person
  description: A person.
  forms: [Kishida]
"""
    )
    message = warned(tmp_path, "NATO met Prime Minister Kishida Fumio.", actors=actors)[
        "Kishida Fumio"
    ]
    assert "'Kishida' alone is kishida-fumio" in message
    assert "if it names kishida-fumio, add it to that entry's forms" in message
    assert stub(message)["id"] == "kishida-fumio-2"


def test_a_stub_id_that_yaml_would_misread_is_quoted(tmp_path: Path) -> None:
    # "on" and "no" read as booleans in YAML unless quoted.
    found = warned(tmp_path, "NATO met the ON delegation and the NO party.")
    assert [stub(found[name])["id"] for name in ("ON", "NO")] == ["on", "no"]


def test_a_heading_in_title_case_shows_only_names_with_a_head_word(tmp_path: Path) -> None:
    body = (
        "NATO met Japan there.\n\n## Why Japan Matters Now in the Pacific Islands Forum\n\nIt did."
    )
    assert set(warned(tmp_path, body)) == {"Pacific Islands Forum"}


def test_a_section_title_opened_by_a_preposition_is_the_titles_own(tmp_path: Path) -> None:
    body = (
        "NATO met Japan there.\n\nFrom Bilateral Drill to Multi-Domain Platform\n\nIt grew.\n\n"
        "The Role of the Pacific Islands Forum\n\nIt met."
    )
    # An article before the name is still a phrase about it: the name inside is reported.
    assert set(warned(tmp_path, body)) == {"Pacific Islands Forum"}


def test_a_section_title_between_list_items_is_the_titles_own(tmp_path: Path) -> None:
    body = (
        "NATO met Japan there.\n\n"
        "- NATO and Japan condemned the attacks on ships in the Red Sea, which the rebels carried"
        " out with drones and missiles over many weeks of the winter, as the world watched.\n\n"
        "International Response\n\n- Japan sent one ship.\n\nChallenges and Divisions\n\n"
        "- NATO sent none."
    )
    # A long item is the body begun, as a long paragraph is.
    assert set(warned(tmp_path, body)) == {"Red Sea"}


# Events referred to generically, and dates marked as naming none -----------------------------

GENERIC_EVENTS = """\
- id: madrid-2022
  name: NATO Summit, Madrid
  type: summit
  date: "2022-06-28"
  end_date: "2022-06-30"
  precision: day
  place: Madrid
  participants: [nato]
  description: A summit.
  forms: [Madrid summit]
  generic: [NATO summit]
- id: vilnius-2023
  name: NATO Summit, Vilnius
  type: summit
  date: "2023-07-11"
  end_date: "2023-07-12"
  precision: day
  place: Vilnius
  participants: [nato]
  description: A summit.
  forms: [Vilnius summit]
  generic: [NATO summit]
- id: washington-2024
  name: NATO Summit, Washington
  type: summit
  date: "2024-07-09"
  end_date: "2024-07-11"
  precision: day
  place: Washington
  participants: [nato]
  description: A summit.
  forms: [Washington summit]
  generic: [NATO summit]
"""
# Published in a year with no summit: the publication date decides nothing.
PUBLISHED_2025 = {"published": 'published: {value: "2025", precision: year, inferred: a guess}'}
PUBLISHED_2020 = {"published": 'published: {value: "2020-01", precision: month, inferred: a test}'}


def checked(
    tmp_path: Path,
    body: str,
    *,
    events: str = GENERIC_EVENTS,
    overrides: dict[str, str] | None = None,
) -> list[Diagnostic]:
    """Every diagnostic of a one-article corpus, none of them an error."""
    words = body.split()
    corpus_dir = write_corpus(
        tmp_path,
        body,
        quotes=(" ".join(words[:2]), " ".join(words[2:4])),
        actors=KNOWN,
        events=events,
        overrides=overrides,
    )
    corpus, found = annotate(make_config(corpus_dir, TEMPLATES, tmp_path / "site"))
    assert corpus is not None, [str(d) for d in found]
    assert not [d for d in found if d.severity is Severity.ERROR], [str(d) for d in found]
    return found


def of_field(found: list[Diagnostic], field: str) -> list[str]:
    return [d.message for d in found if d.field == field]


def test_a_generic_reference_no_event_fits_is_listed_with_a_stub(tmp_path: Path) -> None:
    body = "Leaders met at the NATO summit in 2019. NATO agreed."
    found = checked(tmp_path / "before", body)
    (message,) = of_field(found, "events")
    # The passage, its sentence, and why: the sentence dates it to a year of no known summit.
    assert message.startswith(
        "'NATO summit' ('Leaders met at the NATO summit in 2019.') is left unannotated: "
        "no known event fits its context (its sentence is dated 2019)"
    )
    assert "annotate it in the article's `mentions:` with the event id" in message
    assert "or add the event to events.yaml" in message
    # The line to add to `mentions:`, then a stub for events.yaml.
    mention, *stub_lines = message.split("\n")[1:]
    assert yaml.safe_load(mention) == [
        {"passage": "Leaders met at the NATO summit", "text": "NATO summit", "event": "EVENT-ID"}
    ]
    (entry,) = yaml.safe_load("\n".join(stub_lines))
    assert entry["type"] == "summit"
    assert entry["date"] == "2019"
    assert entry["generic"] == ["NATO summit"]
    # Not reported as a name as well.
    assert of_field(found, "mentions") == []
    # The pasted stub is the event the context fits.
    pasted = GENERIC_EVENTS + "\n".join(stub_lines) + "\n"
    assert of_field(checked(tmp_path / "after", body, events=pasted), "events") == []


def test_a_generic_reference_several_events_fit_lists_them(tmp_path: Path) -> None:
    # Published after both summits: a text of 2020 could not praise either.
    body = "Leaders of NATO met in Madrid and in Vilnius. They praised the NATO summit."
    (message,) = of_field(checked(tmp_path, body, overrides=PUBLISHED_2025), "events")
    assert "several events fit its context (madrid-2022, vilnius-2023)" in message
    assert "- id:" not in message  # no stub: the event is one of them
    assert "annotate it in the article's `mentions:` with the event id" in message


def test_a_generic_phrase_in_title_case_is_not_an_unknown_name(tmp_path: Path) -> None:
    # "NATO Summit": known as a generic phrase whatever its case; here nothing around it decides
    # among the summits, so it is an event warning, not a name.
    body = "Allies gathered for the NATO Summit. They agreed."
    found = checked(tmp_path, body, overrides=PUBLISHED_2025)
    assert of_field(found, "mentions") == []
    (message,) = of_field(found, "events")
    assert "chooses among madrid-2022, vilnius-2023, washington-2024" in message
    assert "- id: nato-summit-2025" in message  # it may be an event not known yet
    # In a text of 2020, every summit it may name was still to come: none fits.
    (message,) = of_field(checked(tmp_path / "2020", body, overrides=PUBLISHED_2020), "events")
    assert "no known event fits its context" in message


def test_a_generic_phrase_with_a_place_is_not_an_unknown_name(tmp_path: Path) -> None:
    body = "Allies gathered for the Riga NATO Summit. They agreed."
    found = checked(tmp_path, body, overrides=PUBLISHED_2020)
    assert of_field(found, "mentions") == []
    assert len(of_field(found, "events")) == 1


def test_an_unknown_state_after_a_generic_phrase_is_reported_a_known_place_is_not(
    tmp_path: Path,
) -> None:
    # Written in January 2024: "the NATO summit in Lithuania" is the Vilnius summit, and
    # Lithuania a state to add; the known city, with its district, is the reference's own (a
    # summit within a year of the text).
    events = GENERIC_EVENTS.replace("place: Vilnius", "place: Vilnius, Lithuania")
    body = (
        "Japan weighs the NATO summit in Lithuania. Europe went to the NATO summit in Vilnius. "
        "China watches the NATO summit in Washington DC."
    )
    published = {"published": 'published: {value: "2024-01", precision: month, inferred: a test}'}
    found = checked(tmp_path, body, events=events, overrides=published)
    assert [m.split(" is not covered")[0] for m in of_field(found, "mentions")] == ["'Lithuania'"]


def test_an_unknown_place_a_visit_goes_to_is_reported(tmp_path: Path) -> None:
    # "the trip to Ruritania" is the known visit, to a city of Ruritania; Ruritania, at its end,
    # is a place to add.
    events = GENERIC_EVENTS + (
        "- {id: tour-2023, name: Tour of Arkady, type: visit, date: 2023-01-30, precision: day,"
        " place: Arkady, participants: [nato], description: d, forms: [],"
        " generic: [trip to Ruritania]}\n"
    )
    body = "NATO spoke ahead of the trip to Ruritania. The US objected."
    published = {"published": 'published: {value: "2023-01", precision: month, inferred: a test}'}
    found = checked(tmp_path, body, events=events, overrides=published)
    assert [m.split(" is not covered")[0] for m in of_field(found, "mentions")] == ["'Ruritania'"]


def test_a_date_marked_as_naming_no_event_is_not_reported(tmp_path: Path) -> None:
    body = "NATO has grown since 2016. The US objected."
    assert len(of_field(checked(tmp_path / "before", body), "dates")) == 1
    marked = 'dates_without_event:\n  - {passage: "since 2016", reason: "a trend, not an event"}'
    found = checked(tmp_path / "after", body, overrides={"dates_without_event": marked})
    assert of_field(found, "dates") == []


@pytest.mark.parametrize(
    "body",
    [
        "NATO adopted the NATO 2030 agenda. The US objected.",
        "NATO wrote at https://www.nato.int/cps/en/natohq/2019/topics.htm about it.",
    ],
)
def test_a_year_inside_a_name_or_an_address_is_not_a_date_to_tie(tmp_path: Path, body: str) -> None:
    assert of_field(checked(tmp_path, body), "dates") == []


def test_a_country_after_a_summits_meeting_is_reported_when_unknown(tmp_path: Path) -> None:
    events = GENERIC_EVENTS.replace("place: Madrid", "place: Madrid, Spain")
    body = "Japan attended the meeting in Spain this week. NATO agreed."
    published = {"published": 'published: {value: "2022-06", precision: month, inferred: a test}'}
    found = checked(tmp_path, body, events=events, overrides=published)
    assert of_field(found, "events") == []  # the reference is decided: the Madrid summit
    assert [m.split(" is not covered")[0] for m in of_field(found, "mentions")] == ["'Spain'"]


def test_a_models_designation_is_not_reported_but_a_groups_name_is(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "Warsaw bought K2 tanks, K9 self-propelled howitzers and F-35s. The G7 met in Rome.",
    )
    assert "K2" not in found and "K9" not in found and "F-35s" not in found
    assert "G7" in found


def test_a_faiths_movements_adjective_alone_is_not_reported(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO watched Jihadist groups in the region. Salafist Front met.")
    assert "Jihadist" not in found
    assert "Salafist Front" in found


def test_an_air_rank_and_a_memorandums_acronym_are_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "Air Marshal Kevin Short and Air Commodore Ann Lee signed the MOU with NATO. The Air "
        "Force Museum opened.",
    )
    assert "Air" not in found and "MOU" not in found and "Air Commodore" not in found
    assert "Kevin Short" in found and "Ann Lee" in found
    assert "Air Force Museum" in found


def test_a_ships_class_and_its_hull_number_are_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO said the carrier Queen (R08) and an Astute-class submarine sailed with HMS Prince "
        "Edward (R09). The Group of Twenty (G20) met.",
    )
    assert "Astute-class" not in found and "R09" not in found
    # Not after a ship's name: the number may be a name ("R08" is reported, as "G20" is).
    assert "R08" in found and "G20" in found


def test_a_legislators_party_and_state_are_not_reported(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO welcomed Senators Jeanne Shaheen (D-NH), Ben Cardin (D-Md.), Jim Risch (R-Idaho) and "
        "Brian Schatz, D-Hawaii, who recalled D-Day.",
    )
    assert not {"D-NH", "D-Md", "R-Idaho", "D-Hawaii"} & set(found)
    assert {"Jeanne Shaheen", "Ben Cardin", "Jim Risch", "Brian Schatz"} <= set(found)
    # Not a tag where no bracket or comma holds it: "D-Day" is a name.
    assert "D-Day" in found
    # With a comma between party and state, in brackets.
    found = warned(
        tmp_path / "commas",
        "NATO welcomed Senators Dan Sullivan (R., Alaska) and Tammy Duckworth (D., Ill.), who "
        "recalled D-Day.",
    )
    assert not {"R", "D", "R.", "D.", "Ill", "Alaska"} & set(found)
    assert {"Dan Sullivan", "Tammy Duckworth", "D-Day"} <= set(found)


def test_a_word_of_time_joined_to_a_title_and_a_numbered_type_are_not_reported(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met. Then-Prime Minister Shigeru Ishiba agreed. Ex-President Moon Jae-in and "
        "then-Foreign Minister Park Jin spoke of the Type 055 destroyer and the Type Forum.",
    )
    assert {"Shigeru Ishiba", "Moon Jae-in", "Park Jin"} <= set(found)
    assert not {"Then-Prime", "Ex-President Moon Jae-in", "Type", "Then"} & set(found)
    # A type named without its number may be a name.
    assert "Type Forum" in found


def test_a_ships_type_and_number_apart_are_not_a_name(tmp_path: Path) -> None:
    assert set(warned(tmp_path, "NATO met HMAS Sydney (DDG 42) there.")) == {"HMAS Sydney"}


def test_a_legislators_and_a_malaysian_honorifics_are_titles(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO heard Labour MP Tom Smith, Scottish M.P. Chris Law and MEP Anna Fotyga. Former "
        "premier Tun Dr Mahathir Mohamad and Datuk Hishammuddin Hussein spoke.",
    )
    assert {
        "Tom Smith",
        "Chris Law",
        "Anna Fotyga",
        "Mahathir Mohamad",
        "Hishammuddin Hussein",
    } <= set(found)
    assert not {"Tun", "M.P.", "Datuk Hishammuddin Hussein", "Labour MP Tom Smith"} & set(found)


def test_a_treatys_parties_and_a_survey_ships_hull_number_are_not_reported(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO noted that neither of the Parties may act alone. The survey ship USNS Bowditch "
        "(T-AGS-62) sailed.",
    )
    assert set(found) == {"USNS Bowditch"}


def test_a_compound_a_title_capitalises_is_not_a_name(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO and Japan met.\n\nI. The Geopolitical Crucible: Why Multi-Alignment is "
        "Non-Negotiable\n\nThe Pacific states met the ASEAN-EU group.",
    )
    assert not {"Multi-Alignment", "Non-Negotiable"} & set(found)


def test_a_speakers_greetings_and_interjections_and_an_inspector_general_are_not_reported(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met.\n\nMorning, Adam, good morning.\n\nOh, I mean, it is good, said Luxon. The "
        "sign read “Okaeri - Welcome back, Bavaria”. The Inspector General of the Bundeswehr, "
        "Eberhard Zorn, spoke.",
    )
    assert not {"Morning", "Oh", "Welcome", "Inspector", "Inspector General"} & set(found)
    assert {"Adam", "Luxon", "Bavaria", "Eberhard Zorn"} <= set(found)


def test_a_centurys_currencys_and_longtime_officers_capitals_are_not_a_name(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met. Japan will spend 43 trillion Yen. It was the catastrophe of the 20th Century, "
        "said Gerhard Arndt.\n\nLong-time Prime Minister Shinzo Abe came with First Sea Lord "
        "General Sir Gwyn Jenkins.",
    )
    assert set(found) == {"Gerhard Arndt", "Shinzo Abe", "Gwyn Jenkins"}


def test_an_abbreviated_titles_portfolio_is_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path, "NATO met Assistant Sec.-Gen. for Defence Policy and Planning Angus Lapsley."
    )
    assert set(found) == {"Angus Lapsley"}


def test_the_planet_a_year_of_accounts_and_a_capitalised_lead_are_not_reported(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "AT this year’s forum NATO spoke of threats on Earth and in low Earth orbit, said Hana "
        "Kim.\n\nIN the Fiscal Year 2023 an office was planned, said Ivo Daalder.\n\nIT HAS BEEN "
        "a year since NATO met. A US Congressional Committee met, said Ivo Daalder.",
    )
    # "A" is no lead in capitals, and "US" no function word: the committee is still named.
    assert set(found) == {"Hana Kim", "Ivo Daalder", "US Congressional Committee"}


def test_a_titles_portfolio_of_affairs_in_any_words_is_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met Deputy Minister for Multinational and Global Affairs Mr Dong-ik Shin and the "
        "Minister of Veterans Affairs. The Ministry of Culture Affairs of Ruritania spoke.",
    )
    # A body's name is still one: only a title's portfolio names no one.
    assert set(found) == {"Dong-ik Shin", "Ministry of Culture Affairs", "Ruritania"}


def test_a_bodys_head_word_told_again_and_the_internet_are_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO opened its Cyber Defence Centre of Excellence in Tallinn. Japan opened a pop-up "
        "embassy there. An officer was seconded to the Centre for a year. The Embassy will support "
        "an open and secure Internet. The Commission met NATO. When the Senate Foreign Relations "
        "Committee met, it asked the Senate to act.",
    )
    # "the Commission" was not named before, and "the Senate" is a name of its own: both are
    # still reported.
    assert set(found) == {
        "Cyber Defence Centre of Excellence",
        "Tallinn",
        "Commission",
        "Senate Foreign Relations Committee",
        "Senate",
    }


def test_a_name_made_an_adjective_of_crossing_is_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO spoke of the trans-Pacific partnership, of cross-Strait ties and of the "
        "sub-Mediterranean basin. The Trans-Pacific Partnership met.",
    )
    # With a capital, the prefix opens a name of its own; a part of a place is still of it.
    assert set(found) == {"Trans-Pacific Partnership", "Mediterranean"}


def test_a_presenters_label_a_lead_title_in_capitals_a_retired_rank_and_more_are_not_reported(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "HANA KIM, PRESENTER: NATO met Lieutenant General (Retired) Ivo Daalder. Mr Ivo Daalder, "
        "Vice Chairman & Managing Director, and Mr Ivo Daalder, Co-Chairman of the forum, asked "
        "NATO for a U-turn. NATO met Yoon O-jun.\n\nIVO DAALDER, BYLINE: NATO flies AI-powered "
        "drones.\n\nPRIME Minister Ivo Daalder met Vice Commandant Ivo Daalder and Vice-Admiral "
        "Ivo Daalder about his country's U-turn.",
    )
    # A letter's compound after a name is a part of the name.
    assert set(found) == {"HANA KIM", "Ivo Daalder", "Yoon O-jun", "IVO DAALDER"}


def test_a_compass_word_shared_with_the_next_name_or_put_in_brackets_is_not_reported(
    tmp_path: Path,
) -> None:
    places = (
        "- {id: korea, name: Korea, type: state, description: d, forms: [Korea]}\n"
        "- {id: sea, name: South China Sea, type: region, description: d,\n"
        "   forms: [South China Seas]}\n"
        "- {id: sea-asia, name: Southeast Asia, type: region, description: d,\n"
        "   forms: [Southeast Asia]}\n"
    )
    body = (
        "China sent ships to the East and South China Seas. NATO watches East and Southeast "
        "Asia. NATO works with Japan and [South] Korea, and with (South) Korea."
    )
    assert warned(tmp_path / "a", body, actors=KNOWN + places) == {}
    # Alone, "the East" is still a name the knowledge base lacks.
    assert set(warned(tmp_path / "b", "NATO met in the East.", actors=KNOWN + places)) == {"East"}
    # The end of a name before another is no first half: "the Middle East and North Africa".
    found = warned(tmp_path / "c", "NATO looks to the Middle East and North Africa.", actors=KNOWN)
    assert set(found) == {"Middle East", "North Africa"}


def test_according_to_after_a_dateline_or_a_missing_space_is_no_name(tmp_path: Path) -> None:
    body = "NATO met Japan. Seoul, June 6 According to the talks, NATO (NATO).According to Japan."
    assert warned(tmp_path, body) == {}


def test_the_relations_of_two_known_parties_in_capitals_are_not_reported(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "He studies Japan-China Relations and European-Chinese Tensions. The China Relations "
        "Institute disagreed.",
    )
    assert list(found) == ["China Relations Institute"]


def test_a_known_name_run_into_the_next_sentences_first_word_is_not_reported(
    tmp_path: Path,
) -> None:
    assert warned(tmp_path, "NATO met Japan in ChinaThe talks went on.") == {}


def test_another_states_formal_name_is_reported_whole(tmp_path: Path) -> None:
    # "China" of the People's Republic inside "the Republic of China" is not covered by it.
    actors = KNOWN.replace(
        "forms: [China, Chinese]", "forms: [China, Chinese, People’s Republic of China]"
    )
    found = warned(
        tmp_path,
        "NATO met the Republic of China and the People’s Republic of China.",
        actors=actors,
    )
    assert set(found) == {"Republic of China"}
