"""Search ranking on the real corpus: a researcher searching for an actor's name is looking for
texts. For every actor and event that some text mentions, a text that mentions it is among the
first three results, and its own page is the first of the entity pages (China above "China Military
Online", Japan above "Ministry of Foreign Affairs of Japan"). Where the name is words of a longer
name ("North Atlantic" in "North Atlantic Treaty Organization"), a text that mentions the longer
name's entity matches the search as rightly and may come first.

The real site and its real Pagefind index, searched on the search page itself in Chromium, so
that the ranking options the page gives Pagefind's Default UI are the ones measured.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page

from natocorpus.model import AnnotatedCorpus

pytestmark = pytest.mark.browser

FIRST = 3
"""How far down a reader looks for a text before giving up on the query."""

# Each result's own link (its sub-results, passages of the same page, have links of their own).
RESULT_LINKS = """() => [...document.querySelectorAll('.pagefind-ui__result')]
  .map((r) => r.querySelector('.pagefind-ui__result-link').getAttribute('href'))"""

RESULTS_FOR = """(term) => {
  const message = document.querySelector('.pagefind-ui__message')?.textContent || '';
  const results = [...document.querySelectorAll('.pagefind-ui__result')];
  return message.trim().endsWith(' ' + term) && results.length > 0
    && results.every((r) => r.querySelector('.pagefind-ui__result-link'));
}"""


def ranked(page: Page, term: str) -> list[str]:
    """The paths of the results the search page lists for `term`, typed into its box: the
    first page of them, and more ("Load more results") until an entity page is among them."""
    box = page.locator(".pagefind-ui__search-input")
    box.fill(term)
    page.wait_for_function(RESULTS_FOR, arg=term)
    while True:
        paths = [urlsplit(h).path for h in page.evaluate(RESULT_LINKS)]
        more = page.locator(".pagefind-ui__button")
        if any(not p.startswith("/articles/") for p in paths) or not more.count():
            return paths
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('.pagefind-ui__result-link').length > n"
            " && [...document.querySelectorAll('.pagefind-ui__result')]"
            ".every(r => r.querySelector('.pagefind-ui__result-link'))",
            arg=len(paths),
        )


@pytest.fixture
def search_page(page: Page, serve_site: Any, built_site: Path) -> Page:
    page.set_default_timeout(60_000)
    page.goto(f"{serve_site(built_site)}search/")
    page.wait_for_selector(".pagefind-ui__search-input")
    return page


def mentioning_texts(corpus: AnnotatedCorpus) -> dict[str, tuple[str, set[str]]]:
    """[the path of an actor's or event's page]: its name, and the paths of the texts that
    mention it (for those some text does) or an entity one of whose names contains its name."""
    entities = [
        (
            f"/actors/{a.id}/",
            a.name,
            {a.name, *(f.text for f in a.forms)},
            {
                f"/articles/{t.id}/"
                for t in corpus.articles
                if any(m.actor == a.id for m in t.mentions)
            },
        )
        for a in corpus.knowledge.actors
    ] + [
        (
            f"/events/{e.id}/",
            e.name,
            {e.name, *e.forms},
            {
                f"/articles/{t.id}/"
                for t in corpus.articles
                if any(m.event == e.id for m in t.event_mentions)
            },
        )
        for e in corpus.knowledge.events
    ]
    found: dict[str, tuple[str, set[str]]] = {}
    for page, name, _, texts in entities:
        if not texts:
            continue
        words = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        for other, _, its_names, its_texts in entities:
            if other != page and any(
                n.casefold() != name.casefold() and words.search(n) for n in its_names
            ):
                texts = texts | its_texts
        found[page] = (name, texts)
    return found


@pytest.mark.parametrize("name", ["Japan", "China", "AUKUS"])
def test_a_search_for_a_state_or_pact_lists_a_text_among_the_first_results(
    search_page: Page, real_corpus: AnnotatedCorpus, name: str
) -> None:
    [(own, texts)] = [(i, t) for i, (n, t) in mentioning_texts(real_corpus).items() if n == name]
    paths = ranked(search_page, name)
    assert set(paths[:FIRST]) & texts, f"no text in the first {FIRST} results: {paths}"
    entities = [p for p in paths if not p.startswith("/articles/")]
    assert entities[0] == own, f"not its own page first: {entities}"


def test_every_mentioned_actor_and_event_has_a_text_first_and_its_own_page_first(
    search_page: Page, real_corpus: AnnotatedCorpus
) -> None:
    entities = mentioning_texts(real_corpus)
    assert sum(p.startswith("/actors/") for p in entities) > 40
    assert sum(p.startswith("/events/") for p in entities) > 10
    no_text: dict[str, list[str]] = {}
    not_first: dict[str, list[str]] = {}
    for own, (name, texts) in sorted(entities.items()):
        paths = ranked(search_page, name)
        if not set(paths[:FIRST]) & texts:
            no_text[name] = paths[:FIRST]
        pages = [p for p in paths if not p.startswith("/articles/")]
        if not pages or pages[0] != own:
            not_first[name] = pages[:2]
    assert not no_text, f"{len(no_text)} of {len(entities)} names: no text first: {no_text}"
    assert not not_first, f"{len(not_first)} of {len(entities)}: own page not first: {not_first}"


def test_the_ranking_holds_for_a_search_from_the_address(
    page: Page, serve_site: Any, built_site: Path
) -> None:
    """A search the page starts from `?q=` (a shared link, the header's search box) is ranked
    the same way."""
    page.goto(f"{serve_site(built_site)}search/?q={quote('China')}")
    page.wait_for_function(RESULTS_FOR, arg="China")
    hrefs: list[str] = page.evaluate(RESULT_LINKS)
    paths = [urlsplit(h).path for h in hrefs]
    assert any(p.startswith("/articles/") for p in paths[:FIRST]), paths
    assert next(p for p in paths if not p.startswith("/articles/")) == "/actors/china/", paths
