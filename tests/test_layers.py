"""The package's modules follow the data flow and import each other without cycles.

The import graph is read from the source (every ``import`` and ``from … import``, including
those inside functions), so a cycle hidden behind a function-local import fails too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pakus

PACKAGE = Path(pakus.__file__).resolve().parent

LAYERS = [
    ("pakus.errors", "pakus.dates", "pakus._pandera"),
    ("pakus.reference", "pakus.corpus"),
    ("pakus.ingest",),
    ("pakus.extract",),
    ("pakus.corrections", "pakus.reconcile", "pakus.evaluation"),
    ("pakus.tables",),
    ("pakus.export",),
    ("pakus.outputs", "pakus.runner", "pakus.cache", "pakus.build"),
    ("pakus.analysis",),
    ("pakus.plots",),
    ("pakus.reports", "pakus.cli", "pakus"),
]
"""The data flow, lowest first: a module imports only from its own layer or lower ones."""


def module_name(path: Path) -> str:
    parts = ["pakus", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The pakus modules ``name`` imports anywhere in its source (functions included)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            targets = [
                f"{module}.{a.name}" if f"{module}.{a.name}" in known else module
                for a in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path ``[a, b, …, a]``, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def layer_of(name: str) -> int:
    best = max(
        ((len(prefix), i) for i, layer in enumerate(LAYERS) for prefix in layer
         if name == prefix or name.startswith(prefix + ".")),
        default=None,
    )  # fmt: skip
    assert best is not None, f"{name} is in no layer of LAYERS; add it where the data flow puts it"
    return best[1]


def test_cycle_finder_finds_a_cycle_through_a_function_local_import(tmp_path):
    """The rule the cycle test rests on: a local import is an edge like any other."""
    graph = {"pakus.a": {"pakus.b"}, "pakus.b": {"pakus.c"}, "pakus.c": {"pakus.a"}}
    assert find_cycle(graph) == ["pakus.a", "pakus.b", "pakus.c", "pakus.a"]
    assert find_cycle({"pakus.a": {"pakus.b"}, "pakus.b": set()}) is None
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from pakus.build import build\n", encoding="utf-8")
    assert imports_of("pakus.x", source, {"pakus.build", "pakus.x"}) == {"pakus.build"}


def test_no_import_cycles_inside_pakus():
    """No chain of imports (top-level or inside functions) leads a pakus module back to itself."""
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_modules_import_only_from_their_layer_or_lower():
    """corpus → extract → reconcile → tables → build → analysis → plots / cli: no module
    imports from a later stage of the data flow."""
    upward = [
        f"{name} (layer {layer_of(name)}) imports {target} (layer {layer_of(target)})"
        for name, targets in import_graph().items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(name)
    ]
    assert not upward, "\n".join(upward)


def test_tables_is_schema_only():
    """``pakus.tables`` describes the tables; it neither extracts nor builds."""
    targets = import_graph()["pakus.tables"]
    assert not {
        t for t in targets if t.startswith(("pakus.extract", "pakus.build", "pakus.corpus"))
    }
