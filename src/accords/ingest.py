"""Ingest: a document becomes stored candidate statements, whole or not at all.

The extraction runs first and entirely in memory (compute, then write); the writes happen in
the caller's single transaction, so an error part-way leaves no trace of the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accords.model import ids
from accords.model.statement import Span, Statement, make_statement
from accords.store import documents as docs
from accords.store import statements as st
from accords.store.tables import entities

METHOD = "extract"


@dataclass(frozen=True)
class IngestReport:
    document_id: str
    created: bool
    statements: int
    title: str | None


def _year(value: Any) -> str | None:
    return str(value)[:4] if value else None


class _Resolver:
    """Maps an extracted agreement (parties, year) to an entity id, reusing stored ones.

    "Ukraine's agreement with the U.S." without a year resolves to the one stored UKR-USA-*
    agreement if there is exactly one; otherwise a new id is made.
    """

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(entities.c.id).where(entities.c.schema == "agreement")).scalars()
        self.known = list(rows)

    def __call__(self, parties: Iterable[str], year: str | None) -> str:
        exact = ids.agreement_id(parties, year)
        if exact in self.known:
            return exact
        prefix = ids.agreement_id(parties, None) + "-"
        matches = [k for k in self.known if k.startswith(prefix) and (year is None or k.endswith(year))]
        return matches[0] if len(matches) == 1 else exact


def statements_from_extraction(data: dict[str, Any], *, document_id: str,
                               resolve: Callable[[Iterable[str], str | None], str],
                               method: str = METHOD) -> Iterator[Statement]:
    """Turn the extraction JSON (corpus format) into candidate statements, each with its quote."""

    def emit(entity: str, schema: str, item: dict[str, Any], prop: str, value: Any,
             stage: str) -> Statement:
        span = item.get("span")
        sp = Span(int(span[0]), int(span[1]), item.get("page")) if span else None
        return make_statement(entity, schema, prop, value, method=f"{method}:{stage}",
                              document_id=document_id, span=sp, quote=item.get("quote"))

    main: dict[str, str] = {}
    for item in data.get("agreements") or []:
        parties = item.get("parties") or []
        aid = resolve(parties, _year(item.get("date_signed")))
        main.setdefault(ids.agreement_key(parties), aid)
        for p in parties:
            yield emit(aid, "agreement", item, "parties", p, "agreements")
        for prop in ("title", "date_signed", "place", "duration_years", "basis", "mentioned_only"):
            if item.get(prop) not in (None, "", False):
                yield emit(aid, "agreement", item, prop, item[prop], "agreements")
        for name in item.get("signatories") or []:
            yield emit(aid, "agreement", item, "signatories", name, "agreements")

    def agreement_for(parties: list[str]) -> str:
        key = ids.agreement_key(parties)
        return main.get(key) or resolve(parties, None)

    previous: str | None = None
    for item in data.get("commitments") or []:
        cid = ids.commitment_id(item.get("donor"), item.get("recipient"), item.get("status"),
                                item.get("amount"), item.get("currency"), item.get("period"))
        for prop in ("donor", "recipient", "amount", "currency", "status", "period", "category"):
            if item.get(prop) is not None:
                yield emit(cid, "commitment", item, prop, item[prop], "commitments")
        if item.get("part_of_previous") and previous:
            yield emit(cid, "commitment", item, "parent", previous, "commitments")
        previous = cid
    for item in data.get("consultation_hours") or []:
        aid = agreement_for(item.get("parties") or [])
        yield emit(aid, "agreement", item, "consultation_hours", item.get("hours"), "consultations")
        if item.get("trigger"):
            yield emit(aid, "agreement", item, "consultation_trigger", item["trigger"], "consultations")
    for item in data.get("military_scope") or []:
        donor = item.get("donor")
        if donor:
            aid = agreement_for([donor, "UKR"])
            yield emit(aid, "agreement", item, "military_scope", item.get("scope"), "military_scope")
    for item in data.get("people") or []:
        if not item.get("name"):
            continue
        pid = ids.person_id(item["name"])
        yield emit(pid, "person", item, "name", item["name"], "people")
        if item.get("role"):
            yield emit(pid, "person", item, "role", item["role"], "people")
    for item in data.get("events") or []:
        what = item.get("what") or item.get("quote") or ""
        eid = ids.event_id(item.get("date"), what)
        yield emit(eid, "event", item, "date", item.get("date"), "events")
        yield emit(eid, "event", item, "what", what, "events")
    for item in data.get("channels") or []:
        if item.get("name"):
            yield emit(ids.channel_id(item["name"]), "channel", item, "name", item["name"], "channels")
    for item in data.get("provisions") or []:
        parties = str(item.get("agreement") or "").split("-")
        aid = agreement_for(parties) if parties != [""] else "unknown"
        pid = ids.provision_id(aid, str(item.get("code")))
        yield emit(pid, "provision", item, "agreement", aid, "provisions")
        yield emit(pid, "provision", item, "code", item.get("code"), "provisions")
        yield emit(pid, "provision", item, "value", item.get("value"), "provisions")


def ingest_extraction(session: Session, extraction: Any, *, who: str, now: datetime,
                      url: str | None = None,
                      hook: Callable[[Iterator[Statement]], Iterator[Statement]] | None = None,
                      ) -> IngestReport:
    """Store one extracted document and its candidates in the caller's transaction.

    ``hook`` wraps the statement stream (tests inject a failure part-way with it).
    """
    meta = extraction.data.get("document") or {}
    existing = docs.find_by_sha(session, extraction.sha256)
    if existing:
        return IngestReport(existing, False, 0, meta.get("title"))
    published = meta.get("publication_date")
    doc_id, _ = docs.add_document(
        session, text=extraction.text, sha256=extraction.sha256, media_type=extraction.media_type,
        title=meta.get("title"), url=url, published=date.fromisoformat(published[:10]) if published
        and len(published) >= 10 else None, authors=meta.get("authors") or [],
        metadata={k: v for k, v in meta.items() if k not in ("title", "authors")}, now=now)
    stream = statements_from_extraction(extraction.data, document_id=doc_id, resolve=_Resolver(session))
    if hook is not None:
        stream = hook(stream)
    added = st.add_statements(session, stream, who=who, now=now)
    return IngestReport(doc_id, True, added, meta.get("title"))


def extract_file(path: Path, published: date | None, *, limit: int | None = None) -> Any:
    """Run the extraction pipeline on a file (InputError subclasses on bad input: the loader
    checks existence, type, size and encoding). ``limit``: the largest file taken, in bytes
    (default: the settings'; a caller of many files reads the settings once and passes it)."""
    from accords.extract.pipeline import extract_path

    return extract_path(path, published=published, limit=limit)
