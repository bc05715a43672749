"""Shared fixtures for the end-to-end tests that drive a real Chromium.

* ``browser``: one headless Chromium for the whole session (Playwright, sync API), started from
  Debian's ``/usr/bin/chromium`` (``NATOCORPUS_CHROMIUM`` overrides the path). When it is
  missing the browser tests are skipped, except under ``CI=true``, where they fail.
* ``page``: a fresh page (own context, 1280x800) per test.
* ``serve_site(site_dir, prefix="/")``: serves a directory on 127.0.0.1 on a free port, mounted
  under ``prefix`` as GitHub Pages mounts a project site ("/natocorpus/"), and returns the base
  URL (always ending in "/"). Requests outside the prefix get 404.

The sites themselves come from the session fixtures ``built_site`` and ``built_site_subpath``
defined in ``tests/conftest.py``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

CHROMIUM_PATH = os.environ.get("NATOCORPUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

ServeSite = Callable[..., str]

# Types that http.server may not know (or guesses differently across Python versions).
CONTENT_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    """Skip locally, but fail under CI=true, where a missing tool must not go unnoticed."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM_PATH).is_file():
        skip_or_fail(
            f"Chromium not found at {CHROMIUM_PATH}: install Debian's package "
            "(apt-get install -y chromium) to run the browser tests"
        )
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM_PATH,
        headless=True,
        args=CHROMIUM_ARGS,
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def _normalise_prefix(prefix: str) -> str:
    prefix = "/" + prefix.strip("/")
    return prefix if prefix == "/" else prefix + "/"


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static file handler that serves its directory under ``prefix`` only."""

    prefix = "/"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output quiet

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return CONTENT_TYPES.get(Path(path).suffix.lower()) or super().guess_type(path)

    def _inside_prefix(self) -> bool:
        """Answer requests outside the prefix (404, or a redirect to "/prefix/")."""
        path = urlsplit(self.path).path
        if path.startswith(self.prefix):
            return True
        if path + "/" == self.prefix:  # "/natocorpus" -> "/natocorpus/", as GitHub Pages does
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return False
        self.send_error(HTTPStatus.NOT_FOUND, f"outside the site prefix {self.prefix}")
        return False

    def do_GET(self) -> None:
        if self._inside_prefix():
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._inside_prefix():
            super().do_HEAD()

    def translate_path(self, path: str) -> str:
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)


@pytest.fixture(scope="session")
def serve_site() -> Iterator[ServeSite]:
    """Factory: ``serve_site(site_dir, prefix="/") -> base_url`` (e.g. http://127.0.0.1:PORT/natocorpus/).

    Each (directory, prefix) pair is served once per session; all servers stop at teardown.
    """
    servers: dict[tuple[Path, str], tuple[ThreadingHTTPServer, threading.Thread, str]] = {}

    def serve(site_dir: Path | str, prefix: str = "/") -> str:
        root = Path(site_dir).resolve()
        if not root.is_dir():
            raise FileNotFoundError(f"serve_site: {root} is not a directory")
        prefix = _normalise_prefix(prefix)
        key = (root, prefix)
        if key not in servers:
            handler_class = type("SiteHandler", (_SiteHandler,), {"prefix": prefix})
            handler = partial(handler_class, directory=str(root))
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            thread = threading.Thread(
                target=server.serve_forever, name=f"serve_site {root}", daemon=True
            )
            thread.start()
            port = server.server_address[1]
            servers[key] = (server, thread, f"http://127.0.0.1:{port}{prefix}")
        return servers[key][2]

    yield serve

    for server, thread, _ in servers.values():
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
