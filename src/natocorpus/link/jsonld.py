"""The schema.org descriptions of actors and events that their pages, and the pages of texts
mentioning them, carry as JSON-LD."""

from __future__ import annotations

from collections.abc import Mapping

from natocorpus.link.urls import Urls
from natocorpus.model import Actor, Event


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
    performers = [actor_node(actors[p], urls) for p in event.participants if p in actors]
    if performers:
        node["attendee"] = performers
    return node
