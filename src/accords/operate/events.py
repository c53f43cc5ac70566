"""Triggering events: an armed attack (or another kind) on a party, at an exact time.

A triggering event is an ordinary ``event`` entity whose accepted statements give ``kind``,
``against``, ``at`` (ISO time in UTC) and usually ``by``. Its id is derived from those four
values, so recording the same event twice adds nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accords.errors import InputError, NotFoundError
from accords.model.statement import ACCEPTED, Statement, make_statement
from accords.store import statements as st
from accords.store import views
from accords.store.tables import documents

ARMED_ATTACK = "armed-attack"
# Words people and extractors use for the kind the agreements' mechanism is about.
KIND_ALIASES = {
    "armed-attack": ARMED_ATTACK, "attack": ARMED_ATTACK, "military-attack": ARMED_ATTACK,
    "armed-aggression": ARMED_ATTACK, "aggression": ARMED_ATTACK, "invasion": ARMED_ATTACK,
    "renewed-aggression": ARMED_ATTACK,
}
_PARTY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class TriggerEvent:
    """A triggering event as the consultation clock needs it; ``at`` is aware UTC."""

    id: str
    kind: str
    against: str
    by: str | None
    at: datetime
    note: str | None = None
    source: str | None = None


def normalize_kind(kind: str) -> str:
    key = re.sub(r"[\s_]+", "-", kind.strip().lower())
    if not key:
        raise InputError("empty event kind", "give e.g. --kind armed-attack")
    return KIND_ALIASES.get(key, key)


def normalize_party(code: str | None, what: str) -> str | None:
    if code is None:
        return None
    value = code.strip().upper()
    if not _PARTY.match(value):
        raise InputError(f"bad {what} party {code!r}",
                         "give an ISO 3166-1 alpha-3 code such as UKR or RUS (EUU for the EU)")
    return value


def as_utc(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise InputError("event time without a time zone",
                         "give an offset, e.g. 2026-12-01T04:30+02:00 (or Z for UTC)")
    return at.astimezone(UTC)


def event_id(kind: str, against: str, by: str | None, at: datetime) -> str:
    """A readable id that is the same whenever the same four facts are given."""
    when = as_utc(at).strftime("%Y%m%dT%H%MZ")
    key = f"{normalize_kind(kind)}|{against}|{by or ''}|{as_utc(at).isoformat()}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:6]
    return f"EV-{normalize_kind(kind)}-{against}-{by or 'UNK'}-{when}-{digest}"


def trigger_statements(kind: str, against: str, by: str | None, at: datetime, *, who: str,
                       note: str | None = None, document_id: str | None = None,
                       source_url: str | None = None, extra: dict[str, Any] | None = None
                       ) -> tuple[str, list[Statement]]:
    """The accepted statements a human records for a triggering event (pure)."""
    kind = normalize_kind(kind)
    utc = as_utc(at)
    eid = event_id(kind, against, by, utc)
    values: list[tuple[str, Any]] = [
        ("kind", kind), ("against", against), ("at", utc.isoformat()),
        ("date", utc.date().isoformat()), ("parties", against),
    ]
    if by:
        values += [("by", by), ("parties", by)]
    if note:
        values.append(("what", note))
    stmts = [make_statement(eid, "event", prop, value, method=f"human:{who}", author=who,
                            document_id=document_id, source_url=source_url, status=ACCEPTED,
                            extra=dict(extra or {}))
             for prop, value in values]
    return eid, stmts


def _source(session: Session, source: str | None) -> tuple[str | None, str | None]:
    """A ``--source`` is a stored document id or a URL."""
    if not source:
        return None, None
    if source.startswith(("http://", "https://")):
        return None, source
    found = session.execute(select(documents.c.id).where(documents.c.id == source)).first()
    if found is None:
        raise NotFoundError(f"no document {source!r}",
                            "give a document id from `accords list documents` or a URL")
    return source, None


def record_trigger(session: Session, *, kind: str, against: str, by: str | None, at: datetime,
                   who: str, now: datetime, note: str | None = None, source: str | None = None,
                   extra: dict[str, Any] | None = None) -> tuple[TriggerEvent, bool]:
    """Store a triggering event; returns it and whether anything new was recorded."""
    against_n = normalize_party(against, "attacked")
    assert against_n is not None
    by_n = normalize_party(by, "attacking")
    document_id, url = _source(session, source)
    eid, stmts = trigger_statements(kind, against_n, by_n, at, who=who, note=note,
                                    document_id=document_id, source_url=url, extra=extra)
    added = st.add_statements(session, stmts, who=who, now=now)
    return get_trigger(session, eid), added > 0


def _trigger_from_view(view: views.EntityView) -> TriggerEvent | None:
    kind, against, at_text = view.first("kind"), view.first("against"), view.first("at")
    if not (kind and against and at_text):
        return None
    try:
        at = datetime.fromisoformat(str(at_text))
    except ValueError:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    source = next((s.document_id or s.source_url for s in view.statements
                   if s.document_id or s.source_url), None)
    return TriggerEvent(id=view.id, kind=normalize_kind(str(kind)), against=str(against),
                        by=view.first("by"), at=at.astimezone(UTC), note=view.first("what"),
                        source=source)


def load_triggers(session: Session, as_of: datetime | None = None) -> list[TriggerEvent]:
    """Every accepted event precise enough to start a clock (kind, attacked party, exact time)."""
    out = [t for v in views.entities(session, "event", as_of) if (t := _trigger_from_view(v))]
    return sorted(out, key=lambda t: (t.at, t.id))


def get_trigger(session: Session, eid: str, as_of: datetime | None = None) -> TriggerEvent:
    for t in load_triggers(session, as_of):
        if t.id == eid:
            return t
    raise NotFoundError(f"no triggering event {eid!r}",
                        "list them with `accords consultations --events`, or record one with "
                        "`accords trigger --kind armed-attack --against UKR --by RUS --at TIME`")


def _parse_at(value: Any, date_value: Any) -> datetime | None:
    for text in (value, date_value):
        if not text:
            continue
        try:
            parsed = datetime.fromisoformat(str(text))
        except ValueError:
            continue
        if len(str(text)) == 10:
            return None  # a bare date is not precise enough for a 24-hour clock
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def trigger_from_event(session: Session, source_event: str, *, who: str, now: datetime,
                       kind: str | None = None, against: str | None = None, by: str | None = None,
                       at: datetime | None = None) -> tuple[TriggerEvent, bool]:
    """Record a triggering event from an accepted (e.g. extracted) event; options fill gaps."""
    view = next((v for v in views.entities(session, "event") if v.id == source_event), None)
    if view is None:
        raise NotFoundError(f"no accepted event {source_event!r}",
                            "accept the candidate event first (`accords review accept ID`)")
    kind = kind or view.first("kind")
    against = against or view.first("against")
    by = by or view.first("by")
    when = at or _parse_at(view.first("at"), view.first("date"))
    missing = [name for name, v in (("--kind", kind), ("--against", against), ("--at", when)) if not v]
    if missing:
        raise InputError(f"event {source_event} lacks {', '.join(missing)}",
                         "give the missing values as options (the time must be exact, with a zone)")
    assert kind and against and when
    doc = next((s.document_id for s in view.statements if s.document_id), None)
    return record_trigger(session, kind=str(kind), against=str(against), by=by, at=when, who=who,
                          now=now, note=view.first("what"), source=doc,
                          extra={"from_event": source_event})
