"""Reading the corpus folder safely: its listing, size limits, links out of it, and encodings.

The corpus folder is named once, in a `CorpusFolder`: every file read through it is checked to be
inside it and within the size limit, and is named in diagnostics as `corpus/articles/x.md`.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from natocorpus.diagnostics import Diagnostic, error
from natocorpus.load.yamlsource import YamlDocument, YamlError, parse_yaml

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NAME_BYTES = 255  # the longest name Linux's, macOS's and Windows's file systems take
LINK_LOOP = ("file", "is a link that leads back to itself")  # the field and message of a loop


def long_name_problem(name: str) -> str | None:
    """Why `name` (of one file or folder) is one no file system takes, or None."""
    size = len(os.fsencode(name))
    if size <= MAX_NAME_BYTES:
        return None
    return (
        f"a name of {size} bytes ({name[:20]}…); "
        f"a file or folder name may be {MAX_NAME_BYTES} bytes at most"
    )


class FileError(Exception):
    """A file cannot be read as corpus text; the diagnostic says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def listing(
    folder: Path | str, shown: str = "", problems: list[Diagnostic] | None = None
) -> list[os.DirEntry[str]]:
    """The entries of one folder, sorted by name; none where it is not a folder, or where it
    cannot be read (said in `problems`, naming the folder as `shown`, where they are kept).

    The one place the corpus folder is listed: scandir's entries know from the listing whether
    each is a link, a file or a folder, without a stat of each."""
    if not Path(folder).is_dir():
        return []
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        if problems is not None:
            reason = exc.strerror or type(exc).__name__
            problems.append(error(shown or str(folder), None, "file", f"cannot be read: {reason}"))
        return []


def files_under(root: Path | str, prefix: str = "") -> list[str]:
    """Every file under `root` (following links, as reading does), as sorted POSIX paths
    relative to it."""
    found: list[str] = []
    for entry in listing(root):
        relative = prefix + entry.name
        try:
            folder = entry.is_dir()
        except OSError:  # a loop of links: neither a file nor a folder
            continue
        if folder:
            found += files_under(entry.path, relative + "/")
        elif entry.is_file():
            found.append(relative)
    return sorted(found) if not prefix else found


class CorpusFolder(msgspec.Struct, frozen=True):
    """The corpus folder as given (`path`, which diagnostics name files by) and as resolved
    (`resolved`, which no file read may leave)."""

    path: Path
    resolved: Path

    @classmethod
    def at(cls, path: Path) -> CorpusFolder:
        return cls(path, path.resolve())

    def shown(self, path: Path) -> str:
        """`path` as diagnostics name it: from the corpus folder's own name down."""
        try:
            return str(Path(self.path.name) / path.relative_to(self.path))
        except ValueError:
            return str(path)

    def outside(self, path: Path) -> Diagnostic | None:
        """The refusal of a link that leads out of the corpus, or None where `path` is inside."""
        try:
            target = path.resolve()
        except (OSError, RuntimeError):  # a loop of links: Python 3.11 raises RuntimeError
            return error(self.shown(path), None, *LINK_LOOP)
        too_long = next(filter(None, map(long_name_problem, target.parts)), None)
        if too_long is not None:  # no file system takes it: every look at it raises
            return error(self.shown(path), None, "file", f"leads to {too_long}")
        if target.is_relative_to(self.resolved):
            return None
        return error(
            self.shown(path), None, "file", f"is a link to {target}, outside the corpus; refused"
        )

    def read_bytes(self, path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
        """A file's bytes, once it is known to be inside the corpus and within the size limit."""
        refusal = self.outside(path)
        if refusal is not None:
            raise FileError(refusal)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise FileError(
                error(self.shown(path), None, "file", f"cannot be read: {exc.strerror}")
            ) from None
        if size > limit:
            raise FileError(
                error(
                    self.shown(path),
                    None,
                    "file",
                    f"is {size / 1_048_576:.1f} MiB; the limit for one corpus file is "
                    f"{limit / 1_048_576:.0f} MiB",
                )
            )
        try:
            return path.read_bytes()
        except OSError as exc:  # a folder where a file should be, a file it may not read
            raise FileError(
                error(self.shown(path), None, "file", f"cannot be read: {exc.strerror or exc}")
            ) from None

    def read_text(self, path: Path, limit: int = MAX_FILE_BYTES) -> str:
        """A file's text: UTF-8, a BOM and CRLF line ends accepted and normalised."""
        return decode_text(self.read_bytes(path, limit), self.shown(path))

    def read_yaml(self, name: str) -> YamlDocument:
        """One YAML file at the top of the corpus folder, parsed with the line of each value."""
        path = self.path / name
        if not path.exists():
            raise FileError(error(self.shown(path), None, "file", "is missing"))
        text = self.read_text(path)
        try:
            return parse_yaml(text, self.shown(path))
        except YamlError as exc:
            raise FileError(exc.diagnostic) from None


def decode_text(raw: bytes, shown: str) -> str:
    """UTF-8 text, a BOM dropped and CRLF line ends made LF; bad bytes named with their line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileError(
            error(
                shown,
                line,
                "encoding",
                f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "save the file as UTF-8",
            )
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
