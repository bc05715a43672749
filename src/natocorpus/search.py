"""The search stage: Pagefind indexes the written site, in the staging folder, before it is
swapped in.

A site of many searchable pages is indexed in parts, each a Pagefind bundle of its own that the
search page merges in the browser (Pagefind's `mergeIndex`): Pagefind holds the whole index of
what it indexes in memory, and it has no incremental mode. Pages go to parts by a hash of their
path, so a part keeps its pages from build to build, and a rebuild reuses the bundle of a part
whose pages are all unchanged since the previous build instead of indexing it again.
"""

from __future__ import annotations

import contextlib
import ctypes
import gzip
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path

from natocorpus.diagnostics import Diagnostic, OutputError, SearchError, error
from natocorpus.link.urls import PAGEFIND_DIR, bundle_folder

_LANGUAGE_RE = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


def pagefind_executable() -> Path:
    """The binary that PyPI's pagefind[bin] ships; run directly, it saves a Python start-up."""
    from pagefind_bin import get_executable

    return Path(get_executable())


def search_site(
    site_dir: Path,
    language: str,
    parts: Sequence[Sequence[str]] = (),
    previous_parts: Mapping[str, bytes] | None = None,
    previous_site: Path | None = None,
) -> dict[str, bytes]:
    """Index the searchable pages of `site_dir`: in one bundle, `site_dir/pagefind/`, where
    `parts` is one part (or none given), the whole site as Pagefind finds it; otherwise each part
    into its own bundle (`bundle_folder`), reusing from `previous_site` the bundle of a part whose
    digest is the one `previous_parts` records for it. Return each part's digest by its bundle's
    folder (none for a single bundle), for the next build."""
    if not _LANGUAGE_RE.fullmatch(language):
        # Pagefind names its files after the language: nothing else may reach a path.
        raise SearchError([error("pagefind", None, "search", f"not a language tag: {language!r}")])
    try:
        executable = pagefind_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise SearchError([error("pagefind", None, "search", f"not installed: {exc}")]) from None
    if len(parts) <= 1:
        _run_pagefind(executable, site_dir, site_dir / PAGEFIND_DIR, language)
        trim_ui_translations(site_dir / PAGEFIND_DIR, language)
        return {}
    before = previous_parts or {}
    made_with = f"{language}\0{_pagefind_version()}\0{executable.stat().st_size}\0".encode()
    digests: dict[str, bytes] = {}
    for number, pages in enumerate(parts):
        folder = bundle_folder(number)
        digests[folder] = _part_digest(site_dir, pages, made_with)
        if (
            previous_site is not None
            and before.get(folder) == digests[folder]
            and _linked_tree(previous_site / folder, site_dir / folder)
        ):
            continue
        with _pages_apart(site_dir, pages) as apart:
            _run_pagefind(executable, apart, site_dir / folder, language)
    # The search page loads the first bundle's UI only.
    trim_ui_translations(site_dir / PAGEFIND_DIR, language)
    return digests


def _part_digest(site_dir: Path, pages: Sequence[str], made_with: bytes) -> bytes:
    """What a part's bundle is made from: its pages' paths and bytes, and `made_with` (the
    language and Pagefind's version and binary)."""
    digest = hashlib.sha256(made_with)
    for page in pages:
        digest.update(page.encode() + b"\0")
        digest.update(hashlib.sha256((site_dir / page).read_bytes()).digest())
    return digest.digest()


def _pagefind_version() -> str:
    import importlib.metadata  # only a search index in parts asks: most builds need not import it

    try:
        return importlib.metadata.version("pagefind_bin")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


_APART = ".natocorpus-search-part"


@contextlib.contextmanager
def _pages_apart(staging: Path, pages: Sequence[str]) -> Iterator[Path]:
    """A folder in the staging folder holding only `pages` (hard links, at the same paths), for
    Pagefind to index them alone; removed after."""
    apart = staging / _APART
    try:
        for page in pages:
            if not all(part not in ("", ".", "..") for part in page.split("/")):
                raise ValueError(f"page path {page!r} would leave the output folder")
            destination = apart / page
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.link(staging / page, destination, follow_symlinks=False)
        yield apart
    except OSError as exc:
        raise OutputError([_write_error(exc)]) from None
    finally:
        shutil.rmtree(apart, ignore_errors=True)


def _linked_tree(source: Path, destination: Path) -> bool:
    """Hard-link every file under `source` (the previous build's bundle) to the same path under
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


def _write_error(exc: OSError) -> Diagnostic:
    return error("pagefind", None, "search", f"could not write the index: {exc.strerror or exc}")


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# Found before any fork: the child only calls it, as little as may run between fork and exec.
_prctl: Callable[..., int] | None = (
    ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None
)


def _dies_with_parent(prctl: Callable[..., int], parent: int) -> None:
    """In the child, before Pagefind starts: the kernel kills it when the build's process ends,
    however that ends (SIGKILL included), so that no Pagefind goes on writing into a staging
    folder nobody will swap in."""
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the build ended before the request took hold
        os._exit(1)


def _run_pagefind(executable: Path, site: Path, bundle: Path, language: str) -> None:
    command = [str(executable), "--site", str(site), "--output-path", str(bundle)]
    command += ["--force-language", language, "--silent"]
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
            preexec_fn=None if _prctl is None else partial(_dies_with_parent, _prctl, os.getpid()),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchError([error("pagefind", None, "search", f"could not run: {exc}")]) from None
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchError(
            [
                error(
                    "pagefind",
                    None,
                    "search",
                    f"indexing failed (exit {result.returncode}): "
                    + (detail[-1] if detail else "no output"),
                )
            ]
        )
    problem = bundle_problem(bundle)
    if problem is not None:
        # Pagefind exits 0 on a full disk, leaving empty or cut-short files behind.
        raise SearchError(
            [
                error(
                    "pagefind",
                    None,
                    "search",
                    f"the index Pagefind wrote is not whole: {bundle.name}/{problem}; "
                    "is the disk full?",
                )
            ]
        )


# What Pagefind writes: an entry file naming each language's meta file, which names the index,
# fragment and filter files; each of those is gzip'd, and begins with this once unpacked.
_PAGEFIND_HEADER = b"pagefind_dcd"


def bundle_problem(bundle: Path) -> str | None:
    """What is wrong with the bundle Pagefind wrote into `bundle` (a file empty, one not whole, or
    one the index lists missing), as the path in the bundle and why; None where it is whole."""
    for folder, _, names in os.walk(bundle):
        for name in sorted(names):
            path = Path(folder, name)
            try:
                empty = path.stat().st_size == 0
            except OSError:
                empty = True
            if empty:
                return f"{path.relative_to(bundle).as_posix()} is empty"
    try:
        languages = json.loads((bundle / "pagefind-entry.json").read_bytes())["languages"]
        metas = [(f"pagefind.{it['hash']}.pf_meta", it["wasm"]) for it in languages.values()]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "pagefind-entry.json is missing or not whole"
    if not metas:
        return "pagefind-entry.json names no language"
    for meta_name, wasm in metas:
        listed = [f"wasm.{wasm}.pagefind"]
        try:
            pages, chunks, filters = _unpacked_meta(bundle / meta_name)
            listed += [f"fragment/{page[0]}.pf_fragment" for page in pages]
            listed += [f"index/{chunk[2]}.pf_index" for chunk in chunks]
            listed += [f"filter/{item[1]}.pf_filter" for item in filters]
        except (OSError, ValueError, IndexError, KeyError, TypeError, EOFError):
            return f"{meta_name} is missing or not whole"
        for name in listed:
            if not _whole(bundle / name):
                return f"{name} is missing or not whole"
    return None


def _unpacked_meta(path: Path) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """The pages, index chunks and filters a meta file lists."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_PAGEFIND_HEADER):
        raise ValueError(path.name)
    meta, _ = _cbor(data, len(_PAGEFIND_HEADER))
    if not isinstance(meta, list) or len(meta) < 4:
        raise ValueError(path.name)
    pages, chunks, filters = meta[1], meta[2], meta[3]
    if not all(isinstance(item, list) for item in (pages, chunks, filters)):
        raise ValueError(path.name)
    return pages, chunks, filters


def _whole(path: Path) -> bool:
    """Whether `path` is there and, where it is one of Pagefind's packed files, unpacks."""
    try:
        data = path.read_bytes()
        if path.suffix.startswith(".pf_"):
            return gzip.decompress(data).startswith(_PAGEFIND_HEADER)
        return bool(data)
    except (OSError, EOFError, gzip.BadGzipFile):
        return False


def _cbor(data: bytes, at: int) -> tuple[object, int]:
    """The CBOR value at `at` in `data` (what Pagefind's meta file holds), and where it ends."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        value = info
    elif info < 28:
        size = 1 << (info - 24)
        if at + size > len(data):
            raise ValueError("cut short")
        value, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError("lengths not given are not read")
    if major in (2, 3):
        if at + value > len(data):
            raise ValueError("cut short")
        raw = data[at : at + value]
        return (raw.decode() if major == 3 else raw), at + value
    if major in (4, 5):
        items: list[object] = []
        for _ in range(value * (2 if major == 5 else 1)):
            item, at = _cbor(data, at)
            items.append(item)
        return (items if major == 4 else dict(zip(items[::2], items[1::2], strict=True))), at
    if major == 6:  # a tag: the value it tags
        return _cbor(data, at)
    return (-1 - value if major == 1 else value), at  # a number, or a simple value


# The search page's copy of Pagefind's Default UI, with the strings of the site's language only.
# Pagefind's `pagefind-ui.js` carries the strings of every language it is translated into (44 in
# Pagefind 1.5: two thirds of the script, 16 KB of the 30 KB a search downloads gzipped) and picks
# one by the page's `lang`. The site has one language, so the search stage keeps that language's
# strings and English (the UI's fallback) and drops the others. The script is Pagefind's minified
# build: where it is not laid out as `trimmed_ui` expects (another Pagefind version), it is left
# whole, which costs bytes and nothing else.
UI_SCRIPT = "pagefind-ui.js"

# The list of the translations' modules and, in the same order, of the files they come from:
# `var yg=[Wt,St,...],Us=yg,xs=["../../translations/af.json",...];`
_LISTS = re.compile(
    r"var (?P<modules>[\w$]+)=\[(?P<ids>[\w$]+(?:,[\w$]+)*)\],(?P<alias>[\w$]+)=(?P=modules),"
    r'(?P<paths>[\w$]+)=\[(?P<files>"\.\./\.\./translations/[\w-]+\.json"'
    r'(?:,"\.\./\.\./translations/[\w-]+\.json")*)\];'
)
_FILE = re.compile(r'"\.\./\.\./translations/([\w-]+)\.json"')
# A translation's module: its exports, then its values (strings and objects of strings only).
_MODULE = re.compile(r"var ([\w$]+)=\{\};x\(\1,\{[^{}]*\}\);var [^;]*;")


def trimmed_ui(script: str, language: str) -> str | None:
    """`script` with the translations of `language` (as Pagefind matches it: the whole tag or its
    first subtag) and English only; None where it is not laid out as expected or has nothing to
    drop."""
    lists = _LISTS.search(script)
    if lists is None:
        return None
    ids = lists["ids"].split(",")
    codes = _FILE.findall(lists["files"])
    if len(ids) != len(codes):
        return None
    starts = [script.find(f"var {module}={{}};x({module},") for module in ids]
    ends = [*starts[1:], lists.start()]
    if min(starts) < 0 or any(a >= b for a, b in zip(starts, ends, strict=True)):
        return None
    modules = [script[a:b] for a, b in zip(starts, ends, strict=True)]
    if not all(_MODULE.fullmatch(m) for m in modules):
        return None
    tag = language.lower()
    wanted = {"en", tag, tag.split("-")[0]}
    keep = [i for i, code in enumerate(codes) if code in wanted]
    if len(keep) == len(codes) or "en" not in (codes[i] for i in keep):
        return None
    files = ",".join(f'"../../translations/{codes[i]}.json"' for i in keep)
    lists_kept = (
        f"var {lists['modules']}=[{','.join(ids[i] for i in keep)}],"
        f"{lists['alias']}={lists['modules']},{lists['paths']}=[{files}];"
    )
    return (
        script[: starts[0]] + "".join(modules[i] for i in keep) + lists_kept + script[lists.end() :]
    )


def trim_ui_translations(bundle: Path, language: str) -> None:
    """Replace the bundle's UI script with its `trimmed_ui` copy, where there is one. A new file,
    never written in place: a reused bundle's files are links to the previous build's."""
    path = bundle / UI_SCRIPT
    try:
        script = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    smaller = trimmed_ui(script, language)
    if smaller is None:
        return
    staged = path.with_name(UI_SCRIPT + ".part")
    staged.write_text(smaller, encoding="utf-8")
    staged.replace(path)
