"""The README must not fall behind the code."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from natocorpus.cli import main
from support import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [[], ["add"], ["build"], ["check"], ["serve"]], ids=str)
def test_cli_reference_matches_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"], prog_name="natocorpus")
    assert result.exit_code == 0
    shown = " ".join(["$ natocorpus", *command, "--help"])
    block = f"```\n{shown}\n{result.output.rstrip()}\n```"
    assert block in README, f"README's `{shown}` block is out of date; paste:\n{block}"


def test_the_two_commands_exist() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("site", "test"):
        assert f"make {target}" in README
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_every_option_of_build_is_documented() -> None:
    build = next(c for name, c in main.commands.items() if name == "build")  # type: ignore[attr-defined]
    for parameter in build.params:
        for option in parameter.opts:
            assert option in README, option


def _block_after(marker: str) -> str:
    """The fenced block of README.md that starts with `marker`, without its fences."""
    dedented = README.replace("\n   ", "\n")  # the blocks of a numbered step are indented
    start = dedented.index(marker)
    return dedented[start : dedented.index("```", start)].rstrip()


def test_adding_an_article_shows_what_add_and_check_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's example of `natocorpus add` is what it prints and writes, and the filled-in
    draft checks as the README says."""
    shutil.copytree(PROJECT_ROOT / "corpus", tmp_path / "corpus")
    section = README[README.index("## Adding an article") :]
    capture = section.split("```\n", 2)[1]
    (tmp_path / "005_example.txt").write_text(capture, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["add", "005_example.txt"], prog_name="natocorpus")
    assert result.exit_code == 0, result.output
    shown = _block_after("$ natocorpus add 005_example.txt")
    assert f"$ natocorpus add 005_example.txt\n{result.output.rstrip()}" == shown
    draft = (tmp_path / "corpus" / "articles" / "partners-in-the-pacific.md").read_text("utf-8")
    assert _block_after("---\nid: partners-in-the-pacific").rstrip() == draft.rstrip()
    result = CliRunner().invoke(main, ["check"], prog_name="natocorpus")
    assert f"$ natocorpus check\n{result.output.rstrip()}" in README.replace("\n   ", "\n")
    filled = _block_after("outlet: {value: null")
    for line in filled.splitlines():
        key = line.split(":")[0]
        if line.startswith("    - "):
            continue
        draft = re.sub(rf"(?m)^{re.escape(key)}:.*$", lambda _m, line=line: line, draft, count=1)
    draft = draft.replace('"TODO: a passage"', '"agreed to deepen cooperation on cyber defence"', 1)
    draft = draft.replace('"TODO: a passage"', '"The Ottawa government welcomed the agreement."')
    (tmp_path / "corpus" / "articles" / "partners-in-the-pacific.md").write_text(draft, "utf-8")
    result = CliRunner().invoke(main, ["check"], prog_name="natocorpus")
    assert f"$ natocorpus check\n{result.output.rstrip()}" in README.replace("\n   ", "\n")
