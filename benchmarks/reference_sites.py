"""Hugo and Pelican sites made from a natocorpus corpus, for measuring them beside natocorpus.

    python benchmarks/reference_sites.py CORPUS OUT    # writes OUT/hugo/ and OUT/pelican/

Each article's reading text (`articles/*.md`, its body after the front matter, word for word)
becomes one markdown page of each site, with the article's title, date (`published`), authors and,
as tags, the names of the knowledge base's actors whose forms its text contains (what natocorpus
makes actor pages of). Both sites have an authors taxonomy and a tags taxonomy, and so a page for
each author and each tag besides the article pages:

- Hugo: `content/articles/ID.md` with YAML front matter, `hugo.toml` (taxonomies `authors` and
  `tags`, `buildFuture`; otherwise Hugo's defaults, which add RSS feeds and a sitemap) and
  minimal layouts of its own (Hugo has no default theme): the base, single, list and terms pages.
- Pelican: `content/ID.md` with Pelican's metadata lines (Title, Date, Authors, Tags, Slug) and a
  `pelicanconf.py` that keeps Pelican's defaults (its default theme, author and tag pages, feeds).

Pelican is installed from PyPI, pinned to PELICAN_VERSION, into a virtual environment of its own
(`pelican_venv`), never into the project's. Hugo is the installed `hugo` (Debian's package).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# The one place the Pelican version is pinned.
PELICAN_VERSION = "4.12.0"
PELICAN_REQUIREMENT = f"pelican[markdown]=={PELICAN_VERSION}"
# Written last into each site: a site left half-written by an interrupted run is never reused.
STAMP_NAME = ".reference-stamp"
_WORD = re.compile(r"\w+")
_FRONT_END = "\n---\n"

HUGO_CONFIG = """\
baseURL = "/"
title = "Hugo reference site"
languageCode = "en"
# Pelican publishes articles dated in the future; Hugo, by default, does not.
buildFuture = true

[taxonomies]
author = "authors"
tag = "tags"
"""

# Hugo 0.111 layouts: `single` renders the articles, `terms` the list of a taxonomy's terms, and
# `list` the home page, the section and each term's page.
HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
""",
    "single.html": """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .GetTerms "authors" }}<p>By
{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>
{{ end }}</p>{{ end }}
{{ with .GetTerms "tags" }}<ul class="tags">
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{ end }}</ul>{{ end }}
{{ .Content }}
</article>
{{ end }}
""",
    "list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{ end }}</ul>
{{ end }}
""",
    "terms.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
}

# Pelican's defaults otherwise: the default theme ("notmyidea"), a page for each author and each
# tag (AUTHOR_SAVE_AS, TAG_SAVE_AS), the Atom feeds, no content cache (every build is cold).
PELICAN_CONFIG = """\
AUTHOR = "natocorpus benchmarks"
SITENAME = "Pelican reference site"
SITEURL = ""
FEED_DOMAIN = "https://example.org"  # without it, Pelican warns that the feeds' links are relative
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
"""


class ReferenceUnavailableError(RuntimeError):
    """A reference tool cannot be set up here (not installed, no network for pip)."""


@dataclass
class Page:
    id: str
    title: str
    date: str
    authors: list[str]
    tags: list[str]
    body: str


def _value(front: dict[str, Any], key: str) -> Any:
    field = front.get(key)
    return field.get("value") if isinstance(field, dict) else field


def _date(published: Any) -> str:
    """A full date from `published` (a year, a month or a day): its first day."""
    text = str(published or "2000")
    parts = (text.split("-") + ["01", "01"])[:3]
    return "-".join(parts)


class ActorFinder:
    """Which actors an article's text names: the knowledge base's forms, case-sensitive, on word
    boundaries (forms with a rule are taken without it)."""

    def __init__(self, actors_yaml: Path) -> None:
        actors = yaml.load(actors_yaml.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
        self.by_first_word: dict[str, list[tuple[str, str]]] = {}
        for actor in actors:
            for form in actor.get("forms", []):
                text = form.get("text") if isinstance(form, dict) else form
                first = _WORD.search(str(text or ""))
                if text and first and first.start() == 0:
                    entry = (str(text), str(actor["name"]))
                    self.by_first_word.setdefault(first.group(), []).append(entry)
        for forms in self.by_first_word.values():
            forms.sort(key=lambda entry: -len(entry[0]))

    def names_in(self, text: str) -> list[str]:
        found: dict[str, None] = {}
        for word in _WORD.finditer(text):
            for form, name in self.by_first_word.get(word.group(), ()):
                end = word.start() + len(form)
                if text.startswith(form, word.start()) and not text[end : end + 1].isalnum():
                    found.setdefault(name)
                    break
        return list(found)


def read_pages(corpus: Path) -> list[Page]:
    """Every article of the corpus, in file order, as the reference sites show it."""
    finder = ActorFinder(corpus / "actors.yaml")
    pages = []
    for path in sorted((corpus / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        end = text.index(_FRONT_END, 4)
        front = yaml.load(text[4:end], Loader=yaml.CSafeLoader)
        body = text[end + len(_FRONT_END) :].lstrip("\n")
        authors = [str(a["name"]) for a in _value(front, "authors") or [] if a.get("name")]
        pages.append(
            Page(
                id=str(front.get("id") or path.stem),
                title=" ".join(str(_value(front, "title") or path.stem).split()),
                date=_date(_value(front, "published")),
                authors=authors,
                tags=finder.names_in(body),
                body=body,
            )
        )
    return pages


def hugo_page(page: Page) -> str:
    front = [
        "---",
        f"title: {json.dumps(page.title, ensure_ascii=False)}",
        f"date: {page.date}",
        f"authors: {json.dumps(page.authors, ensure_ascii=False)}",
        f"tags: {json.dumps(page.tags, ensure_ascii=False)}",
        "---",
    ]
    return "\n".join(front) + "\n\n" + page.body


def pelican_page(page: Page) -> str:
    # Pelican splits Authors and Tags on commas: a comma inside a name is dropped.
    metadata = [
        f"Title: {page.title}",
        f"Date: {page.date}",
        f"Slug: {page.id}",
    ]
    if page.authors:
        metadata.append("Authors: " + ", ".join(a.replace(",", "") for a in page.authors))
    if page.tags:
        metadata.append("Tags: " + ", ".join(t.replace(",", "") for t in page.tags))
    return "\n".join(metadata) + "\n\n" + page.body


def write_sites(corpus: Path, out: Path, corpus_stamp: str) -> tuple[Path, Path]:
    """OUT/hugo and OUT/pelican from CORPUS, unless those there were written alike."""
    hugo, pelican = out / "hugo", out / "pelican"
    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    wanted = f"{corpus_stamp} reference_sites={digest}\n"
    if all((site / STAMP_NAME).is_file() for site in (hugo, pelican)) and all(
        (site / STAMP_NAME).read_text(encoding="utf-8") == wanted for site in (hugo, pelican)
    ):
        return hugo, pelican
    pages = read_pages(corpus)
    for site in (hugo, pelican):
        if site.exists():
            shutil.rmtree(site)
    layouts = hugo / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    (hugo / "content" / "articles").mkdir(parents=True)
    (pelican / "content").mkdir(parents=True)
    (pelican / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    for page in pages:
        hugo_file = hugo / "content" / "articles" / f"{page.id}.md"
        hugo_file.write_text(hugo_page(page), encoding="utf-8")
        (pelican / "content" / f"{page.id}.md").write_text(pelican_page(page), encoding="utf-8")
    for site in (hugo, pelican):
        (site / STAMP_NAME).write_text(wanted, encoding="utf-8")
    return hugo, pelican


def hugo_command(hugo: str, site: Path, destination: Path) -> list[str]:
    return [hugo, "--source", str(site), "--destination", str(destination)]


def hugo_article_pages(destination: Path) -> int:
    return sum(1 for _ in destination.glob("articles/*/index.html"))


def pelican_command(venv: Path, site: Path, destination: Path) -> list[str]:
    pelican, settings = str(venv / "bin" / "pelican"), str(site / "pelicanconf.py")
    return [pelican, str(site / "content"), "-s", settings, "-o", str(destination)]


def pelican_article_pages(destination: Path, ids: list[str]) -> int:
    return sum(1 for page_id in ids if (destination / f"{page_id}.html").is_file())


def pelican_venv(venv: Path, python: Path) -> Path:
    """A virtual environment holding Pelican at PELICAN_VERSION, made with `python -m venv` and
    pip the first time (or when the pinned version changes)."""
    stamp = venv / "pelican-requirement"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == PELICAN_REQUIREMENT:
        return venv
    if venv.exists():
        shutil.rmtree(venv)
    print(f"  installing {PELICAN_REQUIREMENT} into {venv}", flush=True)
    steps = [
        [str(python), "-m", "venv", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", PELICAN_REQUIREMENT],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            raise ReferenceUnavailableError(f"`{' '.join(step)}` exited {done.returncode}: {tail}")
    stamp.write_text(PELICAN_REQUIREMENT, encoding="utf-8")
    return venv


def tool_version(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return (done.stdout or done.stderr).strip().split(" BuildDate")[0] or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a natocorpus corpus folder")
    parser.add_argument("out", type=Path, help="folder to write hugo/ and pelican/ into")
    args = parser.parse_args(argv)
    # A stamp of its own each time: the sites are always written again from the corpus.
    hugo, pelican = write_sites(args.corpus, args.out, f"written={time.time_ns()}")
    count = sum(1 for _ in (pelican / "content").glob("*.md"))
    print(f"{count} articles into {hugo} and {pelican}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
