"""The home page: what the corpus is, the latest texts, a compact timeline and the actors the texts
mention most."""

from __future__ import annotations

from natocorpus.link.pages import Page, make_page
from natocorpus.link.timeline import Timeline, timeline
from natocorpus.link.views import ActorRef, ArticleRef, PageContent
from natocorpus.link.xrefs import CrossReferences, actor_ref, method_sentence

HOME_ARTICLES = 12
HOME_ACTORS = 12


class HomeContext(PageContent, frozen=True):
    description: str
    method: str
    articles: tuple[ArticleRef, ...]
    """The latest texts, newest first (all of them in a small corpus)."""
    article_total: int
    timeline: Timeline
    top_actors: tuple[ActorRef, ...]

    @property
    def shows_latest_only(self) -> bool:
        return len(self.articles) < self.article_total


def home_page(xrefs: CrossReferences) -> Page:
    settings = xrefs.settings
    urls = xrefs.urls
    refs = tuple(xrefs.article_refs[a.id] for a in xrefs.articles)
    totals = xrefs.actor_totals
    top_actors = tuple(
        actor_ref(xrefs, a)
        for a in sorted(
            (a for a, n in totals.items() if n),
            key=lambda a: (-totals[a], xrefs.actor_names.get(a, a), a),
        )[:HOME_ACTORS]
    )
    website_ld = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.title,
        "description": settings.description,
        "url": urls.absolute(urls.page()),
        "inLanguage": settings.language,
        "potentialAction": {
            "@type": "SearchAction",
            "target": urls.absolute(urls.page("search/")) + "?q={query}",
            "query-input": "required name=query",
        },
    }
    return make_page(
        xrefs,
        "home",
        "",
        settings.title,
        settings.description,
        HomeContext(
            settings.description,
            method_sentence(xrefs),
            tuple(reversed(refs[-HOME_ARTICLES:])),
            len(refs),
            timeline(xrefs, compact=True),
            top_actors,
        ),
        jsonld=website_ld,
    )
