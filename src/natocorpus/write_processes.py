"""The writer's helper processes: each does part of the writing on the other core while the build
goes on, and the writer (`write.py`) waits for it before it uses what it made.

- The folders and links made ahead (`fork_making`): a rebuild's new site reuses most of the previous
  build's files, each a hard link in a folder, which costs the kernel's time per folder and per
  link; a child makes them (in the folders kept from an earlier site, where there are) while the
  build reads the previous build, annotates and links.
- The large downloads written alongside (`DownloadsAlongside`): they are made from the corpus
  alone, and copying most of them from the previous build's files costs the kernel's time; a child,
  forked before the site is linked, writes them into a folder of their own (`write.Downloads`)
  while the building process links and renders the site.
- The background remover (`removing_in_background`, `emptying_in_background`): a process of its
  own, in a session of its own, empties the site a build replaced of its files, keeping its folders
  for the next build (or removes it, where they cannot be kept), so that the installed command
  ends once the new site is in.

Where no process can be forked or started, the writer does the same work itself.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import msgspec

from natocorpus.artifacts import Piece, StreamedArtifact
from natocorpus.previous import DownloadRecord


def _forked(work: Callable[[], bool]) -> int | None:
    """The process id of a child running `work`, which ends with status 0 where `work` returns
    True; None where no child can be forked (the caller then does the work itself)."""
    if not hasattr(os, "fork"):
        return None
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    done = False
    try:
        done = work()
    finally:
        # Nothing of the parent's (its buffers, its exit handlers) may run in the child.
        os._exit(0 if done else 1)


def fork_making(
    folders: tuple[str, ...], links: Mapping[str, str], kept: tuple[str, str] | None = None
) -> int | None:
    """The child process making `folders`, in order, and the hard links `links` (to their
    targets); None where there is none (the writer then makes each one itself). Where `kept` is
    given, (the staging folder, its marker file), the staging folder holds folders kept from an
    earlier site (`write.KEPT_FOLDERS`): those of them in `folders` stay, the others go, and so
    does any file in them but the marker."""

    def make() -> bool:
        wanted = set(folders)
        there = reshaped(*kept, wanted.__contains__) if kept is not None else set()
        for folder in folders:
            if folder not in there:
                os.mkdir(folder)
        for link, target in links.items():
            os.link(target, link, follow_symlinks=False)
        return True

    return _forked(make) if folders or links else None


def reshaped(root: str, marker: str, wanted: Callable[[str], bool]) -> set[str]:
    """The folders under `root` that are `wanted`, once every other folder and every file under it
    but `marker` is removed: the kept folders made ready for a staging folder (`fork_making`), or
    emptied of the site they held (`write.empty_kept_folders`)."""
    there: set[str] = set()
    pending = [root]
    while pending:
        for entry in os.scandir(pending.pop()):
            if entry.is_dir(follow_symlinks=False):
                if wanted(entry.path):
                    there.add(entry.path)
                    pending.append(entry.path)
                else:
                    shutil.rmtree(entry.path)
            elif entry.path != marker:
                os.unlink(entry.path)
    return there


class DownloadsAlongside:
    """A child process writing large downloads into the staging folder while this one goes on:
    it puts the kernel's time of copying them on the core that linking and rendering leave idle.

    The child writes each download and sends back where each piece went (its `DownloadRecord`),
    or what went wrong. Where no child can be forked, the downloads are written here, at once."""

    def __init__(self, streams: Sequence[tuple[StreamedArtifact, str, Path]]) -> None:
        self._pipe: int | None = None
        self._written: dict[str, DownloadRecord] | None = None
        read, write = os.pipe()
        parent = os.getpid()

        def write_and_tell() -> bool:
            os.close(read)
            try:
                outcome: tuple[str, object] = ("done", _write_streams(streams, parent))
            except OSError as exc:
                outcome = ("os", (exc.errno or 0, exc.strerror or str(exc)))
            except BaseException:
                outcome = ("failed", traceback.format_exc())
            with os.fdopen(write, "wb") as pipe:
                pipe.write(_outcome_encoder.encode(outcome))
            return outcome[0] == "done"

        pid = _forked(write_and_tell)
        os.close(write)
        if pid is None:
            os.close(read)
            self._written = _write_streams(streams)
            return
        self._pid, self._pipe = pid, read

    def records(self) -> dict[str, DownloadRecord]:
        """Where the pieces of each download went, once the child is done; the OSError that
        stopped it, raised again here, where it could not write one."""
        if self._written is not None:
            return self._written
        assert self._pipe is not None
        with os.fdopen(self._pipe, "rb") as pipe:
            self._pipe = None
            told = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        if not told:
            raise RuntimeError(
                f"the process writing the downloads ended without a word (wait status {status})"
            )
        outcome = _outcome_decoder.decode(told)
        if outcome[0] == "done" and isinstance(outcome[1], dict):
            return outcome[1]
        if outcome[0] == "os" and isinstance(outcome[1], tuple):
            raise OSError(*outcome[1])
        raise RuntimeError(f"writing the downloads failed: {outcome[1]}")

    def stop(self) -> None:
        """End the child, if it is still running (a failure elsewhere in the build)."""
        if self._pipe is None:
            return
        os.close(self._pipe)
        self._pipe = None
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)


def _write_streams(
    streams: Sequence[tuple[StreamedArtifact, str, Path]], parent: int | None = None
) -> dict[str, DownloadRecord]:
    """Each download written to its destination, with `write_download`; in a child, only while
    `parent` lives."""
    records: dict[str, DownloadRecord] = {}
    for artifact, destination, previous in streams:
        chunks = artifact.chunks if parent is None else _while_alive(parent, artifact.chunks)
        record = write_download(chunks, destination, previous)
        if record is not None:
            records[artifact.path] = record
    return records


_outcome_encoder = msgspec.msgpack.Encoder()
_outcome_decoder = msgspec.msgpack.Decoder(
    tuple[str, dict[str, DownloadRecord] | tuple[int, str] | str]
)


def _while_alive(parent: int, chunks: Iterable[bytes | Piece]) -> Iterator[bytes | Piece]:
    """`chunks`, until the process that forked this one is gone: a build killed while its child
    writes leaves no process behind still writing into its staging folder."""
    for number, chunk in enumerate(chunks):
        if number % 256 == 0 and os.getppid() != parent:
            raise SystemExit(1)
        yield chunk


def write_download(
    chunks: Iterable[bytes | Piece], destination: str, previous: Path
) -> DownloadRecord | None:
    """Write a large download chunk by chunk, copying each piece the previous build's file holds
    from there; return where each piece went, for the next build.

    Pieces that follow each other in the previous file, with the same bytes between them there
    (a separator), are copied in one call, far quicker than a call for each piece.
    """
    pieces: dict[bytes, tuple[int, int]] = {}
    position = 0
    pending: list[bytes] = []
    copy_start, copy_length = 0, 0  # the range of the previous file still to be copied
    with contextlib.ExitStack() as files:
        out = files.enter_context(open(destination, "xb", buffering=0)).fileno()
        source: int | None = None

        def flush() -> None:
            nonlocal copy_length
            if pending:
                _write_all(out, b"".join(pending))
                pending.clear()
            if copy_length:
                assert source is not None
                _copy_range(source, out, copy_start, copy_length, previous)
                copy_length = 0

        for chunk in chunks:
            if isinstance(chunk, Piece) and chunk.previous is not None:
                if source is None:
                    source = files.enter_context(previous.open("rb")).fileno()
                offset, length = chunk.previous
                if not copy_length or offset != copy_start + copy_length:
                    flush()
                    copy_start = offset
                copy_length += length
                data_length = length
            else:
                data = chunk if not isinstance(chunk, Piece) else chunk.content or b""
                data_length = len(data)
                if (
                    copy_length
                    and data_length <= _SEPARATOR_MAX
                    and source is not None
                    and os.pread(source, data_length, copy_start + copy_length) == data
                ):
                    copy_length += data_length
                else:
                    if copy_length:
                        flush()
                    pending.append(data)
                    if len(pending) >= _PENDING_CHUNKS:
                        flush()
            if isinstance(chunk, Piece) and chunk.key is not None:
                pieces[chunk.key] = (position, data_length)
            position += data_length
        flush()
    if not pieces:
        return None
    written = os.stat(destination)
    return DownloadRecord(written.st_size, written.st_mtime_ns, pieces)


_PENDING_CHUNKS = 64
_SEPARATOR_MAX = 16  # bytes between two pieces that are checked against the previous file


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _copy_range(source: int, out: int, offset: int, length: int, previous: Path) -> None:
    """`length` bytes of `source` from `offset` appended to `out`: copied by the kernel, without
    passing through this process, where the file system allows it."""
    while length:
        try:
            copied = os.copy_file_range(source, out, length, offset)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
                raise
            data = os.pread(source, length, offset)
            _write_all(out, data)
            copied = len(data)
        if copied == 0:
            raise OSError(f"{previous} changed while it was read")
        offset += copied
        length -= copied


# Run by the process `removing_in_background` or `emptying_in_background` starts, holding the
# folder's lock: `python -P -c <this> FOLDER` (-P: not from the working folder, whatever it holds).
_REMOVE_RETIRED = (
    "import sys; from pathlib import Path; from natocorpus.write import remove_retired; "
    "remove_retired(Path(sys.argv[1]))"
)
_EMPTY_KEPT = (
    "import sys; from pathlib import Path; from natocorpus.write import empty_kept_folders; "
    "empty_kept_folders(Path(sys.argv[1]))"
)


def removing_in_background(retired: Path) -> bool:
    """Whether a process of its own, in a session of its own, now removes `retired` and holds its
    lock (`flock`) until it is done, so that a build starting meanwhile leaves the folder to it.
    It has none of this process's files or streams open: whoever waits for this process's output
    does not wait for it. False where it could not be started (the caller then removes it)."""
    return _in_background(_REMOVE_RETIRED, retired)


def emptying_in_background(kept: Path) -> bool:
    """As `removing_in_background`, for the process emptying the folders kept from the site a
    build replaced (`write.empty_kept_folders`): a build starting meanwhile does not take them."""
    return _in_background(_EMPTY_KEPT, kept)


def _in_background(script: str, folder_path: Path) -> bool:
    try:
        folder = os.open(folder_path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        subprocess.Popen(
            [sys.executable, "-P", "-c", script, str(folder_path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(folder,),
            start_new_session=True,
        )
    except OSError:
        return False
    finally:
        os.close(folder)  # the process started keeps the lock
    return True
