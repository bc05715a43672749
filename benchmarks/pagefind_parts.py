"""Pagefind over a built site in parts: `python benchmarks/pagefind_parts.py SITE --parts 4`.

The two targets the search stage misses at 10,000 articles (peak memory under 1 GiB, and a rebuild
after one edit five times faster than the full build) both come from Pagefind indexing every page
in one process, with no incremental mode. What would meet them is an index built in parts, merged
in the browser (Pagefind's `mergeIndex`), of which a rebuild indexes again only the parts whose
indexed text changed. This measures that on a built site, without changing it: the searchable
pages (those with `data-pagefind-body`) are split into N parts by a hash of their path, each part
is hard-linked into a folder of its own under benchmarks/work/, and Pagefind indexes each part in
a fresh process, which reports its wall time and peak memory (ru_maxrss). The whole site is
indexed the same way for comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
sys.path.insert(0, str(HERE.parent / "src"))
from natocorpus.search import pagefind_executable  # noqa: E402

# Runs Pagefind in a fresh child, so that RUSAGE_CHILDREN covers that one index and nothing else.
_TIMED_CHILD = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)
wall = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "code": done.returncode, "peak_kib": peak, "err": done.stderr}))
"""


def searchable_pages(site: Path) -> list[str]:
    """The pages Pagefind indexes: those whose markup marks a body to index."""
    found = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if not relative.startswith("pagefind/") and b"data-pagefind-body" in path.read_bytes():
            found.append(relative)
    return found


def part_of(page: str, parts: int) -> int:
    return int.from_bytes(hashlib.sha256(page.encode()).digest()[:4], "big") % parts


def linked_copy(site: Path, pages: list[str], folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    for page in pages:
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(site / page, target)


def index(folder: Path) -> dict[str, float]:
    command = [str(pagefind_executable()), "--site", str(folder), "--output-subdir", "pagefind"]
    command += ["--force-language", "en", "--silent"]
    os.sync()
    child = subprocess.run(
        [sys.executable, "-c", _TIMED_CHILD, json.dumps(command)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(child.stdout)
    if result["code"] != 0:
        raise SystemExit(f"pagefind exited {result['code']} on {folder}: {result['err'][-500:]}")
    return {"wall": result["wall"], "peak_mib": result["peak_kib"] / 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a site natocorpus built")
    parser.add_argument("--parts", type=int, default=4)
    args = parser.parse_args(argv)
    pages = searchable_pages(args.site)
    groups: list[list[str]] = [[] for _ in range(args.parts)]
    for page in pages:
        groups[part_of(page, args.parts)].append(page)
    rows = []
    started = time.perf_counter()
    for label, group in [("whole", pages), *((f"part {i + 1}", g) for i, g in enumerate(groups))]:
        folder = WORK / "pagefind-parts" / label.replace(" ", "-")
        linked_copy(args.site, group, folder)
        figures = index(folder)
        rows.append((label, len(group), figures["wall"], figures["peak_mib"]))
        shutil.rmtree(folder)
    print(f"{len(pages):,} searchable pages of {args.site}, in {args.parts} parts by path hash")
    print("| Index | Pages | Wall | Peak memory |")
    print("|---|---:|---:|---:|")
    for label, count, wall, peak in rows:
        print(f"| {label} | {count:,} | {wall:.2f} s | {peak:,.0f} MiB |")
    parts = rows[1:]
    print(
        f"Parts: {sum(r[2] for r in parts):.2f} s in all, the largest peak "
        f"{max(r[3] for r in parts):,.0f} MiB ({time.perf_counter() - started:.0f} s with copying)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
