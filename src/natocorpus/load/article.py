"""An article file: its front matter validated field by field, each against the capture it names.

A field the text states quotes the capture (`stated:`); one it does not gives its basis
(`inferred:`). Every bad field is reported with its line, and the article is loaded only when
none is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import msgspec
from frontmatter.default_handlers import YAMLHandler

from natocorpus.diagnostics import Diagnostic, error
from natocorpus.load.fields import CONTROL_RE, FieldReader, control_message
from natocorpus.load.files import CorpusFolder, FileError, decode_text, long_name_problem
from natocorpus.load.reading import (
    check_fidelity,
    locate_quote,
    normalise_space,
    parse_reading_text,
    part_pattern,
)
from natocorpus.load.yamlsource import KeyPath, YamlDocument, YamlError, field_name, parse_yaml
from natocorpus.model import (
    ArticleMeta,
    ArticleText,
    CorpusSettings,
    DateWithoutEvent,
    EvidenceQuote,
    Field,
    KnowledgeBase,
    LoadedArticle,
    OmittedLine,
    PartialDate,
    PassageMention,
    Person,
    Provenance,
    Span,
    Stance,
)

COMPLETENESS = ("full", "excerpt", "abstract-with-references")

# The keys of the front matter, and of the mappings inside its fields.
_PROVENANCE = frozenset({"value", "stated", "inferred"})
FIELDS: dict[str, frozenset[str] | None] = {
    "id": None,
    "source_file": None,
    **{
        name: _PROVENANCE
        for name in (
            "title",
            "authors",
            "outlet",
            "original_outlet",
            "translated_from",
            "genre",
            "completeness",
            "source_url",
            "doi",
            "volume",
            "issue",
            "pages",
            "accessed",
            "themes",
        )
    },
    "published": _PROVENANCE | {"precision"},
    "stance": frozenset({"value", "rationale", "evidence"}),
    "omitted": frozenset({"line", "text", "reason"}),
    "mentions": frozenset({"passage", "text", "actor", "event"}),
    "dates_without_event": frozenset({"passage", "reason"}),
}
_LISTS = {"omitted", "mentions", "dates_without_event"}  # lists of mappings
_AUTHOR = frozenset({"name", "family", "given", "affiliation"})
# A value left to fill in, as `natocorpus add` writes it: TODO, or "TODO: what to write".
PLACEHOLDER = re.compile(r"^TODO(?::\s*|$)")


def load_article(
    path: Path,
    folder: CorpusFolder,
    settings: CorpusSettings | None,
    diagnostics: list[Diagnostic],
    knowledge: KnowledgeBase | None = None,
) -> LoadedArticle | None:
    """The article at `path`, or None where it is not sound; every problem goes into
    `diagnostics`."""
    shown = folder.shown(path)
    parts = _front_matter(path, folder, diagnostics)
    if parts is None:
        return None
    doc, body, body_line = parts
    local: list[Diagnostic] = []
    r = FieldReader(doc, local)
    # Each of these is the one root cause of the problems in its field, reported alone.
    causes: list[Diagnostic] = []
    settled = _unknown_keys(doc, causes) | _placeholders(doc, causes)
    article_id = r.attempt(lambda: _id(r, path))
    source_file = r.attempt(lambda: r.string(("source_file",)))
    capture = _read_capture(r, folder, source_file)
    described = _describe(r, capture, settings)
    reading = parse_reading_text(body, body_line)
    if not reading.blocks:
        local.append(error(shown, body_line, "body", "the reading text is empty"))
    control = CONTROL_RE.search(body)
    if control is not None:
        line = body_line + body.count("\n", 0, control.start())
        local.append(error(shown, line, "body", control_message(control.group())))
    stance = r.attempt(lambda: _stance(r, settings, reading))
    passages = _passages(r, knowledge, reading)
    undated = r.attempt(lambda: _dates_without_event(r, reading))
    if capture.lines and described.omitted is not None and reading.blocks:
        left_out: dict[int, tuple[str, ...] | None] = {}
        for omission in described.omitted:
            if omission.part:
                pieces = left_out.get(omission.line, ())
                if pieces is not None:
                    left_out[omission.line] = (*pieces, omission.text)
            else:
                left_out[omission.line] = None
        difference = check_fidelity(
            reading, capture.lines, left_out, shown, f"sources/{source_file}"
        )
        if difference is not None:
            local.append(difference)
    local = causes + [d for d in local if _root(d.field) not in settled]
    diagnostics.extend(local)
    if local:
        return None
    assert article_id and source_file and capture.content is not None and stance
    meta = msgspec.structs.replace(
        described.meta(article_id, source_file, stance),
        passages=passages or (),
        dates_without_event=undated or (),
    )
    return LoadedArticle(
        path=shown,
        meta=meta,
        text=reading,
        capture=capture.content,
    )


def _front_matter(
    path: Path, folder: CorpusFolder, diagnostics: list[Diagnostic]
) -> tuple[YamlDocument, str, int] | None:
    """The front matter, the body, and the file line where the body begins."""
    shown = folder.shown(path)
    try:
        text = folder.read_text(path)
    except FileError as problem:
        diagnostics.append(problem.diagnostic)
        return None
    if not text.startswith("---\n"):
        diagnostics.append(
            error(shown, 1, "front matter", "the file must begin with a `---` front matter block")
        )
        return None
    if not re.search(r"^---[ \t]*$", text[4:], re.M):
        diagnostics.append(
            error(
                shown,
                1,
                "front matter",
                "the front matter opened on this line is never closed: end it with a line `---` "
                "before the reading text",
            )
        )
        return None
    front, body = YAMLHandler().split(text)
    body_line = text[: len(text) - len(body)].count("\n") + 1
    try:
        doc = parse_yaml(front, shown, first_line=1)
    except YamlError as exc:
        diagnostics.append(exc.diagnostic)
        return None
    if not isinstance(doc.data, dict):
        diagnostics.append(error(shown, 2, "front matter", "expected a mapping of fields"))
        return None
    return doc, body, body_line


class _Capture(NamedTuple):
    """The capture an article names, as far as it could be read."""

    content: bytes | None
    lines: list[str]
    # Its text with runs of whitespace as one space, to find stated quotes in; None where the
    # capture could not be read (that is the one error: quotes are not checked against nothing).
    flat: str | None


def _read_capture(r: FieldReader, folder: CorpusFolder, source_file: str | None) -> _Capture:
    content: bytes | None = None
    lines: list[str] = []
    if source_file is not None:
        source_path = folder.path / "sources" / source_file
        if "/" in source_file or "\\" in source_file or source_file in (".", ".."):
            r.fail(("source_file",), "must be a file name under sources/, without folders")
        elif (too_long := long_name_problem(source_file)) is not None:
            r.fail(("source_file",), f"is {too_long}")
        elif not source_path.is_file():
            r.fail(("source_file",), f"sources/{source_file} does not exist")
        else:
            try:
                content = folder.read_bytes(source_path)
                lines = decode_text(content, folder.shown(source_path)).split("\n")
            except FileError as problem:
                r.diagnostics.append(problem.diagnostic)
    flat = normalise_space(" ".join(lines)) if content is not None else None
    return _Capture(content, lines, flat)


class _Described(NamedTuple):
    """The article's fields besides its id, source and stance; None where a field is bad."""

    title: Field[str] | None
    outlet: Field[str | None] | None
    original_outlet: Field[str] | None
    translated_from: Field[str] | None
    genre: Field[str] | None
    source_url: Field[str] | None
    doi: Field[str] | None
    authors: Field[tuple[Person, ...]] | None
    published: Field[PartialDate] | None
    themes: Field[tuple[str, ...]] | None
    completeness: Field[str] | None
    omitted: tuple[OmittedLine, ...] | None
    volume: Field[str] | None
    issue: Field[str] | None
    pages: Field[str] | None
    accessed: Field[PartialDate] | None

    def meta(self, article_id: str, source_file: str, stance: Stance) -> ArticleMeta:
        """The article's metadata, once every field is known to be good."""
        assert self.title and self.outlet and self.genre and self.completeness
        assert self.authors and self.published and self.themes and self.omitted is not None
        return ArticleMeta(
            id=article_id,
            source_file=source_file,
            title=self.title,
            authors=self.authors,
            outlet=self.outlet,
            original_outlet=self.original_outlet,
            translated_from=self.translated_from,
            published=self.published,
            genre=self.genre,
            completeness=self.completeness,
            source_url=self.source_url,
            doi=self.doi,
            themes=self.themes,
            stance=stance,
            omitted=self.omitted,
            volume=self.volume,
            issue=self.issue,
            pages=self.pages,
            accessed=self.accessed,
        )


def _describe(r: FieldReader, capture: _Capture, settings: CorpusSettings | None) -> _Described:
    flat = capture.flat
    genres = settings.genres if settings is not None else ()
    levels = (settings.completeness if settings is not None else ()) or COMPLETENESS

    def text(name: str, *, required: bool = True) -> Field[str] | None:
        return r.attempt(lambda: _text_field(r, name, flat, required=required))

    # Keyword arguments are evaluated as written: this is the order the problems are found in.
    return _Described(
        title=text("title"),
        outlet=r.attempt(lambda: _outlet(r, flat)),
        original_outlet=text("original_outlet", required=False),
        translated_from=text("translated_from", required=False),
        genre=r.attempt(lambda: _one_of(r, "genre", flat, genres, "genres")),
        source_url=r.attempt(lambda: _web_url_field(r, "source_url", flat)),
        doi=text("doi", required=False),
        authors=r.attempt(lambda: _authors(r, flat)),
        published=r.attempt(lambda: _published(r, flat)),
        themes=r.attempt(lambda: _themes(r, flat)),
        completeness=r.attempt(lambda: _one_of(r, "completeness", flat, levels, "completeness")),
        omitted=r.attempt(lambda: _omitted(r, capture.lines)),
        volume=text("volume", required=False),
        issue=text("issue", required=False),
        pages=text("pages", required=False),
        accessed=r.attempt(lambda: _accessed(r, flat)),
    )


def _provenance(r: FieldReader, keypath: KeyPath, capture_flat: str | None) -> Provenance:
    stated = r.get(r.doc.data, (*keypath, "stated"))
    inferred = r.get(r.doc.data, (*keypath, "inferred"))
    if stated is not None and inferred is not None:
        raise r.fail(keypath, "give either `stated` or `inferred`, not both")
    if stated is None and inferred is None:
        raise r.fail(
            keypath,
            "say where this comes from: `stated: <the words of the text>` or "
            "`inferred: <the basis of the judgement>`",
        )
    if stated is not None:
        quote = r.string((*keypath, "stated"))
        assert quote is not None
        if capture_flat is not None and normalise_space(quote) not in capture_flat:
            raise r.fail((*keypath, "stated"), f"the capture does not contain {quote!r}")
        return Provenance("stated", quote=quote)
    basis = r.string((*keypath, "inferred"))
    return Provenance("inferred", basis=basis)


def _text_field(
    r: FieldReader, name: str, capture_flat: str | None, *, required: bool = True
) -> Field[str] | None:
    if r.get(r.doc.data, (name,)) is None:
        if required:
            raise r.fail((name,), "required field is missing")
        return None
    r.mapping((name,))
    value = r.string((name, "value"))
    assert value is not None
    return Field(value, _provenance(r, (name,), capture_flat))


def _web_url_field(r: FieldReader, name: str, capture_flat: str | None) -> Field[str] | None:
    """An optional field whose value is an http(s) address, as it becomes a link."""
    result = _text_field(r, name, capture_flat, required=False)
    if result is not None:
        r.web_url((name, "value"))
    return result


def _one_of(
    r: FieldReader, name: str, capture_flat: str | None, allowed: tuple[str, ...], listed: str
) -> Field[str]:
    """A text field whose value is one of those corpus.yaml lists under `listed` (any value
    where the list is empty)."""
    result = _text_field(r, name, capture_flat)
    assert result is not None
    if allowed and result.value not in allowed:
        raise r.fail(
            (name, "value"),
            f"{result.value!r} is not one of {', '.join(allowed)} (corpus.yaml, `{listed}`)"
            + _did_you_mean(result.value, allowed),
        )
    return result


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f": did you mean `{close[0]}`?" if close else ""


def _id(r: FieldReader, path: Path) -> str:
    """The article's id, which is its file's name."""
    value = r.slug(("id",))
    if value != path.stem:
        raise r.fail(
            ("id",),
            f"{value!r} does not match the file name {path.name}: the id is the file's name "
            "without .md (rename one or the other)",
        )
    return value


def _root(field: str) -> str:
    """`stance.evidence[0]` -> `stance`."""
    return re.split(r"[.\[]", field, maxsplit=1)[0]


def _unknown_keys(doc: YamlDocument, diagnostics: list[Diagnostic]) -> set[str]:
    """An error for each key the front matter does not know, with the nearest known one; the
    fields they stand in (or may be a misspelling of) are settled by it."""
    data = doc.data
    settled: set[str] = set()

    def report(keypath: KeyPath, known: Iterable[str]) -> None:
        key = str(keypath[-1])
        hint = _did_you_mean(key, known) or f": the keys here are {', '.join(sorted(known))}"
        diagnostics.append(
            error(doc.path, doc.line(keypath), field_name(keypath), f"unknown key `{key}`{hint}")
        )

    def check(value: object, keypath: KeyPath, known: frozenset[str]) -> None:
        if isinstance(value, dict):
            for key in value:
                if key not in known:
                    report((*keypath, key), known)
                    settled.add(str(keypath[0]))

    for key, value in data.items():
        if key not in FIELDS:
            report((key,), FIELDS)
            close = difflib.get_close_matches(str(key), list(FIELDS), n=1, cutoff=0.6)
            if close and close[0] not in data:
                settled.add(close[0])  # its "required field is missing" is this
            continue
        known = FIELDS[key]
        if known is None:
            continue
        if key in _LISTS:
            for n, item in enumerate(value if isinstance(value, list) else []):
                check(item, (key, n), known)
            continue
        check(value, (key,), known)
        if key == "authors" and isinstance(value, dict) and isinstance(value.get("value"), list):
            for n, person in enumerate(value["value"]):
                check(person, ("authors", "value", n), _AUTHOR)
    return settled


def _placeholders(doc: YamlDocument, diagnostics: list[Diagnostic]) -> set[str]:
    """One error for each field that holds a value left to fill in (`TODO`, or `"TODO: what to
    write"`), saying what to write; the field is not checked further until it is filled."""
    found: dict[str, tuple[KeyPath, str]] = {}

    def walk(value: object, keypath: KeyPath) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, (*keypath, key))
        elif isinstance(value, list):
            for n, inner in enumerate(value):
                walk(inner, (*keypath, n))
        elif isinstance(value, str) and PLACEHOLDER.match(value):
            root = str(keypath[0])
            what = PLACEHOLDER.sub("", value, count=1).strip()
            if root not in found:
                found[root] = (keypath, what)
            elif what and not found[root][1]:
                found[root] = (found[root][0], what)

    for key, value in doc.data.items():
        walk(value, (key,))
    for root, (keypath, what) in found.items():
        diagnostics.append(
            error(
                doc.path,
                doc.line(keypath),
                root,
                "not filled in yet" + (f": {what}" if what else ": replace TODO"),
            )
        )
    return set(found)


def _outlet(r: FieldReader, capture_flat: str | None) -> Field[str | None]:
    """The outlet; `value: null` where none is known, with the basis for saying so."""
    if r.get(r.doc.data, ("outlet",)) is None:
        raise r.fail(("outlet",), "required field is missing")
    r.mapping(("outlet",))
    value = r.string(("outlet", "value"), required=False)
    provenance = _provenance(r, ("outlet",), capture_flat)
    if value is None and provenance.is_stated:
        raise r.fail(
            ("outlet", "stated"),
            "an outlet the text does not name cannot be stated: say why with `inferred:`",
        )
    return Field(value, provenance)


def _authors(r: FieldReader, capture_flat: str | None) -> Field[tuple[Person, ...]]:
    r.mapping(("authors",))
    people: list[Person] = []
    for n, _ in enumerate(r.sequence(("authors", "value"))):
        path = ("authors", "value", n)
        name = r.string((*path, "name")) or ""
        family = r.string((*path, "family"), required=False)
        given = r.string((*path, "given"), required=False)
        if (family is None) != (given is None):
            missing = "given" if given is None else "family"
            raise r.fail(
                (*path, missing),
                "give both `family` and `given`, or neither (a name cited as it stands)",
            )
        for part, value in (("family", family), ("given", given)):
            if value is not None and value not in name:
                raise r.fail((*path, part), f"{value!r} is not part of the name {name!r}")
        people.append(
            Person(
                name=name,
                affiliation=r.string((*path, "affiliation"), required=False),
                family=family,
                given=given,
            )
        )
    return Field(tuple(people), _provenance(r, ("authors",), capture_flat))


def _accessed(r: FieldReader, capture_flat: str | None) -> Field[PartialDate] | None:
    """The day the capture was taken from its source URL (optional)."""
    if r.get(r.doc.data, ("accessed",)) is None:
        return None
    r.mapping(("accessed",))
    date = r.date(("accessed", "value"), None)
    if date.precision != "day":
        raise r.fail(("accessed", "value"), "an access date is a day: write YYYY-MM-DD, quoted")
    if r.get(r.doc.data, ("source_url",)) is None:
        raise r.fail(("accessed",), "an access date needs the `source_url` it was accessed at")
    return Field(date, _provenance(r, ("accessed",), capture_flat))


def _published(r: FieldReader, capture_flat: str | None) -> Field[PartialDate]:
    r.mapping(("published",))
    date = r.date(("published", "value"), ("published", "precision"))
    provenance = _provenance(r, ("published",), capture_flat)
    if date.precision == "day" and not provenance.is_stated:
        raise r.fail(
            ("published", "precision"),
            "a day can only be stated by the text, never inferred; use month or year",
        )
    return Field(date, provenance)


def _themes(r: FieldReader, capture_flat: str | None) -> Field[tuple[str, ...]]:
    r.mapping(("themes",))
    values = r.sequence(("themes", "value"))
    items = tuple(r.string(("themes", "value", i)) or "" for i in range(len(values)))
    return Field(items, _provenance(r, ("themes",), capture_flat))


def _omitted(r: FieldReader, capture_lines: list[str]) -> tuple[OmittedLine, ...]:
    """The capture's lines the reading text leaves out, each quoted as the capture has it, or
    the part of a line it leaves out, quoted exactly (a site's header glued to the lead)."""
    lines: list[OmittedLine] = []
    for n, _ in enumerate(r.sequence(("omitted",), required=False)):
        number = r.integer(("omitted", n, "line"))
        declared = r.string(("omitted", n, "text"), required=False) or ""
        reason = r.string(("omitted", n, "reason")) or ""
        if capture_lines:
            if not 1 <= number <= len(capture_lines):
                raise r.fail(
                    ("omitted", n, "line"),
                    f"the capture has no line {number} (it has {len(capture_lines)})",
                )
            actual = capture_lines[number - 1]
            whole = normalise_space(actual) == normalise_space(declared)
            if not whole and not (declared.strip() and part_pattern(declared).search(actual)):
                raise r.fail(
                    ("omitted", n, "text"),
                    f"line {number} of the capture reads {actual!r}",
                )
            lines.append(OmittedLine(number, declared, reason, part=not whole))
        else:
            lines.append(OmittedLine(number, declared, reason))
    return tuple(lines)


def _stance(r: FieldReader, settings: CorpusSettings | None, reading: ArticleText) -> Stance:
    """The stance on the corpus's scale, with 2 to 4 quotes of the reading text as evidence."""
    r.mapping(("stance",))
    value = r.integer(("stance", "value"))
    label = ""
    if settings is not None:
        try:
            label = settings.stance_label(value)
        except KeyError:
            allowed = ", ".join(str(level.value) for level in settings.stance_scale)
            raise r.fail(
                ("stance", "value"), f"{value} is not on the corpus's scale ({allowed})"
            ) from None
    rationale = r.string(("stance", "rationale")) or ""
    quotes = r.sequence(("stance", "evidence"))
    if not 2 <= len(quotes) <= 4:
        raise r.fail(("stance", "evidence"), f"give 2 to 4 quotes, not {len(quotes)}")
    evidence: list[EvidenceQuote] = []
    for n, _ in enumerate(quotes):
        quote = r.string(("stance", "evidence", n)) or ""
        span = locate_quote(quote, reading)
        if span is None:
            raise r.fail(
                ("stance", "evidence", n),
                f"not a verbatim passage of the article: {quote!r}",
            )
        evidence.append(EvidenceQuote(quote, span))
    return Stance(value, label, rationale, tuple(evidence))


def _occurrences(passage: str, reading: ArticleText) -> tuple[Span, ...]:
    """Every word-bounded occurrence of `passage` in the reading text, however its spaces and
    lines are broken."""
    words = passage.split()
    if not words:
        return ()
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")
    spans: list[Span] = []
    for block in reading.blocks:
        for match in pattern.finditer(block.text.replace("\u00a0", " ")):
            spans.append(Span(block.start + match.start(), block.start + match.end(), block.anchor))
    return tuple(spans)


def _passages(
    r: FieldReader, knowledge: KnowledgeBase | None, reading: ArticleText
) -> tuple[PassageMention, ...]:
    """The article's own mentions: `mentions: [{passage: ..., actor: id}]` or `event: id`. Each
    passage must stand verbatim in the reading text, and name a known actor or event; every
    occurrence of it is a mention (of `text`, the words of the passage that refer, when given)."""
    actors = {actor.id for actor in knowledge.actors} if knowledge else None
    events = {event.id for event in knowledge.events} if knowledge else None
    found: list[PassageMention] = []
    for n, _ in enumerate(r.attempt(lambda: r.sequence(("mentions",), required=False)) or []):
        one = r.attempt(lambda i=n: _passage(r, i, actors, events, reading))  # type: ignore[misc]
        if one is not None:
            found.append(one)
    return tuple(found)


def _passage(
    r: FieldReader,
    n: int,
    actors: set[str] | None,
    events: set[str] | None,
    reading: ArticleText,
) -> PassageMention:
    passage = r.string(("mentions", n, "passage")) or ""
    actor = r.string(("mentions", n, "actor"), required=False)
    event = r.string(("mentions", n, "event"), required=False)
    if (actor is None) == (event is None):
        raise r.fail(("mentions", n), "give either `actor: <id>` or `event: <id>`, not both")
    if actor is not None and actors is not None and actor not in actors:
        raise r.fail(("mentions", n, "actor"), f"unknown actor id {actor!r}")
    if event is not None and events is not None and event not in events:
        raise r.fail(("mentions", n, "event"), f"unknown event id {event!r}")
    spans = _occurrences(passage, reading)
    if not spans:
        raise r.fail(
            ("mentions", n, "passage"), f"not a verbatim passage of the article: {passage!r}"
        )
    text = r.string(("mentions", n, "text"), required=False)
    if text is not None:
        # The mention is these words of the passage: "In 1999, NATO’s Strategic Concept"
        # says which Strategic Concept; the mention is "NATO’s Strategic Concept".
        inner: list[Span] = []
        for span in spans:
            at = reading.reading_text.find(text, span.start, span.end)
            if at < 0:
                raise r.fail(("mentions", n, "text"), f"not a part of the passage: {text!r}")
            inner.append(Span(at, at + len(text), span.paragraph))
        spans = tuple(inner)
    return PassageMention(passage, actor, event, spans)


def _dates_without_event(r: FieldReader, reading: ArticleText) -> tuple[DateWithoutEvent, ...]:
    """Passages whose dates name no event: `dates_without_event: [{passage: ..., reason: ...}]`."""
    found: list[DateWithoutEvent] = []
    for n, _ in enumerate(r.sequence(("dates_without_event",), required=False)):
        passage = r.string(("dates_without_event", n, "passage")) or ""
        reason = r.string(("dates_without_event", n, "reason")) or ""
        spans = _occurrences(passage, reading)
        if not spans:
            raise r.fail(
                ("dates_without_event", n, "passage"),
                f"not a verbatim passage of the article: {passage!r}",
            )
        found.append(DateWithoutEvent(passage, reason, spans))
    return tuple(found)
