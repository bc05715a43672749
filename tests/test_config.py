"""The build's options: validated into one `BuildConfig`, every bad option reported at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from natocorpus.cli import main
from natocorpus.config import make_config
from natocorpus.diagnostics import ConfigError

BAD_BASE_URL = "--base-url: base-url: not a URL path: 'http://x'"
BAD_SITE_URL = "--site-url: site-url: not an origin like https://example.org: 'ftp://y'"


def problems(**options: Any) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        make_config(**options)
    return [str(diagnostic) for diagnostic in raised.value.diagnostics]


def test_one_bad_option_gives_its_message() -> None:
    assert problems(base_url="http://x") == [BAD_BASE_URL]
    assert problems(site_url="ftp://y") == [BAD_SITE_URL]


def test_two_bad_options_give_two_diagnostics() -> None:
    assert problems(base_url="http://x", site_url="ftp://y") == [BAD_BASE_URL, BAD_SITE_URL]


def test_a_corpus_path_that_is_a_file_is_named_with_the_bad_options(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.md"
    corpus.write_text("not a folder")
    templates = tmp_path / "no-templates"
    assert problems(
        corpus=corpus, templates=templates, base_url="http://x", site_url="ftp://y"
    ) == [
        BAD_BASE_URL,
        BAD_SITE_URL,
        f"{corpus}: corpus: is not a folder",
        f"{templates}: templates: is not a folder",
    ]


def test_a_check_names_no_templates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.md"
    corpus.write_text("not a folder")
    assert problems(corpus=corpus, base_url="http://x", check_only=True) == [
        BAD_BASE_URL,
        f"{corpus}: corpus: is not a folder",
    ]


def test_a_missing_folder_alone_is_the_builds_to_report(tmp_path: Path) -> None:
    """On its own it is an error of the build (exit 1, the last site kept), not of the options."""
    config = make_config(tmp_path / "no-corpus", tmp_path / "no-templates")
    assert [str(d) for d in config.missing_folders()] == [
        f"{tmp_path}/no-corpus: corpus: is not a folder",
        f"{tmp_path}/no-templates: templates: is not a folder",
    ]


@pytest.mark.parametrize(
    ("given", "expected"),
    [("/", "/"), ("", "/"), ("natocorpus", "/natocorpus/"), (" /a//b ", "/a/b/")],
)
def test_the_base_url_is_normalised(given: str, expected: str) -> None:
    assert make_config(base_url=given).base_url == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [(None, None), ("  ", None), ("https://example.org/", "https://example.org")],
)
def test_the_site_url_is_normalised(given: str | None, expected: str | None) -> None:
    assert make_config(site_url=given).site_url == expected


def test_the_command_line_names_every_bad_option() -> None:
    result = CliRunner().invoke(main, ["build", "--base-url", "http://x", "--site-url", "ftp://y"])
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert lines[-2:] == [f"Error: {BAD_BASE_URL}", BAD_SITE_URL], result.output
