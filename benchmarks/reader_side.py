"""The reader-side figures of benchmarks/run.py, on the real corpus's site: the largest article page
with the CSS it links, and the bytes a search transfers in headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
_STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]+)\"")


def article_page_weight(site: Path) -> dict[str, Any]:
    """The largest article page of the site, with the stylesheets it links (uncompressed)."""
    pages = sorted((site / "articles").glob("*/index.html"))
    if not pages:
        return {"measured": False, "reason": f"no article pages under {site}/articles"}
    best: dict[str, Any] = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        css = 0
        for href in _STYLESHEET.findall(html):
            target = site / href.split("?")[0].lstrip("/")
            if not href.startswith("/"):
                target = page.parent / href
            if target.is_file():
                css += target.stat().st_size
        total = page.stat().st_size + css
        if total > best.get("bytes", -1):
            best = {
                "measured": True,
                "bytes": total,
                "html": page.stat().st_size,
                "css": css,
                "path": str(page.relative_to(site)),
            }
    return best


# GitHub Pages sends text with gzip; the transfer figure is measured the same way.
_COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and kind.startswith(_COMPRESSED_TYPES)):
            return super().send_head()
        if Path(self.translate_path(self.path)).is_dir() and not self.path.split("?")[0].endswith(
            "/"
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


_RESULTS_SHOWN = """() => {
  const box = document.querySelector('#search-results');
  if (box && box.querySelector('a[href]')) return true;
  const selector = '.pagefind-ui__result a, pagefind-results a, [class*="result"] a';
  return !!document.querySelector(selector);
}"""


def search_transfer(site: Path, query: str = "NATO") -> dict[str, Any]:
    """Bytes transferred to open search/?q=<query> and show results, from Chromium's network log."""

    def not_measured(reason: str) -> dict[str, Any]:
        return {"measured": False, "reason": reason}

    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        return not_measured("Playwright is not installed in this Python")
    if not CHROMIUM.exists():
        return not_measured(f"{CHROMIUM} is missing")
    if not (site / "search" / "index.html").is_file() or not (site / "pagefind").is_dir():
        return not_measured("the site has no search page or no pagefind/ index")
    sizes: list[tuple[str, int]] = []
    transferred: list[tuple[str, int]] = []
    try:
        with serving(site) as origin, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page()
                responses: list[Any] = []
                page.on("response", lambda response: responses.append(response))
                page.goto(f"{origin}/search/?q={query}", wait_until="load")
                try:
                    page.wait_for_function(_RESULTS_SHOWN, timeout=15_000)
                except PlaywrightError:
                    return not_measured(
                        "no search results appeared within 15 s of opening "
                        f"search/?q={query} (the search page's UI is not wired up yet?)"
                    )
                page.wait_for_load_state("networkidle")
                for response in responses:
                    try:
                        body = response.body()
                        sent = response.request.sizes()["responseBodySize"]
                    except PlaywrightError:
                        continue
                    if sent <= 0 and body:
                        # Chromium reports no size for some responses (a web worker's script):
                        # count them as the server sends them, gzipped.
                        sent = len(gzip.compress(body, 6))
                    url = response.url.removeprefix(origin)
                    sizes.append((url, len(body)))
                    transferred.append((url, sent))
            finally:
                browser.close()
    except PlaywrightError as exc:
        return not_measured(f"Chromium could not run: {str(exc).splitlines()[0]}")
    kinds: dict[str, int] = {}
    for url, size in sizes:
        path = url.split("?")[0]
        suffix = Path(path).suffix.lstrip(".") or "html"
        if "/pagefind/" in path:
            kind = "pagefind " + (
                "wasm"
                if "wasm" in Path(path).name
                else suffix
                if suffix in ("js", "css")
                else "index"
            )
        else:
            kind = "page " + suffix
        kinds[kind] = kinds.get(kind, 0) + size
    return {
        "measured": True,
        "query": query,
        "bytes": sum(size for _, size in transferred),
        "uncompressed": sum(size for _, size in sizes),
        "requests": len(sizes),
        "by_kind": dict(sorted(kinds.items(), key=lambda item: -item[1])),
        "largest": sorted(sizes, key=lambda item: -item[1])[:5],
    }


def safe_search_transfer(site: Path) -> dict[str, Any]:
    """The browser measure never fails the run: any problem becomes "not measured"."""
    try:
        return search_transfer(site)
    except Exception as exc:  # a harness must report, not crash, on a half-built UI
        return {"measured": False, "reason": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}
