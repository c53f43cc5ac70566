"""Totals per stage and dimension, over entries in memory (as of T) or the materialized tables.

Every total carries the first and last ECB fixing date of the rates behind it and the number
of counted entries that could not be converted (no amount, no date, or a currency the ECB does
not quote), so a reader sees what a figure is made of.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accords.analyze import fx
from accords.analyze.ledger import STAGES, LedgerEntry
from accords.analyze.ledger_tables import ledger_entries, ledger_totals
from accords.errors import InputError

DIMENSIONS = ("donor", "category", "stage", "year", "channel", "agreement")
NONE_KEY = "(none)"


@dataclass(frozen=True, slots=True)
class Total:
    key: str
    stage: str
    entries: int
    amount: float
    unconverted: int
    fx_first: date | None
    fx_last: date | None


def check_dimension(by: str) -> str:
    if by not in DIMENSIONS:
        raise InputError(f"cannot group by {by!r}", f"use one of {', '.join(DIMENSIONS)}")
    return by


def key_of(entry: LedgerEntry, by: str) -> str:
    value = entry.year if by == "year" else getattr(entry, by)
    return NONE_KEY if value in (None, "") else str(value)


def _sort(rows: list[Total]) -> list[Total]:
    order = {s: i for i, s in enumerate((*STAGES, "unknown"))}
    return sorted(rows, key=lambda t: (t.key, order.get(t.stage, 99)))


def totals(entries: Sequence[LedgerEntry], by: str, currency: str = "EUR",
           stage: str | None = None) -> list[Total]:
    """Counted entries summed per (key, stage) in ``currency`` (EUR or USD)."""
    check_dimension(by)
    cur = fx.check_target(currency)
    acc: dict[tuple[str, str], list[Any]] = {}
    for e in entries:
        if not e.counted or (stage and e.stage != stage):
            continue
        slot = acc.setdefault((key_of(e, by), e.stage), [0, 0.0, 0, None, None])
        slot[0] += 1
        value = e.converted(cur)
        if value is None:
            slot[2] += 1
            continue
        slot[1] += value
        if e.fx_date:
            slot[3] = min(filter(None, [slot[3], e.fx_date]))
            slot[4] = max(filter(None, [slot[4], e.fx_date]))
    return _sort([Total(k, s, v[0], v[1], v[2], v[3], v[4]) for (k, s), v in acc.items()])


def _dim_column(by: str) -> Any:
    return ledger_entries.c[by]


def totals_sql(session: Session, by: str, currency: str = "EUR", stage: str | None = None) -> list[Total]:
    """The same totals with one indexed GROUP BY over ``ledger_entries``."""
    check_dimension(by)
    amount = ledger_entries.c.amount_usd if fx.check_target(currency) == "USD" else ledger_entries.c.amount_eur
    dim = _dim_column(by)
    q = (select(dim, ledger_entries.c.stage, func.count(), func.coalesce(func.sum(amount), 0.0),
                func.count() - func.count(amount), func.min(ledger_entries.c.fx_date),
                func.max(ledger_entries.c.fx_date))
         .where(ledger_entries.c.counted.is_(True)))
    # Grouping by stage twice would make SQLite sort in a temp B-tree instead of reading the index.
    q = q.group_by(dim) if by == "stage" else q.group_by(dim, ledger_entries.c.stage)
    if stage:
        q = q.where(ledger_entries.c.stage == stage)
    rows = session.execute(q).all()
    return _sort([Total(NONE_KEY if r[0] in (None, "") else str(r[0]), r[1], int(r[2]), float(r[3]),
                        int(r[4]), r[5], r[6]) for r in rows])


def totals_rollup(session: Session, by: str, currency: str = "EUR", stage: str | None = None) -> list[Total]:
    """The same totals read from ``ledger_totals`` (computed at rebuild): a lookup, not a scan."""
    check_dimension(by)
    amount = ledger_totals.c.amount_usd if fx.check_target(currency) == "USD" else ledger_totals.c.amount_eur
    q = select(ledger_totals.c.key, ledger_totals.c.stage, ledger_totals.c.entries, amount,
               ledger_totals.c.unconverted, ledger_totals.c.fx_first, ledger_totals.c.fx_last
               ).where(ledger_totals.c.dim == by)
    if stage:
        q = q.where(ledger_totals.c.stage == stage)
    return _sort([Total(r[0], r[1], int(r[2]), float(r[3]), int(r[4]), r[5], r[6])
                  for r in session.execute(q).all()])


def rollup_rows(session: Session) -> list[dict[str, Any]]:
    """Rows for ``ledger_totals``: every dimension grouped once over the entries table."""
    out: list[dict[str, Any]] = []
    for by in DIMENSIONS:
        eur = totals_sql(session, by, "EUR")
        usd = {(t.key, t.stage): t.amount for t in totals_sql(session, by, "USD")}
        out.extend({"dim": by, "key": t.key, "stage": t.stage, "entries": t.entries,
                    "unconverted": t.unconverted, "amount_eur": t.amount,
                    "amount_usd": usd[(t.key, t.stage)], "fx_first": t.fx_first, "fx_last": t.fx_last}
                   for t in eur)
    return out


def pivot(rows: Sequence[Total], stages: Sequence[str] = STAGES) -> list[dict[str, Any]]:
    """One row per key with a column per stage (never a pledged+delivered sum)."""
    table: dict[str, dict[str, Any]] = {}
    for t in rows:
        row = table.setdefault(t.key, {"key": t.key, **{s: 0.0 for s in stages}, "entries": 0,
                                       "unconverted": 0, "fx_first": None, "fx_last": None})
        if t.stage in row:
            row[t.stage] += t.amount
        else:
            row[t.stage] = row.get(t.stage, 0.0) + t.amount
        row["entries"] += t.entries
        row["unconverted"] += t.unconverted
        if t.fx_first:
            row["fx_first"] = min(filter(None, [row["fx_first"], t.fx_first]))
        if t.fx_last:
            row["fx_last"] = max(filter(None, [row["fx_last"], t.fx_last]))
    return [table[k] for k in sorted(table)]
