"""Merge the ledger and operate branches into one head.

Revision ID: 0004_merge
Revises: 0002_ledger, 0003_operate
"""

from __future__ import annotations

revision = "0004_merge"
down_revision = ("0002_ledger", "0003_operate")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
