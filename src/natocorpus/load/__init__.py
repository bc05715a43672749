"""The load stage: read corpus/ into validated articles and a knowledge base, reporting every
problem with its line.

One module per job: `files` reads the corpus folder safely (its listing, size limits, links,
encodings); `yamlsource` parses YAML keeping each value's line, and `fields` validates its fields;
`knowledge` reads corpus.yaml, actors.yaml and events.yaml; `article` an article's front matter;
`reading` its reading text and the text's fidelity to the capture.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

from natocorpus.diagnostics import Diagnostic, error, errors_in, warning
from natocorpus.load.article import load_article
from natocorpus.load.files import LINK_LOOP, CorpusFolder, FileError, files_under, listing
from natocorpus.load.knowledge import load_knowledge
from natocorpus.model import AnnotatedArticle, CorpusSettings, KnowledgeBase, LoadedArticle

__all__ = ["CorpusFrame", "check_articles", "files_under", "listing", "load_frame"]


class CorpusFrame(msgspec.Struct, frozen=True):
    """What is known before any article is read: the settings, the knowledge base, the files."""

    folder: CorpusFolder
    settings: CorpusSettings | None
    knowledge: KnowledgeBase
    files: tuple[Path, ...]

    def load(self, path: Path) -> tuple[LoadedArticle | None, list[Diagnostic]]:
        """One article, with the problems found in it."""
        found: list[Diagnostic] = []
        return load_article(path, self.folder, self.settings, found, self.knowledge), found


def load_frame(corpus_dir: Path) -> tuple[CorpusFrame | None, list[Diagnostic]]:
    """corpus.yaml, actors.yaml and events.yaml, validated, and the list of article files."""
    if not corpus_dir.is_dir():
        return None, [error(str(corpus_dir), None, "corpus", "is not a folder")]
    folder = CorpusFolder.at(corpus_dir)
    diagnostics: list[Diagnostic] = []
    settings, knowledge = load_knowledge(folder, diagnostics)
    files = _article_files(folder, diagnostics)
    if not files:
        diagnostics.append(
            error(folder.shown(folder.path / "articles"), None, "articles", "no articles")
        )
    return CorpusFrame(folder, settings, knowledge, tuple(files)), diagnostics


# Names of Markdown files that are not read as articles (only `.md` is): said, not skipped.
_OTHER_MARKDOWN = (".markdown", ".mdown", ".mkd", ".mkdn")


def _article_files(folder: CorpusFolder, diagnostics: list[Diagnostic]) -> list[Path]:
    """The Markdown files of articles/, in name order; a link out of the corpus, or to nothing,
    is refused, and a Markdown file not named `.md` is pointed out."""
    articles = folder.path / "articles"
    files: list[Path] = []
    for entry in listing(articles, folder.shown(articles), diagnostics):
        path = articles / entry.name
        refusal = folder.outside(path) if entry.is_symlink() else None
        if refusal is not None:
            diagnostics.append(refusal)
        elif path.suffix == ".md" and entry.is_file():
            files.append(path)
        elif entry.is_symlink() and not path.exists():
            target = path.readlink()
            diagnostics.append(
                error(
                    folder.shown(path), None, "file", f"is a link to {target}, which is not there"
                )
            )
        elif entry.is_file() and path.suffix.lower() in (".md", *_OTHER_MARKDOWN):
            diagnostics.append(
                warning(
                    folder.shown(path),
                    None,
                    "file",
                    f"is not read as an article: only names ending in .md are; "
                    f"rename it {path.stem}.md",
                )
            )
    return files


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
    diagnostics.extend(_shared_captures(frame, articles))
    used = {article.meta.source_file for article in articles}
    sources = frame.folder.path / "sources"
    for entry in listing(sources, frame.folder.shown(sources), diagnostics):
        if entry.name in used or errors_in(diagnostics):
            continue
        try:
            is_file = entry.is_file()
        except OSError:  # a loop of links
            diagnostics.append(error(frame.folder.shown(sources / entry.name), None, *LINK_LOOP))
            continue
        if is_file:
            diagnostics.append(
                warning(
                    frame.folder.shown(sources / entry.name),
                    None,
                    "source_file",
                    "no article names this capture: add articles/<id>.md with "
                    f"`source_file: {entry.name}`",
                )
            )
    return articles


def _shared_captures(
    frame: CorpusFrame, articles: list[LoadedArticle | AnnotatedArticle]
) -> Iterator[Diagnostic]:
    """An error for each article whose capture is another's, or is published under the name of
    another's: captures are published with names ending in `.txt` (`link.urls.capture_path`),
    so `a.html` and `a.html.txt` would be one file."""
    owners: dict[str, LoadedArticle | AnnotatedArticle] = {}
    for article in articles:
        name = article.meta.source_file
        published = name.removesuffix(".txt")
        first = owners.setdefault(published, article)
        if first is article:
            continue
        line = _line_of(frame, article.path, "source_file:")
        if first.meta.source_file == name:
            message = (
                f"sources/{name} is also the capture of {first.path}; "
                "each article has a capture of its own"
            )
        else:
            message = (
                f"sources/{name} would be published as sources/{published}.txt, as would "
                f"sources/{first.meta.source_file}, the capture of {first.path}; rename one"
            )
        yield error(article.path, line, "source_file", message)


def _line_of(frame: CorpusFrame, shown: str, key: str) -> int | None:
    """The line of an article's front matter that begins with `key` (read again: only for an
    error)."""
    for path in frame.files:
        if frame.folder.shown(path) == shown:
            try:
                lines = frame.folder.read_text(path).splitlines()
            except FileError:
                return None
            return next((n for n, text in enumerate(lines, 1) if text.startswith(key)), None)
    return None
