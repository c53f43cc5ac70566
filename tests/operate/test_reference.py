"""A trigger on the shipped reference dataset: the hand-checked set of consultation clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from accords.operate import consultations as cons
from accords.operate import events as ev
from accords.operate import service
from accords.store import views
from accords.store.db import session_scope

# Hand-checked against the reference agreements (24 h reported for these fourteen).
KNOWN_24H = {"UKR-GBR-2024", "UKR-DEU-2024", "UKR-FRA-2024", "UKR-DNK-2024", "UKR-CAN-2024",
             "UKR-ITA-2024", "UKR-NLD-2024", "UKR-ESP-2024", "UKR-BEL-2024", "UKR-PRT-2024",
             "UKR-JPN-2024", "UKR-USA-2024", "UKR-EUU-2024", "UKR-ROU-2024"}
# No time limit found in public reporting for these (research may fill some in, never add more).
UNKNOWN = {"UKR-FIN-2024", "UKR-LVA-2024", "UKR-SWE-2024", "UKR-ISL-2024", "UKR-NOR-2024",
           "UKR-LTU-2024", "UKR-EST-2024", "UKR-POL-2024", "UKR-LUX-2024", "UKR-CZE-2024",
           "UKR-SVN-2024", "UKR-IRL-2024", "UKR-HRV-2024", "UKR-GRC-2024", "UKR-ALB-2025"}
LOADED = datetime(2026, 11, 28, tzinfo=UTC)


@pytest.fixture
def reference(engine: Engine) -> Engine:
    loader = pytest.importorskip("accords.dataset.loader")
    if not hasattr(loader, "load_reference"):
        pytest.skip("the reference dataset loader is not there yet")
    with session_scope(engine) as s:
        loader.load_reference(s, who="test", now=LOADED)
    return engine


def fire(engine: Engine, at: datetime) -> tuple[list[cons.Consultation], dict[str, str], set[str]]:
    with session_scope(engine) as s:
        event, _ = ev.record_trigger(s, kind="armed-attack", against="UKR", by="RUS", at=at,
                                     who="test", now=LOADED)
        board = cons.board(s, at, event_id=event.id)
        excluded = {x.agreement_id: x.reason for x in service.excluded(s, event_id=event.id)}
        ukraine = {a.id for a in views.agreements(s) if "UKR" in a.parties and not a.mentioned_only}
    return board, excluded, ukraine


def test_attack_in_december_2026_starts_every_clock(reference: Engine) -> None:
    at = datetime.fromisoformat("2026-12-01T04:30+02:00")
    board, excluded, ukraine = fire(reference, at)
    by_id = {c.agreement_id: c for c in board}
    assert excluded == {}  # all signed 2024-25, ten-year terms or no term: all in force
    assert set(by_id) == ukraine and len(ukraine) >= 29
    hours24 = {i for i, c in by_id.items() if c.hours == 24}
    unknown = {i for i, c in by_id.items() if c.hours is None}
    assert hours24 >= KNOWN_24H
    assert unknown <= UNKNOWN and unknown  # listed as unknown, not dropped
    assert all("time limit unknown" in by_id[i].notes for i in unknown)
    assert by_id["UKR-JPN-2024"].deadline == at + timedelta(hours=24)
    assert by_id["UKR-JPN-2024"].deadline == datetime(2026, 12, 2, 2, 30, tzinfo=UTC)
    assert by_id["UKR-EUU-2024"].deadline == at + timedelta(hours=24)  # no fixed term: assumed in force


def test_attack_before_japan_signed_does_not_count_japan(reference: Engine) -> None:
    at = datetime(2024, 6, 12, 22, 0, tzinfo=UTC)  # the eve of the Japan and US signatures
    board, excluded, _ = fire(reference, at)
    ids = {c.agreement_id for c in board}
    assert "UKR-GBR-2024" in ids and "UKR-NOR-2024" in ids
    assert "UKR-JPN-2024" not in ids and "UKR-ALB-2025" not in ids
    assert "not yet signed" in excluded["UKR-JPN-2024"] and "2024-06-13" in excluded["UKR-JPN-2024"]
