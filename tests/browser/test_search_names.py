"""A search by any name of an actor or event finds every text that mentions it, even a text that
names it another way ("Obama" for Barack Obama, "CCDCOE" for the NATO Cooperative Cyber Defence
Centre of Excellence): each article's index entry carries the names and forms of the actors and
events it names, at a low weight.

The real site, its real Pagefind index, in Chromium, through Pagefind's own search API (what the
Default UI calls), with the type filter on articles. Every actor's and event's name and every form
is searched, once at the site's root and once with the index in parts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from natocorpus.model import AnnotatedCorpus

pytestmark = pytest.mark.browser

SEARCH_ALL = """async ([bundle, merged, queries]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ noWorker: true });
  for (const other of merged) await pagefind.mergeIndex(other);
  const found = {};
  for (const q of queries) {
    const search = await pagefind.search(q, { filters: { type: "article" } });
    const data = await Promise.all(search.results.map((r) => r.data()));
    found[q] = data.map((d) => d.url);
  }
  return found;
}"""


def expected_texts(corpus: AnnotatedCorpus) -> dict[str, set[str]]:
    """[query]: the texts that mention an actor or event of that name or form."""
    expected: dict[str, set[str]] = {}
    for actor in corpus.knowledge.actors:
        texts = {a.id for a in corpus.articles if any(m.actor == actor.id for m in a.mentions)}
        for name in (actor.name, *(f.text for f in actor.forms)):
            expected.setdefault(name, set()).update(texts)
    for event in corpus.knowledge.events:
        texts = {
            a.id for a in corpus.articles if any(e.event == event.id for e in a.event_mentions)
        }
        for name in (event.name, *event.forms):
            expected.setdefault(name, set()).update(texts)
    return {q: texts for q, texts in expected.items() if texts}


@pytest.mark.parametrize("layout", ["root", "index-in-parts"])
def test_every_name_and_form_finds_every_text_that_mentions_it(
    page: Page,
    serve_site: Any,
    real_corpus: AnnotatedCorpus,
    request: pytest.FixtureRequest,
    layout: str,
) -> None:
    if layout == "root":
        prefix = "/"
        base = serve_site(request.getfixturevalue("built_site"), prefix)
        merged: list[str] = []
    else:
        prefix = "/natocorpus/"
        built: Path = request.getfixturevalue("built_site_in_parts")
        base = serve_site(built, prefix)
        merged = sorted(
            f"{prefix}{p.name}/" for p in built.glob("pagefind-*") if (p / "pagefind.js").is_file()
        )
    expected = expected_texts(real_corpus)
    assert "Obama" in expected and "CCDCOE" in expected
    page.set_default_timeout(120_000)
    page.goto(f"{base}search/")
    found: dict[str, list[str]] = page.evaluate(
        SEARCH_ALL, [f"{prefix}pagefind/", merged, sorted(expected)]
    )
    missing = {}
    for query, texts in sorted(expected.items()):
        got = {urlsplit(u).path for u in found[query]}
        lost = {t for t in texts if f"{prefix}articles/{t}/" not in got}
        if lost:
            missing[query] = sorted(lost)
    assert not missing, f"{len(missing)} of {len(expected)} names miss texts: {missing}"
