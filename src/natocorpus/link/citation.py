"""How to cite a text: a plain reference, BibTeX, RIS, CSL-JSON and the Highwire tags, from its
record, and the citation files (each text's beside its page, the corpus's in data/).

Every format is made from one `CitationRecord`, so they agree: the same type (by genre,
`CITATION_TYPES`), the authors split into family and given names where the record splits them
(cited as they stand otherwise: an organisation, a one-word name), a title the editors supplied in
square brackets, no outlet where none is known, and the volume, issue, pages, DOI, URL and access
date wherever the record has them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import partial
from typing import NamedTuple

import msgspec

from natocorpus.link.labels import highwire_date
from natocorpus.link.urls import Urls
from natocorpus.model import AnnotatedArticle, PartialDate, Person


class CitationType(NamedTuple):
    """One kind of publication, as each format names it."""

    label: str
    csl: str
    bibtex: str
    ris: str
    journal: bool  # cited with a journal title (BibTeX `journal`, `citation_journal_title`)


JOURNAL_ARTICLE = CitationType("journal article", "article-journal", "article", "JOUR", True)
NEWS_ARTICLE = CitationType("news article", "article-newspaper", "online", "NEWS", False)
BLOG_POST = CitationType("blog post", "post-weblog", "online", "BLOG", False)
WEB_PAGE = CitationType("web page", "webpage", "online", "ELEC", False)

CITATION_TYPES: dict[str, CitationType] = {
    "journal-abstract": JOURNAL_ARTICLE,
    "journal-article": JOURNAL_ARTICLE,
    "analysis": JOURNAL_ARTICLE,
    "news": NEWS_ARTICLE,
    "blog": BLOG_POST,
    "opinion": WEB_PAGE,
}
"""The type each genre is cited as; any other genre is a web page."""


def citation_type(genre: str) -> CitationType:
    return CITATION_TYPES.get(genre, WEB_PAGE)


class CitationRecord(msgspec.Struct, frozen=True):
    """What every format of a text's citation is made from."""

    id: str
    type: CitationType
    title: str  # in square brackets where the editors supplied it
    authors: tuple[Person, ...]
    container: str | None
    date: PartialDate
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    url: str | None  # the source's address, else the reading text's where it is absolute
    accessed: PartialDate | None  # when `url` (the source's) was read
    reading_url: str

    @property
    def first_page(self) -> str | None:
        return _page_range(self.pages)[0]

    @property
    def last_page(self) -> str | None:
        return _page_range(self.pages)[1]


def _page_range(pages: str | None) -> tuple[str | None, str | None]:
    if not pages:
        return None, None
    for dash in ("--", "–", "—", "-"):
        if dash in pages:
            first, _, last = pages.partition(dash)
            return first.strip() or None, last.strip() or None
    return pages.strip(), None


def citation_record(article: AnnotatedArticle, reading_url: str) -> CitationRecord:
    """The citation of `article`, whose reading text is at `reading_url` (absolute where the
    site's address is known)."""
    meta = article.meta
    title = meta.title.value
    if not meta.title.provenance.is_stated:
        title = f"[{title}]"
    source_url = meta.source_url.value if meta.source_url else None
    absolute = reading_url.startswith(("https://", "http://"))
    return CitationRecord(
        id=meta.id,
        type=citation_type(meta.genre.value),
        title=title,
        authors=meta.authors.value,
        container=meta.outlet.value,
        date=meta.published.value,
        volume=meta.volume.value if meta.volume else None,
        issue=meta.issue.value if meta.issue else None,
        pages=meta.pages.value if meta.pages else None,
        doi=meta.doi.value if meta.doi else None,
        url=source_url or (reading_url if absolute else None),
        accessed=meta.accessed.value if meta.accessed and source_url else None,
        reading_url=reading_url,
    )


class CitationDownload(msgspec.Struct, frozen=True):
    label: str
    href: str
    name: str


class Citation(msgspec.Struct, frozen=True):
    plain: str
    bibtex: str
    ris: str
    csl_json: str
    downloads: tuple[CitationDownload, ...] = ()


CITATION_FILES = (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json"))
"""The formats offered as files: (label, file extension)."""


def citation(article: AnnotatedArticle, urls: Urls) -> Citation:
    """The citations of `article` in every format, with the addresses of its citation files."""
    record = citation_record(article, urls.absolute(urls.article(article.id)))
    return Citation(
        plain=plain_citation(record),
        bibtex=bibtex_entry(record),
        ris=ris_record(record),
        csl_json=csl_json([record]),
        downloads=tuple(
            CitationDownload(label, urls.page(path), path.rsplit("/", 1)[-1])
            for label, path in (
                (label, citation_file(article.id, ext)) for label, ext in CITATION_FILES
            )
        ),
    )


def citation_file(article_id: str, ext: str) -> str:
    """Where a text's citation file is written: beside its page."""
    return f"articles/{article_id}/{article_id}.{ext}"


CORPUS_CITATION_FILES = {ext: f"data/citations.{ext}" for _, ext in CITATION_FILES}
"""The files that cite every text, by extension."""


# The plain reference ------------------------------------------------------------------------


def _end(text: str) -> str:
    """`text` closed by a full stop, unless it already ends a sentence."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _names(authors: tuple[Person, ...]) -> str:
    """The first author family name first, the others given name first."""
    shown = [authors[0].inverted] + [p.name for p in authors[1:]]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def plain_citation(record: CitationRecord) -> str:
    """A reference in the manner of Chicago's notes and bibliography."""
    parts: list[str] = []
    if record.authors:
        parts.append(_end(_names(record.authors)))
    if record.title.startswith("["):
        parts.append(_end(record.title))
    else:
        parts.append(f"“{_end(record.title)}”")
    when = record.date.display
    if record.type.journal and record.container and (record.volume or record.issue):
        source = record.container
        if record.volume:
            source += f" {record.volume}"
        if record.issue:
            source += f", no. {record.issue}"
        source += f" ({when})"
    else:
        source = ", ".join(filter(None, [record.container, when]))
    if record.pages:
        source += ": " + record.pages.replace("--", "–").replace("-", "–")
    parts.append(_end(source))
    if record.doi:
        parts.append(f"https://doi.org/{record.doi}.")
    elif record.url and record.url != record.reading_url:
        parts.append(_end(record.url))
    if record.accessed and record.url:
        parts.append(f"Accessed {record.accessed.display}.")
    parts.append(f"Reading text: {record.reading_url}")
    return " ".join(parts)


# BibTeX -------------------------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def _bibtex_name(person: Person) -> str:
    """`Family, Given` for a split name; a name cited as it stands is braced whole, so that
    BibTeX never splits it."""
    if person.family and person.given:
        return f"{bibtex_escape(person.family)}, {bibtex_escape(person.given)}"
    return "{" + bibtex_escape(person.name) + "}"


def bibtex_entry(record: CitationRecord) -> str:
    """A BibTeX entry, with the biblatex fields (`date`, `urldate`, `@online`) beside the
    classic ones."""
    kind = record.type
    date = record.date
    fields: list[tuple[str, str]] = []
    if record.authors:
        fields.append(("author", " and ".join(_bibtex_name(p) for p in record.authors)))
    fields.append(("title", bibtex_escape(record.title)))
    if record.container:
        fields.append(
            ("journal" if kind.journal else "organization", bibtex_escape(record.container))
        )
    if record.volume:
        fields.append(("volume", bibtex_escape(record.volume)))
    if record.issue:
        fields.append(("number", bibtex_escape(record.issue)))
    if record.first_page:
        pages = record.first_page + (f"--{record.last_page}" if record.last_page else "")
        fields.append(("pages", bibtex_escape(pages)))
    fields.append(("date", date.iso))
    fields.append(("year", str(date.year)))
    if date.month is not None:
        fields.append(("month", str(date.month)))
    if record.doi:
        fields.append(("doi", bibtex_escape(record.doi)))
    if record.url:
        fields.append(("url", record.url))
    if record.accessed:
        fields.append(("urldate", record.accessed.iso))
    lines = [f"@{kind.bibtex}{{{record.id},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines)


# RIS ----------------------------------------------------------------------------------------


def _ris_date(date: PartialDate) -> str:
    return "/".join(
        [
            f"{date.year:04d}",
            f"{date.month:02d}" if date.month else "",
            f"{date.day:02d}" if date.day else "",
            "",
        ]
    )


def ris_record(record: CitationRecord) -> str:
    """An RIS record: `AU` as `Family, Given`, `T2` the outlet, `Y2` the access date."""
    lines = [f"TY  - {record.type.ris}"]
    lines += [f"AU  - {p.inverted}" for p in record.authors]
    lines.append(f"TI  - {record.title}")
    if record.container:
        lines.append(f"T2  - {record.container}")
    lines += [f"PY  - {record.date.year:04d}", f"DA  - {_ris_date(record.date)}"]
    optional = (
        ("VL", record.volume),
        ("IS", record.issue),
        ("SP", record.first_page),
        ("EP", record.last_page),
        ("DO", record.doi),
        ("UR", record.url),
    )
    lines += [f"{tag}  - {value}" for tag, value in optional if value]
    if record.accessed:
        lines.append(f"Y2  - {_ris_date(record.accessed)}")
    lines.append(f"ID  - {record.id}")
    lines.append("ER  - ")
    return "\n".join(lines)


# CSL-JSON -----------------------------------------------------------------------------------


def _date_parts(date: PartialDate) -> dict[str, list[list[int]]]:
    return {"date-parts": [[date.year] + [n for n in (date.month, date.day) if n is not None]]}


def _csl_name(person: Person) -> dict[str, str]:
    if person.family and person.given:
        return {"family": person.family, "given": person.given}
    return {"literal": person.name}


def csl_item(record: CitationRecord) -> dict[str, object]:
    item: dict[str, object] = {
        "id": record.id,
        "type": record.type.csl,
        "title": record.title,
        "author": [_csl_name(p) for p in record.authors],
    }
    if record.container:
        item["container-title"] = record.container
    if record.volume:
        item["volume"] = record.volume
    if record.issue:
        item["issue"] = record.issue
    if record.pages:
        item["page"] = record.pages
    item["issued"] = _date_parts(record.date)
    if record.doi:
        item["DOI"] = record.doi
    if record.url:
        item["URL"] = record.url
    if record.accessed:
        item["accessed"] = _date_parts(record.accessed)
    return item


def csl_json(records: list[CitationRecord]) -> str:
    return json.dumps([csl_item(r) for r in records], ensure_ascii=False, indent=2)


# Highwire -----------------------------------------------------------------------------------


def highwire_tags(record: CitationRecord) -> list[tuple[str, str]]:
    """The Highwire Press `citation_*` tags (Google Scholar, Zotero): a journal title, volume,
    issue and pages for a journal article only."""
    tags = [("citation_title", record.title)]
    tags += [("citation_author", p.inverted) for p in record.authors]
    tags.append(("citation_publication_date", highwire_date(record.date)))
    if record.type.journal:
        if record.container:
            tags.append(("citation_journal_title", record.container))
        if record.volume:
            tags.append(("citation_volume", record.volume))
        if record.issue:
            tags.append(("citation_issue", record.issue))
        if record.first_page:
            tags.append(("citation_firstpage", record.first_page))
        if record.last_page:
            tags.append(("citation_lastpage", record.last_page))
    if record.doi:
        tags.append(("citation_doi", record.doi))
    if record.url and record.url != record.reading_url:
        tags.append(("citation_public_url", record.url))
    tags.append(("citation_abstract_html_url", record.reading_url))
    return tags


# The citation files -------------------------------------------------------------------------


class CitationFiles(msgspec.Struct, frozen=True):
    """Each text's .bib, .ris and CSL-JSON file beside its page, and the corpus's in data/: made
    one by one as they are written."""

    records: tuple[CitationRecord, ...]

    def paths(self) -> list[str]:
        paths = [citation_file(r.id, ext) for r in self.records for _, ext in CITATION_FILES]
        return paths + list(CORPUS_CITATION_FILES.values())

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        return ((path, make()) for path, _, make in self.made_from())

    def made_from(
        self,
    ) -> Iterator[tuple[str, tuple[CitationRecord, ...], Callable[[], bytes]]]:
        """Each file's path, the records it is made from (all it shows), and how to make it: a
        rebuild takes a file whose records are unchanged without making it again."""
        for record in self.records:
            one = (record,)
            yield citation_file(record.id, "bib"), one, partial(_bibtex_file, one)
            yield citation_file(record.id, "ris"), one, partial(_ris_file, one)
            yield citation_file(record.id, "json"), one, partial(_csl_file, one)
        every = self.records
        yield CORPUS_CITATION_FILES["bib"], every, partial(_bibtex_file, every)
        yield CORPUS_CITATION_FILES["ris"], every, partial(_ris_file, every)
        yield CORPUS_CITATION_FILES["json"], every, partial(_csl_file, every)


def _bibtex_file(records: tuple[CitationRecord, ...]) -> bytes:
    return _file("\n\n".join(bibtex_entry(r) for r in records))


def _ris_file(records: tuple[CitationRecord, ...]) -> bytes:
    return _file("\n\n".join(ris_record(r) for r in records))


def _csl_file(records: tuple[CitationRecord, ...]) -> bytes:
    return _file(csl_json(list(records)))


def _file(text: str) -> bytes:
    return (text + "\n").encode("utf-8")


def citation_files(articles: tuple[AnnotatedArticle, ...], urls: Urls) -> CitationFiles:
    return CitationFiles(
        tuple(citation_record(a, urls.absolute(urls.article(a.id))) for a in articles)
    )
