"""The index stage: Pagefind over the written site, before it is swapped in.

A site of many searchable pages is indexed in parts, each a Pagefind bundle of its own that the
search page merges in the browser (Pagefind's `mergeIndex`): Pagefind holds the whole index of
what it indexes in memory (3.3 GiB for the 13,000 searchable pages of 10,000 articles), and it has
no incremental mode. Pages go to parts by a hash of their path, so a part keeps its pages from
build to build, and a rebuild takes the bundle of a part whose pages are all unchanged from the
last build instead of indexing it again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import msgspec

from natocorpus import write
from natocorpus.cache import CACHE_DIR
from natocorpus.diagnostics import SearchError, error
from natocorpus.link.urls import PAGEFIND_DIR, bundle_folder

SEARCH_FILE = f"{CACHE_DIR}/search.bin"
_parts_decoder = msgspec.msgpack.Decoder(dict[str, bytes])


def pagefind_executable() -> Path:
    """The binary that PyPI's pagefind[bin] ships; run directly, it saves a Python start-up."""
    from pagefind_bin import get_executable

    return Path(get_executable())


def index_site(
    site_dir: Path,
    language: str,
    parts: Sequence[Sequence[str]] = (),
    previous: Path | None = None,
) -> None:
    """Index the searchable pages of `site_dir`: in one bundle, `site_dir/pagefind/`, where
    `parts` is one part (or none given), the whole site as Pagefind finds it; otherwise each part
    into its own bundle (`bundle_folder`), taking from `previous` (the last build's site) the
    bundle of a part whose pages are the same as then."""
    try:
        executable = pagefind_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise SearchError([error("pagefind", None, "search", f"not installed: {exc}")]) from None
    if len(parts) <= 1:
        _run_pagefind(executable, site_dir, site_dir / PAGEFIND_DIR, language)
        return
    before = _recorded_parts(previous)
    made_with = f"{language}\0{_pagefind_version()}\0{executable.stat().st_size}\0".encode()
    digests: dict[str, bytes] = {}
    for number, pages in enumerate(parts):
        folder = bundle_folder(number)
        digests[folder] = _part_digest(site_dir, pages, made_with)
        if (
            previous is not None
            and before.get(folder) == digests[folder]
            and write.linked_tree(previous / folder, site_dir / folder)
        ):
            continue
        with write.pages_apart(site_dir, pages) as apart:
            _run_pagefind(executable, apart, site_dir / folder, language)
    write.write_record(site_dir, SEARCH_FILE, msgspec.msgpack.encode(digests))


def _part_digest(site_dir: Path, pages: Sequence[str], made_with: bytes) -> bytes:
    """What a part's bundle is made from: its pages' paths and bytes, and `made_with` (the
    language and Pagefind's version and binary)."""
    digest = hashlib.sha256(made_with)
    for page in pages:
        digest.update(page.encode() + b"\0")
        digest.update(hashlib.sha256((site_dir / page).read_bytes()).digest())
    return digest.digest()


def _pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind_bin")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _recorded_parts(previous: Path | None) -> Mapping[str, bytes]:
    if previous is None:
        return {}
    try:
        return _parts_decoder.decode((previous / SEARCH_FILE).read_bytes())
    except (OSError, msgspec.DecodeError):
        return {}


def _run_pagefind(executable: Path, site: Path, bundle: Path, language: str) -> None:
    command = [str(executable), "--site", str(site), "--output-path", str(bundle)]
    command += ["--force-language", language, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
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
