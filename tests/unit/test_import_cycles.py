"""The import graph has no cycle: checked over every module's imports (grimp, the library behind
import-linter), not by eye. A cycle between packages or modules means two parts that cannot be
understood, tested or replaced one without the other."""

from __future__ import annotations

import grimp

PACKAGES = ("kiosk", "drivers", "offline_cache", "county_platform")


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph.modules:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _package_graph(graph: grimp.ImportGraph, depth: int) -> grimp.ImportGraph:
    """The same imports between packages cut to `depth` name parts (kiosk.screens, kiosk.app)."""
    packages = grimp.ImportGraph()
    for module in graph.modules:
        if not module.startswith(PACKAGES):
            continue
        source = ".".join(module.split(".")[:depth])
        packages.add_module(source)
        for imported in graph.find_modules_directly_imported_by(module):
            target = ".".join(imported.split(".")[:depth])
            if target != source and imported.startswith(PACKAGES):
                packages.add_import(importer=source, imported=target)
    return packages


def test_no_module_imports_itself_back() -> None:
    graph = grimp.build_graph(*PACKAGES)
    assert _cycles(graph) == []


def test_no_package_of_the_kiosk_imports_itself_back() -> None:
    """kiosk.app -> kiosk.flows -> kiosk.app was the old cycle; the package level sees it even
    when the modules involved differ."""
    graph = _package_graph(grimp.build_graph(*PACKAGES), depth=2)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The check above could be vacuous: a graph with a cycle must be reported."""
    graph = grimp.ImportGraph()
    for name in ("a", "a.x", "a.y", "a.z"):
        graph.add_module(name)
    graph.add_import(importer="a.x", imported="a.y")
    graph.add_import(importer="a.y", imported="a.z")
    graph.add_import(importer="a.z", imported="a.x")
    assert _cycles(graph) == [["a.x", "a.y", "a.z"]]
