"""benchmarks/heldout_sets.py, which checks a new held-out set before it is committed and pools
and compares the measurements behind the figures in benchmarks/README.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from support import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
import heldout_sets

WORDS = " ".join(["The alliance met its partners again."] * 30)
TEXT = f"NATO met Japan in Brussels. {WORDS}"


def _new_set(folder: Path, url: str, actors: list[dict[str, Any]], text: str = TEXT) -> Path:
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "outlet-story-2024.txt").write_text(text, encoding="utf-8")
    source = {
        "id": "outlet-story-2024",
        "title": "A story",
        "outlet": "An outlet",
        "genre": "news",
        "url": url,
        "published": "2024-07-01",
        "month": "2024-07",
        "excerpt": "all of it",
    }
    (folder / "sources.yaml").write_text(yaml.safe_dump([source]), encoding="utf-8")
    gold = {"texts": {"outlet-story-2024": {"actors": actors, "events": []}}}
    (folder / "gold.yaml").write_text(
        "# The held-out set heldout999: a test.\n" + yaml.safe_dump(gold), encoding="utf-8"
    )
    return folder


def test_a_sound_new_set_has_no_problems(tmp_path: Path) -> None:
    folder = _new_set(
        tmp_path / "heldout999",
        "https://example.org/a-story-no-set-holds",
        [{"text": "NATO", "id": "nato"}, {"text": "Japan", "id": "japan"}],
    )
    assert heldout_sets.validate(folder) == []


def test_a_new_sets_problems_are_each_named_with_its_text(tmp_path: Path) -> None:
    held = yaml.safe_load((PROJECT_ROOT / "benchmarks/heldout916/sources.yaml").read_text("utf-8"))
    folder = _new_set(
        tmp_path / "heldout999",
        held[0]["url"],
        [
            {"text": "Seoul", "id": "south-korea"},
            {"text": "Japan", "id": "no-such-actor"},
            {"text": "NATO", "id": "nato", "note": "a field the gold does not have"},
        ],
        text="NATO met Japan in Brussels.",
    )
    problems = heldout_sets.validate(folder)
    assert all(p.startswith("outlet-story-2024: ") for p in problems), problems
    joined = "\n".join(problems)
    assert "a held set already uses" in joined
    assert "5 words" in joined
    assert "unknown fields ['note']" in joined
    assert "'Seoul' does not occur in the text" in joined


def test_a_text_without_a_title_in_words_is_named(tmp_path: Path) -> None:
    folder = _new_set(
        tmp_path / "heldout999",
        "https://example.org/a-story-no-set-holds",
        [{"text": "NATO", "id": "nato"}, {"text": "Japan", "id": "japan"}],
    )
    sources = yaml.safe_load((folder / "sources.yaml").read_text("utf-8"))
    sources[0]["title"] = None
    (folder / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    assert heldout_sets.validate(folder) == [
        "outlet-story-2024: title is not a text (say what the text is where it has none)"
    ]


def test_a_text_that_repeats_a_held_one_is_a_copy(tmp_path: Path) -> None:
    held = PROJECT_ROOT / "benchmarks/heldout916/texts"
    story = sorted(held.glob("*.txt"))[0].read_text(encoding="utf-8")
    folder = tmp_path / "heldout999"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "copied-2024.txt").write_text(story, encoding="utf-8")
    (folder / "texts" / "own-2024.txt").write_text(TEXT, encoding="utf-8")
    lines = heldout_sets.copies([folder]).splitlines()
    copied = next(line for line in lines if "copied-2024" in line)
    assert copied.startswith("1.00 ") and copied.endswith(" copy")
    assert not any("own-2024" in line and line.endswith("copy") for line in lines)


def _measured(folder: Path, name: str, texts: list[dict[str, Any]]) -> None:
    total = {
        "texts": len(texts),
        "actor_ids": 10,
        "actor_ids_found": 10,
        "wrong": sum(len(t["wrong"]) for t in texts),
        "event_refs": 0,
        "event_refs_found": 0,
        "unknown_actors": 4,
        "unknown_actors_named": 4,
        "noise": 0,
        "max_noise_per_text": 0,
        "actors_found": 1.0,
        "events_found": None,
        "check_names": 1.0,
    }
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps({"total": total, "texts": texts}), "utf-8")


def _text(wrong: list[str]) -> dict[str, Any]:
    return {
        "id": "outlet-story-2024",
        "actor_ids_found": ["nato"],
        "wrong": wrong,
        "event_refs_found": 0,
        "unknown_actors_named": [],
        "noise": [],
        "missed_events": [],
        "missed_actors": [],
        "unknown_not_named": [],
    }


def test_pooled_figures_and_what_changed_between_two_measurements(tmp_path: Path) -> None:
    # A set whose texts name no known event meets the events target: there is nothing to miss.
    wrong = "actor 'Tokyo' -> japan; gold has nothing there"
    _measured(tmp_path / "before", "heldout1", [_text([wrong])])
    _measured(tmp_path / "after", "heldout1", [_text([])])
    assert "meeting every target 0 of 1" in heldout_sets.pool(tmp_path / "before", [])
    assert "meeting every target 1 of 1" in heldout_sets.pool(tmp_path / "after", [])
    changed = heldout_sets.compare(tmp_path / "before", tmp_path / "after")
    assert f"   - wrong: {wrong}" in changed
    assert "'wrong': -1" in changed.splitlines()[-1]
