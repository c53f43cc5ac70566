"""What people must be told now: new consultations, approaching and passed deadlines, expiries.

Pure: consultations and expiries in, notifications out. Each notification's delivery id is a
hash of its kind, subject and threshold, so the same news always has the same id and a
receiver can drop repeats (delivery is at-least-once).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from accords.model.entities import Agreement
from accords.operate.consultations import CONVENED, Consultation
from accords.operate.terms import expiry

NEW, APPROACHING, OVERDUE, EXPIRING = ("consultation.new", "consultation.approaching",
                                       "consultation.overdue", "agreement.expiring")
KINDS = (NEW, APPROACHING, OVERDUE, EXPIRING)


def delivery_id(kind: str, subject: str, threshold: str = "") -> str:
    return hashlib.sha256(f"{kind}\x1f{subject}\x1f{threshold}".encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Notification:
    kind: str
    subject: str
    threshold: str = ""
    payload: dict[str, Any] = field(default_factory=dict)

    @property
    def delivery_id(self) -> str:
        return delivery_id(self.kind, self.subject, self.threshold)

    def body(self) -> dict[str, Any]:
        """The JSON sent: the id and kind first, so receivers can route and deduplicate."""
        return {"delivery_id": self.delivery_id, "kind": self.kind, "subject": self.subject,
                "threshold": self.threshold or None, **self.payload}


def _iso(dt: datetime | None) -> str | None:
    return dt.astimezone(UTC).isoformat() if dt else None


def _consultation_payload(c: Consultation, text: str) -> dict[str, Any]:
    return {"text": text, "consultation": {
        "id": c.id, "event": c.event_id, "agreement": c.agreement_id, "parties": list(c.parties),
        "event_at": _iso(c.event_at), "limit_hours": c.hours, "deadline": _iso(c.deadline),
        "notes": list(c.notes)}}


def _hours(h: float) -> str:
    return f"{h:g}h"


def consultation_notices(consultations: Iterable[Consultation], now: datetime,
                         thresholds_hours: Sequence[float]) -> list[Notification]:
    out: list[Notification] = []
    for c in consultations:
        limit = f"{c.hours:g} h" if c.hours is not None else "an unknown time limit"
        out.append(Notification(NEW, c.id, "", _consultation_payload(
            c, f"{c.agreement_id}: consultations due within {limit} of event {c.event_id}")))
        if c.status == CONVENED or c.deadline is None:
            continue
        left = c.deadline - now
        if left <= timedelta(0):
            out.append(Notification(OVERDUE, c.id, "", _consultation_payload(
                c, f"{c.agreement_id}: consultation deadline passed at {_iso(c.deadline)}")))
            continue
        # Only the tightest threshold crossed: a notifier started late sends one reminder, not all.
        crossed = [h for h in thresholds_hours if left <= timedelta(hours=h)]
        if crossed:
            h = min(crossed)
            out.append(Notification(APPROACHING, c.id, _hours(h), _consultation_payload(
                c, f"{c.agreement_id}: consultation deadline within {h:g} h ({_iso(c.deadline)})")))
    return out


def expiry_notices(agreements: Iterable[Agreement], now: datetime, notice_days: int) -> list[Notification]:
    out: list[Notification] = []
    today = now.astimezone(UTC).date()
    for a in agreements:
        if a.mentioned_only:
            continue
        ends = expiry(a)
        if ends.on is None or not (ends.on - timedelta(days=notice_days) <= today < ends.on):
            continue
        out.append(Notification(EXPIRING, f"{a.id}@{ends.on.isoformat()}", f"{notice_days}d", {
            "text": f"{a.id} expires on {ends.on.isoformat()} ({(ends.on - today).days} days left)",
            "agreement": {"id": a.id, "parties": list(a.parties), "expires_on": ends.on.isoformat(),
                          "basis": ends.basis}}))
    return out


def due(consultations: Iterable[Consultation], agreements: Iterable[Agreement], now: datetime, *,
        thresholds_hours: Sequence[float], expiry_notice_days: int) -> list[Notification]:
    """Everything that should have been told by ``now`` (already-sent ones are filtered later)."""
    return (consultation_notices(consultations, now, thresholds_hours)
            + expiry_notices(agreements, now, expiry_notice_days))
