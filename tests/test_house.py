"""The house's shape: the domain imports nothing of the project, no module imports a layer above its own, the
pipeline stages depend one way, and no circle of imports exists anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "schemas", "warehouse", "pipelines", "coaching", "appdb", "ui", "reports", "pages")
# bottom -> top; a module may import its own layer or a lower one only
LAYERS = {"domain": 0, "schemas": 1, "settings": 1, "warehouse": 2, "pipelines": 3, "appdb": 4, "coaching": 5, "ui": 6}
# reports/ (PDFs, the pack, the SKM publication, scheduled delivery) sit beside ui/: they share its texts and colours,
# and ui/ draws their download buttons
LAYERS |= {"reports": 6}
LAYERS |= {"pages": 7, "dashboard": 8}
# pipelines/ by stage: reading files and cleaning rows know nothing of each other; building stages what was
# cleaned; the load runs a whole load; the demo writes files and loads them
STAGES = {"intake": 0, "clean": 0, "build": 1, "load": 2, "demo": 3, "__main__": 4}


def _modules() -> dict[str, Path]:
    files = [ROOT / "dashboard.py", ROOT / "settings.py"]
    for pkg in PACKAGES:
        files += [p for p in (ROOT / pkg).rglob("*.py") if "migrations" not in p.parts]
    out = {}
    for p in files:
        name = ".".join(p.relative_to(ROOT).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = p
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The project modules a module imports (at any depth of its code, local imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
        for t in targets:
            while t and t not in MODULES:
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


# A process's entry point sits above the layers it runs: the load command checks the application database before a
# load that would switch the demo accounts off (issue 21), so it may read appdb.
ENTRY_POINTS = {"pipelines.__main__": LAYERS["appdb"]}


def _layer(module: str) -> int:
    return ENTRY_POINTS.get(module, LAYERS[module.split(".")[0]])


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("domain")))
def test_domain_imports_nothing_of_the_project(module):
    assert GRAPH[module] <= {m for m in MODULES if m.startswith("domain")}, GRAPH[module]


def test_no_import_runs_up_a_layer():
    upward = [(m, t) for m, targets in GRAPH.items() for t in targets if _layer(t) > _layer(m)]
    assert upward == []


def test_pipeline_stages_depend_one_way():
    def stage(m: str) -> int:
        return STAGES[m.split(".")[1]] if m.count(".") >= 1 and m.split(".")[1] in STAGES else -1

    backward = [
        (m, t)
        for m, targets in GRAPH.items()
        if m.startswith("pipelines.")
        for t in targets
        if t.startswith("pipelines.") and t.split(".")[1] != m.split(".")[1] and stage(t) >= stage(m)
    ]
    assert backward == []


def test_no_circle_of_imports():
    state: dict[str, int] = {}
    circles = []

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for t in sorted(GRAPH[m]):
            if state.get(t) == 1:
                circles.append([*trail[trail.index(t) :], t] if t in trail else [m, t])
            elif t not in state:
                visit(t, [*trail, t])
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m, [m])
    assert circles == []


def test_the_house_check_sees_a_violation():
    """The checks above read real imports: a module that imports upward is found."""
    fake = ast.parse("from ui.data import cached\nfrom pipelines.load.transaction import load_files\n")
    names = {f"{n.module}.{a.name}" for n in ast.walk(fake) if isinstance(n, ast.ImportFrom) for a in n.names}
    resolved = set()
    for t in names:
        while t not in MODULES:
            t = t.rpartition(".")[0]
        resolved.add(t)
    assert resolved == {"ui.data", "pipelines.load.transaction"}
    assert all(_layer(t) > _layer("warehouse.queries") for t in resolved)
