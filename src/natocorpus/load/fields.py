"""Typed access to the fields of a YAML document, each bad field a diagnostic with its line."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec

from natocorpus.diagnostics import Diagnostic, error, warning
from natocorpus.load.yamlsource import KeyPath, YamlDocument, field_name
from natocorpus.model import PRECISIONS, PartialDate, is_web_url, on_the_calendar

T = TypeVar("T")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# A whole number as people write one: YAML 1.1 also reads 010 as 8, 0x10 as 16 and 1_000 as 1000.
DECIMAL_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")


# The C0 control characters but tab and newline, and DEL: no page or feed can hold them.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Invisible characters that join or split nothing a script needs (zero-width space, word joiner,
# a byte-order mark inside text): "NA\u200bTO" reads as NATO but matches no form and no search.
# The zero-width joiner and non-joiner are left alone: Persian, Indic scripts and emoji need them.
INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff]")


def invisible_message(character: str) -> str:
    return (
        f"holds the invisible character U+{ord(character):04X}, which splits a word without "
        "showing it (no form or search finds the word); remove it unless the capture needs it"
    )


def control_message(character: str) -> str:
    return f"holds the control character U+{ord(character):04X}, which no page can show; remove it"


class InvalidFieldError(Exception):
    """A field failed validation; its diagnostic is already recorded."""


class FieldReader(msgspec.Struct):
    """Typed access to one YAML document that records a located diagnostic for each bad field."""

    doc: YamlDocument
    diagnostics: list[Diagnostic]

    def fail(self, keypath: KeyPath, message: str) -> InvalidFieldError:
        self.diagnostics.append(
            error(self.doc.path, self.doc.line(keypath), field_name(keypath), message)
        )
        return InvalidFieldError()

    def get(self, data: Any, keypath: KeyPath) -> Any:
        value = data
        for part in keypath:
            if isinstance(part, int):
                if not isinstance(value, list) or part >= len(value):
                    return None
            elif not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value

    def string(self, keypath: KeyPath, *, required: bool = True, data: Any = None) -> str | None:
        value = self.get(self.doc.data if data is None else data, keypath)
        if value is None:
            if required:
                raise self.fail(keypath, "required field is missing")
            return None
        if not isinstance(value, str):
            raise self.fail(keypath, self._not_text(keypath, value))
        text = value.strip()
        if required and not text:
            raise self.fail(keypath, "must not be empty")
        control = CONTROL_RE.search(text)
        if control is not None:
            # Written as an escape ("\x01"): a page would not show it, and it breaks feed.xml.
            raise self.fail(keypath, control_message(control.group()))
        invisible = INVISIBLE_RE.search(text)
        if invisible is not None:
            self.diagnostics.append(
                warning(
                    self.doc.path,
                    self.doc.line(keypath),
                    field_name(keypath),
                    invisible_message(invisible.group()),
                )
            )
        return text

    def _not_text(self, keypath: KeyPath, value: Any) -> str:
        """Why a value is not text; for a scalar YAML read as a number or true/false, what it was
        written as, and how to keep it as text."""
        message = f"expected text, got {type_name(value)}"
        written = self.doc.written_as(keypath)
        if written is None or not isinstance(value, int | float):
            return message
        quoted = json.dumps(written, ensure_ascii=False)
        read = shown_value(value)
        if read == written:
            return f"{message}; put it in quotes: {quoted}"
        return f"{message}: unquoted, {written} reads as {read}; put it in quotes: {quoted}"

    def mapping(self, keypath: KeyPath, *, required: bool = True) -> dict[str, Any] | None:
        value = self.get(self.doc.data, keypath)
        if value is None:
            if required:
                raise self.fail(keypath, "required field is missing")
            return None
        if not isinstance(value, dict):
            raise self.fail(keypath, f"expected a mapping, got {type_name(value)}")
        return value

    def sequence(self, keypath: KeyPath, *, required: bool = True) -> list[Any]:
        value = self.get(self.doc.data, keypath)
        if value is None:
            if required:
                raise self.fail(keypath, "required field is missing")
            return []
        if not isinstance(value, list):
            raise self.fail(keypath, f"expected a list, got {type_name(value)}")
        return value

    def integer(self, keypath: KeyPath) -> int:
        value = self.get(self.doc.data, keypath)
        if value is None:
            raise self.fail(keypath, "required field is missing")
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(keypath, f"expected a whole number, got {type_name(value)}")
        written = self.doc.written_as(keypath)
        if written is not None and not DECIMAL_RE.match(written):
            raise self.fail(
                keypath, f"expected a whole number in plain digits: {written} reads as {value}"
            )
        return value

    def slug(self, keypath: KeyPath) -> str:
        value = self.string(keypath)
        assert value is not None
        if not SLUG_RE.match(value):
            raise self.fail(
                keypath,
                f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens "
                "(it becomes part of a URL)",
            )
        return value

    def web_url(self, keypath: KeyPath, *, required: bool = True) -> str | None:
        """An http(s) address: it becomes a link, where `javascript:` or `data:` would run."""
        value = self.string(keypath, required=required)
        if value is not None and not is_web_url(value):
            raise self.fail(
                keypath, f"{value!r} is not a web address: give an http:// or https:// URL"
            )
        return value

    def date(self, keypath: KeyPath, precision_path: KeyPath | None) -> PartialDate:
        """A partial date; where `precision_path` is given, the precision stated there must be
        the date's own."""
        value = self.get(self.doc.data, keypath)
        written = self.doc.written_as(keypath)
        # An unquoted year reads as a number; the date is what was written.
        raw = written if isinstance(value, int) and written is not None else self.string(keypath)
        assert raw is not None
        parsed = parse_partial_date(raw)
        if parsed is None:
            if DATE_RE.match(raw):
                raise self.fail(keypath, f"{raw!r} is not a date that exists")
            raise self.fail(
                keypath, f"{raw!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, quoted"
            )
        if precision_path is not None:
            precision = self.string(precision_path)
            if precision not in PRECISIONS:
                raise self.fail(precision_path, f"{precision!r} is not one of year, month, day")
            if precision != parsed.precision:
                raise self.fail(
                    precision_path,
                    f"precision {precision!r} does not match the date {raw!r}, "
                    f"which is precise to the {parsed.precision}",
                )
        return parsed

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run one field's validation; a failure is recorded and the rest goes on."""
        try:
            return action()
        except InvalidFieldError:
            return None


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def shown_value(value: Any) -> str:
    """A value as YAML would write it: true/false in lower case."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_partial_date(raw: str) -> PartialDate | None:
    """`2023`, `2023-01` or `2023-01-29` to a PartialDate; None when impossible or malformed."""
    match = DATE_RE.match(raw)
    if not match:
        return None
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    date = PartialDate(int(match.group(1)), month, day)
    return date if on_the_calendar(date) else None
