"""The operate tables and their migration agree; nothing about deadlines is stored."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

import accords.all_tables  # noqa: F401 - every table module registered
from accords.operate import tables
from accords.store.tables import metadata

OURS = {"convenings", "notification_outbox", "deliveries"}


def _touches_ours(diff: object) -> bool:
    text = repr(diff)
    return any(name in text for name in OURS)


def test_operate_tables_are_registered_and_migrated(engine: Engine) -> None:
    assert set(metadata.tables) >= OURS
    assert {t.name for t in (tables.convenings, tables.notification_outbox, tables.deliveries)} == OURS
    assert set(inspect(engine).get_table_names()) >= OURS
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert [d for d in diff if _touches_ours(d)] == []
    # Deadlines are recomputed, never stored: no table has a deadline column.
    assert all("deadline" not in c.name for name in OURS for c in metadata.tables[name].columns)
