"""The command line: each command makes its `BuildConfig`, makes one call (`build` or `serve`),
and prints what came back.

Exit codes: 0 done, 1 corpus or build errors (or warnings under --strict), 2 usage errors.
Diagnostics become an exit code here and nowhere else.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from natocorpus import __version__
from natocorpus.build import BuildReport, build
from natocorpus.config import make_config
from natocorpus.diagnostics import ConfigError, CorpusError

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 128 + signal.SIGINT  # as a shell reports a command ended by Ctrl-C


@click.group(
    context_settings={
        "help_option_names": ["-h", "--help"],
        "max_content_width": 100,
        "terminal_width": 100,
    }
)
@click.version_option(__version__, prog_name="natocorpus")
def main() -> None:
    """Build a browsable, searchable, citable website from an annotated research corpus."""


corpus_option = click.option(
    "--corpus",
    default="corpus",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder holding corpus.yaml, actors.yaml, events.yaml, articles/ and sources/.",
)
strict_option = click.option("--strict", is_flag=True, help="Fail on warnings too.")


@main.command("build")
@corpus_option
@click.option(
    "--templates",
    default="templates",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder of Jinja2 templates and static assets.",
)
@click.option(
    "--out",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Output folder; replaced whole, and only if natocorpus made it.",
)
@click.option(
    "--base-url",
    default="/",
    show_default=True,
    help="URL path the site is served under, e.g. /natocorpus/ for a GitHub Pages project.",
)
@click.option(
    "--site-url",
    default=None,
    help="Origin the site is published at, e.g. https://user.github.io; makes canonical links, "
    "the sitemap and the feed absolute.",
)
@click.option("--no-search", is_flag=True, help="Skip the Pagefind search index.")
@strict_option
@click.option("--timings", is_flag=True, help="Print the time each stage took.")
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild everything, without the last build's cache, even when nothing has changed.",
)
def build_command(
    corpus: Path,
    templates: Path,
    out: Path,
    base_url: str,
    site_url: str | None,
    no_search: bool,
    strict: bool,
    timings: bool,
    force: bool,
) -> None:
    """Validate and annotate the corpus, then write the site to --out."""
    try:
        config = make_config(
            corpus,
            templates,
            out,
            base_url,
            site_url=site_url,
            search=not no_search,
            strict=strict,
            force=force,
        )
    except ConfigError as failure:
        raise click.UsageError(str(failure)) from None
    # The installed command ends once the build is done: the site it replaced is removed by a
    # process of its own (see `run`).
    report = _interruptible(lambda: build(config, remove_in_background=_installed_command), out)
    print_report(report, timings=timings)
    print_outcome(report, out, strict=strict)
    sys.exit(exit_code(report, strict=strict))


@main.command("check")
@corpus_option
@strict_option
def check_command(corpus: Path, strict: bool) -> None:
    """Validate the corpus and list what the knowledge base does not cover; writes nothing."""
    config = make_config(corpus, strict=strict, check_only=True)
    report = _interruptible(lambda: build(config), None)
    print_report(report)
    click.echo(f"{corpus}: {_summary(report, strict)}", err=True)
    sys.exit(exit_code(report, strict=strict))


@main.command("add")
@click.argument("capture", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--id",
    "article_id",
    default=None,
    help="The article's id; by default made from its title or file name.",
)
@corpus_option
def add_command(capture: Path, article_id: str | None, corpus: Path) -> None:
    """Copy a capture into sources/ and draft its article from it."""
    from natocorpus.add import add_capture, print_added

    try:
        report = add_capture(corpus, capture, article_id)
    except CorpusError as failure:
        for diagnostic in failure.diagnostics:
            click.echo(str(diagnostic), err=True)
        sys.exit(EXIT_ERRORS)
    print_added(report)
    sys.exit(EXIT_OK)


@main.command("serve")
@corpus_option
@click.option(
    "--templates", default="templates", show_default=True, type=click.Path(path_type=Path)
)
@click.option("--out", default="site", show_default=True, type=click.Path(path_type=Path))
@click.option(
    "--base-url",
    default="/",
    show_default=True,
    help="URL path to build the site for and serve it under.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-search", is_flag=True, help="Skip the Pagefind search index.")
def serve_command(
    corpus: Path, templates: Path, out: Path, base_url: str, host: str, port: int, no_search: bool
) -> None:
    """Build, serve the site locally, and rebuild and reload when the corpus or templates change."""
    from natocorpus.serve import serve

    try:
        config = make_config(corpus, templates, out, base_url, search=not no_search)
        code = serve(config, host, port, on_report=print_report)
    except ConfigError as failure:
        raise click.UsageError(str(failure)) from None
    sys.exit(code)


T = TypeVar("T")


def _interruptible(run_build: Callable[[], T], out: Path | None) -> T:
    """`run_build()`; on Ctrl-C, one line and exit 130. The writer discards its staging folder as
    the interrupt unwinds, so the previous site stays as it was."""
    try:
        with _interrupted_here_only():
            return run_build()
    except KeyboardInterrupt:
        kept = f"; {out.as_posix().rstrip('/')}/ was not changed" if out is not None else ""
        click.echo(f"Interrupted: the build stopped{kept}.", err=True)
        sys.exit(EXIT_INTERRUPTED)


@contextlib.contextmanager
def _interrupted_here_only() -> Iterator[None]:
    """Ctrl-C interrupts this process alone: the processes the build forks inherit a handler
    that ignores it, and are ended by the build as it unwinds, each without a traceback of its
    own. An interrupt that lands where Python ignores exceptions (a callback it runs at each
    fork) is raised again a moment later, by an alarm, in the build itself."""
    builder = os.getpid()
    unraisable_hook = sys.unraisablehook
    raised: list[bool] = []  # one interrupt at a time: a second would cut short the clean-up

    def interrupt(signum: int, frame: object) -> None:
        if os.getpid() == builder and not raised:
            raised.append(True)
            raise KeyboardInterrupt

    def unraisable(ignored: UnraisableHookArgs) -> None:
        if issubclass(ignored.exc_type, KeyboardInterrupt) and os.getpid() == builder:
            raised.clear()
            signal.setitimer(signal.ITIMER_REAL, 0.01)
        else:
            unraisable_hook(ignored)

    try:
        handlers = [(sig, signal.signal(sig, interrupt)) for sig in (signal.SIGINT, signal.SIGALRM)]
    except ValueError:  # not the main thread: Python's own handler stays
        yield
        return
    sys.unraisablehook = unraisable
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.unraisablehook = unraisable_hook
        for sig, handler in handlers:
            signal.signal(sig, handler)


# What the commands print ------------------------------------------------------------------


def print_report(report: BuildReport, *, timings: bool = False) -> None:
    """Every problem, errors first, on stderr; with `timings`, each stage's time on stdout."""
    problems = [*sorted(report.errors), *sorted(report.warnings)]
    if problems:
        # In one write, not an echo and a flush per line: a corpus of thousands of texts has
        # tens of thousands of warnings.
        click.echo("\n".join(map(str, problems)), err=True)
    if timings:
        click.echo("stage      seconds")
        for name, seconds in report.timings:
            click.echo(f"{name:<10} {seconds:7.3f}")
        click.echo(f"{'total':<10} {sum(seconds for _, seconds in report.timings):7.3f}")


def print_outcome(report: BuildReport, out: Path, *, strict: bool) -> None:
    """What a build did to the output folder, in a line or three."""
    shown = out.as_posix().rstrip("/") + "/"
    if report.up_to_date:
        click.echo(f"{shown} is up to date: nothing it is built from has changed.")
    elif report.written:
        click.echo(
            f"Built {report.pages} pages ({report.files} files) into {shown}"
            + (f" with {len(report.warnings)} warning(s)" if report.warnings else "")
        )
        if report.reused_articles or report.kept_files:
            click.echo(
                f"Unchanged since the last build, so taken from it: {report.reused_articles} "
                f"annotated article(s), {report.kept_pages} page(s) and "
                f"{report.kept_files - report.kept_pages} other file(s)."
            )
        click.echo(f"Preview it with: natocorpus serve --out {out}")
    else:
        click.echo(f"Build failed: {_summary(report, strict)}; {shown} was not changed.", err=True)


def exit_code(report: BuildReport, *, strict: bool) -> int:
    if report.errors or (strict and report.warnings):
        return EXIT_ERRORS
    return EXIT_OK


def _summary(report: BuildReport, strict: bool) -> str:
    counts = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    if strict and report.warnings and not report.errors:
        counts += "; --strict treats warnings as errors"
    return counts


# The installed command ---------------------------------------------------------------------

# Whether this process is the installed command (`run`), which ends once the build is done. False
# where `main` is called otherwise (by tests, in a process that goes on).
_installed_command = False


def run() -> NoReturn:
    """The `natocorpus` command: `main`. The site a build replaced is removed by a process of its
    own, which the command does not wait for: the new site is in place when it ends."""
    global _installed_command
    _installed_command = True
    try:
        main()
        code: object = EXIT_OK  # not reached: click's `main` ends with the exit code
    except SystemExit as done:
        code = done.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = EXIT_ERRORS
    # The process ends at once once its output is out, without freeing the build's millions of
    # objects one by one: that took a twentieth of a one-edit rebuild (benchmarks/README.md).
    # Everything the build opened is closed by then, and no exit handler of ours is needed.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    run()
