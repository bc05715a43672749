"""axe-core (bundled by axe-playwright-python) over one page of each kind, phone and desktop width.

A page passes with zero violations of the WCAG 2.0/2.1/2.2 A and AA rules. The article, actor and
event pages are picked from the built site's ``data/records.json``, not hard-coded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
VIEWPORT_WIDTHS = [390, 1280]
PAGE_KINDS = [
    "home",
    "article",
    "actor",
    "event",
    "timeline",
    "compare",
    "about",
    "search",
    "actors-index",
]


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> dict[str, str]:
    """Site-relative path of one page of each kind."""
    records_file = built_site / "data" / "records.json"
    records = json.loads(records_file.read_text(encoding="utf-8"))

    def first_id(collection: str) -> str:
        items = records.get(collection) or []
        if not items:
            pytest.fail(f"{records_file} lists no {collection}", pytrace=False)
        return str(items[0]["id"])

    return {
        "home": "index.html",
        "article": f"articles/{first_id('articles')}/",
        "actor": f"actors/{first_id('actors')}/",
        "event": f"events/{first_id('events')}/",
        "timeline": "timeline/",
        "compare": "compare/",
        "about": "about/",
        "search": "search/",
        "actors-index": "actors/",
    }


def format_violations(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation.get('impact')}]: {violation.get('help')}"
            f" ({violation.get('helpUrl')})"
        )
        for node in violation.get("nodes", []):
            target = " ".join(str(part) for part in node.get("target", []))
            summary = " ".join(str(node.get("failureSummary", "")).split())
            lines.append(f"    target: {target}")
            if summary:
                lines.append(f"      {summary[:400]}")
    return "\n".join(lines)


def run_axe(axe: Axe, page: Page) -> dict[str, Any]:
    response: dict[str, Any] = axe.run(page, options=AXE_OPTIONS).response
    ran = sum(len(response.get(key, [])) for key in ("violations", "passes", "inapplicable"))
    assert ran > 0, f"axe ran no rule for tags {WCAG_TAGS}: {response.get('testEngine')}"
    return response


@pytest.mark.parametrize("width", VIEWPORT_WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_has_no_wcag_violations(
    kind: str,
    width: int,
    browser: Browser,
    serve_site: Any,
    built_site: Path,
    page_paths: dict[str, str],
    axe: Axe,
) -> None:
    url = serve_site(built_site) + page_paths[kind]
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        response = page.goto(url, wait_until="load")
        assert response is not None, f"no response for {url}"
        assert response.ok, f"{url} answered HTTP {response.status}"
        page.wait_for_load_state("networkidle")
        result = run_axe(axe, page)
    finally:
        context.close()
    violations = result["violations"]
    assert not violations, format_violations(f"{url} at {width}px", violations)


def test_axe_reports_a_known_violation(page: Page, axe: Axe) -> None:
    """Guards the test above: a page with known problems must not pass."""
    page.set_content(
        "<!doctype html><html><head><title>bad</title></head><body><main>"
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )
    ids = {violation["id"] for violation in run_axe(axe, page)["violations"]}
    assert {"image-alt", "label"} <= ids, ids


PHONE_WIDTH = 360
SIDEWAYS = """() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll("body *"))
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`
            + ` ends at ${e.getBoundingClientRect().right}px`);
}"""


def overflow(page: Page) -> tuple[int, list[str]]:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width, page.evaluate(SIDEWAYS)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_does_not_scroll_sideways_on_a_small_phone(
    kind: str, browser: Browser, serve_site: Any, built_site: Path, page_paths: dict[str, str]
) -> None:
    url = serve_site(built_site) + page_paths[kind]
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 800})
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        width, culprits = overflow(page)
    finally:
        context.close()
    assert width <= PHONE_WIDTH, f"{url} is {width}px wide at {PHONE_WIDTH}px: {culprits}"


def test_the_sideways_measure_sees_a_wide_element(browser: Browser) -> None:
    """Guards the test above: a page wider than the phone must be caught."""
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 800})
    try:
        page = context.new_page()
        page.set_content('<!doctype html><body><div style="width:900px">wide</div></body>')
        width, culprits = overflow(page)
    finally:
        context.close()
    assert width > PHONE_WIDTH
    assert culprits


def test_article_metadata_reads_without_sideways_scrolling_on_a_phone(
    browser: Browser, serve_site: Any, built_site: Path, page_paths: dict[str, str]
) -> None:
    """The provenance notes are long: on a phone each field stacks instead of a narrow column
    that the reader would have to scroll inside its box."""
    url = serve_site(built_site) + page_paths["article"]
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        box = page.locator("#metadata .table-wrap")
        inner, outer = box.evaluate("(e) => [e.scrollWidth, e.clientWidth]")
        notes = page.locator("#metadata .prov-note").count()
    finally:
        context.close()
    assert notes > 0, f"{url} shows no provenance note"
    assert inner <= outer, f"the metadata table of {url} is {inner}px wide in a {outer}px box"


def test_each_event_is_named_without_sideways_scrolling_on_a_phone(
    browser: Browser, serve_site: Any, built_site: Path
) -> None:
    """The events index is a wide table, which scrolls inside its box on a phone; its dates wrap
    there so that the column of event names is in view beside them."""
    url = serve_site(built_site) + "events/"
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 800})
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        width = page.evaluate("document.documentElement.clientWidth")
        rights = page.locator(".data-table th[scope=row]").evaluate_all(
            "(cells) => cells.map((cell) => cell.getBoundingClientRect().right)"
        )
    finally:
        context.close()
    assert rights, f"{url} lists no event"
    assert max(rights) <= width, f"event names at {url} end at {max(rights)}px of {width}px"
