"""operate: convenings, notification outbox, delivery attempts

Revision ID: 0003_operate
Revises: 0001_core
Create Date: 2026-11-28 02:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accords.store.tables import UTCDateTime

revision = "0003_operate"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "convenings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("consultation_id", sa.String(length=300), nullable=False),
        sa.Column("convened_at", UTCDateTime(), nullable=False),
        sa.Column("format", sa.String(length=120), nullable=True),
        sa.Column("level", sa.String(length=120), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_convenings")),
    )
    with op.batch_alter_table("convenings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_convenings_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "notification_outbox",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("delivery_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("payload_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("done_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_outbox")),
    )
    with op.batch_alter_table("notification_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notification_outbox_delivery_id"), ["delivery_id"], unique=False)

    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("delivery_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("payload_hash", sa.String(length=64), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deliveries_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_deliveries_delivery_id"), ["delivery_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliveries_delivery_id"))
        batch_op.drop_index(batch_op.f("ix_deliveries_at"))
    op.drop_table("deliveries")
    with op.batch_alter_table("notification_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_outbox_delivery_id"))
    op.drop_table("notification_outbox")
    with op.batch_alter_table("convenings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_convenings_consultation_id"))
    op.drop_table("convenings")
