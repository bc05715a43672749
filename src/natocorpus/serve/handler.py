"""The preview's HTTP server: one output folder, mounted under the site's base URL, and nothing
else. A path outside the folder, however encoded, a dot file (the build cache, the marker file)
or a path that names no page gets the site's own 404 page with status 404; `/` redirects to the
base URL; a request target past `MAX_TARGET` characters gets 414; a connection that sends nothing
for `timeout` seconds is closed.
"""

from __future__ import annotations

import contextlib
import errno
import http.server
import mimetypes
import os
import shutil
import socket
import sys
import urllib.parse
from functools import partial
from pathlib import Path
from typing import Any

from natocorpus.diagnostics import ConfigError, Diagnostic, error
from natocorpus.serve.overlay import (
    OVERLAY_STYLE,
    OVERLAY_STYLE_PATH,
    PREVIEW_SCRIPT,
    RELOAD_PATH,
    RESERVED_PREFIX,
    STATUS_PATH,
    VERSION_PATH,
    PreviewState,
    with_preview_script,
)

# Far above any URL the site links to, far below what could hurt: a longer target is answered 414.
MAX_TARGET = 2048
CONNECTION_TIMEOUT = 15.0  # seconds a connection may stay silent before it is closed

# Types that `mimetypes` does not know, or guesses differently from one system to another.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
}


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def resolve_inside(root: Path, relative: str) -> Path | None:
    """The file or folder under `root` that a decoded URL path (relative to the base URL) names,
    or None where it would leave `root` or names a dot file: `..` and `.` are refused outright,
    and so are the build's cache folder and marker file, which the site does not publish."""
    if "\x00" in relative or "\\" in relative:
        return None
    parts = [part for part in relative.split("/") if part]
    if any(part.startswith(".") for part in parts):
        return None
    candidate = root.joinpath(*parts)
    try:
        inside = candidate.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return None
    return candidate if inside else None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the file system, a loop of links
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    """Answers GET and HEAD from one folder; with a `state`, adds the preview's script to every
    HTML page and answers the preview's own paths."""

    server_version = "natocorpus-preview"

    def __init__(
        self,
        *args: Any,
        root: Path,
        base_url: str,
        state: PreviewState | None,
        timeout: float,
        **kwargs: Any,
    ) -> None:
        # Set before the base class's __init__, which handles the request.
        self.root = root
        self.base_url = base_url
        self.state = state
        self.idle_timeout = timeout
        super().__init__(*args, **kwargs)

    def setup(self) -> None:
        super().setup()
        # A client that stops sending holds a thread only this long (reading the request line
        # or headers and writing a response alike); the base class then closes the connection.
        self.connection.settimeout(self.idle_timeout)

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self._answer()

    def do_HEAD(self) -> None:
        self._answer()

    def _answer(self) -> None:
        try:
            self._route()
        except (ConnectionError, TimeoutError):
            return  # the client went away, or stopped reading
        except Exception as failure:  # one request's failure must not end others
            print(
                f"natocorpus serve: {self.command} {self.path[:200]} failed: "
                f"{type(failure).__name__}: {failure}",
                file=sys.stderr,
            )
            with contextlib.suppress(Exception):
                self.send_error(500)

    def _route(self) -> None:
        if len(self.path) > MAX_TARGET:
            self.send_error(414)
            return
        target = urllib.parse.urlsplit(self.path)
        raw = target.path
        if self.state is not None and raw.startswith(RESERVED_PREFIX):
            self._preview_file(raw, self.state)
            return
        if self.base_url != "/" and raw in ("/", self.base_url.rstrip("/")):
            self._redirect(self.base_url)
            return
        if not raw.startswith(self.base_url):
            self._not_found()
            return
        found = resolve_inside(self.root, urllib.parse.unquote(raw[len(self.base_url) :]))
        if found is not None and _is_dir(found):
            if not raw.endswith("/"):
                # One leading slash only: `//name/` would send the browser to another host.
                query = f"?{target.query}" if target.query else ""
                self._redirect("/" + raw.lstrip("/") + "/" + query)
                return
            found = found / "index.html"
        if found is None or not _is_file(found):
            self._not_found()
            return
        try:
            self._send_file(found)
        except FileNotFoundError:  # gone since: a rebuild swapping the site in
            self._not_found()

    def _preview_file(self, path: str, state: PreviewState) -> None:
        if path == RELOAD_PATH:
            self._send_bytes(PREVIEW_SCRIPT, CONTENT_TYPES[".js"])
        elif path == OVERLAY_STYLE_PATH:
            self._send_bytes(OVERLAY_STYLE, CONTENT_TYPES[".css"])
        elif path == STATUS_PATH:
            self._send_bytes(state.status(), CONTENT_TYPES[".json"])
        elif path == VERSION_PATH:
            self._send_bytes(str(state.version).encode(), CONTENT_TYPES[".txt"])
        else:
            self._not_found()

    def _redirect(self, location: str) -> None:
        self.send_response(302 if location == self.base_url else 301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_found(self) -> None:
        page = self.root / "404.html"
        if _is_file(page):
            with contextlib.suppress(FileNotFoundError):  # a rebuild swapping the site in
                self._send_file(page, status=404)
                return
        self.send_error(404, "Not found")

    def _send_file(self, path: Path, status: int = 200) -> None:
        kind = content_type(path)
        with path.open("rb") as file:
            if self.state is not None and kind.startswith("text/html"):
                self._send_bytes(with_preview_script(file.read(), self.state.version), kind, status)
                return
            self._send_headers(status, kind, os.fstat(file.fileno()).st_size)
            if self.command != "HEAD":
                shutil.copyfileobj(file, self.wfile)

    def _send_bytes(self, body: bytes, kind: str, status: int = 200) -> None:
        self._send_headers(status, kind, len(body))
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_headers(self, status: int, kind: str, length: int) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        # A preview: every page asked for again after a rebuild must be the new one.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()


class PreviewServer(http.server.ThreadingHTTPServer):
    """One thread per connection, none of which keeps the process alive."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: Any, family: int) -> None:
        self.address_family = family
        super().__init__(address, handler)


def _family(host: str, port: int) -> int:
    """The address family of `host` (IPv4 or IPv6); a ConfigError naming --host where it is
    neither an address nor a name this machine can resolve."""
    try:
        found = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as failure:
        reason = failure.strerror if isinstance(failure, socket.gaierror) else str(failure)
        raise ConfigError(
            [error("--host", None, "host", f"{host!r} is not an address or a known name: {reason}")]
        ) from None
    return int(found[0][0])


def bind(
    root: Path,
    host: str,
    port: int,
    *,
    base_url: str = "/",
    state: PreviewState | None = None,
    timeout: float = CONNECTION_TIMEOUT,
) -> PreviewServer:
    """A server listening on `host`:`port` (0: any free port), not yet serving; a ConfigError
    naming the option at fault where it cannot listen there."""
    handler = partial(PreviewHandler, root=root, base_url=base_url, state=state, timeout=timeout)
    try:
        return PreviewServer((host, port), handler, _family(host, port))
    except OSError as failure:
        raise ConfigError([_bind_problem(host, port, failure)]) from None


def _bind_problem(host: str, port: int, failure: OSError) -> Diagnostic:
    if failure.errno == errno.EADDRINUSE:
        return error(
            "--port",
            None,
            "port",
            f"port {port} is already in use on {host}: stop what listens there or choose "
            "another --port (0 takes any free one)",
        )
    if failure.errno == errno.EACCES:
        return error(
            "--port",
            None,
            "port",
            f"port {port} on {host} needs privileges this user does not have: "
            "choose a port above 1023",
        )
    if failure.errno == errno.EADDRNOTAVAIL:
        return error("--host", None, "host", f"{host!r} is not an address of this machine")
    reason = failure.strerror or str(failure)
    return error("--host", None, "host", f"cannot listen on {host!r} port {port}: {reason}")


def make_server(
    directory: Path,
    host: str,
    port: int,
    *,
    live_reload: bool = False,
    base_url: str = "/",
    timeout: float = CONNECTION_TIMEOUT,
) -> tuple[PreviewServer, PreviewState]:
    """A server for `directory` and the state its pages read (used only with `live_reload`)."""
    state = PreviewState()
    server = bind(
        directory,
        host,
        port,
        base_url=base_url,
        state=state if live_reload else None,
        timeout=timeout,
    )
    return server, state
