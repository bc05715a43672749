"""A corpus large enough to be built on every core gives what one process gives: the same bytes,
and the same located diagnostics when an article is wrong.

The corpus is the benchmarks' synthetic one, a little over the size at which the workers start.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from natocorpus import parallel
from natocorpus.build import BuildReport, build
from natocorpus.config import BuildConfig, make_config
from natocorpus.link import actor as actor_pages
from natocorpus.link import event as event_pages
from natocorpus.link.xrefs import slug
from natocorpus.previous import ARTICLES_FILE, read_downloads_cache
from natocorpus.write import MARKER
from support import PROJECT_ROOT, tree_digest

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from run import find_edit, split_front

ARTICLES = parallel.MIN_ITEMS + 40


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("large") / "corpus"
    synth = PROJECT_ROOT / "benchmarks" / "synth.py"
    subprocess.run(
        [sys.executable, str(synth), str(ARTICLES), str(corpus), "--seed", "3"],
        check=True,
        capture_output=True,
    )
    return corpus


def build_with(
    workers: int, corpus: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> BuildReport:
    monkeypatch.setenv("NATOCORPUS_WORKERS", str(workers))
    config = make_config(corpus, PROJECT_ROOT / "templates", out, search=False, force=True)
    return build(config)


def digests(folder: Path) -> dict[str, str]:
    """The site's files and their digests, the marker (which holds the input fingerprint) aside."""
    return {path: digest for path, digest in tree_digest(folder).items() if path != MARKER}


def _built_copy(
    large_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, BuildConfig]:
    """A copy of the large corpus, built on two workers into tmp_path/site; and its config."""
    corpus = tmp_path / "corpus"
    shutil.copytree(large_corpus, corpus)
    monkeypatch.setenv("NATOCORPUS_WORKERS", "2")
    config = make_config(corpus, PROJECT_ROOT / "templates", tmp_path / "site", search=False)
    assert build(config).written
    return corpus, config


def test_two_workers_write_the_same_site_as_one_process(
    large_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = build_with(1, large_corpus, tmp_path / "one", monkeypatch)
    two = build_with(2, large_corpus, tmp_path / "two", monkeypatch)
    assert one.written and two.written, [str(d) for d in one.errors + two.errors]
    assert (one.pages, one.files) == (two.pages, two.files)
    assert one.pages > ARTICLES  # articles, actors, events and the indexes
    single, parallel_ = digests(tmp_path / "one"), digests(tmp_path / "two")
    assert single.keys() == parallel_.keys()
    differing = sorted(path for path in single if single[path] != parallel_[path])
    assert not differing, f"{len(differing)} files differ, first {differing[:5]}"
    # The streamed downloads are whole: the last article is in records.json.
    records = (tmp_path / "two" / "data" / "records.json").read_text(encoding="utf-8")
    assert records.endswith("}\n") and records.count('"source_file"') == ARTICLES


def test_a_rebuild_after_one_edit_takes_the_rest_from_the_last_build(
    large_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark's edit (one word of one article and its capture), rebuilt on two workers
    into the site of the unedited corpus: one article is annotated again, the other pages are
    reused as they were, and the site is the one a clean build makes. An actor or event page is
    known by what it is made from, as an article page is: only the pages of the actors and events
    the edited text names are prepared again."""
    corpus, config = _built_copy(large_corpus, tmp_path, monkeypatch)
    edit = find_edit(corpus)
    edit.apply(1)
    log = tmp_path / "prepared.txt"
    _prepared_entity_pages(monkeypatch, log)
    report = build(config)
    assert report.written, [str(d) for d in report.errors]
    assert report.reused_articles == ARTICLES - 1
    assert 0 < report.reused_pages < report.pages
    assert set(log.read_text(encoding="utf-8").split()) == _named_in(
        tmp_path / "site", edit.article.stem
    )
    # Each article's part of the large downloads is where the next build will look for it.
    downloads = read_downloads_cache(tmp_path / "site")
    assert {len(downloads[path]) for path in ("data/records.json", "data/mentions.csv")} == {
        ARTICLES
    }
    clean = build_with(2, corpus, tmp_path / "clean", monkeypatch)
    assert clean.written and clean.reused_pages == 0
    assert digests(tmp_path / "site") == digests(tmp_path / "clean")
    # The article cache too, its unchanged articles copied from the last one.
    cache = (tmp_path / "site" / ARTICLES_FILE).read_bytes()
    assert cache == (tmp_path / "clean" / ARTICLES_FILE).read_bytes()
    edited_word = edit.line[edit.word_start : edit.word_end] + "x"
    page = tmp_path / "site" / "articles" / edit.article.stem / "index.html"
    assert edited_word in page.read_text(encoding="utf-8")


def test_an_author_renamed_is_shown_wherever_the_text_is_listed_and_the_rest_is_reused(
    large_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text's authors are shown on its page and wherever the text is listed: among other
    texts' related texts, on actor and event pages, in the indexes. Every article page is
    prepared again (what any of them lists may have changed), but only those that changed are
    written."""
    corpus, config = _built_copy(large_corpus, tmp_path, monkeypatch)
    listed = _related_texts(tmp_path / "site")
    article = next(a for a in sorted((corpus / "articles").glob("*.md")) if a.stem in listed)
    text = article.read_text(encoding="utf-8")
    author = re.search(r'^    - name: "([^"]+)"', text, re.MULTILINE)
    source = re.search(r"^source_file: (\S+)", text, re.MULTILINE)
    assert author is not None and source is not None
    name = author.group(1)
    for path in (article, corpus / "sources" / source.group(1)):
        path.write_text(path.read_text("utf-8").replace(name, f"{name}-Smith"), encoding="utf-8")
    report = build(config)
    assert report.written, [str(d) for d in report.errors]
    assert report.reused_articles == ARTICLES - 1
    assert 0 < report.reused_pages < report.pages - 2
    assert build_with(2, corpus, tmp_path / "clean", monkeypatch).written
    assert digests(tmp_path / "site") == digests(tmp_path / "clean")
    listing = [
        page
        for page in (tmp_path / "site" / "articles").glob("*/index.html")
        if page.parent.name != article.stem
        and f"{name}-Smith" in page.read_text("utf-8").partition('id="related"')[2]
    ]
    assert listing, "no other text lists it among its related texts"


def _prepared_entity_pages(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Each actor or event page prepared from here on, by any worker, appended to `log`."""
    for kind, module in (("actor", actor_pages), ("event", event_pages)):
        prepare = getattr(module, f"{kind}_page")

        def logged(xrefs: Any, entity: Any, *rest: Any, _prepare: Any = prepare) -> Any:
            with log.open("a", encoding="utf-8") as file:
                file.write(f"{entity.id}\n")
            return _prepare(xrefs, entity, *rest)

        monkeypatch.setattr(module, f"{kind}_page", logged)


def _named_in(site: Path, article: str) -> set[str]:
    """The actors and events the text `article` names (events by name or by a date), and the
    pages of its authors and outlet, which list it, from the site's records.json."""
    records = json.loads((site / "data" / "records.json").read_text(encoding="utf-8"))
    found = next(a for a in records["articles"] if a["id"] == article)
    writers = [author["name"] for author in found["authors"]["value"]]
    if found["outlet"]["value"]:
        writers.append(found["outlet"]["value"])
    return (
        {slug(name) for name in writers}
        | {m["actor"] for m in found["mentions"]}
        | {m["event"] for m in found["event_mentions"]}
        | {d["event"] for d in found["dates"] if d["event"]}
    )


def test_a_new_mention_updates_every_page_that_shows_the_count(
    large_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor named once more in one text is counted again on every page that shows its count
    beside its name (the pages of actors named with it, of events it takes part in, the
    indexes), though those pages' own texts did not change."""
    corpus, config = _built_copy(large_corpus, tmp_path, monkeypatch)
    edit = find_edit(corpus)
    actors = yaml.safe_load((corpus / "actors.yaml").read_text(encoding="utf-8"))
    named = _named_in(tmp_path / "site", edit.article.stem)
    actor = next(a for a in actors if a["id"] not in named and a["type"] == "state")
    line = edit.line[: edit.word_start] + actor["name"] + edit.line[edit.word_end :]
    front, body = split_front(edit.article_text)
    edit.article.write_text(front + body.replace(edit.line, line, 1), encoding="utf-8")
    edit.capture.write_text(edit.capture_text.replace(edit.line, line, 1), encoding="utf-8")
    assert build(config).written
    assert actor["id"] in _named_in(tmp_path / "site", edit.article.stem)
    assert build_with(2, corpus, tmp_path / "clean", monkeypatch).written
    assert digests(tmp_path / "site") == digests(tmp_path / "clean")


def _related_texts(site: Path) -> set[str]:
    """The ids of the texts listed among another text's related texts."""
    found: set[str] = set()
    for page in (site / "articles").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        related = html[html.find('id="related"') :]
        found |= set(re.findall(r'href="/articles/([^/"]+)/"', related)) - {page.parent.name}
    return found


def test_a_bad_article_among_many_is_named_with_its_line(
    large_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(large_corpus, corpus)
    article = sorted((corpus / "articles").glob("*.md"))[ARTICLES // 2]
    lines = article.read_text(encoding="utf-8").split("\n")
    assert lines[1].startswith("id: ")
    lines.insert(2, lines[1])  # the id given twice
    article.write_text("\n".join(lines), encoding="utf-8")

    report = build_with(2, corpus, tmp_path / "site", monkeypatch)
    assert not report.written
    assert not (tmp_path / "site").exists()
    assert [(d.path, d.line, d.field) for d in report.errors] == [
        (f"corpus/articles/{article.name}", 3, "id")
    ]
    assert "duplicate key (first given on line 2)" in report.errors[0].message
