"""The results block of benchmarks/README.md, written from benchmarks/work/results.json.

The targets are issue 25's, each judged on figures of one harness run where it can be: ratios to
Hugo and Pelican come from builds run in alternation with natocorpus's, round by round, so that a
figure means the same on any machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import statistics
import subprocess
from pathlib import Path
from typing import Any

START, END = "<!-- results:start -->", "<!-- results:end -->"
# In table order.
STAGES = ("load", "annotate", "link", "render", "records", "write", "index", "swap")
REFERENCES = ("hugo", "pelican")
NAMES = {"hugo": "Hugo", "pelican": "Pelican"}
# Issue 25's "Done when".
HUGO_LIMIT = 2.0  # full build without search, natocorpus / Hugo wall time
PELICAN_CPU_SHARE = 1 / 3  # natocorpus's CPU per article / Pelican's
GROWTH_LIMIT = 10.5  # time at 10,000 / time at 1,000 articles
MEMORY_LIMIT_KIB = 2**20  # 1 GiB
EDIT_SPEEDUP = 10.0  # full build / one-article edit rebuild, both without search
REAL_WITH_SEARCH = 0.4  # seconds, the real corpus's full build with search, cold


def machine(root: Path, venv_python: Path) -> dict[str, str]:
    """The machine, the Python that runs natocorpus and the commit measured."""
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    python = subprocess.run(
        [str(venv_python), "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        # This README is rewritten by the harness itself, so it does not count as a change.
        [
            "git",
            "-C",
            str(root),
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            ".",
            ":(exclude)benchmarks/README.md",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "dirty": "yes" if dirty else "",
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": python or platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"),
        "commit": commit or "unknown",
    }


def fmt_s(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds:.2f} s"


def fmt_bytes(size: float) -> str:
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{int(size)} B"


def fmt_mem(kib: float | None) -> str:
    if kib is None:
        return "n/a"
    return f"{kib / 2**20:.2f} GiB" if kib >= 2**20 else f"{kib / 1024:.0f} MiB"


def fmt_ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{1000 * seconds:.1f} ms"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def reference(result: dict[str, Any], tool: str) -> dict[str, Any] | None:
    found = result.get("references", {}).get(tool)
    return found if found and found.get("measured") else None


def paired(first: list[dict[str, Any]], second: list[dict[str, Any]], figure: str) -> float | None:
    """The median over rounds of first / second: each round's two builds ran one after the other,
    at the machine's pace of that moment."""
    ratios = [
        a[figure] / b[figure]
        for a, b in zip(first, second, strict=False)
        if a.get(figure) and b.get(figure)
    ]
    return statistics.median(ratios) if ratios else None


def against(result: dict[str, Any], tool: str, figure: str) -> float | None:
    """natocorpus's full build without search, over the reference tool's, paired by round."""
    ref = reference(result, tool)
    if ref is None:
        return None
    return paired(result["full_no_search"].get("runs", []), ref["runs"], figure)


def edit_speedup(result: dict[str, Any]) -> float | None:
    if "edited_no_search" not in result:
        return None
    full, edited = result["full_no_search"], result["edited_no_search"]
    return paired(full.get("runs", []), edited.get("runs", []), "wall") or (
        full["wall"] / edited["wall"]
    )


def not_measured(result: dict[str, Any] | None, tool: str) -> str:
    if result is None:
        return "not measured"
    why = result.get("references", {}).get(tool, {}).get("reason", "not run")
    return f"not measured ({NAMES[tool]}: {why})"


class Targets:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []

    def add(self, target: str, figure: str | None, met: bool | None, why: str = "") -> None:
        status = "not measured" if figure is None else ("met" if met else "**not met**")
        self.rows.append([target, figure or (why or "not measured"), status])


def targets(data: dict[str, Any]) -> list[list[str]]:
    results = {int(n): r for n, r in data["sizes"].items()}
    found = Targets()
    for n in (1000, 10000):
        target = f"Full build without search, {n:,} articles: <= {HUGO_LIMIT:g}x Hugo's time"
        r = results.get(n)
        ratio = against(r, "hugo", "wall") if r else None
        if r is None or ratio is None:
            found.add(target, None, None, not_measured(r, "hugo"))
            continue
        hugo = reference(r, "hugo") or {}
        cpu = against(r, "hugo", "cpu")
        figure = (
            f"x{ratio:.2f} ({fmt_s(r['full_no_search']['wall'])} against Hugo's "
            f"{fmt_s(hugo['wall'])}; CPU x{cpu or 0:.2f}: {fmt_s(r['full_no_search'].get('cpu'))} "
            f"against {fmt_s(hugo.get('cpu'))})"
        )
        found.add(target, figure, ratio <= HUGO_LIMIT)
    for n in (1000, 10000):
        target = f"CPU per article, {n:,} articles (no search): <= 1/3 of Pelican's"
        r = results.get(n)
        ratio = against(r, "pelican", "cpu") if r else None
        if r is None or ratio is None:
            found.add(target, None, None, not_measured(r, "pelican"))
            continue
        pelican = reference(r, "pelican") or {}
        figure = (
            f"x{ratio:.2f} of Pelican's ({fmt_ms(r['full_no_search']['cpu'] / n)} against "
            f"{fmt_ms(pelican['cpu'] / n)} per article)"
        )
        found.add(target, figure, ratio <= PELICAN_CPU_SHARE)
    growth_target(found, results, data.get("growth", {}).get("1000-10000"))
    r = results.get(10000)
    if r is None:
        found.add("Peak memory at 10,000 articles (no search): < 1 GiB", None, None)
    else:
        peak = r["full_no_search"]["peak_kib"]
        others = [f"with search {fmt_mem(r['full']['peak_kib'])}"] + [
            f"{NAMES[tool]} {fmt_mem(ref['peak_kib'])}"
            for tool in REFERENCES
            if (ref := reference(r, tool))
        ]
        figure = f"{fmt_mem(peak)} ({'; '.join(others)})"
        found.add(
            "Peak memory at 10,000 articles (no search): < 1 GiB", figure, peak < MEMORY_LIMIT_KIB
        )
    for n in (1000, 10000):
        target = f"One-article edit, {n:,} articles (no search): >= 10x faster than a full build"
        r = results.get(n)
        speedup = edit_speedup(r) if r else None
        if r is None or speedup is None:
            found.add(target, None, None)
            continue
        figure = (
            f"x{speedup:.1f} ({fmt_s(r['edited_no_search']['wall'])} against "
            f"{fmt_s(r['full_no_search']['wall'])})"
        )
        found.add(target, figure, speedup >= EDIT_SPEEDUP)
    real = results.get(5, {}).get("full", {}).get("wall")
    found.add(
        f"Real corpus, full build with search, cold process: < {REAL_WITH_SEARCH} s",
        None if real is None else fmt_s(real),
        real is not None and real < REAL_WITH_SEARCH,
    )
    return found.rows


def growth_target(
    found: Targets, results: dict[int, dict[str, Any]], growth: dict[str, Any] | None
) -> None:
    """10x the articles at most 10.5x the time: decided on pairs of full builds without search,
    1,000 then 10,000 articles, one after the other (each pair at one moment's pace)."""
    target = "10x the articles, 1,000 -> 10,000 (no search): <= 10.5x the time"
    small, big = results.get(1000), results.get(10000)
    from_medians = ""
    if small and big:
        a, b = small["full_no_search"]["wall"], big["full_no_search"]["wall"]
        from_medians = f"from the medians: x{b / a:.1f} ({fmt_s(a)} -> {fmt_s(b)})"
        hugo_small, hugo_big = reference(small, "hugo"), reference(big, "hugo")
        if hugo_small and hugo_big:
            from_medians += f"; Hugo's x{hugo_big['wall'] / hugo_small['wall']:.1f}"
    if growth and growth.get("pairs"):
        ratios = sorted(y / x for x, y in growth["pairs"])
        ratio = statistics.median(ratios)
        cpu = [y / x for x, y in growth.get("cpu_pairs", [])]
        cpu_text = f"; CPU x{statistics.median(cpu):.1f}" if cpu else ""
        figure = (
            f"x{ratio:.1f}, median of {len(ratios)} pairs of builds one after the other "
            f"(x{ratios[0]:.1f} to x{ratios[-1]:.1f}{cpu_text})"
            + (f"; {from_medians}" if from_medians else "")
        )
        found.add(target, figure, ratio <= GROWTH_LIMIT)
    elif small and big:
        ratio = big["full_no_search"]["wall"] / small["full_no_search"]["wall"]
        figure = f"x{ratio:.1f}, {from_medians} (no pairs measured)"
        found.add(target, figure, ratio <= GROWTH_LIMIT)
    else:
        found.add(target, None, None)


def kept_limits(results: dict[int, dict[str, Any]], reader: dict[str, Any]) -> list[list[str]]:
    """The limits of earlier issues that the harness still checks: page weights and search."""
    found = Targets()
    if results:
        worst = max(results.values(), key=lambda r: r["output"].get("largest_html", 0))
        size = worst["output"]["largest_html"]
        found.add(
            "Largest HTML page: < 500 KB",
            f"{fmt_bytes(size)} ({worst['output']['largest_path']} at N={worst['n']:,})",
            size < 500_000,
        )
    page = reader.get("article_page", {})
    found.add(
        "Article page HTML + CSS (real corpus, largest): < 60 KB",
        f"{fmt_bytes(page['bytes'])} ({page['path']})" if page.get("measured") else None,
        page.get("measured") and page["bytes"] < 60_000,
    )
    search = reader.get("search", {})
    found.add(
        "A search on the real corpus (search/?q=NATO) transfers: < 150 KB",
        f"{fmt_bytes(search['bytes'])} sent with gzip as GitHub Pages serves it "
        f"({fmt_bytes(search.get('uncompressed', search['bytes']))} uncompressed), "
        f"{search['requests']} requests"
        if search.get("measured")
        else None,
        search.get("measured") and search["bytes"] < 150_000,
    )
    return found.rows


def comparison_rows(results: dict[int, dict[str, Any]]) -> list[list[str]]:
    rows = []
    for n in sorted(results):
        r = results[n]
        own = r["full_no_search"]
        cells = [f"{n:,}", str(len(own.get("runs", [])) or r["repeat"]), figures(own, n)]
        for tool in REFERENCES:
            ref = reference(r, tool)
            cells.append(figures(ref, n) if ref else not_measured(r, tool))
        for tool in REFERENCES:
            wall, cpu = against(r, tool, "wall"), against(r, tool, "cpu")
            cells.append(
                "n/a" if wall is None else f"x{wall:.2f} / x{cpu:.2f}" if cpu else f"x{wall:.2f}"
            )
        rows.append(cells)
    return rows


def figures(run: dict[str, Any], n: int) -> str:
    cpu = run.get("cpu")
    per_article = f" ({fmt_ms(cpu / n)}/article)" if cpu else ""
    return f"{fmt_s(run['wall'])} wall, {fmt_s(cpu)} CPU{per_article}, {fmt_mem(run['peak_kib'])}"


def builds_rows(results: dict[int, dict[str, Any]]) -> list[list[str]]:
    rows = []
    for n in sorted(results):
        r = results[n]
        o = r["output"]
        rows.append(
            [
                f"{n:,}" + (" (real)" if n == 5 else ""),
                str(r["repeat"]),
                fmt_s(r["full"]["wall"]),
                fmt_s(r["full_no_search"]["wall"]),
                fmt_s(r["nochange"]["wall"]),
                fmt_s(r["edited"]["wall"]),
                fmt_s(r["edited_no_search"]["wall"]) if "edited_no_search" in r else "n/a",
                fmt_mem(r["full_no_search"]["peak_kib"]),
                fmt_mem(r["full"]["peak_kib"]),
                f"{fmt_bytes(o['bytes'])} / {o['files']:,}",
                f"{fmt_bytes(o['largest_html'])} `{o['largest_path']}`",
            ]
        )
    return rows


def stages_section(results: dict[int, dict[str, Any]]) -> list[str]:
    rows = []
    names = list(STAGES)  # and any stage the build reports that this list does not know
    for r in results.values():
        names += [s for s in r["full"]["stages"] if s not in names]
    for n in sorted(results):
        stages = results[n]["full"]["stages"]
        total = sum(stages.values()) or 1.0
        top = max(stages, key=lambda s: stages[s]) if stages else "n/a"
        cells = [fmt_s(stages[s]) if s in stages else "n/a" for s in names]
        share = f"{top} ({100 * stages.get(top, 0) / total:.0f}%)"
        full = results[n]["full"]
        outside = full.get("outside", full["wall"] - sum(stages.values()))
        rows.append([f"{n:,}", *cells, fmt_s(sum(stages.values())), fmt_s(outside), share])
    header = ["Articles", *names, "stages total", "outside stages", "dominant stage"]
    return [
        "### Stages of the full build (search included)",
        "",
        table(header, rows),
        "",
        "*Outside stages* is the cold process's wall time not covered by a stage: interpreter "
        "start, imports, reading the templates, exit; the median over the runs.",
        "",
    ]


def density_section(results: dict[int, dict[str, Any]]) -> list[str]:
    rows = [
        [
            f"{n:,}",
            f"{r['density']['words'] / r['density']['articles']:.0f}",
            f"{r['density']['actors']}",
            f"{r['density']['events']}",
            f"{r['density']['dates']}",
        ]
        for n, r in sorted(results.items())
        if "density" in r
    ]
    if not rows:
        return []
    header = ["Articles", "Words/article", "Actor mentions", "Event mentions", "Dates"]
    return [
        "### Corpus realism (from each site's data/records.json)",
        "",
        table(header, rows),
        "",
        "Mentions and dates are per 1,000 words.",
        "",
    ]


def reader_section(results: dict[int, dict[str, Any]], reader: dict[str, Any]) -> list[str]:
    out = ["### Reader side (real corpus)", ""]
    page = reader.get("article_page", {})
    if page.get("measured"):
        out.append(
            f"- Largest article page, `{page['path']}`: {fmt_bytes(page['bytes'])} "
            f"({fmt_bytes(page['html'])} HTML + {fmt_bytes(page['css'])} CSS, uncompressed)."
        )
    else:
        out.append(f"- Article page: not measured ({page.get('reason', 'not run')}).")
    search = reader.get("search", {})
    if search.get("measured"):
        kinds = ", ".join(f"{k} {fmt_bytes(v)}" for k, v in search["by_kind"].items())
        out.append(
            f"- Search `search/?q={search['query']}`: {fmt_bytes(search['bytes'])} in "
            f"{search['requests']} responses ({kinds}). Largest: "
            + ", ".join(f"`{url}` {fmt_bytes(size)}" for url, size in search["largest"])
            + "."
        )
    else:
        out.append(f"- Search transfer: not measured ({search.get('reason', 'not run')}).")
    for n, r in sorted(results.items()):
        commit = r.get("commit", "not recorded")
        out.append(
            f"- N={n:,}: measured {r['measured']} (run started {r.get('run', 'n/a')}) at commit "
            f"{commit}, edit: {r.get('edit', 'n/a')}."
        )
    return out


def render_results(data: dict[str, Any]) -> str:
    results = {int(n): r for n, r in data["sizes"].items()}
    m = data["machine"]
    starts = {r.get("run") for r in results.values()}
    if None in starts:
        same_run = "Some sizes come from an earlier harness, which recorded no run: see below."
    elif len(starts) == 1:
        same_run = f"All sizes from the run started {starts.pop()}."
    else:
        same_run = (
            f"The sizes come from {len(starts)} runs ({', '.join(sorted(map(str, starts)))}): "
            "see each size's line below; a target across sizes holds only for figures of one run."
        )
    tools = ", ".join(
        f"{NAMES[tool]} {version}" for tool, version in data.get("versions", {}).items()
    )
    out = [f"**{data['note']}**", ""] if data.get("note") else []
    out += [
        f"Measured on {m['date']}: {m['cpu']}, {m['cores']} cores, {m['memory']} memory, "
        f"Python {m['python']}, {m['os']}; {tools or 'no reference tool'}. Figures are medians "
        "of the number of runs shown; wall times are from a cold process. Ratios to Hugo and "
        "Pelican are medians of the ratios of builds run one after the other, round by round. "
        + same_run,
        "",
        "### Targets (issue 25)",
        "",
        table(["Target", "Measured", "Status"], targets(data)),
        "",
        "Kept from earlier issues:",
        "",
        table(["Limit", "Measured", "Status"], kept_limits(results, data.get("reader", {}))),
        "",
        "### Against Hugo and Pelican (full builds without search, same articles, alternated)",
        "",
        table(
            [
                "Articles",
                "Rounds",
                "natocorpus",
                "Hugo",
                "Pelican",
                "natocorpus / Hugo (wall / CPU)",
                "natocorpus / Pelican (wall / CPU)",
            ],
            comparison_rows(results),
        ),
        "",
        "### Full builds and rebuilds (natocorpus)",
        "",
    ]
    header = ["Articles", "Runs", "Full", "Full, no search", "Rebuild, no change"]
    header += ["Rebuild, 1 edit", "Rebuild, 1 edit, no search"]
    header += ["Peak RSS, no search", "Peak RSS, with search", "Output / files", "Largest page"]
    out += [table(header, builds_rows(results)), ""]
    out += stages_section(results) + density_section(results)
    out += reader_section(results, data.get("reader", {}))
    return "\n".join(out)


def write_readme(readme: Path, text: str) -> None:
    current = readme.read_text(encoding="utf-8") if readme.exists() else ""
    block = f"{START}\n{text}\n{END}"
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        readme.write_text(before + block + after, encoding="utf-8")
    else:
        readme.write_text(current.rstrip("\n") + "\n\n## Results\n\n" + block + "\n")
