"""The build's settings, validated once into one typed object, every bad option reported at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import msgspec

from natocorpus.diagnostics import ConfigError, Diagnostic, error

T = TypeVar("T")


class BuildConfig(msgspec.Struct, frozen=True):
    corpus_dir: Path
    templates_dir: Path
    out_dir: Path
    base_url: str = "/"
    site_url: str | None = None
    search: bool = True
    strict: bool = False
    check_only: bool = False  # validate the corpus only: no templates read, nothing written
    force: bool = False  # rebuild everything, without the last build's cache

    def missing_folders(self) -> tuple[Diagnostic, ...]:
        """An error for the corpus or templates folder where it is not a folder (the templates
        only where the build writes a site)."""
        folders = [(self.corpus_dir, "corpus")]
        if not self.check_only:
            folders.append((self.templates_dir, "templates"))
        return tuple(
            error(str(folder), None, field, "is not a folder")
            for folder, field in folders
            if not folder.is_dir()
        )


def normalise_base_url(raw: str) -> str:
    """`natocorpus` -> `/natocorpus/`; the site's links are all built from this prefix."""
    value = raw.strip()
    if "://" in value or "?" in value or "#" in value or "\\" in value or ".." in value.split("/"):
        raise ConfigError([error("--base-url", None, "base-url", f"not a URL path: {raw!r}")])
    return (
        "/" + "/".join(part for part in value.split("/") if part) + "/" if value.strip("/") else "/"
    )


def normalise_site_url(raw: str | None) -> str | None:
    """An origin such as `https://example.org`: canonical, sitemap and feed URLs become absolute."""
    if raw is None or not raw.strip():
        return None
    value = raw.strip().rstrip("/")
    scheme, _, rest = value.partition("://")
    if scheme not in ("http", "https") or not rest or "/" in rest or "?" in rest or "#" in rest:
        raise ConfigError(
            [
                error(
                    "--site-url",
                    None,
                    "site-url",
                    f"not an origin like https://example.org: {raw!r}",
                )
            ]
        )
    return value


def make_config(
    corpus: str | Path = "corpus",
    templates: str | Path = "templates",
    out: str | Path = "site",
    base_url: str = "/",
    *,
    site_url: str | None = None,
    search: bool = True,
    strict: bool = False,
    check_only: bool = False,
    force: bool = False,
) -> BuildConfig:
    """The build's options as one `BuildConfig`.

    Raises one ConfigError naming every bad option. A corpus or templates path that is not a
    folder is named in it too, but only alongside a bad option: on its own it is the build's
    error, reported with the corpus's others while the last site is kept."""
    problems: list[Diagnostic] = []
    config = BuildConfig(
        corpus_dir=Path(corpus),
        templates_dir=Path(templates),
        out_dir=Path(out),
        base_url=_valid(normalise_base_url, base_url, "/", problems),
        site_url=_valid(normalise_site_url, site_url, None, problems),
        search=search,
        strict=strict,
        check_only=check_only,
        force=force,
    )
    if problems:
        raise ConfigError([*problems, *config.missing_folders()])
    return config


def _valid(normalise: Callable[[T], T], raw: T, fallback: T, problems: list[Diagnostic]) -> T:
    """`raw` normalised; where it is not valid, its problems go into `problems` and `fallback`
    stands in, so that the other options are still checked."""
    try:
        return normalise(raw)
    except ConfigError as failure:
        problems.extend(failure.diagnostics)
        return fallback
