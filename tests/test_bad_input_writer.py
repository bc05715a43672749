"""Bad input, round two, for the writer and the input fingerprint: a build killed during the swap,
builds into folders side by side, links and large or unreadable files in the corpus, and
SOURCE_DATE_EPOCH. Each case runs the real command line, or the build, on a tiny corpus written
inline."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import natocorpus
from corpus_factory import write_corpus
from natocorpus import fingerprint, write
from natocorpus.cli import main
from natocorpus.config import make_config
from natocorpus.diagnostics import OutputError
from support import PROJECT_ROOT, tree_digest

TEMPLATES = PROJECT_ROOT / "templates"


def run(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def run_build(corpus: Path, out: Path, *options: str) -> tuple[int, str]:
    return run(
        "build", "--corpus", str(corpus), "--templates", str(TEMPLATES), "--out", str(out), *options
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def up_to_date(out: Path) -> str:
    return f"{out.as_posix()}/ is up to date: nothing it is built from has changed."


# A build killed between the two renames of the swap ---------------------------------------------


def test_a_site_left_retired_with_no_output_is_put_back(tmp_path: Path) -> None:
    """The state a kill between the two renames leaves: no output, the old site retired beside
    it, and the new one still staged."""
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    assert run_build(corpus, out, "--no-search")[0] == 0
    before = tree_digest(out)
    page = (out / "index.html").stat().st_ino
    retired = tmp_path / ".site.retired-x1y2z3"
    retired.mkdir()
    out.rename(retired / "site")
    staged = tmp_path / ".site.building-a1b2c3"
    staged.mkdir()
    (staged / write.MARKER).write_text(write.MARKER_TEXT, encoding="utf-8")

    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    # Put back, not built again: the same files, and a build that finds the site up to date.
    assert up_to_date(out) in output.splitlines(), output
    assert tree_digest(out) == before
    assert (out / "index.html").stat().st_ino == page
    assert not list(tmp_path.glob(".site.retired-*"))


def test_a_retired_folder_without_the_marker_is_not_put_back(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    retired = tmp_path / ".site.retired-x1y2z3" / "site"
    retired.mkdir(parents=True)
    (retired / "keep.txt").write_text("mine", encoding="utf-8")
    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    assert not (out / "keep.txt").exists()
    assert (retired / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_retired_site_half_removed_is_not_put_back(tmp_path: Path) -> None:
    """A remover killed half way leaves the old site, marker and all, under `removing`: it is
    removed by the next build, never put back as if it were whole."""
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    assert run_build(corpus, out, "--no-search")[0] == 0
    before = tree_digest(out)
    retired = tmp_path / ".site.retired-x1y2z3"
    retired.mkdir()
    out.rename(retired / "removing")
    shutil.rmtree(retired / "removing" / "articles")
    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    assert up_to_date(out) not in output.splitlines(), output
    assert tree_digest(out) == before
    assert not retired.exists()


def test_the_remover_moves_the_site_aside_before_it_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    assert run_build(corpus, out, "--no-search")[0] == 0
    retired = tmp_path / ".site.retired-x1y2z3"
    retired.mkdir()
    out.rename(retired / "site")
    removed: list[str] = []
    monkeypatch.setattr(shutil, "rmtree", lambda folder: removed.append(Path(folder).name))
    write.remove_retired(retired)
    assert removed == ["removing"]
    assert not (retired / "site").exists()


# Kills itself at the second rename of the swap: the staging folder becoming the output.
KILLED_AT_THE_SWAP = """
import os, signal
from pathlib import Path

rename = Path.rename

def killed_at_the_swap(self, target):
    if self.name.startswith(".site.building-"):
        os.kill(os.getpid(), signal.SIGKILL)
    return rename(self, target)

Path.rename = killed_at_the_swap
from natocorpus.cli import run
run()
"""


def test_a_build_killed_between_the_two_renames_leaves_the_next_build_the_old_site(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    assert run_build(corpus, out, "--no-search")[0] == 0
    before = tree_digest(out)
    page = (out / "index.html").stat().st_ino

    environment = {**os.environ, "PYTHONPATH": str(Path(natocorpus.__file__).parents[1])}
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_THE_SWAP, "build", "--corpus", str(corpus)]
        + ["--templates", str(TEMPLATES), "--out", str(out), "--no-search", "--force"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -9, (killed.stdout, killed.stderr)
    assert not out.exists()
    assert [p.name for p in tmp_path.glob(".site.retired-*/site")] == ["site"]

    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    assert up_to_date(out) in output.splitlines(), output
    assert tree_digest(out) == before
    assert (out / "index.html").stat().st_ino == page
    assert not list(tmp_path.glob(".site.retired-*"))


# One lock per output -----------------------------------------------------------------------------


def test_builds_into_two_folders_of_one_parent_both_go_on(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    with write.one_build_at_a_time(tmp_path / "one"):
        code, output = run_build(corpus, tmp_path / "two", "--no-search")
        assert (tmp_path / ".one.natocorpus-lock").is_file()
    assert code == 0, output
    assert (tmp_path / "two" / "index.html").is_file()
    # Each lock file goes with its build: nothing is left beside the outputs.
    assert not list(tmp_path.glob(".*.natocorpus-lock"))


def test_a_second_build_into_the_same_output_is_still_refused(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    with write.one_build_at_a_time(out):
        code, output = run_build(corpus, out, "--no-search")
        with (
            pytest.raises(OutputError, match="another natocorpus build"),
            write.one_build_at_a_time(tmp_path / "." / "site"),
        ):
            pass
    assert code == 1
    assert (
        f"{out}: output: another natocorpus build is writing this folder; "
        "run again once it has finished" in output.splitlines()
    ), output
    assert not out.exists()


def test_the_lock_file_is_never_made_through_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / ".site.natocorpus-lock").symlink_to(elsewhere)
    with write.one_build_at_a_time(tmp_path / "site"):
        pass
    assert not elsewhere.exists()


# The input fingerprint reads the corpus as the load stage does -----------------------------------


def digests_of(corpus: Path, out: Path) -> dict[str, bytes]:
    return fingerprint.input_digests(make_config(corpus, TEMPLATES, out)).corpus


def test_the_fingerprint_does_not_follow_links_out_of_the_corpus(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not the corpus's", encoding="utf-8")
    (corpus / "sources" / "elsewhere").symlink_to(outside)
    (corpus / "sources" / "secret.txt").symlink_to(outside / "secret.txt")
    (corpus / "sources" / "inside.txt").symlink_to(corpus / "corpus.yaml")
    names = digests_of(corpus, tmp_path / "site")
    assert "sources/elsewhere/secret.txt" not in names
    assert "sources/secret.txt" not in names
    assert "sources/inside.txt" in names  # a link inside the corpus is read, as loading reads it
    code, output = run_build(corpus, tmp_path / "site", "--no-search")
    assert code == 0, output


def test_the_fingerprint_does_not_read_a_file_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path)
    large = corpus / "sources" / "large.txt"
    large.write_bytes(b"x" * (5 * 1024 * 1024 + 1))
    hashed: list[str] = []
    file_digest = hashlib.file_digest

    def spied(file: object, digest: str) -> object:
        hashed.append(getattr(file, "name", ""))
        return file_digest(file, digest)  # type: ignore[arg-type]

    monkeypatch.setattr(hashlib, "file_digest", spied)
    first = digests_of(corpus, tmp_path / "site")
    assert str(large.absolute()) not in hashed
    assert hashed  # the other files are read
    large.write_bytes(b"y" * (5 * 1024 * 1024 + 1))
    assert digests_of(corpus, tmp_path / "site")["sources/large.txt"] != first["sources/large.txt"]


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder any user may read: tmp_path is its owner's alone."""
    folder = Path(tempfile.mkdtemp(prefix="natocorpus-test-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


def as_another_user(work: Callable[[], tuple[int, str]]) -> tuple[int, str]:
    """`work`'s outcome, run by a user that file permissions bind: this one, unless it is root,
    whose reads they do not stop; then a forked child as `nobody`."""
    if os.geteuid() != 0:
        return work()
    read, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        outcome: tuple[int, str] = (99, "")
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            outcome = work()
        except BaseException as exc:  # the parent reports it
            outcome = (98, repr(exc))
        finally:
            with os.fdopen(write_end, "w") as pipe:
                pipe.write(json.dumps(outcome))
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read) as pipe:
        told = pipe.read()
    os.waitpid(pid, 0)
    code, output = json.loads(told)
    return code, output


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize(
    ("unreadable", "expected"),
    [
        (
            "articles/sample-article.md",
            "corpus/articles/sample-article.md: file: cannot be read: Permission denied",
        ),
        ("actors.yaml", "corpus/actors.yaml: file: cannot be read: Permission denied"),
        ("articles", "corpus/articles: file: cannot be read: Permission denied"),
        (
            "sources/sample.txt",
            "corpus/sources/sample.txt: file: cannot be read: Permission denied",
        ),
        ("events.yaml", "corpus/events.yaml: file: cannot be read: Permission denied"),
        ("corpus.yaml", "corpus/corpus.yaml: file: cannot be read: Permission denied"),
        ("sources", "corpus/sources: file: cannot be read: Permission denied"),
    ],
)
def test_an_unreadable_corpus_file_is_reported_not_raised(
    open_folder: Path, unreadable: str, expected: str
) -> None:
    corpus = write_corpus(open_folder)
    out = open_folder / "output"
    out.mkdir()
    if os.geteuid() == 0:
        os.chown(out, 65534, 65534)
    # Once as this user: every module the build needs is imported before the child drops root.
    assert run_build(corpus, open_folder / "first", "--no-search")[0] == 0
    (corpus / unreadable).chmod(0)
    code, output = as_another_user(lambda: run_build(corpus, out / "site", "--no-search"))
    assert code == 1, output
    assert "Traceback" not in output
    assert expected in output.splitlines(), output
    assert not (out / "site").exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize(
    ("unreadable", "expected"),
    [
        ("article.html", "templates/article.html: template: cannot be read: Permission denied"),
        ("static", "templates/static: template: cannot be read: Permission denied"),
        (
            "static/site.css",
            "templates/static/site.css: template: cannot be read: Permission denied",
        ),
    ],
)
def test_an_unreadable_template_is_named_not_blamed_on_the_output(
    open_folder: Path, unreadable: str, expected: str
) -> None:
    corpus = write_corpus(open_folder)
    templates = open_folder / "templates"
    shutil.copytree(TEMPLATES, templates)
    for path in templates.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    out = open_folder / "output"
    out.mkdir()
    if os.geteuid() == 0:
        os.chown(out, 65534, 65534)
    options = ("--templates", str(templates), "--no-search")
    assert run_build(corpus, open_folder / "first", *options)[0] == 0
    (templates / unreadable).chmod(0)
    code, output = as_another_user(lambda: run_build(corpus, out / "site", *options))
    assert code == 1, output
    assert "Traceback" not in output
    assert any(line.endswith(expected) for line in output.splitlines()), output
    assert "could not write the site" not in output
    assert not (out / "site").exists()


# SOURCE_DATE_EPOCH -------------------------------------------------------------------------------


def test_a_new_source_date_epoch_rebuilds_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run_build(corpus, out, "--no-search")[0] == 0
    package = out / "data" / "datapackage.json"
    first = json.loads(package.read_text(encoding="utf-8"))["created"]
    code, output = run_build(corpus, out, "--no-search")
    assert up_to_date(out) in output.splitlines(), output
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    assert up_to_date(out) not in output.splitlines(), output
    created = json.loads(package.read_text(encoding="utf-8"))["created"]
    assert created != first
    assert created.startswith("2027-01-15"), created
