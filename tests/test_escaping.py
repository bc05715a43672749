"""Text from the corpus is always text: never markup, in pages, JSON-LD, meta tags or the feed."""

from __future__ import annotations

import json
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpus_factory import ACTORS, write_corpus
from natocorpus.build import build
from natocorpus.config import make_config
from support import PROJECT_ROOT

DANGEROUS = ["<script>alert(1)</script>", '"', "'", "&", "&amp;", "</textarea>", "javascript:x()"]
nasty = (
    st.lists(st.sampled_from([*DANGEROUS, "a", "B", " ", "é"]), min_size=1, max_size=6)
    .map("".join)
    .filter(lambda s: s.strip() == s and s.strip() != "")
)


class PageScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self.scripts.append((self._in_script, data))
        else:
            self.text.append(data)


def strings_in(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for item in data.values() for s in strings_in(item)]
    if isinstance(data, list):
        return [s for item in data for s in strings_in(item)]
    return []


def yaml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def build_with(tmp: Path, value: str) -> Path:
    body = f"NATO met. {value} said so."
    actors = ACTORS.replace(
        "  name: United States\n  type: state\n  description: A state.",
        f"  name: {yaml_string(value)}\n  type: state\n  description: {yaml_string(value)}",
    )
    corpus = write_corpus(
        tmp,
        body.replace("&", "\\&"),  # Markdown would read "&amp;" as an entity: escape it
        capture_body=body,
        quotes=("NATO met.", f"{value} said so."),
        actors=actors,
        overrides={
            "title": f"title: {{value: {yaml_string(value)}, inferred: x}}",
            "authors": f"authors:\n  value: [{{name: {yaml_string(value)}}}]\n  inferred: x",
            "stance": "stance:\n  value: -1\n  rationale: It objects.\n  evidence: "
            + json.dumps(["NATO met.", f"{value} said so."]),
            "omitted": "omitted:\n  - {line: 1, text: A title, reason: title}\n"
            "  - {line: 2, text: By Ann Author, reason: byline}",
        },
    )
    out = tmp / "site"
    report = build(make_config(corpus, PROJECT_ROOT / "templates", out, search=False))
    assert report.written, [str(d) for d in report.errors]
    return out


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(nasty)
@example("<script>alert(1)</script> & \"q\" 'a' </textarea> javascript:x()")
def test_dangerous_text_stays_text_everywhere(value: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = build_with(Path(folder), value)
        article = site / "articles" / "sample-article" / "index.html"
        for page in [article, *site.rglob("*.html")]:
            scan = PageScan()
            scan.feed(page.read_text(encoding="utf-8"))
            for tag, attrs in scan.tags:
                assert tag != "textarea" or "</textarea>" not in value, page
                for name, attribute in attrs.items():
                    if name in ("href", "src", "action") and attribute:
                        assert not attribute.strip().lower().startswith("javascript:"), page
            for attrs, content in scan.scripts:
                if attrs.get("type") == "application/ld+json":
                    json.loads(content)  # still valid JSON: the value did not break out
                else:
                    assert attrs.get("src") and not content.strip(), f"{page}: inline script"
        scan = PageScan()
        scan.feed(article.read_text(encoding="utf-8"))
        assert value in "".join(scan.text)
        title_meta = [a.get("content") for t, a in scan.tags if a.get("name") == "citation_title"]
        assert title_meta == [f"[{value}]"]  # the title is the editors' (inferred): bracketed
        ld = [json.loads(content) for attrs, content in scan.scripts if attrs.get("type")]
        assert value in set(strings_in(ld))
        feed = ET.parse(site / "feed.xml").getroot()
        titles = [el.text for el in feed.iter("{http://www.w3.org/2005/Atom}title")]
        assert value in titles


def test_raw_html_in_a_body_is_shown_not_run(tmp_path: Path) -> None:
    body = 'NATO met. <img src=x onerror="alert(1)"> and <b>bold</b> said so.'
    corpus = write_corpus(tmp_path, body, quotes=("NATO met.", "said so."))
    out = tmp_path / "site"
    report = build(make_config(corpus, PROJECT_ROOT / "templates", out, search=False))
    assert report.written, [str(d) for d in report.errors]
    scan = PageScan()
    scan.feed((out / "articles" / "sample-article" / "index.html").read_text(encoding="utf-8"))
    assert not [tag for tag, _ in scan.tags if tag in ("img", "b")]
    assert '<img src=x onerror="alert(1)"> and <b>bold</b>' in "".join(scan.text)
