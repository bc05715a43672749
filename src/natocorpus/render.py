"""The render stage: the SiteModel through the Jinja2 templates, into artifacts (nothing on disk).

Templates only place what `link.py` prepared. A template that is missing or does not parse, or
that asks for a value the model does not have, is reported as a `CorpusError` naming the template
file and line, never as a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path, PurePosixPath

import jinja2
import msgspec
import rcssmin
import rjsmin
from markupsafe import Markup

from natocorpus.artifacts import (
    Artifact,
    PreviousFile,
    ReusedArtifact,
    digest_of,
    made_unless_reused,
    reused_if_unchanged,
)
from natocorpus.diagnostics import CorpusError, error
from natocorpus.link import DeferredPage, Page, SiteModel
from natocorpus.link.html import bidi_isolated
from natocorpus.parallel import fork_imap

STATIC_DIR = "static"
XML_TEMPLATES = (
    ("sitemap.xml", "sitemap.xml"),
    ("feed.xml", "feed.xml"),
    ("robots.txt", "robots.txt"),
)
# What page templates do not see of the site model: what only the XML templates see, and the
# search index's parts, which are the search stage's. A page's HTML is made from the page and the
# rest of the site model alone, so a page whose inputs are unchanged can be reused from the
# previous build; a page template that asked for these would fail here, not go stale.
WHOLE_SITE_FIELDS = ("pages", "sitemap", "feed", "search_parts", "citations")


class _PageReuse(msgspec.Struct, frozen=True):
    """Which pages the previous build wrote from the same inputs, so can be reused as they are.

    A page's digest covers its prepared context (or, for an article page, what that is prepared
    from), the site-wide values its template sees, the templates and our code. The previous file
    is reused when the digest is the one recorded for it, the file still as that build wrote it
    (`previous` holds only those)."""

    key: bytes  # digest of the templates, our code and the site values
    previous: Mapping[str, PreviousFile]

    def digest(self, page: Page) -> bytes:
        return digest_of(self.key, b"page", _page_encoder.encode(page))

    def digest_of_inputs(self, inputs: tuple[object, ...]) -> bytes:
        return digest_of(self.key, b"inputs", _page_encoder.encode(inputs))

    def found(
        self, output: str, *, digest: bytes | None = None, inputs: bytes | None = None
    ) -> PreviousFile | None:
        """The previous build's record of `output`, if it was made from the same `inputs` or
        has the same `digest`."""
        record = self.previous.get(output)
        if record is None or not (
            (inputs is not None and record.inputs == inputs)
            or (digest is not None and record.digest == digest)
        ):
            return None
        return record


def _markup_tagged(value: object) -> object:
    # A Markup string and a plain one of the same text render differently (one is escaped).
    if isinstance(value, Markup):
        return ("markup", str(value))
    raise TypeError(f"cannot digest {type(value).__name__}")


_page_encoder = msgspec.msgpack.Encoder(enc_hook=_markup_tagged)


class Asset(msgspec.Struct, frozen=True):
    name: str
    path: str
    url: str
    content: bytes


# The stylesheet and the script without comments and spare whitespace: every page loads them, and
# the sources keep their comments for maintainers.
_MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minified(content: bytes, suffix: str) -> bytes:
    """`content` minified when it is a stylesheet or a script, as it is otherwise."""
    minify = _MINIFIERS.get(suffix)
    return content if minify is None else minify(content.decode("utf-8")).encode("utf-8") + b"\n"


def hashed_assets(templates_dir: Path, site: SiteModel) -> tuple[Asset, ...]:
    """Each file under templates/static/, with a content hash: site.css -> site.3f9a2c1b.css."""
    root = templates_dir / STATIC_DIR
    if not root.is_dir():
        return ()
    assets = []
    for path in _files_under(root, templates_dir):
        relative = PurePosixPath(path.relative_to(root).as_posix())
        name = path.relative_to(templates_dir).as_posix()
        try:
            content = minified(path.read_bytes(), path.suffix)
        except UnicodeDecodeError as exc:
            raise _not_utf8(exc, templates_dir, name) from None
        except OSError as exc:
            raise _unreadable(exc, templates_dir, name) from None
        digest = hashlib.sha256(content).hexdigest()[:8]
        suffix = "".join(relative.suffixes)
        stem = relative.name[: len(relative.name) - len(suffix)] if suffix else relative.name
        hashed = relative.with_name(f"{stem}.{digest}{suffix}")
        assets.append(
            Asset(
                name=relative.as_posix(),
                path=f"{STATIC_DIR}/{hashed.as_posix()}",
                url=f"{site.static_url}{hashed.as_posix()}",
                content=content,
            )
        )
    return tuple(assets)


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode of each template, by Jinja's key: those a previous build compiled
    (`known`), which Jinja loads where the template's source is the same instead of compiling it
    again; and each this build compiled or loaded (`used`), for the next. The build's cache folder
    is trusted as Python trusts its `__pycache__`: only the build writes it."""

    def __init__(self, known: Mapping[str, bytes]) -> None:
        self.known = known
        self.used: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.known.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            if bucket.code is not None:
                self.used[bucket.key] = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.used[bucket.key] = bucket.bytecode_to_string()


def make_environment(
    templates_dir: Path, compiled: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=bidi_isolated,
        bytecode_cache=compiled,
    )
    return env


def _template_path(templates_dir: Path, name: str | None) -> str:
    return (templates_dir / name).as_posix() if name else templates_dir.as_posix()


def _line_in_templates(exc: BaseException, templates_dir: Path) -> tuple[str, int | None] | None:
    """The innermost traceback frame in a template (Jinja rewrites frames to template lines)."""
    root = templates_dir.resolve()
    found: tuple[str, int | None] | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        try:
            path = Path(frame.filename).resolve()
        except (OSError, ValueError):
            continue
        if path.is_relative_to(root):
            found = (_template_path(templates_dir, path.relative_to(root).as_posix()), frame.lineno)
    return found


def template_error(exc: Exception, templates_dir: Path, name: str) -> CorpusError:
    """A CorpusError naming the template and line: `templates/article.html:12: template: ...`."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = _template_path(templates_dir, exc.name or name)
        return CorpusError([error(where, exc.lineno, "template", exc.message or str(exc))])
    if isinstance(exc, jinja2.TemplateNotFound):
        missing = exc.name if isinstance(exc.name, str) else name
        located = _line_in_templates(exc, templates_dir)
        if located and located[0] != _template_path(templates_dir, missing):
            return CorpusError(
                [error(located[0], located[1], "template", f"template not found: {missing}")]
            )
        return CorpusError(
            [error(_template_path(templates_dir, missing), None, "template", "template not found")]
        )
    located = _line_in_templates(exc, templates_dir)
    where, line = located if located else (_template_path(templates_dir, name), None)
    message = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
    return CorpusError([error(where, line, "template", message)])


def _not_utf8(exc: UnicodeDecodeError, templates_dir: Path, name: str) -> CorpusError:
    """A template file that is not UTF-8, named with the line of its first bad byte."""
    raw = exc.object if isinstance(exc.object, bytes) else b""
    line = raw[: exc.start].count(b"\n") + 1
    byte = f"byte 0x{raw[exc.start]:02x} " if exc.start < len(raw) else ""
    return CorpusError(
        [
            error(
                _template_path(templates_dir, name),
                line,
                "template",
                f"is not valid UTF-8 ({byte}at offset {exc.start}); save the file as UTF-8",
            )
        ]
    )


_RECURSION = "includes itself, directly or through other templates, without end"


def _unreadable(exc: OSError, templates_dir: Path, name: str) -> CorpusError:
    """A template or asset that cannot be read, named as the templates folder has it (not blamed
    on the output folder, where the writer would report an OSError)."""
    reason = exc.strerror or type(exc).__name__
    return CorpusError(
        [error(_template_path(templates_dir, name), None, "template", f"cannot be read: {reason}")]
    )


def _files_under(root: Path, templates_dir: Path) -> list[Path]:
    """Every file under `root`, sorted; a folder that cannot be listed is an error naming it,
    where rglob would pass over it in silence and leave its assets missing."""
    found: list[Path] = []
    problems: list[OSError] = []
    for folder, _, names in os.walk(root, onerror=problems.append):
        found += (Path(folder) / name for name in names)
    if problems:
        where = Path(problems[0].filename or root).relative_to(templates_dir).as_posix()
        raise _unreadable(problems[0], templates_dir, where)
    return sorted(path for path in found if path.is_file())


def _render(env: jinja2.Environment, templates_dir: Path, name: str, **context: object) -> str:
    try:
        return env.get_template(name).render(**context)
    except UnicodeDecodeError as exc:  # a ValueError: before the general case
        raise _not_utf8(exc, templates_dir, name) from None
    except jinja2.TemplateNotFound as exc:  # an OSError too: before the general case
        raise template_error(exc, templates_dir, name) from None
    except OSError as exc:
        raise _unreadable(exc, templates_dir, name) from None
    except RecursionError as exc:
        located = _line_in_templates(exc, templates_dir)
        where, line = located if located else (_template_path(templates_dir, name), None)
        raise CorpusError([error(where, line, "template", _RECURSION)]) from None
    except (jinja2.TemplateError, TypeError, AttributeError, KeyError, ValueError) as exc:
        raise template_error(exc, templates_dir, name) from None


def render_site(site: SiteModel, templates_dir: Path) -> tuple[Artifact, ...]:
    """Every artifact of `iter_site_artifacts`, in memory, sorted by path."""
    made = iter_site_artifacts(site, templates_dir)
    return tuple(sorted((a for a in made if isinstance(a, Artifact)), key=lambda a: a.path))


def iter_site_artifacts(
    site: SiteModel,
    templates_dir: Path,
    previous_files: Mapping[str, PreviousFile] | None = None,
    key: bytes = b"",
    compiled: jinja2.BytecodeCache | None = None,
) -> Iterator[Artifact | ReusedArtifact]:
    """Every page, sitemap.xml, robots.txt, feed.xml, the citation files and the hashed static
    assets, one at a time as they are made, so that the writer can stage each and let it go.

    A file made from the same inputs as the previous build's at its path (`previous_files`, the
    files still as that build wrote them, with their digests) comes as a ReusedArtifact, a page
    not rendered again. `key` is the digest of the templates and our code, which every page's
    digest starts from. `compiled` holds the templates as the previous build compiled them."""
    env = make_environment(templates_dir, compiled)
    assets = hashed_assets(templates_dir, site)
    urls = {asset.name: asset.url for asset in assets}
    page_site = {
        name: getattr(site, name)
        for name in site.__struct_fields__
        if name not in WHOLE_SITE_FIELDS
    }
    env.globals.update(site=page_site, assets=urls)
    paths = [*site.pages.outputs] + [output for output, _ in XML_TEMPLATES]
    paths += site.citations.paths()
    counts = Counter(paths + [asset.path for asset in assets])
    duplicates = sorted(path for path, n in counts.items() if n > 1)
    if duplicates:
        raise CorpusError(
            [error(p, None, "render", "two artifacts would be written here") for p in duplicates]
        )
    _compile_templates(env, templates_dir)
    previous = previous_files or {}
    site_key = digest_of(key, _page_encoder.encode(page_site), _page_encoder.encode(urls))
    reuse = _PageReuse(site_key, previous)
    yield from _here_then_in_workers(
        partial(_page_artifact, env, templates_dir, reuse), site.pages.entries
    )
    for output, template in XML_TEMPLATES:
        text = _render(env, templates_dir, template, site=site)
        yield reused_if_unchanged(Artifact(output, text.encode("utf-8")), previous)
    # A citation file whose records are unchanged is taken as it is, not made again to compare.
    for output, records, make in site.citations.made_from():
        yield made_unless_reused(output, reuse.digest_of_inputs(records), make, previous)
    for asset in assets:
        yield reused_if_unchanged(Artifact(asset.path, asset.content), previous)


# Pages rendered in this process before the rest go to the workers (see `_here_then_in_workers`).
_RENDERED_HERE = 50


def _here_then_in_workers(
    make: Callable[[Page | DeferredPage], Artifact | ReusedArtifact],
    entries: tuple[Page | DeferredPage, ...],
) -> Iterator[Artifact | ReusedArtifact]:
    """Each page's artifact, made in this process until `_RENDERED_HERE` pages had to be rendered,
    and the rest in the workers. A rebuild that renders a few pages and only digests the others'
    inputs pays more for the workers' fork and messages than they save (a third of the stage at
    1,000 articles: benchmarks/README.md); a full build loses a few pages' time."""
    rendered = 0
    for number, entry in enumerate(entries):
        artifact = make(entry)
        yield artifact
        rendered += isinstance(artifact, Artifact)
        if rendered == _RENDERED_HERE:
            yield from fork_imap(make, entries[number + 1 :])
            return


def precompiled_templates(templates_dir: Path, known: Mapping[str, bytes]) -> dict[str, bytes]:
    """Jinja's bytecode of every template that compiles, by Jinja's key, for `CompiledTemplates`:
    made while the articles are annotated in a child (`build`), so that the render stage only
    loads it. A template that fails is left out: the render stage compiles it again and reports
    it there, with the other errors of its stage."""
    compiled = CompiledTemplates(known)
    env = make_environment(templates_dir, compiled)
    for name in _template_names(env):
        with contextlib.suppress(jinja2.TemplateError, OSError, UnicodeDecodeError):
            env.get_template(name)
    return compiled.used


def _template_names(env: jinja2.Environment) -> list[str]:
    return env.list_templates(filter_func=lambda name: not name.startswith(f"{STATIC_DIR}/"))


def _compile_templates(env: jinja2.Environment, templates_dir: Path) -> None:
    """Every template compiled once, here, before the render workers fork: each would otherwise
    compile them all again for its first pages."""
    for name in _template_names(env):
        try:
            env.get_template(name)
        except UnicodeDecodeError as exc:
            raise _not_utf8(exc, templates_dir, name) from None
        except jinja2.TemplateNotFound as exc:  # an OSError too: before the general case
            raise template_error(exc, templates_dir, name) from None
        except OSError as exc:
            raise _unreadable(exc, templates_dir, name) from None
        except jinja2.TemplateError as exc:
            raise template_error(exc, templates_dir, name) from None


def _page_artifact(
    env: jinja2.Environment,
    templates_dir: Path,
    reuse: _PageReuse,
    entry: Page | DeferredPage,
) -> Artifact | ReusedArtifact:
    inputs = None
    if isinstance(entry, DeferredPage) and entry.inputs is not None:
        # Known by its inputs, the page need not even be prepared to be reused.
        inputs = reuse.digest_of_inputs(entry.inputs())
        record = reuse.found(entry.output, inputs=inputs)
        if record is not None:
            return ReusedArtifact(entry.output, record.digest, inputs)
    page = entry.make() if isinstance(entry, DeferredPage) else entry
    digest = reuse.digest(page)
    if reuse.found(page.output, digest=digest) is not None:
        return ReusedArtifact(page.output, digest, inputs)
    text = _render(env, templates_dir, page.template, page=page, content=page.content)
    return Artifact(page.output, text.encode("utf-8"), digest, inputs)
