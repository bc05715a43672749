"""The reading text: the lines a capture keeps, as Markdown blocks escaped so that the text
compares equal to the capture."""

from __future__ import annotations

import re

from natocorpus.add.chrome import SECTION_LABELS
from natocorpus.add.records import Omission


def escape_inline(text: str) -> str:
    """Text with the characters CommonMark would read as markup escaped."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([`*\[<])", r"\\\1", text)
    text = re.sub(r"(?<![\w])_|_(?![\w])", r"\\_", text)
    return re.sub(r"&(?=#?\w+;)", r"\\&", text)


def escape_line(text: str) -> str:
    """A line of Markdown that reads as the text: inline markup escaped, and what the start of a
    line would make of it (a heading, a quote, a list, a rule, a fence)."""
    text = escape_inline(text)
    if re.match(r"[#>+=~|]|[-*_](?:\s|[-*_]|$)", text):
        return "\\" + text
    match = re.match(r"(\d{1,9})([.)])(\s|$)", text)
    if match:
        return f"{match.group(1)}\\{text[len(match.group(1)) :]}"
    return text


def _bullet(line: str) -> str | None:
    """The line's text after its bullet, if it opens with one."""
    match = re.match(r"^\s*(?:[•●○◦▪▫■□‣∙►▸]\s*|[-*–]\s+)(?P<rest>\S.*)$", line)
    return match.group("rest") if match else None


_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,9})\.\s+(?P<rest>\S.*)$")


def _heading_like(line: str, following: str | None) -> bool:
    if following is None:
        return False
    words = line.split()
    if line.lower().rstrip(" :") in SECTION_LABELS:
        return True
    if re.search(r"[.,;:!?…\"”»)]$", line) or not line[0].isupper():
        return False
    if line.upper() == line and any(c.isalpha() for c in line) and len(words) <= 20:
        return True
    return len(words) <= 10 and len(following.split()) > 2 * len(words)


def reading_markdown(lines: list[str], kept: list[int], omitted: dict[int, Omission]) -> str:
    """The reading text: the kept lines as Markdown blocks, escaped."""
    texts: list[tuple[int, str]] = []
    for n in kept:
        line = lines[n - 1]
        if n in omitted:  # a part of the line is left out
            part = omitted[n].text
            line = line.replace(part, " ", 1)
        line = " ".join(line.split())
        if line:
            texts.append((n, line))
    blocks: list[str] = []
    kinds: list[str] = []
    expected_number: int | None = None
    for index, (n, line) in enumerate(texts):
        following = texts[index + 1][1] if index + 1 < len(texts) else None
        bullet = _bullet(line)
        numbered = _NUMBERED.match(line)
        adjacent = index > 0 and texts[index - 1][0] == n - 1
        if bullet is not None:
            block, kind = f"- {escape_inline(bullet)}", "bullet"
        elif numbered and (
            int(numbered["number"]) == expected_number
            or (kinds[-1:] != ["ordered"] and numbered["number"] != "0")
        ):
            number = int(numbered["number"])
            block, kind = f"{number}. {escape_inline(numbered['rest'])}", "ordered"
        elif _heading_like(line, following) and not _NUMBERED.match(line):
            heading = re.sub(r"#+$", lambda m: "\\#" * len(m.group()), escape_inline(line))
            block, kind = f"## {heading}", "heading"
        elif (
            adjacent
            and kinds[-1:] == ["paragraph"]
            and not re.search(r"[.!?:\"”»)]$", texts[index - 1][1])
            and line[0].islower()
        ):
            blocks[-1] += "\n" + escape_line(line)  # a line wrapped within its paragraph
            continue
        else:
            block, kind = escape_line(line), "paragraph"
        expected_number = int(numbered["number"]) + 1 if kind == "ordered" and numbered else None
        if kinds and kinds[-1] == kind and kind in ("bullet", "ordered"):
            blocks[-1] += "\n" + block
        else:
            blocks.append(block)
            kinds.append(kind)
    return "\n\n".join(blocks) + "\n"
