"""The link stage: counts, cross-links, dates, citations and URLs computed from the records."""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import cycle
from pathlib import Path
from typing import TypeVar

import msgspec

import natocorpus
from natocorpus.link import (
    ARTICLES_PER_PAGE,
    CHART_CAP,
    FEED_ENTRIES,
    HOME_ARTICLES,
    MATRIX_COLUMNS,
    RELATED_CAP,
    TIMELINE_LANE_MARKS,
    WRITERS_ON_INDEX,
    YEAR_LIST_CAP,
    AboutContext,
    ActorContext,
    ActorsContext,
    ArticleContext,
    ArticlesContext,
    CompareContext,
    DeferredPage,
    EventContext,
    HomeContext,
    Page,
    SiteModel,
    TimelineContext,
    WritersContext,
    link_site,
)
from natocorpus.model import (
    Actor,
    ActorMention,
    AnnotatedArticle,
    AnnotatedCorpus,
    ArticleMeta,
    ArticleText,
    Block,
    CorpusSettings,
    DateMention,
    Event,
    EventMention,
    EvidenceQuote,
    Field,
    KnowledgeBase,
    Licence,
    PartialDate,
    Person,
    Provenance,
    Span,
    Stance,
    StanceLevel,
    SurfaceForm,
)

STATED = Provenance("stated", quote="as printed")
INFERRED = Provenance("inferred", basis="an editorial judgement")

ACTORS = (
    Actor(
        "nato",
        "North Atlantic Treaty Organization",
        "organisation",
        "The alliance.",
        "Q7184",
        (SurfaceForm("NATO"),),
    ),
    Actor("japan", "Japan", "state", "A state.", None, (SurfaceForm("Japan"),)),
    Actor("china", "China <b>PRC</b>", "state", 'A "state".', None, (SurfaceForm("China"),)),
)
EVENTS = (
    Event(
        "madrid",
        "NATO Summit, Madrid",
        "summit",
        PartialDate(2022, 6, 28),
        PartialDate(2022, 6, 30),
        "Madrid",
        ("nato", "japan"),
        "A summit.",
        ("Madrid summit",),
    ),
    Event(
        "concept",
        "Strategic Concept",
        "publication",
        PartialDate(2010),
        None,
        None,
        ("nato",),
        "A document.",
        ("Strategic Concept",),
    ),
)


def article(
    id: str,
    paragraphs: list[str],
    *,
    title: str = "A title",
    published: PartialDate | None = None,
    stance: int = 0,
    completeness: str = "full",
    doi: str | None = None,
    dates: tuple[tuple[str, PartialDate | None, str | None], ...] = (),
) -> AnnotatedArticle:
    """An annotated article from paragraphs: mentions are found by the knowledge base's forms."""
    published = published or PartialDate(2023)
    blocks: list[Block] = []
    sentences: list[Span] = []
    offset = 0
    for n, text in enumerate(paragraphs, start=1):
        if blocks:
            offset += 2
        anchor = f"p-{id[:3]}{n}"
        blocks.append(Block("paragraph", text, offset, offset + len(text), anchor, n))
        for m in re.finditer(r"[^.!?]+[.!?]?", text):
            if m.group().strip():
                sentences.append(Span(offset + m.start(), offset + m.end(), anchor))
        offset += len(text)
    reading = "\n\n".join(paragraphs)

    def locate(start: int) -> tuple[str, int]:
        for i, s in enumerate(sentences):
            if s.start <= start < s.end:
                return s.paragraph, i
        raise AssertionError(start)

    mentions = []
    for actor in ACTORS:
        for form in actor.forms:
            for m in re.finditer(rf"\b{re.escape(form.text)}\b", reading):
                para, sent = locate(m.start())
                mentions.append(ActorMention(actor.id, m.group(), m.start(), m.end(), para, sent))
    event_mentions = []
    for event in EVENTS:
        for form_text in event.forms:
            for m in re.finditer(rf"\b{re.escape(form_text)}\b", reading):
                para, sent = locate(m.start())
                event_mentions.append(
                    EventMention(event.id, m.group(), m.start(), m.end(), para, sent)
                )
    date_mentions = []
    for text, value, event_id in dates:
        start = reading.index(text)
        para, sent = locate(start)
        date_mentions.append(
            DateMention(text, start, start + len(text), para, sent, "absolute", value, event_id)
        )
    first = blocks[0]
    meta = ArticleMeta(
        id=id,
        source_file=f"{id}.txt",
        title=Field(title, STATED),
        authors=Field((Person("Jin Ling"), Person("A. N. Other")), STATED),
        outlet=Field("China International Studies", INFERRED),
        original_outlet=None,
        translated_from=None,
        published=Field(published, INFERRED),
        genre=Field("analysis", INFERRED),
        completeness=Field(completeness, INFERRED),
        source_url=None,
        doi=Field(doi, STATED) if doi else None,
        themes=Field(("partnerships",), INFERRED),
        stance=Stance(
            stance,
            "",
            "Because it says so.",
            (EvidenceQuote(first.text[:10], Span(0, 10, first.anchor)),),
        ),
        omitted=(),
    )
    return AnnotatedArticle(
        path=f"corpus/articles/{id}.md",
        meta=meta,
        text=ArticleText(tuple(blocks), reading),
        capture=reading.encode(),
        sentences=tuple(sentences),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        event_mentions=tuple(sorted(event_mentions, key=lambda m: m.start)),
        dates=tuple(date_mentions),
        references=(),
        word_count=len(reading.split()),
        reading_minutes=1,
    )


def make_corpus() -> AnnotatedCorpus:
    settings = CorpusSettings(
        title="Test corpus",
        description="Two texts.",
        language="en",
        licence=Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", None),
        stance_question="The text's position",
        stance_scale=tuple(
            StanceLevel(v, label) for v, label in ((-1, "opposed"), (0, "mixed"), (1, "supportive"))
        ),
        not_actors=(),
    )
    a = article(
        "alpha",
        [
            "NATO and Japan met. Japan agreed with NATO at the Madrid summit.",
            "China objected. NATO replied in June 2022.",
        ],
        title='<script>alert("x")</script> & "Quotes"',
        published=PartialDate(2022, 7),
        stance=-1,
        doi="10.1234/abc<d>",
        dates=(("June 2022", PartialDate(2022, 6), "madrid"),),
    )
    b = article(
        "beta",
        ["Japan and China talked. The Strategic Concept was cited by NATO."],
        title="Beta text",
        published=PartialDate(2021),
        stance=1,
        completeness="excerpt",
    )
    return AnnotatedCorpus(settings, KnowledgeBase(ACTORS, EVENTS), (a, b))


def pages(site: SiteModel) -> dict[str, Page]:
    return {p.output: p for p in site.pages}


C = TypeVar("C")


def content(site: SiteModel, output: str, kind: type[C]) -> C:
    """The typed context of the page written to `output`."""
    value = pages(site)[output].content
    assert isinstance(value, kind)
    return value


def test_every_page_has_a_folder_url_under_the_base() -> None:
    site = link_site(make_corpus(), "/natocorpus/")
    outputs = {p.output for p in site.pages}
    for expected in (
        "index.html",
        "articles/alpha/index.html",
        "actors/nato/index.html",
        "events/madrid/index.html",
        "actors/index.html",
        "events/index.html",
        "articles/index.html",
        "timeline/index.html",
        "compare/index.html",
        "about/index.html",
        "search/index.html",
        "404.html",
    ):
        assert expected in outputs
    for p in site.pages:
        assert p.url.startswith("/natocorpus/")
    assert site.sitemap and all(u.startswith("/natocorpus/") for u in site.sitemap)


def test_matrix_counts_come_from_the_records() -> None:
    corpus = make_corpus()
    site = link_site(corpus, "/")
    compare = content(site, "compare/index.html", CompareContext)
    matrix = compare.actor_matrix
    columns = [c.id for c in matrix.columns]
    expected = {a.id: Counter(m.actor for m in a.mentions) for a in corpus.articles}
    for row in matrix.rows:
        actor_id = row.header.href.rstrip("/").rsplit("/", 1)[-1]
        for column, cell in zip(columns, row.cells, strict=True):
            assert cell.count == expected[column][actor_id]
            assert (cell.href is None) == (cell.count == 0)
            if cell.count:
                first = min(
                    (
                        m
                        for a in corpus.articles
                        if a.id == column
                        for m in a.mentions
                        if m.actor == actor_id
                    ),
                    key=lambda m: m.start,
                )
                assert cell.href == f"/articles/{column}/#{first.paragraph}"
        assert row.total == sum(expected[c][actor_id] for c in columns)
    assert {c.level for r in matrix.rows for c in r.cells} <= {f"heat-{i}" for i in range(6)}


def test_a_date_tied_to_an_event_is_not_a_second_reference() -> None:
    corpus = make_corpus()
    site = link_site(corpus, "/")
    event = content(site, "events/madrid/index.html", EventContext)
    named = sum(1 for a in corpus.articles for e in a.event_mentions if e.event == "madrid")
    dated = sum(1 for a in corpus.articles for d in a.dates if d.event == "madrid")
    assert named == 1 and dated == 1
    assert event.total == named
    assert (
        sum(g.count for g in event.discourse.groups)
        == sum(g.marks_shown for g in event.discourse.groups)
        == 1
    )


def test_actor_page_links_back_to_every_paragraph_mentioning_it() -> None:
    corpus = make_corpus()
    site = link_site(corpus, "/natocorpus/")
    actor = content(site, "actors/nato/index.html", ActorContext)
    hrefs = {k.href for g in actor.discourse.groups for k in g.shown}
    expected = {
        f"/natocorpus/articles/{a.id}/#{m.paragraph}"
        for a in corpus.articles
        for m in a.mentions
        if m.actor == "nato"
    }
    assert hrefs == expected
    assert actor.total == sum(1 for a in corpus.articles for m in a.mentions if m.actor == "nato")
    # ...and the article body links to the actor page.
    body = content(site, "articles/alpha/index.html", ArticleContext).body
    html = "".join(str(b.html) for b in body)
    assert 'href="/natocorpus/actors/nato/"' in html
    assert 'href="/natocorpus/events/madrid/"' in html


def test_keyword_in_context_highlights_the_mention_in_its_sentence() -> None:
    site = link_site(make_corpus(), "/")
    actor = content(site, "actors/china/index.html", ActorContext)
    first = actor.discourse.groups[0].shown[0]
    assert first.parts[1] == "China"
    assert "".join(first.parts).strip().endswith(".")


def test_co_mentions_are_ranked_by_shared_sentences() -> None:
    site = link_site(make_corpus(), "/")
    japan = content(site, "actors/japan/index.html", ActorContext)
    ranked = [(c.actor.id, c.sentences) for c in japan.co_mentions]
    # NATO shares two sentences with Japan in alpha; China shares one in beta.
    assert ranked == [("nato", 2), ("china", 1)]


def test_year_only_date_is_shown_as_the_year() -> None:
    site = link_site(make_corpus(), "/")
    beta = pages(site)["articles/beta/index.html"]
    ctx = content(site, "articles/beta/index.html", ArticleContext)
    assert ctx.article.date.display == "2021"
    assert ctx.article.date.iso == "2021"
    meta = {t.key: t.content for t in beta.meta}
    assert meta["citation_publication_date"] == "2021"
    assert "month" not in ctx.citation.bibtex
    assert "DA  - 2021///" in ctx.citation.ris
    assert json.loads(ctx.citation.csl_json)[0]["issued"] == {"date-parts": [[2021]]}
    alpha = pages(site)["articles/alpha/index.html"]
    assert {t.key: t.content for t in alpha.meta}["citation_publication_date"] == "2022/07"


def test_jsonld_is_safe_inside_a_script_element() -> None:
    site = link_site(make_corpus(), "/")
    page = pages(site)["articles/alpha/index.html"]
    text = str(page.jsonld)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == '<script>alert("x")</script> & "Quotes"'


def test_body_text_is_escaped_and_block_anchors_kept() -> None:
    corpus = make_corpus()
    evil = article("gamma", ['<img src=x onerror="alert(1)"> NATO & co.'])
    corpus = AnnotatedCorpus(corpus.settings, corpus.knowledge, (*corpus.articles, evil))
    site = link_site(corpus, "/")
    body = content(site, "articles/gamma/index.html", ArticleContext).body
    assert body[0].anchor == evil.text.blocks[0].anchor
    html = str(body[0].html)
    assert "<img" not in html and "&lt;img" in html and "&amp; co." in html


def test_related_articles_share_actors() -> None:
    site = link_site(make_corpus(), "/")
    alpha = content(site, "articles/alpha/index.html", ArticleContext)
    assert [r.article.id for r in alpha.related] == ["beta"]
    shared = {link.text for link in alpha.related[0].shared_actors}
    assert shared == {"North Atlantic Treaty Organization", "Japan", "China <b>PRC</b>"}


def test_about_page_names_each_capture_with_its_text() -> None:
    corpus = make_corpus()
    about = content(link_site(corpus, "/base/"), "about/index.html", AboutContext)
    expected = sorted((a.meta.source_file, a.id, a.meta.title.value) for a in corpus.articles)
    shown = [(c.file_name, c.article.id, c.article.title) for c in about.captures]
    assert shown == expected
    assert all(c.href == f"/base/sources/{c.file_name}" for c in about.captures)
    assert all(c.article.href == f"/base/articles/{c.article.id}/" for c in about.captures)


def test_link_is_deterministic() -> None:
    assert link_site(make_corpus(), "/") == link_site(make_corpus(), "/")


def test_actor_page_stays_bounded_with_thousands_of_mentions() -> None:
    corpus = make_corpus()
    busy = article("busy", [" ".join(["NATO met."] * 3000)])
    corpus = AnnotatedCorpus(corpus.settings, corpus.knowledge, (*corpus.articles, busy))
    site = link_site(corpus, "/")
    nato = content(site, "actors/nato/index.html", ActorContext)
    expected_total = sum(1 for a in corpus.articles for m in a.mentions if m.actor == "nato")
    assert nato.total == expected_total > 3000
    assert sum(len(g.shown) for g in nato.discourse.groups) == nato.discourse.shown <= 50
    assert nato.discourse.capped
    busy_group = next(g for g in nato.discourse.groups if g.article.id == "busy")
    assert busy_group.count == 3000


# Scale: bounded pages and related texts from an inverted index --------------------------------


def many_articles(n: int) -> AnnotatedCorpus:
    """`n` small texts a month apart, each naming NATO and, by turns, Japan or China."""
    base = make_corpus()
    texts = [
        article(
            f"t{i:04d}",
            [f"NATO and {'Japan' if i % 2 else 'China'} met. NATO agreed at the Madrid summit."],
            title=f"Text {i}",
            published=PartialDate(2000 + i // 12, i % 12 + 1),
            stance=(i % 3) - 1,
        )
        for i in range(n)
    ]
    return AnnotatedCorpus(base.settings, base.knowledge, tuple(texts))


def test_related_texts_are_the_top_few_and_rare_shared_things_weigh_more() -> None:
    base = make_corpus()
    target = article("target", ["NATO and China."], published=PartialDate(2020, 6))
    rare = article("rare", ["China spoke."], published=PartialDate(2010, 1))
    common = [
        article(f"common{i}", ["NATO and Japan met."], published=PartialDate(2020, i + 1))
        for i in range(8)
    ]
    corpus = AnnotatedCorpus(base.settings, base.knowledge, (target, rare, *common))
    site = link_site(corpus, "/")
    related = content(site, "articles/target/index.html", ArticleContext).related
    assert len(related) == RELATED_CAP
    # China is in 2 of 10 texts, NATO in 9: the one text sharing China comes first, though it
    # is the furthest in date; then the nearest in date of those sharing NATO (in date order,
    # common5 and then target, both of June 2020), ties by id.
    assert [r.article.id for r in related] == ["rare", "common5", "common6", "common4", "common7"]
    assert [link.text for link in related[0].shared_actors] == ["China <b>PRC</b>"]
    assert link_site(corpus, "/") == site


def test_pages_stay_bounded_in_a_large_corpus() -> None:
    corpus = many_articles(250)
    site = link_site(corpus, "/")
    by_output = pages(site)
    ids = [a.id for a in sorted(corpus.articles, key=lambda a: a.meta.published.value.sort_key)]

    home = content(site, "index.html", HomeContext)
    assert [a.id for a in home.articles] == ids[::-1][:HOME_ARTICLES]
    assert home.article_total == 250

    # The articles index: pages of ARTICLES_PER_PAGE, linked to one another, reaching every text.
    index_pages = sorted(
        (p for p in site.pages if p.kind == "articles"), key=lambda p: len(p.output)
    )
    assert [p.output for p in index_pages] == [
        "articles/index.html",
        "articles/page/2/index.html",
        "articles/page/3/index.html",
    ]
    listed = []
    for number, page in enumerate(index_pages, start=1):
        assert isinstance(page.content, ArticlesContext)
        assert len(page.content.articles) <= ARTICLES_PER_PAGE
        listed += [a.id for a in page.content.articles]
        pagination = page.content.pagination
        assert pagination is not None
        assert [n.href for n in pagination.pages] == [
            "/articles/",
            "/articles/page/2/",
            "/articles/page/3/",
        ]
        assert [n.current for n in pagination.pages] == [n == number for n in (1, 2, 3)]
    assert listed == ids
    assert sum(1 for u in site.sitemap if u.startswith("/articles/page/")) == 2

    compare = content(site, "compare/index.html", CompareContext)
    assert len(compare.actor_matrix.columns) == MATRIX_COLUMNS
    assert [c.id for c in compare.actor_matrix.columns] == ids[-MATRIX_COLUMNS:]
    assert compare.actor_matrix.limited and compare.event_matrix.limited
    assert not compare.scale_listed and all(not level.articles for level in compare.scale)
    assert sum(level.count for level in compare.scale) == 250

    nato = content(site, "actors/nato/index.html", ActorContext)
    assert nato.article_count == 250 and nato.total == 500
    assert len(nato.chart) == CHART_CAP and nato.chart_more == 250 - CHART_CAP
    assert (
        len(nato.discourse.groups) + nato.discourse.groups_more == 250
        and nato.discourse.shown <= 50
    )
    assert all(not s.articles for s in nato.stances)
    assert sum(s.count for s in nato.stances) == 250

    madrid = content(site, "events/madrid/index.html", EventContext)
    assert madrid.article_count == 250 and madrid.discourse.shown <= 50 and madrid.discourse.capped

    timeline = content(site, "timeline/index.html", TimelineContext)
    assert len(timeline.timeline.marks) <= 2 * TIMELINE_LANE_MARKS
    publications = [m for m in timeline.timeline.marks if "tl-article" in m.css_class]
    assert sum(int(m.label.split()[0]) for m in publications) == 250
    for year in timeline.years:
        assert len(year.articles) <= YEAR_LIST_CAP
        if year.articles_more:
            assert by_output[year.articles_more_href.strip("/") + "/index.html"]

    assert len(site.feed.entries) == FEED_ENTRIES
    assert site.feed.entries[0].href.endswith(f"/articles/{ids[-1]}/")
    about = content(site, "about/index.html", AboutContext)
    assert about.captures == () and about.article_count == 250


# Pages known by their inputs --------------------------------------------------------------------


def _deferred(corpus: AnnotatedCorpus) -> dict[str, DeferredPage]:
    site = link_site(corpus, "/")
    return {e.output: e for e in site.pages.entries if isinstance(e, DeferredPage)}


def test_a_page_whose_inputs_are_unchanged_is_unchanged() -> None:
    """A rebuild keeps an article, actor or event page without preparing it while its inputs are
    those of the last build: whatever its context holds must be in them. Here one text names
    China once more; Japan's page shows China's count beside its name (the two are named in one
    sentence of another text), and so does the page of an event China takes part in: both must
    be prepared again, while NATO's need not be (NATO's three mentions in one text stay the most
    of any actor in one text: the scale of every actor's chart)."""
    base = make_corpus()
    concept = msgspec.structs.replace(EVENTS[1], participants=("nato", "china"))
    knowledge = KnowledgeBase(ACTORS, (EVENTS[0], concept))
    texts = (
        article("t1", ["Japan and China met."], published=PartialDate(2020)),
        article(
            "t3",
            ["NATO met at the Madrid summit. NATO spoke. NATO left."],
            published=PartialDate(2022),
        ),
    )
    before = _deferred(
        AnnotatedCorpus(
            base.settings,
            knowledge,
            (*texts, article("t2", ["China spoke."], published=PartialDate(2021))),
        )
    )
    after = _deferred(
        AnnotatedCorpus(
            base.settings,
            knowledge,
            (*texts, article("t2", ["China spoke. China again."], published=PartialDate(2021))),
        )
    )
    assert before.keys() == after.keys()
    same_inputs = set()
    for output, page in before.items():
        assert page.inputs is not None and after[output].inputs is not None, output
        if page.inputs() == after[output].inputs():
            assert page.make() == after[output].make(), output
            same_inputs.add(output)
    assert "actors/nato/index.html" in same_inputs
    assert "actors/japan/index.html" not in same_inputs
    assert "events/concept/index.html" not in same_inputs


def test_html_is_made_in_python_in_one_module_only() -> None:
    """Escaping is audited in one file: no other module of the package makes `Markup`."""
    package = Path(natocorpus.__file__).resolve().parent
    makers = sorted(
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "Markup(" in path.read_text(encoding="utf-8")
    )
    assert makers == ["link/html.py"]


def test_authors_and_outlets_too_many_for_the_index_are_on_pages_by_initial() -> None:
    """Beyond WRITERS_ON_INDEX, the authors and outlets the knowledge base does not describe are
    on pages of their own, one per initial, which the actors index links with their counts: each
    listed once, under the initial of its name, and the counts those of the records."""
    # Each first name, by the initial its author is filed under.
    firsts = {
        "Anna": "a",
        "Bela": "b",
        "Émile": "e",
        "emma": "e",
        "Zoë": "z",
        "Łukasz": "other",
        "李": "other",
        "3rd": "other",
    }
    base = many_articles(WRITERS_ON_INDEX + len(firsts))
    names = [f"{first} Writer{i}" for i, first in zip(range(len(base.articles)), cycle(firsts))]
    texts = tuple(
        msgspec.structs.replace(
            a, meta=msgspec.structs.replace(a.meta, authors=Field((Person(name),), STATED))
        )
        for a, name in zip(base.articles, names, strict=True)
    )
    corpus = AnnotatedCorpus(base.settings, base.knowledge, texts)
    site = link_site(corpus, "/")
    index = content(site, "actors/index.html", ActorsContext)
    assert index.writers == () and index.writers_nav is not None
    # Every author wrote one text; the one outlet published them all.
    expected = {name: (firsts[name.split()[0]], 1) for name in names}
    expected["China International Studies"] = ("c", len(texts))
    assert index.writers_nav.total == len(expected)
    assert [(i.label, i.href) for i in index.writers_nav.initials] == [
        ("A", "/actors/writers/a/"),
        ("B", "/actors/writers/b/"),
        ("C", "/actors/writers/c/"),
        ("E", "/actors/writers/e/"),
        ("Z", "/actors/writers/z/"),
        ("Other", "/actors/writers/other/"),
    ]
    listed: dict[str, tuple[str, int]] = {}
    for initial in index.writers_nav.initials:
        page = content(site, f"actors/writers/{initial.initial}/index.html", WritersContext)
        assert page.current == initial and page.nav == index.writers_nav
        assert initial.count == len(page.current.writers)
        for writer in page.current.writers:
            assert writer.name not in listed
            listed[writer.name] = (initial.initial, writer.texts)
    assert listed == expected
    assert sum(i.count for i in index.writers_nav.initials) == index.writers_nav.total
    assert "/actors/writers/other/" in site.sitemap


def test_a_few_authors_and_outlets_are_listed_on_the_actors_index() -> None:
    site = link_site(make_corpus(), "/")
    index = content(site, "actors/index.html", ActorsContext)
    assert index.writers_nav is None
    assert [(w.name, w.label) for w in index.writers] == [
        ("A. N. Other", "wrote 2 texts"),
        ("China International Studies", "published 2 texts"),
        ("Jin Ling", "wrote 2 texts"),
    ]
    assert not any(p.kind == "writers" for p in site.pages)
