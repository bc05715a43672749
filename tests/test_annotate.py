"""The annotator on tiny corpora written inline: each matching rule, dates, references."""

from __future__ import annotations

from pathlib import Path

from corpus_factory import write_corpus
from natocorpus.annotate import parse_reference
from natocorpus.build import annotate
from natocorpus.config import make_config
from natocorpus.model import AnnotatedArticle, PartialDate
from support import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "templates"


def annotated(tmp_path: Path, body: str, **kwargs: object) -> AnnotatedArticle:
    words = body.split()
    quotes = kwargs.pop("quotes", (" ".join(words[:2]), " ".join(words[2:4])))
    corpus_dir = write_corpus(
        tmp_path,
        body,
        quotes=quotes,  # type: ignore[arg-type]
        capture_body=body.replace("## ", "").replace("1. ", "1. "),
        **kwargs,  # type: ignore[arg-type]
    )
    corpus, diagnostics = annotate(make_config(corpus_dir, TEMPLATES, tmp_path / "site"))
    assert corpus is not None, [str(d) for d in diagnostics]
    return corpus.articles[0]


def mentions(article: AnnotatedArticle) -> list[tuple[str, str]]:
    return [(m.actor, m.text) for m in article.mentions]


def test_acronyms_are_case_aware(tmp_path: Path) -> None:
    article = annotated(tmp_path, "The US told us that the U.S. and Nato agree.")
    assert mentions(article) == [("usa", "US"), ("usa", "U.S."), ("nato", "Nato")]


def test_longer_names_win_and_are_not_double_counted(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "South Korea and the Korean Peninsula matter to NATO. "
        "The NATO 2022 Strategic Concept says so.",
    )
    assert mentions(article) == [
        ("south-korea", "South Korea"),
        ("korean-peninsula", "Korean Peninsula"),
        ("nato", "NATO"),
        ("strategic-concept-2022", "NATO 2022 Strategic Concept"),
    ]


def test_word_boundaries(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "NATOs and USB sticks are not NATO’s concern, Americana fans say."
    )
    assert mentions(article) == [("nato", "NATO")]


def test_a_capital_as_venue_follows_its_rule(tmp_path: Path) -> None:
    article = annotated(tmp_path, "Leaders met in Washington. Washington disagreed at once.")
    assert mentions(article) == [("usa", "Washington")]
    assert article.mentions[0].start == article.text.reading_text.index("Washington disagreed")


def test_offsets_slice_to_the_surface_text_and_name_the_paragraph(tmp_path: Path) -> None:
    body = "NATO met.\n\n## A heading with NATO\n\nThe US objected to NATO."
    article = annotated(tmp_path, body, quotes=("NATO met.", "The US objected"))
    text = article.text.reading_text
    for mention in article.mentions:
        assert text[mention.start : mention.end] == mention.text
        block = article.text.block_at(mention.start)
        assert block.anchor == mention.paragraph
    assert len({m.paragraph for m in article.mentions}) == 3


def test_event_mentions_and_dates_tied_to_them(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In June last year, leaders gathered at the NATO summit in Madrid.",
        quotes=("In June last year,", "leaders gathered"),
    )
    assert [(m.event, m.text) for m in article.event_mentions] == [
        ("madrid-2022", "NATO summit in Madrid")
    ]
    # Published 2023-01: "June last year" is one expression, June 2022.
    dates = {d.text: d for d in article.dates}
    assert dates["June last year"].value == PartialDate(2022, 6)
    assert dates["June last year"].kind == "relative"
    assert dates["June last year"].event == "madrid-2022"


def test_dates_at_their_precision_and_unresolved_periods(tmp_path: Path) -> None:
    article = annotated(
        tmp_path,
        "In 1999 and in December 2016, then on July 12, 2023 and on 27.12.2023, "
        "and on January 29, in recent years, in the 21st century, on April 4-5, 2023, on "
        "11–12 July 2024.",
        quotes=("In 1999", "and in"),
    )
    found = {d.text: d.value for d in article.dates}
    assert found["1999"] == PartialDate(1999)
    assert found["December 2016"] == PartialDate(2016, 12)
    assert found["July 12, 2023"] == PartialDate(2023, 7, 12)
    assert found["27.12.2023"] == PartialDate(2023, 12, 27)
    assert found["January 29"] == PartialDate(2023, 1, 29)
    assert found["in recent years"] is None
    assert found["the 21st century"] is None
    # A span of days is dated by its first.
    assert found["April 4-5, 2023"] == PartialDate(2023, 4, 4)
    assert found["11–12 July 2024"] == PartialDate(2024, 7, 11)


def test_relative_month_is_unresolved_when_publication_has_only_a_year(tmp_path: Path) -> None:
    year_only = 'published: {value: "2022", precision: year, inferred: latest event}'
    article = annotated(
        tmp_path,
        "In June, leaders met.",
        quotes=("In June,", "leaders met."),
        overrides={"published": year_only},
    )
    assert [(d.text, d.value) for d in article.dates] == [("June", None)]


def test_sentences_do_not_break_after_abbreviations(tmp_path: Path) -> None:
    article = annotated(tmp_path, "The U.S. Congress met. Then NATO spoke.")
    assert [article.sentence_text(i) for i in range(len(article.sentences))] == [
        "The U.S. Congress met.",
        "Then NATO spoke.",
    ]


def test_initials_end_a_sentence_before_a_word_that_opens_one(tmp_path: Path) -> None:
    article = annotated(
        tmp_path, "NATO met in Washington, D.C. Since then Ms. Lee and U.S. officials spoke."
    )
    assert [article.sentence_text(i) for i in range(len(article.sentences))] == [
        "NATO met in Washington, D.C.",
        "Since then Ms. Lee and U.S. officials spoke.",
    ]


def test_a_stop_whose_space_a_capture_lost_still_ends_a_sentence(tmp_path: Path) -> None:
    # (A date in the next sentence must not date what this one tells.)
    article = annotated(
        tmp_path, "NATO met in talks.A Japanese official spoke.Nothing came of it, News.Az says."
    )
    assert [article.sentence_text(i) for i in range(len(article.sentences))] == [
        "NATO met in talks.",
        "A Japanese official spoke.",
        "Nothing came of it, News.Az says.",
    ]


def test_references_are_structured(tmp_path: Path) -> None:
    reference = parse_reference(
        2,
        "Hanssen Ulv, Hagström Linus. The errors of NATO’s East Asia engagement. East Asia "
        "Forum. August 25, 2023. URL: https://www.eastasiaforum.org/2023/08/25/x/ "
        "(accessed: 28.08.2023).",
        "p-1",
    )
    assert reference.authors == ("Hanssen Ulv", "Hagström Linus")
    assert reference.title == "The errors of NATO’s East Asia engagement"
    assert reference.container == "East Asia Forum"
    assert reference.date == "August 25, 2023"
    assert reference.url == "https://www.eastasiaforum.org/2023/08/25/x/"

    with_doi = parse_reference(
        4,
        "Kistanov V.O. Kitaj kak fokus (China as the focus). Problemy Dal'nego Vostoka. 2023. "
        "No. 3. S. 40–57. DOI: 10.31857/S013128120026064–1. (In Russ.)",
        "p-2",
    )
    assert with_doi.authors == ("Kistanov V.O.",)
    assert with_doi.doi == "10.31857/S013128120026064-1"  # normalised for data and links
    assert with_doi.doi_printed == "10.31857/S013128120026064–1"  # as printed, for display
    assert with_doi.date == "2023"


def test_word_count_and_reading_time(tmp_path: Path) -> None:
    body = " ".join(["word"] * 460)
    article = annotated(tmp_path, body, quotes=("word word", "word word word"))
    assert article.word_count == 460
    assert article.reading_minutes == 2
