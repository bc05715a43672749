"""Bad input, round two: inputs that could lose a site, write outside it, publish a live page or
a script link, or take quadratic time. Each case runs the real command line, or the build, on a
tiny corpus written inline."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
from pathlib import Path
from types import FrameType

import pytest
from click.testing import CliRunner

from corpus_factory import write_corpus
from natocorpus import search, write
from natocorpus.artifacts import Artifact
from natocorpus.build import build
from natocorpus.cli import main
from natocorpus.config import make_config
from natocorpus.diagnostics import OutputError, SearchError
from natocorpus.load import reading
from natocorpus.load.reading import parse_reading_text
from support import PROJECT_ROOT, tree_digest

ARTICLE = "corpus/articles/sample-article.md"


def run(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def run_check(corpus: Path) -> tuple[int, str]:
    return run("check", "--corpus", str(corpus))


def run_build(corpus: Path, out: Path, *options: str) -> tuple[int, str]:
    templates = str(PROJECT_ROOT / "templates")
    return run(
        "build", "--corpus", str(corpus), "--templates", templates, "--out", str(out), *options
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def article(corpus: Path) -> Path:
    return corpus / "articles" / "sample-article.md"


# The search stage checks what Pagefind wrote ------------------------------------------------

# Pagefind on a full disk: it exits 0 having written every file, some of them empty.
EMPTY_PAGEFIND = """#!/bin/sh
while [ "$#" -gt 0 ]; do
  if [ "$1" = --output-path ]; then out=$2; fi
  shift
done
mkdir -p "$out/fragment" "$out/index"
: > "$out/pagefind.js"
: > "$out/pagefind-entry.json"
: > "$out/fragment/en_1.pf_fragment"
exit 0
"""


def test_a_search_index_left_empty_fails_the_build_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    assert run_build(corpus, out, "--no-search")[0] == 0
    before = tree_digest(out)
    fake = tmp_path / "pagefind"
    fake.write_text(EMPTY_PAGEFIND)
    fake.chmod(0o755)
    monkeypatch.setattr(search, "pagefind_executable", lambda: fake)
    code, output = run_build(corpus, out)
    assert code == 1
    assert (
        "pagefind: search: the index Pagefind wrote is not whole: pagefind/pagefind-entry.json "
        "is empty; is the disk full?" in output.splitlines()
    ), output
    assert tree_digest(out) == before
    assert not list(tmp_path.glob(".site.building-*"))


def test_a_search_index_that_lists_a_missing_file_is_not_whole(tmp_path: Path) -> None:
    """The real Pagefind's bundle, then one fragment it lists taken away."""
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    report = build(make_config(corpus, PROJECT_ROOT / "templates", out))
    assert report.written, report.diagnostics
    bundle = out / "pagefind"
    assert search.bundle_problem(bundle) is None
    fragment = sorted((bundle / "fragment").iterdir())[0]
    fragment.write_bytes(fragment.read_bytes()[:10])
    assert search.bundle_problem(bundle) == f"fragment/{fragment.name} is missing or not whole"
    fragment.unlink()
    assert search.bundle_problem(bundle) == f"fragment/{fragment.name} is missing or not whole"


# Nothing from the corpus becomes a path outside the output -----------------------------------


def test_a_language_that_is_not_a_tag_is_refused(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    edit(corpus / "corpus.yaml", "language: en", 'language: "../../../../ESC"')
    code, output = run_check(corpus)
    assert code == 1
    assert (
        "corpus/corpus.yaml:3: language: '../../../../ESC' is not a language tag (BCP 47), "
        "such as en, fr or pt-BR" in output.splitlines()
    ), output


@pytest.mark.parametrize("tag", ["en", "pt-BR", "zh-Hant-TW", "de-CH-1996", "es-419", "x-local"])
def test_a_language_tag_is_accepted(tmp_path: Path, tag: str) -> None:
    corpus = write_corpus(tmp_path)
    edit(corpus / "corpus.yaml", "language: en", f"language: {tag}")
    code, output = run_check(corpus)
    assert code == 0, output


def test_the_search_stage_refuses_a_language_that_could_make_a_path(tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    site.mkdir(parents=True)
    with pytest.raises(SearchError, match="not a language tag"):
        search.search_site(site, "../../ESC")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "site"]


def test_the_writer_refuses_a_path_out_of_the_output(tmp_path: Path) -> None:
    out = tmp_path / "site"
    for path in ("../escape.html", "/tmp/escape.html", "a/../../escape.html", "a//b.html"):
        with (
            pytest.raises(OutputError, match="would leave the output folder"),
            write.staging(out, "fingerprint") as site,
        ):
            site.write([Artifact(path, b"<p>out</p>")])
    assert sorted(p.name for p in tmp_path.rglob("*")) == []


# Captures are published as text ----------------------------------------------------------------


def rename_capture(corpus: Path, name: str) -> None:
    (corpus / "sources" / "sample.txt").rename(corpus / "sources" / name)
    edit(article(corpus), "source_file: sample.txt", f"source_file: {name}")


@pytest.mark.parametrize("name", ["page.html", "image.svg", "capture"])
def test_a_capture_is_published_under_a_name_read_as_text(tmp_path: Path, name: str) -> None:
    corpus = write_corpus(tmp_path)
    rename_capture(corpus, name)
    captured = (corpus / "sources" / name).read_bytes()
    out = tmp_path / "site"
    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    assert sorted(p.name for p in (out / "sources").iterdir()) == [f"{name}.txt"]
    assert (out / "sources" / f"{name}.txt").read_bytes() == captured
    page = (out / "articles" / "sample-article" / "index.html").read_text(encoding="utf-8")
    assert f'href="/sources/{name}.txt"' in page
    assert f'href="/sources/{name}"' not in page
    about = (out / "about" / "index.html").read_text(encoding="utf-8")
    assert f'href="/sources/{name}.txt"' in about


def copy_article(corpus: Path, article_id: str) -> Path:
    copy = corpus / "articles" / f"{article_id}.md"
    text = article(corpus).read_text(encoding="utf-8")
    copy.write_text(text.replace("id: sample-article", f"id: {article_id}"), encoding="utf-8")
    return copy


def test_two_articles_naming_one_capture_are_an_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    copy_article(corpus, "the-copy")
    code, output = run_check(corpus)
    assert code == 1
    assert (
        "corpus/articles/the-copy.md:3: source_file: sources/sample.txt is also the capture of "
        f"{ARTICLE}; each article has a capture of its own" in output.splitlines()
    ), output
    code, output = run_build(corpus, tmp_path / "site", "--no-search")
    assert code == 1
    assert "File exists" not in output
    assert not (tmp_path / "site").exists()


def test_two_captures_published_under_one_name_are_an_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    copy = copy_article(corpus, "the-copy")
    (corpus / "sources" / "sample").write_bytes((corpus / "sources" / "sample.txt").read_bytes())
    edit(copy, "source_file: sample.txt", "source_file: sample")
    code, output = run_check(corpus)
    assert code == 1
    assert (
        "corpus/articles/the-copy.md:3: source_file: sources/sample would be published as "
        f"sources/sample.txt, as would sources/sample.txt, the capture of {ARTICLE}; rename one"
    ) in output.splitlines(), output


# Only http(s) addresses become links -------------------------------------------------------------

SCRIPT_URLS = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example"]


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_a_licence_url_that_is_not_http_is_refused(tmp_path: Path, url: str) -> None:
    corpus = write_corpus(tmp_path)
    edit(
        corpus / "corpus.yaml",
        "url: https://creativecommons.org/licenses/by/4.0/",
        f"url: {json.dumps(url)}",
    )
    code, output = run_check(corpus)
    assert code == 1
    assert (
        f"corpus/corpus.yaml:4: licence.url: {url!r} is not a web address: give an http:// or "
        "https:// URL" in output.splitlines()
    ), output


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_a_source_url_that_is_not_http_is_refused(tmp_path: Path, url: str) -> None:
    source_url = f"source_url: {{value: {json.dumps(url)}, inferred: the address it came from}}"
    corpus = write_corpus(tmp_path, overrides={"source_url": source_url})
    code, output = run_check(corpus)
    assert code == 1
    assert (
        f"{ARTICLE}:20: source_url.value: {url!r} is not a web address: give an http:// or "
        "https:// URL" in output.splitlines()
    ), output


def test_an_http_source_url_is_accepted(tmp_path: Path) -> None:
    source_url = "source_url: {value: https://example.org/a, inferred: the address it came from}"
    code, output = run_check(write_corpus(tmp_path, overrides={"source_url": source_url}))
    assert code == 0, output


def test_a_reference_url_that_is_not_http_is_shown_as_text(tmp_path: Path) -> None:
    body = (
        "NATO met in Washington. The US objected.\n\n"
        "1. Smith J. A title. 2020. URL: javascript:alert(1)\n"
        "2. Jones K. Another title. 2021. URL: https://example.org/paper\n"
    )
    corpus = write_corpus(tmp_path, body)
    out = tmp_path / "site"
    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    page = (out / "articles" / "sample-article" / "index.html").read_text(encoding="utf-8")
    assert "URL: javascript:alert(1)" in page
    assert 'href="javascript:' not in page
    assert '<a href="https://example.org/paper">https://example.org/paper</a>' in page


# The output folder follows the umask --------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o755), (0o027, 0o750), (0o077, 0o700)])
def test_the_output_folder_follows_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    before = os.umask(umask)
    try:
        code, output = run_build(corpus, out, "--no-search")
    finally:
        os.umask(before)
    assert code == 0, output
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert stat.S_IMODE((out / "articles").stat().st_mode) == mode
    assert stat.S_IMODE((out / "index.html").stat().st_mode) == mode & 0o666


# The output folder is never inside an input folder ---------------------------------------------


@pytest.mark.parametrize("inside", ["corpus/site", "corpus/sources/site", "templates/static/site"])
def test_an_output_folder_inside_the_corpus_or_templates_is_refused(
    tmp_path: Path, inside: str
) -> None:
    corpus = write_corpus(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    out = tmp_path / inside
    folder = corpus if inside.startswith("corpus") else templates
    before = tree_digest(tmp_path)
    code, output = run(
        "build", "--corpus", str(corpus), "--templates", str(templates), "--out", str(out)
    )
    assert code == 1
    assert (
        f"{out}: output: is inside {folder}, which the build reads; choose a folder outside it"
        in output.splitlines()
    ), output
    assert tree_digest(tmp_path) == before


# Repeated paragraphs cost linear time ----------------------------------------------------------

REPEATS = 20_000


def test_repeated_paragraphs_take_numbered_anchors_in_one_pass() -> None:
    """Captures repeat lines ("Share", "Advertisement"): each repeat's anchor is its words' anchor
    numbered, found without trying the numbers taken before it (which took quadratic time)."""
    text = parse_reading_text("Share\n\n" * REPEATS, 1)
    anchors = [block.anchor for block in text.blocks]
    base = anchors[0]
    assert anchors == [base] + [f"{base}-{n}" for n in range(2, REPEATS + 1)]


def test_reading_repeated_paragraphs_takes_steps_in_proportion_to_them() -> None:
    """The lines run in the reading module to read N repeated paragraphs, for N and 4 N: the
    count grows four times, not sixteen."""

    def steps(repeats: int) -> int:
        count = 0

        def tracer(frame: FrameType, event: str, _arg: object) -> object:
            nonlocal count
            if frame.f_code.co_filename != reading.__file__:
                return None
            if event == "line":
                count += 1
            return tracer

        sys.settrace(tracer)
        try:
            parse_reading_text("Share\n\n" * repeats, 1)
        finally:
            sys.settrace(None)
        return count

    few, many = steps(500), steps(2_000)
    assert many < 5 * few, (few, many)


def test_a_text_of_many_repeated_paragraphs_is_checked(tmp_path: Path) -> None:
    body = "NATO met in Washington. The US objected.\n\n" + "Share\n\n" * REPEATS
    code, output = run_check(write_corpus(tmp_path, body))
    assert code == 0, output


# Smaller things ----------------------------------------------------------------------------------


def with_end_date(corpus: Path, end_date: str) -> None:
    edit(
        corpus / "events.yaml",
        "  precision: day\n",
        f'  precision: day\n  end_date: "{end_date}"\n',
    )


def test_an_event_that_ends_before_it_begins_is_refused(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    with_end_date(corpus, "2022-06-01")
    code, output = run_check(corpus)
    assert code == 1
    assert (
        "corpus/events.yaml:6: [0].end_date: '2022-06-01' is before the event's date '2022-06-28'"
        in output.splitlines()
    ), output


@pytest.mark.parametrize("end_date", ["2022-06-30", "2022-06", "2022", "2023-01-02"])
def test_an_event_that_ends_on_or_after_its_date_is_accepted(tmp_path: Path, end_date: str) -> None:
    corpus = write_corpus(tmp_path)
    with_end_date(corpus, end_date)
    code, output = run_check(corpus)
    assert code == 0, output


@pytest.mark.parametrize("name", ["other.MD", "other.markdown", "other.Md"])
def test_a_markdown_file_not_named_md_is_pointed_out(tmp_path: Path, name: str) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "articles" / name).write_text("---\nid: other\n---\n\nText.\n", encoding="utf-8")
    code, output = run_check(corpus)
    assert code == 0, output
    assert (
        f"corpus/articles/{name}: file: warning: is not read as an article: only names ending in "
        ".md are; rename it other.md" in output.splitlines()
    ), output


def test_a_link_to_nothing_in_articles_is_an_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "articles" / "gone.md").symlink_to("renamed.md")
    code, output = run_check(corpus)
    assert code == 1
    assert (
        "corpus/articles/gone.md: file: is a link to renamed.md, which is not there"
        in output.splitlines()
    ), output


@pytest.mark.parametrize("folder", ["articles/loop.md", "sources/loop.txt"])
def test_a_loop_of_links_is_an_error_not_a_traceback(tmp_path: Path, folder: str) -> None:
    corpus = write_corpus(tmp_path)
    loop = corpus / folder
    loop.symlink_to(loop.name)
    expected = f"corpus/{folder}: file: is a link that leads back to itself"
    code, output = run_check(corpus)
    assert code == 1
    assert expected in output.splitlines(), output
    code, output = run_build(corpus, tmp_path / "site", "--no-search")
    assert code == 1
    assert expected in output.splitlines(), output


def test_a_control_character_in_yaml_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    edit(article(corpus), "value: Test Outlet", "value: Test\x02Outlet")
    code, output = run_check(corpus)
    assert code == 1
    assert (
        f"{ARTICLE}:8: yaml: the control character U+0002 is not allowed in YAML; remove it"
        in output.splitlines()
    ), output


def test_a_control_character_written_as_an_escape_is_an_error(tmp_path: Path) -> None:
    title = 'title: {value: "A\\x01title", inferred: the page title}'
    code, output = run_check(write_corpus(tmp_path, overrides={"title": title}))
    assert code == 1
    assert (
        f"{ARTICLE}:4: title.value: holds the control character U+0001, which no page can show; "
        "remove it" in output.splitlines()
    ), output


def test_a_control_character_in_the_body_is_an_error(tmp_path: Path) -> None:
    body = "NATO met in Washington. The US objected.\n\nA \x1b[31mred\x1b[0m line.\n"
    code, output = run_check(write_corpus(tmp_path, body))
    assert code == 1
    assert (
        f"{ARTICLE}:24: body: holds the control character U+001B, which no page can show; "
        "remove it" in output.splitlines()
    ), output


def test_an_invisible_character_is_pointed_out(tmp_path: Path) -> None:
    """ "NA\u200bTO" looks like NATO on the page but is no mention of it and no search finds it:
    the maintainer is told where, in a field and in the body; a joiner Persian needs is not."""
    title = 'title: {value: "NA\\u200bTO\u200cs view", inferred: the page title}'
    body = "NATO met in Washington. The US objected.\n\nNA\u200bTO said no.\n"
    corpus = write_corpus(tmp_path, body, overrides={"title": title}, capture_body=body)
    code, output = run_check(corpus)
    assert code == 0, output
    lines = output.splitlines()
    message = (
        "warning: holds the invisible character U+200B, which splits a word without showing it "
        "(no form or search finds the word); remove it unless the capture needs it"
    )
    assert f"{ARTICLE}:4: title.value: {message}" in lines, output
    assert any(line.startswith(f"{ARTICLE}:") and f"body: {message}" in line for line in lines)
    assert "U+200C" not in output
    # A warning, not an error: the text is still in the site, with its mentions.
    code, output = run_build(corpus, tmp_path / "site", "--no-search")
    assert code == 0, output
    records = json.loads((tmp_path / "site" / "data" / "records.json").read_text("utf-8"))
    assert [text["id"] for text in records["articles"]] == ["sample-article"], output


def test_a_folder_where_corpus_yaml_should_be_is_an_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "corpus.yaml").unlink()
    (corpus / "corpus.yaml").mkdir()
    code, output = run_check(corpus)
    assert code == 1
    assert "corpus/corpus.yaml: file: cannot be read: Is a directory" in output.splitlines(), output


@pytest.mark.parametrize(("date", "precision"), [("0000", "year"), ("0000-01", "month")])
def test_the_year_0000_is_not_a_date(tmp_path: Path, date: str, precision: str) -> None:
    corpus = write_corpus(tmp_path)
    edit(
        article(corpus),
        'value: "2023-01", precision: month',
        f'value: "{date}", precision: {precision}',
    )
    code, output = run_check(corpus)
    assert code == 1
    assert (
        f"{ARTICLE}:9: published.value: '{date}' is not a date that exists" in output.splitlines()
    ), output


def test_a_marker_that_is_not_utf8_is_rebuilt_not_a_traceback(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "site"
    assert run_build(corpus, out, "--no-search")[0] == 0
    with (out / write.MARKER).open("ab") as marker:
        marker.write(b"input: \xff\xfe\n")
    code, output = run_build(corpus, out, "--no-search")
    assert code == 0, output
    assert output.startswith("Built "), output
