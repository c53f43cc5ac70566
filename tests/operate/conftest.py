"""Fixtures for the operate tests: a fresh SQLite store per test and a small agreement set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from accords.model.statement import ACCEPTED, make_statement
from accords.settings import Settings, get_settings
from accords.store import statements as st
from accords.store.db import connect, session_scope

LOADED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SOURCE = "https://example.org/test-fixture"

# (id, parties, signed, duration_years, consultation_hours, consultation_trigger)
SMALL_SET: list[tuple[str, tuple[str, ...], str, float | None, float | None, str | None]] = [
    ("UKR-GBR-2024", ("UKR", "GBR"), "2024-01-12", 10, 24, None),
    ("UKR-JPN-2024", ("UKR", "JPN"), "2024-06-13", 10, 24, "future Russian armed attack on Ukraine"),
    ("UKR-FIN-2024", ("UKR", "FIN"), "2024-04-03", 10, None, None),          # time limit unknown
    ("UKR-EUU-2024", ("UKR", "EUU"), "2024-06-27", None, 24, None),          # duration unknown
    ("UKR-ZZA-2027", ("UKR", "ZZA"), "2027-01-20", 10, 24, None),            # signed after the event
    ("UKR-ZZB-2014", ("UKR", "ZZB"), "2014-03-01", 10, 24, None),            # expired 2024-03-01
    ("UKR-ZZC-2024", ("UKR", "ZZC"), "2024-05-01", 10, None, "none"),        # no mechanism
    ("ZZD-DEU-2024", ("ZZD", "DEU"), "2024-05-01", 10, 24, None),            # Ukraine not a party
]


def agreement_statements(aid: str, parties: tuple[str, ...], signed: str, years: float | None,
                         hours: float | None, trigger: str | None) -> list[Any]:
    values: list[tuple[str, Any]] = [("date_signed", signed)] + [("parties", p) for p in parties]
    if years is not None:
        values.append(("duration_years", years))
    if hours is not None:
        values.append(("consultation_hours", hours))
    if trigger is not None:
        values.append(("consultation_trigger", trigger))
    return [make_statement(aid, "agreement", prop, value, method="dataset:test", dataset="test",
                           source_url=SOURCE, status=ACCEPTED) for prop, value in values]


def seed(session: Session, rows: list[Any] | None = None, now: datetime = LOADED) -> None:
    stmts = [s for row in (rows or SMALL_SET) for s in agreement_statements(*row)]
    st.add_statements(session, stmts, who="test", now=now)


@pytest.fixture
def settings(db_url: str) -> Settings:
    """The same store as the root ``cli`` fixture, so CLI tests can seed it first."""
    return get_settings(database_url=db_url, timezone="Europe/Kyiv")


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    eng = connect(settings)
    yield eng
    eng.dispose()


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        seed(session)
    return engine
