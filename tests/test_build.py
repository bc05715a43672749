"""The whole build: byte-identical output, atomic swaps, an output folder that is never misused."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corpus_factory import write_corpus
from natocorpus import fingerprint as fingerprint_module
from natocorpus import search, write_processes
from natocorpus import write as write_module
from natocorpus.build import build
from natocorpus.cli import main
from natocorpus.config import BuildConfig, make_config
from natocorpus.link import urls as site_urls
from natocorpus.previous import CACHE_DIR
from natocorpus.write import MARKER
from support import PROJECT_ROOT, build_real_site, tree_digest


def small_site(tmp_path: Path, out: Path, **options: object) -> object:
    corpus = write_corpus(tmp_path)
    options.setdefault("force", True)  # every test here rebuilds the same input on purpose
    return build(make_config(corpus, PROJECT_ROOT / "templates", out, **options))  # type: ignore[arg-type]


def _ours(digest: dict[str, str]) -> dict[str, str]:
    """Pagefind's filter and metadata indexes (and the entry file naming them) vary from run to
    run on identical input (upstream Pagefind issue #638); its fragments and everything we write
    do not."""
    unstable = ("pagefind/filter/", "pagefind/pagefind-entry.json", "pagefind/pagefind.")
    return {path: sha for path, sha in digest.items() if not path.startswith(unstable)}


def test_two_builds_are_byte_identical(tmp_path: Path, built_site: Path) -> None:
    again = tmp_path / "again"
    build_real_site(again, "/")
    ours = _ours(tree_digest(again))
    assert ours == _ours(tree_digest(built_site))
    assert any(path.startswith("pagefind/fragment/") for path in ours)
    assert any(path.endswith(".html") for path in ours)


def test_a_failing_stage_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = small_site(tmp_path, out, search=False)
    assert first.written  # type: ignore[attr-defined]
    before = tree_digest(out)
    for stage in ("link", "render", "write"):

        def fail(name: str, stage: str = stage) -> None:
            if name == stage:
                raise RuntimeError(f"{stage} failed on purpose")

        with pytest.raises(RuntimeError):
            build(
                make_config(
                    tmp_path / "corpus", PROJECT_ROOT / "templates", out, search=False, force=True
                ),
                after_stage=fail,
            )
        assert tree_digest(out) == before
        assert not list(tmp_path.glob(".site.building-*"))


def test_a_corpus_error_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    before = tree_digest(out)
    article = tmp_path / "corpus" / "articles" / "sample-article.md"
    article.write_text(article.read_text().replace("precision: month", "precision: day"))
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--corpus",
            str(tmp_path / "corpus"),
            "--out",
            str(out),
            "--no-search",
            "--templates",
            str(PROJECT_ROOT / "templates"),
        ],
    )
    assert result.exit_code == 1
    assert "was not changed" in result.output
    assert tree_digest(out) == before
    assert not list(tmp_path.glob(".site.building-*"))


def test_a_pagefind_failure_leaves_the_previous_site_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    before = tree_digest(out)
    broken = tmp_path / "broken-python"
    broken.write_text("#!/bin/sh\necho 'pagefind: out of cheese' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(search, "pagefind_executable", lambda: broken)
    report = small_site(tmp_path, out, search=True)
    assert not report.written  # type: ignore[attr-defined]
    assert [str(d) for d in report.errors] == [  # type: ignore[attr-defined]
        "pagefind: search: indexing failed (exit 3): pagefind: out of cheese"
    ]
    assert tree_digest(out) == before


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` refuses new entries, even to root: permissions for a user, the immutable
    attribute (chattr +i) for root, who writes through permissions."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
        pytest.skip("running as root, and this file system cannot make a folder immutable")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def test_a_read_only_folder_is_reported_and_the_previous_site_stays(tmp_path: Path) -> None:
    parent = tmp_path / "published"
    parent.mkdir()
    out = parent / "site"
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    before = tree_digest(out)
    with read_only(parent):
        report = small_site(tmp_path, out, search=False)
    assert not report.written  # type: ignore[attr-defined]
    [failure] = report.errors  # type: ignore[attr-defined]
    assert str(failure).startswith(f"{out}: output: could not write the site: ")
    assert "ermission denied" in str(failure) or "not permitted" in str(failure)
    assert tree_digest(out) == before
    assert sorted(p.name for p in parent.iterdir()) == ["site"]


@pytest.mark.parametrize("fails_on", ["a-page", "the-marker", "a-download"])
def test_a_full_disk_is_reported_and_nothing_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails_on: str
) -> None:
    out = tmp_path / "site"
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    before = tree_digest(out)

    def no_space() -> OSError:
        return OSError(28, "No space left on device")

    if fails_on == "a-page":
        create = write_module._create

        def full_disk(destination: str, content: bytes) -> None:
            if destination.endswith(".html"):
                raise no_space()
            create(destination, content)

        monkeypatch.setattr(write_module, "_create", full_disk)
    elif fails_on == "a-download":
        # Written by the child process that writes the large downloads beside the pages.
        def full_disk_stream(fd: int, data: bytes) -> None:
            raise no_space()

        monkeypatch.setattr(write_processes, "_write_all", full_disk_stream)
    else:
        write_text = Path.write_text

        def full_disk_text(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
            if self.name == MARKER:
                raise no_space()
            return write_text(self, data, *args, **kwargs)

        monkeypatch.setattr(Path, "write_text", full_disk_text)
    report = small_site(tmp_path, out, search=False)
    monkeypatch.undo()
    assert not report.written  # type: ignore[attr-defined]
    assert [str(d) for d in report.errors] == [  # type: ignore[attr-defined]
        f"{out}: output: could not write the site: No space left on device"
    ]
    assert tree_digest(out) == before
    assert not list(tmp_path.glob(".site.*"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "site"]


def test_a_build_killed_mid_write_leaves_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    before = tree_digest(out)
    script = (
        "import sys, time\n"
        "from natocorpus import write\n"
        "real = write._create\n"
        "def slow(destination, content):\n"
        "    real(destination, content)\n"
        "    print('wrote', flush=True)\n"
        "    time.sleep(0.05)\n"
        "write._create = slow\n"
        "from natocorpus.build import build\n"
        "from natocorpus.config import make_config\n"
        f"build(make_config({str(tmp_path / 'corpus')!r}, {str(PROJECT_ROOT / 'templates')!r},"
        f" {str(out)!r}, search=False, force=True))\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=tmp_path
    )
    assert child.stdout is not None
    for _ in range(5):
        assert child.stdout.readline().strip() == "wrote"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert tree_digest(out) == before
    assert list(tmp_path.glob(".site.building-*")), "the killed build's staging folder"
    # The next build clears what the killed one left and succeeds.
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    assert not list(tmp_path.glob(".site.building-*"))


@pytest.mark.parametrize("choice", ["corpus", "templates", "project", "parent-of-corpus", "home"])
def test_the_output_may_not_be_a_folder_the_user_keeps(
    tmp_path: Path, choice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    out = {
        "corpus": corpus,
        "templates": templates,
        "project": tmp_path,
        "parent-of-corpus": tmp_path.parent,
        "home": tmp_path / "home",
    }[choice]
    before = tree_digest(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--corpus",
            str(corpus),
            "--templates",
            str(templates),
            "--out",
            str(out),
            "--no-search",
        ],
    )
    assert result.exit_code == 1, result.output
    assert f"{out}: output:" in result.output
    assert tree_digest(tmp_path) == before


def test_a_folder_natocorpus_did_not_make_is_refused_not_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work")
    report = small_site(tmp_path, out, search=False)
    assert [str(d) for d in report.errors] == [  # type: ignore[attr-defined]
        f"{out}: output: is not empty and was not made by natocorpus (no {MARKER} file in it); "
        "refusing to replace it: empty it or choose another folder"
    ]
    assert (out / "thesis.docx").read_text() == "years of work"


def test_symlinks_in_the_output_are_not_followed_when_it_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine")
    (out / "link").symlink_to(keep, target_is_directory=True)
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    assert (keep / "notes.txt").read_text() == "mine"


def test_build_prints_timings_per_stage(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--corpus",
            str(tmp_path / "corpus"),
            "--out",
            str(tmp_path / "site"),
            "--templates",
            str(PROJECT_ROOT / "templates"),
            "--timings",
        ],
    )
    assert result.exit_code == 0, result.output
    stages = [line.split()[0] for line in result.output.splitlines() if line[:1].isalpha()]
    for stage in ("load", "annotate", "link", "render", "write", "index", "total"):
        assert stage in stages


def test_an_unchanged_input_is_not_rebuilt(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    config = make_config(corpus, PROJECT_ROOT / "templates", tmp_path / "site", search=False)
    assert build(config).written
    before = tree_digest(tmp_path / "site")
    again = build(config)
    assert again.up_to_date
    assert [name for name, _ in again.timings] == ["fingerprint"]
    assert tree_digest(tmp_path / "site") == before


@pytest.mark.parametrize("change", ["article", "actor", "event", "template"])
def test_a_rebuild_after_a_change_equals_a_clean_build(tmp_path: Path, change: str) -> None:
    corpus = write_corpus(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    incremental = tmp_path / "incremental"
    assert build(make_config(corpus, templates, incremental, search=False)).written
    if change == "article":
        path, old, new = corpus / "articles" / "sample-article.md", "Ann Author}", "Ann Editor}"
    elif change == "actor":
        path, old, new = (
            corpus / "actors.yaml",
            "description: The alliance.",
            "description: Allies.",
        )
    elif change == "event":
        path, old, new = corpus / "events.yaml", "place: Madrid", "place: IFEMA, Madrid"
    else:
        path, old, new = templates / "base.html", "</footer>", "<p>Edited.</p></footer>"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    report = build(make_config(corpus, templates, incremental, search=False))
    assert report.written and not report.up_to_date
    # What the last build left is used where its inputs are unchanged, and only there: the
    # article is annotated again unless only a template changed (actors and events are matched
    # in it), and no page is reused when the template every page extends changed.
    assert report.reused_articles == (1 if change == "template" else 0)
    assert (report.reused_pages == 0) == (change == "template")
    assert report.reused_pages < report.pages
    clean = tmp_path / "clean"
    assert build(make_config(corpus, templates, clean, search=False)).written
    assert tree_digest(incremental) == tree_digest(clean)
    shown = {"article": "Ann Editor", "actor": "Allies.", "event": "IFEMA, Madrid"}
    everything = b"".join(p.read_bytes() for p in incremental.rglob("*") if p.is_file())
    assert shown.get(change, "Edited.").encode() in everything


def _edit_article(corpus: Path) -> None:
    path = corpus / "articles" / "sample-article.md"
    text = path.read_text(encoding="utf-8")
    assert "Ann Author}" in text
    path.write_text(text.replace("Ann Author}", "Ann Editor}", 1), encoding="utf-8")


def test_a_rebuild_that_fails_leaves_the_site_and_nothing_beside_it(tmp_path: Path) -> None:
    # A rebuild begins its staging folder, and the folders of the last build's pages in it, before
    # the corpus is even read: each way of failing must take them away again.
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    config = make_config(corpus, PROJECT_ROOT / "templates", out, search=False)
    assert build(config).written
    before = tree_digest(out)
    _edit_article(corpus)
    for stage in ("annotate", "link", "render", "write"):

        def fail(name: str, stage: str = stage) -> None:
            if name == stage:
                raise RuntimeError(f"{stage} failed on purpose")

        with pytest.raises(RuntimeError):
            build(config, after_stage=fail)
        assert tree_digest(out) == before
        assert not list(tmp_path.glob(".site.building-*"))


def test_a_rebuild_after_a_text_is_renamed_leaves_no_folder_of_its_old_page(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    config = make_config(corpus, PROJECT_ROOT / "templates", out, search=False)
    assert build(config).written
    assert (out / "articles" / "sample-article" / "index.html").is_file()
    article = corpus / "articles" / "sample-article.md"
    text = article.read_text(encoding="utf-8")
    renamed = text.replace("id: sample-article", "id: renamed-article")
    (corpus / "articles" / "renamed-article.md").write_text(renamed, encoding="utf-8")
    article.unlink()  # an id is its file's name
    report = build(config)
    assert report.written, [str(d) for d in report.diagnostics]
    assert (out / "articles" / "renamed-article" / "index.html").is_file()
    assert not (out / "articles" / "sample-article").exists()
    clean = tmp_path / "clean"
    assert build(make_config(corpus, PROJECT_ROOT / "templates", clean, search=False)).written
    assert tree_digest(out) == tree_digest(clean)


def _built_with_inputs_settled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, BuildConfig]:
    """A small site built once, its input files recorded as settled at once rather than two
    seconds after they were last written."""
    monkeypatch.setattr(fingerprint_module, "_SETTLING_NS", 0)
    corpus = write_corpus(tmp_path)
    config = make_config(corpus, PROJECT_ROOT / "templates", tmp_path / "site", search=False)
    assert build(config).written
    return corpus, config


def test_an_unchanged_input_is_not_read_again_to_know_it_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, config = _built_with_inputs_settled(tmp_path, monkeypatch)
    opened: list[str] = []

    def watched_open(path: str, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(path))
        return Path(path).open(*args, **kwargs)

    monkeypatch.setattr(fingerprint_module, "open", watched_open, raising=False)
    assert build(config).up_to_date
    assert not [path for path in opened if path.startswith(str(corpus))]


def test_an_input_written_again_with_its_size_and_time_put_back_is_seen_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, config = _built_with_inputs_settled(tmp_path, monkeypatch)
    article = corpus / "articles" / "sample-article.md"
    before = article.stat()
    _edit_article(corpus)  # the same number of bytes
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert article.stat().st_size == before.st_size
    report = build(config)
    assert report.written and not report.up_to_date
    page = tmp_path / "site" / "articles" / "sample-article" / "index.html"
    assert "Ann Editor" in page.read_text(encoding="utf-8")


def test_a_page_changed_in_the_output_is_written_again_not_reused(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    config = make_config(corpus, PROJECT_ROOT / "templates", tmp_path / "site", search=False)
    assert build(config).written
    # The events index does not change with the article's author: it would be reused.
    events = tmp_path / "site" / "events" / "index.html"
    events.write_text("<p>Changed by hand.</p>", encoding="utf-8")
    _edit_article(corpus)
    report = build(config)
    assert report.written and report.reused_pages > 0
    clean = tmp_path / "clean"
    assert build(make_config(corpus, PROJECT_ROOT / "templates", clean, search=False)).written
    assert tree_digest(tmp_path / "site") == tree_digest(clean)


def test_a_download_changed_in_the_output_is_made_again_not_copied(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    corpus = write_corpus(tmp_path)
    config = make_config(corpus, templates, tmp_path / "site", search=False)
    assert build(config).written
    # The article's own piece of the download, changed in place: same length, new bytes.
    records = tmp_path / "site" / "data" / "records.json"
    text = records.read_text(encoding="utf-8")
    assert '"value":"A title"' in text
    records.write_text(text.replace('"value":"A title"', '"value":"A tidle"'), encoding="utf-8")
    base = templates / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert build(config).written
    clean = tmp_path / "clean"
    assert build(make_config(corpus, templates, clean, search=False)).written
    assert tree_digest(tmp_path / "site") == tree_digest(clean)


@pytest.mark.parametrize(
    "cache_file", ["articles.bin", "pages.bin", "downloads.bin", "templates.bin"]
)
@pytest.mark.parametrize("damage", ["truncated", "replaced"])
def test_a_damaged_cache_is_ignored_and_the_site_is_whole(
    tmp_path: Path, cache_file: str, damage: str
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    corpus = write_corpus(tmp_path)
    config = make_config(corpus, templates, tmp_path / "site", search=False)
    assert build(config).written
    cached = tmp_path / "site" / CACHE_DIR / cache_file
    content = cached.read_bytes()
    cached.write_bytes(content[: len(content) // 2] if damage == "truncated" else b"\x93\x01")
    base = templates / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = build(config)
    assert report.written, [str(d) for d in report.diagnostics]
    if cache_file == "articles.bin":
        assert report.reused_articles == 0
    clean = tmp_path / "clean"
    assert build(make_config(corpus, templates, clean, search=False)).written
    assert tree_digest(tmp_path / "site") == tree_digest(clean)


def test_force_rebuilds_everything_without_the_cache(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    config = make_config(corpus, PROJECT_ROOT / "templates", tmp_path / "site", search=False)
    assert build(config).written
    forced = build(
        make_config(corpus, PROJECT_ROOT / "templates", tmp_path / "site", search=False, force=True)
    )
    assert forced.written and forced.reused_articles == 0 and forced.reused_pages == 0


def test_the_root_folder_is_refused_as_output(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    result = CliRunner().invoke(
        main, ["build", "--corpus", str(corpus), "--out", "/", "--no-search"]
    )
    assert result.exit_code == 1
    assert result.output.startswith("/: output: would contain ")
    assert "; / was not changed." in result.output


def test_the_installed_command_reports_and_exits_as_a_maintainer_sees_it(tmp_path: Path) -> None:
    """The `natocorpus` script ends its process without tearing down the heap: what it printed
    still reaches a pipe, and its exit code is the build's."""
    command = Path(sys.executable).parent / "natocorpus"
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    args = [str(command), "build", "--corpus", str(corpus), "--out", str(out), "--no-search"]
    args += ["--templates", str(PROJECT_ROOT / "templates")]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Built ") and f"into {out.as_posix()}/" in done.stdout
    assert (out / "index.html").is_file()

    (corpus / "corpus.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stdout
    assert done.stderr.startswith("corpus/corpus.yaml:2: yaml: "), done.stderr
    assert "was not changed" in done.stderr

    done = subprocess.run([*args, "--no-such-option"], capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "No such option" in done.stderr, done.stderr


def _gone(paths: Iterator[Path]) -> bool:
    """Whether `paths` comes to name nothing within a minute (a process of the build's own is
    removing them): a wait, not a measure of speed."""
    waiting = list(paths)
    for _ in range(600):
        waiting = [path for path in waiting if path.exists()]
        if not waiting:
            return True
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def _locked_by_another_process(folder: Path) -> Iterator[None]:
    """`folder`'s lock (`flock`) held by another process while the block runs."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
            str(folder),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.stdin.close()
        holder.wait()


def test_the_installed_command_leaves_the_site_it_replaced_to_a_process_of_its_own(
    tmp_path: Path,
) -> None:
    """The command ends once the new site is in place; the site it replaced, moved aside, is then
    emptied of its files by a process of its own, its folders kept in the new site's cache for the
    next build, and nothing is left beside the output."""
    command = Path(sys.executable).parent / "natocorpus"
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    args = [str(command), "build", "--corpus", str(corpus), "--out", str(out), "--no-search"]
    args += ["--templates", str(PROJECT_ROOT / "templates")]
    assert subprocess.run(args, capture_output=True, check=False).returncode == 0
    _edit_article(corpus)
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Ann Editor" in (out / "articles" / "sample-article" / "index.html").read_text()
    assert _gone(tmp_path.glob(".site.retired-*"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "site"]
    kept = out / write_module.KEPT_FOLDERS
    assert _gone(path for path in kept.rglob("*") if path.is_file() and path.name != MARKER)
    assert (kept / "articles" / "sample-article").is_dir()


def test_a_replaced_site_still_being_removed_is_left_to_its_remover(tmp_path: Path) -> None:
    """A build that starts while the site an earlier one replaced is still being removed (its
    remover holds the folder's lock) builds, and leaves that folder alone; a later build clears
    it as a leftover once no process holds it."""
    out = tmp_path / "site"
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    retired = tmp_path / ".site.retired-of-an-earlier-build"
    (retired / "site").mkdir(parents=True)
    (retired / "site" / MARKER).write_text("input: none\n", encoding="utf-8")
    with _locked_by_another_process(retired):
        assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
        assert (retired / "site" / MARKER).is_file()
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "site"]


def test_kept_folders_still_being_emptied_are_left_to_that_process(tmp_path: Path) -> None:
    """A build that starts while the folders kept from a replaced site are still being emptied
    (their process holds their lock) makes its site in folders of its own."""
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    config = make_config(corpus, PROJECT_ROOT / "templates", out, search=False)
    assert build(config).written
    _edit_article(corpus)
    assert build(config).written
    kept = out / write_module.KEPT_FOLDERS
    folder = (kept / "articles" / "sample-article").stat().st_ino
    (corpus / "articles" / "sample-article.md").write_text(
        (corpus / "articles" / "sample-article.md").read_text().replace("Ann Editor}", "Ann A}"),
        encoding="utf-8",
    )
    with _locked_by_another_process(kept):
        assert build(config).written
    assert (out / "articles" / "sample-article").stat().st_ino != folder
    assert "Ann A" in (out / "articles" / "sample-article" / "index.html").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "site"]


def test_an_empty_folder_given_as_output_is_replaced_and_nothing_is_left(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    assert (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "site"]


def _searchable(site: Path) -> dict[str, str]:
    """Each page Pagefind indexes, by path, with the SHA-256 of its bytes."""
    pages = {page.relative_to(site).as_posix(): page.read_bytes() for page in site.rglob("*.html")}
    return {
        path: hashlib.sha256(content).hexdigest()
        for path, content in pages.items()
        if b"data-pagefind-body" in content
    }


def test_a_large_index_is_in_parts_and_a_rebuild_indexes_again_only_parts_whose_pages_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above `urls.PART_PAGES` searchable pages, each part of the index is a bundle of its own,
    which the search page merges. A rebuild takes from the last build the bundle of every part
    whose pages are unchanged (the same files, hard-linked), and indexes again the others."""
    monkeypatch.setattr(site_urls, "PART_PAGES", 2)
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    config = make_config(corpus, PROJECT_ROOT / "templates", out)
    assert build(config).written
    before = _searchable(out)
    parts = site_urls.search_parts(list(before))
    bundles = [site_urls.bundle_folder(number) for number in range(len(parts))]
    assert bundles[0] == "pagefind" and len(parts) >= 3
    assert sorted(page for part in parts for page in part) == sorted(before)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("pagefind")) == sorted(bundles)
    search_page = (out / "search" / "index.html").read_text(encoding="utf-8")
    assert f'data-merge="{" ".join(f"/{b}/" for b in bundles[1:])}"' in search_page
    entries = {b: (out / b / "pagefind-entry.json").stat().st_ino for b in bundles}

    # An edit that changes some pages but keeps every page where it is (renaming the author
    # would rename her page, made from the records).
    path = corpus / "articles" / "sample-article.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("It objects.", "It objects firmly.", 1), encoding="utf-8")
    assert build(config).written
    after = _searchable(out)
    assert sorted(after) == sorted(before)
    changed = {
        number
        for number, part in enumerate(parts)
        if any(after[page] != before[page] for page in part)
    }
    assert changed and len(changed) < len(parts)
    indexed_again = {
        number
        for number, bundle in enumerate(bundles)
        if (out / bundle / "pagefind-entry.json").stat().st_ino != entries[bundle]
    }
    assert indexed_again == changed


def test_without_a_process_to_spare_the_writer_does_the_work_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folders and links made ahead and the downloads written alongside are each a forked
    process; where none can be forked (a process limit reached), the build writes the same site
    in its own process."""
    corpus = write_corpus(tmp_path)
    templates = PROJECT_ROOT / "templates"
    incremental = tmp_path / "incremental"
    assert build(make_config(corpus, templates, incremental, search=False)).written
    _edit_article(corpus)

    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    report = build(make_config(corpus, templates, incremental, search=False))
    monkeypatch.undo()
    assert report.written, [str(d) for d in report.errors]
    assert report.reused_pages > 0
    clean = tmp_path / "clean"
    assert build(make_config(corpus, templates, clean, search=False)).written
    assert tree_digest(incremental) == tree_digest(clean)


def test_a_second_build_into_the_same_output_is_refused_while_the_first_runs(
    tmp_path: Path,
) -> None:
    """While a build writes (here, another process holds the lock the build takes beside the
    output), a second build into the same output is refused with a message, and leaves the site
    and the first build's staging folder alone; once the first is done, it builds."""
    out = tmp_path / "site"
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    before = tree_digest(out)
    staging = tmp_path / ".site.building-of-the-first-build"
    staging.mkdir()
    (staging / MARKER).write_text("input: none\n", encoding="utf-8")
    lock = tmp_path / ".site.natocorpus-lock"
    lock.touch()
    with _locked_by_another_process(lock):
        report = small_site(tmp_path, out, search=False)
    assert not report.written  # type: ignore[attr-defined]
    assert [str(d) for d in report.errors] == [  # type: ignore[attr-defined]
        f"{out}: output: another natocorpus build is writing this folder; "
        "run again once it has finished"
    ]
    assert tree_digest(out) == before
    assert staging.is_dir()
    assert small_site(tmp_path, out, search=False).written  # type: ignore[attr-defined]
    assert not staging.exists()  # a leftover once no build holds the lock


def test_a_list_numbered_with_brackets_keeps_them(tmp_path: Path) -> None:
    # "1) Japan joined." in the text and its capture: a list the page numbers as the text
    # does, "1)" and "2)", not a transcription the build rejects for reading "1." there.
    body = "NATO met in Washington. The US objected.\n\n1) Japan joined.\n\n2) Korea joined.\n"
    corpus = write_corpus(tmp_path, body)
    out = tmp_path / "site"
    build(make_config(corpus, PROJECT_ROOT / "templates", out, search=False))
    page = (out / "articles" / "sample-article" / "index.html").read_text(encoding="utf-8")
    items = re.findall(
        r'<ol class="body-list numbered-with-brackets">\s*((?:<li .*\n)+)</ol>', page
    )
    assert len(items) == 1 and re.findall(r'value="(\d)">(\w+)', items[0]) == [
        ("1", "Japan"),
        ("2", "Korea"),
    ]
    # The page's own stylesheet numbers that list's items with the bracket.
    links = re.findall(r'<link rel="stylesheet" href="[./]*(static/[\w.]+\.css)"', page)
    rules = "".join((out / link).read_text(encoding="utf-8") for link in links)
    marker = r'\.numbered-with-brackets ?> ?li::marker ?\{ ?content: ?counter\(list-item\) ?"\) "'
    assert re.search(marker, rules)
