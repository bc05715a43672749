"""Two or more checkouts built in alternation on the same synthetic corpora, to compare them.

    python benchmarks/compare_commits.py before=/path/to/old/checkout after=. \\
        --sizes 1000,10000 --pairs 3,2 --work /tmp/compare

Each LABEL=DIR names a folder holding `src/natocorpus` (a checkout, or a copy of one with a change
to measure). For each size, `synth.py` writes one corpus (seed 1) into the work folder. Each round
builds it with every checkout in turn (A, B, A, B, ...), so that every checkout is measured at the
machine's pace of the same minutes: first `--pairs` rounds of full builds without search into an
emptied folder, then `--edits` rounds of rebuilds without search into the site each checkout
built, after the one-article edit of run.py (a different edit each round; undone after each
rebuild). Each build runs `natocorpus.cli.run` (the installed command) in a fresh process with
PYTHONPATH at that checkout's src and its bytecode compiled first, and records:

- wall: seconds from start to exit;
- cpu: user + system seconds of the process and every child it waited for (a detached process,
  such as the remover of a replaced site, is not counted);
- rss: the peak resident set of the largest of those processes (ru_maxrss).

Before each build the disk is flushed (`sync`), and the removal of a replaced site by a process of
its own is waited for. Every run is appended to `runs.jsonl` in the work folder; at the end, the
medians and ranges of each figure, and the median of each round's ratio to the first checkout,
are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import article_edit  # noqa: E402
import run  # noqa: E402
import synth  # noqa: E402

KINDS = ("full", "edit")
FIGURES = ("wall", "cpu", "rss")
# As the installed `natocorpus` command (`cli.run`), with this checkout's code.
_MAIN = "import sys; from natocorpus.cli import run; sys.exit(run())"


def build(code: Path, corpus: Path, out: Path, timeout: float) -> dict[str, Any]:
    """One `natocorpus build --no-search` with the code in CODE/src, in a process of its own."""
    templates = code / "templates" if (code / "templates").is_dir() else ROOT / "templates"
    command = [str(run.VENV_PYTHON), "-c", _MAIN, "build", "--corpus", str(corpus)]
    command += ["--templates", str(templates), "--out", str(out), "--no-search", "--timings"]
    env = dict(os.environ, PYTHONPATH=str(code / "src"))
    os.sync()
    log = out.parent / f"{out.name}.log"
    with log.open("w") as sink:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=env, cwd=code)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = log.read_text().strip().splitlines()[-5:]
        raise run.BuildFailedError(f"{code}: exit {child.returncode}: " + " | ".join(tail))
    removal = run.removal_time(out, timeout)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss / 1024,
        "removal": removal,
    }


def measure(
    codes: dict[str, Path],
    sizes: list[int],
    pairs: list[int],
    edits: list[int],
    work: Path,
    timeout: float,
) -> list[dict[str, Any]]:
    """At each size, `pairs` rounds of full builds, then `edits` rounds of one-edit rebuilds into
    the site each checkout built last (each round's edit differs from the one before, so that
    every rebuild has one article changed)."""
    runs: list[dict[str, Any]] = []
    log = work / "runs.jsonl"

    def note(record: dict[str, Any]) -> None:
        runs.append(record)
        with log.open("a") as sink:
            sink.write(json.dumps(record) + "\n")
        print(
            f"N={record['n']:,} round {record['round'] + 1} {record['label']:>12}"
            f" {record['kind']:<5} wall {record['wall']:7.2f} s  cpu {record['cpu']:7.2f} s"
            f"  rss {record['rss']:6.0f} MiB  removal {record['removal']:5.2f} s",
            flush=True,
        )

    for n, full_rounds, edit_rounds in zip(sizes, pairs, edits, strict=True):
        corpus = work / f"corpus-{n}"
        if not (corpus / "articles").is_dir():
            print(f"generating {n} articles into {corpus}", flush=True)
            synth.generate(n, corpus, 1)
        edit = article_edit.find_edit(corpus)
        sites = {label: work / f"site-{n}-{label}" for label in codes}
        try:
            for attempt in range(full_rounds):
                for label, code in codes.items():
                    if sites[label].exists():
                        shutil.rmtree(sites[label])
                    figures = build(code, corpus, sites[label], timeout)
                    note({"n": n, "round": attempt, "label": label, "kind": "full"} | figures)
            for attempt in range(edit_rounds):
                for label, code in codes.items():
                    edit.apply(attempt + 1)
                    try:
                        figures = build(code, corpus, sites[label], timeout)
                    finally:
                        edit.restore()
                    note({"n": n, "round": attempt, "label": label, "kind": "edit"} | figures)
        finally:
            edit.restore()
            for site in sites.values():
                if site.exists():
                    shutil.rmtree(site)
    return runs


def summary(runs: list[dict[str, Any]], reference: str | None = None) -> str:
    """Medians, ranges, and the median of each round's ratio to `reference` (by default the first
    checkout measured)."""
    labels = list(dict.fromkeys(r["label"] for r in runs))
    first = reference or labels[0]
    lines = [
        "| Articles | Build | Checkout | Runs | Wall (range) | CPU user+sys (range) | Peak RSS "
        f"(range) | Wall / {first} | CPU / {first} | RSS / {first} |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n in sorted({r["n"] for r in runs}):
        for kind in KINDS:
            for label in labels:
                mine = [r for r in runs if (r["n"], r["kind"], r["label"]) == (n, kind, label)]
                if not mine:
                    continue
                cells = [f"{n:,}", "full" if kind == "full" else "1 edit", label, str(len(mine))]
                for figure, unit, digits in (("wall", "s", 2), ("cpu", "s", 2), ("rss", "MiB", 0)):
                    values = [r[figure] for r in mine]
                    cells.append(
                        f"{statistics.median(values):.{digits}f} {unit} "
                        f"({min(values):.{digits}f}-{max(values):.{digits}f})"
                    )
                for figure in FIGURES:
                    ratios = [
                        r[figure] / b[figure]
                        for r in mine
                        for b in runs
                        if (b["n"], b["kind"], b["label"], b["round"])
                        == (n, kind, first, r["round"])
                    ]
                    cells.append("" if label == first else f"{statistics.median(ratios) - 1:+.1%}")
                lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", nargs="+", help="LABEL=DIR, each DIR holding src/natocorpus")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated N values")
    parser.add_argument("--pairs", default="3,2", help="rounds of full builds at each size")
    parser.add_argument("--edits", help="rounds of one-edit rebuilds at each size (as --pairs)")
    parser.add_argument("--work", type=Path, default=run.WORK / "compare", help="work folder")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per build")
    parser.add_argument("--summary-only", action="store_true", help="print the table of runs.jsonl")
    parser.add_argument("--reference", help="the label the others are compared with (the first)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.summary_only:
        lines = (args.work / "runs.jsonl").read_text().splitlines()
        print(summary([json.loads(line) for line in lines if line], args.reference))
        return 0
    codes = {}
    for item in args.checkouts:
        label, _, folder = item.partition("=")
        code = Path(folder).resolve()
        if not (code / "src" / "natocorpus").is_dir():
            parser.error(f"{code} holds no src/natocorpus")
        codes[label] = code
        subprocess.run(
            [str(run.VENV_PYTHON), "-m", "compileall", "-q", str(code / "src")], check=True
        )
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    pairs = [int(p) for p in args.pairs.split(",")]
    edits = [int(e) for e in args.edits.split(",")] if args.edits else list(pairs)
    if len(pairs) == 1:
        pairs *= len(sizes)
    if len(edits) == 1:
        edits *= len(sizes)
    runs = measure(codes, sizes, pairs, edits, args.work, args.timeout)
    print(summary(runs, args.reference))
    return 0


if __name__ == "__main__":
    sys.exit(main())
