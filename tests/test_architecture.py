"""The package's shape: layers import one way, no cycles, no private names across modules,
no module past 700 lines, no large file stored twice."""

from __future__ import annotations

import ast
import hashlib
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "vastausanalyysi"
MAX_LINES = 700

# lowest first; a module may import its own layer and the layers below it, never above
LAYERS: list[tuple[str, ...]] = [
    (
        "_version",
        "_lazy",
        "_compiled",
        "errors",
        "text",
        "schema",
        "_resources",
        "deprecation",
        "threads",
    ),
    ("nlp",),
    ("respondents", "survey"),
    ("themes",),
    ("summary", "clusters"),
    ("report",),
    ("workflow",),
    ("cli",),
    ("__init__", "__main__"),
]
LAYER_OF = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, name: str) -> list[tuple[str, list[str]]]:
    """(imported module, imported names) for every import, top-level or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            out.append((module, [alias.name for alias in node.names]))
    return [(m, names) for m, names in out if m.split(".")[0] == "vastausanalyysi"]


def _resolve(module: str, names: list[str], known: dict[str, Path]) -> list[str]:
    """The package modules an import refers to (``from pkg import submodule`` included)."""
    targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in known]
    if module in known and len(targets) < len(names):
        targets.append(module)
    return targets


def _graph() -> dict[str, set[str]]:
    known = _modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in known.items():
        graph[name]
        for module, names in _imports(path, name):
            for target in _resolve(module, names, known):
                if target != name:
                    graph[name].add(target)
    return graph


def _layer(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    assert top in LAYER_OF, f"{module} is in no layer of tests/test_architecture.py"
    return LAYER_OF[top]


def test_every_module_is_in_a_layer_and_imports_none_above_it():
    bad = [
        f"{source} imports {target}"
        for source, targets in _graph().items()
        for target in targets
        if _layer(target) > _layer(source)
    ]
    assert not bad, bad


def test_no_import_cycle():
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert not cycles, cycles


def test_no_private_name_imported_from_another_module():
    known = _modules()
    bad = []
    for name, path in known.items():
        for module, names in _imports(path, name):
            private = [
                n
                for n in names
                if n.startswith("_") and not n.endswith("__") and f"{module}.{n}" not in known
            ]
            if private and module != name:
                bad.append(f"{name}: from {module} import {', '.join(private)}")
    assert not bad, bad


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_no_module_over_the_line_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines"


def test_every_package_says_what_lives_there():
    for init in PACKAGE.rglob("__init__.py"):
        if init.parent.name == "data":
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{init.relative_to(ROOT)} needs a docstring"


def test_no_large_file_stored_twice():
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    seen: dict[str, str] = {}
    twice = []
    for name in sorted({t.decode() for t in tracked if t}):
        path = ROOT / name
        if not path.is_file() or path.stat().st_size < 4096:
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen:
            twice.append((seen[digest], name))
        seen.setdefault(digest, name)
    assert not twice, twice


def test_python_m_runs_the_cli():
    out = subprocess.run(
        [sys.executable, "-m", "vastausanalyysi", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    from vastausanalyysi import __version__

    assert out.stdout.strip() == f"vastausanalyysi {__version__}"
