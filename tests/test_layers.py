"""The package's floors: each layer imports only what lies below it (text and grammar at the
ground, then facts, extract, engine; read and report beside them), the package has no import
cycle, and every module stays under 500 lines and every function under 60."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checker"

#: what each floor may import from the package (besides itself)
GROUND = ("checker.errors", "checker.model", "checker.lexicons", "checker.i18n")
ALLOWED = {
    "checker.text": ("checker.text", "checker.errors"),
    "checker.grammar": ("checker.grammar", "checker.text", "checker.errors", "checker.lexicons", "checker.model"),
    "checker.i18n": ("checker.i18n", "checker.lexicons"),
    "checker.facts": ("checker.facts", "checker.text", *GROUND),
    "checker.extract": ("checker.extract", "checker.grammar", "checker.text", "checker.names", *GROUND),
    "checker.engine": ("checker.engine", "checker.facts", "checker.text", *GROUND),
    "checker.read": ("checker.read", "checker.errors", "checker.model"),
    "checker.report": ("checker.report", "checker.model", "checker.i18n"),
}
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, *, top_level_only: bool) -> set[str]:
    """The package modules *path* imports (``from checker import lexicons`` names checker.lexicons)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names]
            out |= {n for n in names if n in MODULES} or {node.module}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return {m for m in out if m == "checker" or m.startswith("checker.")}


@pytest.mark.parametrize("floor", sorted(ALLOWED))
def test_no_upward_import(floor: str) -> None:
    bad = [
        f"{mod} imports {dep}"
        for mod, path in MODULES.items()
        if mod == floor or mod.startswith(floor + ".")
        for dep in sorted(_imports(path, top_level_only=False))
        if not any(dep == a or dep.startswith(a + ".") for a in ALLOWED[floor])
    ]
    assert not bad, bad


def test_no_import_cycle() -> None:
    graph = {mod: _imports(path, top_level_only=True) & set(MODULES) for mod, path in MODULES.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(mod: str, path: list[str]) -> list[str] | None:
        state[mod] = 1
        for dep in sorted(graph[mod]):
            if state.get(dep) == 1:
                return [*path[path.index(dep) :], dep] if dep in path else [*path, dep]
            if dep not in state:
                cycle = visit(dep, [*path, dep])
                if cycle:
                    return cycle
        state[mod] = 2
        return None

    for mod in sorted(graph):
        if mod not in state:
            cycle = visit(mod, [mod])
            assert cycle is None, " -> ".join(cycle)


@pytest.mark.parametrize("floor", ["checker"])
def test_short_modules_and_functions(floor: str) -> None:
    long = []
    for mod, path in MODULES.items():
        if not (mod == floor or mod.startswith(floor + ".")):
            continue
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            long.append(f"{mod}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long.append(f"{mod}.{node.name}: {n} lines")
    assert not long, long
