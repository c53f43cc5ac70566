"""Shared builders for the ledger tests: a real SQLite store and commitment statements."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from accords.model import make_statement
from accords.settings import get_settings
from accords.store import statements as st
from accords.store.db import connect

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def store(tmp_path: Path) -> Engine:
    return connect(get_settings(database_url=f"sqlite:///{tmp_path}/a.db"))


def commitment(entity_id: str, *, source: str, when: datetime = T0, review: str = "accepted",
               **props: Any) -> Iterator[Any]:
    """One accepted statement per property, all from ``source`` (a URL, or human:<name>)."""
    human = source.startswith("human:")
    for prop, value in props.items():
        yield make_statement(entity_id, "commitment", prop, value, method="human:test" if human else "test",
                             author=source[6:] if human else None,
                             source_url=None if human else source, status=review, recorded_at=when)


def add(session: Any, *stmt_groups: Iterator[Any], now: datetime = T0) -> None:
    for group in stmt_groups:
        st.add_statements(session, list(group), who="test", now=now)
