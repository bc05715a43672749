"""The search page's layout, as a reader on a phone or a laptop sees it: the first result in view
without scrolling on a phone, nothing moving as the search box, the filters and the results
arrive, and the site's own focus ring on Pagefind's filter checkboxes.

The real site in Chromium, searched from the address (`?q=`) as a shared link or the header's
search box does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
QUERIES = ("China", "Japan", "NATO")

# Every layout shift since the page began, as Chromium reports them (the PerformanceObserver is
# installed before the page's own scripts, and `buffered` hands it those already recorded).
# Shifts right after the reader's own input are left out, as the CLS metric leaves them out.
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }
}).observe({ type: "layout-shift", buffered: true });
"""

SETTLED = """(term) => {
  const message = document.querySelector('.pagefind-ui__message')?.textContent || '';
  const results = document.querySelectorAll('.pagefind-ui__result');
  return message.trim().endsWith(' ' + term) && results.length > 0
    && !document.querySelector('#search .pagefind-ui__loading');
}"""


def open_search(browser: Browser, base: str, viewport: dict[str, int], term: str) -> Page:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.add_init_script(RECORD_SHIFTS)
    page.goto(f"{base}search/?q={term}")
    page.wait_for_function(SETTLED, arg=term)
    return page


@pytest.fixture
def base(serve_site: Any, built_site: Path) -> str:
    url: str = serve_site(built_site)
    return url


@pytest.mark.parametrize("term", QUERIES)
def test_on_a_phone_the_first_result_is_above_the_fold(
    browser: Browser, base: str, term: str
) -> None:
    page = open_search(browser, base, PHONE, term)
    try:
        assert page.locator(".pagefind-ui__filter-block").count() >= 3, "no filters shown"
        assert page.locator(".pagefind-ui__filter-block[open]").count() == 0, (
            "a filter group starts open on a phone"
        )
        box = page.locator(".pagefind-ui__result").first.bounding_box()
        assert box is not None
        assert box["y"] < PHONE["height"], f"the first result starts {box['y']:.0f} px down"
        assert page.locator(".pagefind-ui__result").first.is_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1280"])
def test_nothing_moves_as_the_search_page_and_its_results_load(
    browser: Browser, base: str, viewport: dict[str, int]
) -> None:
    page = open_search(browser, base, viewport, QUERIES[0])
    try:
        # Then a second search, typed, and its results.
        page.locator(".pagefind-ui__search-input").fill(QUERIES[1])
        page.wait_for_function(SETTLED, arg=QUERIES[1])
        page.wait_for_timeout(500)
        shifts: list[float] = page.evaluate("window.__shifts")
        assert sum(shifts) < 0.05, f"cumulative layout shift {sum(shifts):.3f}: {shifts}"
    finally:
        page.context.close()


def test_nothing_moves_on_the_search_page_before_a_search(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.add_init_script(RECORD_SHIFTS)
        page.goto(f"{base}search/")
        page.wait_for_selector(".pagefind-ui__search-input")
        page.wait_for_timeout(500)
        shifts: list[float] = page.evaluate("window.__shifts")
        assert sum(shifts) < 0.05, f"cumulative layout shift {sum(shifts):.3f}: {shifts}"
        # What the box keeps room for is still there below it, to scroll to.
        assert page.get_by_role("heading", name="Browse instead").count() == 1
    finally:
        context.close()


OUTLINE = """(el) => {
  const style = getComputedStyle(el);
  return [style.outlineStyle, style.outlineWidth, style.outlineColor];
}"""


def test_a_filter_checkbox_has_the_sites_focus_ring(browser: Browser, base: str) -> None:
    page = open_search(browser, base, LAPTOP, QUERIES[0])
    try:
        # The site's ring, on a link reached with the keyboard (the skip link, first on the page).
        page.locator("body").press("Tab")
        site_ring = page.evaluate(OUTLINE, page.evaluate_handle("document.activeElement"))
        assert site_ring[0] == "solid" and site_ring[1] == "3px", site_ring
        # A filter's checkbox, reached with the keyboard from the search box.
        page.locator(".pagefind-ui__search-input").focus()
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.type === 'checkbox'"):
                break
        else:
            pytest.fail("no filter checkbox reached with the Tab key")
        assert page.evaluate("document.activeElement.matches(':focus-visible')")
        ring = page.evaluate(OUTLINE, page.evaluate_handle("document.activeElement"))
        assert ring == site_ring, f"checkbox ring {ring}, the site's {site_ring}"
    finally:
        page.context.close()
