"""The one-article edit of benchmarks/run.py and compare_commits.py: one body word changed the same
way in an article's reading text and in its capture, so that the corpus stays valid."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Edit:
    article: Path
    capture: Path
    article_text: str
    capture_text: str
    line: str
    word_start: int
    word_end: int

    def apply(self, variant: int) -> None:
        """Change one body word, the same way in the reading text and in the capture."""
        word = self.line[self.word_start : self.word_end]
        new = self.line[: self.word_start] + word + "x" * variant + self.line[self.word_end :]
        front, body = split_front(self.article_text)
        self.article.write_text(front + body.replace(self.line, new, 1), encoding="utf-8")
        self.capture.write_text(self.capture_text.replace(self.line, new, 1), encoding="utf-8")

    def restore(self) -> None:
        self.article.write_text(self.article_text, encoding="utf-8")
        self.capture.write_text(self.capture_text, encoding="utf-8")


def split_front(text: str) -> tuple[str, str]:
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end], text[end:]


def protected_strings(front: str) -> list[str]:
    """Every `stated` quote and stance evidence quote: an edit must leave them intact."""
    data = yaml.safe_load(front.strip().strip("-"))
    found: list[str] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key in ("stated", "evidence"):
            found.append(" ".join(node.split()))

    walk(data)
    return found


def find_edit(corpus: Path) -> Edit:
    """The last lowercase word of a paragraph line shared verbatim by reading text and capture."""
    for article in sorted((corpus / "articles").glob("*.md")):
        text = article.read_text(encoding="utf-8")
        front, body = split_front(text)
        source = re.search(r"^source_file:\s*(\S+)", front, re.MULTILINE)
        if not source:
            continue
        capture = corpus / "sources" / source.group(1).strip("\"'")
        capture_text = capture.read_text(encoding="utf-8")
        capture_lines = set(capture_text.split("\n"))
        protected = protected_strings(front)
        for line in reversed(body.split("\n")):
            if len(line) < 40 or line.startswith(("#", "-", "*", ">")) or line not in capture_lines:
                continue
            words = list(re.finditer(r"(?<![\w’'-])[a-z]{4,}(?![\w’'-])", line))
            for match in reversed(words):
                edited = line[: match.end()] + "x" + line[match.end() :]
                flat_old, flat_new = " ".join(line.split()), " ".join(edited.split())
                if all(q in flat_new for q in protected if q in flat_old):
                    return Edit(
                        article, capture, text, capture_text, line, match.start(), match.end()
                    )
    raise RuntimeError(f"no editable paragraph found in {corpus}")
