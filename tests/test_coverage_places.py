"""The coverage check on made-up sentences: capitals that a line's or a word's place explains
(a headline kept as text, a contraction) and names that their place does not hide (a state's
word before a title, a byline run into a headline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_coverage import warned


@pytest.mark.parametrize(
    "body",
    [
        "NATO met. I’ll say it, and I’m sure we’ll agree. Don’t doubt it. We’re ready.",
        # A headline kept as a paragraph: its capitals are the headline's.
        "How Japan Can Play a Role in the Far East\n\nJapan met NATO.",
        "Japan’s Opposition to NATO: A Turn?\n\nJapan met NATO.\n\nA Focal Point for Cooperation"
        "\n\nThe opposition grew.",
    ],
)
def test_capitals_of_a_contraction_or_a_headline_are_not_names(tmp_path: Path, body: str) -> None:
    assert warned(tmp_path, body) == {}


def test_a_headline_kept_as_text_shows_names_with_a_head_word_or_a_title(tmp_path: Path) -> None:
    body = (
        "Why Japan Matters Now for the Pacific Islands Forum\n\n"
        "A Word From Secretary General Jan Kowalski\n\nJapan met NATO."
    )
    assert set(warned(tmp_path, body)) == {"Pacific Islands Forum", "Jan Kowalski"}


def test_a_line_that_ends_a_sentence_is_prose_not_a_headline(tmp_path: Path) -> None:
    body = "Japan met NATO. Ships From Georgia Sailed Past Armenian Ports Today."
    # Its capitals are read as names (here as one run), not silenced as a headline's.
    assert any("Georgia" in phrase for phrase in warned(tmp_path, body))


def test_a_byline_run_into_a_headline_is_read(tmp_path: Path) -> None:
    body = (
        "Japan and the Alliance: How NATO Can Play a Role in the Far East By Ann Other\n\n"
        "Japan met."
    )
    assert set(warned(tmp_path, body)) == {"Ann Other"}


def test_a_states_word_before_a_title_is_read_wherever_it_stands(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met. “French President Jean Dupont spoke for an hour about ties,” they said. "
        "Polish Prime Minister Jan Nowak agreed. Yesterday President Ann Other replied.",
    )
    assert set(found) == {"French", "Jean Dupont", "Polish", "Jan Nowak", "Ann Other"}


def test_a_name_after_a_lower_case_prefix_or_a_number_run_into_it_is_read(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met.\n\n1.Japan agreed.\n2.NHK has learned of non-Article 5 tasks and "
        "anti-Ruritania protests in the U.S.",
    )
    assert set(found) == {"NHK", "Article 5", "Ruritania"}


def test_an_acronym_in_brackets_for_the_name_inside_a_longer_one_is_its_own(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met the Chinese Mission to the European Union (EU) and the Indo-Pacific Four (IP4).",
    )
    assert set(found) == {"Chinese Mission to the European Union", "EU", "Indo-Pacific Four"}


def test_an_authors_line_with_the_family_name_in_capitals_is_read(tmp_path: Path) -> None:
    # Official documents print the family name in capitals and the affiliation in brackets:
    # such a line is an author's, not a headline in title case.
    body = "NATO AND THE PACIFIC\n\nAnna NOWAKOWSKA (Ruritania)\n\nNATO met."
    assert set(warned(tmp_path, body)) == {"Anna NOWAKOWSKA", "Ruritania"}


def test_a_headline_shows_a_name_after_a_title_or_with_its_family_name_in_capitals(
    tmp_path: Path,
) -> None:
    body = (
        "Talks between Prime Minister Tanaka and the Delegation of TORVALD Erik (Summary)\n\n"
        "NATO Leaders Meet\n\nNATO met."
    )
    assert set(warned(tmp_path, body)) == {"Tanaka", "TORVALD Erik"}


def test_a_headline_that_is_a_documents_own_title_is_not_a_name(tmp_path: Path) -> None:
    # The whole line is the title ("Preliminary Annual Report"); a name with a head word inside
    # a longer headline is still shown.
    body = (
        "NATO met Japan there.\n\nPreliminary Annual Report\n\n"
        "The Future of the Pacific Islands Forum in Asia\n\nNATO met."
    )
    assert set(warned(tmp_path, body)) == {"Pacific Islands Forum"}


def test_a_document_number_a_title_alone_and_an_abbreviated_month_are_not_names(
    tmp_path: Path,
) -> None:
    body = (
        "021 QXRT 22 E – Original: English – 24 March 2022\n\n"
        "NATO met on Jul. 11. This document represents the views of the Rapporteur and the "
        "Chairman until Sept. 3.\n\nDocument 014 QXRT 23 E rev. 1"
    )
    assert warned(tmp_path, body) == {}


def test_the_city_of_a_known_event_is_a_known_place(tmp_path: Path) -> None:
    events = """\
- id: oslo-2021
  name: A meeting in Oslo
  type: meeting
  date: "2021-05-01"
  precision: day
  place: Oslo, Norway
  participants: [nato]
  description: A meeting.
  forms: []
"""
    found = warned(tmp_path, "NATO met in Oslo, in Norway and at Oslo University.", events=events)
    # Its country is named as a state may be; a longer name that holds the city is its own.
    assert set(found) == {"Norway", "Oslo University"}


def test_a_meetings_document_named_after_it_is_a_document_to_add(tmp_path: Path) -> None:
    events = """\
- id: riga-2006
  name: Riga Summit
  type: summit
  date: "2006-11-28"
  precision: day
  place: Riga
  participants: [nato]
  description: A summit.
  forms: [Riga Summit]
  generic: [summit]
"""
    found = warned(
        tmp_path,
        "NATO held the Riga Summit. Japan read the Riga Summit declaration and the Riga Summit "
        "communiqué. The summit in Riga declaration of intent came later.",
        events=events,
    )
    assert set(found) == {"Riga Summit declaration", "Riga Summit communiqué"}
    assert "type: document" in found["Riga Summit declaration"]


def test_a_date_line_is_no_headline_and_a_time_in_brackets_ends_no_sentence(
    tmp_path: Path,
) -> None:
    # Months and weekdays are capitalised in any line: they do not make it a headline; and the
    # stop of "p.m." before a bracket is the abbreviation's, so "Zedline" opens no sentence.
    body = "June 30, Thursday, 2022 (1:30 p.m.) Zedline\n\nNATO met."
    assert set(warned(tmp_path, body)) == {"Zedline"}


def test_the_place_of_a_dateline_is_where_the_report_was_filed(tmp_path: Path) -> None:
    found = warned(tmp_path, "RIVERTON, May 3 (Wire Agency) – NATO met.\n\nNATO met again.")
    assert set(found) == {"Wire Agency"}


def test_peers_titles_party_offices_credits_and_an_items_number_are_not_names(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met today. My Lords, the noble Baroness, Lady Smith of Newnham, spoke, as did "
        "Viscount Trenchard. Kim Byeong-ki, Acting Chairman and Floor Leader of the Democratic "
        "Party, agreed. Photo Courtesy of NATO.\n\n(2) Considering the situation, NATO agreed. "
        "Its Commanding Officer spoke.",
    )
    assert set(found) == {"Smith", "Newnham", "Trenchard", "Kim Byeong-ki", "Democratic Party"}


def test_a_currencys_code_is_not_a_name(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met today. Allies pledged EUR 40 billion and USD 5 billion.")
    assert found == {}


def test_a_portfolio_or_a_field_in_a_title_and_a_sentences_first_word_before_it(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met today. Total Defence spending rose. Digby Wren, External Relations Advisor, "
        "and Ana Lee, Assistant Professor of Political Science, and Bo Li, Senior Fellow for "
        "Peace, Security and Defence, spoke. Foreign Ministry "
        "officials agreed.",
    )
    assert set(found) == {"Digby Wren", "Ana Lee", "Bo Li", "Foreign Ministry"}


def test_a_text_written_in_lower_case_reports_no_names(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "we welcome the Security Partnerships of nato with japan and china. Stephen Hadley and "
        "the Available Online report agree, japan says.",
    )
    assert found == {}


def test_a_photos_file_label_is_not_a_name(tmp_path: Path) -> None:
    found = warned(
        tmp_path, "NATO met Japan today. NATO agreed.\n\n(FILE) The minister greets NATO."
    )
    assert found == {}


def test_a_list_of_portfolios_before_a_title_is_no_name(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met today. Japan’s Foreign Affairs and Cooperation Minister, Ana Lee, and its "
        "Environment Minister Bo Li spoke. A Labour Prime Minister, Jo Kim, agreed.",
    )
    assert set(found) == {"Ana Lee", "Bo Li", "Labour", "Jo Kim"}


ACTORS_WITH_ITPP = (
    "- {id: nato, name: NATO, type: alliance, description: d, forms: [NATO]}\n"
    "- {id: itpp, name: A partnership programme, type: document, description: d, forms: [ITPP]}\n"
)


def test_members_plural_acronyms_and_offices_are_not_names(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met today. We now have 32 Allies and Partners agreeing, and NATO Member States. "
        "NGOs and SMEs flew A330 MRTTs. The Paymaster General and Minister for the Cabinet "
        "spoke, as did the Atlas Institute. The ITPPs of NATO, each an ITPP, were renewed.",
        actors=ACTORS_WITH_ITPP,
    )
    assert set(found) == {"Atlas Institute", "ITPPs"}


def test_an_acronym_opening_a_line_beside_a_known_name_is_reported(tmp_path: Path) -> None:
    found = warned(tmp_path, "NATO met Japan today.\n\n(MENAFN- Japan) This article was published.")
    assert any("MENAFN" in phrase for phrase in found)


def test_honorifics_and_a_translations_label_are_not_names(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\n[Provisional Translation]\n\nJapan met Rt. Hon. Ana LEE, "
        "the Hon. Bo Li and the Honourable Jo Kim.",
    )
    assert set(found) == {"Ana LEE", "Bo Li", "Jo Kim"}


def test_heads_in_the_plural_peers_and_thanks_are_not_names(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\nPrime Minister Ana Lee, Thank you. MPs and Peers will hear "
        "the Speakers of the Parliaments of Finland and Sweden.",
    )
    assert set(found) == {"Ana Lee", "Finland", "Sweden"}


def test_holidays_spans_of_the_calendar_and_number_labels_are_not_names(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\nHappy New Year! Column (No.48). Early in the New Year, it has "
        "been 10 Years, said Ana Lee of the New Yearbook Society. The Christmas lights were on "
        "from Thanksgiving to Easter Day, and Ramadan began, on Christmas Island too.",
    )
    assert set(found) == {"Ana Lee", "New Yearbook Society", "Christmas Island"}


def test_a_speakers_title_before_the_name_and_westminster_titles_are_not_names(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\nDEPUTY PRIME MINISTER, ANA LEE: Well, NATO met Japan.\n\n"
        "Opposition Leader Bo Li and Shadow Defence Minister Jo Kim spoke.",
    )
    assert set(found) == {"ANA LEE", "Bo Li", "Jo Kim"}


def test_a_title_after_the_speaker_a_photo_pool_and_kinds_of_membership_are_not_names(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\nANA LEE, PRIME MINISTER: Japan joined as a Contributing "
        "Participant; the Sponsoring Nations and Member States agreed.\n\nJapan, said Bo Li.\n\n"
        "Japan joined NATO, said Jo Kim. [EPA-EFE/KIYOSHI OTA / POOL]",
    )
    assert set(found) == {"ANA LEE", "Bo Li", "Jo Kim", "EPA-EFE", "KIYOSHI OTA"}


def test_a_transcripts_label_in_ordinary_capitals_and_a_spoken_opener_are_not_names(
    tmp_path: Path,
) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\nAna Lee, Host: Bo Li is in Jakarta.\n\nForeign Minister: "
        "Look, Mr Kim has his views. Well, we differ.\n\nPartners: Finland, Sweden and Japan.",
    )
    assert set(found) == {"Ana Lee", "Bo Li", "Jakarta", "Kim", "Finland", "Sweden"}


def test_a_lead_set_in_capitals_opens_with_no_name(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "WITH regional arms races growing, Ana Lee went to Seoul. THE Prime Minister and AFTER "
        "spoke to Bo Li.",
    )
    # Only at a sentence's start: "AFTER" inside one is reported.
    assert set(found) == {"Ana Lee", "Seoul", "AFTER", "Bo Li"}


def test_the_names_of_numbered_paragraphs_of_prose_are_reported(tmp_path: Path) -> None:
    # A joint statement numbers its paragraphs: a year in their sentences makes no reference.
    found = warned(
        tmp_path,
        "NATO met Japan today.\n\n1. The President of Japan and Ana Lee met in Tokyo on 11 June "
        "2025 on the occasion of a visit.\n\n2. Japan and Finland recalled the year 2016, when "
        "Japan and Finland first met, and looked ahead to many more years of friendship.",
    )
    assert {"Ana Lee", "Finland"} <= set(found)


def test_a_line_of_names_in_title_case_is_read(tmp_path: Path) -> None:
    # An author's line with what they are, a wire report's credits and a page's tags are names,
    # not a headline whose capitals are its own.
    body = (
        "NATO Looks Across the Wide Seas Again\n\n"
        "Anna Kowalska , Senior Fellow at the Ruritanian Policy Institute\n\n"
        "Erik Lund, Tove Berg, AUKUS, Japan, Quad, Pacific Deterrence Initiative\n\n"
        "Japan met NATO in the spring and spoke of many things.\n\n"
        "(Reporting by Jan Nowak and Ida Berg; Editing by Piet Vos)"
    )
    assert set(warned(tmp_path, body)) == {
        "Anna Kowalska",
        "Ruritanian Policy Institute",
        "Erik Lund",
        "Tove Berg",
        "AUKUS",
        "Quad",
        "Pacific Deterrence Initiative",
        "Jan Nowak",
        "Ida Berg",
        "Piet Vos",
    }


def test_a_headline_listing_a_few_things_after_a_colon_stays_a_headline(tmp_path: Path) -> None:
    body = (
        "Doubts Abound: Tariff Worries, Spending Demands, Border Tensions, Grain Shipments\n\n"
        "Japan met NATO."
    )
    assert warned(tmp_path, body) == {}


def test_fields_of_a_line_set_apart_by_bullets_are_judged_one_by_one(tmp_path: Path) -> None:
    # The byline is not part of a headline with the line's other fields, and the field's label
    # ("Update Time") names no one.
    body = (
        "Europe Must Strengthen Ties\n\nAnna Kowalska • Update Time : Sunday, May 25, 2025\n\n"
        "Japan met NATO."
    )
    assert set(warned(tmp_path, body)) == {"Anna Kowalska"}


def test_a_web_address_does_not_make_a_headline_prose(tmp_path: Path) -> None:
    body = "A “Divided” NATO Is a Mistake, nationalreview.example.org\n\nJapan met NATO."
    assert warned(tmp_path, body) == {}


def test_a_quote_that_a_preposition_leads_into_is_inside_the_sentence(tmp_path: Path) -> None:
    # Its first capital is a name; a quote after a verb or a noun may open a sentence or a title.
    found = warned(
        tmp_path,
        "NATO was made to defend against “Ruritanian invasion.” NATO remains “Open to talks”. "
        "Japan spoke at the session “Priorities in Japan.”",
    )
    assert set(found) == {"Ruritanian"}
    # So is a few words' quote that the sentence goes on from; a quoted sentence is not.
    found = warned(
        tmp_path / "goes-on",
        "Experts feel ‘Graftonian NATO’ will weaken Japan. “Talks ended,” NATO said.",
    )
    assert set(found) == {"Graftonian NATO"}


def test_labels_in_capitals_and_acronyms_of_weapons_and_time_zones_name_no_one(
    tmp_path: Path,
) -> None:
    body = (
        "Japan met NATO after a test of an intercontinental ballistic missile (ICBM).\n\n"
        "READ MORE: Japan and NATO agree\n\nNATO met on Tuesday afternoon (AEST). Ships of "
        "NATO patrol Japan's EEZ.\n\nPodcast\n\nNATO met Japan again."
    )
    assert warned(tmp_path, body) == {}


def test_a_label_in_title_case_opening_a_paragraph_names_no_one(tmp_path: Path) -> None:
    # Before its colon at a paragraph's start; within a paragraph, or made of a name, it is
    # what any capitals there are.
    body = (
        "Breaking News: Japan met NATO.\n\nNATO met Japan. Latest News: NATO spoke.\n\n"
        "Graftonia News: NATO met Japan."
    )
    assert set(warned(tmp_path, body)) == {"Latest News", "Graftonia News"}


def test_a_transcripts_subjects_field_and_a_digests_section_title_name_no_one(
    tmp_path: Path,
) -> None:
    body = (
        "Japan met NATO in Tokyo.\n\nSUBJECT/S: Japan's support for Ukraine; NATO\n\n"
        "The Facts\n\nNATO met Japan. TOPICS: NATO and Japan\n\nNATO met Graftonia."
    )
    assert set(warned(tmp_path, body)) == {"Graftonia"}


def test_a_captions_credit_after_its_sentences_is_a_name_but_a_page_label_is_not(
    tmp_path: Path,
) -> None:
    # A credit ends a caption after its full stop: its first word is a name, not a sentence's.
    body = (
        "Japan will meet NATO in Ruritania.  Graftonia\n\n"
        "NATO met Japan. Story\n\nJapan spoke. Then NATO spoke."
    )
    assert set(warned(tmp_path, body)) == {"Graftonia", "Ruritania"}


def test_a_quantity_opening_a_sentence_is_no_part_of_the_name_after_it(tmp_path: Path) -> None:
    found = warned(
        tmp_path,
        "NATO met Japan today. Few Turkish voters cared. Various Danish firms agreed. Certain "
        "Dutch envoys objected. Perhaps Greek envoys knew. Whatever Czech envoys say, it holds.",
    )
    assert set(found) == {"Turkish", "Danish", "Dutch", "Greek", "Czech"}
