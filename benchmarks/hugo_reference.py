"""Hugo's build time on this machine: `python benchmarks/hugo_reference.py --sizes 1000,10000`.

The targets in benchmarks/README.md are set against Hugo measured on the same machine ("Hugo builds
1,000 markdown pages with two taxonomies in 0.93 s and 10,000 in 10.0 s, median wall"). Machines
and their pace change, so this script re-measures that reference on the machine at hand.

For each size N it writes, once, a plain Hugo site into benchmarks/work/hugo-N/: Hugo's default
configuration plus two taxonomies (tags, categories), minimal layouts of its own (no theme, no
external resource), and N markdown pages of about 1,000 words in 5 to 15 paragraphs, each with 2 to
4 tags from a pool of about N/10 and one category from a pool of 20. Every random choice comes from
one random.Random(seed), so the same N and seed give the same site byte for byte.

Each build is a cold `hugo` process writing to disk into an empty folder, after `sync`; the median,
min and max wall times of `--repeat` builds are printed as a Markdown table (and with `--json OUT`
written as JSON), with Hugo's version, the page count Hugo reports and the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
# Part of each site's stamp: change it whenever the generated site changes, so that sites written
# by an earlier version are rewritten rather than measured.
GENERATOR_VERSION = "1"
STAMP_NAME = ".generator-stamp"
CATEGORY_POOL = 20
# Hugo's build summary (printed without --quiet) has one row per figure, e.g. "  Pages  |  1234  ".
_PAGES_ROW = re.compile(r"^\s*Pages\s*\|\s*(\d+)\s*$", re.MULTILINE)

# Words that name things, for titles, tags and categories.
_NAMING_TEXT = """
security alliance partners cooperation defence strategy regional global military political
economic diplomatic order stability tension pressure interests influence power balance deterrence
containment rivalry competition engagement presence exercises forces troops navy maritime air
capabilities technology cyber space supply trade investment markets growth sanctions energy
resources dialogue talks framework mechanism institutions architecture network commitment
obligations principles values rules norms sovereignty territory borders region theatre frontier
crisis conflict war peace threat risk challenge response approach policy agenda priorities concept
doctrine posture initiative programme summit ministers leaders officials government parliament
public opinion debate analysts observers critics scholars media report statement declaration
document assessment review plan vision goal enlargement integration coordination consultation
intelligence interoperability training procurement spending budget industry
"""
# The rest of the text: function words, adjectives and verbs.
_OTHER_TEXT = """
a an the of to and in for on with by from as at into over under between among against toward
about across within beyond through during after before despite since while because
is are was were be been has have had does did will would could should might must can
not only also even still already further more most less very much many several some
this that these those its their which who what when where how why
new long wide broad deep close direct open formal informal growing rising shifting emerging
existing collective common shared mutual joint bilateral multilateral major key central primary
significant important critical clear uncertain potential likely serious limited stronger weaker
seeks aims argues claims suggests shows remains becomes makes takes gives builds holds raises faces
calls views sees frames supports opposes warns expects develops strengthens extends limits shapes
"""
NAMING_WORDS = _NAMING_TEXT.split()
VOCABULARY = NAMING_WORDS + _OTHER_TEXT.split()

HUGO_CONFIG = """\
baseURL = "/"
title = "Hugo reference site"

[taxonomies]
tag = "tags"
category = "categories"
"""

# Hugo 0.111 layouts: `single` renders regular pages, `terms` the list of a taxonomy's terms, and
# `list` the home page, the section and each term's page.
LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
""",
    "single.html": """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .GetTerms "categories" }}<p>Category:
{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>
{{ end }}</p>{{ end }}
{{ with .GetTerms "tags" }}<ul class="tags">
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{ end }}</ul>{{ end }}
{{ .Content }}
</article>
{{ end }}
""",
    "list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{ end }}</ul>
{{ end }}
""",
    "terms.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
}


@dataclass
class SizeResult:
    markdown_pages: int
    hugo_pages: int | None
    walls: list[float]
    median: float
    min: float
    max: float


def distinct_names(rng: random.Random, count: int, words_per_name: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(" ".join(rng.sample(NAMING_WORDS, words_per_name)))
    # Sets iterate in hash order, which varies between processes: sort for a reproducible site.
    return sorted(names)


def sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, word_count: int) -> str:
    sentences = []
    while word_count > 0:
        length = min(word_count, rng.randint(8, 24))
        sentences.append(sentence(rng, length))
        word_count -= length
    return " ".join(sentences)


def markdown_page(rng: random.Random, tags: list[str], categories: list[str]) -> str:
    title = " ".join(rng.choice(NAMING_WORDS) for _ in range(rng.randint(3, 7))).capitalize()
    date = dt.datetime(2015, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(5_000_000))
    page_tags = rng.sample(tags, rng.randint(2, 4))
    category = rng.choice(categories)
    paragraph_count = rng.randint(5, 15)
    words_left = rng.randint(950, 1050)
    paragraphs = []
    for remaining_paragraphs in range(paragraph_count, 0, -1):
        share = words_left // remaining_paragraphs
        paragraphs.append(paragraph(rng, share))
        words_left -= share
    front_matter = [
        "---",
        f'title: "{title}"',
        f"date: {date.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "tags: [" + ", ".join(f'"{tag}"' for tag in page_tags) + "]",
        f'categories: ["{category}"]',
        "---",
    ]
    return "\n".join(front_matter) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_site(site: Path, page_count: int, seed: int) -> None:
    """Write the site for `page_count` pages, unless the one already there was written alike."""
    stamp_text = f"pages={page_count} seed={seed} generator={GENERATOR_VERSION}\n"
    stamp = site / STAMP_NAME
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == stamp_text:
        return
    if site.exists():
        shutil.rmtree(site)
    rng = random.Random(seed)
    tags = distinct_names(rng, max(4, round(page_count / 10)), 2)
    categories = distinct_names(rng, CATEGORY_POOL, 1)
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    posts = site / "content" / "posts"
    posts.mkdir(parents=True)
    for number in range(1, page_count + 1):
        page = markdown_page(rng, tags, categories)
        (posts / f"post-{number:05d}.md").write_text(page, encoding="utf-8")
    # Written last, so that a site left half-written by an interrupted run is never reused.
    stamp.write_text(stamp_text, encoding="utf-8")


def build_once(hugo: str, site: Path, destination: Path) -> tuple[float, int | None]:
    """Wall time of one cold build into an emptied `destination`, and Hugo's page count."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    # Without --quiet Hugo prints its build summary, whose Pages row is the page count; that table
    # is a few hundred bytes, captured here and not shown, so it costs nothing measurable.
    command = [
        hugo,
        "--source",
        str(site),
        "--destination",
        str(destination),
        "--cleanDestinationDir",
    ]
    # The previous build's output may still be on its way to the disk: flush it first, so that no
    # build is timed while the kernel writes back the one before it.
    os.sync()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-5:])
        raise SystemExit(f"hugo exited {done.returncode} on {site}: {tail}")
    pages = _PAGES_ROW.search(done.stdout)
    return wall, int(pages.group(1)) if pages else None


def measure(hugo: str, page_count: int, repeat: int, seed: int) -> SizeResult:
    site = WORK / f"hugo-{page_count}"
    write_site(site, page_count, seed)
    destination = WORK / f"hugo-{page_count}-public"
    runs = [build_once(hugo, site, destination) for _ in range(repeat)]
    walls = [wall for wall, _ in runs]
    return SizeResult(
        markdown_pages=page_count,
        hugo_pages=runs[-1][1],
        walls=walls,
        median=statistics.median(walls),
        min=min(walls),
        max=max(walls),
    )


def machine() -> dict[str, str | int]:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory": memory}


def hugo_version(hugo: str) -> str:
    done = subprocess.run([hugo, "version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def markdown_report(
    measured_at: str, version: str, host: dict[str, str | int], results: list[SizeResult]
) -> str:
    lines = [
        f"Measured at {measured_at} with {version}",
        f"Machine: {host['cpu']}, {host['cores']} cores, {host['memory']}",
        "",
        "| Markdown pages | Hugo pages | Runs | Median wall (s) | Min (s) | Max (s) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        hugo_pages = "?" if result.hugo_pages is None else f"{result.hugo_pages:,}"
        lines.append(
            f"| {result.markdown_pages:,} | {hugo_pages} | {len(result.walls)} "
            f"| {result.median:.3f} | {result.min:.3f} | {result.max:.3f} |"
        )
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers, e.g. 1000,10000")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[1000, 10000], help="e.g. 1000,10000")
    parser.add_argument("--repeat", type=int, default=3, help="builds per size (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated sites")
    parser.add_argument("--hugo", help="path to the hugo binary (default: hugo on PATH)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    hugo = shutil.which(args.hugo or "hugo")
    if hugo is None:
        print(
            f"{args.hugo or 'hugo'} not found: install Debian's package with "
            "`apt-get install -y hugo`, or pass --hugo PATH",
            file=sys.stderr,
        )
        return 2
    version = hugo_version(hugo)
    host = machine()
    measured_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    results = [measure(hugo, size, args.repeat, args.seed) for size in args.sizes]
    print(markdown_report(measured_at, version, host, results))
    if args.json:
        figures = {
            "measured_at": measured_at,
            "hugo": version,
            "machine": host,
            "seed": args.seed,
            "results": [asdict(result) for result in results],
        }
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
