"""Writing, reviewing and reading statements.

Nothing is overwritten: a review adds a transition row and updates the statement's current
status; reading "as of T" replays the transitions recorded up to T.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, insert, select, update
from sqlalchemy.orm import Session

from accords.errors import NotFoundError, ReviewError
from accords.model.statement import (
    ACCEPTED,
    CANDIDATE,
    REJECTED,
    STATUSES,
    SUPERSEDED,
    Span,
    Statement,
    Transition,
    encode_value,
)
from accords.store.tables import entities, statements, transitions

# Which review moves are allowed; a superseded dataset value can come back if the dataset does.
ALLOWED = {
    CANDIDATE: {ACCEPTED, REJECTED},
    ACCEPTED: {REJECTED, SUPERSEDED},
    REJECTED: {ACCEPTED},
    SUPERSEDED: {ACCEPTED},
}
_BATCH = 1000


def _row_to_statement(row: Any) -> Statement:
    m = row._mapping
    span = Span(m["span_start"], m["span_end"], m["page"]) if m["span_start"] is not None else None
    return Statement(
        id=m["id"], entity_id=m["entity_id"], schema=m["schema"], prop=m["prop"],
        value=json.loads(m["value"]), method=m["method"], document_id=m["document_id"], span=span,
        quote=m["quote"], source_url=m["source_url"], author=m["author"], dataset=m["dataset"],
        confidence=m["confidence"], status=m["status"], recorded_at=m["recorded_at"],
        extra=dict(m["extra"] or {}),
    )


def _statement_row(s: Statement, now: datetime) -> dict[str, Any]:
    return {
        "id": s.id, "entity_id": s.entity_id, "schema": s.schema, "prop": s.prop,
        "value": encode_value(s.value), "document_id": s.document_id,
        "span_start": s.span.start if s.span else None, "span_end": s.span.end if s.span else None,
        "page": s.span.page if s.span else None, "quote": s.quote, "source_url": s.source_url,
        "author": s.author, "method": s.method, "dataset": s.dataset, "confidence": s.confidence,
        "status": s.status, "recorded_at": s.recorded_at or now, "extra": s.extra,
    }


def _existing(session: Session, table: Any, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), _BATCH):
        chunk = ids[i:i + _BATCH]
        found.update(session.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars())
    return found


def ensure_entities(session: Session, items: Iterable[tuple[str, str, str | None]], *, now: datetime) -> int:
    """Create entities ``(id, schema, label)`` that do not exist yet; returns how many were new."""
    wanted: dict[str, tuple[str, str | None]] = {}
    for eid, schema, label in items:
        wanted.setdefault(eid, (schema, label))
    known = _existing(session, entities, list(wanted))  # (one query per batch, not one per item)
    new_ids = [i for i in wanted if i not in known]
    if new_ids:
        session.execute(insert(entities), [
            {"id": i, "schema": wanted[i][0], "label": wanted[i][1], "created_at": now} for i in new_ids])
    return len(new_ids)


def add_statements(session: Session, stmts: Iterable[Statement], *, who: str, now: datetime) -> int:
    """Insert statements not yet stored (same id = same claim from the same origin: skipped).

    Each new statement gets its first transition (from nothing to its status), recorded at its
    ``recorded_at`` (or ``now``), so as-of queries see when it entered the store.
    Returns the number of statements added.
    """
    batch: list[Statement] = []
    added = 0
    for s in stmts:
        if s.status not in STATUSES:
            raise ReviewError(f"unknown status {s.status!r} on statement {s.id}",
                              f"use one of {', '.join(STATUSES)}")
        batch.append(s)
        if len(batch) >= _BATCH:
            added += _flush(session, batch, who, now)
            batch = []
    if batch:
        added += _flush(session, batch, who, now)
    return added


def _flush(session: Session, batch: list[Statement], who: str, now: datetime) -> int:
    unique = {s.id: s for s in batch}
    already = _existing(session, statements, list(unique))
    fresh = [s for i, s in unique.items() if i not in already]
    if not fresh:
        return 0
    ensure_entities(session, ((s.entity_id, s.schema, None) for s in fresh), now=now)
    session.execute(insert(statements), [_statement_row(s, now) for s in fresh])
    session.execute(insert(transitions), [
        {"statement_id": s.id, "from_status": None, "to_status": s.status, "who": who,
         "at": s.recorded_at or now, "why": "recorded"} for s in fresh])
    return len(fresh)


def get(session: Session, statement_id: str) -> Statement:
    row = session.execute(select(statements).where(statements.c.id == statement_id)).first()
    if row is None:
        raise NotFoundError(f"no statement {statement_id!r}",
                            "list candidates with `accords list candidates` to find an id")
    return _row_to_statement(row)


def review(session: Session, statement_id: str, to_status: str, *, who: str, now: datetime,
           why: str | None = None) -> Transition:
    """Move a statement to ``to_status`` and record who did it, when and why."""
    current = get(session, statement_id)
    if to_status not in STATUSES:
        raise ReviewError(f"unknown status {to_status!r}", f"use one of {', '.join(STATUSES)}")
    if to_status not in ALLOWED[current.status]:
        raise ReviewError(f"statement {statement_id} is {current.status}; it cannot become {to_status}",
                          "see its history with `accords history ID`")
    session.execute(update(statements).where(statements.c.id == statement_id).values(status=to_status))
    t = Transition(statement_id, current.status, to_status, who, now, why)
    session.execute(insert(transitions).values(statement_id=t.statement_id, from_status=t.from_status,
                                               to_status=t.to_status, who=t.who, at=t.at, why=t.why))
    return t


def history(session: Session, statement_id: str) -> list[Transition]:
    get(session, statement_id)
    rows = session.execute(select(transitions).where(transitions.c.statement_id == statement_id)
                           .order_by(transitions.c.id)).all()
    return [Transition(r.statement_id, r.from_status, r.to_status, r.who, r.at, r.why) for r in rows]


def _status_as_of(as_of: datetime) -> Any:
    """A subquery (statement_id, status) with each statement's status at ``as_of``.

    Transition ids grow with time, so the largest id at or before T is the last review then.
    """
    last = (select(transitions.c.statement_id, func.max(transitions.c.id).label("tid"))
            .where(transitions.c.at <= as_of).group_by(transitions.c.statement_id).subquery())
    return (select(last.c.statement_id, transitions.c.to_status.label("status_then"))
            .join(transitions, transitions.c.id == last.c.tid).subquery())


def query(*, entity_id: str | None = None, schema: str | None = None, prop: str | None = None,
          document_id: str | None = None, dataset: str | None = None,
          status: str | Sequence[str] | None = None, as_of: datetime | None = None) -> Select[Any]:
    """The SELECT behind :func:`find`; other modules reuse it to stream large results."""
    statuses = [status] if isinstance(status, str) else list(status) if status else None
    if as_of is None:
        q = select(statements)
        if statuses:
            q = q.where(statements.c.status.in_(statuses))
    else:
        then = _status_as_of(as_of)
        q = (select(*[c for c in statements.c if c.name != "status"], then.c.status_then.label("status"))
             .join(then, then.c.statement_id == statements.c.id)
             .where(statements.c.recorded_at <= as_of))
        if statuses:
            q = q.where(then.c.status_then.in_(statuses))
    for col, val in (("entity_id", entity_id), ("schema", schema), ("prop", prop),
                     ("document_id", document_id), ("dataset", dataset)):
        if val is not None:
            q = q.where(statements.c[col] == val)
    return q.order_by(statements.c.recorded_at, statements.c.id)


def find(session: Session, **filters: Any) -> list[Statement]:
    """Statements matching the filters; with ``as_of`` their status is the one they had then."""
    return [_row_to_statement(r) for r in session.execute(query(**filters)).all()]


def supersede_dataset(session: Session, dataset: str, keep_ids: set[str], *, who: str,
                      now: datetime) -> int:
    """Mark accepted statements of ``dataset`` that a newer version no longer has as superseded.

    They stay in the store and in history; as-of queries before ``now`` still see them.
    """
    ids = session.execute(select(statements.c.id).where(statements.c.dataset == dataset)
                          .where(statements.c.status == ACCEPTED)).scalars().all()
    stale = [i for i in ids if i not in keep_ids]
    for sid in stale:
        review(session, sid, SUPERSEDED, who=who, now=now, why=f"not in the newer {dataset} version")
    return len(stale)


def count(session: Session) -> dict[str, int]:
    """Statement counts per status (for `accords list` summaries and tests)."""
    rows = session.execute(select(statements.c.status, func.count()).group_by(statements.c.status)).all()
    return {r[0]: int(r[1]) for r in rows}
