"""Writing export tables as CSV, JSON, Parquet (a directory) or XLSX (one workbook), each with its
``datapackage.json``."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from accords import __version__
from accords.errors import InputError
from accords.export.datapackage import descriptor
from accords.export.tables import Table

FORMATS = ("csv", "xlsx", "json", "parquet")
# Excel refuses cells longer than this; longer document texts go to a sheet of parts.
XLSX_CELL_LIMIT = 32_767
TEXT_PART = 32_000
PANDAS_TYPES = {"string": "object", "number": "float64", "integer": "Int64", "boolean": "boolean",
                "datetime": "object"}


def frame(table: Table) -> pd.DataFrame:
    """A DataFrame with one column per declared field, typed as declared (nullable)."""
    cols = [c.name for c in table.columns]
    df = pd.DataFrame(table.rows, columns=cols)
    for c in table.columns:
        df[c.name] = df[c.name].astype(PANDAS_TYPES.get(c.type, "object"))
    return df


def _records(table: Table) -> list[dict[str, Any]]:
    names = [c.name for c in table.columns]
    return [{n: row.get(n) for n in names} for row in table.rows]


def _split_long_texts(table: Table, parts: list[dict[str, Any]]) -> Table:
    """Move texts too long for one Excel cell into ``parts`` (id, part, text); the cell is left empty."""
    rows = []
    for row in table.rows:
        text = row.get("text") or ""
        if len(text) > XLSX_CELL_LIMIT:
            parts.extend({"id": row["id"], "part": i // TEXT_PART, "text": text[i:i + TEXT_PART]}
                         for i in range(0, len(text), TEXT_PART))
            row = {**row, "text": None}
        rows.append(row)
    return Table(table.name, table.columns, rows, table.description)


def write(tables: list[Table], fmt: str, out: Path, *, as_of: datetime | None, now: datetime) -> list[Path]:
    """Write ``tables`` to ``out``; returns the files written (the descriptor last)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    written: list[Path] = []
    if fmt == "xlsx":
        if out.suffix.lower() != ".xlsx":
            raise InputError(f"{out} is not an .xlsx file name", "give OUT as a file ending in .xlsx")
        out.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(out, engine="openpyxl") as xw:
            parts: list[dict[str, Any]] = []
            for t in tables:
                if t.name == "documents":
                    t = _split_long_texts(t, parts)
                frame(t).to_excel(xw, sheet_name=t.name, index=False)
            if parts:
                pd.DataFrame(parts, columns=["id", "part", "text"]).to_excel(xw, sheet_name="document_text",
                                                                            index=False)
        written.append(out)
        dp_path = out.with_name(out.stem + ".datapackage.json")
        paths = {t.name: out.name for t in tables}
    else:
        if out.exists() and not out.is_dir():
            raise InputError(f"{out} exists and is not a directory", f"give a directory as OUT for {fmt}")
        out.mkdir(parents=True, exist_ok=True)
        paths = {t.name: f"{t.name}.{fmt}" for t in tables}
        for t in tables:
            path = out / paths[t.name]
            if fmt == "csv":
                frame(t).to_csv(path, index=False, encoding="utf-8")
            elif fmt == "json":
                path.write_text(json.dumps(_records(t), ensure_ascii=False, indent=1) + "\n", "utf-8")
            else:
                frame(t).to_parquet(path, index=False)
            written.append(path)
        dp_path = out / "datapackage.json"
    dp = descriptor(tables, fmt, paths, as_of=as_of, created=now, version=__version__)
    dp_path.write_text(json.dumps(dp, ensure_ascii=False, indent=2) + "\n", "utf-8")
    written.append(dp_path)
    return written
