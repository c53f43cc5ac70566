"""Ledger entries from commitment entities: stages, deduplication, parts and wholes, conversion.

A pure function of the commitment views (accepted statements, current or as of T), so the same
code builds the materialized table and answers as-of questions.

Stages. The extraction/dataset ``status`` maps to a stage: pledged -> pledged; allocated ->
allocated; provided, delivered, disbursed -> delivered; expected -> expected; anything else (or
none) -> unknown. ``pledged_and_provided`` (a source saying the money was promised *and* has
arrived) becomes two entries: ``<id>#pledged`` at stage pledged, and ``<id>`` at stage
delivered whose parent is that pledge (or the entity's own parent when it names one, which the
pledge row then takes instead). So the pledge total and the delivered total each count it once,
the pledge can match a pledge other sources report, and fulfilment links the two.

Parts and wholes. An entry whose parent is in the ledger at the same stage is a part of that
whole ("of which", "as part of", the same money announced again) and is not ``counted``: the
whole already contains it. An entry whose parent is at another stage (a delivery fulfilling a
pledge) counts in its own stage. Totals are per stage; nothing adds pledged to delivered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from accords.analyze import fx
from accords.analyze.ledger_match import Candidate, cluster, resolve_overrides

STAGES = ("pledged", "allocated", "delivered", "expected")
UNKNOWN = "unknown"
STAGE_OF = {
    "pledged": "pledged", "pledge": "pledged", "committed": "pledged",
    "allocated": "allocated", "allocation": "allocated",
    "provided": "delivered", "delivered": "delivered", "disbursed": "delivered",
    "expected": "expected",
}
BOTH = "pledged_and_provided"
PLEDGE_SUFFIX = "#pledged"
OVERRIDE_PROPS = ("same_as", "not_same_as")
FIELDS = ("donor", "recipient", "amount", "currency", "date", "period", "category", "instrument",
          "channel", "agreement", "parent", "description")


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One flow at one stage, deduplicated across sources; amounts as reported plus converted."""

    id: str
    donor: str
    stage: str
    amount: float | None = None
    currency: str | None = None
    recipient: str | None = None
    date: str | None = None
    period: str | None = None
    category: str = "unspecified"
    instrument: str | None = None
    channel: str | None = None
    agreement: str | None = None
    parent: str | None = None
    description: str | None = None
    counted: bool = True
    members: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    ref_day: dt.date | None = None
    fx_date: dt.date | None = None
    eur_rate: float | None = None
    usd_rate: float | None = None
    amount_eur: float | None = None
    amount_usd: float | None = None

    @property
    def year(self) -> int | None:
        return self.ref_day.year if self.ref_day else None

    def converted(self, currency: str) -> float | None:
        return self.amount_usd if currency.upper() == "USD" else self.amount_eur

    def rate(self, currency: str) -> float | None:
        return self.usd_rate if currency.upper() == "USD" else self.eur_rate


def stage_of(status: Any) -> str:
    return STAGE_OF.get(str(status or "").strip().lower(), UNKNOWN)


def source_labels(stmt: Any) -> list[str]:
    """Where a statement came from: its URLs (a dataset fact may list several), document or analyst."""
    urls = [str(u) for u in (stmt.extra or {}).get("sources", []) if u]
    if stmt.source_url and str(stmt.source_url) not in urls:
        urls.insert(0, str(stmt.source_url))
    if urls:
        return urls
    if stmt.document_id:
        return [f"doc:{stmt.document_id}"]
    if stmt.author:
        return [f"human:{stmt.author}"]
    return [f"method:{stmt.method}"]


@dataclass(frozen=True, slots=True)
class _Raw:
    entry: LedgerEntry
    weight: int  # number of statements behind it: the best-sourced member gives the values


def _value(view: Any, prop: str) -> Any:
    """An analyst's latest statement for ``prop`` wins over sources; else the first-seen value."""
    human = [s for s in view.statements if s.prop == prop and s.author]
    if human:
        return max(human, key=lambda s: (s.recorded_at is not None, s.recorded_at, s.id)).value
    return view.first(prop)


def _raw_entries(view: Any) -> list[_Raw]:
    values: dict[str, Any] = {f: _value(view, f) for f in FIELDS}
    try:
        amount = float(values["amount"]) if values["amount"] is not None else None
    except (TypeError, ValueError):
        amount = None
    notes = []
    if len(view.all("amount")) > 1:
        notes.append("sources disagree on the amount: " + " / ".join(f"{a:,.0f}" for a in view.all("amount")))
    if view.first("part_of_previous") is True and not values["parent"]:
        notes.append("a source calls it part of an earlier commitment that is not linked yet")
    description = " ".join(filter(None, [values["description"], *notes])) or None
    stmts = [s for s in view.statements if s.prop not in OVERRIDE_PROPS]
    sources = tuple(dict.fromkeys(u for s in stmts for u in source_labels(s)))
    status = str(view.first("status") or "").strip().lower()
    base = LedgerEntry(
        id=view.id, donor=str(values["donor"] or "UNK").upper(), stage=stage_of(status), amount=amount,
        currency=str(values["currency"]).upper() if values["currency"] else None,
        recipient=str(values["recipient"]).upper() if values["recipient"] else None,
        date=str(values["date"]) if values["date"] else None,
        period=str(values["period"]) if values["period"] else None,
        category=str(values["category"] or "unspecified").lower(),
        instrument=values["instrument"], channel=values["channel"], agreement=values["agreement"],
        parent=values["parent"], description=description, members=(view.id,), sources=sources)
    if status != BOTH:
        return [_Raw(base, len(stmts))]
    pledge = replace(base, id=view.id + PLEDGE_SUFFIX, stage="pledged", members=(view.id + PLEDGE_SUFFIX,))
    delivered = replace(base, stage="delivered", parent=base.parent or pledge.id)
    return [_Raw(pledge, len(stmts)), _Raw(delivered, len(stmts))]


def _overrides(views: Iterable[Any]) -> list[tuple[str, str, str, object]]:
    rows = []
    for v in views:
        for s in v.statements:
            if s.prop in OVERRIDE_PROPS:
                rows.append((v.id, s.prop, str(s.value), s.recorded_at))
    return rows


def _merge(raws: Sequence[_Raw]) -> LedgerEntry:
    """One entry from a cluster: values of the best-sourced member, gaps filled by the others."""
    ordered = sorted(raws, key=lambda r: (-r.weight, r.entry.id))
    best = ordered[0].entry
    filled = {f: getattr(best, f) for f in FIELDS if f not in ("donor",)}
    for r in ordered[1:]:
        for f, v in filled.items():
            if v is None:
                filled[f] = getattr(r.entry, f)
    members = tuple(sorted(m for r in raws for m in r.entry.members))
    # A member pointing at another member only says they are the same money; the cluster's
    # parent is the first one that points outside it (a running total that contains them all).
    outside = [r.entry.parent for r in ordered if r.entry.parent and r.entry.parent not in members]
    filled["parent"] = outside[0] if outside else filled["parent"]
    sources = tuple(dict.fromkeys(s for r in ordered for s in r.entry.sources))
    return replace(best, id=members[0], members=members, sources=sources, **filled)


def _convert(entry: LedgerEntry) -> LedgerEntry:
    day = fx.reference_day(entry.date, entry.period)
    if day is None or entry.amount is None or not entry.currency:
        return replace(entry, ref_day=day)
    eur = fx.rate(entry.currency, "EUR", day)
    usd = fx.rate(entry.currency, "USD", day)
    if eur is None or usd is None:
        return replace(entry, ref_day=day)
    fx_date = eur.rate_date or usd.rate_date
    return replace(entry, ref_day=day, fx_date=fx_date, eur_rate=eur.rate, usd_rate=usd.rate,
                   amount_eur=entry.amount * eur.rate, amount_usd=entry.amount * usd.rate)


def build_entries(views: Sequence[Any]) -> list[LedgerEntry]:
    """Ledger entries from commitment entity views (see the module rules), sorted by id."""
    raws = [r for v in views for r in _raw_entries(v)]
    by_id = {r.entry.id: r for r in raws}
    cands = [Candidate(r.entry.id, r.entry.donor, r.entry.recipient, r.entry.stage, r.entry.currency,
                       r.entry.amount, fx.parse_span(r.entry.period) or fx.parse_span(r.entry.date))
             for r in raws]
    merges, splits = resolve_overrides(_overrides(views))
    groups = cluster(cands, merges, splits)
    merged = [_merge([by_id[i] for i in g]) for g in groups]
    entry_of = {m: e.id for e in merged for m in e.members}
    stage = {e.id: e.stage for e in merged}
    out = []
    for e in merged:
        parent = entry_of.get(e.parent) if e.parent else None
        if parent == e.id or (parent is None and e.parent in entry_of):
            # A parent merged into the same entry (the same money reported twice) is no parent.
            out.append(_convert(replace(e, parent=None, counted=True)))
            continue
        counted = not (parent is not None and stage[parent] == e.stage)
        # A parent outside the ledger (not accepted, or not yet loaded) is kept as written.
        out.append(_convert(replace(e, parent=parent or e.parent, counted=counted)))
    return sorted(out, key=lambda e: e.id)


def children(entries: Sequence[LedgerEntry]) -> dict[str, list[LedgerEntry]]:
    kids: dict[str, list[LedgerEntry]] = {}
    for e in entries:
        if e.parent:
            kids.setdefault(e.parent, []).append(e)
    return kids
