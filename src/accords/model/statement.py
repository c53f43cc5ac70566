"""The statement: one value of one property of one entity, with where it came from.

Modelled on OpenSanctions' statement model: the id is a hash of the key fields, so the same
claim from the same source always gets the same id (re-ingesting adds nothing), while the same
claim from another source is another statement (conflicts and corroboration both stay visible).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

CANDIDATE = "candidate"
ACCEPTED = "accepted"
REJECTED = "rejected"
SUPERSEDED = "superseded"
STATUSES = (CANDIDATE, ACCEPTED, REJECTED, SUPERSEDED)
# Statements that views rebuild entities from.
ACTIVE = (ACCEPTED,)


@dataclass(frozen=True, slots=True)
class Span:
    """A character range in a document's text as loaded; ``text[start:end] == quote``."""

    start: int
    end: int
    page: int | None = None

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end}]")

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Statement:
    """One claim. Either ``document_id`` + ``span`` + ``quote``, or ``author`` (a human), or
    ``dataset`` + ``source_url`` says where it came from."""

    id: str
    entity_id: str
    schema: str
    prop: str
    value: Any
    method: str
    document_id: str | None = None
    span: Span | None = None
    quote: str | None = None
    source_url: str | None = None
    author: str | None = None
    dataset: str | None = None
    confidence: float | None = None
    status: str = CANDIDATE
    recorded_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_status(self, status: str) -> Statement:
        return replace(self, status=status)

    def provenance(self) -> str:
        """A short human-readable origin: the document and span, the dataset, or the author."""
        if self.document_id:
            span = f"[{self.span.start}:{self.span.end}]" if self.span else ""
            return f"doc {self.document_id}{span}"
        if self.dataset:
            return self.method if self.method.startswith("dataset:") else f"dataset:{self.dataset}"
        if self.author:
            return f"human:{self.author}"
        return self.method


@dataclass(frozen=True, slots=True)
class Transition:
    """A review step: ``statement_id`` went from ``from_status`` to ``to_status``."""

    statement_id: str
    from_status: str | None
    to_status: str
    who: str
    at: datetime
    why: str | None = None


def encode_value(value: Any) -> str:
    """Canonical JSON text of a value; the store keeps values in this form."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def statement_id(entity_id: str, prop: str, value: Any, *, document_id: str | None = None,
                 span: Span | None = None, method: str = "", dataset: str | None = None,
                 author: str | None = None, source_url: str | None = None) -> str:
    """Hash of the key fields: the same claim from the same origin always has the same id."""
    key = "\x1f".join([
        entity_id, prop, encode_value(value), document_id or "",
        f"{span.start}:{span.end}" if span else "", method, dataset or "", author or "", source_url or "",
    ])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]


def make_statement(entity_id: str, schema: str, prop: str, value: Any, *, method: str,
                   document_id: str | None = None, span: Span | None = None, quote: str | None = None,
                   source_url: str | None = None, author: str | None = None, dataset: str | None = None,
                   confidence: float | None = None, status: str = CANDIDATE,
                   recorded_at: datetime | None = None,
                   extra: dict[str, Any] | None = None) -> Statement:
    """Build a statement with its id computed from the key fields."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    sid = statement_id(entity_id, prop, value, document_id=document_id, span=span, method=method,
                       dataset=dataset, author=author, source_url=source_url)
    return Statement(id=sid, entity_id=entity_id, schema=schema, prop=prop, value=value, method=method,
                     document_id=document_id, span=span, quote=quote, source_url=source_url,
                     author=author, dataset=dataset, confidence=confidence, status=status,
                     recorded_at=recorded_at, extra=dict(extra or {}))
