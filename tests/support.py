"""Shared helpers for tests: where the project is, and how to build the real site."""

from __future__ import annotations

from pathlib import Path

from natocorpus.build import BuildReport, build
from natocorpus.config import make_config

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def build_real_site(out: Path, base_url: str = "/", *, search: bool = True) -> BuildReport:
    config = make_config(
        PROJECT_ROOT / "corpus", PROJECT_ROOT / "templates", out, base_url, search=search
    )
    report = build(config)
    assert report.written, "\n".join(str(d) for d in report.errors)
    return report
