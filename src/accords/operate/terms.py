"""Terms of agreements: when they were signed, when they expire, what falls due each year.

Pure functions over the typed views: the expiry of an agreement, and its obligations
(expiry, review clauses, yearly pledge renewals) with due dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from accords.model.entities import Agreement, Provision

# Most of these accords run ten years; used only to lay out renewals when the term is unknown.
ASSUMED_TERM_YEARS = 10
REVIEW_CODES = ("review_extension", "review", "review_clause", "periodic_review")


@dataclass(frozen=True, slots=True)
class Expiry:
    """When an agreement ends; ``on`` is None when its term is unknown (``basis`` says why)."""

    on: date | None
    basis: str


@dataclass(frozen=True, slots=True)
class Obligation:
    """Something an agreement makes due on a date (or on an unknown date, said in ``note``)."""

    id: str
    agreement: str
    kind: str  # expiry | review | pledge-renewal
    due: date | None
    title: str
    basis: str
    note: str | None = None


def parse_day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def add_years(start: date, years: float) -> date:
    """Whole years by the calendar (29 Feb -> 28 Feb); fractions as days of 365.25."""
    whole = int(years)
    out = start + relativedelta(years=whole)
    if years != whole:
        out += timedelta(days=round((years - whole) * 365.25))
    return out


def expiry(agreement: Agreement) -> Expiry:
    explicit = parse_day(agreement.expires_on)
    if explicit:
        return Expiry(explicit, f"expires_on {explicit.isoformat()}")
    signed = parse_day(agreement.date_signed)
    years = agreement.duration_years
    if signed and years:
        return Expiry(add_years(signed, float(years)),
                      f"signed {signed.isoformat()} + {float(years):g} years")
    if not signed:
        return Expiry(None, "signing date unknown")
    return Expiry(None, "duration unknown")


def _review_due(signed: date | None, value: Any) -> tuple[date | None, str]:
    """A review clause's due date from its coded value: years after signing, or a date."""
    if isinstance(value, dict):
        for key in ("years", "value", "date", "due"):
            if key in value:
                return _review_due(signed, value[key])
        return None, "review clause without a date"
    if isinstance(value, bool):
        return None, "review clause without a date"
    if isinstance(value, int | float):
        if signed is None:
            return None, "signing date unknown"
        return add_years(signed, float(value)), f"signed {signed.isoformat()} + {float(value):g} years"
    day = parse_day(value)
    if day:
        return day, f"review on {day.isoformat()}"
    return None, f"review clause: {value}" if value not in (None, "present") else "review clause without a date"


def obligations(agreements: Sequence[Agreement], provisions: Iterable[Provision] = ()) -> list[Obligation]:
    """Expiry, review and yearly pledge-renewal obligations of every signed agreement."""
    reviews: dict[str, list[Provision]] = {}
    for p in provisions:
        if p.code in REVIEW_CODES and p.value not in ("absent", False, None):
            reviews.setdefault(p.agreement, []).append(p)
    out: list[Obligation] = []
    for a in agreements:
        if a.mentioned_only:
            continue
        who = a.id
        ends = expiry(a)
        out.append(Obligation(f"{who}:expiry", who, "expiry", ends.on, f"{who} expires", ends.basis,
                              None if ends.on else f"expiry unknown ({ends.basis})"))
        signed = parse_day(a.date_signed)
        for p in reviews.get(who, []):
            due, basis = _review_due(signed, p.value)
            out.append(Obligation(f"{who}:review:{p.code}", who, "review", due,
                                  f"{who} review due", basis, None if due else "date unknown"))
        if signed is None:
            continue
        years = a.duration_years
        term = int(years) if years else ASSUMED_TERM_YEARS
        note = None if years else f"term unknown; anniversaries laid out for {ASSUMED_TERM_YEARS} years"
        # Money is usually fixed for the first year only: each anniversary inside the term
        # is when the next year's pledge should be announced.
        for k in range(1, term):
            due = add_years(signed, k)
            if ends.on and due >= ends.on:
                break
            out.append(Obligation(f"{who}:pledge-renewal:{k}", who, "pledge-renewal", due,
                                  f"{who} pledge renewal due (year {k + 1})",
                                  f"signed {signed.isoformat()} + {k} years", note))
    return sorted(out, key=lambda o: (o.due or date.max, o.agreement, o.id))


def in_window(items: Iterable[Obligation], start: date | None, end: date | None) -> list[Obligation]:
    """Obligations due in [start, end]; with no window, undated ones are kept too."""
    if start is None and end is None:
        return list(items)
    return [o for o in items if o.due and (start is None or o.due >= start) and (end is None or o.due <= end)]
