"""Bad input, round three: templates that recurse or are not UTF-8, text that would turn a page or
a terminal round, loose options, names no file system takes, and builds that are stopped. Each
case runs the real command line, or the build, on a tiny corpus written inline."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import natocorpus
from corpus_factory import EVENTS, write_corpus
from natocorpus import write
from natocorpus.build import build
from natocorpus.cli import main
from natocorpus.config import make_config
from support import PROJECT_ROOT, tree_digest


def run(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def run_build(
    corpus: Path, out: Path, *options: str, templates: Path | None = None
) -> tuple[int, str]:
    folder = str(templates or PROJECT_ROOT / "templates")
    return run("build", "--corpus", str(corpus), "--templates", folder, "--out", str(out), *options)


def copy_templates(tmp_path: Path) -> Path:
    target = tmp_path / "templates"
    shutil.copytree(PROJECT_ROOT / "templates", target)
    return target


# Templates --------------------------------------------------------------------------------


def test_a_template_that_includes_itself_is_named_with_its_line(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    templates = copy_templates(tmp_path)
    (templates / "loop.html").write_text("x\n{% include 'loop.html' %}\n", encoding="utf-8")
    page = templates / "about.html"
    page.write_text(page.read_text(encoding="utf-8") + "{% include 'loop.html' %}\n", "utf-8")
    code, output = run_build(corpus, tmp_path / "site", "--no-search", templates=templates)
    assert code == 1
    assert (
        f"{templates}/loop.html:2: template: includes itself, directly or through other "
        "templates, without end" in output
    )
    assert not (tmp_path / "site").exists()


def test_a_template_that_is_not_utf8_is_named_not_the_output(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    templates = copy_templates(tmp_path)
    (templates / "extra.html").write_bytes(b"one\ncaf\xe9\n")
    code, output = run_build(corpus, tmp_path / "site", "--no-search", templates=templates)
    assert code == 1
    assert (
        f"{templates}/extra.html:2: template: is not valid UTF-8 (byte 0xe9 at offset 7); "
        "save the file as UTF-8" in output
    )
    assert "output" not in output.split("Build failed")[0]


# Messages ----------------------------------------------------------------------------------


def test_terminal_escapes_from_a_capture_are_printed_escaped(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path, capture_body="NATO met in \x1b]0;owned\x07\x1b[2JWashington. The US objected."
    )
    code, output = run("check", "--corpus", str(corpus))
    assert code == 1
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert "'\\x1b]0;owned\\x07\\x1b[2JWashington.'" in output


# Options -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--base-url", "/my site/"),
        ("--base-url", "/%2e%2e/"),
        ("--base-url", "/a%2Fb/"),
        ("--base-url", "/x\x1b[2J/"),
        ("--base-url", "/50%/"),
        ("--base-url", "/<b>/"),
        ("--site-url", "https://example.org:99999"),
        ("--site-url", "https://example.org:0"),
        ("--site-url", "https://user:secret@example.org"),
        ("--site-url", "https://exa mple.org"),
        ("--site-url", "https://example.org\x07"),
        ("--site-url", "https://exa_mple.org"),
    ],
)
def test_a_loose_url_option_is_refused(tmp_path: Path, option: str, value: str) -> None:
    corpus = write_corpus(tmp_path)
    code, output = run_build(corpus, tmp_path / "site", "--no-search", option, value)
    assert code == 2
    expected = (
        "not a URL path" if option == "--base-url" else "not an origin like https://example.org"
    )
    assert f"{option}: {option[2:]}: {expected}: {value!r}" in output
    assert not (tmp_path / "site").exists()


def test_every_bad_url_option_is_reported_at_once(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    code, output = run_build(
        corpus, tmp_path / "site", "--base-url", "/%2e%2e/", "--site-url", "https://a.org:70000"
    )
    assert code == 2
    assert "--base-url: base-url: not a URL path: '/%2e%2e/'" in output
    assert "--site-url: site-url: not an origin like https://example.org" in output


def test_good_url_options_still_pass(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    code, output = run_build(
        corpus,
        tmp_path / "site",
        "--no-search",
        "--base-url",
        "/caf%C3%A9/",
        "--site-url",
        "http://[::1]:8080/",
    )
    assert code == 0, output


# The knowledge base and the corpus folder -------------------------------------------------------


def test_a_form_of_an_actor_and_an_event_is_an_error_naming_both(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, events=EVENTS.replace("[NATO summit in Madrid]", "[Nato]"))
    code, output = run("check", "--corpus", str(corpus))
    assert code == 1
    assert (
        "corpus/events.yaml:9: [0].forms: 'Nato' of the event 'madrid-2022' is also a form of "
        "the actor 'nato'; a form names one actor or one event" in output
    )


def test_a_link_to_a_name_over_255_bytes_is_an_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "articles" / "long.md").symlink_to("x" * 300 + ".md")
    code, output = run("check", "--corpus", str(corpus))
    assert code == 1
    assert (
        "corpus/articles/long.md: file: leads to a name of 303 bytes (xxxxxxxxxxxxxxxxxxxx…); "
        "a file or folder name may be 255 bytes at most" in output
    )


def test_a_capture_name_over_255_bytes_is_an_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, overrides={"source_file": "source_file: " + "y" * 300})
    code, output = run("check", "--corpus", str(corpus))
    assert code == 1
    assert (
        "corpus/articles/sample-article.md:3: source_file: is a name of 300 bytes "
        "(yyyyyyyyyyyyyyyyyyyy…); a file or folder name may be 255 bytes at most" in output
    )


# Builds that are stopped -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic corpus large enough that a build runs for some seconds."""
    corpus = tmp_path_factory.mktemp("large") / "corpus"
    synth = PROJECT_ROOT / "benchmarks" / "synth.py"
    subprocess.run([sys.executable, str(synth), "300", str(corpus)], check=True, timeout=120)
    return corpus


def start_build(corpus: Path, out: Path, *options: str) -> subprocess.Popen[str]:
    # The code under test, wherever it is imported from.
    environment = {**os.environ, "PYTHONPATH": str(Path(natocorpus.__file__).parents[1])}
    command = [sys.executable, "-c", "from natocorpus.cli import run; run()", "build"]
    command += ["--corpus", str(corpus), "--out", str(out), *options]
    return subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(found: Callable[[], object], build: subprocess.Popen[str], what: str) -> object:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        assert build.poll() is None, f"the build ended before {what}: {build.communicate()}"
        time.sleep(0.01)
    build.kill()
    raise AssertionError(f"no {what} within 120 s")


def staging_folders(out: Path, pattern: str = "") -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.building-*{pattern}"))


def test_ctrl_c_during_a_build_ends_it_in_one_line_and_keeps_the_site(
    tmp_path: Path, large_corpus: Path
) -> None:
    out = tmp_path / "site"
    code, output = run_build(write_corpus(tmp_path), out, "--no-search")
    assert code == 0, output
    before = tree_digest(out)
    build = start_build(large_corpus, out, "--no-search", "--force")
    # Once the staging folder holds a file besides its marker, the writer has begun writing the
    # site: the interrupt must undo that.
    wait_for(lambda: staging_folders(out, "/[!.]*"), build, "staging folder being written")
    build.send_signal(signal.SIGINT)
    stdout, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, (stdout, stderr)
    assert "Traceback" not in stdout + stderr
    assert stderr == f"Interrupted: the build stopped; {out.as_posix()}/ was not changed.\n"
    assert tree_digest(out) == before
    assert staging_folders(out) == []


@pytest.mark.parametrize(
    "made",
    [
        "fork_making",  # the staging folder begun from the last site, by a child process
        "DownloadsAlongside",  # the downloads' folder, and the child writing into it
        "Staging",  # the staging folder taken by the writer
    ],
)
def test_ctrl_c_just_after_the_writer_makes_a_folder_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made: str
) -> None:
    # The moment between making a staging folder and the build taking charge of removing it:
    # in a loaded machine, a Ctrl-C can land there.
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    before = tree_digest(out)
    making = getattr(write, made)

    def interrupted(*arguments: object) -> object:
        value = making(*arguments)
        signal.raise_signal(signal.SIGINT)
        return value

    monkeypatch.setattr(write, made, interrupted)
    # A rebuild for another address, as the last site's files are then taken ahead.
    config = make_config(corpus, PROJECT_ROOT / "templates", out, "/elsewhere/", search=False)
    with pytest.raises(KeyboardInterrupt):
        build(config)
    assert tree_digest(out) == before
    assert staging_folders(out) == []


def pagefind_processes(site_parent: Path) -> list[int]:
    """The pagefind processes indexing a folder under `site_parent`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(b"pagefind" in part for part in command[:1]) and any(
            str(site_parent).encode() in part for part in command
        ):
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_the_installed_command_ends_with_the_builds_exit_code_and_all_it_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command ends as soon as its output is out (`cli.run`): into pipes, as CI reads it, that
    output is whole, and the exit code is the build's."""
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)  # its output buffered, as by default
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    built = start_build(corpus, out, "--no-search", "--timings")
    printed, problems = built.communicate(timeout=120)
    assert built.returncode == 0, problems
    assert printed.splitlines()[0] == "stage      seconds"
    assert printed.splitlines()[-1] == f"Preview it with: natocorpus serve --out {out}"
    actors = corpus / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\t- bad\n", encoding="utf-8")
    failed = start_build(corpus, out, "--no-search")
    printed, problems = failed.communicate(timeout=120)
    assert failed.returncode == 1
    assert problems.startswith("corpus/actors.yaml:")
    assert problems.endswith(f"{out.as_posix()}/ was not changed.\n")


def test_pagefind_dies_with_a_build_that_is_killed(tmp_path: Path, large_corpus: Path) -> None:
    out = tmp_path / "site"
    build = start_build(large_corpus, out, "--force")
    wait_for(lambda: pagefind_processes(tmp_path), build, "pagefind process")
    build.kill()
    build.communicate(timeout=60)
    deadline = time.monotonic() + 2
    while pagefind_processes(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = pagefind_processes(tmp_path)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


# Text that would turn a page round -------------------------------------------------------------


def test_bidi_controls_in_corpus_text_are_closed_within_their_value(tmp_path: Path) -> None:
    title = 'title: {value: "Report \\u202Efdp.exe", stated: A title}'
    corpus = write_corpus(tmp_path, overrides={"title": title})
    code, output = run_build(corpus, tmp_path / "site", "--no-search")
    assert code == 0, output
    page = (tmp_path / "site" / "articles" / "sample-article" / "index.html").read_text("utf-8")
    isolated = "\u2068Report \u202efdp.exe\u202c\u2069"
    assert f"<h1>{isolated}</h1>" in page or f">{isolated}<" in page
    assert f'content="{isolated}"' in page  # in an attribute too
    # Everywhere it is shown; JSON-LD, data for machines, keeps the value as it is.
    shown = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.DOTALL)
    assert shown.count("\u202e") >= 5
    assert all("\u202c" in run for run in re.findall('\u202e[^<"]*', shown))
    feed = (tmp_path / "site" / "feed.xml").read_text("utf-8")
    assert feed.count("\u202e") == feed.count(isolated) > 0


def test_a_value_closes_what_it_opens_and_drops_what_it_did_not_open() -> None:
    from natocorpus.link.html import bidi_isolated

    assert bidi_isolated("plain") == "plain"
    assert bidi_isolated("a\u202eb") == "\u2068a\u202eb\u202c\u2069"
    assert bidi_isolated("a\u202cb\u2069c") == "\u2068abc\u2069"
    assert bidi_isolated("\u2067a\u202eb\u2069c") == "\u2068\u2067a\u202eb\u2069c\u2069"
