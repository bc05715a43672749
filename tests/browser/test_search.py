"""Site search end to end: Pagefind's Default UI on the built real site, in a real Chromium.

The site is served on 127.0.0.1 at the root and under a GitHub Pages project path
("/natocorpus/"), there also with its index in parts, as a large site's is. Every expectation is
derived from the annotated records (``real_corpus``): the query is a word of an actor's name that
occurs in exactly the articles that mention the actor, so the articles Pagefind returns must be
exactly those; each filter must narrow them to the records' subset. Pagefind matches word stems
and prefixes, so actor and event pages that contain the word are also returned: the article set
is checked with the type filter on, and the actor's own page separately. Every page must run
without console errors and without a Content-Security-Policy violation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, ConsoleMessage, Page

from natocorpus.model import AnnotatedArticle, AnnotatedCorpus

pytestmark = pytest.mark.browser

TIMEOUT_MS = 15_000
NO_MATCH = "zqxjvwkq"

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile}:${event.lineNumber})`
  );
});
"""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


# What the records say ------------------------------------------------------------------------


def article_year(article: AnnotatedArticle) -> str:
    return str(article.meta.published.value.year)


def indexed_text(article: AnnotatedArticle) -> str:
    """Roughly what Pagefind indexes of an article page: its header and its body."""
    meta = article.meta
    parts = [
        meta.title.value,
        meta.outlet.value or "",  # absent where no outlet is stated
        meta.genre.value,
        meta.stance.label,
        *(p.name for p in meta.authors.value),
        *(b.text for b in article.text.blocks),
    ]
    if meta.translated_from:
        parts.append(meta.translated_from.value)
    return "\n".join(parts)


@dataclass(frozen=True)
class Query:
    actor_id: str
    actor_name: str
    word: str
    articles: frozenset[str]


def mentioning(corpus: AnnotatedCorpus, actor_id: str) -> frozenset[str]:
    return frozenset(a.id for a in corpus.articles if any(m.actor == actor_id for m in a.mentions))


@pytest.fixture(scope="session")
def query(real_corpus: AnnotatedCorpus) -> Query:
    """An actor mentioned in some but not all articles, and a word of its name that occurs (as a
    word or the start of one, as Pagefind matches it) in exactly the articles that mention it."""
    all_ids = {a.id for a in real_corpus.articles}
    texts = {a.id: indexed_text(a) for a in real_corpus.articles}
    candidates = []
    for actor in sorted(real_corpus.knowledge.actors, key=lambda a: a.id):
        expected = mentioning(real_corpus, actor.id)
        if not expected or expected == all_ids:
            continue
        for word in re.findall(r"[A-Za-z]{4,}", actor.name):
            pattern = re.compile(rf"(?<![A-Za-z]){re.escape(word)}", re.IGNORECASE)
            found = frozenset(i for i, text in texts.items() if pattern.search(text))
            if found == expected:
                candidates.append(Query(actor.id, actor.name, word.lower(), expected))
    if not candidates:
        pytest.fail("no actor whose name word occurs exactly where it is mentioned", pytrace=False)
    # The most articles (the most room for filters to narrow), then the first by id.
    return sorted(candidates, key=lambda q: (-len(q.articles), q.actor_id, q.word))[0]


# The served sites ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    base: str  # e.g. http://127.0.0.1:PORT/natocorpus/
    prefix: str  # e.g. /natocorpus/

    def article(self, article_id: str) -> str:
        return f"{self.prefix}articles/{article_id}/"

    def actor(self, actor_id: str) -> str:
        return f"{self.prefix}actors/{actor_id}/"


@pytest.fixture(params=["root", "subpath", "index-in-parts"])
def site(request: pytest.FixtureRequest, serve_site: Any) -> Site:
    if request.param == "root":
        return Site(serve_site(request.getfixturevalue("built_site"), "/"), "/")
    # The index of a large site is in parts, merged in the browser: the same searches must find
    # the same pages in them.
    name = "built_site_subpath" if request.param == "subpath" else "built_site_in_parts"
    built: Path = request.getfixturevalue(name)
    return Site(serve_site(built, "/natocorpus/"), "/natocorpus/")


@dataclass
class Watched:
    page: Page
    problems: list[str]

    def assert_clean(self) -> None:
        violations = self.page.evaluate("window.__cspViolations || []")
        assert not violations, f"CSP violations: {violations}"
        assert not self.problems, "console errors:\n" + "\n".join(self.problems)


@pytest.fixture
def watched(page: Page) -> Iterator[Watched]:
    """The page, recording console errors, uncaught exceptions and CSP violations."""
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            problems.append(f"console {message.type}: {message.text}")

    page.add_init_script(WATCH_CSP)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.set_default_timeout(TIMEOUT_MS)
    watch = Watched(page, problems)
    yield watch
    watch.assert_clean()


# Driving the search page ---------------------------------------------------------------------


def wait_for_message(page: Page) -> str:
    """Wait until Pagefind has answered (its message says how many results) and return it."""
    message = page.locator(".pagefind-ui__message")
    message.wait_for(state="visible")
    page.wait_for_function(
        "() => { const m = document.querySelector('.pagefind-ui__message');"
        " return m && /result/i.test(m.textContent); }"
    )
    page.wait_for_load_state("networkidle")
    return message.inner_text()


def result_paths(page: Page) -> set[str]:
    """The paths of every result (after "Load more"), without query or fragment."""
    wait_for_message(page)
    settle(page)
    more = page.locator(".pagefind-ui__button")
    while more.count() and more.first.is_visible():
        before = page.locator(".pagefind-ui__result").count()
        more.first.click()
        page.wait_for_function(
            f"() => document.querySelectorAll('.pagefind-ui__result').length > {before}"
        )
        settle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.pagefind-ui__result')]"
        ".every(r => r.querySelector('.pagefind-ui__result-link'))"
    )
    hrefs = page.eval_on_selector_all(
        ".pagefind-ui__result-link", "links => links.map(a => a.getAttribute('href'))"
    )
    return {urlsplit(h).path for h in hrefs}


def search(page: Page, site: Site, term: str) -> str:
    page.goto(f"{site.base}search/?q={quote(term)}")
    return wait_for_message(page)


def settle(page: Page) -> None:
    """Wait until the results and the filter panel stop changing: Pagefind answers a filter
    change asynchronously, and redraws the filter counts after the results."""
    read = (
        "() => [document.querySelector('.pagefind-ui__message')?.textContent,"
        " document.querySelectorAll('.pagefind-ui__loading').length,"
        " [...document.querySelectorAll('.pagefind-ui__result-link')].map(a => a.href).join(),"
        " document.querySelector('.pagefind-ui__filter-panel')?.textContent,"
        " [...document.querySelectorAll('.pagefind-ui__filter-checkbox')]"
        ".map(c => c.value + c.checked).join()]"
    )
    last = None
    for _ in range(60):
        page.wait_for_load_state("networkidle")
        now = page.evaluate(read)
        if now == last and now[1] == 0:
            return
        last = now
        page.wait_for_timeout(250)
    pytest.fail("the search results did not settle", pytrace=False)


def set_filter(page: Page, name: str, value: str, checked: bool = True) -> None:
    box = page.locator(f"input.pagefind-ui__filter-checkbox[name={name!r}][value={value!r}]")
    # A click that lands while the Default UI redraws its filter list can be lost (a reader would
    # click again; CI saw it once): click until the box holds, at most three times.
    for _ in range(3):
        if box.is_checked() == checked:
            break
        box.evaluate("el => { el.closest('details').open = true; }")
        box.click()
        settle(page)
    assert box.is_checked() == checked, f"the {name}={value!r} filter did not take the click"
    settle(page)


def article_paths(site: Site, ids: set[str] | frozenset[str]) -> set[str]:
    return {site.article(i) for i in ids}


# Tests -----------------------------------------------------------------------------------------


def test_actor_query_returns_exactly_the_articles_that_mention_it(
    watched: Watched, site: Site, query: Query, real_corpus: AnnotatedCorpus
) -> None:
    page = watched.page
    search(page, site, query.word)
    everything = result_paths(page)
    assert site.actor(query.actor_id) in everything, (
        f"{query.word!r}: the page of {query.actor_name} is not among {sorted(everything)}"
    )
    set_filter(page, "type", "article")
    found = result_paths(page)
    assert found == article_paths(site, query.articles), (
        f"{query.word!r} ({query.actor_name}): articles found {sorted(found)}, "
        f"mentioned in {sorted(query.articles)}"
    )
    assert len(query.articles) < len(real_corpus.articles)


def test_each_filter_narrows_to_the_records_subset(
    watched: Watched, site: Site, query: Query, real_corpus: AnnotatedCorpus
) -> None:
    page = watched.page
    articles = [a for a in real_corpus.articles if a.id in query.articles]
    names = {a.id: a.name for a in real_corpus.knowledge.actors}
    values: dict[str, dict[str, set[str]]] = {
        "author": {},
        "outlet": {},
        "stance": {},
        "year": {},
        "actor": {},
    }
    for a in articles:
        for person in a.meta.authors.value:
            values["author"].setdefault(person.name, set()).add(a.id)
        if a.meta.outlet.value is not None:  # no filter value where no outlet is stated
            values["outlet"].setdefault(a.meta.outlet.value, set()).add(a.id)
        values["stance"].setdefault(a.meta.stance.label, set()).add(a.id)
        values["year"].setdefault(article_year(a), set()).add(a.id)
        for actor_id in {m.actor for m in a.mentions}:
            values["actor"].setdefault(names[actor_id], set()).add(a.id)

    search(page, site, query.word)
    assert result_paths(page) > article_paths(site, query.articles)  # actor pages too
    set_filter(page, "type", "article")
    assert result_paths(page) == article_paths(site, query.articles)
    checked = 0
    for name, by_value in values.items():
        # The value that narrows most (fewest articles, then first by name).
        value, expected = min(by_value.items(), key=lambda kv: (len(kv[1]), kv[0]))
        set_filter(page, name, value)
        found = result_paths(page)
        assert found == article_paths(site, expected), (
            f"{query.word!r} with {name}={value!r}: {sorted(found)} != {sorted(expected)}"
        )
        set_filter(page, name, value, checked=False)
        assert result_paths(page) == article_paths(site, query.articles)
        checked += 1
    assert checked == len(values)

    for kind, segment in (("actor", "actors"), ("event", "events")):
        set_filter(page, "type", "article", checked=False)
        set_filter(page, "type", kind)
        found = result_paths(page)
        assert found, f"{query.word!r} with type={kind}: no results"
        assert all(p.startswith(f"{site.prefix}{segment}/") for p in found), sorted(found)
        set_filter(page, "type", kind, checked=False)
        set_filter(page, "type", "article")


def test_filter_panel_shows_counts(watched: Watched, site: Site, query: Query) -> None:
    page = watched.page
    search(page, site, query.word)
    label = page.locator("label[for='type-article']")
    assert label.is_visible(), "the type filter is not open"
    assert label.inner_text().strip() == f"article ({len(query.articles)})"


def test_on_a_phone_every_filter_starts_closed(watched: Watched, site: Site, query: Query) -> None:
    """At 390 px the filters sit above the results: every group starts closed there, so that the
    first result shows without scrolling (tests/browser/test_search_layout.py measures where)."""
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    search(page, site, query.word)
    settle(page)
    assert page.locator(".pagefind-ui__filter-block").count() >= 3
    assert page.locator(".pagefind-ui__filter-block[open]").count() == 0
    top = page.locator(".pagefind-ui__result").first.bounding_box()
    assert top is not None
    assert top["y"] < 844, f"the first result starts {top['y']:.0f} px down"
    # Wide, every filter but the actors' starts open, as before.
    page.set_viewport_size({"width": 1280, "height": 800})
    search(page, site, query.word)
    settle(page)
    assert page.locator(".pagefind-ui__filter-block[open]").count() == 5


def test_query_in_the_url_runs_the_search_and_typing_updates_it(
    watched: Watched, site: Site, query: Query
) -> None:
    page = watched.page
    message = search(page, site, query.word)
    assert query.word in message.lower()
    assert page.locator(".pagefind-ui__search-input").input_value() == query.word
    excerpt_marks = page.eval_on_selector_all(
        ".pagefind-ui__result-excerpt mark", "marks => marks.map(m => m.textContent)"
    )
    assert excerpt_marks, "no highlighted term in the excerpts"
    assert all(m.lower().startswith(query.word[:4]) for m in excerpt_marks), excerpt_marks

    page.locator(".pagefind-ui__search-input").fill(NO_MATCH)
    page.wait_for_function(f"() => new URL(location.href).searchParams.get('q') === {NO_MATCH!r}")
    page.wait_for_function(
        "(term) => (document.querySelector('.pagefind-ui__message') || {}).textContent"
        " === `No results for ${term}`",
        arg=NO_MATCH,
    )
    assert page.locator(".pagefind-ui__result").count() == 0


def test_a_query_with_no_match_says_so(watched: Watched, site: Site) -> None:
    page = watched.page
    message = search(page, site, NO_MATCH)
    assert message.strip() == f"No results for {NO_MATCH}"
    assert page.locator(".pagefind-ui__result").count() == 0


def test_an_actor_result_reads_as_words_not_labels_glued_to_values(
    watched: Watched, site: Site, query: Query, real_corpus: AnnotatedCorpus
) -> None:
    """What a reader sees of an actor page in the results is its indexed text: it begins with the
    actor's name (the kind is a tag, not words glued before it), each label is a word of its own
    before its value, and counts (which a search cannot use) are left out."""
    page = watched.page
    page.goto(f"{site.base}search/")
    data: dict[str, Any] | None = page.evaluate(
        """async ([bundle, word, path]) => {
             const pagefind = await import(bundle + "pagefind.js");
             const parts = document.querySelector("#search").getAttribute("data-merge") || "";
             for (const other of parts.split(" ").filter(Boolean)) {
               await pagefind.mergeIndex(other);
             }
             const search = await pagefind.search(word);
             for (const result of search.results) {
               const data = await result.data();
               if (new URL(data.url, location.href).pathname === path) return data;
             }
             return null;
           }""",
        [f"{site.prefix}pagefind/", query.word, site.actor(query.actor_id)],
    )
    assert data, f"{query.word!r}: no result for {site.actor(query.actor_id)}"
    content: str = data["content"]
    actor = next(a for a in real_corpus.knowledge.actors if a.id == query.actor_id)
    assert content.startswith(f"{actor.name}. "), content
    assert data["meta"].get("kind") == actor.type, data["meta"]
    assert f"Matched as {actor.forms[0].text}" in content, content
    assert "Mentions" not in content and "of the texts" not in content, content


def test_header_search_box_leads_to_the_search_page(
    watched: Watched, site: Site, query: Query
) -> None:
    page = watched.page
    first = sorted(query.articles)[0]
    page.goto(f"{site.base}articles/{first}/")
    page.locator("#header-q").fill(query.word)
    page.locator("form.header-search button[type=submit]").click()
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert urlsplit(page.url).path == f"{site.prefix}search/"
    wait_for_message(page)
    assert site.actor(query.actor_id) in result_paths(page)


def test_a_result_lands_on_the_passage_with_the_terms_highlighted(
    watched: Watched, site: Site, query: Query
) -> None:
    page = watched.page
    search(page, site, query.word)
    set_filter(page, "type", "article")
    result_paths(page)
    link = page.locator(".pagefind-ui__result-link").first
    href = link.get_attribute("href") or ""
    parts = urlsplit(href)
    assert parts.path.startswith(f"{site.prefix}articles/"), href
    assert f"highlight={query.word}" in parts.query, href
    assert parts.fragment, f"{href} does not land on a passage"
    link.click()
    page.wait_for_url(re.compile(re.escape(parts.path)))
    page.wait_for_selector("mark.pagefind-highlight")
    passage = page.locator(f"[id='{parts.fragment}']")
    assert passage.count() == 1, f"no element with id {parts.fragment!r}"
    assert re.search(rf"(?<![a-z]){re.escape(query.word)}", passage.inner_text().lower()), (
        f"#{parts.fragment} does not contain {query.word!r}"
    )
    marks = page.eval_on_selector_all(
        "mark.pagefind-highlight", "marks => marks.map(m => m.textContent.toLowerCase())"
    )
    assert marks and all(query.word in m for m in marks), marks
    ignored = page.locator("[data-pagefind-ignore] mark.pagefind-highlight, header mark")
    assert ignored.count() == 0, "terms highlighted outside the indexed content"


def test_without_javascript_the_page_says_so_and_links_the_indexes(
    browser: Browser, site: Site
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site.base}search/")
        notice = page.locator("main p.notice")
        assert notice.is_visible()
        assert "needs JavaScript" in notice.inner_text()
        hrefs = set(page.eval_on_selector_all("main a", "links => links.map(a => a.pathname)"))
        for index in ("articles/", "actors/", "events/"):
            assert f"{site.prefix}{index}" in hrefs, (index, sorted(hrefs))
    finally:
        context.close()


def test_search_page_with_results_has_no_wcag_violations(
    watched: Watched, site: Site, query: Query
) -> None:
    page = watched.page
    search(page, site, query.word)
    result_paths(page)
    response: dict[str, Any] = Axe().run(page, options=AXE_OPTIONS).response
    violations = response["violations"]
    assert not violations, [
        (v["id"], [n.get("target") for n in v.get("nodes", [])]) for v in violations
    ]


def test_a_filtered_search_survives_a_reload_of_its_url(
    watched: Watched, site: Site, query: Query, real_corpus: AnnotatedCorpus
) -> None:
    """Ticking a filter puts it in the address (`?q=word&type=article&year=2023`), so that the
    address can be shared: loading it again ticks the same filters and lists the same results."""
    page = watched.page
    by_year: dict[str, set[str]] = {}
    for a in real_corpus.articles:
        if a.id in query.articles:
            by_year.setdefault(article_year(a), set()).add(a.id)
    year, expected = min(by_year.items(), key=lambda kv: (len(kv[1]), kv[0]))
    search(page, site, query.word)
    set_filter(page, "type", "article")
    set_filter(page, "year", year)
    params = dict(p.split("=", 1) for p in urlsplit(page.url).query.split("&") if "=" in p)
    assert params.get("type") == "article" and params.get("year") == year, page.url
    assert result_paths(page) == article_paths(site, expected)

    page.reload()
    assert result_paths(page) == article_paths(site, expected), page.url
    for name, value in (("type", "article"), ("year", year)):
        box = page.locator(f"input.pagefind-ui__filter-checkbox[name={name!r}][value={value!r}]")
        assert box.is_checked(), f"{name}={value} is not ticked after a reload of {page.url}"

    # Unticking takes it out of the address again.
    set_filter(page, "year", year, checked=False)
    assert "year=" not in urlsplit(page.url).query, page.url
    assert result_paths(page) == article_paths(site, query.articles)


def result_cards(page: Page) -> list[dict[str, Any]]:
    """Each result shown: its path, title, excerpt and the titles of its sub-results."""
    wait_for_message(page)
    settle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.pagefind-ui__result')]"
        ".every(r => r.querySelector('.pagefind-ui__result-link'))"
    )
    cards: list[dict[str, Any]] = page.eval_on_selector_all(
        ".pagefind-ui__result",
        """results => results.map(r => ({
             href: r.querySelector('.pagefind-ui__result-link').getAttribute('href'),
             title: r.querySelector('.pagefind-ui__result-title').textContent.trim(),
             excerpt: (r.querySelector('.pagefind-ui__result-excerpt')?.textContent ?? '').trim(),
             nested: [...r.querySelectorAll(
               '.pagefind-ui__result-nested .pagefind-ui__result-link')]
               .map(a => a.textContent.trim()),
           }))""",
    )
    return cards


def test_event_results_show_no_empty_label(
    watched: Watched, site: Site, real_corpus: AnnotatedCorpus
) -> None:
    """An excerpt is a window of words: an event's shows its name, date and place, never a label
    whose value the window cut off ("Date 11 January 2023 Place")."""
    if site.prefix != "/":
        pytest.skip("the excerpts are the same under a subpath")
    page = watched.page
    seen = 0
    for term in ("Japan", "London", *sorted({e.name for e in real_corpus.knowledge.events})):
        search(page, site, term)
        for card in result_cards(page):
            if "/events/" in card["href"]:
                seen += 1
                assert not re.search(r"\b(Date|Place)\s*$", card["excerpt"]), (term, card)
                assert not re.search(r"\b(Date|Place)\s+(Date|Place)\b", card["excerpt"]), card
    assert seen >= len(real_corpus.knowledge.events)


def test_a_result_does_not_repeat_its_own_title_as_its_first_sub_result(
    watched: Watched, site: Site
) -> None:
    page = watched.page
    nested = 0
    for term in ("NATO", "Japan", "China"):
        # The texts, where the sections are: the filter in the address ticks it.
        page.goto(f"{site.base}search/?q={quote(term)}&type=article")
        cards = result_cards(page)
        assert cards, term
        for card in cards:
            nested += len(card["nested"])
            assert card["title"] not in card["nested"][:1], (term, card)
    assert nested, "no sub-result to check"


def test_a_search_warns_of_no_unknown_pagefind_option(
    watched: Watched, site: Site, query: Query
) -> None:
    """Pagefind 1.5 takes only the options it knows, and says so in the console for any other
    (it once read "Unknown Pagefind option noWorker")."""
    page = watched.page
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    search(page, site, query.word)
    settle(page)
    set_filter(page, "type", "article")
    assert not [w for w in warnings if "Pagefind" in w], warnings
