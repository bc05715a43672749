"""The held-out sets' golds, which the annotation figures in benchmarks/README.md are measured
against: a passage cut short by YAML's flow style would move those figures without anyone
seeing why."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from heldout import GOLD_FIELDS, GoldError, resolve_layer, write_corpus

TEXT = (
    "Both sides looked forward to the 5th Asia Defense and Security, Crisis & Disaster Management"
    " Exhibition and Conference in September."
)


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.load(
        path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    return loaded


def test_an_unquoted_comma_in_a_gold_passage_is_an_error_naming_the_field() -> None:
    entries = yaml.safe_load(
        "- {text: 5th Asia Defense and Security, Crisis & Disaster Management Exhibition and"
        " Conference, id: unknown, name: ADAS 2024, type: meeting}"
    )
    with pytest.raises(GoldError, match=r"unknown field.*Crisis & Disaster Management"):
        resolve_layer("event", entries, TEXT)


def test_the_quoted_passage_is_read_whole() -> None:
    entries = yaml.safe_load(
        '- {text: "5th Asia Defense and Security, Crisis & Disaster Management Exhibition and'
        ' Conference", id: unknown, name: ADAS 2024, type: meeting}'
    )
    (passage,) = resolve_layer("event", entries, TEXT)
    assert passage.text.endswith("Exhibition and Conference")


def _reading_of_a_text_loaded(tmp_path: Path, text: str) -> str:
    """The reading text of `text`, written as the harness writes a held-out text and loaded."""
    from natocorpus.build import annotate
    from natocorpus.config import make_config

    source = {"id": "loaded", "title": "Loaded", "outlet": "O", "genre": "report"}
    source |= {"url": "https://example.org/l", "published": "2011-05-01", "month": "2011-05"}
    corpus_dir = write_corpus(tmp_path, source, text)
    config = make_config(
        corpus_dir, PROJECT_ROOT / "templates", tmp_path / "site", search=False, check_only=True
    )
    corpus, diagnostics = annotate(config)
    assert corpus is not None, [str(d) for d in diagnostics]
    return corpus.articles[0].text.reading_text


@pytest.mark.parametrize(
    "line",
    [
        "NATO’s *Locked Shields* exercise met Japan.",  # emphasis as the page printed it
        "NATO met Japan under `Article 5` and [1] notes, A_B and \\ C &amp; D.",
        "---",
        "1.",  # a transcript's question number alone on its line: text, not an empty item
    ],
)
def test_a_text_with_markups_characters_loads_as_printed(tmp_path: Path, line: str) -> None:
    # What Markdown would read as markup is escaped, as `natocorpus add` escapes it: the
    # temporary corpus loads, and its reading text is the capture's.
    text = f"NATO met Japan.\n\n{line}\n\nThen NATO met China.\n"
    assert line in _reading_of_a_text_loaded(tmp_path, text)


def test_a_text_whose_paragraphs_open_with_spaced_numbers_loads(tmp_path: Path) -> None:
    # A report's numbered paragraphs, as captured ("1.      In the last"), are a list's items,
    # not code: the temporary corpus loads and reads them.
    text = "1.      In the last years NATO met Japan.\n\n2.      Then NATO met China.\n"
    reading = _reading_of_a_text_loaded(tmp_path, text)
    assert "In the last years NATO met Japan." in reading and "Then NATO met China." in reading


def test_a_text_whose_numbers_break_a_lists_count_loads(tmp_path: Path) -> None:
    # A page's outline of numbered headings and numbered points ("1. Transition", then "1. (1)
    # The NATO Commander") is no one list: a number that breaks the count is the text's, as
    # `natocorpus add` writes it, and the temporary corpus loads.
    text = "1. Transition\n\n1. (1) NATO met Japan.\n\n2. (2) Then NATO met China.\n\n2. Aid\n"
    reading = _reading_of_a_text_loaded(tmp_path, text)
    assert "1. (1) NATO met Japan." in reading and "2. Aid" in reading


def test_every_gold_passage_of_every_held_out_set_has_only_known_fields() -> None:
    golds = sorted((PROJECT_ROOT / "benchmarks").glob("heldout*/gold.yaml"))
    assert golds
    bad = [
        f"{gold.parent.name}/{text_id}: {entry}"
        for gold in golds
        for text_id, layers in _load(gold)["texts"].items()
        for layer in ("actors", "events")
        for entry in (layers or {}).get(layer) or []
        if set(entry) - GOLD_FIELDS
    ]
    assert not bad, "\n".join(bad[:20])


def test_a_name_the_check_reports_once_names_its_later_passage_too(tmp_path: Path) -> None:
    # The check reports "Ruritanian Assembly" once, where it first stands: inside the longer name
    # of its committee. The gold's passage of the assembly itself, further on, is named by it.
    import heldout

    folder = tmp_path / "set"
    (folder / "texts").mkdir(parents=True)
    text = (
        "NATO met the Ruritanian Assembly's committee on defence in Brussels on Monday, NATO said."
        "\n\nNATO thanked the Ruritanian Assembly for its support of the talks, officials said."
    )
    (folder / "texts" / "probe.txt").write_text(text, encoding="utf-8")
    (folder / "sources.yaml").write_text("[]\n", encoding="utf-8")
    (folder / "gold.yaml").write_text("texts: {}\n", encoding="utf-8")
    heldout._configure(folder, PROJECT_ROOT / "corpus", None)
    source = {"id": "probe", "title": "Probe", "outlet": "O", "genre": "news"}
    source |= {"url": "https://example.org/p", "published": "2023-05-01", "month": "2023-05"}
    gold = yaml.safe_load(
        "actors:\n"
        "  - {text: NATO, id: nato}\n"
        '  - {text: "Ruritanian Assembly\'s committee on defence", id: unknown, name: The'
        " committee, type: institution}\n"
        "  - {text: Ruritanian Assembly, id: unknown, name: The assembly, type: institution}\n"
    )
    result = heldout.measure(source, gold, tmp_path / "work")
    assert result.unknown_actors_named == ["The assembly", "The committee"]
