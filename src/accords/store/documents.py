"""Documents: the full original text as loaded, with its hash and metadata."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from accords.errors import NotFoundError
from accords.model.entities import Document
from accords.store.tables import documents, statements


def document_id(sha256: str) -> str:
    return f"D-{sha256[:12]}"


def _row(row: Any) -> Document:
    m = row._mapping
    return Document(id=m["id"], sha256=m["sha256"], title=m["title"], media_type=m["media_type"],
                    text=m["text"], url=m["url"], published=m["published"],
                    authors=tuple(m["authors"] or ()), metadata=dict(m["meta"] or {}),
                    recorded_at=m["recorded_at"])


def find_by_sha(session: Session, sha256: str) -> str | None:
    return session.execute(select(documents.c.id).where(documents.c.sha256 == sha256)).scalar()


def add_document(session: Session, *, text: str, sha256: str, media_type: str, now: datetime,
                 title: str | None = None, url: str | None = None, published: date | None = None,
                 authors: Sequence[str] = (), metadata: dict[str, Any] | None = None) -> tuple[str, bool]:
    """Store a document once per content hash; returns ``(id, created)``."""
    existing = find_by_sha(session, sha256)
    if existing:
        return existing, False
    did = document_id(sha256)
    session.execute(insert(documents).values(
        id=did, sha256=sha256, title=title, url=url, published=published, media_type=media_type,
        authors=list(authors), meta=dict(metadata or {}), text=text, size=len(text), recorded_at=now))
    return did, True


def get_document(session: Session, doc_id: str) -> Document:
    row = session.execute(select(documents).where(documents.c.id == doc_id)).first()
    if row is None:
        raise NotFoundError(f"no document {doc_id!r}", "see `accords list documents` for ids")
    return _row(row)


def list_documents(session: Session) -> list[dict[str, Any]]:
    """Documents with how many statements each produced (no full text)."""
    count_rows = session.execute(select(statements.c.document_id, func.count())
                                 .where(statements.c.document_id.is_not(None))
                                 .group_by(statements.c.document_id)).all()
    counts = {str(r[0]): int(r[1]) for r in count_rows}
    rows = session.execute(select(documents.c.id, documents.c.title, documents.c.media_type,
                                  documents.c.published, documents.c.url, documents.c.size,
                                  documents.c.recorded_at).order_by(documents.c.recorded_at)).all()
    return [dict(r._mapping) | {"statements": int(counts.get(r.id, 0))} for r in rows]
