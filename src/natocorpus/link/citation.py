"""How to cite a text: a plain reference, BibTeX, RIS and CSL-JSON, from its record."""

from __future__ import annotations

import json

import msgspec

from natocorpus.link.labels import join_names
from natocorpus.model import AnnotatedArticle, PartialDate


class Citation(msgspec.Struct, frozen=True):
    plain: str
    bibtex: str
    ris: str
    csl_json: str


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


def citation(article: AnnotatedArticle, page_url: str) -> Citation:
    """The citations of `article`, whose reading text is at `page_url`."""
    meta = article.meta
    names = [p.name for p in meta.authors.value]
    date = meta.published.value
    doi = meta.doi.value if meta.doi else None
    url = meta.source_url.value if meta.source_url else None
    link = f"https://doi.org/{doi}" if doi else url
    news = meta.genre.value in ("news", "opinion") and not doi

    lead = f"{join_names(names)}. " if names else ""
    plain = f"{lead}“{meta.title.value}.” {meta.outlet.value}, {date.display}."
    if link:
        plain += f" {link}."
    plain += f" Reading text: {page_url}"
    return Citation(
        plain=plain,
        bibtex=_bibtex(article, names, date, doi, url),
        ris=_ris(article, names, date, doi, url, news),
        csl_json=_csl_json(article, names, date, doi, url, news),
    )


def _bibtex(
    article: AnnotatedArticle, names: list[str], date: PartialDate, doi: str | None, url: str | None
) -> str:
    meta = article.meta
    fields: list[tuple[str, str]] = [("title", meta.title.value)]
    if names:
        fields.append(("author", " and ".join(names)))
    fields.append(("journal", meta.outlet.value))
    fields.append(("year", str(date.year)))
    if date.month is not None:
        fields.append(("month", str(date.month)))
    if date.day is not None:
        fields.append(("day", str(date.day)))
    if doi:
        fields.append(("doi", doi))
    if url:
        fields.append(("url", url))
    lines = [f"@article{{{article.id},"]
    lines += [f"  {name} = {{{bibtex_escape(value)}}}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines)


def _ris(
    article: AnnotatedArticle,
    names: list[str],
    date: PartialDate,
    doi: str | None,
    url: str | None,
    news: bool,
) -> str:
    meta = article.meta
    ris_date = "/".join(
        [
            f"{date.year:04d}",
            f"{date.month:02d}" if date.month else "",
            f"{date.day:02d}" if date.day else "",
            "",
        ]
    )
    lines = [f"TY  - {'NEWS' if news else 'JOUR'}", f"TI  - {meta.title.value}"]
    lines += [f"AU  - {name}" for name in names]
    lines += [f"PY  - {date.year:04d}", f"DA  - {ris_date}", f"T2  - {meta.outlet.value}"]
    if doi:
        lines.append(f"DO  - {doi}")
    if url:
        lines.append(f"UR  - {url}")
    lines.append(f"ID  - {article.id}")
    lines.append("ER  - ")
    return "\n".join(lines)


def _csl_json(
    article: AnnotatedArticle,
    names: list[str],
    date: PartialDate,
    doi: str | None,
    url: str | None,
    news: bool,
) -> str:
    meta = article.meta
    parts = [date.year] + ([date.month] if date.month else []) + ([date.day] if date.day else [])
    csl: dict[str, object] = {
        "id": article.id,
        "type": "article-newspaper" if news else "article-journal",
        "title": meta.title.value,
        "author": [{"literal": name} for name in names],
        "container-title": meta.outlet.value,
        "issued": {"date-parts": [parts]},
    }
    if doi:
        csl["DOI"] = doi
    if url:
        csl["URL"] = url
    return json.dumps([csl], ensure_ascii=False, indent=2)
