"""Benchmark harness: `python benchmarks/run.py` (every size), `--sizes 5,1000 --repeat 1` (quick).

For each size N (5 is the real corpus, copied; the others are synthetic corpora written by
synth.py into benchmarks/work/), it measures, each figure `--repeat` times and reported as the
median, from cold processes:

- natocorpus's full build without search, then Hugo's and Pelican's builds of the same articles
  (reference_sites.py), one after the other in every round: wall time, CPU time (user + system of
  the process and every child it waited for) and peak RSS (of its largest process), and the
  ratios of natocorpus's figures to theirs, round by round;
- natocorpus's rebuild after a one-article edit, without search, into the site just built;
- natocorpus's full build with search, the rebuild with nothing changed and the one-edit rebuild,
  both with search, with the `--timings` stages, the output's size and its largest HTML page;
- from 1,000 to 10,000 articles, pairs of full builds without search, one size after the other.

Then, on the real corpus's site, the reader-side figures (reader_side.py). The results go into
benchmarks/work/results.json (merged by size across runs) and into benchmarks/README.md between the
results markers, with issue 25's targets marked met or not met (report.py).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import functools
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
README = HERE / "README.md"
RESULTS = WORK / "results.json"
LOGS = WORK / "logs"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PELICAN_VENV = WORK / "pelican-venv"
TEMPLATES = ROOT / "templates"
REAL_CORPUS = ROOT / "corpus"
# As the installed `natocorpus` command (`cli.run`), with this checkout's code (PYTHONPATH).
_MAIN = "import sys; from natocorpus.cli import run; sys.exit(run())"
_TIMING_LINE = re.compile(r"^([a-z]+)\s+(\d+(?:\.\d+)?)\s*$")
GROWTH_PAIR = (1000, 10000)

sys.path.insert(0, str(HERE))
import reader_side  # noqa: E402
import reference_sites  # noqa: E402
import report  # noqa: E402
import synth  # noqa: E402

# split_front too: tests/test_parallel_build.py imports both from here.
from article_edit import find_edit, split_front  # noqa: E402, F401


class BuildFailedError(RuntimeError):
    pass


@dataclass
class Usage:
    """One build's figures: wall seconds, CPU seconds (user + system of the process and every
    child it waited for) and the peak resident set of the largest of them, in KiB."""

    wall: float
    cpu: float
    peak_kib: int


@dataclass
class Run(Usage):
    stages: dict[str, float] = field(default_factory=dict)
    # Seconds from the command's end until the site it replaced was gone: the installed command
    # leaves its removal to a process of its own, which the harness waits for before going on.
    removal: float = 0.0


def _stop(pid: int) -> None:
    """End a build and the workers it started (its own process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def timed(
    name: str, command: list[str], log: Path, timeout: float, env: dict[str, str] | None = None
) -> Usage:
    """Run COMMAND in a process group of its own, its output into LOG, and measure it with
    wait4. Ctrl-C reaches only the harness, which ends the build before it stops."""
    # The previous build's output (2 GB at 10,000) may still be on its way to the disk: flush it
    # first, so that no build is timed while the kernel writes back the one before it.
    os.sync()
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as sink:
        started = time.perf_counter()
        child = subprocess.Popen(
            command,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        timer = threading.Timer(timeout, _stop, (child.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        except BaseException:
            _stop(child.pid)
            os.waitpid(child.pid, 0)
            child.returncode = -1
            raise
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
    child.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        if wall >= timeout:
            raise BuildFailedError(f"{name} was stopped after the --timeout of {timeout:.0f} s")
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        # The last lines that say something: without natocorpus's stage timings.
        lines = [line.strip() for line in lines if not _TIMING_LINE.match(line.strip())]
        tail = " | ".join(lines[-5:])
        raise BuildFailedError(f"{name} exited {code} (whole output in {log}): {tail}")
    return Usage(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def run_build(corpus: Path, out: Path, *, search: bool, timeout: float) -> Run:
    command = [str(VENV_PYTHON), "-c", _MAIN, "build", "--corpus", str(corpus)]
    command += ["--templates", str(TEMPLATES), "--out", str(out), "--timings"]
    command += [] if search else ["--no-search"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    log = LOGS / f"{out.name}.log"
    usage = timed(f"natocorpus build of {corpus.name}", command, log, timeout, env)
    stages = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _TIMING_LINE.match(line.strip())
        if match and match.group(1) != "total":
            stages[match.group(1)] = float(match.group(2))
    return Run(**asdict(usage), stages=stages, removal=removal_time(out, timeout))


def removal_time(out: Path, timeout: float) -> float:
    """How long the site a build replaced took to go after the build ended (it is moved aside
    into a `.NAME.retired-*` folder beside the output, then emptied of its files in the
    background, its folders kept in the new site's `.natocorpus-cache/folders`, which the process
    emptying them holds locked), waited for so that no build is timed while it is removed."""
    started = time.perf_counter()
    kept = out / ".natocorpus-cache" / "folders"
    while any(out.parent.glob(f".{out.name}.retired-*")) or _locked(kept):
        if time.perf_counter() - started > timeout:
            raise BuildFailedError(f"the site replaced in {out} was not removed in {timeout} s")
        time.sleep(0.02)
    return time.perf_counter() - started


def _locked(folder: Path) -> bool:
    """Whether a process holds `folder`'s lock (`flock`)."""
    try:
        opened = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(opened, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(opened)
    return False


def clean_build(corpus: Path, out: Path, *, search: bool, timeout: float) -> Run:
    """A full build, into an output folder emptied first."""
    if out.exists():
        shutil.rmtree(out)
    return run_build(corpus, out, search=search, timeout=timeout)


# Hugo and Pelican --------------------------------------------------------------------------


@dataclass
class Tools:
    """The reference tools available in this run: a path, or the reason there is none."""

    hugo: str | None
    pelican: Path | None
    reasons: dict[str, str]
    versions: dict[str, str]


def find_tools(use_hugo: bool, use_pelican: bool) -> Tools:
    reasons: dict[str, str] = {}
    versions: dict[str, str] = {}
    hugo = shutil.which("hugo") if use_hugo else None
    if not use_hugo:
        reasons["hugo"] = "skipped with --no-hugo"
    elif hugo is None:
        reasons["hugo"] = "hugo is not installed (apt-get install -y hugo)"
    else:
        versions["hugo"] = reference_sites.tool_version([hugo, "version"]).removeprefix("hugo ")
    pelican = None
    if not use_pelican:
        reasons["pelican"] = "skipped with --no-pelican"
    else:
        try:
            pelican = reference_sites.pelican_venv(PELICAN_VENV, VENV_PYTHON)
            versions["pelican"] = reference_sites.tool_version(
                [str(pelican / "bin" / "pelican"), "--version"]
            )
        except reference_sites.ReferenceUnavailableError as exc:
            reasons["pelican"] = str(exc)
            print(f"  Pelican not measured: {exc}", file=sys.stderr, flush=True)
    return Tools(hugo, pelican, reasons, versions)


@dataclass
class Reference:
    """One tool's builds of one size's site, or why there are none."""

    name: str
    build: Callable[[], Usage] | None
    runs: list[Usage] = field(default_factory=list)
    reason: str = ""

    def measure(self, n: int, attempt: int) -> None:
        if self.build is None:
            return
        try:
            self.runs.append(self.build())
        except BuildFailedError as failure:
            self.build, self.reason = None, str(failure)
            print(f"  N={n:,} {self.name} not measured: {failure}", file=sys.stderr, flush=True)
            return
        show(n, attempt, self.name, self.runs[-1])

    def result(self) -> dict[str, Any]:
        if not self.runs or self.build is None:
            return {"measured": False, "reason": self.reason or "not run"}
        return {
            "measured": True,
            "wall": statistics.median(r.wall for r in self.runs),
            "cpu": statistics.median(r.cpu for r in self.runs),
            "peak_kib": int(statistics.median(r.peak_kib for r in self.runs)),
            "runs": [asdict(r) for r in self.runs],
        }


def references(tools: Tools, corpus: Path, n: int, timeout: float) -> list[Reference]:
    """Hugo's and Pelican's builds of the corpus's articles, each into an emptied folder."""
    stamp = (WORK / f"corpus-{n}.stamp").read_text() if n != 5 else f"real={tree_digest(corpus)}"
    hugo_site, pelican_site = reference_sites.write_sites(corpus, WORK / f"reference-{n}", stamp)
    ids = [path.stem for path in sorted((pelican_site / "content").glob("*.md"))]

    def checked(name: str, command: list[str], out: Path, pages: Callable[[], int]) -> Usage:
        if out.exists():
            shutil.rmtree(out)
        usage = timed(name, command, LOGS / f"{out.parent.name}-{out.name}.log", timeout)
        if pages() != len(ids):
            raise BuildFailedError(f"{name} wrote {pages()} article pages of {len(ids)}")
        return usage

    found = []
    if tools.hugo:
        hugo_out = WORK / f"reference-{n}" / "hugo-public"
        hugo_command = reference_sites.hugo_command(tools.hugo, hugo_site, hugo_out)
        hugo_pages = functools.partial(reference_sites.hugo_article_pages, hugo_out)
        build = functools.partial(checked, "hugo", hugo_command, hugo_out, hugo_pages)
        found.append(Reference("hugo", build))
    else:
        found.append(Reference("hugo", None, reason=tools.reasons["hugo"]))
    if tools.pelican:
        pelican_out = WORK / f"reference-{n}" / "pelican-output"
        pelican_command = reference_sites.pelican_command(tools.pelican, pelican_site, pelican_out)
        pelican_pages = functools.partial(reference_sites.pelican_article_pages, pelican_out, ids)
        build = functools.partial(checked, "pelican", pelican_command, pelican_out, pelican_pages)
        found.append(Reference("pelican", build))
    else:
        found.append(Reference("pelican", None, reason=tools.reasons["pelican"]))
    return found


def tree_digest(folder: Path) -> str:
    """A digest of every file under FOLDER, its path and its bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# Corpora -----------------------------------------------------------------------------------


def prepare_corpus(n: int, seed: int) -> Path:
    """The real corpus (copied, so edits never touch it) for 5, a generated one otherwise."""
    WORK.mkdir(parents=True, exist_ok=True)
    if n == 5:
        target = WORK / "corpus-real"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(REAL_CORPUS, target)
        return target
    target = WORK / f"corpus-{n}"
    stamp = WORK / f"corpus-{n}.stamp"
    wanted = f"seed={seed} synth={hash_file(HERE / 'synth.py')}"
    if not target.is_dir() or not stamp.is_file() or stamp.read_text() != wanted:
        print(f"  generating {n} articles into {target.relative_to(ROOT)}", flush=True)
        stamp.unlink(missing_ok=True)  # a corpus left half-written is never taken as whole
        synth.generate(n, target, seed)
        stamp.write_text(wanted)
    return target


def measured_apart(records: Path) -> dict[str, float]:
    """`synth.measure_density` in a process of its own. Loaded here, a large site's records.json
    (270 MB at 10,000 articles) would grow this process past a gigabyte, and Linux counts the
    peak resident set of a process in the peak of every child it forks after (the forked memory's
    high-water mark is kept across exec): every build measured after would report it as its own
    (a child that only runs /bin/true reports 613 MiB after a 600 MB peak here)."""
    code = (
        "import json, pathlib, sys, synth;"
        " print(json.dumps(synth.measure_density(pathlib.Path(sys.argv[1]))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(records)],
        cwd=HERE,
        capture_output=True,
        text=True,
        check=True,
    )
    density: dict[str, float] = json.loads(done.stdout)
    return density


def hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


# natocorpus and the references, size by size ---------------------------------------------


def output_stats(site: Path) -> dict[str, Any]:
    total, files, largest, largest_path = 0, 0, 0, ""
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        if path.suffix == ".html" and size > largest:
            largest, largest_path = size, str(path.relative_to(site))
    return {"bytes": total, "files": files, "largest_html": largest, "largest_path": largest_path}


def summary(runs: list[Run]) -> dict[str, Any]:
    return {
        "wall": statistics.median(r.wall for r in runs),
        "cpu": statistics.median(r.cpu for r in runs),
        "peak_kib": int(statistics.median(r.peak_kib for r in runs)),
        "stages": {
            stage: statistics.median(r.stages.get(stage, 0.0) for r in runs)
            for stage in dict.fromkeys(s for r in runs for s in r.stages)
        },
        # Per run, then the median: the stage medians come from different runs.
        "outside": statistics.median(r.wall - sum(r.stages.values()) for r in runs),
        "removal": statistics.median(r.removal for r in runs),
        "runs": [{"wall": r.wall, "cpu": r.cpu, "peak_kib": r.peak_kib} for r in runs],
    }


def measure_size(n: int, repeat: int, seed: int, timeout: float, tools: Tools) -> dict[str, Any]:
    """Every figure of one size, `repeat` rounds. In each round natocorpus's full build without
    search, Hugo's and Pelican's builds run one after the other, so that the ratios are taken at
    one moment's pace of the machine."""
    corpus = prepare_corpus(n, seed)
    out = WORK / f"site-{n}"
    kinds = ("full_no_search", "edited_no_search", "full", "nochange", "edited")
    runs: dict[str, list[Run]] = {kind: [] for kind in kinds}
    others = references(tools, corpus, n, timeout)
    edit = find_edit(corpus)
    stats: dict[str, Any] = {}
    density: dict[str, float] | None = None

    def build(kind: str, attempt: int, search: bool, clean: bool = False) -> None:
        runs[kind].append(
            (clean_build if clean else run_build)(corpus, out, search=search, timeout=timeout)
        )
        show(n, attempt, kind, runs[kind][-1])

    try:
        for attempt in range(repeat):
            build("full_no_search", attempt, False, clean=True)
            # natocorpus's own part of an edit: into the site it has just built without search.
            edit.apply(2 * attempt + 1)
            build("edited_no_search", attempt, False)
            edit.restore()
            for reference in others:
                reference.measure(n, attempt)
            build("full", attempt, True, clean=True)
            build("nochange", attempt, True)
            if attempt == 0:  # the site of the unedited corpus, search included
                stats = output_stats(out)
                records = out / "data" / "records.json"
                density = measured_apart(records) if records.is_file() else None
            edit.apply(2 * attempt + 2)
            build("edited", attempt, True)
            edit.restore()
    finally:
        edit.restore()
    result: dict[str, Any] = {
        "n": n,
        "repeat": repeat,
        "measured": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "corpus": str(corpus.relative_to(ROOT)),
        "edit": f"{edit.article.name} (word {edit.line[edit.word_start : edit.word_end]!r})",
    }
    result |= {kind: summary(items) for kind, items in runs.items()}
    result["references"] = {reference.name: reference.result() for reference in others}
    result["output"] = stats
    if density:
        result["density"] = density
    return result


def measure_growth(small: int, big: int, rounds: int, seed: int, timeout: float) -> dict[str, Any]:
    """Growth from `small` to `big` articles, from full builds without search at the two sizes
    run one after the other, `rounds` times: each pair is measured at the machine's pace of the
    moment, which drifts over the minutes between one size's runs and the other's."""
    corpora = {n: prepare_corpus(n, seed) for n in (small, big)}
    pairs: list[tuple[float, float]] = []
    cpu_pairs: list[tuple[float, float]] = []
    for attempt in range(rounds):
        found = []
        for n, corpus in corpora.items():
            run = clean_build(corpus, WORK / f"site-{n}", search=False, timeout=timeout)
            show(n, attempt, f"growth {small:,} -> {big:,}", run)
            found.append(run)
        pairs.append((found[0].wall, found[1].wall))
        cpu_pairs.append((found[0].cpu, found[1].cpu))
    return {
        "small": small,
        "big": big,
        "pairs": pairs,
        "cpu_pairs": cpu_pairs,
        "measured": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def show(n: int, attempt: int, kind: str, run: Usage) -> None:
    stages = " ".join(f"{k}={v:.2f}" for k, v in getattr(run, "stages", {}).items())
    print(
        f"  N={n:,} #{attempt + 1} {kind:<18} {run.wall:7.2f} s wall {run.cpu:7.2f} s CPU "
        f"{run.peak_kib / 1024:6.0f} MiB  {stages}",
        flush=True,
    )


def show_ratios(result: dict[str, Any]) -> None:
    """The size's ratios as soon as it is measured."""
    n, parts = result["n"], []
    for tool in report.REFERENCES:
        wall, cpu = report.against(result, tool, "wall"), report.against(result, tool, "cpu")
        if wall is not None and cpu is not None:
            parts.append(f"{report.NAMES[tool]}: x{wall:.2f} wall, x{cpu:.2f} CPU")
    speedup = report.edit_speedup(result)
    if speedup:
        parts.append(f"one-edit rebuild x{speedup:.1f} faster than the full build")
    print(
        f"  N={n:,} natocorpus (no search) against " + "; ".join(parts or ["nothing"]), flush=True
    )


# Machine and main --------------------------------------------------------------------------


def save(data: dict[str, Any]) -> None:
    RESULTS.write_text(json.dumps(data, indent=1), encoding="utf-8")


def measure(args: argparse.Namespace, sizes: list[int], data: dict[str, Any]) -> int:
    """Every size, then the growth pairs; each result saved as soon as it is measured. Returns
    the number of sizes whose natocorpus build failed."""
    tools = find_tools(not args.no_hugo, not args.no_pelican)
    data["versions"] = tools.versions
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    failures = 0
    for n in sizes:
        repeat = 1 if args.quick and n >= 10000 else args.repeat
        print(f"N={n:,}: {repeat} round(s) of each figure", flush=True)
        try:
            result = measure_size(n, repeat, args.seed, args.timeout, tools)
        except BuildFailedError as failure:
            failures += 1
            print(f"  N={n:,} not measured: {failure}", file=sys.stderr, flush=True)
            continue
        here = data["machine"]
        result["commit"] = here["commit"] + (" (plus uncommitted changes)" if here["dirty"] else "")
        result["run"] = started
        data["sizes"][str(n)] = result
        show_ratios(result)
        if n == 5:
            site = WORK / "site-5"
            data["reader"] = {"article_page": reader_side.article_page_weight(site)}
            data["reader"]["search"] = (
                {"measured": False, "reason": "skipped with --no-browser"}
                if args.no_browser
                else reader_side.safe_search_transfer(site)
            )
            print(f"  reader side: {json.dumps(data['reader'])}", flush=True)
        save(data)
    small, big = GROWTH_PAIR
    if args.growth_pairs > 0 and {small, big} <= set(sizes) and not failures:
        print(f"Growth {small:,} -> {big:,}: {args.growth_pairs} pair(s)", flush=True)
        data.setdefault("growth", {})[f"{small}-{big}"] = measure_growth(
            small, big, args.growth_pairs, args.seed, args.timeout
        )
        save(data)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="5,100,1000,10000", help="comma-separated N values")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of each figure (median)")
    parser.add_argument("--quick", action="store_true", help="one round only at N >= 10,000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per build")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measure")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo's builds")
    parser.add_argument("--no-pelican", action="store_true", help="skip Pelican's builds")
    parser.add_argument("--fresh", action="store_true", help="forget earlier sizes' results")
    parser.add_argument(
        "--growth-pairs",
        type=int,
        default=3,
        help="pairs of full builds, 1,000 then 10,000 articles, for the growth figure (0: none)",
    )
    parser.add_argument(
        "--note", help="a line put first in the README's results (e.g. how loaded the machine was)"
    )
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the README from results.json only"
    )
    args = parser.parse_args(argv)
    if args.report_only:
        report.write_readme(README, report.render_results(json.loads(RESULTS.read_text())))
        return 0
    try:
        sizes = sorted({int(s.strip().replace("_", "")) for s in args.sizes.split(",")})
    except ValueError:
        parser.error(f"--sizes takes numbers separated by commas, e.g. 5,1000: {args.sizes!r}")
    if args.repeat < 1 or min(sizes) < 1:
        parser.error("--repeat and every size must be at least 1")
    if not VENV_PYTHON.exists():
        parser.error(f"{VENV_PYTHON} is missing: create the venv first (make setup)")

    # Measure the program as installed (make setup, pip install), with our modules compiled: an
    # editable checkout whose bytecode is older than its sources would compile them again in
    # every cold process where PYTHONDONTWRITEBYTECODE is set.
    subprocess.run([str(VENV_PYTHON), "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    WORK.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {"sizes": {}, "reader": {}}
    if RESULTS.is_file() and not args.fresh:
        data = json.loads(RESULTS.read_text(encoding="utf-8"))
    data["machine"] = report.machine(ROOT, VENV_PYTHON)
    data["note"] = args.note or ""
    try:
        failures = measure(args, sizes, data)
    except KeyboardInterrupt:
        print(
            "\nInterrupted: any build running was stopped and any corpus edit undone. The sizes "
            f"measured in full are saved in {RESULTS.relative_to(ROOT)}; the README is unchanged "
            "(`--report-only` writes it from them).",
            file=sys.stderr,
        )
        return 130
    text = report.render_results(data)
    report.write_readme(README, text)
    print(text)
    if failures:
        print(f"{failures} size(s) not measured: see the messages above.", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
