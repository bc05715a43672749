"""`natocorpus serve`: loopback only, the output folder only (its dot files aside), the site's own
404 page, robust to clients that go away, send too much or send nothing; errors that name the
option where it cannot listen."""

from __future__ import annotations

import contextlib
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
from typing import Any

import pytest
from click.testing import CliRunner

from corpus_factory import write_corpus
from natocorpus.cli import main
from natocorpus.serve import RELOAD_PATH, make_server
from support import PROJECT_ROOT

NOT_FOUND_PAGE = "<html><body>the site's own 404 page</body></html>"


def make_site(folder: Path) -> Path:
    (folder / "articles" / "a").mkdir(parents=True)
    (folder / "index.html").write_text("<html><body>home</body></html>")
    (folder / "articles" / "a" / "index.html").write_text("<html><body>article</body></html>")
    (folder / "404.html").write_text(NOT_FOUND_PAGE)
    (folder / "big.bin").write_bytes(b"x" * 8_000_000)
    (folder / ".natocorpus-site").write_text("input: marker\n")
    (folder / ".natocorpus-cache").mkdir()
    (folder / ".natocorpus-cache" / "inputs.bin").write_text("/home/someone/corpus/secret.md")
    return folder


@contextlib.contextmanager
def running(site: Path, **options: Any) -> Iterator[int]:
    server, _ = make_server(site, "127.0.0.1", 0, live_reload=True, **options)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    site = make_site(tmp_path / "site")
    (tmp_path / "secret.txt").write_text("outside the site")
    with running(site) as port:
        yield port, site


def request(port: int, path: str, method: str = "GET") -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request(method, path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


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


@pytest.mark.parametrize("path", ["/missing/", "/articles/b/", "/nothing.css", "/articles/a/x"])
def test_unknown_paths_get_the_sites_own_404_page(served: tuple[int, Path], path: str) -> None:
    port, _ = served
    status, body = get(port, path)
    assert status == 404
    assert b"the site's own 404 page" in body
    assert RELOAD_PATH.encode() in body  # a 404 page is a page of the preview like any other
    assert request(port, path, "HEAD").status == 404


@pytest.mark.parametrize(
    "path",
    [
        "/.natocorpus-cache/inputs.bin",
        "/.natocorpus-cache/",
        "/.natocorpus-cache",
        "/%2enatocorpus-cache/inputs.bin",
        "/.natocorpus-site",
        "/articles/../.natocorpus-site",
    ],
)
def test_the_build_cache_and_the_marker_file_are_never_served(
    served: tuple[int, Path], path: str
) -> None:
    port, _ = served
    status, body = get(port, path)
    assert status == 404
    assert b"secret.md" not in body and b"input: marker" not in body


@pytest.mark.parametrize("length", [4096, 8192, 60_000])
def test_a_very_long_path_is_answered_414_and_the_server_goes_on(
    served: tuple[int, Path], length: int
) -> None:
    port, _ = served
    assert get(port, "/" + "a" * length)[0] == 414
    assert get(port, "/articles/" + "%61" * (length // 3))[0] == 414
    assert get(port, "/")[0] == 200


def test_a_name_too_long_for_the_file_system_is_a_404(served: tuple[int, Path]) -> None:
    port, _ = served
    assert get(port, "/" + "a" * 300 + "/")[0] == 404
    assert get(port, "/articles/" + "b" * 1000)[0] == 404
    assert get(port, "/")[0] == 200


def test_a_silent_client_is_disconnected_and_does_not_hold_the_server(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    with running(site, timeout=0.5) as port:
        silent = socket.create_connection(("127.0.0.1", port), timeout=10)
        halfway = socket.create_connection(("127.0.0.1", port), timeout=10)
        halfway.sendall(b"GET / HTTP/1.1\r\nHost: local")
        try:
            assert get(port, "/")[0] == 200  # answered while the two others hang
            started = time.monotonic()
            assert silent.recv(1024) == b""  # closed by the server, not by our own timeout
            assert halfway.recv(1024) == b""
            assert time.monotonic() - started < 5
        finally:
            silent.close()
            halfway.close()
        assert get(port, "/")[0] == 200


def test_a_site_is_previewed_under_its_base_url(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    with running(site, base_url="/natocorpus/") as port:
        for path in ("/", "/natocorpus"):
            response = request(port, path)
            assert response.status in (301, 302)
            assert response.getheader("Location") == "/natocorpus/"
        assert get(port, "/natocorpus/")[1].startswith(b"<html><body>home")
        assert b"article" in get(port, "/natocorpus/articles/a/")[1]
        response = request(port, "/natocorpus/articles/a")
        assert (response.status, response.getheader("Location")) == (
            301,
            "/natocorpus/articles/a/",
        )
        response = request(port, "//natocorpus//articles/a")
        assert (response.status, response.getheader("Location")) == (
            301,
            "/natocorpus//articles/a/",
        )
        for outside in ("/articles/a/", "/natocorpusx/", "/other/natocorpus/"):
            status, body = get(port, outside)
            assert status == 404 and b"the site's own 404 page" in body
        assert get(port, "/natocorpus/.natocorpus-site")[0] == 404
        assert get(port, RELOAD_PATH)[0] == 200  # the preview's own paths stay at the root


def test_a_port_in_use_is_an_error_naming_the_option(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            main,
            ["serve", "--port", str(port), "--no-search", "--corpus", str(corpus)]
            + ["--templates", str(PROJECT_ROOT / "templates"), "--out", str(tmp_path / "site")],
        )
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert f"--port: port: port {port} is already in use on 127.0.0.1" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()  # known before the first build, which is not run


@pytest.mark.parametrize(
    ("host", "message"),
    [
        ("no-such-host.invalid", "--host: host: 'no-such-host.invalid' is not an address or a"),
        ("127.0.0.1:8000", "--host: host: '127.0.0.1:8000' is not an address or a known name"),
        ("192.0.2.1", "--host: host: '192.0.2.1' is not an address of this machine"),
    ],
)
def test_a_bad_host_is_an_error_naming_the_option(tmp_path: Path, host: str, message: str) -> None:
    corpus = write_corpus(tmp_path)
    result = CliRunner().invoke(
        main,
        ["serve", "--host", host, "--port", "0", "--no-search", "--corpus", str(corpus)]
        + ["--templates", str(PROJECT_ROOT / "templates"), "--out", str(tmp_path / "site")],
    )
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert message in result.output
    assert "Traceback" not in result.output


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
