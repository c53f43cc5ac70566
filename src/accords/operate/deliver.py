"""Delivering notifications to webhooks: an outbox, signed POSTs, retries, a log of attempts.

At-least-once: a notification enters the outbox (one row per webhook) with its payload frozen;
it is marked done only after a 2xx. Every attempt is logged and committed at once, so a
notifier killed at any point resends on its next run with the same delivery id.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from accords.errors import NotifyError
from accords.operate.notify import Notification
from accords.operate.tables import deliveries, notification_outbox
from accords.settings import WebhookSettings

SIGNATURE_HEADER = "X-Accords-Signature"
DELIVERY_HEADER = "X-Accords-Delivery"
KIND_HEADER = "X-Accords-Event"

Sleep = Callable[[float], None]
Clock = Callable[[], datetime]
AfterSend = Callable[["OutboxItem", int], None]


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: str
    delivery_id: str
    url: str
    kind: str
    subject: str
    payload: dict[str, Any]
    payload_hash: str


@dataclass
class RunReport:
    enqueued: int = 0
    delivered: int = 0
    failed: int = 0
    attempts: int = 0
    skipped: int = 0


def body_bytes(payload: dict[str, Any]) -> bytes:
    """Canonical JSON: the bytes that are signed are the bytes that are sent."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header: str) -> bool:
    """What a receiver does; used by the tests and offered to users in the docs."""
    return hmac.compare_digest(sign(body, secret), header)


def _outbox_id(delivery: str, url: str) -> str:
    return f"{delivery}:{hashlib.sha256(url.encode()).hexdigest()[:12]}"


def enqueue(session: Session, notes: Sequence[Notification], webhooks: Sequence[WebhookSettings],
            now: datetime) -> int:
    """Put each notification in the outbox once per webhook; returns how many rows are new."""
    wanted = {_outbox_id(n.delivery_id, w.url): (n, w.url) for n in notes for w in webhooks}
    if not wanted:
        return 0
    have = set(session.execute(select(notification_outbox.c.id)
                               .where(notification_outbox.c.id.in_(list(wanted)))).scalars())
    rows = []
    for oid, (n, url) in wanted.items():
        if oid in have:
            continue
        body = n.body()
        rows.append({"id": oid, "delivery_id": n.delivery_id, "url": url, "kind": n.kind,
                     "subject": n.subject, "payload": body,
                     "payload_hash": hashlib.sha256(body_bytes(body)).hexdigest(),
                     "created_at": now, "done_at": None})
    added = 0
    for row in rows:
        # A savepoint per row: a second notifier enqueuing the same row at the same moment is
        # harmless (same id, same payload), so a duplicate key is skipped, not fatal.
        try:
            with session.begin_nested():
                session.execute(insert(notification_outbox).values(**row))
            added += 1
        except IntegrityError:
            continue
    return added


def pending(session: Session) -> list[OutboxItem]:
    rows = session.execute(select(notification_outbox).where(notification_outbox.c.done_at.is_(None))
                           .order_by(notification_outbox.c.created_at, notification_outbox.c.id)).all()
    return [OutboxItem(r.id, r.delivery_id, r.url, r.kind, r.subject, dict(r.payload), r.payload_hash)
            for r in rows]


def _last_attempt(session: Session, item: OutboxItem) -> int:
    value = session.execute(select(func.max(deliveries.c.attempt))
                            .where(deliveries.c.delivery_id == item.delivery_id)
                            .where(deliveries.c.url == item.url)).scalar()
    return int(value or 0)


def _post(client: httpx.Client, item: OutboxItem, secret: str) -> tuple[int | None, str | None]:
    body = body_bytes(item.payload)
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(body, secret),
               DELIVERY_HEADER: item.delivery_id, KIND_HEADER: item.kind}
    try:
        response = client.post(item.url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:500]
    return response.status_code, None if response.is_success else response.text[:200] or None


def _permanent(code: int | None) -> bool:
    """A 4xx other than timeout/too-many-requests will not heal within this run."""
    return code is not None and 400 <= code < 500 and code not in (408, 429)


def deliver(session: Session, item: OutboxItem, secret: str, *, client: httpx.Client, clock: Clock,
            sleep: Sleep, max_attempts: int = 5, base_delay: float = 1.0, max_delay: float = 60.0,
            after_send: AfterSend | None = None) -> tuple[bool, int]:
    """Try one outbox item with exponential backoff; returns (delivered, attempts made)."""
    attempt = _last_attempt(session, item)
    for n in range(max_attempts):
        if n:
            sleep(min(base_delay * 2 ** (n - 1), max_delay))
        attempt += 1
        code, error = _post(client, item, secret)
        session.execute(insert(deliveries).values(
            delivery_id=item.delivery_id, url=item.url, kind=item.kind, payload_hash=item.payload_hash,
            attempt=attempt, status_code=code, error=error, at=clock()))
        session.commit()  # the attempt is on record even if the process dies next
        if code is not None and 200 <= code < 300:
            if after_send is not None:
                after_send(item, code)
            session.execute(update(notification_outbox).where(notification_outbox.c.id == item.id)
                            .values(done_at=clock()))
            session.commit()
            return True, n + 1
        if _permanent(code):
            return False, n + 1
    return False, max_attempts


def run_once(session: Session, notes: Sequence[Notification], webhooks: Sequence[WebhookSettings], *,
             now: datetime, clock: Clock, sleep: Sleep, client: httpx.Client | None = None,
             max_attempts: int = 5, base_delay: float = 1.0,
             after_send: AfterSend | None = None) -> RunReport:
    """Enqueue what is due, then deliver everything pending (older leftovers included)."""
    if not webhooks:
        raise NotifyError("no webhooks configured",
                          "set ACCORDS_WEBHOOKS='[{\"url\": \"https://...\", \"secret\": \"...\"}]'")
    report = RunReport(enqueued=enqueue(session, notes, webhooks, now))
    session.commit()
    secrets = {w.url: w.secret for w in webhooks}
    own = client is None
    http = client or httpx.Client(timeout=10.0)
    try:
        for item in pending(session):
            secret = secrets.get(item.url)
            if secret is None:
                report.skipped += 1  # its webhook was removed from the settings; keep it pending
                continue
            ok, tries = deliver(session, item, secret, client=http, clock=clock, sleep=sleep,
                                max_attempts=max_attempts, base_delay=base_delay, after_send=after_send)
            report.attempts += tries
            if ok:
                report.delivered += 1
            else:
                report.failed += 1
    finally:
        if own:
            http.close()
    return report


def log(session: Session, *, delivery: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Delivery attempts, newest first, with whether their notification is done."""
    q = (select(deliveries, notification_outbox.c.subject, notification_outbox.c.done_at)
         .join(notification_outbox, (notification_outbox.c.delivery_id == deliveries.c.delivery_id)
               & (notification_outbox.c.url == deliveries.c.url), isouter=True)
         .order_by(deliveries.c.id.desc()).limit(limit))
    if delivery:
        q = q.where(deliveries.c.delivery_id.startswith(delivery))
    return [{"at": r.at, "delivery_id": r.delivery_id, "kind": r.kind, "subject": r.subject,
             "url": r.url, "attempt": r.attempt, "status_code": r.status_code, "error": r.error,
             "done": r.done_at is not None, "payload_hash": r.payload_hash}
            for r in session.execute(q).all()]
