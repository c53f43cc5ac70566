"""What every command module shares: the run state, the store, dates and output formats.

Commands stay thin: they parse arguments, call a service function and render plain rows.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from accords.errors import DateError
from accords.settings import Settings, get_settings


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@dataclass
class State:
    """Per-invocation state, built by the root callback and handed to every command."""

    as_of: datetime | None = None
    _settings: Settings | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = get_settings()
        return self._settings


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if not isinstance(obj, State):
        obj = State()
        ctx.find_root().obj = obj
    return obj


def console(stderr: bool = False) -> Console:
    # Piped output (files, CI logs) gets wide tables instead of Rich's 80-column default.
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 200
    return Console(stderr=stderr, soft_wrap=False, width=width)


@contextmanager
def open_store(st: State) -> Iterator[Any]:
    """An engine on the configured store, its schema created or upgraded first. A command that
    writes many documents opens it once and gives each document its own transaction
    (:func:`accords.store.db.session_scope`): connecting and checking the schema cost more than
    storing a document."""
    from accords.store.db import connect

    engine = connect(st.settings)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def transaction(engine: Any) -> Iterator[Any]:
    """A session in one transaction on an engine of :func:`open_store`: committed when the block
    ends, rolled back whole on any error."""
    from accords.store.db import session_scope

    with session_scope(engine) as session:
        yield session


@contextmanager
def open_session(st: State) -> Iterator[Any]:
    """A session on the configured store, in one transaction; the schema is created or upgraded first."""
    with open_store(st) as engine, transaction(engine) as session:
        yield session


def now() -> datetime:
    """The wall clock, read here at the edge only; the core takes ``now`` as an argument."""
    return datetime.now(UTC)


def parse_date(text: str, what: str = "date") -> date:
    """Parse YYYY-MM-DD strictly; a malformed or impossible date is a DateError."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DateError(f"bad {what} {text!r}", "give a real calendar date as YYYY-MM-DD") from None


def parse_when(text: str, what: str = "time") -> datetime:
    """Parse a date or an ISO date-time; naive times are UTC; a date means the end of that day."""
    raw = text.strip()
    try:
        if len(raw) == 10:
            return datetime.combine(date.fromisoformat(raw), time(23, 59, 59, 999999), tzinfo=UTC)
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise DateError(f"bad {what} {text!r}",
                        "give YYYY-MM-DD or an ISO time such as 2026-12-01T04:30+02:00") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def as_of_option() -> Any:
    return typer.Option(None, "--as-of", help="Show the store as it was at this date or ISO time.")


def format_option(default: Format = Format.table) -> Any:
    return typer.Option(default, "--format", "-f", help="Output format.", case_sensitive=False)


def resolve_as_of(st: State, local: str | None) -> datetime | None:
    return parse_when(local, "--as-of") if local else st.as_of


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _cell(value)
    return repr(value) if isinstance(value, float) and not value.is_integer() else int(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def render(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
           title: str | None = None) -> None:
    """Print rows as a Rich table, JSON (a list of objects) or CSV on stdout."""
    cols = list(columns) if columns else (list(rows[0].keys()) if rows else [])
    if fmt == Format.json:
        sys.stdout.write(json.dumps([_jsonable(r) for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == Format.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            # CSV is for other tools: plain numbers, no thousands separators.
            writer.writerow([_csv_cell(r.get(c)) for c in cols])
        sys.stdout.write(buf.getvalue())
        return
    table = Table(title=title, show_lines=False)
    for c in cols:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*[_cell(r.get(c)) for c in cols])
    out = console()
    out.print(table)
    if not rows:
        out.print("[dim](nothing to show)[/dim]")


def render_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(_jsonable(obj), ensure_ascii=False, indent=2, default=str) + "\n")
