"""YAML that remembers where each value came from, so a diagnostic can name the line.

PyYAML's constructors throw the position away and accept duplicate keys silently; we compose the
node graph ourselves, keep every key's mark, and turn duplicate keys and constructor failures into
diagnostics.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec
import yaml

from natocorpus.diagnostics import Diagnostic, error

KeyPath = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"


# libyaml's parser, where PyYAML was built with it, composes several times faster; the nodes and
# their marks are the same.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader whose timestamps stay strings: dates are validated by the loader, with a line."""


_SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlDocument(msgspec.Struct, frozen=True):
    """Parsed data plus the 1-based file line of every key and item, by its path in the data."""

    data: Any
    path: str
    lines: Mapping[KeyPath, int] = msgspec.field(default_factory=dict)

    def line(self, keypath: KeyPath) -> int | None:
        """The line of `keypath`, or of its nearest ancestor that has one."""
        probe = keypath
        while True:
            if probe in self.lines:
                return self.lines[probe]
            if not probe:
                return None
            probe = probe[:-1]


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


def parse_yaml(text: str, path: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; `first_line` is the file line where `text` begins.

    Raises YamlError with a located diagnostic on any syntax error or duplicate key.
    """
    lines: dict[KeyPath, int] = {}
    loader = _SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            message = " ".join(part for part in (exc.context, exc.problem) if part)
            if "quoted scalar" in message and exc.context_mark is not None:
                # The end of the stream is where PyYAML noticed; the opening quote is what to fix.
                mark = exc.context_mark
                message = "unclosed quote: the quoted value that starts on this line never ends"
            elif "'\\t'" in message or _tab_at(text, mark):
                message = "tab characters cannot indent YAML; use spaces"
            line = mark.line + first_line if mark is not None else None
            raise YamlError(error(path, line, "yaml", message or "malformed YAML")) from None
        if node is None:
            return YamlDocument(None, path, lines)

        def convert(current: yaml.Node, keypath: KeyPath) -> Any:
            lines.setdefault(keypath, current.start_mark.line + first_line)
            if isinstance(current, yaml.MappingNode):
                result: dict[Any, Any] = {}
                for key_node, value_node in current.value:
                    key = convert(key_node, (*keypath, "<key>"))
                    key_line = key_node.start_mark.line + first_line
                    if not isinstance(key, str | int):
                        raise YamlError(
                            error(path, key_line, field_name(keypath), "keys must be plain text")
                        )
                    if key in result:
                        first = lines[(*keypath, key)]
                        raise YamlError(
                            error(
                                path,
                                key_line,
                                field_name((*keypath, key)),
                                f"duplicate key (first given on line {first})",
                            )
                        )
                    lines[(*keypath, key)] = key_line
                    result[key] = convert(value_node, (*keypath, key))
                return result
            if isinstance(current, yaml.SequenceNode):
                return [convert(item, (*keypath, n)) for n, item in enumerate(current.value)]
            if current.tag == _STR_TAG:
                # Most scalars are text, and text needs no constructor.
                return current.value
            try:
                return loader.construct_object(current, deep=True)
            except (yaml.YAMLError, ValueError) as exc:
                raise YamlError(
                    error(path, current.start_mark.line + first_line, field_name(keypath), str(exc))
                ) from None

        data = convert(node, ())
        lines.pop(("<key>",), None)
        return YamlDocument(data, path, {k: v for k, v in lines.items() if "<key>" not in k})
    finally:
        loader.dispose()
