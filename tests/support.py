"""Shared test helpers: where the project is, how to build the real site, digests of a folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

from natocorpus.build import BuildReport, build
from natocorpus.config import make_config
from natocorpus.previous import CACHE_DIR

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def build_real_site(out: Path, base_url: str = "/", *, search: bool = True) -> BuildReport:
    config = make_config(
        PROJECT_ROOT / "corpus", PROJECT_ROOT / "templates", out, base_url, search=search
    )
    report = build(config)
    assert report.written, "\n".join(str(d) for d in report.errors)
    return report


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder`, by its relative path, with the SHA-256 of its bytes, and every
    folder, empty ones included; the rebuild cache aside, which is not published and records when
    each page was written."""
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        )
        for path in sorted(folder.rglob("*"))
        if CACHE_DIR not in path.relative_to(folder).parts
    }
