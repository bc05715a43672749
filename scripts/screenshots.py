"""Screenshots of one page of each kind at a phone's and a laptop's width, in headless Chromium.

    .venv/bin/python scripts/screenshots.py [--site site] [--out screenshots] [--readme]

Builds nothing: run `make site` first. `--readme` also writes docs/screenshot.png, the picture at
the top of the README. The other images are for looking at, not for committing.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
WIDTHS = (390, 1280)


def pages(site: Path) -> dict[str, str]:
    records = json.loads((site / "data" / "records.json").read_text(encoding="utf-8"))
    mentioned = {m["actor"] for a in records["articles"] for m in a["mentions"]}
    actor = next(a["id"] for a in records["actors"] if a["id"] in mentioned)
    return {
        "home": "",
        "article": f"articles/{records['articles'][0]['id']}/",
        "articles": "articles/",
        "actor": f"actors/{actor}/",
        "actors": "actors/",
        "event": f"events/{records['events'][0]['id']}/",
        "timeline": "timeline/",
        "compare": "compare/",
        "about": "about/",
        "search": "search/?q=Japan",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--readme", action="store_true", help="also write docs/screenshot.png")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(options.site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                for name, path in pages(options.site).items():
                    page.goto(base + path, wait_until="networkidle")
                    shot = options.out / f"{name}-{width}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    print(shot)
                page.close()
            if options.readme:
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(base, wait_until="networkidle")
                page.screenshot(path=str(options.out / "readme.png"))
                shutil.copyfile(options.out / "readme.png", Path("docs") / "screenshot.png")
                print("docs/screenshot.png")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
