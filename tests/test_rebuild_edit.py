"""The one-article edit: a rebuild after it takes every file of the other articles from the
previous build without making it again, and still writes the site a clean build writes.

Each case edits one article of a two-article corpus as a maintainer does (a word of the body in
the reading text and in the capture, a field of the front matter, a word and then the word put
back), rebuilds into the site built before, and compares it with a clean build of the edited corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from corpus_factory import write_corpus
from natocorpus import fingerprint as fingerprint_module
from natocorpus import write_processes
from natocorpus.build import build
from natocorpus.config import BuildConfig, make_config
from natocorpus.previous import CACHE_DIR
from natocorpus.write import KEPT_FOLDERS, MARKER
from support import PROJECT_ROOT, tree_digest

BODY = "NATO met in Washington. The US objected. The talks went on for a day."
EDITED = "articles/sample-article.md"
CAPTURE = "sources/sample.txt"
OTHER_FILES = (
    "data/texts/second-article.txt",
    "sources/second.txt",
    "articles/second-article/second-article.bib",
)


def _two_articles(root: Path) -> Path:
    corpus = write_corpus(root, BODY)
    text = (corpus / EDITED).read_text(encoding="utf-8")
    second = text.replace("id: sample-article", "id: second-article").replace(
        "source_file: sample.txt", "source_file: second.txt"
    )
    (corpus / "articles" / "second-article.md").write_text(second, encoding="utf-8")
    capture = (corpus / CAPTURE).read_text(encoding="utf-8")
    (corpus / "sources" / "second.txt").write_text(capture, encoding="utf-8")
    return corpus


def _replace(corpus: Path, name: str, old: str, new: str) -> None:
    path = corpus / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _config(corpus: Path, out: Path) -> BuildConfig:
    return make_config(corpus, PROJECT_ROOT / "templates", out, search=False)


@pytest.fixture(autouse=True)
def _settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The inputs are recorded as read at once, as a maintainer's edits, minutes apart, are.
    monkeypatch.setattr(fingerprint_module, "_SETTLING_NS", 0)


@pytest.mark.parametrize("edit", ["body word", "title", "body word put back"])
def test_a_rebuild_after_one_edited_article_equals_a_clean_build(tmp_path: Path, edit: str) -> None:
    corpus = _two_articles(tmp_path)
    site = tmp_path / "site"
    assert build(_config(corpus, site)).written
    if edit == "title":
        _replace(corpus, EDITED, "{value: A title,", "{value: A new title,")
        shown = b"A new title"
    else:
        for name in (EDITED, CAPTURE):
            _replace(corpus, name, "went on", "wentx on")
        shown = b"wentx on"
        if edit == "body word put back":
            assert build(_config(corpus, site)).written
            for name in (EDITED, CAPTURE):
                _replace(corpus, name, "wentx on", "went on")
            shown = b"went on"
    inodes = {name: (site / name).stat().st_ino for name in OTHER_FILES}
    report = build(_config(corpus, site))
    assert report.written and not report.up_to_date
    assert report.reused_articles == 1
    assert report.reused_files > 0
    clean = tmp_path / "clean"
    assert build(_config(corpus, clean)).written
    assert tree_digest(site) == tree_digest(clean)
    edited = (site / "data/texts/sample-article.txt").read_bytes()
    cited = (site / "articles/sample-article/sample-article.bib").read_bytes()
    assert shown in (cited if edit == "title" else edited)
    # The other article's files are the previous build's, linked, not made again.
    assert {name: (site / name).stat().st_ino for name in OTHER_FILES} == inodes


def _rebuilt_equals_clean(tmp_path: Path, corpus: Path, site: Path) -> int:
    """Rebuild into `site`, build the same corpus into a clean folder, compare the two sites, and
    return how many annotated articles the rebuild took from the previous build."""
    report = build(_config(corpus, site))
    assert report.written and not report.up_to_date
    clean = tmp_path / "clean"
    assert build(_config(corpus, clean)).written
    assert tree_digest(site) == tree_digest(clean)
    return report.reused_articles


@pytest.mark.parametrize("put_back", [False, True], ids=["named", "named then not"])
def test_a_rebuild_after_an_edit_that_changes_which_actors_a_text_names(
    tmp_path: Path, put_back: bool
) -> None:
    corpus = _two_articles(tmp_path)
    site = tmp_path / "site"
    assert build(_config(corpus, site)).written
    for name in (EDITED, CAPTURE):
        _replace(corpus, name, "The talks went on", "The Korean Peninsula talks went on")
    if put_back:
        assert build(_config(corpus, site)).written
        assert (site / "actors/korean-peninsula/index.html").read_bytes().count(b"A title") > 0
        for name in (EDITED, CAPTURE):
            _replace(corpus, name, "The Korean Peninsula talks went on", "The talks went on")
    assert _rebuilt_equals_clean(tmp_path, corpus, site) == 1
    page = (site / "actors/korean-peninsula/index.html").read_bytes()
    assert (b"A title" in page) != put_back


def test_a_rebuild_after_an_article_is_added_and_then_one_removed(tmp_path: Path) -> None:
    corpus = _two_articles(tmp_path)
    site = tmp_path / "site"
    assert build(_config(corpus, site)).written
    text = (corpus / EDITED).read_text(encoding="utf-8")
    third = text.replace("id: sample-article", "id: third-article").replace(
        "source_file: sample.txt", "source_file: third.txt"
    )
    (corpus / "articles" / "third-article.md").write_text(third, encoding="utf-8")
    capture = (corpus / CAPTURE).read_text(encoding="utf-8")
    (corpus / "sources" / "third.txt").write_text(capture, encoding="utf-8")
    assert _rebuilt_equals_clean(tmp_path / "added", corpus, site) == 2
    assert (site / "articles/third-article/index.html").is_file()
    (corpus / "articles" / "second-article.md").unlink()
    (corpus / "sources" / "second.txt").unlink()
    assert _rebuilt_equals_clean(tmp_path / "removed", corpus, site) == 2
    assert not (site / "articles/second-article").exists()
    assert not (site / "data/texts/second-article.txt").exists()


def test_a_rebuild_whose_article_cache_ends_short_annotates_what_it_could_not_read(
    tmp_path: Path,
) -> None:
    """The cache's heads name both articles, but its last body is cut short: the edited article
    is annotated while the cache is read, and the other one, which the cache could not give,
    after it."""
    corpus = _two_articles(tmp_path)
    site = tmp_path / "site"
    assert build(_config(corpus, site)).written
    cache = site / CACHE_DIR / "articles.bin"
    cache.write_bytes(cache.read_bytes()[:-10])
    for name in (EDITED, CAPTURE):
        _replace(corpus, name, "went on", "wentx on")
    assert _rebuilt_equals_clean(tmp_path, corpus, site) == 0
    assert b"wentx on" in (site / "data/texts/sample-article.txt").read_bytes()


@pytest.mark.parametrize("edit", ["description", "form"])
def test_a_rebuild_after_a_knowledge_base_edit(tmp_path: Path, edit: str) -> None:
    corpus = _two_articles(tmp_path)
    site = tmp_path / "site"
    assert build(_config(corpus, site)).written
    if edit == "description":
        _replace(corpus, "actors.yaml", "description: A region.", "description: A peninsula.")
    else:
        _replace(
            corpus, "actors.yaml", "forms: [Korean Peninsula]", "forms: [Korean Peninsula, talks]"
        )
    # The knowledge base is an input of every annotation: no article is taken from the cache.
    assert _rebuilt_equals_clean(tmp_path, corpus, site) == 0
    page = (site / "actors/korean-peninsula/index.html").read_bytes()
    assert (b"A peninsula." in page) if edit == "description" else (b"A title" in page)


# The folders of the site a build replaced are kept, emptied, in the new site's cache, and the
# next build's site is made in them (`write.KEPT_FOLDERS`): a site has a folder for each page.


def _built_and_rebuilt(tmp_path: Path) -> tuple[Path, Path]:
    """The corpus and its site, built, then rebuilt after a body word is edited: the site holds
    the first one's folders, kept."""
    corpus = _two_articles(tmp_path)
    site = tmp_path / "site"
    assert build(_config(corpus, site)).written
    for name in (EDITED, CAPTURE):
        _replace(corpus, name, "went on", "wentx on")
    assert build(_config(corpus, site)).written
    return corpus, site


def _put_back(corpus: Path) -> None:
    for name in (EDITED, CAPTURE):
        _replace(corpus, name, "wentx on", "went on")


def _files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())


def test_a_rebuild_keeps_the_folders_of_the_site_it_replaced_and_none_of_its_files(
    tmp_path: Path,
) -> None:
    corpus = _two_articles(tmp_path)
    site = tmp_path / "site"
    assert build(_config(corpus, site)).written
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_dir())
    for name in (EDITED, CAPTURE):
        _replace(corpus, name, "went on", "wentx on")
    assert build(_config(corpus, site)).written
    kept = site / KEPT_FOLDERS
    assert _files_under(kept) == [MARKER]
    assert sorted(str(p.relative_to(kept)) for p in kept.rglob("*") if p.is_dir()) == [
        folder for folder in pages if not folder.startswith(CACHE_DIR)
    ]
    folder = (kept / "articles" / "second-article").stat().st_ino
    _put_back(corpus)
    assert _rebuilt_equals_clean(tmp_path, corpus, site) == 1
    # The new site is made in the kept folders, not in folders made again.
    assert (site / "articles" / "second-article").stat().st_ino == folder


@pytest.mark.parametrize("left", ["a stray file", "a stray folder", "its own cache"])
def test_kept_folders_not_emptied_as_expected_still_give_the_clean_site(
    tmp_path: Path, left: str
) -> None:
    """What a remover killed half way, or anything else, left in the kept folders is not taken
    into the next site."""
    corpus, site = _built_and_rebuilt(tmp_path)
    kept = site / KEPT_FOLDERS
    if left == "a stray file":
        (kept / "articles" / "second-article" / "index.html").write_text("stale", encoding="utf-8")
    elif left == "a stray folder":
        (kept / "articles" / "gone-article" / "deeper").mkdir(parents=True)
    else:
        (kept / CACHE_DIR / "folders" / "articles").mkdir(parents=True)
    _put_back(corpus)
    assert _rebuilt_equals_clean(tmp_path, corpus, site) == 1


def test_a_rebuild_whose_kept_folders_fail_to_take_shape_begins_from_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, site = _built_and_rebuilt(tmp_path)

    def failing(root: str, marker: str, wanted: Callable[[str], bool]) -> set[str]:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(write_processes, "reshaped", failing)
    _put_back(corpus)
    assert _rebuilt_equals_clean(tmp_path, corpus, site) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean", "corpus", "site"]
