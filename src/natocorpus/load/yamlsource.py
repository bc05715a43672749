"""YAML that remembers where each value came from, so a diagnostic can name the line.

PyYAML's composer throws the position away once values are built, accepts duplicate keys
silently, expands aliases without bound and recurses once per level of nesting (libyaml's
composer past the C stack). We take the parser's events and build the values ourselves, in a loop:
every key keeps its line, every scalar YAML reads as something other than text keeps the text it
was written as, nesting and what aliases repeat are bounded, and duplicate keys and constructor
failures become diagnostics.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

import msgspec
import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from natocorpus.diagnostics import Diagnostic, error

KeyPath = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"

# A corpus file needs a handful of levels; the bound keeps a hostile file from using the stack or
# the time of any code that walks the values.
MAX_DEPTH = 100
# What aliases may repeat in one file, counted in values (each scalar, list and mapping): enough for
# any shared list of ids, far too little for an alias bomb, which repeats billions.
MAX_REPEATED_VALUES = 10_000


# libyaml's parser, where PyYAML was built with it, parses several times faster; the events and
# their marks are the same.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader whose timestamps stay strings: dates are validated by the loader, with a line."""


_SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlDocument(msgspec.Struct, frozen=True):
    """Parsed data plus the 1-based file line of every key and item, by its path in the data, and
    the text of every scalar read as something other than text (a number, true/false), as
    written."""

    data: Any
    path: str
    lines: Mapping[KeyPath, int] = msgspec.field(default_factory=dict)
    scalar_text: Mapping[KeyPath, str] = msgspec.field(default_factory=dict)

    def line(self, keypath: KeyPath) -> int | None:
        """The line of `keypath`, or of its nearest ancestor that has one."""
        probe = keypath
        while True:
            if probe in self.lines:
                return self.lines[probe]
            if not probe:
                return None
            probe = probe[:-1]

    def written_as(self, keypath: KeyPath) -> str | None:
        """The text a value that is not text was written as (`3:45` for 225), if known."""
        return self.scalar_text.get(keypath)


class YamlError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(str(diagnostic))


def field_name(keypath: KeyPath) -> str:
    parts: list[str] = []
    for part in keypath:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts) or "(document)"


def _tab_at(text: str, mark: yaml.Mark | None) -> bool:
    if mark is None:
        return False
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return (
        "\t" in line[: len(line) - len(line.lstrip())]
        or line[mark.column : mark.column + 1] == "\t"
    )


_QUOTES = {"'": "single quotes", '"': "double quotes"}

# A line that reads like the start of an entry (`key:` or `- `), swallowed by a quoted value.
_ENTRY_LINE = re.compile(r"\s*(?:-\s|[^\s#'\"][^:]*:(?:\s|$))")


class _Quote(NamedTuple):
    """Where a quoted value starts and ends (0-based lines of the text parsed), and its quote."""

    start: int
    end: int
    style: str

    def swallows_entries(self, text: str) -> bool:
        """Whether the value spans lines that read as entries of their own: the sign of an
        opening quote never closed, whose value ran on to the next quote in the file."""
        lines = text.split("\n")[self.start + 1 : self.end + 1]
        return any(_ENTRY_LINE.match(line) for line in lines)


_AT_KEY = object()  # a mapping expects a key next
_DROPPED = object()  # the key was refused: the value is composed and dropped
# Where the next value goes: a mapping's key, a mapping's value (whose line is its key's), or an
# item of a list (or the document itself), which has a line of its own.
_KEY, _VALUE, _ITEM = "key", "value", "item"


class _Frame:
    """A list or mapping being built: its values so far, and what the next event belongs to."""

    __slots__ = ("anchor", "key", "keypath", "line", "log_start", "size", "value")

    def __init__(self, value: Any, keypath: KeyPath, line: int, anchor: str | None) -> None:
        self.value = value
        self.keypath = keypath
        self.line = line
        self.anchor = anchor
        # In a mapping: the key whose value comes next, or _AT_KEY while a key is expected.
        self.key: Any = _AT_KEY if type(value) is dict else None
        self.size = 1  # values in it, itself included, aliases expanded
        self.log_start = 0


def _place(top: _Frame | None) -> str:
    if top is None or type(top.value) is list:
        return _ITEM
    return _KEY if top.key is _AT_KEY else _VALUE


class _Anchored(NamedTuple):
    """An anchored value, for its aliases: the value, its size in values, and the line and text
    of each value in it by its path relative to it."""

    value: Any
    size: int
    entries: tuple[tuple[KeyPath, int, str | None], ...]


class _Composer:
    """Builds one document's values from the parser's events, without recursion."""

    def __init__(self, loader: _SafeLoader, path: str, first_line: int) -> None:
        self.loader = loader
        self.path = path
        self.first_line = first_line
        self.lines: dict[KeyPath, int] = {}
        self.scalar_text: dict[KeyPath, str] = {}
        self.anchors: dict[str, _Anchored] = {}
        self.anchor_lines: dict[str, int] = {}
        self.repeated = 0
        # While an anchored list or mapping is open: each line and text recorded, for its aliases.
        self.log: list[tuple[KeyPath, int, str | None]] | None = None
        self.open_anchored = 0
        # The first problem with the values (a duplicate key, say): reported after the whole file
        # parses, so that a syntax error anywhere is what the maintainer sees first.
        self.problem: YamlError | None = None
        self.last_quote: _Quote | None = None  # the last quoted value, for syntax errors

    def fail(self, line: int | None, field: str, message: str) -> YamlError:
        return YamlError(error(self.path, line, field, message))

    def note(self, line: int | None, keypath: KeyPath, message: str) -> None:
        if self.problem is None:
            self.problem = self.fail(line, field_name(keypath), message)

    def record(self, keypath: KeyPath, line: int, text: str | None) -> None:
        """The line of the value at `keypath` and, if it is not text, the text it was written as."""
        self.lines[keypath] = line
        if text is not None:
            self.scalar_text[keypath] = text
        if self.log is not None:
            self.log.append((keypath, line, text))

    def record_text(self, keypath: KeyPath, text: str) -> None:
        """The text a mapping's value was written as; its line is its key's."""
        self.scalar_text[keypath] = text
        if self.log is not None:
            self.log.append((keypath, self.lines[keypath], text))

    def document(self) -> YamlDocument:
        loader = self.loader
        loader.get_event()  # the stream's start
        if loader.check_event(StreamEndEvent):
            return YamlDocument(None, self.path)
        loader.get_event()  # the document's start
        data = self.values()
        loader.get_event()  # the document's end
        if not loader.check_event(StreamEndEvent):
            event = loader.get_event()
            raise ComposerError(
                "expected a single document in the stream",
                None,
                "but found another document",
                event.start_mark,
            )
        if self.problem is not None:
            raise self.problem
        return YamlDocument(data, self.path, self.lines, self.scalar_text)

    def values(self) -> Any:
        """The document's data, from the events between its start and its end."""
        get_event = self.loader.get_event
        first_line = self.first_line
        stack: list[_Frame] = []
        while True:
            event = get_event()
            kind = type(event)
            line = event.start_mark.line + first_line
            top = stack[-1] if stack else None
            place = _place(top)
            if top is None:
                keypath: KeyPath = ()
            elif place is _KEY:
                keypath = (*top.keypath, "<key>")
            elif place is _ITEM:
                keypath = (*top.keypath, len(top.value))
            else:
                keypath = (*top.keypath, top.key)
            if kind is ScalarEvent:
                value, size = self.scalar(event, keypath, line, place), 1
            elif kind is AliasEvent:
                value, size = self.alias(event, keypath, line, place, stack)
            elif kind is SequenceStartEvent or kind is MappingStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(
                        line,
                        "yaml",
                        f"nested more than {MAX_DEPTH} levels deep; "
                        f"a corpus file may nest {MAX_DEPTH} at most",
                    )
                anchor = event.anchor
                self.check_anchor(anchor, line)
                frame = _Frame([] if kind is SequenceStartEvent else {}, keypath, line, anchor)
                if place is _ITEM:
                    self.record(keypath, line, None)
                if anchor is not None:
                    if self.log is None:
                        self.log = []
                    frame.log_start = len(self.log)
                    self.open_anchored += 1
                stack.append(frame)
                continue
            elif kind is SequenceEndEvent or kind is MappingEndEvent:
                frame = stack.pop()
                value, size = frame.value, frame.size
                if frame.anchor is not None:
                    self.close_anchored(frame)
                line = frame.line
                top = stack[-1] if stack else None
                place = _place(top)
            else:  # pragma: no cover - the parser sends nothing else inside a document
                raise self.fail(line, "yaml", f"unexpected {kind.__name__}")
            if top is None:
                return value
            top.size += size
            if place is _KEY:
                self.key(top, value, line, type(value) in (list, dict))
            elif place is _ITEM:
                top.value.append(value)
            else:
                if top.key is not _DROPPED:
                    top.value[top.key] = value
                top.key = _AT_KEY

    def scalar(self, event: Any, keypath: KeyPath, line: int, place: str) -> Any:
        style = event.style
        if style == '"' or style == "'":
            self.last_quote = _Quote(event.start_mark.line, event.end_mark.line, style)
        self.check_anchor(event.anchor, line)
        tag = event.tag
        if tag is None or tag == "!":
            # Quoted and block scalars are text; plain ones are what their text looks like.
            tag = (
                self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                if not style
                else _STR_TAG
            )
        if tag == _STR_TAG:
            value: Any = event.value
            text = None
        else:
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style)
            try:
                value = self.loader.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError) as exc:
                problem = exc.problem if isinstance(exc, yaml.MarkedYAMLError) else None
                self.note(line, keypath, problem or str(exc))
                value = None
            text = event.value if value is not None and not isinstance(value, str) else None
        if place is _ITEM:
            self.record(keypath, line, text)
        elif place is _VALUE and text is not None:
            self.record_text(keypath, text)
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchored(value, 1, (((), line, text),))
        return value

    def check_anchor(self, anchor: str | None, line: int) -> None:
        if anchor is None:
            return
        if anchor in self.anchor_lines:
            raise self.fail(
                line,
                "yaml",
                f"anchor &{anchor} is given twice (first on line {self.anchor_lines[anchor]})",
            )
        self.anchor_lines[anchor] = line

    def alias(
        self, event: Any, keypath: KeyPath, line: int, place: str, stack: list[_Frame]
    ) -> tuple[Any, int]:
        name = event.anchor
        anchored = self.anchors.get(name)
        if anchored is None:
            if any(frame.anchor == name for frame in stack):
                raise self.fail(
                    line,
                    "yaml",
                    f"alias *{name} is inside the value it names; a value cannot contain itself",
                )
            raise self.fail(line, "yaml", f"alias *{name} names no anchor &{name} given before it")
        self.repeated += anchored.size
        if self.repeated > MAX_REPEATED_VALUES:
            raise self.fail(
                line,
                "yaml",
                f"aliases repeat more than {MAX_REPEATED_VALUES} values; a corpus file may "
                f"repeat {MAX_REPEATED_VALUES} at most: write the values out",
            )
        if place is _KEY:
            return anchored.value, anchored.size
        for relative, entry_line, text in anchored.entries:
            if relative or place is _ITEM:
                self.record((*keypath, *relative), entry_line, text)
            elif text is not None:
                self.record_text(keypath, text)
        value = anchored.value
        return (copy.deepcopy(value) if type(value) in (list, dict) else value), anchored.size

    def close_anchored(self, frame: _Frame) -> None:
        assert self.log is not None and frame.anchor is not None
        depth = len(frame.keypath)
        entries = [((), frame.line, None)] + [
            (keypath[depth:], line, text) for keypath, line, text in self.log[frame.log_start :]
        ]
        self.anchors[frame.anchor] = _Anchored(frame.value, frame.size, tuple(entries))
        self.open_anchored -= 1
        if not self.open_anchored:
            self.log = None

    def key(self, mapping: _Frame, key: Any, line: int, composite: bool) -> None:
        keypath = mapping.keypath
        if composite or not isinstance(key, str | int):
            self.note(line, keypath, "keys must be plain text")
            mapping.key = _DROPPED
            return
        if key in mapping.value:
            first = self.lines[(*keypath, key)]
            self.note(line, (*keypath, key), f"duplicate key (first given on line {first})")
        mapping.key = key
        self.record((*keypath, key), line, None)


def parse_yaml(text: str, path: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; `first_line` is the file line where `text` begins.

    Raises YamlError with a located diagnostic on any syntax error, duplicate key, or a file that
    nests or repeats through aliases beyond the bounds.
    """
    loader = _SafeLoader(text)
    composer = _Composer(loader, path, first_line)
    try:
        return composer.document()
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_syntax_error(exc, text, path, first_line, composer)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a file
        line = text.count("\n", 0, max(exc.position, 0)) + first_line
        raise YamlError(error(path, line, "yaml", _not_allowed(exc.character))) from None
    finally:
        loader.dispose()


def _not_allowed(character: object) -> str:
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    return f"the control character U+{code:04X} is not allowed in YAML; remove it"


def _syntax_error(
    exc: yaml.MarkedYAMLError, text: str, path: str, first_line: int, composer: _Composer
) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark is not None else None
    message = " ".join(part for part in (exc.context, exc.problem) if part)
    quote = composer.last_quote
    after_quote = quote is not None and mark is not None and mark.line == quote.end
    if "quoted scalar" in message and exc.context_mark is not None:
        # The end of the stream is where PyYAML noticed; the opening quote is what to fix.
        line = exc.context_mark.line + first_line
        message = "unclosed quote: the quoted value that starts on this line never ends"
    elif "'\\t'" in message or _tab_at(text, mark):
        message = "tab characters cannot indent YAML; use spaces"
    elif after_quote and quote is not None and quote.swallows_entries(text):
        # The value ran on to the next quote in the file, which opened another value.
        line = quote.start + first_line
        message = (
            "unclosed quote: the quoted value that starts on this line runs on to the quote on "
            f"line {quote.end + first_line}"
        )
    elif after_quote and quote is not None and quote.start == quote.end:
        inside = "write ' as ''" if quote.style == "'" else 'write " as \\"'
        message = f"text follows the closing quote: inside {_QUOTES[quote.style]}, {inside}"
    return error(path, line, "yaml", message or "malformed YAML")
