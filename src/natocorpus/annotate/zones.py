"""Zones: where in a text a block stands, so that discourse and bibliography are counted apart.

- `heading`: a heading, or a short line in title case without a closing stop (a crosshead the
  capture did not mark up);
- `references`: an item of the bibliography (a numbered item that carries a year or an address),
  or any block under a heading that names a bibliography ("References", "Sources", "Список
  литературы");
- `note`: a note about the text rather than the text: a block that opens with a note's label
  ("Editor's note:", "Note:", "Disclaimer:"), a footnote mark ("*", "†", "[1]", "[^1]:"), a
  disclaimer ("The views expressed …"), a publication note ("Originally published …"), or any
  block under a heading that names notes ("Notes", "Footnotes", "About the author");
- `body`: everything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from natocorpus.annotate.references import is_reference
from natocorpus.model import ArticleText, Block, Zone

_APOSTROPHE = "[’'`]?"
_NOTE_LABEL_RE = re.compile(
    rf"^[(\[]?\s*(?:(?:Editor|Author|Translator|Publisher|Ed){_APOSTROPHE}s?{_APOSTROPHE}\s+"
    r"(?:[Nn]ote|NOTE)s?|Note|NOTE|Notes|N\.\s?B\.|NB|P\.\s?S\.|Disclaimer|DISCLAIMER|"
    r"Correction|CORRECTION|Clarification|Update|UPDATE|Примечание(?: редакции| автора)?|"
    r"От редакции)\s*[:.—–-]"
)
_FOOTNOTE_RE = re.compile(r"^(?:\*{1,3}|†|‡|§|\[\^?\d{1,3}\]:?|\^\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹]+)\s*\S")
_DISCLAIMER_RE = re.compile(
    r"^(?:The|These|Any) (?:views|opinions)(?: and (?:views|opinions))? expressed\b"
    r"|^(?:This (?:article|text|piece|story|commentary|op-ed) (?:was |is )?(?:first |originally )?"
    r"(?:published|appeared|translated))\b"
    r"|^(?:Originally|First) (?:published|appeared)\b"
)
_REFERENCES_HEADING_RE = re.compile(
    r"^(?:References?|Bibliography|Sources?|Literature|Works cited|Further reading|Reference list|"
    r"Notes and references|References and notes|Список литературы|Литература|Источники|"
    r"Библиография|Список источников)\s*:?$",
    re.IGNORECASE,
)
_NOTES_HEADING_RE = re.compile(
    r"^(?:(?:End|Foot)?notes?|About the authors?|About the writer|Author(?:’|')?s? notes?|"
    r"Editor(?:’|')?s? notes?|Disclaimer|Acknowledg(?:e)?ments?|Примечания|Об авторе|Сведения об "
    r"авторе)\s*:?$",
    re.IGNORECASE,
)


def _crosshead(block: Block, title_case: Callable[[str], bool]) -> bool:
    text = block.text.rstrip("”’\"') ")
    return (
        block.kind == "paragraph"
        and len(block.text.split()) <= 12
        and not text.endswith((".", "!", "?", ":", ";", ","))
        and title_case(block.text)
    )


def _is_note(kind: str, text: str) -> bool:
    # A footnote mark opens a paragraph; a list's bullet is no footnote.
    return bool(
        _NOTE_LABEL_RE.match(text)
        or _DISCLAIMER_RE.match(text)
        or (kind == "paragraph" and _FOOTNOTE_RE.match(text))
    )


def block_zones(text: ArticleText, title_case: Callable[[str], bool]) -> tuple[Zone, ...]:
    """The zone of each block of `text`, in order."""
    zones: list[Zone] = []
    section: Zone = "body"  # the zone a heading opens for the blocks under it
    section_level = 0
    for block in text.blocks:
        if block.kind == "heading":
            level = block.level or 1
            if section != "body" and level > section_level:
                zones.append("heading")
                continue
            heading = block.text.strip().rstrip(".")
            if _REFERENCES_HEADING_RE.match(heading):
                section, section_level = "references", level
            elif _NOTES_HEADING_RE.match(heading):
                section, section_level = "note", level
            else:
                section, section_level = "body", level
            zones.append("heading")
            continue
        stripped = block.text.lstrip()
        if block.kind == "item" and block.marker is not None and is_reference(block.text):
            zones.append("references")
        elif section != "body":
            zones.append(section)
        elif _is_note(block.kind, stripped):
            zones.append("note")
        elif _crosshead(block, title_case):
            zones.append("heading")
        else:
            zones.append("body")
    return tuple(zones)


# Function words of four letters or more, which title case leaves in lower case ("The
# Relationship between Japan and NATO").
LONG_FUNCTION_WORDS = frozenset(
    {
        "with",
        "from",
        "into",
        "onto",
        "over",
        "upon",
        "that",
        "than",
        "about",
        "after",
        "before",
        "between",
        "among",
        "against",
        "during",
        "under",
        "without",
        "within",
        "while",
        "when",
        "where",
        "which",
    }
)


def _title_case(text: str) -> bool:
    """A heading in title case or capitals: its capitals say nothing about names."""
    # Title case leaves only short function words in lower case: a caption full of names with
    # "delivers remarks at a meeting" in it is a sentence.
    words = [word for word in re.findall(r"[^\W\d_][\w’'-]*", text) if len(word) > 3]
    lower = sum(not word[:1].isupper() and word not in LONG_FUNCTION_WORDS for word in words)
    return len(words) >= 3 and lower <= 0.1 * len(words)


def _in_heading(text: ArticleText) -> Callable[[int], bool]:
    """Whether an offset is in a heading in title case, where capitals say nothing of names."""
    headings = [
        (b.start, b.end)
        for b in text.blocks
        if (b.kind == "heading" or not b.text.rstrip("”’\"') ").endswith((".", "!", "?")))
        and _title_case(b.text)
    ]

    def exempt(offset: int) -> bool:
        return any(left <= offset < right for left, right in headings)

    return exempt
