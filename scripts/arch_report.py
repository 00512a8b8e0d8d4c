"""Architecture figures of the core: import circles, SQL outside store modules, deferred imports.

    .venv/bin/python scripts/arch_report.py [ROOT]

A "store module" is a module named ``store`` or ``store_*`` or any module under a ``store``
package; SQL anywhere else is counted. Import circles are the strongly connected groups of
``cchc_desktop`` modules in the runtime import graph (imports under ``if TYPE_CHECKING`` excluded).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SQL_CALLS = {"execute", "executemany", "executescript"}


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for file in (root / "cchc_desktop").rglob("*.py"):
        parts = list(file.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = file
    return found


def is_store(name: str) -> bool:
    parts = name.split(".")
    return any(p == "store" or p.startswith("store_") for p in parts[1:])


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(name: str, file: Path, known: set[str], typing_too: bool = False) -> tuple[set[str], int]:
    """Imports of ``cchc_desktop`` modules (at run time, or with ``typing_too`` also those made only for
    the type checker), and how many imports sit inside functions."""
    tree = ast.parse(file.read_text(encoding="utf-8"))
    skip = set() if typing_too else _type_checking_lines(tree)
    targets: set[str] = set()
    nested = 0
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    inner = {id(n) for f in functions for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.lineno in skip:
            continue
        nested += id(node) in inner
        if isinstance(node, ast.Import):
            targets.update(a.name for a in node.names if a.name in known)
        elif node.module and not node.level:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                targets.add(full if full in known else node.module)
    return {t for t in targets if t in known and t != name}, nested


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return found


def sql_outside_store(mods: dict[str, Path]) -> list[str]:
    hits = []
    for name, file in sorted(mods.items()):
        if is_store(name):
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
                hits.append(f"{file}:{node.lineno}")
    return hits


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    mods = modules(root)
    print(f"core modules: {len(mods)}")
    for typing_too in (False, True):
        graph: dict[str, set[str]] = {}
        nested = 0
        for name, file in mods.items():
            graph[name], count = imports_of(name, file, set(mods), typing_too)
            nested += count
        groups = circles(graph)
        what = "with type-checking imports" if typing_too else "at run time"
        print(f"import circles {what}: {len(groups)}; largest: {max((len(g) for g in groups), default=0)} modules")
        for group in sorted(groups, key=len, reverse=True)[:5]:
            print("  ", len(group), ", ".join(group[:6]) + (" …" if len(group) > 6 else ""))
    sql = sql_outside_store(mods)
    print(f"SQL calls outside store modules: {len(sql)} in {len({h.split(':')[0] for h in sql})} files")
    for hit in sql:
        print("  ", hit)
    print(f"imports inside functions: {nested}")


if __name__ == "__main__":
    main()
