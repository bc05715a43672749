"""The command: the capture read and copied into sources/, the draft written to articles/, and
the coverage check's stubs for what the knowledge base lacks."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from natocorpus.add.draft import draft_from
from natocorpus.add.front_matter import front_matter
from natocorpus.add.records import Draft
from natocorpus.annotate import Matchers, annotate_article
from natocorpus.coverage import CoverageCheck
from natocorpus.diagnostics import CorpusError, Diagnostic, error
from natocorpus.load import CorpusFrame, load_frame
from natocorpus.load.fields import SLUG_RE
from natocorpus.load.files import MAX_FILE_BYTES, FileError, decode_text
from natocorpus.load.reading import parse_reading_text
from natocorpus.model import (
    ArticleMeta,
    CorpusSettings,
    Field,
    LoadedArticle,
    OmittedLine,
    PartialDate,
    Provenance,
    Stance,
)


class AddReport(NamedTuple):
    source: str  # where the capture is, as shown
    copied: bool  # False where the same bytes were there already
    article: str
    draft: Draft
    stubs: tuple[Diagnostic, ...]  # coverage warnings with their stubs
    notes: tuple[Diagnostic, ...]  # why there are none, where the corpus could not be read


def slug_of(text: str, words: int = 8) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower().replace("’", "").replace("'", "")).split()
    return "-".join(parts[:words])


def add_capture(corpus_dir: Path, capture: Path, article_id: str | None = None) -> AddReport:
    """Copy `capture` into the corpus and draft its article; raises CorpusError, changing
    nothing, where it cannot."""
    if not corpus_dir.is_dir():
        raise CorpusError([error(corpus_dir.as_posix(), None, "corpus", "is not a folder")])
    raw, text = _read_capture(capture)
    draft = draft_from(text.split("\n"))
    article_id = _article_id(draft, capture, article_id)
    sources = corpus_dir / "sources"
    articles = corpus_dir / "articles"
    target = sources / capture.name
    article_path = articles / f"{article_id}.md"
    copied = _refuse_to_overwrite(target, article_path, raw, article_id)
    frame, found = load_frame(corpus_dir)
    problems = [p for p in found if p.field != "articles"]  # a corpus may begin with this one
    settings = frame.settings if frame is not None else None
    genres, levels, scale = _choices(settings)
    document = (
        f"---\n{front_matter(draft, article_id, capture.name, genres, levels, scale)}\n---\n\n"
        f"{draft.body}"
    )
    sources.mkdir(parents=True, exist_ok=True)
    articles.mkdir(parents=True, exist_ok=True)
    if copied:
        with target.open("xb") as out:
            out.write(raw)
    with article_path.open("x", encoding="utf-8") as out:
        out.write(document)
    shown_article = article_path.as_posix()
    stubs: tuple[Diagnostic, ...] = ()
    notes: tuple[Diagnostic, ...] = ()
    if (
        frame is not None
        and settings is not None
        and not any(p.severity.value == "error" for p in problems)
    ):
        body_line = document[: document.index("\n---\n") + 5].count("\n") + 1
        stubs = _stubs(
            frame,
            settings,
            draft,
            article_id,
            capture.name,
            raw,
            document,
            body_line,
            shown_article,
        )
    else:
        notes = tuple(p for p in problems if p.severity.value == "error")
    return AddReport(target.as_posix(), copied, shown_article, draft, stubs, notes)


def _read_capture(capture: Path) -> tuple[bytes, str]:
    """The capture's bytes and its text, where it is a corpus file `load` would read."""
    shown_capture = capture.as_posix()
    try:
        if capture.stat().st_size > MAX_FILE_BYTES:
            raise CorpusError(
                [
                    error(
                        shown_capture,
                        None,
                        "capture",
                        "is over 5 MiB, the limit for one corpus file",
                    )
                ]
            )
        raw = capture.read_bytes()
        text = decode_text(raw, shown_capture)
    except FileError as problem:
        raise CorpusError([problem.diagnostic]) from None
    except OSError as problem:
        raise CorpusError(
            [error(shown_capture, None, "capture", problem.strerror or str(problem))]
        ) from None
    return raw, text


def _article_id(draft: Draft, capture: Path, article_id: str | None) -> str:
    """The id given, or one made of the title (or the capture's name), checked."""
    if article_id is None:
        article_id = slug_of(draft.title[0]) if draft.title else slug_of(capture.stem)
        article_id = article_id or "article"
    if not SLUG_RE.match(article_id):
        raise CorpusError(
            [
                error(
                    "--id",
                    None,
                    "id",
                    f"{article_id!r} is not a valid id: use lowercase letters, digits and single "
                    "hyphens (it becomes part of a URL)",
                )
            ]
        )
    return article_id


def _refuse_to_overwrite(target: Path, article_path: Path, raw: bytes, article_id: str) -> bool:
    """Whether the capture is to be copied (not where the same bytes are there already);
    raises CorpusError where another capture or the article would be overwritten."""
    shown_target = target.as_posix()
    copied = True
    if target.exists():
        if target.read_bytes() != raw:
            raise CorpusError(
                [
                    error(
                        shown_target,
                        None,
                        "source_file",
                        "a different file of this name is already in sources/; refusing to "
                        "overwrite it: rename the capture",
                    )
                ]
            )
        copied = False
    if article_path.exists():
        raise CorpusError(
            [
                error(
                    article_path.as_posix(),
                    None,
                    "id",
                    f"an article {article_id!r} exists already; refusing to overwrite it: give "
                    "another --id",
                )
            ]
        )
    return copied


def _choices(settings: CorpusSettings | None) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The genres, completeness levels and stance scale the draft's `TODO`s offer: the
    corpus's own, where its settings could be read."""
    genres = settings.genres if settings else ()
    levels = (settings.completeness if settings else ()) or (
        "full",
        "excerpt",
        "abstract-with-references",
    )
    scale = (
        ", ".join(f"{level.value} {level.label}" for level in settings.stance_scale)
        if settings
        else "a whole number on the corpus's stance scale"
    )
    return genres, levels, scale


def _stubs(
    frame: CorpusFrame,
    settings: CorpusSettings,
    draft: Draft,
    article_id: str,
    source_file: str,
    raw: bytes,
    document: str,
    body_line: int,
    shown: str,
) -> tuple[Diagnostic, ...]:
    """The coverage check's warnings on names and events, for the draft as it stands."""
    body = document.split("\n---\n", 1)[1]
    reading = parse_reading_text(body, body_line)
    if not reading.blocks:
        return ()
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", reading.reading_text)]
    date = draft.published.date if draft.published else PartialDate(max(years) if years else 2000)
    placeholder = Provenance("inferred", basis="to fill in")
    meta = ArticleMeta(
        id=article_id,
        source_file=source_file,
        title=Field(draft.title[0] if draft.title else article_id, placeholder),
        authors=Field((), placeholder),
        outlet=Field(None, placeholder),
        original_outlet=None,
        translated_from=None,
        published=Field(date, placeholder),
        genre=Field("", placeholder),
        completeness=Field("", placeholder),
        source_url=None,
        doi=None,
        themes=Field((), placeholder),
        stance=Stance(0, "", "", ()),
        omitted=tuple(OmittedLine(o.line, o.text, o.reason) for o in draft.omitted),
    )
    loaded = LoadedArticle(path=shown, meta=meta, text=reading, capture=raw)
    annotated = annotate_article(loaded, Matchers.for_knowledge(frame.knowledge))
    found = CoverageCheck.for_corpus(frame.knowledge, settings).of(annotated)
    return tuple(d for d in found if d.field in ("mentions", "events"))


def print_added(report: AddReport) -> None:
    """What `add` did, what is left to fill in, and the stubs to paste."""
    import click

    draft = report.draft
    click.echo(
        f"{'Copied the capture to' if report.copied else 'The capture is already'} {report.source}"
    )
    found = [
        what
        for what, value in (
            ("the title", draft.title),
            (f"{len(draft.authors[0]) if draft.authors else 0} author(s)", draft.authors),
            ("the date", draft.published),
            ("the outlet", draft.outlet),
            ("the DOI", draft.doi),
        )
        if value
    ]
    click.echo(
        f"Wrote {report.article}: found {', '.join(found) or 'nothing to state'}; "
        f"{len(draft.omitted)} line(s) or part(s) left out"
    )
    click.echo(f"To fill in (TODO): {', '.join(draft.missing)}; `natocorpus check` lists them")
    for note in report.notes:
        click.echo(str(note), err=True)
    if report.stubs:
        click.echo("What the knowledge base does not cover yet:")
    for stub in report.stubs:
        click.echo(str(stub))
