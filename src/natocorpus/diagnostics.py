"""Diagnostics as data: every problem found in a run, reported together at the end."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import msgspec


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


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
        return f"{where}: {self.field}: {prefix}{self.message}"


def error(path: str, line: int | None, field: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, field, message, Severity.ERROR)


def warning(path: str, line: int | None, field: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, field, message, Severity.WARNING)


def errors_in(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(d for d in diagnostics if d.severity is Severity.ERROR)


def warnings_in(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(d for d in diagnostics if d.severity is Severity.WARNING)


class CorpusError(Exception):
    """Raised by a stage that cannot go on; carries every diagnostic gathered so far."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def __reduce__(self) -> tuple[type[CorpusError], tuple[tuple[Diagnostic, ...]]]:
        # Rebuilt from its diagnostics when it crosses a process boundary.
        return (CorpusError, (self.diagnostics,))
