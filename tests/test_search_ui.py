"""The search page's copy of Pagefind's Default UI carries the strings of the site's language and
English only: the strings of Pagefind's other languages were two thirds of what a search
downloaded of the script. The browser tests (tests/browser/test_search*.py) run the UI so made."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from natocorpus import search
from natocorpus.search import UI_SCRIPT, trim_ui_translations, trimmed_ui

TRANSLATION = re.compile(r'"\.\./\.\./translations/([\w-]+)\.json"')


@pytest.fixture(scope="module")
def pagefind_ui(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The Default UI as Pagefind writes it, from an index of one French page."""
    site = tmp_path_factory.mktemp("tiny")
    (site / "index.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>Essai</title></head>'
        "<body><main data-pagefind-body><h1>Essai</h1><p>Bonjour.</p></main></body></html>",
        encoding="utf-8",
    )
    bundle = site / "pagefind"
    search._run_pagefind(search.pagefind_executable(), site, bundle, "fr")
    return (bundle / UI_SCRIPT).read_text(encoding="utf-8")


def test_the_ui_keeps_the_sites_language_and_english(pagefind_ui: str) -> None:
    assert len(TRANSLATION.findall(pagefind_ui)) > 10
    smaller = trimmed_ui(pagefind_ui, "fr-CA")
    assert smaller is not None
    assert TRANSLATION.findall(smaller) == ["en", "fr"]
    # The script writes a non-ASCII letter as an escape: "résultats" as "r\xE9sultats".
    assert "Load more results" in smaller and "Charger plus de r\\xE9sultats" in smaller
    assert "Laai nog resultate" not in smaller  # Afrikaans
    assert len(smaller) < 0.5 * len(pagefind_ui)
    # What is left is the same script around the strings: it ends as Pagefind's does.
    assert smaller.endswith(pagefind_ui[-200:])
    node = shutil.which("node")
    if node:
        checked = subprocess.run(
            [node, "--check", "-"], input=smaller, capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stderr


def test_a_ui_already_trimmed_or_laid_out_otherwise_is_left_as_it_is(pagefind_ui: str) -> None:
    smaller = trimmed_ui(pagefind_ui, "en")
    assert smaller is not None and TRANSLATION.findall(smaller) == ["en"]
    assert trimmed_ui(smaller, "en") is None
    assert trimmed_ui(pagefind_ui.replace("var ", "let "), "en") is None
    assert trimmed_ui("console.log(1);", "en") is None


def test_a_bundle_linked_from_the_previous_build_is_not_changed_in_place(
    tmp_path: Path, pagefind_ui: str
) -> None:
    previous = tmp_path / "previous" / UI_SCRIPT
    previous.parent.mkdir()
    previous.write_text(pagefind_ui, encoding="utf-8")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / UI_SCRIPT).hardlink_to(previous)
    trim_ui_translations(bundle, "en")
    assert previous.read_text(encoding="utf-8") == pagefind_ui
    assert TRANSLATION.findall((bundle / UI_SCRIPT).read_text(encoding="utf-8")) == ["en"]


def test_the_built_site_serves_the_ui_in_its_language(built_site: Path) -> None:
    script = (built_site / "pagefind" / UI_SCRIPT).read_text(encoding="utf-8")
    assert TRANSLATION.findall(script) == ["en"]
