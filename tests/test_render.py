"""The render stage: pages a reader sees, escaping, base URL prefixes, template errors."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from natocorpus.artifacts import Artifact
from natocorpus.diagnostics import CorpusError
from natocorpus.link import link_site
from natocorpus.render import (
    CompiledTemplates,
    iter_site_artifacts,
    precompiled_templates,
    render_site,
)
from test_link_stage import make_corpus, many_articles

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def render(base_url: str = "/") -> dict[str, str]:
    artifacts = render_site(link_site(make_corpus(), base_url), TEMPLATES)
    return {a.path: a.content.decode("utf-8") for a in artifacts}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self.meta: list[tuple[str, str]] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if ident := a.get("id"):
            self.ids.append(ident)
        for key in ("href", "src", "action"):
            if a.get(key):
                self.urls.append(a[key] or "")
        if tag == "meta" and a.get("content") is not None:
            self.meta.append((a.get("name") or a.get("property") or "", a["content"] or ""))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> _Collect:
    collector = _Collect()
    collector.feed(html)
    return collector


def test_renders_every_page_and_the_furniture() -> None:
    out = render()
    for path in (
        "index.html",
        "articles/alpha/index.html",
        "actors/nato/index.html",
        "events/madrid/index.html",
        "timeline/index.html",
        "compare/index.html",
        "about/index.html",
        "search/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "feed.xml",
    ):
        assert path in out
    assert any(re.fullmatch(r"static/site\.[0-9a-f]{8}\.css", p) for p in out)
    assert "Sitemap: /sitemap.xml" in out["robots.txt"]
    for path, text in out.items():
        if path.endswith(".html"):
            doc = parse(text)
            assert len(doc.ids) == len(set(doc.ids)), path
            assert 'http-equiv="Content-Security-Policy"' in text
            assert '<main id="main"' in text and 'href="#main"' in text
            assert 'style="' not in text and "<style" not in text


def test_the_stylesheet_and_script_reach_the_reader_without_their_comments() -> None:
    """Every page loads both: the maintainers' comments stay in templates/static/ only."""
    out = render()
    for name in ("site.css", "search.js"):
        source = (TEMPLATES / "static" / name).read_text(encoding="utf-8")
        stem, suffix = name.split(".")
        served = next(
            text
            for path, text in out.items()
            if re.fullmatch(rf"static/{stem}\.[0-9a-f]{{8}}\.{suffix}", path)
        )
        assert "/*" in source and "/*" not in served, name
        assert len(served) < 0.9 * len(source), (name, len(served), len(source))


def test_base_url_prefixes_every_internal_link() -> None:
    out = render("/natocorpus/")
    for path, text in out.items():
        if not path.endswith(".html"):
            continue
        for url in parse(text).urls:
            if url.startswith(("#", "https://")):
                continue
            assert url.startswith("/natocorpus/"), (path, url)
    assert "<loc>/natocorpus/articles/alpha/</loc>" in out["sitemap.xml"]
    assert 'action="/natocorpus/search/"' in out["index.html"]


def test_title_with_script_and_quotes_is_escaped_everywhere() -> None:
    out = render()
    page = out["articles/alpha/index.html"]
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;Quotes&#34;" in page
    doc = parse(page)
    meta = dict(doc.meta)
    assert meta["citation_title"] == '<script>alert("x")</script> & "Quotes"'
    assert meta["citation_doi"] == "10.1234/abc<d>"
    (jsonld,) = doc.scripts
    assert "</script" not in jsonld
    assert json.loads(jsonld)["headline"] == '<script>alert("x")</script> & "Quotes"'
    assert "China &lt;b&gt;PRC&lt;/b&gt;" in out["actors/china/index.html"]
    assert "<b>PRC" not in out["actors/china/index.html"]
    assert "&lt;script&gt;" in out["feed.xml"]


def test_article_page_carries_zotero_metadata_and_citations() -> None:
    corpus = make_corpus()
    page = render()["articles/beta/index.html"]
    meta = parse(page).meta
    authors = [p.name for p in corpus.articles[1].meta.authors.value]
    assert [v for k, v in meta if k == "citation_author"] == authors
    assert ("citation_publication_date", "2021") in meta
    assert "BibTeX" in page and "RIS" in page and "CSL-JSON" in page
    assert "Not the full text." in page  # completeness is "excerpt"
    assert 'href="/sources/beta.txt"' in page


def test_actor_page_links_to_each_paragraph_that_mentions_it() -> None:
    corpus = make_corpus()
    page = render()["actors/japan/index.html"]
    urls = set(parse(page).urls)
    for a in corpus.articles:
        for m in a.mentions:
            if m.actor == "japan":
                assert f"/articles/{a.id}/#{m.paragraph}" in urls
                # ...and that paragraph exists on the article page with that anchor.
                assert f'id="{m.paragraph}"' in render()[f"articles/{a.id}/index.html"]


def test_year_only_date_is_displayed_as_the_year() -> None:
    page = render()["articles/beta/index.html"]
    assert '<time datetime="2021">2021</time>' in page
    assert "January 2021" not in page


def test_rendering_is_deterministic() -> None:
    site = link_site(make_corpus(), "/")
    assert render_site(site, TEMPLATES) == render_site(site, TEMPLATES)


def copy_templates(tmp_path: Path) -> Path:
    target = tmp_path / "templates"
    shutil.copytree(TEMPLATES, target)
    return target


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    source = (templates / "article.html").read_text().splitlines()
    source.insert(4, "{{ content.article.title }")
    (templates / "article.html").write_text("\n".join(source))
    with pytest.raises(CorpusError) as raised:
        render_site(link_site(make_corpus(), "/"), templates)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.path == (templates / "article.html").as_posix()
    assert diagnostic.line == 5
    assert diagnostic.field == "template"
    assert str(diagnostic).startswith(f"{templates.as_posix()}/article.html:5: template: ")


def test_a_page_template_may_not_use_what_only_the_feed_and_sitemap_see(tmp_path: Path) -> None:
    # A page is reused from the last build when its own inputs are unchanged; the feed's entries
    # and the sitemap change with every article, so a page that showed them would go stale.
    templates = copy_templates(tmp_path)
    base = (templates / "base.html").read_text()
    footer = "{{ site.feed.title }}</footer>"
    (templates / "base.html").write_text(base.replace("</footer>", footer))
    with pytest.raises(CorpusError) as raised:
        render_site(link_site(make_corpus(), "/"), templates)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.path == (templates / "base.html").as_posix()
    assert "feed" in diagnostic.message


def test_missing_template_and_undefined_value_are_corpus_errors(tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    (templates / "event.html").unlink()
    with pytest.raises(CorpusError) as raised:
        render_site(link_site(make_corpus(), "/"), templates)
    assert raised.value.diagnostics[0].path.endswith("templates/event.html")

    templates = copy_templates(tmp_path / "again")
    (templates / "about.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ content.no_such_field }}\n{% endblock %}\n'
    )
    with pytest.raises(CorpusError) as raised:
        render_site(link_site(make_corpus(), "/"), templates)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.path == (templates / "about.html").as_posix()
    assert diagnostic.line == 3


def test_a_large_corpus_renders_bounded_pages_with_working_pagination() -> None:
    corpus = many_articles(250)
    out = {
        a.path: a.content.decode("utf-8")
        for a in render_site(link_site(corpus, "/"), TEMPLATES)
        if a.path.endswith((".html", ".xml"))
    }
    # No page grows with the corpus: the largest are the index pages of 100 cards.
    assert max(len(text.encode()) for text in out.values()) < 120_000
    # Every text is reachable from the articles index, page by page.
    index = [out["articles/index.html"], out["articles/page/2/index.html"]]
    index.append(out["articles/page/3/index.html"])
    linked = {url for text in index for url in parse(text).urls}
    assert {f"/articles/{a.id}/" for a in corpus.articles} <= linked
    nav = re.search(r'<nav class="pagination" aria-label="([^"]+)">(.*?)</nav>', index[1], re.S)
    assert nav is not None and "articles" in nav.group(1)
    assert '<a href="/articles/page/2/" aria-current="page">2</a>' in nav.group(2)
    assert 'href="/articles/" rel="prev"' in nav.group(2)
    assert 'href="/articles/page/3/" rel="next"' in nav.group(2)
    # Counted timeline marks lead to a year on the timeline page that exists.
    ids = set(parse(out["timeline/index.html"]).ids)
    counted = [u for u in parse(out["index.html"]).urls if u.startswith("/timeline/#")]
    assert counted and all(url.split("#", 1)[1] in ids for url in counted)
    assert out["feed.xml"].count("<entry>") == 50
    assert "data/mentions.csv" in out["compare/index.html"]


def test_templates_compiled_ahead_render_the_same_pages_and_leave_errors_to_render(
    tmp_path: Path,
) -> None:
    # A small build compiles the templates while a child annotates the articles: the pages must
    # come out as if compiled by the render stage, and a broken template must still be named by
    # it, with its line.
    templates = copy_templates(tmp_path)
    ahead = precompiled_templates(templates, {})
    site = link_site(make_corpus(), "/")
    fresh = {a.path: a.content for a in render_site(site, templates)}
    loaded = CompiledTemplates(ahead)
    made = iter_site_artifacts(site, templates, compiled=loaded)
    assert {a.path: a.content for a in made if isinstance(a, Artifact)} == fresh
    assert loaded.used == ahead  # every template loaded from what was compiled ahead

    (templates / "glossary.html").write_text("{% if %}\n", encoding="utf-8")
    ahead = precompiled_templates(templates, {})
    assert len(ahead) == len(loaded.used)  # the broken one left out, the others compiled
    with pytest.raises(CorpusError) as raised:
        list(iter_site_artifacts(site, templates, compiled=CompiledTemplates(ahead)))
    (diagnostic,) = raised.value.diagnostics
    assert (diagnostic.path, diagnostic.line) == ((templates / "glossary.html").as_posix(), 1)
