"""Which commitment entities report the same flow: the deterministic matching rule + overrides.

Rule (two entities are one ledger entry when all hold):
- same donor, recipient, stage and currency;
- amounts within 0.5 % of the larger one (both known);
- the spans they cover overlap (the period, else the date: two outlets reporting a 2024 pledge
  a day apart report the same pledge), or at least one of them names no span.

Analyst overrides are statements on a commitment entity, ``same_as`` / ``not_same_as`` with the
other entity's id as value (author = the analyst). For one pair the most recently recorded
override wins, so a merge followed by a split is a split and both stay in the history. A
``not_same_as`` pair is never joined, not even through a third entity: an edge that would put
a forbidden pair into one cluster is skipped. Explicit merges are applied before rule matches,
and everything runs in sorted order, so the same statements always give the same clusters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date

TOLERANCE = 0.005


@dataclass(frozen=True, slots=True)
class Candidate:
    """What matching needs to know of one raw entry."""

    id: str
    donor: str
    recipient: str | None
    stage: str
    currency: str | None
    amount: float | None
    span: tuple[date, date] | None


def amounts_close(a: float | None, b: float | None, tolerance: float = TOLERANCE) -> bool:
    if a is None or b is None:
        return False
    big = max(abs(a), abs(b))
    return big == 0 or abs(a - b) <= tolerance * big


def spans_overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def same_flow(a: Candidate, b: Candidate) -> bool:
    return (a.donor == b.donor and a.recipient == b.recipient and a.stage == b.stage
            and (a.currency or "").upper() == (b.currency or "").upper()
            and amounts_close(a.amount, b.amount) and spans_overlap(a.span, b.span))


def _rule_edges(cands: Sequence[Candidate]) -> list[tuple[str, str]]:
    """Pairs the rule joins; amounts are sorted per key so each entity meets only close ones."""
    groups: dict[tuple[str, str | None, str, str], list[Candidate]] = {}
    for c in cands:
        if c.amount is not None:
            groups.setdefault((c.donor, c.recipient, c.stage, (c.currency or "").upper()), []).append(c)
    edges: list[tuple[str, str]] = []
    for key in sorted(groups, key=str):
        members = sorted(groups[key], key=lambda c: (c.amount or 0.0, c.id))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if not amounts_close(a.amount, b.amount):
                    break
                if same_flow(a, b):
                    edges.append((a.id, b.id) if a.id < b.id else (b.id, a.id))
    return edges


Pairs = set[frozenset[str]]


def resolve_overrides(overrides: Iterable[tuple[str, str, str, object]]) -> tuple[Pairs, Pairs]:
    """``(entity, prop, other, recorded_at)`` rows -> (merge pairs, split pairs); latest per pair wins."""
    latest: dict[frozenset[str], tuple[str, str]] = {}
    for entity, prop, other, when in sorted(overrides, key=lambda o: (str(o[3]), o[0], o[2], o[1])):
        if entity != other:
            latest[frozenset((entity, other))] = (prop, str(when))
    merges = {pair for pair, (prop, _) in latest.items() if prop == "same_as"}
    splits = {pair for pair, (prop, _) in latest.items() if prop == "not_same_as"}
    return merges, splits


def cluster(cands: Sequence[Candidate], merges: AbstractSet[frozenset[str]] = frozenset(),
            splits: AbstractSet[frozenset[str]] = frozenset()) -> list[list[str]]:
    """Groups of entity ids that form one ledger entry, each sorted, in sorted order."""
    ids = sorted({c.id for c in cands})
    known = set(ids)
    parent = {i: i for i in ids}
    members = {i: {i} for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        if any(frozenset((x, y)) in splits for x in members[ra] for y in members[rb]):
            return
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        parent[drop] = keep
        members[keep] |= members.pop(drop)

    explicit = sorted(tuple(sorted(p)) for p in merges if p <= known and len(p) == 2)
    for a, b in explicit:
        join(a, b)
    for a, b in _rule_edges(cands):
        if frozenset((a, b)) not in splits:
            join(a, b)
    return sorted(sorted(m) for m in members.values())
