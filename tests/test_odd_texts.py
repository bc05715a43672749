"""Texts made of the words and marks the annotator's rules look at, in any order: whatever a
published text holds (a misprinted date, a dateline, a stray bracket, a name in a script of its
own), the build ends with the site, every text in it, and no traceback."""

from __future__ import annotations

import json
import random
from pathlib import Path

from click.testing import CliRunner

from corpus_factory import CAPTURE, front_matter
from natocorpus.cli import main
from support import PROJECT_ROOT

# Names, dates that are and are not on the calendar, datelines, titles, quotes and brackets:
# phrases the rules look for, and words and marks to fall between them.
_TOKENS = (
    *("NATO", "Japan", "China", "Russia", "Ukraine", "the summit", "Vilnius", "The Hague"),
    *("İstanbul", "日本", "НАТО", "NATO’s", "Japan's", "anti-NATO", "non‑NATO", "NATO-Japan"),
    "NA\u200bTO",  # (an invisible character: a warning, and the text stays)
    *("2023", "1990s", "the 19th century", "2023-07-12", "2023-13-01", "12.07.2023"),
    *("31.02.2024", "45 May 2023", "31 June 2023", "May 45", "February 29", "Feb. 3"),
    *("Sept 9", "last year", "next month", "last winter", "in mid-July", "June last year"),
    *("seventy-five years since", "the 75th anniversary", "Secretary General of the bloc"),
    *("Jens Stoltenberg is the Secretary General", "Prime Minister Kishida", "IP4"),
    *("partners in the Indo-Pacific", "a protracted Russia-Ukraine conflict", "Group Captain"),
    *("conducting a special military operation", "Breaking News:", "‘Asian NATO’ will"),
    *("the Washington Summit Declaration", "Strategic Concept", "(AP) —", "BRUSSELS,"),
    *("TOKYO:", "Beijing (TDI):", "https://x.org/2023/07/12", "doi:10.1000/2023-07"),
    *("(", ")", "[", "]", "“", "”", "‘", "’", ",", ".", ";", ":", "!", "?", "—", "–", "/"),
    *("&", "%", "$", "€", "said", "told", "met", "in", "of", "the", "a", "and", "but"),
)


def _odd_text(rnd: random.Random) -> str:
    paragraphs = []
    for _ in range(rnd.randint(1, 5)):
        words = [rnd.choice(_TOKENS) for _ in range(rnd.randint(3, 50))]
        paragraphs.append("Then " + " ".join(words))  # (a word first: no list or heading opens)
    return "NATO met in Washington. The US objected.\n\n" + "\n\n".join(paragraphs)


def test_texts_of_odd_words_and_marks_all_make_the_site(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "sources").mkdir()
    for name in ("corpus.yaml", "actors.yaml", "events.yaml"):
        text = (PROJECT_ROOT / "corpus" / name).read_text(encoding="utf-8")
        (corpus / name).write_text(text, encoding="utf-8")
    rnd = random.Random(20261207)
    ids = [f"odd-text-{number}" for number in range(24)]
    for text_id in ids:
        body = _odd_text(rnd)
        (corpus / "sources" / f"{text_id}.txt").write_text(
            CAPTURE.format(body=body), encoding="utf-8"
        )
        meta = front_matter(
            id=f"id: {text_id}",
            source_file=f"source_file: {text_id}.txt",
            published=f'published: {{value: "{rnd.randint(2019, 2026)}-06", precision: month, '
            "inferred: latest event}",
        )
        meta = meta.replace("{q1}", "NATO met in Washington.").replace("{q2}", "The US objected.")
        (corpus / "articles" / f"{text_id}.md").write_text(
            f"---\n{meta}\n---\n\n{body}\n", encoding="utf-8"
        )
    out = tmp_path / "site"
    templates = PROJECT_ROOT / "templates"
    arguments = ["build", "--corpus", str(corpus), "--templates", str(templates)]
    result = CliRunner().invoke(main, [*arguments, "--out", str(out), "--no-search"])
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    records = json.loads((out / "data" / "records.json").read_text(encoding="utf-8"))
    assert sorted(text["id"] for text in records["articles"]) == sorted(ids)
