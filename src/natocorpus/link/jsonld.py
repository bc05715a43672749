"""The schema.org descriptions that pages carry as JSON-LD: actors and events (on their pages, and
on the pages of texts mentioning them), an article's publication, and the corpus as a Dataset
with its downloads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from natocorpus.link.urls import Urls
from natocorpus.model import Actor, ArticleMeta, CorpusSettings, Event, PartialDate


def schema_type(actor: Actor) -> str:
    return {
        "person": "Person",
        "state": "Country",
        "region": "Place",
        "document": "CreativeWork",
    }.get(actor.type, "Organization")


def actor_node(actor: Actor, urls: Urls) -> dict[str, object]:
    node: dict[str, object] = {
        "@type": schema_type(actor),
        "@id": urls.absolute(urls.actor(actor.id)),
        "name": actor.name,
        "url": urls.absolute(urls.actor(actor.id)),
    }
    if actor.description:
        node["description"] = actor.description
    if actor.wikidata:
        node["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
    return node


# schema.org's `attendee` is a Person or an Organization: a state takes part in an event as its
# government; documents and regions are what an event is about, not who attends it.
_NOT_ATTENDING = ("document", "region")


def attendee_node(actor: Actor, urls: Urls) -> dict[str, object]:
    """`actor` as a Person or Organization attending an event. A state's node has no `@id`: the
    actor's `@id` names the country, a place, which attends nothing."""
    node = actor_node(actor, urls)
    if actor.type == "state":
        del node["@id"]
        node["@type"] = "GovernmentOrganization"
    return node


def event_node(event: Event, urls: Urls, actors: Mapping[str, Actor]) -> dict[str, object]:
    node: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": urls.absolute(urls.event(event.id)),
        "name": event.name,
        "url": urls.absolute(urls.event(event.id)),
        "startDate": event.date.iso,
        "description": event.description,
    }
    if event.end_date:
        node["endDate"] = event.end_date.iso
    if event.place:
        node["location"] = {"@type": "Place", "name": event.place}
    participants = [actors[p] for p in event.participants if p in actors]
    attendees = [attendee_node(a, urls) for a in participants if a.type not in _NOT_ATTENDING]
    if attendees:
        node["attendee"] = attendees
    about = [actor_node(a, urls) for a in participants if a.type in _NOT_ATTENDING]
    if about:
        node["about"] = about
    return node


def publication(meta: ArticleMeta, language: str) -> dict[str, object]:
    """An article's language (that of its reading text, the corpus's) and its publisher (the
    outlet that published it, where one is known)."""
    node: dict[str, object] = {"inLanguage": language}
    outlet = meta.outlet.value if meta.outlet is not None else None
    if outlet:
        node["publisher"] = {"@type": "Organization", "name": outlet}
    return node


_MEDIA_TYPES = {
    ".csv": "text/csv",
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".txt": "text/plain",
}


def dataset_node(
    settings: CorpusSettings,
    urls: Urls,
    files: Sequence[tuple[str, str, str]],
    published: Sequence[PartialDate],
) -> dict[str, object]:
    """The corpus as a schema.org Dataset, described on the about page, each file under data/
    (path, format, description) one of its distributions."""
    about = urls.absolute(urls.page("about/"))
    node: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": f"{about}#dataset",
        "name": settings.title,
        "description": settings.description,
        "url": about,
        "inLanguage": settings.language,
        "isAccessibleForFree": True,
    }
    if settings.licence.url:
        node["license"] = settings.licence.url
    if published:
        first = min(published, key=lambda d: d.sort_key)
        last = max(published, key=lambda d: d.sort_key)
        node["temporalCoverage"] = f"{first.iso}/{last.iso}"
    node["distribution"] = [
        {
            "@type": "DataDownload",
            "name": path,
            "description": description,
            "encodingFormat": _MEDIA_TYPES.get(path[path.rfind(".") :], "application/octet-stream"),
            "contentUrl": urls.absolute(urls.page(f"data/{path}")),
        }
        for path, _format, description in files
    ]
    return node
