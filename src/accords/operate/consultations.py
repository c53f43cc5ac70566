"""Consultation clocks: which agreements a triggering event sets running, and their deadlines.

``assess`` is pure: a triggering event and the agreements (as views) in, consultations and
exclusions (each with its reason) out. Deadlines are exact elapsed time in UTC, so they stay
right across daylight-saving changes. ``board`` adds what people recorded (convenings) and
the status against the ``now`` it is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from accords.errors import InputError, NotFoundError
from accords.model.entities import Agreement, Provision
from accords.operate import events as ev
from accords.operate.tables import convenings
from accords.operate.terms import expiry, parse_day
from accords.store import views

PENDING, CONVENED, OVERDUE = "pending", "convened", "overdue"
STATUSES = (PENDING, CONVENED, OVERDUE)
MECHANISM_CODE = "consultation_mechanism"
_NO_MECHANISM = re.compile(r"^\s*(none|no|absent|n/?a|false)\s*$", re.I)
_ATTACK_WORDS = re.compile(r"attack|aggression|invasion|assault", re.I)


@dataclass(frozen=True, slots=True)
class Convening:
    at: datetime
    format: str | None
    level: str | None
    note: str | None
    source: str | None
    who: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Consultation:
    """One agreement's clock for one event; ``deadline`` None means the time limit is unknown."""

    id: str
    event_id: str
    agreement_id: str
    parties: tuple[str, ...]
    event_at: datetime
    hours: float | None
    deadline: datetime | None
    notes: tuple[str, ...] = ()
    status: str = PENDING
    convened: Convening | None = None

    def time_left(self, now: datetime) -> timedelta | None:
        return None if self.deadline is None else self.deadline - now


@dataclass(frozen=True, slots=True)
class Exclusion:
    event_id: str
    agreement_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Assessment:
    event: ev.TriggerEvent
    consultations: list[Consultation] = field(default_factory=list)
    excluded: list[Exclusion] = field(default_factory=list)


def consultation_id(event_id: str, agreement_id: str) -> str:
    return f"{event_id}/{agreement_id}"


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict):
        for key in ("hours", "value", "amount"):
            if key in value:
                return _number(value[key])
    if isinstance(value, str):
        m = re.match(r"^\s*(\d+(?:\.\d+)?)\s*(h|hours?)?\s*$", value, re.I)
        return float(m.group(1)) if m else None
    return None


def _mechanism(a: Agreement, provision: Provision | None, event: ev.TriggerEvent
               ) -> tuple[str | None, float | None, list[str]]:
    """(reason to exclude or None, hours or None, notes) for one agreement and one event."""
    notes: list[str] = []
    if provision is not None and provision.value in ("absent", False):
        return "no consultation mechanism (coded absent)", None, notes
    trigger = (a.consultation_trigger or "").strip()
    if trigger and _NO_MECHANISM.match(trigger):
        return "no consultation mechanism", None, notes
    if trigger:
        if event.kind == ev.ARMED_ATTACK and not _ATTACK_WORDS.search(trigger):
            return f"mechanism is triggered by {trigger!r}, not by {event.kind}", None, notes
        if event.kind != ev.ARMED_ATTACK and event.kind.replace("-", " ") not in trigger.lower():
            return f"mechanism is triggered by {trigger!r}, not by {event.kind}", None, notes
        if re.search(r"ukrain", trigger, re.I) and event.against != "UKR":
            return f"mechanism covers attacks on Ukraine, not on {event.against}", None, notes
        if re.search(r"russia", trigger, re.I) and event.by not in (None, "RUS"):
            return f"mechanism covers attacks by Russia, not by {event.by}", None, notes
    elif event.kind == ev.ARMED_ATTACK:
        notes.append("trigger not recorded: assumed armed attack (G7 framework)")
    else:
        return f"no recorded mechanism for {event.kind}", None, notes
    hours = _number(a.consultation_hours)
    if hours is None and provision is not None:
        hours = _number(provision.value)
    if hours is None:
        notes.append("time limit unknown")
    return None, hours, notes


def assess(event: ev.TriggerEvent, agreements: Sequence[Agreement],
           provisions: Iterable[Provision] = ()) -> Assessment:
    """Which agreements this event sets a clock for, and why the others are left out."""
    mech = {p.agreement: p for p in provisions if p.code == MECHANISM_CODE}
    out = Assessment(event)
    day = event.at.date()
    for a in agreements:
        def skip(reason: str, a: Agreement = a) -> None:
            out.excluded.append(Exclusion(event.id, a.id, reason))

        if event.against not in a.parties:
            continue  # not a party: not listed at all, the board would drown in noise
        if a.mentioned_only:
            skip("only mentioned in a source, not a signed agreement")
            continue
        signed = parse_day(a.date_signed)
        if signed is None:
            skip("signing date unknown")
            continue
        if signed > day:
            skip(f"not yet signed at the event (signed {signed.isoformat()})")
            continue
        ends = expiry(a)
        notes: list[str] = []
        if ends.on is None:
            notes.append(f"assumed in force: {ends.basis}")
        elif ends.on <= day:
            skip(f"expired on {ends.on.isoformat()} ({ends.basis})")
            continue
        reason, hours, more = _mechanism(a, mech.get(a.id), event)
        if reason:
            skip(reason)
            continue
        # Elapsed time in UTC: a 24-hour limit is 24 real hours even across a DST change.
        deadline = event.at + timedelta(hours=hours) if hours is not None else None
        out.consultations.append(Consultation(
            id=consultation_id(event.id, a.id), event_id=event.id, agreement_id=a.id,
            parties=tuple(a.parties), event_at=event.at, hours=hours, deadline=deadline,
            notes=tuple(notes + more)))
    return out


def with_status(c: Consultation, convening: Convening | None, now: datetime) -> Consultation:
    if convening is not None:
        return replace(c, status=CONVENED, convened=convening)
    if c.deadline is not None and now >= c.deadline:
        return replace(c, status=OVERDUE, convened=None)
    return replace(c, status=PENDING, convened=None)


def latest_convenings(session: Session) -> dict[str, Convening]:
    rows = session.execute(select(convenings).order_by(convenings.c.id)).all()
    return {r.consultation_id: Convening(r.convened_at, r.format, r.level, r.note, r.source, r.who,
                                         r.recorded_at) for r in rows}


def assessments(session: Session, *, event_id: str | None = None,
                as_of: datetime | None = None) -> list[Assessment]:
    """Recompute every triggering event's consultations from the store (deterministic)."""
    triggers = ev.load_triggers(session, as_of)
    if event_id is not None:
        triggers = [t for t in triggers if t.id == event_id]
        if not triggers:
            ev.get_trigger(session, event_id, as_of)  # raises NotFoundError with a hint
    agreements = views.agreements(session, as_of)
    provisions = [p for p in views.provisions(session, as_of) if p.code == MECHANISM_CODE]
    return [assess(t, agreements, provisions) for t in triggers]


def sort_key(c: Consultation, now: datetime) -> tuple[int, float, str]:
    """Overdue first, then least time left; unknown limits after; convened at the end."""
    if c.status == CONVENED:
        return (3, 0.0, c.id)
    left = c.time_left(now)
    if left is None:
        return (2, 0.0, c.id)
    return (0 if c.status == OVERDUE else 1, left.total_seconds(), c.id)


def board(session: Session, now: datetime, *, event_id: str | None = None,
          status: str | None = None, as_of: datetime | None = None) -> list[Consultation]:
    if status is not None and status not in STATUSES:
        raise InputError(f"unknown status {status!r}", f"use one of {', '.join(STATUSES)}")
    done = latest_convenings(session)
    rows = [with_status(c, done.get(c.id), now)
            for a in assessments(session, event_id=event_id, as_of=as_of) for c in a.consultations]
    if status is not None:
        rows = [c for c in rows if c.status == status]
    return sorted(rows, key=lambda c: sort_key(c, now))


def resolve(session: Session, ref: str, now: datetime) -> Consultation:
    """A consultation by its id, or by agreement id when only one open event concerns it."""
    rows = board(session, now)
    exact = [c for c in rows if c.id == ref]
    if exact:
        return exact[0]
    by_agreement = [c for c in rows if c.agreement_id == ref.upper()]
    if len(by_agreement) == 1:
        return by_agreement[0]
    if len(by_agreement) > 1:
        raise InputError(f"{ref} has consultations for {len(by_agreement)} events",
                         "give the full id (EVENT/AGREEMENT) shown by `accords consultations`")
    raise NotFoundError(f"no consultation {ref!r}", "see ids with `accords consultations`")


def convene(session: Session, ref: str, *, at: datetime, who: str, now: datetime,
            level: str | None = None, format: str | None = None, note: str | None = None,
            source: str | None = None) -> Consultation:
    """Record that a consultation was convened; the latest record counts, older ones stay."""
    c = resolve(session, ref, now)
    if at.tzinfo is None:
        raise InputError("convening time without a time zone", "give an offset, e.g. 2026-12-01T20:00+02:00")
    if at < c.event_at:
        raise InputError(f"convened at {at.isoformat()}, before the event itself",
                         "check the time and its zone")
    session.execute(insert(convenings).values(
        consultation_id=c.id, convened_at=at, format=format, level=level, note=note, source=source,
        who=who, recorded_at=now))
    return with_status(c, Convening(at, format, level, note, source, who, now), now)
