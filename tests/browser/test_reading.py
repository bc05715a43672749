"""Reading the real site in Chromium, on a phone (390 px) and a laptop (1280 px): the timeline's
text size, lane labels and scrolling, the legend of underlines, printing, unique landmark names,
and the actors index's use of a wide screen. Pages are picked from the built site's records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE, LAPTOP = 390, 1280
TIMELINES = ["timeline/", "index.html"]


@pytest.fixture
def open_page(browser: Browser, serve_site: Any, built_site: Path) -> Iterator[Any]:
    contexts = []

    def open_(path: str, width: int) -> Page:
        context = browser.new_context(viewport={"width": width, "height": 844})
        contexts.append(context)
        page = context.new_page()
        page.goto(serve_site(built_site) + path, wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def records(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "data" / "records.json").read_text("utf-8"))
    return data


# Rendered size of each piece of text in the timeline: an SVG's text is scaled by the SVG's
# width over its viewBox's.
TEXT_SIZES = """(figure) => {
    const sizes = [];
    for (const el of figure.querySelectorAll("text, p, figcaption")) {
        const box = el.getBoundingClientRect();
        if (!box.height || getComputedStyle(el).display === "none") continue;
        let size = parseFloat(getComputedStyle(el).fontSize);
        const svg = el.closest("svg");
        if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        sizes.push([size, el.textContent.trim().slice(0, 40)]);
    }
    return sizes;
}"""


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("path", TIMELINES)
def test_timeline_text_is_at_least_12px(open_page: Any, path: str, width: int) -> None:
    page = open_page(path, width)
    sizes = page.locator("figure.timeline").evaluate(TEXT_SIZES)
    assert any(label.isdigit() for _, label in sizes), f"no year label measured: {sizes}"
    smallest = min(sizes)
    assert smallest[0] >= 12, f"{path} at {width}px: {smallest[1]!r} renders at {smallest[0]}px"


BOXES = """(figure) => {
    const box = (el) => {
        const r = el.getBoundingClientRect();
        return [r.left, r.right, r.top, r.bottom];
    };
    const named = (selector) =>
        Array.from(figure.querySelectorAll(selector)).map((el) => [el.textContent, box(el)]);
    return {
        scroller: box(figure.querySelector(".tl-scroll")),
        labels: named(".tl-lane-label"),
        ticks: named(".tl-tick"),
    };
}"""


def _in(inner: list[float], outer: list[float]) -> bool:
    return inner[0] >= outer[0] - 0.5 and inner[1] <= outer[1] + 0.5


@pytest.mark.parametrize("path", TIMELINES)
def test_timeline_on_a_phone_scrolls_with_its_lanes_labelled(open_page: Any, path: str) -> None:
    """It opens at its first year, says that it scrolls, and its lane labels stay over it
    wherever it is scrolled to."""
    page = open_page(path, PHONE)
    figure = page.locator("figure.timeline")
    scroller = figure.locator(".tl-scroll")
    scroll_width, client_width, start = scroller.evaluate(
        "(s) => [s.scrollWidth, s.clientWidth, s.scrollLeft]"
    )
    assert scroll_width > client_width, "the timeline does not scroll at 390px"
    assert figure.locator(".tl-cue").is_visible(), "nothing says the timeline scrolls"
    assert start == 0
    first_year = figure.evaluate(BOXES)
    ticks = first_year["ticks"]
    assert _in(ticks[0][1], first_year["scroller"]), f"the first year {ticks[0][0]} is not in view"
    for position in (0.5, 1.0):
        scroller.evaluate(
            f"(s) => {{ s.scrollLeft = (s.scrollWidth - s.clientWidth) * {position}; }}"
        )
        boxes = figure.evaluate(BOXES)
        names = [name for name, _ in boxes["labels"]]
        assert names == ["Events", "Publications"]
        for name, box in boxes["labels"]:
            assert _in(box, boxes["scroller"]), f"{name} out of view at {position:.0%} scrolled"
    assert _in(boxes["ticks"][-1][1], boxes["scroller"]), "the last year is not reachable"


@pytest.mark.parametrize("path", TIMELINES)
def test_timeline_on_a_laptop_fits_without_a_scroll_cue(open_page: Any, path: str) -> None:
    page = open_page(path, LAPTOP)
    figure = page.locator("figure.timeline")
    scroll_width, client_width = figure.locator(".tl-scroll").evaluate(
        "(s) => [s.scrollWidth, s.clientWidth]"
    )
    assert scroll_width <= client_width
    assert not figure.locator(".tl-cue").is_visible()


MARK_SHARES = """(svg) => {
    const plot = svg.querySelector(".tl-axis");
    const left = plot.x1.baseVal.value, right = plot.x2.baseVal.value;
    const ticks = Array.from(svg.querySelectorAll(".tl-tick")).map((t) => t.textContent);
    const lines = Array.from(svg.querySelectorAll(".tl-grid")).map((l) => l.x1.baseVal.value);
    const marks = Array.from(svg.querySelectorAll(".tl-mark")).map((m) =>
        m.tagName === "circle" ? m.cx.baseVal.value : m.x.baseVal.value);
    return {left, right, ticks, lines, marks};
}"""


def test_the_years_that_hold_the_marks_have_the_room(open_page: Any, records: Any) -> None:
    """On a laptop the most recent years holding half the marks take most of their share of the
    width (each year with marks keeps a unit for its label, and the empty stretches a little),
    whatever share of the calendar they are."""
    page = open_page("timeline/", LAPTOP)
    drawn = page.locator("figure.timeline .timeline-svg").evaluate(MARK_SHARES)
    years = sorted(
        [int(e["date"]["value"][:4]) for e in records["events"]]
        + [int(a["published"]["value"][:4]) for a in records["articles"]]
    )
    recent = years[len(years) // 2]
    label = str(recent)
    assert label in drawn["ticks"], f"{recent} is not labelled: {drawn['ticks']}"
    start = drawn["lines"][drawn["ticks"].index(label)]
    width_share = (drawn["right"] - start) / (drawn["right"] - drawn["left"])
    mark_share = sum(x >= start for x in drawn["marks"]) / len(drawn["marks"])
    calendar_share = (years[-1] + 1 - recent) / (years[-1] + 1 - years[0])
    assert mark_share >= 0.5
    assert width_share >= 0.6 * mark_share, (width_share, mark_share)
    assert width_share > 3 * calendar_share, (width_share, calendar_share)


def test_article_legend_matches_the_underlines(open_page: Any, records: Any) -> None:
    style = """(el) => {
        const s = getComputedStyle(el);
        return [s.textDecorationLine, s.textDecorationStyle, s.textDecorationColor];
    }"""
    for article in records["articles"]:
        page = open_page(f"articles/{article['id']}/", LAPTOP)
        event = page.locator(".article-body a.mention-event, .article-body a.mention-date")
        if not event.count():
            continue
        actor = page.locator(
            ".article-body a:not(.permalink):not(.mention-event):not(.mention-date)"
        ).first
        legend = page.locator(".mention-legend")
        assert legend.is_visible()
        assert "solid underline" in legend.inner_text() and "dotted" in legend.inner_text()
        actor_style = actor.evaluate(style)
        event_style = event.first.evaluate(style)
        assert actor_style[:2] == ["underline", "solid"] and event_style[:2] == [
            "underline",
            "dotted",
        ]
        assert legend.locator(".legend-actor").evaluate(style) == actor_style
        assert legend.locator(".legend-event").evaluate(style) == event_style
        return
    pytest.fail("no article refers to an event")


def test_an_article_prints_its_citations_without_screen_links(open_page: Any, records: Any) -> None:
    page = open_page(f"articles/{records['articles'][0]['id']}/", LAPTOP)
    assert (
        page.locator(".why-link").is_visible() and page.locator(".evidence-link").first.is_visible()
    )
    assert not page.locator("#cite details pre").first.is_visible()
    page.emulate_media(media="print")
    for selector in (".why-link", ".evidence-link", ".mention-legend", ".permalink"):
        shown = [el.is_visible() for el in page.locator(selector).all()]
        assert shown and not any(shown), f"{selector} prints"
    formats = page.locator("#cite details pre")
    assert formats.count() == 3
    assert all(name.is_visible() for name in page.locator("#cite summary").all())
    for i in range(3):
        assert formats.nth(i).is_visible(), f"citation format {i + 1} does not print"
        assert formats.nth(i).bounding_box()["height"] > 20  # type: ignore[index]
    margins = page.evaluate(
        """() => Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules))
            .filter((rule) => rule instanceof CSSPageRule).map((rule) => rule.style.marginTop)"""
    )
    assert margins and all(m not in ("", "0px") for m in margins)


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def _landmark_pages(built_site: Path, records: dict[str, Any]) -> list[str]:
    cited = sorted(
        p.parent.name
        for p in (built_site / "actors").glob("*/index.html")
        if 'class="mentions-cited"' in p.read_text("utf-8")
    )
    return [
        "index.html",
        *(f"articles/{a['id']}/" for a in records["articles"]),
        f"actors/{records['actors'][0]['id']}/",
        *(f"actors/{name}/" for name in cited[:3]),
    ]


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_landmarks_have_unique_names(
    open_page: Any, axe: Axe, built_site: Path, records: Any, width: int
) -> None:
    pages = _landmark_pages(built_site, records)
    assert len(pages) > 3
    found = []
    for path in pages:
        page = open_page(path, width)
        options = {"runOnly": {"type": "rule", "values": ["landmark-unique"]}}
        response = axe.run(page, options=options).response
        assert response["passes"] or response["violations"], f"axe checked no landmark on {path}"
        for violation in response["violations"]:
            found += [f"{path}: {' '.join(node['target'])}" for node in violation["nodes"]]
    assert not found, "\n".join(found)


def test_actors_index_uses_a_laptop_screen(open_page: Any) -> None:
    phone = open_page("actors/", PHONE)
    phone_height = phone.evaluate("document.documentElement.scrollHeight")
    laptop = open_page("actors/", LAPTOP)
    height = laptop.evaluate("document.documentElement.scrollHeight")
    columns = laptop.locator(".actor-types li").evaluate_all(
        "(items) => new Set(items.map((li) => Math.round(li.getBoundingClientRect().left))).size"
    )
    assert columns >= 3, f"{columns} column(s) at {LAPTOP}px"
    assert height <= 0.6 * phone_height, (height, phone_height)
