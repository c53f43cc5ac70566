"""The terms calendar as iCalendar (RFC 5545), so desk officers can subscribe to it.

Obligations are all-day events; open consultation deadlines are timed events in UTC. UIDs
are stable (derived from the obligation or consultation id), so a re-export updates a
subscribed calendar instead of duplicating its entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as IcsEvent

from accords.operate.consultations import CONVENED, Consultation
from accords.operate.terms import Obligation

PRODID = "-//accords//terms calendar//EN"
UID_DOMAIN = "accords"


def uid(item_id: str) -> str:
    return f"{item_id}@{UID_DOMAIN}"


def to_ics(obligations: Iterable[Obligation], consultations: Iterable[Consultation] = (), *,
           now: datetime, name: str = "accords: terms and deadlines") -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = now.astimezone(UTC)
    for o in obligations:
        if o.due is None:
            continue  # an unknown date cannot go in a calendar; the table lists it
        e = IcsEvent()
        e.add("uid", uid(o.id))
        e.add("dtstamp", stamp)
        e.add("dtstart", o.due)
        e.add("dtend", o.due + timedelta(days=1))
        e.add("summary", o.title)
        e.add("description", o.basis + (f" ({o.note})" if o.note else ""))
        e.add("categories", [o.kind])
        cal.add_component(e)
    for c in consultations:
        if c.deadline is None or c.status == CONVENED:
            continue
        e = IcsEvent()
        e.add("uid", uid(c.id))
        e.add("dtstamp", stamp)
        e.add("dtstart", c.deadline.astimezone(UTC))
        e.add("dtend", c.deadline.astimezone(UTC) + timedelta(minutes=30))
        e.add("summary", f"Consultation deadline: {c.agreement_id} ({c.hours:g} h after {c.event_id})")
        e.add("description", "; ".join(c.notes) or "consultations due under the agreement")
        e.add("categories", ["consultation"])
        cal.add_component(e)
    return bytes(cal.to_ical())
