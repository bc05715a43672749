"""The build's settings, validated once into one typed object, every bad option reported at once."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote, urlsplit

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


# What a URL path may hold as it is (RFC 3986's unreserved and sub-delims, `:`, `@`, `/`), and a
# %-escape; anything else (a space, a control character, a quote, `<`) is refused, not escaped.
_PATH_CHARS = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def _base_url_problem(value: str) -> str | None:
    """Why `value` is not a URL path for the site to live under, or None."""
    if "://" in value or value.startswith("//"):
        return "give the path only, e.g. /natocorpus/"
    if not _PATH_CHARS.fullmatch(value):
        bad = next((c for c in value if not _PATH_CHARS.fullmatch(c) and c != "%"), "%")
        return f"{bad!r} is not allowed in it" if bad != "%" else "a % that starts no %-escape"
    for segment in value.split("/"):
        decoded = unquote(segment)
        leaves = decoded in (".", "..") or any(c in decoded for c in "/\\?#")
        if leaves or not decoded.isprintable():
            return f"the segment {segment!r} would leave or change the path"
    return None


def normalise_base_url(raw: str) -> str:
    """`natocorpus` -> `/natocorpus/`; the site's links are all built from this prefix."""
    value = raw.strip()
    if _base_url_problem(value) is not None:
        raise ConfigError([error("--base-url", None, "base-url", f"not a URL path: {raw!r}")])
    return (
        "/" + "/".join(part for part in value.split("/") if part) + "/" if value.strip("/") else "/"
    )


def _site_url_problem(value: str) -> str | None:
    """Why `value` is not an http(s) origin, or None."""
    if not value.isprintable() or any(c.isspace() for c in value):
        return "it holds a space or a control character"
    scheme, _, rest = value.partition("://")
    if scheme not in ("http", "https") or not rest:
        return "give http:// or https:// and a host"
    if any(c in rest for c in "/?#\\"):
        return "give the origin only, without a path, a query or a fragment"
    if "@" in rest:
        return "a user name or password does not belong in a published address"
    try:
        parts = urlsplit(value)
    except ValueError:
        return "the host is not an address"
    try:
        parts.port  # noqa: B018 - raises on a port that is not 0 to 65535
    except ValueError:
        return "the port is not a number from 1 to 65535"
    if parts.port == 0 or rest.endswith(":"):
        return "the port is not a number from 1 to 65535"
    host = parts.hostname or ""
    if host.startswith("[") or ":" in host:
        return None if _ip6(host) else f"the host {host!r} is not an address"
    if not host or len(host) > 253 or not all(_HOST_LABEL.fullmatch(p) for p in host.split(".")):
        return f"the host {host!r} is not a host name"
    return None


def _ip6(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host.strip("[]"))
    except ValueError:
        return False
    return True


def normalise_site_url(raw: str | None) -> str | None:
    """An origin such as `https://example.org`: canonical, sitemap and feed URLs become absolute."""
    if raw is None or not raw.strip():
        return None
    value = raw.strip().rstrip("/")
    if _site_url_problem(value) is not None:
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
