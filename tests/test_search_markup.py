"""The search markup, without a browser: what Pagefind is told to index, filter, show and sort.

Filter, metadata and sort values sit on <meta> elements in the head (attribute capture,
`key[content]`), never in the indexed text; only article, actor and event pages are indexed,
and of them only the main content.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from natocorpus.link import SEARCH_FILTERS, SearchContext, link_site
from natocorpus.model import AnnotatedCorpus
from natocorpus.render import render_site

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


class _Scan(HTMLParser):
    """Pagefind attributes found in the head and inside <main>, and every script."""

    def __init__(self) -> None:
        super().__init__()
        self.depth_main = 0
        self.in_head = False
        self.head_tags: list[tuple[str, str, str]] = []  # (data-pagefind-kind, spec, content)
        self.main_pagefind_attrs: list[str] = []
        self.main_body = False
        self.scripts: list[dict[str, str | None]] = []
        self.inline_script = False
        self._script_open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        if tag == "main":
            self.depth_main += 1
            self.main_body = "data-pagefind-body" in a
        elif self.depth_main:
            self.main_pagefind_attrs += [
                k for k in a if k in {"data-pagefind-filter", "data-pagefind-meta"}
            ]
        if self.in_head and tag == "meta":
            for kind in ("filter", "meta", "sort"):
                spec = a.get(f"data-pagefind-{kind}")
                if spec is not None:
                    self.head_tags.append((kind, spec, a.get("content") or ""))
        if tag == "script":
            self.scripts.append(a)
            self._script_open = "src" not in a and a.get("type") != "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "main":
            self.depth_main -= 1
        if tag == "script":
            self._script_open = False

    def handle_data(self, data: str) -> None:
        if self._script_open and data.strip():
            self.inline_script = True


def scan(html: str) -> _Scan:
    s = _Scan()
    s.feed(html)
    return s


def rendered(corpus: AnnotatedCorpus, base_url: str) -> dict[str, str]:
    artifacts = render_site(link_site(corpus, base_url), TEMPLATES)
    return {a.path: a.content.decode("utf-8") for a in artifacts if a.path.endswith(".html")}


def tags_of(s: _Scan, kind: str, key: str) -> list[str]:
    return [content for k, spec, content in s.head_tags if k == kind and spec == f"{key}[content]"]


def test_article_pages_carry_filters_meta_and_sort_from_the_records(
    real_corpus: AnnotatedCorpus,
) -> None:
    pages = rendered(real_corpus, "/")
    names = {a.id: a.name for a in real_corpus.knowledge.actors}
    for article in real_corpus.articles:
        meta = article.meta
        s = scan(pages[f"articles/{article.id}/index.html"])
        assert s.main_body, article.id
        assert tags_of(s, "filter", "type") == ["article"]
        assert tags_of(s, "filter", "author") == [p.name for p in meta.authors.value]
        outlet = [meta.outlet.value] if meta.outlet.value else []  # none offered where none known
        assert tags_of(s, "filter", "outlet") == outlet
        assert tags_of(s, "filter", "stance") == [meta.stance.label]
        assert tags_of(s, "filter", "year") == [str(meta.published.value.year)]
        assert set(tags_of(s, "filter", "actor")) == {names[m.actor] for m in article.mentions}
        assert tags_of(s, "meta", "title") == [meta.title.value]
        assert tags_of(s, "meta", "outlet") == outlet
        assert len(tags_of(s, "meta", "author")) == 1
        assert len(tags_of(s, "meta", "date")) == 1
        assert tags_of(s, "sort", "date") == [meta.published.value.iso]
        assert {spec.split("[")[0] for k, spec, _ in s.head_tags if k == "filter"} <= set(
            SEARCH_FILTERS
        )


def test_actor_and_event_pages_are_typed_and_events_sorted_by_date(
    real_corpus: AnnotatedCorpus,
) -> None:
    pages = rendered(real_corpus, "/")
    for actor in real_corpus.knowledge.actors:
        s = scan(pages[f"actors/{actor.id}/index.html"])
        assert s.main_body
        assert tags_of(s, "filter", "type") == ["actor"]
        assert tags_of(s, "meta", "title") == [actor.name]
        assert tags_of(s, "meta", "kind") == [actor.type]
    for event in real_corpus.knowledge.events:
        s = scan(pages[f"events/{event.id}/index.html"])
        assert s.main_body
        assert tags_of(s, "filter", "type") == ["event"]
        assert tags_of(s, "filter", "year") == [str(event.date.year)]
        assert tags_of(s, "meta", "kind") == [event.type]
        assert tags_of(s, "sort", "date") == [event.date.iso]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", tags_of(s, "sort", "date")[0])


def test_only_content_pages_are_indexed_and_no_filter_value_is_in_the_body(
    real_corpus: AnnotatedCorpus,
) -> None:
    for path, html in rendered(real_corpus, "/").items():
        s = scan(html)
        content = path.startswith(("articles/", "actors/", "events/")) and path.count("/") == 2
        assert s.main_body == content, path
        assert not s.main_pagefind_attrs, f"{path}: filter or meta inside <main>"
        assert not s.inline_script, f"{path}: inline script (the CSP forbids it)"
        assert re.search(r'<header class="site-header" data-pagefind-ignore', html), path
        assert re.search(r'<footer class="site-footer" data-pagefind-ignore', html), path


def test_search_page_loads_the_default_ui_from_the_bundle_under_the_base_url(
    real_corpus: AnnotatedCorpus,
) -> None:
    site = link_site(real_corpus, "/natocorpus/")
    search = next(p for p in site.pages if p.kind == "search")
    assert isinstance(search.content, SearchContext)
    assert search.content.bundle_url == "/natocorpus/pagefind/"
    assert search.content.base_url == "/natocorpus/"
    html = rendered(real_corpus, "/natocorpus/")["search/index.html"]
    assert '<script src="/natocorpus/pagefind/pagefind-ui.js" defer></script>' in html
    assert 'href="/natocorpus/pagefind/pagefind-ui.css"' in html
    assert "pagefind-component-ui" not in html
    assert re.search(r'<noscript>\s*<p class="notice">Search needs JavaScript', html)
    for index in ("articles/", "actors/", "events/"):
        assert f'href="/natocorpus/{index}"' in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp is not None
    policy = csp.group(1)
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "'wasm-unsafe-eval'" in policy and "worker-src 'self' blob:" in policy


def test_every_page_has_the_header_search_form(real_corpus: AnnotatedCorpus) -> None:
    for path, html in rendered(real_corpus, "/natocorpus/").items():
        assert re.search(
            r'<form class="header-search" role="search" aria-label="Site search" '
            r'action="/natocorpus/search/" '
            r'method="get">.*?name="q"',
            html,
            re.S,
        ), path
        assert re.search(r'<script src="/natocorpus/static/search\.[0-9a-f]{8}\.js" defer', html)


def test_a_site_built_without_search_says_so_on_its_search_page(tmp_path: Path) -> None:
    """With `--no-search` there is no Pagefind bundle: the search page says the site was built
    without search, links to the indexes, and links to nothing that is not there (every page's
    header still leads to it)."""
    from corpus_factory import write_corpus
    from natocorpus.build import build
    from natocorpus.config import make_config
    from test_site_crawl import crawl, parse

    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    build(make_config(corpus, TEMPLATES, out, search=False))
    assert not (out / "pagefind").exists()
    page = out / "search" / "index.html"
    assert "built without search" in page.read_text(encoding="utf-8")
    links = [url for _, _, url in parse(page).links]
    assert not [url for url in links if "pagefind" in url], links
    for index in ("/articles/", "/actors/", "/events/"):
        assert index in links, (index, links)
    _, problems = crawl(out, "/")
    assert problems == []
