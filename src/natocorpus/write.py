"""The write stage: the only code that touches the output folder.

The site is built in a folder beside the output and swapped in whole, so a failed build leaves the
previous site exactly as it was. The writer only ever replaces or deletes a folder that carries its
own marker file: it never cleans a folder it did not make.
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
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import msgspec

from natocorpus.cache import (
    DOWNLOADS_FILE,
    PAGES_FILE,
    DownloadRecord,
    PageRecord,
    records_bytes,
)
from natocorpus.diagnostics import Diagnostic, OutputError, error
from natocorpus.model import Artifact, KeptArtifact, Piece, StreamedArtifact

MARKER = ".natocorpus-site"
MARKER_TEXT = "This folder is written by `natocorpus build` and replaced whole on every build.\n"
_STAGING = ".building-"
_RETIRED = ".retired-"


def recorded_fingerprint(out_dir: Path) -> str | None:
    """The input fingerprint the site in `out_dir` was built from, if natocorpus built it."""
    marker = out_dir / MARKER
    if out_dir.is_symlink() or not marker.is_file():
        return None
    for line in marker.read_text(encoding="utf-8").splitlines():
        if line.startswith("input: "):
            return line.removeprefix("input: ").strip()
    return None


def _fail(out_dir: Path, message: str) -> OutputError:
    return OutputError([error(str(out_dir), None, "output", message)])


def check_output_dir(out_dir: Path, protected: Iterable[Path]) -> None:
    """Refuse an output folder whose replacement could destroy anything the user made."""
    target = out_dir.resolve()
    forbidden = {Path("/").resolve(), Path.home().resolve()}
    for path in protected:
        resolved = path.resolve()
        forbidden.add(resolved)
        if resolved.is_relative_to(target):
            raise _fail(out_dir, f"would contain {path}, which the build must not replace")
    if target in forbidden:
        raise _fail(out_dir, "is a folder the build must not replace; choose a folder of its own")
    if out_dir.is_symlink():
        raise _fail(out_dir, "is a symbolic link; give the real folder")
    if target.exists():
        if not target.is_dir():
            raise _fail(out_dir, "exists and is not a folder")
        if any(target.iterdir()) and not (target / MARKER).is_file():
            raise _fail(
                out_dir,
                f"is not empty and was not made by natocorpus (no {MARKER} file in it); "
                "refusing to replace it: empty it or choose another folder",
            )


@contextlib.contextmanager
def one_build_at_a_time(out_dir: Path) -> Iterator[None]:
    """Hold the lock of the folder the output is in (or of the nearest folder above it that
    exists) while a build writes. A second build into the same output is refused while the first
    runs, instead of clearing the first's staging folder as if a killed build had left it. The lock
    is the kernel's (`flock`): it goes when the build's process ends, however it ends."""
    folder = out_dir.absolute().parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        held = os.open(folder, os.O_RDONLY)
    except OSError:
        # A folder that cannot be opened cannot be written to either: the writer will say so.
        yield
        return
    try:
        try:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _fail(
                out_dir,
                "another natocorpus build is writing this folder; run again once it has finished",
            ) from None
        yield
    finally:
        os.close(held)


def _remove_our_folder(folder: Path) -> None:
    if (folder / MARKER).is_file() and not folder.is_symlink():
        shutil.rmtree(folder)


def clear_leftovers(out_dir: Path) -> None:
    """Folders of ours left beside the output by a build that was killed, or by the process that
    removes a replaced site (`commit`) where it did not finish. One that process is still removing
    is left to it."""
    parent = out_dir.resolve().parent
    if not parent.is_dir():
        return
    for folder in parent.glob(f".{out_dir.name}{_STAGING}*"):
        _remove_our_folder(folder)
    for folder in parent.glob(f".{out_dir.name}{_RETIRED}*"):
        if not _being_removed(folder):
            remove_retired(folder)


def remove_retired(retired: Path) -> None:
    """Remove a replaced site, moved aside by `commit` into `retired`, and `retired` itself.
    What replaced an empty folder leaves that folder, still empty, which goes too; anything
    without the marker stays."""
    site = retired / "site"
    _remove_our_folder(site)
    for folder in (site, retired):
        with contextlib.suppress(OSError):  # not empty, or gone
            folder.rmdir()


def _being_removed(retired: Path) -> bool:
    """Whether a process removing `retired` holds its lock."""
    try:
        folder = os.open(retired, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(folder)  # and with it the lock, where it was taken here
    return False


# Run by the process `commit` starts, holding RETIRED's lock: `python -P -c <this> RETIRED` (-P: not
# from the working folder, whatever it holds).
_REMOVE_RETIRED = (
    "import sys; from pathlib import Path; from natocorpus.write import remove_retired; "
    "remove_retired(Path(sys.argv[1]))"
)


def _removing_in_background(retired: Path) -> bool:
    """Whether a process of its own, in a session of its own, now removes `retired` and holds its
    lock (`flock`) until it is done, so that a build starting meanwhile leaves the folder to it.
    It has none of this process's files or streams open: whoever waits for this process's output
    does not wait for it. False where it could not be started (the caller then removes it)."""
    try:
        folder = os.open(retired, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        subprocess.Popen(
            [sys.executable, "-P", "-c", _REMOVE_RETIRED, str(retired)],
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


def _new_staging(out_dir: Path, fingerprint: str) -> Path:
    parent = out_dir.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_STAGING}", dir=parent))
    except OSError as exc:
        raise OutputError([_write_error(out_dir, exc)]) from None
    try:
        (staging / MARKER).write_text(f"{MARKER_TEXT}input: {fingerprint}\n", encoding="utf-8")
    except OSError as exc:
        discard(staging)
        raise OutputError([_write_error(out_dir, exc)]) from None
    return staging


class SiteAhead:
    """A staging folder that a child process fills with the last build's folders and files while
    this one goes on.

    A rebuild keeps most of the last build's files, each a hard link in a folder made anew; this
    machine's kernel spends from 50 microseconds to half a millisecond of CPU making a folder, and
    about 50 microseconds linking a file: seconds, for the 13,000 folders and 23,000 files of a
    10,000-article site. The child does that on the other core while the build reads its cache and
    links the site. `stage` then keeps the
    links of the files it keeps, replaces those of the files it makes again (never writing into
    one, as that would change the previous site's file), and removes the links and folders left
    over, so the site is the one a clean build writes.
    """

    def __init__(self, out_dir: Path, fingerprint: str, previous: Mapping[str, PageRecord]) -> None:
        self.previous = previous
        self.staging = _new_staging(out_dir, fingerprint)
        root = str(self.staging)
        site = str(out_dir.resolve())
        paths = sorted(path for path in previous if _is_safe_relative(path))
        folders = {folder for path in paths for folder in _folders_of(path)}
        # Sorted, a folder comes after its parent: each is made with one mkdir.
        self.folders = tuple(f"{root}/{folder}" for folder in sorted(folders))
        self.links = {f"{root}/{path}": f"{site}/{path}" for path in paths}
        self._taken = False
        self._maker = _fork_making(self.folders, self.links)

    def take(self) -> tuple[Path, set[str], set[str]]:
        """The staging folder, now the writer's, with the folders and the links made in it."""
        if self._wait():
            made, linked = set(self.folders), set(self.links)
        else:
            # A child that failed half way still made some, and they too must not stay.
            made = {folder for folder in self.folders if os.path.isdir(folder)}
            linked = {link for link in self.links if os.path.lexists(link)}
        self._taken = True
        return self.staging, made, linked

    def close(self) -> None:
        """Wait for the child; discard the staging folder unless the writer took it."""
        self._wait()
        if not self._taken:
            discard(self.staging)

    def _wait(self) -> bool:
        """Whether the child made every folder and link."""
        if self._maker is None:
            return False
        _, status = os.waitpid(self._maker, 0)
        self._maker = None
        return os.waitstatus_to_exitcode(status) == 0


def _folders_of(path: str) -> Iterator[str]:
    """The folders `path` is in, from the deepest: "a/b/c.html" gives "a/b" and "a"."""
    folder = path.rpartition("/")[0]
    while folder:
        yield folder
        folder = folder.rpartition("/")[0]


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


def _fork_making(folders: tuple[str, ...], links: Mapping[str, str]) -> int | None:
    """The child process making `folders`, in order, and the hard links `links` (to their
    targets); None where there is none (the writer then makes each one itself)."""

    def make() -> bool:
        for folder in folders:
            os.mkdir(folder)
        for link, target in links.items():
            os.link(target, link, follow_symlinks=False)
        return True

    return _forked(make) if folders or links else None


@contextlib.contextmanager
def site_ahead(
    out_dir: Path, fingerprint: str, previous: Mapping[str, PageRecord]
) -> Iterator[SiteAhead]:
    ahead = SiteAhead(out_dir, fingerprint, previous)
    try:
        yield ahead
    finally:
        ahead.close()


class _StreamsAlongside:
    """A child process writing large downloads into the staging folder while this one goes on.

    A rebuild copies most of its 1.5 GB of downloads from the last build's files, which takes
    seconds of the kernel's time on this machine, while linking and rendering the site keep this
    process busy and leave the other core idle. The child writes each download and sends back
    where each piece went (its `DownloadRecord`), or what went wrong. Where no child can be forked,
    the downloads are written here, at once."""

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
    """Each download written to its destination, with `_write_stream`; in a child, only while
    `parent` lives."""
    records: dict[str, DownloadRecord] = {}
    for artifact, destination, previous in streams:
        chunks = artifact.chunks if parent is None else _while_alive(parent, artifact.chunks)
        record = _write_stream(chunks, destination, previous)
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


def stage(
    artifacts: Iterable[Artifact | KeptArtifact],
    out_dir: Path,
    fingerprint: str = "",
    ahead: SiteAhead | None = None,
    alongside: Iterable[StreamedArtifact] = (),
    waiting: Callable[[], contextlib.AbstractContextManager[None]] = contextlib.nullcontext,
) -> Path:
    """Write every artifact into a new folder beside `out_dir`, or into the one `ahead` began;
    return that folder. The `alongside` downloads are written by a child process, begun before
    the first of `artifacts` is asked for (which may be what links and renders the site); the
    time spent waiting for it at the end is spent inside `waiting`.

    The marker file records the input fingerprint, so an unchanged input need not be rebuilt. A
    kept file is linked from the site in `out_dir` (copied where links cannot be made), and each
    file's digests go into the cache with its size and time, for the next build. A file is only
    ever created, never opened for writing where one exists: it may be a link to the previous
    site's.
    """
    previous: Mapping[str, PageRecord] = {}
    if ahead is None:
        staging, made, linked = _new_staging(out_dir, fingerprint), set[str](), set[str]()
    else:
        staging, made, linked = ahead.take()
        previous = ahead.previous
    made_ahead = set(made)
    root = str(staging)
    used = {root}
    pages: dict[str, PageRecord] = {}

    def place(path: str, keep: bool = False) -> tuple[str, bool]:
        """Where `path` goes in the staging folder, its folder made, and whether a link made ahead
        there was taken (when the file is kept; when it is made again, the link is removed)."""
        if not _is_safe_relative(path):
            raise ValueError(f"artifact path {path!r} would leave the output folder")
        destination = f"{root}/{path}"
        folder = destination.rpartition("/")[0]
        if folder not in used:
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            while folder not in used:
                used.add(folder)
                folder = folder.rpartition("/")[0]
        if destination not in linked:
            return destination, False
        linked.discard(destination)
        if not keep:
            os.unlink(destination)
        return destination, keep

    child: _StreamsAlongside | None = None
    try:
        streams = [(s, place(s.path)[0], out_dir / s.path) for s in alongside]
        if streams:
            child = _StreamsAlongside(streams)
        for artifact in artifacts:
            destination, taken = place(artifact.path, keep=isinstance(artifact, KeptArtifact))
            if taken and artifact.digest is not None:
                # The link made ahead is the previous build's file, which the keeper found
                # unchanged: its size and time are that build's record.
                before = previous[artifact.path]
                pages[artifact.path] = PageRecord(
                    artifact.digest, artifact.inputs, before.size, before.mtime_ns
                )
                continue
            if isinstance(artifact, KeptArtifact):
                _keep(out_dir / artifact.path, destination)
            else:
                _create(destination, artifact.content)
            if artifact.digest is not None:
                written = os.stat(destination)
                pages[artifact.path] = PageRecord(
                    artifact.digest, artifact.inputs, written.st_size, written.st_mtime_ns
                )
        downloads: dict[str, DownloadRecord] = {}
        if child is not None:
            with waiting():
                downloads = child.records()
        if pages:
            _create(place(PAGES_FILE)[0], records_bytes(pages))
        if downloads:
            _create(place(DOWNLOADS_FILE)[0], records_bytes(downloads))
        # What was made ahead for files this build does not make: the links, then the folders
        # left empty, deepest first.
        for link in linked:
            os.unlink(link)
        for folder in sorted(made_ahead - used, key=lambda name: name.count("/"), reverse=True):
            os.rmdir(folder)
    except (OSError, ValueError) as exc:
        if child is not None:
            child.stop()
        discard(staging)
        raise OutputError([_write_error(out_dir, exc)]) from None
    except BaseException:
        # `artifacts` may be rendered as they are written: a template error, or an interrupt,
        # arrives here too, and the staging folder goes with it.
        if child is not None:
            child.stop()
        discard(staging)
        raise
    return staging


def _is_safe_relative(path: str) -> bool:
    """Whether `path` names a file inside the output folder, plainly: not absolute, and no empty,
    "." or ".." part."""
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _create(destination: str, content: bytes) -> None:
    with open(destination, "xb") as file:
        file.write(content)


def _write_stream(
    chunks: Iterable[bytes | Piece], destination: str, previous: Path
) -> DownloadRecord | None:
    """Write a large download chunk by chunk, copying each piece the previous build's file holds
    from there; return where each piece went, for the next build.

    Pieces that follow each other in the previous file, with the same bytes between them there
    (a separator), are copied in one call: one call a piece took four times as long.
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


def _keep(previous: Path, destination: str) -> None:
    """The previous build's file, in the new site: a hard link (the file is never written to
    again, only replaced), or a copy where the file system cannot link."""
    try:
        os.link(previous, destination, follow_symlinks=False)
    except OSError:
        shutil.copyfile(previous, destination, follow_symlinks=False)


def _write_error(out_dir: Path, exc: Exception) -> Diagnostic:
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return error(str(out_dir), None, "output", f"could not write the site: {detail}")


def discard(staging: Path) -> None:
    _remove_our_folder(staging)
    # A staging folder whose marker could not be written is still ours, and still empty.
    with contextlib.suppress(OSError):
        staging.rmdir()


# For the index stage ---------------------------------------------------------------------------

_APART = ".natocorpus-search-part"


@contextlib.contextmanager
def pages_apart(staging: Path, pages: Sequence[str]) -> Iterator[Path]:
    """A folder in the staging folder holding only `pages` (hard links, at the same paths), for
    Pagefind to index them alone; removed after."""
    apart = staging / _APART
    try:
        for page in pages:
            if not _is_safe_relative(page):
                raise ValueError(f"page path {page!r} would leave the output folder")
            destination = apart / page
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.link(staging / page, destination, follow_symlinks=False)
        yield apart
    except OSError as exc:
        raise OutputError([_index_error(exc)]) from None
    finally:
        shutil.rmtree(apart, ignore_errors=True)


def linked_tree(source: Path, destination: Path) -> bool:
    """Hard-link every file under `source` (the last build's, unchanged) to the same path under
    `destination`, in the staging folder; False, with nothing left, where that cannot be done."""
    if not source.is_dir() or source.is_symlink() or destination.exists():
        return False
    try:
        for folder, _, files in os.walk(source):
            target = destination / Path(folder).relative_to(source)
            target.mkdir(parents=True, exist_ok=True)
            for name in files:
                os.link(Path(folder) / name, target / name, follow_symlinks=False)
    except OSError:
        shutil.rmtree(destination, ignore_errors=True)
        return False
    return True


def write_record(staging: Path, path: str, content: bytes) -> None:
    """A cache record the index stage keeps for the next build."""
    destination = staging / path
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        _create(str(destination), content)
    except OSError as exc:
        raise OutputError([_index_error(exc)]) from None


def _index_error(exc: OSError) -> Diagnostic:
    return error("pagefind", None, "search", f"could not write the index: {exc.strerror or exc}")


def commit(staging: Path, out_dir: Path, *, remove_in_background: bool = False) -> None:
    """Swap the finished staging folder in for the output; the old site goes only after. With
    `remove_in_background` (for a process that ends once the build is done: the installed
    command), a process of its own removes the old site, so that the build is done once the new
    one is in place: removing the 13,112 folders of 10,000 articles' site took two seconds."""
    target = out_dir.resolve()
    retired: Path | None = None
    try:
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_RETIRED}", dir=target.parent))
            target.rename(retired / "site")
        staging.rename(target)
    except OSError as exc:
        if retired is not None and (retired / "site").exists() and not target.exists():
            (retired / "site").rename(target)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
        discard(staging)
        raise OutputError([_write_error(out_dir, exc)]) from None
    if retired is not None and not (remove_in_background and _removing_in_background(retired)):
        remove_retired(retired)
