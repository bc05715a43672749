"""How well the annotator does on texts the knowledge base was not written for.

For each held-out text (benchmarks/heldout/texts/<id>.txt, described in sources.yaml), this writes
a one-article corpus in a temporary folder (the real corpus.yaml, actors.yaml and events.yaml, and
the excerpt as both the capture and the reading text), runs the project's own pipeline on it
(`natocorpus.build.annotate`, the load, annotate and coverage passes that `natocorpus check` runs),
and compares what it annotated and what `check` warned about with benchmarks/heldout/gold.yaml.

Run from the project root:

    .venv/bin/python benchmarks/heldout.py           # a table
    .venv/bin/python benchmarks/heldout.py --json    # the figures as JSON
    .venv/bin/python benchmarks/heldout.py --details # the table, then every miss and wrong one

Figures, per text and in total:
- actors found: of the distinct knowledge-base actors that the gold says the text names, how many
  the annotator found at a passage where the gold has that actor (distinct ids); and the same
  over passages;
- wrong annotations: annotated mentions (actors and events) whose passage and id are not in the
  gold, listed (an event of a document's making annotated where the gold names that document is
  not wrong: the rules make it optional);
- events found: of the gold's references to events the knowledge base knows, how many were
  annotated with the right id;
- check names: of the gold's `unknown` actors (distinct names), how many a coverage warning names,
  that is, a warned phrase overlaps one of their passages (and, in brackets, how many a warning
  names exactly: the phrase is the name, not "UN Secretary-General Antonio Guterres" for
  "Antonio Guterres"); and the coverage warnings that name nothing in the gold (noise), per text.
  Warnings that name a place the gold lists under `other_names` (a venue city) are counted apart.
Passages match when they overlap: "the NATO summit in Vilnius" annotated for the gold's "NATO summit
in Vilnius" is found.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "benchmarks" / "heldout"  # the set measured (--set)
CORPUS = ROOT / "corpus"  # whose corpus.yaml, actors.yaml and events.yaml are used (--corpus)
# Ids of the knowledge base measured mapped to the gold's (--id-aliases), per layer: for measuring
# code whose knowledge base has since renamed some ids.
ALIASES: dict[str, dict[str, str]] = {"actors": {}, "events": {}}
UNKNOWN = "unknown"

# Targets of issue 20 ("Done when").
TARGETS = {
    "actors_found": 0.9,
    "wrong": 0,
    "events_found": 0.8,
    "check_names": 0.9,
    "noise_per_text": 1,
}


# ---------------------------------------------------------------- the gold


@dataclass(frozen=True)
class Passage:
    layer: str  # "actor" or "event"
    text: str
    start: int
    end: int
    id: str  # a knowledge-base id, or "unknown"
    name: str | None  # for unknown ones
    type: str | None
    optional: bool
    tolerate: tuple[str, ...]

    @property
    def known(self) -> bool:
        return self.id != UNKNOWN

    @property
    def key(self) -> str:
        return self.id if self.known else f"{UNKNOWN}:{self.name}"


def word_occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `text` at word boundaries, spaces matched loosely."""
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + pattern + r"(?!\w)", text)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class GoldError(Exception):
    pass


# The fields of a gold passage. Any other key is almost always the rest of a value that a comma
# cut short: in YAML's flow style, `{text: Crisis, Disaster Management Exhibition, id: ...}` reads
# as the text "Crisis" and a key "Disaster Management Exhibition".
GOLD_FIELDS = frozenset({"text", "id", "name", "type", "optional", "tolerate", "occurrence"})


def resolve_layer(layer: str, entries: list[dict[str, Any]], text: str) -> list[Passage]:
    """The passages of one layer: explicit occurrences as numbered, the others wherever the text
    occurs and does not lie inside a longer passage of the layer."""
    explicit: list[tuple[dict[str, Any], tuple[int, int]]] = []
    every: list[tuple[dict[str, Any], tuple[int, int]]] = []
    for entry in entries:
        unknown = sorted(str(key) for key in entry if key not in GOLD_FIELDS)
        if unknown:
            raise GoldError(
                f"{layer} {entry.get('text')!r}: unknown field(s) {', '.join(map(repr, unknown))}"
                " (a comma ends an unquoted value in {text: ...}: quote the value)"
            )
        found = word_occurrences(text, entry["text"])
        if not found:
            raise GoldError(f"{layer} {entry['text']!r} does not occur in the text")
        wanted = entry.get("occurrence")
        if wanted is None:
            every.extend((entry, span) for span in found)
            continue
        for number in [wanted] if isinstance(wanted, int) else wanted:
            if not 1 <= number <= len(found):
                raise GoldError(f"{layer} {entry['text']!r}: occurrence {number} of {len(found)}")
            explicit.append((entry, found[number - 1]))
    spans = [span for _, span in explicit + every]

    def nested(span: tuple[int, int]) -> bool:
        return any(other[0] <= span[0] and span[1] <= other[1] and other != span for other in spans)

    chosen = explicit + [(entry, span) for entry, span in every if not nested(span)]
    passages = []
    for entry, (start, end) in sorted(chosen, key=lambda item: item[1]):
        if entry["id"] == UNKNOWN and not entry.get("name"):
            raise GoldError(f"{layer} {entry['text']!r} is unknown and has no name")
        passages.append(
            Passage(
                layer=layer,
                text=text[start:end],
                start=start,
                end=end,
                id=entry["id"],
                name=entry.get("name"),
                type=entry.get("type"),
                optional=bool(entry.get("optional", False)),
                tolerate=tuple(entry.get("tolerate", ())),
            )
        )
    return passages


@dataclass
class Gold:
    actors: list[Passage]
    events: list[Passage]
    other_names: list[tuple[int, int]]


def resolve_gold(entry: dict[str, Any], text: str, knowledge_ids: dict[str, set[str]]) -> Gold:
    actors = resolve_layer("actor", entry.get("actors", []), text)
    events = resolve_layer("event", entry.get("events", []), text)
    for passage in actors + events:
        ids = knowledge_ids["actor" if passage.layer == "actor" else "event"]
        if passage.known and passage.id not in ids:
            raise GoldError(f"{passage.layer} {passage.text!r}: no such id {passage.id!r}")
    others = [
        span for name in entry.get("other_names", []) for span in word_occurrences(text, name)
    ]
    return Gold(actors, events, others)


# ---------------------------------------------------------------- the temporary corpus


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _genre(described: str) -> str:
    """The genre as corpus.yaml lists them: the source's own where listed, else the first."""
    settings = yaml.safe_load((CORPUS / "corpus.yaml").read_text(encoding="utf-8"))
    listed = settings.get("genres") or []
    return described if not listed or described in listed else str(listed[0])


def front_matter(source: dict[str, Any], text: str) -> str:
    """Minimal valid front matter: every field inferred, two evidence quotes from the text."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    # A list item's marker ("1. On December 1") is Markdown, not text of the reading text.
    opened = [re.sub(r"^(?:\d+[.)]|[-*+])\s+", "", paragraph) for paragraph in paragraphs[:2]]
    quotes = [" ".join(paragraph.split()[:6]) for paragraph in opened]
    if len(opened) == 1:
        quotes.append(" ".join(opened[0].split()[-6:]))  # a text of one paragraph: its last words
    month = str(source["month"])
    precision = "month" if "-" in month else "year"
    why = "held-out excerpt: the figure is not part of what is measured"
    lines = [
        f"id: {source['id']}",
        f"source_file: {source['id']}.txt",
        f"title: {{value: {_quote(source['title'])}, inferred: {_quote(why)}}}",
        f"authors: {{value: [], inferred: {_quote(why)}}}",
        f"outlet: {{value: {_quote(source['outlet'])}, inferred: {_quote(why)}}}",
        f"published: {{value: {_quote(month)}, precision: {precision}, inferred: {_quote(why)}}}",
        f"genre: {{value: {_quote(_genre(source['genre']))}, inferred: {_quote(why)}}}",
        f"completeness: {{value: excerpt, inferred: {_quote(why)}}}",
        f"themes: {{value: [held-out], inferred: {_quote(why)}}}",
        "stance:",
        "  value: 0",
        f"  rationale: {_quote(why)}",
        f"  evidence: [{', '.join(_quote(q) for q in quotes)}]",
    ]
    return "\n".join(lines)


def _numbers_off_the_count_as_text(body: str) -> str:
    """A numbered line right after a list's item that does not go on with its count ("1.
    Transition", then "1. (1) The NATO Commander") opens no item of that list: its number is
    escaped, the line is a paragraph of the text, as `natocorpus add` writes it (a list would
    renumber it)."""
    lines: list[str] = []
    expected: int | None = None  # the next number of the list the last block was an item of
    for line in body.split("\n"):
        numbered = _NUMBERED_LINE.match(line)
        if numbered is not None:
            number = int(numbered.group(1))
            if expected is not None and number != expected:
                line, expected = f"{numbered.group(1)}\\{line[len(numbered.group(1)) :]}", None
            else:
                expected = number + 1
        elif line.strip():
            expected = None
        lines.append(line)
    return "\n".join(lines)


_NUMBERED_LINE = re.compile(r"(\d{1,9})[.)](?=\s)")


def write_corpus(folder: Path, source: dict[str, Any], text: str) -> Path:
    # (imported here: the harness may measure an older checkout's natocorpus, on PYTHONPATH)
    from natocorpus.add import escape_inline

    corpus = folder / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "sources").mkdir()
    for name in ("corpus.yaml", "actors.yaml", "events.yaml"):
        shutil.copyfile(CORPUS / name, corpus / name)
    (corpus / "sources" / f"{source['id']}.txt").write_text(text, encoding="utf-8")
    # What CommonMark would read as markup inside a line ("NATO’s *Locked Shields* exercise", a
    # backtick used as a quotation mark) is escaped, as `natocorpus add` escapes it.
    body = "\n".join(escape_inline(line) for line in text.split("\n"))
    # A line of only "-", "=" or "_" would be read as a rule or as the line above's heading
    # underline, not as text: escaped too.
    body = re.sub(r"^(?=[ \t]*(?:[-=_][ \t]*)+$)", "\\\\", body, flags=re.MULTILINE)
    # A line opening with ">" (a forum post's quotation) would be read as a block quote: escaped,
    # as `natocorpus add` escapes it, so that the text keeps its marks as the capture has them.
    body = re.sub(r"^(?=[ \t]*>)", "\\\\", body, flags=re.MULTILINE)
    # A paragraph's number with five spaces or more after it ("1.      In the last") would open
    # code inside a list item: one space, as `natocorpus add` leaves between a line's words.
    body = re.sub(r"^(\d{1,9}[.)])[ \t]{2,}(?=\S)", r"\1 ", body, flags=re.MULTILINE)
    body = _numbers_off_the_count_as_text(body)
    # A number alone on its line ("1.", a transcript's question number) would open an empty
    # list item: escaped, as `natocorpus add` escapes it.
    body = re.sub(r"^(\d{1,9})(?=[.)][ \t]*$)", r"\1\\", body, flags=re.MULTILINE)
    article = f"---\n{front_matter(source, text)}\n---\n\n{body}"
    (corpus / "articles" / f"{source['id']}.md").write_text(article, encoding="utf-8")
    return corpus


# ---------------------------------------------------------------- measuring one text


@dataclass
class Result:
    id: str
    words: int
    actor_ids: list[str]
    actor_ids_found: list[str]
    actor_passages: int
    actor_passages_found: int
    event_refs: int
    event_refs_found: int
    unknown_actors: list[str]
    unknown_actors_named: list[str]
    unknown_actors_named_exactly: list[str]
    warnings: int
    noise: list[str]
    other_name_warnings: list[str]
    date_warnings: int
    wrong: list[str] = field(default_factory=list)
    missed_actors: list[str] = field(default_factory=list)
    missed_events: list[str] = field(default_factory=list)
    unknown_not_named: list[str] = field(default_factory=list)
    warnings_listed: list[str] = field(default_factory=list)
    gold_listed: list[str] = field(default_factory=list)


_PHRASE = re.compile(r"^('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\") is not covered")


def warning_phrase(message: str) -> str | None:
    match = _PHRASE.match(message)
    return ast.literal_eval(match.group(1)) if match else None


def _bare(phrase: str) -> str:
    """A name without a leading article, for comparing a warned phrase with a gold name."""
    return re.sub(r"^(?:the|The)\s+", "", phrase.strip())


def _where(article: Any, start: int, end: int) -> str:
    reading = article.text.reading_text
    before = reading[max(0, start - 30) : start].replace("\n", " ")
    after = reading[end : end + 30].replace("\n", " ")
    return f"…{before}[{reading[start:end]}]{after}…"


def measure(source: dict[str, Any], gold_entry: dict[str, Any], tmp: Path) -> Result:
    from natocorpus.build import annotate
    from natocorpus.config import make_config
    from natocorpus.diagnostics import Severity

    text = (HELDOUT / "texts" / f"{source['id']}.txt").read_text(encoding="utf-8")
    corpus_dir = write_corpus(tmp / source["id"], source, text)
    config = make_config(
        corpus_dir, ROOT / "templates", tmp / source["id"] / "site", search=False, check_only=True
    )
    corpus, diagnostics = annotate(config)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if corpus is None or errors or len(corpus.articles) != 1:
        raise SystemExit(
            f"{source['id']}: the temporary corpus did not load:\n"
            + "\n".join(str(d) for d in errors)
        )
    article = corpus.articles[0]
    reading = article.text.reading_text
    actor_alias, event_alias = ALIASES["actors"], ALIASES["events"]
    knowledge_ids = {
        "actor": {actor_alias.get(actor.id, actor.id) for actor in corpus.knowledge.actors},
        "event": {event_alias.get(event.id, event.id) for event in corpus.knowledge.events},
    }
    try:
        gold = resolve_gold(gold_entry, reading, knowledge_ids)
    except GoldError as problem:
        raise SystemExit(f"{source['id']}: gold.yaml: {problem}") from None

    # Actors ----------------------------------------------------------------
    mentions = [(actor_alias.get(m.actor, m.actor), (m.start, m.end)) for m in article.mentions]
    required = [p for p in gold.actors if p.known and not p.optional]
    found_passages = [
        p for p in required if any(i == p.id and overlaps(s, (p.start, p.end)) for i, s in mentions)
    ]
    actor_ids = sorted({p.id for p in required})
    actor_ids_found = sorted({p.id for p in found_passages})
    missed_actors = [
        f"{p.id}: {_where(article, p.start, p.end)}" for p in required if p not in found_passages
    ]

    # Events ----------------------------------------------------------------
    event_mentions = [
        (event_alias.get(m.event, m.event), (m.start, m.end)) for m in article.event_mentions
    ]
    event_refs = [p for p in gold.events if p.known and not p.optional]
    events_found = [
        p
        for p in event_refs
        if any(i == p.id and overlaps(s, (p.start, p.end)) for i, s in event_mentions)
    ]
    missed_events = [
        f"{p.id}: {_where(article, p.start, p.end)}" for p in event_refs if p not in events_found
    ]

    # Wrong annotations -----------------------------------------------------
    def wrong_ones(
        layer: str, annotated: list[tuple[str, tuple[int, int]]], passages: list[Passage]
    ) -> list[str]:
        listed = []
        for identifier, span in annotated:
            touching = [p for p in passages if overlaps(span, (p.start, p.end))]
            if any(p.id == identifier or identifier in p.tolerate for p in touching):
                continue
            gold_says = (
                "; gold there: " + ", ".join(f"{p.text!r} = {p.key}" for p in touching)
                if touching
                else "; gold has nothing there"
            )
            listed.append(
                f"{layer} {reading[span[0] : span[1]]!r} -> {identifier}{gold_says}: "
                f"{_where(article, *span)}"
            )
        return listed

    # The rules' "an event annotation of its adoption there is optional": an event of a
    # document's making, annotated at a passage that names that document, is not wrong.
    documents = {
        actor_alias.get(a.id, a.id) for a in corpus.knowledge.actors if a.type == "document"
    }
    made = {
        event_alias.get(e.id, e.id): {actor_alias.get(p, p) for p in e.participants} & documents
        for e in corpus.knowledge.events
    }
    event_mentions_judged = [
        (identifier, span)
        for identifier, span in event_mentions
        if not any(
            p.id in made.get(identifier, ()) and overlaps(span, (p.start, p.end))
            for p in gold.actors
        )
    ]
    wrong = wrong_ones("actor", mentions, gold.actors) + wrong_ones(
        "event", event_mentions_judged, gold.events
    )

    # Coverage warnings -----------------------------------------------------
    mine = [
        d
        for d in diagnostics
        if d.severity is Severity.WARNING and d.path.endswith(f"{source['id']}.md")
    ]
    mention_warnings = [d for d in mine if d.field == "mentions"]
    date_warnings = [d for d in mine if d.field == "dates"]
    unknown_actor_names = sorted({p.name for p in gold.actors if not p.known and p.name})
    named: set[str] = set()
    named_exactly: set[str] = set()
    noise: list[str] = []
    others: list[str] = []
    listed: list[str] = []
    all_passages = gold.actors + gold.events
    for warning in mention_warnings:
        phrase = warning_phrase(warning.message)
        if phrase is None:
            noise.append(f"(unread) {warning.message}")
            continue
        blocks = [b for b in article.text.blocks if b.source_line == warning.line] or list(
            article.text.blocks
        )
        spans = [
            (block.start + s, block.start + e)
            for block in blocks
            for s, e in word_occurrences(block.text, phrase)
        ]
        touching = [p for p in all_passages for s in spans if overlaps(s, (p.start, p.end))]
        # The check reports a name once, where it first stands: the same name as a passage of
        # its own further on (the body after a longer name that holds it) is named too.
        same_name = [
            p
            for p in gold.actors
            if not p.known and p.name and _bare(p.text) == _bare(phrase) and p not in touching
        ]
        unknown_here = {
            p.name for p in [*touching, *same_name] if p.layer == "actor" and not p.known and p.name
        }
        named |= unknown_here
        named_exactly |= {
            p.name
            for p in [*touching, *same_name]
            if p.layer == "actor" and not p.known and p.name and _bare(p.text) == _bare(phrase)
        }
        if touching:
            listed.append(f"{phrase!r}: " + ", ".join(sorted({p.key for p in touching})))
        elif any(overlaps(s, o) for s in spans for o in gold.other_names):
            others.append(phrase)
            listed.append(f"{phrase!r}: another name (not an actor or event)")
        else:
            noise.append(phrase)
            listed.append(f"{phrase!r}: NOISE")

    return Result(
        id=source["id"],
        words=len(text.split()),
        actor_ids=actor_ids,
        actor_ids_found=actor_ids_found,
        actor_passages=len(required),
        actor_passages_found=len(found_passages),
        event_refs=len(event_refs),
        event_refs_found=len(events_found),
        unknown_actors=unknown_actor_names,
        unknown_actors_named=sorted(named),
        unknown_actors_named_exactly=sorted(named_exactly),
        warnings=len(mention_warnings),
        noise=noise,
        other_name_warnings=others,
        date_warnings=len(date_warnings),
        wrong=wrong,
        missed_actors=missed_actors,
        missed_events=missed_events,
        unknown_not_named=[n for n in unknown_actor_names if n not in named],
        warnings_listed=listed,
        gold_listed=[
            f"{p.layer} {p.key}{' (optional)' * p.optional}: {_where(article, p.start, p.end)}"
            for p in gold.actors + gold.events
        ],
    )


# ---------------------------------------------------------------- reporting


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 2) if whole else None


def _show(part: int, whole: int) -> str:
    value = ratio(part, whole)
    return f"{part}/{whole} ({value:.2f})" if value is not None else f"{part}/{whole}"


def totals(results: Iterable[Result]) -> dict[str, Any]:
    results = list(results)
    sums: dict[str, Any] = {
        "texts": len(results),
        "words": sum(r.words for r in results),
        "actor_ids": sum(len(r.actor_ids) for r in results),
        "actor_ids_found": sum(len(r.actor_ids_found) for r in results),
        "actor_passages": sum(r.actor_passages for r in results),
        "actor_passages_found": sum(r.actor_passages_found for r in results),
        "wrong": sum(len(r.wrong) for r in results),
        "event_refs": sum(r.event_refs for r in results),
        "event_refs_found": sum(r.event_refs_found for r in results),
        "unknown_actors": sum(len(r.unknown_actors) for r in results),
        "unknown_actors_named": sum(len(r.unknown_actors_named) for r in results),
        "unknown_actors_named_exactly": sum(len(r.unknown_actors_named_exactly) for r in results),
        "warnings": sum(r.warnings for r in results),
        "noise": sum(len(r.noise) for r in results),
        "max_noise_per_text": max((len(r.noise) for r in results), default=0),
        "other_name_warnings": sum(len(r.other_name_warnings) for r in results),
        "date_warnings": sum(r.date_warnings for r in results),
    }
    sums["actors_found"] = ratio(sums["actor_ids_found"], sums["actor_ids"])
    sums["actor_passages_ratio"] = ratio(sums["actor_passages_found"], sums["actor_passages"])
    sums["events_found"] = ratio(sums["event_refs_found"], sums["event_refs"])
    sums["check_names"] = ratio(sums["unknown_actors_named"], sums["unknown_actors"])
    sums["check_names_exactly"] = ratio(
        sums["unknown_actors_named_exactly"], sums["unknown_actors"]
    )
    sums["targets_met"] = {
        "actors_found >= 0.9": (sums["actors_found"] or 0) >= TARGETS["actors_found"],
        "no wrong annotation": sums["wrong"] == TARGETS["wrong"],
        "events_found >= 0.8": (sums["events_found"] or 0) >= TARGETS["events_found"],
        "check names >= 0.9 of unknown actors": (sums["check_names"] or 0)
        >= TARGETS["check_names"],
        "at most 1 noise warning per text": sums["max_noise_per_text"] <= TARGETS["noise_per_text"],
    }
    return sums


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "corpus"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        return out.stdout.strip() + (" (src or corpus changed)" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def table(results: list[Result], sums: dict[str, Any]) -> str:
    header = (
        "| Text | Words | Actors found (ids) | Passages found | Wrong | Events found "
        "| Check names unknown actors (as the exact name) | Noise warnings | Other-name warnings |"
    )
    rows = [header, "|" + "---|" * 9]
    for r in results:
        rows.append(
            f"| {r.id} | {r.words} | {_show(len(r.actor_ids_found), len(r.actor_ids))} "
            f"| {_show(r.actor_passages_found, r.actor_passages)} | {len(r.wrong)} "
            f"| {_show(r.event_refs_found, r.event_refs)} "
            f"| {_show(len(r.unknown_actors_named), len(r.unknown_actors))} "
            f"({len(r.unknown_actors_named_exactly)}) "
            f"| {len(r.noise)} of {r.warnings} | {len(r.other_name_warnings)} |"
        )
    s = sums
    rows.append(
        f"| **Total** | {s['words']} | {_show(s['actor_ids_found'], s['actor_ids'])} "
        f"| {_show(s['actor_passages_found'], s['actor_passages'])} | {s['wrong']} "
        f"| {_show(s['event_refs_found'], s['event_refs'])} "
        f"| {_show(s['unknown_actors_named'], s['unknown_actors'])} "
        f"({s['unknown_actors_named_exactly']}) "
        f"| {s['noise']} of {s['warnings']} (at most {s['max_noise_per_text']} in a text) "
        f"| {s['other_name_warnings']} |"
    )
    return "\n".join(rows)


def details(results: list[Result]) -> str:
    out = []
    for r in results:
        out.append(f"\n## {r.id}")
        for title, items in (
            ("Wrong annotations", r.wrong),
            ("Known actors missed (passages)", r.missed_actors),
            ("Known events missed", r.missed_events),
            ("Unknown actors no warning names", r.unknown_not_named),
            ("Coverage warnings", r.warnings_listed),
        ):
            out.append(f"{title}: {len(items)}")
            out.extend(f"  - {item}" for item in items)
    return "\n".join(out)


def _configure(held_out: Path, corpus: Path, aliases: Path | None) -> None:
    global HELDOUT, CORPUS
    HELDOUT, CORPUS = held_out.resolve(), corpus.resolve()
    for name in ("sources.yaml", "gold.yaml", "texts"):
        if not (HELDOUT / name).exists():
            raise SystemExit(f"--set {held_out}: no {name}")
    for name in ("corpus.yaml", "actors.yaml", "events.yaml"):
        if not (CORPUS / name).is_file():
            raise SystemExit(f"--corpus {corpus}: no {name}")
    ALIASES["actors"], ALIASES["events"] = {}, {}
    if aliases is not None:
        loaded = yaml.safe_load(aliases.read_text(encoding="utf-8")) or {}
        unknown = set(loaded) - set(ALIASES)
        if unknown:
            raise SystemExit(f"--id-aliases {aliases}: unknown keys {sorted(unknown)}")
        for layer in ALIASES:
            ALIASES[layer] = {str(k): str(v) for k, v in (loaded.get(layer) or {}).items()}


def _natocorpus_on_pythonpath() -> bool:
    folders = [f for f in os.environ.get("PYTHONPATH", "").split(os.pathsep) if f]
    return any((Path(folder) / "natocorpus" / "__init__.py").is_file() for folder in folders)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--details", action="store_true", help="list misses and wrong ones")
    parser.add_argument("--gold", action="store_true", help="list the gold passages as resolved")
    parser.add_argument("--only", help="measure only the text with this id")
    parser.add_argument(
        "--set",
        type=Path,
        default=HELDOUT,
        help="the held-out set's folder (sources.yaml, gold.yaml, texts/); default "
        "benchmarks/heldout",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="the corpus folder whose corpus.yaml, actors.yaml and events.yaml are used; default "
        "this checkout's corpus/",
    )
    parser.add_argument(
        "--id-aliases",
        type=Path,
        help="a YAML file mapping the measured knowledge base's ids to the gold's ('actors:' and "
        "'events:', each old id: new id), for measuring code whose ids were renamed since",
    )
    args = parser.parse_args(argv)
    _configure(args.set, args.corpus, args.id_aliases)
    # The code measured: this checkout's src/, unless PYTHONPATH names a folder holding another
    # natocorpus (to measure older code against the same set).
    if not _natocorpus_on_pythonpath():
        sys.path.insert(0, str(ROOT / "src"))

    sources = yaml.safe_load((HELDOUT / "sources.yaml").read_text(encoding="utf-8"))
    gold = yaml.safe_load((HELDOUT / "gold.yaml").read_text(encoding="utf-8"))["texts"]
    missing = [s["id"] for s in sources if s["id"] not in gold]
    if missing:
        raise SystemExit(f"gold.yaml has no entry for {', '.join(missing)}")
    if args.only:
        sources = [s for s in sources if s["id"] == args.only]
    with tempfile.TemporaryDirectory(prefix="natocorpus-heldout-") as folder:
        results = [measure(source, gold[source["id"]], Path(folder)) for source in sources]
    sums = totals(results)
    meta = {
        "measured": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
    }
    import natocorpus

    code = Path(natocorpus.__file__).resolve().parent.parent
    others = {
        "set": (HELDOUT, ROOT / "benchmarks" / "heldout"),
        "corpus": (CORPUS, ROOT / "corpus"),
        "code": (code, ROOT / "src"),
    }
    extra = {k: str(v) for k, (v, default) in others.items() if v.resolve() != default.resolve()}
    if args.id_aliases:
        extra["id_aliases"] = str(args.id_aliases)
    meta.update(extra)
    if args.json:
        print(
            json.dumps(
                {
                    **meta,
                    "targets": TARGETS,
                    "total": sums,
                    "texts": [r.__dict__ for r in results],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    print(f"Held-out annotation quality, {meta['measured']}, commit {meta['commit']}")
    for key, value in extra.items():
        print(f"{key}: {value}")
    print()
    print(table(results, sums))
    print(
        "\nTargets: "
        + "; ".join(f"{k}: {'met' if v else 'not met'}" for k, v in sums["targets_met"].items())
    )
    if args.details:
        print(details(results))
    if args.gold:
        for r in results:
            print(f"\n## {r.id}: gold passages")
            print("\n".join(f"  - {line}" for line in r.gold_listed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
