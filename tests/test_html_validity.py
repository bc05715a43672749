"""Every HTML page of the built site passes the Nu HTML Checker (vnu.jar from npm's vnu-jar).

One ``java -jar vnu.jar`` run checks all pages. Without Java or the jar (``npm ci`` installs it;
``make test`` runs that) the test is skipped, except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FAILING_TYPES = {"error", "non-document-error"}


def skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason} (CI=true, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def run_vnu(files: list[Path]) -> list[dict[str, Any]]:
    """Check ``files`` in one JVM; return vnu's error messages."""
    java = shutil.which("java")
    if java is None:
        skip_or_fail("java not found: the Nu HTML Checker needs Java >= 11 (Java 17 is expected)")
    if not VNU_JAR.is_file():
        skip_or_fail(f"{VNU_JAR.relative_to(REPO_ROOT)} not found: run `npm ci` (make test does)")
    assert files, "no HTML files to check"
    command = [
        str(java),
        "-Xss4m",  # deeply nested markup needs a larger stack than the default
        "-jar",
        str(VNU_JAR),
        "--errors-only",
        "--format",
        "json",
        "--stdout",
        "--exit-zero-always",
        *(str(path) for path in files),
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, f"vnu.jar failed ({proc.returncode}):\n{proc.stderr}"
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        output = proc.stdout[:2000]
        raise AssertionError(f"vnu.jar printed no JSON report: {exc}\n{output}") from exc
    errors = [m for m in report.get("messages", []) if m.get("type") in FAILING_TYPES]
    return sorted(
        errors, key=lambda m: (m.get("url", ""), m.get("lastLine", 0), m.get("firstColumn", 0))
    )


def describe(message: dict[str, Any], root: Path) -> str:
    path = unquote(str(message.get("url", "?")).removeprefix("file:"))
    with contextlib.suppress(ValueError):
        path = str(Path(path).relative_to(root))
    line = message.get("lastLine", message.get("firstLine", "?"))
    column = message.get("firstColumn", "?")
    return f"{path}:{line}:{column}: {message.get('message', '').strip()}"


def test_built_site_is_valid_html(built_site: Path) -> None:
    root = built_site.resolve()
    files = sorted(root.rglob("*.html"))
    assert files, f"the built site at {root} has no .html file"
    errors = run_vnu(files)
    assert not errors, f"{len(errors)} HTML error(s) in {len(files)} page(s):\n" + "\n".join(
        describe(message, root) for message in errors
    )


def test_checker_reports_invalid_html(tmp_path: Path) -> None:
    """Guards the test above: a deliberately broken page must be reported, with its line."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>x</title></head>\n'
        "<body><p><div>bad</p></span>\n<img src=x.png></body></html>\n",
        encoding="utf-8",
    )
    errors = run_vnu([page])
    described = [describe(message, tmp_path) for message in errors]
    assert any(text.startswith("broken.html:3:") and "Stray end tag" in text for text in described)
    assert any("alt" in text for text in described), described
