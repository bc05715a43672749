"""`natocorpus serve` while the corpus is edited: no failed build stops the server, which keeps
serving the last good site; open pages are told the errors (the overlay's data, at
`/__natocorpus/status.json`) until a rebuild succeeds. The real command runs in a process of its
own on a free port; every wait is for a condition, with a deadline."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import natocorpus.serve
from corpus_factory import write_corpus
from natocorpus.build import BuildReport
from natocorpus.config import make_config
from natocorpus.serve import RELOAD_PATH
from serve_support import Server, edit, wait_for
from support import PROJECT_ROOT


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []

    def started(*options: str) -> Server:
        servers.append(Server(tmp_path, *options))
        return servers[-1]

    yield started
    for server in servers:
        server.close()


ARTICLE_PATH = "/articles/sample-article/"


def test_broken_edits_never_stop_the_server_and_open_pages_are_told_why(
    start: Callable[..., Server],
) -> None:
    server = start()
    article = server.corpus / "articles" / "sample-article.md"
    events = server.corpus / "events.yaml"
    first = server.status()
    assert first["problems"] == []
    code, page, _ = server.get(ARTICLE_PATH)
    assert code == 200 and "Ann Author" in page and RELOAD_PATH in page

    # Each edit breaks the build in its own way; after each the last good site is still served,
    # the overlay's data names the file, and the fix clears it.
    broken: list[tuple[Callable[[], object], str, Callable[[], object]]] = [
        (  # the first thing anyone types in a new article
            lambda: (server.corpus / "articles" / "new.md").write_text("---\n"),
            "new.md",
            lambda: (server.corpus / "articles" / "new.md").unlink(),
        ),
        (
            lambda: edit(events, "participants: [nato]", "participants: [[nato]]"),
            "events.yaml",
            lambda: edit(events, "participants: [[nato]]", "participants: [nato]"),
        ),
        (
            lambda: edit(events, "participants: [nato]", "participants: [nobody]"),
            "unknown actor id 'nobody'",
            lambda: edit(events, "participants: [nobody]", "participants: [nato]"),
        ),
    ]
    for breaking, named, fixing in broken:
        breaking()
        problems = wait_for(server.problems, f"the overlay to name {named}")
        assert any(named in problem for problem in problems), problems
        assert server.process.poll() is None, server.output
        code, page, _ = server.get(ARTICLE_PATH)
        assert code == 200 and "Ann Author" in page  # the last good site
        assert server.status()["version"] == first["version"]  # nothing reloads
        fixing()
        wait_for(lambda: not server.problems(), f"the overlay to clear after fixing {named}")

    # A fix that changes the site replaces it: open pages reload (the version goes up), and the
    # overlay stays clear.
    edit(article, "name: Ann Author", "name: Ann Editor")
    wait_for(lambda: server.status()["version"] > first["version"], "a rebuild")
    assert server.problems() == []
    assert "Ann Editor" in server.get(ARTICLE_PATH)[1]
    assert server.stop() == 0
    assert "Traceback" not in server.output
    assert "Rebuild failed; still serving the last good site" in server.output


def test_the_overlay_is_served_for_html_only_and_names_the_error_as_the_terminal_does(
    start: Callable[..., Server],
) -> None:
    server = start()
    edit(server.corpus / "events.yaml", "participants: [nato]", "participants: [nobody]")
    problems = wait_for(server.problems, "the overlay's data")
    line = next(problem for problem in problems if "nobody" in problem)
    assert re.fullmatch(
        r".*events\.yaml:\d+: \[0\]\.participants\[0\]: unknown actor id 'nobody'.*", line
    )
    assert line in server.output  # the same words as the terminal's
    code, script, headers = server.get(RELOAD_PATH)
    assert code == 200 and headers["Content-Type"].startswith("text/javascript")
    assert "textContent" in script and "innerHTML" not in script
    code, style, headers = server.get("/__natocorpus/overlay.css")
    assert "#natocorpus-preview-errors" in style
    assert code == 200 and headers["Content-Type"].startswith("text/css")
    for path in ("/robots.txt", "/feed.xml", "/sitemap.xml"):
        code, body, _ = server.get(path)
        assert code == 200 and RELOAD_PATH not in body
    # Nothing of the preview is written into the site.
    site = server.corpus.parent / "site"
    assert not list(site.rglob("*__natocorpus*"))
    assert all(RELOAD_PATH not in page.read_text() for page in site.rglob("*.html"))


def test_serve_previews_the_site_under_a_base_url(start: Callable[..., Server]) -> None:
    server = start("--base-url", "/natocorpus/")
    assert server.url.endswith("/natocorpus/")
    code, _, headers = server.get("/")
    assert code in (301, 302) and headers["Location"] == "/natocorpus/"
    code, page, _ = server.get("/natocorpus" + ARTICLE_PATH)
    assert code == 200 and "Ann Author" in page
    assert 'href="/natocorpus/static/site.' in page  # built for the base URL
    with urllib.request.urlopen(server.origin + "/", timeout=10) as response:
        assert response.url == server.url  # a browser lands on the site
    for path in ("/natocorpus/no-such-page/", ARTICLE_PATH, "/favicon.ico"):
        code, page, _ = server.get(path)
        assert code == 404, path
        assert "There is no page at this address" in page  # the site's own 404 page
        assert 'href="/natocorpus/static/site.' in page
    for path in (
        "/natocorpus/.natocorpus-cache/",
        "/natocorpus/.natocorpus-cache/inputs.bin",
        "/natocorpus/.natocorpus-site",
        "/.natocorpus-site",
    ):
        assert server.get(path)[0] == 404, path
    assert server.stop() == 0


def test_a_bad_base_url_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "natocorpus.cli", "serve", "--base-url", "https://x.org/"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--base-url: base-url: not a URL path: 'https://x.org/'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "failure",
    [RuntimeError("a bug"), RecursionError("too deep"), MemoryError(), KeyError("x")],
    ids=type,
)
def test_whatever_a_build_raises_the_preview_keeps_serving_the_last_good_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    from natocorpus.serve import Preview

    corpus = write_corpus(tmp_path)
    config = make_config(corpus, PROJECT_ROOT / "templates", tmp_path / "site", search=False)
    reports: list[BuildReport] = []
    preview = Preview(config, "127.0.0.1", 0, on_report=reports.append)
    try:
        assert preview.rebuild().written
        preview.start()
        url = preview.url

        def raising(_config: object) -> BuildReport:
            raise failure

        monkeypatch.setattr(natocorpus.serve, "build", raising)
        (corpus / "articles" / "sample-article.md").touch()
        report = preview.rebuild()
        assert not report.written
        (problem,) = preview.state.problems
        assert type(failure).__name__ in problem.message
        assert problem.path.endswith("sample-article.md")  # the file changed since the last good
        with urllib.request.urlopen(url + "__natocorpus/status.json", timeout=10) as response:
            status = json.loads(response.read())
        assert [p["text"] for p in status["problems"]] == [str(problem)]
        with urllib.request.urlopen(url + "articles/sample-article/", timeout=10) as response:
            assert b"Ann Author" in response.read()
        monkeypatch.undo()
        assert preview.rebuild().up_to_date
        assert preview.state.problems == ()
    finally:
        preview.close()


def test_a_first_build_that_raises_ends_with_its_error_and_no_traceback(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "articles" / "new.md").write_text("---\n")
    result = subprocess.run(
        [sys.executable, "-m", "natocorpus.cli", "serve", "--port", "0", "--no-search"]
        + ["--corpus", str(corpus), "--templates", str(PROJECT_ROOT / "templates")]
        + ["--out", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 1
    # The loader's own error where it names the file; the build's unexpected error otherwise.
    assert "new.md" in result.stderr or "build: the build stopped on an unexpected" in result.stderr
    assert "The first build failed and there is no site to serve." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_the_output_folder_inside_the_corpus_does_not_set_off_rebuilds(tmp_path: Path) -> None:
    from natocorpus.serve import snapshot

    corpus = write_corpus(tmp_path)
    (corpus / "site" / "articles").mkdir(parents=True)
    (corpus / "site" / "articles" / "index.html").write_text("a page")
    seen = snapshot((corpus, PROJECT_ROOT / "templates"), corpus / "site")
    assert str(corpus / "articles" / "sample-article.md") in seen
    assert str(PROJECT_ROOT / "templates" / "base.html") in seen
    assert not [path for path in seen if "/site/" in path]
