"""The import graph stays layered, as the README's Architecture section draws it: a module
imports only from its own layer or the layers above it in that table (at module level or
inside a function alike), and module-level imports form no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import ipdossier

SRC = Path(ipdossier.__file__).parent
LAYERS = [
    {"errors", "files", "paths", "schema", "i18n", "linebreak", "__init__"},
    {"data", "sources", "quantities", "numbers", "geo", "check", "params"},
    {"derive", "charts", "theme", "notebook"},
    {"export"},
    {"pipeline"},
    {"cli", "extract", "__main__"},
]


def _name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__") or "__init__"


def _rank(module: str) -> int:
    top = module.split(".")[0]
    (rank,) = [i for i, layer in enumerate(LAYERS) if top in layer]
    return rank


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported package module, at module level?) for each import of the package."""
    here = _name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(n) for n in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                mod = ".".join([*base, node.module] if node.module else base)
            elif (node.module or "").startswith("ipdossier"):
                mod = node.module.removeprefix("ipdossier").lstrip(".")
            else:
                continue
            names = [a.name for a in node.names]
            # `from . import derive` names modules; `from .x import y` names module x.
            targets = [f"{mod}.{n}".strip(".") for n in names] if not node.module else [mod]
            for t in targets:
                path = SRC / Path(*t.split("."))
                # A name that is not a module (`from .. import __version__`) is from `mod`.
                is_module = path.with_suffix(".py").exists() or path.is_dir()
                found.append((t if is_module else mod, id(node) in top))
    return [(m, lvl) for m, lvl in found if m and m != "__init__"]


MODULES = {_name(p): p for p in SRC.rglob("*.py")}


def test_nothing_imports_upward():
    upward = [
        f"{name} imports {target}"
        for name, path in MODULES.items()
        for target, _ in _imports(path)
        if _rank(target) > _rank(name)
    ]
    assert not upward, upward


def test_module_level_imports_form_no_cycle():
    graph = {
        name: {t for t, level in _imports(path) if level and t in MODULES and t != name}
        for name, path in MODULES.items()
    }
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                raise AssertionError(" -> ".join([*trail, node, nxt]))
            if not state.get(nxt):
                visit(nxt, [*trail, node])
        state[node] = 2

    for name in graph:
        if not state.get(name):
            visit(name, [])
