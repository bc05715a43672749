"""One regex for many literal phrases: a trie of their characters, so that the regex engine tries
each position once per character rather than once per phrase."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex matching any of `phrases`, the longest first at each position."""
    trie: _Trie = {}
    end = ""  # key marking that a phrase ends at this node
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[end] = {}

    def build(node: _Trie) -> str:
        branches = [
            re.escape(char) + build(child) for char, child in sorted(node.items()) if char != end
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end in node:
            # Greedy optional: the longer phrase is tried first, the shorter one on backtracking.
            return f"(?:{body})?"
        return body

    return build(trie)
