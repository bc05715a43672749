"""Zones on the pages: what a text says and what its reference list cites are counted apart, on
actor and event pages and in the compare tables; the reference list shows a DOI as printed and
links the normalised one, and links its authors to their pages. Tiny corpora written inline."""

from __future__ import annotations

import re
from pathlib import Path

from corpus_factory import ACTORS, write_corpus
from natocorpus.build import build
from natocorpus.config import make_config
from support import PROJECT_ROOT
from test_numbers import parse, read_matrix, words

PERSON = """\
- id: jane-doe
  name: Jane Doe
  type: person
  description: A researcher.
  forms: [Jane Doe]
"""

BODY = (
    "NATO met in Washington. NATO spoke again.\n\n"
    "Editor's note: NATO did not answer our questions.\n\n"
    "1. Doe J. NATO in the world. A journal. 2020. No. 1. DOI: 10.1234/ab\u20131\u20132\n"
    "2. Roe R. NATO and the NATO 2022 Strategic Concept. Another journal. 2021. No. 2.\n"
)


def build_site(root: Path) -> Path:
    corpus = write_corpus(
        root,
        BODY,
        quotes=("NATO met in Washington.", "NATO did not answer"),
        actors=ACTORS + PERSON,
    )
    config = make_config(corpus, PROJECT_ROOT / "templates", root / "site", "/", search=False)
    report = build(config)
    assert report.written, "\n".join(str(d) for d in report.errors)
    return root / "site"


def test_an_actor_page_counts_its_mentions_in_reference_lists_apart(tmp_path: Path) -> None:
    """NATO is named twice in the body, once in a note and twice in cited titles: the page said
    "5 in 1 of the texts" and listed the cited titles as the text speaking of NATO."""
    main = parse(build_site(tmp_path) / "actors" / "nato" / "index.html")
    assert main.number("n-total") == 5
    assert main.number("n-discourse") == 3
    assert main.number("n-cited") == 2
    said = main.one("section", cls="mentions-discourse")
    assert said.one("span", cls="group-count").text() == "3"
    quotes = [words(q) for q in said.all("q")]
    assert any("did not answer" in q for q in quotes)
    # The note is marked as a note where its passage is shown.
    assert [words(z) for z in said.all("span", cls="zone")] == ["(in a note)"]
    cited = main.one("section", cls="mentions-cited")
    assert cited.one("span", cls="group-count").text() == "2"
    assert all("world" in words(q) or "Roe R." in words(q) for q in cited.all("q"))


def test_a_document_named_only_in_a_cited_title_has_no_passage_of_discourse(tmp_path: Path) -> None:
    site = build_site(tmp_path)
    main = parse(site / "actors" / "strategic-concept-2022" / "index.html")
    # Named only in a cited title: no passage of what the text says.
    assert main.number("n-discourse") == 0 and main.number("n-cited") == 1
    said = main.one("section", cls="mentions-discourse")
    assert not said.all("section", cls="mention-group")
    assert "outside its reference list" in words(said)
    # Named with NATO only in a cited title: the text does not name them together.
    co = main.one("section", **{"aria-labelledby": "co-h"})
    assert not co.all("li") and "No other actor is named in the same sentence" in words(co)


def test_the_compare_page_has_tables_for_discourse_and_reference_lists(tmp_path: Path) -> None:
    compare = parse(build_site(tmp_path) / "compare" / "index.html")
    said = read_matrix(compare.one("table", id="actor-matrix"))
    cited = read_matrix(compare.one("table", id="actor-cited-matrix"))
    assert said["rows"]["nato"] == ([3], 3)
    assert cited["rows"]["nato"] == ([2], 2)
    assert cited["rows"]["strategic-concept-2022"] == ([1], 1)
    assert "strategic-concept-2022" not in said["rows"]


def test_the_reference_list_shows_the_printed_doi_and_links_the_normalised_one(
    tmp_path: Path,
) -> None:
    """The capture's DOI has en dashes: the link did not resolve."""
    page = parse(build_site(tmp_path) / "articles" / "sample-article" / "index.html")
    [doi] = page.one("ol", cls="references").all("a", cls="doi")
    assert doi.attrs["href"] == "https://doi.org/10.1234/ab-1-2"
    assert words(doi) == "doi:10.1234/ab\u20131\u20132"


def test_a_reference_author_links_to_the_actor_page_which_lists_the_citing_text(
    tmp_path: Path,
) -> None:
    site = build_site(tmp_path)
    page = parse(site / "articles" / "sample-article" / "index.html")
    first = page.one("ol", cls="references").all("li")[0]
    [author] = first.one("span", cls="ref-authors").all("a")
    assert author.attrs["href"] == "/actors/jane-doe/"
    jane = parse(site / "actors" / "jane-doe" / "index.html")
    cites = jane.one("ul", cls="cited-as-author")
    [item] = cites.all("li")
    links = item.all("a")
    assert links[0].attrs["href"] == "/articles/sample-article/"
    assert words(links[1]) == "reference 1"
    assert re.fullmatch(r"/articles/sample-article/#[\w-]+", links[1].attrs["href"])
    # Cited, not mentioned: its page does not read as "0 in 0 of the texts".
    assert "0 in 0" not in words(jane)
