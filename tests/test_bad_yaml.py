"""Bad YAML: hostile files (alias bombs, aliases inside themselves, deep nesting), values YAML 1.1
silently changes, quotes that run on, and lists where an id is expected. Each case gets its exact
message and exit 1, never a traceback or a signal.

The hostile files run in a child process, so that a crash of the YAML parser is a failed test and
not the end of the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus_factory import ACTORS, EVENTS, write_corpus
from natocorpus.load.yamlsource import MAX_DEPTH, MAX_REPEATED_VALUES, YamlError, parse_yaml
from support import PROJECT_ROOT
from test_bad_input import ARTICLE, article, edit, run_check

ALIAS_BOMB = """\
  lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]
  lol1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
  lol2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
  lol3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
  lol4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
  lol5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
"""


def under_first_actor(lines: str) -> str:
    """actors.yaml with `lines` added to the first actor, after its six lines."""
    first, rest = ACTORS.split("- id: usa\n", 1)
    return first + lines + "- id: usa\n" + rest


def check_in_child(corpus: Path) -> tuple[int, str]:
    """`natocorpus check` in a child process: its exit status (negative for a signal) and
    output."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT / "src")}
    child = subprocess.run(
        [sys.executable, "-c", "from natocorpus.cli import main; main()", "check"]
        + ["--corpus", str(corpus)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    output = child.stdout + child.stderr
    assert "Traceback" not in output, output
    return child.returncode, output


HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    "alias bomb": (
        lambda c: (c / "actors.yaml").write_text(under_first_actor(ALIAS_BOMB), encoding="utf-8"),
        f"corpus/actors.yaml:11: yaml: aliases repeat more than {MAX_REPEATED_VALUES} values; "
        f"a corpus file may repeat {MAX_REPEATED_VALUES} at most: write the values out",
    ),
    "recursive alias": (
        lambda c: (c / "actors.yaml").write_text(
            under_first_actor("  see_also: &loop [nato, *loop]\n"), encoding="utf-8"
        ),
        "corpus/actors.yaml:7: yaml: alias *loop is inside the value it names; "
        "a value cannot contain itself",
    ),
    "recursive alias in a mapping": (
        lambda c: (c / "actors.yaml").write_text(
            under_first_actor("  see_also: &loop {again: *loop}\n"), encoding="utf-8"
        ),
        "corpus/actors.yaml:7: yaml: alias *loop is inside the value it names; "
        "a value cannot contain itself",
    ),
    "50,000 nested lists": (
        lambda c: edit(article(c), "genre: {value: opinion", "genre: {value: " + "[" * 50_000),
        f"{ARTICLE}:10: yaml: nested more than {MAX_DEPTH} levels deep; "
        f"a corpus file may nest {MAX_DEPTH} at most",
    ),
    "50,000 nested block lists": (
        lambda c: (c / "events.yaml").write_text(
            EVENTS + "- " + "- " * 50_000 + "x\n", encoding="utf-8"
        ),
        f"corpus/events.yaml:10: yaml: nested more than {MAX_DEPTH} levels deep; "
        f"a corpus file may nest {MAX_DEPTH} at most",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_with_its_line(tmp_path: Path, name: str) -> None:
    corpus = write_corpus(tmp_path)
    mutate, expected = HOSTILE[name]
    mutate(corpus)
    code, output = check_in_child(corpus)
    assert code == 1, output
    assert expected in output.splitlines(), output


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    """Refused after a few thousand values, not the half a million six levels hold (each level
    more multiplies them by nine)."""
    levels = [f"l0: &a0 [{', '.join(['lol'] * 9)}]"]
    levels += [f"l{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 6)]
    with pytest.raises(YamlError) as refused:
        parse_yaml("\n".join(levels) + "\n", "bomb.yaml")
    assert refused.value.diagnostic.line == 5


def test_aliases_within_the_bound_load_as_copies_with_their_lines() -> None:
    doc = parse_yaml("g7: &g7 [usa, canada]\nsummit:\n  who: *g7\n  when: &y 2023\n", "f.yaml")
    assert doc.data == {"g7": ["usa", "canada"], "summit": {"who": ["usa", "canada"], "when": 2023}}
    assert doc.data["summit"]["who"] is not doc.data["g7"]
    assert doc.line(("summit", "who")) == 3
    assert doc.line(("summit", "who", 1)) == 1
    assert doc.written_as(("summit", "when")) == "2023"


def unquoted(field_line: str, value: str) -> Callable[[Path], None]:
    return lambda c: edit(article(c), field_line, field_line.split(": ")[0] + ": " + value)


RATIONALE = "rationale: It objects."


def rationale_message(tail: str) -> str:
    return f"{ARTICLE}:15: stance.rationale: {tail}"


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "sexagesimal": (
        unquoted(RATIONALE, "3:45"),
        rationale_message(
            'expected text, got a number: unquoted, 3:45 reads as 225; put it in quotes: "3:45"'
        ),
    ),
    "octal": (
        unquoted(RATIONALE, "010"),
        rationale_message(
            'expected text, got a number: unquoted, 010 reads as 8; put it in quotes: "010"'
        ),
    ),
    "trailing zero": (
        unquoted(RATIONALE, "1.50"),
        rationale_message(
            'expected text, got a number: unquoted, 1.50 reads as 1.5; put it in quotes: "1.50"'
        ),
    ),
    "underscore": (
        unquoted(RATIONALE, "1_000"),
        rationale_message(
            'expected text, got a number: unquoted, 1_000 reads as 1000; put it in quotes: "1_000"'
        ),
    ),
    "a number as written": (
        unquoted(RATIONALE, "12"),
        rationale_message('expected text, got a number; put it in quotes: "12"'),
    ),
    "yes": (
        unquoted(RATIONALE, "yes"),
        rationale_message(
            'expected text, got true/false: unquoted, yes reads as true; put it in quotes: "yes"'
        ),
    ),
    "off in the knowledge base": (
        lambda c: (c / "actors.yaml").write_text(
            ACTORS.replace("description: The alliance.", "description: Off"), encoding="utf-8"
        ),
        "corpus/actors.yaml:4: [0].description: expected text, got true/false: unquoted, "
        'Off reads as false; put it in quotes: "Off"',
    ),
    "no in a list of words": (
        lambda c: (c / "actors.yaml").write_text(
            ACTORS.replace("unless_after: [in, at]", "unless_after: [in, no]"), encoding="utf-8"
        ),
        "corpus/actors.yaml:11: [1].forms[4].unless_after[1]: expected text, got true/false: "
        'unquoted, no reads as false; put it in quotes: "no"',
    ),
    "a number for an id": (
        lambda c: edit(article(c), "id: sample-article", "id: 0x1F"),
        f"{ARTICLE}:2: id: expected text, got a number: unquoted, 0x1F reads as 31; "
        'put it in quotes: "0x1F"',
    ),
    "an octal whole number": (
        lambda c: edit(article(c), "value: -1", "value: -01"),
        f"{ARTICLE}:14: stance.value: expected a whole number in plain digits: -01 reads as -1",
    ),
    "a line number with an underscore": (
        lambda c: edit(article(c), "{line: 1, text: A title", "{line: 0_1, text: A title"),
        f"{ARTICLE}:18: omitted[0].line: expected a whole number in plain digits: 0_1 reads as 1",
    ),
    "a year in hexadecimal": (
        lambda c: edit(
            article(c), 'value: "2023-01", precision: month', "value: 0x7E7, precision: year"
        ),
        f"{ARTICLE}:9: published.value: '0x7E7' is not a date: write YYYY, YYYY-MM or "
        "YYYY-MM-DD, quoted",
    ),
    "an unclosed quote before a later quote": (
        lambda c: edit(article(c), RATIONALE, 'rationale: "It objects.'),
        f"{ARTICLE}:15: yaml: unclosed quote: the quoted value that starts on this line runs on "
        "to the quote on line 16",
    ),
    "an unclosed quote in a flow mapping": (
        lambda c: edit(article(c), "outlet: {value: Test Outlet", 'outlet: {value: "Test Outlet'),
        f"{ARTICLE}:8: yaml: unclosed quote: the quoted value that starts on this line runs on "
        "to the quote on line 9",
    ),
    "an apostrophe in single quotes": (
        lambda c: edit(article(c), RATIONALE, "rationale: 'It's wrong.'"),
        f"{ARTICLE}:15: yaml: text follows the closing quote: inside single quotes, write ' as ''",
    ),
    "a quote in double quotes": (
        lambda c: edit(article(c), RATIONALE, 'rationale: "It "objects"."'),
        f'{ARTICLE}:15: yaml: text follows the closing quote: inside double quotes, write " as \\"',
    ),
    "a nested list for an id": (
        lambda c: (c / "events.yaml").write_text(
            EVENTS.replace("participants: [nato]", "participants: [[nato]]"), encoding="utf-8"
        ),
        "corpus/events.yaml:7: [0].participants[0]: expected text, got a list",
    ),
    "a mapping for an id": (
        lambda c: (c / "events.yaml").write_text(
            EVENTS.replace("participants: [nato]", "participants: [nato, {id: usa}]"),
            encoding="utf-8",
        ),
        "corpus/events.yaml:7: [0].participants[1]: expected text, got a mapping",
    ),
    "an alias before its anchor": (
        lambda c: edit(article(c), RATIONALE, "rationale: *why"),
        f"{ARTICLE}:15: yaml: alias *why names no anchor &why given before it",
    ),
    "an anchor given twice": (
        lambda c: edit(
            article(c), "genre: {value: opinion", "title2: &t x\ngenre: {value: &t opinion"
        ),
        f"{ARTICLE}:11: yaml: anchor &t is given twice (first on line 10)",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_yaml_gets_its_exact_message(tmp_path: Path, name: str) -> None:
    corpus = write_corpus(tmp_path)
    mutate, expected = CASES[name]
    mutate(corpus)
    code, output = run_check(corpus)
    assert code == 1
    assert expected in output.splitlines(), output


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A year reads as a number; it is taken as written, as it always was.
        ('value: "2023-01", precision: month', "value: 2023, precision: year"),
        # Quoted, every one of the values above is text.
        (RATIONALE, 'rationale: "3:45 010 1.50 1_000 yes"'),
        (RATIONALE, "rationale: '12'"),
        # Text that merely starts like a number stays text.
        (RATIONALE, "rationale: 3:45 in the morning"),
        (RATIONALE, "rationale: |\n    It objects,\n    twice."),
    ],
)
def test_what_stays_text_or_a_date_is_accepted(tmp_path: Path, old: str, new: str) -> None:
    corpus = write_corpus(tmp_path)
    edit(article(corpus), old, new)
    code, output = run_check(corpus)
    assert code == 0, output
