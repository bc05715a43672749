"""Helpers for the tests of `natocorpus serve` that run the real command: a server in a process of
its own on a free port, waits for a condition (never a fixed sleep), and edits of the corpus."""

from __future__ import annotations

import http.client
import json
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus_factory import write_corpus
from support import PROJECT_ROOT

DEADLINE = 60.0
STATUS_PATH = "/__natocorpus/status.json"  # the overlay's data


def wait_for(condition: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class Server:
    """`natocorpus serve` in a process of its own, its output gathered as it comes."""

    def __init__(self, tmp_path: Path, *options: str) -> None:
        self.corpus = write_corpus(tmp_path)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "natocorpus.cli", "serve", "--port", "0", "--no-search"]
            + ["--corpus", str(self.corpus), "--templates", str(PROJECT_ROOT / "templates")]
            + ["--out", str(tmp_path / "site"), *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=tmp_path,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._gather, daemon=True).start()
        serving = wait_for(
            lambda: (
                next((line for line in self.lines if line.startswith("Serving")), None)
                or self.process.poll() is not None
            ),
            "the server to start",
        )
        assert isinstance(serving, str), self.output
        self.url = serving.split(" at ")[1].strip()
        self.origin = re.match(r"http://[^/]+", self.url).group(0)  # type: ignore[union-attr]

    def _gather(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def get(self, path: str) -> tuple[int, str, dict[str, str]]:
        """Status, body and headers of `path` (from the origin), redirects not followed."""
        host, port = self.origin.removeprefix("http://").rsplit(":", 1)
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
            return response.status, body, dict(response.getheaders())
        finally:
            connection.close()

    def status(self) -> dict[str, Any]:
        code, body, _ = self.get(STATUS_PATH)
        assert code == 200
        value: dict[str, Any] = json.loads(body)
        return value

    def problems(self) -> list[str]:
        return [problem["text"] for problem in self.status()["problems"]]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)

    def close(self) -> None:
        """Stop it (Ctrl-C), or kill it where it does not stop."""
        try:
            self.stop()
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
