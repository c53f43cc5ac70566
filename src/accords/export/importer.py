"""Reading an export back into a store: the statements table (and the documents it cites).

The entity tables are views and are not read: the statements are the facts. Importing into a
fresh store therefore gives the same entities; importing twice adds nothing (ids are kept).
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from accords.errors import InputError, UnsupportedFormatError
from accords.model.statement import Span, Statement
from accords.store import documents as docs
from accords.store import statements as st


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return value


def read_table(path: Path, name: str) -> list[dict[str, Any]]:
    """Rows of table ``name`` from an export directory (csv/json/parquet) or workbook (xlsx)."""
    if path.is_file() and path.suffix.lower() == ".xlsx":
        try:
            df = pd.read_excel(path, sheet_name=name, dtype=object)
        except ValueError:
            return []
    elif path.is_dir():
        for ext in ("json", "csv", "parquet"):
            f = path / f"{name}.{ext}"
            if not f.is_file():
                continue
            if ext == "json":
                data = json.loads(f.read_text("utf-8"))
                if not isinstance(data, list):
                    raise UnsupportedFormatError(f"{f} is not a list of rows", "give an accords JSON export")
                return [dict(r) for r in data]
            df = pd.read_csv(f, dtype=object, keep_default_na=False, na_values=[""]) if ext == "csv" \
                else pd.read_parquet(f)
            break
        else:
            return []
    else:
        raise InputError(f"{path} is neither an export directory nor an .xlsx file",
                         "give the OUT of `accords export`")
    return [{k: _clean(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def _int(v: Any) -> int | None:
    v = _clean(v)
    return None if v is None else int(float(v))


def _when(v: Any) -> datetime | None:
    v = _clean(v)
    if v is None:
        return None
    when = v if isinstance(v, datetime) else datetime.fromisoformat(str(v))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def to_statement(row: dict[str, Any]) -> Statement:
    start, end = _int(row.get("span_start")), _int(row.get("span_end"))
    conf = _clean(row.get("confidence"))
    return Statement(
        id=str(row["id"]), entity_id=str(row["entity"]), schema=str(row["schema"]), prop=str(row["prop"]),
        value=json.loads(str(row["value"])), method=str(row["method"]), document_id=_clean(row.get("document")),
        span=Span(start, end, _int(row.get("page"))) if start is not None and end is not None else None,
        quote=_clean(row.get("quote")), source_url=_clean(row.get("source_url")), author=_clean(row.get("author")),
        dataset=_clean(row.get("dataset")), confidence=None if conf is None else float(conf),
        status=str(row["status"]), recorded_at=_when(row.get("recorded_at")),
        extra=json.loads(str(row["extra"])) if _clean(row.get("extra")) else {})


def import_export(session: Session, path: Path, *, who: str, now: datetime) -> tuple[int, int]:
    """Add the statements (and cited documents) of an export; returns ``(statements, documents)`` added."""
    rows = read_table(path, "statements")
    if not rows:
        raise InputError(f"no statements table in {path}", "export with `accords export` first")
    added_docs = 0
    long_texts: dict[str, list[tuple[int, str]]] = {}
    for part in read_table(path, "document_text"):  # XLSX keeps texts longer than a cell here
        long_texts.setdefault(str(part["id"]), []).append((int(part["part"]), str(part["text"] or "")))
    for d in read_table(path, "documents"):
        if not _clean(d.get("text")) and str(d.get("id")) in long_texts:
            d["text"] = "".join(t for _, t in sorted(long_texts[str(d["id"])]))
        published = _clean(d.get("published"))
        _, created = docs.add_document(
            session, text=str(d.get("text") or ""), sha256=str(d["sha256"]), media_type=str(d["media_type"]),
            now=_when(d.get("recorded_at")) or now, title=_clean(d.get("title")), url=_clean(d.get("url")),
            published=date.fromisoformat(str(published)[:10]) if published else None,
            authors=[a for a in str(_clean(d.get("authors")) or "").split("; ") if a],
            metadata=json.loads(str(d["metadata"])) if _clean(d.get("metadata")) else {})
        added_docs += int(created)
    try:
        stmts = [to_statement(r) for r in rows]
    except (KeyError, ValueError, TypeError) as exc:
        raise InputError(f"the statements table in {path} is malformed ({type(exc).__name__}: {exc})",
                         "import an unmodified `accords export`") from None
    return st.add_statements(session, stmts, who=who, now=now), added_docs
