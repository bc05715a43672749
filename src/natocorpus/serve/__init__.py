"""`natocorpus serve`: build, serve the output folder under the site's base URL, and rebuild when
the corpus or the templates change.

Open pages are told what each rebuild did: they reload once one has replaced the site, and show
the errors of one that failed until a later one succeeds. No build failure stops the server,
whatever the build raises: it keeps serving the last good site.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

import click

from natocorpus.build import BuildReport, build
from natocorpus.config import BuildConfig
from natocorpus.diagnostics import Diagnostic, error
from natocorpus.serve.handler import CONNECTION_TIMEOUT, PreviewServer, bind, make_server
from natocorpus.serve.overlay import RELOAD_PATH, STATUS_PATH, PreviewState, failure_problems
from natocorpus.write import MARKER

__all__ = ["RELOAD_PATH", "STATUS_PATH", "Preview", "make_server", "serve"]

POLL_SECONDS = 0.5  # how often the corpus and templates are looked at for changes

# Each file under the watched folders, by path: its modification time and size.
Inputs = Mapping[str, tuple[int, int]]


def snapshot(folders: tuple[Path, ...], leave_out: Path) -> dict[str, tuple[int, int]]:
    """What the watched folders hold now. The output folder is left out where it is inside one
    of them, so that a build does not set off the next; what cannot be read is left out too."""
    out = _identity(leave_out)
    entries: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for parent, folder_names, file_names in os.walk(folder):
            here = Path(parent)
            folder_names[:] = [
                name for name in sorted(folder_names) if _identity(here / name) not in (None, out)
            ]
            for name in sorted(file_names):
                with contextlib.suppress(OSError):
                    stat = (here / name).stat()
                    entries[str(here / name)] = (stat.st_mtime_ns, stat.st_size)
    return entries


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def changed_paths(before: Inputs, after: Inputs) -> list[str]:
    """The files added, changed or removed between two snapshots."""
    return sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )


class Preview:
    """The preview of one site: a server bound to its address, and the builds it serves."""

    def __init__(
        self,
        config: BuildConfig,
        host: str,
        port: int,
        *,
        on_report: Callable[[BuildReport], None],
        timeout: float = CONNECTION_TIMEOUT,
    ) -> None:
        """Raises a ConfigError naming --host or --port where it cannot listen there."""
        self.config = config
        self.on_report = on_report
        self.state = PreviewState()
        self.server: PreviewServer = bind(
            config.out_dir,
            host,
            port,
            base_url=config.base_url,
            state=self.state,
            timeout=timeout,
        )
        self.host = host
        self._thread: threading.Thread | None = None
        self._seen: Inputs = {}  # what the last build was made from
        self._good: Inputs = {}  # what the last build that succeeded was made from

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.server.server_address[1]}{self.config.base_url}"

    def has_site(self) -> bool:
        out = self.config.out_dir
        return not out.is_symlink() and (out / MARKER).is_file()

    def inputs(self) -> dict[str, tuple[int, int]]:
        return snapshot((self.config.corpus_dir, self.config.templates_dir), self.config.out_dir)

    def start(self) -> None:
        """Serve, on a thread of its own."""
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
        self.server.server_close()

    def rebuild(self) -> BuildReport:
        """Build from what the corpus and templates hold now, and tell open pages."""
        inputs = self.inputs()
        self._seen = inputs
        report = self._build(inputs)
        self.on_report(report)
        if report.written:
            self._good = inputs
            self.state.site_replaced()
        elif report.up_to_date:
            self._good = inputs
            self.state.build_succeeded()
        else:
            self.state.build_failed(
                failure_problems(report.diagnostics)
                or (error(str(self.config.corpus_dir), None, "build", "the build failed"),)
            )
        return report

    def _build(self, inputs: Inputs) -> BuildReport:
        try:
            return build(self.config)
        except Exception as failure:  # the preview outlives any failed build
            return BuildReport(
                (self._unexpected(failure, inputs),), (), written=False, out_dir=self.config.out_dir
            )

    def _unexpected(self, failure: Exception, inputs: Inputs) -> Diagnostic:
        """A build that raised, as a diagnostic: the exception, and the files changed since the
        last good build, which hold the likely cause."""
        changed = changed_paths(self._good, inputs) if self._good else []
        reason = f"{type(failure).__name__}: {failure}"
        if len(reason) > 300:
            reason = reason[:299] + "…"
        message = f"the build stopped on an unexpected error ({reason})"
        if len(changed) > 1:
            shown = ", ".join(changed[:5]) + (
                f" and {len(changed) - 5} more" if len(changed) > 5 else ""
            )
            message += f"; changed since the last good build: {shown}"
        where = changed[0] if len(changed) == 1 else str(self.config.corpus_dir)
        return error(where, None, "build", message)

    def watch(self, stop: threading.Event) -> None:
        """Rebuild each time the corpus or templates change, until `stop` is set."""
        while not stop.wait(POLL_SECONDS):
            if self.inputs() == self._seen:
                continue
            click.echo("Change detected; rebuilding...")
            report = self.rebuild()
            if report.written:
                click.echo("Rebuilt; open pages reload.")
            elif report.up_to_date:
                click.echo("The site is up to date; open pages clear any errors shown.")
            else:
                click.echo(
                    "Rebuild failed; still serving the last good site, and open pages show why."
                )


def serve(
    config: BuildConfig,
    host: str,
    port: int,
    *,
    on_report: Callable[[BuildReport], None],
) -> int:
    """Build and serve until Ctrl-C; 1 where the first build failed and there is no site to
    serve. Raises a ConfigError where it cannot listen on `host`:`port`: that is known before the
    first build."""
    preview = Preview(config, host, port, on_report=on_report)
    try:
        preview.rebuild()
        if not preview.has_site():
            click.echo("The first build failed and there is no site to serve.", err=True)
            return 1
        preview.start()
        if preview.state.problems:
            click.echo("The build failed; serving the last good site, and open pages show why.")
        click.echo(f"Serving {config.out_dir}/ at {preview.url}")
        click.echo("Rebuilding when corpus or templates change; Ctrl-C to stop.")
        preview.watch(threading.Event())
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        preview.close()
    return 0
