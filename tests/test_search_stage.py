"""The search stage on its own: the real Pagefind over a tiny site written inline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from natocorpus import search
from natocorpus.diagnostics import SearchError

PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>\n'
    "<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>\n"
)
PAGES = {
    "articles/alpha/index.html": ("Alpha", "The alliance met in Madrid."),
    "articles/beta/index.html": ("Beta", "Ministers met in Brussels."),
    "articles/gamma/index.html": ("Gamma", "The summit closed in Vilnius."),
}


def write_site(folder: Path, pages: dict[str, tuple[str, str]] = PAGES) -> Path:
    for path, (title, text) in pages.items():
        page = folder / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PAGE.format(title=title, text=text), encoding="utf-8")
    (folder / "index.html").write_text("<!DOCTYPE html><html lang='en'></html>\n")
    return folder


def bundle_files(site: Path, bundle: str) -> dict[str, int]:
    """Each file of a bundle, by its path in the bundle, with its inode."""
    root = site / bundle
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in root.rglob("*") if p.is_file()}


def test_a_site_is_indexed_into_one_bundle(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    assert search.search_site(site, "en", [sorted(PAGES)]) == {}
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert any(path.startswith("fragment/") for path in bundle_files(site, "pagefind"))
    assert not (site / "pagefind-2").exists()


def test_a_part_whose_pages_are_unchanged_reuses_the_previous_bundle(tmp_path: Path) -> None:
    parts = [
        ["articles/alpha/index.html", "articles/beta/index.html"],
        ["articles/gamma/index.html"],
    ]
    before = write_site(tmp_path / "before")
    digests = search.search_site(before, "en", parts)
    assert sorted(digests) == ["pagefind", "pagefind-2"]
    assert all((before / bundle / "pagefind.js").is_file() for bundle in digests)

    # The next site: the first part's pages as they were, the second part's page changed.
    after = write_site(tmp_path / "after", {**PAGES, parts[1][0]: ("Gamma", "It closed in Riga.")})
    again = search.search_site(after, "en", parts, digests, before)
    assert again["pagefind"] == digests["pagefind"]
    assert again["pagefind-2"] != digests["pagefind-2"]
    # Reused: the same files, hard-linked; indexed again: new files.
    assert bundle_files(after, "pagefind") == bundle_files(before, "pagefind")
    old, new = bundle_files(before, "pagefind-2"), bundle_files(after, "pagefind-2")
    assert (after / "pagefind-2" / "pagefind.js").is_file()
    assert not set(old.values()) & set(new.values())
    assert not (after / ".natocorpus-search-part").exists()


def test_a_part_is_indexed_again_where_the_previous_bundle_is_gone(tmp_path: Path) -> None:
    parts = [["articles/alpha/index.html"], ["articles/beta/index.html"]]
    before = write_site(tmp_path / "before")
    digests = search.search_site(before, "en", parts)
    shutil.rmtree(before / "pagefind-2")
    after = write_site(tmp_path / "after")
    assert search.search_site(after, "en", parts, digests, before) == digests
    assert (after / "pagefind-2" / "pagefind.js").is_file()


def test_without_pagefind_the_stage_fails_with_a_search_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> Path:
        raise FileNotFoundError("no pagefind binary")

    monkeypatch.setattr(search, "pagefind_executable", missing)
    with pytest.raises(SearchError) as failure:
        search.search_site(write_site(tmp_path / "site"), "en")
    assert [str(d) for d in failure.value.diagnostics] == [
        "pagefind: search: not installed: no pagefind binary"
    ]
