"""The vocabulary: entities, statements and spans (see DESIGN.md)."""

from accords.model.entities import (
    Agreement,
    Channel,
    Commitment,
    Document,
    Event,
    Party,
    Person,
    Provision,
)
from accords.model.schema import SCHEMAS, PropSpec, SchemaSpec, schema_for
from accords.model.statement import (
    ACTIVE,
    STATUSES,
    Span,
    Statement,
    Transition,
    make_statement,
    statement_id,
)

__all__ = [
    "ACTIVE",
    "SCHEMAS",
    "STATUSES",
    "Agreement",
    "Channel",
    "Commitment",
    "Document",
    "Event",
    "Party",
    "Person",
    "PropSpec",
    "Provision",
    "SchemaSpec",
    "Span",
    "Statement",
    "Transition",
    "make_statement",
    "schema_for",
    "statement_id",
]
