"""ledger: materialized ledger entries and per-dimension totals

Revision ID: 0002_ledger
Revises: 0001_core
Create Date: 2026-11-28 02:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accords.store.tables import UTCDateTime

revision = "0002_ledger"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ledger_entries',
    sa.Column('id', sa.String(length=220), nullable=False),
    sa.Column('donor', sa.String(length=40), nullable=False),
    sa.Column('recipient', sa.String(length=40), nullable=True),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('counted', sa.Boolean(), nullable=False),
    sa.Column('amount', sa.Float(), nullable=True),
    sa.Column('currency', sa.String(length=8), nullable=True),
    sa.Column('date', sa.String(length=20), nullable=True),
    sa.Column('period', sa.String(length=80), nullable=True),
    sa.Column('ref_day', sa.Date(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('instrument', sa.String(length=40), nullable=True),
    sa.Column('channel', sa.String(length=200), nullable=True),
    sa.Column('agreement', sa.String(length=200), nullable=True),
    sa.Column('parent', sa.String(length=220), nullable=True),
    sa.Column('fx_date', sa.Date(), nullable=True),
    sa.Column('eur_rate', sa.Float(), nullable=True),
    sa.Column('usd_rate', sa.Float(), nullable=True),
    sa.Column('amount_eur', sa.Float(), nullable=True),
    sa.Column('amount_usd', sa.Float(), nullable=True),
    sa.Column('members', sa.JSON(), nullable=False),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('source_tid', sa.Integer(), nullable=False),
    sa.Column('built_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_entries_agreement', ['agreement'], unique=False)
        batch_op.create_index('ix_ledger_entries_category_cover', ['category', 'stage', 'counted', 'amount_eur', 'amount_usd', 'fx_date'], unique=False)
        batch_op.create_index('ix_ledger_entries_donor_cover', ['donor', 'stage', 'counted', 'amount_eur', 'amount_usd', 'fx_date'], unique=False)
        batch_op.create_index('ix_ledger_entries_parent', ['parent'], unique=False)
        batch_op.create_index('ix_ledger_entries_stage_cover', ['stage', 'counted', 'amount_eur', 'amount_usd', 'fx_date'], unique=False)
        batch_op.create_index('ix_ledger_entries_year_cover', ['year', 'stage', 'counted', 'amount_eur', 'amount_usd', 'fx_date'], unique=False)

    op.create_table('ledger_totals',
    sa.Column('dim', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=220), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('unconverted', sa.Integer(), nullable=False),
    sa.Column('amount_eur', sa.Float(), nullable=False),
    sa.Column('amount_usd', sa.Float(), nullable=False),
    sa.Column('fx_first', sa.Date(), nullable=True),
    sa.Column('fx_last', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('dim', 'key', 'stage', name=op.f('pk_ledger_totals'))
    )


def downgrade() -> None:
    op.drop_table('ledger_totals')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entries_year_cover')
        batch_op.drop_index('ix_ledger_entries_stage_cover')
        batch_op.drop_index('ix_ledger_entries_parent')
        batch_op.drop_index('ix_ledger_entries_donor_cover')
        batch_op.drop_index('ix_ledger_entries_category_cover')
        batch_op.drop_index('ix_ledger_entries_agreement')

    op.drop_table('ledger_entries')
