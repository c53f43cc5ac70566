"""The ledger and the store: build entries from the views, keep the materialized tables fresh.

``entries_as_of`` always reads the statements (correct for any T, slower); the tables hold the
current ledger and are rebuilt whenever the statements changed since the last build (any new
statement or review adds a transition, so the largest transition id tells) or the rules did.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from accords.analyze.ledger import LedgerEntry, build_entries
from accords.analyze.ledger_tables import ledger_entries, ledger_totals
from accords.analyze.ledger_totals import rollup_rows
from accords.errors import NotFoundError
from accords.store import views
from accords.store.tables import transitions

_BATCH = 5000


def entries_as_of(session: Session, as_of: datetime | None = None) -> list[LedgerEntry]:
    """The ledger from accepted commitment statements as they stood at ``as_of`` (None: now)."""
    return build_entries(views.entities(session, "commitment", as_of=as_of))


def _last_transition(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(transitions.c.id), 0))).scalar_one())


def entry_row(e: LedgerEntry, source_tid: int, now: datetime) -> dict[str, Any]:
    return {
        "id": e.id, "donor": e.donor, "recipient": e.recipient, "stage": e.stage, "counted": e.counted,
        "amount": e.amount, "currency": e.currency, "date": e.date, "period": e.period,
        "ref_day": e.ref_day, "year": e.year, "category": e.category, "instrument": e.instrument,
        "channel": e.channel, "agreement": e.agreement, "parent": e.parent, "fx_date": e.fx_date,
        "eur_rate": e.eur_rate, "usd_rate": e.usd_rate, "amount_eur": e.amount_eur,
        "amount_usd": e.amount_usd, "members": list(e.members), "sources": list(e.sources),
        "n_sources": len(e.sources), "description": e.description, "source_tid": source_tid,
        "built_at": now,
    }


# Bumped whenever the rules that turn statements into entries change, so stores built by an
# older version rebuild on their next read instead of showing totals made under old rules.
RULES_VERSION = "2026-11-28.3"
_BUILD_DIM = "_build"


def write_entries(session: Session, entries: Sequence[LedgerEntry], *, source_tid: int, now: datetime) -> None:
    """Replace both ledger tables with ``entries`` and their totals."""
    session.execute(delete(ledger_totals))
    session.execute(delete(ledger_entries))
    for i in range(0, len(entries), _BATCH):
        session.execute(insert(ledger_entries), [entry_row(e, source_tid, now) for e in entries[i:i + _BATCH]])
    refresh_totals(session, source_tid=source_tid)


def refresh_totals(session: Session, *, source_tid: int) -> None:
    """Recompute ``ledger_totals`` from ``ledger_entries`` and record what the build reflects.

    One extra row (dim ``_build``) holds the rules version and the last transition id the
    entries were built from; reading it is how ``is_fresh`` avoids scanning the entries.
    """
    session.execute(delete(ledger_totals))
    rows = rollup_rows(session)
    rows.append({"dim": _BUILD_DIM, "key": RULES_VERSION, "stage": "-", "entries": source_tid,
                 "unconverted": 0, "amount_eur": 0.0, "amount_usd": 0.0, "fx_first": None, "fx_last": None})
    session.execute(insert(ledger_totals), rows)


def rebuild_ledger(session: Session, now: datetime) -> int:
    """Rebuild the materialized ledger from the current accepted statements; returns entry count."""
    tid = _last_transition(session)
    entries = entries_as_of(session)
    write_entries(session, entries, source_tid=tid, now=now)
    return len(entries)


def is_fresh(session: Session) -> bool:
    """Built under the current rules from every statement and review recorded so far."""
    row = session.execute(select(ledger_totals.c.key, ledger_totals.c.entries)
                          .where(ledger_totals.c.dim == _BUILD_DIM)).first()
    return row is not None and row[0] == RULES_VERSION and int(row[1]) == _last_transition(session)


def ensure_fresh(session: Session, now: datetime) -> bool:
    """Rebuild when statements (or the rules) changed since the last build; True when it rebuilt."""
    if is_fresh(session):
        return False
    rebuild_ledger(session, now)
    return True


def _row_entry(r: Any) -> LedgerEntry:
    m = r._mapping

    def seq(value: Any) -> tuple[str, ...]:
        data = json.loads(value) if isinstance(value, str) else value
        return tuple(data or ())

    return LedgerEntry(
        id=m["id"], donor=m["donor"], stage=m["stage"], amount=m["amount"], currency=m["currency"],
        recipient=m["recipient"], date=m["date"], period=m["period"], category=m["category"],
        instrument=m["instrument"], channel=m["channel"], agreement=m["agreement"], parent=m["parent"],
        description=m["description"], counted=bool(m["counted"]), members=seq(m["members"]),
        sources=seq(m["sources"]), ref_day=m["ref_day"], fx_date=m["fx_date"], eur_rate=m["eur_rate"],
        usd_rate=m["usd_rate"], amount_eur=m["amount_eur"], amount_usd=m["amount_usd"])


def load_entries(session: Session, *, stage: str | None = None, donor: str | None = None,
                 agreement: str | None = None) -> list[LedgerEntry]:
    """Entries from the materialized table (call ``ensure_fresh`` first)."""
    q = select(ledger_entries).order_by(ledger_entries.c.id)
    for col, val in (("stage", stage), ("donor", donor), ("agreement", agreement)):
        if val:
            q = q.where(ledger_entries.c[col] == val)
    return [_row_entry(r) for r in session.execute(q).all()]


def entity_of(entries: Sequence[LedgerEntry], ident: str) -> LedgerEntry:
    """The entry that is ``ident`` or contains the entity ``ident``."""
    for e in entries:
        if e.id == ident or ident in e.members:
            return e
    raise NotFoundError(f"no ledger entry or commitment {ident!r}",
                        "list them with `accords ledger entries`")
