"""Where everything is: page addresses under the base URL, the file each page is written to, the
pages of a long index, and the layout of the search bundles.

A site of many searchable pages is indexed in parts, each a Pagefind bundle of its own that the
search page merges in the browser: pages go to parts by a hash of their path, so a part keeps its
pages from build to build. The search page links the bundles, so their folders are named here;
the search stage makes them.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

PAGEFIND_DIR = "pagefind"
# Pagefind held about 250 KiB per searchable page while it indexed (3.3 GiB for 13,000): parts of
# at most this many pages keep it under 1 GiB (a part of 2,200 pages peaked at 611 MiB).
PART_PAGES = 2_500


class Urls:
    """The addresses of the site's pages under `base_url`; absolute with `origin` (for example
    "https://example.org"), root-relative without it."""

    def __init__(self, base_url: str, origin: str | None) -> None:
        if not (base_url.startswith("/") and base_url.endswith("/")):
            raise ValueError(f"base_url must start and end with '/': {base_url!r}")
        self.base = base_url
        self.origin = origin.rstrip("/") if origin else ""

    def page(self, path: str = "") -> str:
        return self.base + path

    def absolute(self, url: str) -> str:
        return self.origin + url

    def article(self, id: str) -> str:
        return self.page(f"articles/{id}/")

    def actor(self, id: str) -> str:
        return self.page(f"actors/{id}/")

    def event(self, id: str) -> str:
        return self.page(f"events/{id}/")

    def paragraph(self, article_id: str, anchor: str) -> str:
        return f"{self.article(article_id)}#{anchor}"

    def index(self, index: str, number: int) -> str:
        """The address of page `number` of a paginated index."""
        return self.page(index_path(index, number))


def page_output(kind: str, path: str) -> str:
    """Where a page is written: its URL path as a folder with an index.html (404.html aside)."""
    return "404.html" if kind == "404" else f"{path}index.html"


def capture_path(source_file: str) -> str:
    """Where a capture is published: under sources/, its name ending in `.txt` whatever it was
    (`a.html` as `a.html.txt`), so that a host serves it as plain text, never as a live page."""
    return f"sources/{source_file.removesuffix('.txt')}.txt"


def index_path(index: str, number: int) -> str:
    """Page `number` (from 1) of a paginated index: articles/, articles/page/2/, ..."""
    return f"{index}/" if number == 1 else f"{index}/page/{number}/"


def search_parts(paths: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """`paths` (of the searchable pages) in parts of about PART_PAGES, each part's in order; one
    part where there are no more than PART_PAGES. A part no path falls in is left out."""
    count = max(1, math.ceil(len(paths) / PART_PAGES))
    parts: list[list[str]] = [[] for _ in range(count)]
    for path in paths:
        parts[part_of(path, count)].append(path)
    return tuple(tuple(part) for part in parts if part) or ((),)


def part_of(path: str, count: int) -> int:
    """The part of `count` that the page at `path` goes to."""
    return int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "big") % count


def bundle_folder(part: int) -> str:
    """The folder of part `part`'s bundle: the first is `pagefind/`, where a single index is."""
    return PAGEFIND_DIR if part == 0 else f"{PAGEFIND_DIR}-{part + 1}"
