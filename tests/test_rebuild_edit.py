"""The one-article edit: a rebuild after it takes every file of the other articles from the
previous build without making it again, and still writes the site a clean build writes.

Each case edits one article of a two-article corpus as a maintainer does (a word of the body in
the reading text and in the capture, a field of the front matter, a word and then the word put
back), rebuilds into the site built before, and compares it with a clean build of the edited corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_factory import write_corpus
from natocorpus import fingerprint as fingerprint_module
from natocorpus.build import build
from natocorpus.config import BuildConfig, make_config
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
