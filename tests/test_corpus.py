"""The real corpus: faithful transcriptions, verbatim quotes, provenance, a valid data contract."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from natocorpus.cli import main
from natocorpus.model import AnnotatedCorpus
from support import PROJECT_ROOT

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
ARTICLES = sorted((PROJECT_ROOT / "corpus" / "articles").glob("*.md"))


def _front_and_body(path: Path) -> tuple[str, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return front, body


def _reading_words(body: str) -> list[str]:
    """The body's words as a reader sees them, list numbers included; markup gone."""
    words: list[str] = []
    counters: list[int] = []
    for token in MarkdownIt("commonmark").parse(body):
        if token.type == "ordered_list_open":
            counters.append(int(token.attrGet("start") or 1))
        elif token.type == "ordered_list_close":
            counters.pop()
        elif token.type == "list_item_open" and counters:
            words.append(f"{counters[-1]}.")
            counters[-1] += 1
        elif token.type == "inline":
            text = "".join(
                child.content if child.type != "softbreak" else " "
                for child in token.children or ()
            )
            words.extend(text.split())
    return words


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_transcription_is_faithful_to_the_capture(path: Path, real_corpus: AnnotatedCorpus) -> None:
    article = next(a for a in real_corpus.articles if a.path.endswith(path.name))
    capture = (PROJECT_ROOT / "corpus" / "sources" / article.meta.source_file).read_text(
        encoding="utf-8"
    )
    omitted = {line.line for line in article.meta.omitted}
    expected = [
        word
        for number, line in enumerate(capture.split("\n"), start=1)
        if number not in omitted
        for word in line.split()
    ]
    _, body = _front_and_body(path)
    assert _reading_words(body) == expected
    for line in article.meta.omitted:
        assert capture.split("\n")[line.line - 1].split() == line.text.split()


def test_captures_are_kept_byte_for_byte() -> None:
    sources = sorted((PROJECT_ROOT / "corpus" / "sources").iterdir())
    assert len(sources) == 5
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not here to compare with")
    for source in sources:
        assert source.read_bytes() == (SEEDS / source.name).read_bytes(), source.name


def test_every_evidence_quote_is_verbatim_and_points_at_its_paragraph(
    real_corpus: AnnotatedCorpus,
) -> None:
    for article in real_corpus.articles:
        assert 2 <= len(article.meta.stance.evidence) <= 4
        text = article.text.reading_text
        for quote in article.meta.stance.evidence:
            passage = text[quote.span.start : quote.span.end]
            assert " ".join(passage.split()) == " ".join(quote.text.split())
            assert article.text.block_at(quote.span.start).anchor == quote.span.paragraph


def test_every_stated_field_quotes_the_capture_and_every_inference_gives_a_basis(
    real_corpus: AnnotatedCorpus,
) -> None:
    for article in real_corpus.articles:
        capture = " ".join(article.capture.decode("utf-8").replace("\u00a0", " ").split())
        meta = article.meta
        fields = [meta.title, meta.authors, meta.outlet, meta.published, meta.genre]
        fields += [meta.completeness, meta.themes]
        fields += [f for f in (meta.original_outlet, meta.translated_from, meta.doi) if f]
        for field in fields:
            if field.provenance.is_stated:
                assert " ".join((field.provenance.quote or "").split()) in capture
            else:
                assert field.provenance.basis
        if meta.published.value.precision == "day":
            assert meta.published.provenance.is_stated, "a day is never inferred"


def test_the_seeds_special_cases_are_recorded(real_corpus: AnnotatedCorpus) -> None:
    completeness = {a.meta.source_file[:3]: a.meta.completeness.value for a in real_corpus.articles}
    assert completeness["000"] == "excerpt"
    assert completeness["003"] == "abstract-with-references"
    translated = [a for a in real_corpus.articles if a.meta.translated_from]
    assert [a.meta.source_file[:3] for a in translated] == ["002"]
    abstract = next(a for a in real_corpus.articles if a.meta.source_file.startswith("003"))
    assert len(abstract.references) == 10
    assert all(ref.url or ref.doi for ref in abstract.references)


def test_mentions_slice_to_their_text(real_corpus: AnnotatedCorpus) -> None:
    for article in real_corpus.articles:
        text = article.text.reading_text
        assert article.mentions, article.id
        for mention in [*article.mentions, *article.event_mentions, *article.dates]:
            assert text[mention.start : mention.end] == mention.text


def test_every_actor_and_event_is_known_and_ids_are_unique(real_corpus: AnnotatedCorpus) -> None:
    actors = [actor.id for actor in real_corpus.knowledge.actors]
    events = [event.id for event in real_corpus.knowledge.events]
    assert len(set(actors)) == len(actors)
    assert len(set(events)) == len(events)
    for event in real_corpus.knowledge.events:
        assert set(event.participants) <= set(actors)


def test_check_on_the_real_corpus_prints_no_error() -> None:
    result = CliRunner().invoke(
        main, ["check", "--corpus", str(PROJECT_ROOT / "corpus"), "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_records_validate_against_their_schema(built_site: Path) -> None:
    records = json.loads((built_site / "data" / "records.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "data" / "records.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(records)
    assert len(records["articles"]) == 5
    for article in records["articles"]:
        for mention in article["mentions"]:
            text = article["reading_text"][mention["start"] : mention["end"]]
            assert text == mention["text"]


def test_csv_tables_agree_with_the_records(built_site: Path) -> None:
    records = json.loads((built_site / "data" / "records.json").read_text(encoding="utf-8"))
    with (built_site / "data" / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(a["mentions"]) for a in records["articles"])
    for row in rows:
        assert re.fullmatch(r"/articles/[a-z0-9-]+/#[ph]-[0-9a-f]{8}(-\d+)?", row["permalink"])
    package = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        with (built_site / "data" / resource["path"]).open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == [f["name"] for f in resource["schema"]["fields"]]


def test_web_annotations_select_the_exact_passage(built_site: Path) -> None:
    collection = json.loads(
        (built_site / "data" / "annotations.jsonld").read_text(encoding="utf-8")
    )
    items = collection["first"]["items"]
    assert collection["total"] == len(items) > 0
    for item in items:
        quote, position = item["target"]["selector"]
        text = (built_site / item["target"]["source"].lstrip("/")).read_text(encoding="utf-8")
        assert text[position["start"] : position["end"]] == quote["exact"]
