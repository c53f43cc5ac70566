"""Imports every module that defines tables, so the shared metadata is complete.

A capability that adds tables adds its module here; migrations and the models-versus-
migrations test compare against this metadata.
"""

from __future__ import annotations

import accords.analyze.ledger_tables
import accords.operate.tables
from accords.store import tables

TABLE_MODULES = (tables, accords.analyze.ledger_tables, accords.operate.tables)
metadata = tables.metadata
