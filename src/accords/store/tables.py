"""Table definitions shared by every store module (one MetaData for all migrations)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, stored as naive UTC on every dialect.

    SQLite has no time zone type; storing naive UTC everywhere keeps comparisons (as-of
    queries) correct and identical on SQLite and PostgreSQL.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware UTC time")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]


documents = Table(
    "documents", metadata,
    Column("id", String(40), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("url", Text),
    Column("published", Date),
    Column("media_type", String(120), nullable=False),
    Column("authors", JSON, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("recorded_at", UTCDateTime(), nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", String(200), primary_key=True),
    Column("schema", String(40), nullable=False, index=True),
    Column("label", Text),
    Column("created_at", UTCDateTime(), nullable=False),
)

statements = Table(
    "statements", metadata,
    Column("id", String(40), primary_key=True),
    Column("entity_id", String(200), ForeignKey("entities.id"), nullable=False, index=True),
    Column("schema", String(40), nullable=False, index=True),
    Column("prop", String(80), nullable=False),
    Column("value", Text, nullable=False),
    Column("document_id", String(40), ForeignKey("documents.id"), index=True),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("page", Integer),
    Column("quote", Text),
    Column("source_url", Text),
    Column("author", String(120)),
    Column("method", String(160), nullable=False),
    Column("dataset", String(120), index=True),
    Column("confidence", Float),
    Column("status", String(20), nullable=False, index=True),
    Column("recorded_at", UTCDateTime(), nullable=False),
    Column("extra", JSON, nullable=False),
    Index("ix_statements_schema_status", "schema", "status"),
)

transitions = Table(
    "transitions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("statement_id", String(40), ForeignKey("statements.id"), nullable=False, index=True),
    Column("from_status", String(20)),
    Column("to_status", String(20), nullable=False),
    Column("who", String(120), nullable=False),
    Column("at", UTCDateTime(), nullable=False, index=True),
    Column("why", Text),
)
