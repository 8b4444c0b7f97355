"""Imports follow the data flow: ontology depends on nothing of ours; loaders → extract → graph → viz; nothing
imports the CLI, and the CLI reaches the rest only through casegraph.api."""
import ast

import pytest

from tests.conftest import ROOT

PACKAGES = ("ontology", "loaders", "extract", "graph", "viz", "casegraph")
MAY_IMPORT = {
    "ontology": set(),
    "loaders": {"ontology", "graph.records"},
    "extract": {"ontology", "loaders", "graph.records", "graph.model"},
    "graph": {"ontology"},
    "viz": {"ontology", "graph"},
}


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def _ours(module):
    return module.split(".")[0] in PACKAGES


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_a_package_imports_only_what_comes_before_it(package):
    allowed = MAY_IMPORT[package] | {package}
    wrong = [f"{path.relative_to(ROOT)}: {module}" for path in (ROOT / package).rglob("*.py")
             for module in _imports(path) if _ours(module)
             and not any(module == a or module.startswith(a + ".") for a in allowed)]
    assert not wrong, wrong


def test_nothing_imports_the_cli_and_the_cli_goes_through_the_api():
    every = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py")] + list((ROOT / "tests").glob("*.py"))
    assert not [p for p in every if "casegraph.cli" in set(_imports(p)) and p.name != "test_cli.py"]
    cli = set(_imports(ROOT / "casegraph" / "cli.py"))
    assert {m for m in cli if _ours(m)} <= {"casegraph", "casegraph.api"}
