"""Diagnostics as data: every problem found in a run, reported together at the end."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import msgspec


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


# Control characters a terminal acts on (C0 but tab and newline, DEL, C1; ESC among them), as a
# message shows them: a capture or a corpus file may hold `ESC[2J`, and a diagnostic quoting it
# must not run it. Some messages span lines (a suggested actors.yaml entry).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown_escaped(text: str) -> str:
    """`text` with every control character written as an escape (`\\x1b`), printable as it is."""
    # Searched first: most messages hold none, and a search is a tenth of the cost of a
    # character-by-character translation of a message with any non-ASCII character in it.
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_escape, text)


def _escape(control: re.Match[str]) -> str:
    return f"\\x{ord(control.group()):02x}"


class Diagnostic(msgspec.Struct, frozen=True, order=True):
    """One problem, located as precisely as the input allows: `path:line: field: message`."""

    path: str
    line: int | None
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return shown_escaped(f"{where}: {self.field}: {prefix}{self.message}")


def error(path: str, line: int | None, field: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, field, message, Severity.ERROR)


def warning(path: str, line: int | None, field: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, field, message, Severity.WARNING)


def errors_in(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(d for d in diagnostics if d.severity is Severity.ERROR)


def warnings_in(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(d for d in diagnostics if d.severity is Severity.WARNING)


class NatocorpusError(Exception):
    """Raised by a stage that cannot go on; carries every diagnostic gathered so far.

    The subclasses say whose the fault is, so that a full disk is not reported as a corpus error:
    the build's options (`ConfigError`), the corpus or templates (`CorpusError`), the output folder
    (`OutputError`), or the search stage (`SearchError`)."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def __reduce__(self) -> tuple[type[NatocorpusError], tuple[tuple[Diagnostic, ...]]]:
        # Rebuilt from its diagnostics when it crosses a process boundary.
        return (type(self), (self.diagnostics,))


class ConfigError(NatocorpusError):
    """One or more build options are not valid: a diagnostic for each."""


class CorpusError(NatocorpusError):
    """The corpus or the templates cannot make a site."""


class OutputError(NatocorpusError):
    """The output folder cannot be written: refused, locked, full or unreadable."""


class SearchError(NatocorpusError):
    """Pagefind is missing, failed, or left a search bundle that is not whole."""
