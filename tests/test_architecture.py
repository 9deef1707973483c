"""The direction of dependencies (docs/architecture.md): no import cycle, each layer above the last."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "careerexplorer"


def imports() -> dict[str, set[str]]:
    """Every package module and the package modules it imports, at the top or inside a function."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(("careerexplorer", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("careerexplorer"):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if (PACKAGE / Path(*sub.split(".")[1:])).with_suffix(".py").exists() else node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("careerexplorer")}
        graph[name] = found - {name, "careerexplorer"}
    return graph


GRAPH = imports()


def test_there_is_no_import_cycle() -> None:
    def visit(module: str, path: list[str]) -> None:
        if module in path:
            pytest.fail("import cycle: " + " -> ".join([*path[path.index(module):], module]))
        for other in sorted(GRAPH.get(module, ())):
            visit(other, [*path, module])

    for module in sorted(GRAPH):
        visit(module, [])


def reach(module: str) -> set[str]:
    seen: set[str] = set()
    todo = [module]
    while todo:
        for other in GRAPH.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


@pytest.mark.parametrize(("lower", "upper"), [
    ("careerexplorer.text", "careerexplorer.model"),
    ("careerexplorer.model", "careerexplorer.schema"),
    ("careerexplorer.catalog", "careerexplorer.search"),
    ("careerexplorer.catalog", "careerexplorer.lookup"),
    ("careerexplorer.index", "careerexplorer.catalog"),
    ("careerexplorer.search", "careerexplorer.lookup"),
    ("careerexplorer.commands", "careerexplorer.emit"),
    ("careerexplorer.export", "careerexplorer.layout"),
    ("careerexplorer.results", "careerexplorer.commands"),
    ("careerexplorer.page", "careerexplorer.layout"),  # the page model knows no format
    ("careerexplorer.page", "careerexplorer.export"),
])
def test_a_lower_module_never_reaches_an_upper_one(lower: str, upper: str) -> None:
    assert upper not in reach(lower)


def test_the_bottom_modules_import_nothing_of_the_package() -> None:
    for module in ("careerexplorer.text", "careerexplorer.errors", "careerexplorer.record", "careerexplorer.sanitize"):
        assert GRAPH[module] == set(), module


@pytest.mark.parametrize("module", ["export", "results", "commands", "catalog", "model", "figures", "listing"])
def test_data_modules_do_not_use_rich_or_typer(module: str) -> None:
    source = (PACKAGE / f"{module}.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not names & {"rich", "typer", "click"}, module
