"""The index stage: Pagefind over the written site, in one call, before it is swapped in."""

from __future__ import annotations

import subprocess
from pathlib import Path

from natocorpus.diagnostics import CorpusError, error

PAGEFIND_DIR = "pagefind"


def pagefind_executable() -> Path:
    """The binary that PyPI's pagefind[bin] ships; run directly, it saves a Python start-up."""
    from pagefind_bin import get_executable

    return Path(get_executable())


def index_site(site_dir: Path, language: str) -> None:
    """Index every page of `site_dir` into `site_dir/pagefind/` with the packaged binary."""
    try:
        executable = pagefind_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise CorpusError([error("pagefind", None, "search", f"not installed: {exc}")]) from None
    command = [
        str(executable),
        "--site",
        str(site_dir),
        "--output-subdir",
        PAGEFIND_DIR,
        "--force-language",
        language,
        "--silent",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CorpusError([error("pagefind", None, "search", f"could not run: {exc}")]) from None
    if result.returncode != 0 or not (site_dir / PAGEFIND_DIR / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise CorpusError(
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
