"""Imports every module that defines tables, so the shared metadata is complete.

A capability that adds tables adds its module here; migrations and the models-versus-
migrations test compare against this metadata. Without these imports the metadata depends on
what happened to be imported first (a test run alone saw the ledger tables as "to be removed").
"""

from __future__ import annotations

from accords.analyze import ledger_tables  # noqa: F401 - registers the ledger tables
from accords.operate import tables as operate_tables  # noqa: F401 - registers the mechanism tables
from accords.store import tables

metadata = tables.metadata
