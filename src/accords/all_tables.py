"""Imports every module that defines tables, so the shared metadata is complete.

A capability that adds tables adds its module here; migrations and the models-versus-
migrations test compare against this metadata.
"""

from __future__ import annotations

from accords.store import tables

metadata = tables.metadata
