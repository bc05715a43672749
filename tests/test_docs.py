"""The README must not fall behind the code."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from natocorpus.cli import main
from support import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["serve"]], ids=str)
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
