"""Ingest is one transaction per document: duplicates add nothing, failures leave no trace."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

from accords.ingest import ingest_extraction
from accords.model.statement import Statement
from accords.store.db import session_scope
from accords.store.tables import documents, entities, statements, transitions
from tests.conftest import DAY1, DAY2

TEXT = ("On 13 June 2024 Japan and Ukraine signed a 10-year accord. Japan has pledged $4.5 billion "
        "for 2024. The parties will consult within 24 hours.")


@dataclass
class Extracted:
    """Plain data in the shape the extraction pipeline returns."""

    text: str
    data: dict[str, Any]
    media_type: str = "text/plain"
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.text.encode()).hexdigest()


def _span(quote: str) -> list[int]:
    start = TEXT.index(quote)
    return [start, start + len(quote)]


def sample() -> Extracted:
    q1, q2, q3 = "signed a 10-year accord", "pledged $4.5 billion", "consult within 24 hours"
    return Extracted(TEXT, {
        "document": {"title": "Sample", "authors": ["A. Writer"], "publication_date": "2024-06-20"},
        "agreements": [{"parties": ["JPN", "UKR"], "date_signed": "2024-06-13", "duration_years": 10,
                        "quote": q1, "span": _span(q1)}],
        "commitments": [{"donor": "JPN", "recipient": "UKR", "amount": 4.5e9, "currency": "USD",
                         "status": "pledged", "period": "2024", "category": "unspecified",
                         "quote": q2, "span": _span(q2)}],
        "consultation_hours": [{"parties": ["JPN", "UKR"], "hours": 24, "trigger": "armed attack",
                                "quote": q3, "span": _span(q3)}],
    })


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (documents, entities, statements, transitions)}


def test_ingest_stores_candidates_with_quotes_that_point_into_the_text(engine: Engine) -> None:
    with session_scope(engine) as s:
        report = ingest_extraction(s, sample(), who="t", now=DAY1)
    assert report.created and report.statements > 0
    with engine.connect() as conn:
        rows = conn.execute(select(statements.c.quote, statements.c.span_start, statements.c.span_end,
                                   statements.c.status, statements.c.entity_id)).all()
    assert all(TEXT[r.span_start:r.span_end] == r.quote for r in rows)
    assert {r.status for r in rows} == {"candidate"}
    assert "UKR-JPN-2024" in {r.entity_id for r in rows}


def test_ingesting_the_same_document_twice_adds_nothing(engine: Engine) -> None:
    with session_scope(engine) as s:
        ingest_extraction(s, sample(), who="t", now=DAY1)
    before = counts(engine)
    with session_scope(engine) as s:
        report = ingest_extraction(s, sample(), who="t", now=DAY2)
    assert not report.created and report.statements == 0
    assert counts(engine) == before


class Boom(RuntimeError):
    pass


def fail_after(n: int):  # type: ignore[no-untyped-def]
    def hook(stream: Iterator[Statement]) -> Iterator[Statement]:
        for i, s in enumerate(stream):
            if i == n:
                raise Boom("injected failure")
            yield s
    return hook


@pytest.mark.parametrize("n", [0, 3])
def test_a_failure_mid_ingest_leaves_the_store_exactly_as_before(engine: Engine, n: int) -> None:
    other = Extracted("Another document entirely.", {"document": {"title": "other"}})
    with session_scope(engine) as s:
        ingest_extraction(s, other, who="t", now=DAY1)
    before = counts(engine)
    with pytest.raises(Boom), session_scope(engine) as s:
        # n=3 lets some rows be flushed... they are in the same transaction and must vanish
        ingest_extraction(s, sample(), who="t", now=DAY2, hook=fail_after(n))
    assert counts(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    with session_scope(engine) as s:  # and the document can then be ingested cleanly
        assert ingest_extraction(s, sample(), who="t", now=DAY2).created


def test_entities_are_looked_up_once_per_batch_not_once_per_entity(engine: Engine) -> None:
    """Which of a document's entities exist is one query per batch of ids: asking it again for
    each entity made ingest quadratic in a document's entities (a 300-entity batch, 300 queries)."""
    from sqlalchemy import event

    from accords.store.statements import ensure_entities

    selects: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    items = [(f"E-{i}", "Agreement", None) for i in range(300)]
    event.listen(engine, "before_cursor_execute", count)
    try:
        with session_scope(engine) as s:
            assert ensure_entities(s, items, now=DAY1) == 300
            assert ensure_entities(s, [*items[:10], ("E-new", "Agreement", None)], now=DAY1) == 1
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(selects) == 2
    assert counts(engine)["entities"] == 301
