"""The previous build on its own: what an earlier build left in the output folder, as read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_factory import write_corpus
from natocorpus import fingerprint as fingerprint_module
from natocorpus.build import annotate, build
from natocorpus.config import BuildConfig, make_config
from natocorpus.downloads import PER_ARTICLE
from natocorpus.previous import (
    ARTICLES_FILE,
    DOWNLOADS_FILE,
    INPUTS_FILE,
    PAGES_FILE,
    SEARCH_FILE,
    PreviousBuild,
    search_record,
)
from natocorpus.write import recorded_fingerprint
from support import PROJECT_ROOT

SECOND_ARTICLE = "articles/second-article.md"
DOWNLOADS = (
    "data/records.json",
    "data/annotations.jsonld",
    *(f"data/{table}.csv" for table in PER_ARTICLE),
)


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BuildConfig:
    """A two-article corpus, built once into tmp_path/site, its inputs recorded at once."""
    monkeypatch.setattr(fingerprint_module, "_SETTLING_NS", 0)
    corpus = write_corpus(tmp_path)
    text = (corpus / "articles" / "sample-article.md").read_text(encoding="utf-8")
    second = text.replace("id: sample-article", "id: second-article").replace(
        "source_file: sample.txt", "source_file: second.txt"
    )
    (corpus / SECOND_ARTICLE).write_text(second, encoding="utf-8")
    capture = (corpus / "sources" / "sample.txt").read_text(encoding="utf-8")
    (corpus / "sources" / "second.txt").write_text(capture, encoding="utf-8")
    config = make_config(corpus, PROJECT_ROOT / "templates", tmp_path / "site", search=False)
    assert build(config).written
    return config


def read(config: BuildConfig) -> PreviousBuild:
    return PreviousBuild.read(config, recorded_fingerprint(config.out_dir))


def test_an_unchanged_input_is_up_to_date_and_everything_is_there_to_reuse(
    built: BuildConfig,
) -> None:
    previous = read(built)
    assert previous.up_to_date and previous.exists
    assert previous.site == built.out_dir
    assert sorted(previous.articles.articles) == [
        "articles/sample-article.md",
        SECOND_ARTICLE,
    ]
    assert "index.html" in previous.pages
    assert previous.files == previous.pages  # no file changed since
    assert sorted(previous.download_pieces) == sorted(DOWNLOADS)
    assert all(len(pieces) == 2 for pieces in previous.download_pieces.values())
    assert previous.search_parts == {}  # built without search


def test_the_cached_articles_read_back_as_annotated_sharing_their_strings(
    built: BuildConfig,
) -> None:
    # Read back, the two texts' mentions are as the build annotated them, and each id, passage
    # and paragraph they repeat is one string: the cache of a large corpus holds each once.
    cached = [c.article for c in read(built).articles.articles.values()]
    corpus, _ = annotate(built)
    assert corpus is not None
    assert sorted(cached, key=lambda a: a.id) == sorted(corpus.articles, key=lambda a: a.id)
    first, second = ({m.text: m for m in article.mentions} for article in cached)
    shared = [name for name in first if name in second]
    assert shared
    for name in shared:
        assert first[name].actor is second[name].actor
        assert first[name].text is second[name].text
    anchors = [s.paragraph for article in cached for s in article.sentences]
    assert anchors[0] is next(m.paragraph for m in cached[0].mentions if m.paragraph == anchors[0])


def test_a_changed_article_is_not_reused_and_the_other_is(built: BuildConfig) -> None:
    article = built.corpus_dir / SECOND_ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Ann Author}", "Ann Editor}", 1), encoding="utf-8")
    previous = read(built)
    assert not previous.up_to_date and previous.exists
    assert sorted(previous.articles.articles) == ["articles/sample-article.md"]
    # Found from the cache's heads alone, before any article is decoded.
    assert previous.article_names == {"articles/sample-article.md"}


def test_a_changed_knowledge_base_reuses_no_article(built: BuildConfig) -> None:
    actors = built.corpus_dir / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("The alliance.", "Allies."), encoding="utf-8"
    )
    previous = read(built)
    assert not previous.up_to_date
    assert previous.articles.articles == {}
    assert previous.pages  # the pages are reused by their own digests, not by the articles'


def test_a_page_changed_by_hand_is_not_offered_for_reuse(built: BuildConfig) -> None:
    page = built.out_dir / "events" / "index.html"
    page.write_text("<p>Changed by hand.</p>", encoding="utf-8")
    previous = read(built)
    assert "events/index.html" in previous.pages
    assert "events/index.html" not in previous.files
    assert "index.html" in previous.files


def test_with_force_or_without_a_build_of_ours_nothing_is_reused(
    built: BuildConfig, tmp_path: Path
) -> None:
    forced = PreviousBuild.read(
        make_config(built.corpus_dir, built.templates_dir, built.out_dir, search=False, force=True),
        recorded_fingerprint(built.out_dir),
    )
    elsewhere = PreviousBuild.read(
        make_config(built.corpus_dir, built.templates_dir, tmp_path / "new", search=False),
        recorded_fingerprint(tmp_path / "new"),
    )
    for previous in (forced, elsewhere):
        assert not previous.up_to_date and not previous.exists and previous.site is None
        assert previous.articles.articles == {}
        assert previous.pages == {} and previous.files == {}
        assert previous.download_pieces == {} and previous.search_parts == {}
    assert forced.fingerprint == read(built).fingerprint


@pytest.mark.parametrize(
    "cache_file",
    [ARTICLES_FILE, PAGES_FILE, DOWNLOADS_FILE, INPUTS_FILE, SEARCH_FILE],
)
@pytest.mark.parametrize("damage", ["missing", "truncated", "replaced"])
def test_a_damaged_or_missing_cache_file_is_ignored_not_fatal(
    built: BuildConfig, cache_file: str, damage: str
) -> None:
    path = built.out_dir / cache_file
    if cache_file == SEARCH_FILE:  # the site was built without search: as one with it leaves it
        path.write_bytes(search_record({"pagefind": b"1", "pagefind-2": b"2"}).content)
        assert read(built).search_parts == {"pagefind": b"1", "pagefind-2": b"2"}
    if path.exists():
        content = path.read_bytes()
        if damage == "missing":
            path.unlink()
        else:
            path.write_bytes(content[: len(content) // 2] if damage == "truncated" else b"\x93\x01")
    previous = read(built)
    assert previous.up_to_date  # the inputs are read again where inputs.bin cannot tell
    damaged = {
        ARTICLES_FILE: lambda: previous.articles.articles,
        PAGES_FILE: lambda: previous.pages,
        DOWNLOADS_FILE: lambda: previous.download_pieces,
        INPUTS_FILE: lambda: {},
        SEARCH_FILE: lambda: previous.search_parts,
    }
    assert damaged[cache_file]() == {}
    intact = {ARTICLES_FILE, PAGES_FILE, DOWNLOADS_FILE} - {cache_file}
    assert all(damaged[name]() for name in intact)
