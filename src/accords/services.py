"""Service functions the faces share: init, list, show, review. No face logic here."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from accords.analyze.timeline import money_label
from accords.errors import NotFoundError, ReviewError
from accords.model.statement import ACCEPTED, CANDIDATE, REJECTED, Statement, make_statement
from accords.store import documents as docs
from accords.store import statements as st
from accords.store import views

LIST_KINDS = ("agreements", "commitments", "provisions", "people", "events", "channels",
              "documents", "candidates")


def load_dataset(session: Session, *, who: str, now: datetime) -> dict[str, Any] | None:
    """Load the shipped reference dataset if this build has it; None when it does not."""
    try:
        from accords.dataset.loader import load_reference
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("accords.dataset"):
            return None
        raise
    report = load_reference(session, who=who, now=now)
    return asdict(report) if hasattr(report, "__dataclass_fields__") else dict(vars(report))


def _agreement_row(a: Any) -> dict[str, Any]:
    return {"id": a.id, "parties": list(a.parties), "date_signed": a.date_signed, "place": a.place,
            "duration_years": a.duration_years, "consultation_hours": a.consultation_hours,
            "military_scope": a.military_scope, "title": a.title,
            "conflicts": ", ".join(sorted(a.conflicts)) or None}


def _commitment_row(c: Any) -> dict[str, Any]:
    return {"id": c.id, "donor": c.donor, "recipient": c.recipient, "amount": c.amount,
            "currency": c.currency, "status": c.status, "period": c.period or c.date,
            "category": c.category, "agreement": c.agreement, "parent": c.parent,
            "conflicts": ", ".join(sorted(c.conflicts)) or None}


def headline_commitments(session: Session, as_of: datetime | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in views.commitments(session, as_of=as_of):
        if c.agreement and c.amount is not None:
            out.setdefault(c.agreement, []).append(f"{money_label(c)} {c.status or ''}".strip())
    return out


def list_rows(session: Session, kind: str, as_of: datetime | None = None) -> list[dict[str, Any]]:
    """Rows for `accords list KIND`."""
    if kind == "agreements":
        heads = headline_commitments(session, as_of)
        rows = [_agreement_row(a) | {"commitments": heads.get(a.id)} for a in views.agreements(session, as_of)]
        return rows
    if kind == "commitments":
        return [_commitment_row(c) for c in views.commitments(session, as_of)]
    if kind == "provisions":
        return [{"id": p.id, "agreement": p.agreement, "code": p.code, "value": p.value}
                for p in views.provisions(session, as_of)]
    if kind == "people":
        return [{"id": p.id, "name": p.name, "roles": list(p.roles)} for p in views.people(session, as_of)]
    if kind == "events":
        return [{"id": e.id, "date": e.date, "what": e.what, "kind": e.kind} for e in views.events(session, as_of)]
    if kind == "channels":
        return [{"id": c.id, "name": c.name, "kind": c.kind, "leads": list(c.leads)}
                for c in views.channels(session, as_of)]
    if kind == "documents":
        return docs.list_documents(session)
    if kind == "candidates":
        return [statement_row(s) for s in st.find(session, status=CANDIDATE, as_of=as_of)]
    raise NotFoundError(f"unknown kind {kind!r}", f"use one of {', '.join(LIST_KINDS)}")


def statement_row(s: Statement) -> dict[str, Any]:
    return {"id": s.id, "entity": s.entity_id, "prop": s.prop, "value": s.value, "status": s.status,
            "source": s.provenance(), "quote": s.quote, "method": s.method,
            "source_url": s.source_url, "recorded_at": s.recorded_at}


def show(session: Session, ident: str, as_of: datetime | None = None) -> dict[str, Any]:
    """An entity, a document or a statement, with every fact and where it came from."""
    if ident.startswith("D-"):
        d = docs.get_document(session, ident)
        stmts = st.find(session, document_id=ident, as_of=as_of)
        return {"kind": "document", "id": d.id, "title": d.title, "media_type": d.media_type,
                "published": d.published, "url": d.url, "sha256": d.sha256, "size": len(d.text),
                "statements": [statement_row(s) for s in stmts]}
    try:
        view = views.entity(session, ident, as_of=as_of)
    except NotFoundError:
        try:
            s = st.get(session, ident)
        except NotFoundError:
            raise NotFoundError(f"nothing with id {ident!r}",
                                "ids come from `accords list agreements|commitments|documents|candidates`"
                                ) from None
        return {"kind": "statement", **statement_row(s),
                "history": [asdict(t) for t in st.history(session, ident)]}
    return {"kind": view.schema, "id": view.id, "props": view.props,
            "conflicts": view.conflicts(),
            "statements": [statement_row(s) for s in view.statements]}


def review_many(session: Session, ids: list[str], to_status: str, *, who: str, now: datetime,
                why: str | None = None) -> int:
    for sid in ids:
        st.review(session, sid, to_status, who=who, now=now, why=why)
    return len(ids)


def review_document(session: Session, doc_id: str, to_status: str, *, who: str, now: datetime,
                    why: str | None = None) -> int:
    """Accept or reject every candidate a document produced."""
    docs.get_document(session, doc_id)
    cands = st.find(session, document_id=doc_id, status=CANDIDATE)
    return review_many(session, [s.id for s in cands], to_status, who=who, now=now, why=why)


def correct(session: Session, statement_id: str, value: Any, *, who: str, now: datetime,
            why: str | None = None) -> Statement:
    """Replace a statement's value: the old one is rejected, a human statement with the new
    value is accepted; both keep their history and the new one points at the old one."""
    old = st.get(session, statement_id)
    if old.status == REJECTED:
        raise ReviewError(f"statement {statement_id} is rejected", "correct an accepted or candidate statement")
    new = make_statement(old.entity_id, old.schema, old.prop, value, method=f"human:{who}", author=who,
                         document_id=old.document_id, span=old.span, quote=old.quote, status=ACCEPTED,
                         recorded_at=now, extra={"corrects": old.id, "why": why})
    st.add_statements(session, [new], who=who, now=now)
    st.review(session, old.id, REJECTED, who=who, now=now, why=f"corrected by {new.id}" + (f": {why}" if why else ""))
    return new


def parse_value(text: str) -> Any:
    """Values typed on the command line: numbers as numbers, true/false, else text."""
    for conv in (int, float):
        try:
            return conv(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)

