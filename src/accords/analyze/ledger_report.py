"""Ledger reports as plain rows: totals with rates and GDP shares, entries, agreement fulfilment.

Fulfilment of an agreement: its commitments are its pledged entries. What fulfils a commitment
is every counted allocated or delivered entry below it in the parent tree -- below the whole it
belongs to, when the commitment is itself the same money as an earlier pledge (a part at the
same stage). The gap is pledged minus delivered, both converted at their own entries' rates
(the rate dates are shown). Allocated or delivered entries of the agreement that are not linked
to any of its commitments are listed on their own, never silently credited to one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from accords.analyze import fx, gdp
from accords.analyze.ledger import LedgerEntry, children
from accords.analyze.ledger_totals import Total, pivot

FLOW_STAGES = ("allocated", "delivered")


def _dates(first: date | None, last: date | None) -> str:
    if first is None:
        return ""
    return first.isoformat() if first == last or last is None else f"{first.isoformat()}..{last.isoformat()}"


def total_rows(rows: Sequence[Total], by: str, currency: str,
               usd_rows: Sequence[Total] | None = None) -> list[dict[str, Any]]:
    """Rows for ``accords ledger``: one per key, a column per stage, the ECB fixing dates used.

    With ``usd_rows`` and ``by == "donor"``, pledged and delivered as a share of 2023 GDP.
    """
    out = []
    usd = {r["key"]: r for r in pivot(usd_rows)} if usd_rows is not None else {}
    for r in pivot(rows):
        row: dict[str, Any] = {by: r["key"]}
        for stage in ("pledged", "allocated", "delivered", "expected", "unknown"):
            if stage in r:
                row[f"{stage}_{currency.lower()}"] = r[stage]
        row["entries"] = r["entries"]
        row["not_converted"] = r["unconverted"]
        row["ecb_rate_dates"] = _dates(r["fx_first"], r["fx_last"])
        if by == "donor" and r["key"] in usd:
            for stage in ("pledged", "delivered"):
                pct = gdp.share(r["key"], usd[r["key"]].get(stage, 0.0))
                row[f"{stage}_pct_gdp_2023"] = None if pct is None else round(pct, 3)
        out.append(row)
    return out


def entry_rows(entries: Sequence[LedgerEntry], currency: str) -> list[dict[str, Any]]:
    cur = fx.check_target(currency)
    return [{
        "id": e.id, "donor": e.donor, "stage": e.stage, "counted": e.counted, "amount": e.amount,
        "currency": e.currency, f"amount_{cur.lower()}": e.converted(cur), "rate": e.rate(cur),
        "ecb_rate_date": e.fx_date, "date": e.date, "period": e.period, "category": e.category,
        "instrument": e.instrument, "channel": e.channel, "agreement": e.agreement, "parent": e.parent,
        "members": list(e.members), "n_sources": len(e.sources), "sources": list(e.sources),
    } for e in entries]


def _root(e: LedgerEntry, by_id: dict[str, LedgerEntry]) -> LedgerEntry:
    seen = {e.id}
    while e.parent and e.parent in by_id and by_id[e.parent].stage == e.stage and e.parent not in seen:
        e = by_id[e.parent]
        seen.add(e.id)
    return e


def _below(root: LedgerEntry, kids: dict[str, list[LedgerEntry]]) -> list[LedgerEntry]:
    out: list[LedgerEntry] = []
    stack, seen = [root.id], {root.id}
    while stack:
        for k in kids.get(stack.pop(), []):
            if k.id not in seen:
                seen.add(k.id)
                out.append(k)
                stack.append(k.id)
    return out


def fulfilment(entries: Sequence[LedgerEntry], agreement: str, currency: str = "EUR") -> list[dict[str, Any]]:
    """One row per commitment of ``agreement`` with what fulfils it and the gap (see module doc)."""
    cur = fx.check_target(currency)
    c = cur.lower()
    by_id = {e.id: e for e in entries}
    kids = children(entries)
    pledges = sorted((e for e in entries if e.agreement == agreement and e.stage == "pledged"),
                     key=lambda e: (e.ref_day or date.max, e.id))
    rows: list[dict[str, Any]] = []
    linked: set[str] = set()
    for p in pledges:
        root = _root(p, by_id)
        flows = [k for k in _below(root, kids) if k.stage in FLOW_STAGES and k.counted]
        linked.update(k.id for k in flows)
        sums = {s: sum(k.converted(cur) or 0.0 for k in flows if k.stage == s) for s in FLOW_STAGES}
        pledged = p.converted(cur)
        dates = [d for d in [p.fx_date, *(k.fx_date for k in flows)] if d]
        rows.append({
            "commitment": p.id, "members": list(p.members), "period": p.period or p.date,
            "reported": p.amount, "currency": p.currency,
            f"pledged_{c}": pledged, f"allocated_{c}": sums["allocated"], f"delivered_{c}": sums["delivered"],
            f"gap_{c}": None if pledged is None else pledged - sums["delivered"],
            "delivered_pct": None if not pledged else round(100.0 * sums["delivered"] / pledged, 1),
            "flows": [k.id for k in flows],
            "ecb_rate_dates": _dates(min(dates), max(dates)) if dates else "",
            "note": "" if root.id == p.id else f"same money as {root.id}; flows counted against it",
        })
    loose = [e for e in entries if e.agreement == agreement and e.stage in FLOW_STAGES and e.counted
             and e.id not in linked]
    for e in loose:
        rows.append({
            "commitment": "(not linked to a commitment)", "members": list(e.members),
            "period": e.period or e.date, "reported": e.amount,
            "currency": e.currency, f"pledged_{c}": None,
            f"allocated_{c}": e.converted(cur) if e.stage == "allocated" else 0.0,
            f"delivered_{c}": e.converted(cur) if e.stage == "delivered" else 0.0,
            f"gap_{c}": None, "delivered_pct": None, "flows": [e.id],
            "ecb_rate_dates": _dates(e.fx_date, e.fx_date), "note": "link it with `accords ledger link`",
        })
    return rows


def possible_parts(entries: Sequence[LedgerEntry]) -> list[dict[str, Any]]:
    """Counted entries that may be contained in a larger counted one (a running total, a budget).

    Same donor, stage and currency; the larger entry's period strictly contains the smaller's and
    its amount is larger. Only a suggestion: the analyst links with `accords ledger link`, so a
    budget line and a separate package announced in the same year are never folded silently.
    """
    spans = {e.id: fx.parse_span(e.period) or fx.parse_span(e.date) for e in entries}
    counted = [e for e in entries if e.counted and e.amount is not None and spans[e.id] is not None]
    out = []
    for whole in counted:
        ws = spans[whole.id]
        for part in counted:
            ps = spans[part.id]
            if (part.id == whole.id or part.donor != whole.donor or part.stage != whole.stage
                    or part.currency != whole.currency or ws is None or ps is None):
                continue
            inside = ws[0] <= ps[0] and ps[1] <= ws[1] and ws != ps
            if inside and (part.amount or 0.0) < (whole.amount or 0.0):
                out.append({"part": part.id, "whole": whole.id, "donor": whole.donor, "stage": whole.stage,
                            "part_amount": part.amount, "whole_amount": whole.amount, "currency": whole.currency,
                            "part_period": part.period or part.date, "whole_period": whole.period or whole.date,
                            "command": f"accords ledger link {part.id} {whole.id}"})
    return sorted(out, key=lambda r: (r["donor"], r["whole"], r["part"]))
