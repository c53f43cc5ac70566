"""The arrows point one way (DESIGN.md): faces -> analyze/operate -> store -> model; extract -> model.

Checked on the import statements of every module, so a shortcut shows up as a failing test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "accords"

# package -> packages it must never import
FORBIDDEN = {
    "model": ("accords.store", "accords.extract", "accords.cli", "accords.analyze", "accords.operate",
              "accords.dataset", "accords.services", "accords.ingest"),
    "store": ("accords.extract", "accords.cli", "accords.analyze", "accords.operate", "accords.services"),
    "extract": ("accords.store", "accords.cli", "accords.analyze", "accords.operate", "accords.dataset"),
    "analyze": ("accords.cli", "accords.extract"),
    "operate": ("accords.cli", "accords.extract"),
    "dataset": ("accords.cli", "accords.extract"),
}
CORE_FORBIDS_DIALECTS = ("sqlite3", "psycopg", "psycopg2", "sqlalchemy.dialects")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_one_way(package: str) -> None:
    bad = []
    for path in modules(package):
        if "migrations" in path.parts:
            continue
        for name in imports_of(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[package]):
                bad.append(f"{path.relative_to(SRC)} imports {name}")
    assert bad == []


def test_core_uses_no_database_dialect_directly() -> None:
    bad = []
    for package in ("model", "store", "extract", "analyze", "operate", "dataset"):
        for path in modules(package):
            for name in imports_of(path):
                if any(name == d or name.startswith(d + ".") for d in CORE_FORBIDS_DIALECTS):
                    bad.append(f"{path.relative_to(SRC)} imports {name}")
    assert bad == []


def test_nothing_builds_settings_at_import_time() -> None:
    bad = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in tree.body:  # module level only
            for call in ast.walk(node) if isinstance(node, ast.Assign | ast.Expr) else ():
                if isinstance(call, ast.Call) and getattr(call.func, "id", "") in ("get_settings", "Settings"):
                    bad.append(str(path.relative_to(SRC)))
    assert bad == []
