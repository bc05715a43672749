"""Lighthouse scores of the home page, an article page and the search page (also with a query), on
Lighthouse's mobile and desktop presets, for a site built with a site URL.

    .venv/bin/python scripts/lighthouse.py [--runs N] [--keep]      (or: make lighthouse)

Builds the corpus into a temporary folder (`natocorpus build --site-url https://example.org
--base-url /`), serves it on 127.0.0.1, runs Lighthouse (npm's `lighthouse`, pinned in
package.json: `node_modules/.bin/lighthouse`, or the one `LIGHTHOUSE` names) in headless Chromium
(`CHROME_PATH`, by default /usr/bin/chromium) with its default, simulated throttling, and prints
the four category scores of each page and preset. Where a score is below 100 the page is run
twice more and the median of the three runs is shown (performance varies from run to run on a
busy machine), with the audits that cost points. Too slow for `make test`.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = ("mobile", "desktop")
SITE_URL = "https://example.org"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
CONTENT_TYPES = {".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}


def build(out: Path) -> None:
    command = [sys.executable, "-m", "natocorpus.cli", "build", "--out", str(out)]
    command += ["--site-url", SITE_URL, "--base-url", "/"]
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return CONTENT_TYPES.get(Path(path).suffix) or super().guess_type(path)


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def pages(site: Path) -> dict[str, str]:
    """The pages measured, by name: the search page as it opens, and as a shared search (or the
    header's search box) opens it, which also loads the index and draws the results."""
    records = json.loads((site / "data" / "records.json").read_text(encoding="utf-8"))
    return {
        "home": "",
        "article": f"articles/{records['articles'][0]['id']}/",
        "search": "search/",
        "search?q": "search/?q=Japan",
    }


def lighthouse_command() -> list[str]:
    named = os.environ.get("LIGHTHOUSE")
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    found = named or (str(local) if local.exists() else shutil.which("lighthouse"))
    if not found:
        sys.exit("lighthouse not found: run `npm ci` (it is in package.json), or set LIGHTHOUSE")
    return [found]


def run_once(url: str, preset: str) -> dict[str, object]:
    command = lighthouse_command() + [url, "--output=json", "--output-path=stdout", "--quiet"]
    command += [f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url} ({preset}):\n{result.stderr[-2000:]}")
    report: dict[str, object] = json.loads(result.stdout)
    return report


def scores(report: dict[str, object]) -> dict[str, int]:
    categories = report["categories"]
    assert isinstance(categories, dict)
    return {c: round(100 * (categories[c]["score"] or 0)) for c in CATEGORIES}


def costly_audits(report: dict[str, object]) -> list[str]:
    """The audits that cost a category points, as `category: audit (score)`."""
    categories, audits = report["categories"], report["audits"]
    assert isinstance(categories, dict) and isinstance(audits, dict)
    found = []
    for category in CATEGORIES:
        for ref in categories[category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or f"score {audit['score']:.2f}"
                found.append(f"{category}: {ref['id']} ({shown})")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=0, help="runs of each page and preset (default 1; 3 below 100)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the built site and say where")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="natocorpus-lighthouse-"))
    site = folder / "site"
    try:
        build(site)
        base = serve(site)
        rows = []
        notes = []
        for name, path in pages(site).items():
            for preset in PRESETS:
                reports = [run_once(base + path, preset) for _ in range(options.runs or 1)]
                if not options.runs and min(scores(reports[0]).values()) < 100:
                    reports += [run_once(base + path, preset) for _ in range(2)]
                runs = [scores(r) for r in reports]
                median = {c: int(statistics.median(r[c] for r in runs)) for c in CATEGORIES}
                rows.append((name, preset, len(runs), median))
                for report in reports:
                    notes += [f"{name} {preset}: {a}" for a in costly_audits(report)]
        heads = "  ".join(f"{c:>14}" for c in CATEGORIES)
        print(f"{'page':<9} {'preset':<8} {'runs':>4}  {heads}")
        for name, preset, count, median in rows:
            cells = "  ".join(f"{median[c]:>14}" for c in CATEGORIES)
            print(f"{name:<9} {preset:<8} {count:>4}  {cells}")
        for note in sorted(set(notes)):
            print("  below 1:", note)
    finally:
        if options.keep:
            print(f"site kept in {site}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
