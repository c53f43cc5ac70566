"""The numbers behind each chart, as plain data (tests check these, renderers draw them).

Every series uses counted entries only (a part never adds to its whole) and keeps stages apart.
Amounts are in billions of the target currency at each entry's ECB fixing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from accords.analyze import fx
from accords.analyze.ledger import STAGES, LedgerEntry
from accords.analyze.ledger_report import fulfilment

CATEGORIES = ("military", "financial", "humanitarian", "reconstruction", "unspecified")
BILLION = 1e9


@dataclass(frozen=True)
class ChartData:
    """What a renderer needs: series plus the words a reader needs around them."""

    kind: str
    title: str
    unit: str
    categories: list[str]  # x (or y for horizontal bars) labels, in drawing order
    series: dict[str, list[float]]  # legend label -> one value per category
    rates_note: str
    source_note: str
    notes: list[str] = field(default_factory=list)
    dates: dict[str, list[date]] = field(default_factory=dict)  # for time series: x per series
    labels: dict[str, str] = field(default_factory=dict)  # category -> what a reader sees


def party_label(iso3: str) -> str:
    """"Japan (JPN)": readers know names, the code keeps it exact."""
    import pycountry

    special = {"EUU": "European Union", "UNK": "Unknown donor"}
    country = pycountry.countries.get(alpha_3=iso3)
    name = special.get(iso3) or (getattr(country, "common_name", None) or country.name if country else iso3)
    return f"{name} ({iso3})" if name != iso3 else iso3


def _rates_note(entries: Sequence[LedgerEntry]) -> str:
    days = sorted(e.fx_date for e in entries if e.fx_date)
    if not days:
        return "No conversion needed"
    span = days[0].isoformat() if days[0] == days[-1] else f"{days[0].isoformat()} to {days[-1].isoformat()}"
    return f"ECB reference rates at each entry's date (fixings {span})"


def _source_note(entries: Sequence[LedgerEntry], built: date | None) -> str:
    n_src = len({s for e in entries for s in e.sources})
    when = f"; ledger as of {built.isoformat()}" if built else ""
    plural = "entry" if len(entries) == 1 else "entries"
    return (f"Source: accords ledger, {len(entries)} {plural} from {n_src} cited sources{when}; "
            "rates: ECB euro reference rates")


def _value(e: LedgerEntry, cur: str) -> float | None:
    v = e.converted(cur)
    return None if v is None else v / BILLION


def _counted(entries: Sequence[LedgerEntry], stage: str | None = None) -> list[LedgerEntry]:
    return [e for e in entries if e.counted and (stage is None or e.stage == stage)]


def _unconverted_note(entries: Sequence[LedgerEntry], cur: str) -> list[str]:
    n = sum(1 for e in entries if e.converted(cur) is None)
    return [f"{n} entries without an amount, date or ECB rate are left out"] if n else []


def donors(entries: Sequence[LedgerEntry], currency: str = "EUR", stage: str = "pledged",
           built: date | None = None) -> ChartData:
    """Stacked bars: per donor, the stage's total split by category; largest donor first."""
    cur = fx.check_target(currency)
    rows = _counted(entries, stage)
    acc: dict[str, dict[str, float]] = {}
    for e in rows:
        v = _value(e, cur)
        if v is not None:
            cat = e.category if e.category in CATEGORIES else "unspecified"
            acc.setdefault(e.donor, dict.fromkeys(CATEGORIES, 0.0))[cat] += v
    order = sorted(acc, key=lambda d: (-sum(acc[d].values()), d))
    used = [c for c in CATEGORIES if any(acc[d][c] for d in order)]
    return ChartData("donors", f"Support {stage} by donor and category", f"{cur} billion", order,
                     {c: [acc[d][c] for d in order] for c in used}, _rates_note(rows),
                     _source_note(entries, built), _unconverted_note(rows, cur),
                     labels={d: party_label(d) for d in order})


def cumulative(entries: Sequence[LedgerEntry], currency: str = "EUR", built: date | None = None) -> ChartData:
    """Step lines: running total per stage by the entries' reference days (never summed across stages)."""
    cur = fx.check_target(currency)
    rows = _counted(entries)
    series: dict[str, list[float]] = {}
    dates: dict[str, list[date]] = {}
    start = min((e.ref_day for e in rows if e.ref_day), default=None)
    for stage in STAGES:
        points = sorted((e.ref_day, _value(e, cur) or 0.0) for e in rows
                        if e.stage == stage and e.ref_day and _value(e, cur) is not None)
        if not points or start is None:
            continue
        # Every line starts at zero on the first day of the ledger, so the steps read as growth.
        total = 0.0
        xs: list[date] = [start]
        ys: list[float] = [0.0]
        for day, v in points:
            total += v
            if xs[-1] == day:
                ys[-1] = total
            else:
                xs.append(day)
                ys.append(total)
        series[stage], dates[stage] = ys, xs
    return ChartData("cumulative", "Cumulative support over time, by stage", f"{cur} billion", [],
                     series, _rates_note(rows), _source_note(entries, built),
                     [*_unconverted_note(rows, cur), "Each stage is its own line; they are never added together"],
                     dates)


def pledged_vs_delivered(entries: Sequence[LedgerEntry], currency: str = "EUR",
                         built: date | None = None) -> ChartData:
    """Grouped bars per donor: pledged, allocated and delivered totals side by side."""
    cur = fx.check_target(currency)
    rows = _counted(entries)
    acc: dict[str, dict[str, float]] = {}
    for e in rows:
        v = _value(e, cur)
        if v is not None and e.stage in ("pledged", "allocated", "delivered"):
            acc.setdefault(e.donor, {"pledged": 0.0, "allocated": 0.0, "delivered": 0.0})[e.stage] += v
    order = sorted(acc, key=lambda d: (-acc[d]["pledged"], d))
    stages = [s for s in ("pledged", "allocated", "delivered") if any(acc[d][s] for d in order)]
    return ChartData("pledged-vs-delivered", "Pledged, allocated and delivered, by donor", f"{cur} billion",
                     order, {s: [acc[d][s] for d in order] for s in stages}, _rates_note(rows),
                     _source_note(entries, built), _unconverted_note(rows, cur),
                     labels={d: party_label(d) for d in order})


def agreement_fulfilment(entries: Sequence[LedgerEntry], agreement: str, currency: str = "EUR",
                         built: date | None = None) -> ChartData:
    """Per commitment of one agreement: pledged against allocated and delivered, with the gap."""
    cur = fx.check_target(currency)
    c = cur.lower()
    rows = fulfilment(entries, agreement, cur)
    labels = [r["commitment"] for r in rows]
    # What the commitment is (as reported) above its id, so a reader need not look it up.
    shown = {r["commitment"]: (f"{r['currency'] or ''} {(r['reported'] or 0) / BILLION:,.2f} bn, "
                               f"{r['period'] or 'undated'}\n{r['commitment']}") for r in rows}

    def col(name: str) -> list[float]:
        return [(r[name] or 0.0) / BILLION for r in rows]

    used: list[Any] = [e for e in entries if e.agreement == agreement or
                       any(e.id in r["flows"] for r in rows)]
    notes = [r["note"] for r in rows if r["note"]]
    return ChartData("fulfilment", f"Fulfilment of {agreement}", f"{cur} billion", labels,
                     {"pledged": col(f"pledged_{c}"), "allocated": col(f"allocated_{c}"),
                      "delivered": col(f"delivered_{c}"),
                      "gap (pledged - delivered)": [max(v, 0.0) for v in col(f"gap_{c}")]},
                     _rates_note(used), _source_note(used, built), notes, labels=shown)
