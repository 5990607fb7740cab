"""The architecture, enforced: which package may import what, no cycles, an honest public API.

Read from the source with ``ast`` (every import, also those inside functions), so a lazy import
cannot hide a wrong arrow.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import types
from pathlib import Path

import pytest

import rejectkit

PACKAGE = Path(rejectkit.__file__).parent
# Each package, and what it may import from the kit (besides itself and the two leaves every
# package may use: rejectkit.errors and rejectkit.dates).
ALLOWED = {
    "store": set(),
    "analysis": {"store"},
    "messages": {"store"},
    "records": {"store", "messages"},
    "inbox": {"store", "records", "messages"},
    "charts": {"store", "analysis"},
    "sharing": {"store", "analysis", "records", "messages", "charts"},
    "ui": {"store", "analysis", "records", "messages", "charts", "sharing", "inbox"},
    "run": {"store", "ui"},
    "cli": {"store", "analysis", "records", "messages", "charts", "sharing", "run", "inbox"},
}
WIDGETS = ("ipywidgets", "IPython", "ipykernel", "traitlets")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import in the module."""
    tree = ast.parse(path.read_text("utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names = [a.name for a in node.names]
            out.append((target, names, node.lineno))
            # "from . import history" imports a module
            out += [(f"{target}.{n}", [], node.lineno) for n in names if f"{target}.{n}" in MODULES]
    return out


def _group(module: str) -> str:
    """The package of a kit module: store, ui, ...; cli and errors stand for themselves."""
    parts = module.split(".")
    group = parts[1] if len(parts) > 1 else "rejectkit"
    return "cli" if group == "cli_options" else group


def test_the_rules_see_the_imports():
    # The checks below would pass on nothing at all: they must see real arrows.
    assert ("rejectkit.store.history", ["history"], 5) not in EDGES["rejectkit.store.workspace"]
    targets = {t for t, _, _ in EDGES["rejectkit.store.workspace"]}
    assert {"rejectkit.store.history", "rejectkit.errors", "pandas"} <= targets
    assert "ipywidgets" in {t for t, _, _ in EDGES["rejectkit.ui.forms.review"]}
    assert len(MODULES) > 60


EDGES = {
    name: [(t, names, line) for t, names, line in _imports(name, path)]
    for name, path in MODULES.items()
}


def test_only_ui_and_run_import_widgets_or_ipython():
    wrong = [
        f"{name}:{line} imports {target}"
        for name, edges in EDGES.items()
        for target, _, line in edges
        if target.split(".")[0] in WIDGETS and _group(name) not in ("ui", "run")
    ]
    assert wrong == []


@pytest.mark.parametrize("group", sorted(ALLOWED))
def test_each_package_imports_only_the_packages_below_it(group):
    wrong = [
        f"{name}:{line} imports {target}"
        for name, edges in EDGES.items()
        if _group(name) == group
        for target, _, line in edges
        if target.startswith("rejectkit.")
        and _group(target) not in {group, "errors", "dates", *ALLOWED[group]}
    ]
    assert wrong == []


def test_there_is_no_import_cycle():
    graph = {
        name: {t for t, _, _ in edges if t in MODULES and t != name and t != "rejectkit"}
        for name, edges in EDGES.items()
    }
    # A package's __init__ re-exporting its own modules is not a cycle of modules.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle.extend([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, [*trail, nxt]):
                return True
        state[node] = 2
        return False

    for start in sorted(graph):
        if state.get(start) is None and visit(start, [start]):
            break
    assert cycle == []


def test_no_private_name_is_imported_across_packages():
    wrong = [
        f"{name}:{line} takes {n} from {target}"
        for name, edges in EDGES.items()
        for target, names, line in edges
        if target.startswith("rejectkit")
        for n in names
        if n.startswith("_") and _group(target) != _group(name)
    ]
    assert wrong == []


def test_every_public_name_is_what_it_claims_after_every_module_is_imported():
    for info in pkgutil.walk_packages(rejectkit.__path__, "rejectkit."):
        if info.name != "rejectkit.__main__":  # that one runs the command line
            importlib.import_module(info.name)
    wrong = []
    for name in rejectkit.__all__:
        value = getattr(rejectkit, name)
        source = importlib.import_module(f"rejectkit.{rejectkit._WHERE[name]}")
        if isinstance(value, types.ModuleType) or value is not getattr(source, name):
            wrong.append(f"rk.{name} is {value!r}")
    assert wrong == []
    assert set(rejectkit._WHERE) == set(rejectkit.__all__)


def test_modules_stay_small_enough_to_read():
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text("utf-8").splitlines())) > 450
    }
    assert long == {}


def test_one_error_guard_for_every_view():
    """Every form, panel and view inherits WidgetView._guard instead of writing its own."""
    own = [
        f"{name}: def {node.name}"
        for name, path in MODULES.items()
        if name != "rejectkit.ui.cells"
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name in ("_guard", "_safely", "_on")
    ]
    assert own == []
