"""The knowledge base: the settings of corpus.yaml, the actors and the events."""

from __future__ import annotations

from natocorpus.diagnostics import Diagnostic, error
from natocorpus.load.fields import FieldReader
from natocorpus.load.files import CorpusFolder, FileError
from natocorpus.load.yamlsource import KeyPath, YamlDocument
from natocorpus.model import (
    Actor,
    CorpusSettings,
    Event,
    IgnoredPhrase,
    KnowledgeBase,
    Licence,
    StanceLevel,
    SurfaceForm,
)

ACTOR_TYPES = (
    "state",
    "organisation",
    "alliance",
    "grouping",
    "person",
    "institution",
    "region",
    "document",
)
EVENT_TYPES = (
    "summit",
    "ministerial",
    "meeting",
    "visit",
    "publication",
    "operation",
    "agreement",
    "other",
)


def load_knowledge(
    folder: CorpusFolder, diagnostics: list[Diagnostic]
) -> tuple[CorpusSettings | None, KnowledgeBase]:
    """corpus.yaml, actors.yaml and events.yaml, validated; every problem goes into
    `diagnostics`, and what could not be read is left out."""

    def document(name: str) -> YamlDocument | None:
        try:
            return folder.read_yaml(name)
        except FileError as problem:
            diagnostics.append(problem.diagnostic)
            return None

    settings_doc = document("corpus.yaml")
    settings = load_settings(settings_doc, diagnostics) if settings_doc else None
    actors_doc = document("actors.yaml")
    actors = load_actors(actors_doc, diagnostics) if actors_doc else ()
    events_doc = document("events.yaml")
    actor_ids = frozenset(actor.id for actor in actors)
    events = load_events(events_doc, actor_ids, diagnostics) if events_doc else ()
    _check_forms_unique(actors, events, actors_doc, events_doc, diagnostics)
    return settings, KnowledgeBase(actors, events)


# corpus.yaml -------------------------------------------------------------------


def load_settings(doc: YamlDocument, diagnostics: list[Diagnostic]) -> CorpusSettings | None:
    r = FieldReader(doc, diagnostics)
    if not isinstance(doc.data, dict):
        diagnostics.append(error(doc.path, 1, "(document)", "expected a mapping of settings"))
        return None
    title = r.attempt(lambda: r.string(("title",)))
    description = r.attempt(lambda: r.string(("description",)))
    language = r.attempt(lambda: r.string(("language",)))
    licence = r.attempt(
        lambda: Licence(
            name=r.string(("licence", "name")) or "",
            url=r.string(("licence", "url"), required=False),
            applies_to=r.string(("licence", "applies_to"), required=False),
        )
    )
    question = r.attempt(lambda: r.string(("stance_scale", "question")))
    levels: list[StanceLevel] = []
    for n, _ in enumerate(r.attempt(lambda: r.sequence(("stance_scale", "levels"))) or []):
        level = r.attempt(
            lambda i=n: StanceLevel(  # type: ignore[misc]
                r.integer(("stance_scale", "levels", i, "value")),
                r.string(("stance_scale", "levels", i, "label")) or "",
            )
        )
        if level is not None:
            levels.append(level)
    ignored: list[IgnoredPhrase] = []
    for n, _ in enumerate(r.attempt(lambda: r.sequence(("not_actors",), required=False)) or []):
        phrase = r.attempt(
            lambda i=n: IgnoredPhrase(  # type: ignore[misc]
                r.string(("not_actors", i, "text")) or "",
                r.string(("not_actors", i, "reason")) or "",
            )
        )
        if phrase is not None:
            ignored.append(phrase)
    if None in (title, description, language, licence, question) or not levels:
        if not levels:
            diagnostics.append(
                error(doc.path, doc.line(("stance_scale",)), "stance_scale.levels", "no levels")
            )
        return None
    assert title and description and language and licence and question
    return CorpusSettings(
        title=title,
        description=description,
        language=language,
        licence=licence,
        stance_question=question,
        stance_scale=tuple(sorted(levels, key=lambda level: level.value)),
        not_actors=tuple(ignored),
    )


# actors.yaml and events.yaml ------------------------------------------------------


def _forms(r: FieldReader, keypath: KeyPath) -> tuple[SurfaceForm, ...]:
    forms: list[SurfaceForm] = []
    items = r.sequence(keypath)
    if not items:
        raise r.fail(keypath, "give at least one surface form")
    for n, item in enumerate(items):
        path = (*keypath, n)
        if isinstance(item, dict):
            text = r.string((*path, "text"))
            unless = r.sequence((*path, "unless_after"), required=False)
            words = tuple(str(word) for word in unless if isinstance(word, str | int))
            forms.append(SurfaceForm(text or "", words))
        else:
            forms.append(SurfaceForm(r.string(path) or ""))
    return tuple(forms)


def load_actors(doc: YamlDocument, diagnostics: list[Diagnostic]) -> tuple[Actor, ...]:
    r = FieldReader(doc, diagnostics)
    if not isinstance(doc.data, list):
        diagnostics.append(error(doc.path, 1, "(document)", "expected a list of actors"))
        return ()
    actors: list[Actor] = []
    seen: dict[str, int | None] = {}
    for n, _ in enumerate(doc.data):

        def one(i: int = n) -> Actor:
            actor_id = r.slug((i, "id"))
            if actor_id in seen:
                raise r.fail((i, "id"), f"duplicate actor id {actor_id!r} (line {seen[actor_id]})")
            seen[actor_id] = doc.line((i, "id"))
            kind = r.string((i, "type")) or ""
            if kind not in ACTOR_TYPES:
                raise r.fail((i, "type"), f"{kind!r} is not one of {', '.join(ACTOR_TYPES)}")
            return Actor(
                id=actor_id,
                name=r.string((i, "name")) or "",
                type=kind,
                description=r.string((i, "description")) or "",
                wikidata=r.string((i, "wikidata"), required=False),
                forms=_forms(r, (i, "forms")),
            )

        actor = r.attempt(one)
        if actor is not None:
            actors.append(actor)
    return tuple(actors)


def load_events(
    doc: YamlDocument, actor_ids: frozenset[str], diagnostics: list[Diagnostic]
) -> tuple[Event, ...]:
    r = FieldReader(doc, diagnostics)
    if not isinstance(doc.data, list):
        diagnostics.append(error(doc.path, 1, "(document)", "expected a list of events"))
        return ()
    events: list[Event] = []
    seen: dict[str, int | None] = {}
    for n, _ in enumerate(doc.data):

        def one(i: int = n) -> Event:
            event_id = r.slug((i, "id"))
            if event_id in seen:
                raise r.fail((i, "id"), f"duplicate event id {event_id!r} (line {seen[event_id]})")
            if event_id in actor_ids:
                # Ids stand alone in the downloads (a mention's target, a table's key).
                raise r.fail((i, "id"), f"event id {event_id!r} is also an actor id")
            seen[event_id] = doc.line((i, "id"))
            kind = r.string((i, "type")) or ""
            if kind not in EVENT_TYPES:
                raise r.fail((i, "type"), f"{kind!r} is not one of {', '.join(EVENT_TYPES)}")
            participants = r.sequence((i, "participants"), required=False)
            for j, participant in enumerate(participants):
                if participant not in actor_ids:
                    raise r.fail((i, "participants", j), f"unknown actor id {participant!r}")
            end = r.get(doc.data, (i, "end_date"))
            forms = _forms(r, (i, "forms"))
            if any(form.unless_after for form in forms):
                raise r.fail((i, "forms"), "event forms take no rules")
            return Event(
                id=event_id,
                name=r.string((i, "name")) or "",
                type=kind,
                date=r.date((i, "date"), (i, "precision")),
                end_date=r.date((i, "end_date"), None) if end is not None else None,
                place=r.string((i, "place"), required=False),
                participants=tuple(str(p) for p in participants),
                description=r.string((i, "description")) or "",
                forms=tuple(form.text for form in forms),
            )

        event = r.attempt(one)
        if event is not None:
            events.append(event)
    return tuple(events)


def _check_forms_unique(
    actors: tuple[Actor, ...],
    events: tuple[Event, ...],
    actors_doc: YamlDocument | None,
    events_doc: YamlDocument | None,
    diagnostics: list[Diagnostic],
) -> None:
    """One surface form must name one thing, or the matcher would have to guess."""
    owner: dict[str, str] = {}
    for n, actor in enumerate(actors):
        for form in actor.forms:
            if form.text in owner and owner[form.text] != actor.id and actors_doc is not None:
                diagnostics.append(
                    error(
                        actors_doc.path,
                        actors_doc.line((n, "forms")),
                        f"[{n}].forms",
                        f"{form.text!r} is also a form of {owner[form.text]!r}",
                    )
                )
            owner.setdefault(form.text, actor.id)
    event_owner: dict[str, str] = {}
    for n, event in enumerate(events):
        for text in event.forms:
            if text in event_owner and event_owner[text] != event.id and events_doc is not None:
                diagnostics.append(
                    error(
                        events_doc.path,
                        events_doc.line((n, "forms")),
                        f"[{n}].forms",
                        f"{text!r} is also a form of {event_owner[text]!r}",
                    )
                )
            event_owner.setdefault(text, event.id)
