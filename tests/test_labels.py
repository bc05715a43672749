"""The labels readers see in place of raw values: corpus values, signed numbers, spans of dates
and event names beside their dates."""

from __future__ import annotations

import pytest

from natocorpus.link.labels import (
    date_range,
    date_range_text,
    name_with_date,
    name_without_own_date,
    signed,
    value_label,
)
from natocorpus.link.views import DateLabel, EventRef
from natocorpus.model import PartialDate as D


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("journal-abstract", "Journal abstract"),
        ("abstract-with-references", "Abstract with references"),
        ("opinion", "Opinion"),
        ("full", "Full"),
    ],
)
def test_a_corpus_value_reads_as_words(value: str, label: str) -> None:
    assert value_label(value) == label


def test_a_negative_number_has_a_true_minus_sign() -> None:
    assert signed(-2) == "\u22122"
    assert signed(0) == "0"
    assert signed(2) == "2"
    assert "-" not in signed(-13)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (D(2006, 11, 28), D(2006, 11, 29), "28\u201329 November 2006"),
        (D(2022, 6, 30), D(2022, 7, 1), "30 June \u2013 1 July 2022"),
        (D(2021, 12, 30), D(2022, 1, 2), "30 December 2021 \u2013 2 January 2022"),
        (D(2022, 5), D(2022, 11), "May \u2013 November 2022"),
        (D(2001), D(2014), "2001\u20132014"),
        (D(1939, 9, 1), D(1945, 9, 2), "1 September 1939 \u2013 2 September 1945"),
        (D(2022, 5), D(2022, 11, 3), "May 2022 \u2013 3 November 2022"),
        (D(2022, 6, 28), None, "28 June 2022"),
        (D(2022, 6, 28), D(2022, 6, 28), "28 June 2022"),
    ],
)
def test_a_span_of_dates_is_written_compactly(start: D, end: D | None, text: str) -> None:
    assert date_range_text(start, end) == text


def test_the_span_keeps_its_two_ends_apart() -> None:
    """The template marks each end up as a <time>: the parts join to the text."""
    assert date_range(D(2006, 11, 28), D(2006, 11, 29)) == ("28", "\u2013", "29 November 2006")
    assert date_range(D(2022, 6, 28), None) == ("28 June 2022", "", "")


@pytest.mark.parametrize(
    ("name", "start", "end", "shown"),
    [
        ("Riga Summit (2006)", D(2006, 11, 28), D(2006, 11, 29), "Riga Summit"),
        ("Riga Summit (28-29 November 2006)", D(2006, 11, 28), D(2006, 11, 29), "Riga Summit"),
        ("Riga Summit (28\u201329 November 2006)", D(2006, 11, 28), D(2006, 11, 29), "Riga Summit"),
        ("Madrid Summit (June 2022)", D(2022, 6, 28), D(2022, 6, 30), "Madrid Summit"),
        ("ISAF (2003-2014)", D(2003, 8, 11), D(2014, 12, 28), "ISAF"),
        ("Madrid Summit (Spain)", D(2022, 6, 28), None, "Madrid Summit (Spain)"),
        ("Madrid Summit (2023)", D(2022, 6, 28), None, "Madrid Summit (2023)"),
        ("Summit, June 2022", D(2022, 6, 28), None, "Summit, June 2022"),
        ("(2022)", D(2022), None, "(2022)"),
    ],
)
def test_an_event_name_beside_its_date_does_not_repeat_it(
    name: str, start: D, end: D | None, shown: str
) -> None:
    assert name_without_own_date(name, start, end) == shown


def test_an_event_reference_offers_both_forms() -> None:
    """Pages that show the date beside the name use `name_beside_date`; the name itself (ids,
    downloads, the event's own page) is unchanged."""
    ref = EventRef(
        id="riga-2006",
        href="/events/riga-2006/",
        name="Riga Summit (2006)",
        type="summit",
        date=DateLabel("2006-11-28", "28 November 2006", "day"),
        end_date=DateLabel("2006-11-29", "29 November 2006", "day"),
        place="Riga",
        count=1,
    )
    assert ref.name == "Riga Summit (2006)"
    assert ref.name_beside_date == "Riga Summit"
    assert "".join(ref.when) == "28\u201329 November 2006"
    assert DateLabel("2022-05", "May 2022", "month").value == D(2022, 5)


@pytest.mark.parametrize(
    ("name", "start", "end", "shown"),
    [
        ("Riga Summit", D(2006, 11, 28), D(2006, 11, 29), "Riga Summit (28\u201329 November 2006)"),
        (
            "Riga Summit (2006)",
            D(2006, 11, 28),
            D(2006, 11, 29),
            "Riga Summit (28\u201329 November 2006)",
        ),
        (
            "Foreign Ministers' Meeting, December 2020",
            D(2020, 12, 1),
            None,
            "Foreign Ministers' Meeting, December 2020",
        ),
        (
            "Summit of 12020 delegates",
            D(2020, 12, 1),
            None,
            "Summit of 12020 delegates (1 December 2020)",
        ),
    ],
)
def test_an_event_name_with_its_date_says_the_date_once(
    name: str, start: D, end: D | None, shown: str
) -> None:
    """The comparison's column heads: a name that already gives its year is not followed by the
    date again."""
    assert name_with_date(name, start, end) == shown
