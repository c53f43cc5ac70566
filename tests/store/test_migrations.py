"""The Alembic migrations build exactly the schema the table definitions describe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

import accords.all_tables  # noqa: F401 - every table module registered
from accords.store.tables import metadata

ROOT = Path(__file__).resolve().parents[2]


def test_models_and_migrations_agree(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_alembic_upgrade_head_on_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    done = subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=ROOT,
                          env={"ACCORDS_DATABASE_URL": url, "PATH": ""}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    names = set(inspect(create_engine(url)).get_table_names())
    assert {"documents", "entities", "statements", "transitions", "alembic_version"} <= names
    assert set(metadata.tables) <= names
