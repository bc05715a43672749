"""The same inputs give the same site, whatever process builds it.

Each build runs in a separate process of the installed command, with its own hash seed, so that
nothing that varies between processes (set and dict order of strings, object addresses, the time)
can reach the output unnoticed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import PROJECT_ROOT, tree_digest

SCRIPT = Path(sys.executable).parent / "natocorpus"

# Pagefind names its filter files (and the metadata file listing them) by a digest that differs
# between identical builds; every other file of the index is the same.
SEARCH_VARIES = ("/filter/", ".pf_meta", "pagefind-entry.json")


def _build(out: Path, seed: str, *options: str) -> dict[str, str]:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [str(SCRIPT), "build", "--out", str(out), *options],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {
        path: digest
        for path, digest in tree_digest(out).items()
        if not any(part in f"/{path}" for part in SEARCH_VARIES)
    }


def test_two_processes_build_the_same_site(tmp_path: Path) -> None:
    first = _build(tmp_path / "one", "1", "--base-url", "/natocorpus/")
    second = _build(tmp_path / "two", "2", "--base-url", "/natocorpus/")
    assert first.keys() == second.keys()
    differing = sorted(path for path in first if first[path] != second[path])
    # The marker records the input fingerprint, which names no process: it is the same too.
    assert differing == []
    assert any(path.startswith("pagefind/") for path in first)
