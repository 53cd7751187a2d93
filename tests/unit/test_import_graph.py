"""The package's imports run one way: YAML -> catalog -> lifecycle | targets -> (the prebuilt
build) -> build -> api -> cli.

Every import counts, deferred ones too: a circle hidden inside a function is still a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator" / "sagemaker_iac"

# Each stage may import only stages of a lower rank (and itself, without a circle).
RANKS = {
    "__init__": 0,
    "errors": 0,
    "files": 0,
    "catalog": 1,
    "outtree": 1,
    "lifecycle": 2,
    "targets": 2,
    "lint": 2,
    "migrate": 2,
    "cfn_lint_rules": 3,
    "lint_formats": 3,
    "checkov_checks": 3,
    "_prebuilt": 3,
    "build": 4,
    "api": 5,
    "_compile": 5,
    "cli": 6,
    "console": 7,
}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"


def imports(path: Path, root: Path = PACKAGE) -> set[str]:
    """The package modules a file imports, as dotted names relative to the package."""
    name = module_name(path, root)
    here = name.split(".") if name != "__init__" else []
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = [*base, *(node.module.split(".") if node.module else [])]
            names = [node.module] if node.module else [a.name for a in node.names]
            if node.module:
                found.add(".".join(target) or "__init__")
            else:
                found.update(".".join([*base, n]) for n in names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sagemaker_iac"):
            found.add(node.module.removeprefix("sagemaker_iac").lstrip(".") or "__init__")
    return {f for f in found if f}


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    files = [p for p in root.rglob("*.py") if "_compiled" not in p.parts]
    modules = {module_name(p, root) for p in files}
    edges = {}
    for path in files:
        name = module_name(path, root)
        # "from . import x" may name a module or an attribute: keep what is a module.
        edges[name] = {_module(m, modules) for m in imports(path, root)} - {name}
    return edges


def _module(name: str, modules: set[str]) -> str:
    """The module an import names: itself, or the package holding the imported attribute."""
    if name in modules or name in RANKS:
        return name
    return name.rsplit(".", 1)[0] if "." in name else "__init__"  # from .. import __version__


def stage(module: str) -> str:
    return module.split(".")[0]


def upward(edges: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{a} -> {b}"
        for a, targets in edges.items()
        for b in targets
        if RANKS[stage(b)] > RANKS[stage(a)]
        or (RANKS[stage(b)] == RANKS[stage(a)] and stage(a) != stage(b))
    )


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def test_every_module_has_a_stage():
    assert {stage(m) for m in graph()} <= set(RANKS)


def test_imports_run_only_downward():
    assert upward(graph()) == []


def test_there_is_no_import_circle():
    assert circles(graph()) == []


def reached_in(edges: dict[str, set[str]]) -> list[str]:
    """Imports of a _private module from outside its folder (the build step aside)."""
    return sorted(
        f"{a} -> {b}"
        for a, targets in edges.items()
        for b in targets
        if b.rsplit(".", 1)[-1].startswith("_")
        and a != "_compile"
        and "." in b
        and a != b.rsplit(".", 1)[0]  # the folder's own __init__
        and not a.startswith(b.rsplit(".", 1)[0] + ".")
    )


def _package_imports(path: Path) -> set[str]:
    """The sagemaker_iac modules a file outside the package imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        found |= {n for n in names if n.split(".")[0] == "sagemaker_iac"}
    return found


def test_the_cli_and_the_benchmarks_reach_the_package_only_through_api():
    assert graph()["cli"] == {"api"}
    benchmarks = sorted((PACKAGE.parents[1] / "benchmarks").glob("*.py"))
    assert benchmarks
    assert set().union(*map(_package_imports, benchmarks)) == {"sagemaker_iac.api"}


def test_private_modules_are_imported_only_in_their_folder():
    assert reached_in(graph()) == []
    assert reached_in({"lint": {"catalog._yamlsource"}}) == ["lint -> catalog._yamlsource"]
    assert reached_in({"catalog.load": {"catalog._yamlsource"}}) == []
    assert reached_in({"catalog": {"catalog._model"}}) == []


def kept_in(edges: dict[str, set[str]]) -> list[str]:
    """Modules without the _ that no module outside their folder imports."""
    packages = {m.rsplit(".", 1)[0] for m in edges if "." in m}
    found = []
    for module in sorted(edges):
        folder, _, name = module.rpartition(".")
        if not folder or name.startswith("_") or module in packages:
            continue
        users = {a for a, targets in edges.items() if module in targets}
        if all(a == folder or a.startswith(folder + ".") for a in users):
            found.append(module)
    return found


def test_every_module_used_only_in_its_folder_is_named_private():
    assert kept_in(graph()) == []
    assert kept_in({"build": set(), "targets.x": set(), "targets.y": {"targets.x"}}) == [
        "targets.x",
        "targets.y",
    ]
    assert kept_in({"build": {"targets.x"}, "targets.x": set()}) == []


def test_lifecycle_and_targets_do_not_import_each_other():
    edges = graph()
    crossing = {
        (a, b)
        for a, bs in edges.items()
        for b in bs
        if {stage(a), stage(b)} == {"lifecycle", "targets"}
    }
    assert crossing == set()


@pytest.mark.parametrize(
    ("files", "finding"),
    [
        # The old circle, a deferred import included: cloudformation <-> cfntraining.
        (
            {
                "targets/__init__.py": "",
                "targets/a.py": "def f():\n    from .b import g\n",
                "targets/b.py": "from .a import f\n",
            },
            "circle",
        ),
        ({"catalog/__init__.py": "", "catalog/m.py": "from ..targets import x\n"}, "upward"),
        ({"lifecycle/__init__.py": "", "lifecycle/m.py": "from ..targets.t import x\n"}, "upward"),
    ],
)
def test_the_checks_find_a_circle_and_an_upward_import(tmp_path, files, finding):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    edges = graph(tmp_path)
    assert (circles(edges) != []) == (finding == "circle")
    assert (upward(edges) != []) == (finding == "upward")


def test_the_cli_reaches_the_package_only_through_the_api():
    assert graph()["cli"] == {"api"}
