"""`natocorpus serve`: build, serve the output folder on loopback, rebuild and reload on change."""

from __future__ import annotations

import contextlib
import http.server
import posixpath
import threading
import time
import urllib.parse
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import click

from natocorpus.build import BuildReport, build
from natocorpus.config import BuildConfig

RELOAD_PATH = "/__natocorpus/reload.js"
VERSION_PATH = "/__natocorpus/version"
# Served only by `natocorpus serve`, never written into the site: polls the build version.
RELOAD_SCRIPT = b"""(function () {
  var seen = null;
  function poll() {
    fetch("/__natocorpus/version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (seen !== null && v !== seen) { location.reload(); } seen = v; })
      .catch(function () {}).finally(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


class _State:
    def __init__(self) -> None:
        self.version = 0
        self.lock = threading.Lock()


def _resolve_inside(root: Path, url_path: str) -> Path | None:
    """The file a URL path names, or None when it would leave the served folder."""
    decoded = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path)
    if "\x00" in decoded or "\\" in decoded:
        return None
    parts = [part for part in posixpath.normpath(decoded).split("/") if part]
    if any(part in ("..", ".") for part in decoded.split("/")):
        return None
    candidate = root.joinpath(*parts)
    try:
        resolved = candidate.resolve()
    except OSError:
        return None
    if not resolved.is_relative_to(root.resolve()):
        return None
    return candidate


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves one folder only; anything outside it, however encoded, is a 404."""

    state: _State
    live_reload: bool

    def __init__(self, *args: Any, state: _State, live_reload: bool, **kwargs: Any) -> None:
        self.state = state
        self.live_reload = live_reload
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _route(self) -> bool:
        if self.live_reload and self.path == RELOAD_PATH:
            self._send_bytes(RELOAD_SCRIPT, "text/javascript")
            return True
        if self.live_reload and self.path == VERSION_PATH:
            self._send_bytes(str(self.state.version).encode(), "text/plain")
            return True
        root = Path(self.directory)
        target = _resolve_inside(root, self.path)
        if target is None or not (target.is_file() or (target / "index.html").is_file()):
            self.send_error(404, "Not found")
            return True
        if self.live_reload and target.is_dir() and self.path.split("?")[0].endswith("/"):
            page = (target / "index.html").read_bytes()
            tag = f'<script src="{RELOAD_PATH}"></script></body>'.encode()
            self._send_bytes(page.replace(b"</body>", tag, 1), "text/html; charset=utf-8")
            return True
        return False

    def do_GET(self) -> None:
        with contextlib.suppress(ConnectionError):
            if not self._route():
                super().do_GET()

    def do_HEAD(self) -> None:
        with contextlib.suppress(ConnectionError):
            if not self._route():
                super().do_HEAD()


def make_server(
    directory: Path, host: str, port: int, *, live_reload: bool = False
) -> tuple[http.server.ThreadingHTTPServer, _State]:
    state = _State()
    handler = partial(SiteHandler, directory=str(directory), state=state, live_reload=live_reload)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server, state


def _snapshot(folders: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    entries: list[tuple[str, int, int]] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            with contextlib.suppress(OSError):
                stat = path.stat()
                entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


def serve(
    config: BuildConfig,
    host: str,
    port: int,
    *,
    on_report: Callable[[BuildReport], None],
) -> int:
    report = build(config)
    on_report(report)
    if not report.written and not config.out_dir.is_dir():
        click.echo("The first build failed and there is no site to serve.", err=True)
        return 1
    server, state = make_server(config.out_dir, host, port, live_reload=True)
    click.echo(f"Serving {config.out_dir}/ at http://{host}:{server.server_address[1]}/")
    click.echo("Rebuilding when corpus or templates change; Ctrl-C to stop.")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    watched = (config.corpus_dir, config.templates_dir)
    seen = _snapshot(watched)
    try:
        while True:
            time.sleep(0.5)
            current = _snapshot(watched)
            if current == seen:
                continue
            seen = current
            click.echo("Change detected; rebuilding...")
            report = build(config)
            on_report(report)
            if report.written:
                with state.lock:
                    state.version += 1
                click.echo("Rebuilt; open pages reload.")
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.shutdown()
        server.server_close()
    return 0
