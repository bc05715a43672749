"""Authors and outlets are actors, linked both ways: a byline links to the author's page, which
lists the texts the author wrote; the same for outlets. The knowledge base's actor where one has
the name, else a page the link stage makes from the records."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_factory import ACTORS, write_corpus
from natocorpus.build import build
from natocorpus.config import make_config
from natocorpus.link import indexes
from support import PROJECT_ROOT
from test_numbers import Node, last_segment, parse, words

WRITERS = """\
- id: jane-doe
  name: Jane Doe
  type: person
  description: A researcher.
  forms: [Jane Doe]
- id: the-weekly
  name: The Weekly
  type: institution
  description: A weekly paper.
  forms: [The Weekly]
"""


def build_site(root: Path, authors: str, outlet: str) -> Path:
    corpus = write_corpus(
        root,
        overrides={
            "authors": f"authors:\n  value: {authors}\n  inferred: the page",
            "outlet": f"outlet: {{value: {outlet}, inferred: the host}}",
        },
        actors=ACTORS + WRITERS,
    )
    config = make_config(corpus, PROJECT_ROOT / "templates", root / "site", "/", search=False)
    report = build(config)
    assert report.written, "\n".join(str(d) for d in report.errors)
    return root / "site"


def byline(site: Path) -> list[tuple[str, str]]:
    page = parse(site / "articles" / "sample-article" / "index.html")
    return [(words(a), a.attrs["href"]) for a in page.one("p", cls="byline").all("a")]


def written(page: Node) -> list[str]:
    return [
        last_segment(li.one("h3").one("a").attrs["href"])
        for li in page.one("ul", cls="written").all("li")
    ]


def test_a_byline_links_to_the_authors_actor_page_which_lists_what_she_wrote(
    tmp_path: Path,
) -> None:
    """Jane Doe is in the knowledge base and never mentioned: her page said "0 in 0 of the
    texts" and did not say she wrote one."""
    site = build_site(tmp_path, "[{name: Jane Doe}, {name: Ann Author}]", "The Weekly")
    assert byline(site) == [
        ("Jane Doe", "/actors/jane-doe/"),
        ("Ann Author", "/actors/ann-author/"),
    ]
    jane = parse(site / "actors" / "jane-doe" / "index.html")
    assert "0 in 0" not in words(jane)
    assert jane.number("n-wrote") == 1
    assert written(jane) == ["sample-article"]
    # How the authorship is known: the text's metadata, with its basis.
    basis = jane.one("p", cls="authored-basis").one("a")
    assert basis.attrs["href"] == "/articles/sample-article/#metadata"
    assert words(basis) == "Authorship inferred by the editors"
    head = (site / "actors" / "jane-doe" / "index.html").read_text(encoding="utf-8")
    assert "Wrote one of the texts." in head and "Mentioned 0" not in head


def test_an_author_the_knowledge_base_does_not_describe_gets_a_page_from_the_records(
    tmp_path: Path,
) -> None:
    site = build_site(tmp_path, "[{name: Ann Author}]", "Test Outlet")
    ann = parse(site / "actors" / "ann-author" / "index.html")
    assert words(ann.one("h1")) == "Ann Author"
    assert "Actor · person" in words(ann)
    assert written(ann) == ["sample-article"]
    # The actors index lists them apart from the knowledge base's actors.
    index = parse(site / "actors" / "index.html")
    writers = index.one("ul", cls="writers").all("li")
    assert [(words(li), li.one("a").attrs["href"]) for li in writers] == [
        ("Ann Author wrote 1 text", "/actors/ann-author/"),
        ("Test Outlet published 1 text", "/actors/test-outlet/"),
    ]
    outlet = parse(site / "actors" / "test-outlet" / "index.html")
    assert outlet.number("n-published") == 1
    assert written(outlet) == ["sample-article"]


def test_the_outlet_links_to_its_actor_page_which_lists_what_it_published(
    tmp_path: Path,
) -> None:
    site = build_site(tmp_path, "[{name: Jane Doe}]", "The Weekly")
    page = parse(site / "articles" / "sample-article" / "index.html")
    outlet = page.one("header").one("a", cls="outlet")
    assert (words(outlet), outlet.attrs["href"]) == ("The Weekly", "/actors/the-weekly/")
    weekly = parse(site / "actors" / "the-weekly" / "index.html")
    assert written(weekly) == ["sample-article"]
    assert "0 in 0" not in words(weekly)


def test_an_author_whose_name_is_an_actor_id_does_not_take_its_page(tmp_path: Path) -> None:
    """An author named "Usa" is not the United States: the page made for her is beside its page."""
    site = build_site(tmp_path, "[{name: Usa}]", "The Weekly")
    assert byline(site) == [("Usa", "/actors/usa-author/")]
    assert words(parse(site / "actors" / "usa" / "index.html").one("h1")) == "United States"


def test_every_text_of_the_corpus_links_to_its_authors_and_outlet(built_site: Path) -> None:
    """On the real corpus: each byline and outlet leads to a page listing the text, and no
    actor page says "0 in 0 of the texts"."""
    for page in sorted((built_site / "articles").glob("*/index.html")):
        article = page.parent.name
        if article == "page":
            continue
        main = parse(page)
        links = main.one("p", cls="byline").all("a")
        outlets = main.one("header").all("a", cls="outlet")
        for link in [*links, *outlets]:
            target = parse(built_site / link.attrs["href"].strip("/") / "index.html")
            assert article in written(target), (article, link.attrs["href"])
    for page in (built_site / "actors").glob("*/index.html"):
        assert "0 in 0" not in words(parse(page)), page


def test_authors_and_outlets_too_many_for_the_index_have_pages_by_initial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where they are more than the actors index lists, it links a page per initial, with how
    many names each lists; each page lists its names and links the others."""
    monkeypatch.setattr(indexes, "WRITERS_ON_INDEX", 1)
    site = build_site(tmp_path, "[{name: Ann Author}]", "Test Outlet")
    index = parse(site / "actors" / "index.html")
    assert not index.all("ul", cls="writers")
    initials = index.one("nav", cls="initials").all("a")
    assert [(words(a), a.attrs["href"]) for a in initials] == [
        ("A 1 name", "/actors/writers/a/"),
        ("T 1 name", "/actors/writers/t/"),
    ]
    page = parse(site / "actors" / "writers" / "t" / "index.html")
    assert words(page.one("h1")) == "Authors and outlets: T"
    listed = page.one("ul", cls="writers").all("li")
    assert [(words(li), li.one("a").attrs["href"]) for li in listed] == [
        ("Test Outlet published 1 text", "/actors/test-outlet/")
    ]
    links = page.one("nav", cls="initials").all("a")
    assert [a.attrs.get("aria-current") for a in links] == [None, "page"]
