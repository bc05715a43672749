"""The stale-page rule, enforced: a rebuild keeps an article, actor or event page without preparing
it again while the digest of its inputs (`DeferredPage.inputs`) is the one recorded for it, so all
that such a page shows must be among its inputs (`article_page_inputs`, `actor_page_inputs`,
`event_page_inputs`).

Each case changes one input of a tiny corpus written inline (a field of a text, of an actor or of an
event, another text naming the same actor, a setting of the corpus, the base or site URL), links
the site before and after, and checks every article, actor and event page: one prepared differently
must have inputs that digest differently. Each case names pages it must change, so that it is known
to reach the kind of page it is about.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

import msgspec
import pytest

from corpus_factory import ACTORS, CAPTURE, SETTINGS, front_matter
from natocorpus.artifacts import Artifact
from natocorpus.build import annotate
from natocorpus.config import make_config
from natocorpus.diagnostics import errors_in
from natocorpus.link import DeferredPage, Page, link_site
from natocorpus.render import _PageReuse, iter_site_artifacts
from support import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "templates"

EVENTS = """\
- id: madrid-2022
  name: NATO Summit, Madrid
  type: summit
  date: "2022-06-28"
  precision: day
  end_date: "2022-06-30"
  place: Madrid
  participants: [nato]
  description: A summit.
  forms: [NATO summit in Madrid]
- id: washington-1999
  name: Washington summit
  type: summit
  date: "1999-04"
  precision: month
  place: Washington
  participants: [nato, usa]
  description: An earlier summit.
  forms: [1999 summit]
"""


def _article(stem: str, body: str, quotes: tuple[str, str], **fields: str) -> dict[str, str]:
    """An article file and its capture; `fields` replace lines of the front matter."""
    source = f"{stem}.txt"
    meta = front_matter(id=f"id: {stem}", source_file=f"source_file: {source}", **fields)
    meta = meta.replace("{q1}", quotes[0]).replace("{q2}", quotes[1])
    return {
        f"articles/{stem}.md": f"---\n{meta}\n---\n\n{textwrap.dedent(body)}\n",
        f"sources/{source}": CAPTURE.format(body=body),
    }


ALPHA_BODY = "NATO met in Washington. The US objected to the NATO summit in Madrid."
BETA_BODY = (
    "South Korea and the US spoke at the 1999 summit. NATO listened on the Korean Peninsula."
)
GAMMA_BODY = "South Korea and the Alliance met. The NATO 2022 Strategic Concept was cited."

# A person no text names: she comes to write a text, or to be cited in a reference list.
ROE_ACTOR = """\
- id: jane-roe
  name: Jane Roe
  type: person
  description: A researcher.
  forms: [Jane Roe]
"""

FILES: dict[str, str] = {
    "corpus.yaml": SETTINGS,
    "actors.yaml": ACTORS + ROE_ACTOR,
    "events.yaml": EVENTS,
    **_article("alpha", ALPHA_BODY, ("NATO met in Washington.", "The US objected")),
    **_article(
        "beta",
        BETA_BODY,
        ("South Korea and the US spoke", "NATO listened"),
        title="title: {value: Beta text, stated: A title}",
        published='published: {value: "2022-06", precision: month, inferred: an event}',
        stance=('stance:\n  value: 1\n  rationale: It agrees.\n  evidence: ["{q1}", "{q2}"]'),
    ),
    **_article(
        "gamma",
        GAMMA_BODY,
        ("South Korea and the Alliance met.", "was cited"),
        title="title: {value: Gamma text, stated: A title}",
        published='published: {value: "2021", precision: year, inferred: an event}',
    ),
}


class Case(msgspec.Struct, frozen=True):
    """One input changed: `edits` replace text in the corpus files (file, old, new), `added`
    are new files (name, text); `changes` are pages the change must show on."""

    name: str
    edits: tuple[tuple[str, str, str], ...]
    changes: tuple[str, ...]
    added: tuple[tuple[str, str], ...] = ()
    base_url: str = "/"
    site_url: str | None = None


def _in_text(stem: str, old: str, new: str) -> tuple[tuple[str, str, str], ...]:
    """The same words changed in an article's reading text and in its capture."""
    return ((f"articles/{stem}.md", old, new), (f"sources/{stem}.txt", old, new))


ALPHA = "articles/alpha/index.html"
BETA = "articles/beta/index.html"
GAMMA = "articles/gamma/index.html"
NATO = "actors/nato/index.html"
USA = "actors/usa/index.html"
KOREA = "actors/south-korea/index.html"
MADRID = "events/madrid-2022/index.html"
WASHINGTON = "events/washington-1999/index.html"
ROE = "actors/jane-roe/index.html"
CITED = ("bib", "ris", "json")
ANN = "actors/ann-author/index.html"
OUTLET = "actors/test-outlet/index.html"

CASES = (
    # Zones and authorship: a mention in a reference list is counted apart; a byline, an outlet
    # and a reference's authors are linked both ways.
    Case(
        "a reference list naming actors is added",
        _in_text(
            "alpha",
            "NATO summit in Madrid.",
            "NATO summit in Madrid.\n\n1. Doe J. The US and NATO. A journal. 2020. No. 1.",
        ),
        (ALPHA, NATO, USA),
    ),
    Case(
        "a reference cites an actor as an author",
        _in_text(
            "alpha",
            "NATO summit in Madrid.",
            "NATO summit in Madrid.\n\n1. Roe J. A title. A journal. 2020. No. 1.",
        ),
        (ALPHA, ROE),
    ),
    Case(
        "an actor becomes a text's author",
        (("articles/alpha.md", "{name: Ann Author}", "{name: Jane Roe}"),),
        (ALPHA, ROE, ANN),
    ),
    Case(
        "another author is added to a text",
        (("articles/alpha.md", "[{name: Ann Author}]", "[{name: Ann Author}, {name: Bob Roe}]"),),
        (ALPHA, ANN),
    ),
    Case(
        "another outlet publishes a text",
        (("articles/beta.md", "{value: Test Outlet,", "{value: Other Outlet,"),),
        (BETA, OUTLET),
    ),
    # A text's own fields: its page, and the actor and event pages that list it.
    Case(
        "article title",
        (("articles/alpha.md", "{value: A title,", "{value: A new title,"),),
        (ALPHA, USA, MADRID),
    ),
    Case(
        "article authors",
        (("articles/alpha.md", "{name: Ann Author}", "{name: Ann Author, affiliation: An Uni}"),),
        (ALPHA,),
    ),
    Case(
        "article date",
        (("articles/alpha.md", '"2023-01"', '"2023-03"'),),
        (ALPHA, USA),
    ),
    Case(
        "article stance",
        (("articles/alpha.md", "value: -1\n", "value: 2\n"),),
        (ALPHA, USA),
    ),
    Case(
        "article stance rationale",
        (("articles/alpha.md", "rationale: It objects.", "rationale: It objects firmly."),),
        (ALPHA,),
    ),
    Case(
        "article stance evidence",
        (("articles/alpha.md", '"The US objected"', '"NATO summit in Madrid"'),),
        (ALPHA,),
    ),
    Case(
        "article body text",
        _in_text("alpha", "The US objected", "The US disagreed"),
        (ALPHA, USA),
    ),
    Case(
        "article mentions another actor",
        _in_text("alpha", "NATO met in", "NATO and South Korea met in"),
        (ALPHA, KOREA, NATO),
    ),
    Case(
        "article themes",
        (("articles/alpha.md", "[alliances]", "[alliances, security]"),),
        (ALPHA,),
    ),
    Case(
        "article genre",
        (("articles/alpha.md", "{value: opinion,", "{value: analysis,"),),
        (ALPHA,),
    ),
    Case(
        "article completeness",
        (("articles/alpha.md", "{value: full,", "{value: excerpt,"),),
        (ALPHA,),
    ),
    Case(
        "article outlet",
        (("articles/alpha.md", "{value: Test Outlet,", "{value: Other Outlet,"),),
        (ALPHA, USA),
    ),
    # Another text: related texts on article pages, counts and passages on actor pages.
    Case(
        "another text names the actor once more",
        _in_text("beta", "NATO listened", "NATO and the US listened"),
        (BETA, USA, WASHINGTON),
    ),
    Case(
        "another text's title",
        (("articles/beta.md", "{value: Beta text,", '{value: "Beta, retitled",'),),
        (BETA, ALPHA, USA),
    ),
    Case(
        "another text's date",
        (("articles/gamma.md", '"2021"', '"2024"'),),
        (GAMMA, NATO),
    ),
    Case(
        "a text names an actor named with it once more",
        _in_text("alpha", "NATO met in Washington.", "NATO met in Washington. The US agreed."),
        (ALPHA, KOREA, WASHINGTON),
    ),
    Case(
        "a text refers once more to an event it takes part in",
        _in_text("gamma", "was cited.", "was cited. They recalled the 1999 summit."),
        (GAMMA, USA, WASHINGTON),
    ),
    Case(
        "a text naming nothing is added",
        (),
        (NATO,),
        added=tuple(_article("delta", "Nothing was said.", ("Nothing was", "said.")).items()),
    ),
    # The knowledge base: every page naming an actor or event shows its name.
    Case(
        "actor name",
        (("actors.yaml", "name: United States\n", "name: United States of America\n"),),
        (USA, ALPHA, BETA, WASHINGTON),
    ),
    Case(
        "actor description",
        (("actors.yaml", "A state.\n  forms: [US,", "A great state.\n  forms: [US,"),),
        (USA, WASHINGTON),
    ),
    Case(
        "actor forms",
        (("actors.yaml", "forms: [NATO, Nato, the Alliance]", "forms: [NATO, Nato]"),),
        (NATO, GAMMA),
    ),
    Case(
        "a form no text uses is added to an actor texts name",
        (("actors.yaml", "forms: [US, U.S.,", "forms: [US, U.S., the States,"),),
        (USA, ALPHA, BETA),
    ),
    Case(
        "a form is added to an event a text refers to",
        (("events.yaml", "in Madrid]", "in Madrid, MS22]"),),
        (ALPHA,),
    ),
    Case(
        "actor type",
        (("actors.yaml", "name: South Korea\n  type: state", "name: South Korea\n  type: region"),),
        (KOREA, BETA),
    ),
    Case(
        "actor wikidata",
        (("actors.yaml", "name: United States\n", "name: United States\n  wikidata: Q30\n"),),
        (USA, WASHINGTON),
    ),
    Case(
        "event name",
        (("events.yaml", "name: NATO Summit, Madrid", "name: NATO Summit in Madrid"),),
        (MADRID, ALPHA),
    ),
    Case(
        "event date",
        (("events.yaml", 'date: "1999-04"', 'date: "1999-05"'),),
        (WASHINGTON, BETA),
    ),
    Case(
        "event end date",
        (("events.yaml", 'end_date: "2022-06-30"', 'end_date: "2022-07-01"'),),
        (MADRID,),
    ),
    Case(
        "event place",
        (("events.yaml", "place: Madrid", "place: Madrid, Spain"),),
        (MADRID,),
    ),
    Case(
        "event description",
        (("events.yaml", "description: An earlier summit.", "description: A summit before."),),
        (WASHINGTON,),
    ),
    Case(
        "event participants",
        (("events.yaml", "participants: [nato]", "participants: [nato, south-korea]"),),
        (MADRID, KOREA),
    ),
    # The corpus's settings and the addresses: on every page.
    Case(
        "site title",
        (("corpus.yaml", "title: Test corpus", "title: Another corpus"),),
        (ALPHA, NATO, MADRID),
    ),
    Case(
        "licence",
        (("corpus.yaml", "name: CC BY 4.0", "name: CC BY-SA 4.0"),),
        (ALPHA,),
    ),
    Case(
        "stance level label",
        (("corpus.yaml", "label: opposed}", "label: against}"),),
        (ALPHA, USA),
    ),
    Case(
        "stance question",
        (("corpus.yaml", "question: Position on the thing", "question: Where it stands"),),
        (ALPHA,),
    ),
    Case("base url", (), (ALPHA, NATO, MADRID), base_url="/sub/path/"),
    Case("site url", (), (ALPHA, NATO, MADRID), site_url="https://example.org"),
)


class Prepared(msgspec.Struct, frozen=True):
    """An article, actor or event page as a build makes it: the digest of its inputs and its HTML
    as the render stage makes them, and the digest of its inputs alone with the page prepared."""

    digest: bytes
    html: bytes
    inputs: bytes
    page: Page


class Built(msgspec.Struct, frozen=True):
    """Each article, actor and event page of a corpus, by output path; and every other file the
    render stage makes known by its inputs (the citation files), as made."""

    pages: dict[str, Prepared]
    files: dict[str, Artifact]


def _prepared(root: Path, files: Mapping[str, str], base_url: str, site_url: str | None) -> Built:
    """Each article, actor and event page of the corpus `files`, and the other files known by
    their inputs."""
    corpus_dir = root / "corpus"
    for name, text in files.items():
        (corpus_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus_dir / name).write_text(text, encoding="utf-8")
    corpus, diagnostics = annotate(make_config(corpus_dir))
    assert corpus is not None and not errors_in(diagnostics), [str(d) for d in diagnostics]
    site = link_site(corpus, base_url, origin=site_url)
    reuse = _PageReuse(b"", {})
    rendered = {
        artifact.path: artifact
        for artifact in iter_site_artifacts(site, TEMPLATES)
        if isinstance(artifact, Artifact)
    }
    prepared = {}
    for entry in site.pages.entries:
        if isinstance(entry, DeferredPage):
            assert entry.inputs is not None, entry.output
            artifact = rendered[entry.output]
            assert artifact.inputs is not None, entry.output
            prepared[entry.output] = Prepared(
                artifact.inputs,
                artifact.content,
                reuse.digest_of_inputs(entry.inputs()),
                entry.make(),
            )
    others = {
        path: artifact
        for path, artifact in rendered.items()
        if path not in prepared and artifact.inputs is not None
    }
    return Built(prepared, others)


def _edited(case: Case) -> dict[str, str]:
    files = dict(FILES)
    for name, old, new in case.edits:
        assert old in files[name], (name, old)
        files[name] = files[name].replace(old, new)
    files.update(case.added)
    return files


@pytest.fixture(scope="module")
def built_before(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _prepared(tmp_path_factory.mktemp("before"), FILES, "/", None)


@pytest.fixture(scope="module")
def before(built_before: Built) -> dict[str, Prepared]:
    return built_before.pages


def test_every_kind_of_page_is_known_by_its_inputs(before: dict[str, Prepared]) -> None:
    kinds = {output.split("/", 1)[0] for output in before}
    assert kinds == {"articles", "actors", "events"}
    assert {ALPHA, BETA, GAMMA, NATO, USA, KOREA, MADRID, WASHINGTON} <= before.keys()


def test_every_citation_file_is_known_by_its_inputs(built_before: Built, tmp_path: Path) -> None:
    """Each text's citation files change with its own record only; the corpus's with any."""
    own = {f"articles/{s}/{s}.{ext}" for s in ("alpha", "beta", "gamma") for ext in CITED}
    corpus_wide = {f"data/citations.{ext}" for ext in CITED}
    assert own | corpus_wide <= built_before.files.keys()
    title = (("articles/alpha.md", "{value: A title,", "{value: A new title,"),)
    retitled = _prepared(tmp_path, _edited(Case("title", title, ())), "/", None).files
    changed = {
        path
        for path in own | corpus_wide
        if retitled[path].content != built_before.files[path].content
    }
    assert changed == {p for p in own if p.startswith("articles/alpha/")} | corpus_wide
    kept = {p for p in own | corpus_wide if retitled[p].inputs == built_before.files[p].inputs}
    assert kept == own - changed


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_page_that_changes_has_inputs_that_change(
    case: Case, built_before: Built, tmp_path: Path
) -> None:
    """Where the HTML of a page changes, so does the digest its previous file is kept by; where
    the prepared page changes, so do its inputs alone (the site-wide values that every page's
    digest also covers aside). So too for every other file known by its inputs: a citation file
    whose bytes change has inputs that change."""
    before = built_before.pages
    after_site = _prepared(tmp_path, _edited(case), case.base_url, case.site_url)
    after = after_site.pages
    both = sorted(before.keys() & after.keys())
    changed = [o for o in both if before[o].html != after[o].html]
    prepared_apart = [o for o in both if before[o].page != after[o].page]
    missing = sorted(set(case.changes) - {*changed, *prepared_apart})
    assert not missing, f"{case.name} does not change {missing}: the case tests nothing there"
    stale = [o for o in changed if before[o].digest == after[o].digest]
    assert not stale, (
        f"{case.name} changes {stale} but not their inputs: a rebuild keeps them stale"
    )
    unlisted = [o for o in prepared_apart if before[o].inputs == after[o].inputs]
    assert not unlisted, f"{case.name} changes {unlisted}, which their inputs do not list"
    files = sorted(built_before.files.keys() & after_site.files.keys())
    stale_files = [
        path
        for path in files
        if built_before.files[path].content != after_site.files[path].content
        and built_before.files[path].inputs == after_site.files[path].inputs
    ]
    assert not stale_files, f"{case.name} changes {stale_files} but not their inputs"
