"""One regex for many literal phrases: a trie of their characters, so that the regex engine tries
each position once per character rather than once per phrase."""

from __future__ import annotations

import re
from collections.abc import Iterable

from natocorpus.annotate.phrases import lowered

_Trie = dict[str, "_Trie"]


def trie_pattern(phrases: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regex matching any of `phrases`, the longest first at each position; with
    `ignore_case`, for a pattern compiled to ignore case, whose characters that differ only by
    case (as `re` reads them: "İ" is "i") must share the trie's one branch."""
    trie: _Trie = {}
    end = ""  # key marking that a phrase ends at this node
    for phrase in phrases:
        node = trie
        for char in lowered(phrase) if ignore_case else phrase:
            node = node.setdefault(char, {})
        node[end] = {}

    def build(node: _Trie) -> str:
        run = []  # characters every phrase through here goes on with: one literal
        while len(node) == 1 and end not in node:
            ((char, node),) = node.items()
            run.append(char)
        literal = re.escape("".join(run))
        # Characters after which the same phrases go on share one class: spellings of a phrase
        # that differ by a quote, a hyphen or an "s" for a "z" are written once, and the pattern
        # is shorter to compile.
        after: dict[str, list[str]] = {}
        for char, child in node.items():
            if char != end:
                after.setdefault(build(child), []).append(char)
        branches = sorted(_one_of(chars) + rest for rest, chars in after.items())
        if not branches:
            return literal
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end in node:
            # Greedy optional: the longer phrase is tried first, the shorter one on backtracking.
            return f"{literal}(?:{body})?"
        return literal + body

    return build(trie)


def _one_of(chars: list[str]) -> str:
    if len(chars) == 1:
        return re.escape(chars[0])
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"
