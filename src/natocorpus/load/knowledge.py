"""The knowledge base: the settings of corpus.yaml, the actors and the events."""

from __future__ import annotations

import re

from natocorpus.diagnostics import Diagnostic, error, warning
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
    PartialDate,
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
# A language tag as BCP 47 (RFC 5646) writes one: language, then script, region, variants,
# extensions and a private use part, each optional; or a private use tag alone. Pagefind puts the
# tag in the names of the files it writes, and every page in its `lang`.
LANGUAGE_TAG_RE = re.compile(
    r"(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})"
    r"(?:-[a-z]{4})?"
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?"
    r"|x(?:-[a-z0-9]{1,8})+)",
    re.IGNORECASE | re.ASCII,
)
EVENT_TYPES = (
    "summit",
    "ministerial",
    "meeting",
    "visit",
    "publication",
    "operation",
    "agreement",
    "accession",
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
    if actors_doc is not None:
        for n, actor in enumerate(actors):
            _check_names(actor.id, [f.text for f in actor.forms], actors_doc, n, diagnostics)
    if events_doc is not None:
        for n, event in enumerate(events):
            _check_names(event.id, event.forms, events_doc, n, diagnostics)
    blocking = tuple(item.text for item in settings.not_actors) if settings else ()
    return settings, KnowledgeBase(actors, events, blocking)


# corpus.yaml -------------------------------------------------------------------


def load_settings(doc: YamlDocument, diagnostics: list[Diagnostic]) -> CorpusSettings | None:
    r = FieldReader(doc, diagnostics)
    if not isinstance(doc.data, dict):
        diagnostics.append(error(doc.path, 1, "(document)", "expected a mapping of settings"))
        return None
    title = r.attempt(lambda: r.string(("title",)))
    description = r.attempt(lambda: r.string(("description",)))
    language = r.attempt(lambda: _language(r))
    licence = r.attempt(
        lambda: Licence(
            name=r.string(("licence", "name")) or "",
            url=r.web_url(("licence", "url"), required=False),
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
    genres = _vocabulary(r, "genres")
    completeness = _vocabulary(r, "completeness")
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
        genres=genres,
        completeness=completeness,
    )


def _language(r: FieldReader) -> str:
    tag = r.string(("language",)) or ""
    if not LANGUAGE_TAG_RE.fullmatch(tag):
        raise r.fail(
            ("language",), f"{tag!r} is not a language tag (BCP 47), such as en, fr or pt-BR"
        )
    return tag


def _vocabulary(r: FieldReader, key: str) -> tuple[str, ...]:
    """A list of the values an article field may take (`genres: [opinion, news]`), if declared."""
    items = r.attempt(lambda: r.sequence((key,), required=False)) or []
    values = (r.attempt(lambda i=n: r.string((key, i))) for n in range(len(items)))  # type: ignore[misc]
    return tuple(value for value in values if value)


# actors.yaml and events.yaml ------------------------------------------------------


def _forms(r: FieldReader, keypath: KeyPath, *, required: bool = True) -> tuple[SurfaceForm, ...]:
    forms: list[SurfaceForm] = []
    items = r.sequence(keypath, required=required)
    if not items and required:
        raise r.fail(keypath, "give at least one surface form")
    for n, item in enumerate(items):
        path = (*keypath, n)
        if isinstance(item, dict):
            text = r.string((*path, "text"))
            unless = r.sequence((*path, "unless_after"), required=False)
            words = tuple(r.string((*path, "unless_after", k)) or "" for k in range(len(unless)))
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
                since=(
                    r.date((i, "since"), None)
                    if r.get(doc.data, (i, "since")) is not None
                    else None
                ),
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
                r.string((i, "participants", j))  # an id is text: a list here is reported
                if participant not in actor_ids:
                    raise r.fail((i, "participants", j), f"unknown actor id {participant!r}")
            end = r.get(doc.data, (i, "end_date"))
            forms = _forms(r, (i, "forms"), required=False)
            if any(form.unless_after for form in forms):
                raise r.fail((i, "forms"), "event forms take no rules")
            generic = tuple(
                r.string((i, "generic", j)) or ""
                for j, _ in enumerate(r.sequence((i, "generic"), required=False))
            )
            event = Event(
                id=event_id,
                name=r.string((i, "name")) or "",
                type=kind,
                date=r.date((i, "date"), (i, "precision")),
                end_date=r.date((i, "end_date"), None) if end is not None else None,
                place=r.string((i, "place"), required=False),
                participants=tuple(str(p) for p in participants),
                description=r.string((i, "description")) or "",
                forms=tuple(form.text for form in forms),
                generic=generic,
            )
            if event.end_date is not None and _ends_before_it_begins(event.date, event.end_date):
                raise r.fail(
                    (i, "end_date"),
                    f"{event.end_date.iso!r} is before the event's date {event.date.iso!r}",
                )
            return event

        event = r.attempt(one)
        if event is not None:
            events.append(event)
    return tuple(events)


def _ends_before_it_begins(date: PartialDate, end_date: PartialDate) -> bool:
    """Whether the last day `end_date` may stand for is before the first `date` may stand for."""
    last = (end_date.year, end_date.month or 12, end_date.day or 31)
    return last < (date.year, date.month or 1, date.day or 1)


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
            # An actor and an event of one id are one thing (a document that is also an event).
            if text in owner and owner[text] != event.id and events_doc is not None:
                diagnostics.append(
                    error(
                        events_doc.path,
                        events_doc.line((n, "forms")),
                        f"[{n}].forms",
                        f"{text!r} of the event {event.id!r} is also a form of the actor "
                        f"{owner[text]!r}; a form names one actor or one event",
                    )
                )


# Forms that do not look like names ---------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PRONOUNS = _wordset(
    "i me he him his she her hers it its we us our they them their this that these those "
    "who which what here there such"
)
_VERBS = _wordset(
    "is are was were be been being has have had do does did made make makes said says say "
    "dates date agreed signed joined met held took take takes gave give put announced "
    "proposed established released published prepared adopted outlining outlined "
    "participated invited visited launched"
)
_DATE_WORDS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|\d{1,4}(?:st|nd|rd|th|s)?|year|years|month|months|last|next|this|the|early|late|mid"
    r"|since|in|on|from|until|till|by|of|during|before|after|recent|,)"
)
_BARE_DATE = re.compile(rf"^(?:{_DATE_WORDS}\s*)+$", re.IGNORECASE)


def name_problem(form: str) -> str | None:
    """Why `form` does not look like a way of naming something, or None when it does."""
    words = re.findall(r"[\w’'.-]+", form)
    if not words:
        return "it has no words"
    if _BARE_DATE.match(form):
        return "it is a bare date phrase"
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", form) and "." in form[1:-1]:
        return None  # a web address names its site
    if words[0].lower() in _PRONOUNS and not (len(words[0]) > 1 and words[0].isupper()):
        return f"it begins with the pronoun or determiner {words[0]!r}"
    if not any(char.isupper() for char in form):
        return "it is all lower-case words"
    verbs = [w for w in words if w in _VERBS or (w.islower() and len(w) > 4 and w.endswith("ed"))]
    if verbs:
        return f"it reads as a verb phrase ({verbs[0]!r})"
    return None


def _check_names(
    owner: str,
    forms: list[str] | tuple[str, ...],
    doc: YamlDocument,
    index: int,
    diagnostics: list[Diagnostic],
) -> None:
    """A warning for each form that reads as a passage of one text rather than as a name: such a
    reference belongs to that article's front matter (`mentions`)."""
    for n, form in enumerate(forms):
        problem = name_problem(form)
        if problem is not None:
            diagnostics.append(
                warning(
                    doc.path,
                    doc.line((index, "forms", n)) or doc.line((index, "forms")),
                    f"[{index}].forms",
                    f"{form!r} of {owner!r} does not look like a name ({problem}): a passage "
                    "that refers to it in one article belongs in that article's `mentions`",
                )
            )
