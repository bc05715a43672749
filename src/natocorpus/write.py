"""The write stage: the only code that changes the output folder, and all of its safety (the search
stage only adds its index to the staging folder before the swap).

The site is built in a folder beside the output (the staging folder) and swapped in whole, so a
failed build leaves the previous site exactly as it was. The writer only ever replaces or deletes a
folder that carries its own marker file: it never cleans a folder it did not make. It refuses an
output folder whose replacement could destroy what the user keeps, and holds a lock so that two
builds never write the same output. Its helper processes are in `write_processes.py`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from natocorpus.artifacts import Artifact, ReusedArtifact, StreamedArtifact
from natocorpus.diagnostics import Diagnostic, OutputError, error
from natocorpus.previous import (
    CACHE_DIR,
    DOWNLOADS_FILE,
    PAGES_FILE,
    DownloadRecord,
    PageRecord,
    records_bytes,
)
from natocorpus.write_processes import (
    DownloadsAlongside,
    emptying_in_background,
    fork_making,
    removing_in_background,
    reshaped,
)

MARKER = ".natocorpus-site"
MARKER_TEXT = "This folder is written by `natocorpus build` and replaced whole on every build.\n"
_STAGING = ".building-"
_RETIRED = ".retired-"
_LOCK = ".natocorpus-lock"
_REMOVING = "removing"  # a retired site being removed, in its retired folder
# The replaced site's folders, emptied of its files, in the cache of the site that replaced it:
# the next build's staging folder (`SiteAhead`). Making a folder costs this kind of file system
# ten to fifty times what linking a file does, and a site has a folder for each page.
KEPT_FOLDERS = f"{CACHE_DIR}/folders"


def recorded_fingerprint(out_dir: Path) -> str | None:
    """The input fingerprint the site in `out_dir` was built from, if natocorpus built it."""
    marker = out_dir / MARKER
    if out_dir.is_symlink() or not marker.is_file():
        return None
    try:
        text = marker.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # not as a build left it: rebuilt, never trusted
        return None
    for line in text.splitlines():
        if line.startswith("input: "):
            return line.removeprefix("input: ").strip()
    return None


def _fail(out_dir: Path, message: str) -> OutputError:
    return OutputError([error(str(out_dir), None, "output", message)])


def check_output_dir(out_dir: Path, protected: Iterable[Path], inputs: Iterable[Path] = ()) -> None:
    """Refuse an output folder whose replacement could destroy anything the user made, or one
    inside a folder of the build's `inputs` (the corpus, the templates): the site would become
    input to the next build, and `serve` would rebuild on its own writing, without end."""
    target = out_dir.resolve()
    forbidden = {Path("/").resolve(), Path.home().resolve()}
    for path in protected:
        resolved = path.resolve()
        forbidden.add(resolved)
        if resolved.is_relative_to(target):
            raise _fail(out_dir, f"would contain {path}, which the build must not replace")
    if target in forbidden:
        raise _fail(out_dir, "is a folder the build must not replace; choose a folder of its own")
    for folder in inputs:
        if target.is_relative_to(folder.resolve()):
            raise _fail(
                out_dir, f"is inside {folder}, which the build reads; choose a folder outside it"
            )
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
    """Hold the output's lock while a build writes: a second build into the same output is
    refused while the first runs, instead of clearing the first's staging folder as if a killed
    build had left it. The lock is the kernel's (`flock`), on a file of its own beside the output
    (`_LOCK`), so that builds into other folders of the same parent go on; it goes when the
    build's process ends, however it ends, and its file with it where the build ends as it should.
    Once it is held, a site that a build killed during the swap left retired is put back
    (`restore_retired`)."""
    lock = out_dir.absolute().parent / f".{out_dir.name}{_LOCK}"
    held, own_file = _take_lock(out_dir, lock)
    try:
        restore_retired(out_dir)
        yield
    finally:
        if own_file:
            # Removed while still held: a build that opened it meanwhile finds, once it holds
            # it, that it is no longer the file of that name, and takes the new one.
            with contextlib.suppress(OSError):
                lock.unlink()
        if held is not None:
            os.close(held)


def _take_lock(out_dir: Path, lock: Path) -> tuple[int | None, bool]:
    """The open lock of `out_dir`, held, and whether it is the lock file `lock` (rather than the
    nearest folder above the output that exists, where the output's folder does not exist yet or
    the file cannot be made: never through a link). None where neither can be opened: a folder
    that cannot be opened cannot be written to either, and the writer will say so."""
    flags = os.O_RDONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(100):
        try:
            held = os.open(lock, flags, 0o666)
        except OSError:
            break
        _hold(out_dir, held)
        try:
            current = os.stat(lock, follow_symlinks=False)
        except OSError:
            current = None
        opened = os.fstat(held)
        if current is not None and (current.st_dev, current.st_ino) == (
            opened.st_dev,
            opened.st_ino,
        ):
            return held, True
        os.close(held)  # removed by the build that held it: the file of that name now is another
    folder = out_dir.absolute().parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        held = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None, False
    _hold(out_dir, held)
    return held, False


def _hold(out_dir: Path, held: int) -> None:
    """Take the lock open as `held`, or refuse the build (closing it) where another holds it."""
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(held)
        raise _fail(
            out_dir,
            "another natocorpus build is writing this folder; run again once it has finished",
        ) from None


def restore_retired(out_dir: Path) -> None:
    """Where the output is missing and a site of ours is retired beside it, no process removing
    it: a build was killed between the two renames of the swap (`commit`). The retired site is
    put back, the latest where there are several, rather than removed as a leftover."""
    target = out_dir.absolute()
    if os.path.lexists(target) or not target.parent.is_dir():
        return
    retired = [
        folder / "site"
        for folder in target.parent.glob(f".{out_dir.name}{_RETIRED}*")
        if (folder / "site" / MARKER).is_file()
        and not (folder / "site").is_symlink()
        and not _being_removed(folder)
    ]
    if not retired:
        return
    latest = max(retired, key=lambda site: site.parent.stat().st_mtime_ns)
    with contextlib.suppress(OSError):  # not put back: the build goes on as from nothing
        latest.rename(target)
        latest.parent.rmdir()


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
    without the marker stays. A site of ours is first moved to `_REMOVING` in `retired`: one left
    half removed (its remover killed) is never taken for a whole one and put back."""
    site, removing = retired / "site", retired / _REMOVING
    if (site / MARKER).is_file() and not site.is_symlink():
        with contextlib.suppress(OSError):  # already moved, by a remover before this one
            site.rename(removing)
    _remove_our_folder(removing)
    _remove_our_folder(site)
    for folder in (removing, site, retired):
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


def _new_staging(out_dir: Path, fingerprint: str, kept: Path | None = None) -> tuple[Path, bool]:
    """A new staging folder beside `out_dir`, with the marker, and whether it is `kept` (folders
    kept from an earlier site, `KEPT_FOLDERS`), moved there; otherwise it is empty."""
    parent = out_dir.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_STAGING}", dir=parent))
    except OSError as exc:
        raise OutputError([_write_error(out_dir, exc)]) from None
    moved = False
    if kept is not None:
        # Over the empty folder just made, so that the name stays this build's alone. Where it
        # cannot be moved, the staging folder is begun empty, as for a first build.
        with contextlib.suppress(OSError):
            kept.rename(staging)
            moved = True
    try:
        # mkdtemp makes the folder for its owner alone; the site is swapped in as it is, and
        # must be readable as any other folder made under the user's umask.
        staging.chmod(_folder_mode())
        (staging / MARKER).write_text(f"{MARKER_TEXT}input: {fingerprint}\n", encoding="utf-8")
    except OSError as exc:
        discard(staging)
        raise OutputError([_write_error(out_dir, exc)]) from None
    return staging, moved


def _folder_mode() -> int:
    """The mode of a folder made under the process's umask. The umask can only be read by
    setting it: it is set to a stricter one for that moment."""
    umask = os.umask(0o077)
    os.umask(umask)
    return 0o777 & ~umask


class SiteAhead:
    """A staging folder that a child process (`write_processes.fork_making`) fills with the
    previous build's folders and files, as hard links, while this one goes on: it puts the
    kernel's time of making them on the other core. It begins as the folders kept from the site
    before the previous one (`KEPT_FOLDERS`), where there are: most are there already.

    `Staging` then keeps the links of the files it reuses, replaces those of the files it makes
    again (never writing into one, as that would change the previous site's file), and removes
    the links and folders left over, so the site is the one a clean build writes.
    """

    def __init__(self, out_dir: Path, fingerprint: str, previous: Mapping[str, PageRecord]) -> None:
        self.previous = previous
        self._out_dir, self._fingerprint = out_dir, fingerprint
        self.staging, reshaping = _new_staging(out_dir, fingerprint, _kept_folders(out_dir))
        root = str(self.staging)
        site = str(out_dir.resolve())
        paths = sorted(path for path in previous if _is_safe_relative(path))
        folders = {folder for path in paths for folder in _folders_of(path)}
        # Sorted, a folder comes after its parent: each is made with one mkdir.
        self.folders = tuple(f"{root}/{folder}" for folder in sorted(folders))
        self.links = {f"{root}/{path}": f"{site}/{path}" for path in paths}
        self._taken = False
        self._reshaping = reshaping
        kept = (root, f"{root}/{MARKER}") if reshaping else None
        self._maker = fork_making(self.folders, self.links, kept)

    def take(self) -> tuple[Path, set[str], set[str]]:
        """The staging folder, now the writer's, with the folders and the links made in it."""
        if self._wait():
            made, linked = set(self.folders), set(self.links)
        elif self._reshaping:
            # What a child that failed while reshaping kept folders left is not known: the
            # writer begins again from an empty staging folder.
            discard(self.staging)
            self.staging, _ = _new_staging(self._out_dir, self._fingerprint)
            made, linked = set(), set()
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


def _kept_folders(out_dir: Path) -> Path | None:
    """The folders kept in the site in `out_dir`, once emptied: not while a process empties them
    (`commit`), nor where they are not a folder of ours."""
    kept = out_dir / KEPT_FOLDERS
    if kept.is_symlink() or not (kept / MARKER).is_file() or _being_removed(kept):
        return None
    return kept


def _folders_of(path: str) -> Iterator[str]:
    """The folders `path` is in, from the deepest: "a/b/c.html" gives "a/b" and "a"."""
    folder = path.rpartition("/")[0]
    while folder:
        yield folder
        folder = folder.rpartition("/")[0]


@contextlib.contextmanager
def site_ahead(
    out_dir: Path, fingerprint: str, previous: Mapping[str, PageRecord]
) -> Iterator[SiteAhead]:
    ahead = SiteAhead(out_dir, fingerprint, previous)
    try:
        yield ahead
    finally:
        ahead.close()


class Staging:
    """The new site, written into the staging folder: begun (`staging`), then written, then, once
    the search stage has indexed it, swapped in (`commit`). Until then, any failure discards it.

    The marker file records the input fingerprint, so an unchanged input need not be rebuilt. A
    reused file is linked from the site in `out_dir` (copied where links cannot be made), and
    each file's digests go into the cache with its size and time, for the next build. A file is
    only ever created, never opened for writing where one exists: it may be a link to the
    previous site's."""

    def __init__(self, out_dir: Path, fingerprint: str, ahead: SiteAhead | None) -> None:
        self.out_dir = out_dir
        self._previous: Mapping[str, PageRecord] = {}
        if ahead is None:
            self.path, _ = _new_staging(out_dir, fingerprint)
            self._made: set[str] = set()
            self._linked: set[str] = set()
        else:
            self.path, self._made, self._linked = ahead.take()
            self._previous = ahead.previous
        self._made_ahead = set(self._made)
        self._root = str(self.path)
        self._used = {self._root}
        self._downloads: Downloads | None = None
        self._swapped = False

    def begin(self, downloads: Downloads | None) -> None:
        """Take in the `downloads` being written alongside, once they are written (`write`)."""
        self._downloads = downloads

    def write(
        self,
        artifacts: Iterable[Artifact | ReusedArtifact],
        waiting: Callable[[], contextlib.AbstractContextManager[None]] = contextlib.nullcontext,
    ) -> None:
        """Write every artifact (which may be rendered as it is asked for), then wait for the
        downloads written alongside, inside `waiting`; record what was written for the next build,
        and take away what was made ahead for files this build does not make."""
        with self._failing_as_output():
            pages: dict[str, PageRecord] = {}
            for artifact in artifacts:
                reused = isinstance(artifact, ReusedArtifact)
                destination, taken = self._place(artifact.path, reuse=reused)
                if taken and artifact.digest is not None:
                    # The link made ahead is the previous build's file, which render found
                    # unchanged: its size and time are that build's record.
                    before = self._previous[artifact.path]
                    pages[artifact.path] = PageRecord(
                        artifact.digest, artifact.inputs, before.size, before.mtime_ns
                    )
                    continue
                if isinstance(artifact, ReusedArtifact):
                    _reuse_file(self.out_dir / artifact.path, destination)
                else:
                    _create(destination, artifact.content)
                if artifact.digest is not None:
                    written = os.stat(destination)
                    pages[artifact.path] = PageRecord(
                        artifact.digest, artifact.inputs, written.st_size, written.st_mtime_ns
                    )
            downloads: dict[str, DownloadRecord] = {}
            if self._downloads is not None:
                with waiting():
                    downloads = self._downloads.records()
                for path, made in self._downloads.written:
                    os.rename(made, self._place(path)[0])
                self._downloads = None
            if pages:
                _create(self._place(PAGES_FILE)[0], records_bytes(pages))
            if downloads:
                _create(self._place(DOWNLOADS_FILE)[0], records_bytes(downloads))
            # What was made ahead for files this build does not make: the links, then the
            # folders left empty, deepest first.
            for link in self._linked:
                os.unlink(link)
            self._linked = set()
            unused = self._made_ahead - self._used
            for folder in sorted(unused, key=lambda name: name.count("/"), reverse=True):
                os.rmdir(folder)

    def add_record(self, artifact: Artifact) -> None:
        """A cache record the search stage leaves for the next build."""
        destination = self.path / artifact.path
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            _create(str(destination), artifact.content)
        except OSError as exc:
            raise OutputError([_search_error(exc)]) from None

    def commit(self, *, remove_in_background: bool = False) -> None:
        """Swap the site in for the output (`commit`)."""
        commit(self.path, self.out_dir, remove_in_background=remove_in_background)
        self._swapped = True

    def close(self) -> None:
        """Unless the site was swapped in, discard the staging folder."""
        if not self._swapped:
            discard(self.path)

    def _place(self, path: str, reuse: bool = False) -> tuple[str, bool]:
        """Where `path` goes in the staging folder, its folder made, and whether a link made ahead
        there was taken (when the file is reused; when it is made again, the link is removed)."""
        if not _is_safe_relative(path):
            raise ValueError(f"artifact path {path!r} would leave the output folder")
        destination = f"{self._root}/{path}"
        folder = destination.rpartition("/")[0]
        if folder not in self._used:
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            while folder not in self._used:
                self._used.add(folder)
                folder = folder.rpartition("/")[0]
        if destination not in self._linked:
            return destination, False
        self._linked.discard(destination)
        if not reuse:
            os.unlink(destination)
        return destination, reuse

    @contextlib.contextmanager
    def _failing_as_output(self) -> Iterator[None]:
        try:
            yield
        except (OSError, ValueError) as exc:
            raise OutputError([_write_error(self.out_dir, exc)]) from None


@contextlib.contextmanager
def staging(
    out_dir: Path,
    fingerprint: str,
    ahead: SiteAhead | None = None,
    downloads: Downloads | None = None,
) -> Iterator[Staging]:
    """A new site beside `out_dir`, in a new staging folder or the one `ahead` began, into which
    the `downloads` written alongside go once written. However the block ends, unless the site
    was swapped in, the staging folder is discarded."""
    site = Staging(out_dir, fingerprint, ahead)
    try:
        site.begin(downloads)
        yield site
    finally:
        site.close()


class Downloads:
    """The large downloads, written by a child process (`write_processes.DownloadsAlongside`)
    into a folder of their own beside the output, from before the site is linked: they are made
    from the corpus alone, and the child copies most of each from the previous build's file on the
    core that linking and rendering leave idle. The writer moves each into the site (`written`)."""

    def __init__(self, out_dir: Path, streams: Iterable[StreamedArtifact]) -> None:
        # A staging folder of its own: a build killed meanwhile leaves a leftover that the next
        # build clears (`clear_leftovers`).
        self.folder, _ = _new_staging(out_dir, "downloads")
        arranged = [(s, f"{self.folder}/{n}", out_dir / s.path) for n, s in enumerate(streams)]
        self.written = [(s.path, destination) for s, destination, _ in arranged]
        try:
            self._child = DownloadsAlongside(arranged) if arranged else None
        except OSError as exc:
            discard(self.folder)
            raise OutputError([_write_error(out_dir, exc)]) from None

    def records(self) -> dict[str, DownloadRecord]:
        """Where the pieces of each download went, once the child has written them all."""
        child, self._child = self._child, None
        return child.records() if child is not None else {}

    def close(self) -> None:
        """End the child if it still runs (a failure elsewhere in the build); discard the folder."""
        if self._child is not None:
            self._child.stop()
            self._child = None
        discard(self.folder)


@contextlib.contextmanager
def downloads_alongside(out_dir: Path, streams: Iterable[StreamedArtifact]) -> Iterator[Downloads]:
    """`Downloads` begun; however the block ends, the child is ended and its folder discarded."""
    downloads = Downloads(out_dir, streams)
    try:
        yield downloads
    finally:
        downloads.close()


def _is_safe_relative(path: str) -> bool:
    """Whether `path` names a file inside the output folder, plainly: not absolute, and no empty,
    "." or ".." part."""
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _create(destination: str, content: bytes) -> None:
    with open(destination, "xb") as file:
        file.write(content)


def _reuse_file(previous: Path, destination: str) -> None:
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


def _search_error(exc: OSError) -> Diagnostic:
    return error("pagefind", None, "search", f"could not write the index: {exc.strerror or exc}")


def commit(staging: Path, out_dir: Path, *, remove_in_background: bool = False) -> None:
    """Swap the finished staging folder in for the output; the old site goes only after. With
    `remove_in_background` (for a process that ends once the build is done: the installed
    command), a process of its own removes the old site, so that the build is done once the new
    one is in place, without waiting for the old one's many folders to go."""
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
    if retired is None:
        return
    kept = _keep_folders(retired / "site", target)
    if kept is None:
        if not (remove_in_background and removing_in_background(retired)):
            remove_retired(retired)
    elif not (remove_in_background and emptying_in_background(kept)):
        empty_kept_folders(kept)


def _keep_folders(replaced: Path, target: Path) -> Path | None:
    """The site just replaced, moved into the new one's cache (`KEPT_FOLDERS`) to be emptied of
    its files; its retired folder, left empty, goes. None where it could not be moved."""
    kept = target / KEPT_FOLDERS
    try:
        if not (replaced / MARKER).is_file() or replaced.is_symlink():
            return None
        kept.parent.mkdir(exist_ok=True)
        replaced.rename(kept)
    except OSError:
        return None
    with contextlib.suppress(OSError):
        replaced.parent.rmdir()
    return kept


def empty_kept_folders(kept: Path) -> None:
    """Remove every file of the site moved to `kept` but its marker, and its own cache (which may
    hold the folders kept before), so that only its folders are left (see `KEPT_FOLDERS`). Where a
    file cannot be removed, the rest stay too: the next build's child removes what is left."""
    root = str(kept)
    cache = f"{root}/{CACHE_DIR}"
    with contextlib.suppress(OSError):
        reshaped(root, f"{root}/{MARKER}", lambda folder: folder != cache)
