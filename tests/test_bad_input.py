"""The bad-input catalogue: one fixture each, the exact message a maintainer sees, the exit code.

Every case runs the real command line (`natocorpus check`) on a tiny corpus written inline.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_factory import EVENTS, write_corpus
from natocorpus.cli import main
from support import PROJECT_ROOT

ARTICLE = "corpus/articles/sample-article.md"


def run_check(corpus: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--corpus", str(corpus)])
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def article(corpus: Path) -> Path:
    return corpus / "articles" / "sample-article.md"


Case = Callable[[Path], None]

CASES: dict[str, tuple[Case, str]] = {
    "unclosed quote": (
        lambda c: edit(article(c), "text: By Ann Author, reason", 'text: "By Ann Author, reason'),
        f"{ARTICLE}:19: yaml: unclosed quote: the quoted value that starts on this line never ends",
    ),
    "tab indentation": (
        lambda c: edit(article(c), "\n  value: [{name: Ann Author}]", "\n\tvalue: [{name: X}]"),
        f"{ARTICLE}:6: yaml: tab characters cannot indent YAML; use spaces",
    ),
    "duplicate key": (
        lambda c: edit(article(c), "source_file: sample.txt", "source_file: sample.txt\nid: x"),
        f"{ARTICLE}:4: id: duplicate key (first given on line 2)",
    ),
    "missing field": (
        lambda c: edit(
            article(c), "outlet: {value: Test Outlet, inferred: the host that carried it}\n", ""
        ),
        f"{ARTICLE}:2: outlet: required field is missing",
    ),
    "wrong type": (
        lambda c: edit(article(c), "value: -1", "value: strongly"),
        f"{ARTICLE}:14: stance.value: expected a whole number, got text",
    ),
    "unknown actor id": (
        lambda c: (c / "events.yaml").write_text(
            EVENTS.replace("participants: [nato]", "participants: [nato, atlantis]"),
            encoding="utf-8",
        ),
        "corpus/events.yaml:7: [0].participants[1]: unknown actor id 'atlantis'",
    ),
    "an event id that is also an actor id": (
        lambda c: (c / "events.yaml").write_text(
            EVENTS.replace("id: madrid-2022", "id: strategic-concept-2022"), encoding="utf-8"
        ),
        "corpus/events.yaml:1: [0].id: event id 'strategic-concept-2022' is also an actor id",
    ),
    "impossible date": (
        lambda c: edit(
            article(c), 'value: "2023-01", precision: month', 'value: "2023-02-30", precision: day'
        ),
        f"{ARTICLE}:9: published.value: '2023-02-30' is not a date that exists",
    ),
    "wrong precision": (
        lambda c: edit(article(c), "precision: month", "precision: day"),
        f"{ARTICLE}:9: published.precision: precision 'day' does not match the date '2023-01', "
        "which is precise to the month",
    ),
    "evidence not in text": (
        lambda c: edit(article(c), '"The US objected."', '"The US applauded."'),
        f"{ARTICLE}:16: stance.evidence[1]: not a verbatim passage of the article: "
        "'The US applauded.'",
    ),
    "stated words not in the capture": (
        lambda c: edit(article(c), "stated: By Ann Author", "stated: By Bob Author"),
        f"{ARTICLE}:7: authors.stated: the capture does not contain 'By Bob Author'",
    ),
    "undeclared difference": (
        lambda c: edit(c / "sources" / "sample.txt", "in Washington.", "in Brussels."),
        f"{ARTICLE}:22: body: differs from the capture: 'Washington.' where sources/sample.txt "
        "line 3 has 'Brussels.' (…NATO met in Brussels. The US objected.…); "
        "correct the transcription or declare the line in `omitted`",
    ),
    "undeclared left-out line": (
        lambda c: edit(article(c), "  - {line: 2, text: By Ann Author, reason: byline}", ""),
        f"{ARTICLE}:22: body: differs from the capture: 'NATO' where sources/sample.txt "
        "line 2 has 'By' (…By Ann Author NATO met…); correct the transcription or declare "
        "the line in `omitted`",
    ),
    "empty body": (
        lambda c: article(c).write_text(
            article(c).read_text(encoding="utf-8").split("---\n\n")[0] + "---\n\n",
            encoding="utf-8",
        ),
        f"{ARTICLE}:22: body: the reading text is empty",
    ),
    "non-UTF-8 file": (
        lambda c: article(c).write_bytes(
            article(c).read_bytes().replace(b"Test Outlet", b"Test Outl\xe9t")
        ),
        f"{ARTICLE}:8: encoding: is not valid UTF-8 (byte 0xe9 at offset 176); "
        "save the file as UTF-8",
    ),
    "unsafe slug": (
        lambda c: edit(article(c), "id: sample-article", "id: ../sample"),
        f"{ARTICLE}:2: id: '../sample' is not a valid id: use lowercase letters, digits and "
        "single hyphens (it becomes part of a URL)",
    ),
    "slug with a slash": (
        lambda c: edit(article(c), "id: sample-article", "id: a/b"),
        f"{ARTICLE}:2: id: 'a/b' is not a valid id: use lowercase letters, digits and "
        "single hyphens (it becomes part of a URL)",
    ),
    "source outside sources/": (
        lambda c: edit(article(c), "source_file: sample.txt", "source_file: ../actors.yaml"),
        f"{ARTICLE}:3: source_file: must be a file name under sources/, without folders",
    ),
    "an id that is not the file's name": (
        lambda c: (c / "articles" / "copy.md").write_bytes(article(c).read_bytes()),
        "corpus/articles/copy.md:2: id: 'sample-article' does not match the file name copy.md: "
        "the id is the file's name without .md (rename one or the other)",
    ),
    "front matter never closed": (
        lambda c: (c / "articles" / "open.md").write_text("---\nid: open\n\nThe text.\n"),
        "corpus/articles/open.md:1: front matter: the front matter opened on this line is never "
        "closed: end it with a line `---` before the reading text",
    ),
    "genre not in corpus.yaml's list": (
        lambda c: (
            edit(c / "corpus.yaml", "stance_scale:", "genres: [opinion, news]\nstance_scale:"),
            edit(article(c), "value: opinion", "value: nwes"),
        ),
        f"{ARTICLE}:10: genre.value: 'nwes' is not one of opinion, news (corpus.yaml, `genres`): "
        "did you mean `news`?",
    ),
    "completeness not in the list": (
        lambda c: edit(article(c), "value: full", "value: whole"),
        f"{ARTICLE}:11: completeness.value: 'whole' is not one of full, excerpt, "
        "abstract-with-references (corpus.yaml, `completeness`)",
    ),
    "unknown key": (
        lambda c: edit(article(c), "genre:", "dio: {value: x, stated: A title}\ngenre:"),
        f"{ARTICLE}:10: dio: unknown key `dio`: did you mean `doi`?",
    ),
    "a misspelt required key": (
        lambda c: edit(article(c), "\ntitle:", "\ntitel:"),
        f"{ARTICLE}:4: titel: unknown key `titel`: did you mean `title`?",
    ),
    "a field left to fill in": (
        lambda c: edit(
            article(c),
            "genre: {value: opinion, inferred: argues a position}",
            'genre: {value: TODO, inferred: "TODO: one of opinion, news, and why"}',
        ),
        f"{ARTICLE}:10: genre: not filled in yet: one of opinion, news, and why",
    ),
    "malformed knowledge base": (
        lambda c: (c / "actors.yaml").write_text("- id: nato\n  name: [unclosed\n"),
        "corpus/actors.yaml:3: yaml: while parsing a flow sequence did not find expected ',' "
        "or ']'",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_its_exact_message(tmp_path: Path, name: str) -> None:
    corpus = write_corpus(tmp_path)
    mutate, expected = CASES[name]
    mutate(corpus)
    code, output = run_check(corpus)
    assert code == 1
    assert expected in output.splitlines(), output


def test_every_problem_of_a_run_is_reported_together(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    edit(article(corpus), "precision: month", "precision: day")
    edit(article(corpus), '"The US objected."', '"The US applauded."')
    (corpus / "events.yaml").write_text(
        EVENTS.replace("participants: [nato]", "participants: [atlantis]"), encoding="utf-8"
    )
    code, output = run_check(corpus)
    assert code == 1
    assert "published.precision" in output
    assert "stance.evidence[1]" in output
    assert "unknown actor id 'atlantis'" in output


def test_a_duplicate_id_is_reported_even_when_the_knowledge_base_is_wrong(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "articles" / "copy.md").write_bytes(article(corpus).read_bytes())
    (corpus / "events.yaml").write_text(
        EVENTS.replace("participants: [nato]", "participants: [atlantis]"), encoding="utf-8"
    )
    code, output = run_check(corpus)
    assert code == 1
    assert "unknown actor id 'atlantis'" in output
    assert "corpus/articles/copy.md:2: id: 'sample-article' does not match" in output, output


def test_one_root_cause_gives_one_error(tmp_path: Path) -> None:
    """A misspelt capture name is the one error: the quotes are not checked against nothing, and
    a misspelt key does not also report its field as missing."""
    corpus = write_corpus(tmp_path)
    edit(article(corpus), "source_file: sample.txt", "source_file: sampel.txt")
    edit(article(corpus), "\ntitle:", "\ntitel:")
    code, output = run_check(corpus)
    assert code == 1
    errors = [line for line in output.splitlines() if line.startswith(ARTICLE)]
    assert errors == [
        f"{ARTICLE}:3: source_file: sources/sampel.txt does not exist",
        f"{ARTICLE}:4: titel: unknown key `titel`: did you mean `title`?",
    ], output


def test_warnings_of_sound_articles_stand_beside_another_articles_errors(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path,
        "NATO met in Wellington. The US objected.",
        quotes=("NATO met in Wellington.", "The US objected."),
    )
    (corpus / "articles" / "broken.md").write_text("---\nid: broken\n", encoding="utf-8")
    code, output = run_check(corpus)
    assert code == 1
    assert "broken.md:1: front matter" in output
    assert f"{ARTICLE}:22: mentions: warning: 'Wellington' is not covered" in output, output


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    text = article(corpus).read_text(encoding="utf-8")
    article(corpus).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    capture = corpus / "sources" / "sample.txt"
    capture.write_bytes(capture.read_bytes().replace(b"\n", b"\r\n"))
    code, output = run_check(corpus)
    assert code == 0, output


def test_a_huge_body_is_refused_with_its_size(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    with article(corpus).open("a", encoding="utf-8") as handle:
        handle.write(("word " * 1000 + "\n\n") * 4200)
    code, output = run_check(corpus)
    assert code == 1
    assert f"{ARTICLE}: file: is 20.0 MiB; the limit for one corpus file is 5 MiB" in output


def test_a_link_out_of_the_corpus_is_refused(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_bytes(article(corpus).read_bytes())
    (corpus / "articles" / "linked.md").symlink_to(outside)
    code, output = run_check(corpus)
    assert code == 1
    assert (
        f"corpus/articles/linked.md: file: is a link to {outside}, outside the corpus; refused"
        in (output)
    )


def test_a_clean_corpus_checks_clean(tmp_path: Path) -> None:
    code, output = run_check(write_corpus(tmp_path))
    assert code == 0, output
    assert output.strip().endswith("0 error(s), 0 warning(s)")


def run_build(corpus: Path, templates: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["build", "--corpus", str(corpus), "--templates", str(templates), "--out", str(out)]
        + ["--no-search"],
    )
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def copy_templates(tmp_path: Path) -> Path:
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    return templates


def test_a_template_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    templates = copy_templates(tmp_path)
    about = templates / "about.html"
    lines = about.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "{% if %}")
    about.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = run_build(corpus, templates, tmp_path / "site")
    assert code == 1
    assert (
        f"{templates}/about.html:3: template: Expected an expression, got 'end of statement block'"
        in (output.splitlines())
    ), output
    assert not (tmp_path / "site").exists()


def test_a_broken_template_no_page_uses_yet_is_named(tmp_path: Path) -> None:
    """Every template is compiled before any page is rendered: a maintainer who adds a template
    with a mistake is told where it is, even before a page uses it."""
    corpus = write_corpus(tmp_path)
    templates = copy_templates(tmp_path)
    (templates / "glossary.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{% for term in %}\n{% endblock %}\n',
        encoding="utf-8",
    )
    code, output = run_build(corpus, templates, tmp_path / "site")
    assert code == 1
    assert any(
        line.startswith(f"{templates}/glossary.html:3: template: ") for line in output.splitlines()
    ), output
    assert not (tmp_path / "site").exists()


def test_a_missing_template_is_named(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    templates = copy_templates(tmp_path)
    (templates / "timeline.html").unlink()
    code, output = run_build(corpus, templates, tmp_path / "site")
    assert code == 1
    assert f"{templates}/timeline.html: template: template not found" in output.splitlines(), output


@pytest.mark.parametrize("missing", ["corpus", "templates"])
def test_a_missing_folder_is_named_and_the_site_kept(tmp_path: Path, missing: str) -> None:
    """A mistyped --corpus or --templates is an error naming the folder, not a traceback, and the
    last site stays as it was."""
    folders = {"corpus": write_corpus(tmp_path), "templates": copy_templates(tmp_path)}
    site = tmp_path / "site"
    assert run_build(folders["corpus"], folders["templates"], site)[0] == 0
    before = sorted((p.relative_to(site), p.stat().st_mtime_ns) for p in site.rglob("*"))
    folders[missing] = tmp_path / "no-such-folder"
    code, output = run_build(folders["corpus"], folders["templates"], site)
    assert code == 1
    assert f"{tmp_path}/no-such-folder: {missing}: is not a folder" in output.splitlines(), output
    assert sorted((p.relative_to(site), p.stat().st_mtime_ns) for p in site.rglob("*")) == before
