"""Compare agreements provision by provision: a matrix, pair similarity, distinctive provisions.

Pure functions over plain data: agreements (``accords.model.Agreement`` or dicts with ``id``
and ``parties``), provisions (``accords.model.Provision`` or dicts with ``agreement``, ``code``
and ``value`` or ``values``) and the codebook. Evidence (quotes and sources) comes in a map
from statement id to :class:`Evidence`; every cell keeps the evidence behind it.

Similarity of a pair is the *agreement rate*: among the codes known (present, absent or a
value) in both agreements, the share on which they agree; a number agrees with a number only
when equal, and with a bare "present". The Jaccard index of the provisions present in both
(over the same codes) is reported beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from accords.analyze.names import country_name, iso3_for
from accords.analyze.narrative import claims_for
from accords.codebook import ABSENT, PRESENT, Code, Codebook, load_codebook
from accords.errors import InputError, NotFoundError

UNKNOWN = "unknown"
VALUE = "value"
CONFLICT = "conflict"
KNOWN = (PRESENT, ABSENT, VALUE)
# Agreement properties that answer a code when no provision was coded for it.
_DERIVED = ("consultation_hours", "duration_years", "military_scope", "mentions_nato_membership",
            "legal_nature")


@dataclass(frozen=True, slots=True)
class Evidence:
    quote: str | None = None
    source: str | None = None  # a URL, or "doc <id>[start:end]", or "human:<who>"
    statement_id: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    agreement: str
    code: str
    state: str  # present | absent | value | unknown | conflict
    value: Any = None
    display: str = "unknown"
    evidence: tuple[Evidence, ...] = ()
    derived_from: str | None = None  # the agreement property a derived cell comes from

    @property
    def known(self) -> bool:
        return self.state in KNOWN

    @property
    def has(self) -> bool:
        """The provision is there (present or with a value)."""
        return self.state in (PRESENT, VALUE)


@dataclass(frozen=True, slots=True)
class PairScore:
    a: str
    b: str
    known_both: int
    agree: int
    present_both: int
    present_either: int

    @property
    def score(self) -> float | None:
        return self.agree / self.known_both if self.known_both else None

    @property
    def jaccard(self) -> float | None:
        return self.present_both / self.present_either if self.present_either else None


@dataclass(frozen=True, slots=True)
class Distinct:
    agreement: str
    code: str
    kind: str  # only (alone has it) | lacks (alone without it) | value (a different value)
    cell: Cell
    others_same: int
    others_known: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence of the narrative and the matrix cells it rests on."""

    text: str
    cells: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Comparison:
    agreements: tuple[str, ...]
    labels: dict[str, str]
    codes: tuple[Code, ...]
    cells: dict[tuple[str, str], Cell]
    pairs: tuple[PairScore, ...]
    distinctive: dict[str, tuple[Distinct, ...]]
    claims: tuple[Claim, ...] = ()
    pillar: str | None = None
    codebook_version: str = ""
    similarity_method: str = ("agreement rate over codes known in both (equal state or value); "
                              "Jaccard of provisions present over the same codes")
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def paragraph(self) -> str:
        return " ".join(c.text for c in self.claims)

    def cell(self, agreement: str, code: str) -> Cell:
        return self.cells[(agreement, code)]

    def pair(self, a: str, b: str) -> PairScore:
        for p in self.pairs:
            if {p.a, p.b} == {a, b}:
                return p
        raise KeyError((a, b))


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def label_for(parties: Iterable[str], fallback: str) -> str:
    """A short label for an agreement: its counterpart's common name ("Japan", "EU")."""
    others = [p for p in parties if p != "UKR"]
    return " & ".join(country_name(p) for p in others) if others else fallback


def _values_of(provision: Any) -> list[Any]:
    values = _get(provision, "values")
    if values is None:
        value = _get(provision, "value")
        values = [] if value is None else [value]
    return list(values)


def _evidence_of(provision: Any, evidence: Mapping[str, Evidence]) -> list[Evidence]:
    own = _get(provision, "evidence")
    if own:
        return [e if isinstance(e, Evidence) else Evidence(**e) for e in own]
    if _get(provision, "quote") or _get(provision, "source"):
        return [Evidence(quote=_get(provision, "quote"), source=_get(provision, "source"))]
    sources = _get(provision, "sources") or {}
    ids = list(sources.get("value", [])) or [i for ids in sources.values() for i in ids]
    return [evidence[i] for i in ids if i in evidence]


def resolve_cell(agreement: str, code: Code, values: Sequence[Any],
                 evidence: Sequence[Evidence] = (), derived_from: str | None = None) -> Cell:
    """One matrix cell from the values recorded for (agreement, code)."""
    numbers = sorted({v for v in values if isinstance(v, int | float) and not isinstance(v, bool)})
    texts = sorted({str(v) for v in values if isinstance(v, str) and v not in (PRESENT, ABSENT)})
    flags = {v for v in values if v in (PRESENT, ABSENT) or isinstance(v, bool)}
    has_present = PRESENT in flags or True in flags
    has_absent = ABSENT in flags or False in flags
    ev = tuple(evidence)
    if (numbers or texts) and not has_absent:
        shown = [*numbers, *texts]
        if len(shown) > 1:
            return Cell(agreement, code.id, CONFLICT, shown, " / ".join(code.format_value(v) for v in shown),
                        ev, derived_from)
        return Cell(agreement, code.id, VALUE, shown[0], code.format_value(shown[0]), ev, derived_from)
    if (has_present or numbers or texts) and has_absent:
        return Cell(agreement, code.id, CONFLICT, None, "present / absent", ev, derived_from)
    if has_present:
        return Cell(agreement, code.id, PRESENT, PRESENT, PRESENT, ev, derived_from)
    if has_absent:
        return Cell(agreement, code.id, ABSENT, ABSENT, ABSENT, ev, derived_from)
    return Cell(agreement, code.id, UNKNOWN)


def _derived(agreement: Any) -> dict[str, tuple[list[Any], str]]:
    """Codes answered by agreement properties (the reference dataset records these)."""
    out: dict[str, tuple[list[Any], str]] = {}
    hours = _get(agreement, "consultation_hours")
    if hours is not None:
        out["consultation_mechanism"] = ([hours], "consultation_hours")
    years = _get(agreement, "duration_years")
    if years is not None:
        out["duration"] = ([years], "duration_years")
    scope = str(_get(agreement, "military_scope") or "").lower()
    if scope in ("lethal", "non-lethal", "non_lethal"):
        lethal = scope == "lethal"
        out["military_aid_lethal"] = ([PRESENT if lethal else ABSENT], "military_scope")
        if not lethal:
            out["military_aid_non_lethal"] = ([PRESENT], "military_scope")
    nato = str(_get(agreement, "mentions_nato_membership") or "").lower()
    if nato in ("yes", "true", "no", "false"):
        out["nato_membership_reference"] = ([PRESENT if nato in ("yes", "true") else ABSENT],
                                             "mentions_nato_membership")
    nature = _get(agreement, "legal_nature")
    if nature:
        out["legal_nature"] = ([str(nature)], "legal_nature")
    return out


def build_matrix(agreements: Sequence[Any], provisions: Iterable[Any], codes: Sequence[Code],
                 evidence: Mapping[str, Evidence] | None = None) -> dict[tuple[str, str], Cell]:
    """Cells for every (agreement, code); provisions first, agreement properties as fallback."""
    ev_map = evidence or {}
    ids = [str(_get(a, "id")) for a in agreements]
    wanted = {c.id: c for c in codes}
    values: dict[tuple[str, str], list[Any]] = {}
    evs: dict[tuple[str, str], list[Evidence]] = {}
    id_set = set(ids)
    for p in provisions:
        key = (str(_get(p, "agreement")), str(_get(p, "code")))
        if key[0] not in id_set or key[1] not in wanted:
            continue
        values.setdefault(key, []).extend(_values_of(p))
        evs.setdefault(key, []).extend(_evidence_of(p, ev_map))
    cells: dict[tuple[str, str], Cell] = {}
    for agreement in agreements:
        aid = str(_get(agreement, "id"))
        derived = _derived(agreement)
        sources = _get(agreement, "sources") or {}
        for code in codes:
            key = (aid, code.id)
            if key in values:
                cells[key] = resolve_cell(aid, code, values[key], evs.get(key, ()))
            elif code.id in derived:
                vals, prop = derived[code.id]
                ev = [ev_map[i] for i in sources.get(prop, []) if i in ev_map]
                cells[key] = resolve_cell(aid, code, vals, ev, derived_from=prop)
            else:
                cells[key] = Cell(aid, code.id, UNKNOWN)
    return cells


def _same(x: Cell, y: Cell) -> bool:
    if x.state == VALUE and y.state == VALUE:
        return bool(x.value == y.value)
    return x.has == y.has


def _token(cell: Cell) -> Any:
    """A cheap comparable form: None unknown, True present, False absent, ("v", value) a value."""
    if cell.state == VALUE:
        return ("v", _hashable(cell.value))
    if cell.state == PRESENT:
        return True
    if cell.state == ABSENT:
        return False
    return None


def _hashable(value: Any) -> Any:
    return value if isinstance(value, int | float | str) else repr(value)


def _tok_same(x: Any, y: Any) -> bool:
    if isinstance(x, tuple) and isinstance(y, tuple):
        return x == y
    return (x is not False) == (y is not False)


def similarity(a: str, b: str, cells: Mapping[tuple[str, str], Cell], codes: Sequence[Code]) -> PairScore:
    """Agreement rate and Jaccard of two agreements over the codes known in both."""
    return _similarity(a, b, [_token(cells[(a, c.id)]) for c in codes],
                       [_token(cells[(b, c.id)]) for c in codes])


def _similarity(a: str, b: str, xs: Sequence[Any], ys: Sequence[Any]) -> PairScore:
    known = agree = both = either = 0
    for x, y in zip(xs, ys, strict=True):
        if x is None or y is None:
            continue
        known += 1
        hx, hy = x is not False, y is not False
        agree += (x == y) if isinstance(x, tuple) and isinstance(y, tuple) else hx == hy
        both += hx and hy
        either += hx or hy
    return PairScore(a, b, known, agree, both, either)


def distinctive(agreement: str, others: Sequence[str], cells: Mapping[tuple[str, str], Cell],
                codes: Sequence[Code]) -> tuple[Distinct, ...]:
    """Codes where this agreement differs from most of the others that are known for the code."""
    out: list[Distinct] = []
    for code in codes:
        mine = cells[(agreement, code.id)]
        x = _token(mine)
        if x is None:
            continue
        theirs = [t for t in (_token(cells[(o, code.id)]) for o in others) if t is not None]
        d = _distinct(agreement, code.id, mine, x, len(theirs), sum(_tok_same(x, t) for t in theirs),
                      sum(t is not False for t in theirs))
        if d is not None:
            out.append(d)
    out.sort(key=lambda d: (d.others_same, -d.others_known))
    return tuple(out)


def _distinct(agreement: str, code: str, mine: Cell, x: Any, known: int, same: int,
              has: int) -> Distinct | None:
    if not known or same * 2 >= known:
        return None
    if x is not False and has == 0:
        kind = "only"
    elif x is False and has == known:
        kind = "lacks"
    elif isinstance(x, tuple):
        kind = "value"
    else:
        kind = "only" if x is not False else "lacks"
    return Distinct(agreement, code, kind, mine, same, known)


def _all_distinctive(ids: Sequence[str], cells: Mapping[tuple[str, str], Cell],
                     codes: Sequence[Code]) -> dict[str, tuple[Distinct, ...]]:
    """``distinctive`` for every agreement at once, from per-code counts (linear, not quadratic)."""
    out: dict[str, list[Distinct]] = {a: [] for a in ids}
    for code in codes:
        toks = [_token(cells[(a, code.id)]) for a in ids]
        present = sum(t is True for t in toks)
        absent = sum(t is False for t in toks)
        values: dict[Any, int] = {}
        for t in toks:
            if isinstance(t, tuple):
                values[t] = values.get(t, 0) + 1
        n_values = sum(values.values())
        known = present + absent + n_values
        for a, t in zip(ids, toks, strict=True):
            if t is None:
                continue
            if isinstance(t, tuple):
                same = values[t] - 1 + present
            elif t is True:
                same = present - 1 + n_values
            else:
                same = absent - 1
            has = present + n_values - (t is not False)
            d = _distinct(a, code.id, cells[(a, code.id)], t, known - 1, same, has)
            if d is not None:
                out[a].append(d)
    return {a: tuple(sorted(ds, key=lambda d: (d.others_same, -d.others_known))) for a, ds in out.items()}


def compare(agreements: Sequence[Any], provisions: Iterable[Any], codebook: Codebook,
            pillar: str | None = None, evidence: Mapping[str, Evidence] | None = None) -> Comparison:
    """The full comparison of ``agreements`` (in the order given) over the codebook's codes."""
    codes = codebook.in_pillar(pillar)
    ids = tuple(str(_get(a, "id")) for a in agreements)
    labels = {str(_get(a, "id")): label_for(_get(a, "parties") or (), str(_get(a, "id"))) for a in agreements}
    cells = build_matrix(agreements, provisions, codes, evidence)
    tokens = {a: [_token(cells[(a, c.id)]) for c in codes] for a in ids}
    pairs = tuple(_similarity(a, b, tokens[a], tokens[b]) for a, b in combinations(ids, 2))
    dist = _all_distinctive(ids, cells, codes)
    base = Comparison(ids, labels, codes, cells, pairs, dist, pillar=pillar,
                      codebook_version=codebook.version)
    return Comparison(ids, labels, codes, cells, pairs, dist, claims_for(base, codebook), pillar,
                      codebook.version)


def to_dict(cmp: Comparison, all_codes: bool = True) -> dict[str, Any]:
    """The comparison as JSON-ready plain data (what `--format json` prints)."""
    def ev(e: Evidence) -> dict[str, Any]:
        return {"quote": e.quote, "source": e.source, "statement_id": e.statement_id, "status": e.status}

    rows = []
    for code in cmp.codes:
        row_cells = [cmp.cells[(a, code.id)] for a in cmp.agreements]
        if not all_codes and not any(c.state != UNKNOWN for c in row_cells):
            continue
        rows.append({"code": code.id, "label": code.label, "pillar": code.pillar, "cells": {
            c.agreement: {"state": c.state, "value": c.value, "display": c.display,
                          "derived_from": c.derived_from, "evidence": [ev(e) for e in c.evidence]}
            for c in row_cells}})
    return {
        "codebook_version": cmp.codebook_version,
        "pillar": cmp.pillar,
        "agreements": [{"id": a, "label": cmp.labels[a]} for a in cmp.agreements],
        "paragraph": cmp.paragraph,
        "claims": [{"text": c.text, "cells": [list(x) for x in c.cells]} for c in cmp.claims],
        "similarity_method": cmp.similarity_method,
        "similarity": [{"a": p.a, "b": p.b, "score": p.score, "jaccard": p.jaccard,
                        "known_both": p.known_both, "agree": p.agree} for p in cmp.pairs],
        "distinctive": {a: [{"code": d.code, "kind": d.kind, "display": d.cell.display,
                             "others_same": d.others_same, "others_known": d.others_known}
                            for d in ds] for a, ds in cmp.distinctive.items()},
        "matrix": rows,
    }


def resolve_agreements(available: Sequence[Any], wanted: Sequence[str]) -> list[Any]:
    """Agreements named by id ("UKR-JPN-2024"), party key ("JPN-UKR"), ISO3 or country name."""
    if not wanted:
        return [a for a in available if not _get(a, "mentioned_only")]
    by_id = {str(_get(a, "id")): a for a in available}
    out: list[Any] = []
    for name in wanted:
        found = by_id.get(name) or by_id.get(name.upper())
        if found is None:
            parts = [p for p in name.replace("_", "-").split("-") if p]
            isos = {iso3_for(p) for p in parts} - {None, "UKR"} if len(parts) > 1 else {iso3_for(name)}
            matches = [a for a in available if isos and isos <= set(_get(a, "parties") or ())
                       and "UKR" in (_get(a, "parties") or ())]
            matches.sort(key=lambda a: (bool(_get(a, "mentioned_only")), str(_get(a, "date_signed") or "")))
            found = matches[0] if matches else None
        if found is None:
            raise NotFoundError(f"no agreement {name!r} in the store",
                                "give an id such as UKR-JPN-2024, a country (JPN, Japan); "
                                "see `accords list agreements`")
        if found in out:
            raise InputError(f"agreement {name!r} is named twice", "name each agreement once")
        out.append(found)
    return out


def compare_from_store(session: Any, agreement_ids: Sequence[str], pillar: str | None = None,
                       as_of: Any = None, include_candidates: bool = False,
                       codebook: Codebook | None = None) -> Comparison:
    """Compare agreements as the store shows them (accepted statements; ``include_candidates``
    adds unreviewed ones, e.g. a freshly ingested document), as of a past time if given."""
    from accords.model.entities import Agreement
    from accords.store import statements as st
    from accords.store import views  # the service reads the store; the pure functions above do not

    cb = codebook or load_codebook()
    ag_views = views.entities(session, "agreement", as_of, include_candidates)
    available = [views.to_dataclass(v, Agreement) for v in ag_views]
    chosen = resolve_agreements(available, agreement_ids)
    ids = {a.id for a in chosen}
    by_parties = {"-".join(sorted(a.parties)): a.id for a in chosen if a.parties}
    evidence: dict[str, Evidence] = {}
    for v in ag_views:
        if v.id in ids:
            evidence.update((s.id, _statement_evidence(s)) for s in v.statements)
    # Only the value statements are read: provision ids are "<agreement id>:<code>" by contract,
    # and skipping the agreement/code/pillar statements quarters the rows (the 100 ms budget).
    statuses = ("accepted", "candidate") if include_candidates else ("accepted",)
    value_stmts = st.find(session, schema="provision", prop="value", status=statuses, as_of=as_of)
    provisions: list[dict[str, Any]] = []
    for v in views.group(value_stmts):
        agreement, _, code = v.id.rpartition(":")
        agreement = agreement if agreement in ids else by_parties.get(agreement, agreement)
        if agreement not in ids:
            continue
        provisions.append({"agreement": agreement, "code": code, "values": v.all("value"),
                           "evidence": [_statement_evidence(s) for s in v.statements]})
    return compare(chosen, provisions, cb, pillar, evidence)


def _statement_evidence(s: Any) -> Evidence:
    return Evidence(quote=s.quote, source=s.source_url or s.provenance(), statement_id=s.id, status=s.status)
