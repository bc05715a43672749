"""The corpus folder read safely: the one walker, links out of the corpus, size limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from natocorpus.load.files import CorpusFolder, FileError, files_under, listing


def test_files_under_lists_every_file_sorted_by_its_whole_path(tmp_path: Path) -> None:
    for name in ("a/x", "a-b/x", "b", "a/deeper/y"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    (tmp_path / "empty").mkdir()
    assert files_under(tmp_path) == ["a-b/x", "a/deeper/y", "a/x", "b"]


def test_files_under_follows_links_as_reading_does(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "note.md").write_text("note")
    root = tmp_path / "root"
    root.mkdir()
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "broken").symlink_to(tmp_path / "nothing")
    assert files_under(root) == ["linked/note.md"]


def test_the_listing_of_what_is_not_a_folder_is_empty(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    assert listing(tmp_path / "missing") == []
    assert listing(tmp_path / "file") == []
    assert [entry.name for entry in listing(tmp_path)] == ["file"]


def test_a_read_may_not_leave_the_corpus_nor_pass_the_limit(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (corpus / "link.txt").symlink_to(tmp_path / "secret.txt")
    (corpus / "big.txt").write_bytes(b"x" * 2_000_000)
    folder = CorpusFolder.at(corpus)
    with pytest.raises(FileError) as refused:
        folder.read_bytes(corpus / "link.txt")
    assert str(refused.value.diagnostic) == (
        f"corpus/link.txt: file: is a link to {(tmp_path / 'secret.txt').resolve()}, "
        "outside the corpus; refused"
    )
    with pytest.raises(FileError) as too_big:
        folder.read_bytes(corpus / "big.txt", limit=1_048_576)
    assert str(too_big.value.diagnostic) == (
        "corpus/big.txt: file: is 1.9 MiB; the limit for one corpus file is 1 MiB"
    )
