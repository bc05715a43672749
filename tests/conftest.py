"""Session fixtures: the real corpus, annotated once and built once per test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Pin what makes output vary.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
os.environ["LC_ALL"] = os.environ.get("LC_ALL", "C.UTF-8")

from natocorpus.build import annotate
from natocorpus.config import make_config
from natocorpus.link import urls as site_urls
from natocorpus.model import AnnotatedCorpus
from support import PROJECT_ROOT, build_real_site


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


@pytest.fixture(scope="session")
def built_site_in_parts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site under a project path, its search index in parts of at most 25 pages, as the
    index of a site of more than `urls.PART_PAGES` searchable pages is."""
    out = tmp_path_factory.mktemp("parts") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_urls, "PART_PAGES", 25)
        build_real_site(out, "/natocorpus/")
    assert (out / "pagefind-3" / "pagefind.js").is_file()
    return out
