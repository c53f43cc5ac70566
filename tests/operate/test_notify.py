"""Notifications: what is due when, and at-least-once delivery to a real HTTP receiver."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import Engine, select

from accords.errors import NotifyError
from accords.model.entities import Agreement
from accords.operate import consultations as cons
from accords.operate import deliver, notify, service
from accords.operate import events as ev
from accords.operate.tables import notification_outbox
from accords.settings import Settings, WebhookSettings
from accords.store.db import session_scope

from .receiver import receiver

AT = datetime(2026, 12, 1, 2, 30, tzinfo=UTC)
SECRET = "s3cr3t-for-tests-only"


class Clock:
    """A clock that ticks one second per reading, so attempt times are ordered and known."""

    def __init__(self, start: datetime) -> None:
        self.t = start

    def __call__(self) -> datetime:
        self.t += timedelta(seconds=1)
        return self.t


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    # trust_env=False: a proxy set in the environment must not swallow calls to 127.0.0.1.
    with httpx.Client(timeout=5.0, trust_env=False) as c:
        yield c


def triggered(engine: Engine) -> ev.TriggerEvent:
    with session_scope(engine) as s:
        return ev.record_trigger(s, kind="armed-attack", against="UKR", by="RUS", at=AT,
                                 who="duty", now=AT)[0]


def jpn_new(engine: Engine, settings: Settings, now: datetime) -> list[notify.Notification]:
    with session_scope(engine) as s:
        due = service.due_notifications(s, settings, now)
    return [n for n in due if n.kind == notify.NEW and n.subject.endswith("/UKR-JPN-2024")]


def test_due_notifications_follow_thresholds(seeded: Engine, settings: Settings) -> None:
    triggered(seeded)
    deadline = AT + timedelta(hours=24)

    def kinds(now: datetime) -> set[tuple[str, str]]:
        with session_scope(seeded) as s:
            return {(n.kind, n.threshold) for n in service.due_notifications(s, settings, now)
                    if n.subject.endswith("UKR-JPN-2024")}

    assert kinds(deadline - timedelta(hours=13)) == {(notify.NEW, "")}
    assert kinds(deadline - timedelta(hours=11)) == {(notify.NEW, ""), (notify.APPROACHING, "12h")}
    # A notifier that wakes up late sends the tightest reminder only.
    assert kinds(deadline - timedelta(hours=1)) == {(notify.NEW, ""), (notify.APPROACHING, "2h")}
    assert kinds(deadline + timedelta(minutes=1)) == {(notify.NEW, ""), (notify.OVERDUE, "")}
    with session_scope(seeded) as s:
        cons.convene(s, "UKR-JPN-2024", at=AT + timedelta(hours=3), who="desk", now=AT + timedelta(hours=3))
    assert kinds(deadline + timedelta(minutes=1)) == {(notify.NEW, "")}
    # Unknown limits get the news but no reminders.
    with session_scope(seeded) as s:
        fin = {n.kind for n in service.due_notifications(s, settings, deadline + timedelta(hours=5))
               if n.subject.endswith("UKR-FIN-2024")}
    assert fin == {notify.NEW}


def test_delivery_ids_are_deterministic() -> None:
    a = notify.delivery_id(notify.APPROACHING, "E/UKR-JPN-2024", "12h")
    assert a == notify.delivery_id(notify.APPROACHING, "E/UKR-JPN-2024", "12h")
    assert a != notify.delivery_id(notify.APPROACHING, "E/UKR-JPN-2024", "2h")
    assert a != notify.delivery_id(notify.OVERDUE, "E/UKR-JPN-2024", "12h")


def test_expiry_notices() -> None:
    jpn = Agreement("UKR-JPN-2024", parties=("UKR", "JPN"), date_signed="2024-06-13", duration_years=10)
    unknown = Agreement("UKR-EUU-2024", parties=("UKR", "EUU"), date_signed="2024-06-27")
    early = datetime(2034, 3, 1, tzinfo=UTC)
    inside = datetime(2034, 4, 1, tzinfo=UTC)
    after = datetime(2034, 6, 13, tzinfo=UTC)
    assert notify.expiry_notices([jpn, unknown], early, 90) == []
    notes = notify.expiry_notices([jpn, unknown], inside, 90)
    assert [(n.kind, n.subject, n.threshold) for n in notes] == [
        (notify.EXPIRING, "UKR-JPN-2024@2034-06-13", "90d")]
    assert notes[0].payload["agreement"]["expires_on"] == "2034-06-13"
    assert notify.expiry_notices([jpn], after, 90) == []


def test_fails_twice_then_succeeds_one_logical_delivery(seeded: Engine, settings: Settings,
                                                        client: httpx.Client) -> None:
    triggered(seeded)
    now = AT + timedelta(hours=1)
    notes = jpn_new(seeded, settings, now)
    assert len(notes) == 1
    sleeps: list[float] = []
    with receiver([500, 500, 200]) as rx:
        hooks = [WebhookSettings(url=rx.url, secret=SECRET)]
        with session_scope(seeded) as s:
            report = deliver.run_once(s, notes, hooks, now=now, clock=Clock(now), sleep=sleeps.append,
                                      client=client)
        assert (report.enqueued, report.delivered, report.failed, report.attempts) == (1, 1, 0, 3)
        assert sleeps == [1.0, 2.0]  # exponential backoff between the three tries
        ids = {r.headers["X-Accords-Delivery"] for r in rx.got}
        assert len(rx.got) == 3 and ids == {notes[0].delivery_id}
        for r in rx.got:
            assert deliver.verify(r.body, SECRET, r.headers["X-Accords-Signature"])
            assert not deliver.verify(r.body, "another-secret", r.headers["X-Accords-Signature"])
            body = json.loads(r.body)
            assert body["delivery_id"] == notes[0].delivery_id and body["kind"] == notify.NEW
            assert body["consultation"]["deadline"] == "2026-12-02T02:30:00+00:00"
        assert len({r.body for r in rx.got}) == 1
        # A second pass finds nothing to send: one logical delivery.
        with session_scope(seeded) as s:
            again = deliver.run_once(s, notes, hooks, now=now, clock=Clock(now), sleep=sleeps.append,
                                     client=client)
        assert (again.enqueued, again.attempts) == (0, 0) and len(rx.got) == 3
    with session_scope(seeded) as s:
        log = deliver.log(s)
    assert [(r["attempt"], r["status_code"]) for r in reversed(log)] == [(1, 500), (2, 500), (3, 200)]
    assert {r["delivery_id"] for r in log} == {notes[0].delivery_id} and all(r["done"] for r in log)
    assert len({r["payload_hash"] for r in log}) == 1


def test_killed_before_marking_done_resends_with_the_same_id(seeded: Engine, settings: Settings,
                                                             client: httpx.Client) -> None:
    triggered(seeded)
    now = AT + timedelta(hours=1)
    notes = jpn_new(seeded, settings, now)

    def killed(item: deliver.OutboxItem, code: int) -> None:
        raise RuntimeError("notifier killed after the POST, before marking it done")

    with receiver([200, 200]) as rx:
        hooks = [WebhookSettings(url=rx.url, secret=SECRET)]
        with pytest.raises(RuntimeError, match="killed"), session_scope(seeded) as s:
            deliver.run_once(s, notes, hooks, now=now, clock=Clock(now), sleep=lambda _: None,
                             client=client, after_send=killed)
        assert len(rx.got) == 1
        with session_scope(seeded) as s:  # the attempt is on record, the notification still pending
            assert [i.delivery_id for i in deliver.pending(s)] == [notes[0].delivery_id]
        # Restart: recomputed from the store, the same notification goes out again, same id.
        notes_again = jpn_new(seeded, settings, now + timedelta(minutes=5))
        with session_scope(seeded) as s:
            report = deliver.run_once(s, notes_again, hooks, now=now, clock=Clock(now),
                                      sleep=lambda _: None, client=client)
        assert (report.enqueued, report.delivered) == (0, 1)
        assert [r.headers["X-Accords-Delivery"] for r in rx.got] == [notes[0].delivery_id] * 2
        assert rx.got[0].body == rx.got[1].body
    with session_scope(seeded) as s:
        assert deliver.pending(s) == []
        assert [r["attempt"] for r in reversed(deliver.log(s))] == [1, 2]


def test_unreachable_and_refused_stay_pending(seeded: Engine, client: httpx.Client) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    note = notify.Notification(notify.EXPIRING, "UKR-JPN-2024@2034-06-13", "90d", {"text": "x"})
    hooks = [WebhookSettings(url=f"http://127.0.0.1:{port}/hook", secret=SECRET)]
    sleeps: list[float] = []
    with session_scope(seeded) as s:
        report = deliver.run_once(s, [note], hooks, now=AT, clock=Clock(AT), sleep=sleeps.append,
                                  client=client, max_attempts=3, base_delay=0.5)
        assert (report.delivered, report.failed, report.attempts) == (0, 1, 3)
        assert sleeps == [0.5, 1.0]
        log = deliver.log(s)
        assert all(r["status_code"] is None and "Connect" in r["error"] for r in log)
        assert s.execute(select(notification_outbox.c.done_at)).scalar() is None
    with receiver([410]) as rx, session_scope(seeded) as s:
        gone = [WebhookSettings(url=rx.url, secret=SECRET)]
        report = deliver.run_once(s, [note], gone, now=AT, clock=Clock(AT), sleep=sleeps.append, client=client)
        assert report.attempts == 1 and report.failed == 1  # a 4xx is not retried within the pass


def test_no_webhooks_is_a_clear_error(seeded: Engine) -> None:
    with session_scope(seeded) as s, pytest.raises(NotifyError, match="no webhooks"):
        deliver.run_once(s, [], [], now=AT, clock=Clock(AT), sleep=lambda _: None)


def test_enqueue_is_idempotent_across_notifiers(seeded: Engine) -> None:
    note = notify.Notification(notify.EXPIRING, "UKR-JPN-2024@2034-06-13", "90d", {"text": "x"})
    hooks = [WebhookSettings(url="http://127.0.0.1:9/hook", secret=SECRET)]
    with session_scope(seeded) as a, session_scope(seeded) as b:
        assert deliver.enqueue(a, [note], hooks, AT) == 1
        a.commit()
        assert deliver.enqueue(b, [note], hooks, AT) == 0
        assert len(deliver.pending(b)) == 1
