"""Exports for analysts: one table per entity kind plus statements and documents, in CSV, JSON,
Parquet or XLSX, described by a Frictionless ``datapackage.json``; and the way back in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from accords.export.importer import import_export
from accords.export.tables import Table, build_tables
from accords.export.write import FORMATS, write


def export(session: Session, fmt: str, out: Path, *, now: datetime,
           as_of: datetime | None = None) -> list[Path]:
    """Write the store (as of ``as_of``) to ``out`` in ``fmt``; returns the files written."""
    return write(build_tables(session, as_of), fmt, out, as_of=as_of, now=now)


__all__ = ["FORMATS", "Table", "build_tables", "export", "import_export", "write"]
