"""The load stage: read corpus/ into validated records, reporting every problem with its line."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from frontmatter.default_handlers import YAMLHandler
from markdown_it import MarkdownIt
from markdown_it.token import Token

from natocorpus.diagnostics import Diagnostic, error, errors_in, warning
from natocorpus.model import (
    PRECISIONS,
    Actor,
    AnnotatedArticle,
    ArticleMeta,
    ArticleText,
    Block,
    BlockKind,
    CorpusSettings,
    Event,
    EvidenceQuote,
    Field,
    IgnoredPhrase,
    KnowledgeBase,
    Licence,
    LoadedArticle,
    OmittedLine,
    PartialDate,
    Person,
    Provenance,
    Span,
    Stance,
    StanceLevel,
    SurfaceForm,
    days_in_month,
)
from natocorpus.yamlsource import KeyPath, YamlDocument, YamlError, field_name, parse_yaml

T = TypeVar("T")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
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
COMPLETENESS = ("full", "excerpt", "abstract-with-references")
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


def normalise_space(text: str) -> str:
    """Runs of whitespace, no-break spaces included, compare as one space."""
    # str.split() splits on exactly the characters the regex \s matches, no-break space included.
    return " ".join(text.split())


class _InvalidFieldError(Exception):
    """A field failed validation; its diagnostic is already recorded."""


class _Reader(msgspec.Struct):
    """Typed access to one YAML document that records a located diagnostic for each bad field."""

    doc: YamlDocument
    diagnostics: list[Diagnostic]

    def fail(self, keypath: KeyPath, message: str) -> _InvalidFieldError:
        self.diagnostics.append(
            error(self.doc.path, self.doc.line(keypath), field_name(keypath), message)
        )
        return _InvalidFieldError()

    def get(self, data: Any, keypath: KeyPath) -> Any:
        value = data
        for part in keypath:
            if isinstance(part, int):
                if not isinstance(value, list) or part >= len(value):
                    return None
            elif not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value

    def string(self, keypath: KeyPath, *, required: bool = True, data: Any = None) -> str | None:
        value = self.get(self.doc.data if data is None else data, keypath)
        if value is None:
            if required:
                raise self.fail(keypath, "required field is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(keypath, f"expected text, got {_type_name(value)}")
        text = str(value).strip()
        if required and not text:
            raise self.fail(keypath, "must not be empty")
        return text

    def mapping(self, keypath: KeyPath, *, required: bool = True) -> dict[str, Any] | None:
        value = self.get(self.doc.data, keypath)
        if value is None:
            if required:
                raise self.fail(keypath, "required field is missing")
            return None
        if not isinstance(value, dict):
            raise self.fail(keypath, f"expected a mapping, got {_type_name(value)}")
        return value

    def sequence(self, keypath: KeyPath, *, required: bool = True) -> list[Any]:
        value = self.get(self.doc.data, keypath)
        if value is None:
            if required:
                raise self.fail(keypath, "required field is missing")
            return []
        if not isinstance(value, list):
            raise self.fail(keypath, f"expected a list, got {_type_name(value)}")
        return value

    def integer(self, keypath: KeyPath) -> int:
        value = self.get(self.doc.data, keypath)
        if value is None:
            raise self.fail(keypath, "required field is missing")
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(keypath, f"expected a whole number, got {_type_name(value)}")
        return value

    def slug(self, keypath: KeyPath) -> str:
        value = self.string(keypath)
        assert value is not None
        if not SLUG_RE.match(value):
            raise self.fail(
                keypath,
                f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens "
                "(it becomes part of a URL)",
            )
        return value

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run one field's validation; a failure is recorded and the rest goes on."""
        try:
            return action()
        except _InvalidFieldError:
            return None


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def parse_partial_date(raw: str) -> PartialDate | None:
    """`2023`, `2023-01` or `2023-01-29` to a PartialDate; None when impossible or malformed."""
    match = DATE_RE.match(raw)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= days_in_month(year, month)):
        return None
    return PartialDate(year, month, day)


# Files ----------------------------------------------------------------------


class _FileError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def _display(path: Path, corpus_dir: Path) -> str:
    try:
        return str(Path(corpus_dir.name) / path.relative_to(corpus_dir))
    except ValueError:
        return str(path)


def read_text_file(path: Path, corpus_dir: Path, limit: int = MAX_ARTICLE_BYTES) -> str:
    """Read UTF-8 text inside the corpus; a BOM and CRLF line ends are accepted and normalised."""
    return decode_text(read_corpus_bytes(path, corpus_dir, limit), _display(path, corpus_dir))


def read_corpus_bytes(path: Path, corpus_dir: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """A file's bytes, once it is known to be inside the corpus and within the size limit."""
    shown = _display(path, corpus_dir)
    target = path.resolve()
    if not target.is_relative_to(corpus_dir.resolve()):
        raise _FileError(
            error(shown, None, "file", f"is a link to {target}, outside the corpus; refused")
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _FileError(error(shown, None, "file", f"cannot be read: {exc.strerror}")) from None
    if size > limit:
        raise _FileError(
            error(
                shown,
                None,
                "file",
                f"is {size / 1_048_576:.1f} MiB; the limit for one corpus file is "
                f"{limit / 1_048_576:.0f} MiB",
            )
        )
    return path.read_bytes()


def decode_text(raw: bytes, shown: str) -> str:
    """UTF-8 text, a BOM dropped and CRLF line ends made LF; bad bytes named with their line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _FileError(
            error(
                shown,
                line,
                "encoding",
                f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "save the file as UTF-8",
            )
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _load_yaml_file(path: Path, corpus_dir: Path, diagnostics: list[Diagnostic]) -> YamlDocument:
    shown = _display(path, corpus_dir)
    if not path.exists():
        raise _FileError(error(shown, None, "file", "is missing"))
    text = read_text_file(path, corpus_dir)
    try:
        return parse_yaml(text, shown)
    except YamlError as exc:
        raise _FileError(exc.diagnostic) from None


# corpus.yaml -------------------------------------------------------------------


def load_settings(doc: YamlDocument, diagnostics: list[Diagnostic]) -> CorpusSettings | None:
    r = _Reader(doc, diagnostics)
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
    for index, _ in enumerate(r.attempt(lambda: r.sequence(("stance_scale", "levels"))) or []):
        level = r.attempt(
            lambda i=index: StanceLevel(  # type: ignore[misc]
                r.integer(("stance_scale", "levels", i, "value")),
                r.string(("stance_scale", "levels", i, "label")) or "",
            )
        )
        if level is not None:
            levels.append(level)
    ignored: list[IgnoredPhrase] = []
    for index, _ in enumerate(r.attempt(lambda: r.sequence(("not_actors",), required=False)) or []):
        phrase = r.attempt(
            lambda i=index: IgnoredPhrase(  # type: ignore[misc]
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


def _forms(r: _Reader, keypath: KeyPath) -> tuple[SurfaceForm, ...]:
    forms: list[SurfaceForm] = []
    items = r.sequence(keypath)
    if not items:
        raise r.fail(keypath, "give at least one surface form")
    for index, item in enumerate(items):
        path = (*keypath, index)
        if isinstance(item, dict):
            text = r.string((*path, "text"))
            unless = r.sequence((*path, "unless_after"), required=False)
            words = tuple(str(word) for word in unless if isinstance(word, str | int))
            forms.append(SurfaceForm(text or "", words))
        else:
            forms.append(SurfaceForm(r.string(path) or ""))
    return tuple(forms)


def load_actors(doc: YamlDocument, diagnostics: list[Diagnostic]) -> tuple[Actor, ...]:
    r = _Reader(doc, diagnostics)
    if not isinstance(doc.data, list):
        diagnostics.append(error(doc.path, 1, "(document)", "expected a list of actors"))
        return ()
    actors: list[Actor] = []
    seen: dict[str, int | None] = {}
    for index, _ in enumerate(doc.data):

        def one(i: int = index) -> Actor:
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


def _date_field(r: _Reader, keypath: KeyPath, precision_path: KeyPath | None) -> PartialDate:
    raw = r.string(keypath)
    assert raw is not None
    parsed = parse_partial_date(raw)
    if parsed is None:
        if DATE_RE.match(raw):
            raise r.fail(keypath, f"{raw!r} is not a date that exists")
        raise r.fail(keypath, f"{raw!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, quoted")
    if precision_path is not None:
        precision = r.string(precision_path)
        if precision not in PRECISIONS:
            raise r.fail(precision_path, f"{precision!r} is not one of year, month, day")
        if precision != parsed.precision:
            raise r.fail(
                precision_path,
                f"precision {precision!r} does not match the date {raw!r}, "
                f"which is precise to the {parsed.precision}",
            )
    return parsed


def load_events(
    doc: YamlDocument, actor_ids: frozenset[str], diagnostics: list[Diagnostic]
) -> tuple[Event, ...]:
    r = _Reader(doc, diagnostics)
    if not isinstance(doc.data, list):
        diagnostics.append(error(doc.path, 1, "(document)", "expected a list of events"))
        return ()
    events: list[Event] = []
    seen: dict[str, int | None] = {}
    for index, _ in enumerate(doc.data):

        def one(i: int = index) -> Event:
            event_id = r.slug((i, "id"))
            if event_id in seen:
                raise r.fail((i, "id"), f"duplicate event id {event_id!r} (line {seen[event_id]})")
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
                date=_date_field(r, (i, "date"), (i, "precision")),
                end_date=_date_field(r, (i, "end_date"), None) if end is not None else None,
                place=r.string((i, "place"), required=False),
                participants=tuple(str(p) for p in participants),
                description=r.string((i, "description")) or "",
                forms=tuple(form.text for form in forms),
            )

        event = r.attempt(one)
        if event is not None:
            events.append(event)
    return tuple(events)


# The reading text ------------------------------------------------------------------

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


class _RawBlock(msgspec.Struct, frozen=True):
    kind: BlockKind
    text: str
    line: int
    level: int
    marker: str | None


def _raw_blocks(body: str, first_line: int) -> Iterator[_RawBlock]:
    tokens = _MARKDOWN.parse(body)
    heading_level = 0
    list_stack: list[list[int] | None] = []  # per open list: [next number] when ordered
    item_marker: str | None = None
    in_item = 0
    for index, token in enumerate(tokens):
        if token.type == "ordered_list_open":
            start = token.attrGet("start")
            list_stack.append([int(start) if start is not None else 1])
        elif token.type == "bullet_list_open":
            list_stack.append(None)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            list_stack.pop()
        elif token.type == "list_item_open":
            in_item += 1
            counter = list_stack[-1] if list_stack else None
            if counter is not None:
                item_marker = f"{counter[0]}."
                counter[0] += 1
            else:
                item_marker = None
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "inline":
            opener = tokens[index - 1]
            line = first_line + (token.map[0] if token.map else 0)
            text = _inline_text(token).strip()
            if opener.type == "heading_open":
                yield _RawBlock("heading", text, line, heading_level, None)
            elif in_item:
                yield _RawBlock("item", text, line, 0, item_marker)
                item_marker = None
            else:
                yield _RawBlock("paragraph", text, line, 0, None)
        elif token.type in ("fence", "code_block"):
            line = first_line + (token.map[0] if token.map else 0)
            yield _RawBlock("paragraph", token.content.strip(), line, 0, None)


def _anchor(kind: BlockKind, text: str, taken: set[str]) -> str:
    """An anchor from the block's own words, so it survives edits to other paragraphs."""
    digest = hashlib.sha1(normalise_space(text).encode("utf-8")).hexdigest()[:8]
    base = ("h-" if kind == "heading" else "p-") + digest
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def parse_reading_text(body: str, first_line: int) -> ArticleText:
    blocks: list[Block] = []
    taken: set[str] = set()
    offset = 0
    for raw in _raw_blocks(body, first_line):
        if not raw.text:
            continue
        if blocks:
            offset += 2
        blocks.append(
            Block(
                kind=raw.kind,
                text=raw.text,
                start=offset,
                end=offset + len(raw.text),
                anchor=_anchor(raw.kind, raw.text, taken),
                source_line=raw.line,
                level=raw.level,
                marker=raw.marker,
            )
        )
        offset += len(raw.text)
    return ArticleText(tuple(blocks), "\n\n".join(block.text for block in blocks))


# Fidelity to the capture -----------------------------------------------------------


def _capture_words(
    capture_lines: list[str], omitted: frozenset[int]
) -> tuple[list[str], list[int]]:
    words: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(capture_lines, start=1):
        if number not in omitted:
            found = line.replace("\u00a0", " ").split()
            words.extend(found)
            lines.extend([number] * len(found))
    return words, lines


def _reading_words(text: ArticleText) -> tuple[list[str], list[int]]:
    words: list[str] = []
    lines: list[int] = []
    for block in text.blocks:
        found = block.text.replace("\u00a0", " ").split()
        if block.marker:
            found.insert(0, block.marker)
        words.extend(found)
        lines.extend([block.source_line] * len(found))
    return words, lines


def check_fidelity(
    text: ArticleText, capture_lines: list[str], omitted: frozenset[int], path: str, source: str
) -> Diagnostic | None:
    """The reading text must be the capture's words, in order, minus the declared lines."""
    expected, expected_lines = _capture_words(capture_lines, omitted)
    actual, actual_lines = _reading_words(text)
    if expected == actual:
        return None
    for position, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got:
            context = " ".join(expected[max(0, position - 4) : position + 5])
            return error(
                path,
                actual_lines[position],
                "body",
                f"differs from the capture: {got!r} where {source} line "
                f"{expected_lines[position]} has {want!r} (…{context}…); correct the "
                "transcription or declare the line in `omitted`",
            )
    if len(expected) > len(actual):
        return error(
            path,
            text.blocks[-1].source_line if text.blocks else None,
            "body",
            f"ends early: {source} line {expected_lines[len(actual)]} continues with "
            f"{expected[len(actual)]!r}; transcribe it or declare the line in `omitted`",
        )
    return error(
        path,
        actual_lines[len(expected)],
        "body",
        f"has words the capture does not: {actual[len(expected)]!r} onwards",
    )


# Articles --------------------------------------------------------------------------


def _provenance(r: _Reader, keypath: KeyPath, capture_flat: str) -> Provenance:
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
        if normalise_space(quote) not in capture_flat:
            raise r.fail((*keypath, "stated"), f"the capture does not contain {quote!r}")
        return Provenance("stated", quote=quote)
    basis = r.string((*keypath, "inferred"))
    return Provenance("inferred", basis=basis)


def _text_field(
    r: _Reader, name: str, capture_flat: str, *, required: bool = True
) -> Field[str] | None:
    if r.get(r.doc.data, (name,)) is None:
        if required:
            raise r.fail((name,), "required field is missing")
        return None
    r.mapping((name,))
    value = r.string((name, "value"))
    assert value is not None
    return Field(value, _provenance(r, (name,), capture_flat))


def _locate_quote(quote: str, text: ArticleText) -> Span | None:
    wanted = normalise_space(quote)
    for block in text.blocks:
        at = block.text.find(wanted)
        if at >= 0:
            return Span(block.start + at, block.start + at + len(wanted), block.anchor)
    # The quote may break lines or spaces differently from the text: match word by word.
    pattern = re.compile(r"\s+".join(re.escape(word) for word in wanted.split(" ")))
    for block in text.blocks:
        match = pattern.search(block.text.replace("\u00a0", " "))
        if match:
            return Span(block.start + match.start(), block.start + match.end(), block.anchor)
    return None


def load_article(
    path: Path,
    corpus_dir: Path,
    settings: CorpusSettings | None,
    diagnostics: list[Diagnostic],
) -> LoadedArticle | None:
    shown = _display(path, corpus_dir)
    try:
        text = read_text_file(path, corpus_dir)
    except _FileError as problem:
        diagnostics.append(problem.diagnostic)
        return None
    if not text.startswith("---\n"):
        diagnostics.append(
            error(shown, 1, "front matter", "the file must begin with a `---` front matter block")
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
    local: list[Diagnostic] = []
    r = _Reader(doc, local)

    article_id = r.attempt(lambda: r.slug(("id",)))
    source_file = r.attempt(lambda: r.string(("source_file",)))
    capture: bytes | None = None
    capture_lines: list[str] = []
    if source_file is not None:
        source_path = corpus_dir / "sources" / source_file
        if "/" in source_file or "\\" in source_file or source_file in (".", ".."):
            r.fail(("source_file",), "must be a file name under sources/, without folders")
        elif not source_path.is_file():
            r.fail(("source_file",), f"sources/{source_file} does not exist")
        else:
            try:
                capture = read_corpus_bytes(source_path, corpus_dir)
                capture_text = decode_text(capture, _display(source_path, corpus_dir))
                capture_lines = capture_text.split("\n")
            except _FileError as problem:
                local.append(problem.diagnostic)
    capture_flat = normalise_space(" ".join(capture_lines))

    title = r.attempt(lambda: _text_field(r, "title", capture_flat))
    outlet = r.attempt(lambda: _text_field(r, "outlet", capture_flat))
    original_outlet = r.attempt(
        lambda: _text_field(r, "original_outlet", capture_flat, required=False)
    )
    translated_from = r.attempt(
        lambda: _text_field(r, "translated_from", capture_flat, required=False)
    )
    genre = r.attempt(lambda: _text_field(r, "genre", capture_flat))
    source_url = r.attempt(lambda: _text_field(r, "source_url", capture_flat, required=False))
    doi = r.attempt(lambda: _text_field(r, "doi", capture_flat, required=False))

    def completeness() -> Field[str]:
        result = _text_field(r, "completeness", capture_flat)
        assert result is not None
        if result.value not in COMPLETENESS:
            raise r.fail(
                ("completeness", "value"),
                f"{result.value!r} is not one of {', '.join(COMPLETENESS)}",
            )
        return result

    def authors() -> Field[tuple[Person, ...]]:
        r.mapping(("authors",))
        people: list[Person] = []
        for index, _ in enumerate(r.sequence(("authors", "value"))):
            people.append(
                Person(
                    name=r.string(("authors", "value", index, "name")) or "",
                    affiliation=r.string(
                        ("authors", "value", index, "affiliation"), required=False
                    ),
                )
            )
        return Field(tuple(people), _provenance(r, ("authors",), capture_flat))

    def published() -> Field[PartialDate]:
        r.mapping(("published",))
        date = _date_field(r, ("published", "value"), ("published", "precision"))
        provenance = _provenance(r, ("published",), capture_flat)
        if date.precision == "day" and not provenance.is_stated:
            raise r.fail(
                ("published", "precision"),
                "a day can only be stated by the text, never inferred; use month or year",
            )
        return Field(date, provenance)

    def themes() -> Field[tuple[str, ...]]:
        r.mapping(("themes",))
        values = r.sequence(("themes", "value"))
        items = tuple(r.string(("themes", "value", i)) or "" for i in range(len(values)))
        return Field(items, _provenance(r, ("themes",), capture_flat))

    def omitted() -> tuple[OmittedLine, ...]:
        lines: list[OmittedLine] = []
        for index, _ in enumerate(r.sequence(("omitted",), required=False)):
            number = r.integer(("omitted", index, "line"))
            declared = r.string(("omitted", index, "text"), required=False) or ""
            reason = r.string(("omitted", index, "reason")) or ""
            if capture_lines:
                if not 1 <= number <= len(capture_lines):
                    raise r.fail(
                        ("omitted", index, "line"),
                        f"the capture has no line {number} (it has {len(capture_lines)})",
                    )
                actual = capture_lines[number - 1]
                if normalise_space(actual) != normalise_space(declared):
                    raise r.fail(
                        ("omitted", index, "text"),
                        f"line {number} of the capture reads {actual!r}",
                    )
            lines.append(OmittedLine(number, declared, reason))
        return tuple(lines)

    authors_field = r.attempt(authors)
    published_field = r.attempt(published)
    themes_field = r.attempt(themes)
    completeness_field = r.attempt(completeness)
    omitted_lines = r.attempt(omitted)

    reading = parse_reading_text(body, body_line)
    if not reading.blocks:
        local.append(error(shown, body_line, "body", "the reading text is empty"))

    def stance() -> Stance:
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
        for index, _ in enumerate(quotes):
            quote = r.string(("stance", "evidence", index)) or ""
            span = _locate_quote(quote, reading)
            if span is None:
                raise r.fail(
                    ("stance", "evidence", index),
                    f"not a verbatim passage of the article: {quote!r}",
                )
            evidence.append(EvidenceQuote(quote, span))
        return Stance(value, label, rationale, tuple(evidence))

    stance_value = r.attempt(stance)

    if capture_lines and omitted_lines is not None and reading.blocks:
        difference = check_fidelity(
            reading,
            capture_lines,
            frozenset(line.line for line in omitted_lines),
            shown,
            f"sources/{source_file}",
        )
        if difference is not None:
            local.append(difference)

    diagnostics.extend(local)
    if local:
        return None
    assert article_id and source_file and capture is not None
    assert title and outlet and genre and authors_field and published_field and themes_field
    assert completeness_field and stance_value and omitted_lines is not None
    return LoadedArticle(
        path=shown,
        meta=ArticleMeta(
            id=article_id,
            source_file=source_file,
            title=title,
            authors=authors_field,
            outlet=outlet,
            original_outlet=original_outlet,
            translated_from=translated_from,
            published=published_field,
            genre=genre,
            completeness=completeness_field,
            source_url=source_url,
            doi=doi,
            themes=themes_field,
            stance=stance_value,
            omitted=omitted_lines,
        ),
        text=reading,
        capture=capture,
    )


# The whole corpus --------------------------------------------------------------------


def _corpus_files(folder: Path, corpus_dir: Path, diagnostics: list[Diagnostic]) -> list[Path]:
    if not folder.is_dir():
        return []
    files: list[Path] = []
    root = corpus_dir.resolve()
    # scandir's entries know from the folder listing whether each is a link or a file, without a
    # stat of each (10,000 articles took 0.3 s through pathlib).
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        path = folder / entry.name
        if entry.is_symlink() and not path.resolve().is_relative_to(root):
            diagnostics.append(
                error(
                    _display(path, corpus_dir),
                    None,
                    "file",
                    f"is a link to {path.resolve()}, outside the corpus; refused",
                )
            )
            continue
        if path.suffix == ".md" and entry.is_file():
            files.append(path)
    return files


class CorpusFrame(msgspec.Struct, frozen=True):
    """What is known before any article is read: the settings, the knowledge base, the files."""

    corpus_dir: Path
    settings: CorpusSettings | None
    knowledge: KnowledgeBase
    files: tuple[Path, ...]

    def load(self, path: Path) -> tuple[LoadedArticle | None, list[Diagnostic]]:
        """One article, with the problems found in it."""
        found: list[Diagnostic] = []
        return load_article(path, self.corpus_dir, self.settings, found), found


def load_frame(corpus_dir: Path) -> tuple[CorpusFrame | None, list[Diagnostic]]:
    """corpus.yaml, actors.yaml and events.yaml, validated, and the list of article files."""
    diagnostics: list[Diagnostic] = []
    if not corpus_dir.is_dir():
        return None, [error(str(corpus_dir), None, "corpus", "is not a folder")]

    def document(name: str) -> YamlDocument | None:
        try:
            return _load_yaml_file(corpus_dir / name, corpus_dir, diagnostics)
        except _FileError as problem:
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
    files = _corpus_files(corpus_dir / "articles", corpus_dir, diagnostics)
    if not files:
        diagnostics.append(
            error(_display(corpus_dir / "articles", corpus_dir), None, "articles", "no articles")
        )
    frame = CorpusFrame(corpus_dir, settings, KnowledgeBase(actors, events), tuple(files))
    return frame, diagnostics


def check_articles(
    frame: CorpusFrame,
    loaded: Iterable[tuple[LoadedArticle | AnnotatedArticle | None, list[Diagnostic]]],
    diagnostics: list[Diagnostic],
) -> list[LoadedArticle | AnnotatedArticle]:
    """The articles that loaded, each id once; every problem goes into `diagnostics`, with a
    warning for each capture no article names (once there are no errors)."""
    articles: list[LoadedArticle | AnnotatedArticle] = []
    owners: dict[str, str] = {}
    for article, found in loaded:
        diagnostics.extend(found)
        if article is None:
            continue
        if article.meta.id in owners:
            diagnostics.append(
                error(
                    article.path,
                    2,
                    "id",
                    f"duplicate article id {article.meta.id!r}, "
                    f"also used by {owners[article.meta.id]}",
                )
            )
            continue
        owners[article.meta.id] = article.path
        articles.append(article)
    used = {article.meta.source_file for article in articles}
    sources = frame.corpus_dir / "sources"
    for capture in sorted(sources.iterdir()) if sources.is_dir() else ():
        if capture.is_file() and capture.name not in used and not errors_in(diagnostics):
            diagnostics.append(
                warning(
                    _display(capture, frame.corpus_dir),
                    None,
                    "source_file",
                    "no article names this capture: add articles/<id>.md with "
                    f"`source_file: {capture.name}`",
                )
            )
    return articles


def _check_forms_unique(
    actors: tuple[Actor, ...],
    events: tuple[Event, ...],
    actors_doc: YamlDocument | None,
    events_doc: YamlDocument | None,
    diagnostics: list[Diagnostic],
) -> None:
    """One surface form must name one thing, or the matcher would have to guess."""
    owner: dict[str, str] = {}
    for index, actor in enumerate(actors):
        for form in actor.forms:
            if form.text in owner and owner[form.text] != actor.id and actors_doc is not None:
                diagnostics.append(
                    error(
                        actors_doc.path,
                        actors_doc.line((index, "forms")),
                        f"[{index}].forms",
                        f"{form.text!r} is also a form of {owner[form.text]!r}",
                    )
                )
            owner.setdefault(form.text, actor.id)
    event_owner: dict[str, str] = {}
    for index, event in enumerate(events):
        for text in event.forms:
            if text in event_owner and event_owner[text] != event.id and events_doc is not None:
                diagnostics.append(
                    error(
                        events_doc.path,
                        events_doc.line((index, "forms")),
                        f"[{index}].forms",
                        f"{text!r} is also a form of {event_owner[text]!r}",
                    )
                )
            event_owner.setdefault(text, event.id)
