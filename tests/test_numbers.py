"""Every count a page shows, checked against what a researcher checks it with: data/records.json.

The real corpus is built once (`built_site`); each count on the compare page, the event and actor
pages, the indexes, the home, about and article pages is read from the HTML (by stable class
names) and compared with a count made here from records.json alone. Tiny corpora show the rules
the counts follow: a date tied to an event is not a second reference, a page's count is the
passages it lists, actor bars share one scale, and a table that leaves rows out says so and keeps
its true totals.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from corpus_factory import ACTORS, write_corpus
from natocorpus.build import build
from natocorpus.config import make_config
from natocorpus.link import ActorContext, CompareContext, link_site
from natocorpus.link import compare as compare_module
from natocorpus.model import AnnotatedCorpus, PartialDate
from support import PROJECT_ROOT

# A tiny DOM over the standard library's parser ------------------------------------------------

VOID = {"meta", "link", "br", "img", "input", "hr", "source", "col", "area", "base", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k) == v for k, v in attrs.items())
        ]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, cls, **attrs)
        assert len(found) == 1, (tag, cls, attrs, len(found))
        return found[0]

    def number(self, cls: str) -> int:
        return int(self.one(cls=cls).text())


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(path: Path) -> Node:
    builder = TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    return builder.root.one("main")


def last_segment(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def words(node: Node) -> str:
    return re.sub(r"\s+", " ", node.text()).strip()


# What a researcher counts in records.json -----------------------------------------------------


class Records:
    """Counts made from records.json alone: mentions are its `mentions`, references its
    `event_mentions` (a date tied to an event dates a reference and is not another one). Each
    is in the zone of its paragraph: a text's discourse (body, headings, notes) or its reference
    list, counted apart (`cited_mentions`, `cited_references`)."""

    def __init__(self, path: Path, zones: dict[str, dict[str, str]]) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.articles: dict[str, dict[str, Any]] = {a["id"]: a for a in data["articles"]}
        self.actors: dict[str, dict[str, Any]] = {a["id"]: a for a in data["actors"]}
        self.events: dict[str, dict[str, Any]] = {e["id"]: e for e in data["events"]}
        self.mentions = {
            a: Counter(m["actor"] for m in rec["mentions"]) for a, rec in self.articles.items()
        }
        self.references = {
            a: Counter(m["event"] for m in rec["event_mentions"])
            for a, rec in self.articles.items()
        }
        self.actor_totals = sum(self.mentions.values(), Counter[str]())
        self.event_totals = sum(self.references.values(), Counter[str]())
        self.most_in_one_text = max(n for c in self.mentions.values() for n in c.values())
        # The zone of each paragraph: from records.json where it carries one (and then it must
        # be the annotated record's), else from the annotated corpus it was written from.
        cited: dict[str, set[str]] = {}
        for a, rec in self.articles.items():
            for paragraph in rec["paragraphs"]:
                if "zone" in paragraph:
                    assert paragraph["zone"] == zones[a].get(paragraph["anchor"], "body")
            cited[a] = {anchor for anchor, zone in zones[a].items() if zone == "references"}
        self.cited_mentions = {
            a: Counter(m["actor"] for m in rec["mentions"] if m["paragraph"] in cited[a])
            for a, rec in self.articles.items()
        }
        self.cited_references = {
            a: Counter(m["event"] for m in rec["event_mentions"] if m["paragraph"] in cited[a])
            for a, rec in self.articles.items()
        }
        self.discourse_mentions = {
            a: self.mentions[a] - self.cited_mentions[a] for a in self.articles
        }
        self.discourse_references = {
            a: self.references[a] - self.cited_references[a] for a in self.articles
        }

    def texts_naming(self, counts: dict[str, Counter[str]], key: str) -> dict[str, int]:
        return {a: c[key] for a, c in counts.items() if c[key]}


@pytest.fixture(scope="module")
def records(built_site: Path, real_corpus: AnnotatedCorpus) -> Records:
    zones = {a.id: dict(a.zones) for a in real_corpus.articles}
    return Records(built_site / "data" / "records.json", zones)


# The compare page ------------------------------------------------------------------------------


def read_matrix(table: Node) -> dict[str, Any]:
    head = table.one("thead")
    columns = [last_segment(a.attrs["href"]) for a in head.all("a")]
    rows: dict[str, tuple[list[int], int]] = {}
    other: tuple[str, list[int], int] | None = None
    for tr in table.one("tbody").all("tr"):
        cells = [int(words(td)) for td in tr.all("td")]
        if "other-row" in tr.classes:
            other = (words(tr.one("th")), cells[:-1], cells[-1])
        else:
            key = last_segment(tr.one("th").one("a").attrs["href"])
            rows[key] = (cells[:-1], cells[-1])
    foot = [int(words(td)) for td in table.one("tfoot").all("td")]
    return {"columns": columns, "rows": rows, "other": other, "totals": foot}


@pytest.mark.parametrize("part", ["", "cited-"])
@pytest.mark.parametrize("kind", ["actor", "event"])
def test_every_count_in_the_compare_tables_is_the_records(
    built_site: Path, records: Records, kind: str, part: str
) -> None:
    """Four tables: actors and events in what the texts say, and in their reference lists."""
    main = parse(built_site / "compare" / "index.html")
    counts = {
        ("actor", ""): records.discourse_mentions,
        ("actor", "cited-"): records.cited_mentions,
        ("event", ""): records.discourse_references,
        ("event", "cited-"): records.cited_references,
    }[kind, part]
    assert any(counts.values())  # the real corpus has a table of each kind
    matrix = read_matrix(main.one("table", id=f"{kind}-{part}matrix"))
    totals = sum(counts.values(), Counter[str]())
    described = records.actors if kind == "actor" else records.events
    columns = matrix["columns"]
    assert sorted(columns) == sorted(records.articles)  # a small corpus: every text
    named = {k for k, n in totals.items() if n}
    for key, (cells, total) in matrix["rows"].items():
        assert cells == [counts[c][key] for c in columns], key
        assert total == totals[key], key
    # The totals are the true ones, whatever the rows shown.
    assert matrix["totals"][:-1] == [sum(counts[c].values()) for c in columns]
    assert matrix["totals"][-1] == sum(totals.values())
    # Every text that names an actor (an event) has a count in its column.
    for i, c in enumerate(columns):
        if counts[c]:
            assert any(cells[i] for cells, _ in matrix["rows"].values()), c
    # Rows left out are added up, and the cut is said beside the table.
    note = words(main.one("p", id=f"{kind}-{part}matrix-note"))
    if matrix["other"] is None:
        assert set(matrix["rows"]) == named
        assert f"all {len(named)} {kind}s the texts name" in note
    else:
        label, cells, total = matrix["other"]
        left_out = named - set(matrix["rows"])
        assert label == f"The other {len(left_out)} {kind}s"
        assert cells == [sum(counts[c][k] for k in left_out) for c in columns]
        assert total == sum(totals[k] for k in left_out)
        assert f"{len(matrix['rows'])} of the {len(named)} {kind}s" in note
    if len(named) < len(described):
        assert f"the knowledge base describes {len(described)}" in note
        unnamed = len(described) - len(named)
        where = "no reference list" if part else "no text outside reference lists"
        assert f"{unnamed} {'is' if unnamed == 1 else 'are'} named in {where}" in note


def test_the_latest_text_has_its_events_in_the_compare_table(
    built_site: Path, records: Records
) -> None:
    """The July 2024 text read 0 in every row and "Total 0": its events were cut."""
    main = parse(built_site / "compare" / "index.html")
    matrix = read_matrix(main.one("table", id="event-matrix"))
    latest = max(records.articles, key=lambda a: records.articles[a]["published"]["value"])
    i = matrix["columns"].index(latest)
    assert records.discourse_references[latest]
    assert matrix["totals"][i] == sum(records.discourse_references[latest].values()) > 0
    shown = {k: cells[i] for k, (cells, _) in matrix["rows"].items() if cells[i]}
    assert shown == dict(records.discourse_references[latest])


# Event and actor pages -------------------------------------------------------------------------


def check_groups(main: Node, expected: dict[str, int]) -> None:
    """The passages of an actor or event page, by text. Each text's count is the records', and
    its passages are those it says: one per sentence, every mention in each highlighted, so that
    a text with all its passages shown highlights as many mentions as it counts. A page over its
    cap says how many it shows, of how many, and how many texts it leaves out."""
    groups = main.all("section", cls="mention-group")
    shown = {last_segment(g.one("h3").one("a").attrs["href"]) for g in groups}
    marks = listed = 0
    for group in groups:
        article = last_segment(group.one("h3").one("a").attrs["href"])
        count = group.number("group-count")
        assert count == expected[article], article
        passages = group.one("ol", cls="kwic").all("li") if group.all("ol", cls="kwic") else []
        group_marks = sum(len(p.all("mark")) for p in passages)
        stated = group.all(cls="group-passages")
        in_text = int(words(stated[0])) if stated else count
        not_shown = group.number("n-not-shown") if group.all(cls="n-not-shown") else 0
        assert len(passages) + not_shown == in_text, article
        if not not_shown:
            assert group_marks == count, article
        else:
            assert group_marks < count, article
        marks += group_marks
        listed += len(passages)
    notice = main.all("p", cls="notice")
    if not notice:
        assert shown == set(expected)
        assert marks == sum(expected.values())
        return
    assert notice[0].number("n-shown-marks") == marks < sum(expected.values())
    assert notice[0].number("n-shown-passages") == listed
    assert shown <= set(expected)
    more = notice[0].all(cls="n-texts-more")
    assert (int(words(more[0])) if more else 0) == len(expected) - len(shown)


def check_parts(
    main: Node,
    discourse: dict[str, Counter[str]],
    cited: dict[str, Counter[str]],
    key: str,
) -> None:
    """An actor's (an event's) mentions in what the texts say and in their reference lists,
    counted apart, each part's passages in its own section."""
    in_discourse = {a: c[key] for a, c in discourse.items() if c[key]}
    in_cited = {a: c[key] for a, c in cited.items() if c[key]}
    if in_cited:
        assert main.number("n-discourse") == sum(in_discourse.values()), key
        assert main.number("n-cited") == sum(in_cited.values()), key
    else:
        assert not main.all(cls="n-cited"), key
    check_groups(main.one("section", cls="mentions-discourse"), in_discourse)
    sections = main.all("section", cls="mentions-cited")
    if in_cited:
        check_groups(sections[0], in_cited)
    else:
        assert not sections, key


def test_every_count_on_the_event_pages_is_the_records(built_site: Path, records: Records) -> None:
    assert records.events
    for event_id in records.events:
        main = parse(built_site / "events" / event_id / "index.html")
        in_texts = records.texts_naming(records.references, event_id)
        assert main.number("n-total") == records.event_totals[event_id], event_id
        assert main.number("n-texts") == len(in_texts), event_id
        check_parts(main, records.discourse_references, records.cited_references, event_id)


def test_a_date_in_a_reference_is_not_another_one(built_site: Path) -> None:
    """ "In 1999, NATO's Strategic Concept" is one reference: the page said 2."""
    main = parse(built_site / "events" / "nato-strategic-concept-1999-adoption" / "index.html")
    assert main.number("n-total") == 1
    [group] = main.all("section", cls="mention-group")
    assert group.number("group-count") == 1
    assert [words(m) for m in group.all("mark")] == ["In 1999, NATO’s Strategic Concept"]


def test_every_count_on_the_actor_pages_is_the_records(
    built_site: Path, records: Records, real_corpus: AnnotatedCorpus
) -> None:
    stances = {a: rec["stance"]["value"] for a, rec in records.articles.items()}
    # Sentences are not in records.json: the co-mention counts are checked against the
    # annotated corpus the records were written from. Names in one cited title are not named
    # together by the text: only sentences outside the reference list count.
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for text in real_corpus.articles:
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for m in text.mentions:
            if text.zone_of(m.paragraph) != "references":
                by_sentence[m.sentence].add(m.actor)
        for ids in by_sentence.values():
            for a in ids:
                together[a].update(ids - {a})
    for actor_id in records.actors:
        main = parse(built_site / "actors" / actor_id / "index.html")
        in_texts = records.texts_naming(records.mentions, actor_id)
        if in_texts:
            assert main.number("n-total") == records.actor_totals[actor_id], actor_id
            assert main.number("n-texts") == len(in_texts), actor_id
        else:
            assert not main.all(cls="n-total") and "named in none of the texts" in words(main)
        check_parts(main, records.discourse_mentions, records.cited_mentions, actor_id)
        # The chart: each text's count, on the one scale of every actor's page.
        if in_texts:
            chart = main.one("table", cls="bar-chart")
            rows = chart.one("tbody").all("tr")
            got = {
                last_segment(r.one("th").one("a").attrs["href"].split("#")[0]): (
                    int(words(r.one("td", cls="num"))),
                    int(r.one("rect").attrs["width"]),
                )
                for r in rows
            }
            scale = records.most_in_one_text
            assert got == {a: (n, max(2, round(n * 200 / scale))) for a, n in in_texts.items()}, (
                actor_id
            )
            note = words(main.one("p", cls="chart-scale"))
            assert f"a full bar is {scale} mentions" in note
        # The stances of the texts that mention it.
        by_stance = Counter(stances[a] for a in in_texts)
        shown = (
            {
                # The page writes a negative value with a true minus sign.
                int(words(li.one(cls="stance-value")).strip("()").replace("\u2212", "-")): int(
                    words(li.one(cls="scale-count")).split()[0]
                )
                for li in main.all("ul", cls="stance-list")[0].children
                if isinstance(li, Node) and li.tag == "li"
            }
            if in_texts
            else {}
        )
        assert shown == dict(by_stance), actor_id
        # Named in the same sentence.
        co = main.one("section", **{"aria-labelledby": "co-h"})
        listed = {
            last_segment(li.one("a").attrs["href"]): int(words(li.one(cls="count")))
            for li in co.all("li")
        }
        assert all(together[actor_id][other] == n for other, n in listed.items()), actor_id
        more = co.all(cls="n-co-more")
        assert len(listed) + (int(words(more[0])) if more else 0) == len(together[actor_id])
        # The events it takes part in, from the knowledge base.
        taking_part = {e for e, rec in records.events.items() if actor_id in rec["participants"]}
        part = main.one("section", **{"aria-labelledby": "ev-h"})
        events_listed = {last_segment(li.one("a").attrs["href"]) for li in part.all("li")}
        more = part.all(cls="n-events-more")
        assert events_listed <= taking_part, actor_id
        assert len(events_listed) + (int(words(more[0])) if more else 0) == len(taking_part)


def test_a_mention_count_is_the_mentions_highlighted(built_site: Path, records: Records) -> None:
    """Japan is named twice in some sentences: the text's count is its mentions, and its passages
    (one per sentence) highlight every one of them."""
    main = parse(built_site / "actors" / "japan" / "index.html")
    groups = main.all("section", cls="mention-group")
    assert any(g.all(cls="group-passages") for g in groups)
    assert sum(len(g.all("mark")) for g in groups) == records.actor_totals["japan"]


# The other pages' counts -----------------------------------------------------------------------


def test_the_about_home_and_index_counts_are_the_records(
    built_site: Path, records: Records
) -> None:
    named_actors = sum(1 for n in records.actor_totals.values() if n)
    named_events = sum(1 for n in records.event_totals.values() if n)
    about = parse(built_site / "about" / "index.html")
    assert about.number("n-texts") == len(records.articles)
    assert about.number("n-mentions") == sum(records.actor_totals.values())
    assert about.number("n-actors-mentioned") == named_actors
    assert about.number("n-actors") == len(records.actors)
    assert about.number("n-references") == sum(records.event_totals.values())
    assert about.number("n-events-referred") == named_events
    assert about.number("n-events") == len(records.events)
    method = words(about.all("p")[1])
    assert f"{sum(records.actor_totals.values())} mentions of {named_actors} of the " in method
    assert f"the {len(records.actors)} actors the knowledge base describes" in method

    actors = parse(built_site / "actors" / "index.html")
    listed = {
        last_segment(li.one("a").attrs["href"]): int(words(li.one(cls="count")))
        for li in actors.all("li")
        if li.all(cls="count")
    }
    assert listed == {a: records.actor_totals[a] for a in records.actors}
    lede = words(actors.one("p", cls="lede"))
    assert lede.startswith(
        f"{len(records.actors)} actors, {named_actors} of them mentioned in the texts, "
        f"{sum(records.actor_totals.values())} mentions in all."
    )

    events = parse(built_site / "events" / "index.html")
    rows = events.one("tbody").all("tr")
    assert {
        last_segment(r.one("th").one("a").attrs["href"]): int(words(r.one("td", cls="num")))
        for r in rows
    } == {e: records.event_totals[e] for e in records.events}

    home = parse(built_site / "index.html")
    assert home.number("n-texts") == len(records.articles)
    pills = home.one("ol", cls="pill-list").all("li")
    assert pills
    for li in pills:
        actor = last_segment(li.one("a").attrs["href"])
        assert int(words(li.one(cls="count"))) == records.actor_totals[actor]


def test_the_counts_beside_each_text_are_the_records(built_site: Path, records: Records) -> None:
    for article_id, record in records.articles.items():
        main = parse(built_site / "articles" / article_id / "index.html")
        byline = words(main.one("p", cls="byline"))
        assert f"{record['word_count']} words, about {record['reading_minutes']} min" in byline
        for section, counts in (
            ("aside-actors", records.mentions[article_id]),
            ("aside-events", records.references[article_id]),
        ):
            part = main.one("section", **{"aria-labelledby": section})
            listed = {
                last_segment(li.one("a").attrs["href"]): int(words(li.one(cls="count")))
                for li in part.all("li")
            }
            assert listed == dict(counts), (article_id, section)


# Tiny corpora: the rules -----------------------------------------------------------------------


def build_tiny(root: Path, body: str, events: str, *, quotes: tuple[str, str]) -> Path:
    """Build a one-text corpus written inline (tests/corpus_factory.py) and return the site."""
    corpus = write_corpus(root, body, quotes=quotes, actors=ACTORS, events=events)
    config = make_config(corpus, PROJECT_ROOT / "templates", root / "site", "/", search=False)
    report = build(config)
    assert report.written, "\n".join(str(d) for d in report.errors)
    return root / "site"


DATED_EVENTS = """\
- id: madrid-2022
  name: NATO Summit, Madrid
  type: summit
  date: "2022-06-28"
  precision: day
  place: Madrid
  participants: [nato]
  description: A summit.
  forms: [NATO summit in Madrid, Madrid summit of June 2022]
"""


def test_a_date_tied_to_an_event_is_not_a_second_reference(tmp_path: Path) -> None:
    """A date beside the event's name, or inside it, dates that reference: 3 references here (one
    sentence names the summit twice), in 2 passages, all 3 highlighted; the page said 6."""
    body = (
        "In June 2022, the NATO summit in Madrid met. "
        "The US came to the Madrid summit of June 2022, the NATO summit in Madrid."
    )
    site = build_tiny(tmp_path, body, DATED_EVENTS, quotes=("In June 2022,", "The US came"))
    data = json.loads((site / "data" / "records.json").read_text(encoding="utf-8"))
    [text] = data["articles"]
    assert sum(1 for d in text["dates"] if d["event"] == "madrid-2022") == 2
    assert sum(1 for e in text["event_mentions"] if e["event"] == "madrid-2022") == 3
    main = parse(site / "events" / "madrid-2022" / "index.html")
    assert main.number("n-total") == 3
    [group] = main.all("section", cls="mention-group")
    assert group.number("group-count") == 3
    assert group.number("group-passages") == 2
    passages = group.one("ol", cls="kwic").all("li")
    assert [len(p.all("mark")) for p in passages] == [1, 2]
    compare = parse(site / "compare" / "index.html")
    matrix = read_matrix(compare.one("table", id="event-matrix"))
    assert matrix["rows"]["madrid-2022"] == ([3], 3) and matrix["totals"] == [3, 3]
    article = parse(site / "articles" / "sample-article" / "index.html")
    aside = article.one("section", **{"aria-labelledby": "aside-events"})
    assert words(aside.one(cls="count")) == "3"


def in_memory_texts(*bodies: str) -> AnnotatedCorpus:
    from test_link_stage import article, make_corpus

    base = make_corpus()
    texts = tuple(
        article(f"t{i}", [body], published=PartialDate(2020 + i)) for i, body in enumerate(bodies)
    )
    return AnnotatedCorpus(base.settings, base.knowledge, texts)


def test_actor_bars_share_one_scale() -> None:
    """One mention in each of three texts drew three full bars: on one scale for every actor
    (the most mentions of one actor in one text, here NATO's 4), each is a quarter of a bar."""
    from test_link_stage import content

    corpus = in_memory_texts(
        "Japan met.", "Japan spoke.", "Japan left.", "NATO met. NATO spoke. NATO left. NATO sat."
    )
    site = link_site(corpus, "/")
    japan = content(site, "actors/japan/index.html", ActorContext)
    nato = content(site, "actors/nato/index.html", ActorContext)
    assert [(b.count, b.width) for b in japan.chart] == [(1, 50)] * 3
    assert [(b.count, b.width) for b in nato.chart] == [(4, 200)]
    assert japan.chart_scale == nato.chart_scale == 4


def test_rows_are_chosen_so_that_every_text_is_represented(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In a table too large to show whole, each text's most-named row comes first: "d", named
    once, in the only text that names it, is shown before "c", named three times elsewhere."""
    monkeypatch.setattr(compare_module, "MATRIX_CELLS", 6)
    counts = {
        "t1": Counter({"a": 5, "b": 4, "c": 3}),
        "t2": Counter({"a": 2, "b": 3}),
        "t3": Counter({"d": 1}),
    }
    shown, left_out = compare_module.choose_rows(["t1", "t2", "t3"], counts, lambda k: k)
    assert shown == ["a", "b", "d"] and left_out == ["c"]
    monkeypatch.setattr(compare_module, "MATRIX_CELLS", 12)
    assert compare_module.choose_rows(["t1", "t2", "t3"], counts, lambda k: k) == (
        ["a", "b", "c", "d"],
        [],
    )


def test_a_cut_table_says_so_and_keeps_its_true_totals(monkeypatch: pytest.MonkeyPatch) -> None:
    from test_link_stage import content

    monkeypatch.setattr(compare_module, "MATRIX_CELLS", 2)
    corpus = in_memory_texts("NATO met. NATO spoke. Japan came. China came.", "China spoke.")
    matrix = content(link_site(corpus, "/"), "compare/index.html", CompareContext).actor_matrix
    # One row fits; t1's most-named (NATO) and t2's (China) are both shown, Japan is not.
    assert [r.header.href for r in matrix.rows] == ["/actors/china/", "/actors/nato/"]
    assert matrix.other == compare_module.OtherRow("The other 1 actor", (1, 0), 1)
    assert matrix.column_totals == (4, 1) and matrix.grand_total == 5
    assert matrix.other is not None
    assert sum(r.total for r in matrix.rows) + matrix.other.total == matrix.grand_total
    for i, total in enumerate(matrix.column_totals):
        assert sum(r.cells[i].count for r in matrix.rows) + matrix.other.counts[i] == total
    assert matrix.limited and "adds up the rest" in matrix.note


def test_a_table_of_the_latest_texts_counts_every_text_in_its_totals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With more texts than columns, the table shows the latest; its last column and its grand
    total count every text, and a row counts what only earlier texts name."""
    from test_link_stage import content

    monkeypatch.setattr(compare_module, "MATRIX_COLUMNS", 1)
    corpus = in_memory_texts("NATO met. Japan came.", "China spoke. NATO spoke.")
    matrix = content(link_site(corpus, "/"), "compare/index.html", CompareContext).actor_matrix
    assert [c.id for c in matrix.columns] == ["t1"]
    assert matrix.total_label == "In all 2 texts"
    assert {r.header.href: (r.cells[0].count, r.total) for r in matrix.rows} == {
        "/actors/china/": (1, 1),
        "/actors/nato/": (1, 2),
    }
    assert matrix.other == compare_module.OtherRow("Every other actor", (0,), 1)
    assert matrix.column_totals == (2,) and matrix.grand_total == 4
    assert sum(r.total for r in matrix.rows) + matrix.other.total == matrix.grand_total
    assert "the row “Every other actor” counts those that only earlier texts name" in matrix.note
    assert "in the 1 most recent of the 2 texts" in matrix.note
