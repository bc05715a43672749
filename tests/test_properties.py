"""Property-based tests: whatever the input, records or a diagnostic; offsets always exact."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_factory import write_corpus
from natocorpus.annotate import FormMatcher
from natocorpus.annotate.phrases import PhraseIndex
from natocorpus.annotate.summits import SummitIndex, _by_city_named
from natocorpus.annotate.trie import trie_pattern
from natocorpus.build import annotate
from natocorpus.config import make_config
from natocorpus.diagnostics import Severity
from natocorpus.load.reading import parse_reading_text
from natocorpus.load.yamlsource import YamlError, parse_yaml
from natocorpus.model import SurfaceForm
from support import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "templates"

yaml_text = st.text(
    alphabet=st.sampled_from(list("abc:-[]{}\"' \n\t#&*!|>%@`,?0123456789é")), max_size=120
)


@settings(max_examples=300, deadline=None)
@given(yaml_text)
def test_yaml_parses_or_raises_a_located_diagnostic(text: str) -> None:
    try:
        parse_yaml(text, "f.yaml")
    except YamlError as failure:
        assert failure.diagnostic.path == "f.yaml"
        assert failure.diagnostic.line is None or failure.diagnostic.line >= 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(front=yaml_text, body=st.text(max_size=200))
def test_loader_returns_records_or_diagnostics_never_raises(front: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder))
        article = corpus / "articles" / "sample-article.md"
        article.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
        annotated, diagnostics = annotate(make_config(corpus, TEMPLATES, Path(folder) / "site"))
        if annotated is None:
            assert any(d.severity is Severity.ERROR for d in diagnostics)
        for diagnostic in diagnostics:
            assert str(diagnostic).startswith(("corpus/", "f.yaml"))


words = st.sampled_from(
    ["NATO", "Nato", "US", "us", "U.S.", "South", "Korea", "South Korea", "Korean", "Peninsula",
     "the", "Alliance", "in", "Washington", "and", "2022", "June", "’s", ",", ".", "\n\n", "-"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=40))
def test_every_match_slices_exactly_to_a_known_form(tokens: list[str]) -> None:
    text = " ".join(tokens)
    forms = [
        ("nato", SurfaceForm("NATO")),
        ("usa", SurfaceForm("U.S.")),
        ("usa", SurfaceForm("US")),
        ("usa", SurfaceForm("Washington", ("in",))),
        ("korea", SurfaceForm("South Korea")),
        ("peninsula", SurfaceForm("Korean Peninsula")),
    ]
    matcher = FormMatcher.compile(forms)
    known = {form.text: owner for owner, form in forms}
    previous_end = -1
    for owner, form, start, end in matcher.find(text):
        assert text[start:end] == form
        assert known[form] == owner
        assert start >= previous_end, "mentions never overlap"
        assert not (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"))
        assert not (end < len(text) and (text[end].isalnum() or text[end] == "_"))
        previous_end = end


CITIES = ["Rome", "Romeo", "St. Louis", "Xi", "Vilnius", "Vil", "’Aden", "Hamburg-Nord"]
city_words = st.sampled_from(
    [
        *CITIES,
        *("Rom", "St", "Louis", "X", "an", "-", "’", "’s", "(", "Vilnius-Nord", "the"),
        *("since", "Ahead of", "after", "2023", "1999", "Summit Declaration", "communiqué"),
        *("airport", "Said", "2023-24"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(city_words, max_size=20), st.sampled_from(["", " ", "-"]))
def test_a_summit_named_by_its_city_is_found_as_with_each_city_longest_first(
    tokens: list[str], joint: str
) -> None:
    # The index's pattern is compiled once per knowledge base, on a trie of its cities: it must
    # find what the same pattern on the cities themselves, longest first, finds, whichever
    # cities the text holds.
    text = joint.join(tokens)
    summits = {f"summit-{i}": "summit" for i in range(len(CITIES))}
    index = SummitIndex.of(summits, {f"summit-{i}": (c,) for i, c in enumerate(CITIES)})
    each_city = "|".join(re.escape(city) for city in sorted(CITIES, key=len, reverse=True))
    assert index.by_city_named is not None

    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    assert found(index.by_city_named) == found(_by_city_named(each_city))


# Pieces of phrases that differ as spellings of one phrase do: by a quote, a hyphen, an "s" for a
# "z", a letter's case, or a word more.
spellings = st.sampled_from(
    ["organi", "s", "z", "ation", "'", "’", "nato", "NATO", " ", "-", "summit", "s", "the ", "a"]
    + ["İ", "i"]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(spellings, min_size=1, max_size=6).map("".join), min_size=1, max_size=12),
    st.lists(spellings, max_size=30).map("".join),
    st.booleans(),
)
def test_a_trie_pattern_matches_as_its_phrases_longest_first(
    phrases: list[str], text: str, ignore_case: bool
) -> None:
    # The knowledge base's forms are matched by one pattern made of a trie, with spellings that
    # share what follows written once: whatever the phrases, it must find what the phrases
    # themselves, the longest first, find at every position of any text.
    flags = re.IGNORECASE if ignore_case else 0
    each = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    expected = re.compile(rf"(?<!\w)(?:{each})(?!\w)", flags)
    trie = re.compile(rf"(?<!\w)(?:{trie_pattern(phrases, ignore_case=ignore_case)})(?!\w)", flags)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in expected.finditer(text)]
    for start in range(len(text)):
        found, wanted = trie.match(text, start), expected.match(text, start)
        assert (found and found.span()) == (wanted and wanted.span())


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(spellings, min_size=1, max_size=6).map("".join), min_size=1, max_size=12),
    st.lists(spellings, max_size=30).map("".join),
    st.booleans(),
)
def test_a_phrase_index_finds_what_its_phrases_longest_first_find(
    phrases: list[str], text: str, ignore_case: bool
) -> None:
    # The knowledge base's forms are found by one automaton: whatever the phrases, it must find
    # what a regex of the phrases themselves, the longest first, finds at every position of any
    # text, with the same word boundaries.
    flags = re.IGNORECASE if ignore_case else 0
    each = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    expected = re.compile(rf"(?<!\w)(?:{each})(?!\w)", flags)
    index = PhraseIndex(phrases, ignore_case=ignore_case)
    assert index.spans(text) == [m.span() for m in expected.finditer(text)]
    longest = index.longest(text)
    for start in range(len(text)):
        wanted = expected.match(text, start)
        assert longest.get(start) == (wanted and wanted.end())


def test_forms_in_any_case_are_found_where_a_letters_lower_case_is_longer() -> None:
    # "İ" is "i" with a dot, whose lower case is two characters: it is read as "i", as a regex
    # that ignores case reads it, and every offset still slices the text as written.
    matcher = FormMatcher.compile([("istanbul", SurfaceForm("Istanbul"))], ignore_case=True)
    text = "NATO met in İSTANBUL, then in İstanbul and in Istanbul."
    found = matcher.find(text)
    assert [(owner, text[start:end]) for owner, _, start, end in found] == [
        ("istanbul", "İSTANBUL"),
        ("istanbul", "İstanbul"),
        ("istanbul", "Istanbul"),
    ]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(words, min_size=4, max_size=40))
def test_annotated_offsets_slice_to_their_text(tokens: list[str]) -> None:
    body = " ".join(tokens).replace("\n\n ", "\n\n").strip() or "NATO"
    reading = parse_reading_text(body, 1)
    if len(reading.reading_text.split()) < 4:
        return
    quote = reading.blocks[0].text.split()[0]
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(
            Path(folder),
            body,
            quotes=(quote, quote),
            capture_body=" ".join(block.text for block in reading.blocks),
        )
        annotated, diagnostics = annotate(make_config(corpus, TEMPLATES, Path(folder) / "site"))
        assert annotated is not None, [str(d) for d in diagnostics]
        article = annotated.articles[0]
    text = article.text.reading_text
    for mention in (*article.mentions, *article.event_mentions, *article.dates):
        assert text[mention.start : mention.end] == mention.text
        assert article.text.block_at(mention.start).anchor == mention.paragraph
