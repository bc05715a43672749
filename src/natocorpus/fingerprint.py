"""The input fingerprint: a digest of every file the output depends on (the corpus, the templates,
our code) and of the options. The site's marker records the fingerprint it was built from; when it
is this build's, the site is up to date. Each file's digest is recorded with its size, times and
inode (`inputs.bin`, which `previous` reads back), so that an unchanged file is not read again."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Mapping
from pathlib import Path

import msgspec

from natocorpus import __version__
from natocorpus.artifacts import digest_of
from natocorpus.config import BuildConfig
from natocorpus.load.files import MAX_FILE_BYTES


class InputRecord(msgspec.Struct, frozen=True, array_like=True):
    """An input file's SHA-256, with the size, modification and change times and inode it had when
    read. Together the four change whenever the file is written: its change time cannot be set
    back by hand, as its modification time can."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    sha: bytes


class InputDigests(msgspec.Struct, frozen=True):
    """The SHA-256 of every input file, and of all of them together (the fingerprint)."""

    fingerprint: str
    corpus: dict[str, bytes]  # each corpus file's, by its path relative to the corpus folder
    templates: bytes  # of the whole templates folder
    code: bytes  # of our package
    records: dict[str, InputRecord]  # each file's digest as read, for the next build


# A file changed this recently may be written again within the same tick of the file system's
# clock, leaving its size and times as they were: its digest is not recorded for the next build.
_SETTLING_NS = 2_000_000_000


def input_digests(
    config: BuildConfig, known: Mapping[str, InputRecord] | None = None
) -> InputDigests:
    """Digests of everything the output depends on: corpus, templates, options and our code.

    A file recorded in `known` (the last build's `inputs.bin`) with its size, times and inode as
    they are now is not read again: it saves reading and hashing every input on each rebuild."""
    known = known or {}
    settled = time.time_ns() - _SETTLING_NS
    records: dict[str, InputRecord] = {}
    whole = hashlib.sha256()
    # SOURCE_DATE_EPOCH sets datapackage.json's `created`: a change of it is a change of the site.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    options = (__version__, config.base_url, config.site_url, config.search, config.strict, epoch)
    whole.update(repr(options).encode())
    package = Path(__file__).resolve().parent
    folders: list[dict[str, bytes]] = []
    for root in (config.corpus_dir, config.templates_dir, package):
        files: dict[str, bytes] = {}
        absolute = str(root.absolute())
        # In the corpus, as the load stage reads it: no link out of it, no file over the limit.
        inside = str(root.resolve()) if root == config.corpus_dir else None
        limit = MAX_FILE_BYTES if inside is not None else None
        for relative in _files_under(str(root), inside=inside):
            if "__pycache__" not in relative.split("/"):
                path = f"{absolute}/{relative}"
                files[relative] = _file_digest(path, known, records, settled, limit)
                whole.update(relative.encode() + b"\0")
                whole.update(files[relative])
        folders.append(files)
    corpus, templates, code = folders
    return InputDigests(
        whole.hexdigest(), corpus, _digest_of_folder(templates), _digest_of_folder(code), records
    )


def _file_digest(
    path: str,
    known: Mapping[str, InputRecord],
    records: dict[str, InputRecord],
    settled: int,
    limit: int | None = None,
) -> bytes:
    """The SHA-256 of the file at `path`, from `known` where the file is unchanged since; its
    record goes into `records` once the file has settled. A file over `limit` is not read: the
    load stage refuses it, and its size, times and inode say when it changes. Nor is one that
    cannot be read: the load stage says why, with its path."""
    try:
        stat = os.stat(path)  # noqa: PTH116 (a path string, as scandir gives)
    except OSError as exc:
        return digest_of(b"unreadable", str(exc.errno).encode())
    now = _stat_key(stat)
    if limit is not None and stat.st_size > limit:
        return digest_of(b"over the limit", *(str(n).encode() for n in now))
    seen = known.get(path)
    if seen is not None and (seen.size, seen.mtime_ns, seen.ctime_ns, seen.inode) == now:
        sha = seen.sha
    else:
        try:
            with open(path, "rb") as file:  # noqa: PTH123 (a path string, as scandir gives)
                sha = hashlib.file_digest(file, "sha256").digest()
        except OSError as exc:
            return digest_of(b"unreadable", str(exc.errno).encode())
    if max(stat.st_mtime_ns, stat.st_ctime_ns) < settled:
        records[path] = InputRecord(
            stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, sha
        )
    return sha


def _stat_key(stat: os.stat_result) -> tuple[int, int, int, int]:
    """What changes whenever a file is written: its size, modification and change times, inode."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def _digest_of_folder(files: dict[str, bytes]) -> bytes:
    return digest_of(*(part for name, sha in files.items() for part in (name.encode(), sha)))


def _files_under(root: str, prefix: str = "", inside: str | None = None) -> list[str]:
    """Every file under `root` (following links, as reading does), as sorted POSIX paths relative
    to it: os.scandir, which spares making a path object for each of the corpus's files. With
    `inside`, a link that leads out of that folder is left out, as the load stage refuses it; a
    folder that cannot be listed is one entry, its name and "/", for the load stage to name."""
    found: list[str] = []
    try:
        with os.scandir(root) as scanned:
            entries = list(scanned)
    except OSError:
        return [prefix] if prefix else []
    for entry in entries:
        relative = prefix + entry.name
        if inside is not None and entry.is_symlink() and not _leads_inside(entry.path, inside):
            continue
        try:
            folder = entry.is_dir()
        except OSError:  # a loop of links: neither; the load stage names it
            continue
        if folder:
            found += _files_under(entry.path, relative + "/", inside)
        elif entry.is_file():
            found.append(relative)
    return sorted(found) if not prefix else found


def _leads_inside(link: str, folder: str) -> bool:
    """Whether the link at `link` leads to a file or folder inside `folder` (resolved)."""
    try:
        target = os.path.realpath(link, strict=True)
    except (OSError, RuntimeError):  # a loop of links, or a link to nothing
        return False
    return target == folder or target.startswith(folder.rstrip("/") + "/")
