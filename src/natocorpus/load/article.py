"""An article file: its front matter validated field by field, each against the capture it names.

A field the text states quotes the capture (`stated:`); one it does not gives its basis
(`inferred:`). Every bad field is reported with its line, and the article is loaded only when
none is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import msgspec
from frontmatter.default_handlers import YAMLHandler

from natocorpus.diagnostics import Diagnostic, error, errors_in, warning
from natocorpus.load.article_fields import COMPLETENESS, describe, did_you_mean, read_capture
from natocorpus.load.article_passages import read_dates_without_event, read_passages, read_stance
from natocorpus.load.fields import (
    CONTROL_RE,
    INVISIBLE_RE,
    FieldReader,
    control_message,
    invisible_message,
)
from natocorpus.load.files import CorpusFolder, FileError
from natocorpus.load.reading import check_fidelity, parse_reading_text
from natocorpus.load.yamlsource import KeyPath, YamlDocument, YamlError, field_name, parse_yaml
from natocorpus.model import CorpusSettings, KnowledgeBase, LoadedArticle

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
    capture = read_capture(r, folder, source_file)
    described = describe(r, capture, settings)
    reading = parse_reading_text(body, body_line)
    if not reading.blocks:
        local.append(error(shown, body_line, "body", "the reading text is empty"))
    control = CONTROL_RE.search(body)
    if control is not None:
        line = body_line + body.count("\n", 0, control.start())
        local.append(error(shown, line, "body", control_message(control.group())))
    invisible = INVISIBLE_RE.search(body)
    if invisible is not None:
        line = body_line + body.count("\n", 0, invisible.start())
        local.append(warning(shown, line, "body", invisible_message(invisible.group())))
    stance = r.attempt(lambda: read_stance(r, settings, reading))
    passages = read_passages(r, knowledge, reading)
    undated = r.attempt(lambda: read_dates_without_event(r, reading))
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
    if errors_in(local):
        return None  # (a warning never keeps a text out of the site)
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
        hint = did_you_mean(key, known) or f": the keys here are {', '.join(sorted(known))}"
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
            import difflib  # only for a misspelt name

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


# COMPLETENESS is defined with the fields that check it, and stays importable from here.
__all__ = ["COMPLETENESS", "FIELDS", "PLACEHOLDER", "load_article"]
