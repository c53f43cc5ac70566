"""A Frictionless Data Package descriptor (``datapackage.json``) for an export, written by hand.

It names every resource (file) and every field with its type, unit and meaning, so the data
opens in Excel, pandas, R or Datasette without reading our code.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from accords.export.tables import Table

MEDIA = {"csv": "text/csv", "json": "application/json", "parquet": "application/vnd.apache.parquet",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
LICENSE_NOTE = ("Descriptions and notes are the accords project's own words, released under CC BY 4.0; "
                "facts carry the URL of their source.")


def field(col: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": col.name, "type": col.type, "description": col.description}
    if col.unit:
        out["unit"] = col.unit
    if col.type == "datetime":
        out["format"] = "any"
    return out


def descriptor(tables: list[Table], fmt: str, paths: dict[str, str], *, as_of: datetime | None,
               created: datetime, version: str) -> dict[str, Any]:
    """The descriptor; ``paths`` maps a table to its file, relative to the descriptor."""
    resources = []
    for t in tables:
        res: dict[str, Any] = {
            "name": t.name, "path": paths[t.name], "format": fmt, "mediatype": MEDIA[fmt],
            "profile": "tabular-data-resource", "description": t.description,
            "schema": {"fields": [field(c) for c in t.columns], "primaryKey": ["id"]},
        }
        if fmt == "xlsx":
            res["dialect"] = {"sheet": t.name}
            if t.name == "documents":
                res["description"] += (" Texts longer than an Excel cell are empty here and stored in parts in the "
                                       "document_text sheet (id, part, text); join the parts in order.")
        if fmt == "csv":
            res["encoding"] = "utf-8"
        resources.append(res)
    return {
        "profile": "tabular-data-package",
        "name": "accords-export",
        "title": "accords: security agreements and support commitments as source-linked data",
        "version": version,
        "created": created.isoformat(),
        "description": ("Export of an accords store" + (f" as of {as_of.isoformat()}" if as_of else "") +
                        ". Entity tables show accepted facts; the statements table keeps every value with "
                        "its origin, so conflicting sources stay visible."),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0"}],
        "sources": [{"title": "accords reference dataset and ingested documents; see each statement's source_url"}],
        "x_accords_note": LICENSE_NOTE,
        "resources": resources,
    }
