"""What an analyst writes into the ledger: manual entries, merges, splits and links.

Everything is a statement with the analyst as author (accepted: the analyst vouches for it),
so it has a history, shows up as-of, and can be rejected later like any other statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from accords.analyze import fx
from accords.analyze.ledger import STAGES
from accords.errors import InputError, NotFoundError
from accords.model import make_statement
from accords.model.ids import commitment_id
from accords.store import statements as st
from accords.store import views

INSTRUMENTS = ("grant", "loan", "guarantee", "in-kind")
CATEGORIES = ("military", "financial", "humanitarian", "reconstruction", "unspecified")


@dataclass(frozen=True, slots=True)
class ManualEntry:
    donor: str
    amount: float
    currency: str
    stage: str
    recipient: str = "UKR"
    date: str | None = None
    period: str | None = None
    category: str = "unspecified"
    instrument: str | None = None
    channel: str | None = None
    agreement: str | None = None
    parent: str | None = None
    source_url: str | None = None
    description: str | None = None


def _check(entry: ManualEntry) -> None:
    if entry.stage not in STAGES:
        raise InputError(f"unknown stage {entry.stage!r}", f"use one of {', '.join(STAGES)}")
    if entry.amount <= 0:
        raise InputError(f"amount must be positive, got {entry.amount}", "give the amount as reported, e.g. 4.5e9")
    if len(entry.donor) != 3 or not entry.donor.isalpha():
        raise InputError(f"donor {entry.donor!r} is not an ISO 3166-1 alpha-3 code", "e.g. JPN, GBR, EUU")
    if not fx.known(entry.currency):
        raise InputError(f"currency {entry.currency!r} has no ECB reference rate",
                         "use an ISO 4217 code the ECB quotes (EUR, USD, GBP, JPY, ...)")
    if entry.instrument and entry.instrument not in INSTRUMENTS:
        raise InputError(f"unknown instrument {entry.instrument!r}", f"use one of {', '.join(INSTRUMENTS)}")
    if entry.category not in CATEGORIES:
        raise InputError(f"unknown category {entry.category!r}", f"use one of {', '.join(CATEGORIES)}")
    if entry.date is None and entry.period is None:
        raise InputError("a ledger entry needs --date or --period", "the date picks the exchange rate")
    for text, what in ((entry.date, "--date"), (entry.period, "--period")):
        if text and fx.parse_span(text) is None:
            raise InputError(f"cannot read {what} {text!r}",
                             "use YYYY-MM-DD, YYYY-MM, YYYY, YYYY-YYYY, YYYY-MM/YYYY-MM or FY2024/25")


def _statement(entity: str, prop: str, value: Any, who: str, source_url: str | None) -> Any:
    return make_statement(entity, "commitment", prop, value, method=f"human:{who}", author=who,
                          source_url=source_url, status="accepted")


def add_entry(session: Session, entry: ManualEntry, *, who: str, now: datetime) -> str:
    """Record a manual ledger entry; returns its commitment id (the same claim typed twice is one)."""
    _check(entry)
    donor, cur = entry.donor.upper(), entry.currency.upper()
    eid = commitment_id(donor, entry.recipient.upper(), entry.stage, entry.amount, cur, entry.period or entry.date)
    props: dict[str, Any] = {
        "donor": donor, "recipient": entry.recipient.upper(), "amount": entry.amount, "currency": cur,
        "status": entry.stage, "date": entry.date, "period": entry.period, "category": entry.category,
        "instrument": entry.instrument, "channel": entry.channel, "agreement": entry.agreement,
        "parent": entry.parent, "description": entry.description,
    }
    stmts = [_statement(eid, k, v, who, entry.source_url) for k, v in props.items() if v is not None]
    st.add_statements(session, stmts, who=who, now=now)
    return eid


def _exists(session: Session, entity: str) -> str:
    base = entity.split("#", 1)[0]
    try:
        views.entity(session, base, include_candidates=False)
    except NotFoundError:
        raise NotFoundError(f"no accepted commitment {entity!r}",
                            "list ids with `accords ledger entries`") from None
    return base


def _pair(session: Session, a: str, b: str, prop: str, who: str, now: datetime, why: str | None) -> None:
    """Record ``prop`` for the pair; the opposite override, if accepted, is rejected (kept in history)."""
    ea, eb = _exists(session, a), _exists(session, b)
    if ea == eb:
        raise InputError("give two different commitments", "see `accords ledger entries`")
    opposite = "not_same_as" if prop == "same_as" else "same_as"
    for old in st.find(session, schema="commitment", prop=opposite, status="accepted"):
        if {old.entity_id, str(old.value)} == {ea, eb}:
            st.review(session, old.id, "rejected", who=who, now=now, why=why or f"analyst: {prop}")
    stmt = make_statement(ea, "commitment", prop, eb, method=f"human:{who}", author=who, status="accepted",
                          recorded_at=now, extra={"why": why} if why else None)
    try:
        existing = st.get(session, stmt.id)
    except NotFoundError:
        st.add_statements(session, [stmt], who=who, now=now)
        return
    if existing.status != "accepted":
        st.review(session, existing.id, "accepted", who=who, now=now, why=why or f"analyst: {prop} again")


def merge(session: Session, a: str, b: str, *, who: str, now: datetime, why: str | None = None) -> None:
    """The analyst says A and B report the same flow (overrides the matching rule)."""
    _pair(session, a, b, "same_as", who, now, why)


def split(session: Session, a: str, b: str, *, who: str, now: datetime, why: str | None = None) -> None:
    """The analyst says A and B are different flows, even if the rule would match them."""
    _pair(session, a, b, "not_same_as", who, now, why)


def link(session: Session, child: str, parent: str, *, who: str, now: datetime) -> None:
    """CHILD is part of PARENT (same stage) or fulfils it (a later stage)."""
    ec, ep = _exists(session, child), _exists(session, parent)
    stmt = make_statement(ec, "commitment", "parent", ep, method=f"human:{who}", author=who,
                          status="accepted", recorded_at=now)
    st.add_statements(session, [stmt], who=who, now=now)
