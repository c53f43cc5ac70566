"""Imports every module that defines tables, so the shared metadata is complete.

A capability that adds tables adds its module here (migrations compare against this).
"""

from __future__ import annotations

import importlib

from accords.store import tables

TABLE_MODULES = ("accords.store.tables",)
OPTIONAL_TABLE_MODULES = ("accords.analyze.ledger_tables", "accords.operate.tables")

for _name in OPTIONAL_TABLE_MODULES:
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        if exc.name != _name:
            raise

metadata = tables.metadata
