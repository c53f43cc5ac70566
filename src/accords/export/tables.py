"""The tables of an export: one per entity kind, plus statements and documents.

Entity tables are built from the store's views (accepted statements, as of a time if given);
each row is one entity, its single-valued properties as they are and its multi-valued ones
joined with ``"; "``. When a single-valued property has more than one accepted value (two
sources disagree), the row shows the first and the ``conflicts`` column lists them all; the
statements table has every value with its source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from accords.model.schema import schema_for
from accords.model.statement import Statement
from accords.store import statements as st
from accords.store import views
from accords.store.tables import documents

SEP = "; "
# (table, entity schema) in the order they are written.
ENTITY_TABLES: tuple[tuple[str, str], ...] = (
    ("parties", "party"), ("people", "person"), ("agreements", "agreement"), ("provisions", "provision"),
    ("commitments", "commitment"), ("channels", "channel"), ("events", "event"),
)
TYPES = {"string": "string", "number": "number", "integer": "integer", "date": "string",
         "boolean": "boolean", "party": "string", "entity": "string", "json": "string"}

# What each column means, in plain words (the datapackage carries these to Excel, R, Datasette).
DESCRIPTIONS: dict[str, str] = {
    "id": "Stable identifier of the entity (agreements: UKR-<ISO3>-<year signed>; parties: ISO 3166-1 alpha-3, "
          "EUU for the EU; provisions: <agreement id>:<code>).",
    "name": "Name.", "iso3": "ISO 3166-1 alpha-3 code (EUU: European Union; XKX: Kosovo, user-assigned).",
    "kind": "Kind of entity or event.", "alias": "Other names.", "role": "Roles held (at the time of the facts).",
    "party": "Party (ISO3) the person belongs to.", "title": "Title of the agreement.",
    "parties": "Parties (ISO3).", "date_signed": "Date of signature (ISO 8601).",
    "place": "Place.", "signatories": "Who signed.", "duration_years": "Term of the agreement.",
    "legal_nature": "Legal nature as described by sources.", "legally_binding": "Whether it binds in law: yes, no, "
    "partly or contested.", "basis": "Framework the agreement implements.",
    "consultation_hours": "Time limit for consultations after a triggering event.",
    "consultation_trigger": "What starts the consultation clock.", "military_scope": "lethal or non-lethal.",
    "mentions_nato_membership": "Whether the text refers to Ukraine's NATO membership (yes/no).",
    "mentioned_only": "True when a source only names the agreement.", "in_force_from": "Date it takes effect.",
    "expires_on": "Date it ends.", "note": "Remarks on the agreement (our words).",
    "agreement": "Agreement id.", "code": "Provision code from the codebook.",
    "value": "Coded value: present, absent, a number (unit in the codebook) or a short text.",
    "pillar": "Codebook pillar.", "donor": "Donor (ISO3).", "recipient": "Recipient (ISO3).",
    "amount": "Amount in units of the currency (not thousands or millions).", "currency": "ISO 4217 code.",
    "status": "pledged, allocated, provided, pledged_and_provided or expected.", "period": "Period covered.",
    "date": "Date (ISO 8601 at the precision known: YYYY, YYYY-MM or YYYY-MM-DD).",
    "category": "military, financial, humanitarian, reconstruction or unspecified.",
    "instrument": "grant, loan, guarantee or in-kind.", "channel": "Channel id the support flows through.",
    "parent": "Commitment this one is part of or repeats.", "part_of_previous": "True when the amount is "
    "contained in the parent commitment (do not add them up).", "description": "What it is (our words).",
    "leads": "Lead nations (ISO3).", "members": "Members (ISO3), where known.",
    "established": "When it was set up (ISO 8601 at the precision known).", "what": "What happened.",
    "at": "Occasion.", "against": "Party acted against.", "by": "Party that acted.",
    "conflicts": "Properties whose accepted sources disagree, with every value (prop: v1 | v2).",
    "sources": "Source URLs of the entity's statements.", "statements": "Number of statements behind the row.",
}
UNITS = {"duration_years": "years", "consultation_hours": "hours"}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str
    description: str
    unit: str | None = None


@dataclass
class Table:
    name: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    description: str


def entity_columns(schema: str) -> list[Column]:
    spec = schema_for(schema)
    cols = [Column("id", "string", DESCRIPTIONS["id"])]
    for prop, ps in spec.props.items():
        typ = "string" if ps.multi else TYPES.get(ps.type, "string")
        desc = DESCRIPTIONS.get(prop, prop.replace("_", " ").capitalize() + ".")
        if ps.multi:
            desc += " Several values are separated by '; '."
        cols.append(Column(prop, typ, desc, UNITS.get(prop)))
    cols += [Column("conflicts", "string", DESCRIPTIONS["conflicts"]),
             Column("sources", "string", DESCRIPTIONS["sources"] + " Separated by '; '."),
             Column("statements", "integer", DESCRIPTIONS["statements"])]
    return cols


def _cell(value: Any, typ: str) -> Any:
    if value is None:
        return None
    if typ == "number":
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if typ == "integer":
        return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if typ == "boolean":
        return bool(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _urls(stmts: list[Statement]) -> list[str]:
    out: list[str] = []
    for s in stmts:
        for u in [s.source_url, *(s.extra.get("sources") or [])]:
            if u and u not in out:
                out.append(str(u))
    return out


def entity_table(session: Session, name: str, schema: str, as_of: datetime | None) -> Table:
    cols = entity_columns(schema)
    spec = schema_for(schema)
    rows = []
    for view in sorted(views.entities(session, schema, as_of=as_of), key=lambda v: v.id):
        row: dict[str, Any] = {"id": view.id}
        for col in cols[1:-3]:
            values = view.all(col.name)
            if spec.is_multi(col.name):
                row[col.name] = SEP.join(str(_cell(v, "string")) for v in values) or None
            else:
                row[col.name] = _cell(values[0], col.type) if values else None
        conflicts = view.conflicts()
        row["conflicts"] = SEP.join(f"{p}: " + " | ".join(str(v) for v in vals)
                                    for p, vals in sorted(conflicts.items())) or None
        row["sources"] = SEP.join(_urls(view.statements)) or None
        row["statements"] = len(view.statements)
        rows.append(row)
    return Table(name, cols, rows, f"One row per {schema} (from accepted statements).")


STATEMENT_COLUMNS = [
    Column("id", "string", "Statement id (a hash of its key fields)."),
    Column("entity", "string", "Entity the statement is about."),
    Column("schema", "string", "Kind of that entity."),
    Column("prop", "string", "Property."),
    Column("value", "string", "Value as JSON text (strings are quoted; numbers are plain)."),
    Column("status", "string", "candidate, accepted, rejected or superseded (as of the export time)."),
    Column("method", "string", "What produced it: a recognizer, human:<user>, or dataset:<name>@<version>."),
    Column("dataset", "string", "Dataset name for dataset statements."),
    Column("source_url", "string", "First source URL."),
    Column("sources", "string", "Every source URL, separated by '; '."),
    Column("accessed", "string", "When the sources were consulted (ISO 8601 date)."),
    Column("note", "string", "Remark on the statement (our words)."),
    Column("document", "string", "Document id the statement was extracted from."),
    Column("span_start", "integer", "Start offset of the quote in the document text.", "characters"),
    Column("span_end", "integer", "End offset of the quote in the document text.", "characters"),
    Column("page", "integer", "Page of the quote, when known."),
    Column("quote", "string", "The passage, verbatim."),
    Column("author", "string", "Person who typed the statement, for human input."),
    Column("confidence", "number", "Confidence from 0 to 1."),
    Column("recorded_at", "datetime", "When it entered the store (ISO 8601, UTC)."),
    Column("extra", "string", "Everything else kept with the statement, as JSON text."),
]


def statement_rows(stmts: list[Statement]) -> list[dict[str, Any]]:
    rows = []
    for s in stmts:
        rows.append({
            "id": s.id, "entity": s.entity_id, "schema": s.schema, "prop": s.prop,
            "value": json.dumps(s.value, ensure_ascii=False, sort_keys=True), "status": s.status,
            "method": s.method, "dataset": s.dataset, "source_url": s.source_url,
            "sources": SEP.join(str(u) for u in (s.extra.get("sources") or ([s.source_url] if s.source_url else [])))
            or None,
            "accessed": s.extra.get("accessed"), "note": s.extra.get("note"), "document": s.document_id,
            "span_start": s.span.start if s.span else None, "span_end": s.span.end if s.span else None,
            "page": s.span.page if s.span else None, "quote": s.quote, "author": s.author,
            "confidence": s.confidence,
            "recorded_at": s.recorded_at.isoformat() if s.recorded_at else None,
            "extra": json.dumps(s.extra, ensure_ascii=False, sort_keys=True, default=str),
        })
    return rows


DOCUMENT_COLUMNS = [
    Column("id", "string", "Document id."), Column("sha256", "string", "SHA-256 of the text."),
    Column("title", "string", "Title."), Column("url", "string", "Where it came from."),
    Column("published", "string", "Publication date (ISO 8601)."), Column("media_type", "string", "Media type."),
    Column("authors", "string", "Authors, separated by '; '."),
    Column("metadata", "string", "Other metadata as JSON text."),
    Column("text", "string", "Full text as loaded (spans index into it)."),
    Column("recorded_at", "datetime", "When it entered the store (ISO 8601, UTC)."),
]


def document_rows(session: Session, ids: set[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = session.execute(documents.select().where(documents.c.id.in_(sorted(ids)))).all()
    return [{"id": r.id, "sha256": r.sha256, "title": r.title, "url": r.url,
             "published": r.published.isoformat() if r.published else None, "media_type": r.media_type,
             "authors": SEP.join(r.authors or []) or None, "metadata": json.dumps(r.meta or {}, ensure_ascii=False),
             "text": r.text, "recorded_at": r.recorded_at.isoformat() if r.recorded_at else None} for r in rows]


def build_tables(session: Session, as_of: datetime | None = None) -> list[Table]:
    """Every table of an export, as the store was at ``as_of`` (now if None)."""
    tables = [entity_table(session, name, schema, as_of) for name, schema in ENTITY_TABLES]
    stmts = st.find(session, as_of=as_of)
    tables.append(Table("statements", STATEMENT_COLUMNS, statement_rows(stmts),
                        "Every statement with its status, origin and sources; the entity tables are built from "
                        "the accepted ones."))
    doc_ids = {s.document_id for s in stmts if s.document_id}
    tables.append(Table("documents", DOCUMENT_COLUMNS, document_rows(session, doc_ids),
                        "Documents that statements were extracted from, with their full text."))
    return tables
