"""core: documents, entities, statements, transitions

Revision ID: 0001_core
Revises:
Create Date: 2026-11-28 01:56:06.583698
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accords.store.tables import UTCDateTime

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("schema", sa.String(length=40), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_schema"), ["schema"], unique=False)

    op.create_table(
        "statements",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=200), nullable=False),
        sa.Column("schema", sa.String(length=40), nullable=False),
        sa.Column("prop", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(length=40), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=120), nullable=True),
        sa.Column("method", sa.String(length=160), nullable=False),
        sa.Column("dataset", sa.String(length=120), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_statements_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_statements_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
    )
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statements_dataset"), ["dataset"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_schema"), ["schema"], unique=False)
        batch_op.create_index("ix_statements_schema_status", ["schema", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_status"), ["status"], unique=False)

    op.create_table(
        "transitions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("statement_id", sa.String(length=40), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("why", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statements.id"], name=op.f("fk_transitions_statement_id_statements")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transitions")),
    )
    with op.batch_alter_table("transitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transitions_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_transitions_statement_id"), ["statement_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("transitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transitions_statement_id"))
        batch_op.drop_index(batch_op.f("ix_transitions_at"))

    op.drop_table("transitions")
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statements_status"))
        batch_op.drop_index("ix_statements_schema_status")
        batch_op.drop_index(batch_op.f("ix_statements_schema"))
        batch_op.drop_index(batch_op.f("ix_statements_entity_id"))
        batch_op.drop_index(batch_op.f("ix_statements_document_id"))
        batch_op.drop_index(batch_op.f("ix_statements_dataset"))

    op.drop_table("statements")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_schema"))

    op.drop_table("entities")
    op.drop_table("documents")
