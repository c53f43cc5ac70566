"""The same store code on a real PostgreSQL server (no SQLite-only SQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

import accords.all_tables  # noqa: F401
from accords.model import make_statement
from accords.settings import get_settings
from accords.store import statements as st
from accords.store import views
from accords.store.db import connect, session_scope
from accords.store.tables import metadata
from tests import pg
from tests.conftest import DAY1, DAY2

pytestmark = pytest.mark.skipif(pg.available() is not None, reason=str(pg.available()))


@pytest.fixture(scope="module")
def pg_engine() -> Iterator[Engine]:
    with pg.cluster() as url:
        engine = connect(get_settings(database_url=url))
        yield engine
        engine.dispose()


def test_migrations_match_models_on_postgres(pg_engine: Engine) -> None:
    with pg_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_round_trip_review_and_as_of_on_postgres(pg_engine: Engine) -> None:
    a = make_statement("UKR-JPN-2024", "agreement", "consultation_hours", 24, method="m", source_url="u1")
    b = make_statement("UKR-JPN-2024", "agreement", "consultation_hours", 48, method="m", source_url="u2")
    with session_scope(pg_engine) as s:
        assert st.add_statements(s, [a, b], who="t", now=DAY1) == 2
        st.review(s, a.id, "accepted", who="ana", now=DAY2)
        st.review(s, b.id, "accepted", who="ana", now=DAY2 + timedelta(hours=1))
    with session_scope(pg_engine) as s:
        [agr] = views.agreements(s)
        assert sorted(agr.conflicts["consultation_hours"]) == [24, 48]
        assert views.agreements(s, as_of=DAY1 + timedelta(hours=1)) == []
        [then] = views.agreements(s, as_of=DAY2 + timedelta(minutes=30))
        assert then.consultation_hours == 24 and not then.conflicts
        assert [t.to_status for t in st.history(s, a.id)] == ["candidate", "accepted"]
