"""Triggering events start the right clocks: as-of reasoning, expiry, unknown limits, DST."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select

from accords.errors import InputError, NotFoundError
from accords.model.statement import ACCEPTED, make_statement
from accords.operate import consultations as cons
from accords.operate import events as ev
from accords.operate import present, service
from accords.store import statements as st
from accords.store.db import session_scope
from accords.store.tables import statements

AT = datetime.fromisoformat("2026-12-01T04:30+02:00")
NOW = datetime(2026, 12, 1, 3, 30, tzinfo=UTC)  # one hour after the attack


def trigger(engine: Engine, at: datetime = AT, now: datetime = NOW) -> tuple[ev.TriggerEvent, bool]:
    with session_scope(engine) as s:
        return ev.record_trigger(s, kind="armed-attack", against="UKR", by="RUS", at=at,
                                 who="duty-officer", now=now, note="test attack")


def test_hand_built_set_gives_the_expected_consultations(seeded: Engine) -> None:
    event, created = trigger(seeded)
    assert created
    assert event.at == datetime(2026, 12, 1, 2, 30, tzinfo=UTC)
    with session_scope(seeded) as s:
        board = cons.board(s, NOW, event_id=event.id)
        excluded = {x.agreement_id: x.reason for x in service.excluded(s, event_id=event.id)}
    by_id = {c.agreement_id: c for c in board}
    # Hand-checked: three 24 h clocks, one with an unknown time limit.
    assert set(by_id) == {"UKR-GBR-2024", "UKR-JPN-2024", "UKR-EUU-2024", "UKR-FIN-2024"}
    jpn = by_id["UKR-JPN-2024"]
    assert jpn.deadline == event.at + timedelta(hours=24)
    assert jpn.deadline == datetime(2026, 12, 2, 2, 30, tzinfo=UTC)
    assert jpn.status == cons.PENDING and jpn.id == f"{event.id}/UKR-JPN-2024"
    assert by_id["UKR-FIN-2024"].deadline is None
    assert "time limit unknown" in by_id["UKR-FIN-2024"].notes
    assert present.countdown(by_id["UKR-FIN-2024"], NOW) == "time limit unknown"
    assert any("duration unknown" in n for n in by_id["UKR-EUU-2024"].notes)
    # Excluded, each with its reason; a non-party agreement is not listed at all.
    assert set(excluded) == {"UKR-ZZA-2027", "UKR-ZZB-2014", "UKR-ZZC-2024"}
    assert "not yet signed" in excluded["UKR-ZZA-2027"] and "2027-01-20" in excluded["UKR-ZZA-2027"]
    assert "expired on 2024-03-01" in excluded["UKR-ZZB-2014"]
    assert "no consultation mechanism" in excluded["UKR-ZZC-2024"]
    # Sorted by time left; the unknown limit comes after every known one.
    assert board[-1].agreement_id == "UKR-FIN-2024"


def test_as_of_an_earlier_event_excludes_later_agreements(seeded: Engine) -> None:
    early, _ = trigger(seeded, at=datetime(2024, 3, 1, 12, 0, tzinfo=UTC))
    with session_scope(seeded) as s:
        ids = {c.agreement_id for c in cons.board(s, NOW, event_id=early.id)}
        excluded = {x.agreement_id for x in service.excluded(s, event_id=early.id)}
    # Only the UK accord (Jan 2024) was signed by then; the 2014 one expired that very day.
    assert ids == {"UKR-GBR-2024"}
    assert {"UKR-JPN-2024", "UKR-FIN-2024", "UKR-EUU-2024", "UKR-ZZA-2027", "UKR-ZZB-2014"} <= excluded


def test_expiry_boundary(seeded: Engine) -> None:
    day_before, _ = trigger(seeded, at=datetime(2024, 2, 29, 23, 0, tzinfo=UTC))
    with session_scope(seeded) as s:
        assert "UKR-ZZB-2014" in {c.agreement_id for c in cons.board(s, NOW, event_id=day_before.id)}


def test_status_moves_pending_overdue_convened(seeded: Engine) -> None:
    event, _ = trigger(seeded)
    later = event.at + timedelta(hours=26)
    with session_scope(seeded) as s:
        jpn = next(c for c in cons.board(s, later) if c.agreement_id == "UKR-JPN-2024")
        assert jpn.status == cons.OVERDUE
        assert present.countdown(jpn, later) == "overdue by 2h 00m"
        assert present.countdown(jpn, event.at + timedelta(minutes=48)) == "23h 12m left"
        done = cons.convene(s, "UKR-JPN-2024", at=event.at + timedelta(hours=20), who="desk",
                            now=later, level="foreign ministers", format="video call", note="held")
    assert done.status == cons.CONVENED
    with session_scope(seeded) as s:
        board = cons.board(s, later)
        jpn = next(c for c in board if c.agreement_id == "UKR-JPN-2024")
        assert jpn.status == cons.CONVENED and jpn.convened is not None
        assert jpn.convened.level == "foreign ministers" and jpn.convened.format == "video call"
        assert [c.status for c in cons.board(s, later, status="overdue")] == ["overdue", "overdue"]
        # Overdue first, convened last.
        assert board[0].status == cons.OVERDUE and board[-1].status == cons.CONVENED


def test_convene_refuses_bad_input(seeded: Engine) -> None:
    trigger(seeded)
    with session_scope(seeded) as s, pytest.raises(NotFoundError):
        cons.convene(s, "UKR-XYZ-2024", at=AT, who="x", now=NOW)
    with session_scope(seeded) as s, pytest.raises(InputError):
        cons.convene(s, "UKR-JPN-2024", at=AT - timedelta(hours=1), who="x", now=NOW)


def test_trigger_twice_is_idempotent_and_recompute_is_deterministic(seeded: Engine) -> None:
    first, created = trigger(seeded)
    with session_scope(seeded) as s:
        count = s.execute(select(func.count()).select_from(statements)).scalar()
        board1 = cons.board(s, NOW)
    again, created_again = trigger(seeded, now=NOW + timedelta(hours=3))
    assert created and not created_again and again == first
    with session_scope(seeded) as s:
        assert s.execute(select(func.count()).select_from(statements)).scalar() == count
        assert cons.board(s, NOW) == board1  # nothing stored about deadlines: recomputed the same
    # The same instant written in another zone is the same event.
    same, created3 = trigger(seeded, at=datetime.fromisoformat("2026-12-01T02:30:00+00:00"))
    assert same.id == first.id and not created3


def test_dst_deadline_is_24_elapsed_hours_shown_in_kyiv(seeded: Engine) -> None:
    # Kyiv leaves summer time on Sunday 25 October 2026 at 04:00 local (EEST -> EET).
    at = datetime.fromisoformat("2026-10-24T12:00+03:00")
    event, _ = trigger(seeded, at=at)
    kyiv = ZoneInfo("Europe/Kyiv")
    with session_scope(seeded) as s:
        jpn = next(c for c in cons.board(s, at, event_id=event.id) if c.agreement_id == "UKR-JPN-2024")
    assert jpn.deadline is not None
    assert (jpn.deadline - at).total_seconds() == 24 * 3600
    assert present.local(jpn.deadline, kyiv) == "2026-10-25 11:00 EET"  # not 12:00: the clock went back
    assert present.local(event.at, kyiv) == "2026-10-24 12:00 EEST"
    assert present.consultation_row(jpn, at, kyiv)["deadline_utc"] == "2026-10-25T09:00:00+00:00"


def test_trigger_from_an_accepted_extracted_event(seeded: Engine) -> None:
    src = "EV-extracted-1"
    stmts = [make_statement(src, "event", p, v, method="rule:event", dataset="x", status=ACCEPTED)
             for p, v in (("kind", "attack"), ("date", "2026-12-01"), ("against", "UKR"), ("by", "RUS"))]
    with session_scope(seeded) as s:
        st.add_statements(s, stmts, who="t", now=NOW)
        with pytest.raises(InputError, match="--at"):
            ev.trigger_from_event(s, src, who="t", now=NOW)  # a bare date is not precise enough
        event, created = ev.trigger_from_event(s, src, who="t", now=NOW, at=AT)
    assert created and event.kind == ev.ARMED_ATTACK and event.at == AT
    with session_scope(seeded) as s:
        assert event.id in {t.id for t in ev.load_triggers(s)}
        with pytest.raises(NotFoundError):
            ev.trigger_from_event(s, "EV-missing", who="t", now=NOW)


def test_mechanism_matching_rules() -> None:
    from accords.model.entities import Agreement

    event = ev.TriggerEvent("E", ev.ARMED_ATTACK, "UKR", "RUS", AT.astimezone(UTC))
    rows = [
        Agreement("A1", parties=("UKR", "AAA"), date_signed="2024-01-01", duration_years=10,
                  consultation_trigger="a cyber incident"),
        Agreement("A2", parties=("UKR", "BBB"), date_signed="2024-01-01", duration_years=10,
                  consultation_trigger="renewed Russian aggression", consultation_hours=48),
        Agreement("A3", parties=("UKR", "CCC"), date_signed="2024-01-01", expires_on="2026-06-30"),
        Agreement("A4", parties=("UKR", "DDD"), date_signed="2024-01-01", mentioned_only=True),
    ]
    out = cons.assess(event, rows)
    assert [c.agreement_id for c in out.consultations] == ["A2"]
    assert out.consultations[0].deadline == event.at + timedelta(hours=48)
    reasons = {x.agreement_id: x.reason for x in out.excluded}
    assert "cyber" in reasons["A1"] and "expired on 2026-06-30" in reasons["A3"]
    assert "only mentioned" in reasons["A4"]
    # An attack by someone else does not start a mechanism written for Russian attacks.
    other = cons.assess(ev.TriggerEvent("F", ev.ARMED_ATTACK, "UKR", "BLR", event.at), rows[1:2])
    assert other.consultations == [] and "Russia" in other.excluded[0].reason


def test_bad_trigger_input() -> None:
    with pytest.raises(InputError):
        ev.normalize_party("Ukraine", "attacked")
    with pytest.raises(InputError):
        ev.event_id("armed-attack", "UKR", "RUS", datetime(2026, 1, 1, 4, 30))  # naive time


def test_trigger_source_is_a_url_or_a_stored_document(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        event, _ = ev.record_trigger(s, kind="armed-attack", against="UKR", by="RUS", at=AT, who="d",
                                     now=NOW, source="https://example.org/report")
        assert event.source == "https://example.org/report"
        with pytest.raises(NotFoundError, match="no document"):
            ev.record_trigger(s, kind="armed-attack", against="UKR", by="RUS", at=AT, who="d", now=NOW,
                              source="D-missing")
