"""A dated timeline of the agreement system: signatures, events and dated commitments.

Pure functions over the typed views; dates keep the precision the sources give (YYYY,
YYYY-MM or YYYY-MM-DD) and sort by their earliest possible day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from accords.model.entities import Agreement, Commitment, Event


@dataclass(frozen=True, slots=True)
class Entry:
    date: str
    kind: str
    what: str
    parties: tuple[str, ...]
    entity_id: str


def _lo(date: str) -> str:
    """Earliest day a partial date can mean ("2024" -> "2024-00-00", before any real day)."""
    return (date + "-00-00")[:10] if len(date) == 4 else (date + "-00")[:10] if len(date) == 7 else date[:10]


def _hi(date: str) -> str:
    """Latest day a partial date can mean ("2024-06" -> "2024-06-99")."""
    return (date + "-99-99")[:10] if len(date) == 4 else (date + "-99")[:10] if len(date) == 7 else date[:10]


def _sort_key(entry: Entry) -> tuple[str, str, str]:
    return (_lo(entry.date), entry.kind, entry.entity_id)


def _period_start(period: str | None) -> str | None:
    if not period:
        return None
    head = period.split("/")[0].strip()
    return head if head[:4].isdigit() else None


def money_label(c: Commitment) -> str:
    """A commitment's amount as people write it: 'USD 4.5bn', 'EUR 80m'."""
    if c.amount is None:
        return "an unspecified amount"
    scale, unit = (1e9, "bn") if c.amount >= 1e9 else (1e6, "m") if c.amount >= 1e6 else (1.0, "")
    return f"{c.currency or ''} {c.amount / scale:,.4g}{unit}".strip()


def build(agreements: Iterable[Agreement], events: Iterable[Event], commitments: Iterable[Commitment],
          *, party: str | None = None, start: str | None = None, end: str | None = None) -> list[Entry]:
    """Entries for one party (or all), between ``start`` and ``end`` (ISO prefixes, inclusive)."""
    entries: list[Entry] = []
    for a in agreements:
        if a.date_signed and not a.mentioned_only:
            title = a.title or "agreement"
            where = f" in {a.place}" if a.place else ""
            entries.append(Entry(str(a.date_signed), "signature", f"{title} signed{where}", tuple(a.parties), a.id))
    for e in events:
        if e.date:
            entries.append(Entry(str(e.date), e.kind or "event", e.what or "", tuple(e.parties), e.id))
    for c in commitments:
        when = c.date or _period_start(c.period)
        if when:
            parties = tuple(p for p in (c.donor, c.recipient) if p)
            what = f"{c.donor or '?'} {c.status or 'commitment'}: {money_label(c)}" + (
                f" ({c.category})" if c.category and c.category != "unspecified" else "")
            entries.append(Entry(str(when), "commitment", what, parties, c.id))
    return sorted((x for x in entries if _keep(x, party, start, end)), key=_sort_key)


def _keep(entry: Entry, party: str | None, start: str | None, end: str | None) -> bool:
    if party and party.upper() not in entry.parties:
        return False
    # A partial date is kept when the period it names overlaps the range.
    if start and _hi(entry.date) < _lo(start):
        return False
    return not (end and _lo(entry.date) > _hi(end))


def rows(entries: Sequence[Entry]) -> list[dict[str, object]]:
    return [{"date": e.date, "kind": e.kind, "what": e.what, "parties": list(e.parties), "id": e.entity_id}
            for e in entries]
