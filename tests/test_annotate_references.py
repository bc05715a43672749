"""Bibliography entries of the common styles, made up, read into their parts."""

from __future__ import annotations

from natocorpus.annotate.references import author_names, normalise_doi, parse_reference
from natocorpus.model import PartialDate

NAMES = author_names(
    {"ada-lovell": ("Ada Lovell", "Lovell"), "ivan-petrov": ("I.P. Petrov",)},
    {"acme-council": ("Acme Council", "AC")},
)


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_reference(1, text, "p", NAMES)


def test_romanised_gost_entry_with_doi_in_en_dashes() -> None:
    ref = parse(
        "Petrov I.P. Novaya strategiya (The new strategy). Zhurnal mira. 2019. No. 2. "
        "S. 10–20. DOI: 10.12345/1234–5678–2019–2–10–20. (In Russ.)"
    )
    assert ref.authors == ("Petrov I.P.",)
    assert ref.author_actors == ("ivan-petrov",)
    assert ref.title == "Novaya strategiya (The new strategy)"
    assert ref.container == "Zhurnal mira"
    assert ref.date == "2019" and ref.issued == PartialDate(2019)
    assert ref.doi == "10.12345/1234-5678-2019-2-10-20"
    assert ref.doi_printed == "10.12345/1234–5678–2019–2–10–20"


def test_cyrillic_gost_entry_with_double_slash_and_dashes() -> None:
    ref = parse(
        "Иванов А.Б., Сидоров В.Г. Новая стратегия // Вестник мира. – 2021. – № 4. – С. 5–9. "
        "URL: https://example.org/a (дата обращения: 05.03.2023)."
    )
    assert ref.authors == ("Иванов А.Б.", "Сидоров В.Г.")
    assert ref.title == "Новая стратегия"
    assert ref.container == "Вестник мира"
    assert ref.date == "2021"
    assert ref.url == "https://example.org/a"
    assert ref.accessed == "05.03.2023"


def test_a_year_inside_the_title_is_not_the_date() -> None:
    ref = parse(
        "Acme 2030 Grand Plan. Adopted by the members at the meeting in Oslo. Acme Council. "
        "March 3, 2020. URL: https://example.org/plan.pdf (accessed: 15.09.2021)."
    )
    assert ref.title == "Acme 2030 Grand Plan"
    assert ref.container == "Acme Council"
    assert ref.date == "March 3, 2020" and ref.issued == PartialDate(2020, 3, 3)
    ref = parse("Programme of the partners for 2019–2022. Acme Council. July 1, 2019.")
    assert ref.title == "Programme of the partners for 2019–2022"
    assert ref.date == "July 1, 2019"


def test_an_address_with_a_printed_space_runs_to_the_access_date() -> None:
    ref = parse(
        "Lovell Ada. Some title. Some Forum. May 1, 2022. URL: https://example.org/x?utm_medium=e "
        "mail&utm_id=12 (accessed: 02.05.2022)."
    )
    assert ref.url == "https://example.org/x?utm_medium=email&utm_id=12"
    assert ref.authors == ("Lovell Ada",) and ref.author_actors == ("ada-lovell",)
    bare = parse("Lovell, A. (2022). Title. Forum. https://example.org/y?a=1&b=e mail&c=3")
    assert bare.url == "https://example.org/y?a=1&b=email&c=3"


def test_apa_entry() -> None:
    ref = parse(
        "Lovell, A., & Smith, J. K. (2022). A stronger alliance for a harder world. "
        "Journal of Things, 12(3), 1–9. https://doi.org/10.1000/abc‐123"
    )
    assert ref.authors == ("Lovell, A.", "Smith, J. K.")
    assert ref.author_actors == ("ada-lovell", None)
    assert ref.date == "2022"
    assert ref.title == "A stronger alliance for a harder world"
    assert ref.container == "Journal of Things"
    assert ref.doi == "10.1000/abc-123" and ref.url is None


def test_apa_entry_with_an_organisation_as_author() -> None:
    ref = parse("Acme Council. (2020, June 29). Grand plan. https://example.org/plan")
    assert ref.authors == ("Acme Council",)
    assert ref.author_actors == ("acme-council",)
    assert ref.title == "Grand plan"
    assert ref.issued == PartialDate(2020, 6, 29)


def test_chicago_entry_with_quoted_title_and_date_after_the_container() -> None:
    ref = parse(
        'Lovell, Ada. "Why Alliances Travel." Foreign Things, July 10, 2023. '
        "https://example.org/why. Accessed 12 September 2023."
    )
    assert ref.authors == ("Lovell, Ada",)
    assert ref.author_actors == ("ada-lovell",)
    assert ref.title == "Why Alliances Travel"
    assert ref.container == "Foreign Things"
    assert ref.date == "July 10, 2023"
    assert ref.accessed == "12 September 2023"
    assert ref.url == "https://example.org/why"


def test_an_author_is_linked_only_where_the_initial_fits() -> None:
    assert parse("Lovell B. Title. Forum. 2020.").author_actors == ()
    assert parse("A. Lovell. Title. Forum. 2020.").author_actors == ("ada-lovell",)


def test_a_two_word_title_is_not_an_author() -> None:
    ref = parse("Grand Strategy. Forum of Things. 2020.")
    assert ref.authors == ()
    assert ref.title == "Grand Strategy"


def test_doi_normalised() -> None:
    assert normalise_doi("https://doi.org/10.1/ab–c.") == "10.1/ab-c"
    assert normalise_doi("doi: 10.1/a b") == "10.1/ab"
