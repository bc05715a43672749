"""`natocorpus serve` in Chromium: after a broken edit every open page shows the build's errors
over the last good page, under the site's Content-Security-Policy (no inline script or style);
the fix reloads the pages and the overlay is gone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from serve_support import Server, edit, wait_for

pytestmark = pytest.mark.browser

OVERLAY = "#natocorpus-preview-errors"
TIMEOUT_MS = 60_000


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    started = Server(tmp_path, "--base-url", "/natocorpus/")
    yield started
    started.close()


def open_page(browser: Browser, url: str, width: int, refused: list[str]) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            refused.append(message.text)

    page.on("console", note)
    page.goto(url)
    return page


@pytest.mark.parametrize("width", [390, 1280])
def test_a_broken_edit_shows_the_errors_in_every_open_page_until_it_is_fixed(
    browser: Browser, server: Server, width: int
) -> None:
    refused: list[str] = []
    article = open_page(browser, server.url + "articles/sample-article/", width, refused)
    home = open_page(browser, server.url, width, refused)
    assert article.locator(OVERLAY).count() == 0

    events = server.corpus / "events.yaml"
    edit(events, "participants: [nato]", "participants: [nobody]")
    for page in (article, home):
        overlay = page.locator(OVERLAY)
        overlay.wait_for(state="visible", timeout=TIMEOUT_MS)
        assert "The last rebuild failed" in overlay.inner_text()
        assert "unknown actor id 'nobody'" in overlay.inner_text()
        assert overlay.get_attribute("role") == "alert"
        box = overlay.bounding_box()
        assert box is not None and box["x"] >= 0 and box["width"] <= width
        # The styles come from the preview's stylesheet, which the policy allows.
        assert overlay.evaluate("e => getComputedStyle(e).position") == "fixed"
    assert "Ann Author" in article.inner_text("main")  # the last good page, still there

    # Hidden by the reader, the overlay stays hidden until the errors change.
    article.get_by_role("button", name="Hide").click()
    assert article.locator(OVERLAY).count() == 0

    edit(events, "participants: [nobody]", "participants: [nato]")
    edit(server.corpus / "articles" / "sample-article.md", "name: Ann Author", "name: Ann Editor")
    for page in (article, home):
        page.locator(OVERLAY).wait_for(state="detached", timeout=TIMEOUT_MS)
    wait_for(lambda: "Ann Editor" in article.inner_text("main"), "the article page to reload")
    assert refused == []
    assert server.process.poll() is None
