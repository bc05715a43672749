"""Golden pages: one page of each kind, built from a tiny inline corpus, compared byte for byte
with the expected HTML committed under tests/golden/.

An intended change to what a page shows makes these fail; regenerate the expected files with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden_pages.py

and review the diff of tests/golden/ in the commit, as the change a reader will see.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus_factory import ACTORS, EVENTS, write_corpus
from natocorpus.build import build
from natocorpus.config import make_config
from support import PROJECT_ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATING = os.environ.get("UPDATE_GOLDEN") == "1"

# One page of each kind the site has, and the site-wide files a reader or a feed reader sees.
PAGES = (
    "index.html",
    "articles/index.html",
    "articles/sample-article/index.html",
    "actors/index.html",
    "actors/nato/index.html",
    "actors/ann-author/index.html",
    "events/index.html",
    "events/madrid-2022/index.html",
    "timeline/index.html",
    "compare/index.html",
    "about/index.html",
    "search/index.html",
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
)

BODY = """\
## Before Madrid

NATO met in Washington in June 2022. The US objected to the plan.

At the NATO summit in Madrid, South Korea joined the talks on the Korean Peninsula.

The NATO 2022 Strategic Concept names the Indo-Pacific.

1. Doe J. NATO and the Korean Peninsula. A journal. 2020. No. 1. DOI: 10.1234/ab–1
"""

# The capture as received: the heading is a plain line there.
CAPTURE_BODY = BODY.replace("## ", "")

QUOTES = ("NATO met in Washington in June 2022.", "The US objected to the plan.")

EXTRA_EVENTS = """\
- id: vilnius-2023
  name: NATO Summit, Vilnius
  type: summit
  date: "2023-07-11"
  end_date: "2023-07-12"
  precision: day
  place: Vilnius
  participants: [nato, usa]
  description: A later summit.
  forms: [Vilnius summit]
"""


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("golden")
    corpus = write_corpus(
        root,
        BODY,
        quotes=QUOTES,
        capture_body=CAPTURE_BODY,
        actors=ACTORS,
        events=EVENTS + EXTRA_EVENTS,
    )
    config = make_config(
        corpus,
        PROJECT_ROOT / "templates",
        root / "site",
        "/golden/",
        site_url="https://example.org",
        search=False,
    )
    report = build(config)
    assert report.written, "\n".join(str(d) for d in report.errors)
    return root / "site"


@pytest.mark.parametrize("page", PAGES)
def test_page_is_as_committed(golden_site: Path, page: str) -> None:
    made = (golden_site / page).read_bytes()
    expected = GOLDEN / page
    if UPDATING:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(made)
    assert expected.is_file(), f"no golden file for {page}: run with UPDATE_GOLDEN=1"
    assert made == expected.read_bytes(), (
        f"{page} differs from tests/golden/{page}; if the change is intended, run "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden_pages.py and review the diff"
    )


def test_every_page_kind_is_covered(golden_site: Path) -> None:
    """A new kind of page (a new top-level folder of HTML) gets a golden file too."""
    kinds = {
        path.relative_to(golden_site).parts[0]
        for path in golden_site.rglob("*.html")
        if len(path.relative_to(golden_site).parts) > 1
    }
    covered = {Path(page).parts[0] for page in PAGES if len(Path(page).parts) > 1}
    assert kinds <= covered, f"page kinds without a golden file: {sorted(kinds - covered)}"
