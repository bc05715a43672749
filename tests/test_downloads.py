"""The downloads as researchers load them: the large ones are encoded piece by piece and must be
the same JSON; the tables pass `frictionless validate` with their keys; rdflib reads the
annotations, whose positions select their quotes in the text they name."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import frictionless
import orjson
import pytest
import rdflib
from rdflib.namespace import RDF

from corpus_factory import write_corpus
from natocorpus import downloads
from natocorpus.artifacts import Piece
from natocorpus.build import build
from natocorpus.config import make_config
from natocorpus.downloads.json_pieces import Spliced, encode_items, json_spliced
from natocorpus.model import AnnotatedCorpus
from support import PROJECT_ROOT

FRICTIONLESS = Path(sys.executable).parent / "frictionless"
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")


def _joined(chunks: Iterable[bytes | Piece]) -> bytes:
    """The file the writer makes of `chunks`, none of the pieces copied from a previous file."""
    return b"".join(c.content or b"" if isinstance(c, Piece) else c for c in chunks)


def _piece(items: list[object]) -> Piece:
    return Piece(None, encode_items(items))


@pytest.mark.parametrize(
    "pieces",
    [
        [[{"a": 1}], [], [{"b": "é \u2028 </script>"}, {"c": [1, 2]}], []],
        [[], []],
        [],
    ],
    ids=["some-empty-pieces", "only-empty-pieces", "no-pieces"],
)
def test_a_document_encoded_in_pieces_is_the_document_encoded_whole(
    pieces: list[list[object]],
) -> None:
    items = [item for piece in pieces for item in piece]
    whole = {"head": {"items": "not this one"}, "items": items, "tail": "t"}
    placeholder = {"head": {"items": "not this one"}, "items": Spliced("items"), "tail": "t"}
    encoded = _joined(json_spliced(placeholder, items=(_piece(p) for p in pieces)))
    assert encoded == orjson.dumps(whole) + b"\n"
    assert json.loads(encoded) == whole


def test_two_placeholders_in_document_order() -> None:
    document = {"articles": Spliced("articles"), "actors": Spliced("actors")}
    encoded = _joined(
        json_spliced(document, articles=[_piece([1]), _piece([2, 3])], actors=[_piece(["x"])])
    )
    assert json.loads(encoded) == {"articles": [1, 2, 3], "actors": ["x"]}


# What a researcher sees in the downloads, read with the tools they use --------------------------

ORIGIN = "https://example.org"
BASE = "/natocorpus/"
SITE = f"{ORIGIN}{BASE}"
ANNO_CONTEXT = Path(__file__).parent / "contexts" / "anno.jsonld"  # the W3C's, as published


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus built for publication at https://example.org/natocorpus/."""
    out = tmp_path_factory.mktemp("published") / "site"
    config = make_config(
        PROJECT_ROOT / "corpus",
        PROJECT_ROOT / "templates",
        out,
        BASE,
        site_url=ORIGIN,
        search=False,
    )
    report = build(config)
    assert report.written, [str(d) for d in report.errors]
    return out


def _rows(site: Path, table: str) -> list[dict[str, str]]:
    with (site / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _records(site: Path) -> dict[str, Any]:
    return json.loads((site / "data" / "records.json").read_text(encoding="utf-8"))


def _package(site: Path) -> dict[str, Any]:
    return json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_validates_the_package_with_its_keys(published: Path) -> None:
    """The real `frictionless` command, as a researcher runs it on the download: every table
    valid against its schema, every primary key unique, every foreign key found."""
    package = _package(published)
    keys = {
        resource["name"]: {
            (fk["fields"], fk["reference"]["resource"])
            for fk in resource["schema"].get("foreignKeys", [])
        }
        for resource in package["resources"]
    }
    assert keys["mentions"] == {("article", "articles"), ("actor", "actors")}
    assert keys["event_mentions"] == {("article", "articles"), ("event", "events")}
    assert keys["dates"] == {("article", "articles"), ("event", "events")}
    assert keys["event_participants"] == {("event", "events"), ("actor", "actors")}
    assert {("article", "articles")} <= keys["references"] & keys["stance_evidence"]
    assert all(r["schema"]["primaryKey"] for r in package["resources"])
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=published / "data",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["valid"]
    assert len(report["tasks"]) == len(package["resources"]) == 9


def test_frictionless_finds_a_mention_of_an_actor_that_is_not_in_the_actors_table(
    published: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(published / "data", data)
    mentions = (data / "mentions.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    first = mentions[1].split(",")
    first[1] = "atlantis"
    (data / "mentions.csv").write_text(
        "".join([mentions[0], ",".join(first), *mentions[2:]]), encoding="utf-8"
    )
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=data,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    errors = [e for task in json.loads(result.stdout)["tasks"] for e in task["errors"]]
    assert [e["type"] for e in errors] == ["foreign-key"]
    assert "atlantis" in errors[0]["message"]


def test_the_package_says_its_version_when_it_was_made_and_where_it_lives(
    published: Path, real_corpus: AnnotatedCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _package(published)
    assert package["version"] == downloads.DATA_VERSION
    assert package["homepage"] == SITE
    # conftest pins SOURCE_DATE_EPOCH=1700000000, as a reproducible build does.
    assert package["created"] == "2023-11-14T22:13:20Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    # Without it: the latest publication date, never the clock.
    assert downloads.datapackage(real_corpus)["created"] == "2024-07-01T00:00:00Z"  # July 2024
    assert "homepage" not in downloads.datapackage(real_corpus)


def test_stance_and_precision_are_constrained(published: Path) -> None:
    fields = {
        (resource["name"], field["name"]): field
        for resource in _package(published)["resources"]
        for field in resource["schema"]["fields"]
    }
    assert fields["articles", "stance"]["constraints"] == {"minimum": -2, "maximum": 2}
    for key in [("articles", "published_precision"), ("events", "precision")]:
        assert fields[key]["constraints"] == {"enum": ["year", "month", "day"]}
    assert fields["dates", "date_precision"]["constraints"] == {"enum": ["year", "month", "day"]}
    assert fields["articles", "title_provenance"]["constraints"] == {"enum": ["stated", "inferred"]}


def test_dates_are_first_and_last_day_precision_and_year(published: Path) -> None:
    """A year-only date is the whole year, never 1 January read as a day."""
    resource = frictionless.Package(str(published / "data" / "datapackage.json")).get_resource(
        "articles"
    )
    rows = {row["id"]: row for row in resource.read_rows()}
    jin = rows["global-nato-pivots-to-asia-pacific"]
    assert (jin["published_start"], jin["published_end"]) == (
        dt.date(2022, 1, 1),
        dt.date(2022, 12, 31),
    )
    assert (jin["published_precision"], jin["published_year"]) == ("year", 2022)
    kistanov = rows["natos-pivot-to-the-east"]
    assert kistanov["published_start"] == kistanov["published_end"] == dt.date(2023, 12, 27)
    assert kistanov["published_precision"] == "day"
    events = {e["id"]: e for e in _rows(published, "events")}
    assert (events["second-world-war"]["start"], events["second-world-war"]["end"]) == (
        "1939-09-01",
        "1945-09-02",
    )
    dates = _rows(published, "dates")
    assert all(
        (row["resolved"] == "true") == bool(row["date_start"] and row["date_end"]) for row in dates
    )
    assert {row["date_precision"] for row in dates} >= {"year", "day"}


def test_every_article_field_has_its_provenance(published: Path) -> None:
    records = {a["id"]: a for a in _records(published)["articles"]}
    for row in _rows(published, "articles"):
        record = records[row["id"]]
        for field in (
            "title",
            "authors",
            "outlet",
            "original_outlet",
            "translated_from",
            "published",
            "genre",
            "completeness",
            "source_url",
            "doi",
            "themes",
        ):
            kept = record[field]
            if kept is None:
                assert row[f"{field}_provenance"] == row[f"{field}_quote"] == ""
                continue
            assert row[f"{field}_provenance"] == kept["provenance"]
            assert row[f"{field}_quote"] == (kept.get("quote") or "")
            assert row[f"{field}_basis"] == (kept.get("basis") or "")
        assert row["stance_rationale"] == record["stance"]["rationale"]
    translated = records["stoltenberg-visit-japan-south-korea"]
    row = next(r for r in _rows(published, "articles") if r["id"] == translated["id"])
    assert (row["translated_from"], row["original_outlet"]) == ("Chinese", "huanqiu.com")
    assert row["translated_from_quote"] == "translated from Chinese into English"


def test_mentions_carry_their_sentence_and_a_permalink(published: Path) -> None:
    texts = {a["id"]: a["reading_text"] for a in _records(published)["articles"]}
    rows = _rows(published, "mentions") + _rows(published, "event_mentions")
    assert rows
    for row in rows:
        text = texts[row["article"]]
        start, end, sentence = int(row["start"]), int(row["end"]), int(row["sentence_start"])
        assert text[start:end] == row["text"]
        assert text[sentence : sentence + len(row["sentence"])] == row["sentence"]
        assert sentence <= start and end <= sentence + len(row["sentence"])
        assert row["permalink"] == f"{SITE}articles/{row['article']}/#{row['paragraph']}"
    records = _records(published)
    assert len(_rows(published, "event_mentions")) == sum(
        len(a["event_mentions"]) for a in records["articles"]
    )
    assert len(_rows(published, "references")) == sum(
        len(a["references"]) for a in records["articles"]
    )
    assert len(_rows(published, "stance_evidence")) == sum(
        len(a["stance"]["evidence"]) for a in records["articles"]
    )


def _annotation_graph(site: Path, base: str) -> rdflib.Graph:
    """annotations.jsonld as rdflib reads it, the W3C context supplied from the test's copy."""
    document = json.loads((site / "data" / "annotations.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    document["@context"] = json.loads(ANNO_CONTEXT.read_text(encoding="utf-8"))["@context"]
    return rdflib.Graph().parse(data=json.dumps(document), format="json-ld", base=base)


def test_rdflib_reads_the_annotations_and_each_position_selects_its_quote(
    published: Path,
) -> None:
    graph = _annotation_graph(published, "file:///elsewhere/")
    iris = {str(term) for triple in graph for term in triple if isinstance(term, rdflib.URIRef)}
    ours = {iri for iri in iris if not iri.startswith(("http://www.w3.org/", "http://purl.org/"))}
    assert ours and all(iri.startswith(SITE) for iri in ours), sorted(ours - {SITE})[:5]
    selected = []
    for position in graph.subjects(RDF.type, OA.TextPositionSelector):
        (target,) = graph.subjects(OA.hasSelector, position)
        (annotation,) = graph.subjects(OA.hasTarget, target)
        assert (annotation, RDF.type, OA.Annotation) in graph
        (quote,) = (other for other in graph.objects(target, OA.hasSelector) if other != position)
        assert (quote, RDF.type, OA.TextQuoteSelector) in graph
        selected.append(
            (
                graph.value(target, OA.hasSource),
                graph.value(position, OA.start),
                graph.value(position, OA.end),
                graph.value(quote, OA.exact),
                graph.value(target, OA.hasScope),
            )
        )
    total = sum(
        len(a["mentions"]) + len(a["event_mentions"]) for a in _records(published)["articles"]
    )
    assert len(selected) == total > 0
    for source, start, end, exact, scope in selected:
        path = str(source).removeprefix(SITE)
        assert path.startswith("data/texts/") and path.endswith(".txt")
        text = (published / path).read_text(encoding="utf-8")
        assert text[int(start) : int(end)] == str(exact)
        assert str(scope).startswith(f"{SITE}articles/")


def test_without_a_site_url_the_annotations_addresses_are_paths_on_the_site(
    built_site: Path,
) -> None:
    """As the README says: a client resolves them against where it read the file from."""
    graph = _annotation_graph(built_site, "https://mirror.example/")
    sources = set(graph.objects(None, OA.hasSource))
    assert sources and all(str(s).startswith("https://mirror.example/data/texts/") for s in sources)


def test_a_text_that_looks_like_a_formula_is_not_one_and_numbers_stay_numbers(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(
        tmp_path,
        overrides={"title": 'title: {value: "=HYPERLINK(1)", inferred: "@the editors; -x"}'},
    )
    out = tmp_path / "site"
    assert build(make_config(corpus, PROJECT_ROOT / "templates", out, search=False)).written
    (row,) = _rows(out, "articles")
    assert row["title"] == "'=HYPERLINK(1)"
    assert row["title_basis"] == "'@the editors; -x"
    assert row["stance"] == "-1"
    resource = frictionless.Package(str(out / "data" / "datapackage.json")).get_resource("articles")
    (typed,) = resource.read_rows()
    assert typed["stance"] == -1


def test_the_corpus_is_a_dataset_whose_distributions_are_the_downloads(published: Path) -> None:
    page = (published / "about" / "index.html").read_text(encoding="utf-8")
    (dataset,) = [d for d in _jsonld(page) if d["@type"] == "Dataset"]
    assert dataset["url"] == f"{SITE}about/"
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    urls = {d["contentUrl"]: d["encodingFormat"] for d in dataset["distribution"]}
    assert urls[f"{SITE}data/mentions.csv"] == "text/csv"
    assert urls[f"{SITE}data/annotations.jsonld"] == "application/ld+json"
    for url in urls:
        assert (published / url.removeprefix(SITE)).is_file(), url
    written = {p.name for p in (published / "data").iterdir() if p.is_file()}
    assert {url.removeprefix(f"{SITE}data/") for url in urls} == written


def test_attendees_are_people_and_organisations_and_articles_say_language_and_publisher(
    published: Path,
) -> None:
    attending = {"Person", "Organization", "GovernmentOrganization"}
    seen: set[str] = set()
    for page in (published / "events").glob("*/index.html"):
        for node in _jsonld(page.read_text(encoding="utf-8")):
            for attendee in node.get("attendee", []):
                assert attendee["@type"] in attending, (page, attendee)
                seen.add(attendee["@type"])
            assert all(about["@type"] == "CreativeWork" for about in node.get("about", []))
    assert seen == attending
    page = published / "articles" / "natos-pivot-to-the-east" / "index.html"
    (article,) = [d for d in _jsonld(page.read_text(encoding="utf-8")) if d["@type"] == "Article"]
    assert article["inLanguage"] == "en"
    assert article["publisher"] == {"@type": "Organization", "name": "Problemy Dalnego Vostoka"}


def _jsonld(page: str) -> list[dict[str, Any]]:
    return [
        json.loads(found)
        for found in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    ]


def test_actor_and_event_ids_never_collide(real_corpus: AnnotatedCorpus) -> None:
    actors = {actor.id for actor in real_corpus.knowledge.actors}
    assert not actors & {event.id for event in real_corpus.knowledge.events}


def test_a_rebuild_for_another_address_makes_every_piece_again(tmp_path: Path) -> None:
    """Pieces of the large downloads name the site's address: one made for another is not
    copied into the next build."""
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    for origin in ("https://first.example", "https://second.example"):
        config = make_config(corpus, PROJECT_ROOT / "templates", out, site_url=origin, search=False)
        assert build(config).written
    clean = tmp_path / "clean"
    config = make_config(
        corpus, PROJECT_ROOT / "templates", clean, site_url="https://second.example", search=False
    )
    assert build(config).written
    for name in ("annotations.jsonld", "mentions.csv", "records.json", "stance_evidence.csv"):
        assert (out / "data" / name).read_bytes() == (clean / "data" / name).read_bytes(), name
    assert "first.example" not in (out / "data" / "annotations.jsonld").read_text(encoding="utf-8")


def test_every_mention_says_which_zone_of_the_text_it_stands_in(published: Path) -> None:
    """A name in a cited title is not the text talking about that actor: each mention and date,
    in records.json and in the tables, carries the zone of its paragraph, so that a researcher
    can count discourse and reference lists apart."""
    records = _records(published)
    zones = {
        (a["id"], p["anchor"]): p["zone"] for a in records["articles"] for p in a["paragraphs"]
    }
    for article in records["articles"]:
        for kind in ("mentions", "event_mentions", "dates"):
            for item in article[kind]:
                assert item["zone"] == zones[article["id"], item["paragraph"]], (kind, item)
    seen: set[str] = set()
    for table in ("mentions", "event_mentions", "dates", "stance_evidence"):
        for row in _rows(published, table):
            assert row["zone"] == zones[row["article"], row["paragraph"]], (table, row)
            seen.add(row["zone"])
    # The journal abstract's reference list names actors; the texts' own words do too.
    assert {"body", "references"} <= seen
    listed = {(row["article"], int(row["start"])) for row in _rows(published, "mentions")} - {
        (a["id"], m["start"])
        for a in records["articles"]
        for m in a["mentions"]
        if m["zone"] != "references"
    }
    assert listed, "no mention in a reference list"
