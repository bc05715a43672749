"""The pipeline's shape, enforced: records flow one way, so no stage imports a later one, and only
the build (and the writer) know about the previous build.

Stages in order: load, annotate, link, render (with the downloads, made from the same corpus),
write, search. `build.py` calls them in that order; `cli.py` and `serve.py` call `build`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "natocorpus"

# Values every stage may use: records, diagnostics, options, the writer's types, the fork pool.
SHARED = {"model", "diagnostics", "config", "artifacts", "parallel", "report", ""}
STAGES = {
    "load": 0,
    "annotate": 1,
    "coverage": 1,
    "link": 2,
    "render": 3,
    "downloads": 3,
    "write": 4,
    "write_processes": 4,
    "search": 5,
}
# Modules above the stages: the pipeline and its callers. `previous` is the build's own room
# for what the last build left, `fingerprint` for the digest of its inputs; stages receive their
# contents as values.
ABOVE = {"build", "cli", "serve", "previous", "fingerprint", "add"}
# Who may read the previous build's files: the build, and the writer, which writes them.
PREVIOUS_READERS = {"build", "write", "write_processes"}


def _room(module: str) -> str:
    """`natocorpus.link.article` -> `link`; `natocorpus` -> ``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> set[str]:
    """The natocorpus modules `path` imports (rooms, as `_room` names them), at any depth."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "natocorpus":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("natocorpus."):
                found.add(_room(node.module))
        elif isinstance(node, ast.Import):
            found.update(
                _room(alias.name) for alias in node.names if alias.name.startswith("natocorpus.")
            )
    return found - {"__version__"}


MODULES = sorted(PACKAGE.rglob("*.py"))


def _room_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_later_stage(path: Path) -> None:
    room = _room_of(path)
    if room in ABOVE or room == "__init__":
        return
    imported = _imports(path) - {room}
    unknown = imported - SHARED - STAGES.keys() - ABOVE
    assert not unknown, f"{room}: rooms this test does not know: {sorted(unknown)}"
    if room in SHARED:
        assert not imported & (STAGES.keys() | ABOVE), f"{room} is shared but imports a stage"
        return
    later = sorted(other for other in imported & STAGES.keys() if STAGES[other] > STAGES[room])
    assert not later, f"stage {room} imports later stages {later}"
    callers = imported & (ABOVE - {"previous"})
    assert not callers, f"stage {room} imports {sorted(callers)}"
    if room not in PREVIOUS_READERS:
        assert "previous" not in imported, f"{room} reads the previous build: pass it values"


def test_every_module_is_placed() -> None:
    """A new module is given a place in the pipeline here, so that the rule covers it."""
    rooms = {_room_of(path) for path in MODULES} - {"__init__"}
    assert rooms <= SHARED | STAGES.keys() | ABOVE, sorted(rooms - SHARED - STAGES.keys() - ABOVE)
