"""The build's settings, validated once into one typed object."""

from __future__ import annotations

from pathlib import Path

import msgspec

from natocorpus.diagnostics import ConfigError, error


class BuildConfig(msgspec.Struct, frozen=True):
    corpus_dir: Path
    templates_dir: Path
    out_dir: Path
    base_url: str = "/"
    site_url: str | None = None
    search: bool = True
    strict: bool = False
    timings: bool = False
    check_only: bool = False
    force: bool = False


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
    timings: bool = False,
    check_only: bool = False,
    force: bool = False,
) -> BuildConfig:
    return BuildConfig(
        corpus_dir=Path(corpus),
        templates_dir=Path(templates),
        out_dir=Path(out),
        base_url=normalise_base_url(base_url),
        site_url=normalise_site_url(site_url),
        search=search,
        strict=strict,
        timings=timings,
        check_only=check_only,
        force=force,
    )
