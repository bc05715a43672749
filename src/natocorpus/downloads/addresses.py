"""The site addresses the downloads name, and where each article's plain reading text is."""

from __future__ import annotations

from natocorpus.link.urls import Urls


class Addresses:
    """The site addresses the tables name: absolute with the site's origin, root-relative
    without it."""

    def __init__(self, base_url: str, origin: str | None) -> None:
        self.urls = Urls(base_url, origin)

    def page(self, path: str) -> str:
        return self.urls.absolute(self.urls.page(path))

    def paragraph(self, article_id: str, anchor: str) -> str:
        return self.urls.absolute(self.urls.paragraph(article_id, anchor))


def text_file(article_id: str) -> str:
    """Where the plain reading text of an article is published: what every offset counts in."""
    return f"data/texts/{article_id}.txt"
