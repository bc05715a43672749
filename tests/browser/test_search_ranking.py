"""Search ranking: what a reader sees when searching for an actor by name.

A tiny corpus, written inline: one text that discusses South Korea at some length, the actor page
of South Korea, and two entity pages (an actor and an event) whose editors' descriptions merely
name South Korea, the event also listing it among its participants. A reader searching for
"South Korea" wants the actor's own page and the text about it; the pages that name it only in
passing are not what was asked for. Built with the real Pagefind and searched in the Default UI
in a real Chromium.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page

import corpus_factory
from natocorpus.build import build
from natocorpus.config import make_config
from support import PROJECT_ROOT

pytestmark = pytest.mark.browser

ACTORS = """\
- id: nato
  name: North Atlantic Treaty Organization
  type: organisation
  description: The alliance.
  forms: [NATO]
- id: usa
  name: United States
  type: state
  description: A state allied with South Korea since 1953, with troops stationed there.
  forms: [US, United States, {text: Washington, unless_after: [in, at]}]
- id: south-korea
  name: South Korea
  type: state
  description: A state of East Asia.
  forms: [South Korea]
"""


def _replaced(text: str, old: str, new: str) -> str:
    assert old in text, f"{old!r} is no longer in the factory's knowledge base"
    return text.replace(old, new, 1)


# The factory's event, with South Korea taking part and named in passing in its description.
EVENTS = _replaced(
    _replaced(corpus_factory.EVENTS, "participants: [nato]", "participants: [nato, south-korea]"),
    "description: A summit.",
    "description: The summit to which the leaders of South Korea and three other partners came.",
)

# Long enough that the text is many times the length of an entity page, as real texts are.
FILLER = (
    "The ministers went through budgets, exercises, supply lines and the training of officers,"
    " and each delegation set out what it could offer over the coming years."
)
BODY = "\n\n".join(
    [
        "NATO met in Washington. The US objected.",
        f"South Korea sent its foreign minister. {FILLER} {FILLER}",
        f"{FILLER} {FILLER} South Korea asked for closer work on cyber defence.",
        f"{FILLER} {FILLER} {FILLER}",
        f"{FILLER} {FILLER} In the end South Korea signed the partnership programme.",
        f"{FILLER} {FILLER}",
    ]
)


@pytest.fixture(scope="module")
def ranking_site(tmp_path_factory: pytest.TempPathFactory, serve_site: Any) -> str:
    root = tmp_path_factory.mktemp("ranking")
    corpus = corpus_factory.write_corpus(root, BODY, actors=ACTORS, events=EVENTS)
    report = build(make_config(corpus, PROJECT_ROOT / "templates", root / "site"))
    assert report.written, "\n".join(str(d) for d in report.errors)
    base: str = serve_site(root / "site")
    return base


def ranked_paths(page: Page, base: str, term: str) -> list[str]:
    page.goto(f"{base}search/?q={quote(term)}")
    page.wait_for_function(
        "() => /result/i.test(document.querySelector('.pagefind-ui__message')?.textContent || '')"
        " && [...document.querySelectorAll('.pagefind-ui__result')]"
        ".every(r => r.querySelector('.pagefind-ui__result-link'))"
    )
    hrefs = page.eval_on_selector_all(
        ".pagefind-ui__result-link", "links => links.map(a => a.getAttribute('href'))"
    )
    return [urlsplit(h).path for h in hrefs]


def test_an_actor_search_lists_its_page_then_the_text_and_not_pages_that_only_name_it(
    page: Page, ranking_site: str
) -> None:
    paths = ranked_paths(page, ranking_site, "South Korea")
    assert paths == ["/actors/south-korea/", "/articles/sample-article/"], (
        "its own page, then the text about it; not /actors/usa/ or /events/madrid-2022/, whose "
        f"description and participants name it: {paths}"
    )


def test_an_entity_page_is_still_found_by_its_name(page: Page, ranking_site: str) -> None:
    assert ranked_paths(page, ranking_site, "United States")[0] == "/actors/usa/"
    assert "/events/madrid-2022/" in ranked_paths(page, ranking_site, "Madrid")
