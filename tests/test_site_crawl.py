"""Crawl the built site, at the root and under a subpath: every internal href and #fragment
resolves, cross-links go both ways, and no page loads anything from another host."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from natocorpus.model import AnnotatedCorpus

LOADING = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
}


@dataclass
class PageLinks(HTMLParser):
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, url)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name] or "")
        for attribute in ("href", "src", "action"):
            value = values.get(attribute)
            if value is not None and not (tag == "link" and values.get("rel") in ("canonical",)):
                self.links.append((tag, attribute, value))


def parse(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(site: Path, path: Path, prefix: str) -> str:
    relative = path.relative_to(site).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return "http://127.0.0.1" + prefix + relative


def target_file(site: Path, url: str, prefix: str) -> Path | None:
    path = unquote(urlsplit(url).path)
    if not path.startswith(prefix):
        return None
    file = site / path[len(prefix) :]
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file


def crawl(site: Path, prefix: str) -> tuple[int, list[str]]:
    pages = {path: parse(path) for path in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    checked = 0
    for path, links in pages.items():
        base = page_url(site, path, prefix)
        for tag, attribute, raw in links.links:
            url = urljoin(base, raw)
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "data"):
                continue
            if parts.netloc != "127.0.0.1":
                if (tag, attribute) in LOADING:
                    problems.append(f"{path.relative_to(site)}: loads {raw} from another host")
                continue
            checked += 1
            target = target_file(site, url, prefix)
            if target is None or not target.is_file():
                problems.append(f"{path.relative_to(site)}: {tag} {attribute}={raw!r} is broken")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{path.relative_to(site)}: #{parts.fragment} not in {raw}")
    return checked, problems


def test_no_broken_link_or_anchor_at_the_root(built_site: Path) -> None:
    checked, problems = crawl(built_site, "/")
    assert checked > 1000
    assert problems == []


def test_no_broken_link_or_anchor_under_a_subpath(built_site_subpath: Path) -> None:
    checked, problems = crawl(built_site_subpath, "/natocorpus/")
    assert checked > 1000
    assert problems == []


def test_under_a_subpath_no_link_escapes_the_prefix(built_site_subpath: Path) -> None:
    for path in built_site_subpath.rglob("*.html"):
        for _, _, raw in parse(path).links:
            if raw.startswith("/"):
                assert raw.startswith("/natocorpus/"), f"{path}: {raw}"


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        for tag, attribute, raw in parse(path).links:
            if (tag, attribute) in LOADING:
                assert not re.match(r"^(https?:)?//", raw), f"{path}: {tag} {raw}"
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]*)\)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^['\"]?(https?:)?//", url), f"{css}: {url}"
        assert "@import" not in css.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["actors", "events"])
def test_cross_links_go_both_ways(
    built_site: Path, real_corpus: AnnotatedCorpus, kind: str
) -> None:
    """Every actor or event page an article links to links back to that article's paragraph."""
    checked = 0
    for article in real_corpus.articles:
        page = built_site / "articles" / article.id / "index.html"
        base = page_url(built_site, page, "/")
        targets = {
            urlsplit(urljoin(base, raw)).path
            for tag, _, raw in parse(page).links
            if tag == "a"
            and urlsplit(urljoin(base, raw)).path.startswith(f"/{kind}/")
            and urlsplit(urljoin(base, raw)).path != f"/{kind}/"
        }
        for target in targets:
            back = target_file(built_site, target, "/")
            assert back is not None
            back_links = {urljoin(target, raw) for _, _, raw in parse(back).links}
            paragraph_links = [
                url for url in back_links if url.startswith(f"/articles/{article.id}/#")
            ]
            assert paragraph_links, f"{target} does not link back to {article.id}"
            checked += 1
    assert checked > 0


def test_actor_counts_on_pages_come_from_the_records(
    built_site: Path, real_corpus: AnnotatedCorpus
) -> None:
    records = json.loads((built_site / "data" / "records.json").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for article in records["articles"]:
        for mention in article["mentions"]:
            counts[mention["actor"]] = counts.get(mention["actor"], 0) + 1
    index = (built_site / "actors" / "index.html").read_text(encoding="utf-8")
    for actor in real_corpus.knowledge.actors:
        if actor.id in counts:
            pattern = rf'href="/actors/{actor.id}/"[^<]*</a>.{{0,400}}?\b{counts[actor.id]}\b'
            assert re.search(pattern, index, re.S), f"{actor.id}: {counts[actor.id]} not shown"


def test_the_crawl_reports_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#here">x</a> <a href="b/">y</a>')
    (tmp_path / "a" / "index.html").write_text('<p id="there">z</p>')
    _, problems = crawl(tmp_path, "/")
    assert problems == [
        "index.html: #here not in a/#here",
        "index.html: a href='b/' is broken",
    ]


def test_a_site_url_makes_sitemap_canonical_and_feed_absolute(tmp_path: Path) -> None:
    from natocorpus.build import build
    from natocorpus.config import make_config
    from support import PROJECT_ROOT

    out = tmp_path / "site"
    config = make_config(
        PROJECT_ROOT / "corpus",
        PROJECT_ROOT / "templates",
        out,
        "/natocorpus/",
        site_url="https://example.org/",
        search=False,
    )
    assert build(config).written
    locs = re.findall(r"<loc>([^<]+)</loc>", (out / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(loc.startswith("https://example.org/natocorpus/") for loc in locs)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/natocorpus/">' in home
    assert "https://example.org/natocorpus/sitemap.xml" in (out / "robots.txt").read_text()
