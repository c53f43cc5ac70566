"""Materialized ledger: one row per deduplicated ledger entry, plus per-dimension totals.

Both tables are projections rebuilt from accepted statements by ``rebuild_ledger``; the
statements stay the truth (and the as-of path reads them directly). They exist so that
aggregating a million entries is a plain indexed ``SUM ... GROUP BY`` (``ledger_entries``) or a
lookup (``ledger_totals``), not a pivot over the statements table.

Converted amounts are stored at build time (EUR and USD at the fixing of the entry's reference
day, with that fixing date), so totals never call the converter.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Date, Float, Index, Integer, String, Table, Text

from accords.store.tables import UTCDateTime, metadata

ledger_entries = Table(
    "ledger_entries", metadata,
    Column("id", String(220), primary_key=True),
    Column("donor", String(40), nullable=False),
    Column("recipient", String(40)),
    Column("stage", String(20), nullable=False),
    # counted = adds to its stage's totals (False for a part whose whole is in the same stage).
    Column("counted", Boolean, nullable=False),
    Column("amount", Float),
    Column("currency", String(8)),
    Column("date", String(20)),
    Column("period", String(80)),
    Column("ref_day", Date),
    Column("year", Integer),
    Column("category", String(40), nullable=False),
    Column("instrument", String(40)),
    Column("channel", String(200)),
    Column("agreement", String(200)),
    Column("parent", String(220)),
    Column("fx_date", Date),
    Column("eur_rate", Float),
    Column("usd_rate", Float),
    Column("amount_eur", Float),
    Column("amount_usd", Float),
    Column("members", JSON, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("description", Text),
    Column("source_tid", Integer, nullable=False),
    Column("built_at", UTCDateTime(), nullable=False),
    # Covering indexes: each main aggregation reads only its index, in group order.
    Index("ix_ledger_entries_donor_cover", "donor", "stage", "counted", "amount_eur", "amount_usd", "fx_date"),
    Index("ix_ledger_entries_category_cover", "category", "stage", "counted", "amount_eur", "amount_usd", "fx_date"),
    Index("ix_ledger_entries_year_cover", "year", "stage", "counted", "amount_eur", "amount_usd", "fx_date"),
    Index("ix_ledger_entries_stage_cover", "stage", "counted", "amount_eur", "amount_usd", "fx_date"),
    Index("ix_ledger_entries_agreement", "agreement"),
    Index("ix_ledger_entries_parent", "parent"),
)

ledger_totals = Table(
    "ledger_totals", metadata,
    Column("dim", String(20), primary_key=True),
    Column("key", String(220), primary_key=True),
    Column("stage", String(20), primary_key=True),
    Column("entries", Integer, nullable=False),
    Column("unconverted", Integer, nullable=False),
    Column("amount_eur", Float, nullable=False),
    Column("amount_usd", Float, nullable=False),
    Column("fx_first", Date),
    Column("fx_last", Date),
)
