"""Session fixtures: the real corpus, annotated once and built once per test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Pin what makes output vary.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
os.environ["LC_ALL"] = os.environ.get("LC_ALL", "C.UTF-8")

from natocorpus.build import BuildReport, annotate, build  # noqa: E402
from natocorpus.config import make_config  # noqa: E402
from natocorpus.model import AnnotatedCorpus  # noqa: E402


def build_real_site(out: Path, base_url: str = "/", *, search: bool = True) -> BuildReport:
    config = make_config(
        PROJECT_ROOT / "corpus", PROJECT_ROOT / "templates", out, base_url, search=search
    )
    report = build(config)
    assert report.written, "\n".join(str(d) for d in report.errors)
    return report


@pytest.fixture(scope="session")
def real_corpus() -> AnnotatedCorpus:
    corpus, diagnostics = annotate(make_config(PROJECT_ROOT / "corpus"))
    assert corpus is not None, "\n".join(str(d) for d in diagnostics)
    return corpus


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("root") / "site"
    build_real_site(out, "/")
    return out


@pytest.fixture(scope="session")
def built_site_subpath(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("subpath") / "site"
    build_real_site(out, "/natocorpus/")
    return out
