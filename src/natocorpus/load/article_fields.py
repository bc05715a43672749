"""An article's metadata fields, each read from the front matter and checked against the capture
it names: a field the text states quotes the capture (`stated:`); one it does not gives its
basis (`inferred:`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from natocorpus.load.fields import FieldReader
from natocorpus.load.files import CorpusFolder, FileError, decode_text, long_name_problem
from natocorpus.load.reading import normalise_space, part_pattern
from natocorpus.load.yamlsource import KeyPath
from natocorpus.model import (
    ArticleMeta,
    CorpusSettings,
    Field,
    OmittedLine,
    PartialDate,
    Person,
    Provenance,
    Stance,
)

COMPLETENESS = ("full", "excerpt", "abstract-with-references")


class Capture(NamedTuple):
    """The capture an article names, as far as it could be read."""

    content: bytes | None
    lines: list[str]
    # Its text with runs of whitespace as one space, to find stated quotes in; None where the
    # capture could not be read (that is the one error: quotes are not checked against nothing).
    flat: str | None


def read_capture(r: FieldReader, folder: CorpusFolder, source_file: str | None) -> Capture:
    content: bytes | None = None
    lines: list[str] = []
    if source_file is not None:
        source_path = folder.path / "sources" / source_file
        if "/" in source_file or "\\" in source_file or source_file in (".", ".."):
            r.fail(("source_file",), "must be a file name under sources/, without folders")
        elif (too_long := long_name_problem(source_file)) is not None:
            r.fail(("source_file",), f"is {too_long}")
        elif not _is_file(source_path):
            r.fail(("source_file",), f"sources/{source_file} does not exist")
        else:
            try:
                content = folder.read_bytes(source_path)
                lines = decode_text(content, folder.shown(source_path)).split("\n")
            except FileError as problem:
                r.diagnostics.append(problem.diagnostic)
    flat = normalise_space(" ".join(lines)) if content is not None else None
    return Capture(content, lines, flat)


def _is_file(path: Path) -> bool:
    """Whether `path` is a file; not where its folder cannot be searched (a permission error,
    which the listing of that folder reports with its name)."""
    try:
        return path.is_file()
    except OSError:
        return False


class Described(NamedTuple):
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


def describe(r: FieldReader, capture: Capture, settings: CorpusSettings | None) -> Described:
    flat = capture.flat
    genres = settings.genres if settings is not None else ()
    levels = (settings.completeness if settings is not None else ()) or COMPLETENESS

    def text(name: str, *, required: bool = True) -> Field[str] | None:
        return r.attempt(lambda: _text_field(r, name, flat, required=required))

    # Keyword arguments are evaluated as written: this is the order the problems are found in.
    return Described(
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


def read_provenance(r: FieldReader, keypath: KeyPath, capture_flat: str | None) -> Provenance:
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
    return Field(value, read_provenance(r, (name,), capture_flat))


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
            + did_you_mean(result.value, allowed),
        )
    return result


def did_you_mean(word: str, known: Iterable[str]) -> str:
    import difflib  # only for a misspelt name

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f": did you mean `{close[0]}`?" if close else ""


def _outlet(r: FieldReader, capture_flat: str | None) -> Field[str | None]:
    """The outlet; `value: null` where none is known, with the basis for saying so."""
    if r.get(r.doc.data, ("outlet",)) is None:
        raise r.fail(("outlet",), "required field is missing")
    r.mapping(("outlet",))
    value = r.string(("outlet", "value"), required=False)
    provenance = read_provenance(r, ("outlet",), capture_flat)
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
    return Field(tuple(people), read_provenance(r, ("authors",), capture_flat))


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
    return Field(date, read_provenance(r, ("accessed",), capture_flat))


def _published(r: FieldReader, capture_flat: str | None) -> Field[PartialDate]:
    r.mapping(("published",))
    date = r.date(("published", "value"), ("published", "precision"))
    provenance = read_provenance(r, ("published",), capture_flat)
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
    return Field(items, read_provenance(r, ("themes",), capture_flat))


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
