"""`natocorpus serve`: loopback only, the output folder only, robust to clients that go away."""

from __future__ import annotations

import http.client
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus_factory import write_corpus
from natocorpus.cli import main
from natocorpus.serve import RELOAD_PATH, make_server
from support import PROJECT_ROOT


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    site = tmp_path / "site"
    (site / "articles" / "a").mkdir(parents=True)
    (site / "index.html").write_text("<html><body>home</body></html>")
    (site / "articles" / "a" / "index.html").write_text("<html><body>article</body></html>")
    (site / "big.bin").write_bytes(b"x" * 8_000_000)
    (tmp_path / "secret.txt").write_text("outside the site")
    server, _ = make_server(site, "127.0.0.1", 0, live_reload=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], site
    finally:
        server.shutdown()
        server.server_close()


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_serve_binds_loopback_by_default() -> None:
    serve = main.commands["serve"]  # type: ignore[attr-defined]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_pages_are_served_with_the_reload_script(served: tuple[int, Path]) -> None:
    port, _ = served
    status, body = get(port, "/articles/a/")
    assert status == 200
    assert b"article" in body
    assert RELOAD_PATH.encode() in body
    assert get(port, RELOAD_PATH)[0] == 200


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/articles/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/articles/%2e%2e/%2e%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "/..\\secret.txt",
        "/missing/",
    ],
)
def test_nothing_outside_the_output_folder_is_served(served: tuple[int, Path], path: str) -> None:
    port, _ = served
    status, body = get(port, path)
    assert status == 404
    assert b"outside the site" not in body


def test_a_client_that_disconnects_mid_response_does_not_stop_the_server(
    served: tuple[int, Path],
) -> None:
    port, _ = served
    for _ in range(3):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
            client.recv(1024)
            client.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
    assert get(port, "/")[0] == 200


def test_serve_rebuilds_on_change_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "natocorpus.cli", "serve", "--port", "0", "--no-search"]
        + ["--corpus", str(corpus), "--templates", str(PROJECT_ROOT / "templates")]
        + ["--out", str(tmp_path / "site")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    assert process.stdout is not None
    try:
        url = ""
        for line in process.stdout:
            if line.startswith("Serving"):
                url = line.split(" at ")[1].strip()
                break
        assert url.startswith("http://127.0.0.1:")

        def fetch(path: str) -> str:
            with urllib.request.urlopen(url + path, timeout=5) as response:
                return str(response.read().decode("utf-8"))

        version = fetch("__natocorpus/version")
        assert "Ann Author" in fetch("articles/sample-article/")
        article = corpus / "articles" / "sample-article.md"
        article.write_text(article.read_text().replace("name: Ann Author", "name: Ann Editor"))
        deadline = time.monotonic() + 30
        while fetch("__natocorpus/version") == version and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "Ann Editor" in fetch("articles/sample-article/")
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=15)
    assert process.returncode == 0
    assert "Stopped." in output
    assert "Traceback" not in output
