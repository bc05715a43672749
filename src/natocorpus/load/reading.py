"""An article's reading text: its Markdown body as blocks, and its fidelity to the capture.

The reading text must be the capture's words, in order, less the lines the front matter declares
omitted; each block's anchor comes from its own words, so that it survives edits to the others.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping

import msgspec
from markdown_it import MarkdownIt
from markdown_it.token import Token

from natocorpus.diagnostics import Diagnostic, error
from natocorpus.model import ArticleText, Block, BlockKind, Span


def normalise_space(text: str) -> str:
    """Runs of whitespace, no-break spaces included, compare as one space."""
    # str.split() splits on exactly the characters the regex \s matches, no-break space included.
    return " ".join(text.split())


_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


class _RawBlock(msgspec.Struct, frozen=True):
    kind: BlockKind
    text: str
    line: int
    level: int
    marker: str | None


def _raw_blocks(body: str, first_line: int) -> Iterator[_RawBlock]:
    tokens = _MARKDOWN.parse(body)
    heading_level = 0
    list_stack: list[list[int] | None] = []  # per open list: [next number] when ordered
    item_marker: str | None = None
    in_item = 0
    for position, token in enumerate(tokens):
        if token.type == "ordered_list_open":
            start = token.attrGet("start")
            list_stack.append([int(start) if start is not None else 1])
        elif token.type == "bullet_list_open":
            list_stack.append(None)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            list_stack.pop()
        elif token.type == "list_item_open":
            in_item += 1
            counter = list_stack[-1] if list_stack else None
            if counter is not None:
                # (with the text's own mark after the number: "1." or "1)")
                item_marker = f"{counter[0]}{token.markup}"
                counter[0] += 1
            else:
                item_marker = None
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "inline":
            opener = tokens[position - 1]
            line = first_line + (token.map[0] if token.map else 0)
            text = _inline_text(token).strip()
            if opener.type == "heading_open":
                yield _RawBlock("heading", text, line, heading_level, None)
            elif in_item:
                yield _RawBlock("item", text, line, 0, item_marker)
                item_marker = None
            else:
                yield _RawBlock("paragraph", text, line, 0, None)
        elif token.type in ("fence", "code_block"):
            line = first_line + (token.map[0] if token.map else 0)
            yield _RawBlock("paragraph", token.content.strip(), line, 0, None)


def _anchor(kind: BlockKind, text: str, given: dict[str, int]) -> str:
    """An anchor from the block's own words, so it survives edits to other paragraphs; a block
    that repeats another's words takes the next `-2`, `-3`, ..., counted in `given` by the anchor
    its words make (a counted suffix never meets another block's anchor: those are shorter)."""
    digest = hashlib.sha1(normalise_space(text).encode("utf-8")).hexdigest()[:8]
    base = ("h-" if kind == "heading" else "p-") + digest
    count = given.get(base, 0) + 1
    given[base] = count
    return base if count == 1 else f"{base}-{count}"


def parse_reading_text(body: str, first_line: int) -> ArticleText:
    """The body's blocks, `first_line` being the file line where the body begins."""
    blocks: list[Block] = []
    given: dict[str, int] = {}
    offset = 0
    for raw in _raw_blocks(body, first_line):
        if not raw.text:
            continue
        if blocks:
            offset += 2
        blocks.append(
            Block(
                kind=raw.kind,
                text=raw.text,
                start=offset,
                end=offset + len(raw.text),
                anchor=_anchor(raw.kind, raw.text, given),
                source_line=raw.line,
                level=raw.level,
                marker=raw.marker,
            )
        )
        offset += len(raw.text)
    return ArticleText(tuple(blocks), "\n\n".join(block.text for block in blocks))


def locate_quote(quote: str, text: ArticleText) -> Span | None:
    """Where `quote` stands in the reading text, however its spaces and lines are broken."""
    wanted = normalise_space(quote)
    for block in text.blocks:
        at = block.text.find(wanted)
        if at >= 0:
            return Span(block.start + at, block.start + at + len(wanted), block.anchor)
    # The quote may break lines or spaces differently from the text: match word by word.
    pattern = re.compile(r"\s+".join(re.escape(word) for word in wanted.split(" ")))
    for block in text.blocks:
        match = pattern.search(block.text.replace("\u00a0", " "))
        if match:
            return Span(block.start + match.start(), block.start + match.end(), block.anchor)
    return None


# Fidelity to the capture -----------------------------------------------------------

# A bullet the capture prints at the start of a line: a Markdown list item stands for it.
BULLETS = frozenset("•●○◦▪▫■□‣∙·►▸-–—*+")
_BULLET = "\x00bullet"  # a bullet list item's marker among the reading text's words
_ITEM_NUMBER = re.compile(r"\d{1,3}[.)]")  # an ordered list item's marker: "1." or "1)"


def omit_parts(line: str, parts: Iterable[str]) -> str:
    """The line without the parts declared omitted (each its first occurrence, however its
    spaces are broken); what stood on either side of a part is kept apart."""
    for part in parts:
        match = part_pattern(part).search(line)
        if match is not None:
            line = f"{line[: match.start()]} {line[match.end() :]}"
    return line


def part_pattern(part: str) -> re.Pattern[str]:
    """`part` as a pattern whose spaces match any run of whitespace, no-break spaces included."""
    return re.compile(r"\s+".join(re.escape(word) for word in part.split()))


def _line_words(line: str) -> list[str]:
    """A line's words; a bullet glued to the first word ("•Item") is a word of its own."""
    found = line.replace("\u00a0", " ").split()
    if found and len(found[0]) > 1 and found[0][0] in BULLETS and found[0][0] not in "-*+–—":
        found[:1] = [found[0][0], found[0][1:]]
    return found


def _capture_words(
    capture_lines: list[str], omitted: Mapping[int, tuple[str, ...] | None]
) -> tuple[list[str], list[int]]:
    words: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(capture_lines, start=1):
        parts = omitted.get(number, ())
        if parts is None:
            continue  # the whole line is left out
        found = _line_words(omit_parts(line, parts) if parts else line)
        words.extend(found)
        lines.extend([number] * len(found))
    return words, lines


def _reading_words(text: ArticleText) -> tuple[list[str], list[int]]:
    words: list[str] = []
    lines: list[int] = []
    for block in text.blocks:
        found = _line_words(block.text)
        if block.kind == "item":
            found.insert(0, block.marker or _BULLET)
        words.extend(found)
        lines.extend([block.source_line] * len(found))
    return words, lines


def _align(expected: list[str], actual: list[str]) -> tuple[int, int]:
    """How far the two agree: the positions in each of the first difference. A bullet list
    item's marker stands for the bullet the capture prints there, and for nothing where it prints
    none (or where the item repeats the bullet in its words)."""
    i = j = 0
    while i < len(expected) and j < len(actual):
        if actual[j] == _BULLET:
            following = actual[j + 1] if j + 1 < len(actual) else None
            if expected[i] in BULLETS and following != expected[i]:
                i += 1
            j += 1
            continue
        if (
            expected[i] in BULLETS
            and i + 1 < len(expected)
            and expected[i + 1] == actual[j]
            and _ITEM_NUMBER.fullmatch(actual[j]) is not None
        ):
            # "- 1. The first": a bullet before an item's number is the outer list's, which holds
            # no words of its own
            i += 1
            continue
        if expected[i] != actual[j]:
            break
        i, j = i + 1, j + 1
    while j < len(actual) and actual[j] == _BULLET and i >= len(expected):
        j += 1
    return i, j


def check_fidelity(
    text: ArticleText,
    capture_lines: list[str],
    omitted: Mapping[int, tuple[str, ...] | None],
    path: str,
    source: str,
) -> Diagnostic | None:
    """The reading text must be the capture's words, in order, minus the declared lines and
    parts of lines (`omitted`: line number -> the parts left out, or None for the whole line)."""
    expected, expected_lines = _capture_words(capture_lines, omitted)
    actual, actual_lines = _reading_words(text)
    if expected == actual and _BULLET not in actual:
        return None  # the same words: one comparison in C, not `_align`'s word by word
    i, j = _align(expected, actual)
    if i == len(expected) and j == len(actual):
        return None
    if i < len(expected) and j < len(actual):
        position = i
        context = " ".join(expected[max(0, position - 4) : position + 5])
        got = actual[j] if actual[j] != _BULLET else "- "
        hint = (
            "make the line a list item (`- ...`)"
            if expected[i] in BULLETS
            else "correct the transcription or declare the line in `omitted`"
        )
        return error(
            path,
            actual_lines[j],
            "body",
            f"differs from the capture: {got!r} where {source} line "
            f"{expected_lines[position]} has {expected[position]!r} (…{context}…); {hint}",
        )
    if i < len(expected):
        return error(
            path,
            text.blocks[-1].source_line if text.blocks else None,
            "body",
            f"ends early: {source} line {expected_lines[i]} continues with "
            f"{expected[i]!r}; transcribe it or declare the line in `omitted`",
        )
    return error(
        path,
        actual_lines[j],
        "body",
        f"has words the capture does not: {actual[j]!r} onwards",
    )
