"""Tiny corpora written inline, one folder per test."""

from __future__ import annotations

import textwrap
from pathlib import Path

SETTINGS = """\
title: Test corpus
description: A tiny corpus for tests. Written inline.
language: en
licence: {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}
stance_scale:
  question: Position on the thing
  levels:
    - {value: -2, label: strongly opposed}
    - {value: -1, label: opposed}
    - {value: 0, label: mixed or neutral}
    - {value: 1, label: supportive}
    - {value: 2, label: strongly supportive}
"""

ACTORS = """\
- id: nato
  name: North Atlantic Treaty Organization
  type: organisation
  description: The alliance.
  wikidata: Q7184
  forms: [NATO, Nato, the Alliance]
- id: usa
  name: United States
  type: state
  description: A state.
  forms: [US, U.S., United States, American, {text: Washington, unless_after: [in, at]}]
- id: south-korea
  name: South Korea
  type: state
  description: A state.
  forms: [South Korea]
- id: korean-peninsula
  name: Korean Peninsula
  type: region
  description: A region.
  forms: [Korean Peninsula]
- id: strategic-concept-2022
  name: NATO 2022 Strategic Concept
  type: document
  description: A document.
  forms: [NATO 2022 Strategic Concept]
"""

EVENTS = """\
- id: madrid-2022
  name: NATO Summit, Madrid
  type: summit
  date: "2022-06-28"
  precision: day
  place: Madrid
  participants: [nato]
  description: A summit.
  forms: [NATO summit in Madrid]
"""

CAPTURE = "A title\nBy Ann Author\n{body}\n"


def front_matter(**overrides: str) -> str:
    fields = {
        "id": "id: sample-article",
        "source_file": "source_file: sample.txt",
        "title": "title: {value: A title, stated: A title}",
        "authors": "authors:\n  value: [{name: Ann Author}]\n  stated: By Ann Author",
        "outlet": "outlet: {value: Test Outlet, inferred: the host that carried it}",
        "published": 'published: {value: "2023-01", precision: month, inferred: latest event}',
        "genre": "genre: {value: opinion, inferred: argues a position}",
        "completeness": "completeness: {value: full, inferred: ends with a conclusion}",
        "themes": "themes: {value: [alliances], inferred: editorial reading}",
        "stance": ('stance:\n  value: -1\n  rationale: It objects.\n  evidence: ["{q1}", "{q2}"]'),
        "omitted": (
            "omitted:\n  - {line: 1, text: A title, reason: title}\n"
            "  - {line: 2, text: By Ann Author, reason: byline}"
        ),
    }
    fields.update(overrides)
    return "\n".join(value for value in fields.values() if value)


def write_corpus(
    root: Path,
    body: str = "NATO met in Washington. The US objected.",
    *,
    quotes: tuple[str, str] = ("NATO met in Washington.", "The US objected."),
    overrides: dict[str, str] | None = None,
    capture_body: str | None = None,
    actors: str = ACTORS,
    events: str = EVENTS,
    settings: str = SETTINGS,
) -> Path:
    """Write a one-article corpus under root/corpus and return that folder."""
    corpus = root / "corpus"
    (corpus / "articles").mkdir(parents=True, exist_ok=True)
    (corpus / "sources").mkdir(exist_ok=True)
    (corpus / "corpus.yaml").write_text(settings, encoding="utf-8")
    (corpus / "actors.yaml").write_text(actors, encoding="utf-8")
    (corpus / "events.yaml").write_text(events, encoding="utf-8")
    capture = CAPTURE.format(body=capture_body if capture_body is not None else body)
    (corpus / "sources" / "sample.txt").write_text(capture, encoding="utf-8")
    meta = front_matter(**(overrides or {})).replace("{q1}", quotes[0]).replace("{q2}", quotes[1])
    article = f"---\n{meta}\n---\n\n{textwrap.dedent(body)}\n"
    (corpus / "articles" / "sample-article.md").write_text(article, encoding="utf-8")
    return corpus
