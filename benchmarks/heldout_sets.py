"""Working with many held-out sets at once: measure them, pool and compare the figures, and check
a new set before it is committed.

Run from the project root:

    .venv/bin/python benchmarks/heldout_sets.py measure OUT [SET ...]
        measure the sets (all benchmarks/heldout*/ when none is named) with this checkout's src/
        and corpus/, in one process per half, writing OUT/<set>.json (heldout.py's --json)
    .venv/bin/python benchmarks/heldout_sets.py pool OUT [SET ...]
        the pooled figures of measured sets, and how many meet every target of issue 20
    .venv/bin/python benchmarks/heldout_sets.py compare BEFORE AFTER
        what changed, text by text, between two measurements of the same sets
    .venv/bin/python benchmarks/heldout_sets.py copies FOLDER ...
        for each text of new sets, the share of its 8-word runs found in a held text or in an
        earlier folder named (a share of 0.15 or more is a copy: leave the text out)
    .venv/bin/python benchmarks/heldout_sets.py validate FOLDER
        a new set's files: its fields, every gold passage found in its text, every id known, and
        no URL that a held set already used

`measure` runs the code of the checkout it is in; to measure another commit, run the copy of this
file in that commit's checkout (or a copy of its src/, corpus/ and benchmarks/).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# A share of a text's 8-word runs at or above which it repeats a held text.
COPY_SHARE = 0.15
RUN_WORDS = 8
# libyaml's parser where PyYAML has it: the URL check reads every held set's sources.yaml.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def held_sets() -> list[str]:
    """The held-out sets' folder names, in numeric order ("heldout" first)."""
    names = [p.parent.name for p in HERE.glob("heldout*/sources.yaml")]
    return sorted(names, key=lambda n: int(n[7:] or 0))


# ------------------------------------------------------------------------------ measure


def measure(out: Path, sets: list[str]) -> int:
    """Each set measured by heldout.py in this process, its JSON written to OUT/<set>.json."""
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT / "src"))
    import heldout

    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name in sets:
        buffer = io.StringIO()
        try:
            with contextlib.redirect_stdout(buffer):
                heldout.main(["--set", str(HERE / name), "--json"])
        except SystemExit as stop:
            print(f"{name}: {stop}", file=sys.stderr)
            failed += 1
            continue
        (out / f"{name}.json").write_text(buffer.getvalue(), encoding="utf-8")
    return 1 if failed else 0


def measure_in_halves(out: Path, sets: list[str]) -> int:
    """The sets measured by two processes, each taking every other set (a machine has two
    cores)."""
    halves = [sets[0::2], sets[1::2]]
    runs = [
        subprocess.Popen([sys.executable, __file__, "_measure", str(out), *half])
        for half in halves
        if half
    ]
    codes = [run.wait() for run in runs]
    print(f"measured {len(list(out.glob('*.json')))} sets into {out}")
    return max(codes, default=0)


# ------------------------------------------------------------------------------ pool


_COUNTED = (
    "texts",
    "actor_ids",
    "actor_ids_found",
    "wrong",
    "event_refs",
    "event_refs_found",
    "unknown_actors",
    "unknown_actors_named",
    "noise",
)


def meets_every_target(total: dict[str, Any]) -> bool:
    """Whether a set meets issue 20's targets; a target with nothing to count is met (the events
    of a set whose texts name no known event)."""

    def at_least(key: str, share: float) -> bool:
        return total[key] is None or total[key] >= share

    return (
        at_least("actors_found", 0.9)
        and total["wrong"] == 0
        and at_least("events_found", 0.8)
        and at_least("check_names", 0.9)
        and total["max_noise_per_text"] <= 1
    )


def pool(out: Path, sets: list[str]) -> str:
    files = [out / f"{name}.json" for name in sets] if sets else sorted(out.glob("*.json"))
    sums = dict.fromkeys(_COUNTED, 0)
    meeting = most_noise = noisy_texts = 0
    for file in files:
        measured = json.loads(file.read_text(encoding="utf-8"))
        total = measured["total"]
        for key in _COUNTED:
            sums[key] += total[key]
        meeting += meets_every_target(total)
        most_noise = max(most_noise, total["max_noise_per_text"])
        noisy_texts += sum(1 for text in measured["texts"] if len(text["noise"]) > 1)

    def share(part: str, whole: str) -> str:
        if not sums[whole]:
            return "none"
        return f"{sums[part]:,}/{sums[whole]:,} ({sums[part] / sums[whole]:.2f})"

    return (
        f"sets {len(files)}, texts {sums['texts']:,} | actors "
        f"{share('actor_ids_found', 'actor_ids')} | wrong {sums['wrong']} | events "
        f"{share('event_refs_found', 'event_refs')} | check "
        f"{share('unknown_actors_named', 'unknown_actors')} | noise {sums['noise']} (max "
        f"{most_noise}; {noisy_texts} texts with more than one) | meeting every target "
        f"{meeting} of {len(files)}"
    )


# ------------------------------------------------------------------------------ compare


_FIGURES = ("actor_ids_found", "wrong", "event_refs_found", "unknown_actors_named", "noise")
_LISTS = ("wrong", "noise", "missed_events", "missed_actors", "unknown_not_named")


def _count(text: dict[str, Any], key: str) -> int:
    value = text[key]
    return len(value) if isinstance(value, list) else int(value)


def compare(before: Path, after: Path) -> str:
    lines: list[str] = []
    sums = dict.fromkeys(_FIGURES, 0)
    for file in sorted(after.glob("*.json")):
        earlier = before / file.name
        if not earlier.exists():
            continue
        old = {t["id"]: t for t in json.loads(earlier.read_text(encoding="utf-8"))["texts"]}
        for text in json.loads(file.read_text(encoding="utf-8"))["texts"]:
            was = old.get(text["id"])
            if was is None:
                continue
            changed = {
                key: _count(text, key) - _count(was, key)
                for key in _FIGURES
                if _count(text, key) != _count(was, key)
            }
            items = []
            for key in _LISTS:
                gone = [i for i in was.get(key) or [] if i not in (text.get(key) or [])]
                new = [i for i in text.get(key) or [] if i not in (was.get(key) or [])]
                items += [f"   - {key}: {i}" for i in gone] + [f"   + {key}: {i}" for i in new]
            if changed or items:
                lines.append(f"{file.stem}/{text['id']}: {changed}")
                lines += items
            for key, difference in changed.items():
                sums[key] += difference
    lines.append(f"total: {sums}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ copies


def _runs(path: Path) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", path.read_text(encoding="utf-8").lower())
    return {tuple(words[i : i + RUN_WORDS]) for i in range(len(words) - RUN_WORDS + 1)}


def copies(folders: Iterable[Path]) -> str:
    """Each new text's largest share of 8-word runs in one held text (or one of an earlier folder
    named), and that text; "copy" where the share is COPY_SHARE or more."""
    index: dict[tuple[str, ...], set[Path]] = {}
    for path in HERE.glob("heldout*/texts/*.txt"):
        for run in _runs(path):
            index.setdefault(run, set()).add(path)
    lines = []
    for folder in folders:
        for path in sorted(folder.glob("texts/*.txt")):
            own = _runs(path)
            shared: dict[Path, int] = {}
            for run in own:
                for other in index.get(run, ()):
                    if other != path:
                        shared[other] = shared.get(other, 0) + 1
            if shared:
                other, count = max(shared.items(), key=lambda item: item[1])
                part = count / max(len(own), 1)
                verdict = "copy" if part >= COPY_SHARE else ""
                lines.append(f"{part:.2f} {folder.name}/{path.name} ~ {other} {verdict}".rstrip())
            for run in own:
                index.setdefault(run, set()).add(path)
    return "\n".join(lines)


# ------------------------------------------------------------------------------ validate


_SOURCE_FIELDS = {"id", "title", "outlet", "genre", "url", "published", "month", "excerpt"}
_PASSAGE_FIELDS = {"text", "id", "name", "type", "occurrence", "optional", "tolerate"}
# The words an excerpt may have: the brief asks for 150 to 350, and a stored page that breaks off
# may leave a few less.
_WORDS = (120, 400)


def validate(folder: Path) -> list[str]:
    sys.path.insert(0, str(HERE))
    import heldout

    problems = []
    if not (folder / "gold.yaml").read_text(encoding="utf-8").startswith("# The held-out set"):
        problems.append("gold.yaml does not open with the set's two header lines (the brief's)")
    sources = _yaml(folder / "sources.yaml") or []
    gold = (_yaml(folder / "gold.yaml") or {})["texts"]
    known = {
        layer[:-1]: {item["id"] for item in _yaml(ROOT / "corpus" / f"{layer}.yaml")}
        for layer in ("actors", "events")
    }
    used = {
        str(source.get("url", "")).strip()
        for name in held_sets()
        if (HERE / name) != folder.resolve()
        for source in _yaml(HERE / name / "sources.yaml") or []
    }
    for source in sources:
        name = source.get("id")
        if missing := _SOURCE_FIELDS - set(source):
            problems.append(f"{name}: sources.yaml lacks {sorted(missing)}")
        if not isinstance(source.get("title"), str) or not source["title"].strip():
            problems.append(f"{name}: title is not a text (say what the text is where it has none)")
        if source.get("published") is None and not source.get("published_inferred"):
            problems.append(f"{name}: published is null and there is no published_inferred")
        if str(source.get("url", "")).strip() in used:
            problems.append(f"{name}: a held set already uses {source['url']}")
        path = folder / "texts" / f"{name}.txt"
        if not path.is_file():
            problems.append(f"{name}: no {path}")
            continue
        words = len(path.read_text(encoding="utf-8").split())
        if not _WORDS[0] <= words <= _WORDS[1]:
            problems.append(f"{name}: {words} words (an excerpt keeps 150 to 350)")
        if name not in gold:
            problems.append(f"{name}: no entry in gold.yaml")
            continue
        entry = gold[name] or {}
        for layer in ("actors", "events"):
            for passage in entry.get(layer) or []:
                if extra := set(passage) - _PASSAGE_FIELDS:
                    problems.append(f"{name}: {layer} {passage}: unknown fields {sorted(extra)}")
        try:
            heldout.resolve_gold(entry, path.read_text(encoding="utf-8"), known)
        except heldout.GoldError as error:
            problems.append(f"{name}: gold.yaml: {error}")
    if unsourced := set(gold) - {source.get("id") for source in sources}:
        problems.append(f"gold.yaml has entries with no source: {sorted(unsourced)}")
    return problems


# ------------------------------------------------------------------------------ command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("measure", "_measure", "pool"):
        command = commands.add_parser(name)
        command.add_argument("out", type=Path)
        command.add_argument("sets", nargs="*")
    command = commands.add_parser("compare")
    command.add_argument("before", type=Path)
    command.add_argument("after", type=Path)
    command = commands.add_parser("copies")
    command.add_argument("folders", type=Path, nargs="+")
    command = commands.add_parser("validate")
    command.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "measure":
        return measure_in_halves(args.out, args.sets or held_sets())
    if args.command == "_measure":
        return measure(args.out, args.sets)
    if args.command == "pool":
        print(pool(args.out, args.sets))
    elif args.command == "compare":
        print(compare(args.before, args.after))
    elif args.command == "copies":
        print(copies(args.folders))
    else:
        problems = validate(args.folder)
        print("\n".join(problems) if problems else "no problems")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
