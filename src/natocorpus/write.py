"""The write stage: the only code that touches the output folder.

The site is built in a folder beside the output and swapped in whole, so a failed build leaves the
previous site exactly as it was. The writer only ever replaces or deletes a folder that carries its
own marker file: it never cleans a folder it did not make.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from natocorpus.cache import (
    DOWNLOADS_FILE,
    PAGES_FILE,
    DownloadRecord,
    PageRecord,
    records_bytes,
)
from natocorpus.diagnostics import CorpusError, Diagnostic, error
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


def _fail(out_dir: Path, message: str) -> CorpusError:
    return CorpusError([error(str(out_dir), None, "output", message)])


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


def _safe_relative(path: str) -> PurePosixPath:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise ValueError(f"artifact path {path!r} would leave the output folder")
    return relative


def _remove_our_folder(folder: Path) -> None:
    if (folder / MARKER).is_file() and not folder.is_symlink():
        shutil.rmtree(folder)


def clear_leftovers(out_dir: Path) -> None:
    """Folders of ours left beside the output by a build that was killed."""
    parent = out_dir.resolve().parent
    if not parent.is_dir():
        return
    for folder in parent.glob(f".{out_dir.name}{_STAGING}*"):
        _remove_our_folder(folder)
    for folder in parent.glob(f".{out_dir.name}{_RETIRED}*"):
        _remove_our_folder(folder / "site")
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def stage(
    artifacts: Iterable[Artifact | KeptArtifact | StreamedArtifact],
    out_dir: Path,
    fingerprint: str = "",
) -> Path:
    """Write every artifact into a new folder beside `out_dir`; return that folder.

    The marker file records the input fingerprint, so an unchanged input need not be rebuilt. A
    kept file is linked from the site in `out_dir` (copied where links cannot be made), and each
    file's digests go into the cache with its size and time, for the next build.
    """
    parent = out_dir.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_STAGING}", dir=parent))
    except OSError as exc:
        raise CorpusError([_write_error(out_dir, exc)]) from None
    made: set[Path] = {staging}
    pages: dict[str, PageRecord] = {}
    downloads: dict[str, DownloadRecord] = {}

    def folder_for(path: str) -> Path:
        destination = staging.joinpath(*_safe_relative(path).parts)
        if destination.parent not in made:
            destination.parent.mkdir(parents=True, exist_ok=True)
            made.add(destination.parent)
        return destination

    try:
        (staging / MARKER).write_text(f"{MARKER_TEXT}input: {fingerprint}\n", encoding="utf-8")
        for artifact in artifacts:
            destination = folder_for(artifact.path)
            if isinstance(artifact, StreamedArtifact):
                record = _write_stream(artifact.chunks, destination, out_dir / artifact.path)
                if record is not None:
                    downloads[artifact.path] = record
            elif isinstance(artifact, KeptArtifact):
                _keep(out_dir / artifact.path, destination)
            else:
                destination.write_bytes(artifact.content)
            if not isinstance(artifact, StreamedArtifact) and artifact.digest is not None:
                written = destination.stat()
                pages[artifact.path] = PageRecord(
                    artifact.digest, artifact.inputs, written.st_size, written.st_mtime_ns
                )
        if pages:
            folder_for(PAGES_FILE).write_bytes(records_bytes(pages))
        if downloads:
            folder_for(DOWNLOADS_FILE).write_bytes(records_bytes(downloads))
    except (OSError, ValueError) as exc:
        discard(staging)
        raise CorpusError([_write_error(out_dir, exc)]) from None
    except BaseException:
        # `artifacts` may be rendered as they are written: a template error, or an interrupt,
        # arrives here too, and the staging folder goes with it.
        discard(staging)
        raise
    return staging


def _write_stream(
    chunks: Iterable[bytes | Piece], destination: Path, previous: Path
) -> DownloadRecord | None:
    """Write a large download chunk by chunk, copying each piece the previous build's file holds
    from there; return where each piece went, for the next build."""
    pieces: dict[bytes, tuple[int, int]] = {}
    position = 0
    pending: list[bytes] = []
    with contextlib.ExitStack() as files:
        out = files.enter_context(destination.open("wb", buffering=0)).fileno()
        source: int | None = None

        def flush() -> None:
            if pending:
                _write_all(out, b"".join(pending))
                pending.clear()

        for chunk in chunks:
            if isinstance(chunk, Piece) and chunk.previous is not None:
                flush()
                if source is None:
                    source = files.enter_context(previous.open("rb")).fileno()
                offset, length = chunk.previous
                _copy_range(source, out, offset, length, previous)
                data_length = length
            else:
                data = chunk if not isinstance(chunk, Piece) else chunk.content or b""
                pending.append(data)
                data_length = len(data)
                if len(pending) >= _PENDING_CHUNKS:
                    flush()
            if isinstance(chunk, Piece) and chunk.key is not None:
                pieces[chunk.key] = (position, data_length)
            position += data_length
        flush()
    if not pieces:
        return None
    written = destination.stat()
    return DownloadRecord(written.st_size, written.st_mtime_ns, pieces)


_PENDING_CHUNKS = 64


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


def _keep(previous: Path, destination: Path) -> None:
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


def commit(staging: Path, out_dir: Path) -> None:
    """Swap the finished staging folder in for the output; the old site goes only after."""
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
        raise CorpusError([_write_error(out_dir, exc)]) from None
    if retired is not None:
        _remove_our_folder(retired / "site")
        retired.rmdir()
