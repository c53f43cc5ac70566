"""How operate's values are shown: local times, countdowns and plain rows for every face."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from accords.errors import InputError
from accords.operate.consultations import CONVENED, Consultation, Exclusion
from accords.operate.terms import Obligation


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"unknown time zone {name!r}", "give an IANA zone such as Europe/Kyiv or UTC") from None


def local(dt: datetime | None, tz: ZoneInfo) -> str:
    """``2026-10-25 11:00 EET``: the instant in the user's zone, with the zone's abbreviation."""
    if dt is None:
        return ""
    return dt.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")


def span(delta: timedelta) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {mins:02d}m" if hours else f"{mins}m"


def countdown(c: Consultation, now: datetime) -> str:
    """``23h 12m left``, ``overdue by 2h 00m``, ``convened 3h 10m after the event``."""
    if c.status == CONVENED and c.convened is not None:
        late = c.deadline is not None and c.convened.at > c.deadline
        when = span(c.convened.at - c.event_at)
        return f"convened {when} after the event" + (" (late)" if late else "")
    left = c.time_left(now)
    if left is None:
        return "time limit unknown"
    if left.total_seconds() <= 0:
        return f"overdue by {span(left)}"
    return f"{span(left)} left"


def consultation_row(c: Consultation, now: datetime, tz: ZoneInfo) -> dict[str, Any]:
    conv = c.convened
    return {
        "id": c.id, "agreement": c.agreement_id, "event": c.event_id,
        "counterpart": next((p for p in c.parties if p != "UKR"), ""),
        "status": c.status, "countdown": countdown(c, now),
        "limit_hours": c.hours, "event_at": local(c.event_at, tz), "deadline": local(c.deadline, tz),
        "deadline_utc": c.deadline.astimezone(UTC).isoformat() if c.deadline else None,
        "convened_at": local(conv.at, tz) if conv else None,
        "level": conv.level if conv else None, "format": conv.format if conv else None,
        "convened_note": conv.note if conv else None, "convened_source": conv.source if conv else None,
        "notes": "; ".join(c.notes),
    }


def exclusion_row(x: Exclusion) -> dict[str, Any]:
    return {"agreement": x.agreement_id, "event": x.event_id, "reason": x.reason}


def obligation_row(o: Obligation) -> dict[str, Any]:
    return {"due": o.due.isoformat() if o.due else None, "agreement": o.agreement, "kind": o.kind,
            "title": o.title, "basis": o.basis, "note": o.note, "id": o.id}
