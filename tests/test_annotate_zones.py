"""Zones: body, heading, references and note, from the block's kind, its markers and the heading
it stands under; made-up texts."""

from __future__ import annotations

from pathlib import Path

from corpus_factory import write_corpus
from natocorpus.annotate import _title_case
from natocorpus.annotate.zones import block_zones
from natocorpus.build import annotate
from natocorpus.config import make_config
from natocorpus.model import ArticleText, Block, BlockKind
from support import PROJECT_ROOT


def text_of(*blocks: tuple[BlockKind, str] | tuple[BlockKind, str, str]) -> ArticleText:
    made: list[Block] = []
    offset = 0
    for number, (kind, words, *marker) in enumerate(blocks):
        made.append(
            Block(
                kind,
                words,
                offset,
                offset + len(words),
                f"b-{number}",
                number + 1,
                level=2 if kind == "heading" else 0,
                marker=marker[0] if marker else None,
            )
        )
        offset += len(words) + 2
    return ArticleText(tuple(made), "\n\n".join(b.text for b in made))


def zones(*blocks: tuple[BlockKind, str] | tuple[BlockKind, str, str]) -> list[str]:
    return list(block_zones(text_of(*blocks), _title_case))


def test_headings_and_body() -> None:
    assert zones(
        ("heading", "Why alliances travel"),
        ("paragraph", "The alliance met its partners in the spring."),
        ("paragraph", "Partners Far From Home Matter More Than Ever"),
    ) == ["heading", "body", "heading"]


def test_notes_by_their_label_or_mark() -> None:
    assert zones(
        ("paragraph", "The alliance met its partners."),
        ("paragraph", "Editor’s note: This piece first ran in a weekly paper."),
        ("paragraph", "Note: figures are rounded."),
        ("paragraph", "* The author teaches at a university in Oslo."),
        ("paragraph", "[2] A speech given in Oslo in 2019."),
        ("paragraph", "The views expressed here are the author’s own."),
        ("paragraph", "Originally published in a weekly paper."),
        ("paragraph", "Notes of a meeting were kept by the clerk."),
    ) == ["body", "note", "note", "note", "note", "note", "note", "body"]


def test_a_bulleted_list_is_not_a_footnote() -> None:
    assert zones(("item", "A point the alliance made."), ("item", "Another point.")) == [
        "body",
        "body",
    ]


def test_bibliography_items_and_sections() -> None:
    assert zones(
        ("paragraph", "The alliance met its partners."),
        ("item", "Doe J. A title. A journal. 2020. No. 1.", "1."),
        ("item", "A plan of things to do", "2."),
        ("heading", "Sources"),
        ("paragraph", "Doe J. Another title, 2021."),
        ("heading", "About the author"),
        ("paragraph", "Jane Doe writes on alliances."),
        ("heading", "After the notes"),
        ("paragraph", "Back in the text."),
    ) == [
        "body",
        "references",
        "body",
        "heading",
        "references",
        "heading",
        "note",
        "heading",
        "body",
    ]


def test_a_subheading_keeps_its_section() -> None:
    text = text_of(
        ("heading", "References"),
        ("heading", "Books"),
        ("paragraph", "Doe J. A book. 2020."),
    )
    blocks = list(text.blocks)
    blocks[0] = Block("heading", "References", 0, 10, "b-0", 1, level=2)
    blocks[1] = Block("heading", "Books", 12, 17, "b-1", 2, level=3)
    text = ArticleText(tuple(blocks), text.reading_text)
    assert list(block_zones(text, _title_case)) == ["heading", "heading", "references"]


def test_mentions_carry_their_zone(tmp_path: Path) -> None:
    body = (
        "NATO met in Washington.\n\n"
        "Editor's note: NATO did not answer our questions.\n\n"
        "1. Doe J. NATO in the world. A journal. 2020. No. 1.\n"
    )
    corpus_dir = write_corpus(
        tmp_path, body, quotes=("NATO met in Washington.", "NATO did not answer")
    )
    corpus, diagnostics = annotate(
        make_config(corpus_dir, PROJECT_ROOT / "templates", tmp_path / "site")
    )
    assert corpus is not None, [str(d) for d in diagnostics]
    article = corpus.articles[0]
    found = [(m.text, article.zone_of(m.paragraph)) for m in article.mentions if m.actor == "nato"]
    assert found == [("NATO", "body"), ("NATO", "note"), ("NATO", "references")]
    assert article.zone_of(article.references[0].paragraph) == "references"
    assert article.zone_of("no-such-anchor") == "body"


def test_numbered_paragraphs_of_prose_are_no_bibliography() -> None:
    # A joint statement numbers its paragraphs; a year in their sentences is no citation's.
    assert zones(
        (
            "item",
            "The two leaders met in Oslo on 11 June 2025 at the President's invitation.",
            "1.",
        ),
        ("item", "They recalled the Joint Statement of 2016, which deepened ties.", "2."),
        ("item", "Lee Ana. Partners far from home. Oslo Review. June 2, 2023.", "3."),
        ("item", "Kim Bo (2021). Alliances. Oslo: Press.", "4."),
        ("item", "Li Jo. Asia and the alliance. J Secur Stud 2020;12:34-56.", "5."),
        ("item", "A report on partners. Available at: https://example.org/report", "6."),
    ) == ["body", "body", "references", "references", "references", "references"]
